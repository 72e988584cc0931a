"""Retention periods on a page in another language: the common forms in the page's words,
any other wording as the record writes it."""

from __future__ import annotations

import pytest
from privacy_pages.history.changes import ChangeSet, RetentionChanged
from privacy_pages.history.notes import describe
from privacy_pages.messages import messages_for, speaking
from privacy_pages.model.periods import period_words

UNITS = {
    "day": ("%(num)d day", "%(num)d days"),
    "week": ("%(num)d week", "%(num)d weeks"),
    "month": ("%(num)d month", "%(num)d months"),
    "year": ("%(num)d year", "%(num)d years"),
}


@pytest.mark.parametrize(
    ("written", "count", "unit", "bound"),
    [
        ("30 days", 30, "day", None),
        ("1 year", 1, "year", None),
        ("a year", 1, "year", None),
        ("Up to two years", 2, "year", "up to %(period)s"),
        ("A maximum of 30 days.", 30, "day", "up to %(period)s"),
        ("Max. 6 months", 6, "month", "up to %(period)s"),
        ("at least 90 Days", 90, "day", "at least %(period)s"),
        ("Minimum 12 weeks", 12, "week", "at least %(period)s"),
    ],
)
@pytest.mark.parametrize("language", ["fr", "de", "ar"])
def test_a_common_period_is_said_in_the_page_language(
    language: str, written: str, count: int, unit: str, bound: str | None
) -> None:
    words = messages_for(language)
    period = words.ngettext(*UNITS[unit], count)
    expected = words.gettext(bound, period=period) if bound else period
    with speaking(words):
        assert period_words(written) == expected
    assert str(count) in expected and written not in expected


@pytest.mark.parametrize(
    "written",
    [
        "Until the account is deleted",
        "Min 90 days - Max 3 years",
        "30 days after the contract ends",
        "As long as the device is enrolled",
        "",
    ],
)
def test_any_other_wording_is_left_as_written(written: str) -> None:
    with speaking(messages_for("fr")):
        assert period_words(written) is None


def test_what_changed_says_a_period_in_the_page_language() -> None:
    """A period that changed is shown in "What changed" as the page says it: the French page
    in French words, the English one as the record writes it."""
    change = RetentionChanged("intune", "Personal data", "period", "A maximum of 30 days", "1 year")
    french = messages_for("fr")
    with speaking(french):
        note = describe(change, ChangeSet((change,)))
    shown = [" ".join(s.text for s in excerpt) for excerpt in (note.before, note.after) if excerpt]
    before = french.gettext("up to %(period)s", period=french.ngettext(*UNITS["day"], 30))
    assert shown == [before, french.ngettext(*UNITS["year"], 1)]
    english = describe(change, ChangeSet((change,)))
    assert [" ".join(s.text for s in e) for e in (english.before, english.after) if e] == [
        "A maximum of 30 days",
        "1 year",
    ]
