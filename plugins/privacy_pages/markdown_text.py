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
    value = _WHITESPACE.sub(" ", str(text)).strip()
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _BACKSLASH.sub(r"\\\1", value)
    value = _LIST_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), value)
    value = (
        value.replace(":::", ":&#58;:").replace("~~", "&#126;&#126;").replace("==", "&#61;&#61;")
    )
    return MarkdownSafe(value)


_HEADING = re.compile(r"^( {0,3})(#)", re.MULTILINE)
_SETEXT = re.compile(r"^( {0,3})([=-])(?=[=-]*\s*$)", re.MULTILINE)
_BANG_BLOCK = re.compile(r"^(\s*)(!!!|\?\?\?)", re.MULTILINE)
_FENCE_DIRECTIVE = re.compile(r"^(\s*)(/// )", re.MULTILINE)


def block(text: object) -> MarkdownSafe:
    """Markdown text from content, made safe to place inside a generated page."""
    if isinstance(text, Markup):
        return MarkdownSafe(text)
    value = str(text).replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    value = "\n".join(line.rstrip() for line in value.split("\n"))
    value = value.replace("<", "&lt;")
    value = value.replace("{", "\\{").replace("}", "\\}")
    value = value.replace("[!", "\\[!").replace(":::", ":&#58;:")
    value = _HEADING.sub(r"\1\\\2", value)
    value = _SETEXT.sub(r"\1\\\2", value)
    value = _BANG_BLOCK.sub(lambda m: m.group(1) + "\\" + "\\".join(m.group(2)), value)
    value = _FENCE_DIRECTIVE.sub(r"\1\\\2", value)
    return MarkdownSafe(value)


def cell(text: object) -> MarkdownSafe:
    """Markdown text for one table cell: a '|' or a newline cannot add a column or a row."""
    value = str(block(text))
    lines = [line.strip() for line in value.split("\n")]
    joined = "<br>".join(line for line in lines if line)
    joined = re.sub(r"(?<!\\)\|", r"\\|", joined)
    return MarkdownSafe(joined)


def inline_cell(text: object) -> MarkdownSafe:
    """Plain text for one table cell."""
    return inline(text)


def link_target(url: str) -> MarkdownSafe:
    """A link target that cannot end the Markdown link early."""
    escaped = (
        url.strip()
        .replace(" ", "%20")
        .replace("(", "%28")
        .replace(")", "%29")
        .replace("<", "%3C")
        .replace(">", "%3E")
        .replace('"', "%22")
    )
    return MarkdownSafe(escaped)


def indent(text: object, width: int = 4, first: bool = False) -> MarkdownSafe:
    """Indent every line but the first (like Jinja's ``indent``), keeping text safe."""
    safe = str(text if isinstance(text, Markup) else inline(text))
    pad = " " * width
    lines = safe.split("\n")
    out = [(pad + lines[0]) if first and lines[0] else lines[0]]
    out.extend(pad + line if line else line for line in lines[1:])
    return MarkdownSafe("\n".join(out))
