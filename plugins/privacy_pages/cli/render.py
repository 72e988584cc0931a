"""``privacy-pages render``: write the generated Markdown pages for any site generator."""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import replace
from pathlib import Path

from ..learn_syntax import expand_includes
from ..pipeline import build_site, fill_page_blocks
from ..render.front_matter import with_escaped_front_matter
from ..render.generated import GeneratedPage
from ..render.moved_links import rebased_markdown
from ..render.paths import links_written_for
from ..settings import (
    Settings,
    missing_catalogs_message,
    read_mkdocs_config,
    removed_options_message,
)
from .common import UsageError, add_site_arguments, print_diagnostic, site_settings
from .host_config import host_config, write_host_config
from .output_paths import file_problem, folder_problem, refused

#: The site generators ``--host`` knows: how they treat links inside raw HTML.
HOSTS = ("mkdocs", "zensical")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "render",
        help="write the generated Markdown pages into a folder",
        description="Write the same Markdown pages the MkDocs plugin generates into a folder, "
        "so that any static site generator can build them. Their languages are those of the "
        "i18n plugin (mkdocs-static-i18n) in the site's mkdocs.yml, if it has one: the default "
        "language's pages at the top of DIR, each other language's under its folder (fr/...); "
        "without it, the site's one language (theme.language).",
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
        help="also copy this folder of hand-written pages, with privacy-pages blocks (and, on a "
        "site that uses privacy_pages.learn_syntax, [!INCLUDE] lines) expanded, so that DIR is a "
        "complete docs folder (without it, the records' links to hand-written pages are "
        "written for the pages DIR already holds)",
    )
    parser.add_argument(
        "--host",
        choices=HOSTS,
        default="mkdocs",
        help="the site generator that builds DIR: mkdocs (default; also ProperDocs) keeps links "
        "inside raw HTML as it writes them, so they are final URLs; zensical resolves them "
        "like Markdown links, so they are written as source paths (.md)",
    )
    parser.add_argument(
        "--site-config",
        type=Path,
        metavar="FILE",
        help="also write a copy of the site's mkdocs.yml for building DIR without the plugin: "
        "docs_dir set to DIR, site_dir 'site' beside FILE, the privacy-pages plugin removed, "
        "its nav section filled (and not_in_nav listing the pages the plugin keeps out of "
        "the nav), its script, style sheet and Markdown extensions added",
    )
    add_site_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    site_config = args.site_config and file_problem(args.site_config, creates_folders=True)
    if refused("render", folder_problem(args.out), site_config):
        return 2
    settings = site_settings(args)
    if args.host == "zensical":
        settings = replace(settings, link_style="source")
    missing = missing_catalogs_message(settings)
    for message in (removed_options_message(settings), missing and missing[0]):
        if message:
            print(message, file=sys.stderr)
    build = build_site(settings)
    for problem in build.problems.sorted():
        print_diagnostic(problem)
    if not build.ok:
        return 1
    out: Path = args.out
    config_file = args.config or Path("mkdocs.yml")
    includes = config_file.is_file() and _uses_learn_syntax(config_file)
    if args.docs:
        docs: Path = args.docs
        if not docs.is_dir():
            raise UsageError(f"docs folder not found: {docs}")
        for source in sorted(docs.rglob("*")):
            if not source.is_file():
                continue
            relative = source.relative_to(docs).as_posix()
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.suffix == ".md":
                text, problems = fill_page_blocks(
                    build, relative, source.read_text("utf-8"), str(source)
                )
                for problem in problems:
                    print_diagnostic(problem)
                if problems:
                    return 1
                if includes and "[!INCLUDE" in text:
                    text = expand_includes(text, source.resolve(), docs.resolve(), _warn)
                target.write_text(text, "utf-8", newline="\n")
            else:
                shutil.copyfile(source, target)
    files = {page.path for page in build.pages} | {asset.path for asset in build.downloads}
    # The site's own pages the records' links may lead to: those copied from --docs, or
    # without it, those already in the folder written to (the host's docs folder).
    for folder in [args.docs] if args.docs else [out] if out.is_dir() else []:
        files |= {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    for page in build.pages:  # for a host without the plugin, which would not escape it
        target = out / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        markdown = _links_moved(page, settings, files)
        target.write_text(with_escaped_front_matter(markdown), "utf-8", newline="\n")
    for asset in build.downloads:  # privacy.json, CSV, the script, the style sheet, the feed
        target = out / asset.path
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8", newline="\n") as file:
            file.writelines(asset.chunks())
    print(
        f"wrote {len(build.pages)} page(s) and {len(build.downloads)} other file(s) to {out}",
        file=sys.stderr,
    )
    if args.site_config:
        if not config_file.is_file():
            raise UsageError("--site-config needs a mkdocs.yml (--config)")
        config = host_config(
            config_file,
            out,
            args.site_config,
            build.pages,
            settings,
            escape_titles=True,  # Material for MkDocs and Zensical print nav titles unescaped
        )
        write_host_config(config, args.site_config)
        print(f"wrote {args.site_config}", file=sys.stderr)
    return 0


def _links_moved(page: GeneratedPage, settings: Settings, files: set[str]) -> str:
    """The page's Markdown with the records' relative links read from the page they were
    written for (see :mod:`~privacy_pages.render.moved_links`): a host reads them from the
    page's own place, as it checks them."""
    written_for = links_written_for(page.path, page.product_id, settings)
    if written_for is None:
        return page.markdown
    return rebased_markdown(
        page.markdown, page.path, written_for, lambda p: p if p in files else None
    )


def _uses_learn_syntax(config_file: Path) -> bool:
    extensions = read_mkdocs_config(config_file).get("markdown_extensions") or []
    names = {next(iter(e)) if isinstance(e, dict) else e for e in extensions}
    return "privacy_pages.learn_syntax" in names


def _warn(message: str) -> None:
    print(f"privacy-pages render: {message}", file=sys.stderr)
