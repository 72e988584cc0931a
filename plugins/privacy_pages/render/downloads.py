"""The site's downloads: ``privacy.json`` and its schema, each comparison as CSV, and the
packaged script and style sheet. Plain data (:class:`GeneratedAsset`); the adapters place the
files."""

from __future__ import annotations

from functools import partial
from importlib import resources

from ..compare.collection import Collection
from ..compare.comparison import (
    Comparison,
    comparisons,
)
from ..history.releases import History
from ..messages import Messages
from ..settings import Settings
from .comparison_csv import comparison_csv
from .generated import GeneratedAsset
from .paths import SCRIPT, STYLESHEET, asset_paths
from .privacy_json import json_schema_text, privacy_json_pieces
from .processing_record import processing_record_csv
from .reuse import PageReuse
from .store_labels import store_label_assets

_STATIC = {SCRIPT: "privacy-pages.js", STYLESHEET: "privacy-pages.css"}


def static_assets() -> list[GeneratedAsset]:
    """The packaged script and style sheet (no network: nothing is loaded from elsewhere)."""
    assets = resources.files("privacy_pages").joinpath("assets")
    return [
        GeneratedAsset(path, assets.joinpath(name).read_text("utf-8"))
        for path, name in _STATIC.items()
    ]


def _csv(table: Comparison, said: Messages) -> tuple[str, bool]:
    return comparison_csv(table, said), True


def render_assets(
    collection: Collection,
    settings: Settings,
    tables: tuple[Comparison, ...] | None = None,
    reuse: PageReuse | None = None,
    history: History | None = None,
) -> list[GeneratedAsset]:
    """Every download of the site, in the language of ``settings``, and the packaged script
    and style sheet (with ``reuse``, the parts whose inputs are the last build's are that
    build's). A large file is made as it is written, after its language's pages are rendered:
    its language is in its arguments."""
    if not collection.dataset.products:
        return []
    said = settings.messages
    tables = comparisons(collection, said=said) if tables is None else tables
    paths = asset_paths(settings)
    assets = [
        GeneratedAsset(
            paths.privacy_json,
            pieces=partial(privacy_json_pieces, collection, settings, tables, reuse, history),
        ),
        GeneratedAsset(paths.schema, json_schema_text()),
    ]
    assets.extend(
        GeneratedAsset(
            paths.csv(t.id),
            comparison_csv(t, said)
            if reuse is None
            else reuse.page(f"csv:{t.id}", reuse.table(t), partial(_csv, t, said)),
        )
        for t in tables
    )
    assets.append(
        GeneratedAsset(
            paths.processing_record,
            processing_record_csv(collection.dataset, settings.controller, said),
        )
    )
    assets.extend(store_label_assets(collection.dataset, settings, reuse))
    assets.extend(static_assets())
    return assets
