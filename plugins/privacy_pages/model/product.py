"""A product's privacy statement: what it collects and everything a page says about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Location
from .controller import Controller
from .items import DataItem, DataSection, NeverCollected, Workload
from .link import Link
from .storage import Access, Rights, Storage
from .store_labels import StoreLabels


@dataclass(frozen=True)
class Note:
    type: str
    text: str


@dataclass(frozen=True)
class DataUse:
    """One purpose: where its data comes from, what it is for, and on which legal basis."""

    source: str
    use: str
    #: The GDPR Art. 6(1) basis, by id (``consent``, ``contract``... ``legitimate-interests``).
    legal_basis: str | None = None
    #: The interest pursued, when the basis is ``legitimate-interests`` (Art. 13(1)(d)).
    legitimate_interest: str | None = None
    #: For special categories of data, the Art. 9(2) condition, by id.
    special_category_condition: str | None = None


@dataclass(frozen=True)
class AutomatedDecisions:
    """Whether the product decides about people by automated means alone (Art. 13(2)(f))."""

    used: bool
    description: str | None = None


@dataclass(frozen=True)
class DataSource:
    """Data not obtained from the person it is about, and where it comes from (Art. 14(2)(f))."""

    data: str
    source: str


@dataclass(frozen=True)
class DataSources:
    from_person_only: bool
    sources: tuple[DataSource, ...] = ()


@dataclass(frozen=True)
class Recipient:
    """Who receives data beyond the product (a service, a processor, a third party), and why."""

    name: str
    purpose: str | None = None


@dataclass(frozen=True)
class Sharing:
    intro: str | None = None
    recipients: tuple[Recipient, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.recipients)


@dataclass(frozen=True)
class Purposes:
    """What the product uses data for, purpose by purpose, in the statement's words."""

    intro: str | None = None
    items: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.items)


@dataclass(frozen=True)
class SettingValue:
    """One value a control setting takes, and what it does."""

    value: str
    effect: str | None = None


@dataclass(frozen=True)
class ControlSetting:
    """A setting, environment variable, command, flag or policy that turns collection off or
    limits it, named once so that comparisons and exports can use it."""

    name: str
    #: setting, environment-variable, command, flag or policy (None: not said).
    kind: str | None = None
    description: str | None = None
    values: tuple[SettingValue, ...] = ()


@dataclass(frozen=True)
class Controls:
    """How people turn collection off or limit it for the whole product: the ways, in the
    statement's words (``options``), and the settings, environment variables, commands, flags
    and policies they name (``settings``)."""

    intro: str | None = None
    options: tuple[str, ...] = ()
    settings: tuple[ControlSetting, ...] = ()

    def __bool__(self) -> bool:
        # An intro alone is something the statement says: it is shown.
        return bool(self.intro or self.options or self.settings)


@dataclass(frozen=True)
class ScopeList:
    """Commands, features or surfaces that send data (``sends_data``), or that do not."""

    sends_data: bool
    entries: tuple[str, ...]
    intro: str | None = None


@dataclass(frozen=True)
class Scope:
    """When data is collected: which commands, features or surfaces send it and which do not."""

    intro: str | None = None
    lists: tuple[ScopeList, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.lists)


@dataclass(frozen=True)
class FreeSection:
    """Free-form text at the end of a page section: what fits no field is never lost."""

    after: str
    body: str
    title: str | None = None


@dataclass(frozen=True)
class Product:
    """One product's privacy statement."""

    id: str
    name: str
    summary: str
    family: str | None
    platform: str | None
    metadata: dict[str, object]
    applies_to: tuple[Link, ...]
    notes: tuple[Note, ...]
    intro: str | None
    links: tuple[Link, ...]
    next_steps: str | None
    workloads: tuple[Workload, ...]
    required: DataSection
    optional: DataSection
    data_use_intro: str | None
    data_uses: tuple[DataUse, ...]
    processed_entities_intro: str | None
    processed_entities: tuple[str, ...]
    never_collected: NeverCollected | None
    storage: Storage
    access: Access
    rights: Rights
    sections: tuple[FreeSection, ...]
    empty_sections: dict[str, str]
    source: Location
    #: The YAML file the product was read from (for "edit this page" links).
    file: Path = Path()
    #: What the product tells the app stores (``store_labels``); None when it ships to none.
    store_labels: StoreLabels | None = None
    #: Who receives the data (``sharing``).
    sharing: Sharing = Sharing()
    #: How collection is turned off or limited for the whole product (``controls``).
    controls: Controls = Controls()
    #: What the product uses data for (``purposes``).
    purposes: Purposes = Purposes()
    #: When data is collected: what sends it and what does not (``scope``).
    scope: Scope = Scope()
    #: Data the product collects without saying whether it is required or optional
    #: (``collected``): its items' requirement is :attr:`Requirement.NOT_STATED`.
    collected: DataSection = field(default_factory=DataSection)
    #: This product's controller, when it is not the site's (``controller``).
    controller: Controller | None = None
    #: Whether the product makes automated decisions (``automated_decisions``; None: unsaid).
    automated_decisions: AutomatedDecisions | None = None
    #: Where data not obtained from the person comes from (``data_sources``; None: unsaid).
    data_sources: DataSources | None = None
    #: The categories of people the data is about (``data_subjects``; GDPR Art. 30(1)(c)).
    data_subjects: tuple[str, ...] = ()

    @property
    def items(self) -> tuple[DataItem, ...]:
        """Every item the product collects (required, optional, then collected without a
        stated requirement), in page order."""
        return self.required.items + self.optional.items + self.collected.items

    def free_sections(self, after: str) -> tuple[FreeSection, ...]:
        return tuple(section for section in self.sections if section.after == after)
