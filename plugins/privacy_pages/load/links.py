"""Which links content may carry.

A link target is judged the way a browser reads it: character references are decoded
(``jav&#x61;script:`` is ``javascript:``) and the whitespace and control characters that
browsers drop from a URL are dropped first, so an obfuscated scheme is refused like a plain one.
"""

from __future__ import annotations

import html
import re

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
ALLOWED_SCHEMES = frozenset({"https", "http", "mailto"})
#: Markdown links and images inside text fields: ``[text](url)`` / ``![alt](url)``.
MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
#: Reference definitions, which Markdown applies to the whole page: ``[id]: url``.
REFERENCE_DEFINITION = re.compile(r"^[ \t]*\[[^\[\]\n]*\]:[ \t]*\n?[ \t]*<?([^\s>]+)", re.MULTILINE)


def url_problem(url: str) -> str | None:
    """Why a link target is refused, or ``None`` when it is acceptable."""
    decoded = html.unescape(url)
    cleaned = "".join(ch for ch in decoded.strip() if ch.isprintable() and not ch.isspace())
    if cleaned.startswith(("//", "\\\\", "/\\", "\\/")):
        return "protocol-relative links are not allowed"
    match = _SCHEME.match(cleaned)
    if match is None:
        return None
    scheme = match.group(1).lower()
    if scheme not in ALLOWED_SCHEMES:
        return f"{scheme}: links are not allowed (use https:// or a relative path)"
    return None


def markdown_links(text: str) -> list[str]:
    """The link targets written inside a Markdown text field (inline links and references)."""
    if "]" not in text:  # both forms need one; most texts have no link at all
        return []
    return MARKDOWN_LINK.findall(text) + REFERENCE_DEFINITION.findall(text)
