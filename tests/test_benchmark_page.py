"""The Performance page: the benchmark's results (benchmarks/results.md) on the site, built strict.

``make bench`` writes the results twice: ``benchmarks/results.md`` for the repository and
``site-src/includes/benchmark-results.md``, which ``site-src/performance.md`` includes. Nothing
here depends on the numbers: the expectations are read from results.md.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import REPO
from html_tree import Node, parse
from test_seed_fidelity import build, copy_site

sys.path.insert(0, str(REPO / "benchmarks"))
import bench

RESULTS = REPO / "benchmarks" / "results.md"
SITE_COPY = REPO / "site-src" / "includes" / "benchmark-results.md"


def markdown_tables(text: str) -> list[list[list[str]]]:
    """Every table of a Markdown text, as rows of cell texts (without the alignment row)."""
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if not all(re.fullmatch(r":?-+:?", cell) for cell in cells):
                current.append(cells)
        elif current:
            tables.append(current)
            current = []
    return tables


def plain(markdown: str) -> str:
    """The text a reader sees of one line of the results (no emphasis or code marks)."""
    return " ".join(re.sub(r"[*`]", "", markdown).split())


def section(text: str, heading: str) -> list[str]:
    """The lines under a ``### heading`` of the results, up to the next heading."""
    lines = text.splitlines()
    start = lines.index(f"### {heading}") + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("#")), len(lines))
    return [line for line in lines[start:end] if line.strip()]


def html_tables(page: Node) -> list[list[list[str]]]:
    return [
        [
            [" ".join(cell.text().split()) for cell in row.children if isinstance(cell, Node)]
            for row in table.find_all("tr")
        ]
        for table in page.find_all("table")
    ]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Node:
    site = build(copy_site(tmp_path_factory.mktemp("performance")))
    return parse(site.html("performance.md"))


def test_the_site_shows_the_same_results_as_the_repository() -> None:
    assert SITE_COPY.read_text("utf-8") == RESULTS.read_text("utf-8")


def test_the_performance_page_includes_the_results_tables(page: Node) -> None:
    expected = markdown_tables(RESULTS.read_text("utf-8"))
    assert expected, "results.md has no table"
    shown = html_tables(page)
    for table in expected:
        assert table in shown


def test_the_performance_page_states_every_budget_line_and_why(page: Node) -> None:
    budget = section(RESULTS.read_text("utf-8"), "Budget")
    items = {" ".join(li.text().split()) for li in page.find_all("li")}
    paragraphs = {" ".join(p.text().split()) for p in page.find_all("p")}
    for line in budget:
        if line.startswith("- "):
            assert plain(line[2:]) in items
        else:  # why a line is not met, or why the budget could not be judged
            assert plain(line) in paragraphs


def _result(
    products: int, a: float, b: float, phases: float, rss: tuple[int, int]
) -> bench.SizeResult:
    result = bench.SizeResult(products, items=products * 80, pages=products + products // 4 + 2)
    result.a_times, result.b_times = [a], [b]
    result.a_rss, result.b_rss = [rss[0]], [rss[1]]
    result.a_pss, result.b_pss = [rss[0]], [rss[1]]
    result.a_rss_at_nav = [rss[0]]
    result.phases = {"load": phases / 2, "render": phases / 2}
    result.rebuild = {
        kind: {"phases": {"load": phases * share}}
        for kind, share in (("cold", 1), ("unchanged", 0.2), ("touched", 0.5))
    }
    return result


def test_warm_builds_are_judged_beside_cold_ones() -> None:
    result = _result(200, 20.0, 19.0, 2.0, (200, 150))
    result.w_times, result.w_rss, result.w_pss = [19.5], [170], [170]
    result.w_phases = {"cache": 0.1}
    lines = bench.budget_lines([result])
    verdicts = {line.split(":", 1)[0]: line.rsplit(": ", 1)[-1] for line in lines}
    assert verdicts["- Build ratio a/b, warm (build cache)"] == "met"
    assert verdicts["- Plugin phases' share of the build, cold, in MkDocs' process"] == (
        "**not met**"
    )
    assert verdicts["- Plugin's share of the build, warm"] == "met"
    assert verdicts["- Peak memory a/b, cold, all of a build's processes (PSS)"] == "**not met**"
    assert verdicts["- Peak memory a/b, warm (PSS)"] == "met"
    table = bench.report([result], 1.0)
    assert "| 200 | 16000 | 20.00 | 19.00 | 1.053 | 19.50 | 1.026 |" in table


def test_budget_lines_say_met_or_not_met_and_why() -> None:
    within = [_result(50, 5.0, 4.8, 0.2, (100, 95)), _result(200, 20.0, 19.0, 0.5, (200, 190))]
    over = [_result(50, 5.0, 4.0, 1.0, (100, 70)), _result(200, 40.0, 20.0, 8.0, (300, 200))]
    met = bench.budget_lines(within)
    assert [line.rsplit(": ", 1)[-1] for line in met] == ["met"] * 5
    missed = bench.budget_lines(over)
    verdicts = [line.rsplit(": ", 1)[-1] for line in missed if line.startswith("- ")]
    assert verdicts == ["**not met**"] * 4 + ["met"]  # ratio, share, memory, time per product
    whys = [line for line in missed if line.startswith("**Why")]
    assert len(whys) == 4
    # The explanations carry this run's numbers.
    assert "20000 ms longer" in whys[0] and "8000 ms" in whys[0]


@pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="needs Linux /proc")
def test_memory_is_measured_over_the_build_and_the_processes_it_starts() -> None:
    import os
    import subprocess

    alone = bench.tree_pss_kib(os.getpid())
    assert alone > 0
    code = "import sys; ballast = bytearray(64 * 1024 * 1024); sys.stdout.write('x\\n'); "
    code += "sys.stdout.flush(); sys.stdin.read()"
    with subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    ) as child:
        assert child.stdout is not None and child.stdin is not None
        child.stdout.readline()  # the child holds its 64 MiB now
        with_child = bench.tree_pss_kib(os.getpid())
        child.stdin.close()
    assert with_child - alone > 60 * 1024
