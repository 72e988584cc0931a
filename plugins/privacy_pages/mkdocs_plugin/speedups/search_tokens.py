"""Material's search parser fed by one regular expression instead of ``html.parser``.

Material's search reads each page with a subclass of ``html.parser.HTMLParser``: its handlers
divide the page into sections, and the tokenizer in front of them (a loop of several regular
expressions per tag, in Python) took as long as the handlers. A generated page, by the time
search reads it, is HTML as the sanitizer writes it: every tag lowercase with its attribute
values in double quotes, ``<`` escaped in text, no comments, scripts or styles. Such HTML has
one way to be read, and one expression reads it: the handlers then get the very calls
``HTMLParser`` would make (tag and attribute names in lowercase, attribute values and text
with their character references replaced, one text call between two tags).

A page that is not wholly such HTML (any ``<`` that does not open a plain tag, a tag with an
unquoted value, a self-closing slash, an element whose inside ``HTMLParser`` reads as raw text)
is handed to ``HTMLParser`` whole, before any handler has run.
"""

from __future__ import annotations

import html
import re
from typing import Any

_SPACE = "[ \t\n\r\f]"
#: A start tag, an end tag, or the text up to the next ``<``: all the sanitizer writes.
_TOKEN = re.compile(
    rf"""<([a-zA-Z][a-zA-Z0-9]*)((?:{_SPACE}+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?)*){_SPACE}*>"""
    r"|</([a-zA-Z][a-zA-Z0-9]*)>"
    r"|[^<]+"
)
#: From the start of a run of spaces only (from each of them, time quadratic in the run).
_ATTRIBUTE = re.compile(rf"""(?<!{_SPACE}){_SPACE}+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?""")
#: Elements whose inside ``HTMLParser`` reads as raw text (or that the sanitizer never writes,
#: so the page is not its output): a page with any of them is read by ``HTMLParser``.
_RAW = frozenset({"script", "style", "textarea", "title", "xmp", "plaintext", "noscript"})

Call = tuple[str, Any, Any]


def parser_calls(data: str) -> list[Call] | None:
    """The handler calls ``HTMLParser`` makes for ``data``, in order, or None when ``data`` is
    not wholly HTML of the form above."""
    calls: list[Call] = []
    position = 0
    for match in _TOKEN.finditer(data):
        if match.start() != position:
            return None  # a "<" that opens no plain tag
        position = match.end()
        name, attributes, closing = match.groups()
        if name is not None:
            tag = name.lower()
            if tag in _RAW:
                return None
            calls.append(("start", tag, _attributes(attributes) if attributes else []))
        elif closing is not None:
            calls.append(("end", closing.lower(), None))
        else:
            text = match.group()
            calls.append(("data", html.unescape(text) if "&" in text else text, None))
    if position != len(data):
        return None
    return calls


def _attributes(text: str) -> list[tuple[str, str | None]]:
    return [
        (name.lower(), value if value is None or "&" not in value else html.unescape(value))
        for name, value in (match.groups() for match in _ATTRIBUTE.finditer(text))
    ]


def fast_parser(parser_class: type[Any]) -> type[Any]:
    """``parser_class`` (Material's search ``Parser``) fed through :func:`parser_calls` where
    the page allows it."""

    class FastParser(parser_class):  # type: ignore[misc]
        def feed(self, data: str) -> None:
            calls = parser_calls(data)
            if calls is None:
                super().feed(data)
                return
            for kind, first, second in calls:
                if kind == "data":
                    self.handle_data(first)
                elif kind == "start":
                    self.handle_starttag(first, second)
                else:
                    self.handle_endtag(first)

    return FastParser
