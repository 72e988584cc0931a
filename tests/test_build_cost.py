"""What keeps a build cheap, checked without timing anything (the benchmark times it).

* the plugin hands MkDocs its pages and downloads through a spool folder, keeps none of their
  text, and removes the folder when the build ends;
* ``mkdocs build`` (which announces itself with on_startup) keeps no parsed content, while
  ``mkdocs serve`` keeps it for the next rebuild;
* comparison cells are rendered once per distinct cell, and stay right when a template
  override changes how a cell prints its link;
* front matter written by libyaml is the same text PyYAML writes;
* the benchmark's synthetic content is lint-clean, so a build does not log warnings.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import yaml
from conftest import FIXTURES, REPO, run_mkdocs
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from privacy_pages.comparison import Collection, comparisons
from privacy_pages.content import load_content
from privacy_pages.lint import lint_content
from privacy_pages.pages import yaml_header
from privacy_pages.plugin import _CACHES, PrivacyPagesPlugin
from privacy_pages.settings import settings_from_mkdocs
from privacy_pages.site import build_site

sys.path.insert(0, str(REPO / "benchmarks"))
from synthetic import generate


def _plugin(config: MkDocsConfig) -> PrivacyPagesPlugin:
    plugin = config.plugins["privacy-pages"]
    assert isinstance(plugin, PrivacyPagesPlugin)
    return plugin


def _configured(
    site_copy: Callable[[str], Path], tmp_path: Path
) -> tuple[Path, MkDocsConfig, PrivacyPagesPlugin]:
    """A copy of the compare site, its config after on_config, and its plugin."""
    site = site_copy("compare")
    config = load_config(str(site / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    plugin = _plugin(config)
    return site, config.plugins.on_config(config), plugin


def test_pages_reach_mkdocs_through_a_spool_folder_that_is_removed(
    site_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    site, config, plugin = _configured(site_copy, tmp_path)
    expected = build_site(settings_from_mkdocs(site / "mkdocs.yml"))
    files = config.plugins.on_files(Files([]), config=config)
    assert plugin.spool is not None
    root = plugin.spool.root
    generated = {f.src_uri: f for f in files if f.generated_by is not None}
    assert set(generated) == {p.path for p in expected.pages} | {a for a, _ in expected.assets}
    for page in expected.pages:
        file = generated[page.path]
        assert file.abs_src_path is not None
        assert Path(file.abs_src_path).is_relative_to(root)
        assert file.content_string == page.markdown
    # The plugin keeps the dataset (for blocks in hand-written pages), not the page texts.
    assert plugin.dataset is not None and plugin.dataset.products
    config.plugins.on_post_build(config=config)
    assert not root.exists() and plugin.spool is None


def test_a_failed_build_removes_the_spool_folder(
    site_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    _, config, plugin = _configured(site_copy, tmp_path)
    config.plugins.on_files(Files([]), config=config)
    assert plugin.spool is not None
    root = plugin.spool.root
    assert any(root.rglob("*.md"))
    config.plugins.on_build_error(error=RuntimeError("a later plugin failed"))
    assert not root.exists() and plugin.spool is None


def test_mkdocs_build_keeps_no_parsed_content_but_serve_does(
    site_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    def run(site: Path, command: str) -> PrivacyPagesPlugin:
        config = load_config(str(site / "mkdocs.yml"), site_dir=str(tmp_path / command))
        config.plugins.on_startup(command=command, dirty=False)  # type: ignore[arg-type]
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        return _plugin(config)

    once = site_copy("compare")
    plugin = run(once, "build")
    assert (once / "content").resolve() not in _CACHES and plugin.cache is None
    assert not plugin.one_shot  # the invocation is over: nothing carries over to the next
    served = tmp_path / "served"
    shutil.copytree(FIXTURES / "compare", served)
    plugin = run(served, "serve")
    cache = _CACHES[(served / "content").resolve()]
    assert plugin.cache is cache and cache.entries


def test_a_build_without_records_renders_the_same_pages() -> None:
    settings = settings_from_mkdocs(FIXTURES / "compare" / "mkdocs.yml")
    kept = build_site(settings)
    lean = build_site(settings, keep_records=False)
    assert kept.dataset.records and not lean.dataset.records
    assert [(p.path, p.markdown) for p in lean.pages] == [(p.path, p.markdown) for p in kept.pages]
    assert lean.assets == kept.assets


def _cell_links(html: str) -> list[str]:
    return re.findall(r'<td class="pp-cell[^"]*"[^>]*><a href="([^"]*)"', html)


def test_cells_follow_an_override_that_changes_how_the_link_prints(
    site_copy: Callable[[str], Path],
) -> None:
    site = site_copy("compare")
    before = run_mkdocs(site / "mkdocs.yml")
    assert before.ok, before.messages
    settings = settings_from_mkdocs(site / "mkdocs.yml")
    table = comparisons(Collection(build_site(settings).dataset))[0]
    page = f"privacy/compare/{table.id}.md"
    packaged = _cell_links(before.html(page))
    linked = [s.anchor for row in table.rows for s in row.statements if s.anchor]
    assert len(packaged) == len(linked) and all(
        href.endswith(f"#{anchor}") for href, anchor in zip(packaged, linked, strict=True)
    )
    # An override that prints the link through another filter: the cached cell cannot keep a
    # slot for it, so each cell is rendered on its own, with its own link.
    cells = (REPO / "templates" / "comparison-cells.md.j2").read_text("utf-8")
    assert cells.count('href="{{ href | html }}"') == 1
    folder = site / "overrides"
    folder.mkdir()
    (folder / "comparison-cells.md.j2").write_text(
        cells.replace('href="{{ href | html }}"', 'href="{{ href | url }}" data-x="1"'), "utf-8"
    )
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "  - privacy-pages:\n", "  - privacy-pages:\n      templates_dir: overrides\n"
        ),
        "utf-8",
    )
    after = run_mkdocs(site / "mkdocs.yml")
    assert after.ok, after.messages
    html = after.html(page)
    assert html.count('data-x="1"') == len(linked)
    assert _cell_links(html) == packaged


def test_front_matter_is_the_text_pyyaml_writes() -> None:
    samples: list[dict[str, object]] = [
        {"title": "Widget for iOS", "description": "What it collects: data.", "ms.date": "2024"},
        {"title": "yes", "description": "null", "keywords": ["a: b", "- c", "#d"]},
        {"title": "'quoted' and \"double\"", "description": "{braces} [brackets] & * ! | > %"},
        {"title": "Café — “quotes”", "description": "😀 \x85 \u2028 emoji and breaks"},
    ]
    for data in samples:
        expected = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)
        assert yaml_header(data) == expected


def test_the_benchmark_content_is_lint_clean(tmp_path: Path) -> None:
    generate(tmp_path / "content", 9)  # three families, one of them incomplete
    dataset, problems = load_content(tmp_path / "content")
    written = next(iter(dataset.products.values())).metadata["ms.date"]
    found = lint_content(dataset, problems, None, today=date.fromisoformat(str(written)))
    assert not found.items, "\n".join(str(p) for p in found.items)
    assert len(dataset.products) == 9 and len(dataset.comparisons) == 3
    assert [len(spec.products) for spec in dataset.comparisons] == [4, 4, 1]
    assert any(spec.workloads for spec in dataset.comparisons)


def test_mkdocs_reads_the_large_pages_early_and_the_nav_keeps_its_order(
    site_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    """MkDocs keeps every page's HTML to the end: the comparisons and the data-item index (the
    largest pages) are read after the first quarter of the product pages, not last."""
    read: list[str] = []
    listed: list[str] = []

    class Reader(BasePlugin):  # type: ignore[type-arg, no-untyped-call]
        def on_nav(self, nav: Navigation, /, **_: object) -> Navigation:
            listed.extend(page.file.src_uri for page in nav.pages)
            return nav

        def on_page_markdown(self, markdown: str, /, *, page: Page, **_: object) -> str:
            read.append(page.file.src_uri)
            return markdown

    site = site_copy("compare")
    config = load_config(str(site / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    config.plugins["reader"] = Reader()  # after privacy-pages
    build(config)
    plan = _plugin(config).plan
    assert plan is not None
    products = [p.path for p in plan.pages if p.product_id]
    large = [p.path for p in plan.pages if not p.product_id]
    assert len(products) == 3 and "privacy/data-items.md" in large
    first = round(len(products) * 0.25)
    generated = [path for path in read if path.startswith("privacy/")]
    assert generated == products[:first] + large + products[first:]
    # The nav lists the pages in the plan's order, as before.
    assert [path for path in listed if path.startswith("privacy/")] == [p.path for p in plan.pages]
