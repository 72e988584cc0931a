"""What every section reader shares: the draft, the report, and free-form text.

Each kind of section has its reader (:mod:`.data_sections`, :mod:`.storage_sections`,
:mod:`.statement`); all of them put what they do not recognize into free-form sections through
:meth:`SectionReader.free`, which also lists each piece in the report with its source line.
"""

from __future__ import annotations

from collections.abc import Sequence

from .classify import Kind
from .draft import StatementDraft
from .list_kinds import WHY, ListKind, list_kind
from .markdown_doc import (
    Alert,
    Block,
    BulletList,
    Directive,
    Html,
    Image,
    Include,
    ListItem,
    Paragraph,
    Table,
    parse,
)
from .markdown_out import blocks_markdown, list_markdown, span, to_markdown
from .markup import one_line, plain
from .outline import Section
from .report import FreeFormFragment, NotData, PageReport
from .shapes import scope_list
from .statements import ExceptedRules, RetentionRule
from .tables import Layout, read_retention


class SectionReader:
    """The state one page's readers share; ``draft`` and ``report`` hold the result."""

    #: While a section that is not about privacy (terms of use...) is read: its lists are not
    #: about data (see :mod:`.list_kinds`).
    outside_privacy = False

    def __init__(self, report: PageReport) -> None:
        self.report = report
        self.draft = StatementDraft()
        self._last_free: tuple[str, str | None, int] | None = None
        #: The last free-form section and the parts of its body, while free() may add to it
        #: (joined once by finish(), rather than copied again for each part).
        self._open_free: tuple[dict[str, str], list[str]] | None = None
        #: The workload headings already in ``draft.workloads``.
        self.workload_names: set[str] = set()
        #: The rules of ``draft.storage.retention`` that say "except for ...".
        self.excepted_rules = ExceptedRules()
        #: The first ``_locations_seen`` entries of ``draft.storage.locations``, as a set.
        self._locations: set[str] = set()
        self._locations_seen = 0

    def finish(self) -> None:
        """Complete the draft once the page is read."""
        if self._open_free is not None:
            section, parts = self._open_free
            section["body"] = "\n\n".join(parts)
            self._open_free = None

    def has_location(self, place: str) -> bool:
        """Whether ``place`` is in ``draft.storage.locations`` (which only ever grows)."""
        locations = self.draft.storage.locations
        self._locations.update(locations[self._locations_seen :])
        self._locations_seen = len(locations)
        return place in self._locations

    def add_workload(self, header: str) -> None:
        if header not in self.workload_names:
            self.workload_names.add(header)
            self.draft.workloads.append(header)

    def purpose_list(self, lead: Paragraph | None, block: BulletList) -> None:
        """A list of what the data is used for ("This data enables X to:")."""
        if lead is not None:
            self.draft.purposes_intro.append(to_markdown(lead))
        self.draft.purposes.extend(item_markdown(item) for item in block.items)
        self.report.counts.sections += 1

    def retention_table(self, table: Table, lay: Layout) -> None:
        """A Data | Retention table: one retention rule per row."""
        self.report.counts.tables += 1
        for data, period, note, _line in read_retention(table, lay):
            self.draft.storage.retention.append(RetentionRule(data, period, note))
            self.report.counts.retention_rules += 1

    def section(self, section: Section, kind: Kind, previous: Kind | None) -> None:
        """Read a section as ``kind`` (the page reader dispatches to the reader of the kind)."""
        raise NotImplementedError

    # -- free-form ---------------------------------------------------------------------------

    def scope_entry(self, block: BulletList, lead: Paragraph | None) -> bool:
        """A list of the commands that send data, or that do not, after a lead that says which
        ("Tools commands (telemetry is enabled):"): a ``scope`` list; False if it is not one."""
        sends = scope_list(block, lead)
        if sends is None or lead is None:
            return False
        self.draft.scope_lists.append(
            {
                "intro": one_line(lead.text),
                "sends_data": sends,
                "entries": [item_markdown(item) for item in block.items],
            }
        )
        self.report.counts.sections += 1
        return True

    def rescue(self, blocks: list[Block], after: str, title: str | None) -> list[Block]:
        """The blocks that no structured field takes by their shape (the page reader reads
        data tables and lists here, whatever section they are in)."""
        del after, title
        return blocks

    def free(
        self,
        blocks: Sequence[Block],
        after: str,
        title: str | None,
        why: str,
        owner: int = 0,
    ) -> None:
        """Put blocks into a free-form section, and list each in the report (after the
        structured fields have taken what they recognize by its shape: :meth:`rescue`)."""
        kept: list[Block] = []
        previous: Block | None = None
        for block in self.rescue(list(blocks), after, title):
            lead, previous = previous, block
            first, last = span(block)
            if isinstance(block, Html) and block.text.lstrip().startswith("<!--"):
                self.report.review(
                    first, "comment", "HTML comment not imported (it is not shown on the page)"
                )
                continue
            if isinstance(block, Directive):
                self.report.review(first, "docfx", f"layout directive not imported: {block.text}")
                continue
            text = to_markdown(block).strip()
            if not text:
                continue
            kept.append(block)
            reason, kind = why, None
            if isinstance(block, BulletList) and self.outside_privacy:
                kind = ListKind.TERMS
                self.report.not_data.append(NotData(first, last, kind))
            elif isinstance(block, BulletList) and (
                kind := list_kind(block, lead.text if isinstance(lead, Paragraph) else None)
            ):
                reason = WHY[kind]
                self.report.not_data.append(NotData(first, last, kind))
            elif isinstance(block, Include):
                reason = "DocFX include: the included file is not imported; linked instead"
            elif isinstance(block, Image):
                reason = "DocFX image, written as a Markdown image"
            self.report.free_form.append(
                FreeFormFragment(first, last, after, title, text, reason, kind)
            )
        if not kept:
            return
        body = blocks_markdown(kept)
        key = (after, title, owner)
        if self._last_free == key and self._open_free is not None:
            self._open_free[1].append(body)  # the same section as the last piece
        else:
            self.finish()
            section: dict[str, str] = {"after": after}
            if title:
                section["title"] = title
            section["body"] = body
            self.draft.sections.append(section)
            self._open_free = (section, [body])
        self._last_free = key

    def free_heading_only(self, section: Section, after: str) -> None:
        """A heading with no text under it: kept as a free-form section with just its title."""
        heading = section.heading
        if heading is None:
            return
        self.report.free_form.append(
            FreeFormFragment(
                heading.line, heading.line, after, None, heading.text, "heading with no text"
            )
        )
        self.finish()
        self.draft.sections.append({"after": after, "body": f"**{plain(heading.text)}**"})
        self._last_free = None

    def free_section(self, section: Section, after: str, why: str) -> None:
        blocks = section.all_blocks()
        if not blocks:
            self.free_heading_only(section, after)
            return
        self.free(blocks, after, section.title or None, why, owner=section.line)


def alert_markdown(block: Alert) -> str:
    """The body of an alert (which may hold lists) as Markdown, without the quote markers."""
    return blocks_markdown(parse(block.text).blocks) or one_line(block.text)


def is_comment(block: Block) -> bool:
    return isinstance(block, Directive) or (
        isinstance(block, Html) and block.text.lstrip().startswith("<!--")
    )


def item_markdown(item: ListItem) -> str:
    """One bullet (with its nested bullets) as Markdown for a list-of-text field."""
    text = one_line(item.text)
    if item.paragraphs or item.children:
        nested = list_markdown(item.children) if item.children else ""
        parts = [text, *(one_line(p) for p in item.paragraphs)]
        if nested:
            parts.append(nested)
        return "\n\n".join(parts)
    return text


__all__ = ["SectionReader", "alert_markdown", "is_comment", "item_markdown"]
