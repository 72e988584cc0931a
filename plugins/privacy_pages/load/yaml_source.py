"""Read one YAML file into plain data that remembers where every key and value came from.

PyYAML's C parser (when available) produces the event stream; this module builds
:class:`LocatedMapping` / :class:`LocatedSequence` values from it without recursion, so that:

* nothing changes type behind the writer's back: ``yes``, ``on``, ``2022-04-27`` and ``1.10``
  stay strings; only ``true``/``false``, ``null`` and plain decimal integers are typed;
* duplicate keys in one mapping are errors (PyYAML would silently keep the last one);
* every key and value keeps its line and column;
* alias bombs, deep nesting and huge files fail fast with a message (limits are checked while
  parsing, before anything is expanded);
* bytes that are not UTF-8, and control characters, are errors with their position (mojibake,
  valid UTF-8 that was decoded with the wrong code page once, is :mod:`.mojibake`'s job).
"""

from __future__ import annotations

import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..diagnostics import Diagnostic, Location
from ..options import default

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

C_LOADER = _Loader.__name__.startswith("C")

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_MOJIBAKE_HINT = "the file is not valid UTF-8; save it as UTF-8"
_tuple_new = tuple.__new__


@dataclass(frozen=True)
class Limits:
    """Resource limits for one file. Content files are small; these stop hostile input."""

    max_bytes: int = 5 * 1024 * 1024
    max_depth: int = 50
    max_nodes: int = 250_000
    #: Characters in one text value (the site's ``max_text_length``): a page section, not a
    #: book. Longer text is refused, so that no field can make a build crawl.
    max_text_chars: int = default("max_text_length")


def value_location(
    start: Location, positions: dict[str, int] | list[int], step: str | int
) -> Location:
    """Where the value at ``step`` of a mapping's ``positions`` or a sequence's starts (the
    mapping or sequence starts at ``start``)."""
    if isinstance(positions, dict):
        packed = positions.get(str(step))
        return start if packed is None else at(start.path, packed & _VALUE)
    index = int(step)
    return at(start.path, positions[index]) if 0 <= index < len(positions) else start


def position(location: Location) -> int:
    """A location's line and column as one number, which is how located data keeps them: the
    records' keys and values are hundreds of thousands of positions, and the few that a build
    reports or keeps become :class:`Location` again (:func:`at`)."""
    return location.line << 32 | location.column


def at(path: str, packed: int) -> Location:
    """The location in ``path`` of a :func:`position`."""
    return _tuple_new(Location, (path, packed >> 32, packed & 0xFFFFFFFF))


#: A mapping keeps a key's position and its value's as one number: ``key << 64 | value``.
_VALUE = (1 << 64) - 1


class LocatedMapping(dict[str, Any]):
    """A mapping that remembers where it, each key and each value start in the file."""

    __slots__ = (  # no __dict__
        "clean_up_to",
        "location",
        "positions",
        "text_values",
    )
    location: Location
    #: Where each key and its value start: the key's :func:`position` shifted left by 64 bits,
    #: with the value's below (one number per key, in one mapping beside this one).
    positions: dict[str, int]

    #: The longest text allowed when every text in it was last found clean (see
    #: ``DatasetBuilder.check_text``): the mapping of a file that has not changed since the last
    #: build (``mkdocs serve``) is not checked again.
    clean_up_to: int
    #: The text values in it, as the lint rules read them (see ``check.rule.RecordLookups``),
    #: kept with the parsed file: a file that has not changed is not walked again.
    text_values: list[Any]

    def where(self, key: str) -> Location:
        packed = self.positions.get(key)
        return self.location if packed is None else at(self.location.path, packed & _VALUE)

    def where_key(self, key: str) -> Location:
        packed = self.positions.get(key)
        return self.location if packed is None else at(self.location.path, packed >> 64)


class LocatedSequence(list[Any]):
    """A sequence that remembers where it and each of its entries start in the file."""

    __slots__ = ("item_positions", "location")
    location: Location
    #: Where each entry starts (see :func:`position`).
    item_positions: list[int]

    def where(self, index: int) -> Location:
        if 0 <= index < len(self.item_positions):
            return at(self.location.path, self.item_positions[index])
        return self.location


def located(value: Any, location: Location) -> Any:
    """Plain data (a record kept as JSON, say) as located data, every part of it at
    ``location``: what the record readers take."""
    if isinstance(value, dict):
        mapping = LocatedMapping((str(k), located(v, location)) for k, v in value.items())
        mapping.location, mapping.positions, mapping.clean_up_to = location, {}, 0
        return mapping
    if isinstance(value, list):
        sequence = LocatedSequence(located(v, location) for v in value)
        sequence.location, sequence.item_positions = location, []
        return sequence
    return value


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
    """Parse YAML text into located plain data. Raises :class:`YamlFault` on any problem.

    The data is built straight from the parser's event stream, without recursion, so that
    limits are enforced while parsing: a deeply nested or alias-bomb file fails at the first
    value past the limit instead of exhausting the stack or the memory.
    """
    if len(text) > limits.max_bytes:
        raise YamlFault(_too_large(display, len(text), limits))
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise YamlFault(Diagnostic(Location(display, line, 1), "NUL character in file", "encoding"))
    builder = _Builder(display, limits)
    loader = _Loader(text)
    try:
        # What yaml.parse() does, without a generator and a check_event() call per event.
        next_event, feed = loader.get_event, builder.feed
        while (event := next_event()) is not None:
            feed(event)
            if isinstance(event, yaml.StreamEndEvent):
                break
    except yaml.MarkedYAMLError as exc:
        if exc.problem_mark and "maximum nesting depth" in (exc.problem or ""):
            # PyYAML 6.0.4 caps nesting itself (1,000 levels), and its scanner reads ahead of
            # the events that our own limit counts: the same fault, found first by PyYAML.
            mark = exc.problem_mark
            message = f"nested more than {limits.max_depth} levels deep ({exc.problem})"
            location = Location(display, mark.line + 1, mark.column + 1)
            raise YamlFault(Diagnostic(location, message, "resource-limit")) from None
        raise YamlFault(_syntax_diagnostic(exc, display, text)) from None
    except yaml.reader.ReaderError as exc:
        raise YamlFault(_reader_diagnostic(exc, display, text)) from None
    except yaml.YAMLError as exc:
        raise YamlFault(Diagnostic(Location(display, 1, 1), str(exc), "yaml-syntax")) from None
    except UnicodeError as exc:
        raise YamlFault(
            Diagnostic(Location(display, 1, 1), f"invalid text: {exc}", "encoding")
        ) from None
    finally:
        loader.dispose()
    return builder.root


def read_text(path: Path, display: str, limits: Limits = Limits()) -> str:
    """Read one file's text (UTF-8, within the limits). Raises :class:`YamlFault` on any problem."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise YamlFault(
                Diagnostic(
                    Location(display),
                    "expected a regular file, found a device, pipe or socket; remove it",
                    "path",
                )
            )
        if info.st_size > limits.max_bytes:
            raise YamlFault(_too_large(display, info.st_size, limits))
        with path.open("rb") as handle:  # never more than the limit, even if the file grows
            raw = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise YamlFault(
            Diagnostic(Location(display), f"cannot read the file: {reason}", "io")
        ) from None
    if len(raw) > limits.max_bytes:
        raise YamlFault(_too_large(display, len(raw), limits))
    return decode(raw, display)


def read_file(path: Path, display: str, limits: Limits = Limits()) -> Any:
    """Read and parse one YAML file. Raises :class:`YamlFault` on any problem."""
    return parse_text(read_text(path, display, limits), display, limits)


def _too_large(display: str, size: int, limits: Limits) -> Diagnostic:
    return Diagnostic(
        Location(display),
        f"file is {size:,} bytes; content files may be at most {limits.max_bytes:,} "
        "bytes (split it into several files)",
        "file-too-large",
    )


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _reader_diagnostic(exc: yaml.reader.ReaderError, display: str, text: str) -> Diagnostic:
    line, column = _position(text, max(0, min(exc.position, len(text))))
    character = exc.character
    code = f"U+{character:04X}" if isinstance(character, int) else repr(character)
    return Diagnostic(
        Location(display, line, column),
        f"expected printable text, found control character {code}; remove it",
        "encoding",
    )


#: Constructs whose opening, left unclosed, makes YAML fail lines later: the mistake is where
#: they open, so that is where it is reported.
_UNCLOSED = {
    "while scanning a quoted scalar": "quoted text that starts here is never closed",
    "while parsing a flow sequence": "the list '[' that opens here is never closed",
    "while parsing a flow mapping": "the mapping '{' that opens here is never closed",
}


def _syntax_diagnostic(exc: yaml.MarkedYAMLError, display: str, text: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "invalid YAML"
    opened, found = exc.context_mark, exc.problem_mark
    if exc.context in _UNCLOSED and opened and found and found.line > opened.line:
        message = (
            f"YAML syntax error: {_UNCLOSED[exc.context]} (YAML stopped at line "
            f"{found.line + 1}: {problem})"
        )
        return Diagnostic(
            Location(display, opened.line + 1, opened.column + 1), message, "yaml-syntax"
        )
    if found is not None and (runaway := _runaway_quote(text, found)) is not None:
        start, end = runaway
        message = (
            f"YAML syntax error: quoted text that starts here is never closed on its line, so "
            f"it runs on to the next quote, at line {end + 1}, where YAML stopped ({problem})"
        )
        return Diagnostic(
            Location(display, start.line + 1, start.column + 1), message, "yaml-syntax"
        )
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
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


def _runaway_quote(text: str, error: yaml.Mark) -> tuple[yaml.Mark, int] | None:
    """Where a quoted text opens that a missing quote made run on over lines until the next
    quote, when YAML failed on the line it ends on (``error``); None otherwise.

    Quoted text over several lines is valid YAML, so it is only suspected when YAML fails on
    the line it ends on: then the mistake is where it opens, lines earlier. Only what YAML read
    up to the point where it stopped counts: the quotes later in the file are not read.
    """
    last: yaml.ScalarToken | None = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark is not None and token.start_mark.index >= error.index:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                last = token
    except yaml.YAMLError:
        pass
    if last is None or last.start_mark is None or last.end_mark is None:
        return None
    start, end = last.start_mark, last.end_mark.line
    return (start, end) if start.line < end == error.line else None


@dataclass
class _Open:
    """A mapping or sequence still being read, and where the next value goes."""

    container: LocatedMapping | LocatedSequence
    anchor: str | None
    first_node: int
    key: str | None = None
    key_position: int = 0
    expect_key: bool = True


class _Builder:
    """Turns parser events into located plain data, enforcing the limits as it goes."""

    def __init__(self, display: str, limits: Limits) -> None:
        self.display = display
        self.limits = limits
        self.nodes = 0
        self.documents = 0
        self.stack: list[_Open] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.root: Any = None

    def loc(self, event: yaml.Event) -> Location:
        mark = event.start_mark
        if mark is None:  # pragma: no cover - every parser event has a mark
            return Location(self.display, 1, 1)
        # tuple.__new__ skips the named tuple's Python-level constructor (one per key and value)
        return _tuple_new(Location, (self.display, mark.line + 1, mark.column + 1))

    def position(self, event: yaml.Event) -> int:
        """What :meth:`loc` gives, as a :func:`position`."""
        mark = event.start_mark
        if mark is None:  # pragma: no cover - every parser event has a mark
            return 1 << 32 | 1
        return (mark.line + 1) << 32 | (mark.column + 1)

    def fail(self, event: yaml.Event, message: str, rule: str = "yaml-structure") -> YamlFault:
        return YamlFault(Diagnostic(self.loc(event), message, rule))

    def count(self, event: yaml.Event, nodes: int) -> None:
        self.nodes += nodes
        if self.nodes > self.limits.max_nodes:
            raise self.fail(
                event,
                f"more than {self.limits.max_nodes:,} values (after expanding aliases); "
                "is this an alias bomb?",
                "resource-limit",
            )

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.ScalarEvent):  # most events: tested first
            self.scalar(event)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail(
                    event,
                    "expected one YAML document per file, found a second one (a '---' line); "
                    "split it into two files",
                )
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self.start(event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            done = self.stack.pop()
            size = self.nodes - done.first_node + 1
            if done.anchor is not None:
                self.anchors[done.anchor] = (done.container, size)
            self.add(done.container, position(done.container.location), event)
        elif isinstance(event, yaml.AliasEvent):
            self.alias(event)

    def check_tag(self, event: yaml.NodeEvent, allowed: str) -> None:
        tag = getattr(event, "tag", None)
        if tag in (None, "!", f"tag:yaml.org,2002:{allowed}"):
            return
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        raise self.fail(
            event,
            f"YAML tag {shown!r} is not allowed in content; remove it (values are read "
            "as written, and quotes keep a value as text)",
        )

    def start(self, event: yaml.CollectionStartEvent) -> None:
        is_mapping = isinstance(event, yaml.MappingStartEvent)
        self.check_tag(event, "map" if is_mapping else "seq")
        if self.expecting_key():
            raise self.fail(event, "expected a plain text key, found a mapping or list")
        if len(self.stack) >= self.limits.max_depth:
            raise self.fail(
                event, f"nested more than {self.limits.max_depth} levels deep", "resource-limit"
            )
        self.count(event, 1)
        container: LocatedMapping | LocatedSequence
        if is_mapping:
            container = LocatedMapping()
            container.positions = {}
        else:
            container = LocatedSequence()
            container.item_positions = []
        container.location = self.loc(event)
        self.stack.append(_Open(container, event.anchor, self.nodes))

    def expecting_key(self) -> bool:
        return (
            bool(self.stack)
            and isinstance(self.stack[-1].container, LocatedMapping)
            and (self.stack[-1].expect_key)
        )

    def alias(self, event: yaml.AliasEvent) -> None:
        if self.expecting_key():
            raise self.fail(event, "expected a plain text key, found an alias (*name)")
        found = self.anchors.get(str(event.anchor))
        if found is None:
            raise self.fail(
                event,
                f"alias *{event.anchor} refers to no finished anchor &{event.anchor} before it "
                "(a structure cannot contain itself)",
            )
        value, size = found
        self.count(event, size)
        self.add(value, self.position(event), event)

    def scalar(self, event: yaml.ScalarEvent) -> None:
        # The hot path of parsing (every key and value): checks inlined where they pass.
        if event.tag is not None:
            self.check_tag(event, "str")
        stack = self.stack
        if stack and stack[-1].expect_key and isinstance(stack[-1].container, LocatedMapping):
            self.key(event)
            return
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            self.count(event, 0)  # raises
        value = _scalar_value(event)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1)
        self.add(value, self.position(event), event)

    def key(self, event: yaml.ScalarEvent) -> None:
        frame = self.stack[-1]
        mapping = frame.container
        assert isinstance(mapping, LocatedMapping)
        key = sys.intern(str(event.value))  # keys repeat in every item: one string each
        if key == "<<" and not event.style and event.tag is None:
            raise self.fail(event, "merge keys (<<) are not supported; write the keys out")
        if key in mapping:  # (a key's value is added before the next key is read)
            first = at(self.display, mapping.positions[key] >> 64)
            raise self.fail(
                event,
                f"duplicate key {key!r} (first defined at line {first.line}); "
                "YAML keeps only one of them, so remove or rename one",
                "duplicate-key",
            )
        frame.key_position = self.position(event)
        frame.key = key
        frame.expect_key = False

    def add(self, value: Any, packed: int, event: yaml.Event) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        parent = frame.container
        if isinstance(parent, LocatedSequence):
            parent.append(value)
            parent.item_positions.append(packed)
            return
        assert frame.key is not None
        parent[frame.key] = value
        parent.positions[frame.key] = frame.key_position << 64 | packed
        frame.key = None
        frame.expect_key = True


#: Plain integers longer than this stay text (an id number, not a quantity).
_MAX_INT_DIGITS = 18


def _scalar_value(event: yaml.ScalarEvent) -> Any:
    # One string for each distinct text: records repeat theirs (conditions, purposes, a family's
    # shared wording), and the model keeps them for the rest of the build.
    value = sys.intern(str(event.value))
    if event.style or event.tag is not None:  # quoted, block or !!str: always text
        return value
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if _INT.match(value) and len(value) <= _MAX_INT_DIGITS:
        return int(value)
    return value
