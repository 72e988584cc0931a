"""Front-matter metadata: which keys a site requires, their types, and normalization.

Sites differ (Microsoft Learn uses ``ms.date`` and ``ms.collection``; others use ``date`` and
``tags``), so the rules come from the site's configuration, never from code.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Diagnostic, Location
from .yaml_source import LocatedMapping

METADATA_TYPES = ("text", "list", "date")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\Z")


#: Keys any site may use without declaring them: they are shown (``<title>``, ``<meta>``),
#: never acted on. So is any namespaced key (with a dot), like ``ms.date`` or ``f1.keywords``.
SAFE_KEYS = frozenset({"title", "description", "keywords", "author"})

#: Front-matter keys that MkDocs, Material for MkDocs or common MkDocs plugins act on: set from
#: content, they would change how a page is built (its template, what is hidden or searched,
#: blog and social cards, macros). A site that wants one lists it under ``metadata.allow``.
INTERPRETED_KEYS = frozenset(
    {
        "template",
        "icon",
        "status",
        "subtitle",
        "hide",
        "search",
        "tags",
        "comments",
        "social",
        "authors",
        "date",
        "categories",
        "slug",
        "draft",
        "pin",
        "readtime",
        "links",
        "render_macros",
        "ignore_macros",
        "redirect_from",
        "redirects",
        "nav_title",
        "edit_url",
        "canonical_url",
        "toc",
        "product_id",  # set by privacy-pages itself on every product page
    }
)


@dataclass(frozen=True)
class MetadataRules:
    """The keys every product page must carry, the keys it may carry, and their types.

    A product's metadata becomes its page's front matter. A key reaches it when it is safe
    (:data:`SAFE_KEYS`, or namespaced with a dot) or declared by the site: required, typed, or
    allowed. Any other key is an error, and so is a key MkDocs or the theme acts on
    (:data:`INTERPRETED_KEYS`) unless the site declares it.
    """

    required: tuple[str, ...] = ("title", "description")
    types: Mapping[str, str] = field(default_factory=dict)
    #: Keys products may set beyond the required and typed ones (option ``metadata.allow``).
    allow: tuple[str, ...] = ()

    def type_of(self, key: str) -> str:
        return self.types.get(key, "text")

    def declared(self, key: str) -> bool:
        return key in self.required or key in self.types or key in self.allow

    def refusal(self, key: str) -> str | None:
        """Why ``key`` may not reach a page's front matter, or ``None`` when it may."""
        if self.declared(key):
            return None
        if key in INTERPRETED_KEYS:
            return (
                f"key {key!r} is acted on by MkDocs or the theme (it would change how the page is "
                "built), so content may not set it; remove it, or list it under the plugin's "
                "metadata.allow if the site means it"
            )
        if key in SAFE_KEYS or ("." in key.strip(".")):
            return None
        return (
            f"key {key!r} is not declared by the site; declare it under the plugin's "
            "metadata.allow (or metadata.required / metadata.types), or remove it"
        )


#: Front-matter keys that themes print as they are, but whose values plugins compare
#: (Material's tags index groups pages by tag): kept as written, so they may hold no markup.
#: Every other value is HTML-escaped for the theme, which prints many as they are (the title,
#: description, author, subtitle and status in Material).
KEPT_AS_WRITTEN = ("tags",)
#: The values a generated page's written HTML is checked for (see
#: :func:`privacy_pages.render.page_check.runnable_from`): those a theme prints in attributes.
PRINTED_AS_HTML = ("title", "description", "author", "subtitle", "status")


def _markup_in(value: object) -> str | None:
    """The first value that holds ``<`` or ``>`` (text or a list of texts), or None."""
    for text in value if isinstance(value, list) else [value]:
        if isinstance(text, str) and ("<" in text or ">" in text):
            return text
    return None


def normalize_metadata(
    raw: Mapping[str, Any], rules: MetadataRules, fallback: Location
) -> tuple[dict[str, object], list[Diagnostic]]:
    """Check and normalize one product's metadata: keys the site does not allow are refused
    (see :class:`MetadataRules`), values are checked against their declared types."""
    problems: list[Diagnostic] = []
    result: dict[str, object] = {}

    def where(key: str) -> Location:
        return raw.where(key) if isinstance(raw, LocatedMapping) else fallback

    for key, value in raw.items():
        kind = rules.type_of(key)
        path = f"metadata.{key}"
        refused = rules.refusal(key)
        if refused is not None:
            at = raw.where_key(key) if isinstance(raw, LocatedMapping) else fallback
            problems.append(Diagnostic(at, refused, "metadata-key", key_path=path))
            continue
        if value is None or value == [] or value == "":
            if key in rules.required:
                problems.append(
                    Diagnostic(where(key), f"expected a {kind} value, found nothing", key_path=path)
                )
            continue
        if kind == "list":
            items = value if isinstance(value, list) else str(value).split(",")
            result[key] = [str(item).strip() for item in items if str(item).strip()]
        elif kind == "date":
            text = str(value).strip()
            if _ISO_DATE.match(text):
                result[key] = text
            else:
                hint = _date_hint(text)
                problems.append(
                    Diagnostic(
                        where(key),
                        f"expected an ISO date (YYYY-MM-DD), found {text!r}{hint}",
                        key_path=path,
                    )
                )
        elif isinstance(value, list):
            problems.append(
                Diagnostic(
                    where(key),
                    "expected text, found a list (declare the key as a list in the site's "
                    "metadata types if it is one)",
                    key_path=path,
                )
            )
        else:
            result[key] = str(value).strip()
        markup = _markup_in(result.get(key)) if key in KEPT_AS_WRITTEN else None
        if markup is not None:  # Material prints tags as they are
            problems.append(
                Diagnostic(
                    where(key),
                    f"expected text without markup, found {markup!r}: the theme prints "
                    f"{key} as they are",
                    key_path=path,
                )
            )
            del result[key]
    for key in rules.required:
        if key not in raw:
            problems.append(
                Diagnostic(
                    raw.location if isinstance(raw, LocatedMapping) else fallback,
                    f"expected key {key!r} (required by the site's metadata rules), found none",
                    key_path=f"metadata.{key}",
                )
            )
    return result, problems


def _date_hint(text: str) -> str:
    """A suggestion for a date written with slashes: only real dates, and both readings when
    the day and the month could be swapped (``03/04/2026``)."""
    slashed = _US_DATE.match(text)
    if slashed is None:
        return ""
    first, second, year = (int(part) for part in slashed.groups())
    readings = []
    for month, day in ((first, second), (second, first)):
        with contextlib.suppress(ValueError):
            readings.append(dt.date(year, month, day).isoformat())
    if not readings:
        return ""
    if len(readings) == 2 and readings[0] != readings[1]:
        return f" (did you mean {readings[0]} or {readings[1]}?)"
    return f" (did you mean {readings[0]}?)"
