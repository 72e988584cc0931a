"""The release history on the site: each product page's "Change history" section and the
site-wide "What changed" page. Plain data and Markdown, like :mod:`privacy_pages.render.pages`."""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from typing import Any

from ..history.notes import ChangeNote
from ..history.releases import History, Release, UpdatedMark
from ..model import Dataset, Product
from ..model.sections import empty_section_wording
from ..settings import Settings
from .change_notes import MarkedNote
from .paths import changes_page_path, feed_path
from .templates import render

#: The section of every product page that lists its releases.
SECTION_ID = "change-history"


@dataclass(frozen=True)
class LinkedNote:
    """A change, with a link to the item it is about when that item is on the page."""

    note: ChangeNote
    link: str | None = None


@dataclass(frozen=True)
class HistoryEntry:
    """One release in a product's change history."""

    version: str
    date: str
    anchor: str
    first: bool
    notes: tuple[LinkedNote, ...]


@dataclass(frozen=True)
class ProductChanges:
    """What one release did to one statement, on the "What changed" page."""

    id: str
    name: str
    link: str | None
    first: bool
    notes: tuple[LinkedNote, ...]


@dataclass(frozen=True)
class ReleaseSummary:
    version: str
    date: str
    anchor: str
    initial: bool
    products: tuple[ProductChanges, ...]
    shared: tuple[LinkedNote, ...]


def _item_anchors(product: Product) -> set[str]:
    anchors = {item.anchor for item in product.items}
    if product.never_collected is not None:
        anchors.update(item.anchor for item in product.never_collected.items)
    return anchors


def _linked(notes: list[ChangeNote], anchors: set[str], page: str = "") -> tuple[LinkedNote, ...]:
    """Link each note to its item, only when the item is still on the current page."""
    return tuple(
        LinkedNote(MarkedNote.of(note), f"{page}#{note.anchor}" if note.anchor in anchors else None)
        for note in notes
    )


def product_history(history: History, product: Product) -> list[HistoryEntry]:
    """The releases that published or changed a statement, newest first."""
    anchors = _item_anchors(product)
    return [
        HistoryEntry(
            version=release.version,
            date=release.date.isoformat(),
            anchor=release.anchor,
            first=release.first_published(product.id),
            notes=_linked(release.notes(product.id), anchors),
        )
        for release in history.product_releases(product.id)
    ]


def product_context(
    history: History | None, product: Product, settings: Settings, today: dt.date | None
) -> dict[str, Any]:
    """What the product template needs to show the change history and the "Updated" marks."""
    entries = product_history(history, product) if history else []
    marks: dict[str, UpdatedMark] = {}
    if history and today is not None:
        marks = history.updated_marks(product.id, today, settings.history.updated_marks_days)
    return {
        "change_history": entries,
        "has_recorded_changes": any(entry.notes for entry in entries),
        "no_changes_statement": empty_section_wording(product, SECTION_ID, settings.empty_sections),
        "updated_marks": marks,
    }


def _release_summary(release: Release, dataset: Dataset, settings: Settings) -> ReleaseSummary:
    page = changes_page_path(settings)
    products = []
    names = release.product_names
    for product_id in release.products:
        current = dataset.products.get(product_id)
        target = posixpath.relpath(f"{settings.pages_dir}/{product_id}.md", posixpath.dirname(page))
        name = names.get(product_id) or release.changes.name_of(product_id)
        notes = release.notes(product_id)
        products.append(
            ProductChanges(
                id=product_id,
                name=name,
                link=f"{target}#{release.anchor}" if current is not None else None,
                first=release.first_published(product_id),
                notes=_linked(notes, _item_anchors(current), target)
                if current
                else _linked(notes, set()),
            )
        )
    return ReleaseSummary(
        version=release.version,
        date=release.date.isoformat(),
        anchor=release.anchor,
        initial=release.initial,
        products=tuple(products),
        shared=_linked(release.shared_notes, set()),
    )


def render_changes_page(history: History, dataset: Dataset, settings: Settings) -> str:
    """The Markdown of the "What changed" page: every release, newest first."""
    page = changes_page_path(settings)
    return render(
        "changes.md.j2",
        settings.templates_dir,
        releases=[_release_summary(r, dataset, settings) for r in history.newest_first],
        feed_link=posixpath.relpath(feed_path(settings), posixpath.dirname(page)),
    )
