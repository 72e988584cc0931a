"""Generated pages on a site translated with mkdocs-static-i18n (its plugin is ``i18n``).

The i18n plugin makes the files of each language anew in its ``on_files`` (event priority
-100), from the files it finds under the docs folder: a page made from content, whose source is
a record outside the docs folder, would be left out. So on such a site the generated pages are
added after it, each made the file of the language being built by i18n's own function, as i18n
makes a page of the default language: for a language other than the default, under the
language's folder of the site (``fr/privacy/...``). Each language's pages are rendered in that
language (see :mod:`.languages`), so every language has them, whether or not the site falls
back to the default language for its hand-written pages.

Each page also records the same page in every language i18n builds, as i18n records its own
pages' versions: its language selector, ``hreflang`` links and sitemap read them, and would
otherwise lead to the other languages' home pages.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

#: The event priority of mkdocs-static-i18n's ``on_files``; the pages are added after it.
I18N_FILES_PRIORITY = -100


def i18n_plugin(config: MkDocsConfig) -> Any | None:
    """The site's mkdocs-static-i18n plugin, if it has one that is enabled."""
    for plugin in config.plugins.values():
        if type(plugin).__module__.startswith("mkdocs_static_i18n"):
            enabled = getattr(plugin, "config", {}).get("enabled", True)
            return plugin if enabled is not False else None
    return None


def language_files(plugin: Any, config: MkDocsConfig) -> Callable[[File], File]:
    """What makes a generated file a file of the language i18n is building. The pages are
    rendered in that language, so each language has them, whether or not the site falls back
    to the default language for the pages it has no version of (``fallback_to_default``)."""
    languages = plugin.config.languages  # i18n's option: each language's locale and build
    default = next(language.locale for language in languages if language.default)
    current = plugin.current_language or default
    every = [language.locale for language in languages]
    built = [language.locale for language in languages if language.build]
    structure = importlib.import_module(f"mkdocs_static_i18n.{plugin.config.docs_structure}")
    create: Callable[..., File] = structure.create_i18n_file

    def language_file(file: File) -> File:
        made = create(file, current, default, every, config)
        made.content_string = file.content_string  # (which unsets abs_src_path)
        made.abs_src_path, made.edit_uri = file.abs_src_path, file.edit_uri
        made.generated_by = file.generated_by
        # The same page in each language built (each build renders it), where i18n's selector
        # and sitemap look for a page's versions: the file as that language's build makes it.
        alternates = {lang: create(file, lang, default, every, config) for lang in built}
        alternates[current] = made  # itself, as i18n's own pages
        made.alternates = alternates  # type: ignore[attr-defined]  # i18n's, on each file it makes
        # The pages of each language, which i18n's sitemap lists with their alternates.
        plugin.i18n_files_per_language.setdefault(current, []).append(made)
        return made

    return language_file


def hide_from_i18n(files: Files, paths: set[str]) -> list[File]:
    """Take the generated pages (by their paths) out of ``files`` before i18n's ``on_files``,
    which would leave them out with a warning; returns them."""
    hidden = [file for file in files if file.src_uri in paths]
    for file in hidden:
        files.remove(file)
    return hidden


def add_in_language(plugin: Any, files: Files, hidden: list[File], config: MkDocsConfig) -> None:
    """After i18n's ``on_files``: the hidden pages, as files of the language being built."""
    if not hidden:
        return
    language = language_files(plugin, config)
    for file in hidden:
        files.append(language(file))


class I18nFiles:
    """The generated pages on a site with mkdocs-static-i18n (``plugin``; None: without it):
    taken out of the files before its ``on_files``, put back after it as files of the language
    it builds."""

    def __init__(self, plugin: Any | None) -> None:
        self.plugin = plugin
        self.hidden: list[File] = []

    def hide(self, files: Files, paths: set[str]) -> None:
        """Just before i18n's ``on_files``: the generated pages (by their paths) out."""
        if self.plugin is not None:
            self.hidden = hide_from_i18n(files, paths)

    def add_back(self, files: Files, config: MkDocsConfig) -> None:
        """After i18n's ``on_files``: the hidden pages back, in the language it builds."""
        hidden, self.hidden = self.hidden, []
        add_in_language(self.plugin, files, hidden, config)
