"""Property-based tests (hypothesis): arbitrary valid records build, text shows as written,
and no text changes the shape of a table or the page.

Records are written as YAML (``yaml.safe_dump`` quotes whatever needs it), loaded by the real
loader and rendered by the core; the Markdown is turned into HTML with the ``markdown`` library
and the extensions MkDocs sites use, without a full MkDocs build per example.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import markdown
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from page_html import one_line, parse
from privacy_pages.load.content import load_content
from privacy_pages.load.products import RESERVED_NAMES
from privacy_pages.markdown_text import block
from privacy_pages.model import SECTION_IDS
from privacy_pages.model.sections import SECTIONS_SHOWN_WITH_CONTENT
from privacy_pages.render.pages import render_pages
from privacy_pages.settings import Settings

EXTENSIONS = ["toc", "tables", "fenced_code", "admonition", "attr_list"]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: Text as writers type it, plus every character Markdown, HTML, Jinja or tables treat specially.
SPECIAL = [*"<>&|`*_#[](){}!\\:=-~+.\"' \n\t", "{{", "}}", "{%", "%}", "```", "---", "\n\n"]
#: Printable ASCII and a few letters from other scripts. (Arbitrary Latin-1 pairs such as
#: 'Í°' are reported as mojibake, on purpose: test_yaml_faults covers that.)
CHARS = st.one_of(
    st.characters(min_codepoint=32, max_codepoint=126), st.sampled_from("éüßçñΩ中文語😀")
)
TEXT = st.lists(st.one_of(st.sampled_from(SPECIAL), st.text(CHARS, max_size=4)), max_size=12).map(
    "".join
)
#: A text field: at least one visible character (an empty name is not a name).
FIELD = TEXT.filter(lambda s: s.strip() != "")
IDS = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?", fullmatch=True).filter(
    lambda s: s not in RESERVED_NAMES and s not in SECTION_IDS
)


def to_html(page_markdown: str) -> str:
    body = page_markdown.split("\n---\n", 1)[1] if page_markdown.startswith("---\n") else ""
    return markdown.markdown(body, extensions=EXTENSIONS)


@st.composite
def products(draw: st.DrawFn) -> dict[str, Any]:
    """A product record: local items with hostile names and texts, and workload tables."""
    item_ids = draw(st.lists(IDS, min_size=1, max_size=5, unique=True))
    workloads = draw(st.lists(IDS, max_size=3, unique=True))
    items = []
    for item_id in item_ids:
        item: dict[str, Any] = {"id": f"x-{item_id}", "name": draw(FIELD)}
        for key in ("description", "condition", "note", "purpose"):
            if draw(st.booleans()):
                item[key] = draw(FIELD)
        if workloads:
            item["workloads"] = {
                w: draw(
                    st.one_of(
                        st.sampled_from(["yes", "No"]),
                        st.fixed_dictionaries(
                            {"applies": st.sampled_from(["YES", "no"]), "condition": FIELD}
                        ),
                    )
                )
                for w in workloads
                if draw(st.booleans())
            } or None
            if item["workloads"] is None:
                del item["workloads"]
        items.append(item)
    record: dict[str, Any] = {
        "id": draw(IDS),
        "name": draw(FIELD),
        "summary": draw(FIELD),
        "metadata": {"title": draw(FIELD), "description": draw(FIELD)},
        "required": {
            "intro": draw(FIELD),
            "groups": [{"category": "device", "title": draw(FIELD), "items": items}],
        },
        "data_use": {"uses": [{"source": draw(FIELD), "use": draw(FIELD)}]},
    }
    if workloads:
        record["workloads"] = [{"id": w, "name": draw(FIELD)} for w in workloads]
    if draw(st.booleans()):  # who receives the data: a table of its own
        record["sharing"] = {
            "recipients": [
                {"name": draw(FIELD), "purpose": draw(FIELD)}
                for _ in range(draw(st.integers(1, 3)))
            ]
        }
    return record


def build(record: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Load the record with the real loader and render its page; return the page's Markdown."""
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        (content / "products").mkdir(parents=True)
        (content / "catalog").mkdir()
        (content / "categories.yml").write_text(
            "categories:\n  - id: device\n    name: Device data\n", "utf-8"
        )
        (content / "products" / "p.yml").write_text(
            yaml.safe_dump(record, allow_unicode=True, sort_keys=False), "utf-8"
        )
        dataset, problems = load_content(content)
        assert not problems.errors, [str(p) for p in problems.errors]
        pages = render_pages(dataset, Settings(content_dir=content))
    [page] = [p for p in pages if p.product_id == record["id"]]
    return page.markdown, record


@SETTINGS
@given(products())
def test_arbitrary_valid_records_always_build(record: dict[str, Any]) -> None:
    page_markdown, _ = build(record)
    html = to_html(page_markdown)
    assert len(re.findall(r"<h1\b", html)) == 1
    # Every section, but those shown only when the record fills them ("Data collected").
    shown = set(SECTION_IDS) - SECTIONS_SHOWN_WITH_CONTENT
    assert len(re.findall(r"<h2\b", html)) >= len(shown)


@SETTINGS
@given(products())
def test_every_item_name_appears_exactly_as_written(record: dict[str, Any]) -> None:
    page_markdown, _ = build(record)
    text = one_line(parse("<article>" + to_html(page_markdown) + "</article>").article_text)
    for item in record["required"]["groups"][0]["items"]:
        assert one_line(item["name"]) in text, item["name"]
    assert one_line(record["name"]) in text


@SETTINGS
@given(products())
@example(  # a dangling "&#" in a Markdown field once scrambled the page (found in CI)
    record={
        "id": "a",
        "name": "<",
        "summary": "<",
        "metadata": {"title": "<", "description": "<"},
        "required": {
            "intro": "&#",
            "groups": [{"category": "device", "title": "<", "items": [{"id": "x-a", "name": "<"}]}],
        },
        "data_use": {"uses": [{"source": "<", "use": "<"}]},
    }
)
def test_text_never_changes_the_shape_of_a_table(record: dict[str, Any]) -> None:
    page_markdown, _ = build(record)
    tables = parse("<article>" + to_html(page_markdown) + "</article>").tables
    items = record["required"]["groups"][0]["items"]
    expected = []
    if "workloads" in record:
        expected.append([1 + len(record["workloads"])] * (1 + len(items)))
    expected.append([2, 2])  # the data-use table: header and one row
    if "sharing" in record:  # who receives the data: header and a row per recipient
        expected.append([2] * (1 + len(record["sharing"]["recipients"])))
    assert [[len(row) for row in table] for table in tables] == expected


ALLOWED_TAGS = {"p", "em", "strong", "a", "code", "ul", "ol", "li", "blockquote", "br", "hr"}
ALLOWED_TAGS |= {"table", "thead", "tbody", "tr", "th", "td", "h2"}
ALLOWED_TAGS |= {"pre"}  # text indented by four spaces is a Markdown code block


@SETTINGS
@given(TEXT)
def test_markdown_text_never_becomes_html_or_structure(text: str) -> None:
    html = markdown.markdown(f"## Before\n\n{block(text)}\n\n## After\n", extensions=EXTENSIONS)
    page = parse(f"<article>{html}</article>")
    tags = {element.tag for element in page.elements} - {"article"}
    assert tags <= ALLOWED_TAGS, tags
    assert len(re.findall(r"<h[1-6]\b", html)) == 2
    for element in page.elements:
        assert not [name for name in element.attrs if name.startswith("on")]
        assert not element.attrs.get("href", "").lower().startswith(("javascript:", "data:"))
