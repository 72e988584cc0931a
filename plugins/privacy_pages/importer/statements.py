"""Storage facts written in prose: retention periods, storage locations and staff locations.

Pages say "Personal data is retained for a maximum of 30 days" or "The operations teams are
located in the United States and India". Each sentence is read on its own; what it says beyond
the structured fields ("except for alert data") is kept as the rule's note, or as leftover.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .markup import page_lines, plain, prose_sentences

# -- places --------------------------------------------------------------------------------------

#: Countries and regions a statement may name as a storage or staff location.
PLACES: tuple[str, ...] = tuple(
    re.split(
        ", ",
        "United States, United Kingdom, European Union, European Economic Area, Europe, India, "
        "Canada, Australia, Japan, Germany, France, Ireland, Netherlands, Switzerland, Norway, "
        "Sweden, Finland, Denmark, Austria, Belgium, Poland, Italy, Spain, Portugal, Brazil, "
        "Mexico, South Africa, Singapore, Hong Kong, China, Taiwan, South Korea, Korea, "
        "New Zealand, Israel, Qatar, United Arab Emirates, Philippines, Malaysia, Indonesia, "
        "Vietnam, Costa Rica, Chile, Argentina, Colombia, Egypt, Nigeria, Kenya, Asia Pacific, "
        "North America, South America, Latin America, Middle East, Africa, Asia",
    )
)
_ABBREVIATED = {
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "UK": "United Kingdom",
    "EU": "European Union",
    "EEA": "European Economic Area",
    "UAE": "United Arab Emirates",
    "APAC": "Asia Pacific",
}
_PLACE = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(re.escape(p) for p in sorted(PLACES, key=len, reverse=True))
    + "|"
    + "|".join(re.escape(a) for a in sorted(_ABBREVIATED, key=len, reverse=True))
    + r")(?![\w])"
)


def places(text: str) -> list[str]:
    """The countries and regions named in ``text``, in order, without repeats."""
    found: list[str] = []
    for match in _PLACE.finditer(text):
        name = _ABBREVIATED.get(match.group(0), match.group(0))
        if name not in found:
            found.append(name)
    # "Europe" inside "European Union" is never matched (longest first), but a later bare
    # "Asia" after "Asia Pacific" would repeat a region: keep the most specific only.
    return [p for p in found if not any(p != q and p in q for q in found)]


# -- durations -----------------------------------------------------------------------------------

_NUMBER = (
    r"(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|eighteen|twenty|twenty-four|thirty|forty-five|sixty|ninety|"
    r"a|an)"
)
_QUALIFIER = (
    r"(?:(?:a|an|the)\s+)?(?:(?:maximum|minimum|period|total)\s+of\s+|up\s+to\s+|at\s+least\s+|"
    r"at\s+most\s+|no\s+(?:more|longer|later)\s+than\s+|less\s+than\s+|more\s+than\s+|"
    r"within\s+|approximately\s+|about\s+|around\s+)?"
)
_UNIT = r"(?:calendar\s+|business\s+)?(?:days?|weeks?|months?|years?|hours?)"
DURATION = re.compile(
    rf"\b{_QUALIFIER}{_NUMBER}(?:\s*(?:-|\u2013|to)\s*{_NUMBER})?[\s-]+{_UNIT}\b"
    r"(?:\s+(?:after|from|following|of)\s+[^,.;]+)?",
    re.IGNORECASE,
)
RETAIN_VERB = re.compile(
    r"\b(?:retain(?:s|ed)?|kept|keeps?|stor(?:e|es|ed)|held|holds?|delet(?:e|es|ed)|expir(?:e|es)|"
    r"purg(?:e|es|ed)|remov(?:e|es|ed)|maintain(?:s|ed)?|preserv(?:e|es|ed)|archived?|"
    r"eras(?:e|es|ed)|destroy(?:s|ed)?)\b",
    re.IGNORECASE,
)
_PASSIVE = re.compile(
    r"^(?P<data>.+?)(?<!\s)\s+(?:is|are|will\s+be|gets?|can\s+be|may\s+be|must\s+be|shall\s+be)\s+"
    # ("are sent to PostHog and kept for 12 months": the second verb of the same subject)
    r"(?:[\w-]+(?:,?\s+[\w-]+){0,9}\s+and\s+)??"
    r"(?:\w+ly\s+)?(?:retained|kept|stored|held|deleted|purged|removed|maintained|preserved|"
    r"archived|erased|destroyed)\b"
    r"|^(?P<expiring>.+?)(?<!\s)\s+expires?\s+(?:after|in|within)\b",  # "Data expires after 90 days"
    re.IGNORECASE,
)
#: ``VERB\s+(?P<data>.+?)\s+(?:for|after|…)\b``, tried from the first verb of the text only:
#: in one line (retention_rule reads plain text), when that verb has no "for" after it, no later
#: one has (trying each verb against the rest of the line took time quadratic in a line of verbs).
_ACTIVE = re.compile(
    r"(?<![^\n])(?>.*?"
    r"(?P<verb>\b(?:retains?|keeps?|stores?|holds?|deletes?|purges?|maintains?|preserves?))\s+)"
    r"(?P<data>.+?)\s+(?:for|after|within|up\s+to)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^(?:it|this|they|these|that|those|we|you)$", re.IGNORECASE)
#: "that data", "such data": which data depends on the sentence before, so no rule is made.
_DEICTIC = re.compile(r"^(?:this|that|these|those|such|said)\b", re.IGNORECASE)
_EXCEPT = re.compile(
    r"\b(?:except(?:\s+for)?|other\s+than|excluding|apart\s+from)\s+(?:the\s+)?(?P<what>[^,.;]+)",
    re.IGNORECASE,
)

# -- locations -----------------------------------------------------------------------------------

_STORE_VERB = re.compile(
    r"\b(?:stor(?:e|es|ed|ing|age)|located|hosted|host(?:s|ing)?|resid(?:e|es|ing|ency)|"
    r"kept|process(?:ed|es)?|datacenters?|data\s+centers?)\b",
    re.IGNORECASE,
)
_STAFF_WORD = re.compile(
    r"\b(?:teams?|staff|personnel|engineers?|employees|operators|operations|support|people)\b",
    re.IGNORECASE,
)
_STAFF_VERB = re.compile(
    r"\b(?:located|based|work(?:s|ing)?|operate[sd]?|sit(?:s|uated)?)\b", re.IGNORECASE
)
_STAFF_SUBJECT = re.compile(
    r"^(?P<teams>.+?)(?<!\s)\s+(?:are|is)\s+(?:\w+ly\s+)?(?:located|based|situated)\b"
    r"|^(?P<teams2>.+?)(?<!\s)\s+(?:work|works|operate|operates)\s+(?:from|in|out\s+of)\b",
    re.IGNORECASE,
)


@dataclass
class RetentionRule:
    data: str
    period: str
    note: str | None = None
    exceptions: list[RetentionRule] = field(default_factory=list)
    #: What an "except for ..." clause names, to attach later sentences as exceptions.
    excepted: str | None = None


@dataclass
class StaffStatement:
    locations: list[str]
    teams: str | None
    sentence: str


_FILLER = frozenset(
    re.findall(
        r"\S+",
        "a an the of for is are be been was were will by in and or to its their our up maximum "
        "minimum period total at least most no more longer than less about around approximately "
        "data kept retained stored held deleted located based work works we our your keep keeps "
        "retain retains store stores hold holds delete deletes",
    )
)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def residual(sentence: str, *parts: str) -> list[str]:
    """The words of ``sentence`` that none of ``parts`` (nor filler words) account for."""
    covered = set(_FILLER)
    for part in parts:
        covered.update(_words(part))
    return [w for w in _words(sentence) if w not in covered]


def says_period(sentence: str) -> bool:
    """Whether a sentence says for how long data is kept ("They are kept for 30 days")."""
    text = plain(sentence)
    return bool(DURATION.search(text) and RETAIN_VERB.search(text))


#: Words beside :data:`RETAIN_VERB` that say data is kept or dropped ("Data retention: 90 days").
_KEEPING = re.compile(
    r"\b(?:retention|sav(?:e|es|ed)|expir(?:e|es|ed)|wip(?:e|es|ed)|swept|cleared)\b", re.IGNORECASE
)
#: A period without a number ("until you delete it", "as long as the account exists").
_OPEN_ENDED = re.compile(
    r"\b(?:until|as\s+long\s+as|permanent(?:ly)?|indefinitely|long[- ]term|forever)\b",
    re.IGNORECASE,
)
#: A duration that says how often, not how long ("sent every 24 hours").
_HOW_OFTEN = re.compile(r"\b(?:every|each|per|once\s+(?:a|an|every))\s*$", re.IGNORECASE)
#: The header of a table column of periods.
_PERIOD_COLUMN = re.compile(
    r"\b(?:retention|retained|kept|how\s+long|duration|period|lifetime|deleted|expir\w*)\b",
    re.IGNORECASE,
)
_DELIMITER_ROW = re.compile(r"^\s*+\|?\s*+:?-{2,}+:?\s*+(?:\|\s*+:?-{2,}+:?\s*+)*+\|?\s*+$")
#: A denial right before a verb of dropping ("not deleted when you uninstall").
_NOT_BEFORE = re.compile(r"(?:\bnot|\bnever|n't)\s+(?:be\s+)?$", re.IGNORECASE)
#: Data dropped at an event ("deleted as soon as the purpose ceases to apply").
_DROPPED_AT = re.compile(
    r"\b(?:(?:delet|eras|purg|destroy|discard|anonymi[sz])\w*|remov(?:es|ed|ing)|clear(?:s|ed|ing)|"
    r"wip(?:es|ed|ing))\s+(?:\w+\s+){0,4}?"
    r"(?:once|as\s+soon\s+as|after|upon|immediately|at\s+the\s+end\s+of|thereafter|"
    # "automatically cleared when you uninstall the extension"
    r"when(?:ever)?\s+you\s+(?:uninstall|remove|delete|clear|sign\s+out|log\s+out|close))\b",
    re.IGNORECASE,
)


#: How long said by a policy the page names ("deleted in accordance with our data retention
#: policies"): no period, but not silence either; the page's words are the retention note.
_BY_POLICY = re.compile(
    r"\b(?:in\s+accordance\s+with|according\s+to|per|under|as\s+(?:set\s+out|described)\s+in)"
    r"\s++(?:(?:our|the|its|their|applicable)\s++)?(?:\w+\s++){0,2}?retention\s+"
    r"(?:polic|schedule|period)",
    re.IGNORECASE,
)


#: A short period without a number ("IP address (short-term, for server communication)", "may
#: temporarily process request logs"): how long, in the page's words, when said of data.
_BRIEFLY = re.compile(
    r"\b(?:temporar(?:y|ily)|short[- ]term|briefly|for a (?:short|limited) (?:time|period))\b",
    re.IGNORECASE,
)
_OF_DATA = re.compile(
    r"\b(?:data|information|address(?:es)?|logs?|metadata|process\w*|cach\w*|collect\w*)\b",
    re.IGNORECASE,
)


def says_how_long(sentence: str) -> bool:
    """Whether a sentence says how long data is kept, in any words: a duration ("deleted
    within 24 hours"), a period without one ("stored until you delete it") or a short one
    said of data ("temporarily processed")."""
    text = plain(sentence)
    if _BRIEFLY.search(text) and _OF_DATA.search(text):
        return True
    if not (RETAIN_VERB.search(text) or _KEEPING.search(text)):
        return False
    dropped = _DROPPED_AT.search(text)
    if dropped and _NOT_BEFORE.search(text, max(0, dropped.start() - 12), dropped.start()):
        dropped = None  # "not deleted when you uninstall the app": kept then
    if _OPEN_ENDED.search(text) or dropped or _BY_POLICY.search(text):
        return True
    return any(not _HOW_OFTEN.search(text[: m.start()]) for m in DURATION.finditer(text))


def periods_said(text: str) -> list[tuple[int, str]]:
    """(line, words) of each place a page (``text``, its lines numbered from 1) says how long
    data is kept: a sentence of its prose or lists, or a table row's period ("Batch manifest:
    7 days"). However few of these the retention rules read, the page gives a period: a record
    never says it gives none."""
    found = [(number, s) for number, s in prose_sentences(text) if says_how_long(s)]
    header: list[str] = []
    column: int | None = None
    for number, line in page_lines(text):
        if not line.lstrip().startswith("|"):
            column = None
        elif _DELIMITER_ROW.match(line):
            columns = [i for i, cell in enumerate(header) if _PERIOD_COLUMN.search(plain(cell))]
            column = columns[0] if columns and columns[0] > 0 else None
        else:
            header = cells = [c.strip() for c in line.strip().strip("|").split("|")]
            period = plain(cells[column]) if column is not None and column < len(cells) else ""
            if DURATION.search(period) or _OPEN_ENDED.search(period):
                found.append((number, f"{plain(cells[0])}: {period}"))
    return sorted(found, key=lambda said: said[0])


#: "Insights have a retention policy of 90 days": the data, then its period.
_HAS_PERIOD = re.compile(
    r"^(?P<data>[^,;:]+?)(?<!\s)\s+(?:has|have)\s+an?\s+retention\s+(?:policy|period|time)\s+of\s+",
    re.IGNORECASE,
)


def retention_rule(sentence: str) -> RetentionRule | None:
    """A retention rule stated by one sentence, or ``None``."""
    text = plain(sentence)
    duration = DURATION.search(text)
    held = _HAS_PERIOD.match(text)
    if duration is None or not (RETAIN_VERB.search(text) or held):
        return None
    subject = held or _PASSIVE.match(text)
    if subject and (after := DURATION.search(text, subject.end())) is not None:
        duration = after  # ("90-day retention: Aggregated data expires after 90 days")
    period = " ".join(duration.group(0).split())
    data: str | None = None
    if subject and subject.end() <= duration.start() + len(duration.group(0)):
        data = (subject.group("data") or subject.group("expiring")).strip()
        data = data.rsplit(": ", 1)[-1]  # "90-day retention: Aggregated data": after the label
    else:
        active = _ACTIVE.search(text)
        if active and active.start("verb") < duration.start():
            data = active.group("data").strip()
    if data and ", " in data:
        data = data.rsplit(", ", 1)[1]  # "At the end of this period, that data" → "that data"
    if not data or _PRONOUN.match(data) or _DEICTIC.match(data) or len(data.split()) > 15:
        return None
    data = data[0].upper() + data[1:]
    rest = residual(text, data, period)
    note = sentence.strip() if rest else None
    excepted = _EXCEPT.search(text)
    return RetentionRule(
        data=data,
        period=period,
        note=note,
        excepted=" ".join(_words(excepted.group("what"))[:2]) if excepted else None,
    )


class ExceptedRules:
    """Rules by the words of their "except for ..." clause: :meth:`find` gives the most recent
    one whose clause is in a later rule's data, without trying every rule: it looks up the
    pieces of those words as long as some clause, or each clause when there are fewer."""

    def __init__(self) -> None:
        self._rules: dict[str, tuple[int, RetentionRule]] = {}
        self._lengths: set[int] = set()
        self._added = 0

    def add(self, rule: RetentionRule) -> None:
        if rule.excepted:
            self._rules[rule.excepted] = (self._added, rule)
            self._lengths.add(len(rule.excepted))
            self._added += 1

    def find(self, rule: RetentionRule) -> RetentionRule | None:
        if not self._rules:
            return None
        words = " ".join(_words(rule.data))
        lengths = [length for length in self._lengths if length <= len(words)]
        found: list[tuple[int, RetentionRule]] = []
        if len(self._rules) <= len(words) * len(lengths):
            found = [self._rules[key] for key in filter(words.__contains__, self._rules)]
        else:
            for length in lengths:
                for start in range(len(words) - length + 1):
                    entry = self._rules.get(words[start : start + length])
                    if entry is not None:
                        found.append(entry)
        return max(found, key=lambda entry: entry[0])[1] if found else None


def storage_places(sentence: str, *, with_period: bool = False) -> list[str]:
    """The places a sentence says data is stored in (empty when it says nothing of the kind);
    ``with_period``: also in a sentence that says for how long ("stored in the EU for 30
    days", read as a retention rule too)."""
    text = plain(sentence)
    if _PLACE_LABEL.match(text):  # "Primary servers: United States (AWS)"
        return places(text)
    if (DURATION.search(text) and not with_period) or not _STORE_VERB.search(text):
        return []
    if _STAFF_WORD.search(text) and _STAFF_VERB.search(text):
        return []
    # "Your data may be processed outside the EU": not there
    return places(_OUTSIDE.sub(" ", text))


#: A label of where data is kept, before a place: "Primary servers: United States (AWS)".
_PLACE_LABEL = re.compile(
    r"^\W*+(?:[\w-]+\s+)?(?:servers?|hosting|data cent(?:er|re)s?|(?:data |storage )?"
    r"(?:regions?|locations?))\s*:",
    re.IGNORECASE,
)
#: A place the data leaves or is not kept in: no place of storage.
_OUTSIDE = re.compile(
    r"\b(?i:outside|out of|beyond)\s+(?i:of\s+)?(?i:the\s+)?(?:[A-Z][\w.-]*(?:\s+|$)){1,4}"
)


def staff_statement(sentence: str) -> StaffStatement | None:
    """Where staff work, when a sentence says so."""
    text = plain(sentence)
    if not (_STAFF_WORD.search(text) and _STAFF_VERB.search(text)):
        return None
    found = places(text)
    if not found:
        return None
    subject = _STAFF_SUBJECT.match(text)
    teams = None
    if subject:
        teams = (subject.group("teams") or subject.group("teams2") or "").strip() or None
    return StaffStatement(found, teams, sentence.strip())
