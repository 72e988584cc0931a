"""The page content (MkDocs' word for the HTML Python-Markdown made of a page), cleaned: the last
step for HTML made from content, whatever Markdown syntax made it (see
:mod:`privacy_pages.render.sanitize`)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..render.sanitize import RowMemo, sanitize_marked, sanitize_rows
from .speedups.stash import HtmlBlockStash


def cleaned_content(
    html: str,
    page: Page,
    config: MkDocsConfig,
    files: Files,
    *,
    generated: bool,
    stash: HtmlBlockStash | None,
    rows: RowMemo | None,
) -> str:
    """A hand-written page with the blocks the plugin filled in cleaned; a ``generated`` page
    whole, the anchors of its blocks in the ``stash`` told to MkDocs first. ``rows`` (under
    ``mkdocs serve``): the table rows cleaned already."""
    if not generated:
        return sanitize_marked(html, rows)
    if stash is not None:
        html = stash.converted(html, page, config, files)
    return sanitize_rows(html, rows)  # megabytes for the index: its blocks not held twice
