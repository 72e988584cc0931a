"""The last step for HTML made from content: an allowlist sanitizer (nh3).

Text from content reaches pages as escaped Markdown (:mod:`privacy_pages.markdown_text`), and the loader
refuses unsafe link targets at their ``file:line``. Neither can follow every way a Markdown
converter and its extensions build a link, so the HTML that comes out is cleaned as well:
only the elements and attributes that privacy pages use are kept, and links and images may
only point at ``http(s):``, ``mailto:`` or relative URLs (an obfuscated ``javascript:``, with
a tab or an entity inside, is read the way a browser reads it, and dropped).

Hand-written pages are the site's own, so only the blocks generated into them are cleaned:
:func:`mark_generated` wraps a block's Markdown in comments that :func:`sanitize_marked` finds
in the page's HTML.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from functools import cache

import nh3

from ..memo import MemoByKey

#: The elements of privacy pages: text, lists, tables, notes, code, and the comparison tables'
#: figures and captions.
TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd",
        "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
        "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q",
        "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "u", "ul",
    }
)  # fmt: skip
#: Attributes by element (``*``: any element). ``data-*`` (the comparison tables sort and
#: filter by ``data-pp-*``; a site's template overrides may add their own) and ``aria-*`` are
#: allowed on any element too: neither can run anything.
ATTRIBUTES = {
    "*": {"class", "id", "title", "role", "lang", "dir", "hidden"},
    "a": {"href", "rel"},
    "img": {"src", "alt", "title", "loading", "width", "height"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
}
ATTRIBUTE_PREFIXES = frozenset({"data-", "aria-"})
URL_SCHEMES = frozenset({"http", "https", "mailto"})
#: What a ``style`` may set: the alignment of table columns (Markdown tables write it).
STYLE_PROPERTIES = frozenset({"text-align"})


def sanitize_html(html: str) -> str:
    """``html`` with every element, attribute and URL outside the allowlist removed (the text
    inside a removed element is kept; a script's or style's is not)."""
    return _cleaner().clean(html)


@cache
def _cleaner() -> nh3.Cleaner:
    # One sanitizer for the process: building one per call cost more than cleaning a row.
    return nh3.Cleaner(
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        generic_attribute_prefixes=set(ATTRIBUTE_PREFIXES),
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
        filter_style_properties=set(STYLE_PROPERTIES),
    )


BEGIN = "<!-- privacy-pages:generated -->"
END = "<!-- /privacy-pages:generated -->"
_MARKED = re.compile(re.escape(BEGIN) + r"(.*?)" + re.escape(END), re.DOTALL)


def mark_generated(markdown: str) -> str:
    """A generated block's Markdown between two comments that survive Markdown conversion as
    they are (each is an HTML block of its own)."""
    return f"{BEGIN}\n\n{markdown}\n\n{END}"


def sanitize_marked(html: str, memo: RowMemo | None = None) -> str:
    """The HTML of a hand-written page with every marked block cleaned, and the marks gone."""
    if BEGIN not in html:
        return html
    return _MARKED.sub(lambda match: sanitize_rows(match.group(1), memo).strip(), html)


#: What a table row cleaned on its own must not hold (after its own ``<tr``): another table's
#: structure, a second row, or markup that changes how the text after it is read (comments,
#: processing instructions, raw-text elements). Tag names are prefixes, in any case: ``col``
#: also stands for ``colgroup``, and a tag that merely starts alike keeps a row in the page.
_NOT_ALONE_TAGS = (
    "tr", "table", "tbody", "thead", "tfoot", "caption", "col", "template", "script", "style",
    "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    "select", "math", "svg",
)  # fmt: skip
_NOT_ALONE = re.compile(
    r"<[!?]|</(?![A-Za-z])|</?(?:"  # "</" and no letter: a comment, to the next ">"
    + "|".join("".join(f"[{c}{c.upper()}]" for c in name) for name in _NOT_ALONE_TAGS)
    + ")"
)  # classes, not IGNORECASE: this runs over every row, and is faster so
#: A tag that its quotes leave open (a ">" or "<" inside an attribute value, or a quote that does
#: not close): the "</tr>" that seems to end the row might be inside it. Possessive, so that the
#: match cannot give back a quote and end early.
_OPEN_TAG = re.compile(r"""<[A-Za-z/][^<>"']*+(?:(?:"[^"<]*+"|'[^'<]*+')[^<>"']*+)*+(?!>)""")
_WRAP = ("<table><tbody>", "</tbody></table>")


class RowMemo(MemoByKey[str, str]):
    """Cleaned rows by their HTML, from this build and the last (``mkdocs serve``: an edit to
    one product changes few rows of a comparison or the index). Rows no build asked for since
    the last one are dropped."""

    def kept(self, row: str) -> str | None:
        """The row as cleaned this build or the last, if it was (then it may be cleaned
        alone: that was checked before it was cleaned)."""
        return self.lookup(row, None)

    def clean(self, row: str) -> str | None:
        found = self.kept(row)
        if found is None:
            found = _clean_row(row)
            if found is not None:
                self.keep(row, found)
        return found


def sanitize_rows(html: str, memo: RowMemo | None = None) -> str:
    """What :func:`sanitize_html` makes of ``html``, cleaning the rows of its tables one at a
    time: a comparison of 200 products or the data-item index is megabytes of rows, and the
    sanitizer holds a whole document tree while it works (about 13 bytes of memory per byte of
    HTML). Each row is cleaned inside a table of its own, which is how the page's parser reads
    it too; the rest of the page is cleaned with a placeholder row for each. A row that could
    read differently alone (see :data:`_NOT_ALONE` and :data:`_OPEN_TAG`) is cleaned with the
    rest of the page; if the sanitizer moves a placeholder, the page is cleaned whole."""
    token = secrets.token_hex(6)
    frame: list[str] = []
    rows: list[str] = []
    start = 0
    for begin, end in table_rows(html):
        row = html[begin:end]
        cleaned = memo.kept(row) if memo is not None else None
        if cleaned is None:
            if _NOT_ALONE.search(row, 3, len(row) - 5) or _OPEN_TAG.search(row):  # after "<tr"
                continue
            cleaned = memo.clean(row) if memo is not None else _clean_row(row)
            if cleaned is None:
                continue
        frame += (html[start:begin], f'<tr data-pp-row="{token}-{len(rows)}"></tr>')
        rows.append(cleaned)
        start = end
    if not rows:
        return sanitize_html(html)
    frame.append(html[start:])
    parts = re.split(f'<tr data-pp-row="{token}-([0-9]+)"></tr>', sanitize_html("".join(frame)))
    if [int(number) for number in parts[1::2]] != list(range(len(rows))):
        return sanitize_html(html)  # the sanitizer moved or dropped a placeholder
    parts[1::2] = rows
    return "".join(parts)


def table_rows(html: str) -> Iterator[tuple[int, int]]:
    """Where the table rows on lines of their own are, as the comparison and index templates
    write them: from a line that starts with ``<tr`` to the first line that ends with ``</tr>``."""
    begin = html.find("\n<tr")
    while begin >= 0:
        begin += 1
        end = html.find("</tr>\n", begin)
        if end < 0:
            return
        if html[begin + 3] in " \t\n>":
            yield begin, end + 5
            begin = html.find("\n<tr", end)
        else:  # <track, say: the next row may start before that "</tr>"
            begin = html.find("\n<tr", begin)


def _clean_row(row: str) -> str | None:
    cleaned = sanitize_html(_WRAP[0] + row + _WRAP[1])
    if not (cleaned.startswith(_WRAP[0]) and cleaned.endswith(_WRAP[1])):
        return None
    return cleaned[len(_WRAP[0]) : -len(_WRAP[1])]
