"""``privacy-pages diff`` reports: the changes between two states of the content, in text,
Markdown (for a pull-request comment) or JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..history.changes import ChangeSet
from ..history.notes import ChangeNote, describe_all
from .change_notes import marked_notes
from .templates import environment, render

REPORT_FORMATS = ("text", "markdown", "json")


@dataclass(frozen=True)
class ProductReport:
    id: str
    name: str
    notes: Sequence[ChangeNote]


def product_reports(changes: ChangeSet) -> list[ProductReport]:
    return [
        ProductReport(pid, changes.name_of(pid), describe_all(changes.for_product(pid), changes))
        for pid in changes.products
    ]


def _count(changes: ChangeSet) -> str:
    count, products = len(changes), len(changes.products)
    text = f"{count} change{'s' if count != 1 else ''}"
    if products:
        text += f" in {products} statement{'s' if products != 1 else ''}"
    if changes.shared:
        text += f"{' and' if products else ' in'} the shared catalog"
    return text


def text_report(changes: ChangeSet, old: str, new: str) -> str:
    """A plain-text report, one line per change, grouped by product."""
    if not changes:
        return f"No changes from {old} to {new}.\n"
    lines = [f"Changes from {old} to {new}: {_count(changes)}"]
    for report in product_reports(changes):
        lines += ["", f"{report.name} ({report.id})"]
        lines += [f"  {note.sign} {note.text}" for note in report.notes]
    if changes.shared:
        lines += ["", "Shared catalog and categories"]
        lines += [f"  {note.sign} {note.text}" for note in describe_all(changes.shared, changes)]
    return "\n".join(lines) + "\n"


def markdown_report(
    changes: ChangeSet, old: str, new: str, templates_dir: Path | None = None
) -> str:
    """A Markdown report, ready to paste into a pull-request comment: nothing in it mentions
    anyone or links anywhere on GitHub (see :func:`inert_on_github`)."""
    report = render(
        "diff-report.md.j2",
        environment(templates_dir),  # (in English, nothing shown in place of translations)
        old=old,
        new=new,
        count=_count(changes) if changes else None,
        products=[replace(p, notes=marked_notes(p.notes)) for p in product_reports(changes)],
        shared=marked_notes(describe_all(changes.shared, changes)),
    )
    return inert_on_github(report)


#: What GitHub turns into a notification or a link in a comment: ``@name`` mentions (and
#: e-mail addresses), ``#123`` and ``GH-123`` references, bare URLs (``scheme://``, ``www.``)
#: and commit ids (words of 7 to 40 hexadecimal digits).
_GITHUB_TRIGGERS = re.compile(
    r"@|#(?=\d)|(?<![\w-])gh-(?=\d)|(?<=:)//|(?<![\w.])www\.(?=\w)"
    r"|(?<![\w@/.-])[0-9a-f]{7,40}(?![\w-])",
    re.IGNORECASE,
)
#: Invisible, and enough to break each trigger: GitHub needs the characters side by side.
_WORD_JOINER = "\u2060"


def inert_on_github(markdown: str) -> str:
    """``markdown`` with every mention, reference and bare URL broken by an invisible word
    joiner: the text reads the same, and posting it notifies and links nothing."""
    return _GITHUB_TRIGGERS.sub(lambda m: _inert(m.group()), markdown)


def _inert(trigger: str) -> str:
    if trigger == "//":
        return "/" + _WORD_JOINER + "/"
    if trigger.lower() == "www.":
        return trigger[:3] + _WORD_JOINER + "."
    if trigger.lower() == "gh-":
        return trigger[:2] + _WORD_JOINER + "-"
    if len(trigger) >= 7:  # a commit id: GitHub links the whole word only
        return trigger[:6] + _WORD_JOINER + trigger[6:]
    return trigger + _WORD_JOINER


def json_report(changes: ChangeSet, old: str, new: str) -> str:
    """The changes as JSON: every record with its type, aspect, field and values."""
    document = {"from": old, "to": new, "count": len(changes), **changes.to_json()}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def report(
    changes: ChangeSet, old: str, new: str, fmt: str, templates_dir: Path | None = None
) -> str:
    if fmt == "json":
        return json_report(changes, old, new)
    if fmt == "markdown":
        return markdown_report(changes, old, new, templates_dir)
    return text_report(changes, old, new)
