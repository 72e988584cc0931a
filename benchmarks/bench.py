"""The privacy-pages benchmark: ``make bench``.

For each size of synthetic content (``benchmarks/synthetic.py``) it builds, in interleaved runs
and each build in a fresh process (``benchmarks/measure.py``):

(a) ``mkdocs build`` of a site with the privacy-pages plugin, and
(b) ``mkdocs build`` of the same pages pre-rendered by ``privacy-pages render`` (the same
    pipeline), plugin off, theme and options otherwise the same;
(c) ``privacy-pages render --host zensical`` and ``zensical build`` of the same records
    (Zensical runs no MkDocs plugins), from the venv ``make site-zensical`` makes;

and reports the median and the spread (lowest to highest) of wall time, CPU time and peak RSS,
the ratios a/b, the cost per product, and the plugin's own phases. At 200 products it also
measures edit → page under ``make serve`` (``benchmarks/serve_latency.py``: a real ``mkdocs
serve --dirty``, a saved YAML edit, the served pages polled over HTTP) and profiles one build of
(a) (where the time goes). Beside the synthetic content, the same at 200 products on
real-shape content (``benchmarks/real_shape.py``: the example site grown to 200 products). Sizes
above 200 get one build of (a) only (it takes minutes), so that the whole run finishes within
15 minutes on a 2-core machine. Last, it measures pathological
text: one field made of one construct repeated, 4 KB to 64 KB, converted to HTML and built
(``benchmarks/pathological.py``; ``--pathological-only`` runs that section alone, in under a
minute, and writes only it), and ``privacy-pages import`` and ``validate`` of inputs of 256 KB
to 1 MB (``benchmarks/large_inputs.py``; ``--large-only``), and one product with 10, 30 and
100 releases (``benchmarks/release_scale.py``; ``--release-scale-only``), and the build with
the plugin's speed paths on and off (``benchmarks/speedups.py``; ``--speedups-only``). Results are printed and written to ``benchmarks/results.md``, and
the same text to ``site-src/includes/benchmark-results.md`` for the site's Performance page.
"""

from __future__ import annotations

import argparse
import contextlib
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
import languages  # noqa: E402
import large_inputs  # noqa: E402
import pathological  # noqa: E402
import real_shape  # noqa: E402
import release_scale  # noqa: E402
import releases  # noqa: E402
import serve_latency  # noqa: E402
import speedups  # noqa: E402
from synthetic import FAMILY_SIZE, PRODUCT_PREFIX, generate  # noqa: E402

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PYTHON = sys.executable
#: The size of the serve-style rebuilds and of the ratios the budget reports; above it, only (a).
REFERENCE_SIZE = 200
#: Runs of (a) at sizes above the reference size.
LARGE_RUNS = 1
#: At least this many runs of (a) and (b) below the reference size: they are quick, and their
#: share of a build's fixed costs varies the most from run to run on a busy machine.
SMALL_RUNS = 5
#: How far the time per product may stray, from 50 products up, from its cost at the smallest.
FLAT = 0.25
#: The goals at the reference size: (a) at most this part of (b)'s time, and of its peak memory;
#: an edit on its served page within this many seconds (the median of :data:`EDITS` edits).
A_OVER_B = 0.70
MEMORY_RATIO = 1.0
EDIT_SECONDS = 3.0
EDITS = 3
#: Runs of (a) and of (b) on the real-shape content.
REAL_RUNS = 3
#: The copy of the results that the site's Performance page includes.
SITE_COPY = REPO / "site-src" / "includes" / "benchmark-results.md"
#: Zensical, from the venv ``make site-zensical`` makes (``make bench`` makes it first).
ZENSICAL = REPO / ".venv-zensical" / "bin" / "zensical"

SITE_CONFIG: dict[str, Any] = {
    "site_name": "privacy-pages benchmark",
    "theme": {"name": "material"},
    "markdown_extensions": ["admonition", "attr_list", "tables", {"toc": {"permalink": True}}],
}

#: The plugin's phases (``SiteBuild.timings``) and what each does.
PHASES = {
    "load": "reading and parsing the YAML files, with the line and column of every key",
    "validate": "JSON Schema, references between records, lint rules",
    "comparisons": "product-by-item cells, comparison tables, privacy.json and CSV",
    "render": "Jinja templates to Markdown: product pages, comparisons, the data-item index",
    "coverage": "checking that every record shows up on a page",
}
#: The serve-style builds, in the order measure.py runs them.
REBUILDS = {
    "cold": "cold build (after on_startup)",
    "unchanged": "rebuild, nothing changed",
    "touched": "rebuild, one YAML file changed",
}


@dataclass
class Build:
    """What one build cost, as measure.py reports it (in seconds and KiB)."""

    wall: float
    #: The part of ``wall`` until MkDocs has its nav (the rest: its work on the pages).
    setup: float
    cpu: float
    rss_kib: float
    #: The plugin's own phases, in seconds (none for (b)).
    phases: dict[str, float] = field(default_factory=dict)
    #: Serve-style builds only: content files parsed, and kept from the build before.
    parsed: int = 0
    kept: int = 0

    @property
    def plugin(self) -> float:
        return sum(self.phases.values())

    @property
    def pages(self) -> float:
        return self.wall - self.setup


@dataclass
class Host:
    """A command run in a fresh process (``measure.py command``): seconds and KiB."""

    wall: float
    cpu: float
    rss_kib: float


@dataclass
class SizeResult:
    products: int
    items: int
    pages: int
    a: list[Build] = field(default_factory=list)
    b: list[Build] = field(default_factory=list)
    #: (c) the same records rendered for Zensical and built by it: (render, build) per run.
    c: list[tuple[Host, Host]] = field(default_factory=list)
    #: Serve-style builds (at the reference size only), by the keys of :data:`REBUILDS`.
    rebuilds: dict[str, Build] = field(default_factory=dict)
    #: "synthetic" (benchmarks/synthetic.py) or "real-shape" (benchmarks/real_shape.py).
    shape: str = "synthetic"
    #: Seconds from each saved edit to the served pages showing it (``make serve``).
    edits: list[float] = field(default_factory=list)
    #: One profiled build of (a): the share of each part, and the top functions by own time.
    profile: dict[str, list[tuple[str, float]]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.products}" if self.shape == "synthetic" else f"{self.products} real-shape"

    def values(self, kind: str, metric: str) -> list[float]:
        """``metric`` (wall, cpu, rss_kib or plugin) of every run of (a) or (b)."""
        return [float(getattr(run, metric)) for run in (self.a if kind == "a" else self.b)]

    def median(self, kind: str, metric: str) -> float:
        return _median(self.values(kind, metric))

    def zensical(self) -> tuple[float, float, float]:
        """(c): the medians of ``privacy-pages render``, of ``zensical build``, and of both."""
        render = _median([r.wall for r, _ in self.c])
        build = _median([b.wall for _, b in self.c])
        return render, build, _median([r.wall + b.wall for r, b in self.c])

    def per_product_ms(self, kind: str) -> float:
        return self.median(kind, "wall") / self.products * 1000

    def phase(self, name: str) -> float:
        return _median([run.phases.get(name, 0.0) for run in self.a])

    @property
    def share(self) -> float:
        """The plugin's phases as a part of (a)'s build (median of the runs)."""
        return _median([run.plugin / run.wall for run in self.a])


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def prepare(work: Path, products: int, plain: bool = True) -> tuple[Path, Path, int, int]:
    """Write site (a) and, with ``plain``, render site (b) from it; return both config files,
    the item count and the page count."""
    from privacy_pages.render.paths import SCRIPT, STYLESHEET

    site = work / f"{products}"
    if site.exists():
        shutil.rmtree(site)
    a, b = site / "a", site / "b"
    generate(a / "content", products)
    (a / "docs").mkdir(parents=True)
    (a / "docs" / "index.md").write_text("# Benchmark\n\n<!-- privacy-pages: products -->\n")
    config_a = dict(SITE_CONFIG, docs_dir="docs")
    # The setting for hundreds of products: the nav lists the data-item index, not every page
    # (Material prints the whole nav into every page).
    options = {"metadata": {"types": {"ms.date": "date"}}, "nav_products": False}
    config_a["plugins"] = ["search", {"privacy-pages": options}]
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
    command = ["-m", "privacy_pages", "render", "--config", str(a / "mkdocs.yml")]
    command += ["--out", str(b / "docs"), "--docs", str(a / "docs")]
    subprocess.run([PYTHON, *command], check=True, capture_output=True)
    # The same pages, and the script and style sheet the plugin adds to every page.
    config_b = dict(SITE_CONFIG, docs_dir="docs", extra_css=[STYLESHEET])
    config_b["extra_javascript"] = [SCRIPT]
    config_b["plugins"] = ["search"]
    # The same nav as (a): product pages and comparisons are not listed.
    config_b["not_in_nav"] = f"/privacy/{PRODUCT_PREFIX}*.md\n/privacy/compare/\n"
    (b / "mkdocs.yml").write_text(yaml.safe_dump(config_b, sort_keys=False))
    assert len(list((b / "docs").rglob("*.md"))) == pages
    return a / "mkdocs.yml", b / "mkdocs.yml", items, pages


def zensical_commands(config_a: Path) -> tuple[list[str], list[str], Path]:
    """(c): render the records of site (a) for Zensical, then build them with it (from a clean
    cache: Zensical keeps one beside its configuration)."""
    c = config_a.parent.parent / "c"
    render = [PYTHON, "-m", "privacy_pages", "render", "--config", str(config_a)]
    render += ["--out", str(c / "docs"), "--docs", str(config_a.parent / "docs")]
    render += ["--host", "zensical", "--site-config", str(c / "mkdocs.yml")]
    return render, [str(ZENSICAL), "build", "--clean"], c


def measure(*args: str) -> dict[str, Any]:
    """Run measure.py in a fresh process; return what it reports."""
    done = subprocess.run(
        [PYTHON, str(HERE / "measure.py"), *args], capture_output=True, text=True, check=False
    )
    if done.returncode:
        print(done.stderr, file=sys.stderr)
        done.check_returncode()
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure_command(command: list[str], cwd: Path) -> Host:
    """Run ``command`` in ``cwd`` from a fresh process of measure.py, which reports it."""
    done = subprocess.run(
        [PYTHON, str(HERE / "measure.py"), "command", str(cwd), "--", *command],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        print(done.stderr, file=sys.stderr)
        done.check_returncode()
    return Host(**json.loads(done.stdout.strip().splitlines()[-1]))


def run_size(
    work: Path,
    products: int,
    runs: int,
    *,
    plain: bool,
    rebuilds: bool = False,
    shape: str = "synthetic",
    latency: bool = False,
    profile: bool = False,
) -> SizeResult:
    """Measure one size: ``runs`` rounds of (a) and, with ``plain``, (b), in turns (a b, b a,
    ...); with ``rebuilds``, first the serve-style builds (which also warm the OS file cache);
    with ``latency``, edit → page under ``mkdocs serve --dirty``; with ``profile``, one build of
    (a) under cProfile. ``shape`` "real-shape" grows the example site instead."""
    if shape == "synthetic":
        config_a, config_b, items, pages = prepare(work, products, plain)
    else:
        config_a, config_b, items, pages = real_shape.prepare_real_shape(work, products)
    result = SizeResult(products, items, pages, shape=shape)
    out = config_a.parent.parent / "out"
    if rebuilds:
        touched = sorted((config_a.parent / "content" / "products").glob("*.yml"))[0]
        served = measure("rebuild", str(config_a), str(out / "r"), str(touched))
        result.rebuilds = {kind: Build(**served[kind]) for kind in REBUILDS}
    if latency:
        result.edits = serve_latency.edit_latencies(config_a.parent, EDITS)
    if profile:
        found = measure("profile", str(config_a), str(out / "p"))
        result.profile = {key: [(name, share) for name, share in found[key]] for key in found}
    zensical = plain and ZENSICAL.is_file() and shape == "synthetic"
    for run in range(runs):
        for kind in ("a", "b", "c") if run % 2 == 0 else ("c", "b", "a"):
            if (kind != "a" and not plain) or (kind == "c" and not zensical):
                continue
            if kind == "c":
                render, build_c, folder = zensical_commands(config_a)
                rendered = measure_command(render, REPO)
                result.c.append((rendered, measure_command(build_c, folder)))
                continue
            config = config_a if kind == "a" else config_b
            build = Build(**measure("build", str(config), str(out / kind)))
            if kind == "a" and not build.phases:
                raise RuntimeError("the plugin reported no phases: was the build done by it?")
            (result.a if kind == "a" else result.b).append(build)
    return result


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def _spread(values: list[float], spec: str, scale: float = 1.0) -> str:
    """The median, and the lowest and highest in brackets when there are several; a dash for
    none."""
    if not values:
        return "—"
    low, mid, high = (format(v * scale, spec) for v in (min(values), _median(values), max(values)))
    return mid if len(values) == 1 else f"{mid} ({low} to {high})"


def _ratio(r: SizeResult, metric: str, spec: str) -> str:
    """a/b, the ratio of the medians, and the range of the ratios of each round's two runs
    (which holds it); a dash without (b)."""
    if not r.b:
        return "—"
    pairs = [x / y for x, y in zip(r.values("a", metric), r.values("b", metric), strict=True)]
    mid = format(r.median("a", metric) / r.median("b", metric), spec)
    return mid if len(pairs) == 1 else f"{mid} ({min(pairs):{spec}} to {max(pairs):{spec}})"


def _cell(value: float, spec: str) -> str:
    return "—" if math.isnan(value) else format(value, spec)


def _zensical_version() -> str:
    done = subprocess.run([str(ZENSICAL), "--version"], capture_output=True, text=True, check=False)
    return f"Zensical {done.stdout.strip()}" if done.returncode == 0 else "Zensical"


def _c_loader() -> str:
    from privacy_pages.load.yaml_source import C_LOADER

    return "yes" if C_LOADER else "no"


def report(results: list[SizeResult], elapsed: float, pathological_text: str = "") -> str:
    """The results as Markdown; ``pathological_text`` (the section of pathological.py), if
    any, comes last."""
    runs = ", ".join(f"{r.label}: {len(r.a)}" for r in results)
    only_a = [r.label for r in results if not r.b]
    lines = [
        "<!-- Written by benchmarks/bench.py (make bench); do not edit by hand. -->",
        "## Benchmark results",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- Machine: {machine()}",
        f"- Python {platform.python_version()}, mkdocs {version('mkdocs')}, "
        f"mkdocs-material {version('mkdocs-material')}, privacy-pages {version('privacy-pages')}, "
        f"PyYAML C loader: {_c_loader()}",
        f"- Total benchmark time: {elapsed:.0f} s",
        "",
        "### Method",
        "",
        "- Compared: (a) `mkdocs build` with the plugin, from the YAML records (MkDocs' process "
        "loads, checks and renders them: no other process, no build cache), and (b) `mkdocs "
        "build` of the same pages pre-rendered by `privacy-pages render` (the same pipeline), "
        "plugin off, with the same theme, options, nav, script and style sheet; beside them, "
        "(c) the same records on Zensical, which runs no MkDocs plugins: `privacy-pages render "
        "--host zensical`, then `zensical build` (its own table below).",
        "- Runs: each build in a fresh process; (a) and (b) take turns (a b, b a, ...) so that "
        f"other work on the machine slows both alike. Runs per size: {runs}."
        + (f" At {', '.join(only_a)} products only (a), once: it takes minutes." if only_a else ""),
        "- Numbers: the median of the runs, the lowest and highest in brackets; a/b is the ratio "
        "of the medians, with the lowest and highest ratio of the two runs of a round. Wall and "
        "CPU time run from loading the configuration to the end of the build (starting Python "
        "and importing MkDocs are not counted); memory is the peak RSS of the build's process; "
        "the plugin's phases are the times it takes itself (`SiteBuild.timings`).",
        "- Content: synthetic (`benchmarks/synthetic.py`): families of four platform variants, "
        "40 to 120 items per product from a shared catalog of up to 600, one comparison per "
        "family; lint-clean. Both sites list only the home page and the data-item index in the "
        "nav (`nav_products: false`; for (b) MkDocs' `not_in_nav`). Rows marked real-shape: "
        "the example site (`content/`, `site-src/`, its `mkdocs.yml` without the explicit nav) "
        "grown to that many products by copying its products under new ids "
        "(`benchmarks/real_shape.py`).",
        "",
        "### Builds (seconds)",
        "",
        "| products | items | pages | a: plugin | b: pre-rendered | a/b | c: Zensical "
        "| a per product (ms) | b per product (ms) | a: CPU | b: CPU | CPU a/b |",
        "| ---: |" + " ---: |" * 11,
    ]
    for r in results:
        lines.append(
            f"| {r.label} | {r.items} | {r.pages} | {_spread(r.values('a', 'wall'), '.2f')} | "
            f"{_spread(r.values('b', 'wall'), '.2f')} | {_ratio(r, 'wall', '.3f')} | "
            f"{_cell(r.zensical()[2], '.2f')} | "
            f"{r.per_product_ms('a'):.1f} | {_cell(r.per_product_ms('b'), '.1f')} | "
            f"{_spread(r.values('a', 'cpu'), '.2f')} | {_spread(r.values('b', 'cpu'), '.2f')} | "
            f"{_ratio(r, 'cpu', '.3f')} |"
        )
    with_c = [r for r in results if r.c]
    if with_c:
        lines += ["", "### The same pages on Zensical (seconds)", ""]
        lines.append(
            "| products | c: render | c: zensical build | c: both | c/b | c peak memory (MiB) |"
        )
        lines.append("| ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in with_c:
            render, build_c, both = r.zensical()
            memory = _median([b.rss_kib for _, b in r.c]) / 1024
            lines.append(
                f"| {r.products} | {render:.2f} | {build_c:.2f} | {both:.2f} | "
                f"{both / r.median('b', 'wall'):.3f} | {memory:.0f} |"
            )
        lines += [
            "",
            f"(c) is what a site on Zensical ({_zensical_version()}) runs: `privacy-pages render "
            "--host zensical --site-config` (the same pipeline, in its own process), then "
            "`zensical build --clean` of the pages (a cold build: Zensical's cache is cleared). "
            "Timed from outside each process, Python's start included; memory is the peak RSS of "
            "the build. Zensical runs no MkDocs plugins, so it has no (a).",
        ]
    lines += ["", "### Plugin phases in (a) (ms)", ""]
    lines.append("| products | " + " | ".join(PHASES) + " | total | per product | share of (a) |")
    lines.append("| ---: |" + " ---: |" * (len(PHASES) + 3))
    for r in results:
        cells = " | ".join(f"{r.phase(p) * 1000:.0f}" for p in PHASES)
        plugin = r.values("a", "plugin")
        lines.append(
            f"| {r.label} | {cells} | {_spread(plugin, '.0f', 1000)} | "
            f"{_median(plugin) / r.products * 1000:.1f} | {r.share:.1%} |"
        )
    lines += ["", *(f"- {name}: {what}." for name, what in PHASES.items())]
    lines += ["", "### Peak memory (MiB)", ""]
    lines.append("| products | a: plugin | b: pre-rendered | a/b | a - b |")
    lines.append("| ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        extra = r.median("a", "rss_kib") - r.median("b", "rss_kib")
        lines.append(
            f"| {r.label} | {_spread(r.values('a', 'rss_kib'), '.0f', 1 / 1024)} | "
            f"{_spread(r.values('b', 'rss_kib'), '.0f', 1 / 1024)} | "
            f"{_ratio(r, 'rss_kib', '.2f')} | {_cell(extra / 1024, '.0f')} |"
        )
    for r in (r for r in results if r.rebuilds):
        lines += ["", f"### Serve-style rebuilds ({r.products} products, one run)", ""]
        lines.append(
            "| build | whole build (s) | plugin phases (ms) | load (ms) "
            "| content files parsed | kept from the build before |"
        )
        lines.append("| :--- | ---: | ---: | ---: | ---: | ---: |")
        for kind, label in REBUILDS.items():
            one = r.rebuilds[kind]
            lines.append(
                f"| {label} | {one.wall:.2f} | {one.plugin * 1000:.0f} | "
                f"{one.phases.get('load', 0.0) * 1000:.0f} | {one.parsed} | {one.kept} |"
            )
        lines += [
            "",
            'As `mkdocs serve` runs them: one process, `on_startup(command="serve")` once, then '
            "a build per change with a freshly loaded configuration. The plugin keeps the parsed "
            "YAML in memory and parses only the files that changed; it checks and renders every "
            "page again.",
        ]
    with_edits = [r for r in results if r.edits]
    if with_edits:
        lines += ["", "### Edit → page under `make serve` (seconds)", ""]
        lines.append("| products | each edit | median |")
        lines.append("| :--- | ---: | ---: |")
        for r in with_edits:
            each = ", ".join(f"{seconds:.2f}" for seconds in r.edits)
            lines.append(f"| {r.label} | {each} | {_median(r.edits):.2f} |")
        lines += [
            "",
            "A real `mkdocs serve --dirty` (what `make serve` runs) in its own process; each edit "
            "changes one condition of a product's YAML and is timed from the save until the "
            "product's page, its comparisons and the data-item index all show the new text, "
            "polled over HTTP (`benchmarks/serve_latency.py`).",
        ]
    lines += ["", "### Where the time goes", "", where_time_goes(results)]
    profiled = next((r for r in results if r.profile), None)
    if profiled is not None:
        lines += ["", profile_line(profiled)]
    lines += ["", "### Budget", "", *budget_lines(results)]
    if pathological_text:
        lines += ["", pathological_text.rstrip("\n")]
    return "\n".join(lines) + "\n"


def _reference(results: list[SizeResult]) -> SizeResult | None:
    """The result at the reference size, else the largest one with (b)."""
    paired = [r for r in results if r.b]
    chosen = [r for r in paired if r.products == REFERENCE_SIZE] or paired[-1:]
    return chosen[0] if chosen else None


def where_time_goes(results: list[SizeResult]) -> str:
    """One paragraph, all from the medians: what (a) adds to (b), and where."""
    r = _reference(results)
    if r is None:
        return "Not measured: this run built no (b)."
    a, b, plugin = r.median("a", "wall"), r.median("b", "wall"), r.median("a", "plugin")
    setup_a, setup_b = r.median("a", "setup"), r.median("b", "setup")
    pages_a, pages_b = r.median("a", "pages"), r.median("b", "pages")
    top = " and ".join(f"{p} ({r.phase(p):.2f} s)" for p in sorted(PHASES, key=r.phase)[:-3:-1])
    return (
        f"At {r.products} products, (a) takes {a:.2f} s and (b), MkDocs alone on the same "
        f"pages, {b:.2f} s: the plugin adds "
        f"{a - b:.2f} s ({a / b - 1:+.1%}). Until MkDocs has its pages and nav, (a) takes "
        f"{setup_a:.2f} s and (b) {setup_b:.2f} s: the plugin's phases take {plugin:.2f} s "
        f"({r.share:.1%} of (a)), most in {top}; the other {setup_a - setup_b - plugin:.2f} s "
        "are loading the plugin with the configuration and handing MkDocs the generated files. "
        f"MkDocs' work on the pages (Markdown, the theme, search) takes {pages_a:.2f} s in (a), "
        f"the plugin's hooks on every page included, and {pages_b:.2f} s in (b) "
        f"({pages_a - pages_b:+.2f} s)."
    )


def profile_line(r: SizeResult) -> str:
    """Where one profiled build of (a) spends its time (cProfile's cumulative times, as shares
    of the build; profiling slows Python code, so these are shares, not seconds)."""
    parts = "; ".join(f"{label} {share:.0%}" for label, share in r.profile.get("shares", []))
    top = ", ".join(f"`{name}` {share:.1%}" for name, share in r.profile.get("top", []))
    return (
        f"One build of (a) at {r.label} products under cProfile: {parts}. The functions that "
        f"take the most time themselves: {top}."
    )


def _verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _deviation(costs: list[float]) -> float:
    """The largest deviation of any cost from the first, as a fraction of the first."""
    return max(abs(cost / costs[0] - 1) for cost in costs)


def _explain(text: str, whys: list[str]) -> None:
    """Add why a goal is missed, once: the first size that misses it explains it."""
    if not any(why.split(":")[0] == text.split(":")[0] for why in whys):
        whys += ["", text]


def budget_lines(results: list[SizeResult]) -> list[str]:
    """Every goal, judged: a flat time per product (synthetic content), a/b and memory at the
    reference size, edit → page under ``make serve``; by how much one is missed, and where the
    growth is if the time per product is not flat."""
    flat = [r for r in results if r.products >= 50 and r.shape == "synthetic"]
    lines: list[str] = []
    whys: list[str] = []
    if len(flat) >= 2:
        costs = [r.per_product_ms("a") for r in flat]
        deviation = _deviation(costs)
        sizes = ", ".join(f"{r.products}: {c:.1f} ms" for r, c in zip(flat, costs, strict=True))
        lines.append(
            f"- Time per product of (a) from {flat[0].products} to {flat[-1].products} products "
            f"({sizes}): largest deviation from the {flat[0].products}-product cost "
            f"{deviation:.0%} (goal: within {FLAT:.0%}): {_verdict(deviation <= FLAT)}"
        )
        if deviation > FLAT:
            plugin = [_median(r.values("a", "plugin")) / r.products * 1000 for r in flat]
            rest = [c - p for c, p in zip(costs, plugin, strict=True)]
            whys += [
                "",
                "Per product, the plugin's phases take "
                + ", ".join(f"{r.products}: {p:.1f} ms" for r, p in zip(flat, plugin, strict=True))
                + f" (largest deviation {_deviation(plugin):.0%}); the rest of the build "
                + ", ".join(f"{r.products}: {x:.1f} ms" for r, x in zip(flat, rest, strict=True))
                + f" (largest deviation {_deviation(rest):.0%}).",
            ]
    else:
        lines.append(
            "- Time per product: not judged: this run measured fewer than two sizes of 50 "
            "products or more"
        )
    paired = [r for r in results if r.products == REFERENCE_SIZE and r.b]
    if not paired:
        lines.append(f"- a/b at {REFERENCE_SIZE} products: not measured in this run")
    for r in paired:
        ratio = r.median("a", "wall") / r.median("b", "wall")
        memory = r.median("a", "rss_kib") / r.median("b", "rss_kib")
        lines.append(
            f"- Build time a/b at {r.label} products: {_ratio(r, 'wall', '.3f')}; CPU time a/b: "
            f"{_ratio(r, 'cpu', '.3f')} (goal: at most {A_OVER_B:.2f}): "
            f"{_verdict(ratio <= A_OVER_B)}"
            + ("" if ratio <= A_OVER_B else f", by {ratio - A_OVER_B:.3f}")
        )
        if ratio > A_OVER_B:
            _explain(
                f"Why a/b is missed: on top of what (b) does, (a) runs the plugin's phases "
                f"({r.median('a', 'plugin'):.2f} s at {r.label} products) and sanitizes every "
                "generated page. Python-Markdown still converts what the plugin does not write "
                "as HTML itself: headings, links to other pages, code, and the blocks around "
                "them (on the real-shape site about a fifth of the product pages' Markdown, "
                "on the synthetic one about an eighth). The theme costs both builds the same, "
                "and so does Material's search, except on the comparisons and the index, whose "
                "skipped cells it no longer parses in (a).",
                whys,
            )
        lines.append(
            f"- Peak memory a/b at {r.label} products: {_ratio(r, 'rss_kib', '.2f')} (goal: at "
            f"most {MEMORY_RATIO:.1f}): {_verdict(memory <= MEMORY_RATIO)}"
            + ("" if memory <= MEMORY_RATIO else f", by {memory - MEMORY_RATIO:.2f}")
        )
        if memory > MEMORY_RATIO:
            _explain(
                "Why peak memory is missed: on top of what (b) holds, (a) holds the model "
                "and the code of the plugin, and Python's allocator for small objects keeps "
                "the memory that loading and rendering took (it reuses it for later objects "
                "but does not give it back). A build already checks each product's record as "
                "it loads and lets it go, collects the cycles each page's templates leave, "
                "renders and converts the widest pages first and lets each generated page's "
                "text go once MkDocs has read it; what is left is the page MkDocs writes last "
                "(its theme, search and encoding copies) on top of every page's HTML, which "
                "MkDocs converts before it writes any.",
                whys,
            )
    for r in (r for r in results if r.edits):
        median = _median(r.edits)
        lines.append(
            f"- Edit → page under `make serve` at {r.label} products: median {median:.2f} s "
            f"(goal: at most {EDIT_SECONDS:.0f} s): {_verdict(median <= EDIT_SECONDS)}"
            + ("" if median <= EDIT_SECONDS else f", by {median - EDIT_SECONDS:.2f} s")
        )
        if median > EDIT_SECONDS:
            _explain(
                "Why edit → page is missed: a rebuild renders again only the pages whose inputs "
                "changed (of the data-item index, only the rows of the items whose products "
                "changed), converts and writes only the pages whose Markdown changed, and "
                "writes only the downloads that changed, and search reads again only the "
                "table rows that changed. But the plugin still loads and checks every record "
                "(it rebuilds the model from the kept parsed files), and a comparison that "
                "shows the edited product is rendered again and written whole: the "
                "real-shape site's comparison of every product has 200 columns (8 MB of "
                "HTML). MkDocs itself lists the theme's files and loads the configuration at "
                "each rebuild, and its file watcher polls every 0.5 s.",
                whys,
            )
    return lines + whys


def build_once(config: Path, out: Path) -> tuple[float, float]:
    """One build of ``config`` into ``out`` in a fresh process: (wall seconds, peak KiB), as
    the sections below measure each of their sites."""
    build = Build(**measure("build", str(config), str(out)))
    return build.wall, build.rss_kib


def languages_section(work: Path, runs: int) -> str:
    """The languages section (see languages.py), on the synthetic site of the reference size."""
    config_a, _, _, _ = prepare(work, REFERENCE_SIZE, plain=False)
    return languages.section(config_a.parent, work, REFERENCE_SIZE, runs, build_once)


def speedups_section(work: Path, runs: int) -> str:
    """The speed paths on and off (see speedups.py), on the synthetic site of the reference
    size."""
    config_a, _, _, _ = prepare(work, REFERENCE_SIZE, plain=False)
    return speedups.section(config_a.parent, work, REFERENCE_SIZE, runs, build_once)


def releases_section(work: Path, runs: int) -> str:
    """The release-history section (see releases.py), on the synthetic site of the reference
    size."""
    config_a, _, _, _ = prepare(work, REFERENCE_SIZE, plain=False)
    return releases.section(config_a.parent, work, REFERENCE_SIZE, runs, build_once)


def release_scale_section(work: Path, runs: int) -> str:
    """One product with 10, 30 and 100 releases (see release_scale.py)."""
    config_a, _, _, _ = prepare(work, 1, plain=False)
    return release_scale.section(config_a.parent, work, runs, build_once)


def large_inputs_section(work: Path, runs: int) -> str:
    """The section of 1 MB inputs for import and validate (see large_inputs.py)."""

    def seconds(command: list[str], cwd: Path) -> float:
        return measure_command([PYTHON, "-m", "privacy_pages", *command], cwd).wall

    return large_inputs.section(work / "large-inputs", runs, seconds)


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
        help=f"runs of (a) and of (b) per size up to {REFERENCE_SIZE} products "
        f"(default: %(default)s; smaller sizes: at least {SMALL_RUNS}; larger sizes: "
        f"{LARGE_RUNS} of (a))",
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
    parser.add_argument(
        "--real-shape",
        type=int,
        default=REFERENCE_SIZE,
        help="products of the real-shape site (default: %(default)s; 0: none)",
    )
    parser.add_argument(
        "--languages-only",
        action="store_true",
        help=f"measure only a site in three languages against one ({REFERENCE_SIZE} products)",
    )
    parser.add_argument(
        "--releases-only",
        action="store_true",
        help=f"measure only a site with ten releases against one without ({REFERENCE_SIZE} "
        "products)",
    )
    parser.add_argument(
        "--release-scale-only",
        action="store_true",
        help="measure only one product with 10, 30 and 100 releases (release_scale.py)",
    )
    parser.add_argument(
        "--large-only",
        action="store_true",
        help="measure only import and validate of 1 MB inputs (benchmarks/large_inputs.py)",
    )
    parser.add_argument(
        "--speedups-only",
        action="store_true",
        help=f"measure only the speed paths on and off ({REFERENCE_SIZE} products)",
    )
    parser.add_argument(
        "--pathological-only",
        action="store_true",
        help="measure only pathological text (benchmarks/pathological.py): its section alone",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    only = None
    if args.pathological_only:
        only = ("pathological-only", pathological.section(args.work / "pathological"))
    elif args.speedups_only:
        only = ("speedups-only", speedups_section(args.work, min(args.runs, REAL_RUNS)))
    elif args.languages_only:
        only = ("languages-only", languages_section(args.work, min(args.runs, REAL_RUNS)))
    elif args.releases_only:
        only = ("releases-only", releases_section(args.work, min(args.runs, REAL_RUNS)))
    elif args.release_scale_only:
        only = ("release-scale-only", release_scale_section(args.work, min(args.runs, REAL_RUNS)))
    elif args.large_only:
        only = ("large-only", large_inputs_section(args.work, min(args.runs, REAL_RUNS)))
    if only is not None:
        flag, section = only
        previous = args.output.read_text("utf-8") if args.output.is_file() else ""
        text = spliced(previous, section, flag)
    else:
        results = []
        for size in (int(s) for s in args.sizes.split(",")):
            print(f"[{time.perf_counter() - start:4.0f} s] {size} products ...", file=sys.stderr)
            large = size > REFERENCE_SIZE
            runs = LARGE_RUNS if large else args.runs
            if size < REFERENCE_SIZE:
                runs = max(runs, SMALL_RUNS)
            reference = size == REFERENCE_SIZE
            results.append(
                run_size(
                    args.work, size, runs, plain=not large, latency=reference, profile=reference
                )
            )
        if args.real_shape:
            print(f"[{time.perf_counter() - start:4.0f} s] real shape ...", file=sys.stderr)
            runs = min(args.runs, REAL_RUNS)
            results.append(
                run_size(
                    args.work, args.real_shape, runs, plain=True, shape="real-shape", latency=True
                )
            )
        print(f"[{time.perf_counter() - start:4.0f} s] languages ...", file=sys.stderr)
        section = languages_section(args.work, min(args.runs, REAL_RUNS)) + "\n"
        print(f"[{time.perf_counter() - start:4.0f} s] speed paths ...", file=sys.stderr)
        section += speedups_section(args.work, min(args.runs, REAL_RUNS)) + "\n"
        print(f"[{time.perf_counter() - start:4.0f} s] release history ...", file=sys.stderr)
        section += releases_section(args.work, min(args.runs, REAL_RUNS)) + "\n"
        print(
            f"[{time.perf_counter() - start:4.0f} s] releases of one product ...", file=sys.stderr
        )
        section += release_scale_section(args.work, min(args.runs, REAL_RUNS)) + "\n"
        print(f"[{time.perf_counter() - start:4.0f} s] inputs of 1 MB ...", file=sys.stderr)
        section += large_inputs_section(args.work, min(args.runs, REAL_RUNS)) + "\n"
        print(f"[{time.perf_counter() - start:4.0f} s] pathological text ...", file=sys.stderr)
        section += pathological.section(args.work / "pathological")
        text = report(results, time.perf_counter() - start, section)
    args.output.write_text(text, "utf-8")
    if str(args.site_copy) != "-":
        args.site_copy.parent.mkdir(parents=True, exist_ok=True)
        args.site_copy.write_text(text, "utf-8")
    print(text)
    return 0


def spliced(results: str, section: str, flag: str) -> str:
    """``results`` with its section of the same ``### heading`` replaced by ``section`` (a
    measurement of one part, with ``--<flag>``), said to be measured apart; added at their end
    when they have no such section yet (the section alone when there are no results)."""
    heading = section.lstrip().split("\n", 1)[0]
    day = time.strftime("%Y-%m-%d", time.gmtime())
    said = (
        f"(Measured on {day} with `bench.py --{flag}`, after the rest of this page, on "
        f"{machine()}: the next full `make bench` measures it with the rest.)"
    )
    head, _, rest = section.lstrip().partition("\n")
    section = f"{head}\n\n{said}\n{rest}".rstrip("\n") + "\n"
    lines = results.split("\n")
    if not results.strip():
        return f"<!-- Written by benchmarks/bench.py --{flag}. -->\n{section}"
    if heading not in lines:  # a section the last full run did not have
        return results.rstrip("\n") + "\n\n" + section
    start = lines.index(heading)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("### ")), len(lines))
    kept_after = "\n".join(lines[end:])
    return "\n".join(lines[:start]) + "\n" + section + ("\n" + kept_after if kept_after else "")


if __name__ == "__main__":
    sys.exit(main())
