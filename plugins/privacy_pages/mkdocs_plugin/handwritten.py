"""Hand-written pages: the ``<!-- privacy-pages: NAME -->`` blocks filled in from the records,
in the language of the build (a page of mkdocs-static-i18n's French build lists the French
pages in French)."""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from ..pipeline import SiteBuild, fill_page_blocks

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


def expand_page_blocks(markdown: str, page: Page, build: SiteBuild) -> str:
    """A hand-written page's Markdown with its blocks filled in; an unknown block is an error
    at the page's file."""
    file = page.file
    source = file.abs_src_path or file.src_uri
    expanded, problems = fill_page_blocks(build, file.src_uri, markdown, source, mark=True)
    for problem in problems:
        log.error(str(problem))
    if problems:
        raise PluginError(f"privacy-pages: unknown block in {file.src_uri}")
    return expanded


def filled_blocks(build: SiteBuild, file: File, text: str) -> str | None:
    """A hand-written page's text with the plugin's blocks filled in (None: a block is wrong)."""
    source = file.abs_src_path or file.src_uri
    filled, problems = fill_page_blocks(build, file.src_uri, text, source)
    return None if problems else filled
