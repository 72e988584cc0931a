"""Browser tests: a built site served on 127.0.0.1, driven in Debian's Chromium by Playwright.

Reusable by any test module. Import the fixtures into the module (pytest finds them there)::

    from browser import Visit, chromium_fixture, open_page_fixture, serve  # noqa: F401

(the fixtures are registered under the names ``chromium`` and ``open_page``):

* ``chromium`` (session): a headless Playwright ``Browser`` running /usr/bin/chromium. Without
  Chromium the test is skipped with a reason, except with ``CI=true``, where it fails.
* ``open_page`` (function): ``open_page(url) -> Visit``, a fresh page whose console errors,
  uncaught exceptions and requests to anything but 127.0.0.1 are recorded (such requests are
  blocked, as the site must work with no network). ``open_page(url, stubs={host: body})``
  answers requests to those hosts with ``body`` instead (for theme features that call a
  known service, such as Material's repository facts from api.github.com); they are not
  counted as problems.

and, without fixtures, ``serve(directory)``: a context manager that serves a folder over HTTP on
127.0.0.1 at a random port and yields its base URL (``http://127.0.0.1:PORT/``)::

    def test_page(open_page: Callable[[str], Visit]) -> None:
        with serve(site_dir) as base:
            visit = open_page(base + "privacy/x/")
            assert visit.page.locator("h1").count() == 1
            assert visit.problems == []
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


def require_chromium() -> Path:
    """Debian's Chromium: skip without it, except in CI (``CI=true``), where that fails."""
    if CHROMIUM.exists():
        return CHROMIUM
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but Chromium is missing at {CHROMIUM} (.ci/run installs it)")
    pytest.skip(f"Chromium not found at {CHROMIUM}; install Debian's chromium package")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # Chromium closes connections it no longer needs (a page left for the next): the
        # broken pipe of a file half sent is no problem of the page under test.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port; yields ``http://127.0.0.1:PORT/``."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


#: What Chromium says when a request gets a 404 (see Visit.not_found for the URL).
_NOT_FOUND = "Failed to load resource: the server responded with a status of 404"


@dataclass
class Visit:
    """An open page and what went wrong on it."""

    page: Page
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    #: Requests to other hosts than 127.0.0.1: blocked, and a failure of "no network".
    external_requests: list[str] = field(default_factory=list)
    #: The URLs the server answered 404 (Chromium's console message names none).
    not_found: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        """What went wrong, but Material's probes on a site translated with mkdocs-static-i18n:
        its language selector asks for a ``sitemap.xml`` beside each of a page's language links,
        which i18n writes only at the site's root (404s on every page, i18n's own too, which
        Material's script answers by following the link as it is)."""
        probes = all(url.endswith("/sitemap.xml") for url in self.not_found)
        return (
            [
                f"console error: {m}"
                for m in self.console_errors
                if not (probes and m.startswith(_NOT_FOUND))
            ]
            + [f"page error: {m}" for m in self.page_errors]
            + [f"external request: {u}" for u in self.external_requests]
        )


@pytest.fixture(scope="session", name="chromium")
def chromium_fixture() -> Iterator[object]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(name="open_page")
def open_page_fixture(chromium: object) -> Iterator[Callable[..., Visit]]:
    """``open_page(url)``: a new page (own context) at ``url``, with its problems recorded;
    ``viewport={"width": ..., "height": ...}`` sets the window's size."""
    contexts: list[object] = []

    def opener(
        url: str, stubs: Mapping[str, str] | None = None, viewport: Mapping[str, int] | None = None
    ) -> Visit:
        context = chromium.new_context(**({"viewport": dict(viewport)} if viewport else {}))
        contexts.append(context)
        page = context.new_page()
        visit = Visit(page)

        def route(route: object) -> None:
            request_url = route.request.url
            host = urlsplit(request_url).hostname or ""
            if stubs and host in stubs:
                route.fulfill(status=200, body=stubs[host], content_type="application/json")
            elif urlsplit(request_url).scheme in {"http", "https", "ws", "wss"} and (
                host not in LOOPBACK
            ):
                visit.external_requests.append(request_url)
                route.abort()
            else:
                route.continue_()

        context.route("**/*", route)
        page.on(
            "console",
            lambda message: (
                visit.console_errors.append(message.text) if message.type == "error" else None
            ),
        )
        page.on("pageerror", lambda error: visit.page_errors.append(str(error)))
        page.on(
            "response",
            lambda response: (
                visit.not_found.append(response.url) if response.status == 404 else None
            ),
        )
        page.goto(url)
        page.wait_for_load_state("load")
        return visit

    yield opener
    for context in contexts:
        context.close()


def visible_items(visit: Visit) -> list[str]:
    """The items of the rows a reader can see (rendered, not hidden by the row or its group)."""
    items: list[str] = visit.page.eval_on_selector_all(
        "tr.pp-row",
        "rows => rows.filter(r => r.getClientRects().length > 0).map(r => r.dataset.ppItem)",
    )
    return items


_SEARCH_ANSWERED = """() => {
    const words = JSON.parse(document.getElementById("__config").textContent).translations;
    const meta = document.querySelector(".md-search-result__meta");
    const said = meta ? meta.textContent.trim() : "";
    if (!said || said === words["search.result.placeholder"]) return false;
    if (said === words["search.result.initializer"]) return false;
    return said === words["search.result.none"]
        || document.querySelector(".md-search-result__item a") !== null;
}"""


def search(open_page: Callable[..., Visit], url: str, words: str) -> list[str]:
    """The paths of what Material's search box lists for ``words`` on the page at ``url``
    (typed as a reader types; waits for its answer)."""
    visit = open_page(url)
    page = visit.page
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").type(words)
    # Material's answer: the meta line says how many documents match (in the page's language,
    # from its __config translations) and, when some do, the list shows the first of them.
    page.wait_for_function(_SEARCH_ANSWERED, timeout=30_000)
    page.wait_for_timeout(300)  # the rest of the list follows the first result
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item a", "links => links.map(a => a.href)"
    )
    assert visit.problems == []
    return [urlsplit(href).path for href in hrefs]
