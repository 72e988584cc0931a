"""A retention period in the words of the language being rendered.

A period is structure: the record writes it once, in English, and no translation changes it.
Written in one of the common forms ("30 days", "1 year", "Up to two years", "A maximum of 30
days", "At least 90 days"), it is the same fact in every language, so a page in another
language says it in its own words (the product pages, and "What changed"). Any other wording
stays as the record writes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import messages

_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_AT_MOST = ("up to", "a maximum of", "maximum of", "maximum", "max", "at most", "no more than")
_AT_LEAST = ("at least", "a minimum of", "minimum of", "minimum", "min", "no less than")
_PERIOD = re.compile(
    r"(?:(?P<bound>"
    + "|".join(re.escape(words) for words in sorted(_AT_MOST + _AT_LEAST, key=len, reverse=True))
    + r")\.?\s+)?(?P<number>\d{1,4}|"
    + "|".join(_NUMBERS)
    + r")\s+(?P<unit>day|week|month|year)s?\.?",
    re.IGNORECASE,
)


def _days(count: int) -> str:
    return messages.ngettext("%(num)d day", "%(num)d days", count)


def _weeks(count: int) -> str:
    return messages.ngettext("%(num)d week", "%(num)d weeks", count)


def _months(count: int) -> str:
    return messages.ngettext("%(num)d month", "%(num)d months", count)


def _years(count: int) -> str:
    return messages.ngettext("%(num)d year", "%(num)d years", count)


_UNITS: dict[str, Callable[[int], str]] = {
    "day": _days,
    "week": _weeks,
    "month": _months,
    "year": _years,
}


def period_words(text: str) -> str | None:
    """A period in the words of the language being rendered, or None when the record does
    not write it in a common form."""
    found = _PERIOD.fullmatch(text.strip())
    if found is None:
        return None
    number = found.group("number").lower()
    count = int(number) if number.isdigit() else _NUMBERS[number]
    period = _UNITS[found.group("unit").lower()](count)
    bound = (found.group("bound") or "").lower()
    if bound in _AT_MOST:
        # TRANSLATORS: a retention period with an upper bound ("up to 30 days").
        return messages._("up to %(period)s", period=period)
    if bound in _AT_LEAST:
        # TRANSLATORS: a retention period with a lower bound ("at least 90 days").
        return messages._("at least %(period)s", period=period)
    return period


def said(text: str) -> str:
    """A period as the page being rendered says it: as written in the records' language (the
    writer's own wording), else in the page's words when it is in a common form."""
    if messages.current().language == messages.SOURCE_LANGUAGE:
        return text
    return period_words(text) or text
