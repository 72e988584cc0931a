"""How optional items are controlled, in the page's own words.

The site asks each optional item to say who turns its collection on or off. Pages say it for a
section or group ("Customers can control the collection of optional data.") or for one item
("The user's email address, if they choose to provide it."). Those sentences become the
``control`` of each optional item that has none: the item's own, its group's and the section's
(one about diagnostic or feedback data only for groups of that kind). Where the page does not
say who decides, the item records ``control: not-stated``, and the report names it: nothing
is made up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from ..model.items import CONTROL_NOT_STATED
from .draft import DataDraft
from .item_text import ItemDraft
from .markup import bullet_sentences, plain, sentences
from .report import PageReport

#: Words that say who decides whether the data is collected.
_CONTROL = re.compile(
    # (not "the choice made": what a person picked in a prompt is data)
    r"\b(?:consent|chooses?|chose|choice(?!\s+(?:made|selected|picked))|"
    r"opt(?:s|ed)?[- ]?(?:in|out)|can control|"
    r"controls? the collection|turn(?:s|ed)? (?:\w+ )?(?:on|off)|disables?|"
    r"enables?(?!\s+(?:us|our|them)\b)|"  # (not "enables us to prioritize": a purpose)
    r"optional to provide|in-app feedback|feedback (?:provided|submitted)|"
    r"(?<!website )(?<!site )(?:honou?r|respect|obey)(?:s|ed)?\s+(?:the\s+)?\S*(?:DO_NOT_TRACK|telemetry|opt[-_ ]?out))\b",
    re.I,
)
#: Words that point to how to decide as a topic of the page ("Below we describe what is
#: collected, how to opt out and why", "To learn more about how to disable it, see"): a signpost
#: to the control, not the control (unlike "Users are reminded of how to disable it").
_SIGNPOST = re.compile(
    r"(?P<lead>\b(?:describes?|explains?|learn|more about|see|read|find out|covers?|outlines?)\b"
    r"[^.]{0,120}?)\bhow (?:to|you (?:can|may))\s+(?:opt(?:[- ]?(?:in|out))?|"
    r"turn (?:\w+ )?(?:on|off)|enable|disable|control|choose)\b",
    re.I,
)


#: A sentence that is only a link (a table of contents' "[Tracking Tools and Opt-Out](#...)"),
#: an admonition's marker line ('!!! info "Always opt-in"') or words in title case with no
#: stop ("Tracking Tools and Opt-Out"): a title, not a sentence.
_TITLE_ONLY = re.compile(
    r"^\W*\[[^\]]*\]\([^()\s]*\)\W*$|^\s*(?:!!!|\?\?\?\+?|:::)"
    r"|^\W*(?-i:[A-Z][\w-]*+)(?:\s++(?:(?:and|or|of|the|to|in|for|a|an|&)\s++)*+(?-i:[A-Z][\w-]*+))++$"
)


def _says_control(text: str) -> bool:
    """Whether a sentence says who decides (a setting in code said with a signpost counts)."""
    words = plain(text)
    if _TITLE_ONLY.match(text) or _TITLE_ONLY.match(words.strip()):
        return False
    return bool(_CONTROL.search(_SIGNPOST.sub(r"\g<lead>", words))) or (
        "`" in text and bool(_CONTROL.search(words))
    )


#: Words that say only why the data is optional.
_WHY_OPTIONAL = re.compile(r"\bnot (?:required|essential|necessary|needed)\b", re.I)
_KINDS = {
    "diagnostic": re.compile(r"\bdiagnostic", re.I),
    "feedback": re.compile(r"\bfeedback", re.I),
}


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[0].upper() + text[1:] if text and text[0].islower() else text
    # (its words' end, not its markup's: "*You can turn it off in Settings.*")
    return text if plain(text).endswith((".", "!", "?")) else text.rstrip(":;, ") + "."


def _sentences(paragraphs: list[str]) -> list[str]:  # (a bullet ends the sentence before it)
    return [_sentence(s) for text in paragraphs for s in bullet_sentences(text) if s.strip()]


def _for_kind(sentence: str, kind: str | None) -> bool:
    """Whether a section's sentence is about a group of this kind (or about all of them)."""
    about = {name for name, pattern in _KINDS.items() if pattern.search(sentence)}
    return not about or kind in about


#: Where a link in a sentence leads (Markdown or HTML).
_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)|\bhref=[\"']([^\"']+)", re.I)


def _targets(text: str) -> set[str]:
    return {"".join(found) for found in _TARGET.findall(text)}


def _unique(found: list[str]) -> list[str]:
    """Each sentence once, however it is marked up (the intro's "uses **opt-in telemetry**"
    and the page's cue, "uses opt-in telemetry", are one sentence), unless its links lead
    elsewhere: the same words with two links keep both (the fuller markup is kept)."""
    kept: dict[str, list[str]] = {}
    for text in found:
        same = kept.setdefault(" ".join(plain(text).split()), [])
        links = _targets(text)
        if not any(links <= _targets(other) for other in same):
            same[:] = [other for other in same if not _targets(other) <= links] + [text]
    return [text for same in kept.values() for text in same]


def _own(item: ItemDraft) -> list[str]:
    """The item's own words (condition, description; never its name) about who decides."""
    found = [item.condition or ""]
    found.extend(sentences(item.description or ""))
    return [_sentence(text) for text in found if text and _says_control(text)]


_LIST_START = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def _list_leads(text: str) -> list[str]:
    """The last sentence of each line of ``text`` that ends with ":" and a list follows."""
    lines = [line for line in text.splitlines() if line.strip()]
    return [
        sentences(line)[-1]
        for line, after in pairwise(lines)
        if line.rstrip().endswith(":") and _LIST_START.match(after) and sentences(line)
    ]


def add_controls(optional: DataDraft, report: PageReport, page: Sequence[str] = ()) -> None:
    """Give each optional item without a control the page's words about its control
    (``page``: the sentences that make the whole page optional, see :func:`~.claims.page_cue`)."""
    general = _sentences(optional.intro) + [_sentence(said) for said in page if _says_control(said)]
    # "If you choose to connect your Fitbit account:": the lead of a list the intro holds as
    # text, said of that list only, not of the groups after it ("If you use Google Maps:").
    leads = {_sentence(lead) for lead in _list_leads("\n".join(optional.intro))}
    for group in optional.groups:
        own_group = _sentences(group.intro) + [_sentence(c) for c in group.condition]
        section = [s for s in general if _for_kind(s, group.kind) and s not in leads]
        strong = [s for s in own_group + section if _says_control(s)]
        weak = [s for s in own_group + section if _WHY_OPTIONAL.search(plain(s))]  # for the report
        for item in group.items:
            if item.control:
                continue
            found = _unique(_own(item) + strong)
            if found:
                item.control = " ".join(found)
                continue
            item.control = CONTROL_NOT_STATED
            why = f" (it says only why it is optional: {' '.join(_unique(weak))!r})" if weak else ""
            report.review(
                item.line,
                "control",
                f"{item.name!r}: the page does not say who turns collection on or off{why}; "
                f"recorded as control: {CONTROL_NOT_STATED}: replace it with a control: line "
                "when you know",
            )
