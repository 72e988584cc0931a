"""Nothing lost: every record in content/ is rendered somewhere, or the strict build fails.

The check reads the generated pages, so these tests make records disappear the way they would
in real life: a site's template override that drops something, or a record nothing shows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, run_mkdocs
from privacy_pages.check.coverage import RULE, check_coverage, page_anchors
from privacy_pages.diagnostics import Diagnostic, Severity
from privacy_pages.pipeline import build_site
from privacy_pages.settings import settings_from_mkdocs


@pytest.fixture
def site(tmp_path: Path) -> Path:
    target = tmp_path / "site"
    shutil.copytree(FIXTURES / "small", target)
    return target


def orphans(site: Path) -> list[Diagnostic]:
    build = build_site(settings_from_mkdocs(site / "mkdocs.yml"))
    return [p for p in build.problems.items if p.rule == RULE]


def override(site: Path, template: str, text: str) -> None:
    """Give the site a template override (plugin option templates_dir)."""
    folder = site / "overrides"
    (folder / template).parent.mkdir(parents=True, exist_ok=True)
    (folder / template).write_text(text, "utf-8")
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "  - privacy-pages:\n", "  - privacy-pages:\n      templates_dir: overrides\n"
        ),
        "utf-8",
    )


def append(path: Path, text: str) -> int:
    """Append text to a file; return the line number the text starts on."""
    before = path.read_text("utf-8")
    path.write_text(before + text, "utf-8")
    return before.count("\n") + 1


def test_a_site_where_everything_is_used_has_no_orphans(site: Path) -> None:
    assert orphans(site) == []


def test_a_product_item_a_template_drops_is_named(site: Path) -> None:
    # A careless override of the list item macro file that forgets local items.
    packaged = (Path(__file__).resolve().parents[1] / "templates" / "item.md.j2").read_text()
    override(
        site,
        "item.md.j2",
        packaged.replace(
            "{% macro list_item(item) -%}", "{% macro list_item(item) -%}{% if item.catalog %}"
        ).replace(
            "{%- endmacro %}\n\n{% macro cell", "{% endif %}{%- endmacro %}\n\n{% macro cell"
        ),
    )
    found = orphans(site)
    assert [d.severity for d in found] == [Severity.WARNING]
    [orphan] = found
    assert "item 'memory-usage' of product 'widget-ios' is missing from its page" in orphan.message
    record = site / "content" / "products" / "widget-ios.yml"
    line = next(
        n for n, row in enumerate(record.read_text().splitlines(), 1) if "memory-usage" in row
    )
    assert orphan.location.path.endswith("widget-ios.yml")
    assert orphan.location.line == line


def test_a_catalog_item_no_page_shows_is_named(site: Path) -> None:
    line = append(
        site / "content" / "catalog" / "items.yml",
        "  - id: forgotten-item\n    name: Forgotten\n    category: usage\n",
    )
    assert orphans(site) == []  # the data-item index lists every catalog item
    override(site, "data-item-index.md.j2", "# Data item index\n")
    [orphan] = orphans(site)
    assert "catalog item 'forgotten-item' (Forgotten) appears on no generated page" in (
        orphan.message
    )
    assert str(orphan.location).endswith(f"catalog/items.yml:{line}:5")


def test_a_category_nothing_uses_is_named(site: Path) -> None:
    line = append(site / "content" / "categories.yml", "  - id: empty-category\n    name: Empty\n")
    [orphan] = orphans(site)
    assert "category 'empty-category' (Empty) appears on no generated page" in orphan.message
    assert str(orphan.location).endswith(f"categories.yml:{line}:5")


def test_orphans_fail_a_strict_build_and_only_warn_otherwise(site: Path) -> None:
    append(site / "content" / "categories.yml", "  - id: empty-category\n    name: Empty\n")
    strict = run_mkdocs(site / "mkdocs.yml", strict=True)
    assert not strict.ok
    assert "orphaned-record" in strict.messages and "empty-category" in strict.messages
    relaxed = run_mkdocs(site / "mkdocs.yml", strict=False, site_dir=site / "_relaxed")
    assert relaxed.ok, relaxed.messages
    assert any("empty-category" in w for w in relaxed.warnings())


def test_page_anchors_reads_html_ids_and_attribute_lists() -> None:
    markdown = (
        '<span class="pp-anchor" id="device-id"></span>\n'
        "### Name {#catalog-item}\n"
        "## Other {: #category-x .wide }\n"
        "<div id='comparison-all'>\n"
        "Escaped text \\{#not-an-anchor\\} and a #hashtag\n"
    )
    assert page_anchors(markdown) == {"device-id", "catalog-item", "category-x", "comparison-all"}


def test_a_product_without_a_page_is_named() -> None:
    from privacy_pages.load.content import load_content

    dataset, _ = load_content(FIXTURES / "small" / "content")
    [orphan, *_] = [d for d in check_coverage(dataset, []) if "has no generated page" in d.message]
    assert orphan.rule == RULE
    assert orphan.location.path.endswith(".yml") and orphan.location.line == 1
