"""Reading ``comparisons.yml``: comparison pages, with every product, category and workload
they name checked against the records."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import ComparisonSpec, WorkloadColumn
from .builder import DatasetBuilder, optional_text
from .discovery import DEVICE_NAMES, FOLDER_PAGE_NAMES
from .yaml_source import LocatedMapping, LocatedSequence


def read_comparisons(builder: DatasetBuilder, data: LocatedMapping) -> None:
    """Comparison pages, with every product, category and workload they name checked."""
    specs = {spec.id: spec for spec in builder.dataset.comparisons}
    for index, entry in enumerate(data["comparisons"]):
        path = f"comparisons[{index}]"
        builder.check_text(entry, path)
        if entry["id"] in DEVICE_NAMES | FOLDER_PAGE_NAMES:  # compare/<id>/ and compare/<id>.csv
            builder.error(
                entry.where("id"),
                "expected an id that can be a file name on every system, found reserved name "
                f"{entry['id']!r}; choose another id",
                f"{path}.id",
                "path",
            )
            continue
        existing = specs.get(entry["id"])
        if existing is not None:
            builder.error(
                entry.where("id"),
                f"duplicate comparison id {entry['id']!r} (first defined at {existing.source})",
                f"{path}.id",
                "duplicate-id",
            )
            continue
        products = known_ids(builder, entry, "products", "product", builder.dataset.products, path)
        categories = known_ids(
            builder, entry, "categories", "category", builder.dataset.categories, path
        )
        compared = products or tuple(builder.dataset.products)
        columns = []
        for column_index, column in enumerate(entry.get("workloads") or ()):
            column_path = f"{path}.workloads[{column_index}]"
            product = builder.dataset.products.get(column["product"])
            if product is None or product.id not in compared:
                builder.unknown(
                    column.where("product"),
                    "compared product",
                    column["product"],
                    compared,
                    f"{column_path}.product",
                )
                continue
            declared = [workload.id for workload in product.workloads]
            if column["workload"] not in declared:
                builder.unknown(
                    column.where("workload"),
                    f"{product.id} workload",
                    column["workload"],
                    declared,
                    f"{column_path}.workload",
                )
                continue
            columns.append(WorkloadColumn(product.id, column["workload"]))
        specs[entry["id"]] = ComparisonSpec(
            id=entry["id"],
            title=entry["title"],
            description=optional_text(entry, "description"),
            products=products,
            categories=categories,
            workloads=tuple(columns),
            include_not_stated=bool(entry.get("include_not_stated", False)),
            source=entry.location,
        )
    builder.dataset.comparisons = tuple(specs.values())


def known_ids(
    builder: DatasetBuilder,
    entry: LocatedMapping,
    key: str,
    what: str,
    known: Iterable[str],
    path: str,
) -> tuple[str, ...]:
    """The ids listed under ``key`` that exist; an error for each one that does not."""
    values: LocatedSequence = entry.get(key) or LocatedSequence()
    known = list(known)
    for index, value in enumerate(values):
        if value not in known:
            builder.unknown(values.where(index), what, value, known, f"{path}.{key}[{index}]")
    return tuple(value for value in values if value in known)
