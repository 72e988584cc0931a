"""Importing Markdown privacy statements (Microsoft Learn / DocFX style) into YAML records.

``import_pages`` reads each page, writes a product record (and any new catalog items and
categories) into a content tree, and returns one :class:`~.report.PageReport` per page. The
package imports nothing from MkDocs. A page goes through, in order:

* :mod:`.markdown_doc` (blocks with source lines) and :mod:`.outline` (sections), once
  :func:`~privacy_pages.load.mojibake.repair_text` has repaired mojibake;
* :mod:`.statement`, which reads each section with the extractor of its kind (its table
  ``EXTRACTORS``; :mod:`.classify` says the kind) into a :mod:`.draft`, sharing a
  :class:`~.reading.Reading`; what they do not recognize goes to free-form sections once
  :mod:`.by_shape` has taken the data tables and lists it holds;
* :mod:`.records`, which regroups items (:mod:`.grouping`), matches them against the catalog
  (:mod:`.catalog_match`, :mod:`.items`), completes controls and empty sections, and writes
  the record in schema order; :mod:`.merge` joins the drafts of a statement spread over pages;
* :mod:`.front_matter` for metadata, :mod:`.writer` for the files, :mod:`.report` for the
  import report.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Location
from ..load.metadata import MetadataRules
from ..load.mojibake import repair_text
from ..load.schema import validate_record
from .anchors import fragment_fixer, in_page_anchors
from .claims import denials_said, no_data_at_all, rights_said
from .classify import DATA_KINDS, classify_heading
from .front_matter import front_title, read_metadata
from .items import with_suffix
from .markdown_doc import Document, parse
from .markdown_out import span
from .merge import PageDraft, join, page_anchor, product_name, shifted
from .outline import outline, sections_of
from .page_language import not_english
from .prose_facts import items_in_prose
from .records import (
    Resolver,
    build_product,
    fix_links,
    link_fixer,
    product_id_for,
    review_links,
    summary_for,
)
from .report import PageReport, PageSpan, Review, format_report, report_json
from .requirement import keep_data, place_marked, settle
from .statement import read_statement
from .statements import periods_said
from .writer import ContentTree, product_text

_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class ImportOptions:
    content_dir: Path
    metadata: MetadataRules = field(default_factory=MetadataRules)
    #: The product id (only with a single page); by default made from the page's title.
    product_id: str | None = None
    #: Relative links are made absolute against this address (``.md`` dropped), if given.
    base_url: str | None = None
    #: Replace a product file that differs from what the import gives.
    force: bool = False
    #: Read and report, but write nothing.
    dry_run: bool = False
    #: The date used for a required date the page lacks (default: today).
    today: str | None = None
    #: Refuse a page that states no privacy facts (the CLI asks for this unless --force).
    require_data: bool = False


class PageImportError(Exception):
    """A page that cannot be imported (unreadable, or its product file would be replaced)."""


@dataclass
class PageImport:
    report: PageReport
    record: dict[str, object]
    catalog_items: list[dict[str, object]]
    categories: list[dict[str, object]]
    text: str


def _page_bytes(path: Path, display: str) -> bytes:
    """A page's bytes: a regular file only (a pipe could block), at most the limit."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise PageImportError(f"{display}: not a regular file (a pipe, device or folder)")
        with path.open("rb") as handle:
            raw = handle.read(_MAX_BYTES + 1)
    except OSError as exc:
        raise PageImportError(f"{display}: cannot read the page: {exc.strerror or exc}") from None
    if len(raw) > _MAX_BYTES:
        raise PageImportError(
            f"{display}: more than {_MAX_BYTES:,} bytes; pages may be at most that"
        )
    return raw


def _read_document(
    path: Path, display: str, report: PageReport, offset: int = 0
) -> tuple[str, Document]:
    """A page's text (decoded, mojibake repaired, each repair reported) and its blocks."""
    raw = _page_bytes(path, display)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        report.review(0, "encoding", "the page is not UTF-8; read it as Windows-1252")
    text, repairs = repair_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    for repair in repairs:
        message = f"column {repair.column}: {repair.found!r} repaired as {repair.replaced!r}"
        report.review(offset + repair.line, "mojibake", message)
    document = shifted(parse(text), offset)
    for line, message in document.notes:
        report.review(line, "structure", message)
    if (other := not_english(document)) is not None:
        report.review(0, "language", other)
    return text, document


def _data_heading(words: str) -> bool:
    return classify_heading(words) in DATA_KINDS


def read_pages(
    pages: Sequence[tuple[Path, str]],
    tree: ContentTree,
    options: ImportOptions,
    product_id: str | None,
    taken_ids: frozenset[str] = frozenset(),
) -> PageImport:
    """Read one statement, from one page or several (:mod:`.merge`); nothing is written."""
    report = PageReport(source=" + ".join(display for _, display in pages))
    offset = 0
    read: list[tuple[PageDraft, Document]] = []
    for path, display in pages:
        text, document = _read_document(path, display, report, offset)
        lines = text.count("\n") + 1
        reviews_before = len(report.reviews)
        # (a data heading after prose is a section when the front matter gives the title)
        given = front_title(document.front_matter)
        title, root = outline(document, _data_heading if given else None)
        # The opening text: the blocks before the first section (the title aside), as on the page.
        opening = (span(root.blocks[0])[0], span(root.blocks[-1])[1]) if root.blocks else (0, 0)
        draft = read_statement((title, root), report, path.stem, given)
        items_in_prose(draft, report, text, offset)
        place_marked(draft, report)
        no_data = no_data_at_all(text)
        draft.storage.periods_said = [(offset + n, said) for n, said in periods_said(text)]
        draft.denials_said = [(offset + n, said) for n, said in denials_said(text)]
        draft.rights_said = [(offset + n, said) for n, said in rights_said(text)]
        questions = [(s.line, s.title.rstrip().endswith("?")) for s in sections_of(root)]
        keep_data(draft, report, no_data and (offset + no_data[0], no_data[1]), questions)
        settle(draft, report)
        if len(pages) > 1:
            report.pages.append(PageSpan(display, offset, lines))
            # What the page says of itself as a whole (no line) names the page.
            report.reviews[reviews_before:] = [
                r if r.line else Review(0, r.topic, f"{display}: {r.message}")
                for r in report.reviews[reviews_before:]
            ]
        page = PageDraft(display, draft, text, offset, draft.name, opening)
        read.append((page, document))
        offset += lines
    document = read[0][1]
    if len(read) > 1:
        draft = join([page for page, _ in read], report)
        draft.name = product_name([page.title for page, _ in read])
        metadata_from = f"{read[0][0].source}, the first page"
        message = (
            f"{draft.name!r}: the words the pages' titles share; metadata from {metadata_from}"
        )
        report.review(
            0, "product name", f"{message} (the other pages' front matter is not imported)"
        )
    else:
        draft = read[0][0].draft
    wanted = product_id or product_id_for(draft.name)
    pid = with_suffix(wanted, set(taken_ids), {})
    if pid != wanted:
        report.review(0, "product id", f"another page of this import has the same title; id {pid}")
    tree.release_local_ids(pid)
    report.product_id = pid
    report.product_file = tree.product_path(pid).as_posix()
    today = options.today or dt.date.today().isoformat()
    first_summary = summary_for({}, draft.intro, "")
    metadata = read_metadata(
        document.front_matter,
        options.metadata,
        report,
        title=draft.name,
        summary=first_summary,
        existing=tree.existing_metadata(pid),
        today=today,
    )
    resolver = Resolver(tree.catalog, tree.categories, report, {}, product_id=pid)
    new_items_before = len(tree.catalog.new)
    new_categories_before = len(tree.categories.new)
    record = build_product(
        draft,
        product_id=pid,
        metadata=metadata,
        summary=summary_for(metadata, draft.intro, draft.name),
        resolver=resolver,
    )
    # A link from one page of the statement to another goes to that page's section.
    siblings = {
        p.name: page_anchor(page.title) for (p, _), (page, _) in zip(pages, read, strict=True)
    }
    if len(pages) == 1:
        siblings = {}
    fragments = fragment_fixer(in_page_anchors(record, report), report)
    fixed = fix_links(record, link_fixer(options.base_url, tree.links, siblings, fragments))
    assert isinstance(fixed, dict)
    for page, page_document in read:
        front = page_document.front_matter
        body_start = front.end_line + 1 if front else page.offset + 1
        body = "\n".join(page.text.split("\n")[body_start - page.offset - 1 :])
        review_links(body, options.base_url, report, body_start, tree.links, siblings)
    catalog_items = [item.record() for item in tree.catalog.new[new_items_before:]]
    categories = [c.record() for c in tree.categories.new[new_categories_before:]]
    report.new_categories = [str(c["id"]) for c in categories]
    review = _header_review(report)
    if report.free_form:
        review.append(
            f"{len(report.free_form)} piece(s) of text went to free-form sections (see the import report)"
        )
    source_name = pages[0][0].name if len(pages) == 1 else ", ".join(p.name for p, _ in pages)
    return PageImport(
        report, fixed, catalog_items, categories, product_text(fixed, source_name, review)
    )


#: The sections of a product record that state privacy facts, each by the fields that hold
#: them (prose alone, an intro, is not a fact: a deployment guide's text can land there).
PRIVACY_FACTS: dict[str, tuple[str, ...]] = {
    "required": ("groups",),
    "optional": ("groups",),
    "collected": ("groups",),
    "never_collected": ("items",),
    "data_use": ("uses",),
    "purposes": ("items",),
    "processed_entities": ("entities",),
    "storage": (
        "locations",
        "services",
        "service_locations",
        "location_note",
        "retention",
        "retention_note",
    ),
    "sharing": ("recipients",),
    "rights": ("rights", "requests"),
    "controls": ("options", "settings"),
}


#: Words of a page about privacy, whatever facts the importer reads in it (ad targeting too).
_PRIVACY_WORDS = re.compile(
    r"\b(?:privacy|personal (?:data|information)|telemetry|analytics|usage (?:data|statistics)|"
    r"data protection|gdpr|tracking|collect(?:s|ed|ion)?|advertis(?:ers?|ing)|targeted ads)\b",
    re.IGNORECASE,
)


def speaks_of_privacy(record: dict[str, object]) -> bool:
    """Whether the page's own words in a record (its name, text and free-form sections, not
    the metadata the site may fill in, or our sentences for empty sections) speak of privacy."""
    words = {k: v for k, v in record.items() if k not in {"metadata", "empty_sections"}}
    return _PRIVACY_WORDS.search(json.dumps(words, ensure_ascii=False)) is not None


def privacy_facts(record: dict[str, object]) -> list[str]:
    """The sections of a record that state privacy facts (none for a deployment guide)."""
    found = []
    for key, fields in PRIVACY_FACTS.items():
        section = record.get(key)
        if isinstance(section, dict) and any(section.get(name) for name in fields):
            found.append(key)
    return found


def _header_review(report: PageReport) -> list[str]:
    """What the product file's header comment asks a writer to check."""
    notes: list[str] = []
    for item in sorted(report.reviews, key=lambda r: (r.line, r.topic)):
        if item.topic == "mojibake":
            page, line = report.locate(item.line)
            where = f"line {line} of {page}" if report.pages else f"line {line} of the page"
            notes.append(f"{where}: mojibake repaired")
        elif item.topic == "metadata" and "not in the page" in item.message:
            # The same words whether the value was filled in now or kept from an earlier
            # import, so that importing again changes nothing.
            key = item.message.split(":", 1)[0]
            notes.append(f"metadata {key}: not in the page; check its value")
    return notes


def import_pages(paths: Sequence[Path], options: ImportOptions) -> list[PageReport]:
    """Import each page into ``options.content_dir``; one report per page (with a
    ``product_id``, the pages are one statement). Every page is checked before anything is
    written: :class:`PageImportError` for a page whose product file exists with other content
    (unless ``force``), or that states no privacy facts (with ``require_data``)."""
    statements = [list(paths)] if options.product_id else [[path] for path in paths]
    seen: set[Path] = set()
    for path in paths:
        if path.resolve() in seen:
            raise PageImportError(f"{path.as_posix()}: given twice")
        seen.add(path.resolve())
    tree = ContentTree.load(options.content_dir)
    reports: list[PageReport] = []
    pages: list[PageImport] = []
    for statement in statements:
        display = " + ".join(path.as_posix() for path in statement)
        taken = frozenset(report.product_id for report in reports)
        page = read_pages(
            [(path, path.as_posix()) for path in statement],
            tree,
            options,
            options.product_id,
            taken,
        )
        if options.require_data and not privacy_facts(page.record):
            if speaks_of_privacy(page.record):
                # A privacy page whose facts the importer cannot tell: its text is kept, free
                # form, rather than the page refused.
                page.report.review(
                    0,
                    "structure",
                    "no privacy fact read from the page: all its text is free "
                    "form; check it and move what it says into the record's fields",
                )
            elif said := [r.message for r in page.report.reviews if r.topic == "language"]:
                raise PageImportError(
                    f"{display}: {said[0]}, and read no privacy facts in it; nothing was "
                    "written for it (use --force to import its text anyway)"
                )
            else:
                which = "the page states" if len(statement) == 1 else "the pages state"
                raise PageImportError(
                    f"{display}: {which} no privacy facts (no data collected or never "
                    "collected, no use or purpose, storage, retention, sharing, rights or "
                    "controls found) and does not speak of privacy, so it does not read as a "
                    "privacy statement; nothing was written for it (use --force to import it "
                    "anyway)"
                )
        problems = validate_record(page.record, "product", Location(page.report.product_file, 1, 1))
        if problems:  # a bug in the importer: refuse rather than write a record that cannot load
            details = "; ".join(f"{p.key_path}: {p.message}" for p in problems)
            raise PageImportError(
                f"{display}: the record made from this page is not valid: {details}"
            )
        target = tree.product_path(page.report.product_id)
        if target.is_file() and target.read_text("utf-8") != page.text and not options.force:
            raise PageImportError(
                f"{target.as_posix()} exists with other content; use --force to replace it "
                "(the catalog and categories are added to, never replaced)"
            )
        problem = tree.categories_problem(page.categories)
        if problem:
            raise PageImportError(problem)
        # The next pages of this import compare their requirements with this one's.
        tree.count_uses(page.report.product_id, page.record, replace=True)
        if target.is_file() and target.read_text("utf-8") == page.text:
            page.report.unchanged = not page.catalog_items and not page.categories
        pages.append(page)
        reports.append(page.report)
    if not options.dry_run:
        for page in pages:
            _write(tree, page)
    return reports


def _write(tree: ContentTree, page: PageImport) -> None:
    """Write one page's new categories, then its new catalog items, then its product file (so
    that no file refers to one not written yet: a kill between two leaves a site that loads);
    note what changed. Each file is written whole or not at all."""
    categories = tree.append_categories(page.categories)
    catalog = tree.append_catalog(page.catalog_items)
    path_written, changed = tree.write_product(page.report.product_id, page.text)
    if changed:
        page.report.written.append(path_written.as_posix())
    if catalog is not None:
        page.report.written.append(catalog.as_posix())
    if categories is not None:
        page.report.written.append(categories.as_posix())


__all__ = [
    "ImportOptions",
    "PageImportError",
    "PageReport",
    "format_report",
    "import_pages",
    "privacy_facts",
    "read_pages",
    "report_json",
]
