"""mkdocs-static-i18n's search for duplicate search entries, run on the entries that can be
duplicates (``speedups/i18n_search.py``), removes what its own run on the whole index removes:
the same entries (by identity: it removes the first entry equal to a duplicate, and skips the
entry after one it removes), the rest in their order. Random indexes with few titles, texts
and locations make duplicates, equal entries and runs of them common."""

from __future__ import annotations

import logging
import types
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_static_i18n.reconfigure import ExtendedPlugin
from privacy_pages.mkdocs_plugin.speedups.i18n_search import (
    dedupe_search_in_part,
    remove_duplicates,
)

LANGUAGES = ["en", "fr", "de"]
#: Pages of the default language, and where i18n puts the other languages' (and some that end
#: like them elsewhere, or sit under the default language's folder).
PAGES = ["", "a/", "a/#x", "b/#x", "#x"]
FOLDERS = ["fr/", "de/", "en/", "fr/b/", "de/fr/"]

entry = st.fixed_dictionaries(
    {"title": st.sampled_from(["A", "B"]), "text": st.sampled_from(["", "t"])}
).map(dict)


def _i18n(languages: list[str]) -> Any:
    """What i18n's method reads of its plugin."""
    return types.SimpleNamespace(build_languages=languages)


def _both_ways(entries: list[dict[str, Any]], languages: list[str]) -> tuple[list[int], list[int]]:
    """The ids of the entries i18n's own method keeps, and of those kept the fast way."""
    plugin = _i18n(languages)
    whole, in_part = list(entries), list(entries)
    ExtendedPlugin.reconfigure_search_duplicates(plugin, whole)  # type: ignore[arg-type]

    def dedupe(part: list[dict[str, Any]]) -> None:
        ExtendedPlugin.reconfigure_search_duplicates(plugin, part)  # type: ignore[arg-type]

    remove_duplicates(dedupe, languages, in_part)
    return [id(e) for e in whole], [id(e) for e in in_part]


@st.composite
def stacked_index(draw: st.DrawFn) -> list[dict[str, Any]]:
    """An index as i18n stacks it up: the default language's entries, then the others'."""
    default = draw(st.lists(st.tuples(entry, st.sampled_from(PAGES)), max_size=12))
    other = draw(
        st.lists(st.tuples(entry, st.sampled_from(FOLDERS), st.sampled_from(PAGES)), max_size=24)
    )
    made = [{**e, "location": page} for e, page in default]
    made += [{**e, "location": folder + page} for e, folder, page in other]
    if draw(st.booleans()) and made:  # an entry equal to another one, somewhere after it
        at = draw(st.integers(0, len(made) - 1))
        made.insert(draw(st.integers(at, len(made))), dict(made[at]))
    return made


@settings(max_examples=400, deadline=None)
@given(stacked_index())
def test_the_same_entries_are_removed_as_by_i18n_s_own_search(
    entries: list[dict[str, Any]],
) -> None:
    whole, in_part = _both_ways(entries, LANGUAGES)
    assert in_part == whole


@settings(max_examples=200, deadline=None)
@given(stacked_index(), st.randoms(use_true_random=False))
def test_an_index_in_another_order_is_left_to_i18n(entries: list[dict[str, Any]], rng: Any) -> None:
    rng.shuffle(entries)
    whole, in_part = _both_ways(entries, LANGUAGES)
    assert in_part == whole


def test_duplicates_next_to_each_other_are_removed_as_i18n_removes_them() -> None:
    """i18n skips the entry after one it removes: of two duplicates of one entry side by side,
    it keeps the second (another entry of the default language may remove it later)."""
    entries = [
        {"location": "a/", "title": "A", "text": ""},
        {"location": "fr/x/", "title": "B", "text": ""},
        {"location": "fr/a/", "title": "A", "text": ""},
        {"location": "de/a/", "title": "A", "text": ""},
        {"location": "fr/y/", "title": "B", "text": ""},
        {"location": "de/fr/a/", "title": "A", "text": ""},
    ]
    whole, in_part = _both_ways(entries, LANGUAGES)
    assert in_part == whole
    assert [entries[i]["location"] for i in (0, 1, 3, 4)] == [
        e["location"] for e in entries if id(e) in set(whole)
    ]


def test_the_installed_i18n_takes_the_speed_path(caplog: pytest.LogCaptureFixture) -> None:
    """The version of mkdocs-static-i18n installed is the one the speed path expects; another
    method is left as it is, with an INFO line."""
    from mkdocs_static_i18n.plugin import I18n

    plugin = I18n()
    dedupe_search_in_part(plugin)
    assert getattr(plugin.reconfigure_search_duplicates, "in_part", False)
    dedupe_search_in_part(plugin)  # once only (each build of a language comes here)
    assert getattr(plugin.reconfigure_search_duplicates, "in_part", False)

    class Other(I18n):
        def reconfigure_search_duplicates(self, search_index_entries: Any) -> None:
            search_index_entries.sort(key=str)

    other = Other()
    with caplog.at_level(logging.INFO):
        dedupe_search_in_part(other)
    assert not getattr(other.reconfigure_search_duplicates, "in_part", False)
    assert "not the version the speedups expect" in caplog.text
