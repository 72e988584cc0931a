"""The plugin's options are defined once (issue 56, point 3): the MkDocs configuration, the
settings every adapter reads and the configuration reference all follow one table."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO
from privacy_pages.mkdocs_plugin.config import PrivacyPagesConfig
from privacy_pages.options import OPTIONS, REFUSED_OPTIONS, REMOVED_OPTIONS
from privacy_pages.settings import Settings, SettingsError, settings_from_options

REFERENCE = REPO / "site-src" / "configuration" / "index.md"


def _reference_options() -> dict[str, Any]:
    """The ``privacy-pages`` entry of the reference's example ``mkdocs.yml``."""
    text = REFERENCE.read_text("utf-8")
    block = re.search(r"```yaml\n(plugins:.*?)```", text, re.DOTALL)
    assert block is not None, f"no example plugins: block in {REFERENCE}"
    plugins = yaml.safe_load(block.group(1))["plugins"]
    [entry] = [p["privacy-pages"] for p in plugins if isinstance(p, dict) and "privacy-pages" in p]
    assert isinstance(entry, dict)
    return entry


def test_the_configuration_reference_shows_every_option_and_no_other() -> None:
    assert list(_reference_options()) == [option.name for option in OPTIONS]


def test_the_mkdocs_configuration_is_made_from_the_table() -> None:
    schema = dict(PrivacyPagesConfig._schema)
    assert list(schema) == [option.name for option in OPTIONS] + [
        *REMOVED_OPTIONS,
        *REFUSED_OPTIONS,
    ]
    for option in OPTIONS:
        assert schema[option.name].default == option.default, option.name
        assert schema[option.name].__doc__ == option.doc


@pytest.mark.parametrize(
    ("name", "value"), [("nav_products", "yes"), ("stale_translations", "newest"), ("lint", [])]
)
def test_an_option_the_mkdocs_configuration_checks_is_checked_by_its_type(
    name: str, value: object
) -> None:
    config = PrivacyPagesConfig()
    config.load_dict({name: value})
    failed, _warnings = config.validate()
    assert [found for found, _error in failed] == [name]


def test_the_settings_take_the_tables_defaults(tmp_path: Path) -> None:
    settings = settings_from_options({}, tmp_path)
    assert settings == Settings(content_dir=(tmp_path / "content").resolve())
    by_name = {option.name: option for option in OPTIONS}
    for field in fields(Settings):
        option = by_name.get(field.name)
        value = getattr(settings, field.name)
        if option is not None and isinstance(value, str | int | bool):  # (not a folder's path)
            assert value == option.default, field.name


def test_the_languages_option_is_refused_with_what_to_write_instead(tmp_path: Path) -> None:
    """The plugin's own ``languages`` is gone (mkdocs-static-i18n publishes the languages): a
    site that still sets it gets a configuration error naming i18n, in MkDocs and the CLI."""
    config = PrivacyPagesConfig()
    config.load_dict({"languages": ["fr"]})
    failed, _warnings = config.validate()
    [(name, error)] = failed
    assert name == "languages"
    assert "mkdocs-static-i18n" in str(error) and "- i18n:" in str(error)
    assert "locale: fr" in str(error)
    unset = PrivacyPagesConfig()
    unset.load_dict({})
    assert unset.validate() == ([], [])
    with pytest.raises(SettingsError, match="mkdocs-static-i18n"):
        settings_from_options({"languages": ["fr"]}, tmp_path)


@pytest.mark.parametrize("name", ["nav_product", "content"])
def test_an_option_not_in_the_table_is_refused_by_name(tmp_path: Path, name: str) -> None:
    with pytest.raises(SettingsError, match=name):
        settings_from_options({name: True}, tmp_path)


def test_every_option_but_the_plugins_own_reaches_the_settings() -> None:
    names = {field.name for field in fields(Settings)}
    for option in OPTIONS:
        if option.plugin_only:
            assert option.name not in names, option.name
        elif option.name not in {"completeness"}:  # (read into the lint rules' settings)
            assert option.name in names, option.name
