"""Which page is being converted, and where it lives: Python-Markdown does not tell
extensions, so the page comes from a context variable that a caller sets, else from MkDocs'
own per-page tree processor (see "Path resolution" in :mod:`privacy_pages.learn_syntax`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown import Markdown


@dataclass(frozen=True)
class PageContext:
    """The Markdown source file being converted and the docs root it lives in."""

    page_path: Path | None
    docs_dir: Path | None


_CURRENT_PAGE: ContextVar[PageContext | None] = ContextVar(
    "privacy_pages_learn_syntax_page", default=None
)


def _make_context(path: Path | str | None, docs_dir: Path | str | None) -> PageContext | None:
    if path is None and docs_dir is None:
        return None
    docs = Path(docs_dir).resolve() if docs_dir is not None else None
    page: Path | None = None
    if path is not None:
        page = Path(path)
        if not page.is_absolute() and docs is not None:
            page = docs / page
        page = page.resolve()
    return PageContext(page_path=page, docs_dir=docs)


def set_current_page(path: Path | str | None, docs_dir: Path | str | None = None) -> None:
    """Set the page that following conversions belong to.

    ``path`` is the page's Markdown source file (relative paths are taken
    relative to ``docs_dir`` when given); ``docs_dir`` is the docs root that
    includes may not leave. ``set_current_page(None, None)`` clears it.
    """
    _CURRENT_PAGE.set(_make_context(path, docs_dir))


def get_current_page() -> PageContext | None:
    """Return the page context set by :func:`set_current_page`, if any."""
    return _CURRENT_PAGE.get()


@contextmanager
def page_context(
    path: Path | str | None, docs_dir: Path | str | None = None
) -> Iterator[PageContext | None]:
    """Set the current page for the duration of a ``with`` block."""
    context = _make_context(path, docs_dir)
    token = _CURRENT_PAGE.set(context)
    try:
        yield context
    finally:
        _CURRENT_PAGE.reset(token)


@dataclass(frozen=True)
class PageLocation:
    page_path: Path | None
    page_dir: Path
    root: Path

    def label(self) -> str:
        if self.page_path is None:
            return "<unknown page>"
        if self.page_path.is_relative_to(self.root):
            return self.page_path.relative_to(self.root).as_posix()
        return str(self.page_path)


def mkdocs_page(md: Markdown) -> tuple[Path | None, Path | None]:
    """Duck-typed look at MkDocs' per-page ``relpath`` tree processor."""
    if "relpath" not in md.treeprocessors:
        return None, None
    processor: Any = md.treeprocessors["relpath"]
    file = getattr(processor, "file", None)
    config = getattr(processor, "config", None)
    docs_dir: Path | None = None
    raw_docs = getattr(config, "docs_dir", None)
    if isinstance(raw_docs, str) and raw_docs:
        docs_dir = Path(raw_docs).resolve()
    page: Path | None = None
    abs_src = getattr(file, "abs_src_path", None)
    src_uri = getattr(file, "src_uri", None)
    if isinstance(abs_src, str) and abs_src:
        page = Path(abs_src).resolve()
    elif isinstance(src_uri, str) and src_uri and docs_dir is not None:
        page = (docs_dir / src_uri).resolve()
    return page, docs_dir


def zensical_page(md: Markdown) -> tuple[Path | None, Path | None]:
    """Duck-typed look at Zensical's per-page ``rendering_context`` preprocessor: the page's
    source path (relative to the docs folder) and the configuration it was built with."""
    if "rendering_context" not in md.preprocessors:
        return None, None
    processor: Any = md.preprocessors["rendering_context"]
    page = getattr(processor, "page", None)
    config = getattr(processor, "config", None)
    if not isinstance(config, dict):
        return None, None
    raw_docs, root = config.get("docs_dir"), config.get("root_dir")
    docs_dir: Path | None = None
    if isinstance(raw_docs, str) and raw_docs:
        docs_dir = Path(root if isinstance(root, str) else ".").joinpath(raw_docs).resolve()
    path = getattr(page, "path", None)
    if not isinstance(path, str) or not path:
        return None, docs_dir
    source = Path(path)
    if not source.is_absolute() and docs_dir is not None:
        source = docs_dir / source
    return source.resolve(), docs_dir


def site_generator_page(md: Markdown) -> tuple[Path | None, Path | None]:
    """The page being converted and the docs folder, as the site generator running the
    conversion tells them (MkDocs or Zensical), or ``(None, None)``."""
    page, docs = mkdocs_page(md)
    if page is None and docs is None:
        page, docs = zensical_page(md)
    return page, docs
