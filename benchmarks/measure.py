"""Run one measured ``mkdocs build`` in this process and print what it cost, as JSON.

The benchmark runs this script in a fresh subprocess for every measurement, so that each build
starts cold and its peak memory (RSS) is its own. The CPU time it reports includes the process
the plugin forks to render pages beside MkDocs (waited for before the build ends).

    python measure.py build MKDOCS_YML SITE_DIR      # one build, as `mkdocs build` runs it
    python measure.py rebuild MKDOCS_YML SITE_DIR YAML_FILE
        # as `mkdocs serve` runs them: a cold build, a rebuild with nothing changed, a rebuild
        # after YAML_FILE changed, each with the plugin's own time
"""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation


def peak_rss_kib() -> int:
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


class Probe(BasePlugin):  # type: ignore[type-arg, no-untyped-call]
    """Notes the peak memory so far when MkDocs has its files and navigation, which is right
    after the plugins' ``on_files``: with privacy-pages, the peak of the plugin's own build."""

    peak_at_nav_kib = 0

    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        self.peak_at_nav_kib = peak_rss_kib()
        return nav


def plugin_phases(config: Any) -> dict[str, float]:
    """The plugin's phases in MkDocs' process (``wait``: waiting for the background build)."""
    plugin = config.plugins.get("privacy-pages")
    return dict(getattr(plugin, "timings", {}) or {})


def background_phases(config: Any) -> dict[str, float]:
    """The phases of the process that rendered the pages beside MkDocs, if one did."""
    plugin = config.plugins.get("privacy-pages")
    return dict(getattr(plugin, "background_timings", {}) or {})


def one_build(config_file: str, site_dir: str, command: str | None = None) -> dict[str, Any]:
    """One build, as ``mkdocs build`` runs it (``command``: also announce it to the plugins
    with on_startup/on_shutdown, as the command line does; rebuilds of ``mkdocs serve`` do not)."""
    start = time.perf_counter()
    config = load_config(config_file, site_dir=site_dir)
    probe = Probe()
    config.plugins["benchmark-probe"] = probe
    if command is not None:
        config.plugins.on_startup(command=command, dirty=False)  # type: ignore[arg-type]
    try:
        build(config)
    finally:
        if command is not None:
            config.plugins.on_shutdown()
    wall = time.perf_counter() - start
    return {
        "wall": wall,
        "phases": plugin_phases(config),
        "background": background_phases(config),
        "peak_at_nav_kib": probe.peak_at_nav_kib,
    }


def serve_builds(config_file: str, site_dir: str, touched: Path) -> dict[str, Any]:
    """What ``mkdocs serve`` does: startup once, then a build per change, each with a freshly
    loaded config (MkDocs keeps plugin objects that have on_startup across them)."""
    config = load_config(config_file, site_dir=site_dir)
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        cold = one_build(config_file, site_dir)
        unchanged = one_build(config_file, site_dir)
        os.utime(touched, ns=(time.time_ns(), time.time_ns()))
        touched.write_text(touched.read_text("utf-8") + "\n", "utf-8")
        after_touch = one_build(config_file, site_dir)
    finally:
        config.plugins.on_shutdown()
    return {"cold": cold, "unchanged": unchanged, "touched": after_touch}


def main(argv: list[str]) -> int:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    mode, config_file, site_dir = argv[:3]
    if mode == "build":
        result = one_build(config_file, site_dir, "build")
    elif mode == "rebuild":
        result = serve_builds(config_file, site_dir, Path(argv[3]))
    else:
        print(f"unknown mode {mode!r}", file=sys.stderr)
        return 2
    result["max_rss_kib"] = peak_rss_kib()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the background build, if any
    result["child_max_rss_kib"] = int(children.ru_maxrss)
    # Every process of the build, imports included.
    result["cpu"] = usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
