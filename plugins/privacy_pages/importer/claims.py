"""Reading what a page claims about data: collected or not, required, optional or not stated.

Every row, list item and sentence the importer turns into a fact is read here first. A claim
has a *polarity* (the data is collected, or the page says it is not: "we do not collect",
"never leaves your device", a question answered No) and a *modality* (required, optional, or
not stated). Modality is said once for many items: a page or a section ("This program is
optional", "You can disable telemetry by setting ...") gives it to every item under it, unless
a nearer line says otherwise. When nothing says, the item's requirement is *not stated*: the
import never guesses. Each decision keeps the words that made it (:class:`Cue`), for the report.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from .markup import OPENERS, plain, prose_sentences, sentences


class Requirement(StrEnum):
    """Whether the page says a product needs an item to work."""

    REQUIRED = "required"
    OPTIONAL = "optional"
    NOT_STATED = "not-stated"


@dataclass(frozen=True)
class Cue:
    """The words that decided a claim, and the line they are on (0: not known)."""

    requirement: Requirement
    words: str
    line: int = 0
    #: Whether ``words`` are the page's own sentence (not "the heading 'Opting out'"): only
    #: those may be quoted in the record, as an item's control.
    quoted: bool = True

    def said(self) -> str:
        """``optional ("This program is optional", line 9)``, for the report."""
        where = f", line {self.line}" if self.line else ""
        words = self.words.split()
        quoted = " ".join(words[:14]) + (" …" if len(words) > 14 else "")
        return f'{self.requirement.value.replace("-", " ")} ("{quoted}"{where})'


# -- polarity ---------------------------------------------------------------------------------

#: Verbs that say data reaches the product (collected, sent, seen, kept).
_TAKE = (
    r"(?:collect\w*|gather\w*|see|sees|seen|sen[dt]s?|sending|transmit\w*|upload\w*|"
    r"stor(?:e|es|ed|ing)|"
    r"record\w*|track\w*|log|logs|logged|receiv\w*|access\w*|includ\w*|contain\w*|captur\w*|"
    r"keep|keeps|kept|retain\w*|read|reads|process\w*|share|shares|shared)"
)
#: Participles that say data reaches the product ("is *collected*"), that it is kept, or that
#: it is given to others: three claims ("No contacts are shared" does not say they are not taken).
TAKEN = r"(?:collected|gathered|sent|tracked|recorded|uploaded|transmitted|logged|captured)"
KEPT = r"(?:stored|saved|kept|retained)"
GIVEN = r"(?:shared|sold|disclosed|rented)"
#: Verbs of giving listed before one of taking: "No data is *shared, sold, or* collected".
GIVEN_OR = rf"(?:{GIVEN},?\s+(?:(?:or|and|nor)\s+)?)*"
#: A tool that takes data, by what it is ("analytics", "crash reporting SDKs", "cookies").
TOOL_THAT_TAKES_DATA = (
    r"(?:[\w-]+\s+){0,2}?(?:analytics|crash report(?:ing|s)|tracking|trackers|telemetry|cookies)"
    r"(?:\s+(?:tools?|services?|SDKs?|libraries))?"
)
#: People: what a denial or a question names them by is no data ("we don't track individual
#: users"; not "users' locations", nor "user information").
PEOPLE = (
    r"(?:(?:individual|specific|particular|real|end|other)\s+)?(?:you|users|individuals|"
    r"people|persons|anyone|visitors|customers)\b(?!['\u2019])"
)
#: How a denial's verb may be qualified without narrowing it: "No data is *ever* collected"
#: (not "actively", "specifically" or "automatically": other ways stay open).
EVER = r"(?:ever\s+)?"
#: Words that say such a tool is not used: "No analytics *are used*".
NOT_USED = r"\s+(?:is|are)\s+(?:ever\s+)?(?:used|enabled|integrated|included|set)\s*+"
#: "No personally identifiable information is ever part of this data." (not "part of the
#: training set", "part of the report, which contains:")
PART_OF = (
    r"part\s+of\s+(?:this|the|that|these|any|our)\s+(?:[\w-]+\s+)?"
    r"(?:data|telemetry|payloads?|reports?|events?|pings?)(?=\s*(?:[.!]|$))"
)
#: The reader's side, which data that never leaves it is not taken from ("your device", "the
#: user machine", "your own servers"); not the publisher's ("the service boundary", "our cloud"),
#: where data that stays is data the publisher holds.
_GAP = r"(?:(?!(?:our|server|cloud|remote|hosted|hosting|service)\b)[\w-]+\s+){0,2}?"
YOUR_SIDE = (
    rf"(?:(?:your|the user(?:'|\u2019)?s?)\s+{_GAP}(?:device|machine|computer|browser|phone|"
    r"iphone|ipad|network|pc|mac|laptop|workstation|desktop|tablet|hardware|system|app|hands?|"
    r"workspace|repository|editor|servers?|infrastructure|environment|instance|premises)s?\b"
    rf"|(?:the|this)\s+{_GAP}(?:device|machine|computer|browser|phone|pc|laptop|workstation|"
    r"desktop|tablet)s?\b|localhost\b)"
)
#: A denial before such a verb, in the same clause ("we do not collect", "is never sent").
_DENIED = re.compile(
    # (not "does not allow us to track individual users": what the data cannot do)
    rf"\b(?:not|never|n't|no longer|neither|nor)\b(?!\s+(?:allow|let|enable|permit)\b)"
    rf"(?:\s+[\w'-]+){{0,4}}?\s+{_TAKE}\b"
    rf"|n't\s+(?:[\w'-]+\s+){{0,3}}?{_TAKE}\b"
    # (not "without sharing": given to no one else, not untaken)
    r"|\bwithout (?:ever )?(?:collect|send|stor|track|record|upload|includ|captur|transmit)\w*\b"
    rf"|(?:\bnever (?:leaves?|leaving|left)|\b(?:does|do|will) not leave|n't leave)\s+{YOUR_SIDE}"
    # ("stored only on your device and never leave it")
    rf"|\b(?:on|in) {YOUR_SIDE}[^.;]{{0,80}}?\bnever (?:leaves?|leaving|left) (?:it|them)\b"
    r"|\b(?:not|never|n't)\s+(?:\w+\s+)?makes? (?:their|its) way\b"
    r"|\bstays? (?:only )?(?:on|in) (?:your|the) (?:device|machine|computer|browser)\b"
    r"|\bno (?:[\w-]+ ){0,3}?(?:data|information)\b"
    r"[^.]{0,200}?\b(?:is|are|will be|gets?)\s+(?:or (?:ever )?will be\s+)?"
    rf"{EVER}{GIVEN_OR}"
    r"(?:collected|sent|stored|shared|transmitted|included|contained|visible)\b"
    rf"|\bno (?:[\w-]+ ){{0,3}}?(?:data|information) (?:is|are) {EVER}{PART_OF}"
    r"|(?:\b(?:not|never)|n't)\s+(?:\w+\s+){0,2}?use\s+(?:any\s+)?(?:cookies|trackers|"
    r"web beacons|tracking|analytics)\b"
    r"|\b(?:have|has|get|gets)\s+no\s+access\s+to\b"
    # "No code, file paths or PII are sent": a sentence that opens on what it denies.
    rf"|^\W*(?:{OPENERS},?\s+)?no(?!\s+matter\b)\s++[^.;:]{{1,200}}?(?<!\s)\s+"
    rf"(?:is|are|will be|gets?)\s+{EVER}(?:created or\s+)?{GIVEN_OR}(?:{TAKEN}|stored|shared)\b"
    # "No analytics are used", "No crash reporting is enabled": a tool that takes data (the
    # clause ends there: not "until you consent", "in debug builds", "except Plausible")
    rf"|^\W*no\s+{TOOL_THAT_TAKES_DATA}{NOT_USED}(?:[.;!]|$)"
    r"|\b(?:nothing|none)\b[^.]{0,200}?\b(?:is|are|will be|gets?)\s+(?:collected|sent|stored|"
    r"shared|transmitted)\b",
    re.IGNORECASE,
)
#: Headings of what is not collected ("What we never see", "Data not collected"): verbs of
#: taking data only (data "not sold" or "not kept" may well be collected).
_NEVER_HEADING = re.compile(
    r"(?:\bnever|\bnot|n't|\bno)\b(?:\s+[\w'-]+){0,3}?\s+(?:collect\w*|gather\w*|see|sees|"
    r"seen|sen[dt]s?|transmit\w*|upload\w*|track(?!ing\b)\w*|record\w*|receiv\w*|captur\w*|"
    r"access\w*)\b|\bnot collected\b|\bnever (?:leaves?|leaving)\b"
    # data the publisher never takes in under other verbs, a heading that ends on the verb
    # after a word for data: "Sensitive Data We Never Touch", "Categories of data we do not
    # process" (not "Files we can't read",
    # "Information we will never ask you for" on phishing, "Data we do not request, but ...")
    r"|^\W*(?:[\w-]+\s+){0,3}?(?:data|information|details|contents?)\s+(?:that\s+|which\s+)?"
    r"(?:we|it)\s+(?:will\s+)?(?:never|do\s+not|don['\u2019]t|does\s+not|doesn['\u2019]t|"
    r"won['\u2019]t|will\s+not)\s+(?:ever\s+|even\s+)?(?:touch|read|look\s+at|process)\W*$",
    re.IGNORECASE,
)
_DO_NOT_TRACK = re.compile(r"\bdo not track\b|\bdnt\b", re.IGNORECASE)
#: A sentence whose subject is another party ("Our advertising partners do not collect",
#: "Mapbox, our map provider, does not ..."; not "We and our partners"): what it denies is that
#: party's, no promise of the product.
OTHER_PARTY = re.compile(
    r"^\W*(?:[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*\s*,\s*)?(?:(?:our|the|its|their|these|such)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:partners?|providers?|processors?|sub-?processors?|vendors?|"
    r"advertisers?|third[- ]part(?:y|ies))\b(?!\s+(?:and|&)\s+(?:we|us)\b)"
)
#: A denial's lead over where from, what for or when ("We do not collect data for:", "... from
#: the following sources:", "Location is not collected from:"): its list is no data. (Not
#: "about:" or "on:": "We never collect information about: your contacts" lists data.)
NOT_WHAT_LEAD = re.compile(
    r"\b(?:data|information|collected|sent|gathered|tracked)\s+(?:from|for|when|whenever|while|"
    r"if)(?!\s+(?:you|your|users?|the user|visitors?)\b)(?:\s+(?:the following|"
    r"these|any of the following))?(?:\s+[\w-]+)?\s*:\s*$",
    re.IGNORECASE,
)


#: A person's choice before a denial's words: "you may choose not to upload files" says
#: what the person may do, not what the product never takes.
_CHOICE = re.compile(
    r"\b(?:you|users?|they|customers?|people)\s+(?:\w+\s+){0,2}?(?:choose|chose|decide|prefer|"
    r"opt|wish|want|elect)\s+(?:to\s+)?$"
    # "SQL Server can be configured not to send information", "you can set the tool not to
    # send ...": a setting people may change (a control), not what is never taken
    r"|\b(?:can|could|may|might)\s+(?:also\s+)?(?:be\s+)?(?:configured?|set(?:\s+up)?|"
    r"instruct(?:ed)?)\s+(?:[\w-]+\s+){0,3}?$",
    re.IGNORECASE,
)


def denial(text: str) -> str | None:
    """The words by which ``text`` says data is *not* collected ("do not collect"), or None."""
    value = plain(text)
    for found in _DENIED.finditer(value):
        if not _chosen(value, found.start()):
            return " ".join(found.group(0).split())
    return None


def chosen_not(text: str) -> bool:
    """Whether ``text`` says only what people may choose or set not to do ("can be configured
    not to send information"): the words of a denial, each after a choice."""
    value = plain(text)
    said = [found.start() for found in _DENIED.finditer(value)]
    return bool(said) and all(_chosen(value, start) for start in said)


def _chosen(value: str, start: int) -> bool:
    """Whether a choice ends right before ``start`` (looked for in the words just before it:
    a page of many denials takes time linear in its length)."""
    return _CHOICE.search(value, max(0, start - 120), start) is not None


#: Verbs of taking data in, said by a sentence that does not deny them.
_TAKES = re.compile(
    r"\b(?:collect(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|gather(?:s|ed|ing)?|record(?:s|ed|ing)?|"
    r"log(?:s|ged|ging)?|stor(?:e|es|ed|ing)|process(?:es|ed|ing)?|transmit(?:s|ted|ting)?|"
    r"upload(?:s|ed|ing)?|track(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)


#: A denial of the whole of what a lead-in names, not of a part of it ("Text is not
#: included"): it never reaches the publisher, or the site uses no such tool at all.
_WHOLE_DENIAL = re.compile(
    r"\b(?:never|not)\s+(?:be\s+)?(?:shared|sent|transmitted|uploaded)\s+(?:with|to)\s+us\b"
    r"|\b(?:does|do|will)\s+not\s+use\s+(?:any\s+)?(?:tracking|analytics|cookies|trackers)\b",
    re.IGNORECASE,
)


#: A bullet's mark that says yes or no for its data: "❌ Your code or file contents",
#: "✅ Crash reports" (GitHub's ``:x:`` and ``:white_check_mark:`` too).
_MARK = re.compile(
    r"^\s*(?:(?P<no>[\u274c\u2717\u2718\u274e\U0001f6ab\u26d4]|:x:|:no_entry(?:_sign)?:)"
    r"|[\u2705\u2714\u2713\u2611]|:white_check_mark:|:heavy_check_mark:)\ufe0f?\s*",
)


def marked(name: str) -> tuple[bool | None, str]:
    """Whether a bullet's mark says its data is collected (None: no mark), and its name
    without the mark."""
    found = _MARK.match(name)
    if found is None or found.end() == len(name):
        return None, name
    return found.group("no") is None, name[found.end() :]


def only_denied(text: str) -> bool:
    """Whether ``text`` (what a page says of one lead-in) denies the whole of it and no
    sentence says data is taken ("**Cookies & analytics:** This site does not use tracking or
    analytics tools."; "... is never shared with us."): its lead names no data collected."""
    said = sentences(plain(text))
    return any(_WHOLE_DENIAL.search(s) for s in said) and not any(
        _TAKES.search(s) and denial(s) is None for s in said
    )


#: "These credentials never leave the user machine": a denial about data named before it.
_DENIED_BACK = re.compile(
    r"^\W*(?:these|this|those|such|the above|the listed)\b[^.]{0,60}?(?:\bnever\b|\bnot\b|n't)",
    re.IGNORECASE,
)


def denied_back(text: str) -> str | None:
    """The first sentence of ``text`` that denies collecting the data it refers back to
    ("These credentials never leave the user machine"), or None."""
    for sentence in sentences(plain(text)):
        if _DENIED_BACK.search(sentence) and denial(sentence) is not None:
            if _ONLY_WHEN.search(sentence) or _DENIES_NAMED.search(sentence):
                # "This information isn't sent if ...": a condition, not a denial; "This data
                # does not contain any personal information": a denial of other data
                continue
            return " ".join(sentence.split())
    return None


#: The words of a denial of taking data in ("not sent", "never collected"), not of using it.
_NOT_TAKEN = re.compile(
    r"\b(?:collect|gather|sen[dt]|transmit|upload|track|record|receiv|captur|leav|see|seen|"
    r"cookies)",
    re.I,
)
#: A denial under a condition ("is not sent if you are offline") denies nothing for good:
#: a condition in the denial's clause (not in another: "If you allow it, ...; this data is not
#: sent to our servers"). An exception ("does not use tracking tools unless explicitly
#: stated") leaves the denial standing otherwise: the sentence is quoted, exception and all.
_ON_CONDITION = re.compile(r"\b(?:if|when|whenever)\b", re.IGNORECASE)


#: "Attachments are never used by Viva Insights": not used at all, said of the product's data
#: (not "never used by us to identify you", a purpose; not "never used by advertisers", a
#: party): quoted, never read into entries (who "X" is, the page knows, not the words).
#: So too data "not transferred to" the service that would process it ("It isn't transferred to
#: the Azure OpenAI Service", after "the entire company database remains in its location:").
_NOT_USED_BY = re.compile(
    r"(?:\b(?:not|never)|n't)\s+(?:ever\s+)?(?:used\s+by|transferred\s+to)\s+"
    r"(?!(?:any\s+)?(?:third|other|advertis|marketer|partner|us\b))(?![^.;]*\b(?:to|for)\b)",
    re.IGNORECASE,
)


def denials_said(text: str) -> list[tuple[int, str]]:
    """(line, sentence) of each sentence of a page (``text``) that says data is not taken in
    ("this data is not sent to our servers"), for good: not under a condition, nor as the lead
    of a list of what is ("We do not store personal data, except the following:")."""
    found = []
    for number, sentence in prose_sentences(text):
        denied = denial(sentence)
        clause = next((c for c in sentence.split(";") if denied and denied in c), sentence)
        if (
            denied is not None
            and _NOT_TAKEN.search(denied)
            and not _ON_CONDITION.search(clause)
            and not sentence.endswith(":")
        ) or (_NOT_USED_BY.search(sentence) and not _ON_CONDITION.search(sentence)):
            found.append((number, sentence))
    return found


#: A person's data, named as theirs: "your data", "their personal information".
_YOUR_DATA = (
    r"(?:your|their|the user's)\s+(?:\w+\s+)?(?:data|information|account|records?|details|"
    r"profile)\b"
)
#: The programs a control turns off.
_CONTROLLED_PROGRAM = r"(?:telemetry|analytics|tracking|usage|stats|statistics|metrics|crash)"
#: Words of a right or a control a person has over their data ("you can opt out").
_RIGHT = re.compile(
    r"\b(?:rights? (?:to|of)|opt(?:ing)?[- ]?(?:out|in)\b|turn(?:ing)? (?:\w+ ){0,2}?off\b|"
    r"disabl(?:e|es|ing)\b|withdraw|unsubscrib|revok|object to\b|rectif|portability|"
    r"delet(?:e|ion of) (?:your|their|the user's)\b|request (?:the )?(?:access|deletion|erasure|"
    r"correction|a copy)\b"
    # "request data deletion", "request that your data be deleted", "request migration of ..."
    r"|request\w*\s+(?:\w+\s+){0,4}?(?:delet|eras|cop(?:y|ies)\b|export|correct|migrat|remov)"
    # "view, export, or delete any customer data", "the Delete Account option"
    r"|(?:view|export|download|delete|erase|correct),?\s+(?:(?:or|and)\s+)?(?:\w+,?\s+){0,3}?"
    r"(?:any|all|your|their)\s+(?:\w+\s+)?(?:data|information)\b|delete (?:your |my )?account\b"
    # "get a copy of your data", "ask for a copy of the data we hold about you"
    rf"|(?:get|obtain|receive|ask for|access|download)\s+(?:a\s+)?cop(?:y|ies) of\s+(?:the\s+"
    rf"(?:\w+\s+)?(?:data|information|records?)\b|{_YOUR_DATA}|all\b)"
    # "have it erased", "want your account removed", "remove your records", "erase
    # everything we hold about you"
    rf"|\b(?:it|them|{_YOUR_DATA})\s+(?:\w+\s+(?:or|and)\s+)?(?:erased|deleted|removed|"
    rf"corrected|rectified)\b|\b(?:erase|remove|correct)\s+{_YOUR_DATA}"
    r"|\b(?:delete|erase|remove)\s+(?:everything|all)\s+(?:\w+\s+){0,3}?(?:about|on|of)\s+you\b"
    # "lodge a complaint with a supervisory authority", "To exercise these rights, ..."
    r"|\bcomplaint\b|supervisory authority|\bexercise\s+(?:\w+\s+){0,3}?rights\b"
    r"|\byou(?:'re|\s+are)\s+(?:also\s+)?entitled\s+to\b"
    r"|(?:stop|restrict)\s+(?:the\s+)?processing\b"
    # "can be erased by clearing the app's data", "to skip all telemetry"
    r"|can be (?:removed|erased|deleted|cleared|wiped)\s+(?:at any time\s+)?by\s+(?:clearing|"
    r"uninstalling|deleting|removing|resetting|you\b|contacting)"
    r"|\bskip\s+(?:all\s+|any\s+)?(?:telemetry|analytics|tracking|reporting)\b"
    # "Set the environment variable SCOUT_DISABLE", "export DO_NOT_TRACK=1"
    r"|\bset(?:ting)?\s+(?:the\s+|an\s+|this\s+)?environment\s+variable\b"
    r"|(?-i:_DISABLE|DISABLE_|_OPT_?OUT|OPT_?OUT_|DO_NOT_TRACK|NO_TELEMETRY|Do Not Track\b)"
    # "Set telemetry to false", 'Set "telemetry": false', "--no-telemetry"
    r"|\bset\s+(?:the\s+)?\W?(?:[\w-]+[.:_-])*"
    rf"{_CONTROLLED_PROGRAM}\w*\W?\s*(?:to|:|=)\s*\W?"
    r"(?:false|off|0|no|disabled?)\b"
    rf"|(?<=--)no-{_CONTROLLED_PROGRAM}"
    # "To stop sending telemetry", "You can deactivate analytics", "choose not to send crash
    # reports", "Users may decline analytics"
    r"|\b(?:to|can)\s+stop\s+(?:sending|sharing|collecting|tracking|reporting|the\s+collection)"
    r"|\bdeactivat|\b(?:choose|decide|elect)\s+not\s+to\b"
    r"|\b(?:can|may)\s+decline\s+(?:to\s+participate|(?:to\s+\w+\s+)?(?:the\s+)?"
    rf"{_CONTROLLED_PROGRAM})"
    # "clear the app's data", "block cookies", "manage your consent preferences", "reset your
    # advertising ID", "You can manually delete it"
    r"|\bclear(?:ing)?\s+(?:the\s+)?(?:app(?:'s|lication)?|browser|your)\s+(?:\w+\s+)?(?:data|"
    r"storage|cache|history|cookies)\b|\bblock(?:ing)?\s+(?:all\s+|third-party\s+)?cookies\b"
    r"|\b(?:manage|change|update|adjust)\s+(?:your\s+)?(?:consent|cookie|privacy|tracking)\b"
    r"|\breset\s+(?:your\s+)?(?:advertising|device|app)\s+(?:ID|identifier)"
    r"|\byou\s+(?:can|may)\s+(?:\w+ly\s+)?(?:delete|erase)\b)",
    re.IGNORECASE,
)


def rights_said(text: str) -> list[tuple[int, str]]:
    """(line, sentence) of each sentence of a page (``text``) that names a right or a control
    people have over their data; not a lead to what follows ("... run this command:")."""
    return [
        (number, sentence)
        for number, sentence in prose_sentences(text)
        if _RIGHT.search(sentence) and not sentence.endswith(":")
    ]


#: "... does not contain any personal information": what the data leaves out, named.
_DENIES_NAMED = re.compile(
    r"(?:\bnot|\bnever|n't)\s+(?:\w+\s+)?(?:contain|include|collect|gather|send|track|record|"
    r"store|use)s?\s+(?:any\s+)?(?!(?:it|them|this|these|that|those|to|from|by|with|in|on|at|"
    r"outside|anywhere|anything|any)\b)\w",
    re.IGNORECASE,
)


#: A denial that holds in some case only ("isn't sent if the engine is embedded").
_ONLY_WHEN = re.compile(r"\b(?:if|when|whenever|unless|while|until|during)\b", re.IGNORECASE)


#: "CountScore collects NO user data", "does NOT collect, transmit, sell, or share any user
#: data", "No data is collected": no data at all (not "any personal data", not "no data
#: without your consent", not "any data that identifies you").
_NO_DATA_AT_ALL = re.compile(
    r"\b(?:collects?|gathers?)\s+(?:no|zero)\s+(?:user\s+)?(?:data|information)\b"
    r"|\bany\s+(?:user\s+)?(?:data|information)\s*(?:whatsoever|at all)?\s*(?:[.;!)]|$)"
    r"|^\W*no\s+(?:user\s+)?(?:data|information)\s+(?:is|are|will be)\s+(?:ever\s+)?"
    r"(?:collected|transmitted|sent|gathered)\b",
    re.IGNORECASE,
)
_QUALIFIED = re.compile(
    r"\b(?:that|which|who|without|unless|except|other than|beyond|besides|apart from|only|if|"
    r"when|until|by default)\b",
    re.IGNORECASE,
)


def no_data_at_all(text: str) -> tuple[int, str] | None:
    """The first line and sentence of ``text`` saying that no data at all is collected."""
    for number, line in enumerate(text.splitlines(), 1):
        if "data" not in line.lower() and "information" not in line.lower():
            continue  # (most lines: no sentence split)
        for sentence in sentences(plain(line)):
            if (
                _NO_DATA_AT_ALL.search(sentence)
                and (denial(sentence) is not None or re.search(r"\bno\b", sentence, re.I))
                and not _QUALIFIED.search(sentence)
            ):
                return number, " ".join(sentence.split())
    return None


def is_never_heading(title: str) -> bool:
    """Whether a heading names what is not collected ("What we never see")."""
    words = plain(title)
    if re.match(r"\W*why\b", words, re.IGNORECASE):
        return False  # "Why We Can't Collect Data": the reasons, not what is not collected
    return _NEVER_HEADING.search(words) is not None and not _DO_NOT_TRACK.search(words)


# -- questions answered in a table ------------------------------------------------------------

_QUESTION = re.compile(
    r"^\s*+(?:does|do|is|are|will|can|could|did|has|have)\s++(?P<who>.{1,60}?)(?<!\s)\s+"
    r"(?P<verb>collect|gather|access|store|send|transmit|upload|record|track|log|read|use|"
    r"process|receive)s?\s++(?P<what>[^?]{2,120}?)\s*\?\s*$",
    re.IGNORECASE,
)
#: A tick or a cross in a cell (with or without its emoji variation selector): a yes or a no.
TICK = "[✓✔✅☑]\ufe0f?"
CROSS = "[✗✘❌❎]\ufe0f?"
# (A mark is no word: "(?!\w)" ends it where "\b" would not.)
_YES = re.compile(rf"^\W*?(?:yes|y|true|collected|always|{TICK})(?!\w)", re.IGNORECASE)
_NO = re.compile(rf"^\W*?(?:no|n|false|none|never|not collected|{CROSS})(?!\w)", re.IGNORECASE)
_WHAT_END = re.compile(
    r"(?i)(?<!\s)\s+(?:from|with|to|for|when|while|during|on|in|by|via|through|about)\s+"
    r"(?:the |a |an |your |its |their )?(?:users?|devices?|apps?|sdk|library|third|servers?|"
    r"partners?|developers?|end[- ]users?|customers?|you)\b.*$"
)
_ARTICLES = re.compile(r"^(?:the|a|an|any|your|their|its|my|our)\s+", re.IGNORECASE)
_OWNER = re.compile(
    r"^(?:user|users|end[- ]user|customer|device|app|person|people)(?:'s|s'|\u2019s)\s+",
    re.IGNORECASE,
)


#: "What about crash reports?": a question on data, whose answer says what is done with it.
_WHAT_ABOUT = re.compile(r"^\W*(?:what|how)\s+about\s+(?P<what>[^?]{2,80}?)\s*\?\W*$", re.I)
#: An answer that denies taking the data the question named: "We don't collect them."
_NOT_THEM = re.compile(
    r"^\W*(?:we|it|they|(?:the|this|our)\s+[\w-]+)\s+(?:do|does|will)?\s*(?:not|n't|never)\s+"
    r"(?:collect|gather|send|record|track|upload|log|receive|see)\s+"  # (not "store" it)
    r"(?:them|it|those|these|that|this|any)\W*$",
    re.I,
)


def question_data(question: str) -> str | None:
    """The data a question asks about ("Does the SDK collect the user's name?" → "Name"),
    or None when the question is not about collecting data."""
    match = _QUESTION.match(plain(question)) or _WHAT_ABOUT.match(plain(question))
    if match is None:
        return None
    what = _WHAT_END.sub("", match.group("what")).strip(" .,:;\"'")
    what = _OWNER.sub("", _ARTICLES.sub("", what)).strip()
    if not what or len(what.split()) > 8 or re.fullmatch(PEOPLE, what, re.I):
        return None
    return what[:1].upper() + what[1:]


def denied_by_answer(question: str, text: str) -> str | None:
    """The data a heading asks about when the text under it answers No ("Do we use
    cookies?" then "No."): never collected. None for any other heading or answer."""
    data = question_data(question)
    first = sentences(plain(text))[:1]
    if data is None or not first or EXCEPTION.search(first[0]):
        return None  # "No, except crash reports": not a plain No
    if _WHAT_ABOUT.match(plain(question)):  # (not "No.": an answer to no yes-or-no question)
        return data if _NOT_THEM.match(first[0]) else None
    return data if answer(first[0]) is False or _NOT_THEM.match(first[0]) else None


#: Words of an exception to an answer or a denial ("No, except crash reports"): what it
#: excepts is taken.
EXCEPTION = re.compile(r"\b(?:except|unless|but|only|other than|apart from|besides)\b", re.I)


def answer(text: str) -> bool | None:
    """A table's answer: True for yes, False for no, None for anything else."""
    value = plain(text).strip()
    if _NO.match(value):
        return False
    if _YES.match(value):
        return True
    return None


# -- an item's own marker ---

#: The end of a marker said first: "Optional." or "Optional:", or "Optional, used for ..." (not
#: "Required, unless you opt out": the case after it says otherwise).
_SAID = r"\**(?:[.:]|[,;](?!\s*(?:unless|except|if|when|but|only|until|where|while)\b))\**\s+"
#: "(optional)" anywhere, "Optional." or "Optional:" first, ", optional" or "- optional" last.
_OPTIONAL_MARK = re.compile(
    r"(?:(?<!\s)\s*)?[(\[](?:optional|opt-in|(?:providing (?:it|this) is )?voluntary)"
    rf"(?:[,;]\s*(?P<more>[^()\[\]]*))?[)\]]|^\s*\**optional{_SAID}"
    r"|(?:(?<!\s)\s*)?[-\u2013\u2014,\u00b7]\s*+\**optional\**\.?\s*$",
    re.IGNORECASE,
)
_REQUIRED_MARK = re.compile(
    rf"(?:(?<!\s)\s*)?[(\[](?:required|mandatory)[)\]]|^\s*\**(?:required|mandatory){_SAID}"
    r"|(?:(?<!\s)\s*)?[-\u2013\u2014,\u00b7]\s*+\**(?:required|mandatory)\**\.?\s*$",
    re.IGNORECASE,
)
#: (Tried at the first space of a run only: linear, however long the run.)
_SPACE_BEFORE_MARK = re.compile(r"(?<!\s)\s+([,;.])")
_OPTIONAL_WORD = re.compile(
    rf"^(?:no|n|false|optional|opt-in|not required|{CROSS})\.?$", re.IGNORECASE
)
_REQUIRED_WORD = re.compile(rf"^(?:yes|y|true|required|mandatory|always|{TICK})\.?$", re.IGNORECASE)


def marker(text: str) -> tuple[str, bool | None]:
    """``text`` without an "(optional)" / "Required" marker, and what the marker says
    (True: optional, False: required, None: no marker)."""
    for pattern, optional in ((_OPTIONAL_MARK, True), (_REQUIRED_MARK, False)):
        found = pattern.search(text)
        if found is not None:
            # "(optional, no location tracking)": the marker goes, the rest of its words stay
            more = found.groupdict().get("more")
            kept = f" ({more.strip()}) " if more and more.strip() else " "
            rest = (text[: found.start()] + kept + text[found.end() :]).strip()
            if rest:
                return _SPACE_BEFORE_MARK.sub(r"\1", " ".join(rest.split())), optional
    return text, None


#: What an item's own words say of its requirement: "Required to run the analysis" (required),
#: "(if provided for support purposes)", "if you choose to provide it" (optional).
_DESCRIBED = re.compile(
    r"^\W*(?:required|mandatory|necessary)\s+(?:to|for|in order)\b"
    r"|^\W*(?P<if>if\s+(?:you\s+)?(?:provided|provide|choose|opt|want|wish|decide)\b)",
    re.IGNORECASE,
)


def described_requirement(text: str) -> bool | None:
    """What an item's description says of its requirement, its words kept (unlike a
    :func:`marker`): True when optional, False when required, None when it says neither."""
    words = _DESCRIBED.match(text)
    return None if words is None else words.group("if") is not None


def requirement_value(text: str) -> bool | None:
    """A Required column's value: True when it says optional, False when required."""
    value = plain(text).strip()
    if _OPTIONAL_WORD.match(value):
        return True
    if _REQUIRED_WORD.match(value):
        return False
    _, optional = marker(value)
    return optional


#: A column headed as optional data ("Optional", "Optional?"): a yes there says optional.
_OPTIONAL_COLUMN = re.compile(r"^\W*optional\W*$", re.IGNORECASE)


def column_requirement(header: str, value: str) -> bool | None:
    """What a cell of a Required or Optional column says: True for optional, False for
    required. Under "Optional", a yes or a tick says optional and a no or a cross required;
    under "Required" or "Mandatory", the reverse."""
    said = requirement_value(value)
    if said is None or not _OPTIONAL_COLUMN.match(plain(header)):
        return said
    yes = answer(value)
    return said if yes is None else yes


# -- modality ---------------------------------------------------------------------------------

#: What a reader does who uses a right or the service as a whole: not a choice of giving data.
_A_RIGHT = (
    r"(?:make|file|lodge|submit|complain|exercise|request|object|ask|know|(?:use|access|visit|"
    r"install|download|continue\s+using)\s+(?:our|the|this)\s+(?:services?|apps?|application|"
    r"website|site|product|software|platform)\b)"
)
#: (requirement, pattern), tried in order: the denials of a modality come first ("cannot be
#: turned off" is required, "not required" optional).
_MODALITY: tuple[tuple[Requirement, re.Pattern[str]], ...] = (
    (
        Requirement.REQUIRED,
        re.compile(
            r"\b(?:can ?not|can't|cannot|unable to|no way to|not possible to)\s+(?:be\s+)?"
            r"(?:disabled?|turned off|switched off|opt(?:ed)?[- ]?out|turn (?:it |this )?off|"
            r"deactivated?|declined?)\b"
            r"|\bnot optional\b|\balways (?:collected|sent|on|enabled|transmitted)\b"
            # "collected regardless of your telemetry setting"
            r"|\bregardless of (?:your |the |any )?(?:[\w-]+ )?(?:settings?|choices?|preferences?|"
            r"consent|opt[- ]?outs?)\b"
            # "There is currently no opt-out mechanism", "no option to disable it"
            r"|\bno\s+(?:\w+\s+)?opt[- ]?out\b"
            r"|\bno (?:option|way|setting) to (?:disable|opt[- ]?out|turn (?:it |this )?off)\b"
            r"|\b(?:is|are)\s+(?:required|mandatory|necessary|essential)\s+(?:for|to|in order)\b"
            r"(?!\s+(?:to\s+)?compl(?:y|iance)\b)"  # (the law's necessity, not the data's)
            r"|\byou\s+(?:must|need to|have to|are required to)\s+(?:provide|give|enter|supply|"
            r"submit)\s+(?:us\s+(?:with\s+)?)?(?:your|an?)\s",  # (not "must provide notice")
            re.IGNORECASE,
        ),
    ),
    (
        Requirement.OPTIONAL,
        re.compile(
            r"\bnot (?:required|mandatory|necessary)\b|\bisn't required\b"
            r"|\bopt(?:ional(?:ly)?|[- ]in|s in|ed in|ing in)\b"
            r"|\bopt(?:s|ed|ing)?[- ]?out\b"
            # (not "information that you voluntarily provide to us": where it comes from)
            r"|(?<!you )\bvoluntar(?:y|ily)\b"
            r"|\b(?:can|may|could|able to|are free to)\s+(?:\w+\s+){0,4}?(?:disable|"
            r"(?:turn|switch)(?:ed)?\s+(?:[\w-]+\s+){0,3}?off|deactivate|decline|stop|"
            r"choose not|refuse|withdraw|prohibit|forbid)\b"
            r"|\b(?:disabled?|turned off|switched off)\s+(?:\w+\s+){0,2}?(?:by|with|using|via|"
            r"through|in|at any time|anytime)\b"
            r"|\bto (?:disable|(?:turn|switch) (?:[\w-]+ ){0,3}?off|opt out|deactivate)\b"
            # (an option or command said in the imperative: "Turn on or off telemetry.")
            r"|^\W*(?:disable|deactivate|(?:turn|switch) (?:on (?:or|and) )?off|opt[- ]out of)\b"
            r"|\b(?:turn|switch)(?:ed)? (?:it |this |them )?on ?/ ?off\b"
            r"|\b(?:can|may) be toggled\b"  # ("Anonymous reporting can be toggled any time")
            # "We gather the following data if the VSCode telemetry is enabled", "we ask users
            # whether they want to share the data"
            r"|\bif (?:the |your )?(?:[\w-]+ )?(?:telemetry|analytics|crash reporting|tracking|"
            r"data collection) (?:is|are) (?:enabled|on|turned on|switched on|active)\b"
            r"|\bask\w* (?:users?|you) whether (?:they|you) want to (?:share|send|provide)\b"
            r"|\b(?:with|upon|after|only with)\s+(?:your\s+|the user's\s+|their\s+|explicit\s+|"
            r"prior\s+|express\s+)*(?:consent|permission|approval)\b"
            r"|\b(?:ask(?:s|ed)?|prompt(?:s|ed)?|request(?:s|ed)?)\b[^.]{0,40}"
            r"\b(?:consent|permission|approval)\b"
            r"|\b(?:off|disabled|inactive) by default\b|\bnot (?:enabled|on|active) by default\b"
            r"|\bonly (?:be )?(?:sent|collected|enabled|reported|uploaded|recorded|active|"
            r"transmitted)?\s*(?:when|if|after)\b[^.]{0,80}\b(?:set|enabled?|turn(?:ed)? on|"
            r"switch(?:ed)? on|add|"
            r"opt(?:s|ed)? in|configured|chosen|choose|chooses|agree|agrees|consent\w*|allow\w*)\b"
            # (not a right the reader may use: "If you want to make a complaint ...")
            # "We honour DO_NOT_TRACK=1", "It respects the telemetry.telemetryLevel setting"
            r"|(?<!website )(?<!site )\b(?:honou?r|respect|obey)(?:s|ed|ing)?\s+(?:the\s+|your\s+|a\s+)?(?:\S*(?:"
            r"DO_NOT_TRACK|telemetry|opt[-_ ]?out)\S*|do[- ]not[- ]track|DNT)\b"
            # "We collect the following when you enable sync:" (not "... the extension")
            r"|\bwhen(?:ever)? you (?:enable|turn on|switch on|activate|opt in)\b(?!\s+(?:the|"
            r"this|our)\s+(?:extension|app|application|plugin|add-on|product|tool|cli|service|"
            r"software)\b)"
            # ("If the user has consented to odo collecting usage data, ...")
            r"|\bif (?:you|the user|a user|users) (?:have |has )?(?:consent(?:s|ed)?|agreed|"
            r"opted in|enabled|allowed)\b"
            rf"|\bif you (?:choose|decide|agree|opt|enable|allow|want)\b(?!\s+to\s+{_A_RIGHT})"
            rf"|\byou (?:can |may )?(?:choose|decide) (?:whether|if|to)\b(?!\s+{_A_RIGHT})",
            re.IGNORECASE,
        ),
    ),
    (
        Requirement.REQUIRED,
        re.compile(
            r"^\W*(?:required|mandatory)\b|\b(?:required|mandatory|essential) (?:data|"
            r"information|fields?)\b|\bneeded (?:for|to) (?:the |this )?(?:service|product|app|"
            r"it) to (?:work|function|run|operate)\b",
            re.IGNORECASE,
        ),
    ),
)
_CANNOT_TURN_OFF = _MODALITY[0][1]
_KIND_OF_DATA = re.compile(
    r"\boptional\s+(?:[\w-]+\s+){0,2}?(?:data|information|telemetry|events?|fields?|"
    r"diagnostics?)\b",
    re.IGNORECASE,
)
_IS_OPTIONAL = re.compile(
    r"\b(?:is|are|be|remains?)\s+(?:entirely\s+|completely\s+)?optional\b", re.I
)
#: What a cue must speak of to hold for a whole page: the collection program as a whole.
_PROGRAM = re.compile(
    r"\b(?i:telemetry|analytics|usage (?:data|statistics|information|reporting|metrics|tracking)|"
    r"diagnostic(?:s| data)?|data collection|(?:crash|error|bug) report(?:s|ing)?|reporting|"
    r"metrics|statistics|stats|tracking|the (?:program|feature|module)|this (?:program|feature|"
    r"module)|collection|data sharing|sharing (?:of )?(?:usage|anonymous|diagnostic))\b"
    r"|\b(?:[A-Z][A-Z0-9]*_)+[A-Z0-9]+\b",
)
#: Words that show a cue speaks of something other than the collected data (an email list,
#: cookies on a website, a marketing message): it holds for no item.
_ELSEWHERE = re.compile(
    r"\b(?:marketing|newsletters?|promotional|e-?mails? (?:from|about)|communications?|"
    r"advertis\w*|cookies?|sale of|selling|sell)\b",
    re.IGNORECASE,
)


#: A sentence that names both kinds of data says what each is, not which this one is. Three
#: searches, not one pattern of lookaheads: tried at every position, those read a long
#: paragraph in quadratic time.
_REQUIRED_WORD_IN = re.compile(r"\b(?:required|mandatory)\b", re.IGNORECASE)
_OPTIONAL_WORD_IN = re.compile(r"\boptional\b", re.IGNORECASE)
_NOT_REQUIRED = re.compile(r"\bnot (?:required|mandatory)\b", re.IGNORECASE)


def _names_both(said: str) -> bool:
    return bool(
        _REQUIRED_WORD_IN.search(said)
        and _OPTIONAL_WORD_IN.search(said)
        and not _NOT_REQUIRED.search(said)
    )


#: Leaving the product is no way to turn collection off ("You can stop all collection of
#: information by the Application easily by uninstalling it."): the data is not optional.
_LEAVING = re.compile(
    r"\b(?:uninstall\w*|(?:delet|remov)(?:e|es|ing) (?:the|this|our) (?:app|application|"
    r"extension)|stop(?:ping)? using)\b",
    re.IGNORECASE,
)
_A_SETTING = re.compile(r"\b(?:opt\w*|disabl\w*|turn\w* \w* ?off|settings?|preferences?)\b", re.I)


def only_by_leaving(text: str) -> bool:
    """Whether words say collection stops only when the product is removed or not used."""
    said = plain(text)
    return bool(_LEAVING.search(said)) and not _A_SETTING.search(_LEAVING.sub("", said))


def modality(text: str, line: int = 0) -> Cue | None:
    """The requirement a sentence states, with the words that state it, or None."""
    said = plain(text)
    if _ELSEWHERE.search(said) or _names_both(said) or only_by_leaving(said):
        return None  # a cookie banner's words; "what is required and what is optional data"
    for requirement, pattern in _MODALITY:
        found = pattern.search(said)
        if found is not None:
            words = " ".join(found.group(0).split())
            if requirement is Requirement.OPTIONAL and _not_the_reader(said, found.start(), words):
                return None  # ("We may decline ...": another's choice; the sentence says none)
            return Cue(requirement, words, line)
    return None


def _not_the_reader(said: str, start: int, words: str) -> bool:
    """Whether an option's words are no choice of the reader's: what the publisher or the
    product may do ("We may decline ...", "The service may stop ..."; not "The extension can
    be disabled", by the reader), or consent not required ("Your consent is not required")."""
    if re.match(r"(?:can|may|could|able to|are free to)\b(?!.*\bbe\b)", words, re.IGNORECASE):
        return _PUBLISHER_BEFORE.search(said, max(0, start - 60), start) is not None
    if words.lower() == "not required":
        return _CONSENT_BEFORE.search(said, max(0, start - 60), start) is not None
    return False


#: The publisher or the product right before an option's verb, and consent right before
#: "not required" (see :func:`_not_the_reader`).
_PUBLISHER_BEFORE = re.compile(
    r"\b(?:we|our\s+[\w-]+|the\s+(?:service|app|application|company|publisher|provider|system|"
    r"server|product|tool|extension|sdk)s?)\s+$",
    re.IGNORECASE,
)
_CONSENT_BEFORE = re.compile(r"\b(?:consent|permission|approval)\s+(?:is|are)\s+$", re.I)


#: "If you disable them, the app anyway will send ...": turned off, the data is still sent.
_SENT_ANYWAY = re.compile(
    r"\b(?:sen[dt]s?|sending|collect\w*|transmit\w*|upload\w*|report\w*)\b[^.]{0,40}?"
    r"\b(?:anyway|regardless|nevertheless)\b"
    r"|\b(?:anyway|regardless|nevertheless)\b[^.]{0,40}?\b(?:sen[dt]s?|sending|"
    r"collect\w*|transmit\w*|upload\w*)\b"
    # "is still sent" (not "still works and sends nothing")
    r"|\bstill\s+(?:be\s+)?(?:sen[dt]s?|sending|collect\w*|transmit\w*|upload\w*)\b"
    # "When telemetry is set to opted out, a minimum set of data is sent"
    r"|\b(?:when|if|while|once)\b[^.]{0,40}?\b(?:opted out|turned off|switched off|disabled)"
    r"\b[^.]{0,60}?\b(?:is|are|will be|gets?)\s+(?:sent|collected|transmitted|uploaded|reported)\b",
    re.IGNORECASE,
)
#: "When it is disabled, no data is sent": words that deny sending send nothing anyway.
_NOTHING_SENT = re.compile(r"\b(?:no|not|nothing|never|none)\b|n't\b", re.IGNORECASE)


_TURNED_OFF = re.compile(
    r"\b(?:disabl\w*|turn(?:ed|s)? (?:\w+ )?off|switch(?:ed|es)? (?:\w+ )?off|opt(?:ed|s)? out)\b",
    re.IGNORECASE,
)


def _sent_anyway(said: list[str], line: int) -> Cue | None:
    """A sentence that says the data is sent even when the program is turned off: required,
    whatever "you can disable it" said before."""
    for sentence in said:
        anyway = _SENT_ANYWAY.search(sentence)
        if anyway and _TURNED_OFF.search(sentence) and not _NOTHING_SENT.search(anyway.group(0)):
            return Cue(Requirement.REQUIRED, " ".join(sentence.split()), line)
    return None


def cue_in(text: str, line: int = 0, of_items: Callable[[str], bool] | None = None) -> Cue | None:
    """The first sentence of ``text`` that states a requirement (:func:`modality`), unless
    another says the data is sent anyway; ``of_items``: whether a sentence speaks of the data
    it names only (then it is no cue of the whole text)."""
    said = sentences(plain(text))
    for sentence in said:
        if of_items is not None and of_items(sentence):
            continue
        cue = modality(sentence, line)
        if cue is not None:
            anyway = _sent_anyway(said, line)
            return anyway if cue.requirement is Requirement.OPTIONAL and anyway else cue
    return None


#: A heading over how to stop collection ("Opt-out signals", "Disable telemetry", "How do I
#: turn it off?"): the program can be turned off.
_OFF_HEADING = re.compile(
    r"^\W*(?:how (?:to|can (?:i|you)|do (?:i|you))\s+)?(?:disabl\w*|turn\w* (?:\w+ )?off|"
    r"switch\w* (?:\w+ )?off|opt\w*[- ]?out|stop\w*)\b",
    re.IGNORECASE,
)


def heading_cue(title: str, line: int = 0) -> Cue | None:
    """A page-wide cue in a heading over how to stop collection, unless it speaks of one kind
    of data ("Disable optional diagnostic data") or of something else (marketing email)."""
    words = plain(title).strip()
    if not _OFF_HEADING.search(words) or _ELSEWHERE.search(words) or _KIND_OF_DATA.search(words):
        return None
    return Cue(Requirement.OPTIONAL, f"the heading {words!r}", line, quoted=False)


#: The two kinds of program a page may run side by side, each under its own heading: usage
#: (telemetry, analytics) and crash reporting. A cue under one is not of the other.
_PROGRAM_KINDS = (
    re.compile(r"\b(?:telemetry|analytics|usage|metrics|statistics|stats|tracking)\b", re.I),
    re.compile(r"\b(?:crash|error|bug)\s+report|\bdiagnostic", re.I),
)


def program_kinds(title: str) -> frozenset[int]:
    """Which of the kinds of program a heading names (none for "Data collection")."""
    words = plain(title)
    return frozenset(i for i, kind in enumerate(_PROGRAM_KINDS) if kind.search(words))


def speaks_of_program(title: str) -> bool:
    """Whether a heading names the collection program as a whole ("Configuring Telemetry"),
    not one kind of its data: the sentences under it speak of the program."""
    words = plain(title)
    return bool(_PROGRAM.search(words)) and not _KIND_OF_DATA.search(words)


def page_cue(text: str, line: int = 0, *, program: bool = False) -> Cue | None:
    """A cue that holds for the whole page: a sentence about the collection program as a
    whole that makes it optional ("Telemetry is optional", "set DO_NOT_TRACK=1 to disable
    it") or says it cannot be turned off; a cue about one kind of data holds for its section.
    The program is named in the sentence, before it in the same paragraph ("Usage telemetry is
    on by default. The administrator can opt out ..."), or by the heading (``program``)."""
    said = sentences(plain(text))
    for sentence in said:
        cue = modality(sentence, line)
        named = _PROGRAM.search(sentence) is not None
        if cue is None or not (named or program):
            program = program or named
            continue
        if _KIND_OF_DATA.search(sentence) and not _IS_OPTIONAL.search(sentence):
            continue  # "Optional diagnostic data is ...": one kind of data, not the program
        if cue.requirement is Requirement.OPTIONAL and (anyway := _sent_anyway(said, line)):
            return anyway
        if cue.requirement is Requirement.OPTIONAL or _CANNOT_TURN_OFF.search(sentence):
            return Cue(cue.requirement, " ".join(sentence.split()), line)
    return None


@dataclass
class Scope:
    """The cues in force where an item is read: the page's, then each enclosing section's
    (outermost first), then its group's. The nearest one decides."""

    page: list[Cue]
    sections: tuple[Cue | None, ...] = ()

    def decide(self, own: Cue | None = None) -> Cue | None:
        """The nearest cue; a page whose cues disagree states nothing for the page."""
        if own is not None:
            return own
        for cue in reversed(self.sections):
            if cue is not None:
                return cue
        kinds = {cue.requirement for cue in self.page}
        return self.page[0] if len(kinds) == 1 else None


#: A label that says the data it leads is taken ("Collected", "Data sent", "What we collect";
#: not "Sent" alone, which may be what is sent to the reader: "**Sent:** order confirmations").
TAKEN_LABEL = (
    r"(?:(?:what\s+(?:we|it)|(?:data|information)\s+we)\s+(?:collect|send|gather)s?|"
    r"(?:what\s+(?:is|gets)\s+|(?:(?:personal|usage)\s+)?(?:data|information)\s+)"
    r"(?:collected|sent|gathered|recorded)|collected|gathered|recorded)"
)

# -- what is not data -----------------------------------------------------------------------------

#: (why, pattern): names of things that are not data, though a list or a table cell holds them.
_NOT_DATA: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "a question or function word, not data",
        re.compile(
            r"^(?:when|why|what|how|where|who|which|whom|whose|note|tip|important|required|"
            r"optional|mandatory|warning|caution|examples?|e\.?g\.?|i\.?e\.?|etc\.?|for example|such as|other|"
            r"others|more|misc|n/?a|none|yes|no|true|false|tbd|todo|details?|description|"
            r"value|values|type|key|field|purpose|reason|summary|overview|see above|in short|"
            r"tl;? ?dr|"
            r"see below)\W*$",
            re.IGNORECASE,
        ),
    ),
    ("a question, not data", re.compile(r"\?\s*$")),
    # "**Data collected:** None", "Shared: No": a form's label, whatever it answers
    (
        "a form's label, not data",
        re.compile(
            rf"^\W*(?:{TAKEN_LABEL}|(?:(?:personal\s+)?(?:data|information)\s+)?(?:shared|sold|"
            r"sent|stored|encrypted|deleted|retained|transferred))\W*$",
            re.IGNORECASE,
        ),
    ),
    # "--help -h", "--output -o": a command's option, in a reference of its arguments.
    ("a command-line option, not data", re.compile(r"^--?[a-z][\w-]*(?:\s+--?[a-z][\w-]*)*$")),
    (
        # "Directly from you, when you contact support", "From app stores": how or where
        # data comes, under "We collect information in the following ways:"
        "a way or a source of collecting, not data",
        re.compile(
            r"^\W*(?:(?:directly|automatically|indirectly|manually)\b(?![\s-]+(?:collected|"
            r"generated|created|assigned|entered))|(?:from|through|via)\s+(?:you|us|the|third|"
            r"our|your|other|partners?|public|app|apps|social)\b"
            # "By using the Error and Usage Reporting application": a means, of a control
            r"|by\s+\w+ing\b)",
            re.IGNORECASE,
        ),
    ),
    (
        "a legal basis, not data",
        re.compile(
            r"^\W*(?:(?:the )?performance of (?:a |the |our )?contracts?|(?:your |explicit )?"
            r"consent|contract(?:ual necessity)?|legal (?:obligations?|requirements?)|"
            r"compliance with (?:a )?legal obligations?|vital interests?|public (?:task|interest)|"
            r"legitimate interests?|art(?:icle|\.)? ?[69]\b.*|gdpr art(?:icle|\.)?.*)\W*$",
            re.IGNORECASE,
        ),
    ),
    (
        "a postal address, not data",
        re.compile(
            r"\b\d{1,6}\s+(?:[A-Z][\w.]*\s+){1,4}(?:street|st\.?|avenue|ave\.?|road|rd\.?|"
            r"boulevard|blvd\.?|lane|ln\.?|drive|dr\.?|way|plaza|square|suite|floor)\b"
            r"|\bP\.?\s?O\.? box\b|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b\d{5}(?:-\d{4})?,?\s+"
            r"(?:USA|United States)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "a principle or quality, not data",
        re.compile(
            r"^\W*(?:transparency|accountability|security|privacy|integrity|fairness|"
            r"lawfulness|purpose limitation|data minimi[sz]ation|accuracy|storage limitation|"
            r"confidentiality|availability|anonymity|trust|openness|choice|control)\W*$",
            re.IGNORECASE,
        ),
    ),
    (
        "a value's type, not data",
        re.compile(
            # (not "date", "timestamp", "UUID" or "text": data of their own, as items)
            r"^\W*(?:string|str|int|integer|bool|boolean|number|float|double|decimal|"
            r"object|array|enum|long|uint\d*|int\d+|json|dict|null|char|varchar)(?:\[\])?\W*$",
            re.IGNORECASE,
        ),
    ),
    (
        "a statement of what is not done, not data",
        re.compile(
            r"^\W*(?:(?:we |i |it )?(?:do not|don't|does not|doesn't|never|will not|won't)|no|"
            r"not|nothing|none of)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "a purpose, not data",
        re.compile(
            r"^\W*to\s+(?:provide|improve|maintain|understand|help|make|ensure|support|deliver|"
            r"offer|enable|allow|prevent|detect|fix|measure|analy[sz]e|operate|develop|"
            r"personali[sz]e|communicate|comply|protect|respond|keep|process|send)\b"
            # "Helps us fix bugs", "Better understand our users' needs", "Prioritize features"
            r"|^\W*(?:helps?\s+(?:us|to)|(?:better\s+)?understand(?:s|ing)?|evaluat(?:e|es|ing)|"
            r"improv(?:e|es|ing)|prioriti[sz](?:e|es|ing)|optimi[sz](?:e|es|ing)|"
            r"guid(?:e|es|ing)|learn(?:s|ing)?)\s+(?:\w+\s+)*?(?:the|our|your|their|its|which|"
            r"what|how|whether|bugs?|features?|performance|reliability|documentation|"
            r"workflows?|users?)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "a time or an event, not data",
        re.compile(
            # "30 seconds after the platform starts up", "Once every 24 hours", "when the
            # extension is started": when data is sent, not what
            r"^\W*(?:\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?)\s+(?:after|before|from)\b|"
            r"once\s+(?:every|a|per|each)\b|every\s+\d+|(?:when|whenever|each time|every time)\s+"
            r"(?:the\s+|an?\s+|you\s+|it\s+)?\w+\s+(?:is|are|was|starts?|runs?|opens?)\b)",
            re.IGNORECASE,
        ),
    ),
    (
        "a group of people, not data",
        re.compile(
            # "EU-based users", "Users from all other countries/regions"
            r"^\W*+(?:[\w-]+-based|all(?:\s+other)?|(?:non-)?(?:eu|eea|us|uk))\s+"
            r"(?:users|customers|residents|citizens|individuals|people)\W*$"
            r"|^\W*+(?:users|customers|people|residents)\s+(?:from|in|of|outside|who)\b",
            re.IGNORECASE,
        ),
    ),
    ("a value or a version, not data", re.compile(r"^\W*v?\d+(?:\.\d+)+\S*\W*$")),
    (
        "a command-line option, not data",
        re.compile(r"^\W*--?[a-z][\w-]*(?:[ =][A-Z_]+)?\W*$", re.IGNORECASE),
    ),
    (
        "a source file, not data",
        re.compile(
            r"^\W*+[\w.-]+(?:/[\w.-]+)*\.(?:py|js|ts|go|rs|java|cs|rb|php|json|ya?ml|toml)\W*$"
        ),
    ),
    (
        "a limit or a quality of data, not data",
        re.compile(
            r"^\W*+(?:(?:[\w-]+\s+){0,3}only|read-only|revocable|encrypted(?: in transit| at "
            r"rest)?|deletion|shared|anonymous|anonymi[sz]ed|aggregated?)\W*$",
            re.IGNORECASE,
        ),
    ),
    (
        "an organization, not data",
        re.compile(
            r"\s(?:Inc|Ltd|LLC|GmbH|BV|B\.V|ULC|Pty|S\.A|SAS|AG|Corp|Corporation|plc|Limited|"
            r"S\.r\.l|Oy|AB|KK)\.?\W*$"
        ),
    ),
    (
        "the scope of the data after it, not data",
        # "For the connect command", "For all HTTP commands": a lead to what is collected then
        re.compile(r"^\W*for\s+(?:the|all|each|every|any)\b", re.IGNORECASE),
    ),
    (
        "words cut off mid-sentence, not a name",
        # "Build related telemetry - but", "whether a get or set was issued and"
        re.compile(r"\s(?:and|or|but|the|a|an)\W*$|\s[-\u2013\u2014]\s*but\W*$", re.IGNORECASE),
    ),
    (
        "a comment in a sample, not data",
        re.compile(r"^_+(?:comment|note|doc|description)s?$", re.I),
    ),
    (
        "a permission the app asks for, not data",
        re.compile(r"^\W*android\.permission\.", re.IGNORECASE),
    ),
    (
        # "- Android: the data is saved in the shared preferences ...": what is done on each
        # platform, under a list of data; the platform is none
        "a platform, not data",
        re.compile(
            r"^\W*+(?:android|i(?:pad)?os|mac ?os(?: x)?|os x|windows|linux|chrome ?os|watchos|"
            r"tvos|wear ?os|web)\W*$",
            re.IGNORECASE,
        ),
    ),
    (
        "a sentence about people, not data",
        re.compile(
            r"^\W*(?:community|user|customer|public)? ?(?:feedback from|input from)\b"
            r"|^\W*community (?:feedback|input|contributions?)\W*$",
            re.IGNORECASE,
        ),
    ),
)


def not_data(name: str) -> str | None:
    """Why an item's name is not data ("a legal basis, not data"), or None when it may be."""
    text = plain(name).strip()
    if not text:
        return "empty"
    for why, pattern in _NOT_DATA:
        if pattern.search(text):
            return why
    if denial(text) is not None and not re.match(r"^[\w' -]{1,40}:", text):
        return "a statement of what is not done, not data"
    return None
