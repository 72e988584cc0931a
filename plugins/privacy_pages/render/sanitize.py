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

import nh3

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
    return nh3.clean(
        html,
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


def sanitize_marked(html: str) -> str:
    """The HTML of a hand-written page with every marked block cleaned, and the marks gone."""
    if BEGIN not in html:
        return html
    return _MARKED.sub(lambda match: sanitize_html(match.group(1)).strip(), html)
