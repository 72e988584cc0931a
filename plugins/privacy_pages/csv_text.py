"""Text in CSV files a spreadsheet opens: kept as text, never run as a formula."""

from __future__ import annotations

#: What a spreadsheet reads as the start of a formula (or of a cell it rewrites).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def spreadsheet_text(value: str) -> str:
    """Text a spreadsheet shows as text, never runs as a formula (OWASP's CSV injection
    guard: a leading apostrophe)."""
    return "'" + value if value.startswith(FORMULA_START) else value


def unguarded(value: str) -> str:
    """:func:`spreadsheet_text` undone: the text as it was before it was guarded."""
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value
