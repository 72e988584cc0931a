"""Nothing lost: after rendering, every record must show up on some generated page.

The check reads the generated pages themselves, not the templates: a record counts as rendered
when a page declares its anchor (``id="..."`` in HTML, or ``{#...}`` in an attribute list). So it
holds whatever page renders a record (its product page, a comparison, the data-item index) and
catches a template override that drops something.

* every product has a page, and that page carries the anchor of each of its items;
* every catalog item is on some page (a product that refers to it, or an index that lists it);
* every category is on some page (a group of items, or an index section ``category-<id>``);
* every comparison of ``comparisons.yml`` is on some page (``comparison-<id>``).

Orphans are reported as ``orphaned-record`` warnings naming the record's file and line, so a
strict build fails. Two generated pages with the same path (also when only the letter case
differs) are ``page-collision`` errors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..diagnostics import Diagnostic, Location, Severity
from ..model import DataItem, Dataset, Product


class PlannedPage(Protocol):
    """A page a build generates, as these checks see it (rendering makes them; see
    :mod:`privacy_pages.render.generated`)."""

    @property
    def path(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def product_id(self) -> str | None: ...


class GeneratedPage(PlannedPage, Protocol):
    """A generated page with its text."""

    @property
    def markdown(self) -> str: ...


RULE = "orphaned-record"
COLLISION_RULE = "page-collision"

# Each pattern starts with a literal, so that the regex engine skips ahead to it (pages are
# megabytes): ``id(?<!\wid)`` is ``\bid``, and ``\{(?<!\\\{)`` is an unescaped ``{``.
_HTML_ID = re.compile(r"""id(?<!\wid)\s*=\s*(?:"([^"<>]+)"|'([^'<>]+)')""")
_ATTR_LIST_ID = re.compile(r"\{(?<!\\\{):?[^{}\n]*?(?<![\w\\])#([A-Za-z0-9_:.-]+)[^{}\n]*\}")


def page_anchors(markdown: str) -> set[str]:
    """Every element id a generated page declares: raw HTML ``id=`` and ``{#id}`` lists."""
    found = {a or b for a, b in _HTML_ID.findall(markdown)}
    found.update(_ATTR_LIST_ID.findall(markdown))
    return found


@dataclass(frozen=True)
class _Rendered:
    """What the pages of one build declare."""

    by_page: dict[str, set[str]]
    anywhere: set[str]
    product_pages: dict[str, str]
    skipped: Collection[str] = ()


def _orphan(location: Location | None, message: str, key_path: str = "") -> Diagnostic:
    return Diagnostic(
        location or Location("content"), message, RULE, Severity.WARNING, key_path=key_path
    )


def _product_items(product: Product) -> tuple[DataItem, ...]:
    never = product.never_collected.items if product.never_collected else ()
    return product.items + never


def check_coverage(
    dataset: Dataset,
    pages: Sequence[GeneratedPage],
    skip: Collection[str] = (),
    anchors: Callable[[str], set[str]] = page_anchors,
) -> list[Diagnostic]:
    """Every record of ``dataset`` that no page in ``pages`` renders, as a diagnostic; the
    products in ``skip`` have their own page checked elsewhere (it shows another version).
    ``anchors``: :func:`page_anchors`, or the same kept for a page reused (``mkdocs serve``)."""
    by_page = {page.path: anchors(page.markdown) for page in pages}
    product_pages = {
        page.product_id: page.path
        for page in pages
        if page.product_id and page.product_id not in skip
    }
    anywhere: set[str] = set().union(*by_page.values())
    return _check(dataset, _Rendered(by_page, anywhere, product_pages, skip))


def _check(dataset: Dataset, rendered: _Rendered) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    shown_items: dict[str, set[str]] = {}  # product id -> anchors of its items on its page
    for product in dataset.products.values():
        page = rendered.product_pages.get(product.id)
        if page is None and product.id in rendered.skipped:
            continue
        if page is None:
            problems.append(
                _orphan(product.source, f"product {product.id!r} has no generated page")
            )
            continue
        anchors = rendered.by_page[page]
        shown_items[product.id] = set()
        for item in _product_items(product):
            if item.anchor in anchors:
                shown_items[product.id].add(item.anchor)
                continue
            problems.append(
                _orphan(
                    item.source,
                    f"item {item.id!r} of product {product.id!r} is missing from its page "
                    f"{page} (no element with id {item.anchor!r}); a template may have "
                    "dropped it",
                )
            )
    problems.extend(_catalog_orphans(dataset, rendered, shown_items))
    problems.extend(_category_orphans(dataset, rendered, shown_items))
    for spec in dataset.comparisons:
        if f"comparison-{spec.id}" not in rendered.anywhere:
            problems.append(
                _orphan(spec.source, f"comparison {spec.id!r} appears on no generated page")
            )
    return problems


def _catalog_orphans(
    dataset: Dataset, rendered: _Rendered, shown_items: dict[str, set[str]]
) -> Iterable[Diagnostic]:
    used: set[str] = set()
    for product in dataset.products.values():
        shown = shown_items.get(product.id, set())
        used.update(i.id for i in _product_items(product) if i.catalog and i.anchor in shown)
    for item in dataset.catalog.values():
        if item.id in used or item.id in rendered.anywhere:
            continue
        yield _orphan(
            item.source,
            f"catalog item {item.id!r} ({item.name}) appears on no generated page: no product "
            "refers to it and no index or comparison lists it; refer to it from a product or "
            "remove it",
        )


def _category_orphans(
    dataset: Dataset, rendered: _Rendered, shown_items: dict[str, set[str]]
) -> Iterable[Diagnostic]:
    used: set[str] = set()
    for product in dataset.products.values():
        shown = shown_items.get(product.id, set())
        for group in product.required.groups + product.optional.groups + product.collected.groups:
            if any(item.anchor in shown for item in group.items):
                used.add(group.category)
    for category in dataset.categories.values():
        if category.id in used or f"category-{category.id}" in rendered.anywhere:
            continue
        yield _orphan(
            category.source,
            f"category {category.id!r} ({category.name}) appears on no generated page: no "
            "product lists items under it and no index shows it",
        )


def check_page_paths(
    dataset: Dataset, pages: Sequence[GeneratedPage | PlannedPage]
) -> list[Diagnostic]:
    """Two pages at one path, or at paths that differ only in letter case, are errors (known
    from the plan of a build, before its pages are rendered)."""
    problems: list[Diagnostic] = []
    seen: dict[str, GeneratedPage | PlannedPage] = {}
    for page in pages:
        first = seen.get(page.path.casefold())
        if first is None:
            seen[page.path.casefold()] = page
            continue
        # Point at the record whose id made the path: the writer can change that, not a path.
        records = [dataset.products.get(p.product_id or "") for p in (page, first)]
        record = next((r for r in records if r is not None), None)
        where = record.source if record else Location(page.path)
        same = "the same path" if first.path == page.path else "a path that differs only in case"
        problems.append(
            Diagnostic(
                where,
                f"generated page {page.path} ({page.title}) and {first.path} ({first.title}) "
                f"have {same}; change the id so that each page has its own file",
                COLLISION_RULE,
                key_path="id" if record else "",
            )
        )
    return problems
