"""``privacy-pages new``: start a product or a catalog item from a commented scaffold.

The scaffolds (``privacy_pages/scaffolds/``) are valid records with a TODO in every place a
writer has to fill in; the ``placeholder-text`` lint rule keeps reporting them until they are
gone. Existing files are never overwritten.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Mapping
from datetime import date
from importlib import resources
from pathlib import Path

from ..atomic_write import write_text_atomically
from ..diagnostics import display_path
from ..hints import did_you_mean_of_all
from ..load.content import load_content
from ..load.discovery import DEVICE_NAMES, unsafe_name_characters
from ..load.schema import schema_document, whole_value_patterns
from ..load.yaml_source import LocatedMapping, LocatedSequence, YamlFault, parse_text
from ..model import Dataset
from ..settings import Settings
from .common import CommandError, UsageError, add_site_arguments, site_settings

#: Where editors find the schemas, relative to the site's folder (``privacy-pages schema``).
SCHEMA_DIR = "schemas"
_TOKEN = re.compile(r"\{\{ (\w+) \}\}")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "new",
        help="create a product or a catalog item from a commented scaffold",
        description="Create a new record that is valid, commented and ready to fill in. "
        "Existing files and ids are never overwritten.",
    )
    kinds = parser.add_subparsers(dest="record", metavar="RECORD", required=True)
    product = kinds.add_parser(
        "product",
        help="create content/products/ID.yml",
        description="Create content/products/ID.yml: a product record with every section, a "
        "TODO wherever you have to write, and the front-matter keys the site requires.",
    )
    product.add_argument("id", metavar="ID", help="the product's id, like 'contoso-widget-ios'")
    product.add_argument(
        "--name",
        help="the product's full name (default: from the id); a trailing platform, as in "
        "'Contoso Widget for iOS', 'on Android' or '(Windows)', sets the platform, and the rest "
        "of the name is the family",
    )
    product.add_argument(
        "--category",
        metavar="CATEGORY",
        help="the category of the first group of required data (default: the first category)",
    )
    add_site_arguments(product)
    product.set_defaults(run=run_product)

    item = kinds.add_parser(
        "item",
        help="add an item to the shared catalog",
        description="Add a data item to the shared catalog: to content/catalog/FILE.yml with "
        "--file (the file is created if missing), else in a new file content/catalog/ID.yml. "
        "Without --category, the command lists the site's categories and asks for one when it "
        "runs in a terminal, and otherwise stops (exit code 2).",
    )
    item.add_argument("id", metavar="ID", help="the item's id, like 'device-identifier'")
    item.add_argument("--name", help="the item's name (default: from the id)")
    item.add_argument(
        "--category",
        metavar="CATEGORY",
        help="its category, an id from content/categories.yml (asked for when left out in a "
        "terminal)",
    )
    item.add_argument(
        "--file",
        metavar="FILE",
        help="the catalog file to append to, by name (for example 'device' for "
        "content/catalog/device.yml)",
    )
    add_site_arguments(item)
    item.set_defaults(run=run_item)


class Refused(CommandError):
    """The command would overwrite something, or cannot work on this content: exit code 1."""


# -- filling scaffolds --------------------------------------------------------------------------


def scaffold(name: str, values: Mapping[str, str]) -> str:
    """A packaged scaffold with its ``{{ token }}`` placeholders filled in."""
    text = resources.files("privacy_pages").joinpath("scaffolds", name).read_text("utf-8")
    return _TOKEN.sub(lambda match: values[match.group(1)], text)


def quoted(text: str) -> str:
    """Text as a YAML scalar that stays text (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def schema_line(target: Path, settings: Settings, kind: str) -> str:
    """The comment that points editors (VS Code with the YAML extension) at the schema."""
    schema = settings.content_dir.parent / SCHEMA_DIR / f"{kind}.schema.json"
    relative = Path(os.path.relpath(schema, target.parent)).as_posix()
    return f"# yaml-language-server: $schema={relative}"


def name_from_id(record_id: str) -> str:
    return record_id.replace("-", " ").capitalize()


#: Platforms a product's name may end with, as they are usually spelled. A version may follow
#: ("Windows 11"), and several may be joined ("iOS and Android").
PLATFORMS = (
    "iOS",
    "iPadOS",
    "iPhone",
    "iPad",
    "Android",
    "Windows",
    "macOS",
    "Mac",
    "Linux",
    "ChromeOS",
    "watchOS",
    "visionOS",
    "web",
)
_ONE_PLATFORM = rf"(?:{'|'.join(PLATFORMS)})(?: \d[\w.]*)?"
_PLATFORMS = rf"(?:the )?{_ONE_PLATFORM}(?:(?:, | and | & ){_ONE_PLATFORM})*"
_PLATFORM_SUFFIX = re.compile(
    rf"(?P<family>.+?)(?: (?:for|on) (?P<words>{_PLATFORMS})| \((?P<parens>{_PLATFORMS})\))\Z",
    re.IGNORECASE,
)


def product_name_from_id(record_id: str) -> str:
    """A product's name from its id: ``contoso-widget-ios`` → ``Contoso widget for iOS``."""
    head, _, last = record_id.rpartition("-")
    spelled = {platform.lower(): platform for platform in PLATFORMS}
    if head and last in spelled:
        return f"{name_from_id(head)} for {spelled[last]}"
    return name_from_id(record_id)


def family_and_platform(name: str) -> tuple[str, str | None]:
    """A product's family and platform, from a name that ends with its platform.

    ``Contoso Widget for iOS``, ``Contoso Widget on Android`` and ``Contoso Widget (Windows)``
    are of the family ``Contoso Widget``; a name without a platform part is its own family.
    """
    match = _PLATFORM_SUFFIX.match(name.strip())
    if match is None:
        return name.strip(), None
    platform = match.group("words") or match.group("parens")
    return match.group("family").strip(), re.sub(r"(?i)\Athe ", "", platform)


def check_id(record_id: str) -> None:
    pattern = whole_value_patterns(schema_document()["$defs"]["id"])["pattern"]
    if not re.search(pattern, record_id):  # to its \Z: the whole value
        raise UsageError(
            f"expected an id of lowercase letters, digits and hyphens (like 'device-id'), "
            f"found {record_id!r}"
        )


def check_name(name: str | None) -> str | None:
    """A name given on the command line: one line of printable text."""
    if name is not None and (not name.strip() or not name.isprintable()):
        raise UsageError(f"expected a name on one line, found {name!r}")
    return name.strip() if name else None


def pick_category(dataset: Dataset, wanted: str | None) -> str:
    """The category given, or the first one when none is."""
    _check_categories(dataset)
    if wanted is None:
        return next(iter(dataset.categories))
    return _known_category(dataset, wanted)


def ask_category(dataset: Dataset, wanted: str | None) -> str:
    """The category given; without one, ask in a terminal, and refuse to guess elsewhere."""
    _check_categories(dataset)
    if wanted is not None:
        return _known_category(dataset, wanted)
    if not sys.stdin.isatty():
        raise UsageError(
            f"expected --category with one of the site's categories: {_listing(dataset)}"
        )
    ids = list(dataset.categories)
    print("The site's categories:", file=sys.stderr)
    for number, (category_id, category) in enumerate(dataset.categories.items(), 1):
        print(f"  {number:>2}. {category_id}: {category.name}", file=sys.stderr)
    for _ in range(3):
        print("Category of the new item (number or id): ", end="", file=sys.stderr, flush=True)
        answer = sys.stdin.readline()
        if not answer:  # end of input
            break
        answer = answer.strip()
        if answer.isdigit() and 1 <= int(answer) <= len(ids):
            return ids[int(answer) - 1]
        if answer in dataset.categories:
            return answer
        print(f"expected a number from 1 to {len(ids)} or a category id", file=sys.stderr)
    raise UsageError("no category chosen; give one with --category")


def _check_categories(dataset: Dataset) -> None:
    if not dataset.categories:
        raise Refused(
            "no categories found; create content/categories.yml first (see the writer's guide)"
        )


def _listing(dataset: Dataset) -> str:
    return ", ".join(dataset.categories)


def _known_category(dataset: Dataset, wanted: str) -> str:
    if wanted not in dataset.categories:
        hint = did_you_mean_of_all(wanted, dataset.categories)
        raise UsageError(f"unknown category {wanted!r}{hint}; known: {_listing(dataset)}")
    return wanted


def metadata_block(settings: Settings, name: str, today: date) -> str:
    """The front-matter keys the site requires, with a value or a TODO for each."""
    lines = []
    keys = list(dict.fromkeys(("title", "description", *settings.metadata.required)))
    for key in keys:
        kind = settings.metadata.type_of(key)
        if key == "title":
            value = quoted(name)
        elif kind == "date":
            value = today.isoformat()
        elif kind == "list":
            value = f"[{quoted('TODO')}]"
        else:
            value = quoted(f"TODO {key}")
        lines.append(f"  {key}: {value}")
    return "\n".join(lines)


def _load(settings: Settings) -> Dataset:
    if not settings.content_dir.is_dir():
        raise UsageError(f"content folder not found: {settings.content_dir}")
    dataset, _ = load_content(settings.content_dir, settings.metadata)
    return dataset


def _write_new(target: Path, text: str, root: Path) -> None:
    """A new file, whole or not at all, never over one that exists."""
    try:
        write_text_atomically(target, text, root, replace_existing=False)
    except FileExistsError:
        raise Refused(f"{display_path(target)} already exists; refusing to overwrite it") from None


# -- the commands -------------------------------------------------------------------------------


def run_product(args: argparse.Namespace, today: date | None = None) -> int:
    check_id(args.id)
    settings = site_settings(args)
    dataset = _load(settings)
    target = settings.content_dir / "products" / f"{args.id}.yml"
    if target.exists():
        raise Refused(f"{display_path(target)} already exists; refusing to overwrite it")
    if args.id in dataset.products:
        where = dataset.products[args.id].source
        raise Refused(f"product {args.id!r} already exists at {where}")
    name = check_name(args.name) or product_name_from_id(args.id)
    family, platform = family_and_platform(name)
    category = pick_category(dataset, args.category)
    text = scaffold(
        "product.yml",
        {
            "schema_line": schema_line(target, settings, "product"),
            "id": args.id,
            "name_yaml": quoted(name),
            "name_text": name,
            "family_yaml": quoted(family),
            "platform_yaml": quoted(platform or "TODO platform"),
            "summary_yaml": quoted(f"TODO one sentence that says what {name} is."),
            "no_optional_yaml": quoted(f"TODO {name} collects no optional data."),
            "never_collected_yaml": quoted(
                f"TODO write that {name} collects no data beyond what is listed above."
            ),
            "metadata": metadata_block(settings, name, today or date.today()),
            "category": category,
            "categories": ", ".join(dataset.categories),
        },
    )
    _write_new(target, text, settings.content_dir)
    print(f"created {display_path(target)}; fill in the TODOs, then run 'privacy-pages validate'")
    return 0


def run_item(args: argparse.Namespace) -> int:
    check_id(args.id)
    settings = site_settings(args)
    dataset = _load(settings)
    if args.id in dataset.catalog:
        where = dataset.catalog[args.id].source
        raise Refused(f"catalog item {args.id!r} already exists at {where}")
    file_name = args.file or args.id
    if file_name.endswith((".yml", ".yaml")):
        file_name = file_name.rsplit(".", 1)[0]
    if (
        not file_name
        or "/" in file_name
        or "\\" in file_name
        or file_name.startswith(".")
        or unsafe_name_characters(file_name)
        or file_name.split(".", 1)[0].lower() in DEVICE_NAMES
    ):
        raise UsageError(f"expected a file name in content/catalog/, found {args.file!r}")
    target = settings.content_dir / "catalog" / f"{file_name}.yml"
    if not args.file and target.exists():
        raise Refused(f"{display_path(target)} already exists; refusing to overwrite it")
    name = check_name(args.name) or name_from_id(args.id)
    category = ask_category(dataset, args.category)
    values = {
        "schema_line": schema_line(target, settings, "catalog"),
        "id": args.id,
        "name_yaml": quoted(name),
        "category": category,
        "categories": ", ".join(dataset.categories),
    }
    entry = scaffold("item.yml", values)
    if args.file and target.exists():
        _append_item(target, entry, settings.content_dir)
        action = "added"
    else:
        _write_new(target, scaffold("catalog.yml", values) + entry, settings.content_dir)
        action = "created"
    print(f"{action} catalog item {args.id!r} in {display_path(target)}; fill in the TODOs")
    return 0


_ENTRY = re.compile(r"^( *)- ", re.MULTILINE)


def _append_item(target: Path, entry: str, root: Path) -> None:
    """Append an entry to a catalog file's ``items`` list, with the file's own indentation."""
    text = target.read_text("utf-8")
    display = display_path(target)
    try:
        data = parse_text(text, display)
    except YamlFault as fault:
        raise Refused(f"cannot add to {display}: {fault.diagnostic}") from None
    items = data.get("items") if isinstance(data, LocatedMapping) else None
    if not isinstance(items, LocatedSequence) or not items:
        raise Refused(f"cannot add to {display}: expected an 'items:' list of catalog items")
    first_line = text.splitlines()[items.where(0).line - 1]
    match = _ENTRY.match(first_line)
    if match is None:
        raise Refused(f"cannot add to {display}: its items are not a block list ('- id: ...')")
    indent = match.group(1)
    lines = [(indent + line[2:]) if line.startswith("  ") else line for line in entry.split("\n")]
    updated = text + ("" if text.endswith("\n") else "\n") + "\n".join(lines)
    try:
        check = parse_text(updated, display)
    except YamlFault as fault:  # pragma: no cover - the entry is indented like the others
        raise Refused(f"cannot add to {display}: {fault.diagnostic}") from None
    if len(check["items"]) != len(items) + 1:  # pragma: no cover - same reason
        raise Refused(f"cannot add to {display}: the new entry would not join its items list")
    write_text_atomically(target, updated, root)
