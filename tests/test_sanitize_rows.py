"""The sanitizer cleans a long table one row at a time (``render/sanitize.py``:
:func:`sanitize_rows`), so that its memory follows a row, not the page. The HTML must be what
cleaning the page whole makes, and whatever a row holds, the result must be clean."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_example_site, run_mkdocs
from hypothesis import given, settings
from hypothesis import strategies as st
from privacy_pages.mkdocs_plugin.plugin import PrivacyPagesPlugin
from privacy_pages.render import sanitize as sanitize_module
from privacy_pages.render.sanitize import RowMemo, sanitize_html, sanitize_rows


def test_every_page_of_the_example_site_is_cleaned_as_if_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a real build, each generated page (its HTML blocks cleaned apart from the page around
    them, its rows one by one) comes out as the page put together and cleaned whole."""
    site = copy_example_site(tmp_path / "example")
    rows_alone = 0
    clean_row = sanitize_module._clean_row
    on_page_content = PrivacyPagesPlugin._page_content  # the handler that cleans the page
    pages: dict[str, tuple[str, str]] = {}

    def counted_row(row: str) -> str | None:
        nonlocal rows_alone
        rows_alone += 1
        return clean_row(row)

    def compared(self: PrivacyPagesPlugin, html: str, /, **kwargs: Any) -> str | None:
        page = kwargs["page"]
        # (the blocks written apart are in ``html`` already: Python-Markdown's htmlStash put them)
        whole = sanitize_html(html)
        made = on_page_content(self, html, **kwargs)
        if page.file.generated_by is not None:
            pages[page.file.src_uri] = (whole, str(made))
        return made

    monkeypatch.setattr(sanitize_module, "_clean_row", counted_row)
    monkeypatch.setattr(PrivacyPagesPlugin, "on_page_content", compared)
    result = run_mkdocs(site / "mkdocs.yml", site_dir=tmp_path / "out")
    assert result.ok, result.messages
    assert len(pages) >= 9 and rows_alone > 100  # the comparisons and the index have rows
    assert any("data-items" in path for path in pages)
    for path, (whole, made) in pages.items():
        assert made == whole, path


def _row(cells: list[str], attrs: str = "") -> str:
    return f"<tr{attrs}>\n" + "\n".join(f"<td>{cell}</td>" for cell in cells) + "\n</tr>"


#: What a cell may hold: text, markup the sanitizer keeps, drops or must not let through, and
#: pieces that change how the rest of the page is read when a row is cut out of it.
_PIECES = st.sampled_from(
    [
        "text", "a < b & c", "“quoted”", "<b>bold</b>", "<b>open", "</b>", "<i>",
        '<a href="javascript:alert(1)">x</a>', '<a href="https://example.com">x</a>',
        '<span onclick="alert(1)">x</span>', "<script>alert(1)</script>", "<style>p{}</style>",
        "<!-- comment </tr> -->", "</tr>", "<tr>", "</td>", "<td>", "<table>", "</table>",
        "<tbody>", "</tbody>", "<caption>x", "<textarea>", "<select><option>x", "<svg>",
        "<p>para", "</p>", "<br>", "<img src=x onerror=alert(1)>", '<div class="x">',
        "</div>", "\n", "\n<tr>", "</tr>\n", "<TR>", "</TABLE>", "<title>", "<?php ?>",
    ]
)  # fmt: skip
_CELLS = st.lists(st.lists(_PIECES, max_size=5).map("".join), min_size=1, max_size=3)


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(_CELLS, min_size=1, max_size=6),
    before=st.lists(_PIECES, max_size=3).map("".join),
    after=st.lists(_PIECES, max_size=3).map("".join),
)
def test_any_rows_come_out_as_cleaning_the_page_whole_makes_them(
    rows: list[list[str]], before: str, after: str
) -> None:
    body = "\n".join(_row(cells, ' class="pp-row"') for cells in rows)
    html = f"<p>{before}</p>\n<table>\n<tbody>\n{body}\n</tbody>\n</table>\n{after}\n"
    cleaned = sanitize_rows(html)
    assert cleaned == sanitize_html(html)
    # In clean HTML a "<" starts a tag (text has "&lt;"): no tag may run or hold anything that
    # runs.
    assert (
        re.search(r"<(?:script|style|!--)|<[^>]*(?:javascript:|onclick|onerror)", cleaned) is None
    )


@pytest.mark.parametrize(
    "row",
    [
        "<tr><td>a</td></tr>\n<tr><td>b</td></tr>",  # a row that is two rows
        "<tr><td>a</table><script>alert(1)</script></td></tr>",
        "<tr><td><!-- </tr>\n<tr> --></td></tr>",
        "<tr>text outside a cell<td>a</td></tr>",  # moved before the table by the parser
        "<tr><td><textarea></td></tr>",
        '<tr data-pp-row="0-0"></tr>',  # looks like a placeholder
        '<tr><td><span title="</tr>\n"><b>x</b></span></td></tr>',  # "</tr>" in a value
        "<tr><td><span title=</tr>\n><b>x</b></span></td></tr>",
        '<tr title="</tr>\n"><td>a</td></tr>',
        "<tr><td title='</tr>\n<tr>'>a</td></tr>",
        "<tr><td>a</ x</tr>",  # "</" and no letter: a comment that takes the "</tr>"
        "<tr><td>a</3</tr>",
    ],
)
def test_a_row_that_reads_differently_alone_is_cleaned_with_the_page(row: str) -> None:
    html = f"<table>\n<tbody>\n<tr><td>first</td></tr>\n{row}\n<tr><td>last</td></tr>\n</tbody>\n</table>\n"
    assert sanitize_rows(html) == sanitize_html(html)


def test_a_tag_that_merely_starts_like_a_row_does_not_hide_the_rows_after_it() -> None:
    html = "<table>\n<track>\n<tr><td>a</td></tr>\n<tr><td>b</td></tr>\n</table>\n"
    found = [html[begin:end] for begin, end in sanitize_module.table_rows(html)]
    assert found == ["<tr><td>a</td></tr>", "<tr><td>b</td></tr>"]
    assert sanitize_rows(html) == sanitize_html(html)


def test_rows_outside_a_table_are_cleaned_with_the_page() -> None:
    """The page's parser drops a row's tags outside a table, and so must the result."""
    html = "<div>\n<tr><td>a</td></tr>\n<tr><td>b</td></tr>\n</div>\n"
    assert sanitize_rows(html) == sanitize_html(html) == "<div>\na\nb\n</div>\n"


def test_the_memo_gives_the_same_rows_and_lets_go_of_rows_no_build_asked_for() -> None:
    memo = RowMemo()
    first = "<table>\n<tr><td>one</td></tr>\n<tr><td onclick=x>two</td></tr>\n</table>\n"
    second = "<table>\n<tr><td>three</td></tr>\n</table>\n"
    assert sanitize_rows(first, memo) == sanitize_html(first)
    memo.next_build()
    assert sanitize_rows(first, memo) == sanitize_html(first)  # from last build's rows
    assert set(memo._now) == {"<tr><td>one</td></tr>", "<tr><td onclick=x>two</td></tr>"}
    memo.next_build()
    assert sanitize_rows(second, memo) == sanitize_html(second)
    memo.next_build()
    assert set(memo._last) == {"<tr><td>three</td></tr>"}  # "one" and "two" are gone


def test_a_row_the_memo_holds_is_not_scanned_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether a row may be cleaned alone depends on its text only: a row cleaned last build
    is taken as it is, without the scans that decided it (megabytes of rows under serve)."""
    scanned: list[str] = []

    class Counted:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def search(self, text: str, *where: int) -> re.Match[str] | None:
            scanned.append(text)
            return self.pattern.search(text, *where)

    monkeypatch.setattr(sanitize_module, "_OPEN_TAG", Counted(sanitize_module._OPEN_TAG))
    memo = RowMemo()
    page = "<table>\n<tr><td>one</td></tr>\n<tr><td>two</td></tr>\n</table>\n"
    assert sanitize_rows(page, memo) == sanitize_html(page)
    assert len(scanned) == 2
    memo.next_build()
    edited = page.replace("two", "deux")
    assert sanitize_rows(edited, memo) == sanitize_html(edited)
    assert scanned[2:] == ["<tr><td>deux</td></tr>"]  # the edited row only
