"""Names in any script are compared by their letters: a catalog kept in Japanese (or with
accents) is matched as well as one in English, and different names never become one."""

from __future__ import annotations

import pytest
from privacy_pages.importer.items import CatalogIndex
from privacy_pages.importer.wording import comparable

CATALOG = {
    "device-id-ja": "デバイスID",
    "user-id-ja": "ユーザーID",
    "email-ja": "メールアドレス",
    "cafe-visits": "Café visits",
}


@pytest.fixture
def catalog() -> CatalogIndex:
    index = CatalogIndex()
    for item_id, name in CATALOG.items():
        index.add_existing(item_id, name, (), "device")
    return index


@pytest.mark.parametrize(("item_id", "name"), CATALOG.items())
def test_each_name_matches_its_own_item(catalog: CatalogIndex, item_id: str, name: str) -> None:
    found = catalog.match(name, "device")
    assert found is not None and found.ref == item_id


def test_accents_on_latin_letters_do_not_matter(catalog: CatalogIndex) -> None:
    found = catalog.match("Cafe visits", "device")
    assert found is not None and found.ref == "cafe-visits"


def test_names_in_other_scripts_keep_their_letters() -> None:
    # Two different Japanese names must not reduce to the same key ("id").
    assert comparable("デバイスID") != comparable("ユーザーID")
    # The voicing mark is part of the letter: デ is not テ.
    assert comparable("デバイス") != comparable("テバイス")


def test_the_same_name_elsewhere_is_surer_than_part_of_a_name_here() -> None:
    index = CatalogIndex()
    index.add_existing("website-ip-address", "IP address of the website", (), "web")
    index.add_existing("ip-address", "IP address", (), "network")
    found = index.match("IP address", "web")
    assert found is not None and found.ref == "ip-address" and found.confidence == "name"
    # Part of a name in the group's category still matches when nothing has the same name.
    found = index.match("Website IP address", "web")
    assert found is not None and found.ref == "website-ip-address"
