"""The compiled schema check and jsonschema agree on what is valid.

``validate_record`` trusts the compiled (fastjsonschema) check to accept valid records; if it
ever accepted a record that jsonschema rejects, errors would be lost. Mutated records test that.
"""

from __future__ import annotations

import copy
from typing import Any

import fastjsonschema
import yaml
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st
from privacy_pages.load.schema import _fast_check, _validator

PRODUCT = yaml.safe_load((FIXTURES / "small/content/products/widget-ios.yml").read_text())
PRODUCT["metadata"]["ms.date"] = str(PRODUCT["metadata"]["ms.date"])
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=5),
    st.lists(st.text(max_size=3), max_size=2),
    st.dictionaries(st.text(max_size=4), st.text(max_size=3), max_size=2),
)


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths(value, (*prefix, index))
    return found


ALL_PATHS = paths(PRODUCT)


def agree(record: Any) -> None:
    slow_valid = not list(_validator("product").iter_errors(record))
    try:
        _fast_check("product")(record)
        fast_valid = True
    except fastjsonschema.JsonSchemaException:
        fast_valid = False
    assert fast_valid == slow_valid


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(ALL_PATHS), VALUES, st.booleans())
def test_fast_and_full_validation_agree_on_mutations(
    path: tuple[Any, ...], value: Any, delete: bool
) -> None:
    record = copy.deepcopy(PRODUCT)
    parent = record
    for step in path[:-1]:
        parent = parent[step]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    agree(record)


def test_the_unmutated_record_is_valid_for_both() -> None:
    agree(PRODUCT)
    _fast_check("product")(PRODUCT)
