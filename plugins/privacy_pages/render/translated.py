"""A page in another language than the records': where it shows text that is not a current
translation, it says so, in the page's language, right there.

The language's model (see :mod:`privacy_pages.load.translations`) holds the source text where
a translation is missing, or stale with ``stale_translations: source``, and the earlier
translation where it is stale with ``previous``. Those texts are known by value: the filters
that print content (``md``, ``cell``, ``text``, ``html``...) look each printed text up and add
the notice after it; English text inline is marked ``lang="en"`` for screen readers.

What a language's pages show in place of translations (:class:`Showing`) reaches the code that
renders them as an argument, beside the language's messages; templates find both in their
language's Jinja environment (``templates.page_environment``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from markdown.extensions.toc import slugify

from ..load.translations import Language, Shown, StaleShows
from ..markdown_text import MarkdownSafe, is_paragraph
from ..messages import N_, SOURCE_LANGUAGE, Messages
from ..model import Dataset

#: What the notice says after a text, by what the text is.
NOTICES: Mapping[StaleShows, str] = {
    "source": N_("not yet translated"),
    "previous": N_("changed in English since it was translated"),
}


@dataclass(frozen=True, eq=False)  # (told apart by identity: a Jinja environment is made per one)
class Showing:
    """What the pages of a language show in place of translations (nothing, in the records'
    own language): what render code is given with the language's messages."""

    fallbacks: Mapping[str, Shown] = field(default_factory=dict)
    #: The record files with no translation in the language at all.
    untranslated: frozenset[str] = frozenset()
    #: What each product's record and the other records add to ``fallbacks`` (see
    #: :meth:`shared` and :meth:`of_record`).
    product_fallbacks: Mapping[Path, object] = field(default_factory=dict)
    shared_fallbacks: Mapping[Path, object] = field(default_factory=dict)
    #: Whether the page is in another language than the records' (a text may get a notice).
    translated: bool = False
    #: Each source text with a current translation → that translation.
    translations: Mapping[str, str] = field(default_factory=dict)

    def shared(self) -> object:
        """What every page of the language shows in place of translations: the records with
        none, and the fallbacks of the records that are neither products nor the catalog (the
        categories, the comparisons)."""
        return (sorted(self.untranslated), sorted(self.shared_fallbacks.items()))

    def of_record(self, value: object) -> object:
        """What a product's own page shows in place of its translations (None for anything
        else than a product). (The notices of every text a page shows are compared too: see
        :func:`texts_noticed`.)"""
        file = getattr(value, "file", None)
        return self.product_fallbacks.get(file) if isinstance(file, Path) else None

    @classmethod
    def of(cls, language: Language | None, source: Dataset | None = None) -> Showing:
        """What the pages of ``language`` show (None: the records' own language); ``source``:
        the records' own model, whose catalog items and categories are named in the
        language's model too (a release names them as the records did)."""
        if language is None:
            return NOTHING_SHOWN
        return cls(
            language.fallbacks,
            frozenset(language.untranslated),
            language.product_fallbacks,
            language.shared_fallbacks,
            translated=True,
            translations=_translations(language, source),
        )

    def in_page_words(self, text: str) -> str:
        """A text of the records (a name a release recorded) in the page's language, where
        the records translate it; else as it is (and a page in another language notes it)."""
        return self.translations.get(text, text)

    def is_untranslated(self, record: str) -> bool:
        """Whether a record (its file, as shown to writers) has no translation in the
        language."""
        return record in self.untranslated


#: What a page in the records' own language shows: their texts, as they are.
NOTHING_SHOWN = Showing()


class Views:
    """:meth:`Showing.of`, made once for the same language and records while this lives (a
    build's pages of a release's version in a language are many, and each view is a Jinja
    environment of its own: see ``templates.page_environment``)."""

    def __init__(self) -> None:
        self._made: dict[tuple[int, int], tuple[Language, Dataset | None, Showing]] = {}

    def __call__(self, language: Language | None, source: Dataset | None = None) -> Showing:
        if language is None:
            return NOTHING_SHOWN
        key = (id(language), id(source))
        kept = self._made.get(key)
        if kept is None or kept[0] is not language or kept[1] is not source:
            kept = self._made[key] = (language, source, Showing.of(language, source))
        return kept[2]


def _translations(language: Language, source: Dataset | None) -> dict[str, str]:
    """Each source text with a current translation → that translation: the records' texts,
    and the names of the catalog's items and of the categories (translated once, shown by
    every product that names them)."""
    found = {english: text for text, english in language.sources.items()}
    if source is not None:
        translated = language.dataset
        for names, others in (
            (source.catalog, translated.catalog),
            (source.categories, translated.categories),
        ):
            for key, thing in names.items():
                other = others.get(key)
                said = getattr(other, "name", None)
                if said and said != thing.name and said not in language.fallbacks:
                    found.setdefault(thing.name, said)
    return found


#: The texts looked up for a notice while rendering a page (or a part of one) that
#: :func:`texts_noticed` records; None when none is. (Not the page's language, which is an
#: argument: what ``mkdocs serve`` keeps a page by, gathered from every filter that printed a
#: text of it, in whichever template or macro.)
_looked_up: ContextVar[set[str] | None] = ContextVar("privacy_pages_looked_up", default=None)

#: What a page's notices were made from: each text it looked up, with what it was then.
Notices = tuple[tuple[str, Shown | None], ...]


@contextmanager
def texts_noticed(showing: Showing) -> Iterator[set[str] | None]:
    """Record the texts the content filters look up for a notice while rendering a page in
    another language (None in the records' own, where none gets one). A page shows a notice
    after any text that is not a current translation, whichever record it comes from: what
    it looked up is what its notices depend on (see :func:`notices_of`)."""
    if not showing.translated:
        yield None
        return
    outer = _looked_up.get()
    looked: set[str] = set()
    token = _looked_up.set(looked)
    try:
        yield looked
    finally:
        _looked_up.reset(token)
        if outer is not None:  # a part rendered for a page records for the page too
            outer.update(looked)


def notices_of(showing: Showing, texts: set[str] | None) -> Notices:
    """What each of ``texts`` shows in place of a translation now (see :func:`texts_noticed`)."""
    if not texts:
        return ()
    fallbacks = showing.fallbacks
    return tuple((text, fallbacks.get(text)) for text in texts)


def notices_as_before(showing: Showing, notices: Notices) -> bool:
    """Whether the texts of a page rendered before show as they did then; a page reused
    records its texts for the page it is part of, as rendering it would."""
    fallbacks = showing.fallbacks
    if any(fallbacks.get(text) != shown for text, shown in notices):
        return False
    outer = _looked_up.get()
    if outer is not None:
        outer.update(text for text, _ in notices)
    return True


#: How HTML converted from a Markdown field starts when it is a block (see
#: ``templates.html_markdown``).
_BLOCK_HTML = re.compile(r"<(?:p|ul|ol|dl|blockquote|pre|table|div|h[1-6]|hr|figure)[\s/>]")
#: The list and quote markers a one-line Markdown text starts with: they stay outside the
#: span that marks its text, so that the block they start is still one.
#: (Possessive: the spaces after a marker are never given back to the next marker's indent,
#: which made a failing match on "  *  *  *" take exponential time.)
_LINE_MARKERS = re.compile(r"(?:[ ]{0,3}(?:(?:[-+*]|\d+[.)])[ \t]++|>[ \t]*+))+")


#: A content filter with the notices of the page's language: the text, what the page shows in
#: place of translations, and the messages the notice is said in.
Noticed = Callable[[object, Showing, Messages], MarkdownSafe]


class InPage:
    """A value a template prints as the page it is printed on says it: with the notices of
    that page's language (made from the model once, printed on the pages of every language)."""

    def in_page(self, showing: Showing, said: Messages) -> MarkdownSafe:
        raise NotImplementedError


def noticed(convert: Callable[[object], MarkdownSafe]) -> Noticed:
    """A content filter that adds the notice after a text that is not a current translation
    (in ``said``'s language, the page's)."""

    def convert_noticed(value: object, showing: Showing, said: Messages) -> MarkdownSafe:
        converted = convert(value)
        looked = _looked_up.get()
        if looked is not None and isinstance(value, str):
            looked.add(value)
        fallbacks = showing.fallbacks
        shown = fallbacks.get(value) if fallbacks and isinstance(value, str) else None
        if shown is None:
            return converted
        # (A product with no translation at all says so once, at its page's top.)
        notice = None if shown == "untranslated" else html.escape(said.gettext(NOTICES[shown]))
        text = str(converted)
        if shown != "previous" and "\n" in text:  # Markdown blocks: each paragraph marked
            return MarkdownSafe(_english_paragraphs(text, notice, said.language))
        if shown != "previous":  # on one line: mark the English as English
            text = _english_line(text)
        if notice is None:
            return MarkdownSafe(text)
        return MarkdownSafe(f'{text} <small class="pp-translation-notice">({notice})</small>')

    return convert_noticed


def _english_line(text: str) -> str:
    """A text on one line marked English: a block of raw HTML (a description converted for
    the index) in a ``<div>``, anything else in a ``<span>`` after its list or quote markers."""
    if _BLOCK_HTML.match(text):
        return f'<div lang="{SOURCE_LANGUAGE}">{text}</div>'
    markers = _LINE_MARKERS.match(text)
    start = markers.end() if markers else 0
    return f'{text[:start]}<span lang="{SOURCE_LANGUAGE}">{text[start:]}</span>'


_PARAGRAPH_BREAK = re.compile(r"(\n\n+)")


def _english_paragraphs(markdown: str, notice: str | None, page_language: str) -> str:
    """A Markdown text shown in English, each of its paragraphs marked ``lang="en"`` with an
    attribute list, the text of each item of its simple lists in a ``<span lang="en">`` (an
    attribute list cannot mark an item; a list with nested blocks stays as it is), and the
    notice (if any), in the page's language, at the end of its last part."""
    parts = _PARAGRAPH_BREAK.split(markdown)
    language = html.escape(page_language, quote=True)
    for index in range(0, len(parts), 2):
        part = parts[index]
        paragraph = is_paragraph(part)
        if not paragraph:
            marked = _english_items(part)
            if marked == part and "\n" not in part and _LINE_MARKERS.match(part):
                marked = _english_line(part)  # a quote on one line
            part = marked
        if index == len(parts) - 1 and notice is not None:
            own = f' lang="{language}"' if paragraph else ""
            part += f' <small class="pp-translation-notice"{own}>({notice})</small>'
        if paragraph:
            part += f'\n{{: lang="{SOURCE_LANGUAGE}" }}'
        parts[index] = part
    return "".join(parts)


#: An item of a list at the top level of a text: its marker, then its text.
_TOP_ITEM = re.compile(r"((?:[-+*]|\d+\.)[ \t]+)(\S.*)")
#: A line that continues the item before it, or that starts a nested block.
_NESTED_START = re.compile(r"[ \t]*(?:[-+*]|\d+\.)(?:[ \t]|$)|[ ]{4}|\t")


def _english_items(part: str) -> str:
    """A list whose items are each one paragraph (a line of its marker, then lines that
    continue it), with each item's text marked English; anything else as it is."""
    lines = part.split("\n")
    if not _TOP_ITEM.fullmatch(lines[0]):
        return part
    items: list[list[str]] = []
    for line in lines:
        found = _TOP_ITEM.fullmatch(line)
        if found:
            items.append([found.group(1), found.group(2)])
        elif not line.strip() or _NESTED_START.match(line):
            return part  # a nested list or block: left as it is
        else:
            items[-1].append(line)
    return "\n".join(
        f'{marker}<span lang="{SOURCE_LANGUAGE}">' + "\n".join(text) + "</span>"
        for marker, *text in items
    )


_NOTICE = re.compile(r' <small class="pp-translation-notice">\([^<]*\)</small>')
_HEADING = re.compile(r"^(#{1,6}) ((?:.*\S)?)\s*$")
_TAG = re.compile(r"<[^<>]+>")
_HEADING_LINE = re.compile(r"\n(#[^\n]*)")
_ESCAPE = re.compile(r"\\(.)")


def language_headings(markdown: str, sources: Mapping[str, str]) -> str:
    """A page's Markdown in another language, with its headings as readers and links need them:

    - no notices in a heading (the section under it carries them);
    - a heading whose text translates a source text (a section's name, a record's heading)
      keeps the id the source text gives it, so that the links of the records, written with
      the source's ids (``[required](#required-data)``), lead where they do in English.

    ``sources``: each translation of the page's language → its source text."""
    if "#" not in markdown:
        return markdown

    def heading(line: re.Match[str]) -> str:
        found = _HEADING.match(_NOTICE.sub("", line.group(1)))
        if found is None or found.group(2).endswith("}"):
            return line.group()
        marks, text = found.groups()
        plain = html.unescape(_ESCAPE.sub(r"\1", _TAG.sub("", text))).strip()
        source = sources.get(plain)
        anchor = slugify(source, "-") if source else ""
        return f"\n{marks} {text} {{: #{anchor} }}" if anchor else f"\n{marks} {text}"

    # Only the lines that start with "#", each found after its line break: the data-item index
    # is megabytes of other lines (and a pattern that starts with "^" is tried at every
    # character, one that starts with "\n#" only where those are).
    return _HEADING_LINE.sub(heading, "\n" + markdown)[1:]


def heading_sources(language: Language | None, said: Messages) -> dict[str, str]:
    """What :func:`language_headings` reads: the records' translations, and the messages of
    the pages' language (``said``: section names), each → its source text."""
    sources = dict(language.sources) if language is not None else {}
    catalog = getattr(said.translations, "_catalog", {})  # gettext's msgid → msgstr
    for msgid, msgstr in catalog.items():
        if isinstance(msgid, str) and msgid and isinstance(msgstr, str):
            sources.setdefault(msgstr, msgid)
    return sources
