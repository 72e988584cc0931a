"""Load a content folder: read every record, validate it, and build the :class:`Dataset`.

All problems are collected and reported together. References between records (categories,
catalog items, workloads) are checked here, so that errors name the YAML file and line, never a
generated page.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import ContentError, Diagnostic, Diagnostics, Location, display_path
from ..model import (
    SECTION_IDS,
    Access,
    Alternatives,
    CatalogItem,
    Category,
    ComparisonSpec,
    DataItem,
    DataSection,
    Dataset,
    DataUse,
    Detail,
    FreeSection,
    ItemGroup,
    Link,
    NeverCollected,
    Note,
    Product,
    Requirement,
    Retention,
    Rights,
    RightsRequest,
    ServiceLocation,
    StaffLocations,
    Storage,
    Workload,
    WorkloadColumn,
    WorkloadValue,
)
from ..timing import PhaseTimes
from .links import markdown_links, url_problem
from .metadata import MetadataRules, normalize_metadata
from .mojibake import mojibake_diagnostics
from .schema import validate_record
from .yaml_source import (
    Limits,
    LocatedMapping,
    LocatedSequence,
    YamlFault,
    parse_text,
    read_text,
)

YAML_SUFFIXES = (".yml", ".yaml")
DEFAULT_LIMITS = Limits()
#: Names that cannot be file names on some systems.
RESERVED_NAMES = frozenset(
    {"con", "prn", "aux", "nul", "index", "readme"}
    | {"compare", "data-items"}  # the comparison pages and the data-item index
    | {f"com{i}" for i in range(10)}
    | {f"lpt{i}" for i in range(10)}
)


@dataclass(frozen=True)
class RecordFile:
    """One parsed content file."""

    path: Path
    display: str
    kind: str
    data: Any


@dataclass
class ContentCache:
    """Parsed files kept across rebuilds (``mkdocs serve``), keyed by path, mtime and size."""

    entries: dict[Path, tuple[tuple[int, int], Any, tuple[Diagnostic, ...]]] = field(
        default_factory=dict
    )
    hits: int = 0
    misses: int = 0

    def read(
        self, path: Path, display: str, kind: str, limits: Limits, times: PhaseTimes | None = None
    ) -> tuple[Any, list[Diagnostic]]:
        times = times if times is not None else PhaseTimes()
        try:
            stat = path.stat()
        except OSError:  # a dangling link, or a file removed meanwhile: read_text reports it
            return _parse_and_validate(path, display, kind, limits, times)
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = self.entries.get(path)
        if cached is not None and cached[0] == stamp:
            self.hits += 1
            return cached[1], list(cached[2])
        self.misses += 1
        data, problems = _parse_and_validate(path, display, kind, limits, times)
        self.entries[path] = (stamp, data, tuple(problems))
        return data, problems


def record_kind(relative: Path) -> str | None:
    """Which kind of record a content file holds, from where it lives."""
    parts = relative.parts
    if len(parts) == 1 and relative.stem == "categories":
        return "categories"
    if len(parts) == 2 and parts[0] == "catalog":
        return "catalog"
    if len(parts) == 2 and parts[0] == "products":
        return "product"
    if len(parts) == 1 and relative.stem == "comparisons":
        return "comparisons"
    return None


def discover(content_dir: Path, problems: Diagnostics) -> list[tuple[Path, str, str]]:
    """Every YAML file in the content folder, in a stable order: (path, display, kind)."""
    found: list[tuple[Path, str, str]] = []
    root = content_dir.resolve()
    for dirpath, dirnames, filenames in os.walk(content_dir, followlinks=False):
        dirnames.sort()
        base = Path(dirpath)
        for dirname in list(dirnames):
            if dirname.startswith("."):
                dirnames.remove(dirname)
                continue
            target = base / dirname
            if target.is_symlink():  # never followed: its files would be silently ignored
                outside = not _inside(target.resolve(), root)
                problems.error(
                    Location(display_path(target)),
                    "symbolic link leads outside the content folder; refused"
                    if outside
                    else "symbolic link to a folder; folders are not followed, so move the "
                    "files here instead of linking the folder",
                    rule="path",
                )
                dirnames.remove(dirname)
        folded: dict[str, str] = {}
        for name in sorted(filenames):
            path = base / name
            if name.startswith(".") or not name.lower().endswith(YAML_SUFFIXES):
                continue
            display = display_path(path)
            twin = folded.setdefault(name.casefold(), name)
            if twin != name:
                problems.error(
                    Location(display),
                    f"file name differs from {twin!r} only in letter case; on Windows and macOS "
                    "one would replace the other, so rename one",
                    rule="path",
                )
                continue
            if path.is_symlink() and not _inside(path.resolve(), root):
                problems.error(
                    Location(display),
                    "symbolic link leads outside the content folder; refused",
                    rule="path",
                )
                continue
            relative = path.relative_to(content_dir)
            kind = record_kind(relative)
            if kind is None:
                problems.error(
                    Location(display),
                    "expected a content file at categories.yml, catalog/*.yml, products/*.yml "
                    "or comparisons.yml, "
                    f"found {relative.as_posix()}; move or remove it so it is not ignored",
                    rule="unknown-file",
                )
                continue
            found.append((path, display, kind))
    return found


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _parse_and_validate(
    path: Path, display: str, kind: str, limits: Limits, times: PhaseTimes
) -> tuple[Any, list[Diagnostic]]:
    try:
        with times.phase("load"):
            text = read_text(path, display, limits)
            damaged = mojibake_diagnostics(text, display)
            if damaged:  # every damaged place at once; parsing would stop at the first
                return None, damaged
            data = parse_text(text, display, limits)
    except YamlFault as fault:
        return None, [fault.diagnostic]
    if data is None:
        return None, [
            Diagnostic(
                Location(display, 1, 1),
                f"expected a {kind} record, found an empty file",
                "empty-file",
            )
        ]
    with times.phase("validate"):
        return data, validate_record(data, kind, Location(display, 1, 1))


def load_content(
    content_dir: Path,
    metadata_rules: MetadataRules | None = None,
    *,
    cache: ContentCache | None = None,
    limits: Limits = DEFAULT_LIMITS,
    times: PhaseTimes | None = None,
) -> tuple[Dataset, Diagnostics]:
    """Read, validate and link every record in ``content_dir``.

    Returns the dataset built from the valid records, and every problem found. ``times``, if
    given, collects the seconds spent loading and validating.
    """
    times = times if times is not None else PhaseTimes()
    problems = Diagnostics()
    rules = metadata_rules or MetadataRules()
    if not content_dir.is_dir():
        problems.error(Location(display_path(content_dir)), "content folder not found", rule="path")
        return Dataset(), problems
    cache = cache if cache is not None else ContentCache()
    records: list[RecordFile] = []
    found = discover(content_dir, problems)
    for path, display, kind in found:
        data, file_problems = cache.read(path, display, kind, limits, times)
        problems.extend(file_problems)
        if data is not None and not any(p.severity.value == "error" for p in file_problems):
            records.append(RecordFile(path, display, kind, data))
    builder = _DatasetBuilder(problems, rules)
    with times.phase("validate"):  # references between records
        dataset = builder.build(records)
    dataset.files = tuple(display for _, display, _ in found)
    dataset.records = {record.display: record.data for record in records}
    return dataset, problems


def load_or_raise(content_dir: Path, metadata_rules: MetadataRules | None = None) -> Dataset:
    """Like :func:`load_content`, but raise :class:`ContentError` on any error."""
    dataset, problems = load_content(content_dir, metadata_rules)
    if problems.errors:
        raise ContentError(sorted(problems.errors, key=lambda d: d.sort_key))
    return dataset


def _text(data: LocatedMapping, key: str) -> str | None:
    value = data.get(key)
    return None if value is None else str(value)


def _tuple(data: LocatedMapping, key: str) -> tuple[Any, ...]:
    value = data.get(key)
    return tuple(value) if value else ()


class _DatasetBuilder:
    def __init__(self, problems: Diagnostics, rules: MetadataRules) -> None:
        self.problems = problems
        self.rules = rules
        self.dataset = Dataset()

    def error(
        self, location: Location, message: str, key_path: str, rule: str = "reference"
    ) -> None:
        self.problems.error(location, message, key_path=key_path, rule=rule)

    def build(self, records: list[RecordFile]) -> Dataset:
        by_kind: dict[str, list[RecordFile]] = {
            "categories": [],
            "catalog": [],
            "product": [],
            "comparisons": [],
        }
        for record in records:
            by_kind[record.kind].append(record)
        for record in by_kind["categories"]:
            with self._guard(record):
                self._categories(record.data)
        for record in by_kind["catalog"]:
            with self._guard(record):
                self._catalog(record.data)
        for record in by_kind["product"]:
            with self._guard(record):
                self._product(record.data, record.path)
        for record in by_kind["comparisons"]:
            with self._guard(record):
                self._comparisons(record.data)
        return self.dataset

    @contextmanager
    def _guard(self, record: RecordFile) -> Iterator[None]:
        """An unexpected failure while reading a record becomes an error naming the record."""
        try:
            yield
        except Exception as exc:  # a bug must name the record that triggered it, not crash
            self.error(
                getattr(record.data, "location", Location(record.display, 1, 1)),
                f"could not read this record ({type(exc).__name__}: {exc}); "
                "this is a bug in privacy-pages, please report it with the file",
                "",
                "internal-error",
            )

    # -- categories and catalog -------------------------------------------------------------

    def _categories(self, data: LocatedMapping) -> None:
        entries: LocatedSequence = data["categories"]
        for index, entry in enumerate(entries):
            category = Category(
                entry["id"], entry["name"], _text(entry, "description"), entry.location
            )
            self._check_markdown(entry, f"categories[{index}]")
            existing = self.dataset.categories.get(category.id)
            if existing:
                self.error(
                    entry.where("id"),
                    f"duplicate category id {category.id!r} (first defined at {existing.source})",
                    f"categories[{index}].id",
                    "duplicate-id",
                )
                continue
            self.dataset.categories[category.id] = category

    def _catalog(self, data: LocatedMapping) -> None:
        entries: LocatedSequence = data["items"]
        for index, entry in enumerate(entries):
            item = CatalogItem(
                id=entry["id"],
                name=entry["name"],
                category=entry["category"],
                description=_text(entry, "description"),
                classification=_text(entry, "classification"),
                aliases=_tuple(entry, "aliases"),
                source=entry.location,
            )
            path = f"items[{index}]"
            self._check_markdown(entry, path)
            existing = self.dataset.catalog.get(item.id)
            if existing:
                self.error(
                    entry.where("id"),
                    f"duplicate catalog item id {item.id!r} (first defined at {existing.source})",
                    f"{path}.id",
                    "duplicate-id",
                )
                continue
            if item.category not in self.dataset.categories:
                self._unknown(
                    entry.where("category"),
                    "category",
                    item.category,
                    self.dataset.categories,
                    f"{path}.category",
                )
            self.dataset.catalog[item.id] = item

    def _unknown(
        self, location: Location, what: str, found: str, known: Iterable[str], path: str
    ) -> None:
        import difflib

        guess = difflib.get_close_matches(found, list(known), n=1, cutoff=0.6)
        hint = f" (did you mean {guess[0]!r}?)" if guess else ""
        self.error(location, f"expected a known {what} id, found {found!r}{hint}", path)

    # -- links and markdown -----------------------------------------------------------------

    def _check_url(self, location: Location, url: str, path: str) -> None:
        problem = url_problem(url)
        if problem:
            self.error(location, f"{problem}; found {url!r}", path, "unsafe-link")

    def _check_markdown(self, data: Any, path: str, location: Location | None = None) -> None:
        """Check every link inside the Markdown text fields of ``data``, recursively."""
        if isinstance(data, LocatedMapping):
            for key, value in data.items():
                self._check_markdown(value, f"{path}.{key}" if path else key, data.where(key))
        elif isinstance(data, LocatedSequence):
            for index, value in enumerate(data):
                self._check_markdown(value, f"{path}[{index}]", data.where(index))
        elif isinstance(data, str) and location is not None:
            for url in markdown_links(data):
                self._check_url(location, url, path)

    # -- products ---------------------------------------------------------------------------

    def _product(self, data: LocatedMapping, file: Path) -> None:
        product_id: str = data["id"]
        if product_id in RESERVED_NAMES:
            self.error(
                data.where("id"),
                f"expected an id that can be a file name, found reserved name {product_id!r}",
                "id",
                "path",
            )
            return
        existing = self.dataset.products.get(product_id)
        if existing:
            self.error(
                data.where("id"),
                f"duplicate product id {product_id!r} (first defined at {existing.source})",
                "id",
                "duplicate-id",
            )
            return
        self._check_markdown(data, "")
        metadata, problems = normalize_metadata(
            data["metadata"], self.rules, data.where("metadata")
        )
        self.problems.extend(problems)
        workloads = tuple(
            Workload(w["id"], w["name"], _text(w, "description"))
            for w in data.get("workloads") or []
        )
        anchors: dict[str, int] = {}
        required = self._data_section(data, "required", Requirement.REQUIRED, workloads, anchors)
        optional = self._data_section(data, "optional", Requirement.OPTIONAL, workloads, anchors)
        never = None
        if "never_collected" in data:
            never_data: LocatedMapping = data["never_collected"]
            never_items = tuple(
                self._item(
                    entry,
                    f"never_collected.items[{i}]",
                    Requirement.REQUIRED,
                    None,
                    None,
                    None,
                    (),
                    anchors,
                    prefix="never-",
                )
                for i, entry in enumerate(never_data["items"])
            )
            never = NeverCollected(_text(never_data, "intro"), tuple(i for i in never_items if i))
        data_use = data.get("data_use") or {}
        entities = data.get("processed_entities") or {}
        product = Product(
            id=product_id,
            name=data["name"],
            summary=data["summary"],
            family=_text(data, "family"),
            platform=_text(data, "platform"),
            metadata=metadata,
            applies_to=self._links(data, "applies_to"),
            notes=tuple(Note(n["type"], n["text"]) for n in data.get("notes") or []),
            intro=_text(data, "intro"),
            links=self._links(data, "links"),
            next_steps=_text(data, "next_steps"),
            workloads=workloads,
            required=required,
            optional=optional,
            data_use_intro=data_use.get("intro"),
            data_uses=tuple(DataUse(u["source"], u["use"]) for u in data_use.get("uses") or []),
            processed_entities_intro=entities.get("intro"),
            processed_entities=tuple(entities.get("entities") or ()),
            never_collected=never,
            storage=self._storage(data.get("storage") or {}),
            access=self._access(data.get("access") or {}),
            rights=self._rights(data),
            sections=tuple(
                FreeSection(s["after"], s["body"], s.get("title"))
                for s in data.get("sections") or []
            ),
            empty_sections=dict(data.get("empty_sections") or {}),
            source=data.location,
            file=file,
        )
        self._check_empty_markers(data, product)
        self.dataset.products[product_id] = product

    def _check_empty_markers(self, data: LocatedMapping, product: Product) -> None:
        from ..model.sections import section_has_content

        markers = data.get("empty_sections")
        if not isinstance(markers, LocatedMapping):
            return
        for section_id in markers:
            if section_has_content(product, section_id):
                self.error(
                    markers.where(section_id),
                    f"section {section_id!r} is marked empty but has content; remove the marker",
                    f"empty_sections.{section_id}",
                    "empty-section",
                )

    def _links(self, data: LocatedMapping, key: str) -> tuple[Link, ...]:
        links = []
        for index, entry in enumerate(data.get(key) or []):
            self._check_url(entry.where("url"), entry["url"], f"{key}[{index}].url")
            links.append(Link(entry["title"], entry["url"]))
        return tuple(links)

    def _data_section(
        self,
        data: LocatedMapping,
        key: str,
        requirement: Requirement,
        workloads: tuple[Workload, ...],
        anchors: dict[str, int],
    ) -> DataSection:
        section: LocatedMapping | None = data.get(key)
        if not section:
            return DataSection()
        groups = []
        for index, group in enumerate(section.get("groups") or []):
            path = f"{key}.groups[{index}]"
            category = group["category"]
            if category not in self.dataset.categories:
                self._unknown(
                    group.where("category"),
                    "category",
                    category,
                    self.dataset.categories,
                    f"{path}.category",
                )
            kind = _text(group, "kind")
            if requirement is Requirement.OPTIONAL and kind is None:
                self.error(
                    group.location,
                    "expected key 'kind' (diagnostic, feedback, telemetry or other) on an optional group, found none",
                    f"{path}.kind",
                    "schema",
                )
            if requirement is Requirement.REQUIRED and kind is not None:
                self.error(
                    group.where("kind"),
                    "expected no 'kind' on required data (only optional data has kinds)",
                    f"{path}.kind",
                    "schema",
                )
            seen: dict[str, Location] = {}
            items = []
            for item_index, entry in enumerate(group["items"]):
                item = self._item(
                    entry,
                    f"{path}.items[{item_index}]",
                    requirement,
                    category,
                    kind,
                    _text(group, "condition"),
                    workloads,
                    anchors,
                )
                if item is None:
                    continue
                if item.id in seen:
                    self.error(
                        entry.location,
                        f"item {item.id!r} is listed twice in this group (first at line {seen[item.id].line})",
                        f"{path}.items[{item_index}]",
                        "duplicate-id",
                    )
                    continue
                seen[item.id] = entry.location
                items.append(item)
            groups.append(
                ItemGroup(
                    category=category,
                    title=group.get("title") or self.dataset.category_name(category),
                    requirement=requirement,
                    kind=kind,
                    intro=_text(group, "intro"),
                    condition=_text(group, "condition"),
                    items=tuple(items),
                    source=group.location,
                )
            )
        return DataSection(_text(section, "intro"), tuple(groups))

    def _item(
        self,
        entry: LocatedMapping,
        path: str,
        requirement: Requirement,
        category: str | None,
        kind: str | None,
        group_condition: str | None,
        workloads: tuple[Workload, ...],
        anchors: dict[str, int],
        prefix: str = "",
    ) -> DataItem | None:
        ref, local = entry.get("ref"), entry.get("id")
        catalog_item = None
        if (ref is None) == (local is None):
            self.error(
                entry.location,
                "expected exactly one of 'ref' (a catalog item) or 'id' (an item only this product has)",
                path,
                "schema",
            )
            return None
        if ref is not None:
            catalog_item = self.dataset.catalog.get(ref)
            if catalog_item is None:
                self._unknown(
                    entry.where("ref"), "catalog item", ref, self.dataset.catalog, f"{path}.ref"
                )
                return None
            item_id = ref
        else:
            item_id = local
            if local in self.dataset.catalog:
                self.error(
                    entry.where("id"),
                    f"{local!r} is a catalog item; write 'ref: {local}' to use it",
                    f"{path}.id",
                )
                return None
            if "name" not in entry:
                self.error(
                    entry.location,
                    "expected key 'name' on an item that is not in the catalog, found none",
                    f"{path}.name",
                    "schema",
                )
                return None
        if item_id in SECTION_IDS:
            self.error(
                entry.location,
                f"expected an item id that is not a section name, found {item_id!r}",
                path,
                "schema",
            )
            return None
        values = []
        declared = {w.id for w in workloads}
        for workload_id, raw in (entry.get("workloads") or {}).items():
            if workload_id not in declared:
                self._unknown(
                    entry["workloads"].where_key(workload_id),
                    "workload",
                    workload_id,
                    declared,
                    f"{path}.workloads.{workload_id}",
                )
                continue
            if isinstance(raw, str):
                values.append((workload_id, WorkloadValue(raw.lower() == "yes")))
            else:
                values.append(
                    (
                        workload_id,
                        WorkloadValue(raw["applies"].lower() == "yes", raw.get("condition")),
                    )
                )
        base = prefix + item_id
        count = anchors.get(base, 0) + 1
        anchors[base] = count
        anchor = base if count == 1 else f"{base}-{count}"
        alternatives = entry.get("alternatives")
        return DataItem(
            id=item_id,
            name=entry.get("name") or (catalog_item.name if catalog_item else item_id),
            anchor=anchor,
            catalog=catalog_item is not None,
            requirement=requirement,
            category=category or (catalog_item.category if catalog_item else ""),
            kind=kind,
            description=_text(entry, "description")
            or (catalog_item.description if catalog_item else None),
            condition=_text(entry, "condition"),
            group_condition=group_condition,
            classification=_text(entry, "classification")
            or (catalog_item.classification if catalog_item else None),
            purpose=_text(entry, "purpose"),
            control=_text(entry, "control"),
            details=_details(entry.get("details") or ()),
            alternatives=Alternatives(
                tuple(alternatives["options"]),
                bool(alternatives.get("ordered", False)),
                alternatives.get("intro"),
            )
            if alternatives
            else None,
            workloads=tuple(values),
            note=_text(entry, "note"),
            source=entry.location,
        )

    def _storage(self, data: Any) -> Storage:
        if not data:
            return Storage()
        staff = data.get("staff_locations")
        return Storage(
            intro=data.get("intro"),
            services=tuple(data.get("services") or ()),
            locations=tuple(data.get("locations") or ()),
            location_note=data.get("location_note"),
            retention=tuple(_retention(r) for r in data.get("retention") or ()),
            retention_note=data.get("retention_note"),
            staff_locations=StaffLocations(tuple(staff["locations"]), staff.get("teams"))
            if staff
            else None,
            service_locations=tuple(
                ServiceLocation(s["service"], s["body"])
                for s in data.get("service_locations") or ()
            ),
        )

    @staticmethod
    def _access(data: Any) -> Access:
        return Access(
            data.get("intro"),
            tuple(data.get("protections") or ()),
            tuple(data.get("compliance") or ()),
        )

    def _rights(self, data: LocatedMapping) -> Rights:
        rights = data.get("rights")
        if not rights:
            return Rights()
        return Rights(
            intro=rights.get("intro"),
            requests=tuple(
                RightsRequest(r["title"], r["body"]) for r in rights.get("requests") or ()
            ),
            services=self._links(rights, "services"),
        )

    # -- comparisons (content/comparisons.yml) ------------------------------------------------

    def _comparisons(self, data: LocatedMapping) -> None:
        """Comparison pages, with every product, category and workload they name checked."""
        specs = {spec.id: spec for spec in self.dataset.comparisons}
        for index, entry in enumerate(data["comparisons"]):
            path = f"comparisons[{index}]"
            existing = specs.get(entry["id"])
            if existing is not None:
                self.error(
                    entry.where("id"),
                    f"duplicate comparison id {entry['id']!r} (first defined at {existing.source})",
                    f"{path}.id",
                    "duplicate-id",
                )
                continue
            products = self._known_ids(entry, "products", "product", self.dataset.products, path)
            categories = self._known_ids(
                entry, "categories", "category", self.dataset.categories, path
            )
            compared = products or tuple(self.dataset.products)
            columns = []
            for column_index, column in enumerate(entry.get("workloads") or ()):
                column_path = f"{path}.workloads[{column_index}]"
                product = self.dataset.products.get(column["product"])
                if product is None or product.id not in compared:
                    self._unknown(
                        column.where("product"),
                        "compared product",
                        column["product"],
                        compared,
                        f"{column_path}.product",
                    )
                    continue
                declared = [workload.id for workload in product.workloads]
                if column["workload"] not in declared:
                    self._unknown(
                        column.where("workload"),
                        f"{product.id} workload",
                        column["workload"],
                        declared,
                        f"{column_path}.workload",
                    )
                    continue
                columns.append(WorkloadColumn(product.id, column["workload"]))
            specs[entry["id"]] = ComparisonSpec(
                id=entry["id"],
                title=entry["title"],
                description=_text(entry, "description"),
                products=products,
                categories=categories,
                workloads=tuple(columns),
                include_not_stated=bool(entry.get("include_not_stated", False)),
                source=entry.location,
            )
        self.dataset.comparisons = tuple(specs.values())

    def _known_ids(
        self, entry: LocatedMapping, key: str, what: str, known: Iterable[str], path: str
    ) -> tuple[str, ...]:
        """The ids listed under ``key`` that exist; an error for each one that does not."""
        values: LocatedSequence = entry.get(key) or LocatedSequence()
        known = list(known)
        for index, value in enumerate(values):
            if value not in known:
                self._unknown(values.where(index), what, value, known, f"{path}.{key}[{index}]")
        return tuple(value for value in values if value in known)


def _details(entries: Iterable[Any]) -> tuple[Detail, ...]:
    result = []
    for entry in entries:
        if isinstance(entry, str):
            result.append(Detail(entry))
        else:
            result.append(Detail(entry["text"], _details(entry.get("details") or ())))
    return tuple(result)


def _retention(data: Any) -> Retention:
    return Retention(
        data=data["data"],
        period=data["period"],
        note=data.get("note"),
        exceptions=tuple(_retention(e) for e in data.get("exceptions") or ()),
    )
