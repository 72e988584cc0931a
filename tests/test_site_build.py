"""Integration: real strict MkDocs builds of a fixture site, checked in the HTML."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import REPO, SiteResult
from privacy_pages.cli import main as cli_main

H2 = re.compile(r"<h2 id=\"([^\"]+)\"")


@pytest.fixture
def built(site_copy: Callable[[str], Path], mkdocs_build: Callable[..., SiteResult]) -> SiteResult:
    site = site_copy("small")
    result = mkdocs_build(site / "mkdocs.yml")
    assert result.ok, result.messages
    return result


def product_ids() -> list[str]:
    from conftest import FIXTURES

    return sorted(p.stem for p in (FIXTURES / "small" / "content" / "products").glob("*.yml"))


def test_every_product_page_has_the_same_h2_skeleton(built: SiteResult) -> None:
    skeletons = {pid: H2.findall(built.html(f"privacy/{pid}.md")) for pid in product_ids()}
    first = next(iter(skeletons.values()))
    assert len(first) >= 8
    assert all(s == first for s in skeletons.values()), skeletons


def test_head_carries_the_normalized_metadata(built: SiteResult) -> None:
    html = built.html("privacy/widget-ios.md")
    assert "<title>Privacy information - Widget for iOS - Widget privacy</title>" in html
    assert '<meta name="description" content="What Widget for iOS collects.">' in html
    # A comma-separated string became a list, written back as one keywords tag.
    assert '<meta name="keywords" content="widget, ios, privacy">' in html
    assert '<meta name="ms.collection" content="widget-security">' in html
    assert '<meta name="product_id" content="widget-ios">' in html
    assert "Last updated: 2024-05-01" in html


def test_items_have_stable_anchors(built: SiteResult) -> None:
    html = built.html("privacy/widget-ios.md")
    for anchor in (
        "device-identifier",
        "azure-ad-device-id",
        "crash-logs",
        "memory-usage",
        "feedback-email",
    ):
        assert html.count(f'id="{anchor}"') == 1, anchor


def test_empty_sections_are_stated_never_left_out(built: SiteResult) -> None:
    android = built.html("privacy/widget-android.md")
    assert "Widget for Android collects no optional data." in android
    assert "does not describe how access to data is protected" in android


def test_workload_table_keeps_values_and_conditions(built: SiteResult) -> None:
    android = built.html("privacy/widget-android.md")
    assert "<th>MAM workload</th>" in android
    assert "Yes (If device is Azure AD joined)" in android
    assert "Only collected when the device is corporate-owned." in android


def test_home_page_lists_products_with_counts(built: SiteResult) -> None:
    from conftest import FIXTURES

    record = yaml.safe_load((FIXTURES / "small/content/products/widget-ios.yml").read_text())
    required = sum(len(g["items"]) for g in record["required"]["groups"])
    optional = sum(len(g["items"]) for g in record["optional"]["groups"])
    home = built.html("index.md")
    row = re.search(
        r"<tr>\s*<td><a href=\"privacy/widget-ios/\">Widget for iOS</a></td>(.*?)</tr>", home, re.S
    )
    assert row, home
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(1))
    assert cells[-2:] == [str(required), str(optional)]


def test_edit_link_points_at_the_yaml_record(
    site_copy: Callable[[str], Path], mkdocs_build: Callable[..., SiteResult]
) -> None:
    site = site_copy("small")
    config = yaml.safe_load((site / "mkdocs.yml").read_text())
    config.update(repo_url="https://example.com/repo", edit_uri="edit/main/docs/")
    config["theme"]["features"] = ["content.action.edit"]
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config))
    result = mkdocs_build(site / "mkdocs.yml")
    assert result.ok, result.messages
    html = result.html("privacy/widget-ios.md")
    assert 'href="https://example.com/repo/edit/main/content/products/widget-ios.yml"' in html


def test_products_are_added_to_an_explicit_nav(
    site_copy: Callable[[str], Path], mkdocs_build: Callable[..., SiteResult]
) -> None:
    site = site_copy("small")
    config = yaml.safe_load((site / "mkdocs.yml").read_text())
    config["nav"] = [{"Home": "index.md"}]
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config))
    result = mkdocs_build(site / "mkdocs.yml")
    assert result.ok, result.messages
    home = result.html("index.md")
    assert re.search(r'class="md-nav__link"[^>]*href="privacy/widget-android/"', home) or (
        'href="privacy/widget-android/"' in home and "Privacy statements" in home
    )


def test_site_templates_override_packaged_ones(
    site_copy: Callable[[str], Path], mkdocs_build: Callable[..., SiteResult]
) -> None:
    site = site_copy("small")
    (site / "overrides" / "sections").mkdir(parents=True)
    (site / "overrides" / "sections" / "more-information.md.j2").write_text(
        "Ask the privacy team about {{ product.name }}.\n"
    )
    config = yaml.safe_load((site / "mkdocs.yml").read_text())
    config["plugins"][1]["privacy-pages"]["templates_dir"] = "overrides"
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config))
    result = mkdocs_build(site / "mkdocs.yml")
    assert result.ok, result.messages
    assert "Ask the privacy team about Widget for iOS." in result.html("privacy/widget-ios.md")
    # Android states nothing there, so the page says so instead of rendering the partial.
    android = result.html("privacy/widget-android.md")
    assert "Ask the privacy team" not in android
    assert "lists no further reading" in android


def test_content_is_never_evaluated_as_a_template(
    site_copy: Callable[[str], Path], mkdocs_build: Callable[..., SiteResult]
) -> None:
    site = site_copy("small")
    product = site / "content" / "products" / "widget-ios.yml"
    text = product.read_text().replace(
        "summary: The Widget app on iPhone and iPad.",
        "summary: 'Costs {{ 7*7 }} {% if true %}x{% endif %}'",
    )
    product.write_text(text)
    result = mkdocs_build(site / "mkdocs.yml")
    assert result.ok, result.messages
    home = result.html("index.md")
    assert "Costs {{ 7*7 }} {% if true %}x{% endif %}" in home.replace("&#123;", "{").replace(
        "&#125;", "}"
    )
    assert "Costs 49" not in home


def article(html: str) -> str:
    match = re.search(r"<article[^>]*>(.*)</article>", html, re.S)
    assert match
    body = re.sub(r'<a href="[^"]*" title="Edit this page".*?</a>', "", match.group(1), flags=re.S)
    return body


def test_cli_render_writes_the_pages_the_plugin_builds(
    tmp_path: Path, site_copy: Callable[[str], Path], mkdocs_build: Callable[..., SiteResult]
) -> None:
    site = site_copy("small")
    with_plugin = mkdocs_build(site / "mkdocs.yml", site_dir=tmp_path / "a")
    assert with_plugin.ok, with_plugin.messages
    # Render with the CLI into a plain docs folder and build it with the plugin turned off.
    out = tmp_path / "rendered"
    assert (
        cli_main(
            [
                "render",
                "--config",
                str(site / "mkdocs.yml"),
                "--out",
                str(out),
                "--docs",
                str(site / "docs"),
            ]
        )
        == 0
    )
    config = yaml.safe_load((site / "mkdocs.yml").read_text())
    config["plugins"][1]["privacy-pages"]["enabled"] = False
    config["docs_dir"] = str(out)
    config["markdown_extensions"] = ["admonition"]
    (site / "plain.yml").write_text(yaml.safe_dump(config))
    plain = mkdocs_build(site / "plain.yml", site_dir=tmp_path / "b")
    assert plain.ok, plain.messages
    for page in ["index.md", *[f"privacy/{pid}.md" for pid in product_ids()]]:
        assert article(with_plugin.html(page)) == article(plain.html(page)), page


def test_core_imports_nothing_from_mkdocs() -> None:
    code = (
        "import sys, privacy_pages, privacy_pages.cli, privacy_pages.pipeline;"
        "bad = sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.'));"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stdout + done.stderr


def test_serve_watches_content_and_templates(tmp_path: Path) -> None:
    from mkdocs.config.defaults import MkDocsConfig
    from privacy_pages.mkdocs_plugin.plugin import PrivacyPagesPlugin
    from privacy_pages.render.templates import default_templates_dir

    plugin = PrivacyPagesPlugin()
    plugin.load_config({"content_dir": "content", "templates_dir": "tpl"})
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path)})
    config.validate()
    plugin.on_config(config)

    class Server:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = Server()
    plugin.on_serve(server, config=config, builder=None)  # type: ignore[arg-type]
    assert str(tmp_path / "content") in server.watched
    assert str(tmp_path / "tpl") in server.watched
    # Without a site templates folder, the packaged templates are watched instead.
    plugin = PrivacyPagesPlugin()
    plugin.load_config({"content_dir": "content"})
    plugin.on_config(config)
    server = Server()
    plugin.on_serve(server, config=config, builder=None)  # type: ignore[arg-type]
    assert str(default_templates_dir()) in server.watched


def test_serve_reuses_parsed_content_between_rebuilds_and_a_build_keeps_none(
    site_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    """``mkdocs serve`` announces itself once, then rebuilds with the same plugin object: only
    the files that changed are parsed again. ``mkdocs build`` keeps nothing for a next build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from privacy_pages.mkdocs_plugin.plugin import PrivacyPagesPlugin

    site = site_copy("small")
    config = load_config(str(site / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    plugin = config.plugins["privacy-pages"]
    assert isinstance(plugin, PrivacyPagesPlugin)
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    cache = plugin.cache
    assert cache is not None and cache.misses == len(cache.entries) > 0
    build(config)
    assert cache.misses == len(cache.entries) and cache.hits == len(cache.entries)
    product = site / "content" / "products" / "widget-ios.yml"
    product.write_text(product.read_text() + "\n# touched\n")
    build(config)
    assert cache.misses == len(cache.entries) + 1
    config.plugins.on_shutdown()

    config = load_config(str(site / "mkdocs.yml"), site_dir=str(tmp_path / "once"))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    assert config.plugins["privacy-pages"].cache is None  # type: ignore[attr-defined]
