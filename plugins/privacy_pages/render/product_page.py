"""A product's privacy page, from ``product.md.j2`` and its section templates."""

from __future__ import annotations

import re
from datetime import date

from .. import messages
from ..history.releases import History
from ..messages import N_
from ..model import SECTIONS, Dataset, ItemGroup, Product, item_counts
from ..model.sections import empty_statement
from ..settings import Settings
from .front_matter import front_matter, yaml_header
from .generated import GeneratedPage
from .history_pages import product_context
from .paths import product_page_path
from .store_labels import store_summaries
from .templates import render
from .translated import untranslated


def last_updated(product: Product, settings: Settings) -> str | None:
    """The page's date: the first metadata key the site declares as a date."""
    for key, kind in settings.metadata.types.items():
        if kind == "date" and key in product.metadata:
            return str(product.metadata[key])
    return None


#: The label of a group of optional items, by its kind (the schema's values of ``kind``), and
#: the kind as a word (what the group's heading may already say).
KIND_LABELS: dict[str, tuple[str, str]] = {
    "diagnostic": (N_("Optional diagnostic data"), N_("diagnostic")),
    "feedback": (N_("Optional feedback data"), N_("feedback")),
    "telemetry": (N_("Optional telemetry data"), N_("telemetry")),
    "other": (N_("Optional other data"), N_("other")),
}


def kind_label(group: ItemGroup) -> str | None:
    """ "Optional diagnostic data" under a group of optional items, unless its heading or its
    introduction already names the kind (in English or in the language being rendered): a
    label repeated right above itself says nothing."""
    if group.kind is None:
        return None
    label, word = KIND_LABELS.get(group.kind, (None, group.kind))
    said = " ".join(text for text in (group.title, group.intro) if text)
    # The kind as a word: "other" is not said by "another".
    for kind in dict.fromkeys((group.kind, messages._(word))):
        if re.search(rf"\b{re.escape(kind)}\b", said, re.IGNORECASE):
            return None
    if label is None:  # a kind the schema does not know: said as it is
        return messages._("Optional %(kind)s data", kind=group.kind)
    return messages._(label)


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
        sections=[(section_id, messages._(heading)) for section_id, heading in SECTIONS],
        empty_statement=lambda section_id: empty_statement(
            product, section_id, settings.empty_sections
        ),
        last_updated=last_updated(product, settings),
        untranslated=untranslated(product.source.path),
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
