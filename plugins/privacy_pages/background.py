"""Rendering a build's pages in a second process while the site generator reads the first ones.

A site generator spends most of a build turning Markdown into HTML, one page after another, on
one core. Once the content is loaded and checked (:func:`~privacy_pages.site.check_build`), the
paths and titles of the generated pages are known (``build.plan``): the generator can list them
at once, and a forked process renders them, in the plan's order, into the spool folder. The
generator waits only when it reaches a page that is not written yet, which in practice is the
first one: rendering a page takes milliseconds, turning it into HTML a hundred. The render, the
comparisons, the downloads, the coverage check and writing the build cache then cost the
generator no time, on a machine with a second core.

It is used only where that is safe and useful: ``os.fork`` exists (not on Windows), the process
runs a single thread (a fork copies only the calling thread, and a lock another thread held would
stay locked in the copy), and the process may use two or more cores. Otherwise, and whenever the
second process fails (killed, out of memory, a bug), the pages are rendered in this process, as
without it: the pages are the same either way.
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from multiprocessing.connection import Connection
from time import perf_counter
from typing import Any

from .build_cache import BuildCache, CacheWriter
from .diagnostics import Diagnostics
from .site import SiteBuild, generate
from .spool import Spool
from .timing import PhaseTimes


def usable_cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1  # pragma: no cover - not Linux


def can_render_in_background() -> bool:
    """Whether :class:`BackgroundRender` can run its own process here (see the module)."""
    return hasattr(os, "fork") and threading.active_count() == 1 and usable_cores() >= 2


class PlanMismatch(RuntimeError):
    """The pages rendered are not those planned: a bug in privacy-pages."""


@dataclass
class Outcome:
    """What the rendering process reports when its pages are written."""

    problems: Diagnostics
    timings: PhaseTimes
    assets: list[str] = field(default_factory=list)
    #: Why the pages were rendered in this process after all, if they were.
    fallback: str = ""


class BackgroundRender:
    """Renders the pages of a checked ``build`` into ``spool`` in a forked process.

    :meth:`wait` returns once a page's file is written; :meth:`finish` once everything is
    (the pages, the downloads, the build cache) and reports the problems the render found.
    With ``cache``, the rendering process also keeps the build there.
    """

    def __init__(
        self,
        build: SiteBuild,
        spool: Spool,
        today: date | None = None,
        cache: BuildCache | None = None,
    ) -> None:
        import multiprocessing  # only one-shot builds with a second core need it

        self.build = build
        self.spool = spool
        self.today = today
        self.order = {page.path: index for index, page in enumerate(build.plan)}
        #: How many pages of the plan are written.
        self.written = 0
        self.outcome: Outcome | None = None
        #: The rendering process's own phases (it runs beside the site generator).
        self.timings = PhaseTimes()
        self._context = multiprocessing.get_context("fork")
        self._receiver, self._sender = self._context.Pipe(duplex=False)
        self._cache = cache
        self._before = dict(build.timings)
        self._process: Any = None

    def start(self) -> None:
        """Fork the rendering process (once whatever it must see is in place)."""
        gc.freeze()  # collections in either process need not touch what both share
        self._process = self._context.Process(
            target=_render,
            args=(self.build, self.spool, self.today, self._cache, self._sender),
            daemon=True,
        )
        self._process.start()
        self._sender.close()  # the receiver sees the end when the rendering process closes its own

    def wait(self, path: str) -> None:
        """Return once the page at ``path`` is written (or once everything is, for others)."""
        index = self.order.get(path)
        while self.outcome is None and (index is None or self.written <= index):
            self._receive()

    def finish(self) -> Outcome:
        """Wait for everything (the pages, the downloads, the build cache); the outcome holds
        every problem of the build."""
        while self.outcome is None:
            self._receive()
        with contextlib.suppress(EOFError, OSError):
            while True:  # after the outcome: how long keeping the build in the cache took
                name, seconds = self._receiver.recv()
                self.timings[name] = self.timings.get(name, 0.0) + seconds
        self.stop()
        return self.outcome

    def stop(self) -> None:
        """End the rendering process (a build that stops halfway need not wait for it)."""
        if self._process is None:
            self._sender.close()
        elif self._process.is_alive() and self.outcome is None:
            self._process.terminate()
        if self._process is not None:
            self._process.join()
        self._receiver.close()

    def _receive(self) -> None:
        try:
            message = self._receiver.recv()
        except (EOFError, OSError):
            self._process.join()
            code = self._process.exitcode
            self._render_here(f"the rendering process ended early (exit code {code})")
            return
        if isinstance(message, int):
            self.written = message
        elif isinstance(message, Outcome):
            self.outcome = message
            self.written = len(self.build.plan)
            # The rendering process's own phases: its timings less those it started with.
            for name, seconds in message.timings.items():
                if seconds > self._before.get(name, 0.0):
                    self.timings[name] = seconds - self._before.get(name, 0.0)
        else:  # the process failed, and says why
            self._render_here(str(message))

    def _render_here(self, reason: str) -> None:
        """Render in this process (the pages are the same): the rendering process failed."""
        self.outcome = render_into(self.build, self.spool, self.today, lambda _: None)
        self.outcome.fallback = reason
        self.written = len(self.build.plan)


def render_into(
    build: SiteBuild,
    spool: Spool,
    today: date | None,
    written: Callable[[int], None],
    writer: CacheWriter | None = None,
) -> Outcome:
    """Render the pages of a checked ``build`` into ``spool`` in the order of ``build.plan``,
    calling ``written(n)`` after the n-th page, then write the downloads. With ``writer``, each
    page is also added to the build cache (the caller commits it)."""
    count = 0
    for count, page in enumerate(generate(build, today), 1):
        planned = build.plan[count - 1] if count <= len(build.plan) else None
        if planned is None or (planned.path, planned.title) != (page.path, page.title):
            raise PlanMismatch(f"rendered {page.path} ({page.title}), planned {planned}")
        spool.write(page.path, page.markdown)
        if writer is not None:
            with build.timings.phase("cache"):
                writer.add(page)
        written(count)
    if build.ok and count != len(build.plan):
        raise PlanMismatch(f"rendered {count} pages, planned {len(build.plan)}")
    for path, text in build.assets:
        spool.write(path, text)
    return Outcome(build.problems, build.timings, [path for path, _ in build.assets])


def _render(
    build: SiteBuild,
    spool: Spool,
    today: date | None,
    cache: BuildCache | None,
    sender: Connection,
) -> None:
    """The rendering process: render, report, keep the build in the cache, exit. It never
    logs (the parent does) and never removes the spool (it exits without running finalizers)."""
    gc.disable()  # a short-lived process: reference counting frees what it lets go
    writer = cache.writer() if cache is not None else None
    try:
        outcome = render_into(build, spool, today, sender.send, writer)
    except BaseException as exc:  # reported: the parent renders in its own process instead
        if writer is not None:
            writer.abandon()
        sender.send(f"the rendering process failed: {type(exc).__name__}: {exc}")
        return
    sender.send(outcome)
    if writer is not None:
        start = perf_counter()
        writer.commit(build)  # a build with errors is not kept
        sender.send(("cache", perf_counter() - start))
