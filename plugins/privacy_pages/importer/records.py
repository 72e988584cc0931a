"""From a statement draft to YAML-ready records, with items matched against the catalog.

Items are first regrouped the way the catalog reads them (:mod:`.grouping`), optional items
get the control the page states (:mod:`.controls`), and sections the page does not cover are
marked empty (:mod:`.empty_sections`). Keys are in schema order, so that importing the same
page twice gives the same bytes.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..load.discovery import DEVICE_NAMES, FOLDER_PAGE_NAMES
from ..load.links import url_problem
from .catalog_match import Match
from .control_settings import merged, opt_out_settings, settings_from
from .controls import add_controls
from .draft import MADE_TITLES, DataDraft, GroupDraft, StatementDraft, StorageDraft
from .empty_sections import empty_sections, product_name
from .grouping import Regrouper, category_for
from .item_text import ItemDraft
from .items import CatalogIndex, CategoryIndex, normalize_name, slug, with_suffix
from .markup import bullet_sentences, link_targets, one_line, plain, rewrite_links, sentences
from .prose_facts import never_parts, recipients_in
from .report import CategoryMatch, FreeFormFragment, ItemMatch, NewItem, PageReport
from .statements import (
    RetentionRule,
    periods_said,
    retention_rule,
    says_period,
    storage_places,
)
from .wording import normalized

NEVER_CATEGORY = "Data never collected"
_PLATFORMS = (
    ("iPadOS", "iOS"),
    ("iOS", "iOS"),
    ("Android", "Android"),
    ("macOS", "macOS"),
    ("Mac", "macOS"),
    ("Windows", "Windows"),
    ("Linux", "Linux"),
)
_RESERVED = DEVICE_NAMES | FOLDER_PAGE_NAMES


@dataclass
class Resolver:
    """Everything that turns names into ids for one product."""

    catalog: CatalogIndex
    categories: CategoryIndex
    report: PageReport
    workload_ids: dict[str, str]
    #: The product's id (other products' uses of an item are compared with this one's).
    product_id: str = ""
    #: The ids already in the report's lists of new and of reused catalog items.
    _listed_new: set[str] = field(default_factory=set, init=False, repr=False)
    _listed_reused: set[str] = field(default_factory=set, init=False, repr=False)
    #: For an item id, the first number its next local copy may take (every lower one is taken:
    #: ``catalog.taken`` only grows while a page is read, and holds every id of ``seen``).
    _next_local: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self._listed_new.update(self.report.new_catalog_items)
        self._listed_reused.update(self.report.reused_catalog_items)

    def category(self, group: GroupDraft, requirement: str) -> str:
        """The id of a group's category: an existing one if it can be found, else a new one."""
        heading = group.title or group.category
        choice = category_for(group, self.catalog, self.categories)
        new_here = choice is not None and any(a.id == choice.id for a in self.categories.new)
        if new_here and choice is not None and choice.confidence == "items":
            # Items of a category this very page added: a group is matched to such a category
            # by its heading only, as importing the page again (the category then exists) would
            # match it. By its items, the same heading could go to two categories.
            choice = None
        site_never = self.catalog.category_used_as("never-collected", exclude=self.product_id)
        if choice is None and requirement == "never-collected" and site_never is not None:
            # Data a page says it never collects goes where the site's other products put it.
            how = "the category the site's other products use for never-collected data"
            self.report.category_matches.append(
                CategoryMatch(group.line, requirement, heading, site_never, "site", 1.0, how)
            )
            return site_never
        if choice is None or new_here:
            category_id = (
                choice.id if choice else self.categories.add_new(group.category or group.title)
            )
            how = "no existing category has its name, nor holds most of its items"
            self.report.category_matches.append(
                CategoryMatch(group.line, requirement, heading, category_id, "new", 0.0, how)
            )
            return category_id
        note = ""
        others = self.categories.used_as(choice.id, exclude=self.product_id)
        if others and requirement not in others:
            note = (
                f"other products use {choice.id} only for {' and '.join(sorted(others))} data; "
                f"this group is {requirement}, as the page says"
            )
            self.report.review(group.line, "requirement", f"{heading!r} → {choice.id}: {note}")
        self.report.category_matches.append(
            CategoryMatch(
                group.line,
                requirement,
                heading,
                choice.id,
                choice.confidence,
                choice.score,
                choice.how,
                note,
            )
        )
        return choice.id

    def items(
        self, drafts: list[ItemDraft], category_id: str, requirement: str
    ) -> list[dict[str, Any]]:
        """The records of one group's items (an item a list implied merged with its bullet)."""
        found = [self.catalog.match(draft.name, category_id) for draft in drafts]
        kept: list[tuple[ItemDraft, Match | None]] = []
        first: dict[str, int] = {}
        for draft, match in zip(drafts, found, strict=True):
            key = match.ref if match is not None else f"new:{normalize_name(draft.name)}"
            index = first.get(key)
            if index is not None:
                earlier = kept[index][0]
                if (earlier.implied or draft.implied) and (earlier.is_bare() or draft.is_bare()):
                    # "Device information such as … Device identifier" then "Device
                    # identifier is one of …": one item, with what the bullet says.
                    if earlier.is_bare():
                        kept[index] = (draft, match)
                    continue
                # The same data again (a field of two events): one item, listed once.
                earlier.absorb(draft)
                if draft.line == earlier.line:
                    continue  # (one line read twice, a list and a sentence: listed once)
                self.report.review(
                    draft.line,
                    "item",
                    f"{draft.name!r} is listed again in this group (line {earlier.line}): "
                    "one item, with what each line says",
                )
                continue
            first.setdefault(key, len(kept))
            kept.append((draft, match))
        seen: set[str] = set()
        return [self.item(d, category_id, seen, requirement, m) for d, m in kept]

    def item(
        self,
        draft: ItemDraft,
        category_id: str,
        seen: set[str],
        requirement: str = "required",
        match: Match | None = None,
    ) -> dict[str, Any]:
        if match is None:
            match = self.catalog.match(draft.name, category_id)
        ref = self.catalog.add_new(draft.name, category_id) if match is None else match.ref
        record: dict[str, Any] = {}
        if ref in seen:
            # The same item twice in one group: a local item, so neither is lost.
            local = with_suffix(ref, self.catalog.taken, self._next_local)
            self.catalog.taken.add(local)
            record["id"] = local
            record["name"] = draft.name
            seen.add(local)
        else:
            seen.add(ref)
            record["ref"] = ref
            if draft.name != self.catalog.name_of(ref):
                record["name"] = draft.name
            self._list(draft, ref, category_id, requirement, match)
        _item_fields(record, draft, self.workload_ids)
        return record

    def _list(
        self, draft: ItemDraft, ref: str, category_id: str, requirement: str, match: Match | None
    ) -> None:
        """Put a matched or new item in the report."""
        if match is None:
            if ref not in self._listed_new:
                self._listed_new.add(ref)
                self.report.new_catalog_items.append(ref)
                self.report.new_items.append(
                    NewItem(draft.line, requirement, ref, draft.name, category_id)
                )
            return
        if ref not in self._listed_reused and ref not in self._listed_new:
            self._listed_reused.add(ref)
            self.report.reused_catalog_items.append(ref)
        if ref in self._listed_new:
            return  # an item this page adds, found again
        notes = []
        others = self.catalog.used_as(ref, exclude=self.product_id)
        if others and requirement not in others:
            users = sorted({product for products in others.values() for product in products})
            notes.append(
                f"other products list it only as {' and '.join(sorted(others))} data "
                f"({', '.join(users)}); this record lists it as {requirement}, as the page says"
            )
            self.report.review(draft.line, "requirement", f"{draft.name!r} → {ref}: {notes[-1]}")
        if match.category and match.category != category_id:
            notes.append(f"the catalog files it under {match.category}")
        self.report.matches.append(
            ItemMatch(
                draft.line,
                requirement,
                draft.name,
                ref,
                match.matched,
                match.confidence,
                match.score,
                match.how,
                category_id,
                match.category,
                "; ".join(notes),
            )
        )


def _item_fields(record: dict[str, Any], draft: ItemDraft, workload_ids: dict[str, str]) -> None:
    """An item's fields after its ref (or id and name), in schema order."""
    alternatives = None
    if draft.alternatives:
        alternatives = _present(intro=draft.alternatives_intro, ordered=draft.ordered)
        alternatives["options"] = list(draft.alternatives)
    workloads: dict[str, Any] = {}
    for header, (applies, condition) in draft.workloads.items():
        word = "yes" if applies else "no"
        workloads[workload_ids[header]] = (
            {"applies": word, "condition": condition} if condition else word
        )
    record.update(
        _present(
            description=draft.description,
            condition=draft.condition,
            classification=draft.classification,
            purpose=draft.purpose,
            control=draft.control,
            details=[detail.record() for detail in draft.details],
            alternatives=alternatives,
            workloads=workloads,
            note=draft.note,
        )
    )


def _not_collected_too(
    draft: StatementDraft, report: PageReport, entries: list[ItemDraft]
) -> tuple[list[ItemDraft], tuple[int, int]]:
    """The never-collected entries, but those the page also lists as data it collects ("Crash
    reports never include your name" on a page whose account data is the name: it contradicts
    itself there), says when it collects ("Contacts (unless you import them)") or when it does
    not ("Location when the app is closed"): no entry says any of these; the words stay, as
    text (with the line of the first)."""
    sections = (draft.required, draft.optional, draft.collected)
    taken = {_same(i.name) for data in sections for g in data.groups for i in g.items}
    kept: list[ItemDraft] = []
    text: list[str] = []
    lines: list[int] = []
    for entry in entries:
        said = entry.name + "".join(
            f"{mark}{part}"
            for mark, part in ((", ", entry.condition), (": ", entry.description))
            if part
        )
        if _same(entry.name) in taken:
            why = "the page lists it as collected data too"
        elif _EXCEPTED.search(plain(said)):
            why = "the page makes an exception to the denial"
        elif entry.condition:  # (a record with a conditional never-collected item is refused)
            why = "the page says when it is not collected, which an entry cannot"
        else:
            kept.append(entry)
            continue
        text.append(f"- {said}" + (f" {entry.note}" if entry.note else ""))
        lines.append(entry.line)
        stack = [(detail, 1) for detail in entry.details[::-1]]
        while stack:  # (its nested bullets too, depth first, without recursion)
            detail, depth = stack.pop()
            text.append(f"{'  ' * depth}- {detail.text}")
            stack += [(inner, depth + 1) for inner in detail.details[::-1]]
        report.review(entry.line, "requirement", f"{entry.name!r}: {why}; kept as text")
    if text:
        draft.never_intro.append("\n".join(text))
    # (the first entry's line: the others may be far from it, or on another page)
    return kept, (min(lines), min(lines)) if lines else (0, 0)


#: An exception to a never-collected entry ("Contacts (unless you import them)", "except for
#: abuse prevention", "only while recording"; not "(only coarse categories)": what is taken
#: instead): collected then, so no never-collected entry.
_EXCEPTED = re.compile(
    r"(?:^|[(,:;]|\s-)\s*(?:unless|except|but|other than|apart from|only\s+(?:when|while|if|after|"
    r"during|with|for|in))\b",
    re.IGNORECASE,
)


def _same(name: str) -> str:
    """A name as two lists of one page may both write it ("Your email addresses")."""
    return normalized(re.sub(r"^\W*(?:your|any)\s+", "", plain(name), flags=re.IGNORECASE))


def _present(**fields: Any) -> dict[str, Any]:
    """The fields that say something (not ``None``, ``False`` nor empty), in the order given."""
    return {key: value for key, value in fields.items() if value}


def _listed(intro: list[str], key: str, values: list[Any]) -> dict[str, Any]:
    """A section of the record that is an intro (when the page has one) and a list."""
    return {**_present(intro=_text(intro)), key: values}


def _text(parts: list[str]) -> str | None:
    value = "\n\n".join(p.strip() for p in parts if p and p.strip())
    return value or None


def _retention(rule: RetentionRule) -> dict[str, Any]:
    exceptions = [_retention(e) for e in rule.exceptions]
    return {
        "data": rule.data,
        "period": rule.period,
        **_present(note=rule.note, exceptions=exceptions),
    }


def product_id_for(name: str) -> str:
    words = re.sub(r"\bprivacy (?:information|statement)\b", " ", name, flags=re.IGNORECASE)
    words = re.sub(r"(?<!\s)\s+-\s+", " ", words)  # (from a run's start only: linear)
    value = slug(words, "product")
    return f"{value}-privacy" if value in _RESERVED else value


def summary_for(metadata: dict[str, object], intro: list[str], name: str) -> str:
    description = metadata.get("description")
    if isinstance(description, str) and plain(description):
        return plain(description)
    for paragraph in intro:
        found = sentences(plain(paragraph))
        if found:
            return found[0]
    return name


def build_product(
    draft: StatementDraft,
    *,
    product_id: str,
    metadata: dict[str, object],
    summary: str,
    resolver: Resolver,
) -> dict[str, Any]:
    """The product record (a plain dict in schema key order)."""
    report = resolver.report
    record: dict[str, Any] = {"id": product_id, "name": draft.name}
    named = (platform for word, platform in _PLATFORMS if re.search(rf"\b{word}\b", draft.name))
    record.update(_present(platform=next(named, None)))
    record["summary"] = summary
    record["metadata"] = metadata
    record.update(
        _present(
            applies_to=draft.applies_to,
            notes=draft.notes,
            intro=_text(draft.intro),
            links=draft.links,
            next_steps=_text(draft.next_steps),
        )
    )
    taken: set[str] = set()
    next_number: dict[str, int] = {}
    for header in draft.workloads:
        wid = with_suffix(slug(header, "workload"), taken, next_number)
        taken.add(wid)
        resolver.workload_ids[header] = wid
    if draft.workloads:
        record["workloads"] = [{"id": resolver.workload_ids[h], "name": h} for h in draft.workloads]
    regrouper = Regrouper(resolver.catalog, resolver.categories, report)
    regrouper.page_groups(draft.required, draft.optional, draft.collected)
    regrouper.section(draft.required)
    regrouper.section(draft.optional)
    regrouper.section(draft.collected)
    add_controls(draft.optional, report, [cue.words for cue in draft.page_cues if cue.quoted])
    if draft.scope_lists:
        record["scope"] = {"lists": draft.scope_lists}
    required = _data_section(draft.required, resolver, draft, "required-data", "required")
    optional = _data_section(draft.optional, resolver, draft, "optional-data", "optional")
    collected = _data_section(draft.collected, resolver, draft, "collected-data", "not-stated")
    if required or not collected:
        record["required"] = required
    record.update(_present(optional=optional, collected=collected))
    if draft.uses:
        record["data_use"] = _listed(draft.data_use_intro, "uses", draft.uses)
    if draft.purposes:
        record["purposes"] = _listed(draft.purposes_intro, "items", draft.purposes)
    if draft.entities:
        record["processed_entities"] = _listed(draft.entities_intro, "entities", draft.entities)
    entries, moved = _not_collected_too(
        draft, report, [part for item in draft.never_items for part in never_parts(item)]
    )
    # (split by the catalog after: an entry kept as text keeps its words whole; each part
    # is checked again, the page may list it as collected)
    parts, again = _not_collected_too(draft, report, regrouper.split_items(entries, None))
    draft.never_items, moved = parts, moved if moved[0] else again
    if draft.never_items:
        group = GroupDraft(NEVER_CATEGORY, "", draft.never_items[0].line, items=draft.never_items)
        category = resolver.category(group, "never-collected")
        items = resolver.items(draft.never_items, category, "never-collected")
        record["never_collected"] = {**_present(intro=_text(draft.never_intro)), "items": items}
    elif _text(draft.never_intro):
        why = "a never-collected intro without items"
        _free_intro(draft, report, "never-collected", draft.never_intro, why, moved)
    else:
        why = "a sentence that says what is not collected, in words no entry was read from"
        _said_in_section(draft, report, _NEVER, draft.denials_said, why)
    facts_in_prose(draft)
    access = _present(
        intro=_text(draft.access_intro), protections=draft.protections, compliance=draft.compliance
    )
    rights = _present(
        intro=_text(draft.rights_intro),
        rights=draft.rights,
        requests=draft.requests,
        services=draft.rights_services,
        complaint=draft.complaint or None,
    )
    storage = _storage(draft.storage)
    placed = any(section.get("after") == "storage-and-retention" for section in draft.sections)
    unread, held = _period_said(storage, draft.sections)
    said = draft.storage.periods_said
    if (storage or placed or said) and not (
        storage.get("retention") or storage.get("retention_note")
    ):
        if unread is not None:
            # A period in words no rule was read from ("Deleted accounts: Removed within 30
            # days"): the page says it, so the record says it in the page's words, never that
            # the page does not
            if held is not None:  # a section of its own with the storage: its text is the note
                draft.sections.remove(held)
                storage["retention_note"] = held["body"]
                report.free_form = [
                    f
                    for f in report.free_form
                    if (f.after, f.title) != (_STORAGE, held.get("title"))
                ]
            report.review(
                0,
                "retention",
                f"a period is said in text no retention rule was read from ({unread!r}); "
                "it is the retention note: add it under storage.retention",
            )
        elif said:
            # The page says how long elsewhere, in words no rule was read from: its own words
            # are the note, never a sentence saying it gives no period.
            storage["retention_note"] = " ".join(dict.fromkeys(words for _, words in said))
            report.review(
                said[0][0],
                "retention",
                f"the page says how long data is kept (line(s) {', '.join(str(n) for n, _ in said)})"
                " in words no retention rule was read from; they are the retention note, as "
                "the page words them: add them under storage.retention",
            )
        else:
            # Where the data is kept (in fields or in text the page puts there), but not for
            # how long: said so, never a period made up.
            name = product_name(draft.name, draft.intro, _bodies(draft))
            storage["retention_note"] = f"{name} does not say how long it keeps the data."
            report.review(0, "retention", "the page gives no retention period; the record says so")
    record.update(_present(storage=storage, access=access, rights=rights))
    if draft.recipients:
        record["sharing"] = _listed(draft.sharing_intro, "recipients", draft.recipients)
    elif draft.sharing_intro:
        _free_intro(
            draft, report, "data-use", draft.sharing_intro, "sharing text without recipients"
        )
    settings = merged(
        settings_from(draft.controls_intro + draft.controls),
        draft.control_settings,
        opt_out_settings(_prose_sentences(draft)),
    )
    shown = bool(draft.controls or settings)
    intro = _text(draft.controls_intro) if draft.controls or draft.control_settings else None
    if draft.controls_intro and not (shown and intro):
        why = "controls text without options"
        _free_intro(draft, report, "your-rights", draft.controls_intro, why)
    if shown:
        record["controls"] = _present(intro=intro, options=draft.controls, settings=settings)
    if not (record.get("rights") or record.get("controls") or draft.controller):
        why = "a sentence that names a right or a control, in words no field was read from"
        _said_in_section(draft, report, "your-rights", draft.rights_said, why)
    record.update(_present(sections=draft.sections))
    record.update(_present(controller=draft.controller))
    empty = empty_sections(record, product_name(draft.name, draft.intro, _bodies(draft)))
    if any(review.topic == "language" for review in report.reviews):
        # (a page in another language: what it covers is not known, so no section is said
        # to be empty; the site's warnings name each for the writer to fill or mark)
        empty = {}
    if empty:
        record["empty_sections"] = empty
        report.empty_sections = list(empty)
    report.counts.groups = sum(
        len(record.get(key, {}).get("groups", [])) for key in ("required", "optional", "collected")
    )
    return record


def facts_in_prose(draft: StatementDraft) -> None:
    """Storage places, retention periods and recipients said in passing in the draft's prose
    (outside the storage and sharing sections; recipients in the storage notes too), added to
    those fields (each once); the sentences stay."""
    storage = draft.storage
    periods = {rule.period.lower() for rule in storage.retention}
    known = {r["name"].lower() for r in draft.recipients}
    said = _prose_sentences(draft)
    for sentence in said:
        rule = retention_rule(sentence)
        # ("kept for 90 days and stored in the United States": a period and a place)
        for place in storage_places(sentence, with_period=rule is not None):
            if place not in storage.locations:
                storage.locations.append(place)
        if rule is not None and rule.period.lower() not in periods:
            periods.add(rule.period.lower())
            storage.retention.append(RetentionRule(rule.data, rule.period))
    # ("Events are sent to PostHog and kept for 12 months" under a storage heading: the
    # storage section reads its periods and places, not who receives the data)
    notes = [*storage.intro, *storage.location_note, *storage.retention_note]
    for sentence in [*said, *(s for note in notes for s in sentences(one_line(note)))]:
        for who in recipients_in(sentence):
            if who.lower() not in known:
                known.add(who.lower())
                draft.recipients.append({"name": who})


def _bodies(draft: StatementDraft) -> list[str]:
    """The page's free-form text, in page order: where it may say what the product is."""
    return [section["body"] for section in draft.sections]


def _prose_sentences(draft: StatementDraft) -> list[str]:
    """The sentences of the page's prose outside its controls: intros, notes, free text."""
    texts = list(draft.intro) + [note["text"] for note in draft.notes]
    texts += [section["body"] for section in draft.sections]
    for data in (draft.required, draft.optional, draft.collected):
        texts += data.intro
        for group in data.groups:
            texts += group.intro
    return [sentence for text in texts for sentence in bullet_sentences(text)]


def _said_in_section(
    draft: StatementDraft,
    report: PageReport,
    after: str,
    said: list[tuple[int, str]],
    why: str,
) -> None:
    """The page's own sentences on a topic (``said``: line, sentence), quoted as the free-form
    text of its section where no field holds it: never a sentence saying that the page is
    silent. Each also stays where it is on the page, so the report quotes it at its line."""
    if not said or any(section.get("after") == after for section in draft.sections):
        return
    body = ""
    for sentence in dict.fromkeys(sentence for _, sentence in said):
        # (a bullet's sentence has no full stop to end it: the next one starts a paragraph)
        body += (" " if body.endswith((".", "!", "?")) else "\n\n" if body else "") + sentence
    draft.sections.append({"after": after, "body": body})
    for line, _ in said:
        report.review(line, "quoted", f"{why}; quoted under {after}")


def _free_intro(
    draft: StatementDraft,
    report: PageReport,
    after: str,
    parts: list[str],
    why: str,
    lines: tuple[int, int] = (0, 0),
) -> None:
    """An intro with nothing to introduce: free-form text (no line when it was all read as an
    intro; the lines of the list entries it holds otherwise)."""
    draft.free(report, lines, (after, None), _text(parts) or "", why)


def _data_section(
    section: DataDraft, resolver: Resolver, draft: StatementDraft, after: str, requirement: str
) -> dict[str, Any]:
    """The required, optional or collected data (``requirement``: ``not-stated``)."""
    groups = []
    for group in section.groups:
        if not group.items:
            _empty_group(group, draft, after, resolver.report)
            continue
        groups.append(_group(group, resolver, requirement))
    return _present(intro=_text(section.intro), groups=groups)


def _group(group: GroupDraft, resolver: Resolver, requirement: str) -> dict[str, Any]:
    optional = requirement == "optional"
    category = resolver.category(group, requirement)
    record: dict[str, Any] = {"category": category}
    if group.title and group.title != resolver.categories.name_of(category):
        record["title"] = group.title
    if optional:
        record["kind"] = group.kind or "other"
    layout = "table" if group.from_table and not group.from_list else None
    condition = " ".join(group.condition)
    record.update(_present(intro=_text(group.intro), condition=condition, layout=layout))
    record["items"] = resolver.items(group.items, category, requirement)
    return record


def _empty_group(group: GroupDraft, draft: StatementDraft, after: str, report: PageReport) -> None:
    """A group with an intro or a condition but no items: its text becomes free-form."""
    parts = list(group.intro) + list(group.condition)
    body = _text(parts)
    if not body:
        return
    title = "" if group.title in MADE_TITLES else group.title
    listed = next(
        (
            s
            for s in draft.sections
            if (s.get("after"), s.get("title", "")) == (after, title)
            and str(s["body"]).startswith("- ")
        ),
        None,
    )
    why, lines = "a data heading with no items", (group.line, group.line)
    if listed is None:
        draft.free(report, lines, (after, title), body, why)
        return
    listed["body"] = f"{body}\n\n{listed['body']}"  # the lead of its list, before it
    report.free_form.append(FreeFormFragment(*lines, after, title or None, body, why))


def _period_said(
    storage: Mapping[str, Any], sections: list[dict[str, Any]]
) -> tuple[str | None, dict[str, Any] | None]:
    """The first sentence of the storage text, or of a section placed with it, that gives a
    period of keeping data, with that section (None: in the storage text); (None, None)."""
    texts: list[tuple[str, dict[str, Any] | None]] = [
        (str(storage.get(key) or ""), None) for key in ("intro", "location_note")
    ]
    texts += [(str(s.get("body", "")), s) for s in sections if s.get("after") == _STORAGE]
    for text, section in texts:
        for _, words in periods_said(text):
            if says_period(words):
                return words, section
    return None, None


_STORAGE = "storage-and-retention"
_NEVER = "never-collected"


def _storage(storage: StorageDraft) -> dict[str, Any]:
    staff = None
    if storage.staff_locations:
        staff = _present(teams=storage.staff_teams, locations=storage.staff_locations)
    return _present(
        intro=_text(storage.intro),
        services=storage.services,
        locations=storage.locations,
        location_note=_text(storage.location_note),
        retention=[_retention(rule) for rule in storage.retention],
        retention_note=_text(storage.retention_note),
        staff_locations=staff,
        service_locations=storage.service_locations,
        transfers=storage.transfers,
    )


# -- links ---------------------------------------------------------------------------------------


def page_name(url: str) -> str:
    """The name of the page a link points at, the same for a relative and an absolute link:
    ``../data-storage-privacy.md#x`` and ``https://…/data-storage-privacy`` give
    ``data-storage-privacy``."""
    path = urlsplit(url).path.rstrip("/")
    if path.endswith("/index") or path == "index":
        path = path[: -len("index")].rstrip("/")
    name = posixpath.basename(path)
    return name[:-3] if name.endswith(".md") else name


def known_target(url: str, known: dict[str, set[str]]) -> str | None:
    """The address the site's records use for a relative link's page, if only one. Only for a
    link that names a page by a name of more than one word (``privacy-data-store-process``):
    a folder (``telemetry/``, a package of the page's repository) or a one-word name
    (``README``, ``telemetry``) could be any product's page of that name."""
    parts = urlsplit(url)
    if parts.scheme or url.startswith("//") or parts.path.endswith("/"):
        return None
    name = page_name(url)
    if not re.search(r"\w[-_.]\w", name):
        return None
    found = known.get(name, set())
    if len(found) != 1:
        return None
    target = urlsplit(next(iter(found)))._replace(query=parts.query, fragment=parts.fragment)
    return target.geturl()


def sibling_anchor(url: str, siblings: Mapping[str, str]) -> str | None:
    """The product page's anchor for a link to another page of the statement."""
    parts = urlsplit(url)
    if parts.scheme or url.startswith("//") or not parts.path:
        return None
    return siblings.get(posixpath.basename(parts.path))


def link_fixer(
    base_url: str | None,
    known: dict[str, set[str]] | None = None,
    siblings: Mapping[str, str] | None = None,
    fragments: Callable[[str], str | None] | None = None,
) -> Callable[[str], str | None]:
    """How a link target is written: made absolute against ``base_url`` when given, else
    against the address the site's records use for a page of that name (``known``); a link to
    another page of the statement (``siblings``) goes to its section of the product page; an
    in-page link, where ``fragments`` says.
    ``None`` for targets the site refuses (``javascript:``): the link becomes its text."""

    def fix(url: str) -> str | None:
        if url.startswith("#") and len(url) > 1 and fragments is not None:
            return fragments(url)
        if not url or url.startswith("#"):
            return url
        if url_problem(url):
            return None
        anchor = sibling_anchor(url, siblings or {})
        if anchor is not None:
            return anchor
        parts = urlsplit(url)
        if parts.scheme or url.startswith("//"):
            return url
        if base_url is None:
            return known_target(url, known or {}) or url
        path = parts.path
        if path.endswith(".md"):
            path = path[:-3]
        elif path.endswith("/index"):
            path = path[: -len("index")]
        target = urljoin(base_url, posixpath.normpath(path) if path.startswith("/") else path)
        if parts.query:
            target += "?" + parts.query
        if parts.fragment:
            target += "#" + parts.fragment
        return target

    return fix


def fix_links(value: Any, fix: Callable[[str], str | None]) -> Any:
    """Every link target inside a record rewritten by ``fix``."""
    if isinstance(value, dict):
        result: dict[str, Any] = {}
        for key, item in value.items():
            if key == "url" and isinstance(item, str):
                fixed = fix(item)
                result[key] = fixed if fixed is not None else item
            else:
                result[key] = fix_links(item, fix)
        return result
    if isinstance(value, list):
        return [fix_links(item, fix) for item in value]
    if isinstance(value, str) and "](" in value:
        return rewrite_links(value, lambda _title, url: fix(url))
    return value


def review_links(
    text: str,
    base_url: str | None,
    report: PageReport,
    first_line: int,
    known: dict[str, set[str]] | None = None,
    siblings: Mapping[str, str] | None = None,
) -> None:
    """List the links the site will refuse, or rewrote, or that may not resolve."""
    for offset, line in enumerate(text.split("\n")):
        number = first_line + offset
        for url in link_targets(line):
            if not url or url.startswith("#"):
                continue
            problem = url_problem(url)
            anchor = sibling_anchor(url, siblings or {})
            if problem:
                message = f"{url}: {problem}; the link was replaced by its text"
            elif anchor is not None:
                message = (
                    f"{url}: another page of this statement; written as {anchor}, its section "
                    "of the product page"
                )
            elif urlsplit(url).scheme or base_url is not None:
                continue
            elif (target := known_target(url, known or {})) is not None:
                message = (
                    f"relative link {url} written as {target}, the address the site's other "
                    "records use for that page"
                )
            else:
                message = (
                    f"relative link {url} kept as written; it resolves only if the site has that "
                    "page (use --base-url to make such links absolute)"
                )
            report.review(number, "link", message)
