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

The random strings are drawn the same way on every run (``derandomize``): a draw that finds a
slow pattern fails every run, here as in CI, instead of one run in a few. Wider sweeps, run by
hand (``tools/regex_sweep.py``: new draws each run, and a run of each character after each word
of a pattern), found the patterns of :data:`FOUND`; each stays a case of its own.
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
from privacy_pages.importer.control_settings import named_settings
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
    derandomize=True,
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


#: (pattern, prefix, unit, ending) that took time quadratic (or worse) in the unit's run before
#: their rewrite: a run of what two repetitions share, or a search that restarts at each
#: occurrence of a word and scans the same rest again.
FOUND = [
    ("importer.claims:_NOT_DATA[11]", "", "-", "\x00"),
    ("importer.data_sections:_LIST_AND", "", " ", "\x00"),
    ("importer.empty_sections:_OF_PRODUCT", "", " ", "\x00"),
    ("importer.list_kinds:_PROCESS_LEAD", " o", "process-", "-0"),
    ("importer.prose_facts:_DONE_TO_NONE", "no a", " ", "x"),
    ("importer.prose_facts:_NOUN", "", ".", "a"),
    ("importer.prose_facts:_NEEDS", "", "can't\n", "requires."),
    ("importer.shapes:_LINE_BREAK", "", " ", "\x00"),
    ("importer.statements:_DELIMITER_ROW", "", " ", "\x00"),
    ("importer.statements:_HAS_PERIOD", "", " ", "\x00"),
    ("importer.statements:_PLACE_LABEL", "", "-", "\x00"),
    ("importer.tables:_BREAK", "", " ", "\x00"),
    ("mkdocs_plugin.page_assets:_ARTICLE", "", "<article", "\x00"),
    ("mkdocs_plugin.page_assets:_ARTICLE", '<article class="', "md-content__inner ", ""),
    ("render.translated:_TAG", "", "<", "\x00"),
    ("importer.classify:_YES_NO", "must", "? ", "amt\x00"),
    ("importer.empty_sections:_PROPER", "\t\n", "-Z", "\n\t"),
    ("importer.front_matter:_LINE_KEY", "_:", "  ", ":0\n0"),
    ("importer.samples:_SINGLE_QUOTED", "0\n'", "\\'0", "00"),
    ("importer.shapes:_CONTACT_LEAD", "\nreach", "write to\n", ".w0"),
    ("importer.tables:_CATEGORY_CUT", "ah", "(-0", "\nlike\n"),
    ("render.html_links:_HREF", "<g", "a<", ".-"),
    ("render.translated:_HEADING", "#", " ", "."),
    ("history.notes:_WORD", "", "é [", "0* "),
    ("importer.classify:_EXCEPTION", "with the exception wa", "\texcept", "."),
    ("markdown_text:_TABLE_RULE", ".\n", " \t ", "-"),
    ("importer.prose_facts:_WE_DENY", "it", "\t", "ith."),
    ("importer.samples:_STRING_OR_COMMENT", " 0", "\"'\\", "a'0 "),
    ("importer.item_text:_CLAUSE", "owhether-", "while-*", "\nthatwhenever0"),
    ("importer.shapes:_ENDS_LEAD", "", "\x00following", "n.0."),
    ("importer.prose_facts:_HOW", "only\tautomatically", "\t", "only "),
    ("importer.markdown_doc:_BULLET", "-", " ", "\x00\nx "),
    # found by tools/regex_sweep.py (a run of one character after each word of a pattern);
    # three took seconds on 2,000 characters
    ("importer.claims:_DENIED", "no ", " ", "\x00"),
    ("importer.classify:HEADING_RULES[8]", "event", " ", "a"),
    ("importer.prose_facts:_INCLUDES", "for example", " ", "\n"),
    ("importer.requirement:_ONE_ITEM", "providing", " ", "\x00"),
    ("importer.shapes:_PURPOSE_LEAD", "to", " ", "\x00"),
    ("importer.statements:_BY_POLICY", "per", " ", "\x00"),
    # cubic: three runs of spaces shared one run ("import" and 2,000 spaces took seconds)
    ("importer.markdown_doc:_ESM", "import", " ", "x"),
    # a run of spaces tried from each of its places (about a second on 50,000 characters)
    ("importer.item_text:_LIST_PART", "", " ", "\x00"),
    ("importer.prose_facts:_FILLER", "", " ", "\x00"),
]
_BY_WHERE = {found.where: found for found in PATTERNS}


@pytest.mark.parametrize(("where", "prefix", "unit", "ending"), FOUND, ids=[f[0] for f in FOUND])
def test_found_slow_strings(where: str, prefix: str, unit: str, ending: str) -> None:
    found = _BY_WHERE[f"privacy_pages.{where}"]
    text = prefix + unit * (50000 // len(unit)) + ending
    slow = _calls(found, text)
    assert not slow, f"{found.where} {found.pattern.pattern!r}: {slow} on {_describe(text)}"


def test_fenced_blocks_that_never_close() -> None:
    """Each opening fence that no line closes was read to the end of the text again."""
    text = "\n~~~a" * 4000 + "."
    start = time.process_time()
    with _alarm(BOUND * 10):
        named_settings(text)
    assert time.process_time() - start < BOUND
