"""Under ``mkdocs serve``, a product whose file did not change is the last rebuild's product
(``load.content.Relinking``), with the problems linking it found. Whatever is edited, what a
rebuild loads must be what a load from scratch finds: the same products, the same problems."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import copy_example_site
from privacy_pages.load.content import load_content
from privacy_pages.load.record_files import ContentCache
from privacy_pages.model import Dataset

ANDROID = "products/defender-endpoint-android.yml"
IOS = "products/defender-endpoint-ios.yml"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return copy_example_site(tmp_path / "example") / "content"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def loaded(content: Path, cache: ContentCache | None = None) -> tuple[Dataset, list[str]]:
    dataset, problems = load_content(content, cache=cache)
    return dataset, sorted(str(problem) for problem in problems.items)


def same_as_from_scratch(content: Path, cache: ContentCache) -> Dataset:
    """The rebuild's dataset, checked against a load without the cache."""
    dataset, problems = loaded(content, cache)
    fresh, fresh_problems = loaded(content)
    assert problems == fresh_problems
    assert dataset.products == fresh.products
    assert list(dataset.products) == list(fresh.products)  # (the order pages come in)
    return dataset


def test_an_unchanged_product_is_the_last_rebuild_s_product(content: Path) -> None:
    cache = ContentCache()
    before, _ = loaded(content, cache)
    edit(content / ANDROID, "name: ", "name: Renamed ")
    after = same_as_from_scratch(content, cache)
    android = before.products["defender-endpoint-android"]
    assert after.products["defender-endpoint-android"] is not android
    assert after.products["defender-endpoint-android"].name.startswith("Renamed ")
    unchanged = [pid for pid in before.products if pid != "defender-endpoint-android"]
    assert unchanged
    assert all(after.products[pid] is before.products[pid] for pid in unchanged)


def test_an_edit_to_the_catalog_links_every_product_again(content: Path) -> None:
    cache = ContentCache()
    before, _ = loaded(content, cache)
    # The Android product refers to this item; its file is unchanged, its reference now fails.
    edit(content / "catalog" / "apps.yml", "id: apk-install-source", "id: apk-source")
    after = same_as_from_scratch(content, cache)
    assert not any(after.products.get(pid) is product for pid, product in before.products.items())
    _, problems = loaded(content, cache)
    assert any("apk-install-source" in problem and ANDROID in problem for problem in problems)


def test_a_catalog_file_removed_links_every_product_again(content: Path) -> None:
    cache = ContentCache()
    before, _ = loaded(content, cache)
    (content / "catalog" / "feedback.yml").unlink()
    after = same_as_from_scratch(content, cache)
    assert not any(after.products.get(pid) is product for pid, product in before.products.items())


def test_the_problems_found_linking_a_kept_product_are_reported_again(content: Path) -> None:
    cache = ContentCache()
    edit(content / IOS, "name: ", "name: Bad\u202e ")  # a bidirectional override: an error
    _, first = loaded(content, cache)
    assert any("bidirectional" in problem and IOS in problem for problem in first)
    edit(content / ANDROID, "name: ", "name: Renamed ")  # the iOS file stays as it is
    same_as_from_scratch(content, cache)
    _, again = loaded(content, cache)
    assert any("bidirectional" in problem and IOS in problem for problem in again)


@pytest.mark.parametrize("edited", [ANDROID, IOS])
def test_a_duplicate_id_made_by_another_file_is_reported(content: Path, edited: str) -> None:
    """The edited file takes the other's id, whether it is linked before that (unchanged)
    file or after it."""
    cache = ContentCache()
    loaded(content, cache)
    ids = {ANDROID: "defender-endpoint-android", IOS: "defender-endpoint-ios"}
    other = ids[ANDROID if edited == IOS else IOS]
    edit(content / edited, f"id: {ids[edited]}", f"id: {other}")
    same_as_from_scratch(content, cache)
    _, problems = loaded(content, cache)
    assert any("duplicate product id" in problem for problem in problems)
    edit(content / edited, f"id: {other}", f"id: {ids[edited]}")
    dataset = same_as_from_scratch(content, cache)
    assert set(ids.values()) <= set(dataset.products)


def test_an_unreadable_catalog_file_is_reported_for_every_product_that_needs_it(
    content: Path,
) -> None:
    cache = ContentCache()
    loaded(content, cache)
    (content / "catalog" / "apps.yml").write_text("items: [\n", "utf-8")  # a syntax error
    same_as_from_scratch(content, cache)
    _, problems = loaded(content, cache)
    assert any("depends on" in problem and ANDROID in problem for problem in problems)


def _naming(dataset: Dataset, item_id: str) -> set[str]:
    """The products that name a catalog item."""
    return {
        pid
        for pid, product in dataset.products.items()
        if any(
            item.catalog and item.id == item_id
            for item in (
                *product.items,
                *(product.never_collected.items if product.never_collected else ()),
            )
        )
    }


def test_an_edit_to_a_catalog_item_links_again_only_the_products_that_name_it(
    content: Path,
) -> None:
    cache = ContentCache()
    before, _ = loaded(content, cache)
    edit(content / "catalog" / "apps.yml", "name: Install source", "name: Source of the app")
    after = same_as_from_scratch(content, cache)
    naming = _naming(after, "apk-install-source")
    assert naming and naming != set(after.products)
    for pid, product in after.products.items():
        assert (product is before.products[pid]) == (pid not in naming), pid
    assert any(
        item.name == "Source of the app"
        for pid in naming
        for item in after.products[pid].items
        if item.id == "apk-install-source"
    )


def test_a_catalog_item_added_links_every_product_again(content: Path) -> None:
    """An id that was unknown may now be known: a product that refers to it links to it."""
    cache = ContentCache()
    edit(content / IOS, "ref: ", "ref: app-store-region\n          # was: ")
    _, first = loaded(content, cache)
    assert any("app-store-region" in problem and IOS in problem for problem in first)
    edit(
        content / "catalog" / "apps.yml",
        "items:\n",
        "items:\n  - id: app-store-region\n    name: App Store region\n    category: app-info\n",
    )
    after = same_as_from_scratch(content, cache)
    _, problems = loaded(content, cache)
    assert not any("app-store-region" in problem for problem in problems), problems
    assert "app-store-region" in {item.id for item in after.products["defender-endpoint-ios"].items}


def test_a_translated_product_is_linked_again_only_when_it_names_an_edited_item(
    content: Path,
) -> None:
    """In each language too: the French catalog's edited item relinks the French products
    that name it; an English edit to an item makes its French translation stale there."""
    from privacy_pages.pipeline import check_site
    from privacy_pages.settings import find_settings

    settings = find_settings(content.parent)
    cache = ContentCache()
    before = check_site(settings, cache).languages["fr"].dataset
    translation = content / "translations" / "fr" / "catalog" / "apps.yml"
    edit(translation, "text: Source d'installation", "text: Origine de l'installation")
    again = check_site(settings, cache)
    fresh = check_site(settings)
    after = again.languages["fr"].dataset
    assert after.products == fresh.languages["fr"].dataset.products
    assert sorted(map(str, again.problems.items)) == sorted(map(str, fresh.problems.items))
    naming = _naming(after, "apk-install-source")
    assert naming and naming != set(after.products)
    for pid, product in after.products.items():
        assert (product is before.products[pid]) == (pid not in naming), pid


def test_a_store_table_edit_links_every_translated_product_again(content: Path) -> None:
    """A product's store answers are read against the store tables, in every language."""
    from privacy_pages.pipeline import check_site
    from privacy_pages.settings import find_settings

    purpose = {
        "label": "Crash reporting",
        "google_play": "PSL_ANALYTICS",
        "apple": "NSPrivacyCollectedDataTypePurposeAnalytics",
    }
    stores = content / "stores.yml"
    stores.write_text(yaml.safe_dump({"purposes": {"crash-reporting": purpose}}), "utf-8")
    edit(
        content / ANDROID, "purposes: [app-functionality, security]", "purposes: [crash-reporting]"
    )
    settings = find_settings(content.parent)
    cache = ContentCache()
    first = check_site(settings, cache)
    assert not first.problems.errors, [str(problem) for problem in first.problems.errors]
    renamed = {"purposes": {"crash-logs": purpose}}  # the purpose is gone, another one is new
    stores.write_text(yaml.safe_dump(renamed), "utf-8")
    again, fresh = check_site(settings, cache), check_site(settings)
    assert sorted(map(str, again.problems.items)) == sorted(map(str, fresh.problems.items))
    for language in fresh.languages:
        products = again.languages[language].dataset.products
        assert products == fresh.languages[language].dataset.products, language
    stores.write_text(yaml.safe_dump({"purposes": {"crash-reporting": purpose}}), "utf-8")
    check_site(settings, cache)
    stores.unlink()  # no site tables at all: the packaged ones, without the purpose
    again, fresh = check_site(settings, cache), check_site(settings)
    for language in fresh.languages:
        products = again.languages[language].dataset.products
        assert products == fresh.languages[language].dataset.products, language


def test_a_product_file_gone_for_a_rebuild_comes_back_as_it_is_now(
    content: Path, tmp_path: Path
) -> None:
    """A product file moved away and back (its time and size as before): what it names may
    have changed meanwhile, so it is linked again, in every language."""
    from privacy_pages.pipeline import check_site
    from privacy_pages.settings import find_settings

    settings = find_settings(content.parent)
    cache = ContentCache()
    check_site(settings, cache)
    aside = tmp_path / "aside.yml"
    (content / ANDROID).rename(aside)
    check_site(settings, cache)
    edit(content / "catalog" / "apps.yml", "name: Install source", "name: Source of the app")
    translation = content / "translations" / "fr" / "catalog" / "apps.yml"
    edit(translation, "text: Source d'installation", "text: Origine de l'installation")
    check_site(settings, cache)
    aside.rename(content / ANDROID)
    again, fresh = check_site(settings, cache), check_site(settings)
    assert again.dataset.products == fresh.dataset.products
    for language in fresh.languages:
        products = again.languages[language].dataset.products
        assert products == fresh.languages[language].dataset.products, language
