"""Relative links in the records' text, on a generated page they were not written for.

A writer writes a relative link (``../guide/index.md``, ``intune.md#overview``) for the product's
page in the site's language, ``privacy/<id>.md``. The same text also shows a folder deeper: on
the page in another language (``fr/privacy/<id>.md``, option ``languages``) and on the pages of
the statement's earlier versions (``privacy/<id>/releases/<v>.md``); see
:func:`~privacy_pages.render.paths.links_written_for`. There, a link that leads to no file from
the page is read as from the page it was written for, as mkdocs-static-i18n falls back to the
default language: a hand-written page the site has in one language is found so. A link that
leads to a file from the page itself is left alone: a generated page has a version in each
language, so ``intune.md`` on a French page leads to the French page.

MkDocs resolves and checks a page's links in its own tree processor (``relpath``), which knows
the page and the site's files; this one runs just before it and rewrites the targets it must.
Links in raw HTML are the templates' own, made for the page they are on.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..render.paths import relative_link

#: After Python-Markdown's inline patterns have made the links (20), before MkDocs' ``relpath``
#: (0) resolves them.
PRIORITY = 1


class ContentLinks(Extension):
    """The extension: ``written_for`` maps a generated page (its source path) to the page its
    text's links were written for; the plugin fills it each build."""

    def __init__(self, written_for: Mapping[str, str]) -> None:
        super().__init__()
        self.written_for = written_for

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Rebase(md, self.written_for), "privacy_pages_links", PRIORITY)


class _Rebase(Treeprocessor):
    def __init__(self, md: Markdown, written_for: Mapping[str, str]) -> None:
        super().__init__(md)
        self.written_for = written_for

    def run(self, root: etree.Element) -> None:
        if "relpath" not in self.md.treeprocessors:
            return  # not MkDocs converting a page
        relpath: Any = self.md.treeprocessors["relpath"]
        file, files = getattr(relpath, "file", None), getattr(relpath, "files", None)
        if file is None or files is None:
            return
        written_for = self.written_for.get(file.src_uri)
        if written_for is None:
            return
        for element in root.iter():
            key = "href" if element.tag == "a" else "src" if element.tag == "img" else None
            url = element.get(key) if key else None
            if key and url:
                found = rebased(url, file.src_uri, written_for, files.get_file_from_path)
                if found is not None:
                    element.set(key, found)


#: A source path's file in the site, or None (MkDocs' ``Files.get_file_from_path``).
Find = Callable[[str], object | None]


def rebased(url: str, page: str, written_for: str, find: Find) -> str | None:
    """``url`` made to lead from ``page`` where it leads from ``written_for``, when it leads to
    no file from ``page`` but to one from there (``find``: a source path's file, or None)."""
    scheme, netloc, path, query, fragment = urlsplit(url)
    if scheme or netloc or not path or path.startswith(("/", "\\")):
        return None
    path = unquote(path)
    if _found(find, _target(page, path)):
        return None
    target = _found(find, _target(written_for, path))
    if target is None:
        return None  # nowhere from either: MkDocs says so, as for any page
    return urlunsplit(("", "", quote(relative_link(page, target)), query, fragment))


def _target(page: str, path: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def _found(find: Find, target: str) -> str | None:
    """The source path a link to ``target`` leads to (a folder leads to its index), if any."""
    if target.startswith("../"):
        return None
    candidates = [target]
    if not posixpath.splitext(target)[1]:
        candidates += [posixpath.join(target, "index.md"), posixpath.join(target, "README.md")]
    for candidate in candidates:
        if find(candidate) is not None:
            return str(candidate)
    return None
