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
from privacy_pages.mkdocs_plugin.plugin import PrivacyPagesPlugin


def test_downloads_are_written_whole_and_known_to_mkdocs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = copy_example_site(tmp_path / "example")
    seen: dict[str, tuple[File, str]] = {}
    on_files = PrivacyPagesPlugin.on_files

    def kept(self: PrivacyPagesPlugin, files: Files, /, **kwargs: Any) -> Files | None:
        result = on_files(self, files, **kwargs)
        assert self.build is not None
        for asset in self.build.downloads:
            file = files.get_file_from_path(asset.path)
            assert file is not None, asset.path
            seen[asset.path] = (file, asset.content)
        return result

    monkeypatch.setattr(PrivacyPagesPlugin, "on_files", kept)
    out = tmp_path / "out"
    result = run_mkdocs(site / "mkdocs.yml", site_dir=out)
    assert result.ok, result.messages
    assert "privacy/privacy.json" in seen and any(p.endswith(".csv") for p in seen)
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
