"""The MkDocs adapter: a thin plugin over the core (``privacy_pages.site``)."""

from __future__ import annotations

import html
import logging
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .content import ContentCache
from .diagnostics import Severity
from .pages import expand_blocks
from .settings import Settings, SettingsError, settings_from_options
from .site import SiteBuild, build_site
from .templates import default_templates_dir

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

#: Parsed content per content folder. ``mkdocs serve`` creates a new plugin instance for every
#: rebuild, so the cache lives here to survive between them; files are re-read when they change.
_CACHES: dict[Path, ContentCache] = {}


class PrivacyPagesConfig(Config):  # type: ignore[no-untyped-call]
    """Options of the ``privacy-pages`` plugin in ``mkdocs.yml``."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing its options."""
    content_dir = c.Type(str, default="content")
    """The folder of YAML records, relative to mkdocs.yml."""
    templates_dir = c.Optional(c.Type(str))
    """A folder of templates that override the packaged ones, file by file."""
    pages_dir = c.Type(str, default="privacy")
    """Where the generated pages go, relative to docs_dir."""
    nav_title = c.Type(str, default="Privacy statements")
    """The nav section that lists the product pages (when mkdocs.yml has a nav)."""
    metadata = c.Type(dict, default={})
    """Front-matter rules: ``required`` (a list of keys) and ``types`` (key: text, list or date)."""


class PrivacyPagesPlugin(BasePlugin[PrivacyPagesConfig]):  # type: ignore[no-untyped-call]
    """Generates one privacy page per product from the records in ``content/``."""

    def __init__(self) -> None:
        self.cache = ContentCache()
        self.settings: Settings | None = None
        self.build: SiteBuild | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        options = {k: v for k, v in self.config.items() if v is not None and k != "enabled"}
        try:
            self.settings = settings_from_options(options, Path(config.config_file_path).parent)
        except SettingsError as exc:
            raise PluginError(f"privacy-pages: {exc}") from exc
        self.cache = _CACHES.setdefault(self.settings.content_dir, ContentCache())
        if "admonition" not in config.markdown_extensions:  # notes are admonitions
            config.markdown_extensions.append("admonition")
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self.settings is None:
            return files
        self.build = build = build_site(self.settings, self.cache)
        for problem in build.problems.sorted():
            (log.error if problem.severity is Severity.ERROR else log.warning)(str(problem))
        if not build.ok:
            count = len(build.problems.errors)
            raise PluginError(
                f"privacy-pages: {count} content error{'s' if count != 1 else ''} "
                f"in {self.settings.content_dir} (listed above)"
            )
        docs_dir = Path(config.docs_dir)
        for page in build.pages:
            existing = files.get_file_from_path(page.path)
            if existing is not None:
                raise PluginError(
                    f"privacy-pages: {page.path} would replace the hand-written page "
                    f"{existing.abs_src_path}; rename one of them"
                )
            generated = File.generated(config, page.path, content=page.markdown)
            if page.source is not None:
                generated.edit_uri = Path(os.path.relpath(page.source, docs_dir)).as_posix()
            files.append(generated)
        if config.nav is not None:
            self._add_to_nav(config)
        return files

    def _add_to_nav(self, config: MkDocsConfig) -> None:
        assert self.build is not None and self.settings is not None
        title = self.settings.nav_title
        entries = [{p.title: p.path} for p in self.build.pages if p.product_id]
        nav: list[Any] = config.nav or []
        for index, entry in enumerate(nav):
            if isinstance(entry, dict) and title in entry:
                nav[index] = {title: entries}
                return
        nav.append({title: entries})

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.build is None or page.file.generated_by is not None:
            return markdown
        source = page.file.abs_src_path or page.file.src_uri
        expanded, problems = expand_blocks(
            markdown, page.file.src_uri, self.build.dataset, self.build.settings, source
        )
        for problem in problems:
            log.error(str(problem))
        if problems:
            raise PluginError(f"privacy-pages: unknown block in {page.file.src_uri}")
        return expanded

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        meta = page.meta or {}
        if self.build is None or "product_id" not in meta:
            return output
        return add_meta_tags(output, meta)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        if self.settings is not None:
            server.watch(str(self.settings.content_dir))
            templates = self.settings.templates_dir or default_templates_dir()
            server.watch(str(templates))
        return server


_HEAD_END = re.compile(r"</head>", re.IGNORECASE)


def add_meta_tags(output: str, meta: Mapping[str, Any]) -> str:
    """Add ``<meta name=KEY>`` for every metadata key the theme did not already write."""
    tags = []
    for key, value in meta.items():
        if key == "title" or value is None:
            continue
        if re.search(rf'<meta\s+name="{re.escape(key)}"', output):
            continue
        text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        tags.append(f'<meta name="{html.escape(key)}" content="{html.escape(text)}">')
    if not tags:
        return output
    return _HEAD_END.sub(lambda _: "\n".join(tags) + "\n</head>", output, count=1)
