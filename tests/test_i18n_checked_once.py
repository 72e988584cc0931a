"""With mkdocs-static-i18n, each language is a build of its own; the records are read and
checked once, in the default language's build, for every language it builds (issue 56,
point 6: three languages cost each language's pages, not three reads and checks). What the
check finds is told once: a product's warning once, not once per language, and a French
translation's problem once; every language's pages are still built from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_mkdocs
from test_i18n_alternates import i18n_site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path]:
    root = i18n_site(tmp_path_factory.mktemp("site") / "site", "suffix")
    product = root / "content" / "products" / "widget-ios.yml"
    text = product.read_text("utf-8")
    product.write_text(
        text.replace("information from your devices.", "information from your devices TODO."),
        "utf-8",
    )
    unused = root / "content" / "translations" / "fr" / "products" / "gone.yml"
    unused.parent.mkdir(parents=True)
    unused.write_text("summary:\n  source: x\n  text: Rien\n", "utf-8")
    result = run_mkdocs(root / "mkdocs.yml", strict=False)
    assert result.ok, result.messages
    return result.warnings(), result.site_dir


def test_a_products_warning_is_told_once_for_all_languages(
    built: tuple[list[str], Path],
) -> None:
    warnings, _ = built
    told = [w for w in warnings if "widget-ios.yml" in w and "placeholder" in w]
    assert len(told) == 1, warnings


def test_a_translations_problem_is_told_once(built: tuple[list[str], Path]) -> None:
    warnings, _ = built
    told = [w for w in warnings if "gone.yml" in w and "translation-unused" in w]
    assert len(told) == 1, warnings


def test_every_language_has_its_pages_from_the_one_check(built: tuple[list[str], Path]) -> None:
    _, site = built
    for folder in ("", "fr/", "de/"):
        page = site / f"{folder}privacy" / "widget-ios" / "index.html"
        assert "devices TODO." in page.read_text("utf-8"), folder
    lang = (site / "fr" / "privacy" / "widget-ios" / "index.html").read_text("utf-8")
    assert '<html lang="fr"' in lang


def test_a_preview_shows_a_translations_problem_in_its_language_only(tmp_path: Path) -> None:
    root = i18n_site(tmp_path / "site", "suffix")
    unused = root / "content" / "translations" / "fr" / "products" / "gone.yml"
    unused.parent.mkdir(parents=True)
    unused.write_text("summary:\n  source: x\n  text: Rien\n", "utf-8")
    result = run_mkdocs(root / "mkdocs.yml", strict=False, command="serve")
    try:
        assert result.ok, result.messages
        shown = {
            folder: "gone.yml" in result.html(f"{folder}privacy/data-items/index.html")
            for folder in ("", "fr/", "de/")
        }
        product = {
            folder: result.html(f"{folder}privacy/widget-ios/index.html")
            for folder in ("fr/", "de/")
        }
    finally:
        result.shutdown()
    assert shown == {"": False, "fr/": True, "de/": False}
    # What a record lacks in one language shows on that language's page only.
    assert "translations/fr/products/widget-ios.yml" in product["fr/"]
    assert "translations/de/products/widget-ios.yml" not in product["fr/"]
    assert "translations/de/products/widget-ios.yml" in product["de/"]
