"""``make serve`` runs ``mkdocs serve --dirty``: a rebuild converts and writes only the generated
pages whose Markdown changed, and the hand-written pages that changed or whose blocks show
something else. The pages that depend on an edited
record (its comparison, the data-item index, the home page's counts) are never left stale, and
the preview's search index still holds every page."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, set_languages, set_plugin_options
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from privacy_pages.mkdocs_plugin.plugin import PrivacyPagesPlugin
from privacy_pages.mkdocs_plugin.rebuilds import _drawn_from_others
from privacy_pages.mkdocs_plugin.speedups.search_view import SearchEntries
from serve import fetch, fetch_until, mkdocs_serve

PAGES = {
    "home": "index.html",
    "about": "about/index.html",
    "ios": "privacy/widget-ios/index.html",
    "android": "privacy/widget-android/index.html",
    "index": "privacy/data-items/index.html",
    "comparison": "privacy/compare/all-products/index.html",
}


class DirtyServe:
    """What ``mkdocs serve --dirty`` does, in this process: startup once, then each build with
    a freshly loaded configuration (the plugin object carries over), never cleaning the site."""

    def __init__(self, site: Path, out: Path) -> None:
        self.site, self.out = site, out
        # A hand-written page that draws on nothing else (the home page has a block).
        (site / "docs" / "about.md").write_text("# About\n\nWidgets, and their privacy.\n")
        self.config = self._load()
        self.config.plugins.on_startup(command="serve", dirty=True)

    def _load(self) -> MkDocsConfig:
        return load_config(str(self.site / "mkdocs.yml"), site_dir=str(self.out))

    def build(self) -> dict[str, int]:
        """Build; return the modification time of each page of :data:`PAGES` afterwards."""
        self.config = self._load()
        build(self.config, dirty=True)
        return {name: (self.out / path).stat().st_mtime_ns for name, path in PAGES.items()}

    @property
    def plugin(self) -> PrivacyPagesPlugin:
        plugin = self.config.plugins["privacy-pages"]
        assert isinstance(plugin, PrivacyPagesPlugin)
        return plugin

    def close(self) -> None:
        """End the session as the end of ``mkdocs serve``'s process would: MkDocs keeps the
        plugin objects of a session for the next configuration loaded in this process, and
        Material's search would merge the last index it kept into the next build's."""
        self.config.plugins.on_shutdown()
        for plugin in self.config.plugins.values():
            if getattr(plugin, "search_index_prev", None) is not None:
                plugin.search_index_prev = None

    def search_locations(self) -> set[str]:
        index = json.loads((self.out / "search" / "search_index.json").read_text("utf-8"))
        return {entry["location"].split("#")[0] for entry in index["docs"]}


@pytest.fixture
def served(site_copy: Callable[[str], Path], tmp_path: Path) -> Iterator[DirtyServe]:
    session = DirtyServe(site_copy("small"), tmp_path / "out")
    yield session
    session.close()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_rebuild_with_nothing_changed_rewrites_no_page(served: DirtyServe) -> None:
    first = served.build()
    search = served.search_locations()
    again = served.build()
    assert served.plugin.serve.rebuilds is not None and served.plugin.serve.rebuilds.skipped > 0
    # The home page's blocks (counts, product list) show what they showed: not rewritten.
    assert {name for name in PAGES if first[name] != again[name]} == set()
    assert served.search_locations() == search  # the pages not rebuilt are still searched
    # A hand-written page that changed is rebuilt.
    (served.site / "docs" / "about.md").write_text("# About\n\nGadgets, and their privacy.\n")
    third = served.build()
    assert {name for name in PAGES if again[name] != third[name]} == {"about"}
    assert "Gadgets" in (served.out / PAGES["about"]).read_text("utf-8")
    # A page with blocks that changed is rebuilt too.
    home = served.site / "docs" / "index.md"
    home.write_text(home.read_text("utf-8") + "\nMore words.\n", "utf-8")
    fourth = served.build()
    assert {name for name in PAGES if third[name] != fourth[name]} == {"home"}


def test_an_edit_rebuilds_its_page_and_every_page_that_shows_it(served: DirtyServe) -> None:
    first = served.build()
    home = (served.out / PAGES["home"]).read_text("utf-8")
    product = served.site / "content" / "products" / "widget-ios.yml"
    edit(product, "only when the device is joined", "only when the phone is enrolled")
    edit(product, "        - id: memory-usage\n          name: Memory usage data\n", "")
    second = served.build()
    changed = {name for name in PAGES if first[name] != second[name]}
    assert changed == set(PAGES) - {"android", "about"}
    assert (served.out / PAGES["home"]).read_text("utf-8") != home  # its counts: one item less
    for name in ("ios", "comparison", "index"):
        shown = (served.out / PAGES[name]).read_text("utf-8")
        assert "only when the phone is enrolled" in shown, name
        assert "only when the device is joined" not in shown, name
    search = json.loads((served.out / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(entry["text"] for entry in search["docs"])
    assert "only when the phone is enrolled" in text and "device is joined" not in text
    assert "privacy/widget-android/" in served.search_locations()


def test_renaming_a_product_in_the_nav_rebuilds_every_page(served: DirtyServe) -> None:
    first = served.build()
    edit(
        served.site / "content" / "products" / "widget-ios.yml",
        "name: Widget for",
        "name: Gizmo for",
    )
    second = served.build()
    assert all(first[name] != second[name] for name in PAGES)
    nav = (served.out / PAGES["about"]).read_text("utf-8")
    assert "Gizmo for iOS" in nav


def test_renaming_a_product_kept_out_of_the_nav_rebuilds_the_pages_that_show_it(
    served: DirtyServe,
) -> None:
    edit(
        served.site / "mkdocs.yml",
        "  - privacy-pages:\n",
        "  - privacy-pages:\n      nav_products: false\n",
    )
    first = served.build()
    assert "Widget for iOS" not in (served.out / PAGES["about"]).read_text("utf-8")
    edit(served.site / "content" / "products" / "widget-ios.yml", "Widget for iOS", "Gizmo")
    second = served.build()
    changed = {name for name in PAGES if first[name] != second[name]}
    assert changed == set(PAGES) - {"android", "about"}  # the home page lists the products
    for name in ("ios", "comparison", "index", "home"):
        assert "Gizmo" in (served.out / PAGES[name]).read_text("utf-8"), name


def test_a_title_suffix_rebuilds_only_the_page_it_titles(served: DirtyServe) -> None:
    """A product's page is titled by its metadata title, titleSuffix and name in the browser's
    tab; the nav names the product: the other pages are not rebuilt."""
    edit(
        served.site / "mkdocs.yml",
        "      metadata:\n",
        "      metadata:\n        allow: [titleSuffix]\n",
    )
    product = served.site / "content" / "products" / "widget-ios.yml"
    edit(product, "  description: What", "  titleSuffix: Widgets\n  description: What")
    first = served.build()
    edit(product, "titleSuffix: Widgets", "titleSuffix: Gadgets")
    second = served.build()
    assert {name for name in PAGES if first[name] != second[name]} == {"ios"}
    assert "<title>Privacy information - Widget for iOS \u2013 Gadgets" in (
        served.out / PAGES["ios"]
    ).read_text("utf-8")
    assert "Gadgets" not in (served.out / PAGES["about"]).read_text("utf-8")  # its nav


def test_a_page_the_site_nav_lists_is_renamed_in_every_page_nav(served: DirtyServe) -> None:
    """``nav_products: false`` keeps products out of the folders' nav, but a site's own nav
    may list one, under the product's name."""
    config = served.site / "mkdocs.yml"
    edit(config, "  - privacy-pages:\n", "  - privacy-pages:\n      nav_products: false\n")
    config.write_text(
        config.read_text("utf-8") + "nav:\n  - index.md\n  - about.md\n  - privacy/widget-ios.md\n",
        "utf-8",
    )
    first = served.build()
    assert "Widget for iOS" in (served.out / PAGES["about"]).read_text("utf-8")
    product = served.site / "content" / "products" / "widget-ios.yml"
    edit(product, "name: Widget for", "name: Gizmo for")
    second = served.build()
    assert first["about"] != second["about"]
    assert "Gizmo for iOS" in (served.out / PAGES["about"]).read_text("utf-8")


def nav_titles(page: Path) -> list[str]:
    """The title of every entry of a page's primary nav (sections and pages), in order."""
    text = page.read_text("utf-8")
    nav = text.split('class="md-nav md-nav--primary"', 1)[1].split('class="md-content"', 1)[0]
    return [title.strip() for title in re.findall(r'<span class="md-ellipsis">([^<]*)', nav)]


@pytest.mark.parametrize("listed", [False, True], ids=["folders' nav", "site's nav"])
def test_after_an_edit_the_nav_keeps_every_title(served: DirtyServe, listed: bool) -> None:
    """``make serve``: an edit rebuilds its page, whose nav shows the pages the rebuild skipped.
    MkDocs titles a page from its text, which it does not read for a page it skips: each keeps
    the title it had (a nav entry without a title of its own showed "None")."""
    (served.site / "docs" / "guide.md").write_text("# Writer's guide\n\nHow to write.\n")
    if listed:
        config = served.site / "mkdocs.yml"
        nav = "nav:\n  - index.md\n  - about.md\n  - guide.md\n  - Privacy statements: []\n"
        config.write_text(config.read_text("utf-8") + nav, "utf-8")
    served.build()
    before = nav_titles(served.out / PAGES["about"])
    assert "None" not in before and "Writer's guide" in before
    (served.site / "docs" / "about.md").write_text("# About\n\nGadgets, and their privacy.\n")
    served.build()
    assert served.plugin.serve is not None and served.plugin.serve.rebuilds is not None
    assert served.plugin.serve.rebuilds.skipped > 0  # the generated pages were skipped
    assert "Gadgets" in (served.out / PAGES["about"]).read_text("utf-8")  # rebuilt
    assert nav_titles(served.out / PAGES["about"]) == before


def test_the_page_of_a_removed_product_is_no_longer_served(served: DirtyServe) -> None:
    served.build()
    assert (served.out / PAGES["android"]).is_file()
    (served.site / "content" / "products" / "widget-android.yml").unlink()
    served.config = served._load()
    build(served.config, dirty=True)
    assert not (served.out / PAGES["android"]).exists()
    assert (served.out / PAGES["ios"]).is_file()
    assert "widget-android" not in (served.out / PAGES["comparison"]).read_text("utf-8")


def test_a_change_to_the_configuration_rebuilds_every_page(served: DirtyServe) -> None:
    first = served.build()
    config = served.site / "mkdocs.yml"
    edit(config, "site_name: Widget privacy", "site_name: Widget privacy pages")
    second = served.build()
    assert all(first[name] != second[name] for name in PAGES)
    assert "Widget privacy pages" in (served.out / PAGES["android"]).read_text("utf-8")


def test_make_serve_runs_dirty_rebuilds() -> None:
    makefile = (REPO / "Makefile").read_text("utf-8")
    assert "mkdocs serve --dirty" in makefile


def test_under_a_real_dirty_serve_an_edit_shows_on_its_page_and_the_pages_that_show_it(
    site_copy: Callable[[str], Path],
) -> None:
    site = site_copy("small")
    with mkdocs_serve(site, dirty=True) as url:
        assert "Widget for iOS" in fetch(url + "privacy/widget-ios/")
        product = site / "content" / "products" / "widget-ios.yml"
        edit(product, "name: Widget for iOS", "name: Gadget for iOS")
        page = fetch_until(url + "privacy/widget-ios/", "Gadget for iOS")
        assert "Gadget for iOS" in page
        assert "Gadget for iOS" in fetch(url + "privacy/compare/all-products/")
        assert "Gadget for iOS" in fetch(url)


def test_with_mkdocs_own_search_every_page_is_rebuilt(served: DirtyServe) -> None:
    """MkDocs' own search plugin cannot keep the entries of pages not rebuilt: with it, a
    rebuild skips nothing, so the preview's search still finds every page."""
    config = served.site / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("name: material", "name: mkdocs", 1), "utf-8")
    served.build()
    served.build()
    assert "material" not in type(served.config.plugins["search"]).__module__
    assert served.plugin.serve.rebuilds is not None and served.plugin.serve.rebuilds.skipped == 0


@pytest.mark.parametrize(
    "include",
    [
        "[!include [Part](part.md)]",
        "[!INCLUDE [Part](part.md)]",
        '-8<- "part.md"',
        "--8<-- 'part.md'",
    ],
)
def test_a_page_with_blocks_and_an_include_is_always_rebuilt(tmp_path: Path, include: str) -> None:
    """What an include shows can change without the page or its blocks changing."""
    page = tmp_path / "index.md"
    page.write_text(f"# Home\n\n<!-- privacy-pages: products -->\n\n{include}\n", "utf-8")
    file = File("index.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)
    assert _drawn_from_others(file, lambda file, text: text) is None
    page.write_text("# Home\n\n<!-- privacy-pages: products -->\n", "utf-8")
    assert _drawn_from_others(file, lambda file, text: "filled") == "filled"


def test_search_reuses_the_entries_of_a_page_whose_searched_text_did_not_change(
    served: DirtyServe, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The conditions in the data-item index are in cells search skips: an edit to one is a new
    page for the reader, but the same text for search, which keeps the page's entries; the
    index then holds what a build from scratch holds."""
    served.build()
    parsed: list[str] = []
    keep = SearchEntries.keep

    def counted(self: SearchEntries, key: Any, value: Any) -> None:
        parsed.append(key[0])
        keep(self, key, value)

    monkeypatch.setattr(SearchEntries, "keep", counted)
    product = served.site / "content" / "products" / "widget-ios.yml"
    edit(product, "only when the device is joined", "only when the phone is enrolled")
    first, second = served.build(), served.build()
    assert first == second  # (the second rebuild rewrote nothing)
    assert "privacy/widget-ios/" in parsed  # its text changed
    assert "only when the phone is enrolled" in (served.out / PAGES["index"]).read_text("utf-8")
    assert "privacy/data-items/" not in parsed
    dirty = json.loads((served.out / "search" / "search_index.json").read_text("utf-8"))
    build(load_config(str(served.site / "mkdocs.yml"), site_dir=str(served.out.parent / "fresh")))
    fresh = json.loads((served.out.parent / "fresh" / "search" / "search_index.json").read_text())

    def entries(index: dict[str, Any]) -> list[str]:
        return sorted(json.dumps(entry, sort_keys=True) for entry in index["docs"])

    assert entries(dirty) == entries(fresh)


@pytest.fixture
def served_in_languages(
    site_copy: Callable[[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[DirtyServe]:
    """The small site in English, French and German through mkdocs-static-i18n, served as
    ``make serve`` does: each rebuild builds English, then i18n builds French and German in its
    ``on_post_build`` (dirty, as its command line says). The products are out of the nav, so
    that renaming one rebuilds only the pages that show it (the home page among them)."""
    site = site_copy("small")
    set_languages(site, ["en", "fr", "de"])
    set_plugin_options(site, {"nav_products": False})
    monkeypatch.setattr(sys, "argv", ["mkdocs", "serve", "--dirty"])  # what i18n reads
    session = DirtyServe(site, tmp_path / "out")
    yield session
    session.close()


#: The folder of each language's pages.
FOLDERS = {"en": "", "fr": "fr/", "de": "de/"}


def test_with_languages_an_edit_shows_in_every_language_and_the_rest_is_kept(
    served_in_languages: DirtyServe, tmp_path: Path
) -> None:
    """Each language keeps its own pages between rebuilds: an edit rebuilds, in every
    language, the pages that show it (the French ones show the English text as not yet
    translated) and no other; the home page, whose block lists the products, follows a
    renamed product in every language; the search index holds what a first build holds."""
    served = served_in_languages
    served.build()
    out = served.out

    def written() -> dict[str, int]:
        return {
            f"{language}:{name}": (out / folder / PAGES[name]).stat().st_mtime_ns
            for language, folder in FOLDERS.items()
            for name in ("home", "ios", "android", "index", "comparison")
        }

    before = written()
    product = served.site / "content" / "products" / "widget-ios.yml"
    edit(product, "only when the device is joined", "only when the phone is enrolled")
    served.build()
    after = written()
    for language, folder in FOLDERS.items():
        for name in ("ios", "comparison", "index"):
            shown = (out / folder / PAGES[name]).read_text("utf-8")
            assert "only when the phone is enrolled" in shown, (language, name)
            assert "only when the device is joined" not in shown, (language, name)
        assert before[f"{language}:android"] == after[f"{language}:android"], language
        assert before[f"{language}:home"] == after[f"{language}:home"], language
    session = served.plugin.session
    assert session is not None and set(session.languages) == set(FOLDERS)
    for state in session.languages.values():
        assert state.rebuilds is not None and state.rebuilds.skipped > 0
    edit(product, "name: Widget for iOS", "name: Gizmo for iOS")
    served.build()
    for language, folder in FOLDERS.items():
        for name in ("home", "ios", "comparison"):
            shown = (out / folder / PAGES[name]).read_text("utf-8")
            assert "Gizmo for iOS" in shown, (language, name)
    dirty = served.search_locations(), search_entries(out)
    served.close()
    fresh = DirtyServe(served.site, tmp_path / "fresh")  # a new session: a first build
    fresh.build()
    fresh.close()
    assert dirty == (fresh.search_locations(), search_entries(fresh.out))
    assert any(location.startswith("fr/privacy/widget-ios/") for location in dirty[0])


def search_entries(out: Path) -> list[str]:
    """The entries of a built site's search index, each once in a sorted list."""
    index = json.loads((out / "search" / "search_index.json").read_text("utf-8"))
    return sorted(json.dumps(entry, sort_keys=True) for entry in index["docs"])
