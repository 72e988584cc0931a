"""Every published version of a statement: archived pages, effective dates, compare versions,
and an archive that cannot change silently.

Each test builds a scratch copy of the example site with MkDocs, in process, and reads the
HTML. Releases are recorded with the real ``privacy-pages snapshot`` command; the build's date
is moved with the site's ``history.today`` option, the same switch the "Updated in" marks use.
Expected texts come from the records and snapshots the tests write, never from the output.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import posixpath
import re
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path

import pytest
from babel.dates import format_date
from conftest import REPO, SiteResult, copy_example_site, run_mkdocs
from fidelity import page_text
from privacy_pages.cli import main
from privacy_pages.history.changes import Kind, Subject
from privacy_pages.history.snapshot import parse_snapshot, text_digest

PRODUCTS = sorted(path.stem for path in (REPO / "content/products").glob("*.yml"))
TODAY = dt.date.today()
LATER = TODAY + dt.timedelta(days=30)
#: What the tests change in Microsoft Managed Desktop's record.
#: (Shown as each release's records write it: "A maximum of 30 days" in the example's
#: releases, "up to 30 days" in one of its records as they are.)
OLD_PERIOD, NEW_PERIOD = "30 days", "60 days"
#: (Words of a text the French translation leaves to English: changing them makes no
#: translation stale, which a strict build reports.)
OLD_WORDS = "Similarly, the CCPA provides privacy rights"
NEW_WORDS = "Likewise, the CCPA provides privacy rights"
ADDED_ITEM = "        - ref: admin-phone-number\n"


def cli(*arguments: str | Path) -> tuple[int, str]:
    out, err = StringIO(), StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in arguments])
    return code, out.getvalue() + err.getvalue()


def record_release(site: Path, version: str, *extra: str) -> None:
    code, output = cli(
        "snapshot", "--version", version, "--date", TODAY.isoformat(), *extra,
        "--config", site / "mkdocs.yml",
    )  # fmt: skip
    assert code == 0, output


def build(site: Path, today: dt.date | None = None) -> SiteResult:
    """The site built strictly, on ``today`` (the site's ``history.today``)."""
    config = site / "mkdocs.yml"
    text = config.read_text("utf-8")
    text = re.sub(r"\n      history:\n        today: \S+", "", text)
    if today is not None:
        text = text.replace(
            "      pages_dir: privacy\n",
            f"      pages_dir: privacy\n      history:\n        today: {today.isoformat()}\n",
        )
    config.write_text(text, "utf-8")
    result = run_mkdocs(config, site_dir=site / "_site")
    assert result.ok, f"{result.error}\n{result.messages}"
    return result


def html(site: Path, url: str) -> str:
    path = site / "_site" / url / "index.html"
    assert path.is_file(), f"no page at {url}"
    return path.read_text("utf-8")


def text(site: Path, url: str) -> str:
    return " ".join(page_text(html(site, url)).split())


def storage(words: str) -> str:
    """The "Storage and retention" section of a page's text (the change history, below it,
    may name other periods)."""
    start = words.index("Storage and retention")
    return words[start : words.index("Data access and security", start)]


def links(page_html: str, page_url: str) -> set[str]:
    """The site paths (``privacy/x/``) a page links to, resolved from its own URL."""
    found = set()
    for href in re.findall(r'href="([^"#:?]+)"', page_html):
        found.add(posixpath.normpath(posixpath.join(page_url, href)) + "/")
    return found


def edit(site: Path, product: str, old: str, new: str) -> None:
    path = site / "content/products" / f"{product}.yml"
    before = path.read_text("utf-8")
    assert old in before, old
    path.write_text(before.replace(old, new, 1), "utf-8")


def change_managed_desktop(site: Path) -> None:
    """A changed retention period and an added item (a catalog item it did not list)."""
    edit(site, "managed-desktop", f"duration: {OLD_PERIOD}", f"duration: {NEW_PERIOD}")
    group = "    - category: service-data\n"
    edit(site, "managed-desktop", group, ADDED_ITEM + group)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_example_site(tmp_path / "site")


# -- archived versions ---------------------------------------------------------------------------


def test_each_product_page_links_its_versions_each_the_whole_statement(site: Path) -> None:
    build(site)
    snapshot = json.loads((site / "content/history/1.0.0.json").read_text("utf-8"))
    assert snapshot["schema_version"] >= 2 and snapshot["records"], "1.0.0 keeps its records"
    # Every statement the release published (a product added since has no earlier version).
    released = sorted(snapshot["products"])
    assert len(released) >= 4 and set(released) <= set(PRODUCTS)
    for product in released:
        page_url = f"privacy/{product}/"
        page = html(site, page_url)
        archived = f"privacy/{product}/releases/1.0.0/"
        assert archived in links(page, page_url), product
        # The archived page holds every item the release recorded for the statement...
        archived_html = html(site, archived)
        for anchor in snapshot["products"][product]["items"]:
            assert f'id="{anchor}"' in archived_html, (product, anchor)
        # ...says it is a version, when it took effect, and links to the current page.
        words = text(site, archived)
        assert "release 1.0.0" in words and "2026" in words
        assert page_url in links(archived_html, archived)
        # A release is changed only by recording it again: no "edit this page" to its file.
        assert "history/1.0.0.json" not in archived_html
        # The first release was recorded without its records: said, never made up.
        assert "cannot be shown whole" in text(site, page_url)
        assert not (site / "_site" / f"privacy/{product}/releases/0.1.0").exists()
    # privacy.json lists the releases, with each statement's version and its pages.
    for download in ("privacy/privacy.json", "fr/privacy/privacy.json"):
        releases = json.loads((site / "_site" / download).read_text("utf-8"))["releases"]
        assert [r["version"] for r in releases] == ["0.1.0", "1.0.0"]
        for statement in releases[1]["statements"]:
            for key in ("page", "compare"):
                url = statement[key].removesuffix(".md") + "/index.html"
                assert (site / "_site" / url).is_file(), (download, statement)
        assert all(s["page"] is None for s in releases[0]["statements"])


def test_an_edit_after_a_release_leaves_the_archived_page_as_released(site: Path) -> None:
    edit(site, "managed-desktop", OLD_WORDS, NEW_WORDS)
    build(site)
    current = text(site, "privacy/managed-desktop/")
    archived = text(site, "privacy/managed-desktop/releases/1.0.0/")
    assert NEW_WORDS in current and OLD_WORDS not in current
    assert OLD_WORDS in archived and NEW_WORDS not in archived
    # Search finds today's statement: the versions' pages are left out of its index.
    index = json.loads((site / "_site/search/search_index.json").read_text("utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert not [loc for loc in locations if "/releases/" in loc or "..." in loc]
    old_only = [d for d in index["docs"] if OLD_WORDS in d.get("text", "")]
    assert not old_only, [d["location"] for d in old_only]
    assert any(NEW_WORDS in d.get("text", "") for d in index["docs"])


# -- effective dates ----------------------------------------------------------------------------


def test_a_release_that_takes_effect_later_is_announced_then_becomes_current(site: Path) -> None:
    change_managed_desktop(site)
    record_release(site, "1.1.0", "--effective", LATER.isoformat())
    recorded = json.loads((site / "content/history/1.1.0.json").read_text("utf-8"))
    assert recorded["effective"] == LATER.isoformat()

    build(site, TODAY)
    page_url = "privacy/managed-desktop/"
    current = text(site, page_url)
    # The page stays the version in effect, and announces the next one with links to it.
    assert OLD_PERIOD in storage(current) and NEW_PERIOD not in storage(current)
    assert "1.1.0" in current
    targets = links(html(site, page_url), page_url)
    assert "privacy/managed-desktop/releases/1.1.0/" in targets
    assert "privacy/managed-desktop/compare/1.0.0...1.1.0/" in targets
    upcoming = text(site, "privacy/managed-desktop/releases/1.1.0/")
    assert NEW_PERIOD in upcoming and "takes effect" in upcoming

    build(site, LATER + dt.timedelta(days=1))  # the same content, a day after
    current = text(site, page_url)
    assert NEW_PERIOD in storage(current) and OLD_PERIOD not in storage(current)
    assert "takes effect" not in current and "changes on" not in current
    archived = text(site, "privacy/managed-desktop/releases/1.0.0/")
    assert OLD_PERIOD in archived and "archived version" in archived


def test_an_effective_date_before_the_release_is_refused(site: Path) -> None:
    earlier = (TODAY - dt.timedelta(days=1)).isoformat()
    code, output = cli(
        "snapshot", "--version", "1.1.0", "--date", TODAY.isoformat(), "--effective", earlier,
        "--config", site / "mkdocs.yml",
    )  # fmt: skip
    assert code == 2 and "effective date" in output
    assert not (site / "content/history/1.1.0.json").exists()


# -- compare versions ---------------------------------------------------------------------------


def test_the_comparison_names_an_added_item_and_a_changed_retention_with_both_values(
    site: Path,
) -> None:
    change_managed_desktop(site)
    record_release(site, "1.1.0")
    build(site)
    catalog = (site / "content/catalog").glob("*.yml")
    added_name = next(
        m.group(1)
        for path in catalog
        for m in re.finditer(r"- id: admin-phone-number\n\s+name: (.+)", path.read_text("utf-8"))
    )
    # A version and the newest have a comparison page...
    url = "privacy/managed-desktop/compare/0.1.0...1.1.0/"
    words = text(site, url)
    assert added_name in words
    assert "30 days" in words and "60 days" in words
    # ...but a version and the one before it: the newer one's entry in the change history
    # says what changed, and their comparison address leads there.
    page = text(site, "privacy/managed-desktop/")
    entry = page[page.index("Release 1.1.0") : page.index("Release 1.0.0")]
    assert added_name in entry and "30 days" in entry and "60 days" in entry
    redirect = html(site, "privacy/managed-desktop/compare/1.0.0...1.1.0/")
    assert 'content="0; url=../../#release-1-1-0"' in redirect
    assert 'location.replace("../../#release-1-1-0")' in redirect
    # The comparison page links the change history, where each version links its own.
    assert "../../#change-history" in set(re.findall(r'href="([^"]+)"', html(site, url)))
    # What changed and the feed link the release's entry.
    changes = html(site, "privacy/changes/")
    assert "../managed-desktop/#release-1-1-0" in changes
    feed = (site / "_site/changes.xml").read_text("utf-8")
    assert "privacy/managed-desktop/#release-1-1-0" in feed


def test_comparison_pages_grow_with_the_releases_not_with_their_pairs(site: Path) -> None:
    """Each version is compared with the one before (its entry in the change history) and with
    the newest; no other pair gets a page, and the comparisons say where the others are. A
    version's page lists a bounded part of the change history."""
    days = range(31, 43)  # twelve more releases, each changing the statement's retention
    previous = 30
    for number, day in enumerate(days, start=1):
        edit(site, "managed-desktop", f"period: {{duration: {previous} days,",
             f"period: {{duration: {day} days,")  # fmt: skip
        record_release(site, f"1.{number}.0")
        previous = day
    build(site)
    versions = ["0.1.0", "1.0.0"] + [f"1.{n}.0" for n in range(1, len(days) + 1)]
    latest = versions[-1]
    folder = site / "_site/privacy/managed-desktop/compare"
    addresses = {path.name for path in folder.iterdir()}
    assert len(addresses) <= 2 * len(versions), sorted(addresses)
    expected = {f"{old}...{new}" for old, new in itertools.pairwise(versions)}
    expected |= {f"{old}...{latest}" for old in versions[:-1]}
    assert addresses == expected
    # A comparison of a version with the newest says what changed between the two.
    words = text(site, f"privacy/managed-desktop/compare/1.1.0...{latest}/")
    assert "31 days" in words and f"{days[-1]} days" in words
    # It names where any other two versions are compared: the change history.
    page = html(site, f"privacy/managed-desktop/compare/1.1.0...{latest}/")
    assert 'href="../../#change-history"' in page
    # Each older version's entry links its comparison with the newest.
    page_url = "privacy/managed-desktop/"
    targets = links(html(site, page_url), page_url)
    for old in versions[:-2]:
        assert f"privacy/managed-desktop/compare/{old}...{latest}/" in targets, old
    # The product's page lists every release; a version's page its ten newest, and leads to
    # the entry of the one before them, on that version's page.
    listed = re.compile(r"Release (\d+\.\d+\.\d+) \(")
    assert listed.findall(text(site, page_url)) == versions[::-1]
    url = "privacy/managed-desktop/releases/1.11.0/"
    assert listed.findall(text(site, url)) == versions[-2:-12:-1]
    assert 'href="../1.1.0/#release-1-1-0"' in html(site, url)
    assert listed.findall(text(site, "privacy/managed-desktop/releases/1.1.0/"))[0] == "1.1.0"


# -- an archive that cannot change silently -----------------------------------------------------


def test_a_hand_edited_snapshot_fails_validate_with_its_file_named(site: Path) -> None:
    code, output = cli("validate", site / "content")
    assert code == 0, output
    path = site / "content/history/1.0.0.json"
    document = path.read_text("utf-8")
    path.write_text(document.replace("A maximum of 30 days", "A maximum of 3 days", 1), "utf-8")
    code, output = cli("validate", site / "content")
    assert code == 1
    assert "history/1.0.0.json" in output and "edited after it was recorded" in output


def test_a_release_recorded_again_says_so(site: Path) -> None:
    edit(site, "managed-desktop", OLD_WORDS, NEW_WORDS)
    code, output = cli(
        "snapshot", "--version", "1.0.0", "--date", "2026-11-21", "--force",
        "--config", site / "mkdocs.yml",
    )  # fmt: skip
    assert code == 0, output
    recorded = json.loads((site / "content/history/1.0.0.json").read_text("utf-8"))
    assert recorded["re_recorded"] == [dt.date.today().isoformat()]
    build(site)
    said = f"recorded again, changed, on {format_date(dt.date.today(), 'long', locale='en')}"
    assert said in text(site, "privacy/managed-desktop/")
    assert said in text(site, "privacy/changes/")


def test_any_edit_to_a_snapshot_file_breaks_its_digest() -> None:
    text = (REPO / "content/history/1.0.0.json").read_text("utf-8")
    document = json.loads(text)
    assert document["digest"] == text_digest(text)
    snapshot, problems = parse_snapshot(text, "1.0.0.json")
    assert snapshot is not None and not problems
    edits = (
        text.replace('"Microsoft Intune"', '"Intune, edited"', 1),  # what it says
        text.replace('"Microsoft Intune"', '"Microsoft  Intune"', 1),  # one space
        text.replace("\n  ", "\n   ", 1),  # the file re-indented
    )
    for edited in edits:
        assert edited != text
        snapshot, problems = parse_snapshot(edited, "1.0.0.json")
        assert snapshot is None and "edited after it was recorded" in problems[0].message
    # A release recorded before digests (format 1) still reads, without records.
    old, problems = parse_snapshot(
        (REPO / "content/history/0.1.0.json").read_text("utf-8"), "0.1.0.json"
    )
    assert old is not None and not problems and old.records is None


# -- exports per version ------------------------------------------------------------------------


def test_export_writes_a_store_label_as_it_was_at_a_release(site: Path, tmp_path: Path) -> None:
    config = ("--config", site / "mkdocs.yml")
    product = "defender-endpoint-android"

    def export(*release: str) -> tuple[int, str, bytes]:
        out = tmp_path / "label.csv"
        out.unlink(missing_ok=True)
        code, output = cli("export", "google-play", product, *release, "--out", out, *config)
        return code, output, out.read_bytes() if out.is_file() else b""

    record_release(site, "1.1.0")
    code, output, released = export()
    assert code == 0 and released, output
    # After the release, the label changes: analytics is no longer a purpose of its data.
    edit(
        site,
        product,
        "purposes: [app-functionality, security, analytics]",
        "purposes: [app-functionality, security]",
    )
    code, output, today = export()
    assert code == 0 and today and today != released, output
    code, output, at_release = export("--release", "1.1.0")
    assert code == 0 and at_release == released, output
    # A release that kept no records cannot say; an unknown one is named.
    code, output, _ = export("--release", "0.1.0")
    assert code == 1 and "recorded before releases kept their records" in output
    code, output, _ = export("--release", "9.9")
    assert code == 2 and "0.1.0, 1.0.0, 1.1.0" in output


def test_a_version_page_shows_the_history_up_to_its_release(site: Path) -> None:
    # Two releases on one day, numbered so that text order would put them the wrong way.
    edit(site, "managed-desktop", OLD_WORDS, NEW_WORDS)
    record_release(site, "1.9.0")
    edit(site, "managed-desktop", f"duration: {OLD_PERIOD}", f"duration: {NEW_PERIOD}")
    record_release(site, "1.10.0")
    build(site)
    earlier = text(site, "privacy/managed-desktop/releases/1.9.0/")
    # 1.10.0 is the version in effect, unchanged since: its address leads to the product page.
    assert_leads_to_product_page(site, "managed-desktop", "1.10.0")
    later = text(site, "privacy/managed-desktop/")
    assert "Release 1.9.0" in earlier and "Release 1.10.0" not in earlier
    assert "Release 1.9.0" in later and "Release 1.10.0" in later
    assert NEW_PERIOD in storage(later) and OLD_PERIOD in storage(earlier)


def assert_leads_to_product_page(site: Path, product: str, version: str) -> None:
    """The version's address is a file that sends the reader to the product's page (with the
    link's fragment), and no page of its own: not in search, not in the sitemap."""
    address = f"privacy/{product}/releases/{version}/"
    redirect = html(site, address)
    target = posixpath.normpath(posixpath.join(address, "../../")) + "/"
    assert target == f"privacy/{product}/"
    assert 'http-equiv="refresh" content="0; url=../../"' in redirect
    assert '<link rel="canonical" href="../../">' in redirect
    assert 'location.replace("../../" + location.hash)' in redirect
    assert "md-content" not in redirect, "a redirect, not a page of the theme"
    assert f"Release {version} is the version of" in page_text(redirect)
    index = json.loads((site / "_site/search/search_index.json").read_text("utf-8"))
    assert not [d for d in index["docs"] if f"/releases/{version}/" in d["location"]]
    sitemap = (site / "_site/sitemap.xml").read_text("utf-8")
    assert address not in sitemap


def test_the_version_in_effect_unchanged_is_its_product_page_until_it_is_edited(
    site: Path,
) -> None:
    change_managed_desktop(site)
    record_release(site, "1.1.0")
    build(site)
    assert_leads_to_product_page(site, "managed-desktop", "1.1.0")
    page_url = "privacy/managed-desktop/"
    page = html(site, page_url)
    # Its change history links the earlier version's page, not the page to itself.
    targets = links(page, page_url)
    assert "privacy/managed-desktop/releases/1.0.0/" in targets
    assert "privacy/managed-desktop/releases/1.1.0/" not in targets
    # Its entry in the change history says what changed from the version before; their
    # comparison address leads there.
    compare_url = "privacy/managed-desktop/compare/1.0.0...1.1.0/"
    assert '<a href="../../#release-1-1-0">' in html(site, compare_url)
    assert "archived" not in text(site, page_url)
    # The release recorded every product as the content has it (their texts changed since
    # 1.0.0): each one's page is its 1.1.0 version.
    for product in PRODUCTS:
        assert_leads_to_product_page(site, product, "1.1.0")

    # Edited after the release: the version gets its own page, as released.
    edit(site, "managed-desktop", OLD_WORDS, NEW_WORDS)
    build(site)
    released = text(site, "privacy/managed-desktop/releases/1.1.0/")
    assert OLD_WORDS in released and NEW_WORDS not in released and NEW_PERIOD in released
    assert "release 1.1.0, its latest" in released
    current = text(site, page_url)
    assert NEW_WORDS in current and OLD_WORDS not in current
    assert "privacy/managed-desktop/releases/1.1.0/" in links(html(site, page_url), page_url)


def test_a_catalog_edit_after_a_release_gives_every_version_in_effect_its_page(
    site: Path,
) -> None:
    record_release(site, "1.1.0")
    catalog = site / "content/catalog/apps.yml"
    words = catalog.read_text("utf-8")
    # (Its category: structure, which no translation holds.)
    old = "name: Install source\n    category: app-info\n"
    new = "name: Install source\n    category: device\n"
    assert old in words
    catalog.write_text(words.replace(old, new, 1), "utf-8")
    build(site)
    # The pages read the catalog: what 1.1.0 published is no longer what they show.
    for product in PRODUCTS:
        assert "md-content" in html(site, f"privacy/{product}/releases/1.1.0/"), product


def test_a_statement_unchanged_since_a_clean_release_is_not_walked_again_but_a_changed_one_is(
    tmp_path: Path,
) -> None:
    from privacy_pages.history.snapshot import load_snapshots

    history = tmp_path / "content/history"
    history.mkdir(parents=True)
    first = json.loads((REPO / "content/history/0.1.0.json").read_text("utf-8"))
    (history / "0.1.0.json").write_text(json.dumps(first), "utf-8")
    second = json.loads(json.dumps(first))
    second["version"], second["date"] = "0.2.0", "2026-11-21"
    second["products"]["intune"]["name"] = "Intune\u0007"  # a control character
    (history / "0.2.0.json").write_text(json.dumps(second), "utf-8")
    snapshots, problems = load_snapshots(tmp_path / "content")
    assert [s.version for s in snapshots] == ["0.1.0"]
    [problem] = problems.errors
    assert "0.2.0.json" in problem.location.path and "U+0007" in problem.message


def test_a_statement_first_published_by_a_later_release_says_when_once(site: Path) -> None:
    record = (site / "content/products/intune.yml").read_text("utf-8")
    assert "id: intune\n" in record
    copy = record.replace("id: intune\n", "id: intune-next\n", 1)
    (site / "content/products/intune-next.yml").write_text(copy, "utf-8")
    record_release(site, "1.1.0", "--effective", LATER.isoformat())
    build(site, TODAY)
    words = text(site, "privacy/intune-next/")
    assert words.count("takes effect on") == 1, words
    assert "release 1.1.0" in words and "changes on" not in words


def test_a_statement_removed_from_the_content_keeps_its_versions(site: Path) -> None:
    # The statement goes, with what it alone used: its catalog file, its category, and their
    # French translations (a strict build warns about records nothing shows).
    for path in (
        "products/managed-desktop.yml",
        "translations/fr/products/managed-desktop.yml",
        "catalog/services.yml",
        "translations/fr/catalog/services.yml",
    ):
        (site / "content" / path).unlink()
    categories = site / "content/categories.yml"
    kept = re.sub(r"  - id: service-data\n(?:    .*\n)+", "", categories.read_text("utf-8"))
    categories.write_text(kept, "utf-8")
    french = site / "content/translations/fr/categories.yml"
    kept = re.sub(r"categories\[service-data\]\.\w+:\n(?:  .*\n)+", "", french.read_text("utf-8"))
    french.write_text(kept, "utf-8")
    record_release(site, "1.1.0")
    build(site)
    assert not (site / "_site/privacy/managed-desktop/index.html").exists()
    url = "privacy/managed-desktop/releases/1.0.0/"
    words = text(site, url)
    # What it said, until the release that removed it; no current page to link to.
    assert OLD_PERIOD in storage(words) and "archived version" in words
    assert "Read the current version" not in words
    assert not (site / "_site/privacy/managed-desktop/releases/1.1.0").exists()
    assert "privacy/managed-desktop/" not in links(html(site, url), url)
    # Its comparison of versions is there too, and privacy.json lists the version.
    assert (site / "_site/privacy/managed-desktop/compare/0.1.0...1.0.0/index.html").is_file()
    releases = json.loads((site / "_site/privacy/privacy.json").read_text("utf-8"))["releases"]
    removal = next(r for r in releases if r["version"] == "1.1.0")
    [entry] = [s for s in removal["statements"] if s["product"] == "managed-desktop"]
    assert entry == {"product": "managed-desktop", "page": None, "language": None, "compare": None}
    # What changed names it under the release that removed it, linked to its last version.
    assert url in links(html(site, "privacy/changes/"), "privacy/changes/")


def test_a_comparison_of_consecutive_versions_says_what_comparing_their_states_says(
    site: Path,
) -> None:
    """The comparison of two versions one after the other reads the release's changes (found
    once, by the history): they say what comparing the two versions' states says."""
    from privacy_pages.history.changes import ChangeSet, compare_versions
    from privacy_pages.history.notes import describe_all
    from privacy_pages.history.releases import load_history

    def said(changes: ChangeSet, product: str) -> list[str]:
        seen = [
            c
            for c in changes.for_product(product)
            if c.subject is not Subject.METADATA
            and (c.subject, c.kind) != (Subject.PRODUCT, Kind.ADDED)
        ]
        return [str(note) for note in describe_all(seen, changes)]

    change_managed_desktop(site)
    record_release(site, "1.1.0")
    history, problems = load_history(site / "content")
    assert not problems.errors
    compared = 0
    for product in PRODUCTS:
        versions = [r for r in history.releases if r.touches(product)]
        for old, new in itertools.pairwise(versions):
            assert history.version_before(new, product) is old
            states = compare_versions(product, old.snapshot.state, new.snapshot.state)
            assert said(new.changes, product) == said(states, product), (product, new.version)
            compared += 1
    assert compared >= len(PRODUCTS)


def test_a_page_in_another_language_says_which_links_lead_to_the_site_s_language(
    site: Path,
) -> None:
    """Each language's site (i18n's build of it) has the versions' pages, in its words around
    the statement's text as it was: a French page links to the French site's, and says "(en
    anglais)" on each link that leads to a page of the English site, or to a version whose
    release kept no French translation (1.0.0 was recorded before releases kept them: its
    French page shows the English text), never elsewhere (see test_version_languages.py)."""
    change_managed_desktop(site)
    record_release(site, "1.1.0")
    build(site)
    french_url, english_url = "fr/privacy/managed-desktop/", "privacy/managed-desktop/"
    french = html(site, french_url)
    # 1.0.0 has a page of its own, in English; 1.1.0 is what the product's page shows.
    [(href, label)] = re.findall(r'<a href="([^"]*releases/[^"]*)">([^<]*)</a>', french)
    assert posixpath.normpath(posixpath.join(french_url, href)) == (
        "fr/privacy/managed-desktop/releases/1.0.0"
    )
    assert label == "Lire cette version (en anglais)"
    assert '<html lang="fr"' in html(site, "fr/privacy/managed-desktop/releases/1.0.0/")
    assert "(in English)" not in html(site, english_url) and "(en " not in html(site, english_url)
    # Nothing on the French page links to an English page without saying so, except the
    # language selector and its alternates.
    for match in re.finditer(r'<a href="([^"#]+)[^"]*"([^>]*)>([^<]*)<', french):
        target = posixpath.normpath(posixpath.join(french_url, match.group(1)))
        if target.startswith("privacy/") and "hreflang" not in match.group(2):
            assert match.group(3).endswith("(en anglais)"), match.group(0)
