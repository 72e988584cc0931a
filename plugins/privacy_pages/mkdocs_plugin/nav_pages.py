"""The generated pages in the site's nav, whoever makes it: ``nav:`` in ``mkdocs.yml`` (the
plugin fills its section), mkdocs-literate-nav or mkdocs-awesome-nav (each reads a nav file of
a folder: the plugin writes one for the pages' folder, so that one line of the site's nav lists
them), or MkDocs from the folders.

Whichever made it, the nav names a product's page by the product's name (its page's title is
the record's longer metadata title, which the browser's tab shows), and a build whose nav
leaves generated pages out says so: nothing else may link to them ("What changed")."""

from __future__ import annotations

import html
import logging
import posixpath
from collections.abc import Sequence
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from ..render.generated import GeneratedPage
from ..render.pages import nav_entries
from ..settings import Settings

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

#: The nav plugins that read a folder's own nav file: module, option naming the file, default.
_NAV_PLUGINS = {
    "literate-nav": ("mkdocs_literate_nav", "nav_file", "SUMMARY.md"),
    "awesome-nav": ("mkdocs_awesome_nav", "filename", ".nav.yml"),
}

#: How many left-out pages a warning names (a site may have hundreds).
_NAMED = 5


def nav_titles(pages: Sequence[GeneratedPage]) -> dict[str, str]:
    """The nav title of each generated page, by its path: the product's name for a product's
    page (HTML-escaped: Material prints nav titles as HTML, and names come from content)."""
    return {page.path: html.escape(page.title) for page in pages}


def name_pages(nav: Navigation, titles: dict[str, str]) -> None:
    """Title the generated pages of ``nav`` the nav left untitled (a path alone, a glob, a
    folder's nav file): otherwise MkDocs titles them by their metadata title."""
    for page in nav.pages:
        title = titles.get(page.file.src_uri)
        # A title the nav gives is set on the page object (MkDocs' weak_property), "" by an
        # empty link text of literate-nav.
        if title is not None and not vars(page).get("title"):
            page.title = title


def _nav_plugin(config: MkDocsConfig) -> tuple[str, str] | None:
    """The site's nav plugin that reads folders' nav files, and the name of those files."""
    for name, (module, option, default) in _NAV_PLUGINS.items():
        for plugin in config.plugins.values():
            if type(plugin).__module__.startswith(module):
                options: Any = getattr(plugin, "config", {})
                return name, str(options.get(option) or default)
    return None


def _folder_entries(pages: Sequence[GeneratedPage], settings: Settings) -> list[Any]:
    """The nav entries of the pages folder (paths in it), in the build's one language
    (mkdocs-static-i18n builds each language on its own)."""
    return _relative(nav_entries(pages, settings, escape_titles=False), settings.pages_dir)


def _relative(entries: list[Any], folder: str) -> list[Any]:
    """Nav entries with the pages' paths relative to ``folder``."""
    return [
        {
            title: _relative(value, folder)
            if isinstance(value, list)
            else posixpath.relpath(str(value), folder)
        }
        for entry in entries
        for title, value in entry.items()
    ]


def _markdown_text(text: str) -> str:
    """``text`` as literal Markdown (a section's title in literate-nav's nav file)."""
    return "".join(f"\\{char}" if char in "\\`*_{}[]()<>#+-.!&|" else char for char in text)


def _literate_nav(entries: list[Any], depth: int = 0) -> str:
    """A folder's nav for literate-nav. Pages get empty link texts, titled by :func:`name_pages`
    (a title in Markdown would lose what Markdown reads as markup)."""
    lines = []
    for entry in entries:
        for title, value in entry.items():
            indent = "    " * depth
            if isinstance(value, list):
                lines.append(f"{indent}* {_markdown_text(str(title))}\n")
                lines.append(_literate_nav(value, depth + 1))
            else:
                lines.append(f"{indent}* []({value})\n")
    return "".join(lines)


def _awesome_nav(entries: list[Any]) -> list[Any]:
    """A folder's nav for awesome-nav: the pages by path (titled by :func:`name_pages`)."""
    return [
        {title: _awesome_nav(value)} if isinstance(value, list) else value
        for entry in entries
        for title, value in entry.items()
    ]


def add_nav_files(
    files: Files, config: MkDocsConfig, pages: Sequence[GeneratedPage], settings: Settings
) -> None:
    """With literate-nav or awesome-nav, the nav file of each pages folder (unless the site has
    its own there): the site's nav lists the folder's pages in their order with one line.
    Excluded: never a page of the site, nor copied into it."""
    found = _nav_plugin(config)
    if found is None:
        return
    plugin, name = found
    entries = _folder_entries(pages, settings)
    path = f"{settings.pages_dir}/{name}"
    if not entries or files.get_file_from_path(path) is not None:
        return
    if plugin == "literate-nav":
        text = _literate_nav(entries)
    else:
        text = yaml.safe_dump({"nav": _awesome_nav(entries)}, allow_unicode=True)
    files.append(File.generated(config, path, content=text, inclusion=InclusionLevel.EXCLUDED))


def _line(config: MkDocsConfig, settings: Settings) -> str:
    """The line of the site's nav that lists the pages folder, and where it goes."""
    folder, title = settings.pages_dir, settings.nav_title
    found = _nav_plugin(config)
    if found is None:
        return f"'- {title}: []' to the nav in mkdocs.yml"
    plugin, name = found
    if plugin == "literate-nav":
        return f"'* [{title}]({folder}/)' to the nav file {name} ({plugin})"
    return f"'- {title}: {folder}' to the nav: of {name} ({plugin})"


def warn_left_out(
    nav: Navigation, files: Files, config: MkDocsConfig, page_paths: set[str], settings: Settings
) -> None:
    """Warn (``--strict`` fails) when the site's nav leaves out generated pages it would list:
    the pages folder is named, with the line that lists it."""
    in_nav = {page.file.src_uri for page in nav.pages}
    left_out = [
        file.src_uri
        for file in files.documentation_pages()
        if file.src_uri in page_paths
        and file.inclusion is not InclusionLevel.NOT_IN_NAV  # one the plugin lists (.files)
        and file.src_uri not in in_nav
    ]
    if not left_out:
        return
    left_out.sort(key=lambda path: (path.count("/"), path))  # "What changed" before comparisons
    named = ", ".join(left_out[:_NAMED]) + (
        f" and {len(left_out) - _NAMED} more" if len(left_out) > _NAMED else ""
    )
    log.warning(
        f"privacy-pages: the site's nav leaves out {len(left_out)} generated page(s), which "
        f"no nav entry then reaches: {named}. Add {_line(config, settings)}; or set the plugin's option "
        "nav_check: false"
    )
