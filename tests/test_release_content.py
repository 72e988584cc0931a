"""A release is content: whatever it holds (its records, rendered on its archived pages, and its
meaning, quoted in change notes) is checked as content is, on every host. A link the loader
refuses in a record is refused in a release, by ``validate``, ``render`` (whose Markdown no
sanitizer reads after it) and the MkDocs plugin alike, at the release's ``file:line:column``;
raw HTML in a release's text is escaped as content's is.

Each forged release is rewritten with a digest that matches: the digest is no defence here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_example_site, run_mkdocs
from privacy_pages.cli import main
from privacy_pages.history.snapshot import text_digest

RELEASE = "content/history/1.0.0.json"
Document = dict[str, Any]


def forge(site: Path, change: Callable[[Document], None]) -> None:
    """Edit the example's release 1.0.0 and give it a digest that matches, as a forger would."""
    path = site / RELEASE
    document = json.loads(path.read_text("utf-8"))
    change(document)
    del document["digest"]
    text = json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    document["digest"] = text_digest(text)
    path.write_text(json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


def _records(document: Document, path: str) -> Any:
    return document["records"][path]


def _record_intro(url: str) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        record = _records(document, "products/intune.yml")
        record["intro"] += f"\n\nSee [the request form]({url}).\n"

    return change


def _record_link(url: str) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        _records(document, "products/defender-endpoint-ios.yml")["links"][0]["url"] = url

    return change


def _catalog_description(url: str) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        item = _records(document, "catalog/apps.yml")["items"][0]
        item["description"] = f"Where the app came from ([details]({url}))."

    return change


def _meaning_item_name(url: str) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        item = document["products"]["intune"]["items"]["account-id"]
        item["name"] = f"[Account id]({url})"

    return change


def _meaning_link(url: str) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        document["products"]["defender-endpoint-ios"]["links"]["More on Privacy"] = url

    return change


#: Where a forged link goes, and the links: every scheme that runs, spelled as browsers read them.
FORGERIES = {
    "a record's text, javascript:": _record_intro("javascript:alert(document.cookie)"),
    "a record's text, an escaped scheme": _record_intro("jav&#x61;script:alert(1)"),
    "a record's link, data:": _record_link("data:text/html,<script>alert(1)</script>"),
    "a record's link, vbscript:": _record_link("VBScript:msgbox(1)"),
    "a catalog item's description, vbscript:": _catalog_description("vbscript:msgbox(1)"),
    "the meaning's item name, javascript:": _meaning_item_name("javascript:alert(2)"),
    "the meaning's link, data:": _meaning_link("data:text/html;base64,PHNjcmlwdD4="),
}
_LOCATION = re.compile(re.escape(RELEASE) + r":(\d+):(\d+): error unsafe-link: ")


@pytest.mark.parametrize("forgery", sorted(FORGERIES))
def test_render_refuses_a_link_in_a_release_at_its_place(
    tmp_path: Path, forgery: str, capsys: pytest.CaptureFixture[str]
) -> None:
    site = copy_example_site(tmp_path / "site")
    forge(site, FORGERIES[forgery])
    out = tmp_path / "out"
    code = main(["render", "--config", str(site / "mkdocs.yml"), "--out", str(out)])
    output = capsys.readouterr()
    assert code == 1, output.err
    found = _LOCATION.search(output.err)
    assert found, output.err
    line = int(found.group(1))
    lines = (site / RELEASE).read_text("utf-8").splitlines()
    assert line > 1 and "links are not allowed" in output.err
    # The line named holds the forged text.
    assert any(s in lines[line - 1] for s in ("script:", "data:", "Script:")), lines[line - 1]
    assert not out.exists() or not any(out.rglob("*.md"))
    code = main(["validate", "--config", str(site / "mkdocs.yml")])
    assert code == 1
    assert _LOCATION.search(capsys.readouterr().out)  # validate reports on stdout


def test_each_place_a_release_holds_a_link_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same text in a release's meaning and in its records: two errors, each at its line."""
    text = "Where the app came from ([details](javascript:alert(1)))."

    def change(document: Document) -> None:
        _records(document, "catalog/apps.yml")["items"][0]["description"] = text
        document["catalog"]["apk-install-source"]["description"] = text

    site = copy_example_site(tmp_path / "site")
    forge(site, change)
    assert main(["validate", "--config", str(site / "mkdocs.yml")]) == 1
    found = {
        line.split(": error unsafe-link: ")[1].split(":")[0]: int(line.split(":")[1])
        for line in capsys.readouterr().out.splitlines()
        if " error unsafe-link: " in line
    }
    lines = (site / RELEASE).read_text("utf-8").splitlines()
    records = lines.index(' "records": {') + 1
    meaning = found["catalog.apk-install-source.description"]
    record = found["records.catalog/apps.yml.items.0.description"]
    assert meaning < records < record, found
    assert (
        text.split("(", 1)[0] in lines[meaning - 1] and text.split("(", 1)[0] in lines[record - 1]
    )


def test_the_plugin_refuses_a_link_in_a_release_too(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path / "site")
    forge(site, FORGERIES["a record's text, javascript:"])
    result = run_mkdocs(site / "mkdocs.yml", strict=False)
    assert not result.ok
    assert "1.0.0.json" in result.messages and "javascript: links are not allowed" in (
        result.messages
    )
    assert not (result.site_dir / "privacy/intune/releases/1.0.0/index.html").exists()


def test_raw_html_in_a_release_is_escaped_like_contents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Content cannot write raw HTML: a release's record cannot either, on a host that runs no
    sanitizer after ``render``."""

    def change(document: Document) -> None:
        record = _records(document, "products/intune.yml")
        record["intro"] += '\n\n<script>alert(1)</script> <img src="x" onerror="alert(2)">\n'
        item = document["products"]["intune"]["items"]["account-id"]
        item["description"] = "<script>alert(3)</script>"

    site = copy_example_site(tmp_path / "site")
    forge(site, change)
    out = tmp_path / "out"
    code = main(
        ["render", "--config", str(site / "mkdocs.yml"), "--out", str(out), "--host", "zensical"]
    )
    assert code == 0, capsys.readouterr().err
    page = (out / "privacy/intune/releases/1.0.0.md").read_text("utf-8")
    assert "alert(1)" in page and "alert(2)" in page  # the archived page shows the text...
    written = "\n".join(p.read_text("utf-8") for p in out.rglob("*.md"))
    assert "<script" not in written and "<img" not in written  # ...as text, never as markup


def test_a_format_number_lowered_in_place_is_refused_without_git(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Format 1 has no digest to check; a format 2 release given the number 1 keeps what
    format 1 never had."""

    def lowered(document: Document) -> None:
        document["records"]["products/intune.yml"]["name"] = "Forged"
        document["schema_version"] = 1

    site = copy_example_site(tmp_path / "site")
    forge(site, lowered)
    code = main(["validate", "--config", str(site / "mkdocs.yml")])
    output = capsys.readouterr().out
    assert code == 1
    assert re.search(re.escape(RELEASE) + r":\d+:\d+: error snapshot: schema_version: ", output)


def _release_dated(site: Path, version: str, day: str, name: str) -> None:
    """A release added beside 1.0.0, dated ``day``, renaming Intune (so that it changes it)."""
    document = json.loads((site / RELEASE).read_text("utf-8"))
    document.update(version=version, date=day, effective=day)
    document["products"]["intune"]["name"] = name
    document["records"]["products/intune.yml"]["name"] = name
    del document["digest"]
    text = json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    document["digest"] = text_digest(text)
    path = site / RELEASE.replace("1.0.0", version)
    path.write_text(json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


def test_a_release_dated_in_the_future_cannot_choose_the_current_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A release not yet in effect makes a product's page show the version in effect, from
    that release's records: one dated after today (no release can have been recorded yet) is
    left out, with a warning, and the page shows the content."""

    def forged(document: Document) -> None:
        document["records"]["products/intune.yml"]["name"] = "Intune, which collects nothing"

    site = copy_example_site(tmp_path / "site")
    forge(site, forged)
    _release_dated(site, "9.0.0", "2999-01-01", "Intune 9")
    out = tmp_path / "out"
    code = main(["render", "--config", str(site / "mkdocs.yml"), "--out", str(out)])
    output = capsys.readouterr().err
    assert code == 0, output
    page = (out / "privacy/intune.md").read_text("utf-8")
    assert "which collects nothing" not in page and "Intune 9" not in page
    assert re.search(r"9\.0\.0\.json: warning snapshot: .*2999-01-01.*after today", output)
    assert main(["validate", "--strict", "--config", str(site / "mkdocs.yml")]) == 1


def test_snapshot_refuses_a_date_after_today(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = copy_example_site(tmp_path / "site")
    tomorrow = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    config = ["--config", str(site / "mkdocs.yml")]
    code = main(["snapshot", "--version", "2.0.0", "--date", tomorrow, *config])
    assert code == 2
    assert "--effective" in capsys.readouterr().err
    assert not (site / "content/history/2.0.0.json").exists()
