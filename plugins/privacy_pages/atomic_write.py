"""Writing a content file so that a failure or a kill never leaves it half written.

The text goes to a temporary file in the same folder, which is flushed to disk and then renamed
over the old file: the rename is atomic, so the file holds either its old text or its whole
new text. A file that leads outside the content folder (through a symbolic link, itself or a
folder on its way) is refused, as the loader refuses to read it.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


class OutsideContent(ValueError):
    """A write that would leave the content folder."""


class WriteFailed(OSError):
    """A write that failed (a full disk, a folder that cannot be written): the file is as it
    was."""


def check_inside(path: Path, root: Path) -> None:
    """Refuse ``path`` when it, or a link on its way, resolves outside ``root``."""
    try:
        resolved, top = path.resolve(), root.resolve()
    except (RuntimeError, OSError):  # a loop of symbolic links (Python 3.11 raises RuntimeError)
        raise OutsideContent(
            f"{path.as_posix()} is a loop of symbolic links; nothing was written"
        ) from None
    if not resolved.is_relative_to(top):
        raise OutsideContent(
            f"{path.as_posix()} leads outside the content folder {root.as_posix()} (through a "
            "symbolic link); nothing was written"
        )


def write_text_atomically(
    path: Path, text: str, root: Path, *, replace_existing: bool = True
) -> None:
    """Replace ``path`` (inside ``root``) with ``text`` in UTF-8 with ``\\n`` line ends, whole
    or not at all; the file keeps its permissions (a new one gets the usual ones). Without
    ``replace_existing``, a file that exists (even one made meanwhile) is left alone and
    :class:`FileExistsError` raised."""
    check_inside(path, root)
    temporary = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        if replace_existing:
            os.replace(temporary, path)
        else:
            _create(Path(temporary), path)
    except FileExistsError:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        raise
    except OSError as exc:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        reason = exc.strerror or str(exc)
        raise WriteFailed(
            exc.errno, f"could not write {path.as_posix()} ({reason}); it is as it was"
        ) from exc
    except BaseException:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        raise


def _create(temporary: Path, path: Path) -> None:
    """Give the whole written ``temporary`` the name ``path`` unless that exists: a hard link
    (which fails on an existing name, atomically), or a rename where the file system has no
    hard links."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:
        if path.exists():
            raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
        os.replace(temporary, path)
    else:
        temporary.unlink()
