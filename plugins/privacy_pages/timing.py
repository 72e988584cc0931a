"""Where a build spends its time: named phases, measured with a monotonic clock.

The benchmark (``make bench``) reads these from the plugin; nothing in the build depends on
them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from time import perf_counter


class PhaseTimes(dict[str, float]):
    """Seconds spent in each phase (load, validate, render, comparisons, coverage)."""

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start = perf_counter()
        try:
            yield
        finally:
            self[name] = self.get(name, 0.0) + perf_counter() - start
