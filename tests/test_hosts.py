"""The example site on every host: MkDocs (``make site``), ProperDocs (``make site-properdocs``)
and Zensical (``make site-zensical``), each pinned in hosts.txt and built by ``make test``
before the tests run. Every internal link and anchor resolves on each, the three hold the same
pages, navigation, downloads and search, and the comparison filter works on the Zensical build
in a real browser."""

from __future__ import annotations

import json
import os
import posixpath
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml
from browser import Visit, serve
from conftest import REPO
from link_check import broken_links, internal_links
from privacy_pages.compare.collection import Collection
from privacy_pages.compare.comparison import Comparison, comparisons
from privacy_pages.pipeline import build_site
from privacy_pages.settings import settings_from_mkdocs

#: Each host, the folder ``make`` builds it into, and the venv it runs from.
HOSTS = {
    "mkdocs": (REPO / "site", REPO / ".venv"),
    "properdocs": (REPO / "site-properdocs", REPO / ".venv-properdocs"),
    "zensical": (REPO / "site-zensical", REPO / ".venv-zensical"),
}
#: Files each host writes for itself (search indexes, sitemaps): not part of the comparison.
HOST_FILES = re.compile(
    r"^(search/|search\.json$|sitemap\.xml|assets/(javascripts|stylesheets|images)/)"
)


def pins() -> dict[str, str]:
    """The versions hosts.txt pins."""
    found = {}
    for line in (REPO / "hosts.txt").read_text("utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, pinned = line.split("==")
            found[name.strip()] = pinned.strip()
    return found


def installed(venv: Path, distribution: str) -> str | None:
    """The version of ``distribution`` in ``venv``, read from its metadata (no import)."""
    for metadata in venv.glob("lib/python*/site-packages/*.dist-info/METADATA"):
        head = metadata.read_text("utf-8", errors="replace")[:2000]
        name = re.search(r"^Name: (.+)$", head, re.MULTILINE)
        if name and name.group(1).strip().lower().replace("_", "-") == distribution:
            found = re.search(r"^Version: (.+)$", head, re.MULTILINE)
            return found.group(1).strip() if found else None
    return None


def built(host: str) -> Path:
    """A host's built site: CI must have it (``make test`` builds all three first)."""
    folder, _ = HOSTS[host]
    if (folder / "index.html").is_file():
        return folder
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {folder.name}/ is not built: run `make test`, which builds it")
    target = "site" if host == "mkdocs" else f"site-{host}"
    pytest.skip(f"{folder.name}/ is not built: `make test` builds it (or `make {target}`)")


@pytest.mark.parametrize("host", HOSTS)
def test_every_internal_link_and_anchor_resolves(host: str) -> None:
    site = built(host)
    assert internal_links(site) > 1000, "the example site has thousands of internal links"
    assert broken_links(site) == []


def test_the_link_check_finds_a_missing_page_and_a_missing_anchor(tmp_path: Path) -> None:
    page = tmp_path / "site" / "privacy" / "x" / "index.html"
    page.parent.mkdir(parents=True)
    (tmp_path / "site" / "privacy" / "y").mkdir()
    (tmp_path / "site" / "privacy" / "y" / "index.html").write_text('<p id="here">y</p>')
    page.write_text(
        '<a href="../y/#here">ok</a> <a href="../../y/">no</a> <a href="../y/#gone">x</a>'
    )
    found = broken_links(tmp_path / "site")
    assert [link.split(": ")[1].split(" ")[0] for link in found] == ["../../y/", "../y/#gone"]


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_the_hosts_build_the_same_pages_and_downloads() -> None:
    sites = {host: built(host) for host in HOSTS}
    reference = sites["mkdocs"]
    generated = {p for p in pages(reference) if p.startswith("privacy/")}
    assert len(generated) >= 9
    downloads = sorted(
        p.relative_to(reference).as_posix()
        for p in reference.rglob("*")
        if p.is_file()
        and p.suffix in (".json", ".csv", ".xml")
        and not HOST_FILES.match(p.relative_to(reference).as_posix())
    )
    assert "privacy/privacy.json" in downloads and "changes.xml" in downloads
    # (Not what only mkdocs-static-i18n's French site has: its hand-written pages. The
    # statements' earlier versions are in each language on every host.)
    expected = {p for p in pages(reference) if not p.startswith("fr/") or "privacy/" in p}
    assert any(p.startswith("fr/") and "/releases/" in p for p in expected)
    # The French downloads: i18n's French site has its paths from its own root (the feed at
    # fr/changes.xml, privacy.json's pages at privacy/), the pages render writes for other
    # hosts from the site's (changes.fr.xml, fr/privacy/): there, in each host's own words.
    downloads.remove("fr/changes.xml")
    french = [name for name in downloads if name.startswith("fr/")]
    for host, site in sites.items():
        assert pages(site) >= expected - {"404.html"}, host
        assert (site / ("fr/changes.xml" if host != "zensical" else "changes.fr.xml")).is_file()
        assert all((site / name).is_file() for name in french), host
        for name in sorted(set(downloads) - set(french) if host == "zensical" else downloads):
            assert (site / name).read_bytes() == (reference / name).read_bytes(), (host, name)


class _NavLinks(HTMLParser):
    """The links of the primary navigation (Material and Zensical: ``nav.md-nav--primary``)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "nav" and "md-nav--primary" in (values.get("class") or ""):
            self.depth = 1
        elif tag == "nav" and self.depth:
            self.depth += 1
        elif tag == "a" and self.depth and values.get("href"):
            self.links.append(str(values["href"]).split("#")[0] or ".")

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.depth:
            self.depth -= 1


def nav_targets(site: Path) -> list[str]:
    parser = _NavLinks()
    parser.feed((site / "index.html").read_text("utf-8"))
    return sorted({posixpath.normpath(link) for link in parser.links})


def test_the_hosts_show_the_same_navigation() -> None:
    """The home page's nav. With the plugin, a page shows the generated pages of its own
    language only; Zensical runs no plugin and shows every language's section, so its nav is
    MkDocs' and the French section's pages."""
    expected = nav_targets(built("mkdocs"))
    assert any(link.startswith("privacy/") for link in expected)
    assert not any(link.startswith("fr/") for link in expected)
    assert nav_targets(built("properdocs")) == expected
    zensical = nav_targets(built("zensical"))
    assert [link for link in zensical if not link.startswith("fr/")] == expected
    assert "fr/privacy/intune" in {link.rstrip("/") for link in zensical}


def test_every_host_indexes_the_generated_pages_for_search() -> None:
    indexes = {
        "mkdocs": "search/search_index.json",
        "properdocs": "search/search_index.json",
        "zensical": "search.json",
    }
    for host, index in indexes.items():
        text = json.dumps(json.loads((built(host) / index).read_text("utf-8")))
        assert "Microsoft Intune" in text and "privacy/intune" in text, host


def test_the_hosts_are_pinned_and_the_pins_are_what_ran() -> None:
    pinned = pins()
    assert set(pinned) >= {"mkdocs", "mkdocs-material", "properdocs", "zensical"}
    assert version("mkdocs") == pinned["mkdocs"]
    assert version("mkdocs-material") == pinned["mkdocs-material"]
    for host, distribution in (("properdocs", "properdocs"), ("zensical", "zensical")):
        built(host)
        assert installed(HOSTS[host][1], distribution) == pinned[distribution], host


# -- the comparison filter on the Zensical build ----------------------------------------------------


@pytest.fixture(scope="module")
def zensical_url() -> Iterator[str]:
    with serve(built("zensical")) as base:
        yield base


def test_the_comparison_filter_narrows_the_rows_on_the_zensical_build(
    open_page: Callable[[str], Visit], zensical_url: str
) -> None:
    build = build_site(settings_from_mkdocs(REPO / "mkdocs.yml"))
    tables: dict[str, Comparison] = {t.id: t for t in comparisons(Collection(build.dataset))}
    table = tables["all-products"]
    visit = open_page(zensical_url + "privacy/compare/all-products/")
    page = visit.page
    rows = "tr.pp-row"
    visible = "rows => rows.filter(r => r.getClientRects().length > 0).map(r => r.dataset.ppItem)"
    before = page.eval_on_selector_all(rows, visible)
    assert before == [row.item.id for row in table.rows]
    term = "imei"
    page.locator(".pp-filter").fill(term)
    expected = [
        row.item.id
        for row in table.rows
        if any(term in text.lower() for text in (row.item.name, row.item.id, *row.item.aliases))
    ]
    assert 0 < len(expected) < len(before)
    assert page.eval_on_selector_all(rows, visible) == expected
    assert visit.problems == []


# -- learn_syntax under Zensical ----------------------------------------------------------------


def test_learn_syntax_finds_the_page_zensical_converts(tmp_path: Path) -> None:
    """Zensical tells extensions the page through a ``rendering_context`` preprocessor (its
    page's path, relative to docs_dir, and the configuration): includes and images resolve
    against that page, not the folder the build runs in."""
    import markdown
    from markdown.preprocessors import Preprocessor
    from privacy_pages.learn_syntax import LearnSyntaxExtension

    docs = tmp_path / "project" / "docs"
    (docs / "guides" / "img").mkdir(parents=True)
    (docs / "guides" / "img" / "shot.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (docs / "includes").mkdir()
    (docs / "includes" / "note.md").write_text("Included words.\n", "utf-8")

    class Page:
        path = "guides/page.md"

    class RenderingContext(Preprocessor):
        def __init__(self, md: markdown.Markdown) -> None:
            super().__init__(md)
            self.page = Page()
            self.config = {"docs_dir": "docs", "root_dir": str(tmp_path / "project")}

        def run(self, lines: list[str]) -> list[str]:
            return lines

    warnings: list[str] = []
    md = markdown.Markdown(extensions=[LearnSyntaxExtension(warn=warnings.append)])
    md.preprocessors.register(RenderingContext(md), "rendering_context", 0)
    html = md.convert(
        "[!INCLUDE [note](../includes/note.md)]\n\n"
        ':::image type="content" source="img/shot.png" alt-text="Shot":::\n'
    )
    assert warnings == []
    assert "Included words." in html and 'src="img/shot.png"' in html


# -- what `privacy-pages render` writes for a host without the plugin -------------------------------


def test_render_for_zensical_writes_source_links_and_a_configuration(tmp_path: Path) -> None:
    from privacy_pages.cli import main

    out, config = tmp_path / "docs", tmp_path / "mkdocs.yml"
    args = ["render", "--config", str(REPO / "mkdocs.yml"), "--out", str(out)]
    assert main([*args, "--docs", str(REPO / "site-src")]) == 0
    url_style = (out / "privacy" / "compare" / "all-products.md").read_text("utf-8")
    assert main([*args, "--host", "zensical", "--site-config", str(config)]) == 0
    source_style = (out / "privacy" / "compare" / "all-products.md").read_text("utf-8")
    # Links inside the table's raw HTML: final URLs for MkDocs, source paths for Zensical.
    assert 'href="../../intune/#' in url_style and 'href="../intune.md#' in source_style
    # [!INCLUDE] lines are expanded for hosts that do not know the page converting them.
    guide = (out / "guides" / "mam-deployment.md").read_text("utf-8")
    assert "[!INCLUDE" not in guide and "Microsoft Defender XDR" in guide
    written = yaml.safe_load(config.read_text("utf-8"))
    assert written["docs_dir"] == "docs" and written["site_dir"] == "site"
    assert not any("privacy-pages" in str(plugin) for plugin in written["plugins"])
    section = next(e["Privacy statements"] for e in written["nav"] if "Privacy statements" in e)
    assert {"Microsoft Intune": "privacy/intune.md"} in section
    assert "assets/privacy-pages/privacy-pages.js" in written["extra_javascript"]
    assert (tmp_path / written["theme"]["custom_dir"]).resolve() == (REPO / "overrides").resolve()


def test_a_site_without_nav_lists_the_same_pages_without_the_plugin(tmp_path: Path) -> None:
    """A site with no ``nav`` and ``nav_products: false``: the plugin keeps the products' pages
    and comparisons out of the nav MkDocs makes from the folders; the configuration ``render
    --site-config`` writes keeps them out too (``not_in_nav``), on MkDocs and on Zensical."""
    import subprocess
    import sys

    from conftest import copy_example_site

    site = copy_example_site(tmp_path / "site")
    config = yaml.safe_load((site / "mkdocs.yml").read_text("utf-8"))
    del config["nav"]
    plugin = next(p for p in config["plugins"] if isinstance(p, dict) and "privacy-pages" in p)
    plugin["privacy-pages"]["nav_products"] = False
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")

    def run(command: list[str], cwd: Path) -> None:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-3000:]

    run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "with-plugin"], site)
    with_plugin = nav_targets(site / "with-plugin")
    assert "privacy/data-items" in {link.rstrip("/") for link in with_plugin}
    run([sys.executable, "-m", "privacy_pages", "render", "--config", "mkdocs.yml", "--out",
         "host/docs", "--docs", "site-src", "--site-config", "host/mkdocs.yml"], site)  # fmt: skip
    run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "host/mkdocs.yml"], site)
    hosts = {"mkdocs": nav_targets(site / "host" / "site")}
    zensical = HOSTS["zensical"][1] / "bin"
    if (zensical / "zensical").is_file() or os.environ.get("CI") == "true":
        run([str(zensical / "privacy-pages"), "render", "--config", "mkdocs.yml", "--out",
             "z/docs", "--docs", "site-src", "--host", "zensical", "--site-config",
             "z/mkdocs.yml"], site)  # fmt: skip
        run([str(zensical / "zensical"), "build"], site / "z")
        hosts["zensical"] = nav_targets(site / "z" / "site")
    products = {f"privacy/{p.stem}" for p in (site / "content" / "products").glob("*.yml")}
    for host, links in hosts.items():
        # Without the plugin, every language's pages are in one nav (see site-src/hosts.md).
        assert [link for link in links if not link.startswith("fr/")] == with_plugin, host
        assert not products & {link.rstrip("/") for link in links}, host


def test_content_stays_text_on_the_zensical_build(tmp_path: Path) -> None:
    """Zensical prints front matter and nav titles as they are: the pages written for it carry
    them escaped, so the hostile fixture's scripts and handlers stay text there too."""
    import shutil
    import subprocess

    from conftest import FIXTURES

    zensical = HOSTS["zensical"][1] / "bin" / "zensical"
    built("zensical")
    site = tmp_path / "hostile"
    shutil.copytree(FIXTURES / "hostile", site)
    render = [
        str(HOSTS["zensical"][1] / "bin" / "privacy-pages"), "render", "--config",
        str(site / "mkdocs.yml"), "--out", str(site / "z" / "docs"), "--docs", str(site / "docs"),
        "--host", "zensical", "--site-config", str(site / "z" / "mkdocs.yml"),
    ]  # fmt: skip
    for command, cwd in ((render, site), ([str(zensical), "build"], site / "z")):
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr

    class Scripts(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.inside = False
            self.found: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.inside = tag == "script"
            self.found += [f"{tag} {name}" for name, _ in attrs if name.startswith("on")]

        def handle_data(self, data: str) -> None:
            if self.inside and "alert(" in data:
                self.found.append(f"script: {data[:60]}")

    pages = sorted((site / "z" / "site").rglob("*.html"))
    assert any("privacy" in str(page) for page in pages)
    for page in pages:
        parser = Scripts()
        parser.feed(page.read_text("utf-8"))
        assert parser.found == [], page
