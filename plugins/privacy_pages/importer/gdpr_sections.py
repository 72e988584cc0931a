"""What a page says under the headings the GDPR asks for: who the controller is, where to
complain, and whether data leaves the European Economic Area.

Each is read into its field only when the page says it plainly (a controller with a way to
reach it; a transfer with where to and under which safeguard). Anything less stays the page's
text, where it was, and the report says what the record lacks.
"""

from __future__ import annotations

import re
from typing import Any

from .markdown_doc import Block, BulletList, Paragraph
from .markdown_out import blocks_markdown
from .markup import plain, sentences
from .outline import Section
from .reading import Reading

#: A line that says how to reach someone: an email address, a phone number, a web form.
_CONTACT = re.compile(
    # (An address is tried from the start of a run of its characters only: linear time.)
    r"(?<![\w.+-])[\w.+-]++@[\w-]+\.[\w.-]+|\bmailto:|\b(?:e-?mail|phone|tel(?:ephone)?|fax|contact form|"
    r"web ?form)\b\s*[:.]|\+\d[\d ()-]{6,}",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://", re.IGNORECASE)
#: A line that introduces the lines after it rather than naming anyone ("Controller:",
#: "The controller is:", "Responsible for data processing on this website is:").
_LEAD = re.compile(r"^[^:]{0,80}:\s*$|^\W*(?:the\s+)?controller\b", re.IGNORECASE)


def _lines(blocks: list[Block]) -> list[str] | None:
    """The lines of paragraphs only (an address block), or None when the section holds more."""
    lines: list[str] = []
    for block in blocks:
        if not isinstance(block, Paragraph):
            return None
        for line in block.text.splitlines():
            text = line.rstrip().removesuffix("\\").strip()
            if text:
                lines.append(text)
    return lines


def controller_section(reading: Reading, section: Section) -> None:
    """A name, address lines and a way to reach the controller: ``controller``. The data
    protection officer under it (a sub-heading with a contact) is its ``dpo``."""
    if _is_officer(section.title):
        if not officer_section(reading, section):
            why = "an officer without a controller read before it, or without a contact"
            reading.free_section(section, "your-rights", why)
        return
    lines = _lines(section.blocks)
    officer = [child for child in section.children if _is_officer(child.title)]
    parts = _controller(lines) if lines else None
    if parts is None:
        why = "a controller without a name and a way to reach it is kept as text"
        reading.free_section(section, "your-rights", why)
        return
    reading.report.counts.sections += 1
    reading.draft.controller = parts
    reading.report.review(section.line, "controller", f"read as the controller: {parts['name']}")
    for child in section.children:
        if child in officer and (dpo := _officer(child.blocks)) is not None:
            parts["dpo"] = dpo
        else:
            reading.free_section(child, "your-rights", "not part of the controller's details")


def _controller(lines: list[str]) -> dict[str, Any] | None:
    """name, address and contact from the lines of an address block."""
    while lines and _LEAD.search(lines[0]) and not _CONTACT.search(lines[0]):
        lines = lines[1:]
    if len(lines) < 2 or _CONTACT.search(lines[0]):
        return None
    # A way to reach it, with the line that introduces one ("Our contact form is at:").
    reach = [bool(_CONTACT.search(line) or _URL.search(line)) for line in lines]
    for index in range(len(lines) - 1):
        reach[index] = reach[index] or (lines[index].endswith(":") and reach[index + 1])
    contact = [line for line, said in zip(lines[1:], reach[1:], strict=True) if said]
    if not contact:
        return None
    address = [
        line.rstrip(",") for line, said in zip(lines[1:], reach[1:], strict=True) if not said
    ]
    parts: dict[str, Any] = {"name": plain(lines[0]).rstrip(",")}
    if address:
        parts["address"] = ", ".join(address)
    parts["contact"] = "\n".join(f"{line}  " for line in contact).rstrip()
    return parts


_OFFICER = re.compile(r"\bdata protection officer\b|\bdpo\b|\bdatenschutzbeauftragte", re.I)


def _is_officer(title: str) -> bool:
    return bool(_OFFICER.search(title))


def _officer(blocks: list[Block]) -> dict[str, str] | None:
    """The officer's contact: the section's lines that say how to reach them."""
    lines = _lines(blocks)
    if lines is None:
        items = [b for b in blocks if isinstance(b, BulletList)]
        if len(items) != 1 or len(blocks) > 2:
            return None
        lines = [plain(item.text) for item in items[0].items]
    contact = [line for line in lines if _CONTACT.search(line)]
    return {"contact": "\n".join(f"{line}  " for line in contact).rstrip()} if contact else None


def officer_section(reading: Reading, section: Section) -> bool:
    """A data protection officer under the controller already read: its ``dpo`` (True)."""
    controller = reading.draft.controller
    dpo = _officer(section.blocks) if controller is not None and not section.children else None
    if controller is None or dpo is None or "dpo" in controller:
        return False
    reading.report.counts.sections += 1
    controller["dpo"] = dpo
    reading.report.review(section.line, "controller", "read as the data protection officer")
    return True


def complaint_section(reading: Reading, section: Section) -> None:
    """The right to complain to a supervisory authority, in the page's words."""
    text = blocks_markdown(section.all_blocks())
    if not text or reading.draft.complaint:
        reading.free_section(section, "your-rights", "a second text about complaints")
        return
    reading.report.counts.sections += 1
    reading.draft.complaint = text


#: A right the rights list names that is the right to complain to an authority.
_COMPLAINT = re.compile(
    r"\b(?:lodge|file|make|submit)\b.{0,20}\bcomplaint\b|\bcomplain\b.{0,60}\bauthorit|"
    r"\bsupervisory authorit|\bright (?:of|to) appeal\b",
    re.IGNORECASE,
)


def is_complaint(text: str) -> bool:
    return bool(_COMPLAINT.search(plain(text)))


#: The safeguards of GDPR Art. 45-47, by the words pages use for them.
_SAFEGUARDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (safeguard, re.compile(words, re.IGNORECASE))
    for safeguard, words in (
        (
            "standard-contractual-clauses",
            r"\bstandard (?:contractual|data protection) clauses\b|\bSCCs?\b",
        ),
        ("adequacy-decision", r"\badequacy decisions?\b|\bdata privacy framework\b"),
        ("binding-corporate-rules", r"\bbinding corporate rules\b|\bBCRs?\b"),
    )
)
#: Countries outside the EEA that data commonly goes to, as pages name them.
_COUNTRIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (country, re.compile(words))
    for country, words in (
        ("United States", r"\b(?:United States(?: of America)?|USA|U\.S\.A?\.?|US)\b"),
        ("United Kingdom", r"\b(?:United Kingdom|UK)\b"),
        ("Canada", r"\bCanada\b"),
        ("Switzerland", r"\bSwitzerland\b"),
        ("India", r"\bIndia\b"),
        ("Japan", r"\bJapan\b"),
        ("Australia", r"\bAustralia\b"),
        ("Singapore", r"\bSingapore\b"),
        ("Israel", r"\bIsrael\b"),
        ("Brazil", r"\bBrazil\b"),
    )
)
#: Words that make a transfer a possibility, not a fact ("may be processed outside the EU").
_HEDGE = re.compile(
    r"\b(?:may|might|could|can|if|whether|where (?:applicable|necessary|required)|in some cases)\b",
    re.IGNORECASE,
)
_DENIED = re.compile(r"\b(?:not|never|no|without|n't|neither|nor)\b", re.IGNORECASE)
_NO_TRANSFER = re.compile(
    r"\b(?:do(?:es)? not|don't|doesn't|never|will not|won't)\s+(?:\w+\s+){0,3}?"
    r"(?:transfer|send|move|store|process)\w*\b[^.]{0,80}\b(?:outside|abroad|third countr)",
    re.IGNORECASE,
)


def transfers_section(reading: Reading, section: Section) -> None:
    """Whether data leaves the European Economic Area, where to and under which safeguard: read
    when the page says so as a fact, naming each country and one safeguard; its text is the
    intro. A possibility ("may be processed outside the EU") stays text."""
    text = blocks_markdown(section.all_blocks())
    words = plain(text)
    transfers: dict[str, Any] | None = None
    if _NO_TRANSFER.search(words) and not _HEDGE.search(words):
        transfers = {"outside_eea": False, "intro": text}
    else:
        safeguards = {name for name, pattern in _SAFEGUARDS if pattern.search(words)}
        countries = [name for name, pattern in _COUNTRIES if pattern.search(words)]
        # A sentence that names a country or a safeguard and denies something ("not to the
        # United States", "no standard contractual clauses") is not read: unsure, it stays text.
        denied = any(
            _DENIED.search(sentence)
            for sentence in sentences(words)
            if any(p.search(sentence) for _n, p in (*_SAFEGUARDS, *_COUNTRIES))
        )
        if len(safeguards) == 1 and countries and not (_HEDGE.search(words) or denied):
            [safeguard] = safeguards
            places = [{"to": country, "safeguard": safeguard} for country in countries]
            transfers = {"outside_eea": True, "intro": text, "destinations": places}
    if transfers is None or reading.draft.storage.transfers is not None:
        why = "transfers said as a possibility, or without each country and one safeguard"
        reading.free_section(section, "storage-and-retention", why)
        return
    reading.report.counts.sections += 1
    reading.draft.storage.transfers = transfers
    said = ", ".join(d["to"] for d in transfers.get("destinations", [])) or "none outside the EEA"
    reading.report.review(section.line, "transfers", f"read as transfers: {said}; check them")
