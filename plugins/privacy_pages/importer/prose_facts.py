"""Who receives the data, and what data is collected, said in passing under any heading.

Pages say "By default, only required diagnostic data is sent to Microsoft." in an overview, a
note or a section no rule knows. Each sentence of that prose is read on its own (and by
:mod:`.statements` for retention periods and storage places, see ``records.facts_in_prose``):
what it names becomes a structured field, and the sentence stays where it was.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator

from .claims import (
    EVER,
    GIVEN,
    GIVEN_OR,
    KEPT,
    NOT_USED,
    NOT_WHAT_LEAD,
    OTHER_PARTY,
    PART_OF,
    PEOPLE,
    TAKEN,
    TOOL_THAT_TAKES_DATA,
    YOUR_SIDE,
    denial,
    marked,
    not_data,
)
from .draft import MADE_TITLES, DataDraft, GroupDraft, StatementDraft
from .grouping import RELATED_TO, sentence_case, split_parts
from .item_text import DetailDraft, ItemDraft, collected_subject
from .markup import OPENING, bullet_sentences, one_line, plain, sentences
from .report import PageReport
from .wording import ASIDE

#: A verb of handing data over, then (a few words on) "with" or "to" and whom.
_HANDED = re.compile(
    r"\b(?P<verb>shar(?:e|es|ed|ing)|disclos(?:e|es|ed|ing)|transferr?(?:ed|ing|s)?|sen[dt]s?|"
    r"rout(?:e|es|ed)|provid(?:e|es|ed)|made available|forward(?:s|ed)?)\b"
    r"(?:\s+(?!with\b|to\b)[\w'-]+){0,5}?\s+(?P<to>with|to)\s+(?P<who>[^.;:()!?\n|]+)",
    re.IGNORECASE,
)
#: Where the recipient's name ends: a comma, or a word that starts what they do with it.
_WHO_END = re.compile(
    r",|\s(?:for|to|in order|so that|so|when|where|if|who|which|that|as|under|via|in|on|"
    r"through|because|by|from|at|and (?:\w+ed|held|kept|we|you|they|it|is|are|will|can|may)|"
    r"unless|after|before|until|while|including|such as|using|over|with|every|each|once|"
    r"daily|weekly|hourly|monthly|due|without|despite|regardless)\b"  # ("to F5 every hour")
    # a verb: the words sent to are the subject of the clause after ("queries sent to Bing
    # don't affect", "sent to the Bing search service have the identifiers removed")
    r"|\s(?:is|are|was|were|has|have|had|do|does|did|don't|doesn't|didn't|will|would|can|"
    r"could|may|might|must|should|won't|isn't|aren't)\b",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:the|a|an|any|some|certain|other|trusted|selected)\s+", re.IGNORECASE)
_OWN = re.compile(r"^(?:our|its|their)\s+(?=\w)", re.IGNORECASE)
#: Recipients named by kind rather than by name.
_KIND = re.compile(
    r"\b(?:third[- ]part(?:y|ies)|affiliates?|partners?|vendors?|service providers?|"
    r"(?:sub)?processors?|advertisers?|authorities|law enforcement|community|servers?|"
    r"providers?|services?|databases?|resolvers?|venues?|organi[sz]ers?|hosts?|auditors?|"
    r"insurers?|banks?|couriers?|payment processors?)\b",
    re.IGNORECASE,
)
_NOT_WHO = re.compile(
    r"^(?:you|us|we|them|it|him|her|me|others?|your|our|my|their|his|its|this|that|these|"
    r"those|the following|following|which|whom|each other|one another|yourself)\b",
    re.IGNORECASE,
)

#: What "our" names that is the publisher's own side ("our server", "our backend").
_OUR_SIDE = re.compile(
    r"(?:own\s+)?(?:servers?|backend|back end|databases?|systems?|cloud)\W*$", re.I
)
#: Last words that make a phrase data, not who receives it.
_NOT_LAST = frozenset({"data", "information", "it", "them", "details", "content"})


#: "Payments are processed by Stripe", "The site is hosted by GitHub Pages": a service that
#: handles the data, by its name.
_HANDLED_BY = re.compile(
    r"\b(?:processed|handled|hosted|stored)\s+(?:securely\s+)?by\s+"
    r"(?P<who>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})"
)
#: What is handled must be data (not "apps can be managed by Intune").
_HANDLED_DATA = re.compile(
    r"\b(?:data|information|payments?|reports?|logs?|telemetry|requests?|site|website|"
    r"your)\b",
    re.IGNORECASE,
)


#: "We use Hetzner (Germany) for hosting and Postmark for sending emails": a service the
#: publisher hands data to, named with the work it does.
_USES = re.compile(r"^\W*we (?:also )?use\b", re.IGNORECASE)
_USED_FOR = re.compile(
    r"(?:\buse|\band|,)\s+(?P<who>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})(?:\s*\([^)]*\))?"
    r"\s+for\s+(?:hosting|sending e-?mails?|e-?mails?|payments?|billing|analytics|crash|error|"
    r"monitoring|newsletters?|authentication|customer support)"
)
#: "Transfers to the USA rely on ...", "data transfers to": the noun, not a verb of handing over.
_NOUN = re.compile(
    r"(?:\b(?:the|any|such|these|those|data|international|our)|^)\W*+$|(?<!\W)(?=\W*?[.!?])\W*+$",
    re.I,
)


def recipients_in(sentence: str) -> list[str]:
    """Who a sentence says receives data ("... is sent to Microsoft", "shared with our
    affiliates"): named (a capitalized word) or named by kind ("third parties"), at most
    eight words; nothing for "sent to you" or "shared with the following:"."""
    text = plain(sentence)
    found: list[str] = []
    said = text.split(": ", 1)[-1] if len(text.split(": ", 1)[0]) <= 40 else text
    if "?" in text or denial(text) is not None or _no_data(said) is not None:
        # "Does it share data with third parties? — No" (a question, whatever its answer),
        # "never shared with anyone": no claim that anyone receives data.
        return found
    for match in _HANDED.finditer(text):
        if match["verb"].lower().startswith("provid") and match["to"].lower() == "with":
            continue  # "to provide you with the Matrix functions": what you get, not who gets
        if match["verb"].lower() == "transfers" and _NOUN.search(text, 0, match.start()):
            continue
        who = match.group("who")
        end = _WHO_END.search(who)
        if end is not None:
            who = who[: end.start()]
        who = who.strip(" \"'\u201c\u201d")
        if _OWN.match(who) and _OUR_SIDE.match(_OWN.sub("", who)):
            continue  # "sent to our server": the publisher's own side, no recipient
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
    if _USES.search(text):
        found.extend(m["who"] for m in _USED_FOR.finditer(text) if m["who"] not in found)
    for handled in _HANDLED_BY.finditer(text):
        who = handled["who"].rstrip(".,")
        if _HANDLED_DATA.search(text, 0, handled.start()) and who not in found:
            found.append(who)
    return found


#: The words of a phrase up to where its sentence or clause ends (not at "e.g." or "i.e.", nor
#: at "etc." that ends a parenthesis: "(in particular A, B, etc.)").
_WORDS = r"(?:\b[ei]\.[ge]\.|\betc\.(?=\))|[^.;!?])+"
#: "we collect crash reports", "used in this app to collect basic usage data": the words
#: before it say whether it is denied ("we do not collect") and who collects ("you collect").
_COLLECTS = re.compile(
    r"(?<!/)\b(?:collects?|gathers?|collecting)\s+(?:and \w+\s+)?"
    rf"(?!(?:no|nothing|none|any)\b)(?P<what>{_WORDS})",
    re.I,
)
#: "we store your name", "the server logs the IP address", "we process your name": a verb that
#: says the publisher keeps data only with its subject (not "keep records of", "stores it
#: locally"), and "process" or "need" only of the reader's data (not "we process payments").
_KEEPS = re.compile(
    r"\b(?:we|it|(?:the|our) (?:app|application|tool|extension|service|servers?|systems?|website|"
    r"site|cli|sdk|plugin|software|product))\s+"
    r"(?:also\s+|only\s+|automatically\s+|may\s+|will\s+)?"
    r"(?:stores?|records?|logs?|receives?|saves?|(?:process(?:es)?|needs?)(?=\s+your\b))\s+"
    r"(?!(?:no|nothing|none|any|it|them)\b)"
    rf"(?P<what>{_WORDS})",
    re.I,
)
#: "When you contact support ": a clause of when, before the sentence's subject.
_WHEN_CLAUSE = re.compile(
    r"^\s*(?:when|whenever|once|after|as soon as)\s+you\s+(?!(?:do\s+not|don't|never)\b)[^,]*$",
    re.I,
)
#: "You must provide your email address to register": data the reader has to give.
_PROVIDED = re.compile(
    r"^\W*you\s+(?:must|need to|have to|are required to|will be asked to)\s+"
    r"(?:provide|give|enter|supply|submit)\s+(?:us\s+(?:with\s+)?)?"
    rf"(?P<what>(?:your|an?)\s{_WORDS})",
    re.I,
)
#: The publisher, right before its verb ("... we collect").
_WE_LAST = re.compile(r"\bwe\s+(?:also\s+|only\s+|then\s+)?$", re.I)
#: Where what is kept never reaches the publisher.
_ON_DEVICE = r"locally|on (?:your|the) (?:device|computer|machine)|in your browser"
_LOCAL = re.compile(rf"\b(?:{_ON_DEVICE})\b", re.I)
#: Words in the verb's clause that deny it ("we do not collect"), suppose it ("if telemetry
#: is collecting"), give it to the reader ("you can collect"), only speak of it ("the ways
#: in which we collect and use your data", "how we collect it") or of what could be ("it must
#: be possible to collect the requisite data", "designed to help programs collect data").
_NOT_SAID = re.compile(
    r"\b(?:not|never|no|none|nothing|neither|nor|without|you|if|whether|suspect|how|why|"
    r"ways?|possible|designed)\b|n't\b",
    re.I,
)
#: The data a verb's clause is the subject of ("the telemetry we collect falls under ..."):
#: what follows the verb says something of that data, it names no more.
_SUBJECT_CLAUSE = re.compile(
    r"\b(?:data|information|telemetry|statistics|metrics|details|events?)\s+(?:that\s+|which\s+)?"
    r"(?:we|it|they)\s+(?:\w+\s+)?$",
    re.I,
)
#: "We are collecting X" says it; "standards when collecting and using X", "for collecting X"
#: speak of the act.
_BEING = re.compile(r"\b(?:is|are|am|was|were|be|been|being|starts?|keeps?)\s+(?:\w+\s+)?$", re.I)
#: A collector that is not the product: "this manual process only collects feedback", "the
#: survey form collects ...": what it gathers is no data the product collects.
_OTHER_COLLECTOR = re.compile(
    r"\b(?:process|survey|form|issues?|templates?|forums?|communit(?:y|ies)|users?|people|"
    r"browsers?|websites?|third[- ]part(?:y|ies)|partners?)\b",
    re.I,
)
#: "various events such as A, B and C", "the data: A, B and C": the list after it.
_EXAMPLES = re.compile(r"\b(?:such as|including|like|namely|e\.g\.)[,:]?\s+|:\s+", re.I)
#: "X is collected" (not "X is sent to Microsoft": what is sent, and to whom, is sharing).
_COLLECTED = re.compile(r"\b(?:collected|gathered)\b", re.I)
#: The end of a list in running text, at the head of a clause: ", and C are collected".
_LIST_END = re.compile(r"^\s*and\s+", re.I)
#: What opens words before a clause's subject that are no part of its list: a linking, time or
#: excluding word, a preposition, a denial ("In addition, A and B are collected", "Excluding
#: your IP address, ...", "Zero names, ..."), or a clause ("Though we minimize data").
_NOT_LISTED = re.compile(
    r"^\W*(?:about|across|after|again|all|along|also|although|among|apart|as|aside|at|barring|"
    r"based|because|before|behind|besides|beyond|but|by|compared|considering|containing|"
    r"depending|during|each|even|every|except\w*|exclud\w*|first|following|for|from|"
    r"further\w*|given|here|however|if|in|instead|irrespective|last|leaving|like|many|meanwhile|"
    r"minus|moreover|most|never|next|no|none|not|nothing|now|of|omitting|on|once|other\w*|"
    r"outside|over|per|regarding|regardless|sans|similar|since|so|sometimes|subject|then|"
    r"there|though|through\w*|thus|to|today|together|under|unless|unlike|until|upon|via|"
    r"whatever|when\w*|where\w*|whichever|while|with|within|without|yes|zero|note|please)\b"
    r"|^\W*\w+ly\b|\b(?:we|you|they|it|i)\b",
    re.I,
)

#: Words that open an exception: the names after them, up to the clause, may be excepted too.
_EXCLUDING = re.compile(
    r"^\W*(?:except\w*|exclud\w*|leaving|omitting|minus|sans|barring|aside|apart|other\w*|"
    r"besides|without|no|not|none|never|nothing|zero|neither|unlike)\b",
    re.I,
)

#: A word of denial anywhere in a sentence ("... are collected under no circumstances").
_NEGATION = re.compile(
    r"\b(?:no|not|never|nobody|none|neither|nor|nothing|without)\b|n['\u2019]t\b", re.I
)


def _listed_name(piece: str) -> bool:
    """Whether the words between two commas before a clause's subject are a name of data: a
    word for data at its head ("Crash reports"), no list of its own, no examples, no opener."""
    bare = re.sub(r"\([^()]*\)", "", piece)  # ("Crash reports (with stack traces)")
    return (
        "(" not in bare
        and ")" not in bare
        and not re.search(r"[\u2013\u2014]|\s-\s", bare)  # ("Privacy first — crash logs")
        and not re.search(r"\s(?:and|or|nor)\s", bare)
        and not _EXAMPLES.search(bare)
        and not _NOT_LISTED.search(bare)
        and not _NO_NAME.search(_DETERMINER.sub("", bare.strip()))  # ("its name", "the version")
        and not is_summary(bare.strip())  # ("Usage data, A and B are collected")
        and collected_subject(f"{bare} are collected") is not None
        and _names_data(piece)
    )


def _passive_lists(text: str) -> list[str]:
    """The subject of each "X are collected" in ``text``, and the names of its list that the
    commas before it cut off ("A, B and C are collected": A too, not only "B and C"). Each
    of those is taken only while it is a name of data (see :func:`_listed_name`), each a phrase
    of its own, and only from a list joined by "and" in a sentence that denies nothing ("No
    A, B, or C are collected" lists what is not)."""
    parts = text.split(",")
    phrases = []
    start = 0  # (the list before a verb starts after the one before it: linear in the text)
    denied = _NEGATION.search(text) is not None  # (such a sentence is read as before)
    for index, part in enumerate(parts):
        if not _COLLECTED.search(part):
            continue
        cut_off, start = parts[start:index], index + 1
        # (nor when another takes it: "A, B, and C are collected by advertisers")
        by = re.search(r"\b(?:collected|gathered)\s+(?:\w+\s+)?by\b", part, re.I)
        ends = None if denied or by else _LIST_END.match(part)
        subject = collected_subject(part[ends.end() :] if ends else part)
        if not subject:
            continue
        if not (denied or by) and (ends or re.search(r"\sand\s", subject)):
            taken: list[str] = []
            for at in range(index - 1, index - 1 - len(cut_off), -1):
                if not _listed_name(parts[at]) or re.match(r"\d", parts[at]):  # ("1,000")
                    # ("Excluding message contents, sender IDs, A and B": which are excluded
                    # is not said)
                    taken = [] if _EXCLUDING.match(parts[at]) else taken
                    break
                taken.append(parts[at])
            phrases += taken[::-1]
        phrases.append(subject)
    return phrases


#: "X is collected, including A and B", "The following data is collected: A, B and C".
_LISTED = re.compile(
    r"\b(?:collected|gathered|recorded|logged)(?:,?\s+(?:including|such as|like|e\.g\.),?|:)\s+"
    rf"(?P<what>{_WORDS})",
    re.I,
)
#: "This information includes A, B and C" (after a sentence that says it is sent or kept),
#: "The data we collect includes A and B", "Crash reports include A", "Each event contains
#: A": the data itself, by name, not what it is like ("includes information about ...").
_INCLUDES_DATA = re.compile(
    r"(?:(?:^|\b(?:this|that|such|these|the|each|every)\s+)(?:\w+\s+){0,2}(?:data|information)"
    r"|(?:^|\b(?:this|that|these|the|each|every|a|an)\s+)(?:(?:crash|error|usage|diagnostic|"
    r"telemetry|analytics)\s+)?(?:reports?|events?|pings?|payloads?|logs?|requests?|analytics|"
    r"telemetry|diagnostics|metrics|crash(?:es)?))\s+"
    # "Information collected includes": the data by what is done with it
    r"(?:(?:collected|sent|gathered|stored|recorded|transmitted|reported|logged)\s+)?"
    r"(?:(?:that\s+|which\s+)?(?:we|it|they)\s+(?:\w+\s+)?"
    r"(?:collects?|gathers?|receives?|process(?:es)?|stores?|keeps?)\s+)?"
    r"(?:(?:also|always|may|typically|usually)\s+)?"
    r"(?:includes?|comprises?|consists? of|contains?|containing|carr(?:y|ies)|"
    r"(?:is|are) limited to)[:,]?\s+"
    r"(?:but (?:is|are) not limited to,?\s+)?(?:in particular\s+)?"
    # ("A, B, and C; D; and E": a list whose parts hold commas goes on after a semicolon)
    r"(?!(?:no|nothing|none|any|everything|all|only|data|information)\b)(?P<what>[^.!?]+)",
    re.I,
)
#: A verb that makes the words after a semicolon a clause, not more of a list.
_CLAUSE_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|will|can|may|see|help|helps|"
    r"handles?|reviews?|rotates?|includes?|contains?|uses?|sends?|sent|stored|kept|logged|"
    r"deleted|batched|anonymi[sz]ed)\b|^\W*(?:they|it|we|our|see|this|these)\b",
    re.IGNORECASE,
)
#: Not after words that say which data it is ("information related to your account").
_NOT_RELATED = "".join(
    rf"(?<!\b{word})" for word in ("relating", "related", "pertaining", "associated", "linked")
)
#: Where the data's name ends: a clause on why, when or how it is collected.
_WHAT_END = re.compile(
    r"\(|\s[-\u2013\u2014]\s|\sbased\s+on\b"
    rf"|(?<!\bsuch){_NOT_RELATED}"
    r"\s(?:that|which|who|so|in order|to|for|when|whenever|if|unless|while|because|"
    r"as|via|through|from|by|on|at|with|in|during|according|"
    r"and (?:send|sends|sent|store|stores|use|uses))\b"
    # (how it is taken: "..., without interrupting you", "even when the app is closed")
    r"|,\s*without\b|\seven\s+(?=when|if|though|after|while|before)",
    re.I,
)
_DETERMINER = re.compile(
    r"^(?:(?:the|a|an|your|all|any|certain|some|various|one or more)\s+)+", re.I
)
#: "information about the installation experience, usage, and performance": one item.
_ABOUT = re.compile(r"\s(?:about|of|regarding)\s", re.I)
#: A phrase that is not a name of data: it starts or ends as a clause does, holds a verb or
#: a person, or is only a word that qualifies data ("anonymous", "data").
_NOT_A_NAME = re.compile(
    r"^(?:and|or|but|by|for|as|through|without|with|to|in|on|at|from|not|it|them|this|these|"
    r"under|about|over|into|within|via|per|"
    r"those|that|why|what|when|where|who|whether|if|then|so|also|only|following|such|which)\b"
    r"|\b(?:it|them|this|that|these|those|about|of|and|or|to|for|with|the|a|an)$"
    r"|\b(?:is|are|was|were|be|been|will|can|may|must|should|we|you)\b"
    # "..., and transmits the payload": the verb of the next clause, with its object
    r"|^(?:transmits|sends|stores|uploads|shares|generates|creates|gathers|collects|tracks|"
    r"provides|ensures|analy[sz]es|improves|enables|allows|helps|deletes|removes|receives|"
    r"keeps|saves|retrieves|displays|shows)\s+\w"
    r"|^(?:data|information|everything|all|telemetry|more|less|anonymous|aggregated?|"
    r"services?|tools?|products?|features?|"  # ("does not use tracking or other services")
    r"anonymized|optional|required|needed|necessary|minimal|limited|basic|sensitive|personal|"
    r"technical)$"
    # "we store all personal data that you submit": which data is not said
    r"|^(?:personal|user)\s+(?:data|information)$"
    # "various categories of personal information": what kinds there are, not data by name
    r"|^(?:categories|types|kinds)\s+of\s+(?:personal\s+)?(?:data|information)$",
    re.I,
)


#: "the metadata defined above": data the page names elsewhere.
_NAMED_ELSEWHERE = re.compile(
    r"\b(?:above|below|aforementioned|previously)$|\bthe following\b", re.I
)


#: What sums data up rather than names it: "telemetry data about your use of X".
_SUMMARY = re.compile(
    r"^(?:(?:anonymous|anonymi[sz]ed|aggregated?|telemetry|usage|analytics|diagnostic|general|"
    r"some|certain|limited|basic|technical|non-personal|non-sensitive|relevant|related|other|"
    r"additional)\s+)*(?:data|information|"
    r"telemetry|statistics|stats|metrics)(?:\s+(?:about|on|regarding|of|related to)\b.*)?$"
    # "CLI telemetry data", "Startup telemetry data", "Aspire dashboard usage telemetry"
    r"|^(?:[\w-]+\s+){1,3}(?:telemetry|usage|analytics|diagnostic)\s+(?:data|information)$"
    r"|^(?:[\w-]+\s+){1,3}usage\s+telemetry$",
    re.I,
)


def is_summary(name: str) -> bool:
    """Whether a name sums data up ("usage data", "information about X") rather than names it."""
    return _SUMMARY.match(name) is not None


#: The participle a part ends on once its clause is cut ("the device model used", "stored").
#: A clause that says more of the data (not "for WLAN use"): its words are not more data.
_CLAUSE = re.compile(
    r":\s|\s(?:that|which|who|so|in order|when|whenever|if|unless|while|because)\b", re.I
)
_DESCRIBED = re.compile(
    r"(?:^|\s)(?:used|stored|generated|sent|collected|created|recorded|captured|kept|saved|"
    r"assigned|shown|made|taken|written|given|produced)$"
)


#: "They do not collect any additional data beyond basic telemetry and the feedback you give":
#: what is beyond is collected (and the rest is not, see :data:`_NO_OTHER`).
_ONLY_WHAT = re.compile(
    r"(?:\bnot|\bnever|n't)\s+(?:\w+\s+){0,2}?(?:collect|gather|store|send|record|keep)\w*\s+"
    r"(?:any\s+)?(?:additional|other|more|further|extra)\s+(?:\w+\s+)?(?:data|information)\s+"
    rf"(?:beyond|besides|other than|except(?: for)?|apart from)\s+(?P<what>{_WORDS})",
    re.I,
)


#: "audio, electronic, visual, or similar information": the parts before it are the words of
#: one category (adjectives), not data by name.
_SIMILAR = re.compile(r"(?:or\s+)?similar\s+(?:data|information)\b", re.I)
#: "a number of data points", "a variety of events": how much data, not which ("the number of
#: tables" is a count, which is data).
_QUANTITY = re.compile(r"^an?\s+(?:number|variety|range|lot|couple|set|series|few)\b", re.I)


#: Words that join one more name to a list as "and" does: "A, along with B", "A as well as B"
#: (not "together with Google": a company, with which it is done, is no data).
#: What may follow such words for the next part to be data: a lowercase word, a determiner,
#: an acronym before a lowercase word ("CPU architecture") or one that names data ("IP").
_DATA_NEXT = (
    r"(?=(?-i:[a-z])|(?:the|an?|your)\s"
    # ("CPU architecture"; not "AWS as our processor", "IBM and Oracle": companies)
    r"|(?-i:[A-Z]{2,}[a-z0-9]*\s+(?!(?:as|and|or|to|for|in|on|at|with|by|is|are)\b)[a-z])"
    r"|(?-i:IP(?:v[46])?|OS|GPS|UUIDs?|GUIDs?|IDs?|URLs?|MAC|IMEI|SDK|API)\b)"
)
_ALONG_WITH = re.compile(
    rf",?(?<!\s)\s++(?:(?:along|together)\s+with|as\s+well\s+as)\s+{_DATA_NEXT}", re.I
)
_AS_WELL_AS = re.compile(rf",?(?<!\s)\s++as\s+well\s+as\s+{_DATA_NEXT}", re.I)
_WITH_OTHERS = re.compile(r",?\s+(?:along|together)\s+with\s+(?=(?-i:[A-Z]))", re.I)
#: In a denial, "along with" says what the data is not sent with ("We do not send your device
#: ID along with crash reports"): it may be sent otherwise, and crash reports are sent.
_ALONG_ANY = re.compile(r",?\s+(?:along|together)\s+with\s+", re.I)
#: (not "we work together with our host": with whom, not with what)
_SENT_ALONG = re.compile(
    r"(?<!\bwork)(?<!\bworks)(?<!\bworking)(?<!\bworked)" + _ALONG_ANY.pattern, re.I
)
#: "personal data, in particular your name": examples, as "such as" gives them.
_IN_PARTICULAR = re.compile(r"(,|\()\s*in\s+particular[,:]?\s+", re.I)
_VERB_IN_PARTICULAR = re.compile(
    r"\b((?:collect|gather|process|stor|record|receiv|log)\w*)\s+in\s+particular[,:]?\s+", re.I
)


def joined_as_examples(text: str) -> str:
    """A sentence with its lists joined plainly: "A, along with B" as "A and B" ("A with
    Google" for a company); "A, in particular B" as "A, such as B"; "we collect in particular
    A" as "we collect A"."""
    text = _WITH_OTHERS.sub(" with ", _ALONG_WITH.sub(" and ", text))
    text = _VERB_IN_PARTICULAR.sub(lambda found: f"{found[1]} ", text)
    return _IN_PARTICULAR.sub(lambda found: f"{found[1].replace(',', ', ')}such as ", text)


def data_named(sentence: str) -> list[str]:
    """The data a sentence says is collected, by name: "X and Y are collected", "we collect A,
    B and C", "collects events such as A and B"; nothing when it says none is ("we do not
    collect any data") or supposes it ("if telemetry is collecting ...")."""
    text = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", plain(sentence))  # a bullet's marker
    text = joined_as_examples(text)  # ("each event, along with a random UUID")
    listed = _LISTED.search(text)  # "X is collected, including A and B": A and B, not X
    phrases = [_name_end(listed.group("what"))] if listed else []
    if not listed and (listed := _INCLUDES_DATA.search(text)) is not None:
        # (each part up to its own clause: "unique mobile device number (IMEI)"; none when a
        # part is one lowercase word: "audio, electronic, visual, or similar information" are
        # the words of one category, not data by name)
        first, *more = re.split(r";\s*(?:(?:and|or)\s+)?", listed.group("what"))
        # (a part after a semicolon goes on with the list only while no verb says it is a
        # clause: not "; they help us find and fix bugs", "; logs rotate weekly")
        more = list(itertools.takewhile(lambda chunk: not _CLAUSE_VERB.search(chunk), more))
        whole = [part for chunk in (first, *more) for part in split_parts(chunk)]
        parts = []
        for part in whole:
            name = _name_end(part.split(": ", 1)[0]).strip()  # ("a run_id: an id that ...")
            if name == part.strip():
                parts.append(name)
                continue
            # "the device model used at the time", "... and stored in ~/.tool": the
            # participle before the cut clause says what is done with the data, not which
            described = _DESCRIBED.search(name)
            name = _DESCRIBED.sub("", name).strip()
            if described and parts and re.match(r"an?\s", name, re.I):
                pass  # "an installation ID, a random UUID generated on first run": the ID again
            elif name:
                parts.append(name)
            if _CLAUSE.search(re.sub(r"\([^()]*\)", "", part)):
                break  # the parts after a clause are its words ("a run_id: an id that ...,
                # the wrapper, and Core"), not more data

        if parts and not any(_SIMILAR.match(p.strip()) for p in whole):
            phrases = [", ".join(parts)]
    if not listed and (only := _ONLY_WHAT.search(text)) is not None:
        phrases.append(_name_end(only.group("what")))  # "no data beyond A and B": A and B
    if not listed:
        phrases += _passive_lists(text)
    if (sent := _YOURS_SENT.search(text)) is not None and denial(text) is None:
        phrases.append(sent.group("what"))  # "your prompts and results are sent to the service"
    kept = [m for m in _KEEPS.finditer(text) if not _LOCAL.search(m.group("what"))]
    kept += _PROVIDED.finditer(text)
    for match in [*_COLLECTS.finditer(text), *kept]:
        # (the clause before the verb, up to a comma: looked for in the words just before it,
        # so that a long text of many verbs takes linear time)
        start = max(0, match.start() - 300)
        before = text[max(start, text.rfind(",", start, match.start()) + 1) : match.start()]
        # "When you contact support we receive your email address": the clause before the
        # publisher's own verb says when, not who collects or whether
        if match in kept:
            before = _WHEN_CLAUSE.sub("", before)
        elif (
            len(before) <= 200  # (a clause of when is short: no rescan of a long text)
            and (we := _WE_LAST.search(before))
            and _WHEN_CLAUSE.match(before[: we.start()])
        ):
            before = before[we.start() :]
        if _NOT_SAID.search(before) or _OTHER_COLLECTOR.search(before):
            continue
        if _SUBJECT_CLAUSE.search(before) or (
            match.group(0).lower().startswith("collecting") and not _BEING.search(before)
        ):
            continue
        what = match.group("what")
        end = _WHAT_END.search(what)
        examples = _EXAMPLES.search(what, 0, end.start() if end else len(what))
        phrases.append(_name_end(what[examples.end() :] if examples else what))
    names: list[str] = []
    seen: set[str] = set()
    for phrase in phrases:
        phrase = phrase.replace(" plus ", ", ")
        # (words that join parts are looked for in the sentence: a list of "includes" is
        # joined again by commas)
        parts = _sharing_of(_sharing_their_noun(split_parts(phrase), text), text)
        if _ABOUT.search(parts[0]) and not any(
            _DETERMINER.match(p) or p.lower().startswith("how ") for p in parts[1:]
        ):
            parts = [phrase.strip(" .:;,")]  # (not "the version of X, the OS and the locale")
        for part in parts:
            if _QUANTITY.match(part.strip()):
                break  # "a number of improved data points": how much, not which
            name = _HOW.sub("", _DETERMINER.sub("", part)).strip(" \"'*_,")
            if _NAMED_ELSEWHERE.search(name):
                continue  # "the data defined above": named elsewhere, not here
            if (
                not name
                or len(name.split()) > 8
                or (_NOT_A_NAME.search(name) and not _YOU_DO.fullmatch(name))
            ):
                break  # the list ends where its parts stop being names
            if name.lower() not in seen:  # (a set: a long list is read in linear time)
                seen.add(name.lower())
                names.append(sentence_case(name))
    return names


#: Words of what data is of, that share the "of" after the next one: "the date and time of".
_ATTRIBUTE = re.compile(
    r"(?:date|time|make|model|name|version|type|size|start|end|success|failure|number|kind|"
    r"length|duration|title|content|location|source|format)s?",
    re.IGNORECASE,
)


def _sharing_of(parts: list[str], phrase: str) -> list[str]:
    """ "the date and time of your visit", "the success or failure of the command": a word
    of what data is of, joined by "and" or "or" to the next part, which says what of, is one
    name with it ("your email and name of your employer" is two)."""
    joined: list[str] = []
    end = 0  # (where the part before ends in the phrase: each part looked for once)
    for part in parts:
        start = phrase.find(part.strip(), end) if part.strip() else -1
        between = phrase[end:start] if start >= 0 else ""
        conjunction = re.fullmatch(r"\s+(and|or)\s+", between)
        if (
            conjunction
            and joined
            and _ATTRIBUTE.fullmatch(_DETERMINER.sub("", joined[-1].strip()))
            and re.match(r"\s*[\w-]+\s+of\b", part)
        ):
            joined[-1] = f"{joined[-1].strip()} {conjunction[1]} {part.strip()}"
        else:
            joined.append(part)
        if start >= 0:
            end = start + len(part.strip())
    return joined


def names_data(sentence: str) -> bool:
    """Whether a sentence names data by name (not only sums it up: "usage data")."""
    return any(not is_summary(name) for name in data_named(sentence))


#: The reader's data said to be sent ("Each time you use Copilot, your inputs (prompts) and
#: outputs (results), including ..., are sent to the service endpoint"): the subject, without
#: an aside that sums it up.
_YOURS_SENT = re.compile(
    r"(?:^|,\s*)your\s+(?P<what>(?:(?!(?:that|which|who|you|we|it)\b)[^.;:,\s]+\s+){0,7}?"
    r"[^.;:,\s]+)(?:,\s*(?:including|such as|e\.g\.)[^.;]*?,)?\s+"
    r"(?:are|is|will be|may be|might be|gets?)\s+(?:also\s+)?(?:sent|transmitted|uploaded)\s+to\s+"
    # (to the product's side: "is sent a code", "to the printer you choose" send nothing to it)
    r"(?:us\b|our\b|the\s+(?:[\w-]+\s+){0,4}?(?:service|servers?|endpoint|cloud|model|api)\b)",
    re.I,
)
#: Data named by what the reader does with it: "the pages you visit", "the files you upload".
_YOU_DO = re.compile(
    # ("how you use Dynamics AX", "how people use our product": usage, by what it is of)
    r"how\s+(?:you|people|users|customers)\s+use\s+[\w'-]+(?:\s[\w'-]+){0,4}|"
    r"(?!(?:how|what|when|where|why|which|whether|if|and|or|it|this|that)\b)[\w'-]+"
    r"(?:\s[\w'-]+){0,3}\syou\s(?:visit|view|use|open|provide|upload|enter|submit|share|"
    r"create|search for|click|read|download|install|type|select|run|make|tap|press|"
    r"watch|play|sync|save|send|write|post|edit|record)"
    r"|(?:number|amount|count|size)\s+of\s+[\w'-]+(?:\s[\w'-]+){0,2}\syou\s(?:have|own)\b",
    re.I,
)
#: A last word that says how data is kept, not what it is ("your email address securely").
_HOW = re.compile(
    r"\s(?:lawfully|securely|automatically|locally|anonymously|regularly|temporarily|"
    r"permanently|safely|directly|separately|confidentially|only)\W*+$",  # (\W holds \s)
    re.I,
)


def _name_end(phrase: str) -> str:
    """A phrase up to where a clause on why, when or how it is collected starts."""
    end = _WHAT_END.search(phrase)
    return phrase[: end.start()] if end else phrase


_NO_DATA_NAMED = (
    "denied with no verb, and names no data (a practice or a thing), not never collected"
)


def items_in_prose(
    draft: StatementDraft,
    report: PageReport,
    text: str,
    offset: int,
) -> None:
    """What the page's prose says is not collected (:func:`data_denied`) becomes never-collected
    items; what it says is collected (:func:`data_named`) stays text, each name a line of the
    report for the writer to check, unless the sentence lists it plainly among others
    (:func:`listed_plainly`): then it is an item too. Running prose names data less surely than
    a list does: of the items once made from every sentence of pages the importer had never
    seen, most were not data the page says is collected (issue 53). Each sentence stays where
    it was.
    ``text``: the page, whose first line is the report's line ``offset + 1``."""
    end = offset + text.count("\n") + 1
    sections = (draft.required, draft.optional, draft.collected)
    # (text, what it is read for): "all"; "denials" only (the words over a list of data name
    # that data again, but what they say is never collected is news); or "bare" denials only,
    # nothing after them to say where or when ("No secret names or values are tracked.", not
    # "Stack traces are not included in release builds"), in words that are not the page's
    # own prose: an item's details or notes, a protection, a reference list.
    texts = [(t, "all") for t in draft.intro]
    for f in report.free_form:  # the page's own prose (of a list of links or steps, denials)
        if offset < f.line <= end:
            # (a notice a tool prints, drawn in a box: its words without the box's lines)
            texts.append((f.text.translate(_BOX_DRAWING), "all" if f.not_data is None else "bare"))
    texts += [(note["text"], "denials") for note in draft.notes]
    texts += [(p, "bare") for p in draft.protections]
    # (a sentence in a section's opening words lists that section's data: "## Optional data")
    section_of = {id(t): data for data in sections for t in data.intro}
    for data in sections:
        texts += [(t, "all") for t in data.intro]
        texts += [(t, "denials" if g.items else "all") for g in data.groups for t in g.intro]
        # An item's own words may say what it leaves out ("Text and images are not included").
        items = [i for g in data.groups for i in g.items]
        texts += [(i.description, "denials") for i in items if i.description]
        texts += [(i.note, "bare") for i in items if i.note]
        texts += [(t, "bare") for i in items for t in _detail_texts(i.details)]
    known = {i.name.lower() for i in draft.never_items}
    known |= {i.name.lower() for d in sections for g in d.groups for i in g.items}
    said = [
        (sentence, mode, section_of.get(id(prose), draft.collected), prose)
        for prose, mode in texts
        for paragraph in prose.split("\n\n")
        for sentence in bullet_sentences(paragraph)
    ]
    for index, (sentence, mode, section, prose) in enumerate(said):
        # ("This includes: ..." after a denial, in the page's prose or the same item's words;
        # not the next item's "such as A and B")
        after = said[index + 1] if index + 1 < len(said) else None
        following = after[0] if after and (mode == "all" or after[3] is prose) else ""
        denied = data_denied(sentence, following)
        if denied and (practices := practices_denied(sentence, denied)):
            line = _line_of(sentence, text, offset)
            listing = ", ".join(map(repr, practices))
            report.review(line, "prose", f"{listing}: {_NO_DATA_NAMED}; kept as text")
            denied = [name for name in denied if name not in practices]
            if not denied:
                continue
        if denied == [] and _ONLY_WHAT.search(plain(sentence)):
            denied = None  # "no data beyond A and B": A and B are collected
        if mode == "bare" and not _bare_denial(sentence):
            denied = None
        if denied:
            before = said[index - 1][0] if index and said[index - 1][3] is prose else ""
            next_to = after[0] if after and after[3] is prose else ""
            for name in (taken := _taken_next_to(denied, sentence, before, next_to)):
                report.review(_line_of(sentence, text, offset), "prose", f"{name!r}: {_NEXT_TO}")
            denied = [name for name in denied if name not in taken]
        line = _line_of(sentence, text, offset)
        if denied is None and kept_only(sentence) and mode != "bare":
            kept = data_denied(sentence, following, framed=True) or []
            for name in kept:
                report.review(line, "prose", f"{name!r}: {KEPT_ONLY}; kept as text")
            if kept:
                continue
        if denied is None and mode != "all":
            continue
        names = denied if denied is not None else data_named(sentence)
        for name in names:
            if name.lower() in known or (denied is None and is_summary(name)):
                continue
            known.add(name.lower())
            if denied is not None:
                draft.never_items.append(ItemDraft(name, line))
                why = f"named in a sentence as data not collected ({denied_by(sentence)!r})"
                report.review(line, "prose", f"{name!r}: {why}, read as never collected")
            elif listed_plainly(sentence, names, draft.name):
                why = "named in a plain list of data a sentence says is collected; made an item"
                _prose_item(draft, report, section, ItemDraft(name, line), why)
            else:
                why = "named in a sentence as data collected; kept as text, not made an item"
                report.review(line, "prose", f"{name!r}: {why} (add it if the page means it)")
                never_without(draft, report, ItemDraft(name, line))  # ("A without B")


def _prose_item(
    draft: StatementDraft, report: PageReport, section: DataDraft, said: ItemDraft, why: str
) -> None:
    """An item made from a sentence; of "A without B", A (B is never collected)."""
    report.review(said.line, "prose", f"{said.name!r}: {why}")
    never_without(draft, report, said)
    found = _WITHOUT.search(said.name)
    name = said.name[: found.start()].strip() if found else said.name
    _prose_group(section, said.line).items.append(ItemDraft(name, said.line))


#: Words that make a sentence less than a claim that data is collected: a modal ("may
#: receive"), a denial, a condition ("If you choose to connect ..."), a plan or a past ("we plan
#: to collect", "we stopped"), a tool it is taken with ("using tools such as Firebase").
_HEDGED = re.compile(
    r"\b(?:may|might|could|can|cannot|would|should|no|not|never|nor|neither|none|nothing|"
    r"nobody|zero|if|whether|unless|unable|impossible|declin\w*|refuses?|refused|plans?|"
    r"planning|intend\w*|going to|soon|until|consider\w*|future|previously|stopped|used to|"
    r"ask|permission to|before|tools?|unlike|except\w*|excluding|instead of|"
    r"rather than|other than|apart from|besides|minus|(?:start|begin)\w* (?:collecting|to))\b"
    r"|n't\b|\?\W*$",
    re.IGNORECASE,
)
#: Words that make a list a topic rather than names: "information about your PC and the apps".
_TOPIC = re.compile(r"\babout\b", re.IGNORECASE)
#: What a "without" takes, up to the next comma: "without parameters or their values,".
_WITHOUT_TAKES = re.compile(r"\bwithout\b(?P<what>[^,;]*+)(?P<comma>,)?", re.IGNORECASE)
#: A part that is no name of data: a lone participle, pronoun or adverb ("itself", "provided"),
#: a name of something said before ("their duration") or of the publisher's ("our provider").
_NO_NAME = re.compile(
    r"^\S+(?:ed|self|selves|ly)$|^(?:their|its|his|her|our|this|that|these|those|other)\b"
    r"|^(?:purposes?\b|(?:version|type|make)$)",  # (a lone "version": of what is not said)
    re.I,
)
#: The verb by which a sentence says data is taken, and the words before it: who takes it.
_TAKEN_BY = re.compile(
    r"^(?P<who>.*?)\b(?P<verb>collect(?:s|ed|ing)?|gather(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|"
    r"record(?:s|ed|ing)?|log(?:s|ged|ging)?|stor(?:e|es|ed|ing)|sav(?:e|es|ed|ing)|keeps?|kept|"
    r"process(?:es|ed|ing)?|needs?|includ(?:e|es|ed|ing)|contain(?:s|ed|ing)?|"
    r"compris(?:e|es|ed|ing)|consists?|carr(?:y|ies|ied)|captur(?:e|es|ed|ing)|"
    r"track(?:s|ed|ing)?|sen(?:d|ds|t|ding)|upload(?:s|ed|ing)?|transmit(?:s|ted|ting)?|"
    r"detect(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)
#: Words a sentence may open its taker with that name no one else: "We", "Our servers", "The
#: app", "This information", "Crash reports" (any other capitalized word names a taker).
_COMMON = re.compile(
    r"(?:we|it|our|also|currently|additionally|specifically|then|in|the|this|that|these|those|"
    r"each|every|such|all|any|information|data|crash|crashes|errors?|usage|telemetry|"
    r"diagnostics?|analytics|logs?|reports?|events?|pings?|requests?|payloads?|metrics|"
    r"servers?)",
    re.IGNORECASE,
)
#: Takers that are not the product: other apps, providers, the reader's own side.
_OTHERS = re.compile(
    r"\b(?:apps|applications|providers?|networks?|carriers?|employers?|administrators?|admins?|"
    r"developers?|browsers?|vendors?|partners?|companies|platforms?|stores?|operators?|hackers?|"
    r"other|others|many|most|some|third|users?|people|you|your)\b",
    re.IGNORECASE,
)
#: The publisher as the taker, right before the verb: "we", "we also", "our servers".
_WE = re.compile(
    r"(?:^|\W)(?:we|our(?:\s+[\w-]+){1,2})\s+(?:(?:also|only|then|will|automatically|"
    r"currently|always)\s+)?$",
    re.IGNORECASE,
)
#: A clause on when or why, before the taker ("When you sign up we ...", "To help you, we ...").
_WHEN = re.compile(r"^\W*(?:when|whenever|after|once|if|as|while|before|to|for|in)\b", re.I)
#: Verbs of keeping, which say nothing of collecting unless the publisher keeps the data.
_KEEPING = re.compile(r"^(?:stor|sav|keep|kept)", re.IGNORECASE)
#: Places on the reader's side: data kept there is not collected.
THEIR_SIDE = re.compile(
    rf"\b(?:{_ON_DEVICE}|on (?:your|the) phone|keychain|local storage|localstorage|"
    r"chrome\.storage|icloud|in your (?:account|drive)|~/)",
    re.IGNORECASE,
)
#: "date and time of your visit", "make and model of your device": one word shared by a later
#: part, not a name of its own.
_SHARED_OF = r"\b{}\s+(?:and|or)\s+[\w-]+\s+of\b"


def taken_by_product(sentence: str, product: str) -> bool:
    """Whether a sentence says the product itself (or its publisher) takes the data: "we",
    "our servers", "the app", a passive ("X is collected", "This information includes"), or
    a name the product's name holds ("GitLab Inc. collects" on GitLab's page); not "Google Play
    collects", "Many apps collect", "Your carrier collects", "The app stores ... in the
    keychain" (kept on the reader's side)."""
    text = plain(sentence)
    found = _TAKEN_BY.match(text)
    if found is None:
        return False
    # (after a clause on when: "When you sign up, we ..."; all of it before an aside: "Stripe,
    # our payment processor, collects")
    who = found["who"] if found["who"].rstrip().endswith(",") else found["who"].split(",")[-1]
    if re.fullmatch(r"\s*(?:which|that|who)\s*", who, re.IGNORECASE):
        return False  # ("We use Google Analytics, which collects": the taker is before)
    agent = re.match(r"\w*\s+by\s+(?P<agent>[^,.;]+)", text[found.end("verb") :])
    if re.search(r"\b(?:is|are|was|were|be|been|being|gets?)\s+(?:\w+ly\s+)?$", who):
        who = agent["agent"] if agent else "it"  # a passive: who is its agent, if named
    # ("When you contact support we receive": "we" right before the verb, after a clause on
    # when; not "Developers using our SDK collect": "our SDK" is the developers' tool there)
    we = _WE.search(who)
    if we and not _WHEN.match(who[: we.start()]) and _OTHERS.search(who[: we.start()]):
        we = None
    if _KEEPING.match(found["verb"]) and (
        not we or THEIR_SIDE.search(text) or not re.search(r"\byour\b", text, re.I)
    ):
        # "The CLI stores your credentials in ~/.config": kept on their side; "We store
        # backups and logs in Frankfurt": where, not the reader's data
        return False
    if we:
        return True
    named = set(re.findall(r"[a-z0-9]{3,}", product.lower()))
    if named & set(re.findall(r"[a-z0-9]{3,}", who.lower())):
        return True  # (the product, or its publisher, by name)
    if _OTHERS.search(who):
        return False  # another taker
    words = who.split()
    return not any(
        word[:1].isupper()
        and not _PRODUCT_KIND.fullmatch(word)
        and (at or not (_COMMON.fullmatch(word) or _opening_adjective(words)))
        for at, word in enumerate(words)
    )  # (a name that is not the product's: "Google Play collects", "Stripe collects")


#: A lead's taker that is the product or its data ("Usage Data includes:", "The Service
#: collects:"), not another party, whatever its capitals.
_OWN_TAKER = re.compile(
    r"\b(?:data|information|reports?|events?|logs?|telemetry|service|application|app|website|"
    r"site|platform|software)\b",
    re.IGNORECASE,
)


def taken_by_another(lead: str, product: str) -> bool:
    """Whether a list's lead says another party collects what it lists, a party it names as
    such first ("Payments are processed by Stripe. Stripe collects:"): that party's data, not
    the product's (kept as text). (A page's title is often not the product's name: a name
    alone is no other party.)"""
    said = sentences(plain(lead))
    last = said[-1] if said else ""
    found = _TAKEN_BY.match(last)
    name = re.match(r"\s*((?:[A-Z][\w.&-]*\s+)*[A-Z][\w.&-]*)", found["who"]) if found else None
    before = " ".join(said[:-1])
    return (
        found is not None
        and name is not None
        and last.rstrip().endswith(":")
        and _COLLECTING.match(found["verb"]) is not None
        and _OWN_TAKER.search(found["who"]) is None
        and not taken_by_product(last, product)
        and re.search(rf"\b(?:by|uses?|using|via|through|with)\s+{re.escape(name[1])}\b", before)
        is not None
    )


_COLLECTING = re.compile(r"collect|gather|record|receiv|track|captur|log", re.IGNORECASE)


def _opening_adjective(words: list[str]) -> bool:
    """Whether a taker's first word is an adjective capitalized as the sentence's first word
    ("Anonymous usage data includes"), not a name ("Signal collects", "Elastic collects")."""
    return (
        len(words) > 1 and words[1][:1].islower() and bool(_ADJECTIVE.fullmatch(words[0].lower()))
    )


#: What kind of thing the product is, written in capitals ("The CLI", "The SDK"): no name.
_PRODUCT_KIND = re.compile(
    r"(?:CLI|SDK|API|App|Extension|Plugin|Add-on|Tool|Library|Bot|Agent)", re.I
)


def listed_plainly(sentence: str, names: list[str], product: str = "") -> bool:
    """Whether a sentence that names data as collected (``names``: :func:`data_named`) lists
    two or more by name in a plain claim that the product takes them: "Information collected
    includes file data, process data and device details." Of such lists on read pages, nearly
    all name data the page says is collected; a single name, a hedged list or one another
    taker collects is left as text (:func:`items_in_prose`)."""
    text = plain(sentence)
    if len(names) < 2 or _HEDGED.search(text) or _TOPIC.search(text) or _without_open(text):
        return False
    if not taken_by_product(text, product):
        return False
    for name in names:
        if is_summary(name) or _NO_NAME.match(name) or not_data(name) is not None:
            return False
        if re.search(_SHARED_OF.format(re.escape(name)), text, re.IGNORECASE):
            return False  # "date and time of your visit": "Date" is no name of its own
    return True


def _without_open(text: str) -> bool:
    """Whether a "without" leaves unsaid where what it takes ends: in "crash reports without
    stack traces, device IDs or IP addresses" the IDs may be without or collected. "Command
    name without parameters or their values, tool version" closes the list "without" takes with
    its "or" (a list puts its conjunction last), and a "without" in the sentence's last part
    takes only that part."""
    return any(
        found["comma"] and not re.search(r"\s(?:and|or|nor)\s", found["what"])
        for found in _WITHOUT_TAKES.finditer(text)
    )


def _prose_group(section: DataDraft, line: int) -> GroupDraft:
    """The group of a section a sentence's list goes to (one per sentence, in page order)."""
    groups = section.groups
    if groups and groups[-1].line == line and groups[-1].title in MADE_TITLES:
        return groups[-1]
    group = GroupDraft("Data collected", "Data collected", line, placed=True)
    groups.append(group)
    return group


#: A denial with nothing after its verb but whom the data does not reach: "No secret names,
#: values, or counts are tracked.", "Custom command names are not sent to Microsoft.", "We do
#: not process or store your entire payment card number."
_BARE_END = (
    r"(?:(?<!\s)\s+(?:to|with)\s+(?:us|our servers?|the service|(?-i:[A-Z][\w.-]*+)))?"
    r"\s*+[.!]?\s*+$"
)
# (possessive words and spaces, and runs of spaces from their start only: linear time)
_BARE = re.compile(
    r"^\W*+(?:no\s++[^;:]+?|[^;:,]+?(?<!\s)\s+(?:is|are|will)\s+(?:never|not)(?:\s+be)?)"
    rf"(?<!\s)\s+(?:{TAKEN}|stored|created or tracked)"
    + _BARE_END
    + r"|^\W*+we\s+(?:do\s+not|don't|never|will\s+not|"
    r"won't)\s+(?:\w+\s+(?:or|and)\s+)?(?:collect|gather|process|store|record|track|log|receive)\s+"
    r"(?:any\s+|your\s+)?(?:(?!(?:in|on|for|when|if|unless|until|after|during|except|beyond|"
    r"from|to|at|by|while|once)\b)[\w'-]++[\s,]*+){1,8}[.!]?\s*+$"
    # "Not collected: file paths, arguments": a label that denies the names after it
    rf"|^\W*+(?:not|never)\s+{TAKEN}\W*:\W*(?!(?:see|the following|none|nothing|all of)\b)"
    # (who or which build is left out is no data: "Not collected: Enterprise customers")
    r"(?![^:]*\b(?:customers|users|accounts|builds?|modes?|tiers?|plans?|above|below)\b)"
    r"(?:(?!(?:in|on|for|when|if|unless|until|after|during|except|beyond|from|to|at|by|while|"
    r"once|but|only|yet)\b)[\w'-]++[\s,]*+){1,12}\.?\s*+$",
    re.I,
)


def _bare_denial(sentence: str) -> bool:
    """Whether a sentence denies data and says nothing more (:data:`_BARE`), or says data is
    taken out (:func:`_taken_out`)."""
    text = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", plain(sentence))
    labelled = _LABEL.match(text) or re.match(r"^[^:]{1,40}:\s+(?P<rest>\S.*)$", text)
    rest = labelled["rest"] if labelled else text
    return any(bool(_BARE.match(t) or _taken_out(t)) for t in (text, rest))


def _detail_texts(details: list[DetailDraft]) -> Iterator[str]:
    """The text of each detail, and of its own details, depth first (without recursion: a
    page's nesting has no bound)."""
    stack = details[::-1]
    while stack:
        detail = stack.pop()
        yield detail.text
        stack += detail.details[::-1]


#: "The parameters passed to pwsh without the parameter values": the values are not sent.
_WITHOUT = re.compile(
    r"\swithout\s+(?:the\s+|any\s+|their\s+|its\s+)?(?P<what>[^,;()]{3,60})$", re.I
)


def never_without(draft: StatementDraft, report: PageReport, item: ItemDraft) -> None:
    """An item "A without B": A is collected (its name says so, as written), B is not."""
    found = _WITHOUT.search(plain(item.name))
    if found is None or not_data(found.group("what")) is not None:
        return
    name = _DETERMINER.sub("", found.group("what").strip(" ."))
    name = name[:1].upper() + name[1:]
    if name.lower() not in {i.name.lower() for i in draft.never_items}:
        draft.never_items.append(ItemDraft(name, item.line))
        message = f"{name!r}: {item.name!r} is collected without it; read as never collected"
        report.review(item.line, "requirement", message)


#: The box-drawing characters (U+2500 to U+257F) of a notice drawn in a terminal.
_BOX_DRAWING = dict.fromkeys(range(0x2500, 0x2580), " ")


def _line_of(sentence: str, text: str, offset: int) -> int:
    """The line of the page a sentence starts on (by its first words, across lines: twelve, so
    that two sentences that open alike are told apart, else four, past markup the sentence no
    longer has)."""
    for count in (12, 4):
        found = re.search(r"\s+".join(map(re.escape, sentence.split()[:count])), text)
        if found is not None:
            return offset + text.count("\n", 0, found.start()) + 1
    return 0


#: "we do not collect A, B or C", "is never sent: A and B": what follows the denied verb.
_DENIED_VERB = (
    # ("stor(?:e|ing)": "storing" too, as "collecting" is "collect" and more)
    r"(?:collect|gather|send|track|record|stor(?:e|ing)|upload|transmit|see|receiv(?:e|ing)|"
    r"access|log|captur(?:e|ing)|includ(?:e|ing)|contain|"
    r"use(?=\s+(?:any\s+)?(?:cookies|trackers|web beacons|tracking technolog)))"
)
#: Words between "not" and a verb's "-ing" form that leave it the verb ("not actively", "not in
#: any way", "not capable of").
_ADVERB = (
    r"(?:\w+ly|even|ever|still|yet|currently|in|any|way|capable|of|designed|for|at|all|be|"
    r"being|been)\b"
)
_DENIED_OBJECT = re.compile(
    # (a verb's "-ing" form after other words is a noun, "does not use tracking or analytics
    # tools": tools are no data; after adverbs only it is the verb: "not actively tracking")
    r"(?:(?:\bnot|\bnever|n't|\bwithout(?:\s+ever)?(?=\s+\w+ing\b))\s+"
    rf"(?:{_DENIED_VERB}\w*|(?:{_ADVERB}\s+){{1,4}}{_DENIED_VERB}\w*"
    rf"|(?:[\w'-]+,?\s+){{1,5}}?{_DENIED_VERB}(?!ing\b)\w*)"
    # "collect, transmit, sell, or share any data": the object of them all (one way to read it,
    # so that a long run of "or" takes linear time)
    r"(?:(?:,\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+)(?!(?:or|and)\b)[a-z]+)*"
    # ("collect, process or gain access in any way to A": the object of "access to")
    r"(?:\s+access(?:\s+in\s+any\s+way)?(?=\s+to\s))?"
    r"|\bno\s+access)"  # ("We have no access to your files")
    # ("do not have access to A"; not "do not track you across apps": people are no data)
    # ("The following data is not collected: A or B": the list after the colon)
    rf"(?:\s*:)?\s+(?:to\s+)?(?!{PEOPLE})(?P<what>{_WORDS})",
    re.I,
)
#: "A and B are never collected", "Your files never leave your device": the denied subject.
_DENIED_SUBJECT = re.compile(
    r"^(?P<what>[^;:]+?)(?<!\s)\s+(?:(?:is|are|will be|will|do|does)\s+)?(?:never|not|n't)\s+"
    rf"(?:be\s+|ever\s+|even\s+)?(?:{TAKEN}|stored|seen|received|accessed|included|leaves?|leave|"
    r"makes? (?:their|its) way)\b",
    re.I,
)
#: "This includes, but is not limited to: A, B and C": the list after the colon.
_INCLUDES = re.compile(
    r"^\s*(?:this|these|that|such data|it)\s+(?:includes?|means?|covers?|(?:is|are) "
    r"things like)\b[^:]*:\s*+(?P<what>.+)$|^\s*(?:for example|e\.g\.|such as)[,:]?\s++(?P<ex>.+)$",
    re.I,
)
#: Where a never-collected name ends: a clause on why or how (a relative clause stays: it says
#: which data, "metrics which may contain sensitive data").
_DENIED_END = re.compile(
    # ("about you", "regarding our users": of whom the data is, not which data it is)
    rf"\s(?:about|regarding|concerning)\s+(?:our\s+|the\s+)?{PEOPLE}|"
    rf"\(|(?:^|{_NOT_RELATED}(?<!\bbelonging)(?<!\breferring)(?<!\bconnected)\s)"
    r"(?:used (?:to|for|by)|to|for|in order|so|when|whenever|if|unless|while|before|"
    r"because|as|via|through|from|by|"
    # ("information on users' datasets": what it is of; "information on our servers": where)
    r"on(?:(?<!information on)(?<!data on)|(?=\s+(?:our|your|the|its|their|a|an|any)\s))|at|"
    r"with|within|in|during|and (?:we|it|they|is|are))\s",
    re.I,
)
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)(?:\s+\w+)?\s*$", re.I)


def _passive(said: str, before: str, after: str) -> bool:
    """Whether a denial's verb is a passive ("is not transmitted", "isn't sent"); not "are not
    collecting", nor "is not designed to collect A", nor "is not tracked: A" (A is denied)."""
    if said.endswith("ing") or re.search(r"\sto\s", said) or after.lstrip().startswith(":"):
        return False
    return _PASSIVE_BEFORE.search(before) is not None


_SUBJECTS = re.compile(
    # ("The following data is not collected: A, B": the list after the colon)
    r"^(?:we|i|it|they|this|that|these|those|you|the following(?: [\w-]+)?|the (?:app|application|extension|sdk|tool|cli|"
    r"service|product|program|module|library|software|website|site|plugin|telemetry|"
    r"[\w-]+ (?:app|cli|tool|sdk|extension)))$",
    re.I,
)


#: A case of a choice or a state a denial holds in ("when you are offline", "If you opt out,
#: ..."), some versions ("on Visual Studio versions < 17.14", "in release builds"), runs ("in
#: CI") or people ("for EU users"): outside it, the data is taken. (Not "while you use our
#: site": that is every case; not "even when telemetry is off": that says more.)
_PLATFORM = r"(?:android|ios|ipados|windows|macos|linux|chromeos)"
_IN_A_CASE = re.compile(
    r"(?<!\beven )\b(?:if|when|whenever|while|once|after)\s+(?:\w+\s+){0,4}?"
    r"(?:opt(?:s|ed)?[- ]?(?:out|in)|disabl\w*|turn\w*\s+(?:\w+\s+)?off|offline|set|unset|"
    r"declin\w*|refus\w*|revok\w*)\b"
    # ("We don't collect the IMEI on Android 10+": on one platform, perhaps on others; not
    # "on Android or iOS", all of them)
    rf"|(?<!\beven )\b(?:on|in)\s+{_PLATFORM}\b(?![\s+\d.]*(?:,|\bor\b|\band\b|/)\s*{_PLATFORM})"
    r"|(?<!\beven )\b(?:on|in|for|with)\s+(?:\S+\s+){0,3}?(?:versions?\s*[<>=\u2264\u2265]|"
    r"versions?\s+(?:older|earlier|prior|before|below)|(?:older|earlier|previous|legacy|debug|"
    r"release|beta|nightly|preview|insider|enterprise|self-hosted)\s+(?:versions?|releases?|"
    r"builds?)|\d+(?:\.[\dx]+)*\s+releases?)"
    # some runs ("No telemetry is sent in CI"; not "anywhere, including in CI")
    r"|(?<!\beven )(?<!\bincluding )(?<!\bwhether )\b(?:in|on)\s+(?:a\s+|the\s+)?"
    r"(?:CI|continuous integration)\b"
    # some people ("for EU users", "for logged-in users"; not "for our users", "even for
    # enterprise customers", "designed for privacy-conscious users", "for identifying users")
    r"|(?<!\beven )(?<!designed )(?<!intended )(?<!meant )(?<!built )(?<!made )\bfor\s+"
    r"(?!(?:any|all|every|our|your|its|the|their|these|those|other|each|my|such)\b|\w+ing\b)"
    r"[\w-]+(?:\s+[\w-]+)?\s+(?:users|customers|visitors|accounts|installations|instances|"
    r"plans|subscribers|members)\b(?!')"
    # ("from users in the EU", "from visitors who are not logged in": some of them)
    r"|\bfrom\s+(?:users|customers|visitors|people|residents)\s+(?:in|of|from|who|under)\b"
    # a mode ("In private mode, ...", "The anonymous mode won't include ..."; not "in any mode")
    r"|^\W*(?:in|under|with)\s+(?:the\s+)?(?!(?:any|every|all)\b)[\w-]+\s+mode\b"
    r"|\b(?:the|this|that)\s+[\w-]+\s+mode\s+(?:\w+\s+)?(?:does|do|will|won't|doesn't|never)\b",
    re.I,
)
#: "We don't store raw telemetry data long-term": kept for a time, not never collected.
_KEPT = re.compile(r"\b(?:stor|keep|kept|retain|sav|hold|logg)\w*", re.I)
#: A verb of keeping in a denial ("do not log", "not stored").
_KEPT_VERB = re.compile(
    rf"{_KEPT.pattern}|(?:\bnot|\bnever|\bneither|n't)\s+(?:[\w-]+\s+){{0,3}}?logs?\b", re.I
)
#: A verb of taking data in, in a denial with a verb of keeping ("do not request or store").
_TAKING = re.compile(
    r"\b(?:collect|gather|request|ask|receiv|access|sen[dt]|transmit|upload|track|captur|"
    r"leav|read|process|includ|contain)\w*|\b(?:see|seen|record|records|recorded|recording)\b",
    re.I,
)


#: A verb of taking joined to a denial's verb ("stored *or collected*", "and never leaves").
_AND_TAKING = re.compile(
    r"(?:,\s*(?:(?:or|and|nor)\s+)?|\s+(?:or|and|nor)\s+)"
    r"(?:(?:is|are|was|were|will|be|been|never|not|ever|also|do|does)\s+)"
    rf"{{0,3}}(?:{_TAKING.pattern})",
    re.I,
)


def _kept_only(text: str, said: str) -> bool:
    """Whether ``text``'s denial ``said`` denies keeping the data only ("not stored", "do not
    log"): no verb of taking in it or joined to it ("not stored or collected", "is not stored
    and never leaves your device" deny taking too; not "the content of sent messages"), and
    the data not kept on the reader's side first ("processed locally and never stored")."""
    start = max(text.find(said), 0)
    return (
        bool(_KEPT_VERB.search(said))
        and not _TAKING.search(said)
        and not _AND_TAKING.match(text, start + len(said))
        and not _LOCAL.search(text, 0, start)
    )


def kept_only(sentence: str) -> bool:
    """Whether a sentence denies only that data is kept ("Your IP address is never stored")."""
    text = _denial_text(sentence)
    said = denial(text)
    return said is not None and _kept_only(text, said)


#: Data taken ("IP addresses are sent to App Insights"), then not kept ("... but are not
#: stored"): not never collected; unless it stays the person's ("processed locally").
_TAKEN = re.compile(
    r"\b(?:is|are|was|were|gets?)\s+(?:\w+\s+)?(?:sent|used|collected|received|transmitted|"
    r"uploaded|mapped|logged|shared)\b(?!\s+(?:\w+\s+){0,2}?(?:locally|on[- ](?:your |the )?"
    r"device|in memory|in (?:your|the) browser))",
    re.I,
)
KEPT_ONLY = (
    "said not to be kept, which is not that it is not collected (data not kept may well be "
    "received): no never-collected entry"
)
_AND_THEN = re.compile(r"\s(?:and|but)\s+(?:(?:is|are|was|were|will be)\s+)?$", re.I)
_NEXT_TO = "said to be taken by the sentence next to it: not never collected; kept as text"


def _taken_next_to(denied: list[str], sentence: str, before: str, after: str) -> list[str]:
    """The denied names the sentences next to a denial say are taken: sent, then not kept ("IP
    addresses are sent to App Insights. However, IP addresses are not stored."), or collected
    ("The `dotnet` command itself does not collect telemetry. It is the tools it runs that
    collect telemetry.")."""
    before, after = plain(before), plain(after)
    sent = _KEPT.search(denied_by(sentence) or "") and _TAKEN.search(before)
    objects = [] if denial(after) else [m["what"] for m in _COLLECTS.finditer(after)]
    return [
        name
        for name in denied
        if (sent and name.lower() in before.lower())
        or any(_ARTICLE.sub("", what).lower().startswith(name.lower()) for what in objects)
    ]


_FOR_LONG = re.compile(
    r"\b(?:long[- ]term|permanently|indefinitely|forever|longer than|any longer|for more than|"
    r"(?:beyond|after)\s+(?:the\s+|that\s+|its\s+|\d+\s+|\w+\s+)?(?:[\w-]+\s+)?(?:days?|weeks?|"
    r"months?|years?|hours?|session|request|period|use|time))\b"
    r"|\b(?:after|once)\s+(?!all\b)\w",  # ("not stored after delivery": until then)
    re.I,
)
#: A denial of one form, way or purpose of taking the data ("in plain text", "not directly",
#: "ourselves", "for marketing purposes"), or of one state of the app ("in the background"): it is taken in
#: another.
_PARTLY = re.compile(
    # ("not directly collect"; "does not access your photo library directly" keeps the word)
    r"\bin\s+(?:plain|clear|readable|unencrypted)(?:\s*text)?\b|^\S*\s+directly\b|\bin the background\b"
    # ("We never collect your card number ourselves", "SSMS doesn't collect its own crash dump")
    r"|\b(?:ourselves|itself|themselves)\b"
    r"|\b(?:its|our|their)\s+own\b(?!\s+(?:servers?|systems?|infrastructure|cloud|backend|"
    r"purposes?))"
    r"|\bfor\s+(?:(?:targeted|personali[sz]ed|behaviou?ral|interest-based)\s+)?(?:marketing|"
    r"advertising|ads|profiling|analytics|(?!(?:any|all|our|its|their|your)\b)\w+\s+purposes?)\b",
    re.I,
)
#: Where a hedged denial's clause ends: "..., and we never ...", "... and do not knowingly ...".
_HEDGE_CLAUSES = re.compile(
    r";|,\s*(?:and|but)\s+|\s(?:and|but)\s+(?=(?:(?:do|does|will)\s+not|don't|doesn't|never)\b)",
    re.I,
)
_YET_VERB = r"(?:collect|send|sent|track|record|gather|captur|upload|transmit|log|includ)"
#: A hedge on a denial ("We generally do not collect ...": some of the time it is).
_HEDGED_DENIAL = re.compile(
    r"\b(?:generally|usually|typically|normally|mostly|often|rarely|seldom|probably)\s+"
    r"(?:(?:do|does|will|is|are)\s*)?(?:not|n't|never)\b"
    r"|\b(?:not|n't)\s+(?:usually|typically|normally|generally|always|necessarily)\b"
    # ("Not yet collected: GPU model", "We don't collect it yet": to come, not never)
    rf"|(?:\bnot|n't)\s+(?:yet\s+{_YET_VERB}|{_YET_VERB}\w*\s+(?:[\w-]+\s+){{0,5}}?yet\b)"
    # ("We do not knowingly collect data from children": what is not meant, not what is not
    # taken; such data, once known, is deleted; "We aim to never collect", "We may not")
    r"|\b(?:knowingly|intentionally|deliberately|willingly|consciously|actively|purposely|"
    r"purposefully|intention|as far as we (?:know|are aware)|best of our knowledge)\b"
    r"|\b(?:aims?|try|tries|strives?|intends?|plans?|best|may|might)\s+(?:to\s+)?(?:not|never)\b"
    r"|\b(?:do|does)\s*(?:not|n't)\s+(?:intend|plan|aim)\b"
    r"|\bdid\s*(?:not|n't)\b",  # ("Before 2.0, Kit did not collect A": then, not now)
    re.I,
)
#: A proviso the denial is part of ("provided that you do not send us analytics events"), or
#: advice to the reader ("Take care to ensure that the data set doesn't include ..."): what it
#: denies is the case the sentence speaks of, not data never collected.
_PROVISO = re.compile(
    r"\b(?:provided|providing|on (?:the )?condition) that\b"
    r"|^\W*(?:please\s+)?(?:(?:take care|be sure) to\s+)?(?:ensure|make sure)\s+"
    r"(?:that|your|the|no|all|any|you|not|\w+\s+(?:do|does|are|is|never)(?:n't)?)\b"
    # what an action just named will do ("Run it with DEBUG=1. This will print the data and
    # will not send it."): that case only
    r"|^\W*(?:this|that|doing so)\s+(?:will|would)\b",
    re.I,
)
#: Data taken out of what is sent ("stack traces that have been scrubbed of user paths",
#: "All personal information is scrubbed from this information", "IP addresses are removed
#: before upload"): never collected. (Not "removed from our servers after 30 days": kept.)
_REMOVED_OF = re.compile(
    rf"\b(?:scrubbed|stripped|cleansed|purged)\s+of\s+(?P<what>{_WORDS})", re.I
)
_REMOVED = re.compile(
    r"^(?P<what>[^;:,]+?)(?<!\s)\s+(?:is|are|gets?|will be|have been|has been)\s+(?:\w+ly\s+)?"
    r"(?:scrubbed|stripped|redacted|masked|removed|filtered out)\s+"
    r"(?:before\b|from\s+(?:this|the|these|each|every|all|any)\b)",
    re.I,
)
#: "the error message, with any usernames and paths removed": the data taken out of it.
_REMOVED_WITH = re.compile(
    r"\bwith\s+(?:any|all)\s+(?P<what>[^.;:,()]{3,60}?)\s+(?:removed|scrubbed|stripped|"
    r"redacted|masked|filtered out)\b",
    re.I,
)
#: "All data is collected and processed anonymously, without any personally identifiable
#: information": what the data is collected without. (Not "without your consent", a condition,
#: nor "without interrupting you", a manner.)
_COLLECTED_WITHOUT = re.compile(
    r"\b(?:collected|gathered|sent|processed|transmitted|recorded)\b[^.;]{0,60}?\bwithout\s+"
    # (data that names people only: not "without any opt-in", "any delay", "any encryption")
    r"any\s+(?P<what>(?:[\w-]+\s+){0,2}?(?:personal(?:ly)?|identif\w*|private|PII)\b[^.;:()]{0,50})",
    re.I,
)
#: Data denied from some moment on, or beyond some ("No more data", "no further data", "No
#: additional cookies"): what was or is taken otherwise is not said.
_FROM_NOW_ON = re.compile(r"^(?:more|further|new|additional|extra)\s", re.I)
#: Some of the data only ("all of your contacts", "every keystroke", "most identifiers").
_SOME_OF = re.compile(r"^(?:all|every|each(?!\s+other)|most|much)\s", re.I)
#: A part of a denied list that is a clause of its own ("or sell email addresses", "and
#: don't use cookies", "and never have collected"): no name.
_VERB_FIRST = re.compile(
    r"^(?:do|does|did|don't|doesn't|didn't|never|neither|nor|have|has|had|sell|share|store|"
    r"rent|disclose|trade|retain|use|makes?|performs?|connects?|requires?)\s",
    re.I,
)
_EVER_AFTER = re.compile(
    r"(?<!\s)\s+(?:anymore|any more|any longer|whatsoever|at all|of any (?:kind|sort|type))$", re.I
)
#: A word in quotes ("No 'tracking' cookies"), not an apostrophe ("the user's files").
_QUOTED = re.compile(r"(?<![\w'])['\"\u2018\u201c]([\w-]+)['\"\u2019\u201d](?![\w'])")
#: A denial of anything beyond what is listed ("No other personal information outside of the
#: above mentioned one will be stored", "nothing else is collected"): it names no data.
_NO_OTHER = re.compile(
    r"\bno other\b|\bnothing (?:else|more)\b|\bnot\s+(?:\w+\s+){0,3}?any other\b"
    # "do not collect any additional data beyond basic telemetry": what is beyond is all (not
    # "your name, email or any other data beyond ...": what is named first is denied)
    r"|\b(?:collect|gather|store|send|record|keep)\w*\s+(?:any\s+)?"
    r"(?:additional|other|more|further|extra)\s+(?:\w+\s+){0,2}?(?:beyond|besides|than|except)\b",
    re.I,
)
#: A denial of software the product includes, not of data it takes.
_NO_SOFTWARE = re.compile(
    r"(?:\bnot|\bnever|n't)\s+(?:include|contain|use|embed|bundle|ship)s?\s+(?:any\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:librar(?:y|ies)|code|SDKs?|frameworks?|modules?|plugins?|"
    r"dependenc(?:y|ies))\b(?!\s+(?:that|which|to)\b)",  # (not "SDKs that collect X": X denied)
    re.I,
)
#: A denial that holds unless something is done: the data is collected then.
_UNLESS = re.compile(
    r"\b(?:without (?:your |the user's |their )?(?:explicit |prior |express )?(?:consent|"
    r"permission|approval|action|opt-in|agreement)|unless|except (?:when|if|with|where|as|to|in)|"
    r"by default|"
    # "We do not collect personal data, except the following:": all but what it lists
    r"except(?: for)? the following|with the exception|other than|apart from|"
    # "not captured continuously; only when something goes wrong": how often, not whether
    r"continuously|constantly|all the time|at all times|automatically|routinely)\b",
    re.I,
)
_UNLESS_FIRST = re.compile(r"^\W*(?:unless|except|without\s+(?!\w+ing\b))[^,;]*,", re.I)
#: "We do not knowingly collect PII from children under 13": denied of some people only, which
#: the entry says ("PII from children under 13"), not of everyone.
_OF_SOME = re.compile(
    r"\bfrom (?:such )?(?:children|minors|kids|anyone|persons|people|users|individuals)\b"
    r"(?:\s+(?:under|below|younger than)\s+(?:the age of\s+)?\d+(?:\s+years(?:\s+of age)?)?)?",
    re.I,
)
#: Words that make "without sending A" a condition of working, not a denial of A.
_NEEDS = re.compile(
    r"(?:^|[.;])(?>[^.;]*?"
    r"\b(?:cannot|can't|can not|unable|not possible|impossible|requires?|needs?|must|only)\b)"
    r"[^.;]*\bwithout\b",
    re.I,
)
#: A denial of giving data to a party other than the product's own ("to Strava", "with
#: advertisers", "to other users"): it says whom the data does not reach, not whether the
#: product collects it. ("to our servers", "to Microsoft", "to external servers": the product's.)
_TO_A_PARTY = re.compile(
    r"\b(?:sen[dt]|sending|transmit\w*|upload\w*|shar(?:e|es|ed|ing)|sell|sold|disclos\w*|"
    r"pass\w*|accessible)\b(?:(?!\b(?:to|with)\b)[^.;:,]){0,80}\b(?:to|with)\s+(?:any\s+)?"
    r"(?:third[- ]part(?:y|ies)|"
    r"(?:other|advertis|partner|marketer)\w*|(?-i:(?!Microsoft\b)[A-Z][\w.-]*)(?![\w.-]|'s\b|\s+(?:servers?|"
    r"cloud)\b))",
    re.I,
)
_CLAUSE_END = re.compile(r"[.;:!?\u2014\u2013]")
_AND_CLAUSES = re.compile(r";|,\s+(?:and|but)\s+", re.I)
_CLAUSES = re.compile(r",?(?<!\s)\s+(?:and|but|while|yet)\s+(?=(?:we|it|they|you)\b)|;\s*", re.I)
_ANY_CLAUSE = re.compile(f"{_CLAUSES.pattern}|{_AND_CLAUSES.pattern}", re.I)
#: Verbs of a denial that say the data never reaches the product at all.
_NEVER_TAKEN = re.compile(
    r"\b(?:leaves?|left|collect\w*|gather\w*|stor\w*|record\w*|track\w*|seen?|receiv\w*)\b", re.I
)
#: Words that point back at data named before them, rather than name it.
_POINTER = re.compile(r"^(?:this|these|that|those|such|it|they|them)\b", re.I)


def denied_by(sentence: str) -> str | None:
    """The words by which a sentence denies or takes out data ("do not collect", "scrubbed
    of user paths")."""
    own = _said_text(sentence)
    if (none := _TAKES_NONE.match(own) or _NEITHER.match(own)) is not None:
        return " ".join(none.group(0).split())  # (the page's words: "collects no", "Neither")
    text = _denial_text(sentence)
    said = denial(text)
    if (done := _left_out(own)) is not None:
        return " ".join(done.group(0).split())  # (the page's words, not the "is" read in)
    if said is None and (none := _no_data(text)) is not None:
        said = text[: none.end("what")]  # ("No camera or location data")
    if said is not None and _kept_only(text, said):  # (the denial an entry was read from)
        taking = [d for c in _ANY_CLAUSE.split(text) if (d := denial(c)) and not _kept_only(c, d)]
        said = taking[0] if taking else said
    removed = _taken_out(text)
    return said or (" ".join(removed.group(0).split()) if removed else None)


def _taken_out(text: str) -> re.Match[str] | None:
    """The words by which ``text`` says data is taken out of what is sent (:data:`_REMOVED`)."""
    found = _REMOVED_WITH.search(text) or _COLLECTED_WITHOUT.search(text)
    if found is not None and _HEDGE.search(text, found.end()):
        found = None  # ("with all personal data removed after 30 days", "where possible")
    return _REMOVED_OF.search(text) or _REMOVED.search(text) or found


#: Words after data taken out that say it is taken out only later or when it can be.
_HEDGE = re.compile(
    r"\b(?:after|later|eventually|where|when|if|unless|as far as|mostly|usually|typically|"
    r"generally|partially|partly|some)\b",
    re.I,
)


#: A supposition the words before a denial open in its clause ("If you do not ...").
_SUPPOSED = re.compile(
    # (not "even if", "whether or not", "regardless of whether": the denial holds either way;
    # nor an "if" whose clause another subject's "and we ..." ends)
    r"(?<!\beven )(?<!\bof )\b(?:if|unless|whether(?!\s+or\s+not)|in case)\b"
    r"(?=(?:(?!\b(?:and|but|so)\s+(?:we|it|they|the\s+\w+)\b)[^,;:.!?()])*$)",
    re.I,
)
#: A clause that gives a reason first ("Since the app does not collect data, ...").
_REASON = re.compile(r"^\W*(?:since|because|as|although|though|given that|now that)\b", re.I)
#: Words that make a part after a comma a clause of its own, not one more name.
_FINITE = re.compile(
    r"\b(?:is|are|was|were|will|would|can|cannot|could|may|might|must|should|has|have|had|do|"
    r"does|did|we|you|it|they|i)\b|n't\b",
    re.I,
)


def _supposed(text: str, said: str) -> str | None:
    """The words after the clause of a denial that a supposition opens ("If you do not
    receive a reply, please write": "please write"), or None when no supposition opens it
    (looked for in the words just before it: linear time)."""
    start = text.find(said)
    if _SUPPOSED.search(text, max(0, start - 120), start) is None:
        return None
    end = re.compile(r"[,;]").search(text, start + len(said))
    return text[end.end() :] if end else ""


def _reason_clause(text: str, said: str) -> str:
    """``text``, or the reason's clause it opens with when the denial is in it: up to the
    part after a comma that is a clause of its own ("Since X does not transmit any data,
    encryption in transit is not applicable": "Since X does not transmit any data")."""
    if not _REASON.match(text):
        return text
    parts = text.split(", ")
    for index in range(1, len(parts)):
        if _FINITE.search(parts[index]):
            clause = ", ".join(parts[:index])
            return clause if said in clause else text
    return text


_TAKES_NONE = re.compile(
    r"^\W*(?:we|it|they|the\s+[\w-]+|(?-i:[A-Z])[\w.-]*)\s+(?:collects?|gathers?|tracks?|"
    r"records?)\s+(?:absolutely\s+)?(?:no|neither)\s+(?!(?:more|further|other|additional)\b)",
    re.I,
)
_NEITHER = re.compile(r"^\W*neither\s+(?!(?:we|i|you|they|it|nor)\b)", re.I)
_NOR = re.compile(r"(?<!\s)\s+nor\s+", re.I)
_NEITHER_VERB = re.compile(r"\bneither\s+(collect|gather|track|record|send|store)\s+nor\s+", re.I)


def _denial_text(sentence: str) -> str:
    """A sentence's words as a denial reads them: without an emoji's short code, a bullet's
    marker, an answer before it ("No. ...") or a label over the denial it makes ("No source
    code: We never collect A, B or C"), and with a verb's "is" if it is left out."""
    text = _IN_PARTICULAR.sub(
        lambda found: f"{found[1].replace(',', ', ')}such as ", _said_text(sentence)
    )
    # "We collect no A", "Neither A nor B is sent", "We neither collect nor store A": read as
    # "No A", "No A or B is sent", "We do not collect or store A"
    if (none := _TAKES_NONE.match(text) or _NEITHER.match(text)) is not None:
        text = "No " + _NOR.sub(" or ", text[none.end() :], count=1)
    text = _NEITHER_VERB.sub(r"do not \1 or ", text)
    # ("Your photos, along with your contacts, never leave your device": both; after the
    # denial's words, "along with" says what the data is not sent with: see data_denied)
    said = denial(text)
    cut = text.find(said) if said is not None else len(text)
    text = _ALONG_WITH.sub(" and ", text[:cut]) + _AS_WELL_AS.sub(" and ", text[cut:])
    done = _left_out(text)
    # "No usage data collected", "No personal data ever shared": read with the "is" left out
    return text if done is None else f"{done['no']} is {text[done.start('verb') :]}"


def _said_text(sentence: str) -> str:
    """A sentence without an emoji's short code, a bullet's marker, an answer or a label."""
    text = _OPENER.sub("", _SHORTCODE.sub("", plain(sentence)))
    labelled = _LABEL.match(text)
    if labelled and (denial(labelled["rest"]) or _no_data(labelled["rest"])):
        text = labelled["rest"]
    return text


def _left_out(text: str) -> re.Match[str] | None:
    """A denial with no verb that ends on what is not done to the data ("No usage data
    collected"); not a list of such denials ("No data collected, no cookies", "No ads, no
    data collected")."""
    done = _DONE_TO_NONE.match(text) if _no_data(text) is not None else None
    return done if done is not None and not _NO_AGAIN.search(text) else None


#: A denial with no verb whose words end on what is not done ("No usage data *collected*",
#: "No personal data *ever shared*"; "No data *gets sent*": "gets" is its "is").
_DONE_TO_NONE = re.compile(
    # (its words end before a run of spaces, not inside it: linear time)
    rf"^(?P<no>\W*no\s+[^.;:]+?)(?<!\s)\s+(?:(?:ever\s+)?(?:gets?|got)\s+)?"
    rf"(?P<verb>(?:ever\s+)?(?:{TAKEN}|{KEPT}|{GIVEN}|processed|used)\b)",
    re.I,
)
#: In a list of denials with no verb, what a part says is not taken ("No data *collected*, no
#: cookies"), and a part that says what is not done with data it may take ("no data *stored*")
#: or when or how it is not taken ("no crash reports *sent in release builds*"): no entry.
#: What may end a part after its verb of taking and still deny taking: "collected or stored",
#: "collected at all" (not "collected and sold", "sent at startup", "sent to third parties").
_PART_END = (
    rf"(?:,?\s+(?:or|nor)\s+(?:ever\s+)?(?:{TAKEN}|{KEPT}|{GIVEN}|processed|used)){{0,4}}"
    r"(?:\s+(?:at all|whatsoever|either))?(?=\s*(?:,|$))"
)
_TAKEN_PART = re.compile(rf"(?<!\s)\s++(?:ever\s+)?{TAKEN}{_PART_END}", re.I)
_GIVEN_PART = re.compile(
    rf"(?:^|(?<=,))(?:(?!\s(?:ever\s+)?{TAKEN}\b)[^,])*?\s(?:ever\s+)?"
    rf"(?:(?:{KEPT}|{GIVEN}|processed|used|required|needed|asked|requested)\b"
    rf"|{TAKEN}(?!{_PART_END})\b)[^,]*+",
    re.I,
)
#: Another denial with no verb after the first: "..., no cookies", "... and no tracking".
_NO_AGAIN = re.compile(r"(?:,|\s(?:and|or|nor))\s+no\s", re.I)


#: The head word of a phrase that names data ("repo names", "camera or location data", "API
#: keys"), as the last word before a parenthesis or a phrase that qualifies it.
_DATA_HEAD = re.compile(
    r"data|information|info|details|\w*names?|ids?|\w*-ids?|u?uids?|guids?|identifiers?|"
    r"addresse?s?|numbers?|messages?|contents?|files?|logs?|records?|histor(?:y|ies)|"
    r"locations?|contacts?|photos?|images?|pictures?|videos?|recordings?|audio|voice|"
    r"keystrokes?|passwords?|credentials?|secrets?|tokens?|keys?|cookies?|metrics?|"
    r"statistics|stats|telemetry|analytics|events?|quer(?:y|ies)|prompts?|code|documents?|"
    r"text|inputs?|values?|arguments?|fields?|paths?|urls?|pii|payloads?|diffs?|strings?|"
    r"counts?|coordinates|biometrics|fingerprints?|reports?|screenshots?|traces?|dumps?|"
    r"birth|age|gender|ips?|variables?|entries|transcripts?|profiles?|email|calendars?|"
    r"notes|photographs?|scans?|dates?|usage|emails?|terms|geolocation|timestamps?|ssns?|"
    r"birthdays?|cards?|lists?|traffic|activit(?:y|ies)|habits|clicks|movements",
    re.I,
)
_QUALIFIER = re.compile(
    r"\s*\(|\s(?:for|of|to|in|into|from|about|on|with|that|which|who|after|during|beyond|"
    rf"outside|via|by|at|when|while|unless|except|without|ever|{TAKEN}|{KEPT}|{GIVEN}|processed|"
    r"used|required|needed)(?:\s|$)",
    re.I,
)
_FILLER = re.compile(r"(?<!\s)\s++(?:whatsoever|at all|either|anywhere)\s*+$", re.I)


def practices_denied(sentence: str, names: list[str]) -> list[str]:
    """Of the names a denial with no verb gives, those that name no data ("No nagging or
    reminders", "No penalties for opting out", "No third-party hosts, no ad networks"): a
    practice or a thing the page says it does not have, not data it does not collect ("No repo
    names or commit messages", "No camera or location data" name data). Each "no" is judged
    apart; the words of one list are judged together ("No camera, location, or contacts data":
    the last noun is the others' too)."""
    text = _said_text(sentence)  # ("No push notifications sent": no "is" read in)
    found = _no_data(text) if denial(text) is None and _none_subject(text) is None else None
    if found is None:
        return []
    lists = _NO_AGAIN.split(_QUOTED.sub(r"\1", found.group("what")))  # (as names lose them)
    practices = [
        words.lower()
        for words in lists
        # (names in brackets are examples of the words before them, judged with them)
        if not any(map(_names_data, _LIST_PARTS.split(ASIDE.sub("", words))))
    ]
    return [
        name
        for name in names
        if not _names_data(name)
        and any(ASIDE.sub("", name).lower() in ASIDE.sub("", words) for words in practices)
    ]


#: Where the parts of one list meet.
_LIST_PARTS = re.compile(r",\s*(?:(?:and|or|nor)\s+)?|\s+(?:and|or|nor)\s+", re.I)


def _names_data(listed: str) -> bool:
    """Whether the head word of a listed name, before what qualifies it, is a word for data."""
    part = _FILLER.sub("", _QUALIFIER.split(listed, maxsplit=1)[0])
    head = part.strip(" *_`'\".,").split()
    if _SENT_TO_YOU.fullmatch(" ".join(head[-2:])) or _SENT_TO_YOU.fullmatch(" ".join(head[-1:])):
        return False  # ("No marketing emails": what the reader is not sent, not data)
    return bool(head) and _DATA_HEAD.fullmatch(head[-1].strip("*_`'\".,")) is not None


#: What a product sends the reader, not data it takes: "marketing emails", "newsletters".
_SENT_TO_YOU = re.compile(
    r"(?:marketing|promotional|advertising)\s+(?:e-?mails?|messages|calls|texts)"
    r"|promotions?|newsletters?|advert\w*|ads|spam|notifications?",
    re.I,
)
#: A participle a denied name ends on: what the sentence says is not done, not part of the name.
_DONE_AT_END = re.compile(
    rf"\b(?P<before>\w+)\s+(?:ever\s+)?(?:{TAKEN}|{KEPT}|{GIVEN}|processed|used)$", re.I
)
#: Words before such a participle that make it a clause of its own ("files that are shared or
#: stored", "the files you have uploaded"), whose words stay the name.
_CLAUSE_BEFORE = re.compile(
    r"is|are|was|were|be|been|being|have|has|had|get|gets|got|or|and|nor|you|we|they|it|that|"
    r"which|who|i",
    re.I,
)


#: A request to the reader not to give data ("Please do not include passwords", "Don't paste
#: your token", "You must not upload personal data"): no claim of what the product takes.
_TO_THE_READER = re.compile(
    # (after a clause of its own: "When filing an issue, please do not include ...")
    r"^\W*(?:[^,.;:]{1,60},\s*)?(?:please\s+(?:do\s+not|don't|never|avoid)\b|"
    r"(?:you\s+(?:should|must|may|shall)\s*(?:not|n't)|do\s+not|don't)\s+(?:include|paste|"
    r"share|send|upload|enter|submit|post|put|add|type|provide|give|disclose|attach|commit|"
    r"expose|publish|reveal)\b|"
    # (not "Never send your code to a server" in a list of what the product promises)
    r"never\s+(?:send|give|share|tell|email|show)\s+(?:us|anyone)\b)",
    re.I,
)


def data_denied(sentence: str, following: str = "", *, framed: bool = False) -> list[str] | None:
    """The data a sentence says is *not* collected ("We do not collect A or B", "Your files
    never leave your device"), with the list a following "This includes: ..." gives; None
    when the sentence denies nothing. A denial of keeping alone ("We do not store your IP
    address") denies nothing, unless the data stays on the device or the sentence is
    ``framed`` (a bullet under a heading of what is never collected, which says it is)."""
    text = _denial_text(sentence)
    if _TO_THE_READER.match(plain(text)):
        return None  # "Please do not include passwords": what the reader should not give
    if _NO_OTHER.search(text):
        return []  # "No other personal information ... will be stored": the list is all
    if _NO_SOFTWARE.search(text):
        return []  # "The app does not include any advertising libraries": code, not data
    said = denial(text)
    if said is not None and (main := _supposed(text, said)) is not None:
        # "If you do not receive a reply, ...", "whether or not to send": what might not be
        # done, no claim; a denial in the main clause after it stands
        return data_denied(main) if main.strip() else None
    if said is not None and not framed and _kept_only(text, said):
        # "We do not store your IP address": kept or not, it may well be taken; what the
        # sentence's other clauses deny stands ("..., and no file contents are collected")
        return _denied_in(c for c in _ANY_CLAUSE.split(text) if said not in c)
    if said is not None and (OTHER_PARTY.match(text) or NOT_WHAT_LEAD.search(text)):
        # "Our advertising partners do not collect A": theirs, no promise of ours; "We do not
        # collect data about:", "A is not collected from:": of some people, places or cases
        return None
    if said is not None and _HEDGED_DENIAL.search(text):
        # "We generally do not collect A", "We do not knowingly collect B": no denial; what
        # the sentence's other clauses deny stands ("..., and we never collect C")
        return _denied_in(c for c in _HEDGE_CLAUSES.split(text) if not _HEDGED_DENIAL.search(c))
    if said is not None:
        text = _reason_clause(text, said)  # "Since X does not send data, encryption is ..."
    if said is not None and said.lower().startswith("without") and _NEEDS.search(text):
        return None  # "cannot sync without uploading your notes": they are uploaded
    given = _TO_A_PARTY.search(text, text.find(said)) if said is not None else None
    if (
        said is not None
        and given
        and given.start() < text.find(said) + len(said)
        and not _NEVER_TAKEN.search(said)  # ("No data leave the computer or are sent to others")
    ):
        # "We do not upload your routes to Strava": shared or not, not collected; what the
        # sentence's other clauses deny stands ("..., and we never collect contacts")
        return _denied_in(c for c in _CLAUSES.split(text) if given.group(0) not in c)
    removed = _taken_out(text) if said is None else None
    if said is None and _no_data(text) is None and removed is None:
        return None
    if (
        said is not None
        and (
            _UNLESS.search(text, text.find(said.split()[0]))
            or _UNLESS_FIRST.match(text)  # ("Unless required by law, we do not collect A")
            or _IN_A_CASE.search(text)
            or _PROVISO.search(text)
            or _SENT_ALONG.search(text, text.find(said))  # ("not sent along with crash reports")
            or _PARTLY.search(_CLAUSE_END.split(text[text.find(said) :], 1)[0].split(",", 1)[0])
            or any(_KEPT.search(c) and _FOR_LONG.search(c) for c in text.split(";") if denial(c))
        )
    ):
        # "is never sent without your consent", "are not sent when you are offline",
        # "If you opt out, no data is sent": collected, but for a condition or a case
        return None
    head = text[: text.find(said)] if said is not None and _KEPT.search(said) else ""
    if (then := _AND_THEN.search(head)) and _TAKEN.search(
        _CLAUSE_END.split(head[: then.start()])[-1]
    ):
        # taken, then not kept: not never collected; what the other clauses deny stands
        return _denied_in(c for c in _AND_CLAUSES.split(text) if head not in c)
    first = re.split(r"\s[\u2014\u2013-]\s|;", text, maxsplit=1)[0]  # (the denial's clause)
    if (
        said is None
        and removed is None
        and (_UNLESS.search(first) or _PROVISO.search(first) or _IN_A_CASE.search(first))
    ):
        return None  # "No personal information leaves your browser without your consent"
    phrases: list[str] = []
    # "we track A, but B is never included": the denied clause's own subject.
    clauses = [text] + [c for c in _BUT.split(text)[1:] if denial(c) is not None]
    subject = next(filter(None, map(_DENIED_SUBJECT.match, clauses[::-1])), None)
    what = subject.group("what") if subject is not None else ""
    what = _ENSURE.split(what)[-1]  # "We take steps to ensure that secure data ... do not"
    # "Everything is anonymous, and that what you search is never sent": the denial's clause
    what = _AND_THAT.split(what)[-1]
    what = OPENING.sub("", _SUBJECT_VERB.split(what, 1)[0])  # "A are stored locally and"
    none = _none_subject(text) or _no_data(text)  # "No personal data is collected"
    if removed is not None:
        phrases += _with_examples(OPENING.sub("", removed.group("what")))
    elif none is not None:
        what = none.group("what")
        if none.re is _NO_DATA:  # ("No data collected, no cookies": what each part says)
            parts = [_GIVEN_PART.sub("", _TAKEN_PART.sub("", p)) for p in _NO_AGAIN.split(what)]
            what = ", ".join(part for part in parts if part.strip())
        phrases += _with_examples(what, cut=False)
        # "No A or B are captured, such as: C and D": the examples right after the verb, too,
        # up to where another clause starts (``none`` matched its clause, not ``text``)
        after = _EXAMPLES_OF.match(none.string, none.end()) if none.re is _NONE_SUBJECT else None
        listed = (after.group("list") or after.group("paren")) if after is not None else None
        phrases += [_OTHER_CLAUSE.split(listed, 1)[0]] if listed else []
    elif subject is not None and not _SUBJECTS.match(what.strip()):
        phrases += _with_examples(what, cut=False)
    elif not (said and _passive(said, *text.split(said, 1))):
        # (not after a passive: "It is not transmitted to our servers" names where, not what)
        found = _DENIED_OBJECT.search(text, max(text.find(said), 0) if said else 0)
        if found is not None:  # (up to a dash: "A or B data — ie ...")
            # (and up to what "only" keeps aside: "..., only their names")
            what = re.split(r"\s[\u2014\u2013]\s|,\s*(?:only|just)\b", found.group("what"))[0]
            # (some of the data, after the verb: "We don't collect every keystroke"; not "All
            # A never leave the device": all of it)
            what = "" if _SOME_OF.match(what.strip(" \"'*_")) else what
            phrases += _with_examples(_AND_NOT_VERB.sub(", ", what))
    more = _INCLUDES.match(plain(following)) if following else None
    if more is not None and not _CLAUSE_START.match(more.group("what") or more.group("ex")):
        # ("For example, we track which command ...": a clause, not a list of data)
        phrases.append(more.group("what") or more.group("ex"))
    names: list[str] = []
    seen: set[str] = set()
    some = _OF_SOME.search(text)
    for phrase in phrases:
        for part in _listed(phrase):
            name = _DETERMINER.sub("", _ANY.sub("", _QUOTED.sub(r"\1", part)))
            name = name.strip(" \"'*_,.")
            if _FROM_NOW_ON.match(name):
                continue  # "No more data will be sent" (once turned off): some data was
            if _VERB_FIRST.match(name):
                continue  # "names or sell email addresses": what is not sold, or another verb's
            name = _EVER_AFTER.sub("", name)  # ("your IP address anymore")
            done = _DONE_AT_END.search(name)  # ("data stored", "telemetry data collected")
            if done is not None and not _CLAUSE_BEFORE.fullmatch(done["before"]):
                name = name[: done.end("before")]
            # "metrics which may contain sensitive data": a relative clause says which data.
            head = _RELATIVE.split(name, 1)[0]
            if some and name.lower() in {"data", "information"}:
                pass  # "data from children": data alone, but of some people, is a name
            elif not name or len(name.split()) > 10:
                continue
            elif _NOT_DENIED.search(head) and not _WHAT_YOU.match(head):
                continue
            if _POINTER.match(name) or _FRAGMENT.search(name):
                # "This information is never sent": the data named before it; "Beyond that",
                # "But only receive a summary", "Network communication occurs": words of the
                # sentence around the data, no name (the sentence stays where it is)
                continue
            if name.lower() not in seen:  # (a set: a long list is read in linear time)
                seen.add(name.lower())
                names.append(sentence_case(name))
    if some is not None:
        names = [name if some.group(0) in name else f"{name} {some.group(0)}" for name in names]
    return names


def _denied_in(clauses: Iterable[str]) -> list[str] | None:
    """The data a sentence's other clauses deny, by name; None when they deny none."""
    return [
        name for clause in clauses if clause.strip() for name in data_denied(clause) or []
    ] or None


#: The nouns words before them in a list share ("analytics or tracking data": analytics data).
_SHARED_NOUN = re.compile(
    # (not "no data", "other data": a denial or a kind of its own, whose noun is not shared)
    r"(?!(?:no|any|all|other|some|such|the|your|our|this|that)\s)"
    r"[a-z][\w-]* (?:(?P<noun>data|information|info|capture|details|values|statistics|history)"
    # ("device or advertising IDs", "crash or error reports", "first or last names": shared
    # only by words that name no data themselves; not "email or IP addresses")
    r"|(?P<plural>ids|identifiers|reports|logs|names|numbers|addresses))",
    re.IGNORECASE,
)


#: A single word that may qualify a noun it shares: not a plural ("contacts", "passwords"),
#: but "analytics" or "diagnostics".
_MODIFIER = re.compile(r"[A-Za-z][\w-]*(?:ics|ss|us|[^s])|[A-Za-z]|news|(?-i:[A-Z]{2,4})", re.I)


#: An adjective alone, which names nothing until it has its noun ("racial", "political").
_ADJECTIVE = re.compile(r"[a-z]{3,}(?:al|ic|ous|ive)")
#: An adjective that ends what a preposition opens ("data relating to *racial*"): it shares the
#: noun after it too ("... racial or ethnic origin": data relating to racial origin).
_ADJECTIVE_LAST = re.compile(
    r".*\s(?:to|about|of|concerning|regarding)\s+(?:your\s+|their\s+|the\s+)?"
    r"(?P<word>[a-z]{3,}(?:al|ic|ous|ive))",
    re.I,
)
#: "ethnic origin", "language settings": a word and the noun adjectives before it share.
_QUALIFIED_NOUN = re.compile(r"(?P<word>[a-z][\w-]*) (?P<noun>[a-z][\w-]*)")


def _sharing_their_noun(parts: list[str], phrase: str = "") -> list[str]:
    """Single words listed before "A <noun>" with the noun they share ("account or license
    data": account data, license data; "Screen or interaction capture": screen capture;
    "device or advertising IDs", a plural shared by words that name no data alone), and
    adjectives alone before one ("your racial or ethnic origin, your religion": racial origin,
    ethnic origin, religion)."""
    if len(parts) < 2:
        return parts
    words = [p.strip() for p in parts[:-1]]
    shared = _SHARED_NOUN.fullmatch(parts[-1].strip())
    if shared is not None and all(
        _MODIFIER.fullmatch(w) and not (shared["plural"] and _DATA_HEAD.fullmatch(w)) for w in words
    ):
        return [f"{word} {shared['noun'] or shared['plural']}" for word in words] + parts[-1:]
    # (a run of adjectives alone, then a word and the noun, the last of them joined to it by
    # "and" or "or" in ``phrase``, or itself an adjective: "political, religious or
    # philosophical beliefs", "regional and language settings"; not "traffic, page views";
    # read from the end, so that each part is looked at once)
    shared_parts = list(parts)
    noun = None
    for at in range(len(parts) - 1, -1, -1):
        bare = _DETERMINER.sub("", parts[at].strip())
        if noun is not None and (_ADJECTIVE.fullmatch(bare) or _ADJECTIVE_LAST.fullmatch(bare)):
            shared_parts[at] = f"{parts[at].strip()} {noun}"
        elif (found := _QUALIFIED_NOUN.fullmatch(bare)) is not None and at > 0:
            word = _DETERMINER.sub("", parts[at - 1].strip())
            word = last["word"] if (last := _ADJECTIVE_LAST.fullmatch(word)) else word
            joined = _ADJECTIVE.fullmatch(word) and (
                _ADJECTIVE.fullmatch(found["word"])
                or any(f"{word} {c} {found['word']} " in phrase for c in ("and", "or"))
            )
            noun = found["noun"] if joined else None
        else:
            noun = None
    return shared_parts  # ("contacts, photos, location data": plural nouns of their own)


def _listed(phrase: str) -> list[str]:
    """The parts of a denied phrase's list; a verb alone after "or" ends the part before it
    ("source code that can be run or re-used": one part, no "Re-used")."""
    parts: list[str] = []
    # (not inside what data is related to: "information related to input or output data")
    kept = [found.span() for found in RELATED_TO.finditer(phrase)]
    starts = [start for start, _ in kept]

    def _or(at: re.Match[str]) -> str:
        span = bisect.bisect_right(starts, at.start()) - 1  # (the last span opened before it)
        return at[0] if span >= 0 and at.start() < kept[span][1] else ", "

    joined = re.sub(" or ", _or, phrase)
    for part in _sharing_their_noun(split_parts(joined), phrase):
        if parts and _RELATIVE.search(parts[-1]) and _PARTICIPLE.fullmatch(part.strip()):
            parts[-1] = f"{parts[-1]} or {part.strip()}"
        else:
            parts.append(part)
    return parts


#: A verb's past participle alone ("re-used", "shared"; not "speed").
_PARTICIPLE = re.compile(r"(?:re-?)?[a-z]{2,}(?<!e)ed", re.IGNORECASE)


#: A denied phrase that is a piece of its sentence, not a name: it starts on a word that joins
#: or qualifies ("but", "if", "beyond", "of"; "except text submitted with /feedback", which is
#: taken), opens a bracket it never closes, or says what happens ("Data remains local").
_FRAGMENT = re.compile(
    r"^\W*$|^\W*(?:beyond|if|or|nor|but|of|only|and|as|because|so|then|than|though|whereas|"
    r"yet|from|into|with|by|to|except|unless|excluding|even)(?![\w-])|^\W*(?:etc\.?|one|end)\W*$"
    r"|^\([^)]*$"
    r"|\b(?:occurs|remains|relies)\b"
    # a participle alone ("collected or processed on your device": "Processed", "Managed
    # locally"), or one its object was cut from ("any piece of information related to ...")
    r"|^\W*[a-z]{2,}[^e\W]ed(?:\s+[a-z]+ly)?\W*$|\s(?:related|relating|associated|linked)\W*$",
    re.I,
)


#: "We do not collect your email and do not send your IP address": the next denied verb,
#: between objects (not read as the name "Do not send your IP address").
_AND_NOT_VERB = re.compile(
    # (from the start of a run of spaces only: linear time)
    r"(?:,\s*|(?<![\s,])\s+)and\s+(?:(?:does|do|will|did)\s*(?:n't|not)\s+|won't\s+|not\s+|never\s+)"
    r"(?:collect|gather|send|track|record|upload|transmit|receive|log|capture)\w*\s+"
    r"(?:any\s+)?",
    re.I,
)


#: A bullet's marker, or a question's answer, before a sentence ("- ...", "No. ...").
_OPENER = re.compile(r"^\s*(?:(?:[-*+]|\d+[.)])\s+|(?:no|yes)[.,!]\s+(?=[A-Z]))", re.I)
#: An emoji's short code before a sentence (":warning:", ":lock:").
_SHORTCODE = re.compile(r"^\s*(?::[a-z0-9_+-]+:\s*)+")


#: A bullet's bold label before its sentence ("No identifiers: No repo names, org names or
#: emails."): the sentence names what is denied, the label sums it up.
_LABEL = re.compile(r"^\W*no\s+[^:.]{1,40}?(?::|\s-)\s+(?P<rest>\S.*)$", re.I)


#: "secure data (e.g. A or B)", "secure data such as A", "other information, like A and B"
#: (and "in particular", read as "such as": :func:`joined_as_examples`); not "including not
#: your location": a denial of its own. So too "(this includes A and B)".
_FOR_EXAMPLE = (
    r"(?:e\.g\.|for example|such as|like|including|i\.e\.|this includes|these include)"
    r"(?![,:]?\s+not\b)"
)
_EXAMPLES_OF = re.compile(
    rf"(?:(?<!\s)\s*)?\((?:{_FOR_EXAMPLE})[,:]?\s*(?P<paren>[^()]+)\)"
    rf"|,?(?<!\s)\s+(?:{_FOR_EXAMPLE})[,:]?\s+(?P<list>.+)$",
    re.I,
)
_NONE_SUBJECT = re.compile(
    # ("No matter where data is stored": an idiom, no denial)
    r"^\W*+(?:no(?!\s+matter\b)|none of)\s++(?P<what>[^;:]+?)(?<!\s)\s+(?:(?:is|are|will be|gets?)\s+"
    # (not "shared" alone: "No contacts are shared" says who is not given them, not that
    # they are not taken)
    rf"(?:or (?:ever )?will be\s+)?{EVER}(?:created or\s+)?{GIVEN_OR}"
    rf"(?:{TAKEN}|stored|included|contained|visible)\b|"
    # ("No photos ever leave.": the reader's side unsaid)
    rf"(?:is|are)\s+{EVER}{PART_OF}|(?:ever\s+)?leaves?(?:\s+{YOUR_SIDE}|\s*+[.!]?\s*+$))",
    re.I,
)
#: Where a clause of its own may start inside a sentence: "..., but no A is sent".
_CLAUSE_AFTER = re.compile(
    r",\s*(?:but|and|while|yet)\s+|;\s*|\s[\u2014\u2013]\s*(?:ie|i\.e\.)?,?\s*"
)


_EXCEPT = re.compile(r"\b(?:except|but|other than|apart from|besides|unless)\b", re.I)


#: "No analytics are used", "No crash reporting is enabled": a tool that takes data, not used.
_NO_TOOL = re.compile(rf"^\W*+no\s++(?P<what>{TOOL_THAT_TAKES_DATA}){NOT_USED}(?:[.;!,]|$)", re.I)


def _none_subject(text: str) -> re.Match[str] | None:
    """ "No A is sent", at the start of the sentence (after "Furthermore,") or of a clause."""
    for clause in [text, *_CLAUSE_AFTER.split(text)[1:]]:
        found = _NONE_SUBJECT.match(OPENING.sub("", clause)) or _NO_TOOL.match(clause)
        if found is not None and not _EXCEPT.search(found.group("what")):
            return found  # ("No data, except crash reports, is sent" denies no data by name)
    return None


#: A full stop: not the dots of "e.g." or "i.e.", nor that of an "etc." that ends brackets.
_FULL_STOP = r"(?<!\b[ei])(?<!\b[ei]\.[ge])(?!(?<=\betc)\.\))\."
#: "No camera, location or contacts data." (a bullet under "What we do not store"): no verb.
#: ("No tracking - Session-based only": a practice the page denies, and what it says of it)
_NO_DATA = re.compile(
    r"^\W*no\s+(?!(?:sale|selling|sharing|use|transfer|tracking)\b)"
    rf"(?P<what>(?:(?!\s-\s)(?:[^.;:\u2014\u2013]|(?!{_FULL_STOP})\.))+?)"
    rf"\s*(?:(?:{_FULL_STOP}|[;:\u2014\u2013]|\s-\s).*)?$",
    re.I,
)
#: People or companies that might be given data ("humans", "data brokers", "partners").
_PARTY = (
    r"(?:humans?|people|persons?|employees?|staff|contractors?|advertisers?|brokers?|partners?|"
    r"vendors?|third[- ]part(?:y|ies)|compan(?:y|ies)|developers?|engineers?|moderators?|"
    r"reviewers?|affiliates?|sponsors?|marketers?|agencies|governments?|sdks?|libraries|"
    r"networks?|providers?|processors?|services|platforms?|trackers?|apps)"
)
#: Up to two words before a party ("data brokers"), none that makes it the object of another
#: word ("data about people who ...": data).
_BEFORE_PARTY = (
    r"(?:(?!(?:about|of|from|regarding|on|for|by|with|to|who|that|which)\b)[\w-]+\s+){0,2}?"
)
#: "humans review your prompts", "advertisers, data brokers or partners receive your data":
#: parties, each of a list, as its subject, then what they would do with the data.
_PEOPLE_DENIED = (
    rf"(?:{_BEFORE_PARTY}{_PARTY}(?:\s*,\s*(?:(?:or|and|nor)\s+)?|\s+(?:or|and|nor)\s+)){{0,6}}"
    rf"{_BEFORE_PARTY}{_PARTY}\s+(?:(?:ever|can|will|may|could|would)\s+)?"
    r"(?:see|read|review|receive|get|access|view|sell|buy|hear|use|share|store|handle|obtain|"
    r"collect|gather|track|record|send|transmit)\s+(?:any|your|our|their|its|my|the|this|these|"
    r"those|you)\b"
)
_CLAUSE_WORD = re.compile(
    r"\b(?:is|are|was|were|be|will|can|may|must|we|you|it|they)\b"
    # a verb before its object, after a subject of three words at most ("No third party
    # receives any data", "No one else gets your data"): who is given data, not data; (not
    # "No keystrokes, passwords or messages your contacts send": a list)
    r"|^one(?![\w-])|\s(?:required|needed|necessary)$"  # ("No account required": not needed)
    r"|^(?:(?!(?:or|and|nor)\s)[\w-]+\s+){1,3}"
    r"(?:(?!leaves\b)[a-z]+(?:s|ed)|receive|get|see|sell)\s+"
    r"(?:any|your|our|their|its|my|the|this|these|those)\b"
    rf"|^{_PEOPLE_DENIED}"
    # ("No personal data ever leaves our servers": it is on the publisher's side, so taken)
    rf"|\s(?:ever\s+)?leaves?\s+(?!{YOUR_SIDE})",
    re.I,
)
_NO_PEOPLE = re.compile(rf"^\W*no\s+{_PEOPLE_DENIED}", re.I)


def denies_people(text: str) -> bool:
    """Whether a sentence says who does not get the data ("No humans review your prompts")."""
    return _NO_PEOPLE.match(text) is not None


def _no_data(text: str) -> re.Match[str] | None:
    """ "No A, B or C data." (no verb), not "No data we collect is identifiable" (a clause)."""
    found = _NO_DATA.match(text)
    return found if found is not None and not _CLAUSE_WORD.search(found.group("what")) else None


_SUBJECT_VERB = re.compile(r"\s(?:is|are|was|were|will be|gets?|stays?|remains?)\s", re.I)
#: "... to ensure that X does not": what the clause says of X.
_ENSURE = re.compile(r"\b(?:ensure|make sure|guarantee)s?\s+(?:that\s+)?", re.I)


#: A clause of its own inside a phrase: ", you do not need", ", so we".
_NEW_CLAUSE = re.compile(r",\s*(?:(?:so|and|but|then)\s+)?(?:we|you|i|it|they)\s", re.I)
#: Where a list of examples ends: another clause, or a contrast ("..., but B is kept").
_OTHER_CLAUSE = re.compile(_NEW_CLAUSE.pattern + r"|,\s*(?:but|while|yet)\s|;", re.I)


def _with_examples(what: str, *, cut: bool = True) -> list[str]:
    """A denied phrase's name (an object up to where a clause on why or how starts; a
    subject whole: "the information passed to these options") and, as phrases of their own,
    the examples it gives of it."""
    examples = _EXAMPLES_OF.search(what)
    head = what[: examples.start()] if examples else what
    # ("when you run the scanner": when a person does something is the data, not a clause)
    end = _DENIED_END.search(head) if cut and not _WHAT_YOU.match(head.strip()) else None
    other = _NEW_CLAUSE.search(head, end.start()) if end is not None else None
    if other is not None and denial(head[other.start() :]) is None:
        # "personal data while using X, you need not exercise rights such as A": examples
        # after another clause are of something else, unless it denies too ("..., and we
        # never log details such as your IP address")
        examples = None
    found = [head[: end.start()] if end else head]
    if examples is not None:
        listed = examples.group("paren") or examples.group("list")
        end = _DENIED_END.search(listed)
        found.append(listed[: end.start()] if end else listed)
    return found


def never_parts(item: ItemDraft) -> list[ItemDraft]:
    """A never-collected entry written as a denial (a bullet under "What it does not collect":
    "No A, B or C", "No A or B are sent", "Recording is off. We do not send A or B"): the data
    it names, each an entry, the first keeping what the bullet says, in full."""
    if marked(item.name)[0] is not None:  # "❌ Your code or file contents"
        item = item.renamed(marked(item.name)[1])
    name = plain(item.name)
    if (
        _no_data(name) is not None
        or _none_subject(name) is not None
        or _WE_DENY.match(name) is not None  # "We don't store any credentials"
    ):
        # (an entry already: what its list says, "not stored" included, is never collected)
        names = [n for n in data_denied(item.name, framed=True) or [] if n]
    elif _CLAUSE_WORD.search(name) and denial(name) is None and item.description:
        names = denied_in(item.description)  # "Recording is off." then the denial
    else:
        return [item]
    if not names:
        return [item]
    first = item.renamed(names[0])
    if _no_data(name) is None:  # a sentence, not "No A, B or C": its words stay, whole
        said = item.name if item.name.endswith((".", "!")) else f"{item.name}."
        first.description = f"{said} {item.description}" if item.description else said
    return [first] + [ItemDraft(name, item.line) for name in names[1:]]


#: A bullet that is a whole denial by the publisher ("We don't store your IP address").
_WE_DENY = re.compile(
    r"^\W*+(?:we|it|the (?:app|cli|tool|sdk|extension))\s++(?:(?:do|does|will)\s*+)?"
    r"(?:not|n't|never)\b",
    re.I,
)


def denied_in(text: str) -> list[str]:
    """The data every sentence of ``text`` says is not collected (:func:`data_denied`)."""
    said = sentences(one_line(text))
    names: dict[str, str] = {}  # (by the lowered name: a long text is read in linear time)
    for index, sentence in enumerate(said):
        following = said[index + 1] if index + 1 < len(said) else ""
        for name in data_denied(sentence, following) or []:
            names.setdefault(name.lower(), name)
    return list(names.values())


_ANY = re.compile(
    # ("any piece of information related to A": information related to A)
    r"^(?:no|any|all|your|their|its|the|such|other|these|those)\s+(?:of\s+(?:the|your)\s+)?"
    r"(?:(?:single\s+)?pieces?\s+of\s+)?",
    re.I,
)
_BUT = re.compile(r",\s*but\s+|;\s+", re.I)
#: Where a clause of its own starts before a denial's subject: ", and that" (not ", and": a
#: list's last name).
_AND_THAT = re.compile(r"(?:,\s*|(?<![\s,])\s+)(?:and|but)\s+that\s+(?!of\b)", re.I)
#: A name made of what a person does ("what you search/download/etc.", "the files you
#: download"): data, though "you" is in it.
_WHAT_YOU = re.compile(
    r"^(?:(?:the|any|your)\s+)?(?:what|[\w-]+(?:\s(?!(?:after|before|until|till|since|when|"
    r"while|once|if|unless|as|because)\s)[\w-]+)?)\s+you\s+[a-z]+(?:/[a-z]+)*(?:/etc\.?)?$"
    # "when you run the scanner", "how many times you use it": when or how much a person does
    r"|^(?:when|how\s+(?:many\s+times|often|long|much))\s+you\s+[a-z]+"
    r"(?:\s+(?:it|them|(?:the|your|this)\s+[\w-]+))?$",
    re.I,
)
_CLAUSE_START = re.compile(r"^\W*(?:we|i|you|it|they|he|she|this|that|there)\b", re.I)
_RELATIVE = re.compile(r"\s(?:which|that|who)\s", re.I)
#: A denied phrase that names no data: "anything", "it", "data" alone, a clause.
_NOT_DENIED = re.compile(
    rf"^(?:{PEOPLE}|user|anything(?: else| more)?|us|me|it|them|this|that|data|information|"
    r"more|less|yes|no|"
    r"no,? it|none|nothing|"  # (an answer: "No, it never leaves the device")
    r"access|ever|again|"  # ("gain access in any way to A")
    # ("No ads, ever", "no subscriptions": what the product does not do or sell, no data)
    r"subscriptions?|fees?|costs?|charges?|paywalls?|sign-?ups?|registration|limits?|bloat|"
    r"spam|"
    r"(?:children|minors|kids)\b.*|"  # ("from anyone, including children under 13": people)
    r"but is not limited to)$|\b(?:we|you|is|are|be|will|can|may|must)\b",
    re.I,
)
