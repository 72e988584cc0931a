"""A real strict build of the small fixture site succeeds and shows every product."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import run_mkdocs


def test_small_site_builds_strict(site_copy: Callable[[str], Path]) -> None:
    site = site_copy("small")
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    home = result.html("index.md")
    assert "Widget for iOS" in home and "Widget for Android" in home
