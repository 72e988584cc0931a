"""The ``period`` filter: a retention period on a page, in the page's words (see
:mod:`privacy_pages.model.periods`)."""

from __future__ import annotations

from collections.abc import Callable

from ..markdown_text import MarkdownSafe
from ..messages import Messages
from ..model.periods import Period, period_words
from .translated import Noticed, Showing

#: Where a text from the record goes in a period's words: a character no message holds, so
#: that the message is escaped apart from the text, which gets a translation's notice.
_EVENT = "\ue000"


def in_page_language(inline: Callable[[object], MarkdownSafe], text: Noticed) -> Noticed:
    """The ``period`` filter: a structured period in the page's words (``inline``), one in
    free text as any text (``text``: translated, or marked where it is not)."""

    def period(value: object, showing: Showing, said: Messages) -> MarkdownSafe:
        if not isinstance(value, Period):
            return text(value, showing, said)
        before, _, after = period_words(said, value, lambda _text: _EVENT).partition(_EVENT)
        if not _:
            return inline(before)
        assert value.after_text is not None
        # (``inline`` trims a text: the spaces around the event are the message's own.)
        space = " " if before[-1:].isspace() else ""
        end = " " if after[:1].isspace() else ""
        event = text(value.after_text, showing, said)
        return MarkdownSafe(f"{inline(before)}{space}{event}{end}{inline(after)}")

    return period
