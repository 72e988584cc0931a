"""The plugin as a guest in a site it did not write, in Chromium: the site's hand-written pages
look and print exactly as they do without the plugin, while its generated pages keep their
own styles.

A small site (Material, a footer copyright, a hand-written page of links in paragraphs, lists,
tables and quotes) is built twice in a temporary folder, with and without the plugin; each
element's computed style is compared, on screen and under print media. (The feed link's place
is tested with the release history, in tests/test_history_build.py.)
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser import Visit, chromium_fixture, open_page_fixture, serve  # noqa: F401
from conftest import FIXTURES, run_mkdocs

HANDWRITTEN = """\
# Our notes

A paragraph with [an outside link](https://example.org/a) and [a page of ours](other.md).

- A list item with [an outside link](https://example.org/b).
- And [another page](other.md).

| Where | Link |
| ----- | ---- |
| Table | [outside](https://example.org/c) |

> A quote with [a link](https://example.org/d).

## Notes

!!! note
    An admonition with [a link](https://example.org/e).
"""

#: The hand-written page's elements compared whole (every computed property and the content of
#: their ::before and ::after), and the footer's copyright.
COMPARED = "article.md-content__inner, article.md-content__inner *, .md-copyright, .md-copyright *"
#: The theme around the content: what the plugin's print rules change on its own pages.
AROUND = (
    ".md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .md-top, .md-main__inner, "
    ".md-content, .md-source, .md-typeset__scrollwrap"
)
AROUND_PROPERTIES = ["display", "margin", "max-width", "overflow", "max-height"]

_STYLES = """([compared, around, aroundProperties]) => {
    const whole = (el) => {
        const style = getComputedStyle(el);
        const out = {element: el.tagName + "." + el.className};
        for (let i = 0; i < style.length; i++) {
            out[style[i]] = style.getPropertyValue(style[i]);
        }
        out["::before"] = getComputedStyle(el, "::before").content;
        out["::after"] = getComputedStyle(el, "::after").content;
        return out;
    };
    const some = (el) => {
        const style = getComputedStyle(el);
        const out = {element: el.tagName + "." + el.className};
        for (const name of aroundProperties) out[name] = style.getPropertyValue(name);
        return out;
    };
    return {
        compared: [...document.querySelectorAll(compared)].map(whole),
        around: [...document.querySelectorAll(around)].map(some),
    };
}"""


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


#: The theme's transitions stopped where they end (an admonition's shadow fades in on load).
_STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def _styles(open_page: Callable[..., Visit], url: str, media: str) -> dict[str, Any]:
    visit = open_page(url)
    visit.page.add_style_tag(content=_STILL)
    visit.page.emulate_media(media=media)  # type: ignore[arg-type]
    styles: dict[str, Any] = visit.page.evaluate(_STYLES, [COMPARED, AROUND, AROUND_PROPERTIES])
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
    assert len(seen["with"]["compared"]) > 20, "the page's elements were found"
    assert seen["with"]["around"] == seen["without"]["around"]
    assert len(seen["with"]["compared"]) == len(seen["without"]["compared"])
    for ours, theirs in zip(seen["with"]["compared"], seen["without"]["compared"], strict=True):
        different = {k: (ours[k], theirs.get(k)) for k in ours if ours[k] != theirs.get(k)}
        assert not different, f"{ours['element']}: {different}"


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
