"""What a store's privacy label says: one entry per store data type, from the records (several
items may be one data type) or from a store file read back."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Dataset, Product, Requirement
from .tables import StoreTables, store_tables, tables_of


@dataclass(frozen=True)
class LabelEntry:
    """One data type on a store's label. None: the store file does not say (so not compared)."""

    data_type: str
    #: The store's own purpose ids, sorted.
    purposes: tuple[str, ...]
    required: bool | None = None
    linked: bool | None = None
    tracking: bool | None = None
    shared: bool | None = None
    ephemeral: bool | None = None
    #: Google Play: the store's purpose ids of sharing, sorted (empty when not shared).
    shared_purposes: tuple[str, ...] | None = None


#: An answer about the whole app: a yes/no, a text, or sorted response ids, domains or
#: (API category, reasons) pairs.
Answer = bool | str | tuple[str, ...] | tuple[tuple[str, tuple[str, ...]], ...] | None

TRACKING_DOMAINS = "NSPrivacyTrackingDomains"
ACCESSED_APIS = "NSPrivacyAccessedAPITypes"


@dataclass(frozen=True)
class StoreLabel:
    store: str
    #: By store data type, in the order the records first name them.
    entries: dict[str, LabelEntry] = field(default_factory=dict)
    #: The store tables the label is written with (the site's, or the packaged ones).
    tables: StoreTables = field(default_factory=store_tables, compare=False, repr=False)
    #: The answers about the whole app, by the store file's key (a Data safety question id;
    #: NSPrivacyTrackingDomains, NSPrivacyAccessedAPITypes), each as a comparable value (a
    #: yes/no, a text, a sorted tuple). A file's None: it leaves the question blank. Only the
    #: keys a file carries are compared (fastlane's JSON carries none).
    answers: dict[str, Answer] = field(default_factory=dict)


class StoreFileError(ValueError):
    """A store file that is not in the format expected: the message says what was expected."""


class NotShipped(ValueError):
    """The product does not ship to the store asked for."""


def store_label(product: Product, dataset: Dataset, store: str) -> StoreLabel:
    """The label ``store`` shows for ``product``, from its records.

    Items of one data type make one entry: the union of their purposes, required if any is,
    linked, tracking or shared if any is, ephemeral only if all are. Items with no mapping for
    the store, or no purposes, are left out (lint rules report them)."""
    labels = product.store_labels
    if labels is None or store not in labels.ships_to:
        raise NotShipped(f"product {product.id!r} does not ship to {store} (store_labels.ships_to)")
    tables = tables_of(dataset)
    purposes = tables.purposes
    merged: dict[str, LabelEntry] = {}
    for item in product.items:
        catalog_item = dataset.catalog.get(item.id) if item.catalog else None
        data_type = catalog_item.store_type(store) if catalog_item else None
        answers = labels.for_item(item.id)
        if data_type is None or not answers.purposes:
            continue

        def mapped(ids: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(sorted({purposes[p].stores[store] for p in ids if p in purposes}))

        entry = LabelEntry(
            data_type,
            mapped(answers.purposes),
            item.requirement is Requirement.REQUIRED,
            answers.linked,
            answers.tracking,
            answers.shared,
            answers.ephemeral,
            mapped(answers.sharing_purposes) if store == "google_play" else None,
        )
        before = merged.get(data_type)
        merged[data_type] = entry if before is None else _merge(before, entry)
    app: dict[str, Answer]
    if store == "apple":
        app = {}  # only what the records say: a file's other answers are not compared
        if labels.tracking_domains is not None:
            app[TRACKING_DOMAINS] = tuple(sorted(labels.tracking_domains))
        if labels.accessed_apis is not None:
            app[ACCESSED_APIS] = tuple(
                sorted((c, tuple(sorted(r))) for c, r in labels.accessed_apis.items())
            )
    else:
        app = dict(labels.google_play)
    return StoreLabel(store, merged, tables, app)


def _merge(a: LabelEntry, b: LabelEntry) -> LabelEntry:
    return LabelEntry(
        a.data_type,
        tuple(sorted(set(a.purposes) | set(b.purposes))),
        bool(a.required or b.required),
        bool(a.linked or b.linked),
        bool(a.tracking or b.tracking),
        bool(a.shared or b.shared),
        bool(a.ephemeral and b.ephemeral),
        None
        if a.shared_purposes is None and b.shared_purposes is None
        else tuple(sorted({*(a.shared_purposes or ()), *(b.shared_purposes or ())})),
    )
