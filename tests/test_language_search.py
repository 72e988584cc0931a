"""Search per language on a site built with the plugin's option ``languages`` (the example
site: English, and French under ``fr/``).

The example site is built for real; its indexes are read as Material's script reads them
(each result's location joined to the page's ``__config.base``), and Material's search box is
typed into in Chromium on an English and on a French page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from browser import Visit, search, serve
from conftest import copy_example_site, run_mkdocs

#: A word of the French pages (the heading "Données requises") that no English page holds.
FRENCH_WORD = "Données"
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_example_site(tmp_path_factory.mktemp("language-search") / "site")
    result = run_mkdocs(root / "mkdocs.yml", site_dir=root / "_site")
    assert result.ok, "\n".join(result.warnings()) or result.error
    return root / "_site"


def index(site: Path, folder: str = "") -> list[dict[str, str]]:
    return json.loads((site / folder / "search/search_index.json").read_text("utf-8"))["docs"]


def base_of(site: Path, url: str) -> str:
    """Where Material's script resolves a page's ``__config.base`` (as a path from the root)."""
    page = (site / url / "index.html").read_text("utf-8")
    found = CONFIG.search(page)
    assert found is not None, url
    return urlsplit(urljoin(f"http://site/{url}", json.loads(found.group(1))["base"])).path


def result_pages(site: Path, folder: str) -> set[str]:
    """The page of each entry of a folder's index, as a path from the site's root."""
    base = f"http://site/{folder}"
    return {urlsplit(urljoin(base, doc["location"])).path for doc in index(site, folder)}


def test_each_language_has_its_index_and_its_pages_read_it(site: Path) -> None:
    assert base_of(site, "privacy/intune/") == "/"
    assert base_of(site, "fr/privacy/intune/") == "/fr/"
    assert base_of(site, "fr/privacy/compare/all-products/") == "/fr/"
    english, french = result_pages(site, ""), result_pages(site, "fr/")
    assert "/privacy/intune/" in english and "/fr/privacy/intune/" in french
    assert not [page for page in english if page.startswith("/fr/")], english
    # The French index has the French version of a page, never the English one...
    assert "/privacy/intune/" not in french
    assert not [p for p in french if p.startswith("/privacy/") and f"/fr{p}" in french]
    # ...and the site's pages that have no French version, as a French reader may need them.
    assert "/guide/" in french
    for page in english | french:  # every result leads to a page of the site
        assert (site / page.lstrip("/") / "index.html").is_file() or (
            site / page.lstrip("/")
        ).is_file(), page


def test_nothing_is_lost_between_the_indexes(site: Path) -> None:
    """Every entry Material wrote is in the index of its language, once."""
    english, french = index(site), index(site, "fr")
    french_own = [doc for doc in french if not doc["location"].startswith("../")]
    fallback = [doc for doc in french if doc["location"].startswith("../")]
    assert french_own and all(FRENCH_WORD.lower() not in d["text"].lower() for d in english)
    assert any(FRENCH_WORD in d["title"] for d in french_own)
    assert {d["location"][3:] for d in fallback} <= {d["location"] for d in english}
    for docs in (english, french):  # once
        locations = [d["location"] for d in docs]
        assert len(set(locations)) == len(locations)
    # Every page of the site is in the index of its language (but the statements' earlier
    # versions, which the site keeps out of search).
    pages = {"": {d["location"].split("#")[0] for d in english}}
    pages["fr/"] = {d["location"].split("#")[0] for d in french_own}
    built = [path.parent.relative_to(site).as_posix() for path in site.rglob("index.html")]
    checked = 0
    for page in built:
        url = "" if page == "." else f"{page}/"
        if re.search(r"/(releases/[^/]+|compare/[^/]+\.\.\.[^/]+)/$", url):
            continue
        language = "fr/" if url.startswith("fr/") else ""
        assert url.removeprefix(language) in pages[language], url
        checked += 1
    assert checked > 20


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    with serve(site) as base:
        yield base


def test_a_french_page_searches_the_french_pages(
    open_page: Callable[..., Visit], served: str
) -> None:
    found = search(open_page, served + "fr/privacy/intune/", "Intune")
    assert "/fr/privacy/intune/" in found, found
    assert not [path for path in found if path.startswith("/privacy/")], found
    found = search(open_page, served + "fr/privacy/intune/", FRENCH_WORD)
    assert found and all(path.startswith("/fr/") for path in found), found


def test_an_english_page_searches_the_english_pages(
    open_page: Callable[..., Visit], served: str
) -> None:
    found = search(open_page, served + "privacy/intune/", "Intune")
    assert "/privacy/intune/" in found, found
    assert not [path for path in found if path.startswith("/fr/")], found
