"""Broken and hostile YAML: a clear error with file:line:col, never a traceback or a hang.

Single-file cases with a fixed expected error live in the fuzz corpus (tests/fuzz, see
test_fuzz_corpus.py). Here: what is generated at run time (alias bombs, deep nesting, a 50 MB
file), what needs the file system (pipes, dangling links), and the type traps, where the value
must keep the meaning the writer gave it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, SiteResult, run_mkdocs
from page_html import parse
from privacy_pages.diagnostics import Diagnostic
from privacy_pages.load.content import load_content
from privacy_pages.load.yaml_source import Limits, YamlFault, parse_text, read_file


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "small" / "content", target)
    return target


def fault(text: str, limits: Limits | None = None) -> Diagnostic:
    with pytest.raises(YamlFault) as caught:
        parse_text(text, "f.yml", limits or Limits())
    return caught.value.diagnostic


def errors_in(content: Path, name: str) -> list[Diagnostic]:
    _, problems = load_content(content)
    return [p for p in problems.errors if p.location.path.endswith(name)]


# -- resource attacks -------------------------------------------------------------------------


def billion_laughs(levels: int = 12, width: int = 10) -> str:
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_fails_at_the_alias_that_crosses_the_limit() -> None:
    text = billion_laughs()  # 10**12 values once expanded; about 600 bytes
    diagnostic = fault(text)
    assert diagnostic.rule == "resource-limit"
    assert "alias bomb" in diagnostic.message
    assert 1 < diagnostic.location.line <= 12 and diagnostic.location.column > 1


def test_aliases_that_stay_under_the_limit_are_fine() -> None:
    data = parse_text("base: &b [x, y]\ncopy: *b\n", "f.yml")
    assert data["copy"] == ["x", "y"]


@pytest.mark.parametrize(
    "text",
    [
        "x: " + "[" * 100_000 + "]" * 100_000,  # flow: used to crash the C composer
        "x: " + "{a: " * 100_000 + "1" + "}" * 100_000,
        "".join(" " * depth + "- \n" for depth in range(3_000)),  # block, by indentation
    ],
    ids=["flow-sequences", "flow-mappings", "block-sequences"],
)
def test_deep_nesting_fails_at_the_first_level_past_the_limit(text: str) -> None:
    diagnostic = fault(text)
    assert diagnostic.rule == "resource-limit"
    assert "nested more than 50 levels deep" in diagnostic.message
    assert diagnostic.location.line >= 1


def test_deep_nesting_never_crashes_the_interpreter(tmp_path: Path) -> None:
    """A stack overflow would kill the process: run the worst case in a child process."""
    script = (
        "from privacy_pages.load.yaml_source import parse_text, YamlFault\n"
        "try:\n    parse_text('[' * 1_000_000, 'f.yml')\n"
        "except YamlFault as fault:\n    print(fault.diagnostic.rule)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "resource-limit"


def test_too_many_values_fail_with_a_message() -> None:
    text = "items:\n" + "".join(f"  - v{i}\n" for i in range(300))
    diagnostic = fault(text, Limits(max_nodes=100))
    assert diagnostic.rule == "resource-limit"
    assert "more than 100 values" in diagnostic.message


def test_a_50_mb_file_is_refused_before_it_is_read(content: Path) -> None:
    big = content / "products" / "huge.yml"
    with big.open("w", encoding="utf-8") as handle:
        handle.write("id: huge\nname: Huge\n")
        chunk = "# padding line that makes the file large\n" * 25_000  # 1 MB
        for _ in range(50):
            handle.write(chunk)
    [diagnostic] = errors_in(content, "products/huge.yml")
    assert diagnostic.rule == "file-too-large"
    assert f"{big.stat().st_size:,} bytes" in diagnostic.message
    assert "at most 5,242,880 bytes" in diagnostic.message


def test_a_file_at_the_limit_of_values_loads(content: Path) -> None:
    """Many values but under every limit: loads (and is then validated) normally."""
    catalog = content / "catalog" / "many.yml"
    entries = "".join(
        f"  - id: item-{i}\n    name: Item {i}\n    category: device\n" for i in range(5_000)
    )
    catalog.write_text("items:\n" + entries, "utf-8")
    dataset, problems = load_content(content)
    assert not problems.errors, [str(p) for p in problems.errors[:3]]
    assert len(dataset.catalog) == 5_005


# -- the file system --------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_instead_of_blocking(content: Path) -> None:
    os.mkfifo(content / "products" / "pipe.yml")
    [diagnostic] = errors_in(content, "products/pipe.yml")
    assert diagnostic.rule == "path"
    assert "expected a regular file" in diagnostic.message


def test_a_dangling_link_is_an_error_not_a_traceback(content: Path) -> None:
    (content / "products" / "gone.yml").symlink_to(content / "products" / "missing.yml")
    [diagnostic] = errors_in(content, "products/gone.yml")
    assert diagnostic.rule == "io"
    assert "cannot read the file" in diagnostic.message


def test_read_file_never_reads_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("a: " + "b" * 200 + "\n", "utf-8")
    with pytest.raises(YamlFault) as caught:
        read_file(path, "x.yml", Limits(max_bytes=100))
    assert caught.value.diagnostic.rule == "file-too-large"


# -- encodings --------------------------------------------------------------------------------


def test_a_bom_is_accepted_and_columns_still_count_from_the_text(content: Path) -> None:
    product = content / "products" / "widget-ios.yml"
    product.write_bytes(b"\xef\xbb\xbf" + product.read_bytes())
    dataset, problems = load_content(content)
    assert not problems.errors
    assert str(dataset.products["widget-ios"].source).endswith("widget-ios.yml:1:1")


def test_mojibake_is_reported_with_its_position(content: Path) -> None:
    product = content / "products" / "widget-ios.yml"
    text = product.read_text("utf-8").replace(
        "summary: The Widget app", "summary: The Widget app\u00e2\u20ac\u2122s caf\u00c3\u00a9"
    )
    product.write_text(text, "utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("summary:"))
    _, problems = load_content(content)
    found = [p for p in problems.items if p.rule in {"mojibake", "encoding"}]
    assert found, [str(p) for p in problems.items]
    assert found[0].location.line == line and found[0].location.column > 1


# -- type traps -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("yes", "yes"),
        ("No", "No"),
        ("on", "on"),
        ("OFF", "OFF"),
        ("y", "y"),
        ("2024-06-01", "2024-06-01"),
        ("2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00"),
        ("1.10", "1.10"),
        ("1.0", "1.0"),
        ("3.14159", "3.14159"),
        ("1e3", "1e3"),
        ("0x1F", "0x1F"),
        ("0o17", "0o17"),
        ("012", "012"),
        ("1_000", "1_000"),
        (".inf", ".inf"),
        (".NaN", ".NaN"),
        ("12:30:00", "12:30:00"),
        ("9" * 40, "9" * 40),
    ],
)
def test_scalars_mean_what_the_writer_wrote(written: str, meant: object) -> None:
    assert parse_text(f"v: {written}\n", "f.yml")["v"] == meant


def test_a_number_where_text_is_expected_gets_a_quoting_hint(content: Path) -> None:
    product = content / "products" / "widget-ios.yml"
    product.write_text(product.read_text("utf-8").replace("platform: iOS", "platform: 17"), "utf-8")
    [diagnostic] = errors_in(content, "widget-ios.yml")
    assert diagnostic.key_path == "platform"
    assert "expected text, found number 17" in diagnostic.message
    assert "quotes" in diagnostic.message


def test_yes_where_true_is_expected_gets_a_hint(content: Path) -> None:
    product = content / "products" / "widget-ios.yml"
    product.write_text(product.read_text("utf-8").replace("ordered: true", "ordered: yes"), "utf-8")
    [diagnostic] = errors_in(content, "widget-ios.yml")
    assert diagnostic.key_path == "required.groups[0].items[0].alternatives.ordered"
    assert "write true or false" in diagnostic.message


INTUNE_LIKE = """\
id: intune-like
name: Intune-like service
summary: Management service with MAM and MDM workloads.
metadata: {title: Intune-like, description: Workloads., ms.date: 2024-06-01}
workloads:
  - id: mam
    name: MAM workload
  - id: mdm
    name: MDM workload
required:
  groups:
    - category: device
      items:
        - ref: device-identifier
          workloads: {mam: Yes, mdm: No}
        - ref: azure-ad-device-id
          workloads:
            mam: no
            mdm: {applies: YES, condition: If device is Azure AD joined}
        - id: app-version
          name: App version 1.10
          workloads: {mam: yes, mdm: NO}
"""


def test_intune_mam_workload_yes_no_values_mean_yes_and_no(content: Path, tmp_path: Path) -> None:
    """Unquoted Yes/No/yes/no/YES/NO (YAML 1.1 booleans) stay the words the statement uses."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "small", site)
    (site / "content" / "products" / "intune-like.yml").write_text(INTUNE_LIKE, "utf-8")
    result: SiteResult = run_mkdocs(site / "mkdocs.yml", strict=False)
    assert result.ok, result.messages
    [table] = parse(result.html("privacy/intune-like.md")).tables
    rows = {row[0].split(":")[0].strip(): row[1:] for row in table[1:]}
    assert rows["Device identifier"] == ["Yes", "No"]
    assert rows["Azure AD device ID"] == ["No", "Yes (If device is Azure AD joined)"]
    assert rows["App version 1.10"] == ["Yes", "No"]
