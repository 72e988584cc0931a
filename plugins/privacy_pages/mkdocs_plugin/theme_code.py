"""The theme's templates, compiled once per ``mkdocs serve`` instead of once per rebuild.

MkDocs makes a new Jinja environment for the theme at every rebuild, and Material's templates
were compiled again each time (about a quarter of a second, most of a rebuild that changes one
page). Jinja can keep compiled templates in a bytecode cache; this one is a dict in the plugin,
never a file. Jinja stores each template's code with a checksum of its source, and uses the code
only while the source has that checksum. Compiled code also depends on the environment: Jinja
works out a filter or test of constants while compiling, and the syntax comes from its
settings and extensions. So the code is kept with what it was compiled with (the very filter
and test objects, held so that no other object can take their place), and used only by an
environment that has the same.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

#: The settings of an environment that change how a template compiles.
_SETTINGS = (
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
    "comment_start_string", "comment_end_string", "line_statement_prefix",
    "line_comment_prefix", "trim_blocks", "lstrip_blocks", "newline_sequence",
    "keep_trailing_newline", "optimized", "autoescape", "finalize", "is_async",
)  # fmt: skip


def compiled_with(environment: Environment) -> tuple[Any, ...]:
    """What code compiled in ``environment`` depends on, besides the template's source."""
    return (
        tuple(sorted(environment.filters.items())),
        tuple(sorted(environment.tests.items())),
        tuple(sorted((name, type(ext)) for name, ext in environment.extensions.items())),
        tuple(getattr(environment, name, None) for name in _SETTINGS),
    )


def _same(kept: Any, now: Any) -> bool:
    """Whether two :func:`compiled_with` values hold the same names and the same objects."""
    if isinstance(kept, tuple) and isinstance(now, tuple):
        return len(kept) == len(now) and all(_same(a, b) for a, b in zip(kept, now, strict=True))
    return kept is now or (isinstance(kept, (str, bool, int)) and kept == now)


class ThemeCode(BytecodeCache):
    """Compiled templates by Jinja's key for them (their name and file), in memory."""

    def __init__(self) -> None:
        self.code: dict[str, tuple[tuple[Any, ...], bytes]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        kept = self.code.get(bucket.key)
        if kept is not None and _same(kept[0], compiled_with(bucket.environment)):
            bucket.bytecode_from_string(kept[1])  # checks the source's checksum

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = (compiled_with(bucket.environment), bucket.bytecode_to_string())
