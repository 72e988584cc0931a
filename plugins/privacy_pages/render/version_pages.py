"""Every published version of each statement, and what changed between them.

For each product, a page per release that published or changed it
(``privacy/<id>/releases/<version>/``), rendered with today's templates from the records that
release kept (see :mod:`privacy_pages.history.archive`), and a page
(``privacy/<id>/compare/<old>...<new>/``) that says, by meaning, what changed from each version
to the newest (from one version to the next, the newer one's entry in the change history
says). The pages grow with the releases, not with their pairs: between any other two versions,
the entries of the releases between them say what changed (and ``privacy-pages diff`` compares
any two releases' snapshots).

The build's date (``history.today``, else :func:`~privacy_pages.history.releases.build_date`)
decides which version is in effect: a release recorded with a later effective date is
announced on the product's page, whose content stays that of the version in effect until the
day comes. Each language's pages have the versions' pages too: a version's statement in the
translations its release kept (its English text, marked as such, where it kept none).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from functools import partial
from pathlib import Path

from ..history.archive import Archive
from ..history.changes import Kind, Subject, compare_versions
from ..history.notes import reader_notes
from ..history.releases import History, Release
from ..messages import SOURCE_LANGUAGE
from ..model import Dataset, Product
from ..settings import Settings
from .change_notes import MarkedNote
from .generated import GeneratedPage, PlannedPage
from .history_pages import SECTION_ID, LinkedNote, VersionLinks, in_language
from .paths import product_page_path, relative_url, release_page_path, versions_page_path
from .product_page import Announcement, ArchiveNotice, VersionPage, render_product
from .reuse import PageReuse
from .templates import page_environment, render
from .translated import NOTHING_SHOWN, Showing, Views

#: The releases a version's page lists in its change history, the newest; a link leads to the
#: entry of the one before, on its own version's page. All of them would make the versions'
#: pages grow with the square of the releases.
VERSION_HISTORY_ENTRIES = 10


def _versions(history: History, product_id: str) -> list[Release]:
    """A statement's versions, oldest first (not the release that removed it)."""
    return [
        release
        for release in reversed(history.product_releases(product_id))
        if product_id in release.snapshot.products
    ]


def _page_versions(history: History, product_id: str) -> list[Release]:
    """The versions of a statement with a page of their own: those kept whole (format 2), but
    the one its product's page shows (see :mod:`~privacy_pages.history.current_versions`)."""
    return [
        release
        for release in _versions(history, product_id)
        if release.archived and not history.on_product_page(product_id, release.version)
    ]


def _statements(dataset: Dataset, history: History) -> dict[str, str]:
    """Every statement with versions, by id, with its name: today's, and those the content no
    longer has (their versions stay readable), under the name of their last release."""
    names = {pid: product.name for pid, product in dataset.products.items()}
    for release in history.releases:
        for pid in release.snapshot.products:
            if pid not in dataset.products:
                names[pid] = release.product_names.get(pid, pid)
    return dict(sorted(names.items()))


def _compared_pairs(history: History, product_id: str) -> list[tuple[Release, Release]]:
    """The pairs of versions with a comparison page: each version with the one after it and
    with the newest, but those the newer one's entry in the change history compares
    (:meth:`History.entry_compares`). Not every pair: their pages would grow with the square
    of the releases; the change history says what each release changed between any two."""
    versions = _versions(history, product_id)
    pairs = list(itertools.pairwise(versions))
    pairs += [(old, versions[-1]) for old in versions[:-2]]
    return [
        (old, new)
        for old, new in pairs
        if not history.entry_compares(product_id, old.version, new.version)
    ]


def plan_version_pages(
    dataset: Dataset, settings: Settings, history: History | None
) -> list[PlannedPage]:
    """The version and comparison pages of each current product, without rendering them."""
    if not history:
        return []
    plan: list[PlannedPage] = []
    for product_id, name in _statements(dataset, history).items():
        for release in _page_versions(history, product_id):
            plan.append(
                PlannedPage(
                    release_page_path(settings, product_id, release.version),
                    f"{name} ({release.version})",
                    _snapshot_file(settings, release),
                    listed=False,
                )
            )
        for old, new in _compared_pairs(history, product_id):
            plan.append(
                PlannedPage(
                    versions_page_path(settings, product_id, old.version, new.version),
                    f"{name} ({old.version}...{new.version})",
                    _snapshot_file(settings, new),
                    listed=False,
                )
            )
    return plan


def _snapshot_file(settings: Settings, release: Release) -> Path:
    return settings.content_dir / "history" / f"{release.version}.json"


def current_version(
    product: Product,
    dataset: Dataset,
    settings: Settings,
    history: History | None,
    archive: Archive | None,
    today: dt.date,
) -> tuple[Product, Dataset, VersionPage | None]:
    """What the product's own page shows on ``today``: the version in effect (the content's,
    unless a release recorded ahead of its effective date changes it later), with those
    coming announced."""
    if not history:
        return product, dataset, None
    page = product_page_path(settings, product.id)
    upcoming = history.upcoming(product.id, today)
    if not upcoming:
        return product, dataset, VersionPage(settings.pages_dir)
    announcements = []
    for release in upcoming:
        before = history.version_before(release, product.id)
        read = release_page_path(settings, product.id, release.version)
        compare = (
            versions_page_path(settings, product.id, before.version, release.version)
            if before
            else None
        )
        announcements.append(
            Announcement(
                release.version,
                release.effective,
                relative_url(page, read, settings) if release.archived else None,
                relative_url(page, compare, settings) if compare else None,
                read_language=None
                if settings.language == SOURCE_LANGUAGE
                or release.translates(product.id, settings.language)
                else in_language(settings.messages, SOURCE_LANGUAGE),
            )
        )
    in_effect = history.in_effect(product.id, today)
    shown = archive.product(in_effect, product.id) if archive and in_effect else None
    coming = tuple(announcements)
    if shown is None:  # nothing in effect yet (or a release without records): the content's
        notice = None
        if in_effect is None:  # first published later: the page says when, once
            first = upcoming[0]
            notice = ArchiveNotice(first.version, "upcoming", first.effective, None, "")
            coming = coming[1:]
        content = VersionPage(settings.pages_dir, notice=notice, announcements=coming)
        return product, dataset, content
    version_dataset, version_product = shown
    translation = None
    view = archive.language(in_effect, settings.language) if archive and in_effect else None
    if settings.language != SOURCE_LANGUAGE and view is not None:
        # In another language: the statement in the translations the release kept.
        translated = view.dataset.products.get(product.id)
        if translated is not None:
            translation = (view, version_dataset)
            version_dataset, version_product = view.dataset, translated
    version = VersionPage(settings.pages_dir, announcements=coming, translation=translation)
    return version_product, version_dataset, version


def render_version_pages(
    dataset: Dataset,
    settings: Settings,
    history: History | None,
    archive: Archive | None,
    today: dt.date,
    done: Callable[[GeneratedPage], GeneratedPage],
    reuse: PageReuse | None = None,
    showing: Showing = NOTHING_SHOWN,
) -> list[GeneratedPage]:
    """The pages of :func:`plan_version_pages`, in its order, in the language of ``settings``
    with the records' texts as ``showing`` shows them (a version's page in another language
    than the records': as its release kept them). With ``reuse`` (``mkdocs serve``), a page
    is the last build's while what every page is made from is (the release history and the
    build's date among it; see :class:`~.reuse.PageReuse`): a version's page is made from its
    release alone, a comparison also from the product's current name."""
    if not history or archive is None:
        return []
    pages: list[GeneratedPage] = []
    views = Views()  # (each release's view in the language, once)

    def page(key: str, fingerprint: str, make: Callable[[], GeneratedPage]) -> GeneratedPage:
        if reuse is None:
            return done(make())
        return reuse.page(key, fingerprint, lambda: (done(make()), True))

    for product_id, name in _statements(dataset, history).items():
        for release in _page_versions(history, product_id):
            pages.append(
                page(
                    f"version:{product_id}:{release.version}",
                    name,
                    partial(
                        _release_page,
                        release,
                        product_id,
                        dataset,
                        settings,
                        history,
                        archive,
                        today,
                        showing,
                        views,
                    ),
                )
            )
        for old, new in _compared_pairs(history, product_id):
            pages.append(
                page(
                    f"versions:{product_id}:{old.version}...{new.version}",
                    name,
                    partial(
                        _comparison_page,
                        old,
                        new,
                        product_id,
                        name,
                        dataset,
                        settings,
                        history,
                        showing,
                    ),
                )
            )
    return pages


def _release_page(
    release: Release,
    product_id: str,
    dataset: Dataset,
    settings: Settings,
    history: History,
    archive: Archive,
    today: dt.date,
    showing: Showing,
    views: Views,
) -> GeneratedPage:
    """The page of a statement as a release published it (or, if its records lack the
    statement, a page that says so)."""
    shown = archive.product(release, product_id)
    if shown is None:  # planned: its records lack the statement (edited out)
        return _missing_page(release, product_id, shown_name(release, product_id), settings)
    current = product_id in dataset.products
    view = archive.language(release, settings.language)
    if settings.language == SOURCE_LANGUAGE or view is None:
        return _version_page(release, product_id, shown, settings, history, today, current, showing)
    # In another language: the statement in the translations the release kept, the English
    # text where it kept none (marked as English, as on the current pages).
    english = shown[0]
    translated = view.dataset.products.get(product_id)
    if translated is not None:
        shown = (view.dataset, translated)
    kept = views(view, english)
    return _version_page(release, product_id, shown, settings, history, today, current, kept)


def shown_name(release: Release, product_id: str) -> str:
    return release.product_names.get(product_id, product_id)


def _version_page(
    release: Release,
    product_id: str,
    shown: tuple[Dataset, Product],
    settings: Settings,
    history: History,
    today: dt.date,
    current: bool,
    showing: Showing,
) -> GeneratedPage:
    """``current``: whether the statement has a page today (else its versions are all that
    is left of it, and the notice links nowhere); ``showing``: the texts the page shows in
    place of translations."""
    version_dataset, product = shown
    path = release_page_path(settings, product_id, release.version)
    after = history.version_after(release, product_id)
    if release.effective > today:
        state = "upcoming"
    elif after is not None and after.effective <= today:
        state = "past"
    else:
        state = "current"
    notice = ArchiveNotice(
        release.version,
        state,
        release.effective,
        after.effective if state == "past" and after else None,
        relative_url(path, product_page_path(settings, product_id), settings) if current else "",
    )
    # Its change history stops at it (the releases are in their order: 1.10.0 after 1.9.0).
    until = history.until(release)
    return render_product(
        product,
        version_dataset,
        settings,
        until,
        None,
        version=VersionPage(
            settings.pages_dir,
            path=path,
            notice=notice,
            source=_snapshot_file(settings, release),
            history_limit=VERSION_HISTORY_ENTRIES,
            current=current,
        ),
        showing=showing,
    )


def _missing_page(
    release: Release, product_id: str, name: str, settings: Settings
) -> GeneratedPage:
    """A release whose records lack a statement it changed: the page says so."""
    path = release_page_path(settings, product_id, release.version)
    text = settings.messages.gettext(
        "Release %(version)s changed %(product)s, but its records do not hold this version, "
        "so it cannot be shown.",
        version=release.version,
        product=name,
    )
    markdown = f"---\nsearch:\n  exclude: true\n---\n\n# {name} ({release.version})\n\n{text}\n"
    return GeneratedPage(path, markdown, f"{name} ({release.version})", listed=False)


def _comparison_page(
    old: Release,
    new: Release,
    product_id: str,
    name: str,
    dataset: Dataset,
    settings: Settings,
    history: History,
    showing: Showing,
) -> GeneratedPage:
    path = versions_page_path(settings, product_id, old.version, new.version)
    said = settings.messages
    if history.version_before(new, product_id) is old:
        # Versions one after the other: what the history found between them (the product's
        # state was the same in the releases between, but for metadata, left out here).
        changes = new.changes
    else:
        changes = compare_versions(product_id, old.snapshot.state, new.snapshot.state)
    seen = [
        c
        for c in changes.for_product(product_id)
        if c.subject is not Subject.METADATA
        and (c.subject, c.kind) != (Subject.PRODUCT, Kind.ADDED)
    ]
    found = reader_notes(seen, changes.in_words(showing.in_page_words, said))
    notes = tuple(LinkedNote(MarkedNote.of(note)) for note in found.changed)
    reworded = tuple(LinkedNote(MarkedNote.of(note)) for note in found.reworded)
    links = VersionLinks(
        path, settings.pages_dir, history, language=settings.language, messages=said
    )
    # Other pairs: the change history, where each version links its comparisons (one link,
    # not one per pair: a list of every pair on every comparison grew with the cube).
    if product_id in dataset.products:
        changes_link: str | None = f"{links.current(product_id)}#{SECTION_ID}"
    else:  # only its versions are left: the newest one's change history
        newest = _versions(history, product_id)[-1]
        read = links.read(product_id, newest.version) if newest.archived else None
        changes_link = f"{read}#{SECTION_ID}" if read else None
    markdown = "---\nsearch:\n  exclude: true\n---\n\n" + render(
        "compare-versions.md.j2",
        page_environment(settings.templates_dir, said, showing),
        name=name,
        old=old,
        new=new,
        notes=notes,
        reworded=reworded,
        read_old=links.read(product_id, old.version) if old.archived else None,
        read_new=links.read(product_id, new.version) if new.archived else None,
        # "(in English)": a version whose release kept no translation into the page's language
        read_old_in=links.read_in(product_id, old.version) if old.archived else None,
        read_new_in=links.read_in(product_id, new.version) if new.archived else None,
        current=links.current(product_id) if product_id in dataset.products else None,
        change_history=changes_link,
    )
    title = f"{name} ({old.version}...{new.version})"
    return GeneratedPage(path, markdown, title, _snapshot_file(settings, new), listed=False)


__all__ = [
    "current_version",
    "plan_version_pages",
    "render_version_pages",
]
