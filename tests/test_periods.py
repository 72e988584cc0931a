"""Retention periods as data: a duration and the event it runs from, or the event data is kept
until, said on each page from its language's catalog; carried as data in privacy.json and the
release history; free text for what fits no form. Expected words come from the catalogs and the
records, never from the output."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import SiteResult, copy_example_site, run_mkdocs
from privacy_pages.cli import main
from privacy_pages.history.changes import Change, ChangeSet, Kind, Subject
from privacy_pages.history.notes import describe
from privacy_pages.messages import Messages, messages_for
from privacy_pages.model.periods import AFTER, UNTIL, Period, period_from, period_words

UNITS = {
    "days": ("%(num)d day", "%(num)d days"),
    "weeks": ("%(num)d week", "%(num)d weeks"),
    "months": ("%(num)d month", "%(num)d months"),
    "years": ("%(num)d year", "%(num)d years"),
}
UP_TO = "up to %(period)s"
AFTER_EVENT = "%(period)s after %(event)s"
MANAGED_DESKTOP = "content/products/managed-desktop.yml"
TIMESHEETS = "content/products/contoso-timesheets.yml"


def words_of(words: Messages, period: dict[str, Any], event: str | None = None) -> str:
    """A record's period as ``words``' catalog says it, from the catalog's messages."""
    if "until" in period:
        return words.gettext(UNTIL[period["until"]])
    count, unit = period["duration"].split()
    said = words.ngettext(*UNITS[unit.rstrip("s") + "s"], int(count))
    if period.get("at_most"):
        said = words.gettext(UP_TO, period=said)
    if "after" in period:
        return words.gettext(AFTER[period["after"]], period=said)
    if "after_text" in period:
        return words.gettext(AFTER_EVENT, period=said, event=event or period["after_text"])
    return said


def retention(site: Path, record: str) -> list[dict[str, Any]]:
    """A record's retention rules and their exceptions, in order, as the record writes them."""
    rules = yaml.safe_load((site / record).read_text("utf-8"))["storage"]["retention"]
    return [r for rule in rules for r in (rule, *rule.get("exceptions", ()))]


@pytest.mark.parametrize("language", ["fr", "de", "ar"])
@pytest.mark.parametrize(
    "period",
    [
        {"duration": "90 days"},
        {"duration": "1 year", "at_most": True},
        {"duration": "6 months", "after": "account-closure"},
        {"duration": "2 weeks", "at_most": True, "after": "last-use"},
        {"duration": "30 days", "after_text": "the end of the contract"},
        {"until": "user-deletion"},
        {"until": "account-closure"},
    ],
)
def test_a_period_is_said_from_the_page_languages_catalog(
    language: str, period: dict[str, Any]
) -> None:
    words = messages_for(language)
    structured = period_from(period)
    assert isinstance(structured, Period)
    said = period_words(words, structured)
    assert said == words_of(words, period)
    assert said != words_of(messages_for("en"), period)  # (each catalog translates them all)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SiteResult]:
    """The example site, one of its periods counted from an event and one kept until one."""
    site = copy_example_site(tmp_path_factory.mktemp("periods") / "site")
    record = site / TIMESHEETS
    text = record.read_text("utf-8")
    text = text.replace("period: {duration: 90 days}", "period: {until: account-closure}")
    record.write_text(text, "utf-8")
    result = run_mkdocs(site / "mkdocs.yml", site_dir=site / "_site")
    assert result.ok, f"{result.error}\n{result.messages}"
    return site, result


def cells(page: str, words: Messages) -> list[str]:
    """The "Kept for" column of a page's retention table."""
    table = page[page.index(f"<th>{html.escape(words.gettext('Kept for'))}</th>") :]
    table = table[: table.index("</table>")]
    return [
        html.unescape(c) for c in re.findall(r"<tr>\s*<td>.*?</td>\s*<td>(.*?)</td>", table, re.S)
    ]


def french_text(site: Path, record: str, path: str) -> str:
    translations = site / "content/translations/fr" / record.removeprefix("content/")
    return str(yaml.safe_load(translations.read_text("utf-8"))[path]["text"])


@pytest.mark.parametrize("record", [MANAGED_DESKTOP, TIMESHEETS])
def test_each_page_says_the_periods_in_its_language(
    example: tuple[Path, SiteResult], record: str
) -> None:
    site, result = example
    page = f"privacy/{Path(record).stem}.md"
    periods = retention(site, record)
    assert all(isinstance(p["period"], dict) for p in periods)  # (the example's are all data)
    english, french = messages_for("en"), messages_for("fr")
    assert cells(result.html(page), english) == [words_of(english, p["period"]) for p in periods]
    events = [
        french_text(site, record, f"storage.retention[{n}].period.after_text")
        if "after_text" in p["period"]
        else None
        for n, p in enumerate(periods)
    ]
    assert cells(result.html(f"fr/{page}"), french) == [
        words_of(french, p["period"], event) for p, event in zip(periods, events, strict=True)
    ]


def test_privacy_json_carries_the_periods_as_data(example: tuple[Path, SiteResult]) -> None:
    site, result = example
    schema = json.loads((result.site_dir / "privacy/privacy-json.schema.json").read_text("utf-8"))
    for prefix in ("", "fr/"):
        document = json.loads(
            (result.site_dir / prefix / "privacy/privacy.json").read_text("utf-8")
        )
        jsonschema.validate(document, schema)
        products = {p["id"]: p for p in document["products"]}
        for record in (MANAGED_DESKTOP, TIMESHEETS):
            rules = products[Path(record).stem]["storage"]["retention"]
            found = [r["period"] for rule in rules for r in (rule, *rule["exceptions"])]
            for period, data in zip(retention(site, record), found, strict=True):
                written = period["period"]
                count, unit = written["duration"].split() if "duration" in written else (0, "")
                assert data["count"] == (int(count) or None)
                assert data["unit"] == (unit.rstrip("s") + "s" if unit else None)
                assert data["at_most"] is bool(written.get("at_most"))
                assert (data["after"], data["until"]) == (
                    written.get("after"),
                    written.get("until"),
                )
                if "after_text" in written and prefix:
                    path = "storage.retention[0].period.after_text"
                    assert data["after_text"] == french_text(site, record, path)
                else:
                    assert data["after_text"] == written.get("after_text")


def cli(*arguments: str | Path) -> tuple[int, str]:
    out, err = StringIO(), StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in arguments])
    return code, out.getvalue() + err.getvalue()


@pytest.mark.parametrize(
    ("written", "key", "expected"),
    [
        ("{duration: 90 dayz}", "duration", "expected a number and a unit, like '90 days'"),
        ("{duration: 90 days, after: account-closed}", "after", "expected one of: collection,"),
        ("{until: collection}", "until", "expected one of: account-closure,"),
        ("{duration: 9 days, at_most: yes}", "at_most", "expected true or false"),
        ("{duration: 9 days, until: user-deletion}", "", "expected until alone"),
        ("{after: collection}", "", "expected key 'duration', found none"),
    ],
)
def test_a_period_written_wrongly_is_an_error_at_its_place(
    tmp_path: Path, written: str, key: str, expected: str
) -> None:
    site = copy_example_site(tmp_path)
    record = site / TIMESHEETS
    text = record.read_text("utf-8").replace("period: {duration: 90 days}", f"period: {written}")
    record.write_text(text, "utf-8")
    line = text[: text.index(written)].count("\n") + 1
    column = text.splitlines()[line - 1].index(f"{key}:" if key else written) + 1
    if key:  # (the value, after the key)
        column += len(key) + 2
    code, output = cli("validate", site / "content")
    assert code == 1
    where = f"products/contoso-timesheets.yml:{line}:{column}: error schema: "
    path = "storage.retention[1].period" + (f".{key}" if key else "")
    assert f"{where}{path}: {expected}" in output, output


def period_changed(product: str, rule: str, before: object, after: object) -> Change:
    """A retention rule's period changed."""
    return Change(Subject.RETENTION, Kind.CHANGED, product, rule, rule, "period", before, after)


def note_words(change: Change, words: Messages) -> list[str]:
    note = describe(change, ChangeSet((change,)).in_words(str, words))
    return ["".join(s.text for s in e) for e in (note.before, note.after) if e is not None]


def test_what_changed_says_a_changed_period_in_the_page_language() -> None:
    """A release keeps a period as data, and an older release as the words it was written in:
    the change is said in the page's words where it is data, as written where it is text."""
    before = {"count": 30, "unit": "days", "at_most": True}
    after = {"count": 90, "unit": "days", "after": "account-closure"}
    change = period_changed("intune", "Personal data", before, after)
    french = messages_for("fr")

    def said(w: Messages) -> list[str]:
        return [
            words_of(w, {"duration": "30 days", "at_most": True}),
            words_of(w, {"duration": "90 days", "after": "account-closure"}),
        ]

    assert note_words(change, french) == said(french)
    assert note_words(change, messages_for("en")) == said(messages_for("en"))
    old = period_changed("intune", "Personal data", "Until it is closed", after)
    assert note_words(old, french) == ["Until it is closed", said(french)[1]]


def _dry_run(config: Path) -> str:
    """What ``privacy-pages snapshot --dry-run`` says of a release made today."""
    code, output = cli(
        "snapshot", "--config", config, "--version", "1.1.0", "--date",
        dt.date.today().isoformat(), "--dry-run",
    )  # fmt: skip
    assert code == 0, output
    return output


def test_a_record_rewritten_as_data_is_no_change_a_new_duration_is(tmp_path: Path) -> None:
    """The example's releases hold its periods as text ("A maximum of 30 days"), its records
    as data: a release of the records as they are changes no period; a new duration does."""
    site = copy_example_site(tmp_path)
    config = site / "mkdocs.yml"
    output = _dry_run(config)
    rule = retention(site, MANAGED_DESKTOP)[0]["data"]
    change = period_changed("managed-desktop", rule, None, None)
    subject = describe(change, ChangeSet((change,))).subject  # ("Retention of Personal data")
    assert subject not in output, output
    old_duration = retention(site, MANAGED_DESKTOP)[0]["period"]["duration"]
    record = site / MANAGED_DESKTOP
    text = record.read_text("utf-8")
    record.write_text(text.replace("{duration: 30 days,", "{duration: 90 days,", 1), "utf-8")
    output = _dry_run(config)
    [line] = [line for line in output.splitlines() if subject in line]
    new = words_of(messages_for("en"), retention(site, MANAGED_DESKTOP)[0]["period"])
    assert new in line and f"{old_duration}" in line.replace(new, ""), line


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SiteResult]:
    """The example site with a release of its records as they are (1.1.0), then one that
    counts Managed Desktop's personal data from the account's closure for longer (1.2.0)."""
    site = copy_example_site(tmp_path_factory.mktemp("released") / "site")
    config, today = site / "mkdocs.yml", dt.date.today().isoformat()
    for version, edit in (("1.1.0", None), ("1.2.0", NEW_PERSONAL_DATA)):
        if edit is not None:
            record = site / MANAGED_DESKTOP
            text = record.read_text("utf-8")
            record.write_text(text.replace("{duration: 30 days, at_most: true}", edit), "utf-8")
        code, output = cli("snapshot", "--config", config, "--version", version, "--date", today)
        assert code == 0, output
    result = run_mkdocs(config, site_dir=site / "_site")
    assert result.ok, f"{result.error}\n{result.messages}"
    return site, result


NEW_PERSONAL_DATA = "{duration: 90 days, after: account-closure}"


def test_a_release_keeps_a_period_as_data_and_its_change_is_said_in_each_language(
    released: tuple[Path, SiteResult],
) -> None:
    site, result = released
    old, new = {"duration": "30 days", "at_most": True}, yaml.safe_load(NEW_PERSONAL_DATA)
    rule = retention(site, MANAGED_DESKTOP)[0]["data"]
    # The release, and a diff of two releases as JSON, hold the period as data.
    recorded = json.loads((site / "content/history/1.2.0.json").read_text("utf-8"))
    held = recorded["products"]["managed-desktop"]["retention"][rule]["period"]
    assert held == {"count": 90, "unit": "days", "after": "account-closure"}
    history = site / "content/history"
    code, output = cli("diff", history / "1.1.0.json", history / "1.2.0.json", "--format", "json")
    assert code == 0, output
    [change] = json.loads(output)["products"]["managed-desktop"]["changes"]
    assert change["type"] == "retention-changed" and change["after"] == held
    assert change["before"] == {"count": 30, "unit": "days", "at_most": True}
    # The release's entry in the change history says the change in the page's words.
    for prefix, language in (("", "en"), ("fr/", "fr")):
        page = html.unescape(result.html(f"{prefix}privacy/managed-desktop.md"))
        start = page.index('id="release-1-2-0"')
        entry = re.sub(r"<[^>]+>", "", page[start : page.index('id="release-', start + 1)])
        words = messages_for(language)
        assert words_of(words, old) in entry and words_of(words, new) in entry, entry
