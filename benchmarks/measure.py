"""Run one measured ``mkdocs build`` in this process and print what it cost, as JSON.

The benchmark runs this script in a fresh subprocess for every measurement, so that each build
starts cold and its peak memory (RSS) is its own.

    python measure.py build MKDOCS_YML SITE_DIR      # one build
    python measure.py rebuild MKDOCS_YML SITE_DIR YAML_FILE
        # serve-style: a cold build, a rebuild with nothing changed, a rebuild after touching
        # YAML_FILE, each with the plugin's own time
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


def plugin_phases(config: Any) -> dict[str, float]:
    plugin = config.plugins.get("privacy-pages")
    site_build = getattr(plugin, "build", None)
    return dict(getattr(site_build, "timings", {}) or {})


def one_build(config_file: str, site_dir: str) -> dict[str, Any]:
    start = time.perf_counter()
    config = load_config(config_file, site_dir=site_dir)
    build(config)
    wall = time.perf_counter() - start
    return {"wall": wall, "phases": plugin_phases(config)}


def main(argv: list[str]) -> int:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    mode, config_file, site_dir = argv[:3]
    if mode == "build":
        result = one_build(config_file, site_dir)
    elif mode == "rebuild":
        touched = Path(argv[3])
        cold = one_build(config_file, site_dir)
        unchanged = one_build(config_file, site_dir)
        os.utime(touched, ns=(time.time_ns(), time.time_ns()))
        touched.write_text(touched.read_text("utf-8") + "\n", "utf-8")
        after_touch = one_build(config_file, site_dir)
        result = {"cold": cold, "unchanged": unchanged, "touched": after_touch}
    else:
        print(f"unknown mode {mode!r}", file=sys.stderr)
        return 2
    result["max_rss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
