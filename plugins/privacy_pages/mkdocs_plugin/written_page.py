"""A generated page as MkDocs writes it, theme included, checked for markup that runs."""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from ..load.metadata import PRINTED_AS_HTML
from ..render.page_check import runnable_from


def refuse_runnable(output: str, page: Page) -> None:
    """Stop the build if the page around a generated page's content (the theme's edit link,
    title, metadata, built from values of the records) holds markup that runs made with one of
    those values: the content itself is sanitized, this is the check behind what makes the
    rest safe."""
    file, meta = page.file, page.meta or {}
    # The file name stands for the source path and the edit link, which both end with it.
    values = [os.path.basename(file.abs_src_path or ""), str(page.title or "")]
    values += [str(meta[key]) for key in PRINTED_AS_HTML if isinstance(meta.get(key), str)]
    found = runnable_from(output, page.content or "", values)
    if found is not None:
        raise PluginError(
            f"privacy-pages: {page.file.src_uri} (made from {page.file.abs_src_path}) would "
            f"carry markup that runs in a browser around its content, {found!r}; it was not "
            "written (this is a bug in privacy-pages or the theme's overrides; please report it)"
        )
