"""What the theme prints around a generated page's content is safe too: file names that a URL
or an HTML attribute cannot carry are refused at the file, the edit link is quoted, and a
written page whose theme part holds runnable markup made with a value of its record is refused.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_example_site, run_mkdocs
from privacy_pages.pipeline import check_site
from privacy_pages.render.page_check import runnable_from, runnable_tags
from privacy_pages.settings import settings_from_mkdocs

#: File names that would break out of the edit link's href, in both kinds of quote, or bring
#: markup or control characters along.
HOSTILE_NAMES = [
    'x" onmouseover="alert(document.domain)" a=".yml',
    "x' onmouseover='alert(document.domain)' a='.yml",
    "x<img src=x onerror=alert(1)>.yml",
    "x&quot; onclick=&quot;alert(1).yml",
    "x\x1b[2Kfine.yml",
    "x\u202efine.yml",
    "x`y.yml",
]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_example_site(tmp_path / "site")


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_record_whose_file_name_a_url_cannot_carry_is_refused_at_the_file(
    site: Path, name: str
) -> None:
    record = site / "content" / "products" / "intune.yml"
    hostile = record.with_name(name)
    record.rename(hostile)
    build = check_site(settings_from_mkdocs(site / "mkdocs.yml"))
    refused = [p for p in build.problems.errors if p.rule == "path"]
    assert len(refused) == 1, [str(p) for p in build.problems.errors]
    assert refused[0].location.path.endswith(name)
    assert "expected a file name a URL and an HTML attribute can carry" in refused[0].message
    result = run_mkdocs(site / "mkdocs.yml")
    assert not result.ok
    assert "expected a file name a URL and an HTML attribute can carry" in result.messages
    assert hostile.read_bytes()  # the record is left whole


def test_file_names_that_differ_only_in_unicode_normalization_are_twins(site: Path) -> None:
    catalog = site / "content" / "catalog"
    text = (catalog / "apps.yml").read_text("utf-8")
    composed = unicodedata.normalize("NFC", "café.yml")
    decomposed = unicodedata.normalize("NFD", "café.yml")
    assert composed != decomposed
    (catalog / "apps.yml").rename(catalog / composed)
    (catalog / decomposed).write_text(text.replace("id: ", "id: twin-", 1), "utf-8")
    build = check_site(settings_from_mkdocs(site / "mkdocs.yml"))
    twins = [p for p in build.problems.errors if "Unicode normalization" in p.message]
    assert len(twins) == 1, [str(p) for p in build.problems.errors]


def test_the_edit_link_of_a_record_with_a_space_in_its_name_is_quoted(site: Path) -> None:
    record = site / "content" / "products" / "intune.yml"
    record.rename(record.with_name("intune service.yml"))
    french = site / "content" / "translations" / "fr" / "products" / "intune.yml"
    french.rename(french.with_name("intune service.yml"))  # (else reported as unused)
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    page = result.html("privacy/intune.md")
    assert "content/products/intune%20service.yml" in page
    assert "intune service.yml" not in page.split("<article", 1)[0]


def test_a_written_page_with_runnable_markup_made_from_its_record_is_refused(
    site: Path,
) -> None:
    """The check behind the others: a theme override that prints the edit link unquoted into
    an attribute, with a record whose name the loader would refuse, is simulated by printing
    the page's title into an event handler."""
    partial = site / "overrides" / "partials" / "copyright.html"
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_text('<div onmouseover="{{ page.title | striptags }}">x</div>\n', "utf-8")
    result = run_mkdocs(site / "mkdocs.yml")
    assert not result.ok
    assert "would carry markup that runs in a browser around its content" in result.messages
    assert not (result.site_dir / "privacy" / "intune" / "index.html").exists()


def test_a_theme_override_with_its_own_handler_is_the_site_s_and_stays(site: Path) -> None:
    partial = site / "overrides" / "partials" / "copyright.html"
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_text('<button onclick="openConsent()">Cookie settings</button>\n', "utf-8")
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    assert 'onclick="openConsent()"' in result.html("privacy/intune.md")


def test_runnable_tags_are_read_as_a_browser_reads_them() -> None:
    assert runnable_tags('<a href="&#106;avascript:alert(1)">') == [
        '<a href="javascript:alert(1)">'
    ]
    assert runnable_tags("<a href='x' title='y' onMouseOver='z'>") != []
    assert runnable_tags('<img src="data:text/html,x">') != []
    assert runnable_tags("<p>onload=x</p><code>&lt;a onclick=1&gt;</code>") == []
    assert runnable_tags('<a href="https://example.org/on=1">online</a>') == []
    page = '<a onclick="f()">CONTENT<a title="intune.yml" onclick="g()">'
    assert runnable_from(page, "CONTENT", ["intune.yml"]) == '<a title="intune.yml" onclick="g()">'
    assert runnable_from(page, "CONTENT", ["other.yml"]) is None


@pytest.mark.parametrize("kind", ["product", "catalog item"])
def test_an_id_with_a_final_line_break_is_refused(site: Path, kind: str) -> None:
    """Python's ``$`` matches before a final line break: ids are matched to the whole value."""
    if kind == "product":
        record = site / "content" / "products" / "intune.yml"
        old, new = "\nid: intune\n", '\nid: "intune\\n"\n'
    else:
        record = site / "content" / "catalog" / "apps.yml"
        text = record.read_text("utf-8")
        first = text.split("- id: ", 1)[1].split("\n", 1)[0]
        old, new = f"- id: {first}\n", f'- id: "{first}\\n"\n'
    text = record.read_text("utf-8")
    assert old in text
    record.write_text(text.replace(old, new, 1), "utf-8")
    build = check_site(settings_from_mkdocs(site / "mkdocs.yml"))
    refused = [p for p in build.problems.errors if "expected an id" in p.message]
    assert refused and refused[0].location.path.endswith(record.name), [
        str(p) for p in build.problems.errors
    ]
    assert refused[0].location.line > 0


def test_the_command_line_refuses_an_id_with_a_final_line_break(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from privacy_pages.cli import main

    config = str(site / "mkdocs.yml")
    code = main(["new", "item", "evil\n", "--category", "device", "--config", config])
    assert code != 0
    assert "expected an id" in capsys.readouterr().err
    assert not list((site / "content").rglob("*evil*"))


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["new", "item", "ink-level", "--category", "device"],
        ["snapshot", "--version", "9.0.0", "--date", "2026-11-22"],
        ["diff", "content", "content"],
        ["render", "--out", "rendered"],
    ],
)
def test_an_invalid_option_stops_every_command_as_it_stops_the_build(
    site: Path,
    command: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Run from the site's folder (no --config): the options are found, and a wrong one is an
    error, never a reason to fall back to the defaults and ./content."""
    from privacy_pages.cli import main
    from privacy_pages.settings import SettingsError, settings_from_mkdocs

    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "      pages_dir: privacy\n", '      pages_dir: privacy\n      nav_products: "yes"\n'
        ),
        "utf-8",
    )
    with pytest.raises(SettingsError) as raised:
        settings_from_mkdocs(config)
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    monkeypatch.chdir(site)
    code = main(command)
    err = capsys.readouterr().err
    assert code != 0
    assert str(raised.value) in err
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == before
    result = run_mkdocs(config)  # MkDocs checks the option's type itself, in its own words
    assert not result.ok and "nav_products" in result.messages


def test_a_folder_the_build_cannot_read_is_an_error_naming_it(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    catalog = site / "content" / "catalog"
    scandir = os.scandir

    def refusing(path: object = ".") -> object:
        if Path(str(path)).resolve() == catalog.resolve():
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", refusing)
    build = check_site(settings_from_mkdocs(site / "mkdocs.yml"))
    unreadable = [p for p in build.problems.errors if "a folder the build can read" in p.message]
    assert len(unreadable) == 1 and unreadable[0].location.path.endswith("catalog")


@pytest.mark.parametrize("reserved", ["con", "lpt1", "nul", "index"])
def test_a_comparison_id_no_file_can_have_is_refused_at_its_line(site: Path, reserved: str) -> None:
    comparisons = site / "content" / "comparisons.yml"
    text = comparisons.read_text("utf-8")
    assert "  - id: ios-vs-android\n" in text
    comparisons.write_text(
        text.replace("  - id: ios-vs-android\n", f"  - id: {reserved}\n"), "utf-8"
    )
    build = check_site(settings_from_mkdocs(site / "mkdocs.yml"))
    refused = [p for p in build.problems.errors if "reserved name" in p.message]
    assert len(refused) == 1 and refused[0].location.path.endswith("comparisons.yml")
    assert refused[0].location.line > 1


def test_what_the_command_line_prints_cannot_act_on_the_terminal(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file name with an escape sequence and a bidirectional override: printed as escapes."""
    from privacy_pages.cli import main

    catalog = site / "content" / "catalog"
    (catalog / "apps.yml").rename(catalog / "apps\x1b[2K\u202e.yml")
    code = main(["validate", "--config", str(site / "mkdocs.yml")])
    printed = capsys.readouterr()
    assert code == 1
    text = printed.out + printed.err
    assert "\x1b" not in text and "\u202e" not in text
    assert "apps\\u001b[2K\\u202e.yml" in text


def test_names_windows_keeps_for_devices_are_refused_for_files_and_releases(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from privacy_pages.cli import main

    catalog = site / "content" / "catalog"
    (catalog / "apps.yml").rename(catalog / "aux.yml")
    build = check_site(settings_from_mkdocs(site / "mkdocs.yml"))
    refused = [p for p in build.problems.errors if "keeps that name for a device" in p.message]
    assert len(refused) == 1 and refused[0].location.path.endswith("aux.yml")
    (catalog / "aux.yml").rename(catalog / "apps.yml")
    config = ["--config", str(site / "mkdocs.yml")]
    code = main(["snapshot", "--version", "con.1", "--date", "2026-11-22", *config])
    assert code != 0 and "device" in capsys.readouterr().err
    assert not (site / "content" / "history" / "con.1.json").exists()
    code = main(["new", "item", "ink-level", "--category", "device", "--file", "nul", *config])
    assert code != 0 and not (catalog / "nul.yml").exists()


def test_a_metadata_value_the_theme_prints_as_it_is_may_hold_no_markup(site: Path) -> None:
    """Tags (a key the site allows) are printed by Material as they are: markup in them is
    refused at its line; in the description, which is escaped, it is text."""
    from conftest import set_plugin_options

    config = site / "mkdocs.yml"
    rules = _metadata_rules(config)
    types = {**rules["types"], "tags": "list"}
    set_plugin_options(
        site, {"metadata": {**rules, "types": types, "allow": ["titleSuffix", "tags"]}}
    )
    record = site / "content" / "products" / "intune.yml"
    text = record.read_text("utf-8")
    assert "  keywords: [privacy, personal data]\n" in text
    record.write_text(
        text.replace(
            "  keywords: [privacy, personal data]\n",
            "  keywords: [privacy, personal data]\n  tags: ['<img src=x onerror=alert(1)>']\n",
        ),
        "utf-8",
    )
    build = check_site(settings_from_mkdocs(config))
    refused = [p for p in build.problems.errors if "without markup" in p.message]
    assert len(refused) == 1 and refused[0].location.path.endswith("intune.yml")
    assert refused[0].location.line > 1


def _metadata_rules(config: Path) -> dict[str, Any]:
    import yaml

    data = yaml.safe_load(config.read_text("utf-8"))
    for plugin in data["plugins"]:
        if isinstance(plugin, dict) and "privacy-pages" in plugin:
            return dict(plugin["privacy-pages"]["metadata"])
    raise AssertionError("the example site configures privacy-pages")


def test_runnable_markup_is_found_in_the_forms_browsers_read() -> None:
    for tag in (
        '<a href="java\tscript:alert(1)">',
        '<a href="java&#x09;script:alert(1)">',
        '<a/href="javascript:alert(1)">',
        '<object data="javascript:alert(1)">',
        '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;">',
        '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    ):
        assert runnable_tags(tag), tag
    # Material's own share button, and an author whose name is a piece of it: not refused.
    share = '<a href="javascript:void(0)" data-clipboard-target="#x">C</a>'
    assert runnable_from(share, "C", ["clip", "void"]) is None


def test_a_status_the_site_allows_is_printed_escaped(site: Path) -> None:
    """Material prints a page's status into a class attribute as it is."""
    from conftest import set_plugin_options

    rules = _metadata_rules(site / "mkdocs.yml")
    set_plugin_options(site, {"metadata": {**rules, "allow": ["titleSuffix", "status"]}})
    record = site / "content" / "products" / "intune.yml"
    text = record.read_text("utf-8")
    record.write_text(
        text.replace(
            "  keywords: [privacy, personal data]\n",
            "  keywords: [privacy, personal data]\n  status: 'new\" onmouseover=\"alert(1)'\n",
        ),
        "utf-8",
    )
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    for page in result.site_dir.rglob("*.html"):
        assert 'onmouseover="alert(1)"' not in page.read_text("utf-8"), page


def test_a_loop_of_symbolic_links_is_an_error_not_a_traceback(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from privacy_pages.cli import main

    loop = site / "content" / "products" / "loop-app.yml"
    loop.symlink_to("loop-app.yml")
    config = ["--config", str(site / "mkdocs.yml")]
    assert main(["validate", *config]) == 1
    assert main(["new", "product", "loop-app", *config]) != 0
    printed = capsys.readouterr()
    assert "Traceback" not in printed.out + printed.err and "loop-app.yml" in printed.err
