"""The ``gdpr`` completeness profile: one rule per element GDPR Art. 13-14 ask a statement to
give, each reported where the element belongs in the record and citing its article."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..diagnostics import Location, Severity
from ..load.yaml_source import LocatedMapping, LocatedSequence
from ..model import Product
from .rule import Check, Finding, LintContext, Rule

PROFILE = "gdpr"


def _where(context: LintContext, product: Product, *keys: str | int) -> Location:
    """Where the deepest of ``keys`` the record has starts (the record itself if none)."""
    found = product.source
    data = context.record(product.source)
    for key in keys:
        if isinstance(data, LocatedMapping) and isinstance(key, str) and key in data:
            found, data = data.where_key(key), data[key]
        elif isinstance(data, LocatedSequence) and isinstance(key, int) and key < len(data):
            found, data = data.where(key), data[key]
        else:
            break
    return found


def _shown(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 60 else line[:57] + "..."


def legal_basis(context: LintContext) -> Iterator[Finding]:
    for product in context.products():
        if not product.data_uses:
            yield Finding(
                _where(context, product, "purposes"),
                "no purpose is stated with its legal basis; list each purpose under "
                "data_use.uses with its legal_basis (GDPR Art. 13(1)(c))",
                "data_use",
            )
        for index, use in enumerate(product.data_uses):
            if use.legal_basis is None:
                yield Finding(
                    _where(context, product, "data_use", "uses", index),
                    f"no legal basis for the purpose {_shown(use.use)!r} (GDPR Art. 13(1)(c))",
                    f"data_use.uses[{index}]",
                )


def controller(context: LintContext) -> Iterator[Finding]:
    if context.controller is not None:
        return
    for product in context.products():
        if product.controller is None:
            yield Finding(
                product.source,
                "no controller (its name, address and contact details) for this product; set "
                "the site's in the plugin option controller, or this product's under "
                "controller (GDPR Art. 13(1)(a))",
                "controller",
            )


def data_protection_officer(context: LintContext) -> Iterator[Finding]:
    for product in context.products():
        stated = product.controller or context.controller
        if stated is not None and stated.dpo is None:
            yield Finding(
                _where(context, product, "controller"),
                "no contact details of the data protection officer; add controller.dpo (the "
                "site's in the plugin option, or this product's) (GDPR Art. 13(1)(b))",
                "controller.dpo",
            )


def _missing(
    absent: Callable[[Product], bool], keys: tuple[str, ...], message: str, key_path: str
) -> Check:
    """A check that reports, at ``keys`` in the record, each product an element is absent from."""

    def check(context: LintContext) -> Iterator[Finding]:
        for product in context.products():
            if absent(product):
                yield Finding(_where(context, product, *keys), message, key_path)

    return check


recipients = _missing(
    lambda product: not product.sharing,
    (),
    "no recipients or categories of recipients of the data; list them under "
    "sharing.recipients (GDPR Art. 13(1)(e))",
    "sharing",
)
transfers = _missing(
    lambda product: product.storage.transfers is None,
    ("storage",),
    "does not say whether data is transferred outside the EEA; add storage.transfers with "
    "outside_eea (and each destination with its safeguard) (GDPR Art. 13(1)(f))",
    "storage.transfers",
)
retention = _missing(
    lambda product: not (product.storage.retention or product.storage.retention_note),
    ("storage",),
    "does not say how long data is kept; add storage.retention (GDPR Art. 13(2)(a))",
    "storage.retention",
)
rights = _missing(
    lambda product: (
        not (
            product.rights.intro
            or product.rights.rights
            or product.rights.requests
            or product.rights.services
        )
    ),
    ("rights",),
    "does not say which rights people have over their data (access, rectification, erasure, "
    "restriction, objection, portability) and how to use them; add rights.rights or "
    "rights.intro (GDPR Art. 13(2)(b))",
    "rights",
)
complaint = _missing(
    lambda product: product.rights.complaint is None,
    ("rights",),
    "does not state the right to lodge a complaint with a supervisory authority; add "
    "rights.complaint (GDPR Art. 13(2)(d))",
    "rights.complaint",
)
automated_decisions = _missing(
    lambda product: product.automated_decisions is None,
    (),
    "does not say whether decisions are made about people by automated means alone; add "
    "automated_decisions with used: false, or used: true and what is decided and why "
    "(GDPR Art. 13(2)(f))",
    "automated_decisions",
)
data_sources = _missing(
    lambda product: product.data_sources is None,
    (),
    "does not say whether any data comes from somewhere other than the person it is about; "
    "add data_sources with from_person_only (and, if false, each source) (GDPR Art. 14(2)(f))",
    "data_sources",
)


_ON = (
    "Part of the `gdpr` completeness profile: off unless the site sets `completeness: [gdpr]`, "
    "then a warning unless `lint:` says otherwise."
)


def _rule(rule_id: str, summary: str, check: Check, catches: str, fix: str) -> Rule:
    return Rule(
        id=rule_id,
        summary=summary,
        default_severity=Severity.WARNING,
        check=check,
        catches=f"{catches} {_ON}",
        fix=fix,
        per_record=True,
        profile=PROFILE,
    )


GDPR_RULES: tuple[Rule, ...] = (
    _rule(
        "gdpr-legal-basis",
        "A purpose does not state its legal basis (GDPR Art. 13(1)(c)).",
        legal_basis,
        "An entry of `data_use.uses` without `legal_basis`, or a product that states no "
        "purpose there at all. A notice must give, for each purpose, the legal basis of the "
        "processing.",
        "Add `legal_basis:` to the purpose (`consent`, `contract`, `legal-obligation`, "
        "`vital-interests`, `public-task` or `legitimate-interests`, with the interest under "
        "`legitimate_interest`).",
    ),
    _rule(
        "gdpr-controller",
        "No controller is named for a product (GDPR Art. 13(1)(a)).",
        controller,
        "A product with no `controller` of its own on a site whose plugin option `controller` "
        "is not set: readers cannot tell who answers for their data.",
        "Set the site's controller once in the plugin option `controller` (name, address, "
        "contact), or the product's own under `controller:`.",
    ),
    _rule(
        "gdpr-dpo",
        "The controller's data protection officer is not given (GDPR Art. 13(1)(b)).",
        data_protection_officer,
        "A controller (the site's, or the product's) without `dpo`.",
        "Add `dpo:` with `contact:` (and `name:`) to the controller.",
    ),
    _rule(
        "gdpr-recipients",
        "A product does not name the recipients of the data (GDPR Art. 13(1)(e)).",
        recipients,
        "A product without `sharing.recipients`: who receives the data, or which categories "
        "of recipients.",
        "List the recipients, or their categories ('Hosting providers'), under "
        "`sharing.recipients`.",
    ),
    _rule(
        "gdpr-transfers",
        "A product does not say whether data leaves the EEA (GDPR Art. 13(1)(f)).",
        transfers,
        "A product without `storage.transfers`.",
        "Add `storage.transfers: {outside_eea: false}`, or `outside_eea: true` with each "
        "destination and its safeguard (`adequacy-decision`, `standard-contractual-clauses`, "
        "`binding-corporate-rules` or `derogation`).",
    ),
    _rule(
        "gdpr-retention",
        "A product does not say how long data is kept (GDPR Art. 13(2)(a)).",
        retention,
        "A product with neither `storage.retention` nor `storage.retention_note`.",
        "Add `storage.retention`, one entry per kind of data with its period.",
    ),
    _rule(
        "gdpr-rights",
        "A product does not state people's rights over their data (GDPR Art. 13(2)(b)).",
        rights,
        "A product whose `rights` says nothing of the rights of access, rectification, "
        "erasure, restriction, objection and portability.",
        "Add `rights.rights` (one right per entry) or `rights.intro`.",
    ),
    _rule(
        "gdpr-complaint",
        "A product does not state the right to complain to a supervisory authority "
        "(GDPR Art. 13(2)(d)).",
        complaint,
        "A product without `rights.complaint`.",
        "Add `rights.complaint`: that people can complain to a supervisory authority, and "
        "which one.",
    ),
    _rule(
        "gdpr-automated-decisions",
        "A product does not say whether it makes automated decisions (GDPR Art. 13(2)(f)).",
        automated_decisions,
        "A product without `automated_decisions`.",
        "Add `automated_decisions: {used: false}`, or `used: true` with a `description` of "
        "what is decided, the logic involved and what it means for the person.",
    ),
    _rule(
        "gdpr-data-sources",
        "A product does not say where data not obtained from the person comes from "
        "(GDPR Art. 14(2)(f)).",
        data_sources,
        "A product without `data_sources`.",
        "Add `data_sources: {from_person_only: true}`, or `from_person_only: false` with each "
        "kind of data and its source under `sources`.",
    ),
)
