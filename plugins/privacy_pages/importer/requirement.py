"""What an item's own words say of its requirement: "(optional)", "Optional.", "Required".

The marker (in an item's text, or a Required column) is taken out of its name; the item then
goes to the section it says (see ``statement._place_marked``).
"""

from __future__ import annotations

import re

from .markup import plain

#: "(optional)" anywhere, "Optional." or "Optional:" first, ", optional" or "- optional" last.
_OPTIONAL_MARK = re.compile(
    r"\s*[(\[](?:optional|opt-in)[)\]]|^\s*\**optional\**[.:]\**\s+"
    r"|\s*[-\u2013\u2014,]\s*\**optional\**\.?\s*$",
    re.IGNORECASE,
)
_REQUIRED_MARK = re.compile(
    r"\s*[(\[](?:required|mandatory)[)\]]|^\s*\**(?:required|mandatory)\**[.:]\**\s+"
    r"|\s*[-\u2013\u2014,]\s*\**(?:required|mandatory)\**\.?\s*$",
    re.IGNORECASE,
)
_OPTIONAL_WORD = re.compile(r"^(?:no|n|optional|opt-in|not required|✗|✘|❌)\.?$", re.IGNORECASE)
_REQUIRED_WORD = re.compile(r"^(?:yes|y|required|mandatory|always|✓|✔|✔️)\.?$", re.IGNORECASE)


def marker(text: str) -> tuple[str, bool | None]:
    """``text`` without an "(optional)" / "Required" marker, and what the marker says
    (True: optional, False: required, None: no marker)."""
    for pattern, optional in ((_OPTIONAL_MARK, True), (_REQUIRED_MARK, False)):
        found = pattern.search(text)
        if found is not None:
            rest = (text[: found.start()] + " " + text[found.end() :]).strip()
            if rest:
                return " ".join(rest.split()), optional
    return text, None


def requirement_value(text: str) -> bool | None:
    """A Required column's value: True when it says optional, False when required."""
    value = plain(text).strip()
    if _OPTIONAL_WORD.match(value):
        return True
    if _REQUIRED_WORD.match(value):
        return False
    _, optional = marker(value)
    return optional
