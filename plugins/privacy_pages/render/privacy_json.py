"""``privacy.json``: the whole dataset for programs. It carries ``schema_version`` and
``generator_version`` and validates against ``schemas/privacy-json.schema.json``, which is
published next to it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from functools import cache, partial
from importlib import resources
from typing import Any

from ..compare.cells import Cell, WorkloadCell
from ..compare.collection import Collection
from ..compare.comparison import (
    Comparison,
)
from ..history.releases import History, Release
from ..messages import SOURCE_LANGUAGE, Messages
from ..model import CONTROL_NOT_STATED, Controller, DataItem, Dataset, Product, Requirement
from ..settings import Settings
from ..stores.label import store_label
from ..version import __version__
from .paths import (
    JSON_SCHEMA_FILE,
    asset_paths,
    product_page_path,
    release_page_path,
    versions_page_path,
)
from .processing_record import COLUMNS, processing_activities
from .reuse import PageReuse


def json_schema_text() -> str:
    """The published JSON Schema of privacy.json, as shipped in the package."""
    return resources.files("privacy_pages").joinpath("schemas", JSON_SCHEMA_FILE).read_text("utf-8")


@cache
def json_schema() -> dict[str, Any]:
    """The published JSON Schema of privacy.json."""
    document: dict[str, Any] = json.loads(json_schema_text())
    return document


def json_schema_version() -> str:
    """The version of the privacy.json format: the schema's ``x-schema-version``."""
    return str(json_schema()["x-schema-version"])


def privacy_json(collection: Collection, settings: Settings, tables: tuple[Comparison, ...]) -> str:
    """The document as compact JSON: a download for programs (an indented one is 60% larger,
    and takes the json module's pure-Python encoder five times as long to write).

    Written a product at a time: the text is the same as ``json.dumps`` of
    :func:`privacy_document`, without holding the whole document as Python data beside it
    (that took six times the text's size at 200 products)."""
    return "".join(privacy_json_pieces(collection, settings, tables))


def privacy_json_pieces(
    collection: Collection,
    settings: Settings,
    tables: tuple[Comparison, ...],
    reuse: PageReuse | None = None,
    history: History | None = None,
) -> Iterator[str]:
    """:func:`privacy_json` in pieces, a product at a time; with ``reuse``, a product's entry
    is the last build's when the product is the same. With ``history``, the releases and the
    version of each statement they published."""
    document = _document(collection, settings, tables)
    document["releases"] = _releases(history, settings)
    paths = asset_paths(settings)
    said = settings.messages
    document["comparisons"] = (_comparison_json(said, t, paths.csv(t.id)) for t in tables)
    if reuse is not None:
        dataset = collection.dataset
        document["products"] = (
            reuse.page(
                f"privacy.json:{p.id}",
                reuse.product(p, dataset.catalog),
                partial(
                    _encoded_product,
                    p,
                    product_page_path(settings, p.id),
                    dataset,
                    settings.controller,
                ),
            )
            for p in dataset.products.values()
        )
        document["comparisons"] = (
            reuse.page(
                f"privacy.json-comparison:{t.id}",
                reuse.table(t),
                partial(_encoded_comparison, said, t, paths.csv(t.id)),
            )
            for t in tables
        )
    return _json_chunks(document)


def _releases(history: History | None, settings: Settings) -> list[dict[str, Any]]:
    """Every release, oldest first, with the version of each statement it published or
    changed: its page (none for a release without records), the language of the statement's
    text there, and its comparison with the version before."""
    if not history:
        return []
    language = settings.language  # (the versions' pages are in each language)
    found = []
    for release in history.releases:
        statements = []
        for product_id in release.products:
            held = product_id in release.snapshot.products  # (not: the release removed it)
            before = history.version_before(release, product_id)
            if before is not None and product_id not in before.snapshot.products:
                before = None
            page = held and release.archived
            statements.append(
                {
                    "product": product_id,
                    "page": release_page_path(settings, product_id, release.version)
                    if page
                    else None,
                    "language": _text_language(release, product_id, language) if page else None,
                    "compare": versions_page_path(
                        settings, product_id, before.version, release.version
                    )
                    if held and before
                    else None,
                }
            )
        found.append(
            {
                "version": release.version,
                "date": release.date.isoformat(),
                "effective": release.effective.isoformat(),
                "recorded_again": [day.isoformat() for day in release.snapshot.re_recorded],
                "statements": statements,
            }
        )
    return found


class _Encoded(str):
    """An entry already encoded as JSON."""


def _encoded_product(
    product: Product, page: str, dataset: Dataset, controller: Controller | None
) -> tuple[_Encoded, bool]:
    return _Encoded(_ENCODE(_product(product, page, dataset, controller))), True


def _encoded_comparison(said: Messages, table: Comparison, csv_path: str) -> tuple[_Encoded, bool]:
    return _comparison_json(said, table, csv_path), True


def _comparison_json(said: Messages, table: Comparison, csv_path: str) -> _Encoded:
    """``_ENCODE(_comparison(said, table, csv_path))``, with each distinct cell encoded once: a
    comparison of 200 products has tens of thousands of cells but few distinct ones."""
    products, workloads = table.products, table.workloads
    keys = [_ENCODE(c.key) + ":" for c in products] + [_ENCODE(c.key) + ":" for c in workloads]
    if len(set(keys)) != len(keys):  # (a dict keeps one entry per key)
        return _Encoded(_ENCODE(_comparison(said, table, csv_path)))
    head = _comparison(said, table, csv_path, with_rows=False)
    cells: dict[tuple[Any, ...], str] = {}
    rows = []
    for group in table.groups:
        category = _ENCODE(group.category.id)
        for row in group.rows:
            texts = []
            for statement in row.statements:
                key = (statement.cell, statement.anchor)
                text = cells.get(key)
                if text is None:
                    text = cells[key] = _ENCODE(_cell(said, statement.cell, statement.anchor))
                texts.append(text)
            for workload in row.workloads:
                text = cells.get((workload,))
                if text is None:
                    text = cells[(workload,)] = _ENCODE(_workload_cell(said, workload))
                texts.append(text)
            pairs = ",".join(key + text for key, text in zip(keys, texts, strict=True))
            rows.append(
                f'{{"item":{_ENCODE(row.item.id)},"name":{_ENCODE(row.item.name)},'
                f'"category":{category},"cells":{{{pairs}}}}}'
            )
    return _Encoded(f'{_ENCODE(head)[:-1]},"rows":[{",".join(rows)}]}}')


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
                encoded = entry if isinstance(entry, _Encoded) else _ENCODE(entry)
                yield ("," if index else "") + encoded
            yield "]"
        else:
            yield _ENCODE(value)
    yield "}"


def _text_language(release: Release, product_id: str, language: str) -> str:
    """The language of a statement's text on its version's page in ``language``: that one
    where the release kept translations of the statement into it, else the records' own."""
    if language == SOURCE_LANGUAGE or release.translates(product_id, language):
        return language
    return SOURCE_LANGUAGE


def privacy_document(
    collection: Collection,
    settings: Settings,
    tables: tuple[Comparison, ...],
    history: History | None = None,
) -> dict[str, Any]:
    """The whole dataset as JSON-compatible data."""
    document = _document(collection, settings, tables)
    document["releases"] = _releases(history, settings)
    return {k: list(v) if isinstance(v, Iterator) else v for k, v in document.items()}


def _document(
    collection: Collection, settings: Settings, tables: tuple[Comparison, ...]
) -> dict[str, Any]:
    """The document, its products and comparisons as iterators (made when they are read)."""

    dataset = collection.dataset
    paths = asset_paths(settings)
    said = settings.messages
    return {
        "schema_version": json_schema_version(),
        "generator": "privacy-pages",
        "generator_version": __version__,
        "language": settings.language,
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
                "stores": dict(i.stores),
            }
            for i in dataset.catalog.values()
        ],
        "products": (
            _product(p, product_page_path(settings, p.id), dataset, settings.controller)
            for p in dataset.products.values()
        ),
        "comparisons": (_comparison(said, t, paths.csv(t.id)) for t in tables),  # (as data)
        "processing_record": {
            "csv": paths.processing_record,
            "activities": [
                {column.replace(" ", "_"): activity[column] for column in COLUMNS}
                for activity in processing_activities(dataset, settings.controller, said)
            ],
        },
    }


def _product(
    product: Product, page: str, dataset: Dataset, site_controller: Controller | None
) -> dict[str, Any]:
    never = product.never_collected
    controller = product.controller or site_controller
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
        "purposes": asdict(product.purposes),
        "processed_entities": list(product.processed_entities),
        "storage": asdict(product.storage),
        "access": asdict(product.access),
        "rights": asdict(product.rights),
        "sharing": asdict(product.sharing),
        "controls": asdict(product.controls),
        "scope": asdict(product.scope),
        "store_labels": _store_labels(product, dataset),
        "controller": asdict(controller) if controller else None,
        "data_subjects": list(product.data_subjects),
        "data_sources": asdict(product.data_sources) if product.data_sources else None,
        "automated_decisions": asdict(product.automated_decisions)
        if product.automated_decisions
        else None,
    }


def _store_labels(product: Product, dataset: Dataset) -> dict[str, Any] | None:
    """The product's answers for the stores, and what each store's label shows from them."""
    labels = product.store_labels
    if labels is None:
        return None
    items = {}
    for item in product.items:
        answers = labels.for_item(item.id)
        items[item.id] = {
            "purposes": list(answers.purposes or ()),
            "linked": bool(answers.linked),
            "tracking": bool(answers.tracking),
            "shared": bool(answers.shared),
            "ephemeral": bool(answers.ephemeral),
            "shared_purposes": list(answers.sharing_purposes),
        }
    shown = {}
    for store in labels.ships_to:
        label = store_label(product, dataset, store)
        shown[store] = [
            {
                "data_type": entry.data_type,
                "label": label.tables.data_type_label(store, entry.data_type),
                "purposes": list(entry.purposes),
                # null (and requirement not-stated): the product does not say.
                "required": entry.required,
                "requirement": (entry.requirement or Requirement.OPTIONAL).value,
                "linked": bool(entry.linked),
                "tracking": bool(entry.tracking),
                "shared": bool(entry.shared),
                "ephemeral": bool(entry.ephemeral),
                "shared_purposes": list(entry.shared_purposes or ()),
            }
            for entry in label.entries.values()
        ]
    return {
        "ships_to": list(labels.ships_to),
        "items": items,
        "labels": shown,
        "google_play": {
            q: list(a) if isinstance(a, tuple) else a for q, a in labels.google_play.items()
        },
        "apple": {
            "tracking_domains": list(labels.tracking_domains or ()),
            "accessed_apis": {c: list(r) for c, r in (labels.accessed_apis or {}).items()},
        },
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
        "control": CONTROL_NOT_STATED if item.control_not_stated else item.control,
        "details": [asdict(d) for d in item.details],
        "alternatives": asdict(item.alternatives) if item.alternatives else None,
        "workloads": {
            wid: {"applies": value.applies, "condition": value.condition}
            for wid, value in item.workloads
        },
        "note": item.note,
    }


def _cell(said: Messages, cell: Cell, anchor: str | None) -> dict[str, Any]:
    return {
        "status": cell.status.value,
        "label": cell.label_in(said),
        "requirement": cell.requirement.value if cell.requirement else None,
        "kinds": list(cell.kinds),
        "conditions": list(cell.conditions),
        "anchor": anchor,
    }


def _workload_cell(said: Messages, cell: WorkloadCell) -> dict[str, Any]:
    label = cell.label_in(said)
    return {"status": cell.status.value, "label": label, "conditions": list(cell.conditions)}


def _comparison(
    said: Messages, table: Comparison, csv_path: str, with_rows: bool = True
) -> dict[str, Any]:
    """A comparison as JSON data (not ``with_rows``: all of it but its rows, which come last)."""
    columns = [
        {"key": c.key, "product": c.product.id, "workload": None, "title": c.title}
        for c in table.products
    ] + [
        {"key": c.key, "product": c.product.id, "workload": c.workload_id, "title": c.title}
        for c in table.workloads
    ]
    rows = []
    for group in table.groups if with_rows else ():
        for row in group.rows:
            cells = {
                column.key: _cell(said, statement.cell, statement.anchor)
                for column, statement in zip(table.products, row.statements, strict=True)
            }
            cells.update(
                (column.key, _workload_cell(said, cell))
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
        **({"rows": rows} if with_rows else {}),
    }
