"""The raw HTML blocks of a generated page go around Python-Markdown's parsing, not through it.

The comparison tables and the data-item index are HTML the core has already written (and
escaped): most of those pages' Markdown is raw HTML blocks. Python-Markdown passes such a block
through unchanged, but only after parsing every tag of it (twice: MkDocs scans it for anchor
ids too), which was most of the time MkDocs spent on those pages. The plugin takes each block
out before conversion, leaving a marker line, and stores it in Python-Markdown's ``htmlStash``
in its place (see :mod:`.stash`), as Python-Markdown's ``html_block`` preprocessor would have
after parsing it: the same HTML, the same table of contents (a raw block has no Markdown
headings), and the block's ids still count as anchors that links may point at.

A chunk of the page counts as a block only when it is exactly what Python-Markdown stashes
whole: a ``<div`` at the start of a chunk (after a blank line) whose matching ``</div>`` ends
the chunk, with nothing in it that Python-Markdown would rewrite first (tabs, carriage returns,
its own placeholder characters). Anything else stays in the Markdown.
"""

from __future__ import annotations

import html
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field

_DIV = re.compile(r"<div[\s>]|</div>")
_DIV_OPEN = re.compile(r"<div[\s>]")
#: (A tag ends at the next "<" too, as HTML's serializers escape it in attribute values: each
#: search stops there, so scanning a text of many "<" and no ">" takes linear time.)
_ID = re.compile(r"""<[a-zA-Z][^<>]*?\sid="([^"]*)\"""")


def tag_ids(text: str) -> list[str]:
    """``_ID.findall(text)``: the ``id`` values of the tags in ``text``, found from the few
    places that hold ``id="`` (a comparison is megabytes of tags, and a dozen ids): the
    expression runs only from the last ``>`` before each one."""
    found: list[str] = []
    start = 0  # where findall would go on from
    quote = text.find('id="', 1)
    while quote != -1:
        space = quote - 1  # what \s must match
        close = text.find('"', quote + 4)
        if close == -1:
            break  # no value closes: no match from here on
        if space >= start and text[space].isspace():
            # A match that reaches this "id" starts after the last ">" before it.
            begin = max(start, text.rfind(">", start, space) + 1)
            match = _ID.search(text, begin, close + 1)
            if match is not None:
                found.append(match.group(1))
                start = match.end()
                quote = text.find('id="', max(start, quote + 1))
                continue
        quote = text.find('id="', quote + 1)
    return found


#: Characters Python-Markdown rewrites before it stashes raw HTML.
_REWRITTEN = ("\t", "\r", "\x02", "\x03")
#: What can hold a blank line and then a line that looks like a block but is not one (fenced
#: code, comments, raw text): a page with any of them keeps all its blocks in the Markdown.
#: (Inline ``<code>``, which a description converted to HTML may hold, cannot.)
_OPAQUE = ("```", "~~~", "<!--", "<pre", "<script", "<style", "<textarea")


#: A raw HTML block's marker line (:meth:`HtmlBlocks.marker`).
MARKER = re.compile(r"pphtml[0-9a-f]{16}x[0-9]+")


@dataclass
class HtmlBlocks:
    """The blocks taken out of one page, by the number in their marker, each as Python-Markdown
    stores it."""

    token: str = field(default_factory=lambda: secrets.token_hex(8))
    blocks: list[str] = field(default_factory=list)

    def marker(self, number: int) -> str:
        # Letters and digits only: no Markdown syntax, extension or plugin changes it.
        return f"pphtml{self.token}x{number}"

    def take_out(self, markdown: str) -> str:
        """``markdown`` with each raw HTML block replaced by a marker line."""
        if any(opaque in markdown for opaque in _OPAQUE):
            return markdown
        chunks = markdown.split("\n\n")
        for index, chunk in enumerate(chunks):
            block = chunk.rstrip("\n")  # the page's last chunk ends with its line break
            if _is_whole_block(block):
                ending = chunk[len(block) :]
                chunks[index] = self.marker(len(self.blocks)) + ending
                # Python-Markdown's html_block stores a block with the line break that ends it.
                self.blocks.append(chunk if ending == "\n" else block + "\n")
        return "\n\n".join(chunks) if self.blocks else markdown

    def anchor_ids(self) -> set[str]:
        """The ids in the blocks: what MkDocs would have found there for anchor links."""
        return {html.unescape(found) for block in self.blocks for found in tag_ids(block)}


def ascii_blocks(markdown: str) -> str:
    """``markdown`` with the characters beyond Latin-1 in its raw HTML blocks written as
    character references (``&#9680;``), which HTML reads as the same characters.

    A comparison or the data-item index is megabytes of such blocks, and their badge symbols
    and quotation marks are beyond Latin-1: Python then holds the whole string at 2 bytes per
    character, and MkDocs and the plugin copy a page's Markdown several times while they read
    it. Within Latin-1 the copies take half the memory. The sanitizer writes the characters
    back, so the pages come out the same, byte for byte. Latin-1 itself is left as it is: HTML
    reads the references ``&#128;`` to ``&#159;`` as other characters (Windows-1252's). So are
    the code points a reference cannot stand for (surrogates, noncharacters)."""
    if markdown.isascii() or any(opaque in markdown for opaque in _OPAQUE):
        return markdown
    # When every character beyond Latin-1 is in a block, the page is written whole, in one
    # copy (the index is one block of megabytes: cut out, it would be copied twice more).
    if all(_is_whole_block(markdown, start, end) for start, end in _chunks_beyond(markdown)):
        written = markdown.encode("latin-1", "xmlcharrefreplace")
        if _MAYBE_NOT_REFERABLE.search(written) is None:
            return written.decode("latin-1")
    return blockwise_ascii(markdown)


def blockwise_ascii(markdown: str) -> str:
    """What :func:`ascii_blocks` makes of ``markdown`` (which holds none of :data:`_OPAQUE`),
    a chunk at a time."""
    chunks = markdown.split("\n\n")
    for index, chunk in enumerate(chunks):
        if not chunk.isascii() and _is_whole_block(chunk):
            chunks[index] = _references(chunk)
    return "\n\n".join(chunks)


def _chunks_beyond(markdown: str) -> Iterator[tuple[int, int]]:
    """Where the chunks of ``markdown.split("\\n\\n")`` that hold a character beyond
    Latin-1 start and end."""
    start = 0
    while True:
        end = markdown.find("\n\n", start)
        end = len(markdown) if end < 0 else end
        if _NOT_LATIN_1.search(markdown, start, end) is not None:
            yield start, end
        if end == len(markdown):
            return
        start = end + 2


_BEYOND_LATIN_1 = re.compile("[^\x00-\xff\ud800-\udfff\ufdd0-\ufdef]")
_NOT_LATIN_1 = re.compile("[^\x00-\xff]")
#: A decimal reference, in the codec's output, that may stand for what a reference cannot
#: (surrogates from U+D800, noncharacters from U+FDD0, anything beyond U+FFFF), or was written
#: by the writer: the exact, slower way then decides.
_MAYBE_NOT_REFERABLE = re.compile(rb"&#(?:5[5-9]|6\d)\d\d\d;|&#\d{6,};")


def _references(chunk: str) -> str:
    """``chunk`` with what is beyond Latin-1 written as decimal character references."""
    written = chunk.encode("latin-1", "xmlcharrefreplace")  # in C: the common case
    if _MAYBE_NOT_REFERABLE.search(written) is None:
        return written.decode("latin-1")
    return _BEYOND_LATIN_1.sub(_reference, chunk)


def _reference(match: re.Match[str]) -> str:
    code = ord(match.group())
    return match.group() if code & 0xFFFE == 0xFFFE else f"&#{code};"  # U+FFFE, U+1FFFF...


def _is_whole_block(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether Python-Markdown would stash ``text[start:end]`` (a chunk between blank lines,
    without the line breaks it ends with) whole and unchanged as one raw block."""
    end = len(text) if end is None else end
    while end > start and text[end - 1] == "\n":
        end -= 1
    if not text.startswith("<div", start, end) or not text.endswith("</div>", start, end):
        return False
    if any(text.find(character, start, end) >= 0 for character in _REWRITTEN):
        return False
    # The div tags as brackets: the first must open what the last closes, with the ones
    # between balanced (never closing more than they opened). Removing "()" pairs leaves
    # nothing exactly then, in as many passes as the divs nest deep.
    tags = "".join(_DIV.findall(text, start, end))
    brackets = _DIV_OPEN.sub("(", tags).replace("</div>", ")")
    if not (brackets.startswith("(") and brackets.endswith(")")):
        return False  # the chunk ends with "</div>": the last bracket closes the outer div
    inner = brackets[1:-1]
    while "()" in inner:
        inner = inner.replace("()", "")
    return not inner
