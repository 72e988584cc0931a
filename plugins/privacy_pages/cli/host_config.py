"""A ``mkdocs.yml`` for building the pages of ``privacy-pages render`` without the plugin.

Site generators that read ``mkdocs.yml`` but run no MkDocs plugins (Zensical, or MkDocs with
the plugin turned off) need what the plugin adds while MkDocs builds: the nav section of the
generated pages (and ``not_in_nav`` for those the plugin keeps out of the nav MkDocs makes from
the folders), the comparison tables' script and style sheet, the Markdown extensions the
pages use, and a ``docs_dir`` that holds the generated pages. This writes a copy of the site's
configuration with those, and its paths made relative to where the copy is written.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ..render.generated import GeneratedPage
from ..render.pages import fill_language_nav, in_automatic_nav
from ..render.paths import SCRIPT, STYLESHEET
from ..settings import PLUGIN_NAME, Settings, read_mkdocs_config

#: The Markdown extensions generated pages need (the plugin adds them too).
EXTENSIONS = ("admonition", "attr_list")


def host_config(
    config_file: Path,
    docs_dir: Path,
    target: Path,
    pages: Sequence[GeneratedPage],
    settings: Settings,
    *,
    escape_titles: bool,
) -> dict[str, Any]:
    """The configuration of ``config_file`` for building ``docs_dir`` (the rendered pages) with
    the configuration written at ``target``."""
    config = read_mkdocs_config(config_file)
    base, here = config_file.parent.resolve(), target.parent.resolve()

    def moved(path: str) -> str:
        return Path(os.path.relpath((base / path).resolve(), here)).as_posix()

    config["docs_dir"] = Path(os.path.relpath(docs_dir.resolve(), here)).as_posix()
    config["site_dir"] = "site"  # beside the copy: some generators want it there
    theme = config.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        theme["custom_dir"] = moved(theme["custom_dir"])
    if isinstance(config.get("hooks"), list):
        config["hooks"] = [moved(hook) for hook in config["hooks"]]
    config["plugins"] = [
        entry
        for entry in config.get("plugins") or []
        if entry != PLUGIN_NAME and not (isinstance(entry, dict) and PLUGIN_NAME in entry)
    ]
    extensions = list(config.get("markdown_extensions") or [])
    named = {next(iter(e)) if isinstance(e, dict) else e for e in extensions}
    extensions += [name for name in EXTENSIONS if name not in named]
    config["markdown_extensions"] = extensions
    config["extra_css"] = _with(config.get("extra_css"), STYLESHEET)
    config["extra_javascript"] = _with(config.get("extra_javascript"), SCRIPT)
    if isinstance(config.get("nav"), list):
        fill_language_nav(config["nav"], pages, settings, escape_titles=escape_titles)
    unlisted = [page.path for page in pages if not in_automatic_nav(page, settings)]
    if unlisted:  # out of the nav MkDocs makes from the folders, as the plugin leaves them
        config["not_in_nav"] = not_in_nav(config.get("not_in_nav"), unlisted)
    return config


class _Lines(str):
    """Text written as a YAML block of lines (``|``)."""


def _lines(dumper: yaml.SafeDumper, text: _Lines) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style="|")


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Lines, _lines)


def not_in_nav(patterns: Any, paths: Sequence[str]) -> str:
    """MkDocs' ``not_in_nav`` (gitignore-style patterns, one per line): the site's own, then
    each of ``paths`` (inside the docs folder) exactly."""
    own = [patterns.rstrip("\n")] if isinstance(patterns, str) and patterns.strip() else []
    exact = ["/" + re.sub(r"([\\*?\[\]!#])", r"\\\1", path) for path in paths]
    return _Lines("\n".join([*own, *exact]) + "\n")


def write_host_config(config: dict[str, Any], target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    header = "# Written by `privacy-pages render --site-config`; do not edit by hand.\n"
    text = yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
    target.write_text(header + text, "utf-8")


def _with(values: Any, value: str) -> list[Any]:
    listed = list(values or [])
    return listed if value in [str(v) for v in listed] else [*listed, value]
