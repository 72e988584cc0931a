"""Reading a site's ``content/stores.yml``: its store tables over the packaged ones, checked so
that every purpose still names a purpose each store knows, and no data type is given twice."""

from __future__ import annotations

from typing import Any

from ..hints import did_you_mean
from ..stores.tables import packaged_sources, site_tables
from .builder import DatasetBuilder
from .yaml_source import LocatedMapping, LocatedSequence

#: The rows of each table whose first (or second) cell is the id a row is known by.
_KEYED_ROWS = {
    ("google_play", "data_types"): 1,
    ("google_play", "purposes"): 0,
    ("apple", "data_types"): 0,
    ("apple", "purposes"): 0,
}
_STORE_PURPOSES = {
    "google_play": "Google Play purpose (google_play.purposes)",
    "apple": "Apple purpose (apple.purposes)",
}


def read_store_tables(builder: DatasetBuilder, data: LocatedMapping) -> None:
    """Set the dataset's store tables from the site's file, or report why they cannot be
    (then the references to its tables are reported once, as depending on it)."""
    problems = len(builder.problems.errors)
    builder.check_text(data, "")
    overrides: dict[str, dict[str, Any]] = {}
    for section, entries in data.items():
        overrides[section] = {key: _plain(value) for key, value in entries.items()}
        for key, value in entries.items():
            position = _KEYED_ROWS.get((section, key))
            if position is not None:
                _check_unique(builder, value, position, f"{section}.{key}")
    tables = site_tables(overrides)
    _check_purposes(builder, data, overrides, tables.google_play.purposes, tables.apple.purposes)
    if len(builder.problems.errors) == problems:  # tables with an error would mislead every label
        builder.dataset.store_tables = tables
    else:
        builder.unreadable.setdefault("stores", []).append(data.location.path)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _check_unique(builder: DatasetBuilder, rows: LocatedSequence, position: int, path: str) -> None:
    seen: dict[str, int] = {}
    for index, row in enumerate(rows):
        key = row[position]
        if not key.strip() or any(c.isspace() for c in key):
            builder.error(
                rows.where(index),
                f"expected an id without spaces (the stores' ids have none), found {key!r}",
                f"{path}[{index}][{position}]",
            )
        elif key in seen:
            builder.error(
                rows.where(index),
                f"expected each id once, found {key!r} again (first at {path}[{seen[key]}]); "
                "remove one row",
                f"{path}[{index}]",
                "duplicate-id",
            )
        seen.setdefault(key, index)


def _check_purposes(
    builder: DatasetBuilder,
    data: LocatedMapping,
    overrides: dict[str, dict[str, Any]],
    play: dict[str, str],
    apple: dict[str, tuple[str, str]],
) -> None:
    """Every purpose must map to a purpose of each store: the site's own, where it names one,
    and the packaged ones, which a site's new store purposes may leave without a match."""
    known = {"google_play": tuple(play), "apple": tuple(apple)}
    own = data.get("purposes")
    for purpose_id, entry in {
        **packaged_sources()["purposes"],
        **overrides.get("purposes", {}),
    }.items():
        for store, what in _STORE_PURPOSES.items():
            value = entry[store]
            if value in known[store]:
                continue
            hint = did_you_mean(value, known[store])
            if isinstance(own, LocatedMapping) and purpose_id in own:
                location, path = own[purpose_id].where(store), f"purposes.{purpose_id}.{store}"
                found = f"found {value!r}{hint}"
            else:  # a packaged purpose that the site's store purposes no longer know
                section = data[store]
                location, path = section.where("purposes"), f"{store}.purposes"
                found = (
                    f"the purpose {purpose_id!r} maps to {value!r}, which these rows leave out; "
                    f"add it, or give purposes.{purpose_id} here"
                )
            builder.error(location, f"expected a known {what}, {found}", path)
