"""``privacy-pages diff``: what changed between two versions of the content, by meaning."""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from ..diagnostics import Diagnostic, Location
from ..history.changes import compare
from ..history.git_tree import GitError, export_content, repository_root
from ..history.snapshot import HISTORY_DIR, SNAPSHOT_LIMITS, State, dataset_state, read_snapshot
from ..load.content import load_content
from ..load.yaml_source import Limits
from ..render.diff_report import REPORT_FORMATS, report
from ..settings import Settings
from .common import CommandError, UsageError, add_site_arguments, print_diagnostic, site_settings


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="show what changed between two versions of the content, by meaning",
        description="Compare two content folders (or release snapshots, content/history/*.json), "
        "or the content folder at two git revisions with --git, and print what changed in "
        "each privacy statement: items added, removed or changed (requirement, condition, "
        "workloads, wording), retention, metadata, and the shared catalog. Edits that only "
        "change formatting (key order, YAML style, quoting, comments, whitespace) are not "
        "changes. Exit code 0 (with or without changes), 1 when a side has content errors, "
        "2 on bad usage.",
        epilog="Examples: privacy-pages diff old/content content; "
        "privacy-pages diff --git origin/main HEAD --format markdown",
    )
    parser.add_argument(
        "sides",
        nargs="*",
        metavar="OLD NEW",
        help="two content folders or snapshot files (without --git)",
    )
    parser.add_argument(
        "--git",
        nargs="+",
        metavar="REV",
        help="compare the content folder at git revision REV1 with REV2 (default: the working "
        "tree), read from git objects without a checkout",
    )
    parser.add_argument(
        "--format",
        choices=REPORT_FORMATS,
        default="text",
        help="text (default), markdown (for a pull-request comment) or json",
    )
    add_site_arguments(parser)
    parser.set_defaults(run=run, usage_errors=(GitError,))


class _SideError(Exception):
    def __init__(self, problems: list[Diagnostic]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def _state_of_folder(folder: Path, settings: Settings, shown_as: str | None = None) -> State:
    dataset, problems = load_content(folder, settings.metadata)
    if problems.errors:
        errors = sorted(problems.errors, key=lambda d: d.sort_key)
        if shown_as is not None:
            errors = [_relocate(d, str(folder), shown_as) for d in errors]
        raise _SideError(errors)
    return dataset_state(dataset)


def _relocate(diagnostic: Diagnostic, prefix: str, shown_as: str) -> Diagnostic:
    """Show a file of an exported revision as ``REV:content/file.yml``."""
    path = diagnostic.location.path
    resolved = str(Path(path).resolve()) if not path.startswith(shown_as) else path
    base = str(Path(prefix).resolve())
    if resolved.startswith(base):
        path = shown_as + resolved[len(base) :]
    location = Location(path, diagnostic.location.line, diagnostic.location.column)
    return replace(diagnostic, location=location)


def _state_of_path(path: Path, settings: Settings) -> State:
    if path.is_file() and path.suffix == ".json":
        snapshot, problems = read_snapshot(path)
        if snapshot is None:
            raise _SideError(problems)
        return snapshot.state
    if path.is_dir():
        return _state_of_folder(path, settings)
    raise UsageError(f"expected a content folder or a snapshot (.json), found {path}")


def _max_bytes(relative: str) -> int:
    """The most a content file may hold: a release snapshot more than a record."""
    if relative.startswith(f"{HISTORY_DIR}/"):
        return SNAPSHOT_LIMITS.max_bytes
    return Limits().max_bytes


def _state_at_revision(revision: str, settings: Settings) -> State:
    repo = repository_root(settings.content_dir)
    try:
        folder = settings.content_dir.resolve().relative_to(repo.resolve()).as_posix()
    except ValueError as exc:
        raise UsageError(f"the content folder {settings.content_dir} is not inside {repo}") from exc
    with tempfile.TemporaryDirectory(prefix="privacy-pages-diff-") as temp:
        target = Path(temp) / "content"
        export_content(repo, revision, folder, target, _max_bytes)
        return _state_of_folder(target, settings, shown_as=f"{revision}:{folder}")


def run(args: argparse.Namespace) -> int:
    try:
        settings = site_settings(args)
        if args.git:
            if args.sides or len(args.git) > 2:
                raise UsageError("--git takes one or two revisions and no folders")
            old_label = args.git[0]
            old = _state_at_revision(args.git[0], settings)
            if len(args.git) == 2:
                new_label = args.git[1]
                new = _state_at_revision(args.git[1], settings)
            else:
                new_label = "the working tree"
                new = _state_of_folder(settings.content_dir, settings)
        else:
            if len(args.sides) != 2:
                raise UsageError(
                    "expected OLD and NEW (two content folders or snapshots), or --git"
                )
            old_label, new_label = args.sides
            old = _state_of_path(Path(args.sides[0]), settings)
            new = _state_of_path(Path(args.sides[1]), settings)
    except _SideError as exc:
        for problem in exc.problems:
            print_diagnostic(problem, sys.stderr)
        raise CommandError("fix the content errors above first") from None
    try:
        changes = compare(old, new)
    except (TypeError, KeyError, AttributeError, ValueError, RecursionError) as exc:
        raise CommandError(
            f"{old_label} or {new_label} holds content this version cannot compare "
            f"({type(exc).__name__}: {exc})"
        ) from exc
    sys.stdout.write(report(changes, old_label, new_label, args.format, settings.templates_dir))
    return 0
