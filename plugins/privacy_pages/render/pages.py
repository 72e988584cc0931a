"""Every page a site generates, in order: a page per product, the "What changed" page, the
comparisons and the data-item index. Plain data (Markdown text and paths relative to the docs
folder), so that every adapter produces the same pages."""

from __future__ import annotations

from datetime import date

from ..compare.collection import Collection
from ..compare.comparison import Comparison, comparisons
from ..history.releases import History
from ..model import Dataset
from ..settings import Settings
from .comparison_pages import planned_comparison_pages, render_comparison_pages
from .generated import GeneratedPage, PlannedPage
from .history_pages import render_changes_page
from .paths import changes_page_path, product_page_path
from .product_page import render_product

#: The title of the "What changed" page (with a release history).
CHANGES_TITLE = "What changed"


def render_pages(
    dataset: Dataset,
    settings: Settings,
    history: History | None = None,
    today: date | None = None,
    collection: Collection | None = None,
    tables: tuple[Comparison, ...] | None = None,
) -> list[GeneratedPage]:
    """Every generated page of the site, in the order of :func:`plan_pages`.

    With a release ``history``, the site also gets the "What changed" page; ``today`` decides
    which items are marked as recently updated. ``collection`` and ``tables`` are computed
    from the dataset when not given.
    """
    pages = [
        render_product(dataset.products[pid], dataset, settings, history, today)
        for pid in sorted(dataset.products)
    ]
    if history:
        markdown = render_changes_page(history, dataset, settings)
        pages.append(GeneratedPage(changes_page_path(settings), markdown, CHANGES_TITLE))
    collection = collection or Collection(dataset)
    tables = comparisons(collection) if tables is None else tables
    pages.extend(render_comparison_pages(collection, settings, tables))
    return pages


def plan_pages(
    dataset: Dataset, settings: Settings, history: History | None = None
) -> list[PlannedPage]:
    """The pages :func:`render_pages` generates, in its order, without rendering them."""
    plan = [
        PlannedPage(
            path=product_page_path(settings, product.id),
            title=product.name,
            source=product.file,
            product_id=product.id,
        )
        for product in (dataset.products[pid] for pid in sorted(dataset.products))
    ]
    if history:
        plan.append(PlannedPage(path=changes_page_path(settings), title=CHANGES_TITLE))
    plan.extend(planned_comparison_pages(dataset, settings))
    return plan
