"""A product's privacy page, from ``product.md.j2`` and its section templates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from ..history.releases import History, build_date
from ..load.translations import Language
from ..messages import N_, SOURCE_MESSAGES, Messages
from ..model import SECTIONS, Dataset, ItemGroup, Product, item_counts
from ..model.sections import COLLECTED_INTRO, empty_statement, section_shown, with_product
from ..settings import Settings
from .front_matter import front_matter, yaml_header
from .generated import GeneratedPage
from .history_pages import VersionLinks, product_context
from .paths import product_page_path
from .store_labels import store_summaries
from .templates import page_environment, render
from .translated import NOTHING_SHOWN, Showing


def last_updated(product: Product, settings: Settings, released: date | None = None) -> str | None:
    """The page's date, as the page writes dates: the first metadata key the site declares as
    a date, or the day the version the page shows took effect (``released``) when that is
    later (a release after the last edit of the date updated the page all the same)."""
    written: date | str | None = None
    for key, kind in settings.metadata.types.items():
        if kind == "date" and key in product.metadata:
            written = _day(product.metadata[key])
            break
    if released is not None and (written is None or isinstance(written, date)):
        written = released if written is None else max(written, released)
    if isinstance(written, date):
        return settings.messages.format_date(written)
    return written


def _day(value: object) -> date | str:
    """A metadata date as a day, or as written when it is none."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        return str(value)


def _released(
    product: Product, history: History | None, today: date | None, version: VersionPage | None
) -> date | None:
    """The day the version a page shows took effect: a version's own, else the one in effect."""
    if version is not None and version.path and version.notice is not None:
        return version.notice.start
    if history is None:
        return None
    release = history.in_effect(product.id, today or build_date())
    return release.effective if release is not None else None


#: The label of a group of optional items, by its kind (the schema's values of ``kind``), and
#: the kind as a word (what the group's heading may already say).
KIND_LABELS: dict[str, tuple[str, str]] = {
    "diagnostic": (N_("Optional diagnostic data"), N_("diagnostic")),
    "feedback": (N_("Optional feedback data"), N_("feedback")),
    "telemetry": (N_("Optional telemetry data"), N_("telemetry")),
    "other": (N_("Optional other data"), N_("other")),
}


def kind_label(group: ItemGroup, said: Messages = SOURCE_MESSAGES) -> str | None:
    """ "Optional diagnostic data" under a group of optional items, unless its heading or its
    introduction already names the kind (in English or in ``said``'s language): a label
    repeated right above itself says nothing."""
    if group.kind is None:
        return None
    label, word = KIND_LABELS.get(group.kind, (None, group.kind))
    written = " ".join(text for text in (group.title, group.intro) if text)
    # The kind as a word: "other" is not said by "another".
    for kind in dict.fromkeys((group.kind, said.gettext(word))):
        if re.search(rf"\b{re.escape(kind)}\b", written, re.IGNORECASE):
            return None
    if label is None:  # a kind the schema does not know: said as it is
        return said.gettext("Optional %(kind)s data", kind=group.kind)
    return said.gettext(label)


def render_product(
    product: Product,
    dataset: Dataset,
    settings: Settings,
    history: History | None = None,
    today: date | None = None,
    *,
    template_dataset: object = None,
    version: VersionPage | None = None,
    showing: Showing = NOTHING_SHOWN,
) -> GeneratedPage:
    """The Markdown page of one product (``history`` fills its "Change history" section;
    ``template_dataset``: what the template sees as ``dataset``, if not ``dataset`` itself).
    With ``version``, the page of a version of the statement: an archived or upcoming one at
    its own path, or the current one with what is coming. In the language of ``settings``,
    the records' texts as ``showing`` shows them."""
    said = settings.messages
    path = version.path if version and version.path else product_page_path(settings, product.id)
    links = None
    if version is not None:
        links = VersionLinks(
            path,
            version.pages_dir,
            history or History(),
            product_page=not version.path,
            language=settings.language,
            messages=said,
        )
    body = render(
        "product.md.j2",
        page_environment(settings.templates_dir, said, showing),
        product=product,
        dataset=dataset if template_dataset is None else template_dataset,
        sections=[
            (section_id, said.gettext(heading))
            for section_id, heading in SECTIONS
            if section_shown(product, section_id)
        ],
        empty_statement=lambda section_id: empty_statement(
            said, product, section_id, settings.empty_sections
        ),
        last_updated=last_updated(product, settings, _released(product, history, today, version)),
        untranslated=showing.is_untranslated(product.source.path),
        category_name=dataset.category_name,
        kind_label=partial(kind_label, said=said),
        collected_intro=with_product(said, product, COLLECTED_INTRO),
        counts=item_counts(product),
        # Who answers for the data: the product's own controller, else the site's.
        controller=product.controller or settings.controller,
        # (The store labels are today's files: a version's page does not offer them.)
        store_labels=store_summaries(product, dataset, settings)
        if version is None or not version.path
        else [],
        archive=version.notice if version else None,
        announcements=version.announcements if version else (),
        **product_context(
            history,
            product,
            settings,
            today,
            showing,
            links,
            version.history_limit if version else None,
            version.current if version else True,
        ),
    )
    meta = front_matter(product, settings)
    if version is not None and version.notice is not None and version.path:
        # An archived version: not the product's page, and not found by search first.
        del meta["product_id"]
        meta["release"] = version.notice.version
        meta["search"] = {"exclude": True}
    header = yaml_header(meta)
    title, source = product.name, product.file
    own_page = version is None or not version.path
    if version is not None and not own_page:
        title = f"{product.name} ({version.notice.version})" if version.notice else title
        source = version.source or source
    return GeneratedPage(
        path=path,
        markdown=f"---\n{header}---\n\n{body}",
        title=title,
        source=source,
        product_id=product.id if own_page else None,
        listed=own_page,
    )


@dataclass(frozen=True)
class ArchiveNotice:
    """What a version's page says of itself: when it was (or will be) in effect."""

    version: str
    #: ``past``, ``current`` or ``upcoming``.
    state: str
    start: date
    #: The day the next version took effect (a past version).
    end: date | None
    #: The product's current page.
    current: str


@dataclass(frozen=True)
class Announcement:
    """A version of the statement that takes effect later, on the current page."""

    version: str
    effective: date
    read: str | None
    compare: str | None
    #: "(in English)" after each link, when the pages are in another language than this one:
    #: never since each language has the versions' pages (kept for the templates that read it).
    language: str | None = None
    #: "(in English)" after the link to the version, when its release kept no translation of
    #: the statement into this page's language (its page shows the English text).
    read_language: str | None = None


@dataclass(frozen=True)
class VersionPage:
    """How a page shows a version of a statement: ``path`` (empty: the product's own page),
    its notice, what is coming, where the versions' pages are (those of the page's language),
    and the file it is made from."""

    pages_dir: str
    path: str = ""
    notice: ArchiveNotice | None = None
    announcements: tuple[Announcement, ...] = ()
    source: Path | None = None
    #: The most releases its change history lists, the newest (None: all of them); a link
    #: leads to the earlier ones.
    history_limit: int | None = None
    #: Whether the statement has a page today (a removed one has only its versions).
    current: bool = True
    #: In another language than the records', a release's version: the release in that
    #: language (see :meth:`~privacy_pages.history.archive.Archive.language`) and its records'
    #: own dataset, which the page shows its texts by.
    translation: tuple[Language, Dataset] | None = None
