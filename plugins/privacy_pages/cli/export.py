"""``privacy-pages export``: write a store's privacy label for a product, or the record of
processing activities (GDPR Art. 30(1)) of every product, from the records."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..diagnostics import Diagnostic, Severity
from ..history.archive import Archive
from ..history.releases import load_history
from ..messages import SOURCE_MESSAGES
from ..model import DataItem, Dataset, Product
from ..render.processing_record import processing_record_csv
from ..stores.apple_app_privacy import write_app_privacy_details
from ..stores.apple_manifest import write_manifest
from ..stores.google_play import write_data_safety
from ..stores.label import NotShipped, RequirementNotStated, StoreLabel, store_label
from .common import CommandError, UsageError, add_site_arguments, print_diagnostic, site_settings
from .output_paths import file_problem, refused
from .store_records import load_dataset, load_product

#: By format: the store whose label it writes, and the writer (text or bytes).
FORMATS: dict[str, tuple[str, Callable[[StoreLabel], str | bytes]]] = {
    "google-play": ("google_play", write_data_safety),
    "apple-privacy-manifest": ("apple", write_manifest),
    "apple-app-privacy": ("apple", write_app_privacy_details),
}
#: The record of processing activities, as CSV: every product's, or one product's.
PROCESSING_RECORD = "processing-record"


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write a store's privacy label for a product, or the record of processing",
        description="Write a product's privacy label for an app store from its records: "
        "google-play (the Play Console's Data safety CSV), apple-privacy-manifest "
        "(PrivacyInfo.xcprivacy) or apple-app-privacy (fastlane's app_privacy_details.json); "
        "or processing-record: the record of processing activities (GDPR Art. 30(1)) as CSV, "
        "one row per product and purpose, of every product or of PRODUCT. "
        "With --release, the label as it was at that release. "
        "A store whose form asks whether each data type is required or optional (Google Play) "
        "gets no file while an item on its label is collected without the records saying "
        "which: each such item is reported at its line. "
        "Exit code 0 on success, 1 when the content has errors (or such an item), 2 on bad "
        "usage (an unknown product or release, or a product that does not ship to the store).",
    )
    parser.add_argument("format", choices=[*FORMATS, PROCESSING_RECORD], help="the file to write")
    parser.add_argument(
        "product",
        metavar="PRODUCT",
        nargs="?",
        help="the product's id (a store's label: required; the record: default every product)",
    )
    parser.add_argument(
        "--out", "-o", type=Path, metavar="FILE", help="write here (default: standard output)"
    )
    parser.add_argument(
        "--release",
        metavar="VERSION",
        help="write the label as it was at this release (from the records content/history/"
        "VERSION.json keeps), not from today's content",
    )
    add_site_arguments(parser)
    parser.set_defaults(run=run, usage_errors=(NotShipped,))


def run(args: argparse.Namespace) -> int:
    if args.out is not None and refused("export", file_problem(args.out)):
        return 2
    if args.format == PROCESSING_RECORD:
        return _processing_record(args)
    if args.product is None:
        raise UsageError(f"{args.format}: expected a PRODUCT id")
    product, dataset = load_product(args) if args.release is None else _at_release(args)
    store, write = FORMATS[args.format]
    label = store_label(product, dataset, store)
    try:
        output = write(label)
    except RequirementNotStated as exc:
        for item in exc.items:
            print_diagnostic(_not_stated(product, item, exc.store))
        raise CommandError(f"{args.format}: fix the items above first") from None
    _write(output, args.out)
    if args.out is not None:
        tables = label.tables
        version = (
            f"Data safety template {tables.google_play.template_version}"
            if store == "google_play"
            else f"Apple's lists: {tables.apple.version}"
        )
        print(f"wrote {args.out} ({len(label.entries)} data type(s); {version})", file=sys.stderr)
    return 0


def _write(output: str | bytes, out: Path | None) -> None:
    data = output.encode("utf-8") if isinstance(output, str) else output
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        out.write_bytes(data)


def _processing_record(args: argparse.Namespace) -> int:
    """The record of processing activities, as the site's download has it (or one product's
    rows)."""
    if args.release is not None:
        raise UsageError("processing-record: --release is for store labels")
    if args.product is not None:
        product, dataset = load_product(args)
        dataset = replace(dataset, products={product.id: product})
    else:
        dataset = load_dataset(args)
    settings = site_settings(args)
    # (in English, the records' language: the command reads no translation)
    output = processing_record_csv(dataset, settings.controller, SOURCE_MESSAGES)
    _write(output, args.out)
    if args.out is not None:
        print(
            f"wrote {args.out} (the record of processing of {len(dataset.products)} product(s))",
            file=sys.stderr,
        )
    return 0


def _not_stated(product: Product, item: DataItem, store: str) -> Diagnostic:
    """An item the store must be told is required or optional, which its record does not say."""
    path = next(
        (
            f"collected.groups[{g}].items[{i}]"
            for g, group in enumerate(product.collected.groups)
            for i, listed in enumerate(group.items)
            if listed is item
        ),
        "collected",
    )
    return Diagnostic(
        item.source,
        f"item {item.id!r} is collected without saying whether it is required or optional, and "
        f"{store} asks which; move it under required or optional (as the product says) before "
        "exporting",
        "requirement-not-stated",
        Severity.ERROR,
        path,
    )


def _at_release(args: argparse.Namespace) -> tuple[Product, Dataset]:
    """The product as the release ``args.release`` published it: a :class:`UsageError` for an
    unknown release or product, a :class:`CommandError` when the release cannot say."""
    settings = site_settings(args)
    history, problems = load_history(settings.content_dir)
    for problem in problems.sorted():
        print_diagnostic(problem)
    release = next((r for r in history.releases if r.version == args.release), None)
    if release is None:
        known = ", ".join(r.version for r in history.releases) or "none recorded"
        found = f"expected a recorded release, found {args.release!r} (releases: {known})"
        raise CommandError(found) if problems.errors else UsageError(found)
    archive = Archive(history, settings.metadata)
    dataset = archive.dataset(release, every=True)
    if dataset is None:
        raise CommandError(
            f"release {release.version} was recorded before releases kept their records, so "
            "its labels cannot be written"
        )
    for problem in archive.problems.sorted():
        print_diagnostic(problem)
    product = dataset.products.get(args.product)
    if product is None:
        raise UsageError(
            f"release {release.version} has no statement {args.product!r} (it has: "
            f"{', '.join(sorted(dataset.products))})"
        )
    return product, dataset
