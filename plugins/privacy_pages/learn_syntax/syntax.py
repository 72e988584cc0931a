"""The patterns of Learn syntax, and which URLs its images and includes may point at."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

ALERT_MARKER_RE = re.compile(
    r"^\[!(?P<kind>NOTE|TIP|IMPORTANT|CAUTION|WARNING)\][ \t]*(?P<rest>.*)$",
    re.IGNORECASE,
)


# One ":::image ...:::" line; "(?!-)" keeps ":::image-end:::" out.
IMAGE_RE = re.compile(
    r"^(?P<indent>[ ]{0,5}):::image(?!-)(?P<attrs>[^\n]*?):::[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


IMAGE_END_RE = re.compile(r"^[ \t]*:::image-end:::[ \t]*$", re.IGNORECASE | re.MULTILINE)


ATTR_RE = re.compile(r"""(?P<key>[A-Za-z][\w-]*)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")


INCLUDE_RE = re.compile(
    r"""^(?P<indent>[ \t]*)\[!INCLUDE\s*\[(?P<title>[^\]]*)\]\(\s*"""
    r"""(?:<(?P<angle>[^>]*)>|(?P<path>[^)\s]+))"""
    r"""(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)\s*\][ \t]*\r?$""",
    re.IGNORECASE,
)


FENCE_OPEN_RE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")


_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:")


_SAFE_SCHEMES = ("http:", "https:")


# Browsers drop ASCII whitespace and control characters inside a URL scheme.
_URL_JUNK_RE = re.compile(r"[\x00-\x20\x7f]+")


def is_unsafe_url(url: str) -> bool:
    """True for URLs with a scheme other than http(s) (``javascript:`` etc.)."""
    cleaned = _URL_JUNK_RE.sub("", url).lower()
    return bool(_SCHEME_RE.match(cleaned)) and not cleaned.startswith(_SAFE_SCHEMES)


def is_remote(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def parse_attrs(text: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for match in ATTR_RE.finditer(text):
        value = match.group("dq")
        if value is None:
            value = match.group("sq") or ""
        attrs[match.group("key").lower()] = html.unescape(value)
    return attrs
