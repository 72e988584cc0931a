"""This build's generated pages, as MkDocs handles them from ``on_files`` to the end of the build:
added to its files and nav, their Markdown handed over with what other plugins read of it, the
page content and the output of ``on_post_page`` (a hand-written page's too: the blocks filled
in from the records, its language), and, in a build, their content cleared once MkDocs is done
with it (see :mod:`.page_memory`)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .. import memo
from ..messages import messages_for
from ..pipeline import SiteBuild
from ..render.paths import feed_path
from ..settings import Settings
from .config import warn_no_records
from .content_links import ContentLinks
from .files import ConversionOrder, add_generated_files, add_to_nav, wide_pages_first
from .handwritten import expand_page_blocks
from .i18n import CheckedContent, I18nFiles, i18n_plugin
from .nav_pages import add_nav_files, name_pages, nav_titles, warn_left_out
from .page_assets import PageAssets
from .page_content import cleaned_content
from .page_memory import clear_file_content, clear_page_content
from .page_meta import escape_printed, has_macros, name_product, not_a_template
from .serve_state import ServeState
from .site_build import build_pages
from .speedups.stash import HtmlBlockStash
from .written_page import post_page_output


class GeneratedPages:
    """The pages of one build (a new object each build), by their paths: other plugins generate
    pages too."""

    def __init__(
        self,
        build: SiteBuild,
        banners: dict[str, str],
        settings: Settings,
        serve: ServeState | None,
        stash: HtmlBlockStash | None,
        assets: PageAssets,
        i18n: I18nFiles,
        *,
        macros: bool,
        feed: File | None,
    ) -> None:
        self.build = build  # this build's model, pages and problems
        self.banners = banners  # under serve: each page's problems, by its path
        self.settings = settings
        self.serve = serve  # under `mkdocs serve`: kept for the next build
        self.stash = stash  # blocks around Python-Markdown (None: not now)
        self.assets = assets  # generated pages' style sheet and script
        self.i18n = i18n  # the site's mkdocs-static-i18n plugin (see .i18n)
        self.macros = macros  # whether the site runs mkdocs-macros (see .page_meta)
        self.feed = feed  # the feed of changes in this build's language (None: no history)
        self.paths = {page.path for page in build.pages}
        self.downloads = {download.path for download in build.downloads}
        self.nav_titles = nav_titles(build.pages)  # their titles in the nav, by path
        self.own_pages: set[str] = set()  # the same, in a build: their content is cleared
        self.order: ConversionOrder | None = None  # in a build: see in_nav

    @classmethod
    def add(
        cls,
        files: Files,
        config: MkDocsConfig,
        settings: Settings,
        serve: ServeState | None,
        stash: HtmlBlockStash | None,
        content_links: ContentLinks,
        checked: CheckedContent,
    ) -> GeneratedPages:
        """In ``on_files``: build the pages and add them and the downloads to MkDocs' files,
        and to the site's nav (``nav:`` in ``mkdocs.yml``, or a nav plugin's nav file); tell
        ``content_links`` which of them show links written for another page. A build then
        hands them over to MkDocs (see :meth:`handed_over`). With mkdocs-static-i18n, the
        records are checked once for every language (see :class:`.CheckedContent`)."""
        i18n = I18nFiles(i18n_plugin(config), config)
        languages, made = checked.to_check(i18n), checked.made(i18n)
        stashed = stash is not None
        build, banners = build_pages(settings, serve, files, stashed, languages, made)
        if languages:
            checked.keep(i18n, build)
        warn_no_records(settings, build.dataset.files)
        written = serve.downloads_written if serve else None
        add_generated_files(files, config, build, written, i18n.place)
        feed = files.get_file_from_path(feed_path(settings)) if build.history else None
        if config.nav is not None:
            add_to_nav(config, build.pages, settings)
        add_nav_files(files, config, build.pages, settings)  # for nav plugins
        content_links.pages(build.pages, settings)
        assets, macros = PageAssets(config), has_macros(config)
        pages = cls(build, banners, settings, serve, stash, assets, i18n, macros=macros, feed=feed)
        if serve is None:  # a build: nothing to rebuild
            pages.handed_over()
        return pages

    def handed_over(self) -> None:
        """A build: nothing to rebuild. MkDocs' files hold the pages now, and the downloads are
        written: the widest pages are converted first, and the content of each is cleared once
        MkDocs is done with it."""
        self.order = ConversionOrder(wide_pages_first(self.build.pages, self.settings))
        self.own_pages = self.paths
        memo.clear()
        self.build.pages, self.build.downloads = [], []

    def owns(self, page: Page) -> bool:
        """One of this build's generated pages (other plugins generate pages too)."""
        return page.file.src_uri in self.paths

    def hide_from_i18n(self, files: Files) -> None:
        """In ``on_files``, before mkdocs-static-i18n's: the pages and downloads out (see
        :mod:`.i18n`)."""
        self.i18n.hide(files, self.paths | self.downloads)

    def add_in_language(self, files: Files, config: MkDocsConfig) -> None:
        """In ``on_files``, after mkdocs-static-i18n's: the pages back, in its language; under
        ``mkdocs serve --dirty``, the pages this rebuild converts marked, on the files MkDocs
        builds (i18n makes each of its files anew: a mark made before it would be lost)."""
        self.i18n.add_back(files, self.paths)
        if self.serve is not None:
            self.serve.mark_rebuilds(files, config, self.build, self.banners)

    def in_nav(self, nav: Navigation, files: Files, config: MkDocsConfig, *, check: bool) -> None:
        """In ``on_nav``: a build converts the widest pages first; the pages the nav left
        untitled get their titles (under ``mkdocs serve --dirty``, a page the rebuild skips
        the title it last had); with ``check``, a warning when the nav leaves pages out."""
        if self.order is not None:  # see ConversionOrder
            self.order.widest_first(files)
        name_pages(nav, self.nav_titles)
        if self.serve is not None:
            self.serve.title_skipped(nav)
        if check:
            warn_left_out(nav, files, config, self.paths, self.settings)

    def in_language_section(self, nav: Navigation) -> None:
        """In ``on_nav``, before mkdocs-static-i18n's: see :meth:`.I18nFiles.in_language_section`."""
        self.i18n.in_language_section(nav, self.paths)

    def all_converted(self, files: Files) -> None:
        """In ``on_env``: every page's Markdown is converted; the files go back in their
        order."""
        if self.stash is not None:
            self.stash.converted_all()
        if self.order is not None:
            self.order.restore(files)

    def markdown(self, markdown: str, page: Page) -> str:
        """In ``on_page_markdown``: a generated page's Markdown as other plugins read it (never
        a template to mkdocs-macros, the theme's title naming the product, under serve the
        banner of its problems on top), its blocks in the stash (if any)."""
        if not self.owns(page):
            return markdown
        if self.macros:
            not_a_template(page.meta)
        translated = self.build.languages.get(self.settings.language)  # this build's language
        name_product(page.meta, self.build.dataset if translated is None else translated.dataset)
        markdown = self.banners.get(page.file.src_uri, "") + markdown
        return self.stash.take_out(page.file.src_uri, markdown) if self.stash else markdown

    def fill_blocks(self, markdown: str, page: Page) -> str:
        """In ``on_page_markdown``: a hand-written page's blocks filled in from the records
        (content: never a template)."""
        return markdown if self.owns(page) else expand_page_blocks(markdown, page, self.build)

    def escape_meta(self, page: Page) -> None:
        """In ``on_page_markdown``, once Material's meta plugin has merged ``.meta.yml``: a
        generated page's metadata HTML-escaped, as the theme and other plugins print it."""
        if self.owns(page):
            page.meta = escape_printed(page.meta)

    def content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """In ``on_page_content``: any page's content cleaned (see :mod:`.page_content`)."""
        if self.serve is not None:
            self.serve.page_rebuilt(page)
        rows = self.serve.rows if self.serve else None
        generated, stash = self.owns(page), self.stash
        return cleaned_content(
            html, page, config, files, generated=generated, stash=stash, rows=rows
        )

    def converted(self, page: Page) -> None:
        """In a build, after ``on_page_content``: the page's file content goes."""
        if page.file.src_uri in self.own_pages:
            clear_file_content(page.file)

    def output(self, output: str, page: Page) -> str:
        """In ``on_post_page``: any page as the theme wrote it, with what the plugin adds (see
        :func:`.post_page_output`)."""
        feed = None
        if self.feed is not None:
            title = messages_for(self.settings.language, self.settings.messages_dir)
            feed = (self.feed.url, title.gettext("What changed"))
        return post_page_output(output, page, self.assets, generated=self.owns(page), feed=feed)

    def written(self, page: Page) -> None:
        """In a build, after ``on_post_page``: the page's page content goes."""
        if page.file.src_uri in self.own_pages:
            clear_page_content(page)

    def built(self, config: MkDocsConfig) -> None:
        """In ``on_post_build``, before the search plugin writes its index: under ``mkdocs
        serve --dirty``, what the site now holds."""
        if self.serve is not None:
            self.serve.build_completed(config)
