"""A retention period as data, and its words in a page's language (the messages given).

A record writes a period as a duration and the event it runs from (``{duration: 90 days,
after: account-closure}``), as a kind of period without a duration (``{until:
user-deletion}``), or as free text for what fits neither (a text, translated like any other).
The structured forms are the same fact in every language: each page says them from its
catalog's messages, and programs read them as data (privacy.json, the release history).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from ..messages import N_, Messages


def _days(said: Messages, count: int) -> str:
    return said.ngettext("%(num)d day", "%(num)d days", count)


def _weeks(said: Messages, count: int) -> str:
    return said.ngettext("%(num)d week", "%(num)d weeks", count)


def _months(said: Messages, count: int) -> str:
    return said.ngettext("%(num)d month", "%(num)d months", count)


def _years(said: Messages, count: int) -> str:
    return said.ngettext("%(num)d year", "%(num)d years", count)


#: The units of a duration, with the words for a number of them (each call written out, for
#: the messages to be extracted).
UNITS: dict[str, Callable[[Messages, int], str]] = {
    "days": _days,
    "weeks": _weeks,
    "months": _months,
    "years": _years,
}
#: The events a duration runs from (``after``), each with its words around the duration.
AFTER: dict[str, str] = {
    # TRANSLATORS: a retention period counted from an event; %(period)s is "90 days".
    "collection": N_("%(period)s after it is collected"),
    "last-use": N_("%(period)s after it was last used"),
    "account-closure": N_("%(period)s after the account is closed"),
    "subscription-end": N_("%(period)s after the subscription ends"),
    "user-deletion": N_("%(period)s after the user deletes it"),
}
#: The periods that end with an event and have no duration (``until``).
UNTIL: dict[str, str] = {
    "account-closure": N_("as long as the account exists"),
    "subscription-end": N_("as long as the subscription lasts"),
    "user-deletion": N_("until the user deletes it"),
}
#: How a record writes a duration: a whole number and a unit ("90 days", "1 year").
DURATION = re.compile(r"(?P<count>[1-9][0-9]{0,3}) (?P<unit>day|week|month|year)s?")


@dataclass(frozen=True)
class Period:
    """A retention period: ``count`` ``unit`` (at most, with ``at_most``) counted from an
    event (``after``, one of :data:`AFTER`, or ``after_text`` when none fits), or no duration
    and kept ``until`` an event (one of :data:`UNTIL`)."""

    count: int | None = None
    unit: str | None = None
    at_most: bool = False
    after: str | None = None
    after_text: str | None = None
    until: str | None = None

    def as_data(self) -> dict[str, Any]:
        """The period as JSON data: only what it says (a release keeps it so)."""
        return {k: v for k, v in asdict(self).items() if v not in (None, False)}


#: A retention period as a record holds it: structured, or free text.
RetentionPeriod = Period | str


def period_from(data: Any) -> RetentionPeriod:
    """A period from a record's (valid) value, or from a release's data (free text as is)."""
    if not isinstance(data, Mapping):
        return str(data)
    count, unit = data.get("count"), data.get("unit")
    if "duration" in data:  # as a record writes it
        found = DURATION.fullmatch(str(data["duration"]))
        assert found is not None, data  # (the schema checked it)
        count, unit = int(found["count"]), found["unit"] + "s"
    return Period(
        count=count,
        unit=unit,
        at_most=bool(data.get("at_most")),
        after=data.get("after"),
        after_text=data.get("after_text"),
        until=data.get("until"),
    )


def period_words(said: Messages, period: Period, event: Callable[[str], str] = str) -> str:
    """A period in the words of ``said``'s language; ``event`` says an ``after_text`` (a
    translated text, where the page has one)."""
    if period.until is not None:
        return said.gettext(UNTIL[period.until])
    assert period.count is not None and period.unit is not None
    words = UNITS[period.unit](said, period.count)
    if period.at_most:
        # TRANSLATORS: a retention period with an upper bound ("up to 30 days").
        words = said.gettext("up to %(period)s", period=words)
    if period.after is not None:
        return said.gettext(AFTER[period.after], period=words)
    if period.after_text is not None:
        # TRANSLATORS: a retention period counted from an event the record names in its own
        # words: "6 years after the end of the tax year".
        return said.gettext(
            "%(period)s after %(event)s", period=words, event=event(period.after_text)
        )
    return words


def said(messages: Messages, period: RetentionPeriod, text: Callable[[str], str] = str) -> str:
    """A period as ``messages``' language says it: free text and an ``after_text`` through
    ``text`` (their translation, where there is one)."""
    return text(period) if isinstance(period, str) else period_words(messages, period, text)


def period_in_release(value: Any) -> RetentionPeriod:
    """A period as a release keeps it: free text (every release before structured periods),
    or a structured one's data; data this version cannot say is shown as written."""
    if isinstance(value, Mapping) and "duration" not in value:  # (a record's form, not data)
        period = period_from(value)
        if isinstance(period, Period) and _sayable(period):
            return period
    return value if isinstance(value, str) else str(value)


def _sayable(period: Period) -> bool:
    if period.until is not None:
        return period.until in UNTIL and period.count is None
    return (
        type(period.count) is int
        and 0 < period.count < 10_000
        and period.unit in UNITS
        and (period.after is None or period.after in AFTER)
        and (period.after_text is None or isinstance(period.after_text, str))
    )


# Releases made before periods were data hold them as text. A text in a common form ("A
# maximum of 30 days") is read as the period it states, so that a record rewritten in the
# structured form is not a change of the statement (see history.changes).
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_AT_MOST = ("up to", "a maximum of", "maximum of", "maximum", "max", "at most", "no more than")
_WRITTEN = re.compile(
    r"(?:(?P<bound>"
    + "|".join(re.escape(words) for words in sorted(_AT_MOST, key=len, reverse=True))
    + r")\.?\s+)?(?P<number>\d{1,4}|"
    + "|".join(_NUMBERS)
    + r")\s+(?P<unit>day|week|month|year)s?\.?",
    re.IGNORECASE,
)


def written_period(text: str) -> Period | None:
    """The period a text in a common form states ("30 days", "Up to two years"), or None."""
    found = _WRITTEN.fullmatch(text.strip())
    if found is None:
        return None
    number = found["number"].lower()
    count = int(number) if number.isdigit() else _NUMBERS[number]
    return Period(count, found["unit"].lower() + "s", at_most=bool(found["bound"]))


def same_period(before: Any, after: Any) -> bool:
    """Whether two periods a release keeps state the same, however each is written."""
    if before == after:
        return True
    read = [
        written_period(v) if isinstance(v, str) else period_in_release(v) for v in (before, after)
    ]
    return read[0] is not None and read[0] == read[1]
