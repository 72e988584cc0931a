"""Data items as a product states them, in groups and sections by requirement."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..diagnostics import Location
from ..messages import SOURCE_MESSAGES, Messages

#: The ``control`` of an optional item whose statement does not say how collection is controlled:
#: recorded as a fact, so that the writer need not fill the gap with words.
CONTROL_NOT_STATED = "not-stated"


class Requirement(StrEnum):
    """Whether a product needs an item to work: required, optional, or not stated (the product
    collects the item without saying which; its record lists it under ``collected``)."""

    REQUIRED = "required"
    OPTIONAL = "optional"
    NOT_STATED = "not-stated"


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
        """``Yes``, ``No (on shared devices)``, in English (see :meth:`label_in`)."""
        return self.label_in(SOURCE_MESSAGES)

    def label_in(self, said: Messages) -> str:
        """``Yes``, ``No (on shared devices)``: in ``said``'s language."""
        if self.condition:
            if self.applies:
                return said.gettext("Yes (%(condition)s)", condition=self.condition)
            return said.gettext("No (%(condition)s)", condition=self.condition)
        return said.gettext("Yes") if self.applies else said.gettext("No")


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
    #: ``control: not-stated``: the statement does not say how collection is controlled
    #: (``control`` is then None, and the page shows nothing in its place).
    control_not_stated: bool = False

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
    #: How the page shows the items: ``list`` or ``table`` (one row per item).
    layout: str = "list"


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
