"""Python-Markdown extension for Microsoft Learn (DocFX) syntax.

Usable by any Python-Markdown user and by any MkDocs site::

    markdown_extensions:
      - admonition            # optional; the output does not depend on it
      - privacy_pages.learn_syntax:
          base_dir: docs      # optional, see "Path resolution" below

The module imports nothing but the standard library and ``markdown``.

Supported syntax
================

Alerts
    A blockquote whose first line is ``> [!NOTE]``, ``> [!TIP]``,
    ``> [!IMPORTANT]``, ``> [!CAUTION]`` or ``> [!WARNING]`` (any case) becomes
    a Material for MkDocs style admonition::

        <div class="admonition note"><p class="admonition-title">Note</p>...</div>

    IMPORTANT maps to the ``info`` class and CAUTION to ``danger``. The body
    is parsed as ordinary Markdown. Other blockquotes are left alone.

Images
    ``:::image type="content" source="x.png" alt-text="..." lightbox="x.png":::``
    on a line of its own (indented by at most five spaces, also inside list
    items, attributes in any order, single or double quotes). ``type`` may be
    ``content``, ``icon`` or ``complex``; a ``complex`` image is followed by a
    long description and a closing ``:::image-end:::`` line, and the
    description is rendered inside a ``<details>`` element. Output::

        <figure class="learn-image"><a href="LIGHTBOX"><img src="..." alt="..."
        loading="lazy"></a><figcaption>ALT</figcaption></figure>

    Local images that do not exist produce a WARNING and a
    ``<figure class="learn-image learn-image--missing">`` that shows only the
    alt text. Sources and lightbox targets other than relative paths and
    ``http(s)`` URLs (``javascript:``, ``data:``, ...) are refused with a
    WARNING. Everything is built as ElementTree nodes, so attribute values and
    text are escaped on serialisation (and MkDocs can still rewrite and
    validate the ``src``/``href`` URLs).

Includes
    ``[!INCLUDE [title](path/to/file.md)]`` on a line of its own is replaced
    by the Markdown of that file (its front matter removed), indented like the
    directive. Includes nest up to ``max_include_depth`` (default 5) levels;
    cycles, missing files and paths that leave the docs root are refused with
    a WARNING and render nothing. ``:::image`` paths inside an included file
    are rewritten so that they stay relative to the included file, as in
    DocFX (plain Markdown links inside included files are not rewritten).

Nothing is processed inside fenced code blocks: includes are expanded by a
preprocessor that skips fences itself, and alerts and images are block
processors, which never see the fenced blocks that ``fenced_code`` or
``pymdownx.superfences`` stash away. An indented code block at the top level
whose first line is an ``:::image`` directive indented by four or five spaces
is, however, treated as an image (DocFX allows that indentation).

All warnings go to the ``mkdocs.plugins.privacy_pages.learn_syntax`` logger
(so ``mkdocs build --strict`` fails on them) and are also passed to the
optional ``warn`` config callable.

Path resolution
===============

Python-Markdown does not tell extensions which file is being converted. The
directory used to resolve relative image and include paths (the *page
directory*) and the *docs root* (the boundary includes may not leave) are
therefore taken from the first of these that is available:

1. The page context set with :func:`set_current_page` or
   :func:`page_context` (a :class:`contextvars.ContextVar`). The MkDocs plugin
   sets it from ``on_page_markdown`` through
   :func:`privacy_pages.learn_syntax_mkdocs.set_page_context`.
2. When running inside MkDocs (1.5+) without that plugin: the page that MkDocs
   is rendering, read (duck-typed, without importing MkDocs) from the
   ``relpath`` tree processor that MkDocs registers on every page's Markdown
   instance, together with the configured ``docs_dir``.
3. The ``base_dir`` config option (page directory and docs root at once).
4. The current working directory.

If a page context gives no docs directory, the root is ``base_dir`` when set,
else the page directory.
"""

from __future__ import annotations

import html
import logging
import os
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor, BlockQuoteProcessor
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString, nearing_recursion_limit

__all__ = [
    "LOGGER_NAME",
    "LearnSyntaxExtension",
    "PageContext",
    "get_current_page",
    "makeExtension",
    "page_context",
    "set_current_page",
]

LOGGER_NAME = "mkdocs.plugins.privacy_pages.learn_syntax"
log = logging.getLogger(LOGGER_NAME)

WarnHook = Callable[[str], None]

DEFAULT_MAX_INCLUDE_DEPTH = 5

# Alert marker -> (admonition CSS class, title).
ALERT_TYPES: dict[str, tuple[str, str]] = {
    "note": ("note", "Note"),
    "tip": ("tip", "Tip"),
    "important": ("info", "Important"),
    "caution": ("danger", "Caution"),
    "warning": ("warning", "Warning"),
}

_ALERT_MARKER_RE = re.compile(
    r"^\[!(?P<kind>NOTE|TIP|IMPORTANT|CAUTION|WARNING)\][ \t]*(?P<rest>.*)$",
    re.IGNORECASE,
)
# One ":::image ...:::" line; "(?!-)" keeps ":::image-end:::" out.
_IMAGE_RE = re.compile(
    r"^(?P<indent>[ ]{0,5}):::image(?!-)(?P<attrs>[^\n]*?):::[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_IMAGE_END_RE = re.compile(r"^[ \t]*:::image-end:::[ \t]*$", re.IGNORECASE | re.MULTILINE)
_ATTR_RE = re.compile(r"""(?P<key>[A-Za-z][\w-]*)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")
_INCLUDE_RE = re.compile(
    r"""^(?P<indent>[ \t]*)\[!INCLUDE\s*\[(?P<title>[^\]]*)\]\(\s*"""
    r"""(?:<(?P<angle>[^>]*)>|(?P<path>[^)\s]+))"""
    r"""(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)\s*\][ \t]*\r?$""",
    re.IGNORECASE,
)
_FENCE_OPEN_RE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:")
_SAFE_SCHEMES = ("http:", "https:")
# Browsers drop ASCII whitespace and control characters inside a URL scheme.
_URL_JUNK_RE = re.compile(r"[\x00-\x20\x7f]+")


# --------------------------------------------------------------------------
# Page context
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class PageContext:
    """The Markdown source file being converted and the docs root it lives in."""

    page_path: Path | None
    docs_dir: Path | None


_CURRENT_PAGE: ContextVar[PageContext | None] = ContextVar(
    "privacy_pages_learn_syntax_page", default=None
)


def _make_context(path: Path | str | None, docs_dir: Path | str | None) -> PageContext | None:
    if path is None and docs_dir is None:
        return None
    docs = Path(docs_dir).resolve() if docs_dir is not None else None
    page: Path | None = None
    if path is not None:
        page = Path(path)
        if not page.is_absolute() and docs is not None:
            page = docs / page
        page = page.resolve()
    return PageContext(page_path=page, docs_dir=docs)


def set_current_page(path: Path | str | None, docs_dir: Path | str | None = None) -> None:
    """Set the page that following conversions belong to.

    ``path`` is the page's Markdown source file (relative paths are taken
    relative to ``docs_dir`` when given); ``docs_dir`` is the docs root that
    includes may not leave. ``set_current_page(None, None)`` clears it.
    """
    _CURRENT_PAGE.set(_make_context(path, docs_dir))


def get_current_page() -> PageContext | None:
    """Return the page context set by :func:`set_current_page`, if any."""
    return _CURRENT_PAGE.get()


@contextmanager
def page_context(
    path: Path | str | None, docs_dir: Path | str | None = None
) -> Iterator[PageContext | None]:
    """Set the current page for the duration of a ``with`` block."""
    context = _make_context(path, docs_dir)
    token = _CURRENT_PAGE.set(context)
    try:
        yield context
    finally:
        _CURRENT_PAGE.reset(token)


@dataclass(frozen=True)
class _Location:
    page_path: Path | None
    page_dir: Path
    root: Path

    def label(self) -> str:
        if self.page_path is None:
            return "<unknown page>"
        if self.page_path.is_relative_to(self.root):
            return self.page_path.relative_to(self.root).as_posix()
        return str(self.page_path)


def _mkdocs_page(md: Markdown) -> tuple[Path | None, Path | None]:
    """Duck-typed look at MkDocs' per-page ``relpath`` tree processor."""
    if "relpath" not in md.treeprocessors:
        return None, None
    processor: Any = md.treeprocessors["relpath"]
    file = getattr(processor, "file", None)
    config = getattr(processor, "config", None)
    docs_dir: Path | None = None
    raw_docs = getattr(config, "docs_dir", None)
    if isinstance(raw_docs, str) and raw_docs:
        docs_dir = Path(raw_docs).resolve()
    page: Path | None = None
    abs_src = getattr(file, "abs_src_path", None)
    src_uri = getattr(file, "src_uri", None)
    if isinstance(abs_src, str) and abs_src:
        page = Path(abs_src).resolve()
    elif isinstance(src_uri, str) and src_uri and docs_dir is not None:
        page = (docs_dir / src_uri).resolve()
    return page, docs_dir


# --------------------------------------------------------------------------
# URL helpers
# --------------------------------------------------------------------------


def _is_unsafe_url(url: str) -> bool:
    """True for URLs with a scheme other than http(s) (``javascript:`` etc.)."""
    cleaned = _URL_JUNK_RE.sub("", url).lower()
    return bool(_SCHEME_RE.match(cleaned)) and not cleaned.startswith(_SAFE_SCHEMES)


def _is_remote(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def _parse_attrs(text: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for match in _ATTR_RE.finditer(text):
        value = match.group("dq")
        if value is None:
            value = match.group("sq") or ""
        attrs[match.group("key").lower()] = html.unescape(value)
    return attrs


# --------------------------------------------------------------------------
# Includes
# --------------------------------------------------------------------------


def _strip_front_matter(lines: list[str]) -> list[str]:
    if not lines or lines[0].strip() != "---":
        return lines
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return lines[index + 1 :]
    return lines


def _closes_fence(line: str, fence: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= len(fence) and set(stripped) == {fence[0]}


class _IncludePreprocessor(Preprocessor):
    """Works out the page location, then expands ``[!INCLUDE]`` lines."""

    def __init__(self, md: Markdown, ext: LearnSyntaxExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        location = self.ext.locate(self.md)
        stack = [location.page_path] if location.page_path is not None else []
        return self._expand(lines, location.page_dir, stack, 0, location)

    def _expand(
        self,
        lines: list[str],
        current_dir: Path,
        stack: list[Path],
        depth: int,
        location: _Location,
    ) -> list[str]:
        out: list[str] = []
        fence: str | None = None
        rewrite_images = current_dir != location.page_dir
        for line in lines:
            if fence is not None:
                out.append(line)
                if _closes_fence(line, fence):
                    fence = None
                continue
            opening = _FENCE_OPEN_RE.match(line)
            if opening is not None and not (
                opening.group("fence")[0] == "`" and "`" in line[opening.end() :]
            ):
                fence = opening.group("fence")
                out.append(line)
                continue
            match = _INCLUDE_RE.match(line)
            if match is None:
                if rewrite_images:
                    out.append(self._rewrite_image_paths(line, current_dir, location))
                else:
                    out.append(line)
                continue
            out.extend(self._include(match, current_dir, stack, depth, location))
        return out

    @staticmethod
    def _rewrite_image_paths(line: str, current_dir: Path, location: _Location) -> str:
        """Keep ``:::image`` paths of an included file relative to that file."""
        if _IMAGE_RE.match(line) is None:
            return line

        def fix(match: re.Match[str]) -> str:
            if match.group("key").lower() not in ("source", "lightbox"):
                return match.group(0)
            value = match.group("dq")
            quote = '"'
            if value is None:
                value, quote = match.group("sq") or "", "'"
            if not value or value.startswith(("/", "#")) or _is_remote(value):
                return match.group(0)
            if _is_unsafe_url(value):
                return match.group(0)
            target = os.path.normpath(current_dir / value)
            relative = Path(os.path.relpath(target, location.page_dir)).as_posix()
            return f"{match.group('key')}={quote}{relative}{quote}"

        return _ATTR_RE.sub(fix, line)

    def _include(
        self,
        match: re.Match[str],
        current_dir: Path,
        stack: list[Path],
        depth: int,
        location: _Location,
    ) -> list[str]:
        raw = match.group("angle")
        if raw is None:
            raw = match.group("path")
        raw = raw.strip()
        page = location.label()
        if not raw or _is_remote(raw) or _is_unsafe_url(raw):
            self.ext.warn(
                f"learn_syntax: include '{raw}' in page '{page}' is not a local file; skipped."
            )
            return []
        path = unquote(urlsplit(raw).path)
        if path.startswith("/"):
            target = (location.root / path.lstrip("/")).resolve()
        else:
            target = (current_dir / path).resolve()
        if not target.is_relative_to(location.root):
            self.ext.warn(
                f"learn_syntax: include '{raw}' in page '{page}' resolves to '{target}', "
                f"outside the docs root '{location.root}'; refused."
            )
            return []
        if target in stack:
            self.ext.warn(
                f"learn_syntax: include cycle: '{raw}' in page '{page}' "
                "includes a file that is already being included; skipped."
            )
            return []
        if depth >= self.ext.max_include_depth:
            self.ext.warn(
                f"learn_syntax: include '{raw}' in page '{page}' exceeds the maximum include depth "
                f"of {self.ext.max_include_depth}; skipped."
            )
            return []
        if not target.is_file():
            self.ext.warn(
                f"learn_syntax: include file '{raw}' not found "
                f"(looked for '{target}') in page '{page}'."
            )
            return []
        try:
            text = target.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            self.ext.warn(f"learn_syntax: cannot read include '{raw}' in page '{page}': {exc}")
            return []
        body = _strip_front_matter(text.splitlines())
        expanded = self._expand(body, target.parent, [*stack, target], depth + 1, location)
        indent = match.group("indent")
        return ["", *[indent + line if line.strip() else line for line in expanded], ""]


# --------------------------------------------------------------------------
# Alerts
# --------------------------------------------------------------------------


class _AlertProcessor(BlockQuoteProcessor):
    """``> [!NOTE]`` blockquotes -> admonition ``div`` (runs before 'quote')."""

    def _marker(self, block: str) -> tuple[re.Match[str], re.Match[str]] | None:
        quote = self.RE.search(block)
        if quote is None:
            return None
        marker = _ALERT_MARKER_RE.match(quote.group(2).strip())
        if marker is None:
            return None
        return quote, marker

    def test(self, parent: etree.Element, block: str) -> bool:
        return self._marker(block) is not None and not nearing_recursion_limit()

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        found = self._marker(block)
        if found is None:  # pragma: no cover - test() guarantees a match
            blocks.insert(0, block)
            return
        quote, marker = found
        before = block[: quote.start()]
        if before.strip():
            self.parser.parseBlocks(parent, [before])
        lines = [self.clean(line) for line in block[quote.end(1) :].split("\n")]
        rest = marker.group("rest").strip()
        body = "\n".join(([rest] if rest else []) + lines[1:])

        css_class, title = ALERT_TYPES[marker.group("kind").lower()]
        div = etree.SubElement(parent, "div", {"class": f"admonition {css_class}"})
        heading = etree.SubElement(div, "p", {"class": "admonition-title"})
        heading.text = title
        self.parser.state.set("learn_alert")
        self.parser.parseChunk(div, body)
        self.parser.state.reset()


# --------------------------------------------------------------------------
# Images
# --------------------------------------------------------------------------


class _ImageProcessor(BlockProcessor):
    """``:::image ...:::`` lines -> ``<figure>``.

    Registered twice: with a high priority for blocks that *start* with the
    directive (so an indentation of four or five spaces does not turn it into
    a code block), and just above the paragraph processor for directives
    further down a block (so lists, headings, etc. claim their lines first).
    """

    def __init__(self, parser: BlockParser, ext: LearnSyntaxExtension, anywhere: bool) -> None:
        super().__init__(parser)
        self.ext = ext
        self.anywhere = anywhere

    def _find(self, block: str) -> re.Match[str] | None:
        if self.anywhere:
            return _IMAGE_RE.search(block)
        return _IMAGE_RE.match(block)

    def test(self, parent: etree.Element, block: str) -> bool:
        return self._find(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        match = self._find(block)
        if match is None:  # pragma: no cover - test() guarantees a match
            blocks.insert(0, block)
            return
        before = block[: match.start()]
        after = block[match.end() :].lstrip("\n")
        if before.strip():
            self.parser.parseBlocks(parent, [before.rstrip("\n")])

        attrs = _parse_attrs(match.group("attrs"))
        description: str | None = None
        if attrs.get("type", "content").lower() == "complex":
            description, after = self._take_description(after, blocks, attrs)

        self.ext.build_image(parent, attrs, description, self.parser)
        if after.strip():
            blocks.insert(0, after)

    def _take_description(
        self, after: str, blocks: list[str], attrs: dict[str, str]
    ) -> tuple[str | None, str]:
        """Split off the long description up to ``:::image-end:::``."""
        end = _IMAGE_END_RE.search(after)
        if end is not None:
            return after[: end.start()].rstrip(), after[end.end() :].lstrip("\n")
        for index, candidate in enumerate(blocks):
            end = _IMAGE_END_RE.search(candidate)
            if end is None:
                continue
            parts = [after, *blocks[:index], candidate[: end.start()].rstrip()]
            rest = candidate[end.end() :].lstrip("\n")
            del blocks[: index + 1]
            return "\n\n".join(part for part in parts if part.strip()), rest
        self.ext.warn(
            f"learn_syntax: complex image '{attrs.get('source', '')}' in page "
            f"'{self.ext.location_label()}' has no ':::image-end:::' line."
        )
        return None, after


# --------------------------------------------------------------------------
# Extension
# --------------------------------------------------------------------------


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
        self._location: _Location | None = None

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

    def locate(self, md: Markdown) -> _Location:
        """Work out (and remember for this conversion) where the page lives."""
        page: Path | None = None
        docs: Path | None = None
        context = _CURRENT_PAGE.get()
        if context is not None:
            page, docs = context.page_path, context.docs_dir
        else:
            page, docs = _mkdocs_page(md)
        if page is not None:
            page_dir = page.parent
        else:
            page_dir = docs or self.base_dir or Path.cwd().resolve()
        root = docs or self.base_dir or page_dir
        if not page_dir.is_relative_to(root):
            root = page_dir
        self._location = _Location(page_path=page, page_dir=page_dir, root=root)
        return self._location

    @property
    def location(self) -> _Location:
        if self._location is None:
            base = self.base_dir or Path.cwd().resolve()
            self._location = _Location(page_path=None, page_dir=base, root=base)
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
        if _is_unsafe_url(url):
            self.warn(
                f"learn_syntax: {what} '{url}' in page '{page}' "
                "uses a disallowed URL scheme; refused."
            )
            return False
        if _is_remote(url):
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
        md.preprocessors.register(_IncludePreprocessor(md, self), "learn_include", 35)
        # After list indentation (90), before indented code (80).
        md.parser.blockprocessors.register(
            _ImageProcessor(md.parser, self, anywhere=False), "learn_image", 85
        )
        # Just above blockquote (20).
        md.parser.blockprocessors.register(_AlertProcessor(md.parser), "learn_alert", 25)
        # Just above paragraph (10), below reference (15).
        md.parser.blockprocessors.register(
            _ImageProcessor(md.parser, self, anywhere=True), "learn_image_inline", 12
        )

    def reset(self) -> None:
        self._location = None


def makeExtension(**kwargs: Any) -> LearnSyntaxExtension:
    """Entry point used by ``markdown_extensions: [privacy_pages.learn_syntax]``."""
    return LearnSyntaxExtension(**kwargs)
