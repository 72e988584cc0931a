"""Reading a product's data items: its required, optional and collected groups and its "never
collected" list, each item resolved against the catalog and given a stable anchor on the page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Location
from ..model import (
    CONTROL_NOT_STATED,
    SECTION_IDS,
    Alternatives,
    DataItem,
    DataSection,
    Detail,
    ItemGroup,
    NeverCollected,
    Requirement,
    Workload,
    WorkloadValue,
)
from .builder import DatasetBuilder, optional_text
from .yaml_source import LocatedMapping


@dataclass
class Anchors:
    """The anchors given so far on one product page: an id listed twice gets ``id-2``."""

    counts: dict[str, int] = field(default_factory=dict)

    def next(self, base: str) -> str:
        count = self.counts.get(base, 0) + 1
        self.counts[base] = count
        return base if count == 1 else f"{base}-{count}"


@dataclass(frozen=True)
class ItemPlace:
    """Where an item is listed, and what it takes from there: the requirement of its section,
    and the category, kind and condition of its group."""

    requirement: Requirement
    #: The product's workloads, which an item may say it applies under.
    workloads: tuple[Workload, ...] = ()
    category: str | None = None
    kind: str | None = None
    group_condition: str | None = None
    #: Put before the item's id in its anchor (``never-`` in "Data never collected").
    anchor_prefix: str = ""


def read_data_section(
    builder: DatasetBuilder,
    data: LocatedMapping,
    key: str,
    requirement: Requirement,
    workloads: tuple[Workload, ...],
    anchors: Anchors,
) -> DataSection:
    """The ``required``, ``optional`` or ``collected`` section of a product record."""
    section: LocatedMapping | None = data.get(key)
    if not section:
        return DataSection()
    groups = []
    for index, group in enumerate(section.get("groups") or []):
        path = f"{key}.groups[{index}]"
        category = group["category"]
        if category not in builder.dataset.categories:
            builder.unknown(
                group.where("category"),
                "category",
                category,
                builder.dataset.categories,
                f"{path}.category",
            )
        kind = optional_text(group, "kind")
        _check_kind(builder, group, path, requirement, kind)
        place = ItemPlace(requirement, workloads, category, kind, optional_text(group, "condition"))
        groups.append(
            ItemGroup(
                category=category,
                title=group.get("title") or builder.dataset.category_name(category),
                requirement=requirement,
                kind=kind,
                intro=optional_text(group, "intro"),
                condition=place.group_condition,
                items=_group_items(builder, group, path, place, anchors),
                source=group.location,
                layout=group.get("layout") or "list",
            )
        )
    return DataSection(optional_text(section, "intro"), tuple(groups))


def _check_kind(
    builder: DatasetBuilder,
    group: LocatedMapping,
    path: str,
    requirement: Requirement,
    kind: str | None,
) -> None:
    """Optional groups say which kind of optional data they hold; required ones, and those
    whose requirement is not stated, have none."""
    if requirement is Requirement.OPTIONAL and kind is None:
        builder.error(
            group.location,
            "expected key 'kind' (diagnostic, feedback, telemetry or other) on an optional group, found none",
            f"{path}.kind",
            "schema",
        )
    if requirement is Requirement.REQUIRED and kind is not None:
        builder.error(
            group.where("kind"),
            "expected no 'kind' on required data (only optional data has kinds)",
            f"{path}.kind",
            "schema",
        )
    if requirement is Requirement.NOT_STATED and kind is not None:
        builder.error(
            group.where("kind"),
            "expected no 'kind' on collected data (only optional data has kinds); if the "
            "product says this data is optional, move the group under 'optional'",
            f"{path}.kind",
            "schema",
        )


def _group_items(
    builder: DatasetBuilder,
    group: LocatedMapping,
    path: str,
    place: ItemPlace,
    anchors: Anchors,
) -> tuple[DataItem, ...]:
    """The items of one group; an item listed twice in it is an error."""
    seen: dict[str, Location] = {}
    items = []
    for item_index, entry in enumerate(group["items"]):
        item_path = f"{path}.items[{item_index}]"
        item = read_item(builder, entry, item_path, place, anchors)
        if item is None:
            continue
        if item.id in seen:
            builder.error(
                entry.location,
                f"item {item.id!r} is listed twice in this group (first at line {seen[item.id].line})",
                item_path,
                "duplicate-id",
            )
            continue
        seen[item.id] = entry.location
        items.append(item)
    return tuple(items)


def read_never_collected(
    builder: DatasetBuilder, data: LocatedMapping, anchors: Anchors
) -> NeverCollected | None:
    """The items a product states it never collects (anchors ``never-ID``)."""
    if "never_collected" not in data:
        return None
    never: LocatedMapping = data["never_collected"]
    place = ItemPlace(Requirement.REQUIRED, anchor_prefix="never-")
    for index, entry in enumerate(never["items"]):
        if "condition" in entry:  # (the item is still read: an earlier release shows as it did)
            builder.error(
                entry.where_key("condition"),
                "expected no 'condition' on a never-collected item: comparisons, privacy.json "
                "and store labels would say 'Never collected' although the product collects it "
                "in some case; list it under 'optional' (or 'collected') with the case that "
                "leads to its collection as its condition",
                f"never_collected.items[{index}].condition",
                "schema",
            )
    items = (
        read_item(builder, entry, f"never_collected.items[{index}]", place, anchors)
        for index, entry in enumerate(never["items"])
    )
    return NeverCollected(optional_text(never, "intro"), tuple(i for i in items if i))


def read_item(
    builder: DatasetBuilder,
    entry: LocatedMapping,
    path: str,
    place: ItemPlace,
    anchors: Anchors,
) -> DataItem | None:
    """One item: a catalog item (``ref``) as this product words it, or an item of its own
    (``id`` and ``name``). None, with an error, when it cannot be resolved."""
    catalog = builder.dataset.catalog
    ref, local = entry.get("ref"), entry.get("id")
    catalog_item = None
    if (ref is None) == (local is None):
        builder.error(
            entry.location,
            "expected exactly one of 'ref' (a catalog item) or 'id' (an item only this product has)",
            path,
            "schema",
        )
        return None
    if ref is not None:
        catalog_item = catalog.get(ref)
        if catalog_item is None:
            builder.unknown(entry.where("ref"), "catalog item", ref, catalog, f"{path}.ref")
            return None
        item_id = ref
    else:
        item_id = local
        if local in catalog:
            builder.error(
                entry.where("id"),
                f"{local!r} is a catalog item; write 'ref: {local}' to use it",
                f"{path}.id",
            )
            return None
        if "name" not in entry:
            builder.error(
                entry.location,
                "expected key 'name' on an item that is not in the catalog, found none",
                f"{path}.name",
                "schema",
            )
            return None
    if item_id in SECTION_IDS:
        builder.error(
            entry.location,
            f"expected an item id that is not a section name, found {item_id!r}",
            path,
            "schema",
        )
        return None
    alternatives = entry.get("alternatives")
    control = optional_text(entry, "control")
    return DataItem(
        id=item_id,
        name=entry.get("name") or (catalog_item.name if catalog_item else item_id),
        anchor=anchors.next(place.anchor_prefix + item_id),
        catalog=catalog_item is not None,
        requirement=place.requirement,
        category=place.category or (catalog_item.category if catalog_item else ""),
        kind=place.kind,
        description=optional_text(entry, "description")
        or (catalog_item.description if catalog_item else None),
        condition=optional_text(entry, "condition"),
        group_condition=place.group_condition,
        classification=optional_text(entry, "classification")
        or (catalog_item.classification if catalog_item else None),
        purpose=optional_text(entry, "purpose"),
        control=None if control == CONTROL_NOT_STATED else control,
        details=_details(entry.get("details") or ()),
        alternatives=Alternatives(
            tuple(alternatives["options"]),
            bool(alternatives.get("ordered", False)),
            alternatives.get("intro"),
        )
        if alternatives
        else None,
        workloads=_workload_values(builder, entry, path, place.workloads),
        note=optional_text(entry, "note"),
        source=entry.location,
        control_not_stated=control == CONTROL_NOT_STATED,
    )


def _workload_values(
    builder: DatasetBuilder, entry: LocatedMapping, path: str, workloads: tuple[Workload, ...]
) -> tuple[tuple[str, WorkloadValue], ...]:
    """Whether the item applies under each workload it names (declared by the product)."""
    values = []
    declared = {w.id for w in workloads}
    for workload_id, raw in (entry.get("workloads") or {}).items():
        if workload_id not in declared:
            builder.unknown(
                entry["workloads"].where_key(workload_id),
                "workload",
                workload_id,
                declared,
                f"{path}.workloads.{workload_id}",
            )
            continue
        if isinstance(raw, str):
            values.append((workload_id, WorkloadValue(raw.lower() == "yes")))
        else:
            value = WorkloadValue(raw["applies"].lower() == "yes", raw.get("condition"))
            values.append((workload_id, value))
    return tuple(values)


def _details(entries: Iterable[Any]) -> tuple[Detail, ...]:
    result = []
    for entry in entries:
        if isinstance(entry, str):
            result.append(Detail(entry))
        else:
            result.append(Detail(entry["text"], _details(entry.get("details") or ())))
    return tuple(result)
