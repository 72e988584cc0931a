"""Write what the importer makes of each corpus page (its record and its report) to a folder,
a file a page, so that a change meant to keep the import as it is can be checked in seconds.

    .venv/bin/python tools/import_snapshot.py OUT_DIR
    diff -r BEFORE_DIR AFTER_DIR

Only the pages not held out are imported (``tests/fixtures/import-corpus/README.md``): the
held-out pages are measured by ``tests/test_import_corpus.py``, by their sums, and never read.
Each page is imported on its own into an empty content folder: an empty diff means the importer
reads every page as before. What the corpus test adds (the catalog reused from page to page,
``--base-url``, the strict build) it does not see: where a page changed, or a change touches
those, read the page against its ``.expected.yml`` and run the corpus test.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "plugins"), str(REPO / "tests")]

from import_corpus import (  # type: ignore[import-not-found]  # noqa: E402
    HELD_OUT,
    IMPORT_DATE,
    corpus_pages,
)
from privacy_pages.importer import ImportOptions, format_report, read_pages  # noqa: E402
from privacy_pages.importer.writer import ContentTree  # noqa: E402


def snapshot(page: Path) -> str:
    """The record and the report the importer makes of ``page`` in an empty content folder."""
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder)
        options = ImportOptions(content_dir=content, dry_run=True, today=IMPORT_DATE)
        try:
            read = read_pages([(page, page.name)], ContentTree.load(content), options, None)
        except Exception as exc:  # a fault is a result to compare too
            return f"ERROR {type(exc).__name__}: {exc}\n"
        return f"{read.text}\n# ---- report\n{format_report(read.report)}".replace(
            folder, "CONTENT"
        )


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):  # a page no longer in the corpus is no difference
        old.unlink()
    pages = [page for page in corpus_pages() if page.group != HELD_OUT]
    for page in pages:
        (out / f"{page.slug}.txt").write_text(snapshot(page.path), "utf-8")
    print(f"wrote {len(pages)} page(s) to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
