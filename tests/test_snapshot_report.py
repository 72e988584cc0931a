"""``privacy-pages snapshot`` says what it records, statement by statement, in the words of
the pages' change history; ``--dry-run`` says it and writes nothing (issue 55, point 7)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES
from privacy_pages.cli import main

IOS = "content/products/widget-ios.yml"


def snapshot(
    site: Path, version: str, date: str, capsys: pytest.CaptureFixture[str], *extra: str
) -> str:
    args = ["snapshot", "--config", str(site / "mkdocs.yml"), "--version", version]
    assert main([*args, "--date", date, *extra]) == 0
    return capsys.readouterr().out


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "history-v1", site)
    return site


def test_the_first_release_names_every_statement(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    said = snapshot(site, "1.0.0", "2026-10-01", capsys)
    for name in ("Widget for iOS", "Widget for Android", "Widget on the web"):
        assert f"  {name}: first recorded" in said, said


def test_a_release_says_each_statements_changes_and_a_dry_run_writes_nothing(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    snapshot(site, "1.0.0", "2026-10-01", capsys)
    record = site / IOS
    text = record.read_text("utf-8")
    text = text.replace("period: 30 days", "period: 90 days", 1)
    text = text.replace("It stores it in your tenant.", "It stores it in your own tenant.", 1)
    record.write_text(text, "utf-8")

    dry = snapshot(site, "1.1.0", "2026-11-01", capsys, "--dry-run")
    assert not (site / "content/history/1.1.0.json").exists(), "a dry run writes nothing"
    assert "  Widget for Android: unchanged" in dry and "  Widget on the web: unchanged" in dry
    ios = dry[dry.index("  Widget for iOS:") :]
    lines = ios.splitlines()
    assert "Personal data" in lines[1] and '"30 days" → "90 days"' in lines[1], lines
    assert lines[2].strip() == "- 1 text reworded:", lines
    assert "own" in lines[3], lines

    written = snapshot(site, "1.1.0", "2026-11-01", capsys)
    assert (site / "content/history/1.1.0.json").is_file()
    assert written == dry, "the release records what the dry run said"
