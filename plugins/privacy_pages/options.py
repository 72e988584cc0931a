"""The site's privacy-pages options, each defined once: its name, the type of its value, its
default and what it does.

The MkDocs plugin's configuration is made from :data:`OPTIONS`
(:mod:`privacy_pages.mkdocs_plugin.config`), and :func:`privacy_pages.settings.settings_from_options`
reads the same options for every adapter: the CLI finds them in ``mkdocs.yml`` or under
``[tool.privacy-pages]`` in ``pyproject.toml``. The configuration reference
(``site-src/configuration/index.md``) shows each one; a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Option:
    """One option of the ``privacy-pages`` entry of ``plugins:``."""

    name: str
    #: The type of its value in YAML: ``bool``, ``str``, ``int``, ``dict`` or ``list``.
    kind: type
    #: Its value when the site does not set it; None when unset means "none" (a folder).
    default: Any
    #: What it does, in the words of the configuration reference.
    doc: str
    #: The words it may be, when it is one of a few.
    choices: tuple[str, ...] = ()
    #: Whether only the MkDocs plugin acts on it: the settings hold nothing of it.
    plugin_only: bool = False


OPTIONS: tuple[Option, ...] = (
    Option("enabled", bool, True, "Turn the plugin off without removing its options.", (), True),
    Option("content_dir", str, "content", "The folder of YAML records, relative to mkdocs.yml."),
    Option(
        "templates_dir",
        str,
        None,
        "A folder of templates that override the packaged ones, file by file.",
    ),
    Option("pages_dir", str, "privacy", "Where the generated pages go, relative to docs_dir."),
    Option(
        "nav_title",
        str,
        "Privacy statements",
        "The nav section that lists the product pages (when mkdocs.yml has a nav).",
    ),
    Option(
        "nav_products",
        bool,
        True,
        "List every product page and comparison in the nav. False lists only the data-item "
        "index (the pages stay reachable from it, from comparisons and from search): with "
        "hundreds of products, a nav of them all makes every page of the site large.",
    ),
    Option(
        "nav_check",
        bool,
        True,
        "Warn (``--strict`` fails) when the site's own nav (``nav:``, literate-nav, awesome-nav) "
        "leaves out generated pages: the warning names them and the line that lists them. "
        "False: the site links them some other way.",
        plugin_only=True,
    ),
    Option(
        "metadata",
        dict,
        {},
        "Front-matter rules: ``required`` (a list of keys), ``types`` (key: text, list or date) "
        "and ``allow`` (other keys products may set). Keys MkDocs or the theme act on "
        "(``template``, ``hide``, ``search``, ...) and undeclared keys are refused, but for "
        "``title``, ``description``, ``keywords``, ``author`` and namespaced keys such as "
        "``ms.date``.",
    ),
    Option(
        "max_text_length",
        int,
        20_000,
        "The most characters one text value of the records may hold; longer text is an error "
        "(it would slow every build down, and no statement needs it).",
    ),
    Option(
        "empty_sections",
        dict,
        None,
        "What an empty section says when a product's record does not: section id → sentence, "
        "in which ``{product}`` stands for the product's name (plain text, never a template). "
        'Sections not listed keep the default wording, such as "{product} collects no optional '
        'data.".',
    ),
    Option(
        "lint",
        dict,
        {},
        "Lint rules: rule id → error, warning, info or off, or → {severity: ..., OPTION: value}.",
    ),
    Option(
        "completeness",
        list,
        [],
        "Completeness profiles the site answers to (``[gdpr]``): their lint rules report what "
        "each statement lacks under that law, with the article. Off by default.",
    ),
    Option(
        "controller",
        dict,
        None,
        "The controller of every product that names none of its own (GDPR Art. 13(1)(a)-(b)): "
        "``name``, ``address``, ``contact`` and ``dpo`` (``name``, ``contact``), as the "
        "schema's ``controller`` defines them. Product pages show it under Your rights.",
    ),
    Option(
        "history",
        dict,
        {},
        "Release history: ``updated_marks_days`` (how long changed items stay marked, default "
        "90) and ``today`` (the date to judge by, default the build date).",
    ),
    Option(
        "stale_translations",
        str,
        "source",
        "Where a translation is stale, show the English text (``source``) or the earlier "
        "translation (``previous``); a notice says which either way.",
        choices=("source", "previous"),
    ),
    Option(
        "speedups",
        bool,
        True,
        "Write what Python-Markdown and Material's search would make of the generated pages "
        "with the plugin's own, faster code, and have mkdocs-static-i18n look for duplicate "
        "search entries only among those that can be (the pages and the search index come out "
        "the same; the tests build them both ways). False: Python-Markdown, Material and i18n "
        "do it all, slower.",
        plugin_only=True,
    ),
    Option(
        "messages_dir",
        str,
        None,
        "A folder of message catalogs over the packaged ones "
        "(``LANG/LC_MESSAGES/messages.po``): any word privacy-pages writes on a page can be "
        "changed.",
    ),
)

#: Options of earlier releases, accepted so that a site still builds, and otherwise ignored:
#: the build cache (``cache``, ``cache_dir``) and the background build (``parallel``).
REMOVED_OPTIONS = ("cache", "cache_dir", "parallel")

#: Options of earlier releases that now stop the build, with what to write instead: the pages'
#: languages are mkdocs-static-i18n's (the plugin's own ``languages`` rebuilt what it does).
REFUSED_OPTIONS = {
    "languages": (
        "the option languages is gone: the site's languages are mkdocs-static-i18n's. Remove "
        "it and list the languages in i18n's plugin, after privacy-pages:\n"
        "  - i18n:\n"
        "      docs_structure: suffix\n"
        "      languages:\n"
        "        - locale: en      # the site's language (theme.language)\n"
        "          default: true\n"
        "        - locale: fr      # each language the option listed\n"
        "(see Languages and translations in the docs, configuration/languages/)"
    ),
}

_BY_NAME = {option.name: option for option in OPTIONS}


def default(name: str) -> Any:
    """The default of the option ``name``."""
    return _BY_NAME[name].default
