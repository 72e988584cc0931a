"""The generated pages and downloads as MkDocs files, their entries in the nav, and the order
MkDocs converts the files in."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from ..pipeline import SiteBuild
from ..render.generated import GeneratedAsset, GeneratedPage
from ..render.pages import fill_nav, nav_entries
from ..render.paths import data_item_index_path, is_comparison_page
from ..settings import Settings


def add_generated_files(
    files: Files, config: MkDocsConfig, build: SiteBuild, written: dict[str, str] | None = None
) -> None:
    """Add the build's pages and downloads to ``files``; a generated page may not replace a
    hand-written one. ``written`` (under ``mkdocs serve``) holds the text of each download as
    the last build wrote it: one that has not changed is not written again."""
    settings = build.settings
    for page in build.pages:
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            raise PluginError(
                f"privacy-pages: {page.path} would replace the hand-written page "
                f"{existing.abs_src_path}; rename one of them"
            )
    docs_dir = Path(config.docs_dir)
    for page in build.pages:
        # Not listed: out of the automatic nav, and no "not in nav" message.
        listed = settings.nav_products or not (
            page.product_id or is_comparison_page(page.path, settings)
        )
        inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.path, content=page.markdown, inclusion=inclusion)
        if page.source is not None:  # "edit this page" opens the record
            file.edit_uri = Path(os.path.relpath(page.source, docs_dir)).as_posix()
        files.append(file)
    for asset in build.downloads:
        files.append(_written(config, asset, written))


def _written(config: MkDocsConfig, asset: GeneratedAsset, written: dict[str, str] | None) -> File:
    """The download, written into the site directory a piece at a time, as a file MkDocs copies
    onto itself (which it skips): MkDocs would hold the whole text until the end of the build
    (privacy.json is megabytes at hundreds of products), and write it the same way."""
    target = Path(config.site_dir, asset.path)
    unchanged = (
        written is not None
        and asset.pieces is None
        and written.get(asset.path) == asset.text
        and target.is_file()
    )
    if not unchanged:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as output:  # as MkDocs writes a generated file
            for chunk in asset.chunks():
                output.write(chunk)
        if written is not None and asset.pieces is None:
            written[asset.path] = asset.text
    file = File.generated(config, asset.path, abs_src_path=str(target))
    if os.path.normpath(file.abs_dest_path) != os.path.normpath(target):
        raise PluginError(f"privacy-pages: {asset.path} would be written outside the site")
    return file


def add_to_nav(config: MkDocsConfig, pages: Sequence[GeneratedPage], settings: Settings) -> None:
    """Fill the nav section ``settings.nav_title`` (added at the end if missing) with the
    product pages, the comparisons and the data-item index (titles escaped: Material prints
    nav titles as HTML)."""
    if config.nav is None:
        config.nav = []
    fill_nav(config.nav, nav_entries(pages, settings), settings)


def wide_pages_first(pages: Sequence[GeneratedPage], settings: Settings) -> list[str]:
    """The paths of the comparisons and the data-item index, the widest first."""
    wide = [
        page
        for page in pages
        if is_comparison_page(page.path, settings) or page.path == data_item_index_path(settings)
    ]
    return [page.path for page in sorted(wide, key=lambda page: -len(page.markdown))]


def put_in_order(files: Files, order: list[File]) -> None:
    """Put ``files`` in ``order``; a file not in it (added since by another plugin) after."""
    kept = [file for file in order if files.get_file_from_path(file.src_uri) is file]
    known = set(kept)
    for file in kept + [file for file in files if file not in known]:
        files.remove(file)
        files.append(file)
