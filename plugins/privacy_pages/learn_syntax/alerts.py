"""``> [!NOTE]`` blockquotes as admonitions."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockQuoteProcessor
from markdown.util import nearing_recursion_limit

from .syntax import ALERT_MARKER_RE

# Alert marker -> (admonition CSS class, title).
ALERT_TYPES: dict[str, tuple[str, str]] = {
    "note": ("note", "Note"),
    "tip": ("tip", "Tip"),
    "important": ("info", "Important"),
    "caution": ("danger", "Caution"),
    "warning": ("warning", "Warning"),
}


class AlertProcessor(BlockQuoteProcessor):
    """``> [!NOTE]`` blockquotes -> admonition ``div`` (runs before 'quote')."""

    def _marker(self, block: str) -> tuple[re.Match[str], re.Match[str]] | None:
        quote = self.RE.search(block)
        if quote is None:
            return None
        marker = ALERT_MARKER_RE.match(quote.group(2).strip())
        if marker is None:
            return None
        return quote, marker

    def test(self, parent: etree.Element, block: str) -> bool:
        return self._marker(block) is not None and not nearing_recursion_limit()

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        found = self._marker(block)
        if found is None:  # pragma: no cover - test() guarantees a match
            blocks.insert(0, block)
            return
        quote, marker = found
        before = block[: quote.start()]
        if before.strip():
            self.parser.parseBlocks(parent, [before])
        lines = [self.clean(line) for line in block[quote.end(1) :].split("\n")]
        rest = marker.group("rest").strip()
        body = "\n".join(([rest] if rest else []) + lines[1:])

        css_class, title = ALERT_TYPES[marker.group("kind").lower()]
        div = etree.SubElement(parent, "div", {"class": f"admonition {css_class}"})
        heading = etree.SubElement(div, "p", {"class": "admonition-title"})
        heading.text = title
        self.parser.state.set("learn_alert")
        self.parser.parseChunk(div, body)
        self.parser.state.reset()
