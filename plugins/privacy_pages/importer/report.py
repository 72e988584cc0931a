"""The import report: what was recognized, and every piece of text a writer must review.

Every piece of text that went to a free-form section is listed with its source line, so that
a writer knows exactly what to look at. Repairs (mojibake), metadata that was filled in or
normalized, and links that may not resolve are listed too, and so is every item and group
matched against the site's catalog and categories (with how sure the match is), every new
catalog item and category, and the page sections marked empty. The report prints as text
and saves as JSON (``--report FILE``).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

_PREVIEW = 100


@dataclass(frozen=True)
class FreeFormFragment:
    """A piece of source text placed in a free-form section of the record."""

    line: int
    end_line: int
    after: str
    title: str | None
    text: str
    why: str


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

    def review(self, line: int, topic: str, message: str) -> None:
        self.reviews.append(Review(line, topic, message))

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["free_form"] = sorted(data["free_form"], key=lambda f: (f["line"], f["after"]))
        data["reviews"] = sorted(data["reviews"], key=lambda r: (r["line"], r["topic"]))
        return data


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
    lines.extend(_matching_lines(report))
    if report.free_form:
        lines.append(
            f"  free-form text to review ({len(report.free_form)} piece(s), "
            f"{c.sections_free_form} section(s), {c.tables_free_form} table(s)):"
        )
        for fragment in sorted(report.free_form, key=lambda f: f.line):
            where = fragment.after + (f" / {fragment.title}" if fragment.title else "")
            span = (
                f"{fragment.line}"
                if fragment.end_line <= fragment.line
                else f"{fragment.line}-{fragment.end_line}"
            )
            lines.append(
                f"    {report.source}:{span}: → {where} ({fragment.why}): {_preview(fragment.text)}"
            )
    else:
        lines.append("  free-form text to review: none")
    if report.reviews:
        lines.append(f"  also review ({len(report.reviews)}):")
        for item in sorted(report.reviews, key=lambda r: (r.line, r.topic)):
            where = f"{report.source}:{item.line}: " if item.line else ""
            lines.append(f"    {where}{item.topic}: {item.message}")
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


def _at(report: PageReport, line: int) -> str:
    return f"{report.source}:{line}: " if line else ""


def _matching_lines(report: PageReport) -> list[str]:
    """The catalog matches with their confidence, the categories, and what is new."""
    lines: list[str] = []
    if report.matches:
        lines.append(f"  catalog matches ({len(report.matches)}):")
        for m in report.matches:
            lines.append(
                f"    {_at(report, m.line)}{m.requirement} {m.name!r} → {m.ref}: {m.confidence} "
                f"(score {m.score:.2f}; {m.how})" + (f"; {m.note}" if m.note else "")
            )
    if report.category_matches:
        lines.append(f"  categories ({len(report.category_matches)}):")
        for c in report.category_matches:
            lines.append(
                f"    {_at(report, c.line)}{c.requirement} {c.heading!r} → {c.category}: "
                f"{c.confidence} (score {c.score:.2f}; {c.how})" + (f"; {c.note}" if c.note else "")
            )
    if report.new_items:
        lines.append(f"  new catalog items ({len(report.new_items)}):")
        for n in report.new_items:
            lines.append(
                f"    {_at(report, n.line)}{n.requirement} {n.name!r} → {n.id} ({n.category})"
            )
    else:
        lines.append("  new catalog items: none")
    return lines


def report_json(reports: list[PageReport]) -> str:
    return (
        json.dumps({"pages": [r.to_json() for r in reports]}, indent=2, ensure_ascii=False) + "\n"
    )


__all__ = [
    "CategoryMatch",
    "Counts",
    "FreeFormFragment",
    "ItemMatch",
    "NewItem",
    "PageReport",
    "Review",
    "SiteWarning",
    "format_report",
    "report_json",
]
