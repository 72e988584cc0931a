"""``privacy-pages import --product-id ID A.md B.md…``: one statement from the pages it is spread
over.

Intune's statement is four pages on Microsoft Learn (``fixtures/import-merge``, see its
SOURCES.yml): they are imported as one product into a copy of the example site, the site is
built strictly, and every fact of each page must be on the one built page. The report must name
the page and line of each fact, and list where two pages disagree (pages written here, with a
disagreement planted in them).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, copy_example_site
from fidelity import missing_facts, page_text, seed_facts
from privacy_pages.importer.merge import product_name
from test_import_existing_site import (
    FRONT,
    Run,
    build_strictly,
    run_import,
    snapshot,
    today,
    write_page,
)

INTUNE = REPO / "tests/fixtures/import-merge/intune"
#: The four pages, in the order Learn's own "Next steps" links walk them.
INTUNE_PAGES = [
    INTUNE / f"privacy-data-{name}.md"
    for name in ("collect", "store-process", "secure-share", "audit-export-delete")
]
INTUNE_ORDER = [path.name for path in INTUNE_PAGES]
BASE_URL = "https://learn.microsoft.com/intune/intune-service/protect/"
NEW_ID = "intune-from-four-pages"
#: What the built page says instead of a fact's words (the catalog names the two items
#: "calling or web browsing history" holds).
CORRECTIONS = {
    "An end users\u2019 calling or web browsing history": "An end users\u2019 calling history. "
    "Web browsing history.",
}


@dataclass
class MergedSite:
    site: Path
    before: dict[str, bytes]
    run: Run
    build: subprocess.CompletedProcess[str]


def reviewed_today(folder: Path) -> list[Path]:
    """The four pages, copied into ``folder``, the first (whose front matter gives the
    metadata) reviewed today and with the audience the example site requires: a strict build
    fails on an old ``ms.date`` and on a placeholder."""
    copies = []
    for path in INTUNE_PAGES:
        text = path.read_text("utf-8")
        if path == INTUNE_PAGES[0]:
            date = dt.date.today().strftime("%m/%d/%Y")
            assert "ms.date: 02/01/2024\n" in text
            text = text.replace("ms.date: 02/01/2024\n", f"ms.date: {date}\naudience: ITPro\n")
        copies.append(write_page(folder, path.name, text))
    return copies


@pytest.fixture(scope="module")
def intune(tmp_path_factory: pytest.TempPathFactory) -> MergedSite:
    root = tmp_path_factory.mktemp("merge")
    site = copy_example_site(root / "site")
    pages = root / "pages"
    pages.mkdir()
    before = snapshot(site / "content")
    run = run_import(site, *reviewed_today(pages), "--product-id", NEW_ID, "--base-url", BASE_URL)
    return MergedSite(site, before, run, build_strictly(site))


def test_four_pages_make_one_product_that_builds_strictly(intune: MergedSite) -> None:
    run = intune.run
    assert run.code == 0, run.err
    # One report, one product file: the pages are one statement.
    assert [page["product_id"] for page in run.pages] == [NEW_ID]
    after = snapshot(intune.site / "content")
    added = {path for path in set(after) - set(intune.before) if path.startswith("products/")}
    assert added == {f"products/{NEW_ID}.yml"}
    assert intune.build.returncode == 0, intune.build.stdout + intune.build.stderr
    # The report names its pages, with their lengths.
    pages = run.page["pages"]
    assert [Path(page["source"]).name for page in pages] == [p.name for p in INTUNE_PAGES]
    for page in pages:
        assert page["lines"] == Path(page["source"]).read_text("utf-8").count("\n") + 1


def test_the_page_holds_every_fact_of_each_of_the_four_pages(intune: MergedSite) -> None:
    html = intune.site / "site" / "privacy" / NEW_ID / "index.html"
    text = page_text(html.read_text("utf-8"))
    for path in INTUNE_PAGES:
        facts = seed_facts(path)
        assert len(facts) > 10, path.name
        assert missing_facts(facts, text, CORRECTIONS) == [], path.name


def test_each_page_gives_the_sections_it_states(intune: MergedSite) -> None:
    record = intune.run.record()
    assert record["required"]["groups"]  # what is collected: the first page
    assert record["never_collected"]["items"]
    assert record["storage"]["retention"]  # storage and processing: the second page
    # The sections the report lists come from each page, with the line of their heading.
    sections = intune.run.page["sections"]
    by_page: dict[str, list[dict[str, Any]]] = {}
    for section in sections:
        by_page.setdefault(Path(section["page"]).name, []).append(section)
    assert set(by_page) == {path.name for path in INTUNE_PAGES}
    for found in by_page.values():
        lines = Path(found[0]["page"]).read_text("utf-8").split("\n")
        for section in found:
            heading = lines[section["line"] - 1]
            assert heading.startswith("#") and section["heading"] in heading, section


def test_each_fact_of_the_report_names_its_page_and_line(intune: MergedSite) -> None:
    page = intune.run.page
    entries = page["new_items"] + page["matches"]
    assert len(entries) > 50
    for entry in entries:
        # The line the report gives holds the item's words, on the page it names.
        line = Path(entry["page"]).read_text("utf-8").split("\n")[entry["line"] - 1]
        first_words = " ".join(entry["name"].split("(")[0].split()[:2]).casefold()
        assert first_words in line.casefold(), entry
    free = page["free_form"]
    pages_with_free_text = {Path(fragment["page"]).name for fragment in free if fragment["line"]}
    assert len(pages_with_free_text) >= 3
    for fragment in free:
        if not fragment["line"]:
            continue
        lines = Path(fragment["page"]).read_text("utf-8").split("\n")
        said = " ".join(lines[fragment["line"] - 1 : fragment["end_line"]])
        first_words = fragment["text"].split()[:3]
        assert all(w.strip("*[]") in said for w in first_words), fragment
    # The text report says it too: page:line for an item of the first page.
    first = Path(page["pages"][0]["source"])
    number = (
        first.read_text("utf-8")
        .split("\n")
        .index("| **Access control information**   | Private keys for certificates  | No  |")
    )
    assert f"{first}:{number + 1}: required 'Private keys for certificates'" in intune.run.out


def test_a_later_page_opening_text_goes_under_its_title(intune: MergedSite) -> None:
    record = intune.run.record()
    titles = [section.get("title") for section in record.get("sections", [])]
    assert "Audit export or delete personal data in Intune" in titles
    # The product's own summary and intro are the first page's.
    first_page = INTUNE_PAGES[0].read_text("utf-8")
    assert "When users enroll their corporate or personal devices" in first_page
    assert "When users enroll their corporate or personal devices" in str(record["intro"])


def test_importing_the_same_pages_again_changes_nothing(intune: MergedSite) -> None:
    before = snapshot(intune.site / "content")
    pages = sorted(
        (intune.site.parent / "pages").glob("*.md"), key=lambda p: INTUNE_ORDER.index(p.name)
    )
    again = run_import(intune.site, *pages, "--product-id", NEW_ID, "--base-url", BASE_URL)
    assert again.code == 0, again.err
    assert again.page["unchanged"] is True
    assert snapshot(intune.site / "content") == before


# -- pages that disagree ------------------------------------------------------------------------


def _front(title: str) -> str:
    return FRONT.format(title=title, date=today())


def _disagreeing_pages(folder: Path) -> tuple[Path, Path]:
    first = write_page(
        folder,
        "collect.md",
        _front("Data collection in Widget")
        + "# Data collection in Widget\n\nWidget collects data to run the service.\n\n"
        "## Required data\n\n- Device name\n- Serial number\n- Account ID\n\n"
        "## Data retention\n\nAudit logs are kept for 90 days.\n\n"
        "## Data sharing\n\nWidget shares data with:\n\n"
        "- **Contoso Analytics**: to count active devices.\n",
    )
    second = write_page(
        folder,
        "store.md",
        _front("Data storage in Widget")
        + "# Data storage in Widget\n\nThis page says where Widget keeps data.\n\n"
        "## Optional data\n\n- Serial number\n- Crash dumps\n\n"
        "## Data retention\n\nAudit logs are kept for 2 years.\n\n"
        "## Data sharing\n\nWidget shares data with:\n\n"
        "- **Contoso Analytics**: to bill the customer.\n",
    )
    return first, second


def test_where_two_pages_disagree_the_report_lists_both_and_the_record_keeps_both(
    tmp_path: Path,
) -> None:
    site = copy_example_site(tmp_path / "site")
    first, second = _disagreeing_pages(tmp_path)
    run = run_import(site, first, second, "--product-id", "widget")
    assert run.code == 0, run.err
    conflicts = {c["subject"]: c for c in run.page["conflicts"]}
    # An item required on one page and optional on the other: both, each at its line.
    serial = conflicts["item 'Serial number'"]
    claims = {(Path(c["page"]).name, c["line"], c["says"]) for c in serial["claims"]}
    first_line = first.read_text("utf-8").split("\n").index("- Serial number") + 1
    second_line = second.read_text("utf-8").split("\n").index("- Serial number") + 1
    assert claims == {("collect.md", first_line, "required"), ("store.md", second_line, "optional")}
    # A retention period, and a recipient's purpose, each page at the line that says it.
    retention = next(c for subject, c in conflicts.items() if subject.startswith("retention"))
    for claim in retention["claims"]:
        page = tmp_path / Path(claim["page"]).name
        assert "Audit logs are kept" in page.read_text("utf-8").split("\n")[claim["line"] - 1]
    assert {c["says"] for c in retention["claims"]} == {"kept 90 days", "kept 2 years"}
    recipient = conflicts["recipient 'Contoso Analytics'"]
    assert {Path(c["page"]).name for c in recipient["claims"]} == {"collect.md", "store.md"}
    # The text report says so too.
    assert "conflicts between the pages (3)" in run.out
    # The record keeps both sides of each: nothing kept silently over something else.
    record = run.record()
    text = yaml.safe_dump(record)
    assert "90 days" in text and "2 years" in text
    assert "to count active devices" in text and "to bill the customer" in text
    catalog_text = "".join(p.read_text("utf-8") for p in (site / "content/catalog").glob("*.yml"))
    for requirement in ("required", "optional"):
        refs = [item.get("ref", "") for g in record[requirement]["groups"] for item in g["items"]]
        assert any("serial" in ref for ref in refs), (requirement, refs)
    assert "serial" in catalog_text.casefold()


def test_a_fact_two_pages_state_alike_is_kept_once(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path / "site")
    body = "## Data retention\n\nAudit logs are kept for 90 days.\n"
    first = write_page(
        tmp_path,
        "a.md",
        _front("Widget") + "# Widget\n\n## Required data\n\n- Device name\n\n" + body,
    )
    second = write_page(tmp_path, "b.md", _front("Widget storage") + "# Widget storage\n\n" + body)
    run = run_import(site, first, second, "--product-id", "widget")
    assert run.code == 0, run.err
    assert run.page["conflicts"] == []
    rules = run.record()["storage"]["retention"]
    assert len([r for r in rules if "90 days" in str(r)]) == 1, rules


def test_pages_that_together_state_no_privacy_facts_are_refused(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path / "site")
    before = snapshot(site / "content")
    # (A deployment guide: its description says nothing of collecting, as a guide's would not.)
    guide = {"description: What Setup collects.": "description: How to set it up."}
    first = write_page(
        tmp_path,
        "a.md",
        _front("Setup").replace(*guide.popitem()) + "# Setup\n\nInstall the app.\n",
    )
    second = write_page(
        tmp_path,
        "b.md",
        _front("Setup 2").replace("What Setup 2 collects.", "How to run it.")
        + "# Setup 2\n\nRun the app.\n",
    )
    run = run_import(site, first, second, "--product-id", "setup")
    assert run.code == 1
    assert "the pages state no privacy facts" in run.err
    assert snapshot(site / "content") == before


def test_the_same_page_twice_is_refused(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path / "site")
    run = run_import(site, INTUNE_PAGES[0], INTUNE_PAGES[0], "--product-id", "twice")
    assert run.code == 2
    assert "given twice" in run.err


@pytest.mark.parametrize(
    ("titles", "name"),
    [
        (["Data collection in Intune", "Data storage and processing in Intune"], "Intune"),
        (
            [
                "Microsoft Defender for Endpoint on Linux privacy",
                "Microsoft Defender for Endpoint data storage and privacy",
            ],
            "Microsoft Defender for Endpoint",
        ),
        (["Widget", "Gadget"], "Widget"),  # nothing shared: the first page's
    ],
)
def test_the_product_name_is_what_the_titles_share(titles: list[str], name: str) -> None:
    assert product_name(titles) == name


def test_a_link_to_another_page_of_the_statement_goes_to_its_section(intune: MergedSite) -> None:
    text = (intune.site / "content/products" / f"{NEW_ID}.yml").read_text("utf-8")
    # The first page's "Next steps" links to the storage and the sharing pages.
    first = INTUNE_PAGES[0].read_text("utf-8")
    assert "(privacy-data-store-process.md)" in first
    assert "privacy-data-store-process" not in text.split("\n", 3)[-1]  # the header aside
    assert "(#storage-and-retention)" in text
    # The page has that section, under that id.
    html = (intune.site / "site/privacy" / NEW_ID / "index.html").read_text("utf-8")
    assert 'id="storage-and-retention"' in html
    assert 'href="#storage-and-retention"' in html
    assert "another page of this statement; written as #storage-and-retention" in intune.run.out
