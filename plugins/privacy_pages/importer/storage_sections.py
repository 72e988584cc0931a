"""Extracting storage: services, locations, retention rules, staff and service locations."""

from __future__ import annotations

import re

from .classify import STORAGE_KINDS, Kind, classify_heading
from .draft import StorageDraft
from .markdown_doc import BulletList, ListItem, Paragraph, Table
from .markdown_out import blocks_markdown, span
from .markup import one_line, plain, sentences
from .outline import Section
from .reading import Reading, item_markdown, unpaired
from .shapes import data_shape, is_data_lead
from .statements import (
    DURATION,
    RetentionRule,
    places,
    residual,
    retention_rule,
    says_how_long,
    says_period,
    staff_statement,
    storage_places,
)
from .tables import Layout, layout, location_column, read_retention

_AFTER = "storage-and-retention"
# "X.*Y" and "X[^.]*Y" are tried from the first X of each line or sentence only (see classify).
_SERVICES_LEAD = re.compile(
    r"\bservices?\b"
    r"|(?<![^\n])(?>.*?\bfollowing\b).*\bstor"
    r"|(?<![^\n])(?>.*?\bstor\w*\b).*\bfollowing\b",
    re.I,
)
_STORAGE_WORDS = re.compile(
    r"\bstor(?:e|ed|es|ing|age)\b|\bdatacenters?\b|\bdata centers?\b|\bregions?\b|\bresiden", re.I
)
_LOCATIONS_LEAD = re.compile(
    r"(?<![^.])(?>[^.]*?"
    r"\b(?:locations?|regions?|geograph\w*|countries|datacenters?|data centers?|"
    r"(?:national |sovereign |government )?clouds)\b"
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


def storage_section(reading: Reading, section: Section) -> None:
    """Storage, retention, locations or staff: facts from lists, tables and sentences."""
    storage = reading.draft.storage
    kind = classify_heading(section.title)

    def pair(lead: Paragraph, block: BulletList) -> bool:
        if is_data_lead(lead.text) and not _where_or_how_long(block):
            # "We store the following data:": what is kept is data collected, never a service
            # or a place; read by its shape, as under any heading.
            why = "a list of data under a storage heading"
            reading.free([lead, block], _AFTER, section.title, why, section.line)
            return True
        return _lead_and_list(storage, lead, block)

    for block in unpaired(section.blocks, pair):
        lay = layout(block, Kind.RETENTION) if isinstance(block, Table) else None
        if isinstance(block, Paragraph):
            storage_paragraph(reading, block, section, kind)
        elif isinstance(block, Table) and lay is not None and lay.kind == "retention":
            retention_table(reading, block, lay)
        elif isinstance(block, Table) and location_column(block) is not None:
            location_table(reading, block)
        elif isinstance(block, BulletList) and all(places(plain(i.text)) for i in block.items):
            storage.locations.extend(plain(i.text) for i in block.items)
        elif isinstance(block, BulletList) and kind is Kind.RETENTION and _periods(block):
            # "**Active users**: 90 days rolling window": how long each kind is kept
            storage.retention_note.append(_flat_list(block.items))
        elif isinstance(block, BulletList) and all(
            _STORAGE_WORDS.search(plain(i.text)) for i in block.items
        ):
            # "**Settings** are stored in your application data folder.": where each is kept.
            storage.location_note.append(_flat_list(block.items))
        else:
            why = "not a storage fact"
            if isinstance(block, Table):
                reading.report.counts.tables_free_form += 1
                why = "table layout not recognized"
            reading.free([block], _AFTER, section.title, why, section.line)
    for child in section.children:
        kind = classify_heading(child.title)
        if kind in STORAGE_KINDS:
            reading.report.counts.sections += 1
            storage_section(reading, child)
        elif is_service_location(child):
            reading.report.counts.sections += 1
            service_location(reading, child)
        elif kind is not Kind.UNKNOWN:
            reading.read_section(child, kind, Kind.STORAGE)
        else:
            reading.free_section(child, _AFTER, "sub-section not recognized")


#: A bullet that says where or for how long ("on your device, in ~/.tool", "30 days for logs").
_WHERE = re.compile(r"^\W*(?:on|in|at|inside|within|for|until|after)\b", re.I)


def _where_or_how_long(block: BulletList) -> bool:
    """Whether every bullet says where something is kept or for how long, not what."""
    texts = [plain(item.text) for item in block.items]
    return all(_WHERE.match(t) or DURATION.search(t) or places(t) for t in texts)


def _periods(block: BulletList) -> bool:
    """Whether each bullet says how long something is kept ("Deleted within 30 days")."""
    texts = [plain(item.text) for item in block.items]
    return all(says_how_long(text) or DURATION.search(text) for text in texts)


def _lead_and_list(storage: StorageDraft, lead: Paragraph, block: BulletList) -> bool:
    """A lead and the list after it, read as services, locations or a note; False if not."""
    values = [plain(item.text) for item in block.items]
    words = plain(lead.text)
    if _SERVICES_LEAD.search(words) and all(len(v.split()) <= 6 for v in values):
        storage.intro.append(one_line(lead.text))
        storage.services.extend(values)
    elif all(places(v) for v in values) or _LOCATIONS_LEAD.search(words):
        storage.location_note.append(one_line(lead.text))
        storage.locations.extend(item_markdown(item) for item in block.items)
    elif words.strip().endswith(":") and classify_heading(words.strip()) in STORAGE_KINDS:
        # "Customer data is not stored outside the geo, except if:" and its cases (nested
        # bullets follow their parent, one level: a note is one text).
        retention = classify_heading(words.strip()) is Kind.RETENTION
        note = storage.retention_note if retention else storage.location_note
        note.append(one_line(lead.text) + "\n\n" + _flat_list(block.items))
    else:
        return False
    return True


#: A sentence that gives an example ("For example, when your subscription ends, data is kept
#: for 90 days"), and words that deny a period a later sentence repeats.
_EXAMPLE = re.compile(r"^\W*(?:for example|for instance|e\.g\.)\b", re.IGNORECASE)
_DENIED = re.compile(r"\b(?:not|never)\b|n't\b", re.IGNORECASE)


def _not_this_period(sentence: str, period: str, later: list[str]) -> bool:
    """Whether a period is given as an example that a later sentence denies ("For example, ...
    retained for 90 days ... However, if you use X, that data isn't deleted 90 days after")."""
    number = re.search(r"\d+", period)
    if number is None or not _EXAMPLE.match(plain(sentence)):
        return False
    return any(number.group(0) in s and _DENIED.search(plain(s)) for s in later)


def storage_paragraph(reading: Reading, block: Paragraph, section: Section, kind: Kind) -> None:
    """Retention, location and staff sentences of a paragraph, read into storage fields; the
    sentences stay, in ``retention_note`` or ``location_note``, which the fields summarize."""
    storage = reading.draft.storage
    leftovers: list[str] = []
    located: list[str] = []
    kinds: set[str] = set()
    first, last = span(block)
    said = sentences(block.text)
    for index, sentence in enumerate(said):
        rule = retention_rule(sentence)
        if rule is not None and _not_this_period(sentence, rule.period, said[index + 1 :]):
            rule = None  # kept as the paragraph's words
        if rule is not None:
            rule.note = None
            # The latest rule of storage.retention that this one is an exception of.
            earlier = reading.excepted_rules.find(rule)
            if earlier is not None:
                earlier.exceptions.append(rule)
            else:
                storage.retention.append(rule)
                reading.excepted_rules.add(rule)
            reading.report.counts.retention_rules += 1
            reading.report.review(
                first,
                "retention",
                f"{rule.data}: {rule.period} (read from prose; the sentence is kept in "
                "retention_note)",
            )
            kinds.add("retention")
            leftovers.append(sentence)
            _add_places(reading, storage_places(sentence, with_period=True))
            continue
        staff = staff_statement(sentence)
        if staff is not None:
            storage.staff_teams = storage.staff_teams or staff.teams
            for place in staff.locations:
                if place not in storage.staff_locations:
                    storage.staff_locations.append(place)
            reading.report.review(
                first,
                "staff locations",
                f"{', '.join(staff.locations)} (read from prose: {sentence})",
            )
            if residual(staff.sentence, staff.teams or "", *staff.locations):
                leftovers.append(sentence)
            kinds.add("staff")
            continue
        if says_period(sentence):
            # "They are kept for 30 days.": a period, though no rule names its data
            kinds.add("retention")
            leftovers.append(sentence)
            _add_places(reading, storage_places(sentence, with_period=True))
            continue
        found = storage_places(sentence)
        _add_places(reading, found)
        if found and "retention" not in kinds:
            located.append(sentence)
            kinds.add("location")
            continue
        leftovers.append(sentence)  # (after a retention rule: its note holds the sentence)
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
        title = section.title if "staff" not in kinds else None
        why = "storage text not recognized"
        reading.free([Paragraph(text, first, last)], _AFTER, title, why, section.line)


def _add_places(reading: Reading, places: list[str]) -> None:
    for place in places:
        if not reading.has_location(place):  # (not a scan of the list per place)
            reading.draft.storage.locations.append(place)


_NAMES_DATA = re.compile(r"\b(?:data|information)\s*$", re.IGNORECASE)


def is_service_location(section: Section) -> bool:
    """A heading that names a service, with text about where that service stores data."""
    if section.children or not section.blocks or _NAMES_DATA.search(plain(section.title)):
        return False  # ("Organizational data": the data, whatever it says of data stores)
    if not all(isinstance(b, Paragraph | BulletList) for b in section.blocks):
        return False
    if data_shape(section, weak=False):
        return False  # a list after "collects the following:" is data, wherever it is kept
    words = plain(blocks_markdown(section.blocks))
    return len(section.title.split()) <= 8 and bool(_STORAGE_WORDS.search(words))


def service_location(reading: Reading, section: Section) -> None:
    reading.draft.storage.service_locations.append(
        {"service": section.title, "body": blocks_markdown(section.blocks)}
    )


def location_table(reading: Reading, table: Table) -> None:
    """A table of what each service (or component) keeps where: one service location per
    row, its other cells under their headers."""
    reading.report.counts.tables += 1
    width = len(table.header)
    for row in table.rows:
        cells = [*row.cells[:width], *[""] * (width - len(row.cells))]
        body = "\n\n".join(
            f"**{one_line(header)}**: {one_line(cell)}"
            for header, cell in zip(table.header[1:], cells[1:], strict=True)
            if plain(cell).strip()
        )
        service = one_line(cells[0])
        if plain(service).strip() and body:
            reading.draft.storage.service_locations.append({"service": service, "body": body})


def retention_table(reading: Reading, table: Table, lay: Layout) -> None:
    """A Data | Retention table: one retention rule per row."""
    reading.report.counts.tables += 1
    for data, period, note, _line in read_retention(table, lay):
        reading.draft.storage.retention.append(RetentionRule(data, period, note))
        reading.report.counts.retention_rules += 1
