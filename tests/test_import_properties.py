"""Property tests of ``privacy-pages import`` on generated privacy statements.

Hypothesis writes page variants the way real pages differ: sections in any order, tables with
extra columns in any order, HTML inside cells, blank category cells, conditions in bullets,
``-**bold**`` bullets, prose retention statements and sections no rule recognizes. Every
variant must import without crashing, give records that load without errors, lose no text
(every word of the page body is in a record), report each free-form piece at a source line
that holds its words, and import a second time without changing a byte.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from privacy_pages.importer import ImportOptions, import_pages
from privacy_pages.load.content import load_content
from privacy_pages.load.metadata import MetadataRules

RULES = MetadataRules(required=("title", "description"), types={"keywords": "list"})
#: Words that no recognition rule knows (no "data", "when", "yes"...), so each stands for
#: itself: if one is missing from the records, text was lost.
WORD = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=3, max_size=7).map(lambda s: "zq" + s)


def words(count: int = 3) -> st.SearchStrategy[str]:
    return st.lists(WORD, min_size=1, max_size=count).map(" ".join)


def sentence() -> st.SearchStrategy[str]:
    return words(6).map(lambda text: text[0].upper() + text[1:] + ".")


@st.composite
def bullet(draw: st.DrawFn) -> list[str]:
    name = draw(words(4))
    style = draw(st.sampled_from(["plain", "condition", "dash", "bold", "bold-no-space"]))
    if style == "condition":
        text = f"{name}, only when {draw(words(3))}."
        line = f"- {text}"
    elif style == "dash":
        line = f"- {name} - {draw(sentence())}"
    elif style == "bold":
        line = f"- **{name}**: {draw(sentence())}"
    elif style == "bold-no-space":
        line = f"-**{name}**"
    else:
        line = f"- {name}"
    lines = [line]
    for child in draw(st.lists(words(3), max_size=2)):
        lines.append(f"  - {child}")
    return lines


@st.composite
def data_section(draw: st.DrawFn, heading: str) -> list[str]:
    lines = [f"## {heading}", "", draw(sentence()), ""]
    for _ in range(draw(st.integers(1, 3))):
        lines += [f"### {draw(words(3))}", ""]
        if draw(st.booleans()):
            lines += [draw(words(5)) + ":", ""]
        for _ in range(draw(st.integers(1, 3))):
            lines += draw(bullet())
        lines.append("")
    return lines


def cell_html(text: str, style: str, other: str) -> str:
    if style == "br":
        return f"{text}<br>{other}"
    if style == "bold":
        return f"<b>{text}</b> {other}"
    if style == "list":
        return f"<ul><li>{text}</li><li>{other}</li></ul>"
    return text


@st.composite
def table_section(draw: st.DrawFn) -> list[str]:
    extra = draw(st.lists(WORD, max_size=2, unique=True))
    workload = draw(st.booleans())
    columns = ["Category", "Data", *extra] + (["Workload"] if workload else [])
    order = draw(st.permutations(range(len(columns))))
    rows = []
    for index in range(draw(st.integers(1, 5))):
        style = draw(st.sampled_from(["none", "none", "br", "bold", "list"]))
        values = {
            "Category": f"**{draw(words(2))}**" if index == 0 or draw(st.booleans()) else "",
            "Data": cell_html(draw(words(3)), style, draw(words(2))),
            "Workload": draw(st.sampled_from(["Yes", "No", "Yes (only for managed apps)"])),
        }
        for name in extra:
            values[name] = draw(words(3))
        rows.append([values[columns[i]] for i in order])
    header = [columns[i] for i in order]
    lines = ["## Data collected", "", draw(words(4)) + ":", ""]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


@st.composite
def never_section(draw: st.DrawFn) -> list[str]:
    lines = ["## Data never collected", "", f"{draw(words(2))} does not collect the following:"]
    lines += [f"- {draw(words(3))}" for _ in range(draw(st.integers(1, 3)))]
    return [*lines, ""]


@st.composite
def storage_section(draw: st.DrawFn) -> list[str]:
    subject = draw(words(2))
    days = draw(st.integers(1, 400))
    prose = (
        f"{subject.capitalize()} data is retained for {days} days. "
        f"{draw(words(2)).capitalize()} stores its data in the United States. {draw(sentence())}"
    )
    staff = f"The {draw(words(2))} teams are located in India."
    return ["## Data retention", "", prose, "", "### Staff location", "", staff, ""]


@st.composite
def rights_section(draw: st.DrawFn) -> list[str]:
    return [
        "## Your rights",
        "",
        draw(sentence()),
        "",
        f"### {draw(words(2))}",
        "",
        draw(sentence()),
        "",
    ]


@st.composite
def other_section(draw: st.DrawFn) -> list[str]:
    lines = [f"## {draw(words(3))}", "", draw(sentence()), ""]
    if draw(st.booleans()):
        lines += ["> " + draw(sentence()), ""]
    return lines


@st.composite
def page(draw: st.DrawFn) -> str:
    sections = [
        draw(data_section("Required data")),
        draw(data_section("Optional data")),
        draw(table_section()),
        draw(never_section()),
        draw(storage_section()),
        draw(rights_section()),
        draw(other_section()),
    ]
    chosen = draw(
        st.lists(st.sampled_from(range(len(sections))), min_size=1, max_size=5, unique=True)
    )
    body = [f"# {draw(words(3))}", "", draw(sentence()), ""]
    if draw(st.booleans()):
        body += ["> [!NOTE]", "> " + draw(sentence()), ""]
    for index in chosen:  # the order hypothesis drew: sections shuffled
        body += sections[index]
    front = ["---", f"title: {draw(words(2))}", f"description: {draw(sentence())}", "---"]
    lines = front + [draw(noise(line)) for line in body]
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")  # Windows line endings
    return text if draw(st.booleans()) else text.rstrip("\r\n")  # final newline or not


@st.composite
def noise(draw: st.DrawFn, line: str) -> str:
    """What hand-edited pages do to a line: no space after '#' or '-', other bullet markers,
    tables without outer pipes, trailing spaces, a curly apostrophe saved as mojibake."""
    change = draw(
        st.sampled_from(["none", "none", "none", "tight", "marker", "pipes", "space", "mojibake"])
    )
    if change == "tight" and line.startswith(("## ", "### ")):
        return line.replace("# ", "#", 1)
    if change == "tight" and line.startswith("- **"):
        return "-" + line[2:]
    if change == "marker" and line.startswith("- "):
        return draw(st.sampled_from(["* ", "+ "])) + line[2:]
    if change == "pipes" and line.startswith("| ") and line.endswith(" |"):
        return line[2:-2]
    if change == "space":
        return line + "   "
    if change == "mojibake" and line and not line.startswith(("|", "#", "-", ">")):
        return line + " it" + "\u2019".encode("utf-8").decode("cp1252") + "s"
    return line


def record_text(content: Path) -> str:
    """Every record's text, without YAML comments (which are not content)."""
    parts = []
    for path in sorted(content.rglob("*.yml")):
        lines = path.read_text("utf-8").split("\n")
        parts.append("\n".join(line for line in lines if not line.lstrip().startswith("#")))
    return "\n".join(parts)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page())
def test_generated_pages_import_without_losing_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        source = root / "statement.md"
        source.write_text(text, "utf-8")
        content = root / "content"
        [report] = import_pages([source], ImportOptions(content, RULES, today="2024-01-01"))
        _, problems = load_content(content, RULES)
        assert not problems.errors, "\n".join(map(str, problems.errors))

        records = record_text(content)
        body = text.split("---", 2)[2]
        lost = sorted({w for w in re.findall(r"zq[a-z]+", body) if w not in records})
        assert lost == [], f"words lost: {lost}"

        lines = text.split("\n")
        for fragment in report.free_form:
            assert 1 <= fragment.line <= fragment.end_line <= len(lines)
            source_words = re.findall(r"zq[a-z]+", lines[fragment.line - 1])
            # (a row's category cell may be the fragment's title: "→ data / zqa: Yes")
            shown = f"{fragment.title or ''} {fragment.text}"
            assert all(w in shown for w in source_words), (fragment, source_words)

        before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
        import_pages([source], ImportOptions(content, RULES, today="2030-12-31"))
        after = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
        assert after == before


def test_groups_with_one_heading_go_to_one_category_on_the_first_import_and_the_next(
    tmp_path: Path,
) -> None:
    """Found by the property above: a group whose items are those of a category the same page
    had just added went to that category, while a later group with the same heading added a
    category of that name, which importing the page again then matched both groups to."""
    source = tmp_path / "statement.md"
    source.write_text(
        "---\ntitle: zqbbb\ndescription: Zqbbb.\n---\n# zqbbb\n\nZqbbb.\n\n## Required data\n\n"
        "Zqbbb.\n\n### zqbbbb\n\n- zqbbb\n\n### zqbbb\n\n- zqbbb\n\n### zqbbb\n\n- zqbbb zqbbb\n",
        "utf-8",
    )
    content = tmp_path / "content"
    import_pages([source], ImportOptions(content, RULES, today="2024-01-01"))
    product = (content / "products" / "zqbbb.yml").read_text("utf-8")
    categories = re.findall(r"- category: (\S+)", product)
    assert categories == ["zqbbbb", "zqbbb", "zqbbb"]
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    import_pages([source], ImportOptions(content, RULES, today="2024-01-01"))
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before
