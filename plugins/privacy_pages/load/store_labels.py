"""Reading what records tell the app stores: a catalog item's store data types (``stores``) and
a product's ``store_labels``, each name checked against the stores' tables (with a "did you
mean" for a typo)."""

from __future__ import annotations

import difflib
from typing import Any

from ..model import DataItem, ItemLabel, StoreLabels
from ..stores.tables import tables_of
from .builder import DatasetBuilder
from .yaml_source import LocatedMapping

#: What the error calls each store's data types.
_TYPE_NAMES = {"google_play": "Google Play data type", "apple": "Apple collected-data type"}


def read_catalog_stores(
    builder: DatasetBuilder, entry: LocatedMapping, path: str
) -> tuple[tuple[str, str], ...]:
    """A catalog item's ``stores``: the known data types it maps to, by store."""
    stores = entry.get("stores")
    if not isinstance(stores, LocatedMapping):
        return ()
    tables = tables_of(builder.dataset)
    found = []
    for store, data_type in stores.items():
        known = tables.data_types(store)
        if data_type in known:
            found.append((store, data_type))
        else:
            builder.error(
                stores.where(store),
                f"expected a known {_TYPE_NAMES[store]}, found {data_type!r}"
                f"{_guess(data_type, known)}",
                f"{path}.stores.{store}",
            )
    return tuple(found)


#: What every name of a store's data types starts with: a guess compares what follows it.
_PREFIXES = ("NSPrivacyCollectedDataType", "PSL_")


def _bare(name: str) -> str:
    for prefix in _PREFIXES:
        name = name.removeprefix(prefix)
    return name.casefold()


def _guess(found: str, known: tuple[str, ...]) -> str:
    """`` (did you mean 'X'?)`` for the known name closest to ``found``, prefixes aside (so
    that ``EmailAddress`` finds ``NSPrivacyCollectedDataTypeEmailAddress``), or nothing."""
    bare = {_bare(name): name for name in known}
    match = difflib.get_close_matches(_bare(found), list(bare), n=1, cutoff=0.6)
    return f" (did you mean {bare[match[0]]!r}?)" if match else ""


def read_store_labels(
    builder: DatasetBuilder, data: LocatedMapping, items: tuple[DataItem, ...]
) -> StoreLabels | None:
    """A product's ``store_labels``, or None when it has none."""
    section = data.get("store_labels")
    if not isinstance(section, LocatedMapping):
        return None
    defaults = _item_label(builder, section, "store_labels")
    collected = {item.id for item in items}
    answers: dict[str, ItemLabel] = {}
    entries = section.get("items")
    if not isinstance(entries, LocatedMapping):
        entries = LocatedMapping()
    for item_id, entry in entries.items():
        path = f"store_labels.items.{item_id}"
        if item_id not in collected:
            guess = difflib.get_close_matches(item_id, sorted(collected), n=1, cutoff=0.6)
            hint = f" (did you mean {guess[0]!r}?)" if guess else ""
            builder.error(
                entries.where_key(item_id),
                f"expected the id of an item this product collects, found {item_id!r}{hint}",
                path,
            )
            continue
        answers[item_id] = _item_label(builder, entry, path)
    return StoreLabels(tuple(section.get("ships_to") or ()), defaults, answers, section.location)


def _item_label(builder: DatasetBuilder, data: Any, path: str) -> ItemLabel:
    if not isinstance(data, LocatedMapping):
        return ItemLabel()
    purposes = data.get("purposes")
    if purposes is not None:
        known = tables_of(builder.dataset).purposes
        for index, purpose in enumerate(purposes):
            if purpose not in known:
                builder.unknown(
                    purposes.where(index), "purpose", purpose, known, f"{path}.purposes[{index}]"
                )
        purposes = tuple(p for p in purposes if p in known)
    return ItemLabel(
        purposes,
        data.get("linked"),
        data.get("tracking"),
        data.get("shared"),
        data.get("ephemeral"),
    )
