"""Repairing mojibake: UTF-8 text that was once decoded as Windows-1252, then saved again.

The damaged runs are the ones :func:`privacy_pages.load.mojibake.find_damage` finds — the same check
that refuses such text in content files — so whatever the importer writes loads cleanly. A run
that decodes back to UTF-8 is replaced by what it stood for; text damaged twice is repaired
twice; a replacement character (U+FFFD), whose character is lost, is removed. Every repair is
returned with its line and column, for the import report.

The repairs are followed piece by piece (what each damaged run of the line became, over every
pass), so that finding them takes time linear in the line: only the text of one repaired stretch
is compared character by character, never the whole line with its repaired self.
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


#: A repaired stretch at most this long (before and after, together) is compared character by
#: character to name each repair exactly; a longer one is reported as one repair.
_COMPARE_LIMIT = 200


@dataclass(frozen=True)
class _Piece:
    """``line[start:end]``, kept as it is (``new`` is ``None``) or repaired as ``new``."""

    start: int
    end: int
    new: str | None = None

    def text(self, line: str) -> str:
        return line[self.start : self.end] if self.new is None else self.new

    @property
    def size(self) -> int:
        """The length of the piece's text (without copying it out of the line)."""
        return self.end - self.start if self.new is None else len(self.new)


def _repair_pass(line: str, pieces: list[_Piece]) -> list[_Piece] | None:
    """The pieces after one more pass of repairs, or ``None`` when nothing is damaged."""
    current = "".join(piece.text(line) for piece in pieces)
    damage = list(find_damage(current))
    if not damage:
        return None
    out: list[_Piece] = []
    remaining = iter(pieces)
    piece: _Piece | None = next(remaining, None)
    offset = 0  # where `piece` starts in `current`
    for run in damage:
        first, last = run.index, run.index + len(run.found)
        while piece is not None and offset + piece.size <= first:
            out.append(piece)
            offset += piece.size
            piece = next(remaining, None)
        assert piece is not None
        # The run starts in `piece`: the part before it stays as it was.
        if piece.new is None:
            start, before = piece.start + first - offset, ""
            if first > offset:
                out.append(_Piece(piece.start, start))
        else:
            start, before = piece.start, piece.new[: first - offset]
        # Every piece the run covers becomes part of the repaired piece.
        while offset + piece.size < last:
            offset += piece.size
            piece = next(remaining, None)
            assert piece is not None
        if piece.new is None:
            end, after = piece.start + last - offset, ""
            rest = _Piece(end, piece.end)
        else:
            end, after = piece.end, piece.new[last - offset :]
            rest = _Piece(end, end)
        out.append(_Piece(start, end, before + replacement(run.found) + after))
        piece, offset = rest, last
    while piece is not None:
        out.append(piece)
        piece = next(remaining, None)
    return out


def _repair(line: str) -> list[_Piece]:
    """The line as pieces kept or repaired, adjacent repairs joined (in line order)."""
    pieces = [_Piece(0, len(line))]
    for _ in range(_MAX_PASSES):
        repaired = _repair_pass(line, pieces)
        if repaired is None:
            break
        pieces = repaired
    joined: list[_Piece] = []
    adjacent: list[_Piece] = []  # repaired pieces with nothing kept between them

    def join() -> None:
        if adjacent:
            new = "".join(piece.new or "" for piece in adjacent)
            joined.append(_Piece(adjacent[0].start, adjacent[-1].end, new))
            adjacent.clear()

    for piece in pieces:
        if piece.new is not None:
            adjacent.append(piece)
        elif piece.start < piece.end:
            join()
            joined.append(piece)
    join()
    return joined


def _changes(found: str, fixed: str) -> list[tuple[int, str, str]]:
    """(offset, found, replaced) for what differs between a damaged stretch and its repair."""
    if len(found) + len(fixed) <= _COMPARE_LIMIT:
        matcher = difflib.SequenceMatcher(None, found, fixed, autojunk=False)
        return [
            (i1, found[i1:i2], fixed[j1:j2])
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()
            if tag != "equal"
        ]
    head = 0
    while head < min(len(found), len(fixed)) and found[head] == fixed[head]:
        head += 1
    tail = 0
    while tail < min(len(found), len(fixed)) - head and found[-1 - tail] == fixed[-1 - tail]:
        tail += 1
    return [(head, found[head : len(found) - tail], fixed[head : len(fixed) - tail])]


def repair_line(line: str) -> tuple[str, list[tuple[int, str, str]]]:
    """One line with its mojibake repaired, and (column, found, replaced) for each repair."""
    pieces = _repair(line)
    fixed = "".join(piece.text(line) for piece in pieces)
    if fixed == line:
        return line, []
    fixes: list[tuple[int, str, str]] = []
    for piece in pieces:
        if piece.new is not None:
            for offset, found, replaced in _changes(line[piece.start : piece.end], piece.new):
                fixes.append((piece.start + offset + 1, found, replaced))
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
