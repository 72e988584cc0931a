"""A language's translations as one gettext PO catalog, for Weblate, Crowdin or a vendor, and back.

Each text field of each translated record is one message: its context is
``<record path>:<field path>`` (the record's path inside the content folder, so
``products/intune.yml:summary``), its ``msgid`` the source text and its ``msgstr`` the
translation. A translation carries the fingerprint of the text it was made from in an automatic
comment (``#. source: 3f1c9a0b2d4e``); a stale one is ``fuzzy``, which translation tools show
as "needs review", and it stays stale when imported back until its flag is cleared.
"""

from __future__ import annotations

import datetime
import io
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po, write_po

from ..diagnostics import Diagnostic, Diagnostics, Location, Severity, display_path
from ..hints import did_you_mean
from .content import load_content
from .metadata import MetadataRules
from .record_files import RecordFile
from .text_fields import fingerprint, text_fields
from .translation_files import Entry, entries_of, updated_text
from .translations import (
    TRANSLATED_KINDS,
    TranslationRun,
    not_text,
    record_path,
    translation_path,
)
from .yaml_source import Limits, LocatedMapping, YamlFault, read_file

#: The order records are listed and exported in: products, then what they share.
KIND_ORDER = ("product", "catalog", "categories", "comparisons")
#: The rule of what an import reports.
RULE = "translation-import"
#: A catalog needs a creation date; it is left out of the output, which must not change
#: unless the content does.
_CREATED = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
_SOURCE_COMMENT = re.compile(r"source:\s*(\S+)\s*\Z")
#: The flags Babel adds when a text looks like a format string: the records' texts are not.
_FORMAT_FLAGS = ("python-format", "python-brace-format")
#: Lines within Babel's 76 characters, which it would wrap.
HEADER_COMMENT = (
    "# The privacy records' texts in {language}, exported by privacy-pages.\n"
    "# msgctxt: <record path>:<field path>. '#. source:' is the fingerprint\n"
    "# of the source text a translation was made from; fuzzy: that text\n"
    "# has changed since."
)


@dataclass(frozen=True)
class SourceRecord:
    """A record with text to translate: its path in the content folder, kind and text fields
    (field path → source text and its line), in the record's order."""

    relative: str
    kind: str
    display: str
    fields: dict[str, tuple[str, int]]


@dataclass
class Sources:
    """The translated records of a content folder, in :data:`KIND_ORDER`, and the translation
    run of the languages asked for (None: none asked for)."""

    content_dir: Path
    records: dict[str, SourceRecord]
    problems: Diagnostics
    run: TranslationRun | None = None


def read_sources(
    content_dir: Path,
    rules: MetadataRules | None = None,
    limits: Limits | None = None,
    languages: Iterable[str] = (),
) -> Sources:
    """Load the content once: its translated records' text fields, and where each stands in
    ``languages`` (as ``validate`` judges it)."""
    limits = limits or Limits()
    wanted = tuple(languages)
    run = TranslationRun(content_dir, wanted, rules=rules, limits=limits) if wanted else None
    found: list[SourceRecord] = []

    def each_record(record: RecordFile) -> None:
        if run is not None:
            run.record(record)
        if record.kind in TRANSLATED_KINDS:
            fields = {path: (text, where.line) for path, text, where in text_fields(record.data)}
            relative = record_path(record.path, content_dir)
            found.append(SourceRecord(relative, record.kind, record.display, fields))

    _, problems = load_content(content_dir, rules, limits=limits, each_record=each_record)
    found.sort(key=lambda r: (KIND_ORDER.index(r.kind), r.relative))
    return Sources(content_dir, {r.relative: r for r in found}, problems, run)


@dataclass(frozen=True)
class TranslationFile:
    """A record's translation file in a language: its path, text (None: there is none) and
    parsed data."""

    path: Path
    display: str
    text: str | None
    data: Any

    @property
    def entries(self) -> dict[str, Entry]:
        return entries_of(self.data)


def translation_file(
    content_dir: Path, language: str, relative: str, limits: Limits
) -> TranslationFile:
    """Read a record's translation file; raises :class:`YamlFault` when it cannot be read, or
    holds something other than a mapping."""
    path = content_dir / translation_path(language, relative)
    display = display_path(path)
    if not path.exists():
        return TranslationFile(path, display, None, None)
    data = read_file(path, display, limits)
    if data is not None and not isinstance(data, LocatedMapping):
        raise YamlFault(
            Diagnostic(
                Location(display, 1, 1),
                f"expected a mapping of field paths to translations, found {type(data).__name__}",
                "translation-file",
            )
        )
    return TranslationFile(path, display, path.read_text("utf-8"), data)


def _babel_locale(language: str) -> str:
    return language.replace("-", "_")


@dataclass
class ExportCounts:
    translated: int = 0
    stale: int = 0
    missing: int = 0


def export_catalog(
    sources: Sources, language: str, limits: Limits | None = None
) -> tuple[bytes, ExportCounts]:
    """Every text of every translated record as a PO catalog in ``language``; raises
    :class:`YamlFault` for a translation file that cannot be read."""
    limits = limits or Limits()
    catalog = Catalog(
        locale=_babel_locale(language),
        header_comment=HEADER_COMMENT.format(language=language),
        project="privacy-pages",
        version="content",
        creation_date=_CREATED,
        fuzzy=False,
    )
    counts = ExportCounts()
    folder = sources.content_dir.name
    for record in sources.records.values():
        entries = translation_file(sources.content_dir, language, record.relative, limits).entries
        for path, (text, line) in record.fields.items():
            entry = entries.get(path)
            stale = entry is not None and entry.source != fingerprint(text)
            if entry is None or not entry.text:
                counts.missing += 1
            elif stale:
                counts.stale += 1
            else:
                counts.translated += 1
            message = Message(
                text,
                entry.text if entry is not None else "",
                locations=[(f"{folder}/{record.relative}", line)],
                flags=["fuzzy"] if stale else [],
                auto_comments=[f"source: {entry.source}"] if entry is not None else [],
                context=f"{record.relative}:{path}",
            )
            message.flags.difference_update(_FORMAT_FLAGS)
            catalog[text] = message
    buffer = io.BytesIO()
    write_po(buffer, catalog)
    created = dict(catalog.mime_headers)["POT-Creation-Date"]
    return buffer.getvalue().replace(f'"POT-Creation-Date: {created}\\n"\n'.encode(), b""), counts


@dataclass
class FileChange:
    """What an import does to one translation file."""

    display: str
    path: Path
    text: str
    added: int = 0
    updated: int = 0


@dataclass
class ImportPlan:
    """What an import would write, and what it found: nothing is written when it has errors."""

    files: list[FileChange] = field(default_factory=list)
    unchanged: int = 0
    #: Messages with no translation (empty ``msgstr``).
    untranslated: int = 0
    problems: Diagnostics = field(default_factory=Diagnostics)

    @property
    def added(self) -> int:
        return sum(change.added for change in self.files)

    @property
    def updated(self) -> int:
        return sum(change.updated for change in self.files)


def read_catalog(po_file: Path, display: str) -> Catalog:
    """A PO file's messages; raises :class:`YamlFault` (carrying the diagnostic) when it is
    not a valid PO file."""
    try:
        with po_file.open("rb") as handle:
            return read_po(handle, abort_invalid=True)
    except PoFileError as exc:
        where = Location(display, exc.lineno + 1, 1)
        raise YamlFault(Diagnostic(where, f"not a valid PO file: {exc}", RULE)) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise YamlFault(
            Diagnostic(Location(display, 1, 1), f"not a valid PO file: {exc}", RULE)
        ) from None
    except LookupError:  # babel decodes with the charset the header declares
        raise YamlFault(_unknown_charset(po_file, display)) from None


def _unknown_charset(po_file: Path, display: str) -> Diagnostic:
    """The header's ``charset=``, which names no text encoding Python knows, where it is."""
    data = po_file.read_bytes()
    at = data.find(b"charset=")
    line = data.count(b"\n", 0, at) + 1 if at >= 0 else 1
    column = at - data.rfind(b"\n", 0, at) if at >= 0 else 1
    named = re.match(rb"charset=([^\s\\\"]*)", data[at:]) if at >= 0 else None
    charset = named.group(1).decode("ascii", "replace") if named else "?"
    return Diagnostic(
        Location(display, line, column),
        f"the catalog's Content-Type header declares charset {charset!r}, which is no text "
        "encoding known here: save the file as UTF-8 and declare charset=UTF-8",
        RULE,
    )


def plan_import(
    sources: Sources,
    language: str,
    catalog: Catalog,
    po_display: str,
    limits: Limits | None = None,
) -> ImportPlan:
    """The translation files an import of ``catalog`` into ``language`` changes, with their new
    text; unknown contexts and unreadable translation files are errors."""
    limits = limits or Limits()
    plan = ImportPlan()
    header_language = catalog.locale_identifier
    if (
        header_language
        and _babel_locale(header_language).lower() != _babel_locale(language).lower()
    ):
        plan.problems.error(
            Location(po_display, 1, 1),
            f"the catalog's Language header is {header_language!r}, not {language!r}: import it "
            "into its own language",
            rule=RULE,
        )
    by_record: dict[str, dict[str, Entry]] = {}
    for message, record, path in _messages(sources, catalog, po_display, plan):
        entry = _entry(message, sources.records[record].fields[path][0], po_display, plan)
        if entry is not None:
            by_record.setdefault(record, {})[path] = entry
    for relative, imported in by_record.items():
        _plan_file(sources, language, sources.records[relative], imported, limits, plan)
    return plan


def _messages(
    sources: Sources, catalog: Catalog, po_display: str, plan: ImportPlan
) -> Iterator[tuple[Message, str, str]]:
    """The messages of the catalog with a translation, each with the record and field path its
    context names; the others are reported."""
    seen: dict[str, int] = {}
    for message in catalog:
        if not message.id:  # the header
            continue
        where = Location(po_display, message.lineno or 1, 1)
        context = message.context or ""
        split = _split_context(context, sources)
        if split is None:
            plan.problems.error(where, _unknown_context(context, sources), rule=RULE)
            continue
        if context in seen:
            plan.problems.error(
                where,
                f"msgctxt {context!r} appears twice (first at line {seen[context]}); keep one",
                rule=RULE,
            )
            continue
        seen[context] = where.line
        if isinstance(message.id, (list, tuple)):
            plan.problems.error(
                where, f"expected a message without plural forms ({context})", rule=RULE
            )
            continue
        if not message.string:
            plan.untranslated += 1
            continue
        yield message, *split


def _split_context(context: str, sources: Sources) -> tuple[str, str] | None:
    """The record and field path a msgctxt names, split at the first ``:`` that leaves a known
    record and one of its fields (a record path may hold ``:``, ids could too).

    Only the lengths of the known record paths are tried: trying each ``:`` of the context
    copied and hashed the text before it each time, quadratic in a long context."""
    for length in sorted({len(relative) for relative in sources.records}):
        if context[length : length + 1] != ":":
            continue
        record = sources.records.get(context[:length])
        if record is not None and context[length + 1 :] in record.fields:
            return record.relative, context[length + 1 :]
    return None


def _unknown_context(context: str, sources: Sources) -> str:
    if not context:
        return "expected a msgctxt '<record path>:<field path>', found a message without one"
    record_path, _, field_path = context.partition(":")
    for relative, record in sources.records.items():
        if context.startswith(f"{relative}:"):
            field_path = context[len(relative) + 1 :]
            hint = did_you_mean(field_path, record.fields, cutoff=0.7)
            return (
                f"expected the field path of a text in {relative}, found {field_path!r}{hint} "
                f"(msgctxt {context!r})"
            )
    hint = did_you_mean(record_path, sources.records)
    return f"msgctxt {context!r} names no record with text in the content folder{hint}"


def _entry(message: Message, current: str, po_display: str, plan: ImportPlan) -> Entry | None:
    where = Location(po_display, message.lineno or 1, 1)
    msgid, text = str(message.id), str(message.string)
    problem = not_text(text)
    if problem:  # checked as validate would check it in the translation file
        plan.problems.error(where, f"{message.context}: {problem}", rule=RULE)
        return None
    if message.fuzzy:  # the fingerprint it was translated from: it stays stale
        comment = next(
            (m.group(1) for c in message.auto_comments if (m := _SOURCE_COMMENT.match(c.strip()))),
            None,
        )
        if comment is None:
            plan.problems.add(
                Diagnostic(
                    where,
                    f"skipped: a fuzzy message with no '#. source:' comment ({message.context}); "
                    "without it the source its translation was made from is unknown. Clear the "
                    "fuzzy flag once the translation matches the text",
                    RULE,
                    Severity.WARNING,
                )
            )
            return None
        return Entry(comment, text)
    if msgid != current:
        plan.problems.add(
            Diagnostic(
                where,
                f"the source text of {message.context} changed since this catalog was "
                "exported: imported as translated from the earlier text, so it shows as stale",
                RULE,
                Severity.WARNING,
            )
        )
    return Entry(fingerprint(msgid), text)


def _plan_file(
    sources: Sources,
    language: str,
    record: SourceRecord,
    imported: dict[str, Entry],
    limits: Limits,
    plan: ImportPlan,
) -> None:
    try:
        found = translation_file(sources.content_dir, language, record.relative, limits)
    except YamlFault as fault:
        plan.problems.add(fault.diagnostic)
        return
    existing = found.entries
    present = found.data if isinstance(found.data, LocatedMapping) else {}
    changes = {path: entry for path, entry in imported.items() if existing.get(path) != entry}
    plan.unchanged += len(imported) - len(changes)
    if not changes:
        return
    # Editors read the first line for the file's schema (as they do in the records).
    schema = posixpath.relpath(
        "schemas/translation.schema.json",
        posixpath.dirname(f"{sources.content_dir.name}/translations/{language}/{record.relative}"),
    )
    header = (
        f"# yaml-language-server: $schema={schema}\n"
        f"# Translations of {sources.content_dir.name}/{record.relative} into {language}; "
        "see site-src/configuration/languages.md.\n"
    )
    text = updated_text(found.text, found.data, changes, list(record.fields), header, found.display)
    if text == found.text:  # pragma: no cover - a change always changes the text
        return
    added = sum(1 for path in changes if path not in present)
    plan.files.append(FileChange(found.display, found.path, text, added, len(changes) - added))
