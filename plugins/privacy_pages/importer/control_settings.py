"""The settings, environment variables, commands and flags that turn collection off.

Pages say how to opt out in sentences and code ("Set the `TOOL_TELEMETRY_OPTOUT` environment
variable to `1`.", "```sh\nbrew analytics off\n```"), in a controls section or in passing. The
options keep those words; this module names what they name, each once, with its kind
(``controls.settings``): a variable (``ALL_CAPS_NAME``, ``$Env:NAME``, ``export NAME=1``), a
flag (``--disable-telemetry``), a setting (``telemetry.telemetryLevel``, ``disableTelemetry``
in code) or a command (code of two or more words that starts with a tool's name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .markdown_doc import Table
from .markup import one_line, plain

#: A code span (one or more backticks) or a fenced block's body.
_CODE_SPAN = re.compile(r"(?<!`)(`++)(?P<code>[^`].*?)\1", re.DOTALL)
#: A fenced block's opening line, and the line that closes it.
_FENCE_OPENING = re.compile(r"^(?:```|~~~)[^\n]*\n", re.M)
_FENCE_CLOSING = re.compile(r"^(?:```|~~~)\s*$", re.M)
_VARIABLE = re.compile(r"^(?:\$[Ee]nv:)?(?P<name>[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?:\s*=.*)?$")
_EXPORT = re.compile(r"^(?:export|set|setx|\$[Ee]nv:)\s*(?P<name>[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b")
#: A variable named in running text: upper case only, two parts at least, not an acronym run.
#: (A "." after it ends a sentence, unless a name goes on after it: ``FOO_BAR.txt``.)
_BARE_VARIABLE = re.compile(r"(?<![\w$`/.-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w`/-])(?!\.[\w/`-])")
#: A Windows registry key (``HKEY_CURRENT_USER\\Software\\...``, ``HKLM\\...``): one setting,
#: never its hive taken for a variable.
_REGISTRY_KEY = re.compile(
    r"(?<![\w\\])(?:HKEY_[A-Z_]+|HK(?:LM|CU|CR|CC|U))(?:\\[^\s\\`*\"']+)+", re.IGNORECASE
)
_FLAG = re.compile(r"^(?P<name>--?[A-Za-z][\w-]*)(?:[= ]\S+)?$")
_SETTING_CALL = re.compile(r"^setting\((?P<name>[^()\s]+)\)$")
_DOTTED = re.compile(r"^@?[A-Za-z][\w-]*(?:[.:][A-Za-z][\w-]*)+$")
_JSON_KEY = re.compile(r'^\s*"(?P<name>[A-Za-z][\w.-]*)"\s*:')
_CAMEL = re.compile(r"^[a-z]+[A-Z][A-Za-z0-9]*$")
_PROMPT = re.compile(r"^\s*(?:\$(?=\s)|>|PS>|PS [^>]*>|~/?\$|C:\\[^>]*>)\s*")
#: A command line: a tool's name, then its words; never code of a language ("export default {").
_COMMAND = re.compile(r"^[a-z@.][\w@./\\-]*(?:\s+[^\s{}();]+)+$")
#: File names are not settings ("telemetry.json", "main.js").
_FILE = re.compile(
    r"\.(?:json|jsonc|js|mjs|cjs|ts|yml|yaml|md|mdx|log|txt|toml|ini|cfg|sh|bat|cmd|ps1|exe|"
    r"py|xml|config|lock)$",
    re.IGNORECASE,
)
#: Words of a sentence that says how to turn collection off or limit it.
OPT_OUT = re.compile(
    r"\b(?:opt(?:s|ed|ing)?[- ]?out|disabl\w*|turn(?:s|ed|ing)? (?:\w+ )?off|switch\w* off|"
    r"stop sending|no longer send)\b",
    re.IGNORECASE,
)


def _from_code(code: str) -> tuple[str, str] | None:
    """(name, kind) of one code span or line, or None when it names nothing we know."""
    text = _PROMPT.sub("", code.strip()).strip()
    if not text or "\n" in text:
        return None
    for pattern, kind in ((_EXPORT, "environment-variable"), (_VARIABLE, "environment-variable")):
        match = pattern.match(text)
        if match:
            return match.group("name"), kind
    call = _SETTING_CALL.match(text)
    if call:
        return call.group("name"), "setting"
    flag = _FLAG.match(text)
    if flag:
        return flag.group("name"), "flag"
    key = _JSON_KEY.match(text)
    if key and not _FILE.search(key.group("name")):
        return key.group("name"), "setting"
    if _DOTTED.match(text) and not _FILE.search(text):
        return text, "setting"
    if _CAMEL.match(text):
        return text, "setting"
    if _COMMAND.match(text) and len(text) <= 80 and not text.endswith((".", ",")):
        return text, "command"
    return None


def _fenced(markdown: str) -> Iterator[tuple[int, int, str]]:
    """Each fenced block's start, end and body. (An opening fence that no line closes: none
    after it is closed either, so the scan ends there, in time linear in the text.)"""
    at = 0
    while opening := _FENCE_OPENING.search(markdown, at):
        closing = _FENCE_CLOSING.search(markdown, opening.end())
        if closing is None:
            return
        yield opening.start(), closing.end(), markdown[opening.end() : closing.start()]
        at = closing.end()


def named_settings(markdown: str, *, bare: bool = True) -> list[tuple[str, str]]:
    """The (name, kind) pairs a control's Markdown names, in order, each once."""
    found: list[tuple[str, str]] = []
    kept: list[str] = []  # the text outside the fenced blocks
    at = 0
    for start, end, body in _fenced(markdown):
        for line in body.split("\n"):
            named = _from_code(line)
            if named:
                found.append(named)
        kept += [markdown[at:start], " "]
        at = end
    text = "".join(kept) + markdown[at:]
    for span in _CODE_SPAN.finditer(text):
        named = _from_code(span.group("code"))
        if named:
            found.append(named)
    found += [(m.group().rstrip(".,;:)"), "setting") for m in _REGISTRY_KEY.finditer(text)]
    if bare:
        outside = _REGISTRY_KEY.sub(" ", _CODE_SPAN.sub(" ", text))
        found += [(m.group(), "environment-variable") for m in _BARE_VARIABLE.finditer(outside)]
    unique: dict[str, str] = {}
    for name, kind in found:
        unique.setdefault(name, kind)
    return list(unique.items())


def settings_from(texts: list[str]) -> list[dict[str, Any]]:
    """``controls.settings`` entries for what a controls section's texts name."""
    found: dict[str, str] = {}
    for text in texts:
        for name, kind in named_settings(text):
            found.setdefault(name, kind)
    return [{"name": name, "kind": kind} for name, kind in found.items()]


def opt_out_settings(sentences: list[str]) -> list[dict[str, Any]]:
    """The settings named by sentences that say how to opt out, wherever they are."""
    return settings_from([s for s in sentences if OPT_OUT.search(plain(s))])


def table_settings(table: Table, lead: str | None) -> list[dict[str, Any]]:
    """A controls table: the values of the one setting its lead names, else one per row."""
    headers = [plain(h).strip() for h in table.header]
    named = named_settings(lead or "", bare=True)
    rows = []
    for row in table.rows:
        cells = [one_line(c) for c in row.cells] + [""] * (len(headers) - len(row.cells))
        first = plain(cells[0]).strip() if cells else ""
        if not first:
            continue
        labelled = len(headers) > 2  # one other column: its cell says it all
        rest = [
            f"**{headers[i]}:** {cells[i]}" if headers[i] and labelled else cells[i]
            for i in range(1, len(headers))
            if plain(cells[i]).strip()
        ]
        rows.append((first, "; ".join(rest)))
    if not rows:
        return []
    # Rows that are settings themselves ("`tool analytics disable`") are not values of one.
    own = sum(_from_code(first) is not None for first, _ in rows)
    if len(named) == 1 and own * 2 <= len(rows):
        name, kind = named[0]
        values = [{"value": v, **({"effect": e} if e else {})} for v, e in rows]
        return [{"name": name, "kind": kind, "values": values}]
    settings = []
    for name, description in rows:
        entry: dict[str, Any] = {"name": name}
        known = _from_code(name)
        if known is not None and known[0] == name:
            entry["kind"] = known[1]
        if description:
            entry["description"] = description
        settings.append(entry)
    return settings


def merged(*lists: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Settings lists joined, each name once (later entries complete the first)."""
    result: list[dict[str, Any]] = []
    by_name: dict[str, dict[str, Any]] = {}
    for entries in lists:
        for entry in entries:
            known = by_name.get(entry["name"])
            if known is None:
                copy = dict(entry)
                by_name[entry["name"]] = copy
                result.append(copy)
                continue
            for key in ("kind", "description", "values"):
                if key in entry and key not in known:
                    known[key] = entry[key]
    return result
