"""Search in each language of a site translated with mkdocs-static-i18n (the example site:
English, and French under ``fr/``), in each of i18n's docs structures.

i18n builds each language on its own and gathers every build's entries into the site's one
index (Material's, with the stop words and word characters of each language). The example
site is built for real; its index is read as Material's script reads it (each result's
location joined to the page's ``__config.base``), and Material's search box is typed into in
Chromium on an English and on a French page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from browser import Visit, search, serve
from conftest import I18N_STRUCTURES, copy_example_site, run_mkdocs, set_languages
from privacy_pages.messages import messages_for

#: A word of the French pages (the heading "Données requises") that no English page holds.
FRENCH_WORD = "Données"
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)


@pytest.fixture(scope="module", params=I18N_STRUCTURES)
def site(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    root = copy_example_site(tmp_path_factory.mktemp("language-search") / "site")
    set_languages(root, ["en", "fr"], request.param)
    result = run_mkdocs(root / "mkdocs.yml", site_dir=root / "_site")
    assert result.ok, "\n".join(result.warnings()) or result.error
    return root / "_site"


def index(site: Path) -> dict[str, object]:
    return dict(json.loads((site / "search/search_index.json").read_text("utf-8")))


def docs(site: Path) -> list[dict[str, str]]:
    found = index(site)["docs"]
    assert isinstance(found, list)
    return found


def base_of(site: Path, url: str) -> str:
    """Where Material's script resolves a page's ``__config.base`` (as a path from the root)."""
    page = (site / url / "index.html").read_text("utf-8")
    found = CONFIG.search(page)
    assert found is not None, url
    return urlsplit(urljoin(f"http://site/{url}", json.loads(found.group(1))["base"])).path


def test_every_page_reads_the_index_of_every_language(site: Path) -> None:
    assert base_of(site, "privacy/intune/") == "/"
    assert base_of(site, "fr/privacy/intune/") == "/"
    assert base_of(site, "fr/privacy/compare/all-products/") == "/"
    assert index(site)["config"]["lang"] == ["en", "fr"]  # type: ignore[index]
    pages = {urlsplit(urljoin("http://site/", doc["location"])).path for doc in docs(site)}
    assert "/privacy/intune/" in pages and "/fr/privacy/intune/" in pages
    assert "/guide/" in pages  # the site's own pages
    for page in pages:  # every result leads to a page of the site
        assert (site / page.lstrip("/") / "index.html").is_file() or (
            site / page.lstrip("/")
        ).is_file(), page


def test_each_language_s_pages_are_in_the_index_in_their_words(site: Path) -> None:
    """The French pages' entries are in French, the English pages' in English; each entry
    once, and every generated page of each language is in the index (but the statements'
    earlier versions, which the site keeps out of search)."""
    found = docs(site)
    english = [d for d in found if not d["location"].startswith("fr/")]
    french = [d for d in found if d["location"].startswith("fr/privacy/")]
    assert french and all(FRENCH_WORD.lower() not in d["text"].lower() for d in english)
    assert any(FRENCH_WORD in d["title"] for d in french)
    titles = {d["location"]: d["title"] for d in found}
    assert titles["privacy/intune/#required-data"] == "Required data"
    assert titles["fr/privacy/intune/#required-data"] == messages_for("fr").gettext("Required data")
    locations = [d["location"] for d in found]
    assert len(set(locations)) == len(locations)
    pages = {location.split("#")[0] for location in locations}
    checked = 0
    for path in site.rglob("index.html"):
        url = f"{path.parent.relative_to(site).as_posix()}/"
        if "privacy/" not in url or re.search(r"/(releases/[^/]+|compare/[^/]+\.\.\.[^/]+)/$", url):
            continue
        assert url in pages, url
        checked += 1
    assert checked >= 20


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    with serve(site) as base:
        yield base


def test_a_french_page_finds_the_french_pages(open_page: Callable[..., Visit], served: str) -> None:
    found = search(open_page, served + "fr/privacy/intune/", "Intune")
    assert "/fr/privacy/intune/" in found, found
    found = search(open_page, served + "fr/privacy/intune/", FRENCH_WORD)
    assert found and all(path.startswith("/fr/") for path in found), found


def test_an_english_page_finds_the_english_pages(
    open_page: Callable[..., Visit], served: str
) -> None:
    found = search(open_page, served + "privacy/intune/", "Intune")
    assert "/privacy/intune/" in found, found
