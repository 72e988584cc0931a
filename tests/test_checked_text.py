"""Under ``mkdocs serve``, a record whose file did not change keeps its parsed data, and its
text, found clean last build, is not checked again (``DatasetBuilder.check_text``). Whatever is
kept, a rebuild must report what a build from scratch reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_example_site
from privacy_pages.check import rule as rule_module
from privacy_pages.check.lint import run_rules
from privacy_pages.check.lint_config import lint_config
from privacy_pages.load import builder as builder_module
from privacy_pages.load.content import load_content
from privacy_pages.load.record_files import DEFAULT_LIMITS, ContentCache


def problems_of(content: Path, cache: ContentCache, max_text: int | None = None) -> list[str]:
    limits = (
        DEFAULT_LIMITS if max_text is None else replace(DEFAULT_LIMITS, max_text_chars=max_text)
    )
    _, problems = load_content(content, cache=cache, limits=limits)
    return sorted(str(problem) for problem in problems.items)


def prefix_name(content: Path, word: str) -> None:
    """Save an edit to one product: ``word`` before its name."""
    product = content / "products" / "intune.yml"
    product.write_text(product.read_text("utf-8").replace("name: ", f"name: {word} ", 1), "utf-8")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return copy_example_site(tmp_path / "example") / "content"


def test_unchanged_clean_records_are_not_checked_again(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[str] = []
    check = builder_module.DatasetBuilder._check_characters

    def counted(
        self: builder_module.DatasetBuilder, location: object, text: str, path: str
    ) -> None:
        checked.append(path)
        check(self, location, text, path)  # type: ignore[arg-type]

    monkeypatch.setattr(builder_module.DatasetBuilder, "_check_characters", counted)
    cache = ContentCache()
    first = problems_of(content, cache)
    checked_first = len(checked)
    prefix_name(content, "Edited")
    checked.clear()
    again = problems_of(content, cache)
    assert 0 < len(checked) < checked_first // 2  # the edited product, and little else
    assert again == problems_of(content, ContentCache())
    assert first == problems_of(content, ContentCache())


def test_a_problem_is_reported_at_every_rebuild_until_fixed(content: Path) -> None:
    product = content / "products" / "intune.yml"
    text = product.read_text("utf-8")
    product.write_text(text.replace("name: ", "name: Bad\u202e ", 1), "utf-8")
    cache = ContentCache()
    first = problems_of(content, cache)
    assert any("control-character" in problem for problem in first)
    assert problems_of(content, cache) == first  # the file did not change: still reported
    product.write_text(text, "utf-8")
    assert not any("control-character" in problem for problem in problems_of(content, cache))


def test_a_lower_text_limit_checks_every_record_again(content: Path) -> None:
    cache = ContentCache()
    assert not any("text-too-long" in problem for problem in problems_of(content, cache))
    lowered = problems_of(content, cache, max_text=40)
    assert lowered == problems_of(content, ContentCache(), max_text=40)
    assert any("text-too-long" in problem for problem in lowered)


def lint_of(content: Path, cache: ContentCache) -> list[str]:
    dataset, _ = load_content(content, cache=cache)
    findings = run_rules(dataset, lint_config(None), today=date(2026, 1, 1))
    return sorted(str(problem) for problem in findings)


def test_the_lint_rules_read_an_unchanged_record_s_texts_as_kept_and_an_edited_one_s_anew(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The texts of a record whose file did not change are not walked again; the rules report
    what they report from scratch, the placeholder an edit adds among it."""
    walked: list[object] = []
    collect = rule_module._collect_texts

    def counted(data: object, path: tuple[str | int, ...], found: list[Any]) -> None:
        if not path:
            walked.append(data)
        collect(data, path, found)

    monkeypatch.setattr(rule_module, "_collect_texts", counted)
    cache = ContentCache()
    first = lint_of(content, cache)
    walked_first = len(walked)
    prefix_name(content, "TODO")
    walked.clear()
    again = lint_of(content, cache)
    assert len(walked) == 1 < walked_first  # the edited product only
    assert again == lint_of(content, ContentCache()) != first
    assert any("TODO" in finding and "intune.yml" in finding for finding in again)
