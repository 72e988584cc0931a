"""The stores' vocabularies, read from the YAML files beside this module: data, not code, so a
new template from a store is an edit of one file."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import yaml


@dataclass(frozen=True)
class GooglePlayTable:
    """The Data safety form's rows (``google-play.yml``)."""

    template_version: str
    header: tuple[str, ...]
    #: [question, response, answer requirement, label] of the questions about the whole app.
    general: tuple[tuple[str, str, str, str], ...]
    #: By response id (PSL_DEVICE_ID): (question, label).
    data_types: dict[str, tuple[str, str]]
    #: By response id (PSL_ANALYTICS): label.
    purposes: dict[str, str]


@dataclass(frozen=True)
class AppleTable:
    """Apple's data types and purposes, in manifest and App Store Connect spellings."""

    version: str
    #: By manifest constant: (App Store Connect category, label).
    data_types: dict[str, tuple[str, str]]
    #: By manifest constant: (App Store Connect purpose, label).
    purposes: dict[str, tuple[str, str]]


@dataclass(frozen=True)
class Purpose:
    """A purpose a product states for an item, and what each store calls it."""

    id: str
    label: str
    #: By store (google_play, apple): that store's purpose.
    stores: dict[str, str]


@dataclass(frozen=True)
class StoreTables:
    google_play: GooglePlayTable
    apple: AppleTable
    purposes: dict[str, Purpose]

    def data_types(self, store: str) -> tuple[str, ...]:
        """Every data type a catalog item may map to in ``store``."""
        table = self.google_play if store == "google_play" else self.apple
        return tuple(table.data_types)


def _read(name: str) -> Any:
    # safe_load: the tables are data, never code or templates.
    return yaml.safe_load(files(__package__).joinpath(name).read_text(encoding="utf-8"))


@cache
def store_tables() -> StoreTables:
    """The packaged tables, read once."""
    play, apple, purposes = _read("google-play.yml"), _read("apple.yml"), _read("purposes.yml")
    return StoreTables(
        GooglePlayTable(
            play["template_version"],
            tuple(play["header"]),
            tuple((q, r, req, label) for q, r, req, label in play["general"]),
            {response: (question, label) for question, response, label in play["data_types"]},
            {response: label for response, label in play["purposes"]},
        ),
        AppleTable(
            apple["version"],
            {constant: (asc, label) for constant, asc, label in apple["data_types"]},
            {constant: (asc, label) for constant, asc, label in apple["purposes"]},
        ),
        {
            key: Purpose(key, entry["label"], {s: entry[s] for s in ("google_play", "apple")})
            for key, entry in purposes.items()
        },
    )
