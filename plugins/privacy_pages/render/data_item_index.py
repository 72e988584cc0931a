"""The data-item index: every catalog item, by category, with the products that state it."""

from __future__ import annotations

from dataclasses import dataclass

from ..compare.cells import Statement, combine_workload
from ..compare.collection import Collection
from ..compare.comparison import (
    Comparison,
)
from ..markdown_text import MarkdownSafe, inline
from ..memo import memoized
from ..model import CatalogItem, Category, Product
from ..settings import Settings
from .front_matter import page_front_matter
from .generated import GeneratedPage
from .paths import (
    asset_paths,
    comparison_page_path,
    data_item_index_path,
    product_page_path,
    relative_link,
)
from .templates import render

INDEX_TITLE = "Data item index"


INDEX_DESCRIPTION = "Every data item in the catalog, the products that collect it, and how."


def heading_id(value: str) -> MarkdownSafe:
    """An explicit heading id (``{#id}``, attr_list) for an id the schema restricts."""
    if not value.isascii() or not value.replace("-", "").isalnum():
        raise ValueError(f"unsafe heading id {value!r}")
    return MarkdownSafe("{#" + value + "}")


@dataclass(frozen=True)
class IndexRow:
    """One product's statement about an item, as the index lists it."""

    product: Product
    statement: Statement
    link: str
    workloads: tuple[str, ...]

    @property
    def wording(self) -> tuple[str, ...]:
        """The product's own names for the item, where they differ from the catalog's."""
        return self.statement.names

    @property
    def conditions(self) -> MarkdownSafe:
        """The conditions of the product's statement, as the index prints them."""
        return listed(self.statement.cell.conditions)

    @property
    def workload_text(self) -> MarkdownSafe:
        """The product's workloads for the item, as the index prints them."""
        return listed(self.workloads)


@memoized(4096)  # cells are shared, and products list the same workloads for many items
def listed(texts: tuple[str, ...]) -> MarkdownSafe:
    """Texts escaped and separated by semicolons, or a dash for none (a table cell)."""
    return MarkdownSafe("; ".join(inline(text) for text in texts) if texts else "—")


#: Up to this many products that do not state an item are named in the data-item index; above
#: it the index gives their number. Naming them all would make the index grow with products times
#: items (at 1,000 products, a hundred megabytes of names on one page).
NOT_STATED_NAMED = 12


@dataclass(frozen=True)
class IndexEntry:
    item: CatalogItem
    rows: tuple[IndexRow, ...]
    #: How many products do not state the item.
    not_stated_count: int
    #: Their names, escaped and separated by commas (each name escaped once per build), or
    #: None when there are more than :data:`NOT_STATED_NAMED` of them.
    not_stated_names: MarkdownSafe | None


def _workload_texts(product: Product, statement: Statement) -> tuple[str, ...]:
    if not statement.cell.collected:
        return ()
    texts = []
    for workload in product.workloads:
        cell = combine_workload(statement.items, workload.id)
        if cell.conditions:
            texts.append(f"{workload.name}: {cell.label} ({'; '.join(cell.conditions)})")
        else:
            texts.append(f"{workload.name}: {cell.label}")
    return tuple(texts)


def index_entries(
    collection: Collection, settings: Settings
) -> list[tuple[Category, list[IndexEntry]]]:
    """Every catalog item by category, with the products that state it."""
    dataset = collection.dataset
    path = data_item_index_path(settings)
    links = {pid: relative_link(path, product_page_path(settings, pid)) for pid in dataset.products}
    names = {pid: inline(product.name) for pid, product in dataset.products.items()}
    by_category: dict[str, list[IndexEntry]] = {category: [] for category in dataset.categories}
    for item in dataset.catalog.values():
        stated = collection.stated_by(item.id)
        rows = []
        for product_id, statement in stated.items():
            product = dataset.products[product_id]
            link = links[product_id]
            rows.append(
                IndexRow(
                    product,
                    statement,
                    f"{link}#{statement.anchor}" if statement.anchor else link,
                    _workload_texts(product, statement),
                )
            )
        count = len(dataset.products) - len(stated)
        listed = None
        if count <= NOT_STATED_NAMED:
            listed = MarkdownSafe(", ".join([n for pid, n in names.items() if pid not in stated]))
        entry = IndexEntry(item, tuple(rows), count, listed)
        by_category.setdefault(item.category, []).append(entry)
    return [
        (dataset.categories[category_id], entries)
        for category_id, entries in by_category.items()
        if entries and category_id in dataset.categories
    ]


def render_data_item_index(
    collection: Collection, settings: Settings, all_comparisons: tuple[Comparison, ...]
) -> GeneratedPage:
    path = data_item_index_path(settings)
    body = render(
        "data-item-index.md.j2",
        settings.templates_dir,
        groups=index_entries(collection, settings),
        has_workloads=any(p.workloads for p in collection.dataset.products.values()),
        comparisons=[
            (c.spec.title, relative_link(path, comparison_page_path(settings, c.id)))
            for c in all_comparisons
        ],
        json_link=relative_link(path, asset_paths(settings).privacy_json),
        heading_id=heading_id,
    )
    return GeneratedPage(
        path=path,
        markdown=page_front_matter(INDEX_TITLE, INDEX_DESCRIPTION) + body,
        title=INDEX_TITLE,
        source=None,
    )
