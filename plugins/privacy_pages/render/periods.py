"""The ``period`` filter: a retention period on a page, in the page's words where it can be
(see :mod:`privacy_pages.model.periods`)."""

from __future__ import annotations

from collections.abc import Callable

from .. import messages
from ..markdown_text import MarkdownSafe
from ..model.periods import period_words


def in_page_language(
    inline: Callable[[object], MarkdownSafe], marked: Callable[[object], MarkdownSafe]
) -> Callable[[object], MarkdownSafe]:
    """The ``period`` filter: on a page in the records' language, the period as written
    (``inline``); on another, in the page's words, or as written and ``marked`` English."""

    def period(value: object) -> MarkdownSafe:
        if messages.current().language == messages.SOURCE_LANGUAGE or not isinstance(value, str):
            return inline(value)
        words = period_words(value)
        return inline(words) if words is not None else marked(value)

    return period
