"""Who answers for the data: the controller and its data protection officer (GDPR Art.
13(1)(a)-(b)), stated once for the site and overridden by a product whose controller differs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DataProtectionOfficer:
    contact: str
    name: str | None = None


@dataclass(frozen=True)
class Controller:
    name: str
    contact: str
    address: str | None = None
    dpo: DataProtectionOfficer | None = None


def controller_from(data: Mapping[str, Any]) -> Controller:
    """A controller from data the schema's ``controller`` definition has accepted."""
    dpo = data.get("dpo")
    return Controller(
        name=data["name"],
        contact=data["contact"],
        address=data.get("address"),
        dpo=DataProtectionOfficer(dpo["contact"], dpo.get("name")) if dpo else None,
    )
