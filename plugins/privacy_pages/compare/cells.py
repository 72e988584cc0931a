"""Cells: what one product states about one catalog item, and under one of its workloads.

A :class:`Cell` says whether the product requires the item, collects it optionally (and of which
kind), collects it without saying which of the two, collects it only under conditions, states that it never collects it, or says nothing
about it. A site has thousands of cells but few distinct ones, so each is one shared object."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from ..memo import memoized
from ..messages import N_, SOURCE_MESSAGES, Messages
from ..model import (
    DataItem,
    Requirement,
)
from ..model.counts import standing


class Status(StrEnum):
    """What a product states about a catalog item."""

    REQUIRED = "required"
    OPTIONAL = "optional"
    CONDITIONAL = "conditional"
    #: Collected, without the product saying whether it is required or optional.
    COLLECTED = "collected"
    NEVER = "never"
    #: The product says nothing of the item.
    NOT_STATED = "not-stated"

    @property
    def label(self) -> str:
        """The badge's word, in English (see :meth:`label_in`)."""
        return self.label_in(SOURCE_MESSAGES)

    def label_in(self, said: Messages) -> str:
        """The badge's word, in ``said``'s language."""
        return said.gettext(_STATUS_LABELS[self])


_STATUS_LABELS = {
    Status.REQUIRED: N_("Required"),
    Status.OPTIONAL: N_("Optional"),
    Status.CONDITIONAL: N_("Conditional"),
    # TRANSLATORS: a badge: the product collects the item, without saying whether it is
    # required or optional.
    Status.COLLECTED: N_("Collected"),
    Status.NEVER: N_("Never collected"),
    Status.NOT_STATED: N_("Not stated"),
}


class WorkloadStatus(StrEnum):
    """Whether a product collects an item under one of its workloads."""

    YES = "yes"
    CONDITIONAL = "conditional"
    NO = "no"
    NOT_STATED = "not-stated"

    @property
    def label(self) -> str:
        """The badge's word, in English (see :meth:`label_in`)."""
        return self.label_in(SOURCE_MESSAGES)

    def label_in(self, said: Messages) -> str:
        """The badge's word, in ``said``'s language."""
        return said.gettext(_WORKLOAD_LABELS[self])


_WORKLOAD_LABELS = {
    WorkloadStatus.YES: N_("Yes"),
    WorkloadStatus.CONDITIONAL: N_("Yes, conditionally"),
    WorkloadStatus.NO: N_("No"),
    WorkloadStatus.NOT_STATED: N_("Not stated"),
}

#: The words of a cell's detail: a conditional item's requirement, and the kinds of optional
#: data (the schema's values of an optional group's ``kind``).
_DETAIL_WORDS = {
    # TRANSLATORS: in brackets after a badge: "Conditional (required)", "Optional (diagnostic)".
    "required": N_("required"),
    "optional": N_("optional"),
    # TRANSLATORS: in brackets after a badge: "Conditional (requirement not stated)".
    "not-stated": N_("requirement not stated"),
    "diagnostic": N_("diagnostic"),
    "feedback": N_("feedback"),
    "telemetry": N_("telemetry"),
    "other": N_("other"),
}


@memoized(1024)  # few distinct cells, each labelled in every table and in the index
def _cell_label(language: Messages, status: Status, details: tuple[str, ...]) -> str:
    """A cell's label in ``language``: its status, and its details in brackets (a word
    :data:`_DETAIL_WORDS` does not know is shown as it is)."""
    said = language.gettext(_STATUS_LABELS[status])
    if not details:
        return said
    words = ", ".join(language.gettext(_DETAIL_WORDS.get(word, word)) for word in details)
    # TRANSLATORS: a badge with its details: "Optional (diagnostic)".
    return language.gettext("%(status)s (%(details)s)", status=said, details=words)


def plain(text: str) -> str:
    """Plain text on one line: how conditions are compared, shown and exported."""
    return " ".join(text.split())


def _distinct(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(plain(v) for v in values if v))


@dataclass(frozen=True)
class Cell:
    """What one product states about one catalog item."""

    status: Status
    #: For collected items: required, optional or not stated (also when the item is
    #: conditional).
    requirement: Requirement | None = None
    #: For optional items: the kinds of optional data (diagnostic, feedback, ...).
    kinds: tuple[str, ...] = ()
    #: For conditional items: every condition that limits collection.
    conditions: tuple[str, ...] = ()

    @property
    def collected(self) -> bool:
        return self.status in (
            Status.REQUIRED,
            Status.OPTIONAL,
            Status.CONDITIONAL,
            Status.COLLECTED,
        )

    @cached_property
    def details(self) -> tuple[str, ...]:
        """What qualifies the status: ``("diagnostic",)`` or ``("optional", "diagnostic")``."""
        if self.status is Status.OPTIONAL:
            return self.kinds
        if self.status is Status.CONDITIONAL and self.requirement is not None:
            return (self.requirement.value, *self.kinds)
        return ()

    @cached_property
    def detail(self) -> str:
        """What qualifies the status: ``diagnostic`` or ``optional, diagnostic``."""
        return ", ".join(self.details)

    @property
    def label(self) -> str:
        """The cell's text in English (see :meth:`label_in`)."""
        return self.label_in(SOURCE_MESSAGES)

    def label_in(self, said: Messages) -> str:
        """The cell's text in ``said``'s language: ``Required``, ``Optional (diagnostic)``,
        ``Conditional (required)``."""
        return _cell_label(said, self.status, self.details)

    @cached_property
    def rank(self) -> int:
        """Sort order: most firmly collected first, not stated last."""
        if self.status is Status.CONDITIONAL:
            return _CONDITIONAL_RANKS[self.requirement or Requirement.NOT_STATED]
        return _RANKS[self.status]


_RANKS = {
    Status.REQUIRED: 0,
    Status.OPTIONAL: 2,
    Status.COLLECTED: 4,
    Status.NEVER: 6,
    Status.NOT_STATED: 7,
}
#: A conditional cell sorts after the unconditional ones of its requirement.
_CONDITIONAL_RANKS = {
    Requirement.REQUIRED: 1,
    Requirement.OPTIONAL: 3,
    Requirement.NOT_STATED: 5,
}
#: The status of an item collected without conditions, by its requirement.
_COLLECTED_STATUS = {
    Requirement.REQUIRED: Status.REQUIRED,
    Requirement.OPTIONAL: Status.OPTIONAL,
    Requirement.NOT_STATED: Status.COLLECTED,
}


NOT_STATED = Cell(Status.NOT_STATED)


NEVER = Cell(Status.NEVER)


@memoized(4096)
def shared_cell(
    status: Status,
    requirement: Requirement | None = None,
    kinds: tuple[str, ...] = (),
    conditions: tuple[str, ...] = (),
) -> Cell:
    """One cell object per distinct cell: a site has thousands of cells but few distinct ones,
    so each label and sort rank is worked out once."""
    return Cell(status, requirement, kinds, conditions)


@dataclass(frozen=True)
class Statement:
    """A cell with the product's own entries behind it (for links and the product's wording)."""

    cell: Cell
    #: The product's entries for the item in page order: where it is collected, or the
    #: entry in "Data never collected".
    items: tuple[DataItem, ...] = ()

    @property
    def anchor(self) -> str | None:
        return self.items[0].anchor if self.items else None

    @property
    def names(self) -> tuple[str, ...]:
        """How the product words the item, if differently from the catalog."""
        return tuple(dict.fromkeys(item.name for item in self.items))


@dataclass(frozen=True)
class WorkloadCell:
    """Whether a product collects an item under one workload."""

    status: WorkloadStatus
    conditions: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The cell's text in English (see :meth:`label_in`)."""
        return self.status.label

    def label_in(self, said: Messages) -> str:
        """The cell's text in ``said``'s language."""
        return self.status.label_in(said)

    @cached_property
    def rank(self) -> int:
        return list(WorkloadStatus).index(self.status)


WORKLOAD_NOT_STATED = WorkloadCell(WorkloadStatus.NOT_STATED)


@memoized(4096)
def shared_workload_cell(status: WorkloadStatus, conditions: tuple[str, ...] = ()) -> WorkloadCell:
    """One object per distinct workload cell (see :func:`shared_cell`)."""
    return WorkloadCell(status, conditions)


def combine(items: Iterable[DataItem]) -> Cell:
    """One cell from every entry a product has for an item (Intune lists some items twice).

    Its requirement, and whether it is conditional, follow the one rule the counts use too
    (:func:`privacy_pages.model.counts.standing`); the kinds of optional data come from the
    entries that decide it.
    """
    entries = list(items)
    if not entries:
        return NOT_STATED
    requirement, conditional = standing(entries)
    deciding = entries if conditional else [item for item in entries if not item.conditions]
    optional = requirement is Requirement.OPTIONAL
    kinds = _distinct(item.kind for item in deciding) if optional else ()
    if not conditional:
        return shared_cell(_COLLECTED_STATUS[requirement], requirement, kinds)
    conditions = _distinct(c for item in entries for c in item.conditions)
    return shared_cell(Status.CONDITIONAL, requirement, kinds, conditions)


def combine_workload(items: Iterable[DataItem], workload_id: str) -> WorkloadCell:
    """One workload cell from every entry a product has for an item."""
    values = [value for item in items if (value := item.workload(workload_id)) is not None]
    if not values:
        return WORKLOAD_NOT_STATED
    applying = [value for value in values if value.applies]
    if any(value.condition is None for value in applying):
        return shared_workload_cell(WorkloadStatus.YES)
    if applying:
        conditions = _distinct(v.condition for v in applying)
        return shared_workload_cell(WorkloadStatus.CONDITIONAL, conditions)
    return shared_workload_cell(WorkloadStatus.NO, _distinct(v.condition for v in values))
