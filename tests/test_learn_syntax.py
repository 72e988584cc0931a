"""Tests for the Microsoft Learn (DocFX) syntax Markdown extension."""

from __future__ import annotations

import logging
import re
import struct
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import markdown
import pytest
from conftest import run_mkdocs
from privacy_pages.learn_syntax import (
    LOGGER_NAME,
    LearnSyntaxExtension,
    get_current_page,
    makeExtension,
    page_context,
    set_current_page,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
SITE_SRC = REPO_ROOT / "site-src"
GUIDE = SITE_SRC / "guides" / "mam-deployment.md"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _no_page_context() -> Iterator[None]:
    set_current_page(None, None)
    yield
    set_current_page(None, None)


@pytest.fixture
def learn_log(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> pytest.LogCaptureFixture:
    """caplog that also sees records if the mkdocs CLI disabled propagation."""
    monkeypatch.setattr(logging.getLogger("mkdocs"), "propagate", True)
    caplog.set_level(logging.DEBUG, logger=LOGGER_NAME)
    return caplog


def warnings_from(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == LOGGER_NAME and record.levelno == logging.WARNING
    ]


def render(
    text: str,
    base_dir: Path,
    fences: str = "fenced_code",
    **config: Any,
) -> str:
    extensions: list[Any] = [fences, LearnSyntaxExtension(base_dir=str(base_dir), **config)]
    return markdown.markdown(textwrap.dedent(text), extensions=extensions)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def touch_png(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(PNG_SIGNATURE)
    return path


# --------------------------------------------------------------------------
# alerts
# --------------------------------------------------------------------------

ALERTS = [
    ("NOTE", "note", "Note"),
    ("TIP", "tip", "Tip"),
    ("IMPORTANT", "info", "Important"),
    ("CAUTION", "danger", "Caution"),
    ("WARNING", "warning", "Warning"),
    ("note", "note", "Note"),
    ("Warning", "warning", "Warning"),
]


@pytest.mark.parametrize(("marker", "css_class", "title"), ALERTS)
def test_alert_becomes_admonition(tmp_path: Path, marker: str, css_class: str, title: str) -> None:
    html = render(
        f"""\
        > [!{marker}]
        > Read the **privacy notice** at [our site](https://example.com/privacy).
        >
        > - first item
        > - second item
        """,
        tmp_path,
    )
    assert f'<div class="admonition {css_class}">' in html
    assert f'<p class="admonition-title">{title}</p>' in html
    assert "<strong>privacy notice</strong>" in html
    assert '<a href="https://example.com/privacy">our site</a>' in html
    assert "<li>first item</li>" in html
    assert "[!" not in html
    assert "<blockquote>" not in html


def test_alert_body_is_inside_the_admonition(tmp_path: Path) -> None:
    html = render("> [!TIP]\n> Inner text.\n\nOutside text.\n", tmp_path)
    match = re.search(r'<div class="admonition tip">(.*?)</div>', html, re.S)
    assert match is not None
    assert "Inner text." in match.group(1)
    assert "Outside text." not in match.group(1)
    assert "<p>Outside text.</p>" in html


def test_plain_blockquote_is_untouched(tmp_path: Path) -> None:
    html = render("> Just a **quote**.\n", tmp_path)
    assert html == "<blockquote>\n<p>Just a <strong>quote</strong>.</p>\n</blockquote>"


def test_alert_after_plain_quote_stays_separate(tmp_path: Path) -> None:
    html = render("> A plain quote.\n\n> [!CAUTION]\n> Careful.\n", tmp_path)
    assert "<blockquote>\n<p>A plain quote.</p>\n</blockquote>" in html
    assert '<div class="admonition danger">' in html
    assert "Careful." not in html.split('<div class="admonition danger">')[0]


def test_alert_inside_list_item(tmp_path: Path) -> None:
    html = render("1. Step one\n\n    > [!NOTE]\n    > Nested note.\n", tmp_path)
    assert re.search(r'<li>.*<div class="admonition note">.*Nested note.*</li>', html, re.S)


# --------------------------------------------------------------------------
# images
# --------------------------------------------------------------------------


def test_image_found(tmp_path: Path, learn_log: pytest.LogCaptureFixture) -> None:
    touch_png(tmp_path / "img" / "x.png")
    touch_png(tmp_path / "img" / "y.png")
    html = render(
        """\
        :::image type="content" source="img/x.png" alt-text="Some text" lightbox="img/y.png":::
        """,
        tmp_path,
    )
    assert '<figure class="learn-image">' in html
    assert '<a href="img/y.png"><img' in html
    img = re.search(r"<img [^>]*>", html)
    assert img is not None
    assert 'src="img/x.png"' in img.group(0)
    assert 'alt="Some text"' in img.group(0)
    assert 'loading="lazy"' in img.group(0)
    assert "<figcaption>Some text</figcaption>" in html
    assert ":::" not in html
    assert warnings_from(learn_log) == []


def test_image_attributes_in_any_order_and_without_lightbox(tmp_path: Path) -> None:
    touch_png(tmp_path / "a.png")
    html = render(
        """\
        :::image alt-text='Alt' source='a.png' type="content":::
        """,
        tmp_path,
    )
    assert 'src="a.png"' in html
    assert "<a " not in html
    assert "<figcaption>Alt</figcaption>" in html


def test_image_missing_warns_and_shows_alt_text(
    tmp_path: Path, learn_log: pytest.LogCaptureFixture
) -> None:
    page = write(
        tmp_path / "guides" / "page.md",
        """\
        Intro.

        :::image type="content" source="images/nope.png" alt-text="The connector settings":::
        """,
    )
    with page_context(page, tmp_path):
        html = markdown.markdown(page.read_text(), extensions=[LearnSyntaxExtension()])
    assert '<figure class="learn-image learn-image--missing">' in html
    assert "<figcaption>The connector settings</figcaption>" in html
    assert "<img" not in html
    messages = warnings_from(learn_log)
    assert len(messages) == 1
    assert "images/nope.png" in messages[0]
    assert "guides/page.md" in messages[0]


def test_image_in_list_items_with_up_to_five_spaces(tmp_path: Path) -> None:
    touch_png(tmp_path / "a.png")
    touch_png(tmp_path / "b.png")
    html = render(
        """\
        1. First step.
           :::image type="content" source="a.png" alt-text="First":::

        2. Second step.

             :::image type="content" source="b.png" alt-text="Second":::
        """,
        tmp_path,
    )
    items = re.findall(r"<li>(.*?)</li>", html, re.S)
    assert len(items) == 2
    assert 'src="a.png"' in items[0]
    assert "First step." in items[0]
    assert 'src="b.png"' in items[1]
    assert "<pre>" not in html


def test_image_indented_four_spaces_is_not_a_code_block(tmp_path: Path) -> None:
    touch_png(tmp_path / "a.png")
    html = render('Text.\n\n    :::image type="content" source="a.png" alt-text="A":::\n', tmp_path)
    assert "<pre>" not in html
    assert 'src="a.png"' in html


def test_image_attribute_values_are_escaped(tmp_path: Path) -> None:
    touch_png(tmp_path / "a.png")
    html = render(
        """:::image type="content" source="a.png" """
        """alt-text='Say "hi" <script>alert(1)</script> & bye':::\n""",
        tmp_path,
    )
    assert "<script>" not in html
    assert 'alt="Say &quot;hi&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; bye"' in html
    assert (
        '<figcaption>Say "hi" &lt;script&gt;alert(1)&lt;/script&gt; &amp; bye</figcaption>' in html
    )


@pytest.mark.parametrize(
    "source",
    ["javascript:alert(1)", "JaVa\tScRiPt:alert(1)", "data:image/png;base64,AAAA"],
)
def test_unsafe_image_source_is_refused(
    tmp_path: Path, learn_log: pytest.LogCaptureFixture, source: str
) -> None:
    html = render(f':::image type="content" source="{source}" alt-text="Bad":::\n', tmp_path)
    assert "<img" not in html
    assert "learn-image--missing" in html
    assert "<figcaption>Bad</figcaption>" in html
    assert "alert(1)" not in html and "base64" not in html
    assert any("disallowed URL scheme" in message for message in warnings_from(learn_log))


def test_unsafe_lightbox_is_dropped(tmp_path: Path, learn_log: pytest.LogCaptureFixture) -> None:
    touch_png(tmp_path / "a.png")
    html = render(
        ':::image type="content" source="a.png" alt-text="A" lightbox="javascript:alert(1)":::\n',
        tmp_path,
    )
    assert 'src="a.png"' in html
    assert "<a " not in html
    assert "javascript" not in html
    assert warnings_from(learn_log)


def test_complex_image_long_description(tmp_path: Path) -> None:
    touch_png(tmp_path / "chart.png")
    html = render(
        """\
        :::image type="complex" source="chart.png" alt-text="Data flow chart":::
        The chart shows **three** stages.

        Data is deleted after 30 days.
        :::image-end:::

        After the image.
        """,
        tmp_path,
    )
    figure = re.search(
        r'<figure class="learn-image learn-image--complex">(.*?)</figure>', html, re.S
    )
    assert figure is not None
    assert "<details" in figure.group(1)
    assert "<strong>three</strong>" in figure.group(1)
    assert "Data is deleted after 30 days." in figure.group(1)
    assert "<figcaption>Data flow chart</figcaption>" in figure.group(1)
    assert "image-end" not in html
    assert "<p>After the image.</p>" in html.split("</figure>")[1]


def test_icon_image(tmp_path: Path) -> None:
    touch_png(tmp_path / "icon.png")
    html = render(':::image type="icon" source="icon.png":::\n', tmp_path)
    assert '<figure class="learn-image learn-image--icon">' in html
    assert 'src="icon.png"' in html


def test_warn_hook_is_called(tmp_path: Path) -> None:
    seen: list[str] = []
    render(
        ':::image type="content" source="gone.png" alt-text="Gone":::\n', tmp_path, warn=seen.append
    )
    assert len(seen) == 1
    assert "gone.png" in seen[0]


def test_page_context_sets_the_image_directory(
    tmp_path: Path, learn_log: pytest.LogCaptureFixture
) -> None:
    touch_png(tmp_path / "guides" / "images" / "x.png")
    text = ':::image type="content" source="images/x.png" alt-text="X":::\n'
    ext = LearnSyntaxExtension(base_dir=str(tmp_path))
    with page_context(Path("guides/page.md"), tmp_path) as context:
        assert get_current_page() == context
        html = markdown.markdown(text, extensions=[ext])
    assert 'src="images/x.png"' in html
    assert warnings_from(learn_log) == []
    assert get_current_page() is None

    # Without the page context the same text resolves against base_dir.
    html = markdown.markdown(text, extensions=[LearnSyntaxExtension(base_dir=str(tmp_path))])
    assert "learn-image--missing" in html
    assert len(warnings_from(learn_log)) == 1


def test_set_page_context_from_mkdocs_glue(tmp_path: Path) -> None:
    from privacy_pages.mkdocs_plugin.learn_syntax_hooks import clear_page_context, set_page_context

    touch_png(tmp_path / "sub" / "x.png")
    set_page_context("sub/page.md", str(tmp_path))
    context = get_current_page()
    assert context is not None
    assert context.page_path == (tmp_path / "sub" / "page.md").resolve()
    html = markdown.markdown(
        ':::image type="content" source="x.png" alt-text="X":::\n',
        extensions=[LearnSyntaxExtension()],
    )
    assert 'src="x.png"' in html
    clear_page_context()
    assert get_current_page() is None


# --------------------------------------------------------------------------
# includes
# --------------------------------------------------------------------------


def test_include_found_strips_front_matter(
    tmp_path: Path, learn_log: pytest.LogCaptureFixture
) -> None:
    write(
        tmp_path / "includes" / "shared.md",
        """\
        ---
        title: Shared snippet
        ---
        Shared **included** text.
        """,
    )
    html = render(
        """\
        Before.

        [!INCLUDE [shared](includes/shared.md)]

        After.
        """,
        tmp_path,
    )
    assert "<p>Shared <strong>included</strong> text.</p>" in html
    assert "Shared snippet" not in html
    assert "INCLUDE" not in html
    assert html.index("Before.") < html.index("Shared") < html.index("After.")
    assert warnings_from(learn_log) == []


def test_nested_include_and_image_paths_are_relative_to_included_file(
    tmp_path: Path, learn_log: pytest.LogCaptureFixture
) -> None:
    touch_png(tmp_path / "includes" / "media" / "pic.png")
    write(
        tmp_path / "includes" / "outer.md",
        """\
        Outer text.

        [!INCLUDE [inner](deeper/inner.md)]

        :::image type="content" source="media/pic.png" alt-text="Included pic":::
        """,
    )
    write(tmp_path / "includes" / "deeper" / "inner.md", "> [!TIP]\n> Inner alert.\n")
    page = write(tmp_path / "docs" / "page.md", "[!INCLUDE [outer](../includes/outer.md)]\n")
    with page_context(page, tmp_path):
        html = markdown.markdown(page.read_text(), extensions=[LearnSyntaxExtension()])
    assert "<p>Outer text.</p>" in html
    assert '<div class="admonition tip">' in html
    assert "Inner alert." in html
    assert 'src="../includes/media/pic.png"' in html
    assert warnings_from(learn_log) == []


def test_include_missing_warns(tmp_path: Path, learn_log: pytest.LogCaptureFixture) -> None:
    page = write(tmp_path / "page.md", "Text.\n\n[!INCLUDE [gone](includes/missing-file.md)]\n")
    with page_context(page, tmp_path):
        html = markdown.markdown(page.read_text(), extensions=[LearnSyntaxExtension()])
    assert html == "<p>Text.</p>"
    messages = warnings_from(learn_log)
    assert len(messages) == 1
    assert "includes/missing-file.md" in messages[0]
    assert "page.md" in messages[0]


def test_include_cycle_is_detected(tmp_path: Path, learn_log: pytest.LogCaptureFixture) -> None:
    write(tmp_path / "a.md", "A text.\n\n[!INCLUDE [b](b.md)]\n")
    write(tmp_path / "b.md", "B text.\n\n[!INCLUDE [a](a.md)]\n")
    html = render("[!INCLUDE [a](a.md)]\n", tmp_path)
    assert html.count("A text.") == 1
    assert html.count("B text.") == 1
    assert any("cycle" in message for message in warnings_from(learn_log))


def test_include_depth_limit(tmp_path: Path, learn_log: pytest.LogCaptureFixture) -> None:
    for level in range(1, 5):
        write(tmp_path / f"l{level}.md", f"Level {level}.\n\n[!INCLUDE [n](l{level + 1}.md)]\n")
    write(tmp_path / "l5.md", "Level 5.\n")
    html = render("[!INCLUDE [n](l1.md)]\n", tmp_path, max_include_depth=3)
    assert "Level 3." in html
    assert "Level 4." not in html
    assert any("depth" in message for message in warnings_from(learn_log))


def test_include_escaping_the_root_is_refused(
    tmp_path: Path, learn_log: pytest.LogCaptureFixture
) -> None:
    write(tmp_path / "secret.md", "TOP SECRET\n")
    docs = tmp_path / "docs"
    docs.mkdir()
    html = render(
        "[!INCLUDE [s](../secret.md)]\n\n[!INCLUDE [s](/../secret.md)]\n",
        docs,
    )
    assert "TOP SECRET" not in html
    messages = warnings_from(learn_log)
    assert len(messages) == 2
    assert all("outside the docs root" in message for message in messages)


# --------------------------------------------------------------------------
# code fences
# --------------------------------------------------------------------------


@pytest.mark.parametrize("fences", ["fenced_code", "pymdownx.superfences"])
def test_code_fences_are_untouched(
    tmp_path: Path, learn_log: pytest.LogCaptureFixture, fences: str
) -> None:
    write(tmp_path / "snippet.md", "INCLUDED CONTENT\n")
    touch_png(tmp_path / "a.png")
    html = render(
        """\
        ```text
        > [!NOTE]
        > Not an alert.

        :::image type="content" source="a.png" alt-text="Not an image":::

        [!INCLUDE [s](snippet.md)]
        ```
        """,
        tmp_path,
        fences=fences,
    )
    assert "admonition" not in html
    assert "<figure" not in html
    assert "INCLUDED CONTENT" not in html
    assert "&gt; [!NOTE]" in html
    assert re.search(r":::image type=(\"|&quot;)content", html)
    assert "[!INCLUDE [s](snippet.md)]" in html
    assert warnings_from(learn_log) == []


def test_make_extension_accepts_config(tmp_path: Path) -> None:
    ext = makeExtension(base_dir=str(tmp_path))
    assert isinstance(ext, LearnSyntaxExtension)
    assert ext.base_dir == tmp_path.resolve()


# --------------------------------------------------------------------------
# the hand-written guide
# --------------------------------------------------------------------------


def test_guide_renders_without_warnings(learn_log: pytest.LogCaptureFixture) -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    body = text.split("\n---\n", 1)[1]
    with page_context(GUIDE, SITE_SRC):
        html = markdown.markdown(body, extensions=["fenced_code", LearnSyntaxExtension()])
    assert warnings_from(learn_log) == []
    assert html.count('<figure class="learn-image">') == 5
    assert "Microsoft Defender XDR" in html  # from the include
    assert html.count('<div class="admonition note">') == 2
    for leftover in (":::image", "[!INCLUDE", "[!NOTE]", 'href="/mem/'):
        assert leftover not in html


def test_guide_images_are_small_pngs() -> None:
    sources = set(re.findall(r'source="(images/[^"]+)"', GUIDE.read_text(encoding="utf-8")))
    assert len(sources) == 5
    for source in sources:
        data = (GUIDE.parent / source).read_bytes()
        assert data.startswith(PNG_SIGNATURE)
        assert len(data) <= 10 * 1024
        width, height = struct.unpack(">II", data[16:24])
        assert (width, height) == (640, 360)


# --------------------------------------------------------------------------
# MkDocs integration
# --------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["base_dir", "no_config", "hooks"])
def test_mkdocs_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    docs = tmp_path / "docs"
    write(docs / "index.md", "# Home\n")
    write(docs / "includes" / "notice.md", "---\ntitle: x\n---\nShared notice text.\n")
    touch_png(docs / "guides" / "img" / "shot.png")
    write(
        docs / "guides" / "page.md",
        """\
        # Guide

        [!INCLUDE [notice](../includes/notice.md)]

        > [!WARNING]
        > Be **careful**.

        1. Step one.

            :::image type="content" source="img/shot.png" alt-text="Shot" lightbox="img/shot.png":::

        :::image type="content" source="images/absent.png" alt-text="Absent screenshot":::

        ```text
        > [!NOTE]
        ```
        """,
    )
    if mode == "base_dir":
        extension = f"  - privacy_pages.learn_syntax:\n      base_dir: '{docs}'\n"
    else:
        extension = "  - privacy_pages.learn_syntax\n"
    hooks = ""
    if mode == "hooks":
        glue = REPO_ROOT / "plugins" / "privacy_pages" / "mkdocs_plugin" / "learn_syntax_hooks.py"
        hooks = f"hooks:\n  - '{glue}'\n"
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        "site_name: Test site\n"
        f"docs_dir: '{docs}'\n"
        "theme:\n  name: material\n"
        "markdown_extensions:\n  - admonition\n" + extension + hooks,
        encoding="utf-8",
    )

    result = run_mkdocs(config_file, strict=False)
    assert result.ok, f"{result.error}\n{result.messages}"

    html = result.html("guides/page.md")
    assert "<p>Shared notice text.</p>" in html
    assert '<div class="admonition warning">' in html
    assert '<p class="admonition-title">Warning</p>' in html
    assert "<strong>careful</strong>" in html
    # MkDocs rewrote the page-relative URLs for the directory URL layout.
    assert '<a href="../img/shot.png"><img alt="Shot" loading="lazy" src="../img/shot.png"' in html
    assert re.search(r"<li>.*Step one.*learn-image.*</li>", html, re.S)
    assert '<figure class="learn-image learn-image--missing">' in html
    assert "<figcaption>Absent screenshot</figcaption>" in html
    assert "&gt; [!NOTE]" in html
    assert (result.site_dir / "guides" / "img" / "shot.png").is_file()

    # The one warning of the whole build: the extension's, naming the missing image and its page.
    warnings = [r for r in result.records if r.levelno >= logging.WARNING]
    assert [r.name for r in warnings] == [LOGGER_NAME], result.warnings()
    message = warnings[0].getMessage()
    assert "images/absent.png" in message
    assert "guides/page.md" in message
