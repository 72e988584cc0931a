"""Links in imported pages: a link's target is rewritten, never its text, and a relative link
takes an address the site already uses only when its name says which page it is."""

from __future__ import annotations

from pathlib import Path

from privacy_pages.importer.markup import rewrite_links
from privacy_pages.importer.records import known_target
from test_importer import FRONT, import_page


def test_a_rewritten_target_leaves_the_same_characters_in_the_link_text() -> None:
    text = "All telemetry is in the [`telemetry/`](telemetry/) package, see [docs](./docs.md)."
    rewritten = rewrite_links(text, lambda _title, url: "https://example.com/" + url.lstrip("./"))
    assert rewritten == (
        "All telemetry is in the [`telemetry/`](https://example.com/telemetry/) package, "
        "see [docs](https://example.com/docs.md)."
    )


def test_a_link_s_text_is_kept_when_its_target_becomes_text() -> None:
    assert rewrite_links("Run [`x`](javascript:x) now.", lambda _t, _u: None) == "Run `x` now."


KNOWN = {
    "telemetry": {"https://code.example.com/docs/telemetry"},
    "readme": {"https://example.com/other/readme"},
    "data-storage-privacy": {"https://learn.example.com/defender/data-storage-privacy"},
}


def test_a_folder_or_a_one_word_name_takes_no_other_product_s_address() -> None:
    assert known_target("telemetry/", KNOWN) is None  # a folder of the page's repository
    assert known_target("telemetry", KNOWN) is None
    assert known_target("readme", KNOWN) is None


def test_a_page_named_in_several_words_takes_the_address_the_site_uses() -> None:
    assert known_target("../data-storage-privacy.md#keep", KNOWN) == (
        "https://learn.example.com/defender/data-storage-privacy#keep"
    )
    assert known_target("https://elsewhere.example.com/data-storage-privacy", KNOWN) is None


def test_a_link_to_a_folder_of_the_page_s_repository_is_kept_as_written(tmp_path: Path) -> None:
    """Another product of the site links a page named like the folder: the folder's link and
    its text stay as the writer wrote them."""
    content = tmp_path / "content"
    import_page(
        tmp_path,
        FRONT.replace("Widget", "Tool")
        + "# Tool telemetry\n\n## Data collected\n\n- Crash reports\n\n"
        "Read more in the [telemetry guide](https://code.example.com/docs/telemetry).\n",
        name="tool.md",
    )
    page = FRONT + (
        "# Widget telemetry\n\n## Data collected\n\n- Command names\n\n"
        "## Where it lives\n\nAll telemetry is contained in the [`telemetry/`](telemetry/) "
        "package.\n"
    )
    result = import_page(tmp_path, page, content=content)
    assert "[`telemetry/`](telemetry/)" in result.text
    assert "code.example.com" not in result.text


def test_fields_named_in_code_in_a_cell_are_items_beside_a_column_that_describes_them(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Widget telemetry\n\n## Events\n\n"
        "| Event | When | Properties |\n|---|---|---|\n"
        "| `run_started` | A run begins | `command`, `version`, `run_id` |\n"
        "| `$exception` | Any unhandled exception | `command`, `version`, `run_id` "
        "(plus the exception type and stack trace) |\n"
    )
    result = import_page(tmp_path, page)
    names = [
        result.catalog_name(item["ref"]) if "ref" in item else item["name"]
        for item in result.data_items()
    ]
    assert all(len(name) < 40 for name in names), names
    assert {"command", "version"} <= {name.strip("`") for name in names}
    # Each field once, sent when either event is: both conditions.
    assert [name.strip("`") for name in names] == ["command", "version", "run_id"]
    conditions = {item.get("condition") for item in result.data_items()}
    assert conditions == {"A run begins; Any unhandled exception"}
