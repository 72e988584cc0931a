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
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import BinaryIO

from . import __version__
from .history import build_date
from .pages import GeneratedPage
from .settings import Settings
from .site import SiteBuild, check_build, collector_paused, generate
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


class BuildCache:
    """The kept build of one site: its file in ``folder`` and the key of the current inputs."""

    def __init__(self, settings: Settings, folder: Path, today: date | None = None) -> None:
        self.settings = settings
        self.today = today or date.today()
        self.path = folder / FILE_NAME
        self.key = build_key(settings, self.today)

    def read(self) -> SiteBuild | None:
        """The kept build, if there is one for the current key (else None)."""
        return _read(self.path, self.key)

    def writer(self) -> CacheWriter:
        """A writer that keeps a build's pages one at a time, as they are rendered."""
        return CacheWriter(self.path, self.key)


class CacheWriter:
    """Writes a build to the cache as it is made: each page as it is rendered (so that no one
    holds every page at once), then the rest of the build. Nothing replaces the kept build until
    :meth:`commit`; a folder that cannot be written only means no cache."""

    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self._stream: BinaryIO | None = None
        self._temporary = ""
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, self._temporary = tempfile.mkstemp(
                dir=path.parent, prefix=".build-", suffix=".tmp"
            )
            self._stream = os.fdopen(handle, "wb")
            self._stream.write(key.encode() + b"\n")

    def add(self, page: GeneratedPage) -> None:
        self._dump(page)

    def commit(self, build: SiteBuild) -> None:
        """Keep ``build`` (its pages are those added; a build with errors is not kept)."""
        if not build.ok:
            self.abandon()
            return
        self._dump(replace(build, pages=[]))
        if self._stream is None:
            return
        try:
            self._stream.close()
            self._stream = None
            os.replace(self._temporary, self.path)  # atomic: readers see the old or the new
        except OSError:
            self.abandon()

    def abandon(self) -> None:
        if self._stream is not None:
            with contextlib.suppress(OSError):
                self._stream.close()
            self._stream = None
        if self._temporary:
            with contextlib.suppress(OSError):
                os.unlink(self._temporary)

    def _dump(self, value: object) -> None:
        if self._stream is None:
            return
        try:
            pickle.dump(value, self._stream, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError:
            self.abandon()


def cached_build(settings: Settings, folder: Path, *, today: date | None = None) -> SiteBuild:
    """:func:`~privacy_pages.site.build_site` for a one-shot build (no records kept), or the
    build kept in ``folder`` if its inputs have not changed since. ``timings`` then has one
    phase, ``cache``: the time to check the key and read the build."""
    times = PhaseTimes()
    with times.phase("cache"):
        cache = BuildCache(settings, folder, today)
        kept = cache.read()
    if kept is not None:
        kept.timings = times
        return kept
    with collector_paused():
        build = check_build(settings, today=cache.today, keep_records=False)
        build.timings["cache"] = times["cache"]
        writer = cache.writer()
        for page in generate(build, cache.today):
            build.pages.append(page)
            with build.timings.phase("cache"):
                writer.add(page)
        with build.timings.phase("cache"):
            writer.commit(build)
    return build


def _read(path: Path, key: str) -> SiteBuild | None:
    """The build kept at ``path`` under ``key``: its pages, one pickle each, then the rest of
    the build. None for no file, another key, or a damaged or truncated file."""
    pages: list[GeneratedPage] = []
    try:
        with path.open("rb") as stream:
            if stream.readline().rstrip(b"\n") != key.encode():
                return None
            while isinstance(kept := pickle.load(stream), GeneratedPage):
                pages.append(kept)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        return None  # no cache, a stale or damaged one: build again
    if not isinstance(kept, SiteBuild):
        return None
    kept.pages = pages
    return kept
