"""Additions to the ``<head>`` of built pages: the feed link and each product's metadata."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup, escape

_HEAD_END = re.compile(r"</head>", re.IGNORECASE)
#: Keys of page.meta that are not the product's metadata: the title (the theme's <title>),
#: and what the plugin tells other plugins (see :mod:`.page_meta`).
_NOT_METADATA = frozenset({"title", "render_macros"})


def add_feed_link(output: str, href: str, title: str = "What changed") -> str:
    """Announce the Atom feed of changes in the page's ``<head>`` (``title``: in the page's
    language)."""
    tag = (
        '<link rel="alternate" type="application/atom+xml" '
        f'title="{html.escape(title)}" href="{html.escape(href)}">'
    )
    return _before_head_end(output, tag)


def add_meta_tags(output: str, meta: Mapping[str, Any]) -> str:
    """Add ``<meta name=KEY>`` for every metadata key the theme did not already write."""
    head_end = _HEAD_END.search(output)
    if head_end is None:
        return output
    head = output[: head_end.start()]  # only the head is searched, not the whole page
    tags = []
    for key, value in meta.items():
        if key in _NOT_METADATA or value is None:
            continue
        if re.search(rf'<meta\s+name="{re.escape(key)}"', head):
            continue
        text = Markup(", ").join(map(escape, value)) if isinstance(value, list) else escape(value)
        tags.append(f'<meta name="{html.escape(key)}" content="{text}">')
    if not tags:
        return output
    return _before_head_end(output, "\n".join(tags))


def _before_head_end(output: str, text: str) -> str:
    """``output`` with ``text`` and a line break before its ``</head>``, in one copy of the page:
    a comparison of every product is megabytes, and ``re.sub`` or slices joined copy it
    three times over (the build's peak memory was there)."""
    head_end = _HEAD_END.search(output)
    if head_end is None:
        return output
    # The first match is also the first place the same characters occur: replace() finds it.
    return output.replace(head_end.group(), text + "\n</head>", 1)
