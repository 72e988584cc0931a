"""Validation: every error at once, as file:line:col: key.path: expected X, found Y."""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, run_mkdocs
from mkdocs.exceptions import Abort
from privacy_pages import load_content
from privacy_pages.load.metadata import MetadataRules
from privacy_pages.load.record_files import ContentCache


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "small" / "content", target)
    return target


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def line_of(path: Path, fragment: str) -> int:
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in {path}")


def messages(content: Path) -> list[str]:
    _, problems = load_content(content, MetadataRules(required=("title",)))
    return [str(d) for d in problems.sorted()]


def test_the_fixture_is_clean(content: Path) -> None:
    assert messages(content) == []


def test_unknown_key_names_file_line_key_and_suggests(content: Path) -> None:
    product = content / "products" / "widget-ios.yml"
    replace(product, "summary:", "sumary:")
    found = messages(content)
    line = line_of(product, "sumary:")
    assert any(
        m.startswith(
            f"{product.relative_to(Path.cwd()) if product.is_relative_to(Path.cwd()) else product}"
        )
        or f"widget-ios.yml:{line}:1" in m
        for m in found
    ), found
    unknown = [m for m in found if "unknown key 'sumary'" in m]
    assert unknown and f"widget-ios.yml:{line}:1:" in unknown[0]
    assert "did you mean 'summary'?" in unknown[0]
    # The missing required key is reported in the same run.
    assert any("expected key 'summary', found none" in m for m in found)


def test_wrong_type_says_expected_and_found(content: Path) -> None:
    product = content / "products" / "widget-ios.yml"
    replace(product, "          ordered: true", "          ordered: yes")
    found = [m for m in messages(content) if "ordered" in m]
    line = line_of(product, "ordered: yes")
    column = product.read_text("utf-8").splitlines()[line - 1].index("yes") + 1
    assert len(found) == 1
    assert (
        f"widget-ios.yml:{line}:{column}: error schema: required.groups[0].items[0].alternatives.ordered:"
        in found[0]
    )
    assert "expected true or false, found text 'yes'" in found[0]


def test_unknown_reference_names_the_yaml_file(content: Path) -> None:
    product = content / "products" / "widget-ios.yml"
    replace(product, "- ref: crash-logs", "- ref: crash-log")
    found = messages(content)
    line = line_of(product, "ref: crash-log")
    assert any(
        f"widget-ios.yml:{line}:" in m
        and "required.groups[1].items[0].ref" in m
        and "expected a known catalog item id, found 'crash-log' (did you mean 'crash-logs'?)" in m
        for m in found
    ), found


def test_bad_syntax_is_reported_with_position_and_other_files_still_checked(content: Path) -> None:
    (content / "products" / "widget-ios.yml").write_text("id: [oops\n", "utf-8")
    replace(content / "products" / "widget-android.yml", "platform: Android", "platform: [Android]")
    found = messages(content)
    # The mistake is the '[' that never closes: it is reported where it opens.
    assert any("widget-ios.yml:1:5: error yaml-syntax" in m and "never closed" in m for m in found)
    line = line_of(content / "products" / "widget-android.yml", "platform: [Android]")
    assert any(
        f"widget-android.yml:{line}:" in m and "platform: expected text, found a list" in m
        for m in found
    ), found


def test_duplicate_ids_across_files(content: Path) -> None:
    copy = content / "products" / "widget-copy.yml"
    shutil.copy(content / "products" / "widget-ios.yml", copy)
    found = messages(content)
    assert any(
        (
            "widget-ios.yml:1:5" in m
            and "duplicate product id 'widget-ios'" in m
            and "widget-copy.yml:" in m
        )
        or ("widget-copy.yml" in m and "duplicate product id 'widget-ios'" in m)
        for m in found
    ), found


def test_metadata_rules_come_from_the_site(content: Path) -> None:
    rules = MetadataRules(required=("title", "audience"), types={"ms.date": "date"})
    replace(content / "products" / "widget-ios.yml", "ms.date: 2024-05-01", "ms.date: 05/01/2024")
    _, problems = load_content(content, rules)
    found = [str(d) for d in problems.sorted()]
    assert any("metadata.audience" in m and "expected key 'audience'" in m for m in found)
    assert any(
        "metadata.ms.date: expected an ISO date (YYYY-MM-DD), found '05/01/2024' (did you mean 2024-05-01 or 2024-01-05?)"
        in m
        for m in found
    )


def test_parsed_files_are_cached_until_they_change(content: Path) -> None:
    cache = ContentCache()
    load_content(content, cache=cache)
    first_misses = cache.misses
    load_content(content, cache=cache)
    assert cache.misses == first_misses and cache.hits == first_misses
    product = content / "products" / "widget-ios.yml"
    product.write_text(product.read_text("utf-8") + "\n# touched\n", "utf-8")
    load_content(content, cache=cache)
    assert cache.misses == first_misses + 1


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("summary: The Widget app on iPhone and iPad.", "summary: [oops", "yaml-syntax"),
        ("summary:", "sumary:", "unknown key 'sumary'"),
        ("platform: iOS", "platform: {name: iOS}", "platform: expected text, found a mapping"),
        ("- ref: crash-logs", "- ref: crash-log", "found 'crash-log'"),
    ],
    ids=["bad-syntax", "unknown-key", "wrong-type", "unknown-reference"],
)
def test_strict_build_fails_naming_file_line_and_key(
    old: str,
    new: str,
    expected: str,
    site_copy: Callable[[str], Path],
) -> None:
    site = site_copy("small")
    product = site / "content" / "products" / "widget-ios.yml"
    replace(product, old, new)
    line = line_of(product, new)
    result = run_mkdocs(site / "mkdocs.yml")
    assert not result.ok
    errors = [m for m in result.warnings() if expected in m]
    assert errors, result.messages
    assert "widget-ios.yml:" in errors[0]
    if expected != "yaml-syntax":  # a syntax error is found where the parser gives up
        assert f"widget-ios.yml:{line}:" in errors[0]
    # The build stops on the plugin's error (MkDocs' Abort for a BuildError, not the one for
    # warnings in strict mode), which counts every error reported for the record above it.
    assert isinstance(result.error, Abort) and "BuildError" in str(result.error), result.error
    reported = [
        r
        for r in result.records
        if r.levelno == logging.ERROR and "widget-ios.yml:" in r.getMessage()
    ]
    content = re.escape(str(site / "content"))
    summary = rf"^privacy-pages: {len(reported)} content errors? in {content} \(listed above\)$"
    assert re.search(summary, result.messages, re.M), result.messages
