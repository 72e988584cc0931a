"""The importer stays smaller than it was when issue 35 asked for maintained parsers (8,636
lines): new readers replace code rather than add to it."""

from pathlib import Path

IMPORTER = Path(__file__).resolve().parents[1] / "plugins" / "privacy_pages" / "importer"
#: The importer's size before maintained parsers replaced hand-written ones.
BEFORE = 8636


def test_the_importer_is_smaller_than_before() -> None:
    modules = sorted(IMPORTER.rglob("*.py"))
    lines = sum(len(path.read_text(encoding="utf-8").splitlines()) for path in modules)
    assert modules, f"no modules under {IMPORTER}"
    assert lines < BEFORE, f"importer/ has {lines} lines, not fewer than {BEFORE}"
