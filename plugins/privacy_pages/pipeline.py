"""The build pipeline on one screen: load → check → render.

The MkDocs plugin, ``privacy-pages render`` and the benchmark call :func:`build_site`;
``privacy-pages validate`` calls :func:`check_site`, its first half, so that it reports what a
build reports. Everything returned is plain data: Markdown pages, downloads and diagnostics.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from typing import Any

from .check.coverage import check_coverage, check_page_paths, page_anchors
from .check.lint import LintRun, configure_severities
from .check.lint_config import LintConfig
from .compare.collection import Collection
from .compare.comparison import comparisons
from .diagnostics import Diagnostic, Diagnostics, display_path
from .history.archive import Archive
from .history.current_versions import CurrentVersions
from .history.releases import History, build_date, latest_today, load_history
from .load.content import load_content
from .load.record_files import ContentCache
from .load.translations import Language, TranslationRun, found_languages
from .messages import SOURCE_LANGUAGE
from .model import Dataset, Product
from .render.blocks import expand_blocks
from .render.downloads import render_assets
from .render.errors import render_error
from .render.feed import atom_feed
from .render.generated import GeneratedAsset, GeneratedPage, as_rendered
from .render.pages import plan_pages, render_pages, start_reuse
from .render.paths import SCRIPT, STYLESHEET, feed_path
from .render.reuse import PageReuse
from .render.translated import Showing, Views, heading_sources, language_headings
from .render.version_pages import render_version_pages
from .render.version_redirects import render_version_redirects
from .settings import Settings
from .timing import PhaseTimes


@dataclass
class SiteBuild:
    """One build: the model, every problem found, and what was generated from them."""

    settings: Settings
    dataset: Dataset
    problems: Diagnostics
    #: The release history (content/history/*.json), oldest release first.
    history: History = field(default_factory=History)
    #: The generated pages, products first (none when the content has errors).
    pages: list[GeneratedPage] = field(default_factory=list)
    #: The other generated files: downloads, the packaged script and style sheet, the feed.
    downloads: list[GeneratedAsset] = field(default_factory=list)
    #: Seconds spent in each phase (read by the benchmark, never by the build).
    timings: PhaseTimes = field(default_factory=PhaseTimes)
    #: Each language other than the records' own: its model, built from the translations.
    languages: dict[str, Language] = field(default_factory=dict)
    #: The releases' own records, from which each version of a statement is rendered.
    archive: Archive | None = None
    #: Of ``problems``, those of each language's translations (see :meth:`for_language`).
    language_problems: dict[str, list[Diagnostic]] = field(default_factory=dict)
    #: What each language's pages show in place of translations (see :meth:`showing`).
    _views: Views = field(default_factory=Views, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return not self.problems.errors

    def for_language(self, settings: Settings) -> SiteBuild:
        """This build's checked content, for the build of one of its languages (with
        mkdocs-static-i18n, each language is a build of its own, and the first one checks the
        content for all): the same model, no pages yet, and the problems of the records and of
        that language's translations (the others' are not its pages' to show)."""
        others = {
            id(problem)
            for language, found in self.language_problems.items()
            if language != settings.language
            for problem in found
        }
        problems = Diagnostics([p for p in self.problems.items if id(p) not in others])
        return replace(
            self, settings=settings, problems=problems, pages=[], downloads=[], timings=PhaseTimes()
        )

    def showing(self, language: str) -> Showing:
        """What the pages of ``language`` show in place of translations (nothing, in the
        records' own language)."""
        return self._views(self.languages.get(language), self.dataset)


def build_site(
    settings: Settings,
    cache: ContentCache | None = None,
    *,
    today: date | None = None,
    preview: bool = False,
    reuse: PageReuse | None = None,
    postprocess: Callable[[str], str] | None = None,
    languages: tuple[str, ...] = (),
    checked: SiteBuild | None = None,
) -> SiteBuild:
    """Load, check and render a site's privacy content (no pages when it has errors).

    ``cache`` keeps parsed files for the next build (``mkdocs serve``); ``today`` is the date
    that the ``stale-date`` rule and the "Updated in" marks judge by (default: the build date).
    A ``preview`` renders what it can even with errors (what is valid of each record), for a
    writer to see the pages and their problems. ``reuse`` keeps the pages for the next build,
    which renders again only those whose inputs changed (``mkdocs serve``). ``postprocess``
    is applied to each page's Markdown as soon as it is rendered, so that the text it replaces
    is freed before the next page is rendered (the MkDocs plugin writes raw HTML blocks for
    itself there); it must keep every element id, which the coverage check reads.

    ``languages``: more languages whose translations are checked (and their models made) than
    those ``settings`` renders, for later builds that render them from this one's check
    (``checked``, see :meth:`SiteBuild.for_language`): mkdocs-static-i18n builds each language
    on its own, and the records are the same in each.
    """
    with collector_paused():
        if checked is not None:
            build = checked.for_language(settings)
        else:
            build = check_site(settings, cache, today=today, every_language=False, also=languages)
            # The checks are done with the located YAML of the records not checked as they
            # loaded: rendering reads the model. ``cache`` keeps the parsed files anyway.
            build.dataset.records = {}
        if build.ok or preview:  # render, then check nothing was lost
            render_site(build, today, reuse, partial(_page_done, postprocess))
    return build


def _page_done(postprocess: Callable[[str], str] | None, markdown: str) -> str:
    """A page just rendered, post-processed. Its templates leave reference cycles behind (the modules
    of the templates they import), which the paused collector would keep until the build
    ends: the young generation, little more than the page's own objects, is collected."""
    gc.collect(0)
    return markdown if postprocess is None else postprocess(markdown)


def check_site(
    settings: Settings,
    cache: ContentCache | None = None,
    *,
    today: date | None = None,
    every_language: bool = True,
    also: tuple[str, ...] = (),
) -> SiteBuild:
    """Load the content and the release history, and check them: every problem a build finds
    before it renders. The translations checked are those of the languages the site builds
    and of ``also``, and with ``every_language`` (``validate``) those of any language the
    content has."""
    times = PhaseTimes()
    # The rules that read a product's own record run on it as soon as it is loaded: the
    # located data of every product (most of a build's memory while it loads) never exists at
    # once.
    lint = LintRun(settings.lint, today=today or date.today(), controller=settings.controller)
    translations = None
    language_problems: dict[str, list[Diagnostic]] = {}
    languages = tuple(dict.fromkeys(translated_languages(settings, every_language) + also))
    if languages:  # each record is linked in every language as it loads
        translations = TranslationRun(
            settings.content_dir,
            languages,
            rules=settings.metadata,
            limits=settings.limits,
            stale_shows=settings.stale_translations,
            cache=cache,
        )
    with times.phase("load"):
        history, history_problems = load_history(settings.content_dir, latest_today())
    current = CurrentVersions(
        history,
        settings.history.today or today or build_date(),
        display_path(settings.content_dir),
    )
    dataset, loaded = load_content(
        settings.content_dir,
        settings.metadata,
        cache=cache,
        limits=settings.limits,
        times=times,
        each_product=partial(_each_product, lint, current if history else None),
        each_record=translations.record if translations else None,
    )
    if history:
        history = current.history_with_pages(dataset)
    with times.phase("validate"):
        problems = configure_severities(dataset, loaded, settings.lint)
        problems.extend(history_problems.items)
        if not problems.errors:  # two records whose pages would share a file
            problems.extend(check_page_paths(dataset, plan_pages(dataset, settings, history)))
        problems.extend(lint.finish(dataset, complete=not loaded.errors))
        if translations is not None:
            found = translations.finish(dataset)
            # A record with errors is fixed first: what it lacks in other languages can wait.
            broken = {problem.location.path for problem in problems.errors}
            found.items = [
                p
                for p in found.items
                if p.rule != "translation-missing" or p.location.path not in broken
            ]
            configured, language_problems = _configured(
                dataset, found, settings.lint, translations.problems_by_language
            )
            problems.extend(configured)
    build = SiteBuild(settings, dataset, problems, history, timings=times)
    build.language_problems = language_problems
    if history:
        build.archive = Archive(history, settings.metadata)
    if translations is not None:
        build.languages = translations.languages
    return build


def _configured(
    dataset: Dataset,
    found: Diagnostics,
    lint: LintConfig | None,
    raw: dict[str, list[Diagnostic]],
) -> tuple[list[Diagnostic], dict[str, list[Diagnostic]]]:
    """The translations' problems with the configured severities (a rule turned off drops
    its own), and of them, those of each language's translations (``raw``: as found)."""
    language_of = {id(p): language for language, items in raw.items() for p in items}
    configured: list[Diagnostic] = []
    by_language: dict[str, list[Diagnostic]] = {}
    for problem in found.items:
        made = configure_severities(dataset, Diagnostics([problem]), lint, loaded_only=False)
        configured += made.items
        if (language := language_of.get(id(problem))) is not None:
            by_language.setdefault(language, []).extend(made.items)
    return configured, by_language


def _each_product(
    lint: LintRun,
    current: CurrentVersions | None,
    dataset: Dataset,
    display: str,
    data: Any,
    product: Product | None,
) -> None:
    """A product's record, as it loads: checked, and compared with its release's."""
    lint.product(dataset, display, data, product)
    if current is not None:
        current.product(display, data, product)


def translated_languages(settings: Settings, every_language: bool = True) -> tuple[str, ...]:
    """The languages whose translations a build reads: those it builds, and with
    ``every_language`` any the content has translations for."""
    found = settings.all_languages
    if every_language:
        found += found_languages(settings.content_dir)
    return tuple(dict.fromkeys(lang for lang in found if lang != SOURCE_LANGUAGE))


def render_site(
    build: SiteBuild,
    today: date | None = None,
    reuse: PageReuse | None = None,
    postprocess: Callable[[str], str] | None = None,
) -> None:
    """Render the pages and downloads of a checked build into it, in each of the site's
    languages, then check that every record shows on a page. A template that fails adds a
    problem naming the record, not a traceback.

    The site's language is at the root of the site; each other language in a folder of its
    own (``fr/privacy/...``). ``reuse`` (``mkdocs serve``) keeps each language's pages."""
    settings = build.settings
    for index, language in enumerate(settings.all_languages):
        translated = build.languages.get(language)
        dataset = build.dataset if translated is None else translated.dataset
        in_language = settings.in_language(language)
        each_page = postprocess
        if language != SOURCE_LANGUAGE:  # headings keep the source's ids (see there)
            sources = heading_sources(translated, in_language.messages)
            each_page = _composed(partial(language_headings, sources=sources), postprocess)
        done = _render_language(
            build,
            dataset,
            in_language,
            build.showing(language),
            today,
            reuse if index == 0 or reuse is None else reuse.for_language(language),
            each_page,
            static=index == 0,
        )
        if not done:
            return


def _composed(
    first: Callable[[str], str], then: Callable[[str], str] | None
) -> Callable[[str], str]:
    """``first``, then ``then`` on its result (``first`` alone without ``then``)."""
    return first if then is None else lambda markdown: then(first(markdown))


def _render_language(
    build: SiteBuild,
    dataset: Dataset,
    settings: Settings,
    showing: Showing,
    today: date | None,
    reuse: PageReuse | None,
    postprocess: Callable[[str], str] | None,
    *,
    static: bool,
) -> bool:
    """One language's pages and downloads (in the language of ``settings``, the records'
    texts as ``showing`` shows them); False when a template failed (reported)."""
    said = settings.messages
    times = build.timings
    marks_date = settings.history.today or today or build_date()  # for "Updated in" marks
    try:
        with times.phase("comparisons"):
            # Every product-by-item cell, computed once (a rebuild: for the products changed).
            collection = Collection(dataset, reuse.statements if reuse is not None else None)
            if reuse is not None:  # what is as last build, before any of it is computed
                start_reuse(reuse, dataset, settings, build.history, marks_date, showing)
            kept = reuse.comparison if reuse is not None else None
            tables = comparisons(collection, kept, said)
        with times.phase("render"):
            pages = render_pages(
                dataset,
                settings,
                build.history,
                marks_date,
                collection,
                tables,
                reuse,
                postprocess,
                build.archive,
                showing,
            )
            if build.history:  # every version of each statement, in this language
                done = as_rendered if postprocess is None else _postprocessed(postprocess)
                pages += render_version_pages(
                    dataset,
                    settings,
                    build.history,
                    build.archive,
                    marks_date,
                    done,
                    reuse,
                    showing,
                )
    except Exception as exc:  # a template or a bug: name the record, never a traceback
        build.problems.add(render_error(exc, dataset))
        return False
    build.pages.extend(pages)
    if static and build.archive is not None:
        build.problems.extend(build.archive.problems.items)
    with times.phase("coverage"):
        # A statement whose page shows the version in effect, ahead of one recorded to take
        # effect later: the content's version is on that release's page.
        ahead = {pid for pid in dataset.products if build.history.upcoming(pid, marks_date)}
        anchors = page_anchors if reuse is None else reuse.by_identity("anchors", page_anchors)
        build.problems.extend(check_coverage(dataset, pages, ahead, anchors))  # nothing lost
    with times.phase("comparisons"):
        assets = render_assets(collection, settings, tables, reuse, build.history)
        if not static:  # the script and style sheet are the site's, once
            assets = [asset for asset in assets if asset.path not in STATIC_PATHS]
        build.downloads.extend(assets)
    if build.history:
        with times.phase("render"):
            feed = atom_feed(build.history, dataset, settings, showing)
            build.downloads.append(GeneratedAsset(feed_path(settings), feed))
            # The versions' addresses, in this language like their pages.
            build.downloads.extend(render_version_redirects(dataset, settings, build.history))
    return True


def fill_page_blocks(
    build: SiteBuild, page: str, text: str, source: str, *, mark: bool = False
) -> tuple[str, list[Diagnostic]]:
    """A hand-written page's ``<!-- privacy-pages: NAME -->`` blocks filled in, in the page's
    language: a page under a language's folder (``fr/...``), or any page of a build in that
    language (mkdocs-static-i18n's), lists that language's pages in its words. See
    :func:`~.render.blocks.expand_blocks` for ``source`` and ``mark``."""
    settings = build.settings.for_page(page)
    translated = build.languages.get(settings.language)
    dataset = build.dataset if translated is None else translated.dataset
    showing = build.showing(settings.language)
    return expand_blocks(text, page, dataset, settings, source, showing=showing, mark=mark)


#: The packaged script and style sheet (see :func:`~.render.downloads.static_assets`).
STATIC_PATHS = frozenset({SCRIPT, STYLESHEET})


def _postprocessed(postprocess: Callable[[str], str]) -> Callable[[GeneratedPage], GeneratedPage]:
    return lambda page: replace(page, markdown=postprocess(page.markdown))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector during a build: it creates hundreds of thousands
    of objects that stay alive, and each collection would scan them all again. Reference
    counting still frees the rest at once."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
