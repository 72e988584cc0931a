"""A real strict build of the small fixture site succeeds and shows every product."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import SiteResult


def test_small_site_builds_strict(
    site_copy: Callable[[str], Path], mkdocs_build: Callable[..., SiteResult]
) -> None:
    site = site_copy("small")
    result = mkdocs_build(site / "mkdocs.yml")
    assert result.ok, result.messages
    home = result.html("index.md")
    assert "Widget for iOS" in home and "Widget for Android" in home
