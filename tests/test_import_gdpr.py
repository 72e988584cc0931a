"""Import reads what a GDPR statement states into the fields made for it (issue 58, point 5):
legal bases onto the purposes, the controller and its data protection officer, the right to
complain. Never into data items, and only where the page says it plainly: otherwise the text
stays text and the report says why.

Each page here is written for the test; the expected values come from reading it.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from conftest import run_mkdocs
from import_corpus import strict_config
from privacy_pages.cli import main
from privacy_pages.importer.legal_bases import legal_basis
from test_import_seeds import site_config
from test_import_unseen_shapes import data_items
from test_importer import FRONT, import_page

BASES_TABLE = FRONT + (
    "# Acme Notes privacy notice\n\n"
    "Acme Notes is a note-taking app.\n\n"
    "## Data we collect\n\n"
    "| Data | Purpose | Legal basis |\n| --- | --- | --- |\n"
    "| Email address | Signing in to your account | Art. 6(1)(b) GDPR |\n"
    "| IP address | Keeping the service safe | Legitimate interests in preventing fraud and abuse |\n"
    "| Crash reports | Fixing errors | Consent |\n\n"
    "## Why we process it\n\n"
    "| Purpose | Legal basis |\n| --- | --- |\n"
    "| Sending invoices | Legal obligation (Art. 6 para. 1 lit. c DSGVO) |\n"
    "| Product news | Legitimate interest |\n"
    "| Support | Consent or contract |\n"
)


def uses(text: str, tmp_path: Path) -> tuple[list[dict[str, str]], list[str], list[str]]:
    result = import_page(tmp_path, text)
    names = [str(item["name"]) for item in data_items(result)]
    reviews = [r.message for r in result.report.reviews if r.topic == "legal-basis"]
    return result.product.get("data_use", {}).get("uses", []), names, reviews


def test_a_legal_basis_column_goes_onto_the_purposes_never_into_items(tmp_path: Path) -> None:
    found, names, _reviews = uses(BASES_TABLE, tmp_path)
    assert names == ["Email address", "IP address", "Crash reports"]
    by_use = {use["use"]: use for use in found}
    assert by_use["Signing in to your account"]["source"] == "Email address"
    assert by_use["Signing in to your account"]["legal_basis"] == "contract"
    assert by_use["Fixing errors"]["legal_basis"] == "consent"
    assert by_use["Sending invoices"]["legal_basis"] == "legal-obligation"
    # No item carries a legal basis, in its name or its text.
    (tmp_path / "again").mkdir()
    for item in data_items(import_page(tmp_path / "again", BASES_TABLE)):
        assert "basis" not in json.dumps(item).lower(), item
        assert "Art. 6" not in json.dumps(item), item


def test_a_legitimate_interest_says_which_interest_in_the_page_words(tmp_path: Path) -> None:
    found, _names, reviews = uses(BASES_TABLE, tmp_path)
    by_use = {use["use"]: use for use in found}
    safe = by_use["Keeping the service safe"]
    assert safe["legal_basis"] == "legitimate-interests"
    assert safe["legitimate_interest"] == "Legitimate interests in preventing fraud and abuse"
    # The cell names no interest: the purpose is the interest pursued, and the report says so.
    news = by_use["Product news"]
    assert news["legitimate_interest"] == "Product news"
    assert any("interest is read as the purpose" in r for r in reviews)


def test_a_cell_naming_two_bases_decides_none_and_keeps_its_words(tmp_path: Path) -> None:
    found, _names, reviews = uses(BASES_TABLE, tmp_path)
    [support] = [use for use in found if use["use"].startswith("Support")]
    assert "legal_basis" not in support
    assert "Consent or contract" in support["use"]
    assert any("'Consent or contract' names no single legal basis" in r for r in reviews)


def test_legal_bases_by_name_and_by_article() -> None:
    assert legal_basis("Art. 6 Para. 1 S. 1 lit. f DSGVO") == "legitimate-interests"
    assert legal_basis("Article 6(1)(a)") == "consent"
    assert legal_basis("performance of a contract") == "contract"
    assert legal_basis("in the public interest") == "public-task"
    assert legal_basis("to protect vital interests") == "vital-interests"
    assert legal_basis("consent, contract or legal obligation") is None
    assert legal_basis("Account login") is None


CONTROLLER = FRONT + (
    "# Acme Notes privacy notice\n\n"
    "Acme Notes is a note-taking app.\n\n"
    "## Controller\n\n"
    "Acme GmbH  \nHauptstraße 1  \n10115 Berlin, Germany  \n"
    "Email: [privacy@acme.example](mailto:privacy@acme.example)\n\n"
    "### Data protection officer\n\n"
    "- Email: dpo@acme.example\n\n"
    "## International data transfers\n\n"
    "Our support team in the United States sees your data, under Standard Contractual Clauses.\n\n"
    "## Your rights\n\n"
    "- You can ask for a copy of your data.\n"
    "- You have the right to lodge a complaint with a supervisory authority.\n"
)


def test_a_controller_with_a_way_to_reach_it_is_the_controller(tmp_path: Path) -> None:
    product = import_page(tmp_path, CONTROLLER).product
    assert product["controller"] == {
        "name": "Acme GmbH",
        "address": "Hauptstraße 1, 10115 Berlin, Germany",
        "contact": "Email: [privacy@acme.example](mailto:privacy@acme.example)",
        "dpo": {"contact": "Email: dpo@acme.example"},
    }
    assert product["rights"]["rights"] == ["You can ask for a copy of your data."]
    assert product["rights"]["complaint"] == (
        "You have the right to lodge a complaint with a supervisory authority."
    )
    assert "Acme GmbH" not in json.dumps(product.get("sections", []))


def test_a_controller_without_a_contact_stays_text(tmp_path: Path) -> None:
    page = FRONT + "# App\n\nAn app.\n\n## Controller\n\nAcme GmbH  \nHauptstraße 1, Berlin\n"
    result = import_page(tmp_path, page)
    assert "controller" not in result.product
    [section] = [s for s in result.product["sections"] if s.get("title") == "Controller"]
    assert "Acme GmbH" in section["body"] and "Hauptstraße 1" in section["body"]


def test_a_supervisory_authority_section_is_the_complaint_right(tmp_path: Path) -> None:
    page = FRONT + (
        "# App\n\nAn app.\n\n## Supervisory authority\n\n"
        "You can complain to the [Data Protection Commission](https://www.dataprotection.ie/).\n"
    )
    product = import_page(tmp_path, page).product
    assert product["rights"]["complaint"] == (
        "You can complain to the [Data Protection Commission](https://www.dataprotection.ie/)."
    )
    assert not product.get("sections")


def test_an_imported_gdpr_statement_builds_and_shows_each_field(tmp_path: Path) -> None:
    config = site_config(tmp_path)
    for name, text in (("bases.md", BASES_TABLE), ("controller.md", CONTROLLER)):
        (tmp_path / name).write_text(text, "utf-8")
    pages = [str(tmp_path / "bases.md"), str(tmp_path / "controller.md")]
    assert main(["import", *pages, "--config", str(config), "--date", "2024-06-01"]) == 0
    records = sorted((tmp_path / "content" / "products").glob("*.yml"))
    assert len(records) == 2, records
    # Strict, with the lint rules that warn by design about any imported page turned off (the
    # writer's placeholders and dates to review), as the import corpus builds.
    result = run_mkdocs(strict_config(config), strict=True, site_dir=tmp_path / "_site")
    assert result.ok, result.messages
    html = "\n".join(
        result.html(f"privacy/{yaml.safe_load(r.read_text('utf-8'))['id']}.md") for r in records
    )
    for shown in ("Legitimate interests in preventing fraud and abuse", "Acme GmbH", "dpo@acme"):
        assert shown in html
    assert "<td>United States</td>" in html and "Standard contractual clauses" in html
    assert "supervisory authority" in html


def transfers(tmp_path: Path, said: str) -> tuple[dict[str, object] | None, list[str]]:
    page = FRONT + f"# App\n\nAn app.\n\n## International data transfers\n\n{said}\n"
    result = import_page(tmp_path, page)
    sections = [s["body"] for s in result.product.get("sections", [])]
    return result.product.get("storage", {}).get("transfers"), sections


def test_a_transfer_said_as_a_fact_names_each_country_and_its_safeguard(tmp_path: Path) -> None:
    said = (
        "Our support team in the United States and India sees your data. We rely on the "
        "Standard Contractual Clauses."
    )
    found, sections = transfers(tmp_path, said)
    assert found == {
        "outside_eea": True,
        "intro": said,
        "destinations": [
            {"to": "United States", "safeguard": "standard-contractual-clauses"},
            {"to": "India", "safeguard": "standard-contractual-clauses"},
        ],
    }
    assert not sections


def test_a_transfer_said_as_a_possibility_stays_text(tmp_path: Path) -> None:
    said = "Your data may be processed in the United States under Standard Contractual Clauses."
    found, sections = transfers(tmp_path, said)
    assert found is None
    assert any(said in body for body in sections)


def test_no_transfer_outside_the_eea_is_said_as_none(tmp_path: Path) -> None:
    said = "We do not transfer your personal data outside the European Economic Area."
    found, _sections = transfers(tmp_path, said)
    assert found == {"outside_eea": False, "intro": said}


def test_a_transfer_without_a_safeguard_stays_text(tmp_path: Path) -> None:
    said = "Our servers are in the United States."
    found, sections = transfers(tmp_path, said)
    assert found is None
    assert any(said in body for body in sections)


def test_a_transfer_denied_for_a_country_stays_text(tmp_path: Path) -> None:
    said = (
        "We do not send your data to the United States. Our hosting in Frankfurt is covered by "
        "Standard Contractual Clauses."
    )
    found, sections = transfers(tmp_path, said)
    assert found is None
    assert any("Frankfurt" in body for body in sections)


def test_a_line_that_introduces_a_way_to_reach_the_controller_is_its_contact(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# App\n\nAn app.\n\n## Identity of the controller\n\n"
        "Jane Doe\\\nMain Street 10\\\n81375 Munich\\\nOur contact form is at:\\\n"
        "[https://forms.example.org/privacy](https://forms.example.org/privacy)\n"
    )
    controller = import_page(tmp_path, page).product["controller"]
    assert controller["name"] == "Jane Doe"
    assert controller["address"] == "Main Street 10, 81375 Munich"
    assert "Our contact form is at:" in controller["contact"]
    assert "https://forms.example.org/privacy" in controller["contact"]


def test_a_legal_basis_section_that_names_the_gdpr_is_about_use_not_rights(
    tmp_path: Path,
) -> None:
    said = "The legal basis for collecting crash reports is your consent (Art. 6(1)(a) GDPR)."
    page = FRONT + f"# App\n\nAn app.\n\n## Legal basis for processing (GDPR)\n\n{said}\n"
    product = import_page(tmp_path, page).product
    assert said not in json.dumps(product.get("rights", {}))
    [section] = [s for s in product["sections"] if said in s["body"]]
    assert section["after"] == "data-use"
