"""Real MkDocs builds of a site with two release snapshots: the "Change history" section of
every product page, the "What changed" page, the Atom feed, and the "Updated in" marks."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, run_mkdocs
from privacy_pages.cli import main
from privacy_pages.history.releases import build_history
from privacy_pages.history.snapshot import load_snapshots
from privacy_pages.model.sections import EMPTY_SECTION_WORDING

ATOM = "{http://www.w3.org/2005/Atom}"
V1_DATE = "2026-10-01"
V2_DATE = "2026-11-01"


def make_site(
    tmp_path: Path, options: str = "", site_url: str | None = None, snapshots: bool = True
) -> Path:
    """history-v1 as release 1.0.0, then history-v2 as release 1.1.0 (snapshots written by the
    ``privacy-pages snapshot`` command), with ``options`` added under ``history:``."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "history-v1", site)
    config = site / "mkdocs.yml"
    if snapshots:
        assert main(snapshot_args(config, "1.0.0", V1_DATE)) == 0
    for part in ("products", "catalog", "categories.yml"):
        target = site / "content" / part
        shutil.rmtree(target) if target.is_dir() else target.unlink()
        source = FIXTURES / "history-v2" / "content" / part
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copyfile(source, target)
    if snapshots:
        assert main(snapshot_args(config, "1.1.0", V2_DATE)) == 0
    text = config.read_text("utf-8")
    if options:
        text = text.replace("      lint:\n", f"      history: {{{options}}}\n      lint:\n", 1)
    if site_url:
        text = f"site_url: {site_url}\n" + text
    config.write_text(text, "utf-8")
    return site


def snapshot_args(config: Path, version: str, date: str) -> list[str]:
    return ["snapshot", "--config", str(config), "--version", version, "--date", date]


def section(html: str, section_id: str) -> str:
    """The HTML of one H2 section of a page."""
    start = html.index(f'<h2 id="{section_id}"')
    end = html.find("<h2 ", start + 1)
    article_end = html.find("</article>", start)
    return html[start : end if end != -1 and end < article_end else article_end]


def h2_ids(html: str) -> list[str]:
    return re.findall(r'<h2 id="([^"]+)"', html)


def test_every_product_page_has_the_change_history_section(tmp_path: Path) -> None:
    site = make_site(tmp_path, "today: 2026-11-02")
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    pages = {
        pid: result.html(f"privacy/{pid}.md")
        for pid in ("widget-ios", "widget-android", "widget-web")
    }
    skeletons = {pid: h2_ids(html) for pid, html in pages.items()}
    assert len({tuple(s) for s in skeletons.values()}) == 1, skeletons
    assert "change-history" in skeletons["widget-ios"]

    ios = section(pages["widget-ios"], "change-history")
    assert 'id="release-1-1-0"' in ios and 'id="release-1-0-0"' in ios
    assert ios.index("release-1-1-0") < ios.index("release-1-0-0"), "newest release first"
    # Dates as the page's language writes them, as every date of the page.
    assert "November 1, 2026" in ios and "October 1, 2026" in ios
    # The real edits of history-v2, as semantic changes of this product:
    assert "<ins>to Azure AD</ins>" in ios  # condition of the Azure AD device ID
    assert "<del>180 days</del>" in ios and "<ins>1 year</ins>" in ios  # retention period
    assert "Battery level" in ios and "added" in ios  # new item
    assert "<ins>managed</ins>" in ios  # introduction reworded
    assert '<a href="#battery-level">' in ios, "an added item links to its anchor"
    assert EMPTY_SECTION_WORDING["change-history"] not in ios

    android = section(pages["widget-android"], "change-history")
    assert "MAM workload" in android and "<del>Yes</del>" in android and "<ins>No</ins>" in android
    assert "Widget on the web" not in android

    web = section(pages["widget-web"], "change-history")
    assert 'id="release-1-0-0"' in web and "release-1-1-0" not in web
    assert EMPTY_SECTION_WORDING["change-history"] in web, "a statement with no change says so"


def test_what_changed_page_and_feed(tmp_path: Path) -> None:
    site = make_site(tmp_path, "today: 2026-11-02", site_url="https://example.com/widget/")
    # A hand-written page that asks for the feed link in its head (index.md does not).
    news = "---\nprivacy_pages_feed: true\n---\n\n# News\n"
    (site / "docs" / "news.md").write_text(news, "utf-8")
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    page = result.html("privacy/changes.md")
    assert "<h1" in page and "What changed" in page
    v2 = page[page.index('id="release-1-1-0"') : page.index('id="release-1-0-0"')]
    assert 'href="../widget-ios/#release-1-1-0"' in v2
    assert 'href="../widget-android/#release-1-1-0"' in v2
    assert "Widget on the web" not in v2, "an unchanged statement is not listed in a release"
    assert "Crash report logs" in v2, "catalog changes are listed"
    assert 'href="../../changes.xml"' in page
    first = page[page.index('id="release-1-0-0"') :]
    for name in ("Widget for iOS", "Widget for Android", "Widget on the web"):
        assert name in first
    feed_link = 'type="application/atom+xml"'
    assert feed_link in page and feed_link in result.html("privacy/widget-ios.md")
    assert feed_link in result.html("news.md"), "a hand-written page that asks for it"
    assert feed_link not in result.html("index.md"), "nor on the site's other pages"

    feed = ET.parse(result.site_dir / "changes.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert (feed.findtext(f"{ATOM}{required}") or "").strip(), required
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    _rfc3339(feed.findtext(f"{ATOM}updated") or "")
    entries = feed.findall(f"{ATOM}entry")
    # 1.0.0 published three statements, 1.1.0 changed two of them.
    assert len(entries) == 3 + 2
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{required}") or "").strip(), required
        _rfc3339(entry.findtext(f"{ATOM}updated") or "")
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("href", "").startswith("https://example.com/widget/")
    newest = entries[0]
    assert "Widget for" in (newest.findtext(f"{ATOM}title") or "")
    link = newest.find(f"{ATOM}link")
    assert link is not None and link.get("href", "").endswith("/#release-1-1-0")
    built_page = link.get("href", "").removeprefix("https://example.com/widget/").split("#")[0]
    assert (result.site_dir / built_page / "index.html").is_file()
    assert "1 year" in (newest.findtext(f"{ATOM}content") or "") + (
        entries[1].findtext(f"{ATOM}content") or ""
    )


def _rfc3339(value: str) -> dt.datetime:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})", value), value
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def test_feed_links_are_relative_without_site_url(tmp_path: Path) -> None:
    site = make_site(tmp_path, "today: 2026-11-02")
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    feed = ET.parse(result.site_dir / "changes.xml").getroot()
    for entry in feed.findall(f"{ATOM}entry"):
        link = entry.find(f"{ATOM}link")
        assert link is not None
        href = link.get("href", "")
        assert not href.startswith(("http:", "https:", "/")), href
        assert (result.site_dir / href.split("#")[0] / "index.html").is_file()
        assert (entry.findtext(f"{ATOM}id") or "").startswith("urn:uuid:")


@pytest.mark.parametrize(
    ("options", "marked"),
    [
        ("today: 2026-11-02", True),  # the day after the release
        ("today: 2026-11-02, updated_marks_days: 1", True),
        ("today: 2027-03-01", False),  # past the default 90 days
        ("today: 2026-11-02, updated_marks_days: 0", False),  # marks turned off
        ("today: 2026-10-15", False),  # before the release
    ],
)
def test_updated_marks_follow_the_period(tmp_path: Path, options: str, marked: bool) -> None:
    site = make_site(tmp_path, options)
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    ios = result.html("privacy/widget-ios.md")
    required = section(ios, "required-data")
    changed = re.search(r'id="azure-ad-device-id".*?</li>', required, re.S)
    added = re.search(r'id="battery-level".*?</li>', required, re.S)
    unchanged = re.search(r'id="device-identifier".*?</li>', required, re.S)
    assert changed and unchanged
    if "2026-10-15" in options:  # before 1.1.0: the page is 1.0.0's, and announces 1.1.0
        assert added is None and "pp-updated" not in ios
        assert "release 1.1.0" in ios and "releases/1.1.0/" in ios
        return
    assert added
    expected_month = V2_DATE[:7]
    if marked:
        assert f'href="#release-1-1-0">Updated in {expected_month}</a>' in changed.group(0)
        assert f'href="#release-1-1-0">New in {expected_month}</a>' in added.group(0)
    else:
        assert "pp-updated" not in ios
    assert "pp-updated" not in unchanged.group(0)
    # Items in a workload table are marked too (the Android page has a MAM column).
    android = result.html("privacy/widget-android.md")
    assert ('class="pp-updated"' in android) is marked


def test_site_without_snapshots_says_no_change_is_recorded(
    site_copy: Callable[[str], Path],
) -> None:
    site = site_copy("small")
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    page = result.html("privacy/widget-ios.md")
    assert EMPTY_SECTION_WORDING["change-history"] in section(page, "change-history")
    assert not (result.site_dir / "changes.xml").exists()
    assert not (result.site_dir / "privacy" / "changes" / "index.html").exists()


def test_a_broken_snapshot_fails_the_build_with_its_location(tmp_path: Path) -> None:
    site = make_site(tmp_path, "today: 2026-11-02")
    broken = site / "content" / "history" / "1.1.0.json"
    lines = broken.read_text("utf-8").splitlines()
    lines[3] = lines[3] + ","  # a trailing comma: invalid JSON on line 4
    broken.write_text("\n".join(lines) + "\n", "utf-8")
    result = run_mkdocs(site / "mkdocs.yml")
    assert not result.ok
    assert re.search(r"content/history/1\.1\.0\.json:\d+:\d+: error snapshot: ", result.messages), (
        result.messages
    )


def test_cli_render_writes_the_changes_page(tmp_path: Path) -> None:
    site = make_site(tmp_path, "today: 2026-11-02")
    out = tmp_path / "out"
    assert main(["render", "--config", str(site / "mkdocs.yml"), "--out", str(out)]) == 0
    changes = (out / "privacy" / "changes.md").read_text("utf-8")
    assert "Release 1.1.0" in changes and "(widget-ios.md#release-1-1-0)" in changes
    assert (out / "changes.xml").is_file(), "the feed the page links to"
    ios = (out / "privacy" / "widget-ios.md").read_text("utf-8")
    assert "## Change history" in ios


def test_the_example_site_shows_its_real_release_history(tmp_path: Path) -> None:
    """content/history/ holds the content as first taken from the seed pages and the content
    after this project's corrections; the built site renders the changes between them."""
    snapshots, problems = load_snapshots(REPO / "content")
    assert not problems.items, [str(p) for p in problems.items]
    assert len(snapshots) >= 2
    history = build_history(snapshots)
    releases = history.releases
    assert all(a.date < b.date for a, b in itertools.pairwise(releases))
    corrections = releases[-1].changes
    assert any(change.aspect == "wording" for change in corrections), "typo fixes"
    assert any(change.aspect == "metadata" for change in corrections), "normalized metadata"

    result = run_mkdocs(REPO / "mkdocs.yml", site_dir=tmp_path / "site")
    assert result.ok, result.messages
    page = result.html("privacy/changes.md")
    for release in releases:
        assert f'id="{release.anchor}"' in page
    for product_id in corrections.products:
        history_section = section(result.html(f"privacy/{product_id}.md"), "change-history")
        assert f'id="{releases[-1].anchor}"' in history_section
        assert "<del>" in history_section or "<ins>" in history_section
    feed = ET.parse(result.site_dir / "changes.xml").getroot()
    touched = len(snapshots[0].products) + sum(len(r.changes.products) for r in releases[1:])
    assert len(feed.findall(f"{ATOM}entry")) == touched


@pytest.mark.parametrize(("epoch_date", "marked"), [("2026-11-02", True), ("2027-03-01", False)])
def test_the_build_date_follows_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch_date: str, marked: bool
) -> None:
    """Without a ``today`` option, "Updated in" marks are judged on the build date, which
    SOURCE_DATE_EPOCH sets for reproducible builds (nothing is served from a cache instead)."""
    import datetime as dt

    site = make_site(tmp_path)
    epoch = dt.datetime.fromisoformat(f"{epoch_date}T12:00:00+00:00").timestamp()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(epoch)))
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    assert ('class="pp-updated"' in result.html("privacy/widget-ios.md")) is marked


def test_the_sites_own_wording_changing_between_releases_is_no_change(tmp_path: Path) -> None:
    """Release 1.1.0 is recorded after only the plugin's wording for empty sections changed:
    no statement changed, so no product's history lists it."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "history-v1", site)
    config = site / "mkdocs.yml"
    assert main(snapshot_args(config, "1.0.0", V1_DATE)) == 0
    wording = '      empty_sections: {your-rights: "Ask {product} support."}\n      lint:\n'
    config.write_text(config.read_text("utf-8").replace("      lint:\n", wording, 1), "utf-8")
    assert main(snapshot_args(config, "1.1.0", V2_DATE)) == 0
    result = run_mkdocs(config)
    assert result.ok, result.messages
    assert "Ask Widget on the web support." in result.html("privacy/widget-web.md")
    for product in ("widget-ios", "widget-android", "widget-web"):
        assert 'id="release-1-1-0"' not in result.html(f"privacy/{product}.md"), product
    changes = result.html("privacy/changes.md")
    assert "No privacy statement changed in this release." in changes
