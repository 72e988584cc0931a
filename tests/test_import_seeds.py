"""Importing each seed privacy statement into an empty content tree loses no fact of it.

The four seed statements are imported (``privacy-pages import``, as a writer would run it)
into an empty content folder of a minimal site that uses the example site's metadata rules;
the site is built with MkDocs, and every fact of each seed (tests/fidelity.py) must be on its
page, every link target among its links, and every front-matter key among its meta tags.

The only corrections are for what the importer deliberately changes: mojibake it repairs,
and one sentence it restates as a field that has no room for the sentence itself.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, SiteResult, run_mkdocs, seeds_dir
from fidelity import (
    missing_facts,
    missing_links,
    page_links,
    page_meta,
    page_text,
    seed_facts,
    seed_links,
    seed_metadata,
)
from privacy_pages.cli import main
from privacy_pages.settings import settings_from_mkdocs

#: The privacy statements among the seeds (002 is a deployment guide).
STATEMENTS = ("000", "001", "003", "004")

#: Seed fragment → what the imported page says instead.
CORRECTIONS: dict[str, str] = {
    # Mojibake, repaired by the importer (and listed in its report).
    "it\u00e2\u20ac\u2122s": "it\u2019s",
    "users\u00e2\u20ac\u2122": "users\u2019",
    # Restated: "X are located in A and B" becomes the staff-locations field ("X work in: A,
    # B"), which has no note to keep the sentence in (the report lists it for review).
    "teams are located in the United States and India.": "teams work in: United States. India.",
}


def site_config(root: Path) -> Path:
    """A minimal site with the privacy-pages plugin and the example site's metadata rules."""
    rules = settings_from_mkdocs(REPO / "mkdocs.yml").metadata
    config: dict[str, Any] = {
        "site_name": "Imported statements",
        "docs_dir": "docs",
        "theme": {"name": "material"},
        # Material's usual set: pymdownx.superfences shows the code blocks an imported page
        # holds, in list items too (Python-Markdown's fenced_code finds top-level ones only).
        "markdown_extensions": ["admonition", "attr_list", "tables", "pymdownx.superfences"],
        "plugins": [
            {
                "privacy-pages": {
                    "metadata": {
                        "required": list(rules.required),
                        "types": dict(rules.types),
                        "allow": list(rules.allow),
                    }
                }
            }
        ],
    }
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Imported statements\n", "utf-8")
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return path


@dataclass
class ImportedSite:
    config: Path
    seeds: dict[str, Path]
    #: seed prefix → the import report of its page (from --report).
    reports: dict[str, dict[str, Any]]
    result: SiteResult

    def html(self, prefix: str) -> str:
        return self.result.html(f"privacy/{self.reports[prefix]['product_id']}.md")


def import_and_build(root: Path) -> ImportedSite:
    seeds = {prefix: next(seeds_dir().glob(f"{prefix}_*.txt")) for prefix in STATEMENTS}
    config = site_config(root)
    report = root / "report.json"
    code = main(
        [
            "import",
            *(str(path) for path in seeds.values()),
            "--config",
            str(config),
            "--report",
            str(report),
            "--date",
            "2024-06-01",
        ]
    )
    assert code == 0
    pages = json.loads(report.read_text("utf-8"))["pages"]
    reports = {prefix: page for prefix, page in zip(STATEMENTS, pages, strict=True)}
    result = run_mkdocs(config, strict=False, site_dir=root / "_site")
    assert result.ok, f"{result.error}\n{result.messages}"
    errors = [r.getMessage() for r in result.records if r.levelname == "ERROR"]
    assert errors == []
    return ImportedSite(config, seeds, reports, result)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> ImportedSite:
    return import_and_build(tmp_path_factory.mktemp("imported"))


@pytest.mark.parametrize("prefix", STATEMENTS)
def test_every_fact_of_the_seed_is_on_the_imported_page(
    imported: ImportedSite, prefix: str
) -> None:
    seed = imported.seeds[prefix]
    facts = seed_facts(seed)
    assert len(facts) > 20
    missing = missing_facts(facts, page_text(imported.html(prefix)), CORRECTIONS)
    assert missing == [], "\n".join(map(str, missing))


@pytest.mark.parametrize("prefix", STATEMENTS)
def test_every_link_of_the_seed_is_on_the_imported_page(
    imported: ImportedSite, prefix: str
) -> None:
    links = seed_links(imported.seeds[prefix])
    missing = missing_links(links, page_links(imported.html(prefix)), CORRECTIONS)
    assert missing == [], "\n".join(map(str, missing))


@pytest.mark.parametrize("prefix", STATEMENTS)
def test_every_front_matter_key_is_a_meta_tag(imported: ImportedSite, prefix: str) -> None:
    meta = page_meta(imported.html(prefix))
    for key, value in seed_metadata(imported.seeds[prefix]).items():
        if value is None or key == "title":  # empty keys show nothing; the title is <title>
            continue
        assert key in meta, key
        if isinstance(value, str) and key not in {"ms.date", "keywords", "ms.collection"}:
            assert meta[key] == value.strip(), key


def test_mojibake_repairs_are_reported(imported: ImportedSite) -> None:
    repaired = {
        prefix: [r["line"] for r in report["reviews"] if r["topic"] == "mojibake"]
        for prefix, report in imported.reports.items()
    }
    assert repaired == {"000": [], "001": [34], "003": [143], "004": []}


def test_report_lists_each_free_form_piece_with_its_source_line(imported: ImportedSite) -> None:
    for prefix, report in imported.reports.items():
        lines = imported.seeds[prefix].read_text("utf-8").split("\n")
        product = yaml.safe_load(Path(report["product_file"]).read_text("utf-8"))
        bodies = "\n\n".join(section["body"] for section in product.get("sections", []))
        for fragment in report["free_form"]:
            assert fragment["text"] in bodies
            source = lines[fragment["line"] - 1].strip().lstrip("#>-* ").strip()
            words = [w for w in source.replace("[", " ").replace("]", " ").split() if w.isalpha()]
            assert words and all(word in fragment["text"] for word in words[:6]), (prefix, fragment)
    free = {
        p: [(f["line"], f["after"]) for f in r["free_form"]] for p, r in imported.reports.items()
    }
    assert free["000"] == [(30, "overview"), (85, "optional-data")]
    assert free["003"] == [(151, "never-collected"), (153, "never-collected")]


def test_the_check_fails_when_the_importer_loses_text(tmp_path: Path) -> None:
    """Mutation: drop the free-form sections of one imported record; facts go missing."""
    site = import_and_build(tmp_path / "site")
    product_file = Path(site.reports["000"]["product_file"])
    record = yaml.safe_load(product_file.read_text("utf-8"))
    assert record.pop("sections")
    product_file.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), "utf-8")
    shutil.rmtree(tmp_path / "site" / "_site")
    result = run_mkdocs(site.config, strict=False, site_dir=tmp_path / "site" / "_site")
    assert result.ok
    html = result.html(f"privacy/{site.reports['000']['product_id']}.md")
    missing = missing_facts(seed_facts(site.seeds["000"]), page_text(html), CORRECTIONS)
    # The trial quote (line 30) and the closing "For more information" (line 85).
    assert {fact.line for fact in missing} == {30, 85}
