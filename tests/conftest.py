"""Shared test fixtures: real MkDocs builds in a temporary folder, and the seed pages."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pytest
import yaml
from hypothesis import settings
from mkdocs.commands.build import build
from mkdocs.config import config_options, load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError

# Speed belongs in the benchmark, not in a unit test: Hypothesis's per-example deadline fails
# on a busy machine (a case once took 427 ms under load, 11 ms alone).
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")

# The browser fixtures (one Chromium per test session) are shared by every browser test.
pytest_plugins = ["browser"]

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: What the example site is made of: what a test copies to build or change it in tmp_path.
EXAMPLE_SITE = ("mkdocs.yml", "content", "site-src", "templates", "overrides", "schemas")


def copy_example_site(target: Path) -> Path:
    """A scratch copy of the example site in ``target`` (created); returns ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for part in EXAMPLE_SITE:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"

#: The commands MkDocs announces to plugins (``on_startup``).
Command = Literal["build", "gh-deploy", "serve"]


def seeds_dir() -> Path:
    """The seed pages in ../shared/seeds: skip without them, except in CI where they must exist."""
    if SEEDS.is_dir():
        return SEEDS
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but the seed pages are missing: {SEEDS}")
    pytest.skip(
        f"seed pages not found at {SEEDS} (../shared is only present in CI and dev sessions)"
    )


@pytest.fixture
def seeds() -> Path:
    return seeds_dir()


@dataclass
class SiteResult:
    """The outcome of one real MkDocs build, run by :func:`run_mkdocs`.

    ``config`` is the loaded configuration with its plugin objects (None when it did not load).
    After ``run_mkdocs(..., command="serve")``, :meth:`rebuild` builds again with the same
    config and plugin objects, as ``mkdocs serve`` does after a change, and :meth:`shutdown`
    ends the session.
    """

    site_dir: Path
    config: MkDocsConfig | None = None
    command: Command | None = None
    strict: bool = True
    records: list[logging.LogRecord] = field(default_factory=list)
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def messages(self) -> str:
        return "\n".join(r.getMessage() for r in self.records)

    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= logging.WARNING]

    def html(self, page: str) -> str:
        """The built HTML of a page, by its source path (``privacy/x.md``) or output path."""
        path = self.site_dir / page
        if page.endswith(".md"):
            stem = page[:-3]
            path = self.site_dir / ("index.html" if stem == "index" else f"{stem}/index.html")
            if stem.endswith("/index"):
                path = self.site_dir / stem[: -len("index")] / "index.html"
        return path.read_text("utf-8")

    def rebuild(self) -> SiteResult:
        """Build again with the same config and plugin objects (``mkdocs serve`` only)."""
        assert self.command == "serve", "only `mkdocs serve` rebuilds with the same plugins"
        assert self.config is not None, f"the config did not load: {self.error}"
        return _build(
            self.config, SiteResult(self.site_dir, self.config, self.command, self.strict)
        )

    def shutdown(self) -> None:
        """End a ``mkdocs serve`` session: announce the shutdown to the plugins."""
        assert self.command == "serve", "only a `mkdocs serve` session is left open"
        assert self.config is not None, f"the config did not load: {self.error}"
        self.config.plugins.on_shutdown()


def stale_translations_allowed(site: Path) -> None:
    """For a test that edits the English text of a site copy, not about languages: the French
    translations of what it edits become stale, which the site then reports as information
    only (a strict build would stop on the warning)."""
    config = yaml.safe_load((site / "mkdocs.yml").read_text("utf-8"))
    [options] = [
        p["privacy-pages"]
        for p in config["plugins"]
        if isinstance(p, dict) and "privacy-pages" in p
    ]
    # Added to the severities the site sets (its completeness profile's among them).
    set_plugin_options(site, {"lint": {**options.get("lint", {}), "translation-stale": "info"}})


def set_plugin_options(site: Path, options: dict[str, object]) -> None:
    """Add privacy-pages options to a site's mkdocs.yml."""
    config_file = site / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "privacy-pages" in plugin:
            plugin["privacy-pages"].update(options)
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")


#: mkdocs-static-i18n's two docs structures: a suffix per page (``index.fr.md``), or a folder
#: per language (``docs/en/``, ``docs/fr/``).
I18N_STRUCTURES = ("suffix", "folder")


def set_languages(site: Path, languages: list[str], structure: str | None = None) -> None:
    """Publish a site copy in ``languages`` (the first the default) with mkdocs-static-i18n,
    in ``structure`` (None: as the site has it, else suffix); no other language: without i18n.
    A site moved to the ``folder`` structure has its docs moved to the default's folder."""
    config_file = site / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    plugins = config["plugins"]
    found = [i for i, p in enumerate(plugins) if isinstance(p, dict) and "i18n" in p]
    was = plugins[found[0]]["i18n"].get("docs_structure", "suffix") if found else "suffix"
    structure = structure or was
    entries: list[dict[str, object]] = [{"locale": code, "name": code} for code in languages]
    entries[0]["default"] = True
    entry = {"i18n": {"docs_structure": structure, "languages": entries}}
    if found:
        plugins[found[0]] = entry
    else:
        plugins.append(entry)
    if len(languages) < 2:
        plugins.remove(entry)
    if structure == "folder" and was != "folder":
        docs = site / config.get("docs_dir", "docs")
        default = docs / languages[0]
        parts = list(docs.iterdir())
        default.mkdir()
        for part in parts:
            part.rename(default / part.name)
        if "exclude_docs" in config:  # (the example's: includes/)
            config["exclude_docs"] = f"{languages[0]}/includes/\n"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")


#: What a failed build raises (mkdocs' Abort is also a SystemExit).
_FAILURES = (Abort, BuildError, SystemExit)


@contextmanager
def _collected(records: list[logging.LogRecord]) -> Iterator[None]:
    """Append every record of the ``mkdocs`` loggers to ``records`` meanwhile."""

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Collect(logging.DEBUG)
    logger = logging.getLogger("mkdocs")
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


def fresh_plugins() -> None:
    """Start the next configuration loaded in this process with new plugin objects, as a new
    ``mkdocs`` process would: MkDocs keeps the objects of plugins that have ``on_startup`` or
    ``on_shutdown`` for the configurations loaded after (so that ``mkdocs serve`` reloads keep
    them), and a serve session of an earlier test would otherwise hand its state to a build of
    a later one (Material's search merged its last index into the next build's)."""
    plugins = dict(MkDocsConfig._schema)["plugins"]
    assert isinstance(plugins, config_options.Plugins)
    plugins.plugin_cache.clear()


@pytest.fixture(autouse=True)
def _each_test_starts_with_new_plugins() -> None:
    fresh_plugins()


def _build(config: MkDocsConfig, result: SiteResult) -> SiteResult:
    """Build ``config`` into ``result`` (its records and error), keeping strict-mode semantics:
    with strict, any warning makes the result not ok."""
    with _collected(result.records):
        try:
            build(config)
        except _FAILURES as exc:
            result.error = exc
    if result.strict and result.error is None and result.warnings():
        result.error = AssertionError("warnings in a strict build")
    return result


def run_mkdocs(
    config_file: Path,
    *,
    strict: bool = True,
    site_dir: Path | None = None,
    command: Command | None = "build",
) -> SiteResult:
    """Run a real MkDocs build in process and return its outcome with the ``mkdocs`` log records.

    The site goes to ``site_dir``, by default ``_site`` beside the config file (a copy in the
    test's tmp_path), never into the repository. ``command`` is announced to the plugins like
    the MkDocs CLI does: ``on_startup(command=..., dirty=False)`` before the build, and for
    "build" ``on_shutdown()`` after it; "serve" keeps the session open for
    :meth:`SiteResult.rebuild` and :meth:`SiteResult.shutdown` (each build is a plain
    ``build(config)``, without the server's ``site_url``); None announces nothing.
    """
    out = site_dir or config_file.parent / "_site"
    assert not out.resolve().is_relative_to(REPO), f"build into tmp_path, not into {out}"
    result = SiteResult(out, command=command, strict=strict)
    fresh_plugins()  # (a run of its own, as on the command line)
    with _collected(result.records):
        try:
            config = load_config(str(config_file), site_dir=str(out), strict=strict)
        except _FAILURES as exc:
            result.error = exc
            return result
    result.config = config
    if command is not None:
        config.plugins.on_startup(command=command, dirty=False)
    try:
        return _build(config, result)
    finally:
        if command is not None and command != "serve":
            config.plugins.on_shutdown()


def built_files(site: Path, out: Path) -> dict[str, bytes]:
    """Build ``site`` into ``out`` (strict; it must succeed) and return what a reader gets: every
    page, feed, search index and download, by path."""
    result = run_mkdocs(site / "mkdocs.yml", site_dir=out)
    assert result.ok, result.messages
    return {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".csv"}
    }


def built_both_ways(
    site: Path, out: Path, monkeypatch: pytest.MonkeyPatch, switch: str
) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """:func:`built_files` of ``site`` with the plugin's ``switch`` (a class attribute of
    ``PrivacyPagesPlugin``, such as ``html_blocks_around_markdown``) on, then off."""
    from privacy_pages.mkdocs_plugin.plugin import PrivacyPagesPlugin

    on = built_files(site, out / "on")
    monkeypatch.setattr(PrivacyPagesPlugin, switch, False)
    off = built_files(site, out / "off")
    return on, off


def build_collecting_warnings(config_file: Path, out: Path) -> list[str]:
    """Build ``config_file`` into ``out`` with MkDocs' log at its usual level, and return its
    warnings (at DEBUG, as :func:`run_mkdocs` sets it, MkDocs checks no anchors)."""
    warned: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            warned.append(record.getMessage())

    handler = Collect(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        fresh_plugins()
        config = load_config(str(config_file), site_dir=str(out))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
    finally:
        logger.removeHandler(handler)
    return warned


@pytest.fixture
def site_copy(tmp_path: Path) -> Callable[[str], Path]:
    """Copy a fixture site (``tests/fixtures/NAME``) into tmp_path and return its folder."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(FIXTURES / name, target)
        return target

    return copy


def pytest_report_header() -> list[str]:
    """Name the host versions this run checks (hosts.txt pins them; ``make test`` builds with
    each)."""
    from importlib.metadata import PackageNotFoundError, version

    lines = []
    for name in ("mkdocs", "mkdocs-material", "properdocs", "zensical"):
        try:
            lines.append(f"{name} {version(name)} (this venv)")
        except PackageNotFoundError:
            venv = REPO / f".venv-{name}"
            found = sorted(venv.glob(f"lib/python*/site-packages/{name}-*.dist-info"))
            shown = (
                found[-1].name.removesuffix(".dist-info").split("-")[-1] if found else "not built"
            )
            lines.append(f"{name} {shown} ({venv.name})")
    return ["hosts: " + ", ".join(lines)]
