"""Apple's privacy manifest (``PrivacyInfo.xcprivacy``), a property list written with plistlib."""

from __future__ import annotations

import plistlib
import struct
from typing import Any
from xml.parsers.expat import ExpatError

from .document_limits import MAX_DEPTH, check_document, texts
from .label import ACCESSED_APIS, TRACKING_DOMAINS, Answer, LabelEntry, StoreFileError, StoreLabel
from .tables import StoreTables, store_tables

STORE = "apple"
TYPE = "NSPrivacyCollectedDataType"


def manifest(label: StoreLabel) -> dict[str, Any]:
    """The manifest's top-level dictionary: tracking, the tracking domains, the collected data
    types and the required-reason APIs (the last two from ``store_labels.apple``)."""
    return {
        "NSPrivacyTracking": any(entry.tracking for entry in label.entries.values()),
        TRACKING_DOMAINS: list(_domains(label.answers.get(TRACKING_DOMAINS))),
        "NSPrivacyCollectedDataTypes": [
            {
                TYPE: entry.data_type,
                f"{TYPE}Linked": bool(entry.linked),
                f"{TYPE}Tracking": bool(entry.tracking),
                f"{TYPE}Purposes": list(entry.purposes),
            }
            for entry in label.entries.values()
        ],
        ACCESSED_APIS: [
            {"NSPrivacyAccessedAPIType": category, "NSPrivacyAccessedAPITypeReasons": list(reasons)}
            for category, reasons in _apis(label.answers.get(ACCESSED_APIS))
        ],
    }


def _domains(answer: Answer) -> tuple[str, ...]:
    return tuple(a for a in answer if isinstance(a, str)) if isinstance(answer, tuple) else ()


def _apis(answer: Answer) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(answer, tuple):
        return ()
    return tuple(a for a in answer if isinstance(a, tuple))


def write_manifest(label: StoreLabel) -> bytes:
    return plistlib.dumps(manifest(label), fmt=plistlib.FMT_XML, sort_keys=False)


def read_manifest(data: bytes, tables: StoreTables | None = None) -> StoreLabel:
    """The label a manifest declares: data types, purposes, linked and tracking."""
    try:
        root = plistlib.loads(data)
    except RecursionError:
        raise StoreFileError(
            f"expected a property list nested at most {MAX_DEPTH} deep (PrivacyInfo.xcprivacy)"
        ) from None
    except (
        plistlib.InvalidFileException,
        ExpatError,  # XML that is not well-formed
        ValueError,  # also integers beyond any limit
        TypeError,  # a key that is not text: an array or a dictionary
        LookupError,  # an unknown encoding named in the XML declaration; a bad object number
        OverflowError,
        struct.error,
    ) as exc:
        reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise StoreFileError(
            f"expected a property list (PrivacyInfo.xcprivacy): {reason}"
        ) from None
    check_document(root, "a privacy manifest")
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
        purposes = texts(entry.get(f"{TYPE}Purposes"), f"NSPrivacyCollectedDataTypes[{index}]")
        entries[entry[TYPE]] = LabelEntry(
            entry[TYPE],
            tuple(sorted(purposes)),
            linked=bool(entry.get(f"{TYPE}Linked")),
            tracking=bool(entry.get(f"{TYPE}Tracking")),
        )
    return StoreLabel(STORE, entries, tables or store_tables(), _manifest_answers(root))


def _manifest_answers(root: dict[str, Any]) -> dict[str, Answer]:
    domains = root.get(TRACKING_DOMAINS, [])
    if not isinstance(domains, list) or not all(isinstance(d, str) for d in domains):
        raise StoreFileError(f"expected {TRACKING_DOMAINS} to be an array of strings")
    apis = root.get(ACCESSED_APIS, [])
    pairs = []
    for index, entry in enumerate(apis if isinstance(apis, list) else [None]):
        reasons = entry.get("NSPrivacyAccessedAPITypeReasons") if isinstance(entry, dict) else None
        category = entry.get("NSPrivacyAccessedAPIType") if isinstance(entry, dict) else None
        if not isinstance(category, str) or not isinstance(reasons, list):
            raise StoreFileError(
                f"{ACCESSED_APIS}[{index}]: expected a dictionary with NSPrivacyAccessedAPIType "
                "and NSPrivacyAccessedAPITypeReasons"
            )
        pairs.append((category, tuple(sorted(texts(reasons, f"{ACCESSED_APIS}[{index}]")))))
    return {TRACKING_DOMAINS: tuple(sorted(domains)), ACCESSED_APIS: tuple(sorted(pairs))}
