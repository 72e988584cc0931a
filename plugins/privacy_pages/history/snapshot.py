"""Release snapshots: a dataset reduced to its meaning, as compact, canonical JSON.

A snapshot records what every statement says at a release — products with their metadata, every
data item, storage and retention, the shared catalog and the categories — and nothing about how
the YAML was written. Two content trees that differ only in key order, YAML style, quoting,
comments or whitespace give the same snapshot, byte for byte; so comparing snapshots compares
meaning (see :mod:`privacy_pages.history.changes`).

Snapshots live in ``content/history/<version>.json``. The record loader only reads YAML, so
this module loads and checks them itself, with ``file:line:col`` errors.

Format 2 also keeps, for each release, its effective date, the records themselves (the
product, catalog, category and store files as data: an archived page is rendered from them with
today's templates), the dates it was recorded again with ``--force``, and a digest of all of
it: a snapshot edited after its release no longer matches its digest, and reading it says so.
Whoever edits it on purpose can compute the digest again: it catches accidental edits only
(where the content is in git, :mod:`.evidence` compares each release with the commit that
recorded it). What a release holds is checked as content is, when it is read.

Format 3 also keeps the translations that were current when the release was made: for each
language of ``content/translations/``, each record's translated texts whose source fingerprint
matches the text the release records (a stale or missing translation is not kept). A version's
page is rendered in each language from them (see :mod:`.archive`); a format 2 release kept
none, and its pages in other languages show its English text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from ..atomic_write import OutsideContent, write_text_atomically
from ..diagnostics import Diagnostic, Diagnostics, Location, display_path
from ..load.characters import forbidden_character
from ..load.discovery import DEVICE_NAMES, links_outside, record_kind
from ..load.links import markdown_links, url_problem
from ..load.yaml_source import Limits, YamlFault, read_text
from ..model import (
    Alternatives,
    CatalogItem,
    Category,
    DataItem,
    Dataset,
    Detail,
    ItemGroup,
    Link,
    Product,
    Retention,
    Transfers,
)
from ..version import __version__

#: The format of snapshot files; raise it when the meaning of a field changes. Format 2 adds
#: ``effective``, ``records``, ``re_recorded`` and ``digest``; format 3 adds ``translations``.
#: Files of formats 1 and 2 are still read.
SCHEMA_VERSION = 3
#: What a product's state records: 2 adds what the statement says of purposes, recipients,
#: controls, the rights it names, the complaint right, legal bases, the controller, transfers,
#: automated decisions, data sources and subjects, and its scope (:data:`LATER_PARTS`). A
#: release recorded before compares with another on what both record (``recorded`` absent: 1).
STATE_FORMAT = 2
#: The parts of a product state that states of format 1 do not record, as paths.
LATER_PARTS = (
    "purposes",
    "sharing",
    "controls",
    "scope",
    "controller",
    "automated_decisions",
    "data_sources",
    "data_subjects",
    "data_use.legal_bases",
    "data_use.legitimate_interests",
    "data_use.special_categories",
    "rights.rights",
    "rights.complaint",
    "storage.transfers",
)
#: The kinds of record a snapshot keeps (what a product page is rendered from).
RECORD_KINDS = frozenset({"product", "catalog", "categories", "stores"})
#: Where snapshots live inside the content folder.
HISTORY_DIR = "history"
#: The requirement recorded for items a statement says are never collected.
NEVER_COLLECTED = "never-collected"

VERSION_PATTERN = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,63}\Z")
DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}\Z")

#: A dataset's meaning as plain JSON data: ``{"products": ..., "catalog": ..., "categories": ...}``.
State = dict[str, Any]

# -- text ---------------------------------------------------------------------------------------

_BLOCK_START = re.compile(r"\s*(([-+*]|\d{1,9}[.)])(\s|$)|[>#|<]|!!!|\?\?\?|:::)")
_FENCE = re.compile(r"\s*(```|~~~)")
_SPACES = re.compile(r"[ \t]+")


def canonical_text(value: str) -> str:
    """Text with formatting-only differences removed.

    Line endings, trailing spaces, blank-line runs, runs of spaces and the way a paragraph is
    wrapped (a YAML literal ``|``, a folded ``>`` or a plain scalar) do not change what a reader
    sees, so they are normalized away. Lines that start a Markdown block (a list item, a quote,
    a table row, a heading) and fenced code keep their own lines.
    """
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    paragraphs: list[list[str]] = []
    current: list[str] = []
    fenced = False
    for raw in lines:
        line = raw.rstrip()
        if fenced or _FENCE.match(line):
            if _FENCE.match(line):
                fenced = not fenced
            current.append(line)
            continue
        if not line.strip():
            if current:
                paragraphs.append(current)
                current = []
            continue
        indent = line[: len(line) - len(line.lstrip())]
        if len(indent.expandtabs(4)) < 4 and not _BLOCK_START.match(line):
            indent = ""  # up to three spaces before a paragraph mean nothing in Markdown
        body = _SPACES.sub(" ", line.strip())
        if current and not _BLOCK_START.match(line):
            current[-1] = f"{current[-1]} {body}"
        else:
            current.append(indent + body)
    if current:
        paragraphs.append(current)
    return "\n\n".join("\n".join(paragraph) for paragraph in paragraphs)


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    text = canonical_text(str(value))
    return text or None


def _compact(values: Mapping[str, Any]) -> dict[str, Any]:
    """Drop empty values, so that a snapshot only records what a statement says."""
    return {k: v for k, v in values.items() if v not in (None, "", [], {}, ())}


def _unique_key(key: str, taken: Mapping[str, object]) -> str:
    if key not in taken:
        return key
    number = 2
    while f"{key}#{number}" in taken:
        number += 1
    return f"{key}#{number}"


# -- dataset → state ----------------------------------------------------------------------------


def _keyed(pairs: Iterable[tuple[str | None, Any]]) -> dict[str, Any]:
    """Entries keyed by what names them (a link's title, a service), so that a change to one
    entry is reported as that entry's change, and their order is not compared."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        result[_unique_key(key or "", result)] = value
    return result


def _links(links: Iterable[Link]) -> dict[str, Any]:
    return _keyed((_text(link.title), link.url.strip()) for link in links)


def _details(details: Iterable[Detail]) -> list[dict[str, Any]]:
    return [_compact({"text": _text(d.text), "details": _details(d.details)}) for d in details]


def _alternatives(alternatives: Alternatives | None) -> dict[str, Any] | None:
    if alternatives is None:
        return None
    return _compact(
        {
            "intro": _text(alternatives.intro),
            "ordered": alternatives.ordered or None,
            "options": [_text(option) for option in alternatives.options],
        }
    )


def item_state(item: DataItem, requirement: str | None = None) -> dict[str, Any]:
    """One data item as a product states it."""
    return _compact(
        {
            "id": item.id,
            "name": _text(item.name),
            "catalog": item.catalog or None,
            "requirement": requirement or item.requirement.value,
            "category": item.category or None,
            "kind": item.kind,
            "description": _text(item.description),
            "condition": _text(item.condition),
            "group_condition": _text(item.group_condition),
            "classification": item.classification,
            "purpose": _text(item.purpose),
            "control": _text(item.control),
            "details": _details(item.details),
            "alternatives": _alternatives(item.alternatives),
            "workloads": {
                workload_id: _compact(
                    {"applies": value.applies, "condition": _text(value.condition)}
                )
                for workload_id, value in item.workloads
            },
            "note": _text(item.note),
        }
    )


def _group_state(group: ItemGroup) -> dict[str, Any]:
    return _compact(
        {
            "title": _text(group.title),
            "kind": group.kind,
            "intro": _text(group.intro),
            "condition": _text(group.condition),
        }
    )


def _retention_state(rules: Iterable[Retention], parent: str = "") -> dict[str, Any]:
    """Retention rules keyed by the data they cover; exceptions name their rule."""
    result: dict[str, Any] = {}
    for rule in rules:
        data = _text(rule.data) or ""
        key = _unique_key(f"{data} (exception to {parent})" if parent else data, result)
        period = rule.period
        held = _text(period) if isinstance(period, str) else period.as_data()
        result[key] = _compact({"period": held, "note": _text(rule.note)})
        result.update(_retention_state(rule.exceptions, key))
    return result


def _metadata_value(value: object) -> Any:
    if isinstance(value, list):
        return [_text(str(v)) for v in value]
    return _text(str(value))


def product_state(product: Product) -> dict[str, Any]:
    """Everything one statement says, keyed so that changes line up between releases."""
    groups: dict[str, Any] = {}
    items: dict[str, Any] = {}
    for section in (product.required, product.optional, product.collected):
        for group in section.groups:
            key = _unique_key(f"{group.requirement.value}/{group.category}", groups)
            groups[key] = _group_state(group)
            for item in group.items:
                items[item.anchor] = item_state(item)
    never = product.never_collected
    if never is not None:
        for item in never.items:
            items[item.anchor] = item_state(item, NEVER_COLLECTED)
    storage = product.storage
    staff = storage.staff_locations
    return _compact(
        {
            "name": _text(product.name),
            "summary": _text(product.summary),
            "family": _text(product.family),
            "platform": _text(product.platform),
            "metadata": {key: _metadata_value(v) for key, v in product.metadata.items()},
            "applies_to": _links(product.applies_to),
            "notes": [{"type": n.type, "text": _text(n.text)} for n in product.notes],
            "intro": _text(product.intro),
            "links": _links(product.links),
            "next_steps": _text(product.next_steps),
            "workloads": {
                w.id: _compact({"name": _text(w.name), "description": _text(w.description)})
                for w in product.workloads
            },
            "required_intro": _text(product.required.intro),
            "optional_intro": _text(product.optional.intro),
            "collected_intro": _text(product.collected.intro),
            "groups": groups,
            "items": items,
            "never_collected_intro": _text(never.intro) if never else None,
            "data_use": _compact(
                {
                    "intro": _text(product.data_use_intro),
                    "uses": _keyed((_text(u.source), _text(u.use)) for u in product.data_uses),
                    # Keyed as the uses are (each use by its source): the basis of each.
                    "legal_bases": _keyed(
                        (_text(u.source), u.legal_basis) for u in product.data_uses if u.legal_basis
                    ),
                    "legitimate_interests": _keyed(
                        (_text(u.source), _text(u.legitimate_interest))
                        for u in product.data_uses
                        if u.legitimate_interest
                    ),
                    "special_categories": _keyed(
                        (_text(u.source), u.special_category_condition)
                        for u in product.data_uses
                        if u.special_category_condition
                    ),
                }
            ),
            "purposes": _compact(
                {
                    "intro": _text(product.purposes.intro),
                    "items": [_text(p) for p in product.purposes.items],
                }
            ),
            "sharing": _compact(
                {
                    "intro": _text(product.sharing.intro),
                    "recipients": _keyed(
                        (_text(r.name), _text(r.purpose) or "") for r in product.sharing.recipients
                    ),
                }
            ),
            "controls": _controls_state(product),
            "scope": _compact(
                {
                    "intro": _text(product.scope.intro),
                    "lists": [plain_record(asdict(entry)) for entry in product.scope.lists],
                }
            ),
            "controller": _controller_state(product),
            "automated_decisions": _compact(
                {
                    "used": product.automated_decisions.used,
                    "description": _text(product.automated_decisions.description),
                }
            )
            if product.automated_decisions
            else None,
            "data_sources": _compact(
                {
                    "from_person_only": product.data_sources.from_person_only,
                    "sources": _keyed(
                        (_text(d.data), _text(d.source)) for d in product.data_sources.sources
                    ),
                }
            )
            if product.data_sources
            else None,
            "data_subjects": [_text(subject) for subject in product.data_subjects],
            "processed_entities": _compact(
                {
                    "intro": _text(product.processed_entities_intro),
                    "entities": [_text(e) for e in product.processed_entities],
                }
            ),
            "storage": _compact(
                {
                    "intro": _text(storage.intro),
                    "services": [_text(s) for s in storage.services],
                    "locations": [_text(s) for s in storage.locations],
                    "location_note": _text(storage.location_note),
                    "retention_note": _text(storage.retention_note),
                    "staff_locations": _compact(
                        {
                            "locations": [_text(s) for s in staff.locations],
                            "teams": _text(staff.teams),
                        }
                    )
                    if staff
                    else None,
                    "service_locations": _keyed(
                        (_text(s.service), _text(s.body)) for s in storage.service_locations
                    ),
                    "transfers": _transfers_state(storage.transfers),
                }
            ),
            "retention": _retention_state(storage.retention),
            "access": _compact(
                {
                    "intro": _text(product.access.intro),
                    "protections": [_text(p) for p in product.access.protections],
                    "compliance": [_text(c) for c in product.access.compliance],
                }
            ),
            "rights": _compact(
                {
                    "intro": _text(product.rights.intro),
                    "requests": _keyed(
                        (_text(r.title), _text(r.body)) for r in product.rights.requests
                    ),
                    "services": _links(product.rights.services),
                    "rights": [_text(right) for right in product.rights.rights],
                    "complaint": _text(product.rights.complaint),
                }
            ),
            "sections": _keyed(
                (f"{s.after}: {_text(s.title)}" if s.title else s.after, _text(s.body))
                for s in product.sections
            ),
            "empty_sections": {k: _text(v) for k, v in product.empty_sections.items()},
            "recorded": STATE_FORMAT,
        }
    )


def as_recorded(product: Mapping[str, Any], recorded: object) -> dict[str, Any]:
    """A product's state as a state of format ``recorded`` records it (``None``: format 1,
    without :data:`LATER_PARTS`), so that two states compare on what both record."""
    if recorded == product.get("recorded"):
        return dict(product)
    result = {key: value for key, value in product.items() if key != "recorded"}
    for part in LATER_PARTS:
        top, _, inner = part.partition(".")
        if not inner:
            result.pop(top, None)
        elif isinstance(result.get(top), dict):
            rest = {key: value for key, value in result[top].items() if key != inner}
            if rest:
                result[top] = rest
            else:
                result.pop(top)  # (as a state leaves out what is empty)
    return result


def _controls_state(product: Product) -> dict[str, Any]:
    controls = product.controls
    settings = _keyed(
        (
            _text(setting.name),
            _compact(
                {
                    "kind": setting.kind,
                    "description": _text(setting.description),
                    "values": _keyed(
                        (_text(v.value), _text(v.effect) or "") for v in setting.values
                    ),
                }
            ),
        )
        for setting in controls.settings
    )
    return _compact(
        {
            "intro": _text(controls.intro),
            "options": [_text(option) for option in controls.options],
            "settings": settings,
        }
    )


def _controller_state(product: Product) -> dict[str, Any] | None:
    """The statement's own controller (the site's, set once for all, is not the statement's)."""
    controller = product.controller
    if controller is None:
        return None
    dpo = controller.dpo
    return _compact(
        {
            "name": _text(controller.name),
            "address": _text(controller.address),
            "contact": _text(controller.contact),
            "dpo": _compact({"name": _text(dpo.name), "contact": _text(dpo.contact)})
            if dpo
            else None,
        }
    )


def _transfers_state(transfers: Transfers | None) -> dict[str, Any] | None:
    if transfers is None:
        return None
    return {
        "outside_eea": transfers.outside_eea,
        **_compact(
            {
                "intro": _text(transfers.intro),
                # Each place by its name: what protects the data there, then its note.
                "destinations": _keyed((_text(t.to), t.safeguard) for t in transfers.destinations),
                "notes": _keyed(
                    (_text(t.to), _text(t.note)) for t in transfers.destinations if t.note
                ),
            }
        ),
    }


def _catalog_state(item: CatalogItem) -> dict[str, Any]:
    return _compact(
        {
            "name": _text(item.name),
            "category": item.category,
            "description": _text(item.description),
            "classification": item.classification,
            "aliases": [_text(a) for a in item.aliases],
        }
    )


def _category_state(category: Category) -> dict[str, Any]:
    return _compact({"name": _text(category.name), "description": _text(category.description)})


def dataset_state(dataset: Dataset) -> State:
    """What a dataset says, as canonical JSON data (independent of how the YAML is written)."""
    return {
        "products": {pid: product_state(p) for pid, p in sorted(dataset.products.items())},
        "catalog": {cid: _catalog_state(c) for cid, c in sorted(dataset.catalog.items())},
        "categories": {cid: _category_state(c) for cid, c in sorted(dataset.categories.items())},
    }


def empty_state() -> State:
    return {"products": {}, "catalog": {}, "categories": {}}


# -- snapshots ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """The dataset as released in one version."""

    version: str
    date: dt.date
    state: State = field(default_factory=empty_state)
    generator_version: str = field(default_factory=lambda: generator_version())
    schema_version: int = SCHEMA_VERSION
    #: The file the snapshot was read from, as shown to writers.
    source: str | None = None
    #: The day the release takes effect (``None``: the day it was published, ``date``).
    effective: dt.date | None = None
    #: The records as released, by their path in the content folder (``products/intune.yml``);
    #: ``None`` in a format 1 snapshot, which kept only the meaning.
    records: dict[str, Any] | None = field(default=None, compare=False, repr=False)
    #: The days the release was recorded again (``snapshot --force``), oldest first.
    re_recorded: tuple[dt.date, ...] = ()
    #: The translations current when it was made: language → record path → field path →
    #: ``{"source": fingerprint, "text": translation}``; ``None`` before format 3.
    translations: dict[str, Any] | None = field(default=None, compare=False, repr=False)

    @property
    def products(self) -> dict[str, Any]:
        return dict(self.state["products"])

    @property
    def effective_date(self) -> dt.date:
        return self.effective or self.date

    def document(self) -> dict[str, Any]:
        """The file's data, but its digest."""
        document: dict[str, Any] = {
            "schema_version": self.schema_version,
            "generator_version": self.generator_version,
            "version": self.version,
            "date": self.date.isoformat(),
            **self.state,
        }
        if self.schema_version >= 2:
            document["effective"] = self.effective_date.isoformat()
            document["records"] = self.records or {}
            document["re_recorded"] = [day.isoformat() for day in self.re_recorded]
        if self.schema_version >= 3:
            document["translations"] = self.translations or {}
        return document

    def translated(self, language: str) -> dict[str, Any]:
        """The translations the release kept in ``language``, by record path (none: ``{}``)."""
        return dict((self.translations or {}).get(language) or {})

    def to_json(self) -> str:
        """The snapshot file's text: sorted keys, one-space indent, a final newline; format 2
        with the digest of the rest of that text (its own line taken out)."""
        document = self.document()
        text = json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        if self.schema_version >= 2:
            document["digest"] = text_digest(text)
            text = json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        return text


#: The digest's own line in a snapshot file (a key of the top object: one space of indent).
_DIGEST_LINE = re.compile(r'^ "digest": "(sha256:[0-9a-f]{64})",?\n', re.M)


def text_digest(text: str) -> str:
    """``sha256:<hex>`` of a snapshot file's text without its digest line: any change to the
    file, even of its spacing, changes it (hashing the text is what keeps reading a release of
    hundreds of statements fast)."""
    return "sha256:" + hashlib.sha256(_DIGEST_LINE.sub("", text, count=1).encode()).hexdigest()


def recorded_digest(text: str) -> str | None:
    """The digest a snapshot file records (``None``: it has none)."""
    found = _DIGEST_LINE.search(text)
    return found.group(1) if found else None


def plain_record(value: Any) -> Any:
    """A record's parsed data as JSON data (a date, as YAML may read one, as its ISO text)."""
    if isinstance(value, dict):
        return {str(key): plain_record(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain_record(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def generator_version() -> str:
    """The version of privacy-pages that writes snapshots."""
    return __version__


class SnapshotError(ValueError):
    """A snapshot that cannot be made or written (bad version or date, existing file)."""


def parse_date(text: str) -> dt.date:
    """An ISO date (``YYYY-MM-DD``), or :class:`SnapshotError` saying what was found."""
    if not DATE_PATTERN.match(text):
        raise SnapshotError(f"expected a date as YYYY-MM-DD, found {text!r}")
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise SnapshotError(f"expected a real calendar date, found {text!r} ({exc})") from exc


def check_version(version: str) -> str:
    if not VERSION_PATTERN.match(version):
        raise SnapshotError(
            "expected a version of letters, digits, '.', '-' or '_' (for example 1.2.0), "
            f"found {version!r}"
        )
    if version.split(".", 1)[0].lower() in DEVICE_NAMES:  # history/<version>.json
        raise SnapshotError(
            f"expected a version that can be a file name on every system, found {version!r} "
            "(Windows keeps that name for a device)"
        )
    return version


def take_snapshot(
    dataset: Dataset,
    version: str,
    date: dt.date,
    *,
    effective: dt.date | None = None,
    records: Mapping[str, Any] | None = None,
    translations: Mapping[str, Mapping[str, Mapping[str, Any]]] | None = None,
) -> Snapshot:
    """A release of ``dataset``; ``records``: its files' parsed data, by their path in the
    content folder (those of :data:`RECORD_KINDS` are kept); ``translations``: the current
    translations of those records, by language and record path (see
    :func:`~privacy_pages.load.translations.current_translations`)."""
    if effective is not None and effective < date:
        raise SnapshotError(
            f"expected an effective date on or after the release date {date.isoformat()}, "
            f"found {effective.isoformat()}"
        )
    kept = {
        path: plain_record(data)
        for path, data in sorted((records or {}).items())
        if record_kind(Path(path)) in RECORD_KINDS
    }
    return Snapshot(
        check_version(version),
        date,
        dataset_state(dataset),
        effective=effective if effective != date else None,
        records=kept,
        translations={
            language: {
                path: plain_record(entries)
                for path, entries in sorted(by_record.items())
                if path in kept and entries
            }
            for language, by_record in sorted((translations or {}).items())
        },
    )


def snapshot_path(content_dir: Path, version: str) -> Path:
    return content_dir / HISTORY_DIR / f"{check_version(version)}.json"


def check_not_recorded(path: Path, *, force: bool = False) -> None:
    """Refuse to replace a recorded release, unless ``force``."""
    if path.exists() and not force:
        raise SnapshotError(
            f"{display_path(path)} already exists; a release snapshot is not rewritten "
            "(use --force to replace it)"
        )


def write_snapshot(
    snapshot: Snapshot,
    content_dir: Path,
    *,
    force: bool = False,
    recorded_on: dt.date | None = None,
) -> Path:
    """Write ``content/history/<version>.json``; refuse to replace one unless ``force``. A
    release recorded again keeps the days it was recorded again, and adds ``recorded_on``: the
    history says so."""
    path = snapshot_path(content_dir, snapshot.version)
    check_not_recorded(path, force=force)
    if path.exists() and recorded_on is not None:
        old, _ = read_snapshot(path)
        earlier = old.re_recorded if old is not None else ()
        same = (
            old is not None
            and (old.state, old.effective_date, old.date)
            == (snapshot.state, snapshot.effective_date, snapshot.date)
            and old.records in (None, snapshot.records)
            and old.translations in (None, snapshot.translations)
        )
        # Recorded again as it was (a format 1 snapshot, with the records it said the same
        # from): nothing it says changed, nothing to say.
        snapshot = replace(snapshot, re_recorded=earlier if same else (*earlier, recorded_on))
    try:  # whole or not at all: a failed --force leaves the old release as it was
        write_text_atomically(path, snapshot.to_json(), content_dir)
    except OutsideContent as exc:
        raise SnapshotError(str(exc)) from None
    return path


# -- reading ------------------------------------------------------------------------------------

_REQUIRED_KEYS: dict[str, type] = {
    "schema_version": int,
    "generator_version": str,
    "version": str,
    "date": str,
    "products": dict,
    "catalog": dict,
    "categories": dict,
}


#: How deep a snapshot may nest (a release's own nests 6 deep), how large its integers may be,
#: and how long one text: what holds a release, and no more.
MAX_DEPTH = 32
MAX_INTEGER = 2**53
MAX_TEXT = 1_000_000
#: What each product's entries hold: their values must be objects (a release's always are).
_OBJECTS_OF_OBJECTS = ("items", "groups", "workloads")


@dataclass(frozen=True)
class Found:
    """What a snapshot may not hold, at a key path; ``text``: the text that holds it (where
    the error points, see :func:`text_location`), ``rule``: the rule content is refused by."""

    where: str
    message: str
    text: str | None = None
    rule: str = "snapshot"


def state_problems(document: Any, checked: State | None = None) -> Iterator[Found]:
    """What a snapshot may not hold: nesting deeper than
    :data:`MAX_DEPTH`, integers beyond :data:`MAX_INTEGER`, text with characters records may
    not hold (see :mod:`privacy_pages.load.characters`) or longer than :data:`MAX_TEXT`, a
    link content may not carry (see :mod:`privacy_pages.load.links`), in its meaning and in
    its records alike, and
    entries of the wrong type where the release's format has objects. Every value is walked
    (about 0.07 s for a release of 200 products): a search of the JSON text for what could
    hold such a value missed escapes and nesting a walk finds. A statement (or the catalog,
    or the categories, or a record) equal to the same part of ``checked``, a state found
    clean (with its ``records``), is not walked again: between two releases, most statements
    do not change."""
    yield from _value_problems(_unchecked(document, checked) if checked else document)
    yield from _shape_problems(document)


def _unchecked(document: Any, checked: State) -> Any:
    """``document`` without the parts equal to those of ``checked`` (compared in C)."""
    if not isinstance(document, dict):
        return document
    left = dict(document)
    products = document.get("products")
    if isinstance(products, dict):
        known = checked.get("products", {})
        left["products"] = {k: v for k, v in products.items() if known.get(k) != v}
    for part in ("catalog", "categories"):
        if part in left and left[part] == checked.get(part):
            left[part] = {}
    records = document.get("records")
    if isinstance(records, dict):
        known = checked.get("records") or {}
        left["records"] = {k: v for k, v in records.items() if known.get(k) != v}
    return left


def _value_problems(document: Any) -> Iterator[Found]:
    """Every value walked once (shared objects: JSON has none; a caller's data may), a format
    2 snapshot's ``records`` included: what a release holds reaches pages on every host as
    content does (its records on its archived pages, its meaning in change notes), so a link
    the loader refuses in content is refused here, at the release's file, before anything is
    rendered (``privacy-pages render`` writes Markdown that no sanitizer reads after it). A
    container's key path is made when it is reached; a text within the depth limit is
    checked where it is found, and only a text that is not all printable, or that could
    hold a link, is looked at closely (a release's texts are hundreds of thousands)."""
    seen: set[int] = set()
    # (value, key path, depth, whether its texts are link targets)
    stack: list[tuple[Any, str, int, bool]] = [(document, "", 0, False)]
    while stack:
        value, where, depth, targets = stack.pop()
        if depth > MAX_DEPTH:
            yield Found(where or "(top)", f"expected nesting at most {MAX_DEPTH} deep")
            return
        if isinstance(value, (dict, list)):
            if id(value) in seen:
                continue
            seen.add(id(value))
            pairs = value.items() if isinstance(value, dict) else enumerate(value)
            leaves = depth < MAX_DEPTH  # a child's depth is within the limit
            for key, child in pairs:
                if type(key) is str and (len(key) > MAX_TEXT or not key.isprintable()):
                    found = _text_problem(key)
                    if found:
                        yield Found(where or "(top)", f"a key {found}", key)
                        continue
                path = f"{where}.{key}" if where else str(key)
                if leaves and type(child) is str:
                    yield from _text_problems(child, path, targets or key == "url")
                    continue
                stack.append((child, path, depth + 1, _link_map(where, depth, key)))
        elif isinstance(value, bool) or value is None or isinstance(value, float):
            continue
        elif isinstance(value, int):
            if abs(value) > MAX_INTEGER:
                yield Found(
                    where, f"expected a number of at most {MAX_INTEGER:,}, found a larger one"
                )
        elif isinstance(value, str):
            yield from _text_problems(value, where, targets)


#: A statement's links in a release's meaning: ``{title: url}`` (see :func:`_links`).
_LINK_MAPS = frozenset({"applies_to", "links"})


def _link_map(where: str, depth: int, key: object) -> bool:
    """Whether the value at ``where.key`` maps link titles to targets: a statement's
    ``applies_to``, ``links`` and ``rights.services`` in a release's meaning (its records'
    links are objects with a ``url``)."""
    if not where.startswith("products."):
        return False
    return (depth == 2 and key in _LINK_MAPS) or (
        depth == 3 and key == "services" and where.endswith(".rights")
    )


def _text_problems(text: str, where: str, target: bool) -> Iterator[Found]:
    """A text's characters and length, and the links it holds (``target``: the text is a
    link's target), judged as the loader judges content's."""
    if len(text) > MAX_TEXT or not text.isprintable():
        found = _text_problem(text)
        if found:
            yield Found(where, f"expected text as records hold it, found {found}", text)
            return
    if target:
        urls: tuple[str, ...] = (text,)
    elif "]" in text or "<" in text:  # every Markdown link needs one (see markdown_links)
        urls = markdown_links(text)
    else:
        return
    for url in dict.fromkeys(urls):
        problem = url_problem(url)
        if problem:
            yield Found(where, f"{problem}; found {url!r}", text, "unsafe-link")


def _shape_problems(document: Any) -> Iterator[Found]:
    """Entries of the wrong type where the release's format has objects."""
    products = document.get("products") if isinstance(document, dict) else None
    for product_id, product in (products or {}).items() if isinstance(products, dict) else ():
        if not isinstance(product, dict):
            continue
        for key in _OBJECTS_OF_OBJECTS:
            entries = product.get(key, {})
            for entry_id, entry in entries.items() if isinstance(entries, dict) else ():
                if not isinstance(entry, dict):
                    found = type(entry).__name__
                    yield Found(
                        f"products.{product_id}.{key}.{entry_id}",
                        f"expected an object, found {found}",
                    )
        notes = product.get("notes", [])
        if not isinstance(notes, list) or not all(isinstance(n, dict) for n in notes):
            yield Found(f"products.{product_id}.notes", "expected a list of objects")


def _text_problem(text: str) -> str | None:
    if len(text) > MAX_TEXT:
        return f"{len(text):,} characters long (at most {MAX_TEXT:,})"
    return forbidden_character(text)


def text_location(text: str, display: str, value: str, where: str = "") -> Location | None:
    """Where a JSON file first holds the string ``value`` (as a release writes it, else with
    ASCII escapes), after the record that ``where`` names (``records.products/x.yml...``: a
    record's text may also be in the release's meaning, before it); ``None`` when it is
    written some other way."""
    start = 0
    if where.startswith("records."):
        rest = where.removeprefix("records.")  # a record's path has dots of its own
        ends = [rest.find(suffix) + len(suffix) for suffix in (".yml", ".yaml") if suffix in rest]
        record = rest[: min(ends)] if ends else rest.split(".", 1)[0]
        start = max(0, text.find(f"{json.dumps(record)}:", max(0, text.find('"records":'))))
    for ascii_only in (False, True):
        at = text.find(json.dumps(value, ensure_ascii=ascii_only), start)
        if at >= 0:
            line = text.count("\n", 0, at) + 1
            return Location(display, line, at - (text.rfind("\n", 0, at) + 1) + 1)
    return None


def _key_location(text: str, display: str, key: str) -> Location:
    """Where ``"key":`` first appears in a JSON file (line 1 when it cannot be found)."""
    match = re.search(rf'"{re.escape(key)}"\s*:', text)
    if match is None:
        return Location(display, 1, 1)
    line = text.count("\n", 0, match.start()) + 1
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    return Location(display, line, column)


def parse_snapshot(
    text: str, display: str, checked: State | None = None
) -> tuple[Snapshot | None, list[Diagnostic]]:
    """Read one snapshot file's text; every problem is reported with its location.
    ``checked``: the state of a snapshot read before without a problem (see
    :func:`state_problems`)."""
    problems: list[Diagnostic] = []

    def problem(location: Location, message: str) -> None:
        problems.append(Diagnostic(location, message, "snapshot"))

    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        problem(
            Location(display, exc.lineno, exc.colno), f"expected JSON, found an error: {exc.msg}"
        )
        return None, problems
    except RecursionError:
        problem(Location(display, 1, 1), f"expected JSON nested at most {MAX_DEPTH} deep")
        return None, problems
    except ValueError as exc:  # an integer of thousands of digits
        problem(Location(display, 1, 1), f"expected JSON a release can hold, found: {exc}")
        return None, problems
    for found in state_problems(document, checked):
        location = text_location(text, display, found.text, found.where) if found.text else None
        location = location or _key_location(text, display, found.where.rsplit(".", 1)[-1])
        problems.append(Diagnostic(location, f"{found.where}: {found.message}", found.rule))
    if problems:
        return None, problems
    if not isinstance(document, dict):
        problem(Location(display, 1, 1), f"expected a JSON object, found {type(document).__name__}")
        return None, problems
    for key, kind in _REQUIRED_KEYS.items():
        if key not in document:
            problem(Location(display, 1, 1), f"expected key {key!r}, found none")
        elif not isinstance(document[key], kind) or isinstance(document[key], bool):
            problem(
                _key_location(text, display, key),
                f"{key}: expected {kind.__name__}, found {type(document[key]).__name__}",
            )
    if problems:
        return None, problems
    if document["schema_version"] > SCHEMA_VERSION:
        problem(
            _key_location(text, display, "schema_version"),
            f"schema_version: this snapshot was written by a newer privacy-pages "
            f"(format {document['schema_version']}, this version reads up to {SCHEMA_VERSION}); "
            "upgrade privacy-pages",
        )
    try:
        version = check_version(document["version"])
        stem = Path(display).stem
        if display.endswith(".json") and stem != version:
            problem(
                _key_location(text, display, "version"),
                f"version: expected {stem!r} (the file name), found {version!r}",
            )
    except SnapshotError as exc:
        problem(_key_location(text, display, "version"), f"version: {exc}")
    try:
        date = parse_date(document["date"])
    except SnapshotError as exc:
        problem(_key_location(text, display, "date"), f"date: {exc}")
    for section in ("products", "catalog", "categories"):
        for key, value in document[section].items():
            if not isinstance(value, dict):
                problem(
                    _key_location(text, display, key),
                    f"{section}.{key}: expected an object, found {type(value).__name__}",
                )
    for product_id, product in document["products"].items():
        if not isinstance(product, dict):
            continue
        for key in ("items", "groups", "metadata", "retention"):
            if key in product and not isinstance(product[key], dict):
                problem(
                    _key_location(text, display, product_id),
                    f"products.{product_id}.{key}: expected an object, "
                    f"found {type(product[key]).__name__}",
                )
    effective, records, re_recorded = _format_2(document, text, display, problem)
    translations = _format_3(document, text, display, problem)
    if problems:
        return None, problems
    state = {key: document[key] for key in ("products", "catalog", "categories")}
    return (
        Snapshot(
            version=version,
            date=date,
            state=state,
            generator_version=document["generator_version"],
            schema_version=document["schema_version"],
            source=display,
            effective=effective if effective != date else None,
            records=records,
            re_recorded=re_recorded,
            translations=translations,
        ),
        problems,
    )


def _format_3(
    document: dict[str, Any], text: str, display: str, problem: Any
) -> dict[str, Any] | None:
    """A format 3 snapshot's translations, their shape checked (their texts are checked as
    every text of a release is, by :func:`state_problems`)."""
    if document["schema_version"] < 3:
        if "translations" in document:  # (as for format 2's keys: a lowered number)
            problem(
                _key_location(text, display, "schema_version"),
                "schema_version: expected format 3 for a release that keeps 'translations' "
                f"(format {document['schema_version']} has no such key), found "
                f"{document['schema_version']!r}: restore the file",
            )
        return None
    if "translations" not in document:
        problem(Location(display, 1, 1), "expected key 'translations' (format 3), found none")
        return None
    translations = document["translations"]
    if not isinstance(translations, dict) or not all(
        isinstance(by_record, dict)
        and all(
            record_kind(Path(path)) in RECORD_KINDS
            and isinstance(entries, dict)
            and all(_translation_entry(entry) for entry in entries.values())
            for path, entries in by_record.items()
        )
        for by_record in translations.values()
    ):
        problem(
            _key_location(text, display, "translations"),
            "translations: expected an object of languages, each of record paths, each of field "
            "paths with a 'source' fingerprint and a 'text'",
        )
        return None
    return translations


def _translation_entry(entry: object) -> bool:
    return (
        isinstance(entry, dict)
        and set(entry) == {"source", "text"}
        and all(isinstance(value, str) for value in entry.values())
    )


def _format_2(
    document: dict[str, Any], text: str, display: str, problem: Any
) -> tuple[dt.date | None, dict[str, Any] | None, tuple[dt.date, ...]]:
    """A format 2 snapshot's effective date, records and re-recording days; its digest checked
    (a snapshot edited after its release is an error at its file)."""
    if document["schema_version"] < 2:
        # Format 1 was written without these: a file that has them had its number lowered,
        # which would skip the digest (the git history says more, see .evidence).
        later = [
            key for key in ("records", "digest", "effective", "re_recorded") if key in document
        ]
        if later:
            problem(
                _key_location(text, display, "schema_version"),
                f"schema_version: expected format 2 for a release that keeps {later[0]!r} "
                f"(format 1 has no such key), found {document['schema_version']!r}: a lowered "
                "format number skips the checks of format 2; restore the file",
            )
        return None, None, ()
    for key in ("effective", "records", "re_recorded", "digest"):
        if key not in document:
            problem(Location(display, 1, 1), f"expected key {key!r} (format 2), found none")
    if not all(key in document for key in ("effective", "records", "re_recorded", "digest")):
        return None, None, ()
    effective: dt.date | None = None
    try:
        effective = parse_date(str(document["effective"]))
    except SnapshotError as exc:
        problem(_key_location(text, display, "effective"), f"effective: {exc}")
    records = document["records"]
    if not isinstance(records, dict) or not all(
        isinstance(path, str) and record_kind(Path(path)) in RECORD_KINDS for path in records
    ):
        problem(
            _key_location(text, display, "records"),
            "records: expected an object of product, catalog, category and store files by "
            "their path in the content folder",
        )
        records = None
    days: list[dt.date] = []
    if not isinstance(document["re_recorded"], list):
        problem(
            _key_location(text, display, "re_recorded"), "re_recorded: expected a list of dates"
        )
    else:
        for day in document["re_recorded"]:
            try:
                days.append(parse_date(str(day)))
            except SnapshotError as exc:
                problem(_key_location(text, display, "re_recorded"), f"re_recorded: {exc}")
    if document["digest"] != recorded_digest(text) or document["digest"] != text_digest(text):
        problem(
            _key_location(text, display, "digest"),
            f"this release was edited after it was recorded: its content no longer matches its "
            f"digest. A release is changed only by recording it again (privacy-pages snapshot "
            f"--version {document['version']} --date {document['date']} --force, which the "
            "history shows); otherwise restore the file",
        )
    return effective, records, tuple(days)


#: A snapshot holds every statement of a release: larger than a content file may be.
SNAPSHOT_LIMITS = Limits(max_bytes=64 * 1024 * 1024)


def read_snapshot(
    path: Path, checked: State | None = None
) -> tuple[Snapshot | None, list[Diagnostic]]:
    """Read one snapshot file the way content files are read: a regular file only (never a
    pipe or a device), within a size limit, as UTF-8."""
    display = display_path(path)
    try:
        text = read_text(path, display, SNAPSHOT_LIMITS)
    except YamlFault as fault:
        return None, [fault.diagnostic]
    return parse_snapshot(text, display, checked)


def load_snapshots(content_dir: Path) -> tuple[list[Snapshot], Diagnostics]:
    """Every snapshot in ``content/history/``, oldest first (by date, then version: :func:`release_order`)."""
    problems = Diagnostics()
    folder = content_dir / HISTORY_DIR
    if not folder.is_dir():
        return [], problems
    snapshots: list[Snapshot] = []
    seen: dict[str, str] = {}
    root = content_dir.resolve()
    checked: State | None = None  # the last state read clean, with its records
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if links_outside(path, root):
            problems.error(
                Location(display_path(path)),
                "symbolic link leads outside the content folder; refused",
                rule="path",
            )
            continue
        if path.suffix != ".json" or path.is_dir():
            problems.error(
                Location(display_path(path)),
                f"expected release snapshots (*.json) in {HISTORY_DIR}/, found {path.name}; "
                "move or remove it",
                rule="unknown-file",
            )
            continue
        snapshot, file_problems = read_snapshot(path, checked)
        problems.extend(file_problems)
        if snapshot is None:
            continue
        checked = {**snapshot.state, "records": snapshot.records or {}}
        if snapshot.version in seen:
            problems.error(
                Location(snapshot.source or path.name),
                f"duplicate release version {snapshot.version!r} (also in {seen[snapshot.version]})",
                rule="snapshot",
            )
            continue
        seen[snapshot.version] = snapshot.source or path.name
        snapshots.append(snapshot)
    snapshots.sort(key=release_order)
    return snapshots, problems


# -- the order of releases ----------------------------------------------------------------------

_VERSION_PART = re.compile(r"\d+|[^\d._-]+")
_NUMBERED = re.compile(r"[vV]?\d")
#: Where parts of a version sort: a pre-release tag before the end, the end before a number.
_TAG, _END, _NUMBER = 0, 1, 2


def _version_key(version: str) -> tuple[tuple[int, int, str], ...]:
    """How versions sort: ``1.10.0`` after ``1.9.0`` (numbers as numbers), ``1.0.0`` after its
    pre-releases ``1.0.0-rc.1`` and ``1.0.0rc2``, and ``v1.2`` like ``1.2``."""
    if _NUMBERED.match(version):
        version = version.removeprefix("v").removeprefix("V")
    key = [
        (_NUMBER, int(part), "") if part.isdigit() else (_TAG, 0, part.lower())
        for part in _VERSION_PART.findall(version)
    ]
    return (*key, (_END, 0, ""))


def release_order(snapshot: Snapshot) -> tuple[dt.date, tuple[tuple[int, int, str], ...]]:
    """The order of releases in the history: by date, then by version."""
    return (snapshot.date, _version_key(snapshot.version))


class OutOfOrder(SnapshotError):
    """A new release that would not be the latest of the history."""


def check_release_order(snapshot: Snapshot, recorded: Iterable[Snapshot]) -> None:
    """Refuse a new release that would not come last: one dated before the latest release (or
    on its day, sorting before it), or numbered lower than a recorded release.

    The history compares each release with the one before it, so a release recorded out of
    order would be shown as the first release, or as undoing the changes of later ones. A
    recorded release of the same version (one being replaced) is not compared.
    """
    others = [s for s in recorded if s.version != snapshot.version]
    if not others:
        return
    latest = max(others, key=release_order)
    reason = None
    if snapshot.date < latest.date:
        reason = "it is dated before that release"
    elif release_order(snapshot) <= release_order(latest):
        reason = f"it is dated the same day, and {snapshot.version} sorts before {latest.version}"
    elif _NUMBERED.match(snapshot.version):
        numbered = [s for s in others if _NUMBERED.match(s.version)]
        highest = max(numbered, key=lambda s: _version_key(s.version), default=None)
        if highest and _version_key(snapshot.version) <= _version_key(highest.version):
            reason = f"version {snapshot.version} is not higher than {highest.version}"
            if highest is not latest:
                reason += f" (dated {highest.date.isoformat()})"
    if reason is not None:
        raise OutOfOrder(
            f"refusing to record release {snapshot.version} ({snapshot.date.isoformat()}) "
            f"after the latest release, {latest.version} ({latest.date.isoformat()}): {reason}. "
            "The change history compares each release with the one dated before it, so a release "
            "out of order would show changes backwards. Check --version and --date, or pass "
            "--out-of-order to add an older release on purpose"
        )
