"""What a heading or a sentence of a privacy statement means, from its words.

Headings differ from page to page ("Required data", "Data we collect", "Certain End User Data
or Content is never Collected"), so each kind of section is recognized by word patterns,
case-insensitively, in a fixed order of priority: the first kind whose pattern matches wins.
"""

from __future__ import annotations

import re
from enum import StrEnum

from .claims import NOT_WHAT_LEAD, OTHER_PARTY, chosen_not, denial, is_never_heading
from .markup import plain, sentences


class Kind(StrEnum):
    """What a section of a source page is about."""

    NEVER = "never-collected"
    OPTIONAL = "optional"
    REQUIRED = "required"
    #: Data the page lists without saying whether it is required (treated as required).
    COLLECTED = "collected"
    ENTITIES = "entities"
    #: How to turn collection off for the whole product ("Opting out", "Disable telemetry").
    CONTROLS = "controls"
    #: Who receives the data ("Data sharing", "May disclose information to", subprocessors).
    SHARING = "sharing"
    STAFF = "staff-locations"
    RETENTION = "retention"
    LOCATION = "storage-location"
    STORAGE = "storage"
    RIGHTS = "rights"
    #: Who decides how the data is processed, and its data protection officer (GDPR Art. 13(1)(a-b)).
    CONTROLLER = "controller"
    #: The right to complain to a supervisory authority (GDPR Art. 13(2)(d)).
    COMPLAINT = "complaint"
    #: Whether data leaves the European Economic Area (GDPR Art. 13(1)(f)).
    TRANSFERS = "transfers"
    COMPLIANCE = "compliance"
    ACCESS = "access"
    DATA_USE = "data-use"
    NEXT_STEPS = "next-steps"
    MORE_INFO = "more-information"
    OVERVIEW = "overview"
    UNKNOWN = "unknown"


#: A heading that asks whether one can stop collection ("Can I opt out?", "Can it be
#: disabled?"): its answer says.
CAN_I_OPT_OUT = (
    r"^\W*(?:can|could|may)\s+(?:i|you|we|users?|one|it|this|telemetry|analytics|tracking|"
    r"reporting|data collection)\s+(?:be\s+)?(?:opt|disabl|turn|switch|stop|refuse|decline)"
)


def any_of(*patterns: str) -> re.Pattern[str]:
    """One case-insensitive pattern that matches any of ``patterns``."""
    return re.compile("|".join(patterns), re.IGNORECASE)


# "X, then Y later on the line" (``X.*Y``) and in the sentence (``X[^.]*Y``) are tried from
# the first X of each line or sentence only (any Y after a later X is after the first too):
# trying every X took time quadratic in a text with many X and no Y.


def _then(first: str, then: str) -> str:
    """``first.*then`` (a line holds ``first``, and ``then`` after it), in linear time."""
    return rf"(?<![^\n])(?>.*?{first}).*{then}"


def _then_in_sentence(first: str, then: str) -> str:
    """``first[^.]*then`` (``then`` after ``first``, with no ``.`` between), in linear time."""
    return rf"(?<![^.])(?>[^.]*?{first})[^.]*{then}"


#: (kind, pattern), in order of priority.
#: "Events", "Tracked events", "Events (and allowed properties)": a heading that is only the name
#: of what is recorded, over data (its sub-headings are each one record: "Events: command").
#: "App Store", "Play Store": a shop's name, where "store" says nothing of keeping data.
_NOT_A_SHOP = "".join(rf"(?<!\b{shop} )" for shop in ("app", "play", "web", "microsoft", "windows"))
_RECORDS_HEADING = (
    r"^\W*(?:(?:tracked|telemetry|analytics|usage|collected|recorded)\s+)?"
    r"(?:events?|properties|fields|attributes|metrics)"
    # "Event types", "Events we track", "Events and properties", "Metrics reference"
    r"(?:\s+(?:types?|reference|list|catalog|we\s+(?:track|collect|send|record)|"
    r"and\s+(?:their\s+)?(?:properties|fields|attributes)))?"
    r"[^\w(]*+(?:\([^)]*\))?\W*+$"
)


#: Shared with others; not "Shared event metadata", "Shared properties": what every event carries.
_SHARED = (
    r"shar(?:e|es|ing)|shared(?!\s+(?:event\s+)?(?:metadata|properties|fields|attributes|"
    r"dimensions|context)\b)"
)


def names_records(title: str) -> bool:
    """Whether a heading only names the records data is sent in ("Events")."""
    return re.match(_RECORDS_HEADING, plain(title), re.IGNORECASE) is not None


HEADING_RULES: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (
        Kind.NEVER,
        any_of(
            _then(r"\bnever\b", r"\bcollect"),
            _then(r"\bcollect\w*\b", r"\bnever\b"),
            _then(r"\b(?:not|n't|don't|doesn't|do not|does not|no)\b", r"\bcollect"),
            # "What is NOT stored", "What we don't log"
            r"^\W*what\s+(?:is|are|we|gets?)\s+(?:not|never|do not|don't)\s+(?:sen[dt]|stored?|"
            r"log(?:ged)?|track(?:ed)?|record(?:ed)?|kept|keep|saved?|upload(?:ed)?|"
            r"transmit(?:ted)?)\W*$",
        ),
    ),
    (
        Kind.CONTROLS,
        any_of(
            CAN_I_OPT_OUT,  # ("Can it be disabled?": answered No, see statement.read_section)
            r"\bopt(?:ing)?[- ]?out\b",
            r"\b(?:disabl(?:e|ing)|turn(?:ing)? off|switch(?:ing)? off)\b.{0,40}"
            r"\b(?:telemetry|analytics|collection|metrics|reporting|tracking|usage data)\b",
            r"\bhow (?:can (?:i|you)|do (?:i|you)|to) (?:disable|turn (?:\w+ )?off|opt)\b",
            # "How to enable telemetry": a setting, in either direction
            r"\bhow (?:can (?:i|you)|do (?:i|you)|to) (?:re-?)?enable\b.{0,30}"
            r"\b(?:telemetry|analytics|collection|metrics|reporting|tracking)\b",
            r"\benable ?/ ?disable\b",
            r"\btoggl(?:e|es|ed|ing)\b",  # "Anonymous reporting can be toggled any time using:"
            r"^\W*(?:re-?)?enabl(?:e|ing)\b.{0,30}\b(?:telemetry|analytics|collection|metrics)\b",
            r"\b(?:configur|manag|control)(?:e|es|ed|ing)?\b.{0,30}"
            r"\b(?:telemetry|analytics|data collection|diagnostic data|usage data)\b",
            r"^\W*disabl(?:e|ing)(?: switch(?:es)?)?\W*$",  # ("Disable", "Disable Switch")
            # A page about what is collected, with a section of its own on how to set it.
            r"^\W*+(?:configuration|configuring|settings|options)(?:\s*+\{[^{}]*+\})?+\W*+$",
            r"\byour choices\b",
            # "Choice and control over the program", "Managing your privacy".
            r"\bchoices? and controls?\b",
            r"\b(?:manag|control)(?:e|es|ed|ing)? (?:your )?(?:privacy|participation|consent)\b",
            r"\bnot to (?:send|collect|share|upload)\b",  # "can be configured not to send"
            r"\b(?:ways|mechanisms|methods) to (?:opt out|turn off|disable|stop)\b",
            r"\b(?:privacy controls|(?:following|these) (?:settings|options|policies|values))\b",
            r"\b(?:policy|privacy) (?:settings|options)\b",
        ),
    ),
    (
        Kind.CONTROLLER,
        any_of(
            r"^\W*(?:the |data |our )?(?:identity (?:and contact details )?of the |name and "
            r"(?:contact )?(?:details|address) of the )?controller\b",
            r"^\W*(?:who is|who's) responsible\b",
            r"^\W*responsible (?:party|body|entity|person)\b",
            r"^\W*data protection officer\W*$",
        ),
    ),
    (
        Kind.COMPLAINT,
        any_of(
            r"\bsupervisory authorit",
            r"\b(?:data protection|privacy) (?:authorit|regulator)",
            r"^\W*(?:(?:the )?right to (?:lodge |file |make )?(?:a )?)?complaints?\b",
            r"^\W*right of appeal\b",
        ),
    ),
    # Why processing is lawful is said per purpose: before "GDPR" makes it a rights heading.
    (
        Kind.DATA_USE,
        any_of(
            r"\b(?:legal|lawful) (?:bas[ie]s|grounds?)\b",
            # "How we use telemetry" (before a heading that names the data is the data's)
            r"^\W*how (?:we|do we|does \w+) (?:use|process)\b",
        ),
    ),
    (
        Kind.TRANSFERS,
        any_of(
            r"\b(?:international|cross-?border|overseas|third[- ]countr(?:y|ies))\b.{0,20}"
            r"\btransfers?\b",
            r"\btransfers?\b.{0,40}\b(?:outside|abroad|third countr|EEA|European Economic Area|"
            r"European Union|EU)\b",
        ),
    ),
    (
        Kind.OPTIONAL,
        any_of(
            r"\b(?:optional|opt[- ]?in)\b",
            r"\bvoluntar",
            r"\b(?:not|non-?)\s*(?:required|mandatory|essential|necessary)\b",
        ),
    ),
    (
        Kind.REQUIRED,
        any_of(
            r"\b(?:required|mandatory|essential|necessary)\b",
            r"^\W*always\s+(?:collected|sent|transmitted|recorded)\W*$",
        ),
    ),
    (
        Kind.COLLECTED,
        any_of(
            r"\b(?:data|information)\b.{0,40}\bcollect(?:ed|s)?\b",
            r"^\W*(?:(?:what|which) )?(?:data|information|telemetry|events?|fields?|metrics|"
            r"properties)\s+(?:is |are |we |gets? )?(?:sent|transmitted|reported|uploaded|"
            r"gathered|recorded|tracked|shared with us|collect(?:ed)?)"
            r"(?:\s+(?:in|with|by|to|from)\s[^?.]*)?(?:\W+and\s+why)?\W*$",  # "... sent in the usage report?"
            r"\bcollect(?:ed|s)?\b.{0,40}\b(?:data|information)\b",
            r"\btypes? of (?:personal )?(?:data|information)\b",
            # "Examples of customer content", "Types of usage data": what the data is.
            r"^\W*(?:examples?|types?|kinds?|categories) of\s+(?!(?:how|recipients?|processing|"
            r"purposes?|uses?|sharing|third|partners?|processors?)\b)",
            r"\bwhat\b.{0,40}\bcollect(?:ed|s|ing)?\b",
            # "What is sent", "What we track", "What gets recorded"
            r"^\W*what\s+(?:is|are|we|gets?|do we|does (?:it|the \w+))\s+(?:sen[dt]|transmit(?:ted)?|"
            r"report(?:ed)?|upload(?:ed)?|track(?:ed)?|record(?:ed)?|log(?:ged)?|stored?|kept|keep|"
            r"saved?)(?:\W+and\s+(?:why|how|when|what for))?\W*$",  # "What is sent and why"
            r"^\W*we (?:do |also )?collect\W*$",  # "We DO collect", beside "We DON'T collect"
            # "2. Personal data we process", "What data does X process?": the data, not its use
            r"^[\W\d]*(?:(?:what|which)\s+)?(?:personal\s+)?(?:data|information)\s+(?:that\s+)?"
            r"(?:(?:do\s+)?we|does\s+[\w\s-]{1,40}?)\s+(?:process|receive|hold|obtain|store)\w*"
            r"(?:\s+(?:about|from)\s+you)?\W*$",
            # "The data that the Quadrant app uses", "Data we use": which data, not what for
            r"^[\W\d]*(?:the\s+)?(?:data|information)\s+(?:that\s+|which\s+)?(?:we|(?:the\s+)?"
            r"(?:[\w-]+\s+)?(?:app|application|extension|tool|cli|sdk|service|plugin))\s+uses?\W*$",
            r"\b(?:(?:data|information) collection|collecting|data ?(?:items|points|elements))\b",
            # "Telemetry", "CLI telemetry", "Example telemetry events": a heading that names the
            # data ("How telemetry helps", "Will telemetry slow down my CLI?" do not).
            r"\b(?:telemetry|usage|analytics|diagnostic) data\b",
            _RECORDS_HEADING,
            # ("Viewing all telemetry events" is how to see them, not what they are.)
            r"^\W*+(?!(?:view|review|inspect|see|show|display|debugg?)\w*\b)"
            r"(?:[\w-]++\s+){0,3}?(?:telemetry|analytics)"
            r"(?:\s+(?:data|events?|information|details|collected|reporting))?\W*$",
        ),
    ),
    (Kind.ENTITIES, any_of(r"\bentities\b")),
    (
        Kind.STAFF,
        any_of(
            r"\b(?:staff|personnel|employees)\b",
            _then(r"\bteams?\b", r"\blocat"),
            r"\bwho (?:can )?(?:access|handles?)\b",
        ),
    ),
    (Kind.RETENTION, any_of(r"\b(?:retention|how long|kept|deletion)\b", r"\bretain")),
    (
        Kind.LOCATION,
        any_of(
            r"\b(?:data|storage|processing) (?:location|residency)s?\b",
            _then(r"\bwhere\b", r"\b(?:data|stored|store|process)"),
            r"\b(?:datacenters?|data centers?)\b",
        ),
    ),
    # (not "App Store privacy report": a shop, not where data is kept)
    (Kind.STORAGE, any_of(rf"\b(?:storage|stor(?:ed|es|ing)|{_NOT_A_SHOP}store)\b", r"\bresiden")),
    (
        Kind.SHARING,
        any_of(
            rf"\b(?:{_SHARED}|disclos(?:e|es|ed|ing)|third[- ]part(?:y|ies)|"
            r"(?:sub-?)?processors|recipients?)\b"
        ),
    ),
    (
        Kind.RIGHTS,
        any_of(
            r"\bdata subject",
            r"\b(?:dsrs?|gdpr|ccpa|rights?|privacy requests?)\b",
            r"\b(?:delete|export|access|correct)\w* (?:your |personal )?(?:data|information)\b",
        ),
    ),
    (Kind.COMPLIANCE, any_of(r"\bcomplian", r"\bcertif", r"\b(?:iso|soc ?[12]|audits?)\b")),
    (Kind.ACCESS, any_of(r"\b(?:access|security|secur(?:e|ed|ing))\b", r"\bprotect", r"\bencrypt")),
    (
        Kind.DATA_USE,
        any_of(
            r"\b(?:us(?:e|es|ed|age|ing)|process(?:ing|ed|es)?|purposes?|profiling|marketing|"
            rf"advertising|{_SHARED})\b",
            r"^\W*why\W*$",
        ),
    ),
    (Kind.NEXT_STEPS, any_of(r"\bnext steps?\b")),
    (
        Kind.MORE_INFO,
        any_of(
            r"\b(?:more information|see also|learn more|resources|references|contact us|"
            r"additional information|further reading)\b",
            # (a page's own "Contact Information": how to reach its publisher, not data)
            r"^\W*(?:contact|contacting us|how to contact us)(?: information| details)?\W*$",
            r"\brelated (?:articles?|topics?|content|links|information|documentation)\b",
        ),
    ),
    (
        Kind.OVERVIEW,
        any_of(
            r"\b(?:overview|introduction|about|summary)\b",
            r"\blast (?:updated|modified|revised|reviewed)\b",
            r"\beffective (?:date|as of|from)\b",
        ),
    ),
)

#: The page section (the H2 skeleton of a product page) each kind belongs to.
PAGE_SECTION: dict[Kind, str] = {
    Kind.NEVER: "never-collected",
    Kind.OPTIONAL: "optional-data",
    Kind.REQUIRED: "required-data",
    Kind.COLLECTED: "collected-data",
    Kind.ENTITIES: "data-use",
    Kind.CONTROLS: "your-rights",
    Kind.SHARING: "data-use",
    Kind.STAFF: "storage-and-retention",
    Kind.RETENTION: "storage-and-retention",
    Kind.LOCATION: "storage-and-retention",
    Kind.STORAGE: "storage-and-retention",
    Kind.RIGHTS: "your-rights",
    Kind.CONTROLLER: "your-rights",
    Kind.COMPLAINT: "your-rights",
    Kind.TRANSFERS: "storage-and-retention",
    Kind.COMPLIANCE: "data-access-and-security",
    Kind.ACCESS: "data-access-and-security",
    Kind.DATA_USE: "data-use",
    Kind.NEXT_STEPS: "more-information",
    Kind.MORE_INFO: "more-information",
    Kind.OVERVIEW: "overview",
    Kind.UNKNOWN: "overview",
}

STORAGE_KINDS = frozenset({Kind.STORAGE, Kind.RETENTION, Kind.LOCATION, Kind.STAFF})
DATA_KINDS = frozenset({Kind.REQUIRED, Kind.OPTIONAL, Kind.COLLECTED})
#: What the GDPR asks a statement to say besides its data, each read into a field of its own.
GDPR_KINDS = frozenset({Kind.CONTROLLER, Kind.COMPLAINT, Kind.TRANSFERS})


#: A heading over where data comes from ("Categories of Sources of Personal Data"): what it
#: lists are sources (you, cookies, partners), not data.
_SOURCES_HEADING = re.compile(r"\bsources?\b", re.IGNORECASE)
_WHY_HEADING = re.compile(r"^\W*why\b", re.IGNORECASE)
#: "Our Commercial or Business Purposes for Collecting Personal Data", "Purposes of
#: processing": what data is for, whatever else the heading names.
_PURPOSES_HEADING = re.compile(
    r"^\W*(?:(?:our|the|your|business|commercial|or|and|processing)\s+){0,4}purposes?\b"
    # ("X requires the user's email with the following purposes:": a list of purposes)
    r"|^(?!.*\b(?:collect|gather|shar|disclos)\w*).*\b(?:with|for) the following purposes?\W*$",
    re.IGNORECASE,
)


def is_purposes_heading(text: str) -> bool:
    """Whether a heading says it is over what data is for ("Why ...", "Purposes of ...")."""
    words = plain(text)
    return bool(_WHY_HEADING.match(words) or _PURPOSES_HEADING.match(words))


def is_sources_heading(text: str) -> bool:
    """Whether a heading is over where data comes from, not over the data."""
    return _SOURCES_HEADING.search(plain(text)) is not None


#: "Is telemetry required?": a question whose answer, not its words, says the requirement.
_YES_NO = re.compile(
    r"^\W*+(?:is|are|do|does|can|will|must|should|am)\b(?:.*\w)?(?>\W*?\?)\W*+$", re.IGNORECASE
)


#: A heading of what is not kept ("What is NOT stored", "What we don't log"): read as a
#: never-collected section, whose data is not said never to be collected.
_KEEPING_HEADING = re.compile(
    r"^\W*what\s+(?:is|are|we|gets?)\s+(?:not|never|do not|don't)\s+(?:stored?|log(?:ged)?|"
    r"kept|keep|saved?)\W*$",
    re.IGNORECASE,
)


def is_keeping_heading(title: str) -> bool:
    return _KEEPING_HEADING.match(plain(title)) is not None


#: A heading over whose data it is ("Categories of data subjects", "Who we collect data
#: about"): people, not data.
_SUBJECTS_HEADING = re.compile(
    r"\bcategories of (?:data subjects|individuals|persons|people)\b|^\W*(?:who|whom) (?:we|do we) (?:collect|process|hold) (?:\w+ )?"
    r"(?:data|information) (?:about|on|from)\W*$",
    re.IGNORECASE,
)


#: Words of what a later version may take ("What we may collect in the future").
LATER = r"\bin the future\b|\bplan(?:s|ned)? to collect\b"
_LATER = re.compile(LATER, re.IGNORECASE)
_OF_NO_DATA = re.compile(
    r"^\W*(?:required|optional|mandatory)\s+(?:[\w-]+\s+)?(?:features|settings|integrations|"
    r"permissions|modules|add-ons|extensions)\W*$",
    re.IGNORECASE,
)


def classify_heading(text: str) -> Kind:
    """The kind of section a heading introduces (``UNKNOWN`` when no rule matches)."""
    words = plain(text)
    if is_never_heading(words):
        return Kind.NEVER  # "What we never see", "Data we don't send"
    if _SOURCES_HEADING.search(words) or _SUBJECTS_HEADING.search(words) or _LATER.search(words):
        # read by what it holds: a list of sources or of people is no data, nor what may be
        # collected in the future
        return Kind.UNKNOWN
    if is_purposes_heading(words):
        return Kind.DATA_USE  # "Why is telemetry collected?": what it is for, not what it is
    for kind, pattern in HEADING_RULES:
        if pattern.search(words):
            if kind in {Kind.REQUIRED, Kind.OPTIONAL} and (
                _YES_NO.search(words) or _OF_NO_DATA.search(words)
            ):
                # "Is telemetry required?": its answer says, not the words; "Optional
                # features": no data (what the list holds says)
                return Kind.UNKNOWN
            return kind
    return Kind.UNKNOWN


# -- optional data kinds --------------------------------------------------------------------------

_GROUP_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("feedback", any_of(r"\bfeedback\b", r"\bsurvey")),
    ("diagnostic", any_of(r"\bdiagnostic", r"\bcrash", r"\berror\b", r"\bperformance\b")),
    ("telemetry", any_of(r"\btelemetry\b", r"\busage\b", r"\banalytics\b")),
)


def optional_kind(*texts: str) -> str:
    """The kind of an optional group (diagnostic, feedback, telemetry or other) from its words,
    tried in order (a group titled "Diagnostic data" whose intro mentions feedback stays so)."""
    for text in texts:
        for kind, pattern in _GROUP_KINDS:
            if pattern.search(text):
                return kind
    return "other"


# -- lead paragraphs ------------------------------------------------------------------------------

_NEVER_LEAD = any_of(
    _then_in_sentence(r"\b(?:never|not|n't)\b", r"\bcollect"),
    # "Microsoft does not send any of the following types of information:"
    _then_in_sentence(
        r"\b(?:never|not|n't)\s+(?:\w+\s+)?(?:sen[dt]|upload|transmit|gather|record|track|store|log)",
        r"\b(?:following|these)\b",
    ),
    _then_in_sentence(r"\bcollect\w*\b", r"\bnever\b"),
    # "Any payload containing these fields is rejected before sending:", "The following
    # fields are stripped before upload:": what never leaves the machine
    _then_in_sentence(
        r"\b(?:rejected|blocked|stripped|redacted|removed|filtered(?: out)?|scrubbed|dropped)\b",
        r"\bbefore\b[^:]*:\s*$",
    ),
    # "The following information isn't included in the query sent to the search service:"
    _then_in_sentence(
        r"\bfollowing\b",
        r"\b(?:is|are)(?:\s+not|n't)\s+(?:included|sent|shared|collected|stored|uploaded)\b",
    ),
    # "None of the following are ever collected:", "We strip the following before upload:",
    # "Excluded from reports:", "Before it is sent, we remove:"
    _then_in_sentence(
        r"\bnone\s+of\s+(?:the\s+following|these)\b",
        r"\b(?:collect|sen[dt]|upload|transmit|gather|record|track|stor|log|includ)",
    ),
    _then_in_sentence(
        r"\b(?:strip|remove|redact|scrub|exclude)s?\s+(?:the\s+following|these)\b",
        r"\bbefore\b[^:]*:\s*$",
    ),
    r"^\W*(?:excluded|stripped|redacted|scrubbed)\s+(?:from|before)\b[^:.]*:\s*$",
    # "Under no circumstances do we collect:", "We refrain from collecting:"
    _then_in_sentence(
        r"\b(?:under no circumstances|at no time|in no case|on no account|refrain\w* from|"
        r"abstain\w* from)\b",
        r"\b(?:collect|sen[dt]|upload|transmit|gather|record|track|stor|log|process)",
    ),
    # "Telemetry excludes:", "The following is off-limits for us:"
    r"\bexclud(?:es|ed)\s*:\s*$|\boff[- ]limits\b[^:.]*:\s*$",
    # "The following are removed from reports:", "Scrubbed fields:"
    _then_in_sentence(
        r"\bfollowing\b",
        r"\b(?:is|are)\s+(?:always\s+)?(?:removed|stripped|redacted|scrubbed|excluded)\s+from\b"
        r"[^:.]*:\s*$",
    ),
    r"^\W*(?:excluded|stripped|redacted|scrubbed|removed)\s+(?:fields|data|values|information|"
    r"properties|attributes|keys)\W*$",
    _then_in_sentence(r"\bbefore\b", r"\b(?:strip|remove|redact|scrub)s?\s*:\s*$"),
)
_APPLIES_TO = re.compile(r"^\W*applies\s+to\W*$", re.IGNORECASE)
_APPLIES_TO_INLINE = re.compile(r"^\W*applies\s+to\s*:?\**\s*:?\s*(?P<rest>.+)$", re.IGNORECASE)


#: "We will never:", "The CLI does not:": a denial whose verbs start the bullets below.
_DENIES_IN_BULLETS = re.compile(r"(?:\bnever|\bnot|n't)\s*:\s*$", re.IGNORECASE)


def denies_in_bullets(text: str) -> bool:
    """Whether a paragraph ends in a denial that its list's bullets finish ("We will never:")."""
    parts = sentences(plain(text))
    return bool(parts) and _DENIES_IN_BULLETS.search(parts[-1]) is not None


#: "..., with the exception that our server collects the following:": what follows the
#: exception is what is taken in, whatever the sentence denied before it.
_EXCEPTION = re.compile(
    # (from a sentence's first such word only: a later one would scan the same rest again)
    r"(?:^|\.)(?>[^.]*?\b(?:with the exception (?:that|of)|except(?: that| for)?|other than|"
    r"apart from|besides|but)\b)(?P<rest>[^.]*)$",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:no|not|never|none)\b|n't\b", re.IGNORECASE)
#: "Telemetry is never sent unless you explicitly enable it:": the list is how to enable it (not
#: "Unless otherwise noted, we never collect:", nor "unless required by law:").
UNLESS_YOU_LEAD = re.compile(
    r"(?:\b(?:never|not|no)\b|n't\b)[^:]*?\b(?:unless|until)\s+you\b(?![^:]*\bwe\b)"
    r"[^.,;:]*:\s*$",
    re.IGNORECASE,
)


def is_never_lead(text: str) -> bool:
    """Whether a paragraph's last sentence introduces a list of data never collected."""
    parts = sentences(plain(text))
    if not parts:
        return False
    last = parts[-1]
    if chosen_not(last):
        return False  # "can be configured not to send information through the following:"
    if UNLESS_YOU_LEAD.search(last):
        return False  # "Telemetry is never sent unless you enable it:" (then it is), and how
    if OTHER_PARTY.match(last) or NOT_WHAT_LEAD.search(last):
        return False  # "Our partners do not collect:", "We do not collect data about:"
    exception = _EXCEPTION.search(last)
    if exception and denial(exception["rest"]) is None and not _NEGATION.search(exception["rest"]):
        return False  # the list is the exception: what is collected
    return (
        bool(_NEVER_LEAD.search(last))
        or (last.rstrip().endswith(":") and denial(last) is not None)
        or denies_in_bullets(last)
    )


_PURPOSE_LEAD = any_of(
    # "This helps us understand:", "The data we collect helps us:"
    # (not "... sends the following to help us fix bugs:": data, then what it is for)
    r"(?<!\bto )\bhelps?\s+(?:us|me|the\s+\w+\s+team)\b[^.]{0,30}:\s*$",
    _then_in_sentence(
        r"\b(?:enables?|allows?|helps?|lets?|is used|are used|used)\b", r"\bto:?\s*$"
    ),
    _then_in_sentence(r"\bpurposes?\b", r":\s*$"),
    # "Data is collected to:" (not "collected includes, but is not limited to:")
    r"\b(?:collected|processed)\s+to\s*:\s*$",
    # ("We use the collected information to:")
    _then_in_sentence(
        r"\b(?:we|it) use[sd]? (?:this|the|your|such|that)(?: [\w-]+){0,2} (?:data|information)\b",
        r":\s*$",
    ),
)


def is_purpose_lead(text: str) -> bool:
    """Whether a paragraph introduces a list of purposes ("This data enables X to:"), not data."""
    return bool(_PURPOSE_LEAD.search(plain(text)))


def is_applies_to(text: str) -> bool:
    return bool(_APPLIES_TO.match(plain(text)))


def applies_to_inline(text: str) -> str | None:
    """The rest of an "Applies to: ..." paragraph that names what it applies to on one line."""
    match = _APPLIES_TO_INLINE.match(text.strip())
    if match is None or _APPLIES_TO.match(plain(text)):
        return None
    return match.group("rest").strip()


# -- conditions ----------------------------------------------------------------------------------

#: A sentence that states when a whole group of data is collected.
_GROUP_CONDITION = any_of(
    r"\bcollected only (?:when|if|with|after|once|for users who)\b",
    r"\bonly collected (?:when|if|with|after|once)\b",
    r"\bis only collected\b",
    r"\bare only collected\b",
    r"\bonly (?:when|if) (?:the )?(?:user|admin|administrator|customer)s?\b",
)


def is_group_condition(sentence: str) -> bool:
    return bool(_GROUP_CONDITION.search(sentence))


#: Where a condition starts inside an item's text.
_CONDITION_START = re.compile(
    r"(?:,\s*|(?<!\s)\s+)(?=(?:only\s+|except\s+)?(?:when|if|whenever|unless|once)\b)"
    r"|(?:,\s*|(?<!\s)\s+)(?=only\s+(?:with|after|for users who)\b)",
    re.IGNORECASE,
)
#: A noun that an "if" clause completes, meaning "whether": "Indication if X was used" names one
#: piece of data, not the data "Indication" collected if X was used.
_WHETHER = re.compile(
    r"\b(?:indication|indicator|flag|boolean|signal|marker|check|detection|information|info)s?$",
    re.IGNORECASE,
)
#: A name that ends on a preposition governs the clause after it: not a condition.
_PREPOSITION_LAST = re.compile(
    r"\b(?:from|since|until|till|to|of|about|at|by|on|for|in|with|after|before)$", re.IGNORECASE
)
#: A verb of knowing whose object is the clause after it: "To understand when the program is
#: used" says why, not when.
_KNOWING_LAST = re.compile(
    r"\bto\s+(?:\w+\s+)?(?:understand|know|see|learn|tell|determine|find out|decide|show|"
    r"measure|estimate)$",
    re.IGNORECASE,
)
#: A denied verb of taking data in, with no object before the clause: "We don't track when you
#: run the scanner" denies tracking *when*, it states no case.
_DENIED_LAST = re.compile(
    r"(?:\bnot|\bnever|n't)\s+(?:\w+\s+)?(?:track|log|record|collect|store|save|know|see|"
    r"measure|count|monitor)s?$",
    re.IGNORECASE,
)
#: Words that show the text before a condition is a sentence, not the name of some data.
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|will|would|can|could|may|might|must|should|has|have|had|does|do|did)\b",
    re.IGNORECASE,
)


def split_condition(text: str) -> tuple[str, str | None, str]:
    """Split "NAME, only when CONDITION. REST" into its three parts when that is reliable (the
    name a noun phrase of at most 12 words, the condition a clause of two or more words that
    ends the sentence); else ``(text, None, "")``."""
    parts = sentences(text)
    if not parts:
        return text, None, ""
    first, rest = parts[0], " ".join(parts[1:])
    match = _CONDITION_START.search(first)
    if match is None:
        return text, None, ""
    name = first[: match.start()].strip().rstrip(",;:")
    if "," not in first[: match.end()] and _WHETHER.search(plain(name)):
        return text, None, ""  # "Indication if the logger was used": the data is whether it was
    knowing = _KNOWING_LAST.search(plain(name)) and not re.match(
        r",|\s+only\b", first[match.start() :]
    )
    if _PREPOSITION_LAST.search(plain(name)) or knowing or _DENIED_LAST.search(plain(name)):
        return text, None, ""  # "Duration of the build - from when it was requested"
    condition = first[match.end() :].strip()
    condition = condition[:-1] if condition.endswith(".") else condition
    plain_name = plain(name)
    if not plain_name or len(plain_name.split()) > 12 or _VERB.search(plain_name):
        return text, None, ""
    if len(condition.split()) < 2 or "[" in condition or "](" in condition:
        return text, None, ""
    if name.count("(") != name.count(")"):
        return text, None, ""
    return name, condition, rest
