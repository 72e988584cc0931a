"""The examples of the README and the docs site work as pasted.

Every fenced block of README.md and of the docs pages (site-src/*.md, site-src/configuration/*.md
and site-src/guide/*.md) is either text (```text) or an example
(```yaml, ```bash, ```sh, ```console). Each example runs in a scratch copy of the example site:
a record is pasted where it says it goes and must load without errors, plugin options go into
mkdocs.yml and the site must build, and commands must exit 0. An example that cannot run says
why in an HTML comment right before its fence, ``<!-- example: not run (REASON) -->``; it is
still parsed. The page addresses and the sample output of ``privacy-pages validate`` that the
documents show are checked against a real build and a real run.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, SiteResult, copy_example_site, run_mkdocs
from markdown.extensions.toc import slugify
from privacy_pages.check.rules import RULES, RULES_BY_ID
from privacy_pages.cli import parser
from privacy_pages.load.discovery import record_kind
from privacy_pages.pipeline import check_site
from privacy_pages.settings import settings_from_mkdocs

SITE_SRC = REPO / "site-src"
GUIDE = SITE_SRC / "guide"
CONFIGURATION = SITE_SRC / "configuration"
GETTING_STARTED = SITE_SRC / "getting-started.md"
#: The README and the docs pages (the guides of products, in site-src/guides/, are content).
DOCS = (
    REPO / "README.md",
    *sorted(SITE_SRC.glob("*.md")),
    *sorted(CONFIGURATION.glob("*.md")),
    *sorted(GUIDE.glob("*.md")),
)
#: What a scratch copy of the example site holds.
EXAMPLE_LANGUAGES = frozenset({"yaml", "bash", "sh", "console"})
TEXT_LANGUAGES = frozenset({"text"})
#: The commands an example may run, from this venv.
BIN = Path(sys.executable).parent

_FENCE = re.compile(
    r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
_NOT_RUN = re.compile(r"<!-- example: not run \((?P<reason>.+)\) -->")
_HEADER = re.compile(r"# (?P<path>content/\S+\.ya?ml)\s*$")
_SCHEMA = re.compile(r"# yaml-language-server: \$schema=(?P<ref>\S+)\s*$")


@dataclass(frozen=True)
class Block:
    """One fenced block of a document, dedented."""

    doc: Path
    line: int
    language: str
    text: str
    #: Why it is not run, when an HTML comment right before the fence says so.
    not_run: str | None

    @property
    def id(self) -> str:
        return f"{self.doc.relative_to(REPO).as_posix()}:{self.line}"


def blocks(doc: Path) -> list[Block]:
    text = doc.read_text("utf-8")
    found = []
    for match in _FENCE.finditer(text):
        indent = match["indent"]
        body = "".join(line.removeprefix(indent) for line in match["body"].splitlines(True))
        before = text[: match.start()].rstrip().rsplit("\n", 1)[-1].strip()
        marker = _NOT_RUN.fullmatch(before)
        found.append(
            Block(
                doc,
                text.count("\n", 0, match.start()) + 1,
                (match["info"].split() or [""])[0],
                body,
                marker["reason"] if marker else None,
            )
        )
    return found


ALL_BLOCKS = [block for doc in DOCS for block in blocks(doc)]
EXAMPLES = [b for b in ALL_BLOCKS if b.language in EXAMPLE_LANGUAGES]
RUN = [b for b in EXAMPLES if b.not_run is None]
NOT_RUN = [b for b in EXAMPLES if b.not_run is not None]


# -- the scratch site ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example_site(tmp_path_factory.mktemp("example") / "site")


@pytest.fixture
def site(pristine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the example site, as the current folder (where writers run commands)."""
    root = tmp_path / "site"
    shutil.copytree(pristine, root)
    monkeypatch.chdir(root)
    return root


def privacy_pages(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run this venv's ``privacy-pages`` in the site, as a writer would."""
    env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}
    return subprocess.run(
        [str(BIN / "privacy-pages"), *args],
        cwd=site,
        env={**env, "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


# -- every block is run, or says why not --------------------------------------------------------


def test_every_block_is_an_example_or_text() -> None:
    for block in ALL_BLOCKS:
        assert block.language in EXAMPLE_LANGUAGES | TEXT_LANGUAGES, (
            f"{block.id}: a ```{block.language} block; write examples as "
            f"{', '.join(sorted(EXAMPLE_LANGUAGES))} (they are run) and anything else as ```text"
        )


def test_the_documents_have_examples_of_every_kind() -> None:
    assert {b.doc for b in RUN} >= {
        REPO / "README.md",
        GETTING_STARTED,
        CONFIGURATION / "index.md",
        GUIDE / "index.md",
        GUIDE / "change-history.md",
    }
    kinds = {what(b) for b in RUN}
    assert {"product", "catalog", "comparisons", "plugin-options", "commands"} <= kinds, kinds
    # The README adds a product with a command; getting started and the configuration
    # reference show a record of each kind and the plugin options, as the README once did.
    readme = {what(b) for b in RUN if b.doc == REPO / "README.md"}
    assert "commands" in readme, readme
    start = {what(b) for b in RUN if b.doc in (GETTING_STARTED, CONFIGURATION / "index.md")}
    assert {"product", "catalog", "comparisons", "plugin-options"} <= start, start


def what(block: Block) -> str:
    if block.language != "yaml":
        return "commands"
    return yaml_example(block).kind


@pytest.mark.parametrize("block", NOT_RUN, ids=lambda b: b.id)
def test_examples_not_run_still_parse(block: Block) -> None:
    """A block marked as not run gives its reason, and still holds valid YAML or commands that
    exist (each ``privacy-pages`` command is parsed by the real argument parser)."""
    assert block.not_run and block.not_run.strip()
    if block.language == "yaml":
        yaml.safe_load(block.text)
        return
    makefile = (REPO / "Makefile").read_text("utf-8")
    for words in commands(block):
        if words[0] == "make":
            for target in words[1:]:
                assert re.search(rf"^{re.escape(target)}:", makefile, re.M), (block.id, target)
        else:
            assert words[0] == "privacy-pages", f"{block.id}: unknown command {words[0]!r}"
            try:
                parser().parse_args(words[1:])
            except SystemExit:
                pytest.fail(f"{block.id}: {shlex.join(words)} is not a valid command")


@pytest.mark.parametrize("block", RUN, ids=lambda b: b.id)
def test_example_works_as_pasted(
    block: Block, site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if block.language != "yaml":
        run_commands(block, site)
        return
    example = yaml_example(block)
    check_schema_line(block, example, site)
    if example.kind == "plugin-options":
        build_with_options(block, site, tmp_path)
    elif example.path is not None:
        paste(block, example, site)
        check_record(block, example, site)


# -- YAML examples ------------------------------------------------------------------------------


@dataclass(frozen=True)
class YamlExample:
    """What a YAML example is, and where it goes in the site."""

    #: A record kind (product, catalog, ...), "plugin-options" or "schema-line".
    kind: str
    #: The file it goes in, relative to the site.
    path: str | None
    data: Any


def yaml_example(block: Block) -> YamlExample:
    data = yaml.safe_load(block.text)
    first = block.text.split("\n", 1)[0]
    header = _HEADER.match(first)
    schema = _SCHEMA.match(first)
    if header:
        kind = record_kind(Path(header["path"]).relative_to("content"))
        assert kind, f"{block.id}: {header['path']} is not where records live"
        return YamlExample(kind, header["path"], data)
    if isinstance(data, dict) and "plugins" in data:
        return YamlExample("plugin-options", "mkdocs.yml", data)
    if schema and data is None:
        return YamlExample("schema-line", None, data)
    if schema:
        kind = Path(schema["ref"]).name.removesuffix(".schema.json")
        if kind == "product":
            return YamlExample(kind, f"content/products/{data['id']}.yml", data)
        if kind in ("categories", "comparisons"):
            return YamlExample(kind, f"content/{kind}.yml", data)
    pytest.fail(
        f"{block.id}: cannot tell where this YAML goes; start it with '# content/PATH', or mark "
        "it <!-- example: not run (REASON) -->"
    )


def check_schema_line(block: Block, example: YamlExample, site: Path) -> None:
    """A ``$schema`` comment points at the schema of its kind, from where the record goes."""
    schema = _SCHEMA.match(block.text.split("\n", 1)[0])
    if schema is None:
        return
    if example.path is not None:
        folder = (site / example.path).parent
        kind = record_kind(Path(example.path).relative_to("content"))
    else:  # a lone schema line: the kind its file names
        kind = Path(schema["ref"]).name.removesuffix(".schema.json")
        folder = site / "content" / {"product": "products", "catalog": "catalog"}.get(kind, "")
    target = (folder / schema["ref"]).resolve()
    assert target.is_file(), f"{block.id}: {schema['ref']} does not exist from {folder}"
    assert target.name == f"{kind}.schema.json", block.id


def paste(block: Block, example: YamlExample, site: Path) -> None:
    """Write a record where it goes; a catalog entry goes at the end of its file's items."""
    assert example.path is not None
    target = site / example.path
    if example.kind == "catalog" and target.exists():
        lines = block.text.splitlines(keepends=True)
        start = next((i for i, line in enumerate(lines) if line.rstrip() == "items:"), None)
        assert start is not None, f"{block.id}: a catalog example shows its items under 'items:'"
        text = target.read_text("utf-8")
        text += "" if text.endswith("\n") else "\n"
        target.write_text(text + "".join(lines[start + 1 :]), "utf-8")
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(block.text, "utf-8")


def review_date(example: YamlExample) -> dt.date | None:
    """The date a product was last reviewed (``ms.date``): the day the example was written."""
    if example.kind != "product":
        return None
    value = (example.data.get("metadata") or {}).get("ms.date")
    return dt.date.fromisoformat(str(value)) if value else None


def _in_a_profile(rule_id: str) -> bool:
    rule = RULES_BY_ID.get(rule_id)
    return rule is not None and rule.profile is not None


#: A line of what a statement lacks under a completeness profile, which the example site
#: lists as information (the guide says so after its sample).
_PROFILE_INFO = re.compile(
    r": info ("
    + "|".join(re.escape(r.id) for r in RULES_BY_ID.values() if r.profile is not None)
    + r"): "
)


_PROFILE_WARNING = re.compile(
    r" warning ("
    + "|".join(re.escape(r.id) for r in RULES_BY_ID.values() if r.profile is not None)
    + r"): "
)


def check_record(block: Block, example: YamlExample, site: Path) -> None:
    """The site, with the example pasted, loads without errors and holds the example's records;
    a product also passes every lint rule (a strict build would stop on a warning)."""
    settings = settings_from_mkdocs(site / "mkdocs.yml")
    build = check_site(settings, today=review_date(example))
    errors = [str(d) for d in build.problems.errors]
    assert errors == [], f"{block.id}:\n" + "\n".join(errors)
    dataset, data = build.dataset, example.data
    if example.kind == "product":
        assert data["id"] in dataset.products, block.id
        # A new product has no French text yet: the site lists it as information only; so is
        # what a statement lacks under the GDPR (its completeness profile runs at info there).
        findings = [
            str(d)
            for d in build.problems.items
            if d.location.path == example.path
            and d.rule != "translation-missing"
            and not _in_a_profile(d.rule)
        ]
        assert findings == [], f"{block.id}:\n" + "\n".join(findings)
    elif example.kind == "catalog":
        assert data["items"] and {i["id"] for i in data["items"]} <= set(dataset.catalog)
    elif example.kind == "comparisons":
        assert [c["id"] for c in data["comparisons"]] == [c.id for c in dataset.comparisons]
    elif example.kind == "categories":
        assert [c["id"] for c in data["categories"]] == list(dataset.categories)


def build_with_options(block: Block, site: Path, tmp_path: Path) -> None:
    """Plugin options become the privacy-pages entry's options in mkdocs.yml, and the site
    builds with them: no error, and no warning but the clock-dependent stale-date findings (an
    unknown option would be one)."""
    [options] = [
        entry["privacy-pages"]
        for entry in block_data(block)["plugins"]
        if isinstance(entry, dict) and "privacy-pages" in entry
    ]
    for option in ("templates_dir", "messages_dir"):  # a site that sets them has the folders
        if option in options:  # (one that does not exist stops the build)
            (site / str(options[option])).mkdir(parents=True, exist_ok=True)
    config_file = site / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    [entry] = [e for e in config["plugins"] if isinstance(e, dict) and "privacy-pages" in e]
    entry["privacy-pages"].update(options)
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    result = run_mkdocs(config_file, strict=False, site_dir=tmp_path / "built")
    assert result.ok, f"{block.id}: {result.error}\n{result.messages}"
    # (Nor what the seed statements lack under a completeness profile the options turn on.)
    warnings = [
        w for w in result.warnings() if "stale-date" not in w and not _PROFILE_WARNING.search(w)
    ]
    assert warnings == [], f"{block.id}: " + "\n".join(warnings)
    assert result.config is not None
    plugin_config = result.config.plugins["privacy-pages"].config
    for key in options:
        assert key in plugin_config, (block.id, key)


def block_data(block: Block) -> dict[str, Any]:
    data = yaml.safe_load(block.text)
    assert isinstance(data, dict), block.id
    return data


# -- shell examples -----------------------------------------------------------------------------


def commands(block: Block) -> list[list[str]]:
    """The commands of a shell block (``$ `` lines of a console block), without comments."""
    lines = block.text.replace("\\\n", " ").splitlines()
    if block.language == "console":
        lines = [line[2:] for line in lines if line.startswith("$ ")]
    found = [shlex.split(line, comments=True) for line in lines]
    return [words for words in found if words]


def run_commands(block: Block, site: Path) -> None:
    """Each command exits 0, and the site still validates after them."""
    found = commands(block)
    assert found, f"{block.id}: a shell block without commands"
    for words in found:
        assert words[0] == "privacy-pages", (
            f"{block.id}: {shlex.join(words)}: only privacy-pages commands are run here; mark "
            "the block <!-- example: not run (REASON) --> if it cannot run in a scratch site"
        )
        done = privacy_pages(site, *words[1:])
        assert done.returncode == 0, f"{block.id}: {shlex.join(words)}\n{done.stderr}"
    check = privacy_pages(site, "validate")
    assert check.returncode == 0, f"{block.id}: the site no longer validates\n{check.stdout}"


# -- addresses ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(pristine: Path, tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    root = tmp_path_factory.mktemp("built") / "site"
    shutil.copytree(pristine, root)
    result = run_mkdocs(root / "mkdocs.yml", strict=False)
    assert result.ok, result.messages
    return result


_ADDRESS = re.compile(r"`((?:privacy/|changes\.xml)[^`\s]*)`")


def test_the_addresses_the_documents_give_exist(built: SiteResult) -> None:
    """``privacy/compare/<id>/`` and the like: placeholders stand for any name."""
    addresses = {a for doc in DOCS for a in _ADDRESS.findall(doc.read_text("utf-8"))}
    assert len(addresses) >= 6, addresses
    for address in sorted(addresses):
        pattern = re.sub(r"<[^>]+>|\bID\b", "*", address.split("#")[0])
        if pattern.endswith("/"):
            pattern += "index.html"
        assert list(built.site_dir.glob(pattern)), f"{address}: not in the built site"


_LINK = re.compile(r"\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_HEADING = re.compile(r"^#{1,6} +(?P<title>.+?) *$", re.MULTILINE)


def heading_ids(doc: Path) -> set[str]:
    """The ids MkDocs gives the headings of a Markdown page (its toc extension's slugs)."""
    text = _FENCE.sub("", doc.read_text("utf-8"))
    return {slugify(m["title"], "-") for m in _HEADING.finditer(text)}


def test_every_relative_link_of_the_readme_leads_to_a_file() -> None:
    """The README points into the docs site (site-src/): each relative link (and image) is a
    file of the repository, and a link to a heading of a page names one the page has. The docs
    pages' own links are checked by the example site's strict build."""
    readme = REPO / "README.md"
    targets = [m["target"] for m in _LINK.finditer(readme.read_text("utf-8"))]
    relative = [t for t in targets if not re.match(r"[a-z][a-z0-9+.-]*:", t)]
    assert len(relative) >= 10, relative
    for target in relative:
        path, _, fragment = target.partition("#")
        file = (readme.parent / path).resolve() if path else readme
        assert file.is_file(), f"README.md: {target}: no such file"
        assert file.is_relative_to(REPO), f"README.md: {target}: outside the repository"
        if fragment:
            assert file.suffix == ".md", target
            assert fragment in heading_ids(file), f"README.md: {target}: no such heading"


# -- sample output ------------------------------------------------------------------------------

_SAMPLE_START = re.compile(r"content/[\w./-]+\.ya?ml:\d+")
_DIAGNOSTIC = re.compile(
    r"(?P<path>content/[\w./-]+\.ya?ml):(?P<line>\d+):(?P<column>\d+): "
    r"(?P<severity>error|warning|info) (?P<rule>[a-z][a-z0-9-]*): (?P<key>[\w.\[\]-]+): "
    r"(?P<message>.+)"
)
_TYPO = re.compile(r"found '(?P<typo>[^']+)' \(did you mean '(?P<meant>[^']+)'\?\)")


@dataclass(frozen=True)
class Sample:
    """Lines of ``privacy-pages validate`` output shown in a document: a text block (the whole
    output for its file) or one inline line."""

    where: str
    lines: tuple[str, ...]
    whole: bool


def samples() -> list[Sample]:
    found = []
    for doc in DOCS:
        text = doc.read_text("utf-8")
        in_blocks = set()
        for block in blocks(doc):
            lines = tuple(line for line in block.text.splitlines() if _SAMPLE_START.match(line))
            if lines:
                found.append(Sample(block.id, lines, whole=True))
                in_blocks.update(lines)
        for number, line in enumerate(text.splitlines(), 1):
            for match in _SAMPLE_START.finditer(line):
                sample = line[match.start() :].split("`", 1)[0]
                if sample not in in_blocks:
                    found.append(
                        Sample(
                            f"{doc.relative_to(REPO).as_posix()}:{number}", (sample,), whole=False
                        )
                    )
    return found


def test_sample_output_has_the_real_format() -> None:
    rules = {rule.id for rule in RULES}
    found = samples()
    assert len(found) >= 3, found
    for sample in found:
        for line in sample.lines:
            match = _DIAGNOSTIC.fullmatch(line)
            assert match, (
                f"{sample.where}: {line!r} is not file:line:col: severity rule: key: message"
            )
            if match["message"].endswith("..."):  # an illustration: a real lint rule
                assert match["rule"] in rules, f"{sample.where}: no lint rule {match['rule']!r}"
            else:
                assert _TYPO.search(match["message"]), (
                    f"{sample.where}: full sample output is reproduced from a typo in a document's "
                    "example (found 'x' (did you mean 'y'?)); shorten other samples with '...'"
                )


@pytest.mark.parametrize(
    "sample",
    [s for s in samples() if not any(line.endswith("...") for line in s.lines)],
    ids=lambda s: s.where,
)
def test_sample_output_is_what_validate_prints(sample: Sample, site: Path) -> None:
    """Make the typos a sample describes in the example it names (at the line and column it
    gives), and run ``privacy-pages validate``: it prints the sample's lines."""
    matches = [_DIAGNOSTIC.fullmatch(line) for line in sample.lines]
    paths = {m["path"] for m in matches if m}
    assert len(paths) == 1, sample
    [path] = paths
    [(block, example)] = [
        (b, e)
        for b in RUN
        if b.language == "yaml" and (e := yaml_example(b)).path == path and e.kind != "catalog"
    ]
    lines = block.text.split("\n")
    for match in matches:
        assert match
        typo = _TYPO.search(match["message"])
        assert typo, sample
        row, column = int(match["line"]) - 1, int(match["column"]) - 1
        assert lines[row][column:].startswith(typo["meant"]), (
            f"{sample.where}: line {row + 1}, column {column + 1} of {block.id} does not hold "
            f"{typo['meant']!r}: {lines[row]!r}"
        )
        lines[row] = lines[row][:column] + typo["typo"] + lines[row][column + len(typo["meant"]) :]
    (site / path).parent.mkdir(parents=True, exist_ok=True)
    (site / path).write_text("\n".join(lines), "utf-8")
    date = review_date(example)
    done = privacy_pages(site, "validate", *(["--today", date.isoformat()] if date else []))
    printed = [
        line
        for line in (done.stdout + done.stderr).splitlines()
        if line.startswith(f"{path}:") and not _PROFILE_INFO.search(line)
    ]
    assert done.returncode == 1
    if sample.whole:
        assert printed == list(sample.lines)
    else:
        assert set(sample.lines) <= set(printed), printed
