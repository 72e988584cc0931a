"""Reading a privacy statement page into a draft of a product record.

The page is cut into sections by its headings (:mod:`.outline`). Each section is classified by
its heading words (:mod:`.classify`) and read by the reader of that kind: data sections give
groups of items (:mod:`.data_sections`), storage sections give services, locations, retention
rules and staff locations (:mod:`.storage_sections`), and the readers here handle the overview,
data use, access, rights and further reading. Whatever a reader does not recognize becomes a
free-form section placed after the page section it came from, and is listed in the report
with its source line. Nothing is dropped.
"""

from __future__ import annotations

import re

from .classify import (
    DATA_KINDS,
    PAGE_SECTION,
    STORAGE_KINDS,
    Kind,
    applies_to_inline,
    classify_heading,
    is_applies_to,
    is_never_lead,
    optional_kind,
)
from .data_sections import DataSections
from .draft import GroupDraft
from .list_kinds import ListKind
from .markdown_doc import Alert, Block, BulletList, Document, ListItem, Paragraph, Quote, Table
from .markdown_out import blocks_markdown, span, to_markdown
from .markup import drop_links, links, one_line, only_link, plain, sentences
from .outline import Section, outline
from .report import NotData, SectionRead
from .section_reader import alert_markdown, is_comment, item_markdown
from .shapes import (
    bold_runs,
    data_shape,
    is_bold_list,
    is_item_table,
    lists_data,
    stops_collection,
)
from .sharing_sections import SharingSections
from .statements import places
from .storage_sections import StorageSections
from .tables import layout, read_uses

#: A heading about setting something ("Set registry subkeys on the server").
_SETTING_HEADING = re.compile(
    r"^\W*(?:set|setting|configur\w*|manag\w*|disabl\w*|turn\w*|chang\w*)\b"
    r"|\b(?:registry|polic(?:y|ies)|settings?|group policy)\b",
    re.IGNORECASE,
)
#: Headings of what a page says besides its privacy statement.
_NOT_PRIVACY = re.compile(
    r"\b(?:terms of (?:use|service)|acceptable use|code of conduct|child safety|"
    r"objectionable content|prohibited content)\b",
    re.IGNORECASE,
)


def _page_name(heading: str, front_title: str | None) -> str:
    """The product's name: the page heading, or the front-matter title when that says the same
    and more ("Privacy Policy" under the title "Privacy Policy: Acme Notes")."""
    if front_title and heading:
        words = set(re.findall(r"\w+", heading.lower()))
        more = set(re.findall(r"\w+", front_title.lower()))
        if words < more:
            return front_title
    return heading or (front_title or "")


#: Words of a section that continues the rights section before it under another heading.
_RIGHTS_WORDS = re.compile(
    r"\b(?:request\w*|delet\w+|export\w*|access|correct\w*|rectif\w*|erasure|portability|"
    r"data subjects?|dsrs?|opt[- ]out)\b",
    re.I,
)
#: Kinds of sub-section a data-use section reads as their own sections.
_OWN_SECTIONS = frozenset(
    {Kind.NEVER, Kind.RIGHTS, Kind.ACCESS, Kind.COMPLIANCE, Kind.SHARING, Kind.CONTROLS}
)
#: What a list's lead may say the list is, when it is not data (see StatementReader.rescue).
_LEAD_KINDS = STORAGE_KINDS | {
    Kind.NEVER,
    Kind.ACCESS,
    Kind.SHARING,
    Kind.CONTROLS,
    Kind.RIGHTS,
    Kind.DATA_USE,
}
#: A bullet that starts with a link ("[FAQ](faq.md) - Answers to common questions").
_LINK_FIRST = re.compile(r"^\**\[[^\]]+\]\([^)]+\)")
#: Overview headings that say nothing themselves ("Overview"); any other heading is kept.
_GENERIC_OVERVIEW = re.compile(r"^(?:overview|introduction|about|summary)$", re.I)


class StatementReader(DataSections, StorageSections, SharingSections):
    """Reads one page; ``draft`` and ``report`` hold the result."""

    _rescuing = False

    # -- the page ----------------------------------------------------------------------------

    def read(self, document: Document, fallback_name: str, front_title: str | None = None) -> None:
        title, root = outline(document)
        heading = plain(title.text) if title else ""
        self.draft.name = _page_name(heading, front_title) or fallback_name
        self.alerts_to_notes(root)
        self.preamble(root.blocks)
        previous: Kind | None = None
        for section in root.children:
            kind = classify_heading(section.title)
            self.report.sections.append(
                SectionRead(
                    section.line,
                    section.title,
                    kind.value,
                    "by what it holds" if kind is Kind.UNKNOWN else PAGE_SECTION[kind],
                )
            )
            self.section(section, kind, previous)
            if kind is not Kind.UNKNOWN:
                previous = kind
        self.place_marked()
        self.finish()

    def section(self, section: Section, kind: Kind, previous: Kind | None) -> None:
        if _NOT_PRIVACY.search(section.title):
            # Terms of use, child safety...: what they list (content a user may not post) is
            # not data, whatever its shape; kept as it is, as free text.
            self.report.counts.sections_free_form += 1
            rescuing, self._rescuing = self._rescuing, True
            self.outside_privacy = True
            try:
                self.free_section(
                    section, PAGE_SECTION[previous] if previous else "overview", "not about privacy"
                )
            finally:
                self._rescuing, self.outside_privacy = rescuing, False
            return
        self.report.counts.sections += kind is not Kind.UNKNOWN
        if kind in DATA_KINDS:
            self.data_section(section, kind)
        elif kind is Kind.NEVER:
            self.never_section(section)
        elif kind in STORAGE_KINDS:
            self.storage_section(section)
        elif kind is Kind.DATA_USE:
            self.data_use_section(section)
        elif kind is Kind.ENTITIES:
            self.entities_section(section)
        elif kind is Kind.SHARING:
            self.sharing_section(section)
        elif kind is Kind.CONTROLS:
            self.controls_section(section)
        elif kind is Kind.ACCESS:
            self.access_section(section)
        elif kind is Kind.COMPLIANCE:
            self.compliance_section(section)
        elif kind is Kind.RIGHTS:
            self.rights_section(section)
        elif kind is Kind.NEXT_STEPS:
            self.next_steps_section(section)
        elif kind is Kind.MORE_INFO:
            self.more_info_section(section)
        elif kind is Kind.OVERVIEW:
            self.overview_section(section)
        else:
            self.unknown_section(section, previous)

    def unknown_section(self, section: Section, previous: Kind | None) -> None:
        """A heading no rule recognizes: read it by what it holds (data items in a shape of
        :mod:`.shapes`), else in the context of the section before it."""
        if data_shape(section, weak=False):
            self.data_by_shape(section)
            return
        opening = next((b for b in section.blocks if isinstance(b, Paragraph)), None)
        said = sentences(plain(opening.text)) if opening is not None else []
        if (
            said
            and _SETTING_HEADING.search(section.title)
            and classify_heading(said[0]) is Kind.CONTROLS
        ):
            # "Enterprise customers can configure Group Policy settings to opt out of ...".
            self.section(section, Kind.CONTROLS, previous)
            return
        if previous is Kind.RIGHTS and _RIGHTS_WORDS.search(
            plain(blocks_markdown(section.all_blocks()))
        ):
            self.report.counts.sections += 1
            self.rights_request(section)
            return
        if previous in STORAGE_KINDS | {Kind.DATA_USE} and self.is_service_location(section):
            self.report.counts.sections += 1
            self.service_location(section)
            return
        after = PAGE_SECTION[previous] if previous else "overview"
        if any(classify_heading(child.title) is not Kind.UNKNOWN for child in section.children):
            # A wrapper heading ("## Details") over sections we know: read those on their own.
            if section.blocks:
                self.report.counts.sections_free_form += 1
                self.free(section.blocks, after, section.title, "section heading not recognized")
            elif section.heading is not None:
                self.free_heading_only(section, after)
            inner: Kind | None = previous
            for child in section.children:
                kind = classify_heading(child.title)
                self.section(child, kind, inner)
                if kind is not Kind.UNKNOWN:
                    inner = kind
            return
        if data_shape(section):
            self.data_by_shape(section)
            return
        self.report.counts.sections_free_form += 1
        self.free_section(section, after, "section heading not recognized")

    def data_by_shape(self, section: Section) -> None:
        """A section whose heading says nothing we know, but which lists data: one group of
        required data titled by its heading (its sub-headings are groups of their own)."""
        self.report.counts.sections += 1
        self.category_section(section, self.draft.required, False, "required-data")

    # -- shapes in text that would be free-form ------------------------------------------------

    def rescue(self, blocks: list[Block], after: str, title: str | None) -> list[Block]:
        """Data tables, and lists under a lead that says what they are ("Data protection on
        your device:", "Retention and deletion:", "We collect the following data:"), read into
        their fields wherever they are; the rest stays for the free-form section."""
        if self._rescuing or not any(isinstance(b, BulletList | Table) for b in blocks):
            return blocks
        self._rescuing = True
        try:
            kept: list[Block] = []
            for block in bold_runs(blocks):
                lead = kept[-1] if kept and isinstance(kept[-1], Paragraph) else None
                if isinstance(block, Table) and is_item_table(block):
                    self.report.counts.tables_free_form -= 1
                    self.rescued_data([block], title)
                elif isinstance(block, BulletList) and self.rescued_list(block, lead, title):
                    if lead is not None and kept and kept[-1] is lead:
                        kept.pop()
                else:
                    kept.append(block)
            return kept
        finally:
            self._rescuing = False

    def rescued_data(self, blocks: list[Block], title: str | None) -> None:
        group = GroupDraft(title, title, blocks[0].line) if title else None
        self.data_blocks(
            blocks, self.draft.required, False, "required-data", group, Section(None, 0)
        )

    def rescued_list(self, block: BulletList, lead: Paragraph | None, title: str | None) -> bool:
        """Read a list by its lead's words (as if the lead were its heading); False: not read."""
        if self.scope_entry(block, lead) or self.policy_list(block, lead):
            return True
        kind = self.lead_kind(lead)
        if lead is not None and is_never_lead(lead.text):
            kind = Kind.NEVER  # "Microsoft does not send any of the following:"
        if kind not in _LEAD_KINDS:
            if lead is not None and lists_data(block, lead) and not is_never_lead(lead.text):
                self.rescued_data([lead, block], title)
                return True
            if lead is None and is_bold_list(block):
                self.rescued_data([block], title)
                return True
            if stops_collection(block):
                self.controls_list(block, lead)
                self.report.counts.sections += 1
                return True
            return False
        assert lead is not None  # (a lead of one of those kinds)
        if kind is Kind.NEVER:
            self.never_list(lead, block)
        elif kind is Kind.ACCESS and lead is not None:
            self.draft.access_intro.append(one_line(lead.text))
            self.draft.protections.extend(item_markdown(item) for item in block.items)
        elif kind in STORAGE_KINDS:
            place = Section(None, 0)
            storage = self.draft.storage
            note = storage.retention_note if kind is Kind.RETENTION else storage.location_note
            note.append(one_line(lead.text))
            named = [plain(item.text).strip() for item in block.items]
            if kind is not Kind.RETENTION and all(places(n) for n in named):
                storage.locations.extend(n for n in named if not self.has_location(n))
                self.report.counts.sections += 1
                return True  # "Data is stored in the following regions:" and the regions
            for item in block.items:
                self.storage_paragraph(
                    Paragraph(item_markdown(item), item.line, item.line), place, kind
                )
        elif kind is Kind.DATA_USE:
            self.purpose_list(lead, block)
            return True
        elif kind is Kind.SHARING:
            self.sharing_list(block, lead)
        elif kind is Kind.CONTROLS:
            self.controls_list(block, lead)
        elif kind is Kind.RIGHTS and lead is not None:
            self.draft.rights_intro.append(blocks_markdown([lead, block]))
        else:
            return False
        self.report.counts.sections += 1
        return True

    @staticmethod
    def lead_kind(block: Block | None) -> Kind:
        """What a paragraph that ends with ':' says the list after it is, as if it were its
        heading ("Retention and deletion:"); UNKNOWN for any other block."""
        if not isinstance(block, Paragraph):
            return Kind.UNKNOWN
        text = plain(block.text).strip()
        last = sentences(text)[-1] if sentences(text) else text
        if not text.endswith(":") or len(last.split()) > 25:  # the sentence before the list
            return Kind.UNKNOWN
        return classify_heading(last)

    def place_marked(self) -> None:
        """Items whose own words say they are optional (or required) go to that section, in a
        group of the same title; the report lists each."""
        moves = (
            (self.draft.required, self.draft.optional, True, "optional"),
            (self.draft.optional, self.draft.required, False, "required"),
        )
        for source, target, optional, word in moves:
            for group in list(source.groups):
                moving = [item for item in group.items if item.optional is optional]
                if not moving:
                    continue
                if len(moving) == len(group.items):
                    source.groups.remove(group)
                    moved = group
                else:
                    group.items = [i for i in group.items if i.optional is not optional]
                    moved = GroupDraft(group.category, group.title, moving[0].line, items=moving)
                    moved.condition = list(group.condition)
                    moved.from_table, moved.from_list = group.from_table, group.from_list
                    moved.placed = True
                if optional:
                    moved.kind = moved.kind or optional_kind(moved.title, " ".join(moved.intro))
                else:
                    moved.kind = None
                target.groups.append(moved)
                for item in moving:
                    self.report.review(
                        item.line,
                        "requirement",
                        f"{item.name!r}: the page marks it {word}; listed under {word} data",
                    )

    # -- overview ----------------------------------------------------------------------------

    def preamble(self, blocks: list[Block]) -> None:
        index = 0
        while index < len(blocks):
            block = blocks[index]
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if (
                isinstance(block, Paragraph)
                and is_applies_to(block.text)
                and isinstance(following, BulletList)
            ):
                self.applies_to(following)
                index += 2
                continue
            if isinstance(block, Paragraph):
                inline = applies_to_inline(block.text)
                found = links(inline) if inline else []
                if inline and found and not plain(drop_links(inline)).strip(" ,;.and"):
                    for title, url in found:
                        self.draft.applies_to.append({"title": plain(title), "url": url})
                        self.report.counts.links += 1
                    index += 1
                    continue
            if (
                isinstance(block, Paragraph)
                and isinstance(following, BulletList)
                and self.policy_list(following, block)
            ):
                index += 2  # "... the settings of the following group policies:"
                continue
            if (
                isinstance(block, Paragraph)
                and isinstance(following, BulletList)
                and lists_data(following, block)
            ):
                # "The following data is collected:" before any heading.
                self.report.counts.sections += 1
                self.data_blocks(
                    [block, following],
                    self.draft.required,
                    False,
                    "required-data",
                    None,
                    Section(None, 0),
                )
                index += 2
                continue
            if (
                isinstance(block, Paragraph)
                and isinstance(following, BulletList)
                and self.lead_kind(block) is not Kind.UNKNOWN
                and self.rescued_list(following, block, None)
            ):
                index += 2  # "You can control settings related to the following:" and them
                continue
            if isinstance(block, Alert):
                self.note(block)
            elif isinstance(block, Paragraph | BulletList):
                self.draft.intro.append(to_markdown(block))
            elif isinstance(block, Table) and is_item_table(block):
                self.report.counts.sections += 1
                self.data_blocks(
                    [block], self.draft.required, False, "required-data", None, Section(None, 0)
                )
            else:
                self.free([block], "overview", None, "not part of the introduction")
            index += 1

    def applies_to(self, block: BulletList) -> None:
        for item in block.items:
            link = only_link(item.text)
            if link and not item.children:
                self.draft.applies_to.append({"title": link[0], "url": link[1]})
                self.report.counts.links += 1
            else:
                self.free(
                    [BulletList((item,), item.line, item.line)],
                    "overview",
                    "Applies to",
                    "an 'Applies to' entry that is not a link",
                )

    def alerts_to_notes(self, section: Section) -> None:
        """Every DocFX alert becomes a note of its type (``> [!TIP]`` a tip, ``> [!CAUTION]``
        a caution), in page order. Notes show at the top of the page: an alert under a heading
        other than the overview's is listed in the report, for a writer to check it reads
        well there."""
        kept: list[Block] = []
        for block in section.blocks:
            if not isinstance(block, Alert):
                kept.append(block)
                continue
            self.note(block)
            if section.heading is not None and classify_heading(section.title) is not Kind.OVERVIEW:
                self.report.review(
                    block.line,
                    "note",
                    f"the {block.kind.upper()} alert under {section.title!r} is now a note "
                    f"(type {block.kind}) at the top of the page",
                )
        section.blocks = kept
        for child in section.children:
            self.alerts_to_notes(child)

    def note(self, block: Alert) -> None:
        text = alert_markdown(block)
        if not text.strip():  # "> [!NOTE]" alone: its text, if any, is the next block's
            self.report.review(
                block.line, "note", f"[!{block.kind.upper()}] with no text of its own"
            )
            return
        self.draft.notes.append({"type": block.kind, "text": text})
        self.report.counts.notes += 1

    def overview_section(self, section: Section) -> None:
        if not _GENERIC_OVERVIEW.match(section.title) and section.title:
            self.draft.intro.append(f"**{section.title}**")  # "Last updated: 1 March 2024"
        blocks = section.blocks
        index = 0
        while index < len(blocks):
            block = blocks[index]
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            index += 1
            if (
                isinstance(block, Paragraph)
                and isinstance(following, BulletList)
                and self.policy_list(following, block)
            ):
                index += 1  # "... the settings of the following group policies:" and the list
                continue
            if (
                isinstance(block, Paragraph)
                and isinstance(following, BulletList)
                and self.rescued_list(following, block, None)
            ):
                index += 1  # "Microsoft does not send the following:" and what it does not send
                continue
            if isinstance(block, Alert):
                self.note(block)
            elif isinstance(block, Paragraph | BulletList):
                self.draft.intro.append(to_markdown(block))
            else:
                self.free([block], "overview", section.title, "not part of the introduction")
        for child in section.children:
            self.free_section(child, "overview", "sub-section of the overview")

    # -- data use --------------------------------------------------------------------------------

    def data_use_section(self, section: Section) -> None:
        pending: list[Block] = []
        for block in section.blocks:
            before = pending[-1] if pending else None
            if (
                isinstance(block, BulletList)
                and not lists_data(block, before)
                and self.lead_kind(before) in {Kind.UNKNOWN, Kind.DATA_USE}
            ):
                # A list of what data is used for; a lead ending with ':' introduces it.
                lead = before if isinstance(before, Paragraph) else None
                if lead is not None and plain(lead.text).strip().endswith(":"):
                    pending.pop()
                else:
                    lead = None
                self.free(
                    pending, "data-use", section.title, "not a use of data", owner=section.line
                )
                pending = []
                self.purpose_list(lead, block)
                continue
            if isinstance(block, Table):
                lay = layout(block, Kind.DATA_USE)
                if lay.kind == "data-use":
                    self.report.counts.tables += 1
                    self.draft.data_use_intro.extend(to_markdown(b) for b in pending)
                    pending = []
                    for source, use, _line in read_uses(block, lay):
                        self.draft.uses.append({"source": source, "use": use})
                    continue
                self.report.counts.tables_free_form += 1
            pending.append(block)
        if pending:
            self.free(
                pending, "data-use", section.title, "not a data-use table", owner=section.line
            )
        for child in section.children:
            kind = classify_heading(child.title)
            if kind is Kind.ENTITIES:
                self.report.counts.sections += 1
                self.entities_section(child)
            elif self.is_service_location(child):
                self.report.counts.sections += 1
                self.service_location(child)
            elif kind in STORAGE_KINDS | _OWN_SECTIONS | DATA_KINDS:
                self.section(child, kind, Kind.DATA_USE)
            else:
                self.report.counts.sections_free_form += 1
                self.free_section(child, "data-use", "sub-section not recognized")

    def entities_section(self, section: Section) -> None:
        pending: list[Block] = []
        found = False
        for block in section.all_blocks():
            if isinstance(block, BulletList) and not found:
                self.draft.entities_intro.extend(
                    to_markdown(b) for b in pending if isinstance(b, Paragraph)
                )
                others = [b for b in pending if not isinstance(b, Paragraph)]
                if others:
                    self.free(
                        others,
                        "data-use",
                        section.title,
                        "not part of the entity list",
                        owner=section.line,
                    )
                self.draft.entities.extend(plain(item.text) for item in block.items)
                for item in block.items:
                    self._free_children(item, "data-use", section)
                found = True
                pending = []
            else:
                pending.append(block)
        if pending:
            self.free(
                pending, "data-use", section.title, "text after the entity list", owner=section.line
            )

    def _free_children(self, item: ListItem, after: str, section: Section) -> None:
        if item.children or item.paragraphs:
            extra = BulletList(item.children, item.line, item.line) if item.children else None
            blocks: list[Block] = [Paragraph(p, item.line, item.line) for p in item.paragraphs]
            if extra is not None:
                blocks.append(extra)
            self.free(
                blocks, after, section.title, "nested text in a plain list", owner=section.line
            )

    # -- access, compliance ----------------------------------------------------------------------

    def access_section(self, section: Section) -> None:
        found = False
        for block in section.blocks:
            if isinstance(block, BulletList) and not found:
                self.draft.protections.extend(item_markdown(item) for item in block.items)
                found = True
            elif isinstance(block, Paragraph) and not found:
                self.draft.access_intro.append(to_markdown(block))
            else:
                self.free(
                    [block],
                    "data-access-and-security",
                    None,
                    "text after the list of protections",
                    owner=section.line,
                )
        for child in section.children:
            kind = classify_heading(child.title)
            if kind is Kind.COMPLIANCE:
                self.report.counts.sections += 1
                self.compliance_section(child)
            elif kind in {Kind.SHARING, Kind.CONTROLS} | DATA_KINDS | STORAGE_KINDS:
                self.section(child, kind, Kind.ACCESS)
            else:
                self.report.counts.sections_free_form += 1
                self.free_section(child, "data-access-and-security", "sub-section not recognized")

    def compliance_section(self, section: Section) -> None:
        for block in section.all_blocks():
            if isinstance(block, BulletList):
                self.draft.compliance.extend(item_markdown(item) for item in block.items)
            elif isinstance(block, Paragraph):
                self.draft.compliance.append(to_markdown(block))
            else:
                self.free(
                    [block],
                    "data-access-and-security",
                    section.title,
                    "not a compliance statement",
                    owner=section.line,
                )

    # -- rights --------------------------------------------------------------------------------

    def rights_section(self, section: Section) -> None:
        for block in section.blocks:
            if isinstance(block, BulletList) and self.link_list(block):
                continue
            if isinstance(block, BulletList):
                self.draft.rights.extend(item_markdown(item) for item in block.items)
            elif isinstance(block, Paragraph | Alert | Quote):
                self.draft.rights_intro.append(to_markdown(block))
            else:
                self.free(
                    [block], "your-rights", None, "not part of the rights text", owner=section.line
                )
        for child in section.children:
            kind = classify_heading(child.title)
            if kind in DATA_KINDS | {Kind.NEVER, Kind.SHARING, Kind.CONTROLS} | STORAGE_KINDS:
                self.section(child, kind, Kind.RIGHTS)
            elif kind is Kind.RIGHTS:  # "Your rights" under "Your rights and choices"
                self.report.counts.sections += 1
                self.rights_section(child)
            else:
                self.report.counts.sections += 1
                self.rights_request(child)

    def link_list(self, block: BulletList) -> bool:
        """A list of links only: the rights guidance of the services a product depends on."""
        found = [only_link(item.text) for item in block.items]
        if not found or any(
            f is None or item.children for f, item in zip(found, block.items, strict=True)
        ):
            return False
        for entry in found:
            assert entry is not None
            self.draft.rights_services.append({"title": entry[0], "url": entry[1]})
            self.report.counts.links += 1
        return True

    def rights_request(self, section: Section) -> None:
        """A sub-heading about rights: a request (title and body); deeper headings are their own."""
        kept: list[Block] = []
        for block in section.blocks:
            if isinstance(block, BulletList) and self.link_list(block):
                continue
            kept.append(block)
        body = blocks_markdown([b for b in kept if not is_comment(b)])
        if body:
            self.draft.requests.append({"title": section.title, "body": body})
        elif not section.children:
            self.free_heading_only(section, "your-rights")
        for child in section.children:
            self.report.counts.sections += 1
            self.rights_request(child)

    # -- more information ------------------------------------------------------------------------

    def next_steps_section(self, section: Section) -> None:
        blocks = [b for b in section.all_blocks() if not is_comment(b)]
        text = blocks_markdown(blocks)
        if text:
            self.draft.next_steps.append(text)
        else:
            self.free_heading_only(section, "more-information")

    def more_info_section(self, section: Section) -> None:
        for block in section.all_blocks():
            if isinstance(block, BulletList) and all(
                only_link(i.text) and not i.children for i in block.items
            ):
                for item in block.items:
                    link = only_link(item.text)
                    assert link is not None
                    self.draft.links.append({"title": link[0], "url": link[1]})
                    self.report.counts.links += 1
                self.report.not_data.append(NotData(*span(block), ListKind.LINKS))
            elif isinstance(block, Paragraph) and only_link(block.text):
                link = only_link(block.text)
                assert link is not None
                self.draft.links.append({"title": link[0], "url": link[1]})
                self.report.counts.links += 1
            elif isinstance(block, BulletList) and all(
                _LINK_FIRST.match(i.text.strip()) or links(i.text) for i in block.items
            ):
                # Links each with a sentence of what it holds: what to read next.
                self.draft.next_steps.append(to_markdown(block))
                self.report.counts.links += len(block.items)
            else:
                self.free(
                    [block],
                    "more-information",
                    section.title,
                    "not a link list",
                    owner=section.line,
                )


__all__ = ["StatementReader"]
