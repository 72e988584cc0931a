"""``privacy-pages import`` into a site that already has a catalog: what it reuses and reports.

Each test copies the example site (mkdocs.yml, content, site-src, templates, overrides,
pyproject.toml) into ``tmp_path`` and runs the real command line in process. Expectations are
computed from the copied site's own catalog, categories and products (and from the seed
pages), not copied from the importer's output: the catalog items a page reuses must exist in
the catalog, an import of the iOS statement must reuse exactly the catalog items of the site's
own iOS record, and so on.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, copy_example_site, seeds_dir
from fidelity import missing_facts, normalize, page_text, seed_facts, seed_metadata
from privacy_pages.cli import main
from privacy_pages.importer import privacy_facts
from test_importer import DATA_SECTIONS

#: What a site is made of (the example site is the repository itself).
#: How sure a catalog match is, from the surest (the report's confidence kinds).
CONFIDENCES = frozenset({"id", "name", "alias", "normalized", "partial", "fuzzy"})
#: DocFX alert types, each a note type of the product schema.
ALERT_TYPES = ("tip", "note", "important", "warning", "caution")
#: Where the seed statements' relative links point (the importer asks for --base-url).
BASE_URL = "https://learn.microsoft.com/defender-endpoint/"
#: Front matter with every metadata key the example site requires (so no placeholders).
FRONT = (
    "---\ntitle: {title}\ndescription: What {title} collects.\nkeywords: widget\n"
    "author: someone\nms.author: someone\nmanager: someone\nms.date: {date}\n"
    "ms.topic: conceptual\nms.service: widget\nms.collection: widgets\naudience: ITPro\n---\n"
)


# -- helpers ---------------------------------------------------------------------------------------


def seed(prefix: str) -> Path:
    """A seed page by its number (skips without the seeds, fails without them in CI)."""
    return next(seeds_dir().glob(f"{prefix}_*.txt"))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (by relative path) with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def today() -> str:
    return dt.date.today().isoformat()


@dataclass
class Run:
    """One run of ``privacy-pages import``."""

    code: int
    out: str
    err: str
    #: The page reports of ``--report`` (none when the command wrote no report).
    pages: list[dict[str, Any]]

    @property
    def page(self) -> dict[str, Any]:
        [page] = self.pages
        return page

    def record(self, index: int = 0) -> dict[str, Any]:
        data = yaml.safe_load(Path(self.pages[index]["product_file"]).read_text("utf-8"))
        assert isinstance(data, dict)
        return data


def run_import(site: Path, *arguments: str | Path) -> Run:
    """``privacy-pages import ARGUMENTS`` for ``site``, with a JSON report outside its content."""
    report = site / "import-report.json"
    report.unlink(missing_ok=True)
    out, err = StringIO(), StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(
            [
                "import",
                *(str(a) for a in arguments),
                "--config",
                str(site / "mkdocs.yml"),
                "--report",
                str(report),
            ]
        )
    pages = json.loads(report.read_text("utf-8"))["pages"] if report.is_file() else []
    return Run(code, out.getvalue(), err.getvalue(), pages)


def widget_page(folder: Path, body: str) -> Path:
    """``widget.md`` in ``folder``: a page titled "Widget privacy", with every metadata key the
    example site requires, and ``body`` after its title."""
    return write_page(
        folder,
        "widget.md",
        FRONT.format(title="Widget privacy", date=today()) + "# Widget privacy\n\n" + body,
    )


def write_page(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


@dataclass(frozen=True)
class CatalogItem:
    id: str
    name: str
    category: str
    aliases: tuple[str, ...]


def catalog_items(content: Path) -> dict[str, CatalogItem]:
    """The catalog items of a content folder, read from its YAML."""
    items: dict[str, CatalogItem] = {}
    for path in sorted((content / "catalog").glob("*.yml")):
        for entry in yaml.safe_load(path.read_text("utf-8"))["items"]:
            items[entry["id"]] = CatalogItem(
                entry["id"], entry["name"], entry["category"], tuple(entry.get("aliases") or ())
            )
    return items


def categories(content: Path) -> dict[str, str]:
    """Category id → name."""
    path = content / "categories.yml"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text("utf-8"))
    return {entry["id"]: entry["name"] for entry in data["categories"]}


def catalog_entries(path: Path) -> list[dict[str, Any]]:
    """The entries of a catalog file (none when there is no such file)."""
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text("utf-8"))
    return list(data.get("items", []) if isinstance(data, dict) else data)


def new_never_refs(imported: ImportedSite) -> list[str]:
    """The never-collected items of the imported record that are new to the site's catalog:
    each must be data the seed page says is not collected, in the page's words."""
    record = imported.run.record()
    known = catalog_items(imported.site / "content")
    new = {
        str(entry["id"]): entry
        for entry in catalog_entries(imported.site / "content/catalog/imported.yml")
    }
    found = []
    for item in record.get("never_collected", {}).get("items", []):
        if item.get("ref") in new:
            name = str(new[item["ref"]]["name"])
            assert normalize(name) in normalize(imported.seed.read_text("utf-8")), name
            assert item["ref"] in known
            found.append(item["ref"])
    return found


def refs(record: Any) -> Iterable[str]:
    """Every ``ref:`` of a record."""
    if isinstance(record, dict):
        if isinstance(record.get("ref"), str):
            yield record["ref"]
        for value in record.values():
            yield from refs(value)
    elif isinstance(record, list):
        for value in record:
            yield from refs(value)


def group_items(record: dict[str, Any], section: str) -> list[dict[str, Any]]:
    groups = record.get(section, {}).get("groups", [])
    return [item for group in groups for item in group["items"]]


def uses(content: Path) -> dict[str, dict[str, set[str]]]:
    """Per catalog id, the products of the content folder that list it, per requirement."""
    found: dict[str, dict[str, set[str]]] = {}
    for path in sorted((content / "products").glob("*.yml")):
        record = yaml.safe_load(path.read_text("utf-8"))
        for requirement in ("required", "optional"):
            for item in group_items(record, requirement):
                if "ref" in item:
                    found.setdefault(item["ref"], {}).setdefault(requirement, set()).add(
                        record["id"]
                    )
        for item in record.get("never_collected", {}).get("items", []):
            if "ref" in item:
                found.setdefault(item["ref"], {}).setdefault("never-collected", set()).add(
                    record["id"]
                )
    return found


def at(record: Any, key_path: str) -> Any:
    """The value a diagnostic's key path (``optional.groups[0].items[1]``) names."""
    value = record
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", key_path):
        value = value[int(part[1:-1])] if part.startswith("[") else value[part]
    return value


# -- 1. and 2.: the iOS statement into the example site ------------------------------------------------

NEW_ID = "defender-ios-imported"


@dataclass
class ImportedSite:
    site: Path
    seed: Path
    before: dict[str, bytes]
    run: Run
    build: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def ios_import(tmp_path_factory: pytest.TempPathFactory) -> ImportedSite:
    """Seed 000 imported into a copy of the example site, and the site built strictly."""
    page = seed("000")
    site = copy_example_site(tmp_path_factory.mktemp("ios") / "site")
    before = snapshot(site / "content")
    # As the acceptance asks: no --base-url. The seed's relative link to a page of the same
    # docs set is written as the address the site's own records use for that page.
    run = run_import(site, page, "--product-id", NEW_ID)
    return ImportedSite(site, page, before, run, build_strictly(site))


def build_strictly(site: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of a site copy, in its own process, as a writer runs it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(site / "mkdocs.yml")],
        cwd=site,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_import_adds_only_the_product_and_the_site_builds_strictly(
    ios_import: ImportedSite,
) -> None:
    run = ios_import.run
    assert run.code == 0, run.err
    after = snapshot(ios_import.site / "content")
    # Nothing under catalog/ nor categories.yml (nor anything else) changed: the product file
    # added, and a catalog file only for what the page says is never collected that the site's
    # own record of it leaves out ("does not see your browsing activity").
    added = set(after) - set(ios_import.before)
    assert f"products/{NEW_ID}.yml" in added and added <= {
        f"products/{NEW_ID}.yml",
        "catalog/imported.yml",
    }
    assert set(new_never_refs(ios_import)) == {
        str(entry["id"])
        for entry in catalog_entries(ios_import.site / "content/catalog/imported.yml")
    }
    assert {path: after[path] for path in ios_import.before} == ios_import.before
    assert Path(run.page["product_file"]) == ios_import.site / "content/products" / f"{NEW_ID}.yml"
    assert ios_import.build.returncode == 0, ios_import.build.stdout + ios_import.build.stderr

    # Its page in English (the site's French pages show it too, in English: not translated).
    html_file = ios_import.site / "site" / "privacy" / NEW_ID / "index.html"
    text = page_text(html_file.read_text("utf-8"))
    # Every fact of the seed (bullet, paragraph, alert) is on the built page...
    facts = seed_facts(ios_import.seed)
    assert len(facts) > 20
    assert missing_facts(facts, text, {}) == []
    # ...and every item of the record, under its own wording or the catalog's.
    catalog = catalog_items(ios_import.site / "content")
    record = run.record()
    items = [item for section in DATA_SECTIONS for item in group_items(record, section)]
    assert len(items) > 10
    for item in items:
        name = item.get("name") or catalog[item["ref"]].name
        assert normalize(name) in normalize(text), name


def links_in(text: str) -> list[str]:
    """The targets of Markdown links and of ``url:`` keys in a text."""
    return re.findall(r"\]\(\s*<?([^)\s>]+)", text) + re.findall(
        r"\burl:\s*['\"]?([^\s'\"]+)", text
    )


def test_a_relative_link_takes_the_address_the_site_already_uses(
    ios_import: ImportedSite,
) -> None:
    relative = [u for u in links_in(ios_import.seed.read_text("utf-8")) if "://" not in u]
    assert relative, "seed 000 has a relative link"
    known = {
        url
        for path in (ios_import.site / "content" / "products").glob("*.yml")
        if path.stem != NEW_ID
        for url in links_in(path.read_text("utf-8"))
    }
    written = set(links_in(yaml.safe_dump(ios_import.run.record(), width=10**6)))
    for url in relative:
        name = url.split("#")[0].removesuffix(".md").rsplit("/", 1)[-1]
        [address] = {k for k in known if k.rstrip("/").endswith("/" + name)}
        assert url not in written and address in written, (url, address)


def test_report_names_each_reused_catalog_item_with_its_confidence(
    ios_import: ImportedSite,
) -> None:
    run = ios_import.run
    page = run.page
    content = ios_import.site / "content"
    catalog = catalog_items(content)
    record = run.record()
    used = set(refs(record))

    # Nothing new but never-collected data the site's record leaves out: the site's catalog
    # and categories hold the rest of this statement.
    never = set(new_never_refs(ios_import))
    assert set(page["new_catalog_items"]) == never
    assert {item["id"] for item in page["new_items"]} == never
    assert {item["requirement"] for item in page["new_items"]} <= {"never-collected"}
    assert page["new_categories"] == []
    assert set(page["reused_catalog_items"]) == used - never
    # The same catalog items as the site's own record of this statement.
    own = yaml.safe_load((content / "products/defender-endpoint-ios.yml").read_text("utf-8"))
    assert used - never == set(refs(own))
    assert {
        g["category"]
        for section in DATA_SECTIONS
        for g in record.get(section, {}).get("groups", [])
    } <= set(categories(content))

    # Each match: an existing catalog item, a confidence, a score and the reason.
    assert {m["ref"] for m in page["matches"]} == used - never
    source_lines = ios_import.seed.read_text("utf-8").split("\n")
    for match in page["matches"]:
        target = catalog[match["ref"]]
        assert match["confidence"] in CONFIDENCES, match
        assert 0 < match["score"] <= 1 and match["how"], match
        assert match["matched"] in (target.name, *target.aliases), match
        if match["confidence"] in {"id", "name", "alias"}:
            assert match["score"] == 1
            assert normalize(match["name"]) == normalize(match["matched"]), match
        # The page's wording is on the source line the report gives.
        line = normalize(source_lines[match["line"] - 1])
        assert normalize(match["name"]).split()[0] in line, match
    # The printed report lists each match with its confidence and score, and nothing new.
    for match in page["matches"]:
        assert any(
            match["ref"] in line and match["confidence"] in line and f"{match['score']:.2f}" in line
            for line in run.out.split("\n")
        ), match
    summary = next(line for line in run.out.split("\n") if "reused" in line)
    numbers = [int(n) for n in re.findall(r"\d+", summary)]
    assert numbers == [len(used - never), len(never), 0], summary
    # A page that matches the site well leaves the strict build nothing to warn about.
    assert page["warnings"] == []


# -- 3. a page that states no privacy facts ---------------------------------------------------------


#: Real privacy pages that state facts other than data items (tests/fixtures/privacy-facts/).
PRIVACY_FACTS_PAGES = sorted((REPO / "tests/fixtures/privacy-facts").glob("*.md"))


@pytest.mark.parametrize("page", PRIVACY_FACTS_PAGES, ids=lambda page: page.stem)
def test_a_statement_of_storage_sharing_or_controls_is_imported_without_force(
    tmp_path: Path, page: Path
) -> None:
    """A page that states where data is stored, how long it is kept, who receives it or what
    people control is part of a privacy statement, data items or not."""
    site = copy_example_site(tmp_path / "site")
    run = run_import(site, page)
    assert run.code == 0, run.err
    assert privacy_facts(run.record()), run.record()


def test_a_page_without_data_collection_is_refused_unless_forced(tmp_path: Path) -> None:
    guide = seed("002")
    site = copy_example_site(tmp_path / "site")
    before = snapshot(site / "content")

    refused = run_import(site, guide)
    assert refused.code == 1
    assert "no privacy facts" in refused.err and guide.as_posix() in refused.err
    assert "--force" in refused.err
    assert snapshot(site / "content") == before
    assert refused.pages == [] and refused.out == ""

    forced = run_import(site, guide, "--force")
    assert forced.code == 0, forced.err
    after = snapshot(site / "content")
    [added] = set(after) - set(before)
    assert Path(forced.page["product_file"]) == site / "content" / added
    record = forced.record()
    assert not [item for section in DATA_SECTIONS for item in group_items(record, section)]
    # What the guide does not cover is marked empty, so the record passes the site's checks.
    assert {"required-data", "optional-data"} <= set(record["empty_sections"])
    assert forced.page["warnings"] == []


# -- 4. DocFX alerts ------------------------------------------------------------------------------------


def test_each_docfx_alert_becomes_a_note_of_its_type(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path / "site")
    alerts = {kind: f"The {kind} alert says zq{kind}." for kind in ALERT_TYPES}

    def alert(kind: str) -> str:
        return f"> [!{kind.upper()}]\n> {alerts[kind]}\n"

    page = write_page(
        tmp_path,
        "gadget.md",
        FRONT.format(title="Gadget privacy", date=today())
        + "# Gadget privacy\n\nGadget collects data to work.\n\n"
        + alert("tip")
        + "\n## Required data\n\n"
        + alert("note")
        + "\n### Device information\n\n"
        + alert("important")
        + "\n- CPU info\n\n"
        + alert("warning")
        + "\n## Data storage and retention\n\nData is kept for 30 days.\n\n"
        + alert("caution"),
    )
    run = run_import(site, page, "--product-id", "gadget")
    assert run.code == 0, run.err
    notes = run.record()["notes"]
    assert notes == [{"type": kind, "text": alerts[kind]} for kind in ALERT_TYPES]
    # The alerts are notes only: their words are nowhere else in the record.
    text = json.dumps(run.record())
    assert all(text.count(f"zq{kind}") == 1 for kind in ALERT_TYPES)
    assert run.page["counts"]["notes"] == len(ALERT_TYPES)


# -- 5. linking across requirement kinds ----------------------------------------------------------------


def only_used_as(content: Path, requirement: str) -> CatalogItem:
    """A catalog item the site's products list only as ``requirement`` data, whose name is a
    single item (not a list, not a category's name)."""
    catalog = catalog_items(content)
    category_names = {normalize(name) for name in categories(content).values()}
    for item_id, kinds in sorted(uses(content).items()):
        item = catalog[item_id]
        single = "," not in item.name and " and " not in item.name and "(" not in item.name
        if set(kinds) == {requirement} and single and normalize(item.name) not in category_names:
            return item
    raise AssertionError(f"the example site has no catalog item used only as {requirement}")


def test_linking_across_requirement_kinds_is_reported(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path / "site")
    content = site / "content"
    only_optional = only_used_as(content, "optional")
    only_required = only_used_as(content, "required")
    names = categories(content)
    page = widget_page(
        tmp_path,
        "Widget collects data to work.\n\n"
        + f"## Required data\n\n### {names[only_optional.category]}\n\n"
        + f"- {only_optional.name}\n\n"
        + "## Optional data\n\nUsers can turn this off in Settings.\n\n"
        + f"### {names[only_required.category]}\n\n- {only_required.name}\n",
    )
    site_uses = uses(content)
    run = run_import(site, page, "--product-id", "widget")
    assert run.code == 0, run.err
    record = run.record()
    # The record says what the page says: each item where the page lists it.
    assert [i["ref"] for i in group_items(record, "required")] == [only_optional.id]
    assert [i["ref"] for i in group_items(record, "optional")] == [only_required.id]

    report = run.page
    crossings = [(only_optional, "required", "optional"), (only_required, "optional", "required")]
    for item, listed_as, used_as in crossings:
        [match] = [m for m in report["matches"] if m["ref"] == item.id]
        assert match["requirement"] == listed_as
        # The match says that the other products list the item under the other kind.
        assert used_as in match["note"], match
        for product in site_uses[item.id][used_as]:
            assert product in match["note"], match
        # So do the reviews and the printed report.
        assert any(
            r["line"] == match["line"] and item.id in r["message"] and used_as in r["message"]
            for r in report["reviews"]
        ), report["reviews"]
        assert any(
            item.id in line and used_as in line and listed_as in line
            for line in run.out.split("\n")
        ), run.out


def test_linking_across_requirement_kinds_between_pages_of_one_import_is_reported(
    tmp_path: Path,
) -> None:
    """A page lists a new item as optional; the next page of the same import lists it as
    required: the second page's report says so, as it does when the two are imported apart."""
    name = "Gizmo serial number"
    assert all(
        "gizmo" not in normalize(text)
        for item in catalog_items(REPO / "content").values()
        for text in (item.name, *item.aliases)
    )
    first = write_page(
        tmp_path,
        "alpha.md",
        FRONT.format(title="Alpha privacy", date=today())
        + "# Alpha privacy\n\nAlpha collects data.\n\n## Optional data\n\n"
        + f"Users can turn this off in Settings.\n\n### Device information\n\n- {name}\n",
    )
    second = write_page(
        tmp_path,
        "beta.md",
        FRONT.format(title="Beta privacy", date=today())
        + "# Beta privacy\n\nBeta collects data.\n\n## Required data\n\n"
        + f"### Device information\n\n- {name}\n",
    )

    together = run_import(copy_example_site(tmp_path / "together"), first, second)
    apart_site = copy_example_site(tmp_path / "apart")
    assert run_import(apart_site, first).code == 0
    apart = run_import(apart_site, second)
    assert together.code == 0 and apart.code == 0, together.err + apart.err

    [new_id] = together.pages[0]["new_catalog_items"]
    assert together.record(0)["optional"]["groups"][0]["items"][0]["ref"] == new_id
    alpha_id = together.pages[0]["product_id"]
    notes = []
    for run in (together, apart):
        page = run.pages[-1]
        [match] = [m for m in page["matches"] if m["ref"] == new_id]
        assert match["requirement"] == "required"
        assert "optional" in match["note"] and alpha_id in match["note"], match
        assert any(new_id in r["message"] for r in page["reviews"] if r["line"] == match["line"])
        notes.append(match["note"])
    assert notes[0] == notes[1]


# -- 6. an empty catalog ----------------------------------------------------------------------------


def test_into_a_site_with_an_empty_catalog_everything_is_new(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path / "site")
    content = site / "content"
    for part in ("catalog", "products", "history"):
        shutil.rmtree(content / part)
    for name in ("categories.yml", "comparisons.yml"):
        (content / name).unlink()

    run = run_import(site, seed("000"), "--base-url", BASE_URL)
    assert run.code == 0, run.err
    page = run.page
    assert page["matches"] == [] and page["reused_catalog_items"] == []

    catalog = catalog_items(content)
    added_categories = categories(content)
    record = run.record()
    used = set(refs(record))
    assert len(used) > 5
    # Every item of the record is a new catalog item, listed as new, in a new category.
    assert set(catalog) == used == set(page["new_catalog_items"])
    assert {n["id"] for n in page["new_items"]} == used
    assert set(added_categories) == set(page["new_categories"])
    assert {item.category for item in catalog.values()} == set(added_categories)
    assert {c["confidence"] for c in page["category_matches"]} == {"new"}
    for new in page["new_items"]:
        assert catalog[new["id"]].name == new["name"]
        assert catalog[new["id"]].category == new["category"]
        assert any(new["id"] in line for line in run.out.split("\n"))
    summary = next(line for line in run.out.split("\n") if "reused" in line)
    numbers = [int(n) for n in re.findall(r"\d+", summary)]
    assert numbers == [0, len(used), len(added_categories)], summary


# -- 7. the site's warnings about the imported record ---------------------------------------------------


def test_site_warnings_about_the_imported_record_are_in_its_report(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path / "site")
    content = site / "content"
    # A warning on another product, which is not the imported record's.
    other = content / "products" / "intune.yml"
    text = other.read_text("utf-8")
    assert re.search(r"(?m)^  ms\.date: ", text)
    other.write_text(re.sub(r"(?m)^(  ms\.date: ).*$", r"\g<1>2001-01-01", text), "utf-8")

    # Seed 000 has no ms.date: --date gives it one, two years old (stale after 365 days).
    assert seed_metadata(seed("000")).get("ms.date") is None
    old = (dt.date.today() - dt.timedelta(days=730)).isoformat()
    stale = run_import(site, seed("000"), "--base-url", BASE_URL, "--date", old)
    assert stale.code == 0, stale.err
    assert stale.record()["metadata"]["ms.date"] == old
    warnings = stale.page["warnings"]
    assert [(w["rule"], w["key_path"]) for w in warnings] == [("stale-date", "metadata.ms.date")]
    product_lines = Path(stale.page["product_file"]).read_text("utf-8").split("\n")
    assert yaml.safe_load(product_lines[warnings[0]["line"] - 1].strip()) == {"ms.date": old}
    assert old in warnings[0]["message"]
    assert any("stale-date" in line and old in line for line in stale.out.split("\n"))

    # An optional item the page says nothing about controlling is recorded as such (no
    # warning, no filler), and the report names it; a plain http:// link is the site's warning.
    catalog = catalog_items(content)
    diagnostic = next(item for item in catalog.values() if item.category == "diagnostic")
    page = widget_page(
        tmp_path,
        "Widget collects data to work; see [its terms]"
        + "(http://widget.example/terms).\n\n"
        + "## Required data\n\n### Device information\n\n- CPU info\n\n"
        + f"## Optional data\n\n### Diagnostic data\n\n- {diagnostic.name}\n",
    )
    run = run_import(site, page, "--product-id", "widget")
    assert run.code == 0, run.err
    record = run.record()
    [item] = group_items(record, "optional")
    assert item["ref"] == diagnostic.id and item["control"] == "not-stated"
    assert any(
        "control" in line and diagnostic.name in line and "not-stated" in line
        for line in run.out.split("\n")
    )
    [warning] = run.page["warnings"]
    assert warning["rule"] == "insecure-link"
    assert "http://widget.example/terms" in warning["message"]
    assert any(
        "insecure-link" in line and run.page["product_file"] in line for line in run.out.split("\n")
    )


def test_a_refused_page_leaves_the_content_as_it_was_even_after_good_ones(
    tmp_path: Path,
) -> None:
    """Pages are all read and checked before anything is written: seed 000 first, then the
    deployment guide (seed 002), which is refused, so seed 000 is not written either."""
    site = copy_example_site(tmp_path / "site")
    before = snapshot(site / "content")
    run = run_import(site, seed("000"), seed("002"))
    assert run.code == 1
    assert "no privacy facts" in run.err and seed("002").name in run.err
    assert snapshot(site / "content") == before
    # Alone, the first page is imported.
    assert run_import(site, seed("000")).code == 0
    assert snapshot(site / "content") != before


def test_bullets_after_one_that_lists_a_category_stay_in_their_own_group(
    tmp_path: Path,
) -> None:
    """A bullet that names a category and lists its items is a group of its own; the bullets
    written after it are not taken into that group."""
    site = copy_example_site(tmp_path / "site")
    page = widget_page(
        tmp_path,
        "Widget collects data to work.\n\n"
        + "## Required data\n\n### Web page or network information\n\n"
        + "- Device information such as date & time, CPU info, and OEM model\n"
        + "- Zzqq widget handle\n- Qqzz widget counter\n",
    )
    run = run_import(site, page, "--product-id", "widget")
    assert run.code == 0, run.err
    catalog = catalog_items(site / "content")
    groups = {
        group["category"]: [
            item.get("name") or catalog[item["ref"]].name for item in group["items"]
        ]
        for group in run.record()["required"]["groups"]
    }
    assert {normalize(n) for n in groups.get("device", [])} == {
        normalize(n) for n in ("Date & time", "CPU info", "OEM model")
    }
    others = [names for category, names in groups.items() if category != "device"]
    assert ["Zzqq widget handle", "Qqzz widget counter"] in others


def test_an_item_named_after_consent_is_not_its_own_control(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path / "site")
    page = widget_page(
        tmp_path,
        "Widget collects data to work.\n\n"
        + "## Required data\n\n### Device information\n\n- CPU info\n\n"
        + "## Optional data\n\n### Diagnostic data\n\n- Consent status\n- Opt-out preference\n",
    )
    run = run_import(site, page, "--product-id", "widget")
    assert run.code == 0, run.err
    controls = [item.get("control") for item in group_items(run.record(), "optional")]
    assert controls == ["not-stated", "not-stated"]
