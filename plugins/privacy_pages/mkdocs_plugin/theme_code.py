"""The theme's templates, compiled once per ``mkdocs serve`` instead of once per rebuild.

MkDocs makes a new Jinja environment for the theme at every rebuild, and Material's templates
were compiled again each time (about a quarter of a second, most of a rebuild that changes one
page). Jinja can keep compiled templates in a bytecode cache; this one is a dict in the plugin,
never a file. Jinja stores each template's code with a checksum of its source and uses the code
only while the source has that checksum, so an edited template is compiled again.
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache


class ThemeCode(BytecodeCache):
    """Compiled templates by Jinja's key for them (their name and file), in memory."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # checks the source's checksum

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()
