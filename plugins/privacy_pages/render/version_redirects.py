"""Addresses that lead to where their content is: the version a product's page shows, and
what changed from the version before it.

Every version of a statement keeps its address (``privacy/<id>/releases/<version>/``), so that
it can be cited. While a version is the one its product's page shows, unchanged (see
:mod:`privacy_pages.history.current_versions`), its address is a small HTML file that sends
the reader to the product's page, as mkdocs-redirects writes them: a page of its own would
repeat the product's page word for word. It is a file, not a page: search, the sitemap and the
nav leave it out. Once a later version takes effect, the build renders the version's page at
that address instead.

What changed from one version to the next is said by the newer one's entry in the change
history; their comparison address (``privacy/<id>/compare/<old>...<new>/``) leads there. Any
other two versions have a comparison page.
"""

from __future__ import annotations

import html
import json

from ..history.releases import History
from ..messages import RIGHT_TO_LEFT, base_language
from ..model import Dataset
from ..settings import Settings
from .generated import GeneratedAsset
from .paths import (
    page_url,
    product_page_path,
    relative_page_url,
    release_page_path,
    versions_page_path,
)


def render_version_redirects(
    dataset: Dataset, settings: Settings, history: History | None
) -> list[GeneratedAsset]:
    """A file at the address of each version a product's page shows, and at the comparison
    address of each version with the one before it (its entry in the change history), in the
    language of ``settings``."""
    if not history:
        return []
    files = []
    for product_id, version in sorted(history.on_product_pages.items()):
        if product_id in dataset.products:
            name = dataset.products[product_id].name
            words = settings.messages.gettext(
                "Release %(version)s is the version of %(product)s in effect today.",
                version=version,
                product=name,
            )
            source = release_page_path(settings, product_id, version)
            target = product_page_path(settings, product_id)
            files.append(_redirect(settings, source, target, "", f"{name} ({version})", words))
    for release in history.releases:
        for product_id in release.products:
            before = history.version_before(release, product_id)
            if before is None or not history.entry_compares(
                product_id, before.version, release.version
            ):
                continue
            name = release.product_names.get(product_id, product_id)
            words = settings.messages.gettext(
                "What changed in %(product)s in release %(version)s is in its change history.",
                version=release.version,
                product=name,
            )
            source = versions_page_path(settings, product_id, before.version, release.version)
            if history.on_product_page(product_id, release.version):
                target = product_page_path(settings, product_id)
            else:
                target = release_page_path(settings, product_id, release.version)
            title = f"{name} ({before.version}...{release.version})"
            files.append(_redirect(settings, source, target, release.anchor, title, words))
    return files


def _redirect(
    settings: Settings, source: str, target: str, fragment: str, title: str, words: str
) -> GeneratedAsset:
    """The file at ``source``'s address that leads to ``target`` (at ``fragment``, else at
    the fragment of the link followed)."""
    url = page_url(source, settings.directory_urls)
    path = f"{url}index.html" if url.endswith("/") else url
    # The final URL: the file is served as it is, whatever the host does with links.
    href = relative_page_url(source, target, settings)
    href = f"{href}#{fragment}" if fragment else href
    script = json.dumps(href).replace("<", "\\u003c")
    text = REDIRECT.format(
        language=html.escape(settings.language),
        direction="rtl" if base_language(settings.language) in RIGHT_TO_LEFT else "ltr",
        title=html.escape(title),
        target=html.escape(href),
        script=script if fragment else f"{script} + location.hash",
        words=html.escape(words),
        link=html.escape(settings.messages.gettext("Read it on its page.")),
    )
    return GeneratedAsset(path, text)


#: The file itself: a refresh for any browser, a script that keeps the link's fragment (an
#: item's anchor), the canonical address for search engines, and a link for the rest.
REDIRECT = """\
<!doctype html>
<html lang="{language}" dir="{direction}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="{target}">
<meta http-equiv="refresh" content="0; url={target}">
<script>location.replace({script})</script>
</head>
<body>
<main><p>{words} <a href="{target}">{link}</a></p></main>
</body>
</html>
"""


__all__ = ["render_version_redirects"]
