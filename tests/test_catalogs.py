"""The message catalogs: every word the package writes on pages is a message, each shipped
catalog holds exactly the messages in use (``make catalogs``), every one translated, with the
placeholders of its English; and a page rendered in a language shows its catalog's words.

The messages in use are extracted here from the code and the templates with Babel, as
``make catalogs`` extracts them (the same mapping, babel.cfg, and the same keywords)."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po
from conftest import (
    FIXTURES,
    REPO,
    copy_example_site,
    run_mkdocs,
    set_languages,
    set_plugin_options,
)
from privacy_pages.compare.collection import Collection
from privacy_pages.compare.comparison import comparisons
from privacy_pages.messages import (
    LOCALE_DIR,
    Messages,
    languages_without_catalog,
    read_catalog,
)
from privacy_pages.model import Dataset, item_counts
from privacy_pages.pipeline import check_site
from privacy_pages.render.comparison_pages import render_comparison
from privacy_pages.render.downloads import render_assets
from privacy_pages.render.product_page import render_product
from privacy_pages.settings import Settings, settings_from_mkdocs
from privacy_pages.stores.tables import tables_of

#: The keywords of the Makefile's ``catalogs`` target (``-k``), as Babel takes them.
KEYWORDS: dict[str, tuple[int, ...] | None] = {
    "N_": None,
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
}
#: Where babel.cfg's patterns lead: the rest of the repository is not walked.
EXTRACTED_DIRS = ("plugins/privacy_pages", "templates")
#: ``%(name)s``, ``%(num)d``, ``%%``, and the ``{product}`` of the empty-section wording.
PLACEHOLDER = re.compile(r"%\([a-z]+\)[sd]|%%|\{product\}")
PERCENT = re.compile(r"%")

Key = str | tuple[str, ...]


def _walked(path: str) -> bool:
    relative = Path(path).resolve().relative_to(REPO).as_posix()
    return any(
        root.startswith(f"{relative}/") or f"{relative}/".startswith(f"{root}/")
        for root in EXTRACTED_DIRS
    )


@cache
def extracted() -> dict[Key, Message]:
    """The messages in use, by id (a plural message's id is its singular and plural)."""
    with (REPO / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = Catalog()
    for filename, lineno, message, comments, context in extract_from_dir(
        str(REPO),
        method_map,
        options_map,
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
        directory_filter=_walked,
    ):
        found.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return {_key(message): message for message in found if message.id}


def _key(message: Message) -> Key:
    return tuple(message.id) if isinstance(message.id, (list, tuple)) else message.id


def shipped() -> list[Path]:
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/messages.po"))


def read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, abort_invalid=True)


def messages_of(catalog: Catalog) -> dict[Key, Message]:
    return {_key(message): message for message in catalog if message.id}


def forms(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]


def test_the_languages_are_shipped() -> None:
    assert {path.parts[-3] for path in shipped()} >= {"fr", "de", "ar"}
    assert read(LOCALE_DIR / "ar/LC_MESSAGES/messages.po").num_plurals == 6


def test_the_template_is_current() -> None:
    """``make catalogs`` was run after the last change to a message."""
    template = messages_of(read(LOCALE_DIR / "messages.pot"))
    assert sorted(map(str, set(extracted()) - set(template))) == [], "run `make catalogs`"
    assert sorted(map(str, set(template) - set(extracted()))) == [], "run `make catalogs`"


@pytest.mark.parametrize("path", shipped(), ids=lambda path: path.parts[-3])
def test_a_catalog_holds_every_message_in_use(path: Path) -> None:
    missing = set(extracted()) - set(messages_of(read(path)))
    assert sorted(map(str, missing)) == [], f"run `make catalogs`: missing from {path}"


@pytest.mark.parametrize("path", shipped(), ids=lambda path: path.parts[-3])
def test_a_catalog_holds_no_message_out_of_use(path: Path) -> None:
    catalog = read(path)
    unused = set(messages_of(catalog)) - set(extracted())
    assert sorted(map(str, unused)) == [], f"run `make catalogs`: unused in {path}"
    assert list(catalog.obsolete) == [], f"obsolete entries (#~) in {path}"


@pytest.mark.parametrize("path", shipped(), ids=lambda path: path.parts[-3])
def test_every_message_is_translated(path: Path) -> None:
    catalog = read(path)
    untranslated = [
        str(key)
        for key, message in messages_of(catalog).items()
        if message.fuzzy
        or not all(forms(message))
        or (message.pluralizable and len(forms(message)) != catalog.num_plurals)
    ]
    assert untranslated == [], f"{len(untranslated)} untranslated or fuzzy in {path}"


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text)) - {"%%"}


def _stray_percent(text: str) -> bool:
    """A ``%`` that is neither a placeholder nor ``%%``: formatting the message would fail."""
    return len(PERCENT.findall(PLACEHOLDER.sub("", text))) > 0


def placeholder_errors(message: Message) -> Iterator[str]:
    ids = [message.id] if isinstance(message.id, str) else list(message.id)
    expected = set().union(*(_placeholders(text) for text in ids))
    formatted = any("%(" in text for text in ids)
    for index, text in enumerate(forms(message)):
        if not text:
            continue  # untranslated: the English is shown (test_every_message_is_translated)
        found = _placeholders(text)
        if found != expected:
            yield f"{_key(message)!r} [{index}]: {sorted(found)} instead of {sorted(expected)}"
        if formatted and _stray_percent(text):
            yield f"{_key(message)!r} [{index}]: a lone % (write %%)"


@pytest.mark.parametrize("path", shipped(), ids=lambda path: path.parts[-3])
def test_translations_keep_the_placeholders(path: Path) -> None:
    errors = [
        error for message in read(path) if message.id for error in placeholder_errors(message)
    ]
    assert errors == []


def test_the_placeholder_check_finds_a_lost_or_unknown_placeholder() -> None:
    message = Message("%(num)d product", "%(num)d produits")
    assert list(placeholder_errors(message)) == []
    assert list(placeholder_errors(Message("%(num)d product", "produits")))
    assert list(placeholder_errors(Message("Hello", "%(name)s")))
    assert list(placeholder_errors(Message("%(num)d product", "%(num)d à 100 %")))
    plural = Message(("%(num)d product", "%(num)d products"), ("%(num)d produit", "produits"))
    assert len(list(placeholder_errors(plural))) == 1


# -- a page in another language --------------------------------------------------------------

FRENCH = {
    "Required data": "Données requises",
    "Required": "Requis",
    "Clear filters": "Effacer les filtres",
    ("%(num)d required", "%(num)d required"): ("%(num)d requis (un)", "%(num)d requis (plusieurs)"),
}


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> Messages:
    """A French catalog of its own, with a few messages translated."""
    return _catalog(tmp_path_factory.mktemp("locale"), FRENCH)


def _speaking(settings: Settings, messages: Messages) -> Settings:
    """``settings`` whose pages speak ``messages`` (a catalog of the test's own, alone)."""

    class Speaking(Settings):
        @property
        def messages(self) -> Messages:
            return messages

    return Speaking(**{f.name: getattr(settings, f.name) for f in fields(settings)})


@pytest.fixture(scope="module")
def small() -> tuple[Settings, Dataset]:
    settings = settings_from_mkdocs(FIXTURES / "small" / "mkdocs.yml")
    build = check_site(settings)
    assert build.ok, [str(p) for p in build.problems.items]
    return settings, build.dataset


def test_a_product_page_speaks_the_language_of_its_catalog(
    small: tuple[Settings, Dataset], french: Messages
) -> None:
    settings, dataset = small
    product = next(p for p in dataset.products.values() if item_counts(p).required.items)
    english = render_product(product, dataset, settings).markdown
    translated = render_product(product, dataset, _speaking(settings, french)).markdown
    assert "\n## Required data\n" in english
    assert "\n## Données requises\n" in translated
    assert "Required data" not in translated
    # A message the catalog does not translate stays English.
    assert "\n## Overview\n" in translated
    # Plural forms follow the language's rule (French: 0 and 1 are singular).
    count = item_counts(product).required.items
    form = "un" if count <= 1 else "plusieurs"
    assert f"{count} requis ({form})" in translated, _counts_line(translated)
    # With the site's own settings, English again.
    assert render_product(product, dataset, settings).markdown == english


def _counts_line(page: str) -> str:
    """The line of a product page that says how many items it collects (what a template
    prints with the page's messages), to show when it is not in the page's language."""
    return next((line for line in page.splitlines() if "pp-item-counts" in line), "(none)")


def _catalog(folder: Path, words: dict[Any, Any]) -> Messages:
    """A French catalog of a test's own, in ``folder``, with ``words`` translated. A plural
    message gives its singular and its plural; the plural fills every other form the
    language's rule has (French has three since CLDR 46, in Babel 2.19: "one", "many" for a
    million and its multiples, "other"), as a translator fills them."""
    catalog = Catalog(locale="fr")
    for english, translated in words.items():
        if isinstance(translated, tuple):
            singular, *plural = translated
            translated = (singular, *plural, *plural[-1:] * (catalog.num_plurals - len(translated)))
        catalog.add(english, translated)
    target = folder / "fr" / "LC_MESSAGES" / "messages.po"
    target.parent.mkdir(parents=True)
    with target.open("wb") as file:
        write_po(file, catalog)
    translations = read_catalog(folder, "fr")
    assert translations is not None
    return Messages("fr", translations)


def test_pages_rendered_one_after_another_in_one_process_each_speak_their_catalog(
    small: tuple[Settings, Dataset], french: Messages, tmp_path: Path
) -> None:
    """A process renders pages in several languages, one after another (``mkdocs serve``, a
    build of every language, the tests of one worker): each page's words, those written in
    Python (its headings) and those its templates write (the counts of its overview), are its
    own catalog's, whichever catalogs were rendered with before and however many (more than
    the environments kept for languages), and the catalog's messages never leak into
    another's pages."""
    settings, dataset = small
    product = next(p for p in dataset.products.values() if item_counts(p).required.items)
    count = item_counts(product).required.items
    english = render_product(product, dataset, settings).markdown
    seen: list[str] = []
    for round_ in range(20):  # more catalogs than page_environment keeps
        words = {
            "Required data": f"Données requises {round_}",
            ("%(num)d required", "%(num)d required"): (
                f"%(num)d requis {round_} (un)",
                f"%(num)d requis {round_} (plusieurs)",
            ),
        }
        own = _catalog(tmp_path / str(round_), words)
        for messages, heading, counted in (
            (own, f"Données requises {round_}", f"{count} requis {round_} (plusieurs)"),
            (french, "Données requises", f"{count} requis (plusieurs)"),
        ):
            page = render_product(product, dataset, _speaking(settings, messages)).markdown
            assert f"\n## {heading}\n" in page, round_
            assert counted in page, (round_, _counts_line(page))
            assert not any(earlier in page for earlier in seen if earlier != counted)
        seen.append(f"{count} requis {round_} (plusieurs)")
        assert render_product(product, dataset, settings).markdown == english


def test_the_script_reads_its_words_from_the_page(
    small: tuple[Settings, Dataset], french: Messages
) -> None:
    settings, dataset = small
    collection = Collection(dataset)
    in_french = _speaking(settings, french)
    tables = comparisons(collection, said=french)
    page = render_comparison(tables[0], in_french, tables, tables_of(dataset)).markdown
    assert 'data-pp-msg-clear="Effacer les filtres"' in page
    assert 'data-pp-msg-filter="Filter data items"' in page  # not in the catalog: English
    rows = len(tables[0].rows)
    noun = "data item" if rows == 1 else "data items"
    assert f'data-pp-msg-showing="Showing &#123;shown&#125; of {rows} {noun}"' in page
    # The script's words are the ones the page gives, each read where the script shows it.
    script = (REPO / "plugins/privacy_pages/assets/privacy-pages.js").read_text("utf-8")
    english = script.split("var ENGLISH = {", 1)[1].split("};", 1)[0]
    keys = set(re.findall(r'^\s*"?([a-z-]+)"?:', english, re.MULTILINE))
    assert set(re.findall(r'data-pp-msg-([a-z-]+)="', page)) == keys
    requirements = re.search(r"var REQUIREMENTS = \[([^\]]*)\]", script)
    assert requirements is not None
    read = set(re.findall(r'say\("([a-z-]+)"\)', script))
    read |= set(re.findall(r'"([a-z-]+)"', requirements.group(1)))
    assert keys <= read, keys - read


def test_downloads_written_later_keep_their_language(
    small: tuple[Settings, Dataset], french: Messages
) -> None:
    """privacy.json is made as it is written, after the language's pages: its labels are still
    in the language it was rendered in."""
    settings, dataset = small
    collection = Collection(dataset)
    in_french = _speaking(settings, french)
    assets = render_assets(collection, in_french, comparisons(collection, said=french))
    [document] = [asset for asset in assets if asset.path.endswith("privacy.json")]
    labels = {cell["label"] for row in _rows(json.loads(document.content)) for cell in row}
    assert "Requis" in labels
    assert "Required" not in labels


def _rows(document: dict[str, Any]) -> Iterator[list[dict[str, Any]]]:
    for table in document["comparisons"]:
        for row in table["rows"]:
            yield list(row["cells"].values())


def test_the_languages_no_catalog_covers_are_named(tmp_path: Path) -> None:
    """A regional variant uses its language's catalog; a language with none, in the package or
    the site's folder, is named."""
    wanted = ("en", "en-GB", "fr", "fr-CA", "pt-BR", "es")
    assert languages_without_catalog(wanted, None) == ["pt-BR", "es"]
    (tmp_path / "es" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "es" / "LC_MESSAGES" / "messages.po").write_text("", "utf-8")
    assert languages_without_catalog(wanted, tmp_path) == ["pt-BR"]


def test_a_language_without_a_catalog_is_never_silently_english(tmp_path: Path) -> None:
    """A site that builds Spanish pages, with no Spanish catalog anywhere, is told that the
    package's words on them are English: information while its records are English there too,
    a warning (a strict build stops) once they are translated into Spanish. A catalog of its
    own with empty translations publishes the words so on purpose."""
    site = copy_example_site(tmp_path / "site")
    set_languages(site, ["en", "es"])
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    said = [r for r in result.records if "no message catalog for 'es'" in r.getMessage()]
    assert [r.levelname for r in said] == ["INFO"], result.messages
    shutil.copytree(site / "content/translations/fr", site / "content/translations/es")
    result = run_mkdocs(site / "mkdocs.yml")
    assert not result.ok
    named = [w for w in result.warnings() if "no message catalog for 'es'" in w]
    assert len(named) == 1, result.warnings()
    assert "messages.pot" in named[0] and "messages_dir" in named[0]
    catalog = site / "locale" / "es" / "LC_MESSAGES" / "messages.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text((LOCALE_DIR / "messages.pot").read_text("utf-8"), "utf-8")
    set_plugin_options(site, {"messages_dir": "locale"})
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    assert "no message catalog" not in result.messages  # at any level
    assert '<html lang="es"' in result.html("es/privacy/intune.md")
