"""Which files of a content folder are records, and of which kind: found by where they live."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from ..diagnostics import Diagnostics, Location, display_path

YAML_SUFFIXES = (".yml", ".yaml")
#: Names Windows keeps for devices: no file or folder can have them (with any extension), so
#: no id that becomes a file name may be one. ``index`` and ``readme`` would become the page of
#: the folder they are in.
DEVICE_NAMES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)
FOLDER_PAGE_NAMES = frozenset({"index", "readme"})
#: Characters a record's file name may not hold: its name goes into URLs and HTML attributes
#: (the "edit this page" link), where quotes, angle brackets, ampersands and backslashes
#: change what is around them, and into terminals and logs, where control characters do.
_UNSAFE_IN_NAMES = frozenset("\"'<>&\\`")


def unsafe_name_characters(name: str) -> list[str]:
    """The characters of ``name`` a record's file name may not hold, each once, in order."""
    found: list[str] = []
    for character in name:
        unsafe = character in _UNSAFE_IN_NAMES or unicodedata.category(character) in (
            "Cc",
            "Cf",
            "Zl",
            "Zp",
        )
        if unsafe and character not in found:
            found.append(character)
    return found


def record_kind(relative: Path) -> str | None:
    """Which kind of record a content file holds, from where it lives."""
    parts = relative.parts
    if len(parts) == 1 and relative.stem == "categories":
        return "categories"
    if len(parts) == 2 and parts[0] == "catalog":
        return "catalog"
    if len(parts) == 2 and parts[0] == "products":
        return "product"
    if len(parts) == 1 and relative.stem == "comparisons":
        return "comparisons"
    if len(parts) == 1 and relative.stem == "stores":
        return "stores"
    if len(parts) >= 3 and parts[0] == "translations":  # translations/<language>/<record>
        return "translation"
    return None


def discover(content_dir: Path, problems: Diagnostics) -> list[tuple[Path, str, str]]:
    """Every YAML file in the content folder, in a stable order: (path, display, kind)."""
    found: list[tuple[Path, str, str]] = []
    root = content_dir.resolve()

    def unreadable(error: OSError) -> None:  # os.walk would skip the folder without a word
        where = Path(error.filename) if error.filename else content_dir
        problems.error(
            Location(display_path(where)),
            f"expected a folder the build can read, found one it cannot ({error.strerror}); "
            "its records would be left out, so give the build permission to read it",
            rule="path",
        )

    for dirpath, dirnames, filenames in os.walk(content_dir, onerror=unreadable, followlinks=False):
        dirnames.sort()
        base = Path(dirpath)
        for dirname in list(dirnames):
            if dirname.startswith("."):
                dirnames.remove(dirname)
                continue
            target = base / dirname
            if target.is_symlink():  # never followed: its files would be silently ignored
                outside = links_outside(target, root)
                problems.error(
                    Location(display_path(target)),
                    "symbolic link leads outside the content folder; refused"
                    if outside
                    else "symbolic link to a folder; folders are not followed, so move the "
                    "files here instead of linking the folder",
                    rule="path",
                )
                dirnames.remove(dirname)
        folded: dict[str, str] = {}
        for name in sorted(filenames):
            path = base / name
            if name.startswith(".") or not name.lower().endswith(YAML_SUFFIXES):
                continue
            display = display_path(path)
            if name.split(".", 1)[0].lower() in DEVICE_NAMES:
                problems.error(
                    Location(display),
                    f"expected a file name every system can have, found {name!r} (Windows "
                    "keeps that name for a device, so the repository cannot be checked out "
                    "there); rename the file",
                    rule="path",
                )
                continue
            unsafe = unsafe_name_characters(name)
            if unsafe:
                problems.error(
                    Location(display),
                    f"expected a file name a URL and an HTML attribute can carry, found "
                    f"{', '.join(map(repr, unsafe))} in {name!r}; rename the file (letters, "
                    "digits, '-', '_' and '.' are safe everywhere)",
                    rule="path",
                )
                continue
            twin = folded.setdefault(unicodedata.normalize("NFC", name).casefold(), name)
            if twin != name:
                problems.error(
                    Location(display),
                    f"file name differs from {twin!r} only in letter case or in how its "
                    "accents are written (Unicode normalization); on Windows and macOS one "
                    "would replace the other, so rename one",
                    rule="path",
                )
                continue
            if links_outside(path, root):
                problems.error(
                    Location(display),
                    "symbolic link leads outside the content folder; refused",
                    rule="path",
                )
                continue
            relative = path.relative_to(content_dir)
            kind = record_kind(relative)
            if kind is None:
                problems.error(
                    Location(display),
                    "expected a content file at categories.yml, catalog/*.yml, products/*.yml "
                    "comparisons.yml, stores.yml or translations/<language>/<record path>, "
                    f"found {relative.as_posix()}; move or remove it so it is not ignored",
                    rule="unknown-file",
                )
                continue
            found.append((path, display, kind))
    return found


def links_outside(path: Path, root: Path) -> bool:
    """Whether ``path`` is a symbolic link that resolves outside ``root`` (a resolved folder):
    such links are refused, whatever they point at."""
    if not path.is_symlink():
        return False
    try:
        return not _inside(path.resolve(), root)
    except (RuntimeError, OSError):  # a loop of links leads nowhere: refused as well
        return True


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True
