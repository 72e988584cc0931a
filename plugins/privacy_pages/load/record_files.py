"""Content files read one at a time: parsed with locations and validated against the schema of
their kind, and kept between the rebuilds of ``mkdocs serve`` while they do not change."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Location
from ..timing import PhaseTimes
from .mojibake import mojibake_diagnostics
from .schema import validate_record
from .yaml_source import Limits, YamlFault, parse_text, read_text

DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class RecordFile:
    """One parsed content file."""

    path: Path
    display: str
    kind: str
    data: Any


@dataclass
class ContentCache:
    """Parsed files kept across rebuilds (``mkdocs serve``), keyed by path, mtime and size."""

    entries: dict[Path, tuple[tuple[int, int], Any, tuple[Diagnostic, ...]]] = field(
        default_factory=dict
    )
    hits: int = 0
    misses: int = 0

    def read(
        self, path: Path, display: str, kind: str, limits: Limits, times: PhaseTimes | None = None
    ) -> tuple[Any, list[Diagnostic]]:
        times = times if times is not None else PhaseTimes()
        try:
            stat = path.stat()
        except OSError:  # a dangling link, or a file removed meanwhile: read_text reports it
            return read_record(path, display, kind, limits, times)
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = self.entries.get(path)
        if cached is not None and cached[0] == stamp:
            self.hits += 1
            return cached[1], list(cached[2])
        self.misses += 1
        data, problems = read_record(path, display, kind, limits, times)
        self.entries[path] = (stamp, data, tuple(problems))
        return data, problems


def read_record(
    path: Path, display: str, kind: str, limits: Limits, times: PhaseTimes
) -> tuple[Any, list[Diagnostic]]:
    """One file's data and its problems: read (size-capped), checked for encoding damage,
    parsed with locations, and validated against the schema of its kind."""
    try:
        with times.phase("load"):
            text = read_text(path, display, limits)
            damaged = mojibake_diagnostics(text, display)
            if damaged:  # every damaged place at once; parsing would stop at the first
                return None, damaged
            data = parse_text(text, display, limits)
    except YamlFault as fault:
        return None, [fault.diagnostic]
    if data is None:
        return None, [
            Diagnostic(
                Location(display, 1, 1),
                f"expected a {kind} record, found an empty file",
                "empty-file",
            )
        ]
    with times.phase("validate"):
        return data, validate_record(data, kind, Location(display, 1, 1))
