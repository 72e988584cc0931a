"""The site's languages in MkDocs: which language a build renders, and on a site without
mkdocs-static-i18n, the pages of each other language (option ``languages``) marked as such.

With mkdocs-static-i18n, i18n builds the site once per language with the theme in that
language: each build renders its language's pages (see :mod:`.i18n` for where they go). Without
it, one build renders every language, each under its folder (``fr/privacy/...``); its pages
get ``<html lang dir>``, ``hreflang`` alternates, Material's language selector
(``extra.alternate``) pointing at the same page in each language, and a nav section each.
"""

from __future__ import annotations

import html
import inspect
import logging
import posixpath
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from ..messages import RIGHT_TO_LEFT, Messages, base_language, language_name, messages_for
from ..model import Dataset
from ..pipeline import SiteBuild
from ..render.paths import FEED_PATH, feed_path, page_url
from ..settings import Settings

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_BODY_DIR = re.compile(r'<body dir="[^"]*"', re.IGNORECASE)
_LANG_ATTRIBUTE = re.compile(r'\s(?:lang|dir)="[^"]*"', re.IGNORECASE)


def in_build_language(settings: Settings, i18n: Any | None) -> Settings:
    """The settings of this build: on a site with mkdocs-static-i18n, the language i18n is
    building (it builds each language on its own); else the site's languages."""
    if i18n is None:
        return settings
    language = i18n.current_language or i18n.default_language
    if settings.languages and language == i18n.default_language:  # said once, not per language
        built = ", ".join(i18n.all_languages)
        log.info(
            "privacy-pages: the option languages (%s) is ignored: mkdocs-static-i18n builds "
            "the site's languages (%s); a language goes in i18n's languages instead",
            ", ".join(settings.languages),
            built,
        )
    return replace(settings, language=language, languages=())


def page_dataset(build: SiteBuild, src_uri: str, settings: Settings) -> Dataset:
    """The model a generated page was rendered from: its language's."""
    translated = build.languages.get(settings.page_language(src_uri))
    return build.dataset if translated is None else translated.dataset


def page_messages(src_uri: str, settings: Settings) -> Messages:
    """The messages of a page's language (a hand-written page: the site's)."""
    return messages_for(settings.page_language(src_uri), settings.messages_dir)


def page_feed(src_uri: str, settings: Settings) -> str:
    """The feed of changes in a page's language (``changes.fr.xml`` for a French page)."""
    language = settings.page_language(src_uri)
    if language == settings.language:
        return FEED_PATH
    return feed_path(settings.in_language(language))


def alternates(src_uri: str, settings: Settings, page_paths: set[str]) -> list[dict[str, str]]:
    """Material's ``extra.alternate`` for a generated page: the same page in each language."""
    found = []
    for language in settings.all_languages:
        path = settings.path_in(src_uri, language)
        if path in page_paths:
            link = page_url(path, settings.directory_urls)
            found.append({"name": language_name(language), "link": link, "lang": language})
    return found


def mark_language(output: str, language: str) -> str:
    """A built page with ``<html lang dir>`` of its language."""
    tag = _HTML_TAG.search(output)
    if tag is None:
        return output
    direction = "rtl" if base_language(language) in RIGHT_TO_LEFT else "ltr"
    attributes = _LANG_ATTRIBUTE.sub("", tag.group()[5:-1])
    marked = f'<html lang="{html.escape(language)}" dir="{direction}"{attributes}>'
    output = output.replace(tag.group(), marked, 1)
    # Material writes the site's direction on <body>, which the layout follows.
    body = _BODY_DIR.search(output)
    if body is not None:
        output = output.replace(body.group(), f'<body dir="{direction}"', 1)
    return output


def page_alternates(
    config: MkDocsConfig, src_uri: str | None, settings: Settings, page_paths: set[str], site: Any
) -> list[dict[str, str]]:
    """Set Material's language selector for the page about to be written (``on_page_context``):
    a generated page's languages, else what the site configured (``site``). Returns the
    page's alternates (empty for a page in one language)."""
    found = []
    if src_uri is not None and settings.languages and src_uri in page_paths:
        found = alternates(src_uri, settings, page_paths)
    if len(found) < 2:  # a page in one language (a version of a statement): no selector of its own
        found = []
    if found:
        config.extra["alternate"] = found
    elif site is not None or "alternate" in config.extra:
        config.extra["alternate"] = site
    return found


def written_in_language(output: str, src_uri: str, settings: Settings) -> str:
    """A written generated page with its language marked (``<html lang dir>``). Its other
    languages are in Material's selector and in the ``<link rel="alternate" hreflang>`` tags
    Material writes from it (see :func:`write_sitemap_stubs`)."""
    language = settings.page_language(src_uri)
    if language != settings.language:
        output = mark_language(output, language)
    return output


def theme_in_language(config: MkDocsConfig, language: str, settings: Settings) -> None:
    """Have the theme write the page about to be written in its language: Material reads its
    own words ("Search", "Table of contents") and the page's direction from
    ``theme.language`` as it renders each page. A language the theme has no words for keeps
    the site's (Material: ``partials/languages/<language>.html``)."""
    if "language" not in config.theme:
        return
    if language != settings.language and not _theme_speaks(tuple(config.theme.dirs), language):
        language = settings.language
    config.theme["language"] = language


@cache
def _theme_speaks(dirs: tuple[str, ...], language: str) -> bool:
    return any(
        (Path(folder) / "partials/languages" / f"{language}.html").is_file() for folder in dirs
    )


def search_in_languages(plugins: Iterable[Any], settings: Settings) -> None:
    """Have Material's search read the words of every language the build writes (its option
    ``lang``, which a site with one language leaves to the theme's), as Material advises a
    site in several languages: each one's stop words and word characters. A language Material's
    search has no support for (no ``lunr.<language>.min.js``) is left to the others."""
    for plugin in plugins:
        if not type(plugin).__module__.startswith("material.plugins.search"):
            continue
        languages = plugin.config.get("lang")
        if not isinstance(languages, list):
            continue
        stemmers = Path(inspect.getfile(type(plugin))).parents[2] / LUNR_STEMMERS
        for language in settings.all_languages:
            code = base_language(language)
            if code not in languages and (stemmers / f"lunr.{code}.min.js").is_file():
                # In place: Material's index holds this very list, and writes it at the end.
                languages.append(code)


#: Where Material keeps the stemmers of its search, in its package.
LUNR_STEMMERS = "templates/assets/javascripts/lunr/min"


#: What a page's folder holds for Material's language selector (see write_sitemap_stubs).
SITEMAP_STUB = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def write_sitemap_stubs(site_dir: str, urls: set[str]) -> None:
    """An empty ``sitemap.xml`` beside each page in several languages. Material's script reads
    the ``sitemap.xml`` beside each of a page's alternate links, meant for the roots of the
    languages, to find the same page in the other language; the links of a generated page are
    already that page, and an empty sitemap lets the script go to them as they are, instead of
    a request that fails on every page (the site's own ``sitemap.xml`` is not touched)."""
    for url in urls:
        folder = Path(site_dir) / (url if url.endswith("/") else posixpath.dirname(url))
        target = folder / "sitemap.xml"
        if folder.is_dir() and folder != Path(site_dir) and not target.exists():
            target.write_text(SITEMAP_STUB, "utf-8")
