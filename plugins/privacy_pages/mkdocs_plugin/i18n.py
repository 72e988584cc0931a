"""Languages through mkdocs-static-i18n (its plugin is ``i18n``), the only way the plugin
publishes several: i18n builds the site once per language, and each build renders the
generated pages in its language.

i18n makes the files of each language anew in its ``on_files`` (event priority -100), from the
files it finds under the docs folder: a page made from content, whose source is a record
outside the docs folder, would be left out. So the generated pages and downloads are taken out
before it and put back after it, each made a file of the language being built as i18n makes
its own (for a language other than the default, under the language's folder of the site:
``fr/privacy/...``). Each page also lists the same page in every language i18n builds, as
i18n's own pages do: its language selector, ``hreflang`` links and sitemap read them, and would
otherwise lead to the other languages' home pages.

i18n offers no public way to add a file made outside the docs folder, so this module uses what
its own files are made with: its ``create_i18n_file`` (of the docs structure, ``suffix`` or
``folder``), the ``alternates`` of each file and the plugin's ``i18n_files_per_language``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..pipeline import SiteBuild
from ..settings import Settings

#: The event priority of mkdocs-static-i18n's ``on_files`` and ``on_nav``.
I18N_PRIORITY = -100


def i18n_plugin(config: MkDocsConfig) -> Any | None:
    """The site's mkdocs-static-i18n plugin, if it has one that is enabled."""
    for plugin in config.plugins.values():
        if type(plugin).__module__.startswith("mkdocs_static_i18n"):
            enabled = getattr(plugin, "config", {}).get("enabled", True)
            return plugin if enabled is not False else None
    return None


def built_language(config: MkDocsConfig) -> str:
    """The language i18n builds now (in any plugin's ``on_config``: before its own, in the
    first build, it has not set it yet: the default language); "" without i18n."""
    plugin = i18n_plugin(config)
    if plugin is None:
        return ""
    return str(plugin.current_language or plugin.default_language)


def build_settings(settings: Settings, i18n: Any | None) -> Settings:
    """The settings of this build: the language i18n is building (the site's, without i18n).
    Absolute links (the feed's) lead to that language's folder of the site."""
    if i18n is None:
        return settings
    language = i18n.current_language or i18n.default_language
    site_url = settings.site_url
    if site_url and language != i18n.default_language:
        site_url = f"{site_url.rstrip('/')}/{language}/"
    return replace(settings, language=language, languages=(), site_url=site_url)


class I18nFiles:
    """This build's generated files on a site with mkdocs-static-i18n (``plugin``; None:
    without it)."""

    def __init__(self, plugin: Any | None, config: MkDocsConfig) -> None:
        self.plugin = plugin
        self.config = config
        self.hidden: list[File] = []
        if plugin is None:
            return
        languages = plugin.config.languages  # i18n's option: each language's locale and build
        self.default = next(language.locale for language in languages if language.default)
        self.current = plugin.current_language or self.default
        self.every = [language.locale for language in languages]
        self.built = [language.locale for language in languages if language.build]
        structure = importlib.import_module(f"mkdocs_static_i18n.{plugin.config.docs_structure}")
        self.create: Callable[..., File] = structure.create_i18n_file

    def place(self, file: File) -> File:
        """A download as a file of the language being built (``fr/privacy/privacy.json``)."""
        if self.plugin is None:
            return file
        return self.create(file, self.current, self.default, self.every, self.config)

    def hide(self, files: Files, paths: set[str]) -> None:
        """Just before i18n's ``on_files``: the generated files (by their paths) out, which it
        would leave out with a warning."""
        if self.plugin is not None:
            self.hidden = [file for file in files if file.src_uri in paths]
            for file in self.hidden:
                files.remove(file)

    def add_back(self, files: Files, pages: set[str]) -> None:
        """After i18n's ``on_files``: the hidden files back, the ``pages`` (by their paths) as
        files of the language it builds (the downloads are placed already)."""
        hidden, self.hidden = self.hidden, []
        for file in hidden:
            files.append(self._page(file) if file.src_uri in pages else file)

    def in_language_section(self, nav: Navigation, pages: set[str]) -> None:
        """Just before i18n's ``on_nav``: in its ``folder`` structure, a nav made from the
        folders has a section per language folder (``En``, ``Fr``), whose pages i18n keeps and
        nothing else; the sections of the generated pages (outside those folders) go in the
        language's, as if they were in its folder."""
        if self.plugin is None or self.plugin.config.docs_structure != "folder":
            return
        titles = (self.current.capitalize(), self.default.capitalize())
        found = [item for item in nav.items if item.is_section and item.title in titles]
        if not found:  # the site's own nav (nav:), which i18n leaves as it is
            return
        section = found[0]
        for item in [item for item in nav.items if item not in found]:
            if any(page.file.src_uri in pages for page in _pages(item)):
                nav.items.remove(item)
                section.children.append(item)
                item.parent = section

    def _page(self, file: File) -> File:
        """A generated page as a file of the language being built. The pages are rendered in
        that language, so each language has them, whether or not the site falls back to the
        default language for the pages it has no version of (``fallback_to_default``)."""
        made = self.place(file)
        made.content_string = file.content_string  # (which unsets abs_src_path)
        made.abs_src_path, made.edit_uri = file.abs_src_path, file.edit_uri
        made.generated_by = file.generated_by
        # The same page in each language built (each build renders it), where i18n's selector
        # and sitemap look for a page's versions: the file as that language's build makes it.
        create, default, every = self.create, self.default, self.every
        alternates = {lang: create(file, lang, default, every, self.config) for lang in self.built}
        alternates[self.current] = made  # itself, as i18n's own pages
        made.alternates = alternates  # type: ignore[attr-defined]  # i18n's, on each file it makes
        # The pages of each language, which i18n's sitemap lists with their alternates.
        plugin: Any = self.plugin
        plugin.i18n_files_per_language.setdefault(self.current, []).append(made)
        return made


class CheckedContent:
    """The check of the records that i18n's builds of one site share. i18n builds each language
    in turn, with one configuration (the others inside the default language's
    ``on_post_build``): the default language's build reads and checks the records, and the
    translations of every language built, once; the others render from that check (its
    problems told once). ``mkdocs serve`` loads the configuration anew for each rebuild, so a
    check is used only with the configuration it was made with."""

    def __init__(self) -> None:
        self._made: tuple[MkDocsConfig, SiteBuild] | None = None

    def to_check(self, i18n: I18nFiles) -> tuple[str, ...]:
        """The languages whose translations this build checks besides its own: in the
        default language's build, every other language i18n builds; else none."""
        if i18n.plugin is None or i18n.current != i18n.default:
            return ()
        return tuple(language for language in i18n.built if language != i18n.current)

    def made(self, i18n: I18nFiles) -> SiteBuild | None:
        """The check this build renders from: the default language's, in another language's
        build of the same configuration; None when it checks for itself."""
        if i18n.plugin is None or i18n.current == i18n.default or self._made is None:
            return None
        config, build = self._made
        return build if config is i18n.config else None

    def keep(self, i18n: I18nFiles, build: SiteBuild) -> None:
        """After the default language's build checked for all: its check, without its pages."""
        self._made = (i18n.config, replace(build, pages=[], downloads=[]))


def _pages(item: Any) -> list[Page]:
    """The pages of a nav item, at any depth."""
    if isinstance(item, Page):
        return [item]
    if isinstance(item, Section):
        return [page for child in item.children for page in _pages(child)]
    return []
