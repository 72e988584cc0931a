"""A page is refused only when it states no privacy facts: a short policy written as
paragraphs that says data is collected is a privacy statement, even when no item is read from
it (issue 35, point 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from privacy_pages.importer import ImportOptions, PageImportError, import_pages
from privacy_pages.importer.prose_facts import states_collection
from test_importer import FRONT, RULES, import_page


@pytest.mark.parametrize(
    "sentence",
    [
        "For a better experience, certain usage data and errors are collected for debugging.",
        "An analytics service is used in this app to collect basic usage data.",
        "We collect crash reports when the app stops.",
        "Crash logs are also gathered by the store.",
    ],
)
def test_a_sentence_that_says_data_is_collected(sentence: str) -> None:
    assert states_collection(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "No personal data is collected.",
        "We do not collect any data.",
        "The app doesn't collect information about you.",
        "We never gather your location.",
        "The app collects nothing.",
        "Data collection is turned off by default.",
        "Install the app and sign in.",
    ],
)
def test_a_sentence_that_says_nothing_is_collected_or_says_nothing_of_it(sentence: str) -> None:
    assert not states_collection(sentence)


POLICY = FRONT + (
    "Privacy Policy\n--------------\n\n"
    "### Information Collection and Use\n\n"
    "For a better experience while using this app, certain usage data and errors are "
    "collected for identifying issues. An analytics service is used in this app to collect "
    "basic usage data.\n\n"
    "### Contact Us\n\nWrite to us with any question.\n"
)


def test_a_policy_written_as_paragraphs_is_imported_with_its_text(tmp_path: Path) -> None:
    result = import_page(tmp_path, POLICY, require_data=True)
    assert "certain usage data and errors are collected" in result.text
    assert "collect basic usage data" in result.text


@pytest.mark.parametrize(
    "body",
    [
        "### Setup\n\nInstall the app, then sign in with your account.\n",
        "### Data\n\nNo personal data is collected. We do not collect any usage data.\n",
    ],
)
def test_a_page_that_says_no_data_is_collected_is_still_refused(tmp_path: Path, body: str) -> None:
    page = tmp_path / "page.md"
    page.write_text(FRONT + "# Widget\n\n" + body, "utf-8")
    options = ImportOptions(tmp_path / "content", RULES, today="2024-01-02", require_data=True)
    with pytest.raises(PageImportError, match="no privacy facts"):
        import_pages([page], options)
