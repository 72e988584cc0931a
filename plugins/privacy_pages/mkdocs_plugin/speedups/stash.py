"""The blocks of generated pages that go around Python-Markdown, stashed by page.

Like Python-Markdown's own ``htmlStash``, but for whole pages: ``on_page_markdown`` takes the
raw HTML blocks (:mod:`.html_blocks`) and the plain blocks written as HTML here
(:mod:`.plain_blocks`) out of a generated page's Markdown, leaving placeholders, and
``on_page_content`` puts them back into the page content Python-Markdown converted.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .html_blocks import HtmlBlocks, placeholders_survive
from .plain_blocks import Dialect, PlainBlocks, dialect


class HtmlBlockStash:
    """The blocks taken out of each generated page's Markdown as HTML (raw HTML blocks, and
    plain blocks written as HTML), by the page's source URI."""

    def __init__(self, dialect: Dialect | None) -> None:
        #: The site's Markdown as far as plain blocks go (None: they stay in the Markdown).
        self.dialect = dialect
        self.html_blocks: dict[str, HtmlBlocks] = {}
        self.plain_blocks: dict[str, PlainBlocks] = {}

    @classmethod
    def for_site(cls, config: MkDocsConfig, *, plain_blocks: bool) -> HtmlBlockStash | None:
        """A stash for the site's Markdown extensions (with plain blocks if ``plain_blocks``),
        or None when an extension would rewrite the placeholders."""
        extensions, configs = config.markdown_extensions, config.mdx_configs
        if not placeholders_survive(extensions, configs):
            return None
        return cls(dialect(extensions, configs) if plain_blocks else None)

    def take_out(self, src_uri: str, markdown: str) -> str:
        """The page's Markdown with its blocks stashed (raw HTML first: a plain block may hold
        a raw block's placeholder)."""
        blocks = HtmlBlocks()
        markdown = blocks.take_out(markdown)
        if blocks.blocks:
            self.html_blocks[src_uri] = blocks
        if self.dialect is not None:
            plain = PlainBlocks(self.dialect)
            markdown = plain.take_out(markdown)
            if plain.blocks:
                self.plain_blocks[src_uri] = plain
        return markdown

    def put_back(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The page content with the page's blocks back in place, their ids among the page's
        anchors. A plain block Python-Markdown would have joined with its neighbours (the
        placeholder leaked) makes MkDocs convert the page whole after all."""
        src_uri = page.file.src_uri
        plain = self.plain_blocks.pop(src_uri, None)
        if plain is not None and plain.has_markdown_placeholder(html):
            page.markdown = plain.source
            page.render(config, files)
            html, plain = page.content or "", None
        if plain is not None:
            html = plain.put_back(html)
            page.present_anchor_ids = (page.present_anchor_ids or set()) | plain.anchor_ids()
            if page.links_to_anchors is not None:  # MkDocs checks anchors (not at DEBUG)
                own = page.links_to_anchors.setdefault(page.file, {})
                for anchor in plain.self_links():
                    own.setdefault(anchor, f"#{anchor}")
        blocks = self.html_blocks.pop(src_uri, None)
        if blocks is not None:
            html = blocks.put_back(html)
            page.present_anchor_ids = (page.present_anchor_ids or set()) | blocks.anchor_ids()
        return html

    def converted_all(self) -> None:
        """Every page's Markdown is converted: the dialect's memo is no longer needed."""
        if self.dialect is not None:
            self.dialect.memo.clear()
