"""The outline of a page: its title and the tree of sections its headings make."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .markdown_doc import Block, Document, Heading, Paragraph
from .markup import plain

_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[a-zA-Z][.)]|\([a-zA-Z0-9]+\)|[ivxIVX]+\.)\s+")


@dataclass
class Section:
    heading: Heading | None
    level: int
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The heading's words, without a numbering such as "1." or "a)"."""
        return _NUMBERING.sub("", plain(self.heading.text)) if self.heading else ""

    @property
    def line(self) -> int:
        if self.heading:
            return self.heading.line
        return self.blocks[0].line if self.blocks else 0

    def all_blocks(self) -> list[Block]:
        """Own blocks, then each child's heading and blocks, in page order."""
        result: list[Block] = list(self.blocks)
        for child in self.children:
            if child.heading is not None:
                result.append(child.heading)
            result.extend(child.all_blocks())
        return result


def _title(blocks: list[Block], is_section: Callable[[str], bool] | None) -> Heading | None:
    """The page's title: its first H1, else its first heading if it alone is the highest
    (unless its words make it a section, ``is_section``, and prose comes first: "Our tool uses
    telemetry ..." then "## Data collected" over "### Run", under a title the front matter
    gives)."""
    headings = [b for b in blocks if isinstance(b, Heading) and b.text.strip()]
    if not headings:
        return None
    first_h1 = next((h for h in headings if h.level == 1), None)
    if first_h1 is not None:
        return first_h1
    top = min(h.level for h in headings)
    if (
        headings[0].level == top
        and sum(h.level == top for h in headings) == 1
        and len(headings) > 1
        and not (
            is_section is not None
            and is_section(plain(headings[0].text))
            and _prose_before(blocks, headings[0])
        )
    ):
        return headings[0]
    return None


#: A line that dates the page ("Last updated: May 1, 2024."), which is no prose.
_DATED = re.compile(r"^\W*(?:last\s+)?(?:updated|modified|revised|effective)\b", re.I)


def _prose_before(blocks: list[Block], heading: Heading) -> bool:
    """Whether a paragraph of prose (not a date line or a badge) stands before ``heading``."""
    before = itertools.takewhile(lambda block: block is not heading, blocks)
    texts = [plain(b.text).strip() for b in before if isinstance(b, Paragraph)]
    # (prose: four words or more, ending as a sentence ends)
    prose = [t for t in texts if len(t.split()) >= 4 and t.endswith((".", "!", "?", ":"))]
    return any(not _DATED.match(text) for text in prose)


def outline(
    document: Document, is_section: Callable[[str], bool] | None = None
) -> tuple[Heading | None, Section]:
    """The page title (the first H1) and the tree of sections under it (``is_section``: whether
    a heading's words make it a section rather than the page's title, see :func:`_title`)."""
    root = Section(None, 0)
    stack = [root]
    title = _title(document.blocks, is_section)
    for block in document.blocks:
        if isinstance(block, Heading):
            if block is title or not block.text.strip():
                continue
            level = max(block.level, 1)
            while len(stack) > 1 and stack[-1].level >= level:
                stack.pop()
            section = Section(block, level)
            stack[-1].children.append(section)
            stack.append(section)
            continue
        stack[-1].blocks.append(block)
    return title, root


def sections_of(root: Section) -> list[Section]:
    """Every section under ``root``, in page order."""
    found: list[Section] = []
    for section in root.children:
        found += [section, *sections_of(section)]
    return found
