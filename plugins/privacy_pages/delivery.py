"""A build handed to a site generator as it is made, not once it is done.

A site generator needs three things from a build, at different times: the list of the pages it
generates (to build its nav, before it reads any page), the blocks of the hand-written pages
(when it reads them, which is first), and each generated page's text (when it reads that page).
:func:`deliver` produces them in that order: the :class:`Plan` as soon as the content is
loaded, the blocks at once after it, then the lint rules, then the pages one at a time into a
spool folder, then the downloads. A :class:`Recipient` is told as each is ready, so that the
generator can start on the first pages while the rest are made, in another process (see
:mod:`privacy_pages.background`) or in its own.

No page's text is kept: each is written to the spool and, with a build cache, added to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol

from .content import ContentCache
from .diagnostics import Diagnostics
from .pages import BlockKey, PlannedPage, render_blocks
from .settings import Settings
from .site import SiteBuild, check_build, generate, planned_assets
from .spool import Spool
from .timing import PhaseTimes

if TYPE_CHECKING:
    from .build_cache import CacheWriter


@dataclass
class Plan:
    """What a site generator needs before it reads any page: the generated pages, in the
    order they are written, and the downloads."""

    pages: list[PlannedPage]
    assets: list[str]
    #: Whether the site has a release history (its pages then link the Atom feed).
    history: bool
    #: The problems found so far (loading the content; the lint rules run later).
    problems: Diagnostics

    @classmethod
    def of(cls, build: SiteBuild) -> Plan:
        return cls(
            list(build.plan),
            planned_assets(build),
            bool(build.history),
            Diagnostics(list(build.problems.items)),
        )


@dataclass
class Outcome:
    """What a delivered build ends with: every problem found (the plan's included), the
    phases' times, and the downloads written."""

    problems: Diagnostics
    timings: PhaseTimes
    assets: list[str] = field(default_factory=list)
    #: Why the pages were rendered in the site generator's process after all, if they were.
    fallback: str = ""


class Recipient(Protocol):
    """Who is told, as a build is made, what is ready."""

    def planned(self, plan: Plan) -> None:
        """The plan is known (the pages are not written yet)."""

    def sources(self) -> list[tuple[str, str]]:
        """The hand-written pages to render blocks for: (path in the docs folder, file)."""

    def blocks(self, blocks: dict[BlockKey, str]) -> None:
        """The blocks of the hand-written pages are rendered."""

    def written(self, count: int) -> None:
        """The first ``count`` pages of the plan are in the spool."""


class PlanMismatch(RuntimeError):
    """The pages rendered are not those planned: a bug in privacy-pages."""


def deliver(
    settings: Settings,
    spool: Spool,
    recipient: Recipient,
    *,
    cache: ContentCache | None = None,
    today: date | None = None,
    keep_records: bool = False,
    writer: CacheWriter | None = None,
) -> tuple[Outcome, SiteBuild]:
    """Build the site into ``spool``, telling ``recipient`` what is ready as it goes (see the
    module). With ``writer``, the build is also added to the build cache as it is made (the
    caller commits it). Returns the outcome, and the build (its dataset, without pages)."""

    def planned(build: SiteBuild) -> None:
        plan = Plan.of(build)
        recipient.planned(plan)
        with build.timings.phase("render"):
            blocks = render_blocks(build.dataset, settings, recipient.sources())
        recipient.blocks(blocks)
        if writer is not None:
            with build.timings.phase("cache"):
                writer.plan(plan, blocks)

    build = check_build(settings, cache, today=today, keep_records=keep_records, planned=planned)
    count = 0
    for count, page in enumerate(generate(build, today), 1):
        expected = build.plan[count - 1] if count <= len(build.plan) else None
        if expected is None or (expected.path, expected.title) != (page.path, page.title):
            raise PlanMismatch(f"rendered {page.path} ({page.title}), planned {expected}")
        spool.write(page.path, page.markdown)
        if writer is not None:
            with build.timings.phase("cache"):
                writer.add(page)
        recipient.written(count)
    if build.ok and count != len(build.plan):
        raise PlanMismatch(f"rendered {count} pages, planned {len(build.plan)}")
    written = []
    with build.timings.phase("comparisons"):  # privacy.json is made as it is written
        for asset in build.downloads:
            with spool.open(asset.path) as target:
                if writer is not None:
                    writer.begin_asset(asset.path)
                for chunk in asset.chunks():
                    target.write(chunk)
                    if writer is not None:
                        writer.add_chunk(chunk)
            written.append(asset.path)
    build.downloads = []  # in the spool (and the cache): not kept twice
    return Outcome(build.problems, build.timings, written), build


class Collected:
    """A :class:`Recipient` that keeps what it is told (a build in the generator's own
    process, which reads the pages once the build is done)."""

    def __init__(self, sources: list[tuple[str, str]]) -> None:
        self._sources = sources
        self.plan: Plan | None = None
        self.rendered_blocks: dict[BlockKey, str] = {}

    def planned(self, plan: Plan) -> None:
        self.plan = plan

    def sources(self) -> list[tuple[str, str]]:
        return self._sources

    def blocks(self, blocks: dict[BlockKey, str]) -> None:
        self.rendered_blocks = blocks

    def written(self, count: int) -> None:
        pass
