"""Material's search parser is fed by one regular expression on generated pages
(``mkdocs_plugin/speedups/search_tokens.py``). Wherever it reads a page, the parser's handlers must get
the very calls ``html.parser`` makes; anywhere else, it must hand the page to ``html.parser``."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_example_site, run_mkdocs
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import Parser
from privacy_pages.mkdocs_plugin.speedups import search_tokens
from privacy_pages.mkdocs_plugin.speedups.search_tokens import fast_parser, parser_calls


class Recorder(HTMLParser):
    """The calls ``html.parser`` makes, as Material's parser gets them."""

    def __init__(self) -> None:
        super().__init__()  # convert_charrefs=True, as for Material's parser
        self.calls: list[tuple[str, Any, Any]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.calls.append(("start", tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self.calls.append(("end", tag, None))

    def handle_data(self, data: str) -> None:
        self.calls.append(("data", data, None))

    def handle_comment(self, data: str) -> None:
        self.calls.append(("comment", data, None))

    def handle_decl(self, decl: str) -> None:
        self.calls.append(("decl", decl, None))

    def handle_pi(self, data: str) -> None:
        self.calls.append(("pi", data, None))

    def unknown_decl(self, data: str) -> None:
        self.calls.append(("unknown", data, None))


def recorded(data: str) -> list[tuple[str, Any, Any]]:
    recorder = Recorder()
    recorder.feed(data)
    recorder.close()
    return recorder.calls


def sections(parser_class: type[Any], html: str) -> list[tuple[Any, ...]]:
    parser = parser_class()
    parser.feed(html)
    parser.close()
    return [(s.el.tag, s.id, "".join(s.title), "".join(s.text)) for s in parser.data]


def test_the_generated_pages_of_the_example_site_are_read_as_html_parser_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = copy_example_site(tmp_path / "example")
    fed: list[tuple[str, bool]] = []
    calls_of = search_tokens.parser_calls

    def noted(data: str) -> list[tuple[str, Any, Any]] | None:
        calls = calls_of(data)
        fed.append((data, calls is not None))
        return calls

    monkeypatch.setattr(search_tokens, "parser_calls", noted)
    result = run_mkdocs(site / "mkdocs.yml", site_dir=tmp_path / "out")
    assert result.ok, result.messages
    read = [data for data, fast in fed if fast]
    assert len(read) >= 9 and len(read) == len(fed)  # every generated page, none handed on
    for data in read:
        assert calls_of(data) == recorded(data)
        assert sections(fast_parser(Parser), data) == sections(Parser, data)


_NAMES = st.sampled_from(["p", "a", "h2", "td", "LI", "br", "span", "x1", "ul"])
_ATTRIBUTES = st.lists(
    st.tuples(
        st.sampled_from(["id", "class", "data-search-exclude", "HREF", "title", "x:y"]),
        st.one_of(
            st.none(),
            st.sampled_from(["", "a", "a&amp;b", "&lt;", "&#91;x", "a b", "headerlink", "&"]),
        ),
    ),
    max_size=3,
)
_TEXT = st.sampled_from(
    ["text", " ", "\n", "a &amp; b", "&lt;p&gt;", "&nbsp;", "&#9680;", "& x", "&amp", "“q”"]
)


@st.composite
def _tags(draw: st.DrawFn) -> str:
    name = draw(_NAMES)
    if draw(st.booleans()):
        return f"</{name}>"
    attributes = "".join(
        f" {key}" if value is None else f' {key}="{value}"' for key, value in draw(_ATTRIBUTES)
    )
    return f"<{name}{attributes}>"


#: Pieces that are not as the sanitizer writes HTML: the page must go to html.parser.
_OTHER = st.sampled_from(
    [
        "<br/>", "< a>", "<a href=x>", "<!-- c -->", "<script>a<b</script>", "a < b", "</a >",
        "<a  b = \"c\">", "<?pi?>", "<!DOCTYPE html>", "<textarea><p></textarea>", "<a\u00a0b>",
        "</>", "<", "<a b='c'>",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_tags(), _TEXT, _OTHER), max_size=12).map("".join))
def test_any_html_it_reads_gives_the_calls_html_parser_makes(data: str) -> None:
    calls = parser_calls(data)
    if calls is not None:
        assert calls == recorded(data)
    assert sections(fast_parser(Parser), data) == sections(Parser, data)


@pytest.mark.parametrize(
    "data",
    [
        "<p>a<br/>b</p>",
        "<p>a < b</p>",
        "<a href=x>y</a>",
        "<p><!-- c --></p>",
        "<script>document.write('<h1 id=x>')</script>",
        "<p>x</p >",
        '<title><h2 id="t">x</h2></title>',
    ],
)
def test_html_the_sanitizer_does_not_write_goes_to_html_parser(data: str) -> None:
    assert parser_calls(data) is None
    assert sections(fast_parser(Parser), data) == sections(Parser, data)
