"""Hand-written pages render their fenced code blocks as code, also inside list items: a block
that Markdown does not see as a fence becomes a paragraph, and its ``# content/...`` comment a
page heading."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import REPO, SiteResult, copy_example_site, run_mkdocs

DOCS = REPO / "site-src"
#: An opening fence, at any indentation (in a list item too), and its closing fence.
FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[^\n]*\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


def pages() -> list[Path]:
    """The hand-written pages (files pulled into others with [!INCLUDE] are not pages)."""
    return [p for p in sorted(DOCS.rglob("*.md")) if "includes" not in p.relative_to(DOCS).parts]


def pages_with_fences() -> list[Path]:
    return [p for p in pages() if FENCE.search(p.read_text("utf-8"))]


def built_path(site: Path, page: Path) -> Path:
    stem = page.relative_to(DOCS).with_suffix("")
    if stem.name == "index":
        return site / stem.parent / "index.html"
    return site / stem / "index.html"


def text_of(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", markup)).split())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    result = run_mkdocs(copy_example_site(tmp_path_factory.mktemp("code-blocks")) / "mkdocs.yml")
    assert result.ok, f"{result.error}\n{result.messages}"
    return result


def test_the_guide_has_fences_nested_in_list_items() -> None:
    """The case this file guards: fences indented under a list item."""
    nested = [m for p in pages() for m in FENCE.finditer(p.read_text("utf-8")) if m["indent"]]
    assert nested


@pytest.mark.parametrize("page", pages_with_fences(), ids=lambda p: str(p.relative_to(DOCS)))
def test_every_fenced_block_renders_as_code(site: SiteResult, page: Path) -> None:
    source = page.read_text("utf-8")
    blocks = list(FENCE.finditer(source))
    built = built_path(site.site_dir, page).read_text("utf-8")
    code = [text_of(block) for block in re.findall(r"<pre\b.*?</pre>", built, re.S)]
    headings = {text_of(h).rstrip("¶").strip() for h in re.findall(r"<h1\b.*?</h1>", built, re.S)}
    for block in blocks:
        lines = [line.strip() for line in block["body"].splitlines() if line.strip()]
        if not lines:
            continue
        first = " ".join(lines[0].split())
        line = source.count("\n", 0, block.start()) + 1
        assert any(first in text for text in code), f"{page.name}:{line}: {first!r} is not code"
        for code_line in lines:
            if code_line.startswith("#"):
                heading = code_line.lstrip("#").strip()
                assert heading not in headings, f"{page.name}:{line}: {code_line!r} is a heading"
