"""The Performance page: the benchmark's results (benchmarks/results.md) on the site, built strict.

``make bench`` writes the results twice: ``benchmarks/results.md`` for the repository and
``site-src/includes/benchmark-results.md``, which ``site-src/performance.md`` includes. Nothing
here depends on the numbers: the expectations are read from results.md, or worked out here from
made-up measurements given to bench.py's report.
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

import pytest
from conftest import REPO, copy_example_site, run_mkdocs
from html_tree import Node, parse

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
    site = run_mkdocs(copy_example_site(tmp_path_factory.mktemp("performance")) / "mkdocs.yml")
    assert site.ok, site.messages
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


def _build(
    wall: float, *, setup: float = 1.0, rss: int = 100_000, plugin: float = 0.0
) -> bench.Build:
    phases = {"load": plugin * 0.25, "render": plugin * 0.75} if plugin else {}
    return bench.Build(wall=wall, setup=setup, cpu=wall * 0.9, rss_kib=rss, phases=phases)


def _result(
    products: int,
    a: list[float],
    b: list[float] | None = None,
    *,
    plugin: float = 0.5,
    rss: tuple[int, int] = (200_000, 150_000),
) -> bench.SizeResult:
    result = bench.SizeResult(products, items=products * 80, pages=products + products // 4 + 2)
    result.a = [_build(wall, rss=rss[0], plugin=plugin) for wall in a]
    result.b = [_build(wall, rss=rss[1]) for wall in b or []]
    return result


def _line(lines: list[str], start: str) -> str:
    (found,) = [line for line in lines if line.startswith(start)]
    return found


def test_the_time_per_product_is_judged_flat_within_a_quarter() -> None:
    small = _result(50, [5.0], [4.0])  # 100 ms a product
    for large, ok in ((124.0, True), (126.0, False), (76.0, True), (74.0, False)):
        lines = bench.budget_lines([small, _result(1000, [large])])
        verdict = _line(lines, "- Time per product")
        deviation = abs(large / 100.0 - 1)
        assert f"1000: {large:.1f} ms" in verdict
        assert f"cost {deviation:.0%} (goal: within 25%)" in verdict
        assert verdict.endswith(": met" if ok else ": **not met**")
        # Where a miss comes from: the plugin's phases and the rest, per product.
        why = [line for line in lines if line.startswith("Per product")]
        assert len(why) == (0 if ok else 1)
        if not ok:
            assert f"1000: {0.5 / 1000 * 1000:.1f} ms" in why[0]
            assert f"1000: {large - 0.5:.1f} ms" in why[0]


def test_the_time_per_product_is_not_judged_without_two_sizes_from_fifty() -> None:
    lines = bench.budget_lines([_result(10, [2.0], [1.5]), _result(50, [5.0], [4.0])])
    assert _line(lines, "- Time per product").endswith(
        "not judged: this run measured fewer than two sizes of 50 products or more"
    )
    assert not any(line.endswith("met") for line in lines)


def test_ratios_at_the_reference_size_are_judged_against_the_goals() -> None:
    a, b = [20.0, 22.0, 21.0], [19.0, 20.0, 20.0]
    result = _result(bench.REFERENCE_SIZE, a, b, rss=(300_000, 200_000))
    lines = bench.budget_lines([_result(50, [5.0], [4.0]), result])
    pairs = [x / y for x, y in zip(a, b, strict=True)]
    ratio = statistics.median(a) / statistics.median(b)
    time_line = _line(lines, "- Build time a/b")
    assert f"{ratio:.3f} ({min(pairs):.3f} to {max(pairs):.3f})" in time_line
    assert time_line.endswith(f"(goal: at most 0.70): **not met**, by {ratio - 0.70:.3f}")
    memory = _line(lines, "- Peak memory a/b")
    assert f": {300_000 / 200_000:.2f} (" in memory
    assert memory.endswith("(goal: at most 1.0): **not met**, by 0.50")
    # Each miss says why, in a paragraph of its own.
    assert any(line.startswith("Why a/b is missed") for line in lines)
    assert any(line.startswith("Why peak memory is missed") for line in lines)
    # Met goals say so, and need no why.
    fast = _result(bench.REFERENCE_SIZE, [13.0], [20.0], rss=(150_000, 200_000))
    lines = bench.budget_lines([_result(50, [5.0], [4.0]), fast])
    assert _line(lines, "- Build time a/b").endswith("(goal: at most 0.70): met")
    assert _line(lines, "- Peak memory a/b").endswith("(goal: at most 1.0): met")
    assert not any(line.startswith("Why") for line in lines)


def test_edit_to_page_is_judged_by_the_median_of_the_edits() -> None:
    for edits, ok in (([2.0, 9.0, 2.5], True), ([3.5, 1.0, 4.0], False)):
        result = _result(bench.REFERENCE_SIZE, [10.0], [20.0])
        result.edits = edits
        lines = bench.budget_lines([result])
        line = _line(lines, "- Edit → page under `make serve`")
        median = statistics.median(edits)
        assert f"median {median:.2f} s (goal: at most 3 s)" in line
        assert line.endswith(": met" if ok else f": **not met**, by {median - 3.0:.2f} s")
        table = markdown_tables(bench.report([result], 1.0))
        rows = [row for t in table for row in t if row[0] == str(bench.REFERENCE_SIZE)]
        assert [str(bench.REFERENCE_SIZE), ", ".join(f"{e:.2f}" for e in edits)] in [
            row[:2] for row in rows
        ]


def test_the_real_shape_content_is_reported_beside_the_synthetic_one() -> None:
    synthetic = _result(bench.REFERENCE_SIZE, [10.0], [20.0])
    real = _result(bench.REFERENCE_SIZE, [30.0], [20.0])
    real.shape = "real-shape"
    lines = bench.budget_lines([synthetic, real])
    verdicts = [line for line in lines if line.startswith("- Build time a/b")]
    assert verdicts[0].startswith(f"- Build time a/b at {bench.REFERENCE_SIZE} products")
    assert verdicts[1].startswith(f"- Build time a/b at {bench.REFERENCE_SIZE} real-shape")
    assert verdicts[0].endswith(": met") and ": **not met**" in verdicts[1]


def test_the_profile_line_names_its_parts_and_top_functions() -> None:
    result = _result(bench.REFERENCE_SIZE, [10.0], [20.0])
    result.profile = {
        "shares": [("Python-Markdown on every page", 0.25)],
        "top": [("parser.py:goahead", 0.125)],
    }
    line = bench.profile_line(result)
    assert "Python-Markdown on every page 25%" in line and "`parser.py:goahead` 12.5%" in line
    assert line in bench.report([result], 1.0)


def test_the_report_lists_every_size_with_median_and_spread() -> None:
    results = [
        _result(10, [2.0, 2.4, 2.2], [1.9, 2.1, 2.0]),
        _result(50, [6.0, 5.0, 7.0], [4.5, 4.0, 5.0]),
        _result(200, [21.0, 20.0, 22.0], [19.0, 20.0, 18.0]),
        _result(1000, [120.0]),  # above the reference size: one run of (a), no (b)
    ]
    text = bench.report(results, 1.0)
    builds, phases, memory = markdown_tables(text)[:3]
    for table in (builds, phases, memory):
        assert [row[0] for row in table[1:]] == ["10", "50", "200", "1000"]
    header = builds[0]
    for result, row in zip(results, builds[1:], strict=True):
        cells = dict(zip(header, row, strict=True))
        a = [run.wall for run in result.a]
        if len(a) > 1:
            assert (
                cells["a: plugin"] == f"{statistics.median(a):.2f} ({min(a):.2f} to {max(a):.2f})"
            )
        else:
            assert cells["a: plugin"] == f"{a[0]:.2f}"
            assert cells["b: pre-rendered"] == cells["a/b"] == "—"
        per_product = statistics.median(a) / result.products * 1000
        assert cells["a per product (ms)"] == f"{per_product:.1f}"
    assert "At 1000 products only (a), once" in text


def test_where_the_time_goes_is_worked_out_from_the_measurements() -> None:
    result = _result(bench.REFERENCE_SIZE, [10.0, 10.0, 10.0], [8.0, 8.0, 8.0], plugin=1.2)
    for run in result.a:
        run.setup = 2.0
    for run in result.b:
        run.setup = 0.5
    line = bench.where_time_goes([_result(50, [5.0], [4.0]), result])
    assert line.startswith(f"At {bench.REFERENCE_SIZE} products")
    assert "the plugin adds 2.00 s (+25.0%)" in line
    assert "the plugin's phases take 1.20 s (12.0% of (a))" in line
    assert f"render ({1.2 * 0.75:.2f} s) and load ({1.2 * 0.25:.2f} s)" in line
    assert f"the other {2.0 - 0.5 - 1.2:.2f} s" in line
    assert f"{10.0 - 2.0:.2f} s in (a)" in line and f"{8.0 - 0.5:.2f} s in (b) (+0.50 s)" in line


def test_serve_style_rebuilds_show_what_was_parsed_again() -> None:
    result = _result(bench.REFERENCE_SIZE, [20.0], [19.0])
    result.rebuilds = {
        "cold": bench.Build(20.0, 4.0, 19.0, 200_000, {"load": 0.6, "render": 2.0}, 200, 0),
        "unchanged": bench.Build(18.0, 3.0, 17.0, 210_000, {"load": 0.01, "render": 1.5}, 0, 200),
        "touched": bench.Build(18.5, 3.1, 17.5, 210_000, {"load": 0.02, "render": 1.6}, 1, 199),
    }
    tables = markdown_tables(bench.report([result], 1.0))
    (served,) = [table for table in tables if table[0][0] == "build"]
    rows = {row[0]: row[1:] for row in served[1:]}
    assert list(rows) == list(bench.REBUILDS.values())
    for kind, label in bench.REBUILDS.items():
        one = result.rebuilds[kind]
        assert rows[label] == [
            f"{one.wall:.2f}",
            f"{one.plugin * 1000:.0f}",
            f"{one.phases['load'] * 1000:.0f}",
            str(one.parsed),
            str(one.kept),
        ]


def test_the_probe_reads_the_plugins_phases_and_its_serve_cache(tmp_path: Path) -> None:
    """measure.py on a small site (nothing timed): (a) reports the plugin's phases, (b) none;
    under serve, a rebuild parses nothing again, or only the file that changed."""
    config_a, config_b, _, pages = bench.prepare(tmp_path, 4)
    plain = bench.Build(**bench.measure("build", str(config_b), str(tmp_path / "out-b")))
    assert plain.phases == {} and plain.rss_kib > 0 and 0 < plain.setup < plain.wall
    built = bench.Build(**bench.measure("build", str(config_a), str(tmp_path / "out-a")))
    assert set(built.phases) == set(bench.PHASES)
    touched = sorted((config_a.parent / "content" / "products").glob("*.yml"))[0]
    served = bench.measure("rebuild", str(config_a), str(tmp_path / "out-r"), str(touched))
    cold, unchanged, after = (bench.Build(**served[kind]) for kind in bench.REBUILDS)
    assert cold.parsed > 4 and cold.kept == 0
    assert (unchanged.parsed, unchanged.kept) == (0, cold.parsed)
    assert (after.parsed, after.kept) == (1, cold.parsed - 1)
    assert len(list((tmp_path / "out-a").rglob("index.html"))) >= pages


def test_a_section_measured_apart_is_added_or_replaced_never_the_whole_results() -> None:
    results = "<!-- Written by benchmarks/bench.py -->\n## Benchmark results\n\n### Old\n\nold\n"
    added = bench.spliced(results, "### New\n\nnew\n", "new-only")
    assert added.startswith(results.rstrip("\n")) and added.rstrip().endswith("new")
    replaced = bench.spliced(added, "### New\n\nnewer\n", "new-only")
    assert "### Old\n\nold" in replaced and "newer" in replaced and "\nnew\n" not in replaced
