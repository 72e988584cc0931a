"""Relative links in the records' text, read from the page they were written for.

A writer writes a relative link (``../guide/index.md``, ``intune.md#overview``) for the product's
page in the site's language, ``privacy/<id>.md``. The same text also shows a folder deeper: on
the page in another language (``fr/privacy/<id>.md``) and on the pages of the statement's earlier
versions (``privacy/<id>/releases/<v>.md``); see :func:`~.paths.links_written_for`. There, a link
that leads to no file from the page is read as from the page it was written for, as
mkdocs-static-i18n falls back to the default language: a hand-written page the site has in one
language is found so. A link that leads to a file from the page itself is left alone: a
generated page has a version in each language, so ``intune.md`` on a French page leads to the
French page.

The MkDocs plugin applies :func:`rebased` to the links of each page as Python-Markdown reads them
(``mkdocs_plugin.content_links``); ``privacy-pages render``, whose pages a site generator reads
as files, applies :func:`rebased_markdown` to the Markdown it writes.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from .paths import relative_link

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


#: An inline link's or image's target in a generated page's Markdown: ``](target``, up to a
#: space or the ``)``.
_INLINE_TARGET = re.compile(r"\]\(([^\s()<>]+)")


def rebased_markdown(markdown: str, page: str, written_for: str, find: Find) -> str:
    """A generated page's Markdown with each inline link :func:`rebased` (the records' text
    reaches pages with inline links only: the links of the templates lead somewhere from the
    page, and are left as they are). Brackets the text escapes open no link; code from the
    records is written with entities, so it holds none."""
    if "](" not in markdown:
        return markdown

    def moved(match: re.Match[str]) -> str:
        if not _closes_link(markdown, match.start()):
            return match.group()
        found = rebased(match.group(1), page, written_for, find)
        return match.group() if found is None else f"]({found}"

    return _INLINE_TARGET.sub(moved, markdown)


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    while index - backslashes > 0 and text[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _closes_link(markdown: str, close: int) -> bool:
    """Whether the ``]`` at ``close`` closes a ``[`` of the same paragraph, as Python-Markdown
    pairs brackets (an escaped one is text)."""
    if _escaped(markdown, close):
        return False
    start = markdown.rfind("\n\n", 0, close)
    depth = 0
    for index in range(close - 1, start, -1):
        character = markdown[index]
        if character not in "[]" or _escaped(markdown, index):
            continue
        if character == "]":
            depth += 1
        elif depth:
            depth -= 1
        else:
            return True
    return False
