"""Pathological text: whatever a field holds, Python-Markdown converts what the escaping makes of
it in linear time, and every character the writer typed still shows.

Python-Markdown (with the extensions of the example site) took time quadratic in the length of
one paragraph, list item or table cell for text made of one repeated construct — brackets
without ``]``, link targets without ``)``, backticks, entities, escapes, emphasis, reference
definitions, horizontal rules, many short lines — and a line of nested list markers stopped the
build with a RecursionError. :mod:`privacy_pages.markdown_text` keeps each kind of
construct within a limit (see its "Keeping Python-Markdown linear" section).

No test here measures time. Linearity is shown by counting what Python-Markdown does while it
converts (:func:`counting`): the lines of its Python code that run (its loops that read a text
to the end), the characters of inline text it copies (once per replacement), of list items it
builds line by line and of blocks it reads again (each time a block is split), the children it
looks up, and how deep its calls nest. For each pathological class, four times the text must
cost at most about four times the work (quadratic would be sixteen); the copies may grow faster
only while they stay within what the limits allow (a limit times the text's length). The
escaping's own work is counted the same way (the lines of markdown_text that run).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any
from xml.etree.ElementTree import Element

import markdown
import pytest
from html_tree import Node, parse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown.blockprocessors import BlockProcessor
from markdown.treeprocessors import InlineProcessor, Treeprocessor
from privacy_pages import markdown_text, memo
from privacy_pages.markdown_text import (
    MAX_BRACKET_DEPTH,
    MAX_LINES,
    MAX_NESTING,
    MAX_REPLACEMENTS,
    MAX_RUN,
    MAX_SPACES,
    MAX_UNCLOSED,
    block,
    cell,
    indent,
    inline,
)

#: The Markdown extensions of the example site (mkdocs.yml).
EXTENSIONS = ["admonition", "attr_list", "tables", "toc", "privacy_pages.learn_syntax"]
CONFIGS = {"toc": {"permalink": True}}


def new_markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)


def convert(page: str, emphasis: bool = True) -> str:
    md = new_markdown()
    if not emphasis:
        md.inlinePatterns.deregister("em_strong")
    return md.convert(page)


# -- where the templates put content text -----------------------------------------------------

#: A Markdown field as the templates place it: a product's introduction (overview.md.j2), an
#: item's description in a list (item.md.j2), a note (note.md.j2), a table cell (data-use.md.j2).
MARKDOWN_PLACES: dict[str, Callable[[str], str]] = {
    "paragraph": lambda text: f"# Product\n\n## Overview\n\n{block(text)}\n\n## Next\n",
    "list item": lambda text: (
        f"## Data\n\n- **Name**: {indent(block(text), 4)}\n- Other\n\n## Next\n"
    ),
    "note": lambda text: f'## Data\n\n!!! note "Note"\n    {indent(block(text), 4)}\n\n## Next\n',
    "table cell": lambda text: (
        f"## Data\n\n| Data | Use |\n| --- | --- |\n| Name | {cell(text)} |\n"
    ),
}
#: The text each place adds around the field.
PLACE_TEXT = {
    "paragraph": "Product Overview Next",
    "list item": "Data Name: Other Next",
    "note": "Data Note Next",
    "table cell": "Data Data Use Name",
}
#: A plain-text field as the templates place it: a heading, a list item, table cells.
PLAIN_PLACE = "### {0}\n\n- **{0}**: x\n\n| {0} | y |\n| --- | --- |\n| {0} | y |\n"

#: Elements Markdown text may make (emphasis, links, images, lists, quotes, rules, code,
#: tables); the page around it adds headings, a note's ``div`` and the headings' permalinks.
TEXT_TAGS = {"p", "em", "strong", "a", "img", "code", "pre", "ul", "ol", "li", "blockquote"}
TEXT_TAGS |= {"br", "hr", "table", "thead", "tbody", "tr", "th", "td"}
PAGE_TAGS = {"#document", "h1", "h2", "h3", "div"}
#: Attributes that hold the writer's text: a link's target and title, an image's.
TEXT_ATTRIBUTES = ("href", "src", "alt", "title")
#: The ``;`` of a numeric character reference: Python-Markdown's HTML block parser (which reads
#: the whole page) adds it where it is missing, in code too, depending on what precedes.
NUMERIC_REFERENCE_END = re.compile(r"(&#(?:[0-9]+|[xX][0-9a-fA-F]+));")
#: The digits of list markers (``1.``) at line starts: Markdown numbers the list instead.
LIST_MARKERS = re.compile(r"^(?:[ \t]*(?:(?:[-+*]|\d+[.)])[ \t]+|>[ \t]?))+", re.MULTILINE)


def shown(html: str) -> tuple[Node, str]:
    """The HTML's tree, and the writer's text it shows: the text of every element, and the
    targets, titles and alternative texts of links and images (not the permalinks')."""
    root = parse(html)
    attributes = [
        node.attrs[name]
        for node in root.iter()
        if not node.has_class("headerlink")
        for name in TEXT_ATTRIBUTES
        if name in node.attrs
    ]
    return root, " ".join([root.text(), *attributes])


def letters(text: str) -> Counter[str]:
    """The letters and digits of a text, counted."""
    return Counter(ch for ch in text if ch.isalnum())


def marker_digits(text: str) -> Counter[str]:
    return Counter(ch for m in LIST_MARKERS.finditer(text) for ch in m.group() if ch.isdigit())


def check_markdown_field(text: str, place: str) -> None:
    """``text`` placed as a Markdown field converts, shows every letter and digit the writer
    typed (those of list markers aside), and makes no heading, no HTML element and no attribute
    of its own."""
    page = MARKDOWN_PLACES[place](text)
    root, seen = shown(convert(page))
    expected = letters(PLACE_TEXT[place] + text) - marker_digits(text)
    if expected - letters(seen):
        # Python-Markdown 3.11 drops text after some emphasis ('*a**b*c' shows '*a' and a
        # strong 'b', '*c' is gone): the escaping is not the cause if all shows without it.
        seen = shown(convert(page, emphasis=False))[1]
    assert not expected - letters(seen), (place, text[:200], expected - letters(seen))
    check_structure(root, place, text)


def check_structure(root: Node, place: str, text: str) -> None:
    """The page around a field has its own headings (and a note its ``div``), and the field
    adds no heading, no element outside Markdown's, no ``id``, ``class`` or event handler."""
    tags = Counter(node.tag for node in root.iter())
    assert set(tags) <= TEXT_TAGS | PAGE_TAGS, set(tags) - TEXT_TAGS - PAGE_TAGS
    headings = {"paragraph": 3, "table cell": 1}.get(place, 2)
    assert sum(tags[h] for h in ("h1", "h2", "h3")) == headings, (place, text[:200])
    assert tags["div"] == (place == "note")
    for node in root.iter():
        assert not [name for name in node.attrs if name.startswith("on")]
        if node.tag not in {"h1", "h2", "h3"}:
            assert "id" not in node.attrs, node
        if node.tag not in {"div", "p", "a"}:  # the note's and the permalinks' classes
            assert "class" not in node.attrs, node


def check_plain_field(text: str) -> None:
    """``text`` placed as a plain-text field shows exactly as written (spaces aside) in a
    heading, a list item and two table cells, and makes nothing else."""
    if not text.strip():
        return
    escaped = str(inline(text))
    root = parse(convert(PLAIN_PLACE.format(escaped)))

    def same(shown: str) -> str:
        shown = " ".join(shown.split())
        if escaped.startswith("`"):  # shown as code: see NUMERIC_REFERENCE_END
            shown = NUMERIC_REFERENCE_END.sub(r"\1", shown)
        return shown

    written = same(text)
    assert same(root.find_all("h3")[0].text()).removesuffix("¶").strip() == written
    assert same(root.find_all("strong")[0].text()) == written
    for table_cell in root.find_all("th")[:1] + root.find_all("td")[:1]:
        assert same(table_cell.text()) == written
    tags = {node.tag for node in root.iter()}
    assert tags <= {"#document", "h3", "a", "ul", "li", "strong", "code", "p"} | {
        "table", "thead", "tbody", "tr", "th", "td"
    }, tags  # fmt: skip


# -- any text --------------------------------------------------------------------------------

#: Characters and strings that Markdown, HTML, the tables and the extensions treat specially.
SPECIAL = [*"<>&|`*_#[](){}!\\:=-~+.\"' \n\t", "{{", "```", "---", "\n\n", "- ", "1. ", "> "]
SPECIAL += ["[a](b)", "![a](b)", "**", "&#", "&amp;", ":::", "[!NOTE]", "<b>", "{: #x}", "  \n"]
CHARS = st.one_of(st.characters(min_codepoint=32, max_codepoint=126), st.sampled_from("éß中😀"))
PIECES = st.lists(st.one_of(st.sampled_from(SPECIAL), st.text(CHARS, max_size=4)), max_size=10)
SHORT = PIECES.map("".join)
#: The units of the pathological classes below, to repeat.
UNITS = [
    "[", "[a", "[a] [", "[a][b", "[a](", "[a](b 'c) ", "![a](", "`", "`` ", "`a`", "&amp;",
    "&", "<", "{", "\\", "*a*", "*a ", "_a_ ", "+ ", "1. ", "> ", "a\n***\n", "a\n=\n", "a\n",
    "\n \n", ":::",
]  # fmt: skip
REPEATED = st.builds(
    lambda before, unit, times, after: before + unit * times + after,
    SHORT,
    st.one_of(st.sampled_from(UNITS), SHORT.filter(bool)),
    st.integers(1, 700),
    SHORT,
)
#: Any text, short or one unit repeated; without reference definitions (``[id]: url`` lines
#: are Markdown syntax that shows nothing: their test is below).
TEXT = st.one_of(SHORT, REPEATED).filter(lambda text: "]:" not in text)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


@SETTINGS
@given(TEXT)
@example("[" * 700)
@example("+ " * 400 + "x")
@example("*a " * 300 + "b" + " c*" * 300)
@example(">## heading in a quote\n>!!! note\n- !!! note\n- /// details\n- ~~~")
def test_any_markdown_text_converts_and_shows_every_letter(text: str) -> None:
    for place in MARKDOWN_PLACES:
        check_markdown_field(text, place)


@SETTINGS
@given(TEXT)
@example("\\`" * 600)
@example("&<>[]*_`{}#|\\" * 100)
def test_any_plain_text_shows_exactly_as_written(text: str) -> None:
    check_plain_field(text)


# -- each pathological class ------------------------------------------------------------------

#: One unit of each class of text that made Python-Markdown super-linear (or stop), repeated.
CLASSES = {
    "brackets without ]": "[",
    "brackets before text": "[a",
    "bracket pairs then [": "[a] [",
    "reference links without ]": "[a][b",
    "footnote-like brackets": "[^",
    "link targets without )": "[a](",
    "link targets with a quote": "[a](b 'c) ",
    "image targets without )": "![a](",
    "backticks": "`",
    "pairs of backticks": "`` ",
    "code spans": "`a`",
    "entities": "&amp;",
    "ampersands": "&",
    "angle brackets": "<",
    "unclosed tags": "<a ",
    "braces": "{",
    "attribute lists": "{: ",
    "backslashes": "\\",
    "emphasis": "*a*",
    "emphasis openers": "*a ",
    "underscores": "_a_ ",
    "strong": "**a** ",
    "list markers on one line": "+ ",
    "numbered markers on one line": "1. ",
    "quote markers on one line": "> ",
    "horizontal rules": "a\n***\n",
    "setext underlines": "a\n=\n",
    "heading lines": "a\n# b\n",
    "admonition lines": "!!! x\n",
    "many short lines": "a\n",
    "blank lines with spaces": "\n \n",
    "many paragraphs": "a\n\n",
    "colons": ":::",
    "reference definitions": "a\n[x]: /u\n",
}
#: Classes whose first MAX_NESTING markers still nest (as Markdown allows) at a line start.
NESTING = {"+ ": "+", "1. ": "1.", "> ": ">"}


def repeated(unit: str, size: int) -> str:
    return unit * (size // len(unit))


@pytest.mark.parametrize("place", MARKDOWN_PLACES)
@pytest.mark.parametrize("unit", CLASSES.values(), ids=CLASSES.keys())
def test_each_class_shows_every_character(unit: str, place: str) -> None:
    """4 KB of the class: every character the writer typed shows (spaces aside), but the list
    markers that still nest and the reference definitions that still define."""
    text = repeated(unit, 4096)
    root, seen = shown(convert(MARKDOWN_PLACES[place](text)))
    expected = Counter("".join((PLACE_TEXT[place] + text).split()))
    missing = expected - Counter("".join(seen.split()).replace("¶", ""))
    at_line_start = place in {"paragraph", "note"}
    if unit in NESTING and at_line_start:
        assert missing == Counter(NESTING[unit] * MAX_NESTING)
    elif unit == "a\n[x]: /u\n" and at_line_start:
        definitions = missing["x"]  # the last ones, which Python-Markdown reads again little
        assert 0 < definitions < text.count("[x]") and missing == Counter("[x]:/u" * definitions)
    else:
        assert not missing, missing
    check_structure(root, place, text)


@pytest.mark.parametrize("unit", CLASSES.values(), ids=CLASSES.keys())
def test_each_class_as_plain_text_shows_exactly(unit: str) -> None:
    check_plain_field(repeated(unit, 4096))


# -- linear work ------------------------------------------------------------------------------

MARKDOWN_DIR = str(Path(markdown.__file__).parent)


@contextmanager
def counting(md: markdown.Markdown) -> Iterator[Counter[str]]:
    """Count what ``md`` does while converting: ``lines`` of Python-Markdown's code run,
    characters ``copied`` (inline text, once per replacement), ``joined`` (a list item, once
    per line added to it) and ``reread`` (a block, each time a block processor tests it),
    ``siblings`` (for each element, its children times those with a tail: Python-Markdown
    looks each of those up in a list of the children), and the ``depth`` of calls."""
    counts: Counter[str] = Counter()
    apply = InlineProcessor._InlineProcessor__applyPattern

    def copying(self: InlineProcessor, pattern: Any, data: str, *args: Any) -> Any:
        counts["copied"] += len(data)
        return apply(self, pattern, data, *args)

    def rereading(processor: BlockProcessor) -> None:
        test = processor.test

        def counted(parent: Element, text: str) -> bool:
            counts["reread"] += len(text)
            return bool(test(parent, text))

        processor.test = counted  # type: ignore[method-assign]
        get_items = getattr(processor, "get_items", None)
        if get_items is not None:

            def items(text: str) -> list[str]:
                found: list[str] = get_items(text)
                counts["joined"] += sum(len(item) * item.count("\n") for item in found)
                return found

            processor.get_items = items

    class Siblings(Treeprocessor):
        def run(self, root: Element) -> None:
            counts["siblings"] = sum(
                len(element) * sum(1 for child in element if child.tail) for element in root.iter()
            )

    for processor in md.parser.blockprocessors:
        rereading(processor)
    md.treeprocessors.register(Siblings(md), "count-siblings", 15)  # inline: 20, prettify: 10
    depth = 0

    def lines(frame: FrameType, event: str, arg: object) -> Any:
        if event == "line":
            counts["lines"] += 1
        return lines

    def calls(frame: FrameType, event: str, arg: object) -> Any:
        return lines if frame.f_code.co_filename.startswith(MARKDOWN_DIR) else None

    def nesting(frame: FrameType, event: str, arg: object) -> None:
        nonlocal depth
        if event == "call":
            depth += 1
            counts["depth"] = max(counts["depth"], depth)
        elif event == "return":
            depth -= 1

    tracer, profiler = sys.gettrace(), sys.getprofile()
    InlineProcessor._InlineProcessor__applyPattern = copying
    sys.settrace(calls)
    sys.setprofile(nesting)
    try:
        yield counts
    finally:
        sys.settrace(tracer)
        sys.setprofile(profiler)
        InlineProcessor._InlineProcessor__applyPattern = apply


def work(page: str) -> Counter[str]:
    md = new_markdown()
    with counting(md) as counts:
        md.convert(page)
    return counts


#: 2 KB and 8 KB: beyond every limit of markdown_text already, small enough to trace.
SMALL, LARGE = 2048, 8192


@pytest.mark.parametrize("place", ["paragraph", "list item", "table cell"])
@pytest.mark.parametrize("unit", CLASSES.values(), ids=CLASSES.keys())
def test_each_class_converts_in_linear_work(unit: str, place: str) -> None:
    small = work(MARKDOWN_PLACES[place](repeated(unit, SMALL)))
    page = MARKDOWN_PLACES[place](repeated(unit, LARGE))
    large = work(page)
    for name in ("lines", "reread", "siblings"):
        # Four times the text: about four times the work (sixteen if it were quadratic).
        assert large[name] <= 5 * small[name] + 2000, (name, small[name], large[name])
    # Python-Markdown copies a paragraph once per replacement (and once per inline pattern;
    # each replacement leaves a placeholder of at most 16 characters), and a list item once
    # per line. markdown_text allows MAX_REPLACEMENTS replacements in a paragraph and joins
    # lines beyond MAX_LINES: below those limits the copies may grow faster than the text,
    # never beyond the limit times its length.
    envelope = {
        "copied": (MAX_REPLACEMENTS + 50) * (len(page) + 16 * MAX_REPLACEMENTS),
        "joined": MAX_LINES * len(page),
    }
    for name, limit in envelope.items():
        grown = small[name], large[name]
        assert grown[1] <= 5 * grown[0] + 2000 or grown[1] <= limit, (name, grown)
    assert large["depth"] <= small["depth"] + 5 and large["depth"] < 150, large["depth"]


@pytest.mark.parametrize("place", ["paragraph", "table cell"])
@pytest.mark.parametrize(
    "text_of",
    [
        lambda size: "[" * (size // 2) + "a" + "]" * (size // 2),
        lambda size: "*a " * (size // 6) + "b" + " c*" * (size // 6),
    ],
    ids=["nested brackets", "nested emphasis"],
)
def test_nesting_converts_in_linear_work(text_of: Callable[[int], str], place: str) -> None:
    small = work(MARKDOWN_PLACES[place](text_of(SMALL)))
    large = work(MARKDOWN_PLACES[place](text_of(LARGE)))
    for name in ("lines", "copied", "reread", "siblings"):
        assert large[name] <= 5 * small[name] + 2000, (name, small[name], large[name])
    assert large["depth"] <= small["depth"] + 5


def test_no_long_run_reaches_python_markdown() -> None:
    """Python-Markdown reads a run of emphasis delimiters again from each of its characters (while
    an emphasis is open), and attribute lists read a run of spaces in a cell again from each
    space, inside one regular expression each time, where the counters above cannot see: so
    no such run is left longer than its limit (a horizontal rule's aside)."""
    text = "_" * 300 + "*" * 300 + " x" + " " * 3000 + "y **" + "*" * 40 + "** z"
    for escaped in (str(block(text)), str(cell(text))):
        assert "`" not in escaped  # not shown as code: the runs are escaped
        runs = re.findall(r"(?<!\\)(?:\*+|_+)", escaped)
        assert max(map(len, runs), default=0) <= MAX_RUN, escaped[:100]
    assert max(map(len, re.findall(" +", str(cell(text))))) <= MAX_SPACES
    rule = "Text\n\n" + "*" * 40 + "\n\nMore"
    assert str(block(rule)) == rule and "<hr" in convert(str(block(rule)))


def test_the_work_counter_sees_quadratic_work() -> None:
    """The counters do grow sixteen times for four times the text when the work is quadratic:
    the same units as Python-Markdown read them before markdown_text limited them."""
    for unit, counter, size in (
        ("[", "lines", 128),
        ("&#96;", "copied", SMALL),
        ("a\n[x]: /u\n", "reread", SMALL),
        ("*a* ", "siblings", SMALL),
    ):
        small, large = (work(f"Text\n\n{repeated(unit, n)}\n") for n in (size, 4 * size))
        assert large[counter] > 12 * small[counter], (unit, counter, small, large)


@pytest.mark.parametrize("unit", CLASSES.values(), ids=CLASSES.keys())
def test_the_escaping_itself_is_linear(unit: str) -> None:
    """The lines of markdown_text's own Python code that run grow with the text, not faster
    (its regular expressions never read past the line or run they start on)."""

    def escaping_lines(text: str) -> int:
        memo.clear()
        count = 0

        def lines(frame: FrameType, event: str, arg: object) -> Any:
            nonlocal count
            count += event == "line"
            return lines

        def calls(frame: FrameType, event: str, arg: object) -> Any:
            return lines if frame.f_code.co_filename == markdown_text.__file__ else None

        tracer = sys.gettrace()
        sys.settrace(calls)
        try:
            block(text), cell(text), inline(text)
        finally:
            sys.settrace(tracer)
        return count

    small, large = escaping_lines(repeated(unit, LARGE)), escaping_lines(repeated(unit, 4 * LARGE))
    assert large <= 4.5 * small + 200, (small, large)


# -- what each limit keeps, and what it escapes -----------------------------------------------


def links(text: str) -> list[str]:
    return [node.attrs["href"] for node in parse(convert(str(block(text)))).find_all("a")]


def test_ordinary_text_is_unchanged() -> None:
    """Below every limit the Markdown is what it always was: links, brackets, emphasis,
    definitions at the end, a rule, a nested list."""
    text = (
        'See [the docs](https://example.com/a_(b)) and [a title](https://example.com "T"),'
        " [1] and [2, *not* a link, *emphasis* and **strong**.\n\n"
        "- one\n    - two\n\n***\n\nMore [text][r] and [x].\n[r]: https://example.com/r\n"
    )
    assert str(block(text)) == text.strip("\n")  # nothing escaped
    assert links(text) == [
        "https://example.com/a_(b)",
        "https://example.com",
        "https://example.com/r",
    ]


def test_brackets_without_their_pair_are_escaped_beyond_the_limit() -> None:
    few = "[a " * MAX_UNCLOSED + "[b](https://example.com)"
    assert str(block(few)) == few
    many = "[a " * (MAX_UNCLOSED + 1) + "[b](https://example.com)"
    assert str(block(many)) == "\\[a " * (MAX_UNCLOSED + 1) + "[b](https://example.com)"
    assert links(many) == ["https://example.com"]


def test_deeply_nested_brackets_are_escaped_in_pairs() -> None:
    depth = MAX_BRACKET_DEPTH + 3
    text = "[" * depth + "a" + "]" * (depth - 1) + "](https://example.com)"
    escaped = str(block(text))
    assert escaped.count("\\[") == escaped.count("\\]") == 3
    assert links(text) == ["https://example.com"]  # the outer link is still a link


def test_link_targets_read_to_the_end_are_escaped_beyond_the_limit() -> None:
    few = "[a](b 'c) " * MAX_UNCLOSED
    assert str(block(few)) == few.strip()
    assert len(links(few)) == MAX_UNCLOSED
    many = "[a](b 'c) " * (MAX_UNCLOSED + 1)
    assert str(block(many)) == ("[a]\\(b 'c\\) " * (MAX_UNCLOSED + 1)).strip()
    assert links(many) == []
    titled = '[a](https://example.com "A title") ' * 40  # read up to their ')': kept
    assert str(block(titled)) == titled.strip()
    assert len(links(titled)) == 40


def test_definitions_at_the_end_stay_and_early_ones_are_escaped() -> None:
    """Many reference definitions after their paragraph still define; thousands of lines
    each followed by one show as text, except the last ones."""
    definitions = "".join(f"[r{i}]: https://example.com/{i}\n" for i in range(60))
    text = "Text with " + ", ".join(f"[r{i}]" for i in range(60)) + ".\n" + definitions
    assert str(block(text)) == text.strip("\n")
    assert len(links(text)) == 60
    crowded = repeated("a\n[x]: /u\n", 8192)
    shown_as_text = convert(str(block(crowded))).count("[x]: /u")
    assert crowded.count("[x]") // 2 < shown_as_text < crowded.count("[x]")


def test_nested_list_markers_nest_up_to_the_limit() -> None:
    for marker in ("+ ", "- ", "1. ", "* ", "> "):
        root = parse(convert(str(block(marker * 2000 + "x"))))
        nested = sum(1 for node in root.iter() if node.tag in {"ul", "ol", "blockquote"})
        assert nested <= MAX_NESTING, (marker, nested)
        assert "".join(root.text().split()).count(marker.strip()) == 2000 - nested


def test_emphasis_that_would_nest_deeply_is_escaped() -> None:
    text = "*a " * 1000 + "b" + " c*" * 1000
    root = parse(convert(str(block(text))))
    assert not root.find_all("em")
    assert root.text().count("*") == 2000


def test_a_paragraph_with_too_many_constructs_shows_as_code_exactly() -> None:
    text = "&<`[*" * (MAX_REPLACEMENTS // 2) + "\nsecond line"
    for rendered in (block(text), cell(text), inline(text)):
        codes = parse(convert(str(rendered))).find_all("code")
        assert [code.text() for code in codes] == [" ".join(text.split("\n"))]
    shape = convert(f"| a | b |\n| --- | --- |\n| {cell('|' * 2000 + '`')} | x |\n")
    assert [len(row.find_all("td")) for row in parse(shape).find_all("tr")[1:]] == [2]


def test_many_short_lines_join_but_list_items_stay() -> None:
    text = "a\n" * 3000 + "- b\n- c\n* * *\n> d"
    escaped = str(block(text))
    assert escaped.startswith("a a a") and escaped.endswith("a\n- b\n- c\n* * *\n> d")
    table = "a | b\n--- | ---\n" + "c | d\n" * 2000  # a table's rows stay one per line
    assert str(block(table)) == table.strip("\n")


@pytest.mark.parametrize(
    "text",
    [">## heading", "> >## heading", ">!!! note\n>    x", "- !!! note\n    x", "- >~~~\n  x"],
)
def test_containers_without_a_space_open_nothing(text: str) -> None:
    html = convert(str(block(text)))
    assert "<h" not in html and "admonition" not in html and "<pre" not in html, html
