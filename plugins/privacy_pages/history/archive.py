"""Every published version of a statement, from the records each release keeps.

A release recorded in format 2 keeps its product, catalog, category and store records; they
are linked here into the dataset of that release, from which its pages are rendered with
today's templates (an archived version reads like the current page). A release recorded in
format 1 kept only what its statements meant: it has no dataset, and its pages say so rather
than make one up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Diagnostics, Location, Severity
from ..load.content import link_records
from ..load.metadata import MetadataRules
from ..model import Dataset, Product
from .releases import History, Release


@dataclass
class Archive:
    """The datasets of a history's releases, each linked once, when first asked for."""

    history: History
    rules: MetadataRules = field(default_factory=MetadataRules)
    _datasets: dict[str, Dataset | None] = field(default_factory=dict)
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

    def product(self, release: Release, product_id: str) -> tuple[Dataset, Product] | None:
        """The release's dataset and its version of a statement, if it has one."""
        dataset = self.dataset(release)
        if dataset is None or product_id not in dataset.products:
            return None
        return dataset, dataset.products[product_id]


__all__ = ["Archive"]
