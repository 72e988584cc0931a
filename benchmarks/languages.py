"""A site in three languages against the same site in one, side by side in one run.

Two copies of one synthetic site, every text of every record translated into French and German
(``content/translations/``): (1) builds English only, (3) builds English, French and German
(through mkdocs-static-i18n). Their builds take turns (1 3, 3 1, ...), each in a fresh process
(measure.py): wall time and peak memory. Then, once each, MkDocs alone on the pages the plugin
writes (``privacy-pages render``), to show what the host's own work costs per language. Then
edit → page under ``mkdocs serve --dirty`` on the French pages of (3), for an edit to a
product's condition and to a catalog item's description: the French page shows the edited
English text as not yet translated.

    python languages.py WORK [PRODUCTS] [RUNS]
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import serve_latency  # noqa: E402

#: The goals of issue 33, as ratios of (3) over (1).
TIME_RATIO, MEMORY_RATIO, EDIT_SECONDS = 2.2, 1.5, 3.0
LANGUAGES = ("fr", "de")


def translate_all(content: Path, languages: tuple[str, ...]) -> int:
    """Write a complete, current translation of every record into each language (each text
    prefixed with the language's code). Returns the number of texts per language."""
    from privacy_pages.load.discovery import record_kind
    from privacy_pages.load.text_fields import fingerprint, text_fields
    from privacy_pages.load.translations import TRANSLATED_KINDS
    from privacy_pages.load.yaml_source import read_file

    count = 0
    for path in sorted(content.rglob("*.yml")):
        relative = path.relative_to(content)
        if record_kind(relative) not in TRANSLATED_KINDS:
            continue
        fields = list(text_fields(read_file(path, relative.as_posix())))
        count += len(fields)
        for language in languages:
            entries = {
                key: {"source": fingerprint(text), "text": f"{language.upper()} · {text}"}
                for key, text, _ in fields
            }
            target = content / "translations" / language / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False))
    return count


def prepare(site: Path, work: Path) -> tuple[Path, Path, int]:
    """Two copies of ``site`` (a folder with mkdocs.yml and content/), translated: one built in
    one language, one in three."""
    one, three = work / "languages-1", work / "languages-3"
    for target in (one, three):
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(site, target, ignore=shutil.ignore_patterns("site", "out"))
    texts = translate_all(one / "content", LANGUAGES)
    shutil.rmtree(three / "content")
    shutil.copytree(one / "content", three / "content")
    config_file = three / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    locales: list[dict[str, object]] = [{"locale": c, "name": c} for c in ("en", *LANGUAGES)]
    locales[0]["default"] = True
    config["plugins"].append({"i18n": {"docs_structure": "suffix", "languages": locales}})
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return one / "mkdocs.yml", three / "mkdocs.yml", texts


def host_alone(config: Path, measure: object) -> tuple[float, float]:
    """Build the pages the plugin writes for ``config``'s site with MkDocs alone, the plugin
    removed (``privacy-pages render --site-config``): (wall seconds, peak KiB)."""
    folder = config.parent / "host-alone"
    if folder.exists():
        shutil.rmtree(folder)
    command = [sys.executable, "-m", "privacy_pages", "render", "-f", str(config)]
    command += ["--out", str(folder / "docs"), "--docs", str(config.parent / "docs")]
    command += ["--site-config", str(folder / "mkdocs.yml")]
    subprocess.run(command, check=True, cwd=config.parent, stdout=subprocess.DEVNULL)
    return measure(folder / "mkdocs.yml", folder / "out")  # type: ignore[operator, no-any-return]


def section(site: Path, work: Path, products: int, runs: int, measure: object) -> str:
    """The Markdown section of the results: ``measure(config, out)`` builds once in a fresh
    process and returns (wall seconds, peak KiB)."""
    one, three, texts = prepare(site, work)
    walls: dict[int, list[float]] = {1: [], 3: []}
    peaks: dict[int, list[float]] = {1: [], 3: []}
    for run in range(runs):
        for count in (1, 3) if run % 2 == 0 else (3, 1):
            config = one if count == 1 else three
            wall, peak = measure(config, config.parent / "out")  # type: ignore[operator]
            walls[count].append(wall)
            peaks[count].append(peak)
    alone = {count: host_alone(config, measure) for count, config in ((1, one), (3, three))}
    alone_ratio = alone[3][0] / alone[1][0]
    alone_memory = alone[3][1] / alone[1][1]
    edits = serve_latency.edit_latencies(three.parent, 3, pages_dir="fr/privacy")
    catalog_edits = serve_latency.catalog_edit_latencies(three.parent, 3, pages_dir="fr/privacy")
    time_ratio = statistics.median(walls[3]) / statistics.median(walls[1])
    # What each language after the first adds, against what the goal leaves it.
    further = (statistics.median(walls[3]) - statistics.median(walls[1])) / 2
    allowed = (TIME_RATIO - 1) / 2
    memory_ratio = statistics.median(peaks[3]) / statistics.median(peaks[1])

    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"

    def cell(ok: bool) -> str:  # in a table cell: plain (the site compares the cells' text)
        return "met" if ok else "missed"

    return "\n".join(
        [
            "### Languages",
            "",
            f"The synthetic site of {products} products, every text of every record translated "
            f"into French and German ({texts} texts per language): built in English only (1) "
            "and in English, French and German (3), side by side in this run "
            f"({runs} builds each, taking turns, medians). mkdocs-static-i18n builds each "
            "language as a build of its own: the default language's build reads and checks "
            "the records, and links each language's model, once for all; each build renders "
            "its language's pages.",
            "",
            "| | (1) one language | (3) three languages | (3)/(1) | goal |",
            "| --- | ---: | ---: | ---: | --- |",
            f"| build time | {statistics.median(walls[1]):.1f} s | "
            f"{statistics.median(walls[3]):.1f} s | {time_ratio:.2f} | ≤ {TIME_RATIO} "
            f"({cell(time_ratio <= TIME_RATIO)}) |",
            f"| peak memory | {statistics.median(peaks[1]) / 1024:.0f} MiB | "
            f"{statistics.median(peaks[3]) / 1024:.0f} MiB | {memory_ratio:.2f} | ≤ "
            f"{MEMORY_RATIO} ({cell(memory_ratio <= MEMORY_RATIO)}) |",
            f"| MkDocs alone, once each | {alone[1][0]:.1f} s, {alone[1][1] / 1024:.0f} MiB | "
            f"{alone[3][0]:.1f} s, {alone[3][1] / 1024:.0f} MiB | {alone_ratio:.2f}, "
            f"{alone_memory:.2f} | — |",
            "",
            f"Each language after the first adds {further:.1f} s, "
            f"{further / statistics.median(walls[1]):.0%} of the one-language build; the goal "
            f"leaves it {allowed:.0%}. A language's pages are pages of their own: each is "
            "rendered, sanitized, converted, indexed for search and written by MkDocs and "
            "Material; only reading and checking the records is shared. In the last row, MkDocs and Material alone, without the plugin, build the "
            "pages the plugin writes (`privacy-pages render --site-config`): they take "
            f"{alone_ratio:.2f} times as long for three languages as for one, so the host's own "
            "work on a language's pages, which no plugin can share between languages, is "
            + ("already over the goal." if alone_ratio > TIME_RATIO else "within the goal.")
            + " Memory likewise: MkDocs converts every page before it writes any, so each "
            "language's pages are held as HTML at once, and Material's search holds each "
            "page's text until it writes its index; MkDocs alone holds "
            f"{alone_memory:.2f} times as much for three languages as for one"
            + (
                ", over the goal before the plugin adds anything."
                if alone_memory > MEMORY_RATIO
                else "."
            ),
            "",
            f"Edit → page in French under `mkdocs serve --dirty` (3), a product's condition: "
            f"{', '.join(f'{s:.2f} s' for s in edits)}; a catalog item's description, edited "
            "in English (the French pages that show it then show it as not yet translated): "
            f"{', '.join(f'{s:.2f} s' for s in catalog_edits)}; goal ≤ {EDIT_SECONDS:.0f} s "
            f"({verdict(max(edits + catalog_edits) <= EDIT_SECONDS)}).",
            "",
        ]
    )
