"""A page in another language than the records': where it shows text that is not a current
translation, it says so, in the page's language, right there.

The language's model (see :mod:`privacy_pages.load.translations`) holds the source text where
a translation is missing, or stale with ``stale_translations: source``, and the earlier
translation where it is stale with ``previous``. Those texts are known by value: the filters
that print content (``md``, ``cell``, ``text``, ``html``...) look each printed text up and add
the notice after it; English text inline is marked ``lang="en"`` for screen readers.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from ..load.translations import Language, StaleShows
from ..markdown_text import MarkdownSafe
from ..messages import N_, SOURCE_LANGUAGE, current

#: What the notice says after a text, by what the text is.
NOTICES: Mapping[StaleShows, str] = {
    "source": N_("not yet translated"),
    "previous": N_("changed in English since it was translated"),
}


@dataclass(frozen=True)
class Showing:
    """What the page being rendered shows in place of translations."""

    fallbacks: Mapping[str, StaleShows] = field(default_factory=dict)
    #: The record files with no translation in the language at all.
    untranslated: frozenset[str] = frozenset()


_NOTHING_SHOWN = Showing()
_showing: ContextVar[Showing] = ContextVar("privacy_pages_showing", default=_NOTHING_SHOWN)


@contextmanager
def showing(language: Language | None) -> Iterator[None]:
    """Render the pages of ``language`` (None: the records' own language)."""
    view = Showing()
    if language is not None:
        view = Showing(language.fallbacks, frozenset(language.untranslated))
    token = _showing.set(view)
    try:
        yield
    finally:
        _showing.reset(token)


def untranslated(record: str) -> bool:
    """Whether a record (its file, as shown to writers) has no translation in the language."""
    return record in _showing.get().untranslated


def noticed(convert: Callable[[object], MarkdownSafe]) -> Callable[[object], MarkdownSafe]:
    """A content filter that adds the notice after a text that is not a current translation."""

    def convert_noticed(value: object) -> MarkdownSafe:
        converted = convert(value)
        fallbacks = _showing.get().fallbacks
        shown = fallbacks.get(value) if fallbacks and isinstance(value, str) else None
        if shown is None:
            return converted
        notice = html.escape(current().gettext(NOTICES[shown]))
        text = str(converted)
        if shown == "source" and "\n" not in text:  # inline: mark the English as English
            text = f'<span lang="{SOURCE_LANGUAGE}">{text}</span>'
        return MarkdownSafe(f'{text} <small class="pp-translation-notice">({notice})</small>')

    return convert_noticed


_NOTICE = re.compile(r' <small class="pp-translation-notice">\([^<]*\)</small>')


def unnoticed_headings(markdown: str) -> str:
    """A page's Markdown without notices in its headings: a heading's id is made from its text,
    and links to it (from the records' own text) name the id the untranslated heading has. The
    section under the heading carries the notices."""
    if "pp-translation-notice" not in markdown:
        return markdown
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("#") and "pp-translation-notice" in line:
            lines[index] = _NOTICE.sub("", line)
    return "\n".join(lines)
