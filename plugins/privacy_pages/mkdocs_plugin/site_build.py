"""The pipeline run for MkDocs: the build, its problems in the log, and under ``mkdocs serve``
the banners that show each page's problems."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from ..pipeline import SiteBuild, build_site
from ..render.paths import data_item_index_path
from ..render.problem_banner import preview_banners
from ..settings import Settings
from .problems import report
from .serve_state import ServeState
from .speedups.html_blocks import ascii_blocks


def build_pages(
    settings: Settings,
    serve: ServeState | None,
    files: Files,
    stashed: bool,
    languages: tuple[str, ...] = (),
    checked: SiteBuild | None = None,
) -> tuple[SiteBuild, dict[str, str]]:
    """Load, check and render the site's content; report its problems (errors stop a build,
    never a preview under ``mkdocs serve``). Returns the build and, under serve, the banner of
    problems each page shows, by its path (a product file that could not be read gets a page
    of its own). With ``stashed``, raw HTML blocks are written in Latin-1 as each page is
    rendered (half the memory of the text they replace): they go around Python-Markdown.
    ``languages``: more languages whose translations are checked, for the builds that render
    from this one's check; ``checked``: an earlier build's check, whose problems it told."""
    postprocess = None
    if stashed:
        postprocess = serve.ascii_blocks if serve is not None else ascii_blocks
    try:
        build = build_site(
            settings,
            serve.content if serve else None,
            preview=serve is not None,
            reuse=serve.reuse if serve else None,
            postprocess=postprocess,
            languages=languages,
            checked=checked,
        )
    except Exception as exc:  # content problems are diagnostics; anything else is a bug
        raise PluginError(
            f"privacy-pages: internal error while building {settings.content_dir}: "
            f"{type(exc).__name__}: {exc} (this is a bug in privacy-pages; please report it)"
        ) from exc
    if checked is None:
        report(build.problems, settings, stop=serve is None)
    banners: dict[str, str] = {}
    if serve is not None:
        unread = build.dataset.unread_products
        banners, extra = preview_banners(
            build.pages,
            build.problems.items,
            unread,
            settings.pages_dir,
            data_item_index_path(settings),
            settings.language,  # the build's one language (mkdocs-static-i18n builds each)
        )
        build.pages += [p for p in extra if files.get_file_from_path(p.path) is None]
    return build, banners
