"""Everything in a content folder: categories, the catalog, the products, the comparisons."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .catalog import CatalogItem, Category
from .comparison_spec import ComparisonSpec
from .product import Product
from .store_tables import StoreTables


@dataclass
class Dataset:
    """Everything in a content folder: categories, the catalog and the products."""

    categories: dict[str, Category] = field(default_factory=dict)
    catalog: dict[str, CatalogItem] = field(default_factory=dict)
    products: dict[str, Product] = field(default_factory=dict)
    #: The content files read, with their paths as shown to writers.
    files: tuple[str, ...] = ()
    #: The content files that loaded (at least partly), as shown to writers.
    loaded: frozenset[str] = frozenset()
    #: The located data of each content file that loaded (its invalid values left out), by path,
    #: for checks that point at exact keys (lint rules); emptied once a build has checked them. A
    #: build checks each product's record as it loads, and does not keep it here.
    records: dict[str, Any] = field(default_factory=dict)
    #: By path: the key paths of the values that lost an invalid part, whose error already
    #: says what is wrong there (lint rules do not report them as missing on top of it).
    emptied: dict[str, frozenset[str]] = field(default_factory=dict)
    #: The comparison pages from content/comparisons.yml (empty when the file is absent).
    comparisons: tuple[ComparisonSpec, ...] = ()
    #: The product files nothing could be read from (a syntax error, say), as shown to writers.
    unread_products: tuple[str, ...] = ()
    #: The app stores' tables with the site's ``content/stores.yml`` over them; None: the
    #: packaged ones (see :func:`privacy_pages.stores.tables.tables_of`).
    store_tables: StoreTables | None = None

    def category_name(self, category_id: str) -> str:
        category = self.categories.get(category_id)
        return category.name if category else category_id
