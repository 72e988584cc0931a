"""What a generated page carries of the plugin's own: the mark its style sheet's page-wide rules
look for, and the feed link in its head (a hand-written page gets it only when it asks)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

#: Material's article around a page's content. The mark goes on it, not on ``<body>``: with
#: Material's instant navigation the body stays from page to page, the article does not.
_ARTICLE = re.compile(r'(<article\b[^>]*\bclass="[^"]*\bmd-content__inner\b[^"]*)"')
#: The class that marks a generated page's content (see assets/privacy-pages.css).
PAGE_CLASS = "pp-page"
#: The front-matter key with which a hand-written page asks for the feed link in its head.
FEED_KEY = "privacy_pages_feed"


def mark_generated(output: str) -> str:
    """A generated page as the theme wrote it, its content marked with :data:`PAGE_CLASS` (on
    another theme than Material, unmarked: the page-wide rules stay off)."""
    return _ARTICLE.sub(rf'\1 {PAGE_CLASS}"', output, count=1)


def asks_for_feed(meta: Mapping[str, Any] | None) -> bool:
    """Whether a hand-written page's front matter asks for the feed link in its head."""
    return meta is not None and meta.get(FEED_KEY) is True
