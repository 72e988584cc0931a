"""Material's search in Chromium finds today's statement, never an archived version above it.

A copy of the example site, with Microsoft Managed Desktop edited after release 1.0.0 (one
sentence's first word changed), built and served offline. The search box is typed into as a
reader would; what it lists comes from Material's own search.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from browser import Visit, search, serve
from conftest import copy_example_site, run_mkdocs

OLD_WORDS = "Similarly, the CCPA provides privacy rights"
NEW_WORDS = "Likewise, the CCPA provides privacy rights"


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = copy_example_site(tmp_path_factory.mktemp("versions") / "site")
    record = site / "content/products/managed-desktop.yml"
    text = record.read_text("utf-8")
    assert OLD_WORDS in text
    record.write_text(text.replace(OLD_WORDS, NEW_WORDS, 1), "utf-8")
    result = run_mkdocs(site / "mkdocs.yml", site_dir=site / "_site")
    assert result.ok, "\n".join(result.warnings()) or result.error
    archived = (site / "_site/privacy/managed-desktop/releases/1.0.0/index.html").read_text("utf-8")
    assert OLD_WORDS in archived  # the word is on the archived page...
    with serve(site / "_site") as base:
        yield base


def test_a_word_only_an_archived_version_holds_lists_no_archived_page(
    open_page: Callable[..., Visit], edited_site: str
) -> None:
    found = search(open_page, edited_site, "Similarly")
    assert not [p for p in found if "/releases/" in p or "/compare/" in p], found


def test_a_word_both_hold_lists_the_current_page_and_no_archived_one(
    open_page: Callable[..., Visit], edited_site: str
) -> None:
    found = search(open_page, edited_site, "Likewise")
    assert any(p.startswith("/privacy/managed-desktop/") for p in found), found
    found = search(open_page, edited_site, "CCPA")
    assert any(p.startswith("/privacy/managed-desktop/") for p in found), found
    assert not [p for p in found if "/releases/" in p], found


def test_the_address_of_the_version_in_effect_opens_its_product_page_at_the_anchor(
    open_page: Callable[..., Visit], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Recorded again after the edit, release 1.1.0 is what the page shows: its address sends
    the reader there, to the item the link named."""
    from test_versions import record_release

    site = copy_example_site(tmp_path_factory.mktemp("current") / "site")
    record_release(site, "1.1.0")
    result = run_mkdocs(site / "mkdocs.yml", site_dir=site / "_site")
    assert result.ok, "\n".join(result.warnings()) or result.error
    page = (site / "_site/privacy/managed-desktop/index.html").read_text("utf-8")
    anchor = re.findall(r'<span class="pp-anchor" id="([a-z0-9-]+)"', page)[-1]
    with serve(site / "_site") as base:
        visit = open_page(f"{base}privacy/managed-desktop/releases/1.1.0/#{anchor}")
        visit.page.wait_for_url(f"**/privacy/managed-desktop/#{anchor}")
        assert visit.page.url == f"{base}privacy/managed-desktop/#{anchor}"
