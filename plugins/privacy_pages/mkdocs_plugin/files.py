"""The generated pages and downloads as MkDocs files, their entries in the nav, and the order
MkDocs converts the files in."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from ..load.discovery import YAML_SUFFIXES
from ..pipeline import STATIC_PATHS, SiteBuild
from ..render.generated import GeneratedAsset, GeneratedPage
from ..render.pages import fill_language_nav, in_automatic_nav
from ..render.paths import data_item_index_path, is_comparison_page
from ..settings import Settings


def add_generated_files(
    files: Files,
    config: MkDocsConfig,
    build: SiteBuild,
    written: dict[str, str] | None = None,
    place: Callable[[File], File] | None = None,
) -> None:
    """Add the build's pages and downloads to ``files``; a generated page may not replace a
    hand-written one. ``written`` (under ``mkdocs serve``) holds the text of each download as
    the last build wrote it: one that has not changed is not written again. ``place`` makes a
    download the file of the language being built (mkdocs-static-i18n: see :mod:`.i18n`)."""
    settings = build.settings
    for page in build.pages:
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            raise PluginError(
                f"privacy-pages: {page.path} would replace the hand-written page "
                f"{existing.abs_src_path}; rename one of them"
            )
    found: dict[str, Path | None] = {}  # each configuring file looked for once
    for page in build.pages:
        # Not listed: out of the automatic nav, and no "not in nav" message.
        listed = in_automatic_nav(page, settings)
        inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.path, content=page.markdown, inclusion=inclusion)
        set_abs_src_path(file, page_source(page, settings, config, found), settings, config)
        files.append(file)
    for asset in build.downloads:
        files.append(_written(config, asset, written, place))


def page_source(
    page: GeneratedPage,
    settings: Settings,
    config: MkDocsConfig,
    found: dict[str, Path | None] | None = None,
) -> Path:
    """The file a generated page is made from: the product's record; for a comparison, the
    file that configures it (``comparisons.yml``, or ``mkdocs.yml`` for the comparison of every
    product a site gets without it); for the data-item index, the categories that group it;
    for other pages, ``mkdocs.yml``, whose plugin options make them. ``found``: the
    configuring files looked for already, by name."""
    if page.source is not None:
        return page.source
    stem = None
    if is_comparison_page(page.path, settings):
        stem = "comparisons"
    elif page.path == data_item_index_path(settings):
        stem = "categories"
    configured = None
    if stem is not None:
        found = {} if found is None else found
        if stem not in found:
            candidates = (settings.content_dir / f"{stem}{suffix}" for suffix in YAML_SUFFIXES)
            found[stem] = next((path for path in candidates if path.is_file()), None)
        configured = found[stem]
    return configured if configured is not None else Path(config.config_file_path)


def set_abs_src_path(file: File, source: Path, settings: Settings, config: MkDocsConfig) -> None:
    """Make ``source`` the generated file's ``abs_src_path``, as for a page read from the docs
    folder: plugins that read it (feeds and git dates, languages, social cards) treat the page
    like any other, and MkDocs still reads the page from the file's content. "Edit this page"
    opens the source when it is content (a record, ``comparisons.yml``), but not a release's
    snapshot: a release is changed only by recording it again."""
    file.abs_src_path = os.path.abspath(source)
    # (As strings: pathlib's relative_to took a third of handing MkDocs the pages.)
    content = os.path.join(os.path.abspath(settings.content_dir), "")
    if file.abs_src_path.startswith(content) and not file.abs_src_path.startswith(
        os.path.join(content, "history", "")
    ):
        relative = Path(os.path.relpath(file.abs_src_path, config.docs_dir)).as_posix()
        file.edit_uri = quote(relative)  # MkDocs and the theme print it as it is


def _written(
    config: MkDocsConfig,
    asset: GeneratedAsset,
    written: dict[str, str] | None,
    place: Callable[[File], File] | None,
) -> File:
    """The download, written into the site directory a piece at a time, as a file MkDocs copies
    onto itself (which it skips): MkDocs would hold the whole text until the end of the build
    (privacy.json is megabytes at hundreds of products), and write it the same way."""
    file = File.generated(config, asset.path, abs_src_path=os.devnull)
    if place is not None and asset.path not in STATIC_PATHS:  # the site's, once, at its root
        file = place(file)
    target = Path(file.abs_dest_path)
    site = os.path.join(os.path.abspath(config.site_dir), "")
    if not os.path.abspath(target).startswith(site):
        raise PluginError(f"privacy-pages: {asset.path} would be written outside the site")
    unchanged = (
        written is not None
        and asset.pieces is None
        and written.get(file.dest_uri) == asset.text
        and target.is_file()
    )
    if not unchanged:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as output:  # as MkDocs writes a generated file
            for chunk in asset.chunks():
                output.write(chunk)
        if written is not None and asset.pieces is None:
            written[file.dest_uri] = asset.text
    file.abs_src_path = str(target)
    return file


def add_to_nav(config: MkDocsConfig, pages: Sequence[GeneratedPage], settings: Settings) -> None:
    """Fill the nav section ``settings.nav_title`` (added at the end if missing) with the
    product pages, the comparisons and the data-item index (titles escaped: Material prints
    nav titles as HTML)."""
    if config.nav is None:
        config.nav = []
    fill_language_nav(config.nav, pages, settings)


def wide_pages_first(pages: Sequence[GeneratedPage], settings: Settings) -> list[str]:
    """The paths of the comparisons and the data-item index, the widest first."""

    def wide(path: str) -> bool:
        return is_comparison_page(path, settings) or path == data_item_index_path(settings)

    return [
        page.path for page in sorted(pages, key=lambda page: -len(page.markdown)) if wide(page.path)
    ]


def put_in_order(files: Files, order: list[File]) -> None:
    """Put ``files`` in ``order``; a file not in it (added since by another plugin) after."""
    kept = [file for file in order if files.get_file_from_path(file.src_uri) is file]
    known = set(kept)
    for file in kept + [file for file in files if file not in known]:
        files.remove(file)
        files.append(file)


class ConversionOrder:
    """A build converts the widest pages first (a comparison of every product, the index:
    megabytes each): the memory their conversion takes is then reused by the pages after them,
    instead of being added on top of every page converted already. The files go back in their
    order once every page is converted, the order in which MkDocs writes the pages, the search
    index and the sitemap."""

    def __init__(self, widest: list[str]) -> None:
        self.widest = widest
        self.order: list[File] | None = None

    def widest_first(self, files: Files) -> None:
        """In ``on_nav``: the nav is made; MkDocs converts the pages next."""
        if self.widest:
            self.order = list(files)
            wide = [files.get_file_from_path(path) for path in self.widest]
            put_in_order(files, [file for file in wide if file is not None])

    def restore(self, files: Files) -> None:
        """In ``on_env``: every page is converted."""
        if self.order is not None:
            put_in_order(files, self.order)
            self.order = None
