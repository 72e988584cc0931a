"""Under ``mkdocs serve``, a record whose file did not change keeps its parsed data, and its
text, found clean last build, is not checked again (``DatasetBuilder.check_text``). Whatever is
kept, a rebuild must report what a build from scratch reports."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import copy_example_site
from privacy_pages.load import builder as builder_module
from privacy_pages.load.content import load_content
from privacy_pages.load.record_files import DEFAULT_LIMITS, ContentCache


def problems_of(content: Path, cache: ContentCache, max_text: int | None = None) -> list[str]:
    limits = (
        DEFAULT_LIMITS if max_text is None else replace(DEFAULT_LIMITS, max_text_chars=max_text)
    )
    _, problems = load_content(content, cache=cache, limits=limits)
    return sorted(str(problem) for problem in problems.items)


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
    product = content / "products" / "intune.yml"
    product.write_text(product.read_text("utf-8").replace("name: ", "name: Edited ", 1), "utf-8")
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
