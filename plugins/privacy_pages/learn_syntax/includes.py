"""``[!INCLUDE [title](file.md)]`` lines replaced by the file's Markdown, outside fenced code."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown import Markdown
from markdown.preprocessors import Preprocessor

from .host import Host
from .page_context import PageLocation
from .syntax import ATTR_RE, FENCE_OPEN_RE, IMAGE_RE, INCLUDE_RE, is_remote, is_unsafe_url


def _strip_front_matter(lines: list[str]) -> list[str]:
    if not lines or lines[0].strip() != "---":
        return lines
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return lines[index + 1 :]
    return lines


def _closes_fence(line: str, fence: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= len(fence) and set(stripped) == {fence[0]}


class IncludePreprocessor(Preprocessor):
    """Works out the page location, then expands ``[!INCLUDE]`` lines."""

    def __init__(self, md: Markdown, ext: Host) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        location = self.ext.locate(self.md)
        stack = [location.page_path] if location.page_path is not None else []
        return self._expand(lines, location.page_dir, stack, 0, location)

    def _expand(
        self,
        lines: list[str],
        current_dir: Path,
        stack: list[Path],
        depth: int,
        location: PageLocation,
    ) -> list[str]:
        out: list[str] = []
        fence: str | None = None
        rewrite_images = current_dir != location.page_dir
        for line in lines:
            if fence is not None:
                out.append(line)
                if _closes_fence(line, fence):
                    fence = None
                continue
            opening = FENCE_OPEN_RE.match(line)
            if opening is not None and not (
                opening.group("fence")[0] == "`" and "`" in line[opening.end() :]
            ):
                fence = opening.group("fence")
                out.append(line)
                continue
            match = INCLUDE_RE.match(line)
            if match is None:
                if rewrite_images:
                    out.append(self._rewrite_image_paths(line, current_dir, location))
                else:
                    out.append(line)
                continue
            out.extend(self._include(match, current_dir, stack, depth, location))
        return out

    @staticmethod
    def _rewrite_image_paths(line: str, current_dir: Path, location: PageLocation) -> str:
        """Keep ``:::image`` paths of an included file relative to that file."""
        if IMAGE_RE.match(line) is None:
            return line

        def fix(match: re.Match[str]) -> str:
            if match.group("key").lower() not in ("source", "lightbox"):
                return match.group(0)
            value = match.group("dq")
            quote = '"'
            if value is None:
                value, quote = match.group("sq") or "", "'"
            if not value or value.startswith(("/", "#")) or is_remote(value):
                return match.group(0)
            if is_unsafe_url(value):
                return match.group(0)
            target = os.path.normpath(current_dir / value)
            relative = Path(os.path.relpath(target, location.page_dir)).as_posix()
            return f"{match.group('key')}={quote}{relative}{quote}"

        return ATTR_RE.sub(fix, line)

    def _include(
        self,
        match: re.Match[str],
        current_dir: Path,
        stack: list[Path],
        depth: int,
        location: PageLocation,
    ) -> list[str]:
        raw = match.group("angle")
        if raw is None:
            raw = match.group("path")
        raw = raw.strip()
        page = location.label()
        if not raw or is_remote(raw) or is_unsafe_url(raw):
            self.ext.warn(
                f"learn_syntax: include '{raw}' in page '{page}' is not a local file; skipped."
            )
            return []
        path = unquote(urlsplit(raw).path)
        if path.startswith("/"):
            target = (location.root / path.lstrip("/")).resolve()
        else:
            target = (current_dir / path).resolve()
        if not target.is_relative_to(location.root):
            self.ext.warn(
                f"learn_syntax: include '{raw}' in page '{page}' resolves to '{target}', "
                f"outside the docs root '{location.root}'; refused."
            )
            return []
        if target in stack:
            self.ext.warn(
                f"learn_syntax: include cycle: '{raw}' in page '{page}' "
                "includes a file that is already being included; skipped."
            )
            return []
        if depth >= self.ext.max_include_depth:
            self.ext.warn(
                f"learn_syntax: include '{raw}' in page '{page}' exceeds the maximum include depth "
                f"of {self.ext.max_include_depth}; skipped."
            )
            return []
        if not target.is_file():
            self.ext.warn(
                f"learn_syntax: include file '{raw}' not found "
                f"(looked for '{target}') in page '{page}'."
            )
            return []
        try:
            text = target.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            self.ext.warn(f"learn_syntax: cannot read include '{raw}' in page '{page}': {exc}")
            return []
        body = _strip_front_matter(text.splitlines())
        expanded = self._expand(body, target.parent, [*stack, target], depth + 1, location)
        indent = match.group("indent")
        return ["", *[indent + line if line.strip() else line for line in expanded], ""]
