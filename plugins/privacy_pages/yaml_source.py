"""Read one YAML file into plain data that remembers where every key and value came from.

PyYAML's C composer (when available) builds the node tree; this module turns nodes into
:class:`LocatedMapping` / :class:`LocatedSequence` values itself, so that:

* nothing changes type behind the writer's back: ``yes``, ``on``, ``2022-04-27`` and ``1.10``
  stay strings; only ``true``/``false``, ``null`` and plain decimal integers are typed;
* duplicate keys in one mapping are errors (PyYAML would silently keep the last one);
* every key and value keeps its line and column;
* alias bombs, deep nesting and huge files fail fast with a message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic, Location

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

C_LOADER = _Loader.__name__.startswith("C")

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "value")
)
_MERGE_TAG = "tag:yaml.org,2002:merge"
_MOJIBAKE_HINT = "the file is not valid UTF-8; save it as UTF-8"


@dataclass(frozen=True)
class Limits:
    """Resource limits for one file. Content files are small; these stop hostile input."""

    max_bytes: int = 5 * 1024 * 1024
    max_depth: int = 50
    max_nodes: int = 250_000


class LocatedMapping(dict[str, Any]):
    """A mapping that remembers where it, each key and each value start in the file."""

    location: Location
    key_locations: dict[str, Location]
    value_locations: dict[str, Location]

    def where(self, key: str) -> Location:
        return self.value_locations.get(key, self.location)

    def where_key(self, key: str) -> Location:
        return self.key_locations.get(key, self.location)


class LocatedSequence(list[Any]):
    """A sequence that remembers where it and each of its entries start in the file."""

    location: Location
    item_locations: list[Location]

    def where(self, index: int) -> Location:
        if 0 <= index < len(self.item_locations):
            return self.item_locations[index]
        return self.location


class YamlFault(Exception):
    """A problem that stops reading a file; carries one diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


def location_of(data: Any, path: tuple[str | int, ...], fallback: Location) -> Location:
    """The location of the value at ``path`` in located data (or of its nearest parent)."""
    loc: Location = getattr(data, "location", fallback)
    node = data
    for step in path:
        if isinstance(node, LocatedMapping) and isinstance(step, str) and step in node:
            loc, node = node.where(step), node[step]
        elif isinstance(node, LocatedSequence) and isinstance(step, int) and step < len(node):
            loc, node = node.where(step), node[step]
        else:
            break
    return loc


def decode(raw: bytes, display: str) -> str:
    """Decode UTF-8 (with or without a BOM); anything else is an error with its position."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlFault(
            Diagnostic(Location(display, 1, 1), "the file is UTF-16; save it as UTF-8", "encoding")
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        bad = raw[exc.start : exc.start + 4].hex(" ")
        raise YamlFault(
            Diagnostic(
                Location(display, line, column),
                f"expected UTF-8 text, found byte(s) {bad}: {_MOJIBAKE_HINT}",
                "encoding",
            )
        ) from None


def parse_text(text: str, display: str, limits: Limits = Limits()) -> Any:
    """Parse YAML text into located plain data. Raises :class:`YamlFault` on any problem."""
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise YamlFault(Diagnostic(Location(display, line, 1), "NUL character in file", "encoding"))
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise YamlFault(_syntax_diagnostic(exc, display, text)) from None
    except yaml.YAMLError as exc:
        raise YamlFault(Diagnostic(Location(display, 1, 1), str(exc), "yaml-syntax")) from None
    if node is None:
        return None
    return _Converter(display, limits).convert(node, 0)


def read_file(path: Path, display: str, limits: Limits = Limits()) -> Any:
    """Read and parse one YAML file. Raises :class:`YamlFault` on any problem."""
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise YamlFault(
            Diagnostic(
                Location(display),
                f"file is {size:,} bytes; content files may be at most {limits.max_bytes:,} "
                "bytes (split it into several files)",
                "file-too-large",
            )
        )
    return parse_text(decode(path.read_bytes(), display), display, limits)


def _syntax_diagnostic(exc: yaml.MarkedYAMLError, display: str, text: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    message = f"YAML syntax error: {problem}"
    if exc.context and exc.context_mark and exc.context_mark != mark:
        message += f" ({exc.context} at line {exc.context_mark.line + 1})"
    elif exc.context:
        message += f" ({exc.context})"
    lines = text.splitlines()
    bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in problem or "\t" in bad_line[: column + 1]:
        message += "; indent with spaces, not tabs"
    return Diagnostic(Location(display, line, column), message, "yaml-syntax")


class _Converter:
    def __init__(self, display: str, limits: Limits) -> None:
        self.display = display
        self.limits = limits
        self.nodes = 0

    def loc(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.display, mark.line + 1, mark.column + 1)

    def fail(self, node: yaml.Node, message: str, rule: str = "yaml-structure") -> YamlFault:
        return YamlFault(Diagnostic(self.loc(node), message, rule))

    def convert(self, node: yaml.Node, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            raise self.fail(
                node,
                f"more than {self.limits.max_nodes:,} values (after expanding aliases); "
                "is this an alias bomb?",
                "resource-limit",
            )
        if depth > self.limits.max_depth:
            raise self.fail(
                node, f"nested more than {self.limits.max_depth} levels deep", "resource-limit"
            )
        if node.tag not in _STANDARD_TAGS and node.tag != _MERGE_TAG:
            raise self.fail(node, f"YAML tag {node.tag!r} is not allowed in content")
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            seq = LocatedSequence()
            seq.location = self.loc(node)
            seq.item_locations = []
            for child in node.value:
                seq.append(self.convert(child, depth + 1))
                seq.item_locations.append(self.loc(child))
            return seq
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, depth: int) -> LocatedMapping:
        result = LocatedMapping()
        result.location = self.loc(node)
        result.key_locations = {}
        result.value_locations = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                raise self.fail(key_node, "merge keys (<<) are not supported; write the keys out")
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "expected a plain text key, found a mapping or list")
            key = str(key_node.value)
            if key in result:
                first = result.key_locations[key]
                raise self.fail(
                    key_node,
                    f"duplicate key {key!r} (first defined at line {first.line}); "
                    "YAML keeps only one of them, so remove or rename one",
                    "duplicate-key",
                )
            result.key_locations[key] = self.loc(key_node)
            result.value_locations[key] = self.loc(value_node)
            result[key] = self.convert(value_node, depth + 1)
        return result

    @staticmethod
    def _scalar(node: yaml.Node) -> Any:
        value = str(node.value)
        if getattr(node, "style", None):  # quoted or block scalar: always text
            return value
        if value in _NULLS:
            return None
        if value in _BOOLS:
            return _BOOLS[value]
        if _INT.match(value):
            return int(value)
        return value
