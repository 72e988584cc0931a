"""Every language says the same thing (issue 57, point 1): a translation replaces words, never a
fact. On the example site (English and French), each output a reader or a program reads gives
the same requirement, condition, control and comparison status in both languages:

- ``privacy.json``: the same keys, the same lengths, and the same value wherever the English
  value is not prose (an id, a requirement, a status, a number);
- the generated pages: the same ``data-pp-*`` attributes (statuses, columns, categories, sort
  keys) in the same order, with the same values where those are no prose.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from conftest import I18N_STRUCTURES, SiteResult, copy_example_site, run_mkdocs, set_languages

#: A value that is no prose: an id, a requirement or status code, a date, a path segment.
_TOKEN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
#: The plugin's attributes on its pages: facts (a status, a column, a category, a sort key) or
#: words (the tables' messages, ``data-pp-msg-*``, and titles, in the page's language).
_ATTRIBUTE = re.compile(r'(data-pp-[a-z-]+)="([^"]*)"')


def facts(page: str) -> list[tuple[str, str]]:
    """Each plugin attribute of a page, in order, with its value when that is no prose."""
    return [
        (name, value if _TOKEN.match(value) else "(words)")
        for name, value in _ATTRIBUTE.findall(page)
        if not name.startswith("data-pp-msg-")
    ]


def differences(english: Any, other: Any, path: str = "") -> list[str]:
    """Where ``other`` says something else than ``english`` (prose aside)."""
    if isinstance(english, dict):
        if not isinstance(other, dict) or set(english) != set(other):
            keys = set(english) ^ set(other) if isinstance(other, dict) else other
            return [f"{path or '/'}: keys {keys}"]
        return [
            d for key in english for d in differences(english[key], other[key], f"{path}/{key}")
        ]
    if isinstance(english, list):
        if not isinstance(other, list) or len(english) != len(other):
            return [f"{path}: {len(english)} entries, not {other!r:.40}"]
        return [
            d
            for index, (a, b) in enumerate(zip(english, other, strict=True))
            for d in differences(a, b, f"{path}[{index}]")
        ]
    if isinstance(english, str) and not _TOKEN.match(english):
        return []  # prose: the translation's to say
    return [] if english == other else [f"{path}: {english!r} became {other!r}"]


@pytest.fixture(scope="module", params=I18N_STRUCTURES)
def example(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> SiteResult:
    """The example site in English and French, in each of mkdocs-static-i18n's structures."""
    site = copy_example_site(tmp_path_factory.mktemp("languages-say-the-same"))
    set_languages(site, ["en", "fr"], request.param)
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, f"{result.error}\n{result.messages}"
    return result


def test_privacy_json_says_the_same_in_every_language(example: SiteResult) -> None:
    english = json.loads((example.site_dir / "privacy/privacy.json").read_text("utf-8"))
    french = json.loads((example.site_dir / "fr/privacy/privacy.json").read_text("utf-8"))
    assert english["products"], "the example site publishes no product"
    assert differences(english, french) == ["/language: 'en' became 'fr'"]


def test_the_pages_carry_the_same_facts_in_every_language(example: SiteResult) -> None:
    pages = sorted((example.site_dir / "privacy").rglob("index.html"))
    compared = 0
    for english in pages:
        french = example.site_dir / "fr" / english.relative_to(example.site_dir)
        if not french.is_file():
            continue  # (earlier versions are in the site's language only: issue 55)
        said = facts(english.read_text("utf-8"))
        assert facts(french.read_text("utf-8")) == said, english
        compared += any(name == "data-pp-status" for name, _ in said)
    assert compared >= 3  # the comparisons at least


@pytest.mark.parametrize(
    ("change", "found"),
    [
        (lambda item: item.pop("condition"), "keys {'condition'}"),
        (lambda item: item.update(requirement="required"), "became 'required'"),
    ],
)
def test_a_fact_changed_by_a_translation_would_be_seen(change: Any, found: str) -> None:
    """The comparison itself can fail: a condition dropped or a requirement changed."""
    english = {"items": [{"name": "Email", "requirement": "optional", "condition": "If set."}]}
    french = json.loads(json.dumps(english))
    french["items"][0]["name"] = "Courriel"
    assert differences(english, french) == []
    change(french["items"][0])
    assert any(found in d for d in differences(english, french))


def test_prose_is_left_to_the_translation() -> None:
    english = {"intro": "We collect it.", "id": "intune"}
    assert differences(english, {"intro": "Nous la collectons.", "id": "intune"}) == []
    assert differences(english, {"intro": "Nous la collectons.", "id": "autre"}) != []


def test_a_status_changed_on_a_page_would_be_seen() -> None:
    english = '<td data-pp-status="optional" data-pp-title="Email">'
    assert facts('<td data-pp-status="optional" data-pp-title="Courriel">') == facts(english)
    assert facts('<td data-pp-status="required" data-pp-title="Courriel">') != facts(english)
