"""What several commands share: finding the site's settings and printing diagnostics."""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
from pathlib import Path
from typing import BinaryIO, TextIO

from ..diagnostics import Diagnostic, Severity
from ..settings import Settings, SettingsError, find_settings, settings_from_mkdocs


def add_site_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        "-f",
        type=Path,
        metavar="MKDOCS_YML",
        help="read the privacy-pages options from this mkdocs.yml (default: ./mkdocs.yml if it "
        "enables the plugin, else [tool.privacy-pages] in ./pyproject.toml)",
    )
    parser.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        help="the content folder (default: the content_dir option, else ./content)",
    )


def site_settings(args: argparse.Namespace) -> Settings:
    """Settings from --config / --content, or from the current folder."""
    try:
        settings = settings_from_mkdocs(args.config) if args.config else find_settings(Path.cwd())
    except (OSError, SettingsError) as exc:
        raise UsageError(str(exc)) from exc
    if getattr(args, "content", None):
        from dataclasses import replace

        settings = replace(settings, content_dir=args.content.resolve())
    return settings


class UsageError(Exception):
    """Bad usage: ``privacy-pages COMMAND: message`` on standard error, exit code 2. A command
    names the core's errors that mean the same in ``set_defaults(usage_errors=...)``."""


class CommandError(Exception):
    """Content the command cannot work on: said as :class:`UsageError` is, exit code 1."""


def use_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and os.environ.get("TERM") != "dumb"


_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}


def paint(text: str, severity: Severity | None, stream: TextIO) -> str:
    """``text`` in the colour of ``severity`` when ``stream`` shows colours, else unchanged."""
    if severity is None or not use_colour(stream):
        return text
    return f"{_COLOURS[severity]}{text}\033[0m"


def print_diagnostic(diagnostic: Diagnostic, stream: TextIO | None = None) -> None:
    # sys.stderr looked up now, not when the module loaded: a caller may have redirected it.
    stream = stream if stream is not None else sys.stderr
    text = terminal_text(str(diagnostic))
    if use_colour(stream):
        location = terminal_text(str(diagnostic.location))
        colour = _COLOURS[diagnostic.severity]
        text = f"\033[1m{location}\033[0m" + text[len(location) :].replace(
            f" {diagnostic.severity.value} ", f" {colour}{diagnostic.severity.value}\033[0m ", 1
        )
    if isinstance(stream, TerminalStream):
        stream.write_raw(text + "\n")  # escaped already; the colours are the command's own
    else:
        print(text, file=stream)


#: What a terminal (or a pull-request comment) would act on rather than show: C0 controls but
#: tab and newline, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates.
_ACTED_ON = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_text(text: str) -> str:
    """``text`` with what a terminal would act on written as ``\\uXXXX`` (which is also how
    JSON writes it), so a file name or a value cannot hide or rewrite the rest of a line."""
    if text.isprintable():
        return text
    return _ACTED_ON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


class TerminalStream(io.TextIOBase):
    """A text stream (stdout, stderr) that writes :func:`terminal_text` of what it is given:
    every command prints file names and values from content."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(terminal_text(text))
        return len(text)

    def write_raw(self, text: str) -> int:
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    @property
    def buffer(self) -> BinaryIO:
        """The bytes underneath, for a file written to stdout as it is (``export``)."""
        return self.stream.buffer

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", "utf-8")
