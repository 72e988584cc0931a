"""Integration: real strict MkDocs builds of a fixture site, checked in the HTML."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import REPO, SiteResult, run_mkdocs, set_plugin_options
from html_tree import parse
from privacy_pages.cli import main as cli_main
from privacy_pages.render.sanitize import sanitize_html

H2 = re.compile(r"<h2 id=\"([^\"]+)\"")


@pytest.fixture
def built(site_copy: Callable[[str], Path]) -> SiteResult:
    site = site_copy("small")
    result = run_mkdocs(site / "mkdocs.yml")
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
    assert "Last updated: May 1, 2024" in html  # ms.date, as the page writes dates


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
    assert "Widget for Android gives no details of how access to data is protected." in android


def test_workload_table_keeps_values_and_conditions(built: SiteResult) -> None:
    android = built.html("privacy/widget-android.md")
    assert "<th>MAM workload</th>" in android
    assert "Yes (If device is Azure AD joined)" in android
    assert "Only collected when the device is corporate-owned." in android


def test_home_page_lists_products_with_counts(built: SiteResult) -> None:
    from conftest import FIXTURES

    record = yaml.safe_load((FIXTURES / "small/content/products/widget-ios.yml").read_text())

    def count(section: str) -> str:
        """Distinct items; those listed only under a condition counted and labelled."""
        conditional: dict[str, bool] = {}
        for group in record[section]["groups"]:
            for item in group["items"]:
                limited = bool(item.get("condition") or group.get("condition"))
                key = item.get("ref") or item["id"]
                conditional[key] = conditional.get(key, True) and limited
        limited = sum(conditional.values())
        return f"{len(conditional)} ({limited} conditional)" if limited else str(len(conditional))

    required, optional = count("required"), count("optional")
    home = built.html("index.md")
    row = re.search(
        r"<tr>\s*<td><a href=\"privacy/widget-ios/\">Widget for iOS</a></td>(.*?)</tr>", home, re.S
    )
    assert row, home
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(1))
    assert cells[-2:] == [required, optional]


def test_edit_link_points_at_the_yaml_record(site_copy: Callable[[str], Path]) -> None:
    site = site_copy("small")
    config = yaml.safe_load((site / "mkdocs.yml").read_text())
    config.update(repo_url="https://example.com/repo", edit_uri="edit/main/docs/")
    config["theme"]["features"] = ["content.action.edit"]
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config))
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    html = result.html("privacy/widget-ios.md")
    assert 'href="https://example.com/repo/edit/main/content/products/widget-ios.yml"' in html


def test_products_are_added_to_an_explicit_nav(site_copy: Callable[[str], Path]) -> None:
    site = site_copy("small")
    config = yaml.safe_load((site / "mkdocs.yml").read_text())
    config["nav"] = [{"Home": "index.md"}]
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config))
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    primary = parse(result.html("index.md")).find_all("nav", **{"aria-label": "Navigation"})[0]
    sections = {
        " ".join(nav.find_all("label")[0].text().split()): nav
        for nav in primary.find_all("nav")
        if nav.attrs.get("aria-labelledby")
    }
    assert "Privacy statements" in sections, sorted(sections)
    links = [a.attrs.get("href") for a in sections["Privacy statements"].find_all("a")]
    assert "privacy/widget-android/" in links and "privacy/widget-ios/" in links


def test_site_templates_override_packaged_ones(site_copy: Callable[[str], Path]) -> None:
    site = site_copy("small")
    (site / "overrides" / "sections").mkdir(parents=True)
    (site / "overrides" / "sections" / "more-information.md.j2").write_text(
        "Ask the privacy team about {{ product.name }}.\n"
    )
    config = yaml.safe_load((site / "mkdocs.yml").read_text())
    config["plugins"][1]["privacy-pages"]["templates_dir"] = "overrides"
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config))
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    assert "Ask the privacy team about Widget for iOS." in result.html("privacy/widget-ios.md")
    # Android states nothing there, so the page says so instead of rendering the partial.
    android = result.html("privacy/widget-android.md")
    assert "Ask the privacy team" not in android
    assert "Widget for Android has no further privacy documentation." in android


def test_content_is_never_evaluated_as_a_template(site_copy: Callable[[str], Path]) -> None:
    site = site_copy("small")
    product = site / "content" / "products" / "widget-ios.yml"
    text = product.read_text().replace(
        "summary: The Widget app on iPhone and iPad.",
        "summary: 'Costs {{ 7*7 }} {% if true %}x{% endif %}'",
    )
    product.write_text(text)
    result = run_mkdocs(site / "mkdocs.yml")
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
    tmp_path: Path, site_copy: Callable[[str], Path]
) -> None:
    site = site_copy("small")
    with_plugin = run_mkdocs(site / "mkdocs.yml", site_dir=tmp_path / "a")
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
    plain = run_mkdocs(site / "plain.yml", site_dir=tmp_path / "b")
    assert plain.ok, plain.messages
    # The plugin cleans generated HTML with an allowlist (which also normalizes how it is
    # written); compare both builds after the same cleaning.
    for page in ["index.md", *[f"privacy/{pid}.md" for pid in product_ids()]]:
        plugin_html, plain_html = (
            sanitize_html(article(r.html(page))) for r in (with_plugin, plain)
        )
        assert plugin_html == plain_html, page


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

    (tmp_path / "tpl").mkdir()  # a templates folder that does not exist stops the build
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
    plugin.on_serve(server, config=config, builder=None)
    assert str(tmp_path / "content") in server.watched
    assert str(tmp_path / "tpl") in server.watched
    # Without a site templates folder, the packaged templates are watched instead.
    plugin = PrivacyPagesPlugin()
    plugin.load_config({"content_dir": "content"})
    plugin.on_config(config)
    server = Server()
    plugin.on_serve(server, config=config, builder=None)
    assert str(default_templates_dir()) in server.watched


def test_serve_reuses_parsed_content_between_rebuilds_and_a_build_keeps_none(
    site_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    """``mkdocs serve`` announces itself once, then rebuilds with the same plugin object: only
    the files that changed are parsed again. ``mkdocs build`` keeps nothing for a next build."""
    from privacy_pages.mkdocs_plugin.plugin import PrivacyPagesPlugin

    site = site_copy("small")
    first = run_mkdocs(site / "mkdocs.yml", command="serve", site_dir=tmp_path / "out")
    assert first.ok, first.messages
    assert first.config is not None
    plugin = first.config.plugins["privacy-pages"]
    assert isinstance(plugin, PrivacyPagesPlugin)
    assert plugin.serve is not None
    cache = plugin.serve.content
    assert cache.misses == len(cache.entries) > 0
    again = first.rebuild()
    assert again.ok, again.messages
    assert cache.misses == len(cache.entries) and cache.hits == len(cache.entries)
    product = site / "content" / "products" / "widget-ios.yml"
    product.write_text(product.read_text() + "\n# touched\n")
    touched = again.rebuild()
    assert touched.ok, touched.messages
    assert cache.misses == len(cache.entries) + 1
    first.shutdown()

    once = run_mkdocs(site / "mkdocs.yml", site_dir=tmp_path / "once")
    assert once.ok, once.messages
    assert once.config is not None
    plugin = once.config.plugins["privacy-pages"]
    assert isinstance(plugin, PrivacyPagesPlugin) and plugin.serve is None


def test_removed_options_still_build_strictly_with_one_info_message(
    site_copy: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """The build cache and the background build are gone; a site that still sets their options
    builds as before, even with --strict, and is told once which options to remove."""
    site = site_copy("small")
    removed = {"cache": True, "cache_dir": ".cache/privacy-pages", "parallel": False}
    set_plugin_options(site, removed)
    result = run_mkdocs(site / "mkdocs.yml", strict=True)
    assert result.ok, result.messages
    named = [r for r in result.records if all(option in r.getMessage() for option in removed)]
    assert len(named) == 1, [r.getMessage() for r in result.records]
    assert named[0].levelno == logging.INFO
    assert not (site / ".cache").exists()
    # validate says the same, once, and still passes.
    assert cli_main(["validate", "--config", str(site / "mkdocs.yml")]) == 0
    err = capsys.readouterr().err
    assert err.count("no longer do anything") == 1 and all(o in err for o in removed)


def test_every_public_name_resolves_to_its_definition() -> None:
    """The package imports its public names on first use: each one resolves, and is the object
    that its defining module holds under that name."""
    import importlib

    import privacy_pages

    assert privacy_pages.__all__
    for name in privacy_pages.__all__:
        value = getattr(privacy_pages, name)
        module = getattr(value, "__module__", None)
        if module is not None and module.startswith("privacy_pages."):
            assert getattr(importlib.import_module(module), name) is value, name
