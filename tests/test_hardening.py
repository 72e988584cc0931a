"""Hostile content, class by class: each is refused at its YAML file and line, or inert in the
built site. (Markdown that makes Python-Markdown slow, and the importer's limits, have their own
test files.)"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, run_mkdocs, set_plugin_options
from hypothesis import given, settings
from hypothesis import strategies as st
from privacy_pages.cli import main as cli_main
from privacy_pages.diagnostics import Diagnostic
from privacy_pages.load.metadata import INTERPRETED_KEYS
from privacy_pages.pipeline import check_site
from privacy_pages.render.pages import plan_pages
from privacy_pages.settings import Settings, settings_from_mkdocs

#: Every test here gives a build this long at most: a hang fails, it does not block CI.
TIMEOUT = 120


@pytest.fixture
def site(tmp_path: Path) -> Path:
    target = tmp_path / "site"
    shutil.copytree(FIXTURES / "small", target)
    return target


def product_file(site: Path) -> Path:
    return site / "content" / "products" / "widget-ios.yml"


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def errors_of(site: Path, rule: str | None = None) -> list[Diagnostic]:
    problems = check_site(settings_from_mkdocs(site / "mkdocs.yml")).problems
    return [p for p in problems.errors if rule is None or p.rule == rule]


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


# -- control characters ---------------------------------------------------------------------------

FORBIDDEN = ["\\0", "\\x1b", "\\x07", "\\x7f", "\\x85", "\\r", "\\u202e", "\\u202a", "\\u2066"]


@pytest.mark.parametrize("escape", FORBIDDEN)
def test_control_and_bidi_characters_written_as_yaml_escapes_are_refused(
    site: Path, escape: str
) -> None:
    record = product_file(site)
    replace_in(record, "summary: The Widget app", f'summary: "The{escape} Widget app')
    replace_in(record, "on iPhone and iPad.", 'on iPhone and iPad."')
    [error] = errors_of(site, "control-character")
    assert error.location.path.endswith("widget-ios.yml")
    assert error.location.line == line_of(record, "summary:")
    assert error.key_path == "summary"
    code = {"\\0": "\x00", "\\x1b": "\x1b", "\\x07": "\x07", "\\x7f": "\x7f", "\\x85": "\x85"}.get(
        escape
    ) or json.loads(f'"{escape}"')
    assert f"U+{ord(code):04X}" in error.message


@pytest.mark.parametrize(
    ("record", "old", "new"),
    [
        ("catalog/items.yml", "name: Device identifier", 'name: "Device\\x1bidentifier"'),
        ("categories.yml", "name: Feedback data", 'name: "Feedback\\u202edata"'),
    ],
)
def test_every_kind_of_record_is_checked(site: Path, record: str, old: str, new: str) -> None:
    replace_in(site / "content" / record, old, new)
    [error] = errors_of(site, "control-character")
    assert error.location.path.endswith(record)
    assert error.location.line == line_of(site / "content" / record, new)


def test_keys_are_checked_too(site: Path) -> None:
    replace_in(product_file(site), "  ms.date:", '  "ms\\x1bdate": x\n  ms.date:')
    [error] = errors_of(site, "control-character")
    assert error.key_path == "metadata.ms\x1bdate"


@pytest.mark.parametrize(
    "text",
    ["tab\\there", "two\\nlines", "non\\u00a0breaking", "emoji \\U0001f600", "שלום\\u200f עולם"],
)
def test_ordinary_text_passes(site: Path, text: str) -> None:
    replace_in(
        product_file(site), "summary: The Widget app on iPhone and iPad.", f'summary: "{text}"'
    )
    assert errors_of(site) == []


# -- ids that would collide with a generated page ---------------------------------------------------


def generated_names(site: Path) -> set[str]:
    """The names of every page the site generates beside product pages (with a release
    recorded, the "What changed" page too), as a product id would be to collide with one."""
    config = site / "mkdocs.yml"
    snapshot = ["snapshot", "--config", str(config), "--version", "1.0", "--date", "2024-06-01"]
    assert cli_main(snapshot) == 0
    settings = settings_from_mkdocs(config)
    build = check_site(settings)
    assert build.ok and build.history, build.problems.sorted()
    plan = plan_pages(build.dataset, settings, build.history)
    names = {  # (each version of a statement is a page in its product's own folder)
        page.path.removeprefix(f"{settings.pages_dir}/").split("/")[0].removesuffix(".md")
        for page in plan
        if not page.product_id and page.listed
    }
    assert {"changes", "compare", "data-items"} <= names, names
    return names


def test_an_id_that_names_a_generated_page_is_refused_at_its_file_and_line(site: Path) -> None:
    record = product_file(site)
    for name in sorted(generated_names(site)):
        record.write_text(record.read_text().replace("id: widget-ios", f"id: {name}", 1))
        [error] = [e for e in errors_of(site) if e.location.path.endswith("widget-ios.yml")]
        assert (error.rule, error.location.line, error.key_path) == ("path", 1, "id"), error
        assert f"reserved name {name!r}" in error.message
        record.write_text(record.read_text().replace(f"id: {name}", "id: widget-ios", 1))


def test_a_page_collision_names_the_record_not_the_generated_path(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the order of the two pages in the plan, the error points at the record."""
    from privacy_pages import pipeline
    from privacy_pages.render.generated import PlannedPage

    plan = pipeline.plan_pages

    def colliding(*args: object, **kwargs: object) -> list[PlannedPage]:
        pages = plan(*args, **kwargs)
        product = next(p for p in pages if p.product_id)
        return [*pages, PlannedPage(path=product.path.upper(), title="Generated")]

    monkeypatch.setattr(pipeline, "plan_pages", colliding)
    [error] = errors_of(site, "page-collision")
    assert error.location.path.endswith(".yml") and error.key_path == "id"


# -- files that block or never end ------------------------------------------------------------------


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT
    )


def hostile_files(site: Path) -> dict[str, Path]:
    """A pipe and a link to an endless device where records and snapshots are read."""
    content = site / "content"
    (content / "history").mkdir()
    made = {
        "products/pipe.yml": content / "products" / "pipe.yml",
        "history/pipe.json": content / "history" / "pipe.json",
    }
    for path in made.values():
        os.mkfifo(path)
    for name in ("catalog/zero.yml", "history/zero.json"):
        (content / name).symlink_to("/dev/zero")
        made[name] = content / name
    return made


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_pipes_and_devices_in_content_end_in_errors_naming_them(site: Path) -> None:
    made = hostile_files(site)
    for command in (
        [sys.executable, "-m", "privacy_pages", "validate"],
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site / "_out")],
    ):
        done = run(command, site)  # a hang raises TimeoutExpired
        assert done.returncode != 0
        output = done.stdout + done.stderr
        for name in made:
            assert name in output, (name, output)


def test_a_snapshot_linked_from_outside_the_content_folder_is_refused(
    site: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.json"
    outside.write_text("{}", "utf-8")
    (site / "content" / "history").mkdir()
    (site / "content" / "history" / "1.0.json").symlink_to(outside)
    [error] = errors_of(site, "path")
    assert error.location.path.endswith("1.0.json") and "outside" in error.message


# -- metadata the theme would act on ------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(INTERPRETED_KEYS))
def test_keys_mkdocs_or_the_theme_act_on_are_refused(site: Path, key: str) -> None:
    record = product_file(site)
    replace_in(record, "  ms.date:", f"  {key}: x\n  ms.date:")
    [error] = errors_of(site, "metadata-key")
    assert error.location.line == line_of(record, f"  {key}: x")
    assert error.key_path == f"metadata.{key}" and "metadata.allow" in error.message


def test_a_site_may_allow_a_key_explicitly(site: Path) -> None:
    replace_in(product_file(site), "  ms.date:", "  hide: [toc]\n  ms.date:")
    assert errors_of(site, "metadata-key")
    set_plugin_options(site, {"metadata": {"required": ["title"], "allow": ["hide"]}})
    assert errors_of(site, "metadata-key") == []


def test_undeclared_keys_are_refused_and_safe_or_namespaced_keys_pass(site: Path) -> None:
    record = product_file(site)
    replace_in(record, "  ms.date:", "  reviewer: x\n  author: y\n  ms.reviewer: z\n  ms.date:")
    [error] = errors_of(site, "metadata-key")
    assert error.location.line == line_of(record, "reviewer: x")


def test_a_template_key_cannot_replace_a_page(site: Path) -> None:
    """The attack this guards against: a front-matter template empties the statement."""
    replace_in(product_file(site), "  ms.date:", "  template: 404.html\n  ms.date:")
    result = run_mkdocs(site / "mkdocs.yml")
    assert not result.ok
    assert "metadata.template" in result.messages and "widget-ios.yml" in result.messages


def test_the_example_site_declares_every_key_its_products_use() -> None:
    root = Path(__file__).resolve().parents[1]
    settings = settings_from_mkdocs(root / "mkdocs.yml")
    assert isinstance(settings, Settings)
    assert [p for p in check_site(settings).problems.errors if p.rule == "metadata-key"] == []


# -- links: refused at the source, and inert in the built site whatever made them -------------------

#: Ways Python-Markdown builds a link or an image from text, each with an unsafe target.
LINK_SYNTAXES = [
    "[x](javascript:alert(1))",
    "see [x][r]\n\n[r]: javascript:alert(1)",
    "[x][]\n\n[x]: javascript:alert(1)",
    "[x]\n\n   [x]: <javascript:alert(1)> 'title'",
    "[x](<javascript:alert(1)>)",
    "![x](javascript:alert(1))",
    '[x](JaVaScRiPt:alert(1) "t")',
    "[x](java&#115;cript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](java\nscript:alert(1))",
    "[x]( javascript:alert(1) )",
    "[[x]](javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](vbscript:msgbox(1))",
    "- a list item with [x](javascript:alert(1))",
    "> a quote with [x](javascript:alert(1))",
]
#: Where such text can sit, with the page that shows it: (file, old text, new text with {}).
LINK_PLACES = [
    ("products/widget-ios.yml", "text: Widget uses a **local** VPN.", "text: {}"),
    (
        "catalog/items.yml",
        "name: Azure AD device ID",
        "name: Azure AD device ID\n    description: {}",
    ),
]


def unsafe_targets(root: Path) -> list[str]:
    """Every href or src in the built site's HTML that a browser would run, read as a browser
    reads it (entities decoded, tabs and line breaks dropped, scheme in any case)."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Links(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            for name, value in attrs:
                if name in ("href", "src") and value:
                    url = "".join(ch for ch in value if ch not in "\t\n\r").strip().lower()
                    if url.startswith(("javascript:", "vbscript:", "data:")):
                        found.append(f"{tag} {name}={value!r}")

    for page in root.rglob("*.html"):
        Links().feed(page.read_text("utf-8"))
    return found


@pytest.mark.parametrize("text", LINK_SYNTAXES)
@pytest.mark.parametrize(("record", "old", "new"), LINK_PLACES)
def test_an_unsafe_link_is_an_error_at_its_line(
    site: Path, text: str, record: str, old: str, new: str
) -> None:
    path = site / "content" / record
    replace_in(path, old, new.format(json.dumps(text)))
    [error] = errors_of(site, "unsafe-link")
    assert error.location.path.endswith(record)
    assert error.location.line == line_of(path, json.dumps(text)[:12])


def test_links_the_source_check_misses_are_inert_in_the_built_site(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sanitizer is the guarantee: with the source check switched off, every syntax above,
    in a product, a catalog item and a comparison (shown on the home page too), builds into a
    site whose HTML holds no runnable link."""
    from privacy_pages.load import builder

    monkeypatch.setattr(builder, "url_problem", lambda url: None)
    joined = "\n\n".join(LINK_SYNTAXES)
    replace_in(
        product_file(site), "text: Widget uses a **local** VPN.", f"text: {json.dumps(joined)}"
    )
    replace_in(
        site / "content" / "catalog" / "items.yml",
        "name: Azure AD device ID",
        f"name: Azure AD device ID\n    description: {json.dumps(joined)}",
    )
    (site / "content" / "comparisons.yml").write_text(
        f"comparisons:\n  - id: all\n    title: All\n    description: {json.dumps(joined)}\n",
        "utf-8",
    )
    (site / "docs" / "index.md").write_text(
        "# Home\n\n<!-- privacy-pages: comparisons -->\n\n<!-- privacy-pages: products -->\n",
        "utf-8",
    )
    result = run_mkdocs(site / "mkdocs.yml", strict=False)
    assert result.ok, result.messages
    home = result.html("index.md")
    assert "alert(1)" in result.html("privacy/widget-ios.md") and "All" in home
    assert unsafe_targets(result.site_dir) == []


@given(st.text(alphabet="[]()<>!:&#;/\\\n\t jav" + "ascript" + "x", max_size=80))
@settings(max_examples=300, deadline=None)
def test_no_markdown_text_becomes_a_runnable_link(text: str) -> None:
    """Whatever text a field holds, its HTML after the last step links nowhere unsafe."""
    import markdown
    from privacy_pages.markdown_text import block
    from privacy_pages.render.sanitize import sanitize_html

    html = sanitize_html(markdown.markdown(str(block("javascript:x " + text))))
    root_text = html.lower().replace("\t", "").replace("\n", "")
    assert 'href="javascript' not in root_text and 'src="javascript' not in root_text


# -- text too long ------------------------------------------------------------------------------------


def test_a_text_longer_than_the_cap_is_refused_and_the_cap_is_an_option(site: Path) -> None:
    record = product_file(site)
    replace_in(record, "summary: The Widget app on iPhone and iPad.", f"summary: {'word ' * 4100}")
    [error] = errors_of(site, "text-too-long")
    assert error.location.line == line_of(record, "summary:") and error.key_path == "summary"
    assert "20,000" in error.message and "max_text_length" in error.message
    set_plugin_options(site, {"max_text_length": 30_000})
    assert errors_of(site, "text-too-long") == []


# -- a diff posted on a pull request ------------------------------------------------------------------


def test_a_markdown_diff_mentions_and_links_nothing(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tmp_path / "before"
    shutil.copytree(site / "content", before)
    triggers = ["@octocat", "@org/team", "#12", "https://evil.example/x", "www.evil.example"]
    record = product_file(site)
    replace_in(
        record, "text: Widget uses a **local** VPN.", f"text: {json.dumps(' '.join(triggers))}"
    )
    replace_in(record, "name: Widget for iOS", 'name: "Widget @octocat https://evil.example"')
    args = ["diff", str(before), str(site / "content"), "--config", str(site / "mkdocs.yml")]
    assert cli_main([*args, "--format", "text"]) == 0
    text = capsys.readouterr().out
    shown = [trigger for trigger in triggers if trigger in text]
    assert len(shown) >= 3, text  # the report quotes the text: the test has something to check
    assert cli_main([*args, "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    for trigger in shown:
        assert trigger not in markdown, trigger
        assert trigger.replace("\u2060", "") in markdown.replace("\u2060", "")


# -- what the removed build cache, spool and forked build did ----------------------------------------


def test_a_build_writes_nothing_outside_its_site_folder(site: Path, tmp_path: Path) -> None:
    """No spool of pages in the temporary folder, no cache beside mkdocs.yml: a build leaves
    its output and nothing else, so nothing is left behind when it is stopped either."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    env = {**os.environ, "TMPDIR": str(temporary), "NO_MKDOCS_2_WARNING": "1"}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-q",
        "-d",
        str(tmp_path / "out"),
    ]
    done = subprocess.run(
        command, cwd=site, env=env, capture_output=True, text=True, timeout=TIMEOUT
    )
    assert done.returncode == 0, done.stderr
    assert list(temporary.iterdir()) == []
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert (tmp_path / "out" / "privacy" / "widget-ios" / "index.html").is_file()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_importing_a_pipe_or_a_device_ends_in_an_error(site: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "page.md"
    os.mkfifo(pipe)
    zero = tmp_path / "zero.md"
    zero.symlink_to("/dev/zero")
    for page in (pipe, zero):
        command = [sys.executable, "-m", "privacy_pages", "import", str(page), "--dry-run"]
        done = run(command, site)  # a hang raises TimeoutExpired
        assert done.returncode != 0 and page.name in done.stderr, done.stderr
        assert "not a regular file" in done.stderr
