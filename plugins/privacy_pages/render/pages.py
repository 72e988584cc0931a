"""Generated pages: what the core hands to any site generator.

Everything here returns plain data — Markdown text and paths relative to the site's docs
folder — so the MkDocs plugin, the CLI and any other adapter produce the same pages.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from ..compare.comparison import Collection
from ..diagnostics import Diagnostic, Location
from ..history.releases import History
from ..memo import memoized
from ..model import SECTIONS, Dataset, Product
from ..model.sections import empty_statement
from ..settings import Settings
from .field_reference import field_reference
from .history_pages import changes_page_path, product_context, render_changes_page
from .lint_reference import lint_rules
from .templates import render

#: The title of the "What changed" page (with a release history).
CHANGES_TITLE = "What changed"


@dataclass(frozen=True)
class GeneratedPage:
    """One page of Markdown to be placed at ``path`` (relative to the docs folder)."""

    path: str
    markdown: str
    title: str
    #: The content file the page is generated from (for "edit this page"), if any.
    source: Path | None = None
    product_id: str | None = None


def product_page_path(settings: Settings, product_id: str) -> str:
    return f"{settings.pages_dir}/{product_id}.md"


@memoized(16384)  # pages link the same pages many times (index, comparisons)
def relative_link(from_page: str, to_page: str) -> str:
    """A relative ``.md`` link between two pages of the docs folder."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def front_matter(product: Product, settings: Settings) -> dict[str, object]:
    """The normalized metadata of a product page, with the product id added."""
    meta: dict[str, object] = {"title": product.name}
    meta.update(product.metadata)
    meta["product_id"] = product.id
    return meta


#: libyaml's emitter: for plain ASCII text it writes what PyYAML's own writes, five times faster.
_FAST_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _ascii_text(value: object) -> bool:
    if isinstance(value, list):
        return all(_ascii_text(entry) for entry in value)
    return isinstance(value, str) and value.isascii() and value.isprintable()


def yaml_header(data: Mapping[str, object]) -> str:
    """Front matter as YAML (one key per line, in order, Unicode as is). Values that are not all
    printable ASCII text go through PyYAML's own emitter, whose quoting the pages keep."""
    simple = all(_ascii_text(key) and _ascii_text(value) for key, value in data.items())
    dumper = _FAST_DUMPER if simple else yaml.SafeDumper
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=10_000)


def last_updated(product: Product, settings: Settings) -> str | None:
    """The page's date: the first metadata key the site declares as a date."""
    for key, kind in settings.metadata.types.items():
        if kind == "date" and key in product.metadata:
            return str(product.metadata[key])
    return None


def render_product(
    product: Product,
    dataset: Dataset,
    settings: Settings,
    history: History | None = None,
    today: date | None = None,
) -> GeneratedPage:
    """The Markdown page of one product (``history`` fills its "Change history" section)."""
    path = product_page_path(settings, product.id)
    body = render(
        "product.md.j2",
        settings.templates_dir,
        product=product,
        dataset=dataset,
        sections=SECTIONS,
        empty_statement=lambda section_id: empty_statement(product, section_id),
        last_updated=last_updated(product, settings),
        category_name=dataset.category_name,
        **product_context(history, product, settings, today),
    )
    header = yaml_header(front_matter(product, settings))
    return GeneratedPage(
        path=path,
        markdown=f"---\n{header}---\n\n{body}",
        title=product.name,
        source=product.file,
        product_id=product.id,
    )


def render_pages(
    dataset: Dataset,
    settings: Settings,
    history: History | None = None,
    today: date | None = None,
    collection: Collection | None = None,
) -> list[GeneratedPage]:
    """Every generated page of the site, in a stable order (that of :func:`plan_pages`).

    With a release ``history``, the site also gets the "What changed" page; ``today`` decides
    which items are marked as recently updated.
    """
    return list(iter_pages(dataset, settings, history, today, collection))


def iter_pages(
    dataset: Dataset,
    settings: Settings,
    history: History | None = None,
    today: date | None = None,
    collection: Collection | None = None,
) -> Iterator[GeneratedPage]:
    """:func:`render_pages` one page at a time, so that a caller can write each page and let it
    go before the next one is rendered."""
    yield from iter_statement_pages(dataset, settings, history, today)
    # The comparison pages and the data-item index (built from a Collection computed once).
    from .comparison_pages import iter_comparison_pages  # it builds on this module

    yield from iter_comparison_pages(collection or Collection(dataset), settings)


def iter_statement_pages(
    dataset: Dataset,
    settings: Settings,
    history: History | None = None,
    today: date | None = None,
) -> Iterator[GeneratedPage]:
    """The first pages of :func:`iter_pages`: a page per product, and the "What changed" page
    (with a release history). They need no :class:`~privacy_pages.comparison.Collection`."""
    for pid in sorted(dataset.products):
        yield render_product(dataset.products[pid], dataset, settings, history, today)
    if history:
        yield GeneratedPage(
            path=changes_page_path(settings),
            markdown=render_changes_page(history, dataset, settings),
            title=CHANGES_TITLE,
        )


@dataclass(frozen=True)
class PlannedPage:
    """A page a build will generate, known before it is rendered: enough for a site generator
    to list the page (its file and nav entry) while the page itself is still being rendered."""

    path: str
    title: str
    source: Path | None = None
    product_id: str | None = None


def plan_pages(
    dataset: Dataset, settings: Settings, history: History | None = None
) -> list[PlannedPage]:
    """The pages :func:`render_pages` generates, in its order, without rendering them."""
    from .comparison_pages import planned_comparison_pages  # it builds on this module

    plan = [
        PlannedPage(
            path=product_page_path(settings, product.id),
            title=product.name,
            source=product.file,
            product_id=product.id,
        )
        for product in (dataset.products[pid] for pid in sorted(dataset.products))
    ]
    if history:
        plan.append(PlannedPage(path=changes_page_path(settings), title=CHANGES_TITLE))
    plan.extend(planned_comparison_pages(dataset, settings))
    return plan


# -- blocks inside hand-written pages -----------------------------------------------------------

MARKER = re.compile(r"<!--\s*privacy-pages:\s*([a-z-]+)((?:\s+[a-z0-9-]+)*)\s*-->")

BlockRenderer = Callable[[Dataset, Settings, str, list[str]], str]


def product_list(dataset: Dataset, settings: Settings, page: str, args: list[str]) -> str:
    """A table of every product with its summary and counts of required and optional items."""
    rows = []
    for product in sorted(dataset.products.values(), key=lambda p: (p.family or "", p.name)):
        rows.append(
            {
                "product": product,
                "link": relative_link(page, product_page_path(settings, product.id)),
                "required": len(product.required.items),
                "optional": len(product.optional.items),
            }
        )
    return render("product-list.md.j2", settings.templates_dir, rows=rows)


def comparison_list(dataset: Dataset, settings: Settings, page: str, args: list[str]) -> str:
    """Links to the comparison pages, the data-item index and the downloads."""
    from .comparison_pages import comparison_list as render_list  # it builds on this module

    return render_list(dataset, settings, page, args)


BLOCKS: dict[str, BlockRenderer] = {
    "products": product_list,
    "comparisons": comparison_list,
    "field-reference": field_reference,
    "lint-rules": lint_rules,
}


def expand_blocks(
    markdown: str, page: str, dataset: Dataset, settings: Settings, source: str
) -> tuple[str, list[Diagnostic]]:
    """Replace ``<!-- privacy-pages: NAME args -->`` markers in a hand-written page."""

    def render_block(name: str, args: list[str]) -> str:
        return BLOCKS[name](dataset, settings, page, args)

    return substitute_blocks(markdown, source, render_block)


def substitute_blocks(
    markdown: str, source: str, render_block: Callable[[str, list[str]], str]
) -> tuple[str, list[Diagnostic]]:
    """Replace the block markers in ``markdown`` (the text of ``source``) with what
    ``render_block(name, args)`` returns; an unknown name is a problem."""
    problems: list[Diagnostic] = []

    def replace(match: re.Match[str]) -> str:
        name, args = match.group(1), match.group(2).split()
        if name not in BLOCKS:
            line = markdown.count("\n", 0, match.start()) + 1
            problems.append(
                Diagnostic(
                    Location(source, line, 1),
                    f"expected a block name ({', '.join(sorted(BLOCKS))}), found {name!r}",
                    "unknown-block",
                )
            )
            return match.group(0)
        return render_block(name, args)

    return MARKER.sub(replace, markdown), problems


#: A block in a hand-written page: (the page's path, the block's name, its arguments).
BlockKey = tuple[str, str, tuple[str, ...]]


def block_keys(markdown: str, page: str) -> list[BlockKey]:
    """The blocks of known names in the hand-written page ``page``, in order."""
    keys = []
    for match in MARKER.finditer(markdown):
        if match.group(1) in BLOCKS:
            keys.append((page, match.group(1), tuple(match.group(2).split())))
    return keys


def render_blocks(
    dataset: Dataset, settings: Settings, sources: Iterable[tuple[str, str]]
) -> dict[BlockKey, str]:
    """Every block in the hand-written pages ``sources`` (page path, file), rendered ahead,
    for a site generator that has no dataset when it reads the pages (see
    :mod:`privacy_pages.background`). A page that cannot be read here, or a block that fails,
    is left out: the generator renders it when it reads the page, and reports what fails."""
    blocks: dict[BlockKey, str] = {}
    for page, file in sources:
        try:
            text = Path(file).read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for key in block_keys(text, page):
            if key in blocks:
                continue
            try:
                blocks[key] = BLOCKS[key[1]](dataset, settings, page, list(key[2]))
            except Exception:  # rendered again, and reported, where the generator reads the page
                continue
    return blocks
