"""Additions to the ``<head>`` of built pages: the feed link and each product's metadata."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup, escape

_HEAD_END = re.compile(r"</head>", re.IGNORECASE)


def add_feed_link(output: str, href: str) -> str:
    """Announce the Atom feed of changes in the page's ``<head>``."""
    tag = (
        '<link rel="alternate" type="application/atom+xml" '
        f'title="What changed" href="{html.escape(href)}">'
    )
    return _before_head_end(output, tag)


def escape_meta(value: Any) -> Any:
    """A front-matter value as HTML-escaped :class:`~markupsafe.Markup` (never escaped twice):
    the theme prints ``page.meta`` (title, description) into the HTML without escaping."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escape(item) if isinstance(item, str) else item for item in value]
    return value


def add_meta_tags(output: str, meta: Mapping[str, Any]) -> str:
    """Add ``<meta name=KEY>`` for every metadata key the theme did not already write."""
    head_end = _HEAD_END.search(output)
    if head_end is None:
        return output
    head = output[: head_end.start()]  # only the head is searched, not the whole page
    tags = []
    for key, value in meta.items():
        if key == "title" or value is None:
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
