"""``privacy-pages render`` (the Zensical path) writes each language's versions of a statement
under that language's folder, as mkdocs-static-i18n's build of that language has them: a
release's version in the translations it kept, in that language's words around it, and the
language's product page links there, saying "(en anglais)" only where the release kept none.

Each test renders a scratch copy of the example site (English, and French through
mkdocs-static-i18n) after recording releases with the real ``privacy-pages snapshot`` command.
Expected texts come from the records, the translation files and the message catalogs, never
from the output.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from conftest import copy_example_site
from privacy_pages.messages import SOURCE_LANGUAGE, messages_for
from test_version_languages import FRENCH, PRODUCT, intro, next_release
from test_versions import cli, record_release

FR = messages_for("fr")
#: The French words around the statement: section headings from the French catalog.
FRENCH_HEADINGS = [FR.gettext("Required data"), FR.gettext("Change history")]
IN_ENGLISH = FR.gettext("(in %(language)s)", language=FR.language_called(SOURCE_LANGUAGE))


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_example_site(tmp_path / "site")


def render(site: Path) -> Path:
    out = site / "build" / "docs"
    code, said = cli(
        "render", "--config", site / "mkdocs.yml", "--out", out, "--host", "zensical"
    )  # fmt: skip
    assert code == 0, said
    return out


def version_links(out: Path, page: str) -> dict[str, str]:
    """The links of a page to versions' pages: the path each leads to (resolved from the
    page's own, in the docs folder) → its words."""
    text = (out / page).read_text("utf-8")
    found = {}
    for label, href in re.findall(r"\[([^\]]*)\]\(([^)#]*releases/[^)#]*\.md)[^)]*\)", text):
        found[posixpath.normpath(posixpath.join(posixpath.dirname(page), href))] = label
    return found


def test_render_writes_a_french_version_page_in_french_and_the_french_page_links_it(
    site: Path,
) -> None:
    english, french = intro(site)
    record_release(site, "1.1.0")
    next_release(site)  # 1.2.0: 1.1.0 gets a page of its own
    out = render(site)
    version = f"fr/privacy/{PRODUCT}/releases/1.1.0.md"
    assert (out / version).is_file(), sorted(
        p.relative_to(out).as_posix() for p in (out / "fr").rglob("*releases*")
    )
    page = (out / version).read_text("utf-8")
    # In French: the catalog's headings, the statement as the release kept its translation.
    for heading in FRENCH_HEADINGS:
        assert heading in page
    assert french in " ".join(page.split()) and english not in page
    # The English page of the same version is where it always was, in English.
    english_page = (out / f"privacy/{PRODUCT}/releases/1.1.0.md").read_text("utf-8")
    assert english in " ".join(english_page.split()) and FRENCH_HEADINGS[1] not in english_page
    # The French product page links to the French versions' pages: without "(en anglais)" to
    # 1.1.0, whose release kept the French translation; with it to the example's first
    # release, recorded before releases kept translations (its French page shows English).
    links = version_links(out, f"fr/privacy/{PRODUCT}.md")
    read = FR.gettext("Read this version")
    assert links.pop(f"fr/privacy/{PRODUCT}/releases/1.1.0.md") == read
    assert links and all(
        target.startswith(f"fr/privacy/{PRODUCT}/releases/") and label == f"{read} {IN_ENGLISH}"
        for target, label in links.items()
    ), links
    # The comparisons of versions are in French too.
    compared = sorted((out / f"fr/privacy/{PRODUCT}/compare").glob("*.md"))
    assert compared and all(
        (out / f"privacy/{PRODUCT}/compare" / p.name).is_file() for p in compared
    )
    # Every link of a French version page to a page of the statement stays in French.
    for target in version_links(out, version):
        assert target.startswith("fr/"), target


def test_a_version_whose_release_kept_no_french_is_linked_with_in_english(site: Path) -> None:
    english, french = intro(site)
    translation = site / FRENCH
    kept = translation.read_text("utf-8")
    translation.unlink()
    record_release(site, "1.1.0")  # released without the statement's French translation
    translation.write_text(kept, "utf-8")
    next_release(site)
    out = render(site)
    page = (out / f"fr/privacy/{PRODUCT}/releases/1.1.0.md").read_text("utf-8")
    # The French interface around the English text the release kept.
    assert FRENCH_HEADINGS[1] in page and english in " ".join(page.split())
    assert french not in " ".join(page.split())
    links = version_links(out, f"fr/privacy/{PRODUCT}.md")
    label = f"{FR.gettext('Read this version')} {IN_ENGLISH}"
    assert links[f"fr/privacy/{PRODUCT}/releases/1.1.0.md"] == label
    assert all(target.startswith("fr/") for target in links), links
    # The English product page says nothing of the kind.
    assert "(in " not in "".join(version_links(out, f"privacy/{PRODUCT}.md").values())
