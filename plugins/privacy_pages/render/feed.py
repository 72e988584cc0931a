"""The Atom feed of changes (``changes.xml``): one entry per release and statement.

Built with :mod:`xml.etree.ElementTree`, so every value is XML-escaped. Links are absolute when
the site's URL is known (MkDocs' ``site_url``), and relative to the feed otherwise — the feed
sits at the root of the site, so relative links still resolve for readers that fetch it there.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from functools import cache
from typing import Any
from urllib.parse import urljoin, urlsplit

import markdown

from ..history.notes import ChangeNote
from ..history.releases import History, Release
from ..messages import N_, Messages
from ..model import Dataset
from ..settings import Settings
from ..version import __version__
from .change_notes import MarkedNote
from .paths import changes_page_path, feed_path, page_url, versions_page_path
from .sanitize import sanitize_html
from .templates import page_environment
from .translated import NOTHING_SHOWN, Showing

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
#: The feed's title and subtitle (messages: translated as the feed is written).
FEED_TITLE = N_("Privacy statements: what changed")
#: The feed's author when the site names its statements' nav section as by default.
DEFAULT_AUTHOR = N_("Privacy statements")
FEED_SUBTITLE = N_("Each release of the privacy statements, with what changed in each.")
_PARAGRAPH = re.compile(r"^<p>|</p>$")


def _timestamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


class _Links:
    """Absolute links under ``site_url``, or links relative to the feed at the site root."""

    def __init__(self, settings: Settings) -> None:
        base = settings.site_url
        self.base = base if not base or base.endswith("/") else f"{base}/"
        self.directory_urls = settings.directory_urls
        self.settings = settings

    def url(self, target: str) -> str:
        return urljoin(self.base, target) if self.base else target

    def page(self, path: str, fragment: str = "") -> str:
        url = self.url(page_url(path, self.directory_urls))
        return f"{url}#{fragment}" if fragment else url

    def entry_id(self, product_id: str, release: Release) -> str:
        """A permanent, unique id: a ``tag:`` URI under the site's host, else a name-based UUID."""
        name = f"{self.settings.pages_dir}/{product_id}/{release.version}"
        if self.base:
            parts = urlsplit(self.base)
            if parts.hostname:
                path = parts.path.strip("/")
                prefix = f"{path}/" if path else ""
                return f"tag:{parts.hostname},{release.date.isoformat()}:{prefix}{name}"
        return uuid.uuid5(uuid.NAMESPACE_URL, f"privacy-pages:{name}").urn

    def feed_id(self) -> str:
        if self.base:
            return self.url(feed_path(self.settings))
        return uuid.uuid5(uuid.NAMESPACE_URL, f"privacy-pages:{self.settings.pages_dir}").urn


def _author(settings: Settings) -> str:
    """The site's name for its statements (the nav section's), in the feed's language when the
    site keeps the default."""
    if settings.nav_title == Settings.nav_title:
        return settings.messages.gettext(DEFAULT_AUTHOR)
    return settings.nav_title


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def _note_lines(notes: Iterable[ChangeNote], settings: Settings, showing: Showing) -> list[str]:
    """Each note as HTML, from the Markdown line the pages print (``change-note.md.j2``):
    content's bold and links rendered, and cleaned like every generated page."""
    env = page_environment(settings.templates_dir, settings.messages, showing)
    macros: Any = env.get_template("change-note.md.j2").module
    converter = _converter()
    lines = []
    for note in notes:
        converted = converter.reset().convert(str(macros.line(MarkedNote.of(note))))
        lines.append(sanitize_html(_PARAGRAPH.sub("", converted)).strip())
    return lines


@cache
def _converter() -> markdown.Markdown:
    """Python-Markdown with its core syntax, made once (making one costs more than a note)."""
    return markdown.Markdown()


def _reworded_head(said: Messages, reworded: list[str]) -> str:
    """The line the pages fold rewording under ("3 texts reworded")."""
    return said.ngettext("%(num)d text reworded", "%(num)d texts reworded", len(reworded))


def _content_html(
    said: Messages, lines: list[str], reworded: list[str], first: bool, release: Release
) -> str:
    """The entry as the pages say it: what changed, then what was only reworded (a feed
    reader cannot fold it: it follows under its own line)."""
    items = []
    if first:
        text = said.gettext("First published in release %(version)s.", version=release.version)
        items.append(f"<p>{html.escape(text)}</p>")
    if lines:
        items.append("<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>")
    if reworded:
        items.append(f"<p>{html.escape(_reworded_head(said, reworded))}</p>")
        items.append("<ul>" + "".join(f"<li>{line}</li>" for line in reworded) + "</ul>")
    return "".join(items)


def _plain(line: str) -> str:
    """A note's HTML as the text a reader reads (the summary is plain text)."""
    return " ".join(html.unescape(_without_tags(line)).split())


def _without_tags(line: str) -> str:
    """``re.sub(r"<[^>]+>", "", line)``: each tag, from a ``<`` to the next ``>``, removed. In one
    pass: the pattern read from each ``<`` to the line's end when no ``>`` came (quadratic)."""
    out: list[str] = []
    copied = searched = 0
    while (start := line.find("<", searched)) != -1:
        if line.startswith(">", start + 1):  # "<>" is no tag
            searched = start + 1
            continue
        end = line.find(">", start + 1)
        if end == -1:  # no ">" after this "<", nor after any later one
            break
        out.append(line[copied:start])
        copied = searched = end + 1
    return "".join(out) + line[copied:]


def _summary(
    said: Messages, lines: list[str], reworded: list[str], first: bool, release: Release
) -> str:
    if first and not lines and not reworded:
        return said.gettext("First published in release %(version)s.", version=release.version)
    head = said.ngettext(
        "%(num)d change in release %(version)s",
        "%(num)d changes in release %(version)s",
        len(lines) + len(reworded),
        version=release.version,
    )
    notes = [_plain(line) for line in lines]
    if reworded:
        # TRANSLATORS: in a feed entry's summary: "2 texts reworded: Summary: …; Notes: …".
        notes.append(
            said.gettext(
                "%(head)s: %(notes)s",
                head=_reworded_head(said, reworded),
                notes="; ".join(_plain(line) for line in reworded),
            )
        )
    # TRANSLATORS: a feed entry's summary: how many changes, then each of them.
    return said.gettext("%(changes)s: %(notes)s", changes=head, notes="; ".join(notes))


def atom_feed(
    history: History, dataset: Dataset, settings: Settings, showing: Showing = NOTHING_SHOWN
) -> str:
    """The Atom document: the newest release first, one entry for each statement it touched;
    in the language of ``settings``, with the records' texts as ``showing`` shows them."""
    said = settings.messages
    links = _Links(settings)
    feed = ET.Element("feed", {"xmlns": ATOM_NAMESPACE})
    _sub(feed, "id", links.feed_id())
    _sub(feed, "title", said.gettext(FEED_TITLE))
    _sub(feed, "subtitle", said.gettext(FEED_SUBTITLE))
    latest = history.latest
    _sub(feed, "updated", _timestamp(latest.date) if latest else "1970-01-01T00:00:00Z")
    _sub(feed, "link", rel="self", type="application/atom+xml", href=links.url(feed_path(settings)))
    _sub(
        feed,
        "link",
        rel="alternate",
        type="text/html",
        href=links.page(changes_page_path(settings)),
    )
    author = _sub(feed, "author")
    _sub(author, "name", _author(settings))
    _sub(feed, "generator", "privacy-pages", version=__version__)
    for release in history.newest_first:
        for product_id in release.products:
            notes = release.notes(product_id, said, showing.in_page_words)
            first = release.first_published(product_id)
            name = release.product_names.get(product_id) or release.changes.name_of(product_id)
            entry = _sub(feed, "entry")
            _sub(entry, "id", links.entry_id(product_id, release))
            if first and not notes:
                title = said.gettext(
                    "%(product)s: first published in release %(version)s",
                    product=name,
                    version=release.version,
                )
            else:
                title = said.gettext(
                    "%(product)s: changes in release %(version)s",
                    product=name,
                    version=release.version,
                )
            _sub(entry, "title", title)
            _sub(entry, "updated", _timestamp(release.date))
            _sub(entry, "published", _timestamp(release.date))
            if product_id in dataset.products:
                page = f"{settings.pages_dir}/{product_id}.md"
                href = links.page(page, release.anchor)
            else:
                href = links.page(changes_page_path(settings), release.anchor)
            _sub(entry, "link", rel="alternate", type="text/html", href=href)
            before = history.version_before(release, product_id)
            if (
                before is not None
                and product_id in dataset.products
                and not history.entry_compares(product_id, before.version, release.version)
            ):  # a comparison page (else the entry, the alternate link, says what changed)
                compared = versions_page_path(settings, product_id, before.version, release.version)
                href = links.page(compared)  # (in the feed's language, as every version's page)
                _sub(entry, "link", rel="related", type="text/html", href=href)
            lines = _note_lines(notes.changed, settings, showing)
            reworded = _note_lines(notes.reworded, settings, showing)
            summary = _summary(said, lines, reworded, first, release)
            _sub(entry, "summary", summary, type="text")
            content = _content_html(said, lines, reworded, first, release)
            _sub(entry, "content", content, type="html")
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'
