"""How many data items a product collects: the one definition the home page, the product pages
and the comparisons use, so that a reader who counts on one finds the same number on another.

An item is counted once however often the product lists it (Intune lists some twice), under
the requirement the comparison tables give it: an item listed both with and without a
condition is collected without one; one listed only with conditions is conditional, and still
counted under its requirement (required or optional), labelled as conditional. An item the
product collects without saying whether it is required or optional (``collected``) is counted
as such, unless another entry for it states its requirement.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..messages import SOURCE_MESSAGES, Messages
from .items import DataItem, Requirement
from .product import Product


def standing(entries: Iterable[DataItem]) -> tuple[Requirement, bool]:
    """The requirement of one item from every entry a product has for it, and whether it is
    conditional. Entries without a condition decide; the item is required when any deciding
    entry is required, else optional when any is optional, else its requirement is not
    stated; it is conditional only when every entry has a condition."""
    listed = list(entries)
    unconditional = [item for item in listed if not item.conditions]
    deciding = {item.requirement for item in unconditional or listed}
    for requirement in (Requirement.REQUIRED, Requirement.OPTIONAL):
        if requirement in deciding:
            return requirement, not unconditional
    return Requirement.NOT_STATED, not unconditional


@dataclass(frozen=True)
class RequirementCount:
    """The distinct items of one requirement, and how many of them are conditional."""

    items: int = 0
    conditional: int = 0

    @property
    def label(self) -> str:
        """``15``, or ``15 (2 conditional)``, in English (see :meth:`label_in`)."""
        return self.label_in(SOURCE_MESSAGES)

    def label_in(self, said: Messages) -> str:
        """``15``, or ``15 (2 conditional)``, in ``said``'s language."""
        return self._with_conditional(said, str(self.items))

    def described(self, said: Messages, requirement: Requirement) -> str:
        """``15 required``, or ``15 required (2 conditional)``; ``3 collected, requirement not
        stated``: in ``said``'s language."""
        if requirement is Requirement.REQUIRED:
            text = said.ngettext("%(num)d required", "%(num)d required", self.items)
        elif requirement is Requirement.OPTIONAL:
            text = said.ngettext("%(num)d optional", "%(num)d optional", self.items)
        else:
            text = said.ngettext(
                "%(num)d collected, requirement not stated",
                "%(num)d collected, requirement not stated",
                self.items,
            )
        return self._with_conditional(said, text)

    def _with_conditional(self, said: Messages, text: str) -> str:
        if not self.conditional:
            return text
        # TRANSLATORS: %(items)s is a number of items ("15", "15 required").
        return said.ngettext(
            "%(items)s (%(num)d conditional)",
            "%(items)s (%(num)d conditional)",
            self.conditional,
            items=text,
        )


@dataclass(frozen=True)
class ItemCounts:
    """The distinct items a product collects, by requirement."""

    required: RequirementCount
    optional: RequirementCount
    #: The items it collects without saying whether they are required or optional.
    not_stated: RequirementCount = RequirementCount()

    @property
    def total(self) -> int:
        return self.required.items + self.optional.items + self.not_stated.items

    @property
    def summary(self) -> str:
        """:meth:`summary_in` English."""
        return self.summary_in(SOURCE_MESSAGES)

    def summary_in(self, said: Messages) -> str:
        """``15 required (2 conditional) · 4 optional (1 conditional)``; with items whose
        requirement is not stated, ``· 3 collected, requirement not stated`` after them, and no
        "0 required" or "0 optional" (which would claim what the product does not say). In
        ``said``'s language."""
        parts = [(Requirement.REQUIRED, self.required), (Requirement.OPTIONAL, self.optional)]
        if self.not_stated.items:
            parts = [part for part in parts if part[1].items]
            parts.append((Requirement.NOT_STATED, self.not_stated))
        return " · ".join(count.described(said, requirement) for requirement, count in parts)


def item_counts(product: Product) -> ItemCounts:
    """How many distinct items ``product`` collects, by requirement (see the module's note)."""
    entries: dict[str, list[DataItem]] = {}
    for item in product.items:
        entries.setdefault(item.id, []).append(item)
    tally = {requirement: [0, 0] for requirement in Requirement}
    for listed in entries.values():
        requirement, conditional = standing(listed)
        tally[requirement][0] += 1
        tally[requirement][1] += conditional
    return ItemCounts(
        RequirementCount(*tally[Requirement.REQUIRED]),
        RequirementCount(*tally[Requirement.OPTIONAL]),
        RequirementCount(*tally[Requirement.NOT_STATED]),
    )


__all__ = ["ItemCounts", "RequirementCount", "item_counts", "standing"]
