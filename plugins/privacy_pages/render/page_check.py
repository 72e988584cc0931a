"""The check of a whole written page, theme included, for markup from content that runs.

The sanitizer cleans the HTML made from content; the theme prints values around it (the edit
link, the title, metadata) that the loader and the plugin make safe where they go. This check
stands behind both: a tag outside the content with an event-handler attribute
(``onmouseover=``), or a link or source that runs script (``javascript:``, ``vbscript:``,
``data:``), that also holds one of the values the page was made from, refuses the page. A
site's own theme overrides may have such tags (a consent button's ``onclick``): those hold no
value from content, and stay.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

#: A tag's event-handler attribute (``onmouseover=``), or a URL attribute whose value runs.
_RUNNABLE = re.compile(
    r"""<[A-Za-z][^<>]*?[\s"'/](on[A-Za-z]+)\s*="""
    r"""|<[A-Za-z][^<>]*?\s(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*"""
    r"""((?:javascript|vbscript|data)\s*:)""",
    re.IGNORECASE,
)
#: Character references a browser reads inside an attribute (``&#106;avascript:``).
_REFERENCE = re.compile(r"&#?[A-Za-z0-9]+;?")


def runnable_tags(part: str) -> list[str]:
    """Every tag of ``part`` that could run script (each up to its ``>``), references read
    the way a browser reads them."""
    if "&" in part:
        part = _REFERENCE.sub(_unescaped, part)
    tags = []
    for found in _RUNNABLE.finditer(part):
        end = part.find(">", found.end())
        tags.append(part[found.start() : len(part) if end < 0 else end + 1])
    return tags


def runnable_from(page: str, content: str, values: Iterable[str]) -> str | None:
    """The first tag of ``page`` outside the (already sanitized) ``content`` it holds that
    could run script and holds one of ``values`` (the page's source path, title,
    metadata...), or None. The whole page is read when it does not hold ``content``."""
    at = page.find(content) if content else -1
    parts = [page] if at < 0 else [page[:at], page[at + len(content) :]]
    wanted = [value for value in values if len(value) >= 3]
    for part in parts:
        for tag in runnable_tags(part):
            if any(value in tag for value in wanted):
                return tag[:200]
    return None


def _unescaped(reference: re.Match[str]) -> str:
    """A reference as the character a browser reads, but for ``<`` and ``>``: escaped, they
    are text (a title that reads "<a onclick=...>"), never a tag."""
    character = html.unescape(reference.group())
    return reference.group() if character in ("<", ">") else character
