"""Each comparison as CSV: one row per data item, the cell of each product and workload
column, and their parts. Text that a spreadsheet would run as a formula is kept as text."""

from __future__ import annotations

import csv
import io

from ..compare.comparison import (
    Comparison,
)
from ..csv_text import spreadsheet_text
from ..messages import SOURCE_MESSAGES, Messages

ITEM_COLUMNS = ("item", "item name", "category", "category name")


PRODUCT_FIELDS = ("status", "requirement", "kinds", "conditions")


WORKLOAD_FIELDS = ("status", "conditions")


def _join(values: tuple[str, ...]) -> str:
    return "\n".join(spreadsheet_text(v) for v in values)


def comparison_csv(table: Comparison, said: Messages = SOURCE_MESSAGES) -> str:
    """One row per data item; per product its label (as the page shows it, in ``said``'s
    language) and its parts.

    Columns: ``item``, ``item name``, ``category``, ``category name``; then for each product
    ``<product id>`` (the label) and ``<product id>:status|requirement|kinds|conditions``; then
    for each workload column ``<product id>/<workload id>`` and its ``:status`` and
    ``:conditions``. Several kinds or conditions in one cell are on separate lines.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header = list(ITEM_COLUMNS)
    for column in table.products:
        header += [column.key, *(f"{column.key}:{f}" for f in PRODUCT_FIELDS)]
    for workload in table.workloads:
        header += [workload.key, *(f"{workload.key}:{f}" for f in WORKLOAD_FIELDS)]
    writer.writerow(header)
    for group in table.groups:
        for row in group.rows:
            line = [
                row.item.id,
                spreadsheet_text(row.item.name),
                group.category.id,
                spreadsheet_text(group.category.name),
            ]
            for cell in row.cells:
                line += [
                    cell.label_in(said),
                    cell.status.value,
                    cell.requirement.value if cell.requirement else "",
                    _join(cell.kinds),
                    _join(cell.conditions),
                ]
            for workload_cell in row.workloads:
                line += [
                    workload_cell.label_in(said),
                    workload_cell.status.value,
                    _join(workload_cell.conditions),
                ]
            writer.writerow(line)
    return out.getvalue()
