"""The app stores' vocabularies: the data types and purposes each store's privacy label knows,
and how the purposes a product states map onto them. The package ships them as data
(``privacy_pages/stores/*.yml``); a site may override them with ``content/stores.yml``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GooglePlayTable:
    """The Data safety form's rows (``google-play.yml``)."""

    template_version: str
    header: tuple[str, ...]
    #: [question, response, answer requirement, label] of the questions about the whole app.
    general: tuple[tuple[str, str, str, str], ...]
    #: By response id (PSL_DEVICE_ID): (question, label).
    data_types: dict[str, tuple[str, str]]
    #: By response id (PSL_ANALYTICS): label.
    purposes: dict[str, str]

    def general_questions(self) -> dict[str, tuple[str, ...]]:
        """The questions about the whole app a product may answer (``store_labels.google_play``),
        each with its choices (none: a yes/no or a text). "Does the app collect data" is left
        out: the export answers it from the items."""
        questions: dict[str, tuple[str, ...]] = {}
        for question, response, _, _ in self.general:
            if question != COLLECTS_DATA:
                questions[question] = questions.get(question, ()) + (
                    (response,) if response else ()
                )
        return questions


@dataclass(frozen=True)
class AppleTable:
    """Apple's data types and purposes, in manifest and App Store Connect spellings."""

    version: str
    #: By manifest constant: (App Store Connect category, label).
    data_types: dict[str, tuple[str, str]]
    #: By manifest constant: (App Store Connect purpose, label).
    purposes: dict[str, tuple[str, str]]
    #: By category of required-reason API (NSPrivacyAccessedAPICategoryUserDefaults): the
    #: approved reasons (CA92.1, ...).
    accessed_api_types: dict[str, tuple[str, ...]]


#: The Data safety question the export answers from the records' items.
COLLECTS_DATA = "PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA"


@dataclass(frozen=True)
class Purpose:
    """A purpose a product states for an item, and what each store calls it."""

    id: str
    label: str
    #: By store (google_play, apple): that store's purpose.
    stores: dict[str, str]


@dataclass(frozen=True)
class StoreTables:
    google_play: GooglePlayTable
    apple: AppleTable
    purposes: dict[str, Purpose]

    def data_types(self, store: str) -> tuple[str, ...]:
        """Every data type a catalog item may map to in ``store``."""
        table = self.google_play if store == "google_play" else self.apple
        return tuple(table.data_types)

    def data_type_label(self, store: str, data_type: str) -> str:
        """What the store's label calls a data type (``Device or other IDs``)."""
        if store == "google_play":
            found = self.google_play.data_types.get(data_type)
            return found[1].split(" / ")[-1] if found else data_type
        apple = self.apple.data_types.get(data_type)
        return apple[1] if apple else data_type
