"""Injection: hostile text in any field shows literally and never becomes markup or code.

The hostile fixture (tests/fixtures/hostile) fills every text field with raw HTML, <script>,
Jinja syntax, Markdown control characters and newlines. It must build in strict mode, and its
HTML must hold no script, event handler or element from the content, no evaluated template, and
tables of the right shape. Unsafe links are errors that name the file, line and key.
"""

from __future__ import annotations

import html as htmllib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from conftest import FIXTURES, SiteResult, run_mkdocs
from page_html import PageHtml, one_line, parse
from privacy_pages.load.content import load_content
from privacy_pages.markdown_text import block, cell, inline, link_target

HOSTILE = FIXTURES / "hostile"
PRODUCTS = ("hostile-tables", "hostile-lists")
MARKER = re.compile(r"alert\('([a-z0-9-]+)'\)")
#: Keys whose text is plain (shown exactly as written, on one line).
PLAIN_KEYS = {"name", "family", "platform", "title", "condition", "source", "data", "period"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    site = tmp_path_factory.mktemp("hostile") / "site"
    shutil.copytree(HOSTILE, site)
    result = run_mkdocs(site / "mkdocs.yml", strict=True)
    assert result.ok, result.messages
    return result


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    """The same theme with harmless content: the scripts every page has anyway."""
    site = tmp_path_factory.mktemp("baseline") / "site"
    shutil.copytree(FIXTURES / "small", site)
    result = run_mkdocs(site / "mkdocs.yml", strict=True)
    assert result.ok, result.messages
    return result


def generated_pages(result: SiteResult) -> list[str]:
    pages = [f"privacy/{p}.md" for p in PRODUCTS] + ["index.md"]
    extra = sorted(result.site_dir.glob("privacy/**/index.html"))
    for path in extra:
        page = path.relative_to(result.site_dir).parent.as_posix() + ".md"
        if page not in pages:
            pages.append(page)
    return pages


def strings(data: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """Every (key, text) in a YAML record."""
    if isinstance(data, dict):
        for k, v in data.items():
            yield from strings(v, str(k))
    elif isinstance(data, list):
        for v in data:
            yield from strings(v, key)
    elif isinstance(data, str):
        yield key, data


def hostile_strings() -> list[tuple[str, str]]:
    found = []
    for path in sorted((HOSTILE / "content").rglob("*.yml")):
        found.extend(strings(yaml.safe_load(path.read_text("utf-8"))))
    return found


def test_the_hostile_site_builds_in_strict_mode(hostile: SiteResult) -> None:
    assert not hostile.warnings()
    for product in PRODUCTS:
        assert '<h2 id="required-data"' in hostile.html(f"privacy/{product}.md")


def test_no_script_element_or_handler_comes_from_content(
    hostile: SiteResult, baseline: SiteResult
) -> None:
    theme_scripts = len(parse(baseline.html("privacy/widget-ios.md")).scripts)
    for page in generated_pages(hostile):
        html = parse(hostile.html(page))
        assert_no_code_from_content(html, theme_scripts, page)
        assert not html.by_tag("img") and not html.by_tag("iframe"), page


def assert_no_code_from_content(html: PageHtml, theme_scripts: int, page: str) -> None:
    """No script but the theme's, no event handler and no script URL on a built page whose
    every text came from hostile content (shared by test_hostile_translations)."""
    assert len(html.scripts) == theme_scripts, page
    for attrs, body in html.scripts:
        assert "alert" not in body and "alert" not in attrs.get("src", ""), page
    for element in html.elements:
        handlers = [name for name in element.attrs if name.startswith("on")]
        assert not handlers, (page, element)
        for name in ("href", "src", "action"):
            value = element.attrs.get(name, "").strip().lower()
            assert not value.startswith(("javascript:", "data:")), (page, element)


def test_every_hostile_text_shows_literally_somewhere(hostile: SiteResult) -> None:
    pages = [parse(hostile.html(page)) for page in generated_pages(hostile)]
    text = "\n".join(one_line(page.article_text) for page in pages)
    heads = "\n".join(
        one_line(page.title)
        + "\n"
        + "\n".join(m.attrs.get("content", "") for m in page.by_tag("meta"))
        for page in pages
    )
    for key, value in hostile_strings():
        for field in MARKER.findall(value):
            shown = f"alert('{field}')"
            assert shown in text or shown in heads, (key, field)
        if key in PLAIN_KEYS and "alert(" in value:
            assert one_line(value) in text or one_line(value) in heads, (key, value)


def test_jinja_syntax_in_content_is_never_evaluated(hostile: SiteResult) -> None:
    for product in PRODUCTS:
        text = one_line(parse(hostile.html(f"privacy/{product}.md")).article_text)
        assert text.count("{{ 7*7 }}") >= 40
        assert "{% raw %}" in text and "{# c #}" in text
        assert "49" not in text


def h2_ids(html: str) -> list[str]:
    article = html[html.index("<article") : html.index("</article>")]
    return re.findall(r"<h2 id=\"([^\"]+)\"", article)


def test_markdown_and_html_syntax_in_content_add_no_structure(
    hostile: SiteResult, baseline: SiteResult
) -> None:
    html = hostile.html("privacy/hostile-lists.md")
    article = html[html.index("<article") : html.index("</article>")]
    # Only the page's own headings: one H1, the same H2 skeleton as any product page.
    assert len(re.findall(r"<h1\b", article)) == 1
    assert h2_ids(html) == h2_ids(baseline.html("privacy/widget-ios.md"))
    assert "not a heading" not in "".join(re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", article))
    assert "nor this" not in "".join(re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", article))
    # Admonitions come from notes and conditions only, never from '!!!' in the text.
    assert 'class="admonition danger"' not in article
    assert "not an admonition" in parse(html).article_text


def test_tables_keep_their_shape(hostile: SiteResult) -> None:
    tables = parse(hostile.html("privacy/hostile-tables.md")).tables
    shapes = [(len(rows), {len(row) for row in rows}) for rows in tables]
    record = yaml.safe_load((HOSTILE / "content/products/hostile-tables.yml").read_text("utf-8"))
    columns = 1 + len(record["workloads"])
    groups = record["required"]["groups"] + record["optional"]["groups"]
    expected = [(1 + len(group["items"]), {columns}) for group in groups]
    expected.append((1 + len(record["data_use"]["uses"]), {2}))
    retention = record["storage"]["retention"]
    expected.append(
        (1 + len(retention) + sum(len(r.get("exceptions", ())) for r in retention), {2})
    )
    assert shapes == expected
    # The hostile item's first cell keeps its name and its text, pipes included.
    first_cell = one_line(tables[0][1][0])
    assert "<script>alert('catalog-name')</script> {{ 7*7 }} | a | b # not a heading" in first_cell
    assert "<script>alert('item-description')</script>" in first_cell
    assert "<script>alert('item-condition')</script> {{ 7*7 }}" in first_cell


def test_head_metadata_is_escaped(hostile: SiteResult) -> None:
    record = yaml.safe_load((HOSTILE / "content/products/hostile-tables.yml").read_text("utf-8"))
    html = parse(hostile.html("privacy/hostile-tables.md"))
    assert one_line(record["metadata"]["title"]) in one_line(html.title)
    metas = {e.attrs.get("name"): e.attrs.get("content") for e in html.by_tag("meta")}
    assert metas["description"] == record["metadata"]["description"]
    assert "<script>alert('meta-keywords')</script>" in (metas["keywords"] or "")


# -- unsafe links are errors ----------------------------------------------------------------


def _product_with(tmp_path: Path, field: str) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small" / "content", content)
    product = content / "products" / "widget-ios.yml"
    product.write_text(product.read_text("utf-8") + field, "utf-8")
    return content


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\\tscript:alert(1)",
        "jav&#x61;script:alert(1)",
        "javascript&colon;alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "//evil.example/x",
    ],
)
def test_unsafe_url_fields_are_errors_with_location(tmp_path: Path, target: str) -> None:
    content = _product_with(
        tmp_path,
        f'next_steps: See more.\nrights:\n  services:\n    - title: x\n      url: "{target}"\n',
    )
    _, problems = load_content(content)
    errors = [p for p in problems.errors if p.rule == "unsafe-link"]
    assert errors, [str(p) for p in problems.items]
    assert errors[0].key_path == "services[0].url"
    assert errors[0].location.path.endswith("widget-ios.yml")
    assert errors[0].location.line == len(
        (content / "products/widget-ios.yml").read_text().splitlines()
    )


@pytest.mark.parametrize(
    "text",
    [
        "see [here](javascript:alert(1))",
        "see ![img](data:image/svg+xml;base64,PHN2Zz4=)",
        "see [here]( <jav&#97;script:alert(1)> )",
        "see [here][1]\\n\\n[1]: javascript:alert(1)",
        "see [here][r]\\n\\n   [r]:\\n   data:text/html,x",
    ],
)
def test_unsafe_links_inside_markdown_text_are_errors(tmp_path: Path, text: str) -> None:
    content = _product_with(tmp_path, f'next_steps: "{text}"\n')
    _, problems = load_content(content)
    errors = [p for p in problems.errors if p.rule == "unsafe-link"]
    assert errors and errors[0].key_path == "next_steps", [str(p) for p in problems.items]


def test_unsafe_links_in_category_and_catalog_descriptions_are_errors(tmp_path: Path) -> None:
    content = _product_with(tmp_path, "")
    categories = content / "categories.yml"
    categories.write_text(
        categories.read_text("utf-8").replace(
            "name: Feedback data", "name: Feedback data\n    description: '[x](javascript:1)'"
        ),
        "utf-8",
    )
    _, problems = load_content(content)
    paths = {p.key_path for p in problems.errors if p.rule == "unsafe-link"}
    assert "categories[2].description" in paths


# -- the escaping functions, in a real Markdown renderer -------------------------------------

EXTENSIONS = ["toc", "tables", "fenced_code", "admonition", "attr_list"]


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def table_shape(cells: list[str]) -> list[int]:
    header = "| " + " | ".join(f"h{i}" for i in range(len(cells))) + " |"
    rule = "|" + " --- |" * len(cells)
    row = "| " + " | ".join(cells) + " |"
    tables = parse("<article>" + render(f"{header}\n{rule}\n{row}\n") + "</article>").tables
    return [len(r) for r in tables[0]] if tables else []


@pytest.mark.parametrize(
    "text",
    ["a | b", "a \\| b", "a \\\\| b", "`a | b`", "`a", "b`", "``a|b``", "a\nb | c\n\nd", "x\\"],
)
def test_a_cell_never_adds_a_column(text: str) -> None:
    for cells in ([cell(text), cell(text)], [cell(text), inline(text)], [inline(text), cell("`")]):
        assert table_shape([str(c) for c in cells]) == [2, 2], (text, cells)


def test_backticks_in_one_cell_cannot_pair_with_another() -> None:
    assert table_shape([str(cell("`a")), "x", str(cell("b`"))]) == [3, 3]
    assert table_shape([str(cell("``a")), str(inline("`")), str(cell("b``"))]) == [3, 3]


def test_code_spans_show_exactly_as_written() -> None:
    for rendered in (block("run `<b>{{ x }}</b> | *y*` now"), cell("run `<b>{{ x }}</b> | *y*`")):
        html = render(str(rendered))
        codes = re.findall(r"<code>(.*?)</code>", html)
        assert [htmllib.unescape(code) for code in codes] == ["<b>{{ x }}</b> | *y*"]
        assert "<b>" not in html


@pytest.mark.parametrize(
    "text",
    [
        "- # heading in a list",
        "> # heading in a quote",
        "1. # numbered",
        "Title\n===",
        "- Title\n\n    ===",
        "~~~\nnot closed\n# heading",
        "```js\nnot closed",
    ],
)
def test_markdown_text_cannot_open_headings_or_unclosed_fences(text: str) -> None:
    html = render("## Section\n\n" + str(block(text)) + "\n\n## Next\n")
    assert len(re.findall(r"<h[1-6]\b", html)) == 2, html
    assert "<pre>" not in html


#: Code that would be markup anywhere else: HTML, a heading, a template, a table, a fence.
CODE = "<script>alert(1)</script>\n# not a heading\n{{ x }} {% y %}\n| a | b |\n```js\n`x`"


@pytest.mark.parametrize("fence", ["```", "~~~", "````"])
@pytest.mark.parametrize("language", ["json", "mermaid", "x onload=alert(1)"])
def test_a_fenced_block_is_code_shown_exactly_as_written(fence: str, language: str) -> None:
    text = f"Example:\n\n{fence}{language}\n{CODE}\n{fence}\n\nAfter **that**."
    html = render("## Section\n\n" + str(block(text)) + "\n\n## Next\n")
    assert len(re.findall(r"<h[1-6]\b", html)) == 2, html
    [code] = re.findall(r"<pre[^>]*><code[^>]*>(.*?)</code></pre>", html, re.DOTALL)
    assert htmllib.unescape(code).rstrip("\n") == CODE
    assert "<script>" not in html and "onload" not in html
    # Only a known language is kept: no content opens a site's custom fence (a diagram).
    assert ('class="language-json"' in html) == (language == "json")
    assert "<strong>that</strong>" in html


def test_link_targets_cannot_end_the_link_or_split_a_table() -> None:
    target = str(link_target("https://example.com/a_(b)*c*`d`|e f\\"))
    html = render(f"| [x]({target}) | y |\n| --- | --- |\n| [x]({target}) | y |\n")
    assert html.count("<a href=") == 2
    assert [len(r) for r in parse(f"<article>{html}</article>").tables[0]] == [2, 2]


def test_a_list_item_ending_in_code_does_not_swallow_the_next_item() -> None:
    options = ["Set it in the config:\n\n```js\nexport default {}\n```", "Using a variable:"]
    page = "".join(f"- {indented(block(option))}\n" for option in options)
    html = markdown.markdown(page, extensions=["pymdownx.superfences"])
    assert len(re.findall(r"<li>", html)) == 2, html
    assert "- Using" not in html


def indented(text: object) -> str:
    """What the templates' ``indent(4)`` does to a list item's text."""
    return str(text).replace("\n", "\n    ")
