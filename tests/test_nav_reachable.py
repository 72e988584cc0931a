"""Reachable pages: on a site whose nav is listed (``nav:`` in mkdocs.yml, mkdocs-literate-nav's
SUMMARY.md, mkdocs-awesome-nav's ``.nav.yml``), the one line the docs give lists every
product page, the comparisons, the data-item index and "What changed", under the products'
names; a nav that leaves them out fails a strict build with a warning that names them and the
line to add, unless the site opts out (``nav_check: false``)."""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, REPO, SiteResult, run_mkdocs
from privacy_pages.cli import main

#: The product pages, by the name each must have in the nav (their metadata titles are
#: "Privacy information - <name>").
PRODUCTS = {
    "privacy/widget-android/": "Widget for Android",
    "privacy/widget-ios/": "Widget for iOS",
    "privacy/widget-web/": "Widget on the web",
}
#: The other pages the nav lists.
OTHERS = {
    "privacy/compare/all-products/": "All products compared",
    "privacy/data-items/": "Data item index",
    "privacy/changes/": "What changed",
}
#: An earlier version of a statement: linked from its product's page, never in the nav.
RELEASE = "privacy/widget-ios/releases/1.0.0/"

#: The one line of each way to list a nav (site-src/configuration/nav.md), and where it goes.
WAYS = {
    "mkdocs.yml": {"nav": ["index.md", "about.md", {"Privacy statements": []}]},
    "literate-nav": "* [Home](index.md)\n* [About](about.md)\n* [Privacy statements](privacy/)\n",
    "awesome-nav": "nav:\n  - index.md\n  - about.md\n  - Privacy statements: privacy\n",
}
#: The same navs without the line.
LEFT_OUT = {
    "literate-nav": "* [Home](index.md)\n* [About](about.md)\n",
    "awesome-nav": "nav:\n  - index.md\n  - about.md\n",
}


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site with two releases recorded: "What changed" and earlier versions of a statement."""
    site = tmp_path_factory.mktemp("nav") / "site"
    shutil.copytree(FIXTURES / "history-v1", site)
    (site / "docs" / "about.md").write_text("# About\n\nWidgets.\n", "utf-8")
    args = ["snapshot", "--config", str(site / "mkdocs.yml")]
    assert main([*args, "--version", "1.0.0", "--date", "2026-10-01"]) == 0
    record = site / "content" / "products" / "widget-ios.yml"
    text = record.read_text("utf-8")
    assert "a **local** VPN" in text
    record.write_text(text.replace("a **local** VPN", "an on-device VPN"), "utf-8")
    assert main([*args, "--version", "1.1.0", "--date", "2026-11-01"]) == 0
    return site


def with_nav(site: Path, way: str, nav: object, **options: object) -> Path:
    """A copy of ``site`` whose nav is made ``way``, from ``nav``; returns its mkdocs.yml."""
    copy = site.parent / f"{way}-{len(list(site.parent.iterdir()))}"
    shutil.copytree(site, copy)
    config_file = copy / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    plugins = config["plugins"]
    for plugin in plugins:
        if isinstance(plugin, dict) and "privacy-pages" in plugin:
            plugin["privacy-pages"].update(options)
    if way == "mkdocs.yml":
        assert isinstance(nav, dict)
        config.update(nav)
    elif way == "literate-nav":
        plugins.append("literate-nav")
        (copy / "docs" / "SUMMARY.md").write_text(str(nav), "utf-8")
    else:
        plugins.append("awesome-nav")
        (copy / "docs" / ".nav.yml").write_text(str(nav), "utf-8")
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return config_file


def nav_entries(result: SiteResult, page: str = "about.md") -> dict[str, str]:
    """The pages a page's primary nav links, by URL from the site's root: their titles."""
    html = result.html(page)
    nav = html.split('class="md-nav md-nav--primary"', 1)[1].split('class="md-content"', 1)[0]
    found = re.findall(
        r'<a href="([^"#]*)" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">'
        r"\s*([^<]*?)\s*</span>",
        nav,
    )
    base = posixpath.dirname(page.removesuffix(".md") + "/")
    return {_from_root(base, href): title for href, title in found}


def _from_root(base: str, href: str) -> str:
    path = posixpath.normpath(posixpath.join(base, href))
    return "" if path == "." else path + "/"


def left_out_warnings(result: SiteResult) -> list[str]:
    return [message for message in result.warnings() if "leaves out" in message]


#: The docs page that gives the one line of each way.
NAV_DOCS = REPO / "site-src" / "configuration" / "nav.md"
#: The one line of each way, as the docs page writes it.
LINES = {
    "mkdocs.yml": "- Privacy statements: []",
    "literate-nav": "* [Privacy statements](privacy/)",
    "awesome-nav": "- Privacy statements: privacy",
}


@pytest.mark.parametrize("way", list(WAYS))
def test_the_line_tested_is_the_line_the_docs_give(way: str) -> None:
    docs = NAV_DOCS.read_text("utf-8")
    assert re.search(rf"^(?=\S).*\b{re.escape(way)}\b.*  {re.escape(LINES[way])}$", docs, re.M), (
        f"{NAV_DOCS.name} gives no line for {way}: {LINES[way]!r}"
    )
    nav = WAYS[way] if isinstance(WAYS[way], str) else yaml.safe_dump(WAYS[way])
    written = yaml.safe_dump(yaml.safe_load(LINES[way])) if way == "mkdocs.yml" else LINES[way]
    assert written.strip() in nav, (way, nav)


@pytest.mark.parametrize("way", list(WAYS))
def test_the_one_line_lists_every_page_by_the_products_names(released: Path, way: str) -> None:
    result = run_mkdocs(with_nav(released, way, WAYS[way]))
    assert result.ok, result.messages
    entries = nav_entries(result)
    assert {url: entries.get(url) for url in {**PRODUCTS, **OTHERS}} == {**PRODUCTS, **OTHERS}
    # In the plugin's order, whoever made the nav.
    assert [url for url in entries if url in {**PRODUCTS, **OTHERS}] == [*PRODUCTS, *OTHERS]
    assert RELEASE not in entries  # linked from its product's page
    assert (result.site_dir / RELEASE / "index.html").is_file()
    # The browser's tab still shows the record's title.
    assert "<title>Privacy information - Widget for iOS" in result.html("privacy/widget-ios.md")
    # The nav file the plugin gives a nav plugin is no page of the site.
    assert not list(result.site_dir.glob("privacy/SUMMARY*")), way
    assert not list(result.site_dir.glob("privacy/.nav.yml")), way


def test_a_nav_in_mkdocs_yml_without_the_section_gets_it_at_its_end(released: Path) -> None:
    result = run_mkdocs(with_nav(released, "mkdocs.yml", {"nav": ["index.md", "about.md"]}))
    assert result.ok, result.messages
    entries = nav_entries(result)
    assert list(entries)[:2] == ["", "about/"]
    assert {url: entries.get(url) for url in {**PRODUCTS, **OTHERS}} == {**PRODUCTS, **OTHERS}


def test_a_page_the_site_lists_itself_stays_there_and_only_there(released: Path) -> None:
    """Under the site's title, or the product's name when the site gives none (MkDocs would
    title it by its record's metadata title)."""
    listed = ["index.md", {"Releases": "privacy/changes.md"}, "privacy/widget-ios.md"]
    nav = {"nav": [*listed, {"Privacy statements": []}]}
    result = run_mkdocs(with_nav(released, "mkdocs.yml", nav))
    assert result.ok, result.messages
    nav_html = result.html("about.md").split('class="md-content"', 1)[0]
    assert nav_html.count('href="../privacy/changes/"') == 1
    assert nav_html.count('href="../privacy/widget-ios/"') == 1
    entries = nav_entries(result)
    assert entries["privacy/changes/"] == "Releases"
    assert entries["privacy/widget-ios/"] == "Widget for iOS"
    assert list(entries)[:3] == ["", "privacy/changes/", "privacy/widget-ios/"]


@pytest.mark.parametrize("way", ["literate-nav", "awesome-nav"])
def test_a_name_is_shown_as_text(released: Path, way: str) -> None:
    """Names come from content: markup in one is shown, never read (Material prints nav
    titles as HTML; literate-nav would read Markdown)."""
    config = with_nav(released, way, WAYS[way])
    record = config.parent / "content" / "products" / "widget-web.yml"
    text = record.read_text("utf-8")
    record.write_text(text.replace("name: Widget on the web", "name: Widget <em>*web*</em> & co"))
    result = run_mkdocs(config)
    assert result.ok, result.messages
    assert (
        nav_entries(result)["privacy/widget-web/"] == "Widget &lt;em&gt;*web*&lt;/em&gt; &amp; co"
    )


def test_the_folders_nav_names_the_products(released: Path) -> None:
    """No nav listed: MkDocs makes it from the folders, under the products' names too."""
    result = run_mkdocs(released / "mkdocs.yml")
    assert result.ok, result.messages
    entries = nav_entries(result)
    assert {url: entries.get(url) for url in PRODUCTS} == PRODUCTS
    assert not left_out_warnings(result)


@pytest.mark.parametrize(
    ("way", "line"),
    [
        ("literate-nav", "'* [Privacy statements](privacy/)' to the nav file SUMMARY.md"),
        ("awesome-nav", "'- Privacy statements: privacy' to the nav: of .nav.yml"),
    ],
)
def test_a_nav_that_leaves_the_pages_out_fails_a_strict_build(
    released: Path, way: str, line: str
) -> None:
    result = run_mkdocs(with_nav(released, way, LEFT_OUT[way]))
    assert not result.ok
    [warning] = left_out_warnings(result)
    assert "leaves out 6 generated page(s)" in warning, warning
    assert "privacy/changes.md" in warning and "privacy/widget-ios.md" in warning, warning
    assert "and 1 more" in warning, warning
    assert line in warning, warning
    assert "nav_check: false" in warning


def test_a_site_that_links_the_pages_itself_opts_out(released: Path) -> None:
    config = with_nav(released, "literate-nav", LEFT_OUT["literate-nav"], nav_check=False)
    result = run_mkdocs(config)
    assert result.ok, result.messages
    assert not left_out_warnings(result)
