"""Lists and tables that look like data but are not (issue 35, point 3): what a query does not
hold, conditions, and tables of example prompts. Found on a Microsoft 365 Copilot page that
was held out of the corpus, then worked on (see the corpus README)."""

from __future__ import annotations

from pathlib import Path

from test_importer import DATA_SECTIONS, FRONT, Imported, import_page


def _names(result: Imported, section: str) -> list[str]:
    """The item names of a section (from the catalog for a ``ref``)."""
    if not result.product.get(section):
        return []
    if section == "never_collected":
        items = result.product[section]["items"]
        return [item.get("name") or result.catalog_name(item["ref"]) for item in items]
    return result.names(section)


def _data_names(result: Imported) -> list[str]:
    """The item names of every data section (required, optional, collected)."""
    return [name for section in DATA_SECTIONS for name in _names(result, section)]


def test_what_a_query_does_not_include_is_never_sent(tmp_path: Path) -> None:
    page = FRONT + (
        "# Search\n\n## How search works\n\n"
        "The app sends a short query to the search service. The following information isn't "
        "included in the query sent to the search service:\n\n"
        "- The user's entire prompt\n- Entire files uploaded into the app\n\n"
        "## Data we collect\n\n- **Search query**: the words sent to the service.\n"
        "- **Language**: the language of the query.\n"
    )
    result = import_page(tmp_path, page)
    assert _names(result, "never_collected") == [
        "The user's entire prompt",
        "Entire files uploaded into the app",
    ]
    assert "The user's entire prompt" not in _data_names(result)


def test_a_list_of_conditions_is_no_list_of_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Search\n\n## Data we collect\n\n"
        "- **Search query**: the words sent to the service.\n"
        "- **Language**: the language of the query.\n\n"
        "The query may also be informed by data within a document under the following "
        "conditions:\n\n"
        "- When a user enters a prompt while a document is open.\n"
        "- When the user references a specific document in their prompt.\n"
    )
    result = import_page(tmp_path, page)
    # "Data we collect" does not say whether it is required: collected.
    assert _data_names(result) == _names(result, "collected") == ["Search query", "Language"]
    assert "- When a user enters a prompt while a document is open." in result.text


def test_a_table_of_example_prompts_is_examples_not_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# Search\n\n## Examples of generated search queries\n\n"
        "| User prompt | Generated search queries | How the app responds |\n|---|---|---|\n"
        "| Who is my manager and what is public about them? | [Manager name] | It finds the "
        "manager's name, then searches the web for it. |\n"
        "| I'm looking for a document authored last week by [coworker]. | None | It returns "
        "documents found in the organization's data. |\n"
        "| What decision did [coworker] make about shipping our product? | [Coworker name] "
        "decision | It answers from the organization's data only. |\n"
    )
    result = import_page(tmp_path, page)
    assert _data_names(result) == []
    assert "Who is my manager and what is public about them?" in result.text
    [examples] = [n for n in result.report.not_data if n.kind == "examples"]
    lines = page.splitlines()
    assert lines[examples.line - 1].startswith("| User prompt")
    assert examples.end_line == len(lines)
