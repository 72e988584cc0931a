"""The example site with the plugins real documentation sites carry, one at a time.

Each case adds one plugin to a copy of the example site's ``mkdocs.yml``, with its usual
options (and what it needs: a ``site_url``, a git repository, a tags page...), builds it with
``--strict`` and checks two things: the generated pages are intact (their article text is the
text of the build without the plugin), and the plugin's own output includes them as it
includes any page (feed entries, links of the offline build, tags, ``llms.txt``, the print
page...). ``plugins.txt`` pins the version each case was tested with. Whole sites shaped like
real ones, with several of these plugins and a theme override, are in test_site_shapes.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, SiteResult, copy_example_site, run_mkdocs, stale_translations_allowed
from link_check import broken_links, internal_links
from page_html import one_line, parse
from privacy_pages.messages import messages_for

#: The versions plugins.txt pins, by distribution.
PINS = {
    name.strip().lower(): pinned.strip()
    for name, pinned in (
        line.split("==")
        for line in (REPO / "plugins.txt").read_text("utf-8").splitlines()
        if "==" in line and not line.lstrip().startswith("#")
    )
}
SITE_URL = "https://privacy.example.org/"


@dataclass
class Case:
    """One plugin added to the example site."""

    #: The distribution that provides the plugin (pinned in plugins.txt; Material's own
    #: plugins come with mkdocs-material, pinned in hosts.txt).
    distribution: str
    #: The entry under ``plugins:`` in mkdocs.yml.
    entry: str | dict[str, Any]
    #: Listed before privacy-pages (else after it, at the end).
    before: bool = False
    #: Changes to the copy before the build (files it needs, other mkdocs.yml keys).
    prepare: Callable[[Path, dict[str, Any]], None] | None = None
    #: What the plugin's own output must hold, given the build and the build without it.
    check: Callable[[SiteResult, SiteResult], None] | None = None
    #: Whether the site gets directory URLs (Material's offline plugin turns them off).
    directory_urls: bool = True
    #: The site is a git repository with one commit (feeds and revision dates read git).
    git: bool = False
    #: Warnings of the plugin's own that have nothing to do with the site's pages (the build
    #: is then not strict, and every other warning fails the case).
    tolerated: str | None = None


def _generated_pages(site: Path) -> list[str]:
    """The source paths of the generated pages of a build of the example site (not the
    addresses that lead elsewhere: a version on its product's page, a comparison in a change
    history)."""
    return sorted(
        f"{path.parent.relative_to(site).as_posix()}.md"
        for path in (site / "privacy").rglob("index.html")
        if 'http-equiv="refresh"' not in path.read_text("utf-8")
    )


def _product_pages() -> list[str]:
    """The source paths of the example site's product pages."""
    products = sorted((REPO / "content" / "products").glob("*.yml"))
    assert products, "the example site has products"
    return [f"privacy/{record.stem}.md" for record in products]


def _output(site: Path, source: str, directory_urls: bool) -> Path:
    stem = source[: -len(".md")]
    return site / (f"{stem}/index.html" if directory_urls else f"{stem}.html")


def _article(path: Path) -> str:
    return one_line(parse(path.read_text("utf-8")).article_text)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    """The example site built without another plugin (in English only: mkdocs-static-i18n is
    one of the cases), with the site_url the cases set."""
    site = copy_example_site(tmp_path_factory.mktemp("baseline"))
    config = yaml.safe_load((site / "mkdocs.yml").read_text("utf-8"))
    config["plugins"] = _without_i18n(config["plugins"])
    config["site_url"] = SITE_URL
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    return result


def _build(case: Case, target: Path) -> SiteResult:
    site = copy_example_site(target)
    config_file = site / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    config["site_url"] = SITE_URL
    plugins = config["plugins"] = _without_i18n(config["plugins"])  # (as the baseline)
    at = next(i for i, p in enumerate(plugins) if isinstance(p, dict) and "privacy-pages" in p)
    plugins.insert(at if case.before else len(plugins), case.entry)
    if case.prepare is not None:
        case.prepare(site, config)
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    if case.git:
        _commit_all(site)
    result = run_mkdocs(config_file, strict=case.tolerated is None)
    if case.tolerated is not None:
        others = [w for w in result.warnings() if not re.search(case.tolerated, w)]
        assert not others, others
    return result


def _without_i18n(plugins: list[Any]) -> list[Any]:
    """The plugins but the example site's mkdocs-static-i18n (English and French, suffix)."""
    return [p for p in plugins if not (isinstance(p, dict) and "i18n" in p)]


def _commit_all(site: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=site, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("-c", "user.email=writer@example.org", "-c", "user.name=Writer", "add", "-A")
    git("-c", "user.email=writer@example.org", "-c", "user.name=Writer", "commit", "-qm", "site")


# --- What each plugin needs, and what its output must hold ----------------------------------


def _check_rss(result: SiteResult, baseline: SiteResult) -> None:
    feed = (result.site_dir / "feed_rss_created.xml").read_text("utf-8")
    items = re.findall(r"<item>(.*?)</item>", feed, re.DOTALL)
    for source in _product_pages():
        url = SITE_URL + source[: -len(".md")] + "/"
        entry = next((item for item in items if f"<link>{url}</link>" in item), None)
        assert entry is not None, f"no feed entry for {url}"
        description = re.search(r"<description>(.*?)</description>", entry, re.DOTALL)
        assert description is not None and description.group(1).strip(), entry


#: A tag the site gives every generated page in a ``.meta.yml``, and a written page too.
TAG = "Privacy & data"


def _tags_page(site: Path, config: dict[str, Any]) -> None:
    config["plugins"].insert(0, "meta")
    (site / "site-src" / "privacy").mkdir(parents=True, exist_ok=True)
    (site / "site-src" / "privacy" / ".meta.yml").write_text(f"tags:\n  - {TAG}\n", "utf-8")
    # A default for every page: merged with the generated pages' own (escaped) description.
    (site / "site-src" / ".meta.yml").write_text("description: A page of the example site\n")
    (site / "site-src" / "tags.md").write_text("# Tags\n\n<!-- material/tags -->\n", "utf-8")
    (site / "site-src" / "tagged.md").write_text(
        f"---\ntags:\n  - {TAG}\n---\n\n# A written page\n\nOn privacy.\n", "utf-8"
    )
    config["nav"].append({"Tagged": "tagged.md"})
    config["nav"].append({"Tags": "tags.md"})


def _tags(html: str) -> list[str]:
    """The text of each tag an HTML page shows (Material writes them as ``md-tag``)."""
    found = re.findall(r'class="md-tag(?: [^"]*)?"[^>]*>\s*([^<]*?)\s*<', html)
    return [unescape(tag) for tag in found]


def _check_tags(result: SiteResult, baseline: SiteResult) -> None:
    index = result.html("tags.md")
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", index, re.DOTALL)
    assert [tag for heading in headings for tag in _tags(heading)] == [TAG], headings
    assert "tagged/" in index, "the written page is listed under the same tag"
    listed = index.split("<h2", 2)[1]
    for source in _generated_pages(baseline.site_dir):
        assert _tags(result.html(source)) == [TAG], f"{source} does not show its tag once"
        link = source[: -len(".md")].split("/", 1)[1]
        assert f"{link}/" in listed, f"the tags index does not list {source}"


def _check_offline(result: SiteResult, baseline: SiteResult) -> None:
    assert internal_links(result.site_dir) > 1000
    assert broken_links(result.site_dir) == []
    # The index is copied for pages opened from the disk, the generated pages in it.
    index = (result.site_dir / "search/search_index.js").read_text("utf-8")
    found = json.loads(index.removeprefix("var __index = "))["docs"]
    assert "privacy/intune.html" in {doc["location"].split("#")[0] for doc in found}


def _llms_sections(site: Path, config: dict[str, Any]) -> None:
    pass


def _check_llmstxt(result: SiteResult, baseline: SiteResult) -> None:
    text = (result.site_dir / "llms.txt").read_text("utf-8")
    section = text.split("## Privacy statements", 1)[1].split("\n## ", 1)[0]
    for source in _product_pages():
        assert source[: -len(".md")] + "/" in section, f"llms.txt lists no {source}:\n{section}"


def _check_print_site(result: SiteResult, baseline: SiteResult) -> None:
    printed = one_line(parse(result.html("print_page.md")).article_text)
    for source in _product_pages():
        article = _article(_output(baseline.site_dir, source, True))
        assert article[:200] in printed, f"the print page does not hold {source}"


def _check_git_dates(result: SiteResult, baseline: SiteResult) -> None:
    for source in _product_pages():
        assert "git-revision-date-localized-plugin" in result.html(source), source


#: Debian's Roboto (fonts-roboto, which .ci/run installs): the social plugin's default font,
#: which it would download from Google Fonts (this machine has no network).
ROBOTO = Path("/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF")


def _social(site: Path, config: dict[str, Any]) -> None:
    if not ROBOTO.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but Roboto is missing: {ROBOTO} (apt-get install fonts-roboto)")
        pytest.skip(f"the social plugin needs Roboto at {ROBOTO} (apt-get install fonts-roboto)")
    fonts = site / ".cache" / "plugin" / "social" / "fonts" / "Roboto"
    fonts.mkdir(parents=True)
    for font in ROBOTO.glob("Roboto-*.ttf"):  # the plugin names each style's file so
        shutil.copy(font, fonts / font.name.removeprefix("Roboto-"))
    record = site / "content" / "products" / "intune.yml"
    lines = record.read_text("utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("  description: "))
    lines[at] = f"  description: {json.dumps(MARKUP_TEXT)}\n"
    record.write_text("".join(lines), "utf-8")
    _stale_allowed(config)  # the French description is stale now


def _stale_allowed(config: dict[str, Any]) -> None:
    """A case that edits English text: its French translation goes stale (information)."""
    for entry in config["plugins"]:
        if isinstance(entry, dict) and "privacy-pages" in entry:
            entry["privacy-pages"].setdefault("lint", {})["translation-stale"] = "info"


#: A description from a record that would be markup if a plugin printed it as it is.
MARKUP_TEXT = 'Tom & Jerry\'s "data" <b>bold</b>'


def _check_social(result: SiteResult, baseline: SiteResult) -> None:
    for source in _generated_pages(baseline.site_dir):
        card = result.site_dir / "assets/images/social" / source.replace(".md", ".png")
        assert card.is_file() and card.stat().st_size > 1000, f"no social card for {source}"
        page = result.html(source)
        assert 'property="og:image"' in page and card.name in page, source
    page = result.html("privacy/intune.md")  # the card's text is escaped once in the head
    described = re.search(r'<meta property="og:description" content="([^"]*)"', page)
    assert described is not None and unescape(described.group(1)) == MARKUP_TEXT
    assert "<b>bold" not in page


def _blog(site: Path, config: dict[str, Any]) -> None:
    posts = site / "site-src" / "blog" / "posts"
    posts.mkdir(parents=True)
    (site / "site-src" / "blog" / "index.md").write_text("# Blog\n", "utf-8")
    (posts / "statements.md").write_text(
        "---\ndate: 2026-11-20\n---\n\n# New statements\n\nEvery product has one.\n", "utf-8"
    )
    config["nav"].append({"Blog": ["blog/index.md"]})


def _check_blog(result: SiteResult, baseline: SiteResult) -> None:
    assert "New statements" in result.html("blog/index.md")


#: A text from content that Jinja would evaluate, in a record, and a macro on a written page.
TEMPLATE_TEXT = "{{ 6 * 7 }} and {% if true %}a block{% endif %}"


def _macros(site: Path, config: dict[str, Any]) -> None:
    _stale_allowed(config)  # it edits English text: the French goes stale
    record = site / "content" / "products" / "intune.yml"
    lines = record.read_text("utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("summary: "))
    lines[at] = f'summary: "{TEMPLATE_TEXT}"\n'
    at = next(i for i, line in enumerate(lines) if line.startswith("intro: |"))
    lines[at + 1] = f"  {TEMPLATE_TEXT} {lines[at + 1].lstrip()}"
    record.write_text("".join(lines), "utf-8")
    (site / "site-src" / "macro.md").write_text("# Macro\n\nSix times seven: {{ 6 * 7 }}\n")
    config["nav"].append({"Macro": "macro.md"})


def _check_macros(result: SiteResult, baseline: SiteResult) -> None:
    assert "Six times seven: 42" in result.html("macro.md"), "macros runs on written pages"
    # The home page lists every product with its summary (a block filled after macros ran).
    for page in ("index.html", "privacy/intune/index.html"):
        text = one_line(_article(result.site_dir / page))
        assert TEMPLATE_TEXT in text, f"{page}: a record's text is shown as written"


def _check_redirect(result: SiteResult, baseline: SiteResult) -> None:
    redirect = (result.site_dir / "old-intune" / "index.html").read_text("utf-8")
    assert "privacy/intune/" in redirect


def _literate_nav(site: Path, config: dict[str, Any]) -> None:
    del config["nav"]
    config["exclude_docs"] += "SUMMARY.md\n"  # the nav, not a page
    (site / "site-src" / "SUMMARY.md").write_text(
        "* [Home](index.md)\n* [Privacy statements](privacy/)\n* [Guide](guide/)\n",
        "utf-8",
    )


def _awesome_nav(site: Path, config: dict[str, Any]) -> None:
    del config["nav"]
    (site / "site-src" / ".nav.yml").write_text(
        "nav:\n  - index.md\n  - Privacy statements: privacy\n  - '*'\n", "utf-8"
    )


def _check_nav_lists_products(result: SiteResult, baseline: SiteResult) -> None:
    page = result.html("performance.md")  # it links to no product page of its own
    nav = page.split('class="md-nav md-nav--primary"', 1)[1].split('class="md-content"', 1)[0]
    for source in _product_pages():
        link = 'href="../' + source[: -len(".md")] + '/"'
        assert link in nav, f"the nav lists no {source}"


def _i18n(site: Path, config: dict[str, Any]) -> None:
    (site / "site-src" / "index.fr.md").write_text(
        "---\ntitle: Déclarations de confidentialité\n---\n\n# Déclarations\n\nBienvenue.\n\n"
        "<!-- privacy-pages: products -->\n",
        "utf-8",
    )


def _i18n_no_fallback(site: Path, config: dict[str, Any]) -> None:
    """A site that does not fall back to English for the pages it has no French version of:
    its French build has only ``index.fr.md`` of its own, so its nav is made from the files (a
    nav naming English pages would name pages the French build does not have)."""
    _i18n(site, config)
    del config["nav"]


def _i18n_folders(site: Path, config: dict[str, Any]) -> None:
    """The same site with a folder per language (docs_structure: folder)."""
    docs = site / "site-src"
    english = docs / "en"
    english.mkdir()
    for part in list(docs.iterdir()):
        if part != english:
            part.rename(english / part.name)
    (docs / "fr").mkdir()
    (docs / "fr" / "index.md").write_text(
        "# Déclarations\n\nBienvenue.\n\n<!-- privacy-pages: products -->\n", "utf-8"
    )
    config["exclude_docs"] = "en/includes/\n"


def _check_i18n(result: SiteResult, baseline: SiteResult) -> None:
    """Each language's generated pages at its URLs, in its language: English at
    ``/privacy/<id>/``, French at ``/fr/privacy/<id>/`` with the French catalog's headings."""
    assert "Bienvenue" in result.html("fr/index.md")
    # Each language's downloads, in its folder: the French ones in French.
    french_json = json.loads((result.site_dir / "fr/privacy/privacy.json").read_text("utf-8"))
    english_json = json.loads((result.site_dir / "privacy/privacy.json").read_text("utf-8"))
    assert (english_json["language"], french_json["language"]) == ("en", "fr")
    required = messages_for("fr").gettext("Required data")
    assert required != "Required data", "the French catalog does not translate the headings"
    # The French home page's block lists the products in French.
    items = messages_for("fr").gettext("Required items")
    assert items != "Required items" and f">{items}<" in result.html("fr/index.md")
    for source in _generated_pages(baseline.site_dir):
        english = _output(result.site_dir, source, True)
        french = result.site_dir / "fr" / source[: -len(".md")] / "index.html"
        assert french.is_file(), f"the French site has no {source}"
        assert _article(english) == _article(_output(baseline.site_dir, source, True))
        assert '<html lang="fr"' in french.read_text("utf-8")
    for source in _product_pages():
        french = result.site_dir / "fr" / source[: -len(".md")] / "index.html"
        assert f">{required}<" in french.read_text("utf-8"), f"{source} is not in French"
    assert broken_links(result.site_dir) == []


def _i18n_entry(structure: str, **options: Any) -> dict[str, Any]:
    """mkdocs-static-i18n with English (the default) and French, in ``structure``."""
    languages = [
        {"locale": "en", "default": True, "name": "English"},
        {"locale": "fr", "name": "Français"},
    ]
    return {"i18n": {"docs_structure": structure, "languages": languages, **options}}


CASES = {
    "rss": Case(
        "mkdocs-rss-plugin",
        {"rss": {"match_path": ".*", "date_from_meta": {"as_creation": "ms.date"}}},
        check=_check_rss,
        git=True,
    ),
    "i18n": Case(
        "mkdocs-static-i18n",
        _i18n_entry("suffix"),
        prepare=_i18n,
        check=_check_i18n,
    ),
    "i18n-listed-first": Case(
        "mkdocs-static-i18n",
        _i18n_entry("suffix"),
        before=True,
        prepare=_i18n,
        check=_check_i18n,
    ),
    # The generated pages are rendered in each language: French has them even so.
    "i18n-no-fallback": Case(
        "mkdocs-static-i18n",
        _i18n_entry("suffix", fallback_to_default=False),
        prepare=_i18n_no_fallback,
        check=_check_i18n,
    ),
    "i18n-folders": Case(
        "mkdocs-static-i18n",
        _i18n_entry("folder"),
        prepare=_i18n_folders,
        check=_check_i18n,
    ),
    "offline": Case("mkdocs-material", "offline", check=_check_offline, directory_urls=False),
    "offline-listed-first": Case(
        "mkdocs-material", "offline", before=True, check=_check_offline, directory_urls=False
    ),
    "meta-and-tags": Case(
        "mkdocs-material",
        "tags",
        prepare=_tags_page,
        check=_check_tags,
    ),
    "llmstxt-listed-first": Case(
        "mkdocs-llmstxt",
        {"llmstxt": {"sections": {"Privacy statements": ["privacy/*.md"]}}},
        before=True,
        check=_check_llmstxt,
    ),
    "print-site": Case("mkdocs-print-site-plugin", "print-site", check=_check_print_site),
    "minify": Case("mkdocs-minify-plugin", {"minify": {"minify_html": True, "minify_js": True}}),
    "git-revision-date-localized": Case(
        "mkdocs-git-revision-date-localized-plugin",
        {"git-revision-date-localized": {"enable_creation_date": True}},
        check=_check_git_dates,
        git=True,
        # For a generated page (no file in git) the plugin takes the time twice, for its last
        # and its first revision (1.6.0, plugin.py on_page_markdown): when a second ends between
        # the two, it warns that the first is later, under load in about one build in ten.
        tolerated=r"First revision timestamp is older than last revision timestamp",
    ),
    "blog": Case("mkdocs-material", "blog", prepare=_blog, check=_check_blog),
    "social": Case("mkdocs-material", "social", prepare=_social, check=_check_social),
    # Material's own script bundle names a CDN, which the plugin cannot reach from here.
    "privacy": Case("mkdocs-material", "privacy", tolerated=r"unpkg\.com/mermaid@"),
    "macros": Case("mkdocs-macros-plugin", "macros", prepare=_macros, check=_check_macros),
    "redirects": Case(
        "mkdocs-redirects",
        {"redirects": {"redirect_maps": {"old-intune.md": "privacy/intune.md"}}},
        check=_check_redirect,
    ),
    "section-index": Case("mkdocs-section-index", "section-index"),
    "literate-nav": Case(
        "mkdocs-literate-nav",
        {"literate-nav": {"nav_file": "SUMMARY.md"}},
        before=True,
        prepare=_literate_nav,
        check=_check_nav_lists_products,
    ),
    "awesome-nav": Case(
        "mkdocs-awesome-nav",
        "awesome-nav",
        before=True,
        prepare=_awesome_nav,
        check=_check_nav_lists_products,
    ),
}


def _pinned(distribution: str) -> str | None:
    """The version plugins.txt (or hosts.txt, for Material's own plugins) pins."""
    hosts = (REPO / "hosts.txt").read_text("utf-8")
    found = re.search(rf"^{re.escape(distribution)}==(.+)$", hosts, re.MULTILINE)
    return PINS.get(distribution) or (found.group(1).strip() if found else None)


def test_every_plugin_is_pinned_and_installed_at_its_pin() -> None:
    for case in CASES.values():
        pinned = _pinned(case.distribution)
        assert pinned, f"{case.distribution} is pinned in neither plugins.txt nor hosts.txt"
        assert version(case.distribution) == pinned, case.distribution


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            name, id=f"{name}-{CASES[name].distribution}-{_pinned(CASES[name].distribution)}"
        )
        for name in sorted(CASES)
    ],
)
def test_plugin(name: str, baseline: SiteResult, tmp_path: Path) -> None:
    case = CASES[name]
    result = _build(case, tmp_path / name)
    assert result.ok, result.messages
    pages = _generated_pages(baseline.site_dir)
    assert len(pages) > 5
    for source in pages:
        built = _output(result.site_dir, source, case.directory_urls)
        assert built.is_file(), f"{source} was not written"
        if name == "macros" and source == "privacy/intune.md":
            continue  # its summary was changed (checked by the case)
        before, after = _article(_output(baseline.site_dir, source, True)), _article(built)
        assert before in after, f"{source}: the article text is not intact"
    if case.check is not None:
        case.check(result, baseline)
    shutil.rmtree(result.site_dir, ignore_errors=True)


#: A hook file for mkdocs.yml's ``hooks:``: one on_files that runs first (event priority 200),
#: and one at the default priority that notes each generated page's source and text.
HOOKS = """
from mkdocs.plugins import event_priority

seen = {}

@event_priority(200)
def on_files(files, config):
    return files

sources = {}  # by the page's output: with i18n, a page of each language has the same src_uri

def on_page_markdown(markdown, page, config, files):
    if page.file.generated_by:
        seen[page.file.src_uri] = (page.file.abs_src_path, markdown)
        sources[page.file.dest_uri] = page.file.abs_src_path
    return markdown
"""


def test_generated_pages_have_sources_and_a_plugin_that_reads_files_first_is_named(
    tmp_path: Path,
) -> None:
    site = copy_example_site(tmp_path / "site")
    (site / "hooks.py").write_text(HOOKS, "utf-8")
    config = yaml.safe_load((site / "mkdocs.yml").read_text("utf-8"))
    config["hooks"] = ["hooks.py"]
    config["plugins"] = _without_i18n(config["plugins"])  # one build (see the test after)
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    result = run_mkdocs(site / "mkdocs.yml", strict=False)
    assert result.error is None, result.messages
    assert [w for w in result.warnings() if "runs before privacy-pages adds its pages" in w] == [
        "privacy-pages: the on_files of hooks.py runs before privacy-pages adds its pages, so it "
        "does not see them; give it an event priority below 100"
    ]
    assert result.config is not None
    seen = result.config.plugins["hooks.py"].seen  # type: ignore[attr-defined]
    content = site / "content"
    expected = {f"privacy/{p.stem}.md": p for p in (content / "products").glob("*.yml")}
    expected |= {
        path: content / "comparisons.yml" for path in seen if path.startswith("privacy/compare/")
    }
    expected["privacy/data-items.md"] = content / "categories.yml"
    expected["privacy/changes.md"] = site / "mkdocs.yml"
    # Each version of a statement (in the site's language): the release it is made from.
    for path in seen:
        found = re.match(r"privacy/[^/]+/(?:releases/(.+)|compare/.+\.\.\.(.+))\.md$", path)
        if found:
            expected[path] = content / "history" / f"{found.group(1) or found.group(2)}.json"
    assert len(expected) > 12 and sorted(seen) == sorted(expected)
    for path, (source, markdown) in seen.items():
        assert source == str(expected[path].resolve()), path
        first_line = markdown.strip().split("\n", 1)[0]
        assert first_line and not re.match(r"(?:product_)?id:", first_line), path


def test_on_a_translated_site_generated_pages_keep_their_sources(tmp_path: Path) -> None:
    """mkdocs-static-i18n makes each language's files anew: the pages made for it keep the
    record as their source (feeds and git dates read it) and their edit link."""
    site = copy_example_site(tmp_path / "site")
    (site / "hooks.py").write_text(HOOKS.replace("@event_priority(200)", "@event_priority(0)"))
    config = yaml.safe_load((site / "mkdocs.yml").read_text("utf-8"))
    config["hooks"] = ["hooks.py"]
    config["plugins"] = [*_without_i18n(config["plugins"]), _i18n_entry("suffix")]
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    _i18n(site, config)
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    assert result.config is not None
    sources = result.config.plugins["hooks.py"].sources  # type: ignore[attr-defined]
    record = str((site / "content" / "products" / "intune.yml").resolve())
    for written in ("privacy/intune/index.html", "fr/privacy/intune/index.html"):
        assert sources[written] == record, written  # each language's page
        page = (result.site_dir / written).read_text("utf-8")
        edit = re.search(r'<a href="([^"]*)"[^>]*class="md-content__button', page)
        assert edit is not None and edit.group(1).endswith("/content/products/intune.yml")


@pytest.mark.parametrize("structure", ["suffix", "folder"])
def test_a_translated_site_serves_each_language(structure: str, tmp_path: Path) -> None:
    """``mkdocs serve`` with mkdocs-static-i18n: after an edit to a record, a rebuild shows it
    on the page of each language, and the French page is still French (with the English
    text that changed marked stale)."""
    site = copy_example_site(tmp_path / "site")
    config = yaml.safe_load((site / "mkdocs.yml").read_text("utf-8"))
    config["plugins"] = [*_without_i18n(config["plugins"]), _i18n_entry(structure)]
    (_i18n if structure == "suffix" else _i18n_folders)(site, config)
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    content = site / "content"
    stale_translations_allowed(site)
    served = run_mkdocs(site / "mkdocs.yml", command="serve")
    try:
        assert served.ok, served.messages
        english = served.site_dir / "privacy" / "intune" / "index.html"
        french = served.site_dir / "fr" / "privacy" / "intune" / "index.html"
        assert "Service cloud" in french.read_text("utf-8")  # the French platform
        record = content / "products" / "intune.yml"
        text = record.read_text("utf-8")
        record.write_text(text.replace("platform: Cloud service", "platform: Cloud edition"))
        rebuilt = served.rebuild()
        assert rebuilt.ok, rebuilt.messages
        assert "Cloud edition" in english.read_text("utf-8")
        page = french.read_text("utf-8")
        assert "Cloud edition" in page and '<html lang="fr"' in page
        assert f">{messages_for('fr').gettext('Required data')}<" in page
    finally:
        served.shutdown()
