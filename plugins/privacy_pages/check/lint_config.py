"""The ``lint`` option: the severity and options a site sets for each rule::

    lint:
      unused-catalog-item: info
      stale-date: {severity: warning, max_age_days: 730}
      insecure-link: off

Rules the site does not mention keep their defaults; a mistake in the option names what was
expected."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Severity
from ..hints import did_you_mean_of_all
from .rule import Rule
from .rules import RULES_BY_ID

#: What a site may write as a rule's severity. ``off`` turns the rule off.
SEVERITY_NAMES = ("error", "warning", "info", "off")


class LintConfigError(ValueError):
    """A problem in the ``lint`` option."""


@dataclass(frozen=True)
class RuleSetting:
    severity: Severity | None
    options: Mapping[str, Any]


@dataclass(frozen=True)
class LintConfig:
    """Severities and options a site sets; rules it does not mention keep their defaults."""

    overrides: Mapping[str, RuleSetting] = field(default_factory=dict)
    #: The completeness profiles the site answers to (option ``completeness``).
    profiles: tuple[str, ...] = ()

    def severity(self, rule: Rule) -> Severity | None:
        setting = self.overrides.get(rule.id)
        if setting is not None:
            return setting.severity
        if rule.profile is not None and rule.profile not in self.profiles:
            return None  # a site that does not answer to the law sees nothing of it
        return rule.default_severity

    def options(self, rule: Rule) -> dict[str, Any]:
        setting = self.overrides.get(rule.id)
        return {**rule.options, **(setting.options if setting is not None else {})}


def _severity(value: Any, where: str) -> Severity | None:
    if value is False:  # YAML 1.1 reads a bare `off` as false
        return None
    text = str(value).lower() if isinstance(value, str) else None
    if text == "off":
        return None
    if text in {"error", "warning", "info"}:
        return Severity(text)
    raise LintConfigError(
        f"{where}: expected one of {', '.join(SEVERITY_NAMES)}, found {value!r}"
        + (did_you_mean_of_all(text, SEVERITY_NAMES) if text else "")
    )


def _option(rule: Rule, name: str, value: Any, where: str) -> Any:
    default = rule.options[name]
    if isinstance(default, bool):
        ok, wanted = isinstance(value, bool), "true or false"
    elif isinstance(default, int):
        ok, wanted = isinstance(value, int) and not isinstance(value, bool), "a whole number"
        ok = ok and value >= 0
    elif isinstance(default, float):
        ok, wanted = isinstance(value, (int, float)) and not isinstance(value, bool), "a number"
    elif isinstance(default, tuple):
        ok = isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)
        wanted = "a list of text"
        value = tuple(value) if ok else value
    else:
        ok, wanted = isinstance(value, str) and bool(value), "text"
    if not ok:
        raise LintConfigError(f"{where}: expected {wanted}, found {value!r}")
    return value


def lint_config(options: Mapping[str, Any] | None, profiles: tuple[str, ...] = ()) -> LintConfig:
    """Read the ``lint`` option: rule id → severity, or → {severity: ..., OPTION: value}; with
    the completeness ``profiles`` whose rules are on."""
    if not options:
        return LintConfig(profiles=profiles)
    if not isinstance(options, Mapping):
        raise LintConfigError(f"lint: expected a mapping of rule ids, found {options!r}")
    overrides: dict[str, RuleSetting] = {}
    for rule_id, value in options.items():
        rule = RULES_BY_ID.get(str(rule_id))
        if rule is None:
            raise LintConfigError(
                f"lint: unknown rule {rule_id!r}{did_you_mean_of_all(str(rule_id), RULES_BY_ID)}; "
                f"known rules: {', '.join(RULES_BY_ID)}"
            )
        where = f"lint.{rule_id}"
        if not isinstance(value, Mapping):
            overrides[rule.id] = RuleSetting(_severity(value, where), {})
            continue
        severity = rule.default_severity
        chosen: dict[str, Any] = {}
        for name, option in value.items():
            if name == "severity":
                severity = _severity(option, f"{where}.severity")
            elif name in rule.options:
                chosen[name] = _option(rule, name, option, f"{where}.{name}")
            else:
                known = ["severity", *rule.options]
                raise LintConfigError(
                    f"{where}: unknown option {name!r}{did_you_mean_of_all(str(name), known)}; "
                    f"expected one of: {', '.join(known)}"
                )
        overrides[rule.id] = RuleSetting(severity, chosen)
    return LintConfig(overrides, profiles)
