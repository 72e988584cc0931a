"""A small, offline link checker for a built site: every internal link and anchor resolves.

For each HTML page it follows ``href`` and ``src`` of ``a``, ``link``, ``img`` and ``script``
that stay on the site (no scheme, no ``//``): the target file must exist (a folder is its
``index.html``), and a fragment must name an element's ``id`` (or an ``a`` ``name``) on the
target page. Links into the theme's generated assets that a site generator writes at run time
(search indexes) are checked like any other file.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_LINKING = {"a": "href", "link": "href", "img": "src", "script": "src"}


@dataclass
class _Page(HTMLParser):
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(str(values[name]))
        wanted = _LINKING.get(tag)
        if wanted and values.get(wanted):
            self.links.append(str(values[wanted]))


@cache
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8", errors="replace"))
    page.close()
    return page


def _target(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file a link leads to and its fragment, or None for a link that leaves the site."""
    if not href or _SCHEME.match(href) or href.startswith("//"):
        return None
    parts = urlsplit(href)
    fragment = unquote(parts.fragment)
    if not parts.path:
        return page, fragment
    base = posixpath.dirname(page.relative_to(site).as_posix())
    if parts.path.startswith("/"):
        relative = posixpath.normpath(unquote(parts.path).lstrip("/"))
    else:
        relative = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    target = site / relative
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, fragment


def broken_links(site: Path) -> list[str]:
    """Every internal link of the built site ``site`` that leads nowhere: ``page: link``."""
    site = site.resolve()
    found: list[str] = []
    for page in sorted(site.rglob("*.html")):
        for href in _parse(page).links:
            resolved = _target(site, page, href)
            if resolved is None:
                continue
            target, fragment = resolved
            where = f"{page.relative_to(site)}: {href}"
            if not target.resolve().is_relative_to(site):
                found.append(f"{where} (leaves the site)")
            elif not target.is_file():
                found.append(f"{where} (no file {target.relative_to(site)})")
            elif fragment and target.suffix == ".html" and fragment not in _parse(target).ids:
                found.append(f"{where} (no anchor #{fragment})")
    return found


def internal_links(site: Path) -> int:
    """How many internal links the site has (a check of zero links checks nothing)."""
    site = site.resolve()
    return sum(
        1
        for page in site.rglob("*.html")
        for href in _parse(page).links
        if _target(site, page, href) is not None
    )
