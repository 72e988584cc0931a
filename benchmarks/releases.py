"""A site with ten releases against the same site without history, side by side in one run.

Two copies of one synthetic site: (0) has no release history; (10) has ten releases recorded
with ``privacy-pages snapshot``, each changing a tenth of the products (their summary), so that
every version of every statement gets its page (and its comparisons, see release_scale.py). The
content of both is the same at the end. Their builds take turns (0 10, 10 0, ...), each in a
fresh process (measure.py): wall time and peak memory.

    python bench.py --releases-only
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import statistics
from collections.abc import Callable
from pathlib import Path

#: The goal of issue 34: the build with ten releases takes at most this many times the build
#: without history.
TIME_RATIO = 1.6
RELEASES = 10


def prepare(site: Path, work: Path) -> tuple[Path, Path, int]:
    """Two copies of ``site`` (a folder with mkdocs.yml and content/): one without history,
    one with :data:`RELEASES` releases. Returns their configs and the number of pages the
    releases add."""
    from privacy_pages.cli import main

    plain, history = work / "releases-0", work / "releases-10"
    for target in (plain, history):
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(site, target, ignore=shutil.ignore_patterns("site", "out"))
        shutil.rmtree(target / "content" / "history", ignore_errors=True)
    products = sorted((history / "content" / "products").glob("*.yml"))
    tenth = max(1, len(products) // 10)
    day = dt.date(2026, 1, 1)
    for number in range(RELEASES):
        if number:  # the first release publishes every statement as it is
            for path in products[(number - 1) * tenth : number * tenth]:
                text = path.read_text("utf-8")
                revised = re.sub(
                    r"^summary: .*$",
                    f"summary: Revised in release {number}.",
                    text,
                    count=1,
                    flags=re.M,
                )
                assert revised != text, f"{path}: no summary to revise"
                path.write_text(revised, "utf-8")
        code = main(
            [
                "snapshot",
                "--version",
                f"1.{number}.0",
                "--date",
                (day + dt.timedelta(days=7 * number)).isoformat(),
                "--config",
                str(history / "mkdocs.yml"),
            ]
        )
        assert code == 0, f"release 1.{number}.0 not recorded"
    for path in products:  # the same content at the end, without history
        shutil.copy2(path, plain / "content" / "products" / path.name)
    changed = tenth * (RELEASES - 1)
    # A page per earlier version; the version in effect is the product's page, and what
    # changed from one version to the next is in the newer one's change-history entry (their
    # addresses lead there). Each changed product has two versions: no other pair to compare.
    pages = changed
    return plain / "mkdocs.yml", history / "mkdocs.yml", pages


def section(
    site: Path,
    work: Path,
    products: int,
    runs: int,
    measure: Callable[[Path, Path], tuple[float, float]],
) -> str:
    """The Markdown section of the results: ``measure(config, out)`` builds once in a fresh
    process and returns (wall seconds, peak KiB)."""
    plain, history, pages = prepare(site, work)
    walls: dict[int, list[float]] = {0: [], 10: []}
    peaks: dict[int, list[float]] = {0: [], 10: []}
    for run in range(runs):
        for count in (0, 10) if run % 2 == 0 else (10, 0):
            config = plain if count == 0 else history
            wall, peak = measure(config, config.parent / "out")
            walls[count].append(wall)
            peaks[count].append(peak)
    ratio = statistics.median(walls[10]) / statistics.median(walls[0])
    memory = statistics.median(peaks[10]) / statistics.median(peaks[0])
    verdict = "met" if ratio <= TIME_RATIO else "missed"
    return "\n".join(
        [
            "### Release history",
            "",
            f"The synthetic site of {products} products without history (0), and with "
            f"{RELEASES} releases (10), each changing a tenth of the products, so that the "
            f"site has {pages} more pages (a page per earlier version of a statement) and the "
            "addresses of the versions in effect and of their comparisons with the version "
            "before, which lead to the product's page and its change-history entry. Side by "
            f"side in this run ({runs} builds each, taking turns, medians).",
            "",
            "| | (0) no history | (10) ten releases | (10)/(0) | goal |",
            "| --- | ---: | ---: | ---: | --- |",
            f"| build time | {statistics.median(walls[0]):.1f} s | "
            f"{statistics.median(walls[10]):.1f} s | {ratio:.2f} | ≤ {TIME_RATIO} ({verdict}) |",
            f"| peak memory | {statistics.median(peaks[0]) / 1024:.0f} MiB | "
            f"{statistics.median(peaks[10]) / 1024:.0f} MiB | {memory:.2f} | — |",
            "",
        ]
    )
