"""Lint rules: for each rule, a minimal record that triggers it and the fixed record that passes.

Every case starts from one clean content tree (checked to give no diagnostics at all), changes
one thing, and expects exactly one finding of the rule at the line that was changed; the fix
brings the tree back to no diagnostics.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import run_mkdocs
from privacy_pages.check.coverage import check_page_paths
from privacy_pages.check.lint import configure_severities, run_rules
from privacy_pages.check.lint_config import LintConfigError, lint_config
from privacy_pages.check.rules import RULES, RULES_BY_ID
from privacy_pages.diagnostics import Diagnostic, Severity
from privacy_pages.history.releases import load_history
from privacy_pages.load.content import load_content
from privacy_pages.load.metadata import MetadataRules
from privacy_pages.load.text_fields import fingerprint, text_fields
from privacy_pages.load.yaml_source import parse_text
from privacy_pages.pipeline import build_site, check_site
from privacy_pages.render.pages import plan_pages
from privacy_pages.settings import Settings, SettingsError, find_settings, settings_from_options

TODAY = date(2026, 6, 1)

CATEGORIES = """\
categories:
  - id: device
    name: Device information
  - id: feedback
    name: Feedback data
"""

CATALOG = """\
items:
  - id: device-identifier
    name: Device identifier
    category: device
  - id: feedback-email
    name: Feedback email address
    category: feedback
"""

PRODUCT = """\
id: widget
name: Widget
summary: The Widget app.
metadata:
  title: Widget privacy
  ms.date: "2026-01-01"
intro: Widget collects little. See [the policy](https://example.com/policy).
required:
  groups:
    - category: device
      items:
        - ref: device-identifier
optional:
  groups:
    - category: feedback
      kind: feedback
      items:
        - ref: feedback-email
          control: Users decide whether to send feedback.
data_use:
  uses:
    - source: Device
      use: Keeping the device secure.
never_collected:
  items:
    - id: text-messages
      name: Text messages
storage:
  locations: [United States]
  retention:
    - data: Personal data
      period: 30 days
access:
  protections: [Data is encrypted at rest.]
rights:
  intro: Ask your administrator.
links:
  - title: More about privacy
    url: https://example.com/privacy
"""

FILES = {
    "categories.yml": CATEGORIES,
    "catalog/items.yml": CATALOG,
    "products/widget.yml": PRODUCT,
}


#: The catalog with both items mapped to Google Play data types (store labels).
MAPPED_CATALOG = CATALOG.replace(
    "    category: device\n", "    category: device\n    stores: {google_play: PSL_DEVICE_ID}\n"
).replace(
    "    category: feedback\n", "    category: feedback\n    stores: {google_play: PSL_EMAIL}\n"
)


def shipped(store_labels: str, catalog: str = MAPPED_CATALOG) -> dict[str, str]:
    """The clean tree as an app on Google Play: the product with these store_labels."""
    product = PRODUCT + "store_labels:\n  ships_to: [google_play]\n" + store_labels
    return {**FILES, "products/widget.yml": product, "catalog/items.yml": catalog}


def write_tree(root: Path, files: dict[str, str]) -> Path:
    content = root / "content"
    for name, text in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return content


def run_lint(
    root: Path, files: dict[str, str], lint: dict[str, object] | None = None
) -> list[Diagnostic]:
    settings = Settings(
        content_dir=write_tree(root, files),
        metadata=MetadataRules(required=("title",), types={"ms.date": "date"}),
        lint=lint_config(lint),
    )
    problems = check_site(settings, today=TODAY).problems
    return problems.sorted()


def changed(name: str, old: str, new: str) -> dict[str, str]:
    """The clean tree with one replacement in one file."""
    assert old in FILES[name], old
    return {**FILES, name: FILES[name].replace(old, new, 1)}


def line_of(text: str, marker: str) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), 1) if marker in line]
    assert len(lines) == 1, f"{marker!r} should be on exactly one line"
    return lines[0]


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # diagnostics then name files as content/...


def test_the_clean_tree_has_no_diagnostics(tmp_path: Path) -> None:
    assert run_lint(tmp_path, FILES) == []


@dataclass(frozen=True)
class Case:
    rule: str
    file: str
    broken: dict[str, str]
    #: A text on the line the finding must point at, in the broken file.
    marker: str
    fixed: dict[str, str]


def translated(files: dict[str, str], language: str = "fr") -> dict[str, str]:
    """``files`` with a complete, current translation of every record into ``language``
    (each text prefixed with ``[fr]``), made from the records' own text fields."""
    result = dict(files)
    for name, text in files.items():
        data = parse_text(text, f"content/{name}")
        fields = list(text_fields(data))
        if not fields:
            continue
        entries = {
            key: {"source": fingerprint(value), "text": f"[{language}] {value}"}
            for key, value, _ in fields
        }
        result[f"translations/{language}/{name}"] = yaml.safe_dump(
            entries, allow_unicode=True, sort_keys=False
        )
    return result


def translation_changed(key: str, *, drop: bool = False, add: bool = False) -> dict[str, str]:
    """The fully translated clean tree, with the French entry ``key`` of the product made
    stale (its fingerprint no longer the source's), or dropped."""
    files = translated(FILES)
    name = "translations/fr/products/widget.yml"
    entries = yaml.safe_load(files[name])
    if drop:
        del entries[key]
    elif add:  # the translation of a text the record no longer has
        entries[key] = {"source": "000000000000", "text": "[fr] ancien texte"}
    else:
        entries[key]["source"] = "000000000000"
    return {**files, name: yaml.safe_dump(entries, allow_unicode=True, sort_keys=False)}


CASES = [
    Case(
        "optional-item-without-control",
        "products/widget.yml",
        changed(
            "products/widget.yml", "          control: Users decide whether to send feedback.\n", ""
        ),
        "- ref: feedback-email",
        FILES,
    ),
    Case(
        "product-without-retention",
        "products/widget.yml",
        changed(
            "products/widget.yml",
            "  retention:\n    - data: Personal data\n      period: 30 days\n",
            "",
        ),
        "storage:",
        changed(
            "products/widget.yml",
            "  retention:\n    - data: Personal data\n      period: 30 days\n",
            "  retention_note: Data is kept until the organization deletes it.\n",
        ),
    ),
    Case(
        "unused-catalog-item",
        "catalog/items.yml",
        {
            **FILES,
            "catalog/items.yml": CATALOG
            + "  - id: cpu-usage\n    name: CPU usage\n    category: device\n",
        },
        "- id: cpu-usage",
        {
            **changed(
                "products/widget.yml",
                "        - ref: device-identifier\n",
                "        - ref: device-identifier\n        - ref: cpu-usage\n",
            ),
            "catalog/items.yml": CATALOG
            + "  - id: cpu-usage\n    name: CPU usage\n    category: device\n",
        },
    ),
    Case(
        "duplicate-catalog-item",
        "products/widget.yml",
        changed(
            "products/widget.yml",
            "        - ref: device-identifier\n",
            "        - ref: device-identifier\n        - id: device-id\n          name: device IDENTIFIER.\n",
        ),
        "- id: device-id",
        changed(
            "products/widget.yml",
            "        - ref: device-identifier\n",
            "        - ref: device-identifier\n        - id: memory-usage\n          name: Memory usage\n",
        ),
    ),
    Case(
        "mojibake",
        "products/widget.yml",
        changed(
            "products/widget.yml",
            "summary: The Widget app.",
            "summary: The Widget app. Itâ€™s small.",
        ),
        "summary:",
        changed(
            "products/widget.yml",
            "summary: The Widget app.",
            "summary: The Widget app. It\u2019s small.",
        ),
    ),
    Case(
        "stale-date",
        "products/widget.yml",
        changed("products/widget.yml", 'ms.date: "2026-01-01"', 'ms.date: "2025-05-01"'),
        "ms.date:",
        changed("products/widget.yml", 'ms.date: "2026-01-01"', 'ms.date: "2025-06-01"'),
    ),
    Case(
        "insecure-link",
        "products/widget.yml",
        changed(
            "products/widget.yml",
            "url: https://example.com/privacy",
            "url: http://example.com/privacy",
        ),
        "url: http://",
        changed(
            "products/widget.yml", "url: https://example.com/privacy", "url: ../guides/privacy.md"
        ),
    ),
    Case(
        "insecure-link",
        "products/widget.yml",
        changed(
            "products/widget.yml", "(https://example.com/policy)", "(http://example.com/policy)"
        ),
        "intro: Widget",
        FILES,
    ),
    Case(
        "placeholder-text",
        "products/widget.yml",
        changed(
            "products/widget.yml",
            "use: Keeping the device secure.",
            "use: TODO what it is used for.",
        ),
        "use: TODO",
        FILES,
    ),
    Case(
        "unmarked-empty-section",
        "products/widget.yml",
        changed("products/widget.yml", "rights:\n  intro: Ask your administrator.\n", ""),
        "id: widget",  # the record itself: the finding asks for a field the record lacks
        changed(
            "products/widget.yml",
            "rights:\n  intro: Ask your administrator.\n",
            "empty_sections:\n  your-rights: Rights requests go through your administrator.\n",
        ),
    ),
    Case(
        "requirement-not-stated",
        "products/widget.yml",
        # The record no longer says that the device identifier is required: only collected.
        changed("products/widget.yml", "\nrequired:\n", "\ncollected:\n"),
        "- ref: device-identifier",
        FILES,
    ),
    Case(
        "store-type-missing",
        "products/widget.yml",
        shipped(
            "  purposes: [app-functionality]\n",
            MAPPED_CATALOG.replace("    stores: {google_play: PSL_EMAIL}\n", ""),
        ),
        "- ref: feedback-email",
        shipped("  purposes: [app-functionality]\n"),
    ),
    Case(
        "store-purposes-missing",
        "products/widget.yml",
        shipped("  items:\n    device-identifier:\n      purposes: [security]\n"),
        "- ref: feedback-email",
        shipped(
            "  items:\n    device-identifier:\n      purposes: [security]\n"
            "    feedback-email:\n      purposes: [developer-communications]\n"
        ),
    ),
    Case(
        "translation-stale",
        "translations/fr/products/widget.yml",
        translation_changed("summary"),
        "summary:",
        translated(FILES),
    ),
    Case(
        "translation-unused",
        "translations/fr/products/widget.yml",
        translation_changed("subtitle", add=True),
        "subtitle:",
        translated(FILES),
    ),
    Case(
        "translation-missing",
        "products/widget.yml",
        translation_changed("summary", drop=True),
        "summary:",
        translated(FILES),
    ),
]


def test_every_rule_has_a_case() -> None:
    # A completeness profile's rules are off until the site turns the profile on: their cases
    # are in test_gdpr_completeness.
    assert {case.rule for case in CASES} == {
        rule.id for rule in RULES_BY_ID.values() if rule.profile is None
    }


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.rule)
def test_rule_catches_the_broken_record(case: Case, tmp_path: Path) -> None:
    found = run_lint(tmp_path, case.broken)
    assert [(d.rule, d.location.path, d.location.line) for d in found] == [
        (case.rule, f"content/{case.file}", line_of(case.broken[case.file], case.marker))
    ], "\n".join(map(str, found))
    rule = RULES_BY_ID[case.rule]
    assert found[0].severity is rule.default_severity


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.rule)
def test_fixed_record_passes(case: Case, tmp_path: Path) -> None:
    assert run_lint(tmp_path, case.fixed) == []


CHECKED = [case for case in CASES if RULES_BY_ID[case.rule].check is not None]


@pytest.mark.parametrize("case", CHECKED, ids=lambda c: c.rule)
def test_rule_can_be_turned_off(case: Case, tmp_path: Path) -> None:
    assert run_lint(tmp_path, case.broken, {case.rule: "off"}) == []


@pytest.mark.parametrize("severity", ["off", "info", "warning"])
def test_a_file_that_did_not_load_keeps_its_error(severity: str, tmp_path: Path) -> None:
    """Mojibake stops a file from loading; a lower severity must not hide the missing page."""
    broken = next(c for c in CASES if c.rule == "mojibake").broken
    found = run_lint(tmp_path, broken, {"mojibake": severity})
    assert [(d.rule, d.severity) for d in found] == [("mojibake", Severity.ERROR)]


def test_severity_is_configurable(tmp_path: Path) -> None:
    broken = CASES[0].broken
    [as_error] = run_lint(tmp_path, broken, {"optional-item-without-control": "error"})
    assert as_error.severity is Severity.ERROR
    [as_info] = run_lint(tmp_path, broken, {"optional-item-without-control": {"severity": "info"}})
    assert as_info.severity is Severity.INFO


def test_an_error_severity_stops_the_build(tmp_path: Path) -> None:
    broken = CASES[0].broken
    settings = Settings(
        content_dir=write_tree(tmp_path, broken),
        metadata=MetadataRules(required=("title",)),
        lint=lint_config({"optional-item-without-control": "error"}),
    )
    build = build_site(settings, today=TODAY)
    assert not build.ok and build.pages == []
    build = build_site(
        Settings(content_dir=settings.content_dir, metadata=settings.metadata), today=TODAY
    )
    assert build.ok and build.pages


def test_rule_options_are_honoured(tmp_path: Path) -> None:
    stale = next(c for c in CASES if c.rule == "stale-date").broken
    assert run_lint(tmp_path, stale, {"stale-date": {"max_age_days": 400}}) == []
    assert run_lint(tmp_path, FILES, {"stale-date": {"max_age_days": 10}})[0].rule == "stale-date"
    assert run_lint(tmp_path, stale, {"stale-date": {"key": "date"}}) == []
    http = next(c for c in CASES if c.rule == "insecure-link").broken
    assert run_lint(tmp_path, http, {"insecure-link": {"allowed_schemes": ["https", "http"]}}) == []
    todo = next(c for c in CASES if c.rule == "placeholder-text").broken
    assert run_lint(tmp_path, todo, {"placeholder-text": {"words": ["XXX"]}}) == []


def test_today_is_injected_not_read_from_the_clock(tmp_path: Path) -> None:
    settings = Settings(
        content_dir=write_tree(tmp_path, FILES), metadata=MetadataRules(required=("title",))
    )
    later = check_site(settings, today=date(2027, 6, 1)).problems
    assert [d.rule for d in later.items] == ["stale-date"]
    same_day = check_site(settings, today=date(2026, 1, 1)).problems
    assert same_day.items == []


def test_unused_catalog_item_stays_quiet_while_content_has_errors(tmp_path: Path) -> None:
    # A typo in a ref makes the real item look unused; the ref error is the one to report.
    files = changed("products/widget.yml", "- ref: device-identifier", "- ref: device-identifer")
    found = run_lint(tmp_path, files)
    assert [d.rule for d in found] == ["reference"]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"stale-dates": "off"}, "unknown rule 'stale-dates' (did you mean 'stale-date'?)"),
        ({"stale-date": "warn"}, "lint.stale-date: expected one of error, warning, info, off"),
        ({"stale-date": {"max_age": 3}}, "unknown option 'max_age' (did you mean 'max_age_days'?)"),
        ({"stale-date": {"max_age_days": "a year"}}, "expected a whole number, found 'a year'"),
        ({"stale-date": {"severity": "loud"}}, "lint.stale-date.severity: expected one of"),
        ({"insecure-link": {"allowed_schemes": "https"}}, "expected a list of text"),
        (["stale-date"], "expected a mapping of rule ids"),
    ],
)
def test_bad_configuration_is_a_clear_error(options: object, expected: str) -> None:
    with pytest.raises(LintConfigError, match=None) as raised:
        lint_config(options)
    assert expected in str(raised.value)
    with pytest.raises(SettingsError) as raised_again:
        settings_from_options({"lint": options}, Path.cwd())
    assert expected in str(raised_again.value)


def test_yaml_off_and_false_both_turn_a_rule_off() -> None:
    config = lint_config({"stale-date": False, "mojibake": "OFF"})
    assert config.severity(RULES_BY_ID["stale-date"]) is None
    assert config.severity(RULES_BY_ID["mojibake"]) is None


def test_every_rule_is_documented() -> None:
    for rule in RULES:
        assert rule.id == rule.id.lower() and " " not in rule.id
        assert rule.summary and "\n" not in rule.summary
        assert rule.catches and rule.fix


# -- through MkDocs: the plugin reports lint findings like any other problem --------------------


def test_plugin_reports_lint_and_strict_build_fails(tmp_path: Path) -> None:
    broken = next(c for c in CASES if c.rule == "placeholder-text").broken
    write_tree(tmp_path, broken)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", "utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Lint\ndocs_dir: docs\nplugins:\n  - privacy-pages:\n"
        "      metadata: {required: [title], types: {ms.date: date}}\n"
        "      lint: {stale-date: off}\n",
        "utf-8",
    )
    result = run_mkdocs(config)
    assert not result.ok
    assert any("warning placeholder-text" in w for w in result.warnings())

    config.write_text(
        config.read_text("utf-8").replace(
            "{stale-date: off}", "{stale-date: off, placeholder-text: info}"
        ),
        "utf-8",
    )
    result = run_mkdocs(config)
    assert result.ok, result.messages
    infos = [r.getMessage() for r in result.records if r.levelno == logging.INFO]
    assert any("info placeholder-text" in m for m in infos)


def test_severities_from_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.privacy-pages]\ncontent_dir = "content"\n\n'
        '[tool.privacy-pages.lint]\nunused-catalog-item = "off"\n\n'
        '[tool.privacy-pages.lint.stale-date]\nseverity = "error"\nmax_age_days = 30\n',
        "utf-8",
    )
    settings = find_settings(tmp_path)
    assert settings.lint.severity(RULES_BY_ID["unused-catalog-item"]) is None
    assert settings.lint.severity(RULES_BY_ID["stale-date"]) is Severity.ERROR
    assert settings.lint.options(RULES_BY_ID["stale-date"]) == {
        "key": "ms.date",
        "max_age_days": 30,
    }


def _checked_whole(settings: Settings) -> list[Diagnostic]:
    """What the check finds with every record kept until the rules run on the whole content
    (``check_site`` runs the per-record rules on each product as it loads instead)."""
    dataset, loaded = load_content(settings.content_dir, settings.metadata, limits=settings.limits)
    history, history_problems = load_history(settings.content_dir)
    problems = configure_severities(dataset, loaded, settings.lint)
    problems.extend(history_problems.items)
    if not problems.errors:
        problems.extend(check_page_paths(dataset, plan_pages(dataset, settings, history)))
    problems.extend(run_rules(dataset, settings.lint, today=TODAY, complete=not loaded.errors))
    return problems.sorted()


def test_products_checked_as_they_load_find_what_the_whole_content_gives(tmp_path: Path) -> None:
    """Every case's broken product beside the others (each under an id of its own), and the
    catalog and another file broken too: the same diagnostics, messages, places and key paths
    as running every rule on every record at the end."""
    files = {**FILES, "catalog/items.yml": MAPPED_CATALOG}
    for number, case in enumerate(CASES):
        if case.rule.startswith("translation-"):  # checked per language, not per record
            continue
        if case.file == "products/widget.yml":
            text = case.broken[case.file].replace("id: widget\n", f"id: widget-{number}\n", 1)
            files[f"products/widget-{number}.yml"] = text.replace(
                "[the policy](https://", "[x](http://"
            )
        else:
            files[case.file] = case.broken[case.file]
    files["products/broken.yml"] = "id: broken\nname: [unclosed\n"  # a file that does not load
    settings = Settings(
        content_dir=write_tree(tmp_path, files),
        metadata=MetadataRules(required=("title",), types={"ms.date": "date"}),
        lint=lint_config(None),
    )
    streamed = check_site(settings, today=TODAY).problems.sorted()
    rules = {d.rule for d in streamed}
    assert {"insecure-link", "stale-date", "store-type-missing", "mojibake", "yaml-syntax"} <= rules
    assert len(rules) >= 9
    assert streamed == _checked_whole(settings)


def test_a_product_is_checked_as_it_loads_with_the_content_before_it() -> None:
    """The rules that read one product's record run while it loads: they may look at what is
    linked before products (catalog, categories, store tables), not at other products."""
    per_record = {rule.id for rule in RULES if rule.per_record}
    assert "unused-catalog-item" not in per_record  # weighs every product
    assert per_record == {rule.id for rule in RULES if rule.check is not None} - {
        "unused-catalog-item"
    }
