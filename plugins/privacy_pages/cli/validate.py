"""``privacy-pages validate``: check the content without building the site.

It runs what the MkDocs plugin runs before it renders anything — reading, schema validation,
cross-references, metadata rules and the lint rules — and reports every problem at once, as
text (``file:line:col: severity rule-id: message``), JSON, or GitHub Actions annotations.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from ..diagnostics import Diagnostic, Severity, folded
from ..history.evidence import release_evidence
from ..model import Dataset
from ..pipeline import check_site
from ..settings import missing_catalogs_message, removed_options_message
from .common import UsageError, add_site_arguments, paint, print_diagnostic, site_settings

FORMATS = ("text", "json", "github")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check the content and report every problem",
        description="Run the same checks as the MkDocs plugin (schema, references, metadata and "
        "lint rules) without building the site, and report every problem at once as "
        "file:line:col: severity rule-id: message. Where the content folder is in git, "
        "each release in history/ is also compared with the commit that recorded it: a release "
        "changed (without snapshot --force), deleted or given a lower format number since is "
        "an error. Exit code 0 when there are no errors, "
        "1 when there are errors (or warnings, with --strict), 2 on bad usage.",
        epilog="Lint rules and their severities are listed in the writer's guide; a site sets "
        "them with the plugin's lint option in mkdocs.yml (or [tool.privacy-pages.lint] in "
        "pyproject.toml).",
    )
    parser.add_argument(
        "content_dir",
        nargs="?",
        type=Path,
        metavar="CONTENT_DIR",
        help="the content folder (default: the content_dir option of the site, else ./content)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default): one line per problem; json: one JSON document for tools; "
        "github: GitHub Actions annotations (::error file=...)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 on warnings too, like 'mkdocs build --strict'",
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="list each text a translation lacks (by default, text and github output say it "
        "in one line per record and language; json always lists each)",
    )
    parser.add_argument(
        "--today",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="judge dates (rule stale-date) as if today were this day (default: today)",
    )
    add_site_arguments(parser)
    parser.set_defaults(run=run)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, found {text!r}") from None


def run(args: argparse.Namespace) -> int:
    if args.content_dir is not None:
        args.content = args.content_dir
    settings = site_settings(args)
    if not settings.content_dir.is_dir():
        raise UsageError(f"content folder not found: {settings.content_dir}")
    missing = missing_catalogs_message(settings)
    for message in (removed_options_message(settings), missing and missing[0]):
        if message:
            print(message, file=sys.stderr)
    build = check_site(settings, today=args.today)
    # Where the content is in git, each release is compared with the commit that recorded it
    # (here, not in every build: a build under mkdocs serve would ask git on each edit).
    build.problems.extend(release_evidence(settings.content_dir, settings.metadata).items)
    dataset, found = build.dataset, build.problems.sorted()
    counts = {severity: sum(d.severity is severity for d in found) for severity in Severity}
    told = found if args.verbose or args.format == "json" else folded(found)[0]
    REPORTERS[args.format](told, dataset, counts, sys.stdout)
    failing = counts[Severity.ERROR] + (counts[Severity.WARNING] if args.strict else 0)
    return 1 if failing else 0


Counts = dict[Severity, int]


def summary(dataset: Dataset, counts: Counts) -> str:
    text = (
        f"{len(dataset.files)} file(s), {len(dataset.products)} product(s), "
        f"{len(dataset.catalog)} catalog item(s): {counts[Severity.ERROR]} error(s), "
        f"{counts[Severity.WARNING]} warning(s)"
    )
    if counts[Severity.INFO]:
        text += f", {counts[Severity.INFO]} info"
    return text


def report_text(found: Sequence[Diagnostic], dataset: Dataset, counts: Counts, out: TextIO) -> None:
    for problem in found:
        print_diagnostic(problem, out)
    worst = next((s for s in Severity if counts[s] and s is not Severity.INFO), None)
    print(paint(summary(dataset, counts), worst, sys.stderr), file=sys.stderr)


def report_json(found: Sequence[Diagnostic], dataset: Dataset, counts: Counts, out: TextIO) -> None:
    document = {
        "version": 1,
        "summary": {
            "files": len(dataset.files),
            "products": len(dataset.products),
            "catalog_items": len(dataset.catalog),
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "info": counts[Severity.INFO],
        },
        "diagnostics": [
            {
                "file": d.location.path,
                "line": d.location.line,
                "column": d.location.column,
                "severity": d.severity.value,
                "rule": d.rule,
                "key_path": d.key_path,
                "message": d.message,
            }
            for d in found
        ],
    }
    out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(diagnostic: Diagnostic) -> str:
    """One diagnostic as a GitHub Actions workflow command (``::error file=...::message``)."""
    location = diagnostic.location
    properties = [f"file={_escape_property(location.path)}"]
    if location.line:
        properties.append(f"line={location.line}")
        properties.append(f"col={location.column or 1}")
    properties.append(f"title={_escape_property(diagnostic.rule)}")
    where = f"{diagnostic.key_path}: " if diagnostic.key_path else ""
    message = _escape_data(f"{where}{diagnostic.message}")
    return f"::{_GITHUB_COMMAND[diagnostic.severity]} {','.join(properties)}::{message}"


def report_github(
    found: Sequence[Diagnostic], dataset: Dataset, counts: Counts, out: TextIO
) -> None:
    for problem in found:
        print(github_annotation(problem), file=out)
    print(summary(dataset, counts), file=sys.stderr)


REPORTERS: dict[str, Callable[[Sequence[Diagnostic], Dataset, Counts, TextIO], None]] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
}
