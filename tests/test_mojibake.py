"""The mojibake content check: damaged text is found with its line and column, clean text passes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO
from hypothesis import given
from hypothesis import strategies as st
from privacy_pages.diagnostics import Severity
from privacy_pages.load.content import load_content
from privacy_pages.load.mojibake import find_damage, mojibake_diagnostics, repair_text


def mangle(text: str) -> str:
    """What a UTF-8 text becomes when read as Windows-1252 (Latin-1 for its five holes)."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


@pytest.mark.parametrize(
    ("damaged", "found", "meant"),
    [
        (mangle("it\u2019s"), "'\u00e2\u20ac\u2122'", "'\u2019'"),
        (mangle("\u201cquoted"), "'\u00e2\u20ac\u0153'", "'\u201c'"),
        ("\u00e2\u20ac x", "'\u00e2\u20ac'", "'\u201d'"),  # the third byte (0x9D) was lost
        (mangle("caf\u00e9"), "'\u00c3\u00a9'", "'\u00e9'"),
        (mangle("\u00e8re"), "'\u00c3\u00a8'", "'\u00e8'"),
        (mangle("a\u00a0b"), "'\u00c2' followed by U+00A0", "no-break space (U+00A0)"),
        ("a\u00c2 b", "'\u00c2' followed by U+0020", "no-break space (U+00A0)"),
        (mangle("\u2014 dash"), "'\u00e2\u20ac\u201d'", "'\u2014'"),
        (mangle("\u2026"), "'\u00e2\u20ac\u00a6'", "'\u2026'"),
        (mangle("\ufeffBOM"), "'\u00ef\u00bb\u00bf'", "U+FEFF"),
        ("lost \ufffd here", "'\ufffd'", "replacement character"),
        ("C1 \u0092 quote", "U+0092", "'\u2019'"),
        ("C1 \u008d hole", "U+008D", "C1 control character"),
    ],
)
def test_each_sequence_is_found_at_its_line_and_column(
    damaged: str, found: str, meant: str
) -> None:
    start = next(i for i, char in enumerate(damaged) if not char.isascii())
    text = f"title: clean\nbody:\n  - text: >-\n      xy{damaged}\n"
    (diagnostic,) = mojibake_diagnostics(text, "content/products/p.yml")
    assert (diagnostic.location.line, diagnostic.location.column) == (4, 9 + start)
    assert diagnostic.rule == "mojibake"
    assert diagnostic.severity is Severity.ERROR
    assert f"found {found}" in diagnostic.message
    assert meant in diagnostic.message
    assert str(diagnostic).startswith(f"content/products/p.yml:4:{9 + start}: error mojibake: ")


CLEAN = [
    "It\u2019s \u201cquoted\u201d \u2013 and \u2014 more\u2026",
    "caf\u00e9, na\u00efve, \u00e0 la carte, cr\u00e8me br\u00fbl\u00e9e, \u00c9cole",
    "Stra\u00dfe \u201eFu\u00df\u201c, \u00c4rger, \u00d6l, \u00dcbel",
    "\u00a9 2024, 5 \u20ac, Defender\u2122, 20 \u00b0C, \u00bd cup, \u00bfQu\u00e9?",
    "\u0414\u0430\u043d\u043d\u044b\u0435, \u03b4\u03b5\u03b4\u03bf\u03bc\u03ad\u03bd\u03b1, \u30c7\u30fc\u30bf, \U0001f512",
    "plain ASCII: Azure AD device ID, Wi-Fi MAC address",
    # Only encoding damage is repaired: no HTML unescaping, ligatures, widths or normalization.
    "\u05e9\u05dc\u05d5\u05dd, Azure &amp; Intune, \ufb01le, \uff26\uff55\uff4c\uff4c, cafe\u0301",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_passes(text: str) -> None:
    assert mojibake_diagnostics(text, "x.yml") == []


@pytest.mark.parametrize(
    ("damaged", "meant"),
    [
        (
            mangle("\u05e9\u05dc\u05d5\u05dd \u30c7\u30fc\u30bf"),
            "\u05e9\u05dc\u05d5\u05dd \u30c7\u30fc\u30bf",
        ),
        (mangle("Defender\u2122 \U0001f512"), "Defender\u2122 \U0001f512"),
        ("\u00e2\u20ac\u0153hi\u00e2\u20ac now", "\u201chi\u201d now"),  # not a dagger
        (mangle("\u201chi\u201d") + "\ufffd", "\u201chi\u201d"),
    ],
)
def test_damage_next_to_clean_text_is_repaired_and_the_clean_text_kept(
    damaged: str, meant: str
) -> None:
    clean = "caf\u00e9 &amp; \u00e0 la carte: "
    text, damage = repair_text(f"{clean}{damaged}\n{clean}")
    assert text == f"{clean}{meant}\n{clean}"
    assert damage and all(d.line == 1 and d.column > len(clean) for d in damage)


def test_the_example_content_is_clean() -> None:
    files = sorted((REPO / "content").rglob("*.yml"))
    assert files
    for path in files:
        assert mojibake_diagnostics(path.read_text("utf-8"), path.name) == [], path


_TEXT = st.text(
    alphabet=st.sampled_from(
        list("abc XYZ.,")
        + list("\u2019\u201c\u201d\u2013\u2014\u2026\u00e9\u00e8\u00fc\u00df\u20ac\u2122\u00a0")
    ),
    min_size=1,
    max_size=40,
)


@given(_TEXT)
def test_mangled_text_is_always_found_from_its_first_damage(text: str) -> None:
    damaged = mangle(text)
    first = next((i for i, char in enumerate(damaged) if not char.isascii()), None)
    found = list(find_damage(damaged))
    if first is None:
        assert found == []
    else:
        assert found and (found[0].line, found[0].column) == (1, first + 1)


def _small_site(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small" / "content", content)
    return content


def test_a_content_tree_with_mojibake_fails_to_load_with_file_and_line(tmp_path: Path) -> None:
    content = _small_site(tmp_path)
    record = content / "products" / "widget-ios.yml"
    lines = record.read_text("utf-8").split("\n")
    summary = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    lines[summary] = "summary: It\u00e2\u20ac\u2122s the Widget app \u00c3\u00a9 on iPhone."
    record.write_text("\n".join(lines), "utf-8")

    dataset, problems = load_content(content)

    errors = [p for p in problems.errors if p.rule == "mojibake"]
    assert [(e.location.line, e.location.column) for e in errors] == [
        (summary + 1, 12),
        (summary + 1, 32),
    ]
    assert all(e.location.path.endswith("products/widget-ios.yml") for e in errors)
    assert "widget-ios" not in dataset.products
    assert "widget-android" in dataset.products  # other files still load


def test_a_clean_content_tree_loads(tmp_path: Path) -> None:
    dataset, problems = load_content(_small_site(tmp_path))
    assert [p for p in problems.items if p.rule == "mojibake"] == []
    assert "widget-ios" in dataset.products
