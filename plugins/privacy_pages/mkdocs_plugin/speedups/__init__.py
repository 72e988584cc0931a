"""What Python-Markdown and Material's search would make of a generated page (and what
mkdocs-static-i18n makes of the search index), made faster by the plugin's own code, all
behind the option ``speedups`` (``false``: Python-Markdown, Material and i18n do all of it,
slower).

A generated page is Markdown the renderer wrote, whole tables and lists of it; Python-Markdown
and Material's search spend most of a large site's build on them. Here:

- :mod:`.html_blocks`: the raw HTML blocks of a generated page are taken out before
  Python-Markdown parses them;
- :mod:`.plain_blocks`: the page's plain blocks (paragraphs, lists of items, pipe tables,
  notes) written as HTML here, as Python-Markdown would write them;
- :mod:`.stash`: a Markdown extension stores both kinds in Python-Markdown's ``htmlStash``,
  which puts them into the page content;
- :mod:`.search_view` and :mod:`.search_tokens`: Material's search parser reads a generated page
  without the insides of the elements it skips, through one regular expression rather than
  ``html.parser``; where Material is not the version this expects, its own code runs, and an
  INFO line says so.
- :mod:`.i18n_search`: mkdocs-static-i18n looks for duplicate search entries among those that
  can be duplicates, not across the whole index (the same, where it is the version expected).

Each is held by an equivalence test that builds the same pages both ways, on the lowest and the
newest versions of MkDocs, Material and Python-Markdown accepted (``make test``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from ..i18n import i18n_plugin
from .i18n_search import dedupe_search_in_part
from .search_view import read_views_in_material
from .stash import HtmlBlockStash


class Switches(Protocol):
    """The plugin's switches: the option ``speedups``, and each speed path on its own (the
    tests turn them off one by one)."""

    config: Any  # (its ``speedups``)
    html_blocks_around_markdown: bool
    plain_blocks_around_markdown: bool
    search_views: bool
    i18n_duplicates_in_part: bool


def for_build(
    config: MkDocsConfig,
    switches: Switches,
    stash: HtmlBlockStash,
    is_generated: Callable[[Page], bool],
    memos: tuple[Any, Any] = (None, None),
) -> HtmlBlockStash | None:
    """In ``on_pre_build``: the speed paths this build takes (none when the option
    ``speedups`` is off); the ``stash`` of blocks among MkDocs' Markdown extensions, if it
    takes that one."""
    if not switches.config.speedups:
        return None
    if switches.search_views:  # pages this plugin sanitized (see on_page_content)
        read_views_in_material(config.plugins, is_generated, *memos)
    i18n = i18n_plugin(config)
    if switches.i18n_duplicates_in_part and i18n is not None:
        dedupe_search_in_part(i18n)
    if not switches.html_blocks_around_markdown:
        return None
    return stash.for_site(config, plain_blocks=switches.plain_blocks_around_markdown)
