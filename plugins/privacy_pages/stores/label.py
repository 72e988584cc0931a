"""What a store's privacy label says: one entry per store data type, from the records (several
items may be one data type) or from a store file read back."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import DataItem, Dataset, Product, Requirement
from .tables import StoreTables, store_tables, tables_of


@dataclass(frozen=True)
class LabelEntry:
    """One data type on a store's label. None: the store file does not say (so not compared),
    or, for ``required`` from the records, the product does not state it (see ``not_stated``)."""

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
    #: From the records: the items of this type whose requirement the product does not state,
    #: when none of its items is required (``required`` is then None): a store that asks
    #: whether the data is required cannot be told.
    not_stated: tuple[DataItem, ...] = field(default=(), compare=False)

    @property
    def requirement(self) -> Requirement | None:
        """Required, optional or not stated (None: a store file that does not say)."""
        if self.required is not None:
            return Requirement.REQUIRED if self.required else Requirement.OPTIONAL
        return Requirement.NOT_STATED if self.not_stated else None


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


class RequirementNotStated(ValueError):
    """A store's format asks whether each data type is required or optional, and the product
    does not say for ``items``: the label is not written rather than guessed."""

    def __init__(self, store: str, items: tuple[DataItem, ...]) -> None:
        self.store = store
        self.items = items
        names = ", ".join(repr(item.id) for item in items)
        super().__init__(
            f"{store} asks whether each data type is required or optional, and the records do "
            f"not say for {names}"
        )


def requirement_not_stated(label: StoreLabel) -> tuple[DataItem, ...]:
    """The items whose requirement the label's store would have to be told and is not."""
    return tuple(item for entry in label.entries.values() for item in entry.not_stated)


def store_label(product: Product, dataset: Dataset, store: str) -> StoreLabel:
    """The label ``store`` shows for ``product``, from its records.

    Items of one data type make one entry: the union of their purposes, required if any is,
    else not stated if any item's requirement is not stated (``required`` None, the items in
    ``not_stated``), else optional; linked, tracking or shared if any is, ephemeral only if
    all are. Items with no mapping for
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

        stated = item.requirement is not Requirement.NOT_STATED
        entry = LabelEntry(
            data_type,
            mapped(answers.purposes),
            item.requirement is Requirement.REQUIRED if stated else None,
            answers.linked,
            answers.tracking,
            answers.shared,
            answers.ephemeral,
            mapped(answers.sharing_purposes) if store == "google_play" else None,
            () if stated else (item,),
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
    required = (
        True if a.required or b.required else None if None in (a.required, b.required) else False
    )
    return LabelEntry(
        a.data_type,
        tuple(sorted(set(a.purposes) | set(b.purposes))),
        required,
        bool(a.linked or b.linked),
        bool(a.tracking or b.tracking),
        bool(a.shared or b.shared),
        bool(a.ephemeral and b.ephemeral),
        None
        if a.shared_purposes is None and b.shared_purposes is None
        else tuple(sorted({*(a.shared_purposes or ()), *(b.shared_purposes or ())})),
        a.not_stated + b.not_stated if required is None else (),
    )
