"""A compatibility suite of real shapes: the plugin added, as the docs say, to sites shaped
like those site owners run, checked as their owners would check them in Chromium.

Four shapes (written for this suite), each built once with the plugin and once without:

* ``themed``: many plugins (Material's meta, macros, redirects, awesome-nav with a
  ``.nav.yml``) and a theme override whose ``main.html`` replaces Material's ``scripts``
  block without ``{{ super() }}``;
* ``content-docs``: a site whose own docs folder is ``content/``, its records in a folder
  of their own, its nav listed with literate-nav;
* ``i18n`` and ``i18n-folder``: mkdocs-static-i18n (English and French, in its ``suffix`` and
  ``folder`` structures) with Material's language selector, its nav listed in ``mkdocs.yml``.

With the plugin, each site records a release first ("What changed", its feed, a version of
each statement). Each checks that the hand-written pages look the same with and without the
plugin (on screens 1280 and 390 px wide, and in print) and do not announce the feed, that the nav lists every
product under its name and "What changed", and that the tables filter as a reader types; on
the i18n sites, that the language selector of every generated page leads to the same page in
the other language; and a bare ``- privacy-pages`` on the content-docs site stops the build
with a message naming the folder and the option.
"""

from __future__ import annotations

import functools
import importlib.util
import shutil
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from browser import Visit, serve
from conftest import FIXTURES, SiteResult, run_mkdocs
from page_looks import assert_same_look, computed_styles, handwritten_page, table_filters
from privacy_pages.cli import main

#: The small fixture's records, and the options they are built with.
RECORDS = FIXTURES / "small" / "content"
OPTIONS: dict[str, Any] = next(
    entry["privacy-pages"]
    for entry in yaml.safe_load((FIXTURES / "small" / "mkdocs.yml").read_text("utf-8"))["plugins"]
    if isinstance(entry, dict)
)

#: The release each site records before it is built with the plugin.
RELEASE = ["--version", "1.0.0", "--date", "2026-10-01"]

#: A hand-written page as sites write them: links in running text, lists, tables, quotes and
#: admonitions, headings at two levels.
NOTES = handwritten_page("about.md", "Details")
ABOUT = "# About\n\nWho we are.\n"

#: A theme override as real sites write them: Material's ``scripts`` block replaced without
#: ``{{ super() }}`` (Material's bundle and the site's extra_javascript are gone).
SCRIPTS_REPLACED = """{% extends "base.html" %}
{% block scripts %}
  <script>window.siteAnalytics = true;</script>
{% endblock %}
"""


@dataclass
class Shape:
    """A site shape: what it needs installed, and how to write it with or without the plugin."""

    #: The modules of the plugins it runs (a shape whose plugins are missing is skipped).
    needs: tuple[str, ...]
    write: Callable[[Path, bool], None]
    #: The hand-written pages compared, by URL path.
    handwritten: tuple[str, ...] = ("notes/",)
    #: The folders generated pages are in, one per language.
    languages: dict[str, str] = field(default_factory=lambda: {"en": ""})


def _config(root: Path, config: dict[str, Any]) -> None:
    base = {
        "site_name": "Owner's site",
        "copyright": "Copyright &copy; Example owners",
        "theme": {"name": "material", "font": False},
        "markdown_extensions": ["admonition", "tables"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump({**base, **config}, sort_keys=False), "utf-8")


def _pages(docs: Path, pages: dict[str, str]) -> None:
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, "utf-8")


def _themed(root: Path, plugin: bool) -> None:
    """Many plugins and a theme override; the records in ``content/`` (the plugin added bare,
    with the small fixture's options)."""
    _pages(root / "docs", {"index.md": "# Home\n\n{{ 6 * 7 }} widgets.\n", "notes.md": NOTES})
    _pages(root / "docs", {"about.md": ABOUT})
    _pages(root / "overrides", {"main.html": SCRIPTS_REPLACED})
    nav = "nav:\n  - index.md\n  - notes.md\n  - about.md\n"
    plugins: list[Any] = [
        "search",
        "meta",
        "macros",
        {"redirects": {"redirect_maps": {"old-notes.md": "notes.md"}}},
        "awesome-nav",
    ]
    if plugin:
        shutil.copytree(RECORDS, root / "content")
        nav += "  - Privacy statements: privacy\n"  # the docs' line for awesome-nav
        plugins.append({"privacy-pages": OPTIONS})
    _pages(root / "docs", {".nav.yml": nav})
    theme = {"name": "material", "font": False, "custom_dir": "overrides"}
    _config(root, {"theme": theme, "plugins": plugins})


def _content_docs(root: Path, plugin: bool) -> None:
    """A site whose docs folder is ``content/``; the records in ``records/``."""
    _pages(root / "content", {"index.md": "# Home\n\nWelcome.\n", "notes.md": NOTES})
    _pages(root / "content", {"about.md": ABOUT})
    summary = "* [Home](index.md)\n* [Notes](notes.md)\n* [About](about.md)\n"
    plugins: list[Any] = ["search", "literate-nav"]
    if plugin:
        shutil.copytree(RECORDS, root / "records")
        summary += "* [Privacy statements](privacy/)\n"  # the docs' line for literate-nav
        plugins.append({"privacy-pages": {**OPTIONS, "content_dir": "records"}})
    _pages(root / "content", {"SUMMARY.md": summary})
    _config(root, {"docs_dir": "content", "plugins": plugins})


def _i18n(root: Path, plugin: bool, structure: str = "suffix") -> None:
    """mkdocs-static-i18n, English and French, in ``structure``; the nav listed in
    ``mkdocs.yml``."""
    french = NOTES.replace("# Our notes", "# Nos notes")
    if structure == "folder":
        _pages(root / "docs", {"en/index.md": "# Home\n\nWelcome.\n", "fr/index.md": "# Accueil\n"})
        _pages(root / "docs", {"en/notes.md": NOTES, "fr/notes.md": french, "en/about.md": ABOUT})
    else:
        _pages(root / "docs", {"index.md": "# Home\n\nWelcome.\n", "index.fr.md": "# Accueil\n"})
        _pages(root / "docs", {"notes.md": NOTES, "notes.fr.md": french, "about.md": ABOUT})
    languages = [
        {"locale": "en", "default": True, "name": "English"},
        {"locale": "fr", "name": "Français"},
    ]
    nav: list[Any] = ["index.md", "notes.md", "about.md"]
    plugins: list[Any] = ["search", {"i18n": {"docs_structure": structure, "languages": languages}}]
    if plugin:
        shutil.copytree(RECORDS, root / "content")
        nav.append({"Privacy statements": []})  # the docs' line for mkdocs.yml
        plugins.append({"privacy-pages": OPTIONS})
    _config(root, {"nav": nav, "plugins": plugins})


SHAPES = {
    "themed": Shape(
        ("material.plugins.meta", "mkdocs_macros", "mkdocs_redirects", "mkdocs_awesome_nav"),
        _themed,
    ),
    "content-docs": Shape(("mkdocs_literate_nav",), _content_docs),
    "i18n": Shape(
        ("mkdocs_static_i18n",),
        _i18n,
        handwritten=("notes/", "fr/notes/"),
        languages={"en": "", "fr": "fr/"},
    ),
    "i18n-folder": Shape(
        ("mkdocs_static_i18n",),
        functools.partial(_i18n, structure="folder"),
        handwritten=("notes/", "fr/notes/"),
        languages={"en": "", "fr": "fr/"},
    ),
}


def _missing(shape: Shape) -> list[str]:
    return [name for name in shape.needs if importlib.util.find_spec(name) is None]


@dataclass
class Built:
    """A shape built with the plugin and without it."""

    shape: Shape
    with_plugin: SiteResult
    without: SiteResult


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    """Every shape whose plugins are installed, each built once with and once without."""
    sites = {}
    for name, shape in SHAPES.items():
        if _missing(shape):
            continue
        results = []
        for plugin in (True, False):
            root = tmp_path_factory.mktemp(f"{name}-{'with' if plugin else 'without'}")
            shape.write(root, plugin)
            if plugin:  # a release recorded: "What changed", its feed, a version of each page
                assert main(["snapshot", "--config", str(root / "mkdocs.yml"), *RELEASE]) == 0
            result = run_mkdocs(root / "mkdocs.yml")
            assert result.ok, f"{name}: {result.messages}"
            results.append(result)
        sites[name] = Built(shape, *results)
    return sites


def _shape(built: dict[str, Built], name: str) -> Built:
    missing = _missing(SHAPES[name])
    if missing:
        pytest.skip(f"the {name} site needs {', '.join(missing)}, which is not installed")
    return built[name]


@pytest.fixture
def serving() -> Iterator[Callable[[SiteResult], str]]:
    """``serving(result)``: the base URL of a built site, served until the test ends."""
    with ExitStack() as servers:
        yield lambda result: servers.enter_context(serve(result.site_dir))


def generated_pages(result: SiteResult, folder: str = "") -> list[str]:
    """The URL paths of the generated pages of a language (its folder): every page under the
    pages' folder, which holds one for each record (not the addresses that lead elsewhere)."""
    root = result.site_dir / folder / "privacy"
    found = sorted(
        folder + p.parent.relative_to(root.parent).as_posix() + "/"
        for p in root.rglob("index.html")
        if 'http-equiv="refresh"' not in p.read_text("utf-8")
    )
    for record in (RECORDS / "products").glob("*.yml"):
        assert f"{folder}privacy/{record.stem}/" in found, f"no page for {record.name}"
    return found


#: How a reader sees a page: on a wide and a phone-sized screen, and printed.
VIEWS = {"screen-1280": ("screen", 1280), "screen-390": ("screen", 390), "print": ("print", 1280)}


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("name", list(SHAPES))
def test_hand_written_pages_look_the_same_with_the_plugin(
    name: str,
    view: str,
    built: dict[str, Built],
    open_page: Callable[..., Visit],
    serving: Callable[[SiteResult], str],
) -> None:
    site = _shape(built, name)
    media, width = VIEWS[view]
    ours, theirs = serving(site.with_plugin), serving(site.without)
    for page in site.shape.handwritten:
        seen = []
        for base in (ours, theirs):
            visit = open_page(base + page, viewport={"width": width, "height": 800})
            seen.append(computed_styles(visit, media))
            assert visit.problems == []
        assert_same_look(*seen)


def _names() -> dict[str, str]:
    """Each product page's URL path, and the product's name (from its record)."""
    return {
        f"privacy/{record.stem}/": yaml.safe_load(record.read_text("utf-8"))["name"]
        for record in (RECORDS / "products").glob("*.yml")
    }


_NAV = """links => links.map(a => [new URL(a.href).pathname, a.textContent.trim()])"""


@pytest.mark.parametrize("name", list(SHAPES))
def test_the_nav_lists_every_product_by_its_name(
    name: str,
    built: dict[str, Built],
    open_page: Callable[..., Visit],
    serving: Callable[[SiteResult], str],
) -> None:
    site = _shape(built, name)
    base = serving(site.with_plugin)
    root = urlsplit(base).path
    for language, folder in site.shape.languages.items():
        visit = open_page(base + folder + "about/")
        entries = dict(visit.page.eval_on_selector_all(".md-nav--primary a.md-nav__link", _NAV))
        listed = {path: entries.get(root + folder + path) for path in _names()}
        assert listed == _names(), f"{language}: {entries}"
        assert root + folder + "privacy/changes/" in entries, f"{language}: no What changed"


@pytest.mark.parametrize("name", list(SHAPES))
def test_the_tables_filter_as_a_reader_types(
    name: str,
    built: dict[str, Built],
    open_page: Callable[..., Visit],
    serving: Callable[[SiteResult], str],
) -> None:
    site = _shape(built, name)
    base = serving(site.with_plugin)
    for folder in site.shape.languages.values():
        tables = [p for p in generated_pages(site.with_plugin, folder) if "privacy/compare/" in p]
        tables.append(f"{folder}privacy/data-items/")
        for page in tables:
            visit = open_page(base + page)
            table_filters(visit)
            assert visit.problems == [], page


_SELECTOR = """links => links.map(a => [a.hreflang, new URL(a.href).pathname])"""


@pytest.mark.parametrize("name", ["i18n", "i18n-folder"])
def test_the_language_selector_of_every_generated_page_leads_to_the_same_page(
    name: str,
    built: dict[str, Built],
    open_page: Callable[..., Visit],
    serving: Callable[[SiteResult], str],
) -> None:
    site = _shape(built, name)
    base = serving(site.with_plugin)
    root = urlsplit(base).path
    languages = site.shape.languages
    default, *others = languages
    for path in generated_pages(site.with_plugin):
        same = {lang: root + folder + path for lang, folder in languages.items()}
        for language, folder in languages.items():
            visit = open_page(base + folder + path)
            page = visit.page
            links = dict(page.eval_on_selector_all(".md-select__link", _SELECTOR))
            assert links == same, f"{folder}{path}"
            if language == default:  # a reader picks another language (the list opens on hover)
                page.hover(".md-header__option .md-select")
                page.click(f'.md-select__link[hreflang="{others[0]}"]')
                page.wait_for_url(base.rstrip("/") + same[others[0]])
                assert page.eval_on_selector("html", "e => e.lang") == others[0]
            assert visit.problems == [], f"{folder}{path}"


@pytest.mark.parametrize("name", list(SHAPES))
def test_only_generated_pages_announce_the_feed(name: str, built: dict[str, Built]) -> None:
    site = _shape(built, name).with_plugin
    feed = 'type="application/atom+xml"'
    for folder in SHAPES[name].languages.values():
        for page in generated_pages(site, folder):
            assert feed in site.html(page + "index.html"), page
        for page in SHAPES[name].handwritten:
            assert feed not in site.html(page + "index.html"), page


def test_the_themed_sites_plugins_and_override_keep_working(built: dict[str, Built]) -> None:
    """With the plugin as without it: macros fills the home page, the redirect is written, and
    the override's ``scripts`` block is on every generated page too."""
    site = _shape(built, "themed")
    for result in (site.with_plugin, site.without):
        assert "42 widgets" in result.html("index.md")
        assert "notes/" in result.html("old-notes/index.html")
    for page in generated_pages(site.with_plugin):
        assert "window.siteAnalytics = true" in site.with_plugin.html(page + "index.html")


def test_a_bare_plugin_on_a_docs_folder_called_content_stops_the_build(tmp_path: Path) -> None:
    """The content-docs site with ``- privacy-pages`` added bare: its docs folder would be read
    as the records' folder."""
    _content_docs(tmp_path, plugin=False)
    config_file = tmp_path / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    config["plugins"] = [p for p in config["plugins"] if p != "literate-nav"] + ["privacy-pages"]
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    result = run_mkdocs(config_file)
    assert not result.ok, "the build went on"
    said = result.messages + str(result.error or "")
    assert str((tmp_path / "content").resolve()) in said, said
    assert "content_dir" in said and "docs folder" in said, said
