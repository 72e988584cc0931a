"""The record of processing activities (GDPR Art. 30(1)), built with MkDocs from the example site
and written by ``privacy-pages export processing-record``: one row per product and purpose,
every column filled for the product that states every element, the same in privacy.json
(which its published schema documents), in each language, and never a formula in a
spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import REPO, SiteResult, copy_example_site, run_mkdocs
from privacy_pages.cli import main
from privacy_pages.csv_text import FORMULA_START
from privacy_pages.messages import messages_for
from privacy_pages.model import gdpr

COMPLETE = "contoso-timesheets"
RECORDS = {
    path.stem: yaml.safe_load(path.read_text("utf-8"))
    for path in sorted((REPO / "content/products").glob("*.yml"))
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    result = run_mkdocs(copy_example_site(tmp_path_factory.mktemp("art30")) / "mkdocs.yml")
    assert result.ok, f"{result.error}\n{result.messages}"
    return result


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def download(site: SiteResult, language: str = "en") -> str:
    folder = "" if language == "en" else f"{language}/"
    return (site.site_dir / f"{folder}privacy/processing-record.csv").read_text("utf-8")


def test_one_row_per_product_and_purpose(site: SiteResult) -> None:
    found = rows(download(site))
    expected = [
        (product_id, use["use"])
        for product_id, record in RECORDS.items()
        for use in (record.get("data_use") or {}).get("uses", [])
    ]
    assert sorted((r["product"], r["purpose"]) for r in found) == sorted(expected)
    assert len(found) >= 6  # the complete product's purposes and a seed's, at least


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_column_is_filled_for_the_complete_product(site: SiteResult, language: str) -> None:
    words = messages_for(language)
    record = RECORDS[COMPLETE]
    mine = [r for r in rows(download(site, language)) if r["product"] == COMPLETE]
    assert len(mine) == len(record["data_use"]["uses"])
    for row, use in zip(mine, record["data_use"]["uses"], strict=True):
        assert all(value.strip() for value in row.values()), row
        assert row["legal basis"].startswith(words.gettext(gdpr.LEGAL_BASES[use["legal_basis"]]))
    transfer = record["storage"]["transfers"]["destinations"][0]
    assert words.gettext(gdpr.SAFEGUARDS[transfer["safeguard"]]) in mine[0]["transfers"]
    if language == "fr":  # the record's text as translated, too
        assert record["controller"]["address"] not in mine[0]["controller"]


def test_a_seed_leaves_empty_what_its_statement_does_not_say(site: SiteResult) -> None:
    found = [r for r in rows(download(site)) if r["product"] == "managed-desktop"]
    assert found
    for row in found:
        # Managed Desktop states no legal basis, controller or transfers: nothing made up.
        assert row["legal basis"] == row["controller"] == row["transfers"] == ""
        assert row["retention"]


def test_privacy_json_holds_the_same_record(site: SiteResult) -> None:
    document: dict[str, Any] = json.loads(
        (site.site_dir / "privacy/privacy.json").read_text("utf-8")
    )
    schema = json.loads((site.site_dir / "privacy/privacy-json.schema.json").read_text("utf-8"))
    jsonschema.validate(document, schema)
    record = document["processing_record"]
    assert record["csv"] == "privacy/processing-record.csv"
    as_csv = [{k.replace(" ", "_"): v for k, v in r.items()} for r in rows(download(site))]
    assert record["activities"] == as_csv
    [product] = [p for p in document["products"] if p["id"] == COMPLETE]
    assert product["controller"]["name"] == RECORDS[COMPLETE]["controller"]["name"]
    assert [u["legal_basis"] for u in product["data_use"]] == [
        u["legal_basis"] for u in RECORDS[COMPLETE]["data_use"]["uses"]
    ]
    assert "processing_record" in schema["properties"]
    assert schema["properties"]["processing_record"]["description"]


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[Path]:
    target = copy_example_site(tmp_path / "site")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(target)
        yield target


def test_the_export_is_the_download(
    site: SiteResult, scratch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "processing-record", "--out", "record.csv"]) == 0
    assert (scratch / "record.csv").read_text("utf-8") == download(site)
    assert main(["export", "processing-record", COMPLETE]) == 0
    mine = rows(capsys.readouterr().out)
    assert {r["product"] for r in mine} == {COMPLETE}
    assert len(mine) == len(RECORDS[COMPLETE]["data_use"]["uses"])
    assert main(["export", "processing-record", "no-such-product"]) == 2


def test_text_never_runs_as_a_formula(scratch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = scratch / f"content/products/{COMPLETE}.yml"
    text = record.read_text("utf-8")
    text = text.replace("use: Product improvement.", "use: \"=HYPERLINK('https://x.example')\"")
    text = text.replace("- data: Usage events\n", '- data: "+1+1"\n')
    record.write_text(text, "utf-8")
    assert main(["export", "processing-record", COMPLETE]) == 0
    out = capsys.readouterr().out
    for row in rows(out):
        for value in row.values():
            for line in value.split("\n"):
                assert not line.startswith(FORMULA_START) or line.startswith("'"), line
    assert "'=HYPERLINK('https://x.example')" in out
    assert "'+1+1: 90 days" in out


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["processing-record", "--release", "1.0.0"], "processing-record: --release is for store"),
        (["google-play", COMPLETE], f"product '{COMPLETE}' does not ship to google_play"),
        (["google-play"], "google-play: expected a PRODUCT id"),
    ],
)
def test_bad_usage_is_said_once_and_exits_2(
    scratch: Path, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    assert main(["export", *args, "--out", "label.out"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"privacy-pages export: {said}"), captured.err
    assert captured.err.count("privacy-pages export:") == 1
    assert not (scratch / "label.out").exists()
