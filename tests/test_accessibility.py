"""Accessibility of the example site, in Debian's Chromium: axe-core finds no WCAG 2.0, 2.1 or
2.2 (A and AA) violation on any page at a desktop and a phone width, in every colour scheme the
theme configures, and a product page prints as the content alone.

axe-core comes bundled with axe-playwright-python (pinned in the dev extra: a newer axe can add
rules). A violation is reported as ``page [viewport, scheme] rule: selector``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser import LOOPBACK, serve
from conftest import SiteResult, copy_example_site, run_mkdocs, set_languages
from playwright.sync_api import Browser, Page, Route

VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
#: Material's palette when mkdocs.yml sets none.
DEFAULT_PALETTE = {"scheme": "default", "primary": "indigo", "accent": "indigo"}

PRODUCT_PAGE = "privacy/intune/"
#: Site chrome that has no place on paper.
PRINT_HIDDEN = [
    ".md-header",
    ".md-tabs",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-footer",
    ".md-search",
    ".md-content__button",
    ".pp-controls",
]
A4_HEIGHT_PX = 1123  # 297 mm at 96 px per inch
PAPER_WIDTH_PX = 718  # A4 less 1 cm margins


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    result = run_mkdocs(copy_example_site(tmp_path_factory.mktemp("a11y")) / "mkdocs.yml")
    assert result.ok, f"{result.error}\n{result.messages}"
    return result


@pytest.fixture(scope="module")
def base_url(site: SiteResult) -> Iterator[str]:
    with serve(site.site_dir) as base:
        yield base


def site_pages(site_dir: Path) -> list[str]:
    """Every page of the built site as a path below its root ("" is the home page), and the
    404 page (a real page: servers show it for any missing address)."""
    pages = sorted(
        p.parent.relative_to(site_dir).as_posix() + "/" for p in site_dir.rglob("index.html")
    )
    return [p.removeprefix("./") for p in pages] + ["404.html"]


def palettes(site: SiteResult) -> list[dict[str, str]]:
    """The colour schemes the theme configures (mkdocs.yml theme.palette: one or a list)."""
    assert site.config is not None
    palette = site.config.theme.get("palette") or DEFAULT_PALETTE
    entries = palette if isinstance(palette, list) else [palette]
    return [
        {**DEFAULT_PALETTE, **{k: v for k, v in e.items() if isinstance(v, str)}} for e in entries
    ]


def open_offline(browser: Browser, url: str, viewport: tuple[int, int]) -> Page:
    """A new page at ``url`` whose requests to anything but 127.0.0.1 are blocked."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})

    def route(route: Route) -> None:
        parts = urlsplit(route.request.url)
        outside = parts.scheme in {"http", "https"} and parts.hostname not in LOOPBACK
        route.abort() if outside else route.continue_()

    context.route("**/*", route)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    return page


def use_palette(page: Page, palette: dict[str, str]) -> None:
    """Show the page in ``palette``, as Material's palette toggle does (body attributes)."""
    page.evaluate(
        """p => { for (const [k, v] of Object.entries(p)) document.body.setAttribute(`data-md-color-${k}`, v) }""",
        palette,
    )


def describe(page: str, where: str, violation: dict[str, Any], node: dict[str, Any]) -> str:
    target = " ".join(map(str, node["target"]))
    return f"{page or '/'} [{where}] {violation['id']}: {target} ({violation['help']})"


def test_every_page_is_checked(site: SiteResult) -> None:
    pages = site_pages(site.site_dir)
    # Every kind of page is there: a vacuous pass on an empty site would prove nothing.
    for kind in ("", PRODUCT_PAGE, "privacy/compare/all-products/", "privacy/data-items/"):
        assert kind in pages
    assert any(p.startswith("guide/") for p in pages)
    assert len(pages) >= 16


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_finds_no_violations(
    site: SiteResult, base_url: str, chromium: Browser, viewport: str
) -> None:
    axe = Axe()
    failures: list[str] = []
    for palette in palettes(site):
        where = f"{viewport} {VIEWPORTS[viewport][0]}px, {palette['scheme']}"
        for path in site_pages(site.site_dir):
            page = open_offline(chromium, base_url + path, VIEWPORTS[viewport])
            try:
                use_palette(page, palette)
                results = axe.run(page, options=AXE_OPTIONS).response
            finally:
                page.context.close()
            for violation in results["violations"]:
                for node in violation["nodes"]:
                    failures.append(describe(path, where, violation, node))
    assert not failures, f"{len(failures)} axe-core violations:\n" + "\n".join(failures)


def test_product_page_prints_the_content_alone(base_url: str, chromium: Browser) -> None:
    page = open_offline(chromium, base_url + PRODUCT_PAGE, VIEWPORTS["desktop"])
    try:
        page.emulate_media(media="print")
        shown = page.evaluate(
            """selectors => selectors.filter(s => [...document.querySelectorAll(s)]
                .some(e => e.getClientRects().length > 0))""",
            PRINT_HIDDEN,
        )
        assert shown == [], f"shown in print: {shown}"
        assert page.locator("article h1").is_visible()

        # Links to other sites are written out after their text (the page's own are not).
        links: list[list[str]] = page.evaluate(
            """() => [...document.querySelectorAll('article p a, article li a')].map(a =>
                [a.getAttribute('href'), getComputedStyle(a, '::after').content])"""
        )
        outside = [(href, after) for href, after in links if href.startswith("http")]
        assert outside, "the product page has no outside link in its text to check"
        for href, after in outside:
            assert href in after, f"print shows no address after the link to {href}: {after}"
        assert all(after in ("none", "normal") for href, after in links if href.startswith("#"))

        page.set_viewport_size({"width": PAPER_WIDTH_PX, "height": A4_HEIGHT_PX})
        height: float = page.evaluate("() => document.querySelector('article').scrollHeight")
        pdf = page.pdf(format="A4", margin={"top": "1cm", "bottom": "1cm"})
    finally:
        page.context.close()
    assert pdf.startswith(b"%PDF")
    sheets = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    # About as many sheets as the content is tall: not one cut-off sheet, nor blank ones.
    expected = math.ceil(height / A4_HEIGHT_PX)
    assert expected <= sheets <= 2 * expected + 1, (sheets, expected)


@pytest.mark.parametrize(
    "path", [PRODUCT_PAGE, "privacy/compare/all-products/", "privacy/data-items/"]
)
def test_printed_tables_fit_the_paper(base_url: str, chromium: Browser, path: str) -> None:
    page = open_offline(chromium, base_url + path, (PAPER_WIDTH_PX, A4_HEIGHT_PX))
    try:
        page.emulate_media(media="print")
        too_wide = page.evaluate(
            """() => { const right = document.querySelector('article').getBoundingClientRect().right;
                return [...document.querySelectorAll('article table')]
                    .filter(t => t.getBoundingClientRect().right > right + 1)
                    .map(t => t.querySelector('caption, th, td')?.textContent.trim()) }"""
        )
    finally:
        page.context.close()
    assert too_wide == [], f"tables cut at the paper's edge: {too_wide}"


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    """The example site with Arabic as its language (right to left): the theme's and the
    package's words in Arabic, the records (not translated into Arabic) in English, marked."""
    site = copy_example_site(tmp_path_factory.mktemp("a11y-ar"))
    config_file = site / "mkdocs.yml"
    text = config_file.read_text("utf-8")
    assert "  name: material\n" in text
    config_file.write_text(text.replace("  name: material\n", "  name: material\n  language: ar\n"))
    set_languages(site, ["ar"])  # Arabic alone (mkdocs-static-i18n would build English first)
    result = run_mkdocs(config_file)
    assert result.ok, f"{result.error}\n{result.messages}"
    return result


ARABIC_PAGES = ["privacy/intune/", "privacy/compare/all-products/", "privacy/data-items/"]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_finds_no_violations_on_a_right_to_left_site(
    arabic_site: SiteResult, chromium: Browser, viewport: str
) -> None:
    axe = Axe()
    failures: list[str] = []
    with serve(arabic_site.site_dir) as base:
        for path in ARABIC_PAGES:
            page = open_offline(chromium, base + path, VIEWPORTS[viewport])
            try:
                assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
                results = axe.run(page, options=AXE_OPTIONS).response
            finally:
                page.context.close()
            for violation in results["violations"]:
                for node in violation["nodes"]:
                    failures.append(describe(path, f"{viewport}, ar", violation, node))
    assert not failures, f"{len(failures)} axe-core violations:\n" + "\n".join(failures)
