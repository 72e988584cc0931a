"""Groups and items read the way the catalog reads them, before they are matched.

Pages pack several items into one bullet ("Time of install, size of APK and permissions") and
use a bullet as the heading of what it holds or of the bullets after it. Against an existing
catalog (only), a bullet is split into its parts when every part is a catalog item, and a
bullet that names another existing category heads a group of it when what it lists, holds or
heads are catalog items. Every change is in the report. :func:`category_for` says which
category a group is: the one its heading names, else the one most of its items belong to.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from .draft import DataDraft, GroupDraft
from .item_text import DetailDraft, ItemDraft, ItemSource, item_from, listed_items
from .items import CatalogIndex, CategoryIndex
from .markup import plain
from .report import PageReport

_LIST_LEAD = re.compile(r"^(?:such as|including|like|e\.g\.),?\s+", re.I)
_WHERE = re.compile(r",?(?<!\s)\s+where\s+", re.I)
_SEPARATOR = re.compile(r"(?:(?<!\s)\s*)?,\s*(?:(?:and|or)\s+)?|(?<!\s)\s+(?:and|or)\s+", re.I)
_SUBJECT = re.compile(r"^(?P<subject>.+?)(?<!\s)\s+(?:is|are)\b", re.I)


@dataclass(frozen=True)
class CategoryChoice:
    """The category of a group and how it was found."""

    id: str
    #: ``id``, ``name`` or ``normalized`` (its heading), or ``items`` (what its items are).
    confidence: str
    score: float
    how: str


def category_for(
    group: GroupDraft, catalog: CatalogIndex, categories: CategoryIndex
) -> CategoryChoice | None:
    """The existing category a group is, if any."""
    heading = group.category or group.title
    found = categories.match(heading) if heading else None
    if found is not None:
        category_id, confidence = found
        how = {
            "id": "its heading is the category's id",
            "name": "its heading is the category's name",
            "normalized": "its heading is the category's name once 'and'/'or', case and "
            "punctuation are ignored",
        }[confidence]
        return CategoryChoice(category_id, confidence, 1.0, how)
    matched = [catalog.match(item.name, None) for item in group.items]
    counts = Counter(m.category for m in matched if m is not None and m.category)
    if not counts:
        return None
    category_id, count = counts.most_common(1)[0]
    if category_id not in categories.names or count * 2 <= len(group.items):
        return None
    how = f"{count} of its {len(group.items)} item(s) are catalog items of that category"
    return CategoryChoice(category_id, "items", round(count / len(group.items), 2), how)


_WITHOUT = re.compile(r"\bwithout\b[^,;()]*", re.IGNORECASE)
#: "information related to input or output data": what it is related to is one part (up to
#: "and": "information related to your account, and your email address": two).
RELATED_TO = re.compile(
    r"\b(?:relat(?:ed|ing)|pertaining|associated|linked|connected)\s+(?:to|with)\s"
    r"(?:(?!\s(?:and|but)\s)[^,;()])*",
    re.IGNORECASE,
)


def split_parts(text: str) -> list[str]:
    """The parts of a list written in running text: "A, B and C" (not inside brackets)."""
    masked = []
    depth = 0
    for char in text:
        depth += char == "("
        masked.append("\0" if depth else char)
        depth -= char == ")" and depth > 0
    # "A without B or C", "A related to B or C": one part
    for without in itertools.chain(_WITHOUT.finditer(text), RELATED_TO.finditer(text)):
        masked[without.start() : without.end()] = "\0" * (without.end() - without.start())
    parts: list[str] = []
    start = 0
    for separator in _SEPARATOR.finditer("".join(masked)):
        parts.append(text[start : separator.start()])
        start = separator.end()
    parts.append(text[start:])
    return [part.strip(" .:;") for part in parts]


def sentence_case(text: str) -> str:
    """ "size of APK" → "Size of APK" (but "iOS version" stays)."""
    if len(text) > 1 and text[0].islower() and not text[1].isupper():
        return text[0].upper() + text[1:]
    return text


@dataclass
class Regrouper:
    """Regroups the groups of one product's data sections (see the module docstring)."""

    catalog: CatalogIndex
    categories: CategoryIndex
    report: PageReport
    #: The categories that the page's own group headings name.
    page_categories: set[str] = field(default_factory=set)

    def page_groups(self, *sections: DataDraft) -> None:
        """Note the categories the page's own group headings name (see heading_category)."""
        for section in sections:
            for group in section.groups:
                found = self.categories.match(group.category or group.title)
                if found is not None:
                    self.page_categories.add(found[0])

    def section(self, section: DataDraft) -> None:
        groups: list[GroupDraft] = []
        for group in section.groups:
            for part in self.headed(group):
                choice = category_for(part, self.catalog, self.categories)
                part.items = self.split_items(part.items, choice.id if choice else None)
                if part.items or part is group:
                    groups.append(part)
        section.groups = groups

    # -- bullets that head a group -------------------------------------------------------------

    def headed(self, group: GroupDraft) -> list[GroupDraft]:
        """The group, and the groups its heading bullets start (in page order)."""
        if not self.catalog.matcher.entries or not group.items:
            return [group]
        choice = category_for(group, self.catalog, self.categories)
        own = choice.id if choice else None
        result = [group]
        kept: list[ItemDraft] = []
        current: list[ItemDraft] = kept
        items = group.items
        for index, item in enumerate(items):
            heading = self.heading_category(item, own)
            held = self.held_items(item, heading, items[index + 1 :]) if heading else None
            if heading is None or held is None:
                current.append(item)
                continue
            sub = GroupDraft(category=item.name, title=item.name, line=item.line, kind=group.kind)
            sub.condition = list(group.condition)
            if item.condition:
                sub.condition.append(item.condition)
            sub.items = held
            result.append(sub)
            # Only a bare heading bullet collects the bullets after it (held_items checked them);
            # one that lists its own items leaves the next bullets where they were written.
            current = sub.items if not held else kept
            named = f"{heading!r} ({self.categories.name_of(heading)})"
            message = f"the bullet {item.name!r} names the category {named}: its items are a group"
            self.report.review(item.line, "grouping", f"{message} of that category")
        group.items = kept
        if not kept and len(result) > 1:
            first = result[1]
            first.intro = group.intro + first.intro
            group.intro = []
            result = result[1:]
        return result

    def heading_category(self, item: ItemDraft, own: str | None) -> str | None:
        """The category a bullet's words name, when that makes it a heading in its group."""
        found = self.categories.match(item.name)
        if found is None or found[0] == own:
            return None
        if found[0] in self.page_categories:
            # The page heads a group of its own with that category's name: under another
            # heading, the bullet is an item (and importing the page again, once the category
            # exists, changes nothing).
            return None
        if own is not None:
            match = self.catalog.match(item.name, own)
            if match is not None and match.category == own:
                return None  # an item of the group's own category ("Device information")
        return found[0]

    def held_items(
        self, item: ItemDraft, category: str, after: list[ItemDraft]
    ) -> list[ItemDraft] | None:
        """The items a heading bullet lists or holds, if they are all catalog items; ``[]``
        for a bare bullet that heads catalog items after it; ``None`` if it is not a heading."""
        listed = self.listed(item, category)
        if listed is not None:
            return listed
        if item.details and not item.description and not item.alternatives:
            held = [
                self.child_item(detail.text, detail.details, detail.line or item.line)
                for detail in item.details
            ]
            if all(self.matches(child.name, category) for child in held):
                return held
            return None
        if item.is_bare() and after:
            following = []
            for other in after:
                if self.heading_category(other, category) is not None:
                    break
                following.append(other)
            if following and all(self.matches(other.name, category) for other in following):
                return []
        return None

    def listed(self, item: ItemDraft, category: str) -> list[ItemDraft] | None:
        """The items of "X such as A, B, and C[, where C is one of the following:]"."""
        text = item.description or item.alternatives_intro or ""
        lead = _LIST_LEAD.match(text)
        if lead is None:
            return None
        body = text[lead.end() :].rstrip(" :.")
        where = _WHERE.search(body)
        names = split_parts(body[: where.start()] if where else body)
        if len(names) < 2 or not all(self.catalog.match(n, category) for n in names):
            return None
        parts = [ItemDraft(sentence_case(name), item.line, implied=True) for name in names]
        if item.alternatives:
            target = parts[-1]
            subject = _SUBJECT.match(body[where.end() :]) if where else None
            if subject:
                for part in parts:
                    if part.name.lower() == subject.group("subject").lower():
                        target = part
            target.alternatives = list(item.alternatives)
            target.ordered = item.ordered
            target.alternatives_intro = (
                sentence_case(body[where.end() :].strip()) + ":" if where else None
            )
        return parts

    def child_item(self, text: str, details: list[DetailDraft], line: int) -> ItemDraft:
        child = item_from(ItemSource(text, line))
        child.details = list(details)
        return child

    def matches(self, name: str, category: str | None) -> bool:
        """Whether a name is a catalog item, or a list of catalog items."""
        return self.catalog.match(name, category) is not None or bool(self.parts(name, category))

    # -- bullets that hold several items -------------------------------------------------------

    def split_items(self, items: list[ItemDraft], category: str | None) -> list[ItemDraft]:
        known = bool(self.catalog.matcher.entries)
        result: list[ItemDraft] = []
        for item in items:
            types = _store_types(item)
            if types:
                for name in types:
                    part = item.renamed(name)
                    part.description = item.name
                    result.append(part)
                message = f"{item.name!r} is a category of {len(types)} data type(s): {types}"
                self.report.review(item.line, "grouping", message)
                continue
            whole = self.catalog.match(item.name, category, loose=False) if known else None
            names = [] if whole or not known else self.parts(item.name, category)
            if not names:
                # A bullet that only lists names ("IP address, domain, sub-domain"), unless
                # the catalog has it whole ("App, CPU, and network usage").
                each = listed_items(item) if item.listable and whole is None else [item]
                result.extend(each)
                if len(each) > 1:
                    listed = ", ".join(repr(i.name) for i in each)
                    message = f"{item.name!r} lists {len(each)} items: {listed}"
                    self.report.review(item.line, "grouping", message)
                continue
            last = len(names) - 1
            result.extend(item.renamed(name, nested=i == last) for i, name in enumerate(names))
            listed = ", ".join(repr(name) for name in names)
            self.report.review(
                item.line, "grouping", f"{item.name!r} names {len(names)} catalog items: {listed}"
            )
        return result

    def parts(self, name: str, category: str | None) -> list[str]:
        """The parts of "A, B and C" when each is a catalog item ("calling or web history")."""
        parts = split_parts(name)
        if len(parts) < 2 or not all(parts):
            return []
        head = parts[-1].split()[-1] if len(parts[-1].split()) > 1 else ""
        names = []
        for index, part in enumerate(parts):
            if self.catalog.match(part, category, loose=False) is not None:
                names.append(part)
            elif (
                head
                and index < len(parts) - 1
                and self.catalog.match(f"{part} {head}", category, loose=False)
            ):
                names.append(f"{part} {head}")
            else:
                return []
        return [sentence_case(name) for name in names]


#: "**Contact Info**: Email Address", "**Diagnostics**: Crash Data, Performance Data": a store
#: label's category (App Store's or Google Play's), then its data types in title case.
_TITLE_NAME = re.compile(r"[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|of|or|and|&)){0,4}")
_STORE_CATEGORY = re.compile(
    r"^(?:contact info|health (?:&|and) fitness|financial info|location|sensitive info|"
    r"contacts|user content|browsing history|search history|identifiers|purchases|usage data|"
    r"diagnostics|other data|personal info|messages|photos and videos|audio|audio files|"
    r"files and docs|calendar|app activity|web browsing|app info and performance|"
    r"device or other ids)$",
    re.IGNORECASE,
)


def _store_types(item: ItemDraft) -> list[str]:
    """The data types a category's bullet names after its label (none for any other bullet)."""
    text = plain(item.description or "").strip()
    if not item.listable or not text or text.endswith((".", ":")) or item.details:
        return []
    if not _STORE_CATEGORY.match(plain(item.name).strip()):
        return []  # ("**Platform**: Windows, Linux", "**Email**: Required": no category)
    parts = [part.strip() for part in split_parts(text)]
    if all(_TITLE_NAME.fullmatch(part) for part in parts):
        return parts
    return []
