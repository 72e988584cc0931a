"""The page sections an imported page does not cover, marked as empty.

The site warns about a section the record says nothing about until the record marks it under
``empty_sections``. Each one the page does not cover gets a neutral sentence that names the
product and says what is not given, never what the product does: the page is silent ("No
further reading is listed for Intune."). What counts as content follows
:func:`~privacy_pages.model.sections.section_has_content` (a free-form section counts).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from ..model import SECTION_IDS
from .markup import plain

#: What the page shows, per section the page does not cover ({name}: the product).
SENTENCES = {
    "required-data": "No required data is listed for {name}.",
    "optional-data": "No optional data is listed for {name}.",
    "data-use": "How {name} uses the data is not described beyond the overview.",
    "never-collected": "No data is listed that {name} never collects.",
    "storage-and-retention": "No retention period is given for {name}, and no storage details "
    "beyond the overview.",
    "data-access-and-security": "How access to the data of {name} is protected is not described.",
    "your-rights": "How to exercise data subject rights for {name} is not described.",
    "more-information": "No further reading is listed for {name}.",
}

#: What the page shows for required or optional data when it lists data without saying which
#: it is (``collected``): that it does not say, never that there is none.
UNSAID = {
    "required-data": "{name} does not say which of the data it collects is required.",
    "optional-data": "{name} does not say which of the data it collects is optional.",
}

_CONTENT: dict[str, Callable[[dict[str, Any]], bool]] = {
    "required-data": lambda r: bool(r.get("required") or r.get("scope")),
    "optional-data": lambda r: bool(r.get("optional")),
    "data-use": lambda r: bool(
        r.get("data_use") or r.get("processed_entities") or r.get("sharing") or r.get("purposes")
    ),
    "never-collected": lambda r: "never_collected" in r,
    "storage-and-retention": lambda r: bool(r.get("storage")),
    "data-access-and-security": lambda r: bool(r.get("access")),
    "your-rights": lambda r: bool(r.get("rights") or r.get("controls") or r.get("controller")),
    "more-information": lambda r: bool(r.get("links") or r.get("next_steps")),
}

#: Words of a page title that name the page, not the product ("Privacy information - …").
_PAGE_WORDS = re.compile(
    r"\b(?:privacy|personal|data|information|statement|policy|notice|collection|collected|"
    r"collects?|in|for|and|of|the|about|telemetry|usage|analytics|statistics|stats|metrics|"
    r"security|safety|anonymous|faq|events?|reporting|diagnostics?|cookies?|terms|access|"
    r"controls?|protection|handling|practices|processing|rights|locations?|residency|use|"
    r"frequently|asked|questions|guide|gdpr|last|updated|effective|date|revised|modified|"
    r"legal|general|crash|errors?|disable|enable|what|how|why)\b"
    r"|[-\u2013\u2014:|,&?/]",
    re.I,
)
#: A name: one word ("vcpkg", "n8n-mcp"), or capitalized words and the words that join them
#: ("Firefox Focus and Firefox Klar"), not words of a topic ("Microphone usage and audio").
_A_NAME = re.compile(
    r"[^\W_][\w.-]*|(?-i:[A-Z\d])[\w.-]*(?:\s+(?:(?:and|or|for|of|on|&)\s+)?(?-i:[A-Z\d])[\w.-]*)+"
)
#: A store or platform whose form a page answers ("Google Data Safety"): not the product.
_STORE = re.compile(r"(?:google|apple|google play|play|app store|android|ios)", re.I)
#: "Data, privacy, and security for Azure X", "Telemetry in Contoso Agent": the page's words,
#: then the product.
_OF_PRODUCT = re.compile(r"^(?P<page>.*\S)\s+(?:for|in|of|on|from)\s+(?P<product>[A-Z].*)$")
_NOTICE_FOR = re.compile(
    r"\bprivacy (?:notice|policy|statement) (?:for|of) "
    r"(?P<name>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})"
)
#: "Grapefruit CLI collects ...": the product, as the first sentence's subject.
_SUBJECT = re.compile(
    r"^(?P<name>(?!(?:We|This|The|Our|These|It|You|If|When|By|In|To)\b)[A-Z][\w.-]*"
    r"(?:\s+[A-Z][\w.-]*){0,3})\s+(?:(?:can|may|will|does|also|only)\s+)?"
    r"(?:collects?|sends?|gathers?|reports?|records?|stores?|processes|tracks?)\b"
)
_TITLE_AFFIXES = (
    re.compile(
        r"^\s*(?:privacy (?:information|statement|policy|notice)|data collection)\s*"
        r"(?:[-\u2013\u2014:|]\s*|\b(?:in|for|of)\b\s*)",
        re.I,
    ),
    re.compile(r"[-\u2013\u2014:|]\s*privacy (?:information|statement|policy|notice)\s*$", re.I),
)
#: "**WalkTracker** is an Android app maintained by ...", at a paragraph's start: the product,
#: said what it is (not "... is a service offered by Google": another company's).
_IS_A = re.compile(
    r"^(?P<name>(?!(?:We|This|The|Our|It|You|If|When)\b)(?-i:[A-Z])[\w-]*"
    r"(?:\s+(?-i:[A-Z])[\w-]*){0,3})\s+is\s+(?:a|an)\s+(?:[\w-]+,?\s+){0,3}?(?:app|application|"
    r"extension|add-on|plugin|tool|cli|library|sdk|service|bot|game|website|program)\b"
    r"(?!\s+(?:offered|provided|operated|run|owned|made)\s+by\b)",
    re.I,
)
#: A run of capitalized words ("Microsoft Managed Desktop", "Defender for Endpoint on iOS").
#: (Tried where a word starts, after a lowercase prefix ("non-Microsoft Edge") or a dash only:
#: from a later capital of the word it would scan the same rest again.)
_PROPER = re.compile(
    r"(?:(?<![\w-])(?:[a-z\d]+-)*+|(?<=^-)|(?<=[^\w-]-))"
    r"(?P<name>[A-Z][\w-]*+(?:\s+(?:(?:for|on|of)\s+)?[A-Z][\w-]*+)+)"
)


def product_name(title: str, intro: list[str], more: Sequence[str] = ()) -> str:
    """The product a page is about, for the sentences above: the title without the words
    that name the page ("Privacy information - X", "Data collection in X"), or, when the title
    names no product ("Privacy and personal data"), the name the introduction repeats, or
    that the page's first text (``more``) says what it is of ("X is an Android app")."""
    name = title.strip()
    for affix in _TITLE_AFFIXES:
        name = affix.sub("", name).strip()
    of = _OF_PRODUCT.match(name)
    if of and not _PAGE_WORDS.sub(" ", of["page"]).strip():
        return of["product"].strip()
    words = name.split()
    while words and not _PAGE_WORDS.sub(" ", words[-1]).strip():
        words.pop()  # "Amethyst Privacy Policy and Terms of Use", "Kit — Privacy & Telemetry"
    kept = " ".join(words)
    if words != name.split() and _A_NAME.fullmatch(kept) and not _STORE.fullmatch(kept):
        return kept
    if _PAGE_WORDS.sub(" ", name).strip():
        return name
    first = plain(intro[0]).strip() if intro else ""
    if (subject := _SUBJECT.match(first)) and _PAGE_WORDS.sub(" ", subject["name"]).strip():
        return subject["name"]
    if named := _NOTICE_FOR.search(" ".join(plain(p) for p in intro[:2])):
        return named["name"]  # "This privacy notice for Bluebird Apps ("we") describes ..."
    counts = Counter(m["name"] for p in intro for m in _PROPER.finditer(plain(p)))
    # ("Microsoft Viva Insights ... Viva Insights doesn't ...": the name the longer one ends
    # with is said twice; the first said wins a tie)
    said = {
        name: count + sum(c for other, c in counts.items() if other.endswith(f" {name}"))
        for name, count in counts.items()
        if _PAGE_WORDS.sub(" ", name).strip()
    }
    if said and max(said.values()) > 1:
        return max(said, key=lambda name: said[name])
    for paragraph in [*intro, *more][:2]:
        if (named := _IS_A.match(plain(paragraph).strip())) and _PAGE_WORDS.sub(
            " ", named["name"]
        ).strip():
            return named["name"]
    return title.strip()


def empty_sections(record: dict[str, Any], name: str) -> dict[str, str]:
    """``empty_sections`` for the sections a product record leaves empty (in page order)."""
    placed = {str(section.get("after")) for section in record.get("sections", [])}
    result: dict[str, str] = {}
    for section_id in SECTION_IDS:
        has_content = _CONTENT.get(section_id)
        if has_content is None or section_id in placed or has_content(record):
            continue
        said = UNSAID if record.get("collected") else SENTENCES
        result[section_id] = said.get(section_id, SENTENCES[section_id]).format(name=name)

    return result
