"""Find mojibake: text that was UTF-8, read as Windows-1252 or Latin-1, and saved again.

Pages copied from old documents carry it: ``it\u00e2\u20ac\u2122s`` for ``it\u2019s``,
``\u00c3\u00a9`` for ``\u00e9``, ``\u00c2`` and a space for a no-break space. Each UTF-8 lead
byte has become one of U+00C2 to U+00F4 and each continuation byte one of the characters that
Windows-1252 gives the bytes 0x80 to 0xBF. A run is reported only when it decodes back to a
character that text plausibly holds, so accented words (``caf\u00e9``) pass.

Also reported: the replacement character U+FFFD (a character was lost when the text was
decoded), C1 control characters U+0080 to U+009F (Windows-1252 text decoded as Latin-1), and
``\u00e2\u20ac`` whose third character was lost (the byte 0x9D of a closing double quote has
no Windows-1252 character).
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from ..diagnostics import Diagnostic, Location, Severity

RULE = "mojibake"


def _byte_table() -> dict[str, int]:
    """Each character that Windows-1252 (Latin-1 for its five holes) gives a byte, and the byte."""
    table: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        with contextlib.suppress(UnicodeDecodeError):
            table[bytes([byte]).decode("cp1252")] = byte
        table.setdefault(chr(byte), byte)  # Latin-1: U+0080..U+00FF stand for themselves
    return table


_BYTES = _byte_table()
_CONTINUATION = frozenset(char for char, byte in _BYTES.items() if 0x80 <= byte <= 0xBF)
_TRUNCATED = "\u00e2\u20ac"  # E2 80: how curly quotes, dashes and the ellipsis start
_REPLACEMENT = "\ufffd"
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: Where the characters lie that damaged text most often stood for. A run that decodes to
#: anything else (a Hebrew accent, an NKo letter) is more likely real text than mojibake.
_PLAUSIBLE = (
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x0370, 0x052F),  # Greek, Cyrillic
    (0x2000, 0x2BFF),  # punctuation, currency, letterlike, arrows, maths, shapes
    (0x3000, 0x9FFF),  # CJK punctuation, kana, ideographs
    (0xAC00, 0xD7A3),  # Hangul
    (0xFEFF, 0xFEFF),  # byte order mark
    (0xFFFD, 0xFFFD),  # a replacement character, itself mangled
    (0x1F000, 0x1FAFF),  # emoji and pictographs
)


@dataclass(frozen=True)
class Damage:
    """One damaged run of text: where it starts (0-based index), what it is, what it stood for."""

    index: int
    found: str
    #: What the run probably stood for, or why it is damage, for the message.
    hint: str

    @property
    def message(self) -> str:
        return f"found {quote(self.found)}, {self.hint}; retype it and save the file as UTF-8"


def _plausible(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _PLAUSIBLE)


def _sequence_length(lead: str) -> int:
    """How many bytes the UTF-8 sequence starting with this lead character has (0 if none)."""
    byte = _BYTES.get(lead)
    if byte is None or byte < 0xC2 or byte > 0xF4:
        return 0
    return 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4


def show(char: str) -> str:
    """One character as a message shows it: quoted when visible, else its code point and name."""
    if char.isprintable() and not char.isspace():
        return f"'{char}'"
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else " (a control character)")


def meaning(char: str) -> str:
    """What a damaged run stood for, in words: the character quoted, or ``no-break space (U+00A0)``."""
    if char.isprintable() and not char.isspace():
        return f"'{char}'"
    name = unicodedata.name(char, "").lower() or "control character"
    return f"{name} (U+{ord(char):04X})"


def quote(run: str) -> str:
    """A run as a message shows it: ``'\u00e2\u20ac\u2122'``, or its characters one by one if any is invisible."""
    if all(char.isprintable() and not char.isspace() for char in run):
        return f"'{run}'"
    return " followed by ".join(show(char) for char in run)


def _run(text: str, index: int) -> Damage | None:
    """The mangled UTF-8 sequence that starts at ``index``, if one does."""
    length = _sequence_length(text[index])
    if length:
        run = text[index : index + length]
        if len(run) == length and all(char in _CONTINUATION for char in run[1:]):
            try:
                meant = bytes(_BYTES[char] for char in run).decode("utf-8")
            except UnicodeDecodeError:
                meant = ""
            if len(meant) == 1 and _plausible(meant):
                return Damage(index, run, f"probably a mangled {meaning(meant)}")
    if text.startswith(_TRUNCATED, index):
        return Damage(
            index, _TRUNCATED, "probably a mangled '\u201d' or '\u2019' whose last byte was lost"
        )
    if text.startswith("\u00c2 ", index):
        return Damage(index, "\u00c2 ", f"probably a mangled {meaning(chr(0xA0))}")
    char = text[index]
    if char == _REPLACEMENT:
        return Damage(
            index, char, "the replacement character: a character was lost when the text was decoded"
        )
    if 0x80 <= ord(char) <= 0x9F:
        try:
            hint = f"probably a mangled {meaning(bytes([ord(char)]).decode('cp1252'))}"
        except UnicodeDecodeError:
            hint = "a C1 control character, which has no place in text"
        return Damage(index, char, hint)
    return None


def find_damage(text: str) -> Iterator[Damage]:
    """Every damaged run in ``text``, in order."""
    index = 0
    while (found := _NON_ASCII.search(text, index)) is not None:  # damage starts non-ASCII
        index = found.start()
        damage = _run(text, index)
        if damage is None:
            index += 1
            continue
        yield damage
        index += len(damage.found)


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column (in characters, as YAML marks count them) of an index."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def mojibake_diagnostics(text: str, display: str) -> list[Diagnostic]:
    """One error per damaged run in ``text`` (the contents of the file shown as ``display``)."""
    return [
        Diagnostic(
            Location(display, *_position(text, damage.index)), damage.message, RULE, Severity.ERROR
        )
        for damage in find_damage(text)
    ]


__all__ = ["RULE", "Damage", "find_damage", "meaning", "mojibake_diagnostics", "quote", "show"]
