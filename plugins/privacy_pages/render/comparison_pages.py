"""The comparison pages and the data-item index, as generated Markdown pages.

A comparison table is HTML inside the Markdown page: it needs a caption, ``<th scope>`` and the
``data-pp-*`` attributes the packaged script sorts and filters by, none of which a Markdown table
has. Links inside that HTML are final URLs (Markdown does not rewrite raw HTML), so they follow
:attr:`Settings.directory_urls`. The data-item index is plain Markdown, so its links to product
pages are checked by the site generator like any other link.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..compare.comparison import (
    Cell,
    Collection,
    Comparison,
    ProductColumn,
    Row,
    Statement,
    WorkloadCell,
    WorkloadColumnView,
    combine_workload,
    comparison_specs,
    comparisons,
)
from ..memo import memoized
from ..model import CatalogItem, Category, Dataset, Product
from ..settings import Settings
from .exports import asset_paths
from .markdown_text import MarkdownSafe, inline
from .pages import (
    GeneratedPage,
    PlannedPage,
    product_page_path,
    relative_link,
    yaml_header,
)
from .templates import environment, html_text, render

INDEX_TITLE = "Data item index"
INDEX_DESCRIPTION = "Every data item in the catalog, the products that collect it, and how."


def comparison_page_path(settings: Settings, comparison_id: str) -> str:
    return f"{settings.pages_dir}/compare/{comparison_id}.md"


def data_item_index_path(settings: Settings) -> str:
    return f"{settings.pages_dir}/data-items.md"


def page_url(path: str, directory_urls: bool) -> str:
    """The URL (relative to the site root) a static site generator gives a Markdown page."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/" if directory_urls else f"{stem}.html"


def relative_url(from_page: str, to_page: str, directory_urls: bool, fragment: str = "") -> str:
    """A URL from one page to another (and an anchor on it), for links in raw HTML."""
    url = _relative_page_url(from_page, to_page, directory_urls)
    return f"{url}#{fragment}" if fragment else url


@memoized(16384)
def _relative_page_url(from_page: str, to_page: str, directory_urls: bool) -> str:
    # Once per pair of pages: a table links each of its products and the index once per row.
    source = page_url(from_page, directory_urls)
    target = page_url(to_page, directory_urls)
    source_dir = source if source.endswith("/") or not source else posixpath.dirname(source)
    url = posixpath.relpath(target or ".", source_dir or ".")
    if target.endswith("/") or not target:
        url = url.rstrip("/") + "/"
    return url


def heading_id(value: str) -> MarkdownSafe:
    """An explicit heading id (``{#id}``, attr_list) for an id the schema restricts."""
    if not value.isascii() or not value.replace("-", "").isalnum():
        raise ValueError(f"unsafe heading id {value!r}")
    return MarkdownSafe("{#" + value + "}")


def _front_matter(title: str, description: str) -> str:
    header = yaml_header({"title": title, "description": description})
    return f"---\n{header}---\n\n"


# -- comparison pages ---------------------------------------------------------------------------


#: Where a cached cell's link goes: NUL, which content cannot hold (the loader refuses it).
_HREF_SLOT = "\x00"


class TableCells:
    """The cells of one comparison table, from the macros of ``comparison-cells.md.j2``.

    A table has a cell per product and item but few distinct cells, so each distinct cell is
    rendered once, with a slot for its link that is filled in per cell. A template override
    that changes the link so that the slot does not survive is rendered cell by cell instead.
    """

    def __init__(
        self, comparison: Comparison, footnotes: dict[str, int], settings: Settings
    ) -> None:
        self.comparison = comparison
        self.footnotes = footnotes
        self.settings = settings
        self.path = comparison_page_path(settings, comparison.id)
        template = environment(settings.templates_dir).get_template("comparison-cells.md.j2")
        self.macros: Any = template.module  # the template's macros, as attributes
        self.rendered: dict[tuple[object, ...], str | None] = {}

    def _notes(self, conditions: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
        return tuple((self.footnotes[condition], condition) for condition in conditions)

    def product_url(self, product: Product, statement: Statement) -> str:
        """The link from the table to the product's entry for the item."""
        return relative_url(
            self.path,
            product_page_path(self.settings, product.id),
            self.settings.directory_urls,
            statement.anchor or "",
        )

    def product_cell(self, column: ProductColumn, statement: Statement) -> MarkdownSafe:
        cell = statement.cell
        href = self.product_url(column.product, statement) if statement.anchor else ""
        key = (column.key, cell, bool(href))
        if key not in self.rendered:
            once = str(self._product_cell(column, cell, _HREF_SLOT if href else ""))
            self.rendered[key] = once if not href or _HREF_SLOT in once else None
        shape = self.rendered[key]
        if shape is None:  # an override that does not keep the slot: render this cell alone
            return self._product_cell(column, cell, href)
        return MarkdownSafe(shape.replace(_HREF_SLOT, html_text(href)) if href else shape)

    def _product_cell(self, column: ProductColumn, cell: Cell, href: str) -> MarkdownSafe:
        notes = self._notes(cell.conditions)
        markup = self.macros.product_cell(self.comparison.id, column.key, cell, notes, href)
        return MarkdownSafe(markup)

    def row_cells(self, row: Row) -> MarkdownSafe:
        """Every cell of a row, one per line (one call per row: a table has thousands of cells)."""
        comparison = self.comparison
        cells = [
            self.product_cell(column, statement)
            for column, statement in zip(comparison.products, row.statements, strict=True)
        ]
        cells += [
            self.workload_cell(column, cell)
            for column, cell in zip(comparison.workloads, row.workloads, strict=True)
        ]
        return MarkdownSafe("\n".join(cells))

    def workload_cell(self, column: WorkloadColumnView, cell: WorkloadCell) -> MarkdownSafe:
        key = (column.key, cell)
        shape = self.rendered.get(key)
        if shape is None:
            notes = self._notes(cell.conditions)
            shape = str(self.macros.workload_cell(self.comparison.id, column.key, cell, notes))
            self.rendered[key] = shape
        return MarkdownSafe(shape)


def render_comparison(
    comparison: Comparison, settings: Settings, all_comparisons: tuple[Comparison, ...] = ()
) -> GeneratedPage:
    path = comparison_page_path(settings, comparison.id)
    assets = asset_paths(settings)
    footnotes = comparison.footnotes()
    cells = TableCells(comparison, footnotes, settings)

    def index_url(item: CatalogItem) -> str:
        return relative_url(path, data_item_index_path(settings), settings.directory_urls, item.id)

    body = render(
        "comparison.md.j2",
        settings.templates_dir,
        comparison=comparison,
        footnotes=footnotes,
        product_url=cells.product_url,
        row_cells=cells.row_cells,
        product_cell=cells.product_cell,
        workload_cell=cells.workload_cell,
        index_url=index_url,
        search_text=_search_text,
        csv_link=relative_link(path, assets.csv(comparison.id)),
        json_link=relative_link(path, assets.privacy_json),
        schema_link=relative_link(path, assets.schema),
        index_link=relative_link(path, data_item_index_path(settings)),
        product_links=[
            (c.title, relative_link(path, product_page_path(settings, c.product.id)))
            for c in comparison.products
        ],
        others=[
            (other.spec.title, relative_link(path, comparison_page_path(settings, other.id)))
            for other in all_comparisons
            if other.id != comparison.id
        ],
    )
    description = comparison.spec.description or f"{comparison.spec.title}: data items by product."
    return GeneratedPage(
        path=path,
        markdown=_front_matter(comparison.spec.title, description) + body,
        title=comparison.spec.title,
        source=None,
    )


def _search_text(item: CatalogItem) -> str:
    """What the filter box matches a row by: the item's name, id and aliases."""
    return " ".join((item.name, item.id, *item.aliases)).lower()


# -- data-item index ----------------------------------------------------------------------------


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
        markdown=_front_matter(INDEX_TITLE, INDEX_DESCRIPTION) + body,
        title=INDEX_TITLE,
        source=None,
    )


def render_comparison_pages(collection: Collection, settings: Settings) -> list[GeneratedPage]:
    """The comparison pages and the data-item index (none for a site without products)."""
    return list(iter_comparison_pages(collection, settings))


def iter_comparison_pages(collection: Collection, settings: Settings) -> Iterator[GeneratedPage]:
    """:func:`render_comparison_pages` one page at a time."""
    if not collection.dataset.products:
        return
    tables = comparisons(collection)
    for table in tables:
        yield render_comparison(table, settings, tables)
    yield render_data_item_index(collection, settings, tables)


def planned_comparison_pages(dataset: Dataset, settings: Settings) -> list[PlannedPage]:
    """The pages :func:`iter_comparison_pages` generates, in its order, without rendering."""
    if not dataset.products:
        return []
    plan = [
        PlannedPage(path=comparison_page_path(settings, spec.id), title=spec.title)
        for spec in comparison_specs(dataset)
    ]
    plan.append(PlannedPage(path=data_item_index_path(settings), title=INDEX_TITLE))
    return plan


def comparison_list(dataset: Dataset, settings: Settings, page: str, args: list[str]) -> str:
    """The block ``<!-- privacy-pages: comparisons -->``: links to every comparison, the
    data-item index and the downloads (nothing on a site without products)."""
    if not dataset.products:
        return ""
    paths = asset_paths(settings)
    return render(
        "comparison-list.md.j2",
        settings.templates_dir,
        comparisons=[
            (
                spec.title,
                spec.description,
                relative_link(page, comparison_page_path(settings, spec.id)),
            )
            for spec in comparison_specs(dataset)
        ],
        index_title=INDEX_TITLE,
        index_link=relative_link(page, data_item_index_path(settings)),
        json_link=relative_link(page, paths.privacy_json),
        schema_link=relative_link(page, paths.schema),
    )


def is_comparison_page(path: str, settings: Settings) -> bool:
    return path.startswith(posixpath.dirname(comparison_page_path(settings, "x")) + "/")


def comparison_nav(
    pages: Sequence[GeneratedPage | PlannedPage], settings: Settings
) -> list[dict[str, object]]:
    """Nav entries for the comparison pages (unless ``settings.nav_products`` is off) and the
    data-item index, to follow the products.

    Titles are HTML-escaped: themes print nav titles as HTML, and comparison titles are content.
    """
    compared: list[dict[str, object]] = [
        {html.escape(p.title): p.path}
        for p in pages
        if settings.nav_products and is_comparison_page(p.path, settings)
    ]
    index: list[dict[str, object]] = [
        {html.escape(p.title): p.path} for p in pages if p.path == data_item_index_path(settings)
    ]
    entries: list[dict[str, object]] = [{"Comparisons": compared}] if compared else []
    return entries + index
