"""Under ``mkdocs serve``, a rebuild renders again only the pages whose inputs changed
(``render/reuse.py``). Whatever is edited, the pages must be those a build from scratch makes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_example_site
from privacy_pages.compare.collection import Collection
from privacy_pages.compare.comparison import comparisons
from privacy_pages.load.record_files import ContentCache
from privacy_pages.pipeline import SiteBuild, build_site
from privacy_pages.render.reuse import PageReuse
from privacy_pages.settings import Settings, settings_from_mkdocs


def settings_of(site: Path) -> Settings:
    """The site's settings in each of its languages (i18n's), as ``privacy-pages render``
    builds them."""
    return settings_from_mkdocs(site / "mkdocs.yml")


def pages_of(build: SiteBuild) -> dict[str, str]:
    assert build.ok, [str(problem) for problem in build.problems.errors]
    return {page.path: page.markdown for page in build.pages}


class Serving:
    """Builds as ``mkdocs serve`` makes them: one content cache and one page reuse for all."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.cache, self.reuse = ContentCache(), PageReuse()

    def build(self) -> dict[str, str]:
        return pages_of(build_site(settings_of(self.site), self.cache, reuse=self.reuse))

    def fresh(self) -> dict[str, str]:
        return pages_of(build_site(settings_of(self.site)))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture
def serving(tmp_path: Path) -> Serving:
    return Serving(copy_example_site(tmp_path / "example"))


def test_an_edit_to_one_product_renders_its_pages_again_and_reuses_the_rest(
    serving: Serving,
) -> None:
    serving.build()
    products = sorted((serving.site / "content" / "products").glob("*.yml"))
    edit(products[0], "name: ", "name: Renamed ")
    after = serving.build()
    assert after == serving.fresh()
    assert serving.reuse.reused >= len(products) - 1  # the other products' pages
    assert serving.reuse.rendered >= 1


@pytest.mark.parametrize(
    ("change", "what"),
    [
        (lambda site: _rename_category(site), "a category's name"),
        (lambda site: _override_template(site), "a site template"),
    ],
)
def test_an_edit_that_every_page_reads_renders_every_page_again(
    serving: Serving, change: Callable[[Path], None], what: str
) -> None:
    serving.build()
    change(serving.site)
    after = serving.build()
    assert after == serving.fresh(), what
    assert serving.reuse.reused == 0, what
    if what == "a site template":
        assert any("A sentence every page gains." in page for page in after.values())


def _rename_category(site: Path) -> None:
    edit(site / "content" / "categories.yml", "name: ", "name: Edited ")


def test_an_edit_that_changes_no_value_reuses_every_page(serving: Serving) -> None:
    before = serving.build()
    categories = serving.site / "content" / "categories.yml"
    categories.write_text(categories.read_text("utf-8") + "\n# A comment.\n", "utf-8")
    assert serving.build() == before
    assert serving.reuse.rendered == 0 and serving.reuse.reused > 0


def _edit_catalog(site: Path) -> str:
    """Rename the first item of the catalog; return its id."""
    catalog = sorted((site / "content" / "catalog").glob("*.yml"))[0]
    text = catalog.read_text("utf-8")
    found = re.search(r"- id: (\S+)\n\s+name: ", text)
    assert found is not None, catalog
    edit(catalog, found.group(0), found.group(0) + "Edited ")
    return found.group(1)


def _rendered_keys(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys of the pages and downloads rendered from now on (not reused)."""
    rendered: list[str] = []
    page = PageReuse.page

    def spied(self: PageReuse, key: str, fingerprint: str, render: Callable[[], Any]) -> Any:
        return page(self, key, fingerprint, lambda: (rendered.append(key), render())[1])

    monkeypatch.setattr(PageReuse, "page", spied)
    return rendered


def _showing(build: SiteBuild, item_id: str) -> tuple[set[str], set[str]]:
    """The products that name a catalog item, and the comparisons whose rows show it."""
    dataset = build.dataset
    products = {
        product.id
        for product in dataset.products.values()
        if any(
            item.id == item_id
            for item in (
                *product.items,
                *(product.never_collected.items if product.never_collected else ()),
            )
        )
    }
    tables = {
        table.id
        for table in comparisons(Collection(dataset))
        if any(row.item.id == item_id for row in table.rows)
    }
    return products, tables


@pytest.mark.parametrize("where", ["source", "translation"])
def test_an_edit_to_a_catalog_item_renders_again_only_the_pages_that_show_it(
    serving: Serving, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """The catalog is not among what every page reads: an item's name (in English, or its
    French translation) is on the pages of the products that name it, on the comparisons
    whose rows show it and in the index. In French, an English edit makes the translation
    stale: the pages that show the item show the notice, as a build from scratch does."""
    serving.build()
    rendered = _rendered_keys(monkeypatch)
    if where == "source":
        item_id = _edit_catalog(serving.site)
    else:
        translations = serving.site / "content" / "translations" / "fr" / "catalog"
        translation = sorted(translations.glob("*.yml"))[0]
        text = translation.read_text("utf-8")
        found = re.search(r"items\[([^\]]+)\]\.name:\n\s+source: \S+\n\s+text: ", text)
        assert found is not None, translation
        item_id = found.group(1)
        edit(translation, found.group(0), found.group(0) + "Modifié ")
    after = serving.build()
    assert after == serving.fresh()
    products, tables = _showing(build_site(settings_of(serving.site)), item_id)
    assert products and tables, item_id  # (the example names it somewhere)
    languages = 1 if where == "translation" else len(settings_of(serving.site).all_languages)
    assert sorted(key for key in rendered if key.startswith("product:")) == sorted(
        [f"product:{product}" for product in products] * languages
    )
    assert sorted(key for key in rendered if key.startswith("comparison:")) == sorted(
        [f"comparison:{table}" for table in tables] * languages
    )
    assert serving.reuse.reused > 0
    marker = "Edited " if where == "source" else "Modifié "
    assert sum(marker in page for page in after.values()) >= len(products) + len(tables)
    if where == "source":  # the French pages that show it say it changed
        notices = [
            path
            for path, page in after.items()
            if path.startswith("fr/") and "pp-translation-notice" in page
        ]
        assert notices


@pytest.mark.parametrize("edited", ["item", "condition"])
def test_a_stale_translation_shown_as_before_gains_its_notice_on_every_page_that_shows_it(
    serving: Serving, edited: str
) -> None:
    """With ``stale_translations: previous``, a French page shows the earlier translation of an
    item's name or a condition whose English text changed: the same text as last build, now
    with a notice (on the product's page, the comparisons and the index's row)."""
    config = serving.site / "mkdocs.yml"
    edit(
        config,
        "      content_dir: content\n",
        "      content_dir: content\n      stale_translations: previous\n",
    )
    first = serving.build()
    if edited == "item":
        _edit_catalog(serving.site)
    else:
        product = serving.site / "content" / "products" / "intune.yml"
        edit(product, "Corporate devices only", "Company-owned devices only")
    after = serving.build()
    assert after == serving.fresh()
    notices = [
        path
        for path in after
        if after[path].count("pp-translation-notice") > first[path].count("pp-translation-notice")
    ]
    assert any(path.startswith("fr/") and "/compare/" not in path for path in notices), notices


def test_an_item_no_product_names_is_shown_as_edited(serving: Serving) -> None:
    """An item no product names has a row in the index, and in a comparison that shows the
    rows of items its products do not state: an edit to it changes those rows."""
    edit(
        serving.site / "content" / "comparisons.yml",
        "  - id: all-products\n",
        "  - id: all-products\n    include_not_stated: true\n",
    )
    edit(
        serving.site / "content" / "catalog" / "network.yml",
        "items:\n",
        "items:\n  - id: unnamed-item\n    name: An item nobody names\n    category: web-network\n",
    )
    serving.build()
    edit(
        serving.site / "content" / "catalog" / "network.yml", "An item nobody", "An item no product"
    )
    after = serving.build()
    assert after == serving.fresh()
    shown = [path for path, page in after.items() if "An item no product names" in page]
    assert any(path.endswith("all-products.md") for path in shown), shown
    assert any(path.endswith("data-items.md") for path in shown), shown


def test_an_edit_to_an_item_s_store_data_type_changes_the_store_files_that_show_it(
    serving: Serving,
) -> None:
    """A product's app-store files show the store data types of the catalog items it names."""
    first = downloads_of(build_site(settings_of(serving.site), serving.cache, reuse=serving.reuse))
    edit(
        serving.site / "content" / "catalog" / "apps.yml",
        "google_play: PSL_APPS_ON_DEVICE",
        "google_play: PSL_USER_GENERATED_CONTENT",
    )
    again = downloads_of(build_site(settings_of(serving.site), serving.cache, reuse=serving.reuse))
    assert again == downloads_of(build_site(settings_of(serving.site)))
    assert any(again[path] != first[path] for path in again if "store" in path), sorted(again)


def _override_template(site: Path, extra: str = "\nA sentence every page gains.\n") -> None:
    """A site template for product pages: the packaged one with ``extra`` at its end."""
    templates = site / "templates"
    templates.mkdir(exist_ok=True)
    packaged = Path(__file__).resolve().parents[1] / "templates" / "product.md.j2"
    text = packaged.read_text("utf-8")
    (templates / "product.md.j2").write_text(text + extra, "utf-8")
    config = site / "mkdocs.yml"
    config_text = config.read_text("utf-8")
    if "templates_dir:" not in config_text:
        config.write_text(
            config_text.replace(
                "  - privacy-pages:\n", "  - privacy-pages:\n      templates_dir: templates\n", 1
            ),
            "utf-8",
        )


def test_a_page_whose_template_reads_other_products_is_never_reused(serving: Serving) -> None:
    """A site template may list the other products: such a page changes when they do."""
    _override_template(
        serving.site,
        "\nOther products: {% for other in dataset.products.values() %}{{ other.name }}, "
        "{% endfor %}\n",
    )
    serving.build()
    products = sorted((serving.site / "content" / "products").glob("*.yml"))
    edit(products[0], "name: ", "name: Renamed ")
    after = serving.build()
    assert after == serving.fresh()
    languages = settings_of(serving.site).all_languages
    # Each product page, in each language (a release's version of a statement lists the
    # products of its release).
    listing = [
        markdown
        for path, markdown in after.items()
        if "Other products:" in markdown and "/releases/" not in path
    ]
    assert len(listing) == len(products) * len(languages)
    assert all("Renamed" in page for page in listing)
    assert not any(key.startswith("product:") for key in serving.reuse.pages)


def test_a_page_whose_template_reads_the_catalog_shows_every_edit_to_it(serving: Serving) -> None:
    """A site template may print the whole catalog: such a page changes with any item."""
    _override_template(
        serving.site,
        "\nThe catalog: {% for item in dataset.catalog.values() %}{{ item.name }}, {% endfor %}\n",
    )
    serving.build()
    _edit_catalog(serving.site)
    after = serving.build()
    assert after == serving.fresh()
    # (A release's version of a statement lists the catalog of its release.)
    listing = [
        page for path, page in after.items() if "The catalog:" in page and "/releases/" not in path
    ]
    assert listing and all("Edited " in page for page in listing)


def test_an_edit_to_a_site_template_renders_every_page_again(serving: Serving) -> None:
    _override_template(serving.site)  # the site has its own template from the start
    serving.build()
    template = serving.site / "templates" / "product.md.j2"
    edit(template, "A sentence every page gains.", "Another sentence every page gains.")
    after = serving.build()
    assert after == serving.fresh()
    assert serving.reuse.reused == 0
    assert any("Another sentence every page gains." in page for page in after.values())


def downloads_of(build: SiteBuild) -> dict[str, str]:
    return {asset.path: asset.content for asset in build.downloads}


def test_the_downloads_are_those_of_a_build_from_scratch(serving: Serving) -> None:
    """privacy.json and the comparisons' CSV are kept a product and a table at a time."""
    settings = settings_of(serving.site)
    build_site(settings, serving.cache, reuse=serving.reuse)
    products = sorted((serving.site / "content" / "products").glob("*.yml"))
    edit(products[0], "name: ", "name: Renamed ")
    again = build_site(settings_of(serving.site), serving.cache, reuse=serving.reuse)
    downloads = downloads_of(again)
    assert downloads == downloads_of(build_site(settings_of(serving.site)))
    assert any("Renamed" in text for path, text in downloads.items() if path.endswith(".json"))
    assert any(key.startswith("privacy.json:") for key in serving.reuse.pages)
    assert any(key.startswith("csv:") for key in serving.reuse.pages)
    assert any(key.startswith("store-labels:") for key in serving.reuse.pages)


def test_privacy_json_keeps_a_comparison_whose_products_did_not_change(serving: Serving) -> None:
    """A comparison's entry in privacy.json is encoded again only when one of its products
    changed (the others are last build's text, and the file is the same as from scratch)."""
    first = build_site(settings_of(serving.site), serving.cache, reuse=serving.reuse)
    downloads_of(first)  # privacy.json is made as it is written
    shown = comparisons(Collection(first.dataset))
    tables = {table.id: {c.product.id for c in table.products} for table in shown}
    before = {k: v for k, v in serving.reuse.pages.items() if k.startswith("privacy.json-comp")}
    edited = next(
        path
        for path in sorted((serving.site / "content" / "products").glob("*.yml"))
        if any(path.stem not in products for products in tables.values())
    )
    edit(edited, "name: ", "name: Renamed ")
    again = build_site(settings_of(serving.site), serving.cache, reuse=serving.reuse)
    assert downloads_of(again) == downloads_of(build_site(settings_of(serving.site)))
    after = {k: v for k, v in serving.reuse.pages.items() if k.startswith("privacy.json-comp")}
    assert before.keys() == after.keys() == {f"privacy.json-comparison:{t}" for t in tables}
    for table, products in tables.items():
        kept = after[f"privacy.json-comparison:{table}"][1]
        was = before[f"privacy.json-comparison:{table}"][1]
        assert (kept is was) == (edited.stem not in products), table


def test_a_product_s_store_files_follow_an_edit_to_its_store_answers(serving: Serving) -> None:
    """The app-store files are kept a product at a time, and made again when it changes."""
    product = serving.site / "content" / "products" / "defender-endpoint-android.yml"
    first = downloads_of(build_site(settings_of(serving.site), serving.cache, reuse=serving.reuse))
    text = product.read_text("utf-8")
    store_part = text[text.index("store_labels:") :]
    edited = store_part.replace(
        "purposes: [app-functionality, security]", "purposes: [security]", 1
    )
    assert edited != store_part, "the example's store answers changed shape"
    product.write_text(text.replace(store_part, edited), "utf-8")
    again = downloads_of(build_site(settings_of(serving.site), serving.cache, reuse=serving.reuse))
    assert again == downloads_of(build_site(settings_of(serving.site)))
    changed = {path for path in again if again[path] != first.get(path)}
    assert changed and all(
        "defender-endpoint-android" in path or "privacy.json" in path for path in changed
    ), changed


def test_metadata_in_another_order_is_a_new_input(serving: Serving) -> None:
    """privacy.json keeps a record's metadata in its order: equal dicts in another order are
    not the same input."""
    settings = settings_of(serving.site)
    first = downloads_of(build_site(settings, serving.cache, reuse=serving.reuse))
    assert any(path.endswith("privacy.json") for path in first)  # made, so its parts are kept
    product = serving.site / "content" / "products" / "intune.yml"
    text = product.read_text("utf-8")
    title = "  title: Data collection in Intune\n"
    suffix = "  titleSuffix: Microsoft Intune\n"
    assert title + suffix in text
    product.write_text(text.replace(title + suffix, suffix + title, 1), "utf-8")
    again = downloads_of(build_site(settings_of(serving.site), serving.cache, reuse=serving.reuse))
    fresh = downloads_of(build_site(settings_of(serving.site)))
    assert again == fresh
    json_text = next(text for path, text in fresh.items() if path.endswith("privacy.json"))
    assert json_text.index('"titleSuffix"') < json_text.index('"title":"Data collection in Intune"')


def _index_of(pages: dict[str, str]) -> str:
    return next(text for path, text in pages.items() if path.endswith("data-items.md"))


def test_an_edit_to_one_product_renders_again_only_the_index_rows_of_its_items(
    serving: Serving, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index is rendered each build, from its rows: only the row of the item whose
    condition the edit changed is new, not every row of an item the product states."""
    first = serving.build()
    rows = serving.reuse.parts_rendered
    assert rows > 20 and serving.reuse.parts_reused == 0
    rendered: list[str] = []
    part = PageReuse.part

    def spied(self: PageReuse, key: str, fingerprint: Any, render: Callable[[], Any]) -> Any:
        return part(self, key, fingerprint, lambda: (rendered.append(key), render())[1])

    monkeypatch.setattr(PageReuse, "part", spied)
    product = serving.site / "content" / "products" / "defender-endpoint-android.yml"
    edit(product, "condition: When clicked", "condition: When tapped")
    after = serving.build()
    rows_rendered = [key for key in rendered if key.startswith("index-row:")]
    languages = len(settings_of(serving.site).all_languages)  # each language's index
    assert rows_rendered == ["index-row:web-network:full-url"] * languages
    assert after == serving.fresh()
    assert "When tapped" in _index_of(after) and "When tapped" not in _index_of(first)
    assert serving.reuse.parts_rendered + serving.reuse.parts_reused == rows


@pytest.mark.parametrize("change", ["rename", "remove"])
def test_a_product_renamed_or_removed_changes_the_rows_that_name_it(
    serving: Serving, change: str
) -> None:
    """Rows name the products that do not state their item too: those rows change as well."""
    serving.build()
    product = serving.site / "content" / "products" / "managed-desktop.yml"
    if change == "rename":
        edit(product, "name: ", "name: Renamed ")
    else:
        product.unlink()
    after = serving.build()
    assert _index_of(after) == _index_of(serving.fresh())


def test_a_release_version_page_is_reused_while_the_history_is_the_same(serving: Serving) -> None:
    """Each statement's versions (pages from the release's records) are made once per serve
    session: an edit to one product renders them again only when what they show changed."""
    before = serving.build()
    versions = [path for path in before if re.match(r"privacy/[^/]+/(releases|compare)/", path)]
    assert versions, "the example site has releases with records"
    products = sorted((serving.site / "content" / "products").glob("*.yml"))
    edit(products[0], "name: ", "name: Renamed ")
    after = serving.build()
    assert after == serving.fresh()
    renamed = products[0].stem
    for path in versions:
        if f"/{renamed}/" in path and "/compare/" in path:
            assert "Renamed" in after[path]  # a comparison shows the current name
        elif f"/{renamed}/" not in path:
            assert after[path] is before[path], path  # the same page, not made again


def test_a_setting_that_changes_the_links_renders_the_index_rows_again(serving: Serving) -> None:
    """The products are the same objects (no file changed), but every link of the index's rows
    is another: what is kept per product goes with the settings it was made under."""
    first = serving.build()
    settings = replace(settings_of(serving.site), directory_urls=False)  # MkDocs' option
    after = pages_of(build_site(settings, serving.cache, reuse=serving.reuse))
    assert after == pages_of(build_site(settings))
    assert _index_of(after) != _index_of(first)


def _counting_comparisons(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the comparison tables computed from now on, once per table and language."""
    from privacy_pages.compare import comparison

    computed: list[str] = []
    compare = comparison.compare

    def counted(spec: Any, collection: Collection) -> Any:
        computed.append(spec.id)
        return compare(spec, collection)

    monkeypatch.setattr(comparison, "compare", counted)
    return computed


def test_an_edit_to_one_product_computes_only_the_tables_it_is_in(
    serving: Serving, monkeypatch: pytest.MonkeyPatch
) -> None:
    serving.build()
    computed = _counting_comparisons(monkeypatch)
    languages = len(settings_of(serving.site).all_languages)
    edit(serving.site / "content" / "products" / "intune.yml", "name: ", "name: Renamed ")
    after = serving.build()
    # Intune is in every product's table and its own; not in the iOS and Android one.
    assert sorted(computed) == sorted(["all-products", "intune-mam"] * languages)
    computed.clear()
    assert after == serving.fresh()
    assert len(computed) == 3 * languages  # a build from scratch computes them all


def test_an_edit_that_every_table_reads_computes_every_table(
    serving: Serving, monkeypatch: pytest.MonkeyPatch
) -> None:
    serving.build()
    computed = _counting_comparisons(monkeypatch)
    _rename_category(serving.site)
    after = serving.build()
    languages = len(settings_of(serving.site).all_languages)
    assert len(computed) == 3 * languages
    assert after == serving.fresh()


def test_an_edit_to_a_catalog_item_computes_only_the_tables_that_show_it(
    serving: Serving, monkeypatch: pytest.MonkeyPatch
) -> None:
    serving.build()
    computed = _counting_comparisons(monkeypatch)
    item_id = _edit_catalog(serving.site)
    after = serving.build()
    made = list(computed)
    _, tables = _showing(build_site(settings_of(serving.site)), item_id)
    languages = len(settings_of(serving.site).all_languages)
    assert sorted(made) == sorted([*tables] * languages)
    assert after == serving.fresh()


def test_a_kept_page_shows_the_notices_of_every_text_it_shows() -> None:
    """In another language, a page shows a notice after any text that is not a current
    translation, whichever record the text comes from: a kept page is compared with the
    notices of the texts it looked up, not only with its own records."""
    from privacy_pages.load.translations import Language
    from privacy_pages.markdown_text import inline
    from privacy_pages.messages import SOURCE_MESSAGES
    from privacy_pages.model import Dataset
    from privacy_pages.render.translated import Showing, noticed

    text = noticed(inline)
    reuse = PageReuse()
    renders: list[str] = []

    def build(fallbacks: dict[str, Any]) -> tuple[str, str]:
        language = Language("fr", Dataset(), fallbacks=fallbacks)
        showing = Showing.of(language)
        reuse.start(Dataset(), "the same inputs", templates_dir=None, showing=showing)

        def page(name: str, shown: str) -> Callable[[], tuple[str, bool]]:
            def render() -> tuple[str, bool]:
                renders.append(name)
                return f"{text(shown, showing, SOURCE_MESSAGES)}", True

            return render

        return (
            reuse.page("imei", "its own record", page("imei", "IMEI")),
            reuse.page("other", "its own record", page("other", "Serial number")),
        )

    first = build({})
    assert first == ("IMEI", "Serial number") and renders == ["imei", "other"]
    marked = build({"IMEI": "source"})  # another record's IMEI is now untranslated
    assert "pp-translation-notice" in marked[0] and marked[1] == "Serial number"
    assert renders == ["imei", "other", "imei"]  # the other page is kept
    assert build({}) == first and renders[-1] == "imei"
