"""The version of privacy-pages, as installed (at the bottom: every layer may name it)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("privacy-pages")
except PackageNotFoundError:  # pragma: no cover - running from a checkout
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
