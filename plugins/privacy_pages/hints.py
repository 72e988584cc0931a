"""The "did you mean" of a message: the known name closest to an unknown one, in bounded time.

:func:`difflib.get_close_matches` compares a name with every known one, each comparison in
time up to quadratic in their lengths: a record with many unknown field paths, each compared
with every field path of the record, made ``validate`` take minutes on a 23 KB file. Here a
name is compared with a few known names only, those that share the most with it at its start
or at its end (a mistyped name keeps one or the other), found by bisecting the known names
sorted forwards and backwards; a name longer than :data:`MAX_LENGTH` gets no hint.
"""

from __future__ import annotations

import difflib
from bisect import bisect_left
from collections.abc import Iterable

#: Longer names are nobody's typo, and difflib would compare them character by character.
MAX_LENGTH = 200
#: How many known names on each side of the unknown one, in each order, are compared with it.
NEIGHBOURS = 4
#: Up to this many known names, each is compared.
FEW = 16


class Suggestions:
    """The known names, indexed once for any number of hints."""

    def __init__(self, known: Iterable[str]) -> None:
        self.forwards = sorted({name for name in known if len(name) <= MAX_LENGTH})
        self.backwards = sorted(name[::-1] for name in self.forwards)

    def closest(self, found: str, cutoff: float = 0.6) -> str | None:
        """The known name most like ``found`` (at least ``cutoff`` alike), if any."""
        if len(found) > MAX_LENGTH or not self.forwards:
            return None
        if len(self.forwards) <= FEW:
            candidates = self.forwards
        else:
            candidates = _around(self.forwards, found)
            candidates += [name[::-1] for name in _around(self.backwards, found[::-1])]
        matches = difflib.get_close_matches(found, dict.fromkeys(candidates), n=1, cutoff=cutoff)
        return matches[0] if matches else None

    def hint(self, found: str, cutoff: float = 0.6) -> str:
        """`` (did you mean 'X'?)`` for the known name closest to ``found``, or nothing."""
        guess = self.closest(found, cutoff)
        return f" (did you mean {guess!r}?)" if guess else ""


def _around(names: list[str], found: str) -> list[str]:
    """The names next to where ``found`` would be in ``names`` (sorted)."""
    at = bisect_left(names, found)
    return names[max(0, at - NEIGHBOURS) : at + NEIGHBOURS]


def did_you_mean(found: str, known: Iterable[str], cutoff: float = 0.6) -> str:
    """`` (did you mean 'X'?)`` for the known name closest to ``found``, or nothing (for many
    hints against the same names, build one :class:`Suggestions`)."""
    return Suggestions(known).hint(found, cutoff)


def did_you_mean_of_all(found: str, known: Iterable[str]) -> str:
    """`` (did you mean 'X'?)`` with ``found`` compared with every known name: for one name a
    person typed (a product, a category, a lint rule), against a list the site keeps short
    enough, where a hint bounded in time could miss the one meant."""
    guess = difflib.get_close_matches(found, list(known), n=1, cutoff=0.6)
    return f" (did you mean {guess[0]!r}?)" if guess else ""
