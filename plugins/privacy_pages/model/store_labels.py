"""What a product tells the app stores: which stores it ships to, and for each item it collects,
the purposes and flags the stores' privacy labels ask for (see :mod:`privacy_pages.stores`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Location


@dataclass(frozen=True, slots=True)
class ItemLabel:
    """An item's answers on a store label; None where the record leaves the default."""

    purposes: tuple[str, ...] | None = None
    #: Apple: the data is linked to the user's identity.
    linked: bool | None = None
    #: Apple: the data is used to track the user across other companies' apps and sites.
    tracking: bool | None = None
    #: Google Play: the data is shared with third parties.
    shared: bool | None = None
    #: Google Play: the data is processed ephemerally (in memory only).
    ephemeral: bool | None = None
    #: Google Play: why the data is shared, when it is (None: for the purposes it is collected
    #: for).
    shared_purposes: tuple[str, ...] | None = None

    @property
    def sharing_purposes(self) -> tuple[str, ...]:
        """Why the data is shared: its own purposes of sharing, else those of collection;
        none when it is not shared."""
        if not self.shared:
            return ()
        return self.shared_purposes or self.purposes or ()

    def over(self, default: ItemLabel) -> ItemLabel:
        """These answers, with ``default``'s where these leave one open."""
        return ItemLabel(
            self.purposes if self.purposes is not None else default.purposes,
            self.linked if self.linked is not None else default.linked,
            self.tracking if self.tracking is not None else default.tracking,
            self.shared if self.shared is not None else default.shared,
            self.ephemeral if self.ephemeral is not None else default.ephemeral,
            self.shared_purposes if self.shared_purposes is not None else default.shared_purposes,
        )


#: What an item answers when neither it nor the product says otherwise: not linked, not used
#: to track, not shared, not ephemeral (the answers that promise the least).
NO_FLAGS = ItemLabel(None, False, False, False, False)


@dataclass(frozen=True)
class StoreLabels:
    """A product's ``store_labels``: the stores it ships to, and the answers for its items."""

    ships_to: tuple[str, ...]
    #: The answers of every item (``store_labels`` itself: purposes, linked, ...).
    defaults: ItemLabel
    #: By item id: what an item answers differently (``store_labels.items``).
    items: dict[str, ItemLabel] = field(default_factory=dict)
    source: Location = field(default_factory=lambda: Location(""))
    #: Google Play: the answers about the whole app, by question id (a yes/no, a text, or the
    #: response ids chosen), as ``store_labels.google_play`` gives them.
    google_play: dict[str, bool | str | tuple[str, ...]] = field(default_factory=dict)
    #: Apple: the domains the app connects to for tracking (NSPrivacyTrackingDomains); None:
    #: the records do not say (the manifest lists none, and check-label does not compare).
    tracking_domains: tuple[str, ...] | None = None
    #: Apple: the required-reason APIs the app uses, each with its reasons; None as above.
    accessed_apis: dict[str, tuple[str, ...]] | None = None

    def for_item(self, item_id: str) -> ItemLabel:
        """An item's answers: its own, then the product's, then :data:`NO_FLAGS`."""
        own = self.items.get(item_id, ItemLabel())
        return own.over(self.defaults).over(NO_FLAGS)
