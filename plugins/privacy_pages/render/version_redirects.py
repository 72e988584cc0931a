"""The address of the version a product's page shows, leading to that page.

Every version of a statement keeps its address (``privacy/<id>/releases/<version>/``), so that
it can be cited. While a version is the one its product's page shows, unchanged (see
:mod:`privacy_pages.history.current_versions`), its address is a small HTML file that sends
the reader to the product's page, as mkdocs-redirects writes them: a page of its own would
repeat the product's page word for word. It is a file, not a page: search, the sitemap and the
nav leave it out. Once a later version takes effect, the build renders the version's page at
that address instead.
"""

from __future__ import annotations

import html
import json

from .. import messages
from ..history.releases import History
from ..messages import RIGHT_TO_LEFT, base_language
from ..model import Dataset
from ..settings import Settings
from .generated import GeneratedAsset
from .paths import page_url, product_page_path, relative_page_url, release_page_path


def render_version_redirects(
    dataset: Dataset, settings: Settings, history: History | None
) -> list[GeneratedAsset]:
    """A file at the address of each version a product's page shows."""
    if not history:
        return []
    return [
        _redirect(settings, product_id, version, dataset.products[product_id].name)
        for product_id, version in sorted(history.on_product_pages.items())
        if product_id in dataset.products
    ]


def _redirect(settings: Settings, product_id: str, version: str, name: str) -> GeneratedAsset:
    source = release_page_path(settings, product_id, version)
    url = page_url(source, settings.directory_urls)
    path = f"{url}index.html" if url.endswith("/") else url
    # The final URL: the file is served as it is, whatever the host does with links.
    target = relative_page_url(source, product_page_path(settings, product_id), settings)
    title = f"{name} ({version})"
    words = messages._(
        "Release %(version)s is the version of %(product)s in effect today.",
        version=version,
        product=name,
    )
    language = settings.language
    direction = "rtl" if base_language(language) in RIGHT_TO_LEFT else "ltr"
    text = REDIRECT.format(
        language=html.escape(language),
        direction=direction,
        title=html.escape(title),
        target=html.escape(target),
        script_target=json.dumps(target).replace("<", "\\u003c"),
        words=html.escape(words),
        link=html.escape(messages._("Read it on its page.")),
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
<script>location.replace({script_target} + location.hash)</script>
</head>
<body>
<main><p>{words} <a href="{target}">{link}</a></p></main>
</body>
</html>
"""


__all__ = ["render_version_redirects"]
