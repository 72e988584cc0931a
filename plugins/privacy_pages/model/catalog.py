"""Categories and the shared catalog of data items: one comparable thing across products."""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Location


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    description: str | None
    source: Location


@dataclass(frozen=True, slots=True)
class CatalogItem:
    """A data item in the shared catalog: one comparable thing across products."""

    id: str
    name: str
    category: str
    description: str | None
    classification: str | None
    aliases: tuple[str, ...]
    source: Location
    #: The store data type the item is, by store (``stores: {google_play: PSL_DEVICE_ID}``).
    stores: tuple[tuple[str, str], ...] = ()

    def store_type(self, store: str) -> str | None:
        return dict(self.stores).get(store)
