"""What ``export`` and ``check-label`` share: the records of one product, loaded and checked."""

from __future__ import annotations

import argparse
import sys

from ..hints import did_you_mean
from ..load.content import load_content
from ..model import Dataset, Product
from .common import UsageError, print_diagnostic, site_settings


def load_dataset(args: argparse.Namespace, command: str) -> Dataset | int:
    """The site's dataset, or the exit code after saying why not: 2 for bad usage, 1 when the
    content has errors (what is written would be built on them)."""
    try:
        settings = site_settings(args)
    except UsageError as exc:
        print(f"privacy-pages {command}: {exc}", file=sys.stderr)
        return 2
    dataset, problems = load_content(settings.content_dir, settings.metadata)
    if problems.errors:
        for problem in sorted(problems.errors, key=lambda d: d.sort_key):
            print_diagnostic(problem)
        print(f"privacy-pages {command}: fix the errors above first", file=sys.stderr)
        return 1
    return dataset


def load_product(args: argparse.Namespace, command: str) -> tuple[Product, Dataset] | int:
    """The product ``args.product`` and the dataset, or the exit code after saying why not:
    2 for bad usage, 1 when the content has errors (the labels would be built on them)."""
    dataset = load_dataset(args, command)
    if isinstance(dataset, int):
        return dataset
    product = dataset.products.get(args.product)
    if product is None:
        hint = did_you_mean(args.product, dataset.products)
        print(
            f"privacy-pages {command}: expected a product id, found {args.product!r}{hint}",
            file=sys.stderr,
        )
        return 2
    return product, dataset
