"""Storage facts written in prose: retention periods, storage locations and staff locations.

Pages say "Personal data is retained for a maximum of 30 days" or "The operations teams are
located in the United States and India". Each sentence is read on its own; what it says beyond
the structured fields ("except for alert data") is kept as the rule's note, or as leftover.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .markup import plain

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
    r"\b(?:retain(?:s|ed)?|kept|keeps?|stor(?:e|es|ed)|held|holds?|delet(?:e|es|ed)|"
    r"purg(?:e|es|ed)|remov(?:e|es|ed)|maintain(?:s|ed)?|preserv(?:e|es|ed)|archived?|"
    r"eras(?:e|es|ed)|destroy(?:s|ed)?)\b",
    re.IGNORECASE,
)
_PASSIVE = re.compile(
    r"^(?P<data>.+?)(?<!\s)\s+(?:is|are|will\s+be|gets?|can\s+be|may\s+be|must\s+be|shall\s+be)\s+"
    r"(?:\w+ly\s+)?(?:retained|kept|stored|held|deleted|purged|removed|maintained|preserved|"
    r"archived|erased|destroyed)\b",
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


def retention_rule(sentence: str) -> RetentionRule | None:
    """A retention rule stated by one sentence, or ``None``."""
    text = plain(sentence)
    duration = DURATION.search(text)
    if duration is None or not RETAIN_VERB.search(text):
        return None
    period = " ".join(duration.group(0).split())
    subject = _PASSIVE.match(text)
    data: str | None = None
    if subject and subject.end() <= duration.start() + len(duration.group(0)):
        data = subject.group("data").strip()
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
    if (DURATION.search(text) and not with_period) or not _STORE_VERB.search(text):
        return []
    if _STAFF_WORD.search(text) and _STAFF_VERB.search(text):
        return []
    return places(text)


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
