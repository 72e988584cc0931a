"""The ``privacy-pages`` MkDocs plugin: hooks that hand MkDocs what the pipeline builds.

Each hook says which MkDocs event it handles and why at its event priority; the work itself
is in the core (:mod:`privacy_pages.pipeline`) and in the helpers of this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .. import memo
from ..pipeline import SiteBuild
from ..render.templates import default_templates_dir
from ..settings import Settings
from .config import PrivacyPagesConfig, settings_for_build, settings_for_site, warn_no_records
from .content_links import ContentLinks
from .event_order import warn_unless_first
from .files import ConversionOrder, add_generated_files, add_to_nav, wide_pages_first
from .handwritten import expand_page_blocks
from .i18n import I18N_FILES_PRIORITY, I18nFiles, i18n_plugin
from .languages import page_dataset
from .nav_pages import add_nav_files, name_pages, nav_titles, warn_left_out
from .page_assets import PageAssets
from .page_content import cleaned_content
from .page_languages import PageLanguages
from .page_memory import clear_file_content, clear_page_content
from .page_meta import escape_printed, has_macros, name_product, not_a_template
from .search_view import read_views_in_material
from .serve_state import ServeState
from .site_build import build_pages
from .stash import HtmlBlockStash
from .written_page import finished_output

if TYPE_CHECKING:  # its server, file watcher and TLS libraries are megabytes a build never uses
    from mkdocs.livereload import LiveReloadServer


class PrivacyPagesPlugin(BasePlugin[PrivacyPagesConfig]):  # type: ignore[no-untyped-call]
    """Generates one privacy page per product from the records in ``content/``."""

    # The fast paths, each off as for a pre-rendered page (the tests compare the two ways):
    #: stash the raw HTML blocks of generated pages around Python-Markdown;
    html_blocks_around_markdown = True
    #: write the HTML of their plain blocks (paragraphs, item lists, tables, notes) here;
    plain_blocks_around_markdown = True
    #: have Material's search parse them without the insides of the elements it skips.
    search_views = True

    def __init__(self) -> None:
        self.serve: ServeState | None = None  # under `mkdocs serve`: kept for the next build
        self.settings: Settings | None = None
        self.build: SiteBuild | None = None  # this build's model, pages and problems
        self.banners: dict[str, str] = {}  # under serve: each page's problems, by its path
        self.stash: HtmlBlockStash | None = None  # blocks around Python-Markdown (None: not now)
        self.page_paths: set[str] = set()  # this build's generated pages
        self.nav_titles: dict[str, str] = {}  # their titles in the nav, by path
        self.own_pages: set[str] = set()  # the same, in a build: their content is cleared
        self.order: ConversionOrder | None = None  # in a build: see on_nav
        self.i18n = I18nFiles(None)  # the site's mkdocs-static-i18n plugin (see .i18n)
        self.macros = False  # whether the site runs mkdocs-macros (see .page_meta)
        self.languages: PageLanguages | None = None  # each page in its language
        self.content_links = ContentLinks()  # the records' links on pages a folder deeper
        self.assets: PageAssets | None = None  # generated pages' style sheet and script

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # With this hook, MkDocs keeps one plugin object across the rebuilds of `mkdocs serve`.
        self.serve = ServeState.for_command(command, dirty=dirty)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # Options only: what other plugins may still change is read in on_pre_build.
        self.settings = self.build = self.stash = self.order = self.languages = None
        self.banners, self.own_pages, self.nav_titles = {}, set(), {}  # none of an earlier build
        if self.serve is not None:
            self.serve.next_build()
        if self.config.enabled:
            self.settings = settings_for_site(self.config, config)
            self.content_links.register(config.markdown_extensions)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # After every plugin's on_config: the URLs, the site's Markdown extensions and
        # Material's search index as they are now (Material's offline plugin turns directory
        # URLs off in its on_config, wherever it is listed).
        if self.settings is None:
            return
        self.i18n, self.macros = I18nFiles(i18n_plugin(config)), has_macros(config)
        self.settings = settings_for_build(self.settings, self.config, config, self.i18n.plugin)
        self.languages = PageLanguages(config, self.settings)
        self.assets = PageAssets(config)
        if self.html_blocks_around_markdown:
            self.stash = HtmlBlockStash.for_site(
                config, plain_blocks=self.plain_blocks_around_markdown
            )
        if self.search_views:  # pages this plugin sanitized (see on_page_content)
            memos = self.serve.search_memos() if self.serve else (None, None)
            read_views_in_material(config.plugins, self._own, *memos)

    @event_priority(100)  # before other plugins' on_files: they see the generated pages
    def _add_pages(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self.settings is None:  # disabled
            return files
        serve, stashed = self.serve, self.stash is not None
        build, self.banners = build_pages(self.settings, serve, files, stashed=stashed)
        warn_no_records(self.settings, build.dataset.files)
        add_generated_files(files, config, build, serve.downloads_written if serve else None)
        if config.nav is not None:
            add_to_nav(config, build.pages, self.settings)
        add_nav_files(files, config, build.pages, self.settings)  # for nav plugins
        if serve is not None:
            serve.mark_rebuilds(files, config, build, self.banners)
        warn_unless_first(config, self._add_pages)
        self.build, self.page_paths = build, {page.path for page in build.pages}
        self.nav_titles = nav_titles(build.pages)
        self.content_links.pages(build.pages, self.settings)
        if serve is None:  # a build: nothing to rebuild. MkDocs' files hold the pages now, and
            self.order = ConversionOrder(wide_pages_first(build.pages, self.settings))
            self.own_pages = self.page_paths  # the downloads are written
            memo.clear()
            build.pages, build.downloads = [], []
        return files

    @event_priority(I18N_FILES_PRIORITY + 1)  # see .i18n: i18n would leave them out
    def _hide_from_i18n(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self.build is not None:
            self.i18n.hide(files, self.page_paths)
        return files

    @event_priority(I18N_FILES_PRIORITY - 10)  # after i18n has made the files of its language
    def _add_pages_in_language(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        self.i18n.add_back(files, config)
        return files

    on_files = CombinedEvent(_add_pages, _hide_from_i18n, _add_pages_in_language)

    @event_priority(-100)  # other plugins' on_nav see the files in their order
    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        if self.order is not None:  # see ConversionOrder
            self.order.widest_first(files)
        name_pages(nav, self.nav_titles)
        if self.serve is not None:
            self.serve.title_skipped(nav)
        if self.settings is not None and self.config.nav_check:
            warn_left_out(nav, files, config, self.page_paths, self.settings)
        if self.languages is not None:
            self.languages.nav(nav, files, self.page_paths)
        return nav

    @event_priority(101)  # the files back in their order before any other plugin's on_env
    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        if self.serve is not None and env.bytecode_cache is None:
            env.bytecode_cache = self.serve.theme_code
        if self.stash is not None:  # every page's Markdown is converted by now
            self.stash.converted_all()
        if self.order is not None:  # every page is converted
            self.order.restore(files)
        return env

    @event_priority(100)  # before other plugins read the generated page (macros, meta, i18n)
    def _generated_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.build is None or not self._own(page):
            return markdown
        if self.macros:
            not_a_template(page.meta)
        settings = self.settings or self.build.settings
        name_product(page.meta, page_dataset(self.build, page.file.src_uri, settings))
        markdown = self.banners.get(page.file.src_uri, "") + markdown
        return self.stash.take_out(page.file.src_uri, markdown) if self.stash else markdown

    @event_priority(-90)  # after Material's meta merges .meta.yml (50); before its social (-100)
    def _escape_meta(self, markdown: str, /, *, page: Page, **_: Any) -> str | None:
        if self.build is not None and self._own(page):
            page.meta = escape_printed(page.meta)
        return markdown

    @event_priority(-50)  # after the writer's own Markdown preprocessors (macros...)
    def _handwritten_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.build is None or self._own(page):
            return markdown
        return expand_page_blocks(markdown, page, self.build)  # content: never a template

    on_page_markdown = CombinedEvent(_generated_markdown, _handwritten_markdown, _escape_meta)

    def _page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.build is None:
            return html
        if self.serve is not None:
            self.serve.page_rebuilt(page)
        rows = self.serve.rows if self.serve else None
        generated, stash = self._own(page), self.stash
        return cleaned_content(
            html, page, config, files, generated=generated, stash=stash, rows=rows
        )

    @event_priority(-100)  # after every other plugin's on_page_content
    def _clear_file_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if page.file.src_uri in self.own_pages:
            clear_file_content(page.file)
        return html

    on_page_content = CombinedEvent(_page_content, _clear_file_content)

    def on_page_context(
        self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> Any:
        if self.languages is not None:  # the selector, nav and theme of the page's language
            self.languages.page_context(context, page, config, nav, self.page_paths)
        return context

    def _post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.build is None or self.settings is None or self.languages is None:
            return output
        history, generated = self.build.history, self._own(page)
        return finished_output(
            output, page, self.languages, self.assets, generated=generated, history=history
        )

    @event_priority(-100)  # after every other plugin's on_post_page
    def _clear_page_content(
        self, output: str, /, *, page: Page, config: MkDocsConfig
    ) -> str | None:
        if page.file.src_uri in self.own_pages:
            clear_page_content(page)
        return output

    on_post_page = CombinedEvent(_post_page, _clear_page_content)

    @event_priority(100)  # before the search plugin writes its index
    def _post_build(self, *, config: MkDocsConfig) -> None:
        if self.languages is not None:
            self.languages.post_build(config)
        if self.serve is not None and self.build is not None:
            self.serve.build_completed(config)

    @event_priority(-110)  # after Material's search (0) and offline (-100) plugins wrote it
    def _search_per_language(self, *, config: MkDocsConfig) -> None:
        if self.languages is not None:
            self.languages.split_search(config)

    on_post_build = CombinedEvent(_post_build, _search_per_language)

    def on_build_error(self, *, error: Exception) -> None:
        if self.serve is not None:  # the next rebuild redoes every page
            self.serve.build_failed()

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        if self.settings is not None:
            server.watch(str(self.settings.content_dir))
            server.watch(str(self.settings.templates_dir or default_templates_dir()))
        return server

    def _own(self, page: Page) -> bool:
        """One of this build's generated pages (other plugins generate pages too)."""
        return page.file.src_uri in self.page_paths
