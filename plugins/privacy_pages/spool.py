"""A temporary folder that holds a build's generated files until the site generator has read them.

The MkDocs plugin writes every generated page and download here and hands MkDocs files that
point at them (as mkdocs-gen-files does), so MkDocs reads a generated page when it renders it,
the way it reads a hand-written one. The plugin then need not hold the text of every page (and
the whole ``privacy.json``) in memory for the rest of the build.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from pathlib import Path, PurePosixPath
from typing import TextIO


class Spool:
    """A temporary folder of generated files, removed with :meth:`remove`."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="privacy-pages-"))
        # Removed at exit (or when garbage) if no one calls remove(): a build that stops halfway.
        self._finalizer = weakref.finalize(self, shutil.rmtree, self.root, ignore_errors=True)

    def path(self, path: str) -> Path:
        """Where the file at ``path``, a relative POSIX path, is (or will be) written."""
        relative = PurePosixPath(path)
        if relative.is_absolute() or ".." in relative.parts:
            raise ValueError(f"expected a path inside the site, found {path!r}")
        return self.root.joinpath(*relative.parts)

    def write(self, path: str, text: str) -> Path:
        """Write ``text`` (UTF-8, line ends as they are) at ``path``, a relative POSIX path."""
        target = self.path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8", newline="")
        return target

    def open(self, path: str) -> TextIO:
        """A file to write at ``path`` in pieces (UTF-8, line ends as they are)."""
        target = self.path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        return target.open("w", encoding="utf-8", newline="")

    def remove(self) -> None:
        self._finalizer()
