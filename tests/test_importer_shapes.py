"""``privacy-pages import`` on pages it has never seen: data items recognized by their shape.

Telemetry and privacy pages of other authors put their data under headings no rule knows
("## What?", "## Events", "## Crash telemetry"). Each test here writes a small page in one such
shape, imports it into an empty content folder, and checks the records and the report: the
expected values are written from reading the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from privacy_pages.load.content import load_content
from privacy_pages.render.product_page import render_product
from privacy_pages.settings import Settings
from test_importer import DATA_SECTIONS, FRONT, RULES, Imported, import_page

#: For :func:`groups`: the groups of every data section (required, optional, collected), for
#: tests of a page's shapes rather than of what it says about requirements.
ANY = "any data section"


def groups(result: Imported, section: str = "required") -> list[dict[str, Any]]:
    if section == ANY:
        return [
            group
            for name in DATA_SECTIONS
            for group in result.product.get(name, {}).get("groups", [])
        ]
    return list(result.product[section]["groups"])


def titles(result: Imported, section: str = "required") -> list[str]:
    """Each group's heading: its title, else the name of its (new) category."""
    names = {str(c["id"]): str(c["name"]) for c in result.categories}
    return [g.get("title") or names[g["category"]] for g in groups(result, section)]


def rendered(result: Imported) -> str:
    """The Markdown of the imported product's page."""
    dataset, problems = load_content(result.content, RULES)
    assert not problems.errors
    settings = Settings(content_dir=result.content)
    [product] = dataset.products.values()
    return render_product(product, dataset, settings).markdown


def free_lines(result: Imported) -> list[tuple[int, int]]:
    return [(f.line, f.end_line) for f in result.report.free_form]


# -- tables --------------------------------------------------------------------------------------


def test_field_description_tables_under_event_headings_are_groups(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n"
        "## Events\n\n"
        "### command\n\n"
        "Sent when a command finishes.\n\n"
        "| Field | Description |\n| --- | --- |\n"
        "| command | The command's name |\n"
        "| duration | How long it ran, in milliseconds |\n\n"
        "### crash\n\n"
        "| Property | Why we collect it |\n| --- | --- |\n"
        "| exception type | To group crashes |\n"
    )
    result = import_page(tmp_path, page)
    first, second = groups(result, ANY)
    assert first["title"] == "Events: command"
    assert first["intro"] == "Sent when a command finishes."
    assert result.data_names() == ["command", "duration", "exception type"]
    assert result.data_item("duration")["description"] == "How long it ran, in milliseconds"
    assert second["title"] == "Events: crash"
    assert result.data_item("exception type")["purpose"] == "To group crashes"
    assert free_lines(result) == []
    # Rows stay rows: the groups are shown as tables, as the page showed them.
    assert [g.get("layout") for g in groups(result, ANY)] == ["table", "table"]
    markdown = rendered(result)
    assert "| Data | Details |" in markdown
    assert "**duration** | How long it ran, in milliseconds |" in markdown
    assert "**exception type** | Purpose: To group crashes |" in markdown


def test_service_data_sent_used_for_table_keeps_each_row_whole(tmp_path: Path) -> None:
    page = FRONT + (
        "# Suite\n\n## Connected experiences\n\n"
        "| Service | Data sent | Used for |\n|---|---|---|\n"
        "| Translator | Selected text | Translating the text |\n"
        "| Editor | Document text | Spelling suggestions |\n"
        "| | Document language | Choosing the dictionary |\n"
    )
    result = import_page(tmp_path, page)
    assert titles(result, ANY) == ["Connected experiences"]
    assert groups(result, ANY)[0]["layout"] == "table"
    assert result.data_names() == ["Selected text", "Document text", "Document language"]
    translated = result.data_item("Selected text")
    assert translated["purpose"] == "Translating the text"
    assert translated["note"] == "**Service:** Translator"  # the row's context, with its item
    language = result.data_item("Document language")
    assert language["purpose"] == "Choosing the dictionary"
    assert language["note"] == "**Service:** Editor"  # the blank cell is the one above
    assert free_lines(result) == []
    # One table row per source row, its cells together.
    assert (
        "**Selected text** | Purpose: Translating the text<br>**Service:** Translator |"
        in rendered(result)
    )


def test_columns_in_any_order_without_outer_pipes(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool\n\n## Details\n\n"
        "Description | Data element\n--- | ---\n"
        "The machine's architecture | CPU architecture\n"
        "The OS and its version | Operating system\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["CPU architecture", "Operating system"]
    assert result.data_item("CPU architecture")["description"] == "The machine's architecture"
    assert free_lines(result) == []


def test_html_table_under_an_unknown_heading(tmp_path: Path) -> None:
    page = FRONT + (
        "# Site\n\n## Cookies\n\n"
        "<table>\n<tr><th>Name</th><th>Purpose</th></tr>\n"
        "<tr><td>Session ID</td><td>Keeps you signed in</td></tr>\n"
        "<tr><td>Language</td><td>Shows the site in your language</td></tr>\n"
        "</table>\n"
    )
    result = import_page(tmp_path, page)
    assert titles(result, ANY) == ["Cookies"]
    assert result.data_names() == ["Session ID", "Language"]
    assert result.data_item("Language")["purpose"] == "Shows the site in your language"
    assert free_lines(result) == []


def test_required_column_sends_items_to_required_and_optional(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool\n\n## Crash reports\n\n"
        "| Name | Required | Description |\n| --- | --- | --- |\n"
        "| errorType | Yes | The kind of error |\n"
        "| stack | No | The stack trace, with paths removed |\n"
    )
    result = import_page(tmp_path, page)
    assert result.names() == ["errorType"]
    assert result.names("optional") == ["stack"]
    assert titles(result, "optional") == ["Crash reports"]
    assert groups(result, "optional")[0]["kind"] == "diagnostic"
    assert "collected" not in result.product
    # Each decision is in the report, with what made it: the row's Required cell.
    decisions = {r.line: r.message for r in result.report.reviews if r.topic == "requirement"}
    assert sorted(decisions) == [13, 14]
    assert "marks it required" in decisions[13] and "marks it optional" in decisions[14]


def test_a_two_column_table_of_other_things_stays_free_form(tmp_path: Path) -> None:
    page = FRONT + "# Tool\n\n## Contact\n\n| Region | Address |\n|---|---|\n| EU | Dublin |\n"
    result = import_page(tmp_path, page)
    assert result.data_items() == []
    assert free_lines(result) == [(11, 13)]


# -- bullet lists --------------------------------------------------------------------------------


def test_list_after_a_data_lead_under_an_unknown_heading(tmp_path: Path) -> None:
    page = FRONT + (
        "# Brew analytics\n\n## What?\n\n"
        "Our analytics record the following information for every event:\n\n"
        "- Whether the data is being sent from CI, e.g. `true` if CI is set.\n"
        "- Your CPU's architecture, e.g. `x86_64`.\n"
        "- The version of the tool\n"
    )
    result = import_page(tmp_path, page)
    [group] = groups(result, ANY)
    assert titles(result, ANY) == ["What?"]
    assert group["intro"] == "Our analytics record the following information for every event:"
    assert len(result.data_names()) == 3
    assert result.data_names()[1] == "Your CPU's architecture"
    assert free_lines(result) == []


def test_statements_after_a_data_lead_stay_text(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool\n\n## Behavior\n\n"
        "The tool sends what it collects as follows:\n\n"
        "- The tool sends each event when the command ends.\n"
        "- It uses a background process and fails silently.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_items() == []
    assert free_lines(result) == [(11, 11), (13, 14)]


def test_bold_lead_ins_are_items_with_markers_and_conditions(tmp_path: Path) -> None:
    page = FRONT + (
        "# Notes app\n\n## Your account\n\n"
        "- **Name**: your first and last name\n"
        "- **Email address** - used to sign in\n"
        "- **Phone number** (optional): for two-factor authentication\n"
        "- **Crash reports**: Optional. Sent only when you choose to send them\n"
    )
    result = import_page(tmp_path, page)
    # Each marker speaks for its own item: the unmarked items' requirement is not stated.
    assert result.names("collected") == ["Name", "Email address"]
    assert result.item("Email address", "collected")["description"] == "used to sign in"
    assert "layout" not in groups(result, "collected")[0]  # bullets stay a list
    assert result.names("optional") == ["Phone number", "Crash reports"]
    phone = result.item("Phone number", "optional")
    assert phone["description"] == "for two-factor authentication"
    assert free_lines(result) == []


def test_a_bullet_that_lists_several_items_gives_several_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# Site\n\n## Data we collect\n\n"
        "- IP address, domain, sub-domain\n"
        "- Browser type and version\n"
        "- Pages you visit, when you are signed in\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == [
        "IP address",
        "domain",
        "sub-domain",
        "Browser type and version",
        "Pages you visit",
    ]
    assert result.data_item("Pages you visit")["condition"] == "when you are signed in"


def test_bold_lead_in_paragraphs_are_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# Mail app\n\n## Crash reports\n\n"
        "If the app crashes, we ask you to send a report.\n\n"
        "__Webpage data__: Crash reports include any active URLs at time of crash.\n\n"
        "**Add-on data**: Crash reports include a list of the add-ons you were using.\n\n"
        "**Email address**: If you choose, crash reports include your email address.\n"
    )
    result = import_page(tmp_path, page)
    # "If you choose" is the email address's own condition: optional, that item alone; the
    # page says nothing of the others' requirement.
    assert result.names("optional") == ["Email address"]
    assert result.names("collected") == ["Webpage data", "Add-on data"]
    assert result.data_item("Webpage data")["description"] == (
        "Crash reports include any active URLs at time of crash."
    )
    # Each paragraph's words stay with its own item: no other item holds the email sentence.
    for name in ("Webpage data", "Add-on data"):
        assert "email address" not in str(result.data_item(name)), name
    assert free_lines(result) == []


def test_a_single_bold_paragraph_stays_text(tmp_path: Path) -> None:
    page = FRONT + "# App\n\n## Contact\n\n**Address**: 1 Main Street, Springfield.\n"
    result = import_page(tmp_path, page)
    assert result.data_items() == []
    assert free_lines(result) == [(11, 11)]


# -- tables and lists outside any data section ----------------------------------------------------


def test_command_data_table_in_the_introduction(tmp_path: Path) -> None:
    page = FRONT + (
        "# odo usage data\n\n"
        "odo collects the following data for each command.\n\n"
        "| Command | Data |\n| --- | --- |\n"
        "| odo init | Component type, devfile name, language |\n"
        "| odo deploy | Component type |\n"
    )
    result = import_page(tmp_path, page)
    # A cell that only lists names, with only its command beside it: one item per name, each
    # with the commands it is sent for (an item sent for two commands is one item).
    assert result.data_names() == ["Component type", "devfile name", "language"]
    items = [i for g in groups(result, ANY) for i in g["items"]]
    assert [i.get("note") for i in items] == [
        "**Command:** odo init\n\n**Command:** odo deploy",
        "**Command:** odo init",
        "**Command:** odo init",
    ]
    assert free_lines(result) == []


def test_lists_under_a_lead_that_names_their_kind(tmp_path: Path) -> None:
    page = FRONT + (
        "# Mail app\n\n## Use of OAuth information\n\n"
        "OAuth lets the app reach your mail without your password.\n\n"
        "Data protection on your device:\n\n"
        "- Login credentials are not stored on your device.\n"
        "- Tokens are kept in the secure key storage.\n\n"
        "Retention and deletion:\n\n"
        "- OAuth tokens are deleted within 24 hours after you remove the account.\n"
    )
    result = import_page(tmp_path, page)
    access = result.product["access"]
    assert access["intro"] == "Data protection on your device:"
    assert access["protections"] == [
        "Login credentials are not stored on your device.",
        "Tokens are kept in the secure key storage.",
    ]
    [rule] = result.product["storage"]["retention"]
    assert rule == {
        "data": "OAuth tokens",
        "period": "within 24 hours after you remove the account",
    }
    assert result.product["storage"]["retention_note"].startswith("Retention and deletion:")
    # The paragraph before them is kept as free-form text, with its line.
    assert free_lines(result) == [(11, 11)]


def test_related_links_with_descriptions_are_what_to_read_next(tmp_path: Path) -> None:
    page = FRONT + (
        "# Editor\n\n## Data we collect\n\n- Session ID\n\n## Related resources\n\n"
        "* [Editor FAQ](https://example.com/faq) - Answers to common questions.\n"
        "* [Settings](https://example.com/settings) - Options you can change.\n"
    )
    result = import_page(tmp_path, page)
    assert result.product["next_steps"] == (
        "- [Editor FAQ](https://example.com/faq) - Answers to common questions.\n"
        "- [Settings](https://example.com/settings) - Options you can change."
    )
    assert free_lines(result) == []


# -- recipients and controls ----------------------------------------------------------------------


def test_recipients_from_a_sharing_section_and_a_sharing_lead(tmp_path: Path) -> None:
    page = FRONT + (
        "# Notes app\n\n## Data we collect\n\n- Email address\n\n"
        "## Sharing\n\n"
        "We share personal data with the following third parties:\n\n"
        "- Payment processors, to process payments\n"
        "- **Cloud hosting providers**: to store your notes\n"
        "- Contoso Analytics\n"
        "- Microsoft Defender for Cloud Apps\n"
    )
    result = import_page(tmp_path, page)
    sharing = result.product["sharing"]
    assert sharing["intro"] == "We share personal data with the following third parties:"
    assert sharing["recipients"] == [
        {"name": "Payment processors", "purpose": "to process payments"},
        {"name": "Cloud hosting providers", "purpose": "to store your notes"},
        {"name": "Contoso Analytics"},
        {"name": "Microsoft Defender for Cloud Apps"},  # "for" without a comma: its name
    ]
    assert "data-use" not in result.product.get("empty_sections", {})
    assert free_lines(result) == []
    markdown = rendered(result)
    assert "### Who receives the data" in markdown
    assert "| Payment processors | to process payments |" in markdown


def test_a_subprocessor_table_gives_recipients_not_data_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# Service\n\n## Data we collect\n\n- Email address\n\n"
        "## Third party subprocessors\n\n"
        "| Name of subprocessor | Description of processing | Location |\n|---|---|---|\n"
        "| Contoso Mail | Transactional email | United States |\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Email address"]
    assert result.product["sharing"]["recipients"] == [
        {
            "name": "Contoso Mail",
            "purpose": "**Description of processing:** Transactional email; "
            "**Location:** United States",
        }
    ]


def test_opting_out_section_gives_the_product_controls(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## Data points\n\n- The command being run\n\n"
        "## Opting out\n\n"
        "You can turn telemetry off in any of these ways:\n\n"
        "- Set the `TOOL_TELEMETRY_OPTOUT` environment variable to `1`.\n"
        "- Run `tool telemetry disable`.\n\n"
        "If you use a config file, add this line:\n\n"
        '```json\n"telemetry": false\n```\n'
    )
    result = import_page(tmp_path, page)
    controls = result.product["controls"]
    assert controls["intro"] == "You can turn telemetry off in any of these ways:"
    assert controls["options"] == [
        "Set the `TOOL_TELEMETRY_OPTOUT` environment variable to `1`.",
        "Run `tool telemetry disable`.",
        'If you use a config file, add this line:\n\n```json\n"telemetry": false\n```',
    ]
    assert "your-rights" not in result.product.get("empty_sections", {})
    assert free_lines(result) == []
    markdown = rendered(result)
    assert "### Turning collection off" in markdown
    assert "- Run <code>tool telemetry disable</code>." in markdown


def test_a_disable_heading_under_the_data_is_controls(tmp_path: Path) -> None:
    page = FRONT + (
        "# Shell telemetry\n\n## Telemetry data\n\n- OS name\n- Shell version\n\n"
        "### Disable telemetry\n\n"
        "- On all platforms, set the environment variable `SHELL_TELEMETRY_OPTOUT` to `1`.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["OS name", "Shell version"]
    assert result.product["controls"]["options"] == [
        "On all platforms, set the environment variable `SHELL_TELEMETRY_OPTOUT` to `1`."
    ]


def test_importing_the_same_page_twice_changes_nothing(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool\n\n## Events\n\n| Field | Description |\n|---|---|\n| command | The command |\n\n"
        "## Opting out\n\n- Set `TOOL_OPTOUT=1`.\n\n## Sharing\n\nShared with:\n\n- Contoso\n"
    )
    first = import_page(tmp_path, page)
    second = import_page(tmp_path, page)
    assert second.text == first.text
    assert second.report.unchanged


def test_purposes_and_named_rights(tmp_path: Path) -> None:
    page = FRONT + (
        "# Site\n\n## Data we collect\n\n- Email address\n\n"
        "## How we use your information\n\n"
        "We use the information to:\n\n"
        "- Provide and improve the service\n"
        "- Send you service notices\n\n"
        "## Your privacy rights\n\n"
        "Depending on where you live, you may have these rights:\n\n"
        "* The right to access the data collected about you\n"
        "* The right to object to processing\n"
    )
    result = import_page(tmp_path, page)
    assert result.product["purposes"] == {
        "intro": "We use the information to:",
        "items": ["Provide and improve the service", "Send you service notices"],
    }
    rights = result.product["rights"]
    assert rights["intro"] == "Depending on where you live, you may have these rights:"
    assert rights["rights"] == [
        "The right to access the data collected about you",
        "The right to object to processing",
    ]
    assert free_lines(result) == []
    markdown = rendered(result)
    assert "### Purposes" in markdown
    assert "- The right to object to processing" in markdown


def test_configuring_analytics_is_controls_and_its_table_of_commands_settings(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# CLI analytics\n\n## Data collected\n\n"
        "| Dimension | Description |\n|:---|:---|\n| OS | The user's operating system |\n\n"
        "## Configuring usage analytics\n\n"
        "Configure usage analytics with the `cli analytics` command.\n\n"
        "| Command | Description |\n|:---|:---|\n| `cli analytics disable` | Disables analytics |\n\n"
        "### Environment variables\n\nFor CI, set `CLI_ANALYTICS=false`.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["OS"]
    assert result.product["controls"]["options"] == [
        "Configure usage analytics with the `cli analytics` command.",
        "For CI, set `CLI_ANALYTICS=false`.",
    ]
    # What the options name, then each command of the table with what it does.
    assert result.product["controls"]["settings"] == [
        {"name": "cli analytics", "kind": "command"},
        {"name": "CLI_ANALYTICS", "kind": "environment-variable"},
        {"name": "cli analytics disable", "kind": "command", "description": "Disables analytics"},
    ]
    assert free_lines(result) == []
    markdown = rendered(result)
    assert "| cli analytics disable | command | Disables analytics |" in markdown


def test_regions_under_a_storage_lead_in_any_section(tmp_path: Path) -> None:
    page = FRONT + (
        "# Service\n\n## Data we collect\n\n- Email address\n\n## Details\n\n"
        "Data is stored in datacenters in the following regions:\n\n"
        "- United States\n- European Union\n- Australia\n"
    )
    result = import_page(tmp_path, page)
    storage = result.product["storage"]
    assert storage["locations"] == ["United States", "European Union", "Australia"]
    assert storage["location_note"] == "Data is stored in datacenters in the following regions:"
    assert free_lines(result) == []


def test_importing_again_keeps_an_item_named_like_one_of_the_pages_groups(
    tmp_path: Path,
) -> None:
    """The first import makes a category 'Location' (a group of the page) and an item
    'Location' (a bullet of another group); the second must not read the bullet as the
    heading of that category."""
    page = FRONT + (
        "# App\n\n## Required data\n\n### Location\n\n- GPS position\n\n"
        "## Optional data\n\n### Usage data\n\n- Location\n- Session length\n"
    )
    first = import_page(tmp_path, page)
    assert first.names("optional") == ["Location", "Session length"]
    second = import_page(tmp_path, page)
    assert second.text == first.text


def test_a_listing_bullet_the_catalog_has_whole_stays_one_item(tmp_path: Path) -> None:
    page = FRONT + "# App\n\n## Data we collect\n\n- IP address, domain, sub-domain\n"
    first = import_page(tmp_path, page)
    assert first.data_names() == ["IP address", "domain", "sub-domain"]
    catalog = tmp_path / "content" / "catalog" / "imported.yml"
    catalog.write_text(
        catalog.read_text("utf-8")
        + "  - id: app-cpu-network\n    name: App, CPU, and network usage\n"
        + "    category: data-collected\n",
        "utf-8",
    )
    other = FRONT + "# Other app\n\n## Data we collect\n\n- App, CPU, and network usage\n"
    second = import_page(tmp_path, other, name="other.md")
    assert [i["ref"] for i in second.data_items()] == ["app-cpu-network"]


def test_retention_periods_in_the_pages_words(tmp_path: Path) -> None:
    page = FRONT + (
        "# Service\n\n## Data we collect\n\n- Email address\n\n## How long we keep data\n\n"
        "Crash dumps are deleted within 30 days. Account data is kept for up to one year. "
        "Session logs are retained for 24 hours. Analytics events are stored for 25 months.\n"
    )
    result = import_page(tmp_path, page)
    assert [(r["data"], r["period"]) for r in result.product["storage"]["retention"]] == [
        ("Crash dumps", "within 30 days"),
        ("Account data", "up to one year"),
        ("Session logs", "24 hours"),
        ("Analytics events", "25 months"),
    ]


def test_a_storage_lead_and_its_cases_are_the_location_note(tmp_path: Path) -> None:
    page = FRONT + (
        "# Service\n\n## Data we collect\n\n- Email address\n\n## Data location\n\n"
        "The service won't store customer data outside the stated geo, except if:\n\n"
        "- Support needs it.\n"
        "- The customer turns on features such as:\n"
        "  - A global content delivery network.\n"
    )
    result = import_page(tmp_path, page)
    assert result.product["storage"]["location_note"] == (
        "The service won't store customer data outside the stated geo, except if:\n\n"
        "- Support needs it.\n"
        "- The customer turns on features such as:\n"
        "- A global content delivery network."
    )
    assert free_lines(result) == []


# -- names are short noun phrases -----------------------------------------------------------------


def test_a_bullet_with_a_second_sentence_names_its_item_by_the_first(tmp_path: Path) -> None:
    page = FRONT + (
        "# Site builder telemetry\n\n## What we collect\n\n"
        "We collect the following data:\n\n"
        "- Machine ID. This is generated with UUID and stored in the global config.\n"
        "- General OS level information (operating system, version, CPU architecture, and "
        "whether the command is run inside a CI)\n"
        "- Project files under the site folder that are created and changed by plugins of the "
        "site builder on a build\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == [
        "Machine ID",
        "General OS level information",
        "Project files under the site folder",
    ]
    assert result.data_item("Machine ID")["description"] == (
        "This is generated with UUID and stored in the global config."
    )
    assert result.data_item("General OS level information")["description"] == (
        "(operating system, version, CPU architecture, and whether the command is run inside a CI)"
    )
    assert result.data_item("Project files under the site folder")["description"] == (
        "that are created and changed by plugins of the site builder on a build"
    )
    assert free_lines(result) == []
    # The page still reads as the bullet did.
    markdown = rendered(result)
    assert "Machine ID" in markdown and "stored in the global config" in markdown


def test_a_one_line_code_span_is_no_open_code_block(tmp_path: Path) -> None:
    """```cmd``` on one line is inline code (CommonMark): the heading after it stays one."""
    page = FRONT + (
        "# Package manager privacy\n\n## Data collected\n\n- The command line used\n\n"
        "## How to opt out\n\n"
        "Re-run the bootstrap script with the following flag:\n\n"
        "```PS> .\\bootstrap.bat -disableMetrics```\n\n"
        "## Disclosure\n\n"
        "The tool prints a notice when you build it.\n"
    )
    result = import_page(tmp_path, page)
    options = result.product["controls"]["options"]
    assert options == ["```PS> .\\bootstrap.bat -disableMetrics```"]
    assert result.product["controls"]["intro"] == (
        "Re-run the bootstrap script with the following flag:"
    )
    [section] = result.product["sections"]
    assert section["title"] == "Disclosure"
    assert section["body"] == "The tool prints a notice when you build it."


def test_a_recipient_named_before_a_long_colon_lead(tmp_path: Path) -> None:
    page = FRONT + (
        "# Code host\n\n## Data we collect\n\n- Email address\n\n## Sharing\n\n"
        "We may share Personal Data with the following recipients:\n\n"
        "- Partners of the Services we offer together: we share with them what a joint offering "
        "needs to work for you and for them.\n"
    )
    result = import_page(tmp_path, page)
    assert result.product["sharing"]["recipients"] == [
        {
            "name": "Partners of the Services we offer together",
            "purpose": "we share with them what a joint offering needs to work for you and for "
            "them.",
        }
    ]


# -- scope, and what the controls name ------------------------------------------------------------


def test_lists_of_commands_that_send_data_or_not_are_the_scope(tmp_path: Path) -> None:
    page = FRONT + (
        "# Contoso CLI telemetry\n\n"
        "## Scope\n\n"
        "The `contoso` host starts apps and the tools.\n\n"
        "Host commands (telemetry is not collected):\n\n"
        "- `contoso`\n- `contoso [path-to-app]`\n\n"
        "Tool commands that send telemetry, such as:\n\n"
        "- `contoso build`\n- `contoso test`\n\n"
        "## Data points\n\n"
        "The tools collect the following data:\n\n"
        "- The command being used\n- The exit code of the command\n"
    )
    result = import_page(tmp_path, page)
    assert result.product["scope"] == {
        "lists": [
            {
                "intro": "Host commands (telemetry is not collected):",
                "sends_data": False,
                "entries": ["`contoso`", "`contoso [path-to-app]`"],
            },
            {
                "intro": "Tool commands that send telemetry, such as:",
                "sends_data": True,
                "entries": ["`contoso build`", "`contoso test`"],
            },
        ]
    }
    assert result.data_names() == ["The command being used", "The exit code of the command"]
    # Only the sentence that is no list stays free-form.
    assert [f.text for f in result.report.free_form] == [
        "The `contoso` host starts apps and the tools."
    ]
    markdown = rendered(result)
    assert "### When data is collected" in markdown
    assert "- <code>contoso build</code>" in markdown


def test_a_table_of_a_settings_values_in_a_controls_section(tmp_path: Path) -> None:
    page = FRONT + (
        "# Editor telemetry\n\n## Data collected\n\n- Crash reports\n- Usage data\n\n"
        "## Disable telemetry reporting\n\n"
        "Each value of the `setting(editor.telemetryLevel)` setting sends this data:\n\n"
        "| | Crash reports | Usage data |\n|:--|:--:|:--:|\n"
        "| all | ✓ | ✓ |\n| crash | ✓ | - |\n| off | - | - |\n\n"
        "If you use the JSON editor for your settings, add the following line:\n\n"
        '```json\n"editor.telemetryLevel": "off"\n```\n'
    )
    result = import_page(tmp_path, page)
    controls = result.product["controls"]
    assert controls["settings"] == [
        {
            "name": "editor.telemetryLevel",
            "kind": "setting",
            "values": [
                {"value": "all", "effect": "**Crash reports:** ✓; **Usage data:** ✓"},
                {"value": "crash", "effect": "**Crash reports:** ✓; **Usage data:** -"},
                {"value": "off", "effect": "**Crash reports:** -; **Usage data:** -"},
            ],
        }
    ]
    assert controls["options"] == [
        "If you use the JSON editor for your settings, add the following line:\n\n"
        '```json\n"editor.telemetryLevel": "off"\n```'
    ]
    assert free_lines(result) == []
    markdown = rendered(result)
    assert "| editor.telemetryLevel | setting |  |" in markdown
    assert "| off | **Crash reports:** -; **Usage data:** - |" in markdown


def test_what_opt_out_options_name_becomes_settings(tmp_path: Path) -> None:
    page = FRONT + (
        "# Package manager analytics\n\n## What is collected\n\n- The command name\n\n"
        "## Opting out\n\n"
        "Disable analytics persistently with:\n\n```sh\n$ pkg analytics off\n```\n\n"
        "Or set `export PKG_NO_ANALYTICS=1`, or pass `--no-analytics` to any command.\n"
    )
    result = import_page(tmp_path, page)
    assert result.product["controls"]["settings"] == [
        {"name": "pkg analytics off", "kind": "command"},
        {"name": "PKG_NO_ANALYTICS", "kind": "environment-variable"},
        {"name": "--no-analytics", "kind": "flag"},
    ]


def test_an_opt_out_sentence_anywhere_names_its_variable(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tools telemetry\n\n## Data points\n\n- The command being used\n\n"
        "## Behavior\n\n"
        "Telemetry is on by default. You can opt out by setting the environment variable "
        "TOOLS_TELEMETRY_OPTOUT to true. Builds read TOOLS_HOME as usual.\n"
    )
    result = import_page(tmp_path, page)
    # The sentence stays where it was; the variable it names is a setting of the controls.
    assert result.product["controls"] == {
        "settings": [{"name": "TOOLS_TELEMETRY_OPTOUT", "kind": "environment-variable"}]
    }
    [section] = result.product["sections"]
    assert "You can opt out by setting the environment variable" in section["body"]


# -- storage, retention and recipients said in passing -------------------------------------------


def test_facts_in_sentences_under_any_heading_become_fields(tmp_path: Path) -> None:
    page = FRONT + (
        "# Meeting recorder\n\n"
        "The recorder keeps your meetings searchable. Recordings are deleted after 30 days.\n\n"
        "> [!IMPORTANT]\n"
        "> The recorder offers data residency in Australia, Canada and Germany for new "
        "tenants.\n\n"
        "## What we collect\n\n- Meeting audio\n- Participant names\n\n"
        "## Diagnostics\n\n"
        "By default, only required diagnostic data is sent to Contoso. "
        "Transcripts may be shared with our affiliates to provide support.\n"
    )
    result = import_page(tmp_path, page)
    storage = result.product["storage"]
    assert storage["locations"] == ["Australia", "Canada", "Germany"]
    assert storage["retention"] == [{"data": "Recordings", "period": "30 days"}]
    assert result.product["sharing"]["recipients"] == [{"name": "Contoso"}, {"name": "affiliates"}]
    # Each sentence is still on the page, where it was.
    assert "Recordings are deleted after 30 days." in result.product["intro"]
    assert "data residency in Australia" in result.product["notes"][0]["text"]
    [section] = result.product["sections"]
    assert "sent to Contoso" in section["body"] and "shared with our affiliates" in section["body"]


def test_sentences_that_name_no_recipient_add_none(tmp_path: Path) -> None:
    page = FRONT + (
        "# Notes\n\n## What we collect\n\n- Email address\n\n## Other\n\n"
        "We send you a receipt. Crash reports are sent to your administrator by email. "
        "You can send us feedback. Logs are provided to improve Contoso services.\n"
    )
    result = import_page(tmp_path, page)
    assert "sharing" not in result.product


def test_a_list_of_group_policies_is_controls_with_policy_settings(tmp_path: Path) -> None:
    page = FRONT + (
        "# Browser privacy for enterprises\n\n## Overview\n\n"
        "On other platforms, diagnostic data is collected according to the settings of the "
        "following group policies:\n\n"
        "- (DEPRECATED) [MetricsReporting](./policies.md#metricsreporting) - Enable usage "
        "reporting.\n"
        "- **DiagnosticLevel** - Send required and optional diagnostic data.\n\n"
        "## Data collected\n\n- Browser version\n"
    )
    result = import_page(tmp_path, page)
    controls = result.product["controls"]
    assert controls["intro"] == (
        "On other platforms, diagnostic data is collected according to the settings of the "
        "following group policies:"
    )
    assert len(controls["options"]) == 2
    assert controls["settings"] == [
        {"name": "MetricsReporting", "kind": "policy"},
        {"name": "DiagnosticLevel", "kind": "policy"},
    ]
    assert "intro" not in result.product
    assert free_lines(result) == []


def test_tables_of_flags_metrics_or_dimensions_with_a_type_are_item_tables(tmp_path: Path) -> None:
    page = FRONT + (
        "# CLI usage metrics\n\n"
        "The CLI gathers the following.\n\n"
        "## Dimensions\n\n"
        "| Id | Flag | Type |\n|:---:|:---|:---|\n"
        "| 1 | `CPU Count` | `number` |\n"
        "| 5 | `Flag: --style` | `string` |\n\n"
        "## Metrics\n\n"
        "| Id | Metric | Type |\n| --- | --- | --- |\n"
        "| 1 | `Build Time` | `number` |\n"
    )
    result = import_page(tmp_path, page)
    # A colon inside inline code does not split the name from a description.
    assert result.data_names() == ["CPU Count", "Flag: --style", "Build Time"]
    items = [i for g in groups(result, ANY) for i in g["items"]]
    assert [i.get("description") for i in items] == ["`number`", "`string`", "`number`"]
    assert free_lines(result) == []


def test_a_variable_at_the_end_of_a_sentence_is_named_but_not_a_file_name(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tools telemetry\n\n## Data points\n\n- The command being used\n\n"
        "## Behavior\n\n"
        "Telemetry is on by default. To opt out, set TOOLS_TELEMETRY_OPTOUT. "
        "The settings are read from TOOLS_CONFIG.json and DEV_TOOLS.d/ at start.\n"
    )
    result = import_page(tmp_path, page)
    assert result.product["controls"] == {
        "settings": [{"name": "TOOLS_TELEMETRY_OPTOUT", "kind": "environment-variable"}]
    }


def test_each_section_read_is_counted_once(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tools telemetry\n\n## Data we collect\n\n- The command being used\n\n"
        "## Sharing\n\nWe share usage data with:\n\n- Contoso, our analytics provider\n\n"
        "## Your choices\n\n- Run `tools telemetry off` to stop sending data.\n"
    )
    result = import_page(tmp_path, page)
    assert result.product["sharing"] and result.product["controls"]
    read = [s for s in result.report.sections if s.kind != "unknown"]
    assert len(read) == 3
    assert result.report.counts.sections == len(read)


def test_a_sample_column_and_a_table_of_a_fields_values_name_no_data(tmp_path: Path) -> None:
    # "Event Sample" holds what a value looks like ("Hyderabad" is no data the tool takes), and
    # a "Value | Framework" table under a field lists the values that field takes.
    page = FRONT + (
        "# Tool telemetry\n\n## Common data properties\n\n"
        "Name | Description | Event Sample | Exception Sample\n--- | --- | --- | ---\n"
        "`timestamp` | When the event occurred. | `2019-06-21T06:23:05Z` | `2019-06-20T15:16:56Z`\n"
        "`client_City` | Client city from a reverse IP lookup. | `Hyderabad` | `Redmond`\n"
        "`client_Country` | Client country from a reverse IP lookup. | `India` | `Canada`\n\n"
        "### UIFramework values\n\n"
        "Value(s) | Framework\n--- | ---\n"
        "`Avalonia` | Avalonia framework (.NET)\n`Chrome` | Chromium (C++)\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["timestamp", "client_City", "client_Country"]
    kept = "\n".join(f.text for f in result.report.free_form)
    assert "Avalonia framework (.NET)" in kept and "Chromium (C++)" in kept


def test_a_page_whose_text_is_in_its_front_matter(tmp_path: Path) -> None:
    # A Hugo Blox landing page keeps its Markdown in a literal block of its front matter: read
    # as the page's text, with the page's own line numbers.
    page = (
        "---\ntitle: Privacy Policy\ntype: landing\n\nsections:\n  - block: markdown\n"
        "    content:\n      title: Privacy Policy\n      text: |\n"
        "        We care about your privacy.\n\n"
        "        ## Server logs\n"
        "        Your browser sends the following data, which we store in log files:\n"
        "        * IP address\n"
        "        * date and time of access\n"
        "---\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["IP address", "date and time of access"]
    ip = next(m for m in result.report.new_items if m.name == "IP address")
    assert ip.line == page.splitlines().index("        * IP address") + 1
    notes = [r for r in result.report.reviews if "front matter; read as its Markdown" in r.message]
    assert [r.line for r in notes] == [10]
    # ("## Server logs" is a line of the block's text, not a YAML comment left out)
    assert not [r for r in result.report.reviews if "comment not imported" in r.message]


def test_a_column_of_samples_is_data_where_samples_are_the_data(tmp_path: Path) -> None:
    # A research notice collects samples: "Sample" alone, or "Blood sample", names data.
    page = FRONT + (
        "# Study privacy\n\n## Data we collect\n\n"
        "Sample | Retention\n--- | ---\nBlood sample | 10 years\nSaliva sample | 5 years\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Blood sample", "Saliva sample"]


def test_a_text_block_in_a_list_entry_ends_at_its_sibling_keys(tmp_path: Path) -> None:
    page = (
        "---\ntitle: Privacy\nsections:\n  - text: |\n      We collect:\n\n"
        "      * IP address\n      * date and time of access\n"
        "    block: markdown\n    design:\n      columns: '1'\n---\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["IP address", "date and time of access"]


def test_one_heading_per_datum_with_why_it_is_sent(tmp_path: Path) -> None:
    # Grabber's shape: "## What is sent and why", then one heading per datum over the words
    # that say why it is sent. The telemetry can be turned off: each is optional.
    page = FRONT + (
        "# Telemetry\n\n## What is sent and why\n\n"
        "### Screen resolution\n\nTo help improve the UI on small screens.\n\n"
        "### Operating system\n\nTo know which platforms mainly use the program.\n\n"
        "### An event on startup\n\n"
        "To understand when the program is used, and how many active users there are.\n\n"
        "## How to disable telemetry\n\n"
        'The sending of usage data can be disabled in the options: uncheck "Send usage data".\n'
    )
    result = import_page(tmp_path, page)
    assert result.names("optional") == [
        "Screen resolution",
        "Operating system",
        "An event on startup",
    ]
    startup = result.item("An event on startup", "optional")
    # ("To understand when ..." says why: no condition)
    assert "condition" not in startup
    assert startup["description"].startswith("To understand when the program is used")


def test_headings_that_are_not_one_datum_each_stay_categories(tmp_path: Path) -> None:
    # Headings over words that do not say why a datum is sent or what it is, or over a list,
    # are categories as before: no item is made of a heading.
    page = FRONT + (
        "# Telemetry\n\n## What we collect\n\n"
        "### Usage data\n\nWe record the commands you run and their duration.\n\n"
        "### Anonymity\n\nWe never see who you are.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == []


def test_examples_after_an_item_are_its_details(tmp_path: Path) -> None:
    page = FRONT + (
        "# App privacy\n\n## Information we collect\n\n"
        "- The selected files are uploaded to cloud storage.\n"
        "- Associated metadata such as file name, file type, and upload time may also be stored.\n"
    )
    result = import_page(tmp_path, page)
    metadata = result.data_item("Associated metadata")
    assert metadata["details"] == ["file name", "file type", "upload time"]
    assert metadata["description"] == (
        "such as file name, file type, and upload time may also be stored."
    )


def test_a_sentence_about_what_the_app_does_is_no_item(tmp_path: Path) -> None:
    page = FRONT + (
        "# App privacy\n\n## Information we collect\n\n### Retrieved data\n\n"
        "- The app retrieves user-uploaded data, including images, and displays it to you.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == []
    kept = "\n".join(f.text for f in result.report.free_form)
    assert "The app retrieves user-uploaded data" in kept


def test_a_json_sample_whose_context_holds_objects(tmp_path: Path) -> None:
    # "context" holds the event's fields; each of them an object of its own fields.
    page = FRONT + (
        "# Analytics\n\n## Data collection\n\n"
        "When you opt in, the app sends event data.\n\n"
        "This is the format of the JSON data body for a sent event:\n\n"
        '```\n{\n  "anonymousId": "device-UUID",\n  "context": {\n'
        '    "app": {"name": "Insomnia", "version": "2021.7.2"},\n'
        '    "os": {"name": "mac", "version": "12.2.0"}\n  },\n'
        '  "event": event_name,\n}\n```\n'
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["anonymousId", "app", "os", "event"]
    assert result.data_item("app")["details"] == ["name", "version"]
    assert result.data_item("os")["details"] == ["name", "version"]


def test_a_question_of_what_a_service_stores_is_about_data_and_app_store_is_a_shop(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Service FAQ\n\n### What personal information does your service store?\n\n"
        "- Email address\n- Display name\n\n"
        "### App Store privacy report\n\nAnswers for the App Store privacy report.\n\n"
        "#### Data use\n\nWe use data for analytics.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Email address", "Display name"]
    assert "storage" not in result.product


def test_a_detail_that_labels_names_in_code_holds_each_name(tmp_path: Path) -> None:
    page = FRONT + (
        "# Telemetry\n\n## What we collect\n\nEvents (and allowed properties)\n"
        "- `app_started` (on app start)\n"
        "  - Automatic props: `app_version`, `platform`, `arch`\n"
        "- `workspace_snapshot`\n"
        "  - Allowed props: `project_count`, `workspace_count` (coarse counts only)\n"
    )
    result = import_page(tmp_path, page)
    details = [item["details"] for item in result.data_items()]
    assert details == [
        [{"text": "Automatic props", "details": ["`app_version`", "`platform`", "`arch`"]}],
        [
            {
                "text": "Allowed props (coarse counts only)",
                "details": ["`project_count`", "`workspace_count`"],
            }
        ],
    ]


def test_events_fields_or_metrics_collected_head_data(tmp_path: Path) -> None:
    for number, heading in enumerate(
        ("Events collected", "Metrics we collect", "Fields sent, and why")
    ):
        page = FRONT + f"# Telemetry\n\n## {heading}\n\n- Command name\n- Exit code\n"
        (tmp_path / str(number)).mkdir()
        result = import_page(tmp_path / str(number), page)
        assert result.data_names() == ["Command name", "Exit code"], heading


def test_headings_under_a_data_heading_that_name_no_datum_stay_text(tmp_path: Path) -> None:
    # Beside a heading of one datum, headings over what the page says of its data (a verb in
    # the words under it), over a purpose of the program, or asking a question, are no data.
    page = FRONT + (
        "# Telemetry\n\n## What is sent and why\n\n"
        "### Operating system\n\nTo know which platforms mainly use the program.\n\n"
        "### Location\n\nThe data is stored in the EU.\n\n"
        "### Frequency\n\nTo save battery, we send once a day.\n\n"
        "### Can I see the data\n\nThe data is shown on a public dashboard.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == []


def test_a_heading_of_one_datum_keeps_its_link(tmp_path: Path) -> None:
    page = FRONT + (
        "# Telemetry\n\n## What is sent and why\n\n"
        "### Operating system\n\nTo know which platforms mainly use the program.\n\n"
        "### [Sentry](https://sentry.io) crash reports\n\nThe stack trace of a crash.\n"
    )
    result = import_page(tmp_path, page)
    assert "[Sentry](https://sentry.io)" in result.text


def test_examples_that_run_into_a_clause_stay_the_description(tmp_path: Path) -> None:
    page = FRONT + (
        "# App privacy\n\n## Information we collect\n\n"
        "- Device information such as the app version, the OS and whether dark mode is on\n"
        "- Associated metadata such as file name, file type, and upload time, which are kept\n"
    )
    result = import_page(tmp_path, page)
    assert [item.get("details") for item in result.data_items()] == [None, None]
    assert result.data_item("Device information")["description"] == (
        "such as the app version, the OS and whether dark mode is on"
    )


def test_data_named_after_the_product_and_a_noun_stay_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# App privacy\n\n## Information we collect\n\n"
        "- The product features you use\n- The website pages you visit\n- The app logs\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == [
        "The product features you use",
        "The website pages you visit",
        "The app logs",
    ]


def test_a_label_of_names_not_sent_makes_no_details_of_them(tmp_path: Path) -> None:
    page = FRONT + (
        "# Telemetry\n\n## Events collected\n\n- `command_run`\n  - Never sent: `args`, `cwd`\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_item("command_run")["details"] == ["Never sent: `args`, `cwd`"]


def test_headings_of_how_data_is_stored_are_storage(tmp_path: Path) -> None:
    from privacy_pages.importer.classify import Kind, classify_heading

    for heading in ("How the app stores your data", "Data the web app stores", "Data storage"):
        assert classify_heading(heading) is Kind.STORAGE, heading
    for heading in ("App Store privacy report", "Play Store listing"):
        assert classify_heading(heading) is Kind.UNKNOWN, heading


def test_a_table_of_data_types_with_where_each_is_kept_gives_items(tmp_path: Path) -> None:
    # An offline app's "Data Type | Description | Storage Location" table under "Data You
    # Provide": its rows are data, each kept on the device, not services that keep data.
    page = FRONT + (
        "# Privacy Policy for Ledger\n\n## Information We Collect\n\n### Data You Provide\n\n"
        "When you use Ledger, you may provide the following information:\n\n"
        "| Data Type | Description | Storage Location |\n|---|---|---|\n"
        "| **Transactions** | Expense and income amounts, notes, dates | Local device only |\n"
        "| **Budgets** | Monthly budget limits per category | Local device only |\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Transactions", "Budgets"]
    assert not result.product.get("storage", {}).get("service_locations")


def test_a_table_of_components_and_where_each_keeps_data_stays_storage(tmp_path: Path) -> None:
    page = FRONT + (
        "# Service\n\n## Data we collect\n\n"
        "| Component | Description | Data storage location |\n|---|---|---|\n"
        "| Portal | The web front end | West Europe |\n"
        "| Agent | Runs on your machine | Your machine |\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == []
    services = result.product["storage"]["service_locations"]
    assert [s["service"] for s in services] == ["Portal", "Agent"]
