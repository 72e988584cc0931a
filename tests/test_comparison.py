"""Comparisons, the data-item index and the downloads: unit tests and real builds.

Expectations are derived from the records (the dataset), through code written independently
of :mod:`privacy_pages.compare.comparison`, never copied from its output.
"""

from __future__ import annotations

import json
import os
import posixpath
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import FIXTURES, REPO, SiteResult, run_mkdocs
from downloads import comparison_data, read_comparison_csv, read_privacy_json
from html_tree import Node, parse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from privacy_pages import __version__
from privacy_pages.compare.cells import Cell, Status, WorkloadStatus, combine, combine_workload
from privacy_pages.compare.collection import Collection
from privacy_pages.compare.comparison import compare, comparison_specs, comparisons
from privacy_pages.diagnostics import Location
from privacy_pages.load.content import load_content
from privacy_pages.model import (
    CatalogItem,
    ComparisonSpec,
    DataItem,
    DataSection,
    Dataset,
    ItemGroup,
    Product,
    Requirement,
    WorkloadValue,
)
from privacy_pages.pipeline import build_site
from privacy_pages.render.comparison_csv import comparison_csv
from privacy_pages.render.downloads import render_assets
from privacy_pages.render.privacy_json import json_schema
from privacy_pages.settings import settings_from_mkdocs

COMPARE = FIXTURES / "compare"


# -- an independent oracle: what a product states about an item, read from its records ---------


def entries(product: Product, item_id: str) -> list[DataItem]:
    return [item for item in product.items if item.catalog and item.id == item_id]


def expected_status(product: Product, item_id: str) -> tuple[str, str | None]:
    """(status, requirement) by the rules the issue states, from the product's records."""
    found = entries(product, item_id)
    if not found:
        never = product.never_collected.items if product.never_collected else ()
        return ("never" if any(i.id == item_id for i in never) else "not-stated", None)
    firm = [i for i in found if i.condition is None and i.group_condition is None]
    decide = {i.requirement.value for i in firm or found}
    # Required if any deciding entry is, else optional if any is, else not stated.
    requirement = next(r for r in ("required", "optional", "not-stated") if r in decide)
    status = "collected" if requirement == "not-stated" else requirement
    return (status if firm else "conditional", requirement)


def expected_conditions(product: Product, item_id: str) -> set[str]:
    found = entries(product, item_id)
    if any(i.condition is None and i.group_condition is None for i in found):
        return set()
    return {" ".join(c.split()) for i in found for c in (i.condition, i.group_condition) if c}


def stated(dataset: Dataset, product_ids: tuple[str, ...], item_id: str) -> bool:
    return any(
        expected_status(dataset.products[pid], item_id)[0] != "not-stated" for pid in product_ids
    )


def fixture_build() -> tuple[Dataset, Collection]:
    build = build_site(settings_from_mkdocs(COMPARE / "mkdocs.yml"))
    assert build.ok, [str(p) for p in build.problems.errors]
    return build.dataset, Collection(build.dataset)


# -- combining a product's entries into a cell --------------------------------------------------


def item(**changes: object) -> DataItem:
    base = DataItem(
        id="x",
        name="X",
        anchor="x",
        catalog=True,
        requirement=Requirement.REQUIRED,
        category="device",
        kind=None,
        description=None,
        condition=None,
        group_condition=None,
        classification=None,
        purpose=None,
        control=None,
        details=(),
        alternatives=None,
        workloads=(),
        note=None,
        source=Location("test.yml", 1, 1),
    )
    return replace(base, **changes)


def test_cell_statuses_and_labels() -> None:
    assert combine([item()]) == Cell(Status.REQUIRED, Requirement.REQUIRED)
    assert combine([]).status is Status.NOT_STATED
    optional = combine([item(requirement=Requirement.OPTIONAL, kind="diagnostic")])
    assert (optional.status, optional.kinds) == (Status.OPTIONAL, ("diagnostic",))
    assert optional.label == "Optional (diagnostic)"
    conditional = combine([item(condition="  only   when joined ")])
    assert conditional == Cell(Status.CONDITIONAL, Requirement.REQUIRED, (), ("only when joined",))
    assert conditional.label == "Conditional (required)"
    grouped = combine(
        [item(requirement=Requirement.OPTIONAL, kind="feedback", group_condition="if asked")]
    )
    assert grouped.label == "Conditional (optional, feedback)"
    assert grouped.conditions == ("if asked",)


def test_an_item_listed_twice_combines() -> None:
    # A firm entry decides: the conditional one does not make the item conditional.
    mixed = combine(
        [item(condition="if joined"), item(requirement=Requirement.OPTIONAL, kind="telemetry")]
    )
    assert mixed == Cell(Status.OPTIONAL, Requirement.OPTIONAL, ("telemetry",))
    # Both conditional: every distinct condition is kept, once.
    both = combine([item(condition="if a"), item(condition="if b"), item(condition="if a")])
    assert both.status is Status.CONDITIONAL and both.conditions == ("if a", "if b")
    # Required anywhere (firm) wins over optional.
    assert combine([item(requirement=Requirement.OPTIONAL, kind="other"), item()]).status is (
        Status.REQUIRED
    )


def test_workload_cells_combine() -> None:
    yes = item(workloads=(("mam", WorkloadValue(True)),))
    maybe = item(workloads=(("mam", WorkloadValue(True, "if joined")),))
    no = item(workloads=(("mam", WorkloadValue(False)),))
    assert combine_workload([no, maybe], "mam").status is WorkloadStatus.CONDITIONAL
    assert combine_workload([no, maybe], "mam").conditions == ("if joined",)
    assert combine_workload([maybe, yes], "mam").status is WorkloadStatus.YES
    assert combine_workload([no], "mam").status is WorkloadStatus.NO
    assert combine_workload([item()], "mam").status is WorkloadStatus.NOT_STATED


# -- cells and comparisons from the fixture records ----------------------------------------------


def test_every_cell_matches_the_records() -> None:
    dataset, collection = fixture_build()
    checked = 0
    for product in dataset.products.values():
        for catalog_item in dataset.catalog.values():
            cell = collection.cell(product.id, catalog_item.id)
            status, requirement = expected_status(product, catalog_item.id)
            assert cell.status.value == status, (product.id, catalog_item.id)
            assert (cell.requirement.value if cell.requirement else None) == requirement
            assert set(cell.conditions) == expected_conditions(product, catalog_item.id)
            checked += 1
    assert checked == len(dataset.products) * len(dataset.catalog)
    # The fixture exercises every status, so each rule above was checked.
    statuses = {collection.cell(p, i).status for p in dataset.products for i in dataset.catalog}
    assert statuses == set(Status)


def test_comparison_rows_are_the_items_any_compared_product_states() -> None:
    dataset, collection = fixture_build()
    for spec in comparison_specs(dataset):
        table = compare(spec, collection)
        products = spec.products or tuple(dataset.products)
        categories = spec.categories or tuple(dataset.categories)
        expected = [
            i.id
            for c in categories
            for i in dataset.catalog.values()
            if i.category == c and (spec.include_not_stated or stated(dataset, products, i.id))
        ]
        assert [row.item.id for row in table.rows] == expected, spec.id
        assert [c.product.id for c in table.products] == list(products)
        for row in table.rows:
            assert row.cells == tuple(collection.cell(pid, row.item.id) for pid in products)


def test_include_not_stated_lists_unmentioned_items() -> None:
    dataset, collection = fixture_build()
    spec = next(s for s in dataset.comparisons if s.include_not_stated)
    table = compare(spec, collection)
    products = spec.products or tuple(dataset.products)
    silent = [r for r in table.rows if not stated(dataset, products, r.item.id)]
    # Without the option, the same comparison leaves exactly those rows out.
    narrower = compare(replace(spec, include_not_stated=False), collection)
    assert len(narrower.rows) == len(table.rows) - len(silent)


def test_workload_columns_follow_the_item_workloads() -> None:
    dataset, collection = fixture_build()
    spec = next(s for s in dataset.comparisons if s.workloads)
    table = compare(spec, collection)
    assert table.workloads
    for row in table.rows:
        for column, cell in zip(table.workloads, row.workloads, strict=True):
            values = [
                value
                for i in entries(dataset.products[column.product.id], row.item.id)
                if (value := i.workload(column.workload_id)) is not None
            ]
            if not values:
                assert cell.status is WorkloadStatus.NOT_STATED
            elif any(v.applies and v.condition is None for v in values):
                assert cell.status is WorkloadStatus.YES
            elif any(v.applies for v in values):
                assert cell.status is WorkloadStatus.CONDITIONAL
                assert set(cell.conditions) == {v.condition for v in values if v.applies}
            else:
                assert cell.status is WorkloadStatus.NO


def test_a_site_without_comparisons_yml_compares_every_product() -> None:
    build = build_site(settings_from_mkdocs(FIXTURES / "small" / "mkdocs.yml"))
    assert build.ok
    assert build.dataset.comparisons == ()
    (spec,) = comparison_specs(build.dataset)
    table = compare(spec, Collection(build.dataset))
    assert [c.product.id for c in table.products] == list(build.dataset.products)
    assert any(p.path == f"privacy/compare/{spec.id}.md" for p in build.pages)
    assert any(p.path == "privacy/data-items.md" for p in build.pages)


# -- the comparisons file is validated like every record ----------------------------------------


def _load_with(tmp_path: Path, comparisons_yml: str) -> list[str]:
    content = tmp_path / "content"
    shutil.copytree(COMPARE / "content", content)
    (content / "comparisons.yml").write_text(comparisons_yml, "utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        _, problems = load_content(Path("content"))
    finally:
        os.chdir(cwd)
    return [str(p) for p in problems.errors]


def _at(text: str, needle: str, occurrence: int = 1, offset: int = 0) -> str:
    """``line:col`` (from 1) of the n-th occurrence of ``needle`` in ``text`` (plus ``offset``)."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    index += offset
    line = text.count("\n", 0, index) + 1
    return f"{line}:{index - (text.rfind(chr(10), 0, index) + 1) + 1}"


def test_unknown_references_are_errors_with_locations(tmp_path: Path) -> None:
    yml = (
        "comparisons:\n"
        "  - id: one\n"
        "    title: One\n"
        "    products: [phone-ios, phone-androd]\n"
        "    categories: [devices]\n"
        "    workloads:\n"
        "      - {product: manager, workload: mam}\n"
        "      - {product: phone-ios, workload: mum}\n"
        "  - id: one\n"
        "    title: Again\n"
    )
    text = "\n".join(_load_with(tmp_path, yml))
    where = "content/comparisons.yml"
    assert (
        f"{where}:{_at(yml, 'phone-androd')}: error reference: comparisons[0].products[1]: "
        "expected a known product id, found 'phone-androd' (did you mean 'phone-android'?)"
    ) in text
    assert (
        f"{where}:{_at(yml, 'devices')}: error reference: comparisons[0].categories[0]: "
        "expected a known category id, found 'devices' (did you mean 'device'?)"
    ) in text
    assert (
        f"{where}:{_at(yml, 'manager')}: error reference: comparisons[0].workloads[0].product: "
        "expected a known compared product id, found 'manager'"
    ) in text
    assert (
        f"{where}:{_at(yml, 'mum')}: error reference: comparisons[0].workloads[1].workload: "
        "expected a known phone-ios workload id, found 'mum'"
    ) in text
    assert (
        f"{where}:{_at(yml, 'id: one', 2, offset=4)}: error duplicate-id: comparisons[1].id: "
        f"duplicate comparison id 'one' (first defined at {where}:2:5)"
    ) in text


def test_schema_errors_in_comparisons(tmp_path: Path) -> None:
    errors = _load_with(
        tmp_path,
        "comparisons:\n  - id: one\n    title: One\n    product: [manager]\n"
        "    include_not_stated: yes\n",
    )
    text = "\n".join(errors)
    assert "content/comparisons.yml:4:5" in text and "did you mean 'products'" in text
    assert "comparisons[0].include_not_stated: expected true or false" in text


def test_product_ids_that_would_replace_generated_pages_are_refused(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(COMPARE / "content", content)
    product = content / "products" / "phone-ios.yml"
    product.write_text(
        product.read_text("utf-8").replace("id: phone-ios", "id: data-items"), "utf-8"
    )
    _, problems = load_content(content)
    assert any("reserved name 'data-items'" in str(p) for p in problems.errors)


# -- real builds ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    site = tmp_path_factory.mktemp("compare") / "site"
    shutil.copytree(COMPARE, site)
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, "\n".join(result.warnings()) or result.error
    return result


def page_tree(result: SiteResult, page: str) -> Node:
    return parse(result.html(page))


def comparison_node(tree: Node) -> Node:
    (root,) = tree.select(lambda n: "data-pp-comparison" in n.attrs)
    return root


def test_comparison_table_is_accessible(built: SiteResult) -> None:
    _dataset, collection = fixture_build()
    for table in comparisons(collection):
        root = comparison_node(page_tree(built, f"privacy/compare/{table.id}.md"))
        (html_table,) = root.find_all("table")
        (caption,) = html_table.find_all("caption")
        assert table.spec.title in caption.text()
        head = html_table.find_all("thead")[0]
        assert [th.attrs.get("scope") for th in head.find_all("th")] == ["col"] * (
            1 + len(table.products) + len(table.workloads)
        )
        rows = html_table.select(lambda n: n.has_class("pp-row"))
        assert [r.attrs["data-pp-item"] for r in rows] == [r.item.id for r in table.rows]
        for row_node, row in zip(rows, table.rows, strict=True):
            (header,) = row_node.find_all("th")
            assert header.attrs["scope"] == "row"
            assert " ".join(header.text().split()) == " ".join(row.item.name.split())
            cells = row_node.find_all("td")
            expected = [c.label for c in row.cells] + [c.label for c in row.workloads]
            for cell_node, label in zip(cells, expected, strict=True):
                (label_node,) = cell_node.select(lambda n: n.has_class("pp-label"))
                assert label_node.text() == label  # the value is text, not only an icon
                (icon,) = cell_node.select(lambda n: n.has_class("pp-icon"))
                assert icon.attrs.get("aria-hidden") == "true"
        groups = html_table.find_all("th", scope="rowgroup")
        assert [g.text() for g in groups] == [g.category.name for g in table.groups]
        # Every condition is a numbered footnote, and the cells point at it.
        prefix = f"{table.id}-note-"
        notes = [n for n in root.find_all("li") if n.attrs.get("id", "").startswith(prefix)]
        assert [n.text() for n in notes] == list(table.footnotes())


def test_not_stated_and_never_collected_look_different(built: SiteResult) -> None:
    tree = page_tree(built, "privacy/compare/all-products.md")
    never = tree.select(lambda n: n.tag == "td" and n.attrs.get("data-pp-status") == "never")
    silent = tree.select(lambda n: n.tag == "td" and n.attrs.get("data-pp-status") == "not-stated")
    assert never and silent
    assert {n.attrs["class"] for n in never}.isdisjoint({n.attrs["class"] for n in silent})
    css = (built.site_dir / "assets/privacy-pages/privacy-pages.css").read_text("utf-8")
    assert "td.pp-status-not-stated" in css and ".pp-badge.pp-status-never" in css
    legend = tree.select(lambda n: n.has_class("pp-legend"))[0].text()
    assert "Never collected" in legend and "Not stated" in legend


def test_content_text_is_escaped_in_the_table(built: SiteResult) -> None:
    dataset, _ = fixture_build()
    odd = dataset.catalog["odd-name"].name
    html = built.html("privacy/compare/all-products.md")
    tree = parse(html)
    (row,) = tree.select(lambda n: n.attrs.get("data-pp-item") == "odd-name")
    assert " ".join(row.find_all("th")[0].text().split()) == " ".join(odd.split())
    assert not row.find_all("b")  # the <b> in the name stays text
    assert 'id="z"' not in html  # nor does {#z} become an attribute


def _target(page_file: Path, href: str, site_dir: Path) -> tuple[Path, str]:
    parts = urlsplit(href)
    if not parts.path:
        return page_file, parts.fragment
    path = posixpath.normpath(posixpath.join(page_file.parent.as_posix(), unquote(parts.path)))
    target = Path(path)
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def _check_cell_links(site_dir: Path, page_file: Path) -> int:
    tree = parse(page_file.read_text("utf-8"))
    links = comparison_node(tree).select(lambda n: n.tag == "a" and "href" in n.attrs)
    checked = 0
    for link in links:
        href = link.attrs["href"]
        target, fragment = _target(page_file, href, site_dir)
        assert target.is_file(), href
        if fragment:
            ids = {n.attrs.get("id") for n in parse(target.read_text("utf-8")).iter()}
            assert fragment in ids, href
        checked += 1
    return checked


@pytest.mark.parametrize("directory_urls", [True, False])
def test_cell_links_reach_the_item_on_the_product_page(
    directory_urls: bool, site_copy: Callable[[str], Path]
) -> None:
    site = site_copy("compare")
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8") + f"use_directory_urls: {str(directory_urls).lower()}\n",
        "utf-8",
    )
    result = run_mkdocs(config)
    assert result.ok, "\n".join(result.warnings()) or result.error
    suffix = "/index.html" if directory_urls else ".html"
    page = result.site_dir / f"privacy/compare/all-products{suffix}"
    assert _check_cell_links(result.site_dir, page) > 10


def test_nav_lists_comparisons_and_the_index(built: SiteResult) -> None:
    _dataset, collection = fixture_build()
    nav = parse(built.html("index.md")).select(lambda n: n.has_class("md-nav__link"))
    texts = [" ".join(n.text().split()) for n in nav]
    for table in comparisons(collection):
        assert table.spec.title in texts
    assert "Data item index" in texts


def test_data_item_index_answers_where_each_item_is_collected(built: SiteResult) -> None:
    dataset, collection = fixture_build()
    page = built.site_dir / "privacy/data-items/index.html"
    tree = parse(page.read_text("utf-8"))
    article = tree.find_all("article")[0]
    (table,) = article.find_all("table")  # one table: the script filters and sorts it
    rows = {n.attrs["data-pp-item"]: n for n in table.select(lambda n: n.has_class("pp-row"))}
    assert set(rows) == set(dataset.catalog)  # one row per catalog item
    for catalog_item in dataset.catalog.values():
        row = rows[catalog_item.id]
        # The item's name is a heading with the item's id: links to #item-id land on it.
        (heading,) = row.find_all("h3")
        assert heading.attrs["id"] == catalog_item.id
        assert " ".join(heading.text().split()) == " ".join(catalog_item.name.split())
        assert row.attrs["data-pp-category"] == catalog_item.category
        products = [
            p
            for p in dataset.products.values()
            if expected_status(p, catalog_item.id)[0] != "not-stated"
        ]
        links = [a for a in row.find_all("a") if "href" in a.attrs]
        assert [" ".join(a.text().split()) for a in links] == [p.name for p in products]
        for link, product in zip(links, products, strict=True):
            target, fragment = _target(page, link.attrs["href"], built.site_dir)
            assert target == built.site_dir / f"privacy/{product.id}/index.html"
            anchors = {n.attrs.get("id") for n in parse(target.read_text("utf-8")).iter()}
            assert fragment in anchors
        statuses = [
            (n.attrs["data-pp-column"], n.attrs["data-pp-status"])
            for n in row.select(lambda n: n.tag == "li" and "data-pp-status" in n.attrs)
        ]
        assert statuses == [
            (p.id, collection.cell(p.id, catalog_item.id).status.value) for p in products
        ]
        text = " ".join(row.text().split())
        for product in products:
            assert collection.cell(product.id, catalog_item.id).label in text
        # Workloads are shown only where a product has some: no "Workloads —" filler.
        with_workloads = [
            p for p in products if p.workloads and collection.cell(p.id, catalog_item.id).collected
        ]
        assert text.count("Workloads:") == len(with_workloads), catalog_item.id
        assert "Workloads: —" not in text
    # Each category's rows follow the category's heading row, which keeps its old anchor.
    for body in table.find_all("tbody"):
        (heading,) = body.find_all("th", scope="rowgroup")
        category = body.attrs["data-pp-category"]
        assert heading.attrs["id"] == f"category-{category}"
        assert {
            r.attrs["data-pp-category"] for r in body.select(lambda n: n.has_class("pp-row"))
        } == {category}
    # Links across the index were also checked by the strict build (MkDocs' anchor validation).


def test_site_search_indexes_items_by_name(built: SiteResult) -> None:
    dataset, collection = fixture_build()
    index = json.loads((built.site_dir / "search/search_index.json").read_text("utf-8"))
    docs = index["docs"]
    imei = dataset.catalog["imei"]
    assert any(d["location"] == f"privacy/data-items/#{imei.id}" for d in docs)
    collectors = [pid for pid, s in collection.stated_by(imei.id).items() if s.cell.collected]
    assert collectors
    for product_id in collectors:
        assert any(
            d["location"].startswith(f"privacy/{product_id}/") and imei.name in d["text"]
            for d in docs
        )


# -- downloads ------------------------------------------------------------------------------------


def test_privacy_json_validates_and_carries_versions(built: SiteResult) -> None:
    text = (built.site_dir / "privacy/privacy.json").read_text("utf-8")
    document = json.loads(text)
    published = json.loads((built.site_dir / "privacy/privacy-json.schema.json").read_text("utf-8"))
    assert published == json_schema()
    Draft202012Validator.check_schema(published)
    errors = list(Draft202012Validator(published).iter_errors(document))
    assert errors == []
    assert document["schema_version"] == published["x-schema-version"]
    assert document["generator_version"] == __version__


def test_the_schema_rejects_a_wrong_document(built: SiteResult) -> None:
    document = json.loads((built.site_dir / "privacy/privacy.json").read_text("utf-8"))
    document["comparisons"][0]["rows"][0]["cells"] = {"x": {"status": "maybe"}}
    assert list(Draft202012Validator(json_schema()).iter_errors(document))


def test_privacy_json_round_trips_items_and_cells(built: SiteResult) -> None:
    dataset, collection = fixture_build()
    export = read_privacy_json((built.site_dir / "privacy/privacy.json").read_text("utf-8"))
    assert list(export.items) == list(dataset.products)
    for product in dataset.products.values():
        read = export.items[product.id]
        assert [replace(i, source=product.source) for i in read] == [
            replace(i, source=product.source) for i in product.items
        ]
    tables = comparisons(collection)
    assert list(export.comparisons) == [t.id for t in tables]
    for table in tables:
        data = export.comparisons[table.id]
        assert data == comparison_data(table)
        for item_id, cells in data.rows.items():
            for column in table.products:
                cell = cells[column.key]
                assert isinstance(cell, Cell)
                assert (
                    cell.status.value,
                    cell.requirement.value if cell.requirement else None,
                ) == (expected_status(column.product, item_id))


def test_csv_downloads_round_trip(built: SiteResult) -> None:
    _dataset, collection = fixture_build()
    for table in comparisons(collection):
        text = (built.site_dir / f"privacy/compare/{table.id}.csv").read_text("utf-8")
        data = read_comparison_csv(text, table.id)
        assert data == comparison_data(table)
        for item_id, cells in data.rows.items():
            for column in table.products:
                cell = cells[column.key]
                assert isinstance(cell, Cell)
                assert cell.status.value == expected_status(column.product, item_id)[0]
                assert set(cell.conditions) == expected_conditions(column.product, item_id)


def test_comparison_pages_link_the_downloads(built: SiteResult) -> None:
    _, collection = fixture_build()
    for table in comparisons(collection):
        page = built.site_dir / f"privacy/compare/{table.id}/index.html"
        hrefs = [
            a.attrs["href"]
            for a in parse(page.read_text("utf-8")).find_all("a")
            if "href" in a.attrs
        ]
        targets = {_target(page, h, built.site_dir)[0] for h in hrefs if not h.startswith("#")}
        for download in (
            f"privacy/compare/{table.id}.csv",
            "privacy/privacy.json",
            "privacy/privacy-json.schema.json",
        ):
            assert built.site_dir / download in targets


_text = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), min_size=1
).filter(lambda s: s.strip() != "")


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(name=_text, conditions=st.lists(_text, min_size=1, max_size=3), required=st.booleans())
def test_csv_round_trips_any_text(name: str, conditions: list[str], required: bool) -> None:
    """Names and conditions with commas, quotes, newlines or a leading '=' survive the CSV."""
    requirement = Requirement.REQUIRED if required else Requirement.OPTIONAL
    kind = None if required else "diagnostic"
    catalog_item = CatalogItem("x", name, "device", None, None, (), Location("t.yml"))
    group = ItemGroup(
        category="device",
        title="Device",
        requirement=requirement,
        kind=kind,
        intro=None,
        condition=None,
        items=tuple(item(condition=c, requirement=requirement, kind=kind) for c in conditions),
        source=Location("t.yml"),
    )
    dataset, _ = fixture_build_cached()
    base = dataset.products["phone-ios"]
    section = DataSection(groups=(group,))
    product = replace(
        base,
        required=section if required else DataSection(),
        optional=DataSection() if required else section,
        never_collected=None,
    )
    odd = Dataset(
        categories={"device": dataset.categories["device"]},
        catalog={"x": catalog_item},
        products={product.id: product},
    )
    table = compare(ComparisonSpec(id="t", title="T"), Collection(odd))
    assert [row.item.name for row in table.rows] == [name]
    data = read_comparison_csv(comparison_csv(table), "t")
    assert data == comparison_data(table)
    cell = data.rows["x"][product.id]
    assert isinstance(cell, Cell)
    assert set(cell.conditions) == {" ".join(c.split()) for c in conditions}


_CACHE: list[tuple[Dataset, Collection]] = []


def fixture_build_cached() -> tuple[Dataset, Collection]:
    if not _CACHE:
        _CACHE.append(fixture_build())
    return _CACHE[0]


def test_cli_render_writes_pages_and_downloads(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "privacy_pages.cli",
            "render",
            "--config",
            str(COMPARE / "mkdocs.yml"),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    _, collection = fixture_build()
    for table in comparisons(collection):
        assert (out / f"privacy/compare/{table.id}.md").is_file()
        csv_text = (out / f"privacy/compare/{table.id}.csv").read_text("utf-8")
        assert read_comparison_csv(csv_text, table.id) == comparison_data(table)
    assert (out / "privacy/data-items.md").is_file()
    assert json.loads((out / "privacy/privacy.json").read_text("utf-8"))["products"]
    assert (out / "assets/privacy-pages/privacy-pages.js").is_file()


# -- the real content (the four seed products) ------------------------------------------------------


def real_content() -> tuple[Dataset, Collection]:
    build = build_site(settings_from_mkdocs(REPO / "mkdocs.yml"))
    assert build.ok, [str(p) for p in build.problems.errors]
    assert build.dataset.products, "the example content has products"
    return build.dataset, Collection(build.dataset)


def test_real_all_products_comparison_shows_every_collected_item() -> None:
    dataset, collection = real_content()
    spec = next(s for s in comparison_specs(dataset) if not s.products and not s.categories)
    table = compare(spec, collection)
    shown = {row.item.id for row in table.rows}
    for product in dataset.products.values():
        for entry in product.items:
            if entry.catalog:
                assert entry.id in shown, (product.id, entry.id)
    for row in table.rows:
        for column, cell in zip(table.products, row.cells, strict=True):
            assert cell.status.value == expected_status(column.product, row.item.id)[0]


def test_real_ios_vs_android() -> None:
    """Only Android collects app (APK) information and the full URL; both the Azure AD device ID."""
    dataset, collection = real_content()
    ios, android = "defender-endpoint-ios", "defender-endpoint-android"
    spec = next(s for s in comparison_specs(dataset) if set(s.products) == {ios, android})
    table = compare(spec, collection)
    cells = {
        row.item.id: dict(zip((c.key for c in table.products), row.cells, strict=True))
        for row in table.rows
    }
    assert cells["azure-ad-device-id"][ios].collected
    assert cells["azure-ad-device-id"][android].collected
    assert cells["full-url"][android].collected and not cells["full-url"][ios].collected
    apk = [item_id for item_id in cells if item_id.startswith("apk-")]
    assert apk
    for item_id in apk:
        assert cells[item_id][android].collected and not cells[item_id][ios].collected


def test_home_page_block_links_every_comparison_and_the_index(built: SiteResult) -> None:
    _, collection = fixture_build()
    page = built.site_dir / "index.html"
    links = {
        " ".join(a.text().split()): _target(page, a.attrs["href"], built.site_dir)[0]
        for a in parse(page.read_text("utf-8")).find_all("a")
        if "href" in a.attrs
    }
    for table in comparisons(collection):
        assert links[table.spec.title] == built.site_dir / f"privacy/compare/{table.id}/index.html"
    assert links["Data item index"] == built.site_dir / "privacy/data-items/index.html"
    assert links["privacy.json"] == built.site_dir / "privacy/privacy.json"


def test_real_downloads_validate_and_round_trip() -> None:
    dataset, collection = real_content()
    settings = settings_from_mkdocs(REPO / "mkdocs.yml")
    assets = {a.path: a.content for a in render_assets(collection, settings)}
    document = json.loads(assets["privacy/privacy.json"])
    assert list(Draft202012Validator(json_schema()).iter_errors(document)) == []
    export = read_privacy_json(assets["privacy/privacy.json"])
    for product in dataset.products.values():
        assert [replace(i, source=product.source) for i in export.items[product.id]] == [
            replace(i, source=product.source) for i in product.items
        ]
    for table in comparisons(collection):
        assert export.comparisons[table.id] == comparison_data(table)
        csv_text = assets[f"privacy/compare/{table.id}.csv"]
        assert read_comparison_csv(csv_text, table.id) == comparison_data(table)
