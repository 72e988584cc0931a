"""A page in another language than English imports as text, and the report says why: the
importer reads claims (collected, optional, never collected) in English words only, and a
writer must not be left to wonder where the page's data went."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_corpus import corpus_pages
from privacy_pages.importer import ImportOptions, PageImportError, import_pages
from privacy_pages.importer.markdown_doc import parse
from privacy_pages.importer.page_language import not_english
from test_importer import FRONT, RULES, Imported, import_page

#: The same short statement in six languages: data collected, data never collected, a right.
STATEMENTS = {
    "fr": (
        "## Données collectées\n\nNous collectons les données suivantes lorsque vous "
        "utilisez l'application :\n\n- Adresse e-mail\n- Nom\n- Adresse IP\n\n"
        "## Données non collectées\n\nNous ne collectons jamais votre position ni vos "
        "contacts. Ces données sont conservées pendant deux ans. Vous pouvez demander la "
        "suppression de vos données à tout moment en nous contactant.\n"
    ),
    "de": (
        "## Erhobene Daten\n\nWir erheben folgende Daten, wenn Sie die App nutzen:\n\n"
        "- E-Mail-Adresse\n- Name\n- IP-Adresse\n\n## Nicht erhobene Daten\n\nWir erheben "
        "niemals Ihren Standort oder Ihre Kontakte. Diese Daten werden zwei Jahre lang "
        "gespeichert. Sie können jederzeit die Löschung Ihrer Daten verlangen, indem Sie "
        "uns kontaktieren.\n"
    ),
    "es": (
        "## Datos recopilados\n\nRecopilamos los siguientes datos cuando utiliza la "
        "aplicación:\n\n- Dirección de correo electrónico\n- Nombre\n- Dirección IP\n\n"
        "## Datos no recopilados\n\nNunca recopilamos su ubicación ni sus contactos. Estos "
        "datos se conservan durante dos años. Puede solicitar la eliminación de sus datos "
        "en cualquier momento contactándonos.\n"
    ),
    "it": (
        "## Dati raccolti\n\nRaccogliamo i seguenti dati quando utilizzi l'app:\n\n"
        "- Indirizzo email\n- Nome\n- Indirizzo IP\n\n## Dati non raccolti\n\nNon "
        "raccogliamo mai la tua posizione o i tuoi contatti. Questi dati sono conservati per "
        "due anni. Puoi chiedere la cancellazione dei tuoi dati in qualsiasi momento "
        "contattandoci.\n"
    ),
    "pt": (
        "## Dados coletados\n\nColetamos os seguintes dados quando você usa o aplicativo:\n\n"
        "- Endereço de e-mail\n- Nome\n- Endereço IP\n\n## Dados não coletados\n\nNunca "
        "coletamos sua localização nem seus contatos. Esses dados são mantidos por dois "
        "anos. Você pode solicitar a exclusão dos seus dados a qualquer momento entrando em "
        "contato conosco.\n"
    ),
    "nl": (
        "## Verzamelde gegevens\n\nWij verzamelen de volgende gegevens wanneer u de app "
        "gebruikt:\n\n- E-mailadres\n- Naam\n- IP-adres\n\n## Niet verzamelde gegevens\n\n"
        "Wij verzamelen nooit uw locatie of uw contacten. Deze gegevens worden twee jaar "
        "bewaard. U kunt op elk moment verzoeken om verwijdering van uw gegevens door "
        "contact met ons op te nemen.\n"
    ),
}

NAMES = {
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
}

ENGLISH = (
    "## Data collected\n\nWe collect the following data when you use the app:\n\n"
    "- Email address\n- Name\n- IP address\n\n## Data not collected\n\nWe never collect "
    "your location or your contacts. This data is kept for two years. You can ask us to "
    "delete your data at any time by contacting us.\n"
)


def language_reviews(result: Imported) -> list[str]:
    return [r.message for r in result.report.reviews if r.topic == "language"]


@pytest.mark.parametrize("language", sorted(STATEMENTS))
def test_a_page_in_another_language_is_text_and_the_report_says_why(
    tmp_path: Path, language: str
) -> None:
    result = import_page(tmp_path, FRONT + "# Widget\n\n" + STATEMENTS[language])
    [said] = language_reviews(result)
    assert f"reads as {NAMES[language]}, not English" in said, said
    assert not result.product.get("never_collected")  # (no claim read from other words)
    kept = "\n".join(s.get("body", "") for s in result.product.get("sections", []))
    assert STATEMENTS[language].split("\n\n")[1] in kept  # its words, as text


def test_a_page_refused_for_lack_of_facts_is_refused_for_its_language(tmp_path: Path) -> None:
    """Not "does not speak of privacy": the words the importer could not read say why."""
    page = tmp_path / "page.md"
    page.write_text("# Widget\n\n" + STATEMENTS["de"], "utf-8")
    options = ImportOptions(tmp_path / "content", RULES, today="2024-01-02", require_data=True)
    with pytest.raises(PageImportError, match="reads as German, not English") as refused:
        import_pages([page], options)
    assert "use --force" in str(refused.value)
    assert not (tmp_path / "content").exists()


def test_an_english_page_says_nothing_of_its_language(tmp_path: Path) -> None:
    result = import_page(tmp_path, FRONT + "# Widget\n\n" + ENGLISH)
    assert language_reviews(result) == []
    assert result.product.get("never_collected")  # (read: the check leaves it alone)


def test_a_short_page_or_one_of_names_is_not_judged() -> None:
    """Too few words to tell, or code: no claim about the page's language."""
    assert not_english(parse("# Datos\n\n- Nombre\n- Correo\n")) is None
    code = "```\n" + "variable = valeur de la donnée\n" * 80 + "```\n"
    assert not_english(parse("# Telemetry\n\n" + code)) is None
    names = "| Data | Type |\n| --- | --- |\n" + "| deviceModel | string |\n" * 40
    assert not_english(parse("# Telemetry\n\n" + names)) is None  # (in no language)


def test_every_english_page_of_the_corpus_reads_as_english() -> None:
    """The real pages the importer is measured on, of every shape (data-safety tables, lists
    of event names, reference pages of commands): none is taken for another language."""
    pages = corpus_pages()
    assert pages, "the import corpus is empty"
    taken = [page.slug for page in pages if not_english(parse(page.text)) is not None]
    assert taken == []


@pytest.mark.parametrize(
    "text",
    [
        # host names: "com" is no Portuguese word here
        "# Mirrors\n\n" + "".join(f"- eu{i}.mirrors.com\n- us{i}.mirrors.com\n" for i in range(30)),
        # "e.g.", "per" and "non" of English examples
        "# Data\n\n| Data | Example |\n| --- | --- |\n"
        + "".join(f"| Field{i} | e.g. value{i} per session, non-personal |\n" for i in range(20)),
        # one foreign word repeated is a name, not a language
        "# Data\n\n" + "".join(f"- Dati {i}\n" for i in range(40)),
    ],
)
def test_english_words_of_other_languages_do_not_make_a_page_foreign(text: str) -> None:
    assert not_english(parse(text)) is None


def test_a_page_in_another_language_is_not_said_to_leave_sections_empty(tmp_path: Path) -> None:
    """It may well say how long data is kept, in its words: the import cannot tell, so it says
    no section is empty (the site's warnings name each one for the writer)."""
    result = import_page(tmp_path, FRONT + "# Widget\n\n" + STATEMENTS["fr"])
    assert "empty_sections" not in result.product
    (tmp_path / "en").mkdir()
    english = import_page(tmp_path / "en", FRONT + "# Widget\n\n" + ENGLISH)
    assert "empty_sections" in english.product  # (the sentence an English page gets)
