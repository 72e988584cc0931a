"""The example site (this repository's mkdocs.yml, content/ and site-src/) built strict."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from conftest import REPO, SiteResult, copy_example_site, run_mkdocs
from privacy_pages import load_content
from privacy_pages.model import item_counts
from privacy_pages.settings import settings_from_mkdocs


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    result = run_mkdocs(copy_example_site(tmp_path_factory.mktemp("example-site")) / "mkdocs.yml")
    assert result.ok, f"{result.error}\n{result.messages}"
    return result


def test_mam_guide_renders_learn_syntax(site: SiteResult) -> None:
    html = site.html("guides/mam-deployment.md")
    # The guide and the file it includes with [!INCLUDE].
    source = (REPO / "site-src/guides/mam-deployment.md").read_text("utf-8")
    source += (REPO / "site-src/includes/microsoft-defender.md").read_text("utf-8")
    assert html.count('class="admonition note"') == source.count("> [!NOTE]")
    assert html.count('<figure class="learn-image') == source.count(":::image")
    for leftover in ("[!NOTE]", ":::image", "[!INCLUDE"):
        assert leftover not in html


def test_home_page_lists_every_product_with_counts_from_the_records(site: SiteResult) -> None:
    settings = settings_from_mkdocs(REPO / "mkdocs.yml")
    dataset, _ = load_content(settings.content_dir, settings.metadata)
    home = site.html("index.md")
    assert dataset.products
    for product in dataset.products.values():
        row = re.search(
            rf'<tr>\s*<td><a href="[^"]*{product.id}/">[^<]*</a></td>(.*?)</tr>', home, re.S
        )
        assert row, product.id
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(1))
        counts = item_counts(product)  # distinct items; conditional ones labelled
        assert cells[-2:] == [counts.required.label, counts.optional.label]


def test_nav_lists_products_by_name(site: SiteResult) -> None:
    settings = settings_from_mkdocs(REPO / "mkdocs.yml")
    dataset, _ = load_content(settings.content_dir, settings.metadata)
    home = site.html("index.md")
    for product in dataset.products.values():
        assert re.search(
            rf'href="privacy/{product.id}/"[^>]*>\s*<span class="md-ellipsis">\s*{re.escape(product.name)}',
            home,
        ), product.name


def test_no_generated_file_lands_in_docs_dir() -> None:
    """Generated pages live only in memory (File.generated), never in site-src/."""
    assert not (REPO / "site-src" / "privacy").exists()
    assert not list(Path(REPO / "site-src").rglob("privacy.json"))


#: Every page of site-src/: the tool's docs (the README's links lead to them), the home page, a
#: product's guide (guides/); not the files pages include (includes/).
DOCS_PAGES = sorted(
    p.relative_to(REPO / "site-src").as_posix()
    for p in (REPO / "site-src").rglob("*.md")
    if p.relative_to(REPO / "site-src").parts[0] != "includes"
)


def test_every_docs_page_is_in_the_nav_and_built(site: SiteResult) -> None:
    """The strict build checks the links and anchors between the pages it builds (mkdocs.yml's
    validation: warn, which --strict makes an error): every page is built, and listed."""
    assert site.config is not None
    validation = site.config["validation"]
    assert validation["links"]["not_found"] >= logging.WARNING
    assert validation["links"]["anchors"] >= logging.WARNING
    assert validation["links"]["unrecognized_links"] >= logging.WARNING
    assert site.strict
    nav_text = (REPO / "mkdocs.yml").read_text("utf-8")
    assert len(DOCS_PAGES) >= 15, DOCS_PAGES
    for page in DOCS_PAGES:
        assert re.search(rf"^\s*- (?:[^:\n]+: )?{re.escape(page)}\s*$", nav_text, re.M), (
            f"{page}: not in mkdocs.yml's nav"
        )
        assert site.html(page), page
