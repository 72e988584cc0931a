"""Extracting what a page says around its privacy facts: what it applies to, its introduction,
its notes (DocFX alerts, wherever they are) and further reading."""

from __future__ import annotations

import re
from functools import partial

from .by_shape import by_lead
from .claims import Requirement
from .classify import Kind, applies_to_inline, classify_heading, is_applies_to, is_never_lead
from .data_sections import data_blocks
from .list_kinds import ListKind
from .markdown_doc import Alert, Block, BulletList, Code, Paragraph, Table, parse
from .markdown_out import blocks_markdown, span, to_markdown
from .markup import drop_links, links, one_line, only_link, plain
from .outline import Section
from .prose_facts import taken_by_another
from .reading import Reading, is_comment, unpaired
from .report import NotData
from .samples import sample_fields
from .shapes import is_item_table, lead_kind, lists_data
from .sharing_sections import policy_list

#: Overview headings that say nothing themselves ("Overview"); any other heading is kept.
_GENERIC_OVERVIEW = re.compile(r"^(?:overview|introduction|about|summary)$", re.I)
#: A bullet that starts with a link ("[FAQ](faq.md) - Answers to common questions").
_LINK_FIRST = re.compile(r"^\**\[[^\]]+\]\([^)]+\)")


def _add_link(reading: Reading, into: list[dict[str, str]], title: str, url: str) -> None:
    into.append({"title": title, "url": url})
    reading.report.counts.links += 1


def preamble(reading: Reading, blocks: list[Block]) -> None:
    """The text before the first heading: applies-to links, intro, lists under a lead."""
    lead: Paragraph | None = None
    for block in unpaired(blocks, partial(_opening_list, reading)):
        if isinstance(block, Paragraph) and _applies_to_inline(reading, block):
            continue
        if isinstance(block, Paragraph | BulletList):
            reading.draft.intro.append(to_markdown(block))
            lead = block if isinstance(block, Paragraph) else None
        elif isinstance(block, Code) and lead and sample_fields(block, lead.text):
            # "Here's an example of a usage report:" and its JSON, on a page with no heading:
            # the lead heads the data the sample shows, not the introduction
            reading.draft.intro.pop()
            reading.report.counts.sections += 1
            data_blocks(reading, [lead, block], Requirement.NOT_STATED, None, Section(None, 0))
            lead = None
        elif isinstance(block, Table) and is_item_table(block):
            reading.report.counts.sections += 1
            data_blocks(reading, [block], Requirement.NOT_STATED, None, Section(None, 0))
        else:
            reading.free([block], "overview", None, "not part of the introduction")


def _opening_list(reading: Reading, lead: Paragraph, block: BulletList) -> bool:
    """A list under a lead before any heading, read as what the lead says it is; False if not."""
    if is_applies_to(lead.text):
        _applies_to(reading, block)
        return True
    if policy_list(reading, block, lead):
        return True  # "... the settings of the following group policies:"
    if taken_by_another(lead.text, reading.draft.name):
        return False  # "Stripe collects:": Stripe's data, text of the introduction
    if lists_data(block, lead):  # "The following data is collected:"
        reading.report.counts.sections += 1
        data_blocks(reading, [lead, block], Requirement.NOT_STATED, None, Section(None, 0))
        return True
    # "You can control settings related to the following:" and them; "None of the following
    # are ever collected:" and what is not
    known = lead_kind(lead) is not Kind.UNKNOWN or is_never_lead(lead.text)
    return known and by_lead(reading, block, lead, None)


def _applies_to(reading: Reading, block: BulletList) -> None:
    for item in block.items:
        link = only_link(item.text)
        if link and not item.children:
            _add_link(reading, reading.draft.applies_to, *link)
        else:
            entry = BulletList((item,), item.line, item.line)
            why = "an 'Applies to' entry that is not a link"
            reading.free([entry], "overview", "Applies to", why)


def _applies_to_inline(reading: Reading, block: Paragraph) -> bool:
    """ "Applies to: [X](...), [Y](...)" on one line: its links; False if it is not that."""
    inline = applies_to_inline(block.text)
    found = links(inline) if inline else []
    if not inline or not found or plain(drop_links(inline)).strip(" ,;.and"):
        return False
    for title, url in found:
        _add_link(reading, reading.draft.applies_to, plain(title), url)
    return True


def alerts_to_notes(reading: Reading, section: Section) -> None:
    """Every DocFX alert becomes a note of its type (``> [!TIP]`` a tip), in page order. Notes
    show at the top of the page: an alert under another heading than the overview's is listed
    in the report, for a writer to check that it reads well there."""
    kept: list[Block] = []
    for block in section.blocks:
        if not isinstance(block, Alert):
            kept.append(block)
            continue
        _note(reading, block)
        if section.heading is not None and classify_heading(section.title) is not Kind.OVERVIEW:
            alert = f"the {block.kind.upper()} alert under {section.title!r}"
            message = f"{alert} is now a note (type {block.kind}) at the top of the page"
            reading.report.review(block.line, "note", message)
    section.blocks = kept
    for child in section.children:
        alerts_to_notes(reading, child)


def _note(reading: Reading, block: Alert) -> None:
    # The body of the alert (which may hold lists) as Markdown, without the quote markers.
    text = blocks_markdown(parse(block.text).blocks) or one_line(block.text)
    if not text.strip():  # "> [!NOTE]" alone: its text, if any, is the next block's
        message = f"[!{block.kind.upper()}] with no text of its own"
        reading.report.review(block.line, "note", message)
        return
    reading.draft.notes.append({"type": block.kind, "text": text})
    reading.report.counts.notes += 1


def overview_section(reading: Reading, section: Section) -> None:
    if not _GENERIC_OVERVIEW.match(section.title) and section.title:
        reading.draft.intro.append(f"**{section.title}**")  # "Last updated: 1 March 2024"

    def pair(lead: Paragraph, block: BulletList) -> bool:
        # "Microsoft does not send the following:" and what it does not send
        return policy_list(reading, block, lead) or by_lead(reading, block, lead, None)

    for block in unpaired(section.blocks, pair):
        if isinstance(block, Paragraph | BulletList):
            reading.draft.intro.append(to_markdown(block))
        else:
            why = "not part of the introduction"
            reading.free([block], "overview", section.title, why)
    for child in section.children:
        reading.free_section(child, "overview", "sub-section of the overview")


def next_steps_section(reading: Reading, section: Section) -> None:
    text = blocks_markdown([b for b in section.all_blocks() if not is_comment(b)])
    if text:
        reading.draft.next_steps.append(text)
    else:
        reading.free_heading_only(section, "more-information")


def more_info_section(reading: Reading, section: Section) -> None:
    """Links to read: lists and paragraphs of links only, or of links each with a sentence."""
    for block in section.all_blocks():
        if isinstance(block, BulletList) and all(
            only_link(i.text) and not i.children for i in block.items
        ):
            for item in block.items:
                link = only_link(item.text)
                assert link is not None
                _add_link(reading, reading.draft.links, *link)
            reading.report.not_data.append(NotData(*span(block), ListKind.LINKS))
        elif isinstance(block, Paragraph) and (link := only_link(block.text)):
            _add_link(reading, reading.draft.links, *link)
        elif isinstance(block, BulletList) and all(
            _LINK_FIRST.match(i.text.strip()) or links(i.text) for i in block.items
        ):
            # Links each with a sentence of what it holds: what to read next.
            reading.draft.next_steps.append(to_markdown(block))
            reading.report.counts.links += len(block.items)
        else:
            reading.free(
                [block], "more-information", section.title, "not a link list", section.line
            )
