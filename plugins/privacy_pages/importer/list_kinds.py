"""Lists that are not about data: links to read, steps to follow, a reference of commands or
code names. They stay free text, and the report says what they are, so that a writer knows
they hold no privacy facts. A list is one only by its shape and words, and never when it speaks
of data, collection or its controls (steps to turn telemetry off are a control).
"""

from __future__ import annotations

import re
from enum import StrEnum

from .item_text import split_name
from .markdown_doc import BulletList, ListItem
from .markup import links, plain
from .shapes import leads_no_data


class ListKind(StrEnum):
    LINKS = "links"
    STEPS = "steps"
    REFERENCE = "reference"
    #: A list in a section that is not about privacy (terms of use, child safety...).
    TERMS = "terms"
    #: A table whose first column holds sentences or questions: examples of use.
    EXAMPLES = "examples"
    #: A list its lead says is of something other than data: when ("under the following
    #: conditions:"), or what the product works with or is made of ("the following features").
    OTHER = "other"
    #: Events, each said by when it happens ("Lookup Show: when lookup is presented").
    EVENTS = "events"


#: Why the report keeps each kind of list as free text.
WHY = {
    ListKind.LINKS: "a list of links to read, not about data",
    ListKind.STEPS: "steps to follow, not about data",
    ListKind.REFERENCE: "a reference of commands or code names, not about data",
    ListKind.TERMS: "not about privacy",
    ListKind.EXAMPLES: "a table of examples (its first column holds sentences), not about data",
    ListKind.OTHER: "its lead says what it lists: conditions, services, features or parts, not data",
    ListKind.EVENTS: "a list of events, each said by when it happens: when data is sent, not data",
}

#: Words of a list that is about data, its collection or its controls.
_ABOUT_DATA = re.compile(
    r"\b(?:collect\w*|telemetry|analytics|personal|privacy|diagnostic|usage data|"
    r"tracking|opt[- ]?(?:in|out)|consent|retain\w*|retention|shar(?:e|es|ed|ing)|"
    r"stor(?:e|es|ed|age)|sends?|sent|transmit\w*|upload\w*|disabl\w*|turn\w* off)\b",
    re.IGNORECASE,
)
#: How a link's item may read besides its link ("For more information, see [X](...)").
_SEE = re.compile(
    r"^(?:for more (?:information|details)\b.*|see\b.*|learn more\b.*|read\b.*|in\b.{0,80})$"
)
_LINK_ITEM_WORDS = 4
#: The verbs that start a step ("Run `yarn dev`", "Select **Settings**").
_STEP_VERB = re.compile(
    r"^(?:run|use|open|select|click|choose|go|navigate|install|set|type|enter|add|create|"
    r"download|sign|log|restart|update|copy|paste|press|tap|follow|visit|browse|start|stop|"
    r"launch|execute|call|import|save|close|build|clone|edit|change|configure|check|ensure|"
    r"make|wait|verify|expand|scroll|search|upgrade|register|deploy)\b",
    re.IGNORECASE,
)
_CODE_FIRST = re.compile(r"^\s*(?:\*\*)?`[^`\n]+`")

#: A paragraph that announces the steps of a process ("The proposal process is as follows:").
_PROCESS_LEAD = re.compile(
    # (from a sentence's first "process" only: a later one would scan the same rest again)
    r"(?:(?:^|[.:])(?>[^.:]*?\b(?:process|procedure)\b)[^.:]*+"
    r"|\bas follows|\b(?:these|the following) steps)\s*:\s*$",
    re.IGNORECASE,
)
#: How much of a lead's end :func:`process_lead` reads (its last sentence, in time bounded by it).
_LEAD_END = 200


def process_lead(text: str) -> bool:
    """Whether a paragraph announces the steps of a process ("The process is as follows:")."""
    return _PROCESS_LEAD.search(plain(text).strip()[-_LEAD_END:]) is not None


#: A lead that only says "Events" (not "Error events:", whose names may be data).
_EVENTS_LEAD = re.compile(r"^\W*events?\W*$", re.IGNORECASE)
#: "when lookup is presented", "measures when the view is loaded": an event said by when it
#: happens, and only that ("When the app crashes, a stack trace is sent" says what is sent).
_WHEN_ONLY = re.compile(
    r"^(?:(?:measures|fires|is sent|sent|emitted|logged|recorded)\s+)?"
    r"(?:when|whenever|each time|every time|once)\b(?:(?!\.\s)[^,;:(])*+$",
    re.IGNORECASE,
)


def lists_events(block: BulletList, lead: str | None) -> bool:
    """Whether a list its lead says is of events names each by when it happens ("Events" over
    "- Lookup Show: when lookup is presented"): the events are when data is sent, not data.
    Under a lead of data ("We collect the following data:", "Error events:"), "Installation:
    When the extension is installed" names data, and stays an item."""
    if lead is None or not _EVENTS_LEAD.match(plain(lead).strip()):
        return False
    said = [split_name(item.text)[1] for item in block.items]
    return all(s is not None and _WHEN_ONLY.match(plain(s).strip()) for s in said)


def list_kind(block: BulletList, lead: str | None = None) -> ListKind | None:
    """What a list is when not about data (``lead``: the paragraph before it); else None."""
    items = _items(block.items)
    if not items:
        return None
    if block.ordered and lead is not None and process_lead(lead):
        return ListKind.STEPS  # the numbered steps of a process the page describes
    if all(_is_link_item(item) for item in items):
        return ListKind.LINKS  # whatever the pages they lead to are about
    if lead is not None and leads_no_data(lead):
        return ListKind.OTHER  # (its lead says what it lists, whatever the bullets speak of)
    if lists_events(block, lead):
        return ListKind.EVENTS
    texts = [_text(item) for item in items]
    if any(_ABOUT_DATA.search(text) for text in texts):
        return None
    most = (2 * len(items) + 2) // 3
    if len(items) >= 2 and sum(bool(_STEP_VERB.match(plain(text))) for text in texts) >= most:
        return ListKind.STEPS
    named = sum(
        bool(_CODE_FIRST.match(text)) or _is_link_item(item)
        for item, text in zip(items, texts, strict=True)
    )
    if len(items) >= 2 and any(_CODE_FIRST.match(text) for text in texts) and named >= most:
        return ListKind.REFERENCE  # code names, and links to their documentation
    return None


def points_within(block: BulletList) -> bool:
    """Whether every bullet only links to a section of the page ("- The [Common Data
    Properties](#common-data-properties)", a table of contents): the data is named in those
    sections, and read there; the links name none of their own."""
    return all(
        not item.children
        and not item.paragraphs
        and _is_link_item(item)
        and all(url.startswith("#") for _title, url in links(item.text))
        for item in block.items
    )


def _items(items: tuple[ListItem, ...]) -> list[ListItem]:
    """Every item, nested ones too (bounded: lists nest at most ``MAX_LIST_DEPTH`` deep)."""
    found: list[ListItem] = []
    for item in items:
        found.append(item)
        found += _items(item.children)
    return found


def _text(item: ListItem) -> str:
    return " ".join((item.text, *item.paragraphs))


#: A reference-style link, "[Microsoft Privacy Statement][03]", whose target is elsewhere.
_REFERENCE_LINK = re.compile(r"\[([^\[\]\n]+)\]\[[^\[\]\n]*\]")


def _is_link_item(item: ListItem) -> bool:
    text = _text(item)
    titles = [title for title, _url in links(text)] + _REFERENCE_LINK.findall(text)
    if not titles:
        return False
    rest = plain(_REFERENCE_LINK.sub(r"\1", text))
    for title in titles:
        rest = rest.replace(plain(title), " ", 1)
    rest = " ".join(rest.split()).strip(" .,;:-\u2013\u2014")
    return len(rest.split()) <= _LINK_ITEM_WORDS or bool(_SEE.match(rest.lower()))
