"""The stores' vocabularies, read from the YAML files beside this module: data, not code, so a
new template from a store is an edit of one file. A site overrides them with
``content/stores.yml`` (see :func:`site_tables`)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from ..model.dataset import Dataset
from ..model.store_tables import AppleTable, GooglePlayTable, Purpose, StoreTables

__all__ = [
    "AppleTable",
    "GooglePlayTable",
    "Purpose",
    "StoreTables",
    "packaged_sources",
    "site_tables",
    "store_tables",
    "tables_from",
    "tables_of",
]

#: The sections of the tables, each one YAML file of the package.
SECTIONS = {"google_play": "google-play.yml", "apple": "apple.yml", "purposes": "purposes.yml"}


def _read(name: str) -> Any:
    # safe_load: the tables are data, never code or templates.
    return yaml.safe_load(files(__package__).joinpath(name).read_text(encoding="utf-8"))


@cache
def packaged_sources() -> dict[str, dict[str, Any]]:
    """The packaged tables as read from their YAML files, by section."""
    return {section: _read(name) for section, name in SECTIONS.items()}


def tables_from(sources: Mapping[str, Mapping[str, Any]]) -> StoreTables:
    """The tables from their data, one mapping per section (as in the YAML files)."""
    play, apple, purposes = sources["google_play"], sources["apple"], sources["purposes"]
    return StoreTables(
        GooglePlayTable(
            str(play["template_version"]),
            tuple(play["header"]),
            tuple((q, r, req, label) for q, r, req, label in play["general"]),
            {response: (question, label) for question, response, label in play["data_types"]},
            {response: label for response, label in play["purposes"]},
        ),
        AppleTable(
            str(apple["version"]),
            {constant: (asc, label) for constant, asc, label in apple["data_types"]},
            {constant: (asc, label) for constant, asc, label in apple["purposes"]},
            {
                category: tuple(str(reason) for reason in reasons)
                for category, reasons in (apple.get("accessed_api_types") or {}).items()
            },
        ),
        {
            key: Purpose(key, entry["label"], {s: entry[s] for s in ("google_play", "apple")})
            for key, entry in purposes.items()
        },
    )


@cache
def store_tables() -> StoreTables:
    """The packaged tables, read once."""
    return tables_from(packaged_sources())


def site_tables(overrides: Mapping[str, Mapping[str, Any]]) -> StoreTables:
    """The packaged tables with a site's ``content/stores.yml`` over them.

    In ``google_play`` and ``apple``, each key the site gives replaces the package's whole (a
    new Console template replaces ``data_types``, say); in ``purposes``, each purpose the site
    gives is added, or replaces the package's of that id."""
    sources = {section: dict(data) for section, data in packaged_sources().items()}
    for section, data in overrides.items():
        sources[section].update(data)
    return tables_from(sources)


def tables_of(dataset: Dataset) -> StoreTables:
    """The tables a site's records are read with: its own ``content/stores.yml`` over the
    packaged ones, or the packaged ones."""
    return dataset.store_tables or store_tables()
