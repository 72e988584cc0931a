"""Languages as mkdocs-static-i18n builds them: on a site translated with i18n (its ``suffix``
and ``folder`` structures), each generated page's language selector, its ``hreflang`` links
and i18n's sitemap lead to the same generated page in every language the site builds, as
they do for the site's own pages, not to the other languages' home pages.

Each structure's site (the small fixture's records, English by default, French and German,
a hand-written page with a French version) is built once, then its HTML and sitemap read.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from conftest import FIXTURES, run_mkdocs

SITE_URL = "https://example.org/widgets/"
#: The site's languages, the default first, each with the folder its pages are under.
LANGUAGES = {"en": "", "fr": "fr/", "de": "de/"}
NAMES = {"en": "English", "fr": "Français", "de": "Deutsch"}
SITEMAP = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def i18n_site(root: Path, structure: str) -> Path:
    """The small fixture translated with mkdocs-static-i18n in ``structure``: English (the
    default), French and German; a hand-written page with a French version and one without.
    German has no page of its own (i18n falls back to English for it)."""
    shutil.copytree(FIXTURES / "small", root)
    config_file = root / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    config["site_url"] = SITE_URL
    config["theme"]["font"] = False
    languages = [{"locale": code, "name": NAMES[code]} for code in LANGUAGES]
    languages[0]["default"] = True
    config["plugins"].append({"i18n": {"docs_structure": structure, "languages": languages}})
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    docs = root / "docs"
    pages = {
        ("en", "notes.md"): "# Notes\n\nOur notes.\n",
        ("fr", "notes.md"): "# Notes\n\nNos notes.\n",
        ("fr", "index.md"): "# Widgets\n\n<!-- privacy-pages: products -->\n",
        ("en", "about.md"): "# About\n\nAbout us.\n",
    }
    if structure == "folder":
        (docs / "en").mkdir()
        (docs / "index.md").rename(docs / "en" / "index.md")
    for (language, name), text in pages.items():
        if structure == "folder":
            path = docs / language / name
        else:
            path = docs / (name if language == "en" else name.replace(".md", f".{language}.md"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


@pytest.fixture(scope="module", params=["suffix", "folder"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = i18n_site(tmp_path_factory.mktemp(request.param) / "site", request.param)
    result = run_mkdocs(root / "mkdocs.yml")
    assert result.ok, result.messages
    return result.site_dir


def generated_pages(site: Path) -> list[str]:
    """The generated pages of the default language, by URL path (``privacy/widget-ios/``):
    every page under the pages' folder, one for each record at least."""
    found = sorted(
        page.parent.relative_to(site).as_posix() + "/"
        for page in (site / "privacy").rglob("index.html")
    )
    for record in (FIXTURES / "small" / "content" / "products").glob("*.yml"):
        assert f"privacy/{record.stem}/" in found, f"no page for {record.name}"
    return found


class _Alternates(HTMLParser):
    """A page's ``<link rel="alternate" hreflang>`` tags and language selector links."""

    def __init__(self) -> None:
        super().__init__()
        self.head: list[tuple[str, str]] = []
        self.selector: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "link" and found.get("rel") == "alternate" and "hreflang" in found:
            self.head.append((found["hreflang"], found["href"]))
        elif tag == "a" and "md-select__link" in found.get("class", "").split():
            self.selector.append((found["hreflang"], found["href"]))


def _leads_to(page_url: str, links: list[tuple[str, str]]) -> dict[str, str]:
    """Each language's link, as the URL path it leads to from ``page_url``."""
    base = urljoin(SITE_URL, page_url)
    return {lang: urlsplit(urljoin(base, href)).path for lang, href in links}


def _same_page_everywhere(path: str) -> dict[str, str]:
    root = urlsplit(SITE_URL).path
    return {lang: root + folder + path for lang, folder in LANGUAGES.items()}


def test_a_generated_page_leads_to_itself_in_every_language(built: Path) -> None:
    for path in generated_pages(built):
        expected = _same_page_everywhere(path)
        for language, folder in LANGUAGES.items():
            page = built / folder / path / "index.html"
            html = page.read_text("utf-8")
            assert f'<html lang="{language}"' in html, f"{folder}{path} is not in {language}"
            links = _Alternates()
            links.feed(html)
            where = f"{folder}{path}"
            assert _leads_to(where, links.selector) == expected, f"{where}: the selector"
            assert _leads_to(where, links.head) == expected, f"{where}: hreflang links"
            for lang, target in expected.items():  # each is that language's page
                written = built / target.removeprefix(urlsplit(SITE_URL).path) / "index.html"
                assert f'<html lang="{lang}"' in written.read_text("utf-8"), target


def test_the_sites_own_pages_keep_their_alternates(built: Path) -> None:
    """i18n's own pages lead where i18n leads them: the same page in each language (its
    translation, or the default language's version under that language's folder)."""
    for path in ("notes/", "about/"):
        for folder in LANGUAGES.values():
            links = _Alternates()
            links.feed((built / folder / path / "index.html").read_text("utf-8"))
            assert _leads_to(folder + path, links.selector) == _same_page_everywhere(path)


def test_the_sitemap_lists_each_generated_page_with_its_languages(built: Path) -> None:
    tree = ElementTree.parse(built / "sitemap.xml")
    alternates = {
        entry.findtext("s:loc", namespaces=SITEMAP): {
            link.get("hreflang"): link.get("href")
            for link in entry.findall("xhtml:link[@rel='alternate']", SITEMAP)
        }
        for entry in tree.getroot().findall("s:url", SITEMAP)
    }
    for path in generated_pages(built):
        expected = {lang: SITE_URL + folder + path for lang, folder in LANGUAGES.items()}
        for url in expected.values():
            assert alternates.get(url) == expected, url
