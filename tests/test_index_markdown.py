"""The data-item index is one HTML table, so a catalog item's Markdown description is converted
(and sanitized) by the plugin itself: readers see the formatting, never the Markdown syntax,
and nothing a description holds can run."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import run_mkdocs
from html_tree import parse

DESCRIPTION = (
    "A value that **identifies** the device; see [the device guide](https://example.com/guide)."
    "\n\nA second paragraph with `code`, a | pipe and a <script>alert(1)</script> tag."
)


def test_a_description_with_markdown_reads_as_formatted_text(
    site_copy: Callable[[str], Path],
) -> None:
    site = site_copy("small")
    catalog = next((site / "content" / "catalog").glob("*.yml"))
    text = catalog.read_text("utf-8")
    old = "    description: A value that identifies the device.\n"
    assert old in text
    escaped = DESCRIPTION.replace("\n", "\\n").replace('"', '\\"')
    catalog.write_text(text.replace(old, f'    description: "{escaped}"\n'), "utf-8")

    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    [index] = [p for p in result.site_dir.rglob("index.html") if "data-items" in p.as_posix()]
    html = index.read_text("utf-8")
    [row] = parse(html).find_all("tr", data_pp_item="device-identifier")
    cell = row.text()
    assert "identifies the device" in cell and "**" not in cell and "](" not in cell
    assert "<strong>identifies</strong>" in html
    assert '<a href="https://example.com/guide">the device guide</a>' in html
    assert "<code>code</code>" in html and "a | pipe" in cell
    # The tag is shown as text, never as an element, and the table is one table still.
    assert "<script>alert" not in html and "alert(1)" in cell
    assert html.count('class="pp-compare-table pp-index-table"') == 1


def test_the_index_caption_counts_in_the_right_number(site_copy: Callable[[str], Path]) -> None:
    site = site_copy("small")
    products = sorted((site / "content" / "products").glob("*.yml"))
    for extra in products[1:]:  # one product left
        extra.unlink()
    for comparisons in (site / "content").glob("comparisons.yml"):
        comparisons.unlink()
    result = run_mkdocs(site / "mkdocs.yml", strict=False)
    assert result.ok, result.messages
    [index] = [p for p in result.site_dir.rglob("index.html") if "data-items" in p.as_posix()]
    html = index.read_text("utf-8")
    rows = html.count('<tr class="pp-row"')
    assert rows > 1
    assert f'<span class="pp-caption-detail">({rows} data items, 1 product)</span>' in html
