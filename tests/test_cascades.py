"""One mistake, one error: a mistake does not make other records, or references to it, fail.

The content is the example site's (four products sharing a catalog of 120 items), copied so that
each test can break one thing and count what is reported.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO
from privacy_pages.diagnostics import Diagnostic
from privacy_pages.pipeline import check_site
from privacy_pages.settings import settings_from_mkdocs


@pytest.fixture
def site(tmp_path: Path) -> Path:
    target = tmp_path / "site"
    target.mkdir()
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "content", target / "content")
    return target


def errors(site: Path) -> list[Diagnostic]:
    return check_site(settings_from_mkdocs(site / "mkdocs.yml")).problems.errors


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in ``path`` by ``new``; the line number of the edit."""
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")
    return text[: text.index(old)].count("\n") + 1


def used_catalog_item(site: Path) -> tuple[Path, str]:
    """A catalog file and the id of one of its items that products refer to."""
    products = "".join(p.read_text("utf-8") for p in (site / "content" / "products").glob("*.yml"))
    for catalog in sorted((site / "content" / "catalog").glob("*.yml")):
        for line in catalog.read_text("utf-8").splitlines():
            if line.startswith("  - id: ") and f"ref: {line[8:]}" in products:
                return catalog, line[8:]
    raise AssertionError("no catalog item is used")


def test_the_example_content_has_no_error(site: Path) -> None:
    assert errors(site) == []


def test_one_invalid_value_in_a_catalog_item_gives_exactly_one_error(site: Path) -> None:
    catalog, item = used_catalog_item(site)
    line = edit(catalog, f"  - id: {item}\n", f"  - id: {item}\n    classification: secret\n")
    [error] = errors(site)
    assert error.location.path.endswith(catalog.name)
    assert error.location.line == line + 1 and "classification" in error.key_path


def test_an_entry_left_out_for_its_error_is_still_known_by_its_id(site: Path) -> None:
    """An item without its required name cannot be read, but it is not unknown: only its own
    error is reported, not every reference to it."""
    catalog, item = used_catalog_item(site)
    text = catalog.read_text("utf-8")
    start = text.index(f"  - id: {item}\n")
    name_line = text.index("    name:", start)
    catalog.write_text(text[:name_line] + text[text.index("\n", name_line) + 1 :], "utf-8")
    found = errors(site)
    assert [e.location.path.rsplit("/", 1)[-1] for e in found] == [catalog.name], found
    assert "name" in found[0].message


def test_an_error_in_a_product_adds_none_in_the_comparisons(site: Path) -> None:
    product = site / "content" / "products" / "defender-endpoint-ios.yml"
    edit(product, "platform: iOS", "platform: [iOS]")
    assert [e.location.path.rsplit("/", 1)[-1] for e in errors(site)] == [product.name]


def test_a_product_left_out_whole_is_still_known_to_the_comparisons(site: Path) -> None:
    product = site / "content" / "products" / "defender-endpoint-ios.yml"
    edit(product, "\nsummary:", "\nsummary_typo:")  # a required key missing: the record is out
    found = errors(site)
    assert found and all(e.location.path.endswith(product.name) for e in found), found


def test_references_into_a_file_that_cannot_be_read_are_reported_once_per_file(site: Path) -> None:
    catalog, _ = used_catalog_item(site)
    edit(catalog, "items:\n", "items: [\n")  # a syntax error: nothing of the file is read
    found = errors(site)
    syntax = [e for e in found if e.rule == "yaml-syntax"]
    dependency = [e for e in found if e.rule == "dependency"]
    assert len(syntax) == 1 and syntax[0].location.path.endswith(catalog.name)
    referring = {e.location.path for e in dependency}
    assert len(referring) == len(dependency) >= 1, "one error per referring file"
    assert all(catalog.name in e.message for e in dependency)
    assert {e.rule for e in found} == {"yaml-syntax", "dependency"}, found


def _what_the_gdpr_profile_lists(problem: Diagnostic) -> bool:
    """What the example site's statements do not say under the GDPR, which it lists as
    information (but for the retention a wrong value would make look missing)."""
    return problem.rule.startswith("gdpr-") and problem.rule != "gdpr-retention"


def test_a_field_filled_in_wrongly_is_not_also_reported_as_missing(site: Path) -> None:
    product = site / "content" / "products" / "managed-desktop.yml"
    text = product.read_text("utf-8")
    start = text.index("  retention_note: >-\n")
    end = text.index("  staff_locations:")
    product.write_text(text[:start] + text[end:], "utf-8")  # the retention list is all it says
    line = edit(product, "      period: {duration: 30 days, at_most: true}\n", "")
    problems = check_site(settings_from_mkdocs(site / "mkdocs.yml")).problems.items
    about_it = [  # the record's own problems (its French translation has some too: not these)
        p
        for p in problems
        if p.location.path.endswith("managed-desktop.yml")
        and "/translations/" not in p.location.path
        and not _what_the_gdpr_profile_lists(p)
    ]
    # Nor does the site's GDPR profile say that its retention is missing.
    assert not [
        p
        for p in problems
        if p.rule == "gdpr-retention" and p.location.path.endswith("managed-desktop.yml")
    ]
    # The entry without its period is the one mistake; retention is not "missing" on top.
    assert [(p.rule, p.location.line) for p in about_it] == [("schema", line - 1)]


def test_a_wrong_value_does_not_hide_a_warning_about_its_item(site: Path) -> None:
    """The item's invalid details are one error; its missing control is its own warning."""
    product = site / "content" / "products" / "defender-endpoint-android.yml"
    old = "        - ref: admin-configured-features\n          control: *consent\n"
    line = edit(
        product, old, "        - ref: admin-configured-features\n          details: [12345]\n"
    )
    problems = check_site(settings_from_mkdocs(site / "mkdocs.yml")).problems.items
    about_it = sorted(
        (p.rule, p.location.line)
        for p in problems
        if p.location.path.endswith(product.name)
        and "/translations/" not in p.location.path
        and not _what_the_gdpr_profile_lists(p)
    )
    assert about_it == [("optional-item-without-control", line), ("schema", line + 1)]
