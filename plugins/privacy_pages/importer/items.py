"""The catalog items and categories of the content tree, and the new ids an import makes.

An item that matches a catalog item reuses its id, so that comparisons line up across
products; anything else gets an id made from its name (the same for the same page), with a
number when it is taken. Both indexes know which products use each item and category, and how.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import SECTION_IDS
from .catalog_match import CatalogEntry, CatalogMatcher, Match
from .markup import plain
from .wording import comparable

ID_MAX = 64
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
#: Words that do not tell two names apart ("Web page or Network information").
_CONNECTIVES = re.compile(r"\b(?:and|or)\b")


def normalize_name(name: str) -> str:
    """How names are compared: case, punctuation, accents, and/or, articles ignored."""
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


def with_suffix(base: str, taken: set[str], next_number: dict[str, int]) -> str:
    """``base``, or ``base-2``, ``base-3``… the first not taken (the caller takes it);
    ``next_number``: per base, the first number that may be free while ``taken`` only grows."""
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

    matcher: CatalogMatcher = field(default_factory=CatalogMatcher)
    names: dict[str, str] = field(default_factory=dict)
    taken: set[str] = field(default_factory=lambda: set(SECTION_IDS))
    new: list[NewCatalogItem] = field(default_factory=list)
    #: Per catalog id: the products that list it, by where they list it ("required",
    #: "optional" or "never-collected").
    uses: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    _next_suffix: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def add_existing(
        self, item_id: str, name: str, aliases: Iterable[str] = (), category: str = ""
    ) -> None:
        self.taken.add(item_id)
        self.names.setdefault(item_id, name)
        self.matcher.add(CatalogEntry(item_id, name, category, tuple(aliases)))

    def match(self, name: str, category: str | None, *, loose: bool = True) -> Match | None:
        """The catalog item ``name`` names (see :mod:`.catalog_match`), if any."""
        return self.matcher.match(name, category, loose=loose)

    def add_new(self, name: str, category: str) -> str:
        """A new catalog item called ``name``; returns its id."""
        item_id = with_suffix(slug(name), self.taken, self._next_suffix)
        self.taken.add(item_id)
        self.names[item_id] = name
        self.matcher.add(CatalogEntry(item_id, name, category, existing=False))
        self.new.append(NewCatalogItem(item_id, name, category))
        return item_id

    def name_of(self, item_id: str) -> str:
        return self.names.get(item_id, item_id)

    def used_as(self, item_id: str, exclude: str = "") -> dict[str, set[str]]:
        """Per requirement, the products (but ``exclude``) that list the item."""
        uses = self.uses.get(item_id, {})
        found = {kind: products - {exclude} for kind, products in uses.items()}
        return {kind: products for kind, products in found.items() if products}

    def category_used_as(self, requirement: str, exclude: str = "") -> str | None:
        """The category of the items other products (but ``exclude``) list most under
        ``requirement`` ("never-collected"), if any: where the site puts such data."""
        counts: dict[str, int] = {}
        for item_id in self.uses:
            entry = self.matcher.entries.get(item_id)
            if (
                entry is not None
                and entry.category
                and self.used_as(item_id, exclude).get(requirement)
            ):
                counts[entry.category] = counts.get(entry.category, 0) + 1
        return max(sorted(counts), key=counts.__getitem__) if counts else None

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
    #: Per category id: the products whose groups use it, per requirement.
    uses: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    _exact: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _next_suffix: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def add_existing(self, category_id: str, name: str) -> None:
        self.taken.add(category_id)
        self.names[category_id] = name
        self._exact.setdefault(comparable(name), category_id)
        self.by_name.setdefault(normalize_name(name), category_id)
        self.by_name.setdefault(normalize_name(category_id.replace("-", " ")), category_id)

    def match(self, title: str) -> tuple[str, str] | None:
        """The category a heading names and how (``id``, ``name`` or ``normalized``), if any."""
        if title in self.names:
            return title, "id"
        found = self._exact.get(comparable(title))
        if found is not None:
            return found, "name"
        found = self.by_name.get(normalize_name(title))
        return (found, "normalized") if found is not None else None

    def add_new(self, name: str) -> str:
        key = normalize_name(name)
        found = self.by_name.get(key)
        if found is not None:
            return found
        category_id = with_suffix(slug(name, "data"), self.taken, self._next_suffix)
        self.taken.add(category_id)
        self.by_name[key] = category_id
        self._exact.setdefault(comparable(name), category_id)
        self.names[category_id] = name
        self.new.append(NewCategory(category_id, name))
        return category_id

    def name_of(self, category_id: str) -> str:
        return self.names.get(category_id, category_id)

    def used_as(self, category_id: str, exclude: str = "") -> set[str]:
        """The requirements under which other products (but ``exclude``) use the category."""
        uses = self.uses.get(category_id, {})
        return {kind for kind, products in uses.items() if products - {exclude}}
