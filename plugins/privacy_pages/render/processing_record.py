"""The record of processing activities (GDPR Art. 30(1)): one row per product and purpose, made
from the same records as the pages, so that it cannot drift from what they say. A column the
records do not answer stays empty; nothing is made up for it.

As CSV (spreadsheet-safe: text is never run as a formula) and in ``privacy.json``, in the
language of the messages given: the records' text as translated, the GDPR's terms from the
catalogs.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..csv_text import spreadsheet_text
from ..messages import Messages
from ..model import Controller, Dataset, DataUse, Product, gdpr
from ..model.periods import said

#: The columns, in order: each names what Art. 30(1) asks the record to hold.
COLUMNS = (
    "product",
    "product name",
    "controller",  # (a): name and contact details of the controller
    "controller contact",
    "data protection officer",  # (a): and of the data protection officer
    "purpose",  # (b)
    "data source",
    "legal basis",  # with the interest pursued, and for special categories the Art. 9 condition
    "data subjects",  # (c): categories of data subjects
    "personal data",  # (c): categories of personal data
    "recipients",  # (d)
    "transfers",  # (e): transfers to a third country, and their safeguards
    "retention",  # (f)
    "security measures",  # (g)
)


def processing_activities(
    dataset: Dataset, controller: Controller | None, messages: Messages
) -> Iterator[dict[str, str]]:
    """Every row of the record: each product's purposes (``data_use.uses``) in order, with the
    product's controller, else the site's (``controller``), in ``messages``' language."""
    for product in dataset.products.values():
        shared = _product_columns(messages, product, dataset, product.controller or controller)
        for use in product.data_uses:
            yield {**shared, **_purpose_columns(messages, use)}


def _lines(values: Iterator[str] | tuple[str, ...] | list[str]) -> str:
    return "\n".join(values)


def _product_columns(
    messages: Messages, product: Product, dataset: Dataset, controller: Controller | None
) -> dict[str, str]:
    storage = product.storage
    categories = dict.fromkeys(dataset.category_name(item.category) for item in product.items)
    return {
        "product": product.id,
        "product name": product.name,
        "controller": ", ".join(filter(None, (controller.name, controller.address)))
        if controller
        else "",
        "controller contact": controller.contact if controller else "",
        "data protection officer": " ".join(
            filter(None, (controller.dpo.name, controller.dpo.contact))
        )
        if controller and controller.dpo
        else "",
        "data subjects": _lines(product.data_subjects),
        "personal data": _lines(tuple(categories)),
        "recipients": _lines(
            tuple(
                f"{r.name}: {r.purpose}" if r.purpose else r.name
                for r in product.sharing.recipients
            )
        ),
        "transfers": _transfers(messages, product),
        "retention": _lines(
            tuple(f"{r.data}: {said(messages, r.period)}" for r in storage.retention)
        ),
        "security measures": _lines(product.access.protections + product.access.compliance),
    }


def _transfers(messages: Messages, product: Product) -> str:
    transfers = product.storage.transfers
    if transfers is None:
        return ""
    if not transfers.outside_eea:
        return messages.gettext("None outside the European Economic Area")
    return _lines(
        tuple(
            f"{t.to}: {messages.gettext(gdpr.SAFEGUARDS[t.safeguard])}"
            + (f" ({t.note})" if t.note else "")
            for t in transfers.destinations
        )
    )


def _purpose_columns(messages: Messages, use: DataUse) -> dict[str, str]:
    basis = _legal_basis(messages, use)
    return {"purpose": use.use, "data source": use.source, "legal basis": basis}


def _legal_basis(messages: Messages, use: DataUse) -> str:
    if use.legal_basis is None:
        return ""
    basis = messages.gettext(gdpr.LEGAL_BASES[use.legal_basis])
    if use.legitimate_interest:
        basis += f": {use.legitimate_interest}"
    condition = use.special_category_condition
    if condition:
        basis += "\n" + messages.gettext("For special categories of data:")
        basis += " " + messages.gettext(gdpr.SPECIAL_CATEGORY_CONDITIONS[condition])
    return basis


def processing_record_csv(
    dataset: Dataset, controller: Controller | None, messages: Messages
) -> str:
    """The record as CSV: a header of :data:`COLUMNS`, then a row per product and purpose, in
    ``messages``' language. Several values in one cell are on separate lines."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for activity in processing_activities(dataset, controller, messages):
        writer.writerow([_guarded(activity[column]) for column in COLUMNS])
    return out.getvalue()


def _guarded(cell: str) -> str:
    """Each line of a cell kept as text by a spreadsheet (one that splits the lines of a cell
    would otherwise run a line that starts a formula)."""
    return "\n".join(spreadsheet_text(line) for line in cell.split("\n"))
