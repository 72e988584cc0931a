"""Turning content strings into Markdown that cannot change the page's structure.

Content is data, never code. Two kinds of content text exist:

* **plain text** (names, conditions, periods): every Markdown and HTML character is escaped,
  and newlines become spaces, so the text shows exactly as written — in a heading, a list item
  or a table cell;
* **Markdown text** (introductions, notes, bodies): emphasis, links, lists and fenced code
  blocks work (the code shown exactly as written), but raw HTML is shown as text, and nothing
  can open a heading, an attribute list, an admonition or a Microsoft Learn directive that
  would break the page skeleton.

Either way, the Markdown that comes out takes Python-Markdown a time linear in its length to
convert, whatever the text: see "Keeping Python-Markdown linear" below. Ordinary text is not
affected by that, and no character of the text is ever dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from markupsafe import Markup

from .memo import memoized

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


# -- keeping Python-Markdown linear -----------------------------------------------------------
#
# Python-Markdown converts the inline text of a paragraph, a list item or a table cell by
# finding one construct at a time and, for each one it replaces (an escape, an entity, a tag, a
# link, an emphasis), building a new copy of the whole text. Some constructs that do not close
# are read to the end of the text by a Python loop (a '[' without its ']', a link target without
# its ')'), a '[' is read again by every enclosing one, some lines split the paragraph and the
# rest is parsed again (a reference definition, a horizontal rule), and nested lists and
# emphasis recurse once per level. So each of these costs up to the length of the paragraph,
# and a paragraph made of one repeated construct costs its length squared (or stops the build
# with a RecursionError). Each limit below caps how many constructs of one kind a paragraph may
# hold, which makes the cost linear; real text stays far below every limit, and is unchanged.
# Beyond a limit, the constructs of that kind are escaped, so they show as the characters they
# are made of (which is how those that do not close show anyway); a paragraph that would still
# need more than MAX_REPLACEMENTS replacements is shown as inline code, exactly as written.

#: Inline replacements (escapes, entities, tags, brackets, emphasis runs) in one paragraph,
#: list item, table cell or plain-text field; beyond it, the text is shown as code.
MAX_REPLACEMENTS = 1000
#: Runs of emphasis delimiters (``*``, ``_``) in one paragraph; beyond it, all are escaped.
MAX_EMPHASIS = 64
#: The longest run of emphasis delimiters that stays one; longer runs are escaped (Python-Markdown
#: reads a run again from each of its characters while an emphasis is open).
MAX_RUN = 16
#: The longest run of spaces in a table cell; a longer one is cut to it (a browser shows any run
#: as one space): the attribute lists extension reads a run again from each of its spaces.
MAX_SPACES = 16
#: ``[`` without a ``]``, and link targets read past their ``)`` (or without one), in one
#: paragraph; beyond it, all of them are escaped.
MAX_UNCLOSED = 4
#: How deep brackets nest; deeper pairs are escaped.
MAX_BRACKET_DEPTH = 4
#: How many times, in all, the reference definitions and horizontal rules of a paragraph may
#: make Python-Markdown read it again (each one, the rest of the paragraph after it); beyond
#: it, the first ones are escaped (definitions usually come last, and stay).
MAX_REREADS = 32
#: List and quote markers at the start of one line; the next one is escaped.
MAX_NESTING = 16
#: Lines in one paragraph; beyond it, a line that cannot start a block joins the line before
#: (with a space: a line break inside a paragraph shows as one). A list item is built by
#: adding each of its lines to a copy of the ones before. In a text of more lines, blank lines
#: between paragraphs count as one.
MAX_LINES = 1000

#: A backslash and the character it escapes (Python-Markdown's ``\\(.)``: not a newline).
_ESCAPE = r"\\."
_LINK_TOKEN = re.compile(_ESCAPE + r"|[\[\]()]")
_QUOTE = re.compile(r"[\"']")
#: A link target with a title, ``(url "title")``, that Python-Markdown reads up to its ``)``.
_TITLED_TARGET = re.compile(r"""\([^'"()]*(["'])[^'"()]*\1 *\)""")
#: What Python-Markdown may replace in inline text: escapes, entities, tags, brackets, and
#: runs of emphasis delimiters (a run of ``_`` inside a word is none: see :func:`_delimiter`).
_REPLACEMENT = re.compile(
    _ESCAPE + r"|&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);|<[^<>\n]*>|\[|\*+|_+"
)
#: Python-Markdown's horizontal rule (``HRProcessor.RE``).
_RULE = re.compile(
    r"^[ ]{0,3}(?=(?P<atomicgroup>(-+[ ]{0,2}){3,}|(_+[ ]{0,2}){3,}|(\*+[ ]{0,2}){3,}))"
    r"(?P=atomicgroup)[ ]*$",
    re.MULTILINE,
)
#: The start of a reference definition (``[id]: url``), as Python-Markdown finds it.
_REFERENCE = re.compile(r"^([ ]{0,3})\[[^\[\]]*\]:", re.MULTILINE)
#: A list or quote marker, and what follows it, at the start of a line.
_MARKER = r"(?:(?:[-+*]|\d+[.)])[ \t]+|>[ \t]*)"
_NESTED = re.compile(
    rf"^([ \t]*{_MARKER}{{{MAX_NESTING}}})((?:[-+*]|\d+[.)])(?=[ \t]|$)|>)", re.MULTILINE
)
#: A line that cannot start a block: not indented, and not a list item, a rule, a quote or a
#: reference definition (headings, setext underlines, fences, admonitions and directives are
#: escaped already).
_CONTINUATION = re.compile(
    r"(?![ \t]|(?:[-+*]|\d+[.)])(?:[ \t]|$)|[-*_][-*_ \t]*$|>|\[[^\[\]\n]*\]:)"
)
#: The second line of a table: its rows must stay one per line. Searched from a line's start only
#: (from each of its characters, time quadratic in the line).
_TABLE_RULE = re.compile(r"(?<![^\n])[^\n]*\n[ \t]*+\|?[ \t]*+:?-++:?[ \t]*+\|[-:| \t]*+(?:\n|$)")
#: A definition of a term (Python-Markdown's ``def_list``): the line after a term.
_DEFINITION = re.compile(r"^[ ]{0,3}:[ \t]", re.MULTILINE)
#: A line that starts a list item in Python-Markdown: each item's text is converted on its own.
_ITEM = re.compile(r"^[ \t]*(?:[-+*]|\d+\.)[ \t]+", re.MULTILINE)


def _escape_at(text: str, positions: Iterable[int]) -> str:
    """``text`` with a backslash before the character at each of ``positions``."""
    out: list[str] = []
    last = 0
    for position in sorted(set(positions)):
        out.append(text[last:position])
        out.append("\\")
        last = position
    out.append(text[last:])
    return "".join(out)


def _limit_links(text: str) -> str:
    """Escape brackets and link targets that would make Python-Markdown read far, if many.

    Python-Markdown reads from every ``[`` to its ``]`` (counting nested pairs), and from the
    ``(`` after a ``]`` to its ``)``. The brackets and parentheses are paired here as it pairs
    them (escaped ones do not count), once. Escaping a ``[`` that has no ``]`` changes nothing
    that shows; a pair is escaped whole, so that every other pair stays as it was.
    """
    if "[" not in text:
        return text
    opened: list[int] = []
    pairs: list[tuple[int, int]] = []
    parens: list[int] = []
    heights: list[int] = []  # per open '(': the height of the highest pair inside it so far
    paren_close: dict[int, int] = {}
    paren_height: dict[int, int] = {}
    for token in _LINK_TOKEN.finditer(text):
        char, position = token.group(), token.start()
        if char == "[":
            opened.append(position)
        elif char == "]":
            if opened:
                pairs.append((opened.pop(), position))
        elif char == "(":
            parens.append(position)
            heights.append(0)
        elif char == ")" and parens:
            start, height = parens.pop(), heights.pop() + 1
            paren_close[start], paren_height[start] = position, height
            if heights:
                heights[-1] = max(heights[-1], height)
    escape = opened if len(opened) > MAX_UNCLOSED else []
    pairs.sort()
    enclosing: list[int] = []  # the closing brackets of the pairs around the current one
    links: list[int] = []
    for start, close in pairs:
        while enclosing and enclosing[-1] < start:
            enclosing.pop()
        if len(enclosing) >= MAX_BRACKET_DEPTH:
            escape += (start, close)
        elif text.startswith("(", close + 1):
            links.append(close + 1)
        enclosing.append(close)
    quotes: list[int] | None = None
    far: list[tuple[int, ...]] = []
    for target in links:
        end = paren_close.get(target)
        if end is None:  # read to the end of the paragraph
            far.append((target,))
            continue
        if quotes is None:
            quotes = [match.start() for match in _QUOTE.finditer(text)]
        quoted = bisect_left(quotes, target) < bisect_left(quotes, end)
        if (quoted and not _TITLED_TARGET.match(text, target)) or paren_height[target] > 2:
            far.append((target, end))  # a quote or nested parentheses: may be read further
    if len(far) > MAX_UNCLOSED:
        escape += (position for target in far for position in target)
    return _escape_at(text, escape) if escape else text


def _limit_emphasis(text: str) -> str:
    """Escape every emphasis delimiter if there are too many (nested emphasis recurses), and
    the runs of delimiters that are too long (but a horizontal rule's)."""
    if "*" not in text and "_" not in text:
        return text
    runs = [
        token
        for token in _REPLACEMENT.finditer(text)
        if token.group()[0] in "*_" and _delimiter(token)
    ]
    if len(runs) <= MAX_EMPHASIS:
        rules = [(rule.start(), rule.end()) for rule in _RULE.finditer(text)]
        starts = [start for start, _ in rules]
        runs = [
            run
            for run in runs
            if run.end() - run.start() > MAX_RUN
            and not (
                (index := bisect_left(starts, run.start() + 1) - 1) >= 0
                and run.end() <= rules[index][1]
            )
        ]
    return _escape_at(text, (i for run in runs for i in range(run.start(), run.end())))


def _delimiter(token: re.Match[str]) -> bool:
    """Whether a token of :data:`_REPLACEMENT` may be replaced: all but a run of ``_`` with a
    letter or digit on either side (Python-Markdown's ``_`` does not work inside words). The
    runs are whole (the regular expression reads each once: no lookaround after a run)."""
    if token.group()[0] != "_":
        return True
    text, start, end = token.string, token.start(), token.end()
    inside = start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()
    return not inside


def _replacements(text: str) -> int:
    """How many inline replacements Python-Markdown may make in ``text`` (at most)."""
    return sum(1 for token in _REPLACEMENT.finditer(text) if _delimiter(token))


def _as_code(text: str) -> str:
    """Text as one inline code span, on one line: Python-Markdown shows it exactly as written
    (spaces at either end aside) and reads it once. (A numeric character reference without its
    ``;``, such as ``&#1``, may show with one: Python-Markdown's HTML block parser, which reads
    the whole page first, completes them where it sees them.)"""
    content = " ".join(line.strip() for line in text.split("\n") if line.strip())
    ticks = "`" * (max(map(len, _BACKTICKS.findall(content)), default=0) + 1)
    return f"{ticks} {content} {ticks}"


# -- plain text --------------------------------------------------------------------------------


def inline(text: object) -> MarkdownSafe:
    """Plain text as inline Markdown that renders exactly as written, on one line.

    Text that would need more than :data:`MAX_REPLACEMENTS` escapes and entities (which make
    Python-Markdown's time grow with their number times the text's length) is shown as one
    inline code span instead, still exactly as written.
    """
    if isinstance(text, Markup):
        return MarkdownSafe(text)
    return _inline(str(text))


#: How many escaped texts each function keeps: names, labels, conditions and catalog
#: descriptions repeat on many pages of one build, so each is escaped once.
_CACHE_SIZE = 8192


@memoized(_CACHE_SIZE)
def _inline(text: str) -> MarkdownSafe:
    plain = _WHITESPACE.sub(" ", text).strip()
    value = plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _BACKSLASH.sub(r"\\\1", value)
    value = _LIST_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), value)
    value = (
        value.replace(":::", ":&#58;:").replace("~~", "&#126;&#126;").replace("==", "&#61;&#61;")
    )
    if _replacements(value) > MAX_REPLACEMENTS:
        return MarkdownSafe(_as_code(plain))
    return MarkdownSafe(value)


# -- Markdown text ----------------------------------------------------------------------------

# Line starts that open a block: a heading (also inside a list item or a quote), a setext
# underline, an admonition, a fenced block or a directive.
_CONTAINER = _MARKER + "*"
_HEADING = re.compile(rf"^([ \t]*{_CONTAINER})(#)", re.MULTILINE)
_SETEXT = re.compile(r"^([ \t]*)([=-])(?=[=-]*[ \t]*$)", re.MULTILINE)
_BANG_BLOCK = re.compile(rf"^([^\S\n]*{_CONTAINER})(!!!|\?\?\?)", re.MULTILINE)
_FENCE_DIRECTIVE = re.compile(rf"^([^\S\n]*{_CONTAINER})(/// )", re.MULTILINE)
_TILDE_FENCE = re.compile(rf"^([ \t]*{_CONTAINER})~(?=~~)", re.MULTILINE)
_BACKTICKS = re.compile(r"`+")
#: Where a blank line starts and ends (they may overlap: a lookahead finds every one).
_BLANK_LINE = re.compile(r"(?=(\n[ \t]*\n))")
_CODE_OR_ESCAPE = re.compile(r"[\\`]")
_PARAGRAPH_BREAK = re.compile(r"(\n\n+)")


def _entities(text: str) -> str:
    """Every character but letters, digits and spaces as a numeric character reference."""
    return "".join(ch if ch.isalnum() or ch == " " else f"&#{ord(ch)};" for ch in text)


def _code_spans(text: str) -> list[tuple[bool, str]]:
    """Split text into prose and inline code: ``[(is_code, text), ...]``.

    A code span is a run of backticks closed by a run of the same length in the same paragraph,
    as in Markdown; a backslash escapes the character after it. Unmatched backticks are prose.
    The runs and blank lines are found once, so this is linear in the text's length.
    """
    if "`" not in text:  # no code: all prose (the common case, without the scan below)
        return [(False, text)] if text else []
    runs: dict[int, list[int]] = {}  # the start of every whole run of backticks, by length
    for run in _BACKTICKS.finditer(text):
        runs.setdefault(run.end() - run.start(), []).append(run.start())
    blanks = [(blank.start(), blank.end(1)) for blank in _BLANK_LINE.finditer(text)]
    parts: list[tuple[bool, str]] = []
    prose = index = 0
    while (found := _CODE_OR_ESCAPE.search(text, index)) is not None:
        index = found.start()
        if text[index] == "\\":
            index += 2
            continue
        ticks = _BACKTICKS.match(text, index)
        assert ticks is not None
        length, end = ticks.end() - index, ticks.end()
        starts = runs.get(length, [])
        after = bisect_left(starts, end)
        closing = starts[after] if after < len(starts) else -1
        blank = bisect_left(blanks, (end, 0))
        if closing < 0 or (blank < len(blanks) and blanks[blank][1] <= closing):
            index = end  # no closing run in the same paragraph: prose
            continue
        if prose < index:
            parts.append((False, text[prose:index]))
        parts.append((True, text[end:closing]))
        index = prose = closing + length
    if prose < len(text):
        parts.append((False, text[prose:]))
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
    paragraph, a list item, a table cell); a fenced code block (closed, at a line's start)
    stays one, behind a fence no backtick run inside can close, with its language only if it
    is a known one (:data:`CODE_LANGUAGES`: no content opens a site's custom fence); nothing
    can open a heading, a setext heading, an attribute list, an admonition, an unclosed fence
    or a Microsoft Learn directive.

    Python-Markdown converts the result in linear time: in a paragraph (or list item) with more
    constructs of one kind than real text has — brackets without a ``]``, link targets read
    past their ``)``, deeply nested brackets, emphasis delimiters (or too long a run of them),
    reference definitions and horizontal rules far from its end, list markers nested on one
    line (see the ``MAX_*`` limits) — those are escaped, so they show as their characters; in
    a paragraph of more than :data:`MAX_LINES` lines, lines that cannot start a block join the
    line before (and in a text of more, blank lines in a row count as one); and a paragraph
    that would still need more than :data:`MAX_REPLACEMENTS` replacements is shown as one
    inline code span, exactly as written.
    """
    if isinstance(text, Markup):
        return MarkdownSafe(text)
    return _block(str(text))


@memoized(_CACHE_SIZE)
def _block(text: str) -> MarkdownSafe:
    value = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    value = "\n".join(line.rstrip() for line in value.split("\n"))
    blocks = _code_blocks(value)
    pieces = [_code_block(piece) if is_code else _text_block(piece) for is_code, piece in blocks]
    text = "\n\n".join(piece for piece in pieces if piece)
    # A text that ends in code ends with a blank line: what a template writes next (the next
    # item of a list) is then no lazy continuation of the code's placeholder paragraph.
    return MarkdownSafe(text + "\n" if blocks and blocks[-1][0] else text)


def _text_block(value: str) -> str:
    parts = _PARAGRAPH_BREAK.split(value.strip("\n"))  # paragraphs, and the blank lines between
    parts[::2] = [_paragraph(paragraph) for paragraph in parts[::2]]
    if value.count("\n") > MAX_LINES:  # each further blank line is a block to parse
        parts[1::2] = ["\n\n"] * (len(parts) // 2)
    return "".join(parts)


# -- code blocks -------------------------------------------------------------------------------

#: A fenced code block's first line: three or more backticks or tildes at the line's start, then
#: its language (an info string with a backtick is no fence, as in CommonMark). Possessive: a
#: line of tildes ending in a backtick was otherwise split three ways at every length (cubic).
_FENCE_OPEN = re.compile(r"^(`{3,}+|~{3,}+)[ \t]*+([^`\s]*+)[^`\n]*$")
#: The languages a code block keeps (for highlighting); any other info string is dropped, so
#: that no content opens a site's custom fence (a diagram, math).
CODE_LANGUAGES = frozenset(
    [
        "bash",
        "c",
        "cpp",
        "cs",
        "csharp",
        "console",
        "css",
        "diff",
        "dockerfile",
        "env",
        "go",
        "html",
        "http",
        "ini",
        "java",
        "javascript",
        "js",
        "json",
        "jsonc",
        "kotlin",
        "powershell",
        "properties",
        "ps1",
        "py",
        "python",
        "ruby",
        "rust",
        "sh",
        "shell",
        "sql",
        "swift",
        "text",
        "toml",
        "ts",
        "typescript",
        "xml",
        "yaml",
        "yml",
    ]
)
#: More fences than this in one text: none is read as a code block (a bound on the scan).
MAX_FENCES = 64


def _code_blocks(value: str) -> list[tuple[bool, str]]:
    """``value`` split into text and fenced code blocks (``[(is_code, text), ...]``), each code
    block as its lines from the opening fence to the closing one. A fence closes at the first
    later line of only the same character, at least as many (CommonMark); an unclosed fence is
    text. Linear: each line is looked at once, and at most :data:`MAX_FENCES` fences are read."""
    lines = value.split("\n")
    found: list[tuple[bool, str]] = []
    start = index = fences = 0
    while index < len(lines):
        opening = _FENCE_OPEN.match(lines[index])
        if opening is None or fences >= MAX_FENCES:
            index += 1
            continue
        fences += 1
        mark = opening.group(1)
        close = re.compile(rf"^{re.escape(mark[0])}{{{len(mark)},}}[ \t]*$")
        end = next((i for i in range(index + 1, len(lines)) if close.match(lines[i])), None)
        if end is None:
            break  # unclosed: what follows is text
        if start < index:
            found.append((False, "\n".join(lines[start:index])))
        found.append((True, "\n".join(lines[index : end + 1])))
        start = index = end + 1
    if start < len(lines):
        found.append((False, "\n".join(lines[start:])))
    return found


def _code_block(fenced: str) -> str:
    """A fenced block from content, shown exactly as written: a fence longer than any run of
    backticks inside closes it, and only a known language is kept."""
    lines = fenced.split("\n")
    opening = _FENCE_OPEN.match(lines[0])
    language = opening.group(2).lower() if opening else ""
    code = "\n".join(lines[1:-1])
    runs = [len(run) for run in _BACKTICKS.findall(code)]
    fence = "`" * max(3, max(runs, default=0) + 1)
    return f"{fence}{language if language in CODE_LANGUAGES else ''}\n{code}\n{fence}"


def _paragraph(text: str) -> str:
    """One paragraph (lines without a blank line between them) as safe Markdown."""
    pieces = []
    for is_code, piece in _code_spans(text):
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
    value = _limit_lines(value)
    if value.count("\n") > MAX_LINES and not _TABLE_RULE.match(value):
        value = _join_lines(value)
    items = [_limit_emphasis(_limit_links(item)) for item in _items(value)]
    if any(_replacements(item) > MAX_REPLACEMENTS for item in items):
        return _as_code(text)
    return "".join(items)


def is_paragraph(part: str) -> bool:
    """Whether a part of :func:`block`'s output between blank lines is one plain paragraph:
    no line of it starts a block of another kind (a list item, a rule, an indented line), so
    an attribute list on a line after it applies to it."""
    if not part.strip() or _TABLE_RULE.search(part) or _DEFINITION.search(part):
        return False  # a table or a definition list: a line after it would be a row or a term
    return all(_CONTINUATION.match(line) for line in part.split("\n"))


def _limit_lines(text: str) -> str:
    """Escape the line starts that Python-Markdown would nest too deep or split on too often."""
    text = _NESTED.sub(_unnest, text)
    rules = [rule.end() - len(rule.group().lstrip(" ")) for rule in _RULE.finditer(text)]
    splits = sorted(rules + [reference.end(1) for reference in _REFERENCE.finditer(text)])
    budget, rereads = MAX_REREADS * len(text), 0
    for index in range(len(splits) - 1, -1, -1):
        rereads += len(text) - splits[index]
        if rereads > budget:
            return _escape_at(text, splits[: index + 1])
    return text


def _join_lines(text: str) -> str:
    """Join each line that cannot start a block to the line before (with a space: a line break
    inside a paragraph shows as one), unless that one is a reference definition or a rule."""
    lines: list[list[str]] = []
    for line in text.split("\n"):
        if lines and _CONTINUATION.match(line) and not _ends_line(lines[-1][0]):
            lines[-1].append(line)
        else:
            lines.append([line])
    return "\n".join(" ".join(joined) for joined in lines)


def _ends_line(line: str) -> bool:
    return bool(_REFERENCE.match(line) or _RULE.match(line))


def _unnest(match: re.Match[str]) -> str:
    if _RULE.match(match.string, match.start()):  # a horizontal rule: no list at all
        return match.group()
    return match.group(1) + _escape_marker(match.group(2))


def _items(text: str) -> list[str]:
    """A paragraph split where Python-Markdown starts a list item (a list's items are
    converted one by one); a paragraph that does not start with one is one piece."""
    if not _ITEM.match(text):
        return [text]
    starts = [item.start() for item in _ITEM.finditer(text)]
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


_CELL_PIPE = re.compile(r"(?<!\\)(\\*)\|")
_SPACES = re.compile(f" {{{MAX_SPACES + 1},}}")


def cell(text: object) -> MarkdownSafe:
    """Markdown text for one table cell: a '|', a backtick or a newline cannot add a column
    or a row (pipes become ``&#124;``, lines are joined with ``<br>``).

    The cell is converted as one piece of inline text, so the limits of :func:`block` apply to
    the whole cell, and a run of spaces longer than :data:`MAX_SPACES` is cut to that length;
    a cell that would need more than :data:`MAX_REPLACEMENTS` replacements is shown as one
    inline code span, exactly as written (a ``|`` inside code splits no cell).
    """
    if isinstance(text, Markup):
        return _cell(str(text))
    return _cell_text(str(text))


@memoized(_CACHE_SIZE)
def _cell_text(text: str) -> MarkdownSafe:
    value = str(_block(text))
    if "`" not in value:  # a backtick is only there in a paragraph shown as code
        value = _SPACES.sub(" " * MAX_SPACES, str(_cell(value)))
        value = _limit_emphasis(_limit_links(value))
        if _replacements(value) <= MAX_REPLACEMENTS:
            return MarkdownSafe(value)
    return MarkdownSafe(_as_code(text))


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
