"""Hints and PO contexts cost what their input costs (issue 57, point 4).

A "did you mean" compared each unknown name with every known one, character by character
(``validate`` took 105 s on a 23 KB translation file); reading a msgctxt tried a split at each
``:``, copying the text before it each time. No test here measures time: the hints are shown
to compare a bounded number of names whatever the number known, and to still find the names
people mistype; the context is shown to split where a record's path ends, ``:`` or not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from privacy_pages import hints
from privacy_pages.check.rules import RULES_BY_ID
from privacy_pages.diagnostics import Diagnostics
from privacy_pages.hints import (
    MAX_LENGTH,
    NEIGHBOURS,
    Suggestions,
    did_you_mean,
    did_you_mean_of_all,
)
from privacy_pages.load.translation_catalogs import SourceRecord, Sources, _split_context

#: The field paths of a large record: every text of 40 groups of 40 items.
PATHS = [
    f"collected.groups[{g}].items[{i}].{leaf}"
    for g in range(40)
    for i in range(40)
    for leaf in ("description", "name", "purpose")
]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("collected.groups[7].items[12].descriptoin", "collected.groups[7].items[12].description"),
        ("colected.groups[7].items[12].purpose", "collected.groups[7].items[12].purpose"),
        ("collected.groups[39].items[0].nmae", "collected.groups[39].items[0].name"),
        ("Collected.groups[3].items[3].name", "collected.groups[3].items[3].name"),
    ],
)
def test_a_mistyped_name_is_suggested_among_many(typed: str, meant: str) -> None:
    assert Suggestions(PATHS).closest(typed) == meant
    assert did_you_mean(typed, PATHS) == f" (did you mean {meant!r}?)"


def test_a_few_names_are_each_compared() -> None:
    assert did_you_mean("googel-play", ["apple", "google-play", "web"]) == (
        " (did you mean 'google-play'?)"
    )
    assert did_you_mean("zzzzzz", ["apple", "google-play", "web"]) == ""


def test_a_hint_compares_a_bounded_number_of_names(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[int] = []
    real = hints.difflib.get_close_matches

    def counting(word: str, possibilities: Any, *args: Any, **kwargs: Any) -> list[str]:
        compared.append(len(list(possibilities)))
        return real(word, possibilities, *args, **kwargs)

    monkeypatch.setattr(hints.difflib, "get_close_matches", counting)
    suggestions = Suggestions(PATHS * 1 + [f"other.{n}" for n in range(20000)])
    for typed in ("collected.groups[7].items[12].descriptoin", "other.123x", "x" * 150):
        suggestions.hint(typed)
    assert compared and max(compared) <= 4 * NEIGHBOURS


def test_a_name_too_long_to_be_a_typo_gets_no_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    long = "a" * (MAX_LENGTH + 1)
    monkeypatch.setattr(hints.difflib, "get_close_matches", pytest.fail)
    assert did_you_mean(long, [long[:-1], "b"]) == ""


def _sources(records: dict[str, list[str]]) -> Sources:
    return Sources(
        Path("content"),
        {
            relative: SourceRecord(relative, "product", relative, {f: ("text", 1) for f in fields})
            for relative, fields in records.items()
        },
        Diagnostics(),
    )


def test_a_context_splits_where_its_record_path_ends() -> None:
    sources = _sources(
        {"products/a.yml": ["summary"], "products/a:b.yml": ["name", "x:y"], "c.yml": ["a:b"]}
    )
    assert _split_context("products/a.yml:summary", sources) == ("products/a.yml", "summary")
    assert _split_context("products/a:b.yml:name", sources) == ("products/a:b.yml", "name")
    assert _split_context("products/a:b.yml:x:y", sources) == ("products/a:b.yml", "x:y")
    assert _split_context("c.yml:a:b", sources) == ("c.yml", "a:b")
    assert _split_context("products/a.yml:name", sources) is None
    assert _split_context("products/a.yml", sources) is None
    assert _split_context(":" * 10000, sources) is None


def test_a_typed_name_is_compared_with_every_name_of_a_short_list() -> None:
    """A lint rule (or a product, a category) a person typed: the hint is difflib's over all of
    them, where the bounded hint compares a few neighbours only and can miss the one meant."""
    rules = list(RULES_BY_ID)
    assert len(rules) > 16
    assert did_you_mean("nused-catalog-ite", rules) == ""  # its neighbours miss it
    assert did_you_mean_of_all("nused-catalog-ite", rules) == (
        " (did you mean 'unused-catalog-item'?)"
    )
