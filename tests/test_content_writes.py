"""Commands that write content (snapshot, new item, import) write each file whole or not at
all, in an order where no file refers to one not written yet, and never through a link that
leads outside the content folder."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import copy_example_site
from privacy_pages.atomic_write import write_text_atomically
from privacy_pages.pipeline import check_site
from privacy_pages.settings import settings_from_mkdocs
from test_import_existing_site import run_import, widget_page


def _files(content: Path) -> dict[str, bytes]:
    return {
        path.relative_to(content).as_posix(): path.read_bytes()
        for path in sorted(content.rglob("*"))
        if path.is_file()
    }


def _snapshot_force(site: Path) -> list[str]:
    return ["snapshot", "--version", "1.0.0", "--date", "2026-11-22", "--force", *_config(site)]


def _new_item(site: Path) -> list[str]:
    return ["new", "item", "ink-level", "--category", "device", "--file", "device", *_config(site)]


def _config(site: Path) -> list[str]:
    return ["--config", str(site / "mkdocs.yml")]


def _cli(arguments: list[str]) -> int:
    from privacy_pages.cli import main

    return main(arguments)


def _import(site: Path, page_folder: Path) -> int:
    """Import a page with a new category's item and items the catalog lacks (so the import
    writes the catalog and the product)."""
    page = widget_page(
        page_folder,
        "Widget collects data to work.\n\n## Required data\n\n### Device data\n\n"
        "- Ink level of the printer\n- Paper tray state\n",
    )
    run = run_import(site, page, "--product-id", "widget", "--force")
    sys.stderr.write(run.err)
    return run.code


#: Each writing command, run on a copy of the example site.
COMMANDS: dict[str, Callable[[Path, Path], int]] = {
    "snapshot --force": lambda site, _: _cli(_snapshot_force(site)),
    "new item --file": lambda site, _: _cli(_new_item(site)),
    "new item": lambda site, _: _cli(
        ["new", "item", "ink-level", "--category", "device", *_config(site)]
    ),
    "new product": lambda site, _: _cli(["new", "product", "contoso-ink", *_config(site)]),
    "import": _import,
}


def _reference_run(
    tmp_path: Path, command: str
) -> tuple[dict[str, bytes], dict[str, bytes], list[str]]:
    """The command run on a copy of the example site with nothing failing: the content files
    before and after, and the paths of those it wrote."""
    reference = copy_example_site(tmp_path / "reference")
    before = _files(reference / "content")
    (tmp_path / "pages-a").mkdir()
    assert COMMANDS[command](reference, tmp_path / "pages-a") == 0
    after = _files(reference / "content")
    return before, after, [path for path in after if before.get(path) != after[path]]


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("failing_write", [1, 2, 3])
def test_a_failed_write_leaves_every_content_file_old_or_whole_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, failing_write: int
) -> None:
    """The disk fills up at the command's first, second or third file: every content file is
    then as it was or holds its whole new text, and the site still loads."""
    before, after, written = _reference_run(tmp_path, command)
    assert written, "the command writes content"

    site = copy_example_site(tmp_path / "site")
    calls = 0
    fsync = os.fsync

    def full_disk(descriptor: int) -> None:
        nonlocal calls
        calls += 1
        if calls == failing_write:
            raise OSError(errno.ENOSPC, "No space left on device")
        fsync(descriptor)

    monkeypatch.setattr(os, "fsync", full_disk)
    (tmp_path / "pages-b").mkdir()
    code = COMMANDS[command](site, tmp_path / "pages-b")
    monkeypatch.undo()
    if failing_write > len(written):  # the command wrote fewer files than that: all went well
        assert code == 0
        return
    assert code == 1
    now = _files(site / "content")
    for path, data in now.items():
        assert data in (before.get(path), after.get(path)), f"{path} is neither old nor new"
    assert not [path for path in now if path.endswith(".tmp")], "a temporary file is left"
    build = check_site(settings_from_mkdocs(site / "mkdocs.yml"))
    assert not build.problems.errors, [str(p) for p in build.problems.errors]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_content_file_linked_outside_the_content_folder_is_never_written(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before, _, written = _reference_run(tmp_path, command)

    site = copy_example_site(tmp_path / "site")
    outside = tmp_path / "outside"
    outside.mkdir()
    for path in written:  # each file the command writes is a link to a file elsewhere
        target = site / "content" / path
        kept = outside / path.replace("/", "__")
        kept.write_bytes(before.get(path, b"outside\n"))
        target.unlink(missing_ok=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(kept)
    kept_before = _files(outside)
    (tmp_path / "pages-b").mkdir()
    code = COMMANDS[command](site, tmp_path / "pages-b")
    assert code != 0
    err = capsys.readouterr().err  # a command that makes a new file refuses any that exists
    assert "leads outside the content folder" in err or "already exists" in err
    assert _files(outside) == kept_before


def test_an_atomic_write_keeps_the_file_s_permissions(tmp_path: Path) -> None:
    path = tmp_path / "content" / "x.yml"
    path.parent.mkdir()
    path.write_text("old\n", "utf-8")
    path.chmod(0o640)
    write_text_atomically(path, "new\n", tmp_path / "content")
    assert path.read_text("utf-8") == "new\n" and path.stat().st_mode & 0o777 == 0o640


def test_a_page_whose_file_name_holds_line_breaks_adds_no_keys_to_the_record(
    tmp_path: Path,
) -> None:
    """The importer names the page in a comment: a line break in the name cannot end it."""
    site = copy_example_site(tmp_path / "site")
    folder = tmp_path / "pages"
    folder.mkdir()
    page = widget_page(folder, "Widget collects data to work.\n\n## Required data\n\n- Ink level\n")
    hostile = page.with_name("widget\nsummary: planted\n\u2028next_steps: planted\u0085x.md")
    page.rename(hostile)
    run = run_import(site, hostile, "--product-id", "widget")
    assert run.code == 0, run.err
    text = (site / "content" / "products" / "widget.yml").read_text("utf-8")
    record = yaml.safe_load(text)
    assert record["summary"] != "planted" and record.get("next_steps") != "planted"
    assert "\\u000a" in text and "\\u2028" in text and "\\u0085" in text


def test_import_refuses_a_product_id_with_a_final_line_break(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path / "site")
    folder = tmp_path / "pages"
    folder.mkdir()
    page = widget_page(folder, "Widget collects data.\n\n## Required data\n\n- Ink level\n")
    before = _files(site / "content")
    run = run_import(site, page, "--product-id", "widget\n")
    assert run.code == 2 and "expected an id" in run.err
    assert _files(site / "content") == before
