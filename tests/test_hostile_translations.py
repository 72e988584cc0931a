"""Hostile text in translations: the French pages of the hostile site (tests/fixtures/hostile),
whose every text is translated into the same hostile text marked ``(fr)``.

A translation reaches a page through the same filters as the English text, and through the
notices of another language (a text shown in English gets ``lang="en"`` and a note). Neither
may turn its raw HTML, ``<script>``, Jinja syntax, pipes or newlines into markup, code, an
evaluated template or a broken table.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, SiteResult, run_mkdocs, set_languages, set_plugin_options
from page_html import one_line, parse
from privacy_pages.load.discovery import record_kind
from privacy_pages.load.text_fields import fingerprint, text_fields
from privacy_pages.load.translations import TRANSLATED_KINDS
from privacy_pages.load.yaml_source import read_file
from test_injection import assert_no_code_from_content

HOSTILE = FIXTURES / "hostile"
MARK = " (fr)"


def translate_everything(content: Path, language: str) -> int:
    """A current translation of every text of every record: the text itself, marked. Returns
    the number of texts."""
    count = 0
    for path in sorted(content.rglob("*.yml")):
        relative = path.relative_to(content)
        if record_kind(relative) not in TRANSLATED_KINDS:
            continue
        entries = {
            key: {"source": fingerprint(text), "text": text + MARK}
            for key, text, _ in text_fields(read_file(path, relative.as_posix()))
        }
        count += len(entries)
        target = content / "translations" / language / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8")
    return count


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    site = tmp_path_factory.mktemp("hostile-fr") / "site"
    shutil.copytree(HOSTILE, site)
    assert translate_everything(site / "content", "fr") > 50
    set_languages(site, ["en", "fr"])
    result = run_mkdocs(site / "mkdocs.yml", strict=True)
    assert result.ok, result.messages
    assert not result.warnings()
    return result


def french_pages(result: SiteResult) -> list[str]:
    return sorted(
        path.relative_to(result.site_dir).parent.as_posix() + ".md"
        for path in (result.site_dir / "fr" / "privacy").rglob("index.html")
    )


def test_the_french_pages_show_the_translations(french: SiteResult) -> None:
    pages = french_pages(french)
    assert "fr/privacy/hostile-tables.md" in pages and len(pages) >= 4
    for page in ("fr/privacy/hostile-tables.md", "fr/privacy/hostile-lists.md"):
        assert parse(french.html(page)).article_text.count(MARK.strip()) >= 20, page


def test_no_script_element_or_handler_comes_from_a_translation(french: SiteResult) -> None:
    english = parse(french.html("privacy/hostile-tables.md"))
    theme_scripts = len(english.scripts)
    for page in french_pages(french):
        html = parse(french.html(page))
        assert_no_code_from_content(html, theme_scripts, page)
        assert not html.by_tag("img") and not html.by_tag("iframe"), page


def test_jinja_syntax_in_a_translation_is_never_evaluated(french: SiteResult) -> None:
    for product in ("hostile-tables", "hostile-lists"):
        text = one_line(parse(french.html(f"fr/privacy/{product}.md")).article_text)
        assert text.count("{{ 7*7 }}") >= 40, product
        assert "{% raw %}" in text and "{# c #}" in text
        assert "49" not in text


def test_translated_tables_keep_their_shape(french: SiteResult) -> None:
    """The French product page's tables have the shape of the English page's, and the hostile
    item's first cell keeps its French text, pipes included."""

    def shapes(page: str) -> list[tuple[int, set[int]]]:
        return [(len(rows), {len(row) for row in rows}) for rows in parse(page).tables]

    english = french.html("privacy/hostile-tables.md")
    translated = french.html("fr/privacy/hostile-tables.md")
    assert shapes(translated) == shapes(english) and shapes(english)
    first_cell = one_line(parse(translated).tables[0][1][0])
    assert "<script>alert('catalog-name')</script> {{ 7*7 }} | a | b" in first_cell
    assert MARK.strip() in first_cell


def test_every_hostile_marker_shows_literally_in_french(french: SiteResult) -> None:
    english = one_line(parse(french.html("privacy/hostile-tables.md")).article_text)
    translated = one_line(parse(french.html("fr/privacy/hostile-tables.md")).article_text)
    markers = {part.split("')")[0] for part in english.split("alert('")[1:]}
    assert len(markers) > 10
    for marker in markers:
        assert f"alert('{marker}')" in translated, marker


@pytest.fixture(scope="module", params=["source", "previous"])
def fallbacks(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> SiteResult:
    """The hostile site in French with texts shown in place of translations, as each option
    ``stale_translations`` shows them: one product not translated at all, the other's every
    translation stale, and half of the catalog's texts with no translation."""
    site = tmp_path_factory.mktemp(f"hostile-fr-{request.param}") / "site"
    shutil.copytree(HOSTILE, site)
    content = site / "content"
    translate_everything(content, "fr")
    french = content / "translations" / "fr"
    (french / "products" / "hostile-tables.yml").unlink()
    lists = french / "products" / "hostile-lists.yml"
    entries = yaml.safe_load(lists.read_text("utf-8"))
    for entry in entries.values():
        entry["source"] = "000000000000"  # translated from another English text
    lists.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8")
    catalog = french / "catalog" / "items.yml"
    entries = yaml.safe_load(catalog.read_text("utf-8"))
    kept = dict(list(entries.items())[::2])
    assert 0 < len(kept) < len(entries)
    catalog.write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False), "utf-8")
    lint = {"translation-stale": "info", "translation-missing": "info"}
    set_languages(site, ["en", "fr"])
    set_plugin_options(site, {"stale_translations": request.param, "lint": lint})
    result = run_mkdocs(site / "mkdocs.yml", strict=True)
    assert result.ok, result.messages
    return result


def test_hostile_text_shown_in_place_of_a_translation_stays_text(fallbacks: SiteResult) -> None:
    """Through the notices and the ``lang="en"`` marks of texts shown in English (or, with
    ``previous``, in their earlier translation), hostile text stays text: no script, handler,
    image or evaluated template, the tables keep the English page's shape, and every marker
    shows as written."""
    english = parse(fallbacks.html("privacy/hostile-tables.md"))
    theme_scripts = len(english.scripts)
    pages = french_pages(fallbacks)
    assert "fr/privacy/data-items.md" in pages and len(pages) >= 4
    notices = 0
    for page in pages:
        html = parse(fallbacks.html(page))
        assert_no_code_from_content(html, theme_scripts, page)
        assert not html.by_tag("img") and not html.by_tag("iframe"), page
        assert "49" not in one_line(html.article_text).replace("2049", ""), page
        notices += fallbacks.html(page).count("pp-translation-notice")
    assert notices >= 20
    for product in ("hostile-tables", "hostile-lists"):
        shown = fallbacks.html(f"fr/privacy/{product}.md")
        source = fallbacks.html(f"privacy/{product}.md")
        assert [len(rows) for rows in parse(shown).tables] == [
            len(rows) for rows in parse(source).tables
        ], product
        text = one_line(parse(shown).article_text)
        assert text.count("{{ 7*7 }}") >= 40, product
        markers = {
            part.split("')")[0]
            for part in one_line(parse(source).article_text).split("alert('")[1:]
        }
        assert len(markers) > 10
        for marker in markers:
            assert f"alert('{marker}')" in text, (product, marker)
    assert 'lang="en"' in fallbacks.html("fr/privacy/hostile-tables.md")
