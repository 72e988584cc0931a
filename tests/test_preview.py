"""The preview never stops: under ``mkdocs serve`` problems show in the log and in a banner on
the page they concern, and the page still renders; a build for publishing is unchanged (errors
stop it, ``--strict`` stops it on warnings)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, SiteResult, copy_example_site, run_mkdocs
from privacy_pages.pipeline import build_site
from privacy_pages.render.errors import RULE
from privacy_pages.settings import settings_from_mkdocs
from serve import fetch, mkdocs_serve, preview_banner


@pytest.fixture
def site(tmp_path: Path) -> Path:
    target = tmp_path / "site"
    shutil.copytree(FIXTURES / "small", target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def serve_build(site: Path) -> SiteResult:
    """One build as ``mkdocs serve`` makes it (announced as serve, not strict)."""
    result = run_mkdocs(site / "mkdocs.yml", strict=False, command="serve")
    result.shutdown()
    return result


def test_the_example_site_does_not_build_strictly_by_itself() -> None:
    """Strict checking belongs to `make site` and CI (`--strict`), not to mkdocs.yml."""
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    assert "strict:" not in config
    assert "mkdocs build --strict" in (REPO / "Makefile").read_text("utf-8")


def test_a_lint_warning_shows_on_its_page_and_the_page_renders(site: Path) -> None:
    product = site / "content" / "products" / "widget-ios.yml"
    edit(product, "summary: The Widget app on iPhone and iPad.", "summary: TODO say what it is.")
    result = serve_build(site)
    assert result.ok, result.messages
    page = result.html("privacy/widget-ios.md")
    shown = preview_banner(page)
    assert "placeholder-text" in shown and "widget-ios.yml" in shown and "line 5" in shown
    assert "Widget for iOS" in page  # the page itself is there
    assert preview_banner(result.html("privacy/widget-android.md")) == ""  # no problem there
    assert any("placeholder-text" in w for w in result.warnings())  # and in the log


def test_an_error_does_not_stop_the_preview(site: Path) -> None:
    product = site / "content" / "products" / "widget-ios.yml"
    edit(product, "platform: iOS", "platform: [iOS]")
    result = serve_build(site)
    assert result.ok, result.messages
    shown = preview_banner(result.html("privacy/widget-ios.md"))
    assert "error schema" in shown and "platform" in shown
    assert any(r.levelname == "ERROR" and "platform" in r.getMessage() for r in result.records)
    # A build for publishing stops on the same error, and shows no banner anywhere.
    published = run_mkdocs(site / "mkdocs.yml", strict=False, site_dir=site / "_published")
    assert not published.ok
    assert "content error" in published.messages


def test_a_product_file_that_cannot_be_read_gets_a_page_with_its_problems(site: Path) -> None:
    product = site / "content" / "products" / "widget-ios.yml"
    edit(product, "summary: The Widget app on iPhone and iPad.", 'summary: "never closed')
    result = serve_build(site)
    assert result.ok, result.messages
    shown = preview_banner(result.html("privacy/widget-ios.md"))
    assert "yaml-syntax" in shown and "never closed" in shown
    assert "Widget for Android" in result.html("privacy/widget-android.md")


def test_problems_of_shared_records_show_on_the_shared_pages(site: Path) -> None:
    catalog = site / "content" / "catalog" / "items.yml"
    edit(catalog, "classification: pseudonymized", "classification: secret")
    result = serve_build(site)
    assert result.ok, result.messages
    shown = preview_banner(result.html("privacy/data-items.md"))
    assert "items.yml" in shown and "classification" in shown


def test_a_banner_quotes_content_as_text(site: Path) -> None:
    product = site / "content" / "products" / "widget-ios.yml"
    edit(product, "- category: device", '- category: "<script>alert(1)</script>"')
    result = serve_build(site)
    page = result.html("privacy/widget-ios.md")
    shown = preview_banner(page)
    assert "&lt;script&gt;alert(1)" in shown  # quoted in the message, as text
    assert "<script>alert(1)" not in page


# -- a real `mkdocs serve` ---------------------------------------------------------------------------


def test_mkdocs_serve_serves_a_product_page_with_a_lint_warning(tmp_path: Path) -> None:
    """The example site, one TODO in a product: `mkdocs serve` serves its page, with the
    warning on it."""
    site = copy_example_site(tmp_path / "example")
    product = site / "content" / "products" / "intune.yml"
    text = product.read_text("utf-8")
    product.write_text(text.replace("\nsummary: ", "\nsummary: TODO ", 1), "utf-8")
    with mkdocs_serve(site) as base:
        page = fetch(base + "privacy/intune/")
    assert "Microsoft Intune" in page and "placeholder-text" in preview_banner(page)


# -- whatever the mistake, the preview renders ------------------------------------------------------


@pytest.mark.parametrize(
    "record", ["products/widget-ios.yml", "catalog/items.yml", "categories.yml"]
)
def test_with_any_one_line_missing_the_preview_renders_every_page(
    tmp_path: Path, record: str
) -> None:
    """Each line of a record left out in turn (a half-typed edit): the pages still render,
    and a problem never comes from rendering."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "small", site)
    path = site / "content" / record
    lines = path.read_text("utf-8").splitlines(keepends=True)
    settings = settings_from_mkdocs(site / "mkdocs.yml")
    complete = {page.path for page in build_site(settings).pages}
    for number in range(len(lines)):
        path.write_text("".join(lines[:number] + lines[number + 1 :]), "utf-8")
        build = build_site(settings, preview=True)
        rendered = {page.path for page in build.pages}
        assert not [p for p in build.problems.items if p.rule == RULE], number + 1
        # every page but (perhaps) the product whose id line is gone
        assert len(complete - rendered) <= 1, (number + 1, complete - rendered)


def test_a_stale_translation_of_a_shared_record_shows_on_the_pages_of_its_language(
    tmp_path: Path,
) -> None:
    """What a translation lacks shows on the index of its language only, as on a product's
    page on that language's page: an English edit to a catalog item makes its French
    translation stale, and the French data-item index says so; not the English pages, nor
    the comparisons, which show the notice where they show the item (and need no rebuild)."""
    site = copy_example_site(tmp_path / "example")
    translation = site / "content" / "translations" / "fr" / "catalog" / "apps.yml"
    assert "items[apk-install-source].name:" in translation.read_text("utf-8")
    edit(site / "content" / "catalog" / "apps.yml", "name: Install source", "name: Source")
    result = serve_build(site)
    assert result.ok, result.messages
    english = preview_banner(result.html("privacy/data-items.md"))
    french = preview_banner(result.html("fr/privacy/data-items.md"))
    assert "translation-stale" in french and "apk-install-source" in french
    assert "translation-stale" not in english
    compared = result.html("fr/privacy/compare/all-products.md")
    assert "translation-stale" not in preview_banner(compared)
    assert "pp-translation-notice" in compared


def test_a_translation_s_problem_shows_on_its_language_s_index_only() -> None:
    from privacy_pages.diagnostics import Diagnostic, Location, Severity
    from privacy_pages.render.generated import GeneratedPage
    from privacy_pages.render.problem_banner import preview_banners

    pages = [
        GeneratedPage(f"privacy/{page}.md", "# Items\n", "Items")
        for page in ("data-items", "compare/all")
    ]
    stale = Diagnostic(
        Location("content/translations/fr/catalog/apps.yml", 3, 3),
        "is stale",
        "translation-stale",
        Severity.WARNING,
    )
    schema = Diagnostic(Location("content/catalog/apps.yml", 4, 5), "not a category")
    missing = Diagnostic(  # reported at the source record, naming the language
        Location("content/catalog/apps.yml", 9, 5),
        "has no translation into 'fr' in content/translations/fr/catalog/apps.yml",
        "translation-missing",
        Severity.INFO,
    )
    # mkdocs-static-i18n builds each language on its own, its pages at the same paths (so
    # does a site whose own language is French: theme.language fr).
    for language in ("en", "fr", "de"):
        banners, _ = preview_banners(
            pages, [stale, schema, missing], [], "privacy", "privacy/data-items.md", language
        )
        banner = banners["privacy/data-items.md"]
        assert "not a category" in banner, language
        assert ("is stale" in banner) == (language == "fr"), language
        assert ("no translation into" in banner) == (language == "fr"), language
        compared = banners["privacy/compare/all.md"]
        assert "not a category" in compared and "is stale" not in compared, language
