"""The front matter of generated pages, as MkDocs' ``page.meta``, for the theme and for other
plugins."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig

from ..load.metadata import PRINTED_AS_HTML


def escape_meta(value: Any) -> Any:
    """A front-matter value as HTML-escaped :class:`~markupsafe.Markup` (never escaped twice)."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escape(item) if isinstance(item, str) else item for item in value]
    return value


def escape_printed(meta: Mapping[str, Any]) -> dict[str, Any]:
    """``page.meta`` with the values the theme prints into the HTML as they are escaped
    (:data:`PRINTED_AS_HTML`: the title, the description...; Material's social cards and
    feeds print them too); tags and every other key keep their values, which other plugins
    compare (Material's tags index) and print themselves."""
    return {
        key: escape_meta(value) if key in PRINTED_AS_HTML else value for key, value in meta.items()
    }


def has_macros(config: MkDocsConfig) -> bool:
    """Whether the site runs mkdocs-macros, which evaluates every page as a Jinja template."""
    return any(
        type(plugin).__module__.startswith("mkdocs_macros") for plugin in config.plugins.values()
    )


def not_a_template(meta: MutableMapping[str, Any]) -> None:
    """Tell mkdocs-macros not to evaluate a generated page: its text is content, never code."""
    meta["render_macros"] = False
