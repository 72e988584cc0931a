"""privacy-pages: structured YAML privacy records rendered into consistent privacy pages.

The core (loading, validation, the model and rendering) imports nothing from MkDocs; the
MkDocs plugin (:mod:`privacy_pages.mkdocs_plugin`) and the CLI (:mod:`privacy_pages.cli`) are thin
adapters on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .diagnostics import ContentError, Diagnostic, Location, Severity
    from .load.content import load_content, load_or_raise
    from .load.record_files import ContentCache
    from .model import SECTIONS, CatalogItem, Category, DataItem, Dataset, Product, Requirement
    from .pipeline import SiteBuild, build_site, check_site
    from .render.generated import GeneratedPage
    from .render.pages import render_pages
    from .settings import Settings

#: Where each public name lives. They are imported on first use, so that a command (or a site
#: generator) loads only the modules it needs.
_PUBLIC = {
    "ContentCache": "load.record_files",
    "load_content": "load.content",
    "load_or_raise": "load.content",
    "ContentError": "diagnostics",
    "Diagnostic": "diagnostics",
    "Location": "diagnostics",
    "Severity": "diagnostics",
    "SECTIONS": "model",
    "CatalogItem": "model",
    "Category": "model",
    "DataItem": "model",
    "Dataset": "model",
    "Product": "model",
    "Requirement": "model",
    "GeneratedPage": "render.generated",
    "render_pages": "render.pages",
    "Settings": "settings",
    "SiteBuild": "pipeline",
    "build_site": "pipeline",
    "check_site": "pipeline",
}


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


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
    "check_site",
    "load_content",
    "load_or_raise",
    "render_pages",
]
