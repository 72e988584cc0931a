"""Extracting who receives the data (``sharing``) and how collection is turned off (``controls``).

A sharing section ("Data sharing", "May disclose information to", "Third party subprocessors")
lists recipients as bullets, bold lead-ins or table rows; each becomes a recipient, its name
split from what it receives or why. A controls section ("Opting out", "Disable telemetry")
lists the ways to turn collection off: each bullet, and each paragraph with the command or
setting it shows, becomes an option. Text before the first of them is the intro; anything else
is free-form, listed in the report with its lines.
"""

from __future__ import annotations

import re

from .claims import EXCEPTION, denial
from .classify import Kind
from .control_settings import OPT_OUT, table_settings
from .item_text import ItemDraft, reads_as_sentence, short_name, split_name
from .markdown_doc import Block, BulletList, Code, Heading, Paragraph, Table
from .markdown_out import blocks_markdown, span, to_markdown
from .markup import one_line, plain
from .outline import Section
from .prose_facts import recipients_in
from .reading import Reading, is_comment, item_markdown
from .shapes import bold_runs, is_data_lead, leads_parties, policy_names
from .statements import says_how_long
from .storage_sections import storage_paragraph
from .tables import Role, layout

#: ", to process payments": what follows a recipient's name after a comma (without one, "for"
#: or "to" may be part of the name: "Microsoft Defender for Cloud Apps").
_PURPOSE = re.compile(r",\s*(?=(?:to|for|which|who|that|in order to)\s)", re.IGNORECASE)


#: A document named after its party: "Wikimedia Foundation privacy policy", "Google's Privacy
#: Policy".
_POLICY = re.compile(
    r"(?:['\u2019]s)?\s+(?:privacy\s+(?:policy|statement|notice)|terms(?:\s+of\s+\w+)?)$",
    re.IGNORECASE,
)


def recipient(markdown: str) -> dict[str, str]:
    """A recipient from a bullet's Markdown: ``{"name": ..., "purpose": ...}``."""
    text = one_line(markdown)
    name, rest = short_name(*split_name(text))
    if rest is None:
        match = _PURPOSE.search(text)
        if match and 0 < len(plain(text[: match.start()]).split()) <= 8:
            name, rest = text[: match.start()], text[match.end() :].strip()
    clean = plain(name).strip().rstrip(":.").strip()
    # ("[Wikimedia Foundation privacy policy](...)": the party whose policy it links to)
    clean = _POLICY.sub("", clean) or clean
    if not clean or len(clean.split()) > 14:
        return {"name": plain(text).strip() or "(not named)"}
    found = {"name": clean}
    if rest and rest.strip(" .,;:"):
        found["purpose"] = rest.strip()
    return found


def sharing_section(reading: Reading, section: Section) -> None:
    pending: list[Block] = []
    found = False
    heading: Heading | None = None  # (the sub-heading over the blocks that follow)
    for block in bold_runs(section.all_blocks()):
        lead = pending[-1] if pending and isinstance(pending[-1], Paragraph) else None
        if isinstance(block, BulletList) and not found and _names_no_one(block, lead):
            # "Anchor does not integrate with any third-party services, including:", or
            # bullets that each deny ("No analytics services"): text, with what leads it
            said = [*pending, block]
            reading.free(said, "data-use", section.title, _NOT_RECIPIENTS, shapes=False)
            pending = []
        elif isinstance(block, BulletList) and (not_parties := _not_parties(block, lead)):
            # "We only pass on your data to third parties if:", or "**Purpose**: ...",
            # "**License**: MIT" under a party's heading: text, with its heading and lead
            said = sorted([*pending, block] + ([heading] if heading else []), key=_first_line)
            reading.free(said, "data-use", section.title, not_parties, shapes=False)
            pending, heading = [], None
        elif isinstance(block, BulletList):
            sharing_list(reading, block)
            found = True
        elif isinstance(block, Table) and _sharing_table(reading, block):
            found = True
        elif isinstance(block, Paragraph) and not found:
            pending.append(block)
        elif isinstance(block, Heading):
            heading = block  # a sub-heading of recipients: its list says the rest
            continue
        else:  # (the paragraphs before it wait for a list that may still come)
            reading.free([block], "data-use", section.title, "not a recipient", section.line)
    if found:
        reading.draft.sharing_intro.extend(to_markdown(b) for b in pending)
    elif pending:
        why = "sharing text without recipients"
        reading.free(pending, "data-use", section.title, why, section.line)


def sharing_list(reading: Reading, block: BulletList, lead: Paragraph | None = None) -> None:
    """Each bullet a recipient; not one that says who does not receive the data ("No
    advertising networks", "The app does not share any data with third parties"): it stays
    text, and so does the whole list when its lead or every bullet says so."""
    why = _NOT_RECIPIENTS if _names_no_one(block, lead) else _not_parties(block, lead)
    if why is not None:
        said: list[Block] = [lead, block] if lead else [block]
        reading.free(said, "data-use", None, why, shapes=False)
        return
    denied = [item for item in block.items if _no_one(item.text)]
    cases = [item for item in block.items if item not in denied and _a_case(item.text)]
    if lead is not None:
        reading.draft.sharing_intro.append(to_markdown(lead))
    for kept, why in ((denied, _NOT_RECIPIENTS), (cases, _A_CASE)):
        if kept:
            after = (i.line - 1 for i in block.items if i.line > kept[-1].line)
            bullets = BulletList(
                tuple(kept), kept[0].line, next(after, block.end_line), block.ordered
            )
            reading.free([bullets], "data-use", None, why, block.line, shapes=False)
    for item in block.items:
        if any(item is other for other in (*denied, *cases)):
            continue
        found = recipient(item_markdown(item))
        # ("DeepSeek chat history may be sent to [DeepSeek API](...) to provide responses.": a
        # sentence, whose recipient is who it says the data goes to, not all its words)
        text = one_line(item_markdown(item))
        sentence = reads_as_sentence(ItemDraft(found["name"], item.line))
        named = recipients_in(text) if sentence else []
        reading.draft.recipients.extend(
            [{"name": who, "purpose": text} for who in named] or [found]
        )


_NOT_RECIPIENTS = "says who does not receive the data: no recipient"
#: "No analytics services", "❌ No advertising networks": a bullet that names no one who does.
_NO_ONE = re.compile(r"^\W*+no\s+\w", re.IGNORECASE)
#: A lead of those the product does not use: "does not integrate with any", "doesn't use".
_NOT_WITH = re.compile(
    r"(?:\bnot|\bnever|n't)\s+(?:\w+\s+)?(?:integrate|use|work|embed|rely|partner)[sd]?\b", re.I
)
#: The words that negate a bullet's verb ("does not", "never", "won't").
_NEGATED = re.compile(r"\b(?:(?:do|does|did|will|is|are|has|have)\s+not|never|(?:do|does|wo)n't)\b")
#: What a product denies of itself ("does not sell or share"), and its subject ("We", "The app").
_OF_ITSELF = re.compile(r"\W*+(?:\w+\W+){0,2}?(?:sell|share|disclose|rent|trade)\b")
_SELF = re.compile(r"(?:we|i|our|the|this|it|they|there)\b", re.IGNORECASE)


def _names_no_one(block: BulletList, lead: Paragraph | None) -> bool:
    """Whether every bullet denies, or the last claim of the list's lead does ("... does not
    send data to any third-party services, including:") and names no exception ("except:",
    "but we use the following:")."""
    if all(_no_one(item.text) for item in block.items):
        return True
    said = plain(lead.text).rstrip() if lead else ""
    last = re.split(r"(?<=[.!?])\s+|;", said)[-1]
    return (
        said.endswith(":")
        and not EXCEPTION.search(last)
        and bool(denial(last) or _NOT_WITH.search(last))
    )


#: A lead of when or why data is passed on, not to whom: "... to third parties if:", "if we
#: believe that sharing is reasonably necessary to:", "for the following purposes:".
_NOT_PARTIES_LEAD = re.compile(
    r"\b(?:if|when(?:ever)?|where|unless|provided that|in (?:the following|these) (?:cases|"
    r"circumstances|situations)|(?:necessary|required|needed|in order|so as) to|for (?:the "
    r"following|these) (?:purposes|reasons))\s*:\s*$",
    re.IGNORECASE,
)
#: The labels of what one party is or does ("**Purpose**: AI model inference", "**License**:
#: MIT"): a list of them describes the party its heading names, it lists no parties.
_FACET = re.compile(
    r"(?:purpose|licen[cs]e|data(?: (?:collection|collected|shared|sent|processed))?|privacy"
    r"(?: policy)?|policy|website|link|url|type|used for|usage|location|retention|storage|"
    r"hosting|terms)",
    re.IGNORECASE,
)


def _first_line(block: Block) -> int:
    return span(block)[0]


def _not_parties(block: BulletList, lead: Paragraph | None) -> str | None:
    """Why a list names no recipients, if it does not: its lead says when or why data is passed
    on, or each bullet says one thing of a single party under a label."""
    if lead is not None and _NOT_PARTIES_LEAD.search(plain(lead.text).rstrip()):
        return "says when or why data is passed on: no recipient"
    if lead is not None and is_data_lead(lead.text) and not leads_parties(lead.text):
        return "lists the data a party takes ('Matomo collects the following data:'), not who"
    labelled = [split_name(item.text) for item in block.items]
    if len(labelled) >= 2 and all(
        rest is not None and _FACET.fullmatch(plain(label).strip(" *:")) for label, rest in labelled
    ):
        return "says what one party is or does, under labels: no list of recipients"
    return None


_A_CASE = "says in which case data is passed on, not to whom: no recipient"
#: The label of a case in which data is passed on, not of a party: "**Legal Requirements**:
#: When required by law", "**Business Transfers**:", "**With your consent**:".
_CASE_LABEL = re.compile(
    r"(?:legal|regulatory) (?:requirements?|obligations?|reasons|compliance|process(?:es)?)|"
    r"(?:legal )?compliance|(?:with )?(?:your )?consent|business transfers?|"
    r"mergers?(?:,? (?:and|or) acquisitions?)?|(?:anonymi[sz]ed|aggregated?|de-identified) "
    r"(?:\w+ )?(?:data|information|analytics|statistics)|(?:safety|security) and \w+",
    re.IGNORECASE,
)


def _a_case(text: str) -> bool:
    """Whether a bullet names a case in which data is passed on under its label."""
    label, rest = split_name(text)
    return rest is not None and bool(_CASE_LABEL.fullmatch(plain(label).strip(" *:")))


def _no_one(text: str) -> bool:
    """Whether a bullet names no one ("No ...") or is a denial the product makes ("The app
    does not share any data"), not one about a party it names ("Sentry does not receive your
    name": a recipient)."""
    value = plain(text).strip(" *")
    if _NO_ONE.match(value):
        return True
    negated = _NEGATED.search(value.lower())
    if negated is None or denial(value) is None:
        return False
    subject = value[: negated.start()].strip(" *")
    return not subject or bool(_SELF.match(subject)) or bool(_OF_ITSELF.match(value, negated.end()))


_PARTY_HEADER = re.compile(
    r"\b(?:recipients?|third[- ]part(?:y|ies)|modules?|services?|providers?|compan(?:y|ies)|"
    r"(?:sub)?processors?|partners?|vendors?|sdks?|librar(?:y|ies)|organi[sz]ations?|"
    r"shared with|who)\b",
    re.IGNORECASE,
)


def _names_party(header: str) -> bool:
    """A header over who receives the data ("Module", "Third party"), not over the data
    ("Data shared with partners")."""
    return bool(_PARTY_HEADER.search(header)) and not re.match(r"\W*data\b", header, re.I)


def _sharing_table(reading: Reading, table: Table) -> bool:
    """A table of recipients (its first named column), the other columns their purpose."""
    lay = layout(table, Kind.COLLECTED)
    party = next((c for c in lay.columns if _names_party(plain(c.header))), None)
    # "Module | Purpose | Data Accessed": the recipient is the column that names a party,
    # not the data it receives
    name = party or lay.first(Role.NAME) or (lay.columns[0] if lay.columns else None)
    if name is None:
        return False
    reading.report.counts.tables += 1
    for row in table.rows:
        cells = list(row.cells) + [""] * (len(table.header) - len(row.cells))
        who = plain(cells[name.index]).strip()
        if not who:
            continue
        parts = [
            f"**{lay.columns[i].header}:** {one_line(cells[i])}"
            for i in range(len(lay.columns))
            if i != name.index and plain(cells[i]).strip()
        ]
        found = {"name": who}
        if parts:
            found["purpose"] = "; ".join(parts)
        reading.draft.recipients.append(found)
    return True


def controls_section(reading: Reading, section: Section) -> None:
    """Each bullet and paragraph (with the code after it) is an option; text before, intro."""
    blocks = [b for b in section.all_blocks() if not is_comment(b)]
    options: list[str] = []
    intro: list[str] = []
    settings_before = len(reading.draft.control_settings)
    index = 0
    while index < len(blocks):
        block = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if isinstance(block, BulletList):
            options.extend(item_markdown(item) for item in block.items)
        elif isinstance(block, Paragraph) and isinstance(following, Code):
            options.append(blocks_markdown([block, following]))
            index += 1
        elif isinstance(block, Code) and options:
            # The code an option shows ("Using an environment variable:" then its code): one
            # option, so that the code stays a block inside its list item.
            options[-1] = f"{options[-1]}\n\n{to_markdown(block)}"
        elif isinstance(block, Code):
            options.append(to_markdown(block))
        elif (
            isinstance(block, Paragraph)
            and says_how_long(block.text)
            and not OPT_OUT.search(plain(block.text))
            and not _SETTING_WORDS.search(block.text)
        ):
            # "Events are sent to our PostHog instance and deleted after 90 days.": how long
            # they are kept, not a way to stop collection, wherever the page says it
            storage_paragraph(reading, block, section, Kind.RETENTION)
        elif isinstance(block, Paragraph) and not options and _is_control_lead(block):
            intro.append(to_markdown(block))
        elif isinstance(block, Paragraph):
            options.append(to_markdown(block))
        elif isinstance(block, Heading) or (
            isinstance(block, Table) and _settings_table(reading, block, blocks[:index])
        ):
            pass  # a sub-heading says no more than its text; a table of settings is read
        else:
            reading.free([block], "your-rights", section.title, "not a control", section.line)
        index += 1
    if options or len(reading.draft.control_settings) > settings_before:
        _add_controls(reading, intro, options)
    elif intro:
        paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
        why = "controls text without options"
        reading.free(paragraphs, "your-rights", section.title, why, section.line)


#: Words of a setting (beside :data:`~.control_settings.OPT_OUT`'s of stopping collection).
_SETTING_WORDS = re.compile(
    r"\b(?:opt(?:s|ed|ing)?[- ]?in|set\w*|environment variable|flag|command)\b|`", re.I
)


def _settings_table(reading: Reading, table: Table, before: list[Block]) -> bool:
    """A table of settings, or of the values of the setting the lead before it names."""
    lead = before[-1] if before and isinstance(before[-1], Paragraph) else None
    found = table_settings(table, lead.text if lead is not None else None)
    if not found:
        return False
    reading.report.counts.tables += 1
    reading.draft.control_settings.extend(found)
    return True


def _is_control_lead(block: Paragraph) -> bool:
    """A lead of the options ("You can opt out in any of these ways:"), not one."""
    text = plain(block.text).strip()
    return text.endswith(":") or "`" not in block.text


def controls_list(reading: Reading, block: BulletList, lead: Paragraph | None) -> None:
    intro = [to_markdown(lead)] if lead is not None else []
    _add_controls(reading, intro, [item_markdown(item) for item in block.items])


def _add_controls(reading: Reading, intro: list[str], options: list[str]) -> None:
    """Options and the words over them: the intro of the controls, unless options are read
    already; then they stay over their own options ("questions like:" over the questions, not
    over the options of the section before)."""
    if reading.draft.controls:
        options = [*intro, *options]
    else:
        reading.draft.controls_intro.extend(intro)
    reading.draft.controls.extend(options)


def policy_list(reading: Reading, block: BulletList, lead: Paragraph | None) -> bool:
    """A list of the policies that govern collection: options, and settings of kind policy."""
    names = policy_names(block, lead)
    if names is None:
        return False
    controls_list(reading, block, lead)
    reading.draft.control_settings.extend({"name": n, "kind": "policy"} for n in names)
    reading.report.counts.sections += 1
    return True
