"""What ``mkdocs serve`` keeps from one rebuild to the next (a build keeps none of it).

With mkdocs-static-i18n, each rebuild is one build per language, one after the other (i18n
builds the other languages in its ``on_post_build``): each language keeps its own pages,
digests and search entries (:class:`ServeState`), or each language's build would find the
pages of the one before it and redo every page. The parsed records and the theme's compiled
templates are the same in every language, and kept once (:class:`ServeSession`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..load.record_files import ContentCache
from ..memo import MemoByIdentity
from ..pipeline import SiteBuild
from ..render.reuse import PageReuse
from ..render.sanitize import RowMemo
from .handwritten import filled_blocks
from .i18n import built_language
from .rebuilds import DirtyRebuilds
from .speedups.html_blocks import ascii_blocks
from .speedups.search_view import RowViews, SearchEntries
from .theme_code import ThemeCode


@dataclass
class ServeState:
    """The plugin's memory between the rebuilds of ``mkdocs serve``: each rebuild reads again
    only the records that changed, renders and cleans again only what they changed."""

    #: Under ``mkdocs serve --dirty``: what the site holds, to rebuild only the changed pages.
    rebuilds: DirtyRebuilds | None
    #: The parsed records, read again only when their file changed (every language's).
    content: ContentCache = field(default_factory=ContentCache)
    #: The theme's compiled templates, for every rebuild's new Jinja environment (every
    #: language's).
    theme_code: ThemeCode = field(default_factory=ThemeCode)
    #: The last build's pages, to render again only those whose inputs changed.
    reuse: PageReuse = field(default_factory=PageReuse)
    #: The table rows the sanitizer cleaned, by their HTML, and what they came to in the pages'
    #: search views.
    rows: RowMemo = field(default_factory=RowMemo)
    row_views: RowViews = field(default_factory=RowViews)
    #: What Material's search made of each generated page, by what it read.
    search_entries: SearchEntries = field(default_factory=SearchEntries)
    #: The text of each download as the last build wrote it (one unchanged is not written).
    downloads_written: dict[str, str] = field(default_factory=dict)
    #: A page's Markdown with its raw HTML blocks' characters as references, kept while it is
    #: the same text object (a page the rebuild reused is not read again).
    ascii_blocks: MemoByIdentity[str, str] = field(
        default_factory=lambda: MemoByIdentity(ascii_blocks)
    )

    def next_build(self) -> None:
        """Start a rebuild: what neither it nor the last one uses is dropped as it goes."""
        self.rows.next_build()
        self.row_views.next_build()
        self.search_entries.next_build()
        self.ascii_blocks.next_build()

    def search_memos(self) -> tuple[RowViews, SearchEntries]:
        """What Material's search made of the pages, kept for the next build (see
        :func:`.read_views_in_material`)."""
        return self.row_views, self.search_entries

    def mark_rebuilds(
        self, files: Files, config: MkDocsConfig, build: SiteBuild, banners: dict[str, str]
    ) -> None:
        """Under ``--dirty``: mark the pages this rebuild converts (see :mod:`.rebuilds`)."""
        if self.rebuilds is not None:
            expand = partial(filled_blocks, build)
            self.rebuilds.mark(files, config, build.pages, banners, expand)

    def page_rebuilt(self, page: Page) -> None:
        if self.rebuilds is not None:
            self.rebuilds.page_converted(page)

    def title_skipped(self, nav: Navigation) -> None:
        """Under ``--dirty``, in ``on_nav``: the pages skipped keep their titles in the nav."""
        if self.rebuilds is not None:
            self.rebuilds.title_skipped(nav)

    def build_completed(self, config: MkDocsConfig) -> None:
        """Before the search plugin writes its index: what the site now holds."""
        if self.rebuilds is not None:
            self.rebuilds.merge_search_index(config)
            self.rebuilds.completed()

    def search_index_written(self, config: MkDocsConfig) -> None:
        """After the search plugin wrote its index: see :meth:`.DirtyRebuilds.forget_previous`."""
        if self.rebuilds is not None:
            self.rebuilds.forget_previous(config)

    def build_failed(self) -> None:
        if self.rebuilds is not None:
            self.rebuilds.failed()


@dataclass
class ServeSession:
    """What one ``mkdocs serve`` keeps: a :class:`ServeState` per language built (one without
    mkdocs-static-i18n), which share the parsed records and the theme's compiled code."""

    #: With ``--dirty``: rebuild only the pages an edit changed.
    dirty: bool
    content: ContentCache = field(default_factory=ContentCache)
    theme_code: ThemeCode = field(default_factory=ThemeCode)
    languages: dict[str, ServeState] = field(default_factory=dict)

    @classmethod
    def for_command(cls, command: str, *, dirty: bool) -> ServeSession | None:
        """What ``mkdocs serve`` keeps (with ``--dirty``, to rebuild only the pages an edit
        changed); None for any other command, which builds once."""
        return cls(dirty) if command == "serve" else None

    def for_build(self, config: MkDocsConfig) -> ServeState:
        """What the builds of the language ``config`` builds keep (mkdocs-static-i18n builds
        each language in turn, each with its own configuration), ready for this one."""
        language = built_language(config)
        state = self.languages.get(language)
        if state is None:
            rebuilds = DirtyRebuilds() if self.dirty else None
            state = ServeState(rebuilds, content=self.content, theme_code=self.theme_code)
            self.languages[language] = state
        state.next_build()
        return state

    def build_failed(self) -> None:
        """A build stopped (i18n's build of one language stops the others' too): the next
        rebuild redoes every page of every language."""
        for state in self.languages.values():
            state.build_failed()
