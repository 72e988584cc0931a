"""The ``privacy-pages`` MkDocs plugin: hooks that hand MkDocs what the pipeline builds.

Each hook says which MkDocs event it handles and why at its event priority (without one: MkDocs'
default, 0, in the order of ``plugins:``). The work itself is in the core
(:mod:`privacy_pages.pipeline`) and in the objects of this package, this build's generated pages
(:mod:`.generated_pages`) first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..render.templates import default_templates_dir
from ..settings import Settings
from . import speedups
from .config import PrivacyPagesConfig, settings_for_build, settings_for_site
from .content_links import ContentLinks
from .event_order import warn_unless_first
from .generated_pages import GeneratedPages
from .i18n import I18N_PRIORITY, CheckedContent, i18n_plugin
from .serve_state import ServeSession, ServeState
from .speedups.stash import HtmlBlockStash

if TYPE_CHECKING:  # its server, file watcher and TLS libraries are megabytes a build never uses
    from mkdocs.livereload import LiveReloadServer


class PrivacyPagesPlugin(BasePlugin[PrivacyPagesConfig]):  # type: ignore[no-untyped-call]
    """Generates one privacy page per product from the records in ``content/``."""

    # The speed paths (.speedups), each off as for a pre-rendered page (``speedups: false``):
    #: take the raw HTML blocks of generated pages around Python-Markdown's parsing;
    html_blocks_around_markdown = True
    #: write the HTML of their plain blocks (paragraphs, item lists, tables, notes) here;
    plain_blocks_around_markdown = True
    #: have Material's search parse them without the insides of the elements it skips;
    search_views = True
    #: have mkdocs-static-i18n look for duplicate search entries among those that can be.
    i18n_duplicates_in_part = True

    def __init__(self) -> None:
        self.session: ServeSession | None = None  # under `mkdocs serve`: kept for the next build
        self.serve: ServeState | None = None  # the same, of the language this build is in
        self.settings: Settings | None = None
        self.block_stash = HtmlBlockStash()  # the Markdown extension that stores those blocks
        self.stash: HtmlBlockStash | None = None  # blocks around Python-Markdown (None: not now)
        self.pages: GeneratedPages | None = None  # this build's, once on_files has added them
        self.content_links = ContentLinks()  # the records' links on pages a folder deeper
        self.checked = CheckedContent()  # with mkdocs-static-i18n: its first build's check

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """``on_startup``, in any order: with it, MkDocs keeps one plugin object across rebuilds."""
        self.session = ServeSession.for_command(command, dirty=dirty)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """``on_config``: options only; what other plugins may change is read in on_pre_build.
        Under serve, what the last build in this build's language kept (mkdocs-static-i18n
        builds each language in turn, each with its own ``on_config``)."""
        self.settings = self.pages = self.stash = None  # none of an earlier build
        self.serve = self.session.for_build(config) if self.session is not None else None
        if self.config.enabled:
            self.settings = settings_for_site(self.config, config)
            self.content_links.register(config.markdown_extensions)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """``on_pre_build``, after every plugin's ``on_config``: the URLs (Material's offline plugin
        turns directory URLs off in its own), Markdown extensions and search index as they are."""
        if self.settings is None:
            return
        self.settings = settings_for_build(self.settings, self.config, config, i18n_plugin(config))
        memos = self.serve.search_memos() if self.serve else (None, None)
        self.stash = speedups.for_build(config, self, self.block_stash, self._own, memos)

    @event_priority(100)  # on_files, before other plugins': they see the generated pages
    def _add_pages(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self.settings is None:  # disabled
            return files
        self.pages = GeneratedPages.add(
            files, config, self.settings, self.serve, self.stash, self.content_links, self.checked
        )
        warn_unless_first(config, self._add_pages)
        return files

    @event_priority(I18N_PRIORITY + 1)  # on_files, see .i18n: i18n would leave them out
    def _hide_from_i18n(self, files: Files, /, **_: Any) -> Files | None:
        if self.pages is not None:
            self.pages.hide_from_i18n(files)
        return files

    @event_priority(I18N_PRIORITY - 10)  # on_files, after i18n has made its language's files
    def _add_pages_in_language(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self.pages is not None:
            self.pages.add_in_language(files, config)
        return files

    on_files = CombinedEvent(_add_pages, _hide_from_i18n, _add_pages_in_language)

    @event_priority(-100)  # on_nav: other plugins' see the files in their order
    def _in_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        if self.pages is not None:
            self.pages.in_nav(nav, files, config, check=self.config.nav_check)
        elif self.serve is not None:  # off: the pages a rebuild skips still keep their titles
            self.serve.title_skipped(nav)
        return nav

    @event_priority(I18N_PRIORITY + 1)  # on_nav, just before i18n's (see .i18n)
    def _in_language_section(self, nav: Navigation, /, **_: Any) -> Navigation | None:
        if self.pages is not None:
            self.pages.in_language_section(nav)
        return nav

    on_nav = CombinedEvent(_in_nav, _in_language_section)

    @event_priority(101)  # the files back in their order before any other plugin's on_env
    def on_env(self, env: Environment, /, *, files: Files, **_: Any) -> Environment | None:
        if self.serve is not None and env.bytecode_cache is None:
            env.bytecode_cache = self.serve.theme_code
        if self.pages is not None:  # every page is converted
            self.pages.all_converted(files)
        return env

    @event_priority(100)  # on_page_markdown, before other plugins read it (macros, meta, i18n)
    def _generated_markdown(self, markdown: str, /, *, page: Page, **_: Any) -> str | None:
        return self.pages.markdown(markdown, page) if self.pages else markdown

    @event_priority(-90)  # on_page_markdown: after Material's meta (50), before its social (-100)
    def _escape_meta(self, markdown: str, /, *, page: Page, **_: Any) -> str | None:
        if self.pages is not None:
            self.pages.escape_meta(page)
        return markdown

    @event_priority(-50)  # on_page_markdown, after the writer's own preprocessors (macros...)
    def _handwritten_markdown(self, markdown: str, /, *, page: Page, **_: Any) -> str | None:
        return self.pages.fill_blocks(markdown, page) if self.pages else markdown

    on_page_markdown = CombinedEvent(_generated_markdown, _handwritten_markdown, _escape_meta)

    def _page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """``on_page_content``, at the default priority: before its content is cleared (-100)."""
        return self.pages.content(html, page, config, files) if self.pages else html

    @event_priority(-100)  # after every other plugin's on_page_content
    def _clear_file_content(self, html: str, /, *, page: Page, **_: Any) -> str | None:
        if self.pages is not None:
            self.pages.converted(page)
        return html

    on_page_content = CombinedEvent(_page_content, _clear_file_content)

    def _post_page(self, output: str, /, *, page: Page, **_: Any) -> str | None:
        """``on_post_page``, at the default priority: before its output is cleared (-100)."""
        return self.pages.output(output, page) if self.pages else output

    @event_priority(-100)  # after every other plugin's on_post_page
    def _clear_page_content(self, output: str, /, *, page: Page, **_: Any) -> str | None:
        if self.pages is not None:
            self.pages.written(page)
        return output

    on_post_page = CombinedEvent(_post_page, _clear_page_content)

    @event_priority(100)  # on_post_build, before the search plugin writes its index
    def _built(self, *, config: MkDocsConfig) -> None:
        if self.pages is not None:
            self.pages.built(config)

    @event_priority(I18N_PRIORITY + 50)  # on_post_build: after search wrote its index (0),
    def _search_index_written(self, *, config: MkDocsConfig) -> None:  # before i18n's (-100)
        if self.serve is not None:
            self.serve.search_index_written(config)

    on_post_build = CombinedEvent(_built, _search_index_written)

    def on_build_error(self, *, error: Exception) -> None:
        """``on_build_error``, in any order: the next rebuild redoes every page."""
        if self.session is not None:
            self.session.build_failed()

    def on_serve(self, server: LiveReloadServer, /, **_: Any) -> LiveReloadServer | None:
        """``on_serve``, in any order: the server watches the content and templates too."""
        if self.settings is not None:
            server.watch(str(self.settings.content_dir))
            server.watch(str(self.settings.templates_dir or default_templates_dir()))
        return server

    def _own(self, page: Page) -> bool:
        """One of this build's generated pages (other plugins generate pages too)."""
        return self.pages is not None and self.pages.owns(page)
