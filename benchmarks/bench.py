"""The privacy-pages benchmark: ``make bench``.

For each size of synthetic content it measures, side by side in one run (interleaved, so that
machine noise hits both alike):

(a) ``mkdocs build`` of a site with the privacy-pages plugin, and
(b) ``mkdocs build`` of the same pages pre-rendered by ``privacy-pages render``, plugin off,
    theme and options otherwise the same;

and reports the median wall time of each, the ratio a/b, the plugin's own phases, peak memory,
and serve-style rebuilds, judged against the performance budget at 200 products. Results are
printed and written to ``benchmarks/results.md``, and the same text to
``site-src/includes/benchmark-results.md`` for the site's Performance page.

Sizes above the budget size get one a/b pair and no serve rebuilds (a build of 1,000 products
takes minutes); the report says so.
"""

from __future__ import annotations

import argparse
import json
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
from synthetic import generate  # noqa: E402

PYTHON = sys.executable
BUDGET = {"ratio": 1.10, "share": 0.05, "flat": 0.25, "memory": 1.20}
BUDGET_SIZE = 200
#: Runs of each build at sizes above the budget size.
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
}


@dataclass
class SizeResult:
    products: int
    items: int
    pages: int
    a_times: list[float] = field(default_factory=list)
    b_times: list[float] = field(default_factory=list)
    a_rss: list[int] = field(default_factory=list)
    b_rss: list[int] = field(default_factory=list)
    #: Peak RSS when MkDocs has its files and nav (after the plugin's on_files), per a build.
    a_rss_at_nav: list[int] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)
    rebuild: dict[str, Any] = field(default_factory=dict)

    @property
    def runs(self) -> int:
        return len(self.a_times)

    @property
    def a(self) -> float:
        return statistics.median(self.a_times)

    @property
    def b(self) -> float:
        return statistics.median(self.b_times)

    @property
    def ratio(self) -> float:
        return self.a / self.b

    @property
    def plugin_ms(self) -> float:
        return sum(self.phases.values()) * 1000

    @property
    def share(self) -> float:
        return sum(self.phases.values()) / self.a

    @property
    def memory_ratio(self) -> float:
        return max(self.a_rss) / max(self.b_rss)

    def per_product_ms(self, seconds: float) -> float:
        return seconds / self.products * 1000


def prepare(work: Path, products: int) -> tuple[Path, Path, int, int]:
    """Write site (a), render site (b) from it; return both config files, the item count and
    the page count."""
    from privacy_pages.exports import SCRIPT, STYLESHEET

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
        {"privacy-pages": {"metadata": {"types": {"ms.date": "date"}}}},
    ]
    (a / "mkdocs.yml").write_text(yaml.safe_dump(config_a, sort_keys=False))
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
    (b / "mkdocs.yml").write_text(yaml.safe_dump(config_b, sort_keys=False))
    items = sum(
        len(g["items"])
        for f in (a / "content" / "products").glob("*.yml")
        for section in ("required", "optional")
        for g in (yaml.safe_load(f.read_text()).get(section) or {}).get("groups", [])
    )
    pages = len(list((b / "docs").rglob("*.md")))
    return a / "mkdocs.yml", b / "mkdocs.yml", items, pages


def measure(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [PYTHON, str(HERE / "measure.py"), *args], check=True, capture_output=True, text=True
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run_size(work: Path, products: int, runs: int, rebuilds: bool) -> SizeResult:
    config_a, config_b, items, pages = prepare(work, products)
    result = SizeResult(products, items, pages)
    out = config_a.parent.parent / "out"
    if rebuilds:  # serve-style builds first: they also warm the OS file cache
        touched = sorted((config_a.parent / "content" / "products").glob("*.yml"))[0]
        result.rebuild = measure("rebuild", str(config_a), str(out / "r"), str(touched))
    for _ in range(runs):  # interleaved: a, b, a, b, ...
        a = measure("build", str(config_a), str(out / "a"))
        b = measure("build", str(config_b), str(out / "b"))
        result.a_times.append(a["wall"])
        result.b_times.append(b["wall"])
        result.a_rss.append(a["max_rss_kib"])
        result.b_rss.append(b["max_rss_kib"])
        result.a_rss_at_nav.append(a["peak_at_nav_kib"])
        for phase, seconds in a["phases"].items():
            result.phases.setdefault(phase, 0.0)
            result.phases[phase] += seconds / runs
    return result


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
    return f"{kib / 1024:.0f}"


def report(results: list[SizeResult], elapsed: float) -> str:
    run_counts = ", ".join(f"{r.products}: {r.runs}" for r in results)
    lines = [
        "<!-- Written by benchmarks/bench.py (make bench); do not edit by hand. -->",
        "## Benchmark results",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- Machine: {machine()}",
        f"- Python {platform.python_version()}, mkdocs {version('mkdocs')}, "
        f"mkdocs-material {version('mkdocs-material')}, privacy-pages {version('privacy-pages')}, "
        f"PyYAML C loader: {_c_loader()}",
        "- Method: (a) `mkdocs build` with the plugin vs (b) `mkdocs build` of the same pages "
        "pre-rendered by `privacy-pages render`, plugin off; interleaved a/b, the median of the "
        f"runs, every build in a fresh process (runs per size: {run_counts}). "
        f"Serve-style rebuilds are measured up to {BUDGET_SIZE} products. "
        f"Total benchmark time {elapsed:.0f} s.",
        "- Content: synthetic (`benchmarks/synthetic.py`): families of four platform variants, "
        "40 to 120 items per product from a shared catalog of up to 600, one comparison per "
        "family; lint-clean.",
        "",
        "### Builds",
        "",
        "| products | items | a: with plugin (s) | b: pre-rendered (s) | a/b | plugin phases (ms) "
        "| plugin share | a per product (ms) | b per product (ms) | peak RSS a / b (MiB) "
        "| RSS a/b |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r.products} | {r.items} | {r.a:.2f} | {r.b:.2f} | {r.ratio:.3f} | "
            f"{r.plugin_ms:.0f} | {r.share:.1%} | {r.per_product_ms(r.a):.1f} | "
            f"{r.per_product_ms(r.b):.1f} | {_mib(max(r.a_rss))} / {_mib(max(r.b_rss))} | "
            f"{r.memory_ratio:.2f} |"
        )
    lines += ["", "### Plugin phases (ms, mean of the measured builds)", ""]
    phase_names = [p for p in PHASES if any(p in r.phases for r in results)]
    lines.append(
        "| products | " + " | ".join(phase_names) + " | total | per product | share of build |"
    )
    lines.append("| ---: |" + " ---: |" * (len(phase_names) + 3))
    for r in results:
        cells = " | ".join(f"{r.phases.get(p, 0) * 1000:.0f}" for p in phase_names)
        lines.append(
            f"| {r.products} | {cells} | {r.plugin_ms:.0f} | "
            f"{r.plugin_ms / r.products:.1f} | {r.share:.1%} |"
        )
    lines += ["", *(f"- {name}: {what}." for name, what in PHASES.items() if name in phase_names)]
    rebuilt = [r for r in results if r.rebuild]
    if rebuilt:
        lines += ["", "### Serve-style rebuilds (plugin's own time, ms)", ""]
        lines.append(
            "| products | cold build | rebuild, nothing changed | rebuild, one YAML file touched |"
        )
        lines.append("| ---: | ---: | ---: | ---: |")
        for r in rebuilt:
            costs = [_rebuild_ms(r, k) for k in ("cold", "unchanged", "touched")]
            lines.append(f"| {r.products} | {costs[0]:.0f} | {costs[1]:.0f} | {costs[2]:.0f} |")
    lines += ["", "### Budget", "", *budget_lines(results)]
    return "\n".join(lines) + "\n"


def _rebuild_ms(result: SizeResult, kind: str) -> float:
    return float(sum(result.rebuild[kind]["phases"].values())) * 1000


def _c_loader() -> str:
    from privacy_pages.yaml_source import C_LOADER

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
    ok = budget.ratio <= BUDGET["ratio"]
    lines.append(
        f"- Build ratio a/b at {BUDGET_SIZE} products: {budget.ratio:.3f} "
        f"(budget ≤ {BUDGET['ratio']:.2f}): {_verdict(ok)}"
    )
    if not ok:
        whys.append(_why_ratio(budget))
    ok = budget.share <= BUDGET["share"]
    lines.append(
        f"- Plugin phases' share of the build: {budget.share:.1%} "
        f"(budget ≤ {BUDGET['share']:.0%}): {_verdict(ok)}"
    )
    if not ok:
        whys.append(_why_share(budget))
    ok = budget.memory_ratio <= BUDGET["memory"]
    lines.append(
        f"- Peak memory a/b: {budget.memory_ratio:.2f} "
        f"(budget ≤ {BUDGET['memory']:.1f}): {_verdict(ok)}"
    )
    if not ok:
        whys.append(_why_memory(budget))
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
        ok = touched < cold
        lines.append(
            f"- Rebuild after one YAML file changes: plugin {touched:.0f} ms vs cold "
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
        f"the other {outside:.0f} ms are outside them: importing the plugin, writing the "
        "generated files to its spool folder for MkDocs to read, the per-page hooks, and "
        "Python's garbage collector, whose full collections during MkDocs' own work also scan "
        "the plugin's model"
        if outside > 0
        else "the rest is within the noise of the measurement"
    )
    return (
        f"**Why the build ratio is not met:** with the plugin the build takes {extra:.0f} ms longer than MkDocs alone "
        f"({r.b:.1f} s for the same {r.pages} pages). "
        f"{r.plugin_ms:.0f} ms of that are the plugin's phases ({_phase_list(r)}); {rest}."
    )


def _why_share(r: SizeResult) -> str:
    per_item = r.plugin_ms * 1000 / r.items
    return (
        f"**Why the plugin's share is not met:** its phases take {r.plugin_ms:.0f} ms ({_phase_list(r)}), about "
        f"{per_item:.0f} µs per data item ({r.items} items). Every item is parsed with the "
        "line and column of each key, validated, and printed through Jinja, where each value is "
        "escaped; the comparison tables and the data-item index print every item again for "
        f"each product. Budgeting 5% means {r.a * 50:.0f} ms here, less than parsing and "
        "rendering take in pure Python."
    )


def _why_memory(r: SizeResult) -> str:
    at_nav = max(r.a_rss_at_nav) if r.a_rss_at_nav else 0
    return (
        f"**Why the memory budget is not met:** (a) peaks at {_mib(max(r.a_rss))} MiB, (b) at {_mib(max(r.b_rss))} MiB. "
        f"The plugin's own build peaks at {_mib(at_nav)} MiB (measured right after on_files): "
        "while it renders, it holds the parsed records, the model and every generated page "
        "at once. Then the pages go to a spool folder and the parsed records are let go, but "
        "CPython keeps most freed memory for reuse instead of returning it to the system, so "
        "MkDocs' own peak (every page's HTML and the search index) lands partly on top of it. "
        "The plugin's module imports add about 8 MiB."
    )


def _why_flat(flat: list[SizeResult]) -> str:
    b_spread = _spread([r.b / r.products for r in flat])
    plugin = [r.plugin_ms / r.products for r in flat]
    plugin_sizes = ", ".join(f"{r.products}: {p:.1f} ms" for r, p in zip(flat, plugin, strict=True))
    b_sizes = ", ".join(f"{r.products}: {r.per_product_ms(r.b):.1f} ms" for r in flat)
    return (
        f"**Why the time per product is not flat:** MkDocs alone, on the same pages, deviates by {b_spread:.0%} per product over "
        f"the same sizes ({b_sizes}), while the plugin's phases per product are {plugin_sizes} "
        f"(largest deviation {_spread(plugin):.0%}). The growth is MkDocs' own cost per page, "
        "which grows with the number of pages: every page carries the whole navigation, and the "
        "data-item index lists, for each catalog item, every product that does not state it."
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
        print(f"measuring {size} products ...", file=sys.stderr, flush=True)
        results.append(
            run_size(args.work, size, LARGE_RUNS if large else args.runs, rebuilds=not large)
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
