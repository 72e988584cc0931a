"""Loading YAML: no silent type conversion, exact locations, duplicate keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from privacy_pages.load.yaml_source import (
    C_LOADER,
    LocatedMapping,
    LocatedSequence,
    YamlFault,
    location_of,
    parse_text,
)


def test_uses_the_c_loader_when_pyyaml_has_it() -> None:
    import yaml

    assert hasattr(yaml, "CSafeLoader") == C_LOADER


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("v: yes", "yes"),
        ("v: No", "No"),
        ("v: on", "on"),
        ("v: 2022-04-27", "2022-04-27"),
        ("v: 1.10", "1.10"),
        ("v: 04/27/2022", "04/27/2022"),
        ("v: '12'", "12"),
        ("v: 12", 12),
        ("v: true", True),
        ("v: null", None),
        ("v:", None),
    ],
)
def test_scalars_keep_the_meaning_the_writer_gave_them(source: str, expected: object) -> None:
    assert parse_text(source, "x.yml")["v"] == expected


def test_every_key_and_value_has_its_line_and_column() -> None:
    data = parse_text("a: 1\nb:\n  - x\n  - c: deep\n", "f.yml")
    assert isinstance(data, LocatedMapping)
    assert str(data.where_key("b")) == "f.yml:2:1"
    seq = data["b"]
    assert isinstance(seq, LocatedSequence)
    assert str(seq.where(1)) == "f.yml:4:5"
    assert str(location_of(data, ("b", 1, "c"), data.location)) == "f.yml:4:8"


def test_duplicate_keys_are_an_error_naming_both_lines() -> None:
    with pytest.raises(YamlFault) as caught:
        parse_text("name: a\nid: x\nname: b\n", "p.yml")
    diagnostic = caught.value.diagnostic
    assert str(diagnostic.location) == "p.yml:3:1"
    assert diagnostic.rule == "duplicate-key"
    assert "'name'" in diagnostic.message and "line 1" in diagnostic.message


def test_syntax_errors_carry_the_position() -> None:
    with pytest.raises(YamlFault) as caught:
        parse_text("a: [1, 2\nb: 3\n", "bad.yml")
    diagnostic = caught.value.diagnostic
    assert diagnostic.location.path == "bad.yml"
    assert (diagnostic.location.line, diagnostic.location.column) == (1, 4)  # the open '['
    assert diagnostic.rule == "yaml-syntax"


@pytest.mark.parametrize("quote", ['"', "'"])
@pytest.mark.parametrize("line", [1, 3, 9])
def test_an_unclosed_quote_is_reported_where_it_opens(quote: str, line: int) -> None:
    """YAML only notices at the end of the file; the mistake is the quote that never closes."""
    before = [f"key{n}: value {n}" for n in range(1, line)]
    after = [f"later{n}: more text {n}" for n in range(8)]
    text = "\n".join([*before, f"summary: {quote}an open quote", *after]) + "\n"
    with pytest.raises(YamlFault) as caught:
        parse_text(text, "bad.yml")
    diagnostic = caught.value.diagnostic
    assert (diagnostic.location.line, diagnostic.location.column) == (line, 10)
    assert "never closed" in diagnostic.message


@pytest.mark.parametrize("quote", ['"', "'"])
@pytest.mark.parametrize("gap", [1, 4])
def test_an_unclosed_quote_closed_by_a_later_quote_is_reported_where_it_opens(
    quote: str, gap: int
) -> None:
    """The next quote in the file closes it, and YAML fails there, lines later."""
    middle = [f"key{n}: value {n}" for n in range(gap)]
    text = "\n".join(
        ["id: a", f"summary: {quote}an open quote", *middle, f"intro: {quote}Quoted{quote} text"]
    )
    with pytest.raises(YamlFault) as caught:
        parse_text(text + "\n", "bad.yml")
    diagnostic = caught.value.diagnostic
    assert (diagnostic.location.line, diagnostic.location.column) == (2, 10)
    assert "never closed" in diagnostic.message and f"line {gap + 3}" in diagnostic.message


#: A ``key: value`` line whose value is plain text (not quoted, a flow, a block or an alias).
_KEY_VALUE = re.compile(r"^(\s*(?:- )?)[A-Za-z0-9_.-]+:[ ]+(?![\s\"'\[{|>&*!#%@`])\S")
EXAMPLE_CONTENT = Path(__file__).resolve().parents[1] / "content"


def _mistakes(opening: str) -> list[tuple[str, int, str]]:
    """Each ``key: value`` line of every file of the example content with ``opening`` put at
    the start of its value: (file, line, text of the file with the mistake)."""
    found = []
    for path in sorted(EXAMPLE_CONTENT.rglob("*.yml")):
        lines = path.read_text("utf-8").split("\n")
        for index, line in enumerate(lines):
            match = _KEY_VALUE.match(line)
            if match is not None:
                at = match.end() - 1
                wrong = [*lines[:index], line[:at] + opening + line[at:], *lines[index + 1 :]]
                relative = path.relative_to(EXAMPLE_CONTENT).as_posix()
                found.append((relative, index + 1, "\n".join(wrong)))
    return found


@pytest.mark.parametrize("opening", ['"', "'", "[", "{"])
def test_an_unclosed_opening_is_reported_at_its_line_in_every_file(opening: str) -> None:
    """A quote, ``[`` or ``{`` added at the start of any value of the example's records is
    reported at that line, wherever YAML stopped (the file has quotes and brackets after it)."""
    mistakes = _mistakes(opening)
    assert len(mistakes) > 1000  # every record of the example, translations included
    wrong = []
    for relative, line, text in mistakes:
        try:
            parse_text(text, relative)
        except YamlFault as fault:
            if fault.diagnostic.location.line != line:
                wrong.append((relative, line, fault.diagnostic.location.line))
        else:
            wrong.append((relative, line, None))
    assert wrong == [], f"{len(wrong)} of {len(mistakes)} reported elsewhere: {wrong[:10]}"


def test_quoted_text_over_several_lines_is_valid() -> None:
    """Only a failure where such text ends makes it suspect."""
    data = parse_text('a: "one\n  two"\nb: 2\n', "ok.yml")
    assert data["a"] == "one two" and data["b"] == 2


def test_a_quote_error_inside_the_line_stays_where_it_is() -> None:
    """A bad escape in a closed quote is not an unclosed quote: its own position is kept."""
    with pytest.raises(YamlFault) as caught:
        parse_text('a: 1\nb: "bad \\q escape"\n', "bad.yml")
    assert caught.value.diagnostic.location.line == 2
    assert "never closed" not in caught.value.diagnostic.message


def test_tabs_get_a_hint() -> None:
    with pytest.raises(YamlFault) as caught:
        parse_text("a:\n\tb: 1\n", "tabs.yml")
    assert "tabs" in caught.value.diagnostic.message
    assert caught.value.diagnostic.location.line == 2


def test_equal_texts_are_one_string_across_files() -> None:
    """The model keeps the records' texts for the whole build, and records repeat theirs
    (conditions, purposes): each distinct text is held once, whichever file it came from."""
    condition = "When the user turns on " + "diagnostics"  # made at run time, not a literal
    first = parse_text(f"a:\n  - condition: {condition}\n", "one.yml")
    second = parse_text(f"b: '{condition}'\nc: |\n  {condition}\n", "two.yml")
    assert first["a"][0]["condition"] is second["b"]
    assert second["c"] == condition + "\n"
