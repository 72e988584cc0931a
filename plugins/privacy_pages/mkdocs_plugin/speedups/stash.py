"""The blocks of generated pages written before Python-Markdown reads them, stored in its
``htmlStash``.

``on_page_markdown`` takes the raw HTML blocks (:mod:`.html_blocks`) and the plain blocks
written as HTML here (:mod:`.plain_blocks`) out of a generated page's Markdown, leaving a marker
line for each. :class:`HtmlBlockStash` is a Markdown extension among MkDocs'
``markdown_extensions``: as Python-Markdown converts the page, its preprocessor stores each
block with ``md.htmlStash.store`` in place of its marker, as Python-Markdown's own
``html_block`` and ``fenced_code`` preprocessors store raw HTML and code, and Python-Markdown's
``raw_html`` postprocessor puts it into the page content. ``on_page_content`` tells MkDocs of
the anchors in the blocks (MkDocs looks for them in the page's Markdown, where they no longer
are).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .html_blocks import HtmlBlocks
from .plain_blocks import Dialect, PlainBlocks, dialect

#: After Python-Markdown's ``normalize_whitespace`` (30), which deletes the characters its
#: placeholders are made of; before MkDocs reads the page's raw HTML for anchors
#: (``mkdocs_raw_html``, 21) and Python-Markdown's ``html_block`` (20) parses it, so that
#: neither reads the blocks (the time that saves is the point).
PRIORITY = 26


@dataclass
class _PageBlocks:
    """The blocks taken out of one page's Markdown."""

    html: HtmlBlocks
    plain: PlainBlocks | None
    #: The page's Markdown before its plain blocks were taken out (converted again from it if
    #: Python-Markdown lets a placeholder of its own into the page).
    source: str
    #: What the stash stores for each marker (a list item's marker follows ``- ``).
    by_marker: dict[str, str] = field(default_factory=dict)
    #: The markers Python-Markdown's stash took (every one, or a block was lost on the way).
    stored: set[str] = field(default_factory=set)


class HtmlBlockStash(Extension):
    """The extension: the blocks taken out of this build's generated pages, by the page's
    source URI, from ``on_page_markdown`` to ``on_page_content``."""

    def __init__(self, dialect: Dialect | None = None) -> None:
        super().__init__()
        #: The site's Markdown as far as plain blocks go (None: they stay in the Markdown).
        self.dialect = dialect
        self.pages: dict[str, _PageBlocks] = {}

    def for_site(self, config: MkDocsConfig, *, plain_blocks: bool) -> HtmlBlockStash:
        """In ``on_pre_build``: ready for this build's pages (with plain blocks if
        ``plain_blocks``), among MkDocs' Markdown extensions (once: mkdocs-static-i18n builds
        each language again with the same configuration)."""
        extensions: list[Any] = config.markdown_extensions
        others = [extension for extension in extensions if extension is not self]
        self.dialect = dialect(others, config.mdx_configs) if plain_blocks else None
        self.pages.clear()
        if self not in extensions:
            extensions.append(self)
        return self

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_StoreBlocks(md, self.pages), "privacy_pages_blocks", PRIORITY)

    def take_out(self, src_uri: str, markdown: str) -> str:
        """In ``on_page_markdown``: the page's Markdown with a marker line for each block taken
        out (raw HTML first: the plain blocks are read around their markers)."""
        html = HtmlBlocks()
        markdown = html.take_out(markdown)
        plain, source = None, ""
        if self.dialect is not None:
            plain = PlainBlocks(self.dialect)
            markdown, source = plain.take_out(markdown), markdown
            if not plain.blocks:
                plain, source = None, ""
        if html.blocks or plain is not None:
            blocks = self.pages[src_uri] = _PageBlocks(html, plain, source)
            for taken in (html, plain) if plain is not None else (html,):
                for number, block in enumerate(taken.blocks):
                    blocks.by_marker[taken.marker(number)] = block
        return markdown

    def converted(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """In ``on_page_content``: the page content, with the ids in the page's blocks among its
        anchors. A page into which Python-Markdown let a placeholder of its own is converted
        again without its plain blocks taken out (see
        :func:`has_markdown_placeholder`)."""
        blocks = self.pages.get(page.file.src_uri)
        if blocks is None:
            return html
        if len(blocks.stored) != len(blocks.by_marker):
            raise ValueError(f"a block of {page.file.src_uri} was lost before Python-Markdown")
        plain = blocks.plain
        if plain is not None and has_markdown_placeholder(html):
            page.markdown = blocks.source  # (its raw HTML blocks still go through the stash)
            page.render(config, files)
            html, plain = page.content or "", None
        del self.pages[page.file.src_uri]
        if plain is not None:
            page.present_anchor_ids = (page.present_anchor_ids or set()) | plain.anchor_ids()
            if page.links_to_anchors is not None:  # MkDocs checks anchors (not at DEBUG)
                own = page.links_to_anchors.setdefault(page.file, {})
                for anchor in plain.self_links():
                    own.setdefault(anchor, f"#{anchor}")
        if blocks.html.blocks:
            ids = blocks.html.anchor_ids()
            page.present_anchor_ids = (page.present_anchor_ids or set()) | ids
        return html

    def converted_all(self) -> None:
        """Every page's Markdown is converted: the dialect's memo is no longer needed."""
        if self.dialect is not None:
            self.dialect.memo.clear()


class _StoreBlocks(Preprocessor):
    """Stores each block of the page in Python-Markdown's ``htmlStash``, its placeholder in
    place of its marker."""

    def __init__(self, md: Markdown, pages: dict[str, _PageBlocks]) -> None:
        super().__init__(md)
        self.pages = pages

    def run(self, lines: list[str]) -> list[str]:
        for blocks in self.pages.values():  # (the page MkDocs converts: one at a time)
            for index, line in enumerate(lines):
                item = "- " if line.startswith("- pp") else ""
                if not line.startswith("pp", len(item)):
                    continue
                block = blocks.by_marker.get(line[len(item) :])
                if block is not None:
                    lines[index] = item + self.md.htmlStash.store(block)
                    blocks.stored.add(line[len(item) :])
        return lines


def has_markdown_placeholder(converted: str) -> bool:
    """Whether Python-Markdown let one of its own placeholders into the page content: it does
    on some runs of stars (``*a**a*`` before a tag), numbered by how many inline pieces came
    before on the page, which differs once plain blocks are taken out. Such a page is converted
    again with its plain blocks in the Markdown, so that it stays what Python-Markdown makes of
    it."""
    return "klzzwxh:" in converted or "wzxhzdk:" in converted
