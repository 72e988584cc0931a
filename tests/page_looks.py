"""What a site owner sees of a page in Chromium, for tests that build a site with and without
the plugin: the computed styles of a hand-written page (on screen or with print media
emulated), and whether a generated page's tables filter as a reader types.

Use with the browser fixtures (:mod:`browser`)::

    visit = open_page(base + "notes/")
    seen = computed_styles(visit, "print")
    ...
    assert_same_look(seen_with_plugin, seen_without)
"""

from __future__ import annotations

from typing import Any

from browser import Visit, visible_items

#: The hand-written page's elements compared whole (every computed property and the content of
#: their ::before and ::after: its headings, links, lists, tables...), and the footer's
#: copyright.
COMPARED = "article.md-content__inner, article.md-content__inner *, .md-copyright, .md-copyright *"
#: The page around the content: what the plugin's page-wide rules would change (its print
#: rules hide the theme around its own pages), compared on the properties below. Their sizes
#: are not compared: the nav and the footer's links list more pages with the plugin.
AROUND = (
    "body, .md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .md-top, .md-main__inner, "
    ".md-content, .md-source, .md-typeset__scrollwrap"
)
AROUND_PROPERTIES = [
    "display",
    "margin",
    "max-width",
    "overflow",
    "max-height",
    "color",
    "background-color",
    "font-family",
    "font-size",
    "line-height",
    "text-decoration-line",
]

_STYLES = """([compared, around, aroundProperties]) => {
    const whole = (el) => {
        const style = getComputedStyle(el);
        const out = {element: el.tagName + "." + el.className};
        for (let i = 0; i < style.length; i++) {
            out[style[i]] = style.getPropertyValue(style[i]);
        }
        out["::before"] = getComputedStyle(el, "::before").content;
        out["::after"] = getComputedStyle(el, "::after").content;
        return out;
    };
    const some = (el) => {
        const style = getComputedStyle(el);
        const out = {element: el.tagName + "." + el.className};
        for (const name of aroundProperties) out[name] = style.getPropertyValue(name);
        return out;
    };
    return {
        compared: [...document.querySelectorAll(compared)].map(whole),
        around: [...document.querySelectorAll(around)].map(some),
    };
}"""

#: The theme's transitions stopped where they end (an admonition's shadow fades in on load).
_STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def computed_styles(visit: Visit, media: str) -> dict[str, Any]:
    """The computed styles of the open page's elements (see :data:`COMPARED` and
    :data:`AROUND`) with ``media`` (``screen`` or ``print``) emulated."""
    visit.page.add_style_tag(content=_STILL)
    visit.page.emulate_media(media=media)  # type: ignore[arg-type]
    styles: dict[str, Any] = visit.page.evaluate(_STYLES, [COMPARED, AROUND, AROUND_PROPERTIES])
    return styles


def assert_same_look(ours: dict[str, Any], theirs: dict[str, Any]) -> None:
    """The page with the plugin (``ours``) looks as it does without it (``theirs``)."""
    assert len(ours["compared"]) > 20, "the page's elements were found"
    assert ours["around"] == theirs["around"]
    assert len(ours["compared"]) == len(theirs["compared"])
    for mine, other in zip(ours["compared"], theirs["compared"], strict=True):
        different = {k: (mine[k], other.get(k)) for k in mine if mine[k] != other.get(k)}
        assert not different, f"{mine['element']}: {different}"


def table_filters(visit: Visit) -> None:
    """The page's table filters as a reader types: a word no item has hides every row,
    clearing the box shows them all again."""
    page = visit.page
    rows = page.locator("tr.pp-row").count()
    assert rows > 0
    box = page.locator(".pp-filter")
    assert box.count() == 1, "the script made the table's controls"
    box.press_sequentially("zzzz-no-item-has-this")
    assert visible_items(visit) == []
    box.fill("")
    assert len(visible_items(visit)) == rows


def handwritten_page(linked: str, heading: str) -> str:
    """A hand-written page as sites write them: links in running text (to ``linked``, a page
    of the site), lists, tables, quotes and admonitions, headings at two levels (the second
    ``heading``)."""
    return f"""\
# Our notes

A paragraph with [an outside link](https://example.org/a) and [a page of ours]({linked}).

- A list item with [an outside link](https://example.org/b).
- And [another page]({linked}).

| Where | Link |
| ----- | ---- |
| Table | [outside](https://example.org/c) |

> A quote with [a link](https://example.org/d).

## {heading}

!!! note
    An admonition with [a link](https://example.org/e).
"""
