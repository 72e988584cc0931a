"""Fidelity of generated pages to the seed pages they were encoded from: nothing is lost.

A seed page (published Markdown with front matter) is cut into atomic facts: every bullet
(nested bullets too), every paragraph, every alert or block quote, and every table cell, with
the row's workload value when the table has a workload column. A fact is present on a built page
when each of its clauses appears in the page's visible text. Clauses are cut at sentence
punctuation, commas, brackets, dashes between words and words such as "when", "if", "such as"
and "and", so that restructuring passes (an item split into a name and a condition, a sentence
split into a list, bold and links removed, case, quotes and punctuation changed), while a
dropped fact or a changed word does not. A workload fact must appear as one table row, under a
heading that matches its category, whose last cell is the workload value.

``corrections`` maps a fragment of a seed's text to what the page says instead (a typo fixed, a
link made absolute), or to a comment starting with ``#`` when the fragment is deliberately not on
the page at all.

Used by ``test_seed_fidelity.py`` and by the importer's tests.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "Fact",
    "apply_corrections",
    "clauses",
    "missing_facts",
    "missing_links",
    "normalize",
    "page_links",
    "page_meta",
    "page_text",
    "seed_facts",
    "seed_links",
    "seed_metadata",
    "unused_corrections",
]


@dataclass(frozen=True)
class Fact:
    """One atomic fact of a seed page.

    ``kind`` is ``bullet``, ``paragraph``, ``alert`` or ``cell`` (text that must appear
    somewhere), ``workload`` (``category | data | workload value``: must appear as one table
    row), ``row`` (``cell | cell``: the cells of a table row without a workload column, which
    must appear in one row) or ``link`` (a link target, from :func:`seed_links`).
    """

    seed: str
    kind: str
    text: str
    line: int

    def __str__(self) -> str:
        return f"{self.seed}:{self.line}: {self.kind}: {self.text}"


# -- Markdown to plain text ---------------------------------------------------------------------

_IMAGE = re.compile(r"!\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[([^\]]*)\]\(((?:[^()\s]|\([^()]*\))*)(?:\s+\"[^\"]*\")?\)")
_TAG = re.compile(r"<[^>]+>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_ALERT_MARKER = re.compile(r"^\s*\[!(NOTE|TIP|IMPORTANT|CAUTION|WARNING)\]\s*$", re.IGNORECASE)
_LABEL = re.compile(r"^(note|tip|important|caution|warning)\s*:\s*", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


#: A DocFX image (its alt text is what a reader is told) and include (its title names it).
_DOCFX_IMAGE = re.compile(r""":::image\b[^\n]*?\balt-text\s*=\s*"([^"]*)"[^\n]*?:::""", re.I)
_DOCFX_INCLUDE = re.compile(r"\[!INCLUDE\s*\[([^\]]*)\]\([^)]*\)\s*\]", re.I)


def plain(markdown: str) -> str:
    """Markdown inline text as the reader sees it: links, emphasis and tags removed; an
    image is its alt text."""
    text = _DOCFX_INCLUDE.sub(r"\1", _DOCFX_IMAGE.sub(r"\1", markdown))
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = text.replace("**", "").replace("__", "").replace("*", "").replace("`", "")
    text = _ESCAPE.sub(r"\1", text)
    text = _SPACE.sub(" ", text).strip()
    return _LABEL.sub("", text)


# -- seed pages ---------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
_BULLET = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")
_TABLE = re.compile(r"^\s*\|")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})[^`]*$")


def _body(text: str) -> tuple[str, int]:
    """The Markdown after the front matter, and the line number it starts on."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, 1
    return text[match.end() :], text.count("\n", 0, match.end()) + 1


def seed_metadata(seed_path: Path) -> dict[str, Any]:
    """The seed's front matter (commented-out keys are not there; empty keys are ``None``)."""
    match = _FRONT_MATTER.match(seed_path.read_text("utf-8"))
    if not match:
        return {}
    data = yaml.safe_load(match.group(1)) or {}
    return {str(key): value for key, value in data.items()}


@dataclass
class _Block:
    kind: str
    line: int
    lines: list[str] = field(default_factory=list)


def _cells(line: str) -> list[str]:
    row = line.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return [cell.strip() for cell in _CELL_SPLIT.split(row)]


def _table_facts(seed: str, rows: list[tuple[int, str]]) -> list[Fact]:
    if len(rows) < 2:
        return [Fact(seed, "paragraph", plain(text), line) for line, text in rows]
    header = [plain(cell) for cell in _cells(rows[0][1])]
    workload_column = next(
        (index for index, cell in enumerate(header) if "workload" in cell.lower()), None
    )
    facts: list[Fact] = []
    category = ""
    for line, raw in rows[2:]:
        cells = [plain(cell) for cell in _cells(raw)]
        if cells and cells[0]:
            category = cells[0]
        content = [
            (index, cell) for index, cell in enumerate(cells) if cell and index != workload_column
        ]
        facts.extend(Fact(seed, "cell", cell, line) for _, cell in content)
        if workload_column is not None:
            value = cells[workload_column] if workload_column < len(cells) else ""
            if value and content:
                subject = content[-1][1]
                parts = [category, value] if subject == category else [category, subject, value]
                facts.append(Fact(seed, "workload", " | ".join(parts), line))
        elif len(content) > 1:
            facts.append(Fact(seed, "row", " | ".join(cell for _, cell in content), line))
    return facts


def _blocks(lines: list[str], first_line: int) -> list[_Block]:
    """Group the body's lines into headings, bullets, paragraphs, quotes and tables."""
    blocks: list[_Block] = []
    current: _Block | None = None
    fence: str | None = None  # the fence of the code block the line is in
    for offset, line in enumerate(lines):
        number = first_line + offset
        if fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None  # its closing fence
            elif current is not None:
                current.lines.append(line)
            continue
        opening = _FENCE.match(line)
        if opening is not None:
            # A code block's fact is its code (the language after the fence is not text).
            fence = opening.group(1)
            current = _Block("code", number)
            blocks.append(current)
            continue
        if not line.strip():
            current = None
            continue
        if line.lstrip().startswith("<!--"):
            continue
        if _HEADING.match(line):
            blocks.append(_Block("heading", number, [line]))
            current = None
            continue
        for kind, pattern in (("table", _TABLE), ("quote", _QUOTE)):
            if pattern.match(line):
                if current is None or current.kind != kind:
                    current = _Block(kind, number)
                    blocks.append(current)
                current.lines.append(line)
                break
        else:
            bullet = _BULLET.match(line)
            if bullet:
                current = _Block("bullet", number, [bullet.group(2)])
                blocks.append(current)
            elif current is not None and current.kind in ("bullet", "paragraph"):
                current.lines.append(line)  # a continuation line
            else:
                current = _Block("paragraph", number, [line])
                blocks.append(current)
    return blocks


def seed_facts(seed_path: Path) -> list[Fact]:
    """The atomic facts of a seed page, in page order (front matter and headings skipped)."""
    seed = seed_path.name
    body, first_line = _body(seed_path.read_text("utf-8"))
    facts: list[Fact] = []
    for block in _blocks(body.split("\n"), first_line):
        if block.kind == "heading":
            continue
        if block.kind == "table":
            rows = [(block.line + index, text) for index, text in enumerate(block.lines)]
            facts.extend(_table_facts(seed, rows))
            continue
        if block.kind == "quote":
            quoted = [_QUOTE.sub(r"\1", line) for line in block.lines]
            kind = "alert"
            text = plain(" ".join(line for line in quoted if not _ALERT_MARKER.match(line)))
        elif block.kind == "code":
            kind, text = "code", " ".join(" ".join(block.lines).split())
        else:
            kind = block.kind
            text = plain(" ".join(block.lines))
        if text:
            facts.append(Fact(seed, kind, text, block.line))
    return facts


def seed_links(seed_path: Path) -> list[Fact]:
    """Every link target in the seed's body, as facts of kind ``link``."""
    seed = seed_path.name
    body, first_line = _body(seed_path.read_text("utf-8"))
    facts = []
    for offset, line in enumerate(body.split("\n")):
        for match in _LINK.finditer(line):
            facts.append(Fact(seed, "link", match.group(2), first_line + offset))
    return facts


# -- built pages --------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "blockquote",
        "pre",
        "dl",
        "dt",
        "dd",
        "section",
        "details",
        "summary",
        "figure",
        "figcaption",
        "hr",
        "article",
        "header",
        "footer",
        "nav",
    ]
)
_SKIP_TAGS = frozenset({"script", "style", "template", "svg"})
_VOID_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)


class _TextParser(HTMLParser):
    """Visible text of an HTML page (its <article> if it has one), one block per line."""

    def __init__(self, article_only: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.article_only = article_only
        self.article_depth = 0
        self.skip_depth = 0
        self.out: list[str] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.links: list[str] = []
        self.meta: dict[str, str] = {}

    @property
    def collecting(self) -> bool:
        return (self.article_depth > 0 or not self.article_only) and self.skip_depth == 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("name"):
            self.meta[str(attributes["name"])] = attributes.get("content") or ""
        if tag == "article":
            self.article_depth += 1
        classes = (attributes.get("class") or "").split()
        if tag in _SKIP_TAGS or (tag == "a" and "headerlink" in classes) or self.skip_depth:
            if tag not in _VOID_TAGS:
                self.skip_depth += 1
            return
        if not self.collecting:
            return
        if tag == "a" and attributes.get("href"):
            self.links.append(str(attributes["href"]))
        if tag == "img" and attributes.get("alt"):
            self.out.append(f"\n{attributes['alt']}\n")  # what a reader is told of it
            return
        self._open(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # a void element: no end tag follows

    def _open(self, tag: str) -> None:
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = []
        elif self.cell is not None:
            self.cell.append(" ")
        elif tag == "br":
            self.out.append("\n")
        elif len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.out.append("\n" + "#" * int(tag[1]) + " ")
        elif tag in _BLOCK_TAGS:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if tag == "article":
            self.article_depth = max(0, self.article_depth - 1)
        if not self.collecting:
            return
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(_SPACE.sub(" ", "".join(self.cell)).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.out.append("\n" + " | ".join(self.row) + "\n")
            self.row = None
        elif self.cell is None and (tag in _BLOCK_TAGS or (tag[:1] == "h" and tag[1:].isdigit())):
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.collecting:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.row is None:
            self.out.append(data)


def _parse(html: str) -> _TextParser:
    parser = _TextParser(article_only="<article" in html)
    parser.feed(html)
    parser.close()
    return parser


def page_text(html: str) -> str:
    """The visible text of a built page's content, normalized to one block per line.

    Headings start with ``#`` marks (``## Overview``) and table rows are their cells joined by
    `` | ``; whitespace inside a line is collapsed.
    """
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(_parse(html).out).split("\n"))
    return "\n".join(line for line in lines if line)


def page_links(html: str) -> list[str]:
    """The targets of the links in a built page's content."""
    return _parse(html).links


def page_meta(html: str) -> dict[str, str]:
    """The ``<meta name=... content=...>`` tags of a built page."""
    return _parse(html).meta


# -- matching -----------------------------------------------------------------------------------

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_NOT_WORD = re.compile(r"[\W_]+")
_CLAUSE_BREAK = re.compile(
    r"[.!?;:,](?=\s|$)"  # sentence and clause punctuation
    r"|\s[-\u2013\u2014]\s"  # a dash between words
    r"|[()\[\]]"  # brackets
    r"|\b(?:only when|when|if|where|such as|including|like|and|for example)\b",
    re.IGNORECASE,
)
_LEADING = ("and ", "or ", "see ")
_TRIVIAL = frozenset({"", "etc", "e g", "i e", "for example"})


def normalize(text: str) -> str:
    """Text reduced for comparison: case, quotes, punctuation and spacing removed."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _NOT_WORD.sub(" ", text).strip()


def clauses(text: str) -> list[str]:
    """The normalized clauses of a fact's text, each of which the page must contain."""
    found = []
    for piece in _CLAUSE_BREAK.split(text):
        clause = normalize(piece)
        changed = True
        while changed:
            changed = False
            for word in _LEADING:
                if clause.startswith(word):
                    clause, changed = clause[len(word) :], True
        if clause not in _TRIVIAL:
            found.append(clause)
    return found


def apply_corrections(text: str, corrections: Mapping[str, str]) -> str | None:
    """A fact's text with the corrections applied; ``None`` when nothing of it is left.

    Longer fragments are applied first, so that a correction of a whole link target wins over
    one of a shorter target it contains.
    """
    for source in sorted(corrections, key=len, reverse=True):
        replacement = corrections[source]
        if source in text:
            text = text.replace(source, "" if replacement.startswith("#") else replacement)
    return text if text.strip() else None


def unused_corrections(facts: Iterable[Fact], corrections: Mapping[str, str]) -> list[str]:
    """The corrections that match no fact (stale entries)."""
    texts = [fact.text for fact in facts]
    return [source for source in corrections if not any(source in text for text in texts)]


@dataclass
class _Page:
    flat: str
    #: (the heading above the row, the row's cells), for every table row.
    rows: list[tuple[str, list[str]]]
    #: (a heading, the text under it up to the next heading), for every heading.
    sections: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> _Page:
        rows = []
        sections: list[tuple[str, list[str]]] = []
        heading = ""
        for line in text.split("\n"):
            if line.startswith("#"):
                heading = normalize(line.lstrip("#"))
                sections.append((heading, []))
            else:
                if " | " in line:
                    rows.append((heading, line.split(" | ")))
                if sections:
                    sections[-1][1].append(line)
        under = [(title, f" {normalize(' '.join(lines))} ") for title, lines in sections]
        return cls(f" {normalize(text)} ", rows, under)

    def contains(self, text: str) -> bool:
        return all(f" {clause} " in self.flat for clause in clauses(text))

    def has_row(self, cells: list[str]) -> bool:
        """Whether a row's cells stay together: in one table row, or as a heading (the first
        cell) over a section that holds the others (a row written as an entry of its own)."""
        wanted = [clause for cell in cells for clause in clauses(cell)]
        for _, row in self.rows:
            flat = f" {normalize(' '.join(row))} "
            if all(f" {clause} " in flat for clause in wanted):
                return True
        first = normalize(cells[0])
        rest = [clause for cell in cells[1:] for clause in clauses(cell)]
        return any(
            title == first and all(f" {clause} " in body for clause in rest)
            for title, body in self.sections
        )

    def has_workload(self, text: str) -> bool:
        parts = text.split(" | ")
        category, value = normalize(parts[0]), normalize(parts[-1])
        subject = clauses(parts[-2] if len(parts) > 2 else parts[0])
        for heading, row in self.rows:
            if len(row) < 2 or normalize(row[-1]) != value:
                continue
            if heading and not (category.startswith(heading) or heading.startswith(category)):
                continue
            flat = f" {normalize(' '.join(row[:-1]))} "
            if all(f" {clause} " in flat for clause in subject):
                return True
        return False


def missing_facts(
    facts: Iterable[Fact], text: str, corrections: Mapping[str, str] | None = None
) -> list[Fact]:
    """The facts a page's text (from :func:`page_text`) does not state, corrections applied."""
    page = _Page.of(text)
    missing = []
    for fact in facts:
        corrected = apply_corrections(fact.text, corrections or {})
        if corrected is None:
            continue
        if fact.kind == "workload" and " | " in corrected:
            present = page.has_workload(corrected)
        elif fact.kind == "row":
            present = page.has_row(corrected.split(" | "))
        else:
            present = page.contains(corrected)
        if not present:
            missing.append(fact)
    return missing


def missing_links(
    facts: Iterable[Fact], links: Iterable[str], corrections: Mapping[str, str] | None = None
) -> list[Fact]:
    """The link facts whose target (corrections applied) is not among a page's links."""
    targets = set(links)
    missing = []
    for fact in facts:
        corrected = apply_corrections(fact.text, corrections or {})
        if corrected is not None and corrected not in targets:
            missing.append(fact)
    return missing
