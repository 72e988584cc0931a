"""The writer's guide and editor support: generated from the schema and the rule registry, so
that neither can drift from what the site accepts."""

from __future__ import annotations

import html
import re
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, REPO, SiteResult, run_mkdocs
from jsonschema import Draft202012Validator
from privacy_pages.check.rules import RULES
from privacy_pages.cli import main
from privacy_pages.diagnostics import Location
from privacy_pages.load.discovery import record_kind
from privacy_pages.load.schema import (
    RECORD_KINDS,
    iter_properties,
    schema_document,
    validate_record,
)
from privacy_pages.load.yaml_source import parse_text

GUIDE = REPO / "site-src" / "guide"
SCHEMA_LINE = "# yaml-language-server: $schema="


# -- editor schemas -----------------------------------------------------------------------------


def test_checked_in_schemas_match_the_cli(tmp_path: Path) -> None:
    """schemas/ is what `privacy-pages schema --out schemas` writes (run `make schemas`)."""
    assert main(["schema", "--out", str(tmp_path)]) == 0
    written = {p.name: p.read_text("utf-8") for p in tmp_path.iterdir()}
    checked_in = {p.name: p.read_text("utf-8") for p in (REPO / "schemas").iterdir()}
    assert sorted(checked_in) == sorted(written)
    for name, text in written.items():
        assert checked_in[name] == text, f"schemas/{name} is out of date; run `make schemas`"


def content_files() -> list[Path]:
    return sorted(p for p in (REPO / "content").rglob("*") if p.suffix in {".yml", ".yaml"})


def test_every_content_file_points_editors_at_its_schema() -> None:
    files = content_files()
    assert files, "content/ has no records"
    for path in files:
        first = path.read_text("utf-8").splitlines()[0]
        relative = path.relative_to(REPO / "content")
        assert first.startswith(SCHEMA_LINE), f"{relative} does not start with {SCHEMA_LINE!r}"
        target = (path.parent / first.removeprefix(SCHEMA_LINE).strip()).resolve()
        assert target.is_file(), f"{relative}: {target} does not exist"
        assert target.name == f"{record_kind(relative)}.schema.json", relative


def properties_with_examples() -> Iterator[tuple[str, dict[str, Any]]]:
    for kind in RECORD_KINDS:
        for path, schema in iter_properties(kind):
            if "examples" in schema:
                yield f"{kind}:{path}", schema


def test_schema_examples_are_valid_values() -> None:
    defs = schema_document()["$defs"]
    checked = 0
    for where, schema in properties_with_examples():
        validator = Draft202012Validator({"$defs": defs, **schema})
        for example in schema["examples"]:
            errors = [e.message for e in validator.iter_errors(example)]
            assert not errors, f"{where}: example {example!r}: {errors}"
            checked += 1
    assert checked > 50


def test_every_field_has_a_description_for_writers() -> None:
    defs = schema_document()["$defs"]
    for kind in RECORD_KINDS:
        for path, schema in iter_properties(kind):
            target = defs[schema["$ref"].rsplit("/", 1)[-1]] if "$ref" in schema else {}
            description = schema.get("description") or target.get("description")
            assert description and len(description.split()) >= 3, f"{kind}:{path}"


# -- the generated pages ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def guide_site(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    """The small fixture site with the real guide pages, built strict."""
    root = tmp_path_factory.mktemp("guide") / "site"
    shutil.copytree(FIXTURES / "small", root)
    shutil.copytree(GUIDE, root / "docs" / "guide")
    # The docs pages the guide links to, so that the strict build checks those links too.
    for linked in ("configuration",):
        shutil.copytree(GUIDE.parent / linked, root / "docs" / linked)
    result = run_mkdocs(root / "mkdocs.yml")
    assert result.ok, result.messages
    return result


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def squeezed(text: str) -> str:
    """Text without whitespace: markup around code spans adds spaces that readers never see."""
    return "".join(text.split())


def sections(page: str, level: int) -> list[tuple[str, str]]:
    """(heading text, HTML up to the next heading of this level) for each heading."""
    parts = re.split(rf"<h{level}\b[^>]*>(.*?)</h{level}>", page, flags=re.S)
    return [
        (text_of(re.sub(r'<a class="headerlink".*?</a>', "", parts[i])), parts[i + 1])
        for i in range(1, len(parts), 2)
    ]


def example_yaml(fragment: str) -> Any:
    code = re.search(r"<code[^>]*>(.*?)</code>", fragment, flags=re.S)
    assert code, fragment
    return yaml.safe_load(html.unescape(re.sub(r"<[^>]+>", "", code.group(1))))


def reaches(example: Any, path: str) -> bool:
    """Whether the example holds a value at the field's path (``a.b[].c``, ``*`` = any name)."""
    node = example
    for step in re.findall(r"[^.\[\]]+|\[\]", path):
        if step == "[]":
            if not isinstance(node, list) or not node:
                return False
            node = node[0]
        elif step == "*":
            if not isinstance(node, dict) or not node:
                return False
            node = next(iter(node.values()))
        else:
            if not isinstance(node, dict) or step not in node:
                return False
            node = node[step]
    return True


def test_field_reference_lists_every_property_of_the_schema(guide_site: SiteResult) -> None:
    page = guide_site.html("guide/fields.md")
    kinds = sections(page, 2)
    assert len(kinds) == len(RECORD_KINDS)
    for kind, (_, body) in zip(RECORD_KINDS, kinds, strict=True):
        expected = [path for path, _ in iter_properties(kind)]
        listed = [heading for heading, _ in sections(body, 3)]
        assert listed == expected, kind


def test_each_field_entry_shows_type_requiredness_description_and_example(
    guide_site: SiteResult,
) -> None:
    page = guide_site.html("guide/fields.md")
    defs = schema_document()["$defs"]
    for kind, (_, body) in zip(RECORD_KINDS, sections(page, 2), strict=True):
        schemas = dict(iter_properties(kind))
        for path, fragment in sections(body, 3):
            schema = schemas[path]
            target = defs[schema["$ref"].rsplit("/", 1)[-1]] if "$ref" in schema else {}
            description = str(schema.get("description") or target.get("description"))
            text = text_of(fragment)
            assert re.match(r"(Required|Optional) · \S", text), f"{kind}:{path}: {text[:80]}"
            assert " ".join(description.split()) in text, f"{kind}:{path}"
            assert reaches(example_yaml(fragment), path), f"{kind}:{path}: example misplaced"


def test_required_fields_are_marked_required(guide_site: SiteResult) -> None:
    page = guide_site.html("guide/fields.md")
    product = dict(sections(sections(page, 2)[RECORD_KINDS.index("product")][1], 3))
    for key in schema_document()["$defs"]["product"]["required"]:
        assert text_of(product[key]).startswith("Required"), key
    assert text_of(product["intro"]).startswith("Optional")


def test_lint_rule_page_documents_every_rule(guide_site: SiteResult) -> None:
    page = guide_site.html("guide/lint-rules.md")
    documented = dict(sections(page, 3))
    for rule in RULES:
        assert rule.id in documented, rule.id
        text = squeezed(text_of(documented[rule.id]))
        for words in (rule.summary, rule.catches, rule.fix):
            assert squeezed(words.replace("`", "")) in text, rule.id
        for option in rule.options:
            assert option in text, (rule.id, option)
    table = text_of(page.split("<table", 1)[1].split("</table>", 1)[0])
    # The fixture site turns stale-date off; the table shows this site's severity.
    assert "stale-date A product's review date" in table
    assert re.search(r"stale-date .*? warning off", table)


def test_guide_links_and_markers(guide_site: SiteResult) -> None:
    assert "<!-- privacy-pages: field-reference -->" in (GUIDE / "fields.md").read_text("utf-8")
    assert "<!-- privacy-pages: lint-rules -->" in (GUIDE / "lint-rules.md").read_text("utf-8")
    index = guide_site.html("guide/index.md")
    assert 'href="fields/"' in index and 'href="lint-rules/"' in index


def guide_examples() -> list[tuple[str, str]]:
    text = (GUIDE / "index.md").read_text("utf-8")
    blocks = re.findall(r"^( *)```yaml\n(.*?)^\1```", text, flags=re.S | re.M)
    examples = []
    for indent, body in blocks:
        lines = [line.removeprefix(indent) for line in body.splitlines()]
        if lines and lines[0].startswith("# content/"):
            examples.append((lines[0].removeprefix("# content/"), "\n".join(lines) + "\n"))
    return examples


@pytest.mark.parametrize(("file", "text"), guide_examples(), ids=lambda v: str(v)[:40])
def test_guide_examples_are_valid_records(file: str, text: str) -> None:
    kind = record_kind(Path(file))
    assert kind is not None, file
    data = parse_text(text, file)
    assert validate_record(data, kind, Location(file, 1, 1)) == []


def test_the_guide_shows_every_kind_of_record_it_describes() -> None:
    kinds = {record_kind(Path(file)) for file, _ in guide_examples()}
    assert kinds >= {"product", "catalog", "comparisons"}


# -- pre-commit -------------------------------------------------------------------------------


def test_pre_commit_hook_runs_validate() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    [hook] = [h for h in hooks if h["id"] == "privacy-pages-validate"]
    assert hook["entry"].split()[:2] == ["privacy-pages", "validate"]
    assert hook["pass_filenames"] is False and hook["language"] == "python"
    assert re.match(hook["files"], "content/products/x.yml")
    assert not re.match(hook["files"], "site-src/index.md")
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert "privacy-pages" in scripts


def test_this_repository_uses_its_own_hook() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text("utf-8"))
    local = [h for repo in config["repos"] if repo["repo"] == "local" for h in repo["hooks"]]
    [hook] = [h for h in local if h["id"] == "privacy-pages-validate"]
    assert "privacy-pages validate" in hook["entry"]
    assert re.match(hook["files"], "content/catalog/device.yml")


def test_schema_cli_writes_one_file_per_kind(tmp_path: Path) -> None:
    main(["schema", "--out", str(tmp_path)])
    names = {p.name for p in tmp_path.iterdir()}
    assert {f"{kind}.schema.json" for kind in RECORD_KINDS} <= names
