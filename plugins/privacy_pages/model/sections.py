"""The fixed skeleton of a product page: which sections exist and when they have content."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from ..messages import N_, Messages
from .product import Product

#: Each section's id and heading (a message: translated where it is shown).
SECTIONS: tuple[tuple[str, str], ...] = (
    ("overview", N_("Overview")),
    ("required-data", N_("Required data")),
    ("optional-data", N_("Optional data")),
    # Only on the page of a product whose record has it (see SECTIONS_SHOWN_WITH_CONTENT).
    ("collected-data", N_("Data collected")),
    ("data-use", N_("How data is used")),
    ("never-collected", N_("Data never collected")),
    ("storage-and-retention", N_("Storage and retention")),
    ("data-access-and-security", N_("Data access and security")),
    ("your-rights", N_("Your rights")),
    ("more-information", N_("More information")),
    ("change-history", N_("Change history")),
)
SECTION_IDS = tuple(section_id for section_id, _ in SECTIONS)
#: Sections a page shows only when the record fills them, never with an empty-section
#: sentence: "Data collected" holds what a product collects without saying whether it is
#: required or optional, which a finished statement no longer has.
SECTIONS_SHOWN_WITH_CONTENT = frozenset({"collected-data"})

#: What a page says in a section its record leaves empty and the writer has not marked: one
#: wording per section, in the product's voice. ``{product}`` stands for the product's name; a
#: site can change any of them (option ``empty_sections``). Each is a message, translated where
#: it is shown; a site's own wording is shown as written.
EMPTY_SECTION_WORDING: Mapping[str, str] = MappingProxyType(
    {
        # TRANSLATORS: {product} is the product's name: keep it as it is.
        "required-data": N_("{product} collects no required data."),
        "optional-data": N_("{product} collects no optional data."),
        "data-use": N_("{product} describes no uses of data beyond the purposes above."),
        "never-collected": N_("{product} lists no data that it never collects."),
        "storage-and-retention": N_(
            "{product} gives no details of where data is stored or how long it is kept."
        ),
        "data-access-and-security": N_(
            "{product} gives no details of how access to data is protected."
        ),
        "your-rights": N_(
            "{product} gives no details of how to exercise your data protection rights."
        ),
        "more-information": N_("{product} has no further privacy documentation."),
        "change-history": N_(
            "No change to this page has been recorded since it was first published."
        ),
    }
)
#: What the required-data and optional-data sections say when the record lists nothing there
#: but has data under ``collected``: "collects no required data" would claim what the product
#: does not say. Not a site option: it states a fact of the record, not a house style.
UNDECIDED_SECTION_WORDING: Mapping[str, str] = MappingProxyType(
    {
        # TRANSLATORS: {product} is the product's name: keep it as it is.
        "required-data": N_(
            "{product} does not say whether any of the data it collects is required."
        ),
        "optional-data": N_(
            "{product} does not say whether any of the data it collects is optional."
        ),
    }
)
#: The sentence that opens "Data collected" when the record gives no ``collected.intro``.
# TRANSLATORS: {product} is the product's name: keep it as it is.
COLLECTED_INTRO = N_("{product} collects the following data.")
#: The placeholder of :data:`EMPTY_SECTION_WORDING`, the only one: the wording is plain text,
#: never a template (a site's wording and a product's name are data).
PRODUCT_PLACEHOLDER = "{product}"


def empty_section_wording(
    said: Messages,
    product: Product,
    section_id: str,
    wording: Mapping[str, str] = EMPTY_SECTION_WORDING,
) -> str:
    """The site's sentence for an empty section, with the product's name put in (the
    package's own sentence in ``said``'s language; a site's as it wrote it)."""
    default = EMPTY_SECTION_WORDING[section_id]
    text = wording.get(section_id) or default
    if text == default:  # the settings hold the defaults under the site's own wording
        text = said.gettext(default)
    return text.replace(PRODUCT_PLACEHOLDER, product.name)


def with_product(said: Messages, product: Product, message: str) -> str:
    """One of the package's sentences about a product, in ``said``'s language."""
    return said.gettext(message).replace(PRODUCT_PLACEHOLDER, product.name)


def undecided(product: Product, section_id: str) -> bool:
    """Whether a section is empty only because the record does not say which of its data is
    required or optional: required-data or optional-data, with items under ``collected``."""
    return (
        section_id in UNDECIDED_SECTION_WORDING
        and bool(product.collected.items)
        and not section_has_content(product, section_id)
    )


def section_shown(product: Product, section_id: str) -> bool:
    """Whether a product's page has the section at all (see
    :data:`SECTIONS_SHOWN_WITH_CONTENT`)."""
    return section_id not in SECTIONS_SHOWN_WITH_CONTENT or section_has_content(product, section_id)


def section_has_content(product: Product, section_id: str) -> bool:
    """Whether the record says anything in a section (free-form sections count)."""
    if product.free_sections(section_id):
        return True
    checks: dict[str, Callable[[], bool]] = {
        "overview": lambda: True,
        "required-data": lambda: bool(
            product.required.groups or product.required.intro or product.scope
        ),
        "optional-data": lambda: bool(product.optional.groups or product.optional.intro),
        "collected-data": lambda: bool(product.collected.groups or product.collected.intro),
        "data-use": lambda: bool(
            product.data_uses
            or product.processed_entities
            or product.sharing
            or product.purposes
            or product.data_sources
            or product.automated_decisions
        ),
        "never-collected": lambda: product.never_collected is not None,
        "storage-and-retention": lambda: bool(product.storage),
        "data-access-and-security": lambda: bool(product.access),
        "your-rights": lambda: bool(product.rights or product.controls or product.controller),
        "more-information": lambda: bool(product.links or product.next_steps),
        # Filled from the release snapshots (content/history/), never from the record: the
        # section lists the releases, or says that no change has been recorded.
        "change-history": lambda: True,
    }
    return checks[section_id]()


def empty_statement(
    said: Messages,
    product: Product,
    section_id: str,
    wording: Mapping[str, str] = EMPTY_SECTION_WORDING,
) -> str | None:
    """What the page says instead of a section's content, or ``None`` when it has content (or
    is not shown): the writer's sentence, else, for required or optional data while the record
    has data under ``collected``, a sentence that claims nothing about it, else the site's
    ``wording``."""
    if section_has_content(product, section_id) or section_id in SECTIONS_SHOWN_WITH_CONTENT:
        return None
    written = product.empty_sections.get(section_id)
    if written:
        return written
    if undecided(product, section_id):
        return with_product(said, product, UNDECIDED_SECTION_WORDING[section_id])
    return empty_section_wording(said, product, section_id, wording)


def is_marked_empty(product: Product, section_id: str) -> bool:
    return section_id in product.empty_sections


__all__ = [
    "COLLECTED_INTRO",
    "EMPTY_SECTION_WORDING",
    "PRODUCT_PLACEHOLDER",
    "SECTIONS",
    "SECTIONS_SHOWN_WITH_CONTENT",
    "SECTION_IDS",
    "UNDECIDED_SECTION_WORDING",
    "empty_section_wording",
    "empty_statement",
    "is_marked_empty",
    "section_has_content",
    "section_shown",
    "undecided",
    "with_product",
]
