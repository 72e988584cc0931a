"""The ``privacy-pages`` command line: a thin adapter over the core, like the MkDocs plugin.

Each command lives in its own module with two functions: ``add_parser(subparsers)`` declares
its arguments and ``run(args) -> int`` does the work. Exit codes: 0 success, 1 content errors,
2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from .. import __version__
from . import diff, import_, new, render, schema, snapshot, validate

COMMANDS: tuple[ModuleType, ...] = (render, validate, new, import_, schema, diff, snapshot)


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="privacy-pages",
        description="Turn YAML privacy records into consistent privacy pages.",
        epilog="Run 'privacy-pages COMMAND --help' for the options of a command.",
    )
    main_parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = main_parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.add_parser(subparsers)
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:  # --help and --version (0), or bad usage (argparse uses 2)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
