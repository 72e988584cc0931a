"""Translations of the records, keyed to them: one file per record and language.

``content/translations/<language>/<record path>`` holds the translations of the record at
``content/<record path>`` (``translations/fr/products/intune.yml`` translates
``products/intune.yml``). It maps field paths (see :mod:`.text_fields`) to the translated
text and the fingerprint of the source text it was translated from::

    summary:
      source: 3f1c9a0b2d4e
      text: Le service de gestion des appareils et des applications Intune…

Only text is translated. Each record is read and checked once; a language's model is linked
from the source record's data with its texts replaced, so that structure (ids, requirements,
categories, retention periods, store types) always comes from the source.

A text whose source changed since it was translated is *stale*; one with no translation is
*missing*. Both are reported (rules ``translation-stale`` and ``translation-missing``), and
the page shows the source text or the earlier translation there with a notice, never silently.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from ..diagnostics import Diagnostic, Diagnostics, Location, Severity, display_path
from ..hints import did_you_mean
from ..model import Dataset
from .builder import DatasetBuilder
from .content import CatalogEdits, catalog_edits, link_record, names_any
from .discovery import record_kind
from .metadata import MetadataRules
from .record_files import ContentCache, RecordFile
from .text_fields import (
    FACT_VALUES,
    METADATA_TEXT,
    STRUCTURE_KEYS,
    fingerprint,
    replace_texts,
    text_fields,
)
from .yaml_source import Limits, LocatedMapping, YamlFault, read_file

#: The folder of the content folder that holds the translations.
TRANSLATIONS_DIR = "translations"
#: The kinds of record that have text to translate.
TRANSLATED_KINDS = frozenset({"categories", "catalog", "product", "comparisons"})
#: What a page shows where a translation is stale: the source text, or the earlier translation.
StaleShows = Literal["source", "previous"]
#: What a text that is not a current translation shows: the source text or an earlier
#: translation (each with a notice), or the source text of a product with no translation at all
#: (``untranslated``: its page says so once, at its top).
Shown = Literal["source", "previous", "untranslated"]


class TextState(StrEnum):
    """Where a text field of a record stands in a language."""

    TRANSLATED = "translated"
    #: Translated from a source text that has changed since.
    STALE = "stale"
    MISSING = "missing"


@dataclass(frozen=True)
class TranslatedText:
    """One entry of a translation file."""

    path: str
    text: str
    #: The fingerprint of the source text it was translated from.
    source: str
    location: Location


@dataclass
class RecordTranslation:
    """Where one record stands in one language: each text field's state."""

    record: str
    #: The translation file, as shown to writers (None: the record has none in the language).
    file: str | None
    states: dict[str, TextState] = field(default_factory=dict)

    def count(self, state: TextState) -> int:
        return sum(1 for found in self.states.values() if found is state)


@dataclass
class Language:
    """A language's content: its model, the texts shown in the source language instead (with
    why), and where each record stands."""

    language: str
    dataset: Dataset
    #: Text shown on the language's pages that is not a current translation → what it is: the
    #: source text (``source``) or an earlier translation (``previous``), so that the page
    #: says so where it shows it.
    fallbacks: dict[str, Shown] = field(default_factory=dict)
    #: The record files with no translation at all in the language.
    untranslated: set[str] = field(default_factory=set)
    #: Each current translation → the source text it translates (a heading made from it keeps
    #: the id the source text gives it, which links in the records use).
    sources: dict[str, str] = field(default_factory=dict)
    records: dict[str, RecordTranslation] = field(default_factory=dict)
    #: What each record's texts add to ``fallbacks``, by the record's file: a product's, and
    #: the other records' but the catalog's (which every page may show; a catalog item's are
    #: compared with each page that shows the item). ``mkdocs serve`` renders again a page
    #: whose records' fallbacks changed, even when its text did not (a notice is added).
    product_fallbacks: dict[Path, tuple[tuple[str, Shown, bool], ...]] = field(default_factory=dict)
    shared_fallbacks: dict[Path, tuple[tuple[str, Shown, bool], ...]] = field(default_factory=dict)


@dataclass
class Effects:
    """What translating one record in one language found: kept with the product it made, so
    that a rebuild that reuses the product finds the same."""

    status: RecordTranslation = field(default_factory=lambda: RecordTranslation("", None))
    untranslated: bool = False
    #: (text, what it is, whether it replaces an earlier state of the same text)
    fallbacks: list[tuple[str, Shown, bool]] = field(default_factory=list)
    #: (translation, source text) of each current translation.
    translated: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)

    def report(
        self,
        where: Location,
        message: str,
        rule: str,
        key_path: str = "",
        severity: Severity = Severity.WARNING,
    ) -> None:
        self.problems.append(Diagnostic(where, message, rule, severity, key_path))


@dataclass
class Linked:
    """A product linked in a language, with what it was made from and what was found."""

    inputs: tuple[Any, ...]
    effects: Effects
    product: Any


def translation_path(language: str, record: str) -> PurePosixPath:
    """The translation file of a record (its path inside the content folder)."""
    return PurePosixPath(TRANSLATIONS_DIR, language, record)


def found_languages(content_dir: Path) -> tuple[str, ...]:
    """The languages the content folder has translations for (its folders under
    ``translations/``), in order."""
    folder = content_dir / TRANSLATIONS_DIR
    if not folder.is_dir():
        return ()
    return tuple(
        sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    )


def record_path(path: Path, content_dir: Path, content_abs: str | None = None) -> str:
    """A record's path inside the content folder, as discovery found it (a record linked from
    elsewhere keeps the name it has in the folder): what names its translation files.
    ``content_abs``: the folder's absolute path with a trailing separator, when known."""
    # Records are found under the folder as written: resolving asked the file system about
    # every folder on the way, for every record, at every rebuild under ``mkdocs serve``.
    under = content_abs or os.path.join(os.path.abspath(content_dir), "")
    written = os.path.abspath(path)
    if written.startswith(under) and ".." not in path.parts:
        return Path(written[len(under) :]).as_posix()
    try:
        return path.resolve().relative_to(content_dir.resolve()).as_posix()
    except ValueError:
        return path.name


class TranslationRun:
    """Builds each language's model as the source records are linked (see
    ``load_content(each_record=...)``), and reports stale, missing and misplaced
    translations."""

    def __init__(
        self,
        content_dir: Path,
        languages: Iterable[str],
        *,
        rules: MetadataRules | None = None,
        limits: Limits | None = None,
        stale_shows: StaleShows = "source",
        cache: ContentCache | None = None,
    ) -> None:
        self.content_dir = content_dir
        self._content_abs = os.path.join(os.path.abspath(content_dir), "")
        self.cache = cache
        self.limits = limits or Limits()
        self.stale_shows = stale_shows
        self.problems = Diagnostics()
        #: The same problems, by the language whose translations they are about.
        self.problems_by_language: dict[str, list[Diagnostic]] = {}
        self.languages: dict[str, Language] = {}
        self._builders: dict[str, DatasetBuilder] = {}
        self._files: dict[str, dict[str, Path]] = {}  # language → record → translation file
        self._records: set[str] = set()
        #: The languages in which a record products refer to changed since the last rebuild.
        self._changed: set[str] = set()
        #: By language, the catalog items changed since the last rebuild (see
        #: :func:`~.content.catalog_edits`), worked out at its first product.
        self._items: dict[str, CatalogEdits] = {}
        #: The records products may refer to (stores, categories, the catalog), as linked.
        self._referred: list[str] = []
        #: The current translations of each language, as text (see :meth:`finish`).
        self._translated: dict[str, set[str]] = {}
        for language in dict.fromkeys(languages):
            # The language's own builder: what it reports repeats the source's problems.
            builder = DatasetBuilder(
                Diagnostics(),
                rules or MetadataRules(),
                self.limits.max_text_chars,
                checks_text=False,
            )
            self._builders[language] = builder
            self.languages[language] = Language(language, builder.dataset)
            self._files[language] = self._translation_files(language)
            self._translated[language] = set()

    def _translation_files(self, language: str) -> dict[str, Path]:
        folder = self.content_dir / TRANSLATIONS_DIR / language
        found: dict[str, Path] = {}
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.suffix in (".yml", ".yaml") and path.is_file():
                    found[path.relative_to(folder).as_posix()] = path
        return found

    def record(self, record: RecordFile) -> None:
        """A source record just linked: link it in every language, its texts translated."""
        relative = self._relative(record.path)
        self._records.add(relative)
        if record.kind in ("stores", "categories", "catalog"):
            self._referred.append(relative)
        fields: list[tuple[str, str, Location]] | None = None  # the same in every language
        for language, builder in self._builders.items():
            if record.kind not in TRANSLATED_KINDS:  # the store tables: linked as they are
                if self.cache is not None:
                    kept_tables = self.cache.linked.get((language, relative))
                    if not isinstance(kept_tables, Linked) or kept_tables.inputs[0] is not (
                        record.data
                    ):
                        self._changed.add(language)
                    self.cache.linked[(language, relative)] = Linked(
                        (record.data,), Effects(), None
                    )
                link_record(builder, record)
                continue
            path = self._files[language].get(relative)
            parsed = self._parsed(path, display_path(path)) if path is not None else None
            inputs = (record.data, parsed, self.stale_shows, builder.rules, builder.max_text)
            kept = self._kept(language, relative, record.kind, inputs)
            if kept is not None:  # as last rebuild: its product and what it found, again
                self._apply(language, kept.effects, record)
                builder.dataset.products[kept.product.id] = kept.product
                continue
            effects = Effects()
            if fields is None:
                fields = [(key, text, where) for key, text, where in text_fields(record.data)]
            data = self._translate(language, relative, record, parsed, fields, effects)
            self._apply(language, effects, record)
            made = link_record(builder, RecordFile(record.path, record.display, record.kind, data))
            if self.cache is not None:
                self.cache.linked[(language, relative)] = Linked(inputs, effects, made)

    def _relative(self, path: Path) -> str:
        return record_path(path, self.content_dir, self._content_abs)

    def _kept(
        self, language: str, relative: str, kind: str, inputs: tuple[Any, ...]
    ) -> Linked | None:
        """Under ``mkdocs serve``, a product linked the last rebuild from the same parsed
        record and translation (the same objects: their files have not changed), when nothing
        it refers to changed either; None otherwise. Each language's model would otherwise be
        linked anew on every rebuild."""
        if self.cache is None:
            return None
        kept: Linked | None = self.cache.linked.get((language, relative))
        same = kept is not None and all(map(_same, kept.inputs, inputs))
        if kind == "catalog":  # its items are compared at the first product
            return None
        if kind != "product":  # what products refer to: a change relinks every product
            if not same:
                self._changed.add(language)
            return None
        if language not in self._items:  # the first product: the whole catalog is linked
            self._items[language] = catalog_edits(
                self.cache.linked, language, self._builders[language]
            )
            referred = tuple(self._referred)  # (a file of them gone, too)
            if referred != self.cache.linked.get((language, "referred")):
                self._changed.add(language)
            self.cache.linked[(language, "referred")] = referred
        items = self._items[language]
        if not same or language in self._changed or kept is None or kept.product is None:
            return None
        return None if names_any(kept.product, items) else kept

    def _apply(self, language: str, effects: Effects, record: RecordFile) -> None:
        state = self.languages[language]
        if record.kind == "product":
            state.product_fallbacks[record.path] = tuple(effects.fallbacks)
        elif record.kind != "catalog":
            state.shared_fallbacks[record.path] = tuple(effects.fallbacks)
        state.records[effects.status.record] = effects.status
        if effects.untranslated:
            state.untranslated.add(effects.status.record)
        for text, shown, replace in effects.fallbacks:
            # A notice wins over a text marked only as English (the same text elsewhere).
            earlier = state.fallbacks.get(text)
            if replace or (earlier == "untranslated" and shown != "untranslated"):
                state.fallbacks[text] = shown
            else:
                state.fallbacks.setdefault(text, shown)
        self._translated[language].update(text for text, _ in effects.translated)
        state.sources.update(effects.translated)
        self.problems.extend(effects.problems)
        self.problems_by_language.setdefault(language, []).extend(effects.problems)

    def _translate(
        self,
        language: str,
        relative: str,
        record: RecordFile,
        parsed: Any,
        fields: list[tuple[str, str, Location]],
        effects: Effects,
    ) -> Any:
        """The record's data with its texts in ``language`` (``fields``: its text fields);
        what it finds goes to ``effects``."""
        path = self._files[language].get(relative)
        display = display_path(path) if path is not None else None
        entries = self._read(parsed, display, effects) if display is not None else None
        status = effects.status = RecordTranslation(record.display, display)
        if entries is None:
            effects.untranslated = True
            if fields:
                expected = translation_path(language, relative)
                effects.report(
                    record.data.location
                    if hasattr(record.data, "location")
                    else Location(record.display, 1, 1),
                    f"has no translation into {language!r}: expected "
                    f"content/{expected} ({len(fields)} text field{'s' if len(fields) != 1 else ''})",
                    "translation-missing",
                )
            # A product's page says so once, at its top; its texts are still marked English.
            marked: Shown = "untranslated" if record.kind == "product" else "source"
            for key, text, _ in fields:
                status.states[key] = TextState.MISSING
                effects.fallbacks.append((text, marked, False))
            return record.data
        texts: dict[str, str] = {}
        known = {key for key, _, _ in fields}
        for key, text, where in fields:
            entry = entries.get(key)
            if entry is None:
                status.states[key] = TextState.MISSING
                effects.fallbacks.append((text, "source", False))
                effects.report(
                    where,
                    f"has no translation into {language!r} in {display}",
                    "translation-missing",
                    key,
                )
            elif entry.source != fingerprint(text):
                status.states[key] = TextState.STALE
                effects.report(
                    entry.location,
                    f"is stale: the source text at {where} changed since it was translated "
                    f"(fingerprint {entry.source}, now {fingerprint(text)}); update the "
                    "translation and its source fingerprint",
                    "translation-stale",
                    key,
                )
                shown = entry.text if self.stale_shows == "previous" else text
                texts[key] = shown
                effects.fallbacks.append((shown, self.stale_shows, True))
            else:
                status.states[key] = TextState.TRANSLATED
                texts[key] = entry.text
                effects.translated.append((entry.text, text))
        # Texts the record lost to its own errors: its translations wait until they are fixed.
        damaged = bool(record.emptied or record.left_out)
        for key, entry in entries.items():
            if key not in known and not damaged:
                self._unused(record, key, entry, known, effects)
        return replace_texts(record.data, texts)

    def _unused(
        self,
        record: RecordFile,
        key: str,
        entry: TranslatedText,
        known: set[str],
        effects: Effects,
    ) -> None:
        """An entry whose field path names no text of the record: structure (an error: only
        text is translated), or a text the record no longer has (a warning, as gettext keeps
        obsolete messages: removing English text does not break the build)."""
        last = key.rsplit(".", 1)[-1].split("[", 1)[0]
        if last in STRUCTURE_KEYS or (key.startswith("metadata.") and last not in METADATA_TEXT):
            effects.report(
                entry.location,
                f"expected the field path of a text, found {key!r}, which is structure: it "
                f"comes from {record.display} in every language; remove this entry",
                "translation-path",
                key,
                Severity.ERROR,
            )
            return
        hint = did_you_mean(key, known, cutoff=0.7)
        effects.report(
            entry.location,
            f"translates no text of {record.display}: it has no text at {key!r}{hint} (removed "
            "or moved since it was translated); its translation is not used, so remove it or "
            "move it to the text's field path",
            "translation-unused",
            key,
        )

    def _read(self, data: Any, display: str, effects: Effects) -> dict[str, TranslatedText] | None:
        """The entries of a parsed translation file, by field path; what is wrong with it
        goes to ``effects``."""
        if isinstance(data, YamlFault):
            effects.problems.append(data.diagnostic)
            return {}
        if data is None:
            return {}
        if not isinstance(data, LocatedMapping):
            effects.report(
                Location(display, 1, 1),
                f"expected a mapping of field paths to translations, found {type(data).__name__}",
                "translation-file",
                severity=Severity.ERROR,
            )
            return {}
        # Translated text is checked as the source's is (characters, links).
        checked = Diagnostics()
        DatasetBuilder(checked, MetadataRules(), self.limits.max_text_chars).check_text(data, "")
        effects.problems.extend(checked.items)
        entries: dict[str, TranslatedText] = {}
        for key, value in data.items():
            where = data.where_key(key)
            if (
                not isinstance(value, LocatedMapping)
                or not isinstance(value.get("text"), str)
                or not isinstance(value.get("source"), str)
                or set(value) - {"text", "source"}
            ):
                effects.report(
                    where,
                    "expected `source:` (the fingerprint of the source text) and `text:` (the "
                    f"translation) under the field path {key!r}",
                    "translation-file",
                    key,
                    Severity.ERROR,
                )
                continue
            problem = not_text(value["text"])
            if problem:  # it would change what the page says, not how it says it
                effects.report(
                    value.where_key("text"), problem, "translation-file", key, Severity.ERROR
                )
                continue
            entries[str(key)] = TranslatedText(str(key), value["text"], value["source"], where)
        return entries

    def _parsed(self, path: Path, display: str) -> Any:
        """A translation file's located data (or the fault that stopped reading it), kept
        between the rebuilds of ``mkdocs serve`` while the file does not change: a file found
        clean then is not checked again either."""
        stamp: tuple[int, int] | None = None
        if self.cache is not None:
            try:
                stat = path.stat()
            except OSError:
                pass
            else:
                stamp = (stat.st_mtime_ns, stat.st_size)
                kept = self.cache.translations.get(path)
                if kept is not None and kept[0] == stamp:
                    return kept[1]
        try:
            data: Any = read_file(path, display, self.limits)
        except YamlFault as fault:
            data = fault
        if self.cache is not None and stamp is not None:
            self.cache.translations[path] = (stamp, data)
        return data

    def finish(self, source: Dataset) -> Diagnostics:
        """Complete each language's model from the source's, and report translation files
        that translate no record."""
        if self.cache is not None:  # a record back after a rebuild without it is linked anew
            linked = self.cache.linked
            for key in [key for key, value in linked.items() if isinstance(value, Linked)]:
                if key[0] in self.languages and key[1] not in self._records:
                    del linked[key]
        for language, state in self.languages.items():
            # A text that is also a current translation (a product's name, the same in both
            # languages) is not marked: a page cannot tell the two apart where it shows it.
            translated = self._translated[language]
            state.fallbacks = {
                text: shown for text, shown in state.fallbacks.items() if text not in translated
            }
            dataset = state.dataset
            dataset.files, dataset.loaded = source.files, source.loaded
            dataset.unread_products, dataset.emptied = source.unread_products, source.emptied
            dataset.records = {}
            for relative, path in self._files[language].items():
                if relative not in self._records:
                    message = (
                        f"translates content/{relative}, which is not a record of the site; "
                        f"move it to the record's path under {TRANSLATIONS_DIR}/{language}/, "
                        "or remove it"
                    )
                    where = Location(display_path(path), 1, 1)
                    unused = Diagnostic(where, message, "translation-unused", Severity.WARNING)
                    self.problems.add(unused)
                    self.problems_by_language.setdefault(language, []).append(unused)
        return self.problems


#: What a release keeps of one record's translations in one language: field path →
#: ``{"source": fingerprint of the source text, "text": translation}``.
KeptTranslations = dict[str, dict[str, str]]


def current_translations(
    content_dir: Path,
    records: Mapping[str, Any],
    *,
    limits: Limits | None = None,
) -> tuple[dict[str, dict[str, KeptTranslations]], Diagnostics]:
    """The translations of ``records`` (their located data, by path in the content folder)
    current now, in every language of ``translations/``: by language and record path, only the
    entries whose source fingerprint is that of the record's text at their field path (a stale
    translation, or one of a text the record no longer has, is left out). What is wrong with
    a translation file (its shape, its text) is returned with them."""
    run = TranslationRun(content_dir, found_languages(content_dir), limits=limits)
    found: dict[str, dict[str, KeptTranslations]] = {}
    for language in run.languages:
        kept: dict[str, KeptTranslations] = {}
        for relative, data in sorted(records.items()):
            path = run._files[language].get(relative)
            if path is None or record_kind(Path(relative)) not in TRANSLATED_KINDS:
                continue
            effects = Effects()
            display = display_path(path)
            entries = run._read(run._parsed(path, display), display, effects)
            run.problems.extend(effects.problems)
            current = {
                key: {"source": entries[key].source, "text": entries[key].text}
                for key, text, _ in text_fields(data)
                if entries and key in entries and entries[key].source == fingerprint(text)
            }
            if current:
                kept[relative] = current
        found[language] = kept
    return found, run.problems


def _same(before: Any, now: Any) -> bool:
    """Whether an input of a linked record is as last rebuild: parsed data is the same object
    (the cache gives it again only while its file is unchanged); settings are equal."""
    if isinstance(now, (dict, list, YamlFault)) or now is None:
        return before is now
    return bool(before == now)


def not_text(text: str) -> str | None:
    """Why a translated text is not one: empty (the page would say nothing where the record
    says something), or a value the record format reserves (``not-stated``: the language's
    pages and comparison would read it as the fact, not as words)."""
    if not text.strip():
        return (
            "expected translated text, found an empty text; remove the entry to show the "
            "source text until it is translated"
        )
    if text.strip() in FACT_VALUES:  # as the record format reads them (a source text never is)
        return (
            f"expected translated text, found {text.strip()!r}, a value the record format "
            "reserves for a fact; translate the words, or remove the entry"
        )
    return None
