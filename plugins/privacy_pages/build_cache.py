"""A build kept on disk, reused while nothing it was made from has changed.

A site's hand-written pages change far more often than its records: a ``mkdocs build`` after
editing a guide should not parse, validate and render hundreds of products again. The cache
holds the last build's result (pages, downloads, model and problems) under a key made of
everything the build reads: every file in the content folder, the templates, the settings, the
package's own code, the dates the lint rules and "Updated in" marks judge by, and the Python
version. Any change to any of them means a full build; there is no partial reuse that could go
stale. A build with errors is never kept.

The file is read only if its key matches, and anything wrong with it (unreadable, truncated,
from another version) only means building again. Like other build caches (Sphinx's pickled
environment, Material for MkDocs' ``.cache``), it is trusted as the site's own output: do not
restore it from an untrusted source.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from . import __version__
from .history import build_date
from .settings import Settings
from .site import SiteBuild, build_site
from .templates import default_templates_dir
from .timing import PhaseTimes

PACKAGE_DIR = Path(__file__).resolve().parent
FILE_NAME = "build.pickle"
#: The key is written first, on its own line, so that a stale cache is recognized without
#: reading the rest.
_KEY_LENGTH = 64


def _files(folder: Path) -> Iterable[Path]:
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            yield Path(dirpath) / name


def _hash_folder(digest: hashlib.blake2b, folder: Path | None, label: str) -> None:
    digest.update(f"\0{label}:{folder}\0".encode())
    if folder is None or not folder.is_dir():
        return
    for path in _files(folder):
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        try:
            digest.update(hashlib.blake2b(path.read_bytes()).digest())
        except OSError:
            digest.update(b"unreadable")


def build_key(settings: Settings, today: date) -> str:
    """The cache key: a hash of every input of :func:`~privacy_pages.site.build_site`."""
    digest = hashlib.blake2b(digest_size=_KEY_LENGTH // 2)
    digest.update(f"{__version__}\0{sys.version}\0{pickle.HIGHEST_PROTOCOL}\0".encode())
    digest.update(repr(settings).encode())
    digest.update(f"\0{today.isoformat()}\0{build_date().isoformat()}\0".encode())
    _hash_folder(digest, settings.content_dir, "content")
    _hash_folder(digest, settings.templates_dir, "templates")
    _hash_folder(digest, default_templates_dir(), "packaged templates")
    _hash_folder(digest, PACKAGE_DIR, "code")
    return digest.hexdigest()


def cached_build(settings: Settings, folder: Path, *, today: date | None = None) -> SiteBuild:
    """:func:`~privacy_pages.site.build_site` for a one-shot build (no records kept), or the
    build kept in ``folder`` if its inputs have not changed since. ``timings`` then has one
    phase, ``cache``: the time to check the key and read the build."""
    times = PhaseTimes()
    with times.phase("cache"):
        today = today or date.today()
        key = build_key(settings, today)
        kept = _read(folder / FILE_NAME, key)
    if kept is not None:
        kept.timings = times
        return kept
    build = build_site(settings, today=today, keep_records=False)
    if build.ok:
        with build.timings.phase("cache"):
            _write(folder / FILE_NAME, key, build)
    return build


def _read(path: Path, key: str) -> SiteBuild | None:
    try:
        with path.open("rb") as stream:
            if stream.readline().rstrip(b"\n") != key.encode():
                return None
            build = pickle.load(stream)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        return None  # no cache, a stale or damaged one: build again
    return build if isinstance(build, SiteBuild) else None


def _write(path: Path, key: str, build: SiteBuild) -> None:
    """Write atomically (a concurrent build reads the old file or the new one, never half of
    one). A folder that cannot be written only means no cache."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".build-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(key.encode() + b"\n")
                pickle.dump(build, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
