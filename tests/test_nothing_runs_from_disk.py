"""Nothing that a build reads back from disk can run code: no pickle or marshal, no forked
processes, no compiled schema or template code kept in a cache folder."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "plugins" / "privacy_pages"
FORBIDDEN_MODULES = {"pickle", "marshal", "multiprocessing", "shelve", "dill", "cloudpickle"}
FORBIDDEN_CALLS = {("os", "fork"), ("os", "forkpty"), ("gc", "freeze")}


def _uses(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found += [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            found.append(f"{node.value.id}.{node.attr}")
        elif isinstance(node, ast.keyword) and node.arg == "bytecode_cache":
            found.append("jinja2 bytecode_cache")
    return found


def _forbidden(name: str) -> bool:
    root = name.split(".")[0]
    return (
        root in FORBIDDEN_MODULES
        or tuple(name.split(".")[:2]) in FORBIDDEN_CALLS
        or name == "jinja2 bytecode_cache"
    )


def test_the_package_neither_forks_nor_unpickles() -> None:
    offenders = [
        f"{path.relative_to(REPO)}: {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for name in _uses(ast.parse(path.read_text("utf-8")))
        if _forbidden(name)
    ]
    assert offenders == []


def test_the_scan_finds_what_it_forbids() -> None:
    """The scan above would see each way of writing a forbidden use."""
    samples = [
        "import pickle",
        "from marshal import loads",
        "import multiprocessing.pool",
        "os.fork()",
        "jinja2.Environment(bytecode_cache=cache)",
    ]
    for sample in samples:
        assert any(_forbidden(name) for name in _uses(ast.parse(sample))), sample


def test_a_build_and_validate_leave_no_cache_behind(
    site_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    """Build and validate with an empty home folder: afterwards it is still empty, and the site
    has no cache folder beside mkdocs.yml."""
    site = site_copy("compare")
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    commands = [
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "out")],
        [sys.executable, "-m", "privacy_pages", "validate"],
    ]
    for command in commands:
        done = subprocess.run(command, cwd=site, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    assert list(home.rglob("*")) == []
    assert not (site / ".cache").exists()
    assert (tmp_path / "out" / "privacy" / "privacy.json").is_file()
