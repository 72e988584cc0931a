"""The GDPR's terms a record names by id, with the words a page and the record of processing
show for each (messages, translated where they are shown)."""

from __future__ import annotations

from ..messages import N_

#: The lawful bases of processing, GDPR Art. 6(1)(a)-(f).
LEGAL_BASES = {
    "consent": N_("Consent (GDPR Art. 6(1)(a))"),
    "contract": N_("Performance of a contract (GDPR Art. 6(1)(b))"),
    "legal-obligation": N_("Legal obligation (GDPR Art. 6(1)(c))"),
    "vital-interests": N_("Vital interests (GDPR Art. 6(1)(d))"),
    "public-task": N_("Public interest or official authority (GDPR Art. 6(1)(e))"),
    "legitimate-interests": N_("Legitimate interests (GDPR Art. 6(1)(f))"),
}

#: The conditions for processing special categories of data, GDPR Art. 9(2)(a)-(j).
SPECIAL_CATEGORY_CONDITIONS = {
    "explicit-consent": N_("explicit consent (GDPR Art. 9(2)(a))"),
    "employment-social-security": N_(
        "employment, social security and social protection law (GDPR Art. 9(2)(b))"
    ),
    "vital-interests": N_("vital interests (GDPR Art. 9(2)(c))"),
    "not-for-profit-body": N_("a not-for-profit body's members (GDPR Art. 9(2)(d))"),
    "made-public": N_("data the person has made public (GDPR Art. 9(2)(e))"),
    "legal-claims": N_("legal claims (GDPR Art. 9(2)(f))"),
    "substantial-public-interest": N_("substantial public interest (GDPR Art. 9(2)(g))"),
    "health-or-social-care": N_("health or social care (GDPR Art. 9(2)(h))"),
    "public-health": N_("public health (GDPR Art. 9(2)(i))"),
    "archiving-research-statistics": N_("archiving, research or statistics (GDPR Art. 9(2)(j))"),
}

#: What protects data transferred outside the European Economic Area, GDPR Art. 45-49.
SAFEGUARDS = {
    "adequacy-decision": N_("Adequacy decision (GDPR Art. 45)"),
    "standard-contractual-clauses": N_("Standard contractual clauses (GDPR Art. 46(2)(c))"),
    "binding-corporate-rules": N_("Binding corporate rules (GDPR Art. 47)"),
    "derogation": N_("Derogation for a specific situation (GDPR Art. 49)"),
}
