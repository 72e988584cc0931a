"""What rendering hands to a site generator: Markdown pages and other files, as plain data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GeneratedPage:
    """One page of Markdown to be placed at ``path`` (relative to the docs folder)."""

    path: str
    markdown: str
    title: str
    #: The content file the page is generated from (for "edit this page"), if any.
    source: Path | None = None
    product_id: str | None = None
    #: In the site's nav (a version of a statement is linked from its page, not listed).
    listed: bool = True


def as_rendered(page: GeneratedPage) -> GeneratedPage:
    """A page as it was rendered (what is done to a page when nothing is)."""
    return page


@dataclass(frozen=True)
class PlannedPage:
    """A page a build will generate, known before it is rendered: enough for a site generator
    to list the page (its file and nav entry) while the page itself is still being rendered."""

    path: str
    title: str
    source: Path | None = None
    product_id: str | None = None
    listed: bool = True


@dataclass(frozen=True)
class GeneratedAsset:
    """A text file to place at ``path`` (relative to the docs folder / site root): ``text``, or
    the pieces ``pieces()`` makes when it is read (a large file need not be held whole)."""

    path: str
    text: str = ""
    pieces: Callable[[], Iterator[str]] | None = None

    @property
    def content(self) -> str:
        """The whole text."""
        return "".join(self.chunks())

    def chunks(self) -> Iterator[str]:
        """The text, in pieces of at least :data:`CHUNK_SIZE` characters (but the last)."""
        if self.pieces is None:
            yield self.text
            return
        batch: list[str] = []
        size = 0
        for piece in self.pieces():
            batch.append(piece)
            size += len(piece)
            if size >= CHUNK_SIZE:
                yield "".join(batch)
                batch, size = [], 0
        if batch:
            yield "".join(batch)


#: How much of a file made in pieces :meth:`GeneratedAsset.chunks` hands over at a time.
CHUNK_SIZE = 1 << 16
