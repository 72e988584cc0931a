"""Load a content folder: find its records, read and validate each, and link them into a
:class:`~privacy_pages.model.Dataset`.

All problems are collected and reported together. References between records (categories,
catalog items, workloads) are checked here, so that errors name the YAML file and line, never a
generated page. Records are read and linked kind by kind, in the order that references point
(the site's store tables, categories, the catalog, products, then comparisons), each file as
soon as it is read.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..diagnostics import ContentError, Diagnostic, Diagnostics, Location, display_path
from ..model import Dataset, Product
from ..timing import PhaseTimes
from .builder import DatasetBuilder
from .catalog import read_catalog, read_categories
from .comparisons import read_comparisons
from .discovery import discover, record_kind
from .metadata import MetadataRules
from .products import read_product
from .record_files import DEFAULT_LIMITS, ContentCache, RecordFile, read_record
from .store_tables import read_store_tables
from .yaml_source import Limits, located

#: The kinds of record, in the order they are linked.
LINK_ORDER = ("stores", "categories", "catalog", "product", "comparisons")


#: Called with each product file that loaded, as soon as it is linked: the dataset so far, the
#: file's path as shown to writers, its located data, and the product it made (None if linking
#: refused it).
ProductHook = Callable[[Dataset, str, Any, Product | None], None]
#: Called with each record file as soon as it is linked (the translations link it again in
#: each language, see :class:`.translations.TranslationRun`).
RecordHook = Callable[[RecordFile], None]


def load_content(
    content_dir: Path,
    metadata_rules: MetadataRules | None = None,
    *,
    cache: ContentCache | None = None,
    limits: Limits = DEFAULT_LIMITS,
    times: PhaseTimes | None = None,
    each_product: ProductHook | None = None,
    each_record: RecordHook | None = None,
) -> tuple[Dataset, Diagnostics]:
    """Read, validate and link every record in ``content_dir``.

    Returns the dataset built from the valid records, and every problem found. ``cache`` keeps
    parsed files for the next call; ``times``, if given, collects the seconds spent loading and
    validating.

    Files are read kind by kind, in :data:`LINK_ORDER`, and each is linked as soon as it is
    read (records refer only to kinds linked before theirs). With ``each_product``, a product's
    located data is handed to it once the product is linked, and is not kept in
    ``Dataset.records``: the checks that read exact keys run there, so that a build never
    holds the located data of every product at once (the bulk of its memory while it loads).
    """
    times = times if times is not None else PhaseTimes()
    problems = Diagnostics()
    if not content_dir.is_dir():
        problems.error(
            Location(display_path(content_dir)),
            "content folder not found: set the option content_dir to the folder of the YAML "
            "records (default: content, beside mkdocs.yml)",
            rule="path",
        )
        return Dataset(), problems
    found = discover(content_dir, problems)
    builder = DatasetBuilder(problems, metadata_rules or MetadataRules(), limits.max_text_chars)
    records: dict[str, Any] = {}
    loaded: list[str] = []
    relinking = Relinking(cache, builder) if cache is not None else None
    emptied: dict[str, frozenset[str]] = {}
    for kind in LINK_ORDER:
        for path, display, _ in (entry for entry in found if entry[2] == kind):
            if cache is not None:
                read = cache.read(path, display, kind, limits, times)
            else:  # nothing to keep: each file is freed once it is linked (and checked)
                read = read_record(path, display, kind, limits, times)
            problems.extend(read.problems)
            if read.data is None and not read.left_out:
                builder.unreadable.setdefault(kind, []).append(display)
                continue
            # The ids it had, though left out: references to them are not reported again.
            builder.left_out.setdefault(kind, set()).update(read.left_out)
            if read.emptied:
                emptied[display] = read.emptied
            if read.data is None:
                continue
            loaded.append(display)
            with times.phase("validate"):  # references between records
                record = RecordFile(path, display, kind, read.data, read.left_out, read.emptied)
                made = link_record(builder, record) if relinking is None else relinking.link(record)
                if each_record is not None:
                    each_record(record)
                if kind == "product" and each_product is not None:
                    each_product(builder.dataset, display, read.data, made)
                else:
                    records[display] = read.data
    with times.phase("validate"):
        builder.report_dependencies()
        if relinking is not None:
            relinking.forget_others()
    dataset = builder.dataset
    dataset.files = tuple(display for _, display, _ in found)
    dataset.unread_products = tuple(builder.unreadable.get("product", ()))
    dataset.loaded = frozenset(loaded)
    dataset.records = records
    dataset.emptied = emptied
    return dataset, problems


@dataclass(frozen=True)
class LinkedRecord:
    """A record linked in the records' own language, from what, and what linking it found."""

    data: Any
    problems: tuple[Diagnostic, ...]
    product: Product | None


#: The key of the records' own language in ``ContentCache.linked`` (a language code is never
#: empty).
_SOURCE = ""


class Relinking:
    """Under ``mkdocs serve``, a product linked the last rebuild from the same parsed record
    (the same object: its file has not changed) is that rebuild's product, with the problems
    linking it found, when nothing it refers to changed: linking every product anew on each
    rebuild also made each one new to everything that reuses work by the product's identity
    (its statements, its page's fingerprint)."""

    def __init__(self, cache: ContentCache, builder: DatasetBuilder) -> None:
        self.cache = cache
        self.builder = builder
        #: Whether a record products refer to (stores, categories, the catalog's files and
        #: ids) changed: then every product is linked again.
        self.changed = (builder.rules, builder.max_text) != cache.linked.get((_SOURCE, ""))
        cache.linked[(_SOURCE, "")] = (builder.rules, builder.max_text)
        #: The records products may refer to, until the first product (None after it).
        self._referred: list[str] | None = []
        #: The catalog items that changed, when only items changed (see :func:`catalog_edits`).
        self.items: CatalogEdits = _NO_EDITS
        #: The records linked this rebuild.
        self.seen: set[str] = set()

    def forget_others(self) -> None:
        """Forget the records this rebuild did not link: one back at the next is linked
        anew (what it refers to may have changed meanwhile)."""
        linked = self.cache.linked
        gone = [
            key
            for key, value in linked.items()
            if key[0] == _SOURCE and isinstance(value, LinkedRecord) and key[1] not in self.seen
        ]
        for key in gone:
            del linked[key]

    def link(self, record: RecordFile) -> Product | None:
        builder, linked = self.builder, self.cache.linked
        self.seen.add(record.display)
        key = (_SOURCE, record.display)
        kept = linked.get(key)
        same = isinstance(kept, LinkedRecord) and kept.data is record.data
        if record.kind in ("stores", "categories") and self._referred is not None:
            self._referred.append(record.display)
            self.changed = self.changed or not same
        elif record.kind == "catalog" and self._referred is not None:
            self._referred.append(record.display)  # (its items are compared below)
        elif record.kind == "product" and self._referred is not None:
            # The first product: every record it may refer to is linked (a file gone too).
            referred = tuple(self._referred)
            self.changed = self.changed or referred != linked.get((_SOURCE, "referred"))
            linked[(_SOURCE, "referred")] = referred
            self._referred = None
            self.items = catalog_edits(linked, _SOURCE, builder)
            self.changed = self.changed or self.items is None
        if (
            same
            and record.kind == "product"
            and not self.changed
            and not builder.unreadable
            and isinstance(kept, LinkedRecord)
            and kept.product is not None
            and kept.product.id not in builder.dataset.products  # (else: a duplicate id now)
            and not names_any(kept.product, self.items)
        ):
            builder.problems.extend(kept.problems)
            builder.dataset.products[kept.product.id] = kept.product
            return kept.product
        start = len(builder.problems.items)
        made = link_record(builder, record)
        linked[key] = LinkedRecord(record.data, tuple(builder.problems.items[start:]), made)
        return made


#: The ids of the catalog items that changed since the last rebuild; None when the catalog's
#: ids (or those left out of it) changed, which every product may read.
CatalogEdits = frozenset[str] | None
_NO_EDITS: frozenset[str] = frozenset()


def catalog_edits(linked: dict[Any, Any], language: str, builder: DatasetBuilder) -> CatalogEdits:
    """What changed in the catalog since the last rebuild in ``language`` (its catalog, as
    linked so far: every catalog file is linked before the first product), and keep this
    rebuild's for the next. A product that names none of the changed items links to the same
    items as last rebuild: only its references' ids (which are the same) and the items it
    names are read when it is linked."""
    catalog = builder.dataset.catalog
    now = (tuple(catalog), frozenset(builder.left_out.get("catalog", ())), dict(catalog))
    last = linked.get((language, "catalog items"))
    linked[(language, "catalog items")] = now
    if last is None or last[:2] != now[:2]:
        return None
    return frozenset(item_id for item_id, item in catalog.items() if last[2][item_id] != item)


def names_any(product: Product, items: CatalogEdits) -> bool:
    """Whether ``product`` names one of the catalog ``items`` (True when None: not known)."""
    if items is None:
        return True
    if not items:
        return False
    named = [*product.items, *(product.never_collected.items if product.never_collected else ())]
    return any(item.catalog and item.id in items for item in named)


def link_record(builder: DatasetBuilder, record: RecordFile) -> Product | None:
    """Add one record to the dataset; an unexpected failure becomes an error naming it.
    Returns the product a product record made (None: it made none)."""
    products = builder.dataset.products
    count = len(products)
    try:
        if record.kind == "stores":
            read_store_tables(builder, record.data)
        elif record.kind == "categories":
            read_categories(builder, record.data)
        elif record.kind == "catalog":
            read_catalog(builder, record.data)
        elif record.kind == "product":
            read_product(builder, record.data, record.path)
        else:
            read_comparisons(builder, record.data)
    except Exception as exc:  # a bug must name the record that triggered it, not crash
        builder.error(
            getattr(record.data, "location", Location(record.display, 1, 1)),
            f"could not read this record ({type(exc).__name__}: {exc}); "
            "this is a bug in privacy-pages, please report it with the file",
            "",
            "internal-error",
        )
    if record.kind == "product" and len(products) > count:
        return next(reversed(products.values()))
    return None


def link_records(
    records: Mapping[str, Any],
    display: str,
    metadata_rules: MetadataRules | None = None,
    *,
    content_dir: Path = Path("content"),
    products: Collection[str] | None = None,
) -> tuple[Dataset, Diagnostics]:
    """A dataset linked from records kept as plain data (a release's, by their path in the
    content folder), kind by kind as :func:`load_content` links files, their texts checked as
    a file's are. Every location is ``display`` (the file that keeps them). ``products``: the
    ids of the products to link (default: every one)."""
    problems = Diagnostics()
    builder = DatasetBuilder(problems, metadata_rules or MetadataRules())
    for kind in LINK_ORDER:
        for relative, data in records.items():
            if record_kind(Path(relative)) != kind:
                continue
            if kind == "product" and products is not None and _record_id(data) not in products:
                continue
            where = Location(f"{display}#records/{relative}", 1, 1)
            record = RecordFile(content_dir / relative, where.path, kind, located(data, where))
            link_record(builder, record)
    builder.report_dependencies()
    return builder.dataset, problems


def _record_id(data: Any) -> str | None:
    return str(data.get("id")) if isinstance(data, dict) and data.get("id") is not None else None


def load_or_raise(content_dir: Path, metadata_rules: MetadataRules | None = None) -> Dataset:
    """Like :func:`load_content`, but raise :class:`ContentError` on any error."""
    dataset, problems = load_content(content_dir, metadata_rules)
    if problems.errors:
        raise ContentError(sorted(problems.errors, key=lambda d: d.sort_key))
    return dataset
