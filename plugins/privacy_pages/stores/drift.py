"""The drift check: what a store file says that the records do not, one difference a line."""

from __future__ import annotations

import stat
from pathlib import Path

from ..model import Dataset, Product
from .apple_app_privacy import read_app_privacy_details
from .apple_manifest import read_manifest
from .google_play import read_data_safety
from .label import Answer, LabelEntry, StoreFileError, StoreLabel, store_label
from .tables import StoreTables, tables_of


def read_store_file(path: Path, tables: StoreTables | None = None) -> StoreLabel:
    """A Console CSV, a privacy manifest or a fastlane JSON, told apart by extension, else by
    how the file starts, read with ``tables`` (the site's store tables; default: packaged)."""
    data = _read(path)
    suffix = path.suffix.lower()
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:40]
    if suffix in (".xcprivacy", ".plist") or start.startswith((b"<?xml", b"bplist", b"<plist")):
        return read_manifest(data, tables)
    text = _text(data, path)
    if suffix == ".json" or start.startswith((b"[", b"{")):
        return read_app_privacy_details(text, tables)
    if suffix == ".csv" or start.startswith(b"Question ID"):
        return read_data_safety(text, tables)
    raise StoreFileError(
        "expected a Data safety CSV (.csv), a privacy manifest (.xcprivacy) or fastlane's "
        f"app_privacy_details.json, found {path.name!r}"
    )


#: The largest store file read (a Console CSV is about 100 KB; a manifest, a few KB).
MAX_STORE_FILE_BYTES = 16 * 1024 * 1024


def _read(path: Path) -> bytes:
    """The file's bytes: a regular file only (a pipe or device would block or never end), and
    never more than :data:`MAX_STORE_FILE_BYTES`."""
    if not stat.S_ISREG(path.stat().st_mode):
        raise StoreFileError("expected a regular file, found a folder, device, pipe or socket")
    with path.open("rb") as handle:
        data = handle.read(MAX_STORE_FILE_BYTES + 1)
    if len(data) > MAX_STORE_FILE_BYTES:
        raise StoreFileError(
            f"expected a store file of at most {MAX_STORE_FILE_BYTES // (1024 * 1024)} MiB; "
            "this one is larger"
        )
    return data


def _text(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StoreFileError(f"expected UTF-8 text in {path.name}: {exc}") from None


def check_label(path: Path, product: Product, dataset: Dataset) -> list[str]:
    """Every difference between the store file at ``path`` and the product's records."""
    found = read_store_file(path, tables_of(dataset))
    return differences(store_label(product, dataset, found.store), found)


def differences(records: StoreLabel, found: StoreLabel) -> list[str]:
    """What ``found`` (a store file) says differently from ``records``, data type by data type;
    a field the file does not carry (None) is not compared."""
    lines = []
    for data_type, entry in records.entries.items():
        other = found.entries.get(data_type)
        if other is None:
            lines.append(f"{data_type}: missing from the store file (the records collect it)")
        else:
            lines.extend(f"{data_type}: {line}" for line in _entry_differences(entry, other))
    for data_type in found.entries:
        if data_type not in records.entries:
            lines.append(f"{data_type}: extra in the store file (the records do not collect it)")
    for key, theirs in found.answers.items():  # what the records say of the whole app
        ours = records.answers.get(key)
        if ours is not None and ours != theirs:
            lines.append(f"{key}: records {_answer(ours)}, store file {_answer(theirs)}")
    return lines


def _answer(answer: Answer) -> str:
    if answer is None or answer == ():
        return "leaves it blank" if answer is None else "none"
    if isinstance(answer, bool):
        return _yes_no(answer)
    if isinstance(answer, str):
        return repr(answer)
    return ", ".join(
        f"{part[0]} ({', '.join(part[1])})" if isinstance(part, tuple) else part for part in answer
    )


def _entry_differences(records: LabelEntry, found: LabelEntry) -> list[str]:
    lines = []
    if records.purposes != found.purposes:
        lines.append(
            f"purposes differ: records {', '.join(records.purposes) or 'none'}; "
            f"store file {', '.join(found.purposes) or 'none'}"
        )
    ours, theirs = records.shared_purposes, found.shared_purposes
    if ours is not None and theirs is not None and ours != theirs:
        lines.append(
            f"purposes of sharing differ: records {', '.join(ours) or 'none'}; "
            f"store file {', '.join(theirs) or 'none'}"
        )
    if None not in (records.required, found.required) and records.required != found.required:
        lines.append(
            f"records say {_required(records.required)}, store file says {_required(found.required)}"
        )
    for flag in ("linked", "tracking", "shared", "ephemeral"):
        ours, theirs = getattr(records, flag), getattr(found, flag)
        if None not in (ours, theirs) and ours != theirs:
            lines.append(f"{flag}: records {_yes_no(ours)}, store file {_yes_no(theirs)}")
    return lines


def _required(flag: bool | None) -> str:
    return "required" if flag else "optional"


def _yes_no(flag: bool | None) -> str:
    return "yes" if flag else "no"
