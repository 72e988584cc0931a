"""The blocks of a generated page whose HTML is known without running Python-Markdown.

A product page is made from templates, so most of its Markdown has a few shapes: paragraphs,
lists of data items, simple pipe tables and notes, holding text that the core has already
escaped. For those shapes Python-Markdown's output is fixed, and working it out took most of the
time MkDocs spent on a product page (every inline pattern is tried on every piece of text). This
module writes that HTML itself, byte for byte what Python-Markdown writes, and leaves a marker
line for each block in the Markdown instead, which Python-Markdown's ``htmlStash`` stores (see
:mod:`.stash`), as :mod:`.html_blocks` does for raw HTML.

Everything else stays in the Markdown: headings (so the table of contents, ids and permalinks
are MkDocs' own), links to other pages (MkDocs rewrites and checks them), code, and any syntax
this module does not know; an item of a list that it cannot write stays in the list, the others
are written here. It declines a block rather than guess:

* only for a site whose Markdown extensions are all in :data:`SAFE_EXTENSIONS` (extensions that
  leave these shapes alone); any other extension, or one given as an object, turns it off;
* a page with fenced code, comments, block-level HTML or characters Python-Markdown rewrites
  first (tabs, carriage returns) keeps all of its Markdown;
* text with any construct beyond escapes, entities, inline tags, ``**strong**``, ``*em*``,
  links to other sites or within the page and plain characters stays in the Markdown, with
  the block around it;
* a block is taken only where no neighbour can change how Python-Markdown reads it (a list
  whose previous block stayed behind may continue that one, so it stays behind too);
* a page into which Python-Markdown lets one of its own placeholders is converted again with
  its blocks in the Markdown (:func:`.stash.has_markdown_placeholder`).

``tests/test_plain_blocks.py`` compares the result with Python-Markdown on every generated page
of the example site and on random documents made of these shapes and hostile text.
"""

from __future__ import annotations

import contextlib
import html
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import markdown

from ..content_links import ContentLinks
from .html_blocks import MARKER as RAW_HTML_MARKER

#: Extensions that change nothing in the shapes taken here (they act on headings, code, fenced
#: blocks, or syntax this module declines: brackets, backticks, ``:::``, ``>``).
SAFE_EXTENSIONS = frozenset(
    {
        "admonition",
        "attr_list",
        "codehilite",
        "fenced_code",
        "footnotes",
        "tables",
        "toc",
        "pymdownx.highlight",
        "pymdownx.superfences",
        "pymdownx.inlinehilite",
        "pymdownx.details",
        "pymdownx.tabbed",
        "pymdownx.tasklist",
        "privacy_pages.learn_syntax",
    }
)

#: What makes a whole page stay Markdown: fenced code, comments, raw text, declarations, and the
#: characters Python-Markdown rewrites before it reads blocks.
_PAGE_OPAQUE = ("```", "~~~", "<!", "<?", "<pre", "<script", "<style", "<textarea", ":::")
#: A Learn include: its text is put into the page before Python-Markdown reads it.
_INCLUDE = re.compile(r"\[!include", re.IGNORECASE)
_PAGE_REWRITTEN = re.compile("[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

#: An inline tag as the templates write it: Python-Markdown keeps it as raw HTML, as written.
#: (An attribute's value on one line: MkDocs reads the ids of the whole page with an HTML parser,
#: and a value over a blank line would change where it reads the tags after a block taken out.)
_TAG = re.compile(r'</?([a-zA-Z][a-zA-Z0-9]*)((?: [a-zA-Z-]+="[^"<>\n]*")*)\s*/?>')
#: From a name's first character only (from each of them, time quadratic in a long name).
_ATTRIBUTE = re.compile(r'(?<![a-zA-Z-])([a-zA-Z-]+)="([^"<>\n]*)"')
_INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "br", "em", "i", "kbd", "mark", "small", "span", "strong", "sub", "sup"}
)
#: An entity: Python-Markdown keeps it as written.
_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);")
#: An ``&`` or ``<`` that starts no entity or tag. Python-Markdown reads the whole page with an
#: HTML parser before anything else, and such a character can change how it reads the blocks
#: after it (``&#`` in one paragraph has garbled a tag two paragraphs on): content never has
#: one (its ``&`` and ``<`` are escaped), so a page with one keeps all of its Markdown.
_STRAY = re.compile(
    r'&(?!(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)|<(?!/?[a-zA-Z][a-zA-Z0-9]*(?: [a-zA-Z-]+="[^"<>\n]*")*\s*/?>)'
)
#: Characters that start a construct this module does not write.
_DECLINED = re.compile(r"[`\[\]_{}]|  \n|\s$")
#: The tokens of inline text: an escape, a tag, an entity, a run of two stars, a link, a star,
#: or a pipe.
_INLINE = re.compile(r"\\(.)|(<)|(&)|(\*\*)|(\[)|(\*)|(\|)", re.DOTALL)
#: A link to another site or to an anchor of the same page, with nothing in its target that
#: Python-Markdown reads. MkDocs leaves both as they are; it checks that the page has the anchor
#: (the plugin tells it of them). A link to another page MkDocs rewrites: it stays behind.
_LINK = re.compile(r"\[([^\[\]\n]+)\]\((https?://[^\s()<>\"'\\\[\]`|*]+|#([A-Za-z0-9_-]+))\)")

#: The start of a line that a block processor could read as something else.
_LINE_START = re.compile(r"(?:[-+*]|\d+[.)])(?: |$)|[#>|=!?:~\-+]|[ ]*$|\*\*\*|\* *\* *\*")
_ITEM = re.compile(r"- (?=\S)")
_ORDERED = re.compile(r"\d+\. (?=\S)")
_ADMONITION = re.compile(r'!!! ([a-z][a-z0-9-]*) "([^"\n]*)"$')
_MEMO_SIZE = 16384
_EMPHASIS = {"**": "<strong>", "*": "<em>"}
_TABLE_SEPARATOR = re.compile(r"\|(?: *-+ *\|)+$")
_CELL_SPLIT = re.compile(r"(\\\\)|(\\\|)|(\|)")


class _Declined(Exception):
    """The block is left to Python-Markdown."""


@dataclass(frozen=True)
class _Piece:
    """What is written here of a block: its HTML and its chunks (from first to last, counted
    from the block's first), the whole block or one item of a list."""

    html: str
    first: int
    last: int
    item: bool = False


class _SomeItems(Exception):
    """Some items of a list are written here, the others stay in the Markdown."""

    def __init__(self, pieces: list[_Piece], used: int) -> None:
        super().__init__()
        self.pieces, self.used = pieces, used


@dataclass(frozen=True)
class Dialect:
    """What the site's Markdown does with the shapes taken here: the characters a backslash
    escapes, and the tags it reads as blocks."""

    escaped: frozenset[str]
    block_tags: re.Pattern[str]
    #: Text that an extension replaces wherever it stands alone (the table of contents' and
    #: the footnotes' place markers): a page with any keeps its Markdown.
    markers: tuple[str, ...] = ()
    #: Inline text already written (None: declined), with the ids in its tags: an item's text
    #: comes back on every page that states it. Emptied when full.
    memo: dict[tuple[str, bool], tuple[str, frozenset[tuple[str, str]]] | None] = field(
        default_factory=dict, compare=False, repr=False
    )


def dialect(extensions: Sequence[Any], configs: Mapping[str, Any]) -> Dialect | None:
    """The site's dialect, or None when an extension may change these shapes."""
    for extension in extensions:
        if isinstance(extension, ContentLinks):
            continue  # it rewrites links to other pages, which stay in the Markdown
        if not isinstance(extension, str):
            return None
        if extension.removeprefix("markdown.extensions.") not in SAFE_EXTENSIONS:
            return None
    try:
        md = markdown.Markdown(extensions=list(extensions), extension_configs=dict(configs))
    except Exception:  # an extension that needs MkDocs' page: leave the pages to it
        return None
    if md.tab_length != 4:
        return None
    names = "|".join(sorted(md.block_level_elements, key=len, reverse=True))
    markers = []
    for registered in md.registeredExtensions:
        for option in ("marker", "PLACE_MARKER"):  # toc's, footnotes'
            if option in registered.config and registered.getConfig(option):
                markers.append(str(registered.getConfig(option)))
    return Dialect(
        escaped=frozenset(md.ESCAPED_CHARS),
        block_tags=re.compile(rf"</?(?:{names})(?=[\s/>]|$)", re.IGNORECASE),
        markers=tuple(markers),
    )


@dataclass
class PlainBlocks:
    """The blocks of one page written as HTML here, by the number in their marker, each as
    Python-Markdown's stash stores it (a list item's without the ``<li>`` around it)."""

    dialect: Dialect
    token: str = field(default_factory=lambda: secrets.token_hex(8))
    blocks: list[str] = field(default_factory=list)
    #: What MkDocs would have noted in the blocks: ("id", an id in a tag) and ("link", the
    #: anchor of a link within the page).
    found: set[tuple[str, str]] = field(default_factory=set)

    def marker(self, number: int) -> str:
        # Letters and digits only: no Markdown syntax, extension or plugin changes it.
        return f"ppplain{self.token}x{number}"

    def take_out(self, page: str) -> str:
        """``page`` with each block written here replaced by a marker line (the markers of the
        page's raw HTML blocks, taken out first, stay: each is a paragraph to Python-Markdown,
        of a block it stores whole)."""
        if _PAGE_REWRITTEN.search(page) or any(marker in page for marker in _PAGE_OPAQUE):
            return page
        if _INCLUDE.search(page) or any(marker in page for marker in self.dialect.markers):
            return page
        if self.dialect.block_tags.search(page) or _STRAY.search(page):
            return page
        lines = page.split("\n")
        if lines[0] and not lines[0].strip(" "):
            return page  # Python-Markdown keeps a first line of spaces
        chunks = _chunks(lines)
        reader = _Reader(self.dialect, [lines[start:end] for start, end in chunks], self.found)
        replaced: list[tuple[int, int, str, bool]] = []  # lines, HTML, whether an item
        left = False  # whether the block before stayed in the Markdown
        index = 0
        while index < len(chunks):
            first = lines[chunks[index][0]]
            if chunks[index][1] - chunks[index][0] == 1 and RAW_HTML_MARKER.fullmatch(first):
                left = False  # a raw HTML block: no list continues it
                index += 1
                continue
            if first.startswith("#") or first.startswith(" "):
                left = not first.startswith("#") or chunks[index][1] - chunks[index][0] > 1
                index += 1
                continue
            pieces: list[_Piece] = []
            used = 1
            if not (left and _starts_item(first)):
                with contextlib.suppress(_Declined):  # it stays in the Markdown
                    pieces, used = reader.top(index)
            for piece in pieces:
                start, end = chunks[index + piece.first][0], chunks[index + piece.last][1]
                replaced.append((start, end, piece.html, piece.item))
            left = not pieces or pieces[0].item
            index += used
        if not replaced:
            return page
        out: list[str] = []
        position = 0
        for start, end, html_text, item in replaced:
            out.extend(lines[position:start])
            out.append(("- " if item else "") + self.marker(len(self.blocks)))
            if item:  # its marker is the paragraph of an item of a loose list: the <li> stays
                html_text = html_text.removeprefix("<li>\n").removesuffix("\n</li>")
            self.blocks.append(html_text)
            position = end
        out.extend(lines[position:])
        return "\n".join(out)

    def anchor_ids(self) -> set[str]:
        """The ids in the tags of the blocks: anchors that links may point at."""
        return {value for kind, value in self.found if kind == "id"}

    def self_links(self) -> list[str]:
        """The anchors that links in the blocks point at on the same page (MkDocs checks that
        the page has them)."""
        return sorted(value for kind, value in self.found if kind == "link")


def _chunks(lines: list[str]) -> list[tuple[int, int]]:
    """The runs of non-blank lines, as (first line, line after the last)."""
    chunks: list[tuple[int, int]] = []
    start = None
    for number, line in enumerate(lines):
        blank = not line.strip(" ")
        if blank and start is not None:
            chunks.append((start, number))
            start = None
        elif not blank and start is None:
            start = number
    if start is not None:
        chunks.append((start, len(lines)))
    return chunks


class _Reader:
    """Reads blocks from chunks of lines, and writes their HTML, or declines."""

    def __init__(
        self, dialect: Dialect, chunks: list[list[str]], noted: set[tuple[str, str]]
    ) -> None:
        self.dialect = dialect
        self.chunks = chunks  # the page's lines, cut once (not at each block: that was n²)
        self.noted = noted
        self.found: set[tuple[str, str]] = set()

    def top(self, index: int) -> tuple[list[_Piece], int]:
        """What is written here of the block at chunk ``index`` of the page, and how many
        chunks the block takes."""
        chunks = self.chunks[index:]
        self.found = set()  # (what a block declined found stays unnoted: MkDocs notes it)
        try:
            html_text, used = self.block(chunks, some_items=True)
            pieces = [_Piece(html_text, 0, used - 1)]
        except _SomeItems as some:
            pieces, used = some.pieces, some.used
        self.noted |= self.found
        return pieces, used

    # -- blocks ---------------------------------------------------------------------------

    def block(self, chunks: list[list[str]], some_items: bool = False) -> tuple[str, int]:
        first = chunks[0][0]
        if first.startswith("- "):
            return self.list_(chunks, some_items)
        if _ORDERED.match(first):
            return self.ordered(chunks), 1
        if first.startswith("|"):
            return self.table(chunks[0]), 1
        if first.startswith("!!! "):
            return self.admonition(chunks)
        return self.paragraph(chunks[0]), 1

    def blocks(self, chunks: list[list[str]]) -> list[str]:
        """The HTML of each block of a nested document (a list item's or a note's body)."""
        out: list[str] = []
        index = 0
        while index < len(chunks):
            first = chunks[index][0]
            if first.startswith(" ") or first.startswith("#"):
                raise _Declined
            html_text, used = self.block(chunks[index:])
            out.append(html_text)
            index += used
        return out

    def paragraph(self, lines: list[str]) -> str:
        for line in lines:
            if _LINE_START.match(line.lstrip(" ")):
                raise _Declined
        text = chr(10).join(lines).lstrip(" ")
        if text[:1].isspace():
            raise _Declined
        return f"<p>{self.inline(text, pipes=False)}</p>"

    def table(self, lines: list[str]) -> str:
        rows = [line.strip(" ") for line in lines]
        if len(rows) < 3 or not _TABLE_SEPARATOR.match(rows[1]):
            raise _Declined  # a table without rows gets an empty row: not written here
        header = self.cells(rows[0])
        width = len(header)
        if width < 2 or len(self.cells(rows[1])) != width:
            raise _Declined
        out = ["<table>", "<thead>", "<tr>"]
        out += [f"<th>{self.inline(cell, pipes=True)}</th>" for cell in header]
        out += ["</tr>", "</thead>", "<tbody>"]
        for row in rows[2:]:
            cells = self.cells(row)
            out.append("<tr>")
            for column in range(width):
                text = cells[column] if column < len(cells) else ""
                out.append(f"<td>{self.inline(text, pipes=True)}</td>")
            out.append("</tr>")
        out += ["</tbody>", "</table>"]
        return "\n".join(out)

    def cells(self, row: str) -> list[str]:
        """A row's cells, split as the tables extension splits them (no code spans here)."""
        if not row.startswith("|") or not row.endswith("|") or row.endswith("\\|"):
            raise _Declined
        if "`" in row:
            raise _Declined
        inner = row[1:-1]
        cells: list[str] = []
        start = 0
        for match in _CELL_SPLIT.finditer(inner):
            if match.group(3):
                cells.append(inner[start : match.start()])
                start = match.end()
        cells.append(inner[start:])
        return [cell.strip(" ") for cell in cells]

    def admonition(self, chunks: list[list[str]]) -> tuple[str, int]:
        lines = chunks[0]
        match = _ADMONITION.match(lines[0])
        if match is None or len(lines) < 2:
            raise _Declined
        if len(chunks) > 1 and (chunks[1][0].startswith(" ") or _vanishes(chunks[1])):
            raise _Declined  # a body of several chunks: Python-Markdown nests them its own way
        body = [_dedent(line) for line in lines[1:]]
        kind, title = match.groups()
        out = [f'<div class="admonition {kind}">']
        if title:
            out.append(f'<p class="admonition-title">{self.inline(title, pipes=False)}</p>')
        out += self.blocks([body])
        out.append("</div>")
        return "\n".join(out), 1

    def list_(self, chunks: list[list[str]], some_items: bool) -> tuple[str, int]:
        """A list: either one chunk of one-line items (tight), or items each in a chunk of its
        own, with indented chunks after them (loose). With ``some_items``, the items that
        cannot be written here may stay in the Markdown (:class:`_SomeItems`)."""
        first = chunks[0]
        follows = len(chunks) > 1 and (
            chunks[1][0].startswith(" ") or _starts_item(chunks[1][0]) or _vanishes(chunks[1])
        )
        if (len(first) > 1 and _ITEM.match(first[1])) or (not follows and _is_tight(first)):
            if follows:
                raise _Declined  # a tight chunk with more after it: items of mixed kinds
            return self.tight(first, depth=0), 1
        items: list[list[list[str]]] = []  # each item's chunks
        for chunk in chunks:
            if chunk[0].startswith("- "):
                if not _plain_item_chunk(chunk):
                    raise _Declined  # Python-Markdown may read it as something else
                items.append([chunk])
            elif chunk[0].startswith("    "):
                if not all(line.startswith("    ") for line in chunk):
                    raise _Declined  # a lazy line: Python-Markdown may read it as another block
                items[-1].append(chunk)
            elif _starts_item(chunk[0]) or chunk[0].startswith(" ") or _vanishes(chunk):
                raise _Declined  # another kind of list would join this one
            else:
                break
        used = sum(len(item) for item in items)
        if len(items) == 1 and len(items[0]) == 1:  # one item, nothing after it: tight
            text = self.item_text(items[0][0])
            return f"<ul>\n<li>{self.inline(text, pipes=False)}</li>\n</ul>", used
        written: list[str | None] = []
        for item in items:
            try:
                written.append(self.loose_item(item))
            except _Declined:
                written.append(None)
        if all(written):
            return "\n".join(["<ul>", *(str(item) for item in written), "</ul>"]), used
        if not some_items or not any(written):
            raise _Declined
        pieces = []
        first_chunk = 0
        for item, html_text in zip(items, written, strict=True):
            if html_text is not None:
                pieces.append(_Piece(html_text, first_chunk, first_chunk + len(item) - 1, True))
            first_chunk += len(item)
        raise _SomeItems(pieces, used)

    def item_text(self, chunk: list[str]) -> str:
        """The text of a list item's first chunk (its later lines indented)."""
        if not _ITEM.match(chunk[0]):
            raise _Declined
        for line in chunk[1:]:
            if not line.startswith("    ") or _LINE_START.match(line.lstrip(" ")):
                raise _Declined
        text = chunk[0][2:] + "".join("\n" + line for line in chunk[1:])
        if _LINE_START.match(text):
            raise _Declined
        return text

    def loose_item(self, chunks: list[list[str]]) -> str:
        """An item of a loose list: its text in a paragraph, then its indented chunks."""
        body = [[_dedent(line) for line in chunk] for chunk in chunks[1:]]
        text = self.inline(self.item_text(chunks[0]), pipes=False)
        return "\n".join(["<li>", f"<p>{text}</p>", *self.blocks(body), "</li>"])

    def ordered(self, chunks: list[list[str]]) -> str:
        """A numbered list in one chunk, each line an item (Python-Markdown numbers it from 1
        whatever the first number is)."""
        if len(chunks) > 1 and (
            chunks[1][0].startswith(" ") or _starts_item(chunks[1][0]) or _vanishes(chunks[1])
        ):
            raise _Declined  # a chunk after it would join the list
        out = ["<ol>"]
        for line in chunks[0]:
            item = _ORDERED.match(line)
            if item is None or _LINE_START.match(line[item.end() :]):
                raise _Declined
            out.append(f"<li>{self.inline(line[item.end() :], pipes=False)}</li>")
        out.append("</ol>")
        return "\n".join(out)

    def tight(self, lines: list[str], depth: int) -> str:
        """A tight list, each line an item, nested by four spaces a level."""
        out = ["<ul>"]
        index = 0
        while index < len(lines):
            line = lines[index]
            indent = len(line) - len(line.lstrip(" "))
            if indent != 4 * depth or not _ITEM.match(line[indent:]):
                raise _Declined
            text = line[indent + 2 :]
            if _LINE_START.match(text):
                raise _Declined
            index += 1
            nested = []
            while index < len(lines) and lines[index].startswith(" " * (4 * depth + 4)):
                nested.append(lines[index])
                index += 1
            item = f"<li>{self.inline(text, pipes=False)}"
            if nested:
                item += self.tight(nested, depth + 1) + "\n"
            out.append(item + "</li>")
        out.append("</ul>")
        return "\n".join(out)

    # -- inline ---------------------------------------------------------------------------

    def inline(self, text: str, *, pipes: bool) -> str:
        """Inline text as Python-Markdown writes it (``pipes``: in a table cell, where an
        escaped pipe is a pipe)."""
        memo = self.dialect.memo
        key = (text, pipes)
        if key not in memo:
            found, self.found = self.found, set()
            try:
                memo[key] = self.written(text, pipes=pipes), frozenset(self.found)
            except _Declined:
                memo[key] = None
            finally:
                self.found = found
            if len(memo) > _MEMO_SIZE:
                memo.clear()
                return self.inline(text, pipes=pipes)
        known = memo[key]
        if known is None:
            raise _Declined
        self.found |= known[1]
        return known[0]

    def written(self, text: str, *, pipes: bool, in_link: bool = False) -> str:
        """:meth:`inline`, not remembered."""
        if _DECLINED.search(_LINK.sub("link", text) if "[" in text else text):
            raise _Declined
        out: list[str] = []
        position = 0
        emphasis: str | None = None  # the run of stars open
        while (match := _INLINE.search(text, position)) is not None:
            out.append(_text(text[position : match.start()]))
            position = match.end()
            escaped, tag, amp, stars, bracket, star, _pipe = match.groups()
            if escaped is not None:
                if escaped not in self.dialect.escaped or (escaped == "|" and not pipes):
                    raise _Declined
                out.append(_text(escaped))
            elif bracket:
                link = _LINK.match(text, match.start())
                if link is None or in_link or text[match.start() - 1 : match.start()] == "!":
                    raise _Declined
                if link.group(1).endswith("\\"):
                    raise _Declined
                words = self.written(link.group(1), pipes=pipes, in_link=True)
                if link.group(3):
                    self.found.add(("link", link.group(3)))
                out.append(f'<a href="{link.group(2)}">{words}</a>')
                position = link.end()
            elif tag:
                if in_link:
                    raise _Declined
                found = _TAG.match(text, match.start())
                if found is None or found.group(1).lower() not in _INLINE_TAGS:
                    raise _Declined
                if "\\" in found.group() or "*" in found.group() or "[" in found.group():
                    raise _Declined  # an escape or emphasis would be read inside the tag first
                self.note_ids(found)
                out.append(found.group())
                position = found.end()
            elif amp:
                entity = _ENTITY.match(text, match.start())
                if entity is None:
                    raise _Declined
                out.append(entity.group())
                position = entity.end()
            elif stars or star:
                run = stars or star
                if emphasis is None:  # opening: Python-Markdown keeps a run before a space
                    following = text[position : position + 1]
                    if not following or following.isspace() or following == "*":
                        raise _Declined
                    emphasis = run
                    out.append(_EMPHASIS[run])
                elif emphasis == run:  # closing: not after a space, which keeps it as written
                    if text[match.start() - 1].isspace():
                        raise _Declined
                    emphasis = None
                    out.append(_EMPHASIS[run].replace("<", "</"))
                else:  # one inside the other: Python-Markdown has rules of its own
                    raise _Declined
            else:  # a pipe outside a table
                raise _Declined
        if emphasis is not None:
            raise _Declined
        out.append(_text(text[position:]))
        return "".join(out)

    def note_ids(self, tag: re.Match[str]) -> None:
        """Keep the ids MkDocs would have read in this tag (links may point at them)."""
        if tag.group().startswith("</"):
            return  # an end tag has no attributes for an HTML parser
        for name, value in _ATTRIBUTE.findall(tag.group(2)):
            name = name.lower()  # as the parser reads names
            if name == "id" or (name == "name" and tag.group(1).lower() == "a"):
                self.found.add(("id", html.unescape(value)))


def _text(text: str) -> str:
    return text.replace(">", "&gt;")


def _dedent(line: str) -> str:
    if line.startswith("    "):
        return line[4:]
    if line.strip(" "):
        raise _Declined  # a lazy line: Python-Markdown may read it either way
    return ""


def _starts_item(line: str) -> bool:
    return bool(re.match(r"(?:[-+*]|\d+[.)])(?: |$)", line))


def _is_tight(lines: list[str]) -> bool:
    return all(_ITEM.match(line.lstrip(" ")) for line in lines)


def _vanishes(chunk: list[str]) -> bool:
    return not chunk[0].strip() or chunk[0].lstrip().startswith("[")


#: A horizontal rule as Python-Markdown reads one. One character per repetition: a run inside a
#: repetition (``(?:-+[ ]{0,2}){3,}``) could be split between repetitions in exponentially many
#: ways, and a line of dashes ending in anything else never finished.
_HR = re.compile(r"^[ ]{0,3}(?:(?:-[ ]{0,2}){3,}|(?:_[ ]{0,2}){3,}|(?:\*[ ]{0,2}){3,})$")


def _plain_item_chunk(chunk: list[str]) -> bool:
    return (
        bool(_ITEM.match(chunk[0]))
        and not _HR.match(chunk[0])
        and "|" not in "".join(chunk)
        and all(line.startswith("    ") for line in chunk[1:])
    )
