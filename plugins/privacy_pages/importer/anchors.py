"""In-page links of an imported page: where ``#opting-out`` leads once its section moved.

A page's headings become the product page's sections: a section kept as free-form text keeps
its heading (and its anchor); one read into a field ("Opting out" into the controls) is now
part of a page section, whose anchor the link takes. A link to an anchor the product page does
not have becomes its text, and the report says so: a strict build never meets a dead anchor.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from markdown.extensions.toc import slugify

from ..model import SECTION_IDS
from .report import PageReport


def anchor(heading: str) -> str:
    """The anchor Python-Markdown's table of contents gives a heading."""
    return str(slugify(heading, "-"))


def in_page_anchors(record: Mapping[str, Any], report: PageReport) -> dict[str, str | None]:
    """Each anchor of the source page → its anchor on the product page (None: none)."""
    kept = {anchor(title) for title in _titles(record)}
    found: dict[str, str | None] = {key: key for key in (*kept, *SECTION_IDS)}
    for read in report.sections:
        key = anchor(read.heading)
        if key not in found:
            found[key] = read.after if read.after in SECTION_IDS else None
    return found


def _titles(value: Any) -> list[str]:
    """Every title in a record (free-form sections, groups, requests): each may keep its
    heading, and so its anchor, on the product page."""
    if isinstance(value, dict):
        found = [str(value["title"])] if isinstance(value.get("title"), str) else []
        return found + [title for child in value.values() for title in _titles(child)]
    if isinstance(value, list):
        return [title for child in value for title in _titles(child)]
    return []


def fragment_fixer(
    anchors: Mapping[str, str | None], report: PageReport
) -> Callable[[str], str | None]:
    """How an in-page link is written: to the anchor its target has now, or as its text."""
    reported: set[str] = set()

    def fix(url: str) -> str | None:
        target = anchors.get(url[1:])
        if url not in reported and target != url[1:]:
            reported.add(url)
            said = (
                f"written as #{target}, the section that holds it now"
                if target
                else ("the product page has no such section: the link became its text")
            )
            report.review(0, "link", f"{url}: {said}")
        return f"#{target}" if target else None

    return fix
