"""The ``gdpr`` completeness profile (``completeness: [gdpr]``) and the record fields it checks:
the example site's complete product has no finding, each element removed from it gives one
finding at the line where the element belongs, citing its article, and sites that do not
turn the profile on see nothing of it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, copy_example_site, set_plugin_options
from privacy_pages.check.rules import RULES_BY_ID
from privacy_pages.cli import main
from privacy_pages.settings import SettingsError, settings_from_options

PRODUCT = "content/products/contoso-timesheets.yml"
GDPR_RULES = (
    "gdpr-legal-basis",
    "gdpr-controller",
    "gdpr-dpo",
    "gdpr-recipients",
    "gdpr-transfers",
    "gdpr-retention",
    "gdpr-rights",
    "gdpr-complaint",
    "gdpr-automated-decisions",
    "gdpr-data-sources",
)


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Path]:
    """A copy of the example site as the working directory, the profile at its default
    severity (the example site lowers it to info)."""
    target = copy_example_site(tmp_path / "site")
    config = yaml.safe_load((target / "mkdocs.yml").read_text("utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "privacy-pages" in plugin:
            lint = plugin["privacy-pages"].get("lint", {})
            for rule in GDPR_RULES:
                lint.pop(rule, None)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(target)
        yield target


def findings(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    main(["validate", "--format", "json"])
    diagnostics: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["diagnostics"]
    return [d for d in diagnostics if d["rule"].startswith("gdpr-")]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")


def line_of(path: Path, text: str) -> int:
    lines = path.read_text("utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_the_complete_product_has_no_finding(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = findings(capsys)
    assert [f for f in found if f["file"] == PRODUCT] == []
    # The seed statements do not say these things: each lacks some, as warnings here.
    seeds = {f["file"] for f in found}
    assert len(seeds) == 4 and all(f["severity"] == "warning" for f in found)


def test_a_purpose_without_legal_basis_is_one_finding_at_its_line(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = site / PRODUCT
    edit(
        record,
        "      use: Product improvement.\n      legal_basis: consent\n",
        "      use: Product improvement.\n",
    )
    mine = [f for f in findings(capsys) if f["file"] == PRODUCT]
    assert len(mine) == 1, mine
    (finding,) = mine
    assert finding["rule"] == "gdpr-legal-basis"
    assert finding["key_path"] == "data_use.uses[4]"
    assert "'Product improvement.'" in finding["message"]
    assert "GDPR Art. 13(1)(c)" in finding["message"]
    # At the purpose's entry: the line of its "- source:".
    assert finding["line"] == line_of(record, "Usage events")


@pytest.mark.parametrize(
    ("elements", "rule", "article"),
    [
        (["  complaint: You can complain"], "gdpr-complaint", "Art. 13(2)(d)"),
        (["automated_decisions:\n"], "gdpr-automated-decisions", "Art. 13(2)(f)"),
        (["  dpo:\n"], "gdpr-dpo", "Art. 13(1)(b)"),
        (["sharing:\n"], "gdpr-recipients", "Art. 13(1)(e)"),
        (["  transfers:\n"], "gdpr-transfers", "Art. 13(1)(f)"),
        (["  retention:\n"], "gdpr-retention", "Art. 13(2)(a)"),
        (["data_sources:\n"], "gdpr-data-sources", "Art. 14(2)(f)"),
        (["  intro: You can ask", "\n  rights:\n"], "gdpr-rights", "Art. 13(2)(b)"),
    ],
)
def test_each_element_removed_is_named_with_its_article(
    site: Path, capsys: pytest.CaptureFixture[str], elements: list[str], rule: str, article: str
) -> None:
    record = site / PRODUCT
    for element in elements:
        remove(record, element)
    mine = [f for f in findings(capsys) if f["file"] == PRODUCT]
    assert [f["rule"] for f in mine] == [rule]
    assert f"GDPR {article}" in mine[0]["message"]


def test_every_rule_of_the_profile_has_a_case() -> None:
    assert set(GDPR_RULES) == {r.id for r in RULES_BY_ID.values() if r.profile == "gdpr"}


def remove(record: Path, element: str) -> None:
    """Remove the element that starts at ``element``: its lines, up to the next line as little
    indented as its first."""
    text = record.read_text("utf-8")
    start = text.index(element) + (1 if element.startswith("\n") else 0)
    lines = text[start:].splitlines(keepends=True)
    depth = len(lines[0]) - len(lines[0].lstrip())
    end = 1
    while end < len(lines) and (len(lines[end]) - len(lines[end].lstrip())) > depth:
        end += 1
    record.write_text(text[:start] + "".join(lines[end:]), "utf-8")


def test_the_site_controller_stands_for_products_without_their_own(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {f["file"] for f in findings(capsys) if f["rule"] == "gdpr-controller"}
    assert PRODUCT not in before and len(before) == 4
    set_plugin_options(
        site, {"controller": {"name": "Contoso Ltd.", "contact": "x@contoso.example"}}
    )
    after = findings(capsys)
    assert not [f for f in after if f["rule"] == "gdpr-controller"]
    # The site's controller names no DPO: every product without its own is told.
    assert {f["file"] for f in after if f["rule"] == "gdpr-dpo"} == before


def test_off_by_default(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_plugin_options(site, {"completeness": []})
    assert findings(capsys) == []


def test_a_wrong_legal_basis_is_an_error_at_its_place(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = site / PRODUCT
    edit(record, "legal_basis: consent", "legal_basis: consnet")
    main(["validate", "--format", "json"])
    diagnostics = json.loads(capsys.readouterr().out)["diagnostics"]
    (error,) = [d for d in diagnostics if d["severity"] == "error"]
    assert error["file"] == PRODUCT
    assert error["line"] == line_of(record, "legal_basis: consnet")
    assert error["key_path"] == "data_use.uses[4].legal_basis"
    assert "consent" in error["message"]


def test_a_legitimate_interest_must_say_which(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = site / PRODUCT
    text = record.read_text("utf-8")
    start = text.index("      legitimate_interest:")
    record.write_text(text[:start] + text[text.index("\n", start) + 1 :], "utf-8")
    main(["validate", "--format", "json"])
    diagnostics = json.loads(capsys.readouterr().out)["diagnostics"]
    (error,) = [d for d in diagnostics if d["severity"] == "error"]
    assert "legitimate_interest" in error["message"]
    assert error["key_path"].startswith("data_use.uses[3]")


def test_the_site_controller_option_is_checked_against_the_schema() -> None:
    with pytest.raises(SettingsError, match=r"controller\.dpo.*'contact' is a required"):
        settings_from_options({"controller": {"name": "C", "contact": "c", "dpo": {}}}, REPO)
    with pytest.raises(SettingsError, match="completeness: expected one of gdpr"):
        settings_from_options({"completeness": ["ccpa"]}, REPO)


#: The commented lines of the GDPR fields in the ``new product`` scaffold.
_COMMENTED_FIELD = re.compile(
    r"^( *)# ( *(?:legal_basis|legitimate_interest|special_category_condition|controller|name"
    r"|address|contact|dpo|sharing|recipients|- name|purpose|data_sources|from_person_only"
    r"|sources|- data|source|automated_decisions|used|transfers|outside_eea|destinations"
    r"|- to|safeguard|complaint|data_subjects):)",
    re.MULTILINE,
)


def test_the_scaffold_offers_every_element(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["new", "product", "contoso-notes-ios", "--name", "Contoso Notes for iOS"])
    capsys.readouterr()
    record = site / "content/products/contoso-notes-ios.yml"
    lacking = {f["rule"] for f in findings(capsys) if f["file"].endswith("contoso-notes-ios.yml")}
    assert lacking >= {"gdpr-legal-basis", "gdpr-controller", "gdpr-complaint"}
    # Uncommented, its fields are valid and leave nothing for the profile to report.
    text, count = _COMMENTED_FIELD.subn(r"\1\2", record.read_text("utf-8"))
    assert count > 20
    record.write_text(text, "utf-8")
    mine = [f for f in findings(capsys) if f["file"].endswith("contoso-notes-ios.yml")]
    assert mine == []
    main(["validate", "--format", "json"])
    diagnostics = json.loads(capsys.readouterr().out)["diagnostics"]
    assert not [d for d in diagnostics if d["severity"] == "error"]
