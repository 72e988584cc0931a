"""Blocks of a source page written back as Markdown that a record's Markdown field can hold.

The page's own words and structure are kept; DocFX syntax that record fields do not render
becomes plain Markdown (an alert a quote with a bold title, an ``:::image`` an image, an
include a link).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .markdown_doc import (
    Alert,
    Block,
    BulletList,
    Code,
    Heading,
    Html,
    Image,
    Include,
    ListItem,
    Paragraph,
    Quote,
    Table,
)
from .markup import has_html, html_to_markdown, one_line, plain
from .tables import markdown_table


def span(block: Block) -> tuple[int, int]:
    """The first and last source line of a block."""
    end = getattr(block, "end_line", block.line)
    return block.line, end


def list_markdown(
    items: tuple[ListItem, ...], convert: Callable[[str], str] | None = None, depth: int = 0
) -> str:
    """Bullets written back as a Markdown list, nested by four spaces (as Python-Markdown wants)."""
    convert = convert or _inline
    lines: list[str] = []
    pad = "    " * depth
    for number, item in enumerate(items, start=1):
        marker = f"{number}." if item.ordered else "-"
        text = convert(item.text).replace("\n", "\n" + pad + "    ")
        lines.append(f"{pad}{marker} {text}")
        for paragraph in item.paragraphs:
            lines.append("")
            lines.append(pad + "    " + convert(paragraph).replace("\n", "\n" + pad + "    "))
        if item.children:
            lines.append("")
            lines.append(list_markdown(item.children, convert, depth + 1))
            lines.append("")
    text = "\n".join(line.rstrip() for line in "\n".join(lines).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n")


def _inline(text: str) -> str:
    if has_html(text):
        return html_to_markdown(text)
    return one_line(text)


def to_markdown(block: Block) -> str:
    """One block written back as Markdown that a record's Markdown field can hold."""
    if isinstance(block, Paragraph):
        return (
            "\n".join(_inline(line) for line in block.text.split("\n"))
            if has_html(block.text)
            else _inline(block.text)
        )
    if isinstance(block, BulletList):
        return list_markdown(block.items)
    if isinstance(block, Heading):
        return f"**{plain(block.text)}**"
    if isinstance(block, Alert):
        body = [f"**{block.kind.title()}:**"]
        body.extend(block.text.split("\n"))
        return "\n".join("> " + line if line.strip() else ">" for line in body)
    if isinstance(block, Quote):
        return "\n".join("> " + line if line.strip() else ">" for line in block.text.split("\n"))
    if isinstance(block, Include):
        return f"[{block.title or block.path}]({block.path})"
    if isinstance(block, Image):
        alt = block.attr("alt-text") or block.attr("alt") or "image"
        text = f"![{alt}]({block.attr('source')})"
        return f"{text}\n\n{block.description}" if block.description else text
    if isinstance(block, Code):
        return f"```{block.info}\n{block.text}\n```"
    if isinstance(block, Html):
        return html_to_markdown(block.text) if has_html(block.text) else block.text
    if isinstance(block, Table):
        return markdown_table(block)
    return ""


def blocks_markdown(blocks: list[Block]) -> str:
    """Several blocks as one Markdown text, separated by blank lines."""
    parts = [to_markdown(block).strip() for block in blocks]
    return "\n\n".join(part for part in parts if part)
