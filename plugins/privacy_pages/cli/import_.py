"""``privacy-pages import``: turn Markdown privacy statements into YAML records."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from ..diagnostics import Diagnostics, Severity
from ..importer import ImportOptions, PageImportError, format_report, import_pages, report_json
from ..importer.report import PageReport, SiteWarning
from ..pipeline import check_site
from ..settings import Settings
from .common import CommandError, UsageError, add_site_arguments, print_diagnostic, site_settings
from .output_paths import file_problem, refused

_ID = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")  # fullmatch: the whole value


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import",
        help="turn Markdown privacy statements into YAML records",
        description="Read existing Markdown privacy statements (Microsoft Learn / DocFX style) "
        "and write a product record for each (or one for all of them, with --product-id: a statement spread over several pages), plus new catalog items and categories, into the "
        "content folder. Items and groups are matched against the site's catalog and "
        "categories first. Prints an import report: what was recognized, each catalog match "
        "with its confidence, each new catalog item and category, every piece of text that "
        "went to a free-form section with its source line, and the warnings the site's checks "
        "give the imported record. Importing the same page twice changes nothing. A page that "
        "states no privacy facts (no data collected, use, storage, retention, sharing, "
        "rights or controls) and does not speak of privacy (a deployment guide, say) is refused "
        "unless --force. Exit code 0 on success, 1 when a page cannot be imported or "
        "the records do not validate, 2 on bad usage.",
    )
    parser.add_argument(
        "pages", nargs="+", type=Path, metavar="PAGE.md", help="the pages to import"
    )
    parser.add_argument(
        "--product-id",
        metavar="ID",
        help="the product id (default: made from the page's title). With several pages, they "
        "are one statement spread over them: one product, each section from the page that "
        "states it; where the pages disagree, the report lists the conflict",
    )
    parser.add_argument(
        "--report", type=Path, metavar="FILE", help="also write the import report as JSON to FILE"
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="make relative links absolute against this address (the page's address on its old "
        "site, for example https://learn.microsoft.com/en-us/mem/intune/protect/); '.md' is dropped",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace a product file that already exists with other content, and import a page "
        "that states no privacy facts",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="read the pages and print the report; write nothing"
    )
    parser.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="the date to use for a required date the page does not have (default: today)",
    )
    add_site_arguments(parser)
    parser.set_defaults(run=run)


def _options(args: argparse.Namespace) -> tuple[Settings, ImportOptions]:
    settings = site_settings(args)
    seen: set[Path] = set()
    for page in args.pages:
        if page.resolve() in seen:
            raise UsageError(f"page given twice: {page}")
        seen.add(page.resolve())
        if not page.exists():
            raise UsageError(f"page not found: {page}")
        if not page.is_file():  # a pipe or a device would block the import, or never end
            raise UsageError(f"not a regular file (a pipe, device or folder): {page}")
    if args.product_id is not None and not _ID.fullmatch(args.product_id):
        raise UsageError(
            f"--product-id: expected an id (lowercase letters, digits and hyphens), found "
            f"{args.product_id!r}"
        )
    if args.date is not None:
        try:
            dt.date.fromisoformat(args.date)
        except ValueError:
            raise UsageError(f"--date: expected YYYY-MM-DD, found {args.date!r}") from None
    if args.base_url is not None and not re.match(r"^https?://", args.base_url):
        raise UsageError(f"--base-url: expected an http(s):// address, found {args.base_url!r}")
    return settings, ImportOptions(
        content_dir=settings.content_dir,
        metadata=settings.metadata,
        product_id=args.product_id,
        base_url=args.base_url,
        force=args.force,
        dry_run=args.dry_run,
        today=args.date,
        require_data=not args.force,
    )


def run(args: argparse.Namespace) -> int:
    report = args.report and file_problem(args.report, creates_folders=True)
    if refused("import", report):
        return 2
    settings, options = _options(args)
    try:
        reports = import_pages(list(args.pages), options)
    except PageImportError as exc:
        raise CommandError(str(exc)) from exc
    code = 0
    if not options.dry_run:
        # What a build checks (loading, validation, lint): errors fail the import; warnings
        # about the imported records go into their reports (a strict build fails on them).
        problems = check_site(settings).problems
        for problem in problems.sorted():
            if problem.severity is Severity.ERROR:
                print_diagnostic(problem)
        _add_warnings(reports, problems)
        if problems.errors:
            print(
                f"privacy-pages import: the content folder has {len(problems.errors)} error(s) "
                "after the import (listed above)",
                file=sys.stderr,
            )
            code = 1
    for report in reports:
        print(format_report(report))
    if args.report is not None:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(report_json(reports), "utf-8")
        print(f"wrote the import report to {args.report}", file=sys.stderr)
    return code


def _add_warnings(reports: list[PageReport], problems: Diagnostics) -> None:
    """Each imported product's warnings, into its report."""
    by_file = {Path(report.product_file).resolve(): report for report in reports}
    for problem in problems.sorted():
        if problem.severity is not Severity.WARNING or not problem.location.path:
            continue
        report = by_file.get(Path(problem.location.path).resolve())
        if report is not None:
            location = problem.location
            report.warnings.append(
                SiteWarning(
                    location.line, location.column, problem.rule, problem.key_path, problem.message
                )
            )
