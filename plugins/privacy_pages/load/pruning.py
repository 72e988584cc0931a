"""What is left of a record with invalid values.

A writer's mistake in one field should cost that field, not the record: every value the schema
refuses is left out (and reported, once, by the schema check), so the rest of the record is
still read, its id is still known, and references to it still resolve. When leaving a value out
makes its parent invalid too (a required key gone), the parent is left out, and so on up; an
entry left out whole keeps its id in :attr:`Pruned.left_out`, so that references to it are not
reported as unknown on top of its own error, and the key paths of the values that lost
something are kept in :attr:`Pruned.emptied`, so that lint rules do not report a field as
missing when the writer did fill it in, wrongly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .schema import key_path, validation_errors
from .yaml_source import LocatedMapping, LocatedSequence, position

Path = tuple[str | int, ...]

#: Each round leaves out what the schema refuses; a round can only make a parent invalid, so
#: the number of rounds is bounded by the depth of the record (the loader's limit is 50).
MAX_ROUNDS = 64


@dataclass(frozen=True)
class Pruned:
    """A record's data without its invalid values (None when nothing valid is left), the ids
    of the entries left out whole, and the key paths (in the data as left) of the mappings and
    lists that lost a value."""

    data: Any
    left_out: frozenset[str]
    emptied: frozenset[str] = frozenset()


def prune(data: Any, kind: str) -> Pruned:
    """``data`` (a record of ``kind``) with every value its schema refuses left out."""
    left_out: set[str] = set()
    # Marked by where they start, which survives the copies and the shifted indices of later
    # rounds; a container left out later has marked its own parent by then.
    emptied: set[Any] = set()
    for _ in range(MAX_ROUNDS):
        paths = {path for error in validation_errors(data, kind) for path in _removals(error)}
        if not paths:
            return Pruned(data, frozenset(left_out), frozenset(_paths_of(data, emptied, ())))
        if () in paths:
            _note_id(data, left_out)
            return Pruned(None, frozenset(left_out))
        data = _without(data, paths, (), left_out, emptied)
    return Pruned(None, frozenset(left_out))


def _paths_of(value: Any, emptied: set[Any], here: Path) -> Iterable[str]:
    """The key paths in ``value`` of the lists that lost an item and of the keys left out of
    mappings, from ``(where the container starts, the key or None)``."""
    if isinstance(value, LocatedSequence):
        if (value.location, None) in emptied:
            yield key_path(here)
        for index, child in enumerate(value):
            yield from _paths_of(child, emptied, (*here, index))
    elif isinstance(value, LocatedMapping):
        for location, key in emptied:
            if location == value.location and key is not None:
                yield key_path((*here, key))
        for key, child in value.items():
            yield from _paths_of(child, emptied, (*here, key))


def _removals(error: Any) -> Iterable[Path]:
    """The values to leave out for one schema error: the offending value, or for unknown keys
    just those keys."""
    path: Path = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        return [(*path, key) for key in error.instance if key not in allowed]
    return [path]


def _note_id(value: Any, left_out: set[str]) -> None:
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        left_out.add(value["id"])


def _without(
    value: Any, paths: set[Path], here: Path, left_out: set[str], emptied: set[Any]
) -> Any:
    """A copy of ``value`` (at ``here``) without the values at ``paths``; parts no path goes
    through are shared, not copied."""
    if not any(path[: len(here)] == here and len(path) > len(here) for path in paths):
        return value
    if isinstance(value, LocatedMapping):
        mapping = LocatedMapping()
        mapping.location = value.location
        mapping.positions = {}
        for key, child in value.items():
            if (*here, key) in paths:
                _note_id(child, left_out)
                emptied.add((value.location, key))
                continue
            mapping[key] = _without(child, paths, (*here, key), left_out, emptied)
            if key in value.positions:
                mapping.positions[key] = value.positions[key]
        return mapping
    if isinstance(value, LocatedSequence):
        sequence = LocatedSequence()
        sequence.location = value.location
        sequence.item_positions = []
        for index, child in enumerate(value):
            if (*here, index) in paths:
                _note_id(child, left_out)
                emptied.add((value.location, None))
                continue
            sequence.append(_without(child, paths, (*here, index), left_out, emptied))
            sequence.item_positions.append(position(value.where(index)))
        return sequence
    return value
