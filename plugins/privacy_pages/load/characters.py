"""Which characters text from content may hold.

Content reaches HTML pages, feeds and CSV files, and is read by people. Control characters
(but newline and tab) do nothing useful there and can hide or forge text (an escape sequence in
a terminal, NUL, a lone surrogate that cannot be written as UTF-8), and the Unicode
bidirectional overrides and isolates can make text read differently from what it holds. YAML
escapes (``"\\x1b"``, ``"\\u202e"``) can write them, so the loader refuses them in every value.
"""

from __future__ import annotations

import re
import unicodedata

#: C0 and C1 controls but tab and newline, DEL, bidirectional embeddings, overrides and
#: isolates, surrogates and the noncharacters U+FFFE and U+FFFF.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)


def forbidden_character(text: str) -> str | None:
    """A description of the first character ``text`` may not hold, or ``None``."""
    if text.isprintable():  # the common case, in C; tab, newline and some spaces are not
        return None
    match = _FORBIDDEN.search(text)
    if match is None:
        return None
    char = match.group()
    name = unicodedata.name(char, "a control character")
    line = text.count("\n", 0, match.start()) + 1
    where = f" on line {line} of the text" if "\n" in text else ""
    return f"U+{ord(char):04X} ({name}){where}"
