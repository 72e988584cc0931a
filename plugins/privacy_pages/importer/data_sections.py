"""Reading required, optional and never-collected data: groups of items from lists and tables."""

from __future__ import annotations

import re

from .classify import (
    Kind,
    classify_heading,
    is_group_condition,
    is_never_lead,
    is_purpose_lead,
    optional_kind,
)
from .draft import DataDraft, GroupDraft
from .item_text import ItemDraft, ItemSource, is_data_list, item_from
from .list_kinds import process_lead
from .markdown_doc import Alert, Block, BulletList, Paragraph, Table
from .markdown_out import blocks_markdown, to_markdown
from .markup import links, one_line, plain, sentences
from .outline import Section
from .section_reader import SectionReader
from .shapes import bold_runs, is_bold_list
from .statements import RetentionRule
from .tables import category_name, category_title, layout, read_items

_LEAD_END = re.compile(r":\s*$")
_CONDITION_LABEL = re.compile(r"^\W*(?:note|important)\W*[:.]\s*", re.I)
_OPTIONAL_TITLES = {
    "diagnostic": "Diagnostic data",
    "feedback": "Feedback data",
    "telemetry": "Usage data",
    "other": "Other optional data",
}


class DataSections(SectionReader):
    """Required and optional data (groups of items) and data never collected."""

    def data_section(self, section: Section, kind: Kind) -> None:
        optional = kind is Kind.OPTIONAL
        target = self.draft.optional if optional else self.draft.required
        after = "optional-data" if optional else "required-data"
        self.data_blocks(section.blocks, target, optional, after, None, section)
        for child in section.children:
            child_kind = classify_heading(child.title)
            if child_kind in {
                Kind.NEVER,
                Kind.RETENTION,
                Kind.STAFF,
                Kind.LOCATION,
                Kind.SHARING,
                Kind.CONTROLS,
            } or (child_kind in {Kind.REQUIRED, Kind.OPTIONAL} and child_kind is not kind):
                self.section(child, child_kind, kind)
            else:
                self.category_section(child, target, optional, after)

    def category_section(
        self, section: Section, target: DataDraft, optional: bool, after: str
    ) -> None:
        """A sub-heading of a data section: one category of items."""
        before = len(target.groups)
        group = GroupDraft(category=section.title, title=section.title, line=section.line)
        if optional:
            group.kind = optional_kind(section.title, plain(blocks_markdown(section.blocks)))
        self.data_blocks(section.blocks, target, optional, after, group, section)
        for child in section.children:
            kind = classify_heading(child.title)
            if kind in {Kind.SHARING, Kind.CONTROLS, Kind.NEVER}:
                self.section(child, kind, None)  # "### Disable telemetry" under the data
                continue
            # Deeper headings: their own groups, titled "Parent: Child" so the parent shows.
            child_title = f"{section.title}: {child.title}" if group.items == [] else child.title
            inner = GroupDraft(category=child.title, title=child_title, line=child.line)
            if optional:
                inner.kind = optional_kind(child.title, section.title)
            self.data_blocks(child.all_blocks(), target, optional, after, inner, child)
        if len(target.groups) == before and not group.items:
            if section.blocks or section.children:
                return
            self.free_heading_only(section, after)

    def data_blocks(
        self,
        blocks: list[Block],
        target: DataDraft,
        optional: bool,
        after: str,
        heading_group: GroupDraft | None,
        section: Section,
    ) -> None:
        """Paragraphs, lists and tables of a data section (or of one of its categories)."""
        pending: list[Block] = []
        placed_group = False
        for block in bold_runs(blocks):
            if isinstance(block, BulletList) and (
                (
                    not is_bold_list(block)
                    and not is_data_list(
                        [item_from(ItemSource.from_list_item(item)) for item in block.items]
                    )
                )
                or (  # the numbered steps of a process ("The process is as follows:")
                    block.ordered
                    and pending
                    and isinstance(pending[-1], Paragraph)
                    and process_lead(pending[-1].text)
                )
            ):
                pending.append(block)  # bullets that make statements: text, not data items
                continue
            if isinstance(block, Paragraph | Alert):
                pending.append(block)
                continue
            if isinstance(block, BulletList | Table):
                lead: Paragraph | None = None
                candidate = pending[-1] if pending else None
                if isinstance(candidate, Paragraph) and self.is_lead(
                    candidate, pending[:-1], heading_group, placed_group
                ):
                    lead = candidate
                    pending = pending[:-1]
                self.place_pending(pending, target, heading_group, placed_group, after, section)
                pending = []
                if isinstance(block, BulletList) and self.scope_entry(block, lead):
                    continue  # the commands that send data: when it is collected
                if isinstance(block, BulletList) and lead is not None and is_never_lead(lead.text):
                    self.never_list(lead, block)
                    continue
                if (
                    isinstance(block, BulletList)
                    and lead is not None
                    and is_purpose_lead(lead.text)
                ):
                    self.purpose_list(lead, block)  # "This data enables X to:"
                    continue
                if isinstance(block, Table):
                    done = self.data_table(
                        block, lead, target, optional, after, heading_group, section
                    )
                    placed_group = placed_group or done
                    continue
                group = self.group_for(lead, target, optional, heading_group, placed_group)
                group.from_list = True
                for item in block.items:
                    if not item.text.strip() and not item.children and not item.paragraphs:
                        continue  # an empty bullet says nothing
                    draft = item_from(ItemSource.from_list_item(item))
                    draft.listable = True  # (split by the regrouper unless the catalog has it)
                    group.items.append(draft)
                    self.report.counts.items += 1
                placed_group = True
                continue
            if pending:
                self.place_pending(pending, target, heading_group, placed_group, after, section)
                pending = []
            self.free(
                [block],
                after,
                heading_group.title if heading_group else None,
                "not a data list",
                owner=section.line,
            )
        self.place_pending(pending, target, heading_group, placed_group, after, section, final=True)

    @staticmethod
    def is_lead(
        block: Paragraph, before: list[Block], heading_group: GroupDraft | None, placed: bool
    ) -> bool:
        """Whether a paragraph right before a list introduces that list (its group's intro)."""
        text = one_line(block.text)
        if _LEAD_END.search(text) or text.startswith(("**", "__")):
            return True
        if heading_group is not None and not placed:
            return True  # under a sub-heading, text before the first list belongs to the group
        return len(text.split()) <= 40 and (placed or bool(before))

    def place_pending(
        self,
        pending: list[Block],
        target: DataDraft,
        heading_group: GroupDraft | None,
        placed: bool,
        after: str,
        section: Section,
        *,
        final: bool = False,
    ) -> None:
        """Text that is not a list's lead: the section's or group's intro, else free-form."""
        if not pending:
            return
        title = heading_group.title if heading_group else None
        if heading_group is None and not placed and not target.groups:
            target.intro.extend(to_markdown(b) for b in pending)
        elif heading_group is not None and not placed and not final:
            heading_group.intro.extend(to_markdown(b) for b in pending)
        elif heading_group is not None and not placed:
            self.free(
                pending, after, title, "text under a data heading with no list", owner=section.line
            )
        else:
            self.free(pending, after, title, "text after a data list", owner=section.line)

    def group_for(
        self,
        lead: Paragraph | None,
        target: DataDraft,
        optional: bool,
        heading_group: GroupDraft | None,
        placed: bool,
    ) -> GroupDraft:
        """The group a list goes to: the sub-heading's, or a new one named by its lead."""
        if heading_group is not None and (not placed or lead is None):
            if not heading_group.placed:  # (not `in target.groups`: a scan per list)
                heading_group.placed = True
                target.groups.append(heading_group)
            if lead is not None:
                self.add_intro(heading_group, lead.text)
            return heading_group
        lead_text = one_line(lead.text) if lead else ""
        bold = re.match(r"^\*\*(.+?)\*\*", lead_text)
        if bold:  # a bold lead names its group, even under a heading
            title = plain(bold.group(1)).rstrip(":").strip()
            category = title
        elif heading_group is not None:
            title = heading_group.title
            category = heading_group.category
        elif optional:
            title = _OPTIONAL_TITLES[optional_kind(lead_text)]
            category = title
        else:
            title = "Data collected"
            category = title
        group = GroupDraft(category=category, title=title, line=lead.line if lead else 0)
        if optional:
            group.kind = optional_kind(title, lead_text)
        if lead is not None:
            self.add_intro(group, lead.text)
        target.groups.append(group)
        return group

    def add_intro(self, group: GroupDraft, text: str) -> None:
        """A lead paragraph: sentences that say when the group is collected become its condition."""
        markdown = one_line(text)
        kept: list[str] = []
        for sentence in sentences(markdown):
            if is_group_condition(plain(sentence)) and not links(sentence):
                group.condition.append(plain(sentence))
            else:
                kept.append(sentence)
        if kept:
            group.intro.append(" ".join(kept))

    def data_table(
        self,
        table: Table,
        lead: Paragraph | None,
        target: DataDraft,
        optional: bool,
        after: str,
        heading_group: GroupDraft | None,
        section: Section,
    ) -> bool:
        context = Kind.OPTIONAL if optional else Kind.REQUIRED
        lay = layout(table, context)
        if lay.kind != "items":
            if lay.kind == "retention":
                self.retention_table(table, lay)
                return False
            if lead is not None:
                self.place_pending(
                    [lead], target, heading_group, bool(target.groups), after, section
                )
            self.report.counts.tables_free_form += 1
            self.free(
                [table],
                after,
                heading_group.title if heading_group else None,
                "table layout not recognized",
                owner=section.line,
            )
            return False
        self.report.counts.tables += 1
        read = read_items(table, lay)
        for header in read.workloads:
            self.add_workload(header)
        for data, period, _line in read.retention:
            self.draft.storage.retention.append(RetentionRule(data, period))
            self.report.counts.retention_rules += 1
        first = True
        for table_group in read.groups:
            if table_group.category:
                title, rest = category_title(table_group.category)
                group = GroupDraft(
                    category=category_name(table_group.category),
                    title=title,
                    line=table_group.line,
                )
                if rest:
                    group.intro.append(rest)
                if first and lead is not None:
                    if heading_group is None and not target.groups:
                        target.intro.append(to_markdown(lead))
                    else:
                        group.intro.insert(0, one_line(lead.text))
                if optional:
                    group.kind = optional_kind(title, rest or "")
                target.groups.append(group)
            else:
                group = self.group_for(
                    lead if first else None, target, optional, heading_group, False
                )
            first = False
            group.from_table = True
            group.items.extend(table_group.items)
            self.report.counts.items += len(table_group.items)
            for note, line in table_group.notes:
                text = _CONDITION_LABEL.sub("", note)
                if is_group_condition(plain(text)):
                    group.condition.append(plain(text))
                elif group.items:
                    group.items[-1].add_note(note)
                else:
                    group.intro.append(note)
                del line
        return True

    def never_list(self, lead: Paragraph | None, block: BulletList) -> None:
        if lead is not None:
            self.draft.never_intro.append(one_line(lead.text))
        for item in block.items:
            self.draft.never_items.append(item_from(ItemSource.from_list_item(item)))
            self.report.counts.items += 1

    def never_section(self, section: Section) -> None:
        """The first list (or item table) holds the data never collected; text before it is
        its intro, and anything else is free-form."""
        pending: list[Block] = []
        found = False
        for block in section.all_blocks():
            items: list[ItemDraft] = []
            if not found and isinstance(block, BulletList):
                items = [
                    item_from(ItemSource.from_list_item(item))
                    for item in block.items
                    if item.text.strip() or item.children
                ]
            elif not found and isinstance(block, Table):
                lay = layout(block, Kind.NEVER)
                if lay.kind == "items":
                    items = [i for g in read_items(block, lay).groups for i in g.items]
                    self.report.counts.tables += bool(items)
            if not items:
                pending.append(block)
                continue
            found = True
            self.draft.never_intro.extend(
                one_line(b.text) for b in pending if isinstance(b, Paragraph)
            )
            others = [b for b in pending if not isinstance(b, Paragraph)]
            if others:
                self.free(
                    others, "never-collected", None, "not part of the list", owner=section.line
                )
            self.draft.never_items.extend(items)
            self.report.counts.items += len(items)
            pending = []
        if pending:
            self.free(
                pending,
                "never-collected",
                None if found else section.title,
                "text after the never-collected list",
                owner=section.line,
            )


__all__ = ["DataSections"]
