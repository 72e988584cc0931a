"""Inline text of a source page: HTML in cells to Markdown, Markdown to plain text, links.

Record fields are either *plain text* (names, conditions, periods: Markdown characters are
shown literally) or *Markdown* (descriptions, intros: raw HTML is shown as text). Source pages
mix both, with inline HTML (``<br>``, ``<ul><li>``, ``<b>``) inside table cells, so every value
passes through here before it reaches a record.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

# -- HTML to Markdown ----------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b([^<>]*?)(/?)>")
_HREF = re.compile(r"""href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: Tags whose markup is dropped and whose text is kept.
_TRANSPARENT = frozenset(
    {"span", "div", "font", "u", "sup", "sub", "small", "big", "mark", "abbr", "cite", "section"}
)
_KNOWN = _TRANSPARENT | {
    "br",
    "p",
    "ul",
    "ol",
    "li",
    "b",
    "strong",
    "i",
    "em",
    "a",
    "code",
    "tt",
    "kbd",
    "strike",
    "s",
    "del",
    "hr",
}


def has_html(text: str) -> bool:
    """Whether ``text`` contains a known inline HTML tag or an entity."""
    if _ENTITY.search(text):
        return True
    return any(m.group(2).lower() in _KNOWN for m in _TAG.finditer(text))


def html_to_markdown(text: str) -> str:
    """Inline HTML (as found in table cells and list items) rewritten as Markdown.

    ``<br>`` becomes a line break, ``<ul>/<ol><li>`` a Markdown list, ``<b>``/``<strong>``
    bold, ``<i>``/``<em>`` italics, ``<a href>`` a link and ``<code>`` backticks. Unknown tags
    (``<email address>`` in prose) are left as they are, and entities are decoded.
    """
    if not has_html(text):
        return text
    out: list[str] = []
    lists: list[list[int]] = []  # one counter per open list: [-1] for bullets, else the number
    links: list[str] = []
    position = 0
    for match in _TAG.finditer(text):
        closing, name, attrs = match.group(1), match.group(2).lower(), match.group(3)
        if name not in _KNOWN:
            continue
        out.append(text[position : match.start()])
        position = match.end()
        if name in _TRANSPARENT:
            continue
        if name in {"br", "hr"}:
            out.append("\n")
        elif name == "p":
            out.append("\n\n")
        elif name in {"ul", "ol"}:
            if closing:
                if lists:
                    lists.pop()
                out.append("\n")
            else:
                lists.append([0 if name == "ol" else -1])
                out.append("\n")
        elif name == "li":
            if closing:
                continue
            depth = max(len(lists) - 1, 0)
            marker = "-"
            if lists and lists[-1][0] >= 0:
                lists[-1][0] += 1
                marker = f"{lists[-1][0]}."
            out.append("\n" + "    " * depth + marker + " ")
        elif name in {"b", "strong"}:
            out.append("**")
        elif name in {"i", "em"}:
            out.append("*")
        elif name in {"code", "tt", "kbd"}:
            out.append("`")
        elif name in {"strike", "s", "del"}:
            out.append("~~")
        elif name == "a":
            if closing:
                if links:
                    out.append(f"]({links.pop()})")
                continue
            href = _HREF.search(attrs)
            if href:
                links.append(next(g for g in href.groups() if g is not None))
                out.append("[")
    out.append(text[position:])
    result = _ENTITY.sub(lambda m: html.unescape(m.group(0)), "".join(out))
    result = result.replace("\xa0", " ")
    lines = [line.rstrip() for line in result.split("\n")]
    result = "\n".join(lines)
    # Source indentation after a <br> means nothing; list nesting made above is kept.
    result = re.sub(r"\n[ \t]+(?=[^ \t])(?![-*] |\d+\. )", "\n", result)
    result = re.sub(r"\n{3,}", "\n\n", result)
    result = re.sub(r"\*\*\s*\*\*", "", result)
    return result.strip()


# -- Markdown to plain text ----------------------------------------------------------------------

_IMAGE_MD = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK_MD = re.compile(r"\[([^\]]+)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)|(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?!\w)"
)
_CODE = re.compile(r"`([^`]*)`")
_STRIKE = re.compile(r"~~(.+?)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def plain(text: str) -> str:
    """Markdown (and inline HTML) as the plain text a reader sees, on one line."""
    value = html_to_markdown(text) if has_html(text) else text
    value = _IMAGE_MD.sub(r"\1", value)
    value = _LINK_MD.sub(r"\1", value)
    value = _REF_LINK.sub(r"\1", value)
    value = _CODE.sub(r"\1", value)
    for _ in range(2):
        value = _STRONG.sub(r"\2", value)
    value = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), value)
    value = _STRIKE.sub(r"\1", value)
    value = _ESCAPE.sub(r"\1", value)
    value = value.replace("**", "")
    return " ".join(value.split())


def one_line(text: str) -> str:
    """Markdown with its soft line breaks joined (a paragraph written over several lines)."""
    return " ".join(text.split())


# -- links ---------------------------------------------------------------------------------------


def links(text: str) -> list[tuple[str, str]]:
    """The (text, url) of every Markdown link in ``text``, images excluded."""
    stripped = _IMAGE_MD.sub("", text)
    return [(m.group(1), m.group(2)) for m in _LINK_MD.finditer(stripped)]


def only_link(text: str) -> tuple[str, str] | None:
    """The (title, url) when ``text`` is a single link and nothing else (besides punctuation)."""
    value = text.strip().strip("*_").strip()
    match = _LINK_MD.fullmatch(value.rstrip(".,;"))
    if match is None:
        return None
    return plain(match.group(1)), match.group(2)


def rewrite_links(text: str, rewrite: Callable[[str, str], str | None]) -> str:
    """Apply ``rewrite(title, url)`` to every link and image target.

    ``rewrite`` returns the new target, or ``None`` to replace the link with its text.
    """

    def one(match: re.Match[str]) -> str:
        whole = match.group(0)
        title, url = match.group(1), match.group(2)
        new = rewrite(title, url)
        if new is None:
            return title
        if new == url:
            return whole
        return whole.replace(url, new, 1)

    value = re.sub(r"!?" + _LINK_MD.pattern, one, text)
    return value


# -- sentences -----------------------------------------------------------------------------------

_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "approx.", "incl.", "U.S.", "Inc.", "Ltd.", "No.")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”\u2019)\]]*\s+(?=[\"“(\[*_]?[A-Z0-9])")


def sentences(text: str) -> list[str]:
    """``text`` split into sentences (abbreviations and URLs do not end a sentence)."""
    value = one_line(text)
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(value):
        candidate = value[start : match.start()]
        if candidate.endswith(_ABBREVIATIONS):
            continue
        if candidate.count("[") > candidate.count("]"):
            continue
        parts.append(value[start : match.end()].strip())
        start = match.end()
    rest = value[start:].strip()
    if rest:
        parts.append(rest)
    return parts


__all__ = [
    "has_html",
    "html_to_markdown",
    "links",
    "one_line",
    "only_link",
    "plain",
    "rewrite_links",
    "sentences",
]
