"""A titled link, as statements give them (applies-to, further reading, rights services)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    title: str
    url: str
