"""A site's own store tables (``content/stores.yml``) over the packaged ones, and the store-type
filter of the comparisons and the data item index, in a real browser."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser import serve, visible_items
from conftest import SiteResult, copy_example_site, run_mkdocs
from privacy_pages.cli import main
from privacy_pages.compare.collection import Collection
from privacy_pages.compare.comparison import comparisons
from privacy_pages.model import Dataset
from privacy_pages.pipeline import check_site
from privacy_pages.settings import settings_from_mkdocs
from privacy_pages.stores.tables import packaged_sources

ANDROID, IOS = "defender-endpoint-android", "defender-endpoint-ios"
NEW_TYPE = ["PSL_DATA_TYPES_IDENTIFIERS", "PSL_PASSKEY_ID", "Device or other IDs / Passkey ID"]


def _write(site: Path, data: dict[str, Any]) -> Path:
    path = site / "content" / "stores.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    return path


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def _errors(site: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(site)  # diagnostics then name files as content/...
    build = check_site(settings_from_mkdocs(site / "mkdocs.yml"))
    return [str(d) for d in build.problems.errors]


def _site_with_own_tables(site: Path) -> Path:
    """The example site with a new Console template (one data type more), a purpose of its own,
    the device identifier mapped to the new type and the Android app stating the new purpose."""
    copy_example_site(site)
    play = packaged_sources()["google_play"]
    _write(
        site,
        {
            "google_play": {
                "template_version": "2026 export (39 data types)",
                "data_types": [*play["data_types"], NEW_TYPE],
            },
            "purposes": {
                "crash-reporting": {
                    "label": "Crash reporting",
                    "google_play": "PSL_ANALYTICS",
                    "apple": "NSPrivacyCollectedDataTypePurposeAnalytics",
                }
            },
        },
    )
    _replace(
        site / "content/catalog/identifiers.yml",
        "google_play: PSL_DEVICE_ID",
        "google_play: PSL_PASSKEY_ID",
    )
    _replace(
        site / f"content/products/{ANDROID}.yml",
        "purposes: [app-functionality, security]",
        "purposes: [app-functionality, security, crash-reporting]",
    )
    return site


def test_a_site_overrides_the_store_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site_with_own_tables(tmp_path / "site")
    assert _errors(site, monkeypatch) == []
    # Without the site's tables, the same records are wrong: the tables are what makes them valid.
    (site / "content/stores.yml").rename(site / "stores.yml.off")
    errors = _errors(site, monkeypatch)
    assert any("'PSL_PASSKEY_ID'" in e for e in errors), errors
    assert any("'crash-reporting'" in e for e in errors), errors
    (site / "stores.yml.off").rename(site / "content/stores.yml")

    out = tmp_path / "data-safety.csv"
    assert main(["export", "google-play", ANDROID, "--out", str(out)]) == 0
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    play = packaged_sources()["google_play"]
    usage_rows_per_type = sum(
        1 for r in rows if r[0].startswith("PSL_DATA_USAGE_RESPONSES:PSL_NAME:")
    )
    assert len(rows) == 1 + len(play["general"]) + (len(play["data_types"]) + 1) * (
        1 + usage_rows_per_type
    )
    assert [*NEW_TYPE[:2], "TRUE"] in [r[:3] for r in rows]
    analytics = "PSL_DATA_USAGE_RESPONSES:PSL_PASSKEY_ID:DATA_USAGE_COLLECTION_PURPOSE"
    assert [analytics, "PSL_ANALYTICS", "TRUE"] in [r[:3] for r in rows]
    capsys.readouterr()
    assert main(["check-label", str(out), "--product", ANDROID]) == 0, capsys.readouterr()

    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok and result.warnings() == [], result.messages
    page = result.html(f"privacy/{ANDROID}.md")
    assert "Passkey ID" in page[page.index('id="store-labels"') :]
    document = json.loads((result.site_dir / "privacy" / "privacy.json").read_text("utf-8"))
    [device] = [i for i in document["catalog"] if i["id"] == "device-identifier"]
    assert device["stores"]["google_play"] == "PSL_PASSKEY_ID"
    [android] = [p for p in document["products"] if p["id"] == ANDROID]
    [entry] = [
        e for e in android["store_labels"]["labels"]["google_play"] if e["label"] == "Passkey ID"
    ]
    assert entry["data_type"] == "PSL_PASSKEY_ID" and "PSL_ANALYTICS" in entry["purposes"]


def _line_col(path: Path, text: str) -> tuple[int, int]:
    source = path.read_text("utf-8")
    before = source[: source.index(text)]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def test_errors_in_the_site_tables_name_their_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = copy_example_site(tmp_path / "site")
    play = packaged_sources()["google_play"]
    path = _write(
        site,
        {
            "google_play": {"data_types": [*play["data_types"], list(play["data_types"][3])]},
            "purposes": {
                "crash-reporting": {
                    "label": "Crash reporting",
                    "google_play": "PSL_ANALYTIC",
                    "apple": "NSPrivacyCollectedDataTypePurposeAnalytics",
                }
            },
        },
    )
    duplicate = len(play["data_types"])
    line, column = _line_col(path, "PSL_ANALYTIC\n")
    errors = _errors(site, monkeypatch)
    assert len(errors) == 2, errors
    source = path.read_text("utf-8")
    duplicate_line = source[: source.rindex("- - PSL_DATA_TYPES_")].count("\n") + 1
    assert errors[0].startswith(f"content/stores.yml:{duplicate_line}:")
    assert (
        f"error duplicate-id: google_play.data_types[{duplicate}]: expected each id once, "
        f"found {play['data_types'][3][1]!r} again (first at google_play.data_types[3])"
    ) in errors[0]
    assert errors[1] == (
        f"content/stores.yml:{line}:{column}: error reference: "
        "purposes.crash-reporting.google_play: expected a known Google Play purpose "
        "(google_play.purposes), found 'PSL_ANALYTIC' (did you mean 'PSL_ANALYTICS'?)"
    )


def test_store_purposes_that_leave_a_packaged_purpose_unmatched_are_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = copy_example_site(tmp_path / "site")
    play = packaged_sources()["google_play"]
    kept = [row for row in play["purposes"] if row[0] != "PSL_PERSONALIZATION"]
    path = _write(site, {"google_play": {"purposes": kept}})
    line, column = _line_col(path, "- - PSL_")
    [error] = _errors(site, monkeypatch)
    assert error.startswith(f"content/stores.yml:{line}:{column}: error reference: ")
    assert "the purpose 'personalization' maps to 'PSL_PERSONALIZATION'" in error


def test_an_unknown_key_in_the_site_tables_is_a_schema_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = copy_example_site(tmp_path / "site")
    _write(site, {"google-play": {"template_version": "x"}})
    [error] = _errors(site, monkeypatch)
    assert error.startswith("content/stores.yml:1:1: error schema: ")
    assert "google-play" in error and "google_play" in error


# -- the store-type filter, in Chromium -------------------------------------------------------


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    site = copy_example_site(tmp_path_factory.mktemp("stores") / "site")
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    return result


@pytest.fixture(scope="module")
def example_dataset(example: SiteResult) -> Dataset:
    return check_site(settings_from_mkdocs(example.site_dir.parent / "mkdocs.yml")).dataset


@pytest.fixture(scope="module")
def base_url(example: SiteResult) -> Iterator[str]:
    with serve(example.site_dir) as base:
        yield base


@pytest.mark.parametrize("page", ["compare/ios-vs-android", "data-items"])
def test_the_store_type_filter_shows_the_rows_of_one_data_type(
    open_page: Any, base_url: str, example: SiteResult, example_dataset: Dataset, page: str
) -> None:
    dataset = example_dataset
    if page == "data-items":
        rows = [item for group in _index_order(example, page) for item in group]
    else:
        [table] = [t for t in comparisons(Collection(dataset)) if t.id == page.split("/")[1]]
        rows = [row.item.id for row in table.rows]
    stores = {item_id: dict(dataset.catalog[item_id].stores) for item_id in rows}
    tokens = sorted({f"{s}:{t}" for mapping in stores.values() for s, t in mapping.items()})
    assert len(tokens) > 3, "the example should map several items to the stores"
    visit = open_page(f"{base_url}privacy/{page}/")
    # The lists the filters take their choices from are for the script, not for readers.
    for hidden in (".pp-store-type-options", ".pp-product-options"):
        for index in range(visit.page.locator(hidden).count()):
            assert not visit.page.locator(hidden).nth(index).is_visible(), hidden
    facet = visit.page.locator('select[data-pp-facet="store-type"]')
    assert facet.count() == 1, "no store-type filter"
    options = facet.locator("option").evaluate_all("os => os.map(o => o.value)")
    assert sorted(options[1:]) == tokens and options[0] == ""
    labels = facet.locator("option").evaluate_all("os => os.map(o => o.textContent)")
    assert "Google Play: Device or other IDs" in labels and "App Store: Device ID" in labels
    for token in tokens:
        facet.select_option(token)
        store, data_type = token.split(":")
        expected = [i for i in rows if stores[i].get(store) == data_type]
        assert visible_items(visit) == expected, token
    facet.select_option("")
    assert visible_items(visit) == rows
    assert visit.problems == []


def _index_order(example: SiteResult, page: str) -> list[list[str]]:
    """The index's rows in page order, read from the built HTML (its order is the template's)."""
    html = example.html(f"privacy/{page}.md")
    return [re.findall(r'<tr class="pp-row"[^>]* data-pp-item="([^"]+)"', html)]


def test_a_site_table_with_an_error_is_reported_once_not_at_every_reference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _site_with_own_tables(tmp_path / "site")
    path = site / "content/stores.yml"
    path.write_text(path.read_text("utf-8").replace("PSL_ANALYTICS", "PSL_ANALYTIC", 1), "utf-8")
    errors = sorted(_errors(site, monkeypatch))
    assert len(errors) == 3, errors
    catalog, product, tables = errors
    assert catalog.startswith("content/catalog/identifiers.yml:")
    assert "depends on `content/stores.yml`, which has errors" in catalog
    assert "'PSL_PASSKEY_ID'" in catalog
    assert product.startswith(f"content/products/{ANDROID}.yml:")
    assert "depends on `content/stores.yml`" in product and "'crash-reporting'" in product
    assert tables.startswith("content/stores.yml:")
    assert "found 'PSL_ANALYTIC' (did you mean 'PSL_ANALYTICS'?)" in tables


def test_site_tables_are_checked_as_text_and_their_ids_have_no_spaces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = copy_example_site(tmp_path / "site")
    play = packaged_sources()["google_play"]
    rows = [list(row) for row in play["data_types"]]
    rows[0][2] = "Personal info / Name\u202e"
    rows[1][1] = "PSL EMAIL"
    _write(site, {"google_play": {"data_types": rows}})
    errors = _errors(site, monkeypatch)
    assert any("google_play.data_types[0][2]" in e and "bidirectional" in e for e in errors), errors
    assert any(
        "google_play.data_types[1][1]: expected an id without spaces" in e for e in errors
    ), errors
