r"""No regular expression of the package backtracks without bound (issue 57, point 3).

A horizontal-rule pattern of the adapter's fast path took time exponential in the length of a
list item made of dashes: ``- ----------------------------------------`` never finished
building. Every pattern the package holds (:mod:`regex_inventory` finds them, so a new one is
covered the day it is written) is fed long adversarial strings made of its own pieces: runs of
the characters and literals it matches, between a prefix and a near-miss ending. Each pattern is
tried the way the package uses it: from the start (``match``, ``fullmatch``), and at every
position (``finditer``) when the package scans with it.

The rewrites keep what each pattern matches (random strings compared them with the old ones):
one character per repetition instead of runs inside a repetition; possessive runs (``\s*+``,
```{3,}+``) where giving characters back cannot help; ``(?<!\s)`` before a run of spaces, so
that a separator is tried from the start of the run only, and a lazy subject ends before the
run, not inside it (the importer's patterns are under a line ceiling: their why is here).

This is a hang detector, not a speed test: the bound is generous (a linear pattern takes
milliseconds on these strings), and an alarm stops a call that goes past it, so that a pattern
gone exponential fails the test instead of hanging it.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from regex_inventory import Found, all_patterns, pieces

#: Seconds one call may take.
BOUND = 1.0
#: The length of the runs of one piece.
RUN = 5000
PATTERNS = all_patterns()


class _TooLong(Exception):
    pass


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Raise :class:`_TooLong` in the call that runs past ``seconds`` (``re`` checks for
    signals while it backtracks)."""

    def ring(signum: int, frame: Any) -> None:
        raise _TooLong

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _calls(found: Found, text: str) -> list[str]:
    """The ways the package calls ``found`` that take longer than :data:`BOUND` on ``text``."""
    pattern = found.pattern
    subject: str | bytes = text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text
    ways = {"match": pattern.match, "fullmatch": pattern.fullmatch}
    if found.scanned:
        ways["finditer"] = lambda s: list(pattern.finditer(s))
    slow = []
    for name, call in ways.items():
        # CPU time, not the clock's: a test worker that waits for a core on a busy machine has
        # not spent that time matching (the alarm, on the clock, still stops a hang).
        start = time.process_time()
        try:
            with _alarm(BOUND * 10):
                call(subject)
        except _TooLong:
            pass
        took = time.process_time() - start
        if took > BOUND:
            slow.append(f"{name} took {took:.2f} s")
    return slow


def _describe(text: str) -> str:
    return f"{text[:60]!r}...{text[-20:]!r} ({len(text)} characters)"


@pytest.mark.parametrize("found", PATTERNS, ids=[found.where for found in PATTERNS])
def test_runs_of_each_piece(found: Found) -> None:
    """Every piece of the pattern repeated, ended by a character no pattern expects."""
    for piece in pieces(found.pattern):
        for ending in ("\x00", "\n"):
            text = piece * (RUN // len(piece)) + ending
            slow = _calls(found, text)
            assert not slow, f"{found.where} {found.pattern.pattern!r}: {slow} on {_describe(text)}"


def _adversarial(found: Found) -> st.SearchStrategy[str]:
    """A prefix, a unit repeated to 5,000-20,000 characters, and an ending, each made of the
    pattern's pieces (a near miss: the unit's run and the ending almost match)."""
    piece = st.sampled_from(pieces(found.pattern))
    short = st.lists(piece, max_size=3).map("".join)
    unit = st.lists(piece, min_size=1, max_size=3).map("".join)
    length = st.integers(min_value=5000, max_value=20000)
    return st.tuples(short, unit, length, short).map(
        lambda drawn: drawn[0] + drawn[1] * (drawn[2] // len(drawn[1])) + drawn[3]
    )


@pytest.mark.parametrize("found", PATTERNS, ids=[found.where for found in PATTERNS])
@settings(
    max_examples=15,
    deadline=None,
    # Shrinking would run slow calls again and again: the first slow string is reported.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_adversarial_strings(found: Found, data: st.DataObject) -> None:
    text = data.draw(_adversarial(found), label="text")
    slow = _calls(found, text)
    assert not slow, f"{found.where} {found.pattern.pattern!r}: {slow} on {_describe(text)}"


def test_the_inventory_finds_the_patterns() -> None:
    """The inventory holds module attributes and patterns written in function calls alike."""
    wheres = [found.where for found in PATTERNS]
    assert "privacy_pages.mkdocs_plugin.speedups.plain_blocks:_HR" in wheres
    assert any(".py:" in where for where in wheres)
    assert any(where.startswith("privacy_pages.importer.tables:HEADER_RULES[") for where in wheres)
