"""What an imported record claims is what the page says (issue 53): never a requirement, a
collected item or a recipient the page does not state.

Data is required or optional only when the page's words say so ("This program is optional");
else it is collected, requirement not stated. What the page says it does not collect ("We do
not collect ...", "What we never see", a question answered No) is never collected. Names that
are not data (a value's type, a legal basis) are no items. Each test writes a small page,
imports it, and checks the record and the report against what the page says.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from markdown.extensions.toc import slugify
from privacy_pages.importer.claims import modality
from privacy_pages.importer.item_text import ItemDraft
from privacy_pages.importer.markdown_doc import Code
from privacy_pages.importer.markup import html_to_markdown, plain
from privacy_pages.importer.prose_facts import (
    data_denied,
    data_named,
    listed_plainly,
    recipients_in,
)
from privacy_pages.importer.requirement import answered
from privacy_pages.importer.samples import sample_fields
from privacy_pages.importer.statements import says_how_long
from test_importer import FRONT, Imported, import_page
from test_importer_shapes import rendered

CORPUS = Path(__file__).parent / "fixtures" / "import-corpus"


def privacy_page(sentence: str) -> str:
    """A page whose privacy section says ``sentence``, then denies contacts: the entry every
    such test expects, whatever ``sentence`` gives."""
    return FRONT + f"# Kit\n\n## Privacy\n\n{sentence} We never collect your contacts.\n"


def never_names(result: Imported) -> list[str]:
    """The names of the record's never-collected items (from the catalog for a ``ref``)."""
    items = result.product.get("never_collected", {}).get("items", [])
    return [item.get("name") or result.catalog_name(item["ref"]) for item in items]


def names_in(result: Imported, section: str) -> list[str]:
    """The item names of one data section; none when the record has no such section."""
    if not result.product.get(section, {}).get("groups"):
        return []
    return result.names(section)


#: The opening of a review of data named in a sentence: the name as repr() wrote it ('a' or
#: "a's"), then the words of that review.
_PROSE_NAMED = re.compile(r"""^('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"): named in a """)


def prose_named(result: Imported, *, made: bool | None = None) -> list[str]:
    """The names the report lists as data a sentence says is collected: those kept as text,
    those made items from a plain list (``made``: only those, or only the others)."""
    found: list[str] = []
    for review in result.report.reviews:
        kept = "named in a sentence as data collected" in review.message
        listed = "named in a plain list of data a sentence says is collected" in review.message
        if review.topic == "prose" and (kept or listed) and made in (None, listed):
            match = _PROSE_NAMED.match(review.message)
            assert match is not None, review.message
            found.append(str(ast.literal_eval(match.group(1))))
    return found


def free_text(result: Imported) -> str:
    """The bodies of the record's free-form sections, one after the other."""
    return "\n".join(section.get("body", "") for section in result.product.get("sections", []))


def requirement_reviews(result: Imported) -> list[str]:
    return [r.message for r in result.report.reviews if r.topic == "requirement"]


# -- required, optional or not stated ------------------------------------------------------------


def test_a_program_the_page_calls_optional_gives_only_optional_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n"
        "This program is optional. It sends usage data to help us improve the tool.\n\n"
        "## Data points\n\n- The command being run\n- The exit code\n\n"
        "### Errors\n\n- Stack trace\n"
    )
    result = import_page(tmp_path, page)
    assert result.names("optional") == ["The command being run", "The exit code", "Stack trace"]
    assert names_in(result, "required") == [] and names_in(result, "collected") == []
    # Each group's decision is in the report, with the sentence that made it.
    decisions = requirement_reviews(result)
    assert len(decisions) == 2
    assert all('optional ("This program is optional."' in message for message in decisions)


def test_data_listed_without_words_on_its_requirement_is_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Notes app\n\n## Data we collect\n\n- Email address\n- Device model\n\n"
        "## Crash reports\n\n| Field | Description |\n| --- | --- |\n"
        "| Stack trace | Where the app stopped |\n"
    )
    result = import_page(tmp_path, page)
    assert result.names("collected") == ["Email address", "Device model", "Stack trace"]
    assert names_in(result, "required") == [] and names_in(result, "optional") == []
    decisions = requirement_reviews(result)
    assert len(decisions) == 2
    assert all("requirement not stated" in message for message in decisions)


@pytest.mark.parametrize(
    ("heading", "sentence"),
    [
        ("Opting out", "You can disable telemetry by setting `TOOL_TELEMETRY_OPTOUT=1`."),
        ("Opting out", "You can turn telemetry off by setting `TOOL_TELEMETRY_OPTOUT=1`."),
        ("Opting out", "Set `TOOL_TELEMETRY_OPTOUT=1` to turn telemetry off."),
        # (a reference page's shape: a command, and its words in the imperative, under a
        # heading that says nothing of turning it off)
        ("tool config telemetry", "Turn on or off telemetry."),
        ("tool config telemetry", "Disable telemetry for this machine."),
        ("tool config telemetry", "Telemetry can be toggled any time in the settings."),
    ],
)
def test_a_page_that_says_telemetry_can_be_turned_off_gives_optional_items(
    tmp_path: Path, heading: str, sentence: str
) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## Data points\n\n- The command being run\n\n"
        f"## {heading}\n\n{sentence}\n"
    )
    result = import_page(tmp_path, page)
    assert result.names("optional") == ["The command being run"]
    assert names_in(result, "collected") == []


@pytest.mark.parametrize(
    "lead",
    [
        "If the user has consented to `kit` collecting usage data, the following data will be "
        "collected when a command is executed -",
        "If you have consented to telemetry, we collect:",
        "If you consent, the following data is collected:",
    ],
)
def test_a_lead_that_says_the_reader_consented_gives_optional_items(
    tmp_path: Path, lead: str
) -> None:
    page = FRONT + f"# Kit usage data\n\n{lead}\n\n* Command Name\n* Command Duration\n"
    result = import_page(tmp_path, page)
    assert result.names("optional") == ["Command Name", "Command Duration"]
    assert names_in(result, "collected") == []


@pytest.mark.parametrize(
    "part",
    [
        "### Disable telemetry\n\nWe urge you to keep it on.\n",
        "### Flags\n\nTelemetry can be disabled with `--telemetry=off`.\n",
    ],
)
def test_a_part_of_a_section_of_controls_gives_its_cues(tmp_path: Path, part: str) -> None:
    # (FerretDB's shape: "## Configuration" over "### Disable telemetry")
    page = FRONT + (
        "# Kit telemetry\n\n## Data collected\n\n- Kit version\n- OS name\n\n"
        "## Configuration\n\nThe reporter has three states: `enabled`, `disabled` and "
        f"`undecided`.\n\n{part}"
    )
    result = import_page(tmp_path, page)
    assert result.names("optional") == ["Kit version", "OS name"]


def test_the_steps_of_a_part_of_a_section_of_controls_are_no_cue(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit telemetry\n\n## Data collected\n\n- Kit version\n- OS name\n\n"
        "## Configuration\n\nThe reporter has three states: `enabled`, `disabled` and "
        "`undecided`.\n\n### View statistics\n\nRun `kit stats` to see:\n\n"
        "- How many events were sent\n- When you opted in\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Kit version", "OS name"]
    assert "optional" not in result.product


# -- never collected ---------------------------------------------------------------------------


def test_what_a_sentence_says_is_not_collected_is_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# App\n\n## Privacy\n\nWe do not collect your name, your location or your contacts.\n\n"
        "## Data we collect\n\n- Crash reports\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Name", "Location", "Contacts"]
    assert result.data_names() == ["Crash reports"]


def test_a_list_under_what_we_never_see_is_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Mail app\n\n## Data we collect\n\n- Crash reports\n\n"
        "## What we never see\n\n- Your messages\n- Your photos\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Your messages", "Your photos"]
    assert result.data_names() == ["Crash reports"]


@pytest.mark.parametrize(
    "heading",
    [
        "🚫 Sensitive Data We Never Touch",
        "Data we never read",
        "Personal information we never look at",
        "Data we won\u2019t touch",  # (a typographic apostrophe)
        "Personal and sensitive data we never touch",
    ],
)
def test_a_list_under_data_we_never_touch_or_read_is_never_collected(
    tmp_path: Path, heading: str
) -> None:
    page = FRONT + (
        "# Code search\n\n## What we collect\n\n### ✅ Data we collect\n\n- Error rates\n\n"
        f"### {heading}\n\n- File contents or code snippets\n- API keys or credentials\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["File contents or code snippets", "API keys or credentials"]
    assert result.data_names() == ["Error rates"]


@pytest.mark.parametrize(
    "heading",
    [
        "Do not read this if you are in a hurry",
        "No request tracking",
        "Right to ask us not to process your data",
        "How we handle requests",
        # (a review's finds: requests, contrasts, data the publisher does receive)
        "Requests we do not handle",
        "Your rights if we cannot handle your request",
        "Things we won't ask for (and what we will)",
        "Data we do not request, but may receive",
        "Security: we never read your data, but we log access",
        "Payment data we don't handle (processed by Stripe)",
        # (a second review's finds: support pages, limits, phishing notices)
        "What we can't handle",
        "Files we can't read",
        "Information we will never ask you for",
        "What it won't touch",
        "Things we never request",
    ],
)
def test_a_denied_verb_without_the_publisher_names_no_data_never_collected(heading: str) -> None:
    from privacy_pages.importer.classify import Kind, classify_heading

    assert classify_heading(heading) is not Kind.NEVER


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # after a passive, the words after the verb say where the data does not go
        ("It is not transmitted to our servers.", []),
        ("It is never uploaded to the cloud.", []),
        ("It isn't transmitted to our servers.", []),
        ("We do not transmit your location.", ["Location"]),
        # (a review's finds: the data after "to collect" or a colon is what is denied)
        ("It is never used to collect your location or contacts.", ["Location", "Contacts"]),
        ("It is not tracked: your location.", ["Location"]),
        (
            "We are not collecting any personally identifying information.",
            ["Personally identifying information"],
        ),
    ],
)
def test_a_passive_denial_names_no_data_by_where_it_does_not_go(
    sentence: str, denied: list[str]
) -> None:
    assert data_denied(sentence) == denied


def test_bullets_that_say_what_one_datum_is_and_why_are_no_list_of_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Trip app privacy\n\n## Data we collect\n\n### A. Location data\n\n"
        "* **What we collect:** Precise location data (GPS coordinates).\n"
        "* **How we use it:** We use this data to measure your trips.\n"
        "* **Storage:** This data is stored on your device.\n\n"
        "### B. Account\n\n* **Email:** Your email address.\n* **Name:** Your name.\n"
    )
    result = import_page(tmp_path, page)
    # The labels are no data: the first list stays text, the second's labels are items.
    assert result.data_names() == ["Email", "Name"]
    assert "**What we collect:** Precise location data" in free_text(result)


@pytest.mark.parametrize(
    ("page", "named"),
    [
        # (a review's finds: a lead of data, or a lone "Why", keeps the list one of data)
        (
            "The CLI sends the following:\n\n- **Usage:** commands run\n"
            "- **Storage:** cache size\n- **How we use it:** to prioritize features\n",
            ["Usage", "Storage"],
        ),
        (
            "- **Usage:** commands run and exit codes\n- **Data:** your email address\n"
            "- **Why:** to debug crashes\n",
            ["Usage", "Data"],
        ),
    ],
)
def test_labelled_bullets_of_data_stay_data(tmp_path: Path, page: str, named: list[str]) -> None:
    result = import_page(tmp_path, FRONT + "# Kit\n\n## Data we collect\n\n" + page)
    assert set(named) <= set(result.data_names()), result.data_names()


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("The data that the Kit app uses", "collected"),
        ("Data we use", "collected"),
        ("Data processors we use", "sharing"),  # (a review's finds)
        ("Data centers we use", "storage-location"),
    ],
)
def test_a_heading_of_the_data_a_product_uses_names_data(heading: str, kind: str) -> None:
    from privacy_pages.importer.classify import classify_heading, is_purposes_heading

    assert classify_heading(heading).value == kind
    assert not is_purposes_heading("We collect the following data for the following purposes:")


def test_the_data_an_app_uses_is_data_and_a_heading_of_purposes_lists_purposes(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# App privacy\n\n## The data that the Kit app uses.\n\n- Crash reports\n- Device model\n\n"
        "### Kit ID requires the user's email with the following purposes:\n\n"
        "- Verifying that the account is not made by a bot\n- Notifying the user of new sign-ins\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Crash reports", "Device model"]


def test_questions_answered_yes_are_collected_and_no_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Contoso SDK privacy\n\n## Data safety\n\n| Question | Answer |\n| --- | --- |\n"
        "| Does the SDK collect the user's name? | No |\n"
        "| Does the SDK collect the device model? | Yes |\n"
        "| Does the SDK collect the precise location? | No |\n"
        "| Does it share data with third parties? | No |\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Device model"]
    assert never_names(result) == ["Name", "Precise location"]
    # "Does it share data with third parties? No": nobody receives the data.
    assert not result.product.get("sharing", {}).get("recipients")


# -- names that are not data -------------------------------------------------------------------


def test_a_column_of_value_types_never_names_an_item(tmp_path: Path) -> None:
    page = FRONT + (
        "# Agent telemetry\n\n## Data collected\n\n"
        "| Description | Name | Type |\n| --- | --- | --- |\n"
        "| Computer name | name | string |\n"
        "| Operating system version | osVersion | string |\n"
    )
    result = import_page(tmp_path, page)
    names = result.data_names()
    assert "string" not in names
    assert names == ["Computer name", "Operating system version"]


def test_a_legal_basis_in_a_data_list_is_no_item(tmp_path: Path) -> None:
    page = FRONT + (
        "# App privacy\n\n## Data we collect\n\n- Email address\n- Performance of contract\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Email address"]
    assert "Performance of contract" in result.text  # kept as text, not lost
    [review] = [r for r in result.report.reviews if r.topic == "not data"]
    assert review.line == page.splitlines().index("- Performance of contract") + 1
    assert "legal basis" in review.message


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Helps us fix bugs", "a purpose"),
        ("Better understand our users' needs", "a purpose"),
        ("Once every 24 hours at a time randomly picked", "a time or an event"),
        ("30 seconds after the platform starts up", "a time or an event"),
        ("EU-based users", "a group of people"),
    ],
)
def test_a_purpose_a_time_or_a_group_of_people_in_a_data_list_is_no_item(
    tmp_path: Path, line: str, why: str
) -> None:
    page = FRONT + f"# Tool telemetry\n\n## Data we collect\n\n- Number of users\n- {line}\n"
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Number of users"]
    assert line in rendered(result)  # kept as text, not lost
    [review] = [r for r in result.report.reviews if r.topic == "not data"]
    assert f"{why}, not data" in review.message


# -- where the page's sections go --------------------------------------------------------------


def test_sections_about_the_project_go_after_more_information(tmp_path: Path) -> None:
    page = FRONT + (
        "# App privacy\n\n## Data we collect\n\n- Email address\n\n"
        "## Your rights\n\nYou may ask us to delete your data.\n\n"
        "## License\n\nMIT.\n\n## Thank you\n\nThanks to our contributors.\n"
    )
    result = import_page(tmp_path, page)
    placed = {s["title"]: s["after"] for s in result.product["sections"]}
    assert placed == {"License": "more-information", "Thank you": "more-information"}


@pytest.mark.parametrize(
    "heading",
    [
        "Optional dependencies",
        "Required environment variables",
        "Mandatory steps",
        "Optional build tools",
        "Required command-line arguments",
    ],
)
def test_a_heading_of_required_software_or_steps_is_no_data(tmp_path: Path, heading: str) -> None:
    # "Required" or "Optional" before what a project needs or offers names no data.
    page = FRONT + (
        f"# Acme\n\n## Data we collect\n\n- CLI version\n\n## {heading}\n\n"
        "- `libfoo` for image support\n- `DATABASE_URL`\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["CLI version"]
    placed = {s["title"]: s["after"] for s in result.product["sections"]}
    assert placed == {heading: "more-information"}
    assert "`DATABASE_URL`" in free_text(result)


def test_a_link_to_a_heading_read_into_controls_points_to_your_rights(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\nTo stop sending data, see [Opting out](#opting-out).\n\n"
        "## Data points\n\n- The command being run\n\n"
        "## Opting out\n\nSet `TOOL_TELEMETRY_OPTOUT=1` in your environment.\n"
    )
    result = import_page(tmp_path, page)
    assert result.product["controls"]["options"] == [
        "Set `TOOL_TELEMETRY_OPTOUT=1` in your environment."
    ]
    assert result.product["intro"] == "To stop sending data, see [Opting out](#your-rights)."
    assert "#opting-out" not in result.text
    # The anchor is one the product page has: its "Your rights" heading.
    markdown = rendered(result)
    headings = {
        slugify(line.lstrip("#").strip(), "-")
        for line in markdown.splitlines()
        if line.startswith("#")
    }
    assert "your-rights" in headings and "opting-out" not in headings
    [link] = [r.message for r in result.report.reviews if r.topic == "link"]
    assert link.startswith("#opting-out:") and "#your-rights" in link


def test_a_bullet_that_denies_data_gives_its_list_as_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## What is collected\n\n- Command invoked\n- Version of tool\n"
        "- We **DO NOT** collect any metrics which may contain sensitive data. This includes, "
        "but is not limited to: task names, package names, file paths.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Command invoked", "Version of tool"]
    assert never_names(result) == [
        "Metrics which may contain sensitive data",
        "Task names",
        "Package names",
        "File paths",
    ]
    # The sentence stays as written: "not limited to" says the list is not the whole.
    assert "but is not limited to" in result.product["never_collected"]["intro"]
    assert "No data is listed" not in result.text


def test_what_the_words_over_a_list_deny_is_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## General info\n\n"
        "We **never** track personal information in our telemetry. For example, we track "
        "which command you are using and which command options, but the information passed "
        "to these options is never included in the telemetry.\n\n"
        "This is what we track:\n\n- Name of the executed command\n- Tool version\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Name of the executed command", "Tool version"]
    # Neither "which command options" (data it tracks) nor "In the telemetry" (where).
    assert never_names(result) == ["Personal information", "Information passed to these options"]


@pytest.mark.parametrize(
    ("sentence", "never"),
    [
        (
            "I have not programmed this app to collect any personally identifiable information.",
            ["Personally identifiable information"],
        ),
        ("No personal data is collected.", ["Personal data"]),
        (
            "Other information, like your name and your messages, is stored locally on your "
            "device and never sent to us.",
            ["Name", "Messages"],
        ),
        (
            "We take steps to ensure that secure data (e.g. environment variables used to store "
            "secrets) do not make their way into our analytics.",
            ["Secure data", "Environment variables"],
        ),
        (
            "They don't include any information about user inputs, such as the names of files.",
            ["Information about user inputs", "Names of files"],
        ),
    ],
)
def test_a_sentence_that_denies_data_names_it_as_never_collected(
    tmp_path: Path, sentence: str, never: list[str]
) -> None:
    page = FRONT + f"# App\n\n## Privacy\n\n{sentence}\n\n## Data we collect\n\n- Crash reports\n"
    result = import_page(tmp_path, page)
    assert never_names(result) == never
    assert result.data_names() == ["Crash reports"]


def test_what_an_item_is_collected_without_is_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Shell telemetry\n\n## Data we collect\n\n"
        "- The parameters passed to the shell without the parameter values\n- Shell version\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == [
        "The parameters passed to the shell without the parameter values",
        "Shell version",
    ]
    assert never_names(result) == ["Parameter values"]


def test_data_sent_even_when_turned_off_is_required(tmp_path: Path) -> None:
    page = FRONT + (
        "# Voice app\n\n## Usage statistics\n\n"
        "You can disable Usage statistics in Settings. If you disable them, the app anyway "
        "sends the query to my server, but the username is empty.\n\n"
        "| Key | Value | Explanation |\n| --- | --- | --- |\n"
        "| `queryType` | *Text* | The kind of query |\n| `version` | *Integer* | The app's version |\n\n"
        "## Saving the logs\n\nYou can turn on/off in Settings.\n\n"
        "| Key | Value | Explanation |\n| --- | --- | --- |\n"
        "| `stackTrace` | *Text* | Where the error happened |\n\n"
        "## Recordings\n\nWe collect your recordings when you speak.\n"
    )
    result = import_page(tmp_path, page)
    assert result.names("required") == ["queryType", "version"]
    assert result.names("optional") == ["stackTrace"]
    # The recordings are named in a sentence only: kept as text, listed for review, and no
    # cue of the other sections makes them an item.
    assert names_in(result, "collected") == []
    assert prose_named(result) == ["Recordings"]


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("To improve security", "a purpose"),
        ("6.0.0", "a value or a version"),
        ("--analytics-host HOST", "a command-line option"),
        ("telemetry/service.py", "a source file"),
        ("Foreground only", "a limit or a quality"),
        ("GitHub Germany GmbH", "an organization"),
        ("android.permission.INTERNET", "a permission"),
        ("For all HTTP commands", "the scope"),
        ("Count of API invocations but", "cut off"),
        ("Whether a get or set was issued and", "cut off"),
        ("_comment", "a comment"),
    ],
)
def test_names_that_are_not_data_are_no_items(tmp_path: Path, name: str, why: str) -> None:
    page = FRONT + f"# App privacy\n\n## Data we collect\n\n- Email address\n- {name}\n"
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Email address"]
    [review] = [r for r in result.report.reviews if r.topic == "not data"]
    assert why in review.message
    assert name in result.text  # kept as text, not lost


@pytest.mark.parametrize(
    "name",
    [
        "Timestamp",
        "Operating system version",
        "IP address",
        "Date",
        "Email only account",
        "Formatting preferences",
        "Name and email address",
    ],
)
def test_names_of_data_stay_items(tmp_path: Path, name: str) -> None:
    page = FRONT + f"# App privacy\n\n## Data we collect\n\n- Email address\n- {name}\n"
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Email address", name]


@pytest.mark.parametrize("label", ["**Note:** ", "Note: ", "**Important**: "])
def test_a_note_that_says_the_program_is_optional_holds_for_the_page(
    tmp_path: Path, label: str
) -> None:
    # A labelled line speaks of its item ("**Email**: if you choose ..."), but a note is no item.
    page = FRONT + (
        "# Tool telemetry\n\n## Data points\n\n- The command being run\n\n"
        f"## More\n\n{label}You can disable telemetry by setting `TOOL_NO_TELEMETRY=1`.\n"
    )
    result = import_page(tmp_path, page)
    assert result.names("optional") == ["The command being run"]


def test_bullets_that_deny_data_are_never_collected_and_a_sale_is_not_data(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Photo app\n\n## Summary\n\n"
        "- Photo app does NOT collect, transmit, sell, or share any user data.\n"
        "- No sale of data.\n\n"
        "## What Photo app does not store\n\n"
        "- No camera, location, or contacts data.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == []
    assert never_names(result) == ["User data", "Camera", "Location", "Contacts data"]
    assert "No sale of data." in result.text  # a promise about selling, kept as text


def test_a_never_collected_bullet_that_lists_data_gives_each_its_entry(tmp_path: Path) -> None:
    page = FRONT + (
        "# SDK\n\n## Data we collect\n\n- Device model\n\n## What it does not collect\n\n"
        "- **No advertising ID.** The SDK never reads it.\n"
        "- **No contacts, calendar, photos, microphone or camera.**\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == [
        "Advertising ID",
        "Contacts",
        "Calendar",
        "Photos",
        "Microphone",
        "Camera",
    ]
    assert "The SDK never reads it." in result.text


def test_a_play_data_types_table_says_collected_when_and_whether_optional(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# SDK\n\n## Filling in the data safety form\n\n"
        "| Data type | Collected | Shared | Purpose | Optional? |\n| --- | --- | --- | --- | --- |\n"
        "| **Device or other IDs** | Yes | No | Analytics | Required |\n"
        "| **Personal info** — email address | Only if you pass it to `identify()` | No | "
        "Marketing | Optional |\n"
        "| Location | No | No | | |\n"
    )
    result = import_page(tmp_path, page)
    assert result.names("required") == ["Device or other IDs"]
    assert result.names("optional") == ["Personal info — email address"]
    email = result.item("Personal info — email address", "optional")
    assert email["condition"].startswith("Only if you pass it to")
    assert "Purpose: Marketing" in email["description"]  # the row's other cells are kept
    assert never_names(result) == ["Location"]


@pytest.mark.parametrize(
    ("sentence", "section"),
    [
        ("You can disable it. If you turn it off, crash data is still sent.", "required"),
        (
            "You can disable it. If you turn it off, the app still works and sends nothing.",
            "optional",
        ),
        # What is sent once the program is opted out cannot be turned off (mip-sdk-telemetry)
        ("You can opt out. When telemetry is set to opted out, a minimum set is sent.", "required"),
        ("You can opt out. When telemetry is turned off, no data is sent.", "optional"),
    ],
)
def test_still_sent_when_turned_off_is_required_and_still_working_is_not(
    tmp_path: Path, sentence: str, section: str
) -> None:
    page = FRONT + f"# Tool telemetry\n\n## Telemetry\n\n{sentence}\n\n- The command being run\n"
    result = import_page(tmp_path, page)
    assert result.names(section) == ["The command being run"]


def test_a_lead_that_says_how_to_turn_it_off_holds_for_the_page(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## Data points\n\n- The command being run\n\n"
        "## More\n\nTo turn telemetry off: set `TOOL_NO_TELEMETRY=1`.\n"
    )
    result = import_page(tmp_path, page)
    assert result.names("optional") == ["The command being run"]


def test_a_sentence_opening_with_no_data_is_no_list_of_never_collected_data(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## Data points\n\n- The command being run\n\n"
        "## Sensitive data\n\nNo data we collect is personally identifiable or trackable.\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == []  # not "Trackable"
    assert "No data we collect is personally identifiable or trackable." in result.text


# -- words over a list, and denials that name nothing ------------------------------------------


def test_words_over_a_list_name_its_data_again_and_make_no_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n"
        "Tool collects anonymous feature usage information and observed errors.\n\n"
        "## What data is collected?\n\nTool collects the following data:\n\n"
        "- Fatal errors and warnings\n- Command-line arguments used\n\n"
        "## Crash handling\n\nThe crash handler collects stack traces and memory dumps.\n"
    )
    result = import_page(tmp_path, page)
    # The opening sums up the list: its words are no second set of items; "usage information"
    # only sums data up and is not listed. The crash handler's sentence is the only place
    # its data is named, a plain list of two: made items, listed for review.
    assert result.data_names() == [
        "Fatal errors and warnings",
        "Command-line arguments used",
        "Stack traces",
        "Memory dumps",
    ]
    assert prose_named(result) == ["Observed errors", "Stack traces", "Memory dumps"]


def test_a_denial_that_holds_only_in_some_case_is_no_never_collected_data(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## Data points\n\n- The version of the tool\n- The OS name\n\n"
        "This information isn't sent if the tool is embedded in another application.\n\n"
        "## Location\n\n"
        "Your location is never transmitted without your explicit consent.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["The version of the tool", "The OS name"]
    assert never_names(result) == []  # not "This information", not "Your location"


def test_a_lead_that_denies_what_its_bullets_do_gives_never_collected_data(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Server telemetry\n\n## Data points\n\n- Number of indexes\n\n"
        "**We will never:**\n\n- Identify or track users\n"
        "- Collect personal information such as IP addresses or email addresses\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Number of indexes"]
    assert never_names(result) == ["Personal information", "IP addresses", "Email addresses"]
    # The bullet that names no data is kept, under the lead, in the page's words.
    assert "Identify or track users" in result.product["never_collected"]["intro"]


def test_a_sentence_denying_data_it_does_not_name_is_quoted_not_called_nothing(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Browser\n\n## Data we collect\n\n- Daily usage ping\n\n## Location\n\n"
        "If you allow it, your location is used by the sites you choose; this data is not "
        "sent to our servers.\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == []
    assert "never-collected" not in result.product.get("empty_sections", {})
    quoted = [s for s in result.product["sections"] if s["after"] == "never-collected"]
    assert ["this data is not sent to our servers" in s["body"] for s in quoted] == [True]


@pytest.mark.parametrize(
    ("sentence", "quoted"),
    [
        # An exception leaves the denial standing otherwise: quoted, exception and all.
        ("This site does not use tracking or analytics tools unless explicitly stated.", True),
        # A condition scopes the denial to a case: the data is sent otherwise.
        ("Crash reports are not sent when you are offline.", False),
    ],
)
def test_a_denial_with_an_exception_is_quoted_one_with_a_condition_is_not(
    tmp_path: Path, sentence: str, quoted: bool
) -> None:
    page = FRONT + (
        "# Site\n\n## Data collected\n\n"
        "- **Server logs:** Technical data such as the IP address and the time of access.\n\n"
        f"## Cookies\n\n{sentence}\n"
    )
    result = import_page(tmp_path, page)
    sections = [s for s in result.product.get("sections", []) if s["after"] == "never-collected"]
    assert [sentence in s["body"] for s in sections] == ([True] if quoted else [])
    empty = result.product.get("empty_sections", {})
    assert ("never-collected" in empty) is not quoted


def noted(sentence: str) -> str:
    """A tool's page that lists one item and then says ``sentence`` in a section of notes."""
    return FRONT + f"# Tool\n\n## Data we collect\n\n- Command name\n\n## Notes\n\n{sentence}\n"


@pytest.mark.parametrize(
    ("sentence", "never"),
    [
        # Denied in a case of a choice or a state: taken outside it, so never "never".
        ("Usage data is not collected when you opt out.", []),
        ("Crash reports are not sent when you are offline.", []),
        ("If you disable telemetry, no usage data is sent.", []),
        # Denied in every case, or more so.
        ("We do not collect personal data when you use the app.", ["Personal data"]),
        ("Your files are never sent, even when telemetry is turned off.", ["Files"]),
    ],
)
def test_a_denial_in_a_case_of_a_choice_is_not_never_collected(
    tmp_path: Path, sentence: str, never: list[str]
) -> None:
    result = import_page(tmp_path, noted(sentence))
    assert never_names(result) == never
    assert result.data_names() == ["Command name"]


@pytest.mark.parametrize(
    ("sentence", "never"),
    [
        # "information on X" is what the information is of: the list goes on after it.
        (
            "We do NOT collect any information on users' datasets, or metadata information.",
            ["Information on users' datasets", "Metadata information"],
        ),
        # ... but "information on our servers" says where, and names no data.
        ("We never store information on our servers.", []),
        # Data denied of some people only is named with them ("knowingly" would hedge it: see
        # test_a_denial_of_intent_is_no_never_collected_entry).
        ("We don't collect data from children.", ["Data from children"]),
        # "gain access to" is no data: what access is denied to is
        # (test_a_denied_name_keeps_what_the_data_is_related_to_and_its_examples).
        (
            "We do not collect, process or gain access in any way to special categories.",
            ["Special categories"],
        ),
    ],
)
def test_what_a_denial_names(tmp_path: Path, sentence: str, never: list[str]) -> None:
    result = import_page(tmp_path, noted(sentence))
    assert never_names(result) == never
    assert result.data_names() == ["Command name"]


@pytest.mark.parametrize(
    ("sentence", "never"),
    [
        ("Errors contain stack traces that have been scrubbed of user paths.", ["User paths"]),
        (
            "All personally identifiable information is scrubbed from this information.",
            ["Personally identifiable information"],
        ),
        ("IP addresses are removed before upload.", ["IP addresses"]),
        # Kept, then deleted: a period, not data never collected.
        ("Your data is removed from our servers after 30 days.", []),
        ("Crash reports are redacted and sent.", []),
    ],
)
def test_data_taken_out_before_sending_is_never_collected(
    tmp_path: Path, sentence: str, never: list[str]
) -> None:
    result = import_page(tmp_path, noted(sentence))
    assert never_names(result) == never
    # The report gives the words that decided it.
    decided = [r.message for r in result.report.reviews if "read as never collected" in r.message]
    assert len(decided) == len(never) and not any("(None)" in m for m in decided), decided


def test_a_bold_label_is_not_repeated_in_what_its_item_says(tmp_path: Path) -> None:
    page = FRONT + (
        "# Site\n\n## Data collected\n\n"
        "- **Server logs:** Technical data such as the IP address.\n"
        "- **Cookies & analytics:** This site does not use tracking or analytics tools.\n"
    )
    result = import_page(tmp_path, page)
    said = [line for line in result.text.splitlines() if "This site does not use" in line]
    assert said and all(line.count("Cookies & analytics") == 1 for line in said), said


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("How Telemetry Helps", "unknown"),
        ("Q: Will telemetry slow down my CLI?", "unknown"),
        ("Re-enable Telemetry", "controls"),
        ("CLI Telemetry", "collected"),
        ("What's included in the general telemetry data", "collected"),
    ],
)
def test_a_heading_about_telemetry_is_a_data_section_only_when_it_names_data(
    heading: str, kind: str
) -> None:
    from privacy_pages.importer.classify import classify_heading

    assert classify_heading(heading).value == kind


def test_on_a_page_that_says_no_data_is_collected_a_list_is_no_claim_of_data(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Score app\n\n**Score app collects NO user data.**\n\n"
        "## Data collection and security\n\n**Answer**: No\n\n"
        "**Explanation**: Everything stays on the device.\n\n"
        "## Data we collect\n\n- GitHub Pages\n- Personal website\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == []
    assert "GitHub Pages" in result.text  # kept as the page's text, with the reason reported
    reviews = [r.message for r in result.report.reviews if r.topic == "not data"]
    assert any("the page says no data is collected (line" in m for m in reviews)


def test_a_list_whose_lead_says_it_is_collected_outweighs_no_data_said_elsewhere(
    tmp_path: Path,
) -> None:
    # "No data is sent to any server" says where data goes, and the list's own lead says its
    # data is collected: the lead over the list decides.
    page = FRONT + (
        "# Game\n\n## Personal Data Collected\n\n"
        "Additionally, non-personal data is collected, such as:\n\n"
        "1. Total playtime\n2. Number of games won\n\n"
        "## Purpose\n\nNo data is sent to any server or third party.\n"
    )
    assert import_page(tmp_path, page).data_names() == ["Total playtime", "Number of games won"]


@pytest.mark.parametrize(
    "lead",
    [
        "The following data is collected by Google Play:",
        "The following data is recorded locally on your device:",
    ],
)
def test_a_lead_that_names_another_taker_or_the_device_does_not_outweigh_no_data(
    tmp_path: Path, lead: str
) -> None:
    page = FRONT + (
        f"# Game\n\nNo data is collected.\n\n## Data collected\n\n{lead}\n\n"
        "1. Total playtime\n2. Number of games won\n"
    )
    assert import_page(tmp_path, page).data_names() == []


def test_a_page_that_collects_no_personal_data_still_lists_its_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\nWe do not collect any personal data.\n\n"
        "## Data we collect\n\n- The command being run\n"
    )
    assert import_page(tmp_path, page).data_names() == ["The command being run"]


def test_answered_bullets_say_collected_or_not_unless_they_answer_a_heading(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Time app\n\n## Data collected\n\n"
        "- ☐ Precise location: No\n- ☐ Other user-generated content: **YES - Time tracking**\n\n"
        "### Why is this data collected?\n\n- **App functionality**: ☑ Yes\n"
        "- **Analytics**: ☐ No\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Other user-generated content"]
    assert never_names(result) == ["Precise location"]  # not "Analytics": a purpose answered
    assert "Analytics" in result.text


# -- data given in code ---------------------------------------------------------------------------

SAMPLE = '```json\n{\n  "db_uid": "dddff371",\n  "version": "v1.0.0",\n  "metrics": {"tables": 2}\n}\n```\n'


@pytest.mark.parametrize(
    ("before", "fields"),
    [
        (
            "The server sends these counts. Here is a sample row:\n\n",
            ["db_uid", "version", "metrics"],
        ),
        # After a list, the sample shows the data listed: no second set of items.
        ("We track:\n\n- Command invoked\n\nAn example event:\n\n", ["Command invoked"]),
        # A setting's keys configure the tool: no data.
        ("To turn it off, set this in your configuration file:\n\n", []),
    ],
)
def test_a_json_sample_of_what_is_sent_names_its_fields(
    tmp_path: Path, before: str, fields: list[str]
) -> None:
    page = FRONT + f"# Server telemetry\n\n## What data is collected?\n\n{before}{SAMPLE}"
    result = import_page(tmp_path, page)
    assert result.data_names() == fields
    assert '"db_uid": "dddff371"' in result.text  # the sample itself stays, as code


EVENT = (
    '```json\n{\n  "event": "status report", // what happened\n  "timestamp": "2022-05-02",\n'
    '  "properties": {"$ip": "165.22.112.27", "posthog_version": "1.35.0"}\n}\n```\n'
)


def test_a_sample_with_comments_under_a_question_names_the_fields_of_its_properties(
    tmp_path: Path,
) -> None:
    # posthog-self-host-egress: "What data is sent in the usage report?" is a heading over
    # data; a sample's "properties" are the fields the event holds; "//" comments are JSONC.
    page = FRONT + (
        "# Egress\n\n## What data is sent in the usage report?\n\n"
        f"The following is an example status report:\n\n{EVENT}"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["event", "timestamp", "$ip", "posthog_version"]


def test_a_sample_on_a_page_without_headings_names_its_fields_and_the_recipient(
    tmp_path: Path,
) -> None:
    # nginx-plus-usage-report: no heading; the lead and its sample are data, and "to F5
    # every hour" names F5.
    page = FRONT + (
        "By default, Widget sends usage data to F5 every hour in a POST request.\n\n"
        f"Here's an example of a usage report:\n\n{SAMPLE}"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["db_uid", "version", "metrics"]
    assert [r["name"] for r in result.product["sharing"]["recipients"]] == ["F5"]


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Opt-out signals", "optional"),
        ("How do I turn it off?", "optional"),
        ("Disable Switch", "optional"),  # (leash-telemetry)
        ("Disabling", "optional"),
        # One kind of data can be turned off: that says nothing of the rest.
        ("Disable optional diagnostic data", "collected"),
        ("Opt out of marketing emails", "collected"),
    ],
)
def test_a_heading_over_how_to_stop_collection_makes_the_program_optional(
    tmp_path: Path, heading: str, section: str
) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## Data points\n\n- The command being run\n\n"
        f"## {heading}\n\nSet `TOOL_FLAG=1` in your shell profile.\n"
    )
    result = import_page(tmp_path, page)
    assert result.names(section) == ["The command being run"]
    # The heading decided; its words are the importer's, never the item's control.
    (item,) = result.data_items()
    assert "heading" not in item.get("control", "")


def test_an_items_control_holds_sentences_whole_and_no_titles(tmp_path: Path) -> None:
    # photo-id-app-privacy's admonition marker, zulip-privacy's table of contents, and a
    # sentence in italics that once ended ".*."
    page = FRONT + (
        "# Tool\n\n## Contents\n\n- [Data collected](#data-collected)\n"
        "- [Tracking Tools and Opt-Out](#tracking-tools-and-opt-out)\n\n"
        '## Data collected\n\n!!! info "Always opt-in"\n\n    Telemetry is **always opt-in**.\n\n'
        "*You can turn telemetry off in Settings.*\n\n"
        "- The command being run\n\n"
        "## Tracking Tools and Opt-Out\n\nYou can opt out by running `tool telemetry off`.\n"
    )
    (item,) = import_page(tmp_path, page).data_items()
    control = item["control"]
    assert "*You can turn telemetry off in Settings.*" in control
    assert "!!!" not in control
    assert "Tracking Tools" not in control
    assert ".*." not in control


def test_the_words_over_a_later_sections_controls_stay_over_them(tmp_path: Path) -> None:
    # dcs-core-usage-analytics: the second section's lead ("questions like:") once became the
    # intro of every control, over the first section's option.
    page = FRONT + (
        "# Tool telemetry\n\n## Data collected\n\n- The command being run\n\n"
        "## How to disable telemetry\n\nSet `TOOL_NO_TELEMETRY` to `1`.\n\n"
        "## Should I opt out?\n\nTelemetry helps us answer questions like:\n\n"
        "- How many people use the tool?\n- Which features are used most?\n"
    )
    controls = import_page(tmp_path, page).product["controls"]
    assert "intro" not in controls
    assert [plain(option) for option in controls["options"]] == [
        "Set TOOL_NO_TELEMETRY to 1.",
        "Telemetry helps us answer questions like:",
        "How many people use the tool?",
        "Which features are used most?",
    ]


@pytest.mark.parametrize(
    ("signpost", "kept"),
    [
        ("Below we describe what is collected, how to opt out and why it helps us.", False),
        ("This page explains what we collect and how to turn telemetry off.", False),
        ("To learn more about how to disable certain events, see the SDK guide.", False),
        ("This data enables us to prioritize new features.", False),
        # (not a signpost: who is told how to decide, or a setting given with it)
        ("Users are reminded of how to disable telemetry at each deployment.", True),
        ("See how to opt out with the `TOOL_NO_TELEMETRY` variable.", True),
    ],
)
def test_words_that_point_to_how_to_opt_out_are_no_items_control(
    tmp_path: Path, signpost: str, kept: bool
) -> None:
    page = FRONT + (
        f"# Tool telemetry\n\n## Data collected\n\n{signpost}\n\n- The command being run\n\n"
        "## Opting out\n\nYou can opt out by running `tool telemetry off`.\n"
    )
    (item,) = import_page(tmp_path, page).data_items()
    control = plain(item["control"])
    assert "You can opt out by running tool telemetry off." in control
    assert (plain(signpost) in control) is kept


@pytest.mark.parametrize(
    ("sentence", "never"),
    [
        (
            "No user data or potentially sensitive information is or ever will be collected.",
            ["User data", "Potentially sensitive information"],
        ),
        (
            "We don't use cookies or any tracking technologies.",
            ["Cookies", "Tracking technologies"],
        ),
        ("We have no access to your files.", ["Files"]),
        ("We do not have access to the content of your notes.", ["Content of your notes"]),
    ],
)
def test_denials_in_the_words_pages_use(tmp_path: Path, sentence: str, never: list[str]) -> None:
    page = (
        FRONT + f"# Tool telemetry\n\n## Data points\n\n{sentence} We collect:\n\n- The OS name\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == never
    assert result.data_names() == ["The OS name"]


def test_a_data_safety_table_of_usage_says_what_is_not_collected(tmp_path: Path) -> None:
    # An HTML table whose usage cell spans rows, and says "Not collected." or how it is used.
    page = FRONT + (
        "# SDK\n\n## Data collection\n\n<table>\n"
        "<tr><th>Category</th><th>Data type</th><th>SDK usage</th></tr>\n"
        '<tr><td rowspan="2">Location</td><td>Approximate location</td>'
        '<td rowspan="2">Not collected by default.</td></tr>\n'
        "<tr><td>Precise location</td></tr>\n"
        "<tr><td>App info</td><td>Crash logs</td><td>The SDK collects crash logs for errors "
        "in the SDK.</td></tr>\n</table>\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Crash logs"]
    assert never_names(result) == ["Approximate location", "Precise location"]


def test_a_data_safety_form_answered_under_bold_labels_anywhere(tmp_path: Path) -> None:
    page = FRONT + (
        "# Time app\n\n## Detailed Responses\n\n**Personal Info**\n\n"
        "- ☐ Name: No\n- ☐ Email address: No\n\n**App Activity**\n\n"
        "- ☐ App interactions: No\n- ☐ Other user-generated content: **YES - Time tracking**\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Other user-generated content"]
    assert never_names(result) == ["Name", "Email address", "App interactions"]


@pytest.mark.parametrize("label", ["### {}", "**{}**"])
def test_a_form_category_with_one_data_type_answered(tmp_path: Path, label: str) -> None:
    # A form lists one data type under a category named like it ("Contacts", "Calendar"):
    # one answer is as much a claim as two. An answer that names other data than its heading
    # is no form's and stays text.
    heading = label.format
    page = FRONT + (
        f"# Time app\n\n## Detailed Responses\n\n{heading('Personal Info')}\n\n"
        "- ☐ Name: No\n- ☐ Email address: No\n\n"
        f"{heading('Contacts')}\n\n- Contacts: **Not collected**\n\n"
        f"{heading('Calendar')}\n\n- ☐ Calendar events: No\n\n"
        f"{heading('Web Browsing')}\n\n- Web browsing history: **Yes**\n\n"
        f"{heading('Support')}\n\n- Reply time: no\n\n"
        f"{heading('Location')}\n\n- Location: No, unless you turn on local forecasts.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Web browsing history"]
    assert never_names(result) == ["Name", "Email address", "Contacts", "Calendar events"]
    assert "Reply time: no" in free_text(result)
    assert "Location: No, unless you turn on local forecasts." in free_text(result)


@pytest.mark.parametrize(
    ("opening", "section"),
    [
        # The program named in the paragraph's sentence before the control.
        ("", "Usage telemetry is on by default. The administrator can opt out in the settings."),
        # The program named by the heading over the control.
        ("", "It is also possible to disable it in the configuration file."),
        # The program named by the page's title, over its opening.
        ("You can opt out in the settings.", "The data points are listed below."),
    ],
)
def test_a_control_under_words_that_name_the_program_makes_it_optional(
    tmp_path: Path, opening: str, section: str
) -> None:
    page = FRONT + (
        f"# Usage telemetry\n\n{opening}\n\n## Configuring telemetry\n\n{section}\n\n"
        "## Collected data\n\n- Instance id\n- Operating system\n"
    )
    result = import_page(tmp_path, page)
    assert result.names("optional") == ["Instance id", "Operating system"]
    assert names_in(result, "required") == [] and names_in(result, "collected") == []


def test_a_page_that_says_both_states_neither_and_the_report_quotes_both(tmp_path: Path) -> None:
    page = FRONT + (
        "# Usage telemetry\n\n## Configuring telemetry\n\n"
        "Usage telemetry is on by default. The administrator can opt out in the settings.\n\n"
        "**Important:** Licensed installations cannot disable telemetry.\n\n"
        "## Collected data\n\n- Instance id\n- Operating system\n"
    )
    result = import_page(tmp_path, page)
    assert result.names("collected") == ["Instance id", "Operating system"]
    assert names_in(result, "required") == [] and names_in(result, "optional") == []
    (decision,) = requirement_reviews(result)
    assert 'optional ("The administrator can opt out' in decision
    assert 'required ("Important: Licensed installations cannot disable telemetry.' in decision
    assert "requirement not stated" in decision


def test_bold_lead_ins_without_words_of_collection_are_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## What we collect\n\n- Command name\n- Exit code\n\n"
        "## How telemetry helps\n\nThis helps us understand:\n\n"
        "- **Macro view**: which commands are used together\n"
        "- **Micro view**: how each command is configured\n\n"
        "## Implementation\n\n"
        "- **Non-blocking**: telemetry never blocks the tool\n"
        "- **Fast timeout**: requests time out after one second\n\n"
        "## Events\n\n"
        "- **Command id**: the command that ran\n- **Duration**: how long it took\n"
    )
    result = import_page(tmp_path, page)
    # Under a heading over data, bold lead-ins name data; elsewhere they are text.
    assert result.data_names() == ["Command name", "Exit code", "Command id", "Duration"]
    text = rendered(result)
    assert "Macro view" in text and "Non-blocking" in text


def test_a_list_of_where_data_comes_from_is_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Service privacy policy\n\n## Personal data we collect\n\n- Email address\n\n"
        "## Categories of sources of personal data\n\n"
        "We collect personal data about you from the following categories of sources:\n\n"
        "- **You**\n"
        "    - When you create an account or use our services.\n"
        "    - When you send us an email.\n"
        "- **Third parties**\n"
        "    - Through cookies.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Email address"]
    assert "When you create an account" in rendered(result)


@pytest.mark.parametrize(
    ("answer", "never"),
    [
        ("No", ["Cookies"]),
        ("No. The app keeps nothing in the browser.", ["Cookies"]),
        ("No, except for a session cookie.", []),
        ("Yes, a session cookie.", []),
    ],
)
def test_a_heading_that_asks_answered_no_is_never_collected(
    tmp_path: Path, answer: str, never: list[str]
) -> None:
    page = FRONT + (
        "# Knitting app\n\n## What information do we collect?\n\n- Crash logs\n\n"
        f"## Do we use cookies?\n\n{answer}\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == never
    assert result.data_names() == ["Crash logs"]


def test_what_an_item_says_it_leaves_out_is_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Photo app\n\n## What we collect\n\n"
        "- **Crash reports** - When the app stops, a report is sent.\n"
        "- **Session recordings on errors** - Recordings are **not** captured continuously; "
        "only when something goes wrong. Text, images, and canvas elements are blocked and "
        "are not included.\n"
    )
    result = import_page(tmp_path, page)
    # "not captured continuously" says how often, not that recordings are never taken.
    assert never_names(result) == ["Text", "Images", "Canvas elements"]
    assert result.data_names() == ["Crash reports", "Session recordings on errors"]


def test_a_section_on_how_to_view_the_data_lists_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Editor telemetry\n\n## Data we collect\n\n- Crash reports\n\n"
        "## Viewing all telemetry events\n\n"
        "Run `editor --telemetry` to see every event the editor could send.\n\n"
        "### Event classification\n\nThe `classification` field describes the type of data.\n\n"
        "* `SystemMetaData` - Values generated by the editor.\n"
        "* `CallstackOrException` - Errors caused by failures in program execution.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Crash reports"]
    assert "SystemMetaData" in rendered(result)


def test_a_list_under_a_why_heading_is_a_purpose_only_when_it_says_one(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## What we collect\n\n- Command name\n\n"
        "## Why is telemetry collected?\n\n"
        "The tool is used daily and integrates with the front-end ecosystem:\n\n"
        "- **JavaScript frameworks** such as React and Vue\n- **Design tools** such as Figma\n\n"
        "The data helps us to:\n\n- Improve reliability\n- Prioritize features\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Command name"]
    assert result.product["purposes"]["items"] == ["Improve reliability", "Prioritize features"]
    assert "JavaScript frameworks" in rendered(result)


def test_purposes_said_by_their_bullets_and_legal_bases_that_are_not(tmp_path: Path) -> None:
    page = FRONT + (
        "# Service privacy\n\n## Data we collect\n\n- Email address\n\n"
        "## How we use data\n\nSome examples are helpful:\n\n"
        "- We will be able to see which plugins are used together.\n"
        "- We will be able to see timings of each build stage.\n\n"
        "This section details the ways we may handle your data:\n\n"
        "- Troubleshooting: We use personal data to identify and resolve technical issues.\n"
        "- Communication: We use personal data to send you security alerts.\n\n"
        "Our processing typically falls under these lawful bases:\n\n"
        "- Contractual necessity: processing is required to fulfil our duties to you.\n"
        "- Consent: we process data when you have consented to it.\n"
    )
    result = import_page(tmp_path, page)
    purposes = result.product["purposes"]["items"]
    assert len(purposes) == 4 and purposes[0].startswith("We will be able to see which plugins")
    assert purposes[3].startswith("Communication: We use personal data")
    assert not any("Consent" in purpose for purpose in purposes)
    assert "Contractual necessity" in rendered(result)  # a legal basis, kept as text


def test_a_list_of_ways_to_toggle_reporting_is_its_controls_not_its_purposes(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Anonymous reporting\n\n## Details\n\nThe server sends anonymous usage statistics.\n\n"
        "- Number of users\n- Server version\n\n"
        "## Toggling\n\nAnonymous reporting can be toggled any time using :\n\n"
        "- the UI (Settings > Anonymous reporting)\n"
        "- the `SERVER_REPORTING_ENABLED` env variable\n"
    )
    result = import_page(tmp_path, page)
    assert "purposes" not in result.product
    options = result.product["controls"]["options"]
    assert any("SERVER_REPORTING_ENABLED" in option for option in options)


def test_data_nested_under_an_event_is_data_and_the_event_is_text(tmp_path: Path) -> None:
    page = FRONT + (
        "# Extension telemetry\n\n## Data we collect\n\n- Extension version\n\n"
        "Common events are reported:\n\n- when extension is started\n"
        "- when extension is shutdown\n    - duration of the session\n"
    )
    result = import_page(tmp_path, page)
    assert "duration of the session" in [n.lower() for n in result.data_names()]
    assert not any(name.lower().startswith("when") for name in result.data_names())


def test_a_feature_that_never_does_something_is_no_answer_about_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## Data we collect\n\n- Command name\n\n"
        "## Data transmission\n\nThe transmission is:\n\n"
        "- **Non-blocking** - Never slows down the tool\n"
        "- **Fault-tolerant** - The tool works even if telemetry fails\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == []
    assert result.data_names() == ["Command name"]  # how data is sent is no data
    assert "Never slows down the tool" in rendered(result)  # the page's words, kept


def test_data_a_storage_section_says_it_keeps_is_data_not_a_service(tmp_path: Path) -> None:
    page = FRONT + (
        "# Notes App\n\nNotes App helps you take notes.\n\n## Data storage\n\n"
        "We store the following data on our servers:\n\n"
        "- Your email address\n- Your notes\n\n"
        "Data is stored in Germany.\n"
    )
    result = import_page(tmp_path, page)
    storage = result.product["storage"]
    assert "services" not in storage
    assert storage["locations"] == ["Germany"]
    # Stored is collected; the page does not say whether it is required.
    assert names_in(result, "collected") == ["Your email address", "Your notes"]


def test_a_data_safety_table_under_a_data_heading_answers_each_row(tmp_path: Path) -> None:
    # A Google Play form's table (strangerwave-data-safety): "Collected?" says which rows
    # are data and which are never collected; "Optional?" says Yes for optional data.
    page = FRONT + (
        "# App data safety\n\n## Data types collected and shared\n\n"
        "| Data Type | Collected? | Shared? | Optional? | Purpose |\n"
        "|---|---|---|---|---|\n"
        "| **User IDs** | Yes | No | No | Authentication |\n"
        "| **Name** | No | No | - | - |\n"
        "| **Personal Photos** | Yes | Yes | Yes | Video chat |\n"
        "| **Installed Apps** | No | No | - | - |\n"
    )
    result = import_page(tmp_path, page)
    assert result.names("required") == ["User IDs"]
    assert result.names("optional") == ["Personal Photos"]
    assert never_names(result) == ["Name", "Installed Apps"]


@pytest.mark.parametrize(
    ("sentence", "never"),
    [
        ("This web page does not use any cookies.", ["Cookies"]),
        (
            "These crashes contain hardware information, but no personally identifiable "
            "information is visible in the report.",
            ["Personally identifiable information"],
        ),
        ("Furthermore, no audio data is transmitted to our servers.", ["Audio data"]),
        (
            "These reports do not contain any raw event data — ie nothing unique.",
            ["Raw event data"],
        ),
        # A sentence in bold starts a sentence of its own: the one before it is no denial.
        (
            "The event contains the command name and whether it failed or not. **Error "
            "messages and flags are not recorded**.",
            ["Error messages", "Flags"],
        ),
        # Advice to the reader is no promise of the product's.
        (
            "Take care to ensure that the data set doesn't include personal data (such as the "
            "employee ID).",
            [],
        ),
        ("Make sure your logs do not contain passwords.", []),
        ("**Ensure anonymity**: we never collect IP addresses.", ["IP addresses"]),
        ("Make sure not to include passwords in your bug report.", []),
        ("Ensure logs don't contain tokens.", []),
        # what an action just named does: that case only
        (
            "You can view the data by running the CLI with `FOO_DEBUG=1`. This will write it to "
            "a file and will not send any telemetry data to the server.",
            [],
        ),
        ("This app will never collect your location.", ["Location"]),
    ],
)
def test_what_a_sentence_in_prose_denies_is_never_collected(
    tmp_path: Path, sentence: str, never: list[str]
) -> None:
    page = FRONT + f"# App privacy\n\n## How it works\n\nWe make an app. {sentence}\n"
    assert never_names(import_page(tmp_path, page)) == never


def test_a_sentence_on_what_the_data_leaves_out_does_not_deny_the_list(tmp_path: Path) -> None:
    # hearingaid-android-privacy: "This data ... does not contain any personal information"
    # after a list of crash data says what the data leaves out, not that it is not sent.
    page = FRONT + (
        "# App privacy\n\n## Crash reports\n\n"
        "The following information is transmitted to us in case of a crash:\n\n"
        "- app version\n- device model\n\n"
        "This data is transmitted anonymously and does not contain any personal information.\n"
    )
    result = import_page(tmp_path, page)
    assert names_in(result, "collected") == ["app version", "device model"]
    assert never_names(result) == ["Personal information"]


def test_a_sharing_table_names_the_party_not_the_data_it_receives(tmp_path: Path) -> None:
    page = FRONT + (
        "# App privacy\n\n## Data we collect\n\n- Email address\n\n## Third-party modules\n\n"
        "| Module | Purpose | Data Accessed |\n|---|---|---|\n"
        "| Firebase Analytics | App usage analytics | App activity, Device ID |\n"
    )
    [recipient] = import_page(tmp_path, page).product["sharing"]["recipients"]
    assert recipient["name"] == "Firebase Analytics"
    assert "App activity, Device ID" in recipient["purpose"]


def test_a_section_on_how_the_page_will_change_lists_no_data(tmp_path: Path) -> None:
    # syncable-cli-telemetry: "If we ever change what telemetry data is collected:" leads the
    # publisher's steps, not data.
    page = FRONT + (
        "# Tool telemetry\n\n## What we collect\n\n- Command name\n\n## Future changes\n\n"
        "If we ever change what telemetry data is collected:\n\n"
        "- **Major version bump** - Breaking changes will increment the major version\n"
        "- **Opt-in required** - New data types will require explicit opt-in\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Command name"]
    [section] = [s for s in result.product["sections"] if s.get("title") == "Future changes"]
    assert "Major version bump" in section["body"]


def test_a_name_whose_first_words_are_bold_is_the_whole_name(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## What we collect\n\n- Command name\n\n"
        "## What we don't collect\n\n- **Source code** or file contents\n"
        "- **Personal information** (usernames, email addresses)\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Source code or file contents", "Personal information"]


def test_a_sentence_that_asks_what_is_collected_names_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## What we collect\n\n- Command name\n\n## Details\n\n"
        "Run `tool telemetry info`. Shows exactly what data is collected.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Command name"]
    assert prose_named(result) == []  # (nor listed for review as data collected)


def test_sources_purposes_and_contacts_under_a_policys_data_heading_are_no_items(
    tmp_path: Path,
) -> None:
    # zulip-privacy: a "Personal Data" section holds the categories, then the sources of the
    # data and what it is for; the page ends with how to reach the publisher.
    page = FRONT + (
        "# Privacy Policy\n\n## Personal Data\n\n### Categories of Personal Data We Collect\n\n"
        "- Email address\n- Device/IP Data\n\n"
        "### Categories of Sources of Personal Data\n\n"
        "We collect Personal Data about you from the following categories of sources:\n\n"
        "- **You**\n- **Third Parties**\n\n"
        "### Our Commercial or Business Purposes for Collecting Personal Data\n\n"
        "- **Providing, Customizing and Improving the Services**\n- **Marketing the Services**\n\n"
        "## Contact Information\n\n- <https://example.com/support>\n- privacy@example.com\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Email address", "Device/IP Data"]
    assert "Third Parties" in result.text and "privacy@example.com" in result.text


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Recordings are stored in the European Union for 30 days.", True),
        ("Recordings are kept for 30 days. They are stored in the European Union.", True),
        # A period whose data is a pronoun: no rule, but the page says it, and so does the record
        ("Recordings are stored in the European Union. They are kept for 30 days.", False),
    ],
)
def test_a_place_of_storage_and_a_period_are_read_in_any_order(
    tmp_path: Path, text: str, rule: bool
) -> None:
    page = (
        FRONT
        + f"# Widget privacy\n\n## Data we collect\n\n- Email address\n\n## Storage\n\n{text}\n"
    )
    storage = import_page(tmp_path, page).product["storage"]
    assert storage["locations"] == ["European Union"]
    periods = [r["period"] for r in storage.get("retention", [])]
    assert periods == (["30 days"] if rule else [])
    assert rule or storage["retention_note"] == "They are kept for 30 days."
    assert "does not say how long" not in str(storage)


def test_a_list_of_periods_no_rule_is_read_from_is_the_retention_note(tmp_path: Path) -> None:
    # logyourbody-gdpr-compliance: the record said the page gives no retention period.
    page = FRONT + (
        "# App privacy\n\n## Data we collect\n\n- Email address\n\n## Data Location\n\n"
        "Data is stored in the United States.\n\n## Data Retention\n\n"
        "- Active accounts: Data retained while account is active\n"
        "- Deleted accounts: Removed within 30 days\n"
    )
    result = import_page(tmp_path, page)
    note = result.product["storage"]["retention_note"]
    assert "Removed within 30 days" in note and "does not say" not in note
    assert "Data Retention" not in [s.get("title") for s in result.product.get("sections", [])]


@pytest.mark.parametrize(
    ("where", "said"),
    [
        # In the page's prose, far from any storage section (codegen-cli-telemetry).
        (
            "## Telemetry\n\nWe store data for 14 months, if you use your own telemetry.\n",
            "14 months",
        ),
        # A period that is an event, not a duration (exasim-privacy, hearingaid-android-privacy).
        (
            "## Contact\n\nThe data will be deleted as soon as the purpose ceases to apply.\n",
            "as soon as",
        ),
        ("## Notes\n\n- Backups are stored until you delete your account.\n", "until you delete"),
        # A period by a policy the page names (common-data-model-privacy-notice).
        (
            "## Notes\n\nNames are deleted in accordance with our data retention policies.\n",
            "in accordance with our data retention policies",
        ),
        # A table with a column of periods (imageshare-data-safety).
        (
            "## What stays on the device\n\n| Data | Where | Retention |\n| --- | --- | --- |\n"
            "| Batch manifest | Room database | 7 days (auto-purged) |\n",
            "7 days",
        ),
    ],
)
def test_a_record_never_says_the_page_gives_no_period_when_the_page_gives_one(
    tmp_path: Path, where: str, said: str
) -> None:
    page = FRONT + (
        "# Widget privacy\n\n## Data we collect\n\n- Email address\n\n## Storage\n\n"
        f"Data is stored in the United States.\n\n{where}"
    )
    result = import_page(tmp_path, page)
    storage = result.product["storage"]
    assert "does not say how long" not in str(storage)
    # Read as a rule, or kept in the page's words as the note (the report says which).
    assert said in str(storage.get("retention", "")) + storage.get("retention_note", ""), storage
    if "retention" not in storage:
        assert any(
            r.topic == "retention" and "no retention rule was read from" in r.message
            for r in result.report.reviews
        ), result.report.reviews


@pytest.mark.parametrize(
    "text",
    [
        "The report is sent every 24 hours.",  # how often, not how long
        "Reports are uploaded once a day and processed in the United States.",
        "```\nretained for 30 days\n```",  # code says nothing
        "We have a data retention policy.",  # that it has one says nothing of how long
    ],
)
def test_a_page_that_gives_no_period_is_said_to_give_none(tmp_path: Path, text: str) -> None:
    page = FRONT + (
        "# Widget privacy\n\n## Data we collect\n\n- Email address\n\n## Storage\n\n"
        f"Data is stored in the United States.\n\n## Reports\n\n{text}\n"
    )
    note = import_page(tmp_path, page).product["storage"].get("retention_note", "")
    assert "does not say how long it keeps the data" in note


@pytest.mark.parametrize(
    "denial",
    [
        "This site does not use any cookies.",
        "No personal information is ever sent to our servers.",
        # In a list, not a paragraph (valentinpfeil-privacy-policy's shape).
        "- **Cookies & analytics:** This site does not use any cookies.",
        "- Crash reports: this data is never sent to our servers.",
    ],
)
def test_a_record_never_says_none_is_listed_when_the_page_denies_collecting(
    tmp_path: Path, denial: str
) -> None:
    page = FRONT + (
        f"# Widget privacy\n\n## Data we collect\n\n- Email address\n\n## Our website\n\n{denial}\n"
    )
    result = import_page(tmp_path, page)
    assert "never-collected" not in result.product.get("empty_sections", {})
    entries = never_names(result)
    held = [
        s["body"] for s in result.product.get("sections", []) if s["after"] == "never-collected"
    ]
    # An entry read from it, or the page's own sentence in the section (the report says which).
    assert entries or held == [plain(denial.lstrip("- "))], (entries, held)


def test_a_page_that_denies_nothing_is_said_to_list_nothing_never_collected(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Widget privacy\n\n## Data we collect\n\n- Email address\n\n## Sending\n\n"
        "Data is not sent if you are offline. Reports are sent once a day.\n"
    )
    empty = import_page(tmp_path, page).product.get("empty_sections", {})
    assert "never collects" in empty.get("never-collected", "")


@pytest.mark.parametrize(
    ("said", "where"),
    [
        ("You can opt out at any time by setting WIDGET_TELEMETRY=0.", "## Telemetry\n\n"),
        ("You have the right to request deletion of your data.", "## Contact\n\n"),
        ("- Users can turn telemetry off in the settings.", "## Notes\n\n"),
        ("Users have full control to view, export, or delete any customer data.", "## GDPR\n\n"),
        ("- You can request that your data be deleted.", "## Deletion\n\n"),
        ("Customers can request migration of their organization's data.", "## Location\n\n"),
        ('Use the in-app "Delete Account" option in Profile Settings.', "## Accounts\n\n"),
        ("Email privacy@widget.dev to get a copy of your data or have it erased.", "## Say\n\n"),
        ("You may ask for a copy of the data we hold about you.", "## Asking\n\n"),
        ("If you'd like your data deleted, open an issue.", "## Issues\n\n"),
        ("Send us an email and we will delete everything we hold about you.", "## Mail\n\n"),
        ("You can lodge a complaint with a supervisory authority.", "## Complaints\n\n"),
        ("To exercise these rights, contact dpo@widget.dev.", "## Contact\n\n"),
        ("You are entitled to receive your data in a portable format.", "## Formats\n\n"),
        ("You can ask us to stop processing your data.", "## Processing\n\n"),
        ("You can correct your profile at any time in Settings.", "## Profile\n\n"),
        ("The data can be erased by clearing the app's data.", "## On the device\n\n"),
        (
            "Set WIDGET_DISABLE_TELEMETRY before launching Widget to skip all telemetry.",
            "## Env\n\n",
        ),
        ("Set the environment variable `SCOUT_DISABLE`.", "## Can I stop it?\n\n"),
        ("To stop sending telemetry, set the option to false.", "## More\n\n"),
        ("You can deactivate analytics in the preferences.", "## Preferences\n\n"),
        ("You can choose not to send crash reports.", "## Crashes\n\n"),
        ("You can clear the app's data in Android settings.", "## On the phone\n\n"),
        ("You can block cookies in your browser settings.", "## Cookies\n\n"),
        ("You can manage your consent preferences from the footer.", "## Consent\n\n"),
        ("We honour the Do Not Track signal of your browser.", "## Signals\n\n"),
        ('Set "telemetry": false in settings.json.', "## Also\n\n"),
        ("Run the command with --no-telemetry.", "## Flags\n\n"),
        ("You can manually delete it from the admin center.", "## Admin\n\n"),
        ("You can reset your advertising ID in the device settings.", "## Ads\n\n"),
        ("Users may decline analytics when the app first starts.", "## First start\n\n"),
    ],
)
def test_a_record_never_says_rights_are_not_described_when_the_page_names_some(
    tmp_path: Path, said: str, where: str
) -> None:
    page = FRONT + f"# Widget privacy\n\n## Data we collect\n\n- Email address\n\n{where}{said}\n"
    result = import_page(tmp_path, page)
    product = result.product
    assert "your-rights" not in product.get("empty_sections", {})
    held = [s["body"] for s in product.get("sections", []) if s["after"] == "your-rights"]
    # Read into a field, or the page's own sentence in the section (the report says which).
    assert product.get("rights") or product.get("controls") or held == [plain(said.lstrip("- "))]


@pytest.mark.parametrize(
    "said",
    [
        "Reports are sent once a day. Run the following command to disable it:",
        # what a right's words can say of something else
        "You may obtain a copy of the License at the address below.",
        "We keep a copy of the logs for 30 days.",
        "Logs can be deleted by our administrators after review.",
        "Our moderators may remove your comments if they break the rules.",
        "The service is entitled to use aggregated statistics.",
        "The environment variable HOME is read to find the configuration file.",
        "Your account details are stored in the EU.",
        "We do not track your location.",
        "We stop sending reports after 30 days.",
        "We clear the cache every night.",
        "Set the log level to 0 to silence output.",
        "We have a no-tracking policy.",
    ],
)
def test_a_page_that_names_no_right_is_said_not_to_describe_them(tmp_path: Path, said: str) -> None:
    page = FRONT + (
        f"# Widget privacy\n\n## Data we collect\n\n- Email address\n\n## Sending\n\n{said}\n"
    )
    empty = import_page(tmp_path, page).product.get("empty_sections", {})
    assert "is not described" in empty.get("your-rights", "")


# -- names, headings and conditions --------------------------------------------------------------


def test_an_if_clause_that_completes_a_noun_stays_in_the_item_s_name(tmp_path: Path) -> None:
    page = FRONT + (
        "# Build telemetry\n\n## Data points\n\n| Version | Data |\n| --- | --- |\n"
        "| 8.0 | Indication if terminal logger was used. |\n"
        "| 8.0 | Indication if File logger was used. |\n"
        "| 8.0 | Duration of the build - from when it was requested. |\n"
        "| 8.0 | Crash dump, if the build failed. |\n"
    )
    result = import_page(tmp_path, page)
    names = result.data_names()
    assert "Indication if terminal logger was used" in names
    assert "Indication if File logger was used" in names  # two data, not one "Indication"
    conditions = [item.get("condition") or "" for item in result.data_items()]
    assert not any("from when" in condition for condition in conditions)
    assert "if the build failed" in conditions  # a condition after a comma is still one


def test_a_heading_of_data_points_written_as_one_word_is_over_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Build telemetry\n\n## Datapoints overview\n\n### Logging\n\n"
        "| SDK versions | Data |\n| --- | --- |\n| >= 8.0 | Console logger verbosity. |\n"
        "| >= 8.0 | File logger verbosity. |\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Console logger verbosity", "File logger verbosity"]


def test_a_heading_that_only_names_events_is_over_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# App telemetry\n\n## Events (and allowed properties)\n\n"
        "- `app_started` (on app start)\n- `feature_used`\n"
    )
    result = import_page(tmp_path, page)
    assert [plain(name) for name in result.data_names()] == [
        "app_started (on app start)",
        "feature_used",
    ]


@pytest.mark.parametrize(
    "heading", ["Telemetry Event Types", "Events we track", "Event reference", "Events and fields"]
)
def test_a_heading_that_names_a_catalog_of_events_is_over_data(
    tmp_path: Path, heading: str
) -> None:
    page = FRONT + (
        f"# App telemetry\n\n## {heading}\n\nHere are all the events:\n\n"
        "- `app_started`: the app started\n- `feature_used`: a feature was used\n"
    )
    assert import_page(tmp_path, page).data_names() == ["app_started", "feature_used"]


def test_a_page_without_headings_is_read_by_the_lines_that_open_its_lists(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "App telemetry\n\n"
        "Overview\n- The app collects usage data to improve it.\n\n"
        "Data collected\n- Device model\n- App version\n\n"
        "Data not collected\n- No file paths are sent.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Device model", "App version"]
    assert never_names(result)
    # The report says which lines were read as headings.
    structure = [r.message for r in result.report.reviews if r.topic == "structure"]
    assert sum("read as a section heading" in message for message in structure) == 3


def test_one_short_line_before_a_list_on_a_page_without_headings_stays_a_lead(
    tmp_path: Path,
) -> None:
    page = FRONT + "App telemetry\n\nWe collect\n- Device model\n- App version\n"
    result = import_page(tmp_path, page)
    assert "We collect" not in str(result.product.get("sections", ""))


def test_bullets_that_deny_data_in_a_sentence_give_each_its_entry(tmp_path: Path) -> None:
    page = FRONT + (
        "# App telemetry\n\n## Data collected\n\n- Device model\n\n## Data not collected\n\n"
        "- No code, file paths, repository names, or PII are sent.\n"
        "- Session recording is off. We do not send user text input or command contents.\n"
        "- No data, except crash reports, is sent.\n"
    )
    result = import_page(tmp_path, page)
    names = never_names(result)
    assert names[:7] == [
        "Code",
        "File paths",
        "Repository names",
        "PII",
        "User text input",
        "Command contents",
    ]
    # (an exception, "except crash reports": collected then, so its words are text, no entry)
    assert "No data, except crash reports, is sent" not in names
    # Each bullet's words stay on the page, whole.
    page_text = rendered(result)
    assert "No data, except crash reports, is sent" in page_text
    assert "No code, file paths, repository names, or PII are sent." in page_text
    assert "Session recording is off." in page_text


def test_a_sample_of_what_is_sent_under_any_heading_names_its_fields(tmp_path: Path) -> None:
    sample = '```json\n{\n  "os": "linux",\n  "version": "1.2",\n  "users": 3\n}\n```\n'
    page = FRONT + (
        "# Anonymous reporting\n\n## Details\n\n"
        "Below is an example of what is sent by the server. You can also read the source code.\n\n"
        + sample
        + "\n## Configuration\n\nAn example of the configuration file:\n\n"
        + sample.replace("os", "mode")
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["os", "version", "users"]  # not the configuration's keys


@pytest.mark.parametrize(
    "second",
    [
        'Output of `tool status`:\n\n```json\n{\n  "uptime": 5,\n  "pid": 123\n}\n```\n',
        'The server answers with:\n\n```json\n{\n  "accepted": true,\n  "request_id": "r"\n}\n```\n',
        "The tool keeps its state in `~/.tool/state.json`:\n\n"
        '```json\n{\n  "last_run": "2024-01-01",\n  "count": 3\n}\n```\n',
        '```json\n{\n  "telemetry": false,\n  "endpoint": "https://example.com"\n}\n```\n',
        # (a second review's cases: words that say "example", a field in common)
        'An example response:\n\n```json\n{\n  "status": "ok",\n  "queued": 3\n}\n```\n',
        'Here is an example of a webhook event:\n\n```json\n{\n  "hook": "a",\n  "at": 1\n}\n```\n',
        'The event is stored as:\n\n```json\n{\n  "path": "a",\n  "size": 1\n}\n```\n',
        '```json\n{\n  "event": "x",\n  "level": "info",\n  "pid": 1,\n  "path": "/"\n}\n```\n',
        "Each crash report sent looks like this:\n\n"
        '```json\n{\n  "stack": "...",\n  "event": "crash"\n}\n```\n',
        "> **Deprecated:** version 1 sent the event below. It is no longer sent.\n\n"
        '```json\n{\n  "event": "start",\n  "os": "linux",\n  "hostname": "h"\n}\n```\n',
    ],
)
def test_code_after_a_sample_that_is_no_sample_of_what_is_sent_gives_no_items(
    tmp_path: Path, second: str
) -> None:
    page = FRONT + (
        "# Tool\n\n## Data collected\n\nAn example of the events sent:\n\n"
        '```json\n{\n  "event": "start",\n  "os": "linux"\n}\n```\n\n' + second
    )
    assert import_page(tmp_path, page).data_names() == ["event", "os"]


@pytest.mark.parametrize(
    ("section", "heading"),
    [
        # (reviews' cases against reading a heading as a sample's lead)
        ("Technical details", "Response payload"),
        ("Technical details", "Payload v1 (no longer sent since 2.0)"),
        ("Technical details", "Payload size limits"),
        ("Webhooks", "Event payload"),
        ("Testing your integration", "Sample data"),
    ],
)
def test_code_under_a_heading_alone_gives_no_items(
    tmp_path: Path, section: str, heading: str
) -> None:
    page = FRONT + (
        f"# Tool\n\n## {section}\n\nThe tool runs locally.\n\n### {heading}\n\n"
        '```json\n{\n  "hostname": "h",\n  "username": "u",\n  "os": "linux"\n}\n```\n'
    )
    assert import_page(tmp_path, page).data_names() == []


def test_samples_in_a_row_name_what_each_adds(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool\n\n## Data collected\n\nAn example of the events sent:\n\n"
        '```json\n{\n  "event": "start",\n  "os": "linux"\n}\n```\n\n'
        '```json\n{\n  "event": "stop",\n  "os": "linux",\n  "duration_ms": 10\n}\n```\n'
    )
    assert import_page(tmp_path, page).data_names() == ["event", "os", "duration_ms"]


@pytest.mark.parametrize(
    ("heading", "lead"),
    [
        ("Webhooks", "Here is an example of an event we send to your endpoint:"),
        ("Webhooks", "Here is an example of the payload we send to your webhook URL:"),
        ("Reports", "Below is an example of the usage report we send to you every Monday:"),
        ("Usage log", "The CLI does not upload anything. Example of the data it records locally:"),
        ("Using the SDK", "An example of the data the client sends to `POST /tickets`:"),
        (
            "How we use the data",
            "For example, we use the data it collects to compute this summary:",
        ),
    ],
)
def test_a_sample_that_is_not_what_the_product_sends_gives_no_items(
    tmp_path: Path, heading: str, lead: str
) -> None:
    # (a review's cases, against words such as "an event we send" read as a sample's lead)
    page = FRONT + (
        f"# Tool\n\n## {heading}\n\n{lead}\n\n"
        '```json\n{\n  "event_id": "1",\n  "repository": "a/b",\n  "sender": "c"\n}\n```\n'
    )
    assert import_page(tmp_path, page).data_names() == []


def test_sharing_text_without_recipients_keeps_its_line(tmp_path: Path) -> None:
    page = FRONT + (
        "# Apps\n\n## Data collection\n\n- Usage history\n\n"
        "## Third Parties\n\nOur apps do not share any data with third parties.\n\n<br>\n"
    )
    result = import_page(tmp_path, page)
    [piece] = [f for f in result.report.free_form if "third parties" in f.text]
    assert (
        piece.line
        == page.splitlines().index("Our apps do not share any data with third parties.") + 1
    )


def test_a_table_of_command_line_options_gives_no_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# tool telemetry\n\nTool telemetry collects the command name and the tool version.\n\n"
        "## tool telemetry set\n\n### Global Arguments\n\n| Argument | Description |\n"
        "| --- | --- |\n| --help -h | Show this help message and exit. |\n"
        "| --output -o | Output format. |\n"
    )
    result = import_page(tmp_path, page)
    assert not any(name.startswith("-") for name in result.data_names())


def test_data_collected_without_a_or_b_is_one_name_and_a_or_b_never_collected(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Kit telemetry\n\nKit telemetry collects command name without parameters provided "
        "or their values, kit version, OS type.\n"
    )
    result = import_page(tmp_path, page)
    # "A without B or C" is one name; its "or" closes what "without" takes, so the parts after
    # the comma are collected: a plain list, made items (A by its name, B never collected).
    assert result.data_names() == ["Command name", "Kit version", "OS type"]
    assert never_names(result) == ["Parameters provided or their values"]


@pytest.mark.parametrize(
    "sentence",
    [
        # whether the IDs are without or collected, the sentence does not say
        "Kit telemetry collects command names without parameters, kit versions or OS types.",
        "Kit telemetry collects command names without parameters, kit versions, OS types.",
    ],
)
def test_a_list_a_without_leaves_open_stays_text(tmp_path: Path, sentence: str) -> None:
    result = import_page(tmp_path, FRONT + f"# Kit telemetry\n\n{sentence}\n")
    assert result.data_names() == []


def test_a_denial_lifted_by_its_exception_leads_a_list_of_data_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Site\n\n## Purposes of processing and the period for which the data is stored\n\n"
        "### General use of the site\n\n"
        "Generally, we do not store personal data while you use our site with the exception "
        "that our webserver registers all connections and collects the following:\n\n"
        "- IP address\n- Date and time of the connection\n- Operating system and\n"
        "- Web browser\n\nWe store this data in log files.\n"
    )
    result = import_page(tmp_path, page)
    assert result.names("collected") == [
        "IP address",
        "Date and time of the connection",
        "Operating system",
        "Web browser",
    ]
    assert never_names(result) == []
    assert not result.product.get("storage", {}).get("service_locations")


@pytest.mark.parametrize(
    "lead",
    [
        "We do not collect any personal data, except the following:",
        "The app collects no data other than:",
    ],
)
def test_a_denial_with_an_exception_is_no_never_collected_list(tmp_path: Path, lead: str) -> None:
    page = FRONT + f"# App\n\n## Data\n\n{lead}\n\n- Crash reports\n- App version\n"
    result = import_page(tmp_path, page)
    assert never_names(result) == []
    assert result.data_names() == ["Crash reports", "App version"]


def test_items_a_list_does_not_mark_optional_are_not_made_optional_by_its_lead(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Forge\n\n## Registration\n\n"
        "When you use our services we collect certain information (if you provide it), "
        "such as:\n\n- your password\n- your legal name (optional),\n"
        "- your location (optional, no location tracking),\n- your IP address\n\n"
        "If you choose to grant access to an external application, tokens are shared.\n\n"
        "## Web server\n\nOur webserver collects the following:\n\n- Request time\n"
    )
    result = import_page(tmp_path, page)
    assert result.names("optional") == ["your legal name", "your location (no location tracking)"]
    # The others the list does not mark: neither optional (its lead says "if you provide it")
    # nor required, and a paragraph after the list, or a bullet's own marker, speaks of no
    # other section's data.
    assert result.names("collected") == ["your password", "your IP address", "Request time"]
    assert names_in(result, "required") == []


def test_what_a_reader_is_provided_with_is_no_recipient(tmp_path: Path) -> None:
    page = FRONT + (
        "# Chat\n\n## Data collected\n\n- Display name\n\n## Use\n\n"
        "We process your personal data to provide you with the Matrix functions.\n"
    )
    result = import_page(tmp_path, page)
    assert not result.product.get("sharing", {}).get("recipients")


def test_a_list_written_on_one_line_after_a_data_lead_gives_its_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# Site\n\n## Hosting\n\n"
        "Our hoster collects the following data transmitted by your browser in log files:\n\n"
        "IP address, the address of the previously visited website (referer request header), "
        "date and time of the request, HTTP status code, website from which the request came "
        "and information about the browser and operating system.\n\n"
        "This is necessary to display our website.\n"
    )
    result = import_page(tmp_path, page)
    assert result.names("collected") == [
        "IP address",
        "the address of the previously visited website (referer request header)",
        "date and time of the request",
        "HTTP status code",
        "website from which the request came",
        "information about the browser and operating system",
    ]


def test_a_sentence_after_a_data_lead_is_no_list(tmp_path: Path) -> None:
    page = FRONT + (
        "# Site\n\n## Hosting\n\nOur hoster collects the following data:\n\n"
        "We keep it short, we delete it soon, and we never sell it.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == []
    assert prose_named(result) == []  # (nor listed for review as data collected)


@pytest.mark.parametrize("lead", ["This helps us understand:", "The data we collect helps us:"])
def test_a_list_of_what_data_helps_with_is_purposes_not_data(tmp_path: Path, lead: str) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## Example telemetry events\n\n### Command execution\n\n"
        "- Command name\n- Duration\n\n"
        f"**Why track commands?** {lead}\n\n- Which generators are popular\n"
        "- Common workflows and use cases\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Command name", "Duration"]


def test_a_notice_drawn_in_a_code_block_is_read_without_its_box(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## First-run notice\n\nYou will see a notice:\n\n```\n"
        "┌────────────────────────────────┐\n"
        "│ The CLI collects anonymous usage data    │\n"
        "│ and the exit code of each command        │\n"
        "│ to help us improve the tool.             │\n"
        "└────────────────────────────────┘\n```\n"
    )
    result = import_page(tmp_path, page)
    # What the tool prints is its own claim; the lines of the box are no part of a name (with
    # them, "Anonymous usage data │ │" would be no summary and be listed too).
    assert prose_named(result) == ["Exit code of each command"]
    assert result.data_names() == []


def test_data_a_sentence_says_the_information_includes_are_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# App\n\n## Downloading the app\n\n"
        "When downloading the app, the necessary information is transferred to the store. "
        "In particular, this information includes your user name, time of download and the "
        "unique mobile device number (IMEI). This information includes everything that the "
        "store says might be of interest.\n"
    )
    result = import_page(tmp_path, page)
    # Not "Everything that the store says ...": what the store says is no data by name.
    assert prose_named(result) == ["User name", "Time of download", "Unique mobile device number"]
    assert result.data_names() == [
        "User name",
        "Time of download",
        "Unique mobile device number",
    ]  # a plain list: items too


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Crash reports include the stack trace, the app version and the time of the crash.",
            ["Stack trace", "App version", "Time of the crash"],
        ),
        (
            "Each event contains the command name, the CLI version and the operating system.",
            ["Command name", "CLI version", "Operating system"],
        ),
        ("The request contains your IP address and your user agent.", ["IP address", "User agent"]),
        (
            "Usage logs include the name of the page and the duration of the visit.",
            ["Name of the page", "Duration of the visit"],
        ),
    ],
)
def test_what_a_report_an_event_or_a_log_is_said_to_contain_is_data(
    tmp_path: Path, sentence: str, names: list[str]
) -> None:
    page = (
        FRONT + f"# Tool\n\n## What is sent\n\nWhen the tool fails, it sends a report. {sentence}\n"
    )
    result = import_page(tmp_path, page)
    assert prose_named(result) == names
    assert result.data_names() == names  # a plain list: items too


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Information collected includes file data (file names and sizes), process data "
            "(running processes), and device details (device identifiers).",
            ["File data", "Process data", "Device details"],
        ),
        # "a number of improved data points": how much data, not which
        (
            "Crash reports contain a signature, classifications, and a number of improved data "
            "points.",
            ["Signature", "Classifications"],
        ),
        (
            "The information may include, but is not limited to, IP addresses, contact requests, "
            "metadata and communications.",
            ["IP addresses", "Contact requests", "Metadata", "Communications"],
        ),
    ],
)
def test_a_sentence_that_says_what_data_consists_of_is_reported_and_made_items_unless_hedged(
    tmp_path: Path, text: str, names: list[str]
) -> None:
    page = FRONT + f"# App privacy\n\n## Crash reports and hosting\n\n{text}\n"
    result = import_page(tmp_path, page)
    assert prose_named(result) == names
    # A plain list is made items; one the page hedges ("may include") stays text.
    assert result.data_names() == ([] if " may " in text else names)


def test_a_paragraph_policy_keeps_its_sentences_and_lists_their_data_for_review(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# App privacy\n\nWe store your name and email address when you sign up. Our servers "
        "record your IP address.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Name", "Email address"]  # a list of two; not one name
    assert "We store your name and email address when you sign up." in result.text
    assert "Our servers record your IP address." in result.text
    assert prose_named(result) == ["Name", "Email address", "IP address"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The package includes a command-line tool and a library.",
        "The release contains bug fixes and performance improvements.",
        "Each report contains no personal data.",
    ],
)
def test_what_a_thing_that_is_no_data_contains_is_no_item(tmp_path: Path, sentence: str) -> None:
    page = FRONT + f"# Tool\n\n## About\n\n{sentence}\n"
    result = import_page(tmp_path, page)
    assert result.data_names() == []
    assert prose_named(result) == []  # (nor listed for review as data collected)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("When you sign up, we store your name and email address.", ["Name", "Email address"]),
        ("We receive your IP address when you visit the site.", ["IP address"]),
        (
            "The app records your location and the time of each check-in.",
            ["Location", "Time of each check-in"],
        ),
        ("The extension stores your settings locally.", []),
        ("We keep records of your purchases.", []),
        ("We store the data in the EU.", []),
        ("You can store your files in the cloud.", []),
        (
            "We process your name and the content of your message.",
            ["Name", "Content of your message"],
        ),
        ("To subscribe, we need your email address.", ["Email address"]),
        ("We process payments through Stripe.", []),
        ("We process your personal data based on your consent.", []),
        ("We store your name securely.", ["Name"]),
        ("We store all personal data that you submit for as long as needed.", []),
        ("We collect the pages you visit and how long you stay.", ["Pages you visit"]),
        ("We take any complaints we receive about this very seriously.", []),
        (
            "Our servers automatically record your IP address and browser type.",
            ["IP address", "Browser type"],
        ),
    ],
)
def test_data_a_sentence_says_the_publisher_stores_or_receives_is_collected(
    tmp_path: Path, sentence: str, names: list[str]
) -> None:
    page = FRONT + f"# App\n\n## Accounts\n\nAccounts are free. {sentence}\n"
    result = import_page(tmp_path, page)
    assert prose_named(result) == names  # listed for review
    assert result.data_names() == (names if len(names) > 1 else [])  # a list of two or more
    listed = page + "\n## Data we collect\n\n- Crash reports\n"
    (tmp_path / "listed").mkdir()
    result = import_page(tmp_path / "listed", listed)
    assert prose_named(result) == names
    # (on a page that lists data, a sentence's data is an item only in a list of two or more)
    assert result.data_names() == ["Crash reports"] + (names if len(names) > 1 else [])


def test_a_list_after_these_are_is_what_the_sentence_before_says(tmp_path: Path) -> None:
    page = FRONT + (
        "# Site\n\n## Server log files\n\n"
        "The provider of the pages automatically collects and stores information in so-called "
        "server log files, which your browser automatically transmits to us. These are:\n\n"
        "- browser type and browser version\n- operating system used\n- referrer URL\n"
        "- time of the server request\n\n"
        "## Rights\n\nWe publish our reports every year. These are:\n\n"
        "- the annual report\n- the audit\n"
    )
    assert import_page(tmp_path, page).data_names() == [
        "browser type and browser version",
        "operating system used",
        "referrer URL",
        "time of the server request",
    ]


def test_the_words_of_a_category_a_sentence_says_data_includes_are_no_items(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Site\n\n## California\n\nWe may collect various categories of personal information. "
        "That information includes identifiers, commercial information, audio, electronic, "
        "visual, or similar information, and inferences drawn from such information.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == []
    assert prose_named(result) == []  # (nor listed for review as data collected)


def test_a_javascript_sample_in_a_data_section_gives_its_fields(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## Example telemetry events\n\n### Generator usage\n\n"
        "```javascript\n{\n  event: 'generator_used',\n"
        "  input_type: 'asyncapi',   // Can be: asyncapi, openapi\n  duration: 500,\n}\n```\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["event", "input_type", "duration"]


def test_the_fields_of_a_sample_written_without_braces_are_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Crash reporting\n\n## Sentry reports\n\n"
        "A typical crash report also contains some metadata about the crash report:\n\n"
        '```\n "id": "6ae18611",\n// ...\n "datetime": "2018-03-30T23:55:03Z",\n```\n'
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["id", "datetime"]


def test_a_settings_sample_in_a_data_section_gives_no_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## Telemetry data\n\n- Command name\n\n"
        "To disable it, set this in your config file:\n\n"
        "```js\n{\n  telemetry: { enabled: false },\n  endpoint: 'x',\n}\n```\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Command name"]


def test_example_values_in_a_table_are_no_items(tmp_path: Path) -> None:
    # The page's own lines (cli-m365-telemetry, read): a list of data, then an example table
    # "| Description | Telemetry data |" whose second column holds the values one run sent.
    lines = (CORPUS / "cli-m365-telemetry.md").read_text("utf-8").splitlines()
    page = FRONT + "\n".join(lines[4:43]) + "\n"
    names = import_page(tmp_path, page).data_names()
    assert not {"spo file add", "contentType", "pwsh.exe"} & set(names)
    assert {"Name of the executed command", "Node.js version of your environment"} <= set(names)


def details_of(result: Imported, name: str) -> list[str]:
    """The details of a data item, as text."""
    return [
        d if isinstance(d, str) else d["text"] for d in result.data_item(name).get("details", [])
    ]


def test_the_fields_of_a_nested_object_of_a_sample_are_its_details(tmp_path: Path) -> None:
    # An event whose fields are in an object of their own ("_adobeio": {...}), and a list of
    # objects ("events": [{...}]): each inner field is what its key's data consists of.
    page = FRONT + (
        "# Tool telemetry\n\n## Data collected\n\nHere is an example of the event data as posted:\n\n"
        '```\n{ "id": 6569,\n  "_tool": {\n    "eventType": "prompt",\n    "cliVersion": "9.1",\n'
        '    "nodeVersion": "v14"\n  },\n  "events": [{"name": "run", "duration_ms": 5}]\n}\n```\n'
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["id", "_tool", "events"]
    assert details_of(result, "_tool") == ["eventType", "cliVersion", "nodeVersion"]
    assert details_of(result, "events") == ["name", "duration_ms"]
    assert details_of(result, "id") == []


def test_a_map_of_values_in_a_sample_gives_no_details(tmp_path: Path) -> None:
    # Keys that are values ("3.11", "linux x64"), not names of fields: the object is counts.
    page = FRONT + (
        "# Tool telemetry\n\n## What data is collected?\n\nAn example report:\n\n"
        '```json\n{"install_id": "ab12", "versions": {"3.11": 2, "linux x64": 1, "3.12 rc": 4}}\n'
        "```\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["install_id", "versions"]
    assert details_of(result, "versions") == []


@pytest.mark.parametrize(
    ("info", "sample"),
    [
        ("yaml", "event: command_run\ncommand: build\nduration_ms: 5120\nci: false\n"),
        (
            "python",
            "{\n    'event': 'command_run',  # what happened\n    'command': 'build',\n"
            "    'duration_ms': 5120,\n    'ci': False,\n}\n",
        ),
    ],
)
def test_a_yaml_or_python_sample_in_a_data_section_gives_its_fields(
    tmp_path: Path, info: str, sample: str
) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## Data collected\n\nEach command sends an event like this one:\n\n"
        f"```{info}\n{sample}```\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["event", "command", "duration_ms", "ci"]
    assert "duration_ms" in result.text  # the sample itself stays, as code


def test_a_yaml_settings_sample_in_a_data_section_gives_no_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## Telemetry data\n\n- Command name\n\n"
        "To disable it, set this in your config file:\n\n"
        "```yaml\ntelemetry:\n  enabled: false\nendpoint: x\n```\n"
    )
    assert import_page(tmp_path, page).data_names() == ["Command name"]


# -- what a storage section lists ---------------------------------------------------------------


@pytest.mark.parametrize("lead", ["Notes only stores:", "The app also saves:"])
def test_a_list_of_what_the_product_stores_under_a_storage_heading_is_data(
    tmp_path: Path, lead: str
) -> None:
    page = FRONT + (
        f"# Notes privacy\n\n## Data storage\n\n{lead}\n\n- Your notes\n- Editor settings\n\n"
        "All data is stored locally on your device.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Your notes", "Editor settings"]
    assert "stored locally on your device" in result.text


def test_a_list_of_what_the_reader_can_store_is_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Notes privacy\n\n## Data storage\n\nOn the settings page, you can choose what "
        "the app stores:\n\n- Open tabs when you quit\n- Window positions\n"
    )
    assert import_page(tmp_path, page).data_names() == []


@pytest.mark.parametrize(
    ("lead", "block"),
    [
        # a settings file, what a command prints, a log: not what is sent
        ("Example `.toolrc.yml`:", "```yaml\nendpoint: https://t.example.com\nbatch_size: 20\n```"),
        ("The `tool doctor` command prints a summary:", "```\nversion: 1.2.3\npython: 3.11\n```"),
        (
            "With `--verbose`, the log shows each event:",
            "```text\nINFO: sending event run\nDEBUG: payload size 312\n```",
        ),
    ],
)
def test_settings_output_and_logs_in_code_are_no_samples(
    tmp_path: Path, lead: str, block: str
) -> None:
    page = FRONT + f"# Tool telemetry\n\n## Data collected\n\n{lead}\n\n{block}\n"
    assert import_page(tmp_path, page).data_names() == []


def test_a_sample_with_a_date_no_calendar_has_is_read_as_written(tmp_path: Path) -> None:
    # YAML would make "2024-00-00" a date, and fail on it: every value is read as text.
    page = FRONT + (
        "# Tool telemetry\n\n## Data collected\n\nEach run sends a record like this:\n\n"
        "```\nos: linux\nversion: 1.2.3\nbuilt: 2024-00-00\n```\n"
    )
    assert import_page(tmp_path, page).data_names() == ["os", "version", "built"]


def test_a_map_of_counts_in_a_sample_gives_no_details(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## Data collected\n\nEach run sends counts per command:\n\n"
        "```yaml\ninstall_id: 5f2c\ncommands:\n  build: 12\n  test: 3\n```\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["install_id", "commands"]
    assert details_of(result, "commands") == []


@pytest.mark.parametrize(
    "text",
    [
        "- Operating system\n\n**Email**: privacy@example.com  \n**Last updated**: 2024-05-01",
        "- Operating system\n\n**Q**: Is telemetry anonymous?  \n**A**: Yes, it is.",
    ],
)
def test_bold_labelled_lines_without_a_data_lead_are_no_data(tmp_path: Path, text: str) -> None:
    page = FRONT + f"# Tool telemetry\n\n## Data collected\n\nWe collect:\n\n{text}\n"
    assert import_page(tmp_path, page).data_names() == ["Operating system"]


@pytest.mark.parametrize(
    ("lead", "bullets"),
    [
        ("The app stores:", "- on your device, in `~/.tool`\n- in our EU data center"),
        ("How long the service keeps:", "- 30 days for telemetry\n- 1 year for billing records"),
    ],
)
def test_where_or_how_long_a_product_keeps_data_is_no_data(
    tmp_path: Path, lead: str, bullets: str
) -> None:
    page = FRONT + f"# Notes privacy\n\n## Data storage\n\n{lead}\n\n{bullets}\n"
    assert import_page(tmp_path, page).data_names() == []


# -- lists written without bullets -----------------------------------------------------------------


@pytest.mark.parametrize(
    "lines",
    [
        # one field a line, each line broken by two spaces, a backslash or <br>
        "`os`: the operating system  \n`arch`: the CPU architecture\\\n`version`: its version",
        "`os` - the operating system<br>\n`arch` - the CPU architecture<br>\n`version` - its version",
        # bold labels after a lead that says they are data, the lines not broken
        "Each run sends:\n**os**: the operating system\n**arch**: the CPU architecture\n"
        "**version**: its version",
        # the lead in the same paragraph, on a line of its own
        "Each run sends:\n`os`: the operating system\n`arch`: the CPU architecture\n"
        "`version`: its version",
    ],
)
def test_a_paragraph_of_labelled_lines_under_a_data_heading_is_a_list_of_data(
    tmp_path: Path, lines: str
) -> None:
    page = FRONT + f"# Tool telemetry\n\n## Data collected\n\n{lines}\n"
    result = import_page(tmp_path, page)
    assert result.data_names() == ["os", "arch", "version"]
    assert result.data_item("arch")["description"] == "the CPU architecture"


@pytest.mark.parametrize(
    "written",
    [
        "<ul>\n  <li>Email address</li>\n  <li>Device model</li>\n</ul>",
        "<ol><li>Email address</li><li>Device model</li></ol>",
        "> - Email address\n> - Device model",
    ],
)
def test_an_html_or_quoted_list_under_a_data_heading_is_data(tmp_path: Path, written: str) -> None:
    page = FRONT + f"# App privacy\n\n## Data collected\n\n{written}\n"
    assert import_page(tmp_path, page).data_names() == ["Email address", "Device model"]


def test_a_quote_that_is_not_only_a_list_stays_a_quote(tmp_path: Path) -> None:
    page = FRONT + (
        "# App privacy\n\n## Data collected\n\n- Email address\n\n"
        "> Note: we may change this list.\n>\n> - Zq draft item\n"
    )
    assert import_page(tmp_path, page).data_names() == ["Email address"]


def test_the_fields_of_a_plain_code_block_of_key_value_lines_are_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# App privacy\n\n## Data collected\n\nThe following is sent:\n\n"
        "```text\nos: linux\narch: x64\nversion: 1.2.3\n```\n"
    )
    assert import_page(tmp_path, page).data_names() == ["os", "arch", "version"]


def test_labelled_lines_after_a_lead_in_a_use_section_are_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## How we use data\n\n"
        "We use the data to improve the tool. Each run sends:\n\n"
        "`os` - the operating system<br>\n`arch` - the CPU architecture\n"
    )
    assert import_page(tmp_path, page).data_names() == ["os", "arch"]


@pytest.mark.parametrize(
    ("heading", "lines"),
    [
        # what the data is used for, each with a bold label: purposes, not data
        (
            "How we use data",
            "We use the data for these purposes:\n\n"
            "**Improve the tool**: we use usage data to find slow commands.\n"
            "**Security**: we use error reports to find attacks.",
        ),
        # one labelled line among sentences: a paragraph, not a list
        (
            "Data collected",
            "`os`: the operating system is sent with each run.\nWe also send nothing else.",
        ),
    ],
)
def test_lines_that_are_not_all_labelled_data_make_no_items(
    tmp_path: Path, heading: str, lines: str
) -> None:
    page = FRONT + f"# Tool telemetry\n\n## {heading}\n\n{lines}\n"
    assert import_page(tmp_path, page).data_names() == []


@pytest.mark.parametrize(
    ("lead", "bullets"),
    [
        ("It supports integration with two different services:", ["PostHog", "Sentry"]),
        ("The tracking implementation consists of two parts:", ["The tracking plugin", "A method"]),
    ],
)
def test_what_a_product_works_with_or_is_made_of_is_no_data(
    tmp_path: Path, lead: str, bullets: list[str]
) -> None:
    listed = "".join(f"- {bullet}\n" for bullet in bullets)
    page = FRONT + (f"# Tool\n\n## Frontend telemetry\n\n- Page views\n\n{lead}\n\n{listed}")
    assert import_page(tmp_path, page).data_names() == ["Page views"]


def test_a_list_that_explains_a_table_s_columns_is_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Extension\n\n## Collected data\n\n"
        "| Metric data name | Metric trigger | Notes |\n| --- | --- | --- |\n"
        "| view:welcome | When the welcome view is shown | |\n"
        "| view:options | When the options view is shown | |\n\n"
        '* "Metric data name" - The metric name we use for this data.\n'
        '* "Metric trigger" - When this metric data is triggered.\n'
        '* "Notes" - Any additional notes.\n'
    )
    names = {name.strip('"') for name in import_page(tmp_path, page).data_names()}
    assert not {"Metric data name", "Metric trigger", "Notes"} & names


@pytest.mark.parametrize(
    "sentence",
    [
        "If you have any questions about this policy, the ways in which we collect and use "
        "your Personal Data, or your choices and rights regarding such collection, contact us.",
        "This section explains how we collect your email address and your phone number.",
        "We try to meet the highest standards when collecting and using personal information.",
    ],
)
def test_a_sentence_that_speaks_of_collecting_names_no_data(tmp_path: Path, sentence: str) -> None:
    page = FRONT + f"# Site\n\n## Contact\n\n{sentence}\n"
    result = import_page(tmp_path, page)
    assert result.data_names() == []
    assert prose_named(result) == []  # (nor listed for review as data collected)


def test_a_sample_of_the_data_listed_already_gives_no_more_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# Telemetry\n\nThe tool sends basic anonymous usage data.\n\n"
        "The following data is collected:\n\n- Instance UUID\n- Uptime\n\n"
        "The same information is saved in a `telemetry.json` file. For example, this is "
        "the content of this file:\n\n"
        '```json\n{\n  "uuid": "<redacted>",\n  "uptime": 86400,\n  "os": "linux"\n}\n```\n'
    )
    assert import_page(tmp_path, page).data_names() == ["Instance UUID", "Uptime"]


def test_a_table_of_purposes_gives_no_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# Site\n\n## Cookies\n\nThe table below describes how we use cookies:\n\n"
        "| Purpose | Description |\n|:---|:---|\n"
        "| Required Cookies | We use required cookies to perform essential website functions. |\n"
        "| Analytics | Third parties use analytics cookies to understand how you use the site. |\n"
        "| Advertising | Advertising cookies show you ads based on ads you have already seen. |\n"
    )
    names = import_page(tmp_path, page).data_names()
    assert not {"Required Cookies", "Analytics", "Advertising"} & set(names)


def test_what_a_sentence_says_of_the_data_it_collects_names_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Compiler\n\nOur extensions support collecting telemetry. In that case, opt-out works "
        "via a setting, and the telemetry we collect falls under the Microsoft Privacy "
        "Statement.\n\n## Event purpose\n\n"
        "- The `purpose` field describes why the data is collected.\n"
    )
    names = import_page(tmp_path, page).data_names()
    assert not [name for name in names if "falls" in name.lower() or "purpose" in name.lower()]


def test_data_a_sentence_says_what_is_collected_includes_are_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# Site\n\n## Website\n\n"
        "The information we collect includes your IP address and your browser type.\n"
    )
    result = import_page(tmp_path, page)
    assert prose_named(result) == ["IP address", "Browser type"]
    assert result.data_names() == ["IP address", "Browser type"]  # a plain list: items too


def test_a_lead_in_whose_words_only_deny_collecting_is_no_item(tmp_path: Path) -> None:
    page = FRONT + (
        "# Site\n\n## Data collected\n\n"
        "- **Server logs:** Technical data such as IP address and time of access.\n"
        "- **Cookies & analytics:** This site does not use tracking or analytics tools.\n"
        "- **Email domain:** The app receives your email domain. Your full address is never "
        "stored on our servers.\n"
    )
    result = import_page(tmp_path, page)
    names = result.data_names()
    assert "Cookies & analytics" not in names
    assert {"Server logs", "Email domain"} <= set(names)
    assert "does not use tracking or analytics tools" in result.text  # kept as the page's text


@pytest.mark.parametrize(
    "sentence",
    [
        "The program is designed to help tools collect useful data about their reliability.",
        "In order to be feasible, it must be possible to reliably collect the requisite data.",
    ],
)
def test_what_could_be_collected_is_no_item(tmp_path: Path, sentence: str) -> None:
    page = FRONT + f"# Tool telemetry\n\n## Design\n\n{sentence}\n"
    result = import_page(tmp_path, page)
    assert result.data_names() == []
    assert prose_named(result) == []  # (nor listed for review as data collected)


def test_a_list_of_the_features_that_send_data_is_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Control\n\n## Data collection\n\n"
        "The control offers APIs to control the behavior of the following features that "
        "generate data:\n\n* SmartScreen.\n* Custom crash reporting.\n"
    )
    assert import_page(tmp_path, page).data_names() == []


def test_a_name_that_sums_up_listed_data_is_no_item(tmp_path: Path) -> None:
    page = FRONT + (
        "# Dashboard telemetry\n\n## Scope\n\n"
        "Contoso dashboard usage telemetry is collected only when running the dashboard from "
        "the IDE.\n\n## Data points\n\nThe following data is collected:\n\n"
        "- Page views\n- Unhandled exceptions\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Page views", "Unhandled exceptions"]
    assert prose_named(result) == []  # (nor listed for review as data collected)


def test_how_to_enable_it_and_how_it_is_used_are_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Extension telemetry\n\n## What we collect\n\n### We DO collect\n\n"
        "- **Feature usage**: which commands you use\n- **Extension version**: your version\n\n"
        "## How to enable telemetry\n\n1. Press `Ctrl+Shift+P`\n2. Type `Manage Telemetry`\n"
        "3. Select **Telemetry: Disabled** to enable\n\n"
        "## How we use telemetry\n\n- Popular features get more attention\n"
        "- Unused features may be deprecated\n\n"
        "## Technical implementation\n\n### Batching\n\nEvents are batched for efficiency:\n\n"
        "- Max 50 events per batch\n- Sent every 60 seconds\n\n### Retry logic\n\n"
        "Failed sends are retried:\n\n- Events re-queued on failure\n- Up to 3 retry attempts\n\n"
        "### Data sanitization\n\nAll data is sanitized before sending:\n\n"
        "- File paths replaced with `[PATH]`\n- Messages truncated to 200 chars\n"
    )
    assert import_page(tmp_path, page).data_names() == ["Feature usage", "Extension version"]


def test_how_long_each_kind_is_kept_is_retention_not_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Extension telemetry\n\n## What we collect\n\n- Feature usage\n\n"
        "### How long is data retained?\n\n- **Active users**: 90 days rolling window\n"
        "- **Opted-out users**: Deleted within 30 days\n- **On request**: Deleted immediately\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Feature usage"]
    assert "Deleted within 30 days" in result.product["storage"]["retention_note"]


def test_a_sample_after_a_lead_that_it_is_sent_if_you_opt_in_gives_its_fields(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Analytics\n\nThe toolkit collects usage data on an **opt-in** basis. Note that no PII "
        "is collected.\n\nIf you opt in, the following data is collected every time you run "
        "`create`: (Included here with example values)\n\n"
        '```JSON\n{\n  "create_id": "12345",\n  "region": "us-central1"\n}\n```\n'
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["create_id", "region"]
    assert never_names(result) == ["PII"]


def test_a_cross_mark_says_data_is_not_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Extension\n\n## Data\n\nThe following data is collected:\n\n"
        "- ✅ Error counts\n- ✅ Extension version\n- ❌ Your code or file contents\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Error counts", "Extension version"]
    assert never_names(result) == ["Your code or file contents"]


@pytest.mark.parametrize(
    ("code", "fields"),
    [
        (
            "```rust\nstruct HealthState {\n    model: String,\n    chat_model: Option<String>,\n"
            "    cpu_count: usize,\n}\n```",
            ["model", "chat_model", "cpu_count"],
        ),
        ("```\nobject {\n\tstring appId;\n\tstring? osVersion;\n}\n```", ["appId", "osVersion"]),
        (
            '```go\ntype Report struct {\n\tInstanceID string `json:"instance_id"`\n'
            '\tUptime int64 `json:"uptime"`\n}\n```',
            ["instance_id", "uptime"],
        ),
        (
            # TypeScript's type of an object: unions of literals, optional fields, comments,
            # an elided part, and the fields of an object declared in place (its bag)
            '```ts\ntype TelemetryEvent = {\n  event: "command_run" | "command_failed"; // what\n'
            "  anonymousId: string;\n  durationMs?: number,\n  properties: {\n"
            "    os: 'linux' | 'darwin';\n    nodeVersion: string;\n  };\n  ...\n};\n```",
            ["event", "anonymousId", "durationMs", "os", "nodeVersion"],
        ),
        (
            "```typescript\nexport interface Ping extends Base {\n  readonly id: string;\n"
            "  tags: string[];\n  counts: Record<string, number>;\n}\n```",
            ["id", "tags", "counts"],
        ),
        (
            # an object written on one line holds its fields too
            "```ts\ntype Event = {\n  event: string;\n  properties: { os: string; arch: string };\n}\n```",
            ["event", "os", "arch"],
        ),
    ],
)
def test_a_declaration_of_the_fields_sent_gives_its_fields(
    tmp_path: Path, code: str, fields: list[str]
) -> None:
    page = FRONT + (
        "# Server\n\n## Usage collection\n\nThe server collects usage stats by default.\n\n"
        f"### What data is collected?\n\nThe following information is collected:\n\n{code}\n"
    )
    assert import_page(tmp_path, page).data_names() == fields


def collected_page(code: str) -> str:
    """A page whose section of data collected holds ``code`` after a lead of data."""
    return FRONT + (
        "# Server\n\n## What data is collected?\n\nThe following information is collected:\n\n"
        f"{code}\n"
    )


@pytest.mark.parametrize(
    "code",
    [
        # Go's fields without their JSON names: "Name type", not "type name;"
        "```go\ntype Event struct {\n\tElapsed float64\n\tRatio float32\n\tCode byte\n}\n```",
        # the type of settings the product is given, not of what it sends
        "```ts\ntype SdkOptions = {\n  apiKey: string;\n  flushIntervalMs?: number;\n}\n```",
        "```ts\ninterface ClientConfig {\n  endpoint: string;\n  debug: boolean;\n}\n```",
        # code that declares no fields at all
        "```rust\nfn main() {\n    let x = 1;\n    run(x);\n}\n```",
    ],
)
def test_a_declaration_of_no_fields_sent_gives_no_items(tmp_path: Path, code: str) -> None:
    page = collected_page(code)
    assert import_page(tmp_path, page).data_names() == []


@pytest.mark.parametrize(
    ("code", "fields"),
    [
        (
            # several types in one block, none the field of another: each is a part of what is
            # sent, and an index signature ("[key: string]: unknown") declares no field
            "```ts\ntype Ids = {\n  sessionId: string; // random per run\n  machineId: string;\n};"
            "\n\ntype Environment = {\n  osName: string;\n  osVersion: string | null;\n};\n\n"
            "type Extra = {\n  command: 'build' | 'serve';\n  [key: string]: unknown;\n};\n```",
            ["sessionId", "machineId", "osName", "osVersion", "command"],
        ),
        (
            # Rust structs, one after the other
            "```rust\n#[derive(Serialize)]\nstruct Launch {\n    version: String,\n"
            "    os: String,\n}\n\n#[derive(Serialize)]\nstruct Usage {\n    runs: u32,\n"
            "    crashes: u32,\n}\n```",
            ["version", "os", "runs", "crashes"],
        ),
    ],
)
def test_a_declaration_of_several_types_gives_the_fields_of_each(
    tmp_path: Path, code: str, fields: list[str]
) -> None:
    page = collected_page(code)
    assert import_page(tmp_path, page).data_names() == fields


def test_a_type_that_is_the_field_of_another_gives_that_fields_details(tmp_path: Path) -> None:
    page = FRONT + (
        "# Server\n\n## What data is collected?\n\nEach event sent looks like this:\n\n"
        "```ts\ninterface Event {\n  name: string;\n  device: Device;\n  context: Context;\n}\n\n"
        "interface Device {\n  model: string;\n  memoryMb: number;\n}\n\n"
        "interface Context {\n  locale: string;\n  timezone: string;\n}\n```\n"
    )
    result = import_page(tmp_path, page)
    # ("context" is a bag of fields, each named, as in a sample; "device" is data of its own)
    assert result.data_names() == ["name", "device", "locale", "timezone"]
    assert details_of(result, "device") == ["model", "memoryMb"]


@pytest.mark.parametrize(
    "code",
    [
        # a second type of settings is what the product is given: its fields are left out
        "```ts\ntype Event = {\n  os: string;\n  arch: string;\n};\n\n"
        "type ClientOptions = {\n  apiKey: string;\n  debug: boolean;\n};\n```",
        # a type alias that is no object declares no field
        "```ts\ntype Event = {\n  os: string;\n  arch: string;\n};\n\ntype Kind = 'a' | 'b';\n```",
    ],
)
def test_a_declaration_of_several_types_keeps_only_declared_fields_sent(
    tmp_path: Path, code: str
) -> None:
    page = collected_page(code)
    names = import_page(tmp_path, page).data_names()
    assert not {"apiKey", "debug", "Kind"} & set(names)


@pytest.mark.parametrize(
    ("code", "fields"),
    [
        # a type only the settings hold is the settings' too
        (
            "interface ClientOptions {\n  apiKey: string;\n  transport: Transport;\n}\n"
            "interface Transport {\n  url: string;\n  timeoutMs: number;\n}\n"
            "interface Event {\n  name: string;\n  timestamp: number;\n}",
            ["name", "timestamp"],
        ),
        # a type that does something (a method, a callback) is a client, not what is sent
        (
            "interface Event {\n  name: string;\n  ts: number;\n}\n"
            "interface Client {\n  apiKey: string;\n  endpoint: string;\n  userAgent: string;\n"
            "  retries: number;\n  track(event: Event): void;\n}",
            ["name", "ts"],
        ),
        (
            "interface Event {\n  name: string;\n  ts: number;\n}\n"
            "interface Init {\n  apiKey: string;\n  endpoint: string;\n  flushIntervalMs: number;\n"
            "  debug: boolean;\n  onError: (e: Error) => void;\n}",
            ["name", "ts"],
        ),
        # what a service answers, and a command line's arguments
        (
            "interface TrackRequest {\n  event: string;\n  anonymousId: string;\n}\n"
            "interface TrackResponse {\n  success: boolean;\n  requestId: string;\n}\n"
            "interface ApiError {\n  code: number;\n  message: string;\n}",
            ["event", "anonymousId"],
        ),
        (
            "struct Cli {\n    no_telemetry: bool,\n    endpoint: String,\n}\n"
            "struct Event {\n    command: String,\n    duration_ms: u64,\n}",
            ["command", "duration_ms"],
        ),
        # a type of itself, and a cycle beside another part, are parts still
        (
            "interface Node {\n  name: string;\n  children: Node[];\n}\n"
            "interface Session {\n  startedAt: number;\n  durationMs: number;\n}",
            ["name", "children", "startedAt", "durationMs"],
        ),
        (
            "interface User {\n  id: string;\n  org: Org;\n}\ninterface Org {\n  plan: string;\n"
            "  owner: User;\n}\ninterface Session {\n  startedAt: number;\n  durationMs: number;\n}",
            ["startedAt", "durationMs", "id", "org", "plan", "owner"],
        ),
        # a declaration that does not close where the next starts is none
        (
            "type Event = {\n  os: string;\n  arch: string;\n} & Base;\n"
            "type SdkOptions = {\n  apiKey: string;\n  debug: boolean;\n}",
            [],
        ),
    ],
)
def test_the_fields_of_several_types_are_only_those_sent(code: str, fields: list[str]) -> None:
    found = sample_fields(Code("ts", code, 1, 30), "The following data is collected:")
    assert [field.name for field in found] == fields


def test_a_go_field_of_a_declared_type_holds_its_fields() -> None:
    code = (
        'type Event struct {\n\tName string `json:"name"`\n\tDevice *Device `json:"device"`\n'
        '\tLabels map[string]string `json:"labels"`\n}\n'
        'type Device struct {\n\tModel string `json:"model"`\n\tOS string `json:"os"`\n}'
    )
    found = sample_fields(Code("go", code, 1, 10), "The following data is collected:")
    assert [(field.name, field.fields) for field in found] == [
        ("name", ()),
        ("device", ("model", "os")),
        ("labels", ()),
    ]


def test_the_line_of_a_declared_optional_field_is_its_own() -> None:
    text = "interface Report {\n  os: string;\n  uptimeMs?: number;\n}"
    fields = sample_fields(Code("ts", text, 10, 15), "The following data is collected:")
    assert [(field.name, field.line) for field in fields] == [("os", 12), ("uptimeMs", 13)]


def test_a_schema_an_object_contains_under_any_heading_gives_its_fields(tmp_path: Path) -> None:
    page = FRONT + (
        "# Data specification\n\nThe data is sent as JSON data.\n\n### Device property\n\n"
        "This object contains generic device information.\n\n"
        "```\nobject {\n\tstring appId;\n\tstring locale;\n}\n```\n"
    )
    assert import_page(tmp_path, page).data_names() == ["appId", "locale"]


# -- the words of app policies made from a template ----------------------------------------------

APP_POLICY = FRONT + (
    "# Privacy Policy\n\nThis policy applies to the Habit app, made by Jane Doe.\n\n"
    "## Information Collection and Use\n\n"
    "The Application collects information when you download and use it. "
    "This information may include:\n\n"
    "- Your device's IP address\n- The time spent on the Application\n\n"
    "The Application uses third-party services that may collect information used to "
    "identify you:\n\n- Google Analytics for Firebase\n- Firebase Crashlytics\n\n"
    "## Opt-Out Rights\n\n"
    "You can stop all collection of information by the Application easily by uninstalling it.\n\n"
    "## Children\n\n"
    "We do not knowingly collect personally identifiable information from children under 13 "
    "years of age.\n"
)


def test_uninstalling_is_no_way_to_turn_collection_off(tmp_path: Path) -> None:
    result = import_page(tmp_path, APP_POLICY)
    assert names_in(result, "optional") == []
    assert names_in(result, "collected") == [
        "Your device's IP address",
        "The time spent on the Application",
    ]


def test_the_services_an_app_uses_are_recipients_not_data(tmp_path: Path) -> None:
    result = import_page(tmp_path, APP_POLICY)
    assert "Firebase Crashlytics" not in result.data_names()
    recipients = [r["name"] for r in result.product["sharing"]["recipients"]]
    assert recipients == ["Google Analytics for Firebase", "Firebase Crashlytics"]


def test_what_is_not_knowingly_taken_from_children_is_no_never_collected_entry(
    tmp_path: Path,
) -> None:
    """Reversed in the twenty-fourth session: "We do not knowingly collect ... from children"
    gave an entry; it says what is not meant, not that such data is never taken."""
    result = import_page(tmp_path, APP_POLICY)
    assert never_names(result) == []
    assert "We do not knowingly collect personally identifiable information" in yaml_text(result)


def test_a_setting_beside_uninstalling_still_makes_data_optional(tmp_path: Path) -> None:
    page = APP_POLICY.replace(
        "easily by uninstalling it.", "by turning off Analytics in Settings, or by uninstalling it."
    )
    assert names_in(import_page(tmp_path, page), "optional") != []


def test_a_storage_sentence_that_sends_and_keeps_gives_the_period_and_the_recipient(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## What we collect\n\n- Command name\n- CLI version\n\n"
        "## Where the data goes\n\nEvents are sent to PostHog and kept for 12 months.\n"
    )
    result = import_page(tmp_path, page)
    assert [(r["data"], r["period"]) for r in result.product["storage"]["retention"]] == [
        ("Events", "12 months")
    ]
    assert [r["name"] for r in result.product["sharing"]["recipients"]] == ["PostHog"]


def test_a_purposes_table_whose_first_column_names_data_gives_items_and_periods(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Conference\n\n## What we process and why\n\n"
        "| Personal data | Purpose | Legal basis | Storage period |\n| --- | --- | --- | --- |\n"
        "| Name, email address | Registration | Art. 6(1)(b) GDPR | 1 year after the event |\n"
        "| Dietary requirements | Catering | Art. 9(2)(a) GDPR | Until the end of the event |\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Name", "Email address", "Dietary requirements"]
    assert names_in(result, "required") == names_in(result, "optional") == []
    assert [u["source"] for u in result.product["data_use"]["uses"]] == [
        "Name, email address",
        "Dietary requirements",
    ]
    assert [(r["data"], r["period"]) for r in result.product["storage"]["retention"]] == [
        ("Name, email address", "1 year after the event"),
        ("Dietary requirements", "Until the end of the event"),
    ]


def test_a_purposes_table_whose_first_column_is_a_source_gives_no_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# Site\n\n## How we use data\n\n"
        "| Data source | Purpose |\n| --- | --- |\n| Web server | Security |\n| Forms | Support |\n"
    )
    assert import_page(tmp_path, page).data_names() == []


# -- what the batch 2026-11-26j showed once measured (decision-guardian-telemetry, habitos) -------


def test_a_denying_label_gives_way_to_the_denial_it_labels(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## Privacy first\n\n"
        "- **No source code**: We never collect file contents, diff bodies, or decision text.\n"
        "- **No identifiers**: No repo names, usernames, or emails.\n\n"
        "## What we collect\n\n- Tool version\n"
    )
    assert never_names(import_page(tmp_path, page)) == [
        "File contents",
        "Diff bodies",
        "Decision text",
        "Repo names",
        "Usernames",
        "Emails",
    ]


def test_fields_rejected_before_sending_are_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## What we collect\n\n- Tool version\n\n### Blocked fields\n\n"
        "The privacy module enforces a blocklist. Any payload containing these fields is "
        "rejected before sending:\n\n`repo_name`, `file_paths`, `github_token`, `email`\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["repo_name", "file_paths", "github_token", "email"]
    assert result.data_names() == ["Tool version"]


def test_a_collection_endpoint_in_a_command_or_a_diagram_names_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## What we collect\n\n- Tool version\n\n## Custom endpoint\n\n"
        "```bash\nTOOL_TELEMETRY_URL=https://your-server.com/collect tool check ...\n```\n\n"
        "## Architecture\n\n```\n│ send() │──POST──▶│ POST /collect     │──put──▶│ Daily  │\n```\n"
    )
    assert import_page(tmp_path, page).data_names() == ["Tool version"]


def test_data_that_expires_after_a_period_is_kept_for_it(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## What we collect\n\n- Tool version\n\n## Architecture\n\n"
        "- **Fire-and-forget**: Telemetry never slows down the tool.\n"
        "- **90-day retention**: Aggregated data expires after 90 days.\n"
    )
    rules = import_page(tmp_path, page).product["storage"]["retention"]
    assert [(r["data"], r["period"]) for r in rules] == [("Aggregated data", "90 days")]


def test_each_bullet_of_a_retention_list_is_its_own_rule(tmp_path: Path) -> None:
    page = FRONT + (
        "# App\n\n## Information we collect\n\n- Email address\n\n## Data retention\n\n"
        "- **Active accounts**: We retain your data while your account is active\n"
        "- **Deleted accounts**: Data is permanently deleted within 30 days of account deletion\n"
        "- **Backup data**: Backups are retained for 90 days for recovery purposes\n"
    )
    rules = import_page(tmp_path, page).product["storage"]["retention"]
    assert [(r["data"], r["period"]) for r in rules] == [
        ("Data", "within 30 days of account deletion"),
        ("Backups", "90 days"),
    ]


def test_what_we_use_the_collected_information_to_do_is_purposes(tmp_path: Path) -> None:
    page = FRONT + (
        "# App\n\n## Information we collect\n\n- Email address\n\n## How we use your information\n\n"
        "We use the collected information to:\n\n- Provide and maintain the service\n"
        "- Sync your data across devices\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Email address"]
    assert result.product["purposes"]["items"] == [
        "Provide and maintain the service",
        "Sync your data across devices",
    ]


def test_how_to_reach_an_officer_in_the_eu_is_no_storage_place(tmp_path: Path) -> None:
    page = FRONT + (
        "# App\n\n## Information we collect\n\n- Email address\n\n## Data Protection Officer\n\n"
        "For EU residents, you may contact our Data Protection Officer at:\n\n"
        "- Email: dpo@example.com\n"
    )
    storage = import_page(tmp_path, page).product.get("storage", {})
    assert "For EU residents" not in str(storage)


def test_where_the_servers_are_is_a_place_and_outside_the_eu_is_none(tmp_path: Path) -> None:
    page = FRONT + (
        "# App\n\n## Information we collect\n\n- Email address\n\n"
        "## International data transfers\n\n### Data location\n\n"
        "- Primary servers: United States (AWS)\n- Your data may be processed outside the EU\n\n"
        "## Lead authority\n\nAs we're based in Canada, you may also contact:\n\n"
        "- European Data Protection Board\n"
    )
    storage = import_page(tmp_path, page).product["storage"]
    assert storage["locations"] == ["United States"]


def test_bullets_that_say_what_the_tool_sends_under_what_is_sent_are_its_data(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Usage data\n\nAcme CLI sends anonymous usage data.\n\n## What is sent\n\n"
        "- We record the name of the command you run.\n"
        "- We send the version of Acme CLI when a command fails.\n"
        "- The operating system is sent.\n\n## What we send you\n\n- Release notes\n- Tips\n"
    )
    assert import_page(tmp_path, page).data_names() == [
        "Name of the command you run",
        "Version of Acme CLI",
        "Operating system",
    ]


def test_a_paragraph_page_names_its_data_period_and_place_in_sentences(tmp_path: Path) -> None:
    page = FRONT + (
        "# Privacy notice for the Acme SDK\n\n"
        "When a crash occurs, the SDK uploads a crash report containing the stack trace and "
        "the device state.\n\nData is retained for 90 days and stored in the United States.\n"
    )
    result = import_page(tmp_path, page)
    assert prose_named(result) == ["Stack trace", "Device state"]
    assert result.data_names() == ["Stack trace", "Device state"]  # a plain list: items too
    storage = result.product["storage"]
    assert [(r["data"], r["period"]) for r in storage["retention"]] == [("Data", "90 days")]
    assert storage["locations"] == ["United States"]


def test_a_paragraph_that_sums_up_data_named_in_another_makes_no_item(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\nThe tool collects usage data to improve the product.\n\n"
        "## Details\n\nWe collect various telemetry events such as the command line used and "
        "the time of invocation.\n"
    )
    result = import_page(tmp_path, page)
    # "usage data" sums the events up: listed for review neither as an item nor as a name.
    assert prose_named(result) == ["Command line used", "Time of invocation"]
    assert result.data_names() == [
        "Command line used",
        "Time of invocation",
    ]  # a plain list: items too


def test_a_page_that_only_sums_its_data_up_keeps_the_sum(tmp_path: Path) -> None:
    page = FRONT + "# Tool telemetry\n\nThe tool collects usage data to improve the product.\n"
    result = import_page(tmp_path, page)
    # The sum stays the page's text; it names no data to add, so the report lists none.
    assert "The tool collects usage data to improve the product." in result.text
    assert prose_named(result) == [] and result.data_names() == []


@pytest.mark.parametrize(
    ("sentence", "optional", "collected"),
    [
        (
            "Providing your phone number is optional.",
            ["your phone number"],
            ["your name", "your email address"],
        ),
        ("Your email address is required.", [], ["your name", "your phone number"]),
        (
            "Providing your age is optional.",
            [],
            ["your name", "your email address", "your phone number"],
        ),
    ],
)
def test_a_sentence_that_says_one_item_is_optional_or_required_marks_that_item(
    tmp_path: Path, sentence: str, optional: list[str], collected: list[str]
) -> None:
    page = FRONT + (
        "# Site\n\n## Data we collect\n\nWhen you register, we collect:\n\n"
        f"- your name\n- your email address\n- your phone number\n\n{sentence}\n"
    )
    result = import_page(tmp_path, page)
    assert names_in(result, "optional") == optional
    assert names_in(result, "collected") == collected


@pytest.mark.parametrize(
    ("sentence", "recipients"),
    [
        ("Payments are processed by Stripe.", ["Stripe"]),
        ("The site is hosted by GitHub Pages.", ["GitHub Pages"]),
        ("We share your name with the venue for access control.", ["venue"]),
        ("Data is never processed by Google.", []),
        ("Data is processed by our team.", []),
    ],
)
def test_who_handles_the_data_is_a_recipient(
    tmp_path: Path, sentence: str, recipients: list[str]
) -> None:
    page = FRONT + f"# Site\n\n## Data we collect\n\n- Email address\n\n## Sharing\n\n{sentence}\n"
    sharing = import_page(tmp_path, page).product.get("sharing", {})
    assert [r["name"] for r in sharing.get("recipients", [])] == recipients


def test_a_bold_label_over_a_list_is_its_heading(tmp_path: Path) -> None:
    # The section's heading speaks of tracking; the label over the list says what it is: an
    # order of settings, no data. A label that names data still makes its list data.
    page = FRONT + (
        "# Tool telemetry\n\n## What we collect\n\n- Command name\n\n"
        "## Custom tracking endpoint\n\n"
        "**Configuration priority order (highest to lowest):**\n\n"
        "- **Environment variables**: the highest priority\n"
        "- **Project-level config**: from the project's file\n\n"
        "## Tracked events\n\n**Event fields:**\n\n"
        "- **Event name**: what happened\n- **Duration**: how long it took\n"
    )
    result = import_page(tmp_path, page)
    names = result.data_names()
    assert names == ["Command name", "Event name", "Duration"]
    assert "Environment variables" in result.text


def test_what_a_debug_mode_shows_on_the_console_is_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## What we collect\n\n- Command name\n- Exit code\n\n"
        "## Debug mode\n\nThis logs telemetry events to the console, including:\n\n"
        "- The telemetry configuration state\n- The HTTP response status\n\n"
        "## Sending\n\nThe tool sends the following data:\n\n- Operating system\n"
    )
    result = import_page(tmp_path, page)
    names = result.data_names()
    assert names == ["Command name", "Exit code", "Operating system"]
    assert "The telemetry configuration state" in result.text


def test_a_yes_or_no_column_on_how_data_is_handled_is_no_workload(tmp_path: Path) -> None:
    # "Scrubbed: No" says the data is not scrubbed, not that a workload named "Scrubbed" does
    # not collect it; "Windows: No" does say that of a workload.
    page = FRONT + (
        "# SDK telemetry\n\n## Data collected\n\n"
        "| Field | Description | Scrubbed | Windows |\n| --- | --- | --- | --- |\n"
        "| App ID | The application's ID | No | Yes |\n"
        "| User name | The signed-in user | Yes | No |\n"
    )
    result = import_page(tmp_path, page)
    assert [w["name"] for w in result.product.get("workloads", [])] == ["Windows"]
    app = result.data_item("App ID")
    assert app["workloads"] == {"windows": "yes"} and "**Scrubbed:** No" in app["note"]


def test_a_page_that_says_there_is_no_opt_out_makes_its_data_required(tmp_path: Path) -> None:
    page = FRONT + (
        "# Game privacy\n\n## Telemetry data collected\n\n"
        "When you complete a game, the game submits gameplay data to our server. There is "
        "currently no opt-out mechanism for telemetry submission.\n\n"
        "### Fields\n\n- Puzzle hash\n- Solve time\n"
    )
    result = import_page(tmp_path, page)
    assert result.names("required") == ["Puzzle hash", "Solve time"]
    assert names_in(result, "optional") == []
    assert any('"no opt-out"' in message for message in requirement_reviews(result))


def test_a_list_of_where_something_is_kept_names_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Game privacy\n\n## Data collected\n\n- Player ID\n- Solve time\n\n"
        "### Player ID\n\nEach platform generates a random ID.\n\n"
        "- **Web:** Stored in the browser's `localStorage`\n"
        "- **iOS:** Stored in `UserDefaults`\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Player ID", "Solve time"]
    assert "Stored in `UserDefaults`" in result.text


def test_the_people_a_denial_names_as_examples_are_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Game privacy\n\n## Data collected\n\n- Solve time\n\n## Children\n\n"
        "The game does not collect personal information from anyone, including "
        "children under 13 years of age.\n"
    )
    assert never_names(import_page(tmp_path, page)) == ["Personal information from anyone"]


@pytest.mark.parametrize(
    "said",
    [
        "- IP address (short-term, for server communication)",
        "Our server may temporarily process request logs to detect errors.",
    ],
)
def test_a_short_period_without_a_number_is_a_period(tmp_path: Path, said: str) -> None:
    page = FRONT + (
        "# App privacy\n\n## Data collected\n\n- Device type\n\n"
        f"## Server\n\n{said}\n\nData is stored in Germany.\n"
    )
    storage = import_page(tmp_path, page).product.get("storage", {})
    assert "does not say how long" not in storage.get("retention_note", "")
    assert plain(said.lstrip("- ")) in storage.get("retention_note", "")


WRAPPED = FRONT + (
    "# Privacy Policy\n\n## Data Collection and Usage\n\n### What We Collect\n"
    "- **Spec URLs**: Required to run the analysis.\n"
    "- **Contact details** (if provided for support purposes)\n- **Usage patterns**\n\n"
    "### Why We Collect Data\n"
    "We only collect data that is necessary to provide, improve, and support the service:\n\n"
    "- **Spec URLs** \u2013 so the action can fetch and analyze your API specification.\n"
    "- **Contact Information** \u2013 so we can respond to your requests.\n\n"
    "### Security\n- **HTTPS Encryption**: All transmitted data is encrypted.\n"
    "- **Secure Storage**: Data is stored on secure servers.\n\n"
    "### Your Rights\n- **Access**: Request a copy of your data.\n"
    "- **Deletion**: Request full data removal.\n\n"
    "### Contact\n- GitHub Issues: [Open an issue](https://example.com/issues)\n"
    "- GitHub Discussions: [Start a discussion](https://example.com/discussions)\n"
)


def test_a_policy_written_under_one_data_heading_keeps_its_other_sections(
    tmp_path: Path,
) -> None:
    # "## Data Collection and Usage" over the whole policy: its security, rights and contact
    # headings are sections of their own, and "why we collect" pairs data with purposes.
    result = import_page(tmp_path, WRAPPED)
    assert result.data_names() == ["Spec URLs", "Contact details", "Usage patterns"]
    assert len(result.product["purposes"]["items"]) == 2
    assert len(result.product["rights"]["rights"]) == 2
    assert "HTTPS Encryption" in yaml_text_of(result.product.get("access"))


def test_an_item_says_its_own_requirement(tmp_path: Path) -> None:
    result = import_page(tmp_path, WRAPPED)
    assert result.names("required") == ["Spec URLs"]
    assert result.names("optional") == ["Contact details"]
    assert names_in(result, "collected") == ["Usage patterns"]


def yaml_text_of(value: object) -> str:
    return repr(value)


STORED = (
    "import { Callout } from 'nextra-theme-docs'\n\n# Tool telemetry\n\n"
    "Tool collects anonymized usage statistics.\n\n## What is Stored\n\n"
    "- Which command was run\n- How long it took\n\n### For identification purposes\n\n"
    "- A randomly generated UUID\n- Your vague location based on the IP address\n\n"
    "This does not allow us to track individual users but does enable us to count users.\n\n"
    "## What is NOT Stored\n\n- We don't store your IP address directly\n"
    "- We don't store any credentials\n"
)


def test_headings_of_what_is_stored_and_not_stored(tmp_path: Path) -> None:
    result = import_page(tmp_path, FRONT + STORED.split("\n\n", 1)[1])
    assert result.data_names() == [
        "Which command was run",
        "How long it took",
        "A randomly generated UUID",
        "Your vague location based on the IP address",
    ]
    # "does not allow us to track individual users": what the data cannot do, no denial; what
    # is not stored may well be received: no entry (its words stay)
    assert never_names(result) == []
    assert "We don't store any credentials" in yaml_text(result)


def test_an_mdx_page_s_module_code_is_not_its_words(tmp_path: Path) -> None:
    result = import_page(tmp_path, STORED)
    assert result.product["summary"] == "Tool collects anonymized usage statistics."
    assert "import { Callout }" in result.text  # kept, as code


def test_a_lead_that_ends_on_its_verb_introduces_the_list(tmp_path: Path) -> None:
    # "The databases may store" and its list, under "### Databases" (which alone would say
    # where data is kept), and "No other personal information will be stored" (no entry).
    page = FRONT + (
        "# Bot privacy\n\n## Usage of data\n\nThe bot uses stored data to offer its features.\n\n"
        "### Databases\n\nThe bot uses databases to store information about servers.\n\n"
        "The databases may store\n\n* Server ID\n* Server name\n\n"
        "No other personal information outside of the above mentioned one will be stored.\n\n"
        "### Log files\n\nThe information collected by log files include\n\n"
        "* User name\n* User ID\n\nIn particular, the bot does not store the content of sent "
        "messages.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Server ID", "Server name", "User name", "User ID"]
    assert never_names(result) == []  # ("does not store the content of sent messages": the
    # bot receives them)


GDPR_SUBSECTIONS = (
    "# Privacy Policy\n\nAcme Notes GmbH operates the Acme Notes service.\n\n"
    "## 2. Personal data we process\n\n### 2.1 When you create an account\n\n"
    "We process your email address, your display name and a hashed password. Providing this "
    "data is required to create an account.\n\n### 2.2 When you use the service\n\n"
    "We store the notes, attachments and tags you create. We also log your IP address for "
    "security purposes.\n\n## 3. Recipients\n\n"
    "We use Hetzner Online GmbH (Germany) for hosting and Postmark (USA) for sending emails. "
    "Transfers to the USA rely on Standard Contractual Clauses.\n"
)


def test_data_a_policy_processes_under_numbered_situations(tmp_path: Path) -> None:
    # "Personal data we process" names the data (not its use), in sentences: listed for
    # review, not made items; a situation's own heading that says "we store" is no storage
    # service.
    result = import_page(tmp_path, FRONT + GDPR_SUBSECTIONS)
    assert prose_named(result) == [
        "Email address",
        "Display name",
        "Hashed password",
        "Notes",
        "Attachments",
        "Tags you create",
        "IP address",
    ]
    # (the sentences that list two or more, plainly, give items; "IP address" alone does not)
    assert "IP address" not in result.data_names()
    assert "Email address" in result.data_names()
    assert not result.product.get("storage", {}).get("service_locations")
    # Services used "for hosting" and "for sending emails" receive the data; a transfer's
    # country ("Transfers to the USA rely on ...") is none.
    recipients = [r["name"] for r in result.product["sharing"]["recipients"]]
    assert recipients == ["Hetzner Online GmbH", "Postmark"]


EXTENSION = (
    "# Privacy Policy for Tab Tidy\n\n"
    "Tab Tidy does not collect, sell, or share any personal information.\n\n"
    "## Information we receive\n\nTab Tidy reads the title and URL of your open tabs to group "
    "them. This information is processed locally in your browser.\n\n"
    "## Permissions\n\n| Permission | Why it is needed |\n| --- | --- |\n"
    "| `tabs` | To read tab titles and URLs for grouping |\n| `storage` | To save your "
    "settings |\n"
)


def test_a_browser_extension_s_permissions_are_no_data(tmp_path: Path) -> None:
    result = import_page(tmp_path, FRONT + EXTENSION)
    assert result.data_names() == []
    # The text under a data heading that names no data is kept, under no kind of data.
    assert not result.product.get("optional", {}).get("intro")
    assert not result.product.get("required", {}).get("intro")
    bodies = " ".join(str(s.get("body")) for s in result.product["sections"])
    assert "reads the title and URL" in bodies and "| `tabs` |" in bodies


EVENTS = (
    "# Tool telemetry\n\nTool collects anonymous usage events. You can opt out at any time.\n\n"
    "## Events\n\n- `command_run`: the command and its exit code\n\n"
    "Every event also carries an anonymous installation ID, a random UUID generated on first "
    "run and stored in `~/.tool/id`. Events also carry a `run_id`: an id that joins the events "
    "of the extension, the wrapper, and Core.\n\n## Opting out\n\n"
    "Set `TOOL_TELEMETRY_DISABLED=1`.\n\n"
    "Events are sent to our PostHog instance in Frankfurt, Germany and deleted after 90 days.\n"
)


def test_what_every_event_carries_and_how_long_events_are_kept(tmp_path: Path) -> None:
    result = import_page(tmp_path, FRONT + EVENTS)
    # The words of a clause after the data ("the wrapper, and Core"), and an apposition that
    # describes it ("a random UUID generated on first run"), are not more data. What the
    # sentences name is listed for review; only the list's bullet is an item.
    assert result.data_names() == ["command_run"]
    assert prose_named(result) == [
        "Anonymous usage events",
        "Anonymous installation ID",
        "Run_id",
    ]
    # How long events are kept, said under "Opting out", is no way to opt out.
    storage = result.product["storage"]
    assert storage["retention"] == [{"data": "Events", "period": "90 days"}]
    assert not any("90 days" in option for option in result.product["controls"]["options"])


FAQ = (
    "# Telemetry FAQ\n\nPinecone Studio sends anonymous usage statistics.\n\n"
    "### What do you collect?\n\nWe collect the name of each screen you open, the number of "
    "projects you have, and the version of Pinecone Studio.\n\n"
    "### Do you collect my IP address?\n\nNo. Our collector drops it before it is stored.\n\n"
    "### Is telemetry required?\n\nNo. You can turn it off under **Preferences > Privacy**.\n"
)


def test_a_question_on_data_answered_by_a_denial_of_it_is_never_collected(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Scanner privacy\n\n## Questions\n\n"
        '### "What about crash reports?"\n\nWe don\'t collect them. If the tool crashes, '
        "the error is shown in your terminal.\n\n"
        "### What about updates?\n\nWe check for them once a day.\n\n"
        "### Do you collect my IP address?\n\nWe do not store it.\n"
    )
    result = import_page(tmp_path, page)
    # (not "Updates": no denial; not "IP address": not stored is not not collected)
    assert never_names(result) == ["Crash reports"]


def test_a_faq_s_questions_are_answered_by_their_answers(tmp_path: Path) -> None:
    result = import_page(tmp_path, FRONT + FAQ)
    # "What do you collect?" is answered in a sentence that lists its data plainly: items,
    # optional by the answer to "Is telemetry required?".
    named = ["Name of each screen you open", "Number of projects you have"]
    named.append("Version of Pinecone Studio")
    assert prose_named(result) == named
    assert result.names("optional") == named
    # "Is telemetry required?" answered No: no text of required data.
    assert not result.product.get("required", {}).get("intro")
    assert never_names(result) == ["IP address"]


def test_data_a_tool_works_without_sending_is_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Linter privacy\n\nLinter reports anonymous usage statistics.\n\n"
        "All checks run on your machine, without uploading file contents or file names.\n"
    )
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert never_names(import_page(tmp_path / "a", page)) == ["File contents", "File names"]
    # "cannot sync without uploading A": A is uploaded, not denied.
    page = FRONT + (
        "# Lumen privacy\n\nLumen stores your notes.\n\nLumen cannot sync without uploading "
        "your notes and attachments to our servers.\n"
    )
    assert never_names(import_page(tmp_path / "b", page)) == []


STORE_LABEL = (
    "# Privacy\n\nThe App Store privacy label of Sprout Journal, written out.\n\n"
    "## Data Linked to You\n\nThe following data may be collected and linked to you:\n\n"
    "- **Contact Info**: Email Address\n- **Diagnostics**: Crash Data, Performance Data\n"
    "- **Location**: used to show the weather where you are\n"
    "- **Platform**: Windows, Linux\n- *Optional:* your name\n\n## Tracking\n\n"
    "Sprout Journal does not use your data to track you across apps and websites owned by "
    "other companies.\n"
)


def test_a_store_label_s_categories_hold_its_data_types(tmp_path: Path) -> None:
    result = import_page(tmp_path, FRONT + STORE_LABEL)
    # The data types in title case after a category are the items; a category explained
    # in a sentence stays the item.
    # ("**Platform**: Windows, Linux" is no store category; "*Optional:*" marks its item)
    assert names_in(result, "collected") == [
        "Email Address",
        "Crash Data",
        "Performance Data",
        "Location",
        "Platform",
    ]
    assert [name.lower() for name in result.names("optional")] == ["your name"]
    assert result.data_item("Crash Data")["description"] == "Diagnostics"
    # "does not track you across apps and websites": people, not data, are not tracked.
    assert never_names(result) == []


def test_a_cookie_table_s_expiry_is_a_period_the_page_gives(tmp_path: Path) -> None:
    page = FRONT + (
        "# Site privacy\n\n## Information We Collect\n\n- Email address\n\n## Cookies\n\n"
        "| Cookie | Purpose | Expiry |\n| --- | --- | --- |\n"
        "| `_ga` | Distinguishes users | 2 years |\n"
    )
    result = import_page(tmp_path, page)
    assert "2 years" in result.product["storage"]["retention_note"]


DOCFX_TABS = (
    "# Telemetry in Contoso Agent\n\nContoso Agent collects telemetry data.\n\n"
    "## Types of data collected\n\n- Agent version\n- Machine ID\n\n## Disable telemetry\n\n"
    "# [Windows](#tab/windows)\n\nSet the `CONTOSO_TELEMETRY_OPTOUT` environment variable:\n\n"
    "```powershell\nsetx CONTOSO_TELEMETRY_OPTOUT 1\n```\n\n# [Linux](#tab/linux)\n\n"
    "```bash\nexport CONTOSO_TELEMETRY_OPTOUT=1\n```\n\n---\n\n## Data retention\n\n"
    "Telemetry data is retained for up to 2 years.\n"
)


def test_docfx_tabs_stay_in_the_section_that_holds_them(tmp_path: Path) -> None:
    # "# [Windows](#tab/windows)" is a tab of "Disable telemetry", not a section of the page.
    result = import_page(tmp_path, FRONT + DOCFX_TABS)
    controls = result.product["controls"]
    assert controls["settings"] == [
        {"name": "CONTOSO_TELEMETRY_OPTOUT", "kind": "environment-variable"}
    ]
    assert any("**Linux**" in option for option in controls["options"])
    sections = result.product.get("sections", [])
    assert not any(s.get("title") in {"Windows", "Linux"} for s in sections)


@pytest.mark.parametrize(
    ("title", "opening", "name"),
    [
        (
            "Data, privacy, and security for Azure Widget Reader",
            "It reads widgets.",
            "Azure Widget Reader",
        ),
        ("Telemetry in Contoso Agent", "It sends data.", "Contoso Agent"),
        ("Telemetry", "Grapefruit CLI collects anonymous usage events.", "Grapefruit CLI"),
        ("Usage data", "Quill CLI can send usage data.", "Quill CLI"),
        ("Telemetry", "We collect anonymous usage events.", "Telemetry"),
        # the page's words after the name, or around it
        ("Location of data in Contoso Teams", "It sends data.", "Contoso Teams"),
        ("Contoso Entra ID and data residency", "It sends data.", "Contoso Entra ID"),
        ("Amethyst Privacy Policy and Terms of Use", "It sends data.", "Amethyst"),
        ("Kiro Extension — Privacy & Telemetry", "It sends data.", "Kiro Extension"),
        ("Contoso Center GDPR Frequently Asked Questions", "It sends data.", "Contoso Center"),
        ("Go Telemetry", "It sends data.", "Go"),
        # a date's label is no name ("Last Updated", said twice as often as the name)
        (
            "Privacy Policy",
            "**Last Updated**: November 2024\n\nLumen Keys is committed to your privacy.\n\n"
            "**Lumen Keys** — your keyboard.\n\n**Last Updated**: November 2024",
            "Lumen Keys",
        ),
        (
            "Privacy Policy",
            "**Last updated:** February 2026\n\nVinsly Desktop is a free, open-source desktop "
            "application.",
            "Vinsly Desktop",
        ),
        # no name is cut from a topic or a store's form: the title stays
        (
            "Data collection & Play Data safety",
            "It sends data.",
            "Data collection & Play Data safety",
        ),
        (
            "Microphone usage and audio processing",
            "It sends data.",
            "Microphone usage and audio processing",
        ),
        ("Google Data Safety", "It sends data.", "Google Data Safety"),
        ("Error Data Collection", "It sends data.", "Error Data Collection"),
    ],
)
def test_generated_sentences_name_the_product_not_the_page(
    tmp_path: Path, title: str, opening: str, name: str
) -> None:
    page = FRONT + f"# {title}\n\n{opening}\n\n## Data collected\n\n- Device model\n"
    empty = import_page(tmp_path, page).product["empty_sections"]
    assert empty["more-information"] == f"No further reading is listed for {name}."


WAYS = (
    "# Scanly privacy\n\nScanly is a barcode scanner app.\n\n## Information we collect\n\n"
    "We collect information in the following ways:\n\n"
    "- Directly from you, when you contact support\n- Automatically, when you use the app\n"
    "- From app stores, when you make a purchase\n\n"
    "When you contact support we receive your email address and the content of your message.\n"
)


def test_the_ways_data_is_collected_are_no_data(tmp_path: Path) -> None:
    result = import_page(tmp_path, FRONT + WAYS)
    # Not "Directly from you" and the other ways: only the sentence's data is listed for
    # review (kept as text, not made items).
    assert prose_named(result) == ["Email address", "Content of your message"]
    assert result.data_names() == [
        "Email address",
        "Content of your message",
    ]  # a plain list: items too
    # The ways stay one list under their lead, with no heading the page does not have.
    [kept] = [s for s in result.product["sections"] if "Directly from you" in s["body"]]
    assert kept["body"].startswith("We collect information in the following ways:\n\n- ")
    assert kept["body"].count("\n- ") == 3 and "title" not in kept


PARAGRAPHS = (
    "# Privacy\n\nLumen Notes is a note-taking app.\n\n## What we collect\n\n"
    "You must provide your email address to register. We also collect crash reports, but "
    'only if you enable "Send crash reports" in Settings.\n\n'
    "Usage analytics are enabled by default. You can turn them off in Settings. Analytics "
    "include the screens you open and the buttons you tap.\n\n"
    "We need your payment details to process a subscription. You can turn off push "
    "notifications in Settings.\n"
)


def test_paragraphs_that_each_name_data_and_its_requirement_list_it_for_review(
    tmp_path: Path,
) -> None:
    # Paragraphs that each name data, with cues on its requirement ("You must provide",
    # "only if you enable"): the data is listed for review, in the page's order, and no cue
    # makes an item of it in any section; the one plain list of two is made items whose
    # requirement is not stated.
    result = import_page(tmp_path, FRONT + PARAGRAPHS)
    assert prose_named(result) == [
        "Email address",
        "Crash reports",
        "Screens you open",
        "Buttons you tap",
        "Payment details",
    ]
    assert result.data_names() == ["Screens you open", "Buttons you tap"]
    assert result.names("collected") == ["Screens you open", "Buttons you tap"]


def test_a_promise_of_no_fees_is_no_never_collected_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Privacy\n\nSonar respects your privacy.\n\n## What we collect\n\n- ✅ Extension version\n"
        "- ❌ No source code\n\n## Our promises\n\n- ✅ Works fully offline\n- ✅ No fees, ever\n"
    )
    assert never_names(import_page(tmp_path, page)) == ["Source code"]


TERMLY = (
    "# PRIVACY POLICY\n\nThis privacy notice for Bluebird Apps describes how we process your "
    "information.\n\n## 1. WHAT INFORMATION DO WE COLLECT?\n\n"
    "**Personal information you disclose to us**\n\n"
    "***In Short:*** *We collect personal information that you provide to us.*\n\n"
    "We collect personal information that you voluntarily provide to us when you register.\n\n"
    "The information we collect includes:\n\n"
    "- *Log and Usage Data.* Log and usage data is diagnostic information our servers collect.\n"
    "- *Device Data.* We collect device data such as information about your phone.\n"
)


def test_a_policy_from_the_common_template_says_what_it_collects(tmp_path: Path) -> None:
    result = import_page(tmp_path, FRONT + TERMLY)
    # "***In Short:***" is bold italics, no bullet and no data; an italic label names its data;
    # "information that you voluntarily provide" says where it comes from, not that it is
    # optional.
    assert names_in(result, "collected") == ["Log and Usage Data", "Device Data"]
    assert result.data_item("Device Data")["description"].startswith("We collect device data")
    # The line stays a paragraph of the page's text, not a bullet.
    assert "***In Short:*** *We collect" in result.text
    assert "- **In Short" not in result.text and "- ***In Short" not in result.text
    empty = result.product["empty_sections"]
    assert empty["more-information"] == "No further reading is listed for Bluebird Apps."


def test_data_named_by_what_the_reader_does_with_it(tmp_path: Path) -> None:
    page = FRONT + (
        "# Fjord Sync privacy\n\nFjord Sync collects your email address and the files you "
        "sync.\n\n## Sharing\n\nWe share your email address with Postmark.\n"
    )
    result = import_page(tmp_path, page)
    assert prose_named(result) == ["Email address", "Files you sync"]
    assert result.data_names() == ["Email address", "Files you sync"]  # a plain list: items too


def test_a_sentence_on_this_data_marks_only_the_data_it_names_by_whole_words(
    tmp_path: Path,
) -> None:
    # "usage" holds "age": the item "Age", listed elsewhere, is not the data named.
    page = FRONT + (
        "# Notes privacy\n\n## Data we collect\n\n- Age\n\n## Account\n\n"
        "We process your display name and your usage statistics. Providing this data is "
        "required.\n"
    )
    result = import_page(tmp_path, page)
    # The listed "Age" stays collected, requirement not stated; the display name is named in
    # a sentence only: listed for review, no item.
    assert names_in(result, "required") == [] and result.names("collected") == ["Age"]
    assert prose_named(result) == ["Display name"]


# -- batch 2026-11-26l, read by class (2026-11-27) -----------------------------------------------


def test_data_not_given_to_another_party_is_not_data_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Trailmap privacy\n\n"
        "## What we do not collect\n\n- We do not collect analytics or crash reports.\n\n"
        "## Strava (optional)\n\n"
        "We do not upload your saved routes to Strava. Your heart rate is never shared with "
        "advertisers, and your photos are never accessible to other users. We never send your "
        "contacts to our servers. We do not share notes with third parties and we never "
        "collect your calendar.\n"
    )
    result = import_page(tmp_path, page)
    # Routes, heart rate, photos and notes may well be collected: the page says whom they do
    # not reach. What another clause denies stands.
    assert never_names(result) == ["Analytics", "Crash reports", "Contacts", "Calendar"]


def test_reports_a_project_publishes_are_not_data_it_collects(tmp_path: Path) -> None:
    page = FRONT + (
        "# Community telemetry\n\n"
        "## Privacy promise\n\n### What we collect\n"
        "- **Usage patterns** - Which commands are used most\n\n"
        "## Transparency\n\n### Opt out anytime\nDisable telemetry sharing at any time:\n"
        "```bash\ntool telemetry --off\n```\n\n"
        "## Community insights\n\n### Monthly reports\n"
        "- **Feature adoption trends**\n- **Error rate analysis**\n\n"
        "### Public analytics\nAll processed insights are in the `analytics/` folder.\n\n"
        "## Crash reports\n\n- **Stack trace**\n- **Exit code**\n"
    )
    result = import_page(tmp_path, page)
    names = [n for s in ("required", "optional", "collected") for n in names_in(result, s)]
    assert "Usage patterns" in names and "Stack trace" in names
    assert "Feature adoption trends" not in names and "Error rate analysis" not in names


def test_a_table_of_features_beside_the_data_they_send_makes_no_feature_an_item(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Assistant data\n\n## Example features and their data\n\n"
        "| Assistant feature | Example of user interaction | Example of data sent to the model |\n"
        "| --- | --- | --- |\n"
        "| Chat | User asks to show a customer | The list of table names and field names |\n"
        "| Summaries | User opens a long record | The record's fields and their captions |\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == []  # the table stays text: nothing false, nothing guessed


def test_the_readers_data_said_to_be_sent_is_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Assistant data\n\n## How the assistant works\n\n"
        "Each time you use the assistant, your inputs (prompts) and outputs (results), including "
        "any data needed for the task, are sent to the model endpoint. Your files are not sent. "
        "After you sign up, your phone is sent a verification code. Your photos are sent to "
        "the printer you choose.\n"
    )
    result = import_page(tmp_path, page)
    # (a phone sent a code, photos sent to a printer: nothing reaches the product)
    assert prose_named(result) == ["Inputs (prompts)", "Outputs (results)"]
    assert result.data_names() == [
        "Inputs (prompts)",
        "Outputs (results)",
    ]  # a plain list: items too
    assert never_names(result) == ["Files"]


@pytest.mark.parametrize(
    ("text", "after", "said"),
    [
        (
            "The data stays on your device and can be erased by\nclearing the app's data.",
            "your-rights",
            "The data stays on your device and can be erased by clearing the app's data.",
        ),
        (
            "You can ask us to stop\nprocessing your data.",
            "your-rights",
            "You can ask us to stop processing your data.",
        ),
        (
            "- Attachments are never used\n  by Widget.",
            "never-collected",
            "Attachments are never used by Widget.",
        ),
        (
            "> Attachments are never used\n> by Widget.",
            "never-collected",
            "Attachments are never used by Widget.",
        ),
    ],
)
def test_a_sentence_wrapped_over_lines_is_quoted_whole(
    tmp_path: Path, text: str, after: str, said: str
) -> None:
    page = (
        FRONT + f"# Widget privacy\n\n## Data we collect\n\n- Email address\n\n## Notes\n\n{text}\n"
    )
    result = import_page(tmp_path, page)
    held = [s["body"] for s in result.product.get("sections", []) if s["after"] == after]
    assert held == [said]
    [line] = [r.line for r in result.report.reviews if r.topic == "quoted"]
    assert line == page.splitlines().index(text.splitlines()[0]) + 1  # (where it starts)


@pytest.mark.parametrize(
    "before",
    ["**Appeals**", "> [!NOTE]", ":::note", '!!! note "Appeals"', "<div>", "***"],
)
def test_a_heading_in_bold_or_a_marker_is_no_part_of_the_sentence_under_it(
    tmp_path: Path, before: str
) -> None:
    said = "You can lodge a complaint with a supervisory authority."
    text = f"{before}\n> {said}" if before.startswith(">") else f"{before}\n{said}"
    page = (
        FRONT + f"# Widget privacy\n\n## Data we collect\n\n- Email address\n\n## Notes\n\n{text}\n"
    )
    result = import_page(tmp_path, page)
    held = [s["body"] for s in result.product.get("sections", []) if s["after"] == "your-rights"]
    assert held == [said]


def test_data_never_used_by_the_product_is_quoted_under_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Insights privacy\n\n## Collaboration data\n\n- Sender\n- Recipients\n\n"
        "> [!IMPORTANT]\n> Attachments and text in the body of email and meetings are never "
        "used by Insights.\n"
    )
    result = import_page(tmp_path, page)
    # Who "Insights" is, the page knows, not the words: the sentence is quoted, no entry made,
    # and the record does not say that nothing is listed.
    assert never_names(result) == []
    quoted = [s["body"] for s in result.product["sections"] if s["after"] == "never-collected"]
    assert quoted == [
        "Attachments and text in the body of email and meetings are never used by Insights."
    ]
    assert "never-collected" not in result.product.get("empty_sections", {})


def test_data_not_used_by_another_party_or_for_a_purpose_is_no_denial(tmp_path: Path) -> None:
    page = FRONT + (
        "# Chat privacy\n\n## Data\n\nWe collect your email address, which is never used by "
        "third parties. Your contacts are uploaded to match friends and are never used by "
        "marketers. Your data is not used by us to rank you.\n"
    )
    result = import_page(tmp_path, page)
    assert prose_named(result) == ["Email address"] and result.data_names() == []
    assert never_names(result) == []
    assert not [s for s in result.product.get("sections", []) if s["after"] == "never-collected"]


def test_a_heading_that_names_data_is_no_storage_service(tmp_path: Path) -> None:
    page = FRONT + (
        "# Insights privacy\n\n## The data Insights uses\n\n### Organizational data\n\n"
        "Organizational data is contextual information about your employees and can come from "
        "human resources systems or other line-of-business data stores.\n"
    )
    result = import_page(tmp_path, page)
    services = [
        s["service"] for s in result.product.get("storage", {}).get("service_locations", [])
    ]
    assert "Organizational data" not in services


@pytest.mark.parametrize(
    ("title", "intro", "who", "product"),
    [
        (
            "Privacy Policy",
            "**Last updated:** May 2026",
            "**Walkabout** is an Android app maintained by Careful Data.",
            "Walkabout",
        ),
        (
            "Privacy and data access",
            "Consider the law before using Contoso Viva Reports. Viva Reports encodes no policy.",
            "Admins decide.",
            "Viva Reports",
        ),
    ],
)
def test_generated_sentences_name_the_product_a_generic_title_does_not(
    tmp_path: Path, title: str, intro: str, who: str, product: str
) -> None:
    page = f"---\ntitle: {title}\ndescription: d\nms.date: 2024-05-01\nms.collection: w\n---\n"
    page += f"# {title}\n\n{intro}\n\n## Who we are\n\n{who}\n\n## Data\n\n- Email address\n"
    result = import_page(tmp_path, page)
    said = " ".join(result.product.get("empty_sections", {}).values())
    assert f" {product}" in said and title not in said, said


STRAVA = (
    "# Trailmap privacy\n\n## Strava integration (optional)\n\n"
    "If you choose to connect your Strava account:\n\n"
    "- The app uses the Strava API in read-only mode.\n"
    "- Strava's own use of data is governed by its policy.\n"
    "- We do not control Strava's practices.\n\n"
)


def test_another_companys_collection_names_no_data(tmp_path: Path) -> None:
    page = (
        FRONT
        + STRAVA
        + ("## Map services\n\nThe provider may collect data according to its own policy.\n")
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == []
    assert prose_named(result) == []  # (nor listed for review as data collected)


def test_the_lead_of_one_optional_list_is_no_control_of_another_group(tmp_path: Path) -> None:
    page = (
        FRONT
        + STRAVA
        + (
            "## Map (optional)\n\nIf you use the map, we collect:\n\n"
            "- Approximate location\n- Map zoom level\n"
        )
    )
    result = import_page(tmp_path, page)
    controls = [
        str(result.item(name, "optional").get("control"))
        for name in ("Approximate location", "Map zoom level")
    ]
    assert not any("Strava" in control for control in controls), controls


def test_a_table_after_a_lead_that_says_it_is_data_gives_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# Insights privacy\n\n## Collaboration data\n\n"
        "When you choose a user, Insights uses the following information about items in "
        "that user's mailbox:\n\n"
        "| item | originator | recipient | chronology |\n| --- | --- | --- | --- |\n"
        "| **email** | sender | recipients | sent time |\n"
        "| **meeting** | organizer | invitees | scheduled time |\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["email", "meeting"]
    group = result.product["collected"]["groups"][0]
    assert "uses the following information" in group["intro"]  # the lead goes with its table


def test_a_protection_sub_section_of_a_security_section_gives_protections(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Telemetry\n\n## What we collect\n\n- Command name\n\n## Security\n\n"
        "### Data protection\n\n- **Local processing** - Anonymization happens on your machine\n"
        "- **Encrypted transmission** - HTTPS only\n"
    )
    result = import_page(tmp_path, page)
    protections = result.product["access"]["protections"]
    assert [p.split("**")[1] for p in protections] == ["Local processing", "Encrypted transmission"]


def test_no_tracking_is_a_practice_and_a_dash_ends_a_denied_name(tmp_path: Path) -> None:
    page = FRONT + (
        "# Telemetry\n\n## What we collect\n\n- Command name\n\n## Guidelines\n\n"
        "- **No tracking** - Session-based only\n- **No file paths** - All paths are removed\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["File paths"]


def test_data_the_app_stores_on_the_device_is_its_data_though_not_sent(tmp_path: Path) -> None:
    page = FRONT + (
        "# Walkabout privacy\n\n## Data stored on your device\n\n"
        "The following data is stored **only on your device**:\n\n"
        "- **Walk sessions:** start and end times, distance.\n"
        "- **Preferences:** unit system and step length.\n\n"
        "This data is not sent to us or to any other party.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Walk sessions", "Preferences"]
    # Where it is kept stays with it: the lead, and the storage text.
    assert "only on your device" in result.product["collected"]["groups"][0]["intro"]
    assert "not sent to us" in yaml_text(result)


def yaml_text(result: Imported) -> str:
    return str(result.product)


def test_a_companys_service_named_in_the_text_is_not_the_product(tmp_path: Path) -> None:
    page = (
        "---\ntitle: Privacy Policy\ndescription: d\nms.date: 2024-05-01\nms.collection: w\n---\n"
    )
    page += "# Privacy Policy\n\n**Last updated:** May 2026\n\n## Analytics\n\n"
    page += "Google Analytics is a web analytics service offered by Google.\n\n"
    page += "## Data\n\n- Email address\n"
    result = import_page(tmp_path, page)
    said = " ".join(result.product.get("empty_sections", {}).values())
    assert "Google Analytics" not in said and "Privacy Policy" in said, said


def test_a_page_wide_way_to_opt_out_is_the_control_of_every_optional_group(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Telemetry\n\n## Optional data\n\n"
        "You can opt out of all optional data at any time with this command:\n\n"
        "```\ntool telemetry off\n```\n\n### Diagnostics\n\n- Crash dumps\n- Exit codes\n"
    )
    result = import_page(tmp_path, page)
    controls = [str(item.get("control")) for item in result.items("optional")]
    assert controls and all("opt out of all optional data" in c for c in controls), controls


def test_a_control_said_in_the_intro_and_by_the_page_is_given_once(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool\n\n## Privacy-first telemetry\n\n"
        "The tool uses **opt-in telemetry** to help us improve it.\n\n"
        "## What we collect\n\n- Crash dumps\n- Exit codes\n"
    )
    result = import_page(tmp_path, page)
    controls = [str(item.get("control")) for item in result.items("optional")]
    assert controls and all(plain(c).count("opt-in telemetry") == 1 for c in controls), controls


def test_a_control_said_twice_with_other_links_keeps_each_link(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool\n\n## Optional data\n\n"
        "You can turn collection off in [Settings](https://example.com/desktop).\n\n"
        "### Mobile\n\nYou can turn collection off in [Settings](https://example.com/mobile).\n\n"
        "- Crash dumps\n\n### Web\n\n"
        "You can turn collection off in **[Settings](https://example.com/desktop)**.\n\n"
        "- Page views\n"
    )
    result = import_page(tmp_path, page)
    controls = {
        name: str(result.item(name, "optional").get("control")) for name in result.names("optional")
    }
    # The same words lead to two places: both are kept; the same link twice is said once.
    assert "example.com/mobile" in controls["Crash dumps"], controls
    assert "example.com/desktop" in controls["Crash dumps"], controls
    assert controls["Page views"].count("example.com/desktop") == 1, controls


def test_data_not_transferred_to_the_service_is_quoted_not_said_unlisted(tmp_path: Path) -> None:
    page = FRONT + (
        "# Assistant data\n\n## Data\n\n- Prompts\n\n"
        "> [!NOTE]\n> When you turn the assistant on, the company database stays where it is:\n>\n"
        "> - It isn't transferred to the model service.\n"
        "> - It isn't moved to another region.\n"
    )
    result = import_page(tmp_path, page)
    quoted = [s["body"] for s in result.product["sections"] if s["after"] == "never-collected"]
    assert quoted == ["It isn't transferred to the model service."]
    assert "never-collected" not in result.product.get("empty_sections", {})


def test_a_list_of_what_data_is_for_or_on_what_grounds_is_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Reminder bot\n\n## Data we collect\n\n- Channel ID\n- Reminder text\n\n"
        "## Why we keep data\n\nData is collected to:\n\n- Run the reminders on time\n"
        "- Keep a backup of reminders for restores\n\n"
        "## Lawful grounds\n\nData is processed based on:\n\n"
        "- Consent (adding the bot means consent)\n- Legitimate interest in running the bot\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Channel ID", "Reminder text"]
    assert "Run the reminders on time" in result.product["purposes"]["items"]
    assert "Legitimate interest in running the bot" in yaml_text(result)  # kept as text


def test_a_list_of_when_data_is_sent_is_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Telemetry\n\n## Usage data\n\n- Command name\n\n## Crash data\n\n"
        "A report may be sent upon:\n\n- a panic in the daemon\n- a timeout of the sync job\n"
    )
    result = import_page(tmp_path, page)
    assert "A panic in the daemon" not in result.data_names()
    assert "a panic in the daemon" in yaml_text(result)


def test_what_a_feature_can_do_is_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Helper agents\n\n## Data we collect\n\n- Ticket titles\n\n## What the agents do\n\n"
        "The capabilities of the triage agent include:\n\n"
        "- **Automatic ticket routing**: Sends each ticket to the right queue.\n"
        "- **Duplicate merging**: Finds tickets that report the same fault.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Ticket titles"]
    assert "Duplicate merging" in yaml_text(result)


def test_data_named_elsewhere_and_the_next_clause_are_no_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# Telemetry\n\n## Data we collect\n\n- **Build number**: the version you run.\n\n"
        "## Code\n\nThe reporter module gathers the fields defined above, and uploads the "
        "report every night.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Build number"]
    assert prose_named(result) == []  # (nor listed for review as data collected)


def test_a_labelled_denial_gives_the_data_it_names_as_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Telemetry\n\n## Data we collect\n\n- Version\n\n## Not collected\n\n"
        "- **No content**: No notes, drawings, or attachments are ever sent.\n"
        "- **No identity**: No names or phone numbers are stored.\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Notes", "Drawings", "Attachments", "Names", "Phone numbers"]
    assert "**No content**" in yaml_text(result)  # the label stays, with its sentence


def test_text_under_a_data_heading_before_a_picture_is_kept(tmp_path: Path) -> None:
    page = FRONT + (
        "# Notes app data\n\n## Notes, the workspace, and your account\n\n"
        "When sync is on, your notes are stored in the workspace database.\n\n"
        "> [!NOTE]\n> The local database is of type **Trial**.\n\n"
        ':::image type="content" source="media/settings.png" '
        'alt-text="Screenshot of the workspace settings.":::\n\n'
        "### Where is the data stored?\n\nNotes data is stored in several tables:\n\n"
        "| Table name | Description |\n| --- | --- |\n"
        "| Note body | The text of each note |\n| Tags | Labels you add |\n"
    )
    result = import_page(tmp_path, page)
    assert "stored in the workspace database" in yaml_text(result)


def test_no_data_beyond_some_says_that_data_is_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Summary assistant\n\n## What data does the assistant collect?\n\n"
        "The assistant works on the documents already in your library. It does not collect "
        "any additional data beyond crash counts and any ratings you submit.\n"
    )
    result = import_page(tmp_path, page)
    assert prose_named(result) == ["Crash counts", "Ratings you submit"]
    assert result.data_names() == []
    assert not never_names(result)


def test_a_section_of_statements_gives_only_its_data_list(tmp_path: Path) -> None:
    page = FRONT + (
        "# Podcast app\n\n## Data we collect\n\n- Subscriptions\n\n## Community services\n\n"
        "**Donations**\n\nWhen you donate, data flows to:\n\n"
        "- the platform's operator - see its privacy policy\n"
        "- unless you give anonymously, the team gets access to your:\n"
        "  - public profile name\n  - email address\n\n"
        "**Forum**\n\n- When you post on our forum, the forum's host sees your IP address.\n"
        "- If you sign in with a provider, it knows when you visit.\n\n"
        "**Store reviews**\n\nWhen you review the app, we may collect the following:\n\n"
        "- review text\n- app version\n"
    )
    result = import_page(tmp_path, page)
    names = result.data_names()
    assert names[:1] == ["Subscriptions"] and {"review text", "app version"} <= set(names)
    assert not any(n.lower().startswith(("when", "if", "unless", "the ")) for n in names), names


def test_a_denial_of_code_the_app_includes_is_no_never_collected_entry(tmp_path: Path) -> None:
    page = FRONT + (
        "# Podcast app\n\n## Data we collect\n\n- Subscriptions\n\n"
        "The app does not include any advertising libraries or crash reporting code. It does "
        "not send your data anywhere, except where it is needed to fetch your feeds.\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == []


# Guards from the review of the classes above: each failed on their first version.


def test_leads_of_what_you_receive_or_what_is_done_list_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Widget privacy\n\n## Data we collect\n\n- Account name\n\n## Staying in touch\n\n"
        "You may receive the following communications from us:\n\n"
        "- Service announcements\n- Monthly newsletter\n\n## Requests\n\n"
        "We process the following requests within 30 days:\n\n- Access requests\n"
        "- Deletion requests\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Account name"]


def test_a_lead_not_limited_to_its_list_still_lists_data(tmp_path: Path) -> None:
    for lead in (
        "Information collected includes, but is not limited to:",
        "Data collected by Widget features includes:",
    ):
        page = FRONT + f"# Widget privacy\n\n## Details\n\n{lead}\n\n- Device ID\n- Crash logs\n"
        folder = tmp_path / str(len(lead))
        folder.mkdir()
        result = import_page(folder, page)
        assert result.data_names() == ["Device ID", "Crash logs"], lead
        assert "Device ID" not in str(result.product.get("purposes", {}))


def test_a_denial_names_what_it_names_before_any_other_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Widget privacy\n\n## Data we collect\n\n- Account name\n\n## Our approach\n\n"
        "We do not collect your contacts or any other data beyond what is needed to run the "
        "service. The app does not use any SDKs that collect your location. We do not collect "
        "any additional data other than needed for sign-in.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Account name"]
    assert prose_named(result) == []  # (not "Needed")
    assert {"Contacts", "Location"} <= set(never_names(result))


def test_a_labelled_denial_with_an_exception_keeps_its_label(tmp_path: Path) -> None:
    page = FRONT + (
        "# Widget privacy\n\n## Data we collect\n\n- Account name\n\n## Data we never collect\n\n"
        "- **No PII**: No names or email addresses are stored, except the email you give support.\n"
        "- **No cloud**: No files, photos or notes leave your device.\n"
    )
    result = import_page(tmp_path, page)
    assert "Email addresses" not in never_names(result)
    assert not any("leave" in name for name in never_names(result))


def test_verbs_that_are_data_stay_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Widget privacy\n\n## Data we collect\n\nWe record likes, shares and comments. "
        "We collect the data defined above and device IDs.\n"
    )
    result = import_page(tmp_path, page)
    # (not "Data defined above": named elsewhere, not here)
    assert prose_named(result) == ["Likes", "Shares", "Comments", "Device IDs"]
    assert result.data_names() == ["Likes", "Shares", "Comments"]  # (a list; one name is text)


def test_a_bold_list_of_data_after_a_sentence_is_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Widget privacy\n\n## Crash reports\n\n"
        "When Widget crashes, it prepares a report that you can review before it is sent.\n\n"
        "- **Stack trace**: the functions running at the crash.\n"
        "- **Device model**: the model of the device.\n\n"
        "Reports are handled as follows:\n\n- Reports are sent only after you agree.\n"
        "- You can turn reporting off at any time in Settings.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Stack trace", "Device model"]


def test_a_period_given_as_an_example_and_then_denied_is_no_rule(tmp_path: Path) -> None:
    page = FRONT + (
        "# Notes data\n\n## Data we collect\n\n- Note text\n\n## Data retention\n\n"
        "Retention differs from other apps in the suite. For example, when your suite "
        "subscription ends, your data is retained for 60 days before it is deleted. However, "
        "if you use Notes, that data isn't deleted 60 days after your subscription ends.\n"
    )
    result = import_page(tmp_path, page)
    storage = result.product.get("storage", {})
    assert not storage.get("retention"), storage  # no period the page denies
    assert "isn't deleted 60 days after" in str(storage.get("retention_note"))


def test_data_with_a_retention_policy_of_a_period_is_a_rule(tmp_path: Path) -> None:
    page = FRONT + (
        "# Notes data\n\n## Data we collect\n\n- Note text\n\n## Storage\n\n"
        "Note summaries have a retention policy of 45 days.\n"
    )
    result = import_page(tmp_path, page)
    rules = result.product["storage"]["retention"]
    assert [(r["data"], r["period"]) for r in rules] == [("Note summaries", "45 days")]


def test_spaces_inside_html_emphasis_go_outside_its_markers() -> None:
    said = html_to_markdown("<strong>&nbsp;&nbsp;i.</strong> Comply with a legal obligation.<br />")
    assert said == "**i.** Comply with a legal obligation."  # not "**  i.**", shown as stars
    assert html_to_markdown("a <em> word </em> b") == "a  *word*  b"


def test_a_bullet_that_says_what_we_do_is_no_item(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## Data we collect\n\n- Command name\n- Exit code\n\n### Collector\n\n"
        "- We use the open collector to send usage analytics.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Command name", "Exit code"]
    assert "We use the open collector" in yaml_text(result)


# -- lists in a data section that are not data -----------------------------------------------------


def test_bullets_labelled_required_or_optional_give_their_data_that_requirement(
    tmp_path: Path,
) -> None:
    """A label says the requirement of the data after it; it is no item itself."""
    page = """# Privacy

## Data we collect

When you create an account, we collect:

- **Required**: your email address
- **Optional:** your phone number, your birthday, your country
"""
    result = import_page(tmp_path, FRONT + page)
    assert names_in(result, "required") == ["your email address"]
    assert names_in(result, "optional") == ["your phone number", "your birthday", "your country"]


def test_links_and_a_list_its_lead_says_is_not_data_stay_text_with_their_lead(
    tmp_path: Path,
) -> None:
    """In a data section, "See also:" and its links, or "Supported operating systems:" and a
    list of them, are no items: they stay text, their lead with them."""
    page = """# Privacy

## Data we collect

The app sends:

- command name
- CLI version

See also:

- [How we use telemetry](https://example.com/telemetry)
- [Terms of use](https://example.com/terms)

Supported operating systems:

- Windows
- macOS
- Linux
"""
    result = import_page(tmp_path, FRONT + page)
    assert result.data_names() == ["command name", "CLI version"]
    text = free_text(result)
    for said in ("See also:", "Terms of use", "Supported operating systems:", "Linux"):
        assert said in text


def test_the_lead_of_a_list_of_where_data_is_kept_stays_with_it(tmp_path: Path) -> None:
    """Bullets that say where data is kept stay text, and the sentence over them too (it was
    dropped: the writer's words, lost without a word)."""
    page = """# Privacy

## Data we collect

The app collects:

- your display name
- your settings

Each platform keeps them in its own place:

- **iOS:** Stored in `UserDefaults`
- **Web:** Stored in the browser's `localStorage`
"""
    result = import_page(tmp_path, FRONT + page)
    assert result.data_names() == ["your display name", "your settings"]
    text = free_text(result)
    assert "Each platform keeps them in its own place:" in text
    assert "Stored in `UserDefaults`" in text


def test_the_lead_of_a_table_of_where_data_is_kept_stays_as_text(tmp_path: Path) -> None:
    """A table of where each component keeps data goes to storage; the sentence over it, in a
    data section, stays text (it was dropped)."""
    page = """# Privacy

## Data we collect

The app collects:

- your display name
- your settings

Where each part keeps its data:

| Component | Location |
| --- | --- |
| Sync service | United States |
| Backups | European Union |
"""
    result = import_page(tmp_path, FRONT + page)
    services = [entry["service"] for entry in result.product["storage"]["service_locations"]]
    assert services == ["Sync service", "Backups"]
    text = free_text(result)
    assert "Where each part keeps its data:" in text


def test_labels_over_nested_bullets_give_them_their_requirement(tmp_path: Path) -> None:
    page = """# Privacy

## Data we collect

We collect:

- **Required:**
  - Email address
- **Optional:**
  - Phone number
  - Birthday
"""
    result = import_page(tmp_path, FRONT + page)
    assert names_in(result, "required") == ["Email address"]
    assert names_in(result, "optional") == ["Phone number", "Birthday"]


def test_a_label_before_words_that_are_not_data_stays_with_them(tmp_path: Path) -> None:
    """ "Required: yes" is no item named "yes" or "Required"; the words stay as written."""
    page = """# Privacy

## Data we collect

We collect:

- Optional: nothing else is sent unless you opt in
- Email address
- Required: yes
"""
    result = import_page(tmp_path, FRONT + page)
    assert result.data_names() == ["Email address"]
    text = free_text(result)
    assert "Optional: nothing else is sent unless you opt in" in text
    assert "Required: yes" in text


@pytest.mark.parametrize(
    ("lead", "bullets"),
    [
        ("We collect:", ["Search queries", "Install date", "Build number"]),
        ("The extension records:", ["Sign-in time", "Type of device", "Email address"]),
        ("We collect the following versions:", ["App version", "OS version"]),
        ("Supported devices send the following data:", ["Device model", "Battery level"]),
    ],
)
def test_a_list_after_a_data_lead_stays_data_whatever_its_first_words(
    tmp_path: Path, lead: str, bullets: list[str]
) -> None:
    """Names that start with a verb of steps ("Search", "Install", "Sign") or a lead that names
    versions or supported devices: after words that say data is collected, the list is data."""
    listed = "\n".join(f"- {bullet}" for bullet in bullets)
    page = f"# Privacy\n\n## Data we collect\n\n{lead}\n\n{listed}\n"
    result = import_page(tmp_path, FRONT + page)
    assert result.data_names() == bullets


@pytest.mark.parametrize(
    ("sentence", "never"),
    [
        # The examples after the verb are data denied too.
        (
            "No private data or identifiers are captured such as: usernames, hostnames, or "
            "file names.",
            ["Private data", "Identifiers", "Usernames", "Hostnames", "File names"],
        ),
        # Examples after the denied data's clause has ended are of something else (rights),
        # unless that clause denies too.
        (
            "As we do not collect personal data in Matomo, you do not need to exercise rights "
            "such as access, correction, or deletion of personal data.",
            ["Personal data"],
        ),
        (
            "We do not collect personal data while you browse, and we never log details such as "
            "your IP address.",
            ["Personal data", "IP address"],
        ),
        # The examples of another clause, or of what is not the data, are not denied.
        (
            "Crash reports include details such as the stack trace and the app version, but no "
            "personal data is collected.",
            ["Personal data"],
        ),
        (
            "No personal data is collected by analytics tools such as Google Analytics.",
            ["Personal data"],
        ),
    ],
)
def test_the_examples_a_denial_gives(tmp_path: Path, sentence: str, never: list[str]) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## What is collected\n\nThe tool collects:\n\n- Tool version\n\n"
        f"{sentence}\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Tool version"]
    assert never_names(result) == never


def test_a_denial_in_the_clause_after_another_names_its_own_subject(tmp_path: Path) -> None:
    # ("everything is anonymous" is not what is never sent; what you search is)
    page = FRONT + (
        "# Telemetry\n\n## What is sent\n\n"
        ":warning: Note that everything is anonymous, and that what you search/download/etc. "
        "is never sent.\n\n- Screen resolution\n- Operating system\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["What you search/download/etc"]


def test_a_choice_or_a_proviso_is_no_denial(tmp_path: Path) -> None:
    page = FRONT + (
        "# App privacy\n\n## Information we collect\n\n- Uploaded files\n\n"
        "## User control\n\n"
        "You control which files you upload. You may choose not to upload files, but some "
        "features may not be available.\n\n"
        "## Store answers\n\n"
        "These answers apply to data the SDK collects itself, provided that you do not send us "
        "analytics events or custom exceptions.\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == []


def test_denials_with_a_clause_a_choice_or_a_proviso_around_them() -> None:
    from privacy_pages.importer.prose_facts import data_denied

    said = {
        # ("that of your collaborators" is no clause of its own)
        "Your code, and that of your collaborators, is never uploaded.": ["Code"],
        # (not kept after a time: kept until then, no denial)
        "We do not store your data after you unsubscribe.": None,
        # (the product's own choice is a denial; the person's is not)
        "We choose not to collect IP addresses.": ["IP addresses"],
        "You may choose to not upload files.": None,
        "Users can opt not to send crash reports, and we never collect contacts.": ["Contacts"],
        # (a proviso anywhere in the sentence: the denial holds in a case only)
        "We never collect your location, provided that you do not enable sharing.": None,
        "As long as you use the app, we never collect your contacts.": ["Contacts"],
    }
    assert {sentence: data_denied(sentence) for sentence in said} == said


def test_a_purpose_of_knowing_when_is_no_condition_but_a_when_after_a_name_is() -> None:
    from privacy_pages.importer.classify import split_condition

    assert split_condition("To understand when the program is used")[1] is None
    assert split_condition("Page load times we measure when you enable profiling")[1] == (
        "when you enable profiling"
    )
    assert split_condition("Ads you see, only if you use the free tier")[1] == (
        "only if you use the free tier"
    )


def test_what_an_event_holds_with_data_removed_is_never_that_data(tmp_path: Path) -> None:
    # Quarkus's shape: each bullet says when the extension emits events and what they contain;
    # "Ext emits telemetry events" is no datum, and what the events leave out is never collected.
    page = FRONT + (
        "# Usage data\n\nExt has opt-in telemetry collection.\n\n## What's included in the data\n\n"
        " * Ext emits telemetry events when the extension starts and stops.\n"
        " * Ext emits telemetry events when a command runs successfully or fails.\n"
        "   The telemetry event contains the name of the command that is run.\n"
        "   If the command fails, it also contains the error message, with any usernames and "
        "paths removed from the error message.\n"
        " * Ext transmits telemetry to indicate whether a template file has been opened.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == []
    assert never_names(result) == ["Usernames", "Paths"]


def test_what_data_is_collected_without_is_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Telemetry\n\n## Data collected\n\n- Cluster count\n- Feature usage\n\n"
        "## How we protect your privacy\n\n- **Anonymized Data**: All data is collected and processed anonymously, "
        "without any personally identifiable information.\n"
        "- Crash reports are never sent without your consent.\n\n"
        "Usage data is collected without interrupting you. Events are collected without any "
        "opt-in, and sent without any consent or any delay.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Cluster count", "Feature usage"]
    assert never_names(result) == ["Personally identifiable information"]


def test_a_detail_that_denies_data_gives_never_collected_entries(tmp_path: Path) -> None:
    # Wrangler's shape: a nested bullet says what is sent, then what is not.
    page = FRONT + (
        "# Telemetry\n\n## What telemetry data is collected?\n\n"
        "- What command is being run\n"
        "- Anonymized information about your Worker:\n"
        "  - The framework being used\n"
        "  - How secrets are managed. No secret names, values, or counts are tracked.\n"
        "  - Stack traces. Stack traces are not included in release builds.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == [
        "What command is being run",
        "Anonymized information about your Worker",
    ]
    assert never_names(result) == ["Secret names", "Values", "Counts"]


def test_what_a_tool_does_not_scan_or_extract_is_not_said_to_be_never_collected(
    tmp_path: Path,
) -> None:
    # Scanning and extracting are done to data the product may well hold ("it does not scan
    # your code ..., but it uploads your code for review"): no denial of collecting it.
    page = FRONT + (
        "# Telemetry\n\n## Data collected\n\n- Command name\n- Exit code\n\n## Privacy\n\n"
        "It does not scan your code and doesn't extract secrets, but it uploads your code for "
        "review. We don't extract text from images.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Command name", "Exit code"]
    assert never_names(result) == []


def test_tools_a_page_says_are_not_used_are_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Privacy Policy\n\n## Data Collection\n\nThe app does **not** collect any user data.\n\n"
        "Specifically:\n\n- No personal information is collected\n- No analytics are used\n"
        "- No crash reporting is enabled\n- No identifiers are created or tracked\n"
        "- No ads are included\n- No cookies are set until you consent.\n"
        "- No telemetry is enabled in debug builds.\n"
        "- No cookies are used for ads, and we never collect your email.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == []
    assert never_names(result) == [
        "User data",
        "Personal information",
        "Analytics",
        "Crash reporting",
        "Identifiers",
        "Email",
    ]


def test_software_a_page_does_not_use_is_no_data_never_collected(tmp_path: Path) -> None:
    # An SDK or a library is code, not data: "Advertising SDKs" is no entry of what is never
    # collected, nor are "analytics libraries".
    page = FRONT + (
        "# Privacy\n\n## Data we collect\n\n- Photos you share\n- Your email address\n\n"
        "## What we do not do\n\n"
        "- The app does NOT use any analytics, crash reporting, or advertising SDKs.\n"
        "- The app does not include any analytics libraries.\n"
        "- We do not use analytics tools provided by Google.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Photos you share", "Your email address"]
    assert never_names(result) == []


def test_what_is_not_kept_for_long_or_a_label_of_a_protection_is_no_denial(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Telemetry\n\n## Data collected\n\n- Command name\n- Exit code\n\n"
        "## How we protect your privacy\n\n"
        "- **No external access:** We have no ability to access your data remotely.\n"
        "- **No data retention** - We don't store raw telemetry data long-term.\n"
        "- **Minimal data**: We never collect your file names.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Command name", "Exit code"]
    assert never_names(result) == ["File names"]


def test_a_reference_list_of_code_names_is_read_for_what_it_denies(tmp_path: Path) -> None:
    page = FRONT + (
        "# Telemetry\n\n## Types of telemetry data\n\nWe collect crash reports and usage data.\n\n"
        "## Viewing all telemetry events\n\nThe sections below detail the event metadata.\n\n"
        "### Event classification\n\nThe `classification` field describes the type of data.\n\n"
        "* `SystemMetaData` - Values generated by the editor that are not personally "
        "identifiable.\n"
        "* `CallstackOrException` - Errors caused by failures in program execution. These "
        "contain stack traces that have been scrubbed of user paths.\n"
        "* `PublicNonPersonalData` - User generated data that is available to the public.\n"
    )
    result = import_page(tmp_path, page)
    # (the list stays text, the code names no items; what it says is taken out is denied)
    assert result.data_names() == []
    assert never_names(result) == ["User paths"]


def test_a_column_of_recipients_is_kept_with_each_row_never_its_category(tmp_path: Path) -> None:
    # Zulip's chart: the third column says who receives each category's data; it once made
    # the group of "Payment Data" a category named by its sentence ("Data never collected").
    page = FRONT + (
        "# Privacy\n\n## Personal data we collect\n\n"
        "| **Category of Personal Data** | **Examples of Personal Data We Collect** | "
        "**Categories of Third Parties With Whom We Share this Personal Data:** |\n"
        "| --- | --- | --- |\n"
        "| **Profile or Contact Data** | - Display name<br>- Email address | "
        "- Service Providers |\n"
        "| **Payment Data** | - Payment card type<br>- Billing name | - This information is "
        "processed by our payment partner. We do not process or store your entire payment "
        "card number. |\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Profile or Contact Data", "Payment Data"]
    groups = [
        g
        for part in ("required", "optional", "collected")
        for g in result.product.get(part, {}).get("groups", [])
    ]
    assert len(groups) == 1 and "title" not in groups[0]
    payment = groups[0]["items"][1]
    assert payment["note"].startswith(
        "**Categories of Third Parties With Whom We Share this Personal Data:** - This"
    )
    assert never_names(result) == ["Entire payment card number"]


def test_a_second_denied_verb_starts_the_next_object(tmp_path: Path) -> None:
    page = FRONT + (
        "# Telemetry\n\n## Data collected\n\n- Command name\n- Exit code\n\n## Privacy\n\n"
        "We do not collect your email and do not send your IP address.\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Email", "IP address"]


def test_a_paragraph_of_a_no_break_space_is_no_code(tmp_path: Path) -> None:
    # A converted help page keeps a lone U+00A0 under its title: no text, so no block at all
    # (it used to pass for a module's code, as every one of its no lines is an import).
    page = FRONT + "# Tool options\n\n\u00a0\n\nThe tool can send error reports to us.\n"
    result = import_page(tmp_path, page)
    assert "```" not in result.text
    assert "```" not in yaml_text_of(result.product)


def test_a_recipient_s_name_ends_at_its_table_cell(tmp_path: Path) -> None:
    # A table of options: the first cell's "to Microsoft" is followed by the next cell's words.
    page = FRONT + (
        "# Tool options\n\nThe tool can send error reports to Microsoft.\n\n"
        "| Use this | To do this |\n| --- | --- |\n"
        "| **Send error reports directly to Microsoft** | Select **Send error reports directly "
        "to Microsoft** to send error reports without reviewing. |\n"
        "| **Yes, send feature usage reports to Microsoft** | Select **Yes, send feature usage "
        "reports to Microsoft** to send feature usage data. |\n"
    )
    result = import_page(tmp_path, page)
    assert [r["name"] for r in result.product["sharing"]["recipients"]] == ["Microsoft"]


def test_a_line_break_tag_ends_a_sentence(tmp_path: Path) -> None:
    # "...protocols.<br />This is information that is not collected to be associated ...":
    # the denial's sentence starts after the break, so the words before it are no entries.
    page = FRONT + (
        "# App\n\n#### Navigation data\nThe computer systems used to operate this App acquire, "
        "during their normal operation and only for the duration of the connection, some data "
        "whose transmission is implicit in the use of Internet protocols.<br />\nThis is "
        "information that is not collected to be associated with identified data subjects. "
        "This category of data includes:\n- IP address;\n- date and time of visit;\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["IP address", "date and time of visit"]
    assert never_names(result) == []


def test_a_denial_narrowed_by_how_it_is_done_denies_nothing(tmp_path: Path) -> None:
    # "actively", "specifically", "automatically": other ways stay open ("The following is
    # logged by our server"), so the words stay text.
    page = FRONT + (
        "# Tool telemetry\n\n## Privacy\n\nNo personal information, scan results, or "
        "sensitive data is specifically collected.\n\n## Data\n\nNo personal data is "
        "actively collected. The following is logged by our server:\n\n- IP address\n"
        "- User agent\n\n## Crashes\n\nNo crash dumps are automatically collected.\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == []
    assert result.data_names() == ["IP address", "User agent"]


def test_a_denial_of_where_data_goes_names_the_data_only_when_it_stays_with_you(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Tool privacy\n\n## Privacy\n\nNo personal data leave the computer or are sent to "
        "third parties.\n\nNo customer data leaves the EU.\n\nNo personal information leaves "
        "your browser without your consent.\n\nWe do not collect end user data, leave "
        "requests or one time codes.\n"
    )
    result = import_page(tmp_path, page)
    names = never_names(result)
    # (the EU is where data stays, not the person's device: "Customer data" alone would be
    # false; "without your consent" is a condition)
    assert "Customer data" not in names and "Personal information" not in names
    assert [n for n in names if not n.endswith("EU")] == [
        "Personal data",
        "End user data",
        "Leave requests",
        "One time codes",
    ]


def test_when_or_how_often_a_person_does_something_is_denied_data(tmp_path: Path) -> None:
    # "We don't track when you run the scanner": what is not tracked is *when*, no case of it.
    page = FRONT + (
        "# Tool privacy\n\n## What We Do Not Collect\n\n"
        "- We don't track when you run the scanner\n- We don't log how many times you use it\n"
        "- We don't track how often you open the app\n\n"
        "## Data we collect\n\n- Usage data we collect when you run the tool\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == [
        "When you run the scanner",
        "How many times you use it",
        "How often you open the app",
    ]
    # (not denied: a case of collecting)
    assert "when you run the tool" in yaml_text_of(result.product)


def test_a_platform_is_no_item(tmp_path: Path) -> None:
    page = FRONT + (
        "# App privacy\n\n## Data deriving from the installation of the app\n\n"
        "The app collects the model used and the version of the operating system.\n\n"
        "As regards the data saved by the app, on the basis of the operating system used, the "
        "following is reported:\n\n- Android: the data is saved in the shared preferences;\n"
        "- iOS: the data is saved in the keystore.\n"
    )
    result = import_page(tmp_path, page)
    assert not {"Android", "iOS"} & set(result.data_names())
    assert "the data is saved in the keystore" in result.text  # kept, as text


def test_words_around_denied_data_are_no_entries(tmp_path: Path) -> None:
    page = FRONT + (
        "# App privacy\n\n## Analytics\n\n"
        "We only process the data provided to the extent necessary. They will not be stored "
        "beyond that.\n\nThere is no tracking and we do not have direct access to this data, "
        "but only receive an anonymized statistical summary.\n\n"
        "No network communication occurs, and all data remains local to the device.\n\n"
        "## Where data is kept\n\nNo matter where customer data is stored, we do not limit "
        "where you access it from.\n\n## Extension\n\nNo personal data leave the computer or "
        "are sent to third parties.\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Personal data"]  # (not "Personal data leave the computer or")
    entries = " ".join(never_names(result)).lower()
    for words in ("beyond", "but only", "occurs", "remains", "matter"):
        assert words not in entries
    assert "not be stored beyond that" in result.text  # (the sentences stay, as text)


def test_what_a_product_can_be_configured_not_to_send_is_a_control(tmp_path: Path) -> None:
    page = FRONT + (
        "# SQL Server feedback\n\n## Feedback\n\nSQL Server always collects and sends "
        "information about the installation experience. SQL Server can be configured not to "
        "send information to Microsoft through the following mechanisms:\n\n"
        "- By using the Error and Usage Reporting application\n"
        "- By setting registry subkeys on the server\n\n"
        "The tool does not send your files.\n\n## Promise\n\nWe can tell you that we never "
        "collect the following:\n\n- Your passwords\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Your passwords", "Files"]  # (denials, not settings)
    assert result.data_names() == []  # (the ways are no data either)
    assert "By setting registry subkeys on the server" in result.text


def test_a_heading_of_why_data_is_not_collected_lists_reasons(tmp_path: Path) -> None:
    page = FRONT + (
        "# Scanner privacy\n\n## What We Don't Collect\n\n- We don't collect your IP address\n\n"
        "## Technical Architecture\n\n### Why We Can't Collect Data\n\n1. **No Backend**: We don't have any servers\n"
        "2. **Offline-First Design**: The tool is designed to work offline\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["IP address"]
    assert "Offline-First Design" in result.text  # (kept, as text)


def test_a_list_of_what_happens_locally_is_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Vault privacy\n\n## Local Storage Only\n\nVault does not interact with any remote "
        "server.\n\nAll operations occur locally, including:\n\n- Encryption\n- Decryption\n"
        "- Vault management\n\n## Logs\n\nThe service logs events, including:\n\n- Sign-in time\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Sign-in time"]
    assert "- Decryption" in result.text


@pytest.mark.parametrize(
    "sentence",
    [
        "No third-party receives any data from Vault.",
        "No one else gets your data.",
        "No advertisers receive your email address.",
    ],
)
def test_a_sentence_on_who_gets_no_data_names_no_never_collected_data(
    tmp_path: Path, sentence: str
) -> None:
    page = FRONT + (
        f"# Vault privacy\n\n## What we do not collect\n\n- Passwords\n\n## Sharing\n\n{sentence}\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Passwords"]
    assert sentence in result.text


def test_an_example_value_false_is_no_answer_that_data_is_not_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## What We Collect\n\n| Field | Example | Purpose |\n"
        "|-------|---------|---------|\n| `id` | `a1b2` | Random UUID |\n"
        "| `resumed_session` | `false` | Whether this was a resumed session |\n\n"
        "- `ran_from_cargo`: `false`\n- Precise location: No\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["id", "resumed_session", "ran_from_cargo"]
    assert never_names(result) == ["Precise location"]  # (a form's answer still is one)


@pytest.mark.parametrize(
    ("sentence", "fragment"),
    [
        ("Vault never stores nor transmits, but does collect the kinds of data below.", "nor"),
        (
            "Since the app does not collect data, any data collected or processed on your "
            "device by other apps is outside the scope of this policy.",
            "processed",
        ),
    ],
)
def test_a_piece_of_a_denial_is_no_never_collected_entry(
    tmp_path: Path, sentence: str, fragment: str
) -> None:
    page = FRONT + f"# Vault privacy\n\n## Data\n\n- Crash reports\n\n## More\n\n{sentence}\n"
    result = import_page(tmp_path, page)
    assert not [n for n in never_names(result) if fragment in n.lower()]
    assert sentence in result.text  # (the sentence stays, as text)


def test_the_ways_to_enable_what_is_never_sent_unless_enabled_are_no_data(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Kit telemetry\n\n## What is collected\n\n- Skill name\n- Kit version\n\n"
        "## Opt-in only\n\nTelemetry is **never** sent unless you explicitly enable it:\n\n"
        "- PowerShell: `./scripts/install.ps1 -Telemetry`\n"
        "- Or set the environment variable `KIT_TELEMETRY=1`.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Skill name", "Kit version"]
    assert never_names(result) == []  # (sent, once enabled)
    assert "KIT_TELEMETRY=1" in result.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Your theme is kept in your browser and is automatically cleared when you uninstall "
        "the extension.",
        "Your settings are removed when you delete the app.",
    ],
)
def test_data_dropped_when_the_reader_uninstalls_is_a_period(tmp_path: Path, sentence: str) -> None:
    page = FRONT + f"# Panel privacy\n\n## Data we collect\n\n- Theme\n\n## Storage\n\n{sentence}\n"
    storage = import_page(tmp_path, page).product["storage"]
    assert "does not say how long" not in str(storage)
    assert sentence in str(storage)  # (the page's words are the note)


def test_data_that_is_never_part_of_what_is_sent_is_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Drawer privacy\n\n## Anonymous statistics\n\nHere is what is tracked:\n\n"
        "* Stack traces from crashes; what functions were being executed during the crash. "
        "No personally identifiable information is ever part of this data.\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Personally identifiable information"]
    assert "never-collected" not in result.product.get("empty_sections", {})


@pytest.mark.parametrize(
    ("lead", "never"),
    [
        ("Unless otherwise noted, we never collect:", ["Source code", "File names"]),
        ("We never collect the following, unless required by law:", ["Source code", "File names"]),
    ],
)
def test_a_denial_with_unless_that_is_not_the_readers_choice_stays_never_collected(
    tmp_path: Path, lead: str, never: list[str]
) -> None:
    page = FRONT + f"# Kit privacy\n\n## Privacy\n\n{lead}\n\n- Source code\n- File names\n"
    result = import_page(tmp_path, page)
    assert never_names(result) == never
    assert result.data_names() == []


def test_a_form_answer_in_code_is_still_an_answer(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit privacy\n\n## What We Collect\n\n- Location: `no`\n- **Contacts**: `No`\n"
        "- Crash logs: `Yes`\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Crash logs"]
    assert never_names(result) == ["Location", "Contacts"]


@pytest.mark.parametrize(
    "sentence",
    [
        "No user data is part of the training set.",
        "There are no data limits, and unlimited history is part of every plan.",
    ],
)
def test_part_of_something_other_than_the_data_taken_denies_nothing(
    tmp_path: Path, sentence: str
) -> None:
    page = FRONT + f"# Kit privacy\n\n## Data\n\n- Email\n- Name\n\n## More\n\n{sentence}\n"
    assert never_names(import_page(tmp_path, page)) == []


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("Crash data is deleted when you uninstall the app.", True),
        ("Your recordings are not deleted when you uninstall the app.", False),
        ("Backups are stored on removable drives after encryption.", False),
        ("Passwords are never stored in clear text after login.", False),
    ],
)
def test_what_is_dropped_when_the_reader_uninstalls_is_a_period_and_nothing_else(
    sentence: str, period: bool
) -> None:
    assert says_how_long(sentence) is period


def test_a_list_of_several_data_opened_with_no_is_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Vault privacy\n\n## What we do not collect\n\n- No logs or files your team shares\n"
        "- No body temperature or heart rate data\n- No one-time codes\n"
    )
    names = never_names(import_page(tmp_path, page))
    assert not [name for name in names if name.lower().startswith("no ")]
    assert "Body temperature" in names and "One-time codes" in names


@pytest.mark.parametrize("lead", ["Events", "Events:"])
def test_events_said_by_when_they_happen_are_no_items(tmp_path: Path, lead: str) -> None:
    page = FRONT + (
        "# Kit telemetry\n\nKit collects usage data. You can opt out with KIT_TELEMETRY=0.\n\n"
        f"## Lookup\n\nWhen lookup runs, Kit collects profiling information.\n\n{lead}\n\n"
        "- Lookup Show: when lookup is presented\n"
        "- Tree Ready: measures when the tree view is finished loading\n\n"
        "| Field | Description |\n| --- | --- |\n| `flavor` | The kind of lookup |\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["flavor"]
    assert "Lookup Show: when lookup is presented" in rendered(result)


@pytest.mark.parametrize(
    ("lead", "bullets"),
    [
        # a lead of data: the bullets name data, said with when it is sent
        ("We collect only the following data:", ["Installation", "Errors"]),
        # events that say what is sent are data too
        ("Events", ["Crash reports", "Errors"]),
    ],
)
def test_bullets_said_with_when_under_a_lead_of_data_stay_items(
    tmp_path: Path, lead: str, bullets: list[str]
) -> None:
    second = (
        "- **Errors**: When an error occurs\n"
        if bullets[0] == "Installation"
        else "- Errors: when an error occurs, the error message is sent\n"
    )
    first = (
        "- **Installation**: When the extension is installed\n"
        if bullets[0] == "Installation"
        else "- Crash reports: when the app crashes, a stack trace is sent\n"
    )
    page = FRONT + f"# Kit telemetry\n\n## Data Collected\n\n{lead}\n\n{first}{second}"
    assert import_page(tmp_path, page).data_names() == bullets


def test_a_list_of_the_conditions_a_session_ends_on_is_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit telemetry\n\n## Session telemetry\n\n"
        "A session ends when one of these conditions occurs:\n\n"
        "* 30 minutes of inactivity.\n* A maximum duration of 24 hours.\n\n"
        "| Property | Description |\n| --- | --- |\n| `session.id` | An id |\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["session.id"]
    assert "30 minutes of inactivity" in rendered(result)


def test_under_these_conditions_a_lead_of_data_still_leads_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit telemetry\n\n## Data\n\n"
        "Under these conditions, we collect the following data:\n\n- Email\n- Device model\n"
    )
    assert import_page(tmp_path, page).data_names() == ["Email", "Device model"]


def test_a_marked_denial_names_its_data_or_stays_text(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit privacy\n\n## Data Collection\n\nSpecifically, this plugin:\n\n"
        "- \u274c Does NOT track user behavior or usage statistics\n"
        "- \u274c Does NOT make any network requests\n- \u274c Your source code\n"
    )
    result = import_page(tmp_path, page)
    names = never_names(result)
    assert names == ["User behavior", "Usage statistics", "Your source code"]
    assert not [name for name in names if "not" in name.lower().split()]
    assert "Does NOT make any network requests" in free_text(result)


def test_a_boolean_an_example_column_shows_is_no_answer(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit telemetry\n\nKit sends anonymous usage events.\n\n## Fields\n\n"
        "| Field | Example | Description |\n| --- | --- | --- |\n"
        "| `debug` | false | Whether debug mode is on |\n| `is_ci` | true | Whether Kit runs in CI |\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["debug", "is_ci"]
    assert never_names(result) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "No advertisers, data brokers or partners receive your data.",
        "No humans review your prompts.",
        "No employees or contractors ever see your files.",
        "No third-party SDKs collect your data.",
    ],
)
def test_people_denied_the_data_are_no_never_collected_entry(tmp_path: Path, sentence: str) -> None:
    page = FRONT + (
        "# Kit privacy\n\nKit collects your email address to send receipts.\n\n"
        f"## Sharing\n\n{sentence}\n"
    )
    assert never_names(import_page(tmp_path, page)) == []


def test_data_of_people_or_a_list_without_a_verb_is_still_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit privacy\n\n## What we do not collect\n\n- No third-party cookies or trackers\n"
        "- No partner data\n"
    )
    names = never_names(import_page(tmp_path, page))
    assert names == ["Third-party cookies", "Trackers", "Partner data"]


def test_a_sentence_under_a_never_heading_gives_the_data_it_denies_or_stays_text(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Kit privacy\n\nKit collects your email address to send receipts.\n\n"
        "## No Data Collection\n\nSpecifically:\n\n- No personal information is collected\n"
        "- No advertising or monetisation mechanisms are present\n"
        "- We do not sell or share your data with third parties\n"
        "- No IP addresses (our host doesn't log them)\n- Location\n"
    )
    result = import_page(tmp_path, page)
    first, address, last = never_names(result)
    assert (first, last) == ("Personal information", "Location")
    assert address.startswith("IP addresses")  # (its words in brackets are no clause of it)
    intro = result.product["never_collected"]["intro"]
    assert "- No advertising or monetisation mechanisms are present" in intro
    assert "- We do not sell or share your data with third parties" in intro
    said = [r.message for r in result.report.reviews if r.topic == "not data"]
    assert any(m.startswith("'No advertising or monetisation") for m in said), said


def test_events_a_lead_qualifies_may_be_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit telemetry\n\n## Data Collected\n\nError events:\n\n"
        "- Stack trace: when the app crashes\n- Error message: whenever an error is shown\n"
    )
    assert import_page(tmp_path, page).data_names() == ["Stack trace", "Error message"]


def test_true_or_false_after_a_bullets_name_is_an_answer(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit privacy\n\n## Data collection\n\n- Personal information: False\n"
        "- Usage data: True\n- Location: false\n- Contacts: No\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Usage data"]
    assert never_names(result) == ["Personal information", "Location", "Contacts"]


@pytest.mark.parametrize(
    "lead",
    [
        "In these cases we collect:",
        "Under these conditions, we collect:",
        "Only under these rare circumstances the app sends:",
        "We collect the following data in these situations:",
    ],
)
def test_a_lead_of_data_that_names_cases_still_leads_data(tmp_path: Path, lead: str) -> None:
    page = FRONT + f"# Kit telemetry\n\n## Data\n\n{lead}\n\n- Email\n- Device model\n"
    assert import_page(tmp_path, page).data_names() == ["Email", "Device model"]


def test_never_collected_names_with_a_verb_of_their_own_stay_entries(tmp_path: Path) -> None:
    names = [
        "Files you have open",
        "Messages that are end-to-end encrypted",
        "IT asset inventories",
        "I/O statistics of other processes",
        "Data that has been deleted",
        "Anything you don't explicitly share",
    ]
    page = FRONT + (
        "# Kit privacy\n\nKit collects your email.\n\n## What we never collect\n\n"
        + "".join(f"- {name}\n" for name in names)
        + "- Your IP address is never stored\n- No humans review your prompts\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == [*names, "IP address"]
    assert "- No humans review your prompts" in result.product["never_collected"]["intro"]


@pytest.mark.parametrize(
    ("sentence", "entry"),
    [
        ("No information about other people who use your computer.", "Information about"),
        ("No usernames of moderators who handle your reports.", "Usernames of moderators"),
        ("No third-party cookies that track your browsing.", "Third-party cookies"),
        ("No data about people who share your device.", "Data about people"),
    ],
)
def test_data_of_people_who_do_something_is_still_never_collected(
    tmp_path: Path, sentence: str, entry: str
) -> None:
    page = FRONT + (
        "# Kit privacy\n\nKit collects your email address to send receipts.\n\n"
        f"## Sharing\n\n{sentence}\n"
    )
    names = never_names(import_page(tmp_path, page))
    assert [name for name in names if name.startswith(entry)], names


def test_a_marked_denial_held_to_some_case_stays_text(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit privacy\n\n## Data Collection\n\nSpecifically, this plugin:\n\n"
        "- \u274c Does not collect location in the background\n"
        "- \u274c Never uploads photos unless you share them\n"
        "- \u274c No longer collects crash logs\n- \u274c Your source code\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Your source code"]
    text = free_text(result)
    assert "- Does not collect location in the background\n" in text
    assert "- Never uploads photos unless you share them\n" in text  # as the page says it


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        ("We are not even tracking your location.", ["Location"]),
        ("We are not collecting data from children.", ["Data from children"]),
        ("The app is not capable of recording audio.", ["Audio"]),
        ("This site does not use tracking or analytics tools.", []),
    ],
)
def test_a_verbs_ing_form_denies_unless_another_verb_takes_it_as_a_noun(
    sentence: str, denied: list[str]
) -> None:
    assert (data_denied(sentence) or []) == denied


@pytest.mark.parametrize(
    "lead",
    [
        "We collect the following data in any of these cases:",
        "The following data is sent in each of these cases:",
    ],
)
def test_a_lead_of_the_following_data_in_some_cases_leads_data(tmp_path: Path, lead: str) -> None:
    page = FRONT + f"# Kit telemetry\n\n## Data\n\n{lead}\n\n- Email\n- Device model\n"
    assert import_page(tmp_path, page).data_names() == ["Email", "Device model"]


def test_never_collected_sentences_of_other_subjects_give_their_data_or_stay_text(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Kit privacy\n\nKit collects your email.\n\n## What we never collect\n\n"
        "- You are never tracked\n- Nothing is sent to our servers\n"
        "- Our servers do not log IP addresses\n- I never see your data\n"
        "- No ad networks or data brokers receive your data\n"
        "- Files we do not need\n- I/O statistics\n- No third-party trackers\n"
    )
    result = import_page(tmp_path, page)
    names = ["IP addresses", "Files we do not need", "I/O statistics", "Third-party trackers"]
    assert never_names(result) == names
    assert "- Nothing is sent to our servers" in result.product["never_collected"]["intro"]


def test_a_question_of_opting_out_answered_no_lists_data_not_controls(tmp_path: Path) -> None:
    page = FRONT + (
        "# Foo telemetry\n\nFoo sends usage data.\n\n## What we collect\n\n- Email address\n\n"
        "## Can I opt out?\n\nNo. The following data is required for the service to work:\n\n"
        "- License key\n- App version\n"
    )
    result = import_page(tmp_path, page)
    assert names_in(result, "required") == ["License key", "App version"]
    assert "controls" not in result.product


@pytest.mark.parametrize(
    "answer", ["Yes. Set the environment variable:", "No, but you can delete your data:"]
)
def test_a_question_of_opting_out_with_a_way_out_lists_controls(
    tmp_path: Path, answer: str
) -> None:
    page = FRONT + (
        "# Foo telemetry\n\nFoo sends usage data.\n\n"
        f"## Can I opt out?\n\n{answer}\n\n- `FOO_TELEMETRY=0`\n- The Settings page\n"
    )
    result = import_page(tmp_path, page)
    assert len(result.product["controls"]["options"]) == 2


@pytest.mark.parametrize(
    ("question", "answer", "optional"),
    [
        ("Can it be disabled?", "Yes. Set the environment variable `FOO_DISABLE`.", True),
        ("Can telemetry be turned off?", "Yes, with `FOO_DISABLE=1`.", True),
        # asked, and not answered Yes: the question alone says nothing
        ("Can it be disabled?", "We are working on a setting for it.", False),
    ],
)
def test_a_question_of_opting_out_answered_yes_makes_the_data_optional(
    tmp_path: Path, question: str, answer: str, optional: bool
) -> None:
    page = FRONT + (
        "# Foo usage reporting\n\n## What is reported?\n\n- Application version\n\n"
        f"## {question}\n\n{answer}\n"
    )
    result = import_page(tmp_path, page)
    assert ("optional" in result.product) is optional
    assert result.data_names() == ["Application version"]
    assert ("controls" in result.product) is optional  # (the answer's way to opt out)


def test_another_question_about_opting_out_answered_no_denies_no_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Foo telemetry\n\nFoo sends usage data.\n\n"
        "## Do I lose my trial if I opt out?\n\nNo! Once granted, the trial is yours:\n\n"
        "- Opt out anytime\n- No penalties\n"
    )
    assert never_names(import_page(tmp_path, page)) == []


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        (
            "Events show how the app is used, but without including any user-identifiable data.",
            ["User-identifiable data"],
        ),
        ("We are not storing your messages.", ["Messages"]),
        ("Reports are sent without capturing screenshots.", ["Screenshots"]),
    ],
)
def test_storing_including_and_capturing_deny_as_their_verbs_do(
    sentence: str, denied: list[str]
) -> None:
    # (under a heading of what is never collected, which says "not storing" denies collecting)
    assert data_denied(sentence, framed=True) == denied


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        ("We do not collect account or license data.", ["Account data", "License data"]),
        (
            "The SDK never records screen or interaction capture.",
            ["Screen capture", "Interaction capture"],
        ),
        (
            "We do not collect personal, crash or usage data.",
            ["Personal data", "Crash data", "Usage data"],
        ),
        # each part a name of its own: nothing shared
        ("We do not collect IP addresses or location data.", ["IP addresses", "Location data"]),
        (
            "We do not collect user behavior or usage statistics.",
            ["User behavior", "Usage statistics"],
        ),
        # adjectives alone, before the noun they qualify
        (
            "We never collect political, religious or philosophical beliefs.",
            ["Political beliefs", "Religious beliefs", "Philosophical beliefs"],
        ),
        (
            "We do not collect your racial or ethnic origin or your health data.",
            ["Racial origin", "Ethnic origin", "Health data"],
        ),
        # a noun of its own before two words: nothing shared
        ("We do not collect contacts or location history.", ["Contacts", "Location history"]),
        (
            "We do not collect your music, search history or contacts.",
            ["Music", "Search history", "Contacts"],
        ),
    ],
)
def test_words_listed_before_a_noun_share_it(
    tmp_path: Path, sentence: str, denied: list[str]
) -> None:
    page = FRONT + f"# App\n\n## Privacy\n\n{sentence}\n\n## Data we collect\n\n- Crash reports\n"
    assert never_names(import_page(tmp_path, page)) == denied


def test_a_collected_name_keeps_what_the_data_is_related_to(tmp_path: Path) -> None:
    sentence = "We collect personal data associated with publications for research purposes."
    page = FRONT + f"# App\n\n## Data we collect\n\n{sentence}\n\n## Rights\n\nAsk us.\n"
    assert prose_named(import_page(tmp_path, page)) == [
        "Personal data associated with publications"
    ]


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # what the data is related to is part of its name, "or" and all
        ("We do not collect data relating to your health.", ["Data relating to your health"]),
        # (whole: not "Information related", cut where "to" would end a clause on why)
        (
            "We do not collect any piece of information related to private input or output data.",
            ["Information related to private input or output data"],
        ),
        (
            "We do not collect any piece of information related to private input.",
            ["Information related to private input"],
        ),
        (
            "We never collect information associated with your contacts or photos, or your IP"
            " address.",
            ["Information associated with your contacts or photos", "IP address"],
        ),
        # of whom the data is ("about you") is not data, and no reason to drop the name
        (
            "We do not collect any special categories of personal data about you.",
            ["Special categories of personal data"],
        ),
        ("We do not collect location data about our users.", ["Location data"]),
        # the object of "gain access to", after other verbs
        (
            "We do not collect, process or gain access in any way to your health data.",
            ["Health data"],
        ),
        # examples in brackets: "in particular ..., etc." and "this includes ..."
        (
            "We do not collect special categories of data, as set forth in the law (in"
            " particular data relating to racial or ethnic origin, religion, health data, etc.).",
            [
                "Special categories of data",
                "Data relating to racial or ethnic origin",
                "Religion",
                "Health data",
            ],
        ),
        (
            "We do not collect sensitive data (this includes your religious or philosophical"
            " beliefs and information about your racial or ethnic origin).",
            [
                "Sensitive data",
                "Religious beliefs",
                "Philosophical beliefs",
                "Information about your racial origin",
                "Ethnic origin",
            ],
        ),
    ],
)
def test_a_denied_name_keeps_what_the_data_is_related_to_and_its_examples(
    tmp_path: Path, sentence: str, denied: list[str]
) -> None:
    page = FRONT + f"# App\n\n## Privacy\n\n{sentence}\n\n## Data we collect\n\n- Crash reports\n"
    assert never_names(import_page(tmp_path, page)) == denied


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        (
            "The data does NOT contain complete source code that can be run or re-used.",
            ["Complete source code that can be run or re-used"],
        ),
        ("We do not collect files that are shared or stored.", ["Files that are shared or stored"]),
        ("We do not collect names, emails or speed.", ["Names", "Emails", "Speed"]),
    ],
)
def test_a_verb_alone_after_or_in_a_clause_is_no_name(
    tmp_path: Path, sentence: str, denied: list[str]
) -> None:
    page = FRONT + f"# App\n\n## Privacy\n\n{sentence}\n\n## Data we collect\n\n- Crash reports\n"
    assert never_names(import_page(tmp_path, page)) == denied


def test_the_next_item_s_examples_are_not_what_an_item_denies(tmp_path: Path) -> None:
    """ "... will not include user information like file paths" ends its item: the next item's
    "such as OS and OS version" names data collected, not more of the data denied."""
    page = FRONT + (
        "# Kit telemetry\n\n## Data collected\n\n"
        "- Error type, and sanitised error messages that will not include user information "
        "like file paths or stack traces\n"
        "- General machine information such as OS and OS version\n"
    )
    names = never_names(import_page(tmp_path, page))
    assert "OS" not in names and "OS version" not in names, names


def test_an_exception_in_a_never_collected_list_is_no_cue_for_the_page(tmp_path: Path) -> None:
    """ "Error reports (unless you opt in)" under what is not collected says when that entry is
    taken; it is no way to turn off the data of other sections, nor makes them optional."""
    page = FRONT + (
        "# Kit privacy\n\n## What we don't collect\n\n- Your source code\n"
        "- Error reports (unless you opt in)\n\n"
        "## What we may collect\n\n- Feature usage statistics\n- Scan scores\n"
    )
    result = import_page(tmp_path, page)
    assert "optional" not in result.product or not result.product["optional"].get("groups")
    assert "unless you opt in" not in result.text.split("never_collected:")[0]


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # held to some versions: collected in the others
        (
            "The dashboard doesn't collect telemetry on Visual Studio versions `< 17.14` or C# "
            "Dev Kit versions `< 1.18.25`.",
            None,
        ),
        ("Stack traces are not included in release builds.", None),
        ("We do not collect crash logs in versions older than 2.0.", None),
        ("We do not collect telemetry in older versions of the extension.", None),
        ("We never collect names in enterprise builds.", None),
        ("We never collect crash logs in the 2.x releases.", None),
        # every version, or a word that is no version
        ("We never collect personal data in any version of the app.", ["Personal data"]),
        ("We never collect passwords, even in debug builds.", ["Passwords"]),
        ("We will not collect file contents in future versions either.", ["File contents"]),
        ("We do not collect crash logs in version 2.0 and later.", ["Crash logs"]),
        (
            "We ensure that secure data (e.g. environment variables used to store secrets for "
            "the build process) do not make their way into our analytics.",
            ["Secure data", "Environment variables"],
        ),
    ],
)
def test_a_denial_held_to_some_versions_denies_nothing(
    sentence: str, denied: list[str] | None
) -> None:
    assert data_denied(sentence) == denied


def test_the_exception_to_a_denial_is_no_entry_of_it() -> None:
    """ "except text submitted with /feedback": that text is taken, never an entry of what is
    not; the rest of the list is denied still."""
    denied = data_denied("No code, prompts, or LLM responses, except text submitted with `/fb`")
    assert denied == ["Code", "Prompts", "LLM responses"]


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        ("IP addresses are sent to App Insights but are not stored.", None),
        ("Your IP address is used to look up your country and is never stored.", None),
        # kept where it is the person's: never taken
        ("Audio is processed locally and never stored.", ["Audio"]),
        # another subject's verb
        (
            "When the data is collected, we store a hash of the sending IP address - we do not "
            "store the plain value.",
            None,
        ),
        ("Your recordings are never stored.", None),
        ("Search terms are sent to our servers and are not logged.", None),
        # what the sentence's other clauses deny stands
        (
            "Crash logs are uploaded but not stored, and no file contents are ever collected.",
            ["File contents"],
        ),
    ],
)
def test_data_taken_then_not_kept_is_not_never_collected(
    sentence: str, denied: list[str] | None
) -> None:
    assert data_denied(sentence) == denied


def test_an_opt_out_said_under_what_is_not_collected_holds_for_the_page(tmp_path: Path) -> None:
    page = FRONT + (
        "# Foo telemetry\n\n## What we collect\n\n- Command name\n- OS version\n\n"
        "## What we don't collect\n\n- Personal information\n\n"
        "You can opt out of telemetry at any time by setting `FOO_TELEMETRY=0`.\n"
    )
    result = import_page(tmp_path, page)
    assert names_in(result, "optional") == ["Command name", "OS version"]


@pytest.mark.parametrize("lead", ["", "This project does not collect any user data:\n\n"])
def test_a_bullet_among_denials_that_denies_nothing_is_no_entry(tmp_path: Path, lead: str) -> None:
    page = FRONT + (
        f"# Kit privacy\n\n## No data collection\n\n{lead}"
        "- \u2705 **No telemetry** - Zero tracking or analytics\n"
        "- \u2705 **No usage statistics** - Your usage patterns remain private\n"
        "- \u2705 **Fully offline capable** - Works without internet connection\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Telemetry", "Usage statistics"]
    assert "Fully offline capable" in result.product["never_collected"]["intro"]  # (its words)


def test_data_sent_then_said_not_to_be_kept_is_not_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit telemetry\n\n## Data collected\n\n- Command name\n- OS version\n\n"
        "IP addresses are sent to App Insights and mapped to a country. However, IP addresses "
        "are not stored. Your contacts are never stored. We never collect your location.\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Location"]
    said = [r.message for r in result.report.reviews if r.topic == "prose"]
    for name in ("IP addresses", "Contacts"):  # (not kept: perhaps received, never said not)
        assert any(m.startswith(f"{name!r}: said not to be kept") for m in said), said


def test_data_denied_of_one_part_and_collected_by_the_next_sentence_is_not_never_collected(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Kit telemetry\n\n## How it works\n\nThe `kit` command itself does not collect "
        "telemetry. It is the tools run by the `kit` command that collect telemetry. Kit does "
        "not collect your contacts.\n"
    )
    assert never_names(import_page(tmp_path, page)) == ["Contacts"]


def test_a_bullet_whose_label_names_data_its_words_deny_is_an_entry(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit privacy\n\n## What we never collect\n\n- **No accounts** - none needed\n"
        "- **No cookies** - none set\n- **Location** - never collected\n"
        "- **IP addresses** - never logged\n- **No analytics** - none at all\n"
    )
    names = never_names(import_page(tmp_path, page))
    assert "Location" in names and "IP addresses" in names, names


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # a supposition: what the reader or the product might not do, not a claim
        ("If you do not consent to us processing your data, we cannot provide the service.", None),
        ("If you do not receive a reply from us within 30 days, please write again.", None),
        ("Note that if you have opted not to receive newsletters, notices still apply.", None),
        ("You decide whether or not to send crash reports.", None),
        ("Unless the app does not collect location, it asks first.", None),
        # the main clause's denial stands, after a supposition or a case of every use
        (
            "If you do not want to send reports, we never collect your contacts.",
            ["Contacts"],
        ),
        ("If you use the app, we do not collect your contacts.", ["Contacts"]),
        ("We do not collect your contacts, if that is what you ask.", ["Contacts"]),
    ],
)
def test_a_denial_in_a_supposition_denies_nothing(sentence: str, denied: list[str] | None) -> None:
    assert data_denied(sentence) == denied


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # a reason's clause ends before the main clause: its object is not the main clause
        (
            "Since the app does not collect data, any data collected by other apps is outside "
            "the scope of this policy.",
            [],
        ),
        ("Since Kit does not transmit any data, encryption in transit is not applicable.", []),
        (
            "Because we do not collect names, emails or addresses, we cannot identify you.",
            ["Names", "Emails", "Addresses"],
        ),
        # the denial in the main clause, after the reason
        ("Because privacy matters, we do not collect your name or email.", ["Name", "Email"]),
    ],
)
def test_a_denial_in_a_reason_s_clause_ends_with_the_clause(
    sentence: str, denied: list[str] | None
) -> None:
    assert data_denied(sentence) == denied


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # held to a mode: outside it the data is taken
        ("The anonymous mode won't include the user ID at all.", None),
        ("In private mode, search terms are not sent.", None),
        ("With offline mode on, no crash reports are uploaded.", None),
        # every mode
        ("We never collect passwords in any mode.", ["Passwords"]),
    ],
)
def test_a_denial_held_to_a_mode_denies_nothing(sentence: str, denied: list[str] | None) -> None:
    assert data_denied(sentence) == denied


@pytest.mark.parametrize(
    "bullet", ["No account required", "No additional infrastructure needed", "No setup necessary"]
)
def test_no_x_required_says_what_is_not_needed_not_what_is_not_collected(bullet: str) -> None:
    assert not data_denied(bullet)


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # people are no data, with a word before them or not
        ("We don't track individual users on any of our websites.", []),
        ("We do not track specific users.", []),
        # their data is
        ("We don't track users' locations.", ["Users' locations"]),
        ("We do not collect individual users' contacts.", ["Individual users' contacts"]),
    ],
)
def test_people_a_denial_names_are_no_entry_but_their_data_is(
    sentence: str, denied: list[str]
) -> None:
    assert data_denied(sentence) == denied


def test_a_question_about_tracking_people_answered_no_is_no_entry(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit telemetry\n\n## What we collect\n\n- Command name\n\n"
        "## Can you track individual users?\n\nNo. User IDs are random.\n\n"
        "## Do you collect crash dumps?\n\nNo.\n"
    )
    assert never_names(import_page(tmp_path, page)) == ["Crash dumps"]


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        ("We do not send user text input or file paths.", ["User text input", "File paths"]),
        (
            "Does NOT track user behavior or usage statistics.",
            ["User behavior", "Usage statistics"],
        ),
    ],
)
def test_data_of_a_user_is_still_data(sentence: str, denied: list[str]) -> None:
    assert data_denied(sentence) == denied


@pytest.mark.parametrize(
    "sentence",
    [
        # a right the reader may use, not a choice of giving data
        "If you want to make a complaint about the way we have processed your personal "
        "information, please contact your local supervisory authority.",
        "If you decide to exercise your rights under the GDPR, write to us.",
        # a necessity of the law, not of the data
        "We may disclose crash reports if required by law or when such action is necessary "
        "to comply with legal obligations.",
        "Keeping these records is required for compliance with tax law.",
    ],
)
def test_a_right_to_use_or_a_legal_necessity_states_no_requirement(sentence: str) -> None:
    assert modality(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        # an imperative not to turn it off, or to turn it on, is no choice the page offers
        "Do not turn off telemetry.",
        "Turn on telemetry. This is the default value.",
        "Please never disable telemetry on build servers.",
    ],
)
def test_an_imperative_that_does_not_turn_data_off_states_no_requirement(sentence: str) -> None:
    assert modality(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "requirement"),
    [
        ("If you want to share your location, turn it on in Settings.", "optional"),
        ("If you choose to provide your phone number, we use it for sign-in.", "optional"),
        ("Your email address is necessary to create an account.", "required"),
    ],
)
def test_a_choice_of_giving_data_or_its_necessity_still_states_it(
    sentence: str, requirement: str
) -> None:
    cue = modality(sentence)
    assert cue is not None and cue.requirement.value == requirement


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # "e.g." and "i.e." end no phrase: the examples after them are denied too, and no "e"
        (
            "We do not collect sensitive data, e.g. health data or religion.",
            ["Sensitive data", "Health data", "Religion"],
        ),
        (
            "We never collect identifiers (i.e. your name or email).",
            ["Identifiers", "Name", "Email"],
        ),
    ],
)
def test_an_abbreviation_s_period_ends_no_denied_phrase(sentence: str, denied: list[str]) -> None:
    assert data_denied(sentence) == denied


def test_an_abbreviation_s_period_ends_no_collected_phrase() -> None:
    named = data_named("We collect basic device data, e.g. the OS version and the locale.")
    assert named[-2:] == ["OS version", "Locale"], named


@pytest.mark.parametrize(
    "sentence",
    [
        # taken in another form, way, purpose or time: not never collected
        "We don't store your password in plain text.",
        "We do not store passwords in clear text.",
        "We do not directly collect payment information; our payment processor does.",
        "We do not collect your email address for marketing purposes.",
        "Your messages are not stored on our servers after delivery.",
        "We don't keep your search terms once the session ends.",
        "The app does not collect location data in the background.",
    ],
)
def test_a_denial_of_one_form_purpose_or_time_denies_nothing(sentence: str) -> None:
    assert not data_denied(sentence)


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # what "only" keeps after a denial is taken
        (
            "We never collect the contents of your files, only their names and sizes.",
            ["Contents of your files"],
        ),
        ("We don't collect precise location, just the approximate city.", ["Precise location"]),
        # every purpose, or another word of its kind
        ("We do not collect your email address for any purpose.", ["Email address"]),
        ("We do not store full IP addresses.", ["Full IP addresses"]),
        ("We do not collect usage data for our own purposes.", ["Usage data"]),
        # the way said in the name, which keeps it
        ("We don't store your IP address directly.", ["IP address directly"]),
        # a word of another clause qualifies nothing of the denial
        (
            "We do not collect passwords, and we use only details provided directly to us.",
            ["Passwords"],
        ),
    ],
)
def test_what_a_denial_keeps_aside_is_no_entry(sentence: str, denied: list[str]) -> None:
    # (framed: "not stored" denies collecting only under a heading of what is never collected)
    assert data_denied(sentence, framed=True) == denied


@pytest.mark.parametrize(
    "sentence",
    [
        # what the publisher or the product may do is no choice of the reader's
        "We may decline to process requests that are unfounded.",
        "We may prohibit the use of the app in some countries.",
        "We can stop providing the service at any time.",
        "The service may stop collecting data when it is overloaded.",
        "We may withdraw the app from the store.",
        # choosing to use the service is no choice of giving data
        "If you choose to use our Service, then you agree to the collection and use of "
        "information in relation to this policy.",
        # consent not required: the data is taken without it
        "Your consent is not required for this processing.",
    ],
)
def test_what_the_publisher_may_do_or_using_the_service_states_no_option(sentence: str) -> None:
    assert modality(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "You may withdraw your consent at any time.",
        "We may ask for your consent before collecting diagnostic data.",
        "Users can turn off telemetry in Settings.",
        "Providing your phone number is not required.",
        "The extension can be disabled in Settings.",
        "Telemetry is on by default, but it can be turned off.",
        "You can let or prohibit the app to collect analytics from your PC in the settings.",
        "We gather the following data if the VSCode telemetry is enabled.",
        "Otherwise we explicitly ask users whether they want to share the data below.",
    ],
)
def test_the_reader_s_own_choice_still_states_an_option(sentence: str) -> None:
    cue = modality(sentence)
    assert cue is not None and cue.requirement.value == "optional"


@pytest.mark.parametrize(
    ("sentence", "taken"),
    [
        # the product by its kind, in capitals
        ("The SDK collects the device model and OS version.", True),
        ("The CLI also collects the server version and the platform.", True),
        # another company's product
        ("The Firebase SDK collects the device model and OS version.", False),
        ("Google Play collects your device ID and IP address.", False),
    ],
)
def test_the_product_named_by_its_kind_takes_the_data(sentence: str, taken: bool) -> None:
    assert listed_plainly(sentence, data_named(sentence), "Kit") is taken


@pytest.mark.parametrize(
    ("sentence", "named", "taken"),
    [
        # the data that holds the list, under two words of its kind; its first word capitalized
        # because it opens the sentence
        (
            "Anonymous usage data includes device information, operating system version, "
            "and errors reports.",
            ["Device information", "Operating system version", "Errors reports"],
            True,
        ),
        (
            "The information collected is limited to the application crash logs and the "
            "stack traces.",
            ["Application crash logs", "Stack traces"],
            True,
        ),
        # another company's data, by its name
        (
            "Google Analytics data includes your IP address and pages visited.",
            ["IP address", "Pages visited"],
            False,
        ),
        # a part that only sums data up: the list is not plain
        (
            "The information collected is limited to crash logs and any relevant information.",
            ["Crash logs", "Relevant information"],
            False,
        ),
    ],
)
def test_data_that_includes_a_list_names_it(sentence: str, named: list[str], taken: bool) -> None:
    assert data_named(sentence) == named
    assert listed_plainly(sentence, named, "Kit") is taken


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        # a topic, and usage by what it is of; a clause on how it is taken is no data
        (
            "The program collects information about computer hardware and how you use Kit, "
            "without interrupting you.",
            ["Information about computer hardware", "How you use Kit"],
        ),
        ("Kit collects location data even when the app is closed.", ["Location data"]),
    ],
)
def test_how_a_sentence_says_data_is_taken_ends_its_name(sentence: str, named: list[str]) -> None:
    assert data_named(sentence) == named


@pytest.mark.parametrize(
    "sentence",
    [
        # what comes after "without" may be what is without
        "Kit collects crash reports without stack traces, device IDs or IP addresses.",
        # a denial, an inability, a plan, a past, a request for leave, an exception
        "We cannot collect your messages.",
        "Kit is unable to collect your passwords.",
        "Kit collects zero personal data.",
        "Kit is going to collect your location.",
        "We intend to collect your location in version 3.",
        "Kit was collecting your IP address until 2022.",
        "Kit asks for permission to collect your location.",
        "Kit collects crash reports except your name and email address.",
        # kept on the reader's side
        "Kit collects your photos on your device only.",
        # another taker: by a name (one that looks like an adjective too), after "which", by
        # kind, in lowercase, or one that uses the product
        "Signal collects your phone number.",
        "When you pay, PayPal collects your card number.",
        "We use Google Analytics, which collects your IP address.",
        "google analytics collects your IP address.",
        "Our payment processor collects your card details.",
        "The operating system collects crash reports.",
        "We allow advertisers to collect your device ID.",
        "Apps built with Kit collect your location.",
    ],
)
def test_a_sentence_alone_that_is_no_claim_of_the_product_s_makes_no_item(
    tmp_path: Path, sentence: str
) -> None:
    page = FRONT + f"# Kit privacy\n\n{sentence}\n\nWe do not sell your data.\n"
    result = import_page(tmp_path, page)
    assert [n for n in names_in(result, "collected") if n != "Crash reports"] == []


def test_data_said_in_a_sentence_stays_text_where_the_page_lists_data(tmp_path: Path) -> None:
    sentence = "The program collects information about computer hardware and how you use Kit."
    page = FRONT + f"# Kit privacy\n\n{sentence}\n\n## Data we collect\n\n- Crash reports\n"
    result = import_page(tmp_path, page)
    assert names_in(result, "collected") == ["Crash reports"]
    assert sentence in result.text


def test_a_sentence_s_item_without_some_data_leaves_that_data_never_collected(
    tmp_path: Path,
) -> None:
    page = FRONT + "# Kit privacy\n\nKit collects the command name without its arguments.\n"
    assert never_names(import_page(tmp_path, page)) == ["Arguments"]


def test_a_listed_item_noted_as_not_kept_is_collected_not_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit privacy\n\n## What we collect\n\n- IP address (anonymized, not stored)\n"
        "- Device model\n- Search terms, not logged\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == []
    assert names_in(result, "collected") == [
        "IP address (anonymized, not stored)",
        "Device model",
        "Search terms, not logged",
    ]


def test_an_exception_after_a_comma_is_no_part_of_a_name(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit privacy\n\n## What we do not collect\n\n"
        "- Your files, except when you attach them to a bug report\n- Your contacts\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Your contacts"]  # (the files are collected when attached)
    assert "- Your files, except when you attach them" in result.product["never_collected"]["intro"]


def test_a_collected_cell_s_words_after_its_yes_or_no_are_kept(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit privacy\n\n## Data\n\n| Data type | Collected | Shared |\n| --- | --- | --- |\n"
        "| Location | No | No |\n| Email address | Yes | No |\n"
        "| Crash logs | Yes, if you opt in | No |\n"
        "| Contacts | No, except when you invite a friend | No |\n"
        "| Device ID | Yes (hashed) | No |\n"
    )
    result = import_page(tmp_path, page)
    assert names_in(result, "optional") == ["Crash logs"]  # (its condition: "if you opt in")
    assert "condition: if you opt in" in result.text
    assert names_in(result, "collected") == ["Email address", "Device ID"]
    assert "Yes (hashed)" in result.text
    # a No with an exception: what it excepts is collected, so the row stays text
    assert never_names(result) == ["Location"]
    assert "No, except when you invite a friend" in free_text(result)


def test_a_form_s_no_keeps_its_words_and_a_no_with_an_exception_is_text(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit privacy\n\n## Data safety\n\n- Name: No\n"
        "- Email: No (unless you contact support)\n- Location: Yes\n"
        "- Photos: No, never leaves the device\n- Contacts: **Not collected**\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Name", "Photos", "Contacts"]  # (no "No": no name)
    assert "description" not in result.product["never_collected"]["items"][2]
    assert "never leaves the device" in result.product["never_collected"]["items"][1].get(
        "description", ""
    )
    assert "Email: No (unless you contact support)" in free_text(result)


def test_a_sentence_that_opens_with_no_is_no_answer() -> None:
    assert answered(ItemDraft("Done: No data leaves your computer", 1)) is None
    assert answered(ItemDraft("Email: No", 1)) == ("Email", False, "")


def test_an_adjective_alone_in_a_list_of_data_collected_takes_its_noun() -> None:
    sentence = (
        "We collect your racial or ethnic origin, your religion and medical or dental records."
    )
    assert data_named(sentence) == [
        "Racial origin",
        "Ethnic origin",
        "Religion",
        "Medical records",
        "Dental records",
    ]
    # a word of the same ending that is a noun of its own, before no adjective: nothing shared
    assert data_named("We collect traffic, page views and referrers.") == [
        "Traffic",
        "Page views",
        "Referrers",
    ]


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        # a clause of when, without its comma, before the publisher's own verb
        ("When you sign up we collect your name and email address.", ["Name", "Email address"]),
        ("When you sign up you collect points and badges.", []),
    ],
)
def test_a_clause_of_when_before_we_says_when_not_who(sentence: str, named: list[str]) -> None:
    assert data_named(sentence) == named


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        # the list's first parts stand before the comma that holds the verb
        (
            "Crash reports, device model and OS version are collected.",
            ["Crash reports", "Device model", "OS version"],
        ),
        (
            "Crash reports, device IDs, and OS version are collected.",
            ["Crash reports", "Device IDs", "OS version"],
        ),
        # (only names with a word for data at their head: "device model" is not taken)
        ("Crash reports, device model, and OS version are collected.", ["OS version"]),
        (
            "Crash reports (with stack traces), device IDs, OS version and locale are collected.",
            ["Crash reports (with stack traces)", "Device IDs", "OS version", "Locale"],
        ),
        # a clause of when, a linking word or the people it is about is no part of the list
        (
            "When you sign in, your email, name and photo are collected.",
            ["Email", "Name", "Photo"],
        ),
        ("In addition, device model and OS version are collected.", ["Device model", "OS version"]),
        ("Currently, device model and OS version are collected.", ["Device model", "OS version"]),
        (
            "Windows users, device model and OS version are collected.",
            ["Device model", "OS version"],
        ),
        ("Except for passwords, settings and logs are collected.", ["Settings", "Logs"]),
        ("We use cookies, and your IP address is collected.", ["IP address"]),
        # words that are no name of data, or not one name, before the list (a review's finds)
        ("Overall, device model and OS version are collected.", ["Device model", "OS version"]),
        (
            "On Android and iOS, device model and OS version are collected.",
            ["Device model", "OS version"],
        ),
        (
            "Up to 1,000 events, device model and OS version are collected.",
            ["Device model", "OS version"],
        ),
        ("Kit Desktop, device model and OS version are collected.", ["Device model", "OS version"]),
        ("Usage data, device model and OS version are collected.", ["Device model", "OS version"]),
        (
            "Each time you run a command, its name, duration and exit code are collected.",
            ["Duration", "Exit code"],
        ),
        (
            "Information such as your name, email address and phone number is collected.",
            ["Email address", "Phone number"],
        ),
        # names after words of exception, or in a list of "or" (a second review's finds)
        (
            "Excluding message contents, sender IDs, timestamps and message sizes are collected.",
            ["Timestamps", "Message sizes"],
        ),
        ("Zero names, email addresses, or phone numbers are collected.", []),
        ("Device IDs, IP addresses, and location are collected by advertisers.", []),
        (
            "Date of birth, gender, nationality and address are collected.",
            ["Date of birth", "Gender", "Nationality", "Address"],
        ),
        ("Free version, crash logs and OS version are collected.", ["Crash logs", "OS version"]),
        # one name before a subject that is no list: the comma sets off something else
        ("Crash reports, the device model is collected.", ["Device model"]),
    ],
)
def test_a_list_before_are_collected_is_named_whole(sentence: str, named: list[str]) -> None:
    assert data_named(sentence) == named


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # a bullet's marker or an answer before the sentence is no part of the name
        ("- Your notes are stored only on your device and never leave it.", ["Notes"]),
        ("No. Your location is used on the device and it is never sent to us.", ["Location"]),
        # what is no data, or denied with a hedge or of the publisher's own hands only
        ("We do not collect anything else.", []),
        ("We generally do not collect your phone number.", None),
        ("Logs are usually not stored.", None),
        ("We never collect your card number ourselves.", None),
        ("The tool doesn't collect its own crash dump; the system does.", None),
        ("We do not transmit your tokens to our own servers.", ["Tokens"]),
        (
            "We do not transmit your location to our servers or to others for our own purposes.",
            ["Location"],
        ),
    ],
)
def test_a_denial_s_opener_hedge_or_own_hands_are_no_part_of_its_entries(
    sentence: str, denied: list[str] | None
) -> None:
    assert data_denied(sentence) == denied


@pytest.mark.parametrize(
    "form",
    [
        "**Data collected:** None\n\n**Data shared:** None\n",
        "- **Collected**: None\n- **Shared**: None\n",
    ],
)
def test_a_form_s_labels_are_no_data_and_its_none_is_kept(tmp_path: Path, form: str) -> None:
    result = import_page(tmp_path, FRONT + f"# A\n\n## Data safety\n\n{form}")
    assert never_names(result) == [] and names_in(result, "collected") == []
    assert "None" in free_text(result)


@pytest.mark.parametrize(
    ("sentence", "recipients"),
    [
        ("Data shared: No data shared with third parties", []),
        ("Voice clips are sent to our server for transcription.", []),
        ("We share data with our affiliates.", ["affiliates"]),
    ],
)
def test_no_data_shared_or_the_publisher_s_own_server_names_no_recipient(
    sentence: str, recipients: list[str]
) -> None:
    assert recipients_in(sentence) == recipients


@pytest.mark.parametrize(
    "page",
    [
        "## What we collect\n\n- **Email**: used to sign in.\n- **Location**: we never collect this.\n"
        "- **Device ID**: we do not share it with advertisers.\n",
        "## What we collect\n\n| Data | Purpose | Notes |\n|---|---|---|\n| Email | Login | - |\n"
        "| Location | - | We do not collect location |\n| Device ID | Ads | Not shared |\n",
    ],
)
def test_an_item_whose_own_words_deny_taking_it_is_never_collected(
    tmp_path: Path, page: str
) -> None:
    result = import_page(tmp_path, FRONT + f"# A\n\n{page}")
    assert never_names(result) == ["Location"]
    assert names_in(result, "collected") == ["Email", "Device ID"]


@pytest.mark.parametrize(
    ("bullet", "never", "taken"),
    [
        # a denial by name after words that neither take nor use the data
        (
            '**Location Data**: On Android 11 and below, the app requires "Fine Location"'
            " permissions to perform Bluetooth scanning. This is an Android requirement. The"
            " app **does not** track your location.",
            ["Location", "Location Data"],
            [],
        ),
        (
            "**Contacts**: The app asks for this permission. It never collects your contacts.",
            ["Contacts"],
            [],
        ),
        # words that use the data first: it is taken, whatever is denied after
        (
            "**Location**: We use your location to show nearby stores. We do not track your"
            " location in the background.",
            [],
            ["Location"],
        ),
        # a denial of keeping only: taken, then not kept
        ("**Location**: Needed for maps. We do not store your location.", [], ["Location"]),
        # a denial of other data
        (
            "**Location**: Needed for maps. We do not track your contacts.",
            ["Contacts"],
            ["Location"],
        ),
    ],
)
def test_an_item_whose_later_words_deny_taking_it_is_never_collected(
    tmp_path: Path, bullet: str, never: list[str], taken: list[str]
) -> None:
    page = FRONT + (
        "# A\n\n## What we collect\n\n- **Fitness data**: cadence and power from the bike.\n"
        f"- {bullet}\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == never
    assert names_in(result, "collected") == ["Fitness data", *taken]


def test_a_bullet_s_own_control_is_no_cue_for_its_list(tmp_path: Path) -> None:
    page = FRONT + (
        "# A\n\n## What we collect\n\n- Email address\n- Device model\n"
        "- Usage statistics. You can turn this off in Settings.\n"
    )
    result = import_page(tmp_path, page)
    assert names_in(result, "optional") == []  # (not Email address nor Device model)
    assert names_in(result, "collected") == ["Email address", "Device model", "Usage statistics"]


def test_data_the_page_lists_as_collected_is_no_never_collected_entry(tmp_path: Path) -> None:
    page = FRONT + (
        "# A\n\n## What we never collect\n\n- Your email addresses\n- Contacts\n\n"
        "## What we collect\n\n- Email address\n- Device model\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Contacts"]
    assert "Your email addresses" in result.product["never_collected"]["intro"]  # (its words)
    said = [r.message for r in result.report.reviews if r.topic == "requirement"]
    assert any("lists it as collected data too" in m for m in said), said


def test_a_never_collected_bullet_with_an_exception_is_text_not_an_entry(tmp_path: Path) -> None:
    """Collected in the case the exception names: a never-collected entry would say more than
    the page (in comparisons, store labels and privacy.json)."""
    page = FRONT + (
        "# A\n\n## What we do not collect\n\n- Your IP address, except for abuse prevention\n"
        "- Contacts (unless you import them)\n- **Microphone**: only while recording a note\n"
        "- Stack traces (only coarse error categories)\n- Location\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Stack traces (only coarse error categories)", "Location"]
    intro = result.product["never_collected"]["intro"]
    for words in ("except for abuse prevention", "(unless you import them)", "only while"):
        assert words in intro, words


def test_a_listed_item_another_takes_not_the_publisher_is_text(tmp_path: Path) -> None:
    page = FRONT + (
        "# A\n\n## Information we collect\n\nWe collect:\n\n- Email address\n"
        "- Payment details, collected and stored by Stripe, not by us\n"
    )
    result = import_page(tmp_path, page)
    assert names_in(result, "collected") == ["Email address"]
    assert "stored by Stripe, not by us" in free_text(result)


# -- what a review of the twenty-second session's rules found ---------------------------------


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # "even", "whether or not", "regardless of whether": the denial holds either way
        ("We never collect your browsing history, even in incognito mode.", ["Browsing history"]),
        (
            "The app works entirely in offline mode and never collects any personal data.",
            ["Personal data"],
        ),
        ("Even if you create an account we do not collect your phone number.", ["Phone number"]),
        (
            "Regardless of whether you have an account we do not collect your contacts.",
            ["Contacts"],
        ),
        ("Whether or not you sign in we never collect your location.", ["Location"]),
        # another subject's clause ends the supposition
        ("We never ask if you want ads and we do not collect your contacts.", ["Contacts"]),
        # "i.e." gives its list, as "e.g." does
        (
            "We do not collect identifiers, i.e. device IDs or advertising IDs.",
            ["Identifiers", "Device IDs", "Advertising IDs"],
        ),
    ],
)
def test_a_denial_that_holds_either_way_stays_an_entry(sentence: str, denied: list[str]) -> None:
    assert data_denied(sentence) == denied


@pytest.mark.parametrize(
    ("sentence", "requirement"),
    [
        # a rejected option is no reason to read another modality in its words
        ("We cannot opt out of it.", "required"),
        ("We can't disable this collection.", "required"),
        # the publisher asking the reader is the reader's choice
        ("We request your consent before sending crash reports.", "optional"),
        ("The app asks for permission before it reads your contacts.", "optional"),
        # using a feature, or contacting the publisher, is a choice of giving data
        ("If you choose to use cloud sync, we upload your notes.", "optional"),
        ("If you choose to contact us, we collect your email address.", "optional"),
    ],
)
def test_options_of_the_reader_stay_and_requirements_stay(sentence: str, requirement: str) -> None:
    cue = modality(sentence)
    assert cue is not None and cue.requirement.value == requirement


def test_a_form_s_no_before_a_noun_is_still_its_answer() -> None:
    said = answered(ItemDraft("Location: No tracking", 1))
    assert said is not None and said[:2] == ("Location", False)


@pytest.mark.parametrize(
    ("bullet", "section"),
    [
        # kept on the device, never sent: not collected, whatever "not stored" says
        ("Photos (processed on your device, never stored or uploaded)", None),
        # used, then not recorded: collected
        ("**IP address**: used for rate limiting, we do not record it", "collected"),
    ],
)
def test_not_kept_and_not_recorded_notes_say_what_they_say(
    tmp_path: Path, bullet: str, section: str | None
) -> None:
    page = FRONT + f"# A\n\n## What we collect\n\n- Email address\n- {bullet}\n"
    result = import_page(tmp_path, page)
    listed = names_in(result, "collected")
    assert (len(listed) == 2) is (section == "collected"), listed


def test_a_never_collected_bullet_with_a_condition_is_text_not_an_entry(tmp_path: Path) -> None:
    """A bullet "Location when the app is closed": not collected then, perhaps otherwise. A
    record's never-collected item has no condition (one with a condition does not build)."""
    page = FRONT + (
        "# A\n\n## What we do not collect\n\n- Location when the app is closed\n"
        "- Contacts if you are under 13\n- Email address\n"
    )
    result = import_page(tmp_path, page)  # (it builds: no error)
    assert never_names(result) == ["Email address"]
    intro = result.product["never_collected"]["intro"]
    for words in ("when the app is closed", "if you are under 13"):
        assert words in intro, words
    said = requirement_reviews(result)
    assert sum("says when it is not collected" in m for m in said) == 2, said
    # (an intro over the kept entry, not a free-form section)
    assert [f for f in result.report.free_form if f.after == "never-collected"] == []


def test_a_never_list_made_all_text_keeps_its_lines(tmp_path: Path) -> None:
    """Every bullet kept as text: a free-form section, which the report places at its lines."""
    page = FRONT + "# A\n\n## What we do not collect\n\n- Location when the app is closed\n"
    result = import_page(tmp_path, page)
    assert never_names(result) == []
    [fragment] = [f for f in result.report.free_form if f.after == "never-collected"]
    line = page.split("\n").index("- Location when the app is closed") + 1
    assert (fragment.line, fragment.end_line) == (line, line), fragment
    assert "when the app is closed" in fragment.text


@pytest.mark.parametrize(
    "sentence",
    [
        "We do not store your IP address.",
        "IP addresses are not logged.",
        "None of your messages are stored on our servers.",
        "The IP address of telemetry requests is not even stored.",
        "We do not log your queries.",
    ],
)
def test_data_said_not_to_be_kept_is_no_never_collected_entry(
    tmp_path: Path, sentence: str
) -> None:
    """Data not kept may well be received (a server sees the IP address of every request):
    "never collected" would say more than the page. The sentence stays; the report says why."""
    page = privacy_page(sentence)
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Contacts"]
    assert sentence in yaml_text(result)
    said = [r.message for r in result.report.reviews if r.topic == "prose"]
    assert sum("said not to be kept" in m for m in said) == 1, said


def test_data_said_not_to_be_kept_under_a_never_heading_is_an_entry(tmp_path: Path) -> None:
    """The heading says what the list is: data never collected; each bullet is an entry."""
    page = FRONT + (
        "# Kit\n\n## What we never collect\n\n- Your IP address is never stored\n- Contacts\n\n"
        "## What we do not store\n\n- We do not store your messages\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["IP address", "Contacts"]
    assert "We do not store your messages" in yaml_text(result)


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # a verb of taking in the denial: denied
        ("We do not request or store your age.", ["Age"]),
        # kept on the device: never taken
        ("Your notes are stored locally and never saved on our servers.", None),
        ("Audio is processed on your device and never stored.", ["Audio"]),
        # the denial of another clause stands
        ("Logs are not stored; we never collect file contents.", ["File contents"]),
    ],
)
def test_a_denial_of_keeping_with_more_words(sentence: str, denied: list[str] | None) -> None:
    assert data_denied(sentence) == denied


def test_a_lead_that_denies_only_keeping_does_not_make_its_bullets_entries(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Kit\n\n## Your data\n\nKit does **NOT**:\n\n- Store conversation content\n"
        "- Collect your location\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Location"]
    said = [r.message for r in result.report.reviews if r.topic == "prose"]
    assert any(m.startswith("'Conversation content': said not to be kept") for m in said), said


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # a verb of taking anywhere in the denial's clause: denied, whatever the order
        ("We do not store or collect your IP address.", ["IP address"]),
        ("Your IP address is never stored or collected.", ["IP address"]),
        ("Your location is not stored and never leaves your device.", ["Location"]),
        # the taking denial of the next clause, with or without its comma
        ("We do not store your IP address and we never collect your location.", ["Location"]),
        ("We do not store your IP address, and we never collect your location.", ["Location"]),
        # not kept on the device says nothing of what is sent
        ("Your password is not stored on your device.", None),
    ],
)
def test_a_denial_of_keeping_and_its_clause(sentence: str, denied: list[str] | None) -> None:
    assert data_denied(sentence) == denied


def test_the_report_quotes_the_denial_an_entry_was_read_from(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit\n\n## Privacy\n\nWe do not store your IP address, and we never collect your "
        "location.\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Location"]
    said = [r.message for r in result.report.reviews if r.topic == "prose"]
    assert any(
        m.startswith("'Location': named in a sentence as data not collected ('never collect')")
        for m in said
    ), said


@pytest.mark.parametrize(
    "page",
    [
        "## Data\n\nWe do not store:\n\n- Your IP address\n- Your messages\n",
        "## What we do not store\n\n- Your IP address\n- Your messages\n",
        "## What is NOT logged\n\n- Your IP address\n- Your messages\n",
    ],
)
def test_a_list_of_what_is_not_kept_gives_no_entry(tmp_path: Path, page: str) -> None:
    """Its lead or heading says the data is not kept, not that it is not collected."""
    result = import_page(tmp_path, FRONT + "# Kit\n\n" + page)
    assert never_names(result) == []
    assert "- Your IP address" in yaml_text(result)  # (its words stay)
    said = [r.message for r in result.report.reviews if r.topic == "prose"]
    assert sum("said not to be kept" in m for m in said) == 2, said
    assert not any("names no data" in r.message for r in result.report.reviews)


@pytest.mark.parametrize(
    "bullet",
    [
        "No nagging or reminders",
        "No penalties for opting out",
        "No link to your VS Code account",
        "No third-party hosts, no analytics vendors, no ad networks.",
        "No long-term storage of chat content after the session ends",
        "No pop-ups or promotions",
    ],
)
def test_a_verbless_denial_that_names_no_data_is_no_never_collected_entry(
    tmp_path: Path, bullet: str
) -> None:
    """ "No nagging or reminders" says what the product does not do, not data it does not
    collect: an entry "Nagging" would promise what the page never said. The bullet stays as
    text, and the report names its words."""
    page = FRONT + (
        f"# Kit\n\n## Your choice\n\nTelemetry is opt-in:\n\n- {bullet}\n- All features work\n\n"
        "## Privacy\n\nWe never collect your contacts.\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Contacts"]
    assert bullet in yaml_text(result)
    said = [r for r in result.report.reviews if "names no data" in r.message]
    assert [r.line for r in said] == [page.split("\n").index(f"- {bullet}") + 1], said


@pytest.mark.parametrize(
    ("bullet", "denied"),
    [
        (
            "No camera, location or contacts data.",
            ["Camera data", "Location data", "Contacts data"],
        ),
        (
            "No personal information (name, email, address).",
            ["Personal information (name, email, address)"],
        ),
        ("No device identifiers", ["Device identifiers"]),
        (
            "**No identifiers**: No repo names or commit messages.",
            ["Repo names", "Commit messages"],
        ),
        ("No API keys or passwords", ["API keys", "Passwords"]),
        ("No stack traces or crash dumps", ["Stack traces", "Crash dumps"]),
        ("No age, gender or date of birth", ["Age", "Gender", "Date of birth"]),
        ("No search terms, emails or mouse clicks", ["Search terms", "Emails", "Mouse clicks"]),
        # each "no" is judged apart: ads are no data, contact data is
        ("No ads from third parties, and no contact data.", ["Contact data"]),
        ("No nagging, no reminders, no location data", ["Location data"]),
        # one list is judged whole: "camera" and "location" share the noun "data"
        ("No camera, location, or contacts data.", ["Camera", "Location", "Contacts data"]),
        # a verb after all: a denial like any other
        ("No personal data ever leaves your device.", ["Personal data"]),
    ],
)
def test_a_verbless_denial_of_data_is_still_an_entry(
    tmp_path: Path, bullet: str, denied: list[str]
) -> None:
    page = FRONT + f"# Kit\n\n## Privacy first\n\n- {bullet}\n- Aggregated only\n"
    result = import_page(tmp_path, page)
    assert never_names(result) == denied


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # the reader's side: never taken
        ("Your notes never leave your device.", ["Notes"]),
        ("These credentials never leave the user machine.", ["Credentials"]),
        ("Your logs do not leave your own infrastructure.", ["Logs"]),
        ("No personal data leaves your local network.", ["Personal data"]),
        # the publisher's side: held by it, so collected
        ("Your prompts are stored within Kit 365 and never leave the service boundary.", []),
        ("Your messages never leave our cloud.", []),
        ("Your files do not leave the EU.", []),
        ("Your notes never leave our network.", []),
        ("Your notes are stored in our system and never leave it.", []),
        ("Your prompts never leave the Azure system.", []),
        ("No personal data leaves our network.", []),
        # the reader's side, however written
        ("Your notes never leave the user\u2019s device.", ["Notes"]),
        ("Your notes never leave your iPhone.", ["Notes"]),
        ("Your photos never leave your Android phone.", ["Photos"]),
        ("No audio ever leaves your Windows PC.", ["Audio"]),
        ("Your prompts never leave this secure cloud environment.", []),
        ("Your keystrokes never leave the server machine.", []),
        # what the data does before it is no part of its name
        ("Your photos stay in your browser and never leave it.", ["Photos"]),
    ],
)
def test_data_that_never_leaves_a_place_is_never_collected_only_on_the_readers_side(
    tmp_path: Path, sentence: str, denied: list[str]
) -> None:
    """ "Never leaves your device" says the data is not taken; "never leaves the service
    boundary" says where the publisher keeps data it has taken."""
    page = privacy_page(sentence)
    result = import_page(tmp_path, page)
    assert never_names(result) == [*denied, "Contacts"]
    assert sentence in yaml_text(result)


@pytest.mark.parametrize(
    "sentence",
    [
        "We do not knowingly collect personal information from children under 13.",
        "Kit doesn't knowingly collect data from children.",
        "We never intentionally collect health data.",
        "We do not collect data from children knowingly.",
        "We never send spam.",
    ],
)
def test_a_denial_of_intent_is_no_never_collected_entry(tmp_path: Path, sentence: str) -> None:
    """ "We do not knowingly collect ..." says what is not meant: such data may come in (and is
    deleted once known). "Never collected" would promise more than the page; its words stay."""
    page = privacy_page(sentence)
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Contacts"]
    assert sentence in yaml_text(result)


@pytest.mark.parametrize(
    "sentence",
    [
        "We do not knowingly collect data from children, and we never collect your location.",
        "We never collect your location and do not knowingly collect data from children.",
    ],
)
def test_a_hedged_clause_leaves_the_sentences_other_denials_standing(
    tmp_path: Path, sentence: str
) -> None:
    page = privacy_page(sentence)
    assert never_names(import_page(tmp_path, page)) == ["Location", "Contacts"]


def test_a_never_collected_bullet_with_an_exception_keeps_its_words_whatever_the_catalog(
    tmp_path: Path,
) -> None:
    """The catalog may know each part of "Hostnames or computer names" from another page; the
    bullet, kept as text for its exception, is still the page's own words, not one per part."""
    content = tmp_path / "content"
    first = FRONT + "# Kit\n\n## Data we collect\n\n- Hostnames\n- Computer names\n"
    import_page(tmp_path, first, content=content, name="kit.md")
    bullet = "Hostnames or computer names, unless you allow it in the settings"
    page = FRONT.replace("Widget", "Gadget") + (
        f"# Gadget\n\n## What we do not collect\n\n- {bullet}\n- Contacts\n"
    )
    result = import_page(tmp_path, page, content=content, name="gadget.md")
    assert never_names(result) == ["Contacts"]
    assert f"- {bullet}" in yaml_text(result)


def test_a_part_of_a_never_collected_bullet_the_page_collects_is_no_entry(
    tmp_path: Path,
) -> None:
    """The catalog splits "Hostnames or computer names" into the items it knows; the page
    collects computer names, so that part says nothing of "never"."""
    content = tmp_path / "content"
    first = FRONT + "# Kit\n\n## Data we collect\n\n- Hostnames\n- Computer names\n"
    import_page(tmp_path, first, content=content, name="kit.md")
    page = FRONT.replace("Widget", "Gadget") + (
        "# Gadget\n\n## Data we collect\n\n- Computer names\n\n## What we do not collect\n\n"
        "- Hostnames or computer names\n- Contacts\n"
    )
    result = import_page(tmp_path, page, content=content, name="gadget.md")
    assert never_names(result) == ["Hostnames", "Contacts"]


def test_quoted_denials_from_bullets_read_as_sentences_of_their_own(tmp_path: Path) -> None:
    """Bullets have no full stop: quoted one after the other on one line, they would run
    into each other ("... from children We don't send ...")."""
    page = FRONT + (
        "# Kit\n\n## Data we collect\n\n- Email address\n\n## Children and email\n\n"
        "- Our service is not for children\n- Kit does not send this data to our servers\n"
        "- Kit does not send it to advertisers either\n"
    )
    result = import_page(tmp_path, page)
    [quoted] = [s["body"] for s in result.product["sections"] if s["after"] == "never-collected"]
    assert "servers Kit" not in quoted
    assert quoted.split("\n\n")[0] == "Kit does not send this data to our servers"


@pytest.mark.parametrize(
    "sentence",
    [
        "No photos are shared.",
        "No personal data is ever shared.",
        "None of your photos are shared.",
        "No personal data ever shared.",
        "No chat logs sold or shared.",
    ],
)
def test_data_said_not_to_be_shared_is_not_said_not_to_be_collected(
    tmp_path: Path, sentence: str
) -> None:
    """ "No photos are shared" says who is not given the photos, not that they are not taken:
    an entry "Photos" under never collected would promise what the page never said. The
    sentence stays as text."""
    result = import_page(tmp_path, privacy_page(sentence))
    assert never_names(result) == ["Contacts"]
    assert sentence in yaml_text(result)


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # a verb of giving before one of taking: the taking is denied too
        ("No personal data is shared or collected.", ["Personal data"]),
        # the verb's "is" left out: read as if it were there, and the name ends before the verb
        ("No usage data collected.", ["Usage data"]),
        ("No names, emails or files collected.", ["Names", "Emails", "Files"]),
        ("No IP addresses ever recorded.", ["IP addresses"]),
        # a list of such denials: each part says what is not done
        ("No data collected, no cookies, no location data.", ["Cookies", "Location data"]),
        ("No names collected, no files stored, no device IDs.", ["Names", "Device IDs"]),
    ],
)
def test_a_denial_that_leaves_out_its_is_names_the_data_before_the_verb(
    tmp_path: Path, sentence: str, denied: list[str]
) -> None:
    result = import_page(tmp_path, privacy_page(sentence))
    assert never_names(result) == [*denied, "Contacts"]


@pytest.mark.parametrize(
    "sentence",
    ["No personal data stored on our servers.", "No IP addresses logged."],
)
def test_a_denial_of_keeping_that_leaves_out_its_is_gives_no_entry(
    tmp_path: Path, sentence: str
) -> None:
    """Data not kept may well be taken ("No IP addresses logged"): no entry, and the report
    says why in the page's own words."""
    result = import_page(tmp_path, privacy_page(sentence))
    assert never_names(result) == ["Contacts"]
    kept = [r.message for r in result.report.reviews if "said not to be kept" in r.message]
    assert len(kept) == 1, kept


def test_the_report_quotes_a_denial_with_no_is_in_the_pages_words(tmp_path: Path) -> None:
    result = import_page(tmp_path, privacy_page("No usage data collected."))
    said = [r.message for r in result.report.reviews if r.message.startswith("'Usage data'")]
    assert len(said) == 1 and "('No usage data collected')" in said[0], said


def test_logs_named_as_data_are_no_verb_of_keeping(tmp_path: Path) -> None:
    """ "No chat logs are ever shared": "logs" names the data; the sentence says nothing of
    keeping it, so the report does not say it does."""
    result = import_page(tmp_path, privacy_page("No chat logs are ever shared or sold."))
    assert never_names(result) == ["Contacts"]
    assert not any("said not to be kept" in r.message for r in result.report.reviews)


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        (
            "The CLI collects each execution event, along with a randomly generated UUID.",
            ["Each execution event", "Randomly generated UUID"],
        ),
        ("We collect the device model as well as the OS version.", ["Device model", "OS version"]),
        (
            "We collect crash reports together with the app version.",
            ["Crash reports", "App version"],
        ),
    ],
)
def test_along_with_joins_a_name_to_the_list_as_and_does(
    tmp_path: Path, sentence: str, items: list[str]
) -> None:
    """ "A, along with B" names two data: neither "Along" nor "Crash reports together"."""
    result = import_page(tmp_path, FRONT + f"# Kit\n\n## Privacy\n\n{sentence}\n")
    assert result.data_names() == items


def test_the_publishers_own_people_or_tools_joined_to_a_list_are_no_data(tmp_path: Path) -> None:
    """ "together with our hosting provider" names who, not what: the list stays text."""
    sentence = "We collect your IP address, together with our hosting provider."
    result = import_page(tmp_path, FRONT + f"# Kit\n\n## Privacy\n\n{sentence}\n")
    assert result.data_names() == []
    assert sentence in yaml_text(result)


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # what the product does not send to the reader, or use: practices, whatever the verb
        ("No push notifications sent.", []),
        ("No ads or trackers used.", []),
        # the "is" is read in only where one "no" denies: a list's parts are read one by one,
        # and none gets a noun from another denial ("Accounts data" is on no page)
        ("No accounts, no data collected.", []),
        ("No ads, no tracking, no data collected.", []),
        ("No ads displayed, no data collected.", []),
        ("No personal data shared with advertisers, no ads.", []),
        # verbs of giving listed before one of taking: the taking is denied
        ("No personal data is shared, sold, or collected.", ["Personal data"]),
        ("No personal information is disclosed or collected.", ["Personal information"]),
        ("No personal data stored, collected or shared.", ["Personal data"]),
        # a name of data next to a practice of the same words is still an entry
        ("No IP address tracking, no IP address.", ["IP address"]),
    ],
)
def test_a_list_of_denials_with_no_verb_gives_each_its_due(
    tmp_path: Path, sentence: str, denied: list[str]
) -> None:
    result = import_page(tmp_path, privacy_page(sentence))
    assert never_names(result) == [*denied, "Contacts"]


def test_a_list_of_other_data_lends_its_noun_to_no_name(tmp_path: Path) -> None:
    """ "names, emails or other data": "other data" is a kind of its own; no "Names data"."""
    result = import_page(tmp_path, privacy_page("We never collect names, emails or other data."))
    assert never_names(result) == ["Names", "Emails", "Contacts"]


@pytest.mark.parametrize(
    "sentence",
    [
        "We do not produce any logs containing your IP address.",
        "We don't maintain any logs of your activity.",
        "We neither log nor store your queries.",
    ],
)
def test_a_denial_of_logs_is_a_denial_of_keeping(tmp_path: Path, sentence: str) -> None:
    """Data not logged may well be taken: no entry (nor one made of "containing ...")."""
    result = import_page(tmp_path, privacy_page(sentence))
    assert never_names(result) == ["Contacts"]


def test_a_sale_denied_with_sharing_names_no_recipient(tmp_path: Path) -> None:
    """ "No data is sold or shared with third parties" says no one receives it."""
    sentence = "No data is sold or shared with third parties unless legally required."
    result = import_page(tmp_path, privacy_page(sentence))
    assert not result.product.get("sharing", {}).get("recipients")


def test_in_particular_gives_examples_of_denied_data(tmp_path: Path) -> None:
    """ "in particular" names examples as "such as" does, in a denial ..."""
    sentence = "We do not collect sensitive data (in particular health data or biometric data)."
    result = import_page(tmp_path, privacy_page(sentence))
    assert never_names(result) == ["Sensitive data", "Health data", "Biometric data", "Contacts"]


def test_in_particular_gives_examples_of_collected_data(tmp_path: Path) -> None:
    """... and in a sentence of what is collected (GDPR policies often say it so)."""
    sentence = "We collect personal data, in particular your name and email address."
    result = import_page(tmp_path, FRONT + f"# Kit\n\n## Privacy\n\n{sentence}\n")
    assert result.data_names() == ["Name", "Email address"]


def test_in_particular_not_is_a_denial_of_its_own_not_an_example(tmp_path: Path) -> None:
    sentence = "We do not collect data, in particular not your location."
    result = import_page(tmp_path, privacy_page(sentence))
    assert never_names(result) == ["Contacts"]


def test_a_passive_with_a_colon_lists_what_is_collected(tmp_path: Path) -> None:
    sentence = "The following data is collected: your IP address, the browser type and the OS."
    result = import_page(tmp_path, FRONT + f"# Kit\n\n## Privacy\n\n{sentence}\n")
    assert result.data_names() == ["IP address", "Browser type", "OS"]


@pytest.mark.parametrize(
    "text",
    [
        # no data said before: rights, purposes
        "You have rights over your data. This includes the right to access and the right to erase.",
        "We collect this information for various purposes. This includes troubleshooting and "
        "improving products.",
        # data said before, but loosely ("may") or denied: no item
        "We may collect some device data. This includes your device model and OS version.",
        "We do not collect device data. This includes your device model and OS version.",
    ],
)
def test_what_this_includes_is_no_item(tmp_path: Path, text: str) -> None:
    """ "This" may point at data, tools, places or rights: what it includes stays text."""
    result = import_page(tmp_path, FRONT + f"# Kit\n\n## Privacy\n\n{text}\n")
    assert result.data_names() == []


@pytest.mark.parametrize(
    "sentence",
    ["No personal data ever leaves our servers.", "No personal data leaves our network."],
)
def test_data_that_never_leaves_the_publishers_side_is_not_never_collected(
    tmp_path: Path, sentence: str
) -> None:
    """On the publisher's servers, the data is taken: no entry (nor "... ever leaves ...")."""
    result = import_page(tmp_path, privacy_page(sentence))
    assert never_names(result) == ["Contacts"]


def test_the_report_gives_the_line_of_a_sentence_that_opens_as_another(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit\n\n## Privacy\n\nNo personal data leaves our network.\n\n"
        "No personal data leaves your device.\n"
    )
    result = import_page(tmp_path, page)
    said = [r.line for r in result.report.reviews if r.message.startswith("'Personal data'")]
    assert said == [page.split("\n").index("No personal data leaves your device.") + 1]


@pytest.mark.parametrize(
    "text",
    [
        # "this" or "these" after a sentence that ends on tools, sources, places, laws or acts
        "We collect data through cookies and similar technologies. These include Google "
        "Analytics and Hotjar.",
        "We collect data from third-party services. These include Google, Facebook and Apple.",
        "We store your data on servers in the EU. This includes Frankfurt and Dublin.",
        "We collect personal data in accordance with applicable law. This includes the GDPR and "
        "the CCPA.",
        "We collect your data when you interact with us. This includes visiting our website, "
        "signing up and contacting support.",
        # a company joined to a list is who, not what
        "We collect device identifiers, together with Google, for ad measurement.",
        # people, not data
        "We collect personal data of the following persons in particular: customers, suppliers "
        "and job applicants.",
    ],
)
def test_what_a_pointer_or_a_join_names_is_data_only_when_it_names_data(
    tmp_path: Path, text: str
) -> None:
    result = import_page(tmp_path, FRONT + f"# Kit\n\n## Privacy\n\n{text}\n")
    assert [n for n in result.data_names() if n != "Device identifiers"] == []


def test_in_particular_at_the_end_of_a_list_is_no_part_of_a_name(tmp_path: Path) -> None:
    text = "We collect your name and email address in particular."
    result = import_page(tmp_path, FRONT + f"# Kit\n\n## Privacy\n\n{text}\n")
    assert result.data_names() == ["Name", "Email address"]


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # a part that says when, how long or to whom it is not taken: no entry
        ("No personal data sent to third parties, no ads, no trackers.", []),
        ("No crash reports sent in release builds, no ads.", []),
        ("No IP addresses recorded for longer than 24 hours, no cookies.", ["Cookies"]),
        ("No location data collected in the background, no ads.", []),
        # giving verbs before one of sending to a party: all sharing
        ("No personal data is shared, sold or sent to third parties.", []),
        # in a denial, "along with" says what the data is not sent with: it may be sent
        # otherwise, and what it is not sent with is sent
        ("We do not collect your name, along with your email address.", []),
        ("We do not send your device ID along with crash reports.", []),
        # a part that says to whom, when, or "and sold": no denial of taking
        ("No data collected or shared with third parties, no ads.", []),
        ("No usage data sent at startup, no ads.", []),
        ("No personal data collected and sold, no ads.", []),
        # data said to be sent along with other data, in any clause: no entry
        ("We do not collect your location, but it may be sent along with crash reports.", []),
        # what is not required or asked for is no data not taken
        ("No email required, no phone number asked and no location used.", []),
        # "and no" starts a denial of its own, as ", no" does
        ("No telemetry collected and no cookies.", ["Telemetry", "Cookies"]),
        # "along with" before the denial's words joins the list; in another clause, nothing
        ("Your photos, along with your messages, never leave your device.", ["Photos", "Messages"]),
        (
            "We do not collect any personal information, and we work together with our host.",
            ["Personal information"],
        ),
        ("We do not collect your name as well as your email address.", ["Name", "Email address"]),
        # an all-caps plural is a noun of its own, an all-caps acronym may share one
        (
            "WE DO NOT COLLECT MESSAGES, PHOTOS OR LOCATION DATA.",
            ["MESSAGES", "PHOTOS", "LOCATION DATA"],
        ),
        ("We never collect GPS or location data.", ["GPS data", "Location data"]),
        # "collected or stored", "at all": the part still denies taking
        ("No analytics data collected or stored, no ads, no trackers.", ["Analytics data"]),
        ("No telemetry collected at all, no accounts.", ["Telemetry"]),
        # a participle after "have" or "get" is a clause of its own, not cut off the name
        ("We never collect the files you have uploaded.", []),
        # plural nouns listed before "X data" share no noun; "the following" names no data
        (
            "The following data is not collected: messages, photos, location data.",
            ["Messages", "Photos", "Location data"],
        ),
        ("The following is not collected: browsing history.", ["Browsing history"]),
    ],
)
def test_denials_read_their_lists_whole(tmp_path: Path, sentence: str, denied: list[str]) -> None:
    result = import_page(tmp_path, privacy_page(sentence))
    assert never_names(result) == [*denied, "Contacts"]


def test_the_following_data_is_no_name_of_denied_data(tmp_path: Path) -> None:
    """ "The following data is not collected: A or B": A and B, after the colon."""
    sentence = "The following data is not collected: your name or phone number."
    result = import_page(tmp_path, privacy_page(sentence))
    assert never_names(result) == ["Name", "Phone number", "Contacts"]


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # what the reader is not sent is no data the product does not take
        ("No marketing emails or promotions.", []),
        ("No push notifications, no location data.", ["Location data"]),
        # a name of data that holds such a word is still data
        ("No notification content.", ["Notification content"]),
    ],
)
def test_what_the_reader_is_not_sent_is_no_never_collected_entry(
    tmp_path: Path, sentence: str, denied: list[str]
) -> None:
    result = import_page(tmp_path, privacy_page(sentence))
    assert never_names(result) == [*denied, "Contacts"]


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        ("We never receive telemetry data collected by the app.", ["Telemetry data"]),
        ("The report does not include the parameters used.", ["Parameters"]),
        # a law's words after it: "within" ends it as "in" does (not "... of Art")
        (
            "We do not collect any special categories of data within the meaning of Art. 9 GDPR.",
            ["Special categories of data"],
        ),
    ],
)
def test_a_denied_name_ends_before_the_verb_it_ends_on(
    tmp_path: Path, sentence: str, denied: list[str]
) -> None:
    result = import_page(tmp_path, privacy_page(sentence))
    assert never_names(result) == [*denied, "Contacts"]


def test_without_sharing_denies_no_collection(tmp_path: Path) -> None:
    """ "without sharing login credentials": given to no one else, not said to be untaken."""
    sentence = "OAuth lets apps access your mail without sharing login credentials."
    result = import_page(tmp_path, privacy_page(sentence))
    assert never_names(result) == ["Contacts"]


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        # an acronym after "along with" or "as well as" is data; a company is not
        (
            "We collect crash reports, along with IP address and OS version.",
            ["Crash reports", "IP address", "OS version"],
        ),
        ("We collect your name as well as IP address.", ["Name", "IP address"]),
        (
            "We collect the OS version, along with CPU architecture and RAM size.",
            ["OS version", "CPU architecture", "RAM size"],
        ),
        (
            "We collect crash reports and diagnostics together with IBM.",
            ["Crash reports", "Diagnostics"],
        ),
        # companies after "together with" are no data, acronyms or not
        (
            "We store your files and metadata together with AWS and Cloudflare.",
            ["Files", "Metadata"],
        ),
        # "we collect in particular A, B and C" (translated GDPR notices say it so)
        (
            "We collect in particular your name, address and email address.",
            ["Name", "Address", "Email address"],
        ),
    ],
)
def test_lists_joined_in_other_words_name_their_data(
    tmp_path: Path, sentence: str, items: list[str]
) -> None:
    result = import_page(tmp_path, FRONT + f"# Kit\n\n## Privacy\n\n{sentence}\n")
    assert result.data_names() == items


@pytest.mark.parametrize(
    ("bullets", "items"),
    [
        (
            "- **Collected:** command name, duration and exit code\n"
            "- **Not collected:** file paths\n",
            ["Command name", "Duration", "Exit code"],
        ),
        ("- Data sent: the OS version and the CLI version\n", ["OS version", "CLI version"]),
        ("- **What we collect:** your email address\n", ["Email address"]),
        ("- What is collected: crash reports, stack traces\n", ["Crash reports", "Stack traces"]),
    ],
)
def test_a_label_that_says_collected_leads_the_data_after_it(
    tmp_path: Path, bullets: str, items: list[str]
) -> None:
    """ "**Collected:** A, B": the label is the list's lead, not a name of data."""
    result = import_page(tmp_path, FRONT + f"# Kit\n\n## Telemetry\n\n{bullets}")
    # (a name's case and its "the" or "your" are the page's; the data is the same)
    names = [re.sub(r"^(?:the|your) ", "", name.lower()) for name in result.data_names()]
    assert names == [item.lower() for item in items]


@pytest.mark.parametrize(
    "bullet",
    [
        "- **Collected**: Yes\n",
        "- Collected: only when you opt in\n",
        "- Data sent: every 24 hours\n",
        "- **Sent:** anonymized\n",
        "- Collected: the CLI sends a ping at startup\n",
        # a place, a taker, a time, a manner, a pointer, people: no names of data
        "- **Data sent:** to PostHog (EU cloud)\n",
        "- **Collected:** in the background, on startup\n",
        "- **Collected:** Google Analytics\n",
        "- **Data sent:** PostHog and Sentry\n",
        "- **Collected:** Since v2.3\n",
        "- **Collected:** hashed, never raw\n",
        "- **Collected:** EU and US users\n",
        "- **What it sends:** the same fields as the VS Code extension\n",
        "- **Data sent:** the fields listed in the table\n",
        "- **What is collected:** Depends on your configuration\n",
        "- **Collected:** email, for account recovery\n",
        "- **Recorded:** per session\n",
        "- **Data sent:** our servers in Frankfurt\n",
        "- **Data sent:** Amazon Web Services (AWS)\n",
        "- **Data sent:** sentry.io\n",
        "- **Collected:** Twice a day\n",
        "- **Collected:** Desktop app and CLI\n",
        "- **Collected:** Beta builds and nightly builds\n",
        "- **Information collected:** Minimal data\n",
        "- **Data sent:** Nothing else\n",
        # "Sent" alone may be what is sent to the reader
        "- **Sent:** order confirmations and shipping updates\n",
    ],
)
def test_what_a_collected_label_answers_is_no_data(tmp_path: Path, bullet: str) -> None:
    """An answer, a time or a sentence after the label names no data: it stays as text."""
    result = import_page(tmp_path, FRONT + f"# Kit\n\n## Telemetry\n\n{bullet}")
    assert result.data_names() == []
    assert bullet[2:].strip().split(":")[-1].strip(" *") in free_text(result)


def test_a_denial_label_is_said_once_and_its_entries_once(tmp_path: Path) -> None:
    """ "**What we do not collect:** A, B": the entries, over the page's words said once, and
    no review that one line lists them twice."""
    page = (
        "- **What we collect:** command name\n- **What we do not collect:** file paths, arguments\n"
    )
    result = import_page(tmp_path, FRONT + f"# Kit\n\n## Telemetry\n\n{page}")
    assert never_names(result) == ["File paths", "Arguments"]
    intro = result.product["never_collected"]["intro"]
    assert intro.count("What we do not collect") == 1
    assert not [r for r in result.report.reviews if "listed again" in r.message]


def test_a_line_under_an_item_that_denies_data_gives_never_collected_entries(
    tmp_path: Path,
) -> None:
    """ "- Crash reports" over "- Not collected: file paths, arguments": the entries, and the
    line stays the item's words. A line that only says data is not kept, or not yet, asks the
    reader not to send it, or points elsewhere denies nothing; nor does one that says what an
    event leaves out (the data may come in another way)."""
    lines = [
        "Not collected: file paths, arguments",
        "IP address is not stored",
        "Not yet collected: GPU model",
        "Not collected: N/A",
        "Not collected: see the list below",
        "Please do not include passwords or API keys",
        "Does not include your username or hostname",
    ]
    page = "- Crash reports\n" + "".join(f"  - {line}\n" for line in lines)
    result = import_page(tmp_path, FRONT + f"# Kit\n\n## What we collect\n\n{page}")
    assert never_names(result) == ["File paths", "Arguments"]
    assert result.data_names() == ["Crash reports"]
    assert result.data_item("Crash reports")["details"] == lines


@pytest.mark.parametrize(
    ("bullets", "items"),
    [
        # a noun both names share, or its "of", makes one name
        ("- **Data collected:** Crash and error reports\n", ["Crash and error reports"]),
        ("- **Data sent:** make and model of the device\n", ["make and model of the device"]),
        ("- Collected: first and last name\n", ["first and last name"]),
        ("- **Data sent:** OS name and version\n", ["OS name and version"]),
        # a word of the product inside a name is no part of the product
        (
            "- **Data sent:** version of the app, number of builds\n",
            ["version of the app", "number of builds"],
        ),
        ("- **Collected:** server logs and crash reports\n", ["server logs", "crash reports"]),
        # after commas, "and" ends the list
        (
            "- **Information collected:** name, email address, company name and job title\n",
            ["name", "email address", "company name", "job title"],
        ),
        # the label alone over bullets: they are the data
        ("- **What we collect:**\n  - IP address\n  - OS version\n", ["IP address", "OS version"]),
        ("- Data collected\n  - IP address\n", ["IP address"]),
    ],
)
def test_a_collected_label_s_list_keeps_each_name_whole(
    tmp_path: Path, bullets: str, items: list[str]
) -> None:
    result = import_page(tmp_path, FRONT + f"# Kit\n\n## Telemetry\n\n{bullets}")
    assert [name.lower() for name in result.data_names()] == [item.lower() for item in items]


def test_a_collected_label_is_no_entry_of_a_denial_over_it(tmp_path: Path) -> None:
    """ "We do not collect any personal data." over "- **Collected:** usage counts": the
    bullet says what is collected, so it is no never-collected entry but an item."""
    page = "We do not collect any personal data.\n\n- **Collected:** anonymous usage counts\n"
    for heading in ("Telemetry", "Privacy"):
        (tmp_path / heading).mkdir()
        result = import_page(tmp_path / heading, FRONT + f"# Kit\n\n## {heading}\n\n{page}")
        assert never_names(result) == ["Personal data"]
        assert result.data_names() == ["anonymous usage counts"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Please do not include passwords or API keys in bug reports.",
        "Do not paste your access token in issues.",
        "Don't include personal information in your feedback.",
        "Never send us your recovery phrase.",
        "You must not upload personal data.",
    ],
)
def test_a_request_to_the_reader_is_no_denial(tmp_path: Path, sentence: str) -> None:
    """What the reader is asked not to give may still come in: no never-collected entry."""
    result = import_page(tmp_path, privacy_page(sentence))
    assert never_names(result) == ["Contacts"]


@pytest.mark.parametrize(
    "sentence",
    [
        "We don't collect the IMEI on Android 10+.",
        "Not yet collected: GPU model.",
        "We don't collect crash logs yet.",
    ],
)
def test_a_denial_on_one_platform_or_for_now_is_no_entry(tmp_path: Path, sentence: str) -> None:
    """Denied on one platform, or not yet: the data may be taken elsewhere or later, so it is
    not never collected."""
    result = import_page(tmp_path, privacy_page(sentence))
    assert never_names(result) == ["Contacts"]


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        ("Please note that we do not collect your email address.", ["Email address"]),
        ("When telemetry is enabled, we never collect file contents.", ["File contents"]),
        ("We do not collect your location on Android or iOS.", ["Location"]),
        ("Notely for Windows does not collect your location.", ["Location"]),
        ("Kit does not yet support accounts, so we never collect your email.", ["Email"]),
    ],
)
def test_a_denial_of_the_product_stays_one_whatever_words_come_near(
    tmp_path: Path, sentence: str, denied: list[str]
) -> None:
    """ "Please note that we do not ...", a program's own switch, every platform, a product
    named for its platform, "not yet" of something else: still the product's denial."""
    result = import_page(tmp_path, privacy_page(sentence))
    assert never_names(result) == [*denied, "Contacts"]


@pytest.mark.parametrize(
    "former",
    [
        "### Legacy format\n\nVersions before 2.0 sent:\n\n- hostname\n- user name\n",
        "### Deprecated events\n\n- hostname\n- user name\n",
        "### Older versions\n\nUntil version 3 the CLI also sent:\n\n- hostname\n- user name\n",
    ],
)
def test_what_a_former_version_took_is_no_item(tmp_path: Path, former: str) -> None:
    """A group whose heading or lead says a former version took it ("Legacy format",
    "Versions before 2.0 sent:", "Deprecated events"): not what the product takes now; its
    words stay, as text, lead included."""
    page = f"## What we collect\n\n- OS version\n\n{former}"
    result = import_page(tmp_path, FRONT + f"# Kit\n\n{page}")
    assert result.data_names() == ["OS version"]
    words = free_text(result)
    assert "hostname" in words and "user name" in words
    assert "Versions before 2.0 sent:" in words or "before" not in former


def test_a_group_that_says_what_it_is_used_to_do_is_read(tmp_path: Path) -> None:
    """ "used to" of a purpose ("The id is used to correlate events") is no former version."""
    page = "## What we collect\n\n### Operation\n\nThe id is used to correlate events.\n\n- id\n- name\n"
    result = import_page(tmp_path, FRONT + f"# Kit\n\n{page}")
    assert result.data_names() == ["id", "name"]


def test_a_bold_word_that_qualifies_a_noun_names_data_with_its_noun(tmp_path: Path) -> None:
    """ "**System** metrics, such as ...": the bold word is a qualifier, not the name ("System",
    "Crash" and "Anonymous" are no data); the noun after it, within two words, completes it.
    Before a bracket the bullet reads as it would unbolded. A bold label ("**Server logs:**
    Technical data") or a sentence ("**Location** data is used to ...") keeps its name."""
    page = FRONT + (
        "# Kit\n\n## What data do we collect?\n\n"
        "- **System** metrics, such as the device's specs and the OS\n"
        "- **Crash** reports\n"
        "- **Email** address (required)\n"
        "- **Anonymous** usage data, such as commands run\n"
        "- **IP** address (anonymized) - used for geolocation\n"
        "- **Machine** ID\n"
        "- **Server logs:** Technical data such as IP address\n"
        "- **Location** data is used to show the weather.\n"
    )
    result = import_page(tmp_path, page)
    assert names_in(result, "required") == ["Email address"]
    assert result.data_names() == [
        "Email address",
        "System metrics",
        "Crash reports",
        "Anonymous usage data",
        "IP address (anonymized)",
        "Machine ID",
        "Server logs",
        "Location",
    ]
    assert "such as the device's specs" in rendered(result)  # (the bullet's words stay)
    assert "used for geolocation" in rendered(result)


@pytest.mark.parametrize(
    "bullet",
    [
        # (a review's cases: a marker, a denial, a form's label, a taker or a command in bold)
        "**Optional** crash reports",
        "**Only** anonymous usage data",
        "**Collected** data",
        "**Sentry** collects crash reports",
        "**Third parties** get no data",
        "**Disable** telemetry events (see below)",
        "**Never** sends file contents",
    ],
)
def test_bold_words_that_qualify_no_data_do_not_join_the_noun_after_them(
    tmp_path: Path, bullet: str
) -> None:
    page = FRONT + f"# Kit\n\n## What data do we collect?\n\n- OS version\n- {bullet}\n"
    names = import_page(tmp_path, page).data_names()
    assert names[0] == "OS version"
    assert not any(
        name.lower().endswith(("reports", "data", "events", "contents")) for name in names
    )


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # its verb after "gets", or "leaves" with the reader's side unsaid: the name ends there
        ("No usage data gets collected.", ["Usage data"]),
        ("No personal data ever gets collected.", ["Personal data"]),
        ("No photos ever leave.", ["Photos"]),
        # quotes around a word are no part of the name; an apostrophe is
        ("No 'tracking' cookies.", ["Tracking cookies"]),
        ('No "personal" data is collected.', ["Personal data"]),
        ("We never collect the user's files.", ["User's files"]),
        # what is denied from some moment on is left out, the rest of the list stays
        ("No more ads, no tracking, no cookies.", ["Tracking", "Cookies"]),
        # every run, CI included; every user, or users named in another clause
        ("No telemetry is collected anywhere, including in CI.", ["Telemetry"]),
        ("We never collect telemetry, even for enterprise customers.", ["Telemetry"]),
        ("We do not collect your location for our users.", ["Location"]),
        ("We never collect personal data for users, customers or visitors.", ["Personal data"]),
        (
            "We never collect personal data; the app is designed for privacy-conscious users.",
            ["Personal data"],
        ),
        ("We do not collect personal information for identifying users.", ["Personal information"]),
        ("We do not collect personal data from our users.", ["Personal data"]),
        ("We never collect your location, for all accounts.", ["Location"]),
    ],
)
def test_a_denial_with_few_words_names_only_its_data(sentence: str, denied: list[str]) -> None:
    assert data_denied(sentence) == denied


@pytest.mark.parametrize(
    "sentence",
    [
        # in some runs, or for some people only: taken in the others
        "No telemetry is collected in CI.",
        "We don't send telemetry in CI.",
        "We do not collect your location for EU users.",
        "We never send telemetry for enterprise customers.",
        # some accounts, installations or people ("from users in ..."); a case first or after
        "For free accounts, we do not collect billing addresses.",
        "No analytics are collected for self-hosted installations.",
        "We do not collect IP addresses from users in the EU.",
        "Foo does not collect information from visitors who are not logged in.",
        "Unless required by law, we do not collect government ID numbers.",
        "Without your consent, we do not collect location data.",
        "We don't collect your IP address except to prevent abuse.",
        # from some moment on (once turned off), or beyond some
        "No more data will be sent.",
        "No further data collected.",
        "No new data uploaded.",
        "No additional cookies are set.",
    ],
)
def test_a_denial_for_some_runs_or_people_or_from_a_moment_denies_no_data(sentence: str) -> None:
    assert not data_denied(sentence)


def test_a_practice_in_quotes_stays_no_data(tmp_path: Path) -> None:
    """'No "phone-home" functionality' names a practice, quotes or not."""
    result = import_page(tmp_path, privacy_page('No "phone-home" functionality.'))
    assert never_names(result) == ["Contacts"]


@pytest.mark.parametrize(
    "verb", ["emits", "transmits", "gathers", "retrieves", "receives", "contains", "includes"]
)
def test_bullets_that_say_what_a_program_does_make_no_items_of_their_subjects(
    tmp_path: Path, verb: str
) -> None:
    """ "Foo emits telemetry events when it starts" is a sentence: its subject and verb name no
    data, and a list of such sentences stays text."""
    page = FRONT + (
        "# Foo usage data\n\n## What is included in the telemetry data\n\n"
        f"* foo {verb} telemetry events when the extension starts and stops.\n"
        f"* foo {verb} an event when a command runs successfully or fails.\n"
        f"* foo {verb} telemetry to indicate whether a template file has been opened.\n"
    )
    result = import_page(tmp_path, page)
    assert not any(verb in name for name in result.data_names())
    assert f"foo {verb} telemetry events" in free_text(result) + str(result.product)


def test_a_control_is_said_by_the_page_not_by_a_choice_a_person_made(tmp_path: Path) -> None:
    """The words on who decides come from the page ("opt-in"), not from a sentence that names
    "the choice made" as data, nor from the next bullet run into it."""
    page = FRONT + (
        "# Foo usage data\n\nFoo has opt-in telemetry collection.\n\n"
        "## What is included in the telemetry data\n\n"
        "* foo emits telemetry when a recommendation is proposed.\n"
        "  The telemetry contains the extension name and the choice made.\n"
        "* foo emits telemetry to indicate whether a template file has been opened.\n"
    )
    result = import_page(tmp_path, page)
    assert result.names("optional") == ["Extension name", "Choice made"]
    controls = {item["control"] for item in result.items("optional")}
    assert controls == {"Foo has opt-in telemetry collection."}


@pytest.mark.parametrize(
    "sentence",
    [
        # hedged: what is not meant, usual or planned, not what is never taken
        "We do not usually collect your phone number.",
        "We probably do not collect your device name.",
        "We do not actively collect your location.",
        "We are not actively tracking your location.",  # (other ways stay open)
        "We do not purposely collect health information.",
        "To the best of our knowledge, the SDK does not collect IP addresses.",
        "We do not collect sensitive data, as far as we know.",
        "We aim to never collect your contacts.",
        "We do our best not to collect IP addresses.",
        "We will try not to collect your IP address.",
        "We may not collect your location.",
        "We don't intend to collect your contacts.",
        # not yet: to come
        "We do not yet collect crash dumps.",
        "Hostnames are not collected yet, but may be in a future release.",
        # for one purpose: it may be taken for others
        "We don't collect your location for targeted advertising.",
        "We do not collect your IP address for analytics.",
        # some of the data only
        "We do not collect all of your contacts.",
        "We don't collect every keystroke.",
        "We do not collect most device identifiers.",
    ],
)
def test_a_hedged_future_purposed_or_partial_denial_makes_no_entry(sentence: str) -> None:
    assert not data_denied(sentence)


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # a clause of another verb in the list names nothing
        ("We do not collect names or sell email addresses.", ["Names"]),
        ("We don't collect personal data and don't use cookies.", ["Personal data"]),
        ("We do not collect your location or store your IP address.", ["Location"]),
        ("We do not collect, and never have collected, your contacts.", ["Contacts"]),
        # words on time or emphasis end the name
        ("We don't collect your IP address anymore.", ["IP address"]),
        ("We don't collect any personal information whatsoever.", ["Personal information"]),
        # "all" before the verb is all of it
        (
            "All personally identifiable information is scrubbed from this information.",
            ["Personally identifiable information"],
        ),
        (
            "All game scores and app preferences are stored locally and never leave the device.",
            ["Game scores", "App preferences"],
        ),
        ("We never collect each other's messages.", ["Each other's messages"]),
    ],
)
def test_a_denial_names_only_the_data_its_verb_denies(sentence: str, denied: list[str]) -> None:
    assert data_denied(sentence) == denied


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # "collects no A", "neither A nor B": denials, their names as in "No A or B"
        ("Foo collects no usage data.", ["Usage data"]),
        ("We collect absolutely no personal data.", ["Personal data"]),
        ("Neither your username nor your hostname is collected.", ["Username", "Hostname"]),
        (
            "We collect neither your date of birth nor your home address.",
            ["Date of birth", "Home address"],
        ),
        ("We neither collect nor store your browsing history.", ["Browsing history"]),
        ("We collect no personal data of any kind.", ["Personal data"]),
        # all data, by no name of its own: the list after it names it
        ("Foo collects no data of any kind:", []),
    ],
)
def test_a_denial_by_no_or_neither_names_its_data(sentence: str, denied: list[str]) -> None:
    assert data_denied(sentence) == denied


@pytest.mark.parametrize(
    "sentence",
    [
        "The app collects no data when offline.",
        "No telemetry in CI.",
        "We collect no more data than needed.",
        "We collect no personal data other than your email address.",
        "Neither option is recommended.",
    ],
)
def test_a_denial_by_no_in_some_case_or_beyond_some_makes_no_entry(sentence: str) -> None:
    assert not data_denied(sentence)


@pytest.mark.parametrize(
    "lead",
    [
        "None of the following are ever collected:",
        "We strip the following before upload:",
        "Excluded from reports:",
        "Before a crash report is sent, we remove:",
        "The following are removed from reports:",
        "The following fields are redacted from every event:",
        "Scrubbed fields:",
        "**Redacted data:**",
        "Under no circumstances do we collect:",
        "At no time do we collect:",
        "We refrain from collecting:",
        "We abstain from collecting:",
        "Telemetry excludes:",
        "The following is off-limits for us:",
    ],
)
def test_a_list_whose_lead_says_none_of_it_is_sent_is_never_collected(
    tmp_path: Path, lead: str
) -> None:
    page = FRONT + (
        f"# Kit privacy\n\n## Crash reports\n\n{lead}\n\n- Usernames from file paths\n"
        "- Auth tokens\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Usernames from file paths", "Auth tokens"]
    assert result.data_names() == []


@pytest.mark.parametrize(
    "lead",
    [
        # Not a promise that it is never taken: "We will never ask for your password" by email
        # does not say the sign-in form takes none. Text, neither data nor never collected.
        "We will never ask for:",
        "We avoid collecting:",
        "We try not to collect:",
        "We are not interested in:",
        "We have no interest in collecting:",
    ],
)
def test_a_list_after_a_lead_that_neither_takes_nor_denies_is_text(
    tmp_path: Path, lead: str
) -> None:
    page = FRONT + (
        f"# Kit privacy\n\n## Telemetry\n\nWe collect the CLI version.\n\n{lead}\n\n"
        "- Source code\n- Secrets\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == []
    assert "Source code" not in result.data_names()
    assert "- Source code" in free_text(result)


def test_a_list_removed_after_a_time_is_no_never_collected_list(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit privacy\n\n## Accounts\n\nWe remove inactive accounts from our database after:\n\n"
        "- Two years without a sign-in\n- A request to delete them\n"
    )
    assert never_names(import_page(tmp_path, page)) == []


@pytest.mark.parametrize(
    ("table", "required", "optional"),
    [
        # Under "Optional", a Yes says optional and a No required: the reverse of "Required".
        ("| Data | Optional |\n|---|---|\n| Email | No |\n| Photo | Yes |\n", ["Email"], ["Photo"]),
        (
            "| Data | Purpose | Optional? |\n|---|---|---|\n| Email | Login | No |\n"
            "| Avatar | Profile | Yes |\n",
            ["Email"],
            ["Avatar"],
        ),
        ("| Data | Required |\n|---|---|\n| Email | Yes |\n| Photo | No |\n", ["Email"], ["Photo"]),
        # A tick in a Required or an Optional column says which it is.
        (
            "| Data | Required | Optional |\n|---|---|---|\n| Username | ✓ | |\n| Bio | | ✓ |\n",
            ["Username"],
            ["Bio"],
        ),
        (
            "| Data | Required | Optional |\n|---|---|---|\n| Email | ✔ | ✘ |\n| Photo | ✘ | ✔ |\n",
            ["Email"],
            ["Photo"],
        ),
        ("| Data | Mandatory |\n|---|---|\n| Email | ✅ |\n| Photo | ❌ |\n", ["Email"], ["Photo"]),
    ],
)
def test_a_requirement_column_says_required_or_optional_by_its_heading(
    tmp_path: Path, table: str, required: list[str], optional: list[str]
) -> None:
    result = import_page(tmp_path, FRONT + f"# Acme\n\n## Data we collect\n\n{table}")
    assert names_in(result, "required") == required
    assert names_in(result, "optional") == optional


def test_ticks_in_a_collected_column_answer_each_row(tmp_path: Path) -> None:
    # Marks answer as words do: a cross under "Collected" is never collected.
    page = FRONT + (
        "# Acme\n\n## Data we collect\n\n| Data | Collected | Optional |\n|---|---|---|\n"
        "| Email | ✅ | ❌ |\n| Location | ✅ | ✅ |\n| Contacts | ❌ | |\n"
    )
    result = import_page(tmp_path, page)
    assert names_in(result, "required") == ["Email"]
    assert names_in(result, "optional") == ["Location"]
    assert never_names(result) == ["Contacts"]


@pytest.mark.parametrize(
    "page",
    [
        # A section headed by a program of its own speaks of that program's data, not of the
        # data another section lists.
        "## Analytics\n\nAnalytics can be turned off in Preferences.\n\n"
        "## Account data\n\nWe collect:\n\n- Email address\n- Billing address\n",
        "## Account data\n\nWe collect your email address and organisation name.\n\n"
        "## Telemetry\n\nTelemetry is optional. When enabled, we collect:\n\n"
        "- Feature usage\n- Page load times\n",
    ],
)
def test_a_program_section_says_nothing_of_another_sections_data(tmp_path: Path, page: str) -> None:
    result = import_page(tmp_path, FRONT + f"# Acme\n\n{page}")
    collected = names_in(result, "collected")
    assert collected and set(collected) <= {
        "Email address",
        "Billing address",
        "Your email address",
        "Organisation name",
    }
    assert set(names_in(result, "optional")) <= {"Feature usage", "Page load times"}


@pytest.mark.parametrize(
    ("title", "cue"),
    [
        ("Acme telemetry", "Opting out"),
        # A section that lists data without naming a kind of its own is the program's.
        ("Acme", "Opting out of telemetry"),
        ("Acme", "Telemetry"),
    ],
)
def test_a_program_cue_holds_for_data_listed_in_another_section(
    tmp_path: Path, title: str, cue: str
) -> None:
    page = FRONT + (
        f"# {title}\n\n## {cue}\n\nTelemetry is optional. Set ACME_NO_TELEMETRY=1 to turn it off.\n\n"
        "## What data do we collect?\n\n- Command name\n- CLI version\n"
    )
    result = import_page(tmp_path, page)
    assert names_in(result, "optional") == ["Command name", "CLI version"]


def test_a_requirement_said_first_after_the_name_marks_that_item_only(tmp_path: Path) -> None:
    # "Name — Optional, used for ...": the item's own marker, its words kept; it says nothing
    # of the other items, though it names analytics.
    page = FRONT + (
        "# Data safety\n\n## Data collected\n\n**Personal info**\n\n"
        "- Name — Optional, used for account management\n"
        "- Email address — Required, used for account management\n"
        "- Phone number — Required, unless you sign in with a passkey\n\n"
        "**App activity**\n\n- App interactions — Optional; analytics\n"
    )
    result = import_page(tmp_path, page)
    assert names_in(result, "required") == ["Email address"]
    assert names_in(result, "optional") == ["Name", "App interactions"]
    assert names_in(result, "collected") == ["Phone number"]
    assert result.item("Name", "optional")["description"] == "used for account management"


def test_a_sentence_that_says_one_items_requirement_says_nothing_of_the_others(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Privacy\n\n## Data we collect\n\n"
        "We collect your email address. Adding a phone number is optional.\n\n"
        "- Email address\n- Phone number\n"
    )
    result = import_page(tmp_path, page)
    assert names_in(result, "optional") == ["Phone number"]
    assert names_in(result, "collected") == ["Email address"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The data collection is optional.",
        "Providing this data is optional.",
        "Telemetry is optional.",
        "Your personal information is optional.",
        "The feature is optional.",
    ],
)
def test_a_sentence_that_says_the_datas_requirement_holds_for_the_list(
    tmp_path: Path, sentence: str
) -> None:
    page = (
        FRONT
        + f"# Privacy\n\n## Data we collect\n\n{sentence}\n\n- Email address\n- Phone number\n"
    )
    result = import_page(tmp_path, page)
    assert names_in(result, "optional") == ["Email address", "Phone number"]


@pytest.mark.parametrize(
    ("page", "section", "names"),
    [
        # A page of one heading that names its data: the list under it is that data.
        (
            "# Data we collect\n\n- Email address\n- Usage statistics\n",
            "collected",
            ["Email address", "Usage statistics"],
        ),
        (
            "# Required information\n\nTo sign up you must provide:\n\n- Username\n- Email\n",
            "required",
            ["Username", "Email"],
        ),
        (
            "# What we don't collect\n\n- Source code\n- Secrets\n",
            "never",
            ["Source code", "Secrets"],
        ),
        (
            "# Telemetry\n\nNone of the following are ever collected:\n\n- Source code\n"
            "- Secrets\n",
            "never",
            ["Source code", "Secrets"],
        ),
    ],
)
def test_a_list_under_the_only_heading_is_what_the_heading_names(
    tmp_path: Path, page: str, section: str, names: list[str]
) -> None:
    result = import_page(tmp_path, FRONT + page)
    found = never_names(result) if section == "never" else names_in(result, section)
    assert found == names
    others = {"collected", "required", "optional"} - {section}
    assert all(not names_in(result, other) for other in others)


@pytest.mark.parametrize(
    "page",
    [
        "# Payments\n\nPayments are processed by Stripe. Stripe collects:\n\n- Card number\n"
        "- Expiry date\n",
        "# Kit\n\n## Payments\n\nWe take payments through Stripe. Stripe collects:\n\n"
        "- Card number\n- Expiry date\n",
        "# Kit\n\n## Data we collect\n\n- Email address\n\nWe use Google Analytics. Google "
        "Analytics may record:\n\n- Card number\n- Expiry date\n",
    ],
)
def test_a_list_another_party_collects_is_no_data_of_the_product(tmp_path: Path, page: str) -> None:
    # What Stripe collects is Stripe's: the page does not say the product takes it.
    result = import_page(tmp_path, FRONT + page)
    assert "Card number" not in result.data_names()
    assert "- Card number" in result.text


@pytest.mark.parametrize(
    "lead",
    [
        "Kit collects:",
        # A name the page has not said is another party's may be the product's own: the
        # page's title is often not the product's name.
        "Stripe collects:",
    ],
)
def test_a_list_the_product_may_collect_by_name_is_its_data(tmp_path: Path, lead: str) -> None:
    page = FRONT + f"# Kit\n\n## Payments\n\n{lead}\n\n- Card number\n- Expiry date\n"
    assert import_page(tmp_path, page).data_names() == ["Card number", "Expiry date"]


@pytest.mark.parametrize(
    "lead",
    [
        "We collect information when you:",
        "Data is collected whenever a user:",
        "We log an event if you:",
    ],
)
def test_a_list_of_when_data_is_collected_is_no_data(tmp_path: Path, lead: str) -> None:
    page = FRONT + (
        f"# Kit privacy\n\n## Data we collect\n\n{lead}\n\n- Create an account\n"
        "- Make a purchase\n- Contact customer support\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == []
    assert "- Make a purchase" in result.text


@pytest.mark.parametrize(
    "heading",
    ["Categories of data subjects", "Who we collect data about", "Categories of individuals"],
)
def test_a_list_of_whose_data_it_is_is_no_data(tmp_path: Path, heading: str) -> None:
    page = FRONT + (
        f"# Records of processing\n\n## {heading}\n\n- Customers\n- Employees\n\n"
        "## Categories of personal data\n\n- Contact details\n- Bank details\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Contact details", "Bank details"]
    assert "- Employees" in result.text


@pytest.mark.parametrize(
    "heading",
    ["Optional features", "Optional settings", "Optional integrations", "Required permissions"],
)
def test_a_requirement_heading_over_no_data_gives_no_items(tmp_path: Path, heading: str) -> None:
    page = FRONT + (
        f"# Acme\n\n## Data we collect\n\n- Device ID\n- App version\n\n## {heading}\n\n"
        "- Dark mode\n- Google Drive\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Device ID", "App version"]
    assert "- Dark mode" in result.text


@pytest.mark.parametrize("header", ["Can I turn it off?", "Can you disable it?", "Can be disabled"])
def test_a_column_that_says_whether_it_can_be_turned_off_says_optional(
    tmp_path: Path, header: str
) -> None:
    page = FRONT + (
        f"# Kit\n\n## Data we collect\n\n| Data | {header} |\n|---|---|\n"
        "| Crash reports | Yes, in Settings |\n"
        "| Purchase receipts | No |\n"
    )
    result = import_page(tmp_path, page)
    assert names_in(result, "optional") == ["Crash reports"]
    assert names_in(result, "required") == ["Purchase receipts"]


@pytest.mark.parametrize(
    ("page", "optional"),
    [
        # Honouring an opt-out variable or setting says the reader can turn it off.
        (
            "# Privacy\n\n`nimbus` reports basic usage metrics. We honour `DO_NOT_TRACK=1`.\n\n"
            "## Collected fields\n\n- Machine ID\n- Version\n",
            True,
        ),
        (
            "# Telemetry\n\nThis extension collects usage data. It respects the "
            "`telemetry.telemetryLevel` setting.\n\n## Data collected\n\n- Machine ID\n- Version\n",
            True,
        ),
        (
            "# Sync\n\nWe collect the following when you enable sync:\n\n- Machine ID\n- Version\n",
            True,
        ),
        # Enabling the product itself is using it, no choice of data.
        (
            "# Kit\n\nWe collect the following when you enable the extension:\n\n- Machine ID\n"
            "- Version\n",
            False,
        ),
        (
            "# Kit\n\nKit respects your privacy.\n\n## Data collected\n\n- Machine ID\n- Version\n",
            False,
        ),
    ],
)
def test_honouring_an_opt_out_or_collecting_once_enabled_says_optional(
    tmp_path: Path, page: str, optional: bool
) -> None:
    result = import_page(tmp_path, FRONT + page)
    assert names_in(result, "optional" if optional else "collected") == ["Machine ID", "Version"]


def test_a_heading_of_data_not_processed_is_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Kit privacy\n\n## Categories of data we process\n\n- Contact details\n\n"
        "## Categories of data we do not process\n\n- Health data\n- Criminal convictions\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Contact details"]
    assert never_names(result) == ["Health data", "Criminal convictions"]


def test_a_list_of_what_the_reader_need_not_do_is_no_never_collected_list(tmp_path: Path) -> None:
    # "We don't process any data" is said of the product; the list is of agreements.
    page = FRONT + (
        "# Kit privacy\n\n## Compliance\n\nSince we don't process any data, you don't need:\n\n"
        "- Data Processing Agreements (DPA)\n- Privacy impact assessments\n"
    )
    assert never_names(import_page(tmp_path, page)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # Another party's denial, or a former version's: no promise of the product's now.
        "Mapbox, our map provider, does not collect your location.",
        "Our advertising partners do not collect your location.",
        "Before version 2.0, Kit did not collect crash reports.",
        "We didn't collect crash reports in the beta.",
    ],
)
def test_a_denial_by_another_party_or_of_the_past_makes_no_entry(sentence: str) -> None:
    assert not data_denied(sentence)


@pytest.mark.parametrize(
    ("sentence", "never"),
    [
        ("This plugin does not collect any data and makes no network requests.", []),
        ("We and our partners do not collect your location.", ["Location"]),
    ],
)
def test_a_denial_names_only_its_data(sentence: str, never: list[str]) -> None:
    assert (data_denied(sentence) or []) == never


@pytest.mark.parametrize(
    "lead",
    [
        "Our advertising partners do not collect:",
        "We do not collect data from the following sources:",
        "We do not collect data for:",
        "We never collect data when:",
        "Location is not collected from:",
    ],
)
def test_a_denial_lead_over_parties_people_or_cases_gives_no_entries(
    tmp_path: Path, lead: str
) -> None:
    page = FRONT + (
        f"# Kit privacy\n\n## Data we collect\n\n- Email address\n\n## More\n\n{lead}\n\n- Children\n"
        "- Data brokers\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == []
    assert result.data_names() == ["Email address"]
    assert "- Data brokers" in result.text


@pytest.mark.parametrize(
    "lead",
    ["Kit collects information on:", "We collect information about:"],
)
def test_a_lead_that_collects_on_or_about_lists_data(tmp_path: Path, lead: str) -> None:
    page = FRONT + f"# Kit privacy\n\n## Data we collect\n\n{lead}\n\n- Commands used\n- Errors\n"
    assert import_page(tmp_path, page).data_names() == ["Commands used", "Errors"]


@pytest.mark.parametrize(
    ("page", "required", "optional"),
    [
        (
            "## Required\n\n- Email address\n\n## Not required\n\nWe do not require:\n\n"
            "- Phone number\n",
            ["Email address"],
            ["Phone number"],
        ),
        (
            "## Telemetry\n\nTelemetry is optional and can be turned off.\n\n- Feature usage\n\n"
            "## Always collected\n\nThe following is collected regardless of your telemetry "
            "setting:\n\n- License ID\n",
            ["License ID"],
            ["Feature usage"],
        ),
    ],
)
def test_headings_and_leads_that_say_not_required_or_always_collected(
    tmp_path: Path, page: str, required: list[str], optional: list[str]
) -> None:
    result = import_page(tmp_path, FRONT + f"# Kit privacy\n\n{page}")
    assert names_in(result, "required") == required
    assert names_in(result, "optional") == optional
    assert never_names(result) == []


def test_a_cue_under_one_program_says_nothing_of_another_programs_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Orchard\n\n## Website analytics\n\nYou can opt out of website analytics in the cookie "
        "banner.\n\n- Page views\n\n## App crash reporting\n\nCrash reporting in the app cannot "
        "be disabled.\n\n- Crash reports\n"
    )
    assert "Page views" not in names_in(import_page(tmp_path, page), "required")


@pytest.mark.parametrize(
    "lead",
    [
        # Where from, by what or in which cases data is collected: no data.
        "We collect data from:",
        "Data is collected by:",
        "We collect data through:",
        "We collect data in these situations:",
    ],
)
def test_a_list_of_sources_or_channels_of_collection_is_no_data(tmp_path: Path, lead: str) -> None:
    page = FRONT + (
        f"# Kit privacy\n\n## How\n\n{lead}\n\n- Our mobile app\n- Web forms\n\n"
        "## What we collect\n\n- Email address\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Email address"]
    assert "- Web forms" in result.text


@pytest.mark.parametrize(
    ("heading", "lead"),
    [
        ("What we may collect in the future", ""),
        ("Roadmap", "We plan to collect, with your consent, in a later version:\n\n"),
    ],
)
def test_what_may_be_collected_in_the_future_is_no_data(
    tmp_path: Path, heading: str, lead: str
) -> None:
    page = FRONT + (
        f"# Kit privacy\n\n## What we collect\n\n- Email address\n\n## {heading}\n\n{lead}"
        "- Heart rate\n- Sleep data\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Email address"]
    assert "Heart rate" in result.text


def test_a_collected_column_of_always_and_never_answers_each_row(tmp_path: Path) -> None:
    page = FRONT + (
        "# Viewer\n\n## What the app sends\n\n| Data | Collected |\n|---|---|\n"
        "| Crash reports | Always |\n| App version | Always |\n| File names | Never |\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Crash reports", "App version"]
    assert never_names(result) == ["File names"]


@pytest.mark.parametrize(
    ("bullet", "name", "section"),
    [
        ("Phone number (providing it is voluntary)", "Phone number", "optional"),
        ("Phone number (voluntary)", "Phone number", "optional"),
        (
            "Email address · Account management · Required",
            "Email address · Account management",
            "required",
        ),
        ("Name · Personalization · Optional", "Name · Personalization", "optional"),
    ],
)
def test_an_items_marker_after_a_dot_or_in_brackets_says_its_requirement(
    tmp_path: Path, bullet: str, name: str, section: str
) -> None:
    page = FRONT + f"# Kit\n\n## Information collected\n\n- Postal code\n- {bullet}\n"
    result = import_page(tmp_path, page)
    assert names_in(result, section) == [name]


@pytest.mark.parametrize(
    ("table", "required", "optional"),
    [
        (
            "| Data | Required to use the service |\n|---|---|\n| Email | ✔ |\n| Avatar | ✘ |\n",
            ["Email"],
            ["Avatar"],
        ),
        (
            "| Field | Required |\n|---|---|\n| Email | true |\n| Nickname | false |\n",
            ["Email"],
            ["Nickname"],
        ),
    ],
)
def test_a_required_column_of_marks_or_booleans(
    tmp_path: Path, table: str, required: list[str], optional: list[str]
) -> None:
    result = import_page(tmp_path, FRONT + f"# Kit\n\n## Data we collect\n\n{table}")
    assert names_in(result, "required") == required
    assert names_in(result, "optional") == optional


def test_an_item_collected_only_if_the_reader_turns_something_on_is_optional(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Kit\n\n## Data we collect\n\n- Your email address\n"
        "- Your phone number, only if you turn on SMS alerts\n"
        "- Payment card details, only if you add a card to your wallet\n"
    )
    result = import_page(tmp_path, page)
    assert names_in(result, "collected") == ["Your email address"]
    assert names_in(result, "optional") == ["Your phone number", "Payment card details"]


def test_words_over_a_table_that_is_no_data_under_a_deeper_heading_are_kept(
    tmp_path: Path,
) -> None:
    # A heading two levels under the data heading, over words and a table of purposes: no item
    # comes to its group, and its words (which it took as the group's intro) stay, as text.
    page = FRONT + (
        "# Kit\n\n## Data we collect\n\n### Account data\n\n- Email address\n\n"
        "#### How the table works\n\nThe Services read these for many reasons.\n\n"
        "The table below says more:\n\n| Purpose | Description |\n| --- | --- |\n"
        "| Required | We use them to perform functions |\n"
        "| Analytics | We allow partners to count visits |\n"
    )
    result = import_page(tmp_path, page)
    bodies = [section["body"] for section in result.product.get("sections", [])]
    assert any("The Services read these for many reasons." in body for body in bodies)


@pytest.mark.parametrize("heading", ["Shared event metadata", "Shared properties", "Shared fields"])
def test_fields_every_event_shares_are_data_not_recipients(tmp_path: Path, heading: str) -> None:
    # "Shared" over the fields that most events carry says they are common to the events, not
    # that anyone receives them: the fields are items, and nobody is a recipient.
    page = FRONT + (
        "# Kit\n\n## What we collect\n\n### Install event\n\n- `os`\n- `arch`\n\n"
        f"### {heading}\n\nMost events also carry a few fields:\n\n"
        "| Field | Example | Purpose |\n|---|---|---|\n"
        '| `event_id` | `"uuid"` | Deduplication |\n| `is_ci` | `true` | Filter CI noise |\n'
    )
    result = import_page(tmp_path, page)
    assert result.data_names()[-2:] == ["event_id", "is_ci"]
    assert "sharing" not in result.product


def test_a_heading_of_data_shared_with_others_is_still_sharing() -> None:
    from privacy_pages.importer.classify import Kind, classify_heading

    for heading in ("Shared data", "Data shared with third parties", "Information we share"):
        assert classify_heading(heading) is Kind.SHARING, heading


@pytest.mark.parametrize(
    "bullets",
    [
        "- No analytics services\n- ❌ No advertising networks\n",
        "- The app does not share any data with third parties\n",
        "- We do **not** sell or share personal data.\n",
    ],
)
def test_a_bullet_that_says_no_one_receives_the_data_is_no_recipient(
    tmp_path: Path, bullets: str
) -> None:
    # A recipient named "No analytics services" would say the opposite of the page.
    page = FRONT + (
        "# Kit\n\n## Data we collect\n\n- Email address\n\n"
        f"## Third-party services\n\n{bullets}- Stripe, to process payments\n"
    )
    result = import_page(tmp_path, page)
    recipients = result.product.get("sharing", {}).get("recipients", [])
    assert [r["name"] for r in recipients] == ["Stripe"]
    bodies = "\n".join(section["body"] for section in result.product.get("sections", []))
    for bullet in bullets.splitlines():
        assert bullet in bodies


@pytest.mark.parametrize(
    "lead",
    [
        "This plugin does not send data to any third-party services, including:",
        "Kit does **not** integrate with any third-party services, including:",
        "We keep your data on your device. The app doesn't use third-party services such as:",
    ],
)
def test_a_list_led_by_words_that_no_one_receives_it_has_no_recipients(
    tmp_path: Path, lead: str
) -> None:
    page = FRONT + (
        "# Kit\n\n## Data we collect\n\n- Email address\n\n## Third-party services\n\n"
        f"{lead}\n\n- Analytics services\n- Crash reporting services\n"
    )
    result = import_page(tmp_path, page)
    assert "recipients" not in result.product.get("sharing", {})
    # The services it does not use are no data either: the list stays text, with its lead,
    # in the page's order.
    assert "Analytics services" not in " ".join(never_names(result))
    bodies = "\n".join(section["body"] for section in result.product.get("sections", []))
    assert f"{lead}\n\n- Analytics services\n- Crash reporting services" in bodies
    lines = [piece.line for piece in result.report.free_form]
    assert lines == sorted(lines) and min(lines) > 0


@pytest.mark.parametrize(
    "bullet",
    [
        "Sentry does not receive your name; it receives crash reports",
        "Google Analytics, which never stores your IP address",
    ],
)
def test_a_recipient_that_is_said_not_to_receive_some_data_is_still_one(
    tmp_path: Path, bullet: str
) -> None:
    page = FRONT + (
        "# Kit\n\n## Data we collect\n\n- Email address\n\n## Data sharing\n\n"
        f"- {bullet}\n- Stripe, to process payments\n"
    )
    result = import_page(tmp_path, page)
    names = [r["name"] for r in result.product["sharing"]["recipients"]]
    assert len(names) == 2 and names[1] == "Stripe"
    assert bullet.split()[0] in names[0]


@pytest.mark.parametrize(
    "lead",
    [
        "We don't sell your data; we share it with these providers:",
        "We do not sell your data, and we share it with:",
        "We don't share personal information with third parties except:",
        "These services, not us, receive the data:",
    ],
)
def test_a_lead_that_denies_then_names_who_receives_keeps_them(tmp_path: Path, lead: str) -> None:
    page = FRONT + (
        "# Kit\n\n## Data we collect\n\n- Email address\n\n## Data sharing\n\n"
        f"{lead}\n\n- Firebase, to store your data\n- Authorities, to comply with the law\n"
    )
    result = import_page(tmp_path, page)
    recipients = result.product["sharing"]["recipients"]
    assert [r["name"] for r in recipients] == ["Firebase", "Authorities"]


@pytest.mark.parametrize(
    ("denial", "never"),
    [
        # services, with the services they would be in brackets: no data
        ("No analytics services (Google Analytics, Firebase Analytics, etc.)", []),
        ("No analytics SDKs (Google Analytics or Mixpanel)", []),
        # data, with examples of it in brackets: data
        ("No personal data (name, email)", ["Personal data (name, email)"]),
    ],
)
def test_examples_in_brackets_are_judged_with_the_name_they_follow(
    tmp_path: Path, denial: str, never: list[str]
) -> None:
    """ "No analytics services (Google Analytics, Firebase Analytics, etc.)" denies services,
    not data: the names in brackets are examples of what the name before them says, not data
    names that make the list one of data. The bullet stays text, whole."""
    page = FRONT + (
        "# Kit\n\n## What we collect\n\n- Command name\n\n## Third-party services\n\n"
        "The app does not integrate with any third-party services. This includes:\n\n"
        f"- {denial}\n- No social media integrations\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == never
    if not never:
        assert denial in free_text(result)


@pytest.mark.parametrize(
    ("bullet", "never"),
    [
        # examples after "e.g." or "i.e.": entries of their own, as after a verb
        ("No personal data (e.g. name or email)", ["Personal data", "Name", "Email"]),
        (
            "No identifiers (i.e. device IDs or advertising IDs).",
            ["Identifiers", "Device IDs", "Advertising IDs"],
        ),
        ("No personal data (name, email, etc.)", ["Personal data (name, email, etc.)"]),
    ],
)
def test_an_abbreviation_does_not_end_a_denied_name(
    tmp_path: Path, bullet: str, never: list[str]
) -> None:
    """ "e.g.", "i.e." and an "etc." that closes brackets are no full stops: what a "No ..."
    with no verb denies runs on to its brackets' end, as after a verb ("We do not collect
    personal data (e.g. name or email)."), not "Personal data (e"."""
    page = FRONT + (
        "# Kit\n\n## What we collect\n\n- Command name\n\n## Privacy\n\n"
        f"- {bullet}\n- We never collect your contacts.\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == [*never, "Contacts"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # a word that names no data alone shares the plural noun after it
        ("device or advertising IDs", ["Device IDs", "Advertising IDs"]),
        ("crash or error reports", ["Crash reports", "Error reports"]),
        ("first or last names", ["First names", "Last names"]),
        ("phone or account numbers", ["Phone numbers", "Account numbers"]),
        # a word that names data itself keeps its own name
        ("email or IP addresses", ["Email", "IP addresses"]),
        ("your name or user IDs", ["Name", "User IDs"]),
        ("usage or crash reports", ["Usage", "Crash reports"]),
    ],
)
@pytest.mark.parametrize("denied", [False, True])
def test_a_word_before_a_plural_noun_shares_it_when_it_names_no_data(
    tmp_path: Path, sentence: str, names: list[str], denied: bool
) -> None:
    """ "device or advertising IDs" lists device IDs and advertising IDs: "Device" alone is no
    data, collected or not. A word that names data itself ("email", "name", "usage") is not
    made part of the noun after it ("Email addresses" would be the import's words)."""
    said = "We do not collect" if denied else "We collect"
    page = FRONT + f"# Kit\n\n## Privacy\n\n{said} {sentence}. We never collect your contacts.\n"
    result = import_page(tmp_path, page)
    if denied:
        assert never_names(result) == [*names, "Contacts"]
    else:
        assert result.data_names() == names


@pytest.mark.parametrize(
    "bullet",
    [
        "No third-party services that collect data are integrated",
        "No SDKs which track users are included",
    ],
)
def test_a_denial_whose_subject_holds_a_clause_is_a_sentence_not_a_name(
    tmp_path: Path, bullet: str
) -> None:
    """ "No third-party services that collect data are integrated", under what is never
    collected, is a sentence whose subject holds a clause: it names no data and stays text,
    not a never-collected entry named by the whole sentence. One that names data still gives
    it ("No files that you open are uploaded")."""
    page = FRONT + (
        "# Kit\n\n## What we collect\n\n- Command name\n\n## What we do not collect\n\n"
        f"- {bullet}\n- No files that you open are uploaded\n- Your contacts\n"
    )
    result = import_page(tmp_path, page)
    assert never_names(result) == ["Files that you open", "Your contacts"]
    assert bullet in free_text(result) + str(result.product)


@pytest.mark.parametrize("lead", ["", "Each error event holds two kinds of data:\n\n"])
def test_links_to_the_pages_own_sections_are_no_items(tmp_path: Path, lead: str) -> None:
    """A list whose every bullet only links to a section of the page (a table of contents, or
    "- The [Common fields](#common-fields)") names no data of its own: the data is named under
    the headings the links lead to, and read there. The list and its lead stay text."""
    page = FRONT + (
        "# Kit\n\n## What we collect\n\n- Command name\n- Tool version\n\n"
        f"### Error events\n\n{lead}- The [Common fields](#common-fields).\n"
        "- [Error fields](#error-fields)\n\n#### Error fields\n\n- Error code\n- Stack trace\n\n"
        "### Common fields\n\n- Session ID\n- Operating system\n"
    )
    result = import_page(tmp_path, page)
    names = result.data_names()
    assert not {"Common fields", "The Common fields", "Error fields"} & set(names)
    assert {"Command name", "Error code", "Stack trace", "Session ID"} <= set(names)
    assert "Common fields" in free_text(result)
    assert lead.strip() in free_text(result)


@pytest.mark.parametrize(
    "lead",
    [
        "We only pass on your personal data to third parties if:",
        "We may share information about you if we believe that sharing is necessary to:",
        "We disclose data for the following purposes:",
    ],
)
def test_a_list_of_when_or_why_data_is_passed_on_names_no_recipients(
    tmp_path: Path, lead: str
) -> None:
    """ "We only pass on your data to third parties if:" leads conditions, "necessary to:"
    purposes: "you have given your consent", "comply with applicable law" are no recipients.
    The list stays text, with its lead, in the page's order; a list of parties in the same
    section still gives its recipients."""
    page = FRONT + (
        "# Kit\n\n## Data we collect\n\n- Email address\n\n## Data sharing\n\n"
        f"{lead}\n\n- you have given your explicit consent\n- comply with applicable law\n\n"
        "We use these processors:\n\n- Stripe, to process payments\n"
    )
    result = import_page(tmp_path, page)
    names = [r["name"] for r in result.product["sharing"]["recipients"]]
    assert names == ["Stripe"]
    bodies = "\n".join(section["body"] for section in result.product.get("sections", []))
    assert f"{lead}\n\n- you have given your explicit consent\n- comply with applicable law" in (
        bodies
    )


def test_labels_that_describe_one_party_under_its_heading_list_no_recipients(
    tmp_path: Path,
) -> None:
    """Under "### ONNX Runtime", "- **Purpose**: Inference", "- **License**: MIT" say what one
    library is: "Purpose" and "License" are no recipients. The heading and its list stay text,
    in the page's order, after the words that lead them."""
    page = FRONT + (
        "# Kit\n\n## Data we collect\n\n- Email address\n\n## Third-party services\n\n"
        "Kit uses the following libraries:\n\n### ONNX Runtime\n\n- **Purpose**: Inference\n"
        "- **License**: MIT\n- **Data Collection**: None\n\n### Vosk\n\n"
        "- **Purpose**: Speech recognition\n- **License**: Apache-2.0\n"
    )
    result = import_page(tmp_path, page)
    assert "recipients" not in result.product.get("sharing", {})
    text = free_text(result)
    assert text.index("Kit uses the following libraries:") < text.index("ONNX Runtime")
    assert text.index("ONNX Runtime") < text.index("**License**: MIT") < text.index("Vosk")


def test_a_list_of_the_data_a_party_takes_names_no_recipients(tmp_path: Path) -> None:
    """Under "Third party services", "Matomo collects the following anonymised data:" leads
    data, not parties: "anonymised IP address" is no recipient. The list stays text."""
    page = FRONT + (
        "# Kit\n\n## Data we collect\n\n- Email address\n\n## Third party services\n\n"
        "We use Matomo to analyse the use of our website.\n\n"
        "Matomo collects the following anonymised data:\n\n- anonymised IP address\n"
        "- pages accessed\n- browser type and version\n"
    )
    result = import_page(tmp_path, page)
    assert "recipients" not in result.product.get("sharing", {})
    assert "- anonymised IP address\n- pages accessed" in free_text(result)


@pytest.mark.parametrize(
    "label",
    ["Legal Requirements", "Business Transfers", "With your consent", "Anonymized Analytics"],
)
def test_a_case_in_which_data_is_passed_on_is_no_recipient(tmp_path: Path, label: str) -> None:
    """ "We do not transfer your data to third parties, except:" over "**Service Providers**:
    ..." and "**Legal Requirements**: When required by law": the first names who receives the
    data, the second when. Only the first is a recipient; the case stays text."""
    page = FRONT + (
        "# Kit\n\n## Data we collect\n\n- Email address\n\n## Data sharing\n\n"
        "We do not sell or transfer your personal information to third parties, except:\n\n"
        "- **Service Providers**: services that help us run the app\n"
        f"- **{label}**: when the case arises\n"
    )
    result = import_page(tmp_path, page)
    names = [r["name"] for r in result.product["sharing"]["recipients"]]
    assert names == ["Service Providers"]
    assert f"**{label}**: when the case arises" in free_text(result)


def test_a_party_named_after_the_law_is_still_a_recipient(tmp_path: Path) -> None:
    """ "**Law Enforcement**: when required by law" names who receives the data."""
    page = FRONT + (
        "# Kit\n\n## Data we collect\n\n- Email address\n\n## Data sharing\n\n"
        "We share your information with:\n\n- **Service Providers**: to run the app\n"
        "- **Law Enforcement**: when required by law\n"
    )
    result = import_page(tmp_path, page)
    names = [r["name"] for r in result.product["sharing"]["recipients"]]
    assert names == ["Service Providers", "Law Enforcement"]


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Web search queries sent to Bing don't affect your ads.", ["Bing"]),
        ("Queries sent to the Bing service have the user identifiers removed.", ["Bing service"]),
        (
            "Information sent to Contoso due to your use of the app is stored in the US.",
            ["Contoso"],
        ),
        ("Your data will be shared with third parties without delay.", ["third parties"]),
        ("Crash reports are sent to Sentry, which stores them for 30 days.", ["Sentry"]),
    ],
)
def test_a_recipients_name_ends_where_the_next_clause_starts(sentence: str, who: list[str]) -> None:
    """In "queries sent to Bing don't affect ...", "Bing" is who receives them: the verb after
    it ("don't", "have", "is") starts the clause whose subject the words were, and "due to",
    "without" say why or how, not who."""
    assert recipients_in(sentence) == who


def test_a_sentence_in_a_list_of_recipients_gives_who_it_sends_the_data_to(
    tmp_path: Path,
) -> None:
    """ "- Chat history may be sent to [DeepSeek API](...) to provide responses." is a sentence:
    its recipient is "DeepSeek API", with the sentence as what it receives and why, not a
    recipient named by the whole sentence. A bullet that names its party stays as it was."""
    bullet = "Chat history may be sent to [DeepSeek API](https://example.com/p) to answer you."
    page = FRONT + (
        "# Kit\n\n## Data we collect\n\n- Chat history\n\n## Data sharing\n\n"
        f"- {bullet}\n- Stripe, to process payments\n"
    )
    result = import_page(tmp_path, page)
    recipients = result.product["sharing"]["recipients"]
    assert [r["name"] for r in recipients] == ["DeepSeek API", "Stripe"]
    assert recipients[0]["purpose"] == bullet


@pytest.mark.parametrize(
    "bullet",
    [
        "[Wikimedia Foundation privacy policy](https://example.org/privacy)",
        "[Wikimedia Foundation's Privacy Policy](https://example.org/privacy)",
        "Wikimedia Foundation Privacy Statement",
    ],
)
def test_a_recipient_named_by_its_privacy_policy_is_its_party(tmp_path: Path, bullet: str) -> None:
    """A sharing list of links to the policies of those who receive the data names each party
    by its document ("Wikimedia Foundation privacy policy"): the recipient is the party."""
    page = FRONT + (
        "# Kit\n\n## Data we collect\n\n- Email address\n\n## Third-party services\n\n"
        f"Information may be sent to these services:\n\n- {bullet}\n- Stripe, to take payments\n"
    )
    result = import_page(tmp_path, page)
    names = [r["name"] for r in result.product["sharing"]["recipients"]]
    assert names == ["Wikimedia Foundation", "Stripe"]
