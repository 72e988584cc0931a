"""Data collected without a stated requirement (``collected:``): a record may hold it, and every
output says what is known (the product collects it) and never what is not (required, optional,
or "no required data").

The fixture ``tests/fixtures/not-stated`` has two products, built in English and French with
``mkdocs build --strict``: ``sensor``, whose data is all ``collected`` (it has no ``required``
key) and which ships to Google Play, and ``hub``, with required, optional and collected data.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import FIXTURES, SiteResult, run_mkdocs
from hypothesis import given
from hypothesis import strategies as st
from page_html import one_line, parse
from privacy_pages.cli import main
from privacy_pages.diagnostics import Location
from privacy_pages.load.content import load_content
from privacy_pages.model import DataItem, Requirement
from privacy_pages.model.counts import item_counts
from privacy_pages.stores.label import LabelEntry, _merge
from test_properties import SETTINGS, build, products, to_html

SITE = FIXTURES / "not-stated"

#: Words that would claim a requirement, in each language of the site.
CLAIMS = {
    "en": re.compile(r"\b(required|optional)\b", re.IGNORECASE),
    "fr": re.compile(r"\b(requises?|facultatives?|obligatoires?)\b", re.IGNORECASE),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    site = tmp_path_factory.mktemp("not-stated") / "site"
    shutil.copytree(SITE, site)
    result = run_mkdocs(site / "mkdocs.yml", strict=True)
    assert result.ok, f"{result.error}\n{result.messages}"
    return result


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Path]:
    """A scratch copy of the fixture, as the working directory (the CLI reads ./mkdocs.yml)."""
    target = tmp_path / "site"
    shutil.copytree(SITE, target)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(target)
        yield target


def section(html: str, section_id: str) -> str:
    """The text of one H2 section of a page, on one line."""
    start = html.index(f'<h2 id="{section_id}"')
    end = html.find("<h2 ", start + 1)
    article_end = html.find("</article>", start)
    fragment = html[start : end if end != -1 and end < article_end else article_end]
    return one_line(parse(f"<article>{fragment}</article>").article_text)


def h2_ids(html: str) -> list[str]:
    return re.findall(r'<h2 id="([^"]+)"', html)


def cell(html: str, product: str, item: str) -> str:
    """The label of one product's cell in the row of one item of a comparison table."""
    row = re.search(rf'<tr[^>]*data-pp-item="{item}".*?</tr>', html, re.S)
    assert row, item
    found = re.search(
        rf'<td class="pp-cell pp-status-([\w-]+)" data-pp-column="{product}".*?'
        r'<span class="pp-label">([^<]*)</span>',
        row.group(),
        re.S,
    )
    assert found, (product, item)
    return f"{found.group(1)}: {found.group(2)}"


# -- the product page -----------------------------------------------------------------------


def test_the_site_builds_strictly_with_records_that_leave_requirements_unstated(
    built: SiteResult,
) -> None:
    assert built.ok
    assert "requirement-not-stated" in built.messages  # said, as information


def test_collected_items_have_their_own_section_that_claims_no_requirement(
    built: SiteResult,
) -> None:
    page = built.html("privacy/sensor/index.html")
    ids = h2_ids(page)
    assert ids.index("optional-data") + 1 == ids.index("data-collected")
    collected = section(page, "data-collected")
    assert collected.startswith("Data collected Sensor app collects the following data.")
    assert "Device identifier" in collected and "Crash logs" in collected
    assert "only when the app crashes" in collected
    assert not CLAIMS["en"].search(collected), collected
    assert 'id="device-id"' in page and 'id="crash-logs"' in page  # stable anchors


def test_empty_required_and_optional_sections_do_not_claim_there_is_none(
    built: SiteResult,
) -> None:
    page = built.html("privacy/sensor/index.html")
    text = one_line(parse(page).article_text)
    assert "collects no required data" not in text
    assert "collects no optional data" not in text
    assert section(page, "required-data") == (
        "Required data Sensor app does not say whether any of the data it collects is required."
    )
    assert section(page, "optional-data") == (
        "Optional data Sensor app does not say whether any of the data it collects is optional."
    )


def test_the_counts_show_the_items_whose_requirement_is_not_stated(built: SiteResult) -> None:
    sensor = section(built.html("privacy/sensor/index.html"), "overview")
    assert "Data items: 2 collected, requirement not stated (1 conditional)" in sensor
    assert "0 required" not in sensor and "0 optional" not in sensor
    hub = section(built.html("privacy/hub/index.html"), "overview")
    assert "Data items: 1 required · 1 optional · 1 collected, requirement not stated" in hub


def test_a_product_with_every_kind_lists_them_in_order(built: SiteResult) -> None:
    page = built.html("privacy/hub/index.html")
    assert h2_ids(page)[1:4] == ["required-data", "optional-data", "data-collected"]
    assert "App version" in section(page, "required-data")
    assert "Feedback email address" in section(page, "optional-data")
    collected = section(page, "data-collected")
    # The record's own introduction, in place of the site's sentence.
    assert collected.startswith(
        "Data collected The hub also receives the device identifier of each sensor."
    )
    assert "collects the following data" not in collected
    assert "Device identifier" in collected


def test_a_product_without_collected_data_has_no_such_section(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    hub = site / "content/products/hub.yml"
    text = hub.read_text("utf-8")
    start, end = text.index("collected:\n"), text.index("data_use:\n")
    hub.write_text(text[:start] + text[end:], "utf-8")
    (site / "content/translations/fr/products/hub.yml").unlink()
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    page = result.html("privacy/hub/index.html")
    assert "data-collected" not in h2_ids(page)
    assert "Data collected" not in page


def test_the_french_page_says_the_same(built: SiteResult) -> None:
    page = built.html("fr/privacy/sensor/index.html")
    collected = section(page, "data-collected")
    assert collected.startswith(
        "Données collectées Application Capteur collecte les données suivantes."
    )
    assert "uniquement quand l'application plante" in collected  # the translated condition
    assert not CLAIMS["fr"].search(collected), collected
    assert section(page, "required-data") == (
        "Données requises Application Capteur ne précise pas si certaines des données "
        "collectées sont requises."
    )
    text = one_line(parse(page).article_text)
    assert "ne collecte aucune donnée requise" not in text
    assert "2 collectées, caractère requis non précisé (dont 1 conditionnelle)" in text
    hub = section(built.html("fr/privacy/hub/index.html"), "data-collected")
    assert hub.startswith(
        "Données collectées Le Hub reçoit aussi l'identifiant d'appareil de chaque capteur."
    )


def test_the_home_page_counts_them_in_a_column_of_their_own(built: SiteResult) -> None:
    [table] = parse(built.html("index.html")).tables
    assert table[0][-1] == "Items collected, requirement not stated"
    rows = {row[0]: row[3:] for row in table[1:]}
    assert rows["Sensor app"] == ["—", "—", "2 (1 conditional)"]
    assert rows["Hub service"] == ["1", "1", "1"]


@SETTINGS
@given(products(), st.integers(0, 5))
def test_any_record_with_collected_data_builds_and_never_claims_none_is_required(
    record: dict[str, Any], kept: int
) -> None:
    """Arbitrary records (hostile names and texts) with their items split between required and
    collected, the required key left out when nothing is kept there."""
    required = record.pop("required")
    items = required["groups"][0]["items"]
    collected_items, required_items = items[kept:], items[:kept]
    if required_items:
        record["required"] = {"groups": [{"category": "device", "items": required_items}]}
    if collected_items:
        record["collected"] = {"groups": [{"category": "device", "items": collected_items}]}
    page_markdown, _ = build(record)
    html = to_html(page_markdown)
    text = one_line(parse("<article>" + html + "</article>").article_text)
    assert ('id="data-collected"' in html) == bool(collected_items)
    if collected_items:
        assert "collects no required data" not in text
        assert "collects no optional data" not in text
        assert "collected, requirement not stated" in text
        assert text.count("collects the following data.") == 1


# -- comparisons, the data-item index, downloads ---------------------------------------------


def test_a_comparison_cell_says_collected(built: SiteResult) -> None:
    page = built.html("privacy/compare/all-products/index.html")
    assert cell(page, "sensor", "device-id") == "collected: Collected"
    assert cell(page, "hub", "device-id") == "collected: Collected"
    assert cell(page, "sensor", "crash-logs") == (
        "conditional: Conditional (requirement not stated)"
    )
    assert cell(page, "hub", "app-version") == "required: Required"
    assert cell(page, "sensor", "app-version") == "not-stated: Not stated"
    assert (
        "Collected</span></span>: the product collects the item, without saying whether it is "
        "required or optional." in page
    )
    french = built.html("fr/privacy/compare/all-products/index.html")
    assert cell(french, "sensor", "device-id") == "collected: Collectée"
    assert 'data-pp-msg-collected="Collectée"' in french


def test_the_legend_explains_collected_only_where_a_table_has_it(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    (site / "content/comparisons.yml").write_text(
        "comparisons:\n  - id: hub-only\n    title: Hub\n    products: [hub]\n"
        "    categories: [usage, feedback]\n",
        "utf-8",
    )
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    page = result.html("privacy/compare/hub-only/index.html")
    assert "pp-status-collected" not in page


def test_the_data_item_index_and_the_csv_say_collected(built: SiteResult) -> None:
    index = built.html("privacy/data-items/index.html")
    row = re.search(r'<tr[^>]*data-pp-item="device-id".*?</tr>', index, re.S)
    assert row and 'data-pp-status="collected"' in row.group()
    assert '<span class="pp-label">Collected</span>' in row.group()
    rows = list(
        csv.DictReader(
            io.StringIO((built.site_dir / "privacy/compare/all-products.csv").read_text("utf-8"))
        )
    )
    device = next(r for r in rows if r["item"] == "device-id")
    assert (device["sensor"], device["sensor:status"], device["sensor:requirement"]) == (
        "Collected",
        "collected",
        "not-stated",
    )


@pytest.mark.parametrize("prefix", ["", "fr/"])
def test_privacy_json_says_not_stated(built: SiteResult, prefix: str) -> None:
    document = json.loads((built.site_dir / prefix / "privacy/privacy.json").read_text("utf-8"))
    schema = json.loads((built.site_dir / "privacy/privacy-json.schema.json").read_text("utf-8"))
    jsonschema.validate(document, schema)
    assert document["schema_version"] == "1.6.0"
    products = {p["id"]: p for p in document["products"]}
    assert [(i["id"], i["requirement"]) for i in products["hub"]["items"]] == [
        ("app-version", "required"),
        ("feedback-email", "optional"),
        ("device-id", "not-stated"),
    ]
    assert {i["requirement"] for i in products["sensor"]["items"]} == {"not-stated"}
    [labels] = products["sensor"]["store_labels"]["labels"].values()
    assert [(e["data_type"], e["required"], e["requirement"]) for e in labels] == [
        ("PSL_DEVICE_ID", None, "not-stated"),
        ("PSL_CRASH_LOGS", None, "not-stated"),
    ]
    [table] = document["comparisons"]
    [row] = [r for r in table["rows"] if r["item"] == "device-id"]
    assert row["cells"]["sensor"]["status"] == "collected"
    assert row["cells"]["sensor"]["requirement"] == "not-stated"
    label = row["cells"]["sensor"]["label"]
    assert label == ("Collectée" if prefix else "Collected")


def test_the_json_schema_refuses_a_requirement_it_does_not_know(built: SiteResult) -> None:
    document = json.loads((built.site_dir / "privacy/privacy.json").read_text("utf-8"))
    schema = json.loads((built.site_dir / "privacy/privacy-json.schema.json").read_text("utf-8"))
    document["products"][0]["items"][0]["requirement"] = "unknown"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


# -- store labels ---------------------------------------------------------------------------


def test_the_google_play_export_refuses_to_guess(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = site / "data-safety.csv"
    code = main(["export", "google-play", "sensor", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert not out.exists()
    assert (
        "content/products/sensor.yml:13:11: error requirement-not-stated: "
        "collected.groups[0].items[0]: item 'device-id' is collected without saying whether it "
        "is required or optional" in err
    ), err
    assert "content/products/sensor.yml:16:11: error requirement-not-stated: " in err


def test_the_google_play_export_is_written_once_the_record_says(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = site / "content/products/sensor.yml"
    record.write_text(record.read_text("utf-8").replace("\ncollected:\n", "\nrequired:\n"), "utf-8")
    (site / "content/translations/fr/products/sensor.yml").unlink()
    out = site / "data-safety.csv"
    assert main(["export", "google-play", "sensor", "--out", str(out)]) == 0
    assert "PSL_DATA_USAGE_USER_CONTROL_REQUIRED,TRUE" in out.read_text("utf-8")


def test_the_site_offers_no_data_safety_file_and_says_why(built: SiteResult) -> None:
    assert not (built.site_dir / "privacy/store-labels/sensor/data-safety.csv").exists()
    overview = section(built.html("privacy/sensor/index.html"), "overview")
    assert (
        "Data safety form (CSV for the Play Console): not offered, as Sensor app does not say "
        "whether this data is required or optional: Device identifier, Crash logs." in overview
    )
    assert "data-safety.csv" not in built.html("privacy/sensor/index.html")


def _item(requirement: Requirement, line: int) -> DataItem:
    return DataItem(
        id=f"item-{line}", name="Item", anchor=f"item-{line}", catalog=True,
        requirement=requirement, category="device", kind=None, description=None,
        condition=None, group_condition=None, classification=None, purpose=None, control=None,
        details=(), alternatives=None, workloads=(), note=None,
        source=Location("content/products/p.yml", line, 11),
    )  # fmt: skip


def test_a_data_type_is_required_if_any_item_is_else_not_stated_if_any_is() -> None:
    unstated = _item(Requirement.NOT_STATED, 1)
    entry = LabelEntry("PSL_DEVICE_ID", (), None, not_stated=(unstated,))
    required = LabelEntry("PSL_DEVICE_ID", (), True)
    optional = LabelEntry("PSL_DEVICE_ID", (), False)
    assert _merge(entry, required).requirement is Requirement.REQUIRED
    assert _merge(entry, required).not_stated == ()
    assert _merge(optional, entry).requirement is Requirement.NOT_STATED
    assert _merge(optional, entry).not_stated == (unstated,)
    assert _merge(optional, optional).requirement is Requirement.OPTIONAL


# -- checks: the lint rule and the schema -----------------------------------------------------


def test_the_lint_rule_asks_the_writer_to_decide_without_failing_a_strict_check(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["validate", "--strict"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert (
        "content/products/hub.yml:24:11: info requirement-not-stated: "
        "collected.groups[0].items[0]: item 'device-id' is collected without saying whether it "
        "is required or optional; when the product says, move it under required" in out
    ), out
    # An app on Google Play is told what the gap costs it.
    assert "content/products/sensor.yml:13:11: info requirement-not-stated:" in out
    assert "Google Play's Data safety form asks which" in out
    # Neither unmarked-empty-section for required or optional data: the rule above says it.
    assert "unmarked-empty-section" not in out


def test_the_lint_rule_can_fail_a_site_that_wants_every_requirement_stated(site: Path) -> None:
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8") + "      lint:\n        requirement-not-stated: warning\n",
        "utf-8",
    )
    result = run_mkdocs(config, site_dir=site.parent / "out")
    assert not result.ok
    assert any("requirement-not-stated" in w for w in result.warnings())


def test_a_product_needs_required_or_collected_data(site: Path) -> None:
    record = site / "content/products/sensor.yml"
    text = record.read_text("utf-8")
    start, end = text.index("collected:\n"), text.index("never_collected:\n")
    record.write_text(text[:start] + text[end:], "utf-8")
    _, problems = load_content(site / "content")
    [error] = problems.errors
    assert str(error.location).endswith("content/products/sensor.yml:2:1"), str(error)
    assert (error.rule, error.key_path) == ("schema", "required")
    assert error.message == (
        "expected key 'required' (the data the product cannot work without), or 'collected' "
        "(data it collects without saying whether it is required or optional), found neither"
    )


def test_a_collected_group_has_no_kind(site: Path) -> None:
    record = site / "content/products/sensor.yml"
    text = record.read_text("utf-8")
    record.write_text(
        text.replace("    - category: device\n", "    - category: device\n      kind: telemetry\n"),
        "utf-8",
    )
    _, problems = load_content(site / "content")
    [error] = problems.errors
    assert str(error.location).endswith("sensor.yml:12:13")  # the kind's value, str(error)
    assert error.key_path == "collected.groups[0].kind"
    assert "expected no 'kind' on collected data" in error.message


def test_the_schema_reports_a_mistyped_collected_section_at_its_place(site: Path) -> None:
    record = site / "content/products/sensor.yml"
    text = record.read_text("utf-8")
    record.write_text(
        text.replace("        - ref: crash-logs\n", "        - rf: crash-logs\n"), "utf-8"
    )
    _, problems = load_content(site / "content")
    located = [(str(p.location).split("/")[-1], p.key_path) for p in problems.errors]
    assert ("sensor.yml:16:11", "collected.groups[1].items[0].rf") in located, located


def test_counts_leave_out_only_the_zeros_the_product_does_not_claim(site: Path) -> None:
    dataset, problems = load_content(site / "content")
    assert not problems.errors
    assert item_counts(dataset.products["sensor"]).summary == (
        "2 collected, requirement not stated (1 conditional)"
    )
    assert item_counts(dataset.products["hub"]).total == 3


# -- history ----------------------------------------------------------------------------------


def test_a_change_from_collected_to_required_reads_as_such(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = site.parent / "before"
    shutil.copytree(site / "content", before)
    record = site / "content/products/hub.yml"
    text = record.read_text("utf-8")
    text = text.replace(
        "        - ref: app-version\n", "        - ref: app-version\n        - ref: device-id\n"
    )
    start, end = text.index("collected:\n"), text.index("data_use:\n")
    record.write_text(text[:start] + text[end:], "utf-8")
    code = main(["diff", str(before), str(site / "content"), "--config", str(site / "mkdocs.yml")])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "now required data (was data collected without a stated requirement)" in out, out


def test_a_never_collected_item_has_no_condition(site: Path) -> None:
    """An item never collected "unless you share it" is collected then: the record must say so."""
    record = site / "content/products/sensor.yml"
    text = record.read_text("utf-8")
    record.write_text(
        text.replace(
            "    - ref: location\n",
            "    - ref: location\n      condition: Unless you share your position\n",
        ),
        "utf-8",
    )
    _, problems = load_content(site / "content")
    [error] = problems.errors
    assert str(error.location).endswith("sensor.yml:21:7"), str(error)  # the key
    assert error.key_path == "never_collected.items[0].condition"
    assert "expected no 'condition' on a never-collected item" in error.message
    assert "'optional'" in error.message
    result = run_mkdocs(site / "mkdocs.yml", site_dir=site.parent / "out")
    assert not result.ok  # and a strict build says where
    assert "sensor.yml:21:7" in result.messages, result.messages
