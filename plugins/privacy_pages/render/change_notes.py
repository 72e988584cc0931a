"""Change notes as pages print them: the words before and after, with the changed ones
marked ``<del>`` and ``<ins>`` (history/ says what changed; this says it in Markdown). The
words are content's own Markdown, rendered (made safe) like every Markdown field."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields

from .. import markdown_text
from ..history.notes import ChangeNote, Excerpt
from ..markdown_text import MarkdownSafe


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
        return None if self.before is None else marked(self.before, "del")

    @property
    def after_markdown(self) -> MarkdownSafe | None:
        return None if self.after is None else marked(self.after, "ins")


def marked_notes(notes: Iterable[ChangeNote]) -> list[MarkedNote]:
    return [MarkedNote.of(note) for note in notes]


#: Where the changed words of an excerpt begin and end while it is made safe: control
#: characters, which the loader refuses in content (a snapshot holding one is shown escaped).
_BEGIN, _END = "\x02", "\x03"
#: A marker inside a link's address, or changed words that open or close Markdown they do not
#: also close or open ("30 days** and"): marking them would break the link or the emphasis.
_IN_LINK_TARGET = re.compile(r"\]\([^)\n]*[\x02\x03]")
_CHANGED = re.compile("\x02([^\x02\x03]*)\x03")
#: An inline link to a path or an anchor: relative to the page the text was on when it was
#: written, it leads nowhere from a change note (on another page, or from an older release),
#: so the note keeps only its text. Links with a scheme stay links.
_RELATIVE_LINK = re.compile(r"(?<!!)\[([^\]\n]*)\]\((?![a-zA-Z][a-zA-Z0-9+.-]*:)[^)\n]*\)")


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
    line = _RELATIVE_LINK.sub(r"\1", " ".join(text.split()))
    if _crosses_markup(line) or any(
        c in segment.text for c in (_BEGIN, _END) for segment in excerpt
    ):
        return _escaped(excerpt, tag)
    safe = str(markdown_text.block(line))
    if (
        "\n" in safe
        or safe.count(_BEGIN) != line.count(_BEGIN)
        or safe.count(_END) != line.count(_END)
    ):
        return _escaped(excerpt, tag)
    return MarkdownSafe(safe.replace(_BEGIN, f"<{tag}>").replace(_END, f"</{tag}>"))


def _crosses_markup(line: str) -> bool:
    """Whether marking the changed words would cut through a link's address or a pair of
    Markdown delimiters (see :data:`_IN_LINK_TARGET`)."""
    if _IN_LINK_TARGET.search(line):
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
