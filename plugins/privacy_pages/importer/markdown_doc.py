"""A tolerant, line-based reader of Markdown privacy statements (Microsoft Learn / DocFX style).

It splits a page into blocks — front matter, headings, paragraphs, bullet trees, tables,
alerts, quotes, DocFX includes and images, code, raw HTML — and keeps the source line of
every block, so that the import report can point a writer at the exact line.

It accepts what real pages contain rather than what CommonMark allows: headings without a
space after ``#``, ``-**bold**`` bullets with no space, ``•`` bullets, lazy continuation lines,
tables without outer pipes or without a delimiter row, HTML tables, and a missing final
newline. It never raises on odd input: anything it cannot place becomes a paragraph.

Hostile input is read in time linear in its size, and nothing in it nests without bound: bullets
nested deeper than :data:`MAX_LIST_DEPTH` levels are kept, one level up, as siblings of the
deepest level (the document's ``notes`` say where, for the import report), so that every walk
over a list's tree (``ListItem.children``) is at most that deep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

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
# what the next token cannot take are possessive (``*+``), and the heading text, which the
# expression ``(.*?)(?:[ \t]+#+)?[ \t]*$`` found by trying each of its characters against the
# rest of the line, is cut by _atx_text.
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|(?=[^#\s]))")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*+\1){2,}+[ \t]*+$")
#: A code fence; a backtick fence's info string holds no backtick (CommonMark), so
#: "```PS> cmd```" on one line is a paragraph with a code span, not a fence left open.
_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}(?=[^`]*$)|~{3,})(?P<info>.*)$")
_BULLET = re.compile(
    r"^(?P<indent>[ \t]*)(?:(?P<bullet>[-+*•])(?:[ \t]+|(?=\*\*|__|\[))|(?P<number>\d{1,9})[.)](?:[ \t]+|$))(?P<text>.*)$"
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
_ATTR = re.compile(r"""(?P<key>[A-Za-z][\w-]*)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")
_NAME_RUN = re.compile(r"[\w-]+")
_LETTER = re.compile(r"[A-Za-z]")
_HTML_START = re.compile(r"^ {0,3}<(?:!--|/?[A-Za-z][A-Za-z0-9-]*(?:\s|/?>|$))")
_TABLE_DELIMITER = re.compile(r"^\s*+\|?\s*+:?-++:?\s*+(?:\|\s*+:?-++:?\s*+)*+\|?\s*+$")


def _atx_text(line: str, start: int) -> str:
    """The text of an ATX heading from ``start``: without a closing ``#`` run and trailing
    spaces (what ``(.*?)(?:[ \t]+#+)?[ \t]*$`` captures)."""
    text = line[start:].rstrip(" \t")
    words = text.rstrip("#")
    if len(words) < len(text) and words.endswith((" ", "\t")):
        return words.rstrip(" \t")
    return text


def _attributes(text: str) -> tuple[tuple[str, str], ...]:
    """``(key, value)`` of each ``key="value"`` in ``text``, as ``_ATTR.finditer`` finds them.

    Only the first letter of each run of name characters is tried: a key from a later letter
    of the run ends where the run ends too, so it fares the same (trying each letter of a long
    run took time quadratic in the run).
    """
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


def _indent_width(text: str) -> int:
    width = 0
    for char in text:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _blank(line: str) -> bool:
    return not line.strip()


def split_cells(line: str) -> list[str]:
    """The cells of a pipe-table row: pipes inside backticks or escaped with ``\\`` stay."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    cells: list[str] = []
    current: list[str] = []
    in_code = False
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] == "|":
            current.append("|")
            index += 2
            continue
        if char == "`":
            in_code = not in_code
        if char == "|" and not in_code:
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        index += 1
    cells.append("".join(current).strip())
    return cells


def _is_table_row(line: str) -> bool:
    stripped = line.strip()
    return "|" in stripped and not _FENCE.match(line)


def _starts_table(lines: list[str], index: int) -> bool:
    line = lines[index]
    if not _is_table_row(line):
        return False
    if (
        index + 1 < len(lines)
        and _TABLE_DELIMITER.match(lines[index + 1])
        and "-" in lines[index + 1]
    ):
        return "|" in lines[index + 1] or line.strip().count("|") >= 1
    # A pipe table without a delimiter row: two or more lines that start and end with '|'.
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        return following.startswith("|") and following.count("|") >= 3
    return False


# -- front matter --------------------------------------------------------------------------------


def _front_matter(lines: list[str]) -> tuple[FrontMatter | None, int]:
    """The front matter (if any) and the index of the first body line."""
    start = 0
    while start < len(lines) and _blank(lines[start]):
        start += 1
    if start >= len(lines) or lines[start].strip() != "---":
        return None, 0
    for index in range(start + 1, len(lines)):
        if lines[index].strip() in {"---", "..."}:
            text = "\n".join(lines[start + 1 : index])
            return FrontMatter(text, start + 1, index + 1), index + 1
    return None, 0


# -- HTML tables ---------------------------------------------------------------------------------


class _TableCollector(HTMLParser):
    """Rows and cells of an HTML table; cell content is kept as (simplified) HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.rows: list[tuple[list[str], bool]] = []
        self.cell: list[str] | None = None
        self.header_row = False
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.depth += 1
            if self.depth > 1 and self.cell is not None:
                self.cell.append(self.get_starttag_text() or "")
            return
        if self.depth > 1:
            if self.cell is not None:
                self.cell.append(self.get_starttag_text() or "")
            return
        if tag == "tr":
            self.rows.append(([], False))
        elif tag in {"td", "th"}:
            if not self.rows:
                self.rows.append(([], False))
            self.cell = []
            if tag == "th":
                cells, _ = self.rows[-1]
                self.rows[-1] = (cells, True)
        elif self.cell is not None:
            self.cell.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.cell is not None:
            self.cell.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.depth -= 1
            if self.depth >= 1 and self.cell is not None:
                self.cell.append("</table>")
            return
        if self.depth > 1:
            if self.cell is not None:
                self.cell.append(f"</{tag}>")
            return
        if tag in {"td", "th"} and self.cell is not None and self.rows:
            self.rows[-1][0].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif self.cell is not None:
            self.cell.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)

    def handle_entityref(self, name: str) -> None:
        if self.cell is not None:
            self.cell.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if self.cell is not None:
            self.cell.append(f"&#{name};")


#: How much HTML may follow a construct that never ends (``<td`` without ``>``, ``<!--``
#: without ``-->``) in a table. ``HTMLParser.close`` reads each such construct to the end of
#: the text, so its time grows with the square of what follows; past this, the table is kept
#: as raw HTML instead.
_HTML_UNFINISHED_LIMIT = 2000
#: A table is padded to its widest row only while that adds at most this many cells per cell.
_PAD_FACTOR = 4
_PAD_SLACK = 4096


def _html_table(
    text: str, line: int, end_line: int, notes: list[tuple[int, str]] | None = None
) -> Table | None:
    collector = _TableCollector()
    try:
        collector.feed(text)
        unfinished = collector.rawdata
        if unfinished.startswith("<") and len(unfinished) > _HTML_UNFINISHED_LIMIT:
            if notes is not None:
                notes.append(
                    (line, "an HTML table with a tag or comment that never ends; kept as HTML")
                )
            return None
        collector.close()
    except Exception:  # pragma: no cover - HTMLParser is lenient; be safe on odd input
        return None
    rows = [(cells, header) for cells, header in collector.rows if cells]
    if not rows:
        return None
    header_cells, _ = rows[0]
    body = tuple(TableRow(tuple(cells), line) for cells, _ in rows[1:])
    table = _padded(Table(tuple(header_cells), body, line, end_line, html=True))
    if table is None and notes is not None:
        notes.append((line, "an HTML table whose rows differ too much in width; kept as HTML"))
    return table


def _padded(table: Table) -> Table | None:
    """The table with every row as wide as the widest: a cell beyond the header is kept.

    ``None`` when that would multiply the table's cells (one row of thousands of cells over
    thousands of one-cell rows): the caller keeps such a table as text.
    """
    width = max([len(table.header), *(len(row.cells) for row in table.rows)])
    given = len(table.header) + sum(len(row.cells) for row in table.rows)
    if width * (len(table.rows) + 1) > _PAD_FACTOR * given + _PAD_SLACK:
        return None
    header = table.header + ("",) * (width - len(table.header))
    rows = tuple(
        TableRow(row.cells + ("",) * (width - len(row.cells)), row.line) for row in table.rows
    )
    return Table(header, rows, table.line, table.end_line, table.html)


# -- the reader ----------------------------------------------------------------------------------


class _Reader:
    def __init__(self, lines: list[str], first: int) -> None:
        self.lines = lines
        self.index = first
        self.blocks: list[Block] = []
        self.notes: list[tuple[int, str]] = []
        #: (probe start, index of the next ``:::image-end:::`` line or -1): lines searched once.
        self._image_end = (-1, -1)

    def line_no(self, index: int) -> int:
        return index + 1

    def run(self) -> list[Block]:
        while self.index < len(self.lines):
            line = self.lines[self.index]
            if _blank(line):
                self.index += 1
                continue
            block = self.block()
            if block is not None:
                self.blocks.append(block)
        return self.blocks

    def interrupts(self, index: int) -> bool:
        """Whether line ``index`` starts a new block (ending a paragraph)."""
        line = self.lines[index]
        if _blank(line):
            return True
        if _ATX.match(line) and line.lstrip().startswith("#"):
            return True
        if _FENCE.match(line) or _QUOTE.match(line) or _RULE.match(line):
            return True
        if _INCLUDE.match(line) or _IMAGE.match(line) or _DIRECTIVE.match(line):
            return True
        bullet = _BULLET.match(line)
        if bullet and (bullet.group("bullet") or bullet.group("number") in {"1", "0"}):
            return True
        if _HTML_START.match(line) and line.lstrip().lower().startswith(("<table", "<!--", "<div")):
            return True
        return _starts_table(self.lines, index)

    def block(self) -> Block | None:
        index = self.index
        line = self.lines[index]
        number = self.line_no(index)
        fence = _FENCE.match(line)
        if fence:
            return self.code(fence)
        atx = _ATX.match(line)
        if atx and line.lstrip().startswith("#"):
            self.index += 1
            return Heading(len(atx.group(1)), _clean_heading(_atx_text(line, atx.end())), number)
        if _QUOTE.match(line):
            return self.quote()
        include = _INCLUDE.match(line)
        if include:
            self.index += 1
            return Include(include.group("title").strip(), include.group("path").strip(), number)
        image = _IMAGE.match(line)
        if image:
            return self.image(image)
        if _DIRECTIVE.match(line):
            self.index += 1
            return Directive(line.strip(), number)
        if _RULE.match(line):
            self.index += 1
            return None  # a thematic break carries no text
        if _BULLET.match(line):
            return self.bullet_list()
        if _starts_table(self.lines, index):
            return self.table()
        if _HTML_START.match(line):
            return self.html()
        return self.paragraph()

    def code(self, fence: re.Match[str]) -> Code:
        start = self.index
        marker = fence.group("fence")
        body: list[str] = []
        self.index += 1
        while self.index < len(self.lines):
            line = self.lines[self.index]
            if line.strip().startswith(marker) and not line.strip().strip(marker[0]):
                self.index += 1
                break
            body.append(line)
            self.index += 1
        return Code(
            fence.group("info").strip(),
            "\n".join(body),
            self.line_no(start),
            self.line_no(self.index - 1),
        )

    def quote(self) -> Alert | Heading | Quote:
        start = self.index
        body: list[str] = []
        while self.index < len(self.lines) and _QUOTE.match(self.lines[self.index]):
            text = self.lines[self.index].lstrip()[1:]
            body.append(text[1:] if text.startswith(" ") else text)
            self.index += 1
        end = self.line_no(self.index - 1)
        first = body[0].strip() if body else ""
        alert = _ALERT.match(first)
        if alert:
            rest = [alert.group(2)] if alert.group(2) else []
            text = "\n".join(rest + body[1:]).strip()
            return Alert(alert.group(1).lower(), text, self.line_no(start), end)
        if _DIV.match(first):
            body = body[1:]
        atx = _ATX.match(first)
        if len(body) == 1 and atx and first.startswith("#"):
            # ">## Access Control": a heading set off as a quote, still the page's heading.
            return Heading(len(atx.group(1)), _clean_heading(_atx_text(first, atx.end())), end)
        return Quote("\n".join(body).strip(), self.line_no(start), end)

    def image(self, match: re.Match[str]) -> Image:
        start = self.index
        attrs = _attributes(match.group("attrs"))
        self.index += 1
        description: list[str] = []
        if dict(attrs).get("type", "").lower() == "complex":
            probe = self.next_image_end(self.index)
            if probe < len(self.lines):
                description = [line.strip() for line in self.lines[self.index : probe]]
                self.index = probe + 1
        return Image(
            attrs,
            self.line_no(start),
            self.line_no(self.index - 1),
            "\n".join(line for line in description if line),
        )

    def next_image_end(self, start: int) -> int:
        """The index of the first ``:::image-end:::`` line from ``start`` (or the line count).

        Each line is searched once however many images lack their end: the reader only moves
        forward, so the answer for an earlier start holds for every start up to it.
        """
        searched_from, found = self._image_end
        if 0 <= searched_from <= start and (found < 0 or start <= found):
            return len(self.lines) if found < 0 else found
        probe = start
        while probe < len(self.lines) and not _IMAGE_END.match(self.lines[probe]):
            probe += 1
        self._image_end = (start, probe if probe < len(self.lines) else -1)
        return probe

    def html(self) -> Block:
        start = self.index
        first = self.lines[start].lstrip()
        body: list[str] = []
        if first.startswith("<!--"):
            while self.index < len(self.lines):
                body.append(self.lines[self.index])
                self.index += 1
                if "-->" in body[-1]:
                    break
            return Html("\n".join(body), self.line_no(start), self.line_no(self.index - 1))
        if first.lower().startswith("<table"):
            depth = 0
            while self.index < len(self.lines):
                line = self.lines[self.index]
                body.append(line)
                self.index += 1
                depth += len(re.findall(r"<table\b", line, re.IGNORECASE))
                depth -= len(re.findall(r"</table\s*>", line, re.IGNORECASE))
                if depth <= 0:
                    break
            end = self.line_no(self.index - 1)
            table = _html_table("\n".join(body), self.line_no(start), end, self.notes)
            if table is not None:
                return table
            return Html("\n".join(body), self.line_no(start), end)
        while self.index < len(self.lines) and not _blank(self.lines[self.index]):
            body.append(self.lines[self.index])
            self.index += 1
        return Html("\n".join(body), self.line_no(start), self.line_no(self.index - 1))

    def paragraph(self) -> Block:
        start = self.index
        body = [self.lines[self.index].strip()]
        self.index += 1
        while self.index < len(self.lines):
            line = self.lines[self.index]
            setext = _SETEXT.match(line)
            if setext and not _blank(line):
                level = 1 if setext.group(1).startswith("=") else 2
                self.index += 1
                return Heading(level, _clean_heading(" ".join(body)), self.line_no(start))
            if self.interrupts(self.index):
                break
            body.append(line.strip())
            self.index += 1
        return Paragraph("\n".join(body), self.line_no(start), self.line_no(self.index - 1))

    def table(self) -> Table | Paragraph:
        start = self.index
        header = split_cells(self.lines[self.index])
        self.index += 1
        if self.index < len(self.lines) and _TABLE_DELIMITER.match(self.lines[self.index]):
            self.index += 1
        rows: list[TableRow] = []
        while self.index < len(self.lines):
            line = self.lines[self.index]
            if _blank(line) or not _is_table_row(line):
                break
            if _TABLE_DELIMITER.match(line) and "-" in line:
                self.index += 1
                continue
            rows.append(TableRow(tuple(split_cells(line)), self.line_no(self.index)))
            self.index += 1
        end = self.line_no(self.index - 1)
        table = _padded(Table(tuple(header), tuple(rows), self.line_no(start), end))
        if table is not None:
            return table
        self.notes.append(
            (self.line_no(start), "a table whose rows differ too much in width; kept as text")
        )
        text = "\n".join(line.strip() for line in self.lines[start : self.index])
        return Paragraph(text, self.line_no(start), end)

    def bullet_list(self) -> BulletList:
        """A list and everything nested in it, built into a tree by indentation."""
        start = self.index
        # Each entry: [indent, ordered, line, first-paragraph lines, further paragraphs, children]
        roots: list[_Draft] = []
        stack: list[_Draft] = []
        flattened = 0  # the first line whose bullet was kept a level up (0: none)
        last_was_blank = False
        while self.index < len(self.lines):
            line = self.lines[self.index]
            if _blank(line):
                last_was_blank = True
                self.index += 1
                continue
            match = _BULLET.match(line)
            indent = _indent_width(line)
            if match and not _RULE.match(line):
                if last_was_blank and not stack:
                    break
                draft = _Draft(
                    indent,
                    bool(match.group("number")),
                    self.line_no(self.index),
                    [match.group("text").strip()],
                )
                while stack and stack[-1].indent >= indent:
                    stack.pop()
                if len(stack) >= MAX_LIST_DEPTH:
                    # Nested deeper than the reader nests: kept as a sibling of the deepest
                    # bullet, with its text and its place in the page.
                    stack.pop()
                    flattened = flattened or draft.line
                if stack:
                    stack[-1].children.append(draft)
                else:
                    roots.append(draft)
                stack.append(draft)
                last_was_blank = False
                self.index += 1
                continue
            if not stack:
                break
            current = stack[-1]
            if last_was_blank:
                # After a blank line, only indented text continues the list.
                if indent < 2 or self.interrupts_in_list(self.index):
                    break
                owner = current
                for draft in reversed(stack):
                    if indent > draft.indent:
                        owner = draft
                        break
                owner.paragraphs.append([line.strip()])
                last_was_blank = False
                self.index += 1
                continue
            if self.interrupts_in_list(self.index):
                break
            target = current.paragraphs[-1] if current.paragraphs else current.lines
            target.append(line.strip())
            self.index += 1
        # Drop trailing blank lines from the list's extent.
        end = self.index - 1
        while end > start and _blank(self.lines[end]):
            end -= 1
        if flattened:
            self.notes.append(
                (
                    flattened,
                    f"bullets nested more than {MAX_LIST_DEPTH} levels deep are kept at level "
                    f"{MAX_LIST_DEPTH} (from this line on, in this list)",
                )
            )
        # The tree is at most MAX_LIST_DEPTH deep, which bounds the recursion of freeze().
        items = tuple(draft.freeze() for draft in roots)
        return BulletList(
            items, self.line_no(start), self.line_no(end), bool(roots and roots[0].ordered)
        )

    def interrupts_in_list(self, index: int) -> bool:
        line = self.lines[index]
        if _ATX.match(line) and line.lstrip().startswith("#"):
            return True
        if _FENCE.match(line) or _QUOTE.match(line) or _RULE.match(line):
            return True
        if _INCLUDE.match(line) or _IMAGE.match(line) or _DIRECTIVE.match(line):
            return True
        return _indent_width(line) < 2 and _starts_table(self.lines, index)


@dataclass
class _Draft:
    indent: int
    ordered: bool
    line: int
    lines: list[str]
    paragraphs: list[list[str]] = field(default_factory=list)
    children: list[_Draft] = field(default_factory=list)

    def freeze(self) -> ListItem:
        return ListItem(
            text="\n".join(self.lines).strip(),
            line=self.line,
            ordered=self.ordered,
            paragraphs=tuple("\n".join(p).strip() for p in self.paragraphs if any(p)),
            children=tuple(child.freeze() for child in self.children),
        )


_HEADING_ANCHOR = re.compile(r"<a\s+(?:name|id)=[\"'][^\"']*[\"']\s*>\s*</a>", re.IGNORECASE)


def _without_attributes(text: str) -> str:
    r"""``re.sub(r"\s*\{[#.][^}]*\}\s*$", "", text)``: a trailing ``{#id}`` or ``{.class}`` cut.

    The ``}`` is the text's last character but spaces, and the ``{`` the first one after the
    ``}`` before it that is followed by ``#`` or ``.``; with the spaces before it, that is where
    the expression's match starts (which it found by trying each ``{`` and each space against
    the rest of the text).
    """
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
    reader = _Reader(lines, first)
    blocks = reader.run()
    return Document(front, blocks, len(lines), reader.notes)


__all__ = [
    "MAX_LIST_DEPTH",
    "Alert",
    "Block",
    "BulletList",
    "Code",
    "Directive",
    "Document",
    "FrontMatter",
    "Heading",
    "Html",
    "Image",
    "Include",
    "ListItem",
    "Paragraph",
    "Quote",
    "Table",
    "TableRow",
    "parse",
    "split_cells",
]
