"""A release's history as evidence: each release file compared with the commit that recorded it.

A snapshot's digest is a hash of its own text: whoever edits the file can compute it again, so
it catches accidental edits only. Where the content folder is in git, the commit that first
added a release file is the evidence: every release file is compared with its version there,
and a file changed since (unless recorded again, which its pages say), deleted since, or whose
format number went down (a lower format skips the checks of the higher one) is an error at
the file.

Git is only read (``rev-parse``, ``log``, ``cat-file``; see :mod:`.git_tree` for the
settings that keep it from running a program the repository configures), each command within
a time limit. Nothing from the content is run.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..diagnostics import Diagnostic, Diagnostics, Location, Severity, display_path
from ..load.content import link_records
from ..load.metadata import MetadataRules
from ..load.yaml_source import YamlFault, read_text
from .git_tree import GitError, run_git
from .snapshot import HISTORY_DIR, SNAPSHOT_LIMITS, VERSION_PATTERN, as_recorded, dataset_state

#: Seconds each git command may take (a log of a long history takes well under one).
GIT_TIMEOUT = 30.0
RULE = "release-history"


@dataclass(frozen=True)
class Recorded:
    """The commit that first added a release file: its id and its day."""

    commit: str
    day: dt.date


def release_evidence(
    content_dir: Path, rules: MetadataRules | None = None, timeout: float = GIT_TIMEOUT
) -> Diagnostics:
    """Every release file of ``content_dir/history/`` compared with the commit that first
    added it (nothing when the folder is not in a git repository, or git is missing);
    ``rules``: the site's metadata rules, by which a release's records are read."""
    problems = Diagnostics()
    folder = content_dir / HISTORY_DIR
    try:
        root = Path(
            run_git(content_dir, "rev-parse", "--show-toplevel", timeout=timeout).decode().strip()
        )
    except (GitError, OSError, UnicodeDecodeError):
        return problems  # not in git: the digest is all there is (see the writer's guide)
    try:
        run_git(root, "rev-parse", "--verify", "--quiet", "HEAD", timeout=timeout)
    except GitError:
        return problems  # no commit yet: nothing was recorded
    try:
        under = folder.resolve().relative_to(root.resolve()).as_posix()
        shallow = run_git(root, "rev-parse", "--is-shallow-repository", timeout=timeout)
        recorded = _first_added(root, under, timeout)
    except ValueError:
        return problems  # the history folder is outside the repository (a symbolic link)
    except GitError as exc:
        problems.add(
            Diagnostic(
                Location(display_path(folder)),
                f"the releases could not be compared with their git history: {exc}",
                RULE,
                Severity.WARNING,
            )
        )
        return problems
    if shallow.strip() == b"true":
        problems.add(
            Diagnostic(
                Location(display_path(folder)),
                "the repository is a shallow clone: each release is compared with the oldest "
                "commit fetched, not with the one that recorded it (fetch the whole history, "
                "for example actions/checkout with fetch-depth: 0)",
                RULE,
                Severity.INFO,
            )
        )
    for path, first in sorted(recorded.items()):
        working = folder / PurePosixPath(path).name
        try:
            problem = _compared(root, path, working, first, rules or MetadataRules(), timeout)
        except GitError as exc:
            problem = (f"could not be compared with commit {first.commit[:12]}: {exc}", None)
        if problem is not None:
            message, severity = problem
            problems.add(
                Diagnostic(
                    Location(display_path(working)), message, RULE, severity or Severity.ERROR
                )
            )
    return problems


def _first_added(root: Path, under: str, timeout: float) -> dict[str, Recorded]:
    """Each release file ever added under ``under`` (by its path in the repository), with the
    commit that first added it. Renames count as additions (``--no-renames``): a release
    renamed is a release deleted."""
    output = run_git(
        root,
        "-c",
        "core.quotePath=false",  # names as they are, to compare with the folder's
        "log",
        "--reverse",
        "--no-renames",
        "--no-color",
        "--diff-filter=A",
        "--format=%x00%H %cs",
        "--name-only",
        "--",
        f":(literal){under}",
        timeout=timeout,
    ).decode("utf-8", "replace")
    found: dict[str, Recorded] = {}
    for entry in output.split("\0"):
        head, _, names = entry.partition("\n")
        if not head.strip():
            continue
        commit, day = head.split()
        for name in names.split("\n"):
            path = PurePosixPath(name.strip())
            if str(path.parent) != under or path.suffix != ".json":
                continue
            if not VERSION_PATTERN.match(path.stem):
                continue
            found.setdefault(path.as_posix(), Recorded(commit, dt.date.fromisoformat(day)))
    return found


def _compared(
    root: Path, path: str, working: Path, first: Recorded, rules: MetadataRules, timeout: float
) -> tuple[str, Severity | None] | None:
    """What differs between a release file (``path`` in the repository, ``working`` on disk)
    and its first recorded version (None: nothing)."""
    restore = f"git checkout {first.commit[:12]} -- {display_path(working)}"
    recorded_in = f"commit {first.commit[:12]} ({first.day.isoformat()}) recorded this release"
    if not working.exists() and not working.is_symlink():
        return (
            f"{recorded_in}, and it has been deleted since: a release stays in the history "
            f"(its pages and the change history were published from it); restore it: {restore}",
            None,
        )
    committed = run_git(root, "cat-file", "blob", f"{first.commit}:{path}", timeout=timeout)
    try:
        text = read_text(working, display_path(working), SNAPSHOT_LIMITS)
    except YamlFault:
        return None  # the loader reports a file it cannot read
    if text.encode() == committed:
        return None
    old, new = _document(committed.decode("utf-8", "replace")), _document(text)
    if old is None or new is None:  # the loader reports the working file; an old one unread
        return (f"{recorded_in}, and it has been changed since; restore it: {restore}", None)
    if old == new:
        return None  # only its spacing: its digest says so, when it has one
    old_format, new_format = old.get("schema_version"), new.get("schema_version")
    if _number(new_format) < _number(old_format):
        return (
            f"{recorded_in} in format {old_format}; its format number has been lowered since, "
            f"to {new_format}, which skips the checks of format {old_format} (its digest); "
            f"restore it: {restore}",
            None,
        )
    if _without(old, "generator_version", "digest") == _without(new, "generator_version", "digest"):
        return None  # recorded again by another privacy-pages, saying the same
    same_release = all(
        old.get(key) == new.get(key)
        for key in ("version", "date", "products", "catalog", "categories")
    )
    if _number(new_format) > _number(old_format) and same_release:
        # The records it keeps now were not in that commit: they are held to what it said.
        if not _records_say(new, old, rules):
            return (
                f"{recorded_in} in format {old_format}; it has been recorded again in format "
                f"{new_format} since, and the records it keeps now do not say what it said "
                "then: its archived pages may show what the release never said. Record it "
                "again from the content of that commit (snapshot --content, --out, --force)",
                Severity.WARNING,
            )
        return None  # its records say what it said then: nothing to tell
    again = _recorded_again(old, new, first.day)
    if again:
        return (
            f"{recorded_in}; it has been recorded again since, on {', '.join(again)}, which its "
            "pages say",
            Severity.INFO,
        )
    return (
        f"{recorded_in}, and it has been changed since without being recorded again: a "
        f"release's file is evidence of what was published. Restore it ({restore}), or record "
        "it again with privacy-pages snapshot --force, which its pages then say",
        None,
    )


def _records_say(new: dict[str, Any], old: dict[str, Any], rules: MetadataRules) -> bool:
    """Whether the records ``new`` keeps, linked as the site reads them, mean what ``old``
    said (its products, catalog and categories)."""
    records = new.get("records")
    if not isinstance(records, dict):
        return False
    try:
        dataset, _ = link_records(records, "release", rules)
        state = dataset_state(dataset)
    except Exception:  # records no release holds: they do not say it
        return False
    said = old.get("products")
    if not isinstance(said, dict) or said.keys() != state["products"].keys():
        return False
    products = {
        product_id: as_recorded(product, said[product_id].get("recorded"))
        for product_id, product in state["products"].items()
    }
    return products == said and all(state[key] == old.get(key) for key in ("catalog", "categories"))


def _document(text: str) -> dict[str, Any] | None:
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return document if isinstance(document, dict) else None


def _without(document: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key not in keys}


def _number(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _recorded_again(old: dict[str, Any], new: dict[str, Any], since: dt.date) -> list[str]:
    """The days ``new`` says it was recorded again that ``old`` did not, when it only adds
    days, none before the commit that recorded ``old`` (a day earlier for time zones)."""
    before, after = old.get("re_recorded", []), new.get("re_recorded")
    if not isinstance(before, list) or not isinstance(after, list):
        return []
    if after[: len(before)] != before or len(after) == len(before):
        return []
    added = after[len(before) :]
    try:
        days = [dt.date.fromisoformat(str(day)) for day in added]
    except ValueError:
        return []
    if any(day < since - dt.timedelta(days=1) for day in days):
        return []
    return [day.isoformat() for day in days]


__all__ = ["GIT_TIMEOUT", "release_evidence"]
