"""What a release records of a statement beyond its data items: who receives the data, how to
turn collection off, the purposes, the rights it names and the GDPR's elements (legal bases,
controller, complaint right, transfers). A change to any of them is a change of the statement,
in plain words; a release recorded before these parts were recorded compares on what both say.

On a copy of the example site: release 1.1.0 records the content as it is; then Contoso
Timesheets gets a new recipient, another legal basis for one purpose and a new safeguard, and
release 1.2.0 records it.
"""

from __future__ import annotations

import copy
import re

import pytest
from conftest import REPO, SiteResult, copy_example_site, run_mkdocs
from privacy_pages.history.changes import compare
from privacy_pages.history.notes import plain, reader_notes
from privacy_pages.history.snapshot import LATER_PARTS, dataset_state
from privacy_pages.load.content import load_content
from privacy_pages.settings import settings_from_mkdocs
from test_release_entries import edit, entry, snapshot

RECORD = "content/products/contoso-timesheets.yml"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    site = copy_example_site(tmp_path_factory.mktemp("release-parts") / "site")
    snapshot(site, "1.1.0", "2026-11-23")
    record = site / RECORD
    edit(
        record,
        "    - name: Hosting providers\n",
        "    - name: Analytics Co.\n      purpose: To count how often each screen is used.\n"
        "    - name: Hosting providers\n",
    )
    edit(
        record,
        "      use: Product improvement.\n      legal_basis: consent",
        "      use: Product "
        "improvement.\n      legal_basis: legitimate-interests\n      legitimate_interest: "
        "Knowing which screens people use.",
    )
    snapshot(site, "1.2.0", "2026-11-24")
    result = run_mkdocs(site / "mkdocs.yml", strict=False, site_dir=site / "_site")
    assert result.ok, f"{result.error}\n{result.messages}"
    return result


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_new_recipient_and_another_legal_basis_are_in_the_release_entry(
    built: SiteResult,
) -> None:
    said = text(entry(built.html("privacy/contoso-timesheets.md")))
    assert "Who receives data: Analytics Co." in said, said
    assert "To count how often each screen is used." in said
    assert "Legal basis: Usage events" in said
    # In the GDPR's words, never the record's ids.
    assert "Legitimate interests (GDPR Art. 6(1)(f))" in said
    assert "legitimate-interests" not in said and "legal_bases" not in said


def test_the_same_changes_in_french(built: SiteResult) -> None:
    said = text(entry(built.html("fr/privacy/contoso-timesheets.md")))
    assert "Analytics Co." in said
    assert "Legal basis" not in said and "Who receives data" not in said, said


def state() -> dict[str, object]:
    rules = settings_from_mkdocs(REPO / "mkdocs.yml").metadata
    dataset, problems = load_content(REPO / "content", rules)
    assert not problems.errors
    return dataset_state(dataset)


def test_a_release_recorded_before_these_parts_shows_no_change_of_them() -> None:
    new = state()
    old = copy.deepcopy(new)
    for product in old["products"].values():  # type: ignore[attr-defined]
        product.pop("recorded")
        for part in LATER_PARTS:
            top, _, inner = part.partition(".")
            if inner:
                product.get(top, {}).pop(inner, None)
            else:
                product.pop(top, None)
    fields = [getattr(change, "field", "") for change in compare(old, new)]
    assert not [f for f in fields if f.startswith(LATER_PARTS)], fields
    # A state that records them says a change of them.
    changed = copy.deepcopy(new)
    changed["products"]["contoso-timesheets"]["rights"]["complaint"] = "Write to us first."  # type: ignore[index]
    changes = compare(new, changed)
    notes = reader_notes(changes.for_product("contoso-timesheets"), changes)
    assert [note.subject for note in notes] == ["Right to complain to a supervisory authority"]
    assert plain(notes.reworded[0].after) == "Write to us first."  # type: ignore[arg-type]
