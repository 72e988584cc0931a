"""Edit → page under ``make serve``: a real ``mkdocs serve --dirty`` (what ``make serve`` runs),
a saved edit to a product's YAML, and the served pages polled over HTTP until the edit shows.

Each edit changes one condition of a product to a new text (or, with
:func:`catalog_edit_latencies`, the description of a catalog item). Before the server starts,
that text gets a text of its own, so that the pages showing it after the first build are known
(the product's page, the comparisons and the data-item index that show it). Each edit is timed
from the save until every one of those pages shows the new text: the time a writer waits, with
nothing stale by then. The server runs in its own process, as ``make serve`` does.

    python serve_latency.py SITE_DIR [EDITS]     # SITE_DIR holds mkdocs.yml and content/
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

#: The text the edits change (the synthetic content and the example content both have it).
#: A condition on a line of its own (not inside a flow mapping such as ``{condition: ...}``).
CONDITION = re.compile(r"(?m)^(\s+(?:- )?)condition: [^{}\n]+$")
#: A catalog item's description, the same way.
DESCRIPTION = re.compile(r"(?m)^(\s+(?:- )?)description: [^{}\n]+$")
#: Seconds to wait for the first build, and for one edit to show.
FIRST_BUILD, ONE_EDIT = 600.0, 120.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def _wait(urls: list[str], text: str, timeout: float) -> float:
    """Poll ``urls`` until each shows ``text``; the time at which the last one did."""
    deadline = time.perf_counter() + timeout
    pending = list(urls)
    while pending:
        page = _page(pending[0])
        if page is not None and text in page:
            pending.pop(0)
            continue
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{pending[0]} did not show {text!r} within {timeout:.0f} s")
        time.sleep(0.05)
    return time.perf_counter()


def _edited_product(site: Path) -> tuple[Path, str, str]:
    """A product with a condition, its family's comparison page and the index, as URL paths."""
    for path in sorted((site / "content" / "products").glob("*.yml")):
        text = path.read_text("utf-8")
        if CONDITION.search(text):
            return path, text, path.stem
    raise ValueError(f"no product in {site} has a condition to edit")


def edit_latencies(site: Path, edits: int = 3, pages_dir: str = "privacy") -> list[float]:
    """Serve ``site`` with ``mkdocs serve --dirty``; make ``edits`` edits to a product's
    condition one after the other; return the seconds from each save until every page that
    shows the edit shows it."""
    product, _, product_id = _edited_product(site)
    page = f"{pages_dir}/{product_id}/"
    return _timed_edits(site, product, CONDITION, "condition", pages_dir, [page], edits)


def catalog_edit_latencies(site: Path, edits: int = 3, pages_dir: str = "privacy") -> list[float]:
    """The same for an English catalog item's description (the first item of the first
    catalog file): it shows on the data-item index and the pages of the products that name it
    (in another language, as not yet translated)."""
    catalog = sorted((site / "content" / "catalog").glob("*.yml"))[0]
    found = re.search(r"(?m)^\s*- id: (\S+)$", catalog.read_text("utf-8"))
    if found is None:
        raise ValueError(f"no item in {catalog}")
    naming = [
        f"{pages_dir}/{path.stem}/"
        for path in sorted((site / "content" / "products").glob("*.yml"))
        if re.search(rf"ref: {re.escape(found.group(1))}$", path.read_text("utf-8"), re.M)
    ]
    pages = [f"{pages_dir}/data-items/", *naming]
    return _timed_edits(site, catalog, DESCRIPTION, "description", pages_dir, pages, edits)


def _timed_edits(
    site: Path,
    path: Path,
    field: re.Pattern[str],
    key: str,
    pages_dir: str,
    pages: list[str],
    edits: int,
) -> list[float]:
    """Give the first ``key`` of ``path`` (matched by ``field``) a text of its own, serve the
    site, find the pages that show it (of ``pages``, the first of which must, the comparisons
    and the index), then time ``edits`` edits to it."""
    original = path.read_text("utf-8")
    current = "if edited first"
    text = field.sub(rf"\1{key}: {current}", original, count=1)
    path.write_text(text, "utf-8")
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        command, cwd=site, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    page = f"{base}{pages[0]}"
    latencies = []
    try:
        _wait([page], "</html>", FIRST_BUILD)
        others = [f"{base}{other}" for other in pages[1:]]
        candidates = list(dict.fromkeys([page, *others, *_candidates(base, pages_dir)]))
        showing = [url for url in candidates if current in (_page(url) or "")]
        if page not in showing:
            raise ValueError(f"{page} does not show the {key} {current!r}")
        time.sleep(2.0)  # the watcher settles after the first build
        for number in range(edits):
            marker = f"if edited {number} {time.time_ns()}"
            text = text.replace(f"{key}: {current}", f"{key}: {marker}", 1)
            start = time.perf_counter()
            path.write_text(text, "utf-8")
            done = _wait(showing, marker, ONE_EDIT)
            latencies.append(done - start)
            current = marker
            time.sleep(1.0)  # let the rebuild's last writes and the watcher settle
    finally:
        server.terminate()
        server.wait(timeout=30)
        path.write_text(original, "utf-8")
    return latencies


def _candidates(base: str, pages_dir: str) -> list[str]:
    """The product pages' neighbours that may show a product's condition: every comparison
    (found from the data-item index's links) and the index itself."""
    index = f"{base}{pages_dir}/data-items/"
    found = set(re.findall(r'href="(?:\.\./)*compare/([^/"#]+)/', _page(index) or ""))
    return [index, *(f"{base}{pages_dir}/compare/{name}/" for name in sorted(found))]


def main(argv: list[str]) -> int:
    site = Path(argv[0])
    edits = int(argv[1]) if len(argv) > 1 else 3
    latencies = edit_latencies(site, edits)
    print("condition:", " ".join(f"{seconds:.2f}" for seconds in latencies))
    latencies = catalog_edit_latencies(site, edits)
    print("catalog item:", " ".join(f"{seconds:.2f}" for seconds in latencies))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
