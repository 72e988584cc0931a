"""Machine-readable downloads: the whole dataset as ``privacy.json``, each comparison as CSV.

Writers and readers live together so that the round trip (records → files → records) is
tested. ``privacy.json`` carries ``schema_version`` and ``generator_version`` and validates
against ``schemas/privacy-json.schema.json``, which is published next to it.

Everything here returns plain data (:class:`GeneratedAsset`: a path and bytes); the MkDocs
plugin and the CLI place the files.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from functools import cache, partial
from importlib import resources
from typing import Any

from ..compare.comparison import (
    Cell,
    Collection,
    Comparison,
    Status,
    WorkloadCell,
    WorkloadStatus,
    comparison_specs,
    comparisons,
)
from ..diagnostics import Location
from ..model import (
    Alternatives,
    DataItem,
    Dataset,
    Detail,
    Product,
    Requirement,
    WorkloadValue,
)
from ..settings import Settings

JSON_SCHEMA_FILE = "privacy-json.schema.json"
#: The packaged script and style sheet of the comparison tables, and where sites serve them.
SCRIPT = "assets/privacy-pages/privacy-pages.js"
STYLESHEET = "assets/privacy-pages/privacy-pages.css"
_STATIC = {SCRIPT: "privacy-pages.js", STYLESHEET: "privacy-pages.css"}


@dataclass(frozen=True)
class GeneratedAsset:
    """A text file to place at ``path`` (relative to the docs folder / site root): ``text``, or
    the pieces ``pieces()`` makes when it is read (a large file need not be held whole)."""

    path: str
    text: str = ""
    pieces: Callable[[], Iterator[str]] | None = None

    @property
    def content(self) -> str:
        """The whole text."""
        return "".join(self.chunks())

    def chunks(self) -> Iterator[str]:
        """The text, in pieces of at least :data:`CHUNK_SIZE` characters (but the last)."""
        if self.pieces is None:
            yield self.text
            return
        batch: list[str] = []
        size = 0
        for piece in self.pieces():
            batch.append(piece)
            size += len(piece)
            if size >= CHUNK_SIZE:
                yield "".join(batch)
                batch, size = [], 0
        if batch:
            yield "".join(batch)


#: How much of a file made in pieces :meth:`GeneratedAsset.chunks` hands over at a time.
CHUNK_SIZE = 1 << 16


@dataclass(frozen=True)
class AssetPaths:
    """Where the downloads of a site go."""

    pages_dir: str

    @property
    def privacy_json(self) -> str:
        return f"{self.pages_dir}/privacy.json"

    @property
    def schema(self) -> str:
        return f"{self.pages_dir}/{JSON_SCHEMA_FILE}"

    def csv(self, comparison_id: str) -> str:
        return f"{self.pages_dir}/compare/{comparison_id}.csv"


def asset_paths(settings: Settings) -> AssetPaths:
    return AssetPaths(settings.pages_dir)


def _package_file(*parts: str) -> str:
    return resources.files("privacy_pages").joinpath(*parts).read_text("utf-8")


def static_assets() -> list[GeneratedAsset]:
    """The packaged script and style sheet (no network: nothing is loaded from elsewhere)."""
    return [GeneratedAsset(path, _package_file("assets", name)) for path, name in _STATIC.items()]


@cache
def json_schema() -> dict[str, Any]:
    """The published JSON Schema of privacy.json."""
    document: dict[str, Any] = json.loads(_package_file("schemas", JSON_SCHEMA_FILE))
    return document


def json_schema_version() -> str:
    """The version of the privacy.json format: the schema's ``x-schema-version``."""
    return str(json_schema()["x-schema-version"])


def render_assets(
    collection: Collection, settings: Settings, tables: tuple[Comparison, ...] | None = None
) -> list[GeneratedAsset]:
    """Every download of the site, and the packaged script and style sheet."""
    if not collection.dataset.products:
        return []
    tables = comparisons(collection) if tables is None else tables
    paths = asset_paths(settings)
    assets = [
        GeneratedAsset(
            paths.privacy_json, pieces=partial(privacy_json_pieces, collection, settings, tables)
        ),
        GeneratedAsset(paths.schema, _package_file("schemas", JSON_SCHEMA_FILE)),
    ]
    assets.extend(GeneratedAsset(paths.csv(t.id), comparison_csv(t)) for t in tables)
    assets.extend(static_assets())
    return assets


def planned_assets(dataset: Dataset, settings: Settings) -> list[str]:
    """The paths of the files :func:`render_assets` writes, known before they are written."""
    if not dataset.products:
        return []
    paths = asset_paths(settings)
    planned = [paths.privacy_json, paths.schema]
    planned.extend(paths.csv(spec.id) for spec in comparison_specs(dataset))
    planned.extend(_STATIC)
    return planned


# -- privacy.json: writing ------------------------------------------------------------------------


def privacy_json(collection: Collection, settings: Settings, tables: tuple[Comparison, ...]) -> str:
    """The document as compact JSON: a download for programs (an indented one is 60% larger,
    and takes the json module's pure-Python encoder five times as long to write).

    Written a product at a time: the text is the same as ``json.dumps`` of
    :func:`privacy_document`, without holding the whole document as Python data beside it
    (that took six times the text's size at 200 products)."""
    return "".join(privacy_json_pieces(collection, settings, tables))


def privacy_json_pieces(
    collection: Collection, settings: Settings, tables: tuple[Comparison, ...]
) -> Iterator[str]:
    """:func:`privacy_json` in pieces, a product at a time."""
    return _json_chunks(_document(collection, settings, tables))


#: The encoder of privacy.json: compact, Unicode as is, dates as ISO text.
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str).encode


def _json_chunks(document: dict[str, Any]) -> Iterator[str]:
    """``json.dumps(document)`` in pieces; lists given as iterators are encoded an entry at a
    time."""
    yield "{"
    for number, (key, value) in enumerate(document.items()):
        yield ("," if number else "") + _ENCODE(key) + ":"
        if isinstance(value, Iterator):
            yield "["
            for index, entry in enumerate(value):
                yield ("," if index else "") + _ENCODE(entry)
            yield "]"
        else:
            yield _ENCODE(value)
    yield "}"


def privacy_document(
    collection: Collection, settings: Settings, tables: tuple[Comparison, ...]
) -> dict[str, Any]:
    """The whole dataset as JSON-compatible data."""
    document = _document(collection, settings, tables)
    return {k: list(v) if isinstance(v, Iterator) else v for k, v in document.items()}


def _document(
    collection: Collection, settings: Settings, tables: tuple[Comparison, ...]
) -> dict[str, Any]:
    """The document, its products and comparisons as iterators (made when they are read)."""
    from .. import __version__
    from .pages import product_page_path

    dataset = collection.dataset
    paths = asset_paths(settings)
    return {
        "schema_version": json_schema_version(),
        "generator": "privacy-pages",
        "generator_version": __version__,
        "categories": [
            {"id": c.id, "name": c.name, "description": c.description}
            for c in dataset.categories.values()
        ],
        "catalog": [
            {
                "id": i.id,
                "name": i.name,
                "category": i.category,
                "description": i.description,
                "classification": i.classification,
                "aliases": list(i.aliases),
            }
            for i in dataset.catalog.values()
        ],
        "products": (
            _product(p, product_page_path(settings, p.id)) for p in dataset.products.values()
        ),
        "comparisons": (_comparison(t, paths.csv(t.id)) for t in tables),
    }


def _product(product: Product, page: str) -> dict[str, Any]:
    never = product.never_collected
    return {
        "id": product.id,
        "name": product.name,
        "family": product.family,
        "platform": product.platform,
        "summary": product.summary,
        "page": page,
        "metadata": product.metadata,
        "intro": product.intro,
        "applies_to": [asdict(link) for link in product.applies_to],
        "notes": [asdict(note) for note in product.notes],
        "links": [asdict(link) for link in product.links],
        "workloads": [asdict(w) for w in product.workloads],
        "items": [_item(item) for item in product.items],
        "never_collected": [
            {
                "id": i.id,
                "name": i.name,
                "catalog": i.catalog,
                "anchor": i.anchor,
                "description": i.description,
            }
            for i in (never.items if never else ())
        ],
        "data_use": [asdict(use) for use in product.data_uses],
        "processed_entities": list(product.processed_entities),
        "storage": asdict(product.storage),
        "access": asdict(product.access),
        "rights": asdict(product.rights),
    }


def _item(item: DataItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "name": item.name,
        "catalog": item.catalog,
        "anchor": item.anchor,
        "requirement": item.requirement.value,
        "category": item.category,
        "kind": item.kind,
        "description": item.description,
        "condition": item.condition,
        "group_condition": item.group_condition,
        "classification": item.classification,
        "purpose": item.purpose,
        "control": item.control,
        "details": [asdict(d) for d in item.details],
        "alternatives": asdict(item.alternatives) if item.alternatives else None,
        "workloads": {
            wid: {"applies": value.applies, "condition": value.condition}
            for wid, value in item.workloads
        },
        "note": item.note,
    }


def _cell(cell: Cell, anchor: str | None) -> dict[str, Any]:
    return {
        "status": cell.status.value,
        "label": cell.label,
        "requirement": cell.requirement.value if cell.requirement else None,
        "kinds": list(cell.kinds),
        "conditions": list(cell.conditions),
        "anchor": anchor,
    }


def _workload_cell(cell: WorkloadCell) -> dict[str, Any]:
    return {"status": cell.status.value, "label": cell.label, "conditions": list(cell.conditions)}


def _comparison(table: Comparison, csv_path: str) -> dict[str, Any]:
    columns = [
        {"key": c.key, "product": c.product.id, "workload": None, "title": c.title}
        for c in table.products
    ] + [
        {"key": c.key, "product": c.product.id, "workload": c.workload_id, "title": c.title}
        for c in table.workloads
    ]
    rows = []
    for group in table.groups:
        for row in group.rows:
            cells = {
                column.key: _cell(statement.cell, statement.anchor)
                for column, statement in zip(table.products, row.statements, strict=True)
            }
            cells.update(
                (column.key, _workload_cell(cell))
                for column, cell in zip(table.workloads, row.workloads, strict=True)
            )
            rows.append(
                {
                    "item": row.item.id,
                    "name": row.item.name,
                    "category": group.category.id,
                    "cells": cells,
                }
            )
    return {
        "id": table.id,
        "title": table.spec.title,
        "description": table.spec.description,
        "csv": csv_path,
        "include_not_stated": table.spec.include_not_stated,
        "columns": columns,
        "rows": rows,
    }


# -- reading back ---------------------------------------------------------------------------------

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
        control=data["control"],
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
    )


# -- CSV ------------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
_ITEM_COLUMNS = ("item", "item name", "category", "category name")
_PRODUCT_FIELDS = ("status", "requirement", "kinds", "conditions")
_WORKLOAD_FIELDS = ("status", "conditions")


def _csv_text(value: str) -> str:
    """Text a spreadsheet shows as text, never runs as a formula (read back by ``_csv_value``)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv_value(value: str) -> str:
    return value[1:] if value.startswith("'") else value


def _split(value: str) -> tuple[str, ...]:
    return tuple(_csv_value(v) for v in value.split("\n")) if value else ()


def _join(values: tuple[str, ...]) -> str:
    return "\n".join(_csv_text(v) for v in values)


def comparison_csv(table: Comparison) -> str:
    """One row per data item; per product its label (as the page shows it) and its parts.

    Columns: ``item``, ``item name``, ``category``, ``category name``; then for each product
    ``<product id>`` (the label) and ``<product id>:status|requirement|kinds|conditions``; then
    for each workload column ``<product id>/<workload id>`` and its ``:status`` and
    ``:conditions``. Several kinds or conditions in one cell are on separate lines.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header = list(_ITEM_COLUMNS)
    for column in table.products:
        header += [column.key, *(f"{column.key}:{f}" for f in _PRODUCT_FIELDS)]
    for workload in table.workloads:
        header += [workload.key, *(f"{workload.key}:{f}" for f in _WORKLOAD_FIELDS)]
    writer.writerow(header)
    for group in table.groups:
        for row in group.rows:
            line = [
                row.item.id,
                _csv_text(row.item.name),
                group.category.id,
                _csv_text(group.category.name),
            ]
            for cell in row.cells:
                line += [
                    cell.label,
                    cell.status.value,
                    cell.requirement.value if cell.requirement else "",
                    _join(cell.kinds),
                    _join(cell.conditions),
                ]
            for workload_cell in row.workloads:
                line += [
                    workload_cell.label,
                    workload_cell.status.value,
                    _join(workload_cell.conditions),
                ]
            writer.writerow(line)
    return out.getvalue()


def read_comparison_csv(text: str, comparison_id: str) -> ComparisonData:
    """A comparison CSV read back into cells."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    fields = reader.fieldnames or []
    keys = tuple(name for name in fields if name not in _ITEM_COLUMNS and ":" not in name)
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
