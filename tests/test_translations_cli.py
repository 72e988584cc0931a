"""``privacy-pages translations status | export | import``: a language round-trips through a
PO catalog, an import changes only what the catalog changed, and stale stays stale.

Each test works on a copy of the example site's content, in German (a language the example
does not translate, so its own translations do not change what is counted here)."""

from __future__ import annotations

import difflib
import io
import json
import shutil
from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po
from conftest import REPO
from hypothesis import given
from hypothesis import settings as examples
from hypothesis import strategies as st
from privacy_pages.atomic_write import WriteFailed
from privacy_pages.cli import main
from privacy_pages.load.text_fields import fingerprint, text_fields
from privacy_pages.load.translation_files import Entry, entries_of, updated_text
from privacy_pages.load.yaml_source import parse_text, read_file
from privacy_pages.settings import find_settings, settings_from_mkdocs

LANG = "de"
RECORD = "products/intune.yml"
TRANSLATION = f"content/translations/{LANG}/{RECORD}"
#: The fingerprint of a text the record no longer has: its translation is stale.
OLD = "000000000000"


def intune_fields(site: Path) -> dict[str, str]:
    data = read_file(site / "content" / RECORD, RECORD)
    return {path: text for path, text, _ in text_fields(data)}


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example site with a hand-written German translation of Intune: two
    translated entries, one stale, comments and blank lines."""
    target = tmp_path / "site"
    target.mkdir()
    shutil.copytree(REPO / "content", target / "content")
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.rmtree(target / "content" / "translations" / LANG, ignore_errors=True)
    fields = intune_fields(target)
    path = target / TRANSLATION
    path.parent.mkdir(parents=True)
    path.write_text(
        "# Hand-written: this comment, the blank lines and the quoting must survive imports.\n"
        "\n"
        "summary:\n"
        f"  source: {fingerprint(fields['summary'])}\n"
        '  text: "Der Intune-Dienst: Geräte und Apps verwalten."\n'
        "\n"
        "metadata.title:\n"
        f"  source: '{fingerprint(fields['metadata.title'])}'\n"
        "  text: Datenerfassung in Intune  # a comment on the value\n"
        "\n"
        "# The name is stale: its English text changed since.\n"
        "name:\n"
        f"  source: '{OLD}'\n"
        "  text: Microsoft Intune (alt)\n",
        "utf-8",
    )
    monkeypatch.chdir(target)  # paths are printed relative to the site
    return target


def run(capsys: pytest.CaptureFixture[str], site: Path, *args: str) -> tuple[int, str, str]:
    code = main(["translations", *args, "--config", str(site / "mkdocs.yml")])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def snapshot(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted((site / "content").rglob("*"))
        if path.is_file()
    }


def export(capsys: pytest.CaptureFixture[str], site: Path, name: str = "de.po") -> Path:
    out = site / name
    code, _, err = run(capsys, site, "export", LANG, "--out", str(out))
    assert code == 0, err
    return out


def read(po: Path) -> Catalog:
    with po.open("rb") as handle:
        return read_po(handle)


def write(po: Path, catalog: Catalog) -> None:
    with po.open("wb") as handle:
        write_po(handle, catalog)


def message(catalog: Catalog, field: str) -> Message:
    found = [m for m in catalog if m.context == f"{RECORD}:{field}"]
    assert len(found) == 1
    return found[0]


def export_with(capsys: pytest.CaptureFixture[str], site: Path, field: str, text: str) -> Path:
    """The language exported, with the message of ``field`` translated as ``text``."""
    po = export(capsys, site)
    catalog = read(po)
    message(catalog, field).string = text
    write(po, catalog)
    return po


def test_a_language_round_trips_unchanged(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(site)
    po = export(capsys, site)
    assert export(capsys, site, "again.po").read_bytes() == po.read_bytes(), "not deterministic"
    text = po.read_text("utf-8")
    assert '"Language: de\\n"' in text and "Creation-Date" not in text
    catalog = read(po)
    summary = message(catalog, "summary")
    assert summary.string == "Der Intune-Dienst: Geräte und Apps verwalten."
    assert summary.auto_comments == [f"source: {fingerprint(summary.id)}"]
    assert not summary.fuzzy and ("content/products/intune.yml", 6) in summary.locations
    untranslated = message(catalog, "intro")
    assert untranslated.string == "" and not untranslated.auto_comments
    contexts = [m.context for m in catalog if m.id]
    assert len(contexts) == len(set(contexts))
    assert contexts[0].startswith("products/") and contexts[-1].startswith("comparisons.yml:")

    code, out, err = run(capsys, site, "import", LANG, str(po))
    assert code == 0, err
    assert "0 file(s) changed" in out and "3 unchanged" in out
    assert snapshot(site) == before


def test_editing_one_msgstr_changes_exactly_that_field(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(site)
    po = export_with(capsys, site, "summary", "Intune: # kein Kommentar | sondern Text")

    code, out, err = run(capsys, site, "import", LANG, str(po))
    assert code == 0, err
    assert f"changed {TRANSLATION}: 0 added, 1 updated" in out
    after = snapshot(site)
    assert {name for name in after if after[name] != before.get(name)} == {TRANSLATION}
    diff = [
        line
        for line in difflib.unified_diff(
            before[TRANSLATION].decode().splitlines(), after[TRANSLATION].decode().splitlines()
        )
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert diff == [
        '-  text: "Der Intune-Dienst: Geräte und Apps verwalten."',
        "+  text: 'Intune: # kein Kommentar | sondern Text'",
    ]


def test_a_new_translation_goes_in_the_records_field_order(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (site / TRANSLATION).read_text("utf-8")
    po = export_with(
        capsys, site, "metadata.description", "Welche Daten Intune erhebt.\nZwei Zeilen."
    )
    code, out, err = run(capsys, site, "import", LANG, str(po), "--dry-run")
    assert code == 0, err
    assert "nothing written" in out and (site / TRANSLATION).read_text("utf-8") == before
    code, out, err = run(capsys, site, "import", LANG, str(po))
    assert code == 0, err
    assert "1 entry added" in out
    after = (site / TRANSLATION).read_text("utf-8")
    title = "  text: Datenerfassung in Intune  # a comment on the value\n"
    description = (
        "metadata.description:\n"
        f"  source: {fingerprint(intune_fields(site)['metadata.description'])}\n"
        "  text: |-\n    Welche Daten Intune erhebt.\n    Zwei Zeilen.\n"
    )
    # After the title (the field before it in the record), before the blank line.
    assert after == before.replace(title, title + description)


def test_a_new_file_starts_with_a_header(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    po = export(capsys, site)
    catalog = read(po)
    first = next(m for m in catalog if m.context and m.context.startswith("categories.yml:"))
    first.string = "Web und Netzwerk"
    write(po, catalog)
    code, _, err = run(capsys, site, "import", LANG, str(po))
    assert code == 0, err
    text = (site / f"content/translations/{LANG}/categories.yml").read_text("utf-8")
    field = first.context.split(":", 1)[1]
    assert text == (
        "# yaml-language-server: $schema=../../../schemas/translation.schema.json\n"
        "# Translations of content/categories.yml into de; "
        "see site-src/configuration/languages.md.\n"
        f"{field}:\n  source: {fingerprint(first.id)}\n  text: Web und Netzwerk\n"
    )


def test_a_stale_entry_exports_fuzzy_and_imports_still_stale(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(site)
    po = export(capsys, site)
    catalog = read(po)
    name = message(catalog, "name")
    assert name.fuzzy and name.string == "Microsoft Intune (alt)"
    assert name.auto_comments == [f"source: {OLD}"]
    name.string = "Microsoft Intune (überarbeitet)"  # still fuzzy: still stale
    write(po, catalog)
    code, _, err = run(capsys, site, "import", LANG, str(po))
    assert code == 0, err
    after = (site / TRANSLATION).read_text("utf-8")
    assert f"name:\n  source: '{OLD}'\n  text: Microsoft Intune (überarbeitet)\n" in after
    assert stale_count(capsys, site) == 1

    # Cleared of its fuzzy flag, the translation matches the English text again.
    name.flags.discard("fuzzy")
    write(po, catalog)
    code, _, err = run(capsys, site, "import", LANG, str(po))
    assert code == 0, err
    assert stale_count(capsys, site) == 0
    assert snapshot(site).keys() == before.keys()


def stale_count(capsys: pytest.CaptureFixture[str], site: Path) -> int:
    code, out, _ = run(capsys, site, "status", "--language", LANG, "--format", "json")
    assert code == 0
    return int(json.loads(out)["languages"][0]["stale"])


def test_a_fuzzy_message_without_its_source_is_skipped(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(site)
    po = export(capsys, site)
    catalog = read(po)
    name = message(catalog, "name")
    name.auto_comments = []
    name.string = "Neu"
    write(po, catalog)
    code, _, err = run(capsys, site, "import", LANG, str(po))
    assert code == 0
    assert "warning translation-import: skipped: a fuzzy message" in err
    assert snapshot(site) == before


def test_a_source_changed_since_the_export_imports_as_stale(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    po = export_with(capsys, site, "summary", "Neue Zusammenfassung")
    record = site / "content" / RECORD
    summary = intune_fields(site)["summary"]
    record.write_text(record.read_text("utf-8").replace(summary, "A new summary."), "utf-8")
    code, _, err = run(capsys, site, "import", LANG, str(po))
    assert code == 0, err
    assert "changed since this catalog was exported" in err
    assert f"  source: {fingerprint(summary)}\n  text: Neue Zusammenfassung\n" in (
        site / TRANSLATION
    ).read_text("utf-8")
    assert stale_count(capsys, site) == 2  # the name, and now the summary


def test_status_counts_what_is_translated(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, site, "status", "--language", LANG, "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["version"] == 1 and [lang["language"] for lang in document["languages"]] == [
        LANG
    ]
    language = document["languages"][0]
    records = language["records"]
    assert [r["kind"] for r in records] == sorted(
        (r["kind"] for r in records), key=("product", "catalog", "categories", "comparisons").index
    )
    intune = next(r for r in records if r["record"] == RECORD)
    fields = len(intune_fields(site))
    assert intune == {
        "record": RECORD,
        "kind": "product",
        "file": f"translations/{LANG}/{RECORD}",
        "file_exists": True,
        "fields": fields,
        "translated": 2,
        "stale": 1,
        "missing": fields - 3,
    }
    assert (language["translated"], language["stale"]) == (2, 1)
    assert language["missing"] == sum(r["fields"] for r in records) - 3

    code, out, _ = run(capsys, site, "status", "--language", LANG)
    assert code == 0
    row = next(line for line in out.splitlines() if "content/products/intune.yml " in line)
    assert row.split() == [
        "content/products/intune.yml",
        "2",
        "1",
        str(fields - 3),
        TRANSLATION,
    ]
    assert out.startswith(f"{LANG}: 2 translated, 1 stale, ")


def test_an_unknown_context_is_an_error_and_nothing_is_written(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(site)
    po = export_with(capsys, site, "summary", "Wird nicht geschrieben")
    text = po.read_text("utf-8")
    added = '\nmsgctxt "products/intune.yml:sumary"\nmsgid "x"\nmsgstr "y"\n'
    po.write_text(text + added, "utf-8")
    line = len(text.splitlines()) + 3  # its msgid

    code, _, err = run(capsys, site, "import", LANG, str(po))
    assert code == 1
    assert f"de.po:{line}:1: error translation-import:" in err
    assert "did you mean 'summary'?" in err and "nothing was written" in err
    assert snapshot(site) == before


def test_a_catalog_of_another_language_is_refused(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    po = export(capsys, site)
    code, _, err = run(capsys, site, "import", "fr", str(po))
    assert code == 1 and "Language header is 'de'" in err


#: Texts YAML and PO quote or escape: colons, hashes, bars, quotes, line breaks, spaces.
TRICKY = (
    st.lists(
        st.one_of(
            st.sampled_from(
                [": ", " #", "|", "|-", ">", "'", '"', "\n", "\r\n", "\t", " ", "- ", "\\", "%s"]
            ),
            st.text(st.characters(exclude_categories=("Cs",)), max_size=4),
        ),
        min_size=1,
    )
    .map("".join)
    .filter(bool)
)


@examples(max_examples=300, deadline=None)
@given(text=TRICKY)
def test_any_text_round_trips_through_a_catalog_and_a_translation_file(text: str) -> None:
    """What a translator types reads back the same from the translation file an import writes,
    next to an entry it leaves as it was."""
    catalog = Catalog(locale="de")
    catalog[" "] = Message(" ", text, context=f"{RECORD}:summary")
    buffer = io.BytesIO()
    write_po(buffer, catalog)
    buffer.seek(0)
    imported = next(m for m in read_po(buffer) if m.id)
    assert imported.string == text

    kept = "# A comment.\nname:\n  source: 'abc'\n  text: \"Intune\"  # kept\n\n"
    data = parse_text(kept, "x.yml")
    changes = {"summary": Entry("f", imported.string)}
    written = updated_text(kept, data, changes, ["name", "summary"], "# header\n")
    entries = entries_of(parse_text(written, "x.yml"))
    assert entries["summary"].text == text and entries["name"].text == "Intune"
    assert set(entries) == {"name", "summary"}
    assert written.startswith(kept.rstrip("\n") + "\nsummary:\n"), "the kept entry was rewritten"


def test_a_translation_file_that_cannot_be_read_stops_export_and_import(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    po = export_with(capsys, site, "summary", "Wird nicht geschrieben")
    (site / TRANSLATION).write_text("summary:\n  source: 'abc\n  text: x\n", "utf-8")
    before = snapshot(site)
    code, _, err = run(capsys, site, "export", LANG)
    assert code == 1 and f"{TRANSLATION}:2:" in err
    code, _, err = run(capsys, site, "import", LANG, str(po))
    assert code == 1 and f"{TRANSLATION}:2:" in err and "nothing was written" in err
    assert snapshot(site) == before


def test_a_record_linked_from_elsewhere_is_named_as_the_folder_holds_it(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``products/intune.yml`` a link to a file outside the folders records are read from:
    the build, ``status`` and ``export`` all name its translation by the link's path."""
    record = site / "content" / RECORD
    kept = site / "content" / ".shared" / "intune.yml"
    kept.parent.mkdir()
    record.rename(kept)
    record.symlink_to(Path("..") / ".shared" / "intune.yml")
    code, out, err = run(capsys, site, "status", "--language", LANG, "--format", "json")
    assert code == 0, err
    records = json.loads(out)["languages"][0]["records"]
    intune = next(r for r in records if r["record"] == RECORD)
    assert intune["file_exists"] and (intune["translated"], intune["stale"]) == (2, 1)
    assert not [r for r in records if ".shared" in r["record"]]
    catalog = read(export(capsys, site))
    assert message(catalog, "summary").string == "Der Intune-Dienst: Geräte und Apps verwalten."


def test_the_languages_of_a_site_with_i18n_are_i18n_s(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a site translated with mkdocs-static-i18n, the languages its build renders are
    i18n's: ``status`` and ``validate`` report on
    Spanish, which only i18n names (the content has no Spanish yet), and not on a language i18n
    does not build."""
    config = yaml.safe_load((site / "mkdocs.yml").read_text("utf-8"))
    languages = [
        {"locale": "en", "default": True, "name": "English"},
        {"locale": "es", "name": "Español"},
        {"locale": "it", "name": "Italiano", "build": False},
    ]
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "i18n" in p)]
    config["plugins"].append({"i18n": {"docs_structure": "suffix", "languages": languages}})
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    assert find_settings(site).all_languages == ("en", "es")
    only = yaml.safe_load((site / "mkdocs.yml").read_text("utf-8"))
    only["plugins"][-1]["i18n"]["build_only_locale"] = "es"  # i18n's option: that one alone
    (site / "only.yml").write_text(yaml.safe_dump(only, sort_keys=False), "utf-8")
    assert settings_from_mkdocs(site / "only.yml").all_languages == ("es",)
    code, out, _ = run(capsys, site, "status", "--format", "json")
    assert code == 0
    shown = [language["language"] for language in json.loads(out)["languages"]]
    assert "es" in shown and "it" not in shown, shown
    assert main(["validate", "--config", str(site / "mkdocs.yml")]) == 0
    said = capsys.readouterr().out
    assert "into 'es'" in said and "into 'it'" not in said


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("import", "de", "missing.po"), "translations import: PO file not found: missing.po"),
        (("export", "en"), "translations export: the records are written in 'en'"),
        (("status", "--language", "x y"), "translations status: expected a language code"),
    ],
)
def test_bad_usage_names_the_action_and_exits_2(
    site: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], said: str
) -> None:
    before = snapshot(site)
    code, out, err = run(capsys, site, *args)
    assert (code, out) == (2, "")
    assert err.startswith(f"privacy-pages {said}"), err
    assert snapshot(site) == before


def test_a_failed_write_names_the_action_and_leaves_the_file(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    po = export_with(capsys, site, "summary", "Intune: neu")
    before = snapshot(site)

    def full_disk(path: Path, *args: object, **kwargs: object) -> None:
        raise WriteFailed(28, f"could not write {path.name} (No space left on device)")

    monkeypatch.setattr("privacy_pages.cli.translations.write_text_atomically", full_disk)
    code, _, err = run(capsys, site, "import", LANG, str(po))
    assert code == 1
    assert err.startswith("privacy-pages translations import: "), err
    assert "No space left on device" in err
    assert snapshot(site) == before
