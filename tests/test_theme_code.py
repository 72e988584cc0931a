"""Under ``mkdocs serve``, the theme's templates are compiled once and kept in memory
(``mkdocs_plugin/theme_code.py``): a rebuild must make the same pages, and a template edited
between two rebuilds must show its new text."""

from __future__ import annotations

from pathlib import Path

import jinja2
from conftest import copy_example_site, run_mkdocs
from privacy_pages.mkdocs_plugin.theme_code import ThemeCode


def test_a_template_is_compiled_once_and_again_when_its_source_changes() -> None:
    code = ThemeCode()
    compiled: list[str] = []

    class Counting(jinja2.Environment):
        def _compile(self, source: str, filename: str) -> object:
            compiled.append(filename)
            return super()._compile(source, filename)

    def render(text: str) -> str:
        env = Counting(loader=jinja2.DictLoader({"page.html": text}), bytecode_cache=code)
        return env.get_template("page.html").render(x="value")

    assert render("A {{ x }}") == "A value"
    assert render("A {{ x }}") == "A value"  # a new environment, as each rebuild makes
    assert len(compiled) == 1
    assert render("B {{ x }}") == "B value"  # the source changed: compiled again
    assert len(compiled) == 2


def test_code_is_not_used_by_an_environment_it_was_not_compiled_with() -> None:
    """Jinja works out a filter of a constant while compiling: a rebuild whose environment has
    another filter of that name (or other settings) compiles the template again."""
    code = ThemeCode()

    def render(text: str, **options: object) -> str:
        env = jinja2.Environment(
            loader=jinja2.DictLoader({"page.html": text}), bytecode_cache=code, **options
        )
        env.filters["shout"] = shout
        return env.get_template("page.html").render()

    def shout(value: str) -> str:
        return value.upper()

    assert render('{{ "x" | shout }} ') == "X "
    first = shout

    def shout(value: str) -> str:
        return value + "!"

    assert shout is not first
    assert render('{{ "x" | shout }} ') == "x! "
    assert render('{{ "x" | shout }} ', trim_blocks=True) == "x! "
    assert render('{{ "x" | shout }} ', variable_start_string="[[") == '{{ "x" | shout }} '


def test_rebuilds_make_the_same_pages_and_follow_an_edited_theme_template(
    tmp_path: Path,
) -> None:
    site = copy_example_site(tmp_path / "example")
    out = tmp_path / "out"
    session = run_mkdocs(site / "mkdocs.yml", site_dir=out, command="serve")
    try:
        assert session.ok, session.messages
        page = out / "privacy" / "intune" / "index.html"
        first = page.read_bytes()
        plugin = session.config.plugins["privacy-pages"] if session.config else None
        assert plugin is not None and plugin.serve is not None
        assert plugin.serve.theme_code.code  # the theme's templates, compiled
        again = session.rebuild()
        assert again.ok, again.messages
        assert page.read_bytes() == first
        partial = site / "overrides" / "partials" / "source.html"
        partial.write_text(
            partial.read_text("utf-8") + "<span>edited-partial-marker</span>", "utf-8"
        )
        edited = session.rebuild()
        assert edited.ok, edited.messages
        assert b"edited-partial-marker" in page.read_bytes()
    finally:
        session.shutdown()
