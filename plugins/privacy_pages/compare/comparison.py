"""Comparisons: tables of catalog items (rows, by category) by products and workloads (columns).

A writer configures comparisons in ``content/comparisons.yml``
(:class:`~privacy_pages.model.ComparisonSpec`); :func:`compare` turns one into a
:class:`Comparison` from the :class:`~privacy_pages.compare.collection.Collection`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from ..messages import N_, SOURCE_MESSAGES, Messages
from ..model import (
    CatalogItem,
    Category,
    ComparisonSpec,
    Dataset,
    Product,
)
from .cells import Cell, Statement, WorkloadCell
from .collection import Collection

#: The comparison a site gets when it has no content/comparisons.yml (its title and
#: description are messages: see :func:`comparison_specs`).
DEFAULT_COMPARISON = ComparisonSpec(
    id="all-products",
    title=N_("All products compared"),
    description=N_("Every data item that any product collects, product by product."),
)


@dataclass(frozen=True)
class ProductColumn:
    product: Product

    @property
    def key(self) -> str:
        return self.product.id

    @property
    def title(self) -> str:
        return self.product.name


@dataclass(frozen=True)
class WorkloadColumnView:
    """A workload column with the names it shows."""

    product: Product
    workload_id: str

    @property
    def key(self) -> str:
        return f"{self.product.id}/{self.workload_id}"

    @property
    def workload_name(self) -> str:
        names = {w.id: w.name for w in self.product.workloads}
        return names.get(self.workload_id, self.workload_id)

    @property
    def title(self) -> str:
        return f"{self.product.name}: {self.workload_name}"


@dataclass(frozen=True)
class Row:
    """One catalog item across the compared products."""

    item: CatalogItem
    statements: tuple[Statement, ...]
    workloads: tuple[WorkloadCell, ...]

    @property
    def cells(self) -> tuple[Cell, ...]:
        return tuple(statement.cell for statement in self.statements)


@dataclass(frozen=True)
class CategoryRows:
    category: Category
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Comparison:
    """A comparison table: catalog items grouped by category, by products and workloads."""

    spec: ComparisonSpec
    products: tuple[ProductColumn, ...]
    workloads: tuple[WorkloadColumnView, ...]
    groups: tuple[CategoryRows, ...]

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(row for group in self.groups for row in group.rows)

    @property
    def column_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.products) + tuple(c.key for c in self.workloads)

    def shows(self, status: str) -> bool:
        """Whether a product cell of the table has ``status`` (a :class:`Status` value): the
        legend explains the badges a table may not have only when it has them."""
        return any(cell.status == status for row in self.rows for cell in row.cells)

    def footnotes(self) -> dict[str, int]:
        """Every condition in the table, numbered in reading order (for footnotes)."""
        numbers: dict[str, int] = {}
        for row in self.rows:
            for condition in (
                *(c for cell in row.cells for c in cell.conditions),
                *(c for cell in row.workloads for c in cell.conditions),
            ):
                numbers.setdefault(condition, len(numbers) + 1)
        return numbers


def comparison_specs(
    dataset: Dataset, said: Messages = SOURCE_MESSAGES
) -> tuple[ComparisonSpec, ...]:
    """The site's comparisons: those in content/comparisons.yml, or one of every product (in
    ``said``'s language)."""
    if dataset.comparisons:
        return dataset.comparisons
    if not dataset.products:
        return ()
    spec = DEFAULT_COMPARISON
    description = said.gettext(spec.description) if spec.description else None
    return (replace(spec, title=said.gettext(spec.title), description=description),)


def compare(spec: ComparisonSpec, collection: Collection) -> Comparison:
    """The table a comparison spec describes."""
    dataset = collection.dataset
    product_ids = spec.products or tuple(dataset.products)
    products = tuple(ProductColumn(dataset.products[pid]) for pid in product_ids)
    workloads = tuple(
        WorkloadColumnView(dataset.products[column.product], column.workload)
        for column in spec.workloads
    )
    groups = []
    for category_id, items in row_items(spec, collection):
        rows = []
        for item in items:
            statements = tuple(collection.statement(pid, item.id) for pid in product_ids)
            cells = tuple(
                collection.workload_cell(column.product.id, item.id, column.workload_id)
                for column in workloads
            )
            rows.append(Row(item, statements, cells))
        groups.append(CategoryRows(dataset.categories[category_id], tuple(rows)))
    return Comparison(spec, products, workloads, tuple(groups))


def row_items(spec: ComparisonSpec, collection: Collection) -> list[tuple[str, list[CatalogItem]]]:
    """The catalog items a comparison's rows show, by category (only categories with rows):
    those some compared product states, unless the spec wants not-stated rows too."""
    product_ids = spec.products or tuple(collection.dataset.products)
    by_category = collection.catalog_by_category()
    stated = set().union(*(collection.by_product.get(pid, {}) for pid in product_ids))
    found = []
    for category_id in spec.categories or tuple(collection.dataset.categories):
        items = [
            item
            for item in by_category.get(category_id, ())
            if spec.include_not_stated or item.id in stated
        ]
        if items:
            found.append((category_id, items))
    return found


#: A comparison's table, given its spec, the products it reads (its columns and workloads), the
#: catalog items its rows show and how to make it: under ``mkdocs serve``, the last build's when
#: nothing it is made from changed.
KeptTable = Callable[
    [ComparisonSpec, tuple[Product, ...], tuple[CatalogItem, ...], Callable[[], Comparison]],
    Comparison,
]


def compared_products(spec: ComparisonSpec, dataset: Dataset) -> tuple[Product, ...]:
    """The products a comparison's table is made from: its columns', then its workloads'."""
    product_ids = spec.products or tuple(dataset.products)
    workloads = tuple(column.product for column in spec.workloads)
    return tuple(dataset.products[pid] for pid in (*product_ids, *workloads))


def comparisons(
    collection: Collection, kept: KeptTable | None = None, said: Messages = SOURCE_MESSAGES
) -> tuple[Comparison, ...]:
    """Every comparison table of the site, titled in ``said``'s language; ``kept`` (see
    :data:`KeptTable`) may give one."""
    specs = comparison_specs(collection.dataset, said)
    if kept is None:
        return tuple(compare(spec, collection) for spec in specs)
    dataset = collection.dataset
    return tuple(
        kept(
            spec,
            compared_products(spec, dataset),
            tuple(item for _, items in row_items(spec, collection) for item in items),
            partial(compare, spec, collection),
        )
        for spec in specs
    )
