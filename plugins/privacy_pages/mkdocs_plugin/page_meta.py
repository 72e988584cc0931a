"""The front matter of generated pages, as MkDocs' ``page.meta``, for the theme and for other
plugins."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig

from ..load.metadata import KEPT_AS_WRITTEN
from ..model import Dataset
from ..render.front_matter import browser_title


def escape_meta(value: Any) -> Any:
    """A front-matter value as HTML-escaped :class:`~markupsafe.Markup` (never escaped twice)."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escape(item) if isinstance(item, str) else item for item in value]
    return value


def escape_printed(meta: Mapping[str, Any]) -> dict[str, Any]:
    """``page.meta`` with every text value HTML-escaped, as themes and plugins print them
    (Material prints the title, description, author, subtitle and status as they are; its
    social cards the title and description), but for :data:`KEPT_AS_WRITTEN`: tags, which the
    tags index compares across pages, keep their values (and may hold no markup)."""
    return {
        key: value if key in KEPT_AS_WRITTEN else escape_meta(value) for key, value in meta.items()
    }


def has_macros(config: MkDocsConfig) -> bool:
    """Whether the site runs mkdocs-macros, which evaluates every page as a Jinja template."""
    return any(
        type(plugin).__module__.startswith("mkdocs_macros") for plugin in config.plugins.values()
    )


def not_a_template(meta: MutableMapping[str, Any]) -> None:
    """Tell mkdocs-macros not to evaluate a generated page: its text is content, never code."""
    meta["render_macros"] = False


def name_product(meta: MutableMapping[str, Any], dataset: Dataset) -> None:
    """A product's page: the theme's ``<title>`` names the product (from ``dataset``, the
    model of the page's language)."""
    product = dataset.products.get(str(meta.get("product_id")))
    if product is not None:
        meta["title"] = browser_title(product)
