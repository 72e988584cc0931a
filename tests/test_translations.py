"""Statements in other languages: the example site in English and French, translations keyed
to the records and never silently stale, and a right-to-left site.

Each test builds a real site (MkDocs in a temporary folder) and reads the HTML."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from browser import serve
from conftest import (
    I18N_STRUCTURES,
    SiteResult,
    copy_example_site,
    run_mkdocs,
    set_languages,
    set_plugin_options,
    stale_translations_allowed,
)
from playwright.sync_api import Browser
from privacy_pages.load.text_fields import fingerprint
from privacy_pages.messages import messages_for
from privacy_pages.model import SECTIONS
from privacy_pages.pipeline import check_site
from privacy_pages.settings import find_settings, settings_from_mkdocs

FRENCH_INTUNE = "content/translations/fr/products/intune.yml"
FRENCH_ANDROID = "content/translations/fr/products/defender-endpoint-android.yml"
#: An English condition of the example that has a French translation.
CONDITION = "required.groups[device-data].items[device-location].condition"


@pytest.fixture(scope="module", params=I18N_STRUCTURES)
def example(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> SiteResult:
    """The example site (English and French through mkdocs-static-i18n) in each of i18n's docs
    structures, with a generated page its nav lists itself (as a site owner may), untitled:
    each language's nav shows that page's own title."""
    site = copy_example_site(tmp_path_factory.mktemp("languages"))
    set_languages(site, ["en", "fr"], request.param)
    config = site / "mkdocs.yml"
    text = config.read_text("utf-8")
    listed = "- Privacy statements: []\n"
    assert listed in text
    config.write_text(text.replace(listed, listed + "- privacy/changes.md\n"))
    result = run_mkdocs(config)
    assert result.ok, f"{result.error}\n{result.messages}"
    return result


def headings(page: str, level: int = 2) -> list[str]:
    found = re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", page, re.S)
    return [re.sub(r"<[^>]+>", "", text).replace("¶", "").strip() for text in found]


def test_the_example_site_is_in_english_and_french(example: SiteResult) -> None:
    french = messages_for("fr")
    english_page = example.html("privacy/intune.md")
    french_page = example.html("fr/privacy/intune.md")
    assert '<html lang="en"' in english_page
    assert '<html lang="fr"' in french_page and '<body dir="ltr"' in french_page
    section_names = [name for _, name in SECTIONS]
    english_h2 = [h for h in headings(english_page) if h in section_names]
    assert english_h2, "the English page has no section headings"
    expected = [french.gettext(name) for name in english_h2]
    assert all(fr != en for fr, en in zip(expected, english_h2, strict=True)), (
        "the French catalog leaves section headings untranslated"
    )
    assert [h for h in headings(french_page) if h in expected] == expected
    # Material's language selector: the same page in the other language, both ways.
    assert 'href="../../../privacy/intune/" hreflang="en"' in french_page
    assert 'href="../../fr/privacy/intune/" hreflang="fr"' in english_page
    # The head's hreflang alternates, which Material writes from the selector.
    head = english_page.split("</head>", 1)[0]
    alternates = dict(
        (lang, href)
        for href, lang in re.findall(
            r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)"', head
        )
    )
    assert alternates == {"en": "./", "fr": "../../fr/privacy/intune/"}


def test_every_product_has_a_french_page(example: SiteResult) -> None:
    settings = find_settings(example.site_dir.parent)
    for product in check_site(settings).dataset.products:
        page = example.html(f"fr/privacy/{product}.md")
        assert '<html lang="fr"' in page


def test_a_changed_english_text_makes_its_translation_stale(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path)
    record = site / "content/products/intune.yml"
    text = record.read_text("utf-8")
    assert "condition: Corporate devices only\n" in text
    record.write_text(text.replace("Corporate devices only", "Company-owned devices only"), "utf-8")
    translation = (site / FRENCH_INTUNE).read_text("utf-8")
    line = 1 + translation.splitlines().index(f"{CONDITION}:")

    problems = check_site(find_settings(site)).problems.items
    stale = [p for p in problems if p.rule == "translation-stale"]
    assert [(p.location.path.endswith(FRENCH_INTUNE), p.location.line) for p in stale] == [
        (True, line)
    ], "\n".join(map(str, stale))

    result = run_mkdocs(site / "mkdocs.yml", strict=False)
    assert result.ok, result.messages
    page = result.html("fr/privacy/intune.md")
    item = page.split('id="device-location"', 1)[1].split("</li>", 1)[0]
    notice = messages_for("fr").gettext("not yet translated")
    assert "Company-owned devices only" in item and notice in item


def test_stale_translations_can_show_the_earlier_translation(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path)
    set_plugin_options(site, {"stale_translations": "previous"})
    record = site / "content/products/intune.yml"
    record.write_text(
        record.read_text("utf-8").replace("Corporate devices only", "Company devices"), "utf-8"
    )
    earlier = yaml.safe_load((site / FRENCH_INTUNE).read_text("utf-8"))[CONDITION]["text"]
    result = run_mkdocs(site / "mkdocs.yml", strict=False)
    item = result.html("fr/privacy/intune.md").split('id="device-location"', 1)[1]
    item = item.split("</li>", 1)[0]
    notice = messages_for("fr").gettext("changed in English since it was translated")
    assert earlier in item and notice in item and "Company devices" not in item


def test_a_rebuild_shows_a_translation_gone_stale(tmp_path: Path) -> None:
    """``mkdocs serve``: the English changes, the French page shows the same earlier
    translation, now with its notice (the page is not the last build's, kept)."""
    site = copy_example_site(tmp_path)
    set_plugin_options(site, {"stale_translations": "previous"})
    stale_translations_allowed(site)
    result = run_mkdocs(site / "mkdocs.yml", command="serve")
    try:
        notice = messages_for("fr").gettext("changed in English since it was translated")

        def french_item(built: SiteResult) -> str:
            assert built.ok, f"{built.error}\n{built.messages}"
            item = built.html("fr/privacy/intune.md").split('id="device-location"', 1)[1]
            return item.split("</li>", 1)[0]

        assert notice not in french_item(result)
        record = site / "content/products/intune.yml"
        text = record.read_text("utf-8")
        record.write_text(text.replace("Corporate devices only", "Company devices"), "utf-8")
        assert notice in french_item(result.rebuild())
    finally:
        result.shutdown()


def test_structure_comes_from_the_source(tmp_path: Path) -> None:
    """A translation file may only hold text: a path to an id is refused, and the French
    model collects what the English one does."""
    site = copy_example_site(tmp_path)
    path = site / FRENCH_INTUNE
    entries = yaml.safe_load(path.read_text("utf-8"))
    entries["required.groups[device-data].items[device-location].ref"] = {
        "source": "000000000000",
        "text": "autre-chose",
    }
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8")
    build = check_site(find_settings(site))
    wrong = [p for p in build.problems.errors if p.rule == "translation-path"]
    assert len(wrong) == 1 and wrong[0].location.path.endswith(FRENCH_INTUNE)
    english, french = build.dataset, build.languages["fr"].dataset
    for pid, product in english.products.items():
        translated = french.products[pid]
        assert [(i.id, i.requirement, i.category) for i in product.items] == [
            (i.id, i.requirement, i.category) for i in translated.items
        ]


def test_translated_text_is_checked_like_the_source(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path)
    path = site / FRENCH_INTUNE
    entries = yaml.safe_load(path.read_text("utf-8"))
    key = next(iter(entries))
    entries[key]["text"] = "[clic](javascript:alert(1))"
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8")
    problems = check_site(find_settings(site)).problems.errors
    assert any(
        p.rule == "unsafe-link" and p.location.path.endswith(FRENCH_INTUNE) for p in problems
    )


def test_a_site_in_arabic_is_right_to_left(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path)
    config_file = site / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    config["theme"]["language"] = "ar"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    set_languages(site, ["ar"])  # (no other language: without i18n)
    result = run_mkdocs(config_file, strict=False)
    assert result.ok, result.messages
    page = result.html("privacy/intune.md")
    assert '<html lang="ar"' in page and '<body dir="rtl"' in page  # Material's own
    arabic = messages_for("ar")
    assert arabic.gettext("Required data") in headings(page)
    # The records have no Arabic translation: the English shows, marked as English.
    assert '<span lang="en">' in page


def test_a_right_to_left_language_beside_a_left_to_right_site(tmp_path: Path) -> None:
    """Pages in Arabic on an English site (i18n's languages) are right to left, the English
    ones left to right."""
    site = copy_example_site(tmp_path)
    set_languages(site, ["en", "fr", "ar"])
    result = run_mkdocs(site / "mkdocs.yml", strict=False)
    assert result.ok, result.messages
    arabic, english = result.html("ar/privacy/intune.md"), result.html("privacy/intune.md")
    assert '<html lang="ar"' in arabic and '<body dir="rtl"' in arabic
    assert '<body dir="ltr"' in english
    assert messages_for("ar").gettext("Required data") in headings(arabic)
    # The record has no Arabic translation: the page says so once, at its top.
    notice = messages_for("ar").gettext(
        "This page has not been translated yet: its text is shown in English."
    )
    assert notice in arabic


def test_settings_refuse_a_wrong_language(tmp_path: Path) -> None:
    """The CLI reads the languages from i18n's configuration in mkdocs.yml (the default
    first), and refuses one that is no language code."""
    from privacy_pages.settings import SettingsError

    site = copy_example_site(tmp_path)
    set_languages(site, ["de", "fr"])
    assert settings_from_mkdocs(site / "mkdocs.yml").all_languages == ("de", "fr")
    set_languages(site, ["de", "not a language"])
    with pytest.raises(SettingsError, match="language code"):
        settings_from_mkdocs(site / "mkdocs.yml")


def test_a_site_overrides_one_message(tmp_path: Path) -> None:
    """A site's own catalog (option messages_dir) changes the messages it lists; the others
    keep the packaged translation."""
    site = copy_example_site(tmp_path)
    catalog = site / "locale" / "fr" / "LC_MESSAGES"
    catalog.mkdir(parents=True)
    (catalog / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Required data"\nmsgstr "Données indispensables"\n',
        "utf-8",
    )
    set_plugin_options(site, {"messages_dir": "locale"})
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    french = headings(result.html("fr/privacy/intune.md"))
    assert "Données indispensables" in french
    assert messages_for("fr").gettext("Optional data") in french  # the packaged one
    assert "Données indispensables" not in result.html("privacy/intune.md")


def test_badges_and_legend_are_in_french(example: SiteResult) -> None:
    french = messages_for("fr")
    english_page = example.html("privacy/compare/all-products.md")
    french_page = example.html("fr/privacy/compare/all-products.md")
    shown = [
        w for w in ("Required", "Optional", "Not stated", "Legend") if f">{w}<" in english_page
    ]
    assert len(shown) >= 2, "the comparison shows no badges"
    for word in shown:
        assert french.gettext(word) != word and f">{french.gettext(word)}<" in french_page, word


def primary_nav(page: str) -> str:
    return page.split('class="md-nav md-nav--primary"', 1)[1].split('class="md-content"', 1)[0]


def test_each_language_shows_its_own_pages_in_the_nav(example: SiteResult) -> None:
    """Each language's nav (i18n's build of it) shows the generated pages of that language,
    and the site's hand-written pages in it (i18n's fallback to English, under fr/)."""
    english = primary_nav(example.html("privacy/intune.md"))
    french = primary_nav(example.html("fr/privacy/intune.md"))
    assert 'href="../managed-desktop/"' in english and "/fr/privacy/" not in english
    assert 'href="../managed-desktop/"' in french  # the French neighbour, from fr/privacy/
    assert "../../../privacy/managed-desktop/" not in french
    assert 'href="../../guide/' in french and "../../../guide/" not in french


def nav_links(page: str) -> list[str]:
    return re.findall(r'href="([^"#]*)" class="md-nav__link', primary_nav(page))


def neighbours(page: str) -> list[str]:
    """The page's previous and next pages, as the theme links them in its head."""
    return re.findall(r'<link rel="(?:prev|next)" href="([^"]*)"', page)


def test_a_page_the_site_lists_is_shown_in_the_reader_language(example: SiteResult) -> None:
    """``privacy/changes.md`` in mkdocs.yml: a French page's nav links the French "What
    changed", under its French title."""
    french = primary_nav(example.html("fr/privacy/intune.md"))
    title = messages_for("fr").gettext("What changed")
    assert re.search(rf'href="\.\./changes/" class="md-nav__link">\s*<span[^>]*>\s*{title}', french)
    assert "../../../privacy/changes/" not in french
    # Where the site put it, and only there: not in the plugin's section of either language.
    assert french.count('href="../changes/"') == 1
    english = primary_nav(example.html("privacy/intune.md"))
    assert english.count('href="../changes/"') == 1
    # Shown in place of the page the site lists: MkDocs does not report it as left out.
    left_out = [r.getMessage() for r in example.records if "not included" in r.getMessage()]
    assert not [message for message in left_out if "privacy/changes.md" in message]


@pytest.mark.parametrize("structure", I18N_STRUCTURES)
def test_mkdocs_nav_of_the_folders_is_shown_per_language(structure: str, tmp_path: Path) -> None:
    """A site without ``nav:``: MkDocs makes each language's nav from the folders. Each page's
    nav, previous and next pages stay in its language."""
    site = copy_example_site(tmp_path)
    set_languages(site, ["en", "fr"], structure)
    config = yaml.safe_load((site / "mkdocs.yml").read_text("utf-8"))
    del config["nav"]
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, f"{result.error}\n{result.messages}"
    english, french = result.html("privacy/intune.md"), result.html("fr/privacy/intune.md")
    assert "../managed-desktop/" in nav_links(english) and "../managed-desktop/" in nav_links(
        french
    )
    assert not [link for link in nav_links(english) if "fr/" in link]
    assert not [link for link in nav_links(french) if link.startswith("../../../privacy/")]
    assert "../../guide/" in nav_links(french)  # hand-written pages: in every language
    assert neighbours(english) and neighbours(french)
    assert not [link for link in neighbours(english) if "fr/" in link]
    assert not [link for link in neighbours(french) if link.startswith("../../../")]


def test_pages_left_out_of_the_nav_are_left_out_in_every_language(tmp_path: Path) -> None:
    """``nav_products: false``: the comparisons of every language stay out of MkDocs' nav."""
    site = copy_example_site(tmp_path)
    config = yaml.safe_load((site / "mkdocs.yml").read_text("utf-8"))
    del config["nav"]
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    set_plugin_options(site, {"nav_products": False})
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, f"{result.error}\n{result.messages}"
    for page in ("privacy/data-items.md", "fr/privacy/data-items.md"):
        links = nav_links(result.html(page))
        assert links and not [link for link in links if "compare/" in link], (page, links)


def test_the_language_selector_switches_to_the_same_page(
    example: SiteResult, chromium: Browser
) -> None:
    """In Chromium: Material's language selector opens the same page in the other language,
    both ways, and no request fails but Material's for a ``sitemap.xml`` beside each alternate
    link (i18n writes one, at the site's root: the same on i18n's own pages)."""
    failed: list[str] = []
    with serve(example.site_dir) as base:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        try:
            page.goto(base + "privacy/intune/")
            for language, expected in (("fr", "fr/privacy/intune/"), ("en", "privacy/intune/")):
                page.hover(".md-header .md-select")
                with page.expect_navigation():
                    page.click(f'a.md-select__link[hreflang="{language}"]')
                assert page.url == base + expected
                page.wait_for_load_state("networkidle")
        finally:
            page.close()
    assert [url for url in failed if not url.endswith("/sitemap.xml")] == []


def test_search_reads_every_language_of_the_build(example: SiteResult) -> None:
    """Material's search index names each language i18n builds (its stop words and word
    characters), and holds each language's pages (i18n's builds, one after the other)."""
    index = json.loads((example.site_dir / "search/search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["en", "fr"]
    assert any(doc["location"].startswith("privacy/intune/") for doc in index["docs"])
    # The same section in each language, under its own language's heading.
    required = messages_for("fr").gettext("Required data")
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert titles["privacy/intune/#required-data"] == "Required data"
    assert titles["fr/privacy/intune/#required-data"] == required != "Required data"


def test_a_retention_period_in_words_is_translated_like_any_text(tmp_path: Path) -> None:
    """A period no structured form fits is text: the French page shows the English marked
    ``lang="en"`` until the translation file translates it, then the translation."""
    site = copy_example_site(tmp_path)
    record = site / "content/products/managed-desktop.yml"
    text = record.read_text("utf-8")
    record.write_text(text.replace("period: {duration: 180 days}", "period: Until it is closed"))
    english_words = "Until it is closed"
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, f"{result.error}\n{result.messages}"
    french = result.html("fr/privacy/managed-desktop.md")
    assert f'<span lang="en">{english_words}</span>' in french
    assert f"<td>{english_words}</td>" in result.html("privacy/managed-desktop.md")

    path = "storage.retention[0].exceptions[0].period"
    translation = site / "content/translations/fr/products/managed-desktop.yml"
    entry = {path: {"source": fingerprint(english_words), "text": "Jusqu'à sa clôture"}}
    with translation.open("a", encoding="utf-8") as file:
        file.write(yaml.safe_dump(entry, allow_unicode=True))
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, f"{result.error}\n{result.messages}"
    french = html.unescape(result.html("fr/privacy/managed-desktop.md"))  # (an apostrophe)
    assert "<td>Jusqu'à sa clôture</td>" in french and english_words not in french


def theme_word(language: str, key: str) -> str:
    """A word of Material's own, as its ``partials/languages/<language>.html`` has it."""
    import material

    words = Path(material.__file__).parent / f"templates/partials/languages/{language}.html"
    found = re.search(rf'"{re.escape(key)}": "([^"]*)"', words.read_text("utf-8"))
    assert found, (language, key)
    return found.group(1)


def test_the_theme_speaks_the_page_language(example: SiteResult) -> None:
    """Material's own words on a French page are French (its search box, for one), and the
    site's are English (the site's 404 page is i18n's: each language's build writes it)."""
    french, english = theme_word("fr", "search.placeholder"), theme_word("en", "search.placeholder")
    assert french != english
    assert f'placeholder="{french}"' in example.html("fr/privacy/intune.md")
    assert f'placeholder="{english}"' in example.html("privacy/intune.md")
    assert f'placeholder="{english}"' in example.html("index.md")
    assert f'placeholder="{french}"' in example.html("fr/index.md")


def test_a_translation_of_no_record_is_reported(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path)
    orphan = site / "content/translations/fr/products/gone.yml"
    orphan.write_text("summary:\n  source: 000000000000\n  text: Plus là\n", "utf-8")
    problems = check_site(find_settings(site)).problems.items
    [found] = [p for p in problems if p.location.path.endswith("products/gone.yml")]
    assert (found.rule, found.severity.value, found.location.line) == (
        "translation-unused",
        "warning",
        1,
    )
    assert "content/products/gone.yml" in found.message


def test_the_tables_say_where_a_text_is_not_translated(example: SiteResult) -> None:
    """The comparisons and the data-item index print names and conditions in raw HTML: there
    too, every text shown in English on a French page (the example's French is incomplete)
    is marked as English and followed by the notice, never silently English."""
    assert example.config is not None
    site = Path(example.config.config_file_path).parent
    build = check_site(find_settings(site))
    fallbacks = build.languages["fr"].fallbacks
    notice = '</span> <small class="pp-translation-notice">'
    pages = [example.html("fr/privacy/data-items.md")] + [
        example.html(f"fr/privacy/compare/{spec['id']}.md")
        for spec in yaml.safe_load((site / "content/comparisons.yml").read_text("utf-8"))[
            "comparisons"
        ]
    ]
    checked = 0
    for text, shown in fallbacks.items():
        if shown != "source" or "\n" in text:
            continue
        escaped = html.escape(" ".join(text.split()), quote=True)
        for page in pages:
            # As an element's content, quoted in a message (", as « X »" in the index), or
            # after a label ("Condition : X").
            shown = rf"(?:>|« | : ){re.escape(escaped)}(?:<| »)"
            for found in re.finditer(shown, page):
                checked += 1
                after = page[found.end() - 1 : found.end() + 80]
                before = page[max(0, found.start() - 16) : found.start() + 1]
                if after.startswith("</p>"):  # a description, converted: the notice is after it
                    continue
                assert before.endswith('<span lang="en">') and after.startswith(notice), (
                    text,
                    page[found.start() - 200 : found.end() + 100],
                )
    assert checked > 5


def test_a_workload_not_translated_says_so_in_the_tables(tmp_path: Path) -> None:
    """A workload's name is put in a message ("MAM workload: Yes") in the index, and beside
    the product's name in a comparison's column header: there too, it is marked."""
    site = copy_example_site(tmp_path)
    translation = site / FRENCH_INTUNE
    text = translation.read_text("utf-8")
    entry = re.search(r"workloads\[mam\]\.name:\n(?:  .*\n)+", text)
    assert entry is not None
    translation.write_text(text.replace(entry.group(0), "", 1), "utf-8")
    name = yaml.safe_load((site / "content/products/intune.yml").read_text("utf-8"))
    english = next(w["name"] for w in name["workloads"] if w["id"] == "mam")
    result = run_mkdocs(site / "mkdocs.yml", strict=False)
    assert result.ok, result.messages
    marked = f'<span lang="en">{html.escape(english)}</span> <small class="pp-translation-notice">'
    index = result.html("fr/privacy/data-items.md")
    # Every time the index shows the name, it is marked.
    assert index.count(marked) == index.count(html.escape(english)) > 0
    compared = result.html("fr/privacy/compare/intune-mam.md")
    header = compared.split('data-pp-workload="intune/mam"', 1)[1].split("</th>", 1)[0]
    assert marked in header


@pytest.mark.parametrize("structure", I18N_STRUCTURES)
def test_a_hand_written_page_lists_the_pages_of_its_language(
    structure: str, tmp_path: Path
) -> None:
    """A French page of the site (i18n's: ``produits.fr.md``, or ``fr/produits.md`` in its
    folder structure) fills its blocks in French: the French catalog's words, the French text
    of the records, and links to the French pages."""
    site = copy_example_site(tmp_path)
    set_languages(site, ["en", "fr"], structure)
    docs = site / "site-src" / ("en" if structure == "folder" else "")
    blocks = "<!-- privacy-pages: products -->\n\n<!-- privacy-pages: comparisons -->\n"
    french_page = (
        site / "site-src" / ("fr/produits.md" if structure == "folder" else "produits.fr.md")
    )
    french_page.parent.mkdir(exist_ok=True)
    french_page.write_text(f"# Produits\n\n{blocks}", "utf-8")
    (docs / "products.md").write_text(f"# Products\n\n{blocks}", "utf-8")
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, f"{result.error}\n{result.messages}"
    french_name = yaml.safe_load((site / FRENCH_ANDROID).read_text("utf-8"))["name"]["text"]
    english_name = yaml.safe_load(
        (site / "content/products/defender-endpoint-android.yml").read_text("utf-8")
    )["name"]
    french = messages_for("fr")
    for page, language, header, name in (
        ("fr/produits.md", "fr", french.gettext("Required items"), french_name),
        ("products.md", "en", "Required items", english_name),
    ):
        built = result.html(page)
        article = built.split("<article", 1)[1]
        assert f">{header}<" in article, page
        assert html.escape(name, quote=False) in article, page
        prefix = "fr/" if language == "fr" else ""
        folder = result.site_dir / page.removesuffix(".md")
        links = re.findall(r'href="([^"#]*privacy/[^"#]*)"', article)
        assert links, page
        for link in links:
            target = (folder / link).resolve().relative_to(result.site_dir.resolve())
            assert target.as_posix().startswith(f"{prefix}privacy/"), (page, link)
    assert french_name != english_name and french.gettext("Required items") != "Required items"


def test_a_description_not_translated_is_marked_as_a_block(tmp_path: Path) -> None:
    """The index shows a catalog item's description converted to HTML (paragraphs): shown in
    English on the French index, it is marked English as a block, and the notice follows."""
    site = copy_example_site(tmp_path)
    translation = site / "content/translations/fr/catalog/intune-admin.yml"
    text = translation.read_text("utf-8")
    entry = re.search(r"items\[static-authenticators\]\.description:\n(?:  .*\n)+", text)
    assert entry is not None
    translation.write_text(text.replace(entry.group(0), "", 1), "utf-8")
    catalog = yaml.safe_load((site / "content/catalog/intune-admin.yml").read_text("utf-8"))
    item = next(i for i in catalog["items"] if i["id"] == "static-authenticators")
    result = run_mkdocs(site / "mkdocs.yml", strict=False)
    assert result.ok, result.messages
    index = result.html("fr/privacy/data-items.md")
    described = index.split('id="static-authenticators"', 1)[1].split("</td>", 1)[0]
    english = html.escape(item["description"], quote=False)
    assert f'<div lang="en"><p>{english}</p></div> <small class="pp-translation-notice">' in (
        described
    )
    assert '<span lang="en"><p' not in index  # never a paragraph inside an inline element


def marked_paragraphs(texts: list[str], pages: list[str]) -> int:
    """Check that each paragraph of ``texts`` found on ``pages`` (by the plain words it starts
    with) is marked ``lang="en"`` (a one-line text: its words inside the paragraph); returns
    how many were found."""
    checked = 0
    for text in texts:
        for paragraph in re.split(r"\n\n+", text):
            words = re.match(r"[A-Za-z][A-Za-z ,']{20,}", paragraph)  # plain words it starts with
            if words is None:
                continue
            start = html.escape(words.group(), quote=False)
            for page in pages:
                for found in re.finditer(rf"<p([^>]*)>((?:<[^>]+>)*){re.escape(start)}", page):
                    marked = found.group(1) == ' lang="en"' or '<span lang="en">' in found.group(2)
                    assert marked, page[found.start() : found.end() + 80]
                    checked += 1
    return checked


def test_paragraphs_not_translated_are_marked_english(example: SiteResult) -> None:
    """A Markdown text of several paragraphs shown in English on a French page: each of its
    paragraphs is marked ``lang="en"`` for screen readers, and the notice after it is French."""
    assert example.config is not None
    site = Path(example.config.config_file_path).parent
    fallbacks = check_site(find_settings(site)).languages["fr"].fallbacks
    texts = [text for text, shown in fallbacks.items() if shown == "source" and "\n\n" in text]
    assert texts, "the example's French has no text of several paragraphs left in English"
    pages = [path.read_text("utf-8") for path in (example.site_dir / "fr").rglob("index.html")]
    assert marked_paragraphs(texts, pages) >= 2
    notice = '<small class="pp-translation-notice" lang="fr">'
    assert any(notice in page for page in pages)


def test_a_product_not_translated_at_all_is_marked_english(tmp_path: Path) -> None:
    """A product with no French translation: its French page says so once, at its top, and
    its texts are marked ``lang="en"`` (names and conditions, and each paragraph), with no
    notice after each."""
    site = copy_example_site(tmp_path)
    (site / "content/translations/fr/products/managed-desktop.yml").unlink()
    result = run_mkdocs(site / "mkdocs.yml", strict=False)
    assert result.ok, result.messages
    page = result.html("fr/privacy/managed-desktop.md")
    article = page.split("<article", 1)[1].split("</article>", 1)[0]
    said = messages_for("fr").gettext(
        "This page has not been translated yet: its text is shown in English."
    )
    assert said.replace("\xa0", " ") in html.unescape(article).replace("\xa0", " ")
    record = yaml.safe_load((site / "content/products/managed-desktop.yml").read_text("utf-8"))
    paragraphs = [v for v in _strings(record) if "\n\n" in v or len(v) > 120]
    assert marked_paragraphs(paragraphs, [article]) >= 3
    # Names and conditions: marked, with no notice after each (the page's top says it once).
    record_texts = set(_strings(record))
    marked = [
        found
        for found in re.finditer(r'<span lang="en">([^<]*)</span>( <small)?', article)
        if html.unescape(found.group(1)) in record_texts
    ]
    assert len(marked) >= 5
    assert not [found.group(0) for found in marked if found.group(2)]


def _strings(data: object) -> list[str]:
    if isinstance(data, dict):
        return [s for value in data.values() for s in _strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return [data] if isinstance(data, str) else []


def test_a_list_not_translated_is_marked_english_item_by_item(tmp_path: Path) -> None:
    """Intune's introduction is a paragraph and a list. Changed in English, it shows in English
    on the French page (its translation is stale): the paragraph and each item are marked."""
    site = copy_example_site(tmp_path)
    stale_translations_allowed(site)
    record = site / "content/products/intune.yml"
    text = record.read_text("utf-8")
    assert "personal data from the following sources:" in text
    record.write_text(text.replace("from the following sources:", "from these sources:", 1))
    intro = yaml.safe_load(record.read_text("utf-8"))["intro"]
    items = [line[2:] for line in intro.splitlines() if line.startswith("- ")]
    assert len(items) >= 3
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    page = result.html("fr/privacy/intune.md")
    assert '<p lang="en">When users enroll' in page
    for item in items:
        assert f'<li><span lang="en">{html.escape(item, quote=False)}</span>' in page, item


def test_the_feed_of_each_language_names_its_author_in_it(example: SiteResult) -> None:
    """The feed's author is the nav section's name: the default one is said in each feed's
    language."""
    atom = "{http://www.w3.org/2005/Atom}"
    authors = {
        name: ET.parse(example.site_dir / name).getroot().findtext(f"{atom}author/{atom}name")
        for name in ("changes.xml", "fr/changes.xml")
    }
    french = messages_for("fr").gettext("Privacy statements")
    assert authors == {"changes.xml": "Privacy statements", "fr/changes.xml": french}
    assert french != "Privacy statements"


def test_blocks_shown_in_english_keep_their_shape(tmp_path: Path) -> None:
    """Texts of a product with no French translation, shown in English on its French page: a
    one-line list, a one-line quote and a table stay a list, a quote and a table (each marked
    English inside), a description that starts like a list item reads as in English, and no
    attribute list leaks into the page as text."""
    site = copy_example_site(tmp_path)
    (site / "content/translations/fr/products/managed-desktop.yml").unlink()
    record = site / "content/products/managed-desktop.yml"
    data = yaml.safe_load(record.read_text("utf-8"))
    data["intro"] = "- Only item of a list\n\n> A quoted line"
    data["required"]["intro"] = (
        "Before a table.\n\n| Data | Kept |\n| --- | --- |\n| Logs | 30 days |"
    )
    data["required"]["groups"][0]["items"][0]["description"] = "1. The one step"
    record.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    result = run_mkdocs(site / "mkdocs.yml", strict=False)
    assert result.ok, result.messages
    for path in ("privacy/managed-desktop.md", "fr/privacy/managed-desktop.md"):
        article = result.html(path).split("<article", 1)[1].split("</article>", 1)[0]
        assert re.search(r"<ul>\s*<li>(<span lang=\"en\">)?Only item of a list", article), path
        assert re.search(r"<blockquote>\s*<p>(<span lang=\"en\">)?A quoted line", article), path
        # An item's description follows its name on the item's line: no list there, in
        # either language, and the same words.
        assert re.search(r"</strong>: 1\. (<span lang=\"en\">)?The one step", article), path
        table = article.split("Before a table.", 1)[1].split("</table>", 1)[0]
        rows = re.findall(r"<tr>.*?</tr>", table, re.S)
        assert len(rows) == 2 and "Logs" in rows[1], (path, rows)
        assert "{:" not in html.unescape(re.sub(r"<[^>]+>", "", article)), path
    french = result.html("fr/privacy/managed-desktop.md")
    for text in ("Only item of a list", "A quoted line", "The one step"):
        assert f'<span lang="en">{text}</span>' in french, text
