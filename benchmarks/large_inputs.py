"""Inputs of 1 MB for ``privacy-pages import`` and ``validate``: their time should grow with
their size, not faster (issue 57, point 4).

- import: one page made of the import corpus's pages (tests/fixtures/import-corpus), their
  headings one level down under one title, repeated to the size asked for;
- validate: a translation file of one record of the small site (tests/fixtures/small), with
  one entry per field path of the record, then entries for field paths the record does not
  have (mistyped: each gets a "did you mean"), to the size asked for.

Each runs in a fresh process (measure.py) at a quarter, a half and all of 1 MB: linear time
shows as ratios of about 2 and 4.

    python bench.py --large-only
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = REPO / "tests" / "fixtures" / "import-corpus"
SMALL_SITE = REPO / "tests" / "fixtures" / "small"
#: The full size of each input (bytes); also measured at a quarter and a half of it.
SIZE = 1024 * 1024
SCALES = (0.25, 0.5, 1.0)


def import_page(size: int) -> str:
    """A privacy page of about ``size`` bytes made of the corpus pages, repeated."""
    bodies = []
    for path in sorted(CORPUS.glob("*.md")):
        text = path.read_text("utf-8")
        if text.startswith("---\n"):  # front matter: the page's own
            text = text.split("\n---\n", 1)[-1]
        bodies.append(re.sub(r"(?m)^(#{1,5}) ", r"#\1 ", text))
    parts = ["# Widget privacy\n\nWidget collects the data below.\n"]
    total = len(parts[0])
    while total < size:
        for body in bodies:
            parts.append(body)
            total += len(body)
            if total >= size:
                break
    return "\n".join(parts)


def translation_file(site: Path, size: int) -> Path:
    """A French translation of a record of ``site`` of about ``size`` bytes, most of it
    entries for field paths the record does not have."""
    from privacy_pages.load.text_fields import fingerprint, text_fields
    from privacy_pages.load.yaml_source import read_file

    record = "products/widget-android.yml"
    fields = {p: t for p, t, _ in text_fields(read_file(site / "content" / record, record))}
    lines = []
    for path, text in fields.items():
        lines += [f"{path}:", f"  source: '{fingerprint(text)}'", "  text: Traduit"]
    number = 0
    while sum(len(line) + 1 for line in lines) < size:
        path = next(iter(fields)) if number % 2 else list(fields)[-1]
        # Long and like the record's own paths: each is compared for a "did you mean".
        lines += [f"{path}.{'x' * 120}{number}:", "  source: '000000000000'", "  text: Traduit"]
        number += 1
    target = site / "content" / "translations" / "fr" / record
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", "utf-8")
    return target


def section(work: Path, runs: int, measure: Callable[[list[str], Path], float]) -> str:
    """The section of the results: the time of import and validate at each scale.
    ``measure(command, cwd)`` runs a command in a fresh process and returns its seconds."""
    rows = []
    for name, command in (("import", _import_command), ("validate", _validate_command)):
        times = []
        for scale in SCALES:
            folder = work / f"{name}-{scale}"
            if folder.exists():
                shutil.rmtree(folder)
            args = command(folder, int(SIZE * scale))
            times.append(min(measure(args, folder) for _ in range(runs)))
        ratios = " | ".join(f"{t / times[0]:.1f}" for t in times[1:])
        rows.append(f"| {name} | " + " | ".join(f"{t:.2f} s" for t in times) + f" | {ratios} |")
    return "\n".join(
        [
            "### Inputs of 1 MB",
            "",
            "`privacy-pages import` of one page, and `validate` of a site with one translation "
            "file, at a quarter, a half and all of 1 MB (best of the runs); linear time shows "
            "as ratios of about 2 and 4.",
            "",
            "| command | 256 KB | 512 KB | 1 MB | 512 KB / 256 KB | 1 MB / 256 KB |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            *rows,
        ]
    )


def _import_command(folder: Path, size: int) -> list[str]:
    shutil.copytree(SMALL_SITE, folder)
    page = folder / "page.md"
    page.write_text(import_page(size), "utf-8")
    return ["import", str(page), "--dry-run", "--config", str(folder / "mkdocs.yml")]


def _validate_command(folder: Path, size: int) -> list[str]:
    shutil.copytree(SMALL_SITE, folder)
    config = folder / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(
        text.replace("  - privacy-pages:\n", "  - privacy-pages:\n      languages: [fr]\n", 1),
        "utf-8",
    )
    translation_file(folder, size)
    return ["validate", "--config", str(config)]
