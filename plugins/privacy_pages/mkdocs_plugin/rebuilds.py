"""Under ``mkdocs serve --dirty`` (``make serve``): rebuild only the pages an edit changed.

MkDocs' dirty builds skip a page whose file is not modified, but a generated file always counts
as modified, so every rebuild converted and wrote all the generated pages again for one edit.
:class:`DirtyRebuilds` keeps, in memory between rebuilds, a digest of each generated page's
Markdown and of what all pages share (the files, the nav, the configuration, the theme
overrides). A rebuild then converts and writes the generated pages whose Markdown changed,
the hand-written pages that changed, and every hand-written page that draws on other files
(blocks such as the home page's counts come from the records; includes are other files):
no generated page that depends on an edit is left stale. When what the pages share changes
(the nav, with the titles it shows; the configuration; the theme overrides), every page is
rebuilt: renaming a product kept out of the nav (``nav_products: false``) is not such a change. (One limit: a new H1 of a hand-written page under the automatic nav
shows in the other pages' nav only at their next rebuild.) With a search plugin other than
Material's, which cannot keep the entries of pages not rebuilt, every page is rebuilt.
A page a rebuild skips keeps, in the nav of the pages it rebuilds, the title it had (MkDocs
reads a page's title from its text, which it does not read for a page it skips).
The pages are marked on the files MkDocs builds, once mkdocs-static-i18n has made them (it
makes each file anew, without the mark); each language i18n builds keeps its own digests (see
:mod:`.serve_state`).

Material's search plugin merges a dirty rebuild into the previous index by one page only;
:func:`DirtyRebuilds.merge_search_index` merges every rebuilt page into the entries this
language's last build indexed (kept here: with mkdocs-static-i18n, Material's previous index is
the last language's, or every language's), so the preview's search still finds the pages that
were not rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..memo import MemoByIdentity
from ..render.generated import GeneratedPage

#: What makes a hand-written page depend on files other than its own: the plugin's blocks,
#: Learn includes, snippets. A page with includes or snippets is rebuilt every time; one with
#: only the plugin's blocks when what they show changed.
_BLOCK = re.compile(r"<!--\s*privacy-pages:")
_OTHER_FILES = re.compile(r"\[!include|(?<!-)-+8<-+|\{%|\{\{", re.IGNORECASE)

#: The text of a hand-written page with the plugin's blocks filled in (None: not known).
Expand = Callable[[File, str], "str | None"]


def _drawn_from_others(file: File, expand: Expand | None) -> str | None:
    """What a hand-written page shows from other files, to compare with the last build's:
    its text with its blocks filled in; "" when it draws on no other file; None when it may
    change with other files in a way not known here (rebuild it)."""
    try:
        text = Path(file.abs_src_path or "").read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if _OTHER_FILES.search(text):
        return None
    if not _BLOCK.search(text):
        return ""
    return None if expand is None else expand(file, text)


def _digest(*parts: str) -> bytes:
    """The digest of ``parts``; a page's, without a banner, is that of its Markdown alone."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part.encode("utf-8", "surrogatepass"))
        hasher.update(b"\0")
    return hasher.digest()


def _stamp(path: str | None) -> str:
    """A file's size and modification time, or a folder's files' (to notice an edit)."""
    if not path or not os.path.exists(path):
        return ""
    if os.path.isfile(path):
        stat = os.stat(path)
        return f"{stat.st_size}:{stat.st_mtime_ns}"
    stamps = []
    for folder, _, names in os.walk(path):
        for name in sorted(names):
            stat = os.stat(os.path.join(folder, name))
            stamps.append(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(sorted(stamps))


class DirtyRebuilds:
    """What the last completed build wrote: enough to tell which pages a rebuild must redo."""

    def __init__(self) -> None:
        #: The digest of each generated page's Markdown, by its path, as last written.
        self.written: dict[str, bytes] = {}
        #: The digest of what every page shares, as last written.
        self.shared: bytes | None = None
        #: This build's digests, kept once the build completes (a failed build keeps none).
        self._pending: tuple[bytes, dict[str, bytes]] | None = None
        #: Where each generated page was written, by its path (to remove one that is gone).
        self.outputs: dict[str, str] = {}
        #: The URLs of the pages this build converts, and of all its pages (for search).
        self.rebuilt: set[str] = set()
        self.urls: set[str] = set()
        #: The generated pages the last build skipped, unchanged (read by tests and benchmark).
        self.skipped = 0
        #: The title each page had when last converted, by its path: a page a rebuild skips
        #: is never read, so MkDocs would title it None in the nav of the pages it rebuilds.
        self.titles: dict[str, str] = {}
        #: The digest of a page's Markdown, kept while it is the same text object: a page the
        #: rebuild reused (most of them) is not read again, and a comparison is megabytes.
        self.markdown_digest: MemoByIdentity[str, bytes] = MemoByIdentity(_digest)
        #: The search entries of every page as last written (None: not known, before the first
        #: build or after one that failed), and this build's, kept once it completes.
        self.search_entries: list[Any] | None = None
        self._pending_entries: list[Any] | None = None

    def mark(
        self,
        files: Files,
        config: MkDocsConfig,
        pages: Iterable[GeneratedPage],
        banners: dict[str, str],
        expand: Expand | None = None,
    ) -> None:
        """Mark which documentation pages of ``files`` this build converts and writes: the
        generated pages whose Markdown (or preview banner) changed, and the hand-written ones
        that changed, whose blocks (filled in by ``expand``) changed, or that draw on other
        files; all of them when what pages share changed."""
        documents = files.documentation_pages()
        self.markdown_digest.next_build()
        digests = {
            page.path: _digest(banners[page.path], page.markdown)
            if banners.get(page.path)
            else self.markdown_digest(page.markdown)
            for page in pages
        }
        # A page's title shows on other pages only in the nav: a page kept out of the nav
        # MkDocs makes from the folders (a product's with nav_products: false) can be renamed
        # without rebuilding every page. (A site's own nav may list a page the plugin keeps
        # out of the folders' nav, under the page's title: there, every title counts.)
        unlisted = (
            {f.src_uri for f in documents if f.inclusion is InclusionLevel.NOT_IN_NAV}
            if config.nav is None
            else set()
        )
        # (The nav titles a generated page by its title, a product's by its name: see
        # nav_pages.name_pages. Its metadata title shows only on the page itself.)
        titles = (f"{page.path}:{page.title}" for page in pages if page.path not in unlisted)
        shared = _digest(
            repr(config.nav),
            "\n".join(f"{f.src_uri}:{f.inclusion.name}" for f in documents),
            "\n".join(titles),
            _stamp(config.config_file_path),
            _stamp(config.theme.custom_dir),
        )
        # Only Material's search keeps the previous index for the pages not rebuilt (see
        # merge_search_index); with another search plugin, skipping a page would drop it.
        everything = shared != self.shared or not _search_index_mergeable(config)
        self._remove_gone(documents, digests)
        drawn_digests: dict[str, bytes] = {}  # hand-written pages with blocks
        self.rebuilt = set()
        self.urls = {file.url for file in documents}
        self.skipped = 0
        for file in documents:
            digest = digests.get(file.src_uri)
            if digest is None:  # hand-written: MkDocs compares its file with what it wrote
                drawn = _drawn_from_others(file, expand)
                if drawn:  # what its blocks show: as last written, or not
                    drawn_digests[file.src_uri] = digest = _digest(drawn)
                if drawn is None or everything or self.written.get(file.src_uri) != digest:
                    _set_modified(file, True)
            elif everything or self.written.get(file.src_uri) != digest:
                _set_modified(file, True)  # new or changed
            else:
                _set_modified(file, False)
                self.skipped += 1
        self._pending = (shared, {**digests, **drawn_digests})

    def page_converted(self, page: Page) -> None:
        """``page`` is converted: its title is known (from its metadata, its H1 or the nav)."""
        self.rebuilt.add(page.url)
        if page.title is not None:
            self.titles[page.file.src_uri] = page.title

    def title_skipped(self, nav: Navigation) -> None:
        """In ``on_nav``: the pages this rebuild skips get the titles they last had (the nav
        titled none of them: MkDocs reads a page's title from its text)."""
        for page in nav.pages:
            title = self.titles.get(page.file.src_uri)
            if title is not None and not page.file.is_modified() and not vars(page).get("title"):
                page.title = title

    def _remove_gone(self, documents: Iterable[File], digests: dict[str, bytes]) -> None:
        """Delete what a generated page that is no longer generated left in the site (a dirty
        build never cleans the site folder): its old page must not stay served."""
        current = {file.src_uri: file.abs_dest_path for file in documents}
        for path, output in self.outputs.items():
            if path not in digests and path not in current and os.path.isfile(output):
                os.remove(output)
        self.outputs = {path: current[path] for path in digests if path in current}

    def completed(self) -> None:
        """The build wrote every page it marked: its digests are now what the site holds."""
        if self._pending is not None:
            self.shared, self.written = self._pending
            self._pending = None
        self.search_entries, self._pending_entries = self._pending_entries, None

    def failed(self) -> None:
        """A build stopped part way: the next one rebuilds every page."""
        self.shared, self.written, self._pending = None, {}, None
        self.search_entries = self._pending_entries = None

    def merge_search_index(self, config: MkDocsConfig) -> None:
        """Before Material's search plugin writes its index: the entries of the pages this
        build rebuilt, and the last build's entries of every other page that still exists."""
        for plugin in config.plugins.values():
            index: Any = getattr(plugin, "search_index", None)
            if not hasattr(index, "entries") or not hasattr(plugin, "search_index_prev"):
                continue  # (not Material's search)
            if self.search_entries is not None:
                rebuilt = {_location(url) for url in self.rebuilt}
                urls = {_location(url) for url in self.urls}
                kept = [
                    entry
                    for entry in self.search_entries
                    if _page_url(entry) not in rebuilt and _page_url(entry) in urls
                ]
                index.entries = kept + index.entries
            plugin.search_index_prev = None  # merged here: Material's own merge would undo it
            # (A copy: i18n refills the last language's list with every language's entries.)
            self._pending_entries = list(index.entries)

    def forget_previous(self, config: MkDocsConfig) -> None:
        """After Material's search plugin wrote this build's index: the index it keeps for the
        next build's own merge dropped. The entries are kept here (see merge_search_index);
        with it, mkdocs-static-i18n's last write of every language's index, once it has built
        them, merged that index with itself: its merge by one page, the first, added every
        entry of another page a second time."""
        for plugin in config.plugins.values():
            if getattr(plugin, "search_index_prev", None) is not None:
                plugin.search_index_prev = None


def _page_url(entry: dict[str, Any]) -> str:
    return str(entry.get("location", "")).split("#", 1)[0]


def _location(url: str) -> str:
    """A page's URL as search entries locate it (the home page's ``./`` is ``""``)."""
    return "" if url in ("./", ".") else url


def _set_modified(file: File, modified: bool) -> None:
    """Tell MkDocs' dirty build whether to convert and write ``file``."""
    file.is_modified = (lambda: True) if modified else (lambda: False)  # type: ignore[method-assign]


def _search_index_mergeable(config: MkDocsConfig) -> bool:
    """Whether every search plugin of the site keeps its previous index on a dirty rebuild
    (Material's does; MkDocs' own does not)."""
    return all(
        type(plugin).__module__.startswith("material.")
        for plugin in config.plugins.values()
        if hasattr(plugin, "search_index")
    )
