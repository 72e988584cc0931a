"""Shapes of real pages the importer was not written for (issue 35, point 3): tables read by
their shape whatever their headers say, rights under a "Your rights" sub-heading, headings set
off as quotes, "Examples of ..." lists, and lists that are not about data (links, steps, a
reference), which stay free text and are named so in the report.

Each test writes a small page in one such shape; the expected values come from reading it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from privacy_pages.importer.list_kinds import ListKind, list_kind
from privacy_pages.importer.markdown_doc import BulletList, parse
from test_importer import DATA_SECTIONS, FRONT, Imported, import_page


def items(result: Imported, section: str) -> list[dict[str, Any]]:
    """The items of a data section, each with its catalog entry's name."""
    names = {str(entry["id"]): str(entry["name"]) for entry in result.catalog}
    found = []
    for group in result.product.get(section, {}).get("groups", []):
        for item in group["items"]:
            found.append({**item, "name": item.get("name") or names.get(item.get("ref", ""))})
    return found


def data_items(result: Imported) -> list[dict[str, Any]]:
    """The items of every data section (required, optional, collected): for tests of a
    page's shapes, not of what it says about requirements."""
    return [item for section in DATA_SECTIONS for item in items(result, section)]


FEATURES = FRONT + (
    "# Notes app privacy policy\n\n"
    "The app connects to other services only for these features:\n\n"
    "| Feature | Description | Default | Can be disabled |\n"
    "| --- | --- | --- | --- |\n"
    "| Auto-update | The app connects to `updates.example.org` to check for new releases. "
    "| Enabled | Yes |\n"
    "| Wifi check | On mobile, the app checks whether Wifi is on before it synchronises. "
    "| Enabled | No |\n"
    "| Crash reports | When the app crashes, it uploads the report to Sentry. | Disabled | Yes |\n"
)


def test_a_table_of_features_is_read_by_its_shape(tmp_path: Path) -> None:
    result = import_page(tmp_path, FEATURES)
    optional = {item["name"]: item for item in items(result, "optional")}
    required = {item["name"]: item for item in items(result, "required")}
    # "Can be disabled: Yes" is optional data; "No" is not.
    assert set(optional) == {"Auto-update", "Crash reports"}
    assert set(required) == {"Wifi check"}
    assert "uploads the report to Sentry" in optional["Crash reports"]["description"]
    assert "**Default:** Disabled" in optional["Crash reports"]["note"]
    assert "**Can be disabled:** No" in required["Wifi check"]["note"]
    assert not [f for f in result.report.free_form if f.line >= 9]


def test_a_table_of_sentences_is_not_read_as_labels(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool\n\n## Background\n\n"
        "| Scenario | Outcome |\n| --- | --- |\n"
        "| The tool starts without a network connection. | It waits for one. |\n"
        "| The tool starts behind a proxy that needs a password. | It asks for it. |\n"
    )
    result = import_page(tmp_path, page)
    assert not data_items(result)
    assert [f.line for f in result.report.free_form if "Scenario" in f.text]


def test_a_table_of_kinds_of_cookies_by_purpose_is_kept_as_text(tmp_path: Path) -> None:
    # Issue 35 read this table as data by its shape; issue 53 makes items only from data, and a
    # column headed "Purpose" names what cookies are for ("Analytics"), not data: the table
    # stays the page's text, and every row of it reaches the record.
    page = FRONT + (
        "# Site\n\n## Cookies\n\nThe table below describes the cookies we use:\n\n"
        "| Purpose | Description |\n| --- | --- |\n"
        "| Required cookies | We use required cookies to sign you in and keep you signed in. |\n"
        "| Analytics | Third parties use analytics cookies to understand how you use the site. |\n"
    )
    result = import_page(tmp_path, page)
    assert data_items(result) == []
    assert "| Required cookies |" in result.text and "| Analytics |" in result.text


def test_rights_under_a_your_rights_sub_heading_are_rights(tmp_path: Path) -> None:
    page = FRONT + (
        "# App\n\n## Your rights and choices\n\n### Your rights\n\nYou have the right to:\n\n"
        "1. Request a copy of the data we have about you\n"
        "2. Request correction of any data that is inaccurate\n"
        "3. Complain to your data protection authority\n\n"
        "To make a request, contact us.\n"
    )
    result = import_page(tmp_path, page)
    rights = result.product["rights"]
    assert rights["rights"] == [
        "Request a copy of the data we have about you",
        "Request correction of any data that is inaccurate",
    ]
    # The right to complain has a field of its own (GDPR Art. 13(2)(d)).
    assert rights["complaint"] == "Complain to your data protection authority"
    assert "To make a request, contact us." in result.product["rights"]["intro"]


def test_a_heading_set_off_as_a_quote_is_a_heading() -> None:
    document = parse(">## Customer content\n\nData stored in user tables.\n\n> A real quote.\n")
    heading, _paragraph, quote = document.blocks
    assert type(heading).__name__ == "Heading" and heading.text == "Customer content"
    assert type(quote).__name__ == "Quote"


def test_examples_of_a_kind_of_data_are_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# Server privacy supplement\n\n"
        ">## Customer content\n\nCustomer content is data stored within user tables.\n\n"
        "### Examples of customer content\n\n"
        "- Data values stored within the rows of any user table\n"
        "- Query texts containing literal values\n"
    )
    result = import_page(tmp_path, page)
    names = [item["name"] for item in data_items(result)]
    assert names == [
        "Data values stored within the rows of any user table",
        "Query texts containing literal values",
    ]


def _list(markdown: str) -> BulletList:
    [block] = [b for b in parse(markdown).blocks if isinstance(b, BulletList)]
    return block


@pytest.mark.parametrize(
    ("markdown", "kind"),
    [
        ("- [Privacy at Microsoft](https://privacy.microsoft.com/)\n", ListKind.LINKS),
        (
            "- For more information about these variables, see\n  [about_Variables][01].\n"
            "- See [the statement](https://example.org/privacy).\n",
            ListKind.LINKS,
        ),
        (
            "- Run `yarn dev:prepare` to generate type stubs.\n"
            "- Use `yarn dev` to start the playground.\n",
            ListKind.STEPS,
        ),
        ("- `tool init`: creates a project\n- `tool build`: builds it\n", ListKind.REFERENCE),
        # About data, its collection or its controls: not one of these, whatever its shape.
        ("- Run `tool telemetry off` to turn telemetry off.\n- Restart the tool.\n", None),
        ("- `machine_id`: a hash of the MAC address that is collected\n- `os`: the OS\n", None),
        ("- IP address\n- Browser name\n", None),
        (
            "- If [DiagnosticData](./policies.md#diagnosticdata) is set, it takes precedence "
            "over [MetricsReporting](./policies.md#metrics).\n",
            None,
        ),
    ],
)
def test_lists_that_are_not_about_data(markdown: str, kind: ListKind | None) -> None:
    assert list_kind(_list(markdown)) == kind


def test_lists_that_are_not_about_data_stay_and_the_report_says_what_they_are(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Tool\n\n## Contributing\n\n"
        "- Run `yarn dev:prepare` to generate type stubs.\n"
        "- Use `yarn dev` to start the playground.\n\n"
        "## Resources\n\n- [Privacy at Microsoft](https://privacy.microsoft.com/)\n"
    )
    result = import_page(tmp_path, page)
    found = {(entry.line, entry.kind) for entry in result.report.not_data}
    assert found == {(11, "steps"), (16, "links")}
    steps = next(f for f in result.report.free_form if f.line == 11)
    assert steps.why == "steps to follow, not about data" and "yarn dev:prepare" in result.text
    assert {"title": "Privacy at Microsoft", "url": "https://privacy.microsoft.com/"} in (
        result.product["links"]
    )


def test_sentences_that_say_what_is_collected_name_their_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Browser control\n\n## Optional diagnostic data\n\n"
        "When the diagnostic data setting is on:\n\n"
        "*  Control-related data is collected, including API usage, SDK usage, and creation "
        "failure.\n"
        "*  Browser diagnostic data is collected.  Only events relevant to the control are "
        "collected.\n"
    )
    result = import_page(tmp_path, page)
    found = {item["name"]: item for item in items(result, "optional")}
    assert set(found) == {"Control-related data", "Browser diagnostic data"}
    assert found["Control-related data"]["description"].startswith(
        "Control-related data is collected, including API usage"
    )


def test_a_list_of_ways_to_stop_sending_is_controls(tmp_path: Path) -> None:
    page = FRONT + (
        "# Control\n\n## Crash reporting\n\n"
        "If a process crashes, minidump files are created and sent to Microsoft.\n\n"
        "*  To prevent crash dumps from being sent, set `IsCrashReportingEnabled` to `false`.\n"
        "*  To locate crash dumps, use the `CrashDumpFolderPath` property.\n"
    )
    result = import_page(tmp_path, page)
    options = result.product["controls"]["options"]
    assert options[0].startswith("To prevent crash dumps from being sent")
    assert "minidump files are created" in result.product["controls"]["intro"]


def test_what_a_page_says_it_does_not_send_is_never_collected(tmp_path: Path) -> None:
    page = FRONT + (
        "# Server\n\n## Summary\n\nThe server collects usage data. Specifically, Microsoft "
        "does not send any of the following types of information through this mechanism:\n\n"
        "- Any values from inside user tables\n- Any logon credentials\n"
    )
    result = import_page(tmp_path, page)
    assert not data_items(result)
    names = {str(entry["id"]): str(entry["name"]) for entry in result.catalog}
    never = [names[item["ref"]] for item in result.product["never_collected"]["items"]]
    assert never == ["Any values from inside user tables", "Any logon credentials"]


def test_a_section_that_opens_on_settings_to_opt_out_is_controls(tmp_path: Path) -> None:
    page = FRONT + (
        "# Server\n\n## What is collected\n\n- Usage data\n\n## Set registry subkeys\n\n"
        "Enterprise customers can configure Group Policy settings to opt in or out of usage "
        "data collection.\n\n- For instance features: `CustomerFeedback` = 0\n"
        "- For shared features: `CustomerFeedback` = 0\n"
    )
    result = import_page(tmp_path, page)
    controls = str(result.product["controls"])
    assert "Group Policy settings" in controls and "For instance features" in controls


def test_bold_terms_defined_by_their_bullets_are_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# Tool telemetry\n\n## Counter files\n\nCounter files are named after:\n\n"
        "- The **program name** is the basename of the program's package path.\n"
        "- The **program version** and **go version** are also reported.\n"
        "- The **date** is the date the counter file was created.\n"
    )
    result = import_page(tmp_path, page)
    names = [item["name"] for item in data_items(result)]
    assert names == ["program name", "program version and go version", "date"]


def test_terms_of_use_are_kept_as_they_are_and_named_so(tmp_path: Path) -> None:
    page = FRONT + (
        "# App privacy policy and terms of use\n\n## Privacy\n\nThe app collects:\n\n"
        "- Your public key\n- Your IP address\n\n## Terms of Use\n\n"
        "Objectionable content includes:\n\n- Sexually explicit material.\n"
        "- Content that is deceptive or fraudulent.\n"
    )
    result = import_page(tmp_path, page)
    names = [item["name"] for item in data_items(result)]
    assert names == ["Your public key", "Your IP address"]
    assert [entry.kind for entry in result.report.not_data] == ["terms"]
    assert "Sexually explicit material." in result.text


# -- what these shapes must not take (a review's cases) ---------------------------------------


def test_a_leading_parenthesis_is_a_condition_only_when_it_says_when(tmp_path: Path) -> None:
    page = FRONT + (
        "# App\n\n## Data we collect\n\n"
        "- (Optional) Email address\n- (ii) Device identifier\n"
        "- *(Android only)* Crash reports are collected when the app crashes.\n"
    )
    result = import_page(tmp_path, page)
    optional = {item["name"]: item for item in items(result, "optional")}
    # "(ii)" and "(Android only)" say nothing of a requirement: collected, not required.
    collected = {item["name"]: item for item in items(result, "collected")}
    assert "Email address" in optional and "condition" not in optional["Email address"]
    assert "condition" not in next(i for n, i in collected.items() if "Device identifier" in n)
    assert collected["Crash reports"]["condition"] == "Android only"


@pytest.mark.parametrize(
    ("heading", "table"),
    [
        ("Glossary", "| Term | Definition |\n| --- | --- |\n| Controller | The company that "
         "decides why and how data is processed. |\n| Processor | A company that processes "
         "data for the controller. |\n"),
        ("Your rights explained", "| Right | What it means |\n| --- | --- |\n| Access | You "
         "can ask for a copy of the data we hold. |\n| Erasure | You can ask us to delete the "
         "data we hold. |\n"),
        ("History", "| Date | Changes |\n| --- | --- |\n| 2024-01-02 | Added the section on "
         "cookies and how to turn them off. |\n| 2023-05-06 | First version of this policy for "
         "the app. |\n"),
    ],
)  # fmt: skip
def test_tables_of_labels_that_are_not_data(tmp_path: Path, heading: str, table: str) -> None:
    page = FRONT + f"# App\n\n## Data we collect\n\n- IP address\n\n## {heading}\n\n{table}"
    result = import_page(tmp_path, page)
    assert [item["name"] for item in data_items(result)] == ["IP address"]


def test_what_is_said_not_to_be_collected_is_no_item(tmp_path: Path) -> None:
    page = FRONT + (
        "# App\n\n## Privacy\n\n- No personal data is collected.\n"
        "- None of your files are uploaded.\n- Nothing is stored on our servers.\n"
    )
    result = import_page(tmp_path, page)
    assert not data_items(result)


def test_headings_that_name_kinds_of_recipients_or_uses_are_not_data(tmp_path: Path) -> None:
    page = FRONT + (
        "# App\n\n## Categories of recipients\n\n| Recipient | Purpose |\n| --- | --- |\n"
        "| Payment processors | To take your payments and refund them when asked. |\n"
        "| Email service | To send you the receipts of your orders. |\n"
    )
    result = import_page(tmp_path, page)
    assert not data_items(result)
    assert "Payment processors" in str(result.product.get("sharing"))


def test_a_section_about_data_keeps_its_items_whatever_else_its_heading_says(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# App\n\n## Data collected for license validation\n\nWe collect the following data:\n\n"
        "- Product key\n- Device ID\n"
    )
    result = import_page(tmp_path, page)
    assert [item["name"] for item in data_items(result)] == ["Product key", "Device ID"]
    assert not result.report.not_data


def test_purposes_and_cookies_are_not_controls(tmp_path: Path) -> None:
    page = FRONT + (
        "# App\n\n## Cookies\n\nYou can opt out of non-essential cookies in the banner. We use "
        "these cookies:\n\n- Session cookie\n- Language preference\n\n## Why we use data\n\n"
        "- To prevent fraud on your account\n- To limit spam in the comments\n"
    )
    result = import_page(tmp_path, page)
    assert "Session cookie" not in str(result.product.get("controls", {}))
    assert "To prevent fraud" not in str(result.product.get("controls", {}))


@pytest.mark.parametrize(
    "heading",
    [
        "Choice and control over the improvement program",
        "Choices and controls",
        "Managing your privacy",
        "Control your participation",
    ],
)
def test_a_heading_about_choice_and_control_is_controls(tmp_path: Path, heading: str) -> None:
    page = FRONT + (
        f"# Editor\n\nThe editor sends usage data to Contoso.\n\n## {heading}\n\n"
        "The program is on by default.\n\n"
        "1. Open **Settings**.\n2. Clear **Send usage data**.\n"
    )
    result = import_page(tmp_path, page)
    controls = result.product["controls"]
    assert "on by default" in controls["intro"]
    assert any("Send usage data" in option for option in controls["options"])
    assert not [f for f in result.report.free_form if "Settings" in f.text]


def test_a_registry_key_is_one_setting_not_a_variable(tmp_path: Path) -> None:
    page = FRONT + (
        "# Editor\n\n## Opt out\n\n"
        "Set the value `OptIn` of HKEY_LOCAL_MACHINE\\Software\\Contoso\\Editor to 0, "
        "or set `HKCU\\Software\\Contoso\\Telemetry` to 1. The EDITOR_NO_TELEMETRY variable "
        "works too\n"
    )
    result = import_page(tmp_path, page)
    settings = {s["name"]: s["kind"] for s in result.product["controls"]["settings"]}
    assert settings["HKEY_LOCAL_MACHINE\\Software\\Contoso\\Editor"] == "setting"
    assert settings["HKCU\\Software\\Contoso\\Telemetry"] == "setting"
    assert settings["EDITOR_NO_TELEMETRY"] == "environment-variable"
    assert "HKEY_LOCAL_MACHINE" not in settings


@pytest.mark.parametrize("heading", ["Where the service keeps data", "Deployment models"])
def test_a_table_of_what_each_component_keeps_where_is_service_locations(
    tmp_path: Path, heading: str
) -> None:
    page = FRONT + (
        f"# Directory\n\n## {heading}\n\n"
        "| Component | Description | Data storage location |\n| --- | --- | --- |\n"
        "| Sign-in service | Keeps logs in Azure Storage for 30 days. | In geo location |\n"
        "| Reporting | Stores reports in Azure SQL. | United States |\n"
    )
    result = import_page(tmp_path, page)
    entries = result.product["storage"]["service_locations"]
    assert [e["service"] for e in entries] == ["Sign-in service", "Reporting"]
    assert "**Data storage location**: United States" in entries[1]["body"]
    assert "Stores reports in Azure SQL." in entries[1]["body"]
    assert not result.report.free_form
    assert not data_items(result)


def test_a_table_of_data_with_its_location_stays_items(tmp_path: Path) -> None:
    page = FRONT + (
        "# App\n\n## Data we collect\n\n"
        "| Data | Purpose | Storage location |\n| --- | --- | --- |\n"
        "| Email address | To sign you in. | European Union |\n"
        "| Crash reports | To fix bugs. | United States |\n"
    )
    result = import_page(tmp_path, page)
    names = [item["name"] for item in data_items(result)]
    assert names == ["Email address", "Crash reports"]
    assert not result.product.get("storage", {}).get("service_locations")


def test_a_list_of_clouds_is_where_data_is(tmp_path: Path) -> None:
    page = FRONT + (
        "# Directory\n\n## Data residency\n\n"
        "The directory is available in the following clouds:\n\n"
        "- Public\n- China\n- US government\n"
    )
    result = import_page(tmp_path, page)
    assert result.product["storage"]["locations"] == ["Public", "China", "US government"]


def test_a_list_of_what_is_stored_where_is_a_storage_fact(tmp_path: Path) -> None:
    page = FRONT + (
        "# Notes app\n\n## Data stored on your device\n\n"
        "Your notes never leave your computer.\n\n"
        "- **Notes** are stored in the folder you choose.\n"
        "- **Settings** are stored in your application data folder.\n"
    )
    result = import_page(tmp_path, page)
    note = result.product["storage"]["location_note"]
    assert "**Notes** are stored in the folder you choose." in note
    assert "**Settings** are stored in your application data folder." in note
    assert not result.report.free_form
    # The one sentence that says what is not taken in is quoted in the never-collected section
    # too, rather than a sentence saying that none is listed.
    quoted = [s["body"] for s in result.product["sections"] if s["after"] == "never-collected"]
    assert quoted == ["Your notes never leave your computer."]
    assert not data_items(result)


@pytest.mark.parametrize(
    ("titled", "before"),
    [
        (True, "Our tool uses anonymous telemetry."),
        (False, "Our tool uses anonymous telemetry."),
        (True, "_Last updated: May 1, 2024._"),  # (a date line is no prose)
    ],
)
def test_a_lone_second_level_heading_after_text_is_a_section_when_front_matter_titles_the_page(
    tmp_path: Path, titled: bool, before: str
) -> None:
    # A Docusaurus page: the title in the front matter, text, then one "##" over "###" events.
    front = "---\ntitle: Telemetry\n---\n" if titled else "---\ndescription: Telemetry.\n---\n"
    page = front + (
        f"{before}\n\n## Data collected\n\n"
        "### Run\n\n- **Seconds**: How long the run took.\n- **Success**: Whether it worked.\n\n"
        "### Version\n\n- **Platform**: The operating system.\n"
    )
    result = import_page(tmp_path, page)
    if titled and before.startswith("Our"):
        assert result.data_names() == ["Seconds", "Success", "Platform"]
    else:  # (no title given, or no prose before: the lone heading is the page's, as before)
        assert result.data_names() == []
