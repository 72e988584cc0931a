"""Paths in messages are written as the writer sees them: relative to the site (or the working
directory) when the file is under it, through links or not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from privacy_pages.diagnostics import display_path


def test_a_file_under_the_root_is_written_from_the_root(tmp_path: Path) -> None:
    file = tmp_path / "content" / "products" / "a.yml"
    assert display_path(file, tmp_path) == "content/products/a.yml"
    assert display_path(file, tmp_path / "content") == "products/a.yml"


def test_a_relative_path_is_read_from_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert display_path(Path("content/a.yml")) == "content/a.yml"
    assert display_path(Path("content/../content/a.yml")) == "content/a.yml"


def test_a_file_reached_through_a_link_is_written_from_the_root(tmp_path: Path) -> None:
    real = tmp_path / "real"
    (real / "products").mkdir(parents=True)
    (tmp_path / "site").mkdir()
    os.symlink(real, tmp_path / "site" / "content")
    linked = tmp_path / "site" / "content" / "products" / "a.yml"
    assert display_path(linked, tmp_path / "site") == "content/products/a.yml"
    assert display_path(real / "products" / "a.yml", tmp_path / "site" / "content") == (
        "products/a.yml"
    )


def test_a_file_elsewhere_keeps_its_whole_path(tmp_path: Path) -> None:
    elsewhere = Path("/somewhere/else/a.yml")
    assert display_path(elsewhere, tmp_path) == elsewhere.as_posix()
