"""A template that fails (an undefined name, a missing value) names the record and the line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, run_mkdocs

CLI = "from privacy_pages.cli import main; raise SystemExit(main())"
PACKAGED = Path(__file__).resolve().parents[1] / "templates"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    target = tmp_path / "site"
    shutil.copytree(FIXTURES / "small", target)
    config = target / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "  - privacy-pages:\n", "  - privacy-pages:\n      templates_dir: overrides\n"
        ),
        "utf-8",
    )
    (target / "overrides" / "sections").mkdir(parents=True)
    return target


def break_template(site: Path, template: str, old: str, new: str) -> int:
    """Override a packaged template with one broken line; return that line's number."""
    text = (PACKAGED / template).read_text("utf-8")
    assert old in text
    broken = text.replace(old, new, 1)
    (site / "overrides" / template).write_text(broken, "utf-8")
    return broken[: broken.index(new)].count("\n") + 1


@pytest.mark.parametrize(
    ("new", "error", "record"),
    [
        ("{{ product.no_such_field }}", "UndefinedError", "widget-android.yml:1:1"),
        (
            "{{ product.family if product.id == 'widget-android' else none }}",
            "ValueError: a template printed a missing value",
            "widget-ios.yml:1:1",
        ),
    ],
    ids=["undefined-name", "missing-value"],
)
def test_a_failing_template_names_the_product_and_the_template_line(
    site: Path, new: str, error: str, record: str
) -> None:
    line = break_template(
        site, "sections/overview.md.j2", "{% if product.intro %}", new + "\n{% if product.intro %}"
    )
    result = run_mkdocs(site / "mkdocs.yml", strict=True)
    assert not result.ok
    assert "Traceback" not in result.messages
    assert "error render-failed" in result.messages
    assert record in result.messages
    assert f"overview.md.j2:{line}" in result.messages
    assert error in result.messages

    done = subprocess.run(
        [sys.executable, "-c", CLI, "render", "--config", str(site / "mkdocs.yml"), "--out", "out"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=site,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"{record}: error render-failed" in done.stderr


def test_a_bug_while_reading_a_record_names_the_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from privacy_pages.load import content as content_module

    def broken(builder: object, data: object, file: Path) -> None:
        raise KeyError("applies")

    monkeypatch.setattr(content_module, "read_product", broken)
    _, problems = content_module.load_content(FIXTURES / "small" / "content")
    found = [p for p in problems.errors if p.rule == "internal-error"]
    assert sorted(p.location.path.rsplit("/", 1)[-1] for p in found) == [
        "widget-android.yml",
        "widget-ios.yml",
    ]
    assert "KeyError" in found[0].message and "please report it" in found[0].message


def test_an_unexpected_failure_stops_the_build_with_a_message_not_a_traceback(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from privacy_pages.mkdocs_plugin import site_build as plugin

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(plugin, "build_site", broken)
    result = run_mkdocs(site / "mkdocs.yml", strict=True)
    assert not result.ok
    assert "internal error" in result.messages and "disk on fire" in result.messages
    assert "Traceback" not in result.messages
