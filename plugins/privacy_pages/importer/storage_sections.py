"""Reading storage sections: services, locations, retention rules, staff and service locations."""

from __future__ import annotations

import re

from .classify import STORAGE_KINDS, Kind, classify_heading
from .markdown_doc import BulletList, ListItem, Paragraph, Table
from .markdown_out import blocks_markdown, span
from .markup import one_line, plain, sentences
from .outline import Section
from .section_reader import SectionReader, item_markdown
from .statements import (
    places,
    residual,
    retention_rule,
    staff_statement,
    storage_places,
)
from .tables import layout

# "X.*Y" and "X[^.]*Y" are tried from the first X of each line or sentence only (see classify).
_SERVICES_LEAD = re.compile(
    r"\bservices?\b"
    r"|(?<![^\n])(?>.*?\bfollowing\b).*\bstor"
    r"|(?<![^\n])(?>.*?\bstor\w*\b).*\bfollowing\b",
    re.I,
)
_STORAGE_WORDS = re.compile(
    r"\bstor(?:e|ed|es|ing|age)\b|\bdatacenters?\b|\bdata centers?\b|\bregions?\b|\bresiden",
    re.I,
)
_LOCATIONS_LEAD = re.compile(
    r"(?<![^.])(?>[^.]*?"
    r"\b(?:locations?|regions?|geograph\w*|countries|datacenters?|data centers?)\b"
    r")[^.]*:\s*$",
    re.I,
)


def _flat_list(items: tuple[ListItem, ...]) -> str:
    """Bullets with their nested bullets after them, all at one level."""
    lines: list[str] = []
    for item in items:
        lines.append("- " + " ".join(one_line(t) for t in (item.text, *item.paragraphs)))
        if item.children:
            lines.append(_flat_list(item.children))
    return "\n".join(lines)


class StorageSections(SectionReader):
    """Where data is stored, for how long, and where the people who handle it work."""

    def storage_section(self, section: Section) -> None:
        storage = self.draft.storage
        kind = classify_heading(section.title)
        blocks = section.blocks
        index = 0
        while index < len(blocks):
            block = blocks[index]
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if isinstance(block, Paragraph) and isinstance(following, BulletList):
                values = [plain(item.text) for item in following.items]
                if _SERVICES_LEAD.search(plain(block.text)) and all(
                    len(v.split()) <= 6 for v in values
                ):
                    storage.intro.append(one_line(block.text))
                    storage.services.extend(values)
                    index += 2
                    continue
                if all(places(v) for v in values) or _LOCATIONS_LEAD.search(plain(block.text)):
                    storage.location_note.append(one_line(block.text))
                    storage.locations.extend(item_markdown(item) for item in following.items)
                    index += 2
                    continue
                lead = plain(block.text).strip()
                if lead.endswith(":") and classify_heading(lead) in STORAGE_KINDS:
                    # "Customer data is not stored outside the geo, except if:" and its cases
                    # (nested bullets follow their parent, one level: a note is one text).
                    note = (
                        storage.retention_note
                        if classify_heading(lead) is Kind.RETENTION
                        else storage.location_note
                    )
                    note.append(one_line(block.text) + "\n\n" + _flat_list(following.items))
                    index += 2
                    continue
            if isinstance(block, Paragraph):
                self.storage_paragraph(block, section, kind)
            elif isinstance(block, Table):
                lay = layout(block, Kind.RETENTION)
                if lay.kind == "retention":
                    self.retention_table(block, lay)
                else:
                    self.report.counts.tables_free_form += 1
                    self.free(
                        [block],
                        "storage-and-retention",
                        section.title,
                        "table layout not recognized",
                        owner=section.line,
                    )
            elif isinstance(block, BulletList) and all(places(plain(i.text)) for i in block.items):
                storage.locations.extend(plain(i.text) for i in block.items)
            else:
                self.free(
                    [block],
                    "storage-and-retention",
                    section.title,
                    "not a storage fact",
                    owner=section.line,
                )
            index += 1
        for child in section.children:
            kind = classify_heading(child.title)
            if kind in STORAGE_KINDS:
                self.report.counts.sections += 1
                self.storage_section(child)
            elif self.is_service_location(child):
                self.report.counts.sections += 1
                self.service_location(child)
            elif kind is not Kind.UNKNOWN:
                self.section(child, kind, Kind.STORAGE)
            else:
                self.report.counts.sections_free_form += 1
                self.free_section(child, "storage-and-retention", "sub-section not recognized")

    def storage_paragraph(self, block: Paragraph, section: Section, kind: Kind) -> None:
        """Retention, location and staff sentences of a paragraph, read into storage fields.

        Sentences keep their words: those that gave retention rules stay (with the rest of
        the paragraph) in ``retention_note``, those that gave storage locations in
        ``location_note``, so the structured fields summarize the text rather than replace it.
        """
        storage = self.draft.storage
        leftovers: list[str] = []
        located: list[str] = []
        kinds: set[str] = set()
        first, last = span(block)
        for sentence in sentences(block.text):
            rule = retention_rule(sentence)
            if rule is not None:
                rule.note = None
                # The latest rule of storage.retention that this one is an exception of.
                earlier = self.excepted_rules.find(rule)
                if earlier is not None:
                    earlier.exceptions.append(rule)
                else:
                    storage.retention.append(rule)
                    self.excepted_rules.add(rule)
                self.report.counts.retention_rules += 1
                self.report.review(
                    first,
                    "retention",
                    f"{rule.data}: {rule.period} (read from prose; the sentence is kept in "
                    "retention_note)",
                )
                kinds.add("retention")
                leftovers.append(sentence)
                continue
            staff = staff_statement(sentence)
            if staff is not None:
                storage.staff_teams = storage.staff_teams or staff.teams
                for place in staff.locations:
                    if place not in storage.staff_locations:
                        storage.staff_locations.append(place)
                self.report.review(
                    first,
                    "staff locations",
                    f"{', '.join(staff.locations)} (read from prose: {sentence})",
                )
                if residual(staff.sentence, staff.teams or "", *staff.locations):
                    leftovers.append(sentence)
                kinds.add("staff")
                continue
            found = storage_places(sentence)
            if found and "retention" not in kinds:
                for place in found:
                    if not self.has_location(place):  # (not a scan of the list per place)
                        storage.locations.append(place)
                located.append(sentence)
                kinds.add("location")
                continue
            leftovers.append(sentence)
        if located:
            storage.location_note.append(" ".join(located))
        if not leftovers:
            return
        text = " ".join(leftovers)
        if "retention" in kinds or (kind is Kind.RETENTION and not kinds):
            storage.retention_note.append(text)
        elif "location" in kinds or (kind is Kind.LOCATION and not kinds):
            storage.location_note.append(text)
        elif not storage.has_facts() and not kinds:
            storage.intro.append(text)
        else:
            self.free(
                [Paragraph(text, first, last)],
                "storage-and-retention",
                section.title if "staff" not in kinds else None,
                "storage text not recognized",
                owner=section.line,
            )

    def is_service_location(self, section: Section) -> bool:
        """A heading that names a service, with text about where that service stores data."""
        if section.children or not section.blocks:
            return False
        if not all(isinstance(b, Paragraph | BulletList) for b in section.blocks):
            return False
        words = plain(blocks_markdown(section.blocks))
        return len(section.title.split()) <= 8 and bool(_STORAGE_WORDS.search(words))

    def service_location(self, section: Section) -> None:
        self.draft.storage.service_locations.append(
            {"service": section.title, "body": blocks_markdown(section.blocks)}
        )


__all__ = ["StorageSections"]
