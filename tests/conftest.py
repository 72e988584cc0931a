"""Shared test fixtures: real MkDocs builds in a temporary folder, and the seed pages."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError

# The browser fixtures (one Chromium per test session) are shared by every browser test.
pytest_plugins = ["browser"]

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"


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
    """The outcome of one real ``mkdocs build``."""

    site_dir: Path
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


def set_plugin_options(site: Path, options: dict[str, object]) -> None:
    """Add privacy-pages options to a site's mkdocs.yml."""
    config_file = site / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "privacy-pages" in plugin:
            plugin["privacy-pages"].update(options)
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def run_mkdocs(
    config_file: Path, *, strict: bool = True, site_dir: Path | None = None
) -> SiteResult:
    """Run a real ``mkdocs build`` (in process) and collect its log records."""
    out = site_dir or config_file.parent / "_site"
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    result = SiteResult(out)
    try:
        config = load_config(str(config_file), site_dir=str(out), strict=strict)
        build(config)
    except (Abort, BuildError, SystemExit) as exc:
        result.error = exc
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
    result.records = handler.records
    if (
        strict
        and result.error is None
        and any(r.levelno >= logging.WARNING for r in handler.records)
    ):
        result.error = AssertionError("warnings in a strict build")
    return result


@pytest.fixture
def site_copy(tmp_path: Path) -> Callable[[str], Path]:
    """Copy a fixture site (``tests/fixtures/NAME``) into tmp_path and return its folder."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(FIXTURES / name, target)
        return target

    return copy


@pytest.fixture
def mkdocs_build() -> Iterator[Callable[..., SiteResult]]:
    yield run_mkdocs
