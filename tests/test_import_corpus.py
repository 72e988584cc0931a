"""``privacy-pages import`` on a corpus of real pages it was not tuned to (issue 19).

Twenty public privacy and telemetry pages (``tests/fixtures/import-corpus/``: half Microsoft
Learn pages, half CLI telemetry pages, data-handling pages and full privacy notices of other
authors) are imported, each with the real command line, into one empty site, which is built
once with MkDocs. Each page is measured (tests/import_corpus.py): its structured share (list
items and table rows not left as free-form text), its fidelity (its facts on the built page)
and the recall of its hand-written expectations (``<slug>.expected.yml``).

The report (a table per page, then the averages and what each page loses) is printed (``pytest
-s`` shows it) and written to ``build/import-corpus-report.md``.

Each record is also measured for its truth (issue 53, point 6: "measure truth, not volume"):
the precision of its items (the share that are items of the page), whether each item's
requirement (required, optional, not stated) is the page's, what it does with the data the
page says is never collected, and whether it builds with ``mkdocs build --strict``.

The issue's goals (fidelity >= 97% on average, structured share >= 85% on average and >= 60% on
every page; on pages never seen, item recall >= 80%, precision >= 90%, requirement errors <= 2%,
no never-collected data imported as collected or list lost, every record building strictly)
and a recall goal are asserted as written; those the importer does not reach yet are marked
xfail with the value measured when they were written. The floors below them are what the
importer reached then: a change that falls below one fails.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO
from fidelity import normalize, plain, seed_facts
from import_corpus import (
    AGREES,
    CORPUS,
    ERROR,
    HELD_OUT,
    HELD_OUT_REPORT,
    INVENTED,
    NOT_STATED,
    OPTIONAL,
    READ,
    REQUIRED,
    REQUIREMENTS,
    STRICT_LINT_OFF,
    TUNED,
    UNSTATED,
    CorpusRun,
    ImportedItem,
    Measured,
    Requirements,
    average,
    catalog_names,
    classify_lines,
    corpus_pages,
    free_ranges,
    held_out_report_markdown,
    import_corpus,
    imported_items,
    matches,
    missed_places,
    name_problems,
    named_pages,
    never_collected_names,
    problem_kind,
    recall_spread,
    recipient_precision,
    report_markdown,
    requirement_outcome,
    states,
    strict_config,
    structured_names,
    structured_share,
    truth,
    unit_key,
    units,
)
from privacy_pages.check.rules import RULES_BY_ID
from privacy_pages.settings import settings_from_mkdocs
from test_import_seeds import site_config

#: The issue's goals.
GOAL_FIDELITY = 0.97
GOAL_STRUCTURED = 0.85
#: The structured share the pages not held out keep (see its test): under the goal since
#: batch 2026-11-27m was read, and lower since batch 2026-11-27p was (see its test), and
#: batch 2026-11-27r and batch 2026-11-27s and batch 2026-11-28t (see its test), and the
#: batch 2026-11-29ac (see its test), and the thirty-first session's reading of deprecated data
#: and the thirty-ninth's of who does not receive the data, and the forty-third's of lists
#: that name no recipients and of links to the page's own sections (see its test).
FLOOR_STRUCTURED_NOT_HELD_OUT = 0.807
GOAL_STRUCTURED_PAGE = 0.60
#: This corpus's own goal for its expectations: most of what a page states lands in a field.
GOAL_RECALL = 0.80

#: What the importer reached when these floors were set (rounded down): falling below fails.
#: Measured on 2026-11-22 on the first 20 pages: fidelity 0.979, structured share 0.935, recall
#: 0.705. Measured on 2026-11-23, with nine pages of new shapes added (29 pages, the held-out
#: pages apart): fidelity 0.98, structured share 0.95 (lowest page webview2-data-privacy 0.70),
#: recall 0.665 (the new pages' expectations name items inside sentences and tables the
#: importer keeps whole). Measured on 2026-11-24, with three held-out pages moved to the
#: tuned ones (32 pages): fidelity 0.98, structured share 0.95, recall 0.642 (the three pages
#: expect items and places named inside sentences and table cells). Measured later on
#: 2026-11-24, with two more held-out pages moved to the tuned ones (34 pages): recall 0.626
#: (notepads-privacy states its data in sentences only: recall 0). Measured on 2026-11-24,
#: once the data a sentence says is collected is read as items (34 pages): recall 0.660; with
#: m365-copilot-web-search-privacy moved to the tuned ones (35 pages): recall 0.640
#: (its data is named in prose, with other verbs: recall 0.12).
FLOOR_FIDELITY = 0.97
#: 2026-11-25 (issue 53): 0.917, once names that are not data (a question word, a value's
#: type, a legal basis) stay as text and lists the page then says are not collected are no
#: items: volume given up for truth (see the precision and requirement floors below).
#: 0.891 later that day: tables whose rows name no data (purposes, permissions, companies) stay
#: tables of text.
#: 0.876 in the session after (2026-11-25, late): lists that words do not say are data stay
#: text (bold lead-ins under "Implementation", a purpose list, what a product integrates
#: with, legal bases, a page's sources, schedules): precision 0.88 -> 0.92 on these pages.
#: 0.867 on 2026-11-27 (sixteenth session): sql-server-ceip's two ways of turning sending off
#: ("can be configured not to send information ... through the following mechanisms: - By
#: using the Error and Usage Reporting application"), never-collected entries before, are text.
#: 0.862 on 2026-11-28 (twenty-second session; 0.8629 measured): a never-collected bullet with
#: an exception is text over its list, no entry a comparison would read as never (m365-copilot-
#: web-search-privacy's "The user's entire prompt (unless the prompt is very short)" and "...
#: (only for Microsoft 365 Copilot Chat)", pymmcore-gui-privacy's hostnames "unless you
#: explicitly allow it").
FLOOR_STRUCTURED = 0.862
#: 2026-11-25 (issue 53): 0.625, once names that are not data and prose summaries are no items.
#: 2026-11-27 (eleventh session): 0.614, once data named only in a sentence stays text (the
#: report names it): of the items made from sentences of the held-out pages, 5 of 16 were data
#: the page says is collected; held-out precision 0.81 -> 0.92 on average.
FLOOR_RECALL = 0.61

SLUGS = [page.slug for page in corpus_pages()]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> CorpusRun:
    """The corpus imported into one site and built once, with the report written and printed."""
    result = import_corpus(tmp_path_factory.mktemp("import-corpus"))
    text = report_markdown(result)
    build = REPO / "build"
    build.mkdir(exist_ok=True)
    for folder in (result.root, build):
        (folder / "import-corpus-report.md").write_text(text, "utf-8")
        (folder / HELD_OUT_REPORT).write_text(held_out_report_markdown(result), "utf-8")
    print("\n" + text)  # (held-out pages counted, never named)
    return result


# -- the corpus itself ----------------------------------------------------------------------------


def test_the_corpus_has_enough_pages_from_both_kinds_of_author() -> None:
    pages = corpus_pages()
    assert len(pages) >= 18
    microsoft = [page for page in pages if page.source["microsoft"]]
    # About half were Microsoft pages until the batch of 2026-11-25, chosen by shape (data
    # safety, opt-in telemetry, legal bases, never-collected lists, data in code): a third.
    # (0.32 with the 13 non-Microsoft pages of the batch 2026-11-25b, chosen by the same rule;
    # 0.27 with the 14 of the batch 2026-11-25c; 0.245 with the 13 of the batch 2026-11-25d,
    # one of them a Microsoft page.)
    assert 0.24 <= len(microsoft) / len(pages) <= 0.6
    for page in pages:
        for key in ("repo", "path", "commit", "license", "url"):
            assert page.source.get(key), (page.slug, key)
        assert len(page.source["commit"]) == 40


def test_every_page_has_its_expectations_and_its_source() -> None:
    names = {path.name for path in CORPUS.iterdir()}
    slugs = {page.slug for page in corpus_pages()}
    listed = {
        entry["slug"] for entry in yaml.safe_load((CORPUS / "SOURCES.yml").read_text())["pages"]
    }
    assert slugs == listed
    for slug in slugs:
        assert f"{slug}.expected.yml" in names
    allowed = (
        {"README.md", "SOURCES.yml"}
        | {f"{s}.md" for s in slugs}
        | {f"{s}.expected.yml" for s in slugs}
    )
    assert names == allowed, names ^ allowed


def test_no_page_is_in_the_corpus_twice() -> None:
    """A page taken again by a later batch would be scored as unseen while it was read."""
    entries = yaml.safe_load((CORPUS / "SOURCES.yml").read_text())["pages"]
    for key in ("slug", "url"):
        values = [entry[key] for entry in entries]
        assert len(values) == len(set(values)), sorted({v for v in values if values.count(v) > 1})


def test_expectations_are_well_formed() -> None:
    keys = {"items", "never_collected", "storage", "retention", "recipients", "controls", "rights"}
    for page in corpus_pages():
        expected = page.expected
        assert set(expected) <= keys, (page.slug, set(expected) - keys)
        assert set(expected.get("storage") or {}) <= {"locations", "services"}, page.slug
        for item in expected.get("items") or []:
            assert set(item) <= {"name", "requirement", "condition", "purpose"}, (page.slug, item)
            assert isinstance(item["name"], str) and item["name"].strip()
            assert item.get("requirement") in REQUIREMENTS, (page.slug, item)
        never = expected.get("never_collected")
        assert isinstance(never, list), (page.slug, never)
        assert all(isinstance(entry, str) and entry.strip() for entry in never), page.slug
        total = sum(
            len(value) if isinstance(value, list) else sum(map(len, value.values()))
            for value in expected.values()
        )
        # A page chosen by a rule may state little (a short policy: "no personal data").
        assert total >= (3 if page.group == TUNED else 1), f"{page.slug}: almost nothing expected"


def test_expected_item_names_are_written_on_the_page() -> None:
    """Expectations come from reading the page: each item name is (nearly) in its text."""
    for page in corpus_pages():
        text = f" {normalize(page.text)} "
        for item in page.expected.get("items") or []:
            words = normalize(item["name"]).split()
            present = sum(f" {word} " in text for word in words)
            assert present >= 0.75 * len(words), (page.slug, item["name"])


def test_never_collected_entries_are_written_on_the_page() -> None:
    """What a page says is not collected is written in its words."""
    for page in corpus_pages():
        text = f" {normalize(page.text)} "
        for entry in page.expected["never_collected"]:
            words = normalize(entry).split()
            present = sum(f" {word} " in text for word in words)
            assert present >= 0.75 * len(words), (page.slug, entry)


def test_no_seed_page_is_in_the_corpus() -> None:
    seeds = Path(REPO.parent / "shared" / "seeds")
    if not seeds.is_dir():
        pytest.skip("the seed pages are not here")
    seed_texts = {normalize(path.read_text("utf-8"))[:2000] for path in seeds.iterdir()}
    for page in corpus_pages():
        assert normalize(page.text)[:2000] not in seed_texts, page.slug


# -- the measures, on small inputs ----------------------------------------------------------------

SAMPLE = """---
title: Sample
---
# Sample

Intro text.

- First item
  continued here
- Second item

| Field | Description |
|---|---|
| a | the a field |
| b | the b field |

Page | Data
---- | ----
x | y

```json
- not an item
```

<table>
  <thead><tr><th>Use</th><th>Data</th></tr></thead>
  <tr>
    <td>Search</td>
    <td><ul><li>Location</li></ul></td>
  </tr>
</table>
"""


def test_units_are_list_items_and_table_data_rows() -> None:
    found = [(line.number, line.kind) for line in units(SAMPLE)]
    assert found == [
        (8, "item"), (10, "item"), (14, "row"), (15, "row"), (19, "row"), (27, "row"),
        (29, "item"),
    ]  # fmt: skip
    kinds = {line.number: line.kind for line in classify_lines(SAMPLE)}
    assert kinds[12] == "header" and kinds[13] == "delimiter" and kinds[22] == "code"
    assert kinds[26] == "header"  # the header row of a raw HTML table
    assert [unit_key(line) for line in units(SAMPLE)][-2:] == ["Search", "location"]


def test_structured_share_counts_units_outside_free_form_ranges() -> None:
    report = {"free_form": [{"line": 14, "end_line": 15, "text": "..."}]}
    assert structured_share(SAMPLE, report) == (5 / 7, 5, 7)
    # Without end_line, a piece is as long as its text.
    older = {"free_form": [{"line": 8, "text": "- First item\n  continued here\n- Second item"}]}
    assert free_ranges(older) == [(8, 10)]
    assert structured_share(SAMPLE, older) == (5 / 7, 5, 7)
    # With the record's structured text, a unit must also be in it (the row "a" is).
    assert structured_share(SAMPLE, report, " the a field a ")[1:] == (0, 7)


def test_matching_is_by_words_not_by_long_sentences() -> None:
    assert matches("IP address", "IP address")
    assert matches("The version of PowerShell", "Version of PowerShell")
    assert matches("HOMEBREW_NO_ANALYTICS", "export HOMEBREW_NO_ANALYTICS=1")
    assert not matches("IP address", "Domain name")
    assert not matches(
        "registry data",
        "Information collected includes file data, process data, registry data, network "
        "connection data, and device details such as identifiers, names and versions",
    )


# -- truth, on small inputs ------------------------------------------------------------------------

#: A record of each section, with the expectations of its page below (written by hand).
SAMPLE_CATALOG = {"ip-address": "IP address", "os-version": "Operating system version"}
SAMPLE_RECORD: dict[str, Any] = {
    "id": "sample",
    "intro": "We collect your email address.",  # prose: never an item
    "required": {
        "groups": [{"items": [{"ref": "ip-address"}, {"id": "crash-dump", "name": "Crash dump"}]}]
    },
    "optional": {
        "groups": [
            {
                "items": [
                    {"ref": "os-version", "details": ["Kernel build"]},
                    {
                        "id": "device-id",
                        "name": "Device identifier",
                        "alternatives": {"options": ["MAC address", "Random GUID"]},
                    },
                ]
            }
        ]
    },
    "collected": {
        "groups": [
            {
                "items": [
                    {"id": "precise-location", "name": "Precise location"},
                    {"id": "usage", "name": "Feature usage"},
                ]
            }
        ]
    },
    "never_collected": {"items": [{"id": "file-contents", "name": "File contents"}]},
    "controls": {"settings": [{"name": "TELEMETRY_OFF", "options": ["1", "true"]}]},
    "empty_sections": {"never-collected": "No data is listed that Sample never collects."},
}
SAMPLE_EXPECTED: dict[str, Any] = {
    "items": [
        {"name": "IP address", "requirement": "required"},  # imported required: agrees
        {"name": "Crash dump", "requirement": "optional"},  # imported required: an error
        {"name": "Operating system version", "requirement": "not stated"},  # optional: invented
        {"name": "Device identifier", "requirement": "optional"},  # agrees
        {"name": "Feature usage", "requirement": "optional"},  # not stated: unstated
        {"name": "Email address", "requirement": "not stated"},  # only in prose: not found
    ],
    "never_collected": ["Precise location", "File names"],
}


def test_imported_items_carry_the_requirement_of_their_section() -> None:
    assert imported_items(SAMPLE_RECORD, SAMPLE_CATALOG) == [
        ImportedItem("IP address", REQUIRED),
        ImportedItem("Crash dump", REQUIRED),
        ImportedItem("Operating system version", OPTIONAL, ("Kernel build",)),
        ImportedItem("Device identifier", OPTIONAL, ("MAC address", "Random GUID")),
        ImportedItem("Precise location", NOT_STATED),
        ImportedItem("Feature usage", NOT_STATED),
    ]
    assert never_collected_names(SAMPLE_RECORD, SAMPLE_CATALOG) == ["File contents"]


@pytest.mark.parametrize(
    ("expected", "imported", "outcome"),
    [
        (REQUIRED, REQUIRED, AGREES),
        (OPTIONAL, OPTIONAL, AGREES),
        (NOT_STATED, NOT_STATED, AGREES),
        (REQUIRED, OPTIONAL, ERROR),
        (OPTIONAL, REQUIRED, ERROR),
        (REQUIRED, NOT_STATED, UNSTATED),
        (OPTIONAL, NOT_STATED, UNSTATED),
        (NOT_STATED, REQUIRED, INVENTED),
        (NOT_STATED, OPTIONAL, INVENTED),
    ],
)
def test_requirement_outcomes(expected: str, imported: str, outcome: str) -> None:
    assert requirement_outcome(expected, imported) == outcome


def test_recall_spread_counts_pages_in_bands_of_recall() -> None:
    # (a page with no expected items has no recall, and is in no band; 0.8 is "80% or more")
    assert recall_spread([0.0, 0.19, 0.2, 0.55, None, 0.79, 0.8, 1.0]) == [2, 1, 1, 1, 2]
    assert recall_spread([]) == [0, 0, 0, 0, 0]


def test_missed_places_count_where_each_missed_item_stands() -> None:
    page = (
        "# Tool\n\nWe collect your IP address.\n\n- Crash reports\n- Device model\n\n"
        "| Field | Meaning |\n| --- | --- |\n| os_name | The OS |\n\n"
        '```json\n{"session_id": "1"}\n```\n'
    )
    # (the report keeps the list's second item, line 6, as free-form text)
    report = {"free_form": [{"line": 6, "end_line": 6, "text": "- Device model"}]}
    missing = ["IP address", "crash  REPORTS", "Device model", "os_name", "session_id", "Locale"]
    assert missed_places(page, missing, report) == {
        "a sentence the record holds": 1,
        "a list item the record holds": 1,
        "a list item kept as free-form text": 1,
        "a table row the record holds": 1,
        "a code block the record holds": 1,
        "no line, word for word": 1,
    }
    assert missed_places(page, [], report) == {}


def test_truth_counts_recipients_that_are_no_party_the_page_names() -> None:
    record = {
        "sharing": {
            "recipients": [
                {"name": "Sentry"},
                {"name": "No analytics services"},
                {"name": "Microsoft"},
            ]
        }
    }
    result = truth({"recipients": ["Sentry", "Microsoft Corporation"]}, record, {})
    assert result.recipients == ["Sentry", "No analytics services", "Microsoft"]
    assert result.false_recipients == ["No analytics services"]
    assert recipient_precision([result]) == 2 / 3
    # A page whose expectations list none: every recipient imported is false.
    none = truth({"recipients": []}, record, {})
    assert len(none.false_recipients) == 3 and recipient_precision([none]) == 0
    # Expectations silent on recipients measure none.
    assert (
        truth({}, record, {}).recipients == [] and recipient_precision([truth({}, {}, {})]) is None
    )


def test_truth_counts_false_items_requirements_and_never_collected_data() -> None:
    result = truth(SAMPLE_EXPECTED, SAMPLE_RECORD, SAMPLE_CATALOG)
    assert [item.name for item in result.false_items] == ["Precise location"]
    assert result.precision == 5 / 6
    outcomes = {p.imported.name: p.outcome for p in result.pairings}
    assert outcomes == {
        "IP address": AGREES,
        "Crash dump": ERROR,
        "Operating system version": INVENTED,
        "Device identifier": AGREES,
        "Feature usage": UNSTATED,
    }
    assert (len(result.stated), len(result.not_stated)) == (4, 1)
    assert result.never_as_collected == [("Precise location", "Precise location")]
    assert result.never_found == [] and result.never_recall == 0
    assert result.never_list_lost and result.never_empty_sentence
    assert result.never_errors == 3
    # A record that keeps one of them as never collected, and says nothing of an empty list.
    kept = {
        **SAMPLE_RECORD,
        "never_collected": {"items": [{"id": "file-names", "name": "File names"}]},
        "empty_sections": {},
    }
    result = truth(SAMPLE_EXPECTED, kept, SAMPLE_CATALOG)
    assert result.never_found == ["File names"] and result.never_recall == 0.5
    assert not result.never_list_lost and not result.never_empty_sentence
    assert result.never_errors == 1
    # An entry that lists data is stated by an entry for each part, not by one part alone.
    listed = {**SAMPLE_EXPECTED, "never_collected": ["User behavior or usage statistics"]}
    names = [{"id": "user-behavior", "name": "User behavior"}]
    parts = {**kept, "never_collected": {"items": names}}
    assert truth(listed, parts, SAMPLE_CATALOG).never_found == []
    names.append({"id": "usage-statistics", "name": "Usage statistics"})
    assert truth(listed, parts, SAMPLE_CATALOG).never_found == ["User behavior or usage statistics"]
    pooled = Requirements.of([result, result])
    assert (pooled.stated, pooled.agrees, pooled.errors, pooled.unstated) == (8, 4, 2, 2)
    assert (pooled.not_stated, pooled.invented) == (2, 2)
    assert pooled.error_share == 0.25


def test_a_never_collected_list_is_stated_part_by_part_without_its_exception() -> None:
    expected = {"never_collected": ["Code, prompts, or LLM responses, except text you submit"]}
    record = {"never_collected": {"items": [{"name": n} for n in ("Code", "Prompts")]}}
    assert truth(expected, record, {}).never_found == []
    record["never_collected"]["items"].append({"name": "LLM responses"})
    assert len(truth(expected, record, {}).never_found) == 1


def test_an_item_holding_a_never_collected_entry_in_a_longer_name_is_not_that_data() -> None:
    assert states("Precise Location", "Precise location")
    assert states("Secret names and values", "Secret values")
    assert not states(
        "The parameters passed to pwsh without the parameter values", "Parameter values"
    )
    assert not states("The geographic location of the host, based on the IP address", "IP address")


def test_strict_build_problems_are_given_to_the_pages_they_name() -> None:
    slugs = {"go", "go-telemetry"}
    record = "/tmp/x/content/products/go-telemetry.yml:12:3: warning insecure-link: a link"
    page = "Doc file 'privacy/go.md' contains a link 'a.md', but the target is not found"
    catalog = "/tmp/x/content/catalog/imported.yml:3:1: warning duplicate-catalog-item: an item"
    assert named_pages(record, slugs) == {"go-telemetry"}
    assert named_pages(page, slugs) == {"go"}
    assert named_pages(catalog, slugs) == set()
    assert [problem_kind(m) for m in (record, page, catalog)] == [
        "insecure-link",
        "mkdocs",
        "duplicate-catalog-item",
    ]


def test_the_strict_build_turns_off_only_the_rules_it_names(tmp_path: Path) -> None:
    config = site_config(tmp_path)
    settings = settings_from_mkdocs(strict_config(config))
    assert set(STRICT_LINT_OFF) <= set(RULES_BY_ID)
    for rule in RULES_BY_ID.values():
        # (a profile's rules, such as gdpr-*, are off unless the site names the profile)
        off = rule.id in STRICT_LINT_OFF or rule.profile is not None
        wanted = None if off else rule.default_severity
        assert settings.lint.severity(rule) == wanted, rule.id
    assert settings.metadata == settings_from_mkdocs(config).metadata


# -- the import: sanity checks that hold today ------------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_imports(run: CorpusRun, slug: str) -> None:
    result = run.page(slug)
    assert result.code == 0, result.report
    assert result.report["product_id"] == slug
    assert result.record.get("id") == slug


def test_the_site_with_every_imported_page_builds(run: CorpusRun) -> None:
    assert run.site.ok, f"{run.site.error}\n{run.site.messages}"
    errors = [r.getMessage() for r in run.site.records if r.levelname == "ERROR"]
    assert errors == []


@pytest.mark.parametrize("slug", SLUGS)
def test_free_form_ranges_are_lines_of_the_page(run: CorpusRun, slug: str) -> None:
    result = run.page(slug)
    count = result.page.text.count("\n") + 1
    bodies = "\n\n".join(
        str(section.get("body", "")) for section in result.record.get("sections") or []
    )
    for piece in result.report["free_form"]:
        start, end = piece["line"], piece.get("end_line", piece["line"])
        assert 1 <= start <= end <= count, piece
        # The text as the record has it (a relative link may have been made absolute; a body
        # read whole may pair a backtick of one piece with another's, so each piece is also
        # looked for as it is written).
        assert " ".join(piece["text"].split()) in " ".join(bodies.split()) or normalize(
            plain(piece["text"])
        ) in normalize(plain(bodies)), piece


@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_has_facts_and_units(run: CorpusRun, slug: str) -> None:
    result = run.page(slug)
    if result.page.group in (HELD_OUT, READ):
        # Chosen by a rule, not for the measure: a short policy written as paragraphs has no
        # units (its structured share is n/a) and counts for refusal and fidelity only. (A Hugo
        # page of batch 2026-11-27n holds all its text in its front matter, where the measure
        # finds no fact: it counts for its expectations only.)
        assert len(seed_facts(result.page.path)) >= 1 or slug == "pid4nfdi-privacy-policy"
        return
    assert len(seed_facts(result.page.path)) >= 5
    # vcpkg's, Teams' and Notepads' pages have no list or table outside code blocks: no units.
    assert result.units >= 3 or slug in ("vcpkg-privacy", "teams-data-location", "notepads-privacy")


def _long_names(run: CorpusRun, group: str) -> list[tuple[str, str, list[str]]]:
    names = catalog_names(run.root / "content")
    return [
        (r.page.slug, name[:60], problems)
        for r in run.pages
        if r.page.group == group
        for name in structured_names(r.record, names)
        if (problems := name_problems(name))
    ]


def test_imported_names_are_short_noun_phrases(run: CorpusRun) -> None:
    """An item or recipient name names a thing: never a paragraph, a code block, an image, a
    second line, or a sentence (those belong in a description, a control, a note)."""
    bad = _long_names(run, TUNED)
    assert bad == [], "\n".join(map(str, bad))


#: Names of held-out pages that were too long when the page was measured, the first time
#: (a never-collected bullet whose whole sentence became its name). Any other is a regression.
HELD_OUT_NAME_PROBLEMS = {
    ("daanio-cli-telemetry", "No code, prompts, or LLM responses, except text explicitly s"),
    # batch 2026-11-26i, measured once: a sentence that says what a kind of command sends,
    # whole, as one item's name
    ("angular-cli-analytics", "For schematics commands (add, generate and new), the schemat"),
    ("angular-cli-analytics", "For build commands (build, serve), the builder name, the num"),
    # batch 2026-11-29y, measured once (twenty-fifth session): a name of 109 characters
    (
        "azure-stack-hci-data-collection",
        "Information to compute reliability of the antivirus/antimalw",
    ),
}


# Held on the batch 2026-11-27n (tenth session); failed on the batch 2026-11-27m by one name,
# which is read now.
def test_imported_names_of_held_out_pages_are_short_noun_phrases(run: CorpusRun) -> None:
    bad = [b for b in _long_names(run, HELD_OUT) if b[:2] not in HELD_OUT_NAME_PROBLEMS]
    assert bad == [], "\n".join(map(str, bad))


@pytest.mark.xfail(
    strict=True,
    reason="measured once on 2026-11-26 with the held-out batch 2026-11-26i: two names of "
    "angular-cli-analytics are whole sentences (HELD_OUT_NAME_PROBLEMS)",
)
def test_held_out_name_problems_are_gone(run: CorpusRun) -> None:
    assert not {b[:2] for b in _long_names(run, HELD_OUT)} & HELD_OUT_NAME_PROBLEMS


def test_name_problems_are_found() -> None:
    assert name_problems("IP address") == []
    assert name_problems("Oracle America, Inc.") == []
    assert name_problems("If you use the JSON editor, add:\n\n```json\n{}\n```") == [
        "a code fence",
        "a line break",
    ]
    assert name_problems("![Screenshot](images/a.png)") == ["an image"]
    assert name_problems("This will silence all telemetry events.") == ["ends like a sentence"]
    assert name_problems("x" * 101) == ["101 characters"]


# -- the goals ------------------------------------------------------------------------------------


def tuned(run: CorpusRun) -> list[Measured]:
    """The pages the importer was worked on with (its floors and first goals are theirs)."""
    return [r for r in run.pages if r.page.group == TUNED]


def held_out(run: CorpusRun) -> list[Measured]:
    """The pages added after the code they are measured with (see the corpus README)."""
    return [r for r in run.pages if r.page.group == HELD_OUT]


def test_measured_floors_hold(run: CorpusRun) -> None:
    """Regression floors: what the importer reached when they were set."""
    assert average([r.fidelity for r in tuned(run)]) >= FLOOR_FIDELITY
    assert average([r.structured for r in tuned(run)]) >= FLOOR_STRUCTURED
    assert average([r.recall.share for r in tuned(run)]) >= FLOOR_RECALL


def test_fidelity_average_reaches_the_goal(run: CorpusRun) -> None:
    fidelity = average([r.fidelity for r in tuned(run)])
    assert fidelity >= GOAL_FIDELITY, f"{fidelity:.3f}"


def test_structured_share_average_reaches_the_goal(run: CorpusRun) -> None:
    share = average([r.structured for r in tuned(run)])
    assert share >= GOAL_STRUCTURED, f"{share:.3f}"


#: Tuned pages below the page floor, at what they measured: their lists are text, not data
#: (m365-copilot-web-search-privacy: the options of a policy, what web queries do not affect,
#: the headings of a response), and the share counts them against the page.
BELOW_THE_PAGE_FLOOR = {
    "m365-copilot-web-search-privacy": 0.17,
    # Its table maps purposes ("To improve security") to data and legal bases: text now.
    "firefox-focus-privacy-notice": 0.5,
}


def test_no_page_falls_below_the_structured_share_floor(run: CorpusRun) -> None:
    low = {
        r.page.slug: round(r.structured, 2)
        for r in tuned(run)
        if r.structured is not None
        and r.structured < BELOW_THE_PAGE_FLOOR.get(r.page.slug, GOAL_STRUCTURED_PAGE)
    }
    assert low == {}


@pytest.mark.xfail(
    strict=False,
    reason="m365-copilot-web-search-privacy measured 0.176: a list of a policy's options, of what "
    "web search queries do not affect and of a response's headings stay text",
)
def test_pages_below_the_floor_reach_it(run: CorpusRun) -> None:
    share = {r.page.slug: r.structured for r in tuned(run)}
    assert all((share[slug] or 0) >= GOAL_STRUCTURED_PAGE for slug in BELOW_THE_PAGE_FLOOR)


# -- pages added after the code (issue 35, point 3) ------------------------------------------

#: The issue's goals on pages outside any corpus the code was worked on with.
GOAL_HELD_OUT_STRUCTURED = 0.80
GOAL_HELD_OUT_PAGE = 0.40


def test_the_corpus_has_pages_added_after_the_code() -> None:
    pages = [page for page in corpus_pages() if page.group == HELD_OUT]
    assert len(pages) >= 6, [page.slug for page in pages]
    assert {page.group for page in corpus_pages()} == {TUNED, READ, HELD_OUT}


# Met on the batch 2026-11-25d, measured once (late on 2026-11-25): 0.82 (0.80 on the batch c).
@pytest.mark.xfail(
    strict=False,
    reason="measured once on 2026-11-26 with the batch 2026-11-26h (9 pages never read before): 0.68; with the batch 2026-11-26g (12 pages): 0.81; with the batch 2026-11-26f: 0.62; with the batch 2026-11-26e: 0.65 (0.82 on the batch d); alz-customer-usage-attribution and liplaglo-ios-privacy 0%",
)
def test_held_out_pages_reach_the_structured_share_goal(run: CorpusRun) -> None:
    share = average([r.structured for r in held_out(run)])
    assert share >= GOAL_HELD_OUT_STRUCTURED, f"{share:.3f}"


@pytest.mark.xfail(
    strict=False,
    reason="measured once on 2026-11-26 with the batch 2026-11-26e (14 pages never read before): alz-customer-usage-attribution 0%, liplaglo-ios-privacy 0%, zip-utility3-privacy 33% structured",
)
def test_no_held_out_page_falls_below_the_floor(run: CorpusRun) -> None:
    low = {
        r.page.slug: round(r.structured, 2)
        for r in held_out(run)
        if r.structured is not None and r.structured < GOAL_HELD_OUT_PAGE
    }
    assert low == {}


# Met on the batch 2026-11-26e, measured once: 0.98 (just under 0.97 on the batch d).
def test_held_out_pages_keep_their_fidelity(run: CorpusRun) -> None:
    fidelity = average([r.fidelity for r in held_out(run)])
    assert fidelity >= GOAL_FIDELITY, f"{fidelity:.3f}"


@pytest.mark.xfail(
    strict=False,
    reason="measured 0.64 on the 35 tuned pages, 0.58 on all 51 (0.46 on the 16 held-out): "
    "data named in a sentence that says it is collected is read now, but data named with "
    "another verb ('we send a hash of the NIC', 'minidump files are created and sent'), rights "
    "and controls of the full privacy notices, and regions in tables of other shapes are not",
)
def test_recall_average_reaches_the_goal(run: CorpusRun) -> None:
    share = average([r.recall.share for r in run.pages])
    assert share >= GOAL_RECALL, f"{share:.3f}"


def test_units_not_in_the_free_form_list_hold_their_floor(run: CorpusRun) -> None:
    # The pages the code was worked with; the held-out ones have goals of their own above. (With
    # the batch 2026-11-26f added and names cut off mid-sentence kept as text, the average over
    # all pages fell to 0.847.) Since the eight pages of batch 2026-11-27m were read (72% on
    # average when measured), the pages not held out average 0.846 with the code of that
    # session's start as with its end: under the goal by what was added to the group, not by a
    # change of the code. The floor is that figure; the goal stays the issue's. With the batch
    # 2026-11-27p read (its four pages with units 65% on average when it was held out, 63% now:
    # two paragraphs of a FAQ and a sentence are text since), the average is 0.841; the other
    # pages average 0.847 with the fourteenth session's code as before it. With the batch
    # 2026-11-27r read (seven pages) and the sixteenth session's code, 0.833: of the pages whose
    # share changed, sql-server-ceip's ways of turning sending off and rtranslator-privacy-
    # policy's lines per platform ("- Android: the data is saved in ...") are text, no longer
    # never-collected entries and items that were not data. With the batch 2026-11-27s read
    # (five pages), 0.830 with the seventeenth session's code. With the batch 2026-11-28t read
    # (four pages, two of them sentences and a list of what is not collected), 0.8295; with the
    # eighteenth session's final code, 0.8282: lists that are not data are text now ("All
    # operations occur locally, including:", the ways to enable what is "never sent unless you
    # enable it:"), no longer items or never-collected entries. With the batches 2026-11-29aa
    # and ac read (twenty-seventh session), 0.816: the six pages of ac average 0.46 (two of
    # them 0%: r2midi-privacy's and tideterm-privacy's bullets are statements, text), and the
    # other pages are as they were with the code of the session's start. With the thirty-first
    # session's code, 0.8144: msbuild-collected-telemetry's deprecated data (a table under
    # "#### Deprecated Data", removed in 10.0.100) and devjson-privacy's "No network requests
    # are made by the extension itself" are text, no longer items and an entry their
    # expectations do not list. With the thirty-ninth session's code, 0.8104: six pages'
    # lists of who does not receive the data ("- No analytics services", a list led by "does
    # not integrate with any third-party services, including:") are text, no longer recipients
    # (expense-tracker-privacy-policy, open-in-cursor-plugin-privacy, sans-password-manager-
    # privacy...). With the forty-third session's code, 0.8075: sharing lists that name no one
    # who receives the data are text, no longer recipients (bitpot-privacy's legal grounds
    # after "to third parties if:", t2bot-privacy-policy's purposes after "necessary to:",
    # ai-keyboard-privacy's "**Purpose**:" and "**License**:" under each library,
    # pid4nfdi-privacy-policy's data after "Matomo collects the following anonymised data:",
    # the "**Legal Requirements**:" of habitos and macro-tracker), and so are lists of links to
    # the page's own sections (accessibility-insights-windows-telemetry,
    # adobe-aio-cli-telemetry), no longer items.
    share = average([r.report_share for r in run.pages if r.page.group != HELD_OUT])
    assert share >= FLOOR_STRUCTURED_NOT_HELD_OUT, f"{share:.3f} (goal {GOAL_STRUCTURED})"


def _lost_lines(run: CorpusRun, group: str) -> dict[str, list[int]]:
    return {
        r.page.slug: [line.number for line in r.unaccounted]
        for r in run.pages
        if r.page.group == group and r.unaccounted
    }


def test_every_line_is_in_a_record_or_in_the_free_form_list(run: CorpusRun) -> None:
    """No line of the page goes unaccounted for (the issue): each one is in the free-form
    list, or its words are in the content folder (the record, the catalog, the categories)."""
    assert _lost_lines(run, TUNED) == {}


@pytest.mark.xfail(
    strict=False,
    reason="measured once on 2026-11-26 with the batch 2026-11-26e (14 pages never read before): ftl-cli-telemetry and kamaji-telemetry, line 15 each",
)
def test_every_line_of_held_out_pages_is_in_a_record_or_in_the_free_form_list(
    run: CorpusRun,
) -> None:
    assert _lost_lines(run, HELD_OUT) == {}


# -- truth: precision, requirements and never-collected data (issue 53, point 6) ---------------

#: What the importer reached on the tuned pages when these were set, with a small margin (the
#: importer was being rewritten as they were measured; precision moved between 0.76 and 0.82
#: from one run to the next): falling below a floor, or above a ceiling, fails. Measured on
#: 2026-11-25 on the 35 tuned pages: item recall 0.670; precision 0.761 (75 false items of 449;
#: github-subprocessors 0: its subprocessors imported as data items); requirement errors 13 of
#: the 281 matched items whose page states the requirement (0.046; defender-endpoint-linux-
#: privacy 10), not stated in the record 51 (0.18), invented 61 of the 93 whose page does not
#: state it (0.66; defender-endpoint-linux-privacy 53: its fields after "Optional diagnostic
#: data" imported as optional); never collected: recall 0.288 (98 entries on 22 pages), 1
#: imported as collected (firefox-focus-privacy-notice: "Precise location"), 10 lists lost, 8
#: records saying none is listed.
#: Measured again at the end of that day's work (the claims read as the tests say, never-collected
#: data kept wherever it is said, names that are not data left as text): item recall 0.68,
#: precision 0.85 (44 false items of 402), requirement errors 1 of 264 (0.004), invented 2 of
#: 94, never-collected recall 0.49, 1 imported as collected, 5 lists lost, 3 records saying
#: none is listed.
#: And in the evening (words over a list are no items, denials that hold in some case only are
#: no never-collected data, "We will never:" bullets are): item recall 0.68, precision 0.88 (34
#: false items of 388), requirement errors 0 of 260, never-collected recall 0.51.
#: Late that night (a list is data only where words say so; purposes, times, groups of people
#: and legal bases are no items; a heading asked and answered No, and what an item says it
#: leaves out, are never collected): item recall 0.68, precision 0.92 (19 false items of 373),
#: requirement errors 0, never-collected recall 0.56, 4 lists lost, 2 records saying none.
#: 0.649 later on 2026-11-25: prose summaries are no items. 0.615 on 2026-11-27 (eleventh
#: session), once data named only in a sentence stays text (see FLOOR_RECALL).
FLOOR_ITEM_RECALL = 0.61
FLOOR_PRECISION = 0.91
CEILING_REQUIREMENT_ERRORS = 0.02
CEILING_INVENTED = 0.05
FLOOR_NEVER_RECALL = 0.53
CEILING_NEVER_AS_COLLECTED = 1
CEILING_NEVER_LISTS_LOST = 4
CEILING_NONE_LISTED = 2


def _requirements(pages: list[Measured]) -> Requirements:
    return Requirements.of([r.truth for r in pages])


def _never(pages: list[Measured]) -> dict[str, list[str]]:
    """What each kind of never-collected error is, by page."""
    return {
        "as collected": [
            f"{r.page.slug}: {entry} (as {name})"
            for r in pages
            for entry, name in r.truth.never_as_collected
        ],
        "lists lost": [r.page.slug for r in pages if r.truth.never_list_lost],
        "none listed": [r.page.slug for r in pages if r.truth.never_empty_sentence],
    }


#: Records that say their page gives no retention period ("X does not say how long it keeps
#: the data", or the section marked empty) while the page gives one. Counted since 2026-11-26:
#: 4 of the tuned pages and 12 of the read ones when the measure was added; since the import
#: keeps a page's own words on how long wherever no rule reads them (``periods_said``), 2 and
#: 1: their pages say it without a verb of keeping ("Last four weeks only", "max 1000 rows",
#: "only available in the chat thread for 24 hours"). 2 read since batch 2026-11-27m was read
#: (tenth session): antennapod-privacy-policy gives only how long cookies last ("clears them
#: each time the app is restarted"). 3 since the batches 2026-11-27n and o were read (thirteenth
#: session): n8n-mcp-telemetry-privacy says only "Data is retained for analysis purposes",
#: which no rule reads as a period. 4 since the batch 2026-11-29aa was read (twenty-seventh
#: session): kiro-automation-privacy keeps "a rolling window of recent events (configurable in
#: code)", no period either. Any more is a regression.
CEILING_NO_PERIOD = {TUNED: 2, READ: 4}


#: Records that say how to exercise rights is not described ("How to exercise data subject
#: rights for X is not described", the import's sentence for an empty "Your rights") while the
#: page names rights or controls. Counted since 2026-11-26: 34 of the 134 records when the
#: measure was added (5 tuned, 20 read, 9 held-out); since the import quotes the page's own
#: sentences that name a right or a control where no field holds them, 2 tuned and 10 read (and
#: 6 held-out, measured with that code). 11 read since johnkeller-apps-privacy (batch
#: 2026-11-26g, which says it) was read once that batch was measured; 12 since batch
#: 2026-11-27m was read (contact-center-ai-agents-rai-faq: administrators can remove what the
#: agents generate). 15 since the batches 2026-11-27n and o were read (thirteenth session):
#: kaizala-privacy, leash-telemetry and telepresence-usage-reporting name only controls
#: (pid4nfdi-privacy-policy, read with them, names rights the import now reads). 16 since the
#: batch 2026-11-27q was read (fifteenth session): dynamics-ax-2012-customer-feedback-options
#: names only how to join or leave a program, as it did when it was held out. 17 since the
#: batch 2026-11-29ac was read (twenty-seventh session): tideterm-privacy names only a
#: setting to turn telemetry on, as it did when it was held out. Any more is a regression.
CEILING_NO_RIGHTS = {TUNED: 2, READ: 17}


#: The sentences the import writes that contradict a page, each with its ceilings per group.
CONTRADICTIONS = {"no_period_sentence": CEILING_NO_PERIOD, "no_rights_sentence": CEILING_NO_RIGHTS}


@pytest.mark.parametrize("group", [TUNED, READ])
@pytest.mark.parametrize("sentence", sorted(CONTRADICTIONS))
def test_records_contradict_their_page_no_more_often_than_they_did(
    run: CorpusRun, sentence: str, group: str
) -> None:
    said = [r.page.slug for r in run.pages if r.page.group == group and getattr(r.truth, sentence)]
    assert len(said) <= CONTRADICTIONS[sentence][group], said


@pytest.mark.xfail(
    strict=False,
    reason="measured on 2026-11-26, when the measure was added, with the held-out pages: 9 of 22 records say it (6 with the code that quotes the page's sentences)",
)
def test_held_out_records_never_say_rights_are_not_described_when_the_page_names_some(
    run: CorpusRun,
) -> None:
    assert [r.page.slug for r in held_out(run) if r.truth.no_rights_sentence] == []


# Met on the batch 2026-11-26e, measured with the code that keeps a page's own words on how
# long (2 of its 14 records said so before).
@pytest.mark.xfail(
    strict=False,
    reason="measured once on 2026-11-27 (tenth session) with the batch 2026-11-27n (8 pages never "
    "read before): 1 record says the page gives no retention period while it gives one; the same "
    "count on the batch 2026-11-27m (ninth session); both batches are read now, and the held-out "
    "pages left meet it, as they did before these two batches",
)
def test_held_out_records_never_say_the_page_gives_no_period_when_it_gives_one(
    run: CorpusRun,
) -> None:
    assert [r.page.slug for r in held_out(run) if r.truth.no_period_sentence] == []


#: The share of imported recipients that are parties the page names, pooled over the records
#: whose expectations list the page's (if only as none), per group. Measured since 2026-11-30
#: (thirty-ninth session): tuned 64 of 71 (0.90); read 59 of 131 (0.45), 59 of 149 (0.40)
#: with the code of that session's start, whose recipients included "No analytics services"
#: and the services a page said it does not integrate with. Held out (reported apart, no
#: goal in the issue): 33 of 62 (0.53), 33 of 74 before. The false ones left are words of a
#: sharing section read as parties: purposes, legal conditions, a library's facet labels.
FLOOR_RECIPIENT_PRECISION = {TUNED: 0.90, READ: 0.45}


@pytest.mark.parametrize("group", sorted(FLOOR_RECIPIENT_PRECISION))
def test_recipient_precision_floors_hold(run: CorpusRun, group: str) -> None:
    pages = [r for r in run.pages if r.page.group == group]
    precision = recipient_precision([r.truth for r in pages])
    false = [f"{r.page.slug}: {name}" for r in pages for name in r.truth.false_recipients]
    assert precision is not None, "no recipient imported"
    assert precision >= FLOOR_RECIPIENT_PRECISION[group], (f"{precision:.3f}", false)


def test_item_recall_and_precision_floors_hold(run: CorpusRun) -> None:
    recall = average([r.recall.share_of("items") for r in tuned(run)])
    precision = average([r.truth.precision for r in tuned(run)])
    assert recall >= FLOOR_ITEM_RECALL, f"{recall:.3f}"
    assert precision >= FLOOR_PRECISION, f"{precision:.3f}"


def test_requirement_ceilings_hold(run: CorpusRun) -> None:
    pooled = _requirements(tuned(run))
    assert pooled.error_share is not None and pooled.invented_share is not None
    assert pooled.error_share <= CEILING_REQUIREMENT_ERRORS, f"{pooled.error_share:.3f}"
    assert pooled.invented_share <= CEILING_INVENTED, f"{pooled.invented_share:.3f}"


def test_never_collected_floors_hold(run: CorpusRun) -> None:
    pages = tuned(run)
    recall = average([r.truth.never_recall for r in pages])
    assert recall >= FLOOR_NEVER_RECALL, f"{recall:.3f}"
    errors = _never(pages)
    assert len(errors["as collected"]) <= CEILING_NEVER_AS_COLLECTED, errors["as collected"]
    assert len(errors["lists lost"]) <= CEILING_NEVER_LISTS_LOST, errors["lists lost"]
    assert len(errors["none listed"]) <= CEILING_NONE_LISTED, errors["none listed"]


#: Tuned pages whose record did not build with ``--strict`` when this was set (2026-11-25: 27 of
#: 35 build), with the lint rules (``mkdocs``: MkDocs' own warnings) that failed it. Any other
#: page, or another rule, failing is a regression.
KNOWN_STRICT_FAILURES: dict[str, set[str]] = {
    # The page's own http:// links to opt-out sites, kept as written: whether the site serves
    # them over https is the writer's to check. (Eight records failed on 2026-11-25 before
    # storage without a period said so and the same data twice in a group became one item.)
    "github-privacy-statement": {"insecure-link"},
    # The same on a page of the batch 2026-11-26f (its one record that failed), read since.
    "eosc-recommender-metrics-privacy": {"insecure-link"},
    # And on a page of the batch 2026-11-28w (a Discord invitation), read since it was measured.
    "argilla-telemetry": {"insecure-link"},
}


def _strict_failures(pages: list[Measured]) -> dict[str, set[str]]:
    return {
        r.page.slug: {problem_kind(message) for message in r.strict_problems}
        for r in pages
        if r.strict_problems
    }


def test_the_strict_build_names_a_page_for_every_problem(run: CorpusRun) -> None:
    assert run.strict.completed, run.strict.site.error
    assert run.strict.unattributed == []


@pytest.mark.parametrize("group", [TUNED, READ])
def test_records_fail_the_strict_build_only_as_they_did(run: CorpusRun, group: str) -> None:
    pages = [r for r in run.pages if r.page.group == group]
    new = {
        slug: kinds - KNOWN_STRICT_FAILURES.get(slug, set())
        for slug, kinds in _strict_failures(pages).items()
        if kinds - KNOWN_STRICT_FAILURES.get(slug, set())
    }
    assert new == {}, "\n".join(m for r in pages if r.page.slug in new for m in r.strict_problems)


@pytest.mark.xfail(
    strict=False,
    reason="measured at the end of 2026-11-25: 1 of the 35 tuned records fails the strict build "
    "(KNOWN_STRICT_FAILURES)",
)
def test_tuned_records_that_failed_the_strict_build_build_now(run: CorpusRun) -> None:
    assert _strict_failures(tuned(run)) == {}


def test_the_report_gives_each_page_its_own_truth(run: CorpusRun) -> None:
    report, apart = report_markdown(run), held_out_report_markdown(run)
    for r in run.pages:
        text = apart if r.page.group == HELD_OUT else report
        section = text.split(f"\n### {r.page.slug}\n", 1)[1].split("\n### ", 1)[0]
        errors = "; ".join(map(str, r.truth.outcomes(ERROR))) or "none"
        assert f"- requirement errors: {errors}\n" in section, r.page.slug
        false_items = "; ".join(item.name for item in r.truth.false_items) or "none"
        assert f"(imported as collected, no item of the page): {false_items}\n" in section
        assert ("- strict build: builds\n" in section) == (not r.strict_problems), r.page.slug


def test_the_report_never_names_a_held_out_page(run: CorpusRun) -> None:
    # (the report is printed and read; held-out pages are measured unread, by their sums)
    report, apart = report_markdown(run), held_out_report_markdown(run)
    held = [r.page.slug for r in run.pages if r.page.group == HELD_OUT]
    assert held and [slug for slug in held if re.search(rf"\b{re.escape(slug)}\b", report)] == []
    assert all(f"\n### {slug}\n" in apart for slug in held)
    assert f"(held-out):** item recall {_percent_of(held_out(run))} (" in report


def _percent_of(pages: list[Measured]) -> str:
    return f"{100 * average([r.recall.share_of('items') for r in pages]):.0f}%"


# -- the goals for pages never seen (issue 53, point 6), on the held-out pages --------

GOAL_ITEM_RECALL = 0.80
GOAL_PRECISION = 0.90
GOAL_REQUIREMENT_ERRORS = 0.02


@pytest.mark.xfail(
    strict=False,
    reason="measured once on 2026-11-27 (eleventh session) with the batch 2026-11-27o (6 pages never read before): 0.94 (132 of 141 items), the same with the code of the session's start (0.57 on average over all 70 held-out pages); "
    "measured once on 2026-11-27 (tenth session) with the batch 2026-11-27n (8 pages never read before): 0.31 (15 of 49 items), the same with the code of the session's start (0.66 over all 64 held-out pages); measured once on 2026-11-27 (ninth session) with the batch 2026-11-27m (8 pages never read before): 0.45 (33 of 74 items), the same with the code of the session's start; on 2026-11-26 (eighth session) with the batch 2026-11-26l (9 pages never read before): 0.51 (27 of 53 items), the same with the code of the session's start; with the batch 2026-11-26k (9 pages never read before): 0.76 (66 of 87 items); with the batch 2026-11-26j (7 pages): 0.81 (35 of 43 items); with the batch 2026-11-26h (9 pages never read before): 0.82 (84 of 102 items), the first batch to reach the goal, while the test holds every held-out page; with the batch 2026-11-26g (12 pages): 0.52 (34 of 66 items); with the batch 2026-11-26f: 0.38 (69 of 184 items); with the batch 2026-11-26e: 0.35 (0.66 on the batch d); 0 on seven pages whose data is in prose, code or a table of other shapes; 0.40 measured again after work on read pages only (data given in code)",
)
def test_held_out_pages_reach_the_item_recall_goal(run: CorpusRun) -> None:
    recall = average([r.recall.share_of("items") for r in held_out(run)])
    assert recall >= GOAL_ITEM_RECALL, f"{recall:.3f}"


# Met on 2026-11-27 (eleventh session), once data named only in a sentence stays text: 0.92 on
# average over the 70 held-out pages (0.81 before; 0.88 pooled). The batch 2026-11-27o, measured
# once: 0.93 on average over its 5 pages with items, 0.79 pooled (42 false items, most on one
# page), the same with the code of the session's start. Before: 0.75 on the batch 2026-11-27n.
def test_held_out_pages_reach_the_precision_goal(run: CorpusRun) -> None:
    precision = average([r.truth.precision for r in held_out(run)])
    assert precision >= GOAL_PRECISION, f"{precision:.3f}"


# Met on the batch 2026-11-26e, measured once: no error of 32 (43 of 81 on the batch d), none
# invented of 1.
def test_held_out_pages_reach_the_requirement_goal(run: CorpusRun) -> None:
    pooled = _requirements(held_out(run))
    assert pooled.error_share is not None
    assert pooled.error_share <= GOAL_REQUIREMENT_ERRORS, (
        f"{pooled.error_share:.3f} ({pooled.errors} of {pooled.stated}; invented "
        f"{pooled.invented} of {pooled.not_stated})"
    )


# Met on the batches 2026-11-25d and 2026-11-26e, each measured once: none (29 on the batch c).
def test_held_out_pages_import_nothing_never_collected_as_collected(run: CorpusRun) -> None:
    assert _never(held_out(run))["as collected"] == []


@pytest.mark.xfail(
    strict=False,
    reason="measured once on 2026-11-27 (eleventh session) with the batch 2026-11-27o (6 pages never read before): 3 lists lost (9 of 22 entries found), the same with the code of the session's start; "
    "measured once on 2026-11-27 (tenth session) with the batch 2026-11-27n (8 pages never read before): no list lost (19 of 22 entries found): the lists earlier batches lose are lost still; measured once on 2026-11-27 (ninth session) with the batch 2026-11-27m (8 pages never read before): 1 never-collected list lost (4 of 14 entries found), the same with the code of the session's start; on 2026-11-26 (eighth session) with the batch 2026-11-26l (9 pages never read before): 2 never-collected lists lost (14 of 25 entries found); with the batch 2026-11-26k (9 pages never read before): 2 of the 7 pages that say what is never collected have no entry for it (14 of 21 entries); with the batch 2026-11-26j (7 pages): none of 2 pages lost it, but 6 of 28 entries found; with the batch 2026-11-26h (9 pages never read before): none of the 5 pages that say what is never collected lost it (23 of 26 entries); with the batch 2026-11-26g (12 pages): 2 of the 7 pages that say what is never collected have no entry for it; with the batch 2026-11-26f: 2 of the 10 pages that say what is never collected have no entry for it; with the batch 2026-11-26e: 2 of the 8 pages that say what is never collected have no entry for it (never-collected recall 0.36; 6 of 10 pages and 0.26 on the batch d)",
)
def test_held_out_pages_keep_their_never_collected_lists(run: CorpusRun) -> None:
    assert _never(held_out(run))["lists lost"] == []


@pytest.mark.xfail(
    strict=False,
    reason="measured once on 2026-11-26 with the batch 2026-11-26e (14 pages never read before): 2 records say none is listed while the page lists some (5 on the batch d; none on the batch 2026-11-26f; 1 on the batch 2026-11-26l)",
)
def test_held_out_records_never_say_none_is_listed_when_the_page_lists_some(run: CorpusRun) -> None:
    assert _never(held_out(run))["none listed"] == []


# Met on the batch 2026-11-26e, measured once; on the batch 2026-11-26f, 13 of 14 built
# (eosc-recommender-metrics-privacy: its own http:// link, see KNOWN_STRICT_FAILURES; read since).
def test_every_held_out_record_builds_strictly(run: CorpusRun) -> None:
    assert _strict_failures(held_out(run)) == {}


def test_nuxt_telemetry_says_what_its_page_says(run: CorpusRun) -> None:
    """Issue 53's acceptance: every item optional ("This program is optional"), the "We do not
    collect" list as never-collected entries, no item made of "community feedback", the code
    blocks rendered as code, and the record building strictly."""
    result = run.page("nuxt-telemetry")
    record = result.record
    names = catalog_names(run.root / "content")

    def item_names(section: str) -> list[str]:
        groups = record.get(section, {}).get("groups", [])
        return [i.get("name") or names[i["ref"]] for g in groups for i in g["items"]]

    assert len(item_names("optional")) == len(result.page.expected["items"])
    assert item_names("required") == [] and item_names("collected") == []
    never = [i.get("name") or names[i["ref"]] for i in record["never_collected"]["items"]]
    assert normalize("Environment variables") in map(normalize, never)
    assert len(never) >= len(result.page.expected["never_collected"]) - 1
    assert not any("community" in normalize(name) for name in item_names("optional"))
    html = run.site.html("privacy/nuxt-telemetry.md")
    assert html.count("<pre") >= result.page.text.count("\n```") // 2
    assert result.strict_problems == []
