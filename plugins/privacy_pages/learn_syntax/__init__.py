"""Python-Markdown extension for Microsoft Learn (DocFX) syntax.

Usable by any Python-Markdown user and by any MkDocs site::

    markdown_extensions:
      - admonition            # optional; the output does not depend on it
      - privacy_pages.learn_syntax:
          base_dir: docs      # optional, see "Path resolution" below

The package imports nothing but the standard library and ``markdown``: it is
usable without the rest of privacy-pages.

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
   :func:`page_context` (a :class:`contextvars.ContextVar`), by whatever
   converts the pages. For a site generator that gives extensions no other way
   to know the page, its own hook sets it; for MkDocs, the hooks file
   ``privacy_pages/mkdocs_plugin/learn_syntax_hooks.py`` does so from
   ``on_page_markdown`` when listed under ``hooks:``. (The privacy-pages plugin
   does not set it: under MkDocs, the next source already gives the page.)
2. Inside MkDocs (1.5+): the page that MkDocs is rendering, read (duck-typed,
   without importing MkDocs) from the ``relpath`` tree processor that MkDocs
   registers on every page's Markdown instance, together with the configured
   ``docs_dir``.
3. The ``base_dir`` config option (page directory and docs root at once).
4. The current working directory.

If a page context gives no docs directory, the root is ``base_dir`` when set,
else the page directory.
"""

from .extension import LOGGER_NAME, LearnSyntaxExtension, expand_includes, makeExtension
from .page_context import PageContext, get_current_page, page_context, set_current_page

__all__ = [
    "LOGGER_NAME",
    "LearnSyntaxExtension",
    "PageContext",
    "expand_includes",
    "get_current_page",
    "makeExtension",
    "page_context",
    "set_current_page",
]
