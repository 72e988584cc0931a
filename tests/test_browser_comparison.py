"""The comparison tables, the data-item index and search in a real browser (Chromium, offline).

The site is the ``compare`` fixture, built once; expectations come from the comparison model of
the same records, so every assertion is about what the script and the pages do with them.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import Visit, serve, visible_items
from conftest import FIXTURES, REPO, SiteResult, run_mkdocs
from privacy_pages.compare.cells import Status
from privacy_pages.compare.collection import Collection
from privacy_pages.compare.comparison import Comparison, comparisons
from privacy_pages.model import Dataset
from privacy_pages.pipeline import build_site
from privacy_pages.render.paths import SCRIPT
from privacy_pages.settings import settings_from_mkdocs

COMPARE = FIXTURES / "compare"
Opener = Callable[[str], Visit]


@pytest.fixture(scope="module")
def model() -> tuple[Dataset, dict[str, Comparison]]:
    build = build_site(settings_from_mkdocs(COMPARE / "mkdocs.yml"))
    assert build.ok
    tables = comparisons(Collection(build.dataset))
    return build.dataset, {t.id: t for t in tables}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    folder = tmp_path_factory.mktemp("browser") / "site"
    shutil.copytree(COMPARE, folder)
    result = run_mkdocs(folder / "mkdocs.yml")
    assert result.ok, "\n".join(result.warnings()) or result.error
    return result


@pytest.fixture(scope="module")
def base_url(site: SiteResult) -> Iterator[str]:
    with serve(site.site_dir) as base:
        yield base


def group_order(visit: Visit, category: str) -> list[str]:
    order: list[str] = visit.page.eval_on_selector_all(
        f'tbody[data-pp-category="{category}"] tr.pp-row', "rows => rows.map(r => r.dataset.ppItem)"
    )
    return order


def count_text(visit: Visit) -> str:
    text: str = visit.page.locator(".pp-count").inner_text()
    return text


def check_text_filter(visit: Visit, table: Comparison, term: str) -> None:
    """Typing ``term`` in the filter box shows exactly the rows whose name, id or alias has it."""
    page = visit.page
    box = page.locator(".pp-filter")
    assert box.count() == 1, "no filter box on the comparison page"
    box.fill(term)
    expected = [
        row.item.id
        for row in table.rows
        if any(
            term.lower() in text.lower() for text in (row.item.name, row.item.id, *row.item.aliases)
        )
    ]
    assert visible_items(visit) == expected
    assert count_text(visit) == f"Showing {len(expected)} of {len(table.rows)} data items"


def select(visit: Visit, facet: str, value: str) -> None:
    visit.page.locator(f'select[data-pp-facet="{facet}"]').select_option(value)


# -- filtering and sorting -------------------------------------------------------------------------


def test_text_filter(
    open_page: Opener, base_url: str, model: tuple[Dataset, dict[str, Comparison]]
) -> None:
    _, tables = model
    table = tables["all-products"]
    visit = open_page(base_url + "privacy/compare/all-products/")
    assert visible_items(visit) == [row.item.id for row in table.rows]
    imei = next(row.item for row in table.rows if row.item.aliases)
    check_text_filter(visit, table, imei.name.split()[0].lower())  # by name
    check_text_filter(visit, table, imei.aliases[0].split()[-1])  # by alias
    check_text_filter(visit, table, "device")  # several rows, across categories
    check_text_filter(visit, table, "no item is called this")
    assert visit.page.locator(".pp-empty").is_visible()
    visit.page.locator(".pp-reset").click()
    assert visible_items(visit) == [row.item.id for row in table.rows]
    assert visit.problems == []


def test_facets(
    open_page: Opener, base_url: str, model: tuple[Dataset, dict[str, Comparison]]
) -> None:
    _, tables = model
    table = tables["ios-vs-android"]
    visit = open_page(base_url + "privacy/compare/ios-vs-android/")
    # No item of this fixture is mapped to a store: no store-type filter to offer.
    assert not any(row.item.stores for row in table.rows)
    assert visit.page.locator('select[data-pp-facet="store-type"]').count() == 0
    for group in table.groups:
        select(visit, "category", group.category.id)
        assert visible_items(visit) == [row.item.id for row in group.rows]
        # The other categories' headings are hidden with their rows.
        headings = visit.page.eval_on_selector_all(
            "tr.pp-category-row", "rows => rows.filter(r => r.getClientRects().length > 0).length"
        )
        assert headings == 1
    select(visit, "category", "")
    for index, column in enumerate(table.products):
        select(visit, "product", column.key)
        select(visit, "requirement", "")
        collected = [row.item.id for row in table.rows if row.cells[index].collected]
        assert visible_items(visit) == collected
        for status in Status:
            select(visit, "requirement", status.value)
            expected = [row.item.id for row in table.rows if row.cells[index].status is status]
            assert visible_items(visit) == expected, (column.key, status)
            assert count_text(visit) == f"Showing {len(expected)} of {len(table.rows)} data items"
    select(visit, "product", "")
    for status in Status:
        select(visit, "requirement", status.value)
        expected = [r.item.id for r in table.rows if any(c.status is status for c in r.cells)]
        assert visible_items(visit) == expected, status
    assert visit.problems == []


def test_sorting_by_clicking_a_column(
    open_page: Opener, base_url: str, model: tuple[Dataset, dict[str, Comparison]]
) -> None:
    _, tables = model
    table = tables["ios-vs-android"]
    visit = open_page(base_url + "privacy/compare/ios-vs-android/")
    page = visit.page
    changed = False
    for index, column in enumerate(table.products):
        header = page.locator(f'thead th[data-pp-column="{column.key}"]')
        for direction, sign in (("ascending", 1), ("descending", -1)):
            header.locator("button").click()
            assert header.get_attribute("aria-sort") == direction
            assert page.locator("thead th[aria-sort]").count() == 1
            for group in table.groups:
                original = [row.item.id for row in group.rows]
                ranked = [
                    (sign * row.cells[index].rank, n, row.item.id)
                    for n, row in enumerate(group.rows)
                ]
                expected = [item_id for _, _, item_id in sorted(ranked)]
                assert group_order(visit, group.category.id) == expected, (column.key, direction)
                changed = changed or expected != original
    assert changed, "the fixture should have a column whose sorting changes the order"
    # The item column sorts by name.
    page.locator('thead th[data-pp-column="item"] button').click()
    for group in table.groups:
        by_name = sorted(group.rows, key=lambda row: row.item.name.lower())
        assert group_order(visit, group.category.id) == [row.item.id for row in by_name]
    assert visit.problems == []


def test_the_script_runs_once_per_table(
    open_page: Opener, base_url: str, model: tuple[Dataset, dict[str, Comparison]]
) -> None:
    visit = open_page(base_url + "privacy/compare/manager-mam/")
    page = visit.page
    page.add_script_tag(url=base_url + SCRIPT)
    page.evaluate("window.document$ && window.document$.next && window.document$.next(document)")
    assert page.locator(".pp-controls").count() == 1
    assert page.locator("button.pp-sort").count() == page.locator("thead th").count()
    assert visit.problems == []


def test_filtering_fails_without_the_script(
    open_page: Opener,
    site: SiteResult,
    tmp_path: Path,
    model: tuple[Dataset, dict[str, Comparison]],
) -> None:
    """The browser tests exercise the packaged script: with it emptied, the filter check fails."""
    _, tables = model
    table = tables["all-products"]
    broken = tmp_path / "site"
    shutil.copytree(site.site_dir, broken)
    (broken / SCRIPT).write_text("", "utf-8")
    with serve(broken) as base:
        visit = open_page(base + "privacy/compare/all-products/")
        with pytest.raises(AssertionError):
            check_text_filter(visit, table, "imei")
        # Nothing filters: every row stays visible, and there is no control to use.
        assert visible_items(visit) == [row.item.id for row in table.rows]
        assert visit.page.locator("select[data-pp-facet]").count() == 0


# -- search, the index, and every page -----------------------------------------------------------


def test_site_search_finds_data_items_by_name(
    open_page: Opener, base_url: str, model: tuple[Dataset, dict[str, Comparison]]
) -> None:
    dataset, _ = model
    imei = dataset.catalog["imei"]
    collectors = [p.id for p in dataset.products.values() if any(i.id == imei.id for i in p.items)]
    visit = open_page(base_url)
    page = visit.page
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").type("IMEI")
    page.locator(".md-search-result__item").first.wait_for()
    hrefs = [
        urlsplit(href).path + ("#" + urlsplit(href).fragment if urlsplit(href).fragment else "")
        for href in page.eval_on_selector_all(
            ".md-search-result__item a", "links => links.map(a => a.href)"
        )
    ]
    assert f"/privacy/data-items/#{imei.id}" in hrefs, hrefs
    for product_id in collectors:
        assert any(h.startswith(f"/privacy/{product_id}/") for h in hrefs), hrefs
    assert visit.problems == []


def test_index_links_go_to_the_item_on_each_product_page(
    open_page: Opener, base_url: str, model: tuple[Dataset, dict[str, Comparison]]
) -> None:
    dataset, _ = model
    visit = open_page(base_url + "privacy/data-items/")
    page = visit.page
    links: list[tuple[str, str]] = page.eval_on_selector_all(
        "article table a[href*='#']", "links => links.map(a => [a.href, a.textContent.trim()])"
    )
    names = {p.name: p for p in dataset.products.values()}
    assert links
    # A real click on the first link.
    first_href, _ = links[0]
    page.locator("article table a[href*='#']").first.click()
    page.wait_for_url(first_href)
    fragment = urlsplit(first_href).fragment
    assert page.locator(f"[id='{fragment}']").count() == 1
    for href, product_name in links:
        product = names[product_name]
        assert urlsplit(href).path == f"/privacy/{product.id}/"
        page.goto(href)
        fragment = urlsplit(href).fragment
        entry = page.evaluate(
            "id => { const e = document.getElementById(id); "
            "return e ? e.closest('li, tr').textContent : null; }",
            fragment,
        )
        assert entry is not None, href
        wording = [
            i.name
            for i in (
                *product.items,
                *(product.never_collected.items if product.never_collected else ()),
            )
            if i.anchor == fragment
        ]
        assert wording and " ".join(wording[0].split()) in " ".join(entry.split()), href
    assert visit.problems == []


def test_no_console_errors_or_network_requests_on_any_page(
    open_page: Opener, base_url: str, site: SiteResult
) -> None:
    pages = sorted(site.site_dir.rglob("*.html"))
    assert len(pages) > 8
    visit = open_page(base_url)
    for html_file in pages:
        url = base_url + html_file.relative_to(site.site_dir).as_posix()
        visit.page.goto(url)
        assert visit.problems == [], url


# -- the example site with the real content (the four seed products) ---------------------------


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Dataset, str, Path]]:
    out = tmp_path_factory.mktemp("real") / "site"
    result = run_mkdocs(REPO / "mkdocs.yml", site_dir=out)
    assert result.ok, "\n".join(result.warnings()) or result.error
    build = build_site(settings_from_mkdocs(REPO / "mkdocs.yml"))
    assert build.dataset.products, "the example content has products"
    with serve(out) as base:
        yield build.dataset, base, out


def test_real_site_search_finds_imei_on_intune_and_in_the_index(
    open_page: Callable[..., Visit], real_site: tuple[Dataset, str, Path]
) -> None:
    dataset, base, _ = real_site
    imei = next(i for i in dataset.catalog.values() if i.name.startswith("IMEI"))
    visit = open_page(base)
    page = visit.page
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").type("IMEI")
    page.locator(".md-search-result__item").first.wait_for()
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item a", "links => links.map(a => a.href)"
    )
    paths = [urlsplit(h).path + "#" + urlsplit(h).fragment for h in hrefs]
    assert f"/privacy/data-items/#{imei.id}" in paths, paths
    assert any(p.startswith("/privacy/intune/") for p in paths), paths
    assert visit.problems == []


def test_real_ios_vs_android_facets_show_what_only_android_collects(
    open_page: Callable[..., Visit], real_site: tuple[Dataset, str, Path]
) -> None:
    _, base, _ = real_site
    visit = open_page(base + "privacy/compare/ios-vs-android/")
    select(visit, "product", "defender-endpoint-android")
    android = set(visible_items(visit))
    select(visit, "product", "defender-endpoint-ios")
    ios = set(visible_items(visit))
    assert "azure-ad-device-id" in android & ios
    only_android = android - ios
    assert "full-url" in only_android
    assert any(item.startswith("apk-") for item in only_android)
    assert visit.problems == []


def test_real_site_pages_have_no_console_errors(
    open_page: Callable[..., Visit], real_site: tuple[Dataset, str, Path]
) -> None:
    _, base, out = real_site
    visit = open_page(base)
    for html_file in sorted(out.rglob("*.html")):
        url = base + html_file.relative_to(out).as_posix()
        visit.page.goto(url)
        assert visit.problems == [], url
