"""Changing entries of a translation file (see :mod:`.translations`) and leaving the rest as
the writer laid it out.

A translation file is a mapping of field paths to ``{source, text}`` entries, edited by hand as
well as by ``privacy-pages translations import``: an import replaces the lines of the entries it
changes and inserts new ones in the record's field order, so that a review shows only what
changed. The result is parsed again; should the file be laid out in a way the line splicing
does not follow (a flow mapping, a block scalar that keeps trailing blank lines), it is written
whole instead, its leading comments kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..yaml_text import dump_yaml
from .yaml_source import LocatedMapping, LocatedSequence, parse_text


@dataclass(frozen=True)
class Entry:
    """One translation: the fingerprint of the source text it was made from, and its text."""

    source: str
    text: str


def entries_of(data: Any) -> dict[str, Entry]:
    """The well-formed entries of a parsed translation file (``validate`` reports the rest)."""
    found: dict[str, Entry] = {}
    if isinstance(data, LocatedMapping):
        for key, value in data.items():
            if (
                isinstance(value, LocatedMapping)
                and set(value) == {"source", "text"}
                and isinstance(value["source"], str)
                and isinstance(value["text"], str)
            ):
                found[str(key)] = Entry(value["source"], value["text"])
    return found


def dump_entries(entries: Mapping[str, Any]) -> str:
    """Entries (or any plain values) as YAML lines, in the given order."""
    if not entries:
        return ""
    return dump_yaml(dict(entries))


def _as_dict(entry: Entry) -> dict[str, str]:
    return {"source": entry.source, "text": entry.text}


def placed(existing: Sequence[str], new: Sequence[str], order: Sequence[str]) -> list[str]:
    """The keys of the file once ``new`` keys are added: each after the nearest field before it
    (in the record's ``order``) that the file has, else before the first field it has."""
    rank = {key: index for index, key in enumerate(order)}
    result = list(existing)
    for key in sorted(new, key=lambda k: rank.get(k, len(rank))):
        own = rank.get(key, len(rank))
        best: int | None = None
        for index, present in enumerate(result):
            found = rank.get(present)
            if found is not None and found < own and (best is None or found > rank[result[best]]):
                best = index
        if best is not None:
            result.insert(best + 1, key)
        else:
            first = next((i for i, present in enumerate(result) if present in rank), len(result))
            result.insert(first, key)
    return result


def updated_text(
    old: str | None,
    data: Any,
    changes: Mapping[str, Entry],
    order: Sequence[str],
    header: str,
    display: str = "<translation>",
) -> str:
    """The text of a translation file with ``changes`` made: ``old`` is its text (None: a new
    file, which starts with ``header``), ``data`` that text parsed, ``order`` the record's
    field paths."""
    if old is None:
        keys = placed([], list(changes), order)
        return header + dump_entries({key: _as_dict(changes[key]) for key in keys})
    mapping = data if isinstance(data, LocatedMapping) else LocatedMapping()
    keys = placed(list(mapping), [key for key in changes if key not in mapping], order)
    wanted = {key: _as_dict(changes[key]) if key in changes else mapping[key] for key in keys}
    spliced = _spliced(old, mapping, changes, keys)
    if spliced is not None and _parses_to(spliced, wanted, display):
        return spliced
    rewritten = _leading_comments(old) + dump_entries({k: _plain(v) for k, v in wanted.items()})
    if not _parses_to(rewritten, wanted, display):  # pragma: no cover - safe_dump round-trips
        raise ValueError(f"could not write the translations of {display} so they read back")
    return rewritten


def _spliced(
    old: str, mapping: LocatedMapping, changes: Mapping[str, Entry], keys: Sequence[str]
) -> str | None:
    """``old`` with the changed entries' lines replaced and the new ones inserted; None when a
    key is not at the start of a line (a flow mapping, say)."""
    lines = old.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    starts: dict[str, int] = {}
    for key in mapping:
        where = mapping.where_key(key)
        if where.column != 1 or not 1 <= where.line <= len(lines):
            return None
        starts[key] = where.line - 1
    by_line = sorted(starts, key=starts.__getitem__)
    ends: dict[str, int] = {}
    for index, key in enumerate(by_line):
        end = starts[by_line[index + 1]] if index + 1 < len(by_line) else len(lines)
        # Blank lines and comments after an entry belong to what follows it.
        while end > starts[key] + 1 and (not lines[end - 1].strip() or lines[end - 1][0] == "#"):
            end -= 1
        ends[key] = end
    replaced: dict[int, tuple[int, str]] = {}
    inserted: dict[int, list[str]] = {}
    point = starts[by_line[0]] if by_line else len(lines)
    for key in keys:
        text = dump_entries({key: _as_dict(changes[key])}) if key in changes else ""
        if newline != "\n":
            text = text.replace("\n", newline)
        if key in starts:
            if key in changes:
                replaced[starts[key]] = (ends[key], text)
            point = ends[key]
        else:
            inserted.setdefault(point, []).append(text)
    out: list[str] = []
    index = 0
    while index <= len(lines):
        if index in inserted:
            if out and not out[-1].endswith(("\n", "\r")):
                out[-1] += newline
            out.extend(inserted[index])
        if index == len(lines):
            break
        if index in replaced:
            end, text = replaced[index]
            out.append(text)
            index = end
        else:
            out.append(lines[index])
            index += 1
    return "".join(out)


def _parses_to(text: str, wanted: Mapping[str, Any], display: str) -> bool:
    try:
        data = parse_text(text, display)
    except Exception:  # any failure to read back means: write the file whole instead
        return False
    if not wanted:
        return data is None or data == {}
    return isinstance(data, LocatedMapping) and list(data) == list(wanted) and data == wanted


def _leading_comments(text: str) -> str:
    kept: list[str] = []
    for line in text.splitlines(keepends=True):
        if line.strip() and not line.startswith("#"):
            break
        kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    if kept and not kept[-1].endswith("\n"):
        kept[-1] += "\n"
    return "".join(kept)


def _plain(value: Any) -> Any:
    """Located data as plain values, which the safe dumper writes."""
    if isinstance(value, LocatedMapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, LocatedSequence):
        return [_plain(item) for item in value]
    return value
