"""Run one measured ``mkdocs build`` in this process and print what it cost, as JSON.

The benchmark runs this script in a fresh subprocess for every measurement, so that each build
starts cold and the peak memory (RSS) of the process is the build's own: the plugin builds in
MkDocs' process and starts no other. Wall and CPU time run from loading the configuration to
the end of the build (starting Python and importing MkDocs are not counted).

    python measure.py build MKDOCS_YML SITE_DIR      # one build, as `mkdocs build` runs it
    python measure.py command CWD -- COMMAND...       # any command, e.g. `zensical build`
    python measure.py profile MKDOCS_YML SITE_DIR    # one build under cProfile: where it goes
    python measure.py rebuild MKDOCS_YML SITE_DIR YAML_FILE
        # as `mkdocs serve` runs them: on_startup(command="serve") once, then a cold build, a
        # rebuild with nothing changed and a rebuild after YAML_FILE changed
"""

from __future__ import annotations

import cProfile
import json
import logging
import os
import pstats
import resource
import subprocess
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


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_kib() -> int:
    """The peak RSS of this process so far (ru_maxrss is in KiB on Linux)."""
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


class Probe(BasePlugin):  # type: ignore[type-arg, no-untyped-call]
    """Notes when MkDocs has its files and nav (after every plugin's ``on_files``, the plugin's
    whole pipeline among them), just before it turns the pages into HTML."""

    at_nav = 0.0

    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        self.at_nav = time.perf_counter()
        return nav


def one_build(config_file: str, site_dir: str, command: str | None = None) -> dict[str, Any]:
    """One build, as ``mkdocs build`` runs it (``command``: also announce it to the plugins with
    on_startup/on_shutdown, as the command line does; the rebuilds of ``mkdocs serve`` do not).

    ``setup`` is the time until MkDocs has its nav, the rest is MkDocs' work on the pages;
    ``phases`` are the plugin's own (``plugin.pages.build.timings``; none without the plugin);
    ``parsed`` and ``kept`` count the content files its serve cache has parsed and reused so far.
    """
    start, cpu = time.perf_counter(), cpu_seconds()
    config = load_config(config_file, site_dir=site_dir)
    probe = config.plugins["benchmark-probe"] = Probe()
    if command is not None:
        config.plugins.on_startup(command=command, dirty=False)  # type: ignore[arg-type]
    try:
        build(config)
    finally:
        if command is not None:
            config.plugins.on_shutdown()
    wall, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    plugin = config.plugins.get("privacy-pages")
    pages = getattr(plugin, "pages", None)  # not imported: (b) must not load the plugin
    site = getattr(pages, "build", None)
    cache = getattr(getattr(plugin, "serve", None), "content", None)
    return {
        "wall": wall,
        "setup": probe.at_nav - start,
        "cpu": cpu,
        "rss_kib": peak_rss_kib(),
        "phases": dict(site.timings) if site is not None else {},
        "parsed": cache.misses if cache is not None else 0,
        "kept": cache.hits if cache is not None else 0,
    }


def serve_builds(config_file: str, site_dir: str, touched: Path) -> dict[str, Any]:
    """What ``mkdocs serve`` does: startup once, then a build per change, each with a freshly
    loaded config (MkDocs keeps plugin objects that have on_startup across them)."""
    config = load_config(config_file, site_dir=site_dir)
    config.plugins.on_startup(command="serve", dirty=False)
    builds: dict[str, Any] = {}
    try:
        builds["cold"] = one_build(config_file, site_dir)
        builds["unchanged"] = one_build(config_file, site_dir)
        touched.write_text(touched.read_text("utf-8") + "\n", "utf-8")
        os.utime(touched, ns=(time.time_ns(), time.time_ns()))
        builds["touched"] = one_build(config_file, site_dir)
    finally:
        config.plugins.on_shutdown()
    parsed = kept = 0  # the cache's counters add up: each build's own are the differences
    for one in builds.values():
        one["parsed"], parsed = one["parsed"] - parsed, one["parsed"]
        one["kept"], kept = one["kept"] - kept, one["kept"]
    return builds


#: What the profile reports: (label, file the function is in, function name); each one's
#: cumulative time, as a share of the build.
PROFILED = [
    ("the plugin's pipeline (load, check, render)", "privacy_pages/pipeline.py", "build_site"),
    ("Python-Markdown on every page", "mkdocs/structure/pages.py", "render"),
    ("MkDocs writing each page (the theme, search)", "mkdocs/commands/build.py", "_build_page"),
    ("of which Material's search parsing each page's HTML", "search/plugin.py", "on_page_context"),
    ("the plugin's page hooks (blocks, sanitizer)", "mkdocs_plugin/plugin.py", "_page_content"),
]


def profiled_build(config_file: str, site_dir: str) -> dict[str, Any]:
    """One build under cProfile: the share of the build in each entry of :data:`PROFILED`, and
    the functions that take the most time themselves."""
    profile = cProfile.Profile()
    profile.enable()
    one_build(config_file, site_dir, "build")
    profile.disable()
    stats: dict[Any, Any] = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in stats.values())
    shares = []
    for label, file, function in PROFILED:
        spent = sum(
            entry[3]
            for (path, _, name), entry in stats.items()
            if path.endswith(file) and name == function
        )
        shares.append((label, spent / total if total else 0.0))
    own = sorted(stats.items(), key=lambda item: item[1][2], reverse=True)[:5]
    top = [
        (f"{'/'.join(Path(path).parts[-2:])}:{name}", entry[2] / total if total else 0.0)
        for (path, _, name), entry in own
    ]
    return {"shares": shares, "top": top}


def one_command(cwd: str, command: list[str]) -> dict[str, Any]:
    """Run ``command`` in ``cwd`` as this process's only child: its wall time, CPU time and
    peak RSS (for a site generator that is not Python-in-process, such as Zensical)."""
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "wall": time.perf_counter() - start,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_kib": int(usage.ru_maxrss),
    }


def main(argv: list[str]) -> int:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    if argv[:1] == ["command"]:
        separator = argv.index("--")
        print(json.dumps(one_command(argv[1], argv[separator + 1 :])))
        return 0
    mode, config_file, site_dir = argv[:3]
    if mode == "build":
        result = one_build(config_file, site_dir, "build")
    elif mode == "profile":
        result = profiled_build(config_file, site_dir)
    elif mode == "rebuild":
        result = serve_builds(config_file, site_dir, Path(argv[3]))
    else:
        print(f"unknown mode {mode!r}", file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
