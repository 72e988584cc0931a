"""One nav, shown in each language: on a site that builds several languages in one build
(option ``languages``), a page's nav holds its own language's pages only, and its previous and
next links stay in that language.

MkDocs makes one nav per build, whether the site lists it (``nav:``) or MkDocs makes it from
the folders (``fr/privacy/...`` becomes a section "Fr"). A page in a language shows the nav
without the pages of the other languages, and without the sections left empty by that; a
generated page the site lists itself is shown as the same page in the reader's language. The
site's hand-written pages outside the languages' folders are in one language only, so they
stay in every language's nav."""

from __future__ import annotations

import copy
import operator
from collections.abc import Sequence
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..settings import Settings


class LanguageNavs:
    """The nav of a build, shown per language.

    The sections keep their identity (the theme marks the active page's sections through
    them): a section with pages of several languages gets, before each page is written, the
    children of that page's language."""

    def __init__(
        self, nav: Navigation, settings: Settings, generated: set[str], files: Files
    ) -> None:
        self.nav = nav
        self.settings = settings
        self.generated = generated
        self.files = files
        self._listed = {id(page) for page in nav.pages}
        self._original: dict[Section, list[Any]] = {}
        self._shown: dict[str, tuple[list[Any], dict[Section, list[Any]]]] = {}
        for language in settings.all_languages:
            changed: dict[Section, list[Any]] = {}
            items = self._kept(nav.items, language, changed)
            self._shown[language] = (items, changed)
            for section in changed:
                self._original.setdefault(section, section.children)
        for language in settings.all_languages:
            chain(self._pages(language))

    def in_language(self, language: str) -> Navigation:
        """The nav of a page in ``language`` (its sections set for it)."""
        found = self._shown.get(language)
        if found is None:
            return self.nav
        items, changed = found
        for section, children in self._original.items():
            section.children = changed.get(section, children)
        if items is self.nav.items:
            return self.nav
        shown = copy.copy(self.nav)  # the same pages, fewer sections
        shown.items = items
        return shown

    def restore(self) -> None:
        """Every section with all its children again (the build is written)."""
        for section, children in self._original.items():
            section.children = children

    def _language(self, page: Page) -> str:
        return self.settings.page_language(page.file.src_uri)

    def _shown_in(self, page: Page, language: str) -> bool:
        """Whether a page is in the nav of ``language``: a page in it, or a hand-written page
        of the site outside the languages' folders (the site has it in one language)."""
        own = self._language(page)
        return own == language or (
            own == self.settings.language and page.file.src_uri not in self.generated
        )

    def _in(self, page: Page, language: str) -> Page | None:
        """A generated page in the site's language that the site lists itself (``What
        changed: privacy/changes.md``), in the nav of another language: the same page in that
        language, unless the nav lists that one too (MkDocs' nav of the folders)."""
        source = page.file.src_uri
        if source not in self.generated or self._language(page) != self.settings.language:
            return None
        found = self.files.get_file_from_path(self.settings.path_in(source, language))
        if found is None or found.page is None or id(found.page) in self._listed:
            return None
        return found.page

    def _pages(self, language: str) -> list[Page]:
        return [page for page in self.nav.pages if self._language(page) == language]

    def _kept(
        self, items: list[Any], language: str, changed: dict[Section, list[Any]]
    ) -> list[Any]:
        """``items`` without the pages of other languages and the sections left empty; the
        sections whose children change go to ``changed``."""
        kept: list[Any] = []
        for item in items:
            if isinstance(item, Page):
                shown = item if self._shown_in(item, language) else self._in(item, language)
                if shown is not None:
                    kept.append(shown)
            elif isinstance(item, Section):
                children = self._kept(item.children, language, changed)
                if children:
                    kept.append(item)
                    if children is not item.children:
                        changed[item] = children
            else:  # a link
                kept.append(item)
        same = len(kept) == len(items) and all(map(operator.is_, kept, items))
        return items if same else kept


def chain(pages: Sequence[Page]) -> None:
    """Link ``pages`` in order as MkDocs does a nav's: each page's previous and next."""
    pages = list(pages)
    for before, page, after in zip([None, *pages], pages, [*pages[1:], None], strict=False):
        page.previous_page, page.next_page = before, after
