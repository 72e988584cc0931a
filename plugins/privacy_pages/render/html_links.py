"""Relative links in Markdown text that a page shows inside raw HTML (the data-item index's
descriptions of items and categories).

A site generator rewrites the relative links of a page's Markdown (``../guide/index.md`` becomes
``../../guide/``), but leaves raw HTML as it is: a link converted from a description there
would point at a ``.md`` file the site does not have. So such links are written for the page
they are on as the site generator would write them (:func:`page_links`), the way the templates
write their own links (:func:`~.paths.relative_url`).

Like every relative link in the records, they are written for the product pages in the site's
language (``privacy/<id>.md``). On a page in another language, a link to a generated page leads
to that language's version of it, and any other link to the page the site has in one language.
"""

from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import quote, unquote, urlsplit

from ..settings import Settings
from .paths import page_url, relative_link, relative_url

#: A link or an image as the sanitizer writes it: attribute values in double quotes.
_HREF = re.compile(r'(<(?:a\b[^<>]*?\shref|img\b[^<>]*?\ssrc)=")([^"]*)(")')


def page_links(converted: str, page: str, settings: Settings) -> str:
    """Sanitized HTML with its relative links written for ``page`` (its path in the docs
    folder; ``settings``, its language's)."""
    if 'href="' not in converted and 'src="' not in converted:
        return converted
    return _HREF.sub(
        lambda m: m.group(1) + _url(m.group(2), page, settings) + m.group(3), converted
    )


def _url(written: str, page: str, settings: Settings) -> str:
    scheme, netloc, path, query, fragment = urlsplit(html.unescape(written))
    if scheme or netloc or not path or path.startswith(("/", "\\")):
        return written
    language = settings.language if settings.site_language is not None else None
    site_page = page.removeprefix(f"{language}/") if language else page
    target = posixpath.normpath(posixpath.join(posixpath.dirname(site_page), unquote(path)))
    if target.startswith("../") or target == "..":
        return written  # outside the docs folder: left as the writer wrote it
    if not posixpath.splitext(target)[1]:
        target = posixpath.join(target, "index.md")  # a folder: its index page
    site_pages_dir = settings.pages_dir.removeprefix(f"{language}/") if language else None
    if language and site_pages_dir and _in_every_language(target, site_pages_dir):
        target = f"{language}/{target}"  # a generated page: this language's
    if target.endswith(".md"):
        url = relative_url(page, target, settings, fragment)
    else:  # a file: from the page's URL (a folder, with directory URLs)
        url = _file_url(page, target, settings) + (f"#{fragment}" if fragment else "")
    if query:
        url = url.replace("#", f"?{query}#", 1) if "#" in url else f"{url}?{query}"
    url = quote(url, safe="/#?&=:%~+-._!$'()*,;@")
    if urlsplit(url).scheme:  # a first segment with a colon reads as a scheme: a path it stays
        url = f"./{url}"
    return html.escape(url, quote=True)


def _in_every_language(target: str, pages_dir: str) -> bool:
    """Whether a generated page has a version in each language: every one (the versions of a
    statement too), not the downloads."""
    return target.startswith(f"{pages_dir}/") and target.endswith(".md")


def _file_url(page: str, target: str, settings: Settings) -> str:
    if settings.link_style == "source":
        return relative_link(page, target)
    source = page_url(page, settings.directory_urls)
    folder = source if source.endswith("/") or not source else posixpath.dirname(source)
    return posixpath.relpath(target, folder.rstrip("/") or ".")
