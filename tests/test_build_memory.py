"""What keeps a build's peak memory low, checked without measuring memory (the benchmark does):

* each product's located record is checked as soon as it is loaded, then let go;
* the pages' templates leave no reference cycles behind for the paused collector;
* a build converts the widest pages first, puts the files back in their order for the rest of
  the build, and lets a generated page's text go once MkDocs has read it.
"""

from __future__ import annotations

import gc
import json
import re
import sys
from pathlib import Path
from typing import Any

from conftest import REPO, copy_example_site, set_languages
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from privacy_pages.load.content import LINK_ORDER, load_content
from privacy_pages.load.schema import RECORD_KINDS
from privacy_pages.load.yaml_source import LocatedMapping, LocatedSequence
from privacy_pages.mkdocs_plugin.speedups.html_blocks import ascii_blocks
from privacy_pages.pipeline import build_site, collector_paused
from privacy_pages.render.paths import data_item_index_path, is_comparison_page
from privacy_pages.settings import Settings, settings_from_mkdocs

sys.path.insert(0, str(REPO / "benchmarks"))
from synthetic import generate


def _located_alive() -> int:
    return sum(isinstance(o, (LocatedMapping, LocatedSequence)) for o in gc.get_objects())


def _located_in(data: Any) -> int:
    """How many located mappings and lists ``data`` is made of."""
    if isinstance(data, LocatedMapping):
        return 1 + sum(_located_in(value) for value in data.values())
    if isinstance(data, LocatedSequence):
        return 1 + sum(_located_in(value) for value in data)
    return 0


def test_each_product_is_checked_as_it_loads_and_its_record_let_go(tmp_path: Path) -> None:
    """With the collector paused (as in a build), the located records alive while the last
    product is checked are no more than while the first was: each product's is let go."""
    generate(tmp_path / "content", 12)
    alive: list[int] = []
    sizes: list[int] = []

    def checked(dataset: Any, display: str, record: Any, product: Any) -> None:
        assert product is not None and product.source.path == display
        alive.append(_located_alive())
        sizes.append(_located_in(record))

    gc.collect()
    with collector_paused():
        dataset, problems = load_content(tmp_path / "content", each_product=checked)
    assert not problems.errors and len(dataset.products) == len(alive) == 12
    assert set(dataset.loaded) >= {product.source.path for product in dataset.products.values()}
    assert not any(path.startswith("content/products") for path in dataset.records)
    # Kept, they would add up: the twelfth check would see eleven more records.
    assert alive[-1] - alive[0] < min(sizes)


def test_the_pages_templates_leave_no_cycles_for_the_paused_collector(tmp_path: Path) -> None:
    """A build pauses the collector; the modules of the templates a page imports are reference
    cycles (thousands of objects at a dozen products), collected after each page: none are
    left for the collector when the build ends."""
    generate(tmp_path / "content", 12)
    settings = Settings(content_dir=tmp_path / "content")
    gc.collect()
    with collector_paused():
        built = build_site(settings)
        left = gc.collect()
    assert built.ok and len(built.pages) > 12
    assert left < 100, f"{left} objects in cycles left after {len(built.pages)} pages"


class _Order(BasePlugin):  # type: ignore[type-arg, no-untyped-call]
    """Notes the files' order as the plugin left them in on_files, the order pages are
    converted in, and the files' order and the generated pages' text when the build ends."""

    def __init__(self) -> None:
        self.before: list[str] = []
        self.converted: list[str] = []
        self.after: list[str] = []
        self.texts: dict[str, str] = {}
        #: Each page's HTML once it is written.
        self.html: dict[str, str] = {}

    @event_priority(-100)  # after the plugin's
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        # Another plugin's generated page: its text is that plugin's, and stays.
        files.append(File.generated(config, "other/generated.md", content="# Other\n\nText.\n"))
        self.before = [f.src_uri for f in files.documentation_pages()]
        return files

    @event_priority(-100)
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        self.converted.append(page.file.src_uri)
        return html

    @event_priority(-200)  # after the plugin's last handler
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        self.html[page.file.src_uri] = page.content or ""
        return output

    @event_priority(-100)
    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        self.after = [f.src_uri for f in files.documentation_pages()]
        self.texts = {
            f.src_uri: f.content_string for f in files.documentation_pages() if f.generated_by
        }
        return env


#: The sitemap lists the pages only with a site URL.
SITE_URL = "https://example.org/"


def _build(site: Path, command: str) -> tuple[_Order, Path]:
    out = site / "_site"
    config = load_config(str(site / "mkdocs.yml"), site_dir=str(out), site_url=SITE_URL)
    order = config.plugins["order-probe"] = _Order()
    config.plugins.on_startup(command=command, dirty=False)  # type: ignore[arg-type]
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return order, out


def test_a_build_converts_the_widest_pages_first_and_writes_in_the_files_order(
    tmp_path: Path,
) -> None:
    site = copy_example_site(tmp_path / "site")
    set_languages(site, ["en"])  # one build (mkdocs-static-i18n's builds each order their own)
    order, out = _build(site, "build")
    settings = settings_from_mkdocs(site / "mkdocs.yml")
    wide = [
        path
        for path in order.before
        if is_comparison_page(path, settings.for_page(path))
        or path == data_item_index_path(settings.for_page(path))
    ]
    widths = {
        page.path: len(page.markdown)
        for page in build_site(settings, postprocess=ascii_blocks).pages
    }
    widest_first = sorted(wide, key=lambda path: -widths[path])
    assert len(wide) >= 3 and widest_first != wide  # the files' order is not the widest first
    assert order.converted[: len(wide)] == widest_first
    # Put back before MkDocs writes anything: the pages, the sitemap and the search index
    # follow the files' own order.
    assert order.after == order.before
    index = json.loads((out / "search" / "search_index.json").read_text("utf-8"))
    pages = list(dict.fromkeys(doc["location"].split("#")[0] for doc in index["docs"]))
    urls = [_url(path) for path in order.before]
    assert pages == [url for url in urls if url in pages]
    locs = re.findall(r"<loc>([^<]*)</loc>", (out / "sitemap.xml").read_text("utf-8"))
    assert [loc.removeprefix(SITE_URL) for loc in locs] == urls
    # MkDocs has read and converted each of the plugin's pages: its text is not kept until the
    # build ends. Another plugin's page keeps its own.
    assert order.texts.pop("other/generated.md") == "# Other\n\nText.\n"
    assert order.texts and set(order.texts.values()) == {""}
    # Once written, the HTML of the plugin's pages is let go too; no other page's.
    assert {path for path, html in order.html.items() if not html} == set(order.texts)


def test_every_kind_of_record_is_read_and_linked() -> None:
    """The loader reads the files kind by kind in LINK_ORDER: a kind missing there would not
    be read at all. (Translations are read with the record they translate, in each language.)"""
    assert sorted(LINK_ORDER) == sorted(set(RECORD_KINDS) - {"translation"})


def test_under_serve_the_pages_text_is_kept_for_the_next_build(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path / "site")
    order, _ = _build(site, "build")  # MkDocs keeps the plugin object from build to serve
    order, _ = _build(site, "serve")
    assert order.texts and all(order.texts.values()) and all(order.html.values())
    assert order.converted[: len(order.before)] == order.before  # the files' own order


def _url(path: str) -> str:
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"
