"""Relative links in the records' text, on a generated page they were not written for (see
:mod:`privacy_pages.render.moved_links`), as MkDocs converts the page.

MkDocs resolves and checks a page's links in its own tree processor (``relpath``), which knows
the page and the site's files; this one runs just before it and rewrites the targets it must.
Links in raw HTML are the templates' own, made for the page they are on.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Iterable, Mapping
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..render.generated import GeneratedPage
from ..render.moved_links import rebased
from ..render.paths import links_written_for
from ..settings import Settings

#: After Python-Markdown's inline patterns have made the links (20), before MkDocs' ``relpath``
#: (0) resolves them.
PRIORITY = 1


class ContentLinks(Extension):
    """The extension: ``written_for`` maps a generated page (its source path) to the page its
    text's links were written for; the plugin fills it each build (:meth:`pages`)."""

    def __init__(self) -> None:
        super().__init__()
        self.written_for: dict[str, str] = {}

    def register(self, markdown_extensions: list[Any]) -> None:
        """Add it to MkDocs' Markdown extensions (which Python-Markdown takes as objects too),
        once: mkdocs-static-i18n builds each language again with the same configuration."""
        if self not in markdown_extensions:
            markdown_extensions.append(self)

    def pages(self, pages: Iterable[GeneratedPage], settings: Settings) -> None:
        """This build's generated pages: which of them show text written for another page."""
        self.written_for.clear()
        for page in pages:
            written_for = links_written_for(page.path, page.product_id, settings)
            if written_for is not None:
                self.written_for[page.path] = written_for

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
