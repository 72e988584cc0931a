"""The privacy domain: categories, catalog items, products and what they collect.

Plain frozen dataclasses, independent of YAML, MkDocs and templates. Every record keeps the
:class:`~privacy_pages.diagnostics.Location` it came from, so later checks can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..diagnostics import Location

#: The H2 sections of every product page, in order: (anchor id, heading).
SECTIONS: tuple[tuple[str, str], ...] = (
    ("overview", "Overview"),
    ("required-data", "Required data"),
    ("optional-data", "Optional data"),
    ("data-use", "How data is used"),
    ("never-collected", "Data never collected"),
    ("storage-and-retention", "Storage and retention"),
    ("data-access-and-security", "Data access and security"),
    ("your-rights", "Your rights"),
    ("more-information", "More information"),
    ("change-history", "Change history"),
)
SECTION_IDS = tuple(section_id for section_id, _ in SECTIONS)


class Requirement(StrEnum):
    """Whether a product needs an item to work."""

    REQUIRED = "required"
    OPTIONAL = "optional"


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Note:
    type: str
    text: str


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


@dataclass(frozen=True, slots=True)
class Detail:
    text: str
    details: tuple[Detail, ...] = ()


@dataclass(frozen=True)
class Alternatives:
    options: tuple[str, ...]
    ordered: bool = False
    intro: str | None = None


@dataclass(frozen=True, slots=True)
class WorkloadValue:
    """Whether an item applies under a workload, with the qualifier the statement gives."""

    applies: bool
    condition: str | None = None

    @property
    def label(self) -> str:
        word = "Yes" if self.applies else "No"
        return f"{word} ({self.condition})" if self.condition else word


@dataclass(frozen=True)
class Workload:
    id: str
    name: str
    description: str | None = None


@dataclass(frozen=True, slots=True)  # one per data item: no __dict__ each
class DataItem:
    """A data item as one product states it, resolved against the catalog."""

    id: str
    name: str
    anchor: str
    catalog: bool
    requirement: Requirement
    category: str
    kind: str | None
    description: str | None
    condition: str | None
    group_condition: str | None
    classification: str | None
    purpose: str | None
    control: str | None
    details: tuple[Detail, ...]
    alternatives: Alternatives | None
    workloads: tuple[tuple[str, WorkloadValue], ...]
    note: str | None
    source: Location

    @property
    def conditions(self) -> tuple[str, ...]:
        """Every condition that limits collection, the item's own first."""
        return tuple(c for c in (self.condition, self.group_condition) if c)

    def workload(self, workload_id: str) -> WorkloadValue | None:
        return dict(self.workloads).get(workload_id)


@dataclass(frozen=True, slots=True)
class ItemGroup:
    category: str
    title: str
    requirement: Requirement
    kind: str | None
    intro: str | None
    condition: str | None
    items: tuple[DataItem, ...]
    source: Location


@dataclass(frozen=True)
class DataSection:
    intro: str | None = None
    groups: tuple[ItemGroup, ...] = ()

    @property
    def items(self) -> tuple[DataItem, ...]:
        return tuple(item for group in self.groups for item in group.items)


@dataclass(frozen=True)
class NeverCollected:
    intro: str | None
    items: tuple[DataItem, ...]


@dataclass(frozen=True)
class DataUse:
    source: str
    use: str


@dataclass(frozen=True)
class Retention:
    data: str
    period: str
    note: str | None = None
    exceptions: tuple[Retention, ...] = ()


@dataclass(frozen=True)
class ServiceLocation:
    service: str
    body: str


@dataclass(frozen=True)
class StaffLocations:
    locations: tuple[str, ...]
    teams: str | None = None


@dataclass(frozen=True)
class Storage:
    intro: str | None = None
    services: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    location_note: str | None = None
    retention: tuple[Retention, ...] = ()
    retention_note: str | None = None
    staff_locations: StaffLocations | None = None
    service_locations: tuple[ServiceLocation, ...] = ()

    def __bool__(self) -> bool:
        return any(
            (
                self.intro,
                self.services,
                self.locations,
                self.location_note,
                self.retention,
                self.retention_note,
                self.staff_locations,
                self.service_locations,
            )
        )


@dataclass(frozen=True)
class Access:
    intro: str | None = None
    protections: tuple[str, ...] = ()
    compliance: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.intro or self.protections or self.compliance)


@dataclass(frozen=True)
class RightsRequest:
    title: str
    body: str


@dataclass(frozen=True)
class Rights:
    intro: str | None = None
    requests: tuple[RightsRequest, ...] = ()
    services: tuple[Link, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.intro or self.requests or self.services)


@dataclass(frozen=True)
class FreeSection:
    """Free-form text at the end of a page section: what fits no field is never lost."""

    after: str
    body: str
    title: str | None = None


@dataclass(frozen=True)
class Product:
    """One product's privacy statement."""

    id: str
    name: str
    summary: str
    family: str | None
    platform: str | None
    metadata: dict[str, object]
    applies_to: tuple[Link, ...]
    notes: tuple[Note, ...]
    intro: str | None
    links: tuple[Link, ...]
    next_steps: str | None
    workloads: tuple[Workload, ...]
    required: DataSection
    optional: DataSection
    data_use_intro: str | None
    data_uses: tuple[DataUse, ...]
    processed_entities_intro: str | None
    processed_entities: tuple[str, ...]
    never_collected: NeverCollected | None
    storage: Storage
    access: Access
    rights: Rights
    sections: tuple[FreeSection, ...]
    empty_sections: dict[str, str]
    source: Location
    #: The YAML file the product was read from (for "edit this page" links).
    file: Path = Path()

    @property
    def items(self) -> tuple[DataItem, ...]:
        """Every item the product collects (required, then optional), in page order."""
        return self.required.items + self.optional.items

    def free_sections(self, after: str) -> tuple[FreeSection, ...]:
        return tuple(section for section in self.sections if section.after == after)


# -- comparisons (content/comparisons.yml) -------------------------------------------------------


@dataclass(frozen=True)
class WorkloadColumn:
    """An extra comparison column: whether a product collects each item under one workload."""

    product: str
    workload: str


@dataclass(frozen=True)
class ComparisonSpec:
    """A comparison page as the writer configures it (see :mod:`privacy_pages.comparison`)."""

    id: str
    title: str
    description: str | None = None
    #: The products compared, in column order; empty means every product.
    products: tuple[str, ...] = ()
    #: The categories shown, in order; empty means every category.
    categories: tuple[str, ...] = ()
    workloads: tuple[WorkloadColumn, ...] = ()
    #: Also list catalog items that no compared product states anything about.
    include_not_stated: bool = False
    source: Location | None = None


@dataclass
class Dataset:
    """Everything in a content folder: categories, the catalog and the products."""

    categories: dict[str, Category] = field(default_factory=dict)
    catalog: dict[str, CatalogItem] = field(default_factory=dict)
    products: dict[str, Product] = field(default_factory=dict)
    #: The content files read, with their paths as shown to writers.
    files: tuple[str, ...] = ()
    #: The located data of each content file that loaded without errors, by display path,
    #: for checks that point at exact keys (lint rules).
    records: dict[str, Any] = field(default_factory=dict)
    #: The comparison pages from content/comparisons.yml (empty when the file is absent).
    comparisons: tuple[ComparisonSpec, ...] = ()

    def category_name(self, category_id: str) -> str:
        category = self.categories.get(category_id)
        return category.name if category else category_id
