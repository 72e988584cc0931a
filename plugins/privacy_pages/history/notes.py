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

from .. import messages
from ..messages import N_
from ..model.periods import said
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

# Every label and summary below is a message, translated as a note is described (the notes are
# made where they are shown, in the language being rendered).

#: Readable names of statement-level fields (paths in a product's snapshot).
FIELD_LABELS: dict[str, str] = {
    # TRANSLATORS: the part of a privacy statement a change is about, before what happened.
    "name": N_("Product name"),
    "summary": N_("Summary"),
    "family": N_("Product family"),
    "platform": N_("Platform"),
    "applies_to": N_("Applies to"),
    "notes": N_("Notes"),
    "intro": N_("Introduction"),
    "links": N_("Related links"),
    "next_steps": N_("Next steps"),
    "workloads": N_("Workloads"),
    "required_intro": N_("Introduction to required data"),
    "optional_intro": N_("Introduction to optional data"),
    "collected_intro": N_("Introduction to data collected"),
    "never_collected_intro": N_("Introduction to data never collected"),
    "data_use.intro": N_("Introduction to how data is used"),
    "data_use.uses": N_("How data is used"),
    "processed_entities.intro": N_("Introduction to entities processed"),
    "processed_entities.entities": N_("Entities processed"),
    "storage.intro": N_("Introduction to storage"),
    "storage.services": N_("Storage services"),
    "storage.locations": N_("Storage locations"),
    "storage.location_note": N_("Storage location note"),
    "storage.retention_note": N_("Retention note"),
    "storage.staff_locations.locations": N_("Staff locations"),
    "storage.staff_locations.teams": N_("Staff teams"),
    "storage.service_locations": N_("Where each service stores data"),
    "access.intro": N_("Introduction to data access and security"),
    "access.protections": N_("Data protections"),
    "access.compliance": N_("Compliance statements"),
    "rights.intro": N_("Introduction to your rights"),
    "rights.requests": N_("Data subject requests"),
    "rights.services": N_("Requests for the services the product depends on"),
    "sections": N_("Additional text"),
}

#: Readable names of item fields.
ITEM_FIELD_LABELS: dict[str, str] = {
    # TRANSLATORS: a field of a data item, in "%(field)s changed" and the like.
    "name": N_("name"),
    "description": N_("description"),
    "condition": N_("condition"),
    "group_condition": N_("group condition"),
    "classification": N_("classification"),
    "purpose": N_("purpose"),
    "control": N_("how it is controlled"),
    "details": N_("details"),
    "alternatives.intro": N_("alternatives introduction"),
    "alternatives.options": N_("alternatives"),
    "alternatives.ordered": N_("order of alternatives"),
    "note": N_("note"),
    "kind": N_("kind of optional data"),
    "category": N_("category"),
}

GROUP_FIELD_LABELS: dict[str, str] = {
    "title": N_("title"),
    "intro": N_("introduction"),
    "condition": N_("condition"),
    "kind": N_("kind"),
}

#: How a summary names a requirement ("now required data (was optional data)").
REQUIREMENT_LABELS: dict[str, str] = {
    "required": N_("required data"),
    "optional": N_("optional data"),
    # TRANSLATORS: data the product collects without saying whether it is required or
    # optional: "now required data (was data collected without a stated requirement)".
    "not-stated": N_("data collected without a stated requirement"),
    NEVER_COLLECTED: N_("data never collected"),
}

#: The same, as the start of a subject ("Required data: Device group title").
REQUIREMENT_TITLES: dict[str, str] = {
    "required": N_("Required data"),
    "optional": N_("Optional data"),
    "not-stated": N_("Data collected"),
    NEVER_COLLECTED: N_("Data never collected"),
}

#: What a retention rule's fields are called ("period changed").
RETENTION_FIELD_LABELS: dict[str, str] = {"period": N_("period"), "note": N_("note")}

#: What happened to a value, alone (a field's subject says which) and after a field's name.
VERBS: dict[str, str] = {
    # TRANSLATORS: what happened to the part of a statement named before it.
    "added": N_("added"),
    "removed": N_("removed"),
    "reworded": N_("reworded"),
    "changed": N_("changed"),
}
FIELD_VERBS: dict[str, str] = {
    # TRANSLATORS: %(field)s is what changed ("description", "condition", "period").
    "added": N_("%(field)s added"),
    "removed": N_("%(field)s removed"),
    "reworded": N_("%(field)s reworded"),
    "changed": N_("%(field)s changed"),
}
WORKLOAD_CONDITION_VERBS: dict[str, str] = {
    "added": N_("condition under the %(workload)s workload added"),
    "removed": N_("condition under the %(workload)s workload removed"),
    "changed": N_("condition under the %(workload)s workload changed"),
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
        return messages._("yes") if value else messages._("no")
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
    """What happened to a value: ``added``, ``removed``, ``reworded`` or ``changed`` (the keys
    of :data:`VERBS`)."""
    if before is None:
        return "added"
    if after is None:
        return "removed"
    return "reworded" if wording and isinstance(before, str) else "changed"


def _field_verb(field: str, verb: str) -> str:
    """``description reworded``: a field's name (already in words) and what happened to it."""
    return messages._(FIELD_VERBS[verb], field=field)


def _requirement(value: Value) -> str:
    label = REQUIREMENT_LABELS.get(str(value))
    return messages._(label) if label else str(value)


def _requirement_title(value: str) -> str:
    title = REQUIREMENT_TITLES.get(value)
    return messages._(title) if title else value.capitalize()


def _label(labels: dict[str, str], key: str, default: str) -> str:
    label = labels.get(key)
    return messages._(label) if label else default


def _product_field_label(path: str, changes: ChangeSet) -> str:
    if path in FIELD_LABELS:
        return messages._(FIELD_LABELS[path])
    parts = path.split(".")
    if parts[0] == "groups" and len(parts) >= 3:
        requirement, _, category = parts[1].partition("/")
        category = category.split("#")[0]
        # TRANSLATORS: the group of a data category on a page, and which of its parts changed:
        # "Required data: Device group title".
        return messages._(
            "%(requirement)s: %(category)s group %(field)s",
            requirement=_requirement_title(requirement),
            category=changes.category_name(category),
            field=_label(GROUP_FIELD_LABELS, parts[2], parts[2]),
        )
    if parts[0] == "empty_sections" and len(parts) >= 2:
        # TRANSLATORS: %(section)s is a section's id (required-data, your-rights...).
        return messages._("What the empty section %(section)s says", section=parts[1])
    for size in (3, 2, 1):  # the longest known field, then the entry it names
        prefix = ".".join(parts[:size])
        if prefix in FIELD_LABELS:
            rest = ".".join(parts[size:])
            field = messages._(FIELD_LABELS[prefix])
            # TRANSLATORS: a part of a statement, and the entry of it that changed.
            return messages._("%(field)s: %(entry)s", field=field, entry=rest) if rest else field
    return path


def _item_note(change: ItemChanged, changes: ChangeSet) -> ChangeNote:
    field = change.field
    anchor = change.item
    before, after = excerpts(change.before, change.after)
    if field == "requirement":
        return ChangeNote(
            change,
            change.name,
            messages._(
                "now %(requirement)s (was %(previous)s)",
                requirement=_requirement(change.after),
                previous=_requirement(change.before),
            ),
            anchor=anchor,
        )
    if field.startswith("workloads."):
        _, workload_id, what = [*field.split("."), "", ""][:3]
        workload = changes.workload_name(change.product or "", workload_id)
        if what == "applies":
            return ChangeNote(
                change,
                change.name,
                messages._("%(workload)s workload changed", workload=workload),
                *excerpts(_applies(change.before), _applies(change.after)),
                anchor=anchor,
            )
        verb = _verb(change.before, change.after, False)
        return ChangeNote(
            change,
            change.name,
            messages._(WORKLOAD_CONDITION_VERBS[verb], workload=workload),
            before,
            after,
            anchor,
        )
    if field == "id":
        return ChangeNote(change, change.name, messages._("item id changed"), before, after, anchor)
    if field == "catalog":
        summary = (
            messages._("now the shared catalog item")
            if change.after
            else messages._("no longer a shared catalog item")
        )
        return ChangeNote(change, change.name, summary, anchor=anchor)
    if field == "category":
        return ChangeNote(
            change,
            change.name,
            messages._("moved to another category"),
            *excerpts(
                changes.category_name(str(change.before)) if change.before else None,
                changes.category_name(str(change.after)) if change.after else None,
            ),
            anchor=anchor,
        )
    label = _label(ITEM_FIELD_LABELS, field, field.replace(".", " "))
    wording = change.aspect == "wording"
    return ChangeNote(
        change,
        change.name,
        _field_verb(label, _verb(change.before, change.after, wording)),
        before,
        after,
        anchor,
    )


def _applies(value: Value) -> str | None:
    if value is None:
        return None
    return messages._("Yes") if value else messages._("No")


def _in_category(requirement: Value, category: str | None, changes: ChangeSet) -> dict[str, str]:
    values = {"requirement": _requirement(requirement)}
    if category:
        values["category"] = changes.category_name(category)
    return values


def describe(change: Change, changes: ChangeSet) -> ChangeNote:
    """One change in words, in the language being rendered."""
    if isinstance(change, ProductAdded):
        return ChangeNote(change, change.name, messages._("new privacy statement"))
    if isinstance(change, ProductRemoved):
        return ChangeNote(change, change.name, messages._("privacy statement removed"))
    if isinstance(change, ProductChanged):
        label = _product_field_label(change.field, changes)
        wording = change.aspect != "links"  # a changed link target is not a rewording
        return ChangeNote(
            change,
            label,
            messages._(VERBS[_verb(change.before, change.after, wording)]),
            *excerpts(change.before, change.after),
        )
    if isinstance(change, MetadataChanged):
        return ChangeNote(
            change,
            messages._("Metadata %(key)s", key=change.key),
            messages._(VERBS[_verb(change.before, change.after, False)]),
            *excerpts(change.before, change.after),
        )
    if isinstance(change, ItemAdded):
        values = _in_category(change.requirement, change.category, changes)
        summary = (
            messages._("added (%(requirement)s, %(category)s)", **values)
            if "category" in values
            else messages._("added (%(requirement)s)", **values)
        )
        return ChangeNote(change, change.name, summary, anchor=change.item)
    if isinstance(change, ItemRemoved):
        values = _in_category(change.requirement, change.category, changes)
        summary = (
            messages._("removed (was %(requirement)s, %(category)s)", **values)
            if "category" in values
            else messages._("removed (was %(requirement)s)", **values)
        )
        return ChangeNote(change, change.name, summary)
    if isinstance(change, ItemChanged):
        return _item_note(change, changes)
    if isinstance(change, RetentionAdded | RetentionRemoved | RetentionChanged):
        return _retention_note(change)
    if isinstance(change, CatalogItemAdded):
        return ChangeNote(
            change,
            messages._("Catalog item %(name)s", name=change.name),
            messages._("added (%(id)s)", id=change.item),
        )
    if isinstance(change, CatalogItemRemoved):
        return ChangeNote(
            change,
            messages._("Catalog item %(name)s", name=change.name),
            messages._("removed (%(id)s)", id=change.item),
        )
    if isinstance(change, CatalogItemChanged):
        label = _label(ITEM_FIELD_LABELS, change.field, change.field)
        return ChangeNote(
            change,
            messages._("Catalog item %(name)s", name=change.name),
            _field_verb(label, _verb(change.before, change.after, change.field != "category")),
            *excerpts(change.before, change.after),
        )
    if isinstance(change, CategoryAdded):
        return ChangeNote(
            change,
            messages._("Category %(name)s", name=change.name),
            messages._("added (%(id)s)", id=change.category),
        )
    if isinstance(change, CategoryRemoved):
        return ChangeNote(
            change,
            messages._("Category %(name)s", name=change.name),
            messages._("removed (%(id)s)", id=change.category),
        )
    if isinstance(change, CategoryChanged):
        label = _label(ITEM_FIELD_LABELS, change.field, change.field)
        return ChangeNote(
            change,
            messages._("Category %(name)s", name=change.name),
            _field_verb(label, _verb(change.before, change.after)),
            *excerpts(change.before, change.after),
        )
    return ChangeNote(change, change.type, messages._(VERBS["changed"]))  # pragma: no cover


def _retention_note(change: RetentionAdded | RetentionRemoved | RetentionChanged) -> ChangeNote:
    # TRANSLATORS: %(data)s is the data a retention rule is about ("Retention of Logs").
    subject = messages._("Retention of %(data)s", data=change.rule)
    if isinstance(change, RetentionAdded):
        period = None if change.period is None else (Segment(said(change.period)),)
        return ChangeNote(change, subject, messages._(VERBS["added"]), after=period)
    if isinstance(change, RetentionRemoved):
        period = None if change.period is None else (Segment(said(change.period)),)
        return ChangeNote(change, subject, messages._(VERBS["removed"]), before=period)
    label = _label(RETENTION_FIELD_LABELS, change.field, change.field)
    before, after = change.before, change.after
    if change.field == "period":  # in the page's words, as the page says it
        before, after = (None if v is None else said(v) for v in (before, after))
    return ChangeNote(
        change,
        subject,
        _field_verb(label, _verb(change.before, change.after, change.field != "period")),
        *excerpts(before, after),
    )


def describe_all(changes: Iterable[Change], changeset: ChangeSet) -> list[ChangeNote]:
    return [describe(change, changeset) for change in changes]
