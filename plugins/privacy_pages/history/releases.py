"""The release history: snapshots in order, what changed in each release, and recent updates.

A release is one snapshot in ``content/history/``. Its changes are the semantic differences
from the release before it (:func:`privacy_pages.history.changes.compare`); the first release has none,
it only records which statements were first published. "Today" is always a parameter, so that
builds and tests decide which items count as recently updated; :func:`build_date` is the one
place that reads the clock.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Diagnostics, Location, Severity
from ..load.discovery import record_kind
from ..messages import SOURCE_MESSAGES, Messages
from .changes import Change, ChangeSet, Kind, Subject, compare
from .notes import ChangeNote, ReaderNotes, describe_all, reader_notes
from .snapshot import Snapshot, load_snapshots

#: How long an item stays marked "Updated in ..." after a release, unless the site says otherwise.
DEFAULT_UPDATED_DAYS = 90


@dataclass(frozen=True)
class HistoryOptions:
    """The site's ``history`` options."""

    #: How many days after a release its changed items stay marked (0 turns marks off).
    updated_marks_days: int = DEFAULT_UPDATED_DAYS
    #: The date marks are judged against; ``None`` means the build date (:func:`build_date`).
    today: dt.date | None = None


class HistoryOptionsError(ValueError):
    """A problem in the ``history`` options."""


def history_options(options: Mapping[str, Any] | None) -> HistoryOptions:
    """Read ``history: {updated_marks_days: 90, today: 2026-11-21}`` from a site's options."""
    options = options or {}
    unknown = sorted(set(options) - {"updated_marks_days", "today"})
    if unknown:
        raise HistoryOptionsError(
            f"unknown history option(s): {', '.join(unknown)} (expected updated_marks_days, today)"
        )
    days = options.get("updated_marks_days", DEFAULT_UPDATED_DAYS)
    if not isinstance(days, int) or isinstance(days, bool) or days < 0:
        raise HistoryOptionsError(
            f"history.updated_marks_days: expected a whole number of days (0 or more), found {days!r}"
        )
    today = options.get("today")
    if today is not None and not isinstance(today, dt.date):
        text = str(today).strip()
        try:
            today = dt.date.fromisoformat(text)
        except ValueError as exc:
            raise HistoryOptionsError(
                f"history.today: expected a date as YYYY-MM-DD, found {text!r}"
            ) from exc
    if isinstance(today, dt.datetime):
        today = today.date()
    return HistoryOptions(updated_marks_days=days, today=today)


def release_anchor(version: str) -> str:
    """The HTML id of a release on a product page: ``1.0.0`` → ``release-1-0-0``."""
    slug = re.sub(r"[^a-z0-9]+", "-", version.lower()).strip("-")
    return f"release-{slug or 'unnamed'}"


@dataclass(frozen=True)
class Release:
    """One snapshot, with the changes since the release before it."""

    snapshot: Snapshot
    previous: Snapshot | None
    changes: ChangeSet = field(default_factory=ChangeSet)

    @property
    def version(self) -> str:
        return self.snapshot.version

    @property
    def date(self) -> dt.date:
        return self.snapshot.date

    @property
    def effective(self) -> dt.date:
        """The day the release takes effect (its date, unless it was recorded ahead)."""
        return self.snapshot.effective_date

    @property
    def archived(self) -> bool:
        """Whether the release keeps its records, from which its pages are rendered (format 2
        snapshots; a format 1 snapshot kept only what they meant)."""
        return self.snapshot.records is not None

    @property
    def anchor(self) -> str:
        return release_anchor(self.version)

    @property
    def initial(self) -> bool:
        """The first release: every statement in it is first published, nothing changed."""
        return self.previous is None

    @property
    def product_names(self) -> dict[str, str]:
        return {
            pid: str(product.get("name", pid))
            for pid, product in sorted(self.snapshot.products.items())
        }

    def translates(self, product_id: str, language: str) -> bool:
        """Whether the release kept translations of the statement into ``language`` (its
        version's page in that language shows them; else the statement's English text)."""
        kept = self.snapshot.translated(language)
        return any(
            record_kind(Path(path)) == "product" and data.get("id") == product_id
            for path, data in (self.snapshot.records or {}).items()
            if path in kept and isinstance(data, dict)
        )

    def first_published(self, product_id: str) -> bool:
        if self.initial:
            return product_id in self.snapshot.products
        return any(
            (c.subject, c.kind) == (Subject.PRODUCT, Kind.ADDED)
            for c in self.changes.for_product(product_id)
        )

    def reader_changes(self, product_id: str) -> list[Change]:
        """The changes to one statement that its readers see: all but front-matter metadata
        (``ms.prod removed`` says nothing to a reader; ``privacy-pages diff`` still shows it)."""
        return [
            c for c in self.changes.for_product(product_id) if c.subject is not Subject.METADATA
        ]

    @property
    def products(self) -> list[str]:
        """The statements this release published or changed for readers, in order."""
        if self.initial:
            return sorted(self.snapshot.products)
        return [pid for pid in self.changes.products if self.reader_changes(pid)]

    def touches(self, product_id: str) -> bool:
        """Whether this release published or changed a statement (for its readers)."""
        if self.initial:
            return product_id in self.snapshot.products
        return bool(self.reader_changes(product_id))

    def notes(
        self, product_id: str, messages: Messages, said: Callable[[str], str] = str
    ) -> ReaderNotes:
        """What changed in one statement, in words, for its readers, what matters first
        (nothing for its first publication, nothing about metadata), in ``messages``'
        language; ``said``: a name from the records as the page says it (see
        :meth:`ChangeSet.in_words`)."""
        changes = [
            c
            for c in self.reader_changes(product_id)
            if (c.subject, c.kind) != (Subject.PRODUCT, Kind.ADDED)
        ]
        return reader_notes(changes, self.changes.in_words(said, messages))

    @property
    def shared_notes(self) -> list[ChangeNote]:
        return describe_all(self.changes.shared, self.changes)


@dataclass(frozen=True)
class UpdatedMark:
    """The badge on an item that changed recently: ``Updated in 2026-11``."""

    label: str
    #: The release's anchor in the page's change history.
    anchor: str
    version: str


@dataclass(frozen=True)
class History:
    """Every release, oldest first."""

    releases: tuple[Release, ...] = ()
    #: Product id → the version of its statement that the product's own page shows: the one
    #: in effect, unchanged in the content since its release. That version's address leads to
    #: the product's page rather than repeat it (see :mod:`.current_versions`).
    on_product_pages: Mapping[str, str] = field(default_factory=dict)
    #: The whole history, when this one is cut at a release (:meth:`until`): a version's page
    #: still links the comparison with the newest version, as the whole history makes it.
    whole: History | None = field(default=None, compare=False, repr=False)

    def __bool__(self) -> bool:
        return bool(self.releases)

    @property
    def newest_first(self) -> tuple[Release, ...]:
        return tuple(reversed(self.releases))

    @property
    def latest(self) -> Release | None:
        return self.releases[-1] if self.releases else None

    @cached_property
    def _by_product(self) -> Mapping[str, tuple[Release, ...]]:
        result: dict[str, list[Release]] = {}
        for release in self.newest_first:
            for product_id in release.products:
                result.setdefault(product_id, []).append(release)
        return {pid: tuple(releases) for pid, releases in result.items()}

    def product_releases(self, product_id: str) -> tuple[Release, ...]:
        """The releases that published or changed a statement, newest first."""
        return self._by_product.get(product_id, ())

    def on_product_page(self, product_id: str, version: str) -> bool:
        """Whether the product's own page shows this version of its statement."""
        return self.on_product_pages.get(product_id) == version

    def entry_compares(self, product_id: str, old: str, new: str) -> bool:
        """Whether the change-history entry of release ``new`` says what changed in a statement
        from version ``old``: the version just before it, ``new`` kept whole. Those two
        versions have no comparison page of their own."""
        if self.whole is not None:  # a later ``new`` is not in a history cut before it
            return self.whole.entry_compares(product_id, old, new)
        versions = self.product_releases(product_id)  # newest first
        for index, release in enumerate(versions):
            if release.version == new:
                before = versions[index + 1] if index + 1 < len(versions) else None
                held = release.archived and product_id in release.snapshot.products
                return held and before is not None and before.version == old
        return False

    def latest_version(self, product_id: str) -> str | None:
        """The newest version of a statement (not the release that removed it)."""
        if self.whole is not None:
            return self.whole.latest_version(product_id)
        return next(
            (
                r.version
                for r in self.product_releases(product_id)
                if product_id in r.snapshot.products
            ),
            None,
        )

    def until(self, release: Release) -> History:
        """The history as it stood at ``release``: it and the releases before it (which
        versions are compared, and which is the newest, stay the whole history's)."""
        index = self.releases.index(release)
        return History(self.releases[: index + 1], self.on_product_pages, self.whole or self)

    def in_effect(self, product_id: str, today: dt.date) -> Release | None:
        """The release whose version of a statement is in effect on ``today``: the newest of
        those that published or changed it and took effect by then."""
        return next((r for r in self.product_releases(product_id) if r.effective <= today), None)

    def upcoming(self, product_id: str, today: dt.date) -> tuple[Release, ...]:
        """The releases that change a statement after ``today``, soonest first."""
        later = [r for r in self.product_releases(product_id) if r.effective > today]
        return tuple(sorted(later, key=lambda r: (r.effective, r.date)))

    def version_before(self, release: Release, product_id: str) -> Release | None:
        """The release with the version of a statement that ``release`` replaced."""
        versions = self.product_releases(product_id)
        if release not in versions:
            return None
        index = versions.index(release)
        return versions[index + 1] if index + 1 < len(versions) else None

    def version_after(self, release: Release, product_id: str) -> Release | None:
        """The release that replaced ``release``'s version of a statement, if any."""
        versions = self.product_releases(product_id)
        if release not in versions:
            return None
        index = versions.index(release)
        return versions[index - 1] if index > 0 else None

    def updated_marks(
        self,
        product_id: str,
        today: dt.date,
        days: int = DEFAULT_UPDATED_DAYS,
        messages: Messages = SOURCE_MESSAGES,
    ) -> dict[str, UpdatedMark]:
        """Item anchor → mark, for items added or changed within ``days`` before ``today``, its
        label in ``messages``' language.

        The first release marks nothing (every item in it is new). When an item changed in
        several recent releases, the newest one wins.
        """
        marks: dict[str, UpdatedMark] = {}
        if days <= 0:
            return marks
        since = today - dt.timedelta(days=days)
        for release in self.product_releases(product_id):
            if release.initial or not since <= release.effective <= today:
                continue
            month = release.effective.strftime("%Y-%m")
            for change in release.changes.for_product(product_id):
                if change.subject is not Subject.ITEM or change.key in marks:
                    continue
                if change.kind is Kind.CHANGED:
                    # TRANSLATORS: %(month)s is a year and month as digits: 2026-11.
                    label = messages.gettext("Updated in %(month)s", month=month)
                    marks[change.key] = UpdatedMark(label, release.anchor, release.version)
                elif change.kind is Kind.ADDED:
                    label = messages.gettext("New in %(month)s", month=month)
                    marks[change.key] = UpdatedMark(label, release.anchor, release.version)
        return marks


def build_history(snapshots: list[Snapshot], problems: Diagnostics | None = None) -> History:
    """Releases from snapshots, oldest first (see :func:`privacy_pages.history.snapshot.load_snapshots`).
    With ``problems``, a snapshot whose content cannot be compared with the one before (a file
    edited by hand into something no release holds) is left out with an error at its file."""
    releases = []
    previous: Snapshot | None = None
    for snapshot in snapshots:
        try:
            changes = compare(previous.state, snapshot.state) if previous else ChangeSet()
            if previous is None and len(snapshots) == 1:  # else read with the next one
                compare(snapshot.state, snapshot.state)
        except (TypeError, KeyError, AttributeError, ValueError, RecursionError) as exc:
            if problems is None:
                raise
            problems.error(
                Location(snapshot.source or snapshot.version),
                f"expected a release snapshot, found content this version cannot read "
                f"({type(exc).__name__}: {exc}); record the release again with "
                "'privacy-pages snapshot --force', or restore the file",
                rule="snapshot",
            )
            continue
        releases.append(Release(snapshot, previous, changes))
        previous = snapshot
    return History(tuple(releases))


def load_history(content_dir: Path, today: dt.date | None = None) -> tuple[History, Diagnostics]:
    """The release history of a content folder (``content/history/*.json``). With ``today``
    (see :func:`latest_today`), a release dated after it is left out, with a warning."""
    snapshots, problems = load_snapshots(content_dir)
    if today is not None:
        snapshots = _recorded_by(snapshots, today, problems)
    return build_history(snapshots, problems), problems


def _recorded_by(
    snapshots: list[Snapshot], today: dt.date, problems: Diagnostics
) -> list[Snapshot]:
    """The releases that can have been recorded by ``today``. One dated later would be
    "upcoming" to every build until then, and a statement with an upcoming release shows on
    its own page the version in effect, from a release's records: a file dated in the future
    would choose what the current page says. A release is recorded ahead with ``--effective``,
    never with a later ``--date``."""
    kept = []
    for snapshot in snapshots:
        if snapshot.date <= today:
            kept.append(snapshot)
            continue
        problems.add(
            Diagnostic(
                Location(snapshot.source or snapshot.version),
                f"release {snapshot.version} is dated {snapshot.date.isoformat()}, after today "
                f"({today.isoformat()}): no release can have been recorded yet on that day, so it "
                "is left out of the history. Record a release that takes effect later with "
                "privacy-pages snapshot --date TODAY --effective DAY",
                "snapshot",
                Severity.WARNING,
            )
        )
    return kept


def latest_today(environ: Mapping[str, str] | None = None) -> dt.date:
    """The latest day it is where the build runs: the build date (UTC), or the machine's own
    day when it is later (a writer east of UTC records a release on their own day). Never a
    day the content says: a release dated after it cannot have been recorded yet."""
    built = build_date(environ)
    env = os.environ if environ is None else environ
    if env.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        return built
    return max(built, dt.date.today())


def build_date(environ: Mapping[str, str] | None = None) -> dt.date:
    """The date a build happens on: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else
    today's date in UTC. The only place that reads the clock."""
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.datetime.now(dt.UTC).date()
