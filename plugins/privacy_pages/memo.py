"""Memoized pure functions: escaping, links and comparison cells, worked out once per value.

A site prints the same names, labels, conditions and links on many pages, so the functions
that turn them into Markdown or HTML keep their results (each cache is bounded). A process that
builds once (``mkdocs build``) lets them go with :func:`clear` when the pages are done;
``mkdocs serve`` keeps them for the next rebuild.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, Generic, Protocol, TypeVar


class _Cache(Protocol):
    def cache_clear(self) -> None: ...


_CACHES: list[_Cache] = []

F = TypeVar("F", bound=Callable[..., Any])


def memoized(maxsize: int) -> Callable[[F], F]:
    """Like ``functools.lru_cache(maxsize)``, for a pure function of hashable arguments."""

    def decorate(function: F) -> F:
        cached = lru_cache(maxsize=maxsize)(function)
        _CACHES.append(cached)
        return cached  # type: ignore[return-value]

    return decorate


def clear() -> None:
    """Empty every memo cache."""
    for cache in _CACHES:
        cache.cache_clear()


K = TypeVar("K")
V = TypeVar("V")
D = TypeVar("D")


class MemoByKey(Generic[K, V]):
    """Values worked out by key in this build and the last (``mkdocs serve``: an edit changes
    few of them). What no build asked for since the last one is dropped."""

    def __init__(self) -> None:
        self._last: dict[K, V] = {}
        self._now: dict[K, V] = {}

    def next_build(self) -> None:
        self._last, self._now = self._now, {}

    def lookup(self, key: K, default: D) -> V | D:
        """The value kept for ``key`` this build or the last (then kept for this one too), or
        ``default``."""
        if key in self._now:
            return self._now[key]
        if key in self._last:
            value = self._now[key] = self._last[key]
            return value
        return default

    def keep(self, key: K, value: V) -> None:
        self._now[key] = value


class MemoByIdentity(Generic[K, V]):
    """``function`` of a value, kept by the value's identity from one build to the next.

    A rebuild under ``mkdocs serve`` hands back the very objects of the last build for what did
    not change (a reused page's Markdown): what was worked out from one of them holds as long as
    it is that object. Compared by identity, never by value, so a lookup costs nothing however
    large the value; each value is kept with its result, so its id cannot pass to another
    object. Only the values of the last and the current build are kept."""

    def __init__(self, function: Callable[[K], V]) -> None:
        self.function = function
        self._last: dict[int, tuple[K, V]] = {}
        self._current: dict[int, tuple[K, V]] = {}
        #: How many values of the current build were worked out (for the tests).
        self.made = 0

    def __call__(self, value: K) -> V:
        key = id(value)
        kept = self._current.get(key) or self._last.get(key)
        if kept is None or kept[0] is not value:
            kept = (value, self.function(value))
            self.made += 1
        self._current[key] = kept
        return kept[1]

    def next_build(self) -> None:
        """Begin a build: keep what the build that ended worked out, and nothing older."""
        self._last, self._current, self.made = self._current, {}, 0
