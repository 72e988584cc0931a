"""A build drops the text of the plugin's own pages once MkDocs is done with it.

MkDocs keeps every file's content and every page's content until the build ends. A comparison
of every product, or the data-item index, is megabytes of each: once MkDocs has converted a
generated page it never reads its file content again, and once it has written the page it
never reads its page content again. (Under ``mkdocs serve`` the next rebuild may reuse both,
so only ``mkdocs build`` drops them.)

Until then, MkDocs holds the page content of every page at once: it converts them all before it
writes the first. Python holds a text at two bytes per character as soon as one character is
beyond Latin-1, and a page in French or German has a few (dashes): the page content of the
plugin's pages is held with those few written as character references, one byte per
character, and the page is written with the characters again.
"""

from __future__ import annotations

import re

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

#: A character reference beyond Latin-1, as :func:`narrow_content` writes them (the sanitizer
#: that made the page content writes characters, never references).
_WIDE_REFERENCE = re.compile(r"&#(\d{3,7});")


def clear_file_content(file: File) -> None:
    """Drop a converted page's file content; the file keeps its source path (setting
    ``content_string`` unsets it), which plugins read until the build ends."""
    source = file.abs_src_path
    file.content_string = ""
    file.abs_src_path = source


def clear_page_content(page: Page) -> None:
    """Drop a written page's page content (its HTML is in the site folder)."""
    page.content = ""


def narrow_content(html: str) -> str:
    """``html`` with its characters beyond Latin-1 as character references (which HTML, and the
    search index, read as the same characters), when that makes it smaller in memory; else
    ``html`` itself (a page in Arabic, or in Latin-1 already)."""
    if html.isascii():
        return html
    written = html.encode("latin-1", "xmlcharrefreplace")
    if len(written) == len(html) or (len(written) - len(html)) * 2 > len(html):
        return html  # nothing beyond Latin-1, or so much that references would take more
    return written.decode("latin-1")


def widened(output: str, content: str) -> str:
    """The written page ``output`` with the page content :func:`narrow_content` made of it
    (``content``) holding its characters again: the page is written as it was made."""
    if "&#" not in content or content not in output:
        return output
    wide = _WIDE_REFERENCE.sub(lambda found: _character(found[0], int(found[1])), content)
    return output.replace(content, wide, 1)


def _character(reference: str, code: int) -> str:
    return chr(code) if 255 < code <= 0x10FFFF else reference
