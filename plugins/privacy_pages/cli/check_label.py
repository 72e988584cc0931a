"""``privacy-pages check-label``: compare a store's privacy label file with the records."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..stores.drift import check_label
from ..stores.label import NotShipped, StoreFileError
from .common import UsageError, add_site_arguments
from .store_records import load_product


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check-label",
        help="report every difference between a store's label file and the records",
        description="Read a store's privacy label (a Data safety CSV exported from the Play "
        "Console, a PrivacyInfo.xcprivacy, or fastlane's app_privacy_details.json) and report "
        "every difference from the product's records, one a line: a missing or extra data "
        "type, different purposes (of collection or of sharing), required against optional, a "
        "different flag, and a different answer about the whole app where the records give "
        "one and the file carries it (Data safety's general questions; the manifest's tracking "
        "domains and required-reason APIs). Exit code 0 "
        "when there is none, 1 on any difference (or content errors), 2 on bad usage or an "
        "unreadable file.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the store file")
    parser.add_argument("--product", required=True, metavar="ID", help="the product's id")
    add_site_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    product, dataset = load_product(args)
    try:
        found = check_label(args.file, product, dataset)
    except (OSError, StoreFileError, NotShipped) as exc:
        raise UsageError(f"{args.file}: {exc}") from exc
    for line in found:
        print(f"{args.file}: {line}")
    count = len(found)
    print(f"{count} difference(s) from the records of {product.id}", file=sys.stderr)
    return 1 if count else 0
