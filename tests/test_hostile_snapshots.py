"""Release snapshots edited into something no release holds: one error with the file named,
never a traceback or a hang, in ``validate``, ``diff`` and the build; and the feed stays
well-formed XML."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_example_site, run_mkdocs
from hypothesis import given, settings
from hypothesis import strategies as st
from privacy_pages.cli import main
from privacy_pages.history.releases import build_history
from privacy_pages.history.snapshot import parse_snapshot

SNAPSHOT = "content/history/1.0.0.json"


def _edited(site: Path, change: Any) -> Path:
    path = site / SNAPSHOT
    document = json.loads(path.read_text("utf-8"))
    text = change(document)
    path.write_text(text if isinstance(text, str) else json.dumps(document), "utf-8")
    return path


def _deep(document: dict[str, Any]) -> str:
    text = json.dumps(document)
    return text[:-1] + ', "deep": ' + "[" * 100_000 + "]" * 100_000 + "}"


def _huge_integer(document: dict[str, Any]) -> str:
    text = json.dumps(document)
    return text[:-1] + ', "huge": ' + "9" * 10_000 + "}"


def _item_not_an_object(document: dict[str, Any]) -> None:
    items = document["products"]["intune"]["items"]
    items[next(iter(items))] = "not an object"


def _control_character_in_a_name(document: dict[str, Any]) -> None:
    document["products"]["intune"]["name"] = "Intune\u0007\u001b[2J"


def _json_escapes_of_controls(document: dict[str, Any]) -> None:
    document["products"]["intune"]["name"] = "Microsoft\bIntune\f\r"  # written \b \f \r


def _nested_in_a_value(document: dict[str, Any]) -> None:
    value: Any = "deep"
    for _ in range(900):
        value = [value]
    document["products"]["intune"]["metadata"]["description"] = value


def _notes_not_objects(document: dict[str, Any]) -> None:
    document["products"]["intune"]["notes"] = ["a", 1]


EDITS = {
    "nested 100,000 deep": _deep,
    "an integer of 10,000 digits": _huge_integer,
    "an item that is not an object": _item_not_an_object,
    "a control character in a product name": _control_character_in_a_name,
    "notes that are not objects": _notes_not_objects,
    "control characters as JSON's short escapes": _json_escapes_of_controls,
    "a value nested 900 deep": _nested_in_a_value,
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_validate_and_the_build_name_the_snapshot(
    tmp_path: Path, edit: str, capsys: pytest.CaptureFixture[str]
) -> None:
    site = copy_example_site(tmp_path / "site")
    _edited(site, EDITS[edit])
    code = main(["validate", "--config", str(site / "mkdocs.yml")])
    output = capsys.readouterr()
    assert code == 1
    assert "1.0.0.json" in output.out + output.err
    assert "Traceback" not in output.out + output.err
    result = run_mkdocs(site / "mkdocs.yml")
    assert not result.ok
    assert "1.0.0.json" in result.messages and "internal error" not in result.messages


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_diff_names_the_snapshot(
    tmp_path: Path, edit: str, capsys: pytest.CaptureFixture[str]
) -> None:
    site = copy_example_site(tmp_path / "site")
    old = site / "content/history/0.1.0.json"
    new = _edited(site, EDITS[edit])
    code = main(["diff", str(old), str(new), "--config", str(site / "mkdocs.yml")])
    output = capsys.readouterr()
    assert code == 1, output.err
    assert "1.0.0.json" in output.err
    assert "Traceback" not in output.err


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["products", "catalog", "categories"]),
    st.sampled_from(["intune", "items", "name", "groups", "notes", "metadata", "new"]),
    _json,
)
def test_any_json_in_a_snapshot_is_a_result_or_errors(section: str, key: str, value: Any) -> None:
    """Whatever JSON a hand edit puts into a snapshot: a snapshot, or problems; then a history,
    or errors at the file. Never an exception."""
    repo = Path(__file__).resolve().parents[1]
    document = json.loads((repo / SNAPSHOT).read_text("utf-8"))
    target = document[section]
    if section == "products" and key not in ("intune", "new"):
        target = target["intune"]
    target[key] = value
    text = json.dumps(document)
    old, _ = parse_snapshot((repo / "content/history/0.1.0.json").read_text("utf-8"), "0.1.0")
    new, problems = parse_snapshot(text, "history/1.0.0.json")
    assert old is not None
    if new is None:
        assert problems
        return
    from privacy_pages.diagnostics import Diagnostics

    errors = Diagnostics()
    history = build_history([old, new], errors)
    assert len(history.releases) == 2 or errors.errors


def test_the_feed_is_well_formed_xml() -> None:
    repo = Path(__file__).resolve().parents[1]
    feed = repo / "site" / "changes.xml"
    if not feed.is_file():
        pytest.skip("make site builds site/changes.xml")
    ElementTree.fromstring(feed.read_bytes())


def test_diff_git_refuses_a_blob_over_the_limit_before_reading_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = copy_example_site(tmp_path / "site")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=site, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    big = site / "content" / "catalog" / "big.yml"
    big.write_text("items: []\n" + "# padding\n" * 700_000, "utf-8")  # 7 MB
    git("add", "-A")
    git("-c", "user.email=w@example.org", "-c", "user.name=W", "commit", "-qm", "big")
    code = main(["diff", "--git", "HEAD", "--config", str(site / "mkdocs.yml")])
    err = capsys.readouterr().err
    assert code != 0
    assert "content/catalog/big.yml" in err and "nothing was read" in err
