"""Sizes issue 56 sets as bounds a change may not pass: the MkDocs plugin's hooks on one screen
(``plugin.py``, at most 200 lines), a README that starts (at most 250 lines), and no context
variable that carries the page's language (``messages`` and ``render.translated``'s view)."""

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "plugins" / "privacy_pages"


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
