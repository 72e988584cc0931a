"""The legal basis a page gives for a purpose (GDPR Art. 6(1)), read from its words.

A basis is taken only when the text names exactly one: "Consent", "Art. 6(1)(f) GDPR",
"legitimate interest in keeping the service safe". Text that names several ("consent or
contract") or none is no basis: the importer keeps it as text and says so.
"""

from __future__ import annotations

import re

from .markup import plain

#: (basis, its words): the names and the letter of Art. 6(1) of each basis.
_BASES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (basis, re.compile(words, re.IGNORECASE))
    for basis, words in (
        ("consent", r"\bconsent\b"),
        ("contract", r"\bcontract(?:ual)?\b|\bpre-?contractual\b"),
        ("legal-obligation", r"\blegal(?:ly)? (?:obligations?|requirements?|required)\b"),
        ("vital-interests", r"\bvital interests?\b"),
        ("public-task", r"\bpublic (?:task|interest)\b|\bofficial authority\b"),
        ("legitimate-interests", r"\blegitimate interests?\b|\bberechtigte[sn]? interesse"),
    )
)
#: Art. 6(1)(a)-(f), as pages cite it: "Art. 6(1)(f)", "Art. 6 para. 1 lit. b", "6.1.a".
_ARTICLE = re.compile(
    r"\bart(?:icle|\.)?\s*6\s*(?:\(\s*1\s*\)|(?:para(?:graph|\.)?|abs\.?|par\.?)\s*1|\.1)"
    r"(?:\s*(?:s(?:entence|\.)|p\.|satz)\s*1)?\s*(?:\(\s*([a-f])\s*\)|lit(?:era|\.)?\s*([a-f])\b|"
    r"letter\s+([a-f])\b|\.?([a-f])\b)",
    re.IGNORECASE,
)
_LETTERS = dict(zip("abcdef", [basis for basis, _words in _BASES], strict=True))


def legal_bases(text: str) -> set[str]:
    """Every legal basis ``text`` names, by its letter of Art. 6(1) or by its name."""
    words = plain(text)
    cited = {_LETTERS[next(g for g in m.groups() if g).lower()] for m in _ARTICLE.finditer(words)}
    if cited:
        return cited  # the article says which; "consent" in its text is about the same basis
    return {basis for basis, pattern in _BASES if pattern.search(words)}


def legal_basis(text: str) -> str | None:
    """The one legal basis ``text`` names, or None when it names none or several."""
    found = legal_bases(text)
    return found.pop() if len(found) == 1 else None


_REGULATION = re.compile(r"\b(?:uk\s+)?(?:gdpr|dsgvo|rgpd|regulation)\b", re.IGNORECASE)


def says_more(text: str) -> bool:
    """Whether a basis cell says more than which basis it is ("Legitimate interest in
    preventing fraud", not "Legitimate interests (Art. 6(1)(f) GDPR)")."""
    rest = _REGULATION.sub(" ", _ARTICLE.sub(" ", plain(text)))
    for _basis, pattern in _BASES:
        rest = pattern.sub(" ", rest)
    words = [w for w in re.findall(r"[^\W\d_]+", rest) if len(w) > 2]
    return len(words) >= 3
