"""YAML written as writers write it: keys in the order given, lists indented under their key,
texts of several lines as literal blocks, long lines kept whole.

One dumper for every file the package writes for people to edit (imported records, translation
files) and for the YAML its reference shows.
"""

from __future__ import annotations

from typing import Any

import yaml

#: Long texts stay on one line: a text reads, and diffs, as its writer wrote it.
WHOLE_LINES = 1_000_000


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # "key:\n  - entry", as content files are laid out


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=_style(text))


def _style(text: str) -> str | None:
    if any(character in text for character in "\x85\u2028\u2029"):
        # PyYAML writes these line breaks raw, but for in double quotes, and reads them back
        # as breaks.
        return '"'
    if "\n" in text and not text.endswith("\n\n"):
        # A literal block, where the emitter can (else it quotes); not one that keeps trailing
        # blank lines, which it ends with a document end marker ("...").
        return "|"
    return None


_Dumper.add_representer(str, _represent_text)


def dump_yaml(data: Any, width: int = WHOLE_LINES) -> str:
    """``data`` as YAML in block style."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=width,
    )
