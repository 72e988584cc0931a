"""Whether a page reads as English. The importer reads claims (collected, optional, never
collected) in English words only: a page in another language imports as text, and the report
says why, rather than leave the writer to wonder where its data went."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .markdown_doc import Alert, BulletList, Document, Heading, ListItem, Paragraph, Quote, Table
from .markup import plain

#: Words frequent in each language's text and rare in the others' (not "a", "in", "on", "an"
#: or "do" for English: words of French, Italian, German or Portuguese too).
_COMMON = {
    language: frozenset(words.split())
    for language, words in {
        "English": "the and of to is are we you your our for not with this that be by or it "
        "from will may any at can",
        "French": "le les des et est vous nous vos notre nos une du pour pas avec sont au aux ne",
        "German": "der die das und ist sie wir ihre unsere nicht mit werden für den von zu dem",
        "Spanish": "el los las y es usted nosotros sus su para con se del que al como",
        "Italian": "il lo gli e è noi tuoi suoi per con non sono del che della di",
        "Portuguese": "o os as e é você nós seus sua para com não são do que da em",
        "Dutch": "de het een en is wij u uw onze niet met zijn worden voor van op",
    }.items()
}
_WORD = re.compile(r"[^\W\d_]+")
#: A page is in another language when under 4% of its words are English ones (9% or more on
#: the English pages of the import corpus, data-safety tables the fewest) and 10% or more are
#: another's (a table of names is in none).
_NOT_ENGLISH = 0.04
_OTHER = 0.10
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
    if shares["English"] >= _NOT_ENGLISH or shares[language] < _OTHER:
        return None
    return (
        f"the page reads as {language}, not English: the importer reads what is collected, "
        "optional or never collected in English words only"
    )
