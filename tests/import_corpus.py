"""The import corpus: real privacy and telemetry pages, imported and measured.

``tests/fixtures/import-corpus/`` holds public pages (``<slug>.md``, provenance in
``SOURCES.yml``) with hand-written expectations (``<slug>.expected.yml``, format in the folder's
README). :func:`import_corpus` imports each page with the real ``privacy-pages import`` into one
empty site, builds that site once with MkDocs, and measures each page:

- **structured share**: of the page's *units* (each list item, by its first line, and each data
  row of a table), the share whose line is in no ``free_form`` range of the import report
  (``line`` to ``end_line``; without ``end_line``, the range is as long as the text's lines)
  and whose key (a row's first cell, an item's lead) is in a structured field of the record,
  not only in prose such as an intro (the share without that second condition is reported as
  "not free-form");
- **fidelity**: the share of the page's facts (``fidelity.seed_facts``) on its built page;
- **recall**: the share of the expected values found in the record's structured fields (item
  names; storage locations; retention periods; recipients; controls; rights), see
  :func:`recall`.

Used by ``test_import_corpus.py``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import Any

import yaml
from conftest import FIXTURES, SiteResult, run_mkdocs
from fidelity import Fact, clauses, missing_facts, normalize, page_text, plain, seed_facts
from privacy_pages.cli import main
from test_import_seeds import site_config

CORPUS = FIXTURES / "import-corpus"
#: The groups of the corpus (see :attr:`Page.group`).
TUNED, HELD_OUT = "tuned", "held-out"
#: The date given to ``import --date`` (pages without one get it; fixed, so runs compare).
IMPORT_DATE = "2026-01-01"


# -- the corpus -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    slug: str
    path: Path
    expected: dict[str, Any]
    source: dict[str, Any]

    @property
    def text(self) -> str:
        return self.path.read_text("utf-8")

    @property
    def group(self) -> str:
        """``tuned``: a page the importer was worked on with; ``held-out``: added after the
        code it is measured with was written, and read only then (SOURCES.yml ``group``)."""
        return str(self.source.get("group", TUNED))


def sources() -> dict[str, dict[str, Any]]:
    entries = yaml.safe_load((CORPUS / "SOURCES.yml").read_text("utf-8"))["pages"]
    return {entry["slug"]: entry for entry in entries}


def corpus_pages() -> list[Page]:
    """Every page of the corpus, by slug."""
    known = sources()
    pages = []
    for path in sorted(CORPUS.glob("*.md")):
        if path.name == "README.md":
            continue
        expected = yaml.safe_load(path.with_suffix(".expected.yml").read_text("utf-8"))
        pages.append(Page(path.stem, path, expected, known[path.stem]))
    return pages


# -- the page's lines ---------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.DOTALL)
_FENCE = re.compile(r"^\s*(```|~~~)")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")
_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")  # GFM: one dash or more
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_SETEXT = re.compile(r"^\s*(=+|-+)\s*$")
_ATTRIBUTES = re.compile(r"^\s*\{:.*\}\s*$")


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    #: ``item`` (first line of a list item), ``row`` (a table's data row), ``header`` (a
    #: table's header row), ``delimiter``, ``heading``, ``fence``, ``code``, ``comment``,
    #: ``attributes`` or ``text``.
    kind: str


def classify_lines(text: str) -> list[Line]:
    """The page's non-blank lines after its front matter, each with its kind."""
    lines = text.split("\n")
    match = _FRONT_MATTER.match(text)
    start = text.count("\n", 0, match.end()) if match else 0
    out: list[Line] = []
    in_code = in_comment = in_table = in_html = in_thead = False
    for index in range(start, len(lines)):
        raw = lines[index]
        number = index + 1
        if not raw.strip():
            in_table = False
            continue
        if in_code:
            in_code = not _FENCE.match(raw)
            out.append(Line(number, raw, "fence" if not in_code else "code"))
            continue
        if _FENCE.match(raw):
            stripped = raw.strip()
            marker = stripped[:3]
            in_code = not (len(stripped) > 3 and stripped.endswith(marker))  # not a one-liner
            out.append(Line(number, raw, "fence"))
            continue
        if in_comment or raw.lstrip().startswith("<!--"):
            in_comment = "-->" not in raw
            out.append(Line(number, raw, "comment"))
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if in_html or _HTML_TABLE.search(raw):
            in_html = not _HTML_TABLE_END.search(raw)
            header = in_thead or "<thead" in raw.lower()
            in_thead = header and "</thead" not in raw.lower()
            out.append(_html_line(lines, index, header))
            continue
        if _DELIMITER.match(raw):
            in_table = True
            out.append(Line(number, raw, "delimiter"))
        elif in_table and "|" in raw:
            out.append(Line(number, raw, "row"))
        elif "|" in raw and _DELIMITER.match(following):
            out.append(Line(number, raw, "header"))
        elif _HEADING.match(raw) or (_SETEXT.match(following) and not _BULLET.match(raw)):
            out.append(Line(number, raw, "heading"))
        elif _SETEXT.match(raw) and out and out[-1].kind == "heading":
            out.append(Line(number, raw, "heading"))
        elif _ATTRIBUTES.match(raw):
            out.append(Line(number, raw, "attributes"))
        elif _BULLET.match(raw):
            out.append(Line(number, raw, "item"))
        else:
            out.append(Line(number, raw, "text"))
    return out


_HTML_TABLE = re.compile(r"<table\b", re.IGNORECASE)
_HTML_TABLE_END = re.compile(r"</table>", re.IGNORECASE)
_HTML_CELL = re.compile(r"<t[dh]\b[^>]*>", re.IGNORECASE)


def _html_line(lines: list[str], index: int, in_thead: bool) -> Line:
    """A line of a raw HTML table: a data row (``<tr>`` outside ``<thead>``, its text up to
    ``</tr>`` with each cell after a ``|``), a list item (``<li>``), or text."""
    raw = lines[index]
    if in_thead:
        return Line(index + 1, raw, "header")
    if re.search(r"<tr\b", raw, re.IGNORECASE):
        end = index
        while end < len(lines) - 1 and "</tr>" not in lines[end].lower():
            end += 1
        row = " ".join(part.strip() for part in lines[index : end + 1])
        return Line(index + 1, _HTML_CELL.sub(" | ", row), "row")
    if re.search(r"<li\b", raw, re.IGNORECASE):
        return Line(index + 1, raw, "item")
    return Line(index + 1, raw, "text")


def units(text: str) -> list[Line]:
    """The list items (first lines) and table data rows of a page: what should become records."""
    return [line for line in classify_lines(text) if line.kind in ("item", "row")]


def free_ranges(report: dict[str, Any]) -> list[tuple[int, int]]:
    """The source line ranges of the report's free-form pieces."""
    ranges = []
    for piece in report["free_form"]:
        start = int(piece["line"])
        end = piece.get("end_line")
        if end is None:  # an older report: as many lines as the text has
            end = start + str(piece.get("text", "")).strip().count("\n")
        ranges.append((start, int(end)))
    return ranges


def not_data_ranges(report: dict[str, Any]) -> list[tuple[int, int]]:
    """The lines of the lists the report says are not about data (links, steps, a reference):
    left out of the units, each still free text on the page."""
    return [(int(piece["line"]), int(piece["end_line"])) for piece in report.get("not_data", [])]


def units_about_data(text: str, report: dict[str, Any]) -> list[Line]:
    """The units of a page, without those in lists the report says are not about data."""
    ranges = not_data_ranges(report)
    return [line for line in units(text) if not in_ranges(line.number, ranges)]


def in_ranges(number: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= number <= end for start, end in ranges)


_LEAD = re.compile(r"\s(?:-|\u2013|\u2014)\s|:\s")


def unit_key(line: Line) -> str:
    """What of a unit must be in a structured field: a row's first non-empty cell, or a list
    item's lead (its text before the first colon or dash between words, at most 12 words)."""
    if line.kind == "row":
        cells = [cell.strip() for cell in line.text.strip().strip("|").split("|")]
        return plain(next((cell for cell in cells if plain(cell)), ""))
    text = plain(_BULLET_MARK.sub("", line.text, count=1))
    lead = _LEAD.split(text, maxsplit=1)[0]
    return " ".join(normalize(lead).split()[:12])


_BULLET_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def structured_share(
    text: str, report: dict[str, Any], structured: str | None = None
) -> tuple[float | None, int, int]:
    """(share, structured units, all units); share is None for a page without units.

    A unit is structured when its line is in no free-form range of the report and, given the
    record's ``structured`` text (:func:`structured_text`), its key (:func:`unit_key`) is in
    it: a list kept in an intro or a note is prose, not a record, even if the report does not
    list it as free-form.
    """
    found = units_about_data(text, report)
    lost = {line.number for line in unstructured_units(text, report, structured)}
    if not found:
        return None, 0, 0
    kept = len(found) - len(lost)
    return kept / len(found), kept, len(found)


def unstructured_units(
    text: str, report: dict[str, Any], structured: str | None = None
) -> list[Line]:
    """The units that are not structured (see :func:`structured_share`)."""
    ranges = free_ranges(report)
    return [
        line
        for line in units_about_data(text, report)
        if in_ranges(line.number, ranges)
        or (structured is not None and f" {normalize(unit_key(line))} " not in structured)
    ]


# -- the record's structured fields -------------------------------------------------------------

#: Record keys whose text is free-form prose, not a structured field.
PROSE_KEYS = frozenset(
    {"metadata", "sections", "empty_sections", "notes", "intro", "summary", "links", "body"}
)
#: Category of an expectation → the key names (regular expression) of the record's fields that
#: hold it. A value counts only when one key on its path matches.
FIELD_KEYS: dict[str, re.Pattern[str]] = {
    "locations": re.compile(r"location|region|geograph|countr"),
    "services": re.compile(r"service"),
    "retention": re.compile(r"retention|period|retain"),
    "recipients": re.compile(r"recipient|shar|processor|third|disclos|transfer"),
    "controls": re.compile(r"control|opt.?out|setting|consent"),
    "rights": re.compile(r"right"),
}


def catalog_entries(content: Path) -> dict[str, dict[str, Any]]:
    """Catalog item id → its entry, for every catalog file of a content folder."""
    entries: dict[str, dict[str, Any]] = {}
    for path in sorted((content / "catalog").glob("*.yml")):
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        for entry in data.get("items") or []:
            entries[str(entry["id"])] = entry
    return entries


def catalog_names(content: Path) -> dict[str, str]:
    """Catalog item id → name, for every catalog file of a content folder."""
    return {key: str(entry.get("name", key)) for key, entry in catalog_entries(content).items()}


def structured_text(record: dict[str, Any], catalog: dict[str, dict[str, Any]]) -> str:
    """The record's structured fields as one normalized text (prose fields left out), with the
    name, description and aliases of each catalog item it refers to."""
    parts = [text for _, text in _leaves(record)]
    for _, entry in _dicts(record):
        ref = entry.get("ref")
        if isinstance(ref, str) and ref in catalog:
            known = catalog[ref]
            parts += [str(known.get("name", "")), str(known.get("description", ""))]
            parts += [str(alias) for alias in known.get("aliases") or []]
            if entry.get("description"):  # the item as its page shows it: name, description
                parts.append(f"{entry.get('name') or known.get('name', '')} {entry['description']}")
    return f" {normalize(plain(' '.join(parts)))} "  # links read as their text


def _leaves(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(value, dict):
        for key, child in value.items():
            if str(key) in PROSE_KEYS:
                continue
            yield from _leaves(child, (*path, str(key)))
    elif isinstance(value, list):
        for child in value:
            yield from _leaves(child, path)
    elif value is not None and not isinstance(value, bool):
        yield path, str(value)


def _dicts(
    value: Any, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    if isinstance(value, dict):
        yield path, value
        for key, child in value.items():
            if str(key) not in PROSE_KEYS:
                yield from _dicts(child, (*path, str(key)))
    elif isinstance(value, list):
        for child in value:
            yield from _dicts(child, path)


def item_names(record: dict[str, Any], catalog: dict[str, str]) -> list[str]:
    """The names of the data items a record says are collected (never-collected ones left out),
    with their listed details, alternatives and fields, which are structured too."""
    names: list[str] = []
    for path, entry in _dicts(record):
        if "never_collected" in path:
            continue
        if "ref" in entry and isinstance(entry["ref"], str):
            names.append(str(entry.get("name") or catalog.get(entry["ref"], entry["ref"])))
        elif "name" in entry and path and path[-1] in ("items", "fields", "events"):
            names.append(str(entry["name"]))
        for key in ("details", "options", "fields"):
            if key == "options" and (not path or path[-1] != "alternatives"):
                continue  # the product's controls have options too: ways to opt out, not data
            for value in entry.get(key) or []:
                if isinstance(value, str):
                    names.append(value)
    return names


def field_values(record: dict[str, Any]) -> dict[str, list[str]]:
    """Category → the record's structured values whose key path names that category."""
    values: dict[str, list[str]] = {category: [] for category in FIELD_KEYS}
    for path, text in _leaves(record):
        for category, pattern in FIELD_KEYS.items():
            if any(pattern.search(key) for key in path):
                values[category].append(text)
    return values


_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "for",
        "by",
        "with",
        "from",
        "your",
        "you",
        "our",
        "we",
        "its",
        "it",
        "is",
        "are",
        "be",
        "that",
        "this",
        "as",
        "at",
        "e",
        "g",
        "i",
    ]
)
_PARENS = re.compile(r"\([^()]*\)")


def _words(text: str) -> set[str]:
    return {word for word in normalize(_PARENS.sub(" ", text)).split() if word not in _STOP}


def matches(expected: str, candidate: str) -> bool:
    """Whether a structured value states an expected one: at least three quarters of the
    expected words are among its words, and the value is not a long sentence that merely
    contains them (at most three times as many words, plus three)."""
    wanted = _words(expected) or set(normalize(expected).split())
    have = _words(candidate) or set(normalize(candidate).split())
    if not wanted or not have:
        return False
    return len(wanted & have) >= 0.75 * len(wanted) and len(have) <= 3 * len(wanted) + 3


@dataclass
class Recall:
    #: Category → (found, expected), for the categories the page has expectations for.
    by_category: dict[str, tuple[int, int]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    @property
    def found(self) -> int:
        return sum(found for found, _ in self.by_category.values())

    @property
    def expected(self) -> int:
        return sum(total for _, total in self.by_category.values())

    @property
    def share(self) -> float | None:
        return self.found / self.expected if self.expected else None


def expectations(expected: dict[str, Any]) -> dict[str, list[str]]:
    """Category → the expected values of a ``<slug>.expected.yml``."""
    storage = expected.get("storage") or {}
    return {
        "items": [str(item["name"]) for item in expected.get("items") or []],
        "locations": [str(value) for value in storage.get("locations") or []],
        "services": [str(value) for value in storage.get("services") or []],
        "retention": [str(value) for value in expected.get("retention") or []],
        "recipients": [str(value) for value in expected.get("recipients") or []],
        "controls": [str(value) for value in expected.get("controls") or []],
        "rights": [str(value) for value in expected.get("rights") or []],
    }


def recall(expected: dict[str, Any], record: dict[str, Any], catalog: dict[str, str]) -> Recall:
    """How many of the expected values the record holds in its structured fields."""
    result = Recall()
    have = {"items": item_names(record, catalog), **field_values(record)}
    for category, wanted in expectations(expected).items():
        if not wanted:
            continue
        found = 0
        for value in wanted:
            if any(matches(value, candidate) for candidate in have[category]):
                found += 1
            else:
                result.missing.append(f"{category}: {value}")
        result.by_category[category] = (found, len(wanted))
    return result


# -- importing and building -----------------------------------------------------------------------


@dataclass
class Measured:
    page: Page
    code: int
    report: dict[str, Any]
    record: dict[str, Any]
    #: The share of units in records (:func:`structured_share` with the record's text).
    structured: float | None
    structured_units: int
    units: int
    recall: Recall
    #: The share of units in no free-form range of the report (what the report claims).
    report_share: float | None = None
    facts: list[Fact] = field(default_factory=list)
    missing: list[Fact] = field(default_factory=list)
    #: Non-blank lines in no free-form range whose text is nowhere in the record.
    unaccounted: list[Line] = field(default_factory=list)
    #: The units neither free-form nor in a structured field (kept as prose in the record).
    prose_units: list[Line] = field(default_factory=list)
    #: The units in lists the report says are not about data (left out of ``units``).
    not_data_units: int = 0

    #: The facts missing when a table row's cells need not stay in one row (see text_facts).
    missing_text: list[Fact] = field(default_factory=list)
    #: Imported item names that match no expected item.
    unexpected_items: list[str] = field(default_factory=list)

    @property
    def fidelity(self) -> float | None:
        return 1 - len(self.missing) / len(self.facts) if self.facts else None

    @property
    def text_fidelity(self) -> float | None:
        return 1 - len(self.missing_text) / len(self.facts) if self.facts else None


@dataclass
class CorpusRun:
    root: Path
    pages: list[Measured]
    site: SiteResult

    def page(self, slug: str) -> Measured:
        return next(measured for measured in self.pages if measured.page.slug == slug)


def import_page(config: Path, page: Page, report: Path) -> tuple[int, dict[str, Any]]:
    """``privacy-pages import PAGE --product-id SLUG`` into the site of ``config``. Without
    ``--force``: every page of the corpus is a privacy page (a data-residency or subprocessor
    page states no data items, but where data is stored or who receives it), and none may be
    refused as stating no privacy facts."""
    out, err = StringIO(), StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(
            [
                "import",
                str(page.path),
                "--config",
                str(config),
                "--report",
                str(report),
                "--product-id",
                page.slug,
                "--date",
                IMPORT_DATE,
            ]
        )
    pages = json.loads(report.read_text("utf-8"))["pages"] if report.is_file() else []
    return code, (pages[0] if pages else {})


def _record_text(record: dict[str, Any], content: Path) -> str:
    """Everything the content folder says about a record, normalized (for line accounting)."""
    parts = list(_strings(record))  # every text as written (a YAML dump would escape some)
    for path in sorted(content.rglob("*.yml")):
        if "products" not in path.parts:
            parts.append(path.read_text("utf-8"))
    # An item as its page shows it: its name (the catalog's, for a ref) before its description.
    names = catalog_names(content)
    for _, entry in _dicts(record):
        ref = entry.get("ref")
        if isinstance(ref, str) and entry.get("description"):
            name = entry.get("name") or names.get(ref, ref)
            parts.append(f"{name} {entry['description']}")
    return f" {normalize(plain(' '.join(parts)))} "


def _strings(data: Any) -> Iterator[str]:
    """Every key and text value in ``data``, recursively."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield str(key)
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)
    elif data is not None:
        yield str(data)


#: A list item's marker at the start of a line: structure, not text.
_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def text_facts(facts: list[Fact]) -> list[Fact]:
    """The facts with each table row (``row`` and ``workload``) reduced to its cells' text: a
    row rendered as an item ("name: description") keeps its text though not its table row."""
    return [
        Fact(fact.seed, "paragraph", fact.text.replace(" | ", ". "), fact.line)
        if fact.kind in ("row", "workload")
        else fact
        for fact in facts
    ]


_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def unaccounted_lines(text: str, report: dict[str, Any], record_text: str) -> list[Line]:
    """The page's lines that are in no free-form range and whose words the record does not
    hold: what the import would lose without telling the writer. Headings, table delimiter
    rows, code fences, comments and attribute lines are structure, not text, and are skipped."""
    ranges = free_ranges(report)
    lost = []
    for line in classify_lines(text):
        if line.kind in ("heading", "header", "delimiter", "fence", "comment", "attributes"):
            continue
        if in_ranges(line.number, ranges) or "<tr" in line.text.lower():
            continue  # (an HTML row's lines are checked one by one)
        text = _LINE_BREAK.sub(" ", _MARKER.sub("", line.text))  # "a<br />b": two words
        pieces = text.strip().strip("|").split("|") if line.kind == "row" else [text]
        wanted = [c for piece in pieces for c in clauses(plain(piece)) if c]
        if wanted and not all(f" {clause} " in record_text for clause in wanted):
            lost.append(line)
    return lost


def import_corpus(root: Path, pages: list[Page] | None = None) -> CorpusRun:
    """Import every page into one empty site under ``root``, build it once, and measure."""
    pages = corpus_pages() if pages is None else pages
    config = site_config(root)
    content = root / "content"
    imported: list[tuple[Page, int, dict[str, Any]]] = []
    for page in pages:
        code, report = import_page(config, page, root / f"report-{page.slug}.json")
        imported.append((page, code, report))
    catalog = catalog_entries(content)
    names = {key: str(entry.get("name", key)) for key, entry in catalog.items()}
    site = run_mkdocs(config, strict=False, site_dir=root / "_site")
    measured = []
    for page, code, report in imported:
        product_file = Path(report["product_file"]) if report else None
        record = (
            yaml.safe_load(product_file.read_text("utf-8"))
            if product_file and product_file.is_file()
            else {}
        )
        free = report or {"free_form": []}
        share, structured, total = structured_share(
            page.text, free, structured_text(record, catalog)
        )
        result = Measured(
            page,
            code,
            report,
            record,
            share,
            structured,
            total,
            recall(page.expected, record, names),
            report_share=structured_share(page.text, free)[0],
        )
        wanted = expectations(page.expected)["items"]
        result.not_data_units = len(units(page.text)) - len(units_about_data(page.text, free))
        result.unexpected_items = [
            name
            for name in item_names(record, names)
            if not any(matches(value, name) or matches(name, value) for value in wanted)
        ]
        claimed = {line.number for line in unstructured_units(page.text, free)}
        result.prose_units = [
            line
            for line in unstructured_units(page.text, free, structured_text(record, catalog))
            if line.number not in claimed
        ]
        if site.ok and report:
            facts = seed_facts(page.path)
            html = site.html(f"privacy/{report['product_id']}.md")
            result.facts = facts
            result.missing = missing_facts(facts, page_text(html))
            result.missing_text = missing_facts(text_facts(facts), page_text(html))
            result.unaccounted = unaccounted_lines(page.text, report, _record_text(record, content))
        measured.append(result)
    return CorpusRun(root, measured, site)


# -- the report ---------------------------------------------------------------------------------


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.0f}%"


def average(values: list[float | None]) -> float:
    known = [value for value in values if value is not None]
    return sum(known) / len(known) if known else 0.0


def _averages(label: str, pages: list[Measured]) -> list[str]:
    structured = average([r.structured for r in pages])
    claimed = average([r.report_share for r in pages])
    fidelity = average([r.fidelity for r in pages])
    text_fidelity = average([r.text_fidelity for r in pages])
    recalled = average([r.recall.share for r in pages])
    lowest = min(pages, key=lambda r: 1.0 if r.structured is None else r.structured)
    not_data = sum(r.not_data_units for r in pages)
    return [
        f"**Averages over {label}, {len(pages)} pages:** structured share "
        f"{_percent(structured)} (not free-form in the report: {_percent(claimed)}), fidelity "
        f"{_percent(fidelity)} (text fidelity {_percent(text_fidelity)}), recall "
        f"{_percent(recalled)}. Lowest structured share: {lowest.page.slug} "
        f"({_percent(lowest.structured)}). Units in lists that are not about data (links, "
        f"steps, a reference), left out: {not_data}.",
        "",
    ]


def report_markdown(run: CorpusRun) -> str:
    """A Markdown report: one row per page, then the averages and each page's losses."""
    rows = [
        "# Import corpus report",
        "",
        "| page | group | source | units | structured | not free-form | facts | fidelity | text fidelity |"
        " expected | recall | items | unexpected items | storage | retention | recipients |"
        " controls | rights |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |"
        " --- | --- | --- | --- |",
    ]

    def cell(result: Measured, *categories: str) -> str:
        pairs = [result.recall.by_category[c] for c in categories if c in result.recall.by_category]
        if not pairs:
            return ""
        return f"{sum(f for f, _ in pairs)}/{sum(t for _, t in pairs)}"

    for result in run.pages:
        source = result.page.source
        rows.append(
            f"| {result.page.slug} | {result.page.group} | {source['repo']} | {result.units} | "
            f"{_percent(result.structured)} | {_percent(result.report_share)} | "
            f"{len(result.facts)} | {_percent(result.fidelity)} | "
            f"{_percent(result.text_fidelity)} | "
            f"{result.recall.expected} | {_percent(result.recall.share)} | "
            f"{cell(result, 'items')} | {len(result.unexpected_items)} | "
            f"{cell(result, 'locations', 'services')} | "
            f"{cell(result, 'retention')} | {cell(result, 'recipients')} | "
            f"{cell(result, 'controls')} | {cell(result, 'rights')} |"
        )
    rows += ["", *_averages("all", run.pages)]
    for group, title in ((TUNED, "tuned on"), (HELD_OUT, "added after the code")):
        pages = [r for r in run.pages if r.page.group == group]
        if pages and len(pages) < len(run.pages):
            rows += _averages(f"the pages {title} ({group})", pages)
    rows += ["## What each page loses", ""]
    for result in run.pages:
        rows.append(f"### {result.page.slug}")
        rows.append("")
        free = ", ".join(
            f"{start}-{end}" if end != start else str(start)
            for start, end in free_ranges(result.report or {"free_form": []})
        )
        rows.append(f"- free-form lines: {free or 'none'}")
        rows.append(
            "- units neither free-form nor in a structured field: "
            + (", ".join(str(line.number) for line in result.prose_units) or "none")
        )
        rows.append(
            "- facts not on the built page: "
            + ("; ".join(f"{f.line}: {f.text[:80]}" for f in result.missing) or "none")
        )
        rows.append(
            "- items imported that the page does not list as collected: "
            + ("; ".join(result.unexpected_items) or "none")
        )
        rows.append(
            "- expected but not in a structured field: "
            + ("; ".join(result.recall.missing) or "none")
        )
        rows.append(
            "- lines neither free-form nor in the record: "
            + (
                "; ".join(f"{line.number}: {line.text.strip()[:60]}" for line in result.unaccounted)
                or "none"
            )
        )
        rows.append("")
    return "\n".join(rows) + "\n"


# -- what an item name may be -------------------------------------------------------------------

#: The longest an item or recipient name may be: a noun phrase, not a paragraph.
MAX_NAME_LENGTH = 100
#: A name that ends like a sentence or a lead-in ("... to Microsoft.", "as follows:").
_SENTENCE_END = re.compile(r"[.!?:;]$")
#: Last words that end with a period without ending a sentence.
_ABBREVIATIONS = frozenset({"inc.", "ltd.", "co.", "corp.", "etc.", "e.g.", "i.e.", "llc."})


def name_problems(name: str) -> list[str]:
    """Why a structured name is not a short noun phrase (empty: it is one)."""
    problems = []
    if "```" in name or "~~~" in name:
        problems.append("a code fence")
    if re.search(r"!\[[^\]]*\]\(", name):
        problems.append("an image")
    if "\n" in name:
        problems.append("a line break")
    if len(name) > MAX_NAME_LENGTH:
        problems.append(f"{len(name)} characters")
    last = name.split()[-1].lower() if name.split() else ""
    if _SENTENCE_END.search(name.strip()) and last not in _ABBREVIATIONS and len(name.split()) > 2:
        problems.append("ends like a sentence")
    return problems


def structured_names(record: dict[str, Any], catalog: dict[str, str]) -> list[str]:
    """The names a record gives things: its data items (collected or not) and recipients."""
    names = [
        str(entry.get("name") or catalog.get(str(entry.get("ref")), entry.get("ref")))
        for path, entry in _dicts(record)
        if path
        and path[-1] in ("items", "fields", "events")
        and ("ref" in entry or "name" in entry)
    ]
    sharing = record.get("sharing") or {}
    names += [str(entry.get("name")) for entry in sharing.get("recipients") or []]
    return names
