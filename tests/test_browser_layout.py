"""The comparison tables and the data-item index at desktop and phone widths, in Chromium.

The example site (content/) is built once for the module. What readers found (issue 16): the
four-product comparison was wider than its column, its header row scrolled away, only the
header's text sorted, and the index was 120 small tables with no filter. Each check here looks
at what is on screen: ``document.elementFromPoint`` at a header's centre must hit that header,
not a box that clips it or a row that covers it.
"""

from __future__ import annotations

import html
import json
import shutil
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path

import pytest
from browser import Visit, serve
from conftest import REPO, run_mkdocs
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from privacy_pages.compare.collection import Collection
from privacy_pages.compare.comparison import Comparison, comparisons
from privacy_pages.model import Dataset
from privacy_pages.pipeline import build_site
from privacy_pages.render.paths import STYLESHEET
from privacy_pages.render.store_labels import store_search_terms
from privacy_pages.settings import settings_from_mkdocs
from privacy_pages.stores.tables import store_tables

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
Opener = Callable[..., Visit]


#: The example site has no store tables of its own: the packaged ones name its store types.
TABLES = store_tables()


@pytest.fixture(scope="module")
def model() -> tuple[Dataset, Comparison]:
    """The example content, and its comparison of every product (five of them)."""
    build = build_site(settings_from_mkdocs(REPO / "mkdocs.yml"))
    assert build.ok
    tables = comparisons(Collection(build.dataset))
    widest = max(tables, key=lambda t: len(t.products))
    assert len(widest.products) == len(build.dataset.products) == 5, "the example has five"
    return build.dataset, widest


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("layout") / "site"
    result = run_mkdocs(REPO / "mkdocs.yml", site_dir=out)
    assert result.ok, "\n".join(result.warnings()) or result.error
    return out


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as base:
        yield base


@pytest.fixture
def open_at(open_page: Callable[..., Visit]) -> Callable[[str, dict[str, int]], Visit]:
    """``open_at(url, viewport)``: a fresh page of that size, its problems recorded."""
    return lambda url, viewport: open_page(url, viewport=viewport)


def comparison_url(base: str, table: Comparison) -> str:
    return f"{base}privacy/compare/{table.id}/"


# -- what is on screen ------------------------------------------------------------------------------

#: For each selected element: is the point at its centre inside the viewport, and does
#: elementFromPoint there hit the element itself (or something inside it)?
_ON_SCREEN = """selector => [...document.querySelectorAll(selector)].map(el => {
  const box = el.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const inView = x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
  const hit = inView ? document.elementFromPoint(x, y) : null;
  return {key: el.dataset.ppColumn, inView, hits: !!hit && el.contains(hit),
          hit: hit ? hit.tagName + '.' + hit.className : null};
})"""


def headers_on_screen(visit: Visit, table: Comparison) -> dict[str, dict[str, object]]:
    found: list[dict[str, object]] = visit.page.evaluate(_ON_SCREEN, "thead th[data-pp-column]")
    return {str(h["key"]): h for h in found}


def assert_every_header_visible(visit: Visit, table: Comparison) -> None:
    headers = headers_on_screen(visit, table)
    for key in ["item", *(c.key for c in table.products)]:
        assert headers[key]["inView"] and headers[key]["hits"], (key, headers[key])


def scroll_to_middle_row(visit: Visit) -> str:
    """Scroll the middle row of the table into the middle of the screen; returns its item."""
    item: str = visit.page.evaluate(
        """() => { const rows = document.querySelectorAll('tr.pp-row');
        const row = rows[Math.floor(rows.length / 2)];
        row.scrollIntoView({block: 'center'}); return row.dataset.ppItem; }"""
    )
    visit.page.wait_for_timeout(100)
    return item


def row_is_on_screen(visit: Visit, item: str) -> bool:
    on_screen: bool = visit.page.evaluate(
        """item => { const row = document.querySelector(`tr[data-pp-item="${item}"]`);
        const box = row.cells[0].getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + 4, box.top + box.height / 2);
        return !!hit && row.contains(hit); }""",
        item,
    )
    return on_screen


# -- desktop -----------------------------------------------------------------------------------------


def check_desktop_headers(visit: Visit, table: Comparison) -> None:
    """Every product's header is on screen at the top, and still after scrolling down."""
    sideways: int = visit.page.evaluate("document.documentElement.scrollWidth")
    assert sideways <= DESKTOP["width"], "the page scrolls sideways"
    assert_every_header_visible(visit, table)
    item = scroll_to_middle_row(visit)
    assert visit.page.evaluate("scrollY") > 0
    assert row_is_on_screen(visit, item)
    assert_every_header_visible(visit, table)


def test_desktop_shows_every_product_column_and_keeps_the_headers(
    open_at: Callable[[str, dict[str, int]], Visit],
    base_url: str,
    model: tuple[Dataset, Comparison],
) -> None:
    _, table = model
    visit = open_at(comparison_url(base_url, table), DESKTOP)
    check_desktop_headers(visit, table)
    # No hint to scroll sideways where there is nothing to scroll to.
    assert not visit.page.locator(".pp-scroll-hint").is_visible()
    assert visit.problems == []


def test_the_desktop_check_fails_without_the_style_sheet(
    open_at: Callable[[str, dict[str, int]], Visit],
    site: Path,
    tmp_path: Path,
    model: tuple[Dataset, Comparison],
) -> None:
    """Without the packaged CSS the header row scrolls away: the check above notices."""
    _, table = model
    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    (broken / STYLESHEET).write_text("", "utf-8")
    with serve(broken) as base:
        visit = open_at(comparison_url(base, table), DESKTOP)
        with pytest.raises(AssertionError):
            check_desktop_headers(visit, table)


def test_the_comparison_pages_use_the_full_width(
    site: Path, model: tuple[Dataset, Comparison]
) -> None:
    """The table of contents would be an empty sidebar: the comparison and index hide it, and
    product pages keep theirs."""
    _, table = model
    hidden = 'data-md-type="toc" hidden'
    for page in (f"privacy/compare/{table.id}", "privacy/data-items"):
        assert hidden in (site / page / "index.html").read_text("utf-8"), page
    product_page = (site / "privacy/intune/index.html").read_text("utf-8")
    assert 'data-md-type="toc"' in product_page and hidden not in product_page


# -- phone --------------------------------------------------------------------------------------------


def test_phone_keeps_the_header_row_and_item_column_on_screen(
    open_at: Callable[[str, dict[str, int]], Visit],
    base_url: str,
    model: tuple[Dataset, Comparison],
) -> None:
    _, table = model
    visit = open_at(comparison_url(base_url, table), PHONE)
    page = visit.page
    # Four products do not fit a phone: the table scrolls in its box, and says so.
    assert page.locator(".pp-scroll-hint").is_visible()
    root = page.locator("[data-pp-comparison]")
    assert "right" in (root.get_attribute("data-pp-more") or "")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    item = scroll_to_middle_row(visit)
    assert row_is_on_screen(visit, item)
    headers = headers_on_screen(visit, table)
    assert headers["item"]["hits"], headers["item"]
    shown = [key for key, h in headers.items() if h["inView"] and h["hits"]]
    assert len(shown) >= 2, headers  # the item column and at least one product
    # Scrolled sideways to the last product: its header is on screen, the item column too.
    last = table.products[-1].key
    page.evaluate(
        "() => { const s = document.querySelector('.pp-table-scroll'); s.scrollLeft = s.scrollWidth; }"
    )
    page.wait_for_timeout(100)
    headers = headers_on_screen(visit, table)
    assert headers[last]["hits"] and headers["item"]["hits"], headers
    assert "left" in (root.get_attribute("data-pp-more") or "")
    assert row_is_on_screen(visit, item)
    assert visit.problems == []


def test_phone_index_header_stays_on_screen(
    open_at: Callable[[str, dict[str, int]], Visit], base_url: str
) -> None:
    visit = open_at(base_url + "privacy/data-items/", PHONE)
    assert visit.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    item = scroll_to_middle_row(visit)
    assert row_is_on_screen(visit, item)
    found: list[dict[str, object]] = visit.page.evaluate(_ON_SCREEN, "thead th")
    assert found and all(h["inView"] and h["hits"] for h in found), found
    assert visit.problems == []


# -- sorting and filtering ------------------------------------------------------------------------------


def expected_order(table: Comparison, index: int) -> list[str]:
    """The rows, sorted ascending by one product's column within each category."""
    order = []
    for group in table.groups:
        ranked = sorted((row.cells[index].rank, n, row.item.id) for n, row in enumerate(group.rows))
        order += [item for _, _, item in ranked]
    return order


def row_order(visit: Visit) -> list[str]:
    order: list[str] = visit.page.eval_on_selector_all(
        "tr.pp-row", "rows => rows.map(r => r.dataset.ppItem)"
    )
    return order


def sortable_column(table: Comparison) -> int:
    original = [row.item.id for row in table.rows]
    return next(i for i in range(len(table.products)) if expected_order(table, i) != original)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_clicking_anywhere_in_a_header_cell_sorts(
    open_at: Callable[[str, dict[str, int]], Visit],
    base_url: str,
    model: tuple[Dataset, Comparison],
    viewport: dict[str, int],
) -> None:
    _, table = model
    index = sortable_column(table)
    column = table.products[index]
    visit = open_at(comparison_url(base_url, table), viewport)
    page = visit.page
    header = page.locator(f'thead th[data-pp-column="{column.key}"]')
    header.scroll_into_view_if_needed()
    box = header.bounding_box()
    text = header.locator("button").bounding_box()
    # Near the cell's top-left corner: above the button's text, which sits at the bottom.
    point = {"x": 4, "y": 4}
    assert box["y"] + point["y"] < text["y"], "the point is outside the header's text"
    header.click(position=point)
    assert header.get_attribute("aria-sort") == "ascending"
    assert row_order(visit) == expected_order(table, index)
    assert visit.problems == []


def test_keyboard_sorts_and_filters_and_the_status_says_so(
    open_at: Callable[[str, dict[str, int]], Visit],
    base_url: str,
    model: tuple[Dataset, Comparison],
) -> None:
    _, table = model
    visit = open_at(comparison_url(base_url, table), DESKTOP)
    page = visit.page
    status = page.locator(".pp-count")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    before = status.inner_text()
    assert before == f"Showing {len(table.rows)} of {len(table.rows)} data items"
    # Keyboard only: focus the filter box, type, and the status changes.
    page.locator(".pp-filter").focus()
    page.keyboard.type("device")
    # The box matches names, ids, aliases and store data types ("Device ID", PSL_DEVICE_ID).
    shown = [
        r
        for r in table.rows
        if "device"
        in " ".join(
            (r.item.name, r.item.id, *r.item.aliases, *store_search_terms(r.item, TABLES))
        ).lower()
    ]
    assert 0 < len(shown) < len(table.rows)
    assert status.inner_text() == f"Showing {len(shown)} of {len(table.rows)} data items"
    page.locator(".pp-reset").focus()
    page.keyboard.press("Enter")
    assert status.inner_text() == before
    # Tab on from "Clear filters" to the sort buttons, and sort with Enter.
    index = sortable_column(table)
    column = table.products[index]
    for _ in range(len(table.products) + 4):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const b = document.activeElement; const th = b && b.closest('th');"
            " return b.tagName === 'BUTTON' && th ? th.dataset.ppColumn : null; }"
        )
        if focused == column.key:
            break
    else:
        pytest.fail(f"Tab never reached the sort button of {column.key}")
    page.keyboard.press("Enter")
    header = page.locator(f'thead th[data-pp-column="{column.key}"]')
    assert header.get_attribute("aria-sort") == "ascending"
    assert row_order(visit) == expected_order(table, index)
    assert visit.problems == []


# -- the data-item index -----------------------------------------------------------------------------


def visible_rows(visit: Visit) -> list[str]:
    items: list[str] = visit.page.eval_on_selector_all(
        "tr.pp-row",
        "rows => rows.filter(r => r.getClientRects().length > 0).map(r => r.dataset.ppItem)",
    )
    return items


def test_the_index_is_one_filterable_table(
    open_at: Callable[[str, dict[str, int]], Visit],
    base_url: str,
    model: tuple[Dataset, Comparison],
) -> None:
    dataset, _ = model
    catalog = list(dataset.catalog.values())
    visit = open_at(base_url + "privacy/data-items/", DESKTOP)
    page = visit.page
    assert page.locator("article table").count() == 1
    assert set(visible_rows(visit)) == {item.id for item in catalog}
    status = page.locator(".pp-count")
    assert status.inner_text() == f"Showing {len(catalog)} of {len(catalog)} data items"
    imei = next(item for item in catalog if item.name.startswith("IMEI"))
    page.locator(".pp-filter").focus()
    page.keyboard.type(imei.name)
    term = imei.name.lower()
    expected = [
        i.id
        for i in catalog
        if all(t in " ".join((i.name, i.id, *i.aliases)).lower() for t in term.split())
    ]
    assert imei.id in expected and len(expected) < len(catalog)
    assert sorted(visible_rows(visit)) == sorted(expected)
    assert status.inner_text() == f"Showing {len(expected)} of {len(catalog)} data items"
    # The product facet: the rows of the items a product collects.
    page.locator(".pp-reset").click()
    collection = Collection(dataset)
    product = next(iter(dataset.products.values()))
    page.locator('select[data-pp-facet="product"]').select_option(product.id)
    collects = {i for i, s in collection.by_product[product.id].items() if s.cell.collected}
    assert set(visible_rows(visit)) == collects
    # "Not stated" with that product: the items its page does not mention.
    requirement = page.locator('select[data-pp-facet="requirement"]')
    requirement.select_option("not-stated")
    unstated = {item.id for item in catalog} - set(collection.by_product[product.id])
    assert unstated and set(visible_rows(visit)) == unstated
    # ... and with any product: the items some product does not mention.
    page.locator('select[data-pp-facet="product"]').select_option("")
    everyone = set(dataset.products)
    some_silent = {i.id for i in catalog if set(collection.stated_by(i.id)) != everyone}
    assert some_silent and set(visible_rows(visit)) == some_silent
    assert visit.problems == []


def test_links_to_an_item_of_the_index_land_on_it(
    open_at: Callable[[str, dict[str, int]], Visit],
    base_url: str,
    model: tuple[Dataset, Comparison],
) -> None:
    """#item-id still names the item, and the sticky header does not cover it."""
    dataset, _ = model
    imei = next(item for item in dataset.catalog.values() if item.name.startswith("IMEI"))
    for viewport in (DESKTOP, PHONE):
        visit = open_at(f"{base_url}privacy/data-items/#{imei.id}", viewport)
        visit.page.wait_for_timeout(200)
        found: list[dict[str, object]] = visit.page.evaluate(_ON_SCREEN, f"[id='{imei.id}']")
        assert found and found[0]["inView"] and found[0]["hits"], (viewport, found)
        ids: list[str] = visit.page.eval_on_selector_all(
            "tr.pp-row h3[id]", "hs => hs.map(h => h.id)"
        )
        assert set(ids) == set(dataset.catalog)


#: The table of contents beside the page, its current heading's link, and the box its links
#: scroll in (the nearest ancestor of that link that scrolls).
_TOC_BOX = """() => {
  const nav = document.querySelector('.md-sidebar--secondary .md-nav--secondary');
  const active = nav.querySelector('.md-nav__link--active');
  let box = active && active.parentElement;
  while (box && (box.scrollHeight <= box.clientHeight
                 || getComputedStyle(box).overflowY === 'visible'))
    box = box.parentElement;
  return [nav, active, box];
}"""

#: Whether Material has scrolled the current heading's link into its box (toc.follow).
_TOC_FOLLOWED = """() => {
  const [, active, box] = (TOC_BOX)();
  if (!box) return false;
  const outer = box.getBoundingClientRect(), own = active.getBoundingClientRect();
  return own.top >= outer.top - 1 && own.bottom <= outer.bottom + 1;
}""".replace("TOC_BOX", _TOC_BOX)

#: The box's class, how far it scrolls, and, at every 3 px of its scrolling, the links whose
#: visible part (inside the box) is covered by something else at its centre (the title, which
#: Material keeps on top with position: sticky).
_TOC_COVERED = """() => {
  const [nav, , box] = (TOC_BOX)();
  if (!box) return {box: null, scrolls: 0, covered: []};
  const outer = box.getBoundingClientRect();
  const covered = new Set();
  const end = box.scrollHeight - box.clientHeight;
  for (let top = 0; top <= end + 2; top += 3) {
    box.scrollTop = Math.min(top, end);
    for (const link of nav.querySelectorAll('a.md-nav__link')) {
      const r = link.getBoundingClientRect();
      const y0 = Math.max(r.top, outer.top), y1 = Math.min(r.bottom, outer.bottom);
      if (y1 - y0 < 1) continue;
      const hit = document.elementFromPoint(r.left + r.width / 2, (y0 + y1) / 2);
      if (!hit || !link.contains(hit)) covered.add(`${link.textContent.trim()} (${top} px)`);
    }
  }
  return {box: box.className, scrolls: end, covered: [...covered]};
}""".replace("TOC_BOX", _TOC_BOX)


def test_the_table_of_contents_leaves_no_link_under_its_title(
    open_at: Callable[[str, dict[str, int]], Visit], base_url: str
) -> None:
    """A comparison address of two consecutive versions leads to the newer one's entry near the
    end of its version's page: the footer in view shortens the sidebar, and Material's
    toc.follow scrolls the table of contents to its last links. Wherever it stops, no link is
    half under the sticky title (a few pixels to click; axe-core's target-size, WCAG 2.5.8)."""
    for product in ("intune", "managed-desktop"):
        visit = open_at(f"{base_url}privacy/{product}/compare/0.1.0...1.0.0/", DESKTOP)
        visit.page.wait_for_url("**/releases/1.0.0/#release-1-0-0")
        # toc.follow brings the current heading's link into view (smoothly, in time). Under a
        # loaded machine it may not have by then: the check below scrolls the box through
        # every position itself, so that where toc.follow stops is covered either way.
        with suppress(PlaywrightTimeout):
            visit.page.wait_for_function(_TOC_FOLLOWED, timeout=10_000)
        visit.page.wait_for_timeout(300)
        toc: dict[str, object] = visit.page.evaluate(_TOC_COVERED)
        assert toc["scrolls"], (product, "the table of contents is longer than its box", toc)
        assert toc["covered"] == [], (product, toc)
        assert visit.problems == []


def test_search_indexes_names_not_badges(site: Path, model: tuple[Dataset, Comparison]) -> None:
    dataset, table = model
    docs = json.loads((site / "search/search_index.json").read_text("utf-8"))["docs"]
    compared = [d for d in docs if d["location"].startswith(f"privacy/compare/{table.id}/")]
    text = " ".join(d["text"] for d in compared)
    # Neither the badges of the cells nor those of the legend ("Not stated", "● Required").
    assert compared and "Not stated" not in text and "●" not in text
    text = html.unescape(text)
    assert all(" ".join(row.item.name.split()) in " ".join(text.split()) for row in table.rows)
    assert all(group.category.name in text for group in table.groups)
    index = [d for d in docs if d["location"].startswith("privacy/data-items/")]
    titles = {d["location"].split("#")[-1]: d["title"] for d in index}
    for item in dataset.catalog.values():
        assert " ".join(html.unescape(titles[item.id]).split()) == " ".join(item.name.split())
    assert "● Required" not in " ".join(d["text"] for d in index)
