"""Changes as readers see them: one sentence per change, with the words before and after.

:func:`describe` turns a change into a :class:`ChangeNote` (what changed, and excerpts of
the text before and after, the changed words flagged). The same notes feed the
``privacy-pages diff`` reports, the "Change history" section of product pages, the "What
changed" page and the Atom feed (all in :mod:`privacy_pages.render`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from ..messages import N_, SOURCE_LANGUAGE, Messages
from ..model import gdpr
from ..model.periods import RetentionPeriod, period_in_release, said
from ..model.sections import SECTIONS
from .changes import Change, ChangeSet, Kind, Subject, Value
from .snapshot import NEVER_COLLECTED

# Every label and summary below is a message, translated as a note is described (the notes are
# made where they are shown, in the language of the change set's messages: ChangeSet.in_words).

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
    "data_use.legal_bases": N_("Legal basis"),
    "data_use.legitimate_interests": N_("Legitimate interest"),
    "data_use.special_categories": N_("Condition for special categories of data"),
    "purposes.intro": N_("Introduction to purposes"),
    "purposes.items": N_("Purposes"),
    "sharing.intro": N_("Introduction to who receives data"),
    "sharing.recipients": N_("Who receives data"),
    "controls.intro": N_("Introduction to how to turn collection off"),
    "controls.options": N_("Ways to turn collection off"),
    "controls.settings": N_("Settings that turn collection off"),
    "scope.intro": N_("Introduction to when data is collected"),
    "scope.lists": N_("When data is collected"),
    "controller.name": N_("Controller"),
    "controller.address": N_("Controller's address"),
    "controller.contact": N_("How to reach the controller"),
    "controller.dpo.name": N_("Data protection officer"),
    "controller.dpo.contact": N_("How to reach the data protection officer"),
    "automated_decisions.used": N_("Automated decisions"),
    "automated_decisions.description": N_("What automated decisions are made"),
    "data_sources.from_person_only": N_("Data obtained only from the person"),
    "data_sources.sources": N_("Where data comes from"),
    "data_subjects": N_("Whose data is processed"),
    "rights.rights": N_("Your rights"),
    "rights.complaint": N_("Right to complain to a supervisory authority"),
    "storage.transfers.outside_eea": N_("Transfers outside the European Economic Area"),
    "storage.transfers.intro": N_("Introduction to transfers"),
    "storage.transfers.destinations": N_("Where data is transferred"),
    "storage.transfers.notes": N_("Note on a transfer"),
}
#: Fields whose values are ids of the GDPR's terms, shown in their words.
_TERMS: dict[str, dict[str, str]] = {
    "data_use.legal_bases.": gdpr.LEGAL_BASES,
    "data_use.special_categories.": gdpr.SPECIAL_CATEGORY_CONDITIONS,
    "storage.transfers.destinations.": gdpr.SAFEGUARDS,
}


def _in_words(messages: Messages, field: str, value: Value) -> Value:
    """An id of the GDPR's terms as its words ("contract": "Performance of a contract ...")."""
    for prefix, terms in _TERMS.items():
        if field.startswith(prefix) and isinstance(value, str) and value in terms:
            return messages.gettext(terms[value])
    return value


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
    # TRANSLATORS: a part of a group of data items on a page: "Diagnostic data (optional):
    # heading reworded".
    "title": N_("heading"),
    "intro": N_("introduction"),
    "condition": N_("condition"),
    "kind": N_("kind of data"),
}

#: A group of data named with its requirement ("Diagnostic data (optional)").
GROUP_NAMES: dict[str, str] = {
    # TRANSLATORS: %(group)s is the heading of a group of data on a page ("Diagnostic data").
    "required": N_("%(group)s (required)"),
    "optional": N_("%(group)s (optional)"),
    "not-stated": N_("%(group)s (collected)"),
}

#: What became of an item added to or removed from a statement, by whether it is listed as
#: never collected.
ITEMS_IN_OR_OUT: dict[tuple[Kind, bool], str] = {
    # TRANSLATORS: after a data item's name: "Diagnostic data (optional): App usage is now
    # collected".
    (Kind.ADDED, False): N_("is now collected"),
    (Kind.ADDED, True): N_("is now listed as never collected"),
    (Kind.REMOVED, False): N_("is no longer collected"),
    (Kind.REMOVED, True): N_("is no longer listed as never collected"),
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

#: How a line names a record of the shared catalog.
SHARED_SUBJECTS: dict[Subject, str] = {
    Subject.CATALOG_ITEM: N_("Catalog item %(name)s"),
    Subject.CATEGORY: N_("Category %(name)s"),
}
#: What a line says of a statement, a catalog item or a category added or removed.
SUMMARIES: dict[tuple[Subject, Kind], str] = {
    (Subject.PRODUCT, Kind.ADDED): N_("new privacy statement"),
    (Subject.PRODUCT, Kind.REMOVED): N_("privacy statement removed"),
    # TRANSLATORS: %(id)s is the id of the catalog item or category added or removed.
    (Subject.CATALOG_ITEM, Kind.ADDED): N_("added (%(id)s)"),
    (Subject.CATALOG_ITEM, Kind.REMOVED): N_("removed (%(id)s)"),
    (Subject.CATEGORY, Kind.ADDED): N_("added (%(id)s)"),
    (Subject.CATEGORY, Kind.REMOVED): N_("removed (%(id)s)"),
}
#: How a report marks an addition, a removal and a change.
SIGNS: dict[Kind, str] = {Kind.ADDED: "+", Kind.REMOVED: "-", Kind.CHANGED: "~"}


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
    #: Where on the page the subject is, when the line starts with it ("Diagnostic data
    #: (optional)"): the line reads "context: subject summary".
    context: str | None = None
    #: Whether the subject is a name from the records left in their language (no translation
    #: in the page's), and whether the words before and after are (each on its own), on a page
    #: in another language than the records' (a release keeps its texts as written; a retention
    #: period is said in the page's words where it can be: "A maximum of 30 days", kept as
    #: text, beside "jusqu'à 90 jours", said from its data).
    subject_in_source: bool = False
    words_in_source: tuple[bool, bool] = (True, True)

    @property
    def sign(self) -> str:
        """``+`` for an addition, ``-`` for a removal, ``~`` for a change."""
        return SIGNS[self.change.kind]

    @property
    def reworded(self) -> bool:
        """Whether the change only rewords a text (readers find these folded, after the rest)."""
        return _reworded(self.change)

    @property
    def text(self) -> str:
        """The whole note as one line of plain text."""
        if self.context:
            line = f"{self.context}: {self.subject} {self.summary}"
        else:
            line = f"{self.subject}: {self.summary}" if self.summary else self.subject
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


def display(messages: Messages, value: Value) -> str:
    """A snapshot value as a short piece of text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return messages.gettext("yes") if value else messages.gettext("no")
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "; ".join(display(messages, v) for v in value)
    if isinstance(value, dict):
        if "title" in value and "url" in value:
            return f"{value['title']} ({value['url']})"
        if "text" in value:
            inner = display(messages, value.get("details", []))
            return f"{value['text']} ({inner})" if inner else str(value["text"])
        return ", ".join(f"{k}: {display(messages, v)}" for k, v in value.items())
    return str(value)


def excerpts(
    messages: Messages, before: Value, after: Value
) -> tuple[Excerpt | None, Excerpt | None]:
    """The values before and after, shortened to what changed when they are long."""
    old = None if before is None else display(messages, before)
    new = None if after is None else display(messages, after)
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
    a, b = _words(old), _words(new)
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


#: A word of a text, where a Markdown link (its text and its address) counts as one: an
#: excerpt never starts or ends inside a link, and a link changed is shown changed whole.
_WORD = re.compile(r"!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*+\]\((?:[^()\n]|\([^()\n]*\))*+\)\S*|\S+")


def _words(text: str) -> list[str]:
    return [" ".join(word.split()) for word in _WORD.findall(text)]


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


def _field_verb(messages: Messages, field: str, verb: str) -> str:
    """``description reworded``: a field's name (already in words) and what happened to it."""
    return messages.gettext(FIELD_VERBS[verb], field=field)


def _requirement(messages: Messages, value: Value) -> str:
    label = REQUIREMENT_LABELS.get(str(value))
    return messages.gettext(label) if label else str(value)


def _requirement_title(messages: Messages, value: str) -> str:
    title = REQUIREMENT_TITLES.get(value)
    return messages.gettext(title) if title else value.capitalize()


def _label(messages: Messages, labels: dict[str, str], key: str, default: str) -> str:
    label = labels.get(key)
    return messages.gettext(label) if label else default


def _product_field_label(path: str, changes: ChangeSet) -> str:
    if path in FIELD_LABELS:
        return changes.messages.gettext(FIELD_LABELS[path])
    parts = path.split(".")
    if parts[0] == "groups" and len(parts) >= 3:
        requirement, _, category = parts[1].partition("/")
        category = category.split("#")[0]
        # TRANSLATORS: a group of data on a page, and which of its parts changed:
        # "Device (required): heading".
        return changes.messages.gettext(
            "%(group)s: %(field)s",
            group=_group_name(changes.messages, changes.category_name(category), requirement),
            field=_label(changes.messages, GROUP_FIELD_LABELS, parts[2], parts[2]),
        )
    if parts[0] == "empty_sections" and len(parts) >= 2:
        # TRANSLATORS: the sentence a section with nothing else to show says: %(section)s is
        # its heading ("What More information says").
        return changes.messages.gettext(
            "What %(section)s says", section=_section_heading(changes.messages, parts[1])
        )
    if parts[0] == "sections" and len(parts) >= 2:
        entry = ".".join(parts[1:])
        section, _, title = entry.partition(": ")
        # TRANSLATORS: a text a statement adds to a section, by its own heading or the
        # heading of the section it follows.
        return changes.messages.gettext(
            "Additional text: %(title)s",
            title=title.split("#")[0] or _section_heading(changes.messages, section.split("#")[0]),
        )
    for size in (3, 2, 1):  # the longest known field, then the entry it names
        prefix = ".".join(parts[:size])
        if prefix in FIELD_LABELS:
            rest = ".".join(parts[size:])
            field = changes.messages.gettext(FIELD_LABELS[prefix])
            # TRANSLATORS: a part of a statement, and the entry of it that changed.
            return (
                changes.messages.gettext("%(field)s: %(entry)s", field=field, entry=rest)
                if rest
                else field
            )
    return path


def _section_heading(messages: Messages, section_id: str) -> str:
    heading = dict(SECTIONS).get(section_id)
    return messages.gettext(heading) if heading else section_id


def _group_name(messages: Messages, name: str, requirement: str) -> str:
    """A group as a line names it: "Diagnostic data (optional)"."""
    message = GROUP_NAMES.get(requirement)
    return (
        messages.gettext(message, group=name)
        if message
        else _requirement_title(messages, requirement)
    )


def _statement_in_or_out(change: Change, changes: ChangeSet) -> ChangeNote:
    """A statement published or withdrawn: "Widget for iOS: new privacy statement"."""
    return ChangeNote(
        change, change.name, changes.messages.gettext(SUMMARIES[change.subject, change.kind])
    )


def _statement_note(change: Change, changes: ChangeSet) -> ChangeNote:
    """A field of a statement: "Introduction: reworded"."""
    # A changed link target, or a term the GDPR names, is not a rewording.
    wording = change.aspect != "links" and not change.field.startswith(tuple(_TERMS))
    return ChangeNote(
        change,
        _product_field_label(change.field, changes),
        changes.messages.gettext(VERBS[_verb(change.before, change.after, wording)]),
        *excerpts(
            changes.messages,
            _in_words(changes.messages, change.field, change.before),
            _in_words(changes.messages, change.field, change.after),
        ),
    )


def _metadata_note(change: Change, changes: ChangeSet) -> ChangeNote:
    return ChangeNote(
        change,
        changes.messages.gettext("Metadata %(key)s", key=change.key),
        changes.messages.gettext(VERBS[_verb(change.before, change.after, False)]),
        *excerpts(changes.messages, change.before, change.after),
    )


def _item_in_or_out(change: Change, changes: ChangeSet) -> ChangeNote:
    """An item added or removed, in its group: "Diagnostic data (optional): App usage is now
    collected"."""
    never = change.requirement == NEVER_COLLECTED
    summary = changes.messages.gettext(ITEMS_IN_OR_OUT[change.kind, never])
    if never:
        context = None
    else:
        group = changes.said(change.group) if change.group else ""
        group = group or (changes.category_name(change.category) if change.category else "")
        context = (
            _group_name(changes.messages, group, change.requirement)
            if group
            else _requirement_title(changes.messages, change.requirement)
        )
    return ChangeNote(
        change,
        changes.said(change.name),
        summary,
        anchor=change.key if change.kind is Kind.ADDED else None,
        context=context,
        subject_in_source=changes.in_source(change.name),
    )


def _item_note(change: Change, changes: ChangeSet) -> ChangeNote:
    """A field of an item changed: "App usage: description reworded"."""
    summary, before, after = _item_field_words(change, changes)
    return ChangeNote(
        change,
        changes.said(change.name),
        summary,
        before,
        after,
        anchor=change.key,
        subject_in_source=changes.in_source(change.name),
    )


def _item_field_words(
    change: Change, changes: ChangeSet
) -> tuple[str, Excerpt | None, Excerpt | None]:
    """What happened to an item's field, and the words before and after."""
    field, was, now = change.field, change.before, change.after
    if field == "requirement":
        summary = changes.messages.gettext(
            "now %(requirement)s (was %(previous)s)",
            requirement=_requirement(changes.messages, now),
            previous=_requirement(changes.messages, was),
        )
        return summary, None, None
    if field.startswith("workloads."):
        _, workload_id, what = [*field.split("."), "", ""][:3]
        workload = changes.workload_name(change.product or "", workload_id)
        if what == "applies":
            summary = changes.messages.gettext("%(workload)s workload changed", workload=workload)
            return summary, *excerpts(
                changes.messages, _applies(changes.messages, was), _applies(changes.messages, now)
            )
        verb = _verb(was, now, False)
        return changes.messages.gettext(
            WORKLOAD_CONDITION_VERBS[verb], workload=workload
        ), *excerpts(changes.messages, was, now)
    if field == "id":
        return changes.messages.gettext("item id changed"), *excerpts(changes.messages, was, now)
    if field == "catalog":
        if now:
            return changes.messages.gettext("now the shared catalog item"), None, None
        return changes.messages.gettext("no longer a shared catalog item"), None, None
    if field == "category":
        return changes.messages.gettext("moved to another category"), *excerpts(
            changes.messages,
            changes.category_name(str(was)) if was else None,
            changes.category_name(str(now)) if now else None,
        )
    label = _label(changes.messages, ITEM_FIELD_LABELS, field, field.replace(".", " "))
    verb = _verb(was, now, change.aspect == "wording")
    return _field_verb(changes.messages, label, verb), *excerpts(changes.messages, was, now)


def _applies(messages: Messages, value: Value) -> str | None:
    if value is None:
        return None
    return messages.gettext("Yes") if value else messages.gettext("No")


def _retention_note(change: Change, changes: ChangeSet) -> ChangeNote:
    # TRANSLATORS: %(data)s is the data a retention rule is about ("Retention of Logs").
    subject = changes.messages.gettext("Retention of %(data)s", data=changes.said(change.key))
    if change.kind is not Kind.CHANGED:  # a rule added or removed, with its period
        period = change.after if change.kind is Kind.ADDED else change.before
        return ChangeNote(
            change,
            subject,
            changes.messages.gettext(VERBS[change.kind]),
            before=_period(change.before, changes),
            after=_period(change.after, changes),
            words_in_source=(_release_in_source(period, changes),) * 2,
        )
    before, after = change.before, change.after
    if change.field == "period":  # in the page's words; a period is what the line is about,
        # so it needs no word for it: "Retention of Logs: 30 days → 90 days"
        kept = [None if v is None else period_in_release(v) for v in (before, after)]
        before, after = (
            None if v is None else said(changes.messages, period_in_release(v), changes.said)
            for v in (before, after)
        )
        summary = (
            "" if before and after else changes.messages.gettext(VERBS[_verb(before, after, False)])
        )
        return ChangeNote(
            change,
            subject,
            summary,
            *excerpts(changes.messages, before, after),
            words_in_source=(
                kept[0] is not None and _in_source(kept[0], changes),
                kept[1] is not None and _in_source(kept[1], changes),
            ),
        )
    label = _label(changes.messages, RETENTION_FIELD_LABELS, change.field, change.field)
    return ChangeNote(
        change,
        subject,
        _field_verb(changes.messages, label, _verb(change.before, change.after)),
        *excerpts(changes.messages, before, after),
    )


def _shared_in_or_out(change: Change, changes: ChangeSet) -> ChangeNote:
    """A catalog item or a category added or removed: "Category Device: added (device)"."""
    subject = changes.messages.gettext(SHARED_SUBJECTS[change.subject], name=change.name)
    summary = changes.messages.gettext(SUMMARIES[change.subject, change.kind], id=change.key)
    return ChangeNote(change, subject, summary)


def _shared_note(change: Change, changes: ChangeSet) -> ChangeNote:
    """A field of a catalog item or a category: "Catalog item Logs: description reworded"."""
    label = _label(changes.messages, ITEM_FIELD_LABELS, change.field, change.field)
    wording = change.subject is Subject.CATEGORY or change.field != "category"
    return ChangeNote(
        change,
        changes.messages.gettext(SHARED_SUBJECTS[change.subject], name=change.name),
        _field_verb(changes.messages, label, _verb(change.before, change.after, wording)),
        *excerpts(changes.messages, change.before, change.after),
    )


#: How each change is said, by what it is about and what happened to it.
_SAYINGS: dict[tuple[Subject, Kind], Callable[[Change, ChangeSet], ChangeNote]] = {
    (Subject.PRODUCT, Kind.ADDED): _statement_in_or_out,
    (Subject.PRODUCT, Kind.REMOVED): _statement_in_or_out,
    (Subject.PRODUCT, Kind.CHANGED): _statement_note,
    (Subject.METADATA, Kind.CHANGED): _metadata_note,
    (Subject.ITEM, Kind.ADDED): _item_in_or_out,
    (Subject.ITEM, Kind.REMOVED): _item_in_or_out,
    (Subject.ITEM, Kind.CHANGED): _item_note,
    (Subject.RETENTION, Kind.ADDED): _retention_note,
    (Subject.RETENTION, Kind.REMOVED): _retention_note,
    (Subject.RETENTION, Kind.CHANGED): _retention_note,
    (Subject.CATALOG_ITEM, Kind.ADDED): _shared_in_or_out,
    (Subject.CATALOG_ITEM, Kind.REMOVED): _shared_in_or_out,
    (Subject.CATALOG_ITEM, Kind.CHANGED): _shared_note,
    (Subject.CATEGORY, Kind.ADDED): _shared_in_or_out,
    (Subject.CATEGORY, Kind.REMOVED): _shared_in_or_out,
    (Subject.CATEGORY, Kind.CHANGED): _shared_note,
}


def describe(change: Change, changes: ChangeSet) -> ChangeNote:
    """One change in words, in the language of ``changes.messages``."""
    note = _SAYINGS[change.subject, change.kind](change, changes)
    if any(note.words_in_source) and changes.messages.language == SOURCE_LANGUAGE:
        return replace(note, words_in_source=(False, False))  # (the page is in the records')
    return note


def _period(value: Value, changes: ChangeSet) -> Excerpt | None:
    """A period a release keeps, in the page's words."""
    if value is None:
        return None
    return (Segment(said(changes.messages, period_in_release(value), changes.said)),)


def _release_in_source(value: Value, changes: ChangeSet) -> bool:
    return value is not None and _in_source(period_in_release(value), changes)


def _in_source(period: RetentionPeriod, changes: ChangeSet) -> bool:
    """Whether a period's words hold text in the records' language on this page."""
    text = period if isinstance(period, str) else period.after_text
    return text is not None and changes.in_source(text)


def describe_all(changes: Iterable[Change], changeset: ChangeSet) -> list[ChangeNote]:
    return [describe(change, changeset) for change in changes]


# -- what readers read first --------------------------------------------------------------------

#: Fields whose text says what a statement does, not only how it says it: a change to one is
#: a change in substance even when both versions are text.
_NOT_WORDING = frozenset(
    {
        "condition",
        "group_condition",
        "control",
        "requirement",
        "classification",
        "kind",
        "category",
        "id",
        "catalog",
        "period",
    }
)
#: Item fields no reader sees: the id is the item's anchor, "catalog" says where its words
#: come from (``privacy-pages diff`` still shows both).
_UNSEEN_ITEM_FIELDS = frozenset({"id", "catalog"})


def _reworded(change: Change) -> bool:
    """Whether a change only says a text another way (both versions have it)."""
    if not isinstance(change.before, str) or not isinstance(change.after, str):
        return False
    if change.subject is Subject.METADATA or change.aspect in ("links", "workloads"):
        return False
    if change.field.startswith(tuple(_TERMS)):
        return False  # another legal basis or safeguard: a change of substance
    return change.field.rsplit(".", 1)[-1] not in _NOT_WORDING


#: Where a change comes among a release's: a statement published or withdrawn, then data
#: collected or no longer, then how long data is kept, then how data is collected, then the rest.
_RANKS: dict[tuple[Subject, Kind], int] = {
    (Subject.PRODUCT, Kind.ADDED): 0,
    (Subject.PRODUCT, Kind.REMOVED): 0,
    (Subject.ITEM, Kind.ADDED): 1,
    (Subject.ITEM, Kind.REMOVED): 1,
    (Subject.RETENTION, Kind.ADDED): 2,
    (Subject.RETENTION, Kind.REMOVED): 2,
    (Subject.RETENTION, Kind.CHANGED): 2,
    (Subject.ITEM, Kind.CHANGED): 3,
}


def _rank(note: ChangeNote) -> int:
    return _RANKS.get((note.change.subject, note.change.kind), 4)


@dataclass(frozen=True)
class ReaderNotes:
    """A release's changes to one statement as its readers read them: what changed in
    substance first, one line each; then what was only reworded (pages fold those under one
    line, "3 texts reworded")."""

    changed: tuple[ChangeNote, ...] = ()
    reworded: tuple[ChangeNote, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changed or self.reworded)

    def __len__(self) -> int:
        return len(self.changed) + len(self.reworded)

    def __iter__(self) -> Iterator[ChangeNote]:
        return iter((*self.changed, *self.reworded))


def reader_notes(changes: Iterable[Change], changeset: ChangeSet) -> ReaderNotes:
    """The changes readers see, in the order they read them (:class:`ReaderNotes`)."""
    notes = [
        describe(change, changeset)
        for change in changes
        if not (change.subject is Subject.ITEM and change.field in _UNSEEN_ITEM_FIELDS)
    ]
    return ReaderNotes(
        tuple(sorted((n for n in notes if not n.reworded), key=_rank)),
        tuple(n for n in notes if n.reworded),
    )
