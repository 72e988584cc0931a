"""Comparison pages as a writer configures them in content/comparisons.yml."""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Location


@dataclass(frozen=True)
class WorkloadColumn:
    """An extra comparison column: whether a product collects each item under one workload."""

    product: str
    workload: str


@dataclass(frozen=True)
class ComparisonSpec:
    """A comparison page as the writer configures it (see :mod:`privacy_pages.compare.comparison`)."""

    id: str
    title: str
    description: str | None = None
    #: The products compared, in column order; empty means every product.
    products: tuple[str, ...] = ()
    #: The categories shown, in order; empty means every category.
    categories: tuple[str, ...] = ()
    workloads: tuple[WorkloadColumn, ...] = ()
    #: Also list catalog items that no compared product states anything about.
    include_not_stated: bool = False
    source: Location | None = None
