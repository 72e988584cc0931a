"""``privacy-pages import`` on hostile pages: deep nesting, and a great many of one thing.

Nesting that follows the page (lists in lists, quotes in quotes, HTML in HTML) must never end in
a RecursionError: the importer keeps the deep part, flattened, and says so in the report, and
nothing of the page is dropped. And the work of an import must grow linearly with the page.

No test here measures time. Linearity is checked by counting work: the lines of importer code
run and the characters its text functions read, for a page with N of something and for one with
4N (linear work grows about 4 times, quadratic work 16 times). What such counts cannot see (a
regular expression that backtracks, a string built by copying, a scan of a list) is covered only
by big pages on which the quadratic reading took minutes: they must import, whole; a regression
there shows as a slow test run, not as a failure.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import yaml
from privacy_pages.importer import ImportOptions, PageReport, import_pages
from privacy_pages.importer.draft import GroupDraft
from privacy_pages.importer.markdown_doc import MAX_LIST_DEPTH
from privacy_pages.load.content import load_content
from privacy_pages.load.metadata import MetadataRules

RULES = MetadataRules(required=("title", "description"), types={"keywords": "list"})
FRONT = "---\ntitle: Widget privacy\ndescription: What Widget collects.\n---\n# Widget privacy\n\n"
#: The line of the page where a body given to import_body starts after "## Heading" and a blank.
FIRST_BODY_LINE = FRONT.count("\n") + 3
IMPORTER = Path(import_pages.__code__.co_filename).parent
#: The words of the test pages, which no rule of the importer knows.
WORD = re.compile(r"[Zz]q\w*")


@dataclass
class Imported:
    report: PageReport
    #: Every record written, without YAML comments.
    records: str
    content: Path

    @property
    def product(self) -> dict[str, Any]:
        path = self.content / "products" / f"{self.report.product_id}.yml"
        product: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
        return product

    def missing(self, words: list[str]) -> list[str]:
        """The words that are neither in a record nor in a free-form piece of the report."""
        free = "\n".join(fragment.text for fragment in self.report.free_form)
        found = set(WORD.findall(self.records)) | set(WORD.findall(free))
        return [
            word
            for word in words
            if (word not in found if WORD.fullmatch(word) else word not in self.records + free)
        ]

    def structure_notes(self) -> list[tuple[int, str]]:
        return [(r.line, r.message) for r in self.report.reviews if r.topic == "structure"]


def import_text(tmp_path: Path, text: str) -> Imported:
    page = tmp_path / "page.md"
    page.write_text(text, "utf-8")
    content = tmp_path / "content"
    [report] = import_pages([page], ImportOptions(content, RULES, today="2024-01-02"))
    records = "\n".join(
        line
        for path in sorted(content.rglob("*.yml"))
        for line in path.read_text("utf-8").split("\n")
        if not line.lstrip().startswith("#")
    )
    return Imported(report, records, content)


def import_body(tmp_path: Path, heading: str, body: str) -> Imported:
    return import_text(tmp_path, f"{FRONT}{heading}\n\n{body}")


def load_errors(result: Imported) -> list[str]:
    _, problems = load_content(result.content, RULES)
    return [str(error) for error in problems.errors]


def nested_list(depth: int, word: str = "zqdeep") -> str:
    return "\n".join(f"{'  ' * level}- {word}{level}" for level in range(depth)) + "\n"


def details_depth(value: Any) -> int:
    """How deeply ``details`` nest in a record."""
    deepest = 0
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            for key, child in item.items():
                stack.append((child, depth + (key == "details")))
        elif isinstance(item, list):
            stack.extend((child, depth) for child in item)
        deepest = max(deepest, depth)
    return deepest


# -- deep nesting ----------------------------------------------------------------------------------

DEPTHS = (200, 1000)


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize(
    "heading",
    ["## Required data", "## Data never collected", "## Overview", "## Security", "## Zq things"],
)
def test_a_deeply_nested_list_is_kept_flattened_and_reported(
    tmp_path: Path, heading: str, depth: int
) -> None:
    result = import_body(tmp_path, heading, nested_list(depth))
    assert result.missing([f"zqdeep{level}" for level in range(depth)]) == []
    first_flattened = FIRST_BODY_LINE + MAX_LIST_DEPTH
    [(line, message)] = result.structure_notes()
    assert line == first_flattened and f"{MAX_LIST_DEPTH} levels" in message
    assert details_depth(result.product) <= MAX_LIST_DEPTH


@pytest.mark.parametrize("depth", DEPTHS)
def test_deep_data_items_give_a_record_that_loads(tmp_path: Path, depth: int) -> None:
    result = import_body(tmp_path, "## Required data", nested_list(depth))
    [group] = result.product["required"]["groups"]
    assert len(group["items"]) == 1  # one item, its nested bullets as its details
    assert load_errors(result) == []


@pytest.mark.parametrize("depth", DEPTHS)
def test_deeply_nested_quotes_and_alerts_are_kept(tmp_path: Path, depth: int) -> None:
    staircase = "\n".join(">" * (level + 1) + f" zqstep{level}" for level in range(depth))
    alert_list = "\n".join("> " + "  " * level + f"- zqalert{level}" for level in range(depth))
    body = (
        f"{'>' * depth} zqquote\n\n"
        f"> [!NOTE]\n{'>' * depth} zqnote\n\n"
        f"{staircase}\n\n"
        f"> [!TIP]\n{alert_list}\n"
    )
    result = import_body(tmp_path, "## Overview", body)
    words = ["zqquote", "zqnote"] + [f"zqstep{level}" for level in range(depth)]
    assert result.missing(words + [f"zqalert{level}" for level in range(depth)]) == []


@pytest.mark.parametrize("depth", DEPTHS)
def test_deeply_nested_html_is_kept(tmp_path: Path, depth: int) -> None:
    divs = "<div>" * depth + "zqdiv" + "</div>" * depth
    tables = "<table><tr><td>" * depth + "zqtable" + "</td></tr></table>" * depth
    outer = f"<table><tr><th>Zq head</th></tr><tr><td>{tables}</td></tr></table>"
    result = import_body(tmp_path, "## Zq things", f"{divs}\n\n{outer}\n")
    assert result.missing(["zqdiv", "zqtable"]) == []


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("info", ["json", "yaml", "python", "text"])
def test_a_sample_nested_past_what_python_reads_is_kept_as_code(
    tmp_path: Path, depth: int, info: str
) -> None:
    # A code block under a data heading is read as a sample of what is sent: one nested past
    # Python's recursion limit is no sample, and stays as the page wrote it.
    sample = "[" * depth + '"zqsample"' + "]" * depth
    body = f"The data sent:\n\n```{info}\n{sample}\n```\n\n- Zqitem\n"
    result = import_body(tmp_path, "## Data collected", body)
    assert result.missing(["zqsample", "zqitem"]) == []


@pytest.mark.parametrize("depth", DEPTHS)
def test_html_lists_nested_deep_in_a_cell_become_flattened_details(
    tmp_path: Path, depth: int
) -> None:
    cell = "".join(f"<ul><li>zqli{level}" for level in range(depth)) + "</li></ul>" * depth
    table = f"| Data | Description |\n|---|---|\n| Zq name {cell} | zq text |\n"
    result = import_body(tmp_path, "## Required data", table)
    assert result.missing([f"zqli{level}" for level in range(depth)]) == []
    assert details_depth(result.product) <= MAX_LIST_DEPTH
    assert load_errors(result) == []


# -- work that grows linearly ----------------------------------------------------------------------

#: The importer's text functions, whose reading is counted in characters.
TEXT_FUNCTIONS = frozenset(
    {"plain", "html_to_markdown", "has_html", "sentences", "links", "one_line", "parse"}
)


@dataclass
class Work:
    lines: int = 0  # lines of importer code run
    characters: int = 0  # characters given to its text functions


def work_of(tmp_path: Path, text: str) -> Work:
    """The work of importing ``text`` (nothing is written)."""
    work = Work()
    page = tmp_path / "page.md"
    page.write_text(text, "utf-8")

    def count_lines(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            work.lines += 1
        return count_lines

    def on_call(frame: FrameType, event: str, arg: Any) -> Any:
        code = frame.f_code
        # Importer code, and the __eq__ and friends that dataclasses write for it.
        if not code.co_filename.startswith(str(IMPORTER)) and code.co_filename != "<string>":
            return None
        if code.co_name in TEXT_FUNCTIONS and isinstance(frame.f_locals.get("text"), str):
            work.characters += len(frame.f_locals["text"])
        return count_lines

    options = ImportOptions(tmp_path / "content", RULES, today="2024-01-02", dry_run=True)
    sys.settrace(on_call)
    try:
        import_pages([page], options)
    finally:
        sys.settrace(None)
    return work


def page(body: str, heading: str = "## Zq things") -> str:
    return f"{FRONT}{heading}\n\n{body}"


#: Pages with N of one thing; each of these took work quadratic in N before.
GROWING: dict[str, Callable[[int], str]] = {
    "links in one paragraph": lambda n: page(
        " ".join(f"[zql{i}](https://example.com/{i})" for i in range(n)), "## Overview"
    ),
    "headings in a data section": lambda n: page(
        "\n\n".join(f"### Zq group {i}\n\n- zqi{i}" for i in range(n)), "## Required data"
    ),
    "headings": lambda n: "".join(f"## Zq {i}\n\nzqt{i}\n\n" for i in range(n)),
    "HTML blocks": lambda n: page("\n\n".join(f"<div>zqd{i}</div>" for i in range(n))),
    "HTML tables": lambda n: page(
        "\n\n".join(f"<table><tr><th>A</th></tr><tr><td>zq{i}</td></tr></table>" for i in range(n))
    ),
    "bullets with one name": lambda n: page("- Zq same\n" * n, "## Required data"),
    "names that share 64 characters": lambda n: page(
        "".join(f"- {'zq' * 35} {i}\n" for i in range(n)), "## Required data"
    ),
    "values in one cell": lambda n: page(
        "| Data | MAM |\n|---|---|\n| " + "<br>".join(f"zqv{i}" for i in range(n)) + " | Yes |\n",
        "## Required data",
    ),
    "notes under one item": lambda n: page(
        "| Data | Notes |\n|---|---|\n| Zq item | zq |\n"
        + "".join(f"| | zqnote{i} |\n" for i in range(n)),
        "## Required data",
    ),
    "workload columns with one id": lambda n: page(
        "| Data | "
        + " | ".join("W" + format(i, "b").replace("0", ".").replace("1", "!") for i in range(n))
        + " |\n|---|"
        + "---|" * n
        + "\n| Zq item | "
        + " | ".join(["Yes"] * n)
        + " |\n",
        "## Required data",
    ),
    "retention exceptions": lambda n: page(
        " ".join(f"Zqd{i} data is retained for 5 days except for zqx{i}." for i in range(n)),
        "## Data retention",
    ),
    "alerts": lambda n: page("".join(f"> [!NOTE]\n> zqa{i}\n\n" for i in range(n)), "## Overview"),
    "images without their end": lambda n: page(
        "".join(
            f':::image type="complex" source="a{i}.png" alt-text="zq{i}":::\n\n' for i in range(n)
        )
    ),
    "sentences with an open bracket": lambda n: page(
        " ".join(f"[Zq{i} is here. And" for i in range(n)), "## Overview"
    ),
}


@pytest.mark.parametrize("kind", sorted(GROWING))
def test_work_grows_linearly_with_the_page(tmp_path: Path, kind: str) -> None:
    small = work_of(tmp_path, GROWING[kind](60))
    large = work_of(tmp_path, GROWING[kind](240))
    assert large.lines < 6 * small.lines, (kind, small, large)
    assert large.characters < 6 * max(small.characters, 1), (kind, small, large)


def test_the_groups_of_a_data_section_are_placed_without_comparing_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each sub-heading's group joins its section once; finding whether it had joined by
    comparing it with every group before (``in``) took work quadratic in the sub-headings,
    too little per pair for the line count above to show at these sizes."""
    compared = 0
    equal = GroupDraft.__eq__

    def counted(self: GroupDraft, other: object) -> bool:
        nonlocal compared
        compared += 1
        return equal(self, other)

    monkeypatch.setattr(GroupDraft, "__eq__", counted)
    result = import_text(tmp_path, GROWING["headings in a data section"](300))
    assert len(result.product["required"]["groups"]) == 300
    assert compared == 0


# -- big pages ---------------------------------------------------------------------------------------


def test_twenty_thousand_links_in_one_paragraph(tmp_path: Path) -> None:
    links = " ".join(f"[zql{i}](https://example.com/{i})" for i in range(20_000))
    result = import_body(tmp_path, "## Overview", links + "\n")
    assert result.missing([f"zql{i}" for i in range(20_000)]) == []
    assert len(re.findall(r"\]\(https://example\.com/\d+\)", result.product["intro"])) == 20_000


def test_twenty_thousand_html_blocks_and_comments(tmp_path: Path) -> None:
    blocks = "".join(f"<div>zqd{i}</div>\n\n<!-- zqc{i} -->\n\n" for i in range(10_000))
    result = import_body(tmp_path, "## Zq things", blocks)
    assert result.missing([f"zqd{i}" for i in range(10_000)]) == []
    comments = [r for r in result.report.reviews if r.topic == "comment"]
    assert len(comments) == 10_000


def test_thousands_of_headings_bullets_and_rows(tmp_path: Path) -> None:
    headings = "".join(f"## Zq heading {i}\n\nzqt{i}\n\n" for i in range(2000))
    bullets = "".join(f"- zqb{i}\n" for i in range(5000))
    rows = "".join(f"| zqn{i} | zqr{i} |\n" for i in range(5000))
    items = "".join(f"- zqi{i}\n" for i in range(500))
    text = (
        f"{FRONT}{headings}## Zq bullets\n\n{bullets}\n## Zq table\n\n| A | B |\n|---|---|\n{rows}"
        f"\n## Required data\n\n{items}"
    )
    result = import_text(tmp_path, text)
    words = [f"zqt{i}" for i in range(2000)] + [f"zqb{i}" for i in range(5000)]
    words += [f"zqr{i}" for i in range(5000)] + [f"zqi{i}" for i in range(500)]
    assert result.missing(words) == []


#: One line each, of a construct that a regular expression read in time quadratic in the line.
LONG_LINES: dict[str, tuple[str, list[str]]] = {
    "open brackets": ("## Overview\n\nzqa " + "[" * 100_000 + " zqb\n", ["zqa", "zqb"]),
    "links never closed": ("## Overview\n\nzqa " + "[a](" * 25_000 + " zqb\n", ["zqa", "zqb"]),
    "images never closed": ("## Overview\n\nzqa " + "![a](" * 20_000 + " zqb\n", ["zqa", "zqb"]),
    "strong never closed": ("## Overview\n\nzqa " + "**a " * 25_000 + "zqb\n", ["zqa", "zqb"]),
    "spaces in a heading": ("## zqa" + " " * 100_000 + "zqb\n\nzqc\n", ["zqa", "zqb", "zqc"]),
    "spaces after a table row": ("zqa | zqb\n" + " " * 100_000 + "zqc\n", ["zqa", "zqb", "zqc"]),
    "a long directive": ("zqa\n:::" + "a" * 100_000 + "\n\nzqb\n", ["zqa", "zqb"]),
    "a long image attribute": (":::image " + "a" * 100_000 + ":::\n\nzqa\n", ["zqa"]),
    "heading attributes never closed": ("## zqa " + "{#" * 50_000 + "}\n\nzqb\n", ["zqb"]),
    "a heading of one repeated word": ("## " + "never " * 20_000 + "\n\nzqa\n", ["zqa"]),
    "a retention verb repeated": (
        "## Data retention\n\nZqa " + "keeps " * 20_000 + "for 5 days.\n",
        ["Zqa"],
    ),
    "a lead of one repeated word": (
        "## Data storage\n\n" + "regions " * 20_000 + "\n\n- zqa\n",
        ["zqa"],
    ),
    "repaired mojibake": (
        "## Overview\n\n" + " ".join(["zq it\u2019s".encode().decode("cp1252")] * 10_000) + "\n",
        ["zq it\u2019s"],
    ),
    "a 'does not send' repeated before a list": (
        "## Zq things\n\n" + "does not send " * 10_000 + "the following:\n\n- zqa\n",
        ["zqa"],
    ),
    "a 'process' repeated before steps": (
        "## Zq things\n\nzqb " + "process " * 20_000 + "is as follows:\n\n1. zqa\n",
        ["zqa", "zqb"],
    ),
    "open brackets in a bullet": ("## Zq things\n\n- zqa " + "[" * 40_000 + " zqb\n", ["zqa"]),
    "a settings heading with open braces": ("## Settings " + "{" * 50_000 + "\n\nzqa\n", ["zqa"]),
    "an HTML table with a tag never ended": (
        "## Zq things\n\n<table><tr><td>zqa" + "<td " * 20_000 + "\n",
        ["zqa"],
    ),
    "a table one row of which is very wide": (
        "## Zq things\n\n| zqa |\n|---|\n| "
        + " | ".join(["zqb"] * 5000)
        + " |\n"
        + "| zqc |\n" * 5000,
        ["zqa", "zqb", "zqc"],
    ),
}


@pytest.mark.parametrize("kind", sorted(LONG_LINES))
def test_long_hostile_lines_import_whole(tmp_path: Path, kind: str) -> None:
    body, words = LONG_LINES[kind]
    result = import_text(tmp_path, FRONT + body)
    assert result.missing(words) == []


def test_spaces_in_the_front_matter_title(tmp_path: Path) -> None:
    text = "---\ntitle: Zq" + " " * 100_000 + "widget\ndescription: D\n---\n\nzqa\n"
    result = import_text(tmp_path, text)
    assert result.report.product_id == "zq-widget"
    assert result.missing(["zqa"]) == []


def test_a_table_too_ragged_to_pad_is_kept_as_text_and_reported(tmp_path: Path) -> None:
    _, words = LONG_LINES["a table one row of which is very wide"]
    body, _ = LONG_LINES["a table one row of which is very wide"]
    result = import_text(tmp_path, FRONT + body)
    assert any("differ too much in width" in message for _, message in result.structure_notes())
    assert re.search(r"\| zqb \| zqb \|", result.records)
    assert result.missing(words) == []
