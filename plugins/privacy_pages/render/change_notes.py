"""Change notes as pages print them: the words before and after, with the changed ones
marked ``<del>`` and ``<ins>`` (history/ says what changed; this says it in Markdown). The
words are content's own Markdown, rendered (made safe) like every Markdown field."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, fields

from .. import markdown_text
from ..history.notes import ChangeNote, Excerpt
from ..markdown_text import MarkdownSafe
from ..messages import SOURCE_LANGUAGE


@dataclass(frozen=True)
class MarkedNote(ChangeNote):
    """A :class:`ChangeNote` with the Markdown that templates print for its excerpts."""

    @classmethod
    def of(cls, note: ChangeNote) -> MarkedNote:
        if isinstance(note, MarkedNote):
            return note
        return cls(**{f.name: getattr(note, f.name) for f in fields(note)})

    @property
    def before_markdown(self) -> MarkdownSafe | None:
        before = self.before
        return None if before is None else self._in_source(marked(before, "del"), 0)

    @property
    def after_markdown(self) -> MarkdownSafe | None:
        after = self.after
        return None if after is None else self._in_source(marked(after, "ins"), 1)

    def _in_source(self, words: MarkdownSafe, side: int) -> MarkdownSafe:
        """The words a release kept (``side``: 0 before, 1 after), marked as the records'
        language on a page in another one (a screen reader reads them as such)."""
        if not self.words_in_source[side]:
            return words
        return MarkdownSafe(f'<span lang="{SOURCE_LANGUAGE}">{words}</span>')


def marked_notes(notes: Iterable[ChangeNote]) -> list[MarkedNote]:
    return [MarkedNote.of(note) for note in notes]


#: Where the changed words of an excerpt begin and end while it is made safe: control
#: characters, which the loader refuses in content (a snapshot holding one is shown escaped).
_BEGIN, _END = "\x02", "\x03"
_CHANGED = re.compile("\x02([^\x02\x03]*)\x03")
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
_TEXT_END = re.compile(r"[\]\n]")
#: A bullet list's marker at a line's start: in a change's one line, a bullet ("•"), since a
#: "-" would read as a list only at the line's start.
_BULLET = re.compile(r"(?m)^[ \t]*[-+*][ \t]+")


class _Targets:
    """Where the link targets of a line end: ``](`` reads up to the next ``)`` on its line.

    A regular expression tried at each ``[`` or ``](`` reads the rest of the line again from
    each (``[[[[...`` took time quadratic in the line); these answer from positions found once.
    """

    def __init__(self, line: str) -> None:
        self.line = line
        self.closes = [i for i, c in enumerate(line) if c == ")"]
        self.breaks = [i for i, c in enumerate(line) if c == "\n"]
        self.markers = [i for i, c in enumerate(line) if c in (_BEGIN, _END)]

    @staticmethod
    def _next(positions: list[int], start: int) -> int:
        at = bisect_left(positions, start)
        return positions[at] if at < len(positions) else -1

    def end(self, start: int) -> int:
        """The ``)`` that ends the target starting at ``start``, or -1 (none on its line)."""
        close = self._next(self.closes, start)
        line_break = self._next(self.breaks, start)
        return -1 if close == -1 or -1 < line_break < close else close

    def marked(self, start: int) -> bool:
        """Whether the target from ``start`` (to its ``)`` or its line's end) holds a marker."""
        marker = self._next(self.markers, start)
        if marker == -1:
            return False
        ends = [
            p for p in (self._next(self.closes, start), self._next(self.breaks, start)) if p >= 0
        ]
        return marker < min(ends, default=len(self.line))


def _in_link_target(line: str) -> bool:
    """``re.search(r"\\]\\([^)\\n]*[\\x02\\x03]", line)``: a marker inside a link's address,
    which marking the changed words would break."""
    targets = _Targets(line)
    start = line.find("](")
    while start != -1:
        if targets.marked(start + 2):
            return True
        start = line.find("](", start + 2)
    return False


def _without_relative_links(line: str) -> str:
    r"""``re.sub(r"(?<!!)\[([^\]\n]*)\]\((?![a-zA-Z][a-zA-Z0-9+.-]*:)[^)\n]*\)", r"\1", line)``:
    each inline link to a path or an anchor replaced by its text. Relative to the page the text
    was on when it was written, such a link leads nowhere from a change note (on another page,
    or from an older release), so the note keeps only its text. Links with a scheme stay links.

    Every ``[`` before the same ``]`` ends its text there and reads the same target: the first of
    them not after a ``!`` is the link's start, and when the target is no link, none of them is.
    """
    targets = _Targets(line)
    out: list[str] = []
    copied = searched = 0
    while (start := line.find("[", searched)) != -1:
        found = _TEXT_END.search(line, start + 1)
        if found is None:
            break
        close = found.start()
        end = -1
        if line.startswith("](", close) and not _SCHEME.match(line, close + 2):
            end = targets.end(close + 2)
        if end != -1:
            while start != -1 and start < close and start > 0 and line[start - 1] == "!":
                start = line.find("[", start + 1, close)
            if start != -1 and start < close:
                out += [line[copied:start], line[start + 1 : close]]
                copied = searched = end + 1
                continue
        searched = close
    return "".join([*out, line[copied:]])


def marked(excerpt: Excerpt, tag: str) -> MarkdownSafe:
    """An excerpt as inline Markdown, with the changed words in ``<del>`` or ``<ins>``.

    The excerpt is content's own Markdown, so it is made safe the way every Markdown field is
    (:func:`~privacy_pages.markdown_text.block`), on one line: bold and links render as they do
    on the page. If making it safe turned it into code (too many constructs), each piece is
    shown exactly as written instead."""
    text = "".join(
        f"{_BEGIN}{segment.text}{_END}"
        if segment.changed and segment.text.strip()
        else segment.text
        for segment in excerpt
    )
    line = _without_relative_links(" ".join(_BULLET.sub("• ", text).split()))
    if any(c in segment.text for c in (_BEGIN, _END) for segment in excerpt):
        return _escaped(excerpt, tag)
    if _crosses_markup(line):
        return _whole(line, tag)
    safe = str(markdown_text.block(line))
    if (
        "\n" in safe
        or safe.count(_BEGIN) != line.count(_BEGIN)
        or safe.count(_END) != line.count(_END)
    ):
        return _escaped(excerpt, tag)
    return MarkdownSafe(safe.replace(_BEGIN, f"<{tag}>").replace(_END, f"</{tag}>"))


def _whole(line: str, tag: str) -> MarkdownSafe:
    """An excerpt whose changed words cut through its Markdown: rendered as the page renders
    it (links as links, bold as bold), all of it marked changed."""
    safe = str(markdown_text.block(line.replace(_BEGIN, "").replace(_END, "")))
    if "\n" in safe:
        safe = " ".join(safe.split())
    return MarkdownSafe(f"<{tag}>{safe}</{tag}>")


def _crosses_markup(line: str) -> bool:
    """Whether marking the changed words would cut through a link's address or a pair of
    Markdown delimiters: changed words that open or close Markdown they do not also close or
    open ("30 days** and") would break the emphasis."""
    if _in_link_target(line):
        return True
    for changed in _CHANGED.findall(line):
        if changed.count("`") % 2 or changed.count("[") != changed.count("]"):
            return True
        if changed.replace("**", "").count("*") % 2 or changed.count("**") % 2:
            return True
        if changed.replace("__", "").count("_") % 2 or changed.count("__") % 2:
            return True
    return False


def _escaped(excerpt: Excerpt, tag: str) -> MarkdownSafe:
    """Each piece of an excerpt exactly as written (Markdown shown as its characters)."""
    parts = []
    for segment in excerpt:
        words = segment.text.strip()
        if not words:
            parts.append(segment.text)
            continue
        lead = segment.text[: len(segment.text) - len(segment.text.lstrip())]
        trail = segment.text[len(segment.text.rstrip()) :]
        text = str(markdown_text.inline(words))
        if segment.changed:
            text = f"<{tag}>{text}</{tag}>"
        parts.append(f"{lead}{text}{trail}")
    return MarkdownSafe("".join(parts))
