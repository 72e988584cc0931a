"""Where generated pages and downloads go, and the links between them."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from ..memo import memoized
from ..settings import Settings


def product_page_path(settings: Settings, product_id: str) -> str:
    return f"{settings.pages_dir}/{product_id}.md"


def release_page_path(settings: Settings, product_id: str, version: str) -> str:
    """A statement as a release published it (an archived or an upcoming version)."""
    return f"{settings.pages_dir}/{product_id}/releases/{version}.md"


def versions_page_path(settings: Settings, product_id: str, old: str, new: str) -> str:
    """What changed in a statement between two releases."""
    return f"{settings.pages_dir}/{product_id}/compare/{old}...{new}.md"


def comparison_page_path(settings: Settings, comparison_id: str) -> str:
    return f"{settings.pages_dir}/compare/{comparison_id}.md"


def data_item_index_path(settings: Settings) -> str:
    return f"{settings.pages_dir}/data-items.md"


#: The site-wide page of changes, inside the pages folder.
CHANGES_PAGE = "changes.md"


def changes_page_path(settings: Settings) -> str:
    return f"{settings.pages_dir}/{CHANGES_PAGE}"


#: The Atom feed of changes, at the root of the site.
FEED_PATH = "changes.xml"


def feed_path(settings: Settings) -> str:
    """The Atom feed of a language, at the root of the site: ``changes.xml`` for the site's
    language, ``changes.fr.xml`` for the French pages under ``fr/privacy`` (Material's script
    looks for a ``sitemap.xml`` beside every alternate link of a page's head, the feed's
    included: at the root there is one)."""
    folder = posixpath.dirname(settings.pages_dir)
    if not folder:
        return FEED_PATH
    return FEED_PATH.replace(".xml", f".{folder.replace('/', '.')}.xml")


JSON_SCHEMA_FILE = "privacy-json.schema.json"


#: The packaged script and style sheet of the comparison tables, and where sites serve them.
SCRIPT = "assets/privacy-pages/privacy-pages.js"


STYLESHEET = "assets/privacy-pages/privacy-pages.css"


@dataclass(frozen=True)
class AssetPaths:
    """Where the downloads of a site go."""

    pages_dir: str

    @property
    def privacy_json(self) -> str:
        return f"{self.pages_dir}/privacy.json"

    @property
    def schema(self) -> str:
        return f"{self.pages_dir}/{JSON_SCHEMA_FILE}"

    def csv(self, comparison_id: str) -> str:
        return f"{self.pages_dir}/compare/{comparison_id}.csv"

    @property
    def processing_record(self) -> str:
        """The record of processing activities (GDPR Art. 30(1)), as CSV."""
        return f"{self.pages_dir}/processing-record.csv"


def version_page_product(path: str, pages_dir: str) -> str | None:
    """The product whose statement's earlier version (or comparison of two) is the page at
    ``path``, if it is one of the pages under ``pages_dir`` (each language has them under its
    own)."""
    found = _VERSION_PAGE.fullmatch(path)
    return found.group(2) if found and found.group(1) == pages_dir else None


_VERSION_PAGE = re.compile(r"(.+)/([^/]+)/(?:releases|compare)/[^/]+\.md")


def links_written_for(path: str, product_id: str | None, settings: Settings) -> str | None:
    """The page whose place the relative links in a generated page's text were written for,
    when that is not the page itself: a writer links from the product's page in the site's
    language (``privacy/<id>.md``), while the same text also shows a folder deeper, on the page
    in another language (``fr/privacy/<id>.md``) and on the statement's earlier versions
    (``privacy/<id>/releases/<v>.md``). ``settings`` are the site's."""
    written_for = settings.path_in(path, settings.language)
    if product_id is None:
        product_id = version_page_product(written_for, settings.pages_dir)
    if product_id is not None:
        written_for = product_page_path(settings, product_id)
    return None if written_for == path else written_for


def asset_paths(settings: Settings) -> AssetPaths:
    return AssetPaths(settings.pages_dir)


def is_comparison_page(path: str, settings: Settings) -> bool:
    return path.startswith(posixpath.dirname(comparison_page_path(settings, "x")) + "/")


@memoized(16384)  # pages link the same pages many times (index, comparisons)
def relative_link(from_page: str, to_page: str) -> str:
    """A relative ``.md`` link between two pages of the docs folder."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def page_url(path: str, directory_urls: bool) -> str:
    """The URL (relative to the site root) a static site generator gives a Markdown page."""
    stem = path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def relative_url(from_page: str, to_page: str, settings: Settings, fragment: str = "") -> str:
    """A link from one page to another (and an anchor on it), for links in raw HTML, which
    Markdown leaves as they are: the final URL for a host that does the same (MkDocs), or the
    source file's path for a host that resolves links in raw HTML as it does Markdown links
    (Zensical; :attr:`Settings.link_style`)."""
    if settings.link_style == "source":
        url = relative_link(from_page, to_page)
    else:
        url = _relative_page_url(from_page, to_page, settings.directory_urls)
    return f"{url}#{fragment}" if fragment else url


def relative_page_url(from_page: str, to_page: str, settings: Settings) -> str:
    """The final URL of one page from another, whatever the host does with links (for a file
    the host serves as it is)."""
    return _relative_page_url(from_page, to_page, settings.directory_urls)


@memoized(16384)
def _relative_page_url(from_page: str, to_page: str, directory_urls: bool) -> str:
    # Once per pair of pages: a table links each of its products and the index once per row.
    source = page_url(from_page, directory_urls)
    target = page_url(to_page, directory_urls)
    source_dir = source if source.endswith("/") or not source else posixpath.dirname(source)
    url = posixpath.relpath(target or ".", source_dir or ".")
    if target.endswith("/") or not target:
        url = url.rstrip("/") + "/"
    return url
