"""Change notes as pages print them: the words before and after, with the changed ones
marked ``<del>`` and ``<ins>`` (history/ says what changed; this says it in Markdown)."""

from __future__ import annotations

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


def marked(excerpt: Excerpt, tag: str) -> MarkdownSafe:
    """Inline Markdown of an excerpt, with the changed words in ``<del>`` or ``<ins>``."""
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
