"""Writing imported records into a content tree, without disturbing what is already there.

The product goes to ``products/<id>.yml``; new catalog items are appended to
``catalog/imported.yml`` and new categories to ``categories.yml``, so a writer's edits and
comments stay. Keys keep the schema's order and multi-line text is written as ``|`` blocks, so
the same import always gives the same bytes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..atomic_write import check_inside, write_text_atomically
from ..load.discovery import links_outside
from ..load.yaml_source import YamlFault, read_file
from ..yaml_text import dump_yaml
from .items import CatalogIndex, CategoryIndex
from .markup import link_targets
from .records import page_name

CATALOG_FILE = "imported.yml"
_HEADER = "# yaml-language-server: $schema={path}\n"


def product_text(record: dict[str, Any], source_name: str, review: Iterable[str]) -> str:
    """The product file: comments naming its source page and what to review, then the record."""
    lines = [
        _HEADER.format(path="../../schemas/product.schema.json"),
        f"# Imported from {comment_text(source_name)} by privacy-pages import.\n",
    ]
    notes = list(review)
    if notes:
        lines.append("# Review before publishing:\n")
        lines.extend(f"#   - {comment_text(note)}\n" for note in notes)
    return "".join(lines) + dump_yaml(record)


#: What ends a YAML comment (YAML 1.1, which PyYAML reads, also ends lines at NEL, LS and PS).
_LINE_ENDS = frozenset("\r\n\x85\u2028\u2029")


def comment_text(text: str) -> str:
    """``text`` for a one-line YAML comment, escaped so that it cannot end the comment."""
    return "".join(
        f"\\u{ord(c):04x}" if c in _LINE_ENDS or unicodedata.category(c) in ("Cc", "Cf") else c
        for c in text
    )


#: The record's data sections, and the requirement each says.
_SECTIONS = (("required", "required"), ("optional", "optional"), ("not-stated", "collected"))


@dataclass
class ContentTree:
    """What an import needs to know about a content folder, and where it writes."""

    root: Path
    catalog: CatalogIndex = field(default_factory=CatalogIndex)
    categories: CategoryIndex = field(default_factory=CategoryIndex)
    problems: list[str] = field(default_factory=list)
    #: The ids of items each product (by file stem) defines locally.
    local_ids: dict[str, set[str]] = field(default_factory=dict)
    #: The absolute addresses the products link to, by the name of the page they point at:
    #: where an imported page's relative link most likely leads (see ``records.known_target``).
    links: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path) -> ContentTree:
        tree = cls(root)
        categories = root / "categories.yml"
        if categories.is_file():
            data = tree._read(categories)
            for entry in data.get("categories") or []:
                if isinstance(entry, dict) and "id" in entry:
                    tree.categories.add_existing(
                        str(entry["id"]), str(entry.get("name", entry["id"]))
                    )
        for path in sorted((root / "catalog").glob("*.y*ml")):  # (none without the folder)
            for entry in tree._read(path).get("items") or []:
                if isinstance(entry, dict) and "id" in entry:
                    tree.catalog.add_existing(
                        str(entry["id"]),
                        str(entry.get("name", entry["id"])),
                        [str(a) for a in entry.get("aliases") or []],
                        str(entry.get("category", "")),
                    )
        for path in sorted((root / "products").glob("*.y*ml")):
            data = tree._read(path)
            locals_ = set(_local_ids(data))
            tree.local_ids[path.stem] = locals_
            tree.catalog.taken.update(locals_)
            tree.count_uses(path.stem, data)
            tree._note_links(data)
        return tree

    def _note_links(self, value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "url" and isinstance(item, str):
                    self._note_link(item)
                else:
                    self._note_links(item)
        elif isinstance(value, list):
            for item in value:
                self._note_links(item)
        elif isinstance(value, str) and "](" in value:
            for url in link_targets(value):
                self._note_link(url)

    def _note_link(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and page_name(url):
            plain = parts._replace(query="", fragment="").geturl()
            self.links.setdefault(page_name(url), set()).add(plain)

    def count_uses(self, product_id: str, data: Any, *, replace: bool = False) -> None:
        """Note which catalog items and categories a product lists, and as what (so that a later
        page of the same import that lists them otherwise says so); with ``replace``, what its
        earlier record listed is forgotten first."""
        if replace:
            for index in (self.catalog.uses, self.categories.uses):
                for uses in index.values():
                    for products in uses.values():
                        products.discard(product_id)
        if not isinstance(data, dict):
            return
        for requirement, key in _SECTIONS:
            section = data.get(key)
            groups = section.get("groups") if isinstance(section, dict) else None
            for group in groups if isinstance(groups, list) else []:
                if not isinstance(group, dict):
                    continue
                category = group.get("category")
                if isinstance(category, str):
                    uses = self.categories.uses.setdefault(category, {})
                    uses.setdefault(requirement, set()).add(product_id)
                self._count_items(product_id, requirement, group.get("items"))
        never = data.get("never_collected")
        if isinstance(never, dict):
            self._count_items(product_id, "never-collected", never.get("items"))

    def _count_items(self, product_id: str, requirement: str, items: Any) -> None:
        for item in items if isinstance(items, list) else []:
            ref = item.get("ref") if isinstance(item, dict) else None
            if isinstance(ref, str):
                uses = self.catalog.uses.setdefault(ref, {})
                uses.setdefault(requirement, set()).add(product_id)

    def release_local_ids(self, product_id: str) -> None:
        """Let a re-import reuse its product's own local item ids (no other product's)."""
        others: set[str] = set()
        for stem, ids in self.local_ids.items():
            if stem != product_id:
                others |= ids
        own = self.local_ids.get(product_id, set()) - others - set(self.catalog.names)
        self.catalog.release(own)

    def _read(self, path: Path) -> dict[str, Any]:
        """A content file's mapping ({} when it is not one, or cannot be read)."""
        if links_outside(path, self.root.resolve()):
            self.problems.append(
                f"{path.as_posix()}: symbolic link leads outside the content folder; refused"
            )
            return {}
        try:
            data = read_file(path, path.as_posix())
        except YamlFault as fault:
            self.problems.append(str(fault.diagnostic))
            return {}
        return data if isinstance(data, dict) else {}

    def product_path(self, product_id: str) -> Path:
        return self.root / "products" / f"{product_id}.yml"

    def existing_metadata(self, product_id: str) -> dict[str, object] | None:
        path = self.product_path(product_id)
        if not path.is_file():
            return None
        metadata = self._read(path).get("metadata")
        return dict(metadata) if isinstance(metadata, dict) else None

    # -- writing ------------------------------------------------------------------------------

    def write_product(self, product_id: str, text: str) -> tuple[Path, bool]:
        """Write the product file; returns (path, changed)."""
        path = self.product_path(product_id)
        check_inside(path, self.root)
        if path.is_file() and path.read_text("utf-8") == text:
            return path, False
        write_text_atomically(path, text, self.root)
        return path, True

    def append_catalog(self, items: list[dict[str, Any]]) -> Path | None:
        if not items:
            return None
        folder = self.root / "catalog"
        return _append_entries(
            self.root, folder, CATALOG_FILE, "items", items, "../../schemas/catalog.schema.json"
        )

    def categories_problem(self, categories: list[dict[str, Any]]) -> str | None:
        """Why the new categories cannot be added to categories.yml, if they cannot."""
        path = self.root / "categories.yml"
        if categories and path.is_file() and not _appendable(path, "categories"):
            ids = ", ".join(str(c["id"]) for c in categories)
            return (
                f"{path.as_posix()}: cannot add the categories {ids} (the file does not end with "
                "its categories list); move the list to the end of the file, or add them by hand"
            )
        return None

    def append_categories(self, categories: list[dict[str, Any]]) -> Path | None:
        if not categories:
            return None
        return _append_entries(
            self.root,
            self.root,
            "categories.yml",
            "categories",
            categories,
            "../schemas/categories.schema.json",
        )


def _local_ids(data: Any) -> Iterable[str]:
    """Ids of items a product defines locally (they must stay distinct from catalog ids)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "id" and isinstance(value, str) and "name" in data and "ref" not in data:
                yield value
            else:
                yield from _local_ids(value)
    elif isinstance(data, list):
        for value in data:
            yield from _local_ids(value)


def _appendable(path: Path, key: str) -> bool:
    """Whether ``path`` ends with its ``key:`` list, so that entries can be appended to it."""
    last_top = ""
    for line in path.read_text("utf-8").split("\n"):
        if line and not line[0].isspace() and not line.startswith(("#", "-")):
            last_top = line.split(":", 1)[0].strip()
    return last_top == key


def _append_entries(
    root: Path, folder: Path, name: str, key: str, entries: list[dict[str, Any]], schema: str
) -> Path:
    """Add ``entries`` to the ``key`` list ending ``folder/name`` (or a numbered file beside it)."""
    check_inside(folder / name, root)
    path = folder / name
    if path.is_file() and not _appendable(path, key):
        stem, number = path.stem, 2
        while (folder / f"{stem}-{number}.yml").is_file() and not _appendable(
            folder / f"{stem}-{number}.yml", key
        ):
            number += 1
        path = folder / f"{stem}-{number}.yml"
    check_inside(path, root)
    if not path.is_file():
        text = _HEADER.format(path=schema) + dump_yaml({key: entries})
        write_text_atomically(path, text, root)
        return path
    existing = path.read_text("utf-8")
    entries_at = (line.index("-") for line in existing.split("\n") if line.lstrip(" ")[:2] == "- ")
    indent = " " * next(entries_at, 2)  # as the file's entries are indented
    block = dump_yaml(entries)
    added = "".join(indent + line if line else line for line in block.splitlines(keepends=True))
    if existing and not existing.endswith("\n"):
        existing += "\n"
    write_text_atomically(path, existing + added, root)
    return path
