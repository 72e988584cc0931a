"""Problems shown on the page they concern, for a preview (``mkdocs serve``): a writer sees
what is wrong where they look, and the page still renders.

A build for publishing never shows them: there, errors stop it, and ``--strict`` stops it on
warnings too.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from ..diagnostics import Diagnostic, Severity, display_path
from ..markdown_text import inline
from ..messages import SOURCE_LANGUAGE
from .front_matter import page_front_matter
from .generated import GeneratedPage

#: How many problems a banner lists; the rest are counted (the build log lists them all).
SHOWN = 20


def problem_banner(problems: Sequence[Diagnostic], source: str, *, name_files: bool = False) -> str:
    """A note at the top of a page: the problems of ``source`` (a content file, or with
    ``name_files`` a short description of several, each problem then naming its file), most
    severe first. Empty without problems."""
    if not problems:
        return ""
    errors = sum(p.severity is Severity.ERROR for p in problems)
    kind = "danger" if errors else "warning"
    count = len(problems)
    title = f"{count} problem{'s' if count != 1 else ''} in {source} (shown in the preview only)"
    lines = [f'!!! {kind} "{_title(title)}"', ""]
    ordered = sorted(problems, key=lambda p: (p.severity is not Severity.ERROR, p.sort_key))
    for problem in ordered[:SHOWN]:
        where = f"line {problem.location.line}" if problem.location.line else "the file"
        if name_files:
            where = f"{inline(problem.location.path)}, {where}"
        field = f" `{problem.key_path}`:" if problem.key_path else ""
        lines.append(
            f"    - {where}, {problem.severity.value} {problem.rule}:{field} {inline(problem.message)}"
        )
    if count > SHOWN:
        lines.append(f"    - and {count - SHOWN} more (see the log of `mkdocs serve`)")
    return "\n".join(lines) + "\n\n"


def _title(text: str) -> str:
    """Text for an admonition title (inside double quotes)."""
    return str(inline(text)).replace('"', "&quot;")


def unread_product_page(pages_dir: str, source: str) -> GeneratedPage:
    """A page where a product's page would be, for a product file nothing could be read from:
    the preview shows its problems there instead of a missing page."""
    stem = PurePosixPath(source).stem
    title = f"{stem} (not built)"
    body = (
        f"# {inline(title)}\n\n"
        f"The page of `{stem}` could not be built from {inline(source)}: see the problems above.\n"
    )
    return GeneratedPage(
        path=f"{pages_dir}/{stem}.md",
        markdown=page_front_matter(title, f"Problems in {source}.") + body,
        title=title,
    )


def _translation_of(source: str, language: str) -> str:
    """The translation file of a product record (``content/products/x.yml`` →
    ``content/translations/fr/products/x.yml``), as shown to writers."""
    record = PurePosixPath(source)
    content = record.parent.parent
    return (content / "translations" / language / record.parent.name / record.name).as_posix()


def preview_banners(
    pages: Sequence[GeneratedPage],
    problems: Sequence[Diagnostic],
    unread: Sequence[str],
    pages_dir: str,
    index_path: str,
    language: str,
) -> tuple[dict[str, str], list[GeneratedPage]]:
    """For a preview: the banner of each generated page (by path), and a page for each product
    file nothing could be read from (``unread``). The pages are one build's, in ``language``
    (mkdocs-static-i18n builds each language on its own). A product page shows the problems of
    its file; the other generated pages show those of the files no product page shows, except
    what a translation of those files lacks: that shows on the data-item index
    (``index_path``), the page of every catalog item and category. (The comparisons show a
    stale text's notice where they show the text; a banner there would make an English edit
    rebuild every comparison of every language.)"""
    translated = None if language == SOURCE_LANGUAGE else language
    by_file: dict[str, list[Diagnostic]] = {}
    for problem in problems:
        by_file.setdefault(problem.location.path, []).append(problem)
    banners: dict[str, str] = {}
    shown: set[str] = set()
    for page in pages:
        if page.source is not None:
            source = display_path(page.source)
            shown.add(source)
            found = by_file.get(source, [])
            if translated is None:  # what a translation lacks shows on the translated page
                found = [p for p in found if not p.rule.startswith("translation-")]
            elif page.product_id:  # its translation's problems too
                translation = _translation_of(source, translated)
                shown.add(translation)
                found = found + by_file.get(translation, [])
            banners[page.path] = problem_banner(found, source, name_files=translated is not None)
    taken = {page.path for page in pages}
    extra = []
    for source in unread:
        shown.add(source)
        placeholder = unread_product_page(pages_dir, source)
        if placeholder.path not in taken:
            taken.add(placeholder.path)
            extra.append(placeholder)
            banners[placeholder.path] = problem_banner(by_file.get(source, []), source)
    others = [p for path, found in by_file.items() if path not in shown for p in found]
    shared: dict[bool, str] = {}  # the index's, and the other pages'
    for page in pages:
        if page.source is None:
            key = page.path == index_path
            if key not in shared:
                found = [p for p in others if _concerns(p, translated, key)]
                shared[key] = problem_banner(
                    found, "the shared records (catalog, categories, comparisons)", name_files=True
                )
            banners[page.path] = shared[key]
    return {path: text for path, text in banners.items() if text}, extra


def _concerns(problem: Diagnostic, language: str | None, index: bool) -> bool:
    """Whether a page in ``language`` (None: the records' own) shows a problem of the shared
    records: what a translation lacks shows on the index of its language only, as on a
    product's page on that language's page."""
    if not problem.rule.startswith("translation-"):
        return True
    if language is None or not index:
        return False
    parts = PurePosixPath(problem.location.path).parts
    if "translations" not in parts:  # reported at the source record, naming its language
        return f"into {language!r}" in problem.message
    at = parts.index("translations")
    return parts[at + 1 : at + 2] == (language,)
