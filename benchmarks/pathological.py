"""Pathological text: one field made of one construct repeated, converted in linear time.

Python-Markdown used to take time quadratic in the length of a paragraph, list item or table
cell made of one repeated construct (brackets without ``]``, link targets without ``)``,
backticks, entities, escapes, emphasis, reference definitions, rules, many short lines), and a
line of nested list markers stopped the build; ``privacy_pages.markdown_text`` now keeps
each kind within a limit. For each class (:data:`CLASSES`) this measures 1, 4 and 16 times a
4 KB field (up to 64 KB), beside clean text of the same size:

- the field turned into HTML as the templates place it: ``block()`` (``cell()`` in a table)
  and Python-Markdown with the example site's extensions, best of a few runs;
- a real ``mkdocs build`` of a small site (``tests/fixtures/small``) with the field as a
  product's introduction, for a few classes, each build in a fresh process (``measure.py``).

Linear time shows as ratios of about 4 and 16. ``python benchmarks/bench.py --pathological-only``
runs this section alone.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import markdown
import yaml
from privacy_pages import memo
from privacy_pages.markdown_text import block, cell, indent

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
#: The small site whose product gets the field as its introduction.
SMALL_SITE = REPO / "tests" / "fixtures" / "small"
#: The size of 1x (characters); 16x is 64 KB.
UNIT = 4096
SCALES = (1, 4, 16)
#: The Markdown extensions of the example site (mkdocs.yml).
EXTENSIONS = ["admonition", "attr_list", "tables", "toc", "privacy_pages.learn_syntax"]
EXTENSION_CONFIGS = {"toc": {"permalink": True}}


def repeat(unit: str) -> Callable[[int], str]:
    return lambda size: unit * (size // len(unit))


#: Clean text: words and sentences, a link now and then, no construct repeated.
CLEAN = repeat("Widget collects the device name to show it in the admin center. ")
#: Each class of text that was super-linear (or stopped the build), by the text of its size.
CLASSES: dict[str, Callable[[int], str]] = {
    "opening brackets with no closing one": repeat("["),
    "bracket pairs then an opening bracket": repeat("[a] ["),
    "reference links with no closing bracket": repeat("[a][b"),
    "nested brackets": lambda size: "[" * (size // 2) + "]" * (size // 2),
    "link targets with no closing parenthesis": repeat("[a]("),
    "link targets with a quote": repeat("[a](b 'c) "),
    "image targets with no closing parenthesis": repeat("![a]("),
    "backticks": repeat("`"),
    "pairs of backticks": repeat("`` "),
    "code spans": repeat("`a` "),
    "entities": repeat("&amp;"),
    "ampersands": repeat("&"),
    "angle brackets": repeat("<"),
    "braces": repeat("{"),
    "backslashes": repeat("\\"),
    "emphasis": repeat("*a*"),
    "nested emphasis": lambda size: "*a " * (size // 6) + "b" + " c*" * (size // 6),
    "list markers on one line": repeat("+ "),
    "quote markers on a line each": lambda size: "\n".join(
        ">" * (k % 64) + " x" for k in range(size // 34)
    ),
    "rules between lines": repeat("a\n***\n"),
    "reference definitions between lines": repeat("a\n[x]: /u\n"),
    "setext underlines": repeat("a\n=\n"),
    "blank lines with spaces": repeat("\n \n"),
    "many short lines": repeat("a\n"),
}
#: Where the templates put a field: a product's introduction (overview.md.j2), an item's
#: description in a list (item.md.j2), a table cell (data-use.md.j2).
PLACES: dict[str, Callable[[str], str]] = {
    "as a product's introduction": lambda text: f"# P\n\n## Overview\n\n{block(text)}\n\n## N\n",
    "as an item's description in a list": lambda text: (
        f"## Data\n\n- **Name**: {indent(block(text), 4)}\n- Other\n\n## N\n"
    ),
    "in a table cell": lambda text: f"| Data | Use |\n| --- | --- |\n| Name | {cell(text)} |\n",
}
#: The head of each table: the times at each scale, and their ratios to 1x.
HEADER = "| text | 1x (4 KB) | 4x (16 KB) | 16x (64 KB) | 4x / 1x | 16x / 1x |"
#: The classes built as a real site.
BUILT = (
    "backticks",
    "ampersands",
    "list markers on one line",
    "many short lines",
    "reference links with no closing bracket",
    "link targets with no closing parenthesis",
)


def convert_ms(place: str, text: str, runs: int) -> float:
    """The best of ``runs`` conversions of ``text`` placed in ``place``: the escaping (with empty
    caches) and Python-Markdown, in milliseconds."""
    best = float("inf")
    for _ in range(runs):
        memo.clear()
        start = time.perf_counter()
        md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
        md.convert(PLACES[place](text))
        best = min(best, time.perf_counter() - start)
    return best * 1000


def build_seconds(work: Path, text: str) -> float:
    """The wall time of ``mkdocs build`` of the small site with ``text`` as the introduction of
    a product (the site allows 64 KB texts and uses the example site's extensions)."""
    site = work / "site"
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(SMALL_SITE, site)
    product = site / "content" / "products" / "widget-ios.yml"
    record = yaml.safe_load(product.read_text("utf-8"))
    record["intro"] = text
    product.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), "utf-8")
    config = site / "mkdocs.yml"
    options = "  - privacy-pages:\n      max_text_length: 70000\n"
    extensions = "markdown_extensions:\n" + "".join(
        f"  - {name}\n" for name in EXTENSIONS if name != "toc"
    )
    config.write_text(
        config.read_text("utf-8").replace("  - privacy-pages:\n", options)
        + extensions
        + "  - toc:\n      permalink: true\n",
        "utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(HERE / "measure.py"), "build", str(config), str(site / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"the build failed:\n{done.stderr[-2000:]}")
    wall: float = json.loads(done.stdout.strip().splitlines()[-1])["wall"]
    return wall


def _row(name: str, times: list[float], spec: str) -> str:
    cells = " | ".join(format(t, spec) for t in times)
    return f"| {name} | {cells} | {times[1] / times[0]:.1f} | {times[2] / times[0]:.1f} |"


def _code(text: str) -> str:
    """``text`` as inline code (a Python literal: its newlines show as ``\\n``)."""
    literal = repr(text)
    ticks = "`" * (max(map(len, re.findall("`+", literal)), default=0) + 1)
    return f"{ticks} {literal} {ticks}"


def section(work: Path) -> str:
    """Measure, and the results as a ``### Pathological text`` section of the report."""
    work.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    lines = [
        "### Pathological text",
        "",
        "One Markdown field made of one construct repeated, at 1, 4 and 16 times 4 KB, beside "
        "clean text of the same size. Python-Markdown used to take time quadratic in the length "
        "of such a field (or stopped with a RecursionError); `markdown_text` now keeps each kind "
        "of construct within a limit, so times grow about 4 and 16 times (less where 1x is still "
        "below a limit that 4x passes, and the text is then escaped or shown as code). Times are "
        "the best of a few runs of the escaping and of Python-Markdown with the example site's "
        "extensions.",
    ]
    for place in PLACES:
        lines += ["", f"#### A field converted to HTML {place} (ms)", "", HEADER]
        lines.append("| :--- |" + " ---: |" * 5)
        for name, text_of in {"clean text": CLEAN, **CLASSES}.items():
            texts = [text_of(UNIT * scale) for scale in SCALES]
            times = [convert_ms(place, text, 3 if len(text) < 30_000 else 2) for text in texts]
            lines.append(_row(name, times, ".1f"))
    lines += ["", "#### A whole `mkdocs build` (s), the field as a product's introduction", ""]
    lines.append(HEADER)
    lines.append("| :--- |" + " ---: |" * 5)
    for name in ("clean text", *BUILT):
        text_of = CLEAN if name == "clean text" else CLASSES[name]
        times = [build_seconds(work, text_of(UNIT * scale)) for scale in SCALES]
        lines.append(_row(name, times, ".2f"))
    lines += [
        "",
        "The build is that of a site with two products; the field's share of it is small. "
        "It includes the loader's link check (`load/links.py`), which converts a field that "
        "holds a `]` or a `<` the way a page holds it, with the same limits.",
        "",
        "The units repeated:",
        "",
        *(f"- {name}: {_code(CLASSES[name](200)[:24])}" for name in CLASSES),
        "",
        f"This section took {time.perf_counter() - start:.0f} s.",
    ]
    return "\n".join(lines) + "\n"
