"""Memoized pure functions: escaping, links and comparison cells, worked out once per value.

A site prints the same names, labels, conditions and links on many pages, so the functions
that turn them into Markdown or HTML keep their results (each cache is bounded). A process that
builds once (``mkdocs build``) lets them go with :func:`clear` when the pages are done;
``mkdocs serve`` keeps them for the next rebuild.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, Protocol, TypeVar


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
