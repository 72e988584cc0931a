"""``privacy-pages render``: write the generated Markdown pages for any site generator."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from ..pipeline import build_site
from ..render.blocks import expand_blocks
from .common import UsageError, add_site_arguments, print_diagnostic, site_settings


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "render",
        help="write the generated Markdown pages into a folder",
        description="Write the same Markdown pages the MkDocs plugin generates into a folder, "
        "so that any static site generator can build them.",
    )
    parser.add_argument(
        "--out",
        "-o",
        type=Path,
        required=True,
        metavar="DIR",
        help="the folder to write into (created if missing)",
    )
    parser.add_argument(
        "--docs",
        type=Path,
        metavar="DOCS_DIR",
        help="also copy this folder of hand-written pages, with privacy-pages blocks expanded, "
        "so that DIR is a complete docs folder",
    )
    add_site_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        settings = site_settings(args)
    except UsageError as exc:
        print(f"privacy-pages render: {exc}", file=sys.stderr)
        return 2
    build = build_site(settings)
    for problem in build.problems.sorted():
        print_diagnostic(problem)
    if not build.ok:
        return 1
    out: Path = args.out
    if args.docs:
        docs: Path = args.docs
        if not docs.is_dir():
            print(f"privacy-pages render: docs folder not found: {docs}", file=sys.stderr)
            return 2
        for source in sorted(docs.rglob("*")):
            if not source.is_file():
                continue
            relative = source.relative_to(docs).as_posix()
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.suffix == ".md":
                text, problems = expand_blocks(
                    source.read_text("utf-8"), relative, build.dataset, settings, str(source)
                )
                for problem in problems:
                    print_diagnostic(problem)
                if problems:
                    return 1
                target.write_text(text, "utf-8", newline="\n")
            else:
                shutil.copyfile(source, target)
    for page in build.pages:
        target = out / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, "utf-8", newline="\n")
    for asset in build.downloads:  # privacy.json, CSV, the script, the style sheet, the feed
        target = out / asset.path
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8", newline="\n") as file:
            file.writelines(asset.chunks())
    print(
        f"wrote {len(build.pages)} page(s) and {len(build.downloads)} other file(s) to {out}",
        file=sys.stderr,
    )
    return 0
