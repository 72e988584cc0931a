"""What ``export`` and ``check-label`` share: the records of one product, loaded and checked."""

from __future__ import annotations

import argparse

from ..hints import did_you_mean_of_all
from ..load.content import load_content
from ..model import Dataset, Product
from .common import CommandError, UsageError, print_diagnostic, site_settings


def load_dataset(args: argparse.Namespace) -> Dataset:
    """The site's dataset; raises :class:`CommandError` when the content has errors (what is
    written would be built on them)."""
    settings = site_settings(args)
    dataset, problems = load_content(settings.content_dir, settings.metadata)
    if problems.errors:
        for problem in sorted(problems.errors, key=lambda d: d.sort_key):
            print_diagnostic(problem)
        raise CommandError("fix the errors above first")
    return dataset


def load_product(args: argparse.Namespace) -> tuple[Product, Dataset]:
    """The product ``args.product`` and the dataset (see :func:`load_dataset`)."""
    dataset = load_dataset(args)
    product = dataset.products.get(args.product)
    if product is None:
        hint = did_you_mean_of_all(args.product, dataset.products)
        raise UsageError(f"expected a product id, found {args.product!r}{hint}")
    return product, dataset
