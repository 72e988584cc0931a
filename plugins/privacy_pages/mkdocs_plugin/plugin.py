"""The ``privacy-pages`` MkDocs plugin: hooks that hand MkDocs what the pipeline builds.

Which hook does what (the work itself is in the core, :mod:`privacy_pages.pipeline`):

- ``on_startup``: under ``mkdocs serve``, keep parsed content in memory between rebuilds, and
  preview: content errors do not stop a rebuild; each page shows its problems in a banner.
- ``on_config``: read the options into :class:`~privacy_pages.settings.Settings`; add the
  Markdown extensions, the script and the style sheet that generated pages need.
- ``on_pre_build``: have Material's search read generated pages without the insides of the
  cells it skips anyway (:mod:`.search_view`).
- ``on_files``: run the pipeline (load → check → render), report its problems, and add the
  generated pages and downloads to MkDocs' files and nav.
- ``on_nav``, ``on_env``: a build converts the widest generated pages first, then puts the
  files back in their order (the memory of each page's conversion is reused by the next).
- ``on_page_markdown``: fill the ``<!-- privacy-pages: NAME -->`` blocks of hand-written pages,
  and escape the metadata of generated pages (the theme prints it unescaped); take their raw
  HTML blocks around Python-Markdown (:mod:`.html_blocks`).
- ``on_page_content``: put those blocks back; clean the HTML of generated pages and blocks with
  an allowlist. Last of every plugin, a build lets the text of one of its own pages go from
  its file: MkDocs has read and converted it.
- ``on_post_page``: link the Atom feed, and add each product's metadata as ``<meta>`` tags.
  Last of every plugin, a build lets the HTML of one of its own pages go: it is written.
- ``on_post_build``: under ``mkdocs serve --dirty``, note what the site now holds, so that the
  next rebuild redoes only the pages an edit changed (:mod:`.rebuilds`).
- ``on_serve``: watch the content folder and the templates.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .. import memo
from ..diagnostics import Diagnostics, Severity
from ..load.record_files import ContentCache
from ..memo import SameObjects
from ..pipeline import SiteBuild, build_site
from ..render.blocks import expand_blocks
from ..render.front_matter import browser_title
from ..render.paths import FEED_PATH, SCRIPT, STYLESHEET
from ..render.problem_banner import preview_banners
from ..render.reuse import PageReuse
from ..render.sanitize import RowMemo, sanitize_marked, sanitize_rows
from ..render.templates import default_templates_dir
from ..settings import Settings, SettingsError, removed_options_message, settings_from_options
from .config import PrivacyPagesConfig
from .files import add_generated_files, add_to_nav, put_in_order, wide_pages_first
from .head import add_feed_link, add_meta_tags, escape_meta
from .html_blocks import HtmlBlocks, ascii_blocks, placeholders_survive
from .plain_blocks import Dialect, PlainBlocks, dialect
from .rebuilds import DirtyRebuilds
from .search_view import RowViews, read_views

if TYPE_CHECKING:  # its server, file watcher and TLS libraries are megabytes a build never uses
    from mkdocs.livereload import LiveReloadServer
from .theme_code import ThemeCode

log = logging.getLogger(f"mkdocs.plugins.{__name__}")
#: Errors fail the build, warnings fail a strict build, info is only shown.
_LOG = {Severity.ERROR: log.error, Severity.WARNING: log.warning, Severity.INFO: log.info}


class PrivacyPagesPlugin(BasePlugin[PrivacyPagesConfig]):  # type: ignore[no-untyped-call]
    """Generates one privacy page per product from the records in ``content/``."""

    #: Take the raw HTML blocks of generated pages around Python-Markdown (off: through it,
    #: as for a pre-rendered page; the tests compare the two).
    html_blocks_around_markdown = True
    #: Write the HTML of generated pages' plain blocks (paragraphs, item lists, tables, notes)
    #: here, around Python-Markdown (off: through it; the tests compare the two).
    plain_blocks_around_markdown = True
    #: Have Material's search parse generated pages without the insides of the elements it
    #: skips (off: the whole page, as for a pre-rendered page; the tests compare the two).
    search_views = True

    def __init__(self) -> None:
        #: Parsed content kept between the rebuilds of ``mkdocs serve`` (none for a build).
        self.cache: ContentCache | None = None
        self.settings: Settings | None = None
        #: This build's model, pages and problems (after ``on_files``).
        self.build: SiteBuild | None = None
        #: Under ``mkdocs serve``: the problems each generated page shows, by its path.
        self.banners: dict[str, str] = {}
        #: The raw HTML blocks taken out of each generated page's Markdown, by its path (None:
        #: this build leaves them in the Markdown).
        self.html_blocks: dict[str, HtmlBlocks] | None = None
        #: The site's Markdown as far as plain blocks go (None: they stay in the Markdown),
        #: and the blocks written as HTML for each generated page, by its path.
        self.dialect: Dialect | None = None
        self.plain_blocks: dict[str, PlainBlocks] = {}
        #: Under ``mkdocs serve --dirty``: what the site holds, to rebuild only changed pages.
        self.rebuilds: DirtyRebuilds | None = None
        #: Under ``mkdocs serve``: the last build's pages, to render only those that changed.
        self.reuse: PageReuse | None = None
        #: Under ``mkdocs serve``: the table rows the sanitizer cleaned, by their HTML, and
        #: what they came to in the pages' search views.
        self.rows: RowMemo | None = None
        self.row_views: RowViews | None = None
        #: Under ``mkdocs serve``: the theme's compiled templates, for every rebuild's new env.
        self.theme_code: ThemeCode | None = None
        #: Under ``mkdocs serve``: the text of each download as the last build wrote it.
        self.downloads_written: dict[str, str] | None = None
        #: Under ``mkdocs serve``: a page's Markdown with its blocks' characters as references,
        #: kept while it is the same text object (a page the rebuild reused is not read again).
        self.ascii_blocks: SameObjects[str, str] | None = None
        #: In a build: the widest generated pages (the comparisons and the data-item index),
        #: widest first, which MkDocs converts before the other pages; and the files in their
        #: own order, put back once every page is converted (see ``on_nav``).
        self.wide_first: list[str] = []
        self.file_order: list[File] | None = None
        #: In a build: the generated pages whose text is let go once MkDocs has converted them,
        #: and whose HTML once MkDocs has written them.
        self.own_pages: set[str] = set()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # With this hook, MkDocs keeps one plugin object across the rebuilds of ``mkdocs serve``.
        self.cache = ContentCache() if command == "serve" else None
        self.reuse = PageReuse() if command == "serve" else None
        self.rebuilds = DirtyRebuilds() if command == "serve" and dirty else None
        self.rows = RowMemo() if command == "serve" else None
        self.row_views = RowViews() if command == "serve" else None
        self.theme_code = ThemeCode() if command == "serve" else None
        self.downloads_written = {} if command == "serve" else None
        self.ascii_blocks = SameObjects(ascii_blocks) if command == "serve" else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.settings = self.build = None  # nothing of an earlier build carries over
        if self.rows is not None:
            self.rows.next_build()
        if self.row_views is not None:
            self.row_views.next_build()
        if self.ascii_blocks is not None:
            self.ascii_blocks.next_build()
        self.banners, self.html_blocks, self.dialect, self.plain_blocks = {}, None, None, {}
        if not self.config.enabled:
            return config
        options = {k: v for k, v in self.config.items() if v is not None and k != "enabled"}
        try:
            settings = settings_from_options(options, Path(config.config_file_path).parent)
        except SettingsError as exc:
            raise PluginError(f"privacy-pages: {exc}") from exc
        self.settings = replace(
            settings,
            directory_urls=bool(config.use_directory_urls),
            site_url=config.site_url or None,
        )
        removed = removed_options_message(settings)
        if removed:
            log.info(removed)
        for extension in ("admonition", "attr_list"):  # notes; heading ids of the index
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        # The comparison tables' packaged script and style sheet (no CDN: served by the site).
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        if self.html_blocks_around_markdown and placeholders_survive(
            config.markdown_extensions, config.mdx_configs
        ):
            self.html_blocks = {}
            if self.plain_blocks_around_markdown:
                self.dialect = dialect(config.markdown_extensions, config.mdx_configs)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # After every plugin's on_config: Material's search makes its index there, each build.
        if self.settings is None or not self.search_views:
            return
        for plugin in config.plugins.values():
            if type(plugin).__module__.startswith("material.plugins.search"):
                index = getattr(plugin, "search_index", None)
                if index is not None:  # pages this plugin sanitized (see on_page_content)
                    read_views(index, _generated, self.row_views)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self.settings is None:
            return files
        preview = self.cache is not None  # mkdocs serve: show problems, never stop
        # Raw HTML blocks go around Python-Markdown to the sanitizer, written in Latin-1 (each
        # page as it is rendered: half the memory of the text it replaces).
        finish = (self.ascii_blocks or ascii_blocks) if self.html_blocks is not None else None
        try:
            build = build_site(
                self.settings, self.cache, preview=preview, reuse=self.reuse, finish=finish
            )
        except Exception as exc:  # content problems are diagnostics; anything else is a bug
            raise PluginError(
                f"privacy-pages: internal error while building {self.settings.content_dir}: "
                f"{type(exc).__name__}: {exc} (this is a bug in privacy-pages; please report it)"
            ) from exc
        _report(build.problems, self.settings, stop=not preview)
        if preview:  # each page shows its problems; a product file not read gets a page too
            pages_dir = self.settings.pages_dir
            unread = build.dataset.unread_products
            self.banners, extra = preview_banners(
                build.pages, build.problems.items, unread, pages_dir
            )
            build.pages += [p for p in extra if files.get_file_from_path(p.path) is None]
        add_generated_files(files, config, build, self.downloads_written)
        if config.nav is not None:
            add_to_nav(config, build.pages, self.settings)
        if self.rebuilds is not None:
            self.rebuilds.mark(files, config, build.pages, self.banners, partial(_filled, build))
        self.build = build
        self.wide_first = wide_pages_first(build.pages, self.settings) if not preview else []
        self.own_pages = {page.path for page in build.pages} if self.cache is None else set()
        if self.cache is None:  # nothing to rebuild: let the memo caches go
            memo.clear()
            # MkDocs' files hold the pages now, each until MkDocs has read it (on_page_markdown);
            # the downloads are written.
            build.pages, build.downloads = [], []
        return files

    @event_priority(-100)  # other plugins' on_nav see the files in their order
    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        # A build converts the widest pages first (a comparison of every product, the index:
        # megabytes each): the memory their conversion takes is then reused by the pages after
        # them, instead of being added on top of every page converted already. The nav is made;
        # on_env puts the files back in their order, in which MkDocs writes the pages, the
        # search index and the sitemap.
        if self.wide_first:
            self.file_order = list(files)
            wide = [files.get_file_from_path(path) for path in self.wide_first]
            put_in_order(files, [file for file in wide if file is not None])
        return nav

    @event_priority(101)  # the files back in their order before any other plugin's on_env
    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        if self.theme_code is not None and env.bytecode_cache is None:
            env.bytecode_cache = self.theme_code
        if self.dialect is not None:  # every page's Markdown is converted by now
            self.dialect.memo.clear()
        if self.file_order is not None:  # see on_nav
            put_in_order(files, self.file_order)
            self.file_order = None
        return env

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.build is None:
            return markdown
        if page.file.generated_by is not None:
            # Front matter comes from content, and the theme prints page.meta (title,
            # description) into the HTML without escaping: escape every value once, here.
            page.meta = {key: escape_meta(value) for key, value in (page.meta or {}).items()}
            product = self.build.dataset.products.get(str(page.meta.get("product_id")))
            if product is not None:  # the theme's <title> names the product
                page.meta["title"] = escape_meta(browser_title(product))
            markdown = self.banners.get(page.file.src_uri, "") + markdown
            if self.html_blocks is not None:
                blocks = HtmlBlocks()
                markdown = blocks.take_out(markdown)
                if blocks.blocks:
                    self.html_blocks[page.file.src_uri] = blocks
            if self.dialect is not None:
                plain = PlainBlocks(self.dialect)
                markdown = plain.take_out(markdown)
                if plain.blocks:
                    self.plain_blocks[page.file.src_uri] = plain
            return markdown
        source = page.file.abs_src_path or page.file.src_uri
        dataset, settings = self.build.dataset, self.build.settings
        expanded, problems = expand_blocks(
            markdown, page.file.src_uri, dataset, settings, source, mark=True
        )
        for problem in problems:
            log.error(str(problem))
        if problems:
            raise PluginError(f"privacy-pages: unknown block in {page.file.src_uri}")
        return expanded

    def _page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.build is None:
            return html
        if self.rebuilds is not None:
            self.rebuilds.rebuilt.add(page.url)
        # The last step for HTML made from content, whatever Markdown syntax made it.
        if page.file.generated_by is not None:
            plain = self.plain_blocks.pop(page.file.src_uri, None)
            if plain is not None and plain.leaked(html):  # convert it whole after all
                page.markdown = plain.source
                page.render(config, files)
                html, plain = page.content or "", None
            if plain is not None:  # first: a plain block may hold a raw block's placeholder
                html = plain.put_back(html)
                page.present_anchor_ids = (page.present_anchor_ids or set()) | plain.anchor_ids()
                if page.links_to_anchors is not None:  # MkDocs checks anchors (not at DEBUG)
                    own = page.links_to_anchors.setdefault(page.file, {})
                    for anchor in plain.self_links():
                        own.setdefault(anchor, f"#{anchor}")
            blocks = (self.html_blocks or {}).pop(page.file.src_uri, None)
            if blocks is not None:
                html = blocks.put_back(html)
                page.present_anchor_ids = (page.present_anchor_ids or set()) | blocks.anchor_ids()
            plain = blocks = None  # their text is in the page now: not held twice while it is
            return sanitize_rows(html, self.rows)  # sanitized (megabytes for the index)
        return sanitize_marked(html, self.rows)

    @event_priority(-100)  # after every other plugin's on_page_content
    def _let_text_go(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # In a build, MkDocs has read and converted one of this plugin's pages and will not
        # read it again: its text, megabytes for a comparison or the index, need not stay in
        # memory until the build ends. (Under serve the next build may reuse it.)
        if page.file.src_uri in self.own_pages:
            page.file.content_string = ""
        return html

    on_page_content = CombinedEvent(_page_content, _let_text_go)

    def _post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.build is None:
            return output
        if self.build.history:
            output = add_feed_link(output, get_relative_url(FEED_PATH, page.url))
        meta = page.meta or {}
        return add_meta_tags(output, meta) if "product_id" in meta else output

    @event_priority(-100)  # after every other plugin's on_post_page
    def _let_html_go(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        # In a build, one of this plugin's pages is written now: its HTML, in the output, need
        # not stay in memory while MkDocs writes the pages after it (the widest, written last,
        # comes on top of them). (Under serve the next build may reuse it.)
        if page.file.src_uri in self.own_pages:
            page.content = ""
        return output

    on_post_page = CombinedEvent(_post_page, _let_html_go)

    @event_priority(100)  # before the search plugin writes its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.rebuilds is not None and self.build is not None:
            self.rebuilds.merge_search_index(config)
            self.rebuilds.completed()

    def on_build_error(self, *, error: Exception) -> None:
        if self.rebuilds is not None:
            self.rebuilds.failed()

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        if self.settings is not None:
            server.watch(str(self.settings.content_dir))
            server.watch(str(self.settings.templates_dir or default_templates_dir()))
        return server


def _generated(page: Page) -> bool:
    return page.file.generated_by is not None


def _filled(build: SiteBuild, file: File, text: str) -> str | None:
    """A hand-written page's text with the plugin's blocks filled in (None: a block is wrong)."""
    source = file.abs_src_path or file.src_uri
    filled, problems = expand_blocks(text, file.src_uri, build.dataset, build.settings, source)
    return None if problems else filled


def _report(problems: Diagnostics, settings: Settings, *, stop: bool) -> None:
    """Log every problem, most severe first; with ``stop``, errors stop the build (a preview
    goes on: MkDocs stops on logged problems only in strict mode)."""
    for problem in problems.sorted():
        _LOG[problem.severity](str(problem))
    if stop and problems.errors:
        count = len(problems.errors)
        raise PluginError(
            f"privacy-pages: {count} content error{'s' if count != 1 else ''} "
            f"in {settings.content_dir} (listed above)"
        )
