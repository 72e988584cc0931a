"""The collection: every product's statement about every catalog item, computed once per
build and indexed by product and by item. Comparisons, the data-item index and the downloads
all read it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ..model import (
    CatalogItem,
    DataItem,
    Dataset,
    Product,
)
from .cells import (
    NEVER,
    NOT_STATED,
    WORKLOAD_NOT_STATED,
    Cell,
    Statement,
    WorkloadCell,
    combine,
    combine_workload,
)


class Collection:
    """Every product's statement about every catalog item, computed once per build."""

    def __init__(
        self,
        dataset: Dataset,
        statements: Callable[[Product], dict[str, Statement]] | None = None,
    ) -> None:
        """``statements``: what each product states (:func:`statements_of`, or the same kept
        from the last build for a product that is the same object)."""
        self.dataset = dataset
        statements = statements or statements_of
        #: product id → item id → statement (only the items the product states).
        self.by_product: dict[str, dict[str, Statement]] = {}
        #: item id → product id → statement, products in dataset order.
        self.by_item: dict[str, dict[str, Statement]] = defaultdict(dict)
        self._by_category: dict[str, list[CatalogItem]] | None = None
        for product in dataset.products.values():
            stated = statements(product)
            self.by_product[product.id] = stated
            for item_id, statement in stated.items():
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


def statements_of(product: Product) -> dict[str, Statement]:
    """What a product states about each catalog item it names (a pure function of the
    product: it never changes the result, which collections may share)."""
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
