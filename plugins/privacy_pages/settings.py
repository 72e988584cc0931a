"""Site settings shared by the adapters: where content lives and how pages are made.

The MkDocs plugin builds :class:`Settings` from its options; the CLI reads the same options
from the ``privacy-pages`` entry of ``mkdocs.yml`` (or ``[tool.privacy-pages]`` in
``pyproject.toml``), so both produce the same pages.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import yaml

from .check.lint_config import LintConfig, LintConfigError, lint_config
from .check.profiles import PROFILES
from .history.releases import HistoryOptions, HistoryOptionsError, history_options
from .load.metadata import METADATA_TYPES, MetadataRules
from .load.schema import describe, key_path, validation_errors
from .load.translations import StaleShows, found_languages
from .load.yaml_source import Limits
from .messages import (
    LOCALE_DIR,
    SOURCE_LANGUAGE,
    Messages,
    languages_without_catalog,
    messages_for,
    packaged_languages,
)
from .model import Controller, controller_from
from .model.sections import EMPTY_SECTION_WORDING
from .options import OPTIONS, REFUSED_OPTIONS, REMOVED_OPTIONS, default

PLUGIN_NAME = "privacy-pages"


@dataclass(frozen=True)
class Settings:
    """How a site turns its content into pages."""

    content_dir: Path
    #: A folder of templates that override the packaged ones, file by file.
    templates_dir: Path | None = None
    #: Where generated pages go, relative to the site's docs folder.
    pages_dir: str = default("pages_dir")
    metadata: MetadataRules = field(default_factory=MetadataRules)
    #: The nav section that lists the product pages.
    nav_title: str = default("nav_title")
    #: Whether every product page and comparison is listed in the navigation. With hundreds of
    #: products, False keeps pages small: every page carries the whole navigation.
    nav_products: bool = default("nav_products")
    #: Severities and options of the lint rules (option ``lint``).
    lint: LintConfig = field(default_factory=LintConfig)
    #: Whether the site generator gives pages directory URLs (``x/`` rather than ``x.html``);
    #: links inside generated HTML tables need it. MkDocs' ``use_directory_urls``.
    directory_urls: bool = True
    #: Release history: how long changed items stay marked, and the date to judge by
    #: (option ``history``).
    history: HistoryOptions = field(default_factory=HistoryOptions)
    #: The site's public URL (MkDocs' ``site_url``), for absolute links in the Atom feed.
    site_url: str | None = None
    #: How links inside raw HTML (the comparison tables) are written: ``url``, the final URL,
    #: for hosts that leave raw HTML alone (MkDocs, ProperDocs); ``source``, the target's
    #: ``.md`` path, for hosts that resolve those links as they do Markdown links (Zensical).
    link_style: Literal["url", "source"] = "url"
    #: Options the site sets that an earlier release had and this one ignores (adapters say so).
    removed_options: tuple[str, ...] = ()
    #: The most characters one text value of the records may hold (option ``max_text_length``).
    max_text_length: int = default("max_text_length")
    #: What an empty section says when the product's record does not (option
    #: ``empty_sections``): section id → sentence, ``{product}`` for the product's name.
    empty_sections: Mapping[str, str] = field(default_factory=lambda: EMPTY_SECTION_WORDING)
    #: The language of the site's pages: MkDocs' ``theme.language``, as Material reads it.
    #: The records are written in English; in another language the pages show its translation.
    language: str = SOURCE_LANGUAGE
    #: The other languages mkdocs-static-i18n builds, each under its folder (``fr/privacy/...``),
    #: as the CLI reads them from i18n's configuration in ``mkdocs.yml`` (in a MkDocs build,
    #: none: i18n builds each language on its own).
    languages: tuple[str, ...] = ()
    #: What a page shows where a translation is stale (option ``stale_translations``): the
    #: source text (``source``) or the translation of the text before it changed (``previous``),
    #: with a notice either way.
    stale_translations: StaleShows = default("stale_translations")
    #: A folder of the site's own message catalogs, over the packaged ones
    #: (``<language>/LC_MESSAGES/messages.po``; option ``messages_dir``).
    messages_dir: Path | None = None
    #: On the settings of another language's pages (:meth:`in_language`): the site's own
    #: language, whose pages are at the root (this language's are under its folder).
    site_language: str | None = None
    #: The controller and its data protection officer for every product that names none of
    #: its own (option ``controller``; GDPR Art. 13(1)(a)-(b)).
    controller: Controller | None = None

    @property
    def messages(self) -> Messages:
        """The messages of the pages' language: its catalogs, the site's over the packaged."""
        return messages_for(self.language, self.messages_dir)

    @property
    def all_languages(self) -> tuple[str, ...]:
        """The site's language, then the others it builds."""
        return tuple(dict.fromkeys((self.language, *self.languages)))

    def in_language(self, language: str) -> Settings:
        """The settings a language's pages are rendered with: the site's language at the root,
        each other one under a folder named after it (``fr/privacy/...``)."""
        if language == self.language:
            return self
        return replace(
            self,
            pages_dir=f"{language}/{self.pages_dir}",
            language=language,
            site_language=self.language,
        )

    def page_language(self, path: str) -> str:
        """The language of a generated page (or download), from the folder it is in."""
        for language in self.languages:
            if path.startswith(f"{language}/"):
                return language
        return self.language

    def path_in(self, path: str, language: str) -> str:
        """The path of the same page (or download) in ``language``."""
        own = self.page_language(path)
        base = path.removeprefix(f"{own}/") if own != self.language else path
        return base if language == self.language else f"{language}/{base}"

    def for_page(self, path: str) -> Settings:
        """The settings of the language a generated page is in: its comparisons and index are
        recognised by their paths in that language."""
        return self.in_language(self.page_language(path))

    @property
    def limits(self) -> Limits:
        """The limits content is read with."""
        return Limits(max_text_chars=self.max_text_length)


class SettingsError(ValueError):
    """A problem in the site's privacy-pages options."""


class PluginNotEnabled(SettingsError):
    """A ``mkdocs.yml`` that does not enable the plugin (a site may keep its options in
    ``pyproject.toml`` instead)."""


def settings_from_options(options: Mapping[str, Any], base: Path) -> Settings:
    """Settings from plugin options (paths relative to ``base``, the config file's folder)."""
    # (``language`` is the site's: MkDocs' ``theme.language``, as Material reads it)
    for name in REFUSED_OPTIONS.keys() & options.keys():
        raise SettingsError(REFUSED_OPTIONS[name])
    known = {option.name for option in OPTIONS} | {"language", *REMOVED_OPTIONS}
    unknown = sorted(set(options) - known)
    if unknown:
        raise SettingsError(f"unknown privacy-pages option(s): {', '.join(unknown)}")
    options = {**{option.name: option.default for option in OPTIONS}, **options}
    templates = options["templates_dir"]
    messages = options["messages_dir"]
    pages_dir = str(options["pages_dir"]).strip("/")
    if not pages_dir or ".." in Path(pages_dir).parts or Path(pages_dir).is_absolute():
        raise SettingsError(f"pages_dir must be a relative folder name, found {pages_dir!r}")
    try:
        lint = lint_config(options.get("lint"), _profiles(options.get("completeness")))
    except LintConfigError as exc:
        raise SettingsError(str(exc)) from exc
    try:
        history = history_options(options.get("history"))
    except HistoryOptionsError as exc:
        raise SettingsError(str(exc)) from exc
    return Settings(
        content_dir=(base / str(options["content_dir"])).resolve(),
        templates_dir=(base / str(templates)).resolve() if templates else None,
        pages_dir=pages_dir,
        metadata=metadata_rules(options["metadata"] or {}),
        nav_title=str(options["nav_title"]),
        nav_products=_flag(options, "nav_products"),
        lint=lint,
        history=history,
        removed_options=tuple(key for key in REMOVED_OPTIONS if options.get(key) is not None),
        max_text_length=_count(options, "max_text_length"),
        empty_sections=empty_section_wording(options["empty_sections"]),
        language=_language(options.get("language", SOURCE_LANGUAGE), "language"),
        stale_translations=_stale_shows(options["stale_translations"]),
        messages_dir=(base / str(messages)).resolve() if messages else None,
        controller=site_controller(options.get("controller")),
    )


def _profiles(value: object) -> tuple[str, ...]:
    """The option ``completeness``: the completeness profiles a site answers to."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise SettingsError(f"completeness must be a list of profiles, found {value!r}")
    for name in value:
        if name not in PROFILES:
            raise SettingsError(
                f"completeness: expected one of {', '.join(PROFILES)}, found {name!r}"
            )
    return tuple(dict.fromkeys(value))


def site_controller(value: object) -> Controller | None:
    """The option ``controller``, checked against the schema's ``controller`` definition (the
    one a product's own ``controller`` is checked against)."""
    if value is None:
        return None
    for error in validation_errors(value, "controller"):
        where = key_path(error.absolute_path)
        raise SettingsError(
            f"controller{'.' + where if where else ''}: {error.message} "
            f"(found {describe(error.instance)})"
        )
    assert isinstance(value, Mapping)
    return controller_from(value)


_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*\Z")


def _language(value: object, option: str) -> str:
    if not isinstance(value, str) or not _LANGUAGE_CODE.match(value):
        raise SettingsError(
            f"{option}: expected a language code such as 'fr' or 'pt-BR', found {value!r}"
        )
    return value


def _stale_shows(value: object) -> StaleShows:
    if value == "source":
        return "source"
    if value == "previous":
        return "previous"
    raise SettingsError(f"stale_translations: expected 'source' or 'previous', found {value!r}")


def empty_section_wording(option: object) -> Mapping[str, str]:
    """The option ``empty_sections`` over the default wording. The sentences are plain text:
    ``{product}`` is replaced by the product's name, and nothing else is interpreted."""
    if option is None:
        return EMPTY_SECTION_WORDING
    if not isinstance(option, Mapping):
        raise SettingsError(
            f"empty_sections must map section ids to sentences, found {type(option).__name__}"
        )
    unknown = sorted(str(key) for key in option if key not in EMPTY_SECTION_WORDING)
    if unknown:
        raise SettingsError(
            f"empty_sections: expected section ids ({', '.join(EMPTY_SECTION_WORDING)}), "
            f"found {', '.join(map(repr, unknown))}"
        )
    for key, value in option.items():
        if not isinstance(value, str) or not value.strip():
            raise SettingsError(f"empty_sections.{key} must be a sentence, found {value!r}")
    return MappingProxyType({**EMPTY_SECTION_WORDING, **option})


def _count(options: Mapping[str, Any], key: str) -> int:
    value = options[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SettingsError(f"{key} must be a positive whole number, found {value!r}")
    return value


def removed_options_message(settings: Settings) -> str | None:
    """What to tell a site that still sets removed options, if it does."""
    if not settings.removed_options:
        return None
    names = ", ".join(settings.removed_options)
    return (
        f"privacy-pages: the option(s) {names} no longer do anything (pages are built in one "
        "process, and nothing is cached on disk); remove them from the plugin's options"
    )


def missing_catalogs_message(settings: Settings) -> tuple[str, bool] | None:
    """What to tell a site that builds a language no message catalog covers, if it does: its
    pages would show privacy-pages' own words (headings, badges, legend) in English. With it,
    whether that is worth a warning: the content is translated into such a language, so those
    words would be the pages' only English, unsaid (else the records show in English there
    too, as the site had them before it was translated)."""
    missing = languages_without_catalog(settings.all_languages, settings.messages_dir)
    if not missing:
        return None
    names = ", ".join(repr(language) for language in missing)
    shipped = ", ".join(packaged_languages())
    where = (
        f"the folder of the option messages_dir ({settings.messages_dir})"
        if settings.messages_dir is not None
        else "a folder named by the option messages_dir"
    )
    message = (
        f"privacy-pages: no message catalog for {names}: the words privacy-pages writes on "
        f"those pages (headings, badges, legend, captions) are in English. The package ships "
        f"catalogs for {shipped}. Add LANGUAGE/LC_MESSAGES/messages.po to {where}, starting "
        f"from a copy of {LOCALE_DIR / 'messages.pot'} (a catalog whose translations are "
        "empty publishes the English words on purpose)"
    )
    translated = set(found_languages(settings.content_dir))
    return message, any(language in translated for language in missing)


def _flag(options: Mapping[str, Any], key: str) -> bool:
    value = options[key]
    if not isinstance(value, bool):
        raise SettingsError(f"{key} must be true or false, found {value!r}")
    return value


def metadata_rules(options: Mapping[str, Any]) -> MetadataRules:
    unknown = sorted(set(options) - {"required", "types", "allow"})
    if unknown:
        raise SettingsError(f"unknown metadata option(s): {', '.join(unknown)}")
    required = options.get("required", ["title", "description"])
    types = options.get("types", {})
    allow = options.get("allow", [])
    if not isinstance(required, list) or not all(isinstance(k, str) for k in required):
        raise SettingsError("metadata.required must be a list of keys")
    if not isinstance(allow, list) or not all(isinstance(k, str) for k in allow):
        raise SettingsError("metadata.allow must be a list of keys")
    if not isinstance(types, Mapping):
        raise SettingsError("metadata.types must map keys to one of: " + ", ".join(METADATA_TYPES))
    for key, kind in types.items():
        if kind not in METADATA_TYPES:
            raise SettingsError(
                f"metadata.types.{key}: expected one of {', '.join(METADATA_TYPES)}, found {kind!r}"
            )
    return MetadataRules(
        required=tuple(required),
        types={str(k): str(v) for k, v in types.items()},
        allow=tuple(allow),
    )


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing its ``!!python/name`` and ``!ENV`` tags."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_LenientLoader.add_multi_constructor("", _ignore_tag)


def read_mkdocs_config(config_file: Path) -> dict[str, Any]:
    """A ``mkdocs.yml`` as plain data; tagged values (``!ENV``, ``!!python/name``) are read as
    the plain values they hold, never executed."""
    config = yaml.load(config_file.read_text("utf-8"), Loader=_LenientLoader) or {}
    if not isinstance(config, dict):
        raise SettingsError(f"{config_file}: expected a mapping of settings")
    return config


def settings_from_mkdocs(config_file: Path) -> Settings:
    """The privacy-pages settings a ``mkdocs.yml`` declares (the pages' language is the
    theme's, ``theme.language``, unless the plugin's ``language`` option says otherwise)."""
    config = read_mkdocs_config(config_file)
    base = config_file.parent
    directory_urls = config.get("use_directory_urls", True) is not False
    site_url = str(config["site_url"]) if config.get("site_url") else None
    theme = config.get("theme")
    theme_language = theme.get("language") if isinstance(theme, dict) else None
    i18n = i18n_languages(config)
    for entry in config.get("plugins") or []:
        if entry == PLUGIN_NAME or (isinstance(entry, dict) and PLUGIN_NAME in entry):
            options = dict((entry[PLUGIN_NAME] or {}) if isinstance(entry, dict) else {})
            if theme_language and "language" not in options:
                options["language"] = theme_language
            settings = settings_from_options(options, base)
            if i18n is not None:  # i18n's languages, as its builds have them
                language = _language(i18n[0], "i18n's default language")
                others = tuple(_language(code, "i18n's languages") for code in i18n[1])
                settings = replace(settings, language=language, languages=others)
            return replace(settings, directory_urls=directory_urls, site_url=site_url)
    raise PluginNotEnabled(f"{config_file} does not enable the {PLUGIN_NAME} plugin")


def i18n_languages(config: Mapping[str, Any]) -> tuple[str, tuple[str, ...]] | None:
    """The default language and the others of a ``mkdocs.yml``'s mkdocs-static-i18n plugin,
    if it has one that is enabled (the languages it builds; see ``mkdocs_plugin.i18n``)."""
    for entry in config.get("plugins") or []:
        options = entry.get("i18n") if isinstance(entry, dict) else None
        if entry == "i18n" or isinstance(options, dict):
            options = options if isinstance(options, dict) else {}
            if options.get("enabled", True) is False:
                return None
            found = [
                language
                for language in options.get("languages") or []
                if isinstance(language, dict) and isinstance(language.get("locale"), str)
            ]
            built = [lang for lang in found if lang.get("build", True) is not False]
            only = options.get("build_only_locale")
            if isinstance(only, str) and only:
                return only, ()  # i18n builds that language alone, as the default
            default = next((lang for lang in found if lang.get("default")), None)
            if default is None:
                return None  # i18n refuses such a configuration itself
            others = tuple(lang["locale"] for lang in built if lang is not default)
            return default["locale"], others
    return None


def settings_from_pyproject(pyproject: Path) -> Settings | None:
    data = tomllib.loads(pyproject.read_text("utf-8"))
    options = data.get("tool", {}).get(PLUGIN_NAME)
    return None if options is None else settings_from_options(options, pyproject.parent)


def find_settings(start: Path) -> Settings:
    """Settings for the site at ``start``: its mkdocs.yml, else its pyproject.toml, else
    defaults. A wrong option in either is an error (the build stops on it too), never a reason
    to fall back to the defaults."""
    mkdocs_yml = start / "mkdocs.yml"
    if mkdocs_yml.is_file():
        try:
            return settings_from_mkdocs(mkdocs_yml)
        except PluginNotEnabled:
            pass
    pyproject = start / "pyproject.toml"
    if pyproject.is_file():
        found = settings_from_pyproject(pyproject)
        if found is not None:
            return found
    return Settings(content_dir=(start / "content").resolve())
