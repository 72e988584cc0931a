"""A tolerant reader of Markdown privacy statements (Microsoft Learn / DocFX style).

A page becomes blocks (headings, paragraphs, bullet trees, tables, alerts, quotes, DocFX
includes and images, code, raw HTML), each with its source lines for the import report. The
structure comes from markdown-it-py's CommonMark tokens and their line maps; each block's text
is its source lines. Real pages are not CommonMark, so a pre-pass rewrites lines (never adding
or removing one) and block rules of our own read what CommonMark does not: headings without a
space after ``#``; bullets written any which way (``-**bold**``, ``•``), nested by any deeper
indent; pipe tables without outer pipes or a delimiter row (markdown-it-py's GFM table rule
needs both, and splits cells at a pipe in code), and HTML tables; DocFX includes, images,
directives, alerts and ``[!div]`` quotes; ``{#id}`` and ``<a name>`` in headings.

It never raises: what it cannot place becomes a paragraph. Hostile input is read in linear
time, and nothing nests without bound: bullets deeper than :data:`MAX_LIST_DEPTH` are kept at
that depth (the document's ``notes`` say where), and quotes are read from their source lines.
"""

from __future__ import annotations

import bisect
import re
import textwrap
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.tree import SyntaxTreeNode

# -- blocks --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int
    end_line: int


@dataclass(frozen=True)
class ListItem:
    """One bullet: its first paragraph, any further paragraphs, and nested bullets."""

    text: str
    line: int
    ordered: bool = False
    paragraphs: tuple[str, ...] = ()
    children: tuple[ListItem, ...] = ()


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]
    line: int
    end_line: int
    ordered: bool = False


@dataclass(frozen=True)
class TableRow:
    cells: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[TableRow, ...]
    line: int
    end_line: int
    #: Written as an HTML ``<table>`` rather than a pipe table.
    html: bool = False


@dataclass(frozen=True)
class Alert:
    """A DocFX alert: ``> [!NOTE]`` followed by quoted lines."""

    kind: str
    text: str
    line: int
    end_line: int


@dataclass(frozen=True)
class Quote:
    text: str
    line: int
    end_line: int


@dataclass(frozen=True)
class Include:
    title: str
    path: str
    line: int


@dataclass(frozen=True)
class Image:
    attrs: tuple[tuple[str, str], ...]
    line: int
    end_line: int
    description: str = ""

    def attr(self, name: str) -> str:
        return dict(self.attrs).get(name, "")


@dataclass(frozen=True)
class Code:
    info: str
    text: str
    line: int
    end_line: int


@dataclass(frozen=True)
class Html:
    """A raw HTML block the reader does not interpret (comments, anchors, unknown tags)."""

    text: str
    line: int
    end_line: int


@dataclass(frozen=True)
class Directive:
    """A DocFX layout line such as ``:::row:::`` or ``:::zone pivot="x":::``: no content."""

    text: str
    line: int


Block = (
    Heading
    | Paragraph
    | BulletList
    | Table
    | Alert
    | Quote
    | Include
    | Image
    | Code
    | Html
    | Directive
)


@dataclass(frozen=True)
class FrontMatter:
    text: str
    #: The line of the opening ``---`` and of the closing one.
    line: int
    end_line: int


@dataclass
class Document:
    front_matter: FrontMatter | None
    blocks: list[Block] = field(default_factory=list)
    line_count: int = 0
    #: (line, message): what the reader changed to keep the page's structure bounded.
    notes: list[tuple[int, str]] = field(default_factory=list)


#: How deeply bullets nest in a :class:`BulletList`; deeper ones are kept at this level.
MAX_LIST_DEPTH = 10


# -- line patterns -------------------------------------------------------------------------------

# Line patterns are matched in time linear in the line: quantifiers that could only give back
# what the next token cannot take are possessive (``*+``).
_ATX = re.compile(r"^ {0,3}#{1,6}(?=[^#\s])")
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*+\1){2,}+[ \t]*+$")
#: A code fence; a backtick fence's info string holds no backtick (CommonMark), so
#: "```PS> cmd```" on one line is a paragraph with a code span, not a fence left open.
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}(?=[^`]*$)|~{3,})")
#: ("-**Bold** text": a bullet whose space is missing; "***In Short:***" is bold italics)
_BULLET = re.compile(
    r"^(?P<indent>[ \t]*+)(?:(?P<bullet>[-+*•])(?:[ \t]++|(?<![*])(?=\*\*|__)|(?=\[))"
    r"|(?P<number>\d{1,9})[.)](?:[ \t]++|$))(?P<text>.*)$"
)
_QUOTE = re.compile(r"^ {0,3}>")
_ALERT = re.compile(r"^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*(.*)$", re.IGNORECASE)
_DIV = re.compile(r"^\[!(div|video)\b[^\]]*\]\s*$", re.IGNORECASE)
_INCLUDE = re.compile(
    r"^\s*\[!INCLUDE\s*\[(?P<title>[^\]]*)\]\((?P<path>[^)]*)\)\s*\]\s*$", re.IGNORECASE
)
_IMAGE = re.compile(r"^\s*:::image\b(?P<attrs>.*?):::\s*$", re.IGNORECASE)
_IMAGE_END = re.compile(r"^\s*:::image-end:::\s*$", re.IGNORECASE)
_DIRECTIVE = re.compile(r"^\s*:::[a-z-]++.*:::\s*$|^\s*:::[a-z-]++(-end)?\s*$", re.IGNORECASE)
#: A line of an MDX page's module code ("import X from 'y'", "export const meta = {...}").
_ESM = re.compile(
    # (the names end before a run of spaces, not inside it: three runs sharing one took time
    # cubic in its length)
    r"^(?:import\s++(?:[\w*{},\s]+(?<!\s)\s+from\s+)?['\"][^'\"]+['\"]"
    r"|export\s+(?:const|default|function|let)\b).*$"
)
#: A line whose body is indented below it: a Material admonition ("!!! note", "???+ tip") or
#: content tab ('=== "Linux"'), a definition (": text") or a footnote ("[^1]: text"). Text
#: indented four spaces more than its body is code.
_BOX = re.compile(
    r"^\s*(?:(?:!!!|\?\?\?\+?)[ \t]+[\w-]|===[+!]?[ \t]+[\"']|:[ \t]+\S|\[\^[^\]\s]+\]:)"
)
#: A JSX element's tag ("<Tabs>", "</TabItem>"): an MDX page, where indentation is not code.
_JSX = re.compile(r"^\s*</?[A-Z][\w.]*[\s/>]")
_ATTR = re.compile(r"""(?P<key>[A-Za-z][\w-]*)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")
_NAME_RUN = re.compile(r"[\w-]+")
_LETTER = re.compile(r"[A-Za-z]")
_HTML_START = re.compile(r"^ {0,3}<(?:!--|/?[A-Za-z][A-Za-z0-9-]*(?:\s|/?>|$))")
_CELL_PARTS = re.compile(r"(\\\||`|\|)")
_TABLE_DELIMITER = re.compile(r"^\s*+\|?\s*+:?-++:?\s*+(?:\|\s*+:?-++:?\s*+)*+\|?\s*+$")


def _attributes(text: str) -> tuple[tuple[str, str], ...]:
    """``(key, value)`` of each ``key="value"`` in ``text``, as ``_ATTR.finditer`` finds them,
    trying only the first letter of each run of name characters (a later letter fares the
    same; trying each took time quadratic in the run)."""
    found: list[tuple[str, str]] = []
    position = 0
    while (run := _NAME_RUN.search(text, position)) is not None:
        letter = _LETTER.search(text, run.start(), run.end())
        match = _ATTR.match(text, letter.start()) if letter else None
        if match is None:
            position = run.end()
            continue
        value = match.group("dq") if match.group("dq") is not None else match.group("sq")
        found.append((match.group("key").lower(), value))
        position = match.end()
    return tuple(found)


def _indent_width(line: str) -> int:
    return len(line[: len(line) - len(line.lstrip(" \t"))].expandtabs(4))


def split_cells(line: str) -> list[str]:
    """The cells of a pipe-table row: pipes inside backticks or escaped with ``\\`` stay."""
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    cells: list[str] = []
    current: list[str] = []
    in_code = False
    for part in _CELL_PARTS.split(text):
        if part == "|" and not in_code:
            cells.append("".join(current).strip())
            current = []
        else:
            in_code ^= part == "`"
            current.append("|" if part == "\\|" else part)
    cells.append("".join(current).strip())
    return cells


def _is_table_row(line: str) -> bool:
    return "|" in line and not _FENCE.match(line)


def _starts_table(lines: list[str], index: int) -> bool:
    line = lines[index]
    if not _is_table_row(line):
        return False
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if _delimiter(following):
        return True
    # A pipe table without a delimiter row: two or more lines that start and end with '|'.
    stripped, following = line.strip(), following.strip()
    if not (stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3):
        return False
    return following.startswith("|") and following.count("|") >= 3


def _delimiter(line: str) -> bool:
    return bool(_TABLE_DELIMITER.match(line)) and "-" in line


def _table_end(lines: list[str], start: int) -> int:
    """The index after the last row of the pipe table that starts at ``start``."""
    index = start + 1
    if index < len(lines) and _delimiter(lines[index]):  # "---" under "a | b" has no pipe
        index += 1
    while index < len(lines) and lines[index].strip() and _is_table_row(lines[index]):
        index += 1
    return index


def _breaks_paragraph(line: str) -> bool:
    return line.lstrip().lower().startswith(("<table", "<!--", "<div"))


def _html_end(lines: list[str], start: int) -> int:
    """The index after raw HTML: a comment to ``-->``, a table to its end, else a blank line."""
    first, index, depth = lines[start].lstrip().lower(), start, 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if first.startswith("<!--"):
            if "-->" in line:
                break
        elif first.startswith("<table"):
            depth += len(re.findall(r"<table\b", line, re.IGNORECASE))
            depth -= len(re.findall(r"</table\s*>", line, re.IGNORECASE))
            if depth <= 0:
                break
        elif index < len(lines) and not lines[index].strip():
            break
    return index


# -- the pre-pass --------------------------------------------------------------------------------


@dataclass
class _Page:
    """The page's lines, and what the pre-pass found for the block rules and the tree walk."""

    lines: list[str]
    #: Lines inside an open bullet list, where our rules leave the line to the list item.
    in_list: set[int] = field(default_factory=set)
    #: Index of a DocFX line (include, image, directive): its block and its last line.
    docfx: dict[int, tuple[Block, int]] = field(default_factory=dict)
    notes: list[tuple[int, str]] = field(default_factory=list)


def _ends_list(lines: list[str], index: int) -> bool:
    """Whether line ``index``, not a bullet, ends an open list however it is indented."""
    line = lines[index]
    if _HEADING.match(line) or _ATX.match(line) or _FENCE.match(line) or _QUOTE.match(line):
        return True
    if _RULE.match(line) or _INCLUDE.match(line) or _IMAGE.match(line) or _DIRECTIVE.match(line):
        return True
    return _indent_width(line) < 2 and _starts_table(lines, index)


def _docfx(page: _Page, index: int, image_ends: list[int] | None) -> list[int] | None:
    """Registers the DocFX line ``index`` (if it is one); returns the ``:::image-end:::`` lines."""
    line, number = page.lines[index], index + 1
    if include := _INCLUDE.match(line):
        page.docfx[index] = (
            Include(include["title"].strip(), include["path"].strip(), number),
            index,
        )
    elif image := _IMAGE.match(line):
        attrs, end, description = _attributes(image["attrs"]), index, ""
        if dict(attrs).get("type", "").lower() == "complex":
            # Found in one pass over the page, however many images lack their end.
            if image_ends is None:
                image_ends = [k for k, text in enumerate(page.lines) if _IMAGE_END.match(text)]
            at = bisect.bisect_right(image_ends, index)
            if at < len(image_ends):
                end = image_ends[at]
                lines = (text.strip() for text in page.lines[index + 1 : end])
                description = "\n".join(text for text in lines if text)
        page.docfx[index] = (Image(attrs, number, end + 1, description), end)
    elif _DIRECTIVE.match(line):
        page.docfx[index] = (Directive(line.strip(), number), index)
    return image_ends


def _prepare(page: _Page, first: int) -> str:
    """The page rewritten line for line into what markdown-it-py reads as intended."""
    lines = page.lines
    out = [""] * first + lines[first:]
    stack: list[int] = []  # the indent of each open bullet, outermost first
    fence, blank_before, text_before, flattened = "", True, False, False
    image_ends: list[int] | None = None
    # Indentation is code (CommonMark), but not in a box's body, nor after a list item's text
    # (a list our reader ends early) or an HTML tag ("<details>", indented inside), nor on an
    # MDX page or one indented throughout.
    said, fenced = [], False  # (the lines that are not blank, outside fences)
    for line in lines:
        fenced ^= _FENCE.match(line) is not None
        said += [line] if line.strip() and not fenced else []
    loose = sum(_indent_width(line) >= 4 for line in said) * 2 > len(said)
    loose = loose and not any(map(_BOX.match, said))  # (a page of boxes: their bodies)
    loose = loose or any(_ESM.match(line) or _JSX.match(line) for line in lines)
    boxes: list[int] = []  # the indent of each open box's line, outermost first
    code = -1  # the indent of the open indented code block's lines
    shallow = 0  # the indent of the last line that is not code (an HTML line's: deep)
    index = first
    while index < len(lines):
        line = lines[index]
        if fence:  # code is left as written, up to its closing fence
            stripped = line.strip()
            fence = "" if stripped.startswith(fence) and not stripped.strip(fence[0]) else fence
            index += 1
            continue
        if not line.strip():
            blank_before, text_before = True, False
            index += 1
            continue
        indent = _indent_width(line)
        while boxes and indent <= boxes[-1]:
            boxes.pop()
        least = boxes[-1] + 8 if boxes else 4
        if code < 0 and blank_before and not (stack or loose) and shallow < least - 2 <= indent - 2:
            code = -1 if _starts_table(lines, index) else least
        if 0 <= code <= indent:  # left as written: markdown-it-py's code block
            blank_before = text_before = False
            index += 1
            continue
        code, shallow = -1, 8 if _HTML_START.match(line) else indent
        bullet = _BULLET.match(line)
        setext = text_before and _SETEXT.match(line)  # "- " under a paragraph underlines it
        if (
            bullet
            and not setext
            and not _RULE.match(line)
            and (stack or not text_before or bullet["number"] in {None, "0", "1"})
        ):
            while stack and stack[-1] >= indent:
                stack.pop()
            if len(stack) >= MAX_LIST_DEPTH:
                # Nested deeper than the reader nests: kept as a sibling of the deepest bullet.
                stack.pop()
                if not flattened:
                    page.notes.append((index + 1, _FLATTENED))
                flattened = True
            # Every bullet as "- x" at its parent's content column: CommonMark then nests by
            # indentation as written, one list holds bullets of every kind, and the bullet's
            # text (read from the source line) is never taken for a block of its own.
            out[index] = "  " * len(stack) + "- x"
            stack.append(indent)
            page.in_list.add(index)
            blank_before = text_before = False
            index += 1
            continue
        if stack and not _ends_list(lines, index) and (not blank_before or indent >= 2):
            if blank_before:  # a further paragraph: of the deepest bullet indented less
                owner = next((d for d in reversed(range(len(stack))) if stack[d] < indent), -1)
                del stack[owner + 1 if owner >= 0 else len(stack) :]
            # Text of the item: at its content column, and never a block or setext underline of
            # its own (a fence indented four spaces would otherwise take the lines after it).
            text = line.strip()
            escape = "\\" if text[:1] in "`~#>=-+*" else ""
            out[index] = "  " * len(stack) + escape + text
            page.in_list.add(index)
            blank_before = False
            index += 1
            continue
        image_ends = _docfx(page, index, image_ends)
        table = _starts_table(lines, index)
        # Ends the list (CommonMark ends it at a line indented less than its items); a table
        # or DocFX line interrupts a paragraph however deeply it is indented. Other text
        # indented four spaces (a paragraph's next line, a box's body) is text: escaped.
        if indent < 4 or stack or table or index in page.docfx:
            out[index] = line = line.lstrip()
        else:
            out[index] = "\\" + line.lstrip()
        stack.clear()
        flattened = False
        if _BOX.match(line):
            boxes.append(indent)
        if atx := _ATX.match(line):
            out[index] = line[: atx.end()] + " " + line[atx.end() :]
        marker = line.strip()  # text, not an empty bullet or heading (but "-" may underline)
        if marker in {"+", "*"} or (marker == "-" and not setext) or not line.lstrip().strip("#"):
            out[index] = "\\" + marker
        if opening := _FENCE.match(line):
            fence = opening["fence"]
        # Tables, HTML and DocFX blocks are read by our rules, from the source: skipped here.
        block = table or index in page.docfx
        last = page.docfx[index][1] if index in page.docfx else index
        if table:
            last = _table_end(lines, index) - 1
        elif _HTML_START.match(line) and (not text_before or _breaks_paragraph(line)):
            last, block = _html_end(lines, index) - 1, True
        # Only after a paragraph's line is "- " an underline and "2." no bullet.
        text_before = not (setext or block or _ends_list(lines, index))
        blank_before = False
        index = last + 1
    return "\n".join(out)


_FLATTENED = (
    f"bullets nested more than {MAX_LIST_DEPTH} levels deep are kept at level "
    f"{MAX_LIST_DEPTH} (from this line on, in this list)"
)


# -- block rules of our own ----------------------------------------------------------------------


def _push(state: StateBlock, start: int, end: int, block: Block) -> bool:
    """A token carrying a finished block for lines ``start`` to ``end`` (exclusive)."""
    token = state.push("block", "", 0)
    token.map = [start, end]
    token.meta = {"block": block}
    state.line = end
    return True


def _docfx_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    found = state.env["page"].docfx.get(start)
    if found is None or silent:
        return found is not None
    return not state.level and _push(state, start, found[1] + 1, found[0])


def _table_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    page: _Page = state.env["page"]
    lines = page.lines
    if start in page.in_list or not _starts_table(lines, start):
        return False
    if silent or state.level:  # a table in a quote stays the quote's text
        return silent
    index = _table_end(lines, start)
    body = enumerate(lines[start + 1 : index], start + 2)
    rows = tuple(TableRow(tuple(split_cells(line)), n) for n, line in body if not _delimiter(line))
    table = _padded(Table(tuple(split_cells(lines[start])), rows, start + 1, index))
    if table is None:
        page.notes.append((start + 1, "a table whose rows differ too much in width; kept as text"))
        text = "\n".join(line.strip() for line in lines[start:index])
        return _push(state, start, index, Paragraph(text, start + 1, index))
    return _push(state, start, index, table)


def _html_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Raw HTML: a comment up to ``-->``, a ``<table>`` up to its end, else up to a blank line."""
    page: _Page = state.env["page"]
    lines = page.lines
    first = lines[start].lstrip().lower()
    if start in page.in_list or not _HTML_START.match(lines[start]):
        return False
    if silent or state.level:  # only some interrupt a paragraph; HTML in a quote is its text
        return silent and _breaks_paragraph(first)
    index = _html_end(lines, start)
    text = "\n".join(lines[start:index])
    table = _html_table(text, start + 1, index, page.notes) if first.startswith("<table") else None
    return _push(state, start, index, table or Html(text, start + 1, index))


_MD = MarkdownIt("commonmark", {"maxNesting": 2 * MAX_LIST_DEPTH + 8})
# "[x]: url" lines are text, not hidden definitions; indented code is the pre-pass's to say.
_MD.disable(["reference", "html_block"])
_MD.core.ruler.enableOnly(["normalize", "block"])  # blocks only: their text is the source
_MD.block.ruler.before("fence", "docfx", _docfx_rule, {"alt": ["paragraph", "blockquote"]})
_MD.block.ruler.before("lheading", "pipe_table", _table_rule, {"alt": ["paragraph", "blockquote"]})
_MD.block.ruler.before("lheading", "raw_html", _html_rule, {"alt": ["paragraph", "blockquote"]})


# -- from tokens to blocks -----------------------------------------------------------------------


def _source(lines: list[str], start: int, end: int) -> str:
    return "\n".join(line.strip() for line in lines[start:end]).strip()


def _last_line(lines: list[str], start: int, end: int) -> int:
    """The 1-based number of the last non-blank line of ``start`` to ``end`` (exclusive)."""
    while end - 1 > start and not lines[end - 1].strip():
        end -= 1
    return end


#: A quote that holds only a heading (">## Access Control").
_QUOTED_HEADING = re.compile(r"^(#{1,6})[ \t]*(\S(?:.*?(?<![ \t#]))?)[ \t#]*$")


def _quote(lines: list[str], start: int, end: int) -> Alert | Heading | Quote:
    end = _last_line(lines, start, end)
    body: list[str] = []
    for line in lines[start:end]:
        text = line.lstrip()[1:] if _QUOTE.match(line) else line.strip()  # lazy: no ">"
        body.append(text[1:] if text.startswith(" ") else text)
    first = body[0].strip()
    if alert := _ALERT.match(first):
        text = "\n".join(([alert[2]] if alert[2] else []) + body[1:]).strip()
        return Alert(alert[1].lower(), text, start + 1, end)
    if _DIV.match(first):
        body = body[1:]
    heading = _QUOTED_HEADING.match(first)
    if len(body) == 1 and heading:  # a heading set off as a quote: still the page's heading
        return Heading(len(heading[1]), _clean_heading(heading[2]), start + 1)
    return Quote("\n".join(body).strip(), start + 1, end)


def _item(lines: list[str], node: SyntaxTreeNode) -> ListItem:
    start = node.map[0] if node.map else 0
    bullet = _BULLET.match(lines[start])
    text = [bullet["text"].strip() if bullet else lines[start].strip()]
    paragraphs: list[str] = []
    children: list[ListItem] = []
    for child in node.children:
        begin, end = child.map or (start, start + 1)
        if begin == start:  # the bullet's own paragraph ("- x" in the pre-pass)
            text.extend(line.strip() for line in lines[max(begin, start + 1) : end])
        elif child.type in {"bullet_list", "ordered_list"}:
            # At most MAX_LIST_DEPTH deep: the pre-pass flattened deeper bullets.
            children.extend(_item(lines, item) for item in child.children)
        elif paragraph := _source(lines, begin, end):
            paragraphs.append(paragraph)
    ordered = bool(bullet["number"]) if bullet else False
    return ListItem("\n".join(text).strip(), start + 1, ordered, tuple(paragraphs), tuple(children))


_DOCFX_TAB = re.compile(r"^\[(?P<label>[^\]]+)\]\(#tab/[^)\s]+\)$")


def _block(lines: list[str], node: SyntaxTreeNode) -> Block | None:
    start, end = node.map or (0, 0)
    if node.type == "block":
        block: Block = node.meta["block"]
        return block
    if node.type == "heading":
        # An ATX heading's text as markdown-it-py cut it; a setext heading's, its source lines.
        atx = node.markup.startswith("#") and node.children
        text = node.children[0].content if atx else " ".join(lines[start : end - 1])
        if tab := _DOCFX_TAB.match(text.strip()):
            # "# [Windows](#tab/windows)": a DocFX tab of the section it is in, not a section
            return Paragraph(f"**{tab['label']}**", start + 1, start + 1)
        return Heading(int(node.tag[1:]), _clean_heading(text), start + 1)
    if node.type in {"bullet_list", "ordered_list"}:
        items = tuple(_item(lines, item) for item in node.children)
        last = _last_line(lines, start, end)
        return BulletList(items, start + 1, last, bool(items and items[0].ordered))
    if node.type == "blockquote":
        return _quote(lines, start, end)
    if node.type == "fence":
        closing = lines[end - 1].strip() if end - 1 > start else ""
        closed = closing.startswith(node.markup) and not closing.strip(node.markup[0])
        end = end if closed else len(lines)  # open to the end of the page, blank lines too
        body = lines[start + 1 : end - 1 if closed else end]
        return Code(node.info.strip(), "\n".join(body), start + 1, end)
    if node.type == "code_block":
        end = _last_line(lines, start, end)
        return Code("", textwrap.dedent("\n".join(lines[start:end])), start + 1, end)
    if node.type == "hr":
        return None  # a thematic break carries no text
    # A paragraph, or anything else markdown-it-py may give: its source lines as a paragraph.
    text = _source(lines, start, end)
    if not text:
        return None  # a paragraph of no-break spaces ("&nbsp;" typed as one) carries no text
    if all(_ESM.match(line) for line in text.splitlines()):
        # An MDX page's "import { Callout } from 'nextra-theme-docs'": code, not its words.
        return Code("js", text, start + 1, _last_line(lines, start, end))
    return Paragraph(text, start + 1, _last_line(lines, start, end))


# -- front matter --------------------------------------------------------------------------------


def _front_matter(lines: list[str]) -> tuple[FrontMatter | None, int]:
    """The front matter (if any) and the index of the first body line."""
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines) or lines[start].strip() != "---":
        return None, 0
    for index in range(start + 1, len(lines)):
        if lines[index].strip() in {"---", "..."}:
            text = "\n".join(lines[start + 1 : index])
            return FrontMatter(text, start + 1, index + 1), index + 1
    return None, 0


#: A key whose value is a block scalar (``text: |``, ``- note: >-``), in a mapping or a list's
#: entry: ``lead`` up to the key, ``style`` literal (``|``) or folded (``>``).
BLOCK_KEY = re.compile(r"^(?P<lead>\s*(?:-\s+)?)[\w.-]+\s*:\s*(?P<style>[|>])[-+0-9]*\s*(?:#.*)?$")


def _text_in_front_matter(
    lines: list[str], front: FrontMatter, notes: list[tuple[int, str]]
) -> list[str]:
    """A page whose text is all in its front matter's literal blocks (a Hugo Blox landing
    page: ``sections: - block: markdown``, ``text: |``): the page's lines with each block's
    lines unindented where they stand, and every other line blank, so that its Markdown is
    read with the line numbers of the page. Blocks of fewer than three lines are values."""
    read = [""] * len(lines)
    index = front.line  # (the line after the opening ``---``, 0-based)
    while index < front.end_line - 1:
        key = BLOCK_KEY.match(lines[index])
        index += 1
        if key is None or key["style"] != "|":
            continue
        start = index
        while index < front.end_line - 1 and (
            not lines[index].strip() or _indent_width(lines[index]) > len(key["lead"])
        ):
            index += 1
        block = [line for line in lines[start:index] if line.strip()]
        if len(block) < 3:
            continue
        width = min(_indent_width(line) for line in block)
        read[start:index] = [line.expandtabs(4)[width:] for line in lines[start:index]]
        notes.append((start + 1, "the page's text is in its front matter; read as its Markdown"))
    return read


# -- HTML tables ---------------------------------------------------------------------------------


class _TableCollector(HTMLParser):
    """Rows and cells of an HTML table; cell content is kept as (simplified) HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.depth = 0  # of tables: a nested table is content of its cell
        #: Each row's (rowspan, colspan) per cell, for :meth:`grid`.
        self.spans: list[list[tuple[int, int]]] = []

    def add(self, text: str) -> None:
        if self.cell is not None:
            self.cell.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += tag == "table"
        if self.depth > 1 or tag not in {"table", "tr", "td", "th"}:
            self.add(self.get_starttag_text() or "")
        elif tag == "tr" or (tag != "table" and not self.rows):
            self.rows.append([])
            self.spans.append([])
        if self.depth <= 1 and tag in {"td", "th"}:
            self.cell = []
            found = dict(attrs)
            self.spans[-1].append((_span(found.get("rowspan")), _span(found.get("colspan"))))

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag == "table"
        if tag in {"td", "th"} and self.depth <= 1 and self.cell is not None and self.rows:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag != "table" or self.depth >= 1:
            self.add(f"</{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.add(self.get_starttag_text() or "")

    def grid(self) -> list[list[str]]:
        """The rows with each cell where its ``rowspan`` and ``colspan`` put it: a cell that
        spans rows ("Not collected by default." beside fifteen data types) is in each of them;
        one that spans columns is in its first, the others empty."""
        grid: list[list[str]] = []
        carried: dict[int, tuple[int, str]] = {}  # column: (rows still to fill, text)
        for cells, spans in zip(self.rows, self.spans, strict=False):
            row: list[str] = []
            queue = list(zip(cells, spans, strict=False))
            while queue or len(row) in carried:
                column = len(row)
                if column in carried:
                    left, text = carried.pop(column)
                    row.append(text)
                    if left > 1:
                        carried[column] = (left - 1, text)
                    continue
                text, (rows, columns) = queue.pop(0)
                for offset in range(max(1, min(columns, _MAX_COLUMNS - column))):
                    row.append(text if offset == 0 else "")
                    if rows > 1:
                        carried[column + offset] = (rows - 1, row[-1])
            grid.append(row)
        return grid

    def handle_data(self, data: str) -> None:
        self.add(data)

    def handle_entityref(self, name: str) -> None:
        self.add(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.add(f"&#{name};")


#: How much HTML may follow a construct that never ends (``<td`` without ``>``) in a table:
#: ``HTMLParser.close`` reads each to the end of the text (time quadratic in what follows), so
#: past this, the table is kept as raw HTML.
_HTML_UNFINISHED_LIMIT = 2000
#: A table is padded to its widest row only while that adds at most this many cells per cell.
_PAD_FACTOR = 4
_PAD_SLACK = 4096


#: The most rows or columns a cell's span is taken to cover (a larger span is clipped; the
#: padding check below bounds the table as a whole).
_MAX_SPAN = 1000


#: The widest row a table's spans may make (its cells beyond stay in their own columns).
_MAX_COLUMNS = 200


def _span(value: str | None) -> int:
    """A ``rowspan`` or ``colspan`` value: a whole number from 1 to :data:`_MAX_SPAN`."""
    digits = (value or "").strip()
    return min(max(int(digits), 1), _MAX_SPAN) if digits.isdigit() and len(digits) < 6 else 1


def _html_table(text: str, line: int, end_line: int, notes: list[tuple[int, str]]) -> Table | None:
    collector = _TableCollector()
    try:
        collector.feed(text)
        unfinished = collector.rawdata
        if unfinished.startswith("<") and len(unfinished) > _HTML_UNFINISHED_LIMIT:
            notes.append(
                (line, "an HTML table with a tag or comment that never ends; kept as HTML")
            )
            return None
        collector.close()
    except Exception:  # pragma: no cover - HTMLParser is lenient; be safe on odd input
        return None
    rows = [cells for cells in collector.grid() if cells]
    if not rows:
        return None
    body = tuple(TableRow(tuple(cells), line) for cells in rows[1:])
    table = _padded(Table(tuple(rows[0]), body, line, end_line, html=True))
    if table is None:
        notes.append((line, "an HTML table whose rows differ too much in width; kept as HTML"))
    return table


def _padded(table: Table) -> Table | None:
    """The table with every row as wide as the widest (a cell beyond the header is kept);
    ``None`` when that would multiply its cells: the caller keeps such a table as text."""
    width = max([len(table.header), *(len(row.cells) for row in table.rows)])
    given = len(table.header) + sum(len(row.cells) for row in table.rows)
    if width * (len(table.rows) + 1) > _PAD_FACTOR * given + _PAD_SLACK:
        return None
    header = table.header + ("",) * (width - len(table.header))
    rows = tuple(
        TableRow(row.cells + ("",) * (width - len(row.cells)), row.line) for row in table.rows
    )
    return Table(header, rows, table.line, table.end_line, table.html)


_HEADING_ANCHOR = re.compile(r"<a\s+(?:name|id)=[\"'][^\"']*[\"']\s*>\s*</a>", re.IGNORECASE)


def _without_attributes(text: str) -> str:
    r"""``re.sub(r"\s*\{[#.][^}]*\}\s*$", "", text)``: a trailing ``{#id}`` or ``{.class}`` cut,
    found by scanning back from the last ``}`` (the expression tried each ``{`` and space)."""
    words = text.rstrip()
    close = len(words) - 1
    if close < 0 or words[close] != "}":
        return text
    opening = words.rfind("}", 0, close) + 1
    while (opening := words.find("{", opening, close)) >= 0:
        if words[opening + 1] in "#.":
            while opening > 0 and text[opening - 1].isspace():
                opening -= 1
            return text[:opening]
        opening += 1
    return text


def _clean_heading(text: str) -> str:
    text = _HEADING_ANCHOR.sub("", text)
    text = _without_attributes(text)
    return " ".join(text.split())


def parse(text: str) -> Document:
    """Read a Markdown page into blocks with their line numbers."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    front, first = _front_matter(lines)
    notes: list[tuple[int, str]] = []
    if front is not None and not any(line.strip() for line in lines[first:]):
        lines, first = _text_in_front_matter(lines, front, notes), 0
    page = _Page(lines, notes=notes)
    source = _prepare(page, first)
    tree = SyntaxTreeNode(_MD.parse(source, {"page": page}))
    blocks = [block for node in tree.children if (block := _block(lines, node)) is not None]
    blocks = _plain_headings(blocks, page.notes)
    return Document(front, blocks, len(lines), sorted(page.notes))


#: A line that reads as a heading on a page written without Markdown headings: a few words, no
#: sentence's end, no link or code ("Data not collected", "Events (and allowed properties)").
_PLAIN_HEADING = re.compile(r"^[A-Z][^\n.!?:;,`\[\]*_<>|]{0,60}$")


def _plain_headings(blocks: list[Block], notes: list[tuple[int, str]]) -> list[Block]:
    """On a page with no heading at all, the one-line paragraphs of a few words that each open a
    list or a table, read as its section headings (and a first such line as its title), so that
    its sections are read as a page with headings is. The report names each line."""
    if any(isinstance(block, Heading) for block in blocks):
        return blocks
    opens = [
        index
        for index, block in enumerate(blocks[:-1])
        if isinstance(block, Paragraph)
        and block.line == block.end_line
        and len(block.text.split()) <= 8
        and _PLAIN_HEADING.match(block.text.strip())
        and isinstance(blocks[index + 1], BulletList | Table)
    ]
    if len(opens) < 2:  # one short line before a list is a lead, not a page's outline
        return blocks
    result = list(blocks)
    first = blocks[0]
    if (
        0 not in opens
        and isinstance(first, Paragraph)
        and first.line == first.end_line
        and _PLAIN_HEADING.match(first.text.strip())
    ):
        result[0] = Heading(1, first.text.strip(), first.line)
        notes.append((first.line, "a line read as the page's title (the page has no headings)"))
    for index in opens:
        block = blocks[index]
        assert isinstance(block, Paragraph)
        result[index] = Heading(2, block.text.strip(), block.line)
        notes.append((block.line, "a line read as a section heading (the page has no headings)"))
    return result
