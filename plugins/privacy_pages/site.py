"""One build of a site's privacy content: load, validate and render, as plain data.

Both adapters (the MkDocs plugin and the CLI) go through :func:`build_site`, so they report the
same problems and produce the same pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .content import ContentCache, load_content
from .diagnostics import Diagnostics
from .model import Dataset
from .pages import GeneratedPage, render_pages
from .settings import Settings


@dataclass
class SiteBuild:
    """The result of one build: the dataset, every problem, and the generated pages."""

    settings: Settings
    dataset: Dataset
    problems: Diagnostics
    pages: list[GeneratedPage] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems.errors


def build_site(settings: Settings, cache: ContentCache | None = None) -> SiteBuild:
    """Load and check the content, and render the pages when it has no errors."""
    dataset, problems = load_content(settings.content_dir, settings.metadata, cache=cache)
    build = SiteBuild(settings, dataset, problems)
    if build.ok:
        build.pages = render_pages(dataset, settings)
    return build
