"""A release's history is evidence: where the content is in git, ``validate`` compares each
release file with the commit that first added it, in real repositories. A release changed
(even with a digest that matches), deleted or given a lower format number since is an error
naming the file; an untouched history, a release recorded again with ``snapshot --force``
and a release not yet committed are not."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_example_site
from privacy_pages.cli import main
from test_release_content import RELEASE, forge

#: Git as a test runs it: no user or system configuration, a fixed author.
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Writer",
    "GIT_AUTHOR_EMAIL": "writer@example.com",
    "GIT_COMMITTER_NAME": "Writer",
    "GIT_COMMITTER_EMAIL": "writer@example.com",
}


def git(site: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(site), *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **GIT_ENV},
    )
    return result.stdout


def commit(site: Path, message: str) -> None:
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", message)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example site in a git repository of its own, every file committed."""
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)
    site = copy_example_site(tmp_path / "site")
    git(site, "init", "-q")
    commit(site, "The site, with its releases")
    monkeypatch.chdir(site)
    return site


def validate(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """``validate``'s exit code and its release-history lines."""
    code = main(["validate", "--config", "mkdocs.yml"])
    output = capsys.readouterr()
    assert "Traceback" not in output.out + output.err
    return code, [line for line in output.out.splitlines() if "release-history" in line]


def _error(lines: list[str], *words: str) -> None:
    errors = [line for line in lines if " error release-history: " in line]
    assert len(errors) == 1, lines
    assert errors[0].startswith(f"{RELEASE}: error"), errors
    for word in words:
        assert word in errors[0], errors


def test_an_untouched_history_is_clean(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = validate(capsys)
    assert code == 0 and lines == []


def _reworded(document: dict[str, Any]) -> None:
    """What a forger changes: the words of a statement, in its meaning and its records."""
    document["products"]["intune"]["name"] = "Microsoft Intune (no data collected)"
    document["records"]["products/intune.yml"]["name"] = "Microsoft Intune (no data collected)"


@pytest.mark.parametrize("committed", [True, False], ids=["committed", "in the working tree"])
def test_a_changed_release_is_reported(
    site: Path, committed: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    forge(site, _reworded)  # its digest matches: reading it alone finds nothing
    if committed:
        commit(site, "Fix a typo")
    code, lines = validate(capsys)
    assert code == 1
    _error(lines, "changed since without being recorded again", "git checkout")


def test_a_deleted_release_is_reported(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(site, "rm", "-q", RELEASE)
    commit(site, "Tidy the history")
    code, lines = validate(capsys)
    assert code == 1
    _error(lines, "deleted since", "restore it")
    # The command the error gives restores it, from the folder validate ran in.
    command = re.search(r"restore it: (git checkout \S+ -- \S+)", lines[0])
    assert command, lines
    git(site, *command.group(1).split()[1:])
    assert validate(capsys) == (0, [])


def test_a_renamed_release_is_a_deleted_one(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(site, "mv", RELEASE, RELEASE.replace("1.0.0", "0.9.0"))
    commit(site, "Renumber")
    code, lines = validate(capsys)
    assert code == 1
    assert any("1.0.0.json: error" in line and "deleted since" in line for line in lines), lines


def _format_1(document: dict[str, Any]) -> None:
    """A format 2 release lowered to format 1, which has no digest to check."""
    _reworded(document)
    document["schema_version"] = 1
    for key in ("effective", "records", "re_recorded", "digest"):
        document.pop(key)


def test_a_lowered_format_number_is_reported(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = site / RELEASE
    document = json.loads(path.read_text("utf-8"))
    _format_1(document)
    path.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n", "utf-8")
    commit(site, "Simplify")
    code, lines = validate(capsys)
    assert code == 1
    _error(lines, "format 2", "lowered", "to 1")


def test_a_release_recorded_again_is_said_not_refused(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``snapshot --force`` is how a release changes: its pages say so, validate tells."""
    product = site / "content/products/intune.yml"
    product.write_text(
        product.read_text("utf-8").replace("name: Microsoft Intune", "name: Intune", 1), "utf-8"
    )
    assert main(["snapshot", "--version", "1.0.0", "--date", "2026-11-21", "--force"]) == 0
    commit(site, "Record 1.0.0 again")
    code, lines = validate(capsys)
    assert code == 0, lines
    assert len(lines) == 1 and " info " in lines[0] and "recorded again since, on " in lines[0]


def test_a_new_release_not_yet_committed_is_fine(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["snapshot", "--version", "1.1.0", "--date", "2026-11-24"]) == 0
    code, lines = validate(capsys)
    assert code == 0 and lines == []


def test_a_repository_without_a_commit_yet_has_nothing_to_compare(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)
    site = copy_example_site(tmp_path / "site")
    git(site, "init", "-q")
    monkeypatch.chdir(site)
    assert validate(capsys) == (0, [])


def test_a_site_without_git_gets_its_digest_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not in git: nothing to compare with (the writer's guide says what that leaves)."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    site = copy_example_site(tmp_path / "site")
    monkeypatch.chdir(site)
    forge(site, _reworded)
    code, lines = validate(capsys)
    assert code == 0 and lines == []


def _signed_head(site: Path) -> None:
    """HEAD made a signed commit (a signature git checks with the configured program)."""
    text = git(site, "cat-file", "commit", "HEAD")
    head, _, message = text.partition("\n\n")
    signature = " -----BEGIN PGP SIGNATURE-----\n \n AAAA\n -----END PGP SIGNATURE-----"
    signed = f"{head}\ngpgsig{signature}\n\n{message}"
    result = subprocess.run(
        ["git", "-C", str(site), "hash-object", "-t", "commit", "-w", "--stdin"],
        input=signed,
        capture_output=True,
        text=True,
        check=True,
    )
    git(site, "update-ref", "HEAD", result.stdout.strip())


def test_git_is_only_read(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The repository's own settings cannot make the comparison run a program: not the one
    that checks signatures, nor a file-system monitor."""
    marker = site.parent / "ran"
    program = site.parent / "program.sh"
    program.write_text(f"#!/bin/sh\ntouch {marker}\nexit 1\n", "utf-8")
    program.chmod(0o755)
    _signed_head(site)  # the commit that recorded the releases
    forge(site, _reworded)
    for name, value in [("log.showSignature", "true"), ("gpg.program", str(program))]:
        git(site, "config", name, value)
    git(site, "config", "core.fsmonitor", str(program))
    code, lines = validate(capsys)
    assert code == 1 and any(" error release-history: " in line for line in lines), lines
    assert not marker.exists()


@pytest.mark.parametrize("forged", [False, True], ids=["saying the same", "with forged records"])
def test_a_release_recorded_again_in_a_later_format_keeps_its_records_to_what_it_said(
    site: Path, forged: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """A release first committed in format 1 (its meaning only) and now in format 2: the
    records it gained are read as the site reads them, and must mean what it said."""
    path = site / RELEASE
    genuine = path.read_text("utf-8")
    document = json.loads(genuine)
    for key in ("effective", "records", "re_recorded", "digest"):
        document.pop(key)
    document["schema_version"] = 1
    path.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n", "utf-8")
    shutil.rmtree(site / ".git")  # a repository whose first commit has that release
    git(site, "init", "-q")
    commit(site, "Release 1.0.0, as an older privacy-pages recorded it")
    path.write_text(genuine, "utf-8")
    if forged:
        forge(site, lambda d: d["records"]["products/intune.yml"].update(name="Forged"))
    commit(site, "Release 1.0.0 in format 2")
    code, lines = validate(capsys)
    assert code == 0, lines
    if forged:
        assert len(lines) == 1 and " warning release-history: " in lines[0], lines
        assert "do not say what it said" in lines[0]
    else:
        assert lines == []


def test_a_shallow_clone_says_what_it_compares_with(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a shallow clone, the oldest commit fetched stands in for the one that recorded a
    release: validate says so, as information."""
    forge(site, _reworded)
    commit(site, "Forge")
    clone = site.parent / "clone"
    git(site.parent, "clone", "-q", "--depth", "1", f"file://{site}", str(clone))
    monkeypatch.chdir(clone)
    code, lines = validate(capsys)
    assert code == 0 and len(lines) == 1 and " info release-history: " in lines[0], lines
    assert "shallow clone" in lines[0] and "fetch-depth: 0" in lines[0]
