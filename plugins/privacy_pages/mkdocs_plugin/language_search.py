"""Material's search, one index per language, on a site that builds its languages with the
plugin's option ``languages`` (mkdocs-static-i18n builds each language on its own, and each of
its builds writes an index of its own already).

Material's search reads ``search/search_index.json`` under the page's ``__config.base`` and
links each result from that base. So, after Material has written the site's one index (and its
offline plugin the ``search_index.js`` copy):

- each other language's pages (``fr/...``) move to an index of their own,
  ``fr/search/search_index.json``, their locations made relative to ``fr/``; the site's pages
  that have no version in that language stay in it too (``../guide/``), as i18n's fallback
  pages do, so that a French reader still finds them;
- the site's index keeps the pages that are not in another language's folder;
- each page in another language's folder gets ``fr/`` as its ``__config.base``, so that its
  search box reads its language's index. A site with mike keeps one index: mike's version
  selector reads its versions beside that base. Material reads the theme's words and the site's
  scope for stored preferences (the palette) elsewhere: neither changes. With
  ``navigation.instant``, Material reads the ``sitemap.xml`` under that base to know which
  links it may follow in place; the folder has none, so a link from a page in another language
  loads the next page whole, which also loads that page's index.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any

from jinja2.utils import htmlsafe_json_dumps

from ..settings import Settings

#: Material's page configuration, which its script reads at start.
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
INDEX = "search/search_index.json"
#: What Material's offline plugin writes beside the index, for pages opened from the disk.
SCRIPT = "search/search_index.js"


def splits_search(config: Any, settings: Settings) -> bool:
    """Whether the site gets an index per language: languages by the plugin's option, on
    Material with its search plugin, and without mike (whose version selector reads the
    versions beside ``__config.base``, which a language's folder would move)."""
    version = config.extra.get("version") if isinstance(config.extra, dict) else None
    mike = isinstance(version, dict) and version.get("provider") == "mike"
    searched = any(
        type(plugin).__module__.startswith("material.plugins.search")
        for plugin in config.plugins.values()
    )
    return (
        bool(other_languages(settings))
        and config.theme.name == "material"
        and searched
        and not mike
    )


def other_languages(settings: Settings) -> tuple[str, ...]:
    """The languages built under a folder of their own."""
    return tuple(code for code in settings.languages if code != settings.language)


def url_language(url: str, settings: Settings) -> str | None:
    """The other language whose folder holds ``url`` (a page's URL or a search location)."""
    language = settings.page_language(url)
    return None if language == settings.language else language


def language_base(output: str, url: str, language: str) -> str:
    """A written page in ``language``'s folder with that folder as Material's ``base``."""
    match = _CONFIG.search(output)
    if match is None:
        return output
    try:
        config = json.loads(match.group(2))
    except ValueError:
        return output
    if not isinstance(config, dict) or "base" not in config:
        return output
    folder = url if url.endswith("/") else posixpath.dirname(url)
    config["base"] = posixpath.relpath(language, folder.rstrip("/") or ".")
    script = match.group(1) + str(htmlsafe_json_dumps(config)) + match.group(3)
    return output[: match.start()] + script + output[match.end() :]


def split_search_index(site_dir: str, settings: Settings) -> list[Path]:
    """Write an index per language from Material's one index (see the module's docstring);
    returns the files written, none when the site has no index."""
    languages = other_languages(settings)
    root = Path(site_dir)
    if not languages or not (root / INDEX).is_file():
        return []
    index = json.loads((root / INDEX).read_text("utf-8"))
    if not isinstance(index, dict) or not isinstance(index.get("docs"), list):
        return []  # not an index Material wrote: left as it is
    docs: list[dict[str, Any]] = [doc for doc in index["docs"] if isinstance(doc, dict)]
    by_language: dict[str | None, list[dict[str, Any]]] = {None: []}
    by_language.update((language, []) for language in languages)
    for doc in docs:
        by_language[url_language(str(doc.get("location", "")), settings)].append(doc)
    site_docs = by_language[None]
    written = [_write(root, "", {**index, "docs": site_docs})]
    for language in languages:
        own = [_moved(doc, language, "") for doc in by_language[language]]
        pages = {_page(doc["location"]) for doc in own}
        fallback = [
            _moved(doc, "", "../") for doc in site_docs if _page(doc.get("location")) not in pages
        ]
        written.append(_write(root, f"{language}/", {**index, "docs": own + fallback}))
    return written


def _page(location: object) -> str:
    return str(location or "").split("#", 1)[0]


def _moved(doc: dict[str, Any], language: str, prefix: str) -> dict[str, Any]:
    location = str(doc.get("location", ""))
    if language:
        location = location.removeprefix(language).removeprefix("/")
    return {**doc, "location": prefix + location}


def _write(root: Path, folder: str, index: dict[str, Any]) -> Path:
    data = json.dumps(index, separators=(",", ":"), default=str)
    target = root / folder / INDEX
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(data, "utf-8")
    if (root / SCRIPT).is_file():  # Material's offline plugin has written its copy
        (root / folder / SCRIPT).write_text(f"var __index = {data}", "utf-8")
    return target


__all__ = [
    "language_base",
    "other_languages",
    "split_search_index",
    "splits_search",
    "url_language",
]
