"""The fuzz corpus: hostile YAML files, each with the one error it must produce.

Each file in ``tests/fuzz/<place>/`` is put into a copy of the small fixture's content folder
(``products/`` and ``catalog/`` files are added, a ``categories/`` file replaces
``categories.yml``) and loaded. Its first line says what must come out::

    # expect: LINE:COL RULE message fragment

(or, for a file that cannot start with an ASCII line, ``NAME.expected`` beside it says it).
The load must not raise, and some error must be reported at exactly that file, line and column,
with that rule and a message containing the fragment.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import FIXTURES
from privacy_pages.diagnostics import Severity
from privacy_pages.load.content import load_content
from privacy_pages.settings import settings_from_mkdocs

FUZZ = Path(__file__).resolve().parent / "fuzz"
EXPECT = re.compile(r"(?:# expect: )?(\d+):(\d+) ([a-z-]+) (.+)")


@dataclass(frozen=True)
class Case:
    path: Path
    line: int
    column: int
    rule: str
    fragment: str


def expectation(path: Path) -> Case:
    sidecar = path.with_suffix(".expected")
    if sidecar.exists():
        first = sidecar.read_text("utf-8").strip()
    else:
        first = path.read_bytes().removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode()
    match = EXPECT.fullmatch(first.strip())
    assert match, f"{path}: first line must be '# expect: LINE:COL RULE fragment'"
    line, column, rule, fragment = match.groups()
    return Case(path, int(line), int(column), rule, fragment)


def corpus() -> list[Case]:
    return [expectation(p) for p in sorted(FUZZ.glob("*/*.yml"))]


def test_the_corpus_covers_every_place_and_many_rules() -> None:
    cases = corpus()
    assert {c.path.parent.name for c in cases} == {"products", "catalog", "categories"}
    assert len({c.rule for c in cases}) >= 8


@pytest.mark.parametrize("case", corpus(), ids=lambda c: f"{c.path.parent.name}/{c.path.stem}")
def test_each_hostile_file_gives_its_error(case: Case, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small" / "content", content)
    place = case.path.parent.name
    target = (
        content / "categories.yml" if place == "categories" else content / place / case.path.name
    )
    shutil.copyfile(case.path, target)
    rules = settings_from_mkdocs(FIXTURES / "small" / "mkdocs.yml").metadata

    _, problems = load_content(content, rules)

    shown = [str(p) for p in problems.sorted()]
    found = [
        p
        for p in problems.items
        if p.severity is Severity.ERROR
        and p.location.path.endswith(target.relative_to(content).as_posix())
        and (p.location.line, p.location.column) == (case.line, case.column)
        and p.rule == case.rule
        and case.fragment in p.message
    ]
    assert found, "\n".join(shown)
    # The message reads like a compiler's: file:line:col: error rule: [key.path: ]message
    text = str(found[0])
    assert re.match(rf".+:{case.line}:{case.column}: error {case.rule}: ", text), text
