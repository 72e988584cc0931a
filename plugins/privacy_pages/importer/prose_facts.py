"""Storage, retention and sharing facts said in passing, under any heading.

Storage sections are read by :mod:`.storage_sections`. But pages also say "By default, only
required diagnostic data is sent to Microsoft.", "Teams currently offers data residency in
Australia, Brazil, ..." or "Recordings are deleted after 30 days." in an overview, a note or a
section no rule knows. Each sentence of that prose is read on its own (:mod:`.statements` for
retention periods and storage places, :func:`recipients_in` for who receives the data). What a
sentence names becomes a structured field; the sentence itself stays where it was, so nothing
of the page's text is lost or said twice.
"""

from __future__ import annotations

import re

from .markup import plain
from .statements import retention_rule, storage_places

#: A verb of handing data over, then (a few words on) "with" or "to" and whom.
_HANDED = re.compile(
    r"\b(?:shar(?:e|es|ed|ing)|disclos(?:e|es|ed|ing)|transferr?(?:ed|ing|s)?|sen[dt]s?|"
    r"rout(?:e|es|ed)|provid(?:e|es|ed)|made available|forward(?:s|ed)?)\b"
    r"(?:\s+(?!with\b|to\b)[\w'-]+){0,5}?\s+(?:with|to)\s+(?P<who>[^.;:()!?\n]+)",
    re.IGNORECASE,
)
#: Where the recipient's name ends: a comma, or a word that starts what they do with it.
_WHO_END = re.compile(
    r",|\s(?:for|to|in order|so that|so|when|where|if|who|which|that|as|under|via|in|on|"
    r"through|because|by|from|at|and (?:\w+ed|held|kept|we|you|they|it|is|are|will|can|may)|"
    r"unless|after|"
    r"before|until|while|including|such as|using|over|with)\b",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:the|a|an|any|some|certain|other|trusted|selected)\s+", re.IGNORECASE)
_OWN = re.compile(r"^(?:our|its|their)\s+(?=\w)", re.IGNORECASE)
#: Recipients named by kind rather than by name.
_KIND = re.compile(
    r"\b(?:third[- ]part(?:y|ies)|affiliates?|partners?|vendors?|service providers?|"
    r"(?:sub)?processors?|advertisers?|authorities|law enforcement|community|servers?|"
    r"providers?|services?|databases?|resolvers?)\b",
    re.IGNORECASE,
)
_NOT_WHO = re.compile(
    r"^(?:you|us|we|them|it|him|her|me|others?|your|our|my|their|his|its|this|that|these|"
    r"those|the following|following|which|whom|each other|one another|yourself)\b",
    re.IGNORECASE,
)


#: Last words that make a phrase data, not who receives it.
_NOT_LAST = frozenset({"data", "information", "it", "them", "details", "content"})


def recipients_in(sentence: str) -> list[str]:
    """Who a sentence says receives data ("... is sent to Microsoft", "shared with our
    affiliates"): named (a capitalized word) or named by kind ("third parties"), at most
    eight words; nothing for "sent to you" or "shared with the following:"."""
    text = plain(sentence)
    found: list[str] = []
    for match in _HANDED.finditer(text):
        who = match.group("who")
        end = _WHO_END.search(who)
        if end is not None:
            who = who[: end.start()]
        who = who.strip(" \"'\u201c\u201d")
        if _OWN.match(who) and _KIND.match(_OWN.sub("", who)):
            who = _OWN.sub("", who)  # "our affiliates": the affiliates
        if _NOT_WHO.match(who):
            continue
        who = _ARTICLE.sub("", who).strip()
        words = who.split()
        if not words or len(words) > 8:
            continue
        if words[-1].lower() in _NOT_LAST or (words[0].islower() and not _KIND.match(who)):
            continue  # "improve Microsoft services", "Personal Data": no recipient
        named = any(word[:1].isupper() for word in words) or bool(_KIND.search(who))
        if named and who not in found:
            found.append(who)
    return found


def retention_in(sentence: str) -> tuple[str, str] | None:
    """(data, period) when a sentence states how long some data is kept."""
    rule = retention_rule(sentence)
    return (rule.data, rule.period) if rule is not None else None


def places_in(sentence: str) -> list[str]:
    """The places a sentence says data is stored or processed in."""
    return storage_places(sentence)


__all__ = ["places_in", "recipients_in", "retention_in"]
