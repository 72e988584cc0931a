"""``privacy-pages import``: each construct of a Markdown privacy statement, read into records.

Every test writes a small page into ``tmp_path``, imports it into an empty (or prepared)
content folder through the same function the CLI uses, and checks the YAML that was written —
and that the content folder still loads without errors.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from privacy_pages.cli import main
from privacy_pages.importer import ImportOptions, PageImportError, import_pages
from privacy_pages.importer.markdown_doc import (
    Alert,
    BulletList,
    Heading,
    Image,
    Include,
    Table,
    parse,
)
from privacy_pages.importer.report import PageReport
from privacy_pages.load.content import load_content
from privacy_pages.load.metadata import MetadataRules

RULES = MetadataRules(
    required=("title", "description", "ms.date", "ms.collection"),
    types={"ms.date": "date", "ms.collection": "list", "keywords": "list"},
)
#: The sections of a record that hold collected data: a page's data is required or optional
#: only when its words say so, else it is collected (requirement not stated).
DATA_SECTIONS = ("required", "optional", "collected")
FRONT = "---\ntitle: Widget privacy\ndescription: What Widget collects.\nms.date: 2024-05-01\nms.collection: widgets\n---\n"


def mojibake(text: str) -> str:
    """``text`` as it looks after UTF-8 was read as Windows-1252 (built here, not typed)."""
    return text.encode("utf-8").decode("cp1252")


class Imported:
    """The result of importing one page: records, report and the content folder."""

    def __init__(self, content: Path, report: PageReport) -> None:
        self.content = content
        self.report = report
        product_file = content / "products" / f"{report.product_id}.yml"
        self.text = product_file.read_text("utf-8")
        self.product: dict[str, Any] = yaml.safe_load(self.text)
        catalog = content / "catalog" / "imported.yml"
        self.catalog = (
            yaml.safe_load(catalog.read_text("utf-8"))["items"] if catalog.is_file() else []
        )
        categories = content / "categories.yml"
        self.categories = (
            yaml.safe_load(categories.read_text("utf-8"))["categories"]
            if categories.is_file()
            else []
        )

    def catalog_name(self, item_id: str) -> str:
        return next(str(i["name"]) for i in self.catalog if i["id"] == item_id)

    def items(self, section: str = "required") -> list[dict[str, Any]]:
        return [item for group in self.product[section]["groups"] for item in group["items"]]

    def names(self, section: str = "required") -> list[str]:
        return [item.get("name") or self.catalog_name(item["ref"]) for item in self.items(section)]

    def item(self, name: str, section: str = "required") -> dict[str, Any]:
        for item, item_name in zip(self.items(section), self.names(section), strict=True):
            if item_name == name:
                return item
        raise AssertionError(f"no item {name!r} in {self.names(section)}")

    def data_items(self) -> list[dict[str, Any]]:
        """The items of every data section (required, optional, collected), in that order:
        for tests of a page's shapes, not of what it says about requirements."""
        return [
            item
            for section in DATA_SECTIONS
            for group in self.product.get(section, {}).get("groups", [])
            for item in group["items"]
        ]

    def data_names(self) -> list[str]:
        return [item.get("name") or self.catalog_name(item["ref"]) for item in self.data_items()]

    def data_item(self, name: str) -> dict[str, Any]:
        for item, item_name in zip(self.data_items(), self.data_names(), strict=True):
            if item_name == name:
                return item
        raise AssertionError(f"no item {name!r} in {self.data_names()}")


def import_page(
    tmp_path: Path,
    text: str,
    *,
    rules: MetadataRules = RULES,
    content: Path | None = None,
    name: str = "page.md",
    **options: Any,
) -> Imported:
    page = tmp_path / name
    page.write_text(text, "utf-8")
    folder = content or tmp_path / "content"
    [report] = import_pages([page], ImportOptions(folder, rules, today="2024-01-02", **options))
    _, problems = load_content(folder, rules)
    assert not problems.errors, "\n".join(map(str, problems.errors))
    return Imported(folder, report)


# -- the block reader ------------------------------------------------------------------------------


def test_reader_keeps_line_numbers_and_tolerates_malformed_markdown() -> None:
    text = (
        "---\ntitle: x\n---\n"  # lines 1-3
        "#Title without a space\n"  # 4
        "\n"
        "-**Bold** bullet with no space\n"  # 6
        "- second\n"  # 7
        "    - nested\n"  # 8
        "\n"
        "Setext heading\n"  # 10
        "--------------\n"
        "> [!NOTE]\n"  # 12
        "> Alert text\n"
        "[!INCLUDE [Shared](../includes/x.md)]\n"  # 14
        ':::image type="content" source="a.png" alt-text="Alt":::\n'  # 15
        "Name | Value\n"  # 16
        "--- | ---\n"
        "a | b"  # 18, no final newline
    )
    document = parse(text)
    assert document.front_matter is not None and document.front_matter.end_line == 3
    kinds = [(type(b).__name__, b.line) for b in document.blocks]
    assert kinds == [
        ("Heading", 4),
        ("BulletList", 6),
        ("Heading", 10),
        ("Alert", 12),
        ("Include", 14),
        ("Image", 15),
        ("Table", 16),
    ]
    heading, bullets, setext, alert, include, image, table = document.blocks
    assert isinstance(heading, Heading) and heading.text == "Title without a space"
    assert isinstance(bullets, BulletList)
    assert [i.text for i in bullets.items] == ["**Bold** bullet with no space", "second"]
    assert bullets.items[1].children[0].text == "nested"
    assert isinstance(setext, Heading) and setext.level == 2
    assert isinstance(alert, Alert) and alert.kind == "note" and alert.text == "Alert text"
    assert isinstance(include, Include) and include.path == "../includes/x.md"
    assert isinstance(image, Image) and image.attr("alt-text") == "Alt"
    assert isinstance(table, Table) and table.rows[0].cells == ("a", "b")
    assert table.rows[0].line == 18


def test_reader_reads_html_tables() -> None:
    text = "<table>\n<tr><th>Data</th><th>Purpose</th></tr>\n<tr><td>Name<br>Email</td><td><b>Billing</b></td></tr>\n</table>\n"
    [table] = parse(text).blocks
    assert isinstance(table, Table) and table.html
    assert table.header == ("Data", "Purpose")
    assert table.rows[0].cells == ("Name<br>Email", "<b>Billing</b>")


# -- page structure --------------------------------------------------------------------------------


def test_title_intro_applies_to_and_notes(tmp_path: Path) -> None:
    page = FRONT + (
        "# Widget privacy statement\n\n"
        "**Applies to:**\n"
        "- [Widget Plan 1](https://example.com/p1)\n"
        "- [Widget Plan 2](https://example.com/p2)\n\n"
        "> [!IMPORTANT]\n> Widget uses a **local** VPN.\n\n"
        "Widget collects information from your devices.\n\n"
        "It stores it in your tenant.\n"
    )
    result = import_page(tmp_path, page)
    product = result.product
    assert product["name"] == "Widget privacy statement"
    assert product["applies_to"] == [
        {"title": "Widget Plan 1", "url": "https://example.com/p1"},
        {"title": "Widget Plan 2", "url": "https://example.com/p2"},
    ]
    assert product["notes"] == [{"type": "important", "text": "Widget uses a **local** VPN."}]
    assert product["intro"] == (
        "Widget collects information from your devices.\n\nIt stores it in your tenant."
    )
    assert product["summary"] == "What Widget collects."
    assert result.report.free_form == []


def test_required_and_optional_sections_with_categories_and_bullets(tmp_path: Path) -> None:
    page = FRONT + (
        "# Widget\n\n"
        "## Required Data\n\nRequired data is needed for Widget to work.\n\n"
        "### Device and account information\n\n"
        "- Azure tenant ID - GUID that identifies your organization.\n"
        "- **User Principal Name**: Email ID of the user.\n"
        "- Device information such as date & time, Device identifier, where Device identifier "
        "is one of the following (in order):\n"
        "  - Wi-Fi adapter MAC address\n"
        "  - Randomly generated GUID\n"
        "- Tenant, Device, and User information\n"
        "  - Azure tenant ID\n"
        "  - Org ID\n\n"
        "## Optional data\n\nOptional data helps us improve Widget.\n\n"
        "Optional diagnostic data includes:\n\n"
        "- Memory usage data.\n\n"
        "**Feedback Data** is collected through in-app feedback.\n\n"
        "- The user's email address, if they choose to provide it.\n"
    )
    result = import_page(tmp_path, page)
    required = result.product["required"]
    assert required["intro"] == "Required data is needed for Widget to work."
    [group] = required["groups"]
    category = next(c for c in result.categories if c["id"] == group["category"])
    assert category["name"] == "Device and account information"
    assert result.names() == [
        "Azure tenant ID",
        "User Principal Name",
        "Device information",
        "Tenant, Device, and User information",
    ]
    assert (
        result.item("Azure tenant ID")["description"] == "GUID that identifies your organization."
    )
    assert result.item("User Principal Name")["description"] == "Email ID of the user."
    alternatives = result.item("Device information")["alternatives"]
    assert alternatives["ordered"] is True
    assert alternatives["options"] == ["Wi-Fi adapter MAC address", "Randomly generated GUID"]
    assert "one of the following" in alternatives["intro"]
    assert result.item("Tenant, Device, and User information")["details"] == [
        "Azure tenant ID",
        "Org ID",
    ]
    optional = result.product["optional"]
    assert optional["intro"] == "Optional data helps us improve Widget."
    diagnostic, feedback = optional["groups"]
    assert (
        diagnostic["kind"] == "diagnostic"
        and diagnostic["intro"] == "Optional diagnostic data includes:"
    )
    assert feedback["kind"] == "feedback"
    assert (
        result.item("The user's email address", "optional")["condition"]
        == "if they choose to provide it"
    )


@pytest.mark.parametrize(
    ("bullet", "name", "condition"),
    [
        (
            "Full URL (on supported browsers), when clicked.",
            "Full URL (on supported browsers)",
            "when clicked",
        ),
        (
            "Domain name of the website only when a malicious connection is detected.",
            "Domain name of the website",
            "only when a malicious connection is detected",
        ),
        (
            "Crash logs, if the user chooses to send them.",
            "Crash logs",
            "if the user chooses to send them",
        ),
        # Not reliable: the text before "when" is a sentence, so the item keeps its words.
        (
            "Information is collected only when Privacy setting is off.",
            "Information is collected only when Privacy setting is off",
            None,
        ),
        (
            "Logs that are uploaded when the app crashes",
            "Logs that are uploaded when the app crashes",
            None,
        ),
        ("Location (corporate devices only)", "Location (corporate devices only)", None),
    ],
)
def test_conditions_in_item_text(
    tmp_path: Path, bullet: str, name: str, condition: str | None
) -> None:
    page = FRONT + f"# W\n\n## Required data\n\n### Usage\n\n- Model\n- {bullet}\n"
    result = import_page(tmp_path, page)
    item = result.item(name)
    assert item.get("condition") == condition


def test_group_condition_from_the_lead_paragraph(tmp_path: Path) -> None:
    page = FRONT + (
        "# W\n\n## Optional data\n\n"
        "**Diagnostic data** is used to fix problems. Below data is collected only with the "
        "consent of the user.\n\n- App usage\n"
    )
    [group] = import_page(tmp_path, page).product["optional"]["groups"]
    assert group["condition"] == "Below data is collected only with the consent of the user."
    assert group["intro"] == "**Diagnostic data** is used to fix problems."


def test_headings_out_of_order(tmp_path: Path) -> None:
    page = FRONT + (
        "# W\n\n"
        "## Optional data\n\n- Feedback comments\n\n"
        "#### Device data\n\n- Model\n\n"  # an H4 right under an H2
        "## Required data\n\n### Network\n\n- IP address\n\n"
        "### Optional data\n\n- Crash logs\n"  # optional data nested under required data
    )
    result = import_page(tmp_path, page)
    assert result.names("optional") == ["Feedback comments", "Model", "Crash logs"]
    assert result.names("required") == ["IP address"]


def test_headings_without_space_and_bold_bullets_without_space_and_no_final_newline(
    tmp_path: Path,
) -> None:
    page = (
        FRONT
        + "#W\n\n##Required data\n\n###Device\n\n-**Device name**: what the user calls it\n-**Model**"
    )
    result = import_page(tmp_path, page)
    assert result.product["name"] == "W"
    assert result.names() == ["Device name", "Model"]
    assert result.item("Device name")["description"] == "what the user calls it"


def test_never_collected_list(tmp_path: Path) -> None:
    page = FRONT + (
        "# W\n\n## Certain Data is never Collected\n\n"
        "W doesn't collect nor allow an Admin to see the following data:\n"
        "- Personal email\n- Text messages\n\nFor more information, see [data types](https://example.com/t).\n"
    )
    result = import_page(tmp_path, page)
    never = result.product["never_collected"]
    assert never["intro"] == "W doesn't collect nor allow an Admin to see the following data:"
    assert [result.catalog_name(i["ref"]) for i in never["items"]] == [
        "Personal email",
        "Text messages",
    ]
    [fragment] = result.report.free_form
    assert fragment.after == "never-collected" and fragment.text.startswith("For more information")


def test_never_collected_list_inside_another_section(tmp_path: Path) -> None:
    page = FRONT + (
        "# W\n\n## Required data\n\n### Device\n\n- Model\n\n"
        "W does not collect the following:\n\n- Photos\n"
    )
    result = import_page(tmp_path, page)
    assert result.names() == ["Model"]
    assert [result.catalog_name(i["ref"]) for i in result.product["never_collected"]["items"]] == [
        "Photos"
    ]


# -- tables ----------------------------------------------------------------------------------------

WORKLOAD_TABLE = (
    "|Category |   Data       |  MAM workload |\n"
    "|-------- |:------------ |---------------|\n"
    "| **Admin created data**, like: | Compliance policies | No |\n"
    "|         | Profile names | Yes |\n"
    "| **Application inventory**, like: | app ID | Yes (Managed apps only) |\n"
    "|         | size | No |\n"
    "|         | **Note**: Application inventory data is only collected when marked by the Admin as corporate-owned. | |\n"
    "| **Admin usage data** (for example, admin controls) |  | Yes |\n"
    "| **Device Data** | Azure AD device ID | Yes (If device is Azure AD joined) |\n"
)


def test_category_data_workload_table(tmp_path: Path) -> None:
    page = FRONT + "# W\n\n## Required data\n\nRequired data may include:\n\n" + WORKLOAD_TABLE
    result = import_page(tmp_path, page)
    product = result.product
    assert product["workloads"] == [{"id": "mam-workload", "name": "MAM workload"}]
    assert product["required"]["intro"] == "Required data may include:"
    groups = product["required"]["groups"]
    names = {c["id"]: c["name"] for c in result.categories}
    assert [names[g["category"]] for g in groups] == [
        "Admin created data",
        "Application inventory",
        "Admin usage data",
        "Device Data",
    ]
    # The category is carried down over blank cells.
    assert result.names()[:4] == ["Compliance policies", "Profile names", "app ID", "size"]
    # The note inside the table stays with its group, as the group's condition.
    assert groups[1]["condition"] == (
        "Application inventory data is only collected when marked by the Admin as corporate-owned."
    )
    assert result.item("app ID")["workloads"] == {
        "mam-workload": {"applies": "yes", "condition": "Managed apps only"}
    }
    assert result.item("size")["workloads"] == {"mam-workload": "no"}
    # A category row with no data value is itself the item.
    usage = result.item("Admin usage data")
    assert usage["description"] == "(for example, admin controls)"
    assert usage["workloads"] == {"mam-workload": "yes"}
    assert result.report.counts.tables == 1


def test_field_description_table_with_html_in_cells(tmp_path: Path) -> None:
    page = FRONT + (
        "# W\n\n## Data collected\n\n"
        "| Field | Description | Retention |\n| --- | --- | --- |\n"
        "| Device name | What the user calls the device.<br>Set in Settings. | 30 days |\n"
        "| Model | <ul><li>Maker</li><li>Model <b>number</b></li></ul> | 1 year |\n"
    )
    result = import_page(tmp_path, page)
    # "Data collected" does not say whether it is required: collected.
    assert (
        result.item("Device name", "collected")["description"]
        == "What the user calls the device.\nSet in Settings."
    )
    assert result.item("Model", "collected")["description"] == "- Maker\n- Model **number**"
    assert result.product["storage"]["retention"] == [
        {"data": "Device name", "period": "30 days"},
        {"data": "Model", "period": "1 year"},
    ]


def test_data_source_use_table(tmp_path: Path) -> None:
    page = FRONT + (
        "# W\n\n## Data usage of W\n\nW uses this data:\n\n"
        "| Data sources |Use with W  |\n|---------|---------|\n"
        "|Intune data     | Used in reports.        |\n"
        "|Admin contact data     | Used to contact admins.        |\n"
    )
    data_use = import_page(tmp_path, page).product["data_use"]
    assert data_use == {
        "intro": "W uses this data:",
        "uses": [
            {"source": "Intune data", "use": "Used in reports."},
            {"source": "Admin contact data", "use": "Used to contact admins."},
        ],
    }


def test_extra_columns_and_lists_in_name_cells(tmp_path: Path) -> None:
    page = FRONT + (
        "# W\n\n## Required data\n\n"
        "| Category | Data | Purpose | Sensitivity notes | Collected |\n|---|---|---|---|---|\n"
        "| Device | Name | Identify the device | Low | Yes |\n"
        "| | Serial number<br>IMEI | | | No |\n"
    )
    result = import_page(tmp_path, page)
    name = result.item("Name")
    assert name["purpose"] == "Identify the device"
    assert name["note"] == "**Sensitivity notes:** Low"
    assert name["workloads"] == {"collected": "yes"}
    # Two values in one cell, with nothing else to share: two items.
    assert result.item("Serial number")["workloads"] == {"collected": "no"}
    assert result.item("IMEI")["workloads"] == {"collected": "no"}


def test_unrecognized_table_goes_to_free_form_as_a_markdown_table(tmp_path: Path) -> None:
    page = (
        FRONT
        + "# W\n\n## Contact us\n\n| Region | Address |\n|---|---|\n| EU | Dublin<br>Ireland |\n"
    )
    result = import_page(tmp_path, page)
    [section] = result.product["sections"]
    assert section["title"] == "Contact us"
    assert section["body"] == "| Region | Address |\n| --- | --- |\n| EU | Dublin Ireland |"
    assert [f.line for f in result.report.free_form] == [11]  # the table's first line


# -- storage, staff, rights ------------------------------------------------------------------------


def test_storage_retention_and_staff_locations_in_prose(tmp_path: Path) -> None:
    page = FRONT + (
        "# W\n\n## Data storage\n\n### Storing data and data retention\n\n"
        "W stores its data in one or more of the following storage services:\n\n"
        "- Azure SQL\n- Azure storage\n\n"
        "W stores its data in the United States. Personal data is retained for a maximum of "
        "30 days, except for alert data. The actual alert data is stored for 180 days. "
        "Logs are deleted 90 days after the subscription ends.\n\n"
        "### Staff location\n\nThe W operations teams are located in the United States and India.\n"
    )
    storage = import_page(tmp_path, page).product["storage"]
    assert storage["services"] == ["Azure SQL", "Azure storage"]
    assert storage["locations"] == ["United States"]
    assert storage["location_note"] == "W stores its data in the United States."
    assert storage["retention"] == [
        {
            "data": "Personal data",
            "period": "a maximum of 30 days",
            "exceptions": [{"data": "The actual alert data", "period": "180 days"}],
        },
        {"data": "Logs", "period": "90 days after the subscription ends"},
    ]
    assert "Personal data is retained for a maximum of 30 days" in storage["retention_note"]
    assert storage["staff_locations"] == {
        "teams": "The W operations teams",
        "locations": ["United States", "India"],
    }


def test_service_locations_and_rights(tmp_path: Path) -> None:
    page = FRONT + (
        "# W\n\n## Data usage\n\n### Microsoft Intune\n\nIntune data can be stored in a few regions.\n\n"
        "## Data Subject Requests for the GDPR and CCPA\n\nThe GDPR gives rights to people.\n\n"
        "### IT Admin contact information\n\nAn admin can delete their own data.\n\n"
        "## Alert data\n\nAdmins can request deletion of alert data.\n\n"
        "- [Azure Active Directory](https://example.com/aad)\n- [Intune](https://example.com/intune)\n"
    )
    product = import_page(tmp_path, page).product
    assert product["storage"]["service_locations"] == [
        {"service": "Microsoft Intune", "body": "Intune data can be stored in a few regions."}
    ]
    rights = product["rights"]
    assert rights["intro"] == "The GDPR gives rights to people."
    assert rights["requests"] == [
        {"title": "IT Admin contact information", "body": "An admin can delete their own data."},
        {"title": "Alert data", "body": "Admins can request deletion of alert data."},
    ]
    assert [s["title"] for s in rights["services"]] == ["Azure Active Directory", "Intune"]


def test_access_compliance_next_steps(tmp_path: Path) -> None:
    page = FRONT + (
        "# W\n\n## Data access protection\n\nAccess is restricted:\n\n- It requires approval.\n- It is audited.\n\n"
        "## Processing personal data in a compliant manner\n\nW uses ISO-certified systems.\n\n"
        "## Next steps\n\nLearn how W [shares](https://example.com/share) data.\n"
    )
    product = import_page(tmp_path, page).product
    assert product["access"] == {
        "intro": "Access is restricted:",
        "protections": ["It requires approval.", "It is audited."],
        "compliance": ["W uses ISO-certified systems."],
    }
    assert product["next_steps"] == "Learn how W [shares](https://example.com/share) data."


# -- free-form text and the report -----------------------------------------------------------------


def test_free_form_sections_keep_their_place_and_report_their_lines(tmp_path: Path) -> None:
    page = FRONT + (  # the front matter has 6 lines
        "# W\n"  # 7
        "\n"
        "> Want to try W? [Sign up](https://example.com/trial)\n"  # 9
        "\n"
        "## Required data\n"  # 11
        "\n"
        "### Device\n"  # 13
        "\n"
        "- Model\n"  # 15
        "\n"
        "For more information, see [More](https://example.com/more).\n"  # 17
        "\n"
        "## Our history\n"  # 19
        "\n"
        "W was founded long ago.\n"  # 21
        "\n"
        "<!-- an editor's comment -->\n"  # 23
        ":::row:::\n"  # 24
    )
    result = import_page(tmp_path, page)
    fragments = [(f.line, f.after, f.title) for f in result.report.free_form]
    assert fragments == [
        (9, "overview", None),
        (17, "required-data", "Device"),
        (21, "required-data", "Our history"),
    ]
    sections = result.product["sections"]
    assert sections == [
        {"after": "overview", "body": "> Want to try W? [Sign up](https://example.com/trial)"},
        {
            "after": "required-data",
            "title": "Device",
            "body": "For more information, see [More](https://example.com/more).",
        },
        {"after": "required-data", "title": "Our history", "body": "W was founded long ago."},
    ]
    # The comment and the layout directive are not page text: listed for review, not imported.
    topics = {(r.line, r.topic) for r in result.report.reviews}
    assert {(23, "comment"), (24, "docfx")} <= topics


def test_includes_and_images_become_links_and_images(tmp_path: Path) -> None:
    page = FRONT + (
        "# W\n\n[!INCLUDE [Rebranding](../includes/rebrand.md)]\n\n"
        '## Setup\n\n:::image type="content" source="images/a.png" alt-text="The settings":::\n'
    )
    result = import_page(tmp_path, page)
    bodies = [s["body"] for s in result.product["sections"]]
    assert bodies == ["[Rebranding](../includes/rebrand.md)", "![The settings](images/a.png)"]
    assert [f.line for f in result.report.free_form] == [9, 13]


def test_json_report_from_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        FRONT + "# W\n\n## Required data\n\n- Model\n\n## Elsewhere\n\nSome text.\n", "utf-8"
    )
    report = tmp_path / "report.json"
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nplugins:\n  - privacy-pages\n", "utf-8")
    code = main(["import", str(page), "--config", str(config), "--report", str(report)])
    assert code == 0
    out = capsys.readouterr().out
    assert f"{page.as_posix()}:15: → required-data / Elsewhere" in out
    data = json.loads(report.read_text("utf-8"))
    [entry] = data["pages"]
    assert entry["counts"]["items"] == 1
    assert [(f["line"], f["title"], f["text"]) for f in entry["free_form"]] == [
        (15, "Elsewhere", "Some text.")
    ]


# -- metadata --------------------------------------------------------------------------------------


def test_front_matter_normalized_and_unknown_keys_kept(tmp_path: Path) -> None:
    page = (
        "---\n# required metadata\ntitle: Data collection in W\ndescription: What W collects.\n"
        "keywords: privacy, personal data\nms.date: 04/27/2022\nms.collection: M365-security \n"
        "ms.prod: w10\nms.technology:\nms.custom: intune-azure\n---\n# W\n\nW collects data.\n"
    )
    rules = MetadataRules(
        required=("title", "description", "ms.date", "ms.collection", "ms.service", "audience"),
        types={"ms.date": "date", "ms.collection": "list", "keywords": "list"},
    )
    result = import_page(tmp_path, page, rules=rules)
    metadata = result.product["metadata"]
    assert metadata["ms.date"] == "2022-04-27"
    assert metadata["ms.collection"] == ["M365-security"]
    assert metadata["keywords"] == ["privacy", "personal data"]
    assert metadata["ms.custom"] == "intune-azure"  # unknown keys are kept
    assert metadata["ms.prod"] == "w10"
    assert "ms.technology" in metadata and metadata["ms.technology"] is None
    assert metadata["ms.service"] == "w10"  # a synonym fills a required key
    assert metadata["audience"] == "TODO"  # nothing to fill it from: a placeholder to review
    messages = [r.message for r in result.report.reviews if r.topic == "metadata"]
    assert any(m.startswith("audience: not in the page") for m in messages)
    assert any("front-matter comment not imported" in m for m in messages)
    assert "# Review before publishing:" in result.text


def test_mojibake_is_repaired_and_reported(tmp_path: Path) -> None:
    damaged = mojibake("it\u2019s")
    page = FRONT + f"# W\n\nW runs on the device {damaged} installed on.\n"
    result = import_page(tmp_path, page)
    assert result.product["intro"] == "W runs on the device it\u2019s installed on."
    [review] = [r for r in result.report.reviews if r.topic == "mojibake"]
    assert review.line == 9 and mojibake("\u2019") in review.message
    assert damaged not in result.text


# -- catalog, ids, idempotence -----------------------------------------------------------------------


def test_catalog_matching_reuses_ids_and_categories(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "catalog").mkdir(parents=True)
    (content / "categories.yml").write_text(
        "categories:\n  - id: device\n    name: Device and account information\n", "utf-8"
    )
    (content / "catalog" / "items.yml").write_text(
        "items:\n"
        "  - id: aad-device-id\n    name: Azure AD device ID\n    category: device\n"
        "  - id: upn\n    name: UPN\n    category: device\n    aliases: [User Principal Name]\n",
        "utf-8",
    )
    page = FRONT + (
        "# W\n\n## Required data\n\n### Device and Account Information\n\n"
        "- Azure AD Device ID\n- User principal name\n- Device model\n"
    )
    result = import_page(tmp_path, page, content=content)
    [group] = result.product["required"]["groups"]
    assert group["category"] == "device"
    refs = [item["ref"] for item in group["items"]]
    assert refs[:2] == ["aad-device-id", "upn"]
    assert group["items"][0]["name"] == "Azure AD Device ID"  # the product's own wording
    assert refs[2] == "device-model"
    assert [i["id"] for i in result.catalog] == ["device-model"]
    assert result.report.reused_catalog_items == ["aad-device-id", "upn"]
    assert result.report.new_catalog_items == ["device-model"]
    # The existing files are not rewritten; no categories.yml entries were needed.
    assert (content / "categories.yml").read_text("utf-8").count("- id:") == 1


def test_new_ids_are_deterministic_and_unique(tmp_path: Path) -> None:
    page = (
        FRONT
        + "# W\n\n## Required data\n\n### A\n\n- Model\n- model.\n\n### B\n\n- Model\n- Required data\n"
    )
    result = import_page(tmp_path, page)
    first, second = result.product["required"]["groups"]
    # "Model" twice in one group is one item (an item may be listed once per group).
    assert [i.get("ref") or i.get("id") for i in first["items"]] == ["model"]
    assert [r.line for r in result.report.reviews if "listed again" in r.message] == [
        page.splitlines().index("- model.") + 1
    ]
    assert second["items"][0]["ref"] == "model"  # the same item in another group
    assert second["items"][1]["ref"] == "required-data-2"  # never a section name
    again = import_pages([tmp_path / "page.md"], ImportOptions(result.content, RULES))
    assert again[0].unchanged
    assert (result.content / "products" / "w.yml").read_text("utf-8") == result.text


def test_reimport_is_idempotent(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "---\ntitle: W\ndescription: d\n---\n# W\n\n## Required data\n\n" + WORKLOAD_TABLE, "utf-8"
    )
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nplugins:\n  - privacy-pages:\n      metadata:\n"
        "        required: [title, description, ms.date, audience]\n"
        "        types: {ms.date: date}\n",
        "utf-8",
    )
    args = ["import", str(page), "--config", str(config)]
    assert main([*args, "--date", "2024-01-01"]) == 0
    before = {p: p.read_bytes() for p in sorted((tmp_path / "content").rglob("*")) if p.is_file()}
    assert main([*args, "--date", "2025-06-30"]) == 0  # another day: still nothing changes
    after = {p: p.read_bytes() for p in sorted((tmp_path / "content").rglob("*")) if p.is_file()}
    assert after == before
    assert len(before) == 3


def test_existing_product_is_not_replaced_without_force(tmp_path: Path) -> None:
    first = import_page(tmp_path, FRONT + "# W\n\n## Required data\n\n- Model\n", name="a.md")
    page = tmp_path / "b.md"
    page.write_text(FRONT + "# W\n\n## Required data\n\n- Serial number\n", "utf-8")
    options = ImportOptions(first.content, RULES, today="2024-01-02")
    with pytest.raises(PageImportError, match="--force"):
        import_pages([page], options)
    assert yaml.safe_load(first.text) == first.product
    [report] = import_pages([page], ImportOptions(first.content, RULES, force=True))
    assert report.product_id == first.report.product_id
    updated = yaml.safe_load((first.content / "products" / "w.yml").read_text("utf-8"))
    assert updated["required"]["groups"][0]["items"] == [{"ref": "serial-number"}]


def test_dry_run_writes_nothing_and_product_id_option(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(FRONT + "# Some long title\n\n## Required data\n\n- Model\n", "utf-8")
    [report] = import_pages(
        [page], ImportOptions(tmp_path / "content", RULES, product_id="widget", dry_run=True)
    )
    assert report.product_id == "widget" and report.counts.items == 1
    assert not (tmp_path / "content").exists()


def test_base_url_makes_relative_links_absolute(tmp_path: Path) -> None:
    page = FRONT + (
        "# W\n\nSee [storage](data-storage.md#where), [admin](/intune/admin) and [top](#top). "
        "[xref](xref:Some.Uid) is refused.\n"
    )
    result = import_page(tmp_path, page, base_url="https://learn.example.com/en-us/w/")
    # The page has no heading "top", and so the product page no such anchor: the link is text.
    assert result.product["intro"] == (
        "See [storage](https://learn.example.com/en-us/w/data-storage#where), "
        "[admin](https://learn.example.com/intune/admin) and top. xref is refused."
    )
    topics = [r.message for r in result.report.reviews if r.topic == "link"]
    assert sorted(topics) == [
        "#top: the product page has no such section: the link became its text",
        "xref:Some.Uid: xref: links are not allowed (use https:// or a relative path); the link was replaced by its text",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.md"], "page not found"),
        (["PAGE", "--product-id", "Not An Id"], "--product-id"),
        (["PAGE", "PAGE", "--product-id", "w"], "given twice"),
        (["PAGE", "--date", "27/04/2022"], "--date"),
    ],
)
def test_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    page = tmp_path / "page.md"
    page.write_text(FRONT + "# W\n", "utf-8")
    argv = [
        str(page) if a == "PAGE" else str(tmp_path / a) if a.endswith(".md") else a for a in args
    ]
    assert main(["import", *argv, "--content", str(tmp_path / "content")]) == 2
    assert message in capsys.readouterr().err


# -- what real pages do ----------------------------------------------------------------------------


def test_statement_bullets_are_text_and_purpose_lists_are_purposes_not_items(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# W\n\n## Data collection of W\n\n"
        "W uses data these services collect from enrolled devices:\n\n"
        "- Windows diagnostic data from devices is sent to Microsoft's data stores.\n"
        "- W uses Microsoft Intune to distribute its configuration.\n\n"
        "## What are we collecting?\n\n### Device\n\n- File names\n- Process data\n\n"
        "This data enables W to:\n\n- Identify indicators of attack\n- Generate alerts\n"
    )
    result = import_page(tmp_path, page)
    # Nothing on the page says whether the data is required: it is collected, not required.
    collected = result.product["collected"]
    assert "- W uses Microsoft Intune to distribute its configuration." in collected["intro"]
    assert result.names("collected") == ["File names", "Process data"]
    # The list of purposes is what the data is used for, not data.
    assert result.product["purposes"] == {
        "intro": "This data enables W to:",
        "items": ["Identify indicators of attack", "Generate alerts"],
    }
    assert "sections" not in result.product


def test_numbered_bold_headings_and_bold_paragraph_titles(tmp_path: Path) -> None:
    page = FRONT + (
        "# W\n\n## **1. Information We Collect**\n\n#### **a. Personal Information**\n\n"
        "- Name\n- Email address\n\n**Usage data**\n\n- Pages visited\n"
    )
    result = import_page(tmp_path, page)
    first, second = result.product["collected"]["groups"]  # no words say it is required
    names = {c["id"]: c["name"] for c in result.categories}
    assert names[first["category"]] == "Personal Information"  # numbering and bold dropped
    assert names[second["category"]] == "Usage data"
    assert result.names("collected") == ["Name", "Email address", "Pages visited"]


def test_retention_table_with_a_link_column_and_rows_wider_than_the_header(tmp_path: Path) -> None:
    page = FRONT + (
        "# W\n\n## Data retention\n\n"
        "|Product|Data retention policy|More information|\n|:---:|:---:|:---:|\n"
        "|W for Endpoint|180 days|[W storage](https://example.com/w)|\n"
        "|W for Office|Varies by license|[W retention](https://example.com/o)| extra words |\n"
    )
    storage = import_page(tmp_path, page).product["storage"]
    assert storage["retention"] == [
        {
            "data": "W for Endpoint",
            "period": "180 days",
            "note": "**More information:** [W storage](https://example.com/w)",
        },
        {
            "data": "W for Office",
            "period": "Varies by license",
            "note": "**More information:** [W retention](https://example.com/o)\n\n"
            "**:** extra words",
        },
    ]


def test_title_from_front_matter_and_ids_unique_within_one_import(tmp_path: Path) -> None:
    first = tmp_path / "one.md"
    second = tmp_path / "two.md"
    first.write_text("---\ntitle: Widget privacy\ndescription: d\n---\nSome text.\n", "utf-8")
    second.write_text("---\ntitle: Widget privacy\ndescription: e\n---\nOther text.\n", "utf-8")
    reports = import_pages([first, second], ImportOptions(tmp_path / "content", RULES))
    assert [r.product_id for r in reports] == ["widget-privacy", "widget-privacy-2"]
    path = tmp_path / "content" / "products" / "widget-privacy.yml"
    product = yaml.safe_load(path.read_text("utf-8"))
    assert product["name"] == "Widget privacy"


def test_page_whose_sections_sit_under_an_h2_title(tmp_path: Path) -> None:
    page = (
        "---\ntitle: 'Privacy Policy: Acme Notes'\ndescription: d\nms.date: 2024-01-01\n"
        "ms.collection: x\n---\n"
        "## **Privacy Policy**\n\n### **Last Updated: 1 March 2024**\n\nWe care about privacy.\n\n"
        "### **1. Information We Collect**\n\n#### **a. Account Information**\n- Name\n\n"
        "### **2. How We Use Your Information**\n\n"
        "| Data | Purpose | Legal basis |\n|---|---|---|\n| Name | Account login | Contract |\n\n"
        "### **3. Your Rights**\n\nYou may have the right to delete your data.\n\n"
        "### **4. Changes to This Policy**\n\nWe may update this policy.\n"
    )
    product = import_page(tmp_path, page).product
    assert product["name"] == "Privacy Policy: Acme Notes"  # the heading says less than the title
    assert product["intro"] == "**Last Updated: 1 March 2024**\n\nWe care about privacy."
    assert [g["category"] for g in product["collected"]["groups"]] == ["account-information"]
    assert product["data_use"]["uses"] == [
        {"source": "Name", "use": "Account login", "legal_basis": "contract"}
    ]
    assert product["rights"] == {"intro": "You may have the right to delete your data."}
    # Not about rights: a free-form section after the rights section, not a rights request.
    assert product["sections"] == [
        {
            "after": "your-rights",
            "title": "Changes to This Policy",
            "body": "We may update this policy.",
        }
    ]


def test_wrapper_heading_over_known_sections(tmp_path: Path) -> None:
    page = FRONT + (
        "# W\n\n## Details\n\nSome context.\n\n### Required data\n\n- Model\n\n"
        "### Data retention\n\nLogs are kept for 30 days.\n"
    )
    result = import_page(tmp_path, page)
    assert result.names() == ["Model"]
    assert result.product["storage"]["retention"] == [{"data": "Logs", "period": "30 days"}]
    assert result.product["sections"] == [
        {"after": "overview", "title": "Details", "body": "Some context."}
    ]


def test_data_type_examples_purpose_retention_table(tmp_path: Path) -> None:
    page = FRONT + (
        "# W\n\n## Information we collect\n\n"
        "| Data type | Examples | Purpose | Collected when | Retention |\n|---|---|---|---|---|\n"
        "| Contact data | Name, email | Support | You contact us | 2 years |\n"
        "| Telemetry | <ul><li>Crash logs</li><li>Performance</li></ul> | Fix bugs | | 90 days |\n"
    )
    result = import_page(tmp_path, page)
    # "Information we collect" does not say whether it is required: collected.
    contact = result.item("Contact data", "collected")
    assert contact["description"] == "Name, email"
    assert contact["purpose"] == "Support"
    assert contact["condition"] == "You contact us"
    assert result.item("Telemetry", "collected")["description"] == "- Crash logs\n- Performance"
    assert result.product["storage"]["retention"] == [
        {"data": "Contact data", "period": "2 years"},
        {"data": "Telemetry", "period": "90 days"},
    ]


def test_new_categories_and_items_are_appended_to_existing_files(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "catalog").mkdir(parents=True)
    categories = (
        "# Our categories.\ncategories:\n    - id: device\n      name: Device data  # kept\n"
    )
    (content / "categories.yml").write_text(categories, "utf-8")
    catalog = "items:\n- id: model\n  name: Model\n  category: device\n"
    (content / "catalog" / "imported.yml").write_text(catalog, "utf-8")
    page = FRONT + "# W\n\n## Required data\n\n### Network\n\n- IP address\n- Model\n"
    result = import_page(tmp_path, page, content=content)
    assert (content / "categories.yml").read_text("utf-8") == (
        categories + "    - id: network\n      name: Network\n"
    )
    assert (content / "catalog" / "imported.yml").read_text("utf-8") == (
        catalog + "- id: ip-address\n  name: IP address\n  category: network\n"
    )
    assert [i["ref"] for i in result.items()] == ["ip-address", "model"]


def test_categories_file_that_cannot_be_appended_to_stops_the_import(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "categories.yml").write_text(
        "categories:\n  - id: device\n    name: Device data\nnotes: written last\n", "utf-8"
    )
    page = tmp_path / "page.md"
    page.write_text(FRONT + "# W\n\n## Required data\n\n### Network\n\n- IP address\n", "utf-8")
    with pytest.raises(PageImportError, match="cannot add the categories network"):
        import_pages([page], ImportOptions(content, RULES))
    assert not (content / "products").exists()


def test_every_section_kept_as_text_is_counted(tmp_path: Path) -> None:
    """The report's count of sections kept as free-form text counts each one, a sub-section
    of the overview or of the controller's details too."""
    page = FRONT + (
        "# Widget privacy\n\n## Overview\n\nWidget is an app.\n\n### History of the app\n\n"
        "It began in 2019.\n\n## What data we collect\n\n- Device ID\n\n## License\n\nMIT.\n"
    )
    result = import_page(tmp_path, page)
    titles = [s.get("title") for s in result.product.get("sections", [])]
    assert "History of the app" in titles and "License" in titles, titles
    assert result.report.counts.sections_free_form == 2
