"""``privacy-pages schema``: print or write the JSON Schema of content records."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from ..load.schema import RECORD_KINDS, SCHEMA_FILE, record_schema, schema_document
from .output_paths import folder_problem, refused


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print or write the JSON Schema of content records",
        description=_wrap(
            "Print the JSON Schema that content records follow, or write one schema file per "
            f"kind of record ({', '.join(RECORD_KINDS)}) plus the combined schema "
            f"({SCHEMA_FILE}) into a folder, for editors such as VS Code with the YAML extension."
        ),
        epilog=kinds_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--out",
        "-o",
        type=Path,
        metavar="DIR",
        help="write the schema files into DIR instead of printing",
    )
    parser.add_argument(
        "--kind", choices=RECORD_KINDS, help="print the schema of one kind of record only"
    )
    parser.set_defaults(run=run)


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width=78, initial_indent=indent, subsequent_indent=indent)


def kinds_help() -> str:
    """The kinds of record, each with its schema file and what it holds, read from the schema."""
    definitions = schema_document()["$defs"]
    lines = ["kinds of record (--kind):"]
    for kind in RECORD_KINDS:
        lines.append(f"  {kind} ({kind}.schema.json)")
        lines.append(_wrap(str(definitions[kind].get("description", "")), " " * 4))
    return "\n".join(lines)


def _dump(document: object) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def run(args: argparse.Namespace) -> int:
    if args.out is None:
        document = record_schema(args.kind) if args.kind else schema_document()
        sys.stdout.write(_dump(document))
        return 0
    out: Path = args.out
    if refused("schema", folder_problem(out)):
        return 2
    out.mkdir(parents=True, exist_ok=True)
    (out / SCHEMA_FILE).write_text(_dump(schema_document()), "utf-8")
    for kind in RECORD_KINDS:
        (out / f"{kind}.schema.json").write_text(_dump(record_schema(kind)), "utf-8")
    print(f"wrote {len(RECORD_KINDS) + 1} schema file(s) to {out}", file=sys.stderr)
    return 0
