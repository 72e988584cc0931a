"""Where data is stored and for how long, who may access it, and readers' rights."""

from __future__ import annotations

from dataclasses import dataclass

from .link import Link
from .periods import RetentionPeriod


@dataclass(frozen=True)
class Retention:
    data: str
    period: RetentionPeriod
    note: str | None = None
    exceptions: tuple[Retention, ...] = ()


@dataclass(frozen=True)
class ServiceLocation:
    service: str
    body: str


@dataclass(frozen=True)
class StaffLocations:
    locations: tuple[str, ...]
    teams: str | None = None


@dataclass(frozen=True)
class Transfer:
    """Where data goes outside the European Economic Area, and what protects it there."""

    to: str
    #: adequacy-decision, standard-contractual-clauses, binding-corporate-rules or derogation.
    safeguard: str
    note: str | None = None


@dataclass(frozen=True)
class Transfers:
    """Whether data leaves the EEA (GDPR Art. 13(1)(f)): stated either way, or not at all
    (``Storage.transfers`` is None)."""

    outside_eea: bool
    intro: str | None = None
    destinations: tuple[Transfer, ...] = ()


@dataclass(frozen=True)
class Storage:
    intro: str | None = None
    services: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    location_note: str | None = None
    retention: tuple[Retention, ...] = ()
    retention_note: str | None = None
    staff_locations: StaffLocations | None = None
    service_locations: tuple[ServiceLocation, ...] = ()
    transfers: Transfers | None = None

    def __bool__(self) -> bool:
        return any(
            (
                self.transfers,
                self.intro,
                self.services,
                self.locations,
                self.location_note,
                self.retention,
                self.retention_note,
                self.staff_locations,
                self.service_locations,
            )
        )


@dataclass(frozen=True)
class Access:
    intro: str | None = None
    protections: tuple[str, ...] = ()
    compliance: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.intro or self.protections or self.compliance)


@dataclass(frozen=True)
class RightsRequest:
    title: str
    body: str


@dataclass(frozen=True)
class Rights:
    intro: str | None = None
    requests: tuple[RightsRequest, ...] = ()
    services: tuple[Link, ...] = ()
    #: The rights the statement names, one per entry.
    rights: tuple[str, ...] = ()
    #: The right to lodge a complaint with a supervisory authority (GDPR Art. 13(2)(d)).
    complaint: str | None = None

    def __bool__(self) -> bool:
        return bool(self.intro or self.requests or self.services or self.rights or self.complaint)
