"""A release's entry as readers read it (issue 55), on a copy of the example site: release 1.1.0
records the content as it is, then, the same day, Microsoft Managed Desktop's record gets the issue's edit (a
retention period from 30 to 90 days, an optional group with one item, one sentence reworded)
and release 1.2.0 records it. The product page's entry, What changed and the feed say what
changed in substance first, each in plain words, and fold the rewording after it; Chromium
reads the entry, What changed and a version comparison in English and in French."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browser import Visit, serve
from conftest import SiteResult, copy_example_site, run_mkdocs
from privacy_pages.cli import main

ATOM = "{http://www.w3.org/2005/Atom}"
RECORD = "content/products/managed-desktop.yml"
REWORDED = (
    "Microsoft Managed Desktop does not collect data by itself",
    "Microsoft Managed Desktop collects no data by itself",
)
EMPTY_OPTIONAL = (
    "  optional-data: >-\n"
    "    Microsoft Managed Desktop collects no optional data: it reuses the data that other services\n"
    "    collect.\n"
)
OPTIONAL_GROUP = (
    "optional:\n  groups:\n    - category: diagnostic\n      kind: diagnostic\n"
    "      items:\n        - ref: app-cpu-network-usage\n"
    "          control: The admin turns diagnostic data on or off.\n\n"
)
#: What no line a reader reads may hold: ids, field names, record paths, Markdown source.
NOT_FOR_READERS = (
    "optional-data",
    "app-cpu-network-usage",
    "group kind",
    "group title",
    "empty section",
    "retention.",
    "period changed",
    "](",
    "**",
)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def snapshot(site: Path, version: str, date: str) -> None:
    args = ["snapshot", "--config", str(site / "mkdocs.yml"), "--version", version]
    assert main([*args, "--date", date]) == 0


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = copy_example_site(tmp_path_factory.mktemp("release-entries") / "site")
    snapshot(site, "1.1.0", "2026-11-23")
    record = site / RECORD
    edit(record, "period: {duration: 30 days,", "period: {duration: 90 days,")
    edit(record, *REWORDED)
    edit(record, EMPTY_OPTIONAL, "")
    edit(record, "data_use:\n", OPTIONAL_GROUP + "data_use:\n")
    snapshot(site, "1.2.0", "2026-11-23")
    return site


@pytest.fixture(scope="module")
def built(site: Path) -> SiteResult:
    # Not strict: the edit leaves the French translation of the reworded sentence stale, and
    # that of the removed empty-section sentence unused, as a writer's edit does (warnings).
    result = run_mkdocs(site / "mkdocs.yml", strict=False, site_dir=site / "_site")
    assert result.ok, f"{result.error}\n{result.messages}"
    return result


def entry(page: str, version: str = "1.2.0") -> str:
    """The HTML of a release's entry: from its heading to the next release's."""
    start = page.index(f'id="release-{version.replace(".", "-")}"')
    end = page.find('id="release-', start + 1)
    return page[start : end if end != -1 else len(page)]


def plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def lines(html: str) -> list[str]:
    """The entry's list items outside the folded rewording, as text, in order."""
    unfolded = re.sub(r"<details.*?</details>", "", html, flags=re.S)
    return [plain(item) for item in re.findall(r"<li>(.*?)</li>", unfolded, re.S)]


def folded(html: str) -> tuple[str, list[str]]:
    """The folded rewording: its one line, and what it holds."""
    [details] = re.findall(r"<details.*?</details>", html, re.S)
    summary = plain(re.search(r"<summary>(.*?)</summary>", details, re.S).group(1))  # type: ignore[union-attr]
    return summary, [plain(item) for item in re.findall(r"<li>(.*?)</li>", details, re.S)]


def check_substance_first(html: str) -> None:
    said = lines(html)
    assert len(said) == 2, said
    assert {"90 days" in line for line in said[:2]} == {True, False}, said
    [added] = [line for line in said if "App, CPU, and network usage" in line]
    assert "is now collected" in added and "(optional)" in added, added
    summary, reworded = folded(html)
    assert summary == "1 text reworded", summary
    [line] = reworded
    assert "collects no" in line and "does not collect" in line, line
    text = plain(html)
    for word in NOT_FOR_READERS:
        assert word not in text, (word, text)


def test_the_entry_on_the_product_page(built: SiteResult) -> None:
    check_substance_first(entry(built.html("privacy/managed-desktop.md")))


def test_what_changed_says_the_same_in_the_same_order(built: SiteResult) -> None:
    page = built.html("privacy/changes.md")
    release = entry(page)
    check_substance_first(release)
    product = entry(built.html("privacy/managed-desktop.md"))
    assert lines(release) == lines(product)


def test_the_feed_says_the_same_in_the_same_order(built: SiteResult) -> None:
    feed = ET.parse(built.site_dir / "changes.xml").getroot()
    [found] = [
        e
        for e in feed.iter(f"{ATOM}entry")
        if "1.2.0" in (e.findtext(f"{ATOM}title") or "")
        and "Managed Desktop" in (e.findtext(f"{ATOM}title") or "")
    ]
    content = found.findtext(f"{ATOM}content") or ""
    page = entry(built.html("privacy/managed-desktop.md"))
    said = [plain(item) for item in re.findall(r"<li>(.*?)</li>", content, re.S)]
    assert said[:2] == lines(page), said
    assert "1 text reworded" in plain(content)
    summary = found.findtext(f"{ATOM}summary") or ""
    assert summary.index("90 days") < summary.index("reworded"), summary


def test_the_comparison_with_the_latest_version(built: SiteResult) -> None:
    """1.0.0 against 1.2.0: the same two changes first, and every rewording folded."""
    page = built.html("privacy/managed-desktop/compare/1.0.0...1.2.0.md")
    body = page[page.index('id="changes"') :]
    said = lines(body)
    assert any("90 days" in line for line in said[:2]), said
    assert any("App, CPU, and network usage" in line for line in said[:2]), said
    summary, reworded = folded(body)
    assert re.fullmatch(r"\d+ texts reworded", summary) and len(reworded) > 1, summary
    for word in ("optional-data", "group kind", "empty section", "**"):
        assert word not in plain(body), word


def test_dates_agree_and_read_as_the_page_writes_them(built: SiteResult) -> None:
    """The page's "Last updated" is the day the version it shows took effect (its ms.date is
    two days older); every date of the page in its language's long form; two releases of one
    day read naturally."""
    page = built.html("privacy/managed-desktop.md")
    assert "Last updated: November 23, 2026" in page
    assert "Release 1.2.0 (November 23, 2026)" in plain(page)
    assert not re.findall(r"\d{4}-\d{2}-\d{2}", plain(page[page.index('id="change-history"') :]))
    french = built.html("fr/privacy/managed-desktop.md")
    assert "23 novembre 2026" in plain(french)
    assert not re.findall(r"\d{4}-\d{2}-\d{2}", plain(french[french.index("release-1-2-0") :]))
    archived = plain(built.html("privacy/managed-desktop/releases/1.1.0.md"))
    assert "said on November 23, 2026, in release 1.1.0" in archived
    assert "from November 23, 2026 to November 23, 2026" not in archived


def test_the_french_entry_names_items_and_groups_in_french(built: SiteResult) -> None:
    """The catalog, the categories and the record translate the names the release recorded
    in English: the French entry says them in French, the period in French words."""
    said = lines(entry(built.html("fr/privacy/managed-desktop.md")))
    assert len(said) == 2, said
    [added] = [line for line in said if "est désormais collecté" in line]
    assert "Utilisation de l'application, du processeur et du réseau" in added, added
    assert "Données de diagnostic (facultatives)" in added, added
    [period] = [line for line in said if "90 jours" in line]
    assert "Données personnelles" in period, period
    for english in ("App, CPU", "Diagnostic data", "Personal data", "optional"):
        assert english not in " ".join(said), english


def test_english_in_the_french_entry_is_marked_english(built: SiteResult) -> None:
    """The reworded sentence has no translation in the release: it is quoted in English,
    marked so; the period, said in French words, is not."""
    html = entry(built.html("fr/privacy/managed-desktop.md"))
    [details] = re.findall(r"<details.*?</details>", html, re.S)
    marked = re.findall(r'<span lang="en">(.*?)</span>', details, re.S)
    assert len(marked) == 2 and "does not collect" in plain(marked[0]), marked
    [period] = [item for item in re.findall(r"<li>(.*?)</li>", html, re.S) if "jours" in item]
    assert 'lang="en"' not in period, period
    assert 'lang="en"' not in entry(built.html("privacy/managed-desktop.md"))


@pytest.fixture(scope="module")
def served(built: SiteResult) -> Iterator[str]:
    with serve(built.site_dir) as base:
        yield base


def reads_the_folded_rewording(visit: Visit, heading: str, reworded: str) -> None:
    """The rewording after ``heading`` is one line (``reworded``), folded until the reader
    opens it; the page has no problem."""
    details = visit.page.locator(f"{heading} ~ .pp-reworded details").first
    assert details.locator("summary").inner_text().strip() == reworded
    hidden = details.locator("li").first
    assert not hidden.is_visible(), "folded until the reader opens it"
    details.locator("summary").click()
    assert hidden.is_visible()
    assert not visit.problems, visit.problems


@pytest.mark.parametrize(
    ("prefix", "period", "added", "reworded"),
    [
        ("", "90 days", "is now collected", "1 text reworded"),
        (
            "fr/",
            "90 jours",
            "du processeur et du réseau est désormais collecté",
            "1 texte reformulé",
        ),
    ],
)
def test_a_reader_opens_the_folded_rewording(
    open_page: Callable[..., Visit],
    served: str,
    prefix: str,
    period: str,
    added: str,
    reworded: str,
) -> None:
    visit = open_page(f"{served}{prefix}privacy/managed-desktop/#release-1-2-0")
    page = visit.page
    release = page.locator("h3:has(#release-1-2-0) ~ ul").first
    items = release.locator("li").all_inner_texts()
    assert period in items[0] or period in items[1], items
    assert any(added in item for item in items), items
    reads_the_folded_rewording(visit, "h3:has(#release-1-2-0)", reworded)


def test_only_the_words_a_release_kept_in_english_are_marked_english(built: SiteResult) -> None:
    """1.0.0 kept its period as English text, 1.2.0 as data: on the French comparison the old
    period is marked English, the new one, said in French from its data, is not."""
    page = built.html("fr/privacy/managed-desktop/compare/1.0.0...1.2.0.md")
    body = page[page.index('id="changes"') :]
    [period] = [item for item in re.findall(r"<li>(.*?)</li>", body, re.S) if "90 jours" in item]
    before, after = period.split("→")
    assert '<span lang="en">' in before and "30" in before, period
    assert 'lang="en"' not in after and "90 jours" in after, period


@pytest.mark.parametrize(
    ("path", "period", "added", "reworded"),
    [
        ("privacy/changes/", "90 days", "is now collected", "1 text reworded"),
        ("fr/privacy/changes/", "90 jours", "est désormais collecté", "1 texte reformulé"),
        (
            "privacy/managed-desktop/compare/1.0.0...1.2.0/",
            "90 days",
            "is now collected",
            "3 texts reworded",
        ),
        (
            "fr/privacy/managed-desktop/compare/1.0.0...1.2.0/",
            "90 jours",
            "est désormais collecté",
            "3 textes reformulés",
        ),
    ],
)
def test_a_reader_reads_what_changed_and_a_comparison(
    open_page: Callable[..., Visit],
    served: str,
    path: str,
    period: str,
    added: str,
    reworded: str,
) -> None:
    """What changed and a version comparison, read in Chromium in each language: the period
    and the added item first, in the page's words, no id or field name, the rewording folded
    until the reader opens it."""
    visit = open_page(f"{served}{path}")
    page = visit.page
    heading = "h2:has(#release-1-2-0)" if "changes" in path else "h2#changes"
    items = page.locator(f"{heading} ~ ul").first.locator("li").all_inner_texts()
    assert any(period in item for item in items[:2]), items
    assert any(added in item for item in items[:2]), items
    shown = page.locator("article").inner_text()
    for word in ("optional-data", "app-cpu-network-usage", "group kind", "empty section", "]("):
        assert word not in shown, word
    reads_the_folded_rewording(visit, heading, reworded)
