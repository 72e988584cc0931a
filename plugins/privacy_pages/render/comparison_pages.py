"""The comparison pages, as generated Markdown pages.

A comparison table is HTML inside the Markdown page: it needs a caption, ``<th scope>`` and the
``data-pp-*`` attributes the packaged script sorts and filters by, none of which a Markdown table
has. Links inside that HTML are final URLs (Markdown does not rewrite raw HTML), so they follow
:attr:`Settings.directory_urls`."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from ..compare.cells import Cell, Statement, WorkloadCell
from ..compare.collection import Collection
from ..compare.comparison import (
    Comparison,
    ProductColumn,
    Row,
    WorkloadColumnView,
    comparison_specs,
)
from ..markdown_text import MarkdownSafe
from ..model import CatalogItem, Dataset, Product
from ..settings import Settings
from ..stores.tables import StoreTables, tables_of
from .data_item_index import (
    INDEX_TITLE,
    caption_detail,
    filter_text,
    render_data_item_index,
    wide_page_front_matter,
)
from .generated import GeneratedPage, PlannedPage, as_rendered
from .paths import (
    asset_paths,
    comparison_page_path,
    data_item_index_path,
    product_page_path,
    relative_link,
    relative_url,
)
from .reuse import PageReuse
from .store_labels import store_type_options, store_type_tokens
from .templates import html_text, page_environment, render
from .translated import NOTHING_SHOWN, Showing

#: Where a cached cell's link goes: NUL, which content cannot hold (the loader refuses it).
_HREF_SLOT = "\x00"


class TableCells:
    """The cells of one comparison table, from the macros of ``comparison-cells.md.j2``.

    A table has a cell per product and item but few distinct cells, so each distinct cell is
    rendered once, with a slot for its link that is filled in per cell. A template override
    that changes the link so that the slot does not survive is rendered cell by cell instead.
    """

    def __init__(
        self,
        comparison: Comparison,
        footnotes: dict[str, int],
        settings: Settings,
        showing: Showing = NOTHING_SHOWN,
    ) -> None:
        self.comparison = comparison
        self.footnotes = footnotes
        self.settings = settings
        self.path = comparison_page_path(settings, comparison.id)
        env = page_environment(settings.templates_dir, settings.messages, showing)
        template = env.get_template("comparison-cells.md.j2")
        self.macros: Any = template.module  # the template's macros, as attributes
        self.rendered: dict[tuple[object, ...], str | None] = {}
        self.escaped_bases: dict[str, str] = {}  # product id → its page's link, escaped

    def _notes(self, conditions: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
        return tuple((self.footnotes[condition], condition) for condition in conditions)

    def product_url(self, product: Product, statement: Statement) -> str:
        """The link from the table to the product's entry for the item."""
        return relative_url(
            self.path,
            product_page_path(self.settings, product.id),
            self.settings,
            statement.anchor or "",
        )

    def _href_text(self, product: Product, statement: Statement) -> str:
        """``html_text(self.product_url(product, statement))``, from the product's link escaped
        once: a table has a link per cell, each to another anchor."""
        base = self.escaped_bases.get(product.id)
        if base is None:
            url = relative_url(
                self.path, product_page_path(self.settings, product.id), self.settings
            )
            base = self.escaped_bases[product.id] = html_text(url)
        # Escaping goes character by character, but for runs of white space: the same as the
        # link escaped whole, since a page's link ends with "/", ".md" or ".html".
        anchor = statement.anchor or ""
        if anchor.replace("-", "").isalnum():  # nothing to escape (ids are slugs)
            return f"{base}#{anchor}"
        return html_text(self.product_url(product, statement))

    def product_cell(self, column: ProductColumn, statement: Statement) -> MarkdownSafe:
        return MarkdownSafe(self._product_cell_text(column, statement))

    def _product_cell_text(self, column: ProductColumn, statement: Statement) -> str:
        cell = statement.cell
        linked = bool(statement.anchor)
        key = (column.key, cell, linked)
        try:
            shape = self.rendered[key]
        except KeyError:  # the first cell of its kind in the column: render it once
            once = str(self._product_cell(column, cell, _HREF_SLOT if linked else ""))
            shape = self.rendered[key] = once if not linked or _HREF_SLOT in once else None
        if shape is None:  # an override that does not keep the slot: render this cell alone
            return str(
                self._product_cell(column, cell, self.product_url(column.product, statement))
            )
        return (
            shape.replace(_HREF_SLOT, self._href_text(column.product, statement))
            if linked
            else shape
        )

    def _product_cell(self, column: ProductColumn, cell: Cell, href: str) -> MarkdownSafe:
        notes = self._notes(cell.conditions)
        markup = self.macros.product_cell(self.comparison.id, column.key, cell, notes, href)
        return MarkdownSafe(markup)

    def row_cells(self, row: Row) -> MarkdownSafe:
        """Every cell of a row, one per line (one call per row: a table has thousands of cells)."""
        comparison = self.comparison
        cell_text = self._product_cell_text
        cells = [
            cell_text(column, statement)
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
    comparison: Comparison,
    settings: Settings,
    all_comparisons: tuple[Comparison, ...],
    stores: StoreTables,
    showing: Showing = NOTHING_SHOWN,
) -> GeneratedPage:
    """A comparison's page, in the language of ``settings`` with the records' texts as
    ``showing`` shows them; ``stores``: the site's store tables."""
    path = comparison_page_path(settings, comparison.id)
    assets = asset_paths(settings)
    footnotes = comparison.footnotes()
    said = settings.messages
    cells = TableCells(comparison, footnotes, settings, showing)

    def index_url(item: CatalogItem) -> str:
        return relative_url(path, data_item_index_path(settings), settings, item.id)

    description = comparison.spec.description or said.gettext(
        "%(title)s: data items by product.", title=comparison.spec.title
    )
    markdown = render(
        "comparison.md.j2",
        page_environment(settings.templates_dir, said, showing),
        before=wide_page_front_matter(comparison.spec.title, description),
        comparison=comparison,
        footnotes=footnotes,
        product_url=cells.product_url,
        row_cells=cells.row_cells,
        product_cell=cells.product_cell,
        workload_cell=cells.workload_cell,
        index_url=index_url,
        caption_detail=caption_detail(said, len(comparison.rows), len(comparison.products)),
        search_text=partial(filter_text, tables=stores),
        store_types=store_type_tokens,
        store_type_options=store_type_options(said, (row.item for row in comparison.rows), stores),
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
    return GeneratedPage(
        path=path,
        markdown=markdown,
        title=comparison.spec.title,
        source=None,
    )


def render_comparison_pages(
    collection: Collection,
    settings: Settings,
    tables: tuple[Comparison, ...],
    reuse: PageReuse | None = None,
    done: Callable[[GeneratedPage], GeneratedPage] = as_rendered,
    showing: Showing = NOTHING_SHOWN,
) -> list[GeneratedPage]:
    """The pages of the comparison ``tables`` and the data-item index (none for a site
    without products), the records' texts as ``showing`` shows them; with ``reuse``, a
    comparison whose table is as last build is that build's page. ``done`` is applied to each
    page as soon as it is rendered."""
    if not collection.dataset.products:
        return []
    stores = tables_of(collection.dataset)
    titles = tuple((table.id, table.spec.title) for table in tables)  # each page links the others

    def fresh(table: Comparison) -> tuple[GeneratedPage, bool]:
        return done(render_comparison(table, settings, tables, stores, showing)), True

    # The index first: the widest page, rendered while the build holds least (what rendering
    # it took is then reused by the pages after it).
    index = done(render_data_item_index(collection, settings, tables, reuse, showing))
    pages = [  # a page reused is kept as ``done`` left it
        done(render_comparison(table, settings, tables, stores, showing))
        if reuse is None
        else reuse.page(f"comparison:{table.id}", reuse.table(table, titles), partial(fresh, table))
        for table in tables
    ]
    return [*pages, index]


def planned_comparison_pages(dataset: Dataset, settings: Settings) -> list[PlannedPage]:
    """The pages :func:`render_comparison_pages` generates, in its order, without rendering."""
    if not dataset.products:
        return []
    plan = [
        PlannedPage(path=comparison_page_path(settings, spec.id), title=spec.title)
        for spec in comparison_specs(dataset)
    ]
    plan.append(
        PlannedPage(
            path=data_item_index_path(settings), title=settings.messages.gettext(INDEX_TITLE)
        )
    )
    return plan
