"""The JSON Schema of content records, and validation of located data against it.

The schema file (``schemas/privacy-pages.schema.json``) is the single source of truth: the
validator, the editor integration (``privacy-pages schema``) and the field reference all read it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import fastjsonschema

if TYPE_CHECKING:  # jsonschema is imported only when a record is invalid (it is slow to load)
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

from ..diagnostics import Diagnostic, Location
from ..hints import Suggestions, did_you_mean
from .yaml_source import LocatedMapping, location_of

SCHEMA_FILE = "privacy-pages.schema.json"
#: The kinds of record file, each validated against ``$defs/<kind>``.
RECORD_KINDS = ("product", "catalog", "categories", "comparisons", "stores", "translation")


@cache
def schema_document() -> dict[str, Any]:
    """The whole schema document, as shipped in the package."""
    text = resources.files("privacy_pages").joinpath("schemas", SCHEMA_FILE).read_text("utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def schema_version() -> str:
    return str(schema_document()["x-schema-version"])


def record_schema(kind: str) -> dict[str, Any]:
    """A standalone schema for one kind of record file (what an editor is pointed at)."""
    document = schema_document()
    definition = document["$defs"][kind]
    return {
        "$schema": document["$schema"],
        "$id": document["$id"].replace("privacy-pages.schema.json", f"{kind}.schema.json"),
        "title": f"privacy-pages {kind} record",
        "description": definition.get("description", ""),
        "x-schema-version": document["x-schema-version"],
        "$ref": f"#/$defs/{kind}",
        "$defs": document["$defs"],
    }


def whole_value_patterns(schema: Any) -> Any:
    """A copy of ``schema`` whose patterns end in ``\\Z`` where they end in ``$``.

    A JSON Schema pattern is an ECMAScript expression, whose ``$`` is the end of the value (the
    editors check records so); Python's ``$`` also matches before a final line break, so
    ``id: "evil\\n"`` would pass for an id. ``\\Z`` is Python's end of the value."""
    if isinstance(schema, dict):
        copied = {key: whole_value_patterns(value) for key, value in schema.items()}
        pattern = copied.get("pattern")
        if isinstance(pattern, str) and _ENDS_AT_DOLLAR.search(pattern):
            copied["pattern"] = pattern[:-1] + "\\Z"
        return copied
    if isinstance(schema, list):
        return [whole_value_patterns(value) for value in schema]
    return schema


#: A pattern that ends with ``$`` (not an escaped ``\\$``).
_ENDS_AT_DOLLAR = re.compile(r"(?<!\\)(?:\\\\)*\$$")


@cache
def _validator(kind: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(whole_value_patterns(record_schema(kind)))


@cache
def _fast_check(kind: str) -> Callable[[Any], Any]:
    """The schema compiled to Python code, in memory and once per process: a fast yes/no for
    the common, valid case (about 0.05 s to compile; nothing compiled is kept on disk, where a
    planted file could run code).

    Its errors are never shown, so they carry no detail. fastjsonschema still writes each list
    item's path for its messages (``"...[{data__x}]".format(**locals())``) before it checks the
    item, and ``locals()`` of the product's function holds hundreds of names: left unformatted,
    200 products are checked in a quarter of the time. The schema uses only keywords that mean
    the same in draft 7, which fastjsonschema compiles; it changes the dict it compiles, so it
    gets a copy.
    """
    schema = whole_value_patterns(record_schema(kind))
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    code = fastjsonschema.compile_to_code(schema, use_formats=False, detailed_exceptions=False)
    code = code.replace(".format(**locals())", "")  # the paths only messages would show
    namespace: dict[str, Any] = {}
    exec(compile(code, f"<{kind} schema>", "exec"), namespace)  # what fastjsonschema.compile does
    check: Callable[[Any], Any] = namespace[_FIRST_FUNCTION.findall(code)[0]]
    return check


#: The function the generated code starts with: the one for the whole schema.
_FIRST_FUNCTION = re.compile(r"^def (\w+)\(", re.MULTILINE)


def validate_record(data: Any, kind: str, fallback: Location) -> list[Diagnostic]:
    """Validate one file's data against its schema; one diagnostic per problem.

    Valid records (nearly all of them) are accepted by the compiled check alone; only a record
    that fails it goes through ``jsonschema``, which finds every error with its path.
    """
    errors = sorted(validation_errors(data, kind), key=lambda e: list(map(str, e.path)))
    return [_diagnostic(error, data, fallback) for error in errors]


def validation_errors(data: Any, kind: str) -> Iterator[ValidationError]:
    """Every schema error of a record of ``kind`` (none, at once, for a valid record)."""
    try:
        _fast_check(kind)(data)
    except fastjsonschema.JsonSchemaException:
        yield from _validator(kind).iter_errors(data)


def key_path(path: Any) -> str:
    """``('required', 'groups', 0, 'items')`` → ``required.groups[0].items``."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def describe(value: Any) -> str:
    """How a found value is named in a message."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"text {shown!r}" if value else "empty text"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    return type(value).__name__


_TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a mapping",
    "boolean": "true or false",
    "integer": "a whole number",
    "null": "nothing",
    "number": "a number",
}


def _expected_type(expected: Any) -> str:
    names = [expected] if isinstance(expected, str) else list(expected)
    return " or ".join(_TYPE_NAMES.get(n, n) for n in names)


def _hint(value: Any, expected: Any) -> str:
    if (
        expected == "boolean"
        and isinstance(value, str)
        and value.lower() in {"yes", "no", "on", "off"}
    ):
        return "; write true or false (yes/no/on/off are kept as text)"
    if expected == "string" and isinstance(value, bool):
        return "; put the value in quotes to keep it as text"
    if expected == "string" and isinstance(value, int):
        return f"; write it in quotes ('{value}') to keep it as text"
    if expected == "string" and isinstance(value, dict):
        return "; a ': ' inside text starts a mapping, so put the text in quotes"
    return ""


def _leaf(error: ValidationError) -> ValidationError:
    if error.validator in {"oneOf", "anyOf"} and error.context:
        # The branch whose type fits the value says most ("expected one of: yes, no").
        # (A type error deeper in a branch is the branch's own: "at_most: expected true or
        # false".)
        fitting = [
            e for e in error.context if e.validator != "type" or e.relative_path
        ] or error.context
        from jsonschema.exceptions import best_match

        chosen = best_match(fitting)
        return _leaf(chosen) if chosen is not None else error
    return error


def _diagnostic(error: ValidationError, data: Any, fallback: Location) -> Diagnostic:
    if error.validator in {"oneOf", "anyOf"}:
        leaf = _leaf(error)
        deeper = len(leaf.absolute_path) > len(error.absolute_path)
        if leaf is not error and (leaf.validator != "type" or deeper):
            error = leaf  # where it is, with what is found there
    path = tuple(error.absolute_path)
    location = location_of(data, path, fallback)
    where = key_path(path)
    value = error.instance
    validator: Any = error.validator
    expected: Any = error.validator_value
    schema: Any = error.schema
    message: str
    if validator == "type":
        parent: Any = error.parent
        if (
            parent is not None
            and parent.validator in {"oneOf", "anyOf"}
            and parent.absolute_path == error.absolute_path  # (not a key inside a branch)
        ):
            options = [
                s.get("type") or ("one of " + ", ".join(map(str, s.get("enum", []))))
                for s in parent.validator_value
                if isinstance(s, dict)
            ]
            wanted = " or ".join(_TYPE_NAMES.get(str(o), str(o)) for o in options)
            message = f"expected {wanted}, found {describe(value)}"
        else:
            message = f"expected {_expected_type(expected)}, found {describe(value)}"
            message += _hint(value, expected)
    elif validator == "required":
        missing = [k for k in expected if not isinstance(value, dict) or k not in value]
        message = f"expected key {missing[0]!r}, found none" if missing else str(error.message)
        if isinstance(value, LocatedMapping):
            location = value.location
    elif validator == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extras = [k for k in value if k not in allowed] if isinstance(value, dict) else []
        suggestions = Suggestions(allowed)
        parts = []
        for extra in extras:
            if isinstance(value, LocatedMapping):
                location = value.where_key(extra)
            parts.append(f"unknown key {extra!r}{suggestions.hint(extra)}")
            where = key_path((*path, extra))
        expected_keys = ", ".join(allowed)
        message = "; ".join(parts) + f"; expected one of: {expected_keys}"
    elif validator == "enum":
        choices = ", ".join(map(str, expected))
        hint = did_you_mean(str(value), map(str, expected))
        message = f"expected one of: {choices}; found {describe(value)}{hint}"
    elif validator == "pattern":
        message = f"expected {_pattern_name(error)}, found {describe(value)}"
    elif isinstance(schema, dict) and "x-expected" in schema:  # (a rule across keys)
        message = f"expected {schema['x-expected']}, found {describe(value)}"
    elif validator in {"minLength", "minItems", "minProperties"}:
        message = f"expected a non-empty value, found {describe(value)}"
    elif validator == "oneOf":
        message = f"expected {schema.get('description', 'a valid value')}, found {describe(value)}"
    else:
        message = f"{error.message}"
    return Diagnostic(location, message, "schema", key_path=where)


def _pattern_name(error: ValidationError) -> str:
    schema: Any = error.schema
    if "x-expected" in schema:  # what a writer reads instead of the pattern
        return str(schema["x-expected"])
    if error.validator_value == whole_value_patterns(schema_document()["$defs"]["id"])["pattern"]:
        return "an id (lowercase letters, digits and hyphens, like 'azure-ad-device-id')"
    return f"text matching {error.validator_value!r}"


def iter_properties(kind: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property path reachable from a record kind, with its schema (for documentation)."""
    document = schema_document()
    defs = document["$defs"]
    seen: set[str] = set()

    def walk(schema: dict[str, Any], prefix: str) -> Iterator[tuple[str, dict[str, Any]]]:
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            if name in seen:
                return
            seen.add(name)
            yield from walk(defs[name], prefix)
            seen.discard(name)
        for key, sub in schema.get("properties", {}).items():
            path = f"{prefix}.{key}" if prefix else key
            yield path, sub
            yield from walk(sub, path)
        if isinstance(schema.get("items"), dict):
            yield from walk(schema["items"], prefix + "[]")
        for option in schema.get("oneOf", []):
            yield from walk(option, prefix)
        if isinstance(schema.get("additionalProperties"), dict):
            yield from walk(schema["additionalProperties"], prefix + ".*")

    yield from walk({"$ref": f"#/$defs/{kind}"}, "")
