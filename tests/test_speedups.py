"""The speed paths behind one switch (issue 56, point 2): with ``speedups: false`` Python-Markdown
and Material's search do all the work on generated pages, and the site a reader gets is the same
(``make test`` runs this on the lowest and the newest versions accepted); where Material's search
is not what they expect, its own code runs and an INFO line says so."""

from __future__ import annotations

import logging
import sys
import types
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import built_files, copy_example_site, stale_translations_allowed
from privacy_pages.mkdocs_plugin.speedups import html_blocks, search_view


def _with_speedups(site: Path, on: bool) -> None:
    config_file = site / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    for entry in config["plugins"]:
        if isinstance(entry, dict) and "privacy-pages" in entry:
            entry["privacy-pages"] = {**(entry["privacy-pages"] or {}), "speedups": on}
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")


def test_the_example_site_is_the_same_with_the_speedups_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = copy_example_site(tmp_path / "example")
    stale_translations_allowed(site)
    taken: list[int] = []
    take_out = html_blocks.HtmlBlocks.take_out

    def counted(self: html_blocks.HtmlBlocks, markdown: str) -> str:
        taken.append(1)
        return take_out(self, markdown)

    monkeypatch.setattr(html_blocks.HtmlBlocks, "take_out", counted)
    _with_speedups(site, True)
    on = built_files(site, tmp_path / "on")
    used = len(taken)
    _with_speedups(site, False)
    off = built_files(site, tmp_path / "off")
    assert used > 0 and len(taken) == used  # the speed paths ran with the option on only
    assert on.keys() == off.keys()
    assert "search/search_index.json" in on and "privacy/data-items/index.html" in on
    assert [path for path in on if on[path] != off[path]] == []


class _NotAnHtmlParser:
    """A search ``Parser`` of a Material release the speedups were not written for."""


def test_a_search_index_not_as_expected_is_left_to_material_with_an_info_line(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = types.ModuleType("material_search_of_another_release")
    module.Parser = _NotAnHtmlParser  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    added: list[Any] = []
    index_class = type("SearchIndex", (), {"__module__": module.__name__})
    index = index_class()
    index.entries = []
    index.add_entry_from_context = added.append
    original = index.add_entry_from_context
    with caplog.at_level(logging.INFO):
        search_view.read_views(index, lambda page: True)
    assert index.add_entry_from_context is original  # Material's own code, untouched
    assert "not the version the speedups expect" in caplog.text
