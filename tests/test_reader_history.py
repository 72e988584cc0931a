"""History for readers: the "What changed" page, the product histories and the Atom feed render
the Markdown of changed text (bold, links), and leave out changes to front-matter metadata,
which ``privacy-pages diff`` still reports."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURES, SiteResult, run_mkdocs
from privacy_pages.cli import main

ATOM = "{http://www.w3.org/2005/Atom}"
NOTE_BEFORE = "    text: Widget uses a **local** VPN.\n"
NOTE_AFTER = "    text: Widget uses a **local, on-device** VPN; see [the VPN guide](https://example.com/vpn).\n"
#: A metadata key that release 1.0.0 has and release 1.1.0 removes: nothing a reader sees.
METADATA_ONLY = "  ms.prod: widget-web\n"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def snapshot(site: Path, version: str, date: str) -> None:
    args = ["snapshot", "--config", str(site / "mkdocs.yml"), "--version", version]
    assert main([*args, "--date", date]) == 0


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """history-v1 as release 1.0.0 (widget-web with an ms.prod key), then release 1.1.0 with
    the iOS note reworded in bold and a link, and widget-web's ms.prod removed; returns the
    site and a copy of its 1.0.0 content."""
    site = tmp_path_factory.mktemp("reader-history") / "site"
    shutil.copytree(FIXTURES / "history-v1", site)
    products = site / "content" / "products"
    edit(
        products / "widget-web.yml",
        "  ms.date: 2024-07-01\n",
        "  ms.date: 2024-07-01\n" + METADATA_ONLY,
    )
    snapshot(site, "1.0.0", "2026-10-01")
    before = site.parent / "content-1.0.0"
    shutil.copytree(site / "content", before, ignore=shutil.ignore_patterns("history"))
    edit(products / "widget-ios.yml", NOTE_BEFORE, NOTE_AFTER)
    edit(products / "widget-web.yml", METADATA_ONLY, "")
    snapshot(site, "1.1.0", "2026-11-01")
    return site, before


@pytest.fixture(scope="module")
def built(releases: tuple[Path, Path]) -> SiteResult:
    site, _ = releases
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    return result


def release_section(page: str, version: str) -> str:
    anchor = "release-" + version.replace(".", "-")
    start = page.index(f'id="{anchor}"')
    end = page.find('id="release-', start + 1)
    return page[start : end if end != -1 else len(page)]


def test_changed_text_renders_its_markdown_on_the_pages(built: SiteResult) -> None:
    for page in (built.html("privacy/changes.md"), built.html("privacy/widget-ios.md")):
        section = release_section(page, "1.1.0")
        assert "<strong>local" in section, section
        assert '<a href="https://example.com/vpn">' in section, section
        assert "**" not in section and "](" not in section


def test_changed_text_renders_its_markdown_in_the_feed(built: SiteResult) -> None:
    feed = ET.parse(built.site_dir / "changes.xml").getroot()
    [entry] = [
        e
        for e in feed.iter(f"{ATOM}entry")
        if "Widget for iOS" in (e.findtext(f"{ATOM}title") or "")
        and "1.1.0" in (e.findtext(f"{ATOM}title") or "")
    ]
    content = entry.findtext(f"{ATOM}content") or ""
    assert "<strong>local" in content and '<a href="https://example.com/vpn">' in content
    summary = entry.findtext(f"{ATOM}summary") or ""
    assert "**" not in summary and "](" not in summary
    assert "the VPN guide" in summary


def test_metadata_only_changes_are_left_out_for_readers(built: SiteResult) -> None:
    changes = release_section(built.html("privacy/changes.md"), "1.1.0")
    assert "Widget on the web" not in changes and "ms.prod" not in changes
    web = built.html("privacy/widget-web.md")
    assert 'id="release-1-1-0"' not in web, "no release in the product's history for it"
    feed = ET.parse(built.site_dir / "changes.xml").getroot()
    titles = [e.findtext(f"{ATOM}title") or "" for e in feed.iter(f"{ATOM}entry")]
    assert not [t for t in titles if "Widget on the web" in t and "1.1.0" in t], titles
    assert all("ms.prod" not in ET.tostring(e, encoding="unicode") for e in feed)


def test_the_diff_command_keeps_metadata_changes(
    releases: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    site, before = releases
    code = main(["diff", str(before), str(site / "content"), "--config", str(site / "mkdocs.yml")])
    out = capsys.readouterr().out
    assert code in (0, 1), out
    assert re.search(r"ms\.prod", out), out
    assert "Widget on the web" in out


@pytest.mark.parametrize(
    "segments",
    [
        # Only the link's address changed: marking it would break the address.
        [("See [the docs](https://example.com/", False), ("v2", True), (").", False)],
        # The change starts inside bold text and ends after it.
        [("Kept **for ", False), ("30 days** and", True), (" then deleted.", False)],
        # A code span cut in two.
        [("Run `privacy-pages ", False), ("validate` now", True), (".", False)],
    ],
)
def test_a_change_inside_markdown_syntax_still_renders_whole(
    segments: list[tuple[str, bool]],
) -> None:
    import markdown
    from privacy_pages.history.notes import Segment
    from privacy_pages.render.change_notes import marked

    excerpt = tuple(Segment(text, changed) for text, changed in segments)
    html = markdown.markdown(str(marked(excerpt, "ins")))
    assert html.count("<ins>") == html.count("</ins>") >= 1
    assert "&lt;ins" not in html and "&lt;/ins" not in html
    for href in re.findall(r'href="([^"]*)"', html):
        assert "<" not in href and "ins" not in href
    text = re.sub(r"<[^>]+>", "", html)
    assert "**" not in text and "`" not in text and "](" not in text, "rendered, not its source"
    changed = next(text for text, is_changed in segments if is_changed)
    words = changed.replace("*", "").replace("`", "").strip()
    assert words in text or any(words in href for href in re.findall(r'href="([^"]*)"', html))
