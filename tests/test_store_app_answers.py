"""What a product says about the whole app to each store (``store_labels.google_play`` and
``store_labels.apple``): written into the exported files, read back, compared by check-label, and
checked against the stores' tables with the place of each mistake."""

from __future__ import annotations

import csv
import os
import plistlib
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_example_site
from privacy_pages.cli import main
from privacy_pages.pipeline import check_site
from privacy_pages.settings import settings_from_mkdocs
from privacy_pages.stores.tables import store_tables

ANDROID, IOS = "defender-endpoint-android", "defender-endpoint-ios"

PLAY_ANSWERS = """\
  google_play:
    PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT: true
    PSL_SUPPORTED_ACCOUNT_CREATION_METHODS: [PSL_ACM_OAUTH, PSL_ACM_OTHER]
    PSL_ACM_SPECIFY: Accounts come from the organization's Microsoft Entra ID.
    PSL_SUPPORT_DATA_DELETION_BY_USER: DATA_DELETION_YES
    PSL_DATA_DELETION_URL: https://example.com/delete
"""

APPLE_ANSWERS = """\
  apple:
    tracking_domains: [metrics.example.com]
    accessed_apis:
      NSPrivacyAccessedAPICategoryUserDefaults: [CA92.1]
      NSPrivacyAccessedAPICategoryDiskSpace: [E174.1, 85F4.1]
"""


def _add_to_store_labels(product: Path, block: str) -> int:
    """Put ``block`` first under the product's ``store_labels:``; the line it starts on."""
    text = product.read_text("utf-8")
    head, tail = text.split("store_labels:\n", 1)
    product.write_text(f"{head}store_labels:\n{block}{tail}", "utf-8")
    return head.count("\n") + 2


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = copy_example_site(tmp_path / "site")
    monkeypatch.chdir(folder)
    return folder


def _errors(site: Path) -> list[str]:
    return [str(d) for d in check_site(settings_from_mkdocs(site / "mkdocs.yml")).problems.errors]


def _check(path: Path, product: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["check-label", str(path), "--product", product])
    return code, capsys.readouterr().out


def test_google_play_answers_go_into_the_csv_and_are_checked(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_to_store_labels(site / f"content/products/{ANDROID}.yml", PLAY_ANSWERS)
    assert _errors(site) == []
    out = tmp_path / "data-safety.csv"
    assert main(["export", "google-play", ANDROID, "--out", str(out)]) == 0
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    answered = {(r[0], r[1]): r[2] for r in rows[1:] if r[2]}
    assert answered[("PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT", "")] == "TRUE"
    assert answered[("PSL_SUPPORTED_ACCOUNT_CREATION_METHODS", "PSL_ACM_OAUTH")] == "TRUE"
    assert answered[("PSL_SUPPORTED_ACCOUNT_CREATION_METHODS", "PSL_ACM_OTHER")] == "TRUE"
    assert ("PSL_SUPPORTED_ACCOUNT_CREATION_METHODS", "PSL_ACM_NONE") not in answered
    assert answered[("PSL_ACM_SPECIFY", "")].startswith("Accounts come from")
    assert answered[("PSL_SUPPORT_DATA_DELETION_BY_USER", "DATA_DELETION_YES")] == "TRUE"
    assert answered[("PSL_DATA_DELETION_URL", "")] == "https://example.com/delete"
    # A question the records leave out stays blank for the Console.
    assert ("PSL_ACCOUNT_DELETION_URL", "") not in answered
    assert _check(out, ANDROID, capsys) == (0, "")

    def edit(question: str, response: str, value: str) -> None:
        for row in rows:
            if row[:2] == [question, response]:
                row[2] = value
        with out.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle, lineterminator="\r\n").writerows(rows)

    edit("PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT", "", "FALSE")
    edit("PSL_SUPPORTED_ACCOUNT_CREATION_METHODS", "PSL_ACM_OTHER", "")
    edit("PSL_DATA_DELETION_URL", "", "")
    edit("PSL_ACCOUNT_DELETION_URL", "", "https://example.com/account")  # records are silent
    code, output = _check(out, ANDROID, capsys)
    assert code == 1
    assert output.splitlines() == [
        f"{out}: PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT: records yes, store file no",
        f"{out}: PSL_SUPPORTED_ACCOUNT_CREATION_METHODS: records PSL_ACM_OAUTH, PSL_ACM_OTHER, "
        "store file PSL_ACM_OAUTH",
        f"{out}: PSL_DATA_DELETION_URL: records 'https://example.com/delete', store file "
        "leaves it blank",
    ]


def test_apple_answers_go_into_the_manifest_and_are_checked(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_to_store_labels(site / f"content/products/{IOS}.yml", APPLE_ANSWERS)
    assert _errors(site) == []
    out = tmp_path / "PrivacyInfo.xcprivacy"
    assert main(["export", "apple-privacy-manifest", IOS, "--out", str(out)]) == 0
    manifest = plistlib.loads(out.read_bytes())
    assert manifest["NSPrivacyTrackingDomains"] == ["metrics.example.com"]
    apis = {
        entry["NSPrivacyAccessedAPIType"]: entry["NSPrivacyAccessedAPITypeReasons"]
        for entry in manifest["NSPrivacyAccessedAPITypes"]
    }
    assert apis == {
        "NSPrivacyAccessedAPICategoryUserDefaults": ["CA92.1"],
        "NSPrivacyAccessedAPICategoryDiskSpace": ["85F4.1", "E174.1"],
    }
    approved = store_tables().apple.accessed_api_types
    for category, reasons in apis.items():  # from Apple's documented set
        assert set(reasons) <= set(approved[category])
    assert _check(out, IOS, capsys) == (0, "")
    # fastlane's JSON does not carry these answers: nothing to compare, no drift.
    json_out = tmp_path / "app_privacy_details.json"
    assert main(["export", "apple-app-privacy", IOS, "--out", str(json_out)]) == 0
    assert _check(json_out, IOS, capsys) == (0, "")

    manifest["NSPrivacyTrackingDomains"] = []
    manifest["NSPrivacyAccessedAPITypes"] = manifest["NSPrivacyAccessedAPITypes"][:1]
    out.write_bytes(plistlib.dumps(manifest))
    code, output = _check(out, IOS, capsys)
    assert code == 1
    lines = output.splitlines()
    assert f"{out}: NSPrivacyTrackingDomains: records metrics.example.com, store file none" in lines
    assert any(line.startswith(f"{out}: NSPrivacyAccessedAPITypes: records ") for line in lines)
    assert len(lines) == 2, lines


def test_an_app_without_answers_exports_empty_lists_and_blank_questions(
    site: Path, tmp_path: Path
) -> None:
    out = tmp_path / "PrivacyInfo.xcprivacy"
    assert main(["export", "apple-privacy-manifest", IOS, "--out", str(out)]) == 0
    manifest = plistlib.loads(out.read_bytes())
    assert manifest["NSPrivacyTrackingDomains"] == []
    assert manifest["NSPrivacyAccessedAPITypes"] == []


def test_mistakes_in_the_answers_name_their_place(site: Path) -> None:
    play_block = """\
  google_play:
    PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSITT: true
    PSL_SUPPORT_DATA_DELETION_BY_USER: [DATA_DELETION_YES, DATA_DELETION_NO]
    PSL_SUPPORTED_ACCOUNT_CREATION_METHODS: [PSL_ACM_OAUTH, PSL_ACM_OAUT]
    PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA: true
"""
    apple_block = """\
  apple:
    accessed_apis:
      NSPrivacyAccessedAPICategoryUserDefault: [CA92.1]
      NSPrivacyAccessedAPICategoryDiskSpace: [CA92.1]
"""
    first = _add_to_store_labels(site / f"content/products/{ANDROID}.yml", play_block)
    apple = _add_to_store_labels(site / f"content/products/{IOS}.yml", apple_block)

    def column(block: str, line: int, token: str) -> int:
        return block.splitlines()[line].index(token) + 1

    deletion = column(play_block, 2, "[DATA")
    oaut = column(play_block, 3, "PSL_ACM_OAUT]")
    reason = column(apple_block, 3, "CA92.1")
    path = f"content/products/{ANDROID}.yml"
    ios_path = f"content/products/{IOS}.yml"
    assert _errors(site) == [
        f"{path}:{first + 1}:5: error reference: store_labels.google_play."
        "PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSITT: expected a question of the Data safety form "
        "about the whole app, found 'PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSITT' (did you mean "
        "'PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT'?)",
        f"{path}:{first + 2}:{deletion}: error reference: store_labels.google_play."
        "PSL_SUPPORT_DATA_DELETION_BY_USER: expected one response id (a single choice), found 2",
        f"{path}:{first + 3}:{oaut}: error reference: store_labels.google_play."
        "PSL_SUPPORTED_ACCOUNT_CREATION_METHODS[1]: expected one of the question's response ids "
        "(PSL_ACM_USER_ID_PASSWORD, PSL_ACM_USER_ID_OTHER_AUTH, "
        "PSL_ACM_USER_ID_PASSWORD_OTHER_AUTH, PSL_ACM_OAUTH, PSL_ACM_OTHER, PSL_ACM_NONE), found "
        "'PSL_ACM_OAUT' (did you mean 'PSL_ACM_OAUTH'?)",
        f"{path}:{first + 4}:5: error reference: store_labels.google_play."
        "PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA: expected a question of the Data safety form "
        "about the whole app, found 'PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA', which the "
        "export answers from the items",
        f"{ios_path}:{apple + 2}:7: error reference: store_labels.apple.accessed_apis."
        "NSPrivacyAccessedAPICategoryUserDefault: expected a category of required-reason API, "
        "found 'NSPrivacyAccessedAPICategoryUserDefault' (did you mean "
        "'NSPrivacyAccessedAPICategoryUserDefaults'?)",
        f"{ios_path}:{apple + 3}:{reason}: error reference: store_labels.apple.accessed_apis."
        "NSPrivacyAccessedAPICategoryDiskSpace[0]: expected a reason Apple approves for "
        "NSPrivacyAccessedAPICategoryDiskSpace (85F4.1, E174.1, 7D9E.1, B728.1), found 'CA92.1'",
    ]


def test_purposes_of_sharing_are_their_own_answers(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    product = site / f"content/products/{ANDROID}.yml"
    text = product.read_text("utf-8")
    anchor = "    device-state: *diagnostic\n"
    assert anchor in text
    product.write_text(
        text.replace(
            anchor,
            "    device-state:\n      purposes: [security]\n      shared_purposes: [analytics]\n",
        ),
        "utf-8",
    )
    assert _errors(site) == []
    dataset = check_site(settings_from_mkdocs(site / "mkdocs.yml")).dataset
    device_type = dataset.catalog["device-state"].store_type("google_play")
    assert device_type is not None
    out = tmp_path / "data-safety.csv"
    assert main(["export", "google-play", ANDROID, "--out", str(out)]) == 0
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    prefix = f"PSL_DATA_USAGE_RESPONSES:{device_type}:"
    ticked = {
        (r[0].removeprefix(prefix), r[1])
        for r in rows
        if r[0].startswith(prefix) and r[2] == "TRUE"
    }
    assert ("PSL_DATA_USAGE_COLLECTION_AND_SHARING", "PSL_DATA_USAGE_ONLY_SHARED") in ticked
    assert {r for q, r in ticked if q == "DATA_USAGE_SHARING_PURPOSE"} == {"PSL_ANALYTICS"}
    assert _check(out, ANDROID, capsys) == (0, "")
    for row in rows:
        if row[:2] == [f"{prefix}DATA_USAGE_SHARING_PURPOSE", "PSL_ANALYTICS"]:
            row[2] = ""
        if row[:2] == [f"{prefix}DATA_USAGE_SHARING_PURPOSE", "PSL_ADVERTISING"]:
            row[2] = "TRUE"
    with out.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)
    code, output = _check(out, ANDROID, capsys)
    assert (code, output) == (
        1,
        f"{out}: {device_type}: purposes of sharing differ: records PSL_ANALYTICS; "
        "store file PSL_ADVERTISING\n",
    )


def test_check_label_reads_a_csv_with_only_the_three_columns_the_api_reads(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "data-safety.csv"
    assert main(["export", "google-play", ANDROID, "--out", str(out)]) == 0
    with out.open(newline="", encoding="utf-8") as handle:
        rows = [row[:3] for row in csv.reader(handle)]
    rows = [[cell.lower() if cell in ("TRUE", "FALSE") else cell for cell in row] for row in rows]
    with out.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    assert _check(out, ANDROID, capsys) == (0, "")
    # Without the device ID's tick, the difference is found in the short file too.
    with out.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(
            [r for r in rows if r[:2] != ["PSL_DATA_TYPES_IDENTIFIERS", "PSL_DEVICE_ID"]]
        )
    code, output = _check(out, ANDROID, capsys)
    assert code == 1 and "PSL_DEVICE_ID: missing from the store file" in output


def test_manifest_answers_the_records_do_not_give_are_not_drift(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Almost every iOS app declares UserDefaults: a product that says nothing of its
    required-reason APIs or tracking domains is not contradicted by a manifest that does."""
    out = tmp_path / "PrivacyInfo.xcprivacy"
    assert main(["export", "apple-privacy-manifest", IOS, "--out", str(out)]) == 0
    manifest = plistlib.loads(out.read_bytes())
    manifest["NSPrivacyAccessedAPITypes"] = [
        {
            "NSPrivacyAccessedAPIType": "NSPrivacyAccessedAPICategoryUserDefaults",
            "NSPrivacyAccessedAPITypeReasons": ["CA92.1"],
        }
    ]
    manifest["NSPrivacyTrackingDomains"] = ["metrics.example.com"]
    out.write_bytes(plistlib.dumps(manifest))
    assert _check(out, IOS, capsys) == (0, "")


def test_shared_false_with_purposes_of_sharing_is_an_error(site: Path) -> None:
    product = site / f"content/products/{ANDROID}.yml"
    text = product.read_text("utf-8")
    anchor = "    device-state: *diagnostic\n"
    product.write_text(
        text.replace(
            anchor, "    device-state:\n      shared: false\n      shared_purposes: [analytics]\n"
        ),
        "utf-8",
    )
    line = text[: text.index(anchor)].count("\n") + 2
    assert _errors(site) == [
        f"content/products/{ANDROID}.yml:{line}:15: error reference: "
        "store_labels.items.device-state.shared: expected shared: true (or no shared) with "
        "shared_purposes, found shared: false; remove one of them"
    ]


def test_check_label_refuses_a_pipe_instead_of_blocking_on_it(site: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "PrivacyInfo.xcprivacy"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "privacy_pages", "check-label", str(fifo), "--product", IOS],
        capture_output=True,
        text=True,
        timeout=60,  # a read of the pipe would wait for a writer forever
        cwd=site,
    )
    assert done.returncode == 2, done.stderr
    assert "expected a regular file" in done.stderr
