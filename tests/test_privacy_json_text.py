"""privacy.json is written a product at a time, and says exactly what ``json.dumps`` of the whole
document says."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES
from privacy_pages.compare.collection import Collection
from privacy_pages.compare.comparison import comparisons
from privacy_pages.pipeline import check_site
from privacy_pages.render.privacy_json import privacy_document, privacy_json
from privacy_pages.settings import settings_from_mkdocs

#: The fixture folders that are sites (have a mkdocs.yml).
SITES = sorted(config.parent.name for config in FIXTURES.glob("*/mkdocs.yml"))


def test_the_fixture_sites_are_found() -> None:
    """The parametrization below cannot silently become empty."""
    assert {"compare", "small", "hostile"} <= set(SITES), SITES


@pytest.mark.parametrize("fixture", SITES)
def test_the_text_is_json_dumps_of_the_document(fixture: str) -> None:
    build = check_site(settings_from_mkdocs(FIXTURES / fixture / "mkdocs.yml"))
    collection = Collection(build.dataset)
    tables = comparisons(collection)
    document = privacy_document(collection, build.settings, tables)
    assert document["products"], "a document with products"
    text = privacy_json(collection, build.settings, tables)
    expected = json.dumps(document, ensure_ascii=False, separators=(",", ":"), default=str)
    assert text == expected
    assert json.loads(text) == json.loads(expected)
