"""Repairing mojibake: UTF-8 text that was once decoded as Windows-1252, then saved again.

The damaged runs are the ones :func:`privacy_pages.load.mojibake.find_damage` finds — the same check
that refuses such text in content files — so whatever the importer writes loads cleanly. A run
that decodes back to UTF-8 is replaced by what it stood for; text damaged twice is repaired
twice; a replacement character (U+FFFD), whose character is lost, is removed. Every repair is
returned with its line and column, for the import report.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..load.mojibake import find_damage


def _byte_chars() -> dict[str, int]:
    """Each character Windows-1252 (with Latin-1 for its five holes) gives a byte, and the byte."""
    table: dict[str, int] = {}
    for byte in range(256):
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            char = chr(byte)
        table[char] = byte
        table.setdefault(chr(byte), byte)
    return table


_BYTES = _byte_chars()
_MAX_PASSES = 4


@dataclass(frozen=True)
class Repair:
    """One repaired run of characters."""

    line: int
    column: int
    found: str
    replaced: str


def _decode(run: str) -> str | None:
    try:
        return bytes(_BYTES[c] for c in run).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return None


def replacement(found: str) -> str:
    """What a damaged run (as :func:`privacy_pages.load.mojibake.find_damage` reports it) stood for."""
    decoded = _decode(found)
    if decoded is not None and decoded != found:
        return decoded
    if found == "\u00e2\u20ac":
        return "\u201d"  # the third byte of a closing double quote was lost
    if found == "\u00c2 ":
        return " "  # a no-break space whose second byte became a space
    if len(found) == 1 and 0x80 <= ord(found) <= 0x9F:
        try:
            return bytes([ord(found)]).decode("cp1252")
        except UnicodeDecodeError:
            return ""
    return ""  # the replacement character U+FFFD: the character is lost


def _repair(line: str) -> str:
    for _ in range(_MAX_PASSES):
        damage = list(find_damage(line))
        if not damage:
            break
        out: list[str] = []
        position = 0
        for run in damage:
            out.append(line[position : run.index])
            out.append(replacement(run.found))
            position = run.index + len(run.found)
        out.append(line[position:])
        line = "".join(out)
    return line


def repair_line(line: str) -> tuple[str, list[tuple[int, str, str]]]:
    """One line with its mojibake repaired, and (column, found, replaced) for each repair."""
    fixed = _repair(line)
    if fixed == line:
        return line, []
    matcher = difflib.SequenceMatcher(None, line, fixed, autojunk=False)
    fixes = [
        (i1 + 1, line[i1:i2], fixed[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]
    return fixed, fixes


def repair_text(text: str) -> tuple[str, list[Repair]]:
    """The text with every line's mojibake repaired, and the repairs (line numbers from 1)."""
    repairs: list[Repair] = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.isascii():
            continue
        fixed, fixes = repair_line(line)
        if fixes:
            lines[index] = fixed
            repairs.extend(Repair(index + 1, col, found, new) for col, found, new in fixes)
    return "\n".join(lines), repairs


__all__ = ["Repair", "repair_line", "repair_text"]
