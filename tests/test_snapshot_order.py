"""``privacy-pages snapshot`` refuses a release that would not be the latest one (dated before it,
or numbered lower), unless ``--out-of-order`` says the writer means it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO
from privacy_pages.cli import main
from privacy_pages.history.releases import load_history

GUIDE = REPO / "site-src" / "guide" / "change-history.md"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    target = tmp_path / "site"
    shutil.copytree(FIXTURES / "history-v1", target)
    return target


def snapshot(
    site: Path, capsys: pytest.CaptureFixture[str], version: str, date: str, *flags: str
) -> tuple[int, str]:
    argv = ["snapshot", "--config", str(site / "mkdocs.yml"), "--version", version]
    code = main([*argv, "--date", date, *flags])
    return code, capsys.readouterr().err


def recorded(site: Path) -> list[tuple[str, str]]:
    """The releases of the site's history, oldest first, as (version, date)."""
    history, problems = load_history(site / "content")
    assert problems.errors == []
    return [(r.version, r.date.isoformat()) for r in history.releases]


@pytest.mark.parametrize(
    ("version", "date", "why"),
    [
        ("0.9.0", "2026-09-01", "an earlier date and a lower version"),
        ("1.1.0", "2026-09-30", "an earlier date"),
        ("0.9.0", "2026-11-01", "a lower version"),
        ("1.0.0-rc.1", "2026-10-01", "a pre-release of the latest release, on its day"),
        ("v0.9", "2026-11-01", "a lower version written with a 'v'"),
    ],
)
def test_a_release_out_of_order_is_refused(
    site: Path, capsys: pytest.CaptureFixture[str], version: str, date: str, why: str
) -> None:
    assert snapshot(site, capsys, "1.0.0", "2026-10-01")[0] == 0
    history = site / "content" / "history"
    before = sorted(p.name for p in history.iterdir())

    code, err = snapshot(site, capsys, version, date)
    assert code == 1, why
    # The message names the latest release, with its version and date, and the way out.
    assert "1.0.0" in err and "2026-10-01" in err, err
    assert version in err and date in err, err
    assert "--out-of-order" in err, err
    assert sorted(p.name for p in history.iterdir()) == before


@pytest.mark.parametrize(
    ("version", "date"),
    [
        ("1.1.0", "2026-11-01"),
        ("1.0.1", "2026-10-01"),  # a later version on the same day
        ("1.10.0", "2026-10-02"),  # numbers compare as numbers, not as text
        ("v1.2", "2026-10-02"),
        ("2026-11", "2026-11-01"),
    ],
)
def test_a_later_release_is_recorded(
    site: Path, capsys: pytest.CaptureFixture[str], version: str, date: str
) -> None:
    assert snapshot(site, capsys, "1.0.0", "2026-10-01")[0] == 0
    code, err = snapshot(site, capsys, version, date)
    assert code == 0, err
    assert recorded(site)[-1] == (version, date)


def test_a_release_after_its_pre_releases(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for version, date in [("1.0.0-beta", "2026-09-01"), ("1.0.0-rc.1", "2026-09-01")]:
        assert snapshot(site, capsys, version, date)[0] == 0
    assert snapshot(site, capsys, "1.0.0", "2026-09-01")[0] == 0
    assert recorded(site) == [
        ("1.0.0-beta", "2026-09-01"),
        ("1.0.0-rc.1", "2026-09-01"),
        ("1.0.0", "2026-09-01"),
    ]
    code, err = snapshot(site, capsys, "1.0.0-rc.2", "2026-09-02")
    assert code == 1 and "not higher than 1.0.0" in err


def test_names_that_are_not_numbers_are_ordered_by_date(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert snapshot(site, capsys, "spring", "2026-04-01")[0] == 0
    assert snapshot(site, capsys, "autumn", "2026-10-01")[0] == 0
    assert snapshot(site, capsys, "summer", "2026-07-01")[0] == 1


def test_out_of_order_records_an_older_release_where_its_date_puts_it(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert snapshot(site, capsys, "1.0.0", "2026-10-01")[0] == 0
    code, err = snapshot(site, capsys, "0.9.0", "2026-09-01", "--out-of-order")
    assert code == 0, err
    assert recorded(site) == [("0.9.0", "2026-09-01"), ("1.0.0", "2026-10-01")]
    history, _ = load_history(site / "content")
    older, latest = history.releases
    assert older.initial and not latest.initial
    assert latest.previous is not None and latest.previous.version == "0.9.0"


def test_force_redoes_a_release_against_the_ones_before_it(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert snapshot(site, capsys, "0.1.0", "2026-09-01")[0] == 0
    assert snapshot(site, capsys, "1.0.0", "2026-10-01")[0] == 0
    # Redoing the latest release with another date compares it with 0.1.0 only.
    assert snapshot(site, capsys, "1.0.0", "2026-09-15", "--force")[0] == 0
    assert recorded(site)[-1] == ("1.0.0", "2026-09-15")
    code, err = snapshot(site, capsys, "1.0.0", "2026-08-01", "--force")
    assert code == 1 and "0.1.0" in err and "2026-09-01" in err
    assert recorded(site)[-1] == ("1.0.0", "2026-09-15")


def test_a_broken_history_is_reported_before_anything_is_recorded(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert snapshot(site, capsys, "1.0.0", "2026-10-01")[0] == 0
    broken = site / "content" / "history" / "1.0.0.json"
    broken.write_text("{", "utf-8")
    code, err = snapshot(site, capsys, "1.1.0", "2026-11-01")
    assert code == 1 and "history/1.0.0.json:" in err
    assert not (site / "content" / "history" / "1.1.0.json").exists()
    # The broken snapshot itself can be redone.
    assert snapshot(site, capsys, "1.0.0", "2026-10-01", "--force")[0] == 0


def test_the_flag_is_documented(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["snapshot", "--help"]) == 0
    assert "--out-of-order" in capsys.readouterr().out
    assert "--out-of-order" in GUIDE.read_text("utf-8")
