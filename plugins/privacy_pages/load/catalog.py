"""Reading ``categories.yml`` and the catalog files (``catalog/*.yml``) into the Dataset."""

from __future__ import annotations

from ..model import CatalogItem, Category
from .builder import DatasetBuilder, optional_text, tuple_of
from .store_labels import read_catalog_stores
from .yaml_source import LocatedMapping, LocatedSequence


def read_categories(builder: DatasetBuilder, data: LocatedMapping) -> None:
    entries: LocatedSequence = data["categories"]
    categories = builder.dataset.categories
    for index, entry in enumerate(entries):
        category = Category(
            entry["id"], entry["name"], optional_text(entry, "description"), entry.location
        )
        builder.check_text(entry, f"categories[{index}]")
        existing = categories.get(category.id)
        if existing:
            builder.error(
                entry.where("id"),
                f"duplicate category id {category.id!r} (first defined at {existing.source})",
                f"categories[{index}].id",
                "duplicate-id",
            )
            continue
        categories[category.id] = category


def read_catalog(builder: DatasetBuilder, data: LocatedMapping) -> None:
    entries: LocatedSequence = data["items"]
    catalog = builder.dataset.catalog
    for index, entry in enumerate(entries):
        path = f"items[{index}]"
        item = CatalogItem(
            id=entry["id"],
            name=entry["name"],
            category=entry["category"],
            description=optional_text(entry, "description"),
            classification=optional_text(entry, "classification"),
            aliases=tuple_of(entry, "aliases"),
            source=entry.location,
            stores=read_catalog_stores(builder, entry, path),
        )
        builder.check_text(entry, path)
        existing = catalog.get(item.id)
        if existing:
            builder.error(
                entry.where("id"),
                f"duplicate catalog item id {item.id!r} (first defined at {existing.source})",
                f"{path}.id",
                "duplicate-id",
            )
            continue
        if item.category not in builder.dataset.categories:
            builder.unknown(
                entry.where("category"),
                "category",
                item.category,
                builder.dataset.categories,
                f"{path}.category",
            )
        catalog[item.id] = item
