"""Whether a page reads as English. The importer reads claims (collected, optional, never
collected) in English words only: a page in another language imports as text, and the report
says why, rather than leave the writer to wonder where its data went."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .markdown_doc import Alert, BulletList, Document, Heading, ListItem, Paragraph, Quote, Table
from .markup import plain

#: Words frequent in each language's text and not words of English or of the others (not
#: "a", "in", "on", "an" or "do" for English; not "as", "com", "e", "per", "non", "die",
#: "is" or "u", which English text holds: "as", "e.g.", "per session", "non-personal").
_COMMON = {
    language: frozenset(words.split())
    for language, words in {
        "English": "the and of to is are we you your our for not with this that be by or it "
        "from will may any at can",
        "French": "le les des et est vous nous vos notre nos une du pour pas avec sont aux ne "
        "données",
        "German": "der das und ist sie wir ihre unsere nicht mit werden für den von zu dem daten",
        "Spanish": "el los las y usted nosotros sus su para se del que como este estos puede "
        "nuestro nuestros datos",
        "Italian": "il lo gli è noi tuoi suoi sono del che della delle dei nel alla questi questo "
        "puoi nostri dati",
        "Portuguese": "os você nós seus sua para não são que da em esses nossos dados",
        "Dutch": "het een en wij uw onze niet met zijn worden voor van op gegevens",
    }.items()
}
#: A word, not part of an address, a file name or an abbreviation ("mirrors.com", "e.g.").
_WORD = re.compile(r"(?<![\w.@/-])[^\W\d_]+(?![\w.@/-])")
#: A page is in another language when under 4% of its words are English ones (9% or more on
#: the English pages of the import corpus, data-safety tables the fewest) and 10% or more are
#: another's, of five different words at least (one word repeated is a name, not a language;
#: a table of names is in none).
_NOT_ENGLISH = 0.04
_OTHER = 0.10
_DIFFERENT = 5
#: Fewer words say too little.
_ENOUGH = 30


def _texts(document: Document) -> Iterator[str]:
    """The words of the page a reader reads: headings, paragraphs, lists, tables (not code)."""
    items: list[ListItem] = []
    for block in document.blocks:
        if isinstance(block, (Heading, Paragraph, Alert, Quote)):
            yield block.text
        elif isinstance(block, Table):
            yield from block.header
            yield from (cell for row in block.rows for cell in row.cells)
        elif isinstance(block, BulletList):
            items.extend(block.items)
    while items:  # (nested items too, without recursion: a page's nesting has no bound)
        item = items.pop()
        yield item.text
        yield from item.paragraphs
        items.extend(item.children)


def not_english(document: Document) -> str | None:
    """What to say of a page in another language than English ("the page reads as French,
    ..."); None when it reads as English, or says too little to tell which language it is in."""
    words = [word for text in _texts(document) for word in _WORD.findall(plain(text).lower())]
    if len(words) < _ENOUGH:
        return None
    shares = {
        language: sum(word in common for word in words) / len(words)
        for language, common in _COMMON.items()
    }
    language = max(shares, key=lambda name: shares[name])
    different = len(_COMMON[language].intersection(words))
    if shares["English"] >= _NOT_ENGLISH or shares[language] < _OTHER or different < _DIFFERENT:
        return None
    return (
        f"the page reads as {language}, not English: the importer reads what is collected, "
        "optional or never collected in English words only"
    )
