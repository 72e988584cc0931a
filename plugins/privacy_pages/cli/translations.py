"""``privacy-pages translations``: where each language stands, and its translations exported
to a PO catalog and imported back (see :mod:`..load.translation_catalogs`)."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from ..atomic_write import OutsideContent, write_text_atomically
from ..diagnostics import Diagnostic, Location, Severity, display_path
from ..load.translation_catalogs import (
    Sources,
    export_catalog,
    plan_import,
    read_catalog,
    read_sources,
)
from ..load.translations import TextState, translation_path
from ..load.yaml_source import YamlFault
from ..messages import SOURCE_LANGUAGE
from ..settings import Settings
from .common import UsageError, add_site_arguments, print_diagnostic, site_settings
from .output_paths import file_problem, refused

_LANGUAGE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*\Z")

STATUS_JSON = """\
--format json prints one document (its keys are kept from release to release):

  {"version": 1,
   "languages": [
     {"language": "fr",
      "translated": 12, "stale": 1, "missing": 40,
      "records": [
        {"record": "products/intune.yml",    the record, in the content folder
         "kind": "product",                  product, catalog, categories or comparisons
         "file": "translations/fr/products/intune.yml",   its translation file
         "file_exists": true,
         "fields": 53,                       its text fields: translated + stale + missing
         "translated": 12, "stale": 1, "missing": 40}]}]}

Records are listed products first, then the catalog, categories and comparisons."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "translations",
        help="see, export and import the translations of the records",
        description="The records' translations (content/translations/<language>/): what is "
        "translated, stale and missing, and a language exported to a PO catalog for "
        "translation tools and imported back.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    status = actions.add_parser(
        "status",
        help="per language and record: texts translated, stale and missing",
        # Written in lines: the raw formatter (for the JSON below) does not wrap.
        description="Per language and record file: how many texts are translated, stale\n"
        "(their source text changed since) and missing, and the translation file.\n"
        "Exit code 0, 2 on bad usage.",
        epilog=STATUS_JSON,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    status.add_argument(
        "--language",
        metavar="LANG",
        help="only this language (default: the site's languages and those content/"
        "translations/ has)",
    )
    status.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="table (default): aligned columns; json: one document for tools (below)",
    )
    export = actions.add_parser(
        "export",
        help="write a language's translations as a PO catalog",
        description="Write every text of the records as one PO catalog: msgctxt "
        "'<record path>:<field path>', msgid the source text, msgstr its translation (empty "
        "when missing), '#. source:' the fingerprint the translation was made from, and the "
        "flag fuzzy when that text has changed since. Exit code 0, 1 when a translation file "
        "cannot be read, 2 on bad usage.",
    )
    export.add_argument("language", metavar="LANG")
    export.add_argument(
        "--out", "-o", type=Path, metavar="FILE.po", help="write here (default: standard output)"
    )
    imported = actions.add_parser(
        "import",
        help="read a PO catalog's translations into the translation files",
        description="Write each translated message of a PO catalog into its record's "
        "translation file, with the fingerprint of the msgid it translates (of its "
        "'#. source:' comment when fuzzy: it stays stale). Only the entries that change are "
        "rewritten. Exit code 0; 1 when a message names no record text or a file cannot be "
        "read (then nothing is written); 2 on bad usage.",
    )
    imported.add_argument("language", metavar="LANG")
    imported.add_argument("po_file", type=Path, metavar="FILE.po")
    imported.add_argument(
        "--dry-run", action="store_true", help="say what would change, and write nothing"
    )
    for action, run in ((status, run_status), (export, run_export), (imported, run_import)):
        add_site_arguments(action)
        action.set_defaults(run=run)


def _settings(args: argparse.Namespace) -> Settings:
    """The site's settings, with the language asked for checked; raises :class:`UsageError`."""
    settings = site_settings(args)
    if not settings.content_dir.is_dir():
        raise UsageError(f"content folder not found: {settings.content_dir}")
    language = getattr(args, "language", None)
    if language is not None:
        if not _LANGUAGE.match(language):
            raise UsageError(
                f"expected a language code such as 'fr' or 'pt-BR', found {language!r}"
            )
        if language == SOURCE_LANGUAGE:
            raise UsageError(
                f"the records are written in {SOURCE_LANGUAGE!r}: name a language they are translated into"
            )
    return settings


def _note_content_errors(sources: Sources) -> None:
    errors = len(sources.problems.errors)
    if errors:
        print(
            f"note: the content has {errors} error(s) ('privacy-pages validate' lists them); "
            "records that could not be read are left out",
            file=sys.stderr,
        )


def run_status(args: argparse.Namespace) -> int:
    settings = _settings(args)
    # Imported here: export and import need none of the rendering that the pipeline brings.
    from ..pipeline import translated_languages

    languages = (args.language,) if args.language else translated_languages(settings)
    sources = read_sources(settings.content_dir, settings.metadata, settings.limits, languages)
    document = status_document(sources, languages)
    if args.format == "json":
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    elif not languages:
        print(
            "no languages: set the plugin's languages option, or add translations under "
            f"{sources.content_dir.name}/translations/<language>/"
        )
    else:
        print(status_table(document, sources.content_dir.name))
    return 0


def status_document(sources: Sources, languages: tuple[str, ...]) -> dict[str, Any]:
    """What ``status --format json`` prints (see :data:`STATUS_JSON`)."""
    found: list[dict[str, Any]] = []
    for language in languages:
        assert sources.run is not None
        states = sources.run.languages[language].records
        rows: list[dict[str, Any]] = []
        for record in sources.records.values():
            status = states.get(record.display)
            counts = {s.value: status.count(s) if status else 0 for s in TextState}
            file = translation_path(language, record.relative)
            rows.append(
                {
                    "record": record.relative,
                    "kind": record.kind,
                    "file": file.as_posix(),
                    "file_exists": (sources.content_dir / file).is_file(),
                    "fields": len(record.fields),
                    **counts,
                }
            )
        totals = {s.value: sum(row[s.value] for row in rows) for s in TextState}
        found.append({"language": language, **totals, "records": rows})
    return {"version": 1, "languages": found}


def status_table(document: dict[str, Any], folder: str) -> str:
    """The status as aligned columns, one block per language."""
    states = [s.value for s in TextState]
    blocks: list[str] = []
    for language in document["languages"]:
        rows = [["record", *states, "translation file"]]
        for row in language["records"]:
            file = f"{folder}/{row['file']}" + ("" if row["file_exists"] else " (none yet)")
            rows.append([f"{folder}/{row['record']}", *(str(row[s]) for s in states), file])
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        lines = [
            f"{language['language']}: "
            + ", ".join(f"{language[s]} {s}" for s in states)
            + f" ({len(language['records'])} record(s))"
        ]
        for row in rows:
            cells = [row[0].ljust(widths[0])]
            cells += [
                cell.rjust(width) for cell, width in zip(row[1:-1], widths[1:-1], strict=True)
            ]
            cells.append(row[-1])
            lines.append("  " + "  ".join(cells))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def run_export(args: argparse.Namespace) -> int:
    if args.out is not None and refused("translations export", file_problem(args.out)):
        return 2
    settings = _settings(args)
    sources = read_sources(settings.content_dir, settings.metadata, settings.limits)
    _note_content_errors(sources)
    try:
        data, counts = export_catalog(sources, args.language, settings.limits)
    except YamlFault as fault:
        print_diagnostic(fault.diagnostic)
        return 1
    if args.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        where = "standard output"
    else:
        args.out.write_bytes(data)
        where = str(args.out)
    total = counts.translated + counts.stale + counts.missing
    print(
        f"wrote {where}: {total} message(s) in {args.language}, {counts.translated} "
        f"translated, {counts.stale} stale (fuzzy), {counts.missing} missing",
        file=sys.stderr,
    )
    return 0


def run_import(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if not args.po_file.is_file():
        raise UsageError(f"PO file not found: {args.po_file}")
    po_display = display_path(args.po_file)
    sources = read_sources(settings.content_dir, settings.metadata, settings.limits)
    _note_content_errors(sources)
    try:
        catalog = read_catalog(args.po_file, po_display)
    except YamlFault as fault:
        print_diagnostic(fault.diagnostic)
        return 1
    plan = plan_import(sources, args.language, catalog, po_display, settings.limits)
    for problem in plan.problems.sorted():
        print_diagnostic(problem)
    if plan.problems.errors:
        print(
            f"{len(plan.problems.errors)} error(s) in {po_display}: nothing was written",
            file=sys.stderr,
        )
        return 1
    verb = "would change" if args.dry_run else "changed"
    for change in plan.files:
        if not args.dry_run:
            try:
                write_text_atomically(change.path, change.text, settings.content_dir)
            except OutsideContent as exc:
                print_diagnostic(
                    Diagnostic(Location(change.display, 1, 1), str(exc), "path", Severity.ERROR)
                )
                return 1
        print(f"{verb} {change.display}: {change.added} added, {change.updated} updated")
    print(
        f"{'dry run, nothing written: ' if args.dry_run else ''}{len(plan.files)} file(s) "
        f"{verb}; {plan.added} entr{'y' if plan.added == 1 else 'ies'} added, {plan.updated} "
        f"updated, {plan.unchanged} unchanged; {plan.untranslated} message(s) without a "
        "translation skipped"
    )
    return 0
