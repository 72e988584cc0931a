"""Load a content folder: find its records, read and validate each, and link them into a
:class:`~privacy_pages.model.Dataset`.

All problems are collected and reported together. References between records (categories,
catalog items, workloads) are checked here, so that errors name the YAML file and line, never a
generated page. Records are linked kind by kind, in the order that references point:
the site's store tables, categories, the catalog, products, then comparisons.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..diagnostics import ContentError, Diagnostics, Location, display_path
from ..model import Dataset
from ..timing import PhaseTimes
from .builder import DatasetBuilder
from .catalog import read_catalog, read_categories
from .comparisons import read_comparisons
from .discovery import discover
from .metadata import MetadataRules
from .products import read_product
from .record_files import DEFAULT_LIMITS, ContentCache, RecordFile
from .store_tables import read_store_tables
from .yaml_source import Limits

#: The kinds of record, in the order they are linked.
LINK_ORDER = ("stores", "categories", "catalog", "product", "comparisons")


def load_content(
    content_dir: Path,
    metadata_rules: MetadataRules | None = None,
    *,
    cache: ContentCache | None = None,
    limits: Limits = DEFAULT_LIMITS,
    times: PhaseTimes | None = None,
) -> tuple[Dataset, Diagnostics]:
    """Read, validate and link every record in ``content_dir``.

    Returns the dataset built from the valid records, and every problem found. ``cache`` keeps
    parsed files for the next call; ``times``, if given, collects the seconds spent loading and
    validating.
    """
    times = times if times is not None else PhaseTimes()
    problems = Diagnostics()
    if not content_dir.is_dir():
        problems.error(Location(display_path(content_dir)), "content folder not found", rule="path")
        return Dataset(), problems
    cache = cache if cache is not None else ContentCache()
    records: list[RecordFile] = []
    unreadable: list[tuple[str, str]] = []  # (kind, file) of files nothing could be read from
    found = discover(content_dir, problems)
    for path, display, kind in found:
        read = cache.read(path, display, kind, limits, times)
        problems.extend(read.problems)
        if read.data is not None or read.left_out:  # what is valid of it, and the ids it had
            records.append(RecordFile(path, display, kind, read.data, read.left_out, read.emptied))
        else:
            unreadable.append((kind, display))
    with times.phase("validate"):  # references between records
        rules = metadata_rules or MetadataRules()
        dataset = link_records(records, problems, rules, limits, unreadable)
    dataset.files = tuple(display for _, display, _ in found)
    dataset.unread_products = tuple(d for kind, d in unreadable if kind == "product")
    dataset.records = {r.display: r.data for r in records if r.data is not None}
    dataset.emptied = {r.display: r.emptied for r in records if r.emptied}
    return dataset, problems


def link_records(
    records: list[RecordFile],
    problems: Diagnostics,
    rules: MetadataRules,
    limits: Limits = DEFAULT_LIMITS,
    unreadable: Iterable[tuple[str, str]] = (),
) -> Dataset:
    """The dataset of the records that loaded, linked kind by kind (see :data:`LINK_ORDER`).

    A reference to an entry left out for its own error is not reported again; references that
    a file nothing could be read from might have answered are reported once per file that
    makes them (``depends on ...``), not one by one."""
    builder = DatasetBuilder(problems, rules, limits.max_text_chars)
    for kind, display in unreadable:
        builder.unreadable.setdefault(kind, []).append(display)
    for record in records:
        builder.left_out.setdefault(record.kind, set()).update(record.left_out)
    for kind in LINK_ORDER:
        for record in records:
            if record.kind == kind and record.data is not None:
                _read_record(builder, record)
    builder.report_dependencies()
    return builder.dataset


def _read_record(builder: DatasetBuilder, record: RecordFile) -> None:
    """Add one record to the dataset; an unexpected failure becomes an error naming it."""
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


def load_or_raise(content_dir: Path, metadata_rules: MetadataRules | None = None) -> Dataset:
    """Like :func:`load_content`, but raise :class:`ContentError` on any error."""
    dataset, problems = load_content(content_dir, metadata_rules)
    if problems.errors:
        raise ContentError(sorted(problems.errors, key=lambda d: d.sort_key))
    return dataset
