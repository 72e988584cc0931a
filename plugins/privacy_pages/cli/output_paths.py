"""Where a command writes, checked before it does any work: a missing folder, a folder where a
file goes or a file where a folder goes is a message naming the path, not a traceback after
the work is done."""

from __future__ import annotations

import sys
from pathlib import Path


def _nearest_existing(path: Path) -> Path:
    """``path`` or the closest of its parents that exists (a file on the way stops the walk)."""
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def file_problem(path: Path, *, creates_folders: bool = False) -> str | None:
    """Why a file cannot be written at ``path``, or None. With ``creates_folders``, the command
    creates missing folders on the way, so only a file on the way stops it."""
    if path.is_dir():
        return f"{path} is a folder, not a file: name the file to write"
    if path.parent.is_dir():
        return None
    existing = _nearest_existing(path.parent)
    if existing.exists() and not existing.is_dir():
        return f"{path}: {existing} is a file, not a folder"
    if not creates_folders:
        return f"{path}: the folder {path.parent} does not exist; create it first"
    return None


def folder_problem(path: Path) -> str | None:
    """Why ``path`` cannot be a folder to write into (created if missing), or None."""
    if path.exists() and not path.is_dir():
        return f"{path} is a file, not a folder"
    existing = _nearest_existing(path)
    if existing.exists() and not existing.is_dir():
        return f"{path}: {existing} is a file, not a folder"
    return None


def refused(command: str, *problems: str | None) -> bool:
    """Print each problem for ``command``; whether there was any."""
    found = [problem for problem in problems if problem]
    for problem in found:
        print(f"privacy-pages {command}: {problem}; nothing was written", file=sys.stderr)
    return bool(found)
