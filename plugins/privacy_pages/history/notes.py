"""Changes as readers see them: one sentence per change, with the words before and after.

:func:`describe` turns a typed change into a :class:`ChangeNote` (what changed, and excerpts of
the text before and after, the changed words flagged). The same notes feed the
``privacy-pages diff`` reports, the "Change history" section of product pages, the "What
changed" page and the Atom feed (all in :mod:`privacy_pages.render`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from .changes import (
    CatalogItemAdded,
    CatalogItemChanged,
    CatalogItemRemoved,
    CategoryAdded,
    CategoryChanged,
    CategoryRemoved,
    Change,
    ChangeSet,
    ItemAdded,
    ItemChanged,
    ItemRemoved,
    MetadataChanged,
    ProductAdded,
    ProductChanged,
    ProductRemoved,
    RetentionAdded,
    RetentionChanged,
    RetentionRemoved,
    Value,
)
from .snapshot import NEVER_COLLECTED

#: Readable names of statement-level fields (paths in a product's snapshot).
FIELD_LABELS: dict[str, str] = {
    "name": "Product name",
    "summary": "Summary",
    "family": "Product family",
    "platform": "Platform",
    "applies_to": "Applies to",
    "notes": "Notes",
    "intro": "Introduction",
    "links": "Related links",
    "next_steps": "Next steps",
    "workloads": "Workloads",
    "required_intro": "Introduction to required data",
    "optional_intro": "Introduction to optional data",
    "never_collected_intro": "Introduction to data never collected",
    "data_use.intro": "Introduction to how data is used",
    "data_use.uses": "How data is used",
    "processed_entities.intro": "Introduction to entities processed",
    "processed_entities.entities": "Entities processed",
    "storage.intro": "Introduction to storage",
    "storage.services": "Storage services",
    "storage.locations": "Storage locations",
    "storage.location_note": "Storage location note",
    "storage.retention_note": "Retention note",
    "storage.staff_locations.locations": "Staff locations",
    "storage.staff_locations.teams": "Staff teams",
    "storage.service_locations": "Where each service stores data",
    "access.intro": "Introduction to data access and security",
    "access.protections": "Data protections",
    "access.compliance": "Compliance statements",
    "rights.intro": "Introduction to your rights",
    "rights.requests": "Data subject requests",
    "rights.services": "Requests for the services the product depends on",
    "sections": "Additional text",
}

#: Readable names of item fields.
ITEM_FIELD_LABELS: dict[str, str] = {
    "name": "name",
    "description": "description",
    "condition": "condition",
    "group_condition": "group condition",
    "classification": "classification",
    "purpose": "purpose",
    "control": "how it is controlled",
    "details": "details",
    "alternatives.intro": "alternatives introduction",
    "alternatives.options": "alternatives",
    "alternatives.ordered": "order of alternatives",
    "note": "note",
    "kind": "kind of optional data",
    "category": "category",
}

GROUP_FIELD_LABELS = {
    "title": "title",
    "intro": "introduction",
    "condition": "condition",
    "kind": "kind",
}

REQUIREMENT_LABELS = {
    "required": "required data",
    "optional": "optional data",
    NEVER_COLLECTED: "data never collected",
}


@dataclass(frozen=True)
class Segment:
    """A run of words in an excerpt; ``changed`` marks the words that differ."""

    text: str
    changed: bool = False


Excerpt = tuple[Segment, ...]


@dataclass(frozen=True)
class ChangeNote:
    """One change in words: ``subject: summary``, with excerpts of the values before and after."""

    change: Change
    subject: str
    summary: str
    before: Excerpt | None = None
    after: Excerpt | None = None
    #: The anchor of the item on the product page (for links), when the change is about one.
    anchor: str | None = None

    @property
    def sign(self) -> str:
        """``+`` for an addition, ``-`` for a removal, ``~`` for a change."""
        if self.change.type.endswith("-added"):
            return "+"
        if self.change.type.endswith("-removed"):
            return "-"
        return "~"

    @property
    def text(self) -> str:
        """The whole note as one line of plain text."""
        line = f"{self.subject}: {self.summary}"
        if self.before is not None and self.after is not None:
            line += f': "{plain(self.before)}" → "{plain(self.after)}"'
        elif self.after is not None:
            line += f': "{plain(self.after)}"'
        elif self.before is not None:
            line += f': was "{plain(self.before)}"'
        return line


def plain(excerpt: Excerpt) -> str:
    return "".join(segment.text for segment in excerpt)


# -- values and excerpts ------------------------------------------------------------------------

#: Text longer than this is shown as excerpts around what changed.
SHORT_TEXT = 80
CONTEXT_WORDS = 4


def display(value: Value) -> str:
    """A snapshot value as a short piece of text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "; ".join(display(v) for v in value)
    if isinstance(value, dict):
        if "title" in value and "url" in value:
            return f"{value['title']} ({value['url']})"
        if "text" in value:
            inner = display(value.get("details", []))
            return f"{value['text']} ({inner})" if inner else str(value["text"])
        return ", ".join(f"{k}: {display(v)}" for k, v in value.items())
    return str(value)


def excerpts(before: Value, after: Value) -> tuple[Excerpt | None, Excerpt | None]:
    """The values before and after, shortened to what changed when they are long."""
    old = None if before is None else display(before)
    new = None if after is None else display(after)
    if old is None or new is None or max(len(old), len(new)) <= SHORT_TEXT:
        return _whole(old, new)
    return _word_diff(old, new)


def _whole(old: str | None, new: str | None) -> tuple[Excerpt | None, Excerpt | None]:
    if old is not None and new is not None:
        return _word_diff(old, new, context=10_000)
    return (
        None if old is None else (Segment(_shorten(old)),),
        None if new is None else (Segment(_shorten(new)),),
    )


def _shorten(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _word_diff(old: str, new: str, context: int = CONTEXT_WORDS) -> tuple[Excerpt, Excerpt]:
    """Excerpts of both texts around each run of changed words (``…`` between them)."""
    a, b = old.split(), new.split()
    matcher = SequenceMatcher(a=a, b=b, autojunk=False)
    hunks = [op for op in matcher.get_grouped_opcodes(context)]
    if not hunks:
        return (Segment(_shorten(old)),), (Segment(_shorten(new)),)
    left: list[Segment] = []
    right: list[Segment] = []
    for number, hunk in enumerate(hunks):
        if number or hunk[0][1] > 0:
            left.append(Segment(" … " if number else "… "))
        if number or hunk[0][3] > 0:
            right.append(Segment(" … " if number else "… "))
        for tag, i1, i2, j1, j2 in hunk:
            _append(left, a[i1:i2], tag != "equal")
            _append(right, b[j1:j2], tag != "equal")
    if hunks[-1][-1][2] < len(a):
        left.append(Segment(" …"))
    if hunks[-1][-1][4] < len(b):
        right.append(Segment(" …"))
    return _tidy(left), _tidy(right)


def _append(segments: list[Segment], words: Sequence[str], changed: bool) -> None:
    if not words:
        return
    text = " ".join(words)
    if segments and not segments[-1].text.endswith(" ") and segments[-1].text:
        segments.append(Segment(" "))
    segments.append(Segment(text, changed))


def _tidy(segments: list[Segment]) -> Excerpt:
    return tuple(s for s in segments if s.text)


# -- describing one change ----------------------------------------------------------------------


def _verb(before: Value, after: Value, wording: bool = True) -> str:
    if before is None:
        return "added"
    if after is None:
        return "removed"
    return "reworded" if wording and isinstance(before, str) else "changed"


def _requirement(value: Value) -> str:
    return REQUIREMENT_LABELS.get(str(value), str(value))


def _product_field_label(path: str, changes: ChangeSet) -> str:
    if path in FIELD_LABELS:
        return FIELD_LABELS[path]
    parts = path.split(".")
    if parts[0] == "groups" and len(parts) >= 3:
        requirement, _, category = parts[1].partition("/")
        category = category.split("#")[0]
        what = GROUP_FIELD_LABELS.get(parts[2], parts[2])
        return f"{_requirement(requirement).capitalize()}: {changes.category_name(category)} group {what}"
    if parts[0] == "empty_sections" and len(parts) >= 2:
        return f"What the empty section {parts[1]} says"
    for size in (3, 2, 1):  # the longest known field, then the entry it names
        prefix = ".".join(parts[:size])
        if prefix in FIELD_LABELS:
            rest = ".".join(parts[size:])
            return f"{FIELD_LABELS[prefix]}: {rest}" if rest else FIELD_LABELS[prefix]
    return path


def _item_note(change: ItemChanged, changes: ChangeSet) -> ChangeNote:
    field = change.field
    anchor = change.item
    before, after = excerpts(change.before, change.after)
    if field == "requirement":
        return ChangeNote(
            change,
            change.name,
            f"now {_requirement(change.after)} (was {_requirement(change.before)})",
            anchor=anchor,
        )
    if field.startswith("workloads."):
        _, workload_id, what = [*field.split("."), "", ""][:3]
        workload = changes.workload_name(change.product or "", workload_id)
        if what == "applies":
            return ChangeNote(
                change,
                change.name,
                f"{workload} workload changed",
                *excerpts(_applies(change.before), _applies(change.after)),
                anchor=anchor,
            )
        return ChangeNote(
            change,
            change.name,
            f"condition under the {workload} workload {_verb(change.before, change.after, False)}",
            before,
            after,
            anchor,
        )
    if field == "id":
        return ChangeNote(change, change.name, "item id changed", before, after, anchor)
    if field == "catalog":
        summary = (
            "now the shared catalog item" if change.after else "no longer a shared catalog item"
        )
        return ChangeNote(change, change.name, summary, anchor=anchor)
    if field == "category":
        return ChangeNote(
            change,
            change.name,
            "moved to another category",
            *excerpts(
                changes.category_name(str(change.before)) if change.before else None,
                changes.category_name(str(change.after)) if change.after else None,
            ),
            anchor=anchor,
        )
    label = ITEM_FIELD_LABELS.get(field, field.replace(".", " "))
    wording = change.aspect == "wording"
    return ChangeNote(
        change,
        change.name,
        f"{label} {_verb(change.before, change.after, wording)}",
        before,
        after,
        anchor,
    )


def _applies(value: Value) -> str | None:
    if value is None:
        return None
    return "Yes" if value else "No"


def describe(change: Change, changes: ChangeSet) -> ChangeNote:
    """One change in words."""
    if isinstance(change, ProductAdded):
        return ChangeNote(change, change.name, "new privacy statement")
    if isinstance(change, ProductRemoved):
        return ChangeNote(change, change.name, "privacy statement removed")
    if isinstance(change, ProductChanged):
        label = _product_field_label(change.field, changes)
        wording = change.aspect != "links"  # a changed link target is not a rewording
        return ChangeNote(
            change,
            label,
            _verb(change.before, change.after, wording),
            *excerpts(change.before, change.after),
        )
    if isinstance(change, MetadataChanged):
        return ChangeNote(
            change,
            f"Metadata {change.key}",
            _verb(change.before, change.after, False),
            *excerpts(change.before, change.after),
        )
    if isinstance(change, ItemAdded):
        category = f", {changes.category_name(change.category)}" if change.category else ""
        return ChangeNote(
            change,
            change.name,
            f"added ({_requirement(change.requirement)}{category})",
            anchor=change.item,
        )
    if isinstance(change, ItemRemoved):
        category = f", {changes.category_name(change.category)}" if change.category else ""
        return ChangeNote(
            change, change.name, f"removed (was {_requirement(change.requirement)}{category})"
        )
    if isinstance(change, ItemChanged):
        return _item_note(change, changes)
    if isinstance(change, RetentionAdded):
        return ChangeNote(
            change,
            f"Retention of {change.rule}",
            "added",
            after=None if change.period is None else (Segment(change.period),),
        )
    if isinstance(change, RetentionRemoved):
        return ChangeNote(
            change,
            f"Retention of {change.rule}",
            "removed",
            before=None if change.period is None else (Segment(change.period),),
        )
    if isinstance(change, RetentionChanged):
        what = "period" if change.field == "period" else change.field
        return ChangeNote(
            change,
            f"Retention of {change.rule}",
            f"{what} {_verb(change.before, change.after, change.field != 'period')}",
            *excerpts(change.before, change.after),
        )
    if isinstance(change, CatalogItemAdded):
        return ChangeNote(change, f"Catalog item {change.name}", f"added ({change.item})")
    if isinstance(change, CatalogItemRemoved):
        return ChangeNote(change, f"Catalog item {change.name}", f"removed ({change.item})")
    if isinstance(change, CatalogItemChanged):
        label = ITEM_FIELD_LABELS.get(change.field, change.field)
        return ChangeNote(
            change,
            f"Catalog item {change.name}",
            f"{label} {_verb(change.before, change.after, change.field != 'category')}",
            *excerpts(change.before, change.after),
        )
    if isinstance(change, CategoryAdded):
        return ChangeNote(change, f"Category {change.name}", f"added ({change.category})")
    if isinstance(change, CategoryRemoved):
        return ChangeNote(change, f"Category {change.name}", f"removed ({change.category})")
    if isinstance(change, CategoryChanged):
        return ChangeNote(
            change,
            f"Category {change.name}",
            f"{change.field} {_verb(change.before, change.after)}",
            *excerpts(change.before, change.after),
        )
    return ChangeNote(change, change.type, "changed")  # pragma: no cover - every type is above


def describe_all(changes: Iterable[Change], changeset: ChangeSet) -> list[ChangeNote]:
    return [describe(change, changeset) for change in changes]
