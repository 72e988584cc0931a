"""The hostile site in a real browser: no dialog opens and no console error appears.

Every text field of tests/fixtures/hostile holds ``<script>alert(...)</script>``, an
``<img onerror=alert(...)>``, attribute lists and Jinja syntax. If any of it reached a page as
markup, Chromium would open an alert dialog (or log an error). The search, which renders results
from the search index as HTML, is exercised with the hostile text too.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from browser import serve
from conftest import FIXTURES, SiteResult, run_mkdocs

PAGES = (
    "",
    "privacy/hostile-tables/",
    "privacy/hostile-lists/",
    "privacy/data-items/",
    "privacy/compare/all-products/",
)


@dataclass
class Watch:
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("hostile-browser") / "site"
    shutil.copytree(FIXTURES / "hostile", folder)
    result: SiteResult = run_mkdocs(folder / "mkdocs.yml")
    assert result.ok, result.messages
    with serve(result.site_dir) as base:
        yield base


def open_watched(chromium: object, url: str) -> tuple[object, Watch]:
    """A page whose dialogs and errors are recorded from before it starts loading."""
    context = chromium.new_context()
    page = context.new_page()
    watch = Watch()

    def on_dialog(dialog: object) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on(
        "console",
        lambda m: watch.console_errors.append(m.text) if m.type == "error" else None,
    )
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    # No network: anything not served on 127.0.0.1 is refused.
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else route.abort()
        ),
    )
    page.goto(url)
    page.wait_for_load_state("load")
    return page, watch


@pytest.mark.parametrize("path", PAGES)
def test_no_dialog_or_error_on_a_hostile_page(chromium: object, base_url: str, path: str) -> None:
    page, watch = open_watched(chromium, base_url + path)
    page.wait_for_timeout(300)  # let deferred scripts run
    assert page.locator("article h1").count() == 1
    assert watch.dialogs == []
    assert watch.page_errors == []
    assert watch.console_errors == []
    text = page.locator("article").inner_text()
    if path.startswith("privacy/hostile"):
        assert "<script>alert(" in text and "{{ 7*7 }}" in text


def test_searching_for_the_hostile_text_opens_no_dialog(chromium: object, base_url: str) -> None:
    page, watch = open_watched(chromium, base_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").type("admonition")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)
    results = page.locator(".md-search-result__item").count()
    assert results > 0
    assert watch.dialogs == []
    assert watch.page_errors == []
    assert watch.console_errors == []


def test_the_hostile_fixture_is_hostile() -> None:
    """Guard: the fixture really carries scripts (a cleaned-up fixture would prove nothing)."""
    text = "".join(p.read_text("utf-8") for p in (FIXTURES / "hostile").rglob("*.yml"))
    assert text.count("<script>alert(") >= 50
    assert "onerror=alert(" in text and "{{ 7*7 }}" in text
    assert Path(FIXTURES / "hostile" / "mkdocs.yml").exists()
