"""Structured facts in text that would otherwise be free-form: data tables, and lists under a
lead that says what they are ("Data protection on your device:", "Retention and deletion:",
"We collect the following data:"), read into their fields wherever they are."""

from __future__ import annotations

import re

from .claims import Requirement
from .classify import STORAGE_KINDS, Kind, is_never_lead
from .data_sections import answered_table, data_blocks, never_list, scope_entry
from .draft import GroupDraft
from .item_text import ItemSource, item_from, says_taken
from .markdown_doc import Block, BulletList, Code, Heading, Paragraph, Table
from .markdown_out import blocks_markdown
from .markup import one_line, plain, sentences
from .outline import Section
from .prose_facts import taken_by_another
from .reading import Reading, item_markdown
from .requirement import answered
from .samples import sample_fields
from .shapes import (
    BOLD_LABEL,
    bold_runs,
    is_bold_list,
    is_data_lead,
    is_item_table,
    lead_kind,
    leads_other,
    leads_parties,
    lists_data,
    lists_in_one_line,
    says_purposes,
    stops_collection,
    titles_data,
)
from .sharing_sections import controls_list, policy_list, sharing_list
from .statements import places
from .storage_sections import location_table, storage_paragraph
from .tables import answered_rows, location_column
from .use_sections import purpose_list

#: What a list's lead may say the list is, when it is not data.
_LEAD_KINDS = STORAGE_KINDS | {Kind.NEVER, Kind.ACCESS, Kind.SHARING, Kind.CONTROLS}
_LEAD_KINDS |= {Kind.RIGHTS, Kind.DATA_USE}


def read_shapes(reading: Reading, blocks: list[Block], title: str | None) -> list[Block]:
    """The blocks that no structured field takes by their shape (see the module docstring)."""
    shaped = any(isinstance(b, BulletList | Table | Code) for b in blocks)
    if reading.reading_shapes or not (shaped or lists_in_one_line(blocks)):
        return blocks
    reading.reading_shapes = True
    kept: list[Block] = []
    for block in bold_runs(blocks):
        lead = kept[-1] if kept and isinstance(kept[-1], Paragraph) else None
        # (a sub-section's heading, where its section is read as one: "### Contacts")
        over = kept[-1].text if kept and isinstance(kept[-1], Heading) else None
        if isinstance(block, Table) and (answers := answered_rows(block)) is not None:
            answered_table(reading, block, answers, title)
        elif isinstance(block, Table) and location_column(block) is not None:
            reading.report.counts.tables_free_form -= 1
            location_table(reading, block)
        elif isinstance(block, Table) and is_item_table(block, lead.text if lead else None):
            reading.report.counts.tables_free_form -= 1
            if lead is not None and is_data_lead(lead.text) and kept and kept[-1] is lead:
                kept.pop()  # "... uses the following information:": the table's own lead
                _data(reading, [lead, block], title)
            else:
                _data(reading, [block], title)
        elif isinstance(block, BulletList) and _answers_each(block, _label(lead) or over or title):
            # "☐ Name: No", "☐ Photos: No" under "**Personal Info**": a data-safety form's
            # answers, read as data (each No then never collected, see keep_data).
            name = _label(lead)
            if name and kept and kept[-1] is lead:
                kept.pop()
            _data(reading, [block], name or title)
        elif isinstance(block, Code) and lead and _sends(lead) and sample_fields(block, lead.text):
            # "Below is an example of what is sent:" and its JSON, under any heading
            if kept and kept[-1] is lead:
                kept.pop()
            reading.report.counts.sections += 1
            _data(reading, [lead, block], title)
        elif isinstance(block, BulletList) and by_lead(reading, block, lead, title):
            if lead is not None and kept and kept[-1] is lead:
                kept.pop()
        else:
            kept.append(block)
    reading.reading_shapes = False
    return kept


#: Words that say a sample shows what is sent (stronger than a data section's lead needs, as the
#: heading over it says nothing): "an example of what is sent", "the payload".
_SENT = re.compile(
    r"\b(?:what|data|information|telemetry|reports?)\b[^.]{0,40}?\b(?:is|are|gets?|will be)\s+"
    r"(?:sent|collected|reported|transmitted|uploaded)\b"
    r"|\b(?:payload|telemetry (?:event|report|record)s?|usage reports?)\b"
    # "A typical crash report contains ...:", "Sentry collects basic information about ..."
    r"|\b(?:reports?|pings?|events?|requests?|objects?|propert(?:y|ies))\s+(?:also\s+)?"
    r"(?:contains?|includes?)\b"  # (and "This object contains generic device information.")
    r"|^(?!.*\b(?:not|never|no)\b)[^.]{0,60}\bcollects\s+(?:\w+\s+){0,2}(?:data|information)\b",
    re.IGNORECASE,
)


#: Words that say what is sent goes to the reader ("the payload we send to your webhook URL",
#: "the usage report we send to you"): what the product gives, not what it collects.
_TO_YOU = re.compile(r"\bto\s+(?:you|your)\b|\bwebhooks?\b", re.IGNORECASE)


def _sends(lead: Paragraph) -> bool:
    return any(
        _SENT.search(sentence) and not _TO_YOU.search(sentence)
        for sentence in sentences(plain(lead.text))
    )


def _says(paragraph: Paragraph) -> bool:
    """Whether a paragraph before a list only says something (no lead: no colon at its end, and
    nothing that says the list is something other than data)."""
    return not plain(paragraph.text).rstrip().endswith(":") and not leads_other(paragraph.text)


def _answers_each(block: BulletList, over: str | None) -> bool:
    """Whether every bullet answers yes or no for its data ("☐ Name: No"): two or more, or one
    that names the data of the heading or label over it and only answers (a form's
    "### Contacts", "- Contacts: No"; not "- Location: No, unless you turn it on")."""
    drafts = [item_from(ItemSource.from_list_item(item)) for item in block.items]
    replies = [reply for draft in drafts if (reply := answered(draft)) is not None]
    if not replies or len(replies) < len(drafts):
        return False
    if len(replies) >= 2:
        return True
    [(name, _, rest)] = replies
    heading = _words(over or "")
    bare = len(rest.split()) <= 2 and drafts[0].condition is None  # (no "unless ...")
    return bool(heading) and heading <= _words(name) and bare


def _label(lead: Paragraph | None) -> str | None:
    """The words of a bold label standing alone ("**Personal Info**"), as a heading's."""
    return plain(lead.text).strip(" *:") if lead and BOLD_LABEL.match(lead.text) else None


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", plain(text).lower())) - {"and", "or", "other"}


def _data(reading: Reading, blocks: list[Block], title: str | None) -> None:
    group = reading.scoped(GroupDraft(title, title, blocks[0].line)) if title else None
    data_blocks(reading, blocks, Requirement.NOT_STATED, group, Section(None, 0))


def by_lead(reading: Reading, block: BulletList, lead: Paragraph | None, title: str | None) -> bool:
    """Read a list by its lead's words (as if the lead were its heading); False: not read."""
    if scope_entry(reading, block, lead) or policy_list(reading, block, lead):
        return True
    kind = lead_kind(lead)
    if lead is not None and is_never_lead(lead.text):
        kind = Kind.NEVER  # "Microsoft does not send any of the following:"
    elif kind in STORAGE_KINDS and lead is not None and is_data_lead(lead.text):
        kind = Kind.UNKNOWN  # "We store the following data:": the data, not where it is kept
    if lead is not None and leads_parties(lead.text):
        kind = Kind.SHARING  # "The app uses third-party services that may collect ...:"
    # ("We do not collect personal data." over "- **Collected:** usage counts": their data)
    taken = all(says_taken(item.text) for item in block.items)
    if kind is Kind.NEVER and taken:
        kind = Kind.UNKNOWN
    if kind not in _LEAD_KINDS:
        if lead is not None and taken_by_another(lead.text, reading.draft.name):
            return False  # "Stripe collects:": Stripe's data, not the product's
        if lead is not None and taken:
            _data(reading, [lead, block], title)
        elif lead is not None and lists_data(block, lead) and not is_never_lead(lead.text):
            _data(reading, [lead, block], title)
        elif lead is None and is_bold_list(block) and titles_data(title):
            _data(reading, [block], title)
        elif lead is not None and is_bold_list(block) and titles_data(title) and _says(lead):
            _data(reading, [lead, block], title)  # a paragraph, then the bold list of data
        elif stops_collection(block):
            controls_list(reading, block, lead)
            reading.report.counts.sections += 1
        else:
            return False
        return True
    assert lead is not None  # (a lead of one of those kinds)
    draft = reading.draft
    if kind is Kind.NEVER:
        never_list(reading, lead, block)
    elif kind is Kind.ACCESS:
        draft.access_intro.append(one_line(lead.text))
        draft.protections.extend(item_markdown(item) for item in block.items)
    elif kind in STORAGE_KINDS:
        storage = draft.storage
        note = storage.retention_note if kind is Kind.RETENTION else storage.location_note
        note.append(one_line(lead.text))
        named = [plain(item.text).strip() for item in block.items]
        if kind is not Kind.RETENTION and all(places(n) for n in named):
            # "Data is stored in the following regions:" and the regions
            storage.locations.extend(n for n in named if not reading.has_location(n))
        else:
            for item in block.items:
                paragraph = Paragraph(item_markdown(item), item.line, item.line)
                storage_paragraph(reading, paragraph, Section(None, 0), kind)
    elif kind is Kind.DATA_USE:
        if not says_purposes(block, lead):
            return False  # "used daily and integrates with:" frameworks, tools: text
        purpose_list(reading, lead, block)
        return True
    elif kind is Kind.SHARING:
        sharing_list(reading, block, lead)
    elif kind is Kind.CONTROLS:
        controls_list(reading, block, lead)
    else:  # Kind.RIGHTS
        draft.rights_intro.append(blocks_markdown([lead, block]))
    reading.report.counts.sections += 1
    return True
