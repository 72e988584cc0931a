"""What the page says of each item's requirement: required, optional, or not stated.

An item's own words say it first ("(optional)", "Optional.", a Required column): the marker is
taken out of its name, and the item goes to the section it says (:func:`place_marked`). A group
listed without a heading that says its requirement is decided by the nearest words that do
(:func:`settle`, with :mod:`.claims`); with none, its requirement is not stated.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from .claims import (
    EXCEPTION,
    Cue,
    Requirement,
    Scope,
    answer,
    cue_in,
    denial,
    denied_back,
    marked,
    marker,
    modality,
    not_data,
    only_denied,
    page_cue,
    program_kinds,
    speaks_of_program,
)
from .classify import LATER, optional_kind
from .draft import MADE_TITLES, GroupDraft, StatementDraft
from .item_text import CONDITION_WORD, ItemDraft, split_name
from .markdown_doc import Alert, Block, BulletList, Paragraph, Table
from .markup import bullet_sentences, plain, sentences
from .prose_facts import THEIR_SIDE, denied_in, names_data, never_without
from .report import FreeFormFragment, PageReport, SectionRead
from .shapes import bold_runs
from .wording import normalized

# -- deciding each group's requirement ----------------------------------------------------------


#: "**Email address**: If you choose, ...", "Crash reports: Optional. ...": a line that
#: speaks of the item it names, not of the page or the section it is in.
_LABELLED = re.compile(
    r"^\W*(?:\*\*|__)[^*_]+(?:\*\*|__)"
    r"|^(?!\W*(?:to|how|if|when|you|we|in order|for|by)\b)[^:.!?]{1,40}:\s",
    re.IGNORECASE,
)
#: ...but a note ("**Note:** You can disable telemetry ...") is no item: it speaks as the page.
_NOTE = re.compile(r"^\W*(?:note|important|tip|warning|caution)\b", re.IGNORECASE)


def _labelled(text: str) -> bool:
    return _LABELLED.match(text) is not None and _NOTE.match(text) is None


def section_cue(kind_word: str | None, title: str, blocks: list[Block]) -> Cue | None:
    """What a section says of its data's requirement: its heading's kind ("Optional data"),
    else the first of its own paragraphs before its data that says (a paragraph after a list
    speaks of what it names: "If you choose to grant access to an application, ...")."""
    if kind_word is not None:
        return Cue(Requirement(kind_word), title, 0)
    # In a section of paragraphs, "We also collect crash reports, but only if you enable ..."
    # speaks of crash reports only (:func:`~.prose_facts.items_in_prose`), not of the section.
    prose = not any(isinstance(block, BulletList | Table) for block in blocks)
    if _paragraphs_of_data(blocks):
        return None  # paragraphs that each name data: each says its own (items_in_prose)
    for block in bold_runs(blocks):
        if isinstance(block, BulletList | Table):
            break
        if isinstance(block, Paragraph | Alert) and not _labelled(block.text):
            # ("Adding a phone number is optional": of that item only, see _items_said)
            of_items = (lambda s: names_data(s) or _of_one_item(s)) if prose else _of_one_item
            cue = cue_in(block.text, block.line, of_items)
            if cue is not None:
                return cue
    return None


def _paragraphs_of_data(blocks: list[Block]) -> bool:
    """Whether ``blocks`` are paragraphs only, more than one of which names data by name."""
    if any(isinstance(block, BulletList | Table) for block in blocks):
        return False
    paragraphs = (plain(b.text) for b in blocks if isinstance(b, Paragraph))
    return sum(any(map(names_data, sentences(text))) for text in paragraphs) > 1


#: How many lines after a list a sentence may refer back to it ("These credentials ...").
_BACK = 15


def denials(blocks: list[Block], found: dict[int, str]) -> None:
    """Add to ``found`` the sentences of ``blocks`` (paragraphs, table cells) that deny
    collecting the data named before them (:func:`~.claims.denied_back`)."""
    for block in blocks:
        texts: list[tuple[int, str]] = []
        if isinstance(block, Paragraph | Alert):
            texts = [(block.line, block.text)]
        elif isinstance(block, Table):
            texts = [
                (row.line, ". ".join(c for c in row.cells if plain(c).strip(" -")))
                for row in block.rows
            ]
        for line, text in texts:
            said = denied_back(text)
            if said is not None:
                found[line] = said


#: A list's lead or heading that says the product keeps its data where the reader is ("The
#: following data is stored only on your device:"): kept, so collected, whatever the page then
#: says of sending it ("This data is not sent to us": where it is, said in the storage text).
_KEPT_HERE = re.compile(
    r"\b(?:stor(?:es|ed)|kept|keeps|saved|saves)\b[^.:]{0,40}?\b(?:on (?:your|the) (?:device|phone|"
    r"computer|machine)|locally|in (?:your|the) browser)\b|\bonly stores\b",
    re.IGNORECASE,
)


def _denied_after(group: GroupDraft, draft: StatementDraft) -> str | None:
    """A sentence soon after the group's list that says its data is not collected."""
    last = max((item.line for item in group.items), default=group.line)
    starts = sorted(
        g.line for d in (draft.required, draft.optional, draft.collected) for g in d.groups
    )
    following = next((line for line in starts if line > last), None)
    for line, said in draft.denials.items():
        if last < line <= last + _BACK and (following is None or line < following):
            return said
    return None


def page_cues(blocks: list[Block], cues: list[Cue], title: str = "", *, page: bool = False) -> None:
    """Add to ``cues`` the page-wide requirement cues of ``blocks`` (see
    :func:`~.claims.page_cue`): paragraphs, notes and the bullets of a list. A sentence that
    names its section's subject ("You can disable Generic statistics" under "Generic
    statistics") speaks of that section only; under a heading that names the program
    ("Configuring Telemetry", or the page's title: ``page``), every sentence speaks of it."""
    program = speaks_of_program(title)
    subject = plain(title).strip().lower() if len(title.split()) > 1 and not page else ""
    if _paragraphs_of_data(blocks):
        return  # each paragraph speaks of the data it names (see section_cue)
    for block in blocks:
        texts: list[tuple[str, int]] = []
        if isinstance(block, Paragraph | Alert):
            texts = [(block.text, block.line)]
        elif isinstance(block, BulletList):
            # (a bullet with its own marker, "your location (optional)", "Name — Optional,
            # used for ...", or an item's name and then its own words, "Usage statistics. You
            # can turn this off.", is an item's)
            texts = [
                (item.text, item.line)
                for item in block.items
                if marker(item.text)[1] is None
                and marker(split_name(item.text)[1] or "")[1] is None
                and not _named_then_said(item.text)
            ]
        for text, line in texts:
            if _labelled(text) or (subject and subject in plain(text).lower()):
                continue
            cue = page_cue(text, line, program=program)
            if cue is not None:
                cues.append(cue)


def _named_then_said(text: str) -> bool:
    """Whether a bullet names data in a few words and then says more of it in sentences of
    its own ("Usage statistics. You can turn this off in Settings.")."""
    said = sentences(plain(text))
    return len(said) > 1 and len(said[0].split()) <= 6 and not _A_VERB.search(said[0])


_A_VERB = re.compile(r"\b(?:is|are|was|were|will|can|may|we|you|it|they)\b", re.IGNORECASE)


def settle(draft: StatementDraft, report: PageReport) -> None:
    """Each group of data the page lists without a heading that says its requirement goes
    where the nearest words that say it put it (the group's lead, a section's text, the page's);
    with none, it stays collected, its requirement not stated. Every decision is reported with
    the words that made it."""
    kept: list[GroupDraft] = []
    empty: list[GroupDraft] = []
    for group in draft.collected.groups:
        # (a group of data named in sentences: a sentence that names its own data says it of
        # that data only, read item by item in items_in_prose)
        prose = not (group.from_list or group.from_table)
        own = cue_in(
            " ".join([*group.intro, *group.condition]), group.line, names_data if prose else None
        )
        cue = Scope(_cues_for(group, draft.page_cues, report.sections), group.scope).decide(own)
        name = group.title or "Data collected"
        count = f"{len(group.items)} item(s)"
        if cue is not None and group.marked_apart is (cue.requirement is Requirement.OPTIONAL):
            # The list marks its optional items one by one: these it does not mark so.
            word = "optional" if group.marked_apart else "required"
            why = f"the list marks its {word} items one by one, not these ({cue.said()})"
            report.review(group.line, "requirement", f"{name!r} ({count}): {why}")
            cue = None
            if group.items:
                kept.append(group)
                continue
        if not group.items:
            empty.append(group)  # (its text: after the data it heads, see below)
            continue
        denied = _denied_after(group, draft)
        if denied and own is None and not _KEPT_HERE.search(" ".join([group.title, *group.intro])):
            # "Examples of access control: Passwords", then "These credentials never leave
            # the user machine": neither plainly collected nor never collected. Text.
            for item in group.items:
                why = f"the page then says it is not collected ({denied!r})"
                _free_item(draft, report, item, "collected-data", group.title, why)
            group.items = []
            empty.append(group)
            continue
        if cue is None:
            said: dict[Requirement, Cue] = {}
            for known in draft.page_cues:
                said.setdefault(known.requirement, known)
            why = (
                " and ".join(c.said() for c in said.values()) + ", for the whole page"
                if len(said) > 1
                else "the page does not say whether it is required or optional"
            )
            report.review(
                group.line,
                "requirement",
                f"{name!r} ({count}): {why}; listed as collected, requirement not stated",
            )
            kept.append(group)
            continue
        report.review(group.line, "requirement", f"{name!r} ({count}): {cue.said()}")
        if cue.requirement is Requirement.OPTIONAL:
            group.kind = group.kind or optional_kind(group.title, " ".join(group.intro))
            draft.optional.groups.append(group)
        else:
            draft.required.groups.append(group)
    draft.collected.groups = kept + empty if kept else []
    if not kept:
        draft.required.groups += empty
        # The text read with data that all went elsewhere follows it there.
        to = (
            "required-data"
            if draft.required.groups or not draft.optional.groups
            else "optional-data"
        )
        for section in draft.sections:
            if section.get("after") == "collected-data":
                section["after"] = to
        for index, piece in enumerate(report.free_form):
            if piece.after == "collected-data":
                report.free_form[index] = replace(piece, after=to)
    if draft.collected.intro and not kept and not (draft.required.groups or draft.optional.groups):
        # Text under a data heading with no data ("reads the title of your tabs, processed
        # locally"): its own text after the required data, never said to be of either kind.
        body = "\n\n".join(draft.collected.intro)
        draft.sections.append({"after": "required-data", "body": body})
        draft.collected.intro = []
    elif draft.collected.intro and not kept:
        # The intro of data that went elsewhere: it introduces the first section it went to.
        target = draft.optional if not draft.required.groups else draft.required
        target.intro = draft.collected.intro + target.intro
        draft.collected.intro = []


#: A heading of data a person gives for an account or a purchase, apart from any program.
_DATA_APART = re.compile(
    r"\b(?:account|billing|payment|profile|contact|registration|subscription|order|purchase|"
    r"customer)s?\s+(?:data|information|details)\b|\binformation (?:that )?you (?:provide|give)\b",
    re.IGNORECASE,
)


def _cues_for(group: GroupDraft, cues: list[Cue], sections: list[SectionRead]) -> list[Cue]:
    """The page's cues that hold for ``group``: under a heading of data apart from any program
    ("## Account data"), not those of a section headed by a program ("## Analytics"); under a
    heading of one kind of program ("## App crash reporting"), not those of a section headed by
    the other ("## Website analytics")."""
    lines = [section.line for section in sections]
    at = bisect_right(lines, group.line or min((i.line for i in group.items), default=0))
    if not at:
        return cues
    apart = _DATA_APART.search(plain(sections[at - 1].heading)) is not None
    own = program_kinds(sections[at - 1].heading)
    kept = []
    for cue in cues:
        of = bisect_right(lines, cue.line)
        heading = sections[of - 1].heading if of and of != at else ""
        theirs = program_kinds(heading) if speaks_of_program(heading) else frozenset()
        if not (theirs and (apart or (own and not own & theirs))):
            kept.append(cue)
    return kept


#: "Providing your phone number is optional.": what a sentence says of one item's requirement.
_ONE_ITEM = re.compile(
    r"^\W*(?:(?:providing|giving|entering|sharing|submitting|adding)\s++(?P<given>.+?)|"
    r"(?P<named>(?:your|the)\s++.+?))(?<!\s)\s+(?:is|are)\s+(?:(?:completely|entirely|always)\s+)?"
    r"(?P<how>optional|voluntary|not (?:required|mandatory|necessary)|required|mandatory)\b",
    re.IGNORECASE,
)
_ITEM_DETERMINER = re.compile(r"^(?:your|the|a|an)\s+", re.IGNORECASE)
_THESE = re.compile(
    r"^(?:this|these|such|all of (?:this|these|them))(?:\s+(?:data|information|"
    r"details|fields))?$"
)


def _of_one_item(sentence: str) -> bool:
    """Whether a sentence says the requirement of one item it names ("Providing your phone
    number is optional"), not of "this data"."""
    said = _ONE_ITEM.match(sentence)
    name = _ITEM_DETERMINER.sub("", said["given"] or said["named"]) if said else "this"
    return not (_THESE.match(name.lower()) or _ALL_DATA.search(name) or speaks_of_program(name))


#: Words that name the data as a whole ("Your personal data is optional"), not one item.
_ALL_DATA = re.compile(r"\b(?:data|information|details|program|feature|service)\b", re.I)


def _items_said(draft: StatementDraft) -> None:
    """Items a sentence of the page's text names as optional or required, marked so."""
    texts = [str(section.get("body", "")) for section in draft.sections]
    texts += [t for d in (draft.collected, draft.required) for t in d.intro]
    items = {
        _ITEM_DETERMINER.sub("", plain(item.name)).lower(): item
        for data in (draft.collected, draft.required, draft.optional)
        for group in data.groups
        for item in group.items
    }
    for paragraph in (p for text in texts for p in text.split("\n\n")):
        before = ""
        for sentence in bullet_sentences(paragraph):
            said = _ONE_ITEM.match(plain(sentence))
            if said is not None:
                name = _ITEM_DETERMINER.sub("", said["given"] or said["named"]).lower()
                how = said["how"].lower()
                optional = how in {"optional", "voluntary"} or how.startswith("not ")
                # "We process your email address and a hashed password. Providing this data
                # is required": the items named before it in its paragraph.
                named = (
                    [i for n, i in items.items() if re.search(rf"\b{re.escape(n)}\b", before)]
                    if _THESE.match(name)
                    else [items[name]]
                    if name in items
                    else []
                )
                for item in named:
                    if item.optional is None:
                        item.optional = optional
            before += " " + plain(sentence).lower()


#: A bullet that says what is not done ("Does NOT make any network requests", "Never ...").
_SAYS_NOT = re.compile(
    r"^\W*(?:(?:does|do|did|will|would|can|is|are)\s*+(?:not|n't)|never|no longer)\b",
    re.IGNORECASE,
)
#: What holds a denial to some case or time ("in the background", "unless you share them",
#: "no longer"): the data is taken otherwise, so the bullet stays as the page wrote it.
_SOMETIMES = re.compile(
    r"\b(?:unless|until|except|without|if|when|whenever|while|only|other than|apart from|"
    r"in the background|by default|no longer)\b",
    re.IGNORECASE,
)


def place_marked(draft: StatementDraft, report: PageReport) -> None:
    """Items marked optional (or required) go to that section, in a group of the same title;
    so does an item whose own condition says it ("If you choose, ..."), or that a sentence
    names ("Providing your phone number is optional.")."""
    _items_said(draft)
    for data in (draft.collected, draft.required):
        for group in data.groups:
            for item in group.items:
                cue = modality(item.condition, item.line) if item.condition else None
                if item.optional is None and cue is not None:
                    item.optional = cue.requirement is Requirement.OPTIONAL
    moves = (
        (draft.required, draft.optional, True, "optional"),
        (draft.collected, draft.optional, True, "optional"),
        (draft.optional, draft.required, False, "required"),
        (draft.collected, draft.required, False, "required"),
    )
    for source, target, optional, word in moves:
        for group in list(source.groups):
            moving = [item for item in group.items if item.optional is optional]
            if not moving:
                continue
            if len(moving) == len(group.items):
                source.groups.remove(group)
                moved = group
            else:
                group.items = [i for i in group.items if i.optional is not optional]
                group.marked_apart = optional
                moved = GroupDraft(group.category, group.title, moving[0].line, items=moving)
                moved.condition = list(group.condition)
                moved.from_table, moved.from_list = group.from_table, group.from_list
                moved.placed = True
            if optional:
                moved.kind = moved.kind or optional_kind(moved.title, " ".join(moved.intro))
            else:
                moved.kind = None
            target.groups.append(moved)
            for item in moving:
                message = f"{item.name!r}: the page marks it {word}; listed under {word} data"
                report.review(item.line, "requirement", message)


# -- items only from data -------------------------------------------------------------------------


#: "☐ Name: No", "Other content: **YES - Time tracking data**": a data type and its answer.
_ANSWERED = re.compile(r"^[^\w(]*+(?P<name>[^:]{1,80}):(?P<reply>.+)$")


#: A reply that is a sentence, not a form's answer ("Never slows down the CLI", "No data
#: leaves your computer").
_SENTENCE_REPLY = re.compile(
    r"^\W*(?:never\s+\w|no\s+[a-z]+\s+(?:[a-z]+\s+)?(?:leaves?|is|are|was|were|will|gets?|goes|"
    r"stays?|reaches|exists?)\b)",
    re.IGNORECASE,
)


def answered(item: ItemDraft, *, in_table: bool = False) -> tuple[str, bool, str] | None:
    """(name, whether collected, the rest) of a bullet that answers yes or no for its data
    (``in_table``: a table's row, where "true" or "false" is a value an example shows)."""
    full = plain(item.name + (f": {item.description}" if item.description else ""))
    match = _ANSWERED.match(" ".join(full.split()))
    reply = answer(match["reply"]) if match else None
    if match is None or reply is None or len(match["reply"].split()) > 12:
        return None
    if _SENTENCE_REPLY.match(match["reply"]):
        return None  # "**Non-blocking** - Never slows down the CLI": a sentence, no answer
    said = item.description if item.description else item.name.partition(":")[2]
    shown = re.match(r"[\s*_]*`([^`]*)`", said)
    if shown and not re.fullmatch(r"(?i)\s*(?:yes|no|y|n)\s*", shown.group(1)):
        return None  # "| `is_ci` | `false` | ...": a value an example shows (not "`No`")
    if in_table and re.match(r"(?i)[\s*_]*(?:true|false)\b", said):
        return None  # "| `debug` | false | ...": a boolean an example shows, no answer
    rest = re.sub(r"^\W*(?:yes|no)\b\W*", "", match["reply"], flags=re.IGNORECASE).strip()
    # (words that only say the answer again, "**Not collected**", are no more)
    again = answer(rest) is reply and len(rest.split()) <= 2
    return match["name"].strip(), reply, "" if again else rest


def _under_question(line: int, questions: Sequence[tuple[int, bool]]) -> bool:
    """Whether the heading over ``line`` asks a question (``questions``: each heading's line,
    and whether it asks one, in page order)."""
    at = bisect_right(questions, (line, True)) - 1
    return at >= 0 and questions[at][1]


#: Words over a group that say it is what a former version took ("Legacy format", "Versions
#: before 2.0 sent:", "Deprecated events"), not what the product takes now.
_FORMER = re.compile(
    r"\b(?:legacy|deprecated|obsolete|no\s+longer|(?:we|it|they)\s+used\s+to|formerly|"
    r"(?:old(?:er)?|previous|"
    r"earlier|former)\s+(?:versions?|releases?|formats?|schemas?)|(?:prior\s+to|before|until)"
    r"\s+(?:v(?:ersion)?\s*)?\d)",
    re.IGNORECASE,
)
_FORMER_WHY = "what a former version took, by the words over it, not what the product takes now"
#: ... or what a later one may take ("We plan to collect, in a later version:").
_LATER = re.compile(rf"{LATER}|\b(?:later|future|upcoming) (?:versions?|releases?)\b", re.I)
_LATER_WHY = "what a later version may take, by the words over it, not what the product takes now"

#: A list's lead that says its data is collected ("Additionally, non-personal data is
#: collected, such as:", "We collect:").
_COLLECTED_LEAD = re.compile(
    r"\b(?:is|are)\s+(?:also\s+)?(?:collected|gathered|recorded)\b"
    r"|\bwe\s+(?:also\s+)?(?:collect|gather|record)\b",
    re.IGNORECASE,
)


#: A lead that names another taker ("collected by Google Play"; a place on the reader's side,
#: "recorded locally on your device", is :data:`~.prose_facts.THEIR_SIDE`).
_BY_OTHER = re.compile(r"\bby\s+(?!us\b|default\b)", re.IGNORECASE)


def _our_lead(lead: str) -> bool:
    """Whether a list's lead says the product collects its data (:data:`_COLLECTED_LEAD`)."""
    return (
        bool(_COLLECTED_LEAD.search(lead))
        and not _BY_OTHER.search(lead)
        and not THEIR_SIDE.search(lead)
        and denial(lead) is None
    )


def keep_data(
    draft: StatementDraft,
    report: PageReport,
    no_data: tuple[int, str] | None = None,
    questions: Sequence[tuple[int, bool]] = (),
) -> None:
    """Take out of the data sections every item whose name is not data (a heading word, a
    legal basis, an address, a value's type: :func:`~.claims.not_data`). One that says data is
    *not* collected ("Credentials never leave the machine") is never collected; the others stay
    as free text after their section, and the report says why. A missing item is a smaller
    fault than a false one. On a page that says no data at all is collected (``no_data``: its
    line and sentence), a list is no claim that its lines are data: only an item the page says
    is collected stays one. A bullet that answers yes or no for its data ("☐ Name: No") says
    whether it is collected, unless the heading over it asks a question (``questions``: each
    heading's line and whether it asks one): it answers that question then."""
    sections = (
        (draft.required, "required-data"),
        (draft.optional, "optional-data"),
        (draft.collected, "collected-data"),
    )
    for data, after in sections:
        for group in list(data.groups):
            # "non-personal data is collected, such as:" over the list: the page's own words
            # there outweigh a sentence elsewhere ("No data is sent to any server").
            led = any(_our_lead(plain(t)) for t in group.intro)
            over = plain(" ".join([group.title, *group.intro]))
            later = (
                _FORMER_WHY if _FORMER.search(over) else _LATER_WHY if _LATER.search(over) else ""
            )
            if later:
                # ("### Legacy format", "Versions before 2.0 sent:"): its words, then its list
                title = "" if group.title in MADE_TITLES else group.title
                if group.intro:
                    words = {"after": after, "title": title, "body": "\n\n".join(group.intro)}
                    draft.sections.append(
                        words if title else {"after": after, "body": words["body"]}
                    )
                    title = ""
                for item in group.items:
                    _free_item(draft, report, item, after, title, later)
                data.groups.remove(group)
                continue
            kept: list[ItemDraft] = []
            for item in group.items:
                collected, name = marked(item.name)
                if collected is False:  # "❌ Your code": a mark that says it is not collected
                    # ("❌ Does NOT track usage statistics": the data its own denial names)
                    held = item.condition or _SOMETIMES.search(name)  # ("unless you share")
                    taken = ([] if held else denied_in(name)) if _SAYS_NOT.match(name) else [name]
                    if not taken:  # "❌ Does NOT make any network requests"
                        not_done = "its words say what is not done, not which data is not taken"
                        _free_item(draft, report, item.renamed(name), after, group.title, not_done)
                        continue
                    draft.never_items.extend(ItemDraft(n, item.line) for n in taken)
                    report.review(item.line, "requirement", f"{name!r}: marked not collected")
                    continue
                item = item.renamed(name) if collected else item
                replied = answered(item, in_table=group.from_table)
                if replied is not None and not_data(replied[0]) is None:  # (not "Required: yes")
                    name, collected, rest = replied
                    if _under_question(item.line, questions):
                        answers = "an answer to the question over it, not data"
                        _free_item(draft, report, item, after, group.title, answers)
                    elif collected:
                        kept.append(item.renamed(name))
                        kept[-1].description = rest or None
                    elif EXCEPTION.search(rest):  # "Email: No (unless you contact support)"
                        excepted = "answered No with an exception: what it excepts is collected"
                        _free_item(draft, report, item, after, group.title, excepted)
                    else:  # "☐ Precise location: No" on a data-safety form
                        draft.never_items.append(ItemDraft(name, item.line))
                        draft.never_items[-1].description = rest or None
                        report.review(item.line, "requirement", f"{name!r}: answered No")
                    continue
                why = not_data(item.name)
                if why is None and item.description and only_denied(item.description):
                    why = "its words only say that data is not taken, not that it is"
                if why is None and no_data is not None and not (item.said or led):
                    why = f"the page says no data is collected (line {no_data[0]}: {no_data[1]!r})"
                said = plain(" ".join(filter(None, (item.name, item.description))))
                if why is None and _NOT_BY_US.search(said):
                    why = "its words say another takes it, not the publisher"
                if why is None and _denies_itself(item):  # "**Location**: we never collect it"
                    draft.never_items.append(item)
                    message = f"{item.name!r}: its own words say it is not collected"
                    report.review(item.line, "requirement", f"{message}; read as never collected")
                    continue
                if why is None or ("not done" in why and _not_kept(plain(item.name))):
                    kept.append(item)
                    never_without(draft, report, item)
                    continue
                said = item.name + (f". {item.description}" if item.description else "")
                if item.description and plain(item.description).startswith(item.name):
                    said = item.description  # ("**Not collected:** A, B": its name once)
                denied = denied_in(said) if "not done" in why else None
                if denied:
                    # The sentence stays, as written, over the list it gives ("This includes,
                    # but is not limited to": a list that is not the whole).
                    draft.never_intro.append(said)
                    draft.never_items.extend(ItemDraft(name, item.line) for name in denied)
                    message = f"{item.name!r}: says data is not collected; read as never collected"
                    report.review(item.line, "requirement", message)
                    continue
                _free_item(draft, report, item, after, group.title, why)
                if why.startswith("a time or an event"):
                    # "When the extension shuts down: duration of the session": the data is
                    # under the event, each nested bullet an item of its own.
                    kept.extend(ItemDraft(d.text, d.line) for d in item.details if not d.details)
            group.items = kept


#: "Payment details, collected and stored by Stripe, not by us": another's data, not ours.
_NOT_BY_US = re.compile(r"\bnot\s+(?:by|through)\s+us\b", re.I)
#: A denial of the data named before it: "we never collect this", "not collected".
_DENIES_IT = re.compile(
    r"(?:\bnot|\bnever|n't)\s+(?:\w+\s+)?(?:collect|gather|track|record|receiv|access)\w*"
    r"(?:\s+(?:this|it|them|these|that|either))?\W*$",
    re.IGNORECASE,
)


_USED = re.compile(r"\b(?:used|sent|collected|processed|received|read|stored|kept)\b|,", re.I)


def _denies_itself(item: ItemDraft) -> bool:
    """Whether a listed item's own words deny taking it ("**Location**: we never collect
    this", a Notes cell "We do not collect contacts"): never collected, not collected."""
    words = [plain(text) for text in (item.description, item.note) if text]
    first = (every := sentences(" ".join(words)))[:1]
    said = denial(first[0]) if first else None
    if not first or said is None:
        return _denied_later(item, every)
    if _USED.search(first[0][: first[0].find(said)]):
        return False  # "used for rate limiting, we do not record it": taken, then not kept
    name = normalized(item.name)
    named = [normalized(n) for n in denied_in(first[0])]
    return (bool(_DENIES_IT.search(first[0])) and not named) or name in named


#: Words that say data is taken or used, in a sentence that denies nothing.
_TAKEN_OR_USED = re.compile(
    r"\b(?:uses?|used|using|collect\w*|gather\w*|sen[dt]s?|process\w*|receiv\w*|reads?|"
    r"stor(?:e|es|ed)|keeps?|kept|access(?:es|ed)?|shar(?:e|es|ed)|track\w*|record\w*|"
    r"log(?:s|ged)?|upload\w*|transmit\w*)\b",
    re.IGNORECASE,
)
#: Words for data after a name's head ("Location *data*").
_DATA_WORD = re.compile(r"(?:data|information|info|details)$")


def _denied_later(item: ItemDraft, said: list[str]) -> bool:
    """Whether a listed item's words, after others that neither take nor use it, deny taking
    it by name ("**Location Data**: The app requires the Location permission for Bluetooth
    scanning. The app does not track your location."): never collected."""
    name = normalized(item.name)
    for sentence in said:
        denied = denial(sentence)
        if denied is None:
            if _TAKEN_OR_USED.search(sentence):
                return False  # ("We use your location to show nearby stores. ...")
            continue
        if not _DENIES_IT.match(denied) or denied.lower().endswith(_KEEPING):
            return False  # ("We do not store it": taken, then not kept)
        named = {normalized(n) for n in denied_in(sentence)}
        return name in named or _DATA_WORD.sub("", name) in named
    return False


#: The last words of a denial of keeping only: taken, then not kept.
_KEEPING = ("stored", "kept", "retained", "saved", "logged", "persisted")
#: Words that say the data stays with the person or is not sent either: not taken at all.
_NOT_TAKEN_EITHER = re.compile(
    r"\b(?:on (?:your|the) device|locally|upload\w*|sen[dt]\w*|transmit\w*|shar\w*)\b", re.I
)


def _not_kept(name: str) -> bool:
    """Whether a listed item's note says only that it is not kept ("IP address (anonymized,
    not stored)", "Search terms, not logged"): taken, then not kept."""
    said = denial(name)
    if said is None or not said.lower().endswith(_KEEPING) or _NOT_TAKEN_EITHER.search(name):
        return False
    before = name[: name.find(said)]
    return "(" in before or "," in before


def _free_item(
    draft: StatementDraft, report: PageReport, item: ItemDraft, after: str, title: str, why: str
) -> None:
    # Everything the line said (a table row's other cells too), as the page's words.
    said = [item.description, item.purpose, item.note, item.condition, item.control]
    said += [item.classification, *item.alternatives]
    words = " ".join(" ".join(part.split()) for part in said if part)
    # (words that open with the item's name, "**Cookies:** This site ...", say it once)
    named = plain(words).startswith(item.name)
    # (a condition read off the line, "... unless you share them", goes back where it stood)
    joint = " " if words == item.condition and CONDITION_WORD.match(words) else ": "
    text = words if named else item.name + (f"{joint}{words}" if words else "")
    details = "".join(f"\n  - {detail.text}" for detail in item.details)
    report.free_form.append(FreeFormFragment(item.line, item.line, after, title, text, why))
    report.review(item.line, "not data", f"{item.name!r}: {why}; kept as text")
    body = f"- {text}{details}"
    if title in MADE_TITLES:
        title = ""  # a title the import gave the group, not the page's words
    last = draft.sections[-1] if draft.sections else None
    if (
        last is not None
        and (last.get("after"), last.get("title", "")) == (after, title)
        and all(line.startswith(("- ", "  - ")) for line in str(last["body"]).split("\n"))
    ):
        last["body"] = f"{last['body']}\n{body}"  # the bullets of one list stay one list
        return
    draft.sections.append(
        {"after": after, "title": title, "body": body} if title else {"after": after, "body": body}
    )
