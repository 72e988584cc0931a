"""Material's search reads a generated page without the insides of its ``data-search-exclude``
elements (``mkdocs_plugin/speedups/search_view.py``). The search index must be the same as when it reads
the whole page, and the reader's page must not change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import built_files, copy_example_site
from hypothesis import example, given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import Parser
from privacy_pages.mkdocs_plugin.plugin import PrivacyPagesPlugin
from privacy_pages.mkdocs_plugin.speedups import search_view as search_view_module
from privacy_pages.mkdocs_plugin.speedups.search_view import search_view
from privacy_pages.render.sanitize import table_rows


def sections(html: str) -> list[tuple[Any, ...]]:
    """What Material's parser finds in ``html``: what its index entries are made of."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [
        (s.el.tag, s.id, "".join(s.title), "".join(s.text), s.is_excluded()) for s in parser.data
    ]


def test_the_example_site_and_its_search_index_are_the_same_with_search_views(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = copy_example_site(tmp_path / "example")
    views: list[int] = []

    def counted(html: str, rows: search_view_module.RowViews | None = None) -> str | None:
        view = search_view(html, rows)
        if view is not None:
            views.append(len(html) - len(view))
        return view

    monkeypatch.setattr(search_view_module, "search_view", counted)
    with_views = built_files(site, tmp_path / "views")
    # The index and every comparison were read as views, each shorter than its page.
    comparisons = [p for p in with_views if p.startswith("privacy/compare/")]
    assert len(views) >= 1 + len([p for p in comparisons if p.endswith(".html")]), views
    assert all(saved > 0 for saved in views)
    monkeypatch.setattr(PrivacyPagesPlugin, "search_views", False)
    whole = built_files(site, tmp_path / "whole")
    assert with_views.keys() == whole.keys()
    assert "search/search_index.json" in whole
    different = [path for path in whole if whole[path] != with_views[path]]
    assert different == []


class _CountedSub:
    """Material's search module's ``re``, counting the pages its ``re.sub`` scans: the generated
    pages by their tables' class, the others apart."""

    def __init__(self, real: Any) -> None:
        self.real, self.generated, self.others = real, 0, 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def sub(self, pattern: str, replacement: str, text: str) -> str:
        if 'class="pp-' in text:
            self.generated += 1
        else:
            self.others += 1
        return str(self.real.sub(pattern, replacement, text))


def test_material_scans_no_generated_page_for_attributes_it_holds_none_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After indexing a page, Material's search strips its ``data-search-*`` attributes that
    have a value; the generated pages have none (``data-search-exclude=""``), so it does not
    scan their megabytes for them. The pages come out the same (the test above)."""
    import material.plugins.search.plugin as material_search

    site = copy_example_site(tmp_path / "example")
    counted = _CountedSub(material_search.re)
    monkeypatch.setattr(material_search, "re", counted)
    built = built_files(site, tmp_path / "skipped")
    assert counted.generated == 0 and counted.others >= 1  # the hand-written pages: as before
    assert any(path.startswith("privacy/compare/") for path in built)
    monkeypatch.setattr(PrivacyPagesPlugin, "search_views", False)
    built_files(site, tmp_path / "whole")
    assert counted.generated > 0  # without the plugin's views: each page, as Material does


def test_a_generated_page_with_an_attribute_material_strips_is_stripped(tmp_path: Path) -> None:
    """A site's template may mark an element with a ``data-search-*`` attribute that has a
    value: Material strips it from the generated page as from any other."""
    site = copy_example_site(tmp_path / "example")
    templates = site / "templates"
    templates.mkdir(exist_ok=True)
    packaged = Path(__file__).resolve().parents[1] / "templates" / "product.md.j2"
    marked = '\n<p data-search-boost="2">Marked for search</p>\n'
    (templates / "product.md.j2").write_text(packaged.read_text("utf-8") + marked, "utf-8")
    config = site / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "templates_dir:" not in text
    config.write_text(
        text.replace(
            "  - privacy-pages:\n", "  - privacy-pages:\n      templates_dir: templates\n", 1
        ),
        "utf-8",
    )
    built = built_files(site, tmp_path / "out")
    pages = [
        page.decode("utf-8")
        for path, page in built.items()
        if path.startswith("privacy/") and path.endswith("index.html")
    ]
    marked_pages = [page for page in pages if "Marked for search" in page]
    assert marked_pages
    assert not any("data-search-boost" in page for page in marked_pages)


CELL = (
    '<td class="pp-cell" data-search-exclude=""><a href="../p/#x"><span class="pp-badge">'
    '<span aria-hidden="true">●</span> <span class="pp-label">Required</span></span></a></td>'
)


def table(*cells: str) -> str:
    return (
        '<h1 id="t">Title</h1><p>Intro &amp; more.</p><h2 id="c">Compared</h2>'
        f"<table><tr><th>Item</th>{''.join(cells)}</tr></table><p>After.</p>"
    )


def test_the_insides_of_excluded_cells_are_left_out_and_the_sections_are_the_same() -> None:
    page = table(CELL, CELL, '<td data-search-exclude="">x<br>y<img src="a.png" alt=""></td>')
    view = search_view(page)
    assert view is not None
    assert "Required" not in view and "pp-badge" not in view
    # The three cells in a row are one, without attributes: the parser skips them alike.
    assert view.count("<td data-search-exclude></td>") == 1
    assert sections(view) == sections(page)


SKIPPED = '<span data-search-exclude="">x</span>'


@pytest.mark.parametrize(
    "page",
    [
        # White space between skipped elements is one space, where the parser collapses it...
        f"<p>a{SKIPPED} {SKIPPED}\n{SKIPPED}</p>",
        f"<p>a{SKIPPED}{SKIPPED} \n {SKIPPED}</p><p>b</p>",
        # ...and kept apart from the text after the run.
        f"<p>a {SKIPPED}\n{SKIPPED}\n  {SKIPPED}z</p>",
        f"<p>a{SKIPPED}\n  {SKIPPED}z {SKIPPED} {SKIPPED}\n</p>",
        # ...and each piece of it inside a heading or <pre>, where it does not.
        f'<h1 id="t">T</h1><h2 id="a">Title{SKIPPED} {SKIPPED}  {SKIPPED}</h2><p>x</p>',
        f"<p>a</p><pre>code{SKIPPED} {SKIPPED}\n\n{SKIPPED}</pre>",
        '<p>a</p><h2 id="b" data-search-exclude="">Skipped <em>heading</em></h2><p>c</p>',
    ],
)
def test_runs_of_skipped_elements_give_the_same_sections(page: str) -> None:
    view = search_view(page)
    assert view is not None and len(view) < len(page)
    assert sections(view) == sections(page)


@pytest.mark.parametrize(
    ("inside", "why"),
    [
        ('<h3 id="x">Heading</h3>', "a heading starts a section even where text is skipped"),
        ("<table><tr><td>nested</td></tr></table>", "the parser matches skipped tags by name"),
        ("<span>unclosed", "an unbalanced inside changes the parser's state after it"),
        ("</span>", "a stray end tag"),
        ('<span data-search-exclude="">x</span>', "an excluded element inside another"),
        ("<script>x</script>", "the parser skips scripts wherever they are"),
        ('<span title="a<b">x</span>', "a < inside an attribute value"),
        ("<svg><path/></svg>", "a self-closed element"),
        ("<!-- a comment -->", "markup other than tags"),
        ('<H2 id="x">Heading</H2>', "a heading in capitals"),
        ("<span>x</ span>", "an end tag HTMLParser reads and this scan would not"),
    ],
)
def test_a_page_with_an_excluded_element_that_does_not_qualify_is_read_whole(
    inside: str, why: str
) -> None:
    page = table(CELL, f'<td data-search-exclude="">{inside}</td>')
    assert search_view(page) is None, why


@pytest.mark.parametrize(
    "page",
    [
        # The words in an attribute's value are not the attribute.
        table(CELL).replace("<p>Intro", '<p title="see data-search-exclude docs">Intro'),
        '<p><abbr title="a data-search-exclude b">ABC</abbr> text</p>' + table(CELL),
        # A void element is never skipped, whatever it says.
        table(CELL) + '<p><img data-search-exclude="" src="a.png" alt="">After</p>',
    ],
)
def test_what_only_looks_excluded_is_read_whole(page: str) -> None:
    assert search_view(page) is None


def test_pages_without_excluded_elements_are_read_whole() -> None:
    assert search_view("<h1>Title</h1><p>Text</p>") is None
    assert search_view('<p>The words data-search-exclude="" in text</p>') is None


# Random HTML, balanced or not: wherever a view is given, the parser finds the same sections.
_NAMES = ["p", "span", "td", "li", "ul", "a", "h2", "h3", "code", "div", "pre"]


@st.composite
def random_html(draw: st.DrawFn) -> str:
    opening = st.builds(
        lambda name, attribute, excluded: f"<{name}{attribute}{excluded}>",
        st.sampled_from(_NAMES),
        st.sampled_from(["", ' id="a"', ' id="b"', ' class="headerlink"']),
        st.sampled_from(["", ' data-search-exclude=""']),
    )
    closing = st.builds(lambda name: f"</{name}>", st.sampled_from(_NAMES))
    void = st.sampled_from(["<br>", "<img>", "<hr>"])
    text = st.sampled_from(["x", " ", "a &amp; b", "\n", "é"])
    return "".join(draw(st.lists(st.one_of(opening, closing, void, text), max_size=40)))


@st.composite
def balanced_html(draw: st.DrawFn, depth: int = 0) -> str:
    """Balanced HTML with excluded elements: the pages views are for."""
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 3 else 0))):
        kind = draw(st.sampled_from(["element", "text", "void"]))
        if kind == "text":
            parts.append(draw(st.sampled_from(["Text", " ", "a &lt; b", "\n", " \n "])))
        elif kind == "void":
            parts.append("<br>")
        else:
            name = draw(st.sampled_from(_NAMES))
            excluded = draw(st.booleans())
            heading_id = ' id="h"' if name.startswith("h") else ""
            exclude = ' data-search-exclude=""' if excluded else ""
            inside = draw(balanced_html(depth + 1))
            parts.append(f"<{name}{heading_id}{exclude}>{inside}</{name}>")
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(random_html())
def test_a_view_of_any_html_gives_the_same_sections(html: str) -> None:
    view = search_view(html)
    if view is not None:
        assert sections(view) == sections(html)


@settings(max_examples=1000, deadline=None)
@given(balanced_html())
def test_a_view_of_balanced_html_gives_the_same_sections(html: str) -> None:
    view = search_view(html)
    if view is not None:
        assert len(view) < len(html) or view == html
        assert sections(view) == sections(html)


# Pages with table rows on lines of their own, as the comparisons and the index write them, and
# everything that could make a row not stand alone: excluded rows, headings, stray row ends.
_CELL = st.one_of(
    st.just(CELL),
    st.builds(lambda inside: f'<td data-search-exclude="">{inside}</td>', balanced_html()),
    st.builds(lambda inside: f"<td>{inside}</td>", balanced_html()),
    random_html(),
    st.sampled_from(["\n", " ", "<th>Item</th>", '<h2 id="r">In a row</h2>', "</tr>\n<tr>"]),
)
_ROW = st.builds(
    lambda start, cells: f"\n{start}{''.join(cells)}</tr>\n",
    st.sampled_from(["<tr>", '<tr class="a">', '<tr data-search-exclude="">', "<track>"]),
    st.lists(_CELL, max_size=5),
)
_BETWEEN = st.one_of(
    random_html(),
    balanced_html(),
    st.sampled_from(["<table>", "</table>", '<h2 id="x">H', "</h2>", "\n", "<pre>"]),
)
_PAGE = st.builds("".join, st.lists(st.one_of(_ROW, _BETWEEN), max_size=8))


@settings(max_examples=500, deadline=None)
@given(_PAGE, _PAGE)
@example(  # a run of excluded rows is one replacement
    '\n<tr data-search-exclude=""></tr>\n\n<tr data-search-exclude=""></tr>\n', ""
)
@example(  # an excluded cell in a heading keeps its tag
    '<h2 id="x">H\n<tr><td data-search-exclude="">x</td></tr>\n</h2>', ""
)
def test_reading_a_page_a_row_at_a_time_gives_its_own_replacements(first: str, second: str) -> None:
    """``RowViews`` (under serve) gives what reading the page whole gives, build after build."""
    rows = search_view_module.RowViews()
    for page in (first, second, first):
        pieces = list(table_rows(page))
        assert rows.replacements(page, pieces) == search_view_module._replacements(page)
        rows.next_build()


@settings(max_examples=500, deadline=None)
@given(_PAGE, _PAGE)
@example('<td title="a\n<tr>b</tr>\n">', "")  # a value open across a row's edge, with a "<"
@example('<td title="A\n<tr>b</tr>\n<TD>', "")  # a capital tag after a row
@example("<p>x</p>\n<tr><td>\x00</td></tr>\n", "")
def test_a_page_read_a_row_at_a_time_is_plain_only_if_it_is_plain_whole(
    first: str, second: str
) -> None:
    """``RowViews.plain`` (under serve) never vouches for a page that is not plain read whole,
    build after build; it may refuse one (a value left open at a row's edge), and the parser
    then reads the page itself."""
    rows = search_view_module.RowViews()
    for page in (first, second, first):
        pieces = list(table_rows(page))
        if rows.plain(page, pieces):
            assert search_view_module._plain(page)
        elif '="' not in page:  # nothing to leave open: it says what the page says
            assert not search_view_module._plain(page)
        rows.next_build()


def test_a_rebuild_reads_again_only_the_rows_that_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: list[str] = []
    replacements = search_view_module._replacements

    def counted(html: str, keep_space: bool | None = None) -> Any:
        read.append(html)
        return replacements(html, keep_space)

    # (Each row has a heading of its own, as the data-item index has.)
    rows = [f'\n<tr><th><h3 id="i{n}">Item {n}</h3></th>{CELL}\n{CELL}</tr>\n' for n in range(3)]
    page = '<h1 id="t">Title</h1><table>' + "".join(rows) + "</table>"
    views = search_view_module.RowViews()
    assert search_view(page, views) == search_view(page)
    monkeypatch.setattr(search_view_module, "_replacements", counted)
    views.next_build()
    edited = page.replace("Item 1", "Item one")
    assert search_view(edited, views) == search_view(edited)
    read_alone = [html for html in read if html.startswith("<tr>")]
    assert read_alone == [rows[1].strip("\n").replace("Item 1", "Item one")]
