"""Building a site's pages in a second process while the site generator reads the first ones.

A site generator spends most of a build turning Markdown into HTML, one page after another, on
one core. With this module, the whole privacy-pages build runs in a forked process instead:
loading and checking the content, rendering the pages into the spool folder in the order the
generator reads them, the comparisons, the downloads, the coverage check and writing the build
cache (:func:`~privacy_pages.delivery.deliver`). The generator's process is forked as soon as it
has the plugin's settings, waits only for the plan (the list of pages, for its nav) and the
blocks of its hand-written pages, and then reads pages as they are written: rendering a page
takes milliseconds, turning it into HTML a hundred.

The generator's process never holds the records or the model: it stays as small as it would be
without privacy-pages, and the building process, which holds them, ends early in the build. A
block the building process did not render (another plugin wrote it into a page) is rendered from
the model, loaded then.

It is used only where that is safe and useful: ``os.fork`` exists (not on Windows), the process
runs a single thread (a fork copies only the calling thread, and a lock another thread held would
stay locked in the copy), and the process may use two or more cores. Otherwise, and whenever the
building process fails (killed, out of memory, a bug), the site is built in the generator's own
process, as without it: the pages are the same either way.
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path
from time import perf_counter
from typing import Any

from .build_cache import BuildCache
from .delivery import Collected, Outcome, Plan, PlanMismatch, deliver
from .model import Dataset
from .pages import BlockKey
from .settings import Settings
from .spool import Spool
from .timing import PhaseTimes

__all__ = ["BackgroundBuild", "PlanMismatch", "can_build_in_background", "usable_cores"]


def usable_cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1  # pragma: no cover - not Linux


def can_build_in_background() -> bool:
    """Whether :class:`BackgroundBuild` can run its own process here (see the module)."""
    return hasattr(os, "fork") and threading.active_count() == 1 and usable_cores() >= 2


class BackgroundBuild:
    """Builds a site into ``spool`` in a forked process (see :func:`~privacy_pages.delivery.
    deliver`), and tells the site generator's process what is ready.

    :meth:`plan` returns once the pages are planned, :meth:`blocks` once the blocks of the
    hand-written pages (listed with :meth:`plan`) are rendered, :meth:`wait` once a
    page is written, and :meth:`finish` once everything is (the pages, the downloads, the build
    cache), with every problem of the build. With ``cache``, the process keeps the build there.
    """

    def __init__(
        self,
        settings: Settings,
        spool: Spool,
        today: date | None = None,
        cache: BuildCache | None = None,
    ) -> None:
        import multiprocessing  # only one-shot builds with a second core need it

        self.settings = settings
        self.spool = spool
        self.today = today
        self.planned: Plan | None = None
        self.rendered_blocks: dict[BlockKey, str] | None = None
        #: The model, if this process had to build the site itself (the other one failed).
        self.dataset: Dataset | None = None
        #: How many pages of the plan are written.
        self.written = 0
        self.outcome: Outcome | None = None
        #: The building process's own phases (it runs beside the site generator).
        self.timings = PhaseTimes()
        self._order: dict[str, int] = {}
        self._sources: list[tuple[str, str]] = []
        self._context = multiprocessing.get_context("fork")
        self._connection, self._theirs = self._context.Pipe(duplex=True)
        self._cache = cache
        #: Where the building process writes the build cache until it commits it (named here,
        #: so that what a stopped process leaves behind can be removed).
        self._temporary = cache.temporary_path() if cache is not None else None
        self._process: Any = None
        self._closed = False

    def start(self) -> None:
        """Fork the building process (an ``OSError`` if the system cannot: nothing is left
        running, and the site can be built in this process)."""
        gc.freeze()  # collections in either process need not touch what both share
        process = self._context.Process(
            target=_build,
            args=(self.settings, self.spool, self.today, self._cache, self._theirs),
            kwargs={"other_end": self._connection, "temporary": self._temporary},
            daemon=True,
        )
        try:
            process.start()
        except OSError:
            self.stop()
            raise
        self._process = process
        self._theirs.close()  # the connection ends (EOF) when the building process closes it

    def plan(self, sources: list[tuple[str, str]]) -> Plan | None:
        """The plan, once known; None if the build ended before it (errors in the content:
        :attr:`outcome` has them). The building process then renders the blocks of the
        hand-written pages ``sources`` (path in the docs folder, file)."""
        self._sources = sources
        self._await_plan()
        if self.planned is not None and self.outcome is None:
            # Only now: the building process reads them once it has sent the plan (each side
            # writing a large message while the other writes too would wait forever).
            with contextlib.suppress(OSError):  # gone: noticed when receiving
                self._connection.send(sources)
        return self.planned

    def _await_plan(self) -> None:
        while self.planned is None and self.outcome is None:
            self._receive()

    def blocks(self) -> dict[BlockKey, str]:
        """The rendered blocks of the pages given to :meth:`plan`."""
        while self.rendered_blocks is None and self.outcome is None:
            self._receive()
        return self.rendered_blocks or {}

    def wait(self, path: str) -> None:
        """Return once the page at ``path`` is written (or once everything is, for others)."""
        self._await_plan()
        self.drain()
        index = self._order.get(path)
        while self.outcome is None and (index is None or self.written <= index):
            self._receive()

    def drain(self) -> None:
        """Take in what the building process has sent so far, without waiting: what it sends
        waits in a buffer of limited size, and it stops when that is full."""
        while self.outcome is None and not self._closed and self._connection.poll():
            self._receive()

    def finish(self) -> Outcome:
        """Wait for everything (the pages, the downloads, the build cache); the outcome holds
        every problem of the build."""
        while self.outcome is None:
            self._receive()
        with contextlib.suppress(EOFError, OSError):
            while True:  # after the outcome: how long keeping the build in the cache took
                self._take(*self._connection.recv())
        self.stop()
        return self.outcome

    def stop(self) -> None:
        """End the building process (a build that stops halfway need not wait for it), and
        remove the build cache it did not finish writing."""
        if self._process is None:
            self._theirs.close()
        else:
            if self._process.is_alive() and self.outcome is None:
                self._process.terminate()
            self._process.join()
        if self._temporary is not None:
            with contextlib.suppress(OSError):  # committed (renamed), or never written
                os.unlink(self._temporary)
        self._connection.close()
        self._closed = True

    def _receive(self) -> None:
        try:
            kind, value = self._connection.recv()
        except (EOFError, OSError):
            self._process.join()
            code = self._process.exitcode
            self._build_here(f"the building process ended early (exit code {code})")
            return
        self._take(kind, value)

    def _take(self, kind: str, value: Any) -> None:
        if kind == "plan":
            self._planned(value)
        elif kind == "blocks":
            self.rendered_blocks = value
        elif kind == "written":
            self.written = value
        elif kind == "outcome":
            self._done(value)
        elif kind == "cache":
            self.timings["cache"] = self.timings.get("cache", 0.0) + value
        else:  # the process failed, and says why
            self._build_here(str(value))

    def _planned(self, plan: Plan) -> None:
        self.planned = plan
        self._order = {page.path: index for index, page in enumerate(plan.pages)}

    def _done(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self.written = len(self.planned.pages) if self.planned is not None else 0
        for name, seconds in outcome.timings.items():
            self.timings[name] = self.timings.get(name, 0.0) + seconds

    def _build_here(self, reason: str) -> None:
        """Build in this process (the same pages): the building process failed."""
        recipient = Collected(self._sources)
        outcome, build = deliver(self.settings, self.spool, recipient, today=self.today)
        if self.planned is None:
            if recipient.plan is not None:
                self._planned(recipient.plan)
        elif recipient.plan is None or recipient.plan.pages != self.planned.pages:
            raise PlanMismatch("the pages built here are not those planned")
        if self.rendered_blocks is None:
            self.rendered_blocks = recipient.rendered_blocks
        self.dataset = build.dataset
        outcome.fallback = reason
        self._done(outcome)


class _Messenger:
    """The building process's :class:`~privacy_pages.delivery.Recipient`: it sends what is
    ready to the site generator's process."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def planned(self, plan: Plan) -> None:
        self.connection.send(("plan", plan))

    def sources(self) -> list[tuple[str, str]]:
        sources: list[tuple[str, str]] = self.connection.recv()
        return sources

    def blocks(self, blocks: dict[BlockKey, str]) -> None:
        self.connection.send(("blocks", blocks))

    def written(self, count: int) -> None:
        self.connection.send(("written", count))


def _build(
    settings: Settings,
    spool: Spool,
    today: date | None,
    cache: BuildCache | None,
    connection: Connection,
    *,
    other_end: Connection,
    temporary: Path | None = None,
) -> None:
    """The building process: build, report, keep the build in the cache, exit. It never logs
    (the site generator's process does) and never removes the spool (it exits without running
    finalizers)."""
    other_end.close()  # so that the connection ends if the site generator's process does
    gc.disable()  # a short-lived process: reference counting frees what it lets go
    writer = cache.writer(temporary) if cache is not None else None
    try:
        outcome, build = deliver(
            settings, spool, _Messenger(connection), today=today, writer=writer
        )
    except BaseException as exc:  # reported: the other process builds the site instead
        if writer is not None:
            writer.abandon()
        with contextlib.suppress(OSError):
            connection.send(("failed", f"the building process failed: {type(exc).__name__}: {exc}"))
        return
    connection.send(("outcome", outcome))
    if writer is not None:
        start = perf_counter()
        try:
            writer.commit(build)  # a build with errors is not kept
        except BaseException:  # the pages are out: a build cache less is no failure
            writer.abandon()
        connection.send(("cache", perf_counter() - start))
