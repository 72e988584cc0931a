"""The Dataset as it is built from records: readers add what they read, and report what is
wrong at its exact location, naming what was expected (with a "did you mean" for unknown ids)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Diagnostics, Location
from ..hints import did_you_mean
from ..model import Dataset, Link
from .characters import forbidden_character
from .links import markdown_links, url_problem
from .metadata import MetadataRules
from .yaml_source import Limits, LocatedMapping, LocatedSequence

#: Which kind of record provides the ids of each kind of reference.
_PROVIDERS = {
    "category": "categories",
    "catalog item": "catalog",
    "product": "product",
    "compared product": "product",
    "purpose": "stores",
    "store data type": "stores",
}


@dataclass
class DatasetBuilder:
    """What the readers of each kind of record share: the dataset so far, and the problems."""

    problems: Diagnostics
    rules: MetadataRules
    #: The most characters a text value may hold (``Limits.max_text_chars``).
    max_text: int = Limits().max_text_chars
    dataset: Dataset = field(default_factory=Dataset)
    #: Whether :meth:`check_text` checks: a language's builder links records whose texts were
    #: checked already (the source's as it loaded, each translation as it was read).
    checks_text: bool = True
    #: By kind of record: the ids of entries left out for their own errors.
    left_out: dict[str, set[str]] = field(default_factory=dict)
    #: By kind of record: the files nothing could be read from (a syntax error, say).
    unreadable: dict[str, list[str]] = field(default_factory=dict)
    #: References that an unreadable file might answer, by (referring file, kind).
    _unchecked: dict[tuple[str, str], list[tuple[Location, str, str]]] = field(default_factory=dict)

    def error(
        self, location: Location, message: str, key_path: str, rule: str = "reference"
    ) -> None:
        self.problems.error(location, message, key_path=key_path, rule=rule)

    def unknown(
        self, location: Location, what: str, found: str, known: Iterable[str], path: str
    ) -> None:
        """An id that names nothing: the error says what was expected and the closest id.

        Not when the id names an entry left out for its own error (that error says it), and
        not one by one when a file of that kind could not be read at all: it might hold the id
        (see :meth:`report_dependencies`)."""
        if self.deferred(location, what, found, path):
            return
        self.error(
            location,
            f"expected a known {what} id, found {found!r}{did_you_mean(found, known)}",
            path,
        )

    def deferred(self, location: Location, what: str, found: str, path: str) -> bool:
        """Whether a reference to an unknown ``what`` is not reported on its own: it names an
        entry left out for its own error, or a file that could provide it has errors (then
        :meth:`report_dependencies` reports it, once per referring file)."""
        kind = _PROVIDERS.get(what)
        if kind is not None and found in self.left_out.get(kind, ()):
            return True
        if kind is not None and self.unreadable.get(kind):
            self._unchecked.setdefault((location.path, kind), []).append((location, found, path))
            return True
        return False

    def report_dependencies(self) -> None:
        """One error per file whose references could not be checked for an unreadable file."""
        for (_, kind), references in self._unchecked.items():
            location, _, path = references[0]
            files = " and ".join(f"`{name}`" for name in self.unreadable[kind])
            ids = ", ".join(dict.fromkeys(repr(found) for _, found, _ in references))
            count = len(references)
            self.error(
                location,
                f"depends on {files}, which has errors: {count} reference"
                f"{'s' if count != 1 else ''} ({ids}) could not be checked; fix that file first",
                path,
                "dependency",
            )

    def check_url(self, location: Location, url: str, path: str) -> None:
        problem = url_problem(url)
        if problem:
            self.error(location, f"{problem}; found {url!r}", path, "unsafe-link")

    def check_text(self, data: Any, path: str, location: Location | None = None) -> None:
        """Check every text value of ``data``, recursively, keys included: the characters it
        holds, and every link inside it (see :mod:`.characters` and :mod:`.links`). A mapping
        found clean is marked so: parsed data is kept unchanged between rebuilds, and the same
        check finds the same."""
        if not self.checks_text:
            return
        if isinstance(data, LocatedMapping):
            if getattr(data, "clean_up_to", None) == self.max_text:
                return
            found = len(self.problems.items)
            for key, value in data.items():
                key_path = f"{path}.{key}" if path else key
                self._check_characters(data.where_key(key), key, key_path)
                self.check_text(value, key_path, data.where(key))
            if len(self.problems.items) == found:
                data.clean_up_to = self.max_text
        elif isinstance(data, LocatedSequence):
            for index, value in enumerate(data):
                self.check_text(value, f"{path}[{index}]", data.where(index))
        elif isinstance(data, str) and location is not None:
            self._check_characters(location, data, path)
            for url in dict.fromkeys(markdown_links(data)):  # each distinct target once
                self.check_url(location, url, path)

    def _check_characters(self, location: Location, text: str, path: str) -> None:
        if len(text) > self.max_text:
            self.error(
                location,
                f"expected text of at most {self.max_text:,} characters, found "
                f"{len(text):,}; split it (for example into free-form sections), or raise the "
                "site's max_text_length",
                path,
                "text-too-long",
            )
            return
        found = forbidden_character(text)
        if found is not None:
            self.error(
                location,
                f"expected text without control or bidirectional-override characters (line breaks and "
                f"tabs are fine), "
                f"found {found}; remove it",
                path,
                "control-character",
            )

    def links(self, data: LocatedMapping, key: str) -> tuple[Link, ...]:
        """The titled links under ``key``, each URL checked."""
        links = []
        for index, entry in enumerate(data.get(key) or []):
            self.check_url(entry.where("url"), entry["url"], f"{key}[{index}].url")
            links.append(Link(entry["title"], entry["url"]))
        return tuple(links)


def optional_text(data: LocatedMapping, key: str) -> str | None:
    value = data.get(key)
    return None if value is None else str(value)


def tuple_of(data: LocatedMapping, key: str) -> tuple[Any, ...]:
    value = data.get(key)
    return tuple(value) if value else ()
