"""Blocks in hand-written pages: ``<!-- privacy-pages: NAME args -->`` replaced by generated Markdown."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..compare.comparison import (
    comparison_specs,
)
from ..diagnostics import Diagnostic, Location
from ..messages import Messages
from ..model import Dataset, item_counts
from ..model.counts import RequirementCount
from ..settings import Settings
from .data_item_index import INDEX_TITLE
from .field_reference import field_reference
from .lint_reference import lint_rules
from .paths import (
    asset_paths,
    comparison_page_path,
    data_item_index_path,
    product_page_path,
    relative_link,
)
from .sanitize import mark_generated
from .templates import page_environment, render
from .translated import NOTHING_SHOWN, Showing

MARKER = re.compile(r"<!--\s*privacy-pages:\s*([a-z-]+)((?:\s+[a-z0-9-]+)*)\s*-->")


#: A block of a page: made from the model, in the page's language (its settings' and the texts
#: it shows in place of translations), for the page at a path, with the block's arguments.
BlockRenderer = Callable[[Dataset, Settings, Showing, str, list[str]], str]


def product_list(
    dataset: Dataset, settings: Settings, showing: Showing, page: str, args: list[str]
) -> str:
    """A table of every product with its summary and counts of required and optional items
    (distinct items, conditional ones counted under their requirement and labelled)."""
    said = settings.messages
    rows = []
    for product in sorted(dataset.products.values(), key=lambda p: (p.family or "", p.name)):
        counts = item_counts(product)
        rows.append(
            {
                "product": product,
                "link": relative_link(page, product_page_path(settings, product.id)),
                # With items whose requirement is not stated, no 0 under required or optional:
                # the product does not say that it has none.
                "required": _count(said, counts.required, counts.not_stated),
                "optional": _count(said, counts.optional, counts.not_stated),
                "not_stated": _count(said, counts.not_stated, counts.not_stated),
                "any_not_stated": bool(counts.not_stated.items),
            }
        )
    return render(
        "product-list.md.j2",
        page_environment(settings.templates_dir, said, showing),
        rows=rows,
        # A column for items whose requirement is not stated, on a site that has some.
        not_stated_column=any(row["any_not_stated"] for row in rows),
    )


def _count(said: Messages, count: RequirementCount, not_stated: RequirementCount) -> str:
    return count.label_in(said) if count.items or not not_stated.items else "—"


def comparison_list(
    dataset: Dataset, settings: Settings, showing: Showing, page: str, args: list[str]
) -> str:
    """The block ``<!-- privacy-pages: comparisons -->``: links to every comparison, the
    data-item index and the downloads (nothing on a site without products)."""
    if not dataset.products:
        return ""
    paths = asset_paths(settings)
    return render(
        "comparison-list.md.j2",
        page_environment(settings.templates_dir, settings.messages, showing),
        comparisons=[
            (
                spec.title,
                spec.description,
                relative_link(page, comparison_page_path(settings, spec.id)),
            )
            for spec in comparison_specs(dataset, settings.messages)
        ],
        index_title=settings.messages.gettext(INDEX_TITLE),
        index_link=relative_link(page, data_item_index_path(settings)),
        json_link=relative_link(page, paths.privacy_json),
        schema_link=relative_link(page, paths.schema),
    )


BLOCKS: dict[str, BlockRenderer] = {
    "products": product_list,
    "comparisons": comparison_list,
    "field-reference": field_reference,
    "lint-rules": lint_rules,
}


def expand_blocks(
    markdown: str,
    page: str,
    dataset: Dataset,
    settings: Settings,
    source: str,
    *,
    showing: Showing = NOTHING_SHOWN,
    mark: bool = False,
) -> tuple[str, list[Diagnostic]]:
    """Replace the ``<!-- privacy-pages: NAME args -->`` markers in the hand-written page
    ``page`` (the text of the file ``source``), in the language of ``settings`` with the
    records' texts as ``showing`` shows them; an unknown name is a problem. With ``mark``,
    each block is marked for :func:`~.sanitize.sanitize_marked` to clean once it is HTML."""
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
        block = BLOCKS[name](dataset, settings, showing, page, args)
        return mark_generated(block) if mark else block

    return MARKER.sub(replace, markdown), problems
