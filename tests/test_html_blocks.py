"""The plugin takes the raw HTML blocks of its generated pages around Python-Markdown's parsing,
into its ``htmlStash`` (``mkdocs_plugin/speedups/html_blocks.py`` and ``stash.py``). The site a reader gets must be the same as when the same
pages go through Python-Markdown whole, as pre-rendered pages do: every page's HTML (its
headings, ids, table of contents, permalinks and text) and the search index."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import (
    build_collecting_warnings,
    built_both_ways,
    built_files,
    copy_example_site,
    stale_translations_allowed,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from privacy_pages.check.coverage import page_anchors
from privacy_pages.mkdocs_plugin import site_build as site_build_module
from privacy_pages.mkdocs_plugin.speedups import html_blocks as html_blocks_module
from privacy_pages.mkdocs_plugin.speedups.html_blocks import (
    HtmlBlocks,
    ascii_blocks,
    tag_ids,
)
from privacy_pages.mkdocs_plugin.speedups.stash import HtmlBlockStash
from privacy_pages.pipeline import build_site
from privacy_pages.render.sanitize import sanitize_html
from privacy_pages.settings import settings_from_mkdocs


def both_ways(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[dict, dict]:
    return built_both_ways(site, tmp_path, monkeypatch, "html_blocks_around_markdown")


def test_the_example_site_is_the_same_with_blocks_around_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = copy_example_site(tmp_path / "example")
    stale_translations_allowed(site)
    # Inline code in a catalog description is <code> inside the index's block.
    catalog = site / "content/catalog/identifiers.yml"
    text = catalog.read_text("utf-8")
    assert "    description: Like Apple ID.\n" in text
    catalog.write_text(
        text.replace("    description: Like Apple ID.\n", "    description: Like `Apple ID`.\n"),
        "utf-8",
    )
    taken: list[int] = []
    take_out = HtmlBlocks.take_out

    def counted(self: HtmlBlocks, markdown: str) -> str:
        result = take_out(self, markdown)
        taken.append(len(self.blocks))
        return result

    monkeypatch.setattr(HtmlBlocks, "take_out", counted)
    around, through = both_ways(site, tmp_path, monkeypatch)
    # The blocks did go around Python-Markdown: the index and every comparison had some.
    assert sum(1 for count in taken if count) >= 1 + len(
        [p for p in around if p.startswith("privacy/compare/") and p.endswith(".html")]
    ), taken
    assert b"<code>Apple ID</code>" in around["privacy/data-items/index.html"]
    assert around.keys() == through.keys()
    different = [path for path in around if around[path] != through[path]]
    assert different == []
    # The comparison pages and the index are among the pages compared.
    assert "privacy/data-items/index.html" in around
    assert b'class="pp-compare-table"' in around["privacy/data-items/index.html"] or any(
        b"pp-compare-table" in body for path, body in around.items() if "compare/" in path
    )


def test_the_small_site_is_the_same_with_blocks_around_markdown(
    site_copy: Callable[[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    around, through = both_ways(site_copy("small"), tmp_path, monkeypatch)
    assert around == through


def test_links_to_ids_inside_the_blocks_are_still_valid_anchors(
    site_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    """MkDocs checks anchor links against the ids it found in a page, raw HTML included: the
    ids of the blocks taken around Python-Markdown must count, or a strict build fails."""
    site = site_copy("small")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "validation:\n  anchors: warn\n", "utf-8")
    (site / "docs" / "links.md").write_text(
        "# Links\n\n[The device identifier](privacy/data-items.md#device-identifier) and "
        "[the comparison](privacy/compare/all-products.md#comparison-all-products).\n"
        "[Nowhere](privacy/data-items.md#no-such-item).\n",
        "utf-8",
    )
    warned = build_collecting_warnings(config, tmp_path / "out")
    links = [w for w in warned if "contains a link" in w]
    assert len(links) == 1 and "no-such-item" in links[0], warned


def converted_both_ways(page: str, extensions: list) -> tuple[str, str, HtmlBlockStash]:
    """``page`` converted with its raw HTML blocks in the stash, and whole."""
    stash = HtmlBlockStash()
    taken = stash.take_out("page.md", page)
    here = Markdown(extensions=[*extensions, stash]).convert(taken)
    return here, Markdown(extensions=extensions).convert(page), stash


def test_a_block_is_taken_out_whole_and_stored_where_it_was() -> None:
    blocks = HtmlBlocks()
    page = '# Title\n\nText.\n\n<div class="a" id="x">\n<div>in</div>\n</div>\n\nMore.\n'
    taken = blocks.take_out(page)
    assert blocks.blocks == ['<div class="a" id="x">\n<div>in</div>\n</div>\n']
    assert taken == f"# Title\n\nText.\n\n{blocks.marker(0)}\n\nMore.\n"
    assert blocks.anchor_ids() == {"x"}
    for last in ("", "\n", "\n\n\n"):
        here, whole, stash = converted_both_ways(page + "\n<div>last</div>" + last, ["toc"])
        assert len(stash.pages["page.md"].html.blocks) == 2
        expected = (
            '<h1 id="title">Title</h1>\n<p>Text.</p>\n<div class="a" id="x">\n<div>in</div>\n'
            "</div>\n\n<p>More.</p>\n<div>last</div>"
        )
        assert here == whole == expected


@pytest.mark.parametrize(
    "page",
    [
        "<div>one</div>\n<div>two</div>\n",  # the first element closes before the chunk ends
        "<div>\n<div>unclosed</div>\n",
        "```\n<div>in a fence</div>\n```\n",
        "<div>\ta tab</div>\n",
        "Text <div>inline</div>\n",
    ],
)
def test_what_python_markdown_would_not_stash_whole_stays_in_the_markdown(page: str) -> None:
    blocks = HtmlBlocks()
    assert blocks.take_out(page) == page
    assert blocks.blocks == []


def test_a_marker_lost_before_python_markdown_is_an_error_not_a_missing_table() -> None:
    stash = HtmlBlockStash()
    taken = stash.take_out("page.md", "<div>table</div>\n")
    converted = Markdown(extensions=[stash]).convert(taken.replace("pphtml", "html"))
    page = SimpleNamespace(file=SimpleNamespace(src_uri="page.md"))
    with pytest.raises(ValueError, match="lost"):
        stash.converted(converted, page, None, None)  # type: ignore[arg-type]


class _ClassedParagraphs(Extension):
    """An extension that gives every paragraph a class (so no ``<p>`` is bare)."""

    def extendMarkdown(self, md: Markdown) -> None:
        class Classed(Treeprocessor):
            def run(self, root: object) -> None:
                for paragraph in root.iter("p"):  # type: ignore[attr-defined]
                    paragraph.set("class", "text")

        md.treeprocessors.register(Classed(md), "classed", 1)


def test_an_extension_that_rewrites_paragraphs_makes_the_same_page_of_the_blocks() -> None:
    """The blocks are in Python-Markdown's stash, as its own raw HTML blocks are: an extension
    that rewrites their placeholder paragraphs makes the same page of them."""
    page = '# T\n\nText.\n\n<div class="t">\n<p>x</p>\n</div>\n\nMore.\n'
    site = ["admonition", "attr_list", "tables", "toc", "privacy_pages.learn_syntax"]
    for extensions in (site, [*site, _ClassedParagraphs()]):
        here, whole, stash = converted_both_ways(page, extensions)
        assert stash.pages["page.md"].html.blocks and here == whole
    assert '<p class="text"><div class="t">' in here  # (what Python-Markdown makes of it)


def test_inline_code_in_a_block_does_not_keep_the_blocks_in_the_markdown() -> None:
    """A catalog description with `code` becomes <code> inside the index's block: the page's
    blocks still go around Python-Markdown."""
    page = '# Index\n\n<div class="pp-index">\n<p>Set <code>telemetry: off</code>.</p>\n</div>\n'
    blocks = HtmlBlocks()
    taken = blocks.take_out(page)
    assert blocks.blocks == [
        '<div class="pp-index">\n<p>Set <code>telemetry: off</code>.</p>\n</div>\n'
    ]
    assert taken == f"# Index\n\n{blocks.marker(0)}\n"


def test_blocks_are_written_in_ascii_and_the_site_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The raw HTML blocks reach MkDocs with character references for what is outside ASCII
    (half the memory for the Markdown of a comparison); the sanitizer writes the characters
    back, so every file a reader gets is the same as without."""
    site = copy_example_site(tmp_path / "example")
    changed: list[str] = []

    def noted(markdown: str) -> str:
        made = ascii_blocks(markdown)
        if made != markdown:
            changed.append(made)
        return made

    monkeypatch.setattr(site_build_module, "ascii_blocks", noted)
    written = built_files(site, tmp_path / "ascii")
    assert changed  # the comparisons and the index have badge symbols
    monkeypatch.setattr(site_build_module, "ascii_blocks", lambda markdown: markdown)
    assert written == built_files(site, tmp_path / "as-rendered")


def test_only_whole_blocks_are_written_in_ascii() -> None:
    page = (
        "# Données\n\nA “quoted” paragraph.\n\n"
        '<div class="x">\n<p>◐ “badge” é</p>\n</div>\n\n'
        '<div class="y">unclosed ◐\n\nText ◐.\n'
    )
    made = ascii_blocks(page)
    assert made == page.replace("<p>◐ “badge” é</p>", "<p>&#9680; &#8220;badge&#8221; é</p>")
    latin = '<div title="é\x85">\x80 é ◐ \ufffe \U0001fffe 😀</div>\n'
    assert ascii_blocks(latin) == (
        '<div title="é\x85">\x80 é &#9680; \ufffe \U0001fffe &#128512;</div>\n'
    )  # Latin-1 (C1 controls too) stays; so do noncharacters
    assert sanitize_html(ascii_blocks(latin)) == sanitize_html(latin)
    assert ascii_blocks("```\n<div>◐</div>\n```\n\n<div>◐</div>\n") == (
        "```\n<div>◐</div>\n```\n\n<div>◐</div>\n"  # fenced code: the page is left as it is
    )


_ID_PIECES = st.sampled_from(
    [
        *("<a", "<b ", "<", ">", ' id="', 'id="', '"', "'", "x", " ", "\u00a0", "\u2003"),
        *("\n", "\t", "id=", '<td class="c"', ' title="', "</a>", "<1", "&amp;"),
    ]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_ID_PIECES, max_size=30))
def test_the_ids_found_from_their_places_are_those_the_expression_finds(parts: list[str]) -> None:
    """``tag_ids`` runs the expression only near each ``id="``: the same ids, in order, as
    running it over the whole text (tags across quotes, stray ``<`` and ``>``, Unicode space)."""
    text = "".join(parts)
    assert tag_ids(text) == html_blocks_module._ID.findall(text)


def _whole_block_by_walking(chunk: str) -> bool:
    """The whole-block rule as written first: walk the div tags, counting how deep they nest."""
    if not chunk.startswith("<div") or not chunk.endswith("</div>"):
        return False
    if any(character in chunk for character in ("\t", "\r", "\x02", "\x03")):
        return False
    depth = 0
    for match in html_blocks_module._DIV.finditer(chunk):
        depth += -1 if match.group() == "</div>" else 1
        if depth == 0 and match.end() != len(chunk):
            return False
        if depth < 0:
            return False
    return depth == 0


def _ascii_blocks_one_by_one(markdown: str) -> str:
    """``ascii_blocks`` as written first: each character beyond Latin-1 judged on its own."""
    if markdown.isascii() or any(marker in markdown for marker in html_blocks_module._OPAQUE):
        return markdown
    chunks = markdown.split("\n\n")
    for index, chunk in enumerate(chunks):
        if not chunk.isascii() and _whole_block_by_walking(chunk.rstrip("\n")):
            chunks[index] = "".join(
                character
                if code <= 0xFF
                or 0xD800 <= code <= 0xDFFF
                or 0xFDD0 <= code <= 0xFDEF
                or code & 0xFFFE == 0xFFFE
                else f"&#{code};"
                for character, code in ((c, ord(c)) for c in chunk)
            )
    return "\n\n".join(chunks)


_BLOCK_PIECES = st.sampled_from(
    [
        *("<div>", '<div class="x">', "<div\n", "</div>", "<divx>", "<p>", "</p>", "\n\n", "\n"),
        *("x", "é", "\x85", "◐", "“", "😀", "\ud800", "\udfff", "\ufdd0", "\ufffe", "\U0001fffe"),
        *("\U0010ffff", "\uffff", "\ue000", "&#55296;", "&#128512;", "&amp;", "\t", "```"),
    ]
)


#: Nested divs, balanced, with random pieces inside: blocks that are whole, or nearly.
_NESTED = st.recursive(
    st.lists(_BLOCK_PIECES, max_size=3).map("".join),
    lambda inner: st.lists(inner, min_size=1, max_size=3).map(
        lambda children: "<div>" + "".join(children) + "</div>"
    ),
    max_leaves=12,
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(_BLOCK_PIECES, _NESTED), max_size=30))
def test_blocks_in_ascii_are_what_judging_each_character_gives(parts: list[str]) -> None:
    """The codec writes the references, and the div tags are matched as brackets: the same
    page as judging each character and walking each tag (surrogates, noncharacters, text that
    looks like a reference, unbalanced and early-closing divs)."""
    page = "".join(parts)
    expected = _ascii_blocks_one_by_one(page)
    assert ascii_blocks(page) == expected
    if not any(marker in page for marker in html_blocks_module._OPAQUE):
        assert html_blocks_module.blockwise_ascii(page) == expected  # the way when not at once
    start = 0
    for chunk in page.split("\n\n"):
        # A chunk is judged without the line breaks it ends with.
        judged = _whole_block_by_walking(chunk.rstrip("\n"))
        assert html_blocks_module._is_whole_block(chunk) == judged
        # Judged in place (the page written whole asks so), without its ending line breaks.
        whole = html_blocks_module._is_whole_block(page, start, start + len(chunk))
        assert whole == _whole_block_by_walking(chunk.rstrip("\n"))
        start += len(chunk) + 2


def test_a_page_whose_blocks_hold_all_it_has_beyond_latin_1_is_written_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The index is one block of megabytes: written whole, it is not cut into chunks (each a
    copy); a page with such a character outside its blocks is written a chunk at a time."""
    page = '# Index ◐?\n\n<div class="t">\n<table><tr><td>● “x”</td></tr></table>\n</div>\n'
    expected = _ascii_blocks_one_by_one(page)

    def refused(markdown: str) -> str:
        raise AssertionError("written a chunk at a time")

    with monkeypatch.context() as patched:
        patched.setattr(html_blocks_module, "blockwise_ascii", refused)
        with pytest.raises(AssertionError, match="a chunk at a time"):
            ascii_blocks(page)  # the heading is not in a block: judged chunk by chunk
        inside = page.replace("◐?", "?")
        assert ascii_blocks(inside) == _ascii_blocks_one_by_one(inside)
        assert "&#9679;" in ascii_blocks(inside) and "&#8220;x&#8221;" in ascii_blocks(inside)
    assert ascii_blocks(page) == expected


def test_blocks_in_ascii_keep_every_anchor_the_coverage_check_reads(tmp_path: Path) -> None:
    """The plugin writes each page's blocks in ASCII as soon as it is rendered, before the
    check that every record shows on a page: that check finds the same ids either way."""
    site = copy_example_site(tmp_path / "example")
    settings = settings_from_mkdocs(site / "mkdocs.yml")
    as_rendered = build_site(settings)
    written = build_site(settings, postprocess=ascii_blocks)
    assert [p.markdown for p in written.pages] == [
        ascii_blocks(p.markdown) for p in as_rendered.pages
    ]
    pairs = zip(written.pages, as_rendered.pages, strict=True)
    assert any(p.markdown != q.markdown for p, q in pairs)
    for page in as_rendered.pages:
        assert page_anchors(ascii_blocks(page.markdown)) == page_anchors(page.markdown)
    assert written.problems.items == as_rendered.problems.items
