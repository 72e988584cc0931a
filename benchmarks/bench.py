"""The privacy-pages benchmark: ``make bench``.

For each size of synthetic content it measures, side by side in one run (interleaved, so that
machine noise hits both alike):

(a) ``mkdocs build`` of a site with the privacy-pages plugin, and
(b) ``mkdocs build`` of the same pages pre-rendered by ``privacy-pages render``, plugin off,
    theme and options otherwise the same;

and reports the median wall time of each, the ratio a/b, the plugin's own phases, peak memory,
and serve-style rebuilds. Results are printed and written to ``benchmarks/results.md``.
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

SITE_CONFIG: dict[str, Any] = {
    "site_name": "privacy-pages benchmark",
    "theme": {"name": "material"},
    "markdown_extensions": ["admonition", "attr_list", "tables", {"toc": {"permalink": True}}],
}


@dataclass
class SizeResult:
    products: int
    items: int
    a_times: list[float] = field(default_factory=list)
    b_times: list[float] = field(default_factory=list)
    a_rss: list[int] = field(default_factory=list)
    b_rss: list[int] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)
    rebuild: dict[str, Any] = field(default_factory=dict)

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


def prepare(work: Path, products: int) -> tuple[Path, Path, int]:
    """Write site (a), render site (b) from it, and return both config files and the item count."""
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
    config_b = dict(SITE_CONFIG, docs_dir="docs")
    config_b["plugins"] = ["search"]
    (b / "mkdocs.yml").write_text(yaml.safe_dump(config_b, sort_keys=False))
    items = sum(
        len(g["items"])
        for f in (a / "content" / "products").glob("*.yml")
        for section in ("required", "optional")
        for g in (yaml.safe_load(f.read_text()).get(section) or {}).get("groups", [])
    )
    return a / "mkdocs.yml", b / "mkdocs.yml", items


def measure(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [PYTHON, str(HERE / "measure.py"), *args], check=True, capture_output=True, text=True
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run_size(work: Path, products: int, runs: int) -> SizeResult:
    config_a, config_b, items = prepare(work, products)
    result = SizeResult(products, items)
    out = config_a.parent.parent / "out"
    measure("build", str(config_a), str(out / "warm"))  # warm the OS file cache once
    for _ in range(runs):  # interleaved: a, b, a, b, ...
        a = measure("build", str(config_a), str(out / "a"))
        b = measure("build", str(config_b), str(out / "b"))
        result.a_times.append(a["wall"])
        result.b_times.append(b["wall"])
        result.a_rss.append(a["max_rss_kib"])
        result.b_rss.append(b["max_rss_kib"])
        for phase, seconds in a["phases"].items():
            result.phases.setdefault(phase, 0.0)
            result.phases[phase] += seconds / runs
    touched = sorted((config_a.parent / "content" / "products").glob("*.yml"))[0]
    result.rebuild = measure("rebuild", str(config_a), str(out / "r"), str(touched))
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


def report(results: list[SizeResult], runs: int, elapsed: float) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- Machine: {machine()}",
        f"- Python {platform.python_version()}, mkdocs {version('mkdocs')}, "
        f"mkdocs-material {version('mkdocs-material')}, privacy-pages {version('privacy-pages')}, "
        f"PyYAML C loader: {_c_loader()}",
        f"- Method: (a) `mkdocs build` with the plugin vs (b) `mkdocs build` of the same pages "
        f"pre-rendered by `privacy-pages render`, plugin off; interleaved a/b, median of {runs} "
        f"runs each, every build in a fresh process. Total benchmark time {elapsed:.0f} s.",
        "",
        "| products | items | a: with plugin (s) | b: pre-rendered (s) | a/b | plugin phases (ms) | plugin share | a per product (ms) | peak RSS a / b (MiB) | RSS a/b |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r.products} | {r.items} | {r.a:.2f} | {r.b:.2f} | {r.ratio:.3f} | "
            f"{r.plugin_ms:.0f} | {r.share:.1%} | {r.a / r.products * 1000:.1f} | "
            f"{max(r.a_rss) / 1024:.0f} / {max(r.b_rss) / 1024:.0f} | {r.memory_ratio:.2f} |"
        )
    lines += ["", "## Plugin phases (ms, mean of the measured builds)", ""]
    phase_names = sorted({p for r in results for p in r.phases})
    lines.append("| products | " + " | ".join(phase_names) + " | total | share of build |")
    lines.append("| ---: |" + " ---: |" * (len(phase_names) + 2))
    for r in results:
        cells = " | ".join(f"{r.phases.get(p, 0) * 1000:.1f}" for p in phase_names)
        lines.append(f"| {r.products} | {cells} | {r.plugin_ms:.1f} | {r.share:.1%} |")
    lines += ["", "## Serve-style rebuilds (plugin's own time, ms)", ""]
    lines.append(
        "| products | cold build | rebuild, nothing changed | rebuild, one YAML file touched |"
    )
    lines.append("| ---: | ---: | ---: | ---: |")
    for r in results:
        costs = [
            sum(r.rebuild[k]["phases"].values()) * 1000 for k in ("cold", "unchanged", "touched")
        ]
        lines.append(f"| {r.products} | {costs[0]:.1f} | {costs[1]:.1f} | {costs[2]:.1f} |")
    lines += ["", "## Budget", "", *budget_lines(results)]
    return "\n".join(lines) + "\n"


def _c_loader() -> str:
    from privacy_pages.yaml_source import C_LOADER

    return "yes" if C_LOADER else "no"


def budget_lines(results: list[SizeResult]) -> list[str]:
    by_size = {r.products: r for r in results}
    lines = []
    budget = by_size.get(BUDGET_SIZE)
    if budget is None:
        return [f"The budget is judged at {BUDGET_SIZE} products, which this run did not measure."]

    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    lines.append(
        f"- Build ratio a/b at {BUDGET_SIZE} products: {budget.ratio:.3f} (budget ≤ {BUDGET['ratio']:.2f}): {verdict(budget.ratio <= BUDGET['ratio'])}"
    )
    lines.append(
        f"- Plugin phases' share of the build: {budget.share:.1%} (budget ≤ {BUDGET['share']:.0%}): {verdict(budget.share <= BUDGET['share'])}"
    )
    lines.append(
        f"- Peak memory a/b: {budget.memory_ratio:.2f} (budget ≤ {BUDGET['memory']:.1f}): {verdict(budget.memory_ratio <= BUDGET['memory'])}"
    )
    flat = [r for r in results if r.products >= 50]
    if len(flat) >= 2:
        per = [r.a / r.products for r in flat]
        base = per[0]
        spread = max(abs(p / base - 1) for p in per)
        sizes = ", ".join(f"{r.products}: {r.a / r.products * 1000:.1f} ms" for r in flat)
        lines.append(
            f"- Time per product from {flat[0].products} to {flat[-1].products} products ({sizes}): largest deviation from the {flat[0].products}-product cost {spread:.0%} (budget ±{BUDGET['flat']:.0%}): {verdict(spread <= BUDGET['flat'])}"
        )
    touched = sum(budget.rebuild["touched"]["phases"].values())
    cold = sum(budget.rebuild["cold"]["phases"].values())
    lines.append(
        f"- Rebuild after one YAML file changes: plugin {touched * 1000:.0f} ms vs cold {cold * 1000:.0f} ms: {verdict(touched < cold)}"
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default="10,50,200,1000", help="product counts (default: %(default)s)"
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="runs of each build per size (default: %(default)s)"
    )
    parser.add_argument("--work", type=Path, default=HERE / "work", help="scratch folder")
    parser.add_argument("--output", type=Path, default=HERE / "results.md")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"measuring {size} products ...", file=sys.stderr, flush=True)
        results.append(run_size(args.work, size, args.runs))
    text = report(results, args.runs, time.perf_counter() - start)
    args.output.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
