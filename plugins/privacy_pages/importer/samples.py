"""The fields of a sample of what is sent: a JSON object in a code block ("Here is a sample
row from the telemetry database:"). Each top-level key names data the sample shows; the fields
of a nested object (or of the objects of a list) are what that data consists of, its details.
Only a block that parses as JSON (or as pages also write one: a JavaScript or Python object,
YAML, a declaration of fields), under words about what is sent and not about a setting, is
read so: anything else stays code.
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple

import yaml

from .markdown_doc import Code
from .markup import plain

#: A key that names a field ("db_uid", "event.type", "$os"), not a sentence.
_FIELD = re.compile(r"^[A-Za-z_$@][\w.$@-]{0,60}$")
_JSON_INFO = frozenset(
    {"", "json", "jsonc", "json5", "js", "javascript", "python", "py", "python3"}
    | {"text", "txt", "plaintext"}
)
_YAML_INFO = frozenset({"yaml", "yml"})
#: Languages whose code may declare the fields of what is sent (``struct HealthState {``).
_DECLARED_INFO = frozenset(
    {
        "rust",
        "rs",
        "go",
        "golang",
        "typescript",
        "ts",
        "kotlin",
        "kt",
        "swift",
        "java",
        "c",
        "cpp",
        "c++",
        "csharp",
        "cs",
        "c#",
        "scala",
        "dart",
    }
)
#: Words over a sample of data sent.
_SAMPLE = re.compile(
    r"\b(?:sample|example|payload|event|row|record|looks? like|format|sent|sends|collected|"
    r"contains?|schema|fields?|properties)\b",
    re.IGNORECASE,
)
#: Words over a setting, whose keys configure the product rather than name its data.
_SETTING = re.compile(
    r"\b(?:settings?|config\w*|disabl\w*|enabl\w*|opt(?:[- ]?(?:in|out))?|turn\w* off|set)\b",
    re.IGNORECASE,
)
#: Words that say the sample is data sent, whatever else they say ("If you opt in, the
#: following data is collected:"): no setting's keys.
_SAYS_SENT = re.compile(
    r"\bthe following (?:data|fields|information|properties)\b"
    r"|\b(?:data|information|fields|properties) (?:is|are) (?:collected|sent|recorded|reported)\b",
    re.IGNORECASE,
)
#: Words over a sample of data named already ("The same information is saved in a file. For
#: example, this is its content:"): its keys are that data again, in code, not more of it.
_SAME = re.compile(r"\bthe same (?:information|data)\b", re.IGNORECASE)
#: Bound on what is read: a sample is small.
_MAX_TEXT = 64_000
_MAX_FIELDS = 80


class SampleField(NamedTuple):
    """A field of a sample: its key, its source line, and the fields of its value (a nested
    object, or the objects of a list), which are what it consists of."""

    name: str
    line: int
    fields: tuple[str, ...] = ()


def sample_fields(block: Code, lead: str, *, in_data: bool = False) -> list[SampleField]:
    """Each top-level field of a sample (a code block) under ``lead``; [] when the block is no
    sample. ``in_data``: the block is in a section about the data collected, which says what
    the sample is whatever its own lead says (unless it is about a setting)."""
    words = plain(lead)
    info = block.info.lower().split()[:1]  # ("JSON")
    declared = bool(info) and info[0] in _DECLARED_INFO  # only a declaration of fields
    written = bool(info) and info[0] in _YAML_INFO
    if info and info[0] not in _JSON_INFO and not declared and not written:
        return []
    said = in_data or _SAMPLE.search(words)
    setting = _SETTING.search(words) and not _SAYS_SENT.search(words)
    if not said or setting or _SAME.search(words) or len(block.text) > _MAX_TEXT:
        return []
    # YAML and "key: value" lines are also how settings, program output and logs are written:
    # read so only under words that say the block is what is sent.
    yaml_sample = bool(_SENT_SAMPLE.search(words)) and not _NOT_SENT.search(words)
    if declared:
        value: object = _declared(block.text)
    elif written:
        value = _yaml(block.text) if yaml_sample else None
    else:
        value = _parsed(_without_comments(block.text))
        if value is None and yaml_sample and info[:1] in ([], ["text"], ["txt"], ["plaintext"]):
            value = _yaml(block.text)  # ("os: linux" a line: the fields as YAML writes them)
    if value is None:
        return []
    if isinstance(value, list) and value and isinstance(value[0], dict):
        value = value[0]
    if not isinstance(value, dict) or len(value) < 2 or len(value) > _MAX_FIELDS:
        return []
    keys = [key for key in value if isinstance(key, str) and _FIELD.match(key)]
    if len(keys) < len(value):
        return []  # keys that are words or values: a map, not a record of fields
    # "properties": {...}: the fields an event holds, each named (not the name of their bag)
    # ("context": {"os": {"name": ..., "version": ...}}: os, made of its name and version)
    held = [
        (field, bag[field] if fields else bag)
        for key in keys
        for bag, fields in [(value[key], _BAG.match(key) and _inner(value[key]))]
        for field in (fields or [key])
    ]
    named = [(field, tuple(_inner(_one(inner)) or ())) for field, inner in held][:_MAX_FIELDS]
    lines = block.text.splitlines()
    return [
        SampleField(key, block.line + 1 + _line_of(lines, key), inner[:_MAX_FIELDS])
        for key, inner in named
    ]


def _one(value: object) -> object:
    """The object a field holds: itself, or the first of a list of objects (each one alike)."""
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return value[0]
    return value


def _yaml(text: str) -> object:
    """A sample written in YAML, as its plain structure (every value a string: no date, number
    or tag is built from it); None when it is no such text, or its keys are not names of
    fields as a program writes them (``os``, ``duration_ms``, not ``INFO`` or ``Endpoint``)."""
    try:
        value = yaml.load(text, Loader=yaml.BaseLoader)
    except (yaml.YAMLError, RecursionError, ValueError, TypeError):
        return None
    if isinstance(value, dict) and not all(isinstance(k, str) and _NAME.match(k) for k in value):
        return None
    return value


#: Words that say a block is what is sent ("Each command sends an event like this:"), and
#: words that say it is something else: a file, a setting, what a command prints, a log.
_SENT_SAMPLE = re.compile(
    r"\b(?:sent|sends|send|collected|reported|transmitted|uploaded|payload|events?|records?|"
    r"reports?)\b",
    re.IGNORECASE,
)
_NOT_SENT = re.compile(
    r"\b(?:prints?|shows?|displays?|outputs?|logs?|files?|compose|workflow|config\w*|settings?|"
    r"add this|put this)\b|\.(?:ya?ml|json|toml|rc)\b",
    re.IGNORECASE,
)
#: A field's name as a program writes it: lowercase first ("os", "duration_ms", "cliVersion").
_NAME = re.compile(r"^[a-z_$@][\w.$@-]*$")


#: A key whose object holds an event's fields ("properties", "attributes", "context").
_BAG = re.compile(r"^(?:properties|props|attributes|attrs|data|payload|context|labels|fields)$")


def _inner(value: object) -> list[str] | None:
    """The field names of a bag of fields (a key that is not a name is a value: left out), or
    None when it is no such object."""
    if not isinstance(value, dict) or not value:
        return None
    fields = [key for key in value if isinstance(key, str) and _FIELD.match(key)]
    if all(
        isinstance(v, int | float) or (isinstance(v, str) and v.isdigit()) for v in value.values()
    ):
        return None  # ({"build": 12, "test": 3}: counts of what its keys name, not fields)
    return fields if len(fields) * 5 >= len(value) * 4 else None


def _parsed(text: str) -> object:
    """The sample as JSON; else as pages also write one, the same made JSON: a JavaScript
    or Python object (``{event: 'run', ci: false,}``, ``{'ci': False}``) or the fields of one
    without its braces (``"id": "6ae1...",``), or the declaration of its fields
    (:func:`_declared`); None when it is none of these."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # (a sample nested past what Python reads)
        pass
    declared = _declared(text)
    if declared is not None:
        return declared
    value = _TRAILING_COMMA.sub(r"\1", text.strip().rstrip(","))
    if not value.startswith(("{", "[")):
        value = "{" + value + "}"
    value = _SINGLE_QUOTED.sub(lambda m: json.dumps(m.group(1).replace("\\'", "'")), value)
    value = _BARE_KEY.sub(r'\1"\2":', value)
    value = _PYTHON_WORD.sub(lambda m: m.group(1) + _JSON_WORD[m.group(2)], value)
    try:
        return json.loads(value)
    except (ValueError, RecursionError):  # (a sample nested past what Python reads)
        return None


#: The first line of a declaration of fields: ``struct HealthState {``, ``object {``,
#: ``interface Event {``, ``type Event = {`` (TypeScript), ``type Event struct {`` (Go).
_DECLARES = re.compile(
    r"^\s*(?:(?:pub\s+)?struct\s+(?P<struct>\w+)|(?:export\s+)?(?:interface\s+(?P<interface>\w+)"
    r"(?:\s+extends\s+[\w.]+)?|type\s+(?P<alias>\w+)\s*=)|object|record\s+(?P<record>\w+)|"
    r"type\s+(?P<go>\w+)\s+struct)\s*\{$"
)
#: The name of a type that is not what the product sends: what it is given, its settings
#: ("SdkOptions", "Cli"), or what a service answers it ("TrackResponse", "ApiError").
_NOT_SENT_TYPE = re.compile(
    r"(?:options|opts|config\w*|settings|props|params|preferences|args|arguments|flags|"
    r"response|result|reply|error|exception)$|^(?:cli|init)$",
    re.I,
)
#: A line that declares what a type does, not a field it holds ("track(event: Event): void",
#: "onError: (e: Error) => void").
_ACTS = re.compile(r"^\w+\??\s*\(|=>")
#: A field declared on its own line (its comment and its last comma left out): "name: Type"
#: (Rust, TypeScript: "kind?: 'start' | 'stop';", "tags: string[]"), "Type name;" (C-like
#: schemas: "string? sessionId;", "array events { object; };"), or Go's "Name type
#: `json:"name"`"; a field whose type is an object written on the line ("props: { os: string }").
_FIELD_LINE = re.compile(
    r"(?:pub\s+|readonly\s+)?(?P<named>[A-Za-z_]\w*)\??\s*:\s*"
    r"(?:\{(?P<inner>[^{}]*)\}(?:\[\])?|(?P<type>[\w\"'][^{}=();]*));?"
    r"|(?P<of>[A-Za-z_][\w.]*)(?:<[^<>]*>)?\??(?:\[\])?\s+(?P<typed>[a-z_]\w*)\s*(?:\{[^{}]*\})?\s*;"
    r"|[A-Z]\w*\s+(?P<go>[*\[\]\w.]+)\s+`[^`]*\bjson:\"(?P<tag>[^\",]+)[^`]*`;?"
)
#: A field whose type is an object written in place ("properties: {"): its own fields follow,
#: up to its closing brace ("}", "};", "}[];").
_OPENS = re.compile(r"(?:readonly\s+)?(?P<named>[A-Za-z_]\w*)\??\s*:\s*\{")
_CLOSES = re.compile(r"\}(?:\[\])?;?")
#: A field's type that names a type ("Device", "Device[]", "Option<Device>", "Device | null"),
#: which the same block may declare.
_TYPE_NAME = re.compile(
    r"(?:(?:Option|Vec|Array|List)<)?(?P<name>[A-Z]\w*)>?(?:\[\])?(?:\s*\|\s*(?:null|undefined))?"
)
#: An index signature: any other field, of a type ("[key: string]: unknown;").
_INDEX = re.compile(r"(?:readonly\s+)?\[\s*\w+\s*:\s*+[^\]]+\]\??\s*:\s*+[^;{}]+;?")
#: Where the fields of an object written on one line part.
_INNER_FIELD = re.compile(r"(?:^|[;,])\s*(?:readonly\s+)?(?P<named>[A-Za-z_]\w*)\??\s*:")


def _declared(text: str) -> dict[str, object] | None:
    """The fields a declaration in code names (``struct HealthState { model: String, ... }``),
    as the keys of a sample (a field declared as an object in place holds its own fields);
    None when the text is no such declaration (most of its lines must each declare a field),
    or declares none of what is sent. A block may declare several types one after the other:
    a type that is the type of another's field ("device: Device") holds that field's fields;
    the others are each a part of what is sent, and their fields are read in turn."""
    lines = [
        _without_comments(line).strip().rstrip(",").rstrip()
        for line in text.splitlines()
        if not _COMMENT.match(line)
    ]
    lines = [line for line in lines if line and line not in ("...", "\u2026")]
    types: dict[str, _Type] = {}
    start = 0
    while start < len(lines):
        first = _DECLARES.match(lines[start])
        end = _closing(lines, start) if first is not None else None
        if first is None or end is None or end - start < 2:
            return None
        declared = _fields(lines[start + 1 : end])
        if declared is None:
            return None
        name = next(filter(None, first.groups()), "") or str(start)
        types[name if name not in types else f"{name} {start}"] = declared
        start = end + 1
    # Not what is sent: what the product is given ("SdkOptions"), what it answers
    # ("TrackResponse"), what does something ("track(event: Event): void"), and the types only
    # these hold ("transport: Transport" of the options).
    given = {n for n, declared in types.items() if declared.acts or _NOT_SENT_TYPE.search(n)}
    holders: dict[str, set[str]] = {n: set() for n in types}  # (the types whose fields are n)
    for holder, declared in types.items():
        for ref in declared.refs.values():
            if ref in holders and ref != holder:
                holders[ref].add(holder)
    roots = [n for n in types if n not in given and not holders[n]]
    reached, reaching = set(roots), list(roots)
    while reaching:  # (the types the parts hold, and those these hold: details, never parts)
        found = set(types[reaching.pop()].refs.values()) & types.keys() - reached
        reached |= found
        reaching += found
    # (a cycle no part holds, "User" of "Org" and "Org" of "User": each a part)
    roots += [n for n in types if n not in given | reached and not holders[n] <= given]
    fields: dict[str, object] = {}
    for name in roots:
        for field, value in types[name].fields.items():
            ref = types[name].refs.get(field, "")
            held = ref in types and ref != name and ref not in given
            fields.setdefault(field, dict.fromkeys(types[ref].fields) if held else value)
    return fields if len(fields) >= 2 else None


class _Type(NamedTuple):
    """A declared type: its fields, the type each names (when it is a type's name: "device:
    Device"), and whether it declares what it does (a method: no data)."""

    fields: dict[str, object]
    refs: dict[str, str]
    acts: bool


def _closing(lines: list[str], start: int) -> int | None:
    """The line that closes the declaration opened at ``start``, or None when none does."""
    depth = 0
    for index in range(start, len(lines)):
        line = lines[index]
        if index == start or _OPENS.fullmatch(line):
            depth += 1
        elif _CLOSES.fullmatch(line):
            depth -= 1
            if depth == 0:
                return None if "[" in line else index  # ("}[]": no declaration's end)
    return None


def _fields(body: list[str]) -> _Type | None:
    """The fields a declaration's body declares; None when too few of its lines declare a
    field, or one starts another declaration (it did not close)."""
    fields: dict[str, object] = {}
    refs: dict[str, str] = {}
    open_objects = [fields]
    declared = 0
    acts = False
    for line in body:
        if _DECLARES.match(line):
            return None
        if _CLOSES.fullmatch(line):
            if len(open_objects) == 1:
                return None
            open_objects.pop()
            declared += 1
        elif (opens := _OPENS.fullmatch(line)) is not None:
            inner: dict[str, object] = {}
            open_objects[-1][opens["named"]] = inner
            open_objects.append(inner)
            declared += 1
        elif (found := _FIELD_LINE.fullmatch(line)) is not None:
            written = found["inner"]
            value = dict.fromkeys(_INNER_FIELD.findall(written)) if written is not None else None
            name = found["named"] or found["typed"] or found["tag"]
            open_objects[-1][name] = value
            typed = found["type"] or found["of"] or (found["go"] or "").lstrip("*[]")
            type_name = _TYPE_NAME.fullmatch(typed)
            if len(open_objects) == 1 and type_name is not None:
                refs[name] = type_name["name"]
            declared += 1
        elif _INDEX.fullmatch(line):
            declared += 1  # ("[key: string]: unknown": any other field, none named)
        acts = acts or _ACTS.search(line) is not None
    if declared * 5 < len(body) * 4 or len(open_objects) != 1:
        return None
    return _Type(fields, refs, acts)


_COMMENT = re.compile(r"^\s*(?://|#|/\*|\*)")
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_SINGLE_QUOTED = re.compile(r"(?<!\\)'((?:[^'\\\n]|\\.)*+)'")
_BARE_KEY = re.compile(r"([{,]\s*)([A-Za-z_$][\w$]*)\s*:")
#: Python's constants as a value, and what JSON writes for them.
_PYTHON_WORD = re.compile(r"([:\[,]\s*)(True|False|None)\b")
_JSON_WORD = {"True": "true", "False": "false", "None": "null"}

#: A string, or a ``//`` or ``#`` comment to the end of its line (JSON with comments, as pages
#: write their samples: ``"uptime": 0, // seconds the instance has been running``).
_STRING_OR_COMMENT = re.compile(
    r'(?<!\\)"(?:[^"\\\n]|\\.)*+"|(?<!\\)\'(?:[^\'\\\n]|\\.)*+\'|(?://|#)[^\n]*'
)


def _without_comments(text: str) -> str:
    return _STRING_OR_COMMENT.sub(lambda m: "" if m.group(0)[0] in "/#" else m.group(0), text)


def _line_of(lines: list[str], key: str) -> int:
    written = re.compile(rf"""(?:^|[\s{{,"'])["']?{re.escape(key)}["']?\??\s*:""")
    declared = re.compile(rf"""(?:^|[\s"]){re.escape(key)}(?:\s*[;{{]|")""")  # "string key;"
    return next(
        (i for i, line in enumerate(lines) if written.search(line) or declared.search(line)), 0
    )
