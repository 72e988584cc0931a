"""What keeps a site of hundreds of products linear: the data-item index names the products that
do not state an item only when they are few, and ``nav_products: false`` keeps product pages
and comparisons out of the navigation that every page carries."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, SiteResult, run_mkdocs, set_plugin_options
from html_tree import parse
from privacy_pages.pipeline import build_site
from privacy_pages.render.data_item_index import NOT_STATED_NAMED
from privacy_pages.settings import settings_from_mkdocs

COMPARE = FIXTURES / "compare"


def _site(tmp_path: Path, extra_products: int = 0, **options: object) -> Path:
    """The compare fixture, with ``extra_products`` copies of its iOS product (which states a
    subset of the catalog) and extra plugin options."""
    site = tmp_path / "site"
    shutil.copytree(COMPARE, site)
    products = site / "content" / "products"
    template = (products / "phone-ios.yml").read_text("utf-8")
    for number in range(extra_products):
        text = template.replace("id: phone-ios", f"id: clone-{number:02d}", 1)
        text = text.replace("name: ", f"name: Clone {number:02d} of ", 1)
        (products / f"clone-{number:02d}.yml").write_text(text, "utf-8")
    set_plugin_options(site, options)
    return site


def _index_markdown(site: Path) -> str:
    settings = settings_from_mkdocs(site / "mkdocs.yml")
    build = build_site(settings)
    assert build.ok, [str(p) for p in build.problems.errors]
    (page,) = [p for p in build.pages if p.path.endswith("data-items.md")]
    return page.markdown


def _not_stated_lines(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("Not stated by")]


def test_few_products_that_do_not_state_an_item_are_named(tmp_path: Path) -> None:
    lines = _not_stated_lines(_index_markdown(_site(tmp_path)))
    assert lines, "the fixture has items that some products do not state"
    assert all(line.startswith("Not stated by: ") and line.endswith(".") for line in lines)
    named = [line.removeprefix("Not stated by: ").removesuffix(".").split(", ") for line in lines]
    records = {
        path.stem: yaml.safe_load(path.read_text("utf-8"))
        for path in (COMPARE / "content" / "products").glob("*.yml")
    }
    # Products are named by their full names; the iOS one, which states a subset of the
    # catalog, among them.
    assert all(set(names) <= {r["name"] for r in records.values()} for names in named), lines
    assert any(records["phone-ios"]["name"] in names for names in named), lines


def test_many_products_that_do_not_state_an_item_are_counted(tmp_path: Path) -> None:
    site = _site(tmp_path, extra_products=NOT_STATED_NAMED + 2)
    settings = settings_from_mkdocs(site / "mkdocs.yml")
    build = build_site(settings)
    products = build.dataset.products
    markdown = _index_markdown(site)
    lines = _not_stated_lines(markdown)
    counted = [line for line in lines if line.startswith("Not stated by the other ")]
    assert counted, lines
    # The count is right: for an item only the manager states, every other product.
    numbers = {int(re.findall(r"\d+", line)[0]) for line in counted}
    assert numbers <= set(range(NOT_STATED_NAMED + 1, len(products)))
    assert len(products) - 1 in numbers
    # No clone's name appears in a "not stated" line (they are counted, not listed).
    assert not any("Clone" in line for line in counted)


def _nav_links(result: SiteResult, page: str) -> list[str]:
    tree = parse(result.html(page))
    return [" ".join(n.text().split()) for n in tree.select(lambda n: n.has_class("md-nav__link"))]


@pytest.mark.parametrize("explicit_nav", [True, False], ids=["explicit-nav", "automatic-nav"])
def test_nav_products_false_lists_only_the_index(tmp_path: Path, explicit_nav: bool) -> None:
    site = _site(tmp_path, nav_products=False)
    if not explicit_nav:
        config_file = site / "mkdocs.yml"
        config = yaml.safe_load(config_file.read_text("utf-8"))
        del config["nav"]
        config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    assert not result.warnings()
    settings = settings_from_mkdocs(site / "mkdocs.yml")
    dataset = build_site(settings).dataset
    # Every product page is built, and none is in the nav of any page.
    for product in dataset.products.values():
        page = f"privacy/{product.id}.md"
        assert (result.site_dir / f"privacy/{product.id}/index.html").is_file()
        links = _nav_links(result, page)
        assert "Data item index" in links
        assert product.name not in links
        assert not any(spec.title in links for spec in dataset.comparisons)
    # MkDocs does not report the unlisted pages as missing from the nav.
    assert "not included in the" not in result.messages


def test_nav_products_default_lists_every_product(tmp_path: Path) -> None:
    site = _site(tmp_path)
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    dataset = build_site(settings_from_mkdocs(site / "mkdocs.yml")).dataset
    links = _nav_links(result, "index.md")
    for product in dataset.products.values():
        assert product.name in links


def test_nav_products_must_be_a_boolean(tmp_path: Path) -> None:
    site = _site(tmp_path, nav_products="no")
    result = run_mkdocs(site / "mkdocs.yml")
    assert not result.ok
    assert "nav_products" in (result.messages + str(result.error))
