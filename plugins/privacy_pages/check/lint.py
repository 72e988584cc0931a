"""Running the lint rules on a loaded Dataset, with the severities a site configured.

Rules run on the :class:`~privacy_pages.model.Dataset` and the located YAML data of the
records, so every finding names a file, line and column: the per-record rules on each product
as it loads (see :class:`LintRun`), the rest once the content has loaded.
A site sets any rule's severity, or turns it off, with the ``lint`` option of the plugin in
``mkdocs.yml`` (or ``[tool.privacy-pages.lint]`` in ``pyproject.toml``), read by
:mod:`.lint_config`. A file the loader refused keeps its error, so that a page cannot disappear
behind a warning.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from typing import Any

from ..diagnostics import Diagnostic, Diagnostics, Severity
from ..model import Controller, Dataset, Product
from .lint_config import LintConfig
from .rule import Check, Finding, LintContext, RecordLookups, Rule
from .rules import RULES, RULES_BY_ID


def run_rules(
    dataset: Dataset,
    config: LintConfig | None = None,
    *,
    today: date,
    complete: bool = True,
    rules: Iterable[Rule] = RULES,
    controller: Controller | None = None,
) -> list[Diagnostic]:
    """Run every enabled rule on the dataset and its records; one diagnostic per finding."""
    run = LintRun(config, today=today, rules=rules, controller=controller)
    return run.finish(dataset, complete=complete)


class LintRun:
    """The rules of one check of the content, with the severities a site configured.

    A build hands each product to :meth:`product` as soon as it is loaded: the per-record
    rules (:attr:`Rule.per_record`) read its located record there, which is then freed.
    :meth:`finish` runs the other rules on the whole content, and the per-record rules on the
    records and products not checked yet; it returns every finding.
    """

    def __init__(
        self,
        config: LintConfig | None = None,
        *,
        today: date,
        rules: Iterable[Rule] = RULES,
        controller: Controller | None = None,
    ) -> None:
        self.config = config or LintConfig()
        self.today = today
        #: The site's controller, which the products that name none have.
        self.controller = controller
        self.rules: list[tuple[Rule, Check, Severity]] = []
        for rule in rules:
            severity = self.config.severity(rule)
            if severity is not None and rule.check is not None:
                self.rules.append((rule, rule.check, severity))
        self.found: list[tuple[Rule, Severity, Finding]] = []
        #: The product files checked one by one (by path, as shown to writers).
        self.checked: set[str] = set()
        #: Each rule's :attr:`LintContext.shared`, the same for every product of the run.
        self.shared: dict[str, dict[str, Any]] = {rule.id: {} for rule, _, _ in self.rules}

    def product(self, dataset: Dataset, display: str, record: Any, product: Product | None) -> None:
        """Run the per-record rules on one product file, as loaded: its located ``record`` and
        the ``product`` made of it (None: loading refused it; its text is still checked)."""
        records = {display: record}
        lookups = RecordLookups(records)
        checked = (product,) if product is not None else ()
        for rule, check, severity in self.rules:
            if rule.per_record:
                options = self.config.options(rule)
                context = LintContext(
                    dataset,
                    self.today,
                    options,
                    True,
                    lookups,
                    records,
                    checked,
                    self.shared[rule.id],
                    self.controller,
                )
                self.found += ((rule, severity, finding) for finding in check(context))
        self.checked.add(display)

    def finish(self, dataset: Dataset, *, complete: bool = True) -> list[Diagnostic]:
        """Every finding: those of :meth:`product`, then those of the rules run now."""
        records = {path: r for path, r in dataset.records.items() if path not in self.checked}
        unchecked = tuple(p for p in dataset.products.values() if p.source.path not in self.checked)
        lookups = RecordLookups(records)
        for rule, check, severity in self.rules:
            options, shared = self.config.options(rule), self.shared[rule.id]
            if rule.per_record:
                context = LintContext(
                    dataset,
                    self.today,
                    options,
                    complete,
                    lookups,
                    records,
                    unchecked,
                    shared,
                    self.controller,
                )
            else:  # the whole content (a product's record is there only if it was kept)
                context = LintContext(
                    dataset,
                    self.today,
                    options,
                    complete,
                    lookups,
                    records,
                    None,
                    shared,
                    self.controller,
                )
            self.found += ((rule, severity, finding) for finding in check(context))
        return [
            Diagnostic(finding.location, finding.message, rule.id, severity, finding.key_path)
            for rule, severity, finding in self.found
            if not _follows_an_error(finding, dataset)
        ]


def _follows_an_error(finding: Finding, dataset: Dataset) -> bool:
    """Whether a finding is about a value the writer did fill in, with an invalid part that
    was left out and reported already: ``storage.retention`` is not "missing" when its only
    entry lacked a ``period``."""
    if not finding.key_path:
        return False
    # Only the value itself, or one inside it: a finding about the item that holds a wrong
    # value elsewhere (an item without a control, whose details were invalid) still stands.
    return any(
        finding.key_path == emptied or finding.key_path.startswith((emptied + ".", emptied + "["))
        for emptied in dataset.emptied.get(finding.location.path, ())
    )


def configure_severities(
    dataset: Dataset,
    problems: Diagnostics,
    config: LintConfig | None,
    *,
    loaded_only: bool = True,
) -> Diagnostics:
    """The loader's problems with the configured severities of lint rules applied (a rule
    turned off drops its problems). With ``loaded_only``, only to problems of files that
    loaded; the translations' problems are in files of their own."""
    config = config or LintConfig()
    result = Diagnostics()
    for problem in problems.items:
        rule = RULES_BY_ID.get(problem.rule)
        if rule is None or (loaded_only and problem.location.path not in dataset.loaded):
            # Not a lint rule, or its file did not load: a page must not vanish quietly, so
            # the loader's severity stands.
            result.add(problem)
            continue
        severity = config.severity(rule)
        if severity is not None:
            result.add(dataclasses.replace(problem, severity=severity))
    return result
