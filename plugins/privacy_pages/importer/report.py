"""The import report: what was recognized, and every piece of text a writer must review.

Each piece of free-form text is listed with its source line, and so are repairs, metadata
filled in, doubtful links, catalog and category matches (with how sure they are), new catalog
items and categories, and sections marked empty. It prints as text, or saves as JSON.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

_PREVIEW = 100
#: The lists of the report whose entries have a line (of one page, for several pages).
_LOCATED = [
    "free_form",
    "not_data",
    "reviews",
    "matches",
    "new_items",
    "category_matches",
    "sections",
]


@dataclass(frozen=True)
class FreeFormFragment:
    """A piece of source text placed in a free-form section of the record."""

    line: int
    end_line: int
    after: str
    title: str | None
    text: str
    why: str
    #: A list that is not about data: what it is (see :mod:`.list_kinds`).
    not_data: str | None = None


@dataclass(frozen=True)
class NotData:
    """A list that is not about data (links, steps, a reference), wherever it went."""

    line: int
    end_line: int
    kind: str


@dataclass(frozen=True)
class Review:
    """Something the importer changed, guessed or could not place exactly."""

    line: int
    topic: str
    message: str


@dataclass(frozen=True)
class ItemMatch:
    """A page's item that is a catalog item, and how sure the match is."""

    line: int
    #: ``required``, ``optional`` or ``never-collected``: where the page lists the item.
    requirement: str
    #: The page's wording.
    name: str
    ref: str
    #: The catalog wording that matched (its name or an alias).
    matched: str
    #: ``id``, ``name``, ``alias``, ``normalized``, ``partial`` or ``fuzzy``.
    confidence: str
    #: 1.0 for the same id, name or alias; else how alike the wordings are (0 to 1).
    score: float
    how: str
    #: The category of the page's group, and the catalog item's own category.
    category: str
    catalog_category: str
    #: Where the match crosses requirements or categories, what the record does about it.
    note: str = ""


@dataclass(frozen=True)
class NewItem:
    """A catalog item this import adds: the page's item matched none."""

    line: int
    requirement: str
    id: str
    name: str
    category: str


@dataclass(frozen=True)
class CategoryMatch:
    """The category of one of the page's groups, and how it was found."""

    line: int
    requirement: str
    #: The page's heading for the group.
    heading: str
    category: str
    #: ``id``, ``name``, ``normalized`` (by its heading), ``items`` (by what its items are),
    #: or ``new`` (a category this import adds).
    confidence: str
    score: float
    how: str
    note: str = ""


@dataclass(frozen=True)
class SiteWarning:
    """What the site's checks say about the imported record (a strict build fails on these)."""

    line: int
    column: int
    rule: str
    key_path: str
    message: str


@dataclass(frozen=True)
class PageSpan:
    """One page of a statement from several: its lines are ``offset + 1`` to ``offset + lines``."""

    source: str
    offset: int
    lines: int


@dataclass(frozen=True)
class SectionRead:
    """A section of a page, and the page section it went to (as free-form sections name it)."""

    line: int
    heading: str
    kind: str
    after: str


@dataclass(frozen=True)
class Claim:
    """What one page says about a fact that another page says otherwise."""

    line: int
    says: str
    #: The page, when the line is not known (0).
    page: str = ""


@dataclass(frozen=True)
class Conflict:
    """Two pages of one statement that disagree about a fact (``kept``: what the record does)."""

    subject: str
    claims: tuple[Claim, ...]
    kept: str


@dataclass
class Counts:
    items: int = 0
    groups: int = 0
    tables: int = 0
    tables_free_form: int = 0
    sections: int = 0
    sections_free_form: int = 0
    notes: int = 0
    links: int = 0
    retention_rules: int = 0


@dataclass
class PageReport:
    """The report of one imported page."""

    source: str
    product_id: str = ""
    product_file: str = ""
    counts: Counts = field(default_factory=Counts)
    free_form: list[FreeFormFragment] = field(default_factory=list)
    #: The lists that are not about data (see :mod:`.list_kinds`), free text or links.
    not_data: list[NotData] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    new_catalog_items: list[str] = field(default_factory=list)
    reused_catalog_items: list[str] = field(default_factory=list)
    new_categories: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unchanged: bool = False
    #: Every item of the page that matched a catalog item, in page order.
    matches: list[ItemMatch] = field(default_factory=list)
    #: Every catalog item this import adds.
    new_items: list[NewItem] = field(default_factory=list)
    #: The category of every group of the page.
    category_matches: list[CategoryMatch] = field(default_factory=list)
    #: The page sections the page does not cover, marked under ``empty_sections``.
    empty_sections: list[str] = field(default_factory=list)
    #: The site's warnings about the imported record (filled in by the CLI after the import).
    warnings: list[SiteWarning] = field(default_factory=list)
    #: A statement imported from several pages: each page's lines (empty for one page).
    pages: list[PageSpan] = field(default_factory=list)
    #: The sections of the pages, and where each went (listed for several pages).
    sections: list[SectionRead] = field(default_factory=list)
    #: What the pages of one statement disagree on.
    conflicts: list[Conflict] = field(default_factory=list)

    def review(self, line: int, topic: str, message: str) -> None:
        self.reviews.append(Review(line, topic, message))

    def locate(self, line: int) -> tuple[str, int]:
        """The page and its line of a line of the report (see :class:`PageSpan`)."""
        for page in self.pages:
            if page.offset < line <= page.offset + page.lines:
                return page.source, line - page.offset
        return (self.pages[0].source if self.pages else self.source), line

    def at(self, line: int, end_line: int = 0) -> str:
        """``page:line: `` (or ``page:line-end: ``) for a line of the report; empty for line 0."""
        if not line:
            return ""
        source, local = self.locate(line)
        span = f"{local}-{local + end_line - line}" if end_line > line else f"{local}"
        return f"{source}:{span}: "

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["free_form"] = sorted(data["free_form"], key=lambda f: (f["line"], f["after"]))
        data["reviews"] = sorted(data["reviews"], key=lambda r: (r["line"], r["topic"]))
        if self.pages:  # each line as its page's line, with the page named
            for key in _LOCATED:
                for entry in data[key]:
                    self._localize(entry)
            for conflict in data["conflicts"]:
                for claim in conflict["claims"]:
                    self._localize(claim)
        return data

    def _localize(self, entry: dict[str, Any]) -> None:
        if entry.get("line"):
            entry["page"], entry["line"] = self.locate(entry["line"])
            if entry.get("end_line"):
                entry["end_line"] = self.locate(entry["end_line"])[1]


def _preview(text: str) -> str:
    value = " ".join(text.split())
    return value if len(value) <= _PREVIEW else value[: _PREVIEW - 1] + "…"


def format_report(report: PageReport) -> str:
    """The report as text for a terminal."""
    c = report.counts
    lines = [f"{report.source} → {report.product_file or report.product_id}"]
    if report.unchanged:
        lines.append("  unchanged: the content tree already holds this import")
    lines.append(
        f"  recognized: {c.items} item(s) in {c.groups} group(s), {c.tables} table(s), "
        f"{c.sections} section(s), {c.notes} note(s), {c.links} link(s), "
        f"{c.retention_rules} retention rule(s)"
    )
    lines.append(
        f"  catalog: {len(report.reused_catalog_items)} item(s) reused, "
        f"{len(report.new_catalog_items)} new; {len(report.new_categories)} new categor"
        f"{'y' if len(report.new_categories) == 1 else 'ies'}"
    )
    lines.extend(_page_lines(report))
    lines.extend(_matching_lines(report))
    if report.free_form:
        lines.append(
            f"  free-form text to review ({len(report.free_form)} piece(s), "
            f"{c.sections_free_form} section(s), {c.tables_free_form} table(s)):"
        )
        for fragment in sorted(report.free_form, key=lambda f: f.line):
            where = fragment.after + (f" / {fragment.title}" if fragment.title else "")
            lines.append(
                f"    {report.at(fragment.line, fragment.end_line)}→ {where} ({fragment.why}): "
                f"{_preview(fragment.text)}"
            )
    else:
        lines.append("  free-form text to review: none")
    if report.reviews:
        lines.append(f"  also review ({len(report.reviews)}):")
        for item in sorted(report.reviews, key=lambda r: (r.line, r.topic)):
            lines.append(f"    {report.at(item.line)}{item.topic}: {item.message}")
    if report.empty_sections:
        lines.append(
            f"  marked empty (the page does not cover them): {', '.join(report.empty_sections)}"
        )
    if report.warnings:
        lines.append(f"  the site warns about the record ({len(report.warnings)}):")
        for warning in report.warnings:
            lines.append(
                f"    {report.product_file}:{warning.line}:{warning.column}: {warning.rule}: "
                f"{warning.message}"
            )
    for path in report.written:
        lines.append(f"  wrote {path}")
    return "\n".join(lines)


def _page_lines(report: PageReport) -> list[str]:
    """Which page each section came from, and where the pages disagree."""
    if not report.pages:
        return []
    lines = [f"  pages ({len(report.pages)}), each section from the page that states it:"]
    for page in report.pages:
        lines.append(f"    {page.source} ({page.lines} lines)")
        for section in report.sections:
            if page.offset < section.line <= page.offset + page.lines:
                lines.append(
                    f"      {report.at(section.line)}{section.heading!r} → {section.after}"
                )
    if report.conflicts:
        lines.append(f"  conflicts between the pages ({len(report.conflicts)}), to settle by hand:")
        for conflict in report.conflicts:
            claims = "; ".join(
                f"{report.at(claim.line) or claim.page + ': '}{claim.says}"
                for claim in conflict.claims
            )
            lines.append(f"    {conflict.subject}: {claims}; {conflict.kept}")
    else:
        lines.append("  conflicts between the pages: none")
    return lines


def _matching_lines(report: PageReport) -> list[str]:
    """The catalog matches with their confidence, the categories, and what is new."""
    lines: list[str] = []
    if report.matches:
        lines.append(f"  catalog matches ({len(report.matches)}):")
        for m in report.matches:
            lines.append(
                f"    {report.at(m.line)}{m.requirement} {m.name!r} → {m.ref}: {m.confidence} "
                f"(score {m.score:.2f}; {m.how})" + (f"; {m.note}" if m.note else "")
            )
    if report.category_matches:
        lines.append(f"  categories ({len(report.category_matches)}):")
        for c in report.category_matches:
            lines.append(
                f"    {report.at(c.line)}{c.requirement} {c.heading!r} → {c.category}: "
                f"{c.confidence} (score {c.score:.2f}; {c.how})" + (f"; {c.note}" if c.note else "")
            )
    if report.new_items:
        lines.append(f"  new catalog items ({len(report.new_items)}):")
        for n in report.new_items:
            lines.append(
                f"    {report.at(n.line)}{n.requirement} {n.name!r} → {n.id} ({n.category})"
            )
    else:
        lines.append("  new catalog items: none")
    return lines


def report_json(reports: list[PageReport]) -> str:
    return (
        json.dumps({"pages": [r.to_json() for r in reports]}, indent=2, ensure_ascii=False) + "\n"
    )
