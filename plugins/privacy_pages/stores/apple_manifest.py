"""Apple's privacy manifest (``PrivacyInfo.xcprivacy``), a property list written with plistlib."""

from __future__ import annotations

import plistlib
from typing import Any

from .label import LabelEntry, StoreFileError, StoreLabel
from .tables import StoreTables, store_tables

STORE = "apple"
TYPE = "NSPrivacyCollectedDataType"


def manifest(label: StoreLabel) -> dict[str, Any]:
    """The manifest's top-level dictionary. The records name no tracking domains nor
    required-reason APIs, so those lists are empty for the app's developers to fill."""
    return {
        "NSPrivacyTracking": any(entry.tracking for entry in label.entries.values()),
        "NSPrivacyTrackingDomains": [],
        "NSPrivacyCollectedDataTypes": [
            {
                TYPE: entry.data_type,
                f"{TYPE}Linked": bool(entry.linked),
                f"{TYPE}Tracking": bool(entry.tracking),
                f"{TYPE}Purposes": list(entry.purposes),
            }
            for entry in label.entries.values()
        ],
        "NSPrivacyAccessedAPITypes": [],
    }


def write_manifest(label: StoreLabel) -> bytes:
    return plistlib.dumps(manifest(label), fmt=plistlib.FMT_XML, sort_keys=False)


def read_manifest(data: bytes, tables: StoreTables | None = None) -> StoreLabel:
    """The label a manifest declares: data types, purposes, linked and tracking."""
    try:
        root = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError) as exc:
        raise StoreFileError(f"expected a property list (PrivacyInfo.xcprivacy): {exc}") from None
    if not isinstance(root, dict):
        raise StoreFileError("expected a dictionary at the top of the privacy manifest")
    collected = root.get("NSPrivacyCollectedDataTypes", [])
    if not isinstance(collected, list):
        raise StoreFileError("expected NSPrivacyCollectedDataTypes to be an array")
    entries: dict[str, LabelEntry] = {}
    for index, entry in enumerate(collected):
        if not isinstance(entry, dict) or not isinstance(entry.get(TYPE), str):
            raise StoreFileError(
                f"NSPrivacyCollectedDataTypes[{index}]: expected a dictionary with {TYPE}"
            )
        purposes = entry.get(f"{TYPE}Purposes", [])
        entries[entry[TYPE]] = LabelEntry(
            entry[TYPE],
            tuple(sorted(str(p) for p in purposes)) if isinstance(purposes, list) else (),
            linked=bool(entry.get(f"{TYPE}Linked")),
            tracking=bool(entry.get(f"{TYPE}Tracking")),
        )
    return StoreLabel(STORE, entries, tables or store_tables())
