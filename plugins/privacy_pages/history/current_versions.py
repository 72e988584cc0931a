"""Which version of each statement its product's own page shows.

A product's page shows the version in effect: the content's own, unless a release recorded
ahead of its effective date makes the page show the version still in effect (see
:func:`privacy_pages.render.version_pages.current_version`). When what the page shows is
exactly what a release published (its records are the release's records), that release's
version page would repeat the product's page word for word: its address
(``releases/<version>/``) then leads to the product's page, and gets a page of its own once a
later version takes effect. A build of a site with many releases renders and converts each
current statement once, not twice.

The content's records are compared with the release's as the release keeps them (as plain JSON
data): a product's record as it loads (the build keeps no product's located data), the
catalog, the categories and the store tables once per release.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..load.discovery import record_kind
from ..model import Dataset, Product
from .releases import History, Release
from .snapshot import RECORD_KINDS, plain_record


@dataclass
class CurrentVersions:
    """Finds, as the content loads, the products whose page shows a release's version
    unchanged. ``content_folder``: the content folder as its files' paths are shown."""

    history: History
    today: dt.date
    content_folder: str
    _unchanged: set[str] = field(default_factory=set)

    def product(self, display: str, data: Any, product: Product | None) -> None:
        """A product's record, as it loads: whether it is its release's, unchanged."""
        if product is None:
            return
        release = self.history.in_effect(product.id, self.today)
        kept = _records(release)
        if kept is None:
            return
        recorded = kept.get(posixpath.relpath(display, self.content_folder))
        # Compared as loaded first (in C): plain data unless YAML read a date.
        if recorded is not None and (data == recorded or plain_record(data) == recorded):
            self._unchanged.add(product.id)

    def history_with_pages(self, dataset: Dataset) -> History:
        """The history, with the versions each product's page shows
        (:attr:`History.on_product_pages`); ``dataset.records``: the shared records."""
        relative = {
            posixpath.relpath(display, self.content_folder): data
            for display, data in dataset.records.items()
        }
        shared = {path: data for path, data in relative.items() if _shared(path)}
        same: dict[str, bool] = {}
        pages: dict[str, str] = {}
        for product_id in dataset.products:
            release = self.history.in_effect(product_id, self.today)
            if release is None or _records(release) is None:
                continue
            if self.history.upcoming(product_id, self.today):
                # The page shows the version in effect, from the release's own records.
                if _product_record(release, product_id):
                    pages[product_id] = release.version
                continue
            if product_id not in self._unchanged:
                continue
            if release.version not in same:
                same[release.version] = _same_shared(release, shared)
            if same[release.version]:
                pages[product_id] = release.version
        return replace(self.history, on_product_pages=pages)


#: The records every statement's page reads besides its own.
SHARED_KINDS = RECORD_KINDS - {"product"}


def _shared(path: str) -> bool:
    return record_kind(Path(path)) in SHARED_KINDS


def _records(release: Release | None) -> Mapping[str, Any] | None:
    return release.snapshot.records if release is not None else None


def _product_record(release: Release, product_id: str) -> bool:
    records = release.snapshot.records or {}
    return any(isinstance(data, dict) and data.get("id") == product_id for data in records.values())


def _same_shared(release: Release, shared: Mapping[str, Any]) -> bool:
    """Whether the content's shared records are those the release kept."""
    kept = {path: data for path, data in (release.snapshot.records or {}).items() if _shared(path)}
    if kept.keys() != shared.keys():
        return False
    return all(
        data == kept[path] or plain_record(data) == kept[path] for path, data in shared.items()
    )


__all__ = ["SHARED_KINDS", "CurrentVersions"]
