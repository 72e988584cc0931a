"""Extracting the rights people have: the rights named, how to request them, and the rights
guidance of the services a product depends on."""

from __future__ import annotations

from .classify import DATA_KINDS, GDPR_KINDS, STORAGE_KINDS, Kind, classify_heading
from .gdpr_sections import is_complaint
from .markdown_doc import Alert, Block, BulletList, Paragraph, Quote
from .markdown_out import blocks_markdown, to_markdown
from .markup import only_link
from .outline import Section
from .reading import Reading, is_comment, item_markdown

#: Kinds of sub-section a rights section reads as their own sections.
_OWN_SECTIONS = DATA_KINDS | STORAGE_KINDS | GDPR_KINDS | {Kind.NEVER, Kind.SHARING, Kind.CONTROLS}


def rights_section(reading: Reading, section: Section) -> None:
    """Bullets are rights, text their intro; a sub-heading is a request (or its own kind)."""
    for block in section.blocks:
        if isinstance(block, BulletList) and _link_list(reading, block):
            continue
        if isinstance(block, BulletList):
            for item in block.items:
                text = item_markdown(item)
                if is_complaint(text) and not reading.draft.complaint:
                    reading.draft.complaint = text  # a right, with a field of its own
                else:
                    reading.draft.rights.append(text)
        elif isinstance(block, Paragraph | Alert | Quote):
            reading.draft.rights_intro.append(to_markdown(block))
        else:
            why = "not part of the rights text"
            reading.free([block], "your-rights", None, why, section.line)
    for child in section.children:
        kind = classify_heading(child.title)
        if kind in _OWN_SECTIONS:
            reading.read_section(child, kind, Kind.RIGHTS)
        elif kind is Kind.RIGHTS:  # "Your rights" under "Your rights and choices"
            reading.report.counts.sections += 1
            rights_section(reading, child)
        else:
            reading.report.counts.sections += 1
            rights_request(reading, child)


def _link_list(reading: Reading, block: BulletList) -> bool:
    """A list of links only: the rights guidance of the services a product depends on."""
    found = [only_link(item.text) for item in block.items]
    if not found or any(
        f is None or item.children for f, item in zip(found, block.items, strict=True)
    ):
        return False
    for entry in found:
        assert entry is not None
        reading.draft.rights_services.append({"title": entry[0], "url": entry[1]})
        reading.report.counts.links += 1
    return True


def rights_request(reading: Reading, section: Section) -> None:
    """A sub-heading about rights: a request (title and body); deeper headings are their own."""
    kept: list[Block] = []
    for block in section.blocks:
        if not (isinstance(block, BulletList) and _link_list(reading, block)):
            kept.append(block)
    body = blocks_markdown([b for b in kept if not is_comment(b)])
    if body:
        reading.draft.requests.append({"title": section.title, "body": body})
    elif not section.children:
        reading.free_heading_only(section, "your-rights")
    for child in section.children:
        reading.report.counts.sections += 1
        rights_request(reading, child)
