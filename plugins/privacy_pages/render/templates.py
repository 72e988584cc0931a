"""The Jinja environment that turns the model into Markdown.

Templates hold the page layout; Python holds the logic. Content strings are passed to
templates as data and are never rendered as templates themselves. Every ``{{ value }}`` is
escaped for Markdown unless a filter (``md``, ``cell``) has already made it safe, the way HTML
autoescaping works, so a template that forgets a filter still cannot leak markup.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import MutableMapping
from functools import cache, lru_cache
from pathlib import Path
from types import CodeType
from typing import Any, cast

import jinja2
import markdown
from markupsafe import Markup

from .. import markdown_text
from ..memo import memoized
from ..messages import SOURCE_MESSAGES, Messages
from ..model import gdpr
from .html_links import page_links
from .periods import in_page_language
from .sanitize import sanitize_html
from .translated import NOTHING_SHOWN, InPage, Noticed, Showing, noticed

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # privacy_pages/
#: The template variable naming the page that raw HTML is written for (its path and settings):
#: the relative links of Markdown converted into it are written for that page.
LINKS_PAGE = "links_page"


def default_templates_dir() -> Path:
    """The packaged templates: inside the installed package, or ``templates/`` in a checkout."""
    packaged = PACKAGE_DIR / "templates"
    if packaged.is_dir():
        return packaged
    checkout = PACKAGE_DIR.parent.parent / "templates"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"privacy-pages templates not found in {packaged} or {checkout}")


class PageEnvironment(jinja2.Environment):
    """A Jinja environment that renders pages in one language: its ``messages`` (the
    templates' ``_``, ``gettext`` and ``ngettext``) and what its pages show in place of
    translations (``showing``), which the content filters add notices by."""

    messages: Messages = SOURCE_MESSAGES
    showing: Showing = NOTHING_SHOWN


def _page_language(context: jinja2.runtime.Context) -> PageEnvironment:
    return cast(PageEnvironment, context.environment)


def _in_page(convert: Noticed) -> Any:
    """A content filter of the environment's language: with the notice after a text that is
    not a current translation. (Passed the context, a filter is never applied while a
    template compiles, when the page's language is not known.)"""

    @jinja2.pass_context
    def content_filter(context: jinja2.runtime.Context, value: object) -> Any:
        env = _page_language(context)
        return convert(value, env.showing, env.messages)

    return content_filter


@jinja2.pass_context
def _finalize(context: jinja2.runtime.Context, value: Any) -> Any:
    if value is None:
        raise ValueError("a template printed a missing value (None); guard it with {% if %}")
    if isinstance(value, Markup):  # filtered text, or the output of a macro
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return markdown_text.MarkdownSafe(str(value))
    env = _page_language(context)
    if isinstance(value, InPage):
        return value.in_page(env.showing, env.messages)
    return inline_noticed(value, env.showing, env.messages)


#: Text on one line, with the notice after a text that is not a current translation.
inline_noticed = noticed(markdown_text.inline)


def _anchor(value: str) -> markdown_text.MarkdownSafe:
    """An HTML anchor for an id that the schema already restricts to ``[a-z0-9-]``."""
    if not value.replace("-", "").isalnum() or not value.isascii():
        raise ValueError(f"unsafe anchor id {value!r}")
    return markdown_text.MarkdownSafe(f'<span class="pp-anchor" id="{value}"></span>')


_HTML_EXTRA = str.maketrans({"[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;"})


def html_text(value: object) -> markdown_text.MarkdownSafe:
    """Plain text for raw HTML inside a page (where Markdown escapes do not apply): HTML-escaped,
    on one line, with the brackets and braces that Markdown extensions look for as entities."""
    return _html_text(str(value))


#: :func:`html_text` for an element's content, with the notice after a text that is not a
#: current translation (in an attribute, no notice can go: use :func:`html_text` there).
html_noticed = noticed(html_text)


@memoized(8192)  # column keys, titles and conditions repeat in every row of a table
def _html_text(value: str) -> markdown_text.MarkdownSafe:
    text = " ".join(value.split())
    return markdown_text.MarkdownSafe(html.escape(text, quote=True).translate(_HTML_EXTRA))


def html_markdown(value: object) -> markdown_text.MarkdownSafe:
    """A Markdown field as HTML for raw HTML inside a page (a table cell of the data-item index),
    where the page's own Markdown is not converted: escaped as for a page, converted with
    Python-Markdown's core syntax, sanitized, and on one line, since a blank line would end the
    raw HTML block around it. Core syntax only: a site's Markdown extensions (notes, Learn
    syntax) do not apply inside raw HTML, so such text shows as written there."""
    return _html_markdown(str(value))


_html_markdown_noticed = noticed(html_markdown)


@jinja2.pass_context
def _html_md(context: jinja2.runtime.Context, value: object) -> markdown_text.MarkdownSafe:
    """The ``html_md`` filter: :func:`html_markdown` with the notice after a text that is not a
    current translation, and its relative links written for the page in the template's context
    (``links_page``: its path and settings; see :mod:`.html_links`)."""
    env = _page_language(context)
    converted = _html_markdown_noticed(value, env.showing, env.messages)
    found = context.get(LINKS_PAGE)
    return converted if found is None else markdown_text.MarkdownSafe(page_links(converted, *found))


@memoized(4096)  # a rebuild under mkdocs serve converts each description once
def _html_markdown(value: str) -> markdown_text.MarkdownSafe:
    converted = _converter().reset().convert(str(markdown_text.block(value)))
    cleaned = sanitize_html(converted).strip().replace("\n", "&#10;")
    return markdown_text.MarkdownSafe(cleaned.translate(_HTML_EXTRA))  # as for html_text


def html_line(value: object) -> markdown_text.MarkdownSafe:
    """A line of Markdown a template wrote (a change, its content's words already made safe)
    as HTML inside raw HTML, on one line: converted with Python-Markdown's core syntax and
    sanitized, like :func:`html_markdown`, without the paragraph around it."""
    converted = sanitize_html(_converter().reset().convert(str(value))).strip()
    converted = converted.removeprefix("<p>").removesuffix("</p>").replace("\n", " ")
    return markdown_text.MarkdownSafe(converted.translate(_HTML_EXTRA))


@cache
def _converter() -> markdown.Markdown:
    return markdown.Markdown()


class _TemplateLoader(jinja2.FileSystemLoader):
    """The site's and the packaged templates, each compiled once per process for every
    language's environment: the compiled code is kept as Python code, in memory (never
    serialized, as a Jinja bytecode cache would), by template and source."""

    def __init__(self, searchpath: list[str]) -> None:
        super().__init__(searchpath)
        self._code: dict[str, tuple[str, CodeType]] = {}

    def load(
        self,
        environment: jinja2.Environment,
        name: str,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        source, filename, uptodate = self.get_source(environment, name)
        kept = self._code.get(name)
        if kept is None or kept[0] != source:  # (an override edited under mkdocs serve)
            kept = self._code[name] = (source, environment.compile(source, name, filename))
        return environment.template_class.from_code(
            environment, kept[1], environment.make_globals(globals), uptodate
        )


@cache
def environment(override_dir: Path | None = None) -> PageEnvironment:
    """A Jinja environment with the site's overrides first and the packaged templates last,
    in English with nothing shown in place of translations (see :func:`page_environment`).

    Templates are compiled in memory when first used, once per process (about 0.3 s for all of
    them); no compiled code is kept on disk."""
    search = [str(override_dir)] if override_dir else []
    search.append(str(default_templates_dir()))
    env = PageEnvironment(
        loader=_TemplateLoader(search),
        undefined=jinja2.StrictUndefined,
        autoescape=True,  # with finalize: every printed value is Markdown-escaped
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
    )
    env.filters.update(  # each content filter says where a text is not a translation
        md=_in_page(noticed(markdown_text.block)),
        cell=_in_page(noticed(markdown_text.cell)),
        text=_in_page(inline_noticed),
        url=markdown_text.link_target,
        indent=markdown_text.indent,
        anchor=_anchor,
        html=html_text,  # (also in attributes, where no notice can go)
        html_noticed=_in_page(html_noticed),  # element content in raw HTML (names, conditions)
        html_md=_html_md,
        html_line=html_line,
        # A retention period: in the page's words, or free text translated like any text.
        period=_in_page(in_page_language(markdown_text.inline, inline_noticed)),
    )
    env.globals.update(_gettext_globals(SOURCE_MESSAGES), gdpr=gdpr)  # (the GDPR's terms by id)
    return env


def _gettext_globals(said: Messages) -> dict[str, Any]:
    """The package's own words in a template, in ``said``'s language."""
    return {
        "_": said.gettext,
        "gettext": said.gettext,
        "ngettext": said.ngettext,
        "format_date": said.format_date,
        # (for the model's words in the language: ``cell.label_in(messages)``)
        "messages": said,
    }


@lru_cache(maxsize=16)  # a build's languages, and the releases' translations of its versions
def page_environment(
    override_dir: Path | None, said: Messages, showing: Showing = NOTHING_SHOWN
) -> PageEnvironment:
    """The environment that renders pages in ``said``'s language, showing ``showing`` in
    place of translations: :func:`environment`'s, with its own globals and templates (a
    template's macros are bound to the environment that loaded it)."""
    base = environment(override_dir)
    if said is base.messages and showing is base.showing:
        return base
    env = base.overlay(cache_size=400)
    env.messages, env.showing = said, showing
    env.globals = {**base.globals, **_gettext_globals(said)}
    return env


def render(template: str, env: PageEnvironment, *, before: str = "", **context: Any) -> str:
    """Render one template to Markdown with ``env`` (see :func:`page_environment`), after
    ``before`` (a page's front matter), joined in one copy: a comparison of hundreds of
    products is megabytes."""
    found = env.get_template(template)
    if not before:
        return found.render(**context)
    return "".join(itertools.chain((before,), found.generate(**context)))
