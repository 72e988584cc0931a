"""Turning content strings into Markdown that cannot change the page's structure.

Content is data, never code. Two kinds of content text exist:

* **plain text** (names, conditions, periods): every Markdown and HTML character is escaped,
  and newlines become spaces, so the text shows exactly as written — in a heading, a list item
  or a table cell;
* **Markdown text** (introductions, notes, bodies): emphasis, links and lists work, but raw
  HTML is shown as text, and nothing can open a heading, an attribute list, an admonition or
  a Microsoft Learn directive that would break the page skeleton.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from ..memo import memoized

# Characters Python-Markdown lets a backslash escape (plus '|' from the tables extension).
_BACKSLASH = re.compile(r"([\\`*_{}\[\]#|])")
_LIST_START = re.compile(r"^(\s*)([-+>!]|\d+[.)])(?=\s|$)")
_WHITESPACE = re.compile(r"\s+")


def _escape_marker(marker: str) -> str:
    """Escape a list or block marker at the start of text: ``1.`` → ``1\\.``, ``-`` → ``\\-``."""
    if marker[-1] in ".)":
        return marker[:-1] + "\\" + marker[-1]
    if marker == ">":
        return "&gt;"
    return "\\" + marker


class MarkdownSafe(Markup):
    """Text that is already valid, escaped Markdown: templates insert it as is.

    It is a :class:`markupsafe.Markup`, so Jinja's autoescaping leaves it alone, while any
    other string a template prints is escaped by :func:`inline` first.
    """

    __slots__ = ()


def inline(text: object) -> MarkdownSafe:
    """Plain text as inline Markdown that renders exactly as written, on one line."""
    if isinstance(text, Markup):
        return MarkdownSafe(text)
    return _inline(str(text))


#: How many escaped texts each function keeps: names, labels, conditions and catalog
#: descriptions repeat on many pages of one build, so each is escaped once.
_CACHE_SIZE = 8192


@memoized(_CACHE_SIZE)
def _inline(text: str) -> MarkdownSafe:
    value = _WHITESPACE.sub(" ", text).strip()
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _BACKSLASH.sub(r"\\\1", value)
    value = _LIST_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), value)
    value = (
        value.replace(":::", ":&#58;:").replace("~~", "&#126;&#126;").replace("==", "&#61;&#61;")
    )
    return MarkdownSafe(value)


# Line starts that open a block: a heading (also inside a list item or a quote), a setext
# underline, an admonition, a fenced block or a directive.
_CONTAINER = r"(?:(?:[-+*]|\d+[.)]|>)[ \t]+)*"
_HEADING = re.compile(rf"^([ \t]*{_CONTAINER})(#)", re.MULTILINE)
_SETEXT = re.compile(r"^([ \t]*)([=-])(?=[=-]*[ \t]*$)", re.MULTILINE)
_BANG_BLOCK = re.compile(r"^(\s*)(!!!|\?\?\?)", re.MULTILINE)
_FENCE_DIRECTIVE = re.compile(r"^(\s*)(/// )", re.MULTILINE)
_TILDE_FENCE = re.compile(r"^([ \t]*)~(?=~~)", re.MULTILINE)
_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _entities(text: str) -> str:
    """Every character but letters, digits and spaces as a numeric character reference."""
    return "".join(ch if ch.isalnum() or ch == " " else f"&#{ord(ch)};" for ch in text)


def _code_spans(text: str) -> list[tuple[bool, str]]:
    """Split text into prose and inline code: ``[(is_code, text), ...]``.

    A code span is a run of backticks closed by a run of the same length in the same paragraph,
    as in Markdown; a backslash escapes the character after it. Unmatched backticks are prose.
    """
    if "`" not in text:  # no code: all prose (the common case, without the scan below)
        return [(False, text)] if text else []
    parts: list[tuple[bool, str]] = []
    prose: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            prose.append(text[index : index + 2])
            index += 2
            continue
        if char != "`":
            prose.append(char)
            index += 1
            continue
        run = _BACKTICKS.match(text, index)
        assert run is not None
        ticks = run.group()
        closing = re.compile(rf"(?<!`){ticks}(?!`)").search(text, run.end())
        if closing is None or closing.start() == run.end():
            prose.append(ticks)
            index = run.end()
            continue
        code = text[run.end() : closing.start()]
        if _BLANK_LINE.search(code):
            prose.append(ticks)
            index = run.end()
            continue
        if prose:
            parts.append((False, "".join(prose)))
            prose = []
        parts.append((True, code))
        index = closing.end()
    if prose:
        parts.append((False, "".join(prose)))
    return parts


def _escape_prose(text: str) -> str:
    # "&" first: an entity (or a dangling "&#") from content is text, never markup — a bare
    # "&#" let Python-Markdown scramble the page (found by the table-shape property test).
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = text.replace("\\`", "&#96;").replace("`", "&#96;")
    text = text.replace("{", "\\{").replace("}", "\\}")
    return text.replace("[!", "\\[!").replace(":::", ":&#58;:")


def block(text: object) -> MarkdownSafe:
    """Markdown text from content, made safe to place inside a generated page.

    Emphasis, links, lists and paragraphs work. Raw HTML shows as text; inline code becomes
    ``<code>`` with every character escaped, so it shows exactly as written in any context (a
    paragraph, a list item, a table cell); nothing can open a heading, a setext heading, an
    attribute list, an admonition, a fenced block or a Microsoft Learn directive.
    """
    if isinstance(text, Markup):
        return MarkdownSafe(text)
    return _block(str(text))


@memoized(_CACHE_SIZE)
def _block(text: str) -> MarkdownSafe:
    value = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    value = "\n".join(line.rstrip() for line in value.split("\n"))
    pieces = []
    for is_code, piece in _code_spans(value):
        if is_code:
            code = " ".join(piece.split("\n")).strip()
            pieces.append(f"<code>{_entities(code)}</code>")
        else:
            pieces.append(_escape_prose(piece))
    value = "".join(pieces)
    value = _HEADING.sub(r"\1\\\2", value)
    value = _SETEXT.sub(lambda m: m.group(1) + ("&#61;" if m.group(2) == "=" else "\\-"), value)
    value = _BANG_BLOCK.sub(lambda m: m.group(1) + "\\" + "\\".join(m.group(2)), value)
    value = _FENCE_DIRECTIVE.sub(r"\1\\\2", value)
    value = _TILDE_FENCE.sub(r"\1&#126;", value)
    return MarkdownSafe(value)


_CELL_PIPE = re.compile(r"(\\*)\|")


def cell(text: object) -> MarkdownSafe:
    """Markdown text for one table cell: a '|', a backtick or a newline cannot add a column
    or a row (pipes become ``&#124;``, lines are joined with ``<br>``)."""
    return _cell(str(block(text)))


@memoized(_CACHE_SIZE)
def _cell(value: str) -> MarkdownSafe:
    lines = [line.strip() for line in value.split("\n")]
    joined = "<br>".join(line for line in lines if line)
    joined = _CELL_PIPE.sub(lambda m: m.group(1)[: len(m.group(1)) // 2 * 2] + "&#124;", joined)
    return MarkdownSafe(joined)


#: Characters that could end a Markdown link early, start code or emphasis across it, or split
#: a table row, percent-encoded in link targets.
_URL_UNSAFE = {ord(ch): f"%{ord(ch):02X}" for ch in " ()<>\"'\\`|[]*_"}
#: A URL of printable ASCII characters none of which is unsafe.
_URL_PLAIN = re.compile(r"[A-Za-z0-9.~:/?#@!$&+,;=%-]*\Z")


@memoized(_CACHE_SIZE)  # a page links each product page many times
def link_target(url: str) -> MarkdownSafe:
    """A link target that cannot end the Markdown link early or change the page structure."""
    if _URL_PLAIN.match(url):  # nothing to drop or encode (the common case)
        return MarkdownSafe(url)
    cleaned = "".join(ch for ch in url.strip() if ch.isprintable() or ch == " ")
    return MarkdownSafe("".join(_URL_UNSAFE.get(ord(ch), ch) for ch in cleaned).replace(" ", "%20"))


def indent(text: object, width: int = 4, first: bool = False) -> MarkdownSafe:
    """Indent every line but the first (like Jinja's ``indent``), keeping text safe."""
    safe = str(text if isinstance(text, Markup) else inline(text))
    pad = " " * width
    lines = safe.split("\n")
    out = [(pad + lines[0]) if first and lines[0] else lines[0]]
    out.extend(pad + line if line else line for line in lines[1:])
    return MarkdownSafe("\n".join(out))
