"""One statement from the pages it is spread over (``import --product-id ID A.md B.md``).

Each page is read as one is, its lines numbered on from the pages before it (so that every
line of the report names its page), then the drafts are joined: each section comes from the
page that states it, a fact two pages state alike is kept once, and where two pages say
different things about the same item, retention period, recipient or section, the record
keeps both and the report lists the conflict.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any, TypeVar

from ..model.sections import SECTIONS
from .classify import PAGE_SECTION, classify_heading
from .draft import GroupDraft, StatementDraft
from .item_text import ItemDraft
from .markdown_doc import Document
from .records import facts_in_prose
from .report import Claim, Conflict, FreeFormFragment, PageReport
from .statements import RetentionRule
from .wording import normalized

T = TypeVar("T")

#: The keys that name a fact kept as a mapping (a recipient, a use, a setting, a section).
_NAME_KEYS = ("name", "title", "service", "source")
#: Words that join a product's name to the rest of a page title ("Data collection in Intune").
_JOINING = frozenset(
    {"in", "on", "for", "of", "by", "and", "with", "the", "to", "from", "-", "\u2013"}
)


@dataclass
class PageDraft:
    """One page of the statement, read."""

    source: str
    draft: StatementDraft
    #: The page's text, to find the line of a fact the draft keeps without one.
    text: str
    #: Its lines are ``offset + 1`` to ``offset + lines`` in the report.
    offset: int
    #: The page's title, and the lines of its opening text (before its first section).
    title: str
    opening: tuple[int, int]


def shifted(document: Document, offset: int) -> Document:
    """The document with every line number moved on by ``offset``."""
    if not offset:
        return document
    return Document(
        _shifted(document.front_matter, offset),
        [_shifted(block, offset) for block in document.blocks],
        document.line_count,
        [(line + offset if line else 0, message) for line, message in document.notes],
    )


def _shifted(value: T, offset: int) -> T:
    if isinstance(value, tuple):
        return tuple(_shifted(v, offset) for v in value)  # type: ignore[return-value]
    if not is_dataclass(value) or isinstance(value, type):
        return value
    changes: dict[str, Any] = {}
    for f in fields(value):
        current = getattr(value, f.name)
        if f.name in ("line", "end_line") and isinstance(current, int):
            changes[f.name] = current + offset if current else 0
        elif isinstance(current, tuple) or is_dataclass(current):
            changes[f.name] = _shifted(current, offset)
    return replace(value, **changes)


def product_name(titles: Sequence[str]) -> str:
    """The name the pages' titles share: their common first or last words ("Intune" of "Data
    collection in Intune" and "Data storage in Intune"; a run joined to the rest with "in",
    "for"… first), else the first title."""
    split = [title.split() for title in titles if title.strip()]
    if not split:
        return ""
    best: tuple[int, list[str]] = (0, [])
    for words in (split, [list(reversed(w)) for w in split]):
        common: list[str] = []
        for group in zip(*words, strict=False):
            if len({word.casefold() for word in group}) != 1:
                break
            common.append(group[0])
        # Whether the titles join the run to their other words with a joining word ("in").
        joined = bool(common) and common[-1].casefold() in _JOINING
        joined = joined or all(
            len(w) > len(common) and w[len(common)].casefold() in _JOINING for w in words
        )
        if words is not split:
            common.reverse()
        while common and common[0].casefold() in _JOINING:
            common.pop(0)
        while common and common[-1].casefold() in _JOINING:
            common.pop()
        score = len(common) + joined if common else 0
        if score > best[0]:
            best = (score, common)
    return " ".join(best[1]) or titles[0]


def page_anchor(title: str) -> str:
    """The anchor of the section a page's title names (``#storage-and-retention``)."""
    heading = dict(SECTIONS)[PAGE_SECTION[classify_heading(title)]]
    return "#" + "-".join(heading.lower().split())  # the heading's id, as Markdown's toc makes it


def join(pages: Sequence[PageDraft], report: PageReport) -> StatementDraft:
    """The pages' drafts as one: the first page's, with each later page's facts added."""
    for page in pages:  # what each page says in passing, so that it is the page's fact
        facts_in_prose(page.draft)
    merged = copy.deepcopy(pages[0].draft)
    for page in pages[1:]:
        _opening(page, report)
        _add(merged, page.draft)
    claims = _Claims(pages)  # what the pages disagree on, in the report's conflicts
    _requirements(merged, claims, report)
    _retention(pages, claims, report)
    _mappings(pages, claims, report)
    _text_fields(pages, report)
    return merged


def _opening(page: PageDraft, report: PageReport) -> None:
    """A later page's opening text: a free-form section of its topic, under its title."""
    draft = page.draft
    if not draft.intro:
        return
    after = PAGE_SECTION[classify_heading(page.title)]
    body = "\n\n".join(draft.intro)
    draft.sections.insert(0, {"after": after, "title": page.title, "body": body})
    first, last = page.opening
    report.free_form.append(
        FreeFormFragment(
            first, last, after, page.title, body, "the opening text of one of the statement's pages"
        )
    )
    draft.intro = []


def _add(into: Any, other: Any) -> None:
    """Add ``other``'s facts to ``into`` (drafts of the same kind), field by field."""
    for f in fields(into):
        if f.name == "name":
            continue
        mine, theirs = getattr(into, f.name), getattr(other, f.name)
        if isinstance(mine, list):
            if f.name == "groups":
                _add_groups(mine, theirs)
            else:
                mine.extend(value for value in theirs if value not in mine)
        elif is_dataclass(mine):
            _add(mine, theirs)
        elif not mine and theirs:
            setattr(into, f.name, theirs)  # (else the first is kept: _text_fields lists both)


def _add_groups(mine: list[GroupDraft], theirs: list[GroupDraft]) -> None:
    """Groups of the same category and title become one; its items are added to."""
    for group in theirs:
        key = (group.category, group.title.casefold())
        same = next((g for g in mine if (g.category, g.title.casefold()) == key), None)
        if same is None:
            mine.append(group)
            continue
        known = {_item_fact(item) for item in same.items}
        same.items.extend(item for item in group.items if _item_fact(item) not in known)
        same.intro.extend(text for text in group.intro if text not in same.intro)
        same.condition.extend(text for text in group.condition if text not in same.condition)


def _item_fact(item: ItemDraft) -> tuple[str, str | None, str | None, str | None]:
    """What an item says, wherever it is on the page."""
    return (normalized(item.name), item.description, item.condition, item.purpose)


# -- conflicts ------------------------------------------------------------------------------------


class _Claims:
    """Which page a line is on, and the line of a fact kept without one."""

    def __init__(self, pages: Sequence[PageDraft]) -> None:
        self.pages = pages
        self._lines = {page.source: page.text.split("\n") for page in pages}

    def page_of(self, line: int) -> str:
        for page in self.pages:
            if line > page.offset and line <= page.offset + len(self._lines[page.source]):
                return page.source
        return ""

    def claim(self, page: PageDraft, says: str, *words: str) -> Claim:
        """``says``, at the first line of ``page`` that holds every one of ``words``."""
        wanted = [w.casefold() for w in words if w]
        for number, text in enumerate(self._lines[page.source], start=1):
            folded = text.casefold()
            if wanted and all(w in folded for w in wanted):
                return Claim(page.offset + number, says)
        return Claim(0, says, page.source)


def _requirements(merged: StatementDraft, claims: _Claims, report: PageReport) -> None:
    """An item one page says is required and another optional, or never collected."""
    seen: dict[str, dict[str, tuple[str, int]]] = {}
    names: dict[str, str] = {}

    def note(item: ItemDraft, requirement: str) -> None:
        key = normalized(item.name)
        if not key or not item.line:
            return
        names.setdefault(key, item.name)
        seen.setdefault(key, {}).setdefault(requirement, (claims.page_of(item.line), item.line))

    sections = (
        ("required", merged.required),
        ("optional", merged.optional),
        ("not stated", merged.collected),
    )
    for requirement, data in sections:
        for group in data.groups:
            for item in group.items:
                note(item, requirement)
    for item in merged.never_items:
        note(item, "never collected")
    for key, said in seen.items():
        if len(said) > 1 and len({page for page, _ in said.values()}) > 1:
            report.conflicts.append(
                Conflict(
                    f"item {names[key]!r}",
                    tuple(Claim(line, requirement) for requirement, (_, line) in said.items()),
                    "the record lists it under each; keep the one that holds",
                )
            )


def _retention(pages: Sequence[PageDraft], claims: _Claims, report: PageReport) -> None:
    """The same data kept for different periods by different pages."""
    said: dict[str, dict[str, tuple[PageDraft, RetentionRule]]] = {}
    for page in pages:
        for rule in page.draft.storage.retention:
            key = normalized(rule.data) or rule.data.casefold()
            said.setdefault(key, {}).setdefault(" ".join(rule.period.split()), (page, rule))
    for periods in said.values():
        if len(periods) > 1 and len({page.source for page, _ in periods.values()}) > 1:
            first = next(iter(periods.values()))[1]
            report.conflicts.append(
                Conflict(
                    f"retention of {first.data!r}",
                    tuple(
                        claims.claim(page, f"kept {period}", *_first_words(rule.period))
                        for period, (page, rule) in periods.items()
                    ),
                    "the record keeps each rule; keep the one that holds",
                )
            )


def _mappings(pages: Sequence[PageDraft], claims: _Claims, report: PageReport) -> None:
    """A recipient, use, setting or section two pages state differently under one name."""
    said: dict[tuple[str, str], dict[str, tuple[PageDraft, dict[str, Any]]]] = {}
    for page in pages:
        draft = page.draft
        lists = {
            "recipient": draft.recipients,
            "use": draft.uses,
            "setting": draft.control_settings,
            "request": draft.requests,
            "section": draft.sections,
            "service location": draft.storage.service_locations,
        }
        for kind, entries in lists.items():
            for entry in entries:
                name = next((str(entry[k]) for k in _NAME_KEYS if entry.get(k)), "")
                if not name:
                    continue
                versions = said.setdefault((kind, name.casefold()), {})
                versions.setdefault(repr(sorted(entry.items())), (page, entry))
    for (kind, _), versions in said.items():
        if len(versions) < 2 or len({page.source for page, _ in versions.values()}) < 2:
            continue
        stated = list(versions.values())
        first = stated[0][1]
        name = next(str(first[k]) for k in _NAME_KEYS if first.get(k))
        report.conflicts.append(
            Conflict(
                f"{kind} {name!r}",
                tuple(
                    claims.claim(where, _preview(entry), *_first_words(name))
                    for where, entry in stated
                ),
                "the record keeps each; keep the one that holds",
            )
        )


def _text_fields(pages: Sequence[PageDraft], report: PageReport) -> None:
    """Who the staff who access the data are, said differently by two pages."""
    values = [(p, p.draft.storage.staff_teams) for p in pages if p.draft.storage.staff_teams]
    if len({" ".join(v.split()) for _, v in values}) > 1:
        report.conflicts.append(
            Conflict(
                "the staff who access the data",
                tuple(Claim(0, text, page.source) for page, text in values),
                f"the record keeps {values[0][0].source}'s",
            )
        )


def _first_words(text: str) -> list[str]:
    """The first words of a text, to find the line that says it."""
    return re.findall(r"[^\W_]+", text)[:3]


def _preview(entry: dict[str, Any]) -> str:
    text = " ".join(" ".join(str(v).split()) for k, v in entry.items() if k != "after")
    return text if len(text) <= 80 else text[:79] + "…"
