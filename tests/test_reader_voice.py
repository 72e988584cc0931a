"""Pages readers can trust: the product speaks, not "the statement"; the browser tab names the
product; every note is a note box; a control the statement leaves out is recorded, not filled
with words; and empty sections share one wording that a site can change.

Expectations are read from the YAML records and the built HTML, not from the code under test."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, SiteResult, copy_example_site, run_mkdocs, set_plugin_options
from privacy_pages.model import Product
from privacy_pages.pipeline import build_site
from privacy_pages.render.product_page import render_product
from privacy_pages.settings import settings_from_mkdocs

PRODUCTS = sorted((REPO / "content" / "products").glob("*.yml"))
#: Generated wording that speaks of the document instead of the product.
STATEMENT = re.compile(r"\b(?:the|this)(?: privacy)? statement\b", re.I)
#: Words quoted from another document (“…”) are that document's, not the page's.
QUOTED = re.compile(r"“[^”]*”")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    result = run_mkdocs(copy_example_site(tmp_path_factory.mktemp("reader-voice")) / "mkdocs.yml")
    assert result.ok, f"{result.error}\n{result.messages}"
    return result


def records() -> Iterator[dict[str, Any]]:
    for path in PRODUCTS:
        yield yaml.safe_load(path.read_text("utf-8"))


def text_of(markup: str) -> str:
    """What a reader reads: the markup without scripts, tags and character references."""
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S | re.I)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def article(page: str) -> str:
    found = re.search(r"<article\b.*?</article>", page, re.S)
    assert found, "no <article> in the page"
    return found.group(0)


def plain_words(markdown: str, count: int = 6) -> str:
    """The first words of a Markdown value as they read on the page."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.split()[:count])


# -- the product's own voice ----------------------------------------------------------------------


def test_no_reader_page_talks_about_the_statement(site: SiteResult) -> None:
    """Every generated page, the home page and the feed: no sentence about "the statement"
    (words quoted from another document are left out)."""
    # (A release's version of a statement shows the words of its records as they were
    # released: the writers', not the package's.)
    pages = [
        p for p in sorted((site.site_dir / "privacy").rglob("*.html")) if "releases" not in p.parts
    ]
    pages += [site.site_dir / "index.html", site.site_dir / "changes.xml"]
    assert len(pages) > 6
    for path in pages:
        text = QUOTED.sub(" ", text_of(path.read_text("utf-8")))
        found = STATEMENT.search(text)
        assert found is None, f"{path}: {text[max(0, found.start() - 80) : found.end() + 80]}"


def test_browser_title_names_the_product(site: SiteResult) -> None:
    for record in records():
        page = site.html(f"privacy/{record['id']}.md")
        title = re.search(r"<title>(.*?)</title>", page, re.S)
        assert title, record["id"]
        assert record["name"] in html.unescape(title.group(1)), title.group(1)


def test_front_matter_keeps_the_writers_title() -> None:
    """The tab names the product; the page's front matter keeps the title the writer set for
    their publishing system."""
    settings = settings_from_mkdocs(REPO / "mkdocs.yml")
    build = build_site(settings)
    product = build.dataset.products["managed-desktop"]
    page = render_product(product, build.dataset, settings)
    header = yaml.safe_load(page.markdown.split("---\n")[1])
    assert header["title"] == product.metadata["title"] == "Privacy and personal data"


def notes_of(record: dict[str, Any]) -> Iterator[str]:
    """Every note of a product record: its notes, the storage notes and the items' notes."""
    for note in record.get("notes") or ():
        yield note["text"]
    storage = record.get("storage") or {}
    for key in ("location_note", "retention_note"):
        if storage.get(key):
            yield storage[key]
    for section in ("required", "optional"):
        for group in (record.get(section) or {}).get("groups") or ():
            for item in group.get("items") or ():
                if item.get("note"):
                    yield item["note"]


def test_every_note_renders_as_a_note_box(site: SiteResult) -> None:
    seen = 0
    for record in records():
        page = site.html(f"privacy/{record['id']}.md")
        boxes = [
            text_of(box)
            for box in re.findall(r'<div class="admonition[^"]*">(.*?)</div>', page, re.S)
        ]
        for note in notes_of(record):
            words = plain_words(note)
            assert any(words in box for box in boxes), f"{record['id']}: {words!r} not in a box"
            seen += 1
    assert seen >= 5, "the example content has notes of every kind"


def test_an_unstated_control_shows_no_filler(site: SiteResult) -> None:
    """``control: not-stated`` satisfies the lint rule (the strict build has no warning) and
    the page shows nothing in its place."""
    assert not site.warnings(), site.warnings()
    unstated = [
        (record["id"], item.get("ref") or item.get("id"))
        for record in records()
        for group in (record.get("optional") or {}).get("groups") or ()
        for item in group.get("items") or ()
        if item.get("control") == "not-stated"
    ]
    assert unstated, "the example content records an unstated control"
    for product_id, item_id in unstated:
        page = site.html(f"privacy/{product_id}.md")
        entry = re.search(rf'<li>\s*<p><span class="pp-anchor" id="{item_id}">.*?</li>', page, re.S)
        assert entry, item_id
        assert "controlled" not in entry.group(0) and "not-stated" not in entry.group(0)


def test_a_label_is_not_printed_above_itself(site: SiteResult) -> None:
    page = text_of(article(site.html("privacy/defender-endpoint-ios.md"))).replace(" ¶", "")
    assert "Optional diagnostic data Optional diagnostic data" not in page
    assert "Diagnostic data Optional diagnostic data includes:" in page


def section_text(page: str, heading_id: str) -> str:
    found = re.search(rf'<h2 id="{heading_id}">(.*?)(?=<h2 |</article>)', page, re.S)
    assert found, heading_id
    return text_of(found.group(1))


def test_empty_sections_speak_in_the_products_voice_unless_the_site_says_otherwise(
    site_copy: Callable[[str], Path],
) -> None:
    site = site_copy("small")
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    page = result.html("privacy/widget-android.md")
    assert "Widget for Android gives no details of how access to data is protected." in (
        section_text(page, "data-access-and-security")
    )
    assert "Widget for Android has no further privacy documentation." in section_text(
        page, "more-information"
    )

    # A site's own wording: {product} is the name; nothing else is read as a template.
    wording = "Ask the {product} team. {{ 7 * 7 }} {other}"
    set_plugin_options(site, {"empty_sections": {"more-information": wording}})
    result = run_mkdocs(site / "mkdocs.yml", site_dir=site / "_site2")
    assert result.ok, result.messages
    page = result.html("privacy/widget-android.md")
    assert "Ask the Widget for Android team. {{ 7 * 7 }} {other}" in section_text(
        page, "more-information"
    )
    assert "gives no details of how access" in section_text(page, "data-access-and-security")


def test_an_unknown_section_in_the_wording_option_is_refused(
    site_copy: Callable[[str], Path],
) -> None:
    site = site_copy("small")
    set_plugin_options(site, {"empty_sections": {"your-right": "{product} ..."}})
    result = run_mkdocs(site / "mkdocs.yml")
    assert not result.ok
    assert "your-right" in f"{result.error}{result.messages}"


# -- one definition of every count ----------------------------------------------------------------


def expected_counts(record: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """Distinct item ids by requirement, and how many of them are conditional (listed only with
    a condition of the item or its group), read straight from the YAML."""
    entries: dict[str, list[tuple[str, bool]]] = {}
    for requirement in ("required", "optional"):
        for group in (record.get(requirement) or {}).get("groups") or ():
            for item in group.get("items") or ():
                conditional = bool(item.get("condition") or group.get("condition"))
                entries.setdefault(item.get("ref") or item["id"], []).append(
                    (requirement, conditional)
                )
    counts = {"required": [0, 0], "optional": [0, 0]}
    for listed in entries.values():
        deciding = [entry for entry in listed if not entry[1]] or listed
        requirement = "required" if any(r == "required" for r, _ in deciding) else "optional"
        counts[requirement][0] += 1
        counts[requirement][1] += all(conditional for _, conditional in listed)
    return {key: (total, conditional) for key, (total, conditional) in counts.items()}


def label(total: int, conditional: int) -> str:
    return f"{total} ({conditional} conditional)" if conditional else str(total)


def comparison_counts(page: str, product_id: str) -> dict[str, tuple[int, int]]:
    """A product's column of a comparison table: its cells by requirement."""
    counts = {"required": [0, 0], "optional": [0, 0]}
    cells = re.findall(
        rf'<td class="pp-cell[^"]*" data-pp-column="{product_id}" data-pp-status="([a-z-]+)"'
        r'.*?<span class="pp-label">([^<]*)</span>',
        page,
    )
    for status, text in cells:
        if status in counts:
            counts[status][0] += 1
        elif status == "conditional":
            requirement = "required" if "(required" in text else "optional"
            counts[requirement][0] += 1
            counts[requirement][1] += 1
    return {key: (total, conditional) for key, (total, conditional) in counts.items()}


def test_counts_agree_on_the_home_page_product_pages_and_comparisons(site: SiteResult) -> None:
    home = site.html("index.md")
    comparison = site.html("privacy/compare/all-products.md")
    for record in records():
        expected = expected_counts(record)
        required, optional = label(*expected["required"]), label(*expected["optional"])

        row = re.search(rf'<tr>\s*<td><a href="[^"]*{record["id"]}/">.*?</tr>', home, re.S)
        assert row, record["id"]
        cells = [text_of(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row.group(0))]
        assert cells[-2:] == [required, optional], record["id"]

        page = site.html(f"privacy/{record['id']}.md")
        shown = re.search(r'<span class="pp-item-counts">(.*?)</span>', page, re.S)
        assert shown, record["id"]
        words = [
            f"{total} {requirement}" + (f" ({conditional} conditional)" if conditional else "")
            for requirement, (total, conditional) in expected.items()
        ]
        assert text_of(shown.group(1)) == "Data items: " + " · ".join(words)

        assert comparison_counts(comparison, record["id"]) == expected, record["id"]


def test_comparison_captions_count_in_the_right_number(site: SiteResult) -> None:
    for path in sorted((site.site_dir / "privacy" / "compare").glob("*/index.html")):
        page = path.read_text("utf-8")
        caption = re.search(r'<span class="pp-caption-detail">\((.*?)\)</span>', page)
        assert caption, path
        rows = page.count('<tr class="pp-row"')
        products = len(set(re.findall(r'data-pp-product="([^"]+)"', page)))
        item_word = "data item" if rows == 1 else "data items"
        product_word = "product" if products == 1 else "products"
        assert caption.group(1) == f"{rows} {item_word}, {products} {product_word}", path


def test_conditional_items_are_counted_under_their_requirement() -> None:
    """iOS: the two web-page items are required only under a condition."""
    settings = settings_from_mkdocs(REPO / "mkdocs.yml")
    product: Product = build_site(settings).dataset.products["defender-endpoint-ios"]
    record = yaml.safe_load((REPO / "content/products/defender-endpoint-ios.yml").read_text())
    assert expected_counts(record)["required"] == (15, 2)
    assert len(product.required.items) == 15


@pytest.mark.parametrize(
    ("kind", "title", "intro", "label"),
    [
        ("diagnostic", "Diagnostic data", None, None),
        ("feedback", "Data", "Feedback data includes:", None),
        # "other" is not said by "another": the label stays.
        ("other", "Data another team receives", None, "Optional other data"),
    ],
)
def test_a_kind_label_is_left_out_only_when_the_kind_is_said(
    kind: str, title: str, intro: str | None, label: str | None
) -> None:
    from types import SimpleNamespace

    from privacy_pages.render.product_page import kind_label

    group: Any = SimpleNamespace(kind=kind, title=title, intro=intro)
    assert kind_label(group) == label
