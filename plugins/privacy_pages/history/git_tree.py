"""A content folder as it was at a git revision, read from git objects (no checkout).

``git ls-tree`` lists the files under the content folder at a revision, ``git cat-file --batch``
reads them, and they are written into a temporary folder that the normal loader reads. The
working tree, the index and HEAD are never touched.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path, PurePosixPath


class GitError(Exception):
    """Git is missing, the folder is not in a repository, or a revision is unknown."""


#: Settings that keep a read of the repository from running a program a repository's own
#: configuration names (a signature check, a file-system monitor).
_QUIET = ("-c", "log.showSignature=false", "-c", "core.fsmonitor=false")


def run_git(
    repo: Path, *args: str, data: bytes | None = None, timeout: float | None = None
) -> bytes:
    """Run a git command that reads ``repo``; its output, or :class:`GitError`."""
    try:
        result = subprocess.run(
            ["git", *_QUIET, "-C", str(repo), *args],
            input=data,
            capture_output=True,
            check=False,
            timeout=timeout,
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed (needed for --git)") from exc
    except subprocess.TimeoutExpired as exc:
        command = next((a for a in args if not a.startswith("-") and "=" not in a), "")
        raise GitError(f"git {command} did not answer within {timeout:g} s") from exc
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed"
        raise GitError(message)
    return result.stdout


def repository_root(path: Path) -> Path:
    """The top folder of the git repository that contains ``path``."""
    start = path if path.is_dir() else path.parent
    while not start.exists():
        start = start.parent
    return Path(run_git(start, "rev-parse", "--show-toplevel").decode("utf-8").strip())


def resolve_revision(repo: Path, revision: str) -> str:
    """The commit id of a revision (a branch, tag, ``HEAD~1``, ``origin/main``...)."""
    if revision.startswith("-"):
        raise GitError(f"expected a revision, found {revision!r}")
    try:
        output = run_git(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except GitError as exc:
        raise GitError(f"unknown revision {revision!r} in {repo}") from exc
    return output.decode("ascii").strip()


def content_files(
    repo: Path, commit: str, folder: str, max_bytes: Callable[[str], int] | None = None
) -> list[tuple[str, str]]:
    """``(path inside folder, blob id)`` of every regular file under ``folder`` at ``commit``.
    A file larger than ``max_bytes(path)`` is refused before any blob is read (``ls-tree``
    gives each blob's size)."""
    output = run_git(repo, "ls-tree", "-r", "-z", "-l", "--full-tree", commit, "--", folder)
    files = []
    prefix = PurePosixPath(folder)
    for record in output.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind, blob, size = meta.decode("ascii").split()
        if kind != "blob" or mode not in ("100644", "100755"):
            continue  # symbolic links and submodules are not content
        path = PurePosixPath(name.decode("utf-8", "surrogateescape"))
        relative = path.relative_to(prefix).as_posix()
        limit = max_bytes(relative) if max_bytes is not None else None
        if limit is not None and size.isdigit() and int(size) > limit:
            raise GitError(
                f"{path.as_posix()} at {commit[:12]} is {int(size):,} bytes, more than the "
                f"{limit:,} a content file may hold; nothing was read"
            )
        files.append((relative, blob))
    return files


def _read_blobs(repo: Path, blobs: list[str]) -> list[bytes]:
    """The contents of several blobs, with one ``git cat-file --batch``."""
    if not blobs:
        return []
    output = run_git(repo, "cat-file", "--batch", data="".join(f"{b}\n" for b in blobs).encode())
    contents = []
    position = 0
    for blob in blobs:
        end = output.index(b"\n", position)
        header = output[position:end].decode("ascii").split()
        if len(header) != 3 or header[0] != blob:
            raise GitError(f"cannot read object {blob}: {' '.join(header)}")
        size = int(header[2])
        start = end + 1
        contents.append(output[start : start + size])
        position = start + size + 1
    return contents


def export_content(
    repo: Path,
    revision: str,
    folder: str,
    target: Path,
    max_bytes: Callable[[str], int] | None = None,
) -> int:
    """Write the files under ``folder`` at ``revision`` into ``target``; return how many.

    ``folder`` is relative to the repository's top folder (for example ``content``);
    ``max_bytes`` gives the most a file (by its path inside it) may hold.
    """
    commit = resolve_revision(repo, revision)
    files = content_files(repo, commit, folder, max_bytes)
    target.mkdir(parents=True, exist_ok=True)
    for (relative, _), data in zip(files, _read_blobs(repo, [b for _, b in files]), strict=True):
        destination = target / relative
        if not destination.resolve().is_relative_to(target.resolve()):
            raise GitError(f"refusing to write outside the export folder: {relative}")
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)
    return len(files)
