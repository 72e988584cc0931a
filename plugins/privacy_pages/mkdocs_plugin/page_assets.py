"""What a generated page carries of the plugin's own: the mark its style sheet's page-wide rules
look for, its style sheet and script even where the theme leaves them out, and the feed link in
its head (a hand-written page gets the feed link only when it asks)."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url

from ..render.paths import SCRIPT, STYLESHEET

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

#: Material's article around a page's content. The mark goes on it, not on ``<body>``: with
#: Material's instant navigation the body stays from page to page, the article does not.
#: (Its class's first "md-content__inner" only: from a later one it would scan the same rest.)
_ARTICLE = re.compile(r'(<article\b[^<>]*\bclass="(?>[^"]*?\bmd-content__inner\b)[^"]*+)"')
#: The class that marks a generated page's content (see assets/privacy-pages.css).
PAGE_CLASS = "pp-page"
#: The front-matter key with which a hand-written page asks for the feed link in its head.
FEED_KEY = "privacy_pages_feed"
#: The file names as a page refers to them, whatever the folder depth, the quoting (a minified
#: page) or a cache-busting suffix (``privacy-pages.min.1a2b.css``).
_REFERS = {
    STYLESHEET: re.compile(r"privacy-pages/privacy-pages\b[^\"'\s>]*\.css"),
    SCRIPT: re.compile(r"privacy-pages/privacy-pages\b[^\"'\s>]*\.js"),
}
_HEAD_END = re.compile(r"</head>", re.IGNORECASE)
_BODY_END = re.compile(r"</body>", re.IGNORECASE)


def mark_generated(output: str) -> str:
    """A generated page as the theme wrote it, its content marked with :data:`PAGE_CLASS` (on
    another theme than Material, unmarked: the page-wide rules stay off)."""
    return _ARTICLE.sub(rf'\1 {PAGE_CLASS}"', output, count=1)


def asks_for_feed(meta: Mapping[str, Any] | None) -> bool:
    """Whether a hand-written page's front matter asks for the feed link in its head."""
    return meta is not None and meta.get(FEED_KEY) is True


class PageAssets:
    """The style sheet and script a generated page needs, put in the page where the theme left
    them out: a theme override that replaces Material's ``scripts`` block without
    ``{{ super() }}`` (or a ``base.html`` of its own) drops the site's ``extra_javascript``, and
    the comparison tables would neither sort nor filter. Each file left out is named once a
    build, with the template that left it out."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.named: set[str] = set()

    def ensure(self, output: str, page_url: str, template: str) -> str:
        """``output`` (a generated page) with the plugin's style sheet and script."""
        for path, refers in _REFERS.items():
            if refers.search(output) is not None:
                continue
            href = escape(get_relative_url(path, page_url))
            if path == STYLESHEET:
                output = _before(_HEAD_END, output, f'<link rel="stylesheet" href="{href}">')
            else:
                output = _before(_BODY_END, output, f'<script src="{href}"></script>', last=True)
            if path not in self.named:
                self.named.add(path)
                log.info(
                    f"privacy-pages: the theme's template {self._template(template)} leaves out "
                    f"{path} (a block replaced without {{{{ super() }}}}?); the plugin adds it "
                    "to its own pages, which need it"
                )
        return output

    def _template(self, name: str) -> str:
        """The site's override that made the page (``name``, else the ``base.html`` it extends),
        relative to ``mkdocs.yml``; the theme's ``name`` when the site overrides neither."""
        custom = self.config.theme.custom_dir
        if custom:
            for candidate in (name, "base.html"):
                found = Path(custom) / candidate
                if found.is_file():
                    base = Path(self.config.config_file_path).parent.resolve()
                    found = found.resolve()
                    return (
                        found.relative_to(base).as_posix()
                        if found.is_relative_to(base)
                        else str(found)
                    )
        return name


def _before(end: re.Pattern[str], output: str, tag: str, *, last: bool = False) -> str:
    """``output`` with ``tag`` before its first (or ``last``) match of ``end``; at its end when
    there is none."""
    if last:
        ends = [m.start() for m in end.finditer(output, max(0, len(output) - 4096))]
        at = ends[-1] if ends else -1
    else:
        found = end.search(output)
        at = found.start() if found else -1
    if at < 0:
        return output + tag
    return output[:at] + tag + "\n" + output[at:]
