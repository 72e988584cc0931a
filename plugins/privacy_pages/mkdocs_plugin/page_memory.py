"""A build drops the text of the plugin's own pages once MkDocs is done with it.

MkDocs keeps every file's content and every page's content until the build ends. A comparison
of every product, or the data-item index, is megabytes of each: once MkDocs has converted a
generated page it never reads its file content again, and once it has written the page it
never reads its page content again. (Under ``mkdocs serve`` the next rebuild may reuse both,
so only ``mkdocs build`` drops them.)
"""

from __future__ import annotations

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page


def clear_file_content(file: File) -> None:
    """Drop a converted page's file content; the file keeps its source path (setting
    ``content_string`` unsets it), which plugins read until the build ends."""
    source = file.abs_src_path
    file.content_string = ""
    file.abs_src_path = source


def clear_page_content(page: Page) -> None:
    """Drop a written page's page content (its HTML is in the site folder)."""
    page.content = ""
