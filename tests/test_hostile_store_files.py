"""Store files the CLI reads (check-label, store records): a hostile or broken one gives one
error, never a traceback or a hang; and the Data safety CSV the export writes keeps the
writer's text from running as a formula."""

from __future__ import annotations

import json
import plistlib
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from privacy_pages.stores.apple_app_privacy import read_app_privacy_details
from privacy_pages.stores.apple_manifest import read_manifest
from privacy_pages.stores.drift import read_store_file
from privacy_pages.stores.google_play import read_data_safety, write_data_safety
from privacy_pages.stores.label import StoreFileError, StoreLabel
from privacy_pages.stores.tables import store_tables


@contextmanager
def at_most(seconds: int) -> Iterator[None]:
    """Fail instead of hanging (a walk of 2^64 nodes would never end): a bound on the test,
    not a measure of speed."""

    def expired(signum: int, frame: Any) -> None:
        raise AssertionError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _shared_levels(depth: int) -> list[Any]:
    level: list[Any] = ["NSPrivacyCollectedDataTypePurposeAnalytics"]
    for _ in range(depth):
        level = [level, level]  # one object, referred to twice: a binary plist stores it once
    return level


def test_a_small_plist_that_shares_one_object_per_level_is_refused_at_once(
    tmp_path: Path,
) -> None:
    root = {
        "NSPrivacyCollectedDataTypes": [
            {
                "NSPrivacyCollectedDataType": "NSPrivacyCollectedDataTypeName",
                "NSPrivacyCollectedDataTypePurposes": _shared_levels(64),
            }
        ]
    }
    path = tmp_path / "PrivacyInfo.xcprivacy"
    path.write_bytes(plistlib.dumps(root, fmt=plistlib.FMT_BINARY))
    assert path.stat().st_size < 2048
    with at_most(20), pytest.raises(StoreFileError):
        read_store_file(path)


HOSTILE = {
    "deep.json": b"[" * 100_000 + b"]" * 100_000,
    "huge.json": b'[{"category": ' + b"9" * 10_000 + b"}]",
    "not-text.json": b'[{"category": "NAME", "purposes": [{"a": 1}], "data_protections": [1]}]',
    "unhashable.json": b'[{"category": {"a": 1}, "purposes": [], "data_protections": []}]',
    "deep.xcprivacy": b'<?xml version="1.0"?><plist version="1.0">'
    + b"<array>" * 5_000
    + b"</array>" * 5_000
    + b"</plist>",
    "garbage.plist": b"bplist00" + bytes(range(256)) * 4,
    "key.xcprivacy": b'<?xml version="1.0"?><plist version="1.0"><dict><key>NSPrivacyTracking'
    + b"</key><integer>"
    + b"9" * 10_000
    + b"</integer></dict></plist>",
    "field.csv": b"Question ID (machine readable),Response ID (machine readable),Response value\n"
    + b'"'
    + b"x" * 200_000
    + b'",a,b\n',
    "nul.csv": b"Question ID (machine readable),Response ID (machine readable),Response value\n"
    + b"a\0,b,c\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_store_file_is_one_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(HOSTILE[name])
    with at_most(20):
        try:
            label = read_store_file(path)
        except StoreFileError as exc:
            assert str(exc)
        else:  # a file that reads is a label
            assert isinstance(label, StoreLabel)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=25,
)
_entries = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            "category": st.sampled_from(["NAME", "DEVICE_ID", "OTHER"]) | _json,
            "purposes": st.lists(st.sampled_from(["APP_FUNCTIONALITY", "X"]) | _json) | _json,
            "data_protections": st.lists(st.sampled_from(["DATA_LINKED_TO_YOU", "X"])) | _json,
        },
    ),
    max_size=4,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_entries, _json))
def test_any_json_is_a_label_or_one_error(document: Any) -> None:
    try:
        label = read_app_privacy_details(json.dumps(document))
    except StoreFileError:
        return
    assert isinstance(label, StoreLabel)


#: Text a property list can hold (its XML form refuses control characters).
_plist_text = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=20)
_plist_value = st.recursive(
    st.booleans() | st.integers(min_value=-(2**63), max_value=2**64 - 1) | _plist_text,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(_plist_text, children, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "NSPrivacyCollectedDataTypes",
                "NSPrivacyTrackingDomains",
                "NSPrivacyAccessedAPITypes",
                "NSPrivacyTracking",
            ]
        ),
        _plist_value,
    ),
    st.sampled_from([plistlib.FMT_XML, plistlib.FMT_BINARY]),
)
def test_any_property_list_is_a_label_or_one_error(root: dict[str, Any], fmt: Any) -> None:
    try:
        label = read_manifest(plistlib.dumps(root, fmt=fmt))
    except StoreFileError:
        return
    assert isinstance(label, StoreLabel)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_are_a_label_or_one_error(data: bytes) -> None:
    """Random bytes after the start of each kind of store file, read by that kind's reader."""
    text = data.decode("utf-8", "replace")
    readers = [
        lambda: read_manifest(b"bplist00" + data),
        lambda: read_manifest(b'<?xml version="1.0"?><plist version="1.0">' + data),
        lambda: read_app_privacy_details("[" + text),
        lambda: read_data_safety("Question ID (machine readable)," + text),
    ]
    for read in readers:
        try:
            assert isinstance(read(), StoreLabel)
        except StoreFileError:
            continue


FREE_TEXT = "PSL_ACM_SPECIFY"


def test_free_text_in_the_data_safety_export_never_runs_as_a_formula() -> None:
    tables = store_tables()
    header = ",".join(tables.google_play.header)
    formula = '=HYPERLINK("https://example.org","click")'
    text = f'{header}\n{FREE_TEXT},,"{formula.replace(chr(34), chr(34) * 2)}",MAYBE_REQUIRED,x\n'
    label = read_data_safety(text)
    assert label.answers[FREE_TEXT] == formula
    written = write_data_safety(label)
    row = next(line for line in written.splitlines() if line.startswith(FREE_TEXT))
    assert ",\"'=HYPERLINK" in row, row
    assert read_data_safety(written).answers[FREE_TEXT] == formula  # read back as written
