"""The plugin's options in ``mkdocs.yml``, typed, with what each one does."""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config


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
    history = c.Type(dict, default={})
    """Release history: ``updated_marks_days`` (how long changed items stay marked, default 90)
    and ``today`` (the date to judge by, default the build date)."""

    cache: Any = BaseConfigOption()
    """Removed (the build cache): accepted and ignored, with an INFO message."""
    cache_dir: Any = BaseConfigOption()
    """Removed (the build cache's folder): accepted and ignored, with an INFO message."""
    parallel: Any = BaseConfigOption()
    """Removed (the background build): accepted and ignored, with an INFO message."""
