"""A translated page's headings (``render.translated.language_headings``): found by one pattern
over the page, they must come out as reading the page line by line gives them."""

from __future__ import annotations

import html
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown.extensions.toc import slugify
from privacy_pages.render import translated
from privacy_pages.render.translated import language_headings

SOURCES = {"Données requises": "Required data", "Réseau": "Network", "A & B": "A and B"}


def line_by_line(markdown: str, sources: dict[str, str]) -> str:
    """Each line read on its own: what the page's headings must come to."""
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if not line.startswith("#"):
            continue
        found = re.match(r"^(#{1,6}) (.*?)\s*$", translated._NOTICE.sub("", line))
        if found is None or found.group(2).endswith("}"):
            continue
        marks, text = found.groups()
        plain = html.unescape(re.sub(r"\\(.)", r"\1", re.sub(r"<[^>]+>", "", text))).strip()
        source = sources.get(plain)
        anchor = slugify(source, "-") if source else ""
        lines[index] = f"{marks} {text} {{: #{anchor} }}" if anchor else f"{marks} {text}"
    return "\n".join(lines)


_LINE = st.one_of(
    st.sampled_from(
        [
            "## Données requises",
            "### Réseau  ",
            "# A &amp; B",
            "## Réseau {: #kept }",
            '## Réseau <small class="pp-translation-notice">(pas à jour)</small>',
            "#hashtag",
            "####### seven",
            "",
            "text with # inside",
            '<a href="#anchor">x</a>',
        ]
    ),
    st.text(alphabet="#\n \r\t aé<>&{}\\", max_size=12),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINE, max_size=10).map("\n".join))
@example("## Données requises")
@example("\n## Réseau\n")
def test_headings_found_by_one_pattern_are_those_read_line_by_line(markdown: str) -> None:
    assert language_headings(markdown, SOURCES) == line_by_line(markdown, SOURCES)


def test_a_heading_that_translates_a_source_keeps_the_source_s_id() -> None:
    page = "intro\n## Données requises\ntext"
    assert (
        language_headings(page, SOURCES) == "intro\n## Données requises {: #required-data }\ntext"
    )
