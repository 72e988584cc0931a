"""One data item from the text of a bullet or a table cell: name, description, condition…

In "**Azure tenant ID** - GUID that identifies your organization" or "Full URL, when clicked."
the name becomes the item's name (plain text), the rest its description (Markdown), a trailing
"only when…" its condition, and nested bullets its details or, after "one of the following",
its alternatives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from .claims import TAKEN_LABEL, described_requirement, marker, not_data
from .classify import split_condition
from .markdown_doc import BulletList, ListItem, Paragraph, parse
from .markup import OPENING, has_html, html_to_markdown, links, one_line, plain

_BOLD_LEAD = re.compile(
    r"^\*\*(?P<name>[^*]+?)\*\*\s*(?P<sep>[:.\-\u2013\u2014]?)\s*(?P<rest>.*)$", re.S
)
#: "*Device Data.* We collect ...", "_Log data:_ ...": a label in italics that ends on a stop.
_ITALIC_LEAD = re.compile(
    r"^(?P<mark>[*_])(?![*_])(?P<name>[^*_\n]{1,60}?)(?:[.:](?P=mark)|(?P=mark)[.:])\s+"
    r"(?P<rest>\S.*)$",
    re.S,
)
#: A requirement said before an item's words ("**Optional:** phone number").
_LABEL_FIRST = re.compile(r"^\W*(?:optional|required|mandatory)\W*:", re.I)
#: "**Collected:** A, B and C", "Data sent: A and B", "What we collect: A": a label that says
#: the names after it are data collected; they are the bullet's list.
_COLLECTED_LABEL = re.compile(rf"^\W*{TAKEN_LABEL}[*_]*\s*:\s*[*_]*\s*(?P<rest>\S.*)$", re.I)
#: Such a label alone, over the bullets of its data.
COLLECTED_HEAD = re.compile(rf"\W*{TAKEN_LABEL}\W*", re.I)
#: What follows such a label that is no list of data: an answer, a time, a manner.
_NO_LIST = re.compile(
    r"^\W*(?:yes|no|none|nothing|n/?a|only|at|every|on|after|before|during|always|never|"
    r"sometimes|anonymi[sz]ed|locally|daily|weekly|hourly|monthly|once|see)\b",
    re.I,
)
#: Words no name in such a list has: a number, a link or a domain, a pointer ("the same fields
#: as", "the following"), a requirement of its own, people, a party or a place, a time or a
#: manner, a filler ("nothing else").
_NOT_A_LISTED_NAME = re.compile(
    r"\d|%|\]\(|\.(?:io|com|net|org|dev|app|co|ai)\b|\b(?:only|same|following|these|those|"
    r"listed|below|above|see|depends|varies|unknown|optional|required|mandatory|users|"
    r"customers|people|visitors|members|region|servers|affiliates|partners|securely|"
    r"anonymously|automatically|immediately|approximately|manually|directly|continuously|"
    r"upon|twice|side|end-to-end|real[- ]time|else|similar|minimal)\b"
    # (a part of the product or a step, not its data: "Desktop app", "Beta builds", "First
    # launch", "checkout"; not "version of the app", "number of builds")
    r"|^(?:[\w-]+\s+)?(?:apps?|cli|website|site|extension|plugin|builds|launch|registration|"
    r"checkout)\W*$",
    re.I,
)
#: How or where data is taken, not what ("to PostHog", "in the background", "for account
#: recovery", "Off by default", "Encrypted in transit", "hashed", "client-side"): a part that
#: opens with a preposition, or with a word of manner alone or before one.
_NOT_A_NOUN_PHRASE = re.compile(
    r"^(?:(?:to|by|via|through|over|in|for|per|since|until|from|with|about|on|at|as|into)\b|"
    r"(?:opt-?in|opt-?out|off|disabled|enabled|encrypted|hashed|aggregated|anonymous|"
    r"anonymi[sz]ed|minimal|kept|default|[\w-]+-side)\b(?:$|\s+(?:to|by|via|through|over|in|"
    r"for|per|since|until|from|with|about|on|at|as)\b))",
    re.I,
)
#: A part of such a list: each name, between commas, semicolons, "and" and "or" (each run of
#: spaces read from its start only: in linear time).
_LIST_PART = re.compile(
    r"(?:(?<!\s)\s*+)?[,;]\s*+(?:(?:and|or)\s++)?|(?<!\s)\s++(?:and|or)\s++", re.I
)
_MARK_WORD = re.compile(r"^\s*(?:optional|required|mandatory|opt-in|yes|no)\s*$", re.I)
#: "The **program name** is the basename of ...": a term defined by its bullet.
DEFINED_TERM = re.compile(
    r"^(?:the|an?)\s+(?P<name>\*\*[^*\n]{1,60}?\*\*(?:\s+\S+){0,4}?)\s+(?:is|are)\s", re.I
)
_DASH = re.compile(r"(?<!\s)\s+[-\u2013\u2014]\s+")
_COLON = re.compile(r":\s+")
_SUCH_AS = re.compile(r",?(?<!\s)\s+(?=(?:such as|including|like|e\.g\.)\s)", re.IGNORECASE)
_IS = re.compile(r"(?<!\s)\s+(?=(?:is|are)\s)", re.IGNORECASE)
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|will|would|can|could|may|might|must|should|has|have|had|"
    r"does|do|did|uses?|used|sends?|sent|collects?|collected|helps?|allows?|identif(?:y|ies))\b",
    re.IGNORECASE,
)
_ALTERNATIVES = re.compile(
    r"\bone of\b|\beither\b|\bin (?:the following )?order\b|\bfirst available\b|\bwhichever\b"
    r"|\bany of the following\b",
    re.IGNORECASE,
)
_ORDERED = re.compile(
    r"\bin (?:the following )?order\b|\border of\b|\bfirst available\b|\bpriority\b"
    r"|\bin order of preference\b",
    re.IGNORECASE,
)


@dataclass
class DetailDraft:
    text: str
    details: list[DetailDraft] = field(default_factory=list)
    #: The source line of its bullet (0: not known).
    line: int = 0

    def record(self) -> Any:
        if not self.details:
            return self.text
        return {"text": self.text, "details": [d.record() for d in self.details]}


def _add(parts: list[str], text: str) -> None:
    """``value = f"{value}\\n\\n{text}" if value else text``, for a value kept as its parts."""
    if not parts or parts == [""]:
        parts[:] = [text]
    else:
        parts.append(text)


def _joined(parts: list[str]) -> str | None:
    return "\n\n".join(parts) if parts else None


@dataclass
class ItemDraft:
    """A data item as the page words it. ``description``, ``note`` and ``purpose`` grow by
    paragraphs (a table row that continues the item), joined when read: time linear in them."""

    name: str
    line: int
    condition: str | None = None
    details: list[DetailDraft] = field(default_factory=list)
    alternatives_intro: str | None = None
    alternatives: list[str] = field(default_factory=list)
    ordered: bool = False
    control: str | None = None
    classification: str | None = None
    #: workload id -> (applies, condition)
    workloads: dict[str, tuple[bool, str | None]] = field(default_factory=dict)
    #: Named in another bullet's list ("such as date & time, iOS version"), not a bullet itself.
    implied: bool = False
    #: What the page marks the item as: True optional ("(optional)"), False required, None
    #: nothing (the item goes where its section says).
    optional: bool | None = None
    #: Named by the subject of a sentence that says it is collected ("X is collected, ..."):
    #: data in a list of such sentences, a statement among others (see :func:`is_data_list`).
    said: bool = False
    #: A bullet of its own (not a table cell): it may list several items ("A, B, C").
    listable: bool = False
    _description: list[str] = field(default_factory=list, init=False, repr=False)
    _note: list[str] = field(default_factory=list, init=False, repr=False)
    _purpose: list[str] = field(default_factory=list, init=False, repr=False)

    @property
    def description(self) -> str | None:
        return _joined(self._description)

    @description.setter
    def description(self, value: str | None) -> None:
        self._description = [] if value is None else [value]

    @property
    def note(self) -> str | None:
        return _joined(self._note)

    @property
    def purpose(self) -> str | None:
        return _joined(self._purpose)

    def add_note(self, text: str) -> None:
        _add(self._note, text)

    def renamed(self, name: str, *, nested: bool = True) -> ItemDraft:
        """A copy under another name (with its details and alternatives, if ``nested``)."""
        copy = replace(
            self,
            name=name,
            details=list(self.details) if nested else [],
            alternatives_intro=self.alternatives_intro if nested else None,
            alternatives=list(self.alternatives) if nested else [],
            ordered=self.ordered and nested,
            workloads=dict(self.workloads),
            said=False,
            listable=False,
        )
        copy._description, copy._note = list(self._description), list(self._note)
        copy._purpose = list(self._purpose)
        return copy

    def absorb(self, other: ItemDraft) -> None:
        """The same data listed again in a group (another row, another event): one item that
        says what each said. Collected without a condition once, it has none."""
        if self.condition and other.condition and other.condition not in self.condition:
            self.condition = f"{self.condition}; {other.condition}"
        elif not other.condition:
            self.condition = None
        for mine, theirs in (
            (self._description, other._description),
            (self._purpose, other._purpose),
            (self._note, other._note),
        ):
            mine += [text for text in theirs if text not in mine]
        said = {detail.text for detail in self.details}
        self.details += [detail for detail in other.details if detail.text not in said]

    def is_bare(self) -> bool:
        """Whether the item says nothing but its name."""
        return not (
            self._description
            or self._note
            or self._purpose
            or self.condition
            or self.details
            or self.alternatives
            or self.control
            or self.classification
            or self.workloads
        )

    def add_description(self, text: str) -> None:
        _add(self._description, text)

    def add_purpose(self, text: str) -> None:
        _add(self._purpose, text)


#: Verbs that make an item's name a sentence ("X is sent to Y", "X uses Y").
_SENTENCE_VERB = re.compile(
    r"\b(?:is|are|was|were|will|can|may|must|should|uses|sends|collects|helps|allows|requires|"
    # (and verbs no plural noun spells: "X emits events"; not "logs", "records", "reports")
    r"provides|enables|stores|shares|emits|transmits|gathers|retrieves|receives|contains|"
    r"includes)\b",
    re.IGNORECASE,
)

_CLAUSE = re.compile(
    r"\b(?:that|which|who|when|if|where|whenever|unless|while|whether)\b.*$", re.I | re.S
)

_CONDITION_FIRST = re.compile(r"^(?:if|when|unless|while|once)\b[^,]*,", re.I)
_WE_FIRST = re.compile(
    r"^(?:(?:we|you|they|i)\s+(?:\w+\s+)?\w|(?:the|this|our)\s+(?:app|application|extension|"
    r"sdk|tool|cli|service|product|program|module|library|software|website|site|plugin)\s+"
    # ("The app retrieves your data, ...": verbs only, not "The app logs" or "records")
    r"(?:also\s+|only\s+)?(?:retrieves|collects|sends|stores|uses|reads|accesses|receives|"
    r"displays|processes|keeps|needs|requires|asks|lets|allows|gets|fetches|creates|"
    r"generates|syncs)\s)",
    re.I,
)
CONDITION_WORD = re.compile(r"^(?:if|when|whenever|unless|while|once)\s", re.I)


def reads_as_sentence(draft: ItemDraft) -> bool:
    """Whether an item's name is a sentence ("X is sent to Y"), by its main clause."""
    words = draft.name.split()
    if _CONDITION_FIRST.match(draft.name):
        return True  # "If the policy is set, Edge sends ...": a sentence that starts with its if
    if CONDITION_WORD.match(draft.name) and draft.description:
        return True  # (the same, its name cut at the comma: "When X" and "a call is sent ...")
    if _WE_FIRST.match(draft.name):
        return True  # "We use the rudder collector to send usage analytics"
    main = _CLAUSE.sub("", draft.name)
    return len(words) > 14 or bool(_SENTENCE_VERB.search(main))


def is_data_list(items: list[ItemDraft]) -> bool:
    """Whether bullets name data (most are noun phrases), not make statements."""
    said = sum(item.said for item in items)
    if said * 3 >= len(items) * 2:  # "X is collected, including ...", bullet after bullet
        return True
    sentences = sum(reads_as_sentence(item) or item.said for item in items)
    return sentences * 2 <= len(items)


def _short_noun_phrase(text: str, words: int) -> bool:
    value = plain(text)
    return 0 < len(value.split()) <= words and not _VERB.search(value)


def _strip_period(text: str) -> str:
    text = text.strip().rstrip(",;").rstrip()  # ("- your avatar (optional),": a list as a sentence)
    if text.endswith(".") and not text.endswith(("etc.", "..", "e.g.", "i.e.")):
        return text[:-1].rstrip()
    return text


def _in_code(text: str, index: int) -> bool:
    """Whether ``index`` falls inside an inline code span (`Flag: --style` is one name)."""
    return text[:index].count("`") % 2 == 1


#: The words that continue a bold name ("or file contents"), up to a bracket or a clause.
_JOINED = re.compile(
    r"(?:or|and|&|/)\s+[^(),:;.\u2014\u2013]{1,40}?(?=\s*(?:[(),:;.\u2014\u2013]|\s-\s|$))"
)

#: The noun a bold qualifier leads, after two words at most ("**System** metrics,", "**Crash**
#: reports.", "**Anonymous** usage data"), up to where the name ends: a stop, a bracket, a dash
#: or "such as" (not "**Location** data is used", nor "**Sentry** collects crash reports").
_HEAD_NOUN = re.compile(
    rf"(?:(?!{_VERB.pattern}|(?:we|you|it|they|not|never|no|only|and|or|but|if|when|to|for|"
    r"by|(?:collect|gather|receive|record|log|store|save|keep|process|need|include|contain|"
    r"capture|track|send|upload|transmit|get|use|share|sell|see)s?)\b)[\w-]+\s+){0,2}"
    r"(?:metrics|data|information|info|details|statistics|stats|reports?|logs?|events?|"
    r"identifiers?|IDs?|settings|preferences|address(?:es)?|numbers?|names?|versions?|history|"
    r"contents?|files?|records?|counts?|traces?|cookies|messages?)"
    r"(?=\s*(?:[(),:;.\u2014\u2013]|\s-\s|$)|\s+such as\b)",
    re.IGNORECASE,
)
#: Bold words that are no qualifier of data: a marker, a denial, a form's label, a command
#: ("**Optional** crash reports", "**Never** sends", "**Collected** data", "**Disable** ...").
_NOT_A_QUALIFIER = re.compile(
    r"(?:optional(?:ly)?|opt-(?:in|out)|required|mandatory|only|not|never|no|none|does not|"
    r"doesn't|do not|don't|collected|stored|shared|sold|sent|retained|deleted|encrypted|"
    r"transferred|received|gathered|recorded|collect|disable|enable|turn off|turn on|send|share|"
    r"sell|store|use|delete|remove|see|read|view|we|you|it|they)",
    re.IGNORECASE,
)


def split_name(text: str) -> tuple[str, str | None]:
    """(name, description) of an item's Markdown text, split where that is reliable."""
    value = text.strip()
    defined = DEFINED_TERM.match(value)
    if defined:  # "The **GOOS** and **GOARCH** values are ...": "GOOS and GOARCH values"
        return plain(defined.group("name")).strip(), value
    bold = _BOLD_LEAD.match(value)
    if bold and bold.group("name").strip():
        name = bold.group("name").strip().rstrip(":").strip()
        rest = bold.group("rest").strip()
        joined = _JOINED.match(rest) if bold.group("sep") == "" else None
        if joined:  # "**Source code** or file contents": one name, its first words in bold
            name = f"{name} {plain(joined.group(0)).strip()}"
            rest = rest[joined.end() :].strip().lstrip("-:\u2014\u2013").strip()
            return name, rest or None
        label = bold.group("name").rstrip().endswith((":", ".", "?", "!"))  # ("**Logs:** IP")
        qualifies = bold.group("sep") == "" and not label and rest[:1].isalnum()
        noun = _HEAD_NOUN.match(rest) if qualifies else None
        if noun and not _NOT_A_QUALIFIER.fullmatch(name):
            # "**System** metrics, such as ...": the bold words qualify the name's noun, the
            # bullet its words; before a bracket, it is read as it would be unbolded ("IP
            # address (anonymized) - used for ...", "Email address (required)")
            after = rest[noun.end() :].strip()
            if not after or after.startswith("("):
                return split_name(f"{name} {rest}")
            return f"{name} {noun.group(0)}", value
        if bold.group("sep") == "" and rest and not rest.startswith(("(", ",")):
            # "**Diagnostic data** is used to ..." - the bold words start a sentence.
            return name, value
        return name, rest or None
    italic = _ITALIC_LEAD.match(value)
    if italic and not _MARK_WORD.match(italic["name"]):  # ("*Optional:* crash reports")
        return italic["name"].strip(), italic["rest"].strip()
    for pattern, limit in ((_DASH, 12), (_COLON, 6)):
        match = next((m for m in pattern.finditer(value) if not _in_code(value, m.start())), None)
        if match and _short_noun_phrase(value[: match.start()], limit):
            rest = value[match.end() :].strip()
            if rest:
                return value[: match.start()].strip(), rest
    match = _SUCH_AS.search(value)
    if match and _short_noun_phrase(value[: match.start()], 6):
        return value[: match.start()].strip(), value[match.end() :].strip()
    return value, None


#: The longest an item's name may be: past it, a name is a phrase with more in it.
MAX_NAME_LENGTH = 100
#: Where a name's first sentence ends ("Gatsby machine ID. This is generated with ...").
_SENTENCE_BREAK = re.compile(
    r"(?<=[A-Za-z0-9)\]`*])(?<!\.[A-Za-z])(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)(?<!\bInc)(?<!\bLtd)(?<!\bCo)"
    r"\.\s+(?=[A-Z*`\[])"
)
_NAME_PARENS = re.compile(r"(?<!\s)\s+\(")
_NAME_COMMA = re.compile(r",\s+")
_NAME_CLAUSE = re.compile(r"(?<!\s)\s+(?=(?:that|which|who|where|when)\s)")
#: Where the rest of a long phrase may start ("logs under /var/log", "usage and whether ...").
_NAME_QUALIFIER = re.compile(
    r"(?<!\s)\s+(?=(?:and whether|or whether|rather than|under|in|with|without|except|via|for|from|"
    r"on|at)\s)"
)


def short_name(name: str, description: str | None) -> tuple[str, str | None]:
    """A name that holds more than a name, cut; what follows leads the description."""
    cuts: list[re.Match[str] | None] = [_SENTENCE_BREAK.search(name)]
    if len(plain(name)) > MAX_NAME_LENGTH and not _name_list(plain(name)):
        cuts += [
            _COLON.search(name),
            _NAME_PARENS.search(name),
            _NAME_CLAUSE.search(name),
            _NAME_COMMA.search(name),
        ]
    for cut in cuts:
        if cut is None or not 0 < len(plain(name[: cut.start()]).split()) <= 12:
            continue
        if name.count("(", 0, cut.start()) != name.count(")", 0, cut.start()):
            continue  # never inside parentheses
        keep = cut.re in (_NAME_PARENS, _NAME_CLAUSE)  # "(...)", "that ...": part of the text
        moved = (name[cut.start() :] if keep else name[cut.end() :]).strip()
        if not moved:
            continue
        return name[: cut.start()].strip(), f"{moved} {description}" if description else moved
    if len(plain(name)) > MAX_NAME_LENGTH and not _name_list(plain(name)):
        # The last qualifier that leaves a name within the bound.
        fits = [
            m
            for m in _NAME_QUALIFIER.finditer(name)
            if len(plain(name[: m.start()])) <= MAX_NAME_LENGTH
            and len(name[: m.start()].split()) >= 2
            and name.count("(", 0, m.start()) == name.count(")", 0, m.start())
        ]
        if fits:
            cut = fits[-1]
            moved = name[cut.end() :].strip()
            return name[: cut.start()].strip(), f"{moved} {description}" if description else moved
    return name, description


@dataclass
class ItemSource:
    """The Markdown of one item: its first paragraph, further paragraphs and nested bullets."""

    text: str
    line: int
    paragraphs: tuple[str, ...] = ()
    children: tuple[ListItem, ...] = ()
    ordered_children: bool = False

    @classmethod
    def from_list_item(cls, item: ListItem) -> ItemSource:
        return cls(
            item.text,
            item.line,
            item.paragraphs,
            item.children,
            bool(item.children and item.children[0].ordered),
        )

    @classmethod
    def from_cell(cls, cell: str, line: int) -> ItemSource:
        """A table cell, whose HTML lists become nested bullets."""
        markdown = html_to_markdown(cell) if has_html(cell) else cell
        document = parse(markdown)
        texts: list[str] = []
        children: list[ListItem] = []
        ordered = False
        for block in document.blocks:
            if isinstance(block, BulletList):
                children.extend(block.items)
                ordered = ordered or block.ordered
            elif isinstance(block, Paragraph):
                texts.append(block.text)
        if not texts and children:
            first, *rest = children
            return cls(first.text, line, first.paragraphs, tuple(rest), ordered)
        head = texts[0] if texts else ""
        head_lines = [part.strip() for part in head.split("\n") if part.strip()]
        if len(head_lines) > 1 and "\n" in markdown and markdown != cell:
            # Lines separated by <br> in a cell: separate values, like a list.
            extra = tuple(ListItem(part, line) for part in head_lines[1:])
            return cls(head_lines[0], line, tuple(texts[1:]), extra + tuple(children), ordered)
        return cls(head, line, tuple(texts[1:]), tuple(children), ordered)


#: A detail that labels a list of names in code ("Automatic props: `app_version`, `arch`,
#: `is_dev` (coarse counts only)"): each name a detail of it.
_LABELLED_CODES = re.compile(
    r"^(?P<label>[^:`]{1,40}):\s*(?P<codes>`[^`\n]+`(?:\s*,\s*(?:and\s+)?`[^`\n]+`)+)"
    r"\s*(?P<aside>\([^()]*\))?\.?$"
)


#: A label of what is not taken ("Never sent", "Excluded", "Not collected").
_NOT_TAKEN = re.compile(r"\b(?:not|never|no|excluded|without|redacted|removed)\b|n't\b", re.I)


def _detail(item: ListItem) -> DetailDraft:
    text = one_line(item.text)
    labelled = _LABELLED_CODES.match(text) if not item.children and not item.paragraphs else None
    if labelled is not None and not _NOT_TAKEN.search(labelled["label"]):
        label = " ".join(filter(None, (labelled["label"].strip(), labelled["aside"])))
        codes = re.findall(r"`[^`\n]+`", labelled["codes"])
        return DetailDraft(label, [DetailDraft(code, line=item.line) for code in codes], item.line)
    extra = [one_line(p) for p in item.paragraphs]
    body = "\n\n".join([text, *extra]) if extra else text
    return DetailDraft(body or "(empty)", [_detail(child) for child in item.children], item.line)


#: "Browser diagnostic data is collected.", "WebView2-related data is collected, including API
#: usage": a sentence that says some data is collected, named by its subject.
_COLLECTED = re.compile(
    r"^(?:the\s++)?(?P<name>[^.;:!?,()]{2,80}?)(?<!\s\s)\s+(?:is|are)\s+(?:also\s+|only\s+|always\s+)?"
    r"(?:collected|sent|uploaded|gathered|recorded|logged|transmitted)\b",
    re.IGNORECASE,
)
#: A bullet that starts with when it applies, in parentheses: "*(Google Play build)* ...".
_LEAD_CONDITION = re.compile(r"^(?:\*|_)?\((?P<when>[^()\n]{2,120})\)(?:\*|_)?\s+")
#: What a leading parenthesis may hold that is not a condition: a requirement marker (read by
#: :mod:`.requirement`) or an enumeration ("(ii)", "(a)").
_NOT_A_CONDITION = re.compile(
    r"^(?:optional|opt-in|required|mandatory|[ivxlc]{1,5}|[a-z]|\d{1,3})$", re.IGNORECASE
)
_RELATIVE_END = re.compile(r"\b(?:that|which|who|whose|where|when)$", re.IGNORECASE)
_NOT_A_SUBJECT = re.compile(
    r"^(?:it|this|that|these|those|nothing|no data|data|information|everything|all|which)$"
    r"|^(?:no|none|nothing|only|some|any|neither|never)\b",  # "No personal data is collected."
    re.IGNORECASE,
)


_ASKED = re.compile(r"\b(?:what|which|whether|how|why)\b", re.IGNORECASE)


#: "We record the name of the command you run.": the object of the publisher's verb.
_COLLECTED_OBJECT = re.compile(
    r"^(?:we|it|the (?:cli|tool|app|sdk|extension|library|service))\s+(?:also\s+|only\s+)?"
    r"(?:record|send|collect|track|log|store|capture|report|gather)s?\s+"
    r"(?!(?:no|nothing|none|any|it|them|this|that|these|those|data|information)\b)"
    r"(?:the\s+|your\s+|a\s+|an\s+)?(?P<name>[^,;:()]{2,80}?)"
    r"(?:\s+(?:when|whenever|if|to|for|so|because|in order|while|as)\b.*)?\.?$",
    re.IGNORECASE,
)


def collected_object(text: str) -> str | None:
    """The data a bullet says the publisher takes ("We record the name of the command you
    run."), at most eight words; None for anything else."""
    match = _COLLECTED_OBJECT.match(plain(text).strip())
    if match is None or len(match.group("name").split()) > 8:
        return None
    name = match.group("name").strip()
    return name[:1].upper() + name[1:]


def collected_subject(text: str) -> str | None:
    """The data a sentence says is collected (its subject, at most eight words), if it says so."""
    match = _COLLECTED.match(plain(text).strip())
    if match is None:
        return None
    name = OPENING.sub("", match.group("name").strip())  # ("Note that no PII is collected")
    if len(name.split()) > 8 or _NOT_A_SUBJECT.match(name) or _VERB.search(name):
        return None
    if _ASKED.search(name):  # "Shows exactly what data is collected": a question, no claim
        return None
    if _RELATIVE_END.search(name):  # "Logs that are uploaded when ...": a name, not a sentence
        return None
    return name[:1].upper() + name[1:]


def item_from(source: ItemSource) -> ItemDraft:
    """Read one item from its Markdown (see the module docstring)."""
    text = one_line(html_to_markdown(source.text) if has_html(source.text) else source.text)
    text = text.replace("\n", " ")
    lead_condition = _LEAD_CONDITION.match(text)
    if lead_condition and _NOT_A_CONDITION.match(lead_condition.group("when").strip()):
        lead_condition = None  # "(Optional) Email address", "(ii) the device identifier"
    if lead_condition and lead_condition.end() < len(text):
        # "*(Google Play build, push notifications enabled)* a per-device push token, ...".
        text = text[lead_condition.end() :].strip()
    labelled = None if source.children else _COLLECTED_LABEL.match(text)
    answers = labelled is not None and not _data_listed(plain(labelled["rest"]))
    if labelled and not answers:
        text = labelled["rest"]  # "**Collected:** A, B": the label is the list's lead
    labelled = None if answers else labelled
    said = (collected_subject(text) or collected_object(text)) if not source.children else None
    if said is not None and split_name(text)[1] is None:
        # The sentence names its data: the item is the subject, the sentence what it says.
        draft = ItemDraft(name=said, line=source.line, said=True)
        draft.description = text
        if lead_condition:
            draft.condition = lead_condition.group("when").strip()
        for paragraph in source.paragraphs:
            draft.add_description(one_line(paragraph))
        return draft
    wants_alternatives = bool(source.children) and bool(_ALTERNATIVES.search(plain(text)))
    wants_alternatives = wants_alternatives and all(not c.children for c in source.children)
    condition = None
    rest = ""
    head = text
    if not wants_alternatives:
        head, condition, rest = split_condition(text)
    label_says = None
    if _LABEL_FIRST.match(head):  # "**Required**: your email address": the label says which
        named, says = marker(head)
        if not _VERB.search(plain(named)) and not not_data(named):  # (not "Required: yes")
            head, label_says = named, says
    name, description = split_name(head)
    if answers and (form := _COLLECTED_LABEL.match(text)):
        # "Data sent: every 24 hours": a form's label and its answer (its words as written)
        name, description = plain(text[: form.start("rest")]).strip(" :"), text
        condition, rest = None, ""
    name, description = short_name(name, description)
    name, optional = marker(name)
    if description:
        description, described = marker(description)
        description = description.lstrip(":;,-\u2013\u2014 ") or None
        optional = described if optional is None else optional
        if optional is None and description:
            # "**Spec URLs**: Required to run the analysis.", "Contact details (if provided)"
            optional = described_requirement(plain(description))
    optional = label_says if optional is None else optional
    if wants_alternatives and description is None:
        subject = _IS.search(text)
        if subject and _short_noun_phrase(text[: subject.start()], 6):
            name = text[: subject.start()]
            description = text
    draft = ItemDraft(
        name=_strip_period(plain(name)).rstrip(":").strip() or plain(text) or "(unnamed)",
        line=source.line,
    )
    draft.optional = optional
    name_links = links(name)
    if name_links:
        draft.add_note(" ".join(f"[{title}]({url})" for title, url in name_links))
    if condition:
        draft.condition = plain(condition)
    if lead_condition:
        draft.condition = "; ".join(
            part for part in (lead_condition.group("when").strip(), draft.condition) if part
        )
    if wants_alternatives:
        draft.alternatives_intro = description or None
        draft.alternatives = [
            "\n\n".join([one_line(c.text), *(one_line(p) for p in c.paragraphs)]) or "(empty)"
            for c in source.children
        ]
        draft.ordered = bool(_ORDERED.search(plain(text))) or source.ordered_children
    else:
        examples = _EXAMPLES.match(description or "") if not source.children else None
        parts = _name_list(examples["list"]) if examples else None
        if examples and parts and not any(map(_CLAUSE_PART.search, parts)):
            # "Associated metadata such as file name, file type, and upload time may also be
            # stored": what the data is made of (the words stay its description, as written)
            draft.details = [DetailDraft(part, line=source.line) for part in parts]
        else:
            draft.details = [_detail(child) for child in source.children]
        if description:
            draft.description = description
    if rest:
        draft.add_description(rest)
    for paragraph in source.paragraphs:
        draft.add_description(one_line(paragraph))
    draft.said = draft.said or labelled is not None
    return draft


def says_taken(text: str) -> bool:
    """Whether a bullet's words open with a label that says its data is taken ("**Collected:**
    anonymous usage counts"): in a list of what is never collected, no entry."""
    words = plain(text).strip()
    return bool(_COLLECTED_LABEL.match(words) or COLLECTED_HEAD.fullmatch(words))


def _data_listed(words: str) -> bool:
    """Whether the words after a label that says data is collected only name data: not an
    answer ("Yes", "None"), a time ("only when you opt in"), a sentence, a place or a manner,
    nor a company's or a product's name (every word capitalized: "Google Analytics")."""
    if _NO_LIST.match(words) or _VERB.search(words) or CONDITION_WORD.match(words):
        return False
    if re.search(r"[.!?]\s+\S", words):
        return False  # ("A and B. See the docs.": a sentence more)
    parts = [part for part in _LIST_PART.split(words.strip(" .")) if part]
    each = [word.strip("()") for part in parts for word in part.split()]
    named = all(word[:1].isupper() for word in each) and not all(map(str.isupper, each))
    # ("Google Analytics", "Amazon Web Services (AWS)", "PostHog and Sentry", "Monday")
    return bool(parts) and not named and not not_data(words) and all(map(_listed_name, parts))


def _listed_name(part: str) -> bool:
    return (
        bool(part.split())
        and not _NOT_A_LISTED_NAME.search(part)
        and not _NOT_A_NOUN_PHRASE.match(part)
    )


#: "such as A, B, and C may also be stored": examples of the data named before, up to the
#: sentence's verb.
_EXAMPLES = re.compile(
    r"^(?:such as|including|like|e\.g\.)[,:]?\s+(?P<list>[^.;:()]+?)"
    r"(?:(?<!\s)\s+(?:may|might|will|can|could|are|is|were|was|gets?)\b[^;]*)?$",
    re.IGNORECASE,
)
#: A part of a list that starts or ends a clause ("whether dark mode", "upload time, which"):
#: the list goes on past the verb.
_CLAUSE_PART = re.compile(r"^(?:whether|how|if|which|that|who)\b|\b(?:which|that|who)$", re.I)
#: A bullet that only lists several pieces of data: "IP address, domain, sub-domain".
_LIST_SEPARATOR = re.compile(r"(?:(?<!\s)\s*)?,\s*(?:(?:and|or)\s+)?|(?:(?<!\s)\s*)?;\s*")
_LAST_AND = re.compile(r"(?<!\s)\s+(?:and|or)\s+")
#: Words that make a part a phrase about something rather than the name of some data.
_NOT_A_NAME = re.compile(
    r"/|\b(?:with|from|by|about|between|to|into|on|at|than|as|etc)\b", re.IGNORECASE
)

_PARENTHESIZED = re.compile(r"\([^()]*\)")


def listed_items(draft: ItemDraft) -> list[ItemDraft]:
    """The items a bullet lists when it is only three or more short names (two after a label
    that says they are collected: "Data sent: A and B"), else it."""
    if draft.description or draft.details or draft.alternatives or draft.note or draft.purpose:
        return [draft]
    parts = _name_list(draft.name, 2 if draft.said else 3)
    return [_listed(draft, part) for part in parts] if parts else [draft]


#: "run_id (plus the exception type and stack trace)": a name, then a clause about it.
_TRAILING_CLAUSE = re.compile(r"^(?P<name>[^()]+?)(?<!\s)\s*\((?P<said>[^()]*)\)\s*$")


def _listed(draft: ItemDraft, part: str) -> ItemDraft:
    """One name of a list; a clause in parentheses after it describes it (a short one, such
    as "(podman, kubernetes)", stays part of the name)."""
    clause = _TRAILING_CLAUSE.match(part)
    if clause is None or len(clause.group("said").split()) <= 3:
        return draft.renamed(part)
    item = draft.renamed(clause.group("name"))
    item.add_description(clause.group("said"))
    return item


def _two_names(text: str) -> bool:
    """Whether "A and B" is two names: one word each, or more each ("the OS version and the
    CLI version"); not a noun one shares with the other ("Crash and error reports", "OS name
    and version"), nor an "of" ("make and model of the device")."""
    parts = _LAST_AND.split(text)
    if len(parts) != 2 or any(" of " in f" {part} " for part in parts):
        return False
    first, last = (len(part.split()) for part in parts)
    return (first == 1) == (last == 1)  # ("OS and locale"; not "OS name and version")


def _name_list(name: str, least: int = 3) -> list[str] | None:
    """The ``least`` or more short names a name lists ("IP address, domain, sub-domain"), each
    with what it says in parentheses ("Platform (podman, kubernetes)"); None for a phrase."""
    if name.count(",") + name.count(";") + (least < 3) * name.count(" and ") < 1 or "`" in name:
        return None
    outside = _PARENTHESIZED.sub("", name)
    if "(" in outside or ")" in outside:
        return None
    hidden = _PARENTHESIZED.sub(lambda m: m.group().replace(",", "\0"), name)
    parts = [p.strip().replace("\0", ",") for p in _LIST_SEPARATOR.split(hidden) if p.strip()]
    # (after a label, "A and B" alone is two names only when it names two: not "Crash and
    # error reports", "date and time of each run"; after commas, "and" ends the list)
    two = len(parts) == 2 or (least < 3 and (len(parts) > 2 or _two_names(parts[0])))
    if two and _LAST_AND.search(parts[-1]):
        last = _LAST_AND.split(parts[-1])
        parts = [*parts[:-1], *(p.strip() for p in last if p.strip())]
    bare = [_PARENTHESIZED.sub("", p).strip() for p in parts]
    if len(parts) < least or any(
        not p or len(p.split()) > 4 or _VERB.search(p) or _NOT_A_NAME.search(p) for p in bare
    ):
        return None
    return parts
