"""The import report: what was recognized, and every piece of text a writer must review.

Every piece of text that went to a free-form section is listed with its source line, so that
a writer knows exactly what to look at. Repairs (mojibake), metadata that was filled in or
normalized, and links that may not resolve are listed too. The report prints as text and
saves as JSON (``--report FILE``).
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
    for path in report.written:
        lines.append(f"  wrote {path}")
    return "\n".join(lines)


def report_json(reports: list[PageReport]) -> str:
    return (
        json.dumps({"pages": [r.to_json() for r in reports]}, indent=2, ensure_ascii=False) + "\n"
    )


__all__ = ["Counts", "FreeFormFragment", "PageReport", "Review", "format_report", "report_json"]
