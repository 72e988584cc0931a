"""The MkDocs adapter: a thin plugin over the core (``privacy_pages.site``)."""

from __future__ import annotations

import gc
import html
import logging
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import memo
from .background import BackgroundBuild, can_build_in_background
from .build_cache import BuildCache, KeptBuild
from .comparison_pages import comparison_nav, is_comparison_page
from .content import ContentCache, load_content
from .delivery import Collected, Plan, deliver
from .diagnostics import Diagnostics, Severity
from .exports import SCRIPT, STYLESHEET
from .history_pages import FEED_PATH
from .model import Dataset
from .pages import BLOCKS, BlockKey, PlannedPage, substitute_blocks
from .settings import Settings, SettingsError, settings_from_options
from .spool import Spool
from .templates import default_templates_dir
from .timing import PhaseTimes

T = TypeVar("T")
log = logging.getLogger(f"mkdocs.plugins.{__name__}")
#: Errors fail the build, warnings fail a strict build, info is only shown.
_LOG_LEVEL = {Severity.ERROR: log.error, Severity.WARNING: log.warning, Severity.INFO: log.info}

#: Parsed content per content folder. ``mkdocs serve`` creates a new plugin instance for every
#: rebuild, so the cache lives here to survive between them; files are re-read when they change.
_CACHES: dict[Path, ContentCache] = {}


class PrivacyPagesConfig(Config):  # type: ignore[no-untyped-call]
    """Options of the ``privacy-pages`` plugin in ``mkdocs.yml``."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing its options."""
    content_dir = c.Type(str, default="content")
    """The folder of YAML records, relative to mkdocs.yml."""
    templates_dir = c.Optional(c.Type(str))
    """A folder of templates that override the packaged ones, file by file."""
    pages_dir = c.Type(str, default="privacy")
    """Where the generated pages go, relative to docs_dir."""
    nav_title = c.Type(str, default="Privacy statements")
    """The nav section that lists the product pages (when mkdocs.yml has a nav)."""
    nav_products = c.Type(bool, default=True)
    """List every product page and comparison in the nav. False lists only the data-item index
    (the pages stay reachable from it, from comparisons and from search): with hundreds of
    products, a nav of them all makes every page of the site large."""
    metadata = c.Type(dict, default={})
    """Front-matter rules: ``required`` (a list of keys) and ``types`` (key: text, list or date)."""
    cache = c.Type(bool, default=True)
    """Keep each ``mkdocs build``'s generated pages in ``cache_dir`` and reuse them while no
    record, template or setting has changed (a build after editing only hand-written pages)."""
    cache_dir = c.Type(str, default=".cache/privacy-pages")
    """The build cache's folder, relative to mkdocs.yml (Material keeps its caches in .cache)."""
    parallel = c.Type(bool, default=True)
    """In ``mkdocs build``, load the content and render the generated pages in a second process
    while MkDocs turns the first ones into HTML (where ``os.fork`` exists and the machine has a
    second core): MkDocs' process never holds the records."""
    lint = c.Type(dict, default={})
    """Lint rules: rule id → error, warning, info or off, or → {severity: ..., OPTION: value}."""
    history = c.Type(dict, default={})
    """Release history: ``updated_marks_days`` (how long changed items stay marked, default 90)
    and ``today`` (the date to judge by, default the build date)."""


class PrivacyPagesPlugin(BasePlugin[PrivacyPagesConfig]):  # type: ignore[no-untyped-call]
    """Generates one privacy page per product from the records in ``content/``."""

    def __init__(self) -> None:
        #: Parsed content kept for the next rebuild (none when MkDocs builds once).
        self.cache: ContentCache | None = None
        self.settings: Settings | None = None
        #: Whether MkDocs builds once (``mkdocs build``), so that parsed content need not be
        #: kept for a rebuild. Unknown (False) when MkDocs is driven without ``on_startup``.
        self.one_shot = False
        self.spool: Spool | None = None
        #: This build's plan: its generated pages and downloads.
        self.plan: Plan | None = None
        #: The blocks of the hand-written pages, rendered with the pages.
        self.blocks: dict[BlockKey, str] | None = None
        #: The model, where this process has it (for a block not rendered with the pages).
        self.dataset: Dataset | None = None
        #: Seconds spent in each phase of the plugin's work in this process.
        self.timings = PhaseTimes()
        #: The build cache of a one-shot build, and the build it keeps for the current inputs.
        self.build_cache: BuildCache | None = None
        self.kept: KeptBuild | None = None
        #: The process building this build's pages, while MkDocs reads the first ones.
        self.background: BackgroundBuild | None = None
        #: The building process's own phases (it runs beside MkDocs: for the benchmark).
        self.background_timings: dict[str, float] = {}
        #: How many of the build's problems have been reported.
        self._reported = 0
        #: Whether the background build's outcome has been taken in.
        self._finished = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # With this hook, MkDocs keeps one plugin object across the rebuilds of ``mkdocs serve``.
        self.one_shot = command != "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # MkDocs may reuse this object for another build (serve, or several sites in one
        # process): nothing of an earlier build carries over.
        self._stop_background()
        self._remove_spool()
        self.settings = None
        self.cache = None
        self.plan = self.blocks = self.dataset = None
        self.timings = PhaseTimes()
        self.build_cache = self.kept = None
        self.background_timings = {}
        self._reported = 0
        self._finished = False
        if not self.config.enabled:
            return config
        adapter_only = {"enabled", "cache", "cache_dir", "parallel"}
        options = {k: v for k, v in self.config.items() if v is not None and k not in adapter_only}
        try:
            self.settings = settings_from_options(options, Path(config.config_file_path).parent)
        except SettingsError as exc:
            raise PluginError(f"privacy-pages: {exc}") from exc
        self.settings = replace(
            self.settings,
            directory_urls=bool(config.use_directory_urls),
            site_url=config.site_url or None,
        )
        # Nothing to rebuild after ``mkdocs build``: parsed records go when the build is done.
        if not self.one_shot:
            self.cache = _CACHES.setdefault(self.settings.content_dir, ContentCache())
        if "admonition" not in config.markdown_extensions:  # notes are admonitions
            config.markdown_extensions.append("admonition")
        if "attr_list" not in config.markdown_extensions:  # heading ids of the data-item index
            config.markdown_extensions.append("attr_list")
        # The comparison tables' packaged script and style sheet (no CDN: served by the site).
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        if self.one_shot:
            self._start(config)
        return config

    def _start(self, config: MkDocsConfig) -> None:
        """Look for a kept build, else start building in a second process: it works while
        MkDocs cleans the site folder and lists its files."""
        assert self.settings is not None
        if self.config.cache:
            with self.timings.phase("cache"):
                folder = Path(config.config_file_path).parent / self.config.cache_dir
                self.build_cache = BuildCache(self.settings, folder)
                self.kept = self.build_cache.read()
        if self.kept is None and self.config.parallel and can_build_in_background():
            self.spool = Spool()
            today = self.build_cache.today if self.build_cache is not None else None
            self.background = BackgroundBuild(self.settings, self.spool, today, self.build_cache)
            try:
                self.background.start()
            except OSError as exc:  # no process to spare (limits, memory): build here
                log.info(f"privacy-pages: building in this process: {exc}")
                self.background = None

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self.settings is None:
            return files
        sources = [
            (file.src_uri, file.abs_src_path)
            for file in files
            if file.is_documentation_page() and file.abs_src_path and file.generated_by is None
        ]
        try:
            plan = self._deliver(sources)
        except PluginError:
            self._stop_background()
            raise
        except Exception as exc:  # content problems are diagnostics; anything else is a bug
            self._stop_background()
            raise _internal_error(self.settings, exc) from exc
        self.plan = plan
        docs_dir = Path(config.docs_dir)
        for page in plan.pages:
            existing = files.get_file_from_path(page.path)
            if existing is not None:
                self._stop_background()
                raise PluginError(
                    f"privacy-pages: {page.path} would replace the hand-written page "
                    f"{existing.abs_src_path}; rename one of them"
                )
        spool = self.spool
        assert spool is not None
        for page in plan.pages:
            listed = self.settings.nav_products or not (
                page.product_id or is_comparison_page(page.path, self.settings)
            )
            generated = self._spooled(config, page.path, spool, listed)
            if page.source is not None:
                generated.edit_uri = Path(os.path.relpath(page.source, docs_dir)).as_posix()
            files.append(generated)
        for path in plan.assets:
            files.append(self._spooled(config, path, spool, True, page=False))
        if config.nav is not None:
            self._add_to_nav(config, plan.pages)
        if self.one_shot:  # no rebuild to come: let the memo caches go too
            memo.clear()
            # What is alive now (MkDocs' config and files) lives until the process ends: move
            # it out of the garbage collector's sight, so that its full collections during
            # MkDocs' own work do not scan it again and again. Not under ``mkdocs serve``,
            # where a rebuild's leftovers must stay collectable.
            gc.freeze()
        if self.background is not None:
            count = len(plan.pages)
            log.debug(f"privacy-pages: building {count} pages in a second process")
        return files

    def _deliver(self, sources: list[tuple[str, str]]) -> Plan:
        """This build's plan, with its pages in the spool or (``self.background``) on their
        way there; what was found so far is reported (errors raise)."""
        assert self.settings is not None
        if self.background is not None:
            with self.timings.phase("wait"):
                plan = self.background.plan(sources)
            if plan is None:  # the content has errors: the outcome lists them
                self._taken()
                raise AssertionError("a build without a plan has errors")  # pragma: no cover
            self._report_new(plan.problems)
            return plan
        self._remove_spool()
        self.spool = Spool()
        if self.kept is not None:
            with self.timings.phase("cache"):
                problems = self.kept.unpack(self.spool)
            if problems is not None:  # else damaged: build again
                self.blocks = self.kept.blocks
                self._report_new(self.kept.plan.problems)
                self._report_new(problems)
                return self.kept.plan
            self.kept = None
        try:
            return self._deliver_here(sources)
        finally:
            self.build_cache = None  # written or abandoned

    def _deliver_here(self, sources: list[tuple[str, str]]) -> Plan:
        """Build in this process: under ``mkdocs serve``, with ``parallel: false``, where a
        second process cannot run, or when the kept build turns out to be damaged."""
        assert self.settings is not None and self.spool is not None
        recipient = Collected(sources)
        today = self.build_cache.today if self.build_cache is not None else None
        writer = self.build_cache.writer() if self.build_cache is not None else None
        try:
            outcome, build = deliver(
                self.settings,
                self.spool,
                recipient,
                cache=self.cache,
                today=today,
                keep_records=not self.one_shot,
                writer=writer,
            )
            if writer is not None:
                with build.timings.phase("cache"):
                    writer.commit(build)  # a build with errors is not kept
        except BaseException:
            if writer is not None:
                writer.abandon()  # no half-written file left in the cache folder
            raise
        self.timings.update(
            {name: self.timings.get(name, 0.0) + s for name, s in build.timings.items()}
        )
        # Blocks are rendered; keep the model for a block added later by another plugin, but
        # not in a one-shot build, where MkDocs can use the memory (such a block loads it).
        self.dataset = None if self.one_shot else build.dataset
        self.blocks = recipient.rendered_blocks
        if recipient.plan is not None:
            self._report_new(recipient.plan.problems)
        self._report_new(outcome.problems)
        assert recipient.plan is not None  # a build without a plan has errors: reported
        return recipient.plan

    def _spooled(
        self, config: MkDocsConfig, path: str, spool: Spool, listed: bool, *, page: bool = True
    ) -> File:
        """A generated file in the spool (the background build may still be writing it:
        reading it then waits for it)."""
        # Not listed: out of the automatic nav, and no "not in nav" message.
        inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
        target = str(spool.path(path))
        if self.background is None:
            return File.generated(config, path, abs_src_path=target, inclusion=inclusion)
        generated = SpooledFile.generated(config, path, abs_src_path=target, inclusion=inclusion)
        assert isinstance(generated, SpooledFile)
        generated.ready = partial(self._await, path if page else None)
        return generated

    def _await(self, path: str | None) -> None:
        """Wait until the background build has written ``path`` (None: everything), and
        report what it found once it is done."""
        background = self.background
        if background is None or self.settings is None:
            return
        with self.timings.phase("wait"):
            self._guarded(background.finish if path is None else partial(background.wait, path))
        self._taken()

    def _taken(self) -> None:
        """Once the background build is done: take in its timings, report its problems."""
        background = self.background
        if background is None or background.outcome is None or self._finished:
            return
        self._finished = True
        outcome = background.outcome
        self.background_timings = dict(background.timings)
        if outcome.fallback:
            log.info(f"privacy-pages: pages built in this process: {outcome.fallback}")
        try:
            self._report_new(outcome.problems)
        finally:
            if outcome.problems.errors:
                self._stop_background()

    def _report_new(self, problems: Diagnostics) -> None:
        """Log the problems of ``problems`` not reported yet (each report of a build lists
        those before it first); errors stop the build."""
        assert self.settings is not None
        found = Diagnostics(problems.items[self._reported :])
        self._reported = max(self._reported, len(problems.items))
        for problem in found.sorted():
            _LOG_LEVEL[problem.severity](str(problem))
        if problems.errors:
            count = len(problems.errors)
            raise PluginError(
                f"privacy-pages: {count} content error{'s' if count != 1 else ''} "
                f"in {self.settings.content_dir} (listed above)"
            )

    def on_env(
        self, env: Environment, /, *, config: MkDocsConfig, files: Files
    ) -> Environment | None:
        # Every page is read by now; the downloads are copied next. Wait for the background
        # build to finish everything, and report what it found (a strict build counts it).
        self._await(None)
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._await(None)
        self._stop_background()
        self._remove_spool()

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_background()
        self._remove_spool()

    def on_shutdown(self) -> None:
        self._stop_background()
        self._remove_spool()
        self.one_shot = False  # the invocation is over; MkDocs may reuse this object

    def _stop_background(self) -> None:
        if self.background is not None:
            self.background.stop()
            self.background = None
        if self.kept is not None:
            self.kept.close()
            self.kept = None

    def _guarded(self, wait: Callable[[], T]) -> T:
        """Run ``wait`` on the background build; if the build fails in both processes (a
        bug), stop the build with a message, not a traceback."""
        try:
            return wait()
        except Exception as exc:
            self._stop_background()
            raise _internal_error(self._settings(), exc) from exc

    def _remove_spool(self) -> None:
        if self.spool is not None:
            self.spool.remove()
            self.spool = None

    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        if self.plan is not None:
            _read_large_pages_early(files, self.plan.pages)
        return nav

    def _add_to_nav(self, config: MkDocsConfig, pages: Sequence[PlannedPage]) -> None:
        assert self.settings is not None
        title = self.settings.nav_title
        # The theme prints nav titles as HTML without escaping: escape them here.
        entries: list[Any] = []
        if self.settings.nav_products:
            entries += [{escape(p.title): p.path} for p in pages if p.product_id]
        entries += comparison_nav(pages, self.settings)
        nav: list[Any] = config.nav or []
        for index, entry in enumerate(nav):
            if isinstance(entry, dict) and title in entry:
                nav[index] = {title: entries}
                return
        nav.append({title: entries})

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.plan is None:
            return markdown
        if self.background is not None:  # take in what it sent: it stops when that is full
            self._guarded(self.background.drain)
            self._taken()
        if page.file.generated_by is not None:
            # Front matter comes from content, and the theme prints page.meta (title,
            # description) into the HTML without escaping: escape every value once, here.
            page.meta = {key: escape_meta(value) for key, value in (page.meta or {}).items()}
            return markdown
        source = page.file.abs_src_path or page.file.src_uri
        render = partial(self._block, page.file.src_uri)
        expanded, problems = substitute_blocks(markdown, source, render)
        for problem in problems:
            log.error(str(problem))
        if problems:
            raise PluginError(f"privacy-pages: unknown block in {page.file.src_uri}")
        return expanded

    def _block(self, page: str, name: str, args: list[str]) -> str:
        """A block of the hand-written page ``page``: rendered with the pages, or here."""
        if self.blocks is None and self.background is not None:
            with self.timings.phase("wait"):
                self.blocks = self._guarded(self.background.blocks)
            self._taken()
        rendered = (self.blocks or {}).get((page, name, tuple(args)))
        if rendered is not None:
            return rendered
        return BLOCKS[name](self._model(), self._settings(), page, args)

    def _model(self) -> Dataset:
        """The model, for a block not rendered with the pages (another plugin added it to the
        page, or the build cache has none for it): this build's, if this process has it, else
        loaded."""
        if self.dataset is None and self.background is not None:
            self.dataset = self.background.dataset
        if self.dataset is None:
            log.debug("privacy-pages: loading the content for a block not rendered with the pages")
            self.dataset, _ = load_content(self._settings().content_dir, self._settings().metadata)
        return self.dataset

    def _settings(self) -> Settings:
        assert self.settings is not None
        return self.settings

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        meta = page.meta or {}
        if self.plan is not None and self.plan.history:
            output = add_feed_link(output, get_relative_url(FEED_PATH, page.url))
        if self.plan is None or "product_id" not in meta:
            return output
        return add_meta_tags(output, meta)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        if self.settings is not None:
            server.watch(str(self.settings.content_dir))
            templates = self.settings.templates_dir or default_templates_dir()
            server.watch(str(templates))
        return server


#: Where MkDocs reads the comparisons and the data-item index: after this share of the
#: product pages (see :func:`_read_large_pages_early`).
LARGE_PAGES_AFTER = 0.25


def _read_large_pages_early(files: Files, pages: Sequence[PlannedPage]) -> None:
    """Have MkDocs read the comparisons and the data-item index (the largest pages: the index
    lists every data item) after the first quarter of the product pages rather than last.

    MkDocs keeps every page's HTML until the build ends, so the memory it takes to convert a
    page adds to that of the pages before it: a large page read last adds to them all. They are
    not read first either, because they are rendered last (they need every product's
    statements), and a background build is that far ahead of MkDocs by then. The nav, built
    before this hook, keeps its order; only the order MkDocs reads and writes pages changes.
    """
    generated = [(page, files.get_file_from_path(page.path)) for page in pages]
    products = [file for page, file in generated if page.product_id and file is not None]
    others = [file for page, file in generated if not page.product_id and file is not None]
    if not products or not others:
        return
    first = round(len(products) * LARGE_PAGES_AFTER)
    for file in [*others, *products[first:]]:
        files.remove(file)
        files.append(file)


_HEAD_END = re.compile(r"</head>", re.IGNORECASE)


def add_feed_link(output: str, href: str) -> str:
    """Announce the Atom feed of changes in the page's ``<head>``."""
    tag = (
        '<link rel="alternate" type="application/atom+xml" '
        f'title="What changed" href="{html.escape(href)}">'
    )
    return _HEAD_END.sub(lambda _: tag + "\n</head>", output, count=1)


def escape_meta(value: Any) -> Any:
    """A front-matter value as HTML-escaped :class:`~markupsafe.Markup` (never escaped twice)."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escape(item) if isinstance(item, str) else item for item in value]
    return value


def add_meta_tags(output: str, meta: Mapping[str, Any]) -> str:
    """Add ``<meta name=KEY>`` for every metadata key the theme did not already write."""
    head_end = _HEAD_END.search(output)
    if head_end is None:
        return output
    head = output[: head_end.start()]  # only the head is searched, not the whole page
    tags = []
    for key, value in meta.items():
        if key == "title" or value is None:
            continue
        if re.search(rf'<meta\s+name="{re.escape(key)}"', head):
            continue
        text = Markup(", ").join(map(escape, value)) if isinstance(value, list) else escape(value)
        tags.append(f'<meta name="{html.escape(key)}" content="{text}">')
    if not tags:
        return output
    return head + "\n".join(tags) + "\n</head>" + output[head_end.end() :]


class SpooledFile(File):
    """A generated file that the background build may still be writing: anything that reads
    it (MkDocs reading a page, copying a download, another plugin) first waits for it."""

    ready: Callable[[], None] | None = None

    def _wait(self) -> None:
        if self._content is None and self.ready is not None:
            self.ready()

    @property
    def content_bytes(self) -> bytes:
        self._wait()
        return File.content_bytes.fget(self)  # type: ignore[attr-defined,no-any-return]

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        File.content_bytes.fset(self, value)  # type: ignore[attr-defined]

    @property
    def content_string(self) -> str:
        self._wait()
        return File.content_string.fget(self)  # type: ignore[attr-defined,no-any-return]

    @content_string.setter
    def content_string(self, value: str) -> None:
        File.content_string.fset(self, value)  # type: ignore[attr-defined]

    def copy_file(self, dirty: bool = False) -> None:
        self._wait()
        super().copy_file(dirty)

    def is_modified(self) -> bool:
        self._wait()
        return super().is_modified()


def _internal_error(settings: Settings, exc: Exception) -> PluginError:
    return PluginError(
        f"privacy-pages: internal error while building {settings.content_dir}: "
        f"{type(exc).__name__}: {exc} (this is a bug in privacy-pages; please report it)"
    )
