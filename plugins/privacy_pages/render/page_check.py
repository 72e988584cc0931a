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

#: A tag's event-handler attribute (``onmouseover=``), a URL attribute whose value runs (or
#: an ``object``'s data), an ``iframe``'s ``srcdoc``, or a refresh to such a URL.
_RUNNABLE = re.compile(
    r"""<[A-Za-z][^<>]*?[\s"'/](on[A-Za-z]+)\s*="""
    r"""|<[A-Za-z][^<>]*?[\s"'/](?:href|src|action|formaction|xlink:href|data|poster"""
    r"""|background)\s*=\s*["']?\s*((?:javascript|vbscript|data)\s*:)"""
    r"""|<[A-Za-z][^<>]*?[\s"'/](srcdoc)\s*="""
    r"""|<meta[^<>]*?http-equiv\s*=\s*["']?refresh[^<>]*?url\s*=\s*["']?\s*"""
    r"""((?:javascript|vbscript|data)\s*:)""",
    re.IGNORECASE,
)
#: What browsers leave out of a URL (``java&#9;script:`` is ``javascript:``).
_DROPPED_IN_URLS = str.maketrans("", "", "\t\n\r")
#: Character references a browser reads inside an attribute (``&#106;avascript:``).
_REFERENCE = re.compile(r"&#?[A-Za-z0-9]+;?")


def runnable_tags(part: str) -> list[str]:
    """Every tag of ``part`` that could run script (each up to its ``>``), references read
    the way a browser reads them."""
    if "&" in part:
        part = _REFERENCE.sub(_unescaped, part)
    part = part.translate(_DROPPED_IN_URLS)
    tags = []
    for found in _RUNNABLE.finditer(part):
        end = part.find(">", found.end())
        tags.append(part[found.start() : len(part) if end < 0 else end + 1])
    return tags


def runnable_from(page: str, content: str, values: Iterable[str]) -> str | None:
    """The first place of ``page`` outside the (already sanitized) ``content`` it holds where
    one of ``values`` (the page's source path, title, metadata...) is written as it is, in or
    around a tag that could run script; or None. Only the places that hold a value are read
    (each found in C), not every tag of the page: a page's nav alone can be thousands."""
    at = page.find(content) if content else -1
    # The theme around the content: before it and after it (the content is not searched).
    ranges = [(0, len(page))] if at < 0 else [(0, at), (at + len(content), len(page))]
    for value in {value for value in values if len(value) >= 3}:
        for first, last in ranges:
            start = page.find(value, first, last)
            for _ in range(_MOST_PLACES):
                if start < 0:
                    break
                end = start + len(value)
                found = _stands_alone(page, start, end) and _runnable_around(page, start, end)
                if found:
                    return found
                start = page.find(value, end, last)
    return None


def _runnable_around(page: str, start: int, end: int) -> str | None:
    """The first runnable tag from the tag ``page[start:end]`` may be in (or start) to the end
    of the tag it may end, or None."""
    opening = page.rfind("<", max(0, start - _TAG_REACH), start + 1)
    closing = page.find(">", end - 1, end + _TAG_REACH)
    around = page[opening if opening >= 0 else start : closing + 1 if closing >= 0 else end]
    found = runnable_tags(around)
    return found[0][:200] if found else None


def _stands_alone(page: str, start: int, end: int) -> bool:
    """Whether ``page[start:end]`` is written as a value of its own (after a quote, ``=``,
    ``/``, ``>`` or a space; before a quote, ``<``, ``&`` or a space), not as a piece of a
    longer word ("clip" in ``data-clipboard``)."""
    before = page[start - 1] if start > 0 else " "
    after = page[end] if end < len(page) else " "
    return (before in _BEFORE or before.isspace()) and (after in _AFTER or after.isspace())


_BEFORE = frozenset("\"'=/>")
_AFTER = frozenset("\"'<&")

#: How many places of one value are read, and how far from it a tag may start or end.
_MOST_PLACES = 200
_TAG_REACH = 4096


def _unescaped(reference: re.Match[str]) -> str:
    """A reference as the character a browser reads, but for ``<`` and ``>``: escaped, they
    are text (a title that reads "<a onclick=...>"), never a tag."""
    character = html.unescape(reference.group())
    return reference.group() if character in ("<", ">") else character
