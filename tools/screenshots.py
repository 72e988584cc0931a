"""Full-page screenshots of every kind of page of a built site, at a desktop and a phone width.

    python tools/screenshots.py [--site site] [--out screenshots]

(`make screenshots` builds the example site first). Serves the site on 127.0.0.1 and drives
Debian's Chromium (/usr/bin/chromium) with Playwright; requests to other hosts are blocked, as
the site must work with no network. Writes OUT/KIND-WIDTH.png, e.g. product-1280.png.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Route, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps calling out to Google's hosts.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: Width -> viewport height: a laptop and a phone (iPhone 12 to 15).
WIDTHS = {1280: 900, 390: 844}
#: The single pages of each kind: name -> path below the site root.
PAGES = {
    "home": "",
    "product": "privacy/intune/",
    "data-items": "privacy/data-items/",
    "what-changed": "privacy/changes/",
    "guide": "guide/",
}


def page_kinds(site: Path) -> dict[str, str]:
    """:data:`PAGES` and every comparison page the site has (compare-ID)."""
    compare = site / "privacy" / "compare"
    comparisons = {
        f"compare-{d.name}": f"privacy/compare/{d.name}/"
        for d in sorted(compare.iterdir())
        if (d / "index.html").is_file()
    }
    return {**PAGES, **comparisons}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def block_outside(route: Route) -> None:
    host = urlsplit(route.request.url).hostname
    if host in {"127.0.0.1", "localhost"}:
        route.continue_()
    else:
        route.abort()


def take(site: Path, out: Path) -> list[Path]:
    """Screenshot every page kind at every width into ``out``; returns the files written."""
    missing = [path for path in page_kinds(site).values() if not (site / path).exists()]
    if missing:
        raise SystemExit(f"not in {site}: {', '.join(missing)} (build the site first)")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
        )
        for width, height in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            context.route("**/*", block_outside)
            for name, path in page_kinds(site).items():
                page = context.new_page()
                page.goto(base + path, wait_until="load")
                target = out / f"{name}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                page.close()
                written.append(target)
            context.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site")
    parser.add_argument("--out", type=Path, default=Path("screenshots"), help="where to write")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"Chromium not found at {CHROMIUM}: apt-get install chromium", file=sys.stderr)
        return 1
    for path in take(args.site, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
