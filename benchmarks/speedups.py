"""The speed paths on and off, side by side in one run (issue 56, point 2).

Two copies of the synthetic site: one with the plugin's default (``speedups: true``), one with
``speedups: false`` (Python-Markdown and Material's search do all the work on generated pages).
Their builds take turns (on off, off on, ...), each in a fresh process; the section gives the
medians and what the speed paths save. The pages are the same either way
(``tests/test_speedups.py`` compares them).
"""

from __future__ import annotations

import shutil
import statistics
from collections.abc import Callable
from pathlib import Path

import yaml

Measure = Callable[[Path, Path], tuple[float, float]]


def prepare(site: Path, work: Path) -> dict[bool, Path]:
    """The configuration of each copy of ``site``, by whether its speed paths are on."""
    configs = {}
    for on in (True, False):
        target = work / f"speedups-{'on' if on else 'off'}"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(site, target, ignore=shutil.ignore_patterns("site", "out"))
        config_file = target / "mkdocs.yml"
        config = yaml.safe_load(config_file.read_text("utf-8"))
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "privacy-pages" in plugin:
                plugin["privacy-pages"] = {**(plugin["privacy-pages"] or {}), "speedups": on}
        config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
        configs[on] = config_file
    return configs


def section(site: Path, work: Path, products: int, runs: int, measure: Measure) -> str:
    """The Markdown section of the results: ``measure(config, out)`` builds once in a fresh
    process and returns (wall seconds, peak KiB)."""
    configs = prepare(site, work)
    walls: dict[bool, list[float]] = {True: [], False: []}
    peaks: dict[bool, list[float]] = {True: [], False: []}
    for run in range(runs):
        for on in (True, False) if run % 2 == 0 else (False, True):
            wall, peak = measure(configs[on], configs[on].parent / "out")
            walls[on].append(wall)
            peaks[on].append(peak)
    wall_on, wall_off = statistics.median(walls[True]), statistics.median(walls[False])
    peak_on, peak_off = statistics.median(peaks[True]), statistics.median(peaks[False])
    return "\n".join(
        [
            "### Speed paths on and off",
            "",
            f"The synthetic site of {products} products built with the plugin's speed paths on "
            "(the default) and with `speedups: false` (Python-Markdown and Material's search do "
            f"all the work on generated pages), side by side in this run ({runs} builds each, "
            "taking turns, medians). The pages and the search index are the same either way "
            "(`tests/test_speedups.py` builds both and compares them).",
            "",
            "| | on | off | on/off |",
            "| --- | ---: | ---: | ---: |",
            f"| build time | {wall_on:.1f} s | {wall_off:.1f} s | {wall_on / wall_off:.2f} |",
            f"| peak memory | {peak_on / 1024:.0f} MiB | {peak_off / 1024:.0f} MiB | "
            f"{peak_on / peak_off:.2f} |",
            "",
        ]
    )
