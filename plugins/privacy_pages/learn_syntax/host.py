"""What the processors ask of the extension that runs them: where the page lives, how to
warn, and how to build a figure."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Protocol

from markdown import Markdown
from markdown.blockparser import BlockParser

from .page_context import PageLocation


class Host(Protocol):
    @property
    def max_include_depth(self) -> int: ...

    def warn(self, message: str) -> None: ...

    def locate(self, md: Markdown) -> PageLocation: ...

    def location_label(self) -> str: ...

    def build_image(
        self,
        parent: etree.Element,
        attrs: dict[str, str],
        description: str | None,
        parser: BlockParser,
    ) -> etree.Element: ...
