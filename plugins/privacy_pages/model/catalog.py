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
