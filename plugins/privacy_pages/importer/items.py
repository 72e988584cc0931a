"""Matching imported items and categories against the content tree, and making new ids.

An item whose normalized name (or one of its aliases) matches a catalog item reuses that item's
id, so that comparisons line up across products. Anything else gets a new id made from its
name — deterministically, so that importing the same page twice gives the same ids — with a
numeric suffix when the id is already taken by something with another name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import SECTION_IDS
from .markup import plain

ID_MAX = 64
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
#: Words that do not tell two names apart ("Web page or Network information", "Web page /
#: Network information").
_CONNECTIVES = re.compile(r"\b(?:and|or)\b")


def normalize_name(name: str) -> str:
    """How names are compared: case, punctuation, accents, "and"/"or" and a leading article
    ignored."""
    value = unicodedata.normalize("NFKD", plain(name)).encode("ascii", "ignore").decode()
    value = value.lower().replace("'s ", " ").replace("\u2019s ", " ")
    value = re.sub(r"[^a-z0-9]+", " ", _CONNECTIVES.sub(" ", value)).strip()
    return _ARTICLE.sub("", " ".join(value.split()))


def slug(text: str, fallback: str = "item") -> str:
    """An id made from text: ``Azure AD Device ID`` → ``azure-ad-device-id`` (≤ 64 characters)."""
    value = unicodedata.normalize("NFKD", plain(text)).encode("ascii", "ignore").decode().lower()
    value = value.replace("'", "").replace("\u2019", "")
    value = re.sub(r"[^a-z0-9]+", "-", value).strip("-")
    if len(value) > ID_MAX:
        cut = value[: ID_MAX + 1]
        value = cut[: cut.rfind("-")] if "-" in cut else value[:ID_MAX]
        value = value.strip("-")[:ID_MAX].strip("-")
    return value or fallback


def _with_suffix(base: str, taken: set[str], next_number: dict[str, int]) -> str:
    """``base``, or ``base-2``, ``base-3``… the first not taken (the caller takes it).

    ``next_number`` remembers, per base, the number after the last one given: every lower one
    is taken, as long as ``taken`` only grows (see :meth:`CatalogIndex.release`).
    """
    if base not in taken:
        return base
    number = next_number.get(base, 2)
    while True:
        suffix = f"-{number}"
        candidate = base[: ID_MAX - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            next_number[base] = number + 1
            return candidate
        number += 1


@dataclass
class NewCatalogItem:
    id: str
    name: str
    category: str

    def record(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "category": self.category}


@dataclass
class CatalogIndex:
    """The catalog items of the content tree, and those this import adds."""

    by_name: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    taken: set[str] = field(default_factory=lambda: set(SECTION_IDS))
    new: list[NewCatalogItem] = field(default_factory=list)
    _next_suffix: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def add_existing(self, item_id: str, name: str, aliases: Iterable[str] = ()) -> None:
        self.taken.add(item_id)
        self.names[item_id] = name
        for text in (name, *aliases):
            self.by_name.setdefault(normalize_name(text), item_id)

    def resolve(self, name: str, category: str) -> tuple[str, bool]:
        """The id of the catalog item called ``name`` (added when new), and whether it is new."""
        key = normalize_name(name)
        found = self.by_name.get(key)
        if found is not None:
            return found, False
        item_id = _with_suffix(slug(name), self.taken, self._next_suffix)
        self.taken.add(item_id)
        self.by_name[key] = item_id
        self.names[item_id] = name
        self.new.append(NewCatalogItem(item_id, name, category))
        return item_id, True

    def name_of(self, item_id: str) -> str:
        return self.names.get(item_id, item_id)

    def release(self, ids: set[str]) -> None:
        """Make ``ids`` free to take again."""
        self.taken -= ids
        self._next_suffix.clear()  # a freed id may be lower than the numbers remembered


@dataclass
class NewCategory:
    id: str
    name: str

    def record(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name}


@dataclass
class CategoryIndex:
    """The categories of the content tree, and those this import adds."""

    by_name: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    new: list[NewCategory] = field(default_factory=list)
    _next_suffix: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def add_existing(self, category_id: str, name: str) -> None:
        self.taken.add(category_id)
        self.names[category_id] = name
        self.by_name.setdefault(normalize_name(name), category_id)
        self.by_name.setdefault(normalize_name(category_id.replace("-", " ")), category_id)

    def resolve(self, name: str) -> str:
        key = normalize_name(name)
        found = self.by_name.get(key)
        if found is not None:
            return found
        category_id = _with_suffix(slug(name, "data"), self.taken, self._next_suffix)
        self.taken.add(category_id)
        self.by_name[key] = category_id
        self.names[category_id] = name
        self.new.append(NewCategory(category_id, name))
        return category_id

    def name_of(self, category_id: str) -> str:
        return self.names.get(category_id, category_id)


__all__ = [
    "CatalogIndex",
    "CategoryIndex",
    "NewCatalogItem",
    "NewCategory",
    "normalize_name",
    "slug",
]
