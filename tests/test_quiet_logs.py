"""The texts a translation lacks are told in one line per record and language, by the build and
by ``validate``, so that they do not bury a writer's own messages; each is listed with
``--verbose``. Checked on the example site, whose French translation leaves texts out."""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO, copy_example_site, run_mkdocs
from privacy_pages.cli import main

RULE = "translation-missing"
_LANGUAGE = re.compile(r"into '([^']+)'")


def _per_record_and_language(lines: list[str]) -> Counter[tuple[str, str]]:
    """How many lines tell of each record and language."""
    told: Counter[tuple[str, str]] = Counter()
    for line in lines:
        found = _LANGUAGE.search(line)
        assert found is not None, line
        told[(line.split(":", 1)[0].split()[-1], found.group(1))] += 1
    return told


def test_validate_says_one_line_per_record_and_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = ["--config", str(REPO / "mkdocs.yml")]
    assert main(["validate", *config, "--format", "json"]) == 0
    every = [d for d in json.loads(capsys.readouterr().out)["diagnostics"] if d["rule"] == RULE]
    texts = [d for d in every if d["key_path"]]
    per_record = _per_record_and_language([f"{d['file']}: {d['message']}" for d in texts])
    assert any(count > 1 for count in per_record.values()), "a record lacks several texts"

    assert main(["validate", *config]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if f" {RULE}: " in line]
    told = _per_record_and_language(lines)
    assert max(told.values()) == 1, lines
    assert set(per_record) <= set(told), "every record and language is told"
    for (record, language), count in per_record.items():
        (line,) = [
            line for line in lines if line.startswith(record) and f"into '{language}'" in line
        ]
        assert f"{count} texts" in line and "--verbose" in line

    assert main(["validate", *config, "--verbose"]) == 0
    verbose = [line for line in capsys.readouterr().out.splitlines() if f" {RULE}: " in line]
    assert len(verbose) == len(every), "--verbose lists each text"


def test_the_build_says_one_line_per_record_and_language(tmp_path: Path) -> None:
    result = run_mkdocs(copy_example_site(tmp_path / "site") / "mkdocs.yml")
    assert result.ok, result.messages
    said = [r for r in result.records if f" {RULE}: " in r.getMessage()]
    told = [r.getMessage() for r in said if r.levelno >= logging.INFO]
    details = [r.getMessage() for r in said if r.levelno == logging.DEBUG]
    counts = _per_record_and_language(told)
    assert max(counts.values()) == 1, told
    assert len(details) > len(told), "each text is in the verbose log"
    folded = [int(line.split(f"{RULE}: ")[1].split()[0]) for line in told if " texts " in line]
    assert folded and sum(folded) == len(details), "a folded line counts the texts it stands for"
