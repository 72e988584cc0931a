"""Tables of a source page: which column says what, and the rows read as data items.

Pages lay their tables out differently (Category | Data | MAM workload, Field | Description,
Data source | Use), with HTML in the cells and a category written only on the first row of its
group. Each column gets a *role* from its header words (a workload column from its yes/no
values); the category is carried down over blank cells; a row that is only a note stays with
the group it sits in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from .claims import CROSS, EXCEPTION, TICK, answer, column_requirement, denial, question_data
from .classify import DATA_KINDS, Kind, any_of
from .item_text import ItemDraft, ItemSource, item_from, listed_items
from .markdown_doc import Table
from .markup import has_html, html_to_markdown, one_line, plain


class Role(StrEnum):
    CATEGORY = "category"
    NAME = "name"
    DESCRIPTION = "description"
    PURPOSE = "purpose"
    CONDITION = "condition"
    #: Whether the item is required ("Required: Yes/No", "Optional").
    REQUIREMENT = "requirement"
    #: Whether people can turn it off ("Can be disabled: Yes"): optional when they can.
    OPT_OUT = "opt-out"
    RETENTION = "retention"
    CLASSIFICATION = "classification"
    CONTROL = "control"
    NOTES = "notes"
    WORKLOAD = "workload"
    SOURCE = "source"
    USE = "use"
    #: The legal basis of each row's purpose (GDPR Art. 6(1)): read onto the purpose.
    LEGAL_BASIS = "legal-basis"
    OTHER = "other"


#: "Categories of Third Parties With Whom We Share this Personal Data": who receives each
#: row's data, kept with it (never its category nor its name: the words are of people).
_RECIPIENTS_HEADER = any_of(r"\bcategor\w* of (?:third[- ]part\w*|recipients?)\b", r"\bwith whom\b")

#: Header words of each role, in order of priority.
HEADER_RULES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (
        Role.OPT_OUT,
        any_of(
            r"\bcan (?:be )?(?:disabled|turned off|switched off|opted out)\b",
            r"\bcan (?:i |you |users? )?(?:disable|opt[- ]?out|turn (?:it )?off)\b",
            r"\bopt[- ]?out (?:possible|available)\b",
        ),
    ),
    # ("Required to use the service")
    (
        Role.REQUIREMENT,
        any_of(r"^(?:required|optional|mandatory|requirement)(?: (?:to|for) .*)?\??$"),
    ),
    (Role.OTHER, _RECIPIENTS_HEADER),
    (Role.SOURCE, any_of(r"\b(?:sources?|origin)\b")),
    (Role.RETENTION, any_of(r"\b(?:retention|retained|how long|kept|period|duration)\b")),
    (
        Role.PURPOSE,
        any_of(r"\b(?:purposes?|why|reasons?|used for|used to)\b", r"\bhow (?:it is|we) use"),
    ),
    (
        Role.LEGAL_BASIS,
        any_of(
            r"\b(?:legal|lawful)\s+(?:bas[ie]s|grounds?)\b",
            r"^\W*bas[ie]s\b",
            r"\bart(?:icle|\.)?\s*6\b",
        ),
    ),
    (Role.CONDITION, any_of(r"\b(?:when|conditions?|circumstances?)\b")),
    (Role.CLASSIFICATION, any_of(r"\b(?:classification|sensitivity)\b")),
    (Role.CONTROL, any_of(r"\b(?:controls?|opt[- ]?out|turn(?:ed)? off)\b")),
    (
        Role.NOTES,
        any_of(
            r"\b(?:notes?|remarks?|comments?|more information|learn more|links?|references?|"
            r"see also|documentation)\b"
        ),
    ),
    (
        Role.DESCRIPTION,
        any_of(
            r"\b(?:descriptions?|details?|definitions?|meaning|examples?|explanation|contents?|"
            r"includes?|what it is|what (?:is|gets) (?:sent|collected)|means|summary|values?)\b",
            # ("Event Sample", "Sample value": what a value looks like; not "Blood sample")
            r"^\w+ samples?$|^samples? values?$",
            r"^(?:value |field )?types?$",  # a field's type (number, string): about it
        ),
    ),
    (Role.CATEGORY, any_of(r"\bcategor", r"\b(?:groups?|types? of data|data types?|kind)\b")),
    # Where data is kept ("Data storage location", "Data residency") names no data.
    (Role.OTHER, any_of(r"^(?:data |storage |data storage )?(?:locations?|regions?|residency)$")),
    (
        Role.NAME,
        any_of(
            r"^data\b",
            r"\b(?:data (?:items?|elements?|points?|fields?|collected)|fields?|items?|names?|"
            r"elements?|attributes?|propert(?:y|ies)|information|identifiers?|settings?|events?|"
            r"parameters?|metrics?|dimensions?|flags?|variables?|keys?|columns?|data)\b",
        ),
    ),
    (Role.USE, any_of(r"\b(?:uses?|used|usage)\b")),
)

_YES_NO = re.compile(
    rf"(?i)^(?:(?P<yes>yes|y|{TICK})|no|n|x|{CROSS})(?!\w)\.?\s*+"
    r"(?:\((?P<cond>.*)\)|[-\u2013:,]\s*(?P<cond2>.+))?\s*$"
)
_NOTE_START = re.compile(r"^\W*(?:note|important|tip)\W*[:.]", re.IGNORECASE)
_CATEGORY_CUT = re.compile(
    r"(?is),?(?<!\s)\s+(?:like|including|such as|for example|e\.g\.)\b.*$|(?<!\s)\s*\(.*$|:$"
)
CLASSIFICATIONS = frozenset(
    re.findall(
        r"\S+",
        "personal pseudonymized anonymized customer service-generated organizational diagnostic "
        "account support payment access-control functional",
    )
)


def workload_value(text: str) -> tuple[bool, str | None] | None:
    """``Yes (If device is Azure AD joined)`` → (True, "If device is Azure AD joined")."""
    value = plain(text).strip()
    match = _YES_NO.match(value)
    if match is None:
        return None
    condition = (match.group("cond") or match.group("cond2") or "").strip() or None
    return match.group("yes") is not None, condition


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    role: Role
    #: Whether the header's own words gave the role (not the column's place in the table).
    named: bool = True


@dataclass(frozen=True)
class Layout:
    """What a table holds: data items, data uses, retention periods or nothing we know."""

    kind: str
    columns: tuple[Column, ...]

    def first(self, role: Role) -> Column | None:
        return next((c for c in self.columns if c.role is role), None)

    def of(self, role: Role) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.role is role)


def _cells(table: Table) -> list[list[str]]:
    width = len(table.header)
    return [list(row.cells[:width]) + [""] * (width - len(row.cells)) for row in table.rows]


def layout(table: Table, context: Kind) -> Layout:
    """The role of each column and the kind of table, from its header and values."""
    rows = _cells(table)
    columns: list[Column] = []
    for index, header in enumerate(table.header):
        words = plain(header)
        values = [row[index] for row in rows if plain(row[index])]
        role = Role.OTHER
        for candidate, pattern in HEADER_RULES:
            if pattern.search(words):
                role = candidate
                break
        if (
            role in {Role.OTHER, Role.USE, Role.CONTROL}
            and values
            and all(workload_value(v) is not None for v in values)
            and index > 0
            and not _HANDLING.match(words)
        ):
            role = Role.WORKLOAD
        columns.append(Column(index, words, role))
    roles = {c.role for c in columns}
    if (
        Role.LEGAL_BASIS in roles
        and roles & {Role.PURPOSE, Role.USE}
        and not roles & {Role.NAME, Role.SOURCE, Role.CATEGORY}
    ):
        return Layout("data-use", tuple(columns))  # Purpose | Legal basis, in any section
    if (
        Role.SOURCE in roles
        and roles & {Role.USE, Role.PURPOSE, Role.DESCRIPTION}
        and (Role.NAME not in roles or context is Kind.DATA_USE)
    ):
        return Layout("data-use", tuple(columns))
    if context is Kind.DATA_USE and Role.NAME in roles and roles & {Role.PURPOSE, Role.USE}:
        # Data | Purpose in a data-use section: the data is the source of each use.
        named = [
            Column(c.index, c.header, Role.SOURCE) if c.role is Role.NAME else c for c in columns
        ]
        return Layout("data-use", tuple(named))
    if context in DATA_KINDS | {Kind.NEVER}:
        _labels_first(table, columns)
    _settle(columns, rows)
    roles = {c.role for c in columns}
    if context is Kind.DATA_USE and len(columns) == 2 and Role.NAME not in roles:
        first, second = columns
        return Layout(
            "data-use", (Column(0, first.header, Role.SOURCE), Column(1, second.header, Role.USE))
        )
    has_name = Role.NAME in roles or Role.CATEGORY in roles
    if Role.RETENTION in roles and has_name and context not in DATA_KINDS | {Kind.NEVER}:
        return Layout("retention", tuple(columns))
    if has_name and context in DATA_KINDS | {Kind.NEVER}:
        return Layout("items", tuple(columns))
    return Layout("unknown", tuple(columns))


#: A header that says how the data is handled ("Scrubbed", "Encrypted?", "Shared with third
#: parties"): its Yes or No is said of the data, not a workload (a product or a platform) that
#: collects it or not.
_HANDLING = re.compile(
    r"^\W*(?:is\s+it\s+)?(?:scrubbed|encrypted|anonymi[sz]ed|pseudonymi[sz]ed|hashed|redacted|"
    r"masked|shared|sold|stored|retained|logged|transmitted|aggregated|de-?identified|linked|"
    r"tracked|personal|sensitive|pii|identifiable|anonymous)\b",
    re.IGNORECASE,
)


#: The header of a column that says what sends the data (a service, an event, a command): each
#: row's context, kept with its item ("**Service:** Translator").
_CONTEXT = re.compile(
    r"^(?:services?|products?|features?|components?|apps?|applications?|scenarios?|areas?|"
    r"experiences?|events?|event names?|tools?|commands?|modules?|pages?|screens?|views?)$",
    re.IGNORECASE,
)


def is_context_header(header: str) -> bool:
    return bool(_CONTEXT.match(header.strip()))


#: A label column's values: short, and not sentences, code or links (a feature, a setting, an
#: event; not a command to type or a page to read).
_LABEL_WORDS, _LABEL_MOST_WORDS = 5, 12
_NOT_A_LABEL = re.compile(r"^(?:`|\[|https?://|\d)|[.!?]$")  # nor a date or a version
#: First headers of tables of labels that are not data: a glossary, rights, a change log,
#: purposes (Purpose | Description: "Analytics", "Advertising" are what data is used for).
_NOT_DATA_LABELS = re.compile(
    r"^(?:terms?|words?|glossary|definitions?|rights?|dates?|versions?|revisions?|changes?|"
    r"updated?|releases?|purposes?|reasons?|(?:required |api |oauth )?(?:permissions?|scopes?))$",
    re.IGNORECASE,
)
#: A column that says what each labelled row sends or does: this many words on average.
_TEXT_WORDS = 6


def label_table(table: Table) -> bool:
    """A table read by its shape, whatever its headers say: a first column of short, distinct
    labels (a feature, setting, event, kind of cookie) beside a column of sentences about each,
    such as Feature | Description | Default | Can be disabled."""
    if not table.header or _NOT_DATA_LABELS.match(plain(table.header[0]).strip()):
        return False
    labels = [plain(row.cells[0]) for row in table.rows if row.cells and plain(row.cells[0])]
    if len(labels) < 2 or len(set(labels)) * 4 < len(labels) * 3:
        return False
    words = sorted(len(label.split()) for label in labels)
    if words[len(words) // 2] > _LABEL_WORDS or words[-1] > _LABEL_MOST_WORDS:
        return False
    if sum(bool(_NOT_A_LABEL.search(label)) for label in labels) * 2 > len(labels):
        return False
    for index in range(1, len(table.header)):
        texts = [plain(row.cells[index]) for row in table.rows if len(row.cells) > index]
        texts = [text for text in texts if text]
        if texts and sum(len(text.split()) for text in texts) >= _TEXT_WORDS * len(texts):
            return True
    return False


#: A column that says where each row's data is kept: "Data storage location", "Region".
_LOCATION_HEADER = re.compile(
    r"\b(?:locations?|regions?|geo-?locations?|residency|datacenters?|data centers?)\b",
    re.IGNORECASE,
)


#: A first column that names data by its kind: "Data Type", "Type of data", "Data category".
_DATA_KIND_HEADER = re.compile(
    r"^\W*(?:(?:personal\s+)?(?:data|information)"
    r"(?:\s+(?:types?|categor(?:y|ies)|items?|elements?|points?|fields?|collected))?"
    r"|(?:types?|kinds?|categor(?:y|ies))\s+of\s+(?:personal\s+)?(?:data|information))\W*$",
    re.IGNORECASE,
)


def location_column(table: Table) -> int | None:
    """The column that says where each row's data is kept, in a table whose first column
    names what it is about (a service, a component, a deployment model: short, distinct
    labels, not data), such as Component | Description | Data storage location; None for any
    other table."""
    if len(table.header) < 2 or _LOCATION_HEADER.search(plain(table.header[0])):
        return None
    if _DATA_KIND_HEADER.match(plain(table.header[0])):
        return None  # Data Type | Description | Storage Location: data, and where it is kept
    if any(c.role is Role.NAME and c.named for c in layout(table, Kind.STORAGE).columns):
        return None  # data, with where it is kept
    labels = [plain(row.cells[0]) for row in table.rows if row.cells and plain(row.cells[0])]
    if len(labels) < 2 or len(set(labels)) < len(labels):
        return None
    if max(len(label.split()) for label in labels) > _LABEL_MOST_WORDS:
        return None
    headers = [plain(header) for header in table.header]
    return next((i for i in range(1, len(headers)) if _LOCATION_HEADER.search(headers[i])), None)


def _labels_first(table: Table, columns: list[Column]) -> None:
    """A table of labels with no data column: its labels name what each row is about."""
    if columns and not any(c.role is Role.NAME for c in columns) and label_table(table):
        first = columns[0]
        if first.role in {Role.PURPOSE, Role.USE, Role.OTHER, Role.CATEGORY}:
            columns[0] = Column(0, first.header, Role.NAME, named=False)


def _sentences(cells: list[str]) -> bool:
    """Whether most of a column's cells are sentences or questions, not names."""
    values = [value for cell in cells if (value := plain(cell))]
    said = [v for v in values if _NOT_A_LABEL.search(v) or len(v.split()) > _LABEL_MOST_WORDS]
    return bool(values) and len(said) * 2 > len(values)


def example_table(table: Table) -> bool:
    """A table of examples: its first column holds sentences or questions (a user's prompt)."""
    return len(table.rows) >= 2 and _sentences([r.cells[0] for r in table.rows if r.cells])


_TYPE = re.compile(
    r"^\W*(?:string|str|int|integer|bool|boolean|number|float|double|decimal|guid|uuid|"
    r"datetime|date|timestamp|object|array|list|enum|long|uint\d*|int\d+|bytes?|json|map|"
    r"dict|null|char|text|varchar)(?:\[\])?\W*$",
    re.IGNORECASE,
)
_KEY = re.compile(r"^`?[A-Za-z_][\w.\-/:]*`?$")


def _types(cells: list[str]) -> bool:
    """Whether most of a column's cells name a value's type (string, int, GUID)."""
    values = [value for cell in cells if (value := plain(cell))]
    return bool(values) and sum(bool(_TYPE.match(v)) for v in values) * 2 > len(values)


def _keys(cells: list[str]) -> float:
    """The share of a column's cells that are keys in code (``computerName``), not words."""
    values = [value for cell in cells if (value := plain(cell))]
    return sum(bool(_KEY.match(v)) for v in values) / len(values) if values else 1.0


def _groups_rows(cells: list[str]) -> bool:
    """Whether a column groups the rows: blank cells under a value, or values repeated."""
    values = [plain(cell) for cell in cells]
    filled = [value for value in values if value]
    return len(filled) < len(values) or len(set(filled)) < len(filled)


#: The first header of a table of the values a field takes ("Value | Framework").
_VALUES = re.compile(r"^\W*(?:(?:possible|allowed|known) )?values?(?:\s*\(s\))?\W*$", re.IGNORECASE)


def _settle(columns: list[Column], rows: list[list[str]]) -> None:
    """Make sure an item table has one name column: the first text column if none matched,
    unless its cells are sentences or questions (a table of examples, not of data)."""
    for column in list(columns):
        if column.role in {Role.NAME, Role.CATEGORY, Role.OTHER} and _types(
            [row[column.index] for row in rows]
        ):
            # string, int, GUID: what a value is, never the data nor its group.
            columns[column.index] = Column(column.index, column.header, Role.DESCRIPTION)
    _values_not_names(columns, rows)
    roles = [c.role for c in columns]
    if Role.NAME in roles:
        names = [c for c in columns if c.role is Role.NAME]
        if len(names) > 1 and Role.CATEGORY not in roles:
            first = names[0]
            values = [row[first.index] for row in rows]
            if _groups_rows(values):
                # Several name-like headers ("Data type" and "Data"): the first is the category.
                columns[first.index] = Column(first.index, first.header, Role.CATEGORY)
            else:
                # "Computer name | name": the data as people name it, and its key in code.
                named = min(names, key=lambda c: _keys([row[c.index] for row in rows]))
                for other in names:
                    if other is not named:
                        columns[other.index] = Column(other.index, other.header, Role.DESCRIPTION)
        for extra in [c for c in columns if c.role is Role.NAME][1:]:
            columns[extra.index] = Column(extra.index, extra.header, Role.DESCRIPTION)
        _people_name_first(columns, rows)
        return
    if columns and _VALUES.match(columns[0].header):
        return  # "Value | OS Version": the values one field takes, and what each means
    categories = [c for c in columns if c.role is Role.CATEGORY]
    for column in columns:
        if _LOCATION_HEADER.search(column.header) or _RECIPIENTS_HEADER.search(column.header):
            continue  # ("Storage Location": where each row's data is kept, never its name)
        if column.role in {Role.OTHER, Role.USE} and (
            not categories or column.index > categories[0].index
        ):
            if not _sentences([row[column.index] for row in rows]):
                columns[column.index] = Column(column.index, column.header, Role.NAME, named=False)
            return
    # A lone category column beside text about it names the data.
    if len(categories) == 1 and any(c.role in {Role.DESCRIPTION, Role.OTHER} for c in columns):
        only = categories[0]
        columns[only.index] = Column(only.index, only.header, Role.NAME, named=False)


#: A value an example shows, not the name of data: a number or version, a boolean, a file.
_EXAMPLE_VALUE = re.compile(
    r"^(?:v?\d[\w.+:-]*|true|false|yes|no|null|none|n/a|[\w-]+\.(?:exe|js|json|py|sh|dll|app))$",
    re.IGNORECASE,
)


def _values_not_names(columns: list[Column], rows: list[list[str]]) -> None:
    """``| Description | Telemetry data |`` over ``| Node.js version | v16.13.2 |``: a name
    column of example values (versions, booleans, files, blanks) beside a column of short
    labels before it; the labels name the data, the values describe it."""
    for column in columns:
        if column.role is not Role.NAME or column.index == 0:
            continue
        values = [plain(row[column.index]).strip() for row in rows]
        shown = sum(not v or bool(_EXAMPLE_VALUE.match(v)) for v in values)
        labels = [plain(row[column.index - 1]).strip() for row in rows]
        if shown * 2 > len(values) and all(0 < len(v.split()) <= 6 for v in labels):
            before = columns[column.index - 1]
            columns[before.index] = Column(before.index, before.header, Role.NAME, named=False)
            columns[column.index] = Column(column.index, column.header, Role.DESCRIPTION)


def _people_name_first(columns: list[Column], rows: list[list[str]]) -> None:
    """``| Computer name | name | string |``: when the name column holds keys in code and a
    column before it short labels in words, the labels name the data (the key describes it).
    A column after the keys describes them ("Field | Description")."""
    [name] = [c for c in columns if c.role is Role.NAME]
    if _keys([row[name.index] for row in rows]) <= 0.5:
        return
    for column in columns[: name.index]:
        cells = [row[column.index] for row in rows]
        if column.role is Role.DESCRIPTION and not _types(cells) and _labels(cells):
            columns[column.index] = Column(column.index, column.header, Role.NAME, named=False)
            columns[name.index] = Column(name.index, name.header, Role.DESCRIPTION)
            return


def _labels(cells: list[str]) -> bool:
    """Whether a column's cells are short names in words ("Operating system version")."""
    values = [value for cell in cells if (value := plain(cell))]
    return (
        bool(values)
        and not _sentences(cells)
        and _keys(cells) < 0.5
        and all(len(value.split()) <= _TEXT_WORDS for value in values)
    )


# -- reading rows --------------------------------------------------------------------------------


@dataclass
class TableGroup:
    """The rows under one value of the category column (or the whole table without one)."""

    category: str
    line: int
    items: list[ItemDraft] = field(default_factory=list)
    notes: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class TableRead:
    groups: list[TableGroup] = field(default_factory=list)
    #: The headings of the workload columns.
    workloads: list[str] = field(default_factory=list)
    #: (data, period, source line)
    retention: list[tuple[str, str, int]] = field(default_factory=list)
    #: The purposes of rows with a legal basis (a Legal basis column).
    uses: list[UseRow] = field(default_factory=list)


def _markdown(cell: str) -> str:
    return (html_to_markdown(cell) if has_html(cell) else cell).strip()


class _Row:
    """The cells of one row, with the plain text and Markdown of each worked out once (every
    item of a row reads every cell: once each keeps a row's cost linear in its text)."""

    def __init__(self, cells: list[str]) -> None:
        self.cells = cells
        self._plain: dict[int, str] = {}
        self._markdown: dict[int, str] = {}

    def plain(self, index: int) -> str:
        if index not in self._plain:
            self._plain[index] = plain(self.cells[index])
        return self._plain[index]

    def markdown(self, index: int) -> str:
        if index not in self._markdown:
            self._markdown[index] = _markdown(self.cells[index])
        return self._markdown[index]


def _is_note_row(row: _Row, lay: Layout) -> str | None:
    """The text of a row that is a note rather than data ("**Note**: ... only collected when")."""
    filled = [(i, c) for i, c in enumerate(row.cells) if row.plain(i)]
    if not filled:
        return None
    texts = {row.plain(i) for i, _ in filled}
    if len(filled) > 1 and len(texts) == 1 and len(next(iter(texts)).split()) >= 4:
        return filled[0][1]  # one sentence repeated in every column (a colspan in the source)
    category = lay.first(Role.CATEGORY)
    rest = [(i, c) for i, c in filled if category is None or i != category.index]
    if len(rest) == 1 and _NOTE_START.match(row.plain(rest[0][0])):
        return rest[0][1]
    return None


def category_title(cell: str) -> tuple[str, str | None]:
    """The heading words of a category cell (its bold words, or all of it) and the rest."""
    markdown = _markdown(cell)
    bold = re.match(r"^\s*\*\*(.+?)\*\*(.*)$", markdown, re.S)
    if bold:
        rest = bold.group(2).strip()
        return plain(bold.group(1)).rstrip(":").strip(), rest if rest.strip(",:;. ") else None
    return plain(markdown).rstrip(":").strip(), None


def category_name(cell: str) -> str:
    """The name of a category cell: its heading words before "like", "including" or "("."""
    title, _ = category_title(cell)
    cut = _CATEGORY_CUT.sub("", title).strip()
    return cut or title


def read_items(table: Table, lay: Layout) -> TableRead:
    """The rows of an item table as groups of item drafts (workloads keyed by column heading)."""
    result = TableRead()
    name = lay.first(Role.NAME)
    category = lay.first(Role.CATEGORY)
    retention = lay.first(Role.RETENTION)
    basis = lay.first(Role.LEGAL_BASIS)
    result.workloads = [column.header for column in lay.of(Role.WORKLOAD)]
    current: TableGroup | None = None
    current_category = ""  # plain(current.category)
    text_roles = {Role.DESCRIPTION, Role.PURPOSE, Role.CONDITION, Role.NOTES, Role.OTHER}
    text_columns = [c for c in lay.columns if c.role in text_roles]
    # A Service or Command cell left blank under the one above: the same context, carried down.
    contexts = [c for c in lay.columns if c.role is Role.OTHER and is_context_header(c.header)]
    carried: dict[int, str] = {}
    for table_row, cells in zip(table.rows, _cells(table), strict=True):
        named = name is not None and bool(plain(cells[name.index]))
        for column in contexts:
            if plain(cells[column.index]):
                carried[column.index] = cells[column.index]
            elif named and column.index in carried:
                cells[column.index] = carried[column.index]
        row = _Row(cells)
        category_cell = cells[category.index] if category is not None else ""
        category_text = row.plain(category.index) if category is not None else ""
        if current is None or (category_text and category_text != current_category):
            current = TableGroup(category_cell if category_text else "", table_row.line)
            current_category = category_text
            result.groups.append(current)
        note = _is_note_row(row, lay)
        if note is not None:
            current.notes.append((_markdown(note), table_row.line))
            continue
        name_cell = cells[name.index] if name is not None else ""
        if not (row.plain(name.index) if name is not None else ""):
            if category_text:
                name_cell = category_cell  # the category is itself the data (no Data value)
            elif current.items:
                _fill(current.items[-1], row, lay)  # a row with no name: more for the item above
                continue
            else:
                continue
        source = ItemSource.from_cell(name_cell, table_row.line)
        shared = any(row.plain(c.index) for c in text_columns)
        row_text = sum(len(row.plain(c.index)) for c in lay.columns if c not in (name, category))
        # Only a context (the command or service) beside it: a cell listing names is items.
        described = any(row.plain(c.index) for c in text_columns if c not in contexts)
        drafts = _split(source, shared, name_cell is category_cell, row_text, not described)
        for draft in drafts:
            _fill(draft, row, lay)
            current.items.append(draft)
        if retention is not None and row.plain(retention.index):
            for draft in drafts:
                result.retention.append((draft.name, row.plain(retention.index), table_row.line))
        if basis is not None and row.plain(basis.index):
            uses = [row.markdown(c.index) for c in lay.of(Role.PURPOSE) if row.plain(c.index)]
            for draft in drafts:
                result.uses.append(
                    UseRow(
                        draft.name, uses or ["(not stated)"], table_row.line, row.plain(basis.index)
                    )
                )
    result.groups = [g for g in result.groups if g.items or g.notes]
    return result


#: A name cell's values become items of their own only while the row's other cells, which each
#: gets, add up to at most this many characters over all of them (else the record would grow
#: with the square of the row).
_SPLIT_BUDGET = 50_000


#: A cell that starts with names in code, separated by commas: the fields a row sends, each an
#: item whatever the row's other cells say of them (they describe each).
_CODE_NAMES = re.compile(r"^\s*`[^`\n]+`(?:\s*,\s*`[^`\n]+`)+")


def _split(
    source: ItemSource,
    shared_text: bool,
    from_category: bool,
    row_text: int = 0,
    listing: bool = False,
) -> list[ItemDraft]:
    """The drafts of one name cell: one per value when it lists several and nothing is shared
    ("Device name<br>Model" beside a workload column is two items; "Device information:<ul>…"
    one, with details), or when it lists short names and no other cell describes it
    (``listing``). ``row_text``: the length of the row's other cells, which each would repeat."""
    if from_category:
        bold = re.match(r"^\s*\*\*(.+?)\*\*\s*(.*)$", _markdown(source.text), re.S)
        if bold:
            draft = ItemDraft(plain(bold.group(1)).rstrip(":").strip(), source.line)
            rest = bold.group(2).strip()
            if rest.strip(",:;. "):
                draft.description = rest
            return [draft]
    simple = all(not child.children for child in source.children)
    lead = plain(source.text)
    if (
        source.children
        and simple
        and not shared_text
        and not source.paragraphs
        and lead
        and not lead.endswith(":")
        and (len(source.children) + 1) * row_text <= _SPLIT_BUDGET
    ):
        values = [ItemSource(source.text, source.line)]
        values += [ItemSource(c.text, source.line, c.paragraphs) for c in source.children]
        return [item_from(value) for value in values]
    draft = item_from(source)
    fields = _CODE_NAMES.match(source.text) is not None  # "`command`, `version`, `run_id`"
    if (listing or fields or not shared_text) and not source.children:
        listed = listed_items(draft)  # "Component Type, Devfile Name, Language": three items
        if len(listed) * max(row_text, 1) <= _SPLIT_BUDGET:
            return listed
    return [draft]


def _fill(draft: ItemDraft, row: _Row, lay: Layout) -> None:
    for column in lay.columns:
        if not row.plain(column.index):
            continue
        text = row.markdown(column.index)
        if column.role is Role.DESCRIPTION:
            draft.add_description(text)
        elif column.role is Role.PURPOSE:
            draft.add_purpose(text)
        elif column.role is Role.CONDITION:
            draft.condition = plain(text)
        elif column.role is Role.REQUIREMENT:
            draft.optional = column_requirement(column.header, text)
            if draft.optional is None or len(plain(text).split()) > 1:
                draft.add_note(f"**{column.header}:** {one_line(text)}")
        elif column.role is Role.OPT_OUT:
            answer = workload_value(row.cells[column.index])
            if answer is not None:
                draft.optional = answer[0]
            draft.add_note(f"**{column.header}:** {one_line(text)}")
        elif column.role is Role.CONTROL:
            draft.control = text
        elif column.role is Role.CLASSIFICATION:
            word = plain(text).lower().replace(" ", "-")
            if word in CLASSIFICATIONS:
                draft.classification = word
            else:
                draft.add_note(f"**{column.header}:** {one_line(text)}")
        elif column.role is Role.NOTES:
            draft.add_note(text)
        elif column.role is Role.WORKLOAD:
            parsed = workload_value(row.cells[column.index])
            if parsed is not None:
                draft.workloads[column.header] = parsed
        elif column.role is Role.LEGAL_BASIS:
            continue  # on the row's purpose (TableRead.uses), not on the data
        elif column.role in {Role.OTHER, Role.USE, Role.SOURCE}:
            label = column.header.rstrip(": ") or "Note"  # ("... this Personal Data:")
            draft.add_note(f"**{label}:** {one_line(text)}")


@dataclass
class UseRow:
    """One row of a table of uses: its data (the source), what it is used for, and the words
    of its legal-basis cell ("" when the table has none)."""

    source: str
    use: list[str]
    line: int
    basis: str = ""


def read_uses(table: Table, lay: Layout) -> list[UseRow]:
    """Each row of a Data source | Use table (| Legal basis)."""
    source = lay.first(Role.SOURCE)
    if source is None and lay.first(Role.LEGAL_BASIS) is None:
        source = lay.columns[0]
    basis = lay.first(Role.LEGAL_BASIS)
    # A row with no source continues the use above.
    uses: list[UseRow] = []
    use_columns = [c for c in lay.columns if c not in (source, basis)]
    for row, cells in zip(table.rows, _cells(table), strict=True):
        parts: list[str] = []
        for column in use_columns:
            text = _markdown(cells[column.index])
            if not text:
                continue
            if column.role in {Role.USE, Role.PURPOSE, Role.DESCRIPTION} and not parts:
                parts.append(text)
            else:
                parts.append(f"**{column.header}:** {text}")
        name = plain(cells[source.index]) if source is not None else ""
        basis_text = plain(cells[basis.index]) if basis is not None else ""
        if not name and uses and parts and not basis_text:
            uses[-1].use.append("\n\n".join(parts))
            continue
        if name or parts:
            use = ["\n\n".join(parts) or "(not stated)"]
            uses.append(UseRow(name or "(not named)", use, row.line, basis_text))
    return uses


def read_retention(table: Table, lay: Layout) -> list[tuple[str, str, str | None, int]]:
    """(data, period, note, line) for each row of a Data | Retention table."""
    name = lay.first(Role.NAME) or lay.first(Role.CATEGORY) or lay.columns[0]
    retention = lay.first(Role.RETENTION)
    assert retention is not None
    rules: list[tuple[str, str, str | None, int]] = []
    carried = ""
    for row, cells in zip(table.rows, _cells(table), strict=True):
        data = plain(cells[name.index]) or carried
        carried = data
        period = plain(cells[retention.index])
        notes = [
            f"**{c.header}:** {one_line(_markdown(cells[c.index]))}"
            for c in lay.columns
            if c.index not in {name.index, retention.index} and plain(cells[c.index])
        ]
        if data and period:
            rules.append((data, period, "\n\n".join(notes) or None, row.line))
    return rules


def markdown_table(table: Table) -> str:
    """A table re-written as a Markdown pipe table (HTML in cells converted), for free text."""
    width = len(table.header)

    def row(cells: list[str]) -> str:
        values = [
            one_line(_markdown(c).replace("\n", " ")).replace("|", "\\|") or " " for c in cells
        ]
        return "| " + " | ".join(values) + " |"

    lines = [row(list(table.header)), "| " + " | ".join(["---"] * width) + " |"]
    lines.extend(row(cells) for cells in _cells(table))
    return "\n".join(lines)


# -- tables of answers --------------------------------------------------------------------------

#: A column that says whether each row's data is collected ("Collected", "Collected?").
#: The column that names the data when a category comes first ("Category | Data type | ...").
_DATA_HEADER = re.compile(r"^\W*(?:data ?types?|types? of data|data items?)\W*$", re.IGNORECASE)
#: Columns of yes and no that answer something other than whether data is collected.
_OTHER_ANSWER = re.compile(
    r"\b(?:shar\w*|optional|required|encrypt\w*|delet\w*|ephemeral\w*|transfer\w*)\b",
    re.IGNORECASE,
)
_COLLECTED_HEADER = re.compile(
    r"^\W*(?:(?:is |data )?collected|collects?|collection)\W*$", re.IGNORECASE
)


@dataclass(frozen=True)
class Answer:
    """A row that says whether some data is collected: yes (an item) or no (never collected);
    ``data`` is None when the row asks about something else ("Does it share data?")."""

    data: str | None
    collected: bool | None
    line: int
    text: str
    #: "Only if you pass it to identify()" in the Collected column: when it is collected.
    condition: str | None = None
    #: What a Required or Optional column says (True: optional, False: required, None: nothing).
    optional: bool | None = None
    #: The row's other cells, "Header: value" each (shared, purpose...), for the item to keep.
    rest: str = ""


def answered_rows(table: Table, *, usage_only: bool = False) -> list[Answer] | None:
    """The rows of a table that answers, for each kind of data, whether it is collected: a
    column of questions ("Does the SDK collect the user's name?") beside their answers, or a
    column of data beside a "Collected" column of yes and no, or beside a usage column ("Not
    collected.", or how it is used); None for any other table (``usage_only``: for any table
    but the last kind)."""
    rows = _cells(table)
    if len(table.header) < 2 or not rows:
        return None
    first = [row[0] for row in rows]
    questions = [question_data(cell) for cell in first]
    if not usage_only and sum(q is not None for q in questions) * 2 > len(rows):
        column = _answer_column(rows)
        if column is None:
            return None
        found = []
        for data, row, table_row in zip(questions, rows, table.rows, strict=True):
            reply, more = _reply(plain(row[column]))
            text = " — ".join(map(plain, row))
            when = more if more and _CONDITION.match(more) else None  # ("Yes, if you opt in")
            rest = "" if when or not more else f"{plain(table.header[column])}: {row[column]}"
            found.append(Answer(data, reply, table_row.line, text, when, None, rest))
        return found
    headers = [plain(header) for header in table.header]
    name = next((i for i, h in enumerate(headers) if _DATA_HEADER.match(h)), 0)
    said = next((i for i, h in enumerate(headers) if i and _COLLECTED_HEADER.match(h)), None)
    usage = said is None and not any(_OTHER_ANSWER.search(h) for h in headers)
    if usage_only and not usage:
        return None
    if usage:  # "Data type | Braze usage": "Not collected.", or how it is used
        said = _usage_column(rows, name, headers)
    if (
        said is None
        or name >= said
        or not all(
            answer(row[said]) is not None or _CONDITION.match(plain(row[said])) or usage
            for row in rows
            if plain(row[said])
        )
    ):
        return None
    need = next((i for i, h in enumerate(headers) if i and _REQUIRED_HEADER.match(h)), None)
    found = []
    for row, table_row in zip(rows, table.rows, strict=True):
        value = plain(row[said])
        reply, more = _reply(value)
        condition = value if reply is None and more is None and value else None
        others = [
            f"{headers[i]}: {_BREAK.sub(' ', row[i])}"
            for i in range(len(row))
            if i not in {name, said} and (i or name) and plain(row[i])
        ]
        if more and _CONDITION.match(more):
            condition = more  # "Yes, if you opt in"
        elif more:
            others.insert(0, f"{headers[said]}: {row[said]}")  # ("Yes, anonymized")
        if usage and condition and not _CONDITION.match(value):
            # How the data is used says it is collected, unless it says it is not.
            reply, condition = denial(value) is None, None
            others.insert(0, f"{headers[said]}: {row[said]}")
        found.append(
            Answer(
                plain(row[name]) or None,
                True if condition else reply,
                table_row.line,
                " — ".join(map(plain, row)),
                condition,
                column_requirement(headers[need], row[need]) if need is not None else None,
                "; ".join(others),
            )
        )
    return found


def _reply(value: str) -> tuple[bool | None, str | None]:
    """A cell's yes or no and the words after it ("Yes, if you opt in": True, "if you opt in");
    None for the words when the cell is no yes or no. A No with an exception ("No, except crash
    reports") answers nothing: what it excepts is collected."""
    said = workload_value(value)
    if said is None:
        return answer(value), None
    reply, more = said
    if not reply and more and EXCEPTION.search(more):
        return None, ""
    return reply, more or ""


#: "Only if you pass it to identify()": collected, under a condition.
_CONDITION = re.compile(r"^\W*(?:only\s+)?(?:if|when|where|after|once|unless)\b", re.IGNORECASE)
_REQUIRED_HEADER = re.compile(r"^\W*(?:optional|required|requirement|mandatory)\W*$", re.IGNORECASE)


_USAGE_HEADER = re.compile(r"\b(?:usage|use[ds]?|collect\w*)\b", re.IGNORECASE)
#: A line break inside a cell ("Analytics, advertising <br/>or marketing").
_BREAK = re.compile(r"(?:(?<!\s)\s+)?<br\s*/?>\s*", re.IGNORECASE)


def _usage_column(rows: list[list[str]], name: int, headers: list[str]) -> int | None:
    """A column after the data's, headed as its usage, that says row by row "Not collected."
    or how the data is used (a sentence): one row says no, every cell answers or is a sentence."""
    for index in range(name + 1, len(rows[0])):
        if index >= len(headers) or not _USAGE_HEADER.search(headers[index]):
            continue
        values = [plain(row[index]) for row in rows if plain(row[index])]
        replies = [answer(value) for value in values]
        if False in replies and all(
            reply is not None or _CONDITION.match(value) or len(value.split()) >= 4
            for value, reply in zip(values, replies, strict=True)
        ):
            return index
    return None


def _answer_column(rows: list[list[str]]) -> int | None:
    """The column whose cells are yes or no, after the first."""
    width = len(rows[0])
    for index in range(1, width):
        values = [row[index] for row in rows if plain(row[index])]
        if values and all(answer(value) is not None for value in values):
            return index
    return None
