"""``privacy-pages validate``: check the content without building the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content import load_content
from .common import UsageError, add_site_arguments, print_diagnostic, site_settings


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check the content and report every problem",
        description="Run the same checks as the MkDocs plugin, without building the site. "
        "Prints every problem as file:line:col: severity rule-id: message. "
        "Exit code 0 when clean, 1 on errors, 2 on bad usage.",
    )
    parser.add_argument(
        "content_dir",
        nargs="?",
        type=Path,
        metavar="CONTENT_DIR",
        help="the content folder (default: from the site's settings)",
    )
    add_site_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.content_dir is not None:
        args.content = args.content_dir
    try:
        settings = site_settings(args)
    except UsageError as exc:
        print(f"privacy-pages validate: {exc}", file=sys.stderr)
        return 2
    if not settings.content_dir.is_dir():
        print(
            f"privacy-pages validate: content folder not found: {settings.content_dir}",
            file=sys.stderr,
        )
        return 2
    dataset, problems = load_content(settings.content_dir, settings.metadata)
    for problem in problems.sorted():
        print_diagnostic(problem, sys.stdout)
    errors = len(problems.errors)
    summary = (
        f"{len(dataset.files)} file(s), {len(dataset.products)} product(s), "
        f"{len(dataset.catalog)} catalog item(s): {errors} error(s), "
        f"{len(problems.warnings)} warning(s)"
    )
    print(summary, file=sys.stderr)
    return 1 if errors else 0
