"""MkDocs glue for :mod:`privacy_pages.learn_syntax`: set the page being converted.

Python-Markdown extensions are not told which page they are converting. Under MkDocs the
extension finds it by itself (from MkDocs' per-page ``relpath`` tree processor), so a plain
MkDocs site needs none of this. It is for setups where that does not work, for example another
plugin that converts Markdown itself: a plugin can call :func:`set_page_context` before each
page is converted::

    from privacy_pages.mkdocs_plugin.learn_syntax_hooks import set_page_context

    def on_page_markdown(self, markdown, /, *, page, config, files):
        set_page_context(page.file.abs_src_path or page.file.src_uri, config.docs_dir)
        return markdown

or a site can list this file under ``hooks:`` in ``mkdocs.yml``: the ``on_page_markdown`` /
``on_page_content`` functions below are MkDocs event hooks.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from privacy_pages.learn_syntax import set_current_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

__all__ = ["clear_page_context", "on_page_content", "on_page_markdown", "set_page_context"]


def set_page_context(page_src_path: str, docs_dir: str) -> None:
    """Make ``page_src_path`` the page that the next conversions belong to.

    ``page_src_path`` is the page's Markdown source, absolute or relative to
    ``docs_dir``; ``docs_dir`` is the docs root that includes may not leave.
    """
    docs = Path(docs_dir)
    page = Path(page_src_path)
    if not page.is_absolute():
        page = docs / page
    set_current_page(page, docs)


def clear_page_context() -> None:
    """Forget the current page (paths then resolve as without a plugin)."""
    set_current_page(None, None)


def on_page_markdown(
    markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    """MkDocs hook: set the page context before the page is converted."""
    set_page_context(page.file.abs_src_path or page.file.src_uri, config.docs_dir)
    return markdown


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """MkDocs hook: clear the page context once the page is converted."""
    clear_page_context()
    return html
