"""``privacy-pages schema``: print or write the JSON Schema of content records."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..load.schema import RECORD_KINDS, record_schema, schema_document


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print or write the JSON Schema of content records",
        description="Print the JSON Schema that content records follow, or write one schema file "
        "per kind of record (product, catalog, categories) plus the combined schema into a "
        "folder, for editors such as VS Code with the YAML extension.",
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


def _dump(document: object) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def run(args: argparse.Namespace) -> int:
    if args.out is None:
        document = record_schema(args.kind) if args.kind else schema_document()
        sys.stdout.write(_dump(document))
        return 0
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "privacy-pages.schema.json").write_text(_dump(schema_document()), "utf-8")
    for kind in RECORD_KINDS:
        (out / f"{kind}.schema.json").write_text(_dump(record_schema(kind)), "utf-8")
    print(f"wrote {len(RECORD_KINDS) + 1} schema file(s) to {out}", file=sys.stderr)
    return 0
