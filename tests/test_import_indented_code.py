"""``privacy-pages import`` keeps code indented four spaces as code (CommonMark's indented code
block), but not the indented body of a Material admonition or content tab, nor an MDX page's
indented text, where indentation is not code."""

from __future__ import annotations

from pathlib import Path

import pytest
from privacy_pages.importer.markdown_doc import Code, Paragraph, parse
from test_importer import FRONT, import_page
from test_importer_shapes import rendered


def test_indented_code_is_a_code_block() -> None:
    page = "To opt out, run:\n\n    export KIT_DISABLE=1\n    kit restart\n\nThen start over.\n"
    blocks = parse(page).blocks
    assert [type(b) for b in blocks] == [Paragraph, Code, Paragraph]
    code = blocks[1]
    assert isinstance(code, Code)
    assert code.text == "export KIT_DISABLE=1\nkit restart"
    assert (code.line, code.end_line) == (3, 4)


def test_indented_lines_that_continue_a_paragraph_are_its_text() -> None:
    """Without a blank line before it, an indented line goes on with the paragraph."""
    blocks = parse("The app sends\n    your email address\nto us.\n").blocks
    assert [type(b) for b in blocks] == [Paragraph]


def test_the_body_of_an_admonition_or_a_tab_is_text_and_code_within_it_is_code() -> None:
    page = (
        '!!! info "Always opt-in"\n\n'
        "    Telemetry is **disabled by default**.\n\n"
        "        kit telemetry on\n\n"
        '=== "Linux"\n\n'
        "    Set `KIT_OFF` in your shell.\n"
    )
    blocks = parse(page).blocks
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert "Telemetry is **disabled by default**." in texts
    assert "Set `KIT_OFF` in your shell." in texts
    [code] = [b for b in blocks if isinstance(b, Code)]
    assert code.text == "kit telemetry on"


def test_an_mdx_page_s_indented_text_is_text() -> None:
    page = (
        "import Tabs from '@theme/Tabs'\n\n<Tabs>\n  <TabItem value=\"a\">\n\n"
        "    We collect your email address.\n\n  </TabItem>\n</Tabs>\n"
    )
    blocks = parse(page).blocks
    assert not any(isinstance(b, Code) and "email" in b.text for b in blocks)
    assert any(
        isinstance(b, Paragraph) and b.text == "We collect your email address." for b in blocks
    )


def test_an_indented_command_under_controls_is_code_on_the_page(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit usage reporting\n\n## Data collected\n\n- The command run\n\n"
        "## How to opt out\n\n"
        "Yes. Set the environment variable `KIT_DISABLE`:\n\n"
        "    export KIT_DISABLE=1\n"
    )
    result = import_page(tmp_path, page)
    [option] = result.product["controls"]["options"]
    assert option == (
        "Yes. Set the environment variable `KIT_DISABLE`:\n\n```\nexport KIT_DISABLE=1\n```"
    )
    assert "    ```\n    export KIT_DISABLE=1\n    ```" in rendered(result)  # (in its list item)


@pytest.mark.parametrize(
    "code",
    [
        "    kit/editor:vim 8\n    kit/editor:emacs 5\n",
        "```\nkit/editor:vim 8\nkit/editor:emacs 5\n```\n",
    ],
    ids=["indented", "fenced"],
)
def test_the_words_over_code_under_a_data_heading_stay_over_it(tmp_path: Path, code: str) -> None:
    """A category heading with no list: its words lead to the code, and neither is lost."""
    page = FRONT + (
        "# Kit telemetry\n\n## Data collected\n\n- The command run\n\n"
        "### Counters\n\n"
        "A counter counts events. For a week of use you might record:\n\n" + code
    )
    result = import_page(tmp_path, page)
    bodies = [s["body"] for s in result.product.get("sections", [])]
    assert bodies == [
        "A counter counts events. For a week of use you might record:\n\n"
        "```\nkit/editor:vim 8\nkit/editor:emacs 5\n```"
    ]


def test_the_words_over_code_are_the_group_s_intro_when_a_list_follows(tmp_path: Path) -> None:
    """ "Crash reports are sent only if you opt in. To opt in, run:" and its code, then the
    list: the words still say the list's data is optional."""
    page = FRONT + (
        "# Foo telemetry\n\n## Data we collect\n\n### Crash reports\n\n"
        "Crash reports are sent only if you opt in. To opt in, run:\n\n"
        "```\nfoo config set crash-reports on\n```\n\n"
        "A crash report includes:\n\n- Stack trace\n- OS version\n"
    )
    result = import_page(tmp_path, page)
    [group] = result.product["optional"]["groups"]
    names = [result.catalog_name(item["ref"]) for item in group["items"]]
    assert names == ["Stack trace", "OS version"]
    assert "only if you opt in" in group["intro"]


@pytest.mark.parametrize(
    "page",
    [
        # a box right after a list, and a tab that is selected (===!)
        '- Command name\n\n!!! note "Opt out"\n\n    Set `FOO_OFF=1` to opt out.\n',
        '- Command name\n\n===! "Linux"\n\n    Set `FOO_OFF=1` to opt out.\n',
        # a list item's text after a line our reader ends the list at
        '1. Select **Settings**.\n\n    :::image type="content" source="s.png" alt-text="S":::'
        "\n\n    Set `FOO_OFF=1` to opt out.\n",
        # a definition's and a footnote's further paragraphs
        "Retention\n:   Logs are kept.\n\n    Set `FOO_OFF=1` to opt out.\n",
        "[^1]: Logs are kept.\n\n    Set `FOO_OFF=1` to opt out.\n",
        # indented inside an HTML element
        "<details>\n<summary>More</summary>\n\n    Set `FOO_OFF=1` to opt out.\n\n</details>\n",
        # a page indented throughout (converted from another format)
        "Data we collect\n\n    Set `FOO_OFF=1` to opt out.\n\n    * IP address\n"
        "    * Device model\n",
    ],
    ids=["box", "tab", "list-item", "definition", "footnote", "html", "indented-page"],
)
def test_indented_text_that_is_not_code(page: str) -> None:
    blocks = parse(page).blocks
    assert not any(isinstance(b, Code) for b in blocks), blocks
    assert any(isinstance(b, Paragraph) and "FOO_OFF" in b.text for b in blocks), blocks


@pytest.mark.parametrize("deeper", ["", "#"])
def test_the_words_over_code_stay_over_it_when_the_list_after_is_not_of_the_group(
    tmp_path: Path, deeper: str
) -> None:
    """A never-collected list after the code takes no intro: the words stay, over the code."""
    page = FRONT + (
        "# Foo telemetry\n\n## What data we collect\n\n### Diagnostics\n\n- OS version\n\n"
        f"###{deeper} Crash reports\n\nCrash reports are uploaded with this command:\n\n"
        "    foo report --upload\n\nWe never collect the following:\n\n- File contents\n"
    )
    result = import_page(tmp_path, page)
    bodies = [s["body"] for s in result.product["sections"] if s.get("title") == "Crash reports"]
    assert bodies == [
        "Crash reports are uploaded with this command:\n\n```\nfoo report --upload\n```"
    ]
