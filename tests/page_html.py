"""Reading built HTML pages the way a browser would: elements, attributes, text and tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class PageHtml:
    """What one HTML page holds, parsed with the standard library's HTML parser."""

    elements: list[Element] = field(default_factory=list)
    #: Text of the page's ``<article>`` (the Markdown content), character references decoded.
    article_text: str = ""
    #: Every ``<table>`` in the article: a list of rows, each a list of cell texts.
    tables: list[list[list[str]]] = field(default_factory=list)
    #: Every ``<script>`` element: (attributes, body).
    scripts: list[tuple[dict[str, str], str]] = field(default_factory=list)
    title: str = ""

    def by_tag(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageHtml()
        self.in_article = 0
        self.article: list[str] = []
        self.script: dict[str, str] | None = None
        self.script_text: list[str] = []
        self.in_title = False
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.page.elements.append(Element(tag, values))
        if tag == "article":
            self.in_article += 1
        if tag == "script":
            self.script, self.script_text = values, []
        if tag == "title":
            self.in_title = True
        if self.in_article and tag == "table":
            self.page.tables.append([])
        if self.in_article and tag == "tr" and self.page.tables:
            self.page.tables[-1].append([])
        if self.in_article and tag in {"td", "th"} and self.page.tables:
            self.cell = []
        if tag == "br" and self.in_article:
            self.article.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article -= 1
        if tag == "script" and self.script is not None:
            self.page.scripts.append((self.script, "".join(self.script_text)))
            self.script = None
        if tag == "title":
            self.in_title = False
        if tag in {"td", "th"} and self.cell is not None and self.page.tables:
            self.page.tables[-1][-1].append("".join(self.cell))
            self.cell = None
        if self.in_article and tag in {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "div"}:
            self.article.append("\n")

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script_text.append(data)
        if self.in_title:
            self.page.title += data
        if self.in_article:
            self.article.append(data)
        if self.cell is not None:
            self.cell.append(data)


def parse(html: str) -> PageHtml:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    parser.page.article_text = "".join(parser.article)
    return parser.page


def one_line(text: str) -> str:
    """Text with every run of whitespace as one space (as a browser shows it)."""
    return " ".join(text.split())
