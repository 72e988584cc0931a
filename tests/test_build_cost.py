"""What keeps a build cheap, checked without timing anything (the benchmark times it).

* comparison cells are rendered once per distinct cell, and stay right when a template
  override changes how a cell prints its link;
* front matter written by libyaml is the same text PyYAML writes;
* the benchmark's synthetic content is lint-clean, so a build does not log warnings.
"""

from __future__ import annotations

import gc
import re
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path
from types import SimpleNamespace

import yaml
from conftest import REPO, run_mkdocs
from hypothesis import given
from hypothesis import settings as examples
from hypothesis import strategies as st
from privacy_pages.compare.collection import Collection
from privacy_pages.compare.comparison import Comparison, comparisons
from privacy_pages.load.content import load_content
from privacy_pages.load.yaml_source import LocatedMapping, LocatedSequence
from privacy_pages.pipeline import build_site, check_site
from privacy_pages.render.comparison_pages import TableCells
from privacy_pages.render.front_matter import yaml_header
from privacy_pages.render.templates import html_text
from privacy_pages.settings import Settings, settings_from_mkdocs

sys.path.insert(0, str(REPO / "benchmarks"))
from synthetic import generate


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


@examples(max_examples=300, deadline=None)
@given(
    st.text(st.sampled_from("ab-_ é&<\"'#%/\t.9"), min_size=1, max_size=8),
    st.text(st.sampled_from("ab-_ é&<\"'#%/\t.9"), min_size=1, max_size=8),
    st.booleans(),
    st.sampled_from(["url", "source"]),
)
def test_a_cells_link_escaped_from_its_products_link_is_the_link_escaped_whole(
    product_id: str, anchor: str, directory_urls: bool, link_style: str
) -> None:
    """A table escapes each product's link once and adds the anchor: the same text as
    escaping the whole link, for any id and anchor (white space, quotes, ampersands)."""
    site, table = _compare_table()
    settings = replace(site, directory_urls=directory_urls, link_style=link_style)
    cells = TableCells(table, table.footnotes(), settings)
    product, statement = SimpleNamespace(id=product_id), SimpleNamespace(anchor=anchor)
    expected = html_text(cells.product_url(product, statement))  # type: ignore[arg-type]
    assert cells._href_text(product, statement) == expected  # type: ignore[arg-type]
    assert cells._href_text(product, statement) == expected  # type: ignore[arg-type]  # kept


@cache
def _compare_table() -> tuple[Settings, Comparison]:
    settings = settings_from_mkdocs(REPO / "tests/fixtures/compare/mkdocs.yml")
    return settings, comparisons(Collection(build_site(settings).dataset))[0]


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
    dataset, _ = load_content(tmp_path / "content")
    written = next(iter(dataset.products.values())).metadata["ms.date"]
    settings = Settings(content_dir=tmp_path / "content")
    found = check_site(settings, today=date.fromisoformat(str(written))).problems
    assert not found.items, "\n".join(str(p) for p in found.items)
    assert len(dataset.products) == 9 and len(dataset.comparisons) == 3
    assert [len(spec.products) for spec in dataset.comparisons] == [4, 4, 1]
    assert any(spec.workloads for spec in dataset.comparisons)


def _located_alive() -> int:
    return sum(isinstance(o, (LocatedMapping, LocatedSequence)) for o in gc.get_objects())


def test_the_records_as_read_are_let_go_before_rendering() -> None:
    """A build pauses the garbage collector, and the located records are a third of its
    memory: once checked, nothing may hold them in a cycle (a record keeping text values that
    point back at it), or they would stay until the build ends."""
    settings = settings_from_mkdocs(REPO / "mkdocs.yml")
    gc.collect()
    before = _located_alive()
    gc.disable()
    try:
        build = check_site(settings)  # the lint rules read every text value of every record
        assert build.dataset.records and _located_alive() > before
        build.dataset.records = {}  # what build_site does before it renders
        assert _located_alive() == before
    finally:
        gc.enable()
