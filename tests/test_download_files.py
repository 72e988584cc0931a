"""The downloads (privacy.json, the comparison CSVs, the store-label files) are written into the
site a piece at a time while the plugin hands them to MkDocs (``mkdocs_plugin/files.py``): MkDocs
would hold each whole text in memory until the end of the build. A reader must get the same
files, and MkDocs must still know them (links to them are checked)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import copy_example_site, run_mkdocs
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from privacy_pages.mkdocs_plugin import generated_pages as generated_pages_module
from privacy_pages.pipeline import SiteBuild


def test_downloads_are_written_whole_and_known_to_mkdocs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = copy_example_site(tmp_path / "example")
    seen: dict[str, tuple[File, str]] = {}
    add_files = generated_pages_module.add_generated_files

    def kept(files: Files, config: Any, build: SiteBuild, *args: Any) -> None:
        add_files(files, config, build, *args)  # a build lets the downloads go once written
        for asset in build.downloads:
            file = files.get_file_from_path(asset.path)
            assert file is not None, asset.path
            seen[file.dest_uri] = (file, asset.content)  # (i18n's French build: fr/...)

    monkeypatch.setattr(generated_pages_module, "add_generated_files", kept)
    out = tmp_path / "out"
    result = run_mkdocs(site / "mkdocs.yml", site_dir=out)
    assert result.ok, result.messages
    assert "privacy/privacy.json" in seen and any(p.endswith(".csv") for p in seen)
    assert "fr/privacy/privacy.json" in seen and "fr/changes.xml" in seen  # each language's
    for path, (file, text) in seen.items():
        # Not held by MkDocs: the file is its own source, in the site.
        assert file.abs_src_path == file.abs_dest_path == str(out / path)
        assert (out / path).read_bytes() == text.encode("utf-8"), path


def test_a_dirty_build_keeps_the_downloads(tmp_path: Path) -> None:
    """MkDocs skips copying a file that is not newer than its copy: the plugin's own write must
    still be there after a build with --dirty."""
    site = copy_example_site(tmp_path / "example")
    out = tmp_path / "out"
    assert run_mkdocs(site / "mkdocs.yml", site_dir=out).ok
    first = (out / "privacy/privacy.json").read_bytes()
    record = site / "content/products/intune.yml"
    text = record.read_text("utf-8")
    record.write_text(text.replace("name: Microsoft Intune", "name: Microsoft Intune (new)", 1))
    config = load_config(str(site / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="build", dirty=True)
    build(config, dirty=True)
    second = (out / "privacy/privacy.json").read_bytes()
    assert second != first and b"Microsoft Intune (new)" in second


def test_serve_writes_again_only_the_downloads_that_changed(tmp_path: Path) -> None:
    """Under ``mkdocs serve --dirty`` a rebuild writes again the downloads whose text changed
    (and privacy.json, made in pieces): the others are left as the last build wrote them, and
    every file is what a build from scratch writes."""
    site = copy_example_site(tmp_path / "example")
    out = tmp_path / "out"
    config = load_config(str(site / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        build(config, dirty=True)
        downloads = [p for p in (out / "privacy").rglob("*") if p.suffix in {".csv", ".json"}]
        before = {p: p.stat().st_mtime_ns for p in downloads}
        record = site / "content/products/intune.yml"
        text = record.read_text("utf-8")
        assert text.count("condition: Managed apps only}") >= 1  # in the comparison's CSVs
        record.write_text(text.replace("condition: Managed apps only}", "condition: Apps}", 1))
        build(load_config(str(site / "mkdocs.yml"), site_dir=str(out)), dirty=True)
        after = {p: p.stat().st_mtime_ns for p in before}
    finally:
        config.plugins.on_shutdown()
    kept = [p for p in before if before[p] == after[p]]
    assert kept, "every download was written again"
    assert after[out / "privacy/privacy.json"] != before[out / "privacy/privacy.json"]
    assert (
        after[out / "privacy/compare/intune-mam.csv"]
        != before[out / "privacy/compare/intune-mam.csv"]
    )
    fresh = tmp_path / "fresh"  # (the edit leaves its French translation stale: a warning)
    assert run_mkdocs(site / "mkdocs.yml", site_dir=fresh, strict=False).ok
    for path in before:
        assert path.read_bytes() == (fresh / path.relative_to(out)).read_bytes(), path
