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
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import memo
from .background import BackgroundRender, Outcome, can_render_in_background
from .build_cache import BuildCache, cached_build
from .comparison_pages import comparison_nav, is_comparison_page
from .content import ContentCache
from .diagnostics import Diagnostic, Diagnostics, Severity
from .exports import SCRIPT, STYLESHEET
from .history_pages import FEED_PATH
from .pages import GeneratedPage, PlannedPage, expand_blocks
from .settings import Settings, SettingsError, settings_from_options
from .site import SiteBuild, build_site, check_build, planned_assets
from .spool import Spool
from .templates import default_templates_dir
from .timing import PhaseTimes

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
    """In ``mkdocs build``, render the generated pages in a second process while MkDocs turns
    the first ones into HTML (where ``os.fork`` exists and the machine has a second core)."""
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
        #: The last build: its dataset and history (for blocks in hand-written pages and the
        #: feed link) and its timings. Page texts are not kept: MkDocs reads them from the spool.
        self.build: SiteBuild | None = None
        #: Whether MkDocs builds once (``mkdocs build``), so that parsed content need not be
        #: kept for a rebuild. Unknown (False) when MkDocs is driven without ``on_startup``.
        self.one_shot = False
        self.spool: Spool | None = None
        #: The process rendering this build's pages, while MkDocs reads the first ones.
        self.background: BackgroundRender | None = None
        #: The rendering process's own phases (it runs beside MkDocs: for the benchmark).
        self.background_timings: dict[str, float] = {}
        #: Whether what the background render found has been reported.
        self._reported = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # With this hook, MkDocs keeps one plugin object across the rebuilds of ``mkdocs serve``.
        self.one_shot = command != "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # MkDocs may reuse this object for another build (serve, or several sites in one
        # process): nothing of an earlier build carries over.
        self.settings = None
        self.build = None
        self.cache = None
        self._stop_background()
        self.background_timings = {}
        self._reported = False
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
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self.settings is None:
            return files
        try:
            build = self._build(config)
        except Exception as exc:  # content problems are diagnostics; anything else is a bug
            raise _internal_error(self.settings, exc) from exc
        self.build = build
        self._report(build.problems.items)
        docs_dir = Path(config.docs_dir)
        planned = build.plan if self.background is not None else build.pages
        for page in planned:
            existing = files.get_file_from_path(page.path)
            if existing is not None:
                self._stop_background()
                raise PluginError(
                    f"privacy-pages: {page.path} would replace the hand-written page "
                    f"{existing.abs_src_path}; rename one of them"
                )
        spool = self.spool
        assert spool is not None
        for page in planned:
            listed = self.settings.nav_products or not (
                page.product_id or is_comparison_page(page.path, self.settings)
            )
            generated = self._spooled(config, page, spool, listed)
            if page.source is not None:
                generated.edit_uri = Path(os.path.relpath(page.source, docs_dir)).as_posix()
            files.append(generated)
        if self.background is not None:
            for path in planned_assets(build):
                files.append(self._spooled_asset(config, path, spool))
        else:
            for path, content in build.assets:
                spooled = str(spool.write(path, content))
                files.append(File.generated(config, path, abs_src_path=spooled))
        if config.nav is not None:
            self._add_to_nav(config, planned)
        # MkDocs reads the pages from the spool; keep only what later hooks need.
        build.pages, build.assets = [], []
        build.dataset = replace(build.dataset, records={})
        if self.one_shot:  # no rebuild to come: let the memo caches go too
            memo.clear()
            # What is alive now (MkDocs' config and files, the model kept for blocks) lives
            # until the process ends: move it out of the garbage collector's sight, so that
            # its full collections during MkDocs' own work do not scan it again and again.
            # Not under ``mkdocs serve``, where a rebuild's leftovers must stay collectable.
            gc.freeze()
        if self.background is not None:
            count = len(build.plan)
            log.debug(f"privacy-pages: rendering {count} pages in a second process")
            self.background.start()
        return files

    def _build(self, config: MkDocsConfig) -> SiteBuild:
        """This build's pages: from the build cache, rendered here, or (``self.background``)
        planned here and rendered by a second process once ``on_files`` is done."""
        assert self.settings is not None
        self._remove_spool()
        self.spool = Spool()
        cache: BuildCache | None = None
        times = PhaseTimes()
        if self.one_shot and self.config.cache:
            with times.phase("cache"):
                cache = BuildCache(
                    self.settings, Path(config.config_file_path).parent / self.config.cache_dir
                )
                kept = cache.read()
            if kept is not None:
                kept.timings = times
                return kept
        if not (self.one_shot and self.config.parallel and can_render_in_background()):
            if cache is not None:
                return cached_build(self.settings, cache.path.parent, today=cache.today)
            return build_site(self.settings, self.cache, keep_records=not self.one_shot)
        today = cache.today if cache is not None else None
        build = check_build(self.settings, today=today, keep_records=False)
        build.timings.update(times)
        if build.ok:
            self.background = BackgroundRender(build, self.spool, today, cache)
        return build

    def _spooled(
        self, config: MkDocsConfig, page: PlannedPage | GeneratedPage, spool: Spool, listed: bool
    ) -> File:
        """A generated page's file in the spool (still being written by the background render:
        reading it waits for it)."""
        path = page.path
        # Not listed: out of the automatic nav, and no "not in nav" message.
        inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
        if self.background is None:
            assert isinstance(page, GeneratedPage)
            target = str(spool.write(path, page.markdown))
            return File.generated(config, path, abs_src_path=target, inclusion=inclusion)
        target = str(spool.path(path))
        generated = SpooledFile.generated(config, path, abs_src_path=target, inclusion=inclusion)
        assert isinstance(generated, SpooledFile)
        generated.ready = partial(self._await, path)
        return generated

    def _spooled_asset(self, config: MkDocsConfig, path: str, spool: Spool) -> File:
        generated = SpooledFile.generated(config, path, abs_src_path=str(spool.path(path)))
        assert isinstance(generated, SpooledFile)
        generated.ready = partial(self._await, None)
        return generated

    def _await(self, path: str | None) -> None:
        """Wait until the background render has written ``path`` (None: everything), and
        report what it found once it is done."""
        background = self.background
        if background is None or self.build is None or self.settings is None:
            return
        checked = len(self.build.problems.items)
        times = self.build.timings
        try:
            with times.phase("wait"):
                if path is None:
                    outcome: Outcome | None = background.finish()
                else:
                    background.wait(path)
                    outcome = background.outcome
        except Exception as exc:  # the render failed in both processes: a bug
            self._stop_background()
            raise _internal_error(self.settings, exc) from exc
        if outcome is None or self._reported:
            return
        self._reported = True
        self.background_timings = dict(background.timings)
        if outcome.fallback:
            log.info(f"privacy-pages: pages rendered in this process: {outcome.fallback}")
        self.build.problems = outcome.problems  # reported from here on
        try:
            self._report(outcome.problems.items[checked:])
        finally:
            if outcome.problems.errors:
                self._stop_background()

    def _report(self, problems: list[Diagnostic]) -> None:
        """Log ``problems``; errors stop the build."""
        assert self.settings is not None
        found = Diagnostics(problems)
        for problem in found.sorted():
            _LOG_LEVEL[problem.severity](str(problem))
        if found.errors:
            count = len(found.errors)
            raise PluginError(
                f"privacy-pages: {count} content error{'s' if count != 1 else ''} "
                f"in {self.settings.content_dir} (listed above)"
            )

    def on_env(
        self, env: Environment, /, *, config: MkDocsConfig, files: Files
    ) -> Environment | None:
        # Every page is read by now; the downloads are copied next. Wait for the background
        # render to finish everything, and report what it found (a strict build counts it).
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

    def _remove_spool(self) -> None:
        if self.spool is not None:
            self.spool.remove()
            self.spool = None

    def _add_to_nav(
        self, config: MkDocsConfig, pages: Sequence[PlannedPage | GeneratedPage]
    ) -> None:
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
        if self.build is None:
            return markdown
        if page.file.generated_by is not None:
            # Front matter comes from content, and the theme prints page.meta (title,
            # description) into the HTML without escaping: escape every value once, here.
            page.meta = {key: escape_meta(value) for key, value in (page.meta or {}).items()}
            return markdown
        source = page.file.abs_src_path or page.file.src_uri
        expanded, problems = expand_blocks(
            markdown, page.file.src_uri, self.build.dataset, self.build.settings, source
        )
        for problem in problems:
            log.error(str(problem))
        if problems:
            raise PluginError(f"privacy-pages: unknown block in {page.file.src_uri}")
        return expanded

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        meta = page.meta or {}
        if self.build is not None and self.build.history:
            output = add_feed_link(output, get_relative_url(FEED_PATH, page.url))
        if self.build is None or "product_id" not in meta:
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
    """A generated file that the background render may still be writing: anything that reads
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
