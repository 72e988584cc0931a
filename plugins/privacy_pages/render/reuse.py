"""The pages of the last build, kept in memory with what they were rendered from, so that a
rebuild (``mkdocs serve``) renders again only the pages whose inputs changed.

An edit to one product changes its page, the comparisons that show it and the data-item index;
the other product pages and comparisons come out the same, and rendering them again was most of
a rebuild's own work. A page is reused only when everything it is rendered from is equal to last
time (compared by value, in order, never by file times):

- for every page: the settings, the categories, the comparison specs, the store tables, the
  release history, the date that marks recent changes, and the templates' text;
- for a product page: its product and the catalog items it names (the same for its entry in
  ``privacy.json`` and its app-store files, which show the items' store data types);
- for a row of the data-item index: its catalog item, the products that state it, and the
  names of those that do not (its other inputs, the store tables, every page has);
- for a comparison: its spec, its products, the catalog items of its rows and the other
  comparisons' titles; the same for its CSV and its entry in ``privacy.json``;
- for a version of a statement, or a comparison of two versions: the release history (which
  every page has) and, for a comparison, the product's current name.

In another language, a page shows a notice after any text that is not a current translation,
whichever record the text comes from: a page (or a part of one) is also compared with what each
text it looked up for a notice shows now (see ``translated.texts_noticed``).

An edit to a catalog item thus renders again the pages that show it, not every page. A site
template may reach other records through ``dataset``: a product page whose template reads
``dataset.products`` or ``dataset.catalog`` (or any other part not listed above) is never
reused. The data-item
index and the "What changed" page show every product, and are always rendered (the index from
its rows, each one reused when its inputs are as last build).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from ..compare.cells import Statement
from ..compare.collection import statements_of
from ..memo import MemoByIdentity
from ..model import Dataset, Product
from .templates import default_templates_dir
from .translated import (
    NOTHING_SHOWN,
    Notices,
    Showing,
    notices_as_before,
    notices_of,
    texts_noticed,
)

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")

#: The parts of a dataset that every page's inputs include (compared each build).
_SHARED = ("categories", "comparisons", "store_tables")


@dataclass
class PageReuse:
    """The last build's pages and their inputs (one per ``mkdocs serve``; never on disk)."""

    #: What every page was rendered from, last build (its fingerprint).
    shared: str | None = None
    #: By key (a product's or comparison's id): what the page was rendered from, and the page.
    pages: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    #: Whether this build's shared inputs are those of the last build.
    same_shared: bool = False
    #: Pages rendered and reused by the last build (for the tests and the benchmark).
    rendered: int = 0
    reused: int = 0
    #: The same for parts of pages (rows of the data-item index).
    parts_rendered: int = 0
    parts_reused: int = 0
    #: This build's fingerprints, by the id of what they were made of (kept with it, so that
    #: the id stays its own): a product's page and its privacy.json entry share one.
    _made: dict[int, tuple[Any, str]] = field(default_factory=dict)
    #: This build's digests of fingerprints, the same way.
    _digests: dict[int, tuple[Any, bytes]] = field(default_factory=dict)
    #: The pages of each other language of the site, kept the same way.
    _languages: dict[str, PageReuse] = field(default_factory=dict)
    #: What each product states, kept while it is the same object (a frozen product).
    statements: MemoByIdentity[Product, dict[str, Statement]] = field(
        default_factory=lambda: MemoByIdentity(statements_of)
    )
    #: The fingerprints of frozen records, this build's and the last (see _own_fingerprint).
    _fingerprints: dict[int, tuple[Any, str]] = field(default_factory=dict)
    _kept_fingerprints: dict[int, tuple[Any, str]] = field(default_factory=dict)
    #: What a value's fingerprint also holds (in another language: what its page shows in
    #: place of translations), set by :meth:`start`.
    _also: Callable[[Any], Any] | None = None
    #: Other work kept by the identity of what it was done on, by name (see
    #: :meth:`by_identity`).
    _by_identity: dict[str, MemoByIdentity[Any, Any]] = field(default_factory=dict)
    #: The comparison tables of this build and the last, by their spec (see :meth:`comparison`).
    _tables: dict[str, tuple[bytes, Any]] = field(default_factory=dict)
    _kept_tables: dict[str, tuple[bytes, Any]] = field(default_factory=dict)
    #: By key: the texts each kept page looked up for a notice, and what they showed then.
    _notices: dict[str, Notices] = field(default_factory=dict)
    #: What this build's pages show in place of translations (their language's), set by
    #: :meth:`start`: the notices of a page are compared by it.
    _showing: Showing = NOTHING_SHOWN

    def for_language(self, language: str) -> PageReuse:
        """The last build's pages in another language than the site's."""
        return self._languages.setdefault(language, PageReuse())

    def by_identity(self, name: str, function: Callable[[K], V]) -> Callable[[K], V]:
        """``function`` of a value, kept while the value is the same object (a product linked
        from an unchanged file, see ``load.content.Relinking``; a page reused) and what every
        page is rendered from is as last build; ``name`` tells apart the kinds of work kept."""
        kept = self._by_identity.get(name)
        if kept is None:
            kept = self._by_identity[name] = MemoByIdentity(function)
        kept.function = function  # (the same work: this build's settings, equal to the last)
        return cast(Callable[[K], V], kept)

    def fingerprint(self, value: Any) -> str:
        """What ``value`` is compared by (see :func:`_fingerprint`), made once per build."""
        made = self._made.get(id(value))
        if made is None or made[0] is not value:
            own = self._own_fingerprint(value)
            if self._also is not None:
                own = f"{own}\n{_fingerprint(self._also(value))}"
            made = (value, own)
            self._made[id(value)] = made
        return made[1]

    def _own_fingerprint(self, value: Any) -> str:
        """The fingerprint of ``value`` itself. A frozen record the last build had too (a
        product linked from an unchanged file is the same object) keeps the last build's: it
        cannot have changed, and writing out a product is most of what comparing it costs."""
        kept = self._kept_fingerprints.get(id(value))
        if kept is None or kept[0] is not value:
            kept = (value, _fingerprint(value))
        if _frozen(value):
            self._fingerprints[id(value)] = kept
        return kept[1]

    def digest(self, value: Any) -> bytes:
        """A short digest of ``value``'s fingerprint, made once per build: what a part shown
        with many others (a product in the index's rows) is compared by."""
        made = self._digests.get(id(value))
        if made is None or made[0] is not value:
            made = (value, hashlib.sha256(self.fingerprint(value).encode("utf-8")).digest())
            self._digests[id(value)] = made
        return made[1]

    def product(self, product: Product, catalog: Mapping[str, Any]) -> str:
        """What a product's page, ``privacy.json`` entry or app-store files are made from,
        besides what every page is: the product and the ``catalog`` items it names (their
        store data types; in another language, their translations' notices)."""
        named = sorted({item.id for item in _named_items(product) if item.catalog})
        items = b"".join(self.digest(catalog.get(item_id)) for item_id in named)
        return f"{self.fingerprint(product)}\n{items.hex()}"

    def table(self, table: Any, others: Any = ()) -> str:
        """What a comparison's page, CSV or ``privacy.json`` entry is made from, besides what
        every page is: its spec, its products and the catalog items of its rows (its rows and
        cells come from them); ``others``: anything else the page shows (the other tables'
        titles)."""
        # (Each product by its digest: a comparison of every product joined their whole
        # fingerprints, megabytes per table and language on each rebuild.)
        products = b"".join(self.digest(column.product) for column in table.products)
        items = b"".join(self.digest(row.item) for row in table.rows)
        return "\n".join((repr(table.spec), repr(others), products.hex(), items.hex()))

    def comparison(
        self, spec: Any, products: tuple[Any, ...], items: tuple[Any, ...], make: Callable[[], T]
    ) -> T:
        """A comparison's table (its rows and cells): the last build's when its ``spec`` is
        equal, its ``products`` and the catalog ``items`` of its rows are equal to last
        build's (by digest) and every page's inputs (the categories...) are as last build;
        else ``make()``."""
        key = repr(spec)
        digests = b"".join(self.digest(value) for value in (*products, *items))
        kept = self._kept_tables.get(key)
        table = kept[1] if kept is not None and kept[0] == digests else make()
        self._tables[key] = (digests, table)
        return cast(T, table)

    def start(
        self,
        dataset: Dataset,
        *inputs: Any,
        templates_dir: Path | None,
        also: Callable[[Any], Any] | None = None,
        showing: Showing = NOTHING_SHOWN,
    ) -> None:
        """Begin a build: compare what every page is rendered from with the last build's.
        ``also``: what a product's fingerprint holds besides the product; ``showing``: what
        the build's pages show in place of translations."""
        shared = _fingerprint(
            (
                *(getattr(dataset, name) for name in _SHARED),
                *inputs,
                templates_digest(templates_dir),
            )
        )
        self.same_shared = shared == self.shared
        self._kept_tables, self._tables = self._tables, {}
        if not self.same_shared:
            self.pages.clear()
            self._notices.clear()
            self._by_identity.clear()
            self._kept_tables.clear()
        for kept in self._by_identity.values():
            kept.next_build()
        self.shared = shared
        self._showing = showing
        self.rendered = self.reused = self.parts_rendered = self.parts_reused = 0
        self._made, self._digests, self._also = {}, {}, also
        self._kept_fingerprints, self._fingerprints = self._fingerprints, {}
        self.statements.next_build()  # (its collection, made before, is this build's)

    def page(self, key: str, fingerprint: str, render: Callable[[], tuple[T, bool]]) -> T:
        """The page (or download, or part of one) for ``key``: last build's if its inputs'
        ``fingerprint`` is the last build's, else ``render()`` (which also says whether it may
        be kept)."""
        kept = self.pages.get(key)
        if kept is not None and self._as_before(key, kept, fingerprint):
            self.reused += 1
            return cast(T, kept[1])
        self.rendered += 1
        with texts_noticed(self._showing) as looked:
            page, keep = render()
        if keep:
            self.pages[key] = (fingerprint, page)
            self._notices[key] = notices_of(self._showing, looked)
        else:
            self.pages.pop(key, None)
        return page

    def part(self, key: str, fingerprint: Any, render: Callable[[], T]) -> T:
        """A part of a page that is always rendered (a row of the index): last build's if its
        inputs' ``fingerprint`` is the last build's, else ``render()``. Not counted as a page."""
        kept = self.pages.get(key)
        if kept is not None and self._as_before(key, kept, fingerprint):
            self.parts_reused += 1
            return cast(T, kept[1])
        self.parts_rendered += 1
        with texts_noticed(self._showing) as looked:
            part = render()
        self.pages[key] = (fingerprint, part)
        self._notices[key] = notices_of(self._showing, looked)
        return part

    def _as_before(self, key: str, kept: tuple[Any, Any], fingerprint: Any) -> bool:
        """Whether the kept page (or part) for ``key`` is made from the same inputs, and
        the texts it showed get the same notices (in another language: a text of any record
        may be shown with one)."""
        return (
            self.same_shared
            and kept[0] == fingerprint
            and notices_as_before(self._showing, self._notices.get(key, ()))
        )


class DatasetView:
    """A dataset for a template, noting whether the template read a part of it outside the
    inputs a reused page is compared by."""

    def __init__(self, dataset: Dataset) -> None:
        self._dataset = dataset
        self.read_elsewhere = False

    def __getattr__(self, name: str) -> Any:
        if name not in _SHARED and not name.startswith("category"):
            self.read_elsewhere = True
        return getattr(self._dataset, name)


def _named_items(product: Product) -> Iterator[Any]:
    """The items a product states, collected or never collected."""
    yield from product.items
    if product.never_collected is not None:
        yield from product.never_collected.items


def _frozen(value: Any) -> bool:
    params = getattr(type(value), "__dataclass_params__", None)
    return bool(params is not None and params.frozen)


def _fingerprint(inputs: Any) -> str:
    """What inputs are compared by: their ``repr``, which, unlike ``==``, tells dicts with the
    same items in another order apart (front matter and privacy.json keep the records' order).
    Records, settings and the history are dataclasses, tuples, dicts and text: their ``repr``
    shows every value."""
    return repr(inputs)


def templates_digest(override_dir: Path | None) -> str:
    """A digest of the text of every template a build may use (a site's and the packaged)."""
    digest = hashlib.sha256()
    for directory in (override_dir, default_templates_dir()):
        if directory is None or not directory.is_dir():
            continue
        for path in sorted(directory.rglob("*")):
            if path.is_file():
                digest.update(str(path.relative_to(directory)).encode("utf-8") + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
