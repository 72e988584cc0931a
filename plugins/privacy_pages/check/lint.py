"""Running the lint rules on a loaded Dataset, with the severities a site configured.

Rules run after the content has loaded, on the :class:`~privacy_pages.model.Dataset` and the
located YAML data kept in ``Dataset.records``, so every finding names a file, line and column.
A site sets any rule's severity, or turns it off, with the ``lint`` option of the plugin in
``mkdocs.yml`` (or ``[tool.privacy-pages.lint]`` in ``pyproject.toml``), read by
:mod:`.lint_config`. A file the loader refused keeps its error, so that a page cannot disappear
behind a warning.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date

from ..diagnostics import Diagnostic, Diagnostics
from ..model import Dataset
from .lint_config import LintConfig
from .rule import Finding, LintContext, RecordLookups, Rule
from .rules import RULES, RULES_BY_ID


def run_rules(
    dataset: Dataset,
    config: LintConfig | None = None,
    *,
    today: date,
    complete: bool = True,
    rules: Iterable[Rule] = RULES,
) -> list[Diagnostic]:
    """Run every enabled rule on the dataset; one diagnostic per finding."""
    config = config or LintConfig()
    found: list[Diagnostic] = []
    lookups = RecordLookups(dataset)
    for rule in rules:
        severity = config.severity(rule)
        if severity is None or rule.check is None:
            continue
        context = LintContext(dataset, today, config.options(rule), complete, lookups)
        for finding in rule.check(context):
            if _follows_an_error(finding, dataset):
                continue
            found.append(
                Diagnostic(finding.location, finding.message, rule.id, severity, finding.key_path)
            )
    return found


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
    dataset: Dataset, problems: Diagnostics, config: LintConfig | None
) -> Diagnostics:
    """The loader's problems with the configured severities of lint rules applied (a rule
    turned off drops its problems)."""
    config = config or LintConfig()
    result = Diagnostics()
    for problem in problems.items:
        rule = RULES_BY_ID.get(problem.rule)
        if rule is None or problem.location.path not in dataset.records:
            # Not a lint rule, or its file did not load: a page must not vanish quietly, so
            # the loader's severity stands.
            result.add(problem)
            continue
        severity = config.severity(rule)
        if severity is not None:
            result.add(dataclasses.replace(problem, severity=severity))
    return result
