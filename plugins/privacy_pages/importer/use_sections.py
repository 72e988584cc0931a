"""Extracting what the data is used for: uses from tables, purposes from lists, and entities."""

from __future__ import annotations

import re

from .classify import DATA_KINDS, GDPR_KINDS, STORAGE_KINDS, Kind, classify_heading
from .draft import GroupDraft
from .grouping import sentence_case, split_parts
from .item_text import ItemDraft
from .legal_bases import legal_basis, says_more
from .markdown_doc import Block, BulletList, ListItem, Paragraph, Table
from .markdown_out import to_markdown
from .markup import plain
from .outline import Section
from .reading import Reading, item_markdown
from .shapes import (
    bold_runs,
    data_shape,
    lead_kind,
    lists_data,
    pairs_purposes,
    says_purposes,
)
from .statements import RetentionRule
from .storage_sections import is_service_location, service_location
from .tables import Layout, Role, UseRow, layout, read_retention, read_uses

#: Kinds of sub-section a data-use section reads as their own sections.
_OWN_SECTIONS = STORAGE_KINDS | DATA_KINDS | {Kind.NEVER, Kind.RIGHTS, Kind.ACCESS}
_OWN_SECTIONS |= GDPR_KINDS | {Kind.COMPLIANCE, Kind.SHARING, Kind.CONTROLS}


def purpose_list(reading: Reading, lead: Paragraph | None, block: BulletList) -> None:
    """A list of what the data is used for ("This data enables X to:")."""
    if lead is not None:
        reading.draft.purposes_intro.append(to_markdown(lead))
    reading.draft.purposes.extend(item_markdown(item) for item in block.items)
    reading.report.counts.sections += 1


def add_uses(reading: Reading, rows: list[UseRow]) -> None:
    """Each row as a use of data, with its legal basis when its words name exactly one; else
    the basis cell's words stay in the use's text, and the report says so."""
    for row in rows:
        use = "\n\n".join(row.use)
        entry = {"source": row.source, "use": use}
        basis = legal_basis(row.basis) if row.basis else None
        if row.basis and basis is None:
            entry["use"] = f"{use}\n\n**Legal basis:** {row.basis}"
            why = f"{row.basis!r} names no single legal basis; kept in the use's text"
            reading.report.review(row.line, "legal-basis", why)
        elif basis is not None:
            entry["legal_basis"] = basis
            if basis == "legitimate-interests":
                # Which interest: the cell's own words when they say more than the basis, else
                # the purpose itself (what the page pursues on that basis).
                interest = row.basis if says_more(row.basis) else use
                entry["legitimate_interest"] = interest
                if interest is use:
                    why = "the legitimate interest is read as the purpose itself; check it"
                    reading.report.review(row.line, "legal-basis", why)
        if row.source == "(not named)":
            why = "the page names no data for this purpose; the source says '(not named)'"
            reading.report.review(row.line, "legal-basis", why)
        reading.draft.uses.append(entry)


def data_use_section(reading: Reading, section: Section) -> None:
    draft = reading.draft
    pending: list[Block] = []
    for block in bold_runs(section.blocks):
        before = pending[-1] if pending else None
        if isinstance(block, BulletList) and (
            (not lists_data(block, before) and lead_kind(before) in {Kind.UNKNOWN, Kind.DATA_USE})
            # "**Contact information** - so we can respond": what each is for, whatever the
            # lead says of collecting it ("We only collect data that is necessary:")
            or pairs_purposes(block)
        ):
            # A list of what data is used for; a lead ending with ':' introduces it.
            lead = before if isinstance(before, Paragraph) else None
            if lead is not None and plain(lead.text).strip().endswith(":"):
                if not says_purposes(block, lead):
                    pending.append(block)  # text, with its lead
                    continue
                pending.pop()
            else:
                lead = None
            reading.free(pending, "data-use", section.title, "not a use of data", section.line)
            pending = []
            purpose_list(reading, lead, block)
            continue
        if isinstance(block, Table):
            lay = layout(block, Kind.DATA_USE)
            if lay.kind == "data-use":
                reading.report.counts.tables += 1
                draft.data_use_intro.extend(to_markdown(b) for b in pending)
                pending = []
                rows = read_uses(block, lay)
                add_uses(reading, rows)
                _data_of_uses(reading, block, lay, rows)
                continue
            reading.report.counts.tables_free_form += 1
        pending.append(block)
    if pending:
        reading.free(pending, "data-use", section.title, "not a data-use table", section.line)
    for child in section.children:
        kind = classify_heading(child.title)
        if kind is Kind.ENTITIES:
            reading.report.counts.sections += 1
            entities_section(reading, child)
        elif is_service_location(child):
            reading.report.counts.sections += 1
            service_location(reading, child)
        elif kind in _OWN_SECTIONS or (kind is Kind.UNKNOWN and data_shape(child, weak=False)):
            # (a purpose's own heading over "we collect the following:" and its list: data)
            reading.read_section(child, kind, Kind.DATA_USE)
        else:
            reading.free_section(child, "data-use", "sub-section not recognized")


#: The header of a column that names the data each purpose uses ("Personal data", "Data
#: category"), not where it comes from ("Source").
_DATA_HEADER = re.compile(
    r"^\W*(?:(?:personal|your)\s+)?(?:data|information)\b(?!\s+(?:sources?|subjects?)\b)"
    r"|\b(?:categor(?:y|ies) of (?:personal )?data|data categor(?:y|ies))\b",
    re.IGNORECASE,
)


def _data_of_uses(reading: Reading, table: Table, lay: Layout, rows: list[UseRow]) -> None:
    """``| Personal data | Purpose | Legal basis | Storage period |``: the data column names
    data collected (its requirement not stated), and a period column gives each its rule."""
    source = lay.first(Role.SOURCE)
    if source is None or not _DATA_HEADER.search(plain(source.header)):
        return
    draft = reading.draft
    sections = (draft.required, draft.optional, draft.collected)
    known = {i.name.lower() for d in sections for g in d.groups for i in g.items}
    group = GroupDraft("Data processed", "Data processed", table.line)
    for row in rows:
        names = [sentence_case(p.strip()) for p in split_parts(row.source)]
        if row.source != "(not named)":  # (the data a list of the page names already: once)
            group.items += [ItemDraft(n, row.line) for n in names if n.lower() not in known]
    if group.items:
        draft.collected.groups.append(group)
        reading.report.counts.items += len(group.items)
    if lay.first(Role.RETENTION) is not None:  # (the other columns are the use's already)
        for data, period, _note, _line in read_retention(table, lay):
            draft.storage.retention.append(RetentionRule(data, period))
            reading.report.counts.retention_rules += 1


def entities_section(reading: Reading, section: Section) -> None:
    """The first list names the entities processed; paragraphs before it are its intro."""
    pending: list[Block] = []
    found = False
    for block in section.all_blocks():
        if not isinstance(block, BulletList) or found:
            pending.append(block)
            continue
        reading.draft.entities_intro.extend(
            to_markdown(b) for b in pending if isinstance(b, Paragraph)
        )
        others = [b for b in pending if not isinstance(b, Paragraph)]
        if others:
            why = "not part of the entity list"
            reading.free(others, "data-use", section.title, why, section.line)
        reading.draft.entities.extend(plain(item.text) for item in block.items)
        for item in block.items:
            _free_nested(reading, item, section)
        found = True
        pending = []
    if pending:
        why = "text after the entity list"
        reading.free(pending, "data-use", section.title, why, section.line)


def _free_nested(reading: Reading, item: ListItem, section: Section) -> None:
    """What an entity's bullet holds beyond its name: free-form text."""
    blocks: list[Block] = [Paragraph(p, item.line, item.line) for p in item.paragraphs]
    if item.children:
        blocks.append(BulletList(item.children, item.line, item.line))
    if blocks:
        why = "nested text in a plain list"
        reading.free(blocks, "data-use", section.title, why, section.line)
