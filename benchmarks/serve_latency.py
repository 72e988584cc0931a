"""Edit → page under ``make serve``: a real ``mkdocs serve --dirty`` (what ``make serve`` runs),
a saved edit to a product's YAML, and the served pages polled over HTTP until the edit shows.

Each edit changes one condition of a product to a new text. Before the server starts, that
condition gets a text of its own, so that the pages showing it after the first build are known
(the product's page, the comparisons and the data-item index that show it). Each edit is timed
from the save until every one of those pages shows the new text: the time a writer waits, with
nothing stale by then. The server runs in its own process, as
``make serve`` does.

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
    """Serve ``site`` with ``mkdocs serve --dirty``; make ``edits`` edits one after the other;
    return the seconds from each save until every page that shows the edit shows it."""
    product, original, product_id = _edited_product(site)
    current = "if edited first"
    text = CONDITION.sub(rf"\1condition: {current}", original, count=1)
    product.write_text(text, "utf-8")
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        command, cwd=site, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    page = f"{base}{pages_dir}/{product_id}/"
    latencies = []
    try:
        _wait([page], "</html>", FIRST_BUILD)
        candidates = [page, *_candidates(base, pages_dir)]
        showing = [url for url in candidates if current in (_page(url) or "")]
        if page not in showing:
            raise ValueError(f"{page} does not show the condition {current!r}")
        time.sleep(2.0)  # the watcher settles after the first build
        for number in range(edits):
            marker = f"if edited {number} {time.time_ns()}"
            text = text.replace(f"condition: {current}", f"condition: {marker}", 1)
            start = time.perf_counter()
            product.write_text(text, "utf-8")
            done = _wait(showing, marker, ONE_EDIT)
            latencies.append(done - start)
            current = marker
            time.sleep(1.0)  # let the rebuild's last writes and the watcher settle
    finally:
        server.terminate()
        server.wait(timeout=30)
        product.write_text(original, "utf-8")
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
    print(" ".join(f"{seconds:.2f}" for seconds in latencies))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
