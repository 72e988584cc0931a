"""The plugin's options in ``mkdocs.yml``, typed, with what each one does; the settings they
make, and what generated pages need of the site's configuration."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..render.paths import SCRIPT, STYLESHEET
from ..settings import (
    Settings,
    SettingsError,
    missing_catalogs_message,
    removed_options_message,
    settings_from_options,
)
from .languages import in_build_language

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class PrivacyPagesConfig(Config):  # type: ignore[no-untyped-call]
    """Options of the ``privacy-pages`` plugin in ``mkdocs.yml``."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing its options."""
    content_dir = c.Type(str, default="content")
    """The folder of YAML records, relative to mkdocs.yml."""
    templates_dir = c.Optional(c.Type(str))
    """A folder of templates that override the packaged ones, file by file."""
    pages_dir = c.Type(str, default="privacy")
    """Where the generated pages go, relative to docs_dir."""
    nav_title = c.Type(str, default="Privacy statements")
    """The nav section that lists the product pages (when mkdocs.yml has a nav)."""
    nav_check = c.Type(bool, default=True)
    """Warn (``--strict`` fails) when the site's own nav (``nav:``, literate-nav, awesome-nav)
    leaves out generated pages: the warning names them and the line that lists them. False:
    the site links them some other way."""
    nav_products = c.Type(bool, default=True)
    """List every product page and comparison in the nav. False lists only the data-item index
    (the pages stay reachable from it, from comparisons and from search): with hundreds of
    products, a nav of them all makes every page of the site large."""
    metadata = c.Type(dict, default={})
    """Front-matter rules: ``required`` (a list of keys), ``types`` (key: text, list or date) and
    ``allow`` (other keys products may set). Keys MkDocs or the theme act on (``template``,
    ``hide``, ``search``, ...) and undeclared keys are refused, but for ``title``,
    ``description``, ``keywords``, ``author`` and namespaced keys such as ``ms.date``."""
    max_text_length = c.Type(int, default=20_000)
    """The most characters one text value of the records may hold; longer text is an error
    (it would slow every build down, and no statement needs it)."""
    lint = c.Type(dict, default={})
    """Lint rules: rule id → error, warning, info or off, or → {severity: ..., OPTION: value}."""
    empty_sections = c.Optional(c.Type(dict))
    """What an empty section says when a product's record does not: section id → sentence, in
    which ``{product}`` stands for the product's name (plain text, never a template). Sections
    not listed keep the default wording, such as "{product} collects no optional data."."""
    controller = c.Optional(c.Type(dict))
    """The controller of every product that names none of its own (GDPR Art. 13(1)(a)-(b)):
    ``name``, ``address``, ``contact`` and ``dpo`` (``name``, ``contact``), as the schema's
    ``controller`` defines them. Product pages show it under Your rights."""
    completeness = c.Type(list, default=[])
    """Completeness profiles the site answers to (``[gdpr]``): their lint rules report what
    each statement lacks under that law, with the article. Off by default."""
    history = c.Type(dict, default={})
    """Release history: ``updated_marks_days`` (how long changed items stay marked, default 90)
    and ``today`` (the date to judge by, default the build date)."""

    languages = c.Type(list, default=[])
    """More languages to build the generated pages in, each under its folder (``fr/privacy/``),
    on a site without mkdocs-static-i18n (with it, i18n's languages are built). The site's
    own language is ``theme.language``."""
    stale_translations = c.Choice(("source", "previous"), default="source")
    """Where a translation is stale, show the English text (``source``) or the earlier
    translation (``previous``); a notice says which either way."""
    messages_dir = c.Optional(c.Type(str))
    """A folder of message catalogs over the packaged ones (``LANG/LC_MESSAGES/messages.po``):
    any word privacy-pages writes on a page can be changed."""

    cache: Any = BaseConfigOption()
    """Removed (the build cache): accepted and ignored, with an INFO message."""
    cache_dir: Any = BaseConfigOption()
    """Removed (the build cache's folder): accepted and ignored, with an INFO message."""
    parallel: Any = BaseConfigOption()
    """Removed (the background build): accepted and ignored, with an INFO message."""


def settings_for_site(options: PrivacyPagesConfig, config: MkDocsConfig) -> Settings:
    """In ``on_config``: the settings the plugin's options make, their folders checked; the
    site's configuration gets what generated pages need."""
    settings = read_settings(options, config)
    check_folders(options, settings, config)
    add_what_pages_need(config)
    return settings


def settings_for_build(
    settings: Settings, options: PrivacyPagesConfig, config: MkDocsConfig, i18n: Any | None
) -> Settings:
    """In ``on_pre_build``: the settings of this build, with the site's URLs and in the
    language it builds (see :func:`.in_build_language`); what does nothing is said."""
    settings = in_build_language(with_site_urls(settings, config), i18n)
    warn_missing_catalogs(settings)
    warn_unused_nav_title(options, config)
    return settings


def read_settings(options: PrivacyPagesConfig, config: MkDocsConfig) -> Settings:
    """The settings the plugin's options make (a wrong option stops the build)."""
    adapter_only = {"enabled", "nav_check"}  # what only the MkDocs plugin does
    given = {k: v for k, v in options.items() if v is not None and k not in adapter_only}
    given["language"] = config.theme.get("language") or "en"  # as Material reads it
    try:
        settings = settings_from_options(given, Path(config.config_file_path).parent)
    except SettingsError as exc:
        raise PluginError(f"privacy-pages: {exc}") from exc
    removed = removed_options_message(settings)
    if removed:
        log.info(removed)
    return settings


def check_folders(options: PrivacyPagesConfig, settings: Settings, config: MkDocsConfig) -> None:
    """Stop on a folder option that would do nothing without a word: a content folder that is
    the docs folder (its Markdown pages are no records: the plugin would build nothing), or a
    templates or messages folder that does not exist (the packaged ones would be used)."""
    docs = Path(config.docs_dir).resolve()
    if settings.content_dir == docs:
        raise PluginError(
            f"privacy-pages: the content folder {settings.content_dir} is the docs folder "
            f"(docs_dir), which holds the site's pages, not privacy records; set the plugin's "
            f"option content_dir to the folder of the YAML records (content_dir: "
            f"{options.content_dir!r} now)"
        )
    for option, folder in (
        ("templates_dir", settings.templates_dir),
        ("messages_dir", settings.messages_dir),
    ):
        if folder is not None and not folder.is_dir():
            raise PluginError(
                f"privacy-pages: the folder of the option {option} ({folder}) does not exist, "
                "so the packaged ones would be used; create it or correct the option"
            )


def warn_no_records(settings: Settings, files: tuple[str, ...]) -> None:
    """A content folder that holds no records builds no page: say so (``--strict`` stops)."""
    if not files and settings.content_dir.is_dir():
        log.warning(
            f"privacy-pages: the content folder {settings.content_dir} holds no records "
            "(products/*.yml, catalog/*.yml, categories.yml), so no privacy page is built; "
            "set the plugin's option content_dir to the folder of the YAML records"
        )


def warn_unused_nav_title(options: PrivacyPagesConfig, config: MkDocsConfig) -> None:
    """``nav_title`` names the nav section the plugin fills in the site's ``nav:``; without one
    (the nav made from the folders, or by a nav plugin) it does nothing."""
    default = PrivacyPagesConfig.nav_title.default
    if config.nav is None and options.nav_title != default:
        log.warning(
            f"privacy-pages: the option nav_title ({options.nav_title!r}) names a section of "
            "the nav in mkdocs.yml, but mkdocs.yml has no nav: (the nav is made from the "
            "folders, or by a nav plugin), so it does nothing; remove the option, or add a nav"
        )


def with_site_urls(settings: Settings, config: MkDocsConfig) -> Settings:
    """``settings`` with the site's URLs as the configuration has them once every plugin's
    ``on_config`` has run (Material's offline plugin turns directory URLs off in its own)."""
    return replace(
        settings, directory_urls=bool(config.use_directory_urls), site_url=config.site_url or None
    )


def warn_missing_catalogs(settings: Settings) -> None:
    """Say so when a language this build writes pages in has no message catalog (with
    mkdocs-static-i18n, each build is one language's): a warning when the content is
    translated into it (see ``missing_catalogs_message``)."""
    missing = missing_catalogs_message(settings)
    if missing is not None:
        message, warn = missing
        log.log(logging.WARNING if warn else logging.INFO, message)


def add_what_pages_need(config: MkDocsConfig) -> None:
    """The Markdown extensions generated pages are written for (notes; the heading ids of the
    index), and the comparison tables' packaged script and style sheet (served by the site,
    no CDN)."""
    for extension in ("admonition", "attr_list"):
        if extension not in config.markdown_extensions:
            config.markdown_extensions.append(extension)
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if SCRIPT not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(SCRIPT)
