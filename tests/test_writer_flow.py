"""A writer's day, end to end, on a scratch copy of the example site: ``new product`` → edit →
``validate`` → the page served by ``mkdocs serve`` (live, while they edit) → ``snapshot`` →
``diff``. Every step runs the real command, as a writer types it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from conftest import copy_example_site, run_mkdocs
from serve import fetch, fetch_until, mkdocs_serve, preview_banner

PRODUCT = "contoso-widget-ios"
NAME = "Contoso Widget for iOS"


def privacy_pages(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line, run in the site's folder."""
    return subprocess.run(
        [sys.executable, "-m", "privacy_pages", *args],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=300,
    )


def fill_in(value: Any, key: str = "") -> Any:
    """What a writer does to a scaffold: write real text wherever it says TODO."""
    if isinstance(value, dict):
        return {k: fill_in(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [fill_in(v, key) for v in value]
    if isinstance(value, str) and "TODO" in value:
        if key == "url":
            return "https://contoso.example/widget/privacy"
        written = re.sub(r"\bTODO\b:?\s*", "", value).strip().rstrip("?.") or key
        return f"{written[0].upper()}{written[1:]} of Contoso Widget."
    return value


def test_a_new_product_from_scaffold_to_release(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path / "site")
    record = site / "content" / "products" / f"{PRODUCT}.yml"

    # 1. new product: a scaffold that parses, with TODOs where the writer has to write
    created = privacy_pages(site, "new", "product", PRODUCT, "--name", NAME)
    assert created.returncode == 0, created.stderr
    scaffold = yaml.safe_load(record.read_text("utf-8"))
    assert scaffold["id"] == PRODUCT and scaffold["name"] == NAME
    assert scaffold["family"] == "Contoso Widget" and scaffold["platform"] == "iOS"

    # 2. validate: the TODOs are warnings, each at its line; no error
    checked = privacy_pages(site, "validate")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    lines = record.read_text("utf-8").splitlines()
    # a TODO value's line, or for a block of text (``intro: |``) the line of its key
    todo_lines = {
        number - 1 if lines[number - 2].rstrip().endswith(("|", ">")) else number
        for number, line in enumerate(lines, 1)
        if "TODO" in line and not line.lstrip().startswith("#")
    }
    warned = {
        int(m.group(1))
        for m in re.finditer(
            rf"products/{PRODUCT}\.yml:(\d+):\d+: warning placeholder-text", checked.stdout
        )
    }
    assert warned == todo_lines
    assert " error " not in checked.stdout
    assert privacy_pages(site, "validate", "--strict").returncode == 1  # CI would stop

    page_url = f"privacy/{PRODUCT}/"
    with mkdocs_serve(site) as base:
        # 3. the preview serves the page, with the warnings on it
        page = fetch(base + page_url)
        assert NAME in page
        assert "placeholder-text" in preview_banner(page)

        # 4. edit: the writer fills in the TODOs; the preview rebuilds without the banner
        filled = fill_in(scaffold)
        filled["required"]["groups"][0]["items"][0]["purpose"] = "Contoso Widget syncs widgets."
        record.write_text(yaml.safe_dump(filled, sort_keys=False, allow_unicode=True), "utf-8")
        page = fetch_until(base + page_url, "Contoso Widget syncs widgets.")
        assert "Contoso Widget syncs widgets." in page
        # Left: what the statement does not say under the GDPR, which the example site
        # reports as information (its gdpr profile), not a problem to fix before publishing.
        left = re.findall(r"<li>(.*?)</li>", preview_banner(page), re.S)
        assert all(", info gdpr-" in problem for problem in left), left

    # 5. validate --strict passes, and so does the strict build of the whole site
    strict = privacy_pages(site, "validate", "--strict")
    assert strict.returncode == 0, strict.stdout + strict.stderr
    built = run_mkdocs(site / "mkdocs.yml", strict=True)
    assert built.ok, built.messages
    assert NAME in built.html(f"privacy/{PRODUCT}.md")

    # 6. snapshot the release; the history now knows the product
    today = date.today()
    released = privacy_pages(site, "snapshot", "--version", "2.0.0", "--date", today.isoformat())
    assert released.returncode == 0, released.stderr
    snapshot = json.loads((site / "content" / "history" / "2.0.0.json").read_text("utf-8"))
    assert PRODUCT in json.dumps(snapshot)

    # 7. another edit, then diff: the change by meaning, for this product only
    filled["required"]["groups"][0]["items"][0]["purpose"] = "Contoso Widget backs up widgets."
    record.write_text(yaml.safe_dump(filled, sort_keys=False, allow_unicode=True), "utf-8")
    changed = privacy_pages(site, "diff", "content/history/2.0.0.json", "content")
    assert changed.returncode == 0, changed.stderr
    assert f"{NAME} ({PRODUCT})" in changed.stdout
    assert "syncs widgets" in changed.stdout and "backs up widgets" in changed.stdout
    assert "1 change in 1 statement" in changed.stdout.splitlines()[0]

    # 8. an older date for the next release is refused, unless on purpose
    older = privacy_pages(site, "snapshot", "--version", "2.1.0", "--date", "2026-01-01")
    assert older.returncode == 1 and "2.0.0" in older.stderr
    assert not (site / "content" / "history" / "2.1.0.json").exists()
