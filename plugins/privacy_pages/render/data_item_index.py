"""The data-item index: one table of every catalog item, by category, with the products that
state it and how. The table is HTML, like a comparison's, so that the packaged script filters
and sorts it with the same controls; its links are final URLs (see :func:`.paths.relative_url`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, NamedTuple

from ..compare.cells import Cell, Statement, combine_workload
from ..compare.collection import Collection
from ..compare.comparison import (
    Comparison,
)
from ..markdown_text import MarkdownSafe
from ..memo import memoized
from ..messages import N_, Messages
from ..model import CatalogItem, Category, Product
from ..settings import Settings
from ..stores.tables import StoreTables, tables_of
from .front_matter import yaml_header
from .generated import GeneratedPage
from .paths import (
    asset_paths,
    comparison_page_path,
    data_item_index_path,
    product_page_path,
    relative_link,
    relative_url,
)
from .reuse import PageReuse
from .store_labels import store_search_terms, store_type_options, store_type_tokens
from .templates import (
    LINKS_PAGE,
    PageEnvironment,
    html_noticed,
    html_text,
    page_environment,
    render,
)
from .translated import NOTHING_SHOWN, InPage, Showing

#: The index's title and description (messages: translated where they are shown).
INDEX_TITLE = N_("Data item index")
INDEX_DESCRIPTION = N_("Every data item in the catalog, the products that collect it, and how.")


def wide_page_front_matter(title: str, description: str) -> str:
    """The front matter of a page that is one wide table (a comparison, the index): without the
    table of contents, whose sidebar would stay empty and narrow the table (Material's
    ``hide``; other hosts ignore it)."""
    header = yaml_header({"title": title, "description": description, "hide": ["toc"]})
    return f"---\n{header}---\n\n"


@dataclass(frozen=True)
class IndexRow:
    """One product's statement about an item, as the index lists it."""

    product: Product
    statement: Statement
    #: The item on the product's page, for a link in raw HTML.
    link: str
    workloads: tuple[WorkloadText, ...]

    @property
    def wording(self) -> tuple[str, ...]:
        """The product's own names for the item, where they differ from the catalog's."""
        return self.statement.names

    @property
    def conditions(self) -> Listed:
        """The conditions of the product's statement, escaped for HTML (empty for none)."""
        return Listed(self.statement.cell.conditions)

    @property
    def workload_text(self) -> WorkloadsText:
        """The product's workloads for the item, escaped for HTML (empty for none); the
        workload's name and the conditions with their notices where they are not translated."""
        return WorkloadsText(self.workloads)


class WorkloadText(NamedTuple):
    """Whether a product collects an item under one of its workloads, as the index says it
    (``status``: in the page's language)."""

    workload: str
    status: str
    conditions: tuple[str, ...]

    def html(self, showing: Showing, said: Messages) -> str:
        """``Workload: Yes (conditions)`` in ``said``'s language, escaped for HTML: the message
        is escaped whole, then each part from content put in with its notice."""
        parts = {"workload": "\x00w\x00", "status": "\x00s\x00", "conditions": "\x00c\x00"}
        if self.conditions:
            # TRANSLATORS: whether a product collects an item under one of its workloads.
            message = said.gettext("%(workload)s: %(status)s (%(conditions)s)", **parts)
        else:
            del parts["conditions"]
            message = said.gettext("%(workload)s: %(status)s", **parts)
        filled = {
            parts["workload"]: str(html_noticed(self.workload, showing, said)),
            parts["status"]: str(html_text(self.status)),
            parts.get("conditions", "\x00c\x00"): "; ".join(
                str(html_noticed(text, showing, said)) for text in self.conditions
            ),
        }
        escaped = str(html_text(message))
        for token, part in filled.items():
            escaped = escaped.replace(token, part)
        return escaped


@dataclass(frozen=True)
class WorkloadsText(InPage):
    """A product's workloads for an item, as the index prints them (see :meth:`WorkloadText.html`)."""

    workloads: tuple[WorkloadText, ...]

    def in_page(self, showing: Showing, said: Messages) -> MarkdownSafe:
        return MarkdownSafe("; ".join(w.html(showing, said) for w in self.workloads))


@dataclass(frozen=True)
class Listed(InPage):
    """Texts as the index prints them (see :func:`listed`)."""

    texts: tuple[str, ...]

    def in_page(self, showing: Showing, said: Messages) -> MarkdownSafe:
        return listed(self.texts, showing, said)


def listed(texts: tuple[str, ...], showing: Showing, said: Messages) -> MarkdownSafe:
    """Texts escaped for HTML and separated by semicolons, each with its notice where it is
    not a current translation."""
    if not showing.fallbacks:  # the records' own language, or every text translated
        return _listed(texts)
    return MarkdownSafe("; ".join(html_noticed(text, showing, said) for text in texts))


@memoized(4096)  # cells are shared, and products list the same workloads for many items
def _listed(texts: tuple[str, ...]) -> MarkdownSafe:
    return MarkdownSafe("; ".join(html_text(text) for text in texts))


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
    #: Their names, escaped for HTML and separated by commas (each name escaped once per
    #: build), or None when there are more than :data:`NOT_STATED_NAMED` of them.
    not_stated_names: MarkdownSafe | None

    @property
    def collected_by(self) -> int:
        """How many products collect the item (what the index sorts its products column by)."""
        return sum(1 for row in self.rows if row.statement.cell.collected)


def _workload_texts(
    said: Messages, product: Product, statement: Statement
) -> tuple[WorkloadText, ...]:
    if not statement.cell.collected:
        return ()
    texts = []
    for workload in product.workloads:
        cell = combine_workload(statement.items, workload.id)
        texts.append(WorkloadText(workload.name, cell.label_in(said), cell.conditions))
    return tuple(texts)


def index_entries(
    collection: Collection, settings: Settings, reuse: PageReuse | None = None
) -> list[tuple[Category, list[IndexEntry]]]:
    """Every catalog item by category, with the products that state it, in the language of
    ``settings``. With ``reuse``, a product's rows are those of the last build while it is the
    same product."""
    said = settings.messages
    dataset = collection.dataset
    path = data_item_index_path(settings)
    names = {pid: html_text(product.name) for pid, product in dataset.products.items()}

    def product_rows(product: Product) -> dict[str, IndexRow]:
        page = product_page_path(settings, product.id)
        return {
            item_id: IndexRow(
                product,
                statement,
                relative_url(path, page, settings, statement.anchor or ""),
                _workload_texts(said, product, statement),
            )
            for item_id, statement in collection.by_product[product.id].items()
        }

    rows_of = product_rows if reuse is None else reuse.by_identity("index-rows", product_rows)
    by_product = {pid: rows_of(product) for pid, product in dataset.products.items()}
    by_category: dict[str, list[IndexEntry]] = {category: [] for category in dataset.categories}
    for item in dataset.catalog.values():
        stated = collection.stated_by(item.id)
        rows = tuple(by_product[product_id][item.id] for product_id in stated)
        count = len(dataset.products) - len(stated)
        not_stated = None
        if count <= NOT_STATED_NAMED:
            not_stated = MarkdownSafe(
                ", ".join([n for pid, n in names.items() if pid not in stated])
            )
        entry = IndexEntry(item, rows, count, not_stated)
        by_category.setdefault(item.category, []).append(entry)
    return [
        (dataset.categories[category_id], entries)
        for category_id, entries in by_category.items()
        if entries and category_id in dataset.categories
    ]


class IndexBadges:
    """The index's badges, from the ``badge`` macro of ``comparison-cells.md.j2`` (a site may
    override it): one per product and item, but few distinct ones, so each is rendered once."""

    def __init__(self, env: PageEnvironment) -> None:
        module: Any = env.get_template("comparison-cells.md.j2").module
        self.macro = module.badge
        self.said = env.messages
        self.rendered: dict[Cell, MarkdownSafe] = {}

    def __call__(self, cell: Cell) -> MarkdownSafe:
        found = self.rendered.get(cell)
        if found is None:  # (cells are shared objects, and each renders one badge)
            found = self.rendered[cell] = MarkdownSafe(
                str(self.macro(cell.status.value, cell.label_in(self.said)))
            )
        return found


def filter_text(item: CatalogItem, tables: StoreTables) -> str:
    """What the filter box matches a row by, in the index and the comparisons: the item's
    name, id, aliases and store data types (by id, and by what ``tables`` call them)."""
    terms = (item.name, item.id, *item.aliases, *store_search_terms(item, tables))
    return " ".join(terms).lower()


def caption_detail(said: Messages, items: int, products: int) -> str:
    """What a table's caption says of its size: ``12 data items, 3 products``."""
    # TRANSLATORS: in brackets after a table's caption: "(12 data items, 3 products)".
    return said.gettext(
        "%(items)s, %(products)s",
        items=said.ngettext("%(num)d data item", "%(num)d data items", items),
        products=said.ngettext("%(num)d product", "%(num)d products", products),
    )


class IndexRows:
    """Prints the index's rows with the ``index_row`` macro of ``data-item-index-row.md.j2``.
    With ``reuse`` (``mkdocs serve``), a row whose products' statements are as last build is
    last build's row: an edit to one product changes the rows of the items it changed."""

    def __init__(
        self,
        path: str,
        settings: Settings,
        env: PageEnvironment,
        reuse: PageReuse | None,
        **helpers: Any,
    ) -> None:
        template = env.get_template("data-item-index-row.md.j2")
        # The row's descriptions link from the index (``path``): see the ``html_md`` filter.
        module: Any = template.make_module({LINKS_PAGE: (path, settings)})
        self.macro = partial(module.index_row, **helpers)
        self.reuse = reuse

    def __call__(self, category: Category, entry: IndexEntry) -> Any:
        if self.reuse is None:
            return self.macro(category, entry)
        # The macro sees its arguments only; the category, store tables and templates are among
        # every page's inputs, so the item and what a row shows of each product tell two
        # builds' rows apart: an edit to a product changes the rows of the items it changed,
        # not every row of an item the product states.
        reuse = self.reuse
        # (In another language, the notices of the texts a row shows are compared too: see
        # PageReuse.part.)
        fingerprint = (
            reuse.digest(entry.item),
            tuple(
                (
                    row.product.id,
                    row.product.name,
                    row.link,
                    row.statement.cell,
                    row.statement.names,
                    row.workloads,
                )
                for row in entry.rows
            ),
            entry.not_stated_count,
            entry.not_stated_names,
        )
        return reuse.part(
            f"index-row:{category.id}:{entry.item.id}",
            fingerprint,
            partial(self.macro, category, entry),
        )


def render_data_item_index(
    collection: Collection,
    settings: Settings,
    all_comparisons: tuple[Comparison, ...],
    reuse: PageReuse | None = None,
    showing: Showing = NOTHING_SHOWN,
) -> GeneratedPage:
    """The index's page, in the language of ``settings`` with the records' texts as
    ``showing`` shows them."""
    path = data_item_index_path(settings)
    said = settings.messages
    env = page_environment(settings.templates_dir, said, showing)
    groups = index_entries(collection, settings, reuse)
    tables = tables_of(collection.dataset)
    item_count = sum(len(entries) for _, entries in groups)
    # Also in the page's context, as before rows had a template of their own (an override of
    # data-item-index.md.j2 may print rows itself).
    helpers: dict[str, Any] = {
        "search_text": partial(filter_text, tables=tables),
        "store_types": store_type_tokens,
        "badge": IndexBadges(env),
    }
    markdown = render(
        "data-item-index.md.j2",
        env,
        before=wide_page_front_matter(said.gettext(INDEX_TITLE), said.gettext(INDEX_DESCRIPTION)),
        groups=groups,
        item_count=item_count,
        caption_detail=caption_detail(said, item_count, len(collection.dataset.products)),
        products=list(collection.dataset.products.values()),
        store_type_options=store_type_options(
            said, (e.item for _, es in groups for e in es), tables
        ),
        row=IndexRows(path, settings, env, reuse, **helpers),
        **helpers,
        comparisons=[
            (c.spec.title, relative_link(path, comparison_page_path(settings, c.id)))
            for c in all_comparisons
        ],
        json_link=relative_link(path, asset_paths(settings).privacy_json),
        **{LINKS_PAGE: (path, settings)},  # the descriptions' links (see .html_links)
    )
    return GeneratedPage(
        path=path,
        markdown=markdown,
        title=said.gettext(INDEX_TITLE),
        source=None,
    )
