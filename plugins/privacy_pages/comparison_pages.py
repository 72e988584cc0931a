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
from dataclasses import dataclass

import yaml

from .comparison import (
    Collection,
    Comparison,
    Statement,
    combine_workload,
    comparison_specs,
    comparisons,
)
from .exports import asset_paths
from .markdown_text import MarkdownSafe
from .model import CatalogItem, Category, Dataset, Product
from .pages import GeneratedPage, product_page_path, relative_link
from .settings import Settings
from .templates import render

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
    source = page_url(from_page, directory_urls)
    target = page_url(to_page, directory_urls)
    source_dir = source if source.endswith("/") or not source else posixpath.dirname(source)
    url = posixpath.relpath(target or ".", source_dir or ".")
    if target.endswith("/") or not target:
        url = url.rstrip("/") + "/"
    return f"{url}#{fragment}" if fragment else url


def heading_id(value: str) -> MarkdownSafe:
    """An explicit heading id (``{#id}``, attr_list) for an id the schema restricts."""
    if not value.isascii() or not value.replace("-", "").isalnum():
        raise ValueError(f"unsafe heading id {value!r}")
    return MarkdownSafe("{#" + value + "}")


def _front_matter(title: str, description: str) -> str:
    header = yaml.safe_dump(
        {"title": title, "description": description},
        sort_keys=False,
        allow_unicode=True,
        width=10_000,
    )
    return f"---\n{header}---\n\n"


# -- comparison pages ---------------------------------------------------------------------------


def render_comparison(
    comparison: Comparison, settings: Settings, all_comparisons: tuple[Comparison, ...] = ()
) -> GeneratedPage:
    path = comparison_page_path(settings, comparison.id)
    assets = asset_paths(settings)

    def product_url(product: Product, statement: Statement) -> str:
        return relative_url(
            path,
            product_page_path(settings, product.id),
            settings.directory_urls,
            statement.anchor or "",
        )

    def index_url(item: CatalogItem) -> str:
        return relative_url(path, data_item_index_path(settings), settings.directory_urls, item.id)

    body = render(
        "comparison.md.j2",
        settings.templates_dir,
        comparison=comparison,
        footnotes=comparison.footnotes(),
        product_url=product_url,
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


@dataclass(frozen=True)
class IndexEntry:
    item: CatalogItem
    rows: tuple[IndexRow, ...]
    not_stated: tuple[Product, ...]


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
    by_category: dict[str, list[IndexEntry]] = {category: [] for category in dataset.categories}
    for item in dataset.catalog.values():
        stated = collection.stated_by(item.id)
        rows = []
        for product_id, statement in stated.items():
            product = dataset.products[product_id]
            link = relative_link(path, product_page_path(settings, product_id))
            rows.append(
                IndexRow(
                    product,
                    statement,
                    f"{link}#{statement.anchor}" if statement.anchor else link,
                    _workload_texts(product, statement),
                )
            )
        not_stated = tuple(p for pid, p in dataset.products.items() if pid not in stated)
        by_category.setdefault(item.category, []).append(IndexEntry(item, tuple(rows), not_stated))
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
    if not collection.dataset.products:
        return []
    tables = comparisons(collection)
    pages = [render_comparison(table, settings, tables) for table in tables]
    pages.append(render_data_item_index(collection, settings, tables))
    return pages


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


def comparison_nav(pages: list[GeneratedPage], settings: Settings) -> list[dict[str, object]]:
    """Nav entries for the comparison pages and the data-item index (after the products).

    Titles are HTML-escaped: themes print nav titles as HTML, and comparison titles are content.
    """
    prefix = posixpath.dirname(comparison_page_path(settings, "x")) + "/"
    compared: list[dict[str, object]] = [
        {html.escape(p.title): p.path} for p in pages if p.path.startswith(prefix)
    ]
    index: list[dict[str, object]] = [
        {html.escape(p.title): p.path} for p in pages if p.path == data_item_index_path(settings)
    ]
    entries: list[dict[str, object]] = [{"Comparisons": compared}] if compared else []
    return entries + index
