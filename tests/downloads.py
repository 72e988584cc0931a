"""Readers of the site's downloads, for tests: privacy.json and the comparison CSVs read back
into cells and items, so that round trips (records -> files -> records) can be checked."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any

from privacy_pages.compare.cells import Cell, Status, WorkloadCell, WorkloadStatus
from privacy_pages.compare.comparison import Comparison
from privacy_pages.diagnostics import Location
from privacy_pages.model import (
    CONTROL_NOT_STATED,
    Alternatives,
    DataItem,
    Detail,
    Requirement,
    WorkloadValue,
)
from privacy_pages.render.comparison_csv import ITEM_COLUMNS

AnyCell = Cell | WorkloadCell


@dataclass(frozen=True)
class ComparisonData:
    """A comparison as its downloads hold it: cells by item id and column key."""

    id: str
    columns: tuple[str, ...]
    rows: dict[str, dict[str, AnyCell]] = field(default_factory=dict)
    #: The category of each row, by item id.
    categories: dict[str, str] = field(default_factory=dict)


def comparison_data(table: Comparison) -> ComparisonData:
    """What a comparison's downloads should hold, from the model."""
    data = ComparisonData(table.id, table.column_keys)
    for group in table.groups:
        for row in group.rows:
            cells: dict[str, AnyCell] = {
                column.key: cell for column, cell in zip(table.products, row.cells, strict=True)
            }
            cells.update(
                (column.key, cell)
                for column, cell in zip(table.workloads, row.workloads, strict=True)
            )
            data.rows[row.item.id] = cells
            data.categories[row.item.id] = group.category.id
    return data


def _cell_from(data: dict[str, Any]) -> Cell:
    requirement = data.get("requirement")
    return Cell(
        Status(data["status"]),
        Requirement(requirement) if requirement else None,
        tuple(data.get("kinds") or ()),
        tuple(data.get("conditions") or ()),
    )


def _workload_cell_from(data: dict[str, Any]) -> WorkloadCell:
    return WorkloadCell(WorkloadStatus(data["status"]), tuple(data.get("conditions") or ()))


@dataclass(frozen=True)
class PrivacyExport:
    """privacy.json read back."""

    document: dict[str, Any]
    #: product id → the product's data items.
    items: dict[str, tuple[DataItem, ...]]
    comparisons: dict[str, ComparisonData]


def read_privacy_json(text: str) -> PrivacyExport:
    document: dict[str, Any] = json.loads(text)
    items = {
        product["id"]: tuple(_item_from(entry) for entry in product["items"])
        for product in document["products"]
    }
    tables = {}
    for entry in document["comparisons"]:
        keys = tuple(column["key"] for column in entry["columns"])
        workload_keys = {c["key"] for c in entry["columns"] if c["workload"] is not None}
        data = ComparisonData(entry["id"], keys)
        for row in entry["rows"]:
            data.rows[row["item"]] = {
                key: _workload_cell_from(value) if key in workload_keys else _cell_from(value)
                for key, value in row["cells"].items()
            }
            data.categories[row["item"]] = row["category"]
        tables[entry["id"]] = data
    return PrivacyExport(document, items, tables)


#: Where items read back from privacy.json say they come from.
JSON_SOURCE = Location("privacy.json")


def _detail_from(data: dict[str, Any]) -> Detail:
    return Detail(data["text"], tuple(_detail_from(d) for d in data.get("details") or ()))


def _item_from(data: dict[str, Any]) -> DataItem:
    alternatives = data.get("alternatives")
    return DataItem(
        id=data["id"],
        name=data["name"],
        anchor=data["anchor"],
        catalog=data["catalog"],
        requirement=Requirement(data["requirement"]),
        category=data["category"],
        kind=data["kind"],
        description=data["description"],
        condition=data["condition"],
        group_condition=data["group_condition"],
        classification=data["classification"],
        purpose=data["purpose"],
        control=None if data["control"] == CONTROL_NOT_STATED else data["control"],
        details=tuple(_detail_from(d) for d in data["details"]),
        alternatives=Alternatives(
            tuple(alternatives["options"]), alternatives["ordered"], alternatives["intro"]
        )
        if alternatives
        else None,
        workloads=tuple(
            (wid, WorkloadValue(value["applies"], value["condition"]))
            for wid, value in data["workloads"].items()
        ),
        note=data["note"],
        source=JSON_SOURCE,
        control_not_stated=data["control"] == CONTROL_NOT_STATED,
    )


def _split(value: str) -> tuple[str, ...]:
    """Several values of one CSV cell, one a line; a leading ' kept text from being a formula."""
    return tuple(v[1:] if v.startswith("'") else v for v in value.split("\n")) if value else ()


def read_comparison_csv(text: str, comparison_id: str) -> ComparisonData:
    """A comparison CSV read back into cells."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    fields = reader.fieldnames or []
    keys = tuple(name for name in fields if name not in ITEM_COLUMNS and ":" not in name)
    data = ComparisonData(comparison_id, keys)
    for line in reader:
        cells: dict[str, AnyCell] = {}
        for key in keys:
            if "/" in key:
                cells[key] = WorkloadCell(
                    WorkloadStatus(line[f"{key}:status"]), _split(line[f"{key}:conditions"])
                )
            else:
                requirement = line[f"{key}:requirement"]
                cells[key] = Cell(
                    Status(line[f"{key}:status"]),
                    Requirement(requirement) if requirement else None,
                    _split(line[f"{key}:kinds"]),
                    _split(line[f"{key}:conditions"]),
                )
        data.rows[line["item"]] = cells
        data.categories[line["item"]] = line["category"]
    return data
