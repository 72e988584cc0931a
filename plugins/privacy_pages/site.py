"""One build of a site's privacy content: load, validate and render, as plain data.

Both adapters (the MkDocs plugin and the CLI) go through :func:`build_site`, so they report the
same problems and produce the same pages.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from . import exports
from .comparison import Collection
from .comparison_pages import iter_comparison_pages
from .content import ContentCache, load_content
from .coverage import PageAnchors, check_page_paths
from .diagnostics import Diagnostics
from .exports import GeneratedAsset, render_assets
from .feed import atom_feed
from .history import History, build_date, load_history
from .history_pages import FEED_PATH
from .lint import configure_severities, lint_content, run_rules
from .model import Dataset
from .pages import GeneratedPage, PlannedPage, iter_statement_pages, plan_pages
from .render_errors import render_error
from .settings import Settings
from .timing import PhaseTimes


@dataclass
class SiteBuild:
    """The result of one build: the dataset, every problem, and the generated pages."""

    settings: Settings
    dataset: Dataset
    problems: Diagnostics
    pages: list[GeneratedPage] = field(default_factory=list)
    #: The release history (content/history/*.json), oldest release first.
    history: History = field(default_factory=History)
    #: Other generated files, as (path relative to the site root, text): the downloads, the
    #: packaged script and style sheet, the Atom feed (filled by :func:`build_site`).
    assets: list[tuple[str, str]] = field(default_factory=list)
    #: The same files as :func:`generate` makes them (large ones are written in pieces).
    downloads: list[GeneratedAsset] = field(default_factory=list)
    #: Seconds spent in each phase of the build (for the benchmark).
    timings: PhaseTimes = field(default_factory=PhaseTimes)
    #: The pages the build generates, known before they are rendered (see :func:`generate`).
    plan: list[PlannedPage] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems.errors


def check_content(
    settings: Settings,
    cache: ContentCache | None = None,
    *,
    today: date | None = None,
    times: PhaseTimes | None = None,
) -> tuple[Dataset, Diagnostics]:
    """Load the content and run the lint rules: every problem the site has, without pages.

    ``today`` is the date the ``stale-date`` rule judges ages by (default: today).
    """
    times = times if times is not None else PhaseTimes()
    dataset, problems = load_content(
        settings.content_dir, settings.metadata, cache=cache, times=times
    )
    with times.phase("validate"):
        return dataset, lint_content(dataset, problems, settings.lint, today=today or date.today())


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector. A build creates hundreds of thousands of
    objects that stay alive (records, model, pages), and each collection would scan them all
    again (a fifth of the build's time); reference counting still frees the rest at once."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_site(
    settings: Settings,
    cache: ContentCache | None = None,
    *,
    today: date | None = None,
    keep_records: bool = True,
) -> SiteBuild:
    """Load and check the content, and render the pages when it has no errors.

    With ``keep_records=False`` the located YAML data (``dataset.records``) is let go once the
    lint rules have read it, before the pages are rendered, so that a build's peak memory does
    not hold both (unless ``cache`` keeps it for a rebuild anyway).
    """
    with collector_paused():
        build = check_build(settings, cache, today=today, keep_records=keep_records)
        build.pages = list(generate(build, today))
        build.assets = [(asset.path, asset.content) for asset in build.downloads]
    return build


def check_build(
    settings: Settings,
    cache: ContentCache | None = None,
    *,
    today: date | None = None,
    keep_records: bool = True,
    planned: Callable[[SiteBuild], None] | None = None,
) -> SiteBuild:
    """The first half of :func:`build_site`: load and check the content and the release
    history, and plan the pages (``build.plan``) without rendering them. :func:`generate`
    renders them.

    ``planned`` is called with the build as soon as its plan is known, which is before the
    lint rules run: a site generator can list the pages while the rules read the records (what
    they find is in ``build.problems`` when this returns). It is not called when the content,
    the release history or the pages' paths have errors.
    """
    with collector_paused():
        times = PhaseTimes()
        dataset, loaded = load_content(
            settings.content_dir, settings.metadata, cache=cache, times=times
        )
        with times.phase("validate"):
            problems = configure_severities(dataset, loaded, settings.lint)
        with times.phase("load"):
            history, history_problems = load_history(settings.content_dir)
        problems.extend(history_problems.items)
        build = SiteBuild(settings, dataset, problems, history=history, timings=times)
        if build.ok:
            with times.phase("validate"):
                build.plan = plan_pages(dataset, settings, history)
                build.problems.extend(check_page_paths(dataset, build.plan))
            if planned is not None and build.ok:
                planned(build)
        with times.phase("validate"):
            lint = settings.lint
            today = today or date.today()
            build.problems.extend(run_rules(dataset, lint, today=today, complete=not loaded.errors))
        if not keep_records:
            dataset.records = {}
    return build


def planned_assets(build: SiteBuild) -> list[str]:
    """The paths of the downloads :func:`generate` adds to ``build.downloads``, in its order."""
    if not build.ok:
        return []
    planned = exports.planned_assets(build.dataset, build.settings)
    if build.history:
        planned.append(FEED_PATH)
    return planned


def generate(build: SiteBuild, today: date | None = None) -> Iterator[GeneratedPage]:
    """Render the pages of a checked build (:func:`check_build`) one at a time, in the order of
    ``build.plan``. Once the last page is out, ``build.problems`` holds what the coverage check
    found and ``build.downloads`` the downloads. A build with errors generates nothing; a template
    that fails adds a problem naming the record and ends the pages there."""
    if not build.ok:
        return
    dataset, settings, times = build.dataset, build.settings, build.timings
    # "Updated in ..." marks are judged on the configured date, else the build date.
    marks_date = settings.history.today or today or build_date()
    anchors = PageAnchors()
    pages = iter_statement_pages(dataset, settings, build.history, marks_date)
    for page in _rendered(build, pages):
        with times.phase("coverage"):
            anchors.add(page)
        yield page
    if not build.ok:  # a template failed
        return
    # After the first pages: a site generator need not wait for it to read them.
    with times.phase("comparisons"):
        collection = Collection(dataset)  # every product-by-item cell, computed once
    for page in _rendered(build, iter_comparison_pages(collection, settings)):
        with times.phase("coverage"):
            anchors.add(page)
        yield page
    if not build.ok:
        return
    with times.phase("coverage"):
        build.problems.extend(anchors.check(dataset))  # nothing lost
    with times.phase("comparisons"):  # privacy.json is made when it is written
        build.downloads.extend(render_assets(collection, settings))
    with times.phase("render"):
        if build.history:
            feed = atom_feed(build.history, dataset, settings)
            build.downloads.append(GeneratedAsset(FEED_PATH, feed))


def _rendered(build: SiteBuild, pages: Iterator[GeneratedPage]) -> Iterator[GeneratedPage]:
    """``pages``, each timed as ``render``; a page that fails adds a problem naming the record
    (never a traceback) and ends them there."""
    times = build.timings
    while True:
        try:
            with times.phase("render"):
                page = next(pages, None)
        except Exception as exc:  # a template or a bug: name the record, never a traceback
            build.problems.add(render_error(exc, build.dataset))
            return
        if page is None:
            return
        yield page
