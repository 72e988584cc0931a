"""Which links content may carry.

A link target is judged the way a browser reads it: character references are decoded
(``jav&#x61;script:`` is ``javascript:``) and the whitespace and control characters that
browsers drop from a URL are dropped first, so an obfuscated scheme is refused like a plain one.
The targets are found by converting the text with Python-Markdown, so every way it builds a
link is seen. The pages' HTML is also cleaned with an allowlist when it is built
(:mod:`privacy_pages.render.sanitize`): this check is there to tell the writer where.
"""

from __future__ import annotations

import html
import re
from functools import cache
from html.parser import HTMLParser

import markdown

from ..markdown_text import block
from ..memo import memoized

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
ALLOWED_SCHEMES = frozenset({"https", "http", "mailto"})


@memoized(8192)  # the same links recur across products; the loader and a lint rule both ask
def url_problem(url: str) -> str | None:
    """Why a link target is refused, or ``None`` when it is acceptable."""
    decoded = html.unescape(url)
    cleaned = "".join(ch for ch in decoded.strip() if ch.isprintable() and not ch.isspace())
    # ``[x](<url>)``: the page shows the brackets (content cannot write raw HTML), but the
    # writer meant the URL inside, so that is what is judged.
    cleaned = cleaned.removeprefix("<").removesuffix(">")
    if cleaned.startswith(("//", "\\\\", "/\\", "\\/")):
        return "protocol-relative links are not allowed"
    match = _SCHEME.match(cleaned)
    if match is None:
        return None
    scheme = match.group(1).lower()
    if scheme not in ALLOWED_SCHEMES:
        return f"{scheme}: links are not allowed (use https:// or a relative path)"
    return None


@memoized(8192)  # products of a family share texts; the loader and a lint rule both ask
def markdown_links(text: str) -> tuple[str, ...]:
    """The link and image targets of a Markdown text field, as Python-Markdown reads them:
    inline links, reference links and definitions, images, in any position and spelling it
    accepts (a regular expression over the source cannot follow them all).

    The text is converted the way a page holds it (:func:`~privacy_pages.markdown_text.block`):
    what a page shows as plain characters links nowhere, and the conversion takes a time linear
    in the text, whatever it holds."""
    if "]" not in text and "<" not in text:  # every link form needs one; most texts have none
        return ()
    converter = _converter()
    collector = _Targets()
    collector.feed(converter.reset().convert(str(block(text))))
    collector.close()
    return tuple(collector.targets)


@cache
def _converter() -> markdown.Markdown:
    """Python-Markdown with its core syntax only: the links a page gets from the text itself."""
    return markdown.Markdown()


class _Targets(HTMLParser):
    """The ``href`` and ``src`` values of converted HTML, with character references decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.targets.extend(value for name, value in attrs if name in ("href", "src") and value)
