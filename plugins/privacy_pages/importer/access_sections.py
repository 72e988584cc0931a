"""Extracting how access to the data is protected, and the standards a product complies with."""

from __future__ import annotations

from .classify import DATA_KINDS, GDPR_KINDS, STORAGE_KINDS, Kind, classify_heading
from .markdown_doc import BulletList, Paragraph
from .markdown_out import to_markdown
from .outline import Section
from .reading import Reading, item_markdown

_AFTER = "data-access-and-security"
#: Kinds of sub-section an access section reads as their own sections.
_OWN_SECTIONS = DATA_KINDS | STORAGE_KINDS | GDPR_KINDS | {Kind.SHARING, Kind.CONTROLS}


def access_section(reading: Reading, section: Section) -> None:
    """The first list holds the protections; paragraphs before it are their intro."""
    found = False
    for block in section.blocks:
        if isinstance(block, BulletList) and not found:
            reading.draft.protections.extend(item_markdown(item) for item in block.items)
            found = True
        elif isinstance(block, Paragraph) and not found:
            reading.draft.access_intro.append(to_markdown(block))
        else:
            why = "text after the list of protections"
            reading.free([block], _AFTER, None, why, section.line)
    for child in section.children:
        kind = classify_heading(child.title)
        if kind is Kind.COMPLIANCE:
            reading.report.counts.sections += 1
            compliance_section(reading, child)
        elif kind is Kind.ACCESS and _protections_only(child):
            # "Security" > "Data protection" and its list: more protections
            reading.report.counts.sections += 1
            access_section(reading, child)
        elif kind in _OWN_SECTIONS:
            reading.read_section(child, kind, Kind.ACCESS)
        else:
            reading.free_section(child, _AFTER, "sub-section not recognized")


def _protections_only(section: Section) -> bool:
    """A sub-section that is a list of protections, with at most a lead: its heading says no
    more than the list (a sub-section of paragraphs keeps its heading, as free-form text)."""
    kinds = [type(block) for block in section.blocks]
    return not section.children and kinds in ([BulletList], [Paragraph, BulletList])


def compliance_section(reading: Reading, section: Section) -> None:
    for block in section.all_blocks():
        if isinstance(block, BulletList):
            reading.draft.compliance.extend(item_markdown(item) for item in block.items)
        elif isinstance(block, Paragraph):
            reading.draft.compliance.append(to_markdown(block))
        else:
            why = "not a compliance statement"
            reading.free([block], _AFTER, section.title, why, section.line)
