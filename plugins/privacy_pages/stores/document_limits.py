"""What a store file's parsed document may be: bounded in depth, size and numbers.

A property list can share one object among many places (a binary plist refers to objects by
number), so a 1 KB file can stand for a tree of 2^64 nodes: the walk visits each object once.
JSON and property lists can nest deeper than Python's recursion allows, and hold integers of
thousands of digits. A store file holds a few levels and a few thousand values.
"""

from __future__ import annotations

from typing import Any

from .label import StoreFileError

MAX_DEPTH = 32
MAX_OBJECTS = 200_000
MAX_INTEGER = 2**63


def check_document(document: Any, what: str) -> None:
    """Refuse a parsed store file that nests deeper than :data:`MAX_DEPTH`, holds more than
    :data:`MAX_OBJECTS` values or an integer beyond :data:`MAX_INTEGER` (shared objects are
    walked once)."""
    seen: set[int] = set()
    stack: list[tuple[Any, int]] = [(document, 0)]
    count = 0
    while stack:
        value, depth = stack.pop()
        count += 1
        if count > MAX_OBJECTS:
            raise StoreFileError(f"expected {what} of at most {MAX_OBJECTS:,} values")
        if depth > MAX_DEPTH:
            raise StoreFileError(f"expected {what} nested at most {MAX_DEPTH} deep")
        if isinstance(value, dict | list | tuple):
            if id(value) in seen:
                continue
            seen.add(id(value))
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INTEGER:
            raise StoreFileError(f"expected numbers of at most {MAX_INTEGER:,} in {what}")


def texts(value: Any, where: str) -> tuple[str, ...]:
    """``value`` as a list of texts (store purposes, reasons, protections), or a refusal."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(entry, str) for entry in value):
        raise StoreFileError(f"{where}: expected a list of texts")
    return tuple(value)
