"""The fixed skeleton of a product page: which sections exist and when they have content."""

from __future__ import annotations

from collections.abc import Callable

from .product import Product

SECTIONS: tuple[tuple[str, str], ...] = (
    ("overview", "Overview"),
    ("required-data", "Required data"),
    ("optional-data", "Optional data"),
    ("data-use", "How data is used"),
    ("never-collected", "Data never collected"),
    ("storage-and-retention", "Storage and retention"),
    ("data-access-and-security", "Data access and security"),
    ("your-rights", "Your rights"),
    ("more-information", "More information"),
    ("change-history", "Change history"),
)
SECTION_IDS = tuple(section_id for section_id, _ in SECTIONS)

#: What a page says in a section the statement leaves empty and the writer has not marked.
NOT_STATED = {
    "required-data": "This privacy statement does not list required data.",
    "optional-data": "This privacy statement does not list optional data.",
    "data-use": "This privacy statement does not describe how data is used beyond the purposes above.",
    "never-collected": "This privacy statement does not list data that is never collected.",
    "storage-and-retention": "This privacy statement does not say where data is stored or how long it is kept.",
    "data-access-and-security": "This privacy statement does not describe how access to data is protected.",
    "your-rights": "This privacy statement does not describe how to exercise data subject rights.",
    "more-information": "This privacy statement lists no further reading.",
    "change-history": "No changes have been recorded since this statement was first published.",
}


def section_has_content(product: Product, section_id: str) -> bool:
    """Whether the record says anything in a section (free-form sections count)."""
    if product.free_sections(section_id):
        return True
    checks: dict[str, Callable[[], bool]] = {
        "overview": lambda: True,
        "required-data": lambda: bool(product.required.groups or product.required.intro),
        "optional-data": lambda: bool(product.optional.groups or product.optional.intro),
        "data-use": lambda: bool(product.data_uses or product.processed_entities),
        "never-collected": lambda: product.never_collected is not None,
        "storage-and-retention": lambda: bool(product.storage),
        "data-access-and-security": lambda: bool(product.access),
        "your-rights": lambda: bool(product.rights),
        "more-information": lambda: bool(product.links or product.next_steps),
        # Filled from the release snapshots (content/history/), never from the record: the
        # section lists the releases, or says that no change has been recorded.
        "change-history": lambda: True,
    }
    return checks[section_id]()


def empty_statement(product: Product, section_id: str) -> str | None:
    """What the page says instead of a section's content, or ``None`` when it has content."""
    if section_has_content(product, section_id):
        return None
    return product.empty_sections.get(section_id) or NOT_STATED[section_id]


def is_marked_empty(product: Product, section_id: str) -> bool:
    return section_id in product.empty_sections


__all__ = [
    "NOT_STATED",
    "SECTIONS",
    "SECTION_IDS",
    "empty_statement",
    "is_marked_empty",
    "section_has_content",
]
