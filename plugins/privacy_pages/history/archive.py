"""Every published version of a statement, from the records each release keeps.

A release recorded in format 2 keeps its product, catalog, category and store records; they
are linked here into the dataset of that release, from which its pages are rendered with
today's templates (an archived version reads like the current page). A release recorded in
format 1 kept only what its statements meant: it has no dataset, and its pages say so rather
than make one up.

A release recorded in format 3 also keeps the translations current when it was made; its
dataset in another language is linked from its records with those texts in place, and what
had no current translation is its English text, which the pages mark as English (a release
that kept no translation of a statement in the language shows the statement in English, and
says so).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Diagnostics, Location, Severity
from ..load.content import link_records
from ..load.discovery import record_kind
from ..load.metadata import MetadataRules
from ..load.text_fields import fingerprint, replace_texts, text_fields
from ..load.translations import TRANSLATED_KINDS, Language, Shown
from ..load.yaml_source import located
from ..model import Dataset, Product
from .releases import History, Release


@dataclass
class Archive:
    """The datasets of a history's releases, each linked once, when first asked for."""

    history: History
    rules: MetadataRules = field(default_factory=MetadataRules)
    _datasets: dict[str, Dataset | None] = field(default_factory=dict)
    _languages: dict[tuple[str, str], Language | None] = field(default_factory=dict)
    #: What linking a release's records found (a record the site's rules no longer accept):
    #: one warning per release, at its file.
    problems: Diagnostics = field(default_factory=Diagnostics)

    def dataset(self, release: Release, *, every: bool = False) -> Dataset | None:
        """The release's dataset, with the statements it published or changed (``every``:
        all it holds); ``None`` for a format 1 release (no records)."""
        key = f"{release.version}{'*' if every else ''}"
        if key not in self._datasets:
            self._datasets[key] = self._link(release, None if every else set(release.products))
        return self._datasets[key]

    def _link(self, release: Release, products: set[str] | None) -> Dataset | None:
        records = release.snapshot.records
        if records is None:
            return None
        display = release.snapshot.source or f"history/{release.version}.json"
        dataset, found = link_records(records, display, self.rules, products=products)
        if found.errors:
            first = found.sorted()[0]
            self.problems.add(
                Diagnostic(
                    Location(display),
                    f"release {release.version}: {len(found.errors)} problem(s) linking its "
                    f"records as the site reads them today (first: {first.message}); its "
                    "archived pages show what links",
                    "snapshot",
                    Severity.WARNING,
                )
            )
        return dataset

    def language(self, release: Release, language: str) -> Language | None:
        """The release in ``language``: its dataset (the statements it published or changed)
        linked with the translations it kept, and the texts shown in English instead;
        ``None`` for a release without records."""
        key = (release.version, language)
        if key not in self._languages:
            self._languages[key] = self._link_language(release, language)
        return self._languages[key]

    def _link_language(self, release: Release, language: str) -> Language | None:
        records = release.snapshot.records
        if records is None:
            return None
        display = release.snapshot.source or f"history/{release.version}.json"
        kept = release.snapshot.translated(language)
        view = Language(language, Dataset())
        translated: dict[str, Any] = {}
        for relative, data in records.items():
            kind = record_kind(Path(relative))
            if kind not in TRANSLATED_KINDS:
                translated[relative] = data
                continue
            where = Location(f"{display}#records/{relative}", 1, 1)
            record = located(data, where)
            entries = kept.get(relative) or {}
            if not entries:
                view.untranslated.add(where.path)
            # A statement the release kept no translation of says so once, at its top.
            marked: Shown = "untranslated" if not entries and kind == "product" else "source"
            texts: dict[str, str] = {}
            for key, text, _ in text_fields(record):
                entry = entries.get(key)
                if entry is not None and entry["source"] == fingerprint(text):
                    texts[key] = entry["text"]
                    view.sources[entry["text"]] = text
                else:  # no translation current then: the English text, marked as such
                    view.fallbacks.setdefault(text, marked)
            translated[relative] = replace_texts(record, texts)
        for text in view.sources:  # a text that is also a translation is not marked
            view.fallbacks.pop(text, None)
        dataset, _ = link_records(translated, display, self.rules, products=set(release.products))
        view.dataset = dataset
        return view

    def product(self, release: Release, product_id: str) -> tuple[Dataset, Product] | None:
        """The release's dataset and its version of a statement, if it has one."""
        dataset = self.dataset(release)
        if dataset is None or product_id not in dataset.products:
            return None
        return dataset, dataset.products[product_id]


__all__ = ["Archive"]
