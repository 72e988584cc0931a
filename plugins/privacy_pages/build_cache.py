"""A build kept on disk, reused while nothing it was made from has changed.

A site's hand-written pages change far more often than its records: a ``mkdocs build`` after
editing a guide should not parse, validate and render hundreds of products again. The cache
holds the last build's result (its plan, pages, downloads and problems, and the blocks of the
hand-written pages) under a key made of everything the build reads: every file in the
content folder, the templates, the settings, the package's own code, the dates the lint rules
and "Updated in" marks judge by, and the Python version. Any change to any of them means a full
build; there is no partial reuse that could go stale. A build with errors is never kept. A
block depends only on those and on the page's path, which keys it; for a block the cache does
not have (a page gained one), the plugin loads the content. The model is not kept: unpickling it
would cost a warm build more than loading the content costs the rare build that needs it.

A kept build is read as it is written, a page at a time: reading it holds no more than one page.

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
import secrets
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from . import __version__
from .delivery import Plan
from .diagnostics import Diagnostics
from .history import build_date
from .pages import BlockKey, GeneratedPage
from .settings import Settings
from .site import SiteBuild
from .spool import Spool
from .templates import default_templates_dir

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

    def read(self) -> KeptBuild | None:
        """The kept build, if there is one for the current key (else None): its plan and
        blocks; :meth:`KeptBuild.unpack` writes its pages."""
        return KeptBuild.open(self.path, self.key)

    def writer(self, temporary: Path | None = None) -> CacheWriter:
        """A writer that keeps a build's pages one at a time, as they are rendered, in
        ``temporary`` (default: a new file in the cache folder) until it commits them."""
        return CacheWriter(self.path, self.key, temporary)

    def temporary_path(self) -> Path:
        """A new name for a build being written, in the cache folder."""
        return self.path.parent / f".build-{os.getpid()}-{secrets.token_hex(8)}.tmp"


@dataclass
class _Asset:
    """A download: its text follows in pieces (each a ``str``), then ``None``."""

    path: str


@dataclass
class _End:
    """After the pages and downloads: the build's problems."""

    problems: Diagnostics


class CacheWriter:
    """Writes a build to the cache as it is made (so that no one holds every page at once):
    the plan and the blocks, each page as it is rendered, the downloads, then the problems.
    Nothing replaces the kept build until :meth:`commit`; a folder that cannot be
    written only means no cache."""

    def __init__(self, path: Path, key: str, temporary: Path | None = None) -> None:
        self.path = path
        self._stream: BinaryIO | None = None
        self._temporary = ""
        self._asset_open = False
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            if temporary is None:
                handle, self._temporary = tempfile.mkstemp(
                    dir=path.parent, prefix=".build-", suffix=".tmp"
                )
            else:
                flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
                handle, self._temporary = os.open(temporary, flags, 0o600), str(temporary)
            self._stream = os.fdopen(handle, "wb")
            self._stream.write(key.encode() + b"\n")

    def plan(self, plan: Plan, blocks: dict[BlockKey, str]) -> None:
        self._dump(plan)
        self._dump(blocks)

    def add(self, page: GeneratedPage) -> None:
        self._dump(page)

    def begin_asset(self, path: str) -> None:
        """Start a download, whose text :meth:`add_chunk` adds a piece at a time."""
        if self._asset_open:
            self._dump(None)
        self._dump(_Asset(path))
        self._asset_open = True

    def add_chunk(self, text: str) -> None:
        self._dump(text)

    def commit(self, build: SiteBuild) -> None:
        """Keep ``build`` (its pages and downloads are those added; a build with errors is not
        kept)."""
        if not build.ok:
            self.abandon()
            return
        if self._asset_open:
            self._dump(None)
            self._asset_open = False
        self._dump(_End(build.problems))
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


#: What reading a damaged, truncated or foreign cache file can raise.
@dataclass
class KeptBuild:
    """A build kept in the cache: its plan and blocks are read; its pages, downloads and
    problems are read when asked for, a page at a time, from the file as it was opened (a
    build that replaces it meanwhile does not matter)."""

    stream: BinaryIO
    plan: Plan
    blocks: dict[BlockKey, str]

    @classmethod
    def open(cls, path: Path, key: str) -> KeptBuild | None:
        """The build kept at ``path`` under ``key``; None for no file, another key, or a
        damaged file."""
        try:
            stream = path.open("rb")
        except OSError:
            return None  # no cache: build
        try:
            if stream.readline().rstrip(b"\n") == key.encode():
                plan = pickle.load(stream)
                blocks = pickle.load(stream)
                if isinstance(plan, Plan) and isinstance(blocks, dict):
                    return cls(stream, plan, blocks)
        except Exception:  # a stale or damaged cache (unpickling can raise anything): build
            pass
        stream.close()
        return None

    def unpack(self, spool: Spool) -> Diagnostics | None:
        """Write every kept page and download to ``spool``, one at a time (a download in
        pieces); return the build's problems. None: the file is damaged (what was written is
        incomplete: build again)."""
        write, open_file = spool.write, spool.open
        try:
            with self.stream as stream:
                while True:
                    kept = pickle.load(stream)
                    if isinstance(kept, GeneratedPage):
                        write(kept.path, kept.markdown)
                    elif isinstance(kept, _Asset):
                        with open_file(kept.path) as target:
                            while isinstance(chunk := pickle.load(stream), str):
                                target.write(chunk)
                    else:
                        break
        except Exception:  # damaged (unpickling can raise anything): build again
            return None
        return kept.problems if isinstance(kept, _End) else None

    def close(self) -> None:
        """Let the file go (a build that ends before :meth:`unpack`)."""
        self.stream.close()
