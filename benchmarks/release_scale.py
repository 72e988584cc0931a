"""One product with 10, 30 and 100 releases: the build grows with the releases, not their pairs.

A synthetic site of one product; each release (recorded with ``privacy-pages snapshot``)
changes its summary, so that every release is a version of the statement with a page of its
own and a comparison with the one before (its change-history entry) and with the newest. Each
count is built in a fresh process (measure.py), as is the same site without history (0): the
time above it, per release, stays about the same as the releases grow when the build is linear
in them (every pair of versions with a page grew with their square: 30 releases took 27 s, 60
almost 10 minutes).

    python bench.py --release-scale-only
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import shutil
import statistics
from collections.abc import Callable
from pathlib import Path

#: The release counts measured (0: the same site without history, the base).
COUNTS = (0, 10, 30, 100)


def prepare(site: Path, work: Path, count: int) -> Path:
    """A copy of ``site`` (a folder with mkdocs.yml and content/ of one product) with
    ``count`` releases, each changing the product; returns its config."""
    from privacy_pages.cli import main

    target = work / f"release-scale-{count}"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(site, target, ignore=shutil.ignore_patterns("site", "out"))
    shutil.rmtree(target / "content" / "history", ignore_errors=True)
    [product] = sorted((target / "content" / "products").glob("*.yml"))
    day = dt.date(2020, 1, 1)
    for number in range(count):
        text = product.read_text("utf-8")
        revised = re.sub(
            r"^summary: .*$", f"summary: Revised in release {number}.", text, count=1, flags=re.M
        )
        assert revised != text, f"{product}: no summary to revise"
        product.write_text(revised, "utf-8")
        with contextlib.redirect_stdout(io.StringIO()):  # a line per release: not the results
            code = main(
                [
                    "snapshot",
                    "--version",
                    f"1.{number}.0",
                    "--date",
                    (day + dt.timedelta(days=number)).isoformat(),
                    "--config",
                    str(target / "mkdocs.yml"),
                ]
            )
        assert code == 0, f"release 1.{number}.0 not recorded"
    return target / "mkdocs.yml"


def _pages(out: Path, folder: str) -> int:
    """The pages (and redirect files) the build wrote under each product's ``folder``."""
    return sum(1 for _ in out.glob(f"privacy/*/{folder}/*/index.html"))


def section(
    site: Path,
    work: Path,
    runs: int,
    measure: Callable[[Path, Path], tuple[float, float]],
) -> str:
    """The Markdown section of the results: ``measure(config, out)`` builds once in a fresh
    process and returns (wall seconds, peak KiB)."""
    configs = {count: prepare(site, work, count) for count in COUNTS}
    walls: dict[int, list[float]] = {count: [] for count in COUNTS}
    peaks: dict[int, list[float]] = {count: [] for count in COUNTS}
    written: dict[int, tuple[int, int]] = {}
    for run in range(runs):
        order = COUNTS if run % 2 == 0 else tuple(reversed(COUNTS))
        for count in order:
            config = configs[count]
            out = config.parent / "out"
            wall, peak = measure(config, out)
            walls[count].append(wall)
            peaks[count].append(peak)
            written[count] = (_pages(out, "releases"), _pages(out, "compare"))
    base = statistics.median(walls[0])
    rows = []
    for count in COUNTS:
        wall = statistics.median(walls[count])
        versions, compared = written[count]
        per = f"{(wall - base) / count * 1000:.0f} ms" if count else "—"
        rows.append(
            f"| {count} | {wall:.1f} s | {per} | {versions} | {compared} | "
            f"{statistics.median(peaks[count]) / 1024:.0f} MiB |"
        )
    return "\n".join(
        [
            "### Releases of one product",
            "",
            "A synthetic site of one product with 0, 10, 30 and 100 releases, each changing its "
            "statement: a page per version, and an address per comparison (each version with "
            "the one before, which leads to its change-history entry, and with the newest, a "
            "page). Above the build without history, the time per release stays about the "
            "same as the releases grow: the build is linear in them. Side by side in this run "
            f"({runs} builds each, taking turns, medians).",
            "",
            "| releases | build time | above (0), per release | version addresses "
            "| comparison addresses | peak memory |",
            "| ---: | ---: | ---: | ---: | ---: | ---: |",
            *rows,
            "",
        ]
    )
