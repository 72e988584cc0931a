"""The build cache: a ``mkdocs build`` reuses the last build's pages while nothing it was made
from has changed, and never serves a stale page."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import pytest
from conftest import _Collect, set_plugin_options
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError
from privacy_pages.build_cache import FILE_NAME, BuildCache, build_key
from privacy_pages.delivery import Plan
from privacy_pages.diagnostics import Diagnostic, Diagnostics, Location, Severity
from privacy_pages.exports import CHUNK_SIZE, GeneratedAsset
from privacy_pages.model import Dataset
from privacy_pages.pages import GeneratedPage, PlannedPage
from privacy_pages.plugin import PrivacyPagesPlugin
from privacy_pages.settings import settings_from_mkdocs
from privacy_pages.site import SiteBuild
from privacy_pages.spool import Spool

CACHE = Path(".cache/privacy-pages")


@dataclass
class Build:
    site_dir: Path
    phases: dict[str, float]
    warnings: list[str] = field(default_factory=list)
    failed: bool = False

    def page(self, name: str) -> str:
        return (self.site_dir / name / "index.html").read_text("utf-8")


def mkdocs_build(site: Path, out: Path, *, strict: bool = False) -> Build:
    """``mkdocs build`` as the command line runs it (announced with on_startup)."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    config = load_config(str(site / "mkdocs.yml"), site_dir=str(out), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    failed = False
    try:
        build(config)
    except (Abort, BuildError):
        failed = True
    finally:
        config.plugins.on_shutdown()
        logger.removeHandler(handler)
    plugin = config.plugins["privacy-pages"]
    assert isinstance(plugin, PrivacyPagesPlugin)
    # Phases of this process, and of the process that rendered the pages beside it, if one did.
    phases = dict(plugin.timings)
    phases.update(plugin.background_timings)
    warnings = [r.getMessage() for r in handler.records if r.levelno >= logging.WARNING]
    return Build(out, phases, warnings, failed)


def _hit(result: Build) -> bool:
    """A build served from the cache has no phase but ``cache``."""
    return set(result.phases) == {"cache"}


@pytest.fixture
def site(site_copy: Callable[[str], Path]) -> Path:
    return site_copy("compare")


def test_an_unchanged_build_is_served_from_the_cache_with_the_same_pages(
    site: Path, tmp_path: Path
) -> None:
    first = mkdocs_build(site, tmp_path / "one")
    assert not _hit(first) and {"load", "validate", "render"} <= set(first.phases)
    assert (site / CACHE / FILE_NAME).is_file()
    second = mkdocs_build(site, tmp_path / "two")
    assert _hit(second)
    one = sorted(p.relative_to(first.site_dir) for p in first.site_dir.rglob("*") if p.is_file())
    two = sorted(p.relative_to(second.site_dir) for p in second.site_dir.rglob("*") if p.is_file())
    assert one == two
    for relative in one:
        if relative.name == "sitemap.xml.gz":  # gzip stamps the time
            continue
        assert (first.site_dir / relative).read_bytes() == (
            second.site_dir / relative
        ).read_bytes(), relative


def test_a_changed_record_is_built_again(site: Path, tmp_path: Path) -> None:
    mkdocs_build(site, tmp_path / "one")
    record = site / "content" / "products" / "phone-ios.yml"
    record.write_text(
        record.read_text("utf-8").replace("name: Phone app for iOS", "name: Phone app for iPadOS"),
        "utf-8",
    )
    second = mkdocs_build(site, tmp_path / "two")
    assert not _hit(second)
    assert "Phone app for iPadOS" in second.page("privacy/phone-ios")


def test_a_changed_template_override_is_built_again(site: Path, tmp_path: Path) -> None:
    overrides = site / "overrides"
    overrides.mkdir()
    set_plugin_options(site, {"templates_dir": "overrides"})
    assert _hit(mkdocs_build(site, tmp_path / "one")) is False
    assert _hit(mkdocs_build(site, tmp_path / "two"))
    packaged = Path(__file__).resolve().parents[1] / "templates" / "note.md.j2"
    (overrides / "note.md.j2").write_text(
        "OVERRIDDEN NOTE\n" + packaged.read_text("utf-8"), "utf-8"
    )
    third = mkdocs_build(site, tmp_path / "three")
    assert not _hit(third)


def test_the_key_changes_with_every_input(site: Path) -> None:
    settings = settings_from_mkdocs(site / "mkdocs.yml")
    today = date(2026, 11, 21)
    key = build_key(settings, today)
    assert build_key(settings, today) == key  # stable
    assert build_key(settings, date(2026, 11, 22)) != key  # stale-date and "Updated in" marks
    assert build_key(replace(settings, nav_title="Other"), today) != key
    history = site / "content" / "history"
    history.mkdir()
    (history / "note.txt").write_text("any file in the content folder counts", "utf-8")
    assert build_key(settings, today) != key


def test_warnings_are_reported_again_from_the_cache(site: Path, tmp_path: Path) -> None:
    set_plugin_options(site, {"lint": {"unmarked-empty-section": "warning"}})
    first = mkdocs_build(site, tmp_path / "one", strict=True)
    assert first.failed and any("unmarked-empty-section" in w for w in first.warnings)
    second = mkdocs_build(site, tmp_path / "two", strict=True)
    assert _hit(second)
    assert second.failed  # a strict build still fails on the warnings the cache holds
    assert sorted(w for w in first.warnings if "unmarked" in w) == sorted(
        w for w in second.warnings if "unmarked" in w
    )


def test_a_build_with_errors_is_not_kept(site: Path, tmp_path: Path) -> None:
    record = site / "content" / "products" / "phone-ios.yml"
    record.write_text(record.read_text("utf-8") + "\nunknown_key: 1\n", "utf-8")
    result = mkdocs_build(site, tmp_path / "one")
    assert result.failed
    assert not (site / CACHE / FILE_NAME).exists()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data.split(b"\n", 1)[0] + b"\nnot a pickle",  # right key, bad body
        lambda data: b"",
    ],
    ids=["truncated", "garbage", "empty"],
)
def test_a_damaged_cache_means_building_again(
    site: Path, tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    mkdocs_build(site, tmp_path / "one")
    kept = site / CACHE / FILE_NAME
    kept.write_bytes(damage(kept.read_bytes()))
    second = mkdocs_build(site, tmp_path / "two")
    assert not second.failed and not _hit(second)
    assert _hit(mkdocs_build(site, tmp_path / "three"))  # and the cache is whole again


def test_cache_false_writes_nothing(site: Path, tmp_path: Path) -> None:
    set_plugin_options(site, {"cache": False})
    mkdocs_build(site, tmp_path / "one")
    second = mkdocs_build(site, tmp_path / "two")
    assert not _hit(second)
    assert not (site / ".cache").exists()


def test_a_block_the_cache_does_not_have_is_rendered_from_the_content(
    site: Path, tmp_path: Path
) -> None:
    mkdocs_build(site, tmp_path / "one")
    page = "# More\n\n<!-- privacy-pages: products -->\n"
    (site / "docs" / "more.md").write_text(page, "utf-8")  # the content has not changed
    warm = mkdocs_build(site, tmp_path / "two")
    assert _hit(warm) and not warm.failed
    cold_site = tmp_path / "cold-site"
    shutil.copytree(site, cold_site, ignore=shutil.ignore_patterns(".cache"))
    (cold_site / "docs" / "more.md").write_text(page, "utf-8")
    set_plugin_options(cold_site, {"cache": False})
    cold = mkdocs_build(cold_site, tmp_path / "cold")
    assert "Phone" in cold.page("more")
    assert warm.page("more") == cold.page("more")


def test_a_kept_build_is_unpacked_page_by_page_and_download_by_download(
    site: Path, tmp_path: Path
) -> None:
    """The writer and the reader of the cache file agree, for downloads written in pieces."""
    settings = settings_from_mkdocs(site / "mkdocs.yml")
    cache = BuildCache(settings, tmp_path / "cache")
    plan = Plan(
        [PlannedPage("privacy/a.md", "A")], ["privacy/big.json", "x.css"], False, Diagnostics()
    )
    blocks = {("index.md", "products", ()): "| table |"}
    writer = cache.writer()
    writer.plan(plan, blocks)
    writer.add(GeneratedPage("privacy/a.md", "# A\n", "A"))
    pieces = ["é" * 70_000, "x" * 70_000, "\r\n|end"]
    writer.begin_asset("privacy/big.json")
    for piece in pieces:
        writer.add_chunk(piece)
    writer.begin_asset("x.css")
    writer.add_chunk("")
    problems = Diagnostics()
    problems.add(
        Diagnostic(Location("content/a.yml", 2, 3), "a warning", "some-rule", Severity.WARNING)
    )
    writer.commit(SiteBuild(settings, Dataset(), problems))
    kept = cache.read()
    assert kept is not None and kept.plan == plan and kept.blocks == blocks
    spool = Spool()
    try:
        assert kept.unpack(spool) == problems
        assert spool.path("privacy/a.md").read_text("utf-8") == "# A\n"
        assert spool.path("privacy/big.json").read_bytes() == "".join(pieces).encode()
        assert spool.path("x.css").read_bytes() == b""
    finally:
        spool.remove()


def test_a_download_made_in_pieces_is_handed_over_in_chunks() -> None:
    pieces = [f"{n}," for n in range(50_000)]
    asset = GeneratedAsset("privacy/privacy.json", pieces=lambda: iter(pieces))
    chunks = list(asset.chunks())
    assert "".join(chunks) == asset.content == "".join(pieces)
    assert len(chunks) > 1 and all(len(c) >= CHUNK_SIZE for c in chunks[:-1])
