"""Golden files: the Markdown generated for the small fixture, reviewed and kept in tests/golden/.

When a template change is intended, regenerate with ``UPDATE_GOLDEN=1 pytest tests/test_golden.py``
and review the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import FIXTURES
from privacy_pages import build_site
from privacy_pages.settings import settings_from_mkdocs

GOLDEN = Path(__file__).resolve().parent / "golden" / "small"


def generated() -> dict[str, str]:
    build = build_site(settings_from_mkdocs(FIXTURES / "small" / "mkdocs.yml"))
    assert build.ok, [str(p) for p in build.problems.items]
    return {page.path: page.markdown for page in build.pages if page.product_id}


def golden_cases() -> list[str]:
    return sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md"))


def test_every_product_page_has_a_golden_file() -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        for path, markdown in generated().items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, "utf-8", newline="\n")
    assert sorted(generated()) == golden_cases()


@pytest.mark.parametrize("path", golden_cases())
def test_generated_markdown_matches_golden(path: str) -> None:
    expected = (GOLDEN / path).read_text("utf-8")
    assert generated()[path] == expected
