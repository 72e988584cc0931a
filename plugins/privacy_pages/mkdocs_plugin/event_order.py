"""Which other plugins' handlers of an event run before the plugin's own.

MkDocs runs the handlers of an event by their event priority, then in the order of
``plugins:`` in ``mkdocs.yml``. A plugin whose ``on_files`` runs before the generated pages are
added does not see them (llmstxt lists pages there, nav plugins read them): the plugin says so.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


def plugins_before(config: MkDocsConfig, event: str, handler: Callable[..., Any]) -> list[str]:
    """The names of the plugins with a handler of ``event`` that runs before ``handler``
    (MkDocs' own and the theme's aside)."""
    names: list[str] = []
    plugins = config.plugins
    for method in plugins.events.get(event, []):
        if method == handler:  # bound methods: the same function of the same plugin object
            return names
        name = plugins._event_origins.get(method, "<unknown>")
        if name not in names:
            names.append(name)
    return names


def warn_unless_first(config: MkDocsConfig, handler: Callable[..., Any]) -> None:
    """Warn, naming them, about the plugins whose ``on_files`` runs before ``handler`` (the
    one that adds the generated pages): they do not see the pages."""
    earlier = plugins_before(config, "files", handler)
    if earlier:
        log.warning(
            "privacy-pages: the on_files of %s runs before privacy-pages adds its pages, so it "
            "does not see them; give it an event priority below 100",
            ", ".join(earlier),
        )
