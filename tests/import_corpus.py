"""The import corpus: real privacy and telemetry pages, imported and measured.

``tests/fixtures/import-corpus/`` holds public pages (``<slug>.md``, provenance in
``SOURCES.yml``) with hand-written expectations (``<slug>.expected.yml``, format in the folder's
README). :func:`import_corpus` imports each page with the real ``privacy-pages import`` into one
empty site, builds that site once with MkDocs (and once more with ``--strict``), and measures
each page:

- **structured share**: of the page's *units* (each list item, by its first line, and each data
  row of a table), the share whose line is in no ``free_form`` range of the import report
  (``line`` to ``end_line``; without ``end_line``, the range is as long as the text's lines)
  and whose key (a row's first cell, an item's lead) is in a structured field of the record,
  not only in prose such as an intro (the share without that second condition is reported as
  "not free-form");
- **fidelity**: the share of the page's facts (``fidelity.seed_facts``) on its built page;
- **recall**: the share of the expected values found in the record's structured fields (item
  names; storage locations; retention periods; recipients; controls; rights), see
  :func:`recall`;
- **truth** (:func:`truth`): the **precision** of the imported items (the share that are items
  of the page), whether each matched item's **requirement** (required, optional, not stated)
  is the page's, and what the page says is **never collected**: imported as collected, kept
  as never-collected, or lost;
- **the strict build**: the site built again with ``--strict`` (:func:`strict_build`), each
  warning or error given to the page it names.

Used by ``test_import_corpus.py``.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import Any

import yaml
from conftest import FIXTURES, SiteResult, run_mkdocs
from fidelity import Fact, clauses, missing_facts, normalize, page_text, plain, seed_facts
from mkdocs.exceptions import Abort
from privacy_pages.check.rules import RULES_BY_ID
from privacy_pages.cli import main
from test_import_seeds import site_config

CORPUS = FIXTURES / "import-corpus"
#: The groups of the corpus (see :attr:`Page.group`).
#: ``read``: pages added as held out, whose measures were later read to work on the importer:
#: neither the pages it was built on nor pages it never saw, reported apart.
TUNED, READ, HELD_OUT = "tuned", "read", "held-out"
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

    @property
    def base_url(self) -> str:
        """The folder of the page's address on its old site (SOURCES.yml ``url``): its relative
        links point there, as a writer importing it asks with ``--base-url``; without it, a
        link to a page of the old site that the new one does not have fails a strict build."""
        return str(self.source["url"]).rsplit("/", 1)[0] + "/"


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


#: An item's requirement, as an expectation or the record's section holding it states it.
REQUIRED, OPTIONAL, NOT_STATED = "required", "optional", "not stated"
REQUIREMENTS = (REQUIRED, OPTIONAL, NOT_STATED)
#: The record's sections of collected data → the requirement each states (``collected``: data
#: whose requirement the page does not state).
SECTION_REQUIREMENT = {"required": REQUIRED, "optional": OPTIONAL, "collected": NOT_STATED}


@dataclass(frozen=True)
class ImportedItem:
    """A data item of a record: its name (the catalog's, for a ``ref``), the requirement of the
    section it is in, and the details and alternatives listed with it (an item may hold several
    items of the page)."""

    name: str
    requirement: str
    details: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.details)


def _item_name(path: tuple[str, ...], entry: dict[str, Any], catalog: dict[str, str]) -> str | None:
    """The name of a record's item (None: the mapping is no item)."""
    if isinstance(entry.get("ref"), str):
        return str(entry.get("name") or catalog.get(entry["ref"], entry["ref"]))
    if "name" in entry and path and path[-1] in ("items", "fields", "events"):
        return str(entry["name"])
    return None


def _listed(entry: dict[str, Any], *keys: str) -> list[str]:
    """The texts listed under ``keys``, a detail's own details too ({text, details})."""
    texts: list[str] = []
    for value in (value for key in keys for value in entry.get(key) or []):
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict) and isinstance(value.get("text"), str):
            texts += [value["text"], *_listed(value, "details")]
    return texts


def _items_in(section: str, value: Any, catalog: dict[str, str]) -> list[ImportedItem]:
    requirement = SECTION_REQUIREMENT.get(section, NOT_STATED)
    items: list[ImportedItem] = []
    for path, entry in _dicts(value, (section,)):
        name = _item_name(path, entry, catalog)
        if name is not None:
            listed = _listed(entry, "details", "fields")
            alternatives = entry.get("alternatives")
            if isinstance(alternatives, dict):  # (a control's options are ways to opt out)
                listed += _listed(alternatives, "options")
            items.append(ImportedItem(name, requirement, tuple(listed)))
        elif path[-1] not in ("alternatives", "details"):  # (a detail's are its item's)
            # texts listed outside an item: each one an item
            items += [
                ImportedItem(text, requirement) for text in _listed(entry, "details", "fields")
            ]
    return items


def imported_items(record: dict[str, Any], catalog: dict[str, str]) -> list[ImportedItem]:
    """The data items a record says are collected (never-collected ones left out), each with the
    requirement of its section (``required``, ``optional``, ``collected``: not stated)."""
    return [
        item
        for section, value in record.items()
        if str(section) not in PROSE_KEYS and section != "never_collected"
        for item in _items_in(str(section), value, catalog)
    ]


def never_collected_names(record: dict[str, Any], catalog: dict[str, str]) -> list[str]:
    """The names (with details) of the data a record says is never collected."""
    value = record.get("never_collected")
    return [name for item in _items_in("never_collected", value, catalog) for name in item.names]


def item_names(record: dict[str, Any], catalog: dict[str, str]) -> list[str]:
    """The names of the data items a record says are collected (never-collected ones left out),
    with their listed details, alternatives and fields, which are structured too."""
    return [name for item in imported_items(record, catalog) for name in item.names]


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

    def share_of(self, category: str) -> float | None:
        """The recall of one category (None: the page expects none of it)."""
        found, total = self.by_category.get(category, (0, 0))
        return found / total if total else None


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


# -- truth: what the record claims against what the page says ----------------------------------


@dataclass(frozen=True)
class ExpectedItem:
    name: str
    requirement: str


def expected_items(expected: dict[str, Any]) -> list[ExpectedItem]:
    """The items of a ``<slug>.expected.yml``, each with its requirement."""
    return [
        ExpectedItem(str(item["name"]), str(item.get("requirement", NOT_STATED)))
        for item in expected.get("items") or []
    ]


def expected_never_collected(expected: dict[str, Any]) -> list[str]:
    """What a ``<slug>.expected.yml`` says the page says is not collected."""
    return [str(entry) for entry in expected.get("never_collected") or []]


#: Where a list written in one entry ("Names, emails, or IP addresses") parts.
_LISTED = re.compile(r",\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)
_EXCEPT = re.compile(r",?\s+(?:except|unless|excluding)\b", re.IGNORECASE)


def _stated(entry: str, names: list[str]) -> bool:
    """Whether the record's ``names`` state an expected never-collected entry: one of them
    matches it, or it lists data ("user behavior or usage statistics") and each part it lists
    is matched by one of them (the record may give each its own entry)."""
    if any(matches(entry, name) for name in names):
        return True
    # (the exception a list ends with is no data it denies: "A or B, except text you submit")
    parts = [part for part in _LISTED.split(_EXCEPT.split(entry)[0]) if part.strip()]
    return len(parts) > 1 and all(any(matches(part, name) for name in names) for part in parts)


def related(one: str, other: str) -> bool:
    """Whether two names are of the same data: either :func:`matches` the other (an imported
    item may hold several of the page's items, or be one of an item's details)."""
    return matches(one, other) or matches(other, one)


def _closeness(one: str, other: str) -> float:
    a, b = _words(one), _words(other)
    return len(a & b) / len(a | b) if a | b else 0.0


def states(name: str, entry: str) -> bool:
    """Whether an imported name is the data of an expected entry: it :func:`matches` the entry,
    and half of all their words at least are shared ("The parameters passed to pwsh without the
    parameter values" matches "Parameter values", and is not that data)."""
    return matches(entry, name) and _closeness(entry, name) >= 0.5


#: How an imported item's requirement compares with the page's (``agrees``: the same).
AGREES, ERROR, UNSTATED, INVENTED = "agrees", "error", "unstated", "invented"


def requirement_outcome(expected: str, imported: str) -> str:
    """``error``: required for optional or the other way round; ``unstated``: not stated in the
    record while the page states it (a loss, not a falsehood); ``invented``: required or
    optional in the record while the page does not say (words put in the page's mouth)."""
    if expected == imported:
        return AGREES
    if expected == NOT_STATED:
        return INVENTED
    if imported == NOT_STATED:
        return UNSTATED
    return ERROR


@dataclass(frozen=True)
class Pairing:
    """An imported item and the expected item closest to it among those it relates to."""

    imported: ImportedItem
    expected: ExpectedItem

    @property
    def outcome(self) -> str:
        return requirement_outcome(self.expected.requirement, self.imported.requirement)

    def __str__(self) -> str:
        return (
            f"{self.imported.name} ({self.imported.requirement}; the page: "
            f"{self.expected.name}, {self.expected.requirement})"
        )


@dataclass
class Truth:
    """What a record claims, measured against what its page says (its expectations)."""

    #: The imported items (in the record's sections of collected data).
    items: list[ImportedItem] = field(default_factory=list)
    #: Each imported item that relates to an expected item, with the closest one.
    pairings: list[Pairing] = field(default_factory=list)
    #: The imported items that relate to no expected item.
    false_items: list[ImportedItem] = field(default_factory=list)
    #: The expected never-collected entries, and those a never-collected entry states.
    never_expected: list[str] = field(default_factory=list)
    never_found: list[str] = field(default_factory=list)
    #: (expected never-collected entry, imported collected item that states it).
    never_as_collected: list[tuple[str, str]] = field(default_factory=list)
    #: The page says what is never collected, and no never-collected entry of the record
    #: relates to any of it.
    never_list_lost: bool = False
    #: The page says what is never collected, and the record says that no such data is listed.
    never_empty_sentence: bool = False
    #: The page gives a retention period, and the record says the page gives none (the
    #: import's own sentence, or the section marked empty).
    no_period_sentence: bool = False
    #: The page names rights or controls, and the record says it does not describe how to
    #: exercise rights (the import's sentence for an empty "Your rights").
    no_rights_sentence: bool = False
    #: The recipients imported, where the expectations list the page's (if only as none), and
    #: those that relate to no recipient the page names ("No analytics services").
    recipients: list[str] = field(default_factory=list)
    false_recipients: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        """The share of imported items that relate to an expected item (None: no item)."""
        return len(self.pairings) / len(self.items) if self.items else None

    def outcomes(self, outcome: str) -> list[Pairing]:
        return [pairing for pairing in self.pairings if pairing.outcome == outcome]

    @property
    def stated(self) -> list[Pairing]:
        """The pairings whose page states the requirement (required or optional)."""
        return [p for p in self.pairings if p.expected.requirement != NOT_STATED]

    @property
    def not_stated(self) -> list[Pairing]:
        return [p for p in self.pairings if p.expected.requirement == NOT_STATED]

    @property
    def never_recall(self) -> float | None:
        if not self.never_expected:
            return None
        return len(self.never_found) / len(self.never_expected)

    @property
    def never_errors(self) -> int:
        """Never-collected data imported as collected, a list lost, an empty-section sentence."""
        return len(self.never_as_collected) + self.never_list_lost + self.never_empty_sentence


def _closest(item: ImportedItem, wanted: list[ExpectedItem]) -> ExpectedItem | None:
    scored = [
        (max(_closeness(e.name, name) for name in item.names), -index, e)
        for index, e in enumerate(wanted)
        if any(related(e.name, name) for name in item.names)
    ]
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def truth(expected: dict[str, Any], record: dict[str, Any], catalog: dict[str, str]) -> Truth:
    """Precision, requirements and never-collected data of a record against its page's
    expectations (see the corpus README, "How the test measures")."""
    wanted = expected_items(expected)
    result = Truth(items=imported_items(record, catalog))
    for item in result.items:
        closest = _closest(item, wanted)
        if closest is not None:
            result.pairings.append(Pairing(item, closest))
        else:
            result.false_items.append(item)
    result.never_expected = expected_never_collected(expected)
    never = never_collected_names(record, catalog)
    result.never_found = [entry for entry in result.never_expected if _stated(entry, never)]
    result.never_as_collected = [
        (entry, item.name)
        for entry in result.never_expected
        for item in result.items
        if any(states(name, entry) for name in item.names)
    ]
    if result.never_expected:
        result.never_list_lost = not any(
            related(entry, name) for entry in result.never_expected for name in never
        )
        empty = record.get("empty_sections") or {}
        result.never_empty_sentence = isinstance(empty, dict) and "never-collected" in empty
    if expected.get("retention"):
        storage = record.get("storage") or {}
        note = str(storage.get("retention_note") or "") if isinstance(storage, dict) else ""
        empty = record.get("empty_sections") or {}
        result.no_period_sentence = NO_PERIOD in note or (
            isinstance(empty, dict) and "storage-and-retention" in empty
        )
    if expected.get("rights") or expected.get("controls"):
        empty = record.get("empty_sections") or {}
        result.no_rights_sentence = isinstance(empty, dict) and "your-rights" in empty
    if "recipients" in expected:
        sharing = record.get("sharing") or {}
        listed = (sharing.get("recipients") or []) if isinstance(sharing, dict) else []
        result.recipients = [str(r.get("name")) for r in listed if isinstance(r, dict)]
        named = [str(name) for name in expected.get("recipients") or []]
        result.false_recipients = [
            got for got in result.recipients if not any(related(got, name) for name in named)
        ]
    return result


def recipient_precision(truths: list[Truth]) -> float | None:
    """The share of imported recipients that relate to one the page names, pooled over the
    records (None: no recipient imported)."""
    imported = sum(len(t.recipients) for t in truths)
    false = sum(len(t.false_recipients) for t in truths)
    return (imported - false) / imported if imported else None


#: What a line of the page is, in the words of :func:`missed_places` (its kinds, by
#: :func:`classify_lines`: a table's header row and data row are both a table's row).
_PLACE_OF_KIND = {
    "text": "a sentence",
    "item": "a list item",
    "row": "a table row",
    "header": "a table row",
    "code": "a code block",
    "fence": "a code block",
    "heading": "a heading",
}


def missed_places(text: str, missing: list[str], report: dict[str, Any]) -> Counter[str]:
    """Where each expected item a record lacks stands on its page: the first line that holds
    its name word for word (case aside), by kind (:data:`_PLACE_OF_KIND`), and whether the
    import kept that line as free-form text or put it elsewhere in the record (an intro, a
    description, a note); "no line, word for word" when no line holds it. Counts only, so
    that held-out pages can be counted and never read (a name or a line would read them)."""
    lines = classify_lines(text)
    free = free_ranges(report) if report else []
    places: Counter[str] = Counter()
    for name in missing:
        wanted = " ".join(name.lower().split())
        line = next((ln for ln in lines if wanted in " ".join(ln.text.lower().split())), None)
        if line is None:
            places["no line, word for word"] += 1
            continue
        kept = "kept as free-form text" if in_ranges(line.number, free) else "the record holds"
        places[f"{_PLACE_OF_KIND.get(line.kind, 'another line')} {kept}"] += 1
    return places


#: What the import writes where a page gives no retention period (``importer/records.py``).
NO_PERIOD = "does not say how long it keeps the data"


@dataclass(frozen=True)
class Requirements:
    """The requirement outcomes of several pages' matched items, pooled (a page with one matched
    item weighs what it holds, not as much as one with a hundred)."""

    #: Matched items whose page states the requirement, and how their imported one compares.
    stated: int
    agrees: int
    errors: int
    unstated: int
    #: Matched items whose page does not state it, and those imported as required or optional.
    not_stated: int
    invented: int

    @staticmethod
    def of(truths: list[Truth]) -> Requirements:
        def count(outcome: str) -> int:
            return sum(len(t.outcomes(outcome)) for t in truths)

        return Requirements(
            stated=sum(len(t.stated) for t in truths),
            agrees=sum(len([p for p in t.stated if p.outcome == AGREES]) for t in truths),
            errors=count(ERROR),
            unstated=count(UNSTATED),
            not_stated=sum(len(t.not_stated) for t in truths),
            invented=count(INVENTED),
        )

    @property
    def accuracy(self) -> float | None:
        return self.agrees / self.stated if self.stated else None

    @property
    def error_share(self) -> float | None:
        return self.errors / self.stated if self.stated else None

    @property
    def unstated_share(self) -> float | None:
        return self.unstated / self.stated if self.stated else None

    @property
    def invented_share(self) -> float | None:
        return self.invented / self.not_stated if self.not_stated else None


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
    #: Imported item names that match no expected item (the names of ``truth.false_items``).
    unexpected_items: list[str] = field(default_factory=list)
    #: Precision, requirements and never-collected data against the expectations.
    truth: Truth = field(default_factory=Truth)
    #: The warnings and errors of the strict build that name this page (empty: it builds).
    strict_problems: list[str] = field(default_factory=list)

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
    #: The same site built with ``--strict`` (:func:`strict_build`).
    strict: StrictBuild

    def page(self, slug: str) -> Measured:
        return next(measured for measured in self.pages if measured.page.slug == slug)


def import_page(config: Path, page: Page, report: Path) -> tuple[int, dict[str, Any]]:
    """``privacy-pages import PAGE --product-id SLUG --base-url URL`` into the site of
    ``config``. Without ``--force``: every page of the corpus is a privacy page (a data-residency or subprocessor
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
                "--base-url",
                page.base_url,
            ]
        )
    pages = json.loads(report.read_text("utf-8"))["pages"] if report.is_file() else []
    return code, (pages[0] if pages else {})


# -- the strict build ---------------------------------------------------------------------------

#: The lint rules the strict build turns off, and why: each warns, by design, about every
#: imported record of some pages, whatever the importer does.
STRICT_LINT_OFF = {
    "placeholder-text": "a metadata key the page lacks (the example site's rules require it) is "
    "filled with a TODO placeholder for the writer to replace",
    "stale-date": "the page's own date is kept, and whether it is stale depends on the day the "
    "test runs",
}


def strict_config(config: Path) -> Path:
    """A copy of a site's ``mkdocs.yml``, beside it (the same docs and content), with the lint
    rules of :data:`STRICT_LINT_OFF` turned off."""
    data = yaml.safe_load(config.read_text("utf-8"))
    for plugin in data["plugins"]:
        if isinstance(plugin, dict) and "privacy-pages" in plugin:
            options = plugin["privacy-pages"]
            options["lint"] = {
                **(options.get("lint") or {}),
                **dict.fromkeys(STRICT_LINT_OFF, "off"),
            }
    path = config.with_name("mkdocs-strict.yml")
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    return path


#: Where a message names a page: its record (``content/products/ID.yml:LINE``) or its page.
_NAMED_PAGE = re.compile(r"products/([\w.-]+?)\.ya?ml\b|privacy/([\w.-]+?)(?:\.md\b|/)")


def named_pages(message: str, slugs: set[str]) -> set[str]:
    """The pages of ``slugs`` whose record or built page a log message names."""
    return {one or other for one, other in _NAMED_PAGE.findall(message)} & slugs


def problem_kind(message: str) -> str:
    """The lint rule a strict build's message names (``... warning insecure-link: ...``), or
    ``mkdocs`` for MkDocs' own (a link to a missing page, say)."""
    found = _RULE_IN_MESSAGE.search(message)
    return found.group(1) if found and found.group(1) in RULES_BY_ID else "mkdocs"


_RULE_IN_MESSAGE = re.compile(r"\b(?:error|warning|info) ([a-z][a-z0-9-]*):")


@dataclass
class StrictBuild:
    """One ``mkdocs build --strict`` of the corpus site, with its warnings and errors by page."""

    site: SiteResult
    #: Slug → the warnings and errors that name its record or its page.
    by_page: dict[str, list[str]] = field(default_factory=dict)
    #: The warnings and errors that name no page (the catalog's, the site's), and the error
    #: that stopped the build before its end.
    unattributed: list[str] = field(default_factory=list)

    @property
    def completed(self) -> bool:
        """Whether the build went to its end (failing, if at all, for the warnings it counted)."""
        error = self.site.error
        return error is None or (isinstance(error, Abort) and "in strict mode" in str(error))

    def problems(self, slug: str) -> list[str]:
        """What keeps a page from building strictly (empty: it builds)."""
        found = self.by_page.get(slug, [])
        if not found and not self.completed:
            return [f"not built: the build stopped ({self.site.error})"]
        return found


def strict_build(config: Path, slugs: list[str], site_dir: Path) -> StrictBuild:
    """Build the site of ``config`` once with ``--strict`` (see :func:`strict_config`), and
    give each warning or error to the pages it names."""
    site = run_mkdocs(strict_config(config), strict=True, site_dir=site_dir)
    result = StrictBuild(site)
    for record in site.records:
        if record.levelno < logging.WARNING:
            continue
        message = record.getMessage()
        named = named_pages(message, set(slugs))
        for slug in sorted(named):
            result.by_page.setdefault(slug, []).append(message)
        if not named:
            result.unattributed.append(message)
    if not result.completed:
        result.unattributed.append(f"the build stopped: {site.error}")
    return result


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
    # Each text on its own: a code fence in one (a catalog file's) must not swallow the others.
    return f" {' '.join(normalize(plain(part)) for part in parts)} "


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
    """Import every page into one empty site under ``root``, build it once (and once more
    with ``--strict``), and measure."""
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
    strict = strict_build(config, [page.slug for page in pages], root / "_strict")
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
        result.not_data_units = len(units(page.text)) - len(units_about_data(page.text, free))
        result.truth = truth(page.expected, record, names)
        result.unexpected_items = [item.name for item in result.truth.false_items]
        result.strict_problems = (
            strict.problems(page.slug) if record else [f"no record: the import exited with {code}"]
        )
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
    return CorpusRun(root, measured, site, strict)


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
    # (a held-out page is never named: the report is read, and they are measured unread)
    named = [r for r in pages if r.page.group != HELD_OUT]
    lowest = min(named, key=lambda r: 1.0 if r.structured is None else r.structured, default=None)
    not_data = sum(r.not_data_units for r in pages)
    return [
        f"**Averages over {label}, {len(pages)} pages:** structured share "
        f"{_percent(structured)} (not free-form in the report: {_percent(claimed)}), fidelity "
        f"{_percent(fidelity)} (text fidelity {_percent(text_fidelity)}), recall "
        f"{_percent(recalled)}. Lowest structured share: "
        + (f"{lowest.page.slug} ({_percent(lowest.structured)})" if lowest else "not named")
        + ". Units in lists that are not about data (links, "
        f"steps, a reference), left out: {not_data}.",
        "",
    ]


#: The bounds of the bands of item recall the report counts pages in (an average hides whether
#: every page is missing a few items or some pages import none).
RECALL_BANDS = (0.2, 0.4, 0.6, 0.8)


def recall_spread(values: list[float | None]) -> list[int]:
    """How many pages fall in each band of item recall: under 20%, 20-40%, ..., 80% or more."""
    spread = [0] * (len(RECALL_BANDS) + 1)
    for value in values:
        if value is not None:
            spread[sum(value >= bound for bound in RECALL_BANDS)] += 1
    return spread


def _truth_averages(label: str, pages: list[Measured]) -> list[str]:
    truths = [r.truth for r in pages]
    recalls = [r.recall.share_of("items") for r in pages]
    found = sum(r.recall.by_category.get("items", (0, 0))[0] for r in pages)
    expected = sum(r.recall.by_category.get("items", (0, 0))[1] for r in pages)
    bands = ("under 20%", "20-40%", "40-60%", "60-80%", "80% or more")
    req = Requirements.of(truths)
    named = [r for r in pages if r.page.group != HELD_OUT]
    with_items = [r for r in named if r.truth.precision is not None]
    worst = sorted(with_items, key=lambda r: r.truth.precision or 0.0)[:3]
    erring = sorted(
        (r for r in named if r.truth.outcomes(ERROR)), key=lambda r: -len(r.truth.outcomes(ERROR))
    )[:3]
    lists = [t for t in truths if t.never_expected]
    unnamed = "none" if named or not pages else "held-out pages are not named"
    failing = [r.page.slug for r in named if r.strict_problems]
    failing += ["a held-out page"] * sum(bool(r.strict_problems) for r in pages if r not in named)
    return [
        f"**Truth over {label}:** item recall "
        f"{_percent(average(recalls))} ({found} of {expected} items; pages by their recall: "
        + ", ".join(f"{n} {band}" for n, band in zip(recall_spread(recalls), bands, strict=True))
        + "), precision "
        f"{_percent(average([t.precision for t in truths]))} (lowest: "
        + (", ".join(f"{r.page.slug} {_percent(r.truth.precision)}" for r in worst) or unnamed)
        + f"; {sum(len(t.false_items) for t in truths)} false items of "
        f"{sum(len(t.items) for t in truths)}). Requirements, of the {req.stated} matched items "
        f"whose page states it: {req.agrees} agree ({_percent(req.accuracy)}), {req.errors} "
        f"errors ({_share(req.error_share)}, goal <= 2%; most: "
        + (", ".join(f"{r.page.slug} {len(r.truth.outcomes(ERROR))}" for r in erring) or unnamed)
        + f"), {req.unstated} not stated ({_percent(req.unstated_share)}); of the "
        f"{req.not_stated} whose page does not state it, {req.invented} invented "
        f"({_percent(req.invented_share)}). Never collected: {sum(len(t.never_expected) for t in lists)} "
        f"entries on {len(lists)} pages, recall "
        f"{_percent(average([t.never_recall for t in lists]))}; "
        f"{sum(len(t.never_as_collected) for t in truths)} imported as collected, "
        f"{sum(t.never_list_lost for t in truths)} lists lost, "
        f"{sum(t.never_empty_sentence for t in truths)} records saying none is listed. "
        f"Recipients: {sum(len(t.recipients) for t in truths)} imported, "
        f"{sum(len(t.false_recipients) for t in truths)} of them no party the page names "
        f"(precision {_percent(recipient_precision(truths))}). "
        f"Items missed, by where they stand on the page: {_missed(pages)}. "
        f"Retention: {sum(t.no_period_sentence for t in truths)} records saying the page gives "
        "no period while it gives one. Rights: "
        f"{sum(t.no_rights_sentence for t in truths)} records saying how to exercise them is "
        "not described while the page names rights or controls. Strict "
        f"build: {len(pages) - len(failing)} of {len(pages)} records build"
        + (f" (failing: {', '.join(failing)})" if failing else "")
        + ".",
        "",
    ]


def _missed(pages: list[Measured]) -> str:
    """The places of the expected items the records lack, summed (:func:`missed_places`)."""
    places: Counter[str] = Counter()
    for result in pages:
        missing = [
            m.removeprefix("items: ") for m in result.recall.missing if m.startswith("items: ")
        ]
        places += missed_places(result.page.text, missing, result.report)
    return ", ".join(f"{count} in {place}" for place, count in places.most_common()) or "none"


def _share(value: float | None) -> str:
    """A percentage with one decimal (for shares near a goal of a few percent)."""
    return "n/a" if value is None else f"{100 * value:.1f}%"


def report_markdown(run: CorpusRun) -> str:
    """A Markdown report: one row per page not held out, the averages of every group (a
    held-out page is counted, never named), then what each page not held out loses."""
    shown = [r for r in run.pages if r.page.group != HELD_OUT]
    rows = ["# Import corpus report", "", *_page_rows(shown)]
    rows += ["", *_averages("all", run.pages), *_truth_averages("all pages", run.pages)]
    for group, title in (
        (TUNED, "tuned on"),
        (READ, "held out when added, read since"),
        (HELD_OUT, "added after the code"),
    ):
        pages = [r for r in run.pages if r.page.group == group]
        if pages and len(pages) < len(run.pages):
            rows += _averages(f"the pages {title} ({group})", pages)
            rows += _truth_averages(f"the pages {title} ({group})", pages)
    if run.strict.unattributed:
        rows.append(
            "**Strict build, naming no page:** "
            + "; ".join(_short(message, run.root) for message in run.strict.unattributed)
        )
        rows.append("")
    if len(shown) < len(run.pages):
        rows += [
            f"The {len(run.pages) - len(shown)} held-out pages' own rows and losses are in "
            f"`{HELD_OUT_REPORT}`: reading it reads them (see the corpus README).",
            "",
        ]
    rows += _losses(shown, run.root)
    return "\n".join(rows) + "\n"


#: Where the corpus test writes the held-out pages' own figures, apart from the report.
HELD_OUT_REPORT = "import-corpus-held-out.md"


def held_out_report_markdown(run: CorpusRun) -> str:
    """The held-out pages' own rows and losses, apart: reading them makes the pages read."""
    held = [r for r in run.pages if r.page.group == HELD_OUT]
    rows = ["# Import corpus report: the held-out pages", "", *_page_rows(held)]
    return "\n".join([*rows, "", *_losses(held, run.root)]) + "\n"


def _page_rows(pages: list[Measured]) -> list[str]:
    rows = [
        "| page | group | source | units | structured | not free-form | facts | fidelity | text fidelity |"
        " expected | recall | items | false items | precision | requirement stated | errors |"
        " unstated | invented | never collected | never-collected errors | strict build |"
        " storage | retention | recipients | controls | rights |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |"
        " ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | --- | --- | --- | --- |",
    ]

    def cell(result: Measured, *categories: str) -> str:
        pairs = [result.recall.by_category[c] for c in categories if c in result.recall.by_category]
        if not pairs:
            return ""
        return f"{sum(f for f, _ in pairs)}/{sum(t for _, t in pairs)}"

    for result in pages:
        source = result.page.source
        claims = result.truth
        rows.append(
            f"| {result.page.slug} | {result.page.group} | {source['repo']} | {result.units} | "
            f"{_percent(result.structured)} | {_percent(result.report_share)} | "
            f"{len(result.facts)} | {_percent(result.fidelity)} | "
            f"{_percent(result.text_fidelity)} | "
            f"{result.recall.expected} | {_percent(result.recall.share)} | "
            f"{cell(result, 'items')} | {len(result.unexpected_items)} | "
            f"{_percent(claims.precision)} | {len(claims.stated)} | "
            f"{len(claims.outcomes(ERROR))} | {len(claims.outcomes(UNSTATED))} | "
            f"{len(claims.outcomes(INVENTED))} | "
            f"{len(claims.never_found)}/{len(claims.never_expected)} | {claims.never_errors} | "
            f"{'fails' if result.strict_problems else 'builds'} | "
            f"{cell(result, 'locations', 'services')} | "
            f"{cell(result, 'retention')} | {cell(result, 'recipients')} | "
            f"{cell(result, 'controls')} | {cell(result, 'rights')} |"
        )
    return rows


def _losses(pages: list[Measured], root: Path) -> list[str]:
    rows = ["## What each page loses", ""]
    for result in pages:
        rows.append(f"### {result.page.slug}")
        claims = result.truth
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
            "- false items (imported as collected, no item of the page): "
            + ("; ".join(result.unexpected_items) or "none")
        )
        for outcome, title in (
            (ERROR, "requirement errors"),
            (UNSTATED, "requirements the page states, not stated in the record"),
            (INVENTED, "requirements invented (the page does not state them)"),
        ):
            pairings = claims.outcomes(outcome)
            rows.append(f"- {title}: " + ("; ".join(map(str, pairings)) or "none"))
        never_lost = [e for e in claims.never_expected if e not in claims.never_found]
        rows.append(
            "- never collected, not in a never-collected entry: "
            + ("; ".join(never_lost) or "none")
            + (" (the list is lost)" if claims.never_list_lost else "")
            + (
                "; the record says none is listed (empty_sections: never-collected)"
                if claims.never_empty_sentence
                else ""
            )
        )
        if claims.no_period_sentence:
            rows.append("- retention: the record says the page gives no period; it gives one")
        if claims.no_rights_sentence:
            rows.append("- rights: the record says they are not described; the page names some")
        rows.append(
            "- never collected, imported as collected: "
            + ("; ".join(f"{e} (as {name})" for e, name in claims.never_as_collected) or "none")
        )
        rows.append(
            "- strict build: "
            + ("; ".join(_short(m, root) for m in result.strict_problems) or "builds")
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
    return rows


def _short(message: str, root: Path) -> str:
    """A log message without the run's folder, on one line."""
    return " ".join(message.replace(f"{root}/", "").split())[:300]


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
