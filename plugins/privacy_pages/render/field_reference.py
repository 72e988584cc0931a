"""The field reference of the writer's guide, generated from the JSON Schema.

A hand-written page holds ``<!-- privacy-pages: field-reference -->``; the block lists every
property of every kind of record, with its type, whether it is required, the schema's
description and a YAML example that shows where the field goes. Because the page is made from
the schema, the two cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..load.schema import RECORD_KINDS, schema_document
from ..markdown_text import MarkdownSafe
from ..memo import memoized
from ..model import Dataset
from ..settings import Settings
from ..yaml_text import dump_yaml
from .templates import page_environment, render
from .translated import Showing

#: Where each kind of record lives, for the headings of the reference.
KIND_FILES = {
    "product": "content/products/*.yml",
    "catalog": "content/catalog/*.yml",
    "categories": "content/categories.yml",
    "comparisons": "content/comparisons.yml",
    "stores": "content/stores.yml",
}
_MAX_DEPTH = 8
_FOR_EXAMPLE = re.compile(r"for example '([^']+)'")


@dataclass(frozen=True)
class FieldDoc:
    """One property of a record, as the reference shows it."""

    path: str
    type: str
    required: bool
    description: str
    example: str


@dataclass(frozen=True)
class KindDoc:
    kind: str
    file: str
    description: str
    fields: tuple[FieldDoc, ...]


def _defs() -> dict[str, Any]:
    defs: dict[str, Any] = schema_document()["$defs"]
    return defs


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """A property's schema with its ``$ref`` merged in (the property's own keys win)."""
    if "$ref" not in schema:
        return schema
    target = resolve(_defs()[schema["$ref"].rsplit("/", 1)[-1]])
    merged = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    return merged


def type_name(schema: dict[str, Any]) -> str:
    """A property's type in writers' words."""
    if "$ref" in schema and schema["$ref"].endswith("/id"):
        return "id (lowercase letters, digits and hyphens)"
    schema = resolve(schema)
    if "enum" in schema:
        values = {str(v).casefold(): str(v) for v in reversed(schema["enum"])}
        return "one of: " + ", ".join(reversed(values.values()))
    if "oneOf" in schema:
        return ", or ".join(dict.fromkeys(type_name(option) for option in schema["oneOf"]))
    kind = schema.get("type")
    if kind == "array":
        items = schema.get("items", {})
        return f"list of {_plural(type_name(items)) if isinstance(items, dict) else 'values'}"
    if kind == "object":
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and not schema.get("properties"):
            return f"mapping of names to {_plural(type_name(extra))}"
        return "mapping"
    names = {
        "string": "text",
        "boolean": "true or false",
        "integer": "whole number",
        "number": "number",
        "null": "nothing",
    }
    return names.get(str(kind), "value")


def _plural(name: str) -> str:
    if name.startswith(("one of", "id ", "list", "mapping of")) or ", or " in name:
        return f"({name})"
    return {"mapping": "mappings", "text": "text", "true or false": "true or false"}.get(
        name, name + "s"
    )


def example_value(schema: dict[str, Any], depth: int = 0) -> Any:
    """An example value for a property: the schema's own example, else one made from its type."""
    if "examples" in schema:
        return schema["examples"][0]
    if depth > _MAX_DEPTH:
        return "..."
    if schema.get("$ref", "").endswith("/id"):
        return "example-id"
    if "$ref" in schema:
        return example_value(resolve(schema), depth + 1)
    if "enum" in schema:
        return schema["enum"][0]
    if "oneOf" in schema:
        return example_value(schema["oneOf"][0], depth + 1)
    if "default" in schema:
        return schema["default"]
    kind = schema.get("type")
    if kind == "boolean":
        return True
    if kind == "array":
        items = schema.get("items")
        return [example_value(items, depth + 1)] if isinstance(items, dict) else []
    if kind == "object":
        properties: dict[str, Any] = schema.get("properties", {})
        chosen = list(schema.get("required", [])) or list(properties)[:1]
        value = {key: example_value(properties[key], depth + 1) for key in chosen}
        extra = schema.get("additionalProperties")
        if not properties and isinstance(extra, dict):
            value = {"name": example_value(extra, depth + 1)}
        return value
    quoted = _FOR_EXAMPLE.search(str(schema.get("description", "")))
    return quoted.group(1) if quoted else "Text"


def _example_key(parent: dict[str, Any]) -> str:
    """The key to show for one entry of a mapping of names (``workloads: {mam: yes}``)."""
    example = example_value(parent)
    if isinstance(example, dict) and example:
        return str(next(iter(example)))
    return "name"


@dataclass(frozen=True)
class _Step:
    key: str  # a property name, or "*" for any name of a mapping of names
    list: bool  # the property holds a list: the next step is inside one of its entries


def walk(kind: str) -> Iterator[tuple[str, dict[str, Any], bool, tuple[_Step, ...], list[str]]]:
    """Every property of a record kind, in :func:`schema.iter_properties` order.

    Yields (path, schema, required, steps from the record's top, example keys for ``*`` steps).
    """
    seen: set[str] = set()

    def visit(
        schema: dict[str, Any], prefix: str, steps: tuple[_Step, ...], keys: list[str]
    ) -> Iterator[tuple[str, dict[str, Any], bool, tuple[_Step, ...], list[str]]]:
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            if name in seen:
                return
            seen.add(name)
            yield from visit(_defs()[name], prefix, steps, keys)
            seen.discard(name)
        required = set(schema.get("required", []))
        for key, sub in schema.get("properties", {}).items():
            path = f"{prefix}.{key}" if prefix else key
            step = (*steps, _Step(key, False))
            yield path, sub, key in required, step, keys
            yield from visit(sub, path, step, keys)
        if isinstance(schema.get("items"), dict):
            listed = (*steps[:-1], _Step(steps[-1].key, True)) if steps else steps
            yield from visit(schema["items"], prefix + "[]", listed, keys)
        for option in schema.get("oneOf", []):
            yield from visit(option, prefix, steps, keys)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            step = (*steps, _Step("*", False))
            yield from visit(extra, prefix + ".*", step, [*keys, _example_key(schema)])

    yield from visit({"$ref": f"#/$defs/{kind}"}, "", (), [])


def placed_example(steps: tuple[_Step, ...], keys: list[str], value: Any) -> str:
    """YAML that shows ``value`` at its place in a record, from the top of the file."""
    names = iter(keys)
    resolved = [(next(names, "name") if step.key == "*" else step.key, step) for step in steps]
    document: Any = value
    for key, step in reversed(resolved):
        document = {key: [document] if step.list else document}
    return dump_yaml(document, width=88)


def field_docs(kind: str) -> tuple[FieldDoc, ...]:
    """The reference entries of one kind of record, in schema order."""
    docs = []
    for path, schema, required, steps, keys in walk(kind):
        resolved = resolve(schema)
        description = schema.get("description") or resolved.get("description") or ""
        value = example_value(schema)
        docs.append(
            FieldDoc(
                path=path,
                type=type_name(schema),
                required=required,
                description=str(description),
                example=placed_example(steps, keys, value),
            )
        )
    return tuple(docs)


@memoized(16)  # the packaged schema's: a rebuild under serve compares the page it fills
def kind_docs(kinds: tuple[str, ...] = RECORD_KINDS) -> tuple[KindDoc, ...]:
    defs = _defs()
    return tuple(
        KindDoc(
            kind=kind,
            file=KIND_FILES.get(kind, kind),
            description=str(defs[kind].get("description", "")),
            fields=field_docs(kind),
        )
        for kind in kinds
    )


def code_block(text: str, language: str = "yaml") -> MarkdownSafe:
    """A fenced code block that no backticks inside ``text`` can close early."""
    fence = "`" * max(3, _longest_backtick_run(text) + 1)
    return MarkdownSafe(f"{fence}{language}\n{text.rstrip()}\n{fence}")


def _longest_backtick_run(text: str) -> int:
    best = run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        best = max(best, run)
    return best


def code_span(text: str) -> MarkdownSafe:
    """Inline code that shows ``text`` exactly."""
    fence = "`" * (_longest_backtick_run(text) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return MarkdownSafe(f"{fence}{pad}{text}{pad}{fence}")


def field_reference(
    dataset: Dataset, settings: Settings, showing: Showing, page: str, args: list[str]
) -> str:
    """The ``field-reference`` block: every field of every kind of record."""
    kinds = tuple(kind for kind in args if kind in RECORD_KINDS) or RECORD_KINDS
    return render(
        "field-reference.md.j2",
        page_environment(settings.templates_dir, settings.messages, showing),
        kinds=kind_docs(kinds),
        code_block=code_block,
        code_span=code_span,
    )
