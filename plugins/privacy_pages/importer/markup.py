"""Inline text of a source page: HTML in cells to Markdown, Markdown to plain text, links.

Record fields are *plain text* (names, conditions) or *Markdown* (descriptions, intros); pages
mix both, with inline HTML in table cells, so every value passes through here. Every function
takes time linear in its text, however hostile: constructs whose regular expressions would try
each ``[`` or ``**`` against the rest of the text are found by scanning, with the same result
as the expressions given in their docstrings.
"""

from __future__ import annotations

import bisect
import html
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..memo import memoized
from .markdown_doc import MAX_LIST_DEPTH

# -- HTML to Markdown ----------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b([^<>]*?)(/?)>")
_HREF = re.compile(r"""href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: Tags whose markup is dropped and whose text is kept.
_TRANSPARENT = frozenset(
    re.findall(r"\S+", "span div font u sup sub small big mark abbr cite section")
)
_KNOWN = _TRANSPARENT | set(
    re.findall(r"\S+", "br p ul ol li b strong i em a code tt kbd strike s del hr")
)


def has_html(text: str) -> bool:
    """Whether ``text`` contains a known inline HTML tag or an entity."""
    if _ENTITY.search(text):
        return True
    return any(m.group(2).lower() in _KNOWN for m in _TAG.finditer(text))


#: Where emphasis opens and closes while HTML is rewritten (control characters no page holds).
_OPEN, _CLOSE, _OPEN_EM, _CLOSE_EM = "\x01", "\x02", "\x03", "\x04"
_NO_MARKS = dict.fromkeys(map(ord, _OPEN + _CLOSE + _OPEN_EM + _CLOSE_EM))


def _emphasis(text: str, opened: str, closed: str, marker: str) -> str:
    """``text`` with each span between ``opened`` and ``closed`` emphasized by ``marker``, its
    spaces outside the markers (none when it is empty); a mark left alone is the marker."""
    parts = re.split(f"([{opened}{closed}])", text)
    out: list[str] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        if part == opened and index + 2 < len(parts) and parts[index + 2] == closed:
            inner = parts[index + 1]
            words = inner.strip()
            before = inner[: len(inner) - len(inner.lstrip())]
            after = inner[len(inner.rstrip()) :]
            out.append(f"{before}{marker}{words}{marker}{after}" if words else inner)
            index += 3
            continue
        out.append(marker if part in (opened, closed) else part)
        index += 1
    return "".join(out)


def html_to_markdown(text: str) -> str:
    """Inline HTML (in table cells and list items) rewritten as Markdown: ``<br>`` a line break,
    ``<ul><li>`` a list, ``<b>`` bold, ``<a href>`` a link... Unknown tags (``<email address>``
    in prose) are left as they are, and entities are decoded."""
    if not has_html(text):
        return text
    text = text.translate(_NO_MARKS)  # (the marks below are ours alone)
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
            # Lists nested deeper than the Markdown reader nests stay at its deepest level.
            depth = min(max(len(lists) - 1, 0), MAX_LIST_DEPTH - 1)
            marker = "-"
            if lists and lists[-1][0] >= 0:
                lists[-1][0] += 1
                marker = f"{lists[-1][0]}."
            out.append("\n" + "    " * depth + marker + " ")
        elif name in {"b", "strong"}:
            out.append(_CLOSE if closing else _OPEN)
        elif name in {"i", "em"}:
            out.append(_CLOSE_EM if closing else _OPEN_EM)
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
    # Spaces inside emphasis go outside it ("<b>&nbsp;i.</b>" is " **i.**"): "** i.**" is no
    # emphasis in Markdown, and would show its stars.
    for opened, closed, marker in ((_OPEN, _CLOSE, "**"), (_OPEN_EM, _CLOSE_EM, "*")):
        result = _emphasis(result, opened, closed, marker)
    lines = [line.rstrip() for line in result.split("\n")]
    result = "\n".join(lines)
    # Source indentation after a <br> means nothing; list nesting made above is kept.
    result = re.sub(r"\n[ \t]+(?=[^ \t])(?![-*] |\d+\. )", "\n", result)
    result = re.sub(r"\n{3,}", "\n\n", result)
    result = re.sub(r"\*\*\s*\*\*", "", result)
    return result.strip()


# -- Markdown to plain text ----------------------------------------------------------------------

_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)|(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?!\w)"
)
_CODE = re.compile(r"`([^`]*)`")
_STRIKE = re.compile(r"~~(.+?)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


@dataclass(frozen=True)
class _Span:
    """Where a construct starts and ends in a text, and the parts a caller keeps."""

    start: int
    end: int
    text: str
    url: str = ""


def _bracketed(text: str, opener: str, empty: bool, tail: str) -> Iterator[_Span]:
    r"""Each ``opener`` + text up to the first ``]`` + ``tail[0]`` + text up to ``tail[1]``.

    What ``re.finditer`` gives for ``<opener>([^\]]*)\]\(<tail0>[^<tail1>]*\)<tail1>`` (with
    ``+`` instead of ``*`` for the text unless ``empty``), with each character looked at a
    bounded number of times: every opener before a ``]`` shares that ``]``, and hence its fate.
    """
    start, close = tail[0], tail[1]
    position = 0
    while True:
        first = text.find(opener, position)
        if first < 0:
            return
        bracket = text.find("]", first + len(opener))
        if bracket < 0:
            return
        if (empty or bracket > first + len(opener)) and text.startswith(start, bracket + 1):
            end = text.find(close, bracket + 2)
            if end < 0:
                return  # no later construct can find its end either
            yield _Span(first, end + 1, text[first + len(opener) : bracket])
            position = end + 1
        else:
            position = bracket + 1


def _replaced(text: str, spans: Iterator[_Span], replace: Callable[[_Span], str]) -> str:
    out: list[str] = []
    position = 0
    for span in spans:
        out.append(text[position : span.start])
        out.append(replace(span))
        position = span.end
    if not out:
        return text
    out.append(text[position:])
    return "".join(out)


# A link: ``\[([^\]]+)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)``, found by _links_in.
_SPACES = re.compile(r"\s*")
_URL_END = re.compile(r"[)\s>]")
_AFTER_URL = re.compile(r'>?(?:\s+"[^"]*")?\s*\)')
_TITLE_ONLY = re.compile(r'"[^"]*"\s*\)')


def _links_in(text: str, *, bang: bool = False, whole: bool = False) -> Iterator[_Span]:
    """The links of ``text``, as ``finditer`` of the link expression above gives them.

    With ``bang``, a ``!`` right before a link belongs to it (images); with ``whole``, only a
    link that is all of ``text`` (``fullmatch``). Openers that share a ``]`` share its fate,
    and the run of URL characters after ``](`` is scanned once for all the links that start
    in it, so each character is looked at a bounded number of times.

    The expression's choices, in its order: the URL is every URL character after ``](``, the
    spaces and an optional ``<`` (a shorter URL leaves a URL character where only ``>``, a
    space or ``)`` may follow); failing that, an empty URL followed by a title.
    """
    position = 0
    run_start, run_end = -1, -1
    size = len(text)
    while True:
        first = text.find("[", position)
        if first < 0 or (whole and first > 0):
            return
        bracket = text.find("]", first + 1)
        if bracket < 0:
            return
        if bracket > first + 1 and text.startswith("(", bracket + 1):
            after_paren = bracket + 2
            spaces = _SPACES.match(text, after_paren)
            quote = spaces.end() if spaces else after_paren
            url = quote + 1 if text.startswith("<", quote) else quote
            if not run_start <= url <= run_end:
                stop = _URL_END.search(text, url)
                run_start, run_end = url, stop.start() if stop else size
            ends: list[tuple[int, str]] = []
            tail = _AFTER_URL.match(text, run_end)
            if tail:
                ends.append((tail.end(), text[url:run_end]))
            if quote > after_paren and text.startswith('"', quote):
                titled = _TITLE_ONLY.match(text, quote)
                if titled:
                    ends.append((titled.end(), ""))
            if whole:
                ends = [(end, target) for end, target in ends if end == size]
            if ends:
                end, target = ends[0]
                # text[position - 1] ends a link (")") or is a "]": a "!" before `first`
                # is never part of an earlier match.
                start = first - 1 if bang and first > position and text[first - 1] == "!" else first
                yield _Span(start, end, text[first + 1 : bracket], target)
                position = end
                continue
        if whole:
            return
        position = bracket + 1


def _images_in(text: str) -> Iterator[_Span]:
    r"""``!\[([^\]]*)\]\([^)]*\)``: images, their alt text kept."""
    return _bracketed(text, "![", True, "()")


def _strong(text: str) -> str:
    r"""``re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", text)``, in linear time.

    An opener's match ends at the first closer of its kind at least one character on, if that
    closer follows a non-space and no line break comes before it; when there is none, no later
    opener of that kind before the line break has one either.
    """
    if "**" not in text and "__" not in text:
        return text
    closers: dict[str, list[int]] = {"**": [], "__": []}
    openers: list[int] = []
    for found in re.finditer(r"(?=\*\*|__)", text):
        index = found.start()
        openers.append(index)
        if index > 0 and not text[index - 1].isspace():
            closers[text[index : index + 2]].append(index)
    next_closer = {"**": 0, "__": 0}
    dead_until = {"**": -1, "__": -1}
    out: list[str] = []
    position = 0
    for start in openers:
        mark = text[start : start + 2]
        if start < position or start < dead_until[mark]:
            continue
        if start + 2 >= len(text) or text[start + 2].isspace():
            continue
        candidates = closers[mark]
        index = next_closer[mark]
        while index < len(candidates) and candidates[index] < start + 3:
            index += 1
        next_closer[mark] = index
        if index == len(candidates):
            dead_until[mark] = len(text)
            continue
        closer = candidates[index]
        newline = text.find("\n", start + 2, closer)
        if newline >= 0:
            dead_until[mark] = newline
            continue
        out.append(text[position:start])
        out.append(text[start + 2 : closer])
        position = closer + 2
    if not out:
        return text
    out.append(text[position:])
    return "".join(out)


def link_targets(text: str) -> list[str]:
    """The target of each link and image of ``text``: those :func:`rewrite_links` rewrites."""
    return [span.url for span in _links_in(text, bang=True)]


def drop_links(text: str) -> str:
    r"""``re.sub(r"\[[^\]]*\]\([^)]*\)", "", text)``: every ``[text](target)`` removed."""
    return _replaced(text, _bracketed(text, "[", True, "()"), lambda _span: "")


#: The words a sentence may open with before what it says ("Note that no PII is collected",
#: "Furthermore, no A is sent"): the claim starts after them.
OPENERS = (
    r"(?:for example|in addition|additionally|however|also|(?:please )?note that|"
    r"remember that|keep in mind that|importantly|furthermore|moreover)"
)
OPENING = re.compile(rf"^\W*{OPENERS},?\s+", re.IGNORECASE)


@memoized(maxsize=65536)  # each text is read for many claims: a 300 KB page asked 218,000 times
def plain(text: str) -> str:
    """Markdown (and inline HTML) as the plain text a reader sees, on one line."""
    value = html_to_markdown(text) if has_html(text) else text
    value = _replaced(value, _images_in(value), lambda span: span.text)
    value = _replaced(value, _links_in(value), lambda span: span.text)
    # Reference links, ``\[([^\]]+)\]\[[^\]]*\]``: their text kept.
    value = _replaced(value, _bracketed(value, "[", False, "[]"), lambda span: span.text)
    value = _CODE.sub(r"\1", value)
    for _ in range(2):
        value = _strong(value)
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
    stripped = _replaced(text, _images_in(text), lambda _span: "")
    return [(span.text, span.url) for span in _links_in(stripped)]


def only_link(text: str) -> tuple[str, str] | None:
    """The (title, url) when ``text`` is a single link and nothing else (besides punctuation)."""
    value = text.strip().strip("*_").strip()
    match = next(_links_in(value.rstrip(".,;"), whole=True), None)
    if match is None:
        return None
    return plain(match.text), match.url


def rewrite_links(text: str, rewrite: Callable[[str, str], str | None]) -> str:
    """Apply ``rewrite(title, url)`` to every link and image target (``None``: the link's
    text replaces it)."""

    def one(span: _Span) -> str:
        whole = text[span.start : span.end]
        title, url = span.text, span.url
        new = rewrite(title, url)
        if new is None:
            return title
        if new == url:
            return whole
        # The target follows the text's "](": the text may hold the same characters
        # ("[`telemetry/`](telemetry/)"), and is the writer's, never rewritten.
        target = whole.find("](") + 2
        return whole[:target] + whole[target:].replace(url, new, 1)

    return _replaced(text, _links_in(text, bang=True), one)


# -- sentences -----------------------------------------------------------------------------------

_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "approx.", "incl.", "U.S.", "Inc.", "Ltd.", "No.")
#: A sentence ends at its stop and the space after it, or at an HTML line break: a page that
#: writes "protocols.<br />This is ..." or "Geolocation data<br />" starts a line there.
_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?])[\"”\u2019)\]]*(?:<[bB][rR]\s*/?>)?\s*(?<=\s|>)|<[bB][rR]\s*/?>\s*)(?=[\"“(\[*_]{0,3}[A-Z0-9])"
)


#: Where a bullet of a list starts, in Markdown text: its sentences are not the last bullet's.
_BULLET_START = re.compile(r"\n(?=[ \t]*(?:[-*+]|\d+[.)])[ \t])")


def bullet_sentences(text: str) -> list[str]:
    """The sentences of Markdown text, each bullet of a list ending the sentence before it
    ("... when your account is active\n- Data is deleted within 30 days": two sentences)."""
    return [sentence for part in _BULLET_START.split(text) for sentence in sentences(part)]


def sentences(text: str) -> list[str]:
    """``text`` split into sentences (abbreviations and URLs do not end a sentence)."""
    value = one_line(text)
    parts: list[str] = []
    start = 0
    # The brackets of value[start:counted], counted as the candidate grows (not from its start
    # at each sentence end, which took time quadratic in a long run of rejected ends).
    opened = closed = 0
    counted = 0
    for match in _SENTENCE_END.finditer(value):
        end = match.start()
        if value.endswith(_ABBREVIATIONS, start, end):
            continue
        opened += value.count("[", counted, end)
        closed += value.count("]", counted, end)
        counted = end
        if opened > closed:
            continue
        parts.append(value[start : match.end()].strip())
        start = match.end()
        opened = closed = 0
        counted = start
    rest = value[start:].strip()
    if rest:
        parts.append(rest)
    return parts


_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_LINE_MARKER = re.compile(r"^\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])\s+)?")


def page_lines(text: str) -> Iterator[tuple[int, str]]:
    """(number, line) of each line of a page (numbered from 1) outside its front matter and
    code blocks: what a reader reads as its text."""
    lines = text.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        start = next((i + 1 for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
    fence: str | None = None
    for number, line in enumerate(lines[start:], start + 1):
        opener = _FENCE.match(line)
        if fence is not None:
            fence = None if line.strip().startswith(fence) else fence
        elif opener:
            fence = opener.group(1)
        else:
            yield number, line


def prose_sentences(text: str) -> Iterator[tuple[int, str]]:
    """(line, sentence) of each plain sentence of a page's paragraphs and list items, each at
    the line it starts on: a sentence wrapped over lines is read whole. Headings, table rows,
    comments, admonition fences and code say nothing here; a line of HTML, and each line after
    it up to a blank one, or a line in bold alone (a heading in all but name) stands alone."""
    block: list[tuple[int, str]] = []
    last, was_quoted, in_html = 0, False, False
    for number, line in page_lines(text):
        stripped = _LINE_MARKER.sub("", line, count=1).strip()
        silent = not stripped or bool(_SILENT.match(stripped)) or line.lstrip().startswith("|")
        in_html = not silent and (in_html or stripped.startswith("<"))
        alone = in_html or bool(_BOLD_ALONE.match(stripped))
        quoted = line.lstrip().startswith(">")
        opens = number != last + 1 or quoted != was_quoted or _ITEM.match(line)
        if block and (silent or alone or opens):
            yield from _block_sentences(block)
            block = []
        if not silent:
            block.append((number, plain(stripped)))
            if alone:
                yield from _block_sentences(block)
                block = []
        last, was_quoted = number, quoted
    yield from _block_sentences(block)


#: A line that opens a list item; one that says nothing (a heading, a comment, a rule or a
#: heading's underline, an admonition's fence or marker: ":::caution", "!!! note", "[!NOTE]");
#: one in bold alone ("**Right of Appeal**").
_ITEM = re.compile(r"^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+")
_SILENT = re.compile(r"#|<!--|:::|!!!|\?\?\?|\[!\w+\]\s*$|(?:[-=*_]\s*){3,}$")
_BOLD_ALONE = re.compile(r"(\*\*|__)[^*_]+\1\s*:?$")


def _block_sentences(block: list[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """The sentences of a paragraph or list item given as its lines, each at its first line."""
    joined = " ".join(piece for _, piece in block)
    starts = list(itertools.accumulate((len(piece) + 1 for _, piece in block[:-1]), initial=0))
    cursor = 0
    for sentence in sentences(joined):
        words = sentence.split()
        if words:
            found = joined.find(words[0], cursor)
            at = found if found >= 0 else cursor
            cursor = at + len(words[0]) if found >= 0 else cursor
            yield block[bisect.bisect_right(starts, at) - 1][0], " ".join(words)
