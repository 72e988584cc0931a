"""The product fields added for imported statements (a group shown as a table, who receives the
data, turning collection off), rendered in a real build: nothing the writer wrote is left off
the page, and text from the records cannot break a table."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from conftest import run_mkdocs
from jsonschema import Draft202012Validator
from privacy_pages.render.privacy_json import json_schema

ADDED = """\
sharing:
  intro: Widget shares some data.
  recipients:
    - name: Partner | Inc
      purpose: "Hosting\\nand | backups"
    - name: Analytics Co
      purpose: Usage statistics
controls:
  intro: Turn collection off in the app's settings.
"""

TABLE_GROUP = """\
    - category: feedback
      kind: diagnostic
      layout: table
      items:
        - id: crash-report
          name: Crash report
          description: What the app was doing when it stopped.
          control: Users turn crash reports off in Settings.
          details:
            - text: Stack trace
              details:
                - text: Nested frame names
                  details:
                    - Deeper module names
"""


class _Rows(HTMLParser):
    """The cells of every table row of a page, as text."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self.rows:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _rows(html: str) -> list[list[str]]:
    parser = _Rows()
    parser.feed(html)
    return parser.rows


def test_new_product_fields_are_on_the_page_whole(site_copy: Callable[[str], Path]) -> None:
    site = site_copy("small")
    product = site / "content/products/widget-ios.yml"
    text = product.read_text("utf-8")
    head, tail = text.split("never_collected:", 1)
    anchor = "  groups:\n    - category: feedback\n"
    assert anchor in head
    head = head.replace(anchor, "  groups:\n" + TABLE_GROUP + anchor.split("\n", 1)[1], 1)
    product.write_text(f"{head}{ADDED}never_collected:{tail}", "utf-8")
    result = run_mkdocs(site / "mkdocs.yml")
    assert result.ok, result.messages
    page = result.html("privacy/widget-ios.md")
    rows = _rows(page)
    # The group shown as a table: the item's name, then everything else, nested details too.
    [crash] = [row for row in rows if row and row[0] == "Crash report"]
    assert len(crash) == 2
    for text in ("What the app was doing", "Stack trace", "Nested frame names", "Deeper module"):
        assert text in crash[1], (text, crash)
    # Who receives the data: a pipe or a line break in a record keeps each row two cells.
    [partner] = [row for row in rows if row and row[0].startswith("Partner")]
    assert partner == ["Partner | Inc", "Hosting and | backups"]
    [analytics] = [row for row in rows if row and row[0] == "Analytics Co"]
    assert analytics == ["Analytics Co", "Usage statistics"]
    # Controls with only an intro are still shown.
    plain = re.sub(r"<[^>]+>", " ", page)
    assert "Turn collection off in the app" in plain
    # privacy.json carries them, and validates against its published schema.
    document = json.loads((result.site_dir / "privacy" / "privacy.json").read_text("utf-8"))
    Draft202012Validator(json_schema()).validate(document)
    [ios] = [p for p in document["products"] if p["id"] == "widget-ios"]
    assert [r["name"] for r in ios["sharing"]["recipients"]] == ["Partner | Inc", "Analytics Co"]
    assert ios["controls"]["intro"].startswith("Turn collection off")
