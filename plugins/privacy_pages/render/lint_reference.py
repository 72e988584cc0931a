"""The lint rule reference of the writer's guide, generated from the rule registry.

A hand-written page holds ``<!-- privacy-pages: lint-rules -->``; the block lists every rule of
:mod:`privacy_pages.check.rules` with its id, severities, what it catches and how to fix it, and a
``lint`` option that spells out every default. The text lives next to each rule, so the page
and the rules cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from ..check.lint_config import LintConfig
from ..check.rule import Rule
from ..check.rules import RULES
from ..model import Dataset
from ..settings import Settings
from .field_reference import code_block, code_span
from .templates import page_environment, render
from .translated import Showing


@dataclass(frozen=True)
class RuleDoc:
    rule: Rule
    default: str
    on_this_site: str
    options: tuple[tuple[str, str], ...]


def severity_name(rule: Rule, config: LintConfig | None = None) -> str:
    severity = (config or LintConfig()).severity(rule)
    return "off" if severity is None else severity.value


def _yaml_value(value: Any) -> str:
    plain = list(value) if isinstance(value, tuple) else value
    return yaml.safe_dump(plain, default_flow_style=True, width=1000).strip().removesuffix("...")


def default_option(rules: tuple[Rule, ...] = RULES) -> str:
    """The ``lint`` option with every rule at its defaults, as YAML for mkdocs.yml."""
    lines = ["plugins:", "  - privacy-pages:", "      lint:"]
    for rule in rules:
        severity = severity_name(rule)
        if rule.options:
            options: Mapping[str, Any] = {"severity": severity, **rule.options}
            inner = ", ".join(
                f"{key}: {_yaml_value(value).strip()}" for key, value in options.items()
            )
            lines.append(f"        {rule.id}: {{{inner}}}")
        else:
            lines.append(f"        {rule.id}: {severity}")
    return "\n".join(lines)


def lint_rules(
    dataset: Dataset, settings: Settings, showing: Showing, page: str, args: list[str]
) -> str:
    """The ``lint-rules`` block: every rule, its severities, and how to fix what it reports."""
    docs = [
        RuleDoc(
            rule=rule,
            default=severity_name(rule),
            on_this_site=severity_name(rule, settings.lint),
            options=tuple(
                (name, _yaml_value(value).strip()) for name, value in rule.options.items()
            ),
        )
        for rule in RULES
    ]
    return render(
        "lint-rules.md.j2",
        page_environment(settings.templates_dir, settings.messages, showing),
        rules=docs,
        config=default_option(),
        code_block=code_block,
        code_span=code_span,
    )
