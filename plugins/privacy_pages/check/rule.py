"""What a lint rule is (an id, texts for the writer's guide, a default severity, a check),
and what its check sees: the content with its located records, and the date to judge by."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from ..diagnostics import Location, Severity
from ..load.schema import key_path
from ..load.yaml_source import LocatedMapping, LocatedSequence, value_location
from ..model import Controller, Dataset, Product


@dataclass(frozen=True)
class Finding:
    """One problem a rule found: where, what, and the key path of the offending value."""

    location: Location
    message: str
    key_path: str = ""


@dataclass(frozen=True)
class LintContext:
    """What a rule's check sees: the content, the date to judge ages by, and its options."""

    dataset: Dataset
    today: date
    options: Mapping[str, Any]
    #: False when the content has errors, so that some records did not load: rules that
    #: reason about the whole content (is this item used anywhere?) stay quiet then.
    complete: bool = True
    #: Key paths and text values of the records, shared by the rules of one run.
    lookups: RecordLookups | None = None
    #: The located records the rule reads (None: every record in ``dataset.records``).
    records: Mapping[str, Any] | None = None
    #: The products a per-record rule checks (None: every product in ``dataset``).
    checked: tuple[Product, ...] | None = None
    #: What a rule works out once per run from the content linked before products (the same
    #: mapping for every product of a run), by a name of the rule's choosing.
    shared: dict[str, Any] = field(default_factory=dict)
    #: The site's controller (option ``controller``), for the products that name none.
    controller: Controller | None = None

    def __post_init__(self) -> None:
        if self.lookups is None:
            object.__setattr__(self, "lookups", RecordLookups(self._records))

    @property
    def _records(self) -> Mapping[str, Any]:
        return self.dataset.records if self.records is None else self.records

    @property
    def _lookups(self) -> RecordLookups:
        assert self.lookups is not None  # set by __post_init__
        return self.lookups

    def products(self) -> Iterable[Product]:
        """The products to check (a per-record rule checks only these)."""
        return self.dataset.products.values() if self.checked is None else self.checked

    def record(self, location: Location) -> Any:
        """The located data of the file a location points into."""
        return self._records.get(location.path)

    def path_to(self, location: Location) -> str:
        """The key path of the mapping that starts at ``location`` (``items[2]``), or ``""``."""
        return self._lookups.paths.get(location, "")

    def texts(self) -> list[TextValue]:
        """Every text value in the records (see :data:`TextValue`)."""
        return self._lookups.texts


#: A text value of the records: the key path of the mapping or list it is in (shared by its
#: neighbours), its key or index there, the text, and where that mapping or list starts with the
#: positions of its values (not the mapping itself: a record keeps its text values, and must not
#: hold itself). A rule works out the path and the place only of what it reports.
TextValue = tuple[tuple[str | int, ...], str | int, str, Location, "dict[str, int] | list[int]"]


def text_location(value: TextValue) -> Location:
    """Where a text value starts."""
    _, step, _, start, positions = value
    return value_location(start, positions, step)


def text_path(value: TextValue) -> tuple[str | int, ...]:
    """A text value's key path (``("required", "groups", 0, "items", 2, "name")``)."""
    return (*value[0], value[1])


class RecordLookups:
    """What rules look up in the located records, worked out on first use and shared by every
    rule of a run: a clean build never needs a key path, and the rules that read text walk the
    records once between them."""

    def __init__(self, records: Mapping[str, Any]) -> None:
        self.records = records

    @cached_property
    def paths(self) -> dict[Location, str]:
        """The key path of every located mapping in the records, by where it starts."""
        return mapping_paths(self.records)

    @cached_property
    def texts(self) -> list[TextValue]:
        found: list[TextValue] = []
        for data in self.records.values():
            if not isinstance(data, LocatedMapping):
                _collect_texts(data, (), found)
                continue
            kept: list[TextValue] | None = getattr(data, "text_values", None)
            if kept is None:  # (a file read again is a new mapping, without them)
                kept = []
                _collect_texts(data, (), kept)
                data.text_values = kept
            found += kept
        return found


def _collect_texts(data: Any, path: tuple[str | int, ...], found: list[TextValue]) -> None:
    """The text values in located data, depth first, as :func:`_walk` visits them (a plain
    recursion: a chain of generators costs a step per level for every value)."""
    entries: Iterable[tuple[str | int, Any]]
    positions: dict[str, int] | list[int]
    if isinstance(data, LocatedMapping):
        entries, positions = data.items(), data.positions
    elif isinstance(data, LocatedSequence):
        entries, positions = enumerate(data), data.item_positions
    else:
        return
    start = data.location
    for step, value in entries:
        if isinstance(value, str):
            found.append((path, step, value, start, positions))
        elif isinstance(value, (LocatedMapping, LocatedSequence)):
            _collect_texts(value, (*path, step), found)


Check = Callable[[LintContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A named lint rule."""

    id: str
    #: One line: what the rule reports.
    summary: str
    default_severity: Severity | None
    #: The check, or ``None`` for a rule whose problems the loader reports (e.g. ``mojibake``).
    check: Check | None
    #: For the writer's guide: what the rule catches, and why it matters (Markdown).
    catches: str
    #: For the writer's guide: how to fix it (Markdown).
    fix: str
    #: The rule's options and their defaults; a site may override them in the ``lint`` option.
    options: Mapping[str, Any] = field(default_factory=dict)
    #: Whether the check reads each record on its own: a product's findings come from that
    #: product, its record and the content linked before products (store tables, categories,
    #: the catalog). A build then runs it on each product as soon as the product is loaded, so
    #: that the product's located data can be freed (see :class:`.lint.LintRun`). A rule that
    #: weighs products against each other leaves it False, and runs once on the whole content.
    per_record: bool = False
    #: The completeness profile the rule belongs to (``gdpr``): off unless the site turns the
    #: profile on (option ``completeness``), whatever its default severity.
    profile: str | None = None


def mapping_paths(records: Mapping[str, Any]) -> dict[Location, str]:
    """Every located mapping in ``records``, by where it starts, with its key path."""
    paths: dict[Location, str] = {}
    for data in records.values():
        for path, value, _ in _walk(data, ()):
            if isinstance(value, LocatedMapping):
                paths.setdefault(value.location, key_path(path))
    return paths


def _walk(
    data: Any, path: tuple[str | int, ...], location: Location | None = None
) -> Iterator[tuple[tuple[str | int, ...], Any, Location | None]]:
    """Every value in located data, depth first: (key path, value, where the value starts)."""
    yield path, data, location
    if isinstance(data, LocatedMapping):
        for key, value in data.items():
            yield from _walk(value, (*path, key), data.where(key))
    elif isinstance(data, LocatedSequence):
        for index, value in enumerate(data):
            yield from _walk(value, (*path, index), data.where(index))
