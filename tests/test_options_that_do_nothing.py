"""An option that cannot work stops the build, or warns so that ``--strict`` stops it, with a
message that names the folder and the option to set: real MkDocs builds in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from conftest import FIXTURES, SiteResult, run_mkdocs

HOME = "# Home\n\nThe site's own page.\n"


def _site(root: Path, plugin: Any, **config: Any) -> Path:
    """A Material site with a home page and ``plugin`` (the entry under ``plugins:``)."""
    root.mkdir(parents=True)
    docs = root / str(config.get("docs_dir", "docs"))
    docs.mkdir()
    (docs / "index.md").write_text(HOME, "utf-8")
    settings = {"site_name": "Owner's site", "theme": {"name": "material"}, **config}
    settings["plugins"] = ["search", plugin]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, sort_keys=False), "utf-8")
    return root


def _failed(result: SiteResult) -> str:
    """The messages of a build that did not succeed."""
    assert not result.ok, "the build went on"
    return result.messages + str(result.error or "")


def test_a_content_folder_that_is_the_docs_folder_stops_the_build(tmp_path: Path) -> None:
    """A site whose own docs folder is called content/, with the plugin added bare."""
    site = _site(tmp_path / "site", "privacy-pages", docs_dir="content")
    said = _failed(run_mkdocs(site / "mkdocs.yml"))
    assert str((site / "content").resolve()) in said and "content_dir" in said
    assert "docs folder" in said


def test_a_content_folder_elsewhere_builds(tmp_path: Path) -> None:
    """The same site with the records in a folder of their own builds its pages."""
    site = _site(
        tmp_path / "site", {"privacy-pages": {"content_dir": "records"}}, docs_dir="content"
    )
    shutil.copytree(FIXTURES / "small" / "content", site / "records")
    options = yaml.safe_load((FIXTURES / "small" / "mkdocs.yml").read_text("utf-8"))
    small = next(p for p in options["plugins"] if isinstance(p, dict))["privacy-pages"]
    set_options(site, {**small, "content_dir": "records"})
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    assert (result.site_dir / "privacy").is_dir()


def test_a_content_folder_without_records_fails_a_strict_build(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", {"privacy-pages": {"content_dir": "records"}})
    (site / "records").mkdir()
    (site / "records" / "notes.txt").write_text("not a record\n", "utf-8")
    said = _failed(run_mkdocs(site / "mkdocs.yml"))
    assert str((site / "records").resolve()) in said and "content_dir" in said
    assert "no records" in said
    lenient = run_mkdocs(site / "mkdocs.yml", strict=False)
    assert lenient.ok, "a warning: a build that is not strict goes on"
    assert any("no records" in warning for warning in lenient.warnings())


def test_a_content_folder_that_does_not_exist_names_the_option(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", "privacy-pages")
    said = _failed(run_mkdocs(site / "mkdocs.yml"))
    assert "content folder not found" in said and "content_dir" in said


def test_a_templates_or_messages_folder_that_does_not_exist_stops_the_build(
    tmp_path: Path,
) -> None:
    for option in ("templates_dir", "messages_dir"):
        site = _site(tmp_path / option, {"privacy-pages": {option: "mine"}})
        shutil.copytree(FIXTURES / "small" / "content", site / "content")
        said = _failed(run_mkdocs(site / "mkdocs.yml", strict=False))
        assert option in said and str((site / "mine").resolve()) in said


def test_a_nav_title_without_a_nav_fails_a_strict_build(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", {"privacy-pages": {"nav_title": "Privacy"}})
    shutil.copytree(FIXTURES / "small" / "content", site / "content")
    options = yaml.safe_load((FIXTURES / "small" / "mkdocs.yml").read_text("utf-8"))
    small = next(p for p in options["plugins"] if isinstance(p, dict))["privacy-pages"]
    set_options(site, {**small, "nav_title": "Privacy"})
    said = _failed(run_mkdocs(site / "mkdocs.yml"))
    assert "nav_title" in said and "'Privacy'" in said
    config = yaml.safe_load((site / "mkdocs.yml").read_text("utf-8"))
    config["nav"] = ["index.md", {"Privacy": []}]
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages


def set_options(site: Path, options: dict[str, Any]) -> None:
    config_file = site / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    config["plugins"] = ["search", {"privacy-pages": options}]
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
