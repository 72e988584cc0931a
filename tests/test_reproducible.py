"""Two builds of the same content give byte-identical Markdown and HTML.

The builds run in separate processes with a different time zone, locale and hash seed, in
different folders, from copies whose files were created in opposite orders. Only the sitemap
(which carries the build date) may differ.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

CLI = "from privacy_pages.cli import main; raise SystemExit(main())"
MKDOCS = "from mkdocs.__main__ import cli; cli()"
ENVIRONMENTS = (
    {"TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONHASHSEED": "1"},
    {
        "TZ": "Pacific/Kiritimati",
        "LC_ALL": "de_DE.UTF-8",
        "LANG": "tr_TR.UTF-8",
        "PYTHONHASHSEED": "4242",
    },
)
VARYING = {"sitemap.xml", "sitemap.xml.gz"}


def copy_in_order(source: Path, target: Path, reverse: bool) -> None:
    """Copy a tree file by file, creating files in sorted or reverse-sorted order."""
    files = sorted(p for p in source.rglob("*") if p.is_file())
    for path in reversed(files) if reverse else files:
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)


def build(site: Path, env: dict[str, str]) -> dict[str, bytes]:
    environment = {**os.environ, **env, "NO_MKDOCS_2_WARNING": "1"}
    for args in (
        [sys.executable, "-c", CLI, "render", "--config", "mkdocs.yml", "--out", "rendered"],
        [sys.executable, "-c", MKDOCS, "build", "--strict", "--site-dir", "html"],
    ):
        done = subprocess.run(
            args, cwd=site, env=environment, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, done.stderr
    outputs = {}
    for folder in ("rendered", "html"):
        for path in sorted((site / folder).rglob("*")):
            if path.is_file() and path.name not in VARYING:
                outputs[path.relative_to(site).as_posix()] = path.read_bytes()
    return outputs


@pytest.mark.parametrize("fixture", ["hostile"])
def test_two_builds_are_byte_identical(tmp_path: Path, fixture: str) -> None:
    first, second = tmp_path / "first" / "site", tmp_path / "second-build" / "x" / "site"
    copy_in_order(FIXTURES / fixture, first, reverse=False)
    copy_in_order(FIXTURES / fixture, second, reverse=True)
    one = build(first, ENVIRONMENTS[0])
    two = build(second, ENVIRONMENTS[1])
    assert any(name.startswith("rendered/privacy/") for name in one)
    assert any(name.endswith(".html") for name in one)
    assert sorted(one) == sorted(two)
    different = [name for name in one if one[name] != two[name]]
    assert not different, different
    assert str(tmp_path).encode() not in b"".join(one.values())  # no absolute paths leak in
