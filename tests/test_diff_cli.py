"""``privacy-pages diff`` (folders, snapshots, and ``--git`` on a temporary repository) and
``privacy-pages snapshot``."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, REPO
from privacy_pages.cli import main, parser

V1 = FIXTURES / "history-v1"
V2_CONTENT = FIXTURES / "history-v2" / "content"


def config_of(site: Path) -> list[str]:
    return ["--config", str(site / "mkdocs.yml")]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    target = tmp_path / "site"
    shutil.copytree(V1, target)
    return target


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_report(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", str(site / "content"), str(V2_CONTENT), *config_of(site))
    assert code == 0
    assert "Widget for iOS (widget-ios)" in out and "Widget for Android (widget-android)" in out
    assert "Widget on the web" not in out  # unchanged
    assert re.search(r"\+ .*: Battery level is now collected", out), out
    assert '"180 days" → "1 year"' in out
    assert "Shared catalog and categories" in out and "Crash report logs" in out


def test_markdown_report_is_ready_for_a_pull_request(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys,
        "diff",
        str(site / "content"),
        str(V2_CONTENT),
        "--format",
        "markdown",
        *config_of(site),
    )
    assert code == 0
    assert out.startswith("### ")
    assert "#### Widget for iOS (widget-ios)" in out
    assert "<del>180 days</del>" in out and "<ins>1 year</ins>" in out
    assert re.search(r"- .*: \*\*Battery level\*\* is now collected", out), out


def test_json_report(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "diff", str(site / "content"), str(V2_CONTENT), "--format", "json", *config_of(site)
    )
    assert code == 0
    document = json.loads(out)
    assert set(document["products"]) == {"widget-ios", "widget-android"}
    types = {c["type"] for c in document["products"]["widget-ios"]["changes"]}
    assert {"item-added", "item-changed", "retention-changed", "metadata-changed"} <= types
    workload = [
        c for c in document["products"]["widget-android"]["changes"] if c["aspect"] == "workloads"
    ]
    assert workload and workload[0]["before"] is True and workload[0]["after"] is False
    assert document["count"] == sum(len(p["changes"]) for p in document["products"].values()) + len(
        document["shared"]
    )


def test_same_content_reports_no_change(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", str(site / "content"), str(V1 / "content"), *config_of(site))
    assert code == 0 and out.startswith("No changes")


def test_snapshot_files_can_be_compared(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = config_of(site)
    assert run(capsys, "snapshot", "--version", "1.0.0", "--date", "2026-10-01", *args)[0] == 0
    snapshot = site / "content" / "history" / "1.0.0.json"
    code, out, _ = run(capsys, "diff", str(snapshot), str(V2_CONTENT), "--format", "json", *args)
    assert code == 0 and "widget-ios" in json.loads(out)["products"]


def test_content_errors_exit_1(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = site / "content" / "products" / "widget-web.yml"
    broken.write_text(broken.read_text("utf-8").replace("summary:", "summry:"), "utf-8")
    code, _, err = run(capsys, "diff", str(site / "content"), str(V2_CONTENT), *config_of(site))
    assert code == 1 and "widget-web.yml:" in err


def test_bad_usage_exits_2(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "diff", str(site / "content"), *config_of(site))[0] == 2
    assert run(capsys, "diff", str(site / "nothing"), str(V2_CONTENT), *config_of(site))[0] == 2


# -- --git -------------------------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    result = subprocess.run(
        ["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


@pytest.fixture
def repo(site: Path) -> Path:
    """A git repository with two commits: history-v1's content, then history-v2's."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    git(site, "init", "-q", "-b", "main")
    git(site, "add", ".")
    git(site, "commit", "-q", "-m", "v1")
    for part in ("products", "catalog"):
        shutil.rmtree(site / "content" / part)
        shutil.copytree(V2_CONTENT / part, site / "content" / part)
    git(site, "add", ".")
    git(site, "commit", "-q", "-m", "v2")
    return site


def test_git_mode_compares_two_revisions_without_a_checkout(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    # An uncommitted edit in the working tree must neither be read nor be touched.
    ios = repo / "content" / "products" / "widget-ios.yml"
    edited = ios.read_text("utf-8").replace("Battery level", "Battery charge level")
    ios.write_text(edited, "utf-8")
    head = git(repo, "rev-parse", "HEAD")
    status = git(repo, "status", "--porcelain")

    code, out, err = run(capsys, "diff", "--git", "HEAD~1", "HEAD", "--format", "json")
    assert code == 0, err
    document = json.loads(out)
    assert (document["from"], document["to"]) == ("HEAD~1", "HEAD")
    names = [c.get("name") for c in document["products"]["widget-ios"]["changes"]]
    assert "Battery level" in names and "Battery charge level" not in names
    assert git(repo, "rev-parse", "HEAD") == head
    assert git(repo, "status", "--porcelain") == status
    assert ios.read_text("utf-8") == edited

    code, out, _ = run(capsys, "diff", "--git", "HEAD", "--format", "text")
    assert code == 0
    assert "Battery charge level" in out and "the working tree" in out

    code, out, _ = run(capsys, "diff", "--git", "main", "main")
    assert code == 0 and out.startswith("No changes")


def test_git_mode_reports_errors_with_the_revision(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    web = repo / "content" / "products" / "widget-web.yml"
    web.write_text(web.read_text("utf-8").replace("summary:", "summry:"), "utf-8")
    git(repo, "commit", "-q", "-am", "broken")
    code, _, err = run(capsys, "diff", "--git", "HEAD~1", "HEAD")
    assert code == 1
    assert "HEAD:content/products/widget-web.yml:" in err
    code, _, err = run(capsys, "diff", "--git", "no-such-branch", "HEAD")
    assert code == 2 and "unknown revision 'no-such-branch'" in err


# -- snapshot ----------------------------------------------------------------------------------


def test_snapshot_command(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["snapshot", "--version", "1.0.0", "--date", "2026-11-20", *config_of(site)]
    code, _, err = run(capsys, *args)
    target = site / "content" / "history" / "1.0.0.json"
    assert code == 0 and target.is_file() and "1.0.0" in err
    document = json.loads(target.read_text("utf-8"))
    assert (document["version"], document["date"]) == ("1.0.0", "2026-11-20")
    assert set(document["products"]) == {"widget-ios", "widget-android", "widget-web"}
    before = target.read_text("utf-8")

    code, _, err = run(capsys, *args)
    assert code == 2 and "already exists" in err and "--force" in err
    assert run(capsys, *args, "--force")[0] == 0
    assert target.read_text("utf-8") == before, "the same content gives the same bytes"

    code, _, err = run(
        capsys, "snapshot", "--version", "2", "--date", "20/11/2026", *config_of(site)
    )
    assert code == 2 and "YYYY-MM-DD" in err
    code, _, err = run(
        capsys, "snapshot", "--version", "../x", "--date", "2026-11-20", *config_of(site)
    )
    assert code == 2 and "expected a version" in err


def test_snapshot_of_another_folder_into_this_history(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(
        capsys,
        "snapshot",
        "--version",
        "0.9.0",
        "--date",
        "2026-09-01",
        "--content",
        str(V2_CONTENT),
        "--out",
        str(site / "content"),
        *config_of(site),
    )
    assert code == 0
    assert (site / "content" / "history" / "0.9.0.json").is_file()
    assert not (V2_CONTENT / "history").exists()


def test_the_example_workflow_posts_a_markdown_diff_of_the_pull_request() -> None:
    workflow = yaml.safe_load(
        (REPO / ".github" / "workflows" / "privacy-pages.yml").read_text("utf-8")
    )
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    commands = [line for step in steps for line in str(step.get("run", "")).splitlines()]
    assert any(line.startswith("privacy-pages validate") for line in commands)
    assert any(line.startswith("mkdocs build --strict") for line in commands)
    [diff_line] = [line for line in commands if line.startswith("privacy-pages diff")]
    words = shlex.split(diff_line.split(">")[0].replace("$BASE_REF", "main"))
    args = parser().parse_args(words[1:])
    assert args.git == ["origin/main", "HEAD"] and args.format == "markdown"
    assert any("createComment" in str(step.get("with", {}).get("script", "")) for step in steps)


def test_the_workflow_edits_only_its_own_comment_and_keeps_it_under_github_s_limit() -> None:
    workflow = yaml.safe_load(
        (REPO / ".github" / "workflows" / "privacy-pages.yml").read_text("utf-8")
    )
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    [script] = [str(step["with"]["script"]) for step in steps if "script" in step.get("with", {})]
    assert 'c.user.login === "github-actions[bot]"' in script
    limit = int(script.split("const limit = ", 1)[1].split(";", 1)[0])
    assert limit + 100 < 65536  # GitHub's limit, with room for the marker and the note
    assert any(step.get("uses", "").startswith("actions/upload-artifact") for step in steps)


def test_the_markdown_report_links_no_reference_nor_commit_on_github() -> None:
    from privacy_pages.render.diff_report import inert_on_github

    text = "GH-12, gh-3, commit 1a2b3c4d5e6f, e83c5163316f89bfbde7d9ab23ca2e25604af290, @bob #4"
    inert = inert_on_github(text)
    assert inert.replace("\u2060", "") == text
    for trigger in ("GH-12", "gh-3", "1a2b3c4d5e6f", "e83c5163316f89bfbde7d9ab23ca2e25604af290"):
        assert trigger not in inert
    kept = "version 1.0.0 on 2026-11-22, https://example.org/abcdef1234/x"
    assert inert_on_github(kept).count("\u2060") == 1  # the URL's // only
