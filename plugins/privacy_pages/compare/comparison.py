"""Comparisons: which product collects which catalog item, and how.

For one product and one catalog item, a :class:`Cell` says whether the product requires the
item, collects it optionally (and of which kind), collects it only under conditions, states that
it never collects it, or says nothing about it. A :class:`Collection` computes every cell once
per build, indexed by product and by item, and the comparison pages, the data-item index and the
exports all read it.

A writer configures comparisons in ``content/comparisons.yml``
(:class:`~privacy_pages.model.ComparisonSpec`); :func:`compare` turns one into a
:class:`Comparison`: rows of catalog items grouped by category, one column per product and one
per workload column.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from ..memo import memoized
from ..model import (
    CatalogItem,
    Category,
    ComparisonSpec,
    DataItem,
    Dataset,
    Product,
    Requirement,
)

#: The comparison a site gets when it has no content/comparisons.yml.
DEFAULT_COMPARISON = ComparisonSpec(
    id="all-products",
    title="All products compared",
    description="Every data item that any product collects, product by product.",
)


class Status(StrEnum):
    """What a product states about a catalog item."""

    REQUIRED = "required"
    OPTIONAL = "optional"
    CONDITIONAL = "conditional"
    NEVER = "never"
    NOT_STATED = "not-stated"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    Status.REQUIRED: "Required",
    Status.OPTIONAL: "Optional",
    Status.CONDITIONAL: "Conditional",
    Status.NEVER: "Never collected",
    Status.NOT_STATED: "Not stated",
}


class WorkloadStatus(StrEnum):
    """Whether a product collects an item under one of its workloads."""

    YES = "yes"
    CONDITIONAL = "conditional"
    NO = "no"
    NOT_STATED = "not-stated"

    @property
    def label(self) -> str:
        return _WORKLOAD_LABELS[self]


_WORKLOAD_LABELS = {
    WorkloadStatus.YES: "Yes",
    WorkloadStatus.CONDITIONAL: "Yes, conditionally",
    WorkloadStatus.NO: "No",
    WorkloadStatus.NOT_STATED: "Not stated",
}


def plain(text: str) -> str:
    """Plain text on one line: how conditions are compared, shown and exported."""
    return " ".join(text.split())


def _distinct(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(plain(v) for v in values if v))


@dataclass(frozen=True)
class Cell:
    """What one product states about one catalog item."""

    status: Status
    #: For collected items: required or optional (also when the item is conditional).
    requirement: Requirement | None = None
    #: For optional items: the kinds of optional data (diagnostic, feedback, ...).
    kinds: tuple[str, ...] = ()
    #: For conditional items: every condition that limits collection.
    conditions: tuple[str, ...] = ()

    @property
    def collected(self) -> bool:
        return self.status in (Status.REQUIRED, Status.OPTIONAL, Status.CONDITIONAL)

    @cached_property
    def detail(self) -> str:
        """What qualifies the status: ``diagnostic`` or ``optional, diagnostic``."""
        if self.status is Status.OPTIONAL:
            return ", ".join(self.kinds)
        if self.status is Status.CONDITIONAL and self.requirement is not None:
            return ", ".join((self.requirement.value, *self.kinds))
        return ""

    @cached_property  # cells are shared and their labels printed in many places
    def label(self) -> str:
        """The cell's text: ``Required``, ``Optional (diagnostic)``, ``Conditional (required)``."""
        detail = self.detail
        return f"{self.status.label} ({detail})" if detail else self.status.label

    @cached_property
    def rank(self) -> int:
        """Sort order: most firmly collected first, not stated last."""
        if self.status is Status.CONDITIONAL:
            return 1 if self.requirement is Requirement.REQUIRED else 3
        return {
            Status.REQUIRED: 0,
            Status.OPTIONAL: 2,
            Status.NEVER: 4,
            Status.NOT_STATED: 5,
        }[self.status]


NOT_STATED = Cell(Status.NOT_STATED)
NEVER = Cell(Status.NEVER)


@memoized(4096)
def shared_cell(
    status: Status,
    requirement: Requirement | None = None,
    kinds: tuple[str, ...] = (),
    conditions: tuple[str, ...] = (),
) -> Cell:
    """One cell object per distinct cell: a site has thousands of cells but few distinct ones,
    so each label and sort rank is worked out once."""
    return Cell(status, requirement, kinds, conditions)


@dataclass(frozen=True)
class Statement:
    """A cell with the product's own entries behind it (for links and the product's wording)."""

    cell: Cell
    #: The product's entries for the item in page order: where it is collected, or the
    #: entry in "Data never collected".
    items: tuple[DataItem, ...] = ()

    @property
    def anchor(self) -> str | None:
        return self.items[0].anchor if self.items else None

    @property
    def names(self) -> tuple[str, ...]:
        """How the product words the item, if differently from the catalog."""
        return tuple(dict.fromkeys(item.name for item in self.items))


@dataclass(frozen=True)
class WorkloadCell:
    """Whether a product collects an item under one workload."""

    status: WorkloadStatus
    conditions: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.status.label

    @cached_property
    def rank(self) -> int:
        return list(WorkloadStatus).index(self.status)


WORKLOAD_NOT_STATED = WorkloadCell(WorkloadStatus.NOT_STATED)


@memoized(4096)
def shared_workload_cell(status: WorkloadStatus, conditions: tuple[str, ...] = ()) -> WorkloadCell:
    """One object per distinct workload cell (see :func:`shared_cell`)."""
    return WorkloadCell(status, conditions)


def combine(items: Iterable[DataItem]) -> Cell:
    """One cell from every entry a product has for an item (Intune lists some items twice).

    An item is conditional only when every entry has a condition; otherwise the entries without
    one decide. It is required when any deciding entry is required.
    """
    entries = list(items)
    if not entries:
        return NOT_STATED
    unconditional = [item for item in entries if not item.conditions]
    deciding = unconditional or entries
    required = any(item.requirement is Requirement.REQUIRED for item in deciding)
    requirement = Requirement.REQUIRED if required else Requirement.OPTIONAL
    kinds = () if required else _distinct(item.kind for item in deciding)
    if unconditional:
        return shared_cell(Status(requirement.value), requirement, kinds)
    conditions = _distinct(c for item in entries for c in item.conditions)
    return shared_cell(Status.CONDITIONAL, requirement, kinds, conditions)


def combine_workload(items: Iterable[DataItem], workload_id: str) -> WorkloadCell:
    """One workload cell from every entry a product has for an item."""
    values = [value for item in items if (value := item.workload(workload_id)) is not None]
    if not values:
        return WORKLOAD_NOT_STATED
    applying = [value for value in values if value.applies]
    if any(value.condition is None for value in applying):
        return shared_workload_cell(WorkloadStatus.YES)
    if applying:
        conditions = _distinct(v.condition for v in applying)
        return shared_workload_cell(WorkloadStatus.CONDITIONAL, conditions)
    return shared_workload_cell(WorkloadStatus.NO, _distinct(v.condition for v in values))


class Collection:
    """Every product's statement about every catalog item, computed once per build."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        #: product id → item id → statement (only the items the product states).
        self.by_product: dict[str, dict[str, Statement]] = {}
        #: item id → product id → statement, products in dataset order.
        self.by_item: dict[str, dict[str, Statement]] = defaultdict(dict)
        #: The comparison tables, once :func:`comparisons` has computed them.
        self.tables: tuple[Comparison, ...] | None = None
        self._by_category: dict[str, list[CatalogItem]] | None = None
        for product in dataset.products.values():
            statements = _statements(product)
            self.by_product[product.id] = statements
            for item_id, statement in statements.items():
                self.by_item[item_id][product.id] = statement

    def catalog_by_category(self) -> dict[str, list[CatalogItem]]:
        """The catalog items of each category, in catalog order (worked out once)."""
        if self._by_category is None:
            self._by_category = defaultdict(list)
            for item in self.dataset.catalog.values():
                self._by_category[item.category].append(item)
        return self._by_category

    def statement(self, product_id: str, item_id: str) -> Statement:
        return self.by_product.get(product_id, {}).get(item_id) or Statement(NOT_STATED)

    def cell(self, product_id: str, item_id: str) -> Cell:
        return self.statement(product_id, item_id).cell

    def workload_cell(self, product_id: str, item_id: str, workload_id: str) -> WorkloadCell:
        statement = self.statement(product_id, item_id)
        if not statement.cell.collected:
            return WORKLOAD_NOT_STATED
        return combine_workload(statement.items, workload_id)

    def stated_by(self, item_id: str) -> dict[str, Statement]:
        """The products that state something about an item (in dataset order)."""
        return self.by_item.get(item_id, {})


def _statements(product: Product) -> dict[str, Statement]:
    entries: dict[str, list[DataItem]] = defaultdict(list)
    for item in product.items:
        if item.catalog:
            entries[item.id].append(item)
    statements = {
        item_id: Statement(combine(items), tuple(items)) for item_id, items in entries.items()
    }
    never = product.never_collected.items if product.never_collected else ()
    for item in never:
        if item.catalog and item.id not in statements:
            statements[item.id] = Statement(NEVER, (item,))
    return statements


# -- comparisons --------------------------------------------------------------------------------


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


def comparison_specs(dataset: Dataset) -> tuple[ComparisonSpec, ...]:
    """The site's comparisons: those in content/comparisons.yml, or one of every product."""
    if dataset.comparisons:
        return dataset.comparisons
    return (DEFAULT_COMPARISON,) if dataset.products else ()


def compare(spec: ComparisonSpec, collection: Collection) -> Comparison:
    """The table a comparison spec describes."""
    dataset = collection.dataset
    product_ids = spec.products or tuple(dataset.products)
    products = tuple(ProductColumn(dataset.products[pid]) for pid in product_ids)
    workloads = tuple(
        WorkloadColumnView(dataset.products[column.product], column.workload)
        for column in spec.workloads
    )
    category_ids = spec.categories or tuple(dataset.categories)
    by_category = collection.catalog_by_category()
    # Only items some compared product states make rows (unless not-stated rows are wanted).
    stated = set().union(*(collection.by_product.get(pid, {}) for pid in product_ids))
    groups = []
    for category_id in category_ids:
        rows = []
        for item in by_category.get(category_id, ()):
            if not spec.include_not_stated and item.id not in stated:
                continue
            statements = tuple(collection.statement(pid, item.id) for pid in product_ids)
            cells = tuple(
                collection.workload_cell(column.product.id, item.id, column.workload_id)
                for column in workloads
            )
            rows.append(Row(item, statements, cells))
        if rows:
            groups.append(CategoryRows(dataset.categories[category_id], tuple(rows)))
    return Comparison(spec, products, workloads, tuple(groups))


def comparisons(collection: Collection) -> tuple[Comparison, ...]:
    """Every comparison of the site (computed once per collection: pages and downloads share
    them)."""
    if collection.tables is None:
        specs = comparison_specs(collection.dataset)
        collection.tables = tuple(compare(spec, collection) for spec in specs)
    return collection.tables
