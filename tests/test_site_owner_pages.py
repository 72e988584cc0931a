"""The plugin as a guest in a site it did not write, in Chromium: the site's hand-written pages
look and print exactly as they do without the plugin, while its generated pages keep their
own styles; and a theme override that leaves out the plugin's style sheet or script does not
leave its tables dead.

A small site (Material, a footer copyright, a hand-written page of links in paragraphs, lists,
tables and quotes) is built twice in a temporary folder, with and without the plugin; each
element's computed style is compared, on screen and under print media. (The feed link's place
is tested with the release history, in tests/test_history_build.py.)
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import material.templates as material_templates
import pytest
import yaml
from browser import Visit, serve
from conftest import FIXTURES, run_mkdocs
from page_looks import assert_same_look, computed_styles, handwritten_page, table_filters
from privacy_pages.render.paths import SCRIPT, STYLESHEET

HANDWRITTEN = handwritten_page("other.md", "Notes")


def _site(root: Path, plugin: bool) -> Path:
    """The small site, with the plugin (the small fixture's records and options) or without."""
    shutil.copytree(FIXTURES / "small", root)
    config_file = root / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    config["copyright"] = "Copyright &copy; Example owners"
    config["markdown_extensions"] = ["admonition", "tables"]
    config["theme"]["font"] = False  # no request to a font service
    if not plugin:
        config["plugins"] = [p for p in config["plugins"] if p == "search"]
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    (root / "docs" / "notes.md").write_text(HANDWRITTEN, "utf-8")
    (root / "docs" / "other.md").write_text("# Other\n\nAnother page.\n", "utf-8")
    return root


def _styles(open_page: Callable[..., Visit], url: str, media: str) -> dict[str, Any]:
    visit = open_page(url)
    styles = computed_styles(visit, media)
    assert visit.problems == []
    return styles


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    built = {}
    for name, plugin in (("with", True), ("without", False)):
        root = _site(tmp_path_factory.mktemp(name) / "site", plugin)
        result = run_mkdocs(root / "mkdocs.yml")
        assert result.ok, result.messages
        built[name] = result.site_dir
    assert (built["with"] / "privacy").is_dir(), "the plugin generated its pages"
    return built


@pytest.mark.parametrize("media", ["screen", "print"])
def test_a_hand_written_page_looks_the_same_with_the_plugin(
    media: str, sites: dict[str, Path], open_page: Callable[..., Visit]
) -> None:
    seen = {}
    for name, site in sites.items():
        with serve(site) as base:
            seen[name] = _styles(open_page, base + "notes/", media)
    assert_same_look(seen["with"], seen["without"])


def test_generated_pages_keep_their_styles(
    sites: dict[str, Path], open_page: Callable[..., Visit]
) -> None:
    """The plugin's page-wide rules still hold on its own pages: links in running text are
    underlined, and a printed page is the content alone with outside addresses written out."""
    site = sites["with"]
    with serve(site) as base:  # the product record widget-ios.yml (its links are outside ones)
        visit = open_page(base + "privacy/widget-ios/")
        page = visit.page
        underline = page.eval_on_selector(
            'article li a[href^="http"]',
            "a => getComputedStyle(a).textDecorationLine",
        )
        assert underline == "underline"
        page.emulate_media(media="print")
        assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).display") == "none"
        written = page.eval_on_selector(
            'article li a[href^="http"]', "a => getComputedStyle(a, '::after').content"
        )
        assert "https://" in written, "a printed outside link shows its address"
        assert visit.problems == []


# -- The theme cannot drop the plugin's files silently ---------------------------------------

#: A site's override as real sites write them: Material's ``scripts`` block replaced without
#: ``{{ super() }}`` (Material's own bundle and the site's extra_javascript are gone).
SCRIPTS_REPLACED = """{% extends "base.html" %}
{% block scripts %}
  <script>window.siteAnalytics = true;</script>
{% endblock %}
"""


def _themed_site(root: Path, templates: dict[str, str]) -> Path:
    """The small site with the plugin and a theme override (``custom_dir: overrides``)."""
    site = _site(root, plugin=True)
    config_file = site / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    config["theme"]["custom_dir"] = "overrides"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    for name, text in templates.items():
        (site / "overrides" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "overrides" / name).write_text(text, "utf-8")
    return site


def _comparison_page(site: Path) -> str:
    """The URL path of a comparison page of a built site (the first the plugin wrote)."""
    page = sorted((site / "privacy" / "compare").glob("*/index.html"))[0]
    return page.parent.relative_to(site).as_posix() + "/"


def _info(result: Any) -> list[str]:
    return [r.getMessage() for r in result.records if "leaves out" in r.getMessage()]


def test_a_scripts_block_without_super_keeps_the_tables_working(
    tmp_path: Path, open_page: Callable[..., Visit]
) -> None:
    site = _themed_site(tmp_path / "site", {"main.html": SCRIPTS_REPLACED})
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    with serve(result.site_dir) as base:
        visit = open_page(base + _comparison_page(result.site_dir))
        table_filters(visit)
        assert visit.page.evaluate("window.siteAnalytics") is True, "the site's block is kept"
        assert visit.problems == []
    notes = (result.site_dir / "notes" / "index.html").read_text("utf-8")
    assert "privacy-pages.js" not in notes, "a hand-written page gets nothing of the plugin's"
    (said,) = _info(result)
    assert "overrides/main.html" in said and SCRIPT in said


def test_a_base_template_without_the_sites_style_sheets_keeps_the_tables_styled(
    tmp_path: Path, open_page: Callable[..., Visit]
) -> None:
    """A site's own ``base.html`` (Material's, less the loop over ``extra_css``)."""
    material = Path(material_templates.__file__).parent / "base.html"
    loop = re.compile(r"\{% for path in config\.extra_css %\}.*?\{% endfor %\}", re.DOTALL)
    base_html, removed = loop.subn("", material.read_text("utf-8"))
    assert removed == 1, "Material's base.html loads extra_css in one loop"
    site = _themed_site(tmp_path / "site", {"base.html": base_html})
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    with serve(result.site_dir) as base:
        visit = open_page(base + _comparison_page(result.site_dir))
        sticky = visit.page.eval_on_selector(
            ".pp-compare-table thead th", "th => getComputedStyle(th).position"
        )
        assert sticky == "sticky", "the plugin's style sheet applies"
        table_filters(visit)
        assert visit.problems == []
    (said,) = _info(result)
    assert "overrides/base.html" in said and STYLESHEET in said


def test_a_theme_that_loads_the_files_gets_them_once(sites: dict[str, Path]) -> None:
    site = sites["with"]
    page = (site / _comparison_page(site) / "index.html").read_text("utf-8")
    assert page.count("privacy-pages.css") == 1 and page.count("privacy-pages.js") == 1
