"""An app's "Store labels": what each store's privacy label shows, summed up on the product's
page, and the store files offered for download, all made by :mod:`privacy_pages.stores` from the
same records as the page."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from ..messages import N_, Messages
from ..model import CatalogItem, Dataset, Product
from ..settings import Settings
from ..stores.apple_app_privacy import write_app_privacy_details
from ..stores.apple_manifest import write_manifest
from ..stores.google_play import write_data_safety
from ..stores.label import (
    RequirementNotStated,
    StoreLabel,
    requirement_not_stated,
    store_label,
)
from ..stores.tables import StoreTables
from .generated import GeneratedAsset
from .paths import product_page_path, relative_link
from .reuse import PageReuse

Writer = Callable[[StoreLabel], str | bytes]

#: By store: its name on the page (the store's own name, as every language says it), and the
#: files made for it (link text, a message; file name; writer).
STORE_FILES: dict[str, tuple[str, tuple[tuple[str, str, Writer], ...]]] = {
    "google_play": (
        "Google Play",
        (
            (
                N_("Data safety form (CSV for the Play Console)"),
                "data-safety.csv",
                write_data_safety,
            ),
        ),
    ),
    "apple": (
        "App Store",
        (
            (
                N_("privacy manifest (PrivacyInfo.xcprivacy)"),
                "PrivacyInfo.xcprivacy",
                write_manifest,
            ),
            (
                N_("App Privacy details (fastlane JSON)"),
                "app_privacy_details.json",
                write_app_privacy_details,
            ),
        ),
    ),
}


@dataclass(frozen=True)
class StoreSummary:
    """One row of the summary: a store, the data types its label shows, and the files."""

    store: str
    #: The data types, as the store names them, in the order of the page.
    data_types: str
    #: (link text, link from the product's page)
    files: tuple[tuple[str, str], ...]
    #: Why a file of the store is not offered: its form asks whether data is required or
    #: optional, and the product does not say for some of it (None: every file is offered).
    withheld: str | None = None


def store_label_path(settings: Settings, product_id: str, name: str) -> str:
    return f"{settings.pages_dir}/store-labels/{product_id}/{name}"


def store_summaries(
    product: Product, dataset: Dataset, settings: Settings
) -> tuple[StoreSummary, ...]:
    """The summary's rows: one per store the product ships to (none for other products), in
    the language of ``settings``."""
    if product.store_labels is None:
        return ()
    said = settings.messages
    page = product_page_path(settings, product.id)
    rows = []
    for store in product.store_labels.ships_to:
        name, files = STORE_FILES[store]
        label = store_label(product, dataset, store)
        offered = [(title, file) for title, file, write in files if _writes(write, label)]
        withheld = [title for title, file, _ in files if (title, file) not in offered]
        rows.append(
            StoreSummary(
                name,
                ", ".join(label.tables.data_type_label(store, t) for t in label.entries)
                # TRANSLATORS: what a store's label shows when the app collects nothing.
                or said.gettext("No data"),
                tuple(
                    (
                        said.gettext(title),
                        relative_link(page, store_label_path(settings, product.id, file)),
                    )
                    for title, file in offered
                ),
                _withheld(said, product, label, withheld) if withheld else None,
            )
        )
    return tuple(rows)


def _writes(write: Writer, label: StoreLabel) -> bool:
    """Whether the store file can be written: not when its form asks whether data is required
    or optional and the records do not say (the file is then neither written nor offered)."""
    try:
        write(label)
    except RequirementNotStated:
        return False
    return True


def _withheld(said: Messages, product: Product, label: StoreLabel, titles: list[str]) -> str:
    """What the page says in place of the files it does not offer, and why."""
    names = ", ".join(dict.fromkeys(item.name for item in requirement_not_stated(label)))
    # TRANSLATORS: in place of a store file's link: "Data safety form (CSV for the Play
    # Console): not offered, as Contoso does not say whether this data is required or
    # optional: Device ID, Crash logs."
    return said.gettext(
        "%(files)s: not offered, as %(product)s does not say whether this data is required or "
        "optional: %(items)s.",
        files=", ".join(said.gettext(title) for title in titles),
        product=product.name,
        items=names,
    )


def store_label_assets(
    dataset: Dataset, settings: Settings, reuse: PageReuse | None = None
) -> list[GeneratedAsset]:
    """Each store file of each product that ships to a store (with ``reuse``, a product's files
    are the last build's when the product and the catalog items it names are: they are made of
    them and the store tables, which every page's inputs include)."""
    assets: list[GeneratedAsset] = []
    for product in dataset.products.values():
        if product.store_labels is None:
            continue
        if reuse is None:
            assets += _product_files(product, dataset, settings)
        else:
            assets += reuse.part(
                f"store-labels:{product.id}",
                reuse.product(product, dataset.catalog),
                partial(_product_files, product, dataset, settings),
            )
    return assets


def _product_files(
    product: Product, dataset: Dataset, settings: Settings
) -> tuple[GeneratedAsset, ...]:
    assets = []
    for store in product.store_labels.ships_to if product.store_labels else ():
        label = store_label(product, dataset, store)
        for _, file, write in STORE_FILES[store][1]:
            try:
                output = write(label)
            except RequirementNotStated:  # the page says why the file is not offered
                continue
            text = output.decode("utf-8") if isinstance(output, bytes) else output
            assets.append(GeneratedAsset(store_label_path(settings, product.id, file), text))
    return tuple(assets)


def store_search_terms(item: CatalogItem, tables: StoreTables) -> tuple[str, ...]:
    """The item's store data types, by id and by the stores' names for them, so that the filter
    box of comparisons finds the rows of one store data type (``PSL_DEVICE_ID``, ``Device ID``)."""
    return tuple(
        term
        for store, data_type in item.stores
        for term in (data_type, tables.data_type_label(store, data_type))
    )


def store_type_tokens(item: CatalogItem) -> str:
    """The item's store data types as the store-type filter matches them, space-separated
    (``google_play:PSL_DEVICE_ID apple:NSPrivacyCollectedDataTypeDeviceID``)."""
    return " ".join(f"{store}:{data_type}" for store, data_type in item.stores)


def store_type_options(
    said: Messages, items: Iterable[CatalogItem], tables: StoreTables
) -> list[tuple[str, str]]:
    """The store-type filter's choices for a table of ``items``: (token, label), store by store
    and by label, only the data types some item of the table is; in ``said``'s language."""
    found = {(store, data_type) for item in items for store, data_type in item.stores}
    order = list(STORE_FILES)
    options = [
        (
            order.index(store) if store in order else len(order),
            tables.data_type_label(store, data_type).casefold(),
            f"{store}:{data_type}",
            # TRANSLATORS: a choice of the store data type filter: "Google Play: Device ID".
            said.gettext(
                "%(store)s: %(datatype)s",
                store=STORE_FILES[store][0] if store in STORE_FILES else store,
                datatype=tables.data_type_label(store, data_type),
            ),
        )
        for store, data_type in found
    ]
    return [(token, label) for _, _, token, label in sorted(options)]
