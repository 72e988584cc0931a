"""Extracting required, optional and never-collected data: groups of items from lists and tables."""

from __future__ import annotations

import re
from dataclasses import replace

from .claims import Requirement, denial, is_never_heading, marked, not_data
from .classify import (
    GDPR_KINDS,
    Kind,
    classify_heading,
    denies_in_bullets,
    is_group_condition,
    is_keeping_heading,
    is_never_lead,
    is_purpose_lead,
    is_purposes_heading,
    is_sources_heading,
    names_records,
    optional_kind,
)
from .draft import DataDraft, GroupDraft
from .item_text import (
    COLLECTED_HEAD,
    DetailDraft,
    ItemDraft,
    ItemSource,
    is_data_list,
    item_from,
    says_taken,
    split_name,
)
from .list_kinds import ListKind, list_kind, lists_events, points_within, process_lead
from .markdown_doc import Alert, Block, BulletList, Code, ListItem, Paragraph, Table
from .markdown_out import blocks_markdown, span, to_markdown
from .markup import links, one_line, plain, sentences
from .outline import Section
from .prose_facts import KEPT_ONLY, data_denied, denies_people, kept_only, taken_by_another
from .reading import Reading, item_markdown
from .samples import SampleField, sample_fields
from .shapes import (
    bold_runs,
    is_bold_list,
    is_data_lead,
    leads_no_data,
    leads_parties,
    scope_list,
    titles_data,
)
from .sharing_sections import sharing_list
from .statements import RetentionRule
from .storage_sections import location_table, retention_table
from .tables import (
    Answer,
    answered_rows,
    category_name,
    category_title,
    layout,
    location_column,
    read_items,
    read_uses,
)
from .use_sections import add_uses, purpose_list

_LEAD_END = re.compile(r":\s*$")
#: The "and" that ends the last bullet but one of a list written as a sentence.
_LIST_AND = re.compile(r",?(?<!\s)\s+(?:and|or)\s*+$", re.IGNORECASE)
_CONDITION_LABEL = re.compile(r"^\W*(?:note|important)\W*[:.]\s*", re.I)
_OPTIONAL_TITLES = {
    "diagnostic": "Diagnostic data",
    "feedback": "Feedback data",
    "telemetry": "Usage data",
    "other": "Other optional data",
}
#: Kinds of sub-section a data section reads as their own sections.
_OWN_SECTIONS = GDPR_KINDS | frozenset(
    {Kind.NEVER, Kind.RETENTION, Kind.STAFF, Kind.LOCATION, Kind.SHARING, Kind.CONTROLS}
)


#: Kinds whose headings may name a kind of data, or a purpose, too ("Access logs", "Contact
#: information", "Improve security for our users"): their own section under a data heading
#: only when a short heading names no data ("Security", "Contact us"), as when a page puts
#: its whole policy under "## Data collection and usage".
_OWN_UNLESS_DATA = frozenset({Kind.ACCESS, Kind.MORE_INFO, Kind.STORAGE})
#: "How we process data": how data is handled, never a kind of it.
_HOW_HEADING = re.compile(r"^\W*how\s", re.IGNORECASE)


def _own_section(title: str, kind: Kind) -> bool:
    """Whether a heading under a data section starts a section of its own kind, not a
    category of the data."""
    if kind in _OWN_SECTIONS or kind in {Kind.RIGHTS, Kind.COMPLIANCE, Kind.NEXT_STEPS}:
        return True
    if kind in _OWN_UNLESS_DATA:
        short = len(plain(title).split()) <= 3 and not titles_data(title)
        return short or _HOW_HEADING.match(plain(title)) is not None
    return kind is Kind.DATA_USE and _HOW_HEADING.match(plain(title)) is not None


def _part(reading: Reading, requirement: Requirement) -> tuple[DataDraft, str]:
    """The draft's required, optional or collected data, and its page section."""
    if requirement is Requirement.OPTIONAL:
        return reading.draft.optional, "optional-data"
    if requirement is Requirement.NOT_STATED:
        return reading.draft.collected, "collected-data"  # (moved where it goes: settle)
    return reading.draft.required, "required-data"


_REQUIREMENTS = {
    Kind.REQUIRED: Requirement.REQUIRED,
    Kind.OPTIONAL: Requirement.OPTIONAL,
    Kind.COLLECTED: Requirement.NOT_STATED,
}


def data_section(reading: Reading, section: Section, kind: Kind) -> None:
    """A section of required, optional or collected data: its sub-headings are categories."""
    optional = _REQUIREMENTS[kind]
    if names_records(section.title) and section.children:
        category_section(reading, section, optional)  # "## Events", "### command": one each
        return
    data_blocks(reading, section.blocks, optional, None, section)
    data_headings = _data_headings(section, kind)
    for child in section.children:
        child_kind = classify_heading(child.title)
        if child in data_headings:
            if child is data_headings[0]:
                data_blocks(reading, [_heading_list(data_headings)], optional, None, section)
        elif _apart(child, child_kind, kind):
            reading.read_section(child, child_kind, kind)
        elif is_purposes_heading(child.title):  # (not "Usage": a kind of data)
            reading.read_section(child, Kind.DATA_USE, kind)
        elif is_sources_heading(child.title):
            _sources(reading, child, optional)
        else:
            category_section(reading, child, optional)


def _apart(child: Section, child_kind: Kind, kind: Kind) -> bool:
    """Whether a sub-heading of a data section of ``kind`` starts a section of its own kind,
    or of another requirement."""
    return _own_section(child.title, child_kind) or (
        child_kind in {Kind.REQUIRED, Kind.OPTIONAL} and child_kind is not kind
    )


def _category(child: Section, kind: Kind) -> bool:
    """Whether a sub-heading of a data section heads a category of its data."""
    title = child.title
    apart = _apart(child, classify_heading(title), kind)
    return not (apart or is_purposes_heading(title) or is_sources_heading(title))


#: What the words under a heading of one datum start with: why it is sent ("To know which
#: translations to work on"), or what it is, with no verb ("The name of the command").
_DATUM_WHY = re.compile(
    r"^\W*(?:(?:in order )?to|so (?:that )?|used (?:to|for)|helps?|allows?|lets?|"
    r"(?:this|it) (?:helps|lets|allows|tells|shows|is used))\b",
    re.IGNORECASE,
)
_DATUM_WHAT = re.compile(
    r"^\W*(?:the|an?|which|whether|how (?:many|much|long|often)|number)\b", re.I
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|will|would|can|could|may|might|must|has|have|had|does|do|did)\b", re.I
)
#: Headings that are no datum: a question, or what a page says about its data.
_NO_DATUM = re.compile(
    r"^\W*(?:(?:can|is|are|do|does|will|what|who|where|when|how|why|which)\b|(?:the )?(?:basics|"
    r"frequency|scope|background|questions?|dashboard|anonymity|privacy|security|overview|"
    r"summary|examples?|notes?|details|faq|purposes?|consent|age|children|cookies policy)\W*$)",
    re.IGNORECASE,
)


def _datum_text(text: str) -> bool:
    first = (sentences(text) or [text])[0]
    return bool(_DATUM_WHY.match(first)) or (
        _DATUM_WHAT.match(first) is not None and not _FINITE.search(first)
    )


def _data_headings(section: Section, kind: Kind) -> list[Section]:
    """The sub-headings of a data section that each name one datum, with only words under
    them that say why it is sent or what it is ("### Screen resolution", "To help improve the
    UI"): two or more, and every sub-heading the section reads as a category is one."""
    categories = [child for child in section.children if _category(child, kind)]
    for child in categories:
        said = [b for b in child.blocks if isinstance(b, Paragraph)]
        words = plain(child.title)
        if (
            child.children
            or not said
            or len(said) < len(child.blocks)
            or len(words.split()) > 6
            or words.rstrip().endswith(("?", ":"))
            or _NO_DATUM.match(words)
            or not _datum_text(plain(said[0].text))
            or any(data_denied(plain(b.text)) is not None for b in said)
        ):
            return []
    return categories if len(categories) >= 2 else []


def _heading_list(headings: list[Section]) -> BulletList:
    """Headings of one datum each, as the list they stand for: "**Heading**: its words"."""
    items = []
    for child in headings:
        first, *rest = (one_line(b.text) for b in child.blocks if isinstance(b, Paragraph))
        title = child.heading.text.strip() if child.heading else ""  # (its links too)
        title = child.title if not title or "**" in title or "__" in title else title
        items.append(ListItem(f"**{title}**: {first}", child.line, paragraphs=tuple(rest)))
    return BulletList(tuple(items), headings[0].line, items[-1].line)


def _sources(reading: Reading, section: Section, optional: Requirement) -> None:
    """ "Categories of Sources of Personal Data" among the data: what it lists (you, cookies,
    partners) is where data comes from, kept as text after the data."""
    reading.free_section(section, _part(reading, optional)[1], "where the data comes from")


def category_section(reading: Reading, section: Section, optional: Requirement) -> None:
    """A sub-heading of a data section: one category of items."""
    target, after = _part(reading, optional)
    before = len(target.groups)
    group = reading.scoped(GroupDraft(section.title, section.title, section.line))
    if optional is Requirement.OPTIONAL:
        group.kind = optional_kind(section.title, plain(blocks_markdown(section.blocks)))
    data_blocks(reading, section.blocks, optional, group, section)
    for child in section.children:
        kind = classify_heading(child.title)
        if kind in {Kind.SHARING, Kind.CONTROLS, Kind.NEVER}:
            reading.read_section(child, kind, None)  # "### Disable telemetry" under the data
            continue
        if is_purposes_heading(child.title):
            reading.read_section(child, Kind.DATA_USE, None)
            continue
        if is_sources_heading(child.title):
            _sources(reading, child, optional)
            continue
        # Deeper headings: their own groups, titled "Parent: Child" so the parent shows.
        child_title = f"{section.title}: {child.title}" if group.items == [] else child.title
        inner = reading.scoped(GroupDraft(child.title, child_title, child.line))
        if optional is Requirement.OPTIONAL:
            inner.kind = optional_kind(child.title, section.title)
        data_blocks(reading, child.all_blocks(), optional, inner, child)
        _free_intro(reading, inner, child.all_blocks(), child, optional)
    empty = len(target.groups) == before and not group.items
    if empty and not section.blocks and not section.children:
        reading.free_heading_only(section, after)
    else:
        _free_intro(reading, group, section.blocks, section, optional)


def _free_intro(
    reading: Reading, group: GroupDraft, blocks: list[Block], section: Section, part: Requirement
) -> None:
    """The words a heading's group took as its intro, when no item came to the group (its
    only table was no data table, say): they stay, as text."""
    target, after = _part(reading, part)
    if group.intro and all(g is not group for g in target.groups):
        said = [b for b in blocks if to_markdown(b) in group.intro]
        why = "text under a data heading with no list"
        reading.free(said, after, section.title, why, section.line)


def _legend(block: BulletList, table: Table | None) -> bool:
    """Bullets that say what a table's columns hold ("- "Metric trigger" - when it is sent"):
    most name one of its headers."""
    if table is None:
        return False
    headers = {plain(header).strip(" \"'`*").lower() for header in table.header}
    named = [plain(split_name(item.text)[0]).strip(" \"'`*").lower() for item in block.items]
    return sum(name in headers for name in named) * 2 > len(named)


def _theirs(reading: Reading, pending: list[Block]) -> bool:
    """Whether the list's lead says another party collects it ("Stripe collects:")."""
    lead = pending[-1] if pending else None
    return isinstance(lead, Paragraph) and taken_by_another(lead.text, reading.draft.name)


def _states(block: BulletList, pending: list[Block]) -> bool:
    """Bullets that make statements, or the steps of a process: text, not data items."""
    if not is_bold_list(block) and not is_data_list(
        [item_from(ItemSource.from_list_item(item)) for item in block.items]
    ):
        return True
    lead = pending[-1] if pending else None
    if isinstance(lead, Paragraph) and (leads_no_data(lead.text) or lists_events(block, lead.text)):
        return True  # "... under the following conditions:", "Events" over when each happens
    return block.ordered and isinstance(lead, Paragraph) and process_lead(lead.text)


def data_blocks(
    reading: Reading,
    blocks: list[Block],
    optional: Requirement,
    heading_group: GroupDraft | None,
    section: Section,
) -> None:
    """Paragraphs, lists and tables of a data section (or of one of its categories)."""
    _, after = _part(reading, optional)
    title = heading_group.title if heading_group else None
    pending: list[Block] = []
    placed = False
    table: Table | None = None  # (the last table, whose columns a list may explain)
    # Code (or another block that is no list) under a sub-heading, and the words over it: the
    # words are the group's intro if a list follows, else text over the code.
    held: list[tuple[list[Block], Block]] = []
    # (the group and the fields of the sample read just before: see _same_kind)
    sampled: tuple[GroupDraft, set[str]] | None = None
    for block in bold_runs(blocks):
        follows, sampled = sampled, None
        if isinstance(block, Paragraph | Alert) or (
            isinstance(block, BulletList)
            and (_states(block, pending) or _legend(block, table) or _theirs(reading, pending))
        ):
            pending.append(block)
            continue
        table = block if isinstance(block, Table) else table
        words = pending[-1] if pending and isinstance(pending[-1], Paragraph) else None
        fields = []
        if isinstance(block, Code) and not placed:
            fields = sample_fields(block, words.text if words else title or "", in_data=True)
        elif isinstance(block, Code) and follows and not pending:
            fields = _same_kind(block, follows[1])
        if heading_group is not None and not (
            placed or fields or isinstance(block, BulletList | Table)
        ):
            held.append((pending, block))
            pending = []
            continue
        if fields:
            held = _flush(reading, held, optional, heading_group, section, to_group=True)
            # "Here is a sample row:" and a JSON object: its fields are the data; the sample
            # stays, as code, after them. (After a list, a sample shows the data listed.)
            pending = pending[:-1] if words else pending
            _place_pending(reading, pending, optional, heading_group, placed, section)
            pending, placed = [], True
            group = (
                follows[0]
                if follows
                else _group_for(reading, words, optional, heading_group, placed=False)
            )
            group.items += [
                ItemDraft(key, line, details=[DetailDraft(name, line=line) for name in inner])
                for key, line, inner in fields
            ]
            shown = {field.name.lower() for field in fields}
            sampled = (group, shown | follows[1] if follows else shown)
            reading.report.counts.items += len(fields)
            reading.free(
                [block], after, title, "the sample its fields were read from", section.line
            )
            continue
        if not isinstance(block, BulletList | Table):
            _place_pending(reading, pending, optional, heading_group, placed, section)
            pending = []
            reading.free([block], after, title, "not a data list", section.line)
            continue
        lead: Paragraph | None = None
        candidate = pending[-1] if pending else None
        if isinstance(candidate, Paragraph) and _is_lead(
            candidate, pending[:-1], heading_group, placed
        ):
            lead = candidate
            pending = pending[:-1]
        # (a never-collected, purpose, sharing or other list takes no words to the group)
        to_group = isinstance(block, Table) and location_column(block) is None
        to_group |= isinstance(block, BulletList) and not (
            (lead and (is_never_lead(lead.text) or is_purpose_lead(lead.text)))
            or (lead and (leads_parties(lead.text) or _not_data_list(block, lead)))
            or _kept_where(block)
            or _facets(block, lead)
            or points_within(block)
        )
        held = _flush(reading, held, optional, heading_group, section, to_group=to_group)
        _place_pending(reading, pending, optional, heading_group, placed, section)
        pending = []
        if isinstance(block, Table) and location_column(block) is not None:
            location_table(reading, block)  # what each component keeps where
            if lead is not None:  # (its rows go to storage; the words over them stay here)
                why = "the lead of a table of where data is kept"
                reading.free([lead], after, title, why, section.line)
        elif isinstance(block, Table):
            placed = _data_table(reading, block, lead, optional, heading_group, section) or placed
        elif scope_entry(reading, block, lead):
            pass  # the commands that send data: when it is collected
        elif (
            lead is not None
            and is_never_lead(lead.text)
            and not all(says_taken(item.text) for item in block.items)
        ):
            never_list(reading, lead, block)
        elif lead is not None and is_purpose_lead(lead.text):
            purpose_list(reading, lead, block)  # "This data enables X to:"
        elif lead is not None and leads_parties(lead.text):
            sharing_list(reading, block, lead)  # "The app uses third-party services ...:"
        elif _facets(block, lead):
            # "**What we collect:** Precise location", "**How we use it:** ...": what one
            # datum is and why, under its heading; no list of data
            facets: list[Block] = [lead, block] if lead else [block]
            reading.free(facets, after, title, "what one datum is and why, not data", section.line)
        elif _kept_where(block):
            # "**iOS:** Stored in `UserDefaults`": where something is kept, under its heading
            kept: list[Block] = [lead, block] if lead else [block]
            reading.free(kept, after, title, "where it is kept, not data", section.line)
        elif points_within(block):
            # "- [Exception properties](#exception-properties)": the data is read under the
            # headings the links lead to (with the words over the links, which name it there)
            linked: list[Block] = [lead, block] if lead else [block]
            reading.free(linked, after, title, "links to the page's own sections", section.line)
        elif lead is not None and _not_data_list(block, lead):
            # "See also:" and links, "Supported operating systems:" and a list: text, with its
            # lead (the report says what the list is)
            reading.free([lead, block], after, title, "not a data list", section.line)
        else:
            group = _group_for(reading, lead, optional, heading_group, placed)
            group.from_list = True
            for index, item in enumerate(block.items):
                if not item.text.strip() and not item.children and not item.paragraphs:
                    continue  # an empty bullet says nothing
                source = ItemSource.from_list_item(item)
                if index == len(block.items) - 2 and (joined := _LIST_AND.search(source.text)):
                    # "- Operating system and" / "- Web browser": a list written as a sentence
                    source = replace(source, text=source.text[: joined.start()])
                drafts = [item_from(source)]
                label = _REQUIREMENT_LABEL.fullmatch(plain(item.text).strip())
                taken = COLLECTED_HEAD.fullmatch(plain(item.text).strip())
                if (label or taken) and item.children and not item.paragraphs:
                    # "- **Required:**" or "- Data sent:" over bullets of data: each of them,
                    # with what the label says
                    drafts = [item_from(ItemSource.from_list_item(c)) for c in item.children]
                    for draft in drafts:
                        if label:
                            draft.optional = label["label"].lower() == "optional"
                        draft.said = draft.said or bool(taken)
                for draft in drafts:
                    draft.listable = True  # (split by the regrouper unless the catalog has it)
                group.items += drafts
                reading.report.counts.items += len(drafts)
            placed = True
    _flush(reading, held, optional, heading_group, section, to_group=False)
    _place_pending(reading, pending, optional, heading_group, placed, section, final=True)


def _same_kind(block: Code, shown: set[str]) -> list[SampleField]:
    """The fields of a code block right after a sample, with no words between: another event of
    the same kind (half its fields at least are the sample's: not a settings file or a log
    line), of which only what the sample did not show; else none."""
    fields = sample_fields(block, "", in_data=True)
    new = [field for field in fields if field.name.lower() not in shown]
    return new if fields and len(new) * 2 <= len(fields) else []


def _flush(
    reading: Reading,
    held: list[tuple[list[Block], Block]],
    optional: Requirement,
    group: GroupDraft | None,
    section: Section,
    *,
    to_group: bool,
) -> list[tuple[list[Block], Block]]:
    """Code (or an image...) held under a sub-heading, and the words over it: the words go to
    the group's intro when a list of its data follows (``to_group``), else stay over it, as
    text. Nothing is held after."""
    _, after = _part(reading, optional)
    title = group.title if group else None
    for words, block in held:
        _place_pending(reading, words, optional, group, False, section, final=not to_group)
        reading.free([block], after, title, "not a data list", section.line)
    return []


#: A labelled bullet that says where something is kept ("iOS: Stored in UserDefaults").
_KEPT_IN = re.compile(
    r"^[^:]{1,60}:\s*(?:stored|kept|saved|held|persisted|cached)\s+(?:in|on|to|at)\b", re.I
)


#: A bullet that only labels the bullets under it ("**Required:**", "Optional data:").
_REQUIREMENT_LABEL = re.compile(
    r"(?P<label>required|mandatory|optional)(?:\s+(?:data|fields|information))?\s*:", re.I
)
#: A lead that names what its list is, and it is not data ("Supported operating systems:").
_OTHER_LEAD = re.compile(
    r"(?:supported|compatible)\s[\w ./-]{1,40}:|(?:see also|related links|learn more)\W*",
    re.IGNORECASE,
)


def _not_data_list(block: BulletList, lead: Paragraph) -> bool:
    """A list after a lead that is not a data lead: links to read, or what the lead names."""
    if is_data_lead(lead.text):
        return False
    return bool(_OTHER_LEAD.fullmatch(plain(lead.text).strip())) or (
        list_kind(block, lead.text) is ListKind.LINKS
    )


#: The label of a bullet that says one thing of a datum, not its name: "What we collect",
#: "How we use it", "Storage", "Data".
_FACET = re.compile(
    r"^\W*(?:(?P<asked>what (?:we|is|data (?:we|is)) (?:collect|gather)\w*|how (?:we|it is) "
    r"(?:use|store|share)\w*(?: it| this(?: data)?)?)|why(?: we (?:collect|use) it)?|purpose|"
    r"background usage|usage|storage|retention|sharing|data|how long)\W*$",
    re.I,
)


def _facets(block: BulletList, lead: Paragraph | None) -> bool:
    """Bullets under no lead of data that each say one thing of a datum under a label ("**What
    we collect:** ...", "**How we use it:** ..."), one of them what or how: no list of data."""
    labels = [_LABEL.match(plain(item.text)) for item in block.items]
    facets = [_FACET.match(label[1]) for label in labels if label]
    return (
        len(block.items) >= 2
        and len(facets) == len(block.items)
        and all(facets)
        and any(facet["asked"] for facet in facets if facet)
        and not (lead is not None and is_data_lead(lead.text))
    )


_LABEL = re.compile(r"^([^:]{1,40}):\s")


def _kept_where(block: BulletList) -> bool:
    """Bullets that each say where something is kept ("**Web:** Stored in the browser's
    localStorage", "**iOS:** Stored in UserDefaults"): places, under labels that are no data."""
    return len(block.items) >= 2 and all(_KEPT_IN.match(plain(i.text)) for i in block.items)


def _is_lead(
    block: Paragraph, before: list[Block], heading_group: GroupDraft | None, placed: bool
) -> bool:
    """Whether a paragraph right before a list introduces that list (its group's intro)."""
    text = one_line(block.text)
    if _LEAD_END.search(text) or text.startswith(("**", "__")):
        return True
    if heading_group is not None and not placed:
        return True  # under a sub-heading, text before the first list belongs to the group
    return len(text.split()) <= 40 and (placed or bool(before))


def _place_pending(
    reading: Reading,
    pending: list[Block],
    optional: Requirement,
    heading_group: GroupDraft | None,
    placed: bool,
    section: Section,
    *,
    final: bool = False,
) -> None:
    """Text that is not a list's lead: the section's or group's intro, else free-form."""
    if not pending:
        return
    target, after = _part(reading, optional)
    title = heading_group.title if heading_group else None
    if heading_group is None and not placed and not target.groups:
        target.intro.extend(to_markdown(b) for b in pending)
    elif heading_group is not None and not placed and not final:
        heading_group.intro.extend(to_markdown(b) for b in pending)
    elif heading_group is not None and not placed:
        reading.free(pending, after, title, "text under a data heading with no list", section.line)
    else:
        reading.free(pending, after, title, "text after a data list", section.line)


def _group_for(
    reading: Reading,
    lead: Paragraph | None,
    optional: Requirement,
    heading_group: GroupDraft | None,
    placed: bool,
) -> GroupDraft:
    """The group a list goes to: the sub-heading's, or a new one named by its lead."""
    target, _ = _part(reading, optional)
    if heading_group is not None and (not placed or lead is None):
        if not heading_group.placed:  # (not `in target.groups`: a scan per list)
            heading_group.placed = True
            target.groups.append(heading_group)
        if lead is not None:
            _add_intro(heading_group, lead.text)
        return heading_group
    lead_text = one_line(lead.text) if lead else ""
    bold = re.match(r"^\*\*(.+?)\*\*", lead_text)
    if bold:  # a bold lead names its group, even under a heading
        title = category = plain(bold.group(1)).rstrip(":").strip()
    elif heading_group is not None:
        title, category = heading_group.title, heading_group.category
    elif optional is Requirement.OPTIONAL:
        title = category = _OPTIONAL_TITLES[optional_kind(lead_text)]
    else:
        title = category = "Data collected"
    group = reading.scoped(GroupDraft(category, title, lead.line if lead else 0))
    if optional is Requirement.OPTIONAL:
        group.kind = optional_kind(title, lead_text)
    if lead is not None:
        _add_intro(group, lead.text)
    target.groups.append(group)
    return group


def _add_intro(group: GroupDraft, text: str) -> None:
    """A lead paragraph: sentences that say when the group is collected become its condition."""
    kept: list[str] = []
    for sentence in sentences(one_line(text)):
        if is_group_condition(plain(sentence)) and not links(sentence):
            group.condition.append(plain(sentence))
        else:
            kept.append(sentence)
    if kept:
        group.intro.append(" ".join(kept))


_GROUPING_HEADER = re.compile(r"\bcategor|\bgroups?\b|\bkinds?\b|\bareas?\b", re.IGNORECASE)


def _data_table(
    reading: Reading,
    table: Table,
    lead: Paragraph | None,
    optional: Requirement,
    heading_group: GroupDraft | None,
    section: Section,
) -> bool:
    """A table of items (True), else a table of retention periods or free-form text."""
    target, after = _part(reading, optional)
    # "| Name | Collected? | No |", "| Not collected. |"; a table that groups its data by a
    # category column first is read by its layout (its Collected column, a workload)
    grouped = bool(table.header) and _GROUPING_HEADER.search(plain(table.header[0])) is not None
    if (answers := answered_rows(table, usage_only=grouped)) is not None:
        answered_table(reading, table, answers, heading_group.title if heading_group else None)
        return True
    lay = layout(table, Kind.OPTIONAL if optional is Requirement.OPTIONAL else Kind.REQUIRED)
    if lay.kind == "retention":
        retention_table(reading, table, lay)
        return False
    if lay.kind == "data-use":  # Purpose | Legal basis: what data is used for, not data
        reading.report.counts.tables += 1
        add_uses(reading, read_uses(table, lay))
        return False
    if lay.kind != "items":
        if lead is not None:
            placed = bool(target.groups)
            _place_pending(reading, [lead], optional, heading_group, placed, section)
        reading.report.counts.tables_free_form += 1
        title = heading_group.title if heading_group else None
        reading.free([table], after, title, "table layout not recognized", section.line)
        return False
    read = read_items(table, lay)
    names = [item.name for group in read.groups for item in group.items]
    if names and all(not_data(name) for name in names):
        # Permissions, companies, purposes: rows that name no data. The table stays as it is.
        why = f"its rows name no data ({not_data(names[0])})"
        reading.report.counts.tables_free_form += 1
        title = heading_group.title if heading_group else None
        reading.free([table], after, title, why, section.line)
        return False
    counts = reading.report.counts
    counts.tables += 1
    for header in read.workloads:
        reading.add_workload(header)
    for data, period, _line in read.retention:
        reading.draft.storage.retention.append(RetentionRule(data, period))
        counts.retention_rules += 1
    add_uses(reading, read.uses)
    for index, table_group in enumerate(read.groups):
        first = index == 0
        if table_group.category:
            title, rest = category_title(table_group.category)
            category = category_name(table_group.category)
            group = reading.scoped(GroupDraft(category, title, table_group.line))
            if rest:
                group.intro.append(rest)
            if first and lead is not None:
                if heading_group is None and not target.groups:
                    target.intro.append(to_markdown(lead))
                else:
                    group.intro.insert(0, one_line(lead.text))
            if optional is Requirement.OPTIONAL:
                group.kind = optional_kind(title, rest or "")
            target.groups.append(group)
        else:
            group = _group_for(reading, lead if first else None, optional, heading_group, False)
        group.from_table = True
        group.items.extend(table_group.items)
        counts.items += len(table_group.items)
        for note, _line in table_group.notes:
            text = _CONDITION_LABEL.sub("", note)
            if is_group_condition(plain(text)):
                group.condition.append(plain(text))
            elif group.items:
                group.items[-1].add_note(note)
            else:
                group.intro.append(note)
    return True


def scope_entry(reading: Reading, block: BulletList, lead: Paragraph | None) -> bool:
    """A list of the commands that send data (or not) after a lead that says which."""
    sends = scope_list(block, lead)
    if sends is None or lead is None:
        return False
    entries = [item_markdown(item) for item in block.items]
    reading.draft.scope_lists.append(
        {"intro": one_line(lead.text), "sends_data": sends, "entries": entries}
    )
    reading.report.counts.sections += 1
    return True


def never_list(reading: Reading, lead: Paragraph | None, block: BulletList) -> None:
    if lead is not None and denies_in_bullets(lead.text):
        _never_done(reading, lead, block)
        return
    if lead is not None:
        reading.draft.never_intro.append(one_line(lead.text))
    if lead is not None and kept_only(lead.text):  # "We do not store:": perhaps received
        for item in block.items:
            reading.report.review(item.line, "prose", f"{plain(item.text)!r}: {KEPT_ONLY}")
        reading.draft.never_intro.append("\n".join(f"- {item_markdown(i)}" for i in block.items))
        return
    kept: list[str] = []
    odd = _odd_ones(block)
    # ("We do not collect:" says each bullet is never collected)
    framed = lead is not None and denial(lead.text) is not None
    for index, item in enumerate(block.items):
        entries = [] if index in odd else never_entries(item, framed)
        if not entries:
            kept.append(_kept_as_text(reading, item, _ODD if index in odd else _NO_DATA))
        reading.draft.never_items.extend(entries)
        reading.report.counts.items += len(entries)
    if kept:
        reading.draft.never_intro.append("\n".join(kept))


_NO_DATA = "a sentence that names no data"
_ODD = "among bullets that deny data, it denies none"


def _kept_as_text(reading: Reading, item: ListItem, why: str) -> str:
    """A bullet of a never-collected list that says something and names no data: its words."""
    reading.report.review(
        item.line, "not data", f"{plain(item.text).strip()!r}: {why}; kept as text"
    )
    return f"- {item_markdown(item)}"


#: A bullet's bold label ("✅ **No telemetry** - Zero tracking"), and one that denies.
_LABEL_OF = re.compile(r"^\W*?\*\*(?P<label>[^*]+)\*\*")
_DENYING = re.compile(r"^\W*(?:no|not|never|zero|none|nothing)\b", re.I)
_NEGATION = re.compile(r"\b(?:no|not|never|none|nothing)\b|n't\b", re.I)


def _odd_ones(block: BulletList) -> set[int]:
    """The bullets of a list of labelled denials ("- **No telemetry** - ...") that deny
    nothing, by their label or their words ("- **Fully offline capable** - Works without a
    connection"): what the product is, not data never collected."""
    labels = [_LABEL_OF.match(item.text) for item in block.items]
    denying = [found is not None and _DENYING.match(found["label"]) is not None for found in labels]
    if not all(labels) or sum(denying) * 2 <= len(denying):
        return set()
    return {
        index
        for index, item in enumerate(block.items)
        if not denying[index]
        and not _NEGATION.search(item.text)
        and marked(item.text)[0] is not False
    }


_NO_LABEL = re.compile(r"^\W*no\s", re.IGNORECASE)
#: A denial with an exception: the label's words, not the data, are what is never taken.
_HEDGED = re.compile(r"\b(?:except|but|unless|other than|apart from)\b|;", re.IGNORECASE)
_VERB_IN_NAME = re.compile(
    r"\s(?:leaves?|goes|go|is|are|gets?|stays?|moves?|reaches?|exists?)\b", re.IGNORECASE
)


#: A bullet that is a clause of its own, its subject then its verb ("No analytics tools are
#: used", "We do not sell your data"): a sentence, not the name of data (unlike "Files you have
#: open", "Messages that are encrypted": a verb of a relative clause).
_CLAUSE = re.compile(
    r"^\W*(?:we|they|it|you|i|nothing|nobody|no one)\s+(?:do|does|did|will|would|can|could|may|"
    r"never|don't|doesn't|won't|are|is|have|has)\b"
    r"|^\W*no\s+(?:(?!(?:that|which|who|whom|whose|you|we|they|i)\b)[\w/-]+\s+){0,4}?"
    # ("No third-party services that collect data are integrated": a clause in the subject)
    r"(?:(?:that|which|who)\s+(?:[\w/-]+\s+){1,4}?)?(?:is|are|was|were|will|would|has|have|can)\b"
    # "Your IP address is never stored"
    r"|^\W*(?:(?!(?:that|which|who|whom|whose|you|we|they|i)\b)[\w/'-]+\s+){1,5}?"
    r"(?:(?:is|are|was|were|will\s+be|do|does|did)\s+(?:never|not)\b"
    r"|(?:isn't|aren't|won't|don't|doesn't|didn't)\b)",
    re.IGNORECASE,
)


#: Where a bullet's first words end: a parenthesis, a comma, a semicolon or a dash.
_HEAD_END = re.compile(r"\s?[(,;\u2014\u2013]|\s-\s")


def never_entries(item: ListItem, framed: bool) -> list[ItemDraft]:
    """A bullet of what is never collected: its entry, or (a label over a sentence that names
    the data: "**No PII**: No names or email addresses are stored.") the data the sentence names,
    the first with the whole bullet as its description. A bullet that is a sentence of its own
    gives the data it denies, or nothing ("No advertising mechanisms are present"): its words
    are no entry. ``framed``: the list's heading or lead says its data is never collected
    (then "Your IP address is never stored" is an entry: see :func:`.data_denied`)."""
    if says_taken(item.text):
        return []  # ("**Collected:** usage counts" after "We do not collect personal data.")
    draft = item_from(ItemSource.from_list_item(item))
    text = plain(item.text).strip()
    head = _HEAD_END.split(text, maxsplit=1)[0]  # ("No IP addresses (Workers don't log them)")
    said_so = _CLAUSE.match(head) or denies_people(head)
    if draft.description is None and not item.children and said_so:
        entries = [ItemDraft(name, item.line) for name in data_denied(text, framed=framed) or []]
        if entries:
            entries[0].add_description(item_markdown(item))
        return entries
    said = plain(draft.description or "")
    names = data_denied(said, framed=framed) if said else None
    if not names or not _NO_LABEL.match(plain(item.text)) or _HEDGED.search(said):
        return [draft]  # ("**Personal information** - No names or emails": the label names it)
    if any(_VERB_IN_NAME.search(name) for name in names):
        return [draft]  # ("No files or notes leave your device": the name runs into the verb)
    entries = [ItemDraft(name, item.line) for name in names]
    entries[0].add_description(item_markdown(item))
    return entries


def _never_done(reading: Reading, lead: Paragraph, block: BulletList) -> None:
    """ "We will never:" and bullets that finish it ("Collect personal information such as IP
    addresses"): the data each bullet denies is an entry; the rest ("Identify or track users")
    stays as the words of the intro, under the lead."""
    kept: list[str] = []
    for item in block.items:
        said = f"We never {plain(item.text).strip()}"
        names = data_denied(said) or []
        if not names:
            kept.append(f"- {item_markdown(item)}")
            for name in data_denied(said, framed=True) or [] if kept_only(said) else []:
                reading.report.review(item.line, "prose", f"{name!r}: {KEPT_ONLY}; kept as text")
            continue
        entries = [ItemDraft(name, item.line) for name in names]
        entries[0].add_description(item_markdown(item))  # (what the bullet says, in full)
        reading.draft.never_items.extend(entries)
        reading.report.counts.items += len(entries)
    reading.draft.never_intro.append(
        one_line(lead.text) + ("\n\n" + "\n".join(kept) if kept else "")
    )


def never_section(reading: Reading, section: Section) -> None:
    """The first list (or item table) is the data never collected, text before it its intro.
    Under a heading of what is not kept ("What is NOT stored") it is text: data not kept may
    well be received."""
    if is_keeping_heading(section.title):
        for block in section.all_blocks():
            for item in block.items if isinstance(block, BulletList) else ():
                if denial(item.text) is None:  # (a sentence's denial is read as prose)
                    reading.report.review(item.line, "prose", f"{plain(item.text)!r}: {KEPT_ONLY}")
        why = "what the page says is not kept, which is not that it is not collected"
        reading.free(section.all_blocks(), "never-collected", section.title, why, section.line)
        return
    pending: list[Block] = []
    found = False
    for block in section.all_blocks():
        items: list[ItemDraft] = []
        kept: list[str] = []  # (bullets that name no data: their words, over the list)
        if not found and isinstance(block, BulletList):
            odd = _odd_ones(block)
            for index, item in enumerate(block.items):
                if index in odd:
                    kept.append(_kept_as_text(reading, item, _ODD))
                elif item.text.strip() or item.children:
                    entries = never_entries(item, is_never_heading(section.title))
                    items += entries
                    kept += [] if entries else [_kept_as_text(reading, item, _NO_DATA)]
        elif not found and isinstance(block, Table):
            lay = layout(block, Kind.NEVER)
            if lay.kind == "items":
                items = [i for g in read_items(block, lay).groups for i in g.items]
                reading.report.counts.tables += bool(items)
        if not items:
            pending.append(block)
            continue
        found = True
        reading.draft.never_intro.extend(
            one_line(b.text) for b in pending if isinstance(b, Paragraph)
        )
        reading.draft.never_intro.extend(["\n".join(kept)] if kept else [])
        others = [b for b in pending if not isinstance(b, Paragraph)]
        if others:
            reading.free(others, "never-collected", None, "not part of the list", section.line)
        reading.draft.never_items.extend(items)
        reading.report.counts.items += len(items)
        pending = []
    if pending:
        title = None if found else section.title
        why = "text after the never-collected list"
        reading.free(pending, "never-collected", title, why, section.line)


def answered_table(
    reading: Reading, table: Table, answers: list[Answer], title: str | None
) -> None:
    """A table that answers, row by row, whether data is collected: each yes an item (its
    requirement settled like any group's), each no never collected; a row about something
    else stays as text, and the report says so."""
    group = reading.scoped(
        GroupDraft(title or "Data collected", title or "Data collected", table.line)
    )
    group.from_table = True
    kept: list[str] = []
    for row in answers:
        if row.data is None or row.collected is None:
            kept.append(f"- {row.text}")
            why = "a row that says nothing of collecting data: kept as text"
            reading.report.review(row.line, "answers", f"{row.text!r}: {why}")
            continue
        item = ItemDraft(row.data, row.line, condition=row.condition, optional=row.optional)
        if row.rest:
            item.add_description(row.rest)
        if row.collected:
            group.items.append(item)
        else:
            reading.draft.never_items.append(item)
        said = "collected" if row.collected else "not collected (answered no)"
        reading.report.review(row.line, "answers", f"{row.data!r}: {said}")
        reading.report.counts.items += 1
    reading.report.counts.tables += 1
    if group.items:
        reading.draft.collected.groups.append(group)
    if kept:
        where = ("collected-data", title)
        reading.draft.free(
            reading.report, span(table), where, "\n".join(kept), "rows not about collecting"
        )
