"""Semantic differences between two states of the content (see :mod:`privacy_pages.history.snapshot`).

The comparison works on the model, never on the YAML text, so edits that only reformat a file
(key order, YAML style, quoting, comments, whitespace) give no change by construction. Each
difference is one record of data: what it is about (a product, a metadata key, an item, a
retention rule, a catalog item or a category), whether it was added, removed or changed, the
field, and the values before and after. How a change is said is :mod:`.notes`' business.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property
from typing import Any

from ..messages import SOURCE_LANGUAGE, SOURCE_MESSAGES, Messages
from ..model.periods import same_period
from .snapshot import NEVER_COLLECTED, State, as_recorded

#: A value as recorded in a snapshot: text, a flag, or nested lists and objects.
Value = Any


class Subject(StrEnum):
    """What a change is about."""

    PRODUCT = "product"
    METADATA = "metadata"
    ITEM = "item"
    RETENTION = "retention"
    CATALOG_ITEM = "catalog-item"
    CATEGORY = "category"


class Kind(StrEnum):
    """What happened to it."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


#: What changes to each subject are about (see :attr:`Change.aspect`, which a changed field of a
#: statement or an item can refine).
ASPECTS: dict[Subject, str] = {
    Subject.PRODUCT: "statement",
    Subject.METADATA: "metadata",
    Subject.ITEM: "item",
    Subject.RETENTION: "retention",
    Subject.CATALOG_ITEM: "catalog",
    Subject.CATEGORY: "categories",
}
#: What kind of change an item field is, as the issue tracker and readers name it.
ITEM_ASPECTS: dict[str, str] = {
    "requirement": "requirement",
    "condition": "condition",
    "group_condition": "condition",
    "classification": "classification",
    "category": "category",
    "kind": "category",
    "id": "identity",
    "catalog": "identity",
}
#: The same for the first part of a statement's field (``rights.services`` is a link too).
STATEMENT_ASPECTS: dict[str, str] = {
    "workloads": "workloads",
    "links": "links",
    "applies_to": "links",
    "storage": "storage",
}
#: How ``privacy-pages diff --format json`` names each subject's key (a statement's is its
#: ``product``).
REPORTED_KEYS: dict[Subject, str | None] = {
    Subject.PRODUCT: None,
    Subject.METADATA: "key",
    Subject.ITEM: "item",
    Subject.RETENTION: "rule",
    Subject.CATALOG_ITEM: "item",
    Subject.CATEGORY: "category",
}


@dataclass(frozen=True)
class Change:
    """One semantic difference: ``kind`` happened to the ``subject`` called ``key``."""

    subject: Subject
    kind: Kind
    #: The statement changed; ``None`` for catalog and category changes.
    product: str | None
    #: Which one: the product's id, the metadata key, the item's anchor on the product page,
    #: the retention rule's data, the catalog item's or the category's id.
    key: str
    #: What the records call it (the key where they give it no name).
    name: str
    #: The field of it that changed, as a path (``storage.intro``); ``""`` when it was added or
    #: removed, or for a metadata key.
    field: str = ""
    #: The values before and after (an added retention rule's period is its ``after``).
    before: Value = None
    after: Value = None
    #: Where an item added or removed is on its page: its requirement, its category, and the
    #: heading of its group when the group has its own.
    requirement: str = ""
    category: str | None = None
    group: str | None = None

    @property
    def type(self) -> str:
        """``item-added``, ``retention-changed``, ``catalog-item-removed``…"""
        return f"{self.subject}-{self.kind}"

    @property
    def aspect(self) -> str:
        """What the change is about: requirement, condition, workloads, wording, retention…"""
        if self.kind is not Kind.CHANGED or self.subject not in (Subject.PRODUCT, Subject.ITEM):
            return ASPECTS[self.subject]
        if self.subject is Subject.ITEM:
            workloads = self.field.startswith("workloads")
            return "workloads" if workloads else ITEM_ASPECTS.get(self.field, "wording")
        if self.field.startswith("rights.services"):
            return "links"
        return STATEMENT_ASPECTS.get(self.field.split(".")[0], "wording")

    def to_json(self) -> dict[str, Value]:
        """The change as ``privacy-pages diff --format json`` reports it: its type, its aspect,
        and the fields that type has always reported, under their names."""
        data: dict[str, Value] = {"type": self.type, "aspect": self.aspect, "product": self.product}
        if label := REPORTED_KEYS[self.subject]:
            data[label] = self.key
        named = self.subject not in (Subject.METADATA, Subject.RETENTION)
        if named and not (self.subject is Subject.PRODUCT and self.kind is Kind.CHANGED):
            data["name"] = self.name
        if self.kind is Kind.CHANGED:
            if self.subject is not Subject.METADATA:
                data["field"] = self.field
            return {**data, "before": self.before, "after": self.after}
        if self.subject is Subject.ITEM:
            data.update(requirement=self.requirement, category=self.category, group=self.group)
        if self.subject is Subject.RETENTION:
            data["period"] = self.after if self.kind is Kind.ADDED else self.before
        return data


@dataclass(frozen=True)
class ChangeSet:
    """Every change between two states, in a stable order."""

    changes: tuple[Change, ...] = ()
    #: Product names (after the change, else before), for reports.
    product_names: Mapping[str, str] = field(default_factory=dict)
    #: Category names, for reports.
    category_names: Mapping[str, str] = field(default_factory=dict)
    #: Workload names per product, for reports.
    workload_names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    #: A name from the records (an item's, a category's...) as the page being written says it:
    #: its translation in the page's language where the records have one (see :meth:`in_words`).
    said: Callable[[str], str] = field(default=str, compare=False)
    #: The messages of the page being written, in which the changes are described.
    messages: Messages = field(default=SOURCE_MESSAGES, compare=False, repr=False)

    def in_words(self, said: Callable[[str], str], messages: Messages) -> ChangeSet:
        """The same changes, their names said with ``said`` and described in ``messages``'
        language."""
        return replace(self, said=said, messages=messages)

    def in_source(self, name: str) -> bool:
        """Whether a name is said in the records' language on a page in another language
        (it has no translation there)."""
        if self.messages.language == SOURCE_LANGUAGE:
            return False
        return self.said(name) == name

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    @property
    def products(self) -> tuple[str, ...]:
        """The ids of the products that changed, in order."""
        return tuple(dict.fromkeys(c.product for c in self.changes if c.product is not None))

    def for_product(self, product_id: str) -> tuple[Change, ...]:
        return self._by_product.get(product_id, ())

    @cached_property
    def _by_product(self) -> dict[str | None, tuple[Change, ...]]:
        # Pages, the feed and the history each ask per product: one pass over the changes.
        grouped: dict[str | None, list[Change]] = {}
        for change in self.changes:
            grouped.setdefault(change.product, []).append(change)
        return {product: tuple(changes) for product, changes in grouped.items()}

    @property
    def shared(self) -> tuple[Change, ...]:
        """Changes to the catalog and the categories (not to one product)."""
        return tuple(c for c in self.changes if c.product is None)

    def name_of(self, product_id: str) -> str:
        return self.product_names.get(product_id, product_id)

    def category_name(self, category_id: str) -> str:
        return self.said(self.category_names.get(category_id, category_id))

    def workload_name(self, product_id: str, workload_id: str) -> str:
        return self.said(self.workload_names.get(product_id, {}).get(workload_id, workload_id))

    def to_json(self) -> dict[str, Value]:
        return {
            "products": {
                pid: {
                    "name": self.name_of(pid),
                    "changes": [c.to_json() for c in self.for_product(pid)],
                }
                for pid in self.products
            },
            "shared": [c.to_json() for c in self.shared],
        }


# -- comparing ----------------------------------------------------------------------------------


#: Objects compared whole: a structured retention period changes as one ("30 → 90 days").
_WHOLE = frozenset({"period"})


def _flatten(value: Mapping[str, Value], prefix: str = "") -> dict[str, Value]:
    """Nested objects as ``a.b`` paths; lists and text are compared whole."""
    result: dict[str, Value] = {}
    for key, inner in value.items():
        path = f"{prefix}{key}"
        if isinstance(inner, Mapping) and inner and key not in _WHOLE:
            result.update(_flatten(inner, f"{path}."))
        else:
            result[path] = inner
    return result


def _field_changes(
    before: Mapping[str, Value], after: Mapping[str, Value]
) -> Iterator[tuple[str, Value, Value]]:
    """``(path, before, after)`` for every flattened field that differs, in path order."""
    old, new = _flatten(before), _flatten(after)
    for path in sorted(old.keys() | new.keys()):
        if old.get(path) != new.get(path):
            yield path, old.get(path), new.get(path)


def _item_name(state: Mapping[str, Value], key: str) -> str:
    return str(state.get("name") or state.get("id") or key)


def _match_moved(
    removed: dict[str, Mapping[str, Value]], added: dict[str, Mapping[str, Value]]
) -> list[tuple[str, str]]:
    """Pair an item that disappeared with one that appeared when they are the same item.

    Same item id (its anchor changed), or same name with a new id (a local item became the
    shared catalog item): these are changes to one item, not a removal and an addition.
    """
    pairs: list[tuple[str, str]] = []
    for attribute in ("id", "name"):
        old_by = _unique_by(removed, attribute)
        new_by = _unique_by(added, attribute)
        for value, old_key in old_by.items():
            new_key = new_by.get(value)
            if new_key is not None and old_key in removed and new_key in added:
                pairs.append((old_key, new_key))
                del removed[old_key]
                del added[new_key]
    return pairs


def _unique_by(items: Mapping[str, Mapping[str, Value]], attribute: str) -> dict[str, str]:
    seen: dict[str, list[str]] = {}
    for key, state in items.items():
        value = state.get(attribute)
        if isinstance(value, str):
            seen.setdefault(value.casefold(), []).append(key)
    return {value: keys[0] for value, keys in seen.items() if len(keys) == 1}


def _item_changes(
    product_id: str,
    old: Mapping[str, Value],
    new: Mapping[str, Value],
    old_groups: Mapping[str, Value],
    new_groups: Mapping[str, Value],
) -> list[Change]:
    changes: list[Change] = []
    removed = {k: v for k, v in old.items() if k not in new}
    added = {k: v for k, v in new.items() if k not in old}
    pairs = [(k, k) for k in new if k in old] + _match_moved(removed, added)
    for old_key, new_key in sorted(pairs, key=lambda pair: pair[1]):
        name = _item_name(new[new_key], new_key)
        for path, before, after in _field_changes(old[old_key], new[new_key]):
            changes.append(
                Change(Subject.ITEM, Kind.CHANGED, product_id, new_key, name, path, before, after)
            )
    for kind, items, groups in (
        (Kind.REMOVED, removed, old_groups),
        (Kind.ADDED, added, new_groups),
    ):
        for key, state in items.items():
            changes.append(
                Change(
                    Subject.ITEM,
                    kind,
                    product_id,
                    key,
                    _item_name(state, key),
                    requirement=str(state.get("requirement", "")),
                    category=state.get("category"),
                    group=_group_title(groups, state),
                )
            )
    return changes


def _group_title(groups: Mapping[str, Value], item: Mapping[str, Value]) -> str | None:
    group = groups.get(f"{item.get('requirement')}/{item.get('category')}")
    title = group.get("title") if isinstance(group, Mapping) else None
    return str(title) if title else None


def _retention_changes(
    product_id: str, old: Mapping[str, Value], new: Mapping[str, Value]
) -> list[Change]:
    changes: list[Change] = []
    retention = Subject.RETENTION
    for rule in sorted(old.keys() | new.keys()):
        if rule not in new:
            period = old[rule].get("period")
            changes.append(Change(retention, Kind.REMOVED, product_id, rule, rule, before=period))
        elif rule not in old:
            period = new[rule].get("period")
            changes.append(Change(retention, Kind.ADDED, product_id, rule, rule, after=period))
        else:
            was, now = old[rule], new[rule]
            if same_period(was.get("period"), now.get("period")):  # (written another way)
                now = {**now, "period": was.get("period")}
            for path, before, after in _field_changes(was, now):
                changes.append(
                    Change(retention, Kind.CHANGED, product_id, rule, rule, path, before, after)
                )
    return changes


#: What in a product's state fills each section of its page (a free-form section after it
#: fills it too): where any is there, the section shows it, not an empty-section sentence.
_SECTION_CONTENT: dict[str, tuple[str, ...]] = {
    "required-data": ("required_intro",),
    "optional-data": ("optional_intro",),
    "data-use": (
        "data_use",
        "processed_entities",
        "purposes",
        "sharing",
        "data_sources",
        "automated_decisions",
    ),
    "never-collected": ("never_collected_intro",),
    "storage-and-retention": ("storage", "retention"),
    "data-access-and-security": ("access",),
    "your-rights": ("rights", "controls", "controller"),
    "more-information": ("links", "next_steps"),
}
#: The requirement of a group or an item that fills a section.
_SECTION_REQUIREMENTS = {
    "required-data": "required",
    "optional-data": "optional",
    "never-collected": NEVER_COLLECTED,
}


def _section_filled(state: Mapping[str, Value], section_id: str) -> bool:
    """Whether a statement's page shows content in a section (so no empty-section sentence)."""
    if any(state.get(part) for part in _SECTION_CONTENT.get(section_id, ())):
        return True
    requirement = _SECTION_REQUIREMENTS.get(section_id)
    if requirement is not None:
        if any(key.startswith(f"{requirement}/") for key in state.get("groups", {})):
            return True
        items = state.get("items", {}).values()
        if any(item.get("requirement") == requirement for item in items):
            return True
    return any(
        key == section_id or key.startswith((f"{section_id}: ", f"{section_id}#"))
        for key in state.get("sections", {})
    )


def _without_hidden_sentences(
    part: dict[str, Value], old: Mapping[str, Value], new: Mapping[str, Value]
) -> dict[str, Value]:
    """``part`` with only the empty-section sentences that both versions show: a sentence
    under a section that has content is on no page, and one that appears or goes as the section
    empties or fills says nothing the change of its content does not (only the writer's
    sentences are in a state at all: the site's wording for empty sections never is)."""
    sentences = part.get("empty_sections")
    if not sentences:
        return part
    shown = {
        section_id: text
        for section_id, text in sentences.items()
        if not _section_filled(old, section_id) and not _section_filled(new, section_id)
    }
    rest = {key: value for key, value in part.items() if key != "empty_sections"}
    return {**rest, "empty_sections": shown} if shown else rest


#: Parts of a product state compared by their own rules (not as plain fields).
_KEYED_PARTS = ("metadata", "items", "retention", "groups", "recorded")


def product_changes(
    product_id: str, old: Mapping[str, Value], new: Mapping[str, Value]
) -> list[Change]:
    """Every change to one statement present in both states."""
    # A release recorded before a part of a statement was recorded says nothing of it: the
    # two compare on what both record.
    old, new = as_recorded(old, new.get("recorded")), as_recorded(new, old.get("recorded"))
    changes: list[Change] = []
    name = str(new.get("name", product_id))
    old_meta, new_meta = old.get("metadata", {}), new.get("metadata", {})
    for key in sorted(old_meta.keys() | new_meta.keys()):
        before, after = old_meta.get(key), new_meta.get(key)
        if before != after:
            changes.append(
                Change(Subject.METADATA, Kind.CHANGED, product_id, key, key, "", before, after)
            )

    def statement(path: str, before: Value, after: Value) -> Change:
        return Change(
            Subject.PRODUCT, Kind.CHANGED, product_id, product_id, name, path, before, after
        )

    plain_old = _without_hidden_sentences(
        {k: v for k, v in old.items() if k not in _KEYED_PARTS}, old, new
    )
    plain_new = _without_hidden_sentences(
        {k: v for k, v in new.items() if k not in _KEYED_PARTS}, old, new
    )
    for path, before, after in _field_changes(plain_old, plain_new):
        changes.append(statement(path, before, after))
    old_groups, new_groups = old.get("groups", {}), new.get("groups", {})
    # A group added or removed is its items added or removed (each change names its group).
    for key in sorted(old_groups.keys() & new_groups.keys()):
        for path, before, after in _field_changes(old_groups.get(key, {}), new_groups.get(key, {})):
            changes.append(statement(f"groups.{key}.{path}", before, after))
    changes.extend(
        _retention_changes(product_id, old.get("retention", {}), new.get("retention", {}))
    )
    changes.extend(
        _item_changes(
            product_id, old.get("items", {}), new.get("items", {}), old_groups, new_groups
        )
    )
    return changes


def _shared_changes(
    subject: Subject, old: Mapping[str, Value], new: Mapping[str, Value]
) -> Iterable[Change]:
    for key in sorted(old.keys() | new.keys()):
        if key not in new:
            yield Change(subject, Kind.REMOVED, None, key, _item_name(old[key], key))
        elif key not in old:
            yield Change(subject, Kind.ADDED, None, key, _item_name(new[key], key))
        else:
            name = _item_name(new[key], key)
            for path, before, after in _field_changes(old[key], new[key]):
                yield Change(subject, Kind.CHANGED, None, key, name, path, before, after)


def compare(old: State, new: State) -> ChangeSet:
    """Every semantic change from ``old`` to ``new`` (two dataset states or snapshots' states)."""
    changes: list[Change] = []
    old_products, new_products = old["products"], new["products"]
    names = {pid: str(p.get("name", pid)) for pid, p in old_products.items()}
    names.update({pid: str(p.get("name", pid)) for pid, p in new_products.items()})
    for product_id in sorted(old_products.keys() | new_products.keys()):
        if product_id not in new_products:
            changes.append(_statement(Kind.REMOVED, product_id, names[product_id]))
        elif product_id not in old_products:
            changes.append(_statement(Kind.ADDED, product_id, names[product_id]))
        elif old_products[product_id] != new_products[product_id]:  # (equal: nothing to walk)
            changes.extend(
                product_changes(product_id, old_products[product_id], new_products[product_id])
            )
    changes.extend(_shared_changes(Subject.CATALOG_ITEM, old["catalog"], new["catalog"]))
    changes.extend(_shared_changes(Subject.CATEGORY, old["categories"], new["categories"]))
    return ChangeSet(tuple(changes), names, _category_names(old, new), _workload_names(old, new))


def compare_versions(product_id: str, old: State, new: State) -> ChangeSet:
    """The changes to one statement between two releases' states (none other is compared)."""
    before, after = old["products"].get(product_id), new["products"].get(product_id)
    names = {product_id: str((after or before or {}).get("name", product_id))}
    if before is None or after is None:
        found: list[Change] = []
        if after is not None:
            found.append(_statement(Kind.ADDED, product_id, names[product_id]))
        elif before is not None:
            found.append(_statement(Kind.REMOVED, product_id, names[product_id]))
    else:
        found = product_changes(product_id, before, after)
    return ChangeSet(tuple(found), names, _category_names(old, new), _workload_names(old, new))


def _statement(kind: Kind, product_id: str, name: str) -> Change:
    """A statement published or withdrawn."""
    return Change(Subject.PRODUCT, kind, product_id, product_id, name)


def _category_names(*states: State) -> dict[str, str]:
    names: dict[str, str] = {}
    for state in states:
        names.update({cid: _item_name(c, cid) for cid, c in state["categories"].items()})
    return names


def _workload_names(*states: State) -> dict[str, dict[str, str]]:
    names: dict[str, dict[str, str]] = {}
    for state in states:
        for product_id, product in state["products"].items():
            for workload_id, workload in product.get("workloads", {}).items():
                names.setdefault(product_id, {})[workload_id] = _item_name(workload, workload_id)
    return names
