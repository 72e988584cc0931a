"""Front-matter metadata: which keys a site requires, their types, and normalization.

Sites differ (Microsoft Learn uses ``ms.date`` and ``ms.collection``; others use ``date`` and
``tags``), so the rules come from the site's configuration, never from code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Diagnostic, Location
from .yaml_source import LocatedMapping

METADATA_TYPES = ("text", "list", "date")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\Z")


@dataclass(frozen=True)
class MetadataRules:
    """The keys every product page must carry, and the type of any key."""

    required: tuple[str, ...] = ("title", "description")
    types: Mapping[str, str] = field(default_factory=dict)

    def type_of(self, key: str) -> str:
        return self.types.get(key, "text")


def normalize_metadata(
    raw: Mapping[str, Any], rules: MetadataRules, fallback: Location
) -> tuple[dict[str, object], list[Diagnostic]]:
    """Check and normalize one product's metadata. Unknown keys are kept as written."""
    problems: list[Diagnostic] = []
    result: dict[str, object] = {}

    def where(key: str) -> Location:
        return raw.where(key) if isinstance(raw, LocatedMapping) else fallback

    for key, value in raw.items():
        kind = rules.type_of(key)
        path = f"metadata.{key}"
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
                hint = ""
                us = _US_DATE.match(text)
                if us:
                    month, day, year = us.groups()
                    hint = f" (did you mean {year}-{int(month):02d}-{int(day):02d}?)"
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
