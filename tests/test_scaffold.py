"""``privacy-pages new``: scaffolds that load cleanly, point editors at the schema, and never
overwrite anything."""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import REPO
from privacy_pages.cli import main, parser
from privacy_pages.cli.new import family_and_platform
from privacy_pages.diagnostics import Severity
from privacy_pages.load.content import load_content
from privacy_pages.load.discovery import record_kind
from privacy_pages.load.schema import RECORD_KINDS
from privacy_pages.pipeline import build_site, check_site
from privacy_pages.settings import settings_from_mkdocs

SCHEMA_LINE = "# yaml-language-server: $schema="


@pytest.fixture
def site(site_copy: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    root = site_copy("small")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def strict_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small fixture's content under this repository's own plugin options (11 metadata keys)."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    options = next(p["privacy-pages"] for p in config["plugins"] if isinstance(p, dict))
    options = {**options, "content_dir": "content"}
    root = tmp_path / "strict"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", "utf-8")
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump({"site_name": "Strict", "plugins": [{"privacy-pages": options}]}), "utf-8"
    )
    source = REPO / "tests" / "fixtures" / "small" / "content"
    for name in ("categories.yml", "catalog/items.yml"):
        target = root / "content" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text((source / name).read_text("utf-8"), "utf-8")
    monkeypatch.chdir(root)
    return root


def schema_target(record: Path) -> Path:
    first = record.read_text("utf-8").splitlines()[0]
    assert first.startswith(SCHEMA_LINE)
    return (record.parent / first.removeprefix(SCHEMA_LINE)).resolve()


def test_new_product_loads_cleanly_and_renders(site: Path) -> None:
    assert main(["new", "product", "contoso-widget", "--name", "Contoso: Widget #1"]) == 0
    record = site / "content" / "products" / "contoso-widget.yml"
    assert schema_target(record) == site / "schemas" / "product.schema.json"
    settings = settings_from_mkdocs(site / "mkdocs.yml")
    dataset, problems = load_content(settings.content_dir, settings.metadata)
    assert problems.errors == []
    product = dataset.products["contoso-widget"]
    assert product.name == "Contoso: Widget #1"
    build = build_site(settings)
    assert build.ok and any(page.product_id == "contoso-widget" for page in build.pages)


def test_new_product_under_the_sites_metadata_rules(strict_site: Path) -> None:
    assert main(["new", "product", "contoso-widget"]) == 0
    settings = settings_from_mkdocs(strict_site / "mkdocs.yml")
    checked = check_site(settings)
    dataset, problems = checked.dataset, checked.problems
    assert [d for d in problems.items if d.severity is Severity.ERROR] == []
    assert set(settings.metadata.required) <= set(dataset.products["contoso-widget"].metadata)


def test_scaffold_todos_are_reported_until_filled_in(site: Path) -> None:
    main(["new", "product", "contoso-widget", "--category", "usage"])
    record = site / "content" / "products" / "contoso-widget.yml"
    settings = settings_from_mkdocs(site / "mkdocs.yml")
    problems = check_site(settings).problems
    mine = [d for d in problems.items if d.location.path.endswith("contoso-widget.yml")]
    lines = record.read_text("utf-8").splitlines()
    # A value is reported where it starts: a block scalar (``intro: |``) on its key's line.
    todo_lines = {
        n - 1 if lines[n - 2].endswith("|") else n
        for n, line in enumerate(lines, 1)
        if "TODO" in line and not line.lstrip().startswith("#")
    }
    assert {d.rule for d in mine} == {"placeholder-text"}
    assert {d.location.line for d in mine} == todo_lines
    assert dataset_category(record) == "usage"


def dataset_category(record: Path) -> str:
    data = yaml.safe_load(record.read_text("utf-8"))
    return str(data["required"]["groups"][0]["category"])


def test_new_product_refuses_to_overwrite(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = site / "content" / "products" / "widget-ios.yml"
    before = record.read_bytes()
    assert main(["new", "product", "widget-ios"]) == 1
    assert "refusing to overwrite" in capsys.readouterr().err
    assert record.read_bytes() == before


def test_new_product_refuses_an_id_another_file_uses(site: Path) -> None:
    products = site / "content" / "products"
    (products / "widget-ios.yml").rename(products / "renamed.yml")
    assert main(["new", "product", "widget-ios"]) == 1
    assert not (products / "widget-ios.yml").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["new", "product", "Not_An_Id"],
        ["new", "product", "fine-id", "--category", "devices"],
        ["new", "item", "fine-id", "--category", "devices"],
        ["new", "item", "fine-id", "--file", "../escape"],
        ["new", "product", "fine-id", "--name", "two\nlines"],
        ["new", "thing", "x"],
    ],
)
def test_bad_usage_exits_two(site: Path, argv: list[str]) -> None:
    before = sorted(p.as_posix() for p in (site / "content").rglob("*"))
    assert main(argv) == 2
    assert sorted(p.as_posix() for p in (site / "content").rglob("*")) == before


def test_new_item_in_its_own_file(site: Path) -> None:
    assert main(["new", "item", "cpu-usage", "--category", "usage"]) == 0
    record = site / "content" / "catalog" / "cpu-usage.yml"
    assert schema_target(record) == site / "schemas" / "catalog.schema.json"
    settings = settings_from_mkdocs(site / "mkdocs.yml")
    dataset, problems = load_content(settings.content_dir, settings.metadata)
    assert problems.errors == []
    assert dataset.catalog["cpu-usage"].category == "usage"
    assert dataset.catalog["cpu-usage"].name == "Cpu usage"


def test_new_item_appended_to_a_catalog_file(site: Path) -> None:
    catalog = site / "content" / "catalog" / "items.yml"
    before = catalog.read_text("utf-8")
    argv = ["new", "item", "device-serial", "--file", "items", "--name", "Serial number"]
    assert main([*argv, "--category", "device"]) == 0
    after = catalog.read_text("utf-8")
    assert after.startswith(before)
    settings = settings_from_mkdocs(site / "mkdocs.yml")
    dataset, problems = load_content(settings.content_dir, settings.metadata)
    assert problems.errors == []
    assert list(dataset.catalog)[-1] == "device-serial"
    assert dataset.catalog["device-serial"].name == "Serial number"
    assert len(dataset.catalog) == len(yaml.safe_load(before)["items"]) + 1


def test_new_item_keeps_a_files_own_indentation(site: Path) -> None:
    catalog = site / "content" / "catalog" / "flat.yml"
    catalog.write_text("items:\n- id: flat-one\n  name: Flat one\n  category: device\n", "utf-8")
    assert main(["new", "item", "flat-two", "--file", "flat.yml", "--category", "usage"]) == 0
    settings = settings_from_mkdocs(site / "mkdocs.yml")
    dataset, problems = load_content(settings.content_dir, settings.metadata)
    assert problems.errors == []
    assert {"flat-one", "flat-two"} <= set(dataset.catalog)
    assert dataset.catalog["flat-two"].category == "usage"


def test_new_item_refuses_an_existing_id(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p: p.read_bytes() for p in (site / "content").rglob("*.yml")}
    assert main(["new", "item", "crash-logs"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in (site / "content").rglob("*.yml")} == before


def test_new_item_refuses_to_overwrite_a_file(site: Path) -> None:
    existing = site / "content" / "catalog" / "taken.yml"
    existing.write_text("# not a catalog yet\n", "utf-8")
    assert main(["new", "item", "taken"]) == 1
    assert existing.read_text("utf-8") == "# not a catalog yet\n"


# -- the family and platform of a new product -------------------------------------------------


def product_record(site: Path, product_id: str) -> dict[str, object]:
    text = (site / "content" / "products" / f"{product_id}.yml").read_text("utf-8")
    data: dict[str, object] = yaml.safe_load(text)
    return data


@pytest.mark.parametrize(
    ("name", "family", "platform"),
    [
        ("Contoso Widget for iOS", "Contoso Widget", "iOS"),
        ("Contoso Widget on Android", "Contoso Widget", "Android"),
        ("Contoso Widget (Windows)", "Contoso Widget", "Windows"),
        ("Contoso Widget for Windows 11", "Contoso Widget", "Windows 11"),
        ("Contoso Widget for iOS and Android", "Contoso Widget", "iOS and Android"),
        ("Microsoft Defender for Endpoint on iOS", "Microsoft Defender for Endpoint", "iOS"),
        # No platform part: the name is its own family, and the platform is left to fill in.
        ("Contoso Widget", "Contoso Widget", None),
        ("Contoso Tools for Teams", "Contoso Tools for Teams", None),
        ("Contoso Widget for iOS Enterprise", "Contoso Widget for iOS Enterprise", None),
    ],
)
def test_new_product_family_is_the_name_without_its_platform(
    site: Path, name: str, family: str, platform: str | None
) -> None:
    assert main(["new", "product", "contoso-widget", "--name", name]) == 0
    record = product_record(site, "contoso-widget")
    assert (record["name"], record["family"]) == (name, family)
    if platform is None:
        assert str(record["platform"]).startswith("TODO")
    else:
        assert record["platform"] == platform


def test_new_product_without_a_name_reads_the_platform_from_the_id(site: Path) -> None:
    assert main(["new", "product", "contoso-widget-ios"]) == 0
    record = product_record(site, "contoso-widget-ios")
    assert record["platform"] == "iOS"
    assert record["family"] == "Contoso widget"
    assert str(record["name"]).startswith("Contoso widget") and "iOS" in str(record["name"])


def test_the_family_of_the_example_sites_products() -> None:
    """The example site's writers chose each family; where a name starts with its family (the
    product was not renamed since), the default family is theirs."""
    checked = set()
    for path in sorted((REPO / "content" / "products").glob("*.yml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        if data["name"].startswith(data["family"]):
            assert family_and_platform(data["name"])[0] == data["family"], path.name
            checked.add(data["name"] == data["family"])
    assert checked == {True, False}, "expected names with and without a platform part"


# -- the category of a new item -----------------------------------------------------------------


class Terminal(io.StringIO):
    """Typed answers on a standard input that is a terminal."""

    def isatty(self) -> bool:
        return True


def site_categories(site: Path) -> list[str]:
    settings = settings_from_mkdocs(site / "mkdocs.yml")
    dataset, _ = load_content(settings.content_dir, settings.metadata)
    return list(dataset.categories)


def test_new_item_without_a_category_and_no_terminal_lists_the_categories(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p.as_posix() for p in (site / "content").rglob("*"))
    assert main(["new", "item", "cpu-usage"]) == 2
    err = capsys.readouterr().err
    assert "--category" in err
    categories = site_categories(site)
    assert len(categories) > 1
    for category in categories:
        assert category in err
    assert sorted(p.as_posix() for p in (site / "content").rglob("*")) == before


@pytest.mark.parametrize("answers", ["2\n", "{second}\n", "nine\n0\n{second}\n"])
def test_new_item_asks_for_the_category_in_a_terminal(
    site: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    answers: str,
) -> None:
    categories = site_categories(site)
    monkeypatch.setattr(sys, "stdin", Terminal(answers.format(second=categories[1])))
    assert main(["new", "item", "cpu-usage"]) == 0
    err = capsys.readouterr().err
    for category in categories:
        assert category in err
    settings = settings_from_mkdocs(site / "mkdocs.yml")
    dataset, problems = load_content(settings.content_dir, settings.metadata)
    assert problems.errors == []
    assert dataset.catalog["cpu-usage"].category == categories[1]


def test_new_item_stops_when_no_category_is_chosen(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal("nine\n"))
    assert main(["new", "item", "cpu-usage"]) == 2
    assert not (site / "content" / "catalog" / "cpu-usage.yml").exists()


# -- schema --help --------------------------------------------------------------------------------


def test_schema_help_names_every_kind_of_record(capsys: pytest.CaptureFixture[str]) -> None:
    content = REPO / "content"
    kinds = {record_kind(p.relative_to(content)) for p in content.rglob("*.yml")}
    # The example site has every kind but the site's own store tables.
    assert None not in kinds and kinds == set(RECORD_KINDS) - {"stores"}, kinds
    assert kinds <= set(RECORD_KINDS)
    [commands] = [a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)]
    description = " ".join(str(commands.choices["schema"].description).split())
    assert main(["schema", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    for kind in RECORD_KINDS:
        assert re.search(rf"\b{kind}\b", description), kind
        assert f"{kind}.schema.json" in out, kind
