"""Data items, controls and scopes recognized by their shape and wording, under any heading.

Sections whose headings :mod:`.classify` does not know ("## What?", "## Events") still hold
data items in a few shapes: a table whose columns name the data and say what it is or why it is
collected (Field | Description); a list after words that say it lists data ("The following
fields are sent:"); a list of bold lead-ins (``**Name**: description``). This module only says
which shape a block has; the extractors read it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise

from .claims import NOT_WHAT_LEAD, OTHER_PARTY, denial
from .classify import UNLESS_YOU_LEAD, Kind, classify_heading, is_never_lead, is_purpose_lead
from .item_text import (
    DEFINED_TERM,
    ItemSource,
    collected_subject,
    is_data_list,
    item_from,
    split_name,
)
from .markdown_doc import Block, BulletList, Html, ListItem, Paragraph, Quote, Table, parse
from .markup import html_to_markdown, plain, sentences
from .outline import Section
from .tables import Role, is_context_header, label_table, layout, location_column

# "X.*Y" is tried from the first X of each sentence only (see classify), so matching stays
# linear in the text. ("Failed sends are retried:": a noun, no lead of data.)
_DATA_LEAD = re.compile(
    r"\b(?:collect(?:s|ed|ing)?|gather(?:s|ed)?|record(?:s|ed)?|log(?:s|ged)?|captur(?:e|es|ed)|"
    r"send(?:s)?(?!\s+(?:are|is|were|was)\b)|sent|transmit(?:s|ted)?|track(?:s|ed)?|report(?:s|ed)?|includ(?:e|es|ed|ing)|"
    r"contain(?:s|ed)?|consists? of|compris(?:e|es|ed))\b"
    r"|\bthe following (?:\w+ )?(?:pieces of )?(?:data|fields?|events?|information|properties|"
    r"attributes|details|metrics|values|identifiers|items|data points)\b"
    r"|\bwhat (?:data|information|telemetry)\b"
    # "may extract and store the following in any online service:", "gets access to:" (not
    # "You may receive the following communications:", "We keep the following commitments:")
    r"|(?<!\byou )(?<!\byou may )(?<!\byou can )(?<!\byou will )"
    r"\b(?:stor(?:e|es|ed)|extract(?:s|ed)?|receiv(?:e|es|ed)|process(?:es|ed)?|keeps?)\s+"
    r"(?:and\s+\w+\s+)?the following(?:\s+(?:personal\s+)?(?:data|information|details))?"
    r"\s*(?::|\(|\s(?:in|on|about|from|when)\b)"
    r"|\b(?:gets?|has|have)\s+access\s+to\s*:\s*$"
    r"|\b(?:data|information) (?:types?|kinds?|categories)\b|\b(?:types?|kinds?) of (?:data|information)\b",
    re.IGNORECASE,
)
#: A lead of where data comes from ("from the following sources:"), not of what it is; of
#: what it is for ("Data is collected to:"), on what grounds ("Data is collected based on:",
#: legal bases).
_NOT_DATA_LEAD = re.compile(
    r"\bsources?\b|\bfrom the following\b|\b(?:lawful|legal)\s+bas[ie]s\b"
    # (not "includes, but is not limited to:", "data relating to:", "gets access to:")
    r"|(?<!limited )(?<!related )(?<!relating )(?<!pertaining )(?<!access )"
    r"\b(?:to|for|based on)\s*:\s*$",
    re.IGNORECASE,
)
#: What a lead may say a list includes that is not data ("The capabilities of the agent
#: include:", "Security measures include:"), by the head of its subject: only data makes items.
_INCLUDES = re.compile(
    r"^(?P<subject>[^.:]{1,80}?)(?<!\s)\s+(?:includes?|contains?|consists? of|comprises?)\b", re.I
)
_NOT_DATA_HEADS = frozenset(
    {
        *("capability", "capabilities", "feature", "features", "benefit", "benefits"),
        *("limitation", "limitations", "requirement", "requirements", "step", "steps"),
        *("option", "options", "goal", "goals", "scenario", "scenarios", "task", "tasks"),
        *("responsibility", "responsibilities", "improvement", "improvements", "risk", "risks"),
        *("advantage", "advantages", "principle", "principles", "measure", "measures"),
        *("safeguard", "safeguards", "practice", "practices"),
    }
)


def _includes_no_data(sentence: str) -> bool:
    """Whether a sentence says what something that is not data includes (see above)."""
    said = _INCLUDES.search(sentence)
    if said is None:
        return False
    # (the head before what qualifies it: "Data collected by Widget features" is data)
    head = re.split(r"\s(?:of|for|in|on|by|from|about|with)\s", said.group("subject"), maxsplit=1)
    subject = head[0].split()
    return bool(subject) and subject[-1].lower() in _NOT_DATA_HEADS


#: A lead of when ("under the following conditions:") or of what is not changed ("don't
#: affect any of the following:").
_NO_DATA_LEAD = re.compile(
    r"\b(?:affects?|impacts?)\b|\bthe following (?:conditions|cases|circumstances|situations)\b"
    # "Sessions expire when one of these conditions occurs:", at the lead's end (not "In these
    # cases we collect:", "Under these conditions, we collect the following data:": data)
    # (not "We collect the following data in any of these cases:": the data, in those cases)
    r"|^(?!.*\bthe following (?:data|information|details|fields)\b)"
    r"(?:(?!\b(?:one|any|all|each|either|both|none)\s+of\b).)*+"
    r"\b(?:one|any|all|each|either|both|none)\s+of\s+(?:these|those|the following)\s+"
    r"(?:\w+\s+)?(?:conditions|cases|circumstances|situations)"
    r"(?:\s+(?:occurs?|appl(?:y|ies)|(?:is|are)\s+met|happens?|holds?))?\s*:\s*$"
    # "data is potentially collected upon:", "We collect information when you:"
    r"|\b(?:upon|when(?:ever)?|if)(?:\s+(?:you|an?\s+users?|users|visitors|customers))?\s*:\s*$"
    # "It supports integration with two different services:", "consists of two parts:": what
    # the product works with or is made of, not data
    r"|\b(?:services|providers|tools|plugins|parts|components|integrations|libraries|vendors|"
    r"platforms)\s*:\s*$"
    # "the behavior of the following features that generate data:": features, not their data
    r"|\bthe following (?:\w+ )?(?:features|services|tools|products|components|apps)\b"
    # "We collect data from:", "Data is collected by:", "in these situations:": where from,
    # by what or when, not what
    r"|\b(?:collect\w*|gather\w*|obtain\w*|receiv\w*)\s+(?:(?:your\s+|personal\s+)?"
    r"(?:data|information)\s+)?(?:from|by|through|via)\s*:\s*$"
    # (not "We collect the following data in these situations:": the data, in those cases)
    r"|^(?!.*\bthe following (?:data|information|details|fields)\b)"
    r".*\bin (?:these|the following) (?:situations|cases|circumstances)\s*:\s*$"
    # "We avoid collecting:", "We will never ask for:": no promise that none is taken
    r"|\b(?:avoid|try not to|aim not to|strive not to|are not interested in|have no interest "
    r"in|never ask|"
    r"(?:do not|don't|will not|won't) ask)\b[^.:]*:\s*$",
    re.IGNORECASE,
)


#: A lead's last sentence that says the list is what data is for ("We use it to:", "This
#: helps us:", "for the following purposes:").
_PURPOSE_LEAD = re.compile(
    r"\bus(?:e|es|ed|ing)\b[^.:]{0,30}?\b(?:to|for)\b"
    r"|\b(?:purposes?|helps?|enabl\w*|allow\w*|lets? us|in order|so (?:that|we)|"
    r"benefits?|reasons?|why|process(?:es|ed|ing)?)\b|\bto\s*+:?\s*+$",
    re.IGNORECASE,
)
#: A bullet that says what data is for ("To improve ...", "Improve reliability").
_PURPOSE_ITEM = re.compile(
    r"^\W*(?:(?:we|this|it)\s+(?:will|can|would|could|may)\s+(?:be able to|help|let|allow|use)\b|"
    r"to\s+\w+|improv\w*|understand\w*|provid\w*|fix\w*|diagnos\w*|prioriti[sz]\w*|"
    r"measur\w*|detect\w*|prevent\w*|ensur\w*|identif\w*|analy[sz]\w*|develop\w*|support\w*|"
    r"deliver\w*|personali[sz]\w*|compl[yi]\w*|maintain\w*|operat\w*|troubleshoot\w*|debug\w*|"
    r"optimi[sz]\w*|monitor\w*|secur\w*|protect\w*|guid\w*|learn\w*|decid\w*|plan\w*)\b",
    re.IGNORECASE,
)


def leads_purposes(text: str) -> bool:
    """Whether a paragraph's last sentence says the list after it is what data is for."""
    said = sentences(plain(text))
    return bool(said) and _PURPOSE_LEAD.search(said[-1]) is not None


def says_purposes(block: BulletList, lead: Paragraph | None) -> bool:
    """Whether a list under a data-use heading says what data is for: its lead says so, or
    most bullets do; a list of something else ("integrates with: frameworks, design tools")
    is no purpose."""
    if lead is None:
        return True  # the heading says what the list is
    if _LEGAL_BASES.search(plain(lead.text)):
        return False  # "these lawful bases:": why processing is lawful, not what it is for
    if leads_purposes(lead.text) or pairs_purposes(block):
        return True
    purposes = sum(
        bool(_PURPOSE_ITEM.match(text) or _WE_USE_IT.search(text))
        for text in (plain(item.text) for item in block.items)
    )
    return purposes * 2 >= len(block.items)


def pairs_purposes(block: BulletList) -> bool:
    """Whether most bullets pair data with what it is for ("**Analysis results** - to deliver
    feedback", "**Contact information** - so we can respond"): under a heading of why data is
    collected, purposes, whatever the lead says of collecting."""
    said = [split_name(item.text)[1] for item in block.items]
    purposes = sum(
        bool(s and (_SO_THAT.match(plain(s)) or _PURPOSE_ITEM.match(plain(s)))) for s in said
    )
    return purposes * 2 > len(block.items)


#: "so we can respond", "so that the action can fetch": a purpose, said with "so".
_SO_THAT = re.compile(r"^\W*so(?:\s+that)?\s+(?:\w+\s+){1,3}?(?:can|may|could)\s+", re.I)
_LEGAL_BASES = re.compile(r"\b(?:lawful|legal)\s+bas[ie]s\b", re.IGNORECASE)
#: "Troubleshooting: We use Personal Data to identify and resolve technical issues."
_WE_USE_IT = re.compile(r"\bwe\s+(?:use|process)\b[^.]{0,60}?\b(?:to|for)\b", re.IGNORECASE)


def leads_other(text: str) -> bool:
    """Whether a paragraph says the list after it is something other than data: what data is
    for, where it comes from, or when."""
    said = sentences(plain(text))
    last = said[-1] if said else ""
    return leads_purposes(text) or bool(_NOT_DATA_LEAD.search(last)) or leads_no_data(text)


def _leads_else(text: str) -> bool:
    """Whether a paragraph says the list after it is not data: by its words (:func:`leads_other`),
    or as a bold label over it that names no data ("**Configuration priority order:**"): the
    label is the list's own heading, nearer than the section's."""
    label = BOLD_LABEL.match(text)
    return leads_other(text) or (label is not None and not titles_data(label.group(1)))


#: A paragraph that is only a bold label ("**Personal Info**", "**Priority order:**"), as a
#: sub-heading.
BOLD_LABEL = re.compile(r"^\s*\*\*([^*\n]{1,60})\*\*\s*:?\s*$")


def leads_no_data(text: str) -> bool:
    """Whether a paragraph introduces a list of when, of what is not affected, or of what the
    product works with or is made of, under any heading ("under the following conditions:",
    "supports integration with two services:"): the list is text, not data."""
    parts = sentences(plain(text))
    last = parts[-1] if parts else ""
    # ("Telemetry is never sent unless you explicitly enable it:": the ways to enable it)
    return bool(
        _NO_DATA_LEAD.search(last)
        or _includes_no_data(last)
        or UNLESS_YOU_LEAD.search(last)
        or (NOT_WHAT_LEAD.search(last) and denial(last) is not None)
        or OTHER_PARTY.match(last)
    )


#: "The Application uses third-party services that may collect information used to identify
#: you:": the list names who receives data, not the data.
_PARTIES_LEAD = re.compile(
    r"(?<!\byou )\b(?:uses?|relies on|works with|integrates?(?: with)?)\s+"
    r"(?:(?:the following|these|some)\s+)?(?:third[- ]party|external|outside)\s+"
    r"(?:services|providers|SDKs|libraries|vendors|partners)\b"
    # "When you make a donation, data flows to:", "Your data is shared with:"
    r"|\b(?:flows?|goes|(?:is|are) (?:sent|shared|disclosed|transferred))\s+(?:to|with)\s*:\s*$",
    re.IGNORECASE,
)


def leads_parties(text: str) -> bool:
    """Whether a lead's last sentence introduces the services or parties the product uses."""
    parts = sentences(plain(text))
    return bool(parts) and bool(_PARTIES_LEAD.search(parts[-1])) and parts[-1].endswith(":")


_ENDS_LEAD = re.compile(
    # (from a sentence's first "following" only: a later one would scan the same rest again)
    r"(?::|(?:^|\.)(?>[^.]*?\bfollowing\b)[^.]*+\.?)\s*$",
    re.IGNORECASE,
)
_BOLD_ITEM = re.compile(r"^\*\*[^*\n]{1,80}?\*\*\s*(?:[:.\-\u2013\u2014(]|$)")
_BOLD_COLON_INSIDE = re.compile(r"^\*\*[^*\n]{1,80}?:\*\*")
#: Header words of columns whose values say what the data is or why it is collected: a table
#: with one of them beside a column naming the data holds data items.
_ITEM_TEXT_ROLES = frozenset(
    {
        Role.DESCRIPTION,
        Role.PURPOSE,
        Role.USE,
        Role.CONDITION,
        Role.REQUIREMENT,
        Role.CLASSIFICATION,
        Role.CONTROL,
        Role.RETENTION,
        Role.WORKLOAD,
    }
)


def is_data_lead(text: str) -> bool:
    """Whether a paragraph introduces a list of data ("We collect the following:")."""
    parts = sentences(plain(text))
    if not parts:
        return False
    last = parts[-1]
    if len(parts) > 1 and _POINTER.fullmatch(last):
        # "... collects information in server log files. These are:": the sentence before
        # says what the list is
        last = parts[-2].rstrip(". ") + ":"
    if is_purpose_lead(text) or is_never_lead(text) or leads_no_data(text):
        return False
    if _NOT_DATA_LEAD.search(last) or _SHOWN_HERE.search(last) or _includes_no_data(last):
        return False
    if _ENDS_ON_VERB.search(last):
        return True  # "The databases may store", "The information collected by log files include"
    if _INCLUDING.search(last) and not _DATA_LEAD.search(_INCLUDING.sub("", last)):
        return _NOT_DATA_WORD.search(last) is None  # (not "All operations occur locally")
    return bool(_DATA_LEAD.search(last)) and bool(_ENDS_LEAD.search(last))


#: "..., including:": the list is part of what the sentence names, no data when that is
#: operations, permissions or partners ("All operations occur locally, including:").
_INCLUDING = re.compile(r"\bincluding\s*+:\s*+$", re.IGNORECASE)
_NOT_DATA_WORD = re.compile(
    r"\b(?:operations|permissions|partners|features|capabilities|services|providers|measures|"
    r"safeguards|steps|tasks|actions|integrations|vendors|companies|affiliates|platforms)\b",
    re.IGNORECASE,
)


#: A lead whose verb's object is the list after it, written without a colon.
_ENDS_ON_VERB = re.compile(
    r"\b(?:stores?|includes?|contains?|collects?|logs?|records?|gathers?|tracks?|sends?)\s*$"
    # "TokenFlow only stores:" (not "You can save:", what the reader does, nor "The server
    # logs:", whose last word may be a noun)
    r"|^(?!.*\byou\b)(?!\W*(?:how|where|when|why|what)\b)"
    r".*\b(?:stores?|collects?|gathers?|sends?|saves?|keeps?)"
    r"\s*:\s*$",
    re.IGNORECASE,
)
#: What the program shows the reader on their own machine ("This logs telemetry events to the
#: console, including:", "prints the payload to stderr"): a debug view, not what is collected.
_SHOWN_HERE = re.compile(
    r"\b(?:to|on|in)\s+(?:the|your)\s+(?:console|terminal|screen|standard (?:output|error))\b"
    r"|\b(?:to|on)\s+std(?:out|err)\b",
    re.IGNORECASE,
)


#: A last sentence that only points back at the one before it ("These are:", "Namely:").
_POINTER = re.compile(
    r"(?:(?:these|this|they|those|it|that)\s+(?:are|is|include|includes|comprise|comprises)"
    r"|namely|specifically|in particular)\s*:",
    re.IGNORECASE,
)


def is_bold_list(block: BulletList) -> bool:
    """Whether most bullets are bold lead-ins: ``**Name**: description``."""
    bold = sum(
        bool(
            _BOLD_ITEM.match(item.text.strip())
            or _BOLD_COLON_INSIDE.match(item.text.strip())
            or DEFINED_TERM.match(item.text.strip())
        )
        for item in block.items
    )
    return len(block.items) >= 2 and bold * 2 > len(block.items)


_BOLD_PARAGRAPH = re.compile(
    r"^(?:\*\*(?P<a>[^*\n]{1,80}?)\*\*|__(?P<b>[^_\n]{1,80}?)__)\s*(?P<sep>:|[-\u2013\u2014]\s)"
    r"|^(?:\*\*(?P<c>[^*\n]{1,80}?:)\*\*|__(?P<d>[^_\n]{1,80}?:)__)\s"
)


#: Words of a main clause: a paragraph with them is a sentence, not a list written on one line.
_CLAUSE = re.compile(
    r"\b(?:is|are|was|were|will|would|can|could|may|might|must|we|you|they|if|when|because)\b",
    re.IGNORECASE,
)
_COMMA = re.compile(r",\s*(?:(?:and|or)\s+)?")
_LAST_AND = re.compile(r"(?<!\s)\s+(?:and|or)\s+")  # (from a run's first space)


def _run_in_list(block: Paragraph) -> BulletList | None:
    """A paragraph that lists data on one line after a lead ("IP address, date and time of the
    request, HTTP status code and amount of data transferred."), as the list it is: split at
    its commas (outside brackets) and at the "and" of its last part."""
    text = " ".join(block.text.split()).rstrip(".")
    if "\n" in block.text.strip() or text.endswith(":"):
        return None
    masked = re.sub(r"\([^()]*\)", lambda m: "\0" * len(m.group()), text)
    parts, start = [], 0
    for comma in _COMMA.finditer(masked):
        parts.append(text[start : comma.start()])
        start = comma.end()
    last = _LAST_AND.search(masked, start)
    parts += [text[start : last.start()], text[last.end() :]] if last else [text[start:]]
    parts = [part.strip() for part in parts if part.strip()]
    if len(parts) < 3 or any(len(p.split()) > 10 or _CLAUSE.search(p) for p in parts):
        return None
    return BulletList(tuple(ListItem(p, block.line) for p in parts), block.line, block.end_line)


def lists_in_one_line(blocks: list[Block]) -> bool:
    """Whether a paragraph lists data (or what is never collected) on one line after its lead:
    the list :func:`bold_runs` makes of it."""
    return any(
        isinstance(lead, Paragraph)
        and isinstance(block, Paragraph)
        and (is_data_lead(lead.text) or is_never_lead(lead.text))
        and _run_in_list(block) is not None
        for lead, block in pairwise(blocks)
    )


#: A line of a paragraph that a label leads ("**OS**: the operating system", "`arch` - the
#: CPU architecture"), and what breaks the line after it (two spaces, a backslash, ``<br>``).
_LABEL_LINE = re.compile(r"^`[A-Za-z_$@][\w.$@-]{0,60}`\s*(?::|[-\u2013\u2014]\s)")
_LINE_BREAK = re.compile(r"(?:(?<!\s)\s{2,}|\\|<br\s*/?>)$", re.IGNORECASE)


def _label_lines(block: Paragraph, before: Block | None) -> list[Block] | None:
    """A paragraph written as a list without its bullets, one labelled line each (after a lead
    line that ends with a colon), as that lead and a bullet list; None when it is no such
    paragraph (two such lines at least, and every line one). Lines labelled by names in code
    (`` `os`: ...``) are fields; bold labels are also how contact details, glossaries and
    answers are written, and are a list of data only after a lead that says so."""
    lines = [_LINE_BREAK.sub("", line.strip()) for line in block.text.strip().splitlines()]
    lead = lines[0] if lines and lines[0].endswith(":") else None
    labelled = lines[1:] if lead is not None else lines
    led = lead if lead is not None else before.text if isinstance(before, Paragraph) else ""
    if len(labelled) < 2 or not (
        all(_LABEL_LINE.match(line) for line in labelled)
        or (all(map(_BOLD_PARAGRAPH.match, labelled)) and is_data_lead(led))
    ):
        return None
    first = block.line + (lead is not None)
    items = tuple(ListItem(_bold_stars(text), first + i) for i, text in enumerate(labelled))
    bullets = BulletList(items, first, block.end_line)
    return [Paragraph(lead, block.line, block.line), bullets] if lead is not None else [bullets]


#: Raw HTML that is a list (``<ul><li>Email address</li>...``).
_HTML_LIST = re.compile(r"^\s*<(?:ul|ol)\b", re.IGNORECASE)


def _quoted_list(block: Block) -> BulletList | None:
    """An HTML list, or a list set off as a quote ("> - Email address"), as the bullet list it
    is; None for any other block (a quote that holds more than one list stays a quote)."""
    where: Callable[[int], int]
    if isinstance(block, Html) and _HTML_LIST.match(block.text):
        text, where = html_to_markdown(block.text), lambda _: block.line  # (lines not kept)
    elif isinstance(block, Quote):
        text, where = block.text, lambda line: block.line - 1 + line
    else:
        return None
    inner = parse(text).blocks
    if len(inner) != 1 or not isinstance(inner[0], BulletList):
        return None

    def moved(item: ListItem) -> ListItem:
        return replace(item, line=where(item.line), children=tuple(map(moved, item.children)))

    items = tuple(map(moved, inner[0].items))
    return BulletList(items, block.line, block.end_line, inner[0].ordered)


def bold_runs(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each run of two or more bold lead-in paragraphs made a bullet list, each
    paragraph of labelled lines, HTML list and quoted list too, and a list written on one line
    after a lead that says it is data (or never collected) made one too."""
    result: list[Block] = []
    run: list[Paragraph] = []

    def flush() -> None:
        if len(run) >= 2:
            items = tuple(ListItem(_bold_stars(p.text), p.line) for p in run)
            result.append(BulletList(items, run[0].line, run[-1].end_line))
        else:
            result.extend(run)
        run.clear()

    for block in blocks:
        block = _quoted_list(block) or block
        before = result[-1] if result else None
        if isinstance(block, Paragraph) and (lined := _label_lines(block, before)) is not None:
            flush()
            result.extend(lined)
            continue
        if isinstance(block, Paragraph) and _BOLD_PARAGRAPH.match(block.text.strip()):
            run.append(block)
            continue
        flush()
        before = result[-1] if result else None
        if isinstance(block, Paragraph) and isinstance(before, Paragraph):
            lead = is_data_lead(before.text) or is_never_lead(before.text)
            listed = _run_in_list(block) if lead else None
            block = listed or block
        result.append(block)
    flush()
    return result


def _bold_stars(text: str) -> str:
    value = text.strip()
    match = re.match(r"^__([^_\n]+?)__", value)
    if match:
        return f"**{match.group(1)}**{value[match.end() :]}"
    return value


#: A header that says its column holds the data ("Example of data sent", "Data collected").
_DATA_ELSEWHERE = re.compile(r"\b(?:data|information)\b", re.IGNORECASE)


def is_item_table(table: Table, lead: str | None = None) -> bool:
    """Whether a table's columns name data and say what it is, why, or when it is collected;
    or, after a ``lead`` that says what follows is data ("uses the following information:"),
    whether a column names it (Item | Sender | Recipient: what of each item is used)."""
    lay = layout(table, Kind.COLLECTED)
    if lay.kind != "items" or len(table.header) < 2 or location_column(table) is not None:
        return False  # (what each component keeps where: storage)
    roles = {c.role for c in lay.columns}
    name = next((c for c in lay.columns if c.role is Role.NAME and c.named), None)
    if name is None:  # no header names the data: a column of labels may
        first = lay.columns[0].role if lay.columns else None
        key = plain(table.header[0]).split()[-1:]  # ("Copilot feature": a feature)
        if key and is_context_header(key[0]) and _DATA_ELSEWHERE.search(" ".join(table.header[1:])):
            return False  # Copilot feature | Example of data sent: features, not data
        return first in {Role.NAME, Role.OTHER} and label_table(table)
    # A matrix of values ("Sent", "Not sent") names no data: names are mostly distinct.
    values = [plain(row.cells[name.index]) for row in table.rows if len(row.cells) > name.index]
    values = [v for v in values if v]
    if len(values) >= 3 and len(set(values)) * 4 < len(values) * 3:
        return False
    context = any(c.role is Role.OTHER and is_context_header(c.header) for c in lay.columns)
    led = lead is not None and is_data_lead(lead) and name.index == 0
    return bool(roles & _ITEM_TEXT_ROLES) or Role.CATEGORY in roles or context or led


#: A way to stop data being sent: "To prevent crash dumps from being sent, set ...".
_STOPS = re.compile(
    r"^(?:to (?:prevent|stop|disable|turn off|switch off|opt out|block|limit|avoid)\b|"
    r"(?:disable|turn off|switch off|opt out)\b)",
    re.IGNORECASE,
)

_SENDING = re.compile(
    r"\b(?:sen[dt]|sending|collect\w*|upload\w*|shar(?:e|ed|ing)|telemetry|tracking|"
    r"diagnostic|reporting|reports?|dumps?|analytics)\b",
    re.IGNORECASE,
)


def stops_collection(block: BulletList) -> bool:
    """Whether half or more of a list's bullets say how to stop data being sent."""
    stops = sum(
        bool(_STOPS.match(text := plain(item.text).strip()) and _SENDING.search(text))
        for item in block.items
    )
    return stops * 2 >= len(block.items) > 0


def lists_data(block: BulletList, before: Block | None) -> bool:
    """Whether a list lists data: bullets that each say their data is collected, or data after
    a lead that says so. Bold lead-ins alone are no claim ("This helps us understand:",
    "**Non-blocking**: ...": purposes and features are written so too)."""
    said = sum(collected_subject(item.text) is not None for item in block.items)
    if said * 3 >= len(block.items) * 2:  # "X is collected, including Y": data, by sentence
        return True
    if isinstance(before, Paragraph) and scope_list(block, before) is not None:
        return False  # commands that send data (or not): when, not what
    if isinstance(before, Paragraph) and is_data_lead(before.text):
        return is_bold_list(block) or is_data_list(
            [item_from(ItemSource.from_list_item(item)) for item in block.items]
        )
    return False


#: A heading over data ("Events", "Collected fields", "What is sent"): a list of bold
#: lead-ins under it, with no lead of its own, names data.
_DATA_TITLE = re.compile(
    # ("Data transmission", "Data security": how data is handled, not what it is)
    r"\b(?:(?:data|information)(?!\s+(?:transmission|security|protection|retention|storage|"
    r"sharing|processing|handling|transfers?|access|deletion|flows?|use|usage)\b)|"
    r"fields?|events?|properties|attributes|metrics|payload|"
    # (reports of data only: "Monthly reports" are what the project publishes)
    r"identifiers?|(?:crash|error|bug|usage|diagnostic|problem|telemetry|analytics|exception|"
    r"performance|activity|health|abuse)\s+reports?|"
    r"statistics|stats|diagnostics?|logs?|counters?|accounts?|profiles?|"
    r"collect\w*|sen[dt]|track\w*|record\w*|gather\w*)\b",
    re.IGNORECASE,
)


def titles_data(title: str | None) -> bool:
    """Whether a heading says its section is about data (see :data:`_DATA_TITLE`)."""
    return title is not None and _DATA_TITLE.search(plain(title)) is not None


#: A lead that speaks of data being sent or collected ("(telemetry is enabled)").
_COLLECTION_WORDS = re.compile(
    r"\b(?:telemetry|usage data|analytics|metrics|data collection|collect\w*|send\w*|sent|"
    r"track\w*|report\w*)\b",
    re.IGNORECASE,
)
#: Words that say the listed commands do not send data.
_NEGATION = re.compile(
    r"\b(?:not|no|never|without|disabled|excluded|except)\b|n't\b", re.IGNORECASE
)
#: A lead that speaks of commands ("Tool commands", "these subcommands").
_COMMAND_WORDS = re.compile(r"\b(?:sub)?commands?\b|\bverbs?\b", re.IGNORECASE)
#: A bullet that is only a command line in code ("`tool build`", "`tool [path]`").
_COMMAND_ITEM = re.compile(r"^`[a-z][\w.-]*(?: [^`\n]*)?`[.,;]?$")


def scope_list(block: BulletList, lead: Paragraph | None) -> bool | None:
    """Whether a list names the commands that send data, after a lead that says so ("Tools
    commands (telemetry is enabled), such as:"); None when it is no such list."""
    if lead is None or not block.items:
        return None
    text = plain(lead.text)
    if len(text.split()) > 40 or not _COLLECTION_WORDS.search(text):
        return None
    if not _COMMAND_WORDS.search(text):
        return None
    if not all(
        _COMMAND_ITEM.match(item.text.strip()) and not item.children for item in block.items
    ):
        return None
    return not _NEGATION.search(text)


#: A lead that introduces policies ("the settings of the following group policies:").
_POLICY_LEAD = re.compile(r"\b(?:group )?polic(?:y|ies)\b", re.IGNORECASE)
#: A bullet that starts with the name of one: a link, bold or code (after "(DEPRECATED)").
_NAMED_FIRST = re.compile(r"^(?:\([^()\n]{1,30}\)\s*)?(?P<name>\[[^\]\n]+\]\(|\*\*|`)")


def policy_names(block: BulletList, lead: Paragraph | None) -> list[str] | None:
    """The policies a list names after a lead ending with ':' that says it lists policies
    ("... the settings of the following group policies:"), each bullet starting with one's
    name as a link, in bold or in code; None when it is no such list."""
    if lead is None or not block.items:
        return None
    text = plain(lead.text).strip()
    if not text.endswith(":") or not _POLICY_LEAD.search(text) or len(text.split()) > 40:
        return None
    names = []
    for item in block.items:
        match = _NAMED_FIRST.match(item.text.strip())
        if match is None:
            return None
        rest = item.text.strip()[match.start("name") :]
        name = re.match(r"^(?:\[([^\]]+)\]\([^)]*\)|\*\*([^*]+)\*\*|`([^`]+)`)", rest)
        if name is None:
            return None
        names.append(plain(next(g for g in name.groups() if g)).strip())
    return names


#: A lead of how to reach someone, whatever else its words name ("EU", "data protection").
#: (From a sentence's first such word only: the later ones would scan the same rest again.)
_CONTACT_LEAD = re.compile(
    r"(?:^|\.)(?>[^.]*?\b(?:contact|reach|write to|e-?mail)\b)[^.]*\bat\s*:\s*$", re.I
)


def lead_kind(block: Block | None) -> Kind:
    """What a lead ending with ':' says the list after it is, as if it were its heading."""
    if not isinstance(block, Paragraph):
        return Kind.UNKNOWN
    text = plain(block.text).strip()
    last = sentences(text)[-1] if sentences(text) else text
    if not text.endswith(":") or len(last.split()) > 25:  # the sentence before the list
        return Kind.UNKNOWN
    if is_purpose_lead(last):
        return Kind.DATA_USE  # "The data we collect helps us:": what it is for
    if _CONTACT_LEAD.search(last):
        return Kind.UNKNOWN  # "For EU residents, you may contact our officer at:": an address
    kind = classify_heading(last)
    if kind is Kind.NEVER and not is_never_lead(last):
        return Kind.UNKNOWN  # "We do not store data, except that we collect the following:"
    return kind


def data_shape(section: Section, *, weak: bool = True) -> bool:
    """Whether a section holds item tables, lists after a data lead, or (``weak``) bold lists
    under a heading over data ("Events", "Crash reports"), unless a lead says they are something
    else (:func:`leads_other`: "This helps us understand:")."""
    blocks = bold_runs(section.all_blocks())
    before: Block | None = None
    shaped = data = statements = 0  # (lists and tables; those of data; lists of sentences)
    for block in blocks:
        shaped += isinstance(block, Table | BulletList)
        if isinstance(block, Table) and is_item_table(block):
            data += 1
        if isinstance(block, BulletList):
            other = isinstance(before, Paragraph) and _leads_else(before.text)
            if isinstance(before, Paragraph) and lists_data(block, before):
                data += 1
            elif weak and is_bold_list(block) and titles_data(section.title) and not other:
                data += 1
            elif not is_bold_list(block) and not is_data_list(
                [item_from(ItemSource.from_list_item(item)) for item in block.items]
            ):
                statements += 1
        before = block
    # Where most lists make statements, the section is text: its lists of data are read one by
    # one, by their leads (:mod:`.by_shape`), and the others stay text, never items by company.
    return data > 0 and statements * 2 < shaped
