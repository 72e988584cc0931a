"""``:::image ...:::`` lines as ``<figure>`` elements."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor

from .host import Host
from .syntax import IMAGE_END_RE, IMAGE_RE, parse_attrs


class ImageProcessor(BlockProcessor):
    """``:::image ...:::`` lines -> ``<figure>``.

    Registered twice: with a high priority for blocks that *start* with the
    directive (so an indentation of four or five spaces does not turn it into
    a code block), and just above the paragraph processor for directives
    further down a block (so lists, headings, etc. claim their lines first).
    """

    def __init__(self, parser: BlockParser, ext: Host, anywhere: bool) -> None:
        super().__init__(parser)
        self.ext = ext
        self.anywhere = anywhere

    def _find(self, block: str) -> re.Match[str] | None:
        if self.anywhere:
            return IMAGE_RE.search(block)
        return IMAGE_RE.match(block)

    def test(self, parent: etree.Element, block: str) -> bool:
        return self._find(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        match = self._find(block)
        if match is None:  # pragma: no cover - test() guarantees a match
            blocks.insert(0, block)
            return
        before = block[: match.start()]
        after = block[match.end() :].lstrip("\n")
        if before.strip():
            self.parser.parseBlocks(parent, [before.rstrip("\n")])

        attrs = parse_attrs(match.group("attrs"))
        description: str | None = None
        if attrs.get("type", "content").lower() == "complex":
            description, after = self._take_description(after, blocks, attrs)

        self.ext.build_image(parent, attrs, description, self.parser)
        if after.strip():
            blocks.insert(0, after)

    def _take_description(
        self, after: str, blocks: list[str], attrs: dict[str, str]
    ) -> tuple[str | None, str]:
        """Split off the long description up to ``:::image-end:::``."""
        end = IMAGE_END_RE.search(after)
        if end is not None:
            return after[: end.start()].rstrip(), after[end.end() :].lstrip("\n")
        for index, candidate in enumerate(blocks):
            end = IMAGE_END_RE.search(candidate)
            if end is None:
                continue
            parts = [after, *blocks[:index], candidate[: end.start()].rstrip()]
            rest = candidate[end.end() :].lstrip("\n")
            del blocks[: index + 1]
            return "\n\n".join(part for part in parts if part.strip()), rest
        self.ext.warn(
            f"learn_syntax: complex image '{attrs.get('source', '')}' in page "
            f"'{self.ext.location_label()}' has no ':::image-end:::' line."
        )
        return None, after
