"""A failure while rendering pages, told as a diagnostic instead of a traceback.

Rendering should never fail for valid content, but a site's template override can print an
undefined name (``StrictUndefined``) or a missing value, and a bug can raise anything. The writer
then needs to know which record was being rendered and which template line failed: the
traceback holds both (Jinja puts template files and lines into it), so they are read from there.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from types import TracebackType

from ..diagnostics import Diagnostic, Location, display_path
from ..model import Dataset, Product

RULE = "render-failed"


def _frames(tb: TracebackType | None) -> list[TracebackType]:
    frames = []
    while tb is not None:
        frames.append(tb)
        tb = tb.tb_next
    return frames


def _product_in(frames: list[TracebackType]) -> Product | None:
    """The innermost product a frame of the traceback was working on."""
    for tb in reversed(frames):
        for value in tb.tb_frame.f_locals.values():
            if isinstance(value, Product):
                return value
    return None


def _template_line(exc: BaseException) -> str | None:
    """``templates/sections/storage.md.j2:12`` for the innermost template frame, if any."""
    for summary in reversed(traceback.extract_tb(exc.__traceback__)):
        if summary.filename.endswith(".j2"):
            return f"{display_path(Path(summary.filename))}:{summary.lineno}"
    return None


def render_error(exc: BaseException, dataset: Dataset) -> Diagnostic:
    """A diagnostic naming the record being rendered and the template line that failed."""
    product = _product_in(_frames(exc.__traceback__))
    template = _template_line(exc)
    where = f" in template {template}" if template else ""
    if product is not None:
        location = product.source
        what = f"could not render the page of product {product.id!r}"
    else:
        location = Location(dataset.files[0] if dataset.files else "content")
        what = "could not render the generated pages"
    return Diagnostic(location, f"{what}{where}: {type(exc).__name__}: {exc}", RULE)
