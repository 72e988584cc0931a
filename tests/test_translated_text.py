"""A translation is text, nothing else (issue 57, point 1): a translated text that is empty, or
one of the values the record format reserves for facts (``not-stated``, ``yes``, ``no``), would
change what a language's page says (a control said nowhere, a condition read as a fact), so it
is an error at its line, in ``validate`` and in the build, and it is not used."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, run_mkdocs, set_languages
from privacy_pages.cli import main
from privacy_pages.load.text_fields import FACT_VALUES, fingerprint, text_fields
from privacy_pages.load.yaml_source import read_file

RECORD = "products/widget-android.yml"
TRANSLATION = f"content/translations/fr/{RECORD}"
#: Texts that are no translation: nothing, only spaces, and each reserved value.
NOT_TEXT = ["''", "'   '", *sorted(FACT_VALUES)]


def _site(tmp_path: Path, bad: str) -> tuple[Path, int]:
    """The small site in French, with one good entry and, second, one whose text is ``bad``
    (as written in YAML); returns the site and the line of the bad text."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "small", site)
    set_languages(site, ["en", "fr"])
    fields = [(p, t) for p, t, _ in text_fields(read_file(site / "content" / RECORD, RECORD))]
    (good_path, good_text), (bad_path, bad_text) = fields[0], fields[1]
    lines = [
        f"{good_path}:",
        f"  source: '{fingerprint(good_text)}'",
        "  text: Traduit",
        f"{bad_path}:",
        f"  source: '{fingerprint(bad_text)}'",
        f"  text: {bad}",
    ]
    target = site / TRANSLATION
    target.parent.mkdir(parents=True)
    target.write_text("\n".join(lines) + "\n", "utf-8")
    return site, 6


@pytest.mark.parametrize("bad", NOT_TEXT)
def test_validate_reports_a_text_that_is_no_translation_at_its_line(
    bad: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    site, line = _site(tmp_path, bad)
    monkeypatch.chdir(site)
    code = main(["validate", "--config", str(site / "mkdocs.yml")])
    err = capsys.readouterr().out + capsys.readouterr().err
    assert code == 1
    assert f"{TRANSLATION.removeprefix('content/')}:{line}:" in err, err
    assert "expected translated text" in err


def test_the_build_fails_on_a_reserved_value_as_a_translation(tmp_path: Path) -> None:
    site, line = _site(tmp_path, "not-stated")
    result = run_mkdocs(site / "mkdocs.yml", strict=False)
    assert not result.ok
    error = f"{TRANSLATION.removeprefix('content/')}:{line}:"
    assert error in result.messages and "found 'not-stated'" in result.messages, result.messages


def test_a_real_translation_is_still_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    site, _ = _site(tmp_path, "Non indiqué")
    monkeypatch.chdir(site)
    assert main(["validate", "--config", str(site / "mkdocs.yml")]) == 0, capsys.readouterr()


@pytest.mark.parametrize("bad", ["   ", *sorted(FACT_VALUES)])
def test_a_catalog_cannot_import_what_is_no_translation(
    bad: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    site, _ = _site(tmp_path, "Traduit aussi")
    monkeypatch.chdir(site)
    before = (site / TRANSLATION).read_bytes()
    path, text, _ = next(iter(text_fields(read_file(site / "content" / RECORD, RECORD))))
    po = tmp_path / "fr.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgctxt "{RECORD}:{path}"\nmsgid "{text}"\nmsgstr "{bad}"\n',
        "utf-8",
    )
    code = main(["translations", "import", "fr", str(po), "--config", str(site / "mkdocs.yml")])
    err = capsys.readouterr().err
    assert code == 1
    assert "fr.po:7:" in err and "expected translated text" in err, err  # its msgid line
    assert (site / TRANSLATION).read_bytes() == before
