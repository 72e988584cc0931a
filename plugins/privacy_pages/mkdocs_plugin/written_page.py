"""A page as MkDocs writes it, theme included (MkDocs' ``output`` in ``on_post_page``): a
generated page checked for markup that runs, and every page given what the plugin adds."""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..load.metadata import PRINTED_AS_HTML
from ..render.page_check import runnable_from
from .head import add_feed_link, add_meta_tags
from .page_assets import PageAssets, asks_for_feed, mark_generated


def post_page_output(
    output: str,
    page: Page,
    assets: PageAssets | None,
    *,
    generated: bool,
    feed: tuple[str, str] | None,
) -> str:
    """The page as the theme wrote it, with what the plugin adds: a ``generated`` page checked,
    marked and with the plugin's style sheet and script; the link to the ``feed`` of changes
    (its URL and title; a hand-written page when it asks), and a product's metadata as
    ``<meta>``."""
    if generated:  # the theme around the content prints values from content too
        refuse_runnable(output, page)
        output = mark_generated(output)
        if assets is not None:
            template = (page.meta or {}).get("template") or "main.html"
            output = assets.ensure(output, page.url, str(template))
    if feed is not None and (generated or asks_for_feed(page.meta)):
        output = add_feed_link(output, get_relative_url(feed[0], page.url), feed[1])
    meta = page.meta or {}
    return add_meta_tags(output, meta) if "product_id" in meta else output


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
