"""Front matter of a source page → the product's metadata, normalized for the site's rules.

Values get the types the site declares (``ms.collection`` a list, ``ms.date`` an ISO date),
unknown keys are kept, and a key the site requires but the page lacks is taken from a synonym
(``ms.prod`` for ``ms.service``), the existing record, or a placeholder the report lists.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from ..load.metadata import MetadataRules
from ..load.yaml_source import YamlFault, parse_text
from .markdown_doc import BLOCK_KEY, FrontMatter
from .report import PageReport

PLACEHOLDER = "TODO"
#: Keys whose value may stand in for a required key the page does not have.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "ms.service": ("ms.prod", "service", "product"),
    "ms.date": ("date", "ms.lastupdated", "updated", "last_updated"),
    "author": ("ms.author",),
    "ms.author": ("author",),
    "description": ("summary", "ms.description"),
    "keywords": ("tags",),
    "ms.topic": ("topic",),
    "ms.collection": ("collection",),
    "date": ("ms.date",),
    "tags": ("keywords",),
}
_DATE_FORMATS = (
    "%m/%d/%Y",
    "%m/%d/%y",
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
)
_LINE_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w.\-]*)\s*+:\s*+(?P<value>.*)$")
_LINE_ITEM = re.compile(r"^\s*-\s+(?P<value>.*)$")


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


def _lenient(text: str) -> dict[str, object]:
    """``key: value`` lines and ``- item`` lists, for front matter that is not valid YAML."""
    values: dict[str, object] = {}
    key: str | None = None
    for line in text.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _LINE_ITEM.match(line)
        if item and key is not None:
            current = values.get(key)
            entries = current if isinstance(current, list) else []
            entries.append(_unquote(item.group("value")))
            values[key] = entries
            continue
        match = _LINE_KEY.match(line)
        if match:
            key = match.group("key")
            value = _unquote(match.group("value"))
            values[key] = value if value else None
    return values


def front_title(front: FrontMatter | None) -> str | None:
    """The front matter's ``title``, read line by line: also from front matter that is not YAML."""
    title = _lenient(front.text).get("title") if front else None
    return title if isinstance(title, str) and title else None


def _iso_date(text: str) -> str | None:
    value = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def read_metadata(
    front: FrontMatter | None,
    rules: MetadataRules,
    report: PageReport,
    *,
    title: str,
    summary: str,
    existing: Mapping[str, object] | None,
    today: str,
) -> dict[str, object]:
    """The normalized metadata of a page; every change is noted in ``report``."""
    raw: dict[str, object] = {}
    if front is not None:
        try:
            parsed = parse_text(front.text, report.source) if front.text.strip() else {}
            raw = dict(parsed) if isinstance(parsed, Mapping) else {}
            if not isinstance(parsed, Mapping) and parsed is not None:
                report.review(front.line, "metadata", "the front matter is not a mapping; ignored")
        except YamlFault as fault:
            raw = _lenient(front.text)
            report.review(
                front.line,
                "metadata",
                f"the front matter is not valid YAML ({fault.diagnostic.message}); read it line by line",
            )
        block = -1  # the indent of a block scalar's key, while its lines last
        for offset, text in enumerate(front.text.split("\n"), start=front.line + 1):
            if block >= 0 and (not text.strip() or len(text) - len(text.lstrip()) > block):
                continue  # ("## Server logs" in a "text: |" block is text, no comment)
            opens = BLOCK_KEY.match(text)
            block = len(opens["lead"]) if opens else -1
            if text.lstrip().startswith("#") and text.strip("# \t"):
                report.review(
                    offset, "metadata", f"front-matter comment not imported: {text.strip()}"
                )
    values: dict[str, object] = {}
    line = front.line if front else 0
    for key, value in raw.items():
        refused = rules.refusal(str(key))
        if refused is not None:  # kept in the report for the writer, out of the record
            report.review(line, "metadata", f"front-matter key not imported: {refused}")
            continue
        values[key] = _normalize(str(key), value, rules, report, line)
    for key in rules.required:
        if values.get(key) not in (None, "", []):
            continue
        filled = _fill(key, values, rules, title, summary, existing, today)
        values[key] = filled[0]
        report.review(line, "metadata", f"{key}: {filled[1]}")
    return values


def _normalize(
    key: str, value: object, rules: MetadataRules, report: PageReport, line: int
) -> object:
    kind = rules.type_of(key)
    if value is None:
        return None
    if kind == "list":
        items = value if isinstance(value, list) else _scalar(value).split(",")
        result = [_scalar(item) for item in items if _scalar(item)]
        if not isinstance(value, list):
            report.review(line, "metadata", f"{key}: text made a list {result!r}")
        return result
    if isinstance(value, list):
        text = ", ".join(_scalar(item) for item in value if _scalar(item))
        report.review(
            line, "metadata", f"{key}: list made text {text!r} (the site declares it as text)"
        )
        value = text
    text = _scalar(value)
    if kind == "date":
        iso = _iso_date(text)
        if iso is None:
            report.review(line, "metadata", f"{key}: {text!r} is not a date; kept as written")
            return text
        if iso != text:
            report.review(line, "metadata", f"{key}: date {text!r} written as {iso}")
        return iso
    return text


def _fill(
    key: str,
    values: Mapping[str, object],
    rules: MetadataRules,
    title: str,
    summary: str,
    existing: Mapping[str, object] | None,
    today: str,
) -> tuple[object, str]:
    """A value for a required key the page lacks, and how it was found."""
    kind = rules.type_of(key)
    for synonym in SYNONYMS.get(key, ()):
        found = values.get(synonym)
        if found not in (None, "", [], PLACEHOLDER, [PLACEHOLDER]):
            if kind == "list":
                items = found if isinstance(found, list) else str(found).split(",")
                return [str(i).strip() for i in items if str(i).strip()], f"taken from {synonym}"
            if isinstance(found, list):
                return ", ".join(map(str, found)), f"taken from {synonym}"
            if kind == "date":
                iso = _iso_date(str(found))
                if iso:
                    return iso, f"taken from {synonym}"
                continue
            return str(found), f"taken from {synonym}"
    if existing and existing.get(key) not in (None, "", []):
        return existing[key], "not in the page; kept the value of the existing record"
    if key == "title":
        return title, "not in the page; set to the page heading"
    if key == "description" and summary:
        return summary, "not in the page; set to the first sentence of the introduction"
    if kind == "date":
        return today, f"not in the page; set to the import date {today} — check it"
    if kind == "list":
        return [PLACEHOLDER], f"not in the page; set to [{PLACEHOLDER}] — replace it"
    return PLACEHOLDER, f"not in the page; set to {PLACEHOLDER!r} — replace it"
