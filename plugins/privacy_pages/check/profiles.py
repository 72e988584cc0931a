"""Completeness profiles: sets of lint rules that report what a statement lacks under a law.

A profile's rules are off unless the site answers to it (option ``completeness: [gdpr]``); the
``lint`` option then sets their severities as for any rule. ``gdpr`` is the first; another law's
notice (CCPA's notice at collection, say) is another profile with rules of its own."""

from __future__ import annotations

#: Each profile the option ``completeness`` accepts, and what it checks against.
PROFILES = {"gdpr": "the information GDPR Art. 13 and 14 require a privacy notice to give"}
