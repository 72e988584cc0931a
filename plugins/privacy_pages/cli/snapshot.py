"""``privacy-pages snapshot``: record the content as a release in ``content/history/``."""

from __future__ import annotations

import argparse
import posixpath
import sys
from pathlib import Path
from typing import Any

from ..diagnostics import display_path
from ..history.changes import Kind, Subject, compare
from ..history.notes import describe_all, reader_notes
from ..history.releases import build_date, latest_today
from ..history.snapshot import (
    HISTORY_DIR,
    OutOfOrder,
    Snapshot,
    SnapshotError,
    check_not_recorded,
    check_release_order,
    load_snapshots,
    parse_date,
    release_order,
    snapshot_path,
    take_snapshot,
    write_snapshot,
)
from ..load.content import load_content
from ..load.discovery import record_kind
from ..load.translations import current_translations
from .common import CommandError, UsageError, add_site_arguments, print_diagnostic, site_settings
from .output_paths import folder_problem, refused


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "snapshot",
        help="record the content as a release snapshot in content/history/",
        description="Write a compact JSON snapshot of what every privacy statement says into "
        "content/history/VERSION.json. The site's change history, the What changed page and "
        "the Atom feed compare consecutive snapshots, in date order. An existing snapshot is "
        "never replaced unless --force is given, and a release that would not be the latest "
        "(dated before the latest release, or numbered lower than a recorded one) is refused "
        "unless --out-of-order is given. Exit code 0 on success, 1 on content errors, on "
        "errors in the recorded snapshots or on a release out of order, 2 on bad usage.",
    )
    parser.add_argument(
        "--version",
        required=True,
        metavar="VERSION",
        help="the release's version, also the file name (for example 1.2.0)",
    )
    parser.add_argument(
        "--date",
        required=True,
        metavar="YYYY-MM-DD",
        help="the release date (ISO format), today or earlier",
    )
    parser.add_argument(
        "--effective",
        metavar="YYYY-MM-DD",
        help="the day the release takes effect, on or after --date (default: --date). Until "
        "then, each statement it changes keeps its page as it was, which announces the new "
        "version and links to it",
    )
    parser.add_argument(
        "--out",
        type=Path,
        metavar="CONTENT_DIR",
        help="write into CONTENT_DIR/history/ instead of the content folder that was read "
        "(to record an older copy of the content in the current history)",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace an existing snapshot of this version"
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="show what the release would record, statement by statement, and write nothing",
    )
    parser.add_argument(
        "--out-of-order",
        action="store_true",
        help="record the release even though it is dated before the latest release or numbered "
        "lower than a recorded one (for example, to add an older release to the history); the "
        "history places it by its date",
    )
    add_site_arguments(parser)
    parser.set_defaults(run=run, usage_errors=(SnapshotError,))


def run(args: argparse.Namespace) -> int:
    if args.out is not None and refused("snapshot", folder_problem(args.out)):
        return 2
    settings = site_settings(args)
    date = parse_date(args.date)
    effective = parse_date(args.effective) if args.effective else None
    if date > latest_today():  # the history leaves such a release out (see load_history)
        raise SnapshotError(
            f"--date {date.isoformat()} is after today ({latest_today().isoformat()}): a release "
            "is dated the day it is recorded; to record one that takes effect later, pass --date "
            "with today's date and --effective with that day"
        )
    if not settings.content_dir.is_dir():
        raise UsageError(f"content folder not found: {settings.content_dir}")
    dataset, problems = load_content(settings.content_dir, settings.metadata)
    for problem in problems.sorted():
        print_diagnostic(problem, sys.stderr)
    if problems.errors:
        raise CommandError("fix the content errors above first")
    records = _by_content_path(dataset.records, settings.content_dir)
    # The translations current now, kept with the release: its version's page in each
    # language shows them (a stale one is not current, and is not kept).
    translations, translation_problems = current_translations(
        settings.content_dir, records, limits=settings.limits
    )
    if translation_problems.errors:
        for problem in translation_problems.sorted():
            print_diagnostic(problem, sys.stderr)
        raise CommandError("fix the translation errors above first")
    target: Path = args.out or settings.content_dir
    snapshot = take_snapshot(
        dataset, args.version, date, effective=effective, records=records, translations=translations
    )
    check_not_recorded(snapshot_path(target, snapshot.version), force=args.force)
    # A new release is checked against the recorded ones, so they must read; a broken snapshot
    # that --force replaces does not count.
    recorded, history_problems = load_snapshots(target)
    replaced = display_path(snapshot_path(target, snapshot.version)) if args.force else None
    broken = [p for p in history_problems.errors if p.location.path != replaced]
    for problem in broken:
        print_diagnostic(problem, sys.stderr)
    if broken:
        raise CommandError(
            f"fix the errors in {display_path(target / HISTORY_DIR)} above first (a new release "
            "is checked against the recorded ones)"
        )
    try:
        if not args.out_of_order:
            check_release_order(snapshot, recorded)
        print(recorded_report(snapshot, recorded))
        if args.dry_run:
            print(
                f"privacy-pages snapshot: dry run: {display_path(snapshot_path(target, snapshot.version))} "
                "not written",
                file=sys.stderr,
            )
            return 0
        path = write_snapshot(snapshot, target, force=args.force, recorded_on=build_date())
    except OutOfOrder as exc:  # content, not usage, although a SnapshotError
        raise CommandError(str(exc)) from exc
    count = len(dataset.products)
    takes_effect = f", in effect from {effective.isoformat()}" if effective else ""
    print(
        f"wrote {display_path(path)}: release {snapshot.version} ({date.isoformat()}{takes_effect}), "
        f"{count} statement{'s' if count != 1 else ''} (in {HISTORY_DIR}/)",
        file=sys.stderr,
    )
    return 0


def recorded_report(snapshot: Snapshot, recorded: list[Snapshot]) -> str:
    """What a release records, statement by statement: first recorded, unchanged, or its
    changes from the release before it in the words of its page's change history (what
    changed first, then what was only reworded; front-matter changes, which no reader sees,
    named last)."""
    before = [s for s in recorded if s.version != snapshot.version]
    before = [s for s in before if release_order(s) < release_order(snapshot)]
    previous = max(before, key=release_order, default=None)
    head = f"release {snapshot.version} ({snapshot.date.isoformat()})"
    if previous is None:
        lines = [f"{head}, the first recorded:"]
        first = sorted(_names(snapshot.state).values(), key=str.casefold)
        lines += [f"  {name}: first recorded" for name in first]
        return "\n".join(lines)
    changes = compare(previous.state, snapshot.state)
    lines = [f"{head}, compared with release {previous.version}:"]
    names = {**_names(previous.state), **_names(snapshot.state)}
    for product_id, name in sorted(names.items(), key=lambda pair: pair[1].casefold()):
        found = changes.for_product(product_id)
        if not found:
            lines.append(f"  {name}: unchanged")
            continue
        if any((c.subject, c.kind) == (Subject.PRODUCT, Kind.ADDED) for c in found):
            lines.append(f"  {name}: first recorded")
            continue
        if any((c.subject, c.kind) == (Subject.PRODUCT, Kind.REMOVED) for c in found):
            lines.append(f"  {name}: removed")
            continue
        said = reader_notes([c for c in found if c.subject is not Subject.METADATA], changes)
        lines.append(f"  {name}:")
        lines += [f"    - {note.text}" for note in said.changed]
        if said.reworded:
            count = len(said.reworded)
            lines.append(f"    - {count} text{'s' if count != 1 else ''} reworded:")
            lines += [f"        {note.text}" for note in said.reworded]
        front = [c.key for c in found if c.subject is Subject.METADATA]
        if front:
            lines.append(f"    - front matter (not shown to readers): {', '.join(front)}")
    lines += [f"  shared: {note.text}" for note in describe_all(changes.shared, changes)]
    return "\n".join(lines + _translations_report(snapshot))


def _translations_report(snapshot: Snapshot) -> list[str]:
    """For each language, how many statements the release keeps translations of (their
    version's page in that language shows them), and which it shows in English."""
    names = _names(snapshot.state)
    products = {
        path: data.get("id")
        for path, data in (snapshot.records or {}).items()
        if isinstance(data, dict) and record_kind(Path(path)) == "product"
    }
    lines = []
    for language in sorted(snapshot.translations or {}):
        kept = {products.get(path) for path in snapshot.translated(language)}
        english = sorted((n for pid, n in names.items() if pid not in kept), key=str.casefold)
        line = f"  translations into {language}: {len(names) - len(english)} of {len(names)} statements"
        if english:
            line += f" (in English: {', '.join(english)})"
        lines.append(line)
    return lines


def _names(state: dict[str, Any]) -> dict[str, str]:
    return {pid: str(p.get("name", pid)) for pid, p in state["products"].items()}


def _by_content_path(records: dict[str, Any], content_dir: Path) -> dict[str, Any]:
    """The parsed records (keyed by the path shown to writers) by their path in the content
    folder: ``products/intune.yml``."""
    folder = display_path(content_dir)
    return {posixpath.relpath(display, folder): data for display, data in records.items()}
