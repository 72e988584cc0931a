"""Google Play's Data safety form as the Console's CSV: written from a label, read back into one.

Every row of the Console's template is written (see ``google-play.yml``), answered or blank, so
the file imports as it is. "Does the app collect data" is answered from the items; the other
questions about the whole app as the product's ``store_labels.google_play`` says, and left
blank for the Console otherwise."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..csv_text import spreadsheet_text, unguarded
from ..model.store_tables import COLLECTS_DATA
from .label import (
    Answer,
    LabelEntry,
    RequirementNotStated,
    StoreFileError,
    StoreLabel,
    requirement_not_stated,
)
from .tables import StoreTables, store_tables

STORE = "google_play"
USAGE = "PSL_DATA_USAGE_RESPONSES"
COLLECTED = "PSL_DATA_USAGE_ONLY_COLLECTED"
SHARED = "PSL_DATA_USAGE_ONLY_SHARED"
#: Seen in Console files that answer "both" in one row.
BOTH = "PSL_DATA_USAGE_BOTH_COLLECTED_AND_SHARED"
OPTIONAL = "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL"
REQUIRED = "PSL_DATA_USAGE_USER_CONTROL_REQUIRED"


def _yes(flag: bool | None) -> str:
    return "TRUE" if flag else ""


def data_safety_rows(label: StoreLabel) -> list[list[str]]:
    """The CSV's rows, header first, in the template's order."""
    table = label.tables.google_play
    rows = [list(table.header)]
    for question, response, requirement, text in table.general:
        answer = label.answers.get(question)
        if question == COLLECTS_DATA:
            value = "TRUE" if label.entries else "FALSE"
        elif response:  # a choice: ticked or not
            value = _yes(isinstance(answer, tuple) and response in answer)
        elif isinstance(answer, bool):
            value = "TRUE" if answer else "FALSE"
        else:  # the writer's own text: a spreadsheet must not run it
            value = spreadsheet_text(answer) if isinstance(answer, str) else ""
        rows.append([question, response, value, requirement, text])
    for response, (question, text) in table.data_types.items():
        rows.append([question, response, _yes(response in label.entries), "MULTIPLE_CHOICE", text])
    for response, (_, text) in table.data_types.items():
        rows.extend(
            _usage_rows(
                table.purposes, response, text.split(" / ")[-1], label.entries.get(response)
            )
        )
    return rows


def _usage_rows(
    purposes: dict[str, str], response: str, name: str, entry: LabelEntry | None
) -> list[list[str]]:
    prefix, head = f"{USAGE}:{response}:", f"Data usage and handling ({name}) / "
    on = entry is not None
    required = bool(entry and entry.required)
    shared = bool(entry and entry.shared)
    rows = [
        [
            f"{prefix}PSL_DATA_USAGE_COLLECTION_AND_SHARING",
            COLLECTED,
            _yes(on),
            "MULTIPLE_CHOICE",
            f"{head}Is this data collected, shared, or both? / Collected",
        ],
        [
            f"{prefix}PSL_DATA_USAGE_COLLECTION_AND_SHARING",
            SHARED,
            _yes(shared),
            "MULTIPLE_CHOICE",
            f"{head}Is this data collected, shared, or both? / Shared",
        ],
        [
            f"{prefix}PSL_DATA_USAGE_EPHEMERAL",
            "",
            ("TRUE" if entry.ephemeral else "FALSE") if entry else "",
            "MAYBE_REQUIRED",
            f"{head}Is this data processed ephemerally?",
        ],
        [
            f"{prefix}DATA_USAGE_USER_CONTROL",
            OPTIONAL,
            _yes(on and not required),
            "SINGLE_CHOICE",
            f"{head}Is this data required for your app, or can users choose "
            "whether it's collected? / Users can choose whether this data is collected",
        ],
        [
            f"{prefix}DATA_USAGE_USER_CONTROL",
            REQUIRED,
            _yes(on and required),
            "SINGLE_CHOICE",
            f"{head}Is this data required for your app, or can users choose "
            "whether it's collected? / Data collection is required (users can't turn off this data "
            "collection)",
        ],
    ]
    chosen = {
        "COLLECTION": set(entry.purposes) if entry else set(),
        # A label made without purposes of sharing shares for the purposes of collection.
        "SHARING": set(entry.purposes if entry.shared_purposes is None else entry.shared_purposes)
        if entry and shared
        else set(),
    }
    for kind, question in (("COLLECTION", "collected"), ("SHARING", "shared")):
        for purpose, text in purposes.items():
            answer = purpose in chosen[kind]
            rows.append(
                [
                    f"{prefix}DATA_USAGE_{kind}_PURPOSE",
                    purpose,
                    _yes(answer),
                    "MULTIPLE_CHOICE",
                    f"{head}Why is this user data {question}? Select all that apply. / {text}",
                ]
            )
    return rows


def write_data_safety(label: StoreLabel) -> str:
    """The Console's CSV. The form asks of each data type whether its collection is required
    or optional, and has no answer for "not stated": a label with an item whose requirement
    the records do not state raises :class:`RequirementNotStated` rather than guess."""
    unstated = requirement_not_stated(label)
    if unstated:
        raise RequirementNotStated("Google Play's Data safety form", unstated)
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(data_safety_rows(label))
    return out.getvalue()


def read_data_safety(text: str, tables: StoreTables | None = None) -> StoreLabel:
    """The label a Console CSV declares: its data types, purposes, required or optional,
    shared and ephemeral answers. ``tables``: the site's store tables (default: packaged)."""
    try:
        return _read_rows(csv.reader(io.StringIO(text.lstrip("\ufeff"))), tables or store_tables())
    except csv.Error as exc:  # a field beyond the csv module's limit, a NUL...
        raise StoreFileError(f"expected a Data safety CSV: {exc}") from None


def _read_rows(reader: Iterator[list[str]], tables: StoreTables) -> StoreLabel:
    header: list[str] = next(reader, [])
    expected = list(tables.google_play.header)
    # The Console writes all five columns; files made for the API sometimes stop after the
    # three it reads (question, response, value). Column titles are compared as the Console
    # spells them, but without regard to case or surrounding spaces.
    given = [title.strip().casefold() for title in header]
    if len(given) < 3 or given != [title.casefold() for title in expected[: len(given)]]:
        raise StoreFileError(
            f"expected the Data safety CSV header {','.join(expected)!r}, "
            f"found {','.join(header)!r}"
        )
    chosen: list[str] = []
    answers: dict[str, _Answers] = {}
    questions = tables.google_play.general_questions()
    general: dict[str, Answer] = dict.fromkeys(questions)
    for line, row in enumerate(reader, start=2):
        if len(row) < 3:
            raise StoreFileError(f"line {line}: expected at least 3 columns, found {len(row)}")
        question, response, value = row[0], row[1], row[2].strip().upper()
        if question.startswith("PSL_DATA_TYPES_") and value == "TRUE":
            chosen.append(response)
        if question in questions:
            answer = unguarded(row[2].strip())
            general[question] = _general_answer(general[question], response, answer)
        if not question.startswith(f"{USAGE}:"):
            continue
        parts = question.split(":")
        if len(parts) != 3:
            raise StoreFileError(f"line {line}: expected {USAGE}:TYPE:QUESTION, found {question!r}")
        answers.setdefault(parts[1], _Answers()).answer(parts[2], response, value)
    entries = {}
    for data_type in chosen:
        found = answers.get(data_type, _Answers())
        entries[data_type] = LabelEntry(
            data_type,
            tuple(sorted(found.purposes)),
            found.required,
            shared=found.shared,
            ephemeral=found.ephemeral,
            shared_purposes=tuple(sorted(found.shared_purposes)),
        )
    return StoreLabel(STORE, entries, tables, general)


def _general_answer(before: Answer, response: str, value: str) -> Answer:
    """A question's answer so far, with one more of its rows: a choice ticked joins the others;
    an answer of its own is a yes/no (TRUE, FALSE) or a text."""
    if response:
        if value.upper() != "TRUE":
            return before
        ticked = before if isinstance(before, tuple) else ()
        return tuple(sorted({*(str(t) for t in ticked), response}))
    if not value:
        return before
    return value.upper() == "TRUE" if value.upper() in ("TRUE", "FALSE") else value


@dataclass
class _Answers:
    """The usage answers of one data type, as the rows of the CSV give them."""

    purposes: list[str] = field(default_factory=list)
    shared_purposes: list[str] = field(default_factory=list)
    required: bool | None = None
    shared: bool = False
    ephemeral: bool | None = None

    def answer(self, question: str, response: str, value: str) -> None:
        if question == "PSL_DATA_USAGE_COLLECTION_AND_SHARING" and value == "TRUE":
            self.shared = self.shared or response in (SHARED, BOTH)
        elif question == "PSL_DATA_USAGE_EPHEMERAL" and value in ("TRUE", "FALSE"):
            self.ephemeral = value == "TRUE"
        elif question == "DATA_USAGE_USER_CONTROL" and value == "TRUE":
            self.required = response == REQUIRED
        elif question == "DATA_USAGE_COLLECTION_PURPOSE" and value == "TRUE":
            self.purposes.append(response)
        elif question == "DATA_USAGE_SHARING_PURPOSE" and value == "TRUE":
            self.shared_purposes.append(response)
