"""The privacy-pages benchmark: ``make bench``.

For each size of synthetic content it measures, side by side in one run (interleaved, so that
machine noise hits both alike):

(a) ``mkdocs build`` of a site with the privacy-pages plugin and an empty build cache,
(b) ``mkdocs build`` of the same pages pre-rendered by ``privacy-pages render``, plugin off,
    theme and options otherwise the same, and
(a, warm) ``mkdocs build`` with the plugin again, nothing changed (its build cache full);

and reports the median wall time of each, the ratio a/b, the plugin's own phases, peak memory,
and serve-style rebuilds, judged against the performance budget at 200 products. Results are
printed and written to ``benchmarks/results.md``, and the same text to
``site-src/includes/benchmark-results.md`` for the site's Performance page.

To finish within 15 minutes on a 2-core machine, serve-style rebuilds are measured at the
budget size only, and sizes above it get one cold build with the plugin (a) and none of
(b) or warm (a build of 1,000 products takes minutes); the time per product, which the budget
judges up to 1,000 products, is (a)'s. The report says so.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from synthetic import FAMILY_SIZE, PRODUCT_PREFIX, generate  # noqa: E402

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PYTHON = sys.executable
BUDGET = {"ratio": 1.10, "share": 0.05, "flat": 0.25, "memory": 1.20}
BUDGET_SIZE = 200
#: Runs of (a) at sizes above the budget size (where (b) and warm builds are not measured).
LARGE_RUNS = 1
#: The copy of the results that the site's Performance page includes.
SITE_COPY = REPO / "site-src" / "includes" / "benchmark-results.md"

SITE_CONFIG: dict[str, Any] = {
    "site_name": "privacy-pages benchmark",
    "theme": {"name": "material"},
    "markdown_extensions": ["admonition", "attr_list", "tables", {"toc": {"permalink": True}}],
}

#: What each of the plugin's phases does (for the explanations in the report).
PHASES = {
    "load": "reading and parsing the YAML files, with the line and column of every key",
    "validate": "JSON Schema, references between records, lint rules",
    "comparisons": "product-by-item cells, comparison tables, privacy.json and CSV",
    "render": "Jinja templates to Markdown: product pages, comparisons, the data-item index",
    "coverage": "checking that every record shows up on a page",
    "cache": "computing the build cache's key (hashing content, templates and code), and "
    "writing the build to it or reading a kept one",
    "wait": "MkDocs waiting for the background build: for the list of pages (the content "
    "loaded and checked in the second process), for a page not yet written, or at the end for "
    "the downloads, the coverage check and the build cache",
}


@dataclass
class SizeResult:
    products: int
    items: int
    pages: int
    #: (a) with an empty build cache: everything is parsed, validated and rendered.
    a_times: list[float] = field(default_factory=list)
    b_times: list[float] = field(default_factory=list)
    #: (a) again right after, nothing changed: the plugin's build cache serves the pages.
    w_times: list[float] = field(default_factory=list)
    a_rss: list[int] = field(default_factory=list)
    b_rss: list[int] = field(default_factory=list)
    w_rss: list[int] = field(default_factory=list)
    #: CPU seconds of each build's process (less sensitive to other work on the machine).
    a_cpu: list[float] = field(default_factory=list)
    b_cpu: list[float] = field(default_factory=list)
    w_cpu: list[float] = field(default_factory=list)
    #: Peak PSS of all of a build's processes (MkDocs' and the plugin's background build).
    a_pss: list[int] = field(default_factory=list)
    b_pss: list[int] = field(default_factory=list)
    w_pss: list[int] = field(default_factory=list)
    #: (a) with ``parallel: false``: the plugin renders in MkDocs' process (budget size only).
    s_times: list[float] = field(default_factory=list)
    s_pss: list[int] = field(default_factory=list)
    s_rss: list[int] = field(default_factory=list)
    s_phases: dict[str, float] = field(default_factory=dict)
    #: Peak RSS of the background build's process.
    a_child_rss: list[int] = field(default_factory=list)
    #: Peak RSS when MkDocs has its files and nav (after the plugin's on_files), per a build.
    a_rss_at_nav: list[int] = field(default_factory=list)
    #: The plugin's phases in MkDocs' process (what the build waits for).
    phases: dict[str, float] = field(default_factory=dict)
    #: The phases of the background build, in its own process beside MkDocs.
    bg_phases: dict[str, float] = field(default_factory=dict)
    w_phases: dict[str, float] = field(default_factory=dict)
    rebuild: dict[str, Any] = field(default_factory=dict)

    @property
    def runs(self) -> int:
        return len(self.a_times)

    @property
    def a(self) -> float:
        return statistics.median(self.a_times)

    @property
    def b(self) -> float:
        return _median(self.b_times)

    @property
    def w(self) -> float:
        return _median(self.w_times)

    @property
    def ratio(self) -> float:
        return self.a / self.b

    @property
    def warm_ratio(self) -> float:
        return self.w / self.b

    @property
    def cpu_ratio(self) -> float:
        return _median(self.a_cpu) / _median(self.b_cpu)

    @property
    def warm_cpu_ratio(self) -> float:
        return _median(self.w_cpu) / _median(self.b_cpu)

    @property
    def plugin_ms(self) -> float:
        return sum(self.phases.values()) * 1000

    @property
    def warm_ms(self) -> float:
        return sum(self.w_phases.values()) * 1000 if self.w_phases else float("nan")

    @property
    def share(self) -> float:
        return sum(self.phases.values()) / self.a

    @property
    def warm_share(self) -> float:
        return self.warm_ms / 1000 / self.w

    @property
    def bg_ms(self) -> float:
        return sum(self.bg_phases.values()) * 1000

    @property
    def memory_ratio(self) -> float:
        """All of the build's processes (PSS), (a) over (b)."""
        return _peak(self.a_pss) / _peak(self.b_pss)

    @property
    def warm_memory_ratio(self) -> float:
        return _peak(self.w_pss) / _peak(self.b_pss)

    @property
    def rss_ratio(self) -> float:
        """MkDocs' own process (RSS), (a) over (b)."""
        return _peak(self.a_rss) / _peak(self.b_rss)

    def per_product_ms(self, seconds: float) -> float:
        return seconds / self.products * 1000


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _peak(values: list[int]) -> float:
    return float(max(values)) if values else float("nan")


def prepare(work: Path, products: int, plain: bool = True) -> tuple[Path, Path, int, int]:
    """Write site (a) and, with ``plain``, render site (b) from it; return both config files,
    the item count and the page count (of site a)."""
    from privacy_pages.render.paths import SCRIPT, STYLESHEET

    site = work / f"{products}"
    if site.exists():
        shutil.rmtree(site)
    a, b = site / "a", site / "b"
    generate(a / "content", products)
    (a / "docs").mkdir(parents=True)
    (a / "docs" / "index.md").write_text("# Benchmark\n\n<!-- privacy-pages: products -->\n")
    config_a = dict(SITE_CONFIG, docs_dir="docs")
    config_a["plugins"] = [
        "search",
        {
            "privacy-pages": {
                "metadata": {"types": {"ms.date": "date"}},
                # The setting for hundreds of products: the nav lists the data-item index, not
                # every page (Material prints the whole nav into every page).
                "nav_products": False,
            }
        },
    ]
    (a / "mkdocs.yml").write_text(yaml.safe_dump(config_a, sort_keys=False))
    items = sum(
        len(g["items"])
        for f in (a / "content" / "products").glob("*.yml")
        for section in ("required", "optional")
        for g in (yaml.load(f.read_text(), Loader=_LOADER).get(section) or {}).get("groups", [])
    )
    families = -(-products // FAMILY_SIZE)  # a comparison per family, the index, the home page
    pages = products + families + 2
    if not plain:
        return a / "mkdocs.yml", b / "mkdocs.yml", items, pages
    subprocess.run(
        [
            PYTHON,
            "-m",
            "privacy_pages",
            "render",
            "--config",
            str(a / "mkdocs.yml"),
            "--out",
            str(b / "docs"),
            "--docs",
            str(a / "docs"),
        ],
        check=True,
        capture_output=True,
    )
    # The same pages, and the script and style sheet the plugin adds to every page.
    config_b = dict(SITE_CONFIG, docs_dir="docs", extra_css=[STYLESHEET])
    config_b["extra_javascript"] = [SCRIPT]
    config_b["plugins"] = ["search"]
    # The same nav as (a): product pages and comparisons are not listed.
    config_b["not_in_nav"] = f"/privacy/{PRODUCT_PREFIX}*.md\n/privacy/compare/\n"
    (b / "mkdocs.yml").write_text(yaml.safe_dump(config_b, sort_keys=False))
    assert len(list((b / "docs").rglob("*.md"))) == pages
    return a / "mkdocs.yml", b / "mkdocs.yml", items, pages


def measure(*args: str) -> dict[str, Any]:
    """Run measure.py in a fresh process; add the peak memory of it and the processes it
    starts (``tree_pss_kib``), sampled from here so that the measured process runs as is."""
    with subprocess.Popen(
        [PYTHON, str(HERE / "measure.py"), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        peak = 0
        while process.poll() is None:
            peak = max(peak, tree_pss_kib(process.pid))
            time.sleep(SAMPLE_SECONDS)
        out, err = process.communicate()
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, process.args, out, err)
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["tree_pss_kib"] = peak
    return result


#: How often the memory of a build's processes is sampled.
SAMPLE_SECONDS = 0.05


def tree_pss_kib(pid: int) -> int:
    """The proportional set size of a process and its descendants, in KiB: the memory they use,
    each page shared between them (a forked process shares its parent's) counted once."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:  # gone, or not Linux: nothing to add
            continue
        for line in rollup.splitlines():
            if line.startswith("Pss:"):
                total += int(line.split()[1])
                break
        pending.extend(int(child) for child in children)
    return total


def run_size(
    work: Path,
    products: int,
    runs: int,
    *,
    rebuilds: bool,
    plain: bool,
    warm: bool,
    serial: bool = False,
) -> SizeResult:
    """Measure one size: ``runs`` interleaved builds with the plugin and an empty build cache
    (a), and, with ``plain``, without the plugin (b), and, with ``warm``, with the plugin again
    right after (its build cache full), and, with ``serial``, once, (a) with ``parallel: false``
    (no background build); with ``rebuilds``, first the serve-style rebuilds (which also warm the
    OS file cache)."""
    config_a, config_b, items, pages = prepare(work, products, plain)
    config_s = config_a.with_name("mkdocs-serial.yml")
    if serial:
        options = yaml.safe_load(config_a.read_text("utf-8"))
        options["plugins"][1]["privacy-pages"]["parallel"] = False
        config_s.write_text(yaml.safe_dump(options, sort_keys=False), "utf-8")
    result = SizeResult(products, items, pages)
    out = config_a.parent.parent / "out"
    build_cache = config_a.parent / ".cache"
    if rebuilds:
        touched = sorted((config_a.parent / "content" / "products").glob("*.yml"))[0]
        result.rebuild = measure("rebuild", str(config_a), str(out / "r"), str(touched))
    for run in range(runs):  # interleaved: a, b, a warm, a, b, a warm, ...
        shutil.rmtree(build_cache, ignore_errors=True)
        a = measure("build", str(config_a), str(out / "a"))
        result.a_times.append(a["wall"])
        result.a_cpu.append(a["cpu"])
        result.a_rss.append(a["max_rss_kib"])
        result.a_pss.append(a["tree_pss_kib"])
        result.a_child_rss.append(a["child_max_rss_kib"])
        result.a_rss_at_nav.append(a["peak_at_nav_kib"])
        _add_phases(result.phases, a["phases"], runs)
        _add_phases(result.bg_phases, a["background"], runs)
        if plain:
            b = measure("build", str(config_b), str(out / "b"))
            result.b_times.append(b["wall"])
            result.b_cpu.append(b["cpu"])
            result.b_rss.append(b["max_rss_kib"])
            result.b_pss.append(b["tree_pss_kib"])
        if warm:
            w = measure("build", str(config_a), str(out / "w"))
            assert set(w["phases"]) == {"cache"}, "the warm build was not served from the cache"
            result.w_times.append(w["wall"])
            result.w_cpu.append(w["cpu"])
            result.w_rss.append(w["max_rss_kib"])
            result.w_pss.append(w["tree_pss_kib"])
            _add_phases(result.w_phases, w["phases"], runs)
        if serial and run == 0:  # once: it is shown, not judged (keeps the run short)
            shutil.rmtree(build_cache, ignore_errors=True)
            one = measure("build", str(config_s), str(out / "s"))
            assert not one["background"], "the serial build rendered in the background"
            result.s_times.append(one["wall"])
            result.s_pss.append(one["tree_pss_kib"])
            result.s_rss.append(one["max_rss_kib"])
            _add_phases(result.s_phases, one["phases"], 1)
    return result


def _add_phases(total: dict[str, float], phases: dict[str, float], runs: int) -> None:
    for phase, seconds in phases.items():
        total[phase] = total.get(phase, 0.0) + seconds / runs


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
        cpu = model
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def _mib(kib: float) -> str:
    return "—" if math.isnan(kib) else f"{kib / 1024:.0f}"


def _cell(value: float, spec: str) -> str:
    """A number for the table, or a dash where it was not measured."""
    return "—" if math.isnan(value) else format(value, spec)


def report(results: list[SizeResult], elapsed: float) -> str:
    run_counts = ", ".join(f"{r.products}: {r.runs}" for r in results)
    unpaired = [str(r.products) for r in results if not r.b_times]
    single = [str(r.products) for r in results if r.b_times and r.runs < 3]
    notes = ""
    if single:
        notes += (
            f" At {', '.join(single)} products, one run of each; "
            "the ratios there are one measurement, not a median."
        )
    if unpaired:
        notes += (
            f" At {', '.join(unpaired)} products only (a) is built, once (a build takes "
            "minutes): the budget judges (a)'s time per product there."
        )
    warm = [r for r in results if r.w_times]
    lines = [
        "<!-- Written by benchmarks/bench.py (make bench); do not edit by hand. -->",
        "## Benchmark results",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- Machine: {machine()}",
        f"- Python {platform.python_version()}, mkdocs {version('mkdocs')}, "
        f"mkdocs-material {version('mkdocs-material')}, privacy-pages {version('privacy-pages')}, "
        f"PyYAML C loader: {_c_loader()}",
        "- Method: (a) `mkdocs build` with the plugin and an empty build cache vs (b) "
        "`mkdocs build` of the same pages pre-rendered by `privacy-pages render`, plugin off, "
        "same theme and options; then (a, warm) `mkdocs build` with the plugin again, nothing "
        "changed, so that its build cache serves the pages (the case of a build after editing "
        "only hand-written pages). Interleaved a, b, a warm (and at the budget size, in the first "
        "round, a with `parallel: false`); the median of the runs; every "
        f"build in a fresh process (runs per size: {run_counts}).{notes} "
        "With the plugin, `mkdocs build` forks a second process as soon as MkDocs has read "
        "its configuration: it loads and checks the content, sends MkDocs the list of pages, "
        "and renders them while MkDocs turns the first ones into HTML (option `parallel`, on "
        "by default where `os.fork` exists and two cores are free); MkDocs' process never "
        "loads the content. The plugin's phases below are what MkDocs' process spends "
        "(mostly waiting for the list of pages), the background build's are listed apart. The budget judges wall-clock time; the ratios "
        "of CPU time (all of a build's processes) are shown beside it: they say what the "
        "plugin costs on one core. Memory is the peak PSS of all of a build's processes, "
        f"sampled every {SAMPLE_SECONDS * 1000:.0f} ms (pages a forked process shares with "
        "its parent count once), and the peak RSS of MkDocs' own process. "
        f"Serve-style rebuilds are measured at {BUDGET_SIZE} products. "
        f"Total benchmark time {elapsed:.0f} s.",
        "- Content: synthetic (`benchmarks/synthetic.py`): families of four platform variants, "
        "40 to 120 items per product from a shared catalog of up to 600, one comparison per "
        "family; lint-clean. Both sites list only the home page and the data-item index in "
        "the nav (`nav_products: false`; for (b) MkDocs' `not_in_nav`): Material prints the "
        "whole nav into every page, so a nav of every product would make each page grow with "
        "the number of products, in both (a) and (b).",
        "",
        "### Builds (seconds)",
        "",
        "| products | items | a: plugin, cold | b: pre-rendered | a/b | a: plugin, warm "
        "| warm a/b | a/b, CPU time | warm a/b, CPU time | a per product (ms) "
        "| b per product (ms) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r.products} | {r.items} | {r.a:.2f} | {_cell(r.b, '.2f')} | "
            f"{_cell(r.ratio, '.3f')} | {_cell(r.w, '.2f')} | {_cell(r.warm_ratio, '.3f')} | "
            f"{_cell(r.cpu_ratio, '.3f')} | {_cell(r.warm_cpu_ratio, '.3f')} | "
            f"{r.per_product_ms(r.a):.1f} | {_cell(r.per_product_ms(r.b), '.1f')} |"
        )
    lines += ["", "### Plugin phases in MkDocs' process (ms, mean of the measured builds)", ""]
    phase_names = [p for p in PHASES if any(p in r.phases for r in results)]
    lines.append(
        "| products | "
        + " | ".join(phase_names)
        + " | cold total | per product | share of build | warm total | warm share |"
    )
    lines.append("| ---: |" + " ---: |" * (len(phase_names) + 5))
    for r in results:
        cells = " | ".join(f"{r.phases.get(p, 0) * 1000:.0f}" for p in phase_names)
        lines.append(
            f"| {r.products} | {cells} | {r.plugin_ms:.0f} | "
            f"{r.plugin_ms / r.products:.1f} | {r.share:.1%} | {_cell(r.warm_ms, '.0f')} | "
            f"{_cell(r.warm_share, '.1%')} |"
        )
    lines += ["", *(f"- {name}: {what}." for name, what in PHASES.items() if name in phase_names)]
    if warm:
        lines.append(
            "- warm: the whole plugin work of a warm build: computing the cache key and "
            "reading the kept build, a page at a time, into the spool folder."
        )
    bg_names = [p for p in PHASES if any(p in r.bg_phases for r in results)]
    if bg_names:
        lines += ["", "### Background build, in its own process beside MkDocs (ms, mean)", ""]
        lines.append("| products | " + " | ".join(bg_names) + " | total | per product |")
        lines.append("| ---: |" + " ---: |" * (len(bg_names) + 2))
        for r in results:
            cells = " | ".join(f"{r.bg_phases.get(p, 0) * 1000:.0f}" for p in bg_names)
            lines.append(f"| {r.products} | {cells} | {r.bg_ms:.0f} | {r.bg_ms / r.products:.1f} |")
    lines += ["", "### Peak memory (MiB)", ""]
    lines.append(
        "| products | a: cold, all processes (PSS) | b (PSS) | a/b | a: warm (PSS) | warm a/b "
        "| a: MkDocs' process (RSS) | b (RSS) | RSS a/b | a: building process (RSS) |"
    )
    lines.append("| ---: |" + " ---: |" * 9)
    for r in results:
        child = _peak(r.a_child_rss) if any(r.a_child_rss) else float("nan")
        lines.append(
            f"| {r.products} | {_mib(_peak(r.a_pss))} | {_mib(_peak(r.b_pss))} | "
            f"{_cell(r.memory_ratio, '.2f')} | {_mib(_peak(r.w_pss))} | "
            f"{_cell(r.warm_memory_ratio, '.2f')} | {_mib(_peak(r.a_rss))} | "
            f"{_mib(_peak(r.b_rss))} | {_cell(r.rss_ratio, '.2f')} | {_mib(child)} |"
        )
    serial = [r for r in results if r.s_times]
    if serial:
        lines += ["", "### Without the background build (`parallel: false`)", ""]
        lines.append(
            "| products | a: one process (s) | b (s) | a/b | plugin phases (ms) | share of build "
            "| peak memory, PSS (MiB) | a/b | peak RSS (MiB) | RSS a/b |"
        )
        lines.append("| ---: |" + " ---: |" * 9)
        for r in serial:
            a, ms = _median(r.s_times), sum(r.s_phases.values()) * 1000
            lines.append(
                f"| {r.products} | {a:.2f} | {_cell(r.b, '.2f')} | {_cell(a / r.b, '.3f')} | "
                f"{ms:.0f} | {ms / 1000 / a:.1%} | {_mib(_peak(r.s_pss))} | "
                f"{_cell(_peak(r.s_pss) / _peak(r.b_pss), '.2f')} | {_mib(_peak(r.s_rss))} | "
                f"{_cell(_peak(r.s_rss) / _peak(r.b_rss), '.2f')} |"
            )
        lines += [
            "",
            "One build (not a median) with the content loaded and the pages rendered in MkDocs' "
            "process, as on a machine with "
            "one core, on Windows, or with `parallel: false`: measured at the budget size, "
            "interleaved with the others.",
        ]
    rebuilt = [r for r in results if r.rebuild]
    if rebuilt:
        lines += ["", "### Serve-style rebuilds (plugin's own phases, ms)", ""]
        lines.append(
            "| products | cold build | rebuild, nothing changed | rebuild, one YAML file changed |"
        )
        lines.append("| ---: | ---: | ---: | ---: |")
        for r in rebuilt:
            costs = [_rebuild_ms(r, kind) for kind in ("cold", "unchanged", "touched")]
            lines.append(f"| {r.products} | {costs[0]:.0f} | {costs[1]:.0f} | {costs[2]:.0f} |")
    lines += ["", "### Budget", "", *budget_lines(results)]
    return "\n".join(lines) + "\n"


def _rebuild_ms(result: SizeResult, kind: str) -> float:
    return float(sum(result.rebuild[kind]["phases"].values())) * 1000


def _c_loader() -> str:
    from privacy_pages.load.yaml_source import C_LOADER

    return "yes" if C_LOADER else "no"


def _verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _phase_list(result: SizeResult) -> str:
    ordered = sorted(result.phases.items(), key=lambda item: -item[1])
    return ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in ordered)


def _spread(values: list[float]) -> float:
    """The largest deviation of any value from the first, as a fraction of the first."""
    return max(abs(v / values[0] - 1) for v in values)


def budget_lines(results: list[SizeResult]) -> list[str]:
    """One line per budget item, met or not; then, for each unmet one, why (from the numbers)."""
    by_size = {r.products: r for r in results}
    budget = by_size.get(BUDGET_SIZE)
    if budget is None:
        return [f"The budget is judged at {BUDGET_SIZE} products, which this run did not measure."]
    lines: list[str] = []
    whys: list[str] = []
    warm = bool(budget.w_times)
    ok = budget.ratio <= BUDGET["ratio"]
    lines.append(
        f"- Build ratio a/b at {BUDGET_SIZE} products, cold: {budget.ratio:.3f} "
        f"(budget ≤ {BUDGET['ratio']:.2f}): {_verdict(ok)}"
    )
    if not ok:
        whys.append(_why_ratio(budget))
    if warm:
        ok = budget.warm_ratio <= BUDGET["ratio"]
        lines.append(
            f"- Build ratio a/b, warm (build cache): {budget.warm_ratio:.3f}: {_verdict(ok)}"
        )
        if not ok:
            whys.append(_why_warm(budget))
    ok = budget.share <= BUDGET["share"]
    beside = f"; {budget.bg_ms:.0f} ms more in the background build" if budget.bg_phases else ""
    lines.append(
        f"- Plugin phases' share of the build, cold, in MkDocs' process: {budget.share:.1%} "
        f"(budget ≤ {BUDGET['share']:.0%}{beside}): {_verdict(ok)}"
    )
    if not ok:
        whys.append(_why_share(budget))
    if warm:
        lines.append(
            f"- Plugin's share of the build, warm: {budget.warm_share:.1%}: "
            f"{_verdict(budget.warm_share <= BUDGET['share'])}"
        )
    ok = budget.memory_ratio <= BUDGET["memory"]
    lines.append(
        f"- Peak memory a/b, cold, all of a build's processes (PSS): {budget.memory_ratio:.2f} "
        f"(budget ≤ {BUDGET['memory']:.1f}; MkDocs' process alone, RSS: "
        f"{budget.rss_ratio:.2f}): {_verdict(ok)}"
    )
    if not ok:
        whys.append(_why_memory(budget))
    if warm:
        ok = budget.warm_memory_ratio <= BUDGET["memory"]
        lines.append(
            f"- Peak memory a/b, warm (PSS): {budget.warm_memory_ratio:.2f}: {_verdict(ok)}"
        )
        if not ok:
            whys.append(_why_warm_memory(budget))
    flat = [r for r in results if r.products >= 50]
    if len(flat) >= 2:
        spread = _spread([r.a / r.products for r in flat])
        sizes = ", ".join(f"{r.products}: {r.per_product_ms(r.a):.1f} ms" for r in flat)
        ok = spread <= BUDGET["flat"]
        lines.append(
            f"- Time per product from {flat[0].products} to {flat[-1].products} products "
            f"({sizes}): largest deviation from the {flat[0].products}-product cost "
            f"{spread:.0%} (budget ±{BUDGET['flat']:.0%}): {_verdict(ok)}"
        )
        if not ok:
            whys.append(_why_flat(flat))
    if budget.rebuild:
        touched, cold = _rebuild_ms(budget, "touched"), _rebuild_ms(budget, "cold")
        unchanged = _rebuild_ms(budget, "unchanged")
        ok = touched < cold and unchanged < cold
        lines.append(
            f"- `mkdocs serve` rebuilds, plugin's own work: after one YAML file changed "
            f"{touched:.0f} ms, with nothing changed {unchanged:.0f} ms, vs the cold build "
            f"{cold:.0f} ms: {_verdict(ok)}"
        )
        if not ok:
            whys.append(
                "**Why the rebuild is not cheaper:** it re-parses only the changed file, but "
                "renders every page again; here that did not outweigh the noise of a cold build."
            )
    return lines + [line for why in whys for line in ("", why)]


def _why_ratio(r: SizeResult) -> str:
    extra = (r.a - r.b) * 1000
    outside = extra - r.plugin_ms
    rest = (
        f"the other {outside:.0f} ms are spent outside them: importing the plugin, the per-page "
        "hooks, the garbage collector's full collections during MkDocs' own work"
        + (
            ", and the background build's process competing with MkDocs' for the cores"
            if r.bg_phases
            else ""
        )
        if outside > 0
        else "the rest is within the noise of the measurement"
    )
    return (
        "**Why the build ratio is not met:** with the plugin, the build takes "
        f"{extra:.0f} ms longer than MkDocs alone takes for the same {r.pages} pages "
        f"({r.b:.1f} s). {r.plugin_ms:.0f} ms of that are the plugin's phases in MkDocs' "
        f"process ({_phase_list(r)}); {rest}."
    )


def _spread_s(times: list[float]) -> str:
    return f"{min(times):.1f} to {max(times):.1f} s"


def _why_warm(r: SizeResult) -> str:
    extra = (r.w - r.b) * 1000
    return (
        "**Why the warm build ratio is not met:** the warm build takes "
        f"{extra:.0f} ms longer than MkDocs alone, and the plugin's own work in it (computing "
        f"the cache key, reading the kept build) is {r.warm_ms:.0f} ms. The rest is spent "
        "outside the plugin's phases (importing it, writing the pages to its spool folder, "
        "the per-page hooks, a larger heap for MkDocs' own work) or is noise: on this "
        f"machine, the runs of (b) alone ranged from {_spread_s(r.b_times)}, of warm (a) from "
        f"{_spread_s(r.w_times)}."
    )


def _why_warm_memory(r: SizeResult) -> str:
    return (
        f"**Why the warm memory budget is not met:** the warm build peaks at "
        f"{_mib(_peak(r.w_pss))} MiB, MkDocs alone at {_mib(_peak(r.b_pss))} MiB (PSS). MkDocs' "
        "process reads the kept build a page at a time into the spool folder and keeps none of "
        "it; what is left is the plugin's code and templates, and what CPython keeps of the "
        "pages' freed memory."
    )


def _why_share(r: SizeResult) -> str:
    checked = r.bg_phases if r.bg_phases else r.phases
    per_item = (checked.get("load", 0) + checked.get("validate", 0)) * 1e6 / r.items
    return (
        f"**Why the plugin's share is not met:** its phases in MkDocs' process take "
        f"{r.plugin_ms:.0f} ms ({_phase_list(r)}). MkDocs cannot list the pages before the "
        "content is loaded and checked: every one of the "
        f"{r.items} data items is parsed with the line and column of each key and validated "
        f"(about {per_item:.0f} µs each). "
        + (
            "That runs in the background build's process, forked when MkDocs has read its "
            "configuration, but MkDocs has little else to do before it needs the list. "
            if r.bg_phases
            else "It runs in MkDocs' process, with the render (no second core, or "
            "`parallel: false`). "
        )
        + f"5% of this build is {r.a * 50:.0f} ms."
    )


def _why_memory(r: SizeResult) -> str:
    return (
        f"**Why the memory budget is not met:** (a)'s processes peak at "
        f"{_mib(_peak(r.a_pss))} MiB, (b) at {_mib(_peak(r.b_pss))} MiB (PSS). "
        + (
            "The background build's process holds the parsed records and the model "
            f"(peak {_mib(_peak(r.a_child_rss))} MiB RSS, part of it shared with MkDocs' "
            "process) while MkDocs' process starts on the first pages; MkDocs' own process "
            f"peaks at {_mib(_peak(r.a_rss))} MiB RSS (b: {_mib(_peak(r.b_rss))})."
            if any(r.a_child_rss)
            else "MkDocs' process holds the parsed records, the model and the rendered pages "
            "before MkDocs' own work starts, and CPython keeps most freed memory for reuse, "
            "so MkDocs' own peak lands partly on top of it."
        )
        + (
            f" Without the background build (`parallel: false`) the build peaks at "
            f"{_mib(_peak(r.s_pss))} MiB (a/b {_peak(r.s_pss) / _peak(r.b_pss):.2f}) and takes "
            f"{_median(r.s_times):.1f} s (a/b {_median(r.s_times) / r.b:.3f})."
            if r.s_times
            else ""
        )
    )


def _why_flat(flat: list[SizeResult]) -> str:
    plugin = [r.plugin_ms / r.products for r in flat]
    mkdocs = [r.per_product_ms(r.a) - p for r, p in zip(flat, plugin, strict=True)]

    def sizes(values: list[float]) -> str:
        return ", ".join(f"{r.products}: {v:.1f} ms" for r, v in zip(flat, values, strict=True))

    return (
        "**Why the time per product is not flat:** the plugin's phases per product are "
        f"{sizes(plugin)} (largest deviation {_spread(plugin):.0%}); the rest of the build, "
        f"MkDocs' own work, per product: {sizes(mkdocs)} (largest deviation "
        f"{_spread(mkdocs):.0%}). MkDocs' cost per page grows with the number of pages: every "
        f"page carries the whole navigation, a link to each of the {flat[-1].pages} pages, "
        "and the data-item index lists, for each catalog item, every product that does not "
        "state it."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default="10,50,200,1000", help="product counts (default: %(default)s)"
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=3,
        help=f"runs of each build per size up to {BUDGET_SIZE} products (default: %(default)s; "
        f"larger sizes: {LARGE_RUNS})",
    )
    parser.add_argument("--work", type=Path, default=HERE / "work", help="scratch folder")
    parser.add_argument("--output", type=Path, default=HERE / "results.md")
    parser.add_argument(
        "--site-copy",
        type=Path,
        default=SITE_COPY,
        help="where the site's Performance page reads the results (default: %(default)s); "
        "'-' for none",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        large = size > BUDGET_SIZE
        print(
            f"[{time.perf_counter() - start:4.0f} s] measuring {size} products ...",
            file=sys.stderr,
            flush=True,
        )
        runs = LARGE_RUNS if large else args.runs
        results.append(
            run_size(
                args.work,
                size,
                runs,
                rebuilds=size == BUDGET_SIZE,
                plain=not large,
                warm=not large,
                serial=size == BUDGET_SIZE,
            )
        )
    text = report(results, time.perf_counter() - start)
    args.output.write_text(text, "utf-8")
    if str(args.site_copy) != "-":
        args.site_copy.parent.mkdir(parents=True, exist_ok=True)
        args.site_copy.write_text(text, "utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
