"""App Privacy details as fastlane's ``app_privacy_details.json``, the file that
``upload_app_privacy_details_to_app_store`` reads: a list of
``{"category", "purposes", "data_protections"}`` in App Store Connect's ids."""

from __future__ import annotations

import json
from typing import Any

from .document_limits import MAX_DEPTH, check_document, texts
from .label import LabelEntry, StoreFileError, StoreLabel
from .tables import StoreTables, store_tables

STORE = "apple"
LINKED, NOT_LINKED = "DATA_LINKED_TO_YOU", "DATA_NOT_LINKED_TO_YOU"
TRACKING, NOT_COLLECTED = "DATA_USED_TO_TRACK_YOU", "DATA_NOT_COLLECTED"


def app_privacy_details(label: StoreLabel) -> list[dict[str, Any]]:
    """The file's entries, sorted as fastlane writes them (by category; purposes and
    protections sorted), so that a file fastlane wrote and this one differ only in substance."""
    apple = label.tables.apple
    if not label.entries:
        return [{"data_protections": [NOT_COLLECTED]}]
    details = []
    for entry in label.entries.values():
        protections = [LINKED if entry.linked else NOT_LINKED]
        if entry.tracking:
            protections.append(TRACKING)
        details.append(
            {
                "category": apple.data_types[entry.data_type][0],
                "purposes": sorted({apple.purposes[p][0] for p in entry.purposes}),
                "data_protections": sorted(protections),
            }
        )
    return sorted(details, key=lambda detail: str(detail["category"]))


def write_app_privacy_details(label: StoreLabel) -> str:
    return json.dumps(app_privacy_details(label), indent=2) + "\n"


def read_app_privacy_details(text: str, tables: StoreTables | None = None) -> StoreLabel:
    """The label a fastlane file declares, in manifest constants (so both Apple files compare
    with the same records)."""
    tables = tables or store_tables()
    apple = tables.apple
    types = {asc: constant for constant, (asc, _) in apple.data_types.items()}
    purposes = {asc: constant for constant, (asc, _) in apple.purposes.items()}
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StoreFileError(f"expected JSON (app_privacy_details.json): {exc}") from None
    except RecursionError:
        raise StoreFileError(f"expected JSON nested at most {MAX_DEPTH} deep") from None
    except ValueError as exc:  # an integer of thousands of digits
        raise StoreFileError(f"expected JSON (app_privacy_details.json): {exc}") from None
    check_document(document, "app_privacy_details.json")
    if not isinstance(document, list):
        raise StoreFileError("expected a JSON list of {category, purposes, data_protections}")
    entries: dict[str, LabelEntry] = {}
    for index, entry in enumerate(document):
        if not isinstance(entry, dict):
            raise StoreFileError(f"[{index}]: expected an object")
        protections = texts(entry.get("data_protections"), f"[{index}].data_protections")
        entry_purposes = texts(entry.get("purposes"), f"[{index}].purposes")
        if NOT_COLLECTED in protections:
            continue
        category = entry.get("category")
        if not isinstance(category, str) or category not in types:
            raise StoreFileError(
                f"[{index}].category: expected an App Store Connect data "
                f"category such as DEVICE_ID, found {category!r}"
            )
        unknown = [p for p in entry_purposes if p not in purposes]
        if unknown:
            raise StoreFileError(
                f"[{index}].purposes: expected App Store Connect purposes "
                f"such as APP_FUNCTIONALITY, found {unknown[0]!r}"
            )
        constant = types[category]
        entries[constant] = LabelEntry(
            constant,
            tuple(sorted(purposes[p] for p in entry_purposes)),
            linked=LINKED in protections,
            tracking=TRACKING in protections,
        )
    return StoreLabel(STORE, entries, tables)
