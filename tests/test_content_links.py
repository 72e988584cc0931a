"""Relative links in the records' text on the pages a folder deeper than the one they were
written for: the product's page in another language and the statement's earlier versions.

A real build of the example site with relative links in Intune's text (its current record and
its 1.0.0 release) and in a catalog item's description (shown in raw HTML on the data-item index,
which MkDocs does not rewrite), then every link on the built pages is followed."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import copy_example_site, run_mkdocs, stale_translations_allowed
from link_check import broken_links
from privacy_pages.cli import main
from privacy_pages.history.snapshot import recorded_digest, text_digest
from privacy_pages.markdown_text import block
from privacy_pages.render.html_links import page_links
from privacy_pages.render.moved_links import rebased, rebased_markdown
from privacy_pages.render.paths import links_written_for
from privacy_pages.settings import Settings

#: Relative links as a writer writes them for the product's page (``privacy/intune.md``): to a
#: hand-written page (at an anchor), to another, and to another product's page (at an anchor).
LINKS = (
    "See [the guide](../guide/index.md#add-a-product), [the fields](../guide/fields.md) "
    "and [the Android app](defender-endpoint-android.md#overview)."
)


def test_a_link_is_read_from_the_page_it_was_written_for() -> None:
    files = {"guide/index.md", "guide/fields.md", "privacy/a.md", "fr/privacy/a.md", "x.png"}

    def find(path: str) -> str | None:
        return path if path in files else None

    page, written_for = "fr/privacy/b.md", "privacy/b.md"
    moved = rebased("../guide/fields.md?q=1#top", page, written_for, find)
    assert moved == "../../guide/fields.md?q=1#top"
    assert rebased("../guide/", page, written_for, find) == "../../guide/index.md"
    assert rebased("../x.png", page, written_for, find) == "../../x.png"
    # Found from the page itself (the French version of a generated page): left alone.
    assert rebased("a.md#overview", page, written_for, find) is None
    # Found from neither, or not a relative link: left to MkDocs.
    for url in ("../missing.md", "https://example.com/a.md", "/guide/fields.md", "#top", ""):
        assert rebased(url, page, written_for, find) is None, url


def test_each_generated_page_knows_where_its_links_were_written_for(tmp_path: Path) -> None:
    settings = Settings(content_dir=tmp_path, languages=("fr",))
    assert links_written_for("privacy/intune.md", "intune", settings) is None
    assert links_written_for("fr/privacy/intune.md", "intune", settings) == "privacy/intune.md"
    release = "privacy/intune/releases/1.0.0.md"
    assert links_written_for(release, "intune", settings) == "privacy/intune.md"
    assert links_written_for(release, None, settings) == "privacy/intune.md"
    versions = "privacy/intune/compare/0.1.0...1.0.0.md"
    assert links_written_for(versions, None, settings) == "privacy/intune.md"
    compare = "fr/privacy/compare/all-products.md"
    assert links_written_for(compare, None, settings) == "privacy/compare/all-products.md"
    assert links_written_for("privacy/compare/all-products.md", None, settings) is None


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = copy_example_site(tmp_path_factory.mktemp("links") / "site")
    record = site / "content" / "products" / "intune.yml"
    text = record.read_text("utf-8")
    assert "  Learn more about how Intune" in text
    record.write_text(text.replace("  Learn more about how Intune", f"  {LINKS} Learn more", 1))
    release = site / "content" / "history" / "1.0.0.json"  # recorded again, as with --force
    recorded = release.read_text("utf-8")
    assert recorded.count('"next_steps": "Learn more about how Intune') == 2  # data, record
    edited = recorded.replace('"next_steps": "Learn more', f'"next_steps": "{LINKS} Learn more')
    old_digest = recorded_digest(edited)
    assert old_digest is not None
    release.write_text(edited.replace(old_digest, text_digest(edited)), "utf-8")
    catalog = site / "content" / "catalog" / "intune-admin.yml"
    text = catalog.read_text("utf-8")
    assert "description: The customer's password." in text
    catalog.write_text(text.replace("The customer's password.", f"The password. {LINKS}", 1))
    stale_translations_allowed(site)  # the French texts are now stale: English shows
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    assert not result.warnings()
    return result.site_dir


@pytest.mark.parametrize(
    ("page", "fields", "android"),
    [
        ("privacy/intune", "guide/fields/", "privacy/defender-endpoint-android/"),
        # The French site's (i18n's): its own pages, the guide in English (i18n's fallback).
        ("fr/privacy/intune", "fr/guide/fields/", "fr/privacy/defender-endpoint-android/"),
        ("privacy/intune/releases/1.0.0", "guide/fields/", "privacy/defender-endpoint-android/"),
        # In raw HTML, which MkDocs leaves alone: a catalog item's description in the index.
        ("privacy/data-items", "guide/fields/", "privacy/defender-endpoint-android/"),
        ("fr/privacy/data-items", "fr/guide/fields/", "fr/privacy/defender-endpoint-android/"),
    ],
)
def test_relative_links_lead_where_the_writer_meant(
    built: Path, page: str, fields: str, android: str
) -> None:
    html = (built / page / "index.html").read_text("utf-8")
    targets = {}
    for href, words in re.findall(r'<a href="([^"]+)">([^<]+)</a>', html):
        if words in ("the guide", "the fields", "the Android app"):
            path = (built / page / href.split("#")[0]).resolve().relative_to(built.resolve())
            targets[words] = f"{path.as_posix()}/"
    guide = fields.replace("fields/", "")  # in the page's language's site (i18n's)
    assert targets == {"the guide": guide, "the fields": fields, "the Android app": android}


def test_no_link_of_the_site_leads_nowhere(built: Path) -> None:
    assert broken_links(built) == []


def test_links_in_raw_html_are_written_as_the_host_writes_links(tmp_path: Path) -> None:
    """Each host's way: final URLs with or without directory URLs, or source paths for a host
    that resolves them itself (Zensical); as written outside a page's rendering. On a French
    page, a generated page is the French one, a statement's earlier version too (each language
    has them); a folder leads to its index; an image is a file."""
    site = Settings(content_dir=tmp_path, languages=("fr",))
    converted = (
        '<p><a href="../guide/index.md#add">g</a> <a href="intune.md">i</a> '
        '<a href="https://example.org/a.md">e</a> <a href="#here">h</a> '
        '<a href="../guide/">f</a> <a href="intune/releases/1.0.0.md">v</a> '
        '<img alt="x" src="../img/x.png"></p>'
    )
    cases = [
        (
            "privacy/data-items.md",
            site,
            ["../../guide/#add", "../intune/", "../../guide/", "../intune/releases/1.0.0/"],
            "../../img/x.png",
        ),
        (
            "fr/privacy/data-items.md",
            site.in_language("fr"),
            [
                "../../../guide/#add",
                "../intune/",
                "../../../guide/",
                "../intune/releases/1.0.0/",
            ],
            "../../../img/x.png",
        ),
        (
            "privacy/data-items.md",
            replace(site, directory_urls=False),
            [
                "../guide/index.html#add",
                "intune.html",
                "../guide/index.html",
                "intune/releases/1.0.0.html",
            ],
            "../img/x.png",
        ),
        (
            "privacy/data-items.md",
            replace(site, link_style="source"),
            ["../guide/index.md#add", "intune.md", "../guide/index.md", "intune/releases/1.0.0.md"],
            "../img/x.png",
        ),
    ]
    for page, settings, (guide, product, folder, version), image in cases:
        written = page_links(converted, page, settings)
        hrefs = re.findall(r'href="([^"]*)"', written)
        assert hrefs == [guide, product, "https://example.org/a.md", "#here", folder, version], (
            page,
            settings,
        )
        assert re.findall(r'src="([^"]*)"', written) == [image], page


def test_inline_links_in_markdown_are_rebased_and_nothing_else() -> None:
    """Links and images of a record's text, as the page's Markdown has them; not a link made of
    escaped brackets, nor code (written with entities)."""
    files = {"guide/index.md", "privacy/a.md", "fr/privacy/a.md"}

    def find(path: str) -> str | None:
        return path if path in files else None

    text = (
        'See [the guide](../guide/index.md#add "Title"), [A](a.md), \\[not a link](../guide/), '
        "![img](../guide/index.md), [[nested] words](../guide/) and `[code](../guide/)`."
    )
    markdown = str(block(text))
    moved = rebased_markdown(markdown, "fr/privacy/b.md", "privacy/b.md", find)
    expected = (
        markdown.replace("(../guide/index.md#add", "(../../guide/index.md#add")
        .replace("![img](../guide/index.md)", "![img](../../guide/index.md)")
        .replace("words](../guide/)", "words](../../guide/index.md)")
    )
    assert moved == expected and moved != markdown
    assert "[not a link](../guide/)" in moved and "[A](a.md)" in moved


def test_render_writes_the_records_links_for_each_page(tmp_path: Path) -> None:
    """``privacy-pages render`` (for Zensical, or MkDocs without the plugin): the Markdown it
    writes has the records' links as they lead from each page, since hosts check them there."""
    site = copy_example_site(tmp_path / "site")
    record = site / "content" / "products" / "intune.yml"
    text = record.read_text("utf-8")
    record.write_text(text.replace("  Learn more about how Intune", f"  {LINKS} Learn more", 1))
    out = tmp_path / "out"
    config, docs = str(site / "mkdocs.yml"), str(site / "site-src")
    code = main(
        ["render", "--config", config, "--out", str(out), "--docs", docs, "--host", "zensical"]
    )
    assert code == 0
    english = (out / "privacy/intune.md").read_text("utf-8")
    french = (out / "fr/privacy/intune.md").read_text("utf-8")
    assert "[the fields](../guide/fields.md)" in english
    assert "[the fields](../../guide/fields.md)" in french
    # Another product's page: the French one, from the French page (no change there).
    assert "(defender-endpoint-android.md#overview)" in french
    # Without --docs, into a host's docs folder that holds the site's own pages already.
    into = tmp_path / "docs"
    shutil.copytree(site / "site-src", into)
    assert main(["render", "--config", config, "--out", str(into), "--host", "zensical"]) == 0
    assert "[the fields](../../guide/fields.md)" in (into / "fr/privacy/intune.md").read_text()


@pytest.mark.parametrize(
    "written",
    [
        "javascript%3Aalert(1)",
        "./javascript:alert(1)",
        "JaVaScRiPt%3Aalert(1)",
        "data%3Atext/html,<script>x</script>",
        "vbscript%3Ax#top",
        "a/../javascript%3Ax?q=1",
    ],
)
@pytest.mark.parametrize("style", ["directory", "files", "source"])
def test_a_link_written_into_raw_html_never_gains_a_scheme(written: str, style: str) -> None:
    """A relative link whose first segment holds a colon once decoded, written into raw HTML
    as the host writes links (which MkDocs does not check again), stays a relative path."""
    from urllib.parse import urlsplit

    site = Settings(content_dir=Path("."), languages=("fr",))
    settings = {
        "directory": site,
        "files": replace(site, directory_urls=False),
        "source": replace(site, link_style="source"),
    }[style]
    converted = f'<p><a href="{written}">x</a> <img alt="" src="{written}"></p>'
    for page in ("privacy/data-items.md", "fr/privacy/data-items.md"):
        language = settings if page.startswith("privacy") else site.in_language("fr")
        out = page_links(converted, page, language)
        for url in re.findall(r'(?:href|src)="([^"]*)"', out):
            assert not urlsplit(url.replace("&amp;", "&")).scheme, (page, url)
