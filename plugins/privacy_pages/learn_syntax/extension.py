"""The extension itself: its options, warnings, where the page lives, and the figures."""

from __future__ import annotations

import logging
import os
import xml.etree.ElementTree as etree
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.extensions import Extension
from markdown.util import AtomicString

from .alerts import AlertProcessor
from .images import ImageProcessor
from .includes import IncludePreprocessor
from .page_context import PageLocation, get_current_page, page_context, site_generator_page
from .syntax import is_remote, is_unsafe_url

LOGGER_NAME = "mkdocs.plugins.privacy_pages.learn_syntax"


log = logging.getLogger(LOGGER_NAME)


WarnHook = Callable[[str], None]


DEFAULT_MAX_INCLUDE_DEPTH = 5


class LearnSyntaxExtension(Extension):
    """Render Microsoft Learn alerts, ``:::image`` and ``[!INCLUDE]``."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "base_dir": [
                "",
                "Directory used to resolve image and include paths when the current page "
                "is unknown; also the docs root then. Default: the page's directory, "
                "else the current working directory.",
            ],
            # Not None: Extension.setConfig would turn a callable into True.
            "warn": ["", "Optional callable(message: str) also called for every warning."],
            "max_include_depth": [DEFAULT_MAX_INCLUDE_DEPTH, "Maximum include nesting depth."],
        }
        super().__init__(**kwargs)
        self._location: PageLocation | None = None

    # -- configuration ----------------------------------------------------

    @property
    def base_dir(self) -> Path | None:
        value = self.getConfig("base_dir")
        if isinstance(value, os.PathLike):
            value = os.fspath(value)
        if isinstance(value, str) and value.strip():
            return Path(value).resolve()
        return None

    @property
    def max_include_depth(self) -> int:
        return int(self.getConfig("max_include_depth", DEFAULT_MAX_INCLUDE_DEPTH))

    def warn(self, message: str) -> None:
        """Log ``message`` as a WARNING and pass it to the ``warn`` hook."""
        log.warning(message)
        hook = self.getConfig("warn")
        if callable(hook):
            hook(message)

    # -- location -----------------------------------------------------------

    def locate(self, md: Markdown) -> PageLocation:
        """Work out (and remember for this conversion) where the page lives."""
        page: Path | None = None
        docs: Path | None = None
        context = get_current_page()
        if context is not None:
            page, docs = context.page_path, context.docs_dir
        else:
            page, docs = site_generator_page(md)
        if page is not None:
            page_dir = page.parent
        else:
            page_dir = docs or self.base_dir or Path.cwd().resolve()
        root = docs or self.base_dir or page_dir
        if not page_dir.is_relative_to(root):
            root = page_dir
        self._location = PageLocation(page_path=page, page_dir=page_dir, root=root)
        return self._location

    @property
    def location(self) -> PageLocation:
        if self._location is None:
            base = self.base_dir or Path.cwd().resolve()
            self._location = PageLocation(page_path=None, page_dir=base, root=base)
        return self._location

    def location_label(self) -> str:
        return self.location.label()

    # -- images -------------------------------------------------------------

    def _local_file(self, url: str) -> Path | None:
        path = unquote(urlsplit(url).path)
        if not path:
            return None
        location = self.location
        if path.startswith("/"):
            return (location.root / path.lstrip("/")).resolve()
        return (location.page_dir / path).resolve()

    def _check_url(self, url: str, what: str) -> bool:
        """Warn about and reject unsafe or missing targets."""
        page = self.location_label()
        if is_unsafe_url(url):
            self.warn(
                f"learn_syntax: {what} '{url}' in page '{page}' "
                "uses a disallowed URL scheme; refused."
            )
            return False
        if is_remote(url):
            return True
        target = self._local_file(url)
        if target is None or not target.is_file():
            self.warn(
                f"learn_syntax: {what} '{url}' not found (looked for '{target}') in page '{page}'."
            )
            return False
        return True

    def build_image(
        self,
        parent: etree.Element,
        attrs: dict[str, str],
        description: str | None,
        parser: BlockParser,
    ) -> etree.Element:
        """Append the ``<figure>`` for one ``:::image`` directive to ``parent``."""
        kind = attrs.get("type", "content").strip().lower() or "content"
        source = attrs.get("source", "").strip()
        alt = attrs.get("alt-text", "").strip()
        lightbox = attrs.get("lightbox", "").strip()

        classes = ["learn-image"]
        if kind in ("icon", "complex"):
            classes.append(f"learn-image--{kind}")
        if not source:
            self.warn(f"learn_syntax: image without a source in page '{self.location_label()}'.")
            available = False
        else:
            available = self._check_url(source, "image")
        if not available:
            classes.append("learn-image--missing")

        figure = etree.SubElement(parent, "figure", {"class": " ".join(classes)})
        if available:
            holder = figure
            if lightbox and self._check_url(lightbox, "lightbox target"):
                holder = etree.SubElement(figure, "a", {"href": lightbox})
            etree.SubElement(holder, "img", {"src": source, "alt": alt, "loading": "lazy"})
        if description is not None and description.strip():
            details = etree.SubElement(figure, "details", {"class": "learn-image__description"})
            summary = etree.SubElement(details, "summary")
            summary.text = "Description"
            parser.state.set("learn_image")
            parser.parseChunk(details, description)
            parser.state.reset()
        caption = alt if alt or available else (source or "Image not available")
        if caption:
            figcaption = etree.SubElement(figure, "figcaption")
            figcaption.text = AtomicString(caption)
        return figure

    # -- registration ---------------------------------------------------------

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # Before normalize_whitespace (30) and fenced code (25): included
        # text then gets the same treatment as the page's own text.
        md.preprocessors.register(IncludePreprocessor(md, self), "learn_include", 35)
        # After list indentation (90), before indented code (80).
        md.parser.blockprocessors.register(
            ImageProcessor(md.parser, self, anywhere=False), "learn_image", 85
        )
        # Just above blockquote (20).
        md.parser.blockprocessors.register(AlertProcessor(md.parser), "learn_alert", 25)
        # Just above paragraph (10), below reference (15).
        md.parser.blockprocessors.register(
            ImageProcessor(md.parser, self, anywhere=True), "learn_image_inline", 12
        )

    def reset(self) -> None:
        self._location = None


def makeExtension(**kwargs: Any) -> LearnSyntaxExtension:
    """Entry point used by ``markdown_extensions: [privacy_pages.learn_syntax]``."""
    return LearnSyntaxExtension(**kwargs)


def expand_includes(markdown: str, page: Path, docs_dir: Path, warn: WarnHook | None = None) -> str:
    """``markdown`` (the text of ``page``, in ``docs_dir``) with its ``[!INCLUDE]`` lines
    replaced by the files they name, and the ``:::image`` paths inside them made relative to
    the page: Markdown for a site generator that converts it without this extension knowing the
    page (each warning also goes to ``warn``)."""
    converter = Markdown(extensions=[LearnSyntaxExtension(warn=warn or "")])
    with page_context(page, docs_dir):
        lines = converter.preprocessors["learn_include"].run(markdown.split("\n"))
    return "\n".join(lines)
