"""Content files read one at a time: parsed with locations and validated against the schema of
their kind, and kept between the rebuilds of ``mkdocs serve`` while they do not change."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Location
from ..timing import PhaseTimes
from .mojibake import mojibake_diagnostics
from .pruning import prune
from .schema import validate_record
from .yaml_source import Limits, YamlFault, parse_text, read_text

DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class RecordFile:
    """One parsed content file (its invalid values left out, see :mod:`.pruning`)."""

    path: Path
    display: str
    kind: str
    data: Any
    #: The ids of entries left out whole for their errors: still known, so references to them
    #: are not reported again.
    left_out: frozenset[str] = frozenset()
    #: The key paths of the values that lost an invalid part (see :class:`.pruning.Pruned`).
    emptied: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ReadResult:
    """What reading one file gives: its data (None when nothing could be read), every problem,
    and the ids of the entries left out for their errors."""

    data: Any
    problems: tuple[Diagnostic, ...]
    left_out: frozenset[str] = frozenset()
    emptied: frozenset[str] = frozenset()


@dataclass
class ContentCache:
    """Parsed files kept across rebuilds (``mkdocs serve``), keyed by path, mtime and size."""

    entries: dict[Path, tuple[tuple[int, int], ReadResult]] = field(default_factory=dict)
    #: The translation files parsed (located data, or the fault that stopped reading them),
    #: the same way (see ``translations.TranslationRun``).
    translations: dict[Path, tuple[tuple[int, int], Any]] = field(default_factory=dict)
    #: By (language, record path): what the record was linked into in that language, and from
    #: what (see ``translations.TranslationRun.record``).
    linked: dict[tuple[str, str], Any] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0

    def read(
        self, path: Path, display: str, kind: str, limits: Limits, times: PhaseTimes | None = None
    ) -> ReadResult:
        times = times if times is not None else PhaseTimes()
        try:
            stat = path.stat()
        except OSError:  # a dangling link, or a file removed meanwhile: read_text reports it
            return read_record(path, display, kind, limits, times)
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = self.entries.get(path)
        if cached is not None and cached[0] == stamp:
            self.hits += 1
            return cached[1]
        self.misses += 1
        result = read_record(path, display, kind, limits, times)
        self.entries[path] = (stamp, result)
        return result


def read_record(
    path: Path, display: str, kind: str, limits: Limits, times: PhaseTimes
) -> ReadResult:
    """One file's data and its problems: read (size-capped), checked for encoding damage,
    parsed with locations, and validated against the schema of its kind; values the schema
    refuses are left out of the data (each reported once)."""
    try:
        with times.phase("load"):
            text = read_text(path, display, limits)
            damaged = mojibake_diagnostics(text, display)
            if damaged:  # every damaged place at once; parsing would stop at the first
                return ReadResult(None, tuple(damaged))
            data = parse_text(text, display, limits)
    except YamlFault as fault:
        return ReadResult(None, (fault.diagnostic,))
    if data is None:
        empty = Diagnostic(
            Location(display, 1, 1), f"expected a {kind} record, found an empty file", "empty-file"
        )
        return ReadResult(None, (empty,))
    with times.phase("validate"):
        problems = validate_record(data, kind, Location(display, 1, 1))
        if not problems:
            return ReadResult(data, ())
        pruned = prune(data, kind)
    return ReadResult(pruned.data, tuple(problems), pruned.left_out, pruned.emptied)
