"""Diagnostics: every problem found in content, with its exact location.

A diagnostic renders as ``path/to/file.yml:LINE:COL: severity rule-id: key.path: message``,
the way a compiler reports errors, so that editors and CI can jump to it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple


class Severity(StrEnum):
    """How serious a diagnostic is. Errors fail a build; warnings fail a strict build."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Location(NamedTuple):
    """A position in a content file. ``line`` and ``column`` count from 1 (0: unknown).

    A named tuple rather than a dataclass: the loader makes one per key and value, so it must be
    cheap to create.
    """

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column or 1}"
        return self.path


@dataclass(frozen=True)
class Diagnostic:
    """One problem in the content."""

    location: Location
    message: str
    rule: str = "schema"
    severity: Severity = Severity.ERROR
    key_path: str = ""

    def __str__(self) -> str:
        where = f"{self.key_path}: " if self.key_path else ""
        return f"{self.location}: {self.severity.value} {self.rule}: {where}{self.message}"

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.location.path, self.location.line, self.location.column, self.message)


@dataclass
class Diagnostics:
    """An ordered collection of diagnostics, reported all at once."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def error(
        self, location: Location, message: str, *, key_path: str = "", rule: str = "schema"
    ) -> None:
        self.items.append(Diagnostic(location, message, rule, Severity.ERROR, key_path))

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: d.sort_key)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)


class ContentError(Exception):
    """Raised when content has errors; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        count = len(diagnostics)
        lines = "\n".join(str(d) for d in diagnostics)
        super().__init__(f"{count} content error{'s' if count != 1 else ''}:\n{lines}")


#: The rule whose per-field problems are told one line per record and language (see
#: :func:`folded`).
FOLDED_RULE = "translation-missing"


def folded(
    problems: Sequence[Diagnostic], rule: str = FOLDED_RULE
) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """``problems`` as a log tells them: the per-field problems of ``rule`` that share a file,
    severity and message (the texts of one record a translation lacks, in one language) told in
    one line, where the first of them was; and the problems that line stands for, for a log
    that lists each (``--verbose``). A writer's own messages are not buried under them."""
    groups: dict[tuple[str, Severity, str], list[Diagnostic]] = {}
    for problem in problems:
        if problem.rule == rule and problem.key_path:
            key = (problem.location.path, problem.severity, problem.message)
            groups.setdefault(key, []).append(problem)
    told: list[Diagnostic] = []
    details: list[Diagnostic] = []
    for problem in problems:
        group = groups.get((problem.location.path, problem.severity, problem.message))
        if problem.rule != rule or not problem.key_path or group is None or len(group) == 1:
            told.append(problem)
        elif problem is group[0]:
            message = problem.message
            said = f"have {message[4:]}" if message.startswith("has ") else f": {message}"
            told.append(
                replace(
                    problem,
                    key_path="",
                    message=f"{len(group)} texts {said} (--verbose lists each)",
                )
            )
            details.extend(group)
    return told, details


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as writers see it: relative to ``root`` (or the working directory) when possible."""
    for base in (root, Path.cwd()):
        if base is None:
            continue
        # Most paths are found under the base as written: no need to ask the file system
        # (resolving took a tenth of a rebuild under ``mkdocs serve``).
        written, under = os.path.abspath(path), os.path.abspath(base)
        if written.startswith(os.path.join(under, "")) and ".." not in path.parts:
            return Path(os.path.relpath(written, under)).as_posix()
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except (ValueError, RuntimeError, OSError):  # elsewhere, or a loop of links
            continue
    return path.as_posix()
