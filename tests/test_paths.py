"""Paths: ids that become file names, case collisions, symbolic links, page collisions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES
from privacy_pages.check.coverage import check_page_paths
from privacy_pages.diagnostics import Diagnostic
from privacy_pages.load.content import load_content
from privacy_pages.model import Dataset
from privacy_pages.render.generated import GeneratedPage, PlannedPage
from privacy_pages.render.paths import page_url

PRODUCT = """\
id: {id}
name: Path case
summary: A product whose id or file name is the test.
metadata: {{title: Path case, description: Paths.}}
required:
  groups:
    - category: device
      items:
        - ref: device-identifier
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "small" / "content", target)
    return target


def errors(content: Path) -> list[Diagnostic]:
    _, problems = load_content(content)
    return problems.errors


@pytest.mark.parametrize(
    "product_id",
    ["'../../x'", "/etc/passwd", "'C:\\\\x'", "Widget", "a/b", "'a b'", "'x.md'", "-x", "'.'"],
)
def test_ids_that_are_not_safe_file_names_are_refused(content: Path, product_id: str) -> None:
    (content / "products" / "case.yml").write_text(PRODUCT.format(id=product_id), "utf-8")
    [error] = [e for e in errors(content) if e.location.path.endswith("case.yml")]
    assert error.key_path == "id"
    assert str(error.location).endswith("case.yml:1:5")
    assert "expected an id (lowercase letters, digits and hyphens" in error.message


@pytest.mark.parametrize("product_id", ["con", "nul", "com1", "lpt9", "index", "data-items"])
def test_reserved_names_are_refused(content: Path, product_id: str) -> None:
    (content / "products" / "case.yml").write_text(PRODUCT.format(id=product_id), "utf-8")
    [error] = [e for e in errors(content) if e.location.path.endswith("case.yml")]
    assert error.rule == "path"
    assert f"reserved name {product_id!r}" in error.message


def test_an_id_may_differ_from_its_file_name(content: Path) -> None:
    (content / "products" / "some-file.yml").write_text(PRODUCT.format(id="another-id"), "utf-8")
    dataset, problems = load_content(content)
    assert not problems.errors
    assert dataset.products["another-id"].file.name == "some-file.yml"


def test_file_names_that_differ_only_in_case_are_refused(content: Path) -> None:
    (content / "products" / "Widget-IOS.yml").write_text(PRODUCT.format(id="other"), "utf-8")
    found = [e for e in errors(content) if e.rule == "path"]
    assert len(found) == 1
    assert found[0].location.path.endswith("widget-ios.yml")
    assert "differs from 'Widget-IOS.yml' only in letter case" in found[0].message


def test_upper_case_suffixes_are_read_not_skipped(content: Path) -> None:
    (content / "products" / "loud.YML").write_text(PRODUCT.format(id="loud"), "utf-8")
    dataset, problems = load_content(content)
    assert not problems.errors
    assert "loud" in dataset.products


def test_a_file_link_out_of_content_is_refused(content: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.yml"
    outside.write_text(PRODUCT.format(id="secret"), "utf-8")
    (content / "products" / "secret.yml").symlink_to(outside)
    dataset, problems = load_content(content)
    [error] = [e for e in problems.errors if e.rule == "path"]
    assert error.location.path.endswith("products/secret.yml")
    assert "leads outside the content folder" in error.message
    assert "secret" not in dataset.products


def test_a_folder_link_out_of_content_is_refused(content: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "x.yml").write_text(PRODUCT.format(id="x"), "utf-8")
    (content / "products" / "more").symlink_to(outside, target_is_directory=True)
    [error] = [e for e in errors(content) if e.rule == "path"]
    assert error.location.path.endswith("products/more")
    assert "leads outside the content folder" in error.message


def test_a_folder_link_inside_content_is_reported_not_silently_skipped(content: Path) -> None:
    shutil.move(content / "catalog", content / "real-catalog")
    (content / "catalog").symlink_to(content / "real-catalog", target_is_directory=True)
    found = errors(content)
    assert any(e.rule == "path" and e.location.path.endswith("content/catalog") for e in found), [
        str(e) for e in found
    ]


def test_a_file_link_inside_content_is_read(content: Path) -> None:
    (content / "products" / "alias.yml").symlink_to(content / "products" / "widget-ios.yml")
    found = errors(content)
    # Read twice: the same product id in two files is the error, naming both.
    assert [e.rule for e in found] == ["duplicate-id"]


def page(path: str, title: str, product_id: str | None = None) -> GeneratedPage:
    return GeneratedPage(path=path, markdown="", title=title, product_id=product_id)


def test_two_pages_at_one_path_are_an_error() -> None:
    pages = [page("privacy/a.md", "A", "a"), page("privacy/a.md", "Comparison")]
    [error] = check_page_paths(Dataset(), pages)
    assert error.rule == "page-collision"
    assert "privacy/a.md (Comparison) and privacy/a.md (A) have the same path" in error.message


def test_pages_whose_paths_differ_only_in_case_are_an_error() -> None:
    pages = [page("privacy/compare/x.md", "X"), page("privacy/Compare/x.md", "Y")]
    [error] = check_page_paths(Dataset(), pages)
    assert "differs only in case" in error.message


def test_the_build_checks_page_paths_and_names_the_record(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No id can reach a generated page's path today (reserved names); the check stays."""
    from privacy_pages import pipeline as site_module
    from privacy_pages.settings import settings_from_mkdocs

    plan = site_module.plan_pages

    def plan_twice(*args: object, **kwargs: object) -> list[PlannedPage]:
        pages = plan(*args, **kwargs)
        return [*pages, pages[0]]

    # Paths are checked on the plan, before any page is rendered.
    monkeypatch.setattr(site_module, "plan_pages", plan_twice)
    build = site_module.build_site(settings_from_mkdocs(FIXTURES / "small" / "mkdocs.yml"))
    assert build.pages == []
    [collision] = [p for p in build.problems.errors if p.rule == "page-collision"]
    assert str(collision.location).endswith("widget-android.yml:1:1")


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize(
    "path", ["index.md", "privacy/index.md", "privacy/a.md", "privacy/compare/x-y.md", "what.md"]
)
def test_page_urls_are_the_ones_mkdocs_gives(path: str, directory_urls: bool) -> None:
    """Links in raw HTML are written as final URLs: they must be MkDocs' own."""
    from mkdocs.structure.files import File

    expected = File(path, "docs", "site", use_directory_urls=directory_urls).url
    assert page_url(path, directory_urls) == ("" if expected == "./" else expected)
