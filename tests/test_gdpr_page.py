"""What a product page says of the GDPR's elements, built with MkDocs from the example site: the
legal basis beside each purpose, the transfers with storage, and the controller, the data
protection officer and the complaint right under "Your rights", in English and in French (in
the words of the package's catalogs and of the record's translation), with no axe-core
violation at a desktop and a phone width."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from browser import serve
from conftest import REPO, SiteResult, copy_example_site, run_mkdocs
from html_tree import Node, parse
from playwright.sync_api import Browser
from privacy_pages.messages import messages_for
from privacy_pages.model import gdpr
from test_accessibility import AXE_OPTIONS, VIEWPORTS, describe, open_offline

PRODUCT = "contoso-timesheets"
RECORD = yaml.safe_load((REPO / f"content/products/{PRODUCT}.yml").read_text("utf-8"))
FRENCH = yaml.safe_load(
    (REPO / f"content/translations/fr/products/{PRODUCT}.yml").read_text("utf-8")
)
PAGES = {"en": f"privacy/{PRODUCT}/", "fr": f"fr/privacy/{PRODUCT}/"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    result = run_mkdocs(copy_example_site(tmp_path_factory.mktemp("gdpr")) / "mkdocs.yml")
    assert result.ok, f"{result.error}\n{result.messages}"
    return result


def article(site: SiteResult, language: str) -> Node:
    html = (site.site_dir / PAGES[language] / "index.html").read_text("utf-8")
    [found] = parse(html).find_all("article")
    return found


def said(language: str, path: str) -> str:
    """A text of the record as the page in ``language`` shows it."""
    if language == "fr":
        return str(FRENCH[path]["text"])
    node: object = RECORD
    for step in path.replace("]", "").replace("[", ".").split("."):
        node = node[int(step)] if isinstance(node, list) else node[step]  # type: ignore[index]
    return str(node)


def plain(node: Node) -> str:
    return " ".join(node.text().split())


def section(page: Node, heading: str) -> str:
    """The text of the page from a heading to the next heading of its level or above."""
    text, inside, level = [], False, 0
    for node in page.iter():
        if node.tag in {"h2", "h3"}:
            if inside and int(node.tag[1]) <= level:
                break
            if plain(node).rstrip("¶ ").strip() == heading:
                inside, level = True, int(node.tag[1])
        elif inside and node.tag in {"p", "li", "td", "th"}:
            text.append(plain(node))
    assert inside, f"no heading {heading!r}"
    return " ".join(text)


@pytest.mark.parametrize("language", PAGES)
def test_each_purpose_shows_its_legal_basis(site: SiteResult, language: str) -> None:
    words = messages_for(language)
    page = article(site, language)
    rows = {}
    for row in page.find_all("tr"):
        cells = [plain(cell) for cell in row.find_all("td")]
        if len(cells) == 3:
            rows[cells[1]] = cells[2]
    uses = RECORD["data_use"]["uses"]
    assert len(rows) == len(uses)
    for index, use in enumerate(uses):
        basis = rows[said(language, f"data_use.uses[{index}].use")]
        label = words.gettext(gdpr.LEGAL_BASES[use["legal_basis"]])
        assert basis.startswith(label)
        if language == "fr":
            assert label != gdpr.LEGAL_BASES[use["legal_basis"]]  # in French, not English
        if "legitimate_interest" in use:
            assert said(language, f"data_use.uses[{index}].legitimate_interest") in basis
        if "special_category_condition" in use:
            condition = gdpr.SPECIAL_CATEGORY_CONDITIONS[use["special_category_condition"]]
            assert words.gettext(condition) in basis


@pytest.mark.parametrize("language", PAGES)
def test_your_rights_names_the_controller_the_officer_and_the_complaint_right(
    site: SiteResult, language: str
) -> None:
    words = messages_for(language)
    page = article(site, language)
    rights = section(page, words.gettext("Your rights"))
    for path in (
        "controller.name",
        "controller.address",
        "controller.dpo.name",
        "rights.complaint",
    ):
        expected = said(language, path)
        expected = expected.split("[")[0].strip()  # up to a link's text
        assert expected in rights, path
    assert " ".join(words.gettext("Data protection officer:").split()) in rights
    controller = RECORD["controller"]
    for address in ("privacy@timesheets.contoso.example", "dpo@contoso.example"):
        links = [a for a in page.find_all("a") if a.attrs.get("href") == f"mailto:{address}"]
        assert links, address
    assert controller["dpo"]["contact"]


@pytest.mark.parametrize("language", PAGES)
def test_transfers_are_shown_with_storage(site: SiteResult, language: str) -> None:
    words = messages_for(language)
    page = article(site, language)
    storage = section(page, words.gettext("Storage and retention"))
    transfers = RECORD["storage"]["transfers"]
    assert said(language, "storage.transfers.intro") in storage
    for index, destination in enumerate(transfers["destinations"]):
        assert said(language, f"storage.transfers.destinations[{index}].to") in storage
        assert words.gettext(gdpr.SAFEGUARDS[destination["safeguard"]]) in storage


@pytest.mark.parametrize("language", PAGES)
def test_automated_decisions_and_sources_in_the_products_voice(
    site: SiteResult, language: str
) -> None:
    words = messages_for(language)
    uses = section(article(site, language), words.gettext("How data is used"))
    none = words.gettext("%(product)s makes no decisions about you by automated means alone.") % {
        "product": RECORD["name"]
    }
    assert none in uses
    assert said(language, "data_sources.sources[0].source") in uses


@pytest.fixture(scope="module")
def base_url(site: SiteResult) -> Iterator[str]:
    with serve(site.site_dir) as base:
        yield base


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_finds_no_violations_on_the_complete_product(
    base_url: str, chromium: Browser, viewport: str
) -> None:
    failures = []
    for path in PAGES.values():
        page = open_offline(chromium, base_url + path, VIEWPORTS[viewport])
        try:
            results = Axe().run(page, options=AXE_OPTIONS).response
        finally:
            page.context.close()
        failures += [
            describe(path, viewport, violation, node)
            for violation in results["violations"]
            for node in violation["nodes"]
        ]
    assert failures == []


def test_a_site_controller_stands_for_a_product_without_its_own(tmp_path: Path) -> None:
    """(The example site names none: its Microsoft statements do not say who theirs is.)"""
    target = copy_example_site(tmp_path / "site")
    config_file = target / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "privacy-pages" in plugin:
            plugin["privacy-pages"]["controller"] = {
                "name": "Fabrikam Site Owner Ltd.",
                "contact": "[owner@fabrikam.example](mailto:owner@fabrikam.example)",
            }
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    result = run_mkdocs(config_file)
    assert result.ok, f"{result.error}\n{result.messages}"
    intune = (result.site_dir / "privacy/intune/index.html").read_text("utf-8")
    own = (result.site_dir / f"privacy/{PRODUCT}/index.html").read_text("utf-8")
    assert "Fabrikam Site Owner Ltd." in intune
    assert "Fabrikam Site Owner Ltd." not in own and RECORD["controller"]["name"] in own
