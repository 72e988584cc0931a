"""Store labels: the exported files are in each store's format, and check-label finds every kind
of drift between a store's file and the records, and none in a file just exported."""

from __future__ import annotations

import csv
import io
import json
import plistlib
import re
from pathlib import Path

import pytest
from conftest import REPO, copy_example_site, run_mkdocs
from hypothesis import given
from hypothesis import strategies as st
from privacy_pages.cli import main
from privacy_pages.pipeline import check_site
from privacy_pages.settings import find_settings, settings_from_mkdocs
from privacy_pages.stores.apple_app_privacy import (
    read_app_privacy_details,
    write_app_privacy_details,
)
from privacy_pages.stores.apple_manifest import read_manifest, write_manifest
from privacy_pages.stores.drift import differences
from privacy_pages.stores.google_play import read_data_safety, write_data_safety
from privacy_pages.stores.label import LabelEntry, StoreLabel
from privacy_pages.stores.tables import store_tables

ANDROID, IOS = "defender-endpoint-android", "defender-endpoint-ios"

#: The Play Console's header, as its help (answer 10787469) and its exports give it.
HEADER = [
    "Question ID (machine readable)",
    "Response ID (machine readable)",
    "Response value",
    "Answer requirement",
    "Human-friendly question label",
]

#: Apple's documented values of NSPrivacyCollectedDataTypePurposes (Bundle Resources).
APPLE_PURPOSES = {
    "NSPrivacyCollectedDataTypePurposeThirdPartyAdvertising",
    "NSPrivacyCollectedDataTypePurposeDeveloperAdvertising",
    "NSPrivacyCollectedDataTypePurposeAnalytics",
    "NSPrivacyCollectedDataTypePurposeProductPersonalization",
    "NSPrivacyCollectedDataTypePurposeAppFunctionality",
    "NSPrivacyCollectedDataTypePurposeOther",
}

#: The keys of one NSPrivacyCollectedDataTypes dictionary, as Apple documents them.
COLLECTED_KEYS = {
    "NSPrivacyCollectedDataType",
    "NSPrivacyCollectedDataTypeLinked",
    "NSPrivacyCollectedDataTypeTracking",
    "NSPrivacyCollectedDataTypePurposes",
}


@pytest.fixture(autouse=True)
def in_example_site(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # the example site's content/ and mkdocs.yml


def export(kind: str, product: str, out: Path) -> Path:
    assert main(["export", kind, product, "--out", str(out)]) == 0
    return out


def check_label(path: Path, product: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["check-label", str(path), "--product", product])
    return code, capsys.readouterr().out


# -- the formats ---------------------------------------------------------------------------------


def test_data_safety_csv_has_the_console_header_and_a_device_id_response(tmp_path: Path) -> None:
    path = export("google-play", ANDROID, tmp_path / "data-safety.csv")
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == HEADER
    assert all(len(row) == 5 for row in rows)
    assert ["PSL_DATA_TYPES_IDENTIFIERS", "PSL_DEVICE_ID", "TRUE"] in [r[:3] for r in rows]
    device = {
        (r[0].rsplit(":", 1)[1], r[1])
        for r in rows[1:]
        if r[2] == "TRUE" and r[0].startswith("PSL_DATA_USAGE_RESPONSES:PSL_DEVICE_ID:")
    }
    assert ("PSL_DATA_USAGE_COLLECTION_AND_SHARING", "PSL_DATA_USAGE_ONLY_COLLECTED") in device
    assert ("DATA_USAGE_USER_CONTROL", "PSL_DATA_USAGE_USER_CONTROL_REQUIRED") in device
    assert ("DATA_USAGE_COLLECTION_PURPOSE", "PSL_FRAUD_PREVENTION_SECURITY") in device
    # The template's whole row set: 22 general rows, 38 data types, 19 usage rows for each.
    assert len(rows) == 783
    assert len({(r[0], r[1]) for r in rows}) == len(rows)


def test_privacy_manifest_loads_with_plistlib_and_has_the_device_id(tmp_path: Path) -> None:
    path = export("apple-privacy-manifest", IOS, tmp_path / "PrivacyInfo.xcprivacy")
    manifest = plistlib.loads(path.read_bytes())
    assert set(manifest) == {
        "NSPrivacyTracking",
        "NSPrivacyTrackingDomains",
        "NSPrivacyCollectedDataTypes",
        "NSPrivacyAccessedAPITypes",
    }
    assert manifest["NSPrivacyTracking"] is False
    collected = manifest["NSPrivacyCollectedDataTypes"]
    assert all(set(entry) == COLLECTED_KEYS for entry in collected)
    [device] = [e for e in collected if e["NSPrivacyCollectedDataType"].endswith("DeviceID")]
    assert device["NSPrivacyCollectedDataType"] == "NSPrivacyCollectedDataTypeDeviceID"
    assert device["NSPrivacyCollectedDataTypePurposes"]
    for entry in collected:
        assert entry["NSPrivacyCollectedDataTypePurposes"], entry
        assert set(entry["NSPrivacyCollectedDataTypePurposes"]) <= APPLE_PURPOSES, entry
        assert entry["NSPrivacyCollectedDataType"].startswith("NSPrivacyCollectedDataType")
        assert entry["NSPrivacyCollectedDataTypeLinked"] is True  # the iOS record says so


def test_app_privacy_details_is_fastlanes_format(tmp_path: Path) -> None:
    path = export("apple-app-privacy", IOS, tmp_path / "app_privacy_details.json")
    details = json.loads(path.read_text("utf-8"))
    assert all(set(entry) == {"category", "purposes", "data_protections"} for entry in details)
    [device] = [entry for entry in details if entry["category"] == "DEVICE_ID"]
    assert device["data_protections"] == ["DATA_LINKED_TO_YOU"]
    assert "APP_FUNCTIONALITY" in device["purposes"]


def test_tables_hold_the_stores_documented_vocabularies() -> None:
    tables = store_tables()
    assert tables.google_play.header == tuple(HEADER)
    assert len(tables.google_play.data_types) == 38
    assert set(tables.apple.purposes) == APPLE_PURPOSES
    assert "NSPrivacyCollectedDataTypePhotosorVideos" in tables.apple.data_types  # Apple's case
    for purpose in tables.purposes.values():
        assert purpose.stores["google_play"] in tables.google_play.purposes, purpose
        assert purpose.stores["apple"] in tables.apple.purposes, purpose


# -- check-label ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "product", "name"),
    [
        ("google-play", ANDROID, "data-safety.csv"),
        ("apple-privacy-manifest", IOS, "PrivacyInfo.xcprivacy"),
        ("apple-app-privacy", IOS, "app_privacy_details.json"),
    ],
)
def test_check_label_passes_on_the_file_just_exported(
    kind: str, product: str, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = export(kind, product, tmp_path / name)
    assert check_label(path, product, capsys) == (0, "")


def _edit_manifest(path: Path, edit: object) -> None:
    manifest = plistlib.loads(path.read_bytes())
    edit(manifest["NSPrivacyCollectedDataTypes"])  # type: ignore[operator]
    path.write_bytes(plistlib.dumps(manifest))


def _device(entries: list[dict[str, object]]) -> dict[str, object]:
    [entry] = [e for e in entries if e["NSPrivacyCollectedDataType"] == DEVICE]
    return entry


DEVICE = "NSPrivacyCollectedDataTypeDeviceID"


def _without_device(entries: list[dict[str, object]]) -> None:
    entries.remove(_device(entries))


def _other_purposes(entries: list[dict[str, object]]) -> None:
    _device(entries)["NSPrivacyCollectedDataTypePurposes"] = [
        "NSPrivacyCollectedDataTypePurposeThirdPartyAdvertising"
    ]


def _tracking(entries: list[dict[str, object]]) -> None:
    _device(entries)["NSPrivacyCollectedDataTypeTracking"] = True


def _extra(entries: list[dict[str, object]]) -> None:
    entries.append(
        {
            "NSPrivacyCollectedDataType": "NSPrivacyCollectedDataTypePreciseLocation",
            "NSPrivacyCollectedDataTypeLinked": True,
            "NSPrivacyCollectedDataTypeTracking": False,
            "NSPrivacyCollectedDataTypePurposes": ["NSPrivacyCollectedDataTypePurposeAnalytics"],
        }
    )


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (_without_device, f"{DEVICE}: missing from the store file"),
        (_other_purposes, f"{DEVICE}: purposes differ: records "),
        (_tracking, f"{DEVICE}: tracking: records no, store file yes"),
        (_extra, "NSPrivacyCollectedDataTypePreciseLocation: extra in the store file"),
    ],
    ids=["missing", "purposes", "tracking", "extra"],
)
def test_check_label_finds_drift_in_a_manifest(
    edit: object, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = export("apple-privacy-manifest", IOS, tmp_path / "PrivacyInfo.xcprivacy")
    _edit_manifest(path, edit)
    code, out = check_label(path, IOS, capsys)
    assert code == 1
    assert out.splitlines() == [f"{path}: {line}" for line in out_lines(out, path)]
    assert len(out.splitlines()) == 1, out
    assert f"{path}: {expected}" in out


def out_lines(out: str, path: Path) -> list[str]:
    return [line.removeprefix(f"{path}: ") for line in out.splitlines()]


def _set_csv(path: Path, question: str, response: str, value: str) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8"))))
    [row] = [r for r in rows if r[0] == question and r[1] == response]
    row[2] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_text(out.getvalue(), "utf-8")


USAGE = "PSL_DATA_USAGE_RESPONSES:PSL_DEVICE_ID:"


def test_check_label_finds_required_flipped_to_optional(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = export("google-play", ANDROID, tmp_path / "data-safety.csv")
    _set_csv(path, f"{USAGE}DATA_USAGE_USER_CONTROL", "PSL_DATA_USAGE_USER_CONTROL_REQUIRED", "")
    _set_csv(
        path, f"{USAGE}DATA_USAGE_USER_CONTROL", "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL", "TRUE"
    )
    code, out = check_label(path, ANDROID, capsys)
    assert (code, out_lines(out, path)) == (
        1,
        ["PSL_DEVICE_ID: records say required, store file says optional"],
    )


def test_check_label_finds_a_purpose_added_in_the_console(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = export("google-play", ANDROID, tmp_path / "data-safety.csv")
    _set_csv(path, f"{USAGE}DATA_USAGE_COLLECTION_PURPOSE", "PSL_ADVERTISING", "TRUE")
    code, out = check_label(path, ANDROID, capsys)
    assert code == 1
    [line] = out_lines(out, path)
    assert line.startswith("PSL_DEVICE_ID: purposes differ: records PSL_APP_FUNCTIONALITY, ")
    assert line.endswith(
        "store file PSL_ADVERTISING, PSL_APP_FUNCTIONALITY, PSL_FRAUD_PREVENTION_SECURITY"
    )


def test_check_label_finds_a_data_type_unticked_and_one_shared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = export("google-play", ANDROID, tmp_path / "data-safety.csv")
    _set_csv(path, "PSL_DATA_TYPES_IDENTIFIERS", "PSL_DEVICE_ID", "")
    _set_csv(
        path,
        "PSL_DATA_USAGE_RESPONSES:PSL_CRASH_LOGS:PSL_DATA_USAGE_COLLECTION_AND_SHARING",
        "PSL_DATA_USAGE_ONLY_SHARED",
        "TRUE",
    )
    code, out = check_label(path, ANDROID, capsys)
    assert (code, out_lines(out, path)) == (
        1,
        [  # in the order the records name the data types
            "PSL_DEVICE_ID: missing from the store file (the records collect it)",
            "PSL_CRASH_LOGS: shared: records no, store file yes",
        ],
    )


def test_check_label_finds_drift_in_fastlanes_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = export("apple-app-privacy", IOS, tmp_path / "app_privacy_details.json")
    details = json.loads(path.read_text("utf-8"))
    [device] = [entry for entry in details if entry["category"] == "DEVICE_ID"]
    device["data_protections"] = ["DATA_NOT_LINKED_TO_YOU"]
    path.write_text(json.dumps(details), "utf-8")
    code, out = check_label(path, IOS, capsys)
    assert (code, out_lines(out, path)) == (1, [f"{DEVICE}: linked: records yes, store file no"])


def test_check_label_refuses_a_file_it_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "data-safety.csv"
    path.write_text("Question,Response\n", "utf-8")
    assert main(["check-label", str(path), "--product", ANDROID]) == 2
    assert "expected the Data safety CSV header" in capsys.readouterr().err


# -- round trips ---------------------------------------------------------------------------------

_FLAG = st.one_of(st.none(), st.booleans())


@st.composite
def labels(draw: st.DrawFn, store: str) -> StoreLabel:
    tables = store_tables()
    if store == "google_play":
        types, purposes = list(tables.google_play.data_types), list(tables.google_play.purposes)
    else:
        types, purposes = list(tables.apple.data_types), list(tables.apple.purposes)
    chosen = draw(st.lists(st.sampled_from(types), unique=True, max_size=8))
    entries = {}
    for data_type in chosen:
        entries[data_type] = LabelEntry(
            data_type,
            tuple(sorted(draw(st.sets(st.sampled_from(purposes), min_size=1)))),
            draw(st.booleans()),
            draw(st.booleans()),
            draw(st.booleans()),
            draw(st.booleans()),
            draw(st.booleans()),
        )
    return StoreLabel(store, entries)


@given(labels("google_play"))
def test_round_trip_through_the_data_safety_csv(label: StoreLabel) -> None:
    assert differences(label, read_data_safety(write_data_safety(label))) == []


@given(labels("apple"))
def test_round_trip_through_the_privacy_manifest(label: StoreLabel) -> None:
    assert differences(label, read_manifest(write_manifest(label))) == []


@given(labels("apple"))
def test_round_trip_through_fastlanes_json(label: StoreLabel) -> None:
    assert differences(label, read_app_privacy_details(write_app_privacy_details(label))) == []


def test_the_example_apps_have_complete_labels() -> None:
    build = check_site(find_settings(REPO))  # lint rules included: no finding at all
    # (but the texts its French translation leaves out on purpose, and what the statements do
    # not say under the GDPR, both listed as information)
    found = [
        str(d)
        for d in build.problems.items
        if d.rule != "translation-missing" and not d.rule.startswith("gdpr-")
    ]
    assert found == []
    dataset = build.dataset
    for product_id in (ANDROID, IOS):
        product = dataset.products[product_id]
        assert product.store_labels is not None
        for item in product.items:  # every item is on the label, with its purposes
            catalog_item = dataset.catalog[item.id]
            for store in product.store_labels.ships_to:
                assert catalog_item.store_type(store), (product_id, item.id)
            assert product.store_labels.for_item(item.id).purposes


# -- on the site ---------------------------------------------------------------------------------


def test_each_app_page_sums_up_its_labels_and_links_the_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = run_mkdocs(copy_example_site(tmp_path / "site") / "mkdocs.yml")
    assert site.ok and site.warnings() == [], site.messages
    expected = {
        ANDROID: ("Google Play", "Device or other IDs", ["data-safety.csv"]),
        IOS: ("App Store", "Device ID", ["PrivacyInfo.xcprivacy", "app_privacy_details.json"]),
    }
    for product, (store, device, files) in expected.items():
        page = site.html(f"privacy/{product}.md")
        summary = page[page.index('<h3 id="store-labels"') :].split("</table>", 1)[0]
        assert f"<td>{store}</td>" in summary
        assert device in summary
        for name in files:
            assert f'href="../store-labels/{product}/{name}"' in summary
            # The file offered for download is the one check-label accepts.
            served = site.site_dir / "privacy" / "store-labels" / product / name
            assert check_label(served, product, capsys) == (0, "")
    for other in ("intune", "managed-desktop"):  # not apps in a store: no summary
        assert 'id="store-labels"' not in site.html(f"privacy/{other}.md")
    # The filter box of the comparisons and the data item index finds an item by its store
    # data types.
    for page in ("privacy/data-items.md", "privacy/compare/ios-vs-android.md"):
        [row] = re.findall(r'<[^>]* data-pp-item="device-identifier"[^>]*>', site.html(page))
        [text] = re.findall(r'data-pp-text="([^"]*)"', row)
        for term in ("psl_device_id", "device or other ids", "nsprivacycollecteddatatypedeviceid"):
            assert term in text, (page, term, text)


# -- errors in the records -----------------------------------------------------------------------


def _site_errors(site: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(site)  # diagnostics then name files as content/...
    build = check_site(settings_from_mkdocs(site / "mkdocs.yml"))
    return [str(d) for d in build.problems.errors]


def _replace(path: Path, old: str, new: str) -> tuple[int, int]:
    """Replace the first ``old`` in the file; the line and column where ``new`` starts."""
    text = path.read_text("utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path.write_text(text, "utf-8")
    before = text[: text.index(new)]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def test_a_misspelt_store_type_is_an_error_with_its_place_and_a_guess(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = copy_example_site(tmp_path / "site")
    catalog = site / "content/catalog/identifiers.yml"
    line, column = _replace(catalog, "google_play: PSL_DEVICE_ID", "google_play: PSL_DEVICE_IDD")
    apple_line, apple_column = _replace(
        catalog, "apple: NSPrivacyCollectedDataTypeEmailAddress", "apple: EmailAddress"
    )
    column += len("google_play: ")
    apple_column += len("apple: ")
    assert _site_errors(site, monkeypatch) == [
        f"content/catalog/identifiers.yml:{line}:{column}: error reference: "
        "items[0].stores.google_play: expected a known Google Play data type, found "
        "'PSL_DEVICE_IDD' (did you mean 'PSL_DEVICE_ID'?)",
        f"content/catalog/identifiers.yml:{apple_line}:{apple_column}: error reference: "
        "items[6].stores.apple: expected a known Apple collected-data type, found "
        "'EmailAddress' (did you mean 'NSPrivacyCollectedDataTypeEmailAddress'?)",
    ]


def test_an_unknown_purpose_or_item_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = copy_example_site(tmp_path / "site")
    product = site / "content/products/defender-endpoint-android.yml"
    _replace(product, "purposes: [app-functionality, security]", "purposes: [app-function]")
    _replace(product, "    device-state: *diagnostic", "    device-stat: *diagnostic")
    errors = [line.split(": ", 1)[1] for line in _site_errors(site, monkeypatch)]
    assert errors == [
        "error reference: store_labels.purposes[0]: expected a known purpose id, found "
        "'app-function' (did you mean 'app-functionality'?)",
        "error reference: store_labels.items.device-stat: expected the id of an item this "
        "product collects, found 'device-stat' (did you mean 'device-state'?)",
    ]


def test_an_unknown_store_is_a_schema_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = copy_example_site(tmp_path / "site")
    product = site / "content/products/defender-endpoint-android.yml"
    _replace(product, "ships_to: [google_play]", "ships_to: [google-play]")
    assert [line.split(": ", 2)[2] for line in _site_errors(site, monkeypatch)] == [
        "store_labels.ships_to[0]: expected one of: google_play, apple; found text "
        "'google-play' (did you mean 'google_play'?)"
    ]
