"""Each page written in its language, in one build of several (the plugin's option
``languages``, on Material for MkDocs): the page's nav, the theme's words and direction, the
language selector, the search index its search box reads, and the sitemaps Material's
selector fetches, and its feed. The plugin's hooks call one method each; see :mod:`.languages` for the rules.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..settings import Settings
from .head import add_feed_link
from .language_nav import LanguageNavs
from .language_search import language_base, split_search_index, splits_search, url_language
from .languages import (
    page_alternates,
    page_feed,
    page_messages,
    search_in_languages,
    theme_in_language,
    write_sitemap_stubs,
    written_in_language,
)


class PageLanguages:
    """One build's languages as MkDocs writes its pages (a new one each build)."""

    def __init__(self, config: MkDocsConfig, settings: Settings) -> None:
        self.settings = settings
        self.site_alternate = config.extra.get("alternate")  # the site's language selector
        self.alternate: list[dict[str, str]] = []  # the page's languages, as it is written
        self.alternate_urls: set[str] = set()  # the pages of this build in several languages
        self.navs: LanguageNavs | None = None  # several languages: the nav of each
        #: Languages by the plugin's option, on Material: a search index each.
        self.search_by_language = splits_search(config, settings)
        if settings.languages:
            search_in_languages(config.plugins.values(), settings)

    def nav(self, nav: Navigation, files: Files, page_paths: set[str]) -> None:
        """MkDocs' nav is made: each language's own (see :class:`.LanguageNavs`)."""
        if self.settings.languages:
            self.navs = LanguageNavs(nav, self.settings, page_paths, files)

    def page_context(
        self, context: Any, page: Page, config: MkDocsConfig, nav: Any, page_paths: set[str]
    ) -> None:
        """Before the theme renders ``page``: its language selector, nav and theme words."""
        src = page.file.src_uri
        self.alternate = page_alternates(
            config, src, self.settings, page_paths, self.site_alternate
        )
        if self.navs is not None and nav is self.navs.nav:
            language = self.settings.page_language(src)
            context["nav"] = self.navs.in_language(language)
            theme_in_language(config, language, self.settings)

    def post_page(self, output: str, page: Page, generated: bool) -> str:
        """The page as the theme wrote it: its search box reads its language's index, and a
        ``generated`` page says its language in ``<html lang dir>``."""
        if self.search_by_language:
            language = url_language(page.url, self.settings)
            if language is not None:
                output = language_base(output, page.url, language)
        if generated:
            output = written_in_language(output, page.file.src_uri, self.settings)
            if len(self.alternate) > 1:  # see languages.write_sitemap_stubs
                self.alternate_urls.update(entry["link"] for entry in self.alternate)
        return output

    def add_feed_link(self, output: str, page: Page) -> str:
        """The page's head announces the feed of changes in its language."""
        feed = page_feed(page.file.src_uri, self.settings)
        title = page_messages(page.file.src_uri, self.settings).gettext("What changed")
        return add_feed_link(output, get_relative_url(feed, page.url), title)

    def post_build(self, config: MkDocsConfig) -> None:
        """Every page is written: the sitemaps beside them, and the nav and theme as the site
        set them (for the next build of ``mkdocs serve``)."""
        write_sitemap_stubs(config.site_dir, self.alternate_urls)
        if self.navs is not None:
            self.navs.restore()
            theme_in_language(config, self.navs.settings.language, self.navs.settings)

    def split_search(self, config: MkDocsConfig) -> None:
        """After Material's search wrote its index: an index per language."""
        if self.search_by_language:
            split_search_index(config.site_dir, self.settings)
