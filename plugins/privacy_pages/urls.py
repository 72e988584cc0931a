"""Which links content may carry."""

from __future__ import annotations

import re

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
ALLOWED_SCHEMES = frozenset({"https", "http", "mailto"})
#: Markdown links and images inside text fields: ``[text](url)`` / ``![alt](url)``.
MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")


def url_problem(url: str) -> str | None:
    """Why a link target is refused, or ``None`` when it is acceptable."""
    cleaned = "".join(ch for ch in url.strip() if ch.isprintable() and not ch.isspace())
    match = _SCHEME.match(cleaned)
    if match is None:
        return None if not cleaned.startswith("//") else "protocol-relative links are not allowed"
    scheme = match.group(1).lower()
    if scheme not in ALLOWED_SCHEMES:
        return f"{scheme}: links are not allowed (use https:// or a relative path)"
    return None


def markdown_links(text: str) -> list[str]:
    """The link targets written inside a Markdown text field."""
    return MARKDOWN_LINK.findall(text)
