"""A release keeps the translations current when it is made: its version's page exists in
each language that had them, in that language, and says "(in English)" only where it had none.

Each test builds a scratch copy of the example site (English, and French through
mkdocs-static-i18n) with MkDocs, in process, records releases with the real ``privacy-pages
snapshot`` command, and reads the HTML of both languages. Expected texts come from the records
and translation files, never from the output.
"""

from __future__ import annotations

import html as html_text
import json
import posixpath
import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from conftest import copy_example_site
from privacy_pages.history.snapshot import Snapshot, parse_snapshot, read_snapshot
from test_versions import LATER, TODAY, build, cli, edit, html, record_release

PRODUCT = "managed-desktop"
RECORD = f"content/products/{PRODUCT}.yml"
FRENCH = f"content/translations/fr/products/{PRODUCT}.yml"
#: A text of the record the French translation leaves to English: changing it between two
#: releases gives the earlier one a page of its own, and makes no translation stale.
OLD_WORDS = "Similarly, the CCPA provides privacy rights"
NEW_WORDS = "Likewise, the CCPA provides privacy rights"


def last_paragraph(text: str) -> str:
    return " ".join(text.strip().split("\n\n")[-1].split())


def intro(site: Path) -> tuple[str, str]:
    """The last paragraph of the statement's introduction, in English and in French."""
    english = yaml.safe_load((site / RECORD).read_text("utf-8"))["intro"]
    french = yaml.safe_load((site / FRENCH).read_text("utf-8"))["intro"]["text"]
    return last_paragraph(english), last_paragraph(french)


def element_with(page: str, words: str) -> str:
    """The opening tag of the element whose text is ``words`` (a notice may follow them)."""
    for match in re.finditer(r"(<\w+[^>]*>)([^<]+)", page):
        if " ".join(html_text.unescape(match.group(2)).split()) == words:
            return match.group(1)
    raise AssertionError(f"no element holds {words!r}")


def version_link(page: str, page_url: str, version: str) -> str:
    """The words of the link to a version's page (the only one from a product's page)."""
    found = [
        label
        for href, label in re.findall(r'<a href="([^"]*releases/[^"]*)">([^<]*)</a>', page)
        if posixpath.normpath(posixpath.join(page_url, href)).endswith(f"releases/{version}")
    ]
    assert found, f"no link to release {version} on {page_url}"
    return found[0]


def version_entry(site: Path, download: str, version: str) -> dict[str, object]:
    releases = json.loads((site / "_site" / download).read_text("utf-8"))["releases"]
    release = next(r for r in releases if r["version"] == version)
    [entry] = [s for s in release["statements"] if s["product"] == PRODUCT]
    return dict(entry)


def next_release(site: Path) -> None:
    """A later release that changes the statement, so that 1.1.0 has a page of its own."""
    edit(site, PRODUCT, OLD_WORDS, NEW_WORDS)
    record_release(site, "1.2.0")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_example_site(tmp_path / "site")


def test_a_release_made_with_french_translations_has_its_version_page_in_french(
    site: Path,
) -> None:
    english, french = intro(site)
    record_release(site, "1.1.0")
    kept = json.loads((site / "content/history/1.1.0.json").read_text("utf-8"))
    assert kept["schema_version"] >= 3
    assert f"products/{PRODUCT}.yml" in kept["translations"]["fr"]
    next_release(site)
    build(site)
    url = f"fr/privacy/{PRODUCT}/releases/1.1.0/"
    page = html(site, url)
    assert '<html lang="fr"' in page
    # The statement in French, as the release kept it; not marked as English.
    assert 'lang="en"' not in element_with(page, french)
    assert english not in page
    assert "pas encore été traduite" not in page
    # The English site's page of the same version has the English text.
    assert 'lang="en"' not in element_with(
        html(site, f"privacy/{PRODUCT}/releases/1.1.0/"), english
    )
    # The French product page links to it without "(en anglais)".
    product_url = f"fr/privacy/{PRODUCT}/"
    assert version_link(html(site, product_url), product_url, "1.1.0") == "Lire cette version"
    # privacy.json says which language the version's text is in.
    assert version_entry(site, "fr/privacy/privacy.json", "1.1.0")["language"] == "fr"
    assert version_entry(site, "privacy/privacy.json", "1.1.0")["language"] == "en"


def test_a_release_made_without_french_translations_shows_english_and_says_so(
    site: Path,
) -> None:
    english, french = intro(site)
    # Released while the statement had no French translation (put back since).
    translation = site / FRENCH
    kept_text = translation.read_text("utf-8")
    translation.unlink()
    code, said = cli(
        "snapshot", "--version", "1.1.0", "--date", TODAY.isoformat(), "--dry-run",
        "--config", site / "mkdocs.yml",
    )  # fmt: skip
    # The command says which statements the release keeps in English only.
    count = len(list((site / "content/products").glob("*.yml")))
    kept_line = f"translations into fr: {count - 1} of {count} statements"
    assert code == 0 and f"{kept_line} (in English: Microsoft Managed Desktop)" in said, said
    record_release(site, "1.1.0")
    translation.write_text(kept_text, "utf-8")
    kept = json.loads((site / "content/history/1.1.0.json").read_text("utf-8"))
    assert f"products/{PRODUCT}.yml" not in kept["translations"].get("fr", {})
    next_release(site)
    build(site)
    page = html(site, f"fr/privacy/{PRODUCT}/releases/1.1.0/")
    # The French site's page of it: the French interface, the English text marked English,
    # and a notice that says so; none of today's French text.
    assert '<html lang="fr"' in page
    assert 'lang="en"' in element_with(page, english)
    assert "pas encore été traduite" in page
    assert french not in html_text.unescape(page)
    # Every link to it from a French page says "(en anglais)"; the English site's do not.
    product_url = f"fr/privacy/{PRODUCT}/"
    label = version_link(html(site, product_url), product_url, "1.1.0")
    assert label == "Lire cette version (en anglais)"
    # (A comparison's link to a version too: 1.0.0 was recorded before releases kept
    # translations.)
    compare_url = f"fr/privacy/{PRODUCT}/compare/1.0.0...1.2.0/"
    assert (
        version_link(html(site, compare_url), compare_url, "1.0.0") == "Version 1.0.0 (en anglais)"
    )
    english_url = f"privacy/{PRODUCT}/"
    assert version_link(html(site, english_url), english_url, "1.1.0") == "Read this version"
    assert version_entry(site, "fr/privacy/privacy.json", "1.1.0")["language"] == "en"


def test_a_stale_translation_at_release_time_is_not_shown_as_current(site: Path) -> None:
    english, french = intro(site)
    changed = english.replace("does not use any personal data", "never uses personal data")
    assert changed != english
    # The introduction changed in English, its French translation not yet: stale.
    edit(site, PRODUCT, english, changed)
    record_release(site, "1.1.0")
    kept = json.loads((site / "content/history/1.1.0.json").read_text("utf-8"))
    statement = kept["translations"]["fr"][f"products/{PRODUCT}.yml"]
    assert "intro" not in statement and "summary" in statement
    # (Put back, so that today's French is current and the strict build passes.)
    edit(site, PRODUCT, changed, english)
    next_release(site)
    build(site)
    page = html(site, f"fr/privacy/{PRODUCT}/releases/1.1.0/")
    # The text as released, in English and marked so; not the translation of the old text
    # (which the statement's section on profiling, translated, still says).
    assert 'lang="en"' in element_with(page, changed)
    overview = page[
        page.index('<h2 id="overview"') : page.index("<h2", page.index('id="overview"'))
    ]
    assert changed in overview and french not in html_text.unescape(overview)
    # The rest of the statement is in French: it had current translations.
    translations = yaml.safe_load((site / FRENCH).read_text("utf-8"))
    title = translations["required.groups[service-data].title"]["text"]
    assert title in html_text.unescape(page)
    assert "pas encore été traduite" not in page


# -- what a release keeps, read back --------------------------------------------------------------


def recorded(site: Path) -> Snapshot:
    record_release(site, "1.1.0")
    snapshot, problems = read_snapshot(site / "content/history/1.1.0.json")
    assert snapshot is not None and not problems
    return snapshot


def test_a_kept_translation_is_checked_as_any_text_of_a_release(site: Path) -> None:
    """A translation a release keeps reaches its pages as the records' text does: a link
    content may not carry is refused at the release's file, even with its digest made anew."""
    snapshot = recorded(site)
    kept = json.loads(json.dumps(snapshot.translations))
    entry = kept["fr"][f"products/{PRODUCT}.yml"]["summary"]
    entry["text"] = "[Lire](javascript:alert(1))"
    path = site / "content/history/1.1.0.json"
    path.write_text(replace(snapshot, translations=kept).to_json(), "utf-8")
    again, problems = read_snapshot(path)
    assert again is None
    assert any(p.rule == "unsafe-link" and "translations.fr" in p.message for p in problems)


def test_a_release_of_format_2_reads_without_translations_and_cannot_claim_some(
    site: Path,
) -> None:
    snapshot = recorded(site)
    older = replace(snapshot, schema_version=2, translations=None)
    path = site / "content/history/1.1.0.json"
    path.write_text(older.to_json(), "utf-8")
    read, problems = read_snapshot(path)
    assert read is not None and not problems and read.translations is None
    assert read.translated("fr") == {}
    # A format 2 file that holds translations had its number lowered: refused.
    lowered = json.loads(older.to_json())
    lowered["translations"] = snapshot.translations
    _, problems = parse_snapshot(json.dumps(lowered), "1.1.0.json")
    assert any("expected format 3" in p.message for p in problems)


@pytest.mark.parametrize("translated", [True, False], ids=["with-french", "without-french"])
def test_a_version_announced_ahead_says_in_french_whether_its_page_is_french(
    site: Path, translated: bool
) -> None:
    """A release recorded to take effect later is announced on the product's page; the French
    announcement's link to it says "(en anglais)" only when the release kept no French
    translation of the statement."""
    translation = site / FRENCH
    kept_text = translation.read_text("utf-8")
    if not translated:
        translation.unlink()
    edit(site, PRODUCT, OLD_WORDS, NEW_WORDS)
    record_release(site, "1.1.0", "--effective", LATER.isoformat())
    translation.write_text(kept_text, "utf-8")
    build(site, TODAY)
    product_url = f"fr/privacy/{PRODUCT}/"
    label = version_link(html(site, product_url), product_url, "1.1.0")
    expected = "Lire la nouvelle version."
    assert label == (expected if translated else f"{expected} (en anglais)")
    words = html_text.unescape(html(site, f"fr/privacy/{PRODUCT}/releases/1.1.0/"))
    assert (intro(site)[1] in words) is translated


def test_the_version_in_effect_shows_in_french_on_the_product_page_as_released(
    site: Path,
) -> None:
    """While a later release waits for its day, the product's page shows the version in
    effect: in French, the translations that release kept, not today's record."""
    english, french = intro(site)
    record_release(site, "1.1.0")
    edit(site, PRODUCT, OLD_WORDS, NEW_WORDS)
    record_release(site, "1.2.0", "--effective", LATER.isoformat())
    build(site, TODAY)
    page = html(site, f"fr/privacy/{PRODUCT}/")
    assert 'lang="en"' not in element_with(page, french)
    assert english not in page and NEW_WORDS not in page
    assert "pas encore été traduite" not in page
