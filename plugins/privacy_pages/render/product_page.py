"""A product's privacy page, from ``product.md.j2`` and its section templates."""

from __future__ import annotations

import re
from datetime import date

from ..history.releases import History
from ..model import SECTIONS, Dataset, ItemGroup, Product, item_counts
from ..model.sections import empty_statement
from ..settings import Settings
from .front_matter import front_matter, yaml_header
from .generated import GeneratedPage
from .history_pages import product_context
from .paths import product_page_path
from .store_labels import store_summaries
from .templates import render


def last_updated(product: Product, settings: Settings) -> str | None:
    """The page's date: the first metadata key the site declares as a date."""
    for key, kind in settings.metadata.types.items():
        if kind == "date" and key in product.metadata:
            return str(product.metadata[key])
    return None


def kind_label(group: ItemGroup) -> str | None:
    """ "Optional diagnostic data" under a group of optional items, unless its heading or its
    introduction already names the kind: a label repeated right above itself says nothing."""
    if group.kind is None:
        return None
    said = " ".join(text for text in (group.title, group.intro) if text)
    # The kind as a word: "other" is not said by "another".
    named = re.search(rf"\b{re.escape(group.kind)}\b", said, re.IGNORECASE)
    return None if named else f"Optional {group.kind} data"


def render_product(
    product: Product,
    dataset: Dataset,
    settings: Settings,
    history: History | None = None,
    today: date | None = None,
    *,
    template_dataset: object = None,
) -> GeneratedPage:
    """The Markdown page of one product (``history`` fills its "Change history" section;
    ``template_dataset``: what the template sees as ``dataset``, if not ``dataset`` itself)."""
    path = product_page_path(settings, product.id)
    body = render(
        "product.md.j2",
        settings.templates_dir,
        product=product,
        dataset=dataset if template_dataset is None else template_dataset,
        sections=SECTIONS,
        empty_statement=lambda section_id: empty_statement(
            product, section_id, settings.empty_sections
        ),
        last_updated=last_updated(product, settings),
        category_name=dataset.category_name,
        kind_label=kind_label,
        counts=item_counts(product),
        store_labels=store_summaries(product, dataset, settings),
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
