"""``privacy-pages validate``: every planted problem in one run, in three formats, with exit codes."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO
from privacy_pages.cli import main
from privacy_pages.cli import parser as cli_parser

MKDOCS_YML = """\
site_name: Planted
plugins:
  - privacy-pages:
      metadata:
        required: [title, ms.date]
        types: {ms.date: date}
"""

CATEGORIES = """\
categories:
  - id: device
    name: Device information
  - id: feedback
    name: Feedback data
"""

CATALOG = """\
items:
  - id: device-identifier
    name: Device identifier
    category: device
  - id: feedback-email
    name: Feedback email address
    category: feedbak
"""


def product(product_id: str, *changes: tuple[str, str]) -> str:
    """A complete product record with no problems, with some text replaced."""
    text = PRODUCT.replace("ID", product_id)
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


PRODUCT = """\
id: ID
name: Product ID
summary: A product.
metadata:
  title: Product ID
  ms.date: "2026-05-01"
required:
  groups:
    - category: device
      items:
        - ref: device-identifier
optional:
  groups:
    - category: feedback
      kind: feedback
      items:
        - ref: feedback-email
          control: Users decide whether to send feedback.
data_use:
  uses:
    - source: Device
      use: Keeping the device secure.
never_collected:
  items:
    - id: text-messages
      name: Text messages
storage:
  locations: [United States]
  retention:
    - data: Personal data
      period: 30 days
access:
  protections: [Data is encrypted at rest.]
rights:
  intro: Ask your administrator.
links:
  - title: More about privacy
    url: https://example.com/privacy
"""
DEVICE_ITEM = "        - ref: device-identifier\n"
RETENTION = "  retention:\n    - data: Personal data\n      period: 30 days\n"

# Each file: its text, and the problems planted in it: a text on the line the problem must be
# reported at, and the rule. Every problem is independent of the others.
PLANTED = {
    "catalog/items.yml": (CATALOG, [("category: feedbak", "reference")]),
    "products/alpha.yml": (
        product(
            "alpha",
            ("links:", "notes:\n  - type: notice\n    text: Planted.\nlinks:"),
            ("      period: 30 days\n", ""),
            (
                DEVICE_ITEM,
                DEVICE_ITEM + "          alternatives:\n            ordered: yes\n"
                "            options: [A, B]\n",
            ),
        ),
        [
            ("type: notice", "schema"),
            ("- data: Personal data", "schema"),
            ("ordered: yes", "schema"),
        ],
    ),
    "products/beta.yml": (
        product("beta", ("summary: A product.\n", "summary: A product.\n\tplatform: iOS\n")),
        [("\tplatform", "yaml-syntax")],
    ),
    "products/gamma.yml": (
        product("gamma", ("summary: A product.\n", "summary: A product.\nname: Again\n")),
        [("name: Again", "duplicate-key")],
    ),
    "products/delta.yml": (
        product(
            "delta",
            ("url: https://example.com/privacy", "url: javascript:alert(1)"),
            ('"2026-05-01"', "04/27/2026"),
            ("    - category: device", "    - category: devise"),
        ),
        [
            ("url: javascript", "unsafe-link"),
            ("ms.date: 04/27/2026", "schema"),
            ("category: devise", "reference"),
        ],
    ),
    "products/epsilon.yml": (
        product(
            "epsilon",
            ("          control: Users decide whether to send feedback.\n", ""),
            ("url: https://example.com/privacy", "url: http://example.com/privacy"),
            ('"2026-05-01"', '"2024-01-01"'),
            ("summary: A product.", "summary: TODO"),
            (
                DEVICE_ITEM,
                DEVICE_ITEM + "        - id: device-id\n          name: Device Identifier\n",
            ),
            ("rights:\n  intro: Ask your administrator.\n", ""),
            (RETENTION, ""),
        ),
        [
            ("- ref: feedback-email", "optional-item-without-control"),
            ("url: http://", "insecure-link"),
            ("ms.date:", "stale-date"),
            ("summary: TODO", "placeholder-text"),
            ("- id: device-id", "duplicate-catalog-item"),
            ("id: epsilon", "unmarked-empty-section"),
            ("storage:", "product-without-retention"),
        ],
    ),
}

LINE = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>\w+) (?P<rule>[\w-]+): "
)


def line_of(text: str, marker: str) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), 1) if marker in line]
    assert len(lines) == 1, f"{marker!r} should be on exactly one line"
    return lines[0]


def expected_problems() -> set[tuple[str, int, str]]:
    return {
        (f"content/{name}", line_of(text, marker), rule)
        for name, (text, planted) in PLANTED.items()
        for marker, rule in planted
    }


@pytest.fixture
def planted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    content = tmp_path / "content"
    (content / "catalog").mkdir(parents=True)
    (content / "products").mkdir()
    (content / "categories.yml").write_text(CATEGORIES, "utf-8")
    for name, (text, _) in PLANTED.items():
        (content / name).write_text(text, "utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


@pytest.fixture
def clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    content = tmp_path / "content"
    (content / "catalog").mkdir(parents=True)
    (content / "products").mkdir()
    (content / "categories.yml").write_text(CATEGORIES, "utf-8")
    (content / "catalog" / "items.yml").write_text(CATALOG.replace("feedbak", "feedback"), "utf-8")
    (content / "products" / "alpha.yml").write_text(product("alpha"), "utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


def test_every_planted_problem_is_reported_in_one_run(
    planted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(expected_problems()) >= 10
    code = main(["validate", "--today", "2026-06-01"])
    out = capsys.readouterr().out
    matches = [LINE.match(line) for line in out.splitlines()]
    assert all(matches), out
    found = {(m["file"], int(m["line"]), m["rule"]) for m in matches if m}
    assert found == expected_problems(), out
    assert len(matches) == len(found), "one line per problem"
    assert code == 1


def test_json_format_reports_the_same_problems(
    planted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["validate", "--format", "json", "--today", "2026-06-01"])
    document = json.loads(capsys.readouterr().out)
    found = {(d["file"], d["line"], d["rule"]) for d in document["diagnostics"]}
    assert found == expected_problems()
    errors = [d for d in document["diagnostics"] if d["severity"] == "error"]
    assert document["summary"]["errors"] == len(errors) > 0
    assert all(d["message"] and d["column"] >= 1 for d in document["diagnostics"])
    assert code == 1


def test_github_format_prints_annotations(
    planted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["validate", "--format", "json", "--today", "2026-06-01"])
    severities = {
        (d["file"], d["line"], d["rule"]): d["severity"]
        for d in json.loads(capsys.readouterr().out)["diagnostics"]
    }
    code = main(["validate", "--format", "github", "--today", "2026-06-01"])
    lines = capsys.readouterr().out.splitlines()
    annotation = re.compile(
        r"^::(?P<command>error|warning|notice) file=(?P<file>[^,]+),line=(?P<line>\d+),"
        r"col=(?P<col>\d+),title=(?P<rule>[\w-]+)::(?P<message>.+)$"
    )
    found = {}
    for line in lines:
        match = annotation.match(line)
        assert match, line
        found[(match["file"], int(match["line"]), match["rule"])] = match["command"]
    assert set(found) == expected_problems()
    assert found == {key: {"info": "notice"}.get(s, s) for key, s in severities.items()}
    assert code == 1


def test_clean_content_exits_zero(clean: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--today", "2026-06-01"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "0 error(s), 0 warning(s)" in captured.err


def test_warnings_fail_only_with_strict(clean: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stale = ["validate", "--today", "2027-06-01"]  # a year after the product's ms.date
    assert main(stale) == 0
    assert "warning stale-date" in capsys.readouterr().out
    assert main([*stale, "--strict"]) == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "no-such-folder"],
        ["validate", "--format", "xml"],
        ["validate", "--today", "2026-13-01"],
        ["validate", "--config", "missing.yml"],
        ["validate", "--no-such-option"],
    ],
)
def test_bad_usage_exits_two(clean: Path, argv: list[str]) -> None:
    assert main(argv) == 2


def test_content_dir_argument(clean: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (clean / "elsewhere").mkdir()
    (clean / "content").rename(clean / "elsewhere" / "content")
    assert main(["validate", "elsewhere/content", "--today", "2026-06-01"]) == 0
    assert "1 product(s)" in capsys.readouterr().err


def test_colour_only_when_asked_or_on_a_terminal(
    planted: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    main(["validate", "--today", "2026-06-01"])
    assert "\033[" not in capsys.readouterr().out  # captured output is not a terminal
    monkeypatch.setenv("FORCE_COLOR", "1")
    main(["validate", "--today", "2026-06-01"])
    coloured = capsys.readouterr().out
    assert "\033[31merror\033[0m" in coloured and "\033[33mwarning\033[0m" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    main(["validate", "--today", "2026-06-01"])
    assert "\033[" not in capsys.readouterr().out


def _subcommands() -> list[list[str]]:
    """Every command and sub-command, as the argument parser declares them."""

    def walk(parser: argparse.ArgumentParser, prefix: list[str]) -> Iterator[list[str]]:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield [*prefix, name]
                    yield from walk(sub, [*prefix, name])

    return list(walk(cli_parser(), []))


@pytest.mark.parametrize("command", _subcommands(), ids=" ".join)
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: privacy-pages {' '.join(command)}")
    description = out.split("\n\n")[1]
    assert len(description.split()) >= 5, out


def test_validate_the_example_content() -> None:
    """The real command on this repository's content: clean, as the strict site build needs.
    Its French translation leaves some texts out on purpose (as a real site's would): those
    are listed, as information only."""
    result = subprocess.run(
        [str(REPO / ".venv" / "bin" / "privacy-pages"), "validate", "--strict"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    listed = result.stdout.splitlines()
    # (and what the statements do not say under the GDPR: the site runs that profile at info)
    information = (": info translation-missing: ", ": info gdpr-")
    assert all(any(kind in line for kind in information) for line in listed), result.stdout
    assert "0 error(s), 0 warning(s)" in result.stderr


def test_problems_go_to_the_stderr_of_the_moment() -> None:
    """A caller that redirects stderr (a test, a tool embedding the CLI) gets the problems."""
    from contextlib import redirect_stderr
    from io import StringIO

    from privacy_pages.cli.common import print_diagnostic
    from privacy_pages.diagnostics import Diagnostic, Location

    captured = StringIO()
    with redirect_stderr(captured):
        print_diagnostic(Diagnostic(Location("content/x.yml", 3, 5), "expected a name", "schema"))
    assert captured.getvalue().startswith("content/x.yml:3:5: error schema")
