"""Finding and repairing mojibake: UTF-8 text that was read as Windows-1252 or Latin-1 and saved.

Pages copied from old documents carry it: ``it\u00e2\u20ac\u2122s`` for ``it\u2019s``,
``\u00c3\u00a9`` for ``\u00e9``, ``\u00c2`` and a space for a no-break space. ftfy repairs it,
line by line and with its encoding fixes only, so legitimate text (``caf\u00e9``, curly quotes,
``&amp;``) is never changed. What ftfy leaves alone is repaired after it: ``\u00e2\u20ac`` whose
third byte was lost (0x9D has no Windows-1252 character) is the closing double quote it almost
always was (ftfy would read ``\u00e2\u20ac`` and a space as a dagger); ``\u00e2\u201e\u00a2`` is
``\u2122`` (ftfy wants more evidence than one character, but a statement often has ``\u2122``
alone, and ``\u00e2\u201e\u00a2`` is never text); a replacement character U+FFFD or a C1 control
character stands for a lost character and is removed.

The loader reports each damaged run as an error (:func:`mojibake_diagnostics`); the importer
writes the repaired text and lists each repair (:func:`repair_text`). Both use the same repair, so
whatever the importer writes loads cleanly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import ftfy

from ..diagnostics import Diagnostic, Location, Severity

RULE = "mojibake"

#: ftfy repairs a long line in pieces of at most this many characters, so that time stays linear.
_PIECE = 1000
#: Characters a repair keeps as they are: printable ASCII but the space and ``?``, which ftfy may
#: take for a lost byte of a damaged run. Long lines are cut after one; runs lie between them.
_ANCHOR = re.compile(r"[!->@-~]")
#: What Windows-1252 (its holes kept as C1 controls) or Latin-1 make of the bytes 0x80 to 0xBF.
_CONTINUATION = bytes(range(0x80, 0xC0)).decode("sloppy-windows-1252") + "\x80-\x9f"
_TRUNCATED = re.compile(f"\u00e2\u20ac(?![{_CONTINUATION}])")
#: Damage ftfy leaves alone and what it stood for; any other match is a lost character (removed).
_LEFT = {"\u00e2\u20ac\x9d": "\u201d", "\u00e2\u201e\u00a2": "\u2122"}
_LEFTOVER = re.compile("|".join(_LEFT) + "|[\x80-\x9f\ufffd]")
#: What a line holds if it holds mojibake: a UTF-8 lead byte's character followed by a
#: continuation byte's, "\u00c2" and a space (a no-break space whose second byte became a space),
#: a C1 control or U+FFFD. Only such lines go to ftfy: most non-ASCII lines (a French page) are
#: read in one search, not repaired (ftfy would take about 14 times as long over them).
_SUSPECT = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]|\u00c2 |[\x80-\x9f\ufffd]")


@dataclass(frozen=True)
class Damage:
    """One damaged run (and its repair): where it starts (line and column from 1), what it is,
    what it stood for (empty for a character that was lost)."""

    line: int
    column: int
    found: str
    replaced: str

    @property
    def message(self) -> str:
        meant = (
            f"probably a mangled {_show(self.replaced)}"
            if self.replaced
            else "a character lost when the text was decoded (replacement character or "
            "C1 control character)"
        )
        found = _show(self.found, code_first=True)
        return f"found {found}, {meant}; retype it and save the file as UTF-8"


def _visible(text: str) -> bool:
    return all(char.isprintable() and not char.isspace() for char in text)


def _show(text: str, code_first: bool = False) -> str:
    """Text as a message shows it: quoted if visible, else character by character, an invisible
    one as ``no-break space (U+00A0)`` (or, ``code_first``, ``U+00A0 (NO-BREAK SPACE)``)."""

    def one(char: str) -> str:
        if _visible(char):
            return f"'{char}'"
        name, code = unicodedata.name(char, "control character"), f"U+{ord(char):04X}"
        return f"{code} ({name})" if code_first else f"{name.lower()} ({code})"

    return f"'{text}'" if _visible(text) else " followed by ".join(map(one, text))


def _fix(piece: str) -> str:
    """A piece of a line repaired: ftfy's encoding fixes, then what ftfy leaves alone."""
    fixed = ftfy.fix_encoding(_TRUNCATED.sub("\u00e2\u20ac\x9d", piece))
    if _SEQUENCE.search(fixed):  # real accents beside mangled words make ftfy wary
        fixed = _SEQUENCE.sub(_decoded, fixed)
    return _LEFTOVER.sub(lambda left: _LEFT.get(left[0], ""), fixed)


#: A UTF-8 sequence read as Windows-1252: a lead byte's character and its continuation bytes'.
_SEQUENCE = re.compile(
    f"[\u00c2-\u00df][{_CONTINUATION}]|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}"
    f"|[\u00f0-\u00f4][{_CONTINUATION}]{{3}}"
)
#: Where the characters lie that a damaged run most often stood for: a run that decodes to
#: anything else is more likely text (``\u00e9\u00bb``) than a mangled character.
_PLAUSIBLE = re.compile("[\u00a0-\u024f\u0370-\u052f\u2000-\u2bff\u3000-\u9fff\uac00-\ud7a3]")


def _decoded(run: re.Match[str]) -> str:
    """A run ftfy left beside real accented text ("Pr\u00ed\u0161li\u00c5\u00a1"), decoded if
    it stands for one character text plausibly holds; else kept."""
    try:
        meant = run[0].encode("sloppy-windows-1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return run[0]
    return meant if len(meant) == 1 and _PLAUSIBLE.match(meant) else run[0]


def _pieces(line: str) -> Iterator[tuple[int, str]]:
    """(start, piece) of a line, cut where it is long: after an anchor, which no damaged run
    spans, or anywhere if none is near."""
    start = 0
    while len(line) - start > _PIECE:
        anchor = _ANCHOR.search(line, start + _PIECE // 2, start + _PIECE)
        end = anchor.end() if anchor else start + _PIECE
        yield start, line[start:end]
        start = end
    yield start, line[start:]


def _common(one: str, other: str) -> int:
    """How many characters two strings start with in common, up to a space (whole words only:
    the last character of a damaged run can be the character it stood for)."""
    shorter = min(len(one), len(other))
    same = next((i for i in range(shorter) if one[i] != other[i]), shorter)
    return one.rfind(" ", 0, same) + 1


def _runs(found: str, fixed: str) -> Iterator[tuple[int, str, str]]:
    """(index, found, replaced) of each run that differs between a piece and its repair.

    The repair keeps every anchor, so the stretches between anchors are compared pairwise (in
    linear time); should ftfy ever change one, the whole piece is compared as one stretch."""
    if _ANCHOR.findall(found) == _ANCHOR.findall(fixed):
        pairs = zip(_ANCHOR.split(found), _ANCHOR.split(fixed), strict=True)
    else:
        pairs = zip([found], [fixed], strict=True)
    index = 0
    for old, new in pairs:
        if old != new:
            head = _common(old, new)
            tail = _common(old[head:][::-1], new[head:][::-1])
            yield index + head, old[head : len(old) - tail], new[head : len(new) - tail]
        index += len(old) + 1


def _repair_line(line: str) -> tuple[str, list[tuple[int, str, str]]]:
    """The line repaired, and (column, found, replaced) of each repair."""
    parts: list[str] = []
    runs: list[tuple[int, str, str]] = []
    for start, piece in _pieces(line):
        fixed = piece if piece.isascii() else _fix(piece)
        parts.append(fixed)
        if fixed != piece:
            runs.extend((start + i + 1, old, new) for i, old, new in _runs(piece, fixed))
    return "".join(parts), runs


def repair_text(text: str) -> tuple[str, list[Damage]]:
    """The text with every line's mojibake repaired, and each damaged run (in order)."""
    lines = text.split("\n")
    damage: list[Damage] = []
    for index, line in enumerate(lines):
        if not line.isascii() and _SUSPECT.search(line):
            lines[index], runs = _repair_line(line)
            damage.extend(Damage(index + 1, *run) for run in runs)
    return "\n".join(lines), damage


def find_damage(text: str) -> list[Damage]:
    """Every damaged run in ``text``, in order."""
    return repair_text(text)[1]


def mojibake_diagnostics(text: str, display: str) -> list[Diagnostic]:
    """One error per damaged run in ``text`` (the contents of the file shown as ``display``)."""
    return [
        Diagnostic(Location(display, d.line, d.column), d.message, RULE, Severity.ERROR)
        for d in find_damage(text)
    ]


__all__ = ["RULE", "Damage", "find_damage", "mojibake_diagnostics", "repair_text"]
