"""The words privacy-pages itself puts on pages, from gettext catalogs, in the site's language.

English is the source language: every message is written in English in the templates and the
code, and extracted with Babel into ``locale/messages.pot`` (``make catalogs``). A language's
catalog is ``locale/<language>/LC_MESSAGES/messages.po``, read as it is (no compiled ``.mo``
files are kept), and a site may override any message with catalogs of its own in the same
layout (option ``messages_dir``).

The language a page is rendered in reaches the code that renders it as an argument: a
:class:`Messages` (``settings.messages``, for the settings of the page's language), never as a
global. Code translates with ``said.gettext("Required")`` and ``said.ngettext("%(num)d
product", "%(num)d products", n)``, and marks the messages it translates elsewhere with
:func:`N_`; templates call ``_("Required")`` and ``ngettext(...)``, the globals of their
language's Jinja environment (see ``render.templates.page_environment``). Messages are plain
text: what they return is escaped for Markdown like any other value, and a message never holds
content (a product's name or an item's text are placed beside it, never inside it).
"""

from __future__ import annotations

import gettext as _gettext
import io
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

#: The language the messages and the records are written in.
SOURCE_LANGUAGE = "en"
#: The catalogs shipped with the package.
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: The gettext domain of the catalogs: ``<language>/LC_MESSAGES/messages.po``.
DOMAIN = "messages"
#: Languages written right to left (the page gets ``dir="rtl"``).
RIGHT_TO_LEFT = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi"}
)


def N_(message: str) -> str:
    """Mark a message for extraction where it is defined; it is translated where shown."""
    return message


class MessagesError(ValueError):
    """A catalog that cannot be read (its file and line are in the message)."""


@dataclass(frozen=True)
class Messages:
    """The messages of one language: the packaged catalog with the site's over it."""

    language: str = SOURCE_LANGUAGE
    translations: _gettext.NullTranslations = field(default_factory=_gettext.NullTranslations)

    @property
    def direction(self) -> str:
        """``rtl`` or ``ltr``, for the page's ``dir`` attribute."""
        return "rtl" if base_language(self.language) in RIGHT_TO_LEFT else "ltr"

    def gettext(self, message: str, **values: object) -> str:
        text = self.translations.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, num: int, **values: object) -> str:
        """The form for ``num`` (the language's plural rule), with ``%(num)d`` filled in."""
        text = self.translations.ngettext(singular, plural, num)
        return text % {"num": num, **values}

    def language_called(self, language: str) -> str:
        """What this language calls ``language`` ("anglais" in French), to tell a reader that a
        link leads to a page in it."""
        from babel import Locale, UnknownLocaleError

        try:
            names = Locale.parse(_babel_locale(self.language)).languages
        except (UnknownLocaleError, ValueError):
            return language
        return str(
            names.get(language.replace("-", "_")) or names.get(base_language(language)) or language
        )

    def format_date(self, day: date, form: str = "long") -> str:
        """A date as the language writes it (``long``: "1 March 2027", "1 mars 2027")."""
        from babel.dates import format_date  # Babel's locale data loads on first use

        return format_date(day, format=form, locale=_babel_locale(self.language))


def language_name(language: str) -> str:
    """A language's name in that language ("Français", "العربية"), for a nav or a selector."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(_babel_locale(language)).get_display_name() or language
    except (UnknownLocaleError, ValueError):
        return language
    return name[:1].upper() + name[1:]


def base_language(language: str) -> str:
    """``fr`` of ``fr-CA`` or ``fr_CA``."""
    return language.replace("_", "-").split("-")[0].lower()


def _babel_locale(language: str) -> str:
    return language.replace("-", "_")


@cache
def messages_for(language: str, override_dir: Path | None = None) -> Messages:
    """The messages of ``language``: the site's catalog (``override_dir``) first, then the
    packaged one, then English. Read once per process."""
    if base_language(language) == SOURCE_LANGUAGE and override_dir is None:
        return Messages(language)
    chain: _gettext.NullTranslations | None = None
    for folder in (override_dir, LOCALE_DIR):
        if folder is None:
            continue
        found = read_catalog(folder, language)
        if found is None:
            continue
        if chain is None:
            chain = found
        else:
            chain.add_fallback(found)
    return Messages(language, chain or _gettext.NullTranslations())


def packaged_languages() -> list[str]:
    """The languages the package ships a catalog for."""
    return sorted(path.parents[1].name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def languages_without_catalog(languages: tuple[str, ...], override_dir: Path | None) -> list[str]:
    """Those of ``languages`` (other than English) that neither the site's catalogs nor the
    package's cover: a page in them would show privacy-pages' own words in English."""
    folders = [folder for folder in (override_dir, LOCALE_DIR) if folder is not None]
    return [
        language
        for language in dict.fromkeys(languages)
        if base_language(language) != SOURCE_LANGUAGE
        and not any(catalog_path(folder, language) for folder in folders)
    ]


def catalog_path(folder: Path, language: str) -> Path | None:
    """The ``messages.po`` of ``language`` in ``folder`` (``fr-CA``, then ``fr``), if any."""
    names = dict.fromkeys((language, _babel_locale(language), base_language(language)))
    for name in names:
        path = folder / name / "LC_MESSAGES" / f"{DOMAIN}.po"
        if path.is_file():
            return path
    return None


def read_catalog(folder: Path, language: str) -> _gettext.GNUTranslations | None:
    """A PO catalog as gettext translations, compiled in memory (fuzzy entries are left out,
    as ``msgfmt`` leaves them out)."""
    path = catalog_path(folder, language)
    if path is None:
        return None
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import PoFileError, read_po

    try:
        with path.open("rb") as po:
            catalog = read_po(po, locale=_babel_locale(base_language(language)), abort_invalid=True)
    except (PoFileError, ValueError, UnicodeDecodeError) as exc:
        raise MessagesError(f"{path}: {exc}") from exc
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return _gettext.GNUTranslations(compiled)


#: The messages as written, in English: what a page in the records' language says, and what
#: the model's English words (``cell.label``) are said with.
SOURCE_MESSAGES = Messages()
