"""What keeps a build's peak memory low, checked without measuring memory (the benchmark does):

* each product's located record is checked as soon as it is loaded, then let go;
* the pages' templates leave no reference cycles behind for the paused collector.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Any

from conftest import REPO
from privacy_pages.load.content import load_content
from privacy_pages.load.yaml_source import LocatedMapping, LocatedSequence
from privacy_pages.pipeline import build_site, collector_paused
from privacy_pages.settings import Settings

sys.path.insert(0, str(REPO / "benchmarks"))
from synthetic import generate


def _located_alive() -> int:
    return sum(isinstance(o, (LocatedMapping, LocatedSequence)) for o in gc.get_objects())


def _located_in(data: Any) -> int:
    """How many located mappings and lists ``data`` is made of."""
    if isinstance(data, LocatedMapping):
        return 1 + sum(_located_in(value) for value in data.values())
    if isinstance(data, LocatedSequence):
        return 1 + sum(_located_in(value) for value in data)
    return 0


def test_each_product_is_checked_as_it_loads_and_its_record_let_go(tmp_path: Path) -> None:
    """With the collector paused (as in a build), the located records alive while the last
    product is checked are no more than while the first was: each product's is let go."""
    generate(tmp_path / "content", 12)
    alive: list[int] = []
    sizes: list[int] = []

    def checked(dataset: Any, display: str, record: Any, product: Any) -> None:
        assert product is not None and product.source.path == display
        alive.append(_located_alive())
        sizes.append(_located_in(record))

    gc.collect()
    with collector_paused():
        dataset, problems = load_content(tmp_path / "content", each_product=checked)
    assert not problems.errors and len(dataset.products) == len(alive) == 12
    assert set(dataset.loaded) >= {product.source.path for product in dataset.products.values()}
    assert not any(path.startswith("content/products") for path in dataset.records)
    # Kept, they would add up: the twelfth check would see eleven more records.
    assert alive[-1] - alive[0] < min(sizes)


def test_the_pages_templates_leave_no_cycles_for_the_paused_collector(tmp_path: Path) -> None:
    """A build pauses the collector; the modules of the templates a page imports are reference
    cycles (thousands of objects at a dozen products), collected after each page: none are
    left for the collector when the build ends."""
    generate(tmp_path / "content", 12)
    settings = Settings(content_dir=tmp_path / "content")
    gc.collect()
    with collector_paused():
        built = build_site(settings)
        left = gc.collect()
    assert built.ok and len(built.pages) > 12
    assert left < 100, f"{left} objects in cycles left after {len(built.pages)} pages"
