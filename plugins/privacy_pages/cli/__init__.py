"""The ``privacy-pages`` command line: a thin adapter over the core, like the MkDocs plugin.

Each command lives in its own module with two functions: ``add_parser(subparsers)`` declares
its arguments and ``run(args) -> int`` does the work. Exit codes: 0 success, 1 content errors,
2 bad usage; a command raises :class:`~.common.UsageError` or :class:`~.common.CommandError`
and :func:`main` says why, once for all.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module
from types import ModuleType

from ..atomic_write import OutsideContent, WriteFailed
from ..version import __version__
from .common import CommandError, TerminalStream, UsageError

#: The commands, in help order, with the module that implements each.
COMMAND_MODULES: dict[str, str] = {
    "render": "render",
    "validate": "validate",
    "new": "new",
    "import": "import_",
    "schema": "schema",
    "diff": "diff",
    "snapshot": "snapshot",
    "export": "export",
    "check-label": "check_label",
    "translations": "translations",
}


def command_module(name: str) -> ModuleType:
    return import_module(f".{COMMAND_MODULES[name]}", __name__)


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``only``, just that command's (so that running one command
    does not import every other command's dependencies)."""
    main_parser = argparse.ArgumentParser(
        prog="privacy-pages",
        description="Turn YAML privacy records into consistent privacy pages.",
        epilog="Run 'privacy-pages COMMAND --help' for the options of a command.",
    )
    main_parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = main_parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        if only is None or name == only:
            command_module(name).add_parser(subparsers)
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in arguments if not a.startswith("-")), None)
    try:
        args = parser(first if first in COMMAND_MODULES else None).parse_args(arguments)
    except SystemExit as exc:  # --help and --version (0), or bad usage (argparse uses 2)
        return exc.code if isinstance(exc.code, int) else 2
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalStream(stdout), TerminalStream(stderr)
    try:
        code: int = args.run(args)
    except (UsageError, *getattr(args, "usage_errors", ())) as exc:
        print(f"privacy-pages {_name(args)}: {exc}", file=sys.stderr)
        return 2
    # Content the command cannot work on; a full disk or a read-only folder (the file is as it
    # was); a write that would leave the content folder.
    except (CommandError, WriteFailed, OutsideContent) as exc:
        print(f"privacy-pages {_name(args)}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    except OSError as exc:  # what the checks before writing cannot foresee: named, no traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"privacy-pages {_name(args)}: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    finally:
        sys.stdout, sys.stderr = stdout, stderr
    return code


def _name(args: argparse.Namespace) -> str:
    """The command as typed: ``translations`` takes an action (``translations export``)."""
    action = getattr(args, "action", None)
    return f"{args.command} {action}" if action else str(args.command)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
