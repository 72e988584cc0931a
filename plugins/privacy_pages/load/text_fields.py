"""The text fields of a record: what a translation may replace, each at a stable field path.

A field path names a text the way a writer finds it in the record: keys joined by dots, and
an entry of a list by its id in brackets (its ``id``, ``ref``, ``category`` or ``service``),
or by its position from 0 when it has none::

    summary
    metadata.title
    required.groups[access-control].items[certificate-keys].condition
    storage.retention[0].exceptions[1].period_note
    items[os-version].name                       (a catalog file)

Structure is never text: ids and references, requirements, categories, kinds and layouts,
URLs, store types and labels, structured retention periods, storage services, workload values and
metadata other than the title and description keep the source record's values in every
language, so a translated page cannot disagree with the source about what is collected.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from ..diagnostics import Location
from .yaml_source import LocatedMapping, LocatedSequence

#: Keys whose values are structure in every record, never translated.
STRUCTURE_KEYS = frozenset(
    {
        "id",
        "ref",
        "category",
        "requirement",
        "kind",
        "layout",
        "type",
        "after",
        "url",
        "applies",
        "sends_data",
        "ordered",
        "linked",
        "stores",
        "aliases",
        "store_labels",
        "ships_to",
        "purposes_of",
        "duration",  # (a retention period's; one written as free text is text)
        "until",
        "services",
        "products",
        "product",
        "items_of",
        "value",
        "classification",
        "workload",
        # The GDPR's ids: a legal basis, an Art. 9(2) condition, a transfer's safeguard.
        "legal_basis",
        "special_category_condition",
        "safeguard",
    }
)
#: The metadata a page shows as text; the rest (``ms.*``, authors, dates) is structure.
METADATA_TEXT = frozenset({"title", "description", "titleSuffix", "subtitle"})
#: Keys of a list entry that identify it in a field path, in order of preference.
ENTRY_IDS = ("id", "ref", "category", "service")
#: Values that are facts, not wording (``control: not-stated``, workload ``yes``/``no``).
FACT_VALUES = frozenset({"not-stated", "yes", "no"})


def fingerprint(text: str) -> str:
    """The fingerprint of a source text that a translation records: it changes when the text
    does (12 hex digits of its SHA-256, enough to tell versions of one field apart)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def entry_step(entry: Any, index: int) -> str:
    """How a field path names the ``index``-th entry of a list: by its id, else its position."""
    if isinstance(entry, dict):
        for key in ENTRY_IDS:
            value = entry.get(key)
            if isinstance(value, str) and value:
                return f"[{value}]"
    return f"[{index}]"


def text_fields(data: Any, path: str = "") -> Iterator[tuple[str, str, Location]]:
    """Every text field of a record's located data: (field path, text, where the text is)."""
    if isinstance(data, LocatedMapping):
        for key, value in data.items():
            if not _is_text_key(path, key):
                continue
            child = f"{path}.{key}" if path else key
            if isinstance(value, str):
                if _is_text_value(path, value):
                    yield child, value, data.where(key)
            else:
                yield from text_fields(value, child)
    elif isinstance(data, LocatedSequence):
        for index, value in enumerate(data):
            child = f"{path}{entry_step(value, index)}"
            if isinstance(value, str):
                if value.strip():
                    yield child, value, data.where(index)
            else:
                yield from text_fields(value, child)


def _is_text_key(path: str, key: str) -> bool:
    if key in STRUCTURE_KEYS:
        return False
    if path == "metadata":
        return key in METADATA_TEXT
    return True


def _is_text_value(path: str, value: str) -> bool:
    # An item's workload value is a fact (yes/no), or a mapping whose ``condition`` is text.
    return value not in FACT_VALUES and bool(value.strip()) and not path.endswith(".workloads")


def replace_texts(data: Any, texts: dict[str, str], path: str = "") -> Any:
    """A copy of located data with the text at each field path of ``texts`` replaced; what
    holds no replaced text is the same object (nothing else is copied)."""
    if not texts:
        return data
    if isinstance(data, LocatedMapping):
        copy: LocatedMapping | None = None
        for key, value in data.items():
            if not _is_text_key(path, key):
                continue
            child = f"{path}.{key}" if path else key
            if isinstance(value, str):
                new = texts.get(child, value) if _is_text_value(path, value) else value
            else:
                new = replace_texts(value, texts, child)
            if new is not value:
                if copy is None:
                    copy = _copy_mapping(data)
                copy[key] = new
        return data if copy is None else copy
    if isinstance(data, LocatedSequence):
        entries: LocatedSequence | None = None
        for index, value in enumerate(data):
            child = f"{path}{entry_step(value, index)}"
            if isinstance(value, str):
                new = texts.get(child, value)
            else:
                new = replace_texts(value, texts, child)
            if new is not value:
                if entries is None:
                    entries = _copy_sequence(data)
                entries[index] = new
        return data if entries is None else entries
    return data


def _copy_mapping(data: LocatedMapping) -> LocatedMapping:
    copy = LocatedMapping(data)
    copy.location, copy.positions = data.location, data.positions
    return copy


def _copy_sequence(data: LocatedSequence) -> LocatedSequence:
    copy = LocatedSequence(data)
    copy.location, copy.item_positions = data.location, data.item_positions
    return copy
