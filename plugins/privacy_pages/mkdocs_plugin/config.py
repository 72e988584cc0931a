"""The plugin's options in ``mkdocs.yml``, made from the options table every adapter reads
(:mod:`privacy_pages.options`); the settings they make, and what generated pages need of the
site's configuration."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..options import OPTIONS, REFUSED_OPTIONS, REMOVED_OPTIONS, Option, default
from ..render.paths import SCRIPT, STYLESHEET
from ..settings import (
    Settings,
    SettingsError,
    missing_catalogs_message,
    removed_options_message,
    settings_from_options,
)
from .i18n import build_settings

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


def _config_option(option: Option) -> BaseConfigOption[Any]:
    """The MkDocs configuration option of one of the plugin's options (see :mod:`.options`)."""
    found: BaseConfigOption[Any]
    if option.choices:
        found = c.Choice(option.choices, default=option.default)
    elif option.default is None:
        found = c.Optional(c.Type(option.kind))
    else:
        found = c.Type(option.kind, default=option.default)
    found.__doc__ = option.doc
    return found


class _Refused(BaseConfigOption[None]):
    """An option of an earlier release that stops the build, saying what to write instead."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def run_validation(self, value: object) -> None:
        if value is not None:
            raise ValidationError(self.message)


def _config_class() -> type[Config]:
    """The options of the ``privacy-pages`` plugin in ``mkdocs.yml``, made from
    :data:`~privacy_pages.options.OPTIONS`; the removed ones accepted and ignored, the refused
    ones a configuration error."""
    schema: dict[str, Any] = {option.name: _config_option(option) for option in OPTIONS}
    schema |= {name: BaseConfigOption() for name in REMOVED_OPTIONS}
    schema |= {name: _Refused(message) for name, message in REFUSED_OPTIONS.items()}
    schema["__doc__"] = "Options of the ``privacy-pages`` plugin in ``mkdocs.yml``."
    return type("PrivacyPagesConfig", (Config,), schema)


if TYPE_CHECKING:

    class PrivacyPagesConfig(Config):  # type: ignore[no-untyped-call]
        """The options the adapter reads by name (the others go to the settings whole)."""

        enabled: bool
        content_dir: str
        nav_title: str
        nav_check: bool
        speedups: bool

else:
    PrivacyPagesConfig = _config_class()


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
    language it builds (see :func:`.build_settings`); what does nothing is said."""
    settings = build_settings(with_site_urls(settings, config), i18n)
    warn_missing_catalogs(settings)
    warn_unused_nav_title(options, config)
    return settings


def read_settings(options: PrivacyPagesConfig, config: MkDocsConfig) -> Settings:
    """The settings the plugin's options make (a wrong option stops the build)."""
    plugin_only = {option.name for option in OPTIONS if option.plugin_only}
    given = {k: v for k, v in options.items() if v is not None and k not in plugin_only}
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
    if config.nav is None and options.nav_title != default("nav_title"):
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
