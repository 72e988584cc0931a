"""The release history on the site: each product page's "Change history" section and the
site-wide "What changed" page. Plain data and Markdown, like :mod:`privacy_pages.render.pages`."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..history.notes import ChangeNote
from ..history.releases import History, Release, UpdatedMark, release_anchor
from ..messages import SOURCE_LANGUAGE, SOURCE_MESSAGES, Messages
from ..model import Dataset, Product
from ..model.sections import empty_section_wording
from ..settings import Settings
from .change_notes import MarkedNote
from .paths import changes_page_path, feed_path, relative_link
from .templates import page_environment, render
from .translated import Showing

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
    #: The changes that only reword a text, folded after ``notes``.
    reworded: tuple[LinkedNote, ...] = ()
    #: The day it took (or takes) effect, when not the day it was published.
    effective: str | None = None
    #: Links to the statement as this release published it, and to what changed from the
    #: version before (none without :class:`VersionLinks`).
    read: str | None = None
    compare: str | None = None
    #: "(in English)" after a link to a version whose release kept no translation of the
    #: statement into this page's language.
    read_in: str | None = None
    compare_in: str | None = None
    #: What changed from this version to the statement's newest, and its "(in English)".
    compare_latest: str | None = None
    compare_latest_in: str | None = None
    #: A release recorded before releases kept their records (format 1): no page of it.
    unarchived: bool = False
    #: The days the release was recorded again (``snapshot --force``), as the page writes dates.
    re_recorded: str | None = None


def in_language(said: Messages, language: str | None) -> str | None:
    """What follows a link to a page in ``language`` (None: the reader's own), in the reader's
    language (``said``): "(in English)", "(en anglais)"."""
    if language is None:
        return None
    name = said.language_called(language)
    # TRANSLATORS: after a link to a page in another language: "Read this version (in
    # English)". The language's name is as this language writes it ("anglais", "Englisch").
    return said.gettext("(in %(language)s)", language=name)


@dataclass(frozen=True)
class VersionLinks:
    """Links from a page to a statement's versions: its archived pages and comparisons, which
    are in the page's own language, as the products' own pages (``pages_dir``)."""

    page: str
    pages_dir: str
    #: The release history: the version each product's own page shows
    #: (:attr:`History.on_product_pages`) is read there, and what changed from the version
    #: before is said by a version's entry in the change history.
    history: History = field(default_factory=History)
    #: Whether ``page`` is a product's own page, in any language.
    product_page: bool = False
    #: The language of ``page`` (a version's page in it shows the translations its release
    #: kept: a release that kept none of a statement shows it in English, which a link says).
    language: str = SOURCE_LANGUAGE
    #: The messages of ``page``'s language, in which a link says where it leads.
    messages: Messages = field(default=SOURCE_MESSAGES, compare=False, repr=False)

    def read(self, product_id: str, version: str) -> str:
        if self.history.on_product_page(product_id, version):
            return self.current(product_id)
        return relative_link(self.page, f"{self.pages_dir}/{product_id}/releases/{version}.md")

    def read_in(self, product_id: str, version: str) -> str | None:
        """ "(in English)", when the page :meth:`read` leads to shows the statement in English
        in another language's page: its release kept no translation into it."""
        if self.history.on_product_page(product_id, version):
            return None
        if not self.translated(product_id, version):
            return in_language(self.messages, SOURCE_LANGUAGE)
        return None

    def translated(self, product_id: str, version: str) -> bool:
        """Whether the version's page shows the statement in ``language``: the records' own,
        or one its release kept translations into."""
        if self.language == SOURCE_LANGUAGE:
            return True
        release = next(
            (r for r in self.history.product_releases(product_id) if r.version == version), None
        )
        return release is None or release.translates(product_id, self.language)

    def compare_in(self, product_id: str, old: str, new: str) -> str | None:
        """The same, for :meth:`compare` (a comparison's page says what changed in the page's
        language, whatever the versions' texts are in)."""
        if self.history.entry_compares(product_id, old, new):
            return self.read_in(product_id, new)
        return None

    def shown_here(self, product_id: str, version: str) -> bool:
        """Whether this page is the product's own, showing that version."""
        return self.product_page and self.history.on_product_page(product_id, version)

    def compare(self, product_id: str, old: str, new: str) -> str:
        if self.history.entry_compares(product_id, old, new):  # the entry of ``new``
            return f"{self.read(product_id, new)}#{release_anchor(new)}"
        return relative_link(self.page, f"{self.pages_dir}/{product_id}/compare/{old}...{new}.md")

    def entry(self, product_id: str, release: Release, current: bool) -> str | None:
        """A release's entry in the change history: on its version's page, which lists it
        first (the product's page while that shows it); a release without a page of it, on
        the product's page, if the statement has one today (``current``)."""
        if release.archived and product_id in release.snapshot.products:
            return f"{self.read(product_id, release.version)}#{release.anchor}"
        return f"{self.current(product_id)}#{release.anchor}" if current else None

    def current(self, product_id: str) -> str:
        """The product's own page, in ``page``'s language."""
        return relative_link(self.page, f"{self.pages_dir}/{product_id}.md")


@dataclass(frozen=True)
class ProductChanges:
    """What one release did to one statement, on the "What changed" page."""

    id: str
    name: str
    link: str | None
    first: bool
    notes: tuple[LinkedNote, ...]
    #: The changes that only reword a text, folded after ``notes``.
    reworded: tuple[LinkedNote, ...] = ()
    #: What changed in the statement from its version before, side by side.
    compare: str | None = None
    #: "(in English)" after ``link`` or ``compare``, when it leads to a version shown in English.
    link_in: str | None = None
    compare_in: str | None = None


@dataclass(frozen=True)
class ReleaseSummary:
    version: str
    date: str
    anchor: str
    initial: bool
    products: tuple[ProductChanges, ...]
    shared: tuple[LinkedNote, ...]
    #: When it takes effect (unless the day it was published), and the days it was recorded
    #: again, as the page writes dates.
    effective: str | None = None
    re_recorded: str | None = None


def _days(said: Messages, release: Release) -> str | None:
    """The days a release was recorded again, as a list for a sentence (none: never)."""
    days = release.snapshot.re_recorded
    return ", ".join(said.format_date(day) for day in days) if days else None


def _item_anchors(product: Product) -> set[str]:
    anchors = {item.anchor for item in product.items}
    if product.never_collected is not None:
        anchors.update(item.anchor for item in product.never_collected.items)
    return anchors


def _linked(
    notes: Iterable[ChangeNote], anchors: set[str], page: str = ""
) -> tuple[LinkedNote, ...]:
    """Link each note to its item, only when the item is still on the current page."""
    return tuple(
        LinkedNote(MarkedNote.of(note), f"{page}#{note.anchor}" if note.anchor in anchors else None)
        for note in notes
    )


def product_history(
    history: History,
    product: Product,
    said: Messages,
    showing: Showing,
    links: VersionLinks | None = None,
    limit: int | None = None,
) -> list[HistoryEntry]:
    """The releases that published or changed a statement, newest first (at most ``limit``),
    in ``said``'s language with the records' texts as ``showing`` shows them; with ``links``,
    each with its version's page and its comparisons."""
    anchors = _item_anchors(product)
    entries = []
    latest = history.latest_version(product.id)
    for release in history.product_releases(product.id)[:limit]:
        before = history.version_before(release, product.id)
        effective = release.effective if release.effective != release.date else None
        notes = release.notes(product.id, said, showing.in_page_words)
        read = bool(
            links and release.archived and not links.shown_here(product.id, release.version)
        )
        compare = bool(
            before and not history.entry_compares(product.id, before.version, release.version)
        )
        # Each version against the newest: with the one before, the pairs the site compares.
        older = links is not None and latest is not None and release.version != latest
        older = older and product.id in release.snapshot.products
        entries.append(
            HistoryEntry(
                compare_latest=links.compare(product.id, release.version, latest)
                if links and latest and older
                else None,
                compare_latest_in=links.compare_in(product.id, release.version, latest)
                if links and latest and older
                else None,
                version=release.version,
                date=said.format_date(release.date),
                anchor=release.anchor,
                first=release.first_published(product.id),
                notes=_linked(notes.changed, anchors),
                reworded=_linked(notes.reworded, set()),
                effective=said.format_date(effective) if effective else None,
                read=links.read(product.id, release.version) if links and read else None,
                read_in=links.read_in(product.id, release.version) if links and read else None,
                compare=links.compare(product.id, before.version, release.version)
                if links and before and compare
                else None,
                compare_in=links.compare_in(product.id, before.version, release.version)
                if links and before and compare
                else None,
                unarchived=links is not None and not release.archived,
                re_recorded=_days(said, release),
            )
        )
    return entries


def product_context(
    history: History | None,
    product: Product,
    settings: Settings,
    today: dt.date | None,
    showing: Showing,
    links: VersionLinks | None = None,
    limit: int | None = None,
    current: bool = True,
) -> dict[str, Any]:
    """What the product template needs to show the change history and the "Updated" marks;
    with ``limit``, its newest releases and a link to the entry of the one before them
    (``current``: whether the statement has a page today)."""
    said = settings.messages
    entries = product_history(history, product, said, showing, links, limit) if history else []
    earlier = None
    if history and links and limit is not None:
        releases = history.product_releases(product.id)
        if len(releases) > limit:
            earlier = links.entry(product.id, releases[limit], current)
    marks: dict[str, UpdatedMark] = {}
    if history and today is not None:
        days = settings.history.updated_marks_days
        marks = history.updated_marks(product.id, today, days, messages=said)
    return {
        "change_history": entries,
        "earlier_releases": earlier,
        "has_recorded_changes": earlier is not None
        or any(entry.notes or entry.reworded for entry in entries),
        "no_changes_statement": empty_section_wording(
            said, product, SECTION_ID, settings.empty_sections
        ),
        "updated_marks": marks,
    }


def _release_summary(
    release: Release, dataset: Dataset, settings: Settings, history: History, showing: Showing
) -> ReleaseSummary:
    page = changes_page_path(settings)
    said = settings.messages
    versions = VersionLinks(
        page, settings.pages_dir, history, language=settings.language, messages=said
    )
    products = []
    names = release.product_names
    for product_id in release.products:
        current = dataset.products.get(product_id)
        target = posixpath.relpath(f"{settings.pages_dir}/{product_id}.md", posixpath.dirname(page))
        name = names.get(product_id) or release.changes.name_of(product_id)
        notes = release.notes(product_id, said, showing.in_page_words)
        before = history.version_before(release, product_id)
        link = f"{target}#{release.anchor}" if current is not None else None
        link_in = None
        if current is None:  # a statement the content no longer has: its version, if kept
            kept = release if product_id in release.snapshot.products else before
            if kept is not None and kept.archived and product_id in kept.snapshot.products:
                link = versions.read(product_id, kept.version)
                link_in = versions.read_in(product_id, kept.version)
        compared = (
            before is not None
            and current is not None
            and not history.entry_compares(product_id, before.version, release.version)
        )
        products.append(
            ProductChanges(
                compare=versions.compare(product_id, before.version, release.version)
                if before is not None and compared
                else None,
                compare_in=versions.compare_in(product_id, before.version, release.version)
                if before is not None and compared
                else None,
                link_in=link_in,
                id=product_id,
                name=name,
                link=link,
                first=release.first_published(product_id),
                notes=_linked(notes.changed, _item_anchors(current), target)
                if current
                else _linked(notes.changed, set()),
                reworded=_linked(notes.reworded, set()),
            )
        )
    return ReleaseSummary(
        version=release.version,
        date=said.format_date(release.date),
        anchor=release.anchor,
        initial=release.initial,
        products=tuple(products),
        shared=_linked(release.shared_notes, set()),
        effective=said.format_date(release.effective)
        if release.effective != release.date
        else None,
        re_recorded=_days(said, release),
    )


def render_changes_page(
    history: History, dataset: Dataset, settings: Settings, showing: Showing
) -> str:
    """The Markdown of the "What changed" page: every release, newest first (the records'
    texts as ``showing`` shows them)."""
    page = changes_page_path(settings)
    return render(
        "changes.md.j2",
        page_environment(settings.templates_dir, settings.messages, showing),
        releases=[
            _release_summary(r, dataset, settings, history, showing) for r in history.newest_first
        ],
        feed_link=posixpath.relpath(feed_path(settings), posixpath.dirname(page)),
    )
