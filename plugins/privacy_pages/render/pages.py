"""Every page a site generates, in order: a page per product, the "What changed" page, the
comparisons and the data-item index. Plain data (Markdown text and paths relative to the docs
folder), so that every adapter produces the same pages."""

from __future__ import annotations

import html
import posixpath
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from functools import partial
from typing import Any

from ..compare.collection import Collection
from ..compare.comparison import Comparison, comparisons
from ..history.archive import Archive
from ..history.releases import History, build_date
from ..messages import N_, language_name
from ..model import Dataset, Product
from ..settings import Settings
from .comparison_pages import planned_comparison_pages, render_comparison_pages
from .generated import GeneratedPage, PlannedPage, as_rendered
from .history_pages import render_changes_page
from .paths import changes_page_path, data_item_index_path, is_comparison_page, product_page_path
from .product_page import render_product
from .reuse import DatasetView, PageReuse
from .translated import NOTHING_SHOWN, Showing, Views
from .version_pages import current_version, plan_version_pages

#: The title of the "What changed" page (with a release history).
CHANGES_TITLE = "What changed"
#: The nav section of the comparisons.
COMPARISONS = N_("Comparisons")


def start_reuse(
    reuse: PageReuse,
    dataset: Dataset,
    settings: Settings,
    history: History | None = None,
    today: date | None = None,
    showing: Showing = NOTHING_SHOWN,
) -> None:
    """Begin a build with ``reuse``: compare what every page is rendered from (the arguments of
    :func:`render_pages`) with the last build's. In another language, that includes what the
    pages show in place of translations (``showing``)."""
    inputs = (dataset, settings, history, today, showing.shared())
    reuse.start(
        *inputs, templates_dir=settings.templates_dir, also=showing.of_record, showing=showing
    )


def render_pages(
    dataset: Dataset,
    settings: Settings,
    history: History | None = None,
    today: date | None = None,
    collection: Collection | None = None,
    tables: tuple[Comparison, ...] | None = None,
    reuse: PageReuse | None = None,
    postprocess: Callable[[str], str] | None = None,
    archive: Archive | None = None,
    showing: Showing = NOTHING_SHOWN,
) -> list[GeneratedPage]:
    """Every generated page of the site, in the order of :func:`plan_pages`, in the language
    of ``settings`` with the records' texts as ``showing`` shows them.

    With a release ``history``, the site also gets the "What changed" page; ``today`` decides
    which items are marked as recently updated. ``collection`` and ``tables`` are computed
    from the dataset when not given. With ``reuse`` (a rebuild, begun with :func:`start_reuse`),
    a page whose inputs are those of the last build is that build's page. ``postprocess`` (see
    :func:`~privacy_pages.pipeline.build_site`) is applied to each page's Markdown as soon as it
    is rendered. A product's page shows the version of its statement in effect on ``today``
    (see :func:`~.version_pages.current_version`; ``archive`` holds the releases' records).
    """
    done = partial(_postprocessed, postprocess) if postprocess is not None else as_rendered

    day = today or build_date()
    views = Views()  # (a release's version in a language: its view, once)

    def rendered(product: Product, view: DatasetView | None = None) -> GeneratedPage:
        shown, shown_in, version = current_version(
            product, dataset, settings, history, archive, day
        )
        # A release's version in another language: its texts as the release kept them.
        translation = version.translation if version else None
        return render_product(
            shown,
            shown_in,
            settings,
            history,
            today,
            template_dataset=view if shown_in is dataset else None,
            version=version,
            showing=views(*translation) if translation else showing,
        )

    def product_page(product: Product) -> tuple[GeneratedPage, bool]:
        view = DatasetView(dataset)
        page = rendered(product, view)
        return done(page), not view.read_elsewhere  # kept as ``done`` left it

    # The comparisons and the index first: the widest pages (megabytes at hundreds of
    # products), rendered while the build holds least; the pages come out in plan order.
    collection = collection or Collection(dataset)
    tables = comparisons(collection, said=settings.messages) if tables is None else tables
    wide = render_comparison_pages(collection, settings, tables, reuse, done, showing)
    pages = [
        done(rendered(dataset.products[pid]))
        if reuse is None
        else reuse.page(
            f"product:{pid}",
            reuse.product(dataset.products[pid], dataset.catalog),
            partial(product_page, dataset.products[pid]),
        )
        for pid in sorted(dataset.products)
    ]
    if history:
        markdown = render_changes_page(history, dataset, settings, showing)
        title = settings.messages.gettext(CHANGES_TITLE)  # as the page's heading
        pages.append(done(GeneratedPage(changes_page_path(settings), markdown, title)))
    return pages + wide


def _postprocessed(postprocess: Callable[[str], str], page: GeneratedPage) -> GeneratedPage:
    return replace(page, markdown=postprocess(page.markdown))


def plan_pages(
    dataset: Dataset, settings: Settings, history: History | None = None
) -> list[PlannedPage]:
    """The pages :func:`render_pages` generates, in its order, without rendering them."""
    plan = [
        PlannedPage(
            path=product_page_path(settings, product.id),
            title=product.name,
            source=product.file,
            product_id=product.id,
        )
        for product in (dataset.products[pid] for pid in sorted(dataset.products))
    ]
    if history:
        plan.append(PlannedPage(path=changes_page_path(settings), title=CHANGES_TITLE))
    plan.extend(planned_comparison_pages(dataset, settings))
    plan.extend(plan_version_pages(dataset, settings, history))
    return plan


def nav_entries(
    pages: Sequence[PlannedPage | GeneratedPage], settings: Settings, *, escape_titles: bool = True
) -> list[dict[str, object]]:
    """The entries of the nav section that lists the generated pages: a page per product
    (unless ``settings.nav_products`` is off), the comparisons, the data-item index and "What
    changed" (nothing else links to it: outside the section, it would be an orphan).

    Titles come from content; with ``escape_titles`` they are HTML-escaped, for themes that
    print nav titles as HTML (Material for MkDocs does). Sections are named in the language
    of ``settings``."""

    def entry(page: PlannedPage | GeneratedPage) -> dict[str, object]:
        return {html.escape(page.title) if escape_titles else page.title: page.path}

    entries: list[dict[str, object]] = []
    if settings.nav_products:
        entries += [entry(page) for page in pages if page.product_id]
        compared = [entry(page) for page in pages if is_comparison_page(page.path, settings)]
        if compared:
            entries.append({settings.messages.gettext(COMPARISONS): compared})
    entries += [entry(page) for page in pages if page.path == data_item_index_path(settings)]
    entries += [entry(page) for page in pages if page.path == changes_page_path(settings)]
    return entries


def in_automatic_nav(page: PlannedPage | GeneratedPage, settings: Settings) -> bool:
    """Whether a generated page is listed in the nav a site generator makes from the folders
    (on a site without ``nav``): a version of a statement never is (its product's page links
    it); a product's page and a comparison only with ``settings.nav_products``."""
    if not page.listed:
        return False
    return settings.nav_products or not (
        page.product_id or is_comparison_page(page.path, settings.for_page(page.path))
    )


def fill_language_nav(
    nav: list[Any],
    pages: Sequence[PlannedPage | GeneratedPage],
    settings: Settings,
    *,
    escape_titles: bool = True,
) -> None:
    """Fill the nav with the site language's pages in the section ``settings.nav_title``, and
    each other language's pages (under its folder, ``fr/privacy/...``) in a section named in
    that language, right after it. A page the site's nav lists itself elsewhere (``What
    changed: privacy/changes.md``) stays where the site put it, and only there."""
    languages = tuple(lang for lang in settings.languages if lang != settings.language)
    ours = {settings.nav_title, *(language_name(lang) for lang in languages)}
    elsewhere = set(listed_paths([item for item in nav if not _is_section(item, ours)]))
    # (Each language's nav shows its own version in place of it, as mkdocs-static-i18n's does.)
    elsewhere |= {settings.path_in(path, lang) for path in elsewhere for lang in languages}
    pages = [page for page in pages if page.path not in elsewhere]
    own = [p for p in pages if settings.page_language(p.path) == settings.language]
    fill_nav(nav, nav_entries(own, settings, escape_titles=escape_titles), settings)
    placed: set[str] = set()
    for language in languages:
        theirs = [p for p in pages if settings.page_language(p.path) == language]
        in_language = settings.in_language(language)
        entries = nav_entries(theirs, in_language, escape_titles=escape_titles)
        name = language_name(language)
        found = [i for i, item in enumerate(nav) if isinstance(item, dict) and name in item]
        if found:  # a rebuild (mkdocs serve) with the same nav
            nav[found[0]] = {name: entries}
            continue
        # Right after the site language's section (and the languages before it): the pages
        # of each language stay near the top of the nav, not below every hand-written page.
        sections = [
            i for i, item in enumerate(nav) if isinstance(item, dict) and settings.nav_title in item
        ]
        at = sections[0] + 1 if sections else len(nav)
        while at < len(nav) and isinstance(nav[at], dict) and next(iter(nav[at])) in placed:
            at += 1
        nav.insert(at, {name: entries})
        placed.add(name)


def _is_section(item: Any, names: set[str]) -> bool:
    return isinstance(item, dict) and len(item) == 1 and next(iter(item)) in names


def listed_paths(nav: Any) -> Iterator[str]:
    """The page paths a nav (``mkdocs.yml``'s ``nav``, or a part of it) lists, at any depth."""
    if isinstance(nav, str):
        yield posixpath.normpath(nav)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from listed_paths(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from listed_paths(item)


def fill_nav(nav: list[Any], entries: list[dict[str, object]], settings: Settings) -> None:
    """Put ``entries`` in the nav section ``settings.nav_title``, added at the end if the nav
    has no such section."""
    for index, item in enumerate(nav):
        if isinstance(item, dict) and settings.nav_title in item:
            nav[index] = {settings.nav_title: entries}
            return
    nav.append({settings.nav_title: entries})
