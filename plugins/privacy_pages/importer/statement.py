"""Reading a privacy statement page into a draft of a product record.

The page is cut into sections by its headings (:mod:`.outline`). Each section is classified by
its heading words (:mod:`.classify`) and read by the extractor of its kind (:data:`EXTRACTORS`);
a heading no rule recognizes is read by what it holds. Whatever an extractor does not recognize
becomes a free-form section placed after the page section it came from, and is listed in the
report with its source line. Nothing is dropped.
"""

from __future__ import annotations

import re
from functools import partial

from .access_sections import access_section, compliance_section
from .by_shape import read_shapes
from .claims import Cue, Requirement, denied_by_answer, heading_cue, only_by_leaving
from .classify import CAN_I_OPT_OUT, PAGE_SECTION, STORAGE_KINDS, Kind, classify_heading
from .data_sections import category_section, data_section, never_section
from .draft import StatementDraft
from .gdpr_sections import complaint_section, controller_section, transfers_section
from .item_text import ItemDraft
from .markdown_doc import Block, BulletList, Heading, Paragraph
from .markdown_out import blocks_markdown
from .markup import plain, sentences
from .outline import Section
from .overview import (
    alerts_to_notes,
    more_info_section,
    next_steps_section,
    overview_section,
    preamble,
)
from .reading import Extractor, Reading
from .report import PageReport, SectionRead
from .requirement import denials, page_cues, section_cue
from .rights_sections import rights_request, rights_section
from .shapes import data_shape
from .sharing_sections import controls_section, sharing_section
from .storage_sections import is_service_location, service_location, storage_section
from .use_sections import data_use_section, entities_section

#: How each kind of section is read (a heading no rule knows: :func:`unknown_section`).
EXTRACTORS: dict[Kind, Extractor] = {
    Kind.REQUIRED: partial(data_section, kind=Kind.REQUIRED),
    Kind.COLLECTED: partial(data_section, kind=Kind.COLLECTED),
    Kind.OPTIONAL: partial(data_section, kind=Kind.OPTIONAL),
    Kind.NEVER: never_section,
    Kind.DATA_USE: data_use_section,
    Kind.ENTITIES: entities_section,
    Kind.SHARING: sharing_section,
    Kind.STORAGE: storage_section,
    Kind.RETENTION: storage_section,
    Kind.LOCATION: storage_section,
    Kind.STAFF: storage_section,
    Kind.ACCESS: access_section,
    Kind.COMPLIANCE: compliance_section,
    Kind.RIGHTS: rights_section,
    Kind.CONTROLLER: controller_section,
    Kind.COMPLAINT: complaint_section,
    Kind.TRANSFERS: transfers_section,
    Kind.CONTROLS: controls_section,
    Kind.OVERVIEW: overview_section,
    Kind.NEXT_STEPS: next_steps_section,
    Kind.MORE_INFO: more_info_section,
}

#: The kinds of heading that say their data's requirement ("Optional data").
_SAYS_REQUIREMENT = {Kind.REQUIRED: "required", Kind.OPTIONAL: "optional"}

#: A heading about setting something ("Set registry subkeys on the server").
_SETTING_HEADING = re.compile(
    r"^\W*(?:set|setting|configur\w*|manag\w*|disabl\w*|turn\w*|chang\w*)\b"
    r"|\b(?:registry|polic(?:y|ies)|settings?|group policy)\b",
    re.IGNORECASE,
)
#: Headings of what a page says besides its privacy statement.
_NOT_PRIVACY = re.compile(
    r"\b(?:terms of (?:use|service)|acceptable use|code of conduct|child safety|"
    r"objectionable content|prohibited content)\b",
    re.IGNORECASE,
)
#: Headings of what a project's page says about the project itself, not about privacy.
_PROJECT = re.compile(
    r"^\W*(?:licen[cs]es?|licensing|development|developing|contribut\w*|thanks?(?: you)?|"
    r"acknowledge?ments?|credits?|authors?|maintainers?|changelog|change log|release notes|"
    r"installation|install(?:ing)?|getting started|build(?:ing)?|testing|tests|roadmap|"
    r"support(?:ing)? (?:the project|us)|sponsors?|funding|donat\w*|"
    # "Optional dependencies", "Required environment variables": what the project needs
    r"(?:required|optional|mandatory|recommended) (?:[\w-]+ )?(?:dependenc(?:y|ies)|packages|"
    r"environment variables|env vars|steps|tools|software|components|prerequisites|plugins|"
    r"(?:command-line |cli )?(?:arguments|flags|parameters)))\W*$",
    re.IGNORECASE,
)
#: Headings of how the page itself will change ("Future changes", "Changes to this policy"):
#: what such a section lists are steps of the publisher, never data.
_PAGE_CHANGES = re.compile(
    r"^\W*(?:future |policy )?(?:changes|updates)(?: (?:to|of) (?:this|our|the) "
    r"(?:privacy )?(?:policy|statement|notice|document|page))?\W*$",
    re.IGNORECASE,
)
#: Words of a section that continues the rights section before it under another heading.
_RIGHTS_WORDS = re.compile(
    r"\b(?:request\w*|delet\w+|export\w*|access|correct\w*|rectif\w*|erasure|portability|"
    r"data subjects?|dsrs?|opt[- ]out)\b",
    re.I,
)


def _page_name(heading: str, front_title: str | None) -> str:
    """The product's name: the page heading, or the front-matter title if it says more."""
    if front_title and heading:
        words = set(re.findall(r"\w+", heading.lower()))
        more = set(re.findall(r"\w+", front_title.lower()))
        if words < more:
            return front_title
    return heading or (front_title or "")


#: The kinds of a page's only heading that make the page that section, when the heading
#: names what it lists ("Data we collect", "Required information", "What we don't collect").
_DATA_PAGES = frozenset({Kind.REQUIRED, Kind.OPTIONAL, Kind.COLLECTED, Kind.NEVER})
_LISTS = re.compile(r"\b(?:data|information|collect\w*)\b", re.IGNORECASE)


def _opening(block: Block) -> bool:
    return isinstance(block, Paragraph) and not block.text.rstrip().endswith(":")


def read_statement(
    page: tuple[Heading | None, Section], report: PageReport, name: str, front: str | None = None
) -> StatementDraft:
    """One page's product record from its outline (title, sections); the report: what to review."""
    reading = Reading(report, read_section, read_shapes)
    title, root = page
    heading = plain(title.text) if title else ""
    reading.draft.name = _page_name(heading, front) or name
    alerts_to_notes(reading, root)
    page_cues(root.blocks, reading.draft.page_cues, heading, page=True)
    kind = classify_heading(heading)
    blocks = root.blocks
    # "# Data we collect" over a list, and no other heading: the page is that section, after
    # its opening paragraphs (the introduction; not a lead: "You must provide:").
    alone = not root.children and kind in _DATA_PAGES and _LISTS.search(heading)
    at = next((i for i, b in enumerate(blocks) if not _opening(b)), len(blocks))
    preamble(reading, blocks[:at] if alone else blocks)
    if alone and blocks[at:]:
        report.sections.append(SectionRead(root.line, heading, kind.value, PAGE_SECTION[kind]))
        read_section(reading, Section(title, 1, blocks[at:]), kind, None)
    previous: Kind | None = None
    for section in root.children:
        kind = classify_heading(section.title)
        after = "by what it holds" if kind is Kind.UNKNOWN else PAGE_SECTION[kind]
        report.sections.append(SectionRead(section.line, section.title, kind.value, after))
        read_section(reading, section, kind, previous)
        if kind is not Kind.UNKNOWN:
            previous = kind
    reading.finish()
    return reading.draft


def _controls_cues(reading: Reading, section: Section, *, blocks: bool = True) -> None:
    """The cues of a section of controls: its heading's ("How to opt out"), then those of its
    sub-sections ("### Disable telemetry" over "Telemetry can be disabled ..."), which its
    extractor reads as its own blocks (:func:`.sharing_sections.controls_section`). A
    sub-section's list is steps or what a command shows ("- When you opted in"), not cues."""
    if not only_by_leaving(blocks_markdown(section.blocks)) and (
        cue := heading_cue(section.title, section.line) or _answered_yes(section)
    ):
        reading.draft.page_cues.append(cue)
    if blocks:
        said: list[Block] = [b for b in section.blocks if not isinstance(b, BulletList)]
        page_cues(said, reading.draft.page_cues, section.title)
    for child in section.children:
        _controls_cues(reading, child)


def read_section(reading: Reading, section: Section, kind: Kind, previous: Kind | None) -> None:
    """Read a section as ``kind`` (``previous``: the kind of the section before it)."""
    counts = reading.report.counts
    if _PROJECT.search(section.title):
        # License, development, thanks: about the project, not its privacy; never under rights.
        reading.free_section(section, "more-information", "not about privacy")
        return
    changes = _PAGE_CHANGES.search(section.title) is not None
    if changes or _NOT_PRIVACY.search(section.title):
        # Terms of use, child safety, how the page will change...: what they list (content a
        # user may not post, the publisher's steps) is not data, whatever its shape; kept as
        # it is, as free text.
        reading_shapes, reading.reading_shapes = reading.reading_shapes, True
        reading.outside_privacy = True
        after = PAGE_SECTION[previous] if previous else "overview"
        why = "how the page will change" if changes else "not about privacy"
        reading.free_section(section, after, why)
        reading.reading_shapes, reading.outside_privacy = reading_shapes, False
        return
    if kind is Kind.CONTROLS and _cannot_be_turned_off(section):
        kind = Kind.UNKNOWN  # ("Can I opt out?" "No. The following data is required:")
    counts.sections += kind is not Kind.UNKNOWN
    _answered_no(reading, section)
    # (a never-collected list's "- Error reports (unless you opt in)" is that entry's case)
    cued = [b for b in section.blocks if kind is not Kind.NEVER or not isinstance(b, BulletList)]
    page_cues(cued, reading.draft.page_cues, section.title)
    if kind is Kind.CONTROLS:
        _controls_cues(reading, section, blocks=False)  # (its own blocks' cues: just read)
    said = _SAYS_REQUIREMENT.get(kind)
    reading.section_cues.append(section_cue(said, section.title, section.blocks))
    if len(reading.section_cues) == 1:  # a section of the page: it and all under it, once
        denials(section.all_blocks(), reading.draft.denials)
    extract = EXTRACTORS.get(kind)
    if extract is None:
        unknown_section(reading, section, previous)
    else:
        extract(reading, section)
    reading.section_cues.pop()


#: A question's answer No ("No.", "No, ..."), not a sentence that starts with the word, nor
#: one that goes on to a way out ("No, but you can delete your data").
_NO_ANSWER = re.compile(
    r"^\W*no\s*[.,;:!\u2014\u2013](?!.*\b(?:but|however|although|though|except|unless|instead|"
    r"you can|you may)\b)",
    re.IGNORECASE,
)


#: "Can I opt out?", "Can telemetry be disabled?" (not "Do I lose my trial if I opt out?").
_CAN_I_OPT_OUT = re.compile(CAN_I_OPT_OUT, re.IGNORECASE)
_YES_ANSWER = re.compile(r"^\W*yes\b", re.IGNORECASE)


def _cannot_be_turned_off(section: Section) -> bool:
    """A heading that asks whether one can opt out, answered No under it: what follows is not
    a way to stop collection (its lists may be data that is always sent)."""
    first = section.blocks[0] if section.blocks else None
    return (
        _CAN_I_OPT_OUT.match(section.title) is not None
        and isinstance(first, Paragraph)
        and _NO_ANSWER.match(plain(first.text)) is not None
    )


def _answered_yes(section: Section) -> Cue | None:
    """A heading that asks whether one can opt out, answered Yes under it ("Can it be
    disabled?", "Yes. Set SCOUT_DISABLE."): the data is optional. Asked, not answered, it says
    nothing."""
    first = section.blocks[0] if section.blocks else None
    if not _CAN_I_OPT_OUT.match(section.title) or not isinstance(first, Paragraph):
        return None
    if _YES_ANSWER.match(plain(first.text)) is None:
        return None
    words = f"the heading {section.title!r}, answered Yes"
    return Cue(Requirement.OPTIONAL, words, section.line, quoted=False)


def _answered_no(reading: Reading, section: Section) -> None:
    """A heading that asks whether data is taken, answered No under it ("Do we use cookies?",
    "No."): that data is never collected. The answer stays in the section's text."""
    first = section.blocks[0] if section.blocks else None
    if not isinstance(first, Paragraph):
        return
    data = denied_by_answer(section.title, first.text)
    if data is not None:
        reading.draft.never_items.append(ItemDraft(data, first.line))
        reading.report.review(
            first.line, "prose", f"{data!r}: asked by the heading and answered No, never collected"
        )


def unknown_section(reading: Reading, section: Section, previous: Kind | None) -> None:
    """A heading no rule knows: read by what it holds, else after the section before."""
    counts = reading.report.counts
    if data_shape(section, weak=False):
        _data_by_shape(reading, section)
        return
    opening = next((b for b in section.blocks if isinstance(b, Paragraph)), None)
    said = sentences(plain(opening.text)) if opening is not None else []
    if (
        said
        and _SETTING_HEADING.search(section.title)
        and classify_heading(said[0]) is Kind.CONTROLS
    ):
        # "Enterprise customers can configure Group Policy settings to opt out of ...".
        read_section(reading, section, Kind.CONTROLS, previous)
        return
    if previous is Kind.RIGHTS and _RIGHTS_WORDS.search(
        plain(blocks_markdown(section.all_blocks()))
    ):
        counts.sections += 1
        rights_request(reading, section)
        return
    if previous in STORAGE_KINDS | {Kind.DATA_USE} and is_service_location(section):
        counts.sections += 1
        service_location(reading, section)
        return
    after = PAGE_SECTION[previous] if previous else "overview"
    if any(classify_heading(child.title) is not Kind.UNKNOWN for child in section.children):
        # A wrapper heading ("## Details") over sections we know: read those on their own.
        if section.blocks:
            counts.sections_free_form += 1
            reading.free(section.blocks, after, section.title, "section heading not recognized")
        elif section.heading is not None:
            reading.free_heading_only(section, after)
        inner: Kind | None = previous
        for child in section.children:
            kind = classify_heading(child.title)
            read_section(reading, child, kind, inner)
            if kind is not Kind.UNKNOWN:
                inner = kind
        return
    if data_shape(section):
        _data_by_shape(reading, section)
        return
    reading.free_section(section, after, "section heading not recognized")


def _data_by_shape(reading: Reading, section: Section) -> None:
    """A section that lists data under a heading we do not know: one group of it."""
    reading.report.counts.sections += 1
    category_section(reading, section, Requirement.NOT_STATED)
