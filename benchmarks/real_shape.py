"""Real-shape content for the benchmark: the example site grown to N products.

The example site's records (``content/``) are copied until there are N products: each copy of
a product gets a new id and name, and says what the original says. Its ``mkdocs.yml`` is the
example's without the explicit nav (a site of hundreds of products lists them some other way),
with the hand-written pages of ``site-src/``. Site (b) is the same pages rendered by
``privacy-pages render``, built with the plugin off.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
#: What the example site is made of (as the tests copy it).
PARTS = ("mkdocs.yml", "content", "site-src", "overrides", "schemas")


def _grow(products: Path, count: int) -> None:
    """Copy the product records in ``products`` until there are ``count`` of them."""
    originals = sorted(products.glob("*.yml"))
    copy = 0
    while len(list(products.glob("*.yml"))) < count:
        copy += 1
        for original in originals:
            if len(list(products.glob("*.yml"))) >= count:
                return
            text = original.read_text("utf-8")
            new_id = f"{original.stem}-copy-{copy}"
            text = re.sub(r"(?m)^id: .*$", f"id: {new_id}", text, count=1)
            text = re.sub(r"(?m)^name: (.*)$", rf"name: \1 (copy {copy})", text, count=1)
            (products / f"{new_id}.yml").write_text(text, "utf-8")


def prepare_real_shape(work: Path, products: int) -> tuple[Path, Path, int, int]:
    """Write site (a) and render site (b) under ``work``; return both config files, the item
    count and the page count (as :func:`bench.prepare` does)."""
    site = work / f"real-{products}"
    if site.exists():
        shutil.rmtree(site)
    a, b = site / "a", site / "b"
    a.mkdir(parents=True)
    for part in PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, a / part)
        else:
            shutil.copy2(source, a / part)
    _grow(a / "content" / "products", products)
    config: dict[str, Any] = yaml.safe_load((a / "mkdocs.yml").read_text("utf-8"))
    config.pop("nav", None)
    (a / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    command = [sys.executable, "-m", "privacy_pages", "render", "--config", str(a / "mkdocs.yml")]
    command += ["--out", str(b / "docs"), "--docs", str(a / "site-src")]
    subprocess.run(command, check=True, capture_output=True)
    from privacy_pages.render.paths import SCRIPT, STYLESHEET

    plain = dict(config, docs_dir="docs", extra_css=[STYLESHEET], extra_javascript=[SCRIPT])
    plain["plugins"] = [p for p in config["plugins"] if not _is_privacy_pages(p)]
    plain["theme"] = dict(config["theme"], custom_dir=str(a / "overrides"))
    (b / "mkdocs.yml").write_text(yaml.safe_dump(plain, sort_keys=False), "utf-8")
    items = sum(
        len(group.get("items", []))
        for record in (a / "content" / "products").glob("*.yml")
        for section in ("required", "optional")
        for group in ((yaml.safe_load(record.read_text("utf-8")) or {}).get(section) or {}).get(
            "groups", []
        )
    )
    pages = len(list((b / "docs").rglob("*.md")))
    return a / "mkdocs.yml", b / "mkdocs.yml", items, pages


def _is_privacy_pages(plugin: object) -> bool:
    return plugin == "privacy-pages" or (isinstance(plugin, dict) and "privacy-pages" in plugin)
