"""From a statement draft to YAML-ready records, with items matched against the catalog.

Keys are written in the order of the schema, so that records read the same way whoever (or
whatever) wrote them, and so that importing the same page twice gives the same bytes.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..load.links import url_problem
from .draft import DataDraft, GroupDraft, StatementDraft, StorageDraft
from .item_text import ItemDraft
from .items import CatalogIndex, CategoryIndex, slug
from .markup import link_targets, plain, rewrite_links, sentences
from .report import FreeFormFragment, PageReport
from .statements import RetentionRule

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
_RESERVED = frozenset({"con", "prn", "aux", "nul", "index", "readme"})


@dataclass
class Resolver:
    """Everything that turns names into ids for one product."""

    catalog: CatalogIndex
    categories: CategoryIndex
    report: PageReport
    workload_ids: dict[str, str]
    #: The ids already in the report's lists of new and of reused catalog items.
    _listed_new: set[str] = field(default_factory=set, init=False, repr=False)
    _listed_reused: set[str] = field(default_factory=set, init=False, repr=False)
    #: For an item id, the first number its next local copy may take (every lower one is taken:
    #: ``catalog.taken`` only grows while a page is read, and holds every id of ``seen``).
    _next_local: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self._listed_new.update(self.report.new_catalog_items)
        self._listed_reused.update(self.report.reused_catalog_items)

    def item(self, draft: ItemDraft, category_id: str, seen: set[str]) -> dict[str, Any]:
        ref, new = self.catalog.resolve(draft.name, category_id)
        record: dict[str, Any] = {}
        if ref in seen:
            # The same item twice in one group: a local item, so neither is lost.
            local = ref
            number = self._next_local.get(ref, 2)
            while local in seen or local in self.catalog.taken:
                local = f"{ref[:58]}-{number}"
                number += 1
            self._next_local[ref] = number
            self.catalog.taken.add(local)
            record["id"] = local
            record["name"] = draft.name
            seen.add(local)
        else:
            seen.add(ref)
            record["ref"] = ref
            if draft.name != self.catalog.name_of(ref):
                record["name"] = draft.name
            target = self.report.new_catalog_items if new else self.report.reused_catalog_items
            listed = self._listed_new if new else self._listed_reused
            if ref not in listed:
                listed.add(ref)
                target.append(ref)
        if draft.description:
            record["description"] = draft.description
        if draft.condition:
            record["condition"] = draft.condition
        if draft.classification:
            record["classification"] = draft.classification
        if draft.purpose:
            record["purpose"] = draft.purpose
        if draft.control:
            record["control"] = draft.control
        if draft.details:
            record["details"] = [detail.record() for detail in draft.details]
        if draft.alternatives:
            alternatives: dict[str, Any] = {}
            if draft.alternatives_intro:
                alternatives["intro"] = draft.alternatives_intro
            if draft.ordered:
                alternatives["ordered"] = True
            alternatives["options"] = list(draft.alternatives)
            record["alternatives"] = alternatives
        if draft.workloads:
            values: dict[str, Any] = {}
            for header, (applies, condition) in draft.workloads.items():
                word = "yes" if applies else "no"
                values[self.workload_ids[header]] = (
                    {"applies": word, "condition": condition} if condition else word
                )
            record["workloads"] = values
        if draft.note:
            record["note"] = draft.note
        return record


def _text(parts: list[str]) -> str | None:
    value = "\n\n".join(p.strip() for p in parts if p and p.strip())
    return value or None


def _retention(rule: RetentionRule) -> dict[str, Any]:
    record: dict[str, Any] = {"data": rule.data, "period": rule.period}
    if rule.note:
        record["note"] = rule.note
    if rule.exceptions:
        record["exceptions"] = [_retention(e) for e in rule.exceptions]
    return record


def guess_platform(name: str) -> str | None:
    for word, platform in _PLATFORMS:
        if re.search(rf"\b{re.escape(word)}\b", name):
            return platform
    return None


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
    platform = guess_platform(draft.name)
    if platform:
        record["platform"] = platform
    record["summary"] = summary
    record["metadata"] = metadata
    if draft.applies_to:
        record["applies_to"] = draft.applies_to
    if draft.notes:
        record["notes"] = draft.notes
    intro = _text(draft.intro)
    if intro:
        record["intro"] = intro
    if draft.links:
        record["links"] = draft.links
    next_steps = _text(draft.next_steps)
    if next_steps:
        record["next_steps"] = next_steps
    taken: set[str] = set()
    next_number: dict[str, int] = {}  # per slug: every lower suffix is taken
    for header in draft.workloads:
        wid = slug(header, "workload")
        base, number = wid, next_number.get(wid, 2)
        while wid in taken:
            wid = f"{base[:60]}-{number}"
            number += 1
        next_number[base] = number
        taken.add(wid)
        resolver.workload_ids[header] = wid
    if draft.workloads:
        record["workloads"] = [{"id": resolver.workload_ids[h], "name": h} for h in draft.workloads]
    record["required"] = _data_section(draft.required, resolver, draft, "required-data", False)
    optional = _data_section(draft.optional, resolver, draft, "optional-data", True)
    if optional:
        record["optional"] = optional
    if draft.uses:
        data_use: dict[str, Any] = {}
        if _text(draft.data_use_intro):
            data_use["intro"] = _text(draft.data_use_intro)
        data_use["uses"] = draft.uses
        record["data_use"] = data_use
    if draft.entities:
        entities: dict[str, Any] = {}
        if _text(draft.entities_intro):
            entities["intro"] = _text(draft.entities_intro)
        entities["entities"] = draft.entities
        record["processed_entities"] = entities
    if draft.never_items:
        never: dict[str, Any] = {}
        if _text(draft.never_intro):
            never["intro"] = _text(draft.never_intro)
        category = resolver.categories.resolve(NEVER_CATEGORY)
        seen: set[str] = set()
        never["items"] = [resolver.item(item, category, seen) for item in draft.never_items]
        record["never_collected"] = never
    elif _text(draft.never_intro):
        body = _text(draft.never_intro) or ""
        report.free_form.append(
            FreeFormFragment(
                0, 0, "never-collected", None, body, "a never-collected intro without items"
            )
        )
        draft.sections.append({"after": "never-collected", "body": body})
    storage = _storage(draft.storage)
    if storage:
        record["storage"] = storage
    access: dict[str, Any] = {}
    if _text(draft.access_intro):
        access["intro"] = _text(draft.access_intro)
    if draft.protections:
        access["protections"] = draft.protections
    if draft.compliance:
        access["compliance"] = draft.compliance
    if access:
        record["access"] = access
    rights: dict[str, Any] = {}
    if _text(draft.rights_intro):
        rights["intro"] = _text(draft.rights_intro)
    if draft.requests:
        rights["requests"] = draft.requests
    if draft.rights_services:
        rights["services"] = draft.rights_services
    if rights:
        record["rights"] = rights
    if draft.sections:
        record["sections"] = draft.sections
    report.counts.groups = sum(
        len(record.get(key, {}).get("groups", [])) for key in ("required", "optional")
    )
    return record


def _data_section(
    section: DataDraft, resolver: Resolver, draft: StatementDraft, after: str, optional: bool
) -> dict[str, Any]:
    record: dict[str, Any] = {}
    intro = _text(section.intro)
    if intro:
        record["intro"] = intro
    groups = []
    for group in section.groups:
        if not group.items:
            _empty_group(group, draft, after, resolver.report)
            continue
        groups.append(_group(group, resolver, optional))
    if groups:
        record["groups"] = groups
    return record


def _group(group: GroupDraft, resolver: Resolver, optional: bool) -> dict[str, Any]:
    category = resolver.categories.resolve(group.category or group.title)
    record: dict[str, Any] = {"category": category}
    if group.title and group.title != resolver.categories.name_of(category):
        record["title"] = group.title
    if optional:
        record["kind"] = group.kind or "other"
    intro = _text(group.intro)
    if intro:
        record["intro"] = intro
    if group.condition:
        record["condition"] = " ".join(group.condition)
    seen: set[str] = set()
    record["items"] = [resolver.item(item, category, seen) for item in group.items]
    return record


def _empty_group(group: GroupDraft, draft: StatementDraft, after: str, report: PageReport) -> None:
    """A group with an intro or a condition but no items: its text becomes free-form."""
    parts = list(group.intro) + list(group.condition)
    body = _text(parts)
    if not body:
        return
    report.free_form.append(
        FreeFormFragment(
            group.line, group.line, after, group.title, body, "a data heading with no items"
        )
    )
    section: dict[str, str] = {"after": after}
    if group.title:
        section["title"] = group.title
    section["body"] = body
    draft.sections.append(section)


def _storage(storage: StorageDraft) -> dict[str, Any]:
    record: dict[str, Any] = {}
    if _text(storage.intro):
        record["intro"] = _text(storage.intro)
    if storage.services:
        record["services"] = storage.services
    if storage.locations:
        record["locations"] = storage.locations
    if _text(storage.location_note):
        record["location_note"] = _text(storage.location_note)
    if storage.retention:
        record["retention"] = [_retention(rule) for rule in storage.retention]
    if _text(storage.retention_note):
        record["retention_note"] = _text(storage.retention_note)
    if storage.staff_locations:
        staff: dict[str, Any] = {}
        if storage.staff_teams:
            staff["teams"] = storage.staff_teams
        staff["locations"] = storage.staff_locations
        record["staff_locations"] = staff
    if storage.service_locations:
        record["service_locations"] = storage.service_locations
    return record


# -- links ---------------------------------------------------------------------------------------


def link_fixer(base_url: str | None) -> Callable[[str], str | None]:
    """How a link target is written: made absolute against ``base_url`` when given.

    Returns ``None`` for targets the site refuses (``javascript:``, ``xref:``), whose link is
    replaced by its text.
    """

    def fix(url: str) -> str | None:
        if not url or url.startswith("#"):
            return url
        if url_problem(url):
            return None
        parts = urlsplit(url)
        if parts.scheme or url.startswith("//") or base_url is None:
            return url
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


def review_links(text: str, base_url: str | None, report: PageReport, first_line: int) -> None:
    """List the links of the source that the site will refuse or may not resolve."""
    for offset, line in enumerate(text.split("\n")):
        number = first_line + offset
        for url in link_targets(line):
            if not url or url.startswith("#"):
                continue
            problem = url_problem(url)
            if problem:
                report.review(
                    number, "link", f"{url}: {problem}; the link was replaced by its text"
                )
            elif not urlsplit(url).scheme and base_url is None:
                report.review(
                    number,
                    "link",
                    f"relative link {url} kept as written; it resolves only if the site has that "
                    "page (use --base-url to make such links absolute)",
                )


__all__ = [
    "NEVER_CATEGORY",
    "Resolver",
    "build_product",
    "fix_links",
    "guess_platform",
    "link_fixer",
    "product_id_for",
    "review_links",
    "summary_for",
]
