"""Every command that writes checks where before it writes (issue 57, point 5): a missing
folder, a folder where a file goes or a file where a folder goes is a message naming the path
and a non-zero exit, never a traceback; a PO catalog in an encoding nobody knows is an error
at its header's line.

The commands run in-process (``main``): a traceback would be an exception failing the test."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO
from privacy_pages.cli import main

SMALL = FIXTURES / "small"
#: How a file output goes wrong: the path to give, from a scratch folder (made as needed).
FILE_CASES: dict[str, Callable[[Path], Path]] = {
    "in a missing folder": lambda tmp: tmp / "missing" / "out.txt",
    "that is a folder": lambda tmp: _folder(tmp / "taken"),
    "under a file": lambda tmp: _file(tmp / "plain") / "out.txt",
}
#: How a folder output goes wrong.
FOLDER_CASES: dict[str, Callable[[Path], Path]] = {
    "that is a file": lambda tmp: _file(tmp / "plain"),
    "under a file": lambda tmp: _file(tmp / "plain") / "inside",
}


def _folder(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


def _file(path: Path) -> Path:
    path.write_text("already here\n", "utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


def _refused(code: int, err: str, path: Path) -> None:
    assert code != 0
    assert str(path) in err, err
    assert "Traceback" not in err


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(SMALL, site)
    return site


def _entries(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


@pytest.mark.parametrize("case", FILE_CASES)
def test_export_refuses_a_file_it_cannot_write(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path)
    out = FILE_CASES[case](tmp_path)
    before = _entries(tmp_path)
    config = str(site / "mkdocs.yml")
    code, err = _run(
        capsys, "export", "google-play", "widget-android", "--out", str(out), "--config", config
    )
    _refused(code, err, out)
    assert _entries(tmp_path) == before


@pytest.mark.parametrize("case", FILE_CASES)
def test_translations_export_refuses_a_file_it_cannot_write(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path)
    out = FILE_CASES[case](tmp_path)
    before = _entries(tmp_path)
    config = str(site / "mkdocs.yml")
    code, err = _run(capsys, "translations", "export", "fr", "--out", str(out), "--config", config)
    _refused(code, err, out)
    assert _entries(tmp_path) == before


@pytest.mark.parametrize("case", FOLDER_CASES)
def test_render_refuses_a_folder_it_cannot_write_into(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path)
    out = FOLDER_CASES[case](tmp_path)
    before = _entries(tmp_path)
    code, err = _run(capsys, "render", "--config", str(site / "mkdocs.yml"), "--out", str(out))
    _refused(code, err, out)
    assert _entries(tmp_path) == before


@pytest.mark.parametrize("case", ["that is a folder", "under a file"])
def test_render_refuses_a_site_config_it_cannot_write(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path)
    config_out = FILE_CASES[case](tmp_path)
    out = tmp_path / "docs"
    code, err = _run(
        capsys,
        "render",
        "--config",
        str(site / "mkdocs.yml"),
        "--out",
        str(out),
        "--site-config",
        str(config_out),
    )
    _refused(code, err, config_out)
    assert not out.exists()


def test_render_names_a_page_that_cannot_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What no check before writing can foresee (a folder where the build puts a page) is still
    a message naming the path."""
    site = _site(tmp_path)
    out = tmp_path / "docs"
    config = str(site / "mkdocs.yml")
    assert main(["render", "--config", config, "--out", str(out)]) == 0
    capsys.readouterr()
    page = next(path for path in sorted(out.rglob("*.md")))
    page.unlink()
    (page / "in-the-way").mkdir(parents=True)
    code, err = _run(capsys, "render", "--config", config, "--out", str(out))
    _refused(code, err, page)


@pytest.mark.parametrize("case", FOLDER_CASES)
def test_schema_refuses_a_folder_it_cannot_write_into(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = FOLDER_CASES[case](tmp_path)
    before = _entries(tmp_path)
    code, err = _run(capsys, "schema", "--out", str(out))
    _refused(code, err, out)
    assert _entries(tmp_path) == before


@pytest.mark.parametrize("case", FOLDER_CASES)
def test_snapshot_refuses_a_folder_it_cannot_write_into(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path)
    out = FOLDER_CASES[case](tmp_path)
    before = _entries(tmp_path)
    config = str(site / "mkdocs.yml")
    code, err = _run(
        capsys, "snapshot", "--version", "2.0", "--date", "2026-01-01", "--out", str(out),
        "--config", config,
    )  # fmt: skip
    _refused(code, err, out)
    assert _entries(tmp_path) == before


@pytest.mark.parametrize("case", ["that is a folder", "under a file"])
def test_import_refuses_a_report_it_cannot_write(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path)
    page = tmp_path / "page.md"
    page.write_text("# Widget privacy\n\nWidget collects the device name.\n", "utf-8")
    report = FILE_CASES[case](tmp_path)
    before = _entries(tmp_path)
    config = str(site / "mkdocs.yml")
    code, err = _run(capsys, "import", str(page), "--report", str(report), "--config", config)
    _refused(code, err, report)
    assert _entries(tmp_path) == before


@pytest.mark.parametrize("charset", ["klingon", "hex", "x-no-such-encoding"])
def test_a_po_file_in_an_unknown_charset_is_an_error_at_its_header(
    charset: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    shutil.copytree(REPO / "content", site / "content")
    shutil.copy2(REPO / "mkdocs.yml", site / "mkdocs.yml")
    before = {p: p.read_bytes() for p in (site / "content").rglob("*") if p.is_file()}
    po = tmp_path / "fr.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n'
        f'"Content-Type: text/plain; charset={charset}\\n"\n\n'
        'msgctxt "products/intune.yml:summary"\nmsgid "x"\nmsgstr "y"\n',
        "utf-8",
    )
    config = str(site / "mkdocs.yml")
    code, err = _run(capsys, "translations", "import", "fr", str(po), "--config", config)
    assert code == 1
    assert "fr.po:4:" in err and charset in err, err
    assert {p: p.read_bytes() for p in (site / "content").rglob("*") if p.is_file()} == before
