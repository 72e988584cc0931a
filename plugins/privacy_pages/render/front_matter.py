"""The YAML front matter of generated pages."""

from __future__ import annotations

import html
from collections.abc import Mapping

import yaml

from ..load.metadata import KEPT_AS_WRITTEN
from ..model import Product
from ..settings import Settings

#: libyaml's emitter: for plain ASCII text it writes what PyYAML's own writes, five times faster.
_FAST_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _ascii_text(value: object) -> bool:
    if isinstance(value, list):
        return all(_ascii_text(entry) for entry in value)
    return isinstance(value, str) and value.isascii() and value.isprintable()


def yaml_header(data: Mapping[str, object]) -> str:
    """Front matter as YAML (one key per line, in order, Unicode as is). Values that are not all
    printable ASCII text go through PyYAML's own emitter, whose quoting the pages keep."""
    simple = all(_ascii_text(key) and _ascii_text(value) for key, value in data.items())
    dumper = _FAST_DUMPER if simple else yaml.SafeDumper
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=10_000)


def front_matter(product: Product, settings: Settings) -> dict[str, object]:
    """The normalized metadata of a product page, with the product id added."""
    meta: dict[str, object] = {"title": product.name}
    meta.update(product.metadata)
    meta["product_id"] = product.id
    return meta


def browser_title(product: Product) -> str:
    """What a browser tab shows for a product's page: the metadata title (with its
    ``titleSuffix``, as Microsoft Learn shows it), and the product's name when neither names
    it, joined by en dashes ("Privacy and personal data", "Microsoft Managed Desktop"). The
    front matter keeps the writer's title for their publishing system; hosts that can set the
    tab's title use this."""
    parts = [
        str(product.metadata[key]).strip()
        for key in ("title", "titleSuffix")
        if isinstance(product.metadata.get(key), str) and str(product.metadata[key]).strip()
    ]
    if not any(product.name.casefold() in part.casefold() for part in parts):
        parts.append(product.name)
    return " \u2013 ".join(parts)


def page_front_matter(title: str, description: str) -> str:
    """The front matter of a page that is not a product's: its title and description."""
    header = yaml_header({"title": title, "description": description})
    return f"---\n{header}---\n\n"


def with_escaped_front_matter(markdown: str) -> str:
    """A generated page with the text of its front matter HTML-escaped, but for
    :data:`KEPT_AS_WRITTEN` (tags).

    Themes print those keys without escaping them; the MkDocs plugin escapes them in
    ``page.meta`` as MkDocs reads the page. A page written for a host without the plugin
    (``privacy-pages render``) carries them escaped instead, so that no text from content
    becomes markup there either."""
    if not markdown.startswith("---\n"):
        return markdown
    end = markdown.find("\n---\n", 3)
    if end == -1:
        return markdown
    data = yaml.safe_load(markdown[4 : end + 1])
    if not isinstance(data, dict):
        return markdown
    escaped = {
        key: value if key in KEPT_AS_WRITTEN else _escaped(value) for key, value in data.items()
    }
    return f"---\n{yaml_header(escaped)}---\n" + markdown[end + 5 :]


def _escaped(value: object) -> object:
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, list):
        return [_escaped(entry) for entry in value]
    return value
