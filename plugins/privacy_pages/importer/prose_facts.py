"""Who receives the data, and that data is collected at all, said in passing under any heading.

Pages say "By default, only required diagnostic data is sent to Microsoft." in an overview, a
note or a section no rule knows. Each sentence of that prose is read on its own (and by
:mod:`.statements` for retention periods and storage places, see ``records.facts_in_prose``):
what it names becomes a structured field, and the sentence stays where it was.
"""

from __future__ import annotations

import re

from .item_text import collected_subject
from .markup import plain, sentences

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
    r"unless|after|before|until|while|including|such as|using|over|with)\b",
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


#: "we collect crash reports", "used in this app to collect basic usage data": the words
#: before it say whether it is denied ("we do not collect").
_COLLECTS = re.compile(
    r"((?:\S+\s+){0,3})(?:collects?|gathers?|collecting)\s+(?!(?:no|nothing|none|any)\b)\w", re.I
)
_NEGATED = re.compile(r"\b(?:not|never|no|none|nothing|neither|nor|without)\b|n't\b", re.I)
#: Record fields that hold no sentences of the page's own about its data.
_NOT_PROSE = frozenset({"metadata", "links", "applies_to", "id", "name", "ref", "url", "category"})


def states_collection(sentence: str) -> bool:
    """Whether a sentence says some data is collected ("certain usage data and errors are
    collected", "... used to collect basic usage data"), and not that none is."""
    text = plain(sentence)
    said = (p for p in text.split(",") if re.search(r"\b(?:collected|gathered)\b", p))
    if any(collected_subject(part) for part in said):
        return True
    return any(not _NEGATED.search(m.group(1)) for m in _COLLECTS.finditer(text))


def collection_in_prose(value: object) -> bool:
    """Whether a record's prose says some data is collected: a short policy written as
    paragraphs is a privacy statement, though no item was read from it."""
    if isinstance(value, dict):
        return any(collection_in_prose(v) for k, v in value.items() if k not in _NOT_PROSE)
    if isinstance(value, list):
        return any(collection_in_prose(v) for v in value)
    return isinstance(value, str) and any(states_collection(s) for s in sentences(value))
