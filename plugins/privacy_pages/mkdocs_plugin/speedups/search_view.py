"""What Material's search plugin reads of a generated page: the page without the insides of the
elements it is told to skip.

Most of a comparison page and of the data-item index is cells marked ``data-search-exclude``
(the badges, the lists of products). Material's search parser skips their text, but it still
tokenizes every tag in them: at 200 products that was most of the time it spent on those pages.
Before it reads a generated page, the plugin hands it the page with each such element emptied
and stripped of its attributes (and a run of them as one), and gives the page its full HTML
back right after: the parser's sections and entries come out the same, and the reader's page is
unchanged.

The parser's state after an excluded element depends on what is inside only when the inside is
not plain, balanced HTML; so a page gets a view only when every excluded element's inside:

- opens and closes its tags in order (a mismatch anywhere: the page is left whole);
- holds no heading (a heading starts a section even inside an excluded element), and no
  element the parser treats specially (scripts, styles, objects, line-number blocks, other
  ``data-search-`` attributes).

This only holds for HTML as the sanitizer writes it (lowercase tags, every attribute quoted,
``<`` escaped in text), which is what every generated page is by the time search reads it.
Only the parser reads the view: Material's search plugin and the theme go on with the whole page.
The parser is fed by :mod:`.search_tokens`, which makes the same calls as ``HTMLParser``.
"""

from __future__ import annotations

import bisect
import hashlib
import logging
import re
import sys
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any, TypeGuard

from mkdocs.plugins import PluginCollection
from mkdocs.structure.pages import Page

from ...memo import MemoByKey
from ...render.sanitize import table_rows
from .search_tokens import fast_parser

#: A tag as the sanitizer writes it: every attribute value in double quotes, with no ``"`` in it.
#: Possessive: a ``<`` with no ``>`` after it split its text between the runs in exponentially
#: many ways (the sanitizer's tags read the same: a name ends where an HTML parser ends it).
_TAG = re.compile(r"""<(/?)([a-zA-Z][^\s/>\x00]*+)((?:[^>"\x00]++|"[^"\x00]*+")*+)>""")
_EXCLUDED = re.compile(r"""\sdata-search-exclude(?:=""|(?=[\s/>])|$)""")
#: A tag with a capital letter in its name: the sanitizer writes none.
_CAPITAL_TAG = re.compile(r"</?[a-z]*[A-Z]")
#: A ``<`` inside an attribute value (a value never holds ``"``): the page is left whole.
_LT_IN_VALUE = re.compile(r'="[^"]*<')
#: The same, or a value still open where a piece of the page ends.
_OPEN_OR_LT_IN_VALUE = re.compile(r'="[^"]*(?:<|\Z)')
#: A heading element, whole (headings do not nest).
_HEADING = re.compile(r"<(h[1-6])[\s>].*?</\1>", re.DOTALL)
_HEADING_NAMES = frozenset(f"h{level}" for level in range(1, 7))
#: A tag's name, with its slash if it closes, or the separator between two insides.
_TAG_NAME = re.compile(r"<(/?[a-zA-Z][^\s/>\x00]*)|\x00")
#: Elements without an end tag (the same list as Material's parser).
_VOID_NAMES = "area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr"
_VOID = re.compile(rf"<(?:{_VOID_NAMES})>")
_VOID_NAME = re.compile(rf"(?:{_VOID_NAMES})$")
_PAIR = re.compile(r"<([^/<>][^<>]*)></\1>")
#: What the page may not hold at all: markup this scan does not read as HTMLParser does, and
#: line-number blocks, which Material's parser skips as it skips excluded elements.
_UNREAD = ("<!", "<?", "<script", "<style", "<textarea", "<title", "<xmp", "<plaintext", "\x00")
#: What an element's inside may not hold: a heading (it starts a section even where text is
#: skipped), an element the parser treats specially, or another data-search attribute.
_NOT_PLAIN = re.compile(r"<(?:h[1-6]|script|style|object)[\s/>]|data-search-|linenodiv|</\s")


def _plain(html: str, piece: bool = False) -> bool:
    """Whether ``html`` is HTML as the sanitizer writes it, as far as the checks below need:
    nothing this scan does not read as ``HTMLParser`` does, no ``<`` in an attribute value,
    and no capital letter in a tag's name (the checks below read lowercase tags). A ``piece``
    of a page (see :meth:`RowViews.plain`) also may not leave a value open at its end."""
    if any(marker in html for marker in _UNREAD) or _CAPITAL_TAG.search(html):
        return False
    return not (_OPEN_OR_LT_IN_VALUE if piece else _LT_IN_VALUE).search(html)


def search_view(html: str, rows: RowViews | None = None) -> str | None:
    """``html`` with the inside of every ``data-search-exclude`` element left out, where that
    cannot change what Material's search parser finds; None when nothing is left out, or when
    any excluded element does not qualify (the parser then reads the whole page). ``rows``
    (under ``mkdocs serve``) keeps what each table row of the last build came to."""
    if "data-search-exclude" not in html or "linenodiv" in html:
        return None  # (a line-number block, which the parser also skips: leave it all to it)
    if rows is None:
        if not _plain(html):
            return None
        replacements = _replacements(html)
    else:
        pieces = list(table_rows(html))
        if not rows.plain(html, pieces):
            return None
        replacements = rows.replacements(html, pieces)
    if not replacements:
        return None
    parts, start = [], 0
    for begin, end, replacement in replacements:
        parts += [html[start:begin], replacement]
        start = end
    parts.append(html[start:])
    return "".join(parts)


Replacements = list[tuple[int, int, str]]
_MISSING: Any = object()


class RowViews(MemoByKey[tuple[bool | None, str], Replacements | None]):
    """What the rows of a page's tables come to in its view, by each row's HTML, from this
    build and the last (``mkdocs serve``: an edit to one product changes few rows of a
    comparison, and reading every row again was most of the view's time).

    A row on lines of its own (see :func:`~privacy_pages.render.sanitize.table_rows`) is read
    alone, and what lies between the rows is read piece by piece. That gives the page's own
    replacements when nothing crosses from one piece to the next: an excluded element that
    closes in the piece it opens in, each heading inside one piece, and no excluded row (a run
    of them would be one replacement). Otherwise the page is read whole."""

    def _row(self, row: str, keep_space: bool) -> Replacements | None:
        key = (keep_space, row)
        found = self.lookup(key, _MISSING)
        if found is _MISSING:
            found = _replacements(row, keep_space)
            self.keep(key, found)
        return found

    def plain(self, html: str, pieces: list[tuple[int, int]]) -> bool:
        """:func:`_plain` of ``html``, a row at a time (``pieces``: its rows, see
        :func:`~privacy_pages.render.sanitize.table_rows`). Nothing it looks for can cross
        from one piece to the next (a row starts with ``<tr``), except an attribute value:
        a piece with a value open at its end does not count as plain."""
        after = 0
        for begin, end in [*pieces, (len(html), len(html))]:
            if begin > after and not _plain(html[after:begin], piece=True):
                return False
            if end > begin:
                key = (None, html[begin:end])
                found = self.lookup(key, _MISSING)
                if found is _MISSING:
                    found = [] if _plain(key[1], piece=True) else None
                    self.keep(key, found)
                if found is None:
                    return False
            after = end
        return True

    def replacements(self, html: str, pieces: list[tuple[int, int]]) -> Replacements | None:
        """:func:`_replacements` of ``html``, a row at a time (``pieces``: as for
        :meth:`plain`)."""
        keep_space = "<pre" in html
        starts = [begin for begin, _ in pieces]
        for heading_start, heading_end in _heading_spans(html):
            index = bisect.bisect_left(starts, heading_end) - 1
            if index < 0 or pieces[index][1] <= heading_start:
                continue  # between rows
            if not pieces[index][0] <= heading_start < heading_end <= pieces[index][1]:
                return _replacements(html, keep_space)  # a heading across a row's edge
        found: Replacements = []
        after = 0  # where the last row ended
        for begin, end in [*pieces, (len(html), len(html))]:
            between = _replacements(html[after:begin], keep_space) if begin > after else []
            row = self._row(html[begin:end], keep_space) if end > begin else []
            if between is None or row is None:
                return _replacements(html, keep_space)
            if row and (row[0][0] == 0 or row[-1][1] == end - begin):
                return _replacements(html, keep_space)  # an excluded row
            found += [(after + b, after + e, text) for b, e, text in between]
            found += [(begin + b, begin + e, text) for b, e, text in row]
            after = end
        return found


def _heading_spans(html: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _HEADING.finditer(html)]


def _replacements(html: str, keep_space: bool | None = None) -> Replacements | None:
    """What to put in place of each excluded element, or None if any does not qualify.

    An excluded element becomes the same element without attributes or inside. A run of them
    with only white space between becomes one, or two around the run's first white space: the
    parser turns the pieces of white space between skipped elements into one space at most,
    and the second element keeps that white space apart from the text after the run. A heading
    keeps its tag (its id names its section), and white space is kept as it is inside
    headings and ``<pre>``, where the parser keeps each piece."""
    found: list[list[Any]] = []  # [begin, end, replacement, joins with a next one]
    insides: list[str] = []
    headings = _heading_spans(html)
    next_heading = 0  # the first heading that does not end before the element
    keep_space = "<pre" in html if keep_space is None else keep_space
    closing: dict[str, str] = {}
    after = 0  # where the last excluded element ended
    position = html.find("data-search-exclude")
    while position != -1:
        if position < after:
            return None  # an excluded element inside another: its inside is not plain
        tag_start = html.rfind("<", 0, position)  # every "<" opens a tag (checked above)
        tag = _TAG.match(html, tag_start)
        if tag is None or tag.end() <= position or tag.group(1):
            return None
        name, attributes = tag.group(2, 3)
        if not _excluded(attributes):
            return None  # the words in some attribute's value: not understood here
        if _VOID_NAME.match(name):
            return None  # the parser never skips a void element, nor what follows it
        if attributes.rstrip().endswith("/"):
            after = tag.end()  # self-closed: nothing inside, left as it is
            position = html.find("data-search-exclude", after)
            continue
        close = closing.get(name) or closing.setdefault(name, f"</{name}>")
        end = html.find(close, tag.end())
        if end == -1:
            return None
        # (An element of the same name inside would leave this inside unbalanced: Material's
        # parser matches skipped elements by name. What an inside holds is checked for all of
        # them at once, below.)
        insides.append(html[tag.end() : end])
        after = end + len(close)
        position = html.find("data-search-exclude", after)
        while next_heading < len(headings) and headings[next_heading][1] <= tag_start:
            next_heading += 1
        if name in _HEADING_NAMES or (
            next_heading < len(headings) and headings[next_heading][0] <= tag_start
        ):
            found.append([tag.end(), end, "", False])  # the tag stays; its inside goes
            continue
        last = found[-1] if found else None
        if last is not None and last[3] and not keep_space:
            gap = html[last[1] : tag_start]
            if not gap or gap.isspace():
                last[1] = after
                if gap and last[2].count("<") == 2:  # the run's first white space
                    last[2] += f"{gap}<{name} data-search-exclude></{name}>"
                continue
        found.append([tag_start, after, f"<{name} data-search-exclude></{name}>", True])
    joined = "\x00".join(insides)
    if _NOT_PLAIN.search(joined) or not _balanced(joined):
        return None
    return [(begin, end, replacement) for begin, end, replacement, _ in found]


def _excluded(attributes: str) -> bool:
    """Whether a tag's ``attributes`` hold ``data-search-exclude`` as an attribute, not as
    words inside another attribute's value (after an odd number of quotes)."""
    usual = attributes.find(' data-search-exclude=""')  # as the templates write it
    if usual != -1 and attributes.count('"', 0, usual) % 2 == 0:
        return True
    return any(
        attributes.count('"', 0, match.start()) % 2 == 0 for match in _EXCLUDED.finditer(attributes)
    )


def _balanced(joined: str) -> bool:
    """Whether each inside (``joined`` by NUL) closes every tag it opens, in order (the
    parser's state after it is then the state before it). All insides at once, so that the
    work runs in the regex engine: their tags, by name only, reduced pair by pair from the
    innermost."""
    if "/>" in joined:
        return False  # a self-closed element (or the characters in a value): not vouched for
    tags = _VOID.sub("", "<" + "><".join(_TAG_NAME.findall(joined)) + ">")
    while True:
        reduced = _PAIR.sub("", tags)
        if reduced == tags:
            return not tags.replace("<>", "")  # only the separators are left
        tags = reduced


class SearchEntries(MemoByKey[tuple[Any, ...], list[dict[str, Any]]]):
    """The entries Material's search made of each generated page, by what they are made from:
    the page's address, the meta data they read and a digest of the view the parser read, from
    this build and the last (``mkdocs serve``: an edit to one product changes the cells of the
    data-item index and of a comparison that search skips, and parsing those megabytes again
    was most of what search did in a rebuild). The sections' addresses come from the view's
    heading ids, as the page's table of contents does."""

    @staticmethod
    def key(page: Page, parsed: str) -> tuple[Any, ...]:
        meta = page.meta
        search = meta.get("search")
        return (
            page.url,
            str(meta.get("title", page.title)),
            repr(meta.get("tags")),
            repr(search.get("boost")) if isinstance(search, dict) else None,
            hashlib.blake2b(parsed.encode("utf-8", "surrogatepass")).digest(),
        )


def _copies(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: list(v) if isinstance(v, list) else v for k, v in e.items()} for e in entries]


log = logging.getLogger(f"mkdocs.plugins.{__name__}")
_NOT_EXPECTED = (
    "privacy-pages: Material's search plugin is not the version the speedups expect (%s): "
    "it reads the generated pages with its own code (the same index, built slower)"
)


def _parser_as_expected(parser: object) -> TypeGuard[type[HTMLParser]]:
    """Whether Material's search ``Parser`` is what :func:`.fast_parser` feeds: an
    ``HTMLParser`` whose handlers take the calls it makes."""
    return isinstance(parser, type) and issubclass(parser, HTMLParser)


def read_views(
    index: Any,
    is_generated: Callable[[Page], bool],
    rows: RowViews | None = None,
    made: SearchEntries | None = None,
) -> None:
    """Have Material's search ``index`` parse the search view of each generated page (the page
    itself keeps its whole HTML), with its parser fed by :mod:`.search_tokens`; ``rows``: see
    :func:`search_view`; ``made``: the entries of the pages parsed before, reused when what
    they were made from is the same."""
    original = getattr(index, "add_entry_from_context", None)
    if not callable(original):
        log.info(_NOT_EXPECTED, "its index has no add_entry_from_context")
        return
    module: Any = sys.modules.get(type(index).__module__)
    parser = getattr(module, "Parser", None)
    if not _parser_as_expected(parser) or not isinstance(getattr(index, "entries", None), list):
        log.info(_NOT_EXPECTED, "its Parser is no html.parser.HTMLParser, or no list of entries")
        return
    fast = fast_parser(parser)

    def add_entry_from_context(page: Page) -> None:
        search = page.meta.get("search")
        excluded = isinstance(search, dict) and search.get("exclude")
        if excluded or not is_generated(page):  # (an excluded page: Material skips it)
            original(page)
            return
        view = search_view(page.content or "", rows)
        whole = page.content
        key = None
        if made is not None:
            key = made.key(page, whole or "" if view is None else view)
            found = made.lookup(key, None)
            if found is not None:
                index.entries.extend(_copies(found))
                return
        start = len(index.entries) if key is not None else 0
        if view is not None:
            page.content = view
        module.Parser = fast  # the parser Material's method makes, for this call only
        try:
            original(page)
        finally:
            page.content = whole
            module.Parser = parser
        if made is not None and key is not None:
            made.keep(key, _copies(index.entries[start:]))

    index.add_entry_from_context = add_entry_from_context


def read_views_in_material(
    plugins: PluginCollection,
    is_generated: Callable[[Page], bool],
    rows: RowViews | None,
    made: SearchEntries | None = None,
) -> None:
    """:func:`read_views` on the index of Material's search plugin, if the site has it (it
    makes its index anew in its ``on_config``, each build), and
    :func:`strip_only_what_is_there` on its ``on_page_context``."""
    for plugin in plugins.values():
        if type(plugin).__module__.startswith("material.plugins.search"):
            index = getattr(plugin, "search_index", None)
            if index is not None:
                read_views(index, is_generated, rows, made)
                strip_only_what_is_there(plugins, plugin, is_generated)


#: What Material's search plugin removes from each page once it has indexed it, an attribute
#: ``data-search-*`` with a value (its pattern: ``\s?data-search-\w+="[^"]+"``), found by its
#: literal start: a scan of a few milliseconds where Material's pattern takes 80 ms on the
#: data-item index at 200 products.
_VALUED_SEARCH_ATTRIBUTE = re.compile(r'data-search-\w+="[^"]')
#: The names Material's ``on_page_context`` uses (9.x): it indexes the page, then strips those
#: attributes with ``re.sub``. Any other version is left as it is.
_MATERIAL_PAGE_CONTEXT = frozenset(
    {"config", "enabled", "search_index", "add_entry_from_context", "re", "sub", "content"}
)


def strip_only_what_is_there(
    plugins: PluginCollection, search: Any, is_generated: Callable[[Page], bool]
) -> None:
    """Have Material's search plugin skip its attribute strip on a generated page that holds
    no attribute it would strip: the generated pages mark their skipped cells with
    ``data-search-exclude=""``, which its pattern never matches, and scanning the megabytes of
    the data-item index for it in each language was most of its time on that page."""
    method: Callable[..., Any] | None = getattr(search, "on_page_context", None)
    code = getattr(getattr(method, "__func__", None), "__code__", None)
    if method is None or code is None or not set(code.co_names) <= _MATERIAL_PAGE_CONTEXT:
        log.info(_NOT_EXPECTED, "its on_page_context does more than index and strip")
        return
    handlers = plugins.events.get("page_context", [])
    where = next((i for i, handler in enumerate(handlers) if handler == method), None)
    if where is None:
        return

    def on_page_context(context: Any, /, *, page: Page, config: Any, nav: Any) -> Any:
        if (
            not search.config.enabled
            or not is_generated(page)
            or _VALUED_SEARCH_ATTRIBUTE.search(page.content or "")
        ):
            return method(context, page=page, config=config, nav=nav)
        search.search_index.add_entry_from_context(page)  # (its strip would remove nothing)
        return None

    on_page_context.mkdocs_priority = getattr(method, "mkdocs_priority", 0)  # type: ignore[attr-defined]
    handlers[where] = on_page_context
    origins = getattr(plugins, "_event_origins", None)
    if isinstance(origins, dict) and method in origins:  # (named in MkDocs' error messages)
        origins[on_page_context] = origins[method]
