"""mkdocs-static-i18n's search index without its search for duplicates across every entry.

Once it has built every language, i18n removes from the search index each entry of another
language that repeats one of the default language (the same title and text, at a location that
ends with the default's): its ``reconfigure_search_duplicates`` compares every entry of the
default language with every entry of the others. On the benchmark's site (200 products in three
languages, 14,000 entries) that is 138 million comparisons, 8 s of every build and of every
rebuild under ``mkdocs serve``, however little the rebuild changed.

Here i18n's own method runs on the entries that can take part: the default language's entries
whose title and text an entry of another language has too, found through a dict, and those
entries of the other languages. Each run of the other languages' entries left out is stood for
by one placeholder that matches nothing, because its loop skips the entry after one it removes
(it removes from the list it walks): an entry it skips is then the same either way. What it
removed is then removed from the index, which it would have done itself: the same entries go,
and the index keeps its order. Where the index is not as i18n makes it (an entry of the default
language after one of another language), or i18n's method is not the one this expects, i18n's
own method runs on the whole index. ``tests/test_i18n_search.py`` compares both ways.
"""

from __future__ import annotations

import logging
import types
from collections.abc import Callable, Sequence
from typing import Any

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

#: The names i18n's ``reconfigure_search_duplicates`` (1.x) and its lambdas use, and the keys
#: of an entry they compare: any other version of it is left as it is.
_I18N_NAMES = frozenset(
    {"debug", "filter", "list", "log", "remove", "build_languages", "startswith", "tuple"}
    | {"endswith"}
)
_I18N_KEYS = frozenset({"title", "location", "text"})
_NOT_EXPECTED = (
    "privacy-pages: mkdocs-static-i18n's search for duplicates is not the version the speedups "
    "expect: it compares the whole index with its own code (the same index, built slower)"
)

Entries = list[dict[str, Any]]


def dedupe_search_in_part(plugin: Any) -> None:
    """In ``on_pre_build``: have mkdocs-static-i18n's ``plugin`` (a new object with each
    configuration) look for duplicate search entries among those that can be (see above)."""
    method = getattr(plugin, "reconfigure_search_duplicates", None)
    if method is None or getattr(method, "in_part", False):
        return
    if not _as_expected(method):
        log.info(_NOT_EXPECTED)
        return

    def reconfigure_search_duplicates(entries: Entries) -> None:
        remove_duplicates(method, plugin.build_languages, entries)

    reconfigure_search_duplicates.in_part = True  # type: ignore[attr-defined]
    plugin.reconfigure_search_duplicates = reconfigure_search_duplicates


def _as_expected(method: Any) -> bool:
    """Whether ``method`` uses the names and compares the keys i18n's does (and no other)."""
    code = getattr(getattr(method, "__func__", None), "__code__", None)
    if code is None:
        return False
    names: set[str] = set()
    strings: set[str] = set()
    pending = [code]
    while pending:
        part = pending.pop()
        names.update(part.co_names)
        strings.update(c for c in part.co_consts if isinstance(c, str))
        pending += [c for c in part.co_consts if isinstance(c, types.CodeType)]
    return names == _I18N_NAMES and strings >= _I18N_KEYS


def remove_duplicates(
    dedupe: Callable[[Entries], None], languages: Sequence[str], entries: Entries
) -> None:
    """Remove from ``entries`` what ``dedupe`` (i18n's method) would remove, running it on the
    entries that can take part only; ``languages``: those i18n builds (each other language's
    entries are under its folder)."""
    prefixes = tuple(f"{language}/" for language in languages)
    try:
        found = _taking_part(prefixes, entries)
    except (KeyError, TypeError, AttributeError):  # not entries as Material makes them
        found = None
    if found is None:
        dedupe(entries)
        return
    repeated, other, candidates = found
    if not candidates:
        return
    part = list(repeated)
    left_out = False
    for entry in other:
        if id(entry) in candidates:
            part.append(entry)
            left_out = False
        elif not left_out:  # (never equal to an entry: it matches none, and none is it)
            part.append({"location": prefixes[0], "title": object(), "text": object()})
            left_out = True
    dedupe(part)
    removed = candidates - {id(entry) for entry in part}
    if removed:
        entries[:] = [entry for entry in entries if id(entry) not in removed]


def _taking_part(
    prefixes: tuple[str, ...], entries: Entries
) -> tuple[Entries, Entries, set[int]] | None:
    """The default language's entries that another language's repeat, every entry of the
    other languages, and (by id) those that repeat one; None when ``entries`` are not in the
    order i18n stacks them up in (the default language's first)."""
    default: Entries = []
    other: Entries = []
    for entry in entries:
        if entry["location"].startswith(prefixes):
            other.append(entry)
        elif other:
            return None
        else:
            default.append(entry)
    by_text: dict[tuple[Any, Any], Entries] = {}
    for entry in other:
        by_text.setdefault((entry["title"], entry["text"]), []).append(entry)
    repeated: Entries = []
    candidates: set[int] = set()
    for entry in default:
        same = by_text.get((entry["title"], entry["text"]), ())
        found = [id(o) for o in same if o["location"].endswith(entry["location"])]
        if found:
            repeated.append(entry)
            candidates.update(found)
    return repeated, other, candidates
