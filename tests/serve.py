"""A real `mkdocs serve` for tests: the server on a free port, and pages fetched from it
(waiting for the server, never hanging)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def mkdocs_serve(site: Path, *, dirty: bool = False) -> Iterator[str]:
    """``mkdocs serve`` in ``site`` (``--dirty`` as ``make serve`` runs it, with ``dirty``);
    yields the address it serves at."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    command += ["--dirty"] if dirty else []
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        command, cwd=site, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=30)


def fetch(url: str, timeout: float = 120) -> str:
    """The page at ``url``, waiting for the server to be up (each request has a time limit,
    so a page that hangs fails the test)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def fetch_until(url: str, wanted: str, timeout: float = 120) -> str:
    """The page at ``url`` once it contains ``wanted`` (after a rebuild); fails after
    ``timeout`` seconds with the last page seen."""
    deadline = time.monotonic() + timeout
    while True:
        page = fetch(url, timeout)
        if wanted in page or time.monotonic() > deadline:
            return page
        time.sleep(0.5)


def preview_banner(html: str) -> str:
    """The problem banner a preview shows at the top of a page ("" when there is none)."""
    if "(shown in the preview only)" not in html:
        return ""
    start = html.find('class="admonition')
    return html[start : html.find("</div>", start)]
