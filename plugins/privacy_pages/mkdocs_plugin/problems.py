"""The pipeline's problems in MkDocs' log: errors fail the build, warnings a strict build; the
texts a translation lacks, one line per record and language (each with ``--verbose``)."""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError

from ..diagnostics import Diagnostics, Severity, folded
from ..settings import Settings

log = logging.getLogger(f"mkdocs.plugins.{__name__}")
_LOG = {Severity.ERROR: log.error, Severity.WARNING: log.warning, Severity.INFO: log.info}


def report(problems: Diagnostics, settings: Settings, *, stop: bool) -> None:
    """Log every problem, most severe first; with ``stop``, errors stop the build (a preview
    goes on: MkDocs stops on logged problems only in strict mode)."""
    told, details = folded(problems.sorted())
    for problem in told:
        _LOG[problem.severity](str(problem))
    for problem in details:  # what a folded line stands for: with `mkdocs build --verbose`
        log.debug(str(problem))
    if stop and problems.errors:
        count = len(problems.errors)
        raise PluginError(
            f"privacy-pages: {count} content error{'s' if count != 1 else ''} "
            f"in {settings.content_dir} (listed above)"
        )
