"""What the extractors of one page share: the draft they fill in, the report, free-form text.

Each kind of section has its extractor (the table in :mod:`.statement`). What an extractor does
not recognize goes to a free-form section through :meth:`Reading.free`, which lists each piece
in the report with its source line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from .claims import Cue
from .classify import Kind
from .draft import GroupDraft, StatementDraft
from .list_kinds import WHY, ListKind, list_kind
from .markdown_doc import (
    Block,
    BulletList,
    Directive,
    Html,
    Image,
    Include,
    ListItem,
    Paragraph,
    Table,
)
from .markdown_out import blocks_markdown, list_markdown, span, to_markdown
from .markup import one_line, plain
from .outline import Section
from .report import FreeFormFragment, NotData, PageReport
from .statements import ExceptedRules
from .tables import example_table

#: Reads one kind of section into the draft.
Extractor = Callable[["Reading", Section], None]


@dataclass
class Reading:
    """One page being read; ``draft`` and ``report`` hold the result."""

    report: PageReport
    #: The page reader's own steps, which the extractors call back (their modules import the
    #: extractors): read a sub-section as its kind (after the section before it), and take
    #: out of blocks bound for free-form text what is read by its shape (:mod:`.by_shape`).
    section_reader: Callable[[Reading, Section, Kind, Kind | None], None]
    shape_reader: Callable[[Reading, list[Block], str | None], list[Block]]
    draft: StatementDraft = field(default_factory=StatementDraft)
    #: While a section that is not about privacy (terms of use...) is read: its lists are not
    #: about data (see :mod:`.list_kinds`).
    outside_privacy: bool = False
    #: While blocks are read by their shape (the shapes inside are not looked for again).
    reading_shapes: bool = False
    #: The workload headings already in ``draft.workloads``.
    workload_names: set[str] = field(default_factory=set)
    #: The requirement cue of each section being read, outermost first (see :mod:`.claims`).
    section_cues: list[Cue | None] = field(default_factory=list)
    #: The rules of ``draft.storage.retention`` that say "except for ...".
    excepted_rules: ExceptedRules = field(default_factory=ExceptedRules)
    #: The first ``_locations_seen`` entries of ``draft.storage.locations``, as a set.
    _locations: set[str] = field(default_factory=set, init=False, repr=False)
    _locations_seen: int = field(default=0, init=False, repr=False)
    _last_free: tuple[str, str | None, int] | None = field(default=None, init=False, repr=False)
    #: The last free-form section and the parts of its body, while free() may add to it
    #: (joined once by finish(), rather than copied again for each part).
    _open_free: tuple[dict[str, str], list[str]] | None = field(
        default=None, init=False, repr=False
    )

    def read_section(self, section: Section, kind: Kind, previous: Kind | None) -> None:
        self.section_reader(self, section, kind, previous)

    def scoped(self, group: GroupDraft) -> GroupDraft:
        """``group``, with the requirement cues of the sections it is read in."""
        group.scope = tuple(self.section_cues)
        return group

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

    def free(
        self,
        blocks: Sequence[Block],
        after: str,
        title: str | None,
        why: str,
        owner: int = 0,
        *,
        shapes: bool = True,
    ) -> None:
        """Put blocks into a free-form section, once what is read by its shape is taken out
        (unless ``shapes`` is false: they were read, and are text), and list each in the report.
        ``owner``: the line of the section they come from (pieces in a row from one section join
        one free-form section)."""
        kept: list[Block] = []
        previous: Block | None = None
        for block in self.shape_reader(self, list(blocks), title) if shapes else blocks:
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
            elif isinstance(block, Table) and example_table(block):
                kind = ListKind.EXAMPLES
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
        """A whole section as free-form text (counted in the report)."""
        self.report.counts.sections_free_form += 1
        blocks = section.all_blocks()
        if not blocks:
            self.free_heading_only(section, after)
            return
        self.free(blocks, after, section.title or None, why, section.line)


def unpaired(
    blocks: Sequence[Block], pair: Callable[[Paragraph, BulletList], bool]
) -> Iterator[Block]:
    """The blocks, in order, but each lead and the list after it that ``pair`` reads."""
    index = 0
    while index < len(blocks):
        block = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            isinstance(block, Paragraph)
            and isinstance(following, BulletList)
            and pair(block, following)
        ):
            index += 2
            continue
        yield block
        index += 1


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
