"""privacy-pages: structured YAML privacy records rendered into consistent privacy pages.

The core (loading, validation, the model and rendering) imports nothing from MkDocs; the
MkDocs plugin (:mod:`privacy_pages.plugin`) and the CLI (:mod:`privacy_pages.cli`) are thin
adapters on it.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("privacy-pages")
except PackageNotFoundError:  # pragma: no cover - running from a checkout
    __version__ = "0.0.0+unknown"

from .content import ContentCache, load_content, load_or_raise
from .diagnostics import ContentError, Diagnostic, Location, Severity
from .model import SECTIONS, CatalogItem, Category, DataItem, Dataset, Product, Requirement
from .pages import GeneratedPage, render_pages
from .settings import Settings
from .site import SiteBuild, build_site

__all__ = [
    "SECTIONS",
    "CatalogItem",
    "Category",
    "ContentCache",
    "ContentError",
    "DataItem",
    "Dataset",
    "Diagnostic",
    "GeneratedPage",
    "Location",
    "Product",
    "Requirement",
    "Settings",
    "Severity",
    "SiteBuild",
    "__version__",
    "build_site",
    "load_content",
    "load_or_raise",
    "render_pages",
]
