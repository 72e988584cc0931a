"""The draft of a product record, as the extractors fill it in (plain lists and strings in
page order); :mod:`.records` turns it into the YAML record."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .claims import Cue
from .item_text import ItemDraft
from .report import FreeFormFragment, PageReport
from .statements import RetentionRule

#: Titles the import gives a group that the page does not head.
MADE_TITLES = frozenset({"Data collected"})


@dataclass
class GroupDraft:
    category: str
    title: str
    line: int
    kind: str | None = None
    intro: list[str] = field(default_factory=list)
    condition: list[str] = field(default_factory=list)
    items: list[ItemDraft] = field(default_factory=list)
    #: Where its items came from: table rows, bullets (a group of table rows only is shown as
    #: a table, the way the page showed it).
    from_table: bool = field(default=False, compare=False, repr=False)
    from_list: bool = field(default=False, compare=False, repr=False)
    #: Whether the group is in its section's ``groups`` (a heading's group joins at its first list).
    placed: bool = field(default=False, compare=False, repr=False)
    #: The requirement cues of the sections around the group, outermost first (see
    #: :class:`~.claims.Scope`): they decide a group whose own words do not.
    scope: tuple[Cue | None, ...] = field(default=(), compare=False, repr=False)
    #: The requirement its list marks item by item ("your avatar (optional)"): the others in
    #: it are not marked so, whatever the words around the list say.
    marked_apart: bool | None = field(default=None, compare=False, repr=False)


@dataclass
class DataDraft:
    intro: list[str] = field(default_factory=list)
    groups: list[GroupDraft] = field(default_factory=list)


@dataclass
class StorageDraft:
    intro: list[str] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    location_note: list[str] = field(default_factory=list)
    retention: list[RetentionRule] = field(default_factory=list)
    retention_note: list[str] = field(default_factory=list)
    #: (line, words) of every place the page says how long data is kept (:func:`periods_said`).
    periods_said: list[tuple[int, str]] = field(default_factory=list)
    staff_teams: str | None = None
    staff_locations: list[str] = field(default_factory=list)
    service_locations: list[dict[str, str]] = field(default_factory=list)
    #: ``storage.transfers``: whether data leaves the EEA, where to, under which safeguard.
    transfers: dict[str, Any] | None = None

    def has_facts(self) -> bool:
        return bool(
            self.services
            or self.locations
            or self.retention
            or self.staff_locations
            or self.service_locations
        )


@dataclass
class StatementDraft:
    name: str = ""
    applies_to: list[dict[str, str]] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)
    intro: list[str] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)
    workloads: list[str] = field(default_factory=list)
    required: DataDraft = field(default_factory=DataDraft)
    optional: DataDraft = field(default_factory=DataDraft)
    #: Data the page says is collected without saying whether it is required (``collected``).
    collected: DataDraft = field(default_factory=DataDraft)
    data_use_intro: list[str] = field(default_factory=list)
    uses: list[dict[str, str]] = field(default_factory=list)
    entities_intro: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    never_intro: list[str] = field(default_factory=list)
    never_items: list[ItemDraft] = field(default_factory=list)
    #: The requirement cues that hold for the whole page (see :func:`~.claims.page_cue`).
    page_cues: list[Cue] = field(default_factory=list)
    #: (line, sentence) of each sentence that denies collecting the data named before it
    #: ("These credentials never leave the user machine").
    denials: dict[int, str] = field(default_factory=dict)
    #: (line, sentence) of every sentence of the page that says data is not collected, and of
    #: every one that names a right or a control (:mod:`.claims`).
    denials_said: list[tuple[int, str]] = field(default_factory=list)
    rights_said: list[tuple[int, str]] = field(default_factory=list)
    storage: StorageDraft = field(default_factory=StorageDraft)
    access_intro: list[str] = field(default_factory=list)
    protections: list[str] = field(default_factory=list)
    compliance: list[str] = field(default_factory=list)
    rights_intro: list[str] = field(default_factory=list)
    requests: list[dict[str, str]] = field(default_factory=list)
    rights_services: list[dict[str, str]] = field(default_factory=list)
    purposes_intro: list[str] = field(default_factory=list)
    purposes: list[str] = field(default_factory=list)
    #: The rights the page names (its bullets under a rights heading).
    rights: list[str] = field(default_factory=list)
    #: Where to complain (``rights.complaint``), and who the controller is (``controller``).
    complaint: str = ""
    controller: dict[str, Any] | None = None
    sharing_intro: list[str] = field(default_factory=list)
    #: {"name": ..., "purpose": ...} per recipient.
    recipients: list[dict[str, str]] = field(default_factory=list)
    controls_intro: list[str] = field(default_factory=list)
    controls: list[str] = field(default_factory=list)
    #: ``controls.settings`` entries read from tables of settings (or of a setting's values).
    control_settings: list[dict[str, Any]] = field(default_factory=list)
    #: ``scope.lists`` entries: {"intro": ..., "sends_data": bool, "entries": [...]}.
    scope_lists: list[dict[str, Any]] = field(default_factory=list)
    sections: list[dict[str, str]] = field(default_factory=list)

    def free(
        self,
        report: PageReport,
        lines: tuple[int, int],
        where: tuple[str, str | None],
        body: str,
        why: str,
    ) -> None:
        """Text no field holds, as a free-form section of its own (``where``: the section it
        follows and its title), listed in the report with why."""
        after, title = where
        report.free_form.append(FreeFormFragment(*lines, after, title or None, body, why))
        section = {"after": after, "title": title} if title else {"after": after}
        self.sections.append({**section, "body": body})
