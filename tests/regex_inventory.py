"""Every regular expression the package holds, found without a list to keep up to date.

Two sources, so that a new pattern is covered the day it is written: the compiled patterns that
are module attributes of any module of the package (including those built from other values,
and those held in a module's tuples, lists, sets and dicts), and every pattern written as a literal in a call to :mod:`re` anywhere in the package's source
(``re.compile``, ``re.search``, ``re.sub``, ...), in functions too. A pattern the source builds
from a variable inside a function is not found: keep such patterns in module attributes.

:func:`pieces` reads a pattern's parsed form for the characters and literal runs it matches, the
material adversarial strings are made of.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import privacy_pages

PACKAGE = Path(privacy_pages.__file__).parent
#: The functions of :mod:`re` whose first argument is a pattern.
_CALLS = frozenset(
    {"compile", "match", "search", "fullmatch", "sub", "subn", "split", "findall", "finditer"}
)


#: The methods that try a pattern at every position of a text.
SCANNING = frozenset({"search", "finditer", "findall", "sub", "subn", "split"})


@dataclass(frozen=True)
class Found:
    """A pattern, where it is written (``module:NAME`` or ``file:line``), and whether the package
    tries it at every position of a text (else only at the start, with ``match`` or
    ``fullmatch``)."""

    where: str
    pattern: re.Pattern[Any]
    scanned: bool


def _modules() -> Iterator[Any]:
    yield privacy_pages
    for info in pkgutil.walk_packages(privacy_pages.__path__, "privacy_pages."):
        if not info.name.endswith("__main__"):  # it runs the command line
            yield importlib.import_module(info.name)


def _uses(tree: ast.AST) -> dict[str, set[str]]:
    """For each name in ``tree``, the methods called on it; a use that is not a method call
    (the name handed to a function, put in a tuple) counts as every method, to be safe."""
    uses: dict[str, set[str]] = {}
    called: set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
        ):
            uses.setdefault(node.func.value.id, set()).add(node.func.attr)
            called.add(id(node.func.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and id(node) not in called:
            uses.setdefault(node.id, set()).update(SCANNING)
    return uses


def module_patterns() -> Iterator[Found]:
    """The compiled patterns that are attributes of the package's modules, each judged by the
    methods called on its name: in its own module for a private name (another module may reuse
    the name), in the whole package for a public one."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in PACKAGE.rglob("*.py")}
    package: dict[str, set[str]] = {}
    for tree in trees.values():
        for name, methods in _uses(tree).items():
            package.setdefault(name, set()).update(methods)
    for module in _modules():
        own = _uses(trees[Path(module.__file__)])
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                methods = own.get(name, set()) if name.startswith("_") else package.get(name, set())
                yield Found(f"{module.__name__}:{name}", value, bool(methods & SCANNING))
            elif isinstance(value, tuple | list | frozenset | set | dict):
                # Patterns kept in a table (built by a helper such as any_of): how each is
                # called is not known here, so each is taken as scanned, to be safe.
                for index, pattern in enumerate(_held(value)):
                    yield Found(f"{module.__name__}:{name}[{index}]", pattern, True)


def _held(value: Any, depth: int = 0) -> Iterator[re.Pattern[Any]]:
    """The patterns inside a (nested) tuple, list, set or dict's values."""
    if isinstance(value, re.Pattern):
        yield value
    elif depth < 3 and isinstance(value, tuple | list | frozenset | set | dict):
        for item in value.values() if isinstance(value, dict) else value:
            yield from _held(item, depth + 1)


def _flags(call: ast.Call) -> int:
    """The constant flags of a call to ``re`` (0 when they are not written as ``re.X | ...``)."""
    names = {"compile": 1, "match": 2, "search": 2, "fullmatch": 2, "findall": 2}
    names.update({"finditer": 2, "split": 3, "sub": 4, "subn": 4})
    assert isinstance(call.func, ast.Attribute)
    position = names[call.func.attr]
    node: ast.expr | None = call.args[position] if len(call.args) > position else None
    for keyword in call.keywords:
        if keyword.arg == "flags":
            node = keyword.value
    if node is None:
        return 0
    try:
        value = eval(compile(ast.Expression(node), "<flags>", "eval"), {"re": re})
    except Exception:
        return 0
    return int(value)


def literal_patterns() -> Iterator[tuple[Found, str]]:
    """The patterns written as literals in calls to ``re`` in the package's source, each with
    the function called (a pattern compiled in a function is taken as scanned, to be safe)."""
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.func.attr in _CALLS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str | bytes)
            ):
                continue
            pattern = re.compile(node.args[0].value, _flags(node))
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            scanned = node.func.attr not in ("match", "fullmatch")
            yield Found(where, pattern, scanned), node.func.attr


def all_patterns() -> list[Found]:
    """Each distinct pattern once (by text and flags), at the first place it is written."""
    seen: dict[tuple[Any, int], Found] = {}
    for found in module_patterns():
        seen.setdefault((found.pattern.pattern, found.pattern.flags), found)
    for found, called in literal_patterns():
        key = (found.pattern.pattern, found.pattern.flags)
        if key not in seen:
            seen[key] = found
        elif called in SCANNING and not seen[key].scanned:  # the same pattern, used to scan
            seen[key] = Found(seen[key].where, found.pattern, True)
    return list(seen.values())


#: Characters every adversarial string may use besides the pattern's own: a letter, a digit,
#: spaces, a line break, and a character beyond ASCII.
_ALWAYS = ("a", "0", " ", "\t", "\n", "é", "x", "-", "*")


def pieces(pattern: re.Pattern[Any]) -> list[str]:
    """The characters and literal runs ``pattern`` is made of, plus a few of any text's."""
    source = pattern.pattern
    text = source.decode("latin-1") if isinstance(source, bytes) else source
    flags = pattern.flags & ~re.UNICODE if isinstance(source, bytes) else pattern.flags
    found: dict[str, None] = dict.fromkeys(_ALWAYS)
    _walk(sre_parse.parse(text, flags), found)
    return list(found)


_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)


def _walk(parsed: Any, found: dict[str, None]) -> None:
    """Add to ``found`` the characters (and runs of two or more literal characters) of
    ``parsed``, a parsed pattern."""
    run: list[str] = []
    for op, value in parsed:
        if op is sre_constants.LITERAL:
            run.append(chr(value))
            found.setdefault(chr(value))
            continue
        if len(run) > 1:
            found.setdefault("".join(run))
        run = []
        if op is sre_constants.NOT_LITERAL:
            found.setdefault(chr(value))
        elif op is sre_constants.IN:
            for kind, item in value:
                if kind is sre_constants.LITERAL:
                    found.setdefault(chr(item))
                elif kind is sre_constants.RANGE:
                    found.setdefault(chr(item[0]))
                    found.setdefault(chr(item[1]))
        elif op in _REPEATS:
            _walk(value[2], found)
        elif op in (sre_constants.SUBPATTERN, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            _walk(value[-1], found)
        elif op is sre_constants.ATOMIC_GROUP:
            _walk(value, found)
        elif op is sre_constants.BRANCH:
            for branch in value[1]:
                _walk(branch, found)
        elif op is sre_constants.GROUPREF_EXISTS:
            _walk(value[1], found)
            if value[2] is not None:
                _walk(value[2], found)
    if len(run) > 1:
        found.setdefault("".join(run))
