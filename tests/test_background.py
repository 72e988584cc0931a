"""The background build: ``mkdocs build`` loads the content and renders the generated pages in a
second process while MkDocs reads the first ones, with the same site, the same problems and the
same failures as a build in MkDocs' own process (``parallel: false``), and MkDocs' process never
loads the content.

The builds run ``mkdocs build`` in a subprocess, as the command line does: the background build
needs a process of one thread, and the log says when it is used.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, set_plugin_options
from privacy_pages.background import can_build_in_background, usable_cores
from privacy_pages.build_cache import FILE_NAME
from privacy_pages.delivery import Collected, PlanMismatch, deliver
from privacy_pages.settings import settings_from_mkdocs
from privacy_pages.site import build_site, planned_assets
from privacy_pages.spool import Spool

ROOT = Path(__file__).resolve().parents[1]
PACKAGED = ROOT / "templates"
IN_BACKGROUND = "pages in a second process"
needs_fork = pytest.mark.skipif(
    not hasattr(os, "fork") or usable_cores() < 2,
    reason="the background render needs os.fork and two cores",
)


def mkdocs(site: Path, out: Path, *, setup: str = "") -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict -v`` in a fresh process (``setup``: Python run before it)."""
    code = f"{setup}\nfrom mkdocs.__main__ import cli\ncli()"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-c", code, "build", "--strict", "-v", "-d", str(out)],
        cwd=site,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "sitemap.xml.gz"  # gzip stamps the time
    }


def copy(tmp_path: Path, fixture: str, name: str, **options: object) -> Path:
    target = tmp_path / name
    shutil.copytree(FIXTURES / fixture, target)
    set_plugin_options(target, options)
    return target


def override(site: Path, template: str, old: str, new: str) -> None:
    text = (PACKAGED / template).read_text("utf-8")
    assert old in text
    folder = site / "overrides"
    (folder / template).parent.mkdir(parents=True, exist_ok=True)
    (folder / template).write_text(text.replace(old, new, 1), "utf-8")
    set_plugin_options(site, {"templates_dir": "overrides"})


def errors(result: subprocess.CompletedProcess[str], site: Path) -> list[str]:
    """The problems a build logged (MkDocs' note of the page it was reading when the build
    stopped aside: a background render stops the build from there)."""
    lines = [
        line.split(" - ", 1)[-1].strip().replace(str(site), "SITE")
        for line in result.stderr.splitlines()
        if line.startswith(("ERROR", "WARNING"))
    ]
    return [line for line in lines if not line.startswith("Error reading page")]


@pytest.mark.parametrize("fixture", ["compare", "small"])
def test_the_plan_lists_the_pages_and_downloads_a_build_generates(fixture: str) -> None:
    build = build_site(settings_from_mkdocs(FIXTURES / fixture / "mkdocs.yml"))
    assert build.ok and build.pages
    planned = [(p.path, p.title, p.source, p.product_id) for p in build.plan]
    assert planned == [(p.path, p.title, p.source, p.product_id) for p in build.pages]
    assert planned_assets(build) == [path for path, _ in build.assets]


def test_the_plan_of_the_example_site() -> None:
    build = build_site(settings_from_mkdocs(ROOT / "mkdocs.yml"))
    assert [p.path for p in build.plan] == [p.path for p in build.pages]
    assert planned_assets(build) == [path for path, _ in build.assets]


def test_pages_that_are_not_the_plan_are_a_bug_not_a_site(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import privacy_pages.site as site

    planned = site.plan_pages
    monkeypatch.setattr(site, "plan_pages", lambda *args: planned(*args)[::-1])
    spool = Spool()
    try:
        settings = settings_from_mkdocs(FIXTURES / "compare" / "mkdocs.yml")
        with pytest.raises(PlanMismatch, match="planned"):
            deliver(settings, spool, Collected([]))
    finally:
        spool.remove()


def test_no_background_render_beside_other_threads() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not can_build_in_background()
    finally:
        stop.set()
        other.join()


@needs_fork
@pytest.mark.parametrize("fixture", ["compare", "small"])
def test_a_background_render_builds_the_same_site(tmp_path: Path, fixture: str) -> None:
    parallel = copy(tmp_path, fixture, "parallel")
    serial = copy(tmp_path, fixture, "serial", parallel=False)
    done = mkdocs(parallel, tmp_path / "out-parallel")
    assert done.returncode == 0, done.stderr
    assert IN_BACKGROUND in done.stderr
    alone = mkdocs(serial, tmp_path / "out-serial")
    assert alone.returncode == 0, alone.stderr
    assert IN_BACKGROUND not in alone.stderr
    built = files_of(tmp_path / "out-parallel")
    assert any(name.startswith("privacy/") for name in built)
    assert built == files_of(tmp_path / "out-serial")
    # The rendering process kept the build: the next build is served from the cache, the same.
    assert (parallel / ".cache" / "privacy-pages" / FILE_NAME).is_file()
    again = mkdocs(parallel, tmp_path / "out-again")
    assert again.returncode == 0 and IN_BACKGROUND not in again.stderr
    assert files_of(tmp_path / "out-again") == built


#: Ways the building process can die: at once, once it has sent the plan, halfway through
#: the pages (as if it had been killed, or run out of memory).
DEATHS = {
    "at once": "b._build = lambda *args, **kwargs: os._exit(3)",
    "after the plan": "b._Messenger.blocks = lambda self, blocks: os._exit(3)",
    "halfway": (
        "written = b._Messenger.written\n"
        "b._Messenger.written = lambda self, n: os._exit(3) if n == 3 else written(self, n)"
    ),
}


@needs_fork
@pytest.mark.parametrize("death", sorted(DEATHS))
def test_if_the_building_process_dies_the_site_is_built_here(tmp_path: Path, death: str) -> None:
    site = copy(tmp_path, "compare", "site", cache=False)
    setup = f"import os, privacy_pages.background as b\n{DEATHS[death]}"
    done = mkdocs(site, tmp_path / "out", setup=setup)
    assert done.returncode == 0, done.stderr
    assert "ended early (exit code 3)" in done.stderr
    serial = copy(tmp_path, "compare", "serial", parallel=False)
    assert mkdocs(serial, tmp_path / "out-serial").returncode == 0
    assert files_of(tmp_path / "out") == files_of(tmp_path / "out-serial")


def failing_both_ways(
    tmp_path: Path, fixture: str, change: Callable[[Path], None]
) -> list[tuple[subprocess.CompletedProcess[str], list[str]]]:
    """Build a copy of ``fixture``, changed by ``change``, with the background build and
    without it (in that order); each build must fail. Each build's result and problems."""
    results = []
    for parallel in (True, False):
        site = copy(tmp_path, fixture, f"site-{parallel}", parallel=parallel)
        change(site)
        result = mkdocs(site, tmp_path / f"out-{parallel}")
        assert result.returncode != 0
        assert (IN_BACKGROUND in result.stderr) is parallel
        results.append((result, errors(result, site)))
    return results


@needs_fork
def test_a_template_error_in_the_background_names_the_record(tmp_path: Path) -> None:
    def break_template(site: Path) -> None:
        override(
            site,
            "sections/overview.md.j2",
            "{% if product.intro %}",
            "{{ product.no_such_field }}\n{% if product.intro %}",
        )

    (_, in_background), (_, here) = failing_both_ways(tmp_path, "small", break_template)
    assert in_background == here
    assert any("widget-android.yml:1:1" in line and "UndefinedError" in line for line in here)


@needs_fork
def test_what_the_background_coverage_check_finds_fails_a_strict_build(tmp_path: Path) -> None:
    def add_empty_category(site: Path) -> None:
        categories = site / "content" / "categories.yml"
        categories.write_text(
            categories.read_text("utf-8") + "  - id: empty-category\n    name: Empty\n", "utf-8"
        )

    results = failing_both_ways(tmp_path, "compare", add_empty_category)
    for result, _ in results:
        assert "Aborted with" in result.stdout + result.stderr
    (_, in_background), (_, here) = results
    assert in_background == here
    assert any("orphaned-record" in line and "empty-category" in line for line in here)


@needs_fork
def test_mkdocs_process_never_loads_the_content(tmp_path: Path) -> None:
    """The records and the model stay in the building process (MkDocs' process stays as small
    as without privacy-pages); a build without it loads them in MkDocs' process."""
    marker = tmp_path / "loaded-in-mkdocs-process"
    setup = "\n".join(
        [
            "import os, privacy_pages.site as s, privacy_pages.plugin as p",
            "MAIN = os.getpid()",
            "def spy(real):",
            "    def load(*args, **kwargs):",
            "        if os.getpid() == MAIN:",
            f"            open({str(marker)!r}, 'a').write('loaded')",
            "        return real(*args, **kwargs)",
            "    return load",
            "s.load_content = spy(s.load_content)",
            "p.load_content = spy(p.load_content)",
        ]
    )
    for parallel in (True, False):
        site = copy(tmp_path, "compare", f"site-{parallel}", parallel=parallel)
        done = mkdocs(site, tmp_path / f"out-{parallel}", setup=setup)
        assert done.returncode == 0, done.stderr
        assert (IN_BACKGROUND in done.stderr) is parallel
        assert marker.exists() is not parallel
    assert files_of(tmp_path / "out-True") == files_of(tmp_path / "out-False")


@needs_fork
def test_if_no_second_process_can_start_the_site_is_built_here(tmp_path: Path) -> None:
    site = copy(tmp_path, "compare", "site")
    setup = "\n".join(
        [
            "import multiprocessing.context as context",
            "def refuse(self):",
            "    raise OSError(11, 'Resource temporarily unavailable')",
            "context.ForkProcess.start = refuse",
        ]
    )
    done = mkdocs(site, tmp_path / "out", setup=setup)
    assert done.returncode == 0, done.stderr
    assert "building in this process" in done.stderr and IN_BACKGROUND not in done.stderr
    serial = copy(tmp_path, "compare", "serial", parallel=False)
    assert mkdocs(serial, tmp_path / "out-serial").returncode == 0
    assert files_of(tmp_path / "out") == files_of(tmp_path / "out-serial")


@needs_fork
def test_a_build_that_stops_halfway_leaves_no_half_written_cache(tmp_path: Path) -> None:
    site = copy(tmp_path, "compare", "site")
    index = site / "docs" / "index.md"
    index.write_text(index.read_text("utf-8") + "\n<!-- privacy-pages: no-such-block -->\n")
    # The building process stalls after its first page, so the build stops before it is done.
    setup = "\n".join(
        [
            "import time, privacy_pages.background as b",
            "b._Messenger.written = lambda self, n: time.sleep(60)",
        ]
    )
    done = mkdocs(site, tmp_path / "out", setup=setup)
    assert done.returncode != 0 and "no-such-block" in done.stderr
    assert IN_BACKGROUND in done.stderr
    folder = site / ".cache" / "privacy-pages"
    assert folder.is_dir()  # the building process had started writing the cache there
    assert list(folder.iterdir()) == []
