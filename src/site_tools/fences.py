"""Find the fenced code blocks of a Markdown page, with their places, rendered language and includes."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

INCLUDE = re.compile(r'^[ \t]*--8<-- "(?P<path>[^"]+)"[ \t]*$')  # a whole-line pymdownx.snippets include
OPENING = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`\n]*)$")
# Pygments lexers whose blocks a reader sees as Python code (pytb, a traceback, is not code).
PYTHON_LEXERS = {
    "Python",
    "Python 2.x",
    "Python console session",
    "IPython",
    "IPython3",
    "IPython console session",
}


@dataclass
class Fence:
    line: int  # 1-based line of the opening fence
    info: str  # everything after the fence characters: language and attributes
    body: str
    before: str  # the nearest non-blank line above the block
    start: int = 0  # character offsets of the block in the page, closing fence included
    end: int = 0

    @property
    def language(self) -> str:
        """The language as superfences reads it: ``python`` in ``python title="x"`` or ``{.python}``."""
        words = self.info.split()
        if not words:
            return ""
        if words[0].startswith("{"):
            classes = re.findall(r"\.([\w+-]+)", self.info)
            return classes[0] if classes else ""
        return words[0]

    @property
    def renders_as_python(self) -> bool:
        """True if the page shows this block highlighted as Python, whatever the spelling."""
        return _lexer_name(self.language) in PYTHON_LEXERS


@functools.cache
def _lexer_name(language: str) -> str:
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(language).name if language else ""
    except ClassNotFound:
        return ""


def fences(text: str) -> list[Fence]:
    """Return every fenced code block of ``text`` (nested fences are not expected on this site)."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    found: list[Fence] = []
    index = 0
    while index < len(lines):
        opening = OPENING.match(lines[index].rstrip("\n"))
        if not opening:
            index += 1
            continue
        fence, indent = opening["fence"], opening["indent"]
        closing = re.compile(rf"^{re.escape(indent)}{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        end = index + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        before = next((line.strip() for line in reversed(lines[:index]) if line.strip()), "")
        body = "".join(line[len(indent) :] for line in lines[index + 1 : end]).rstrip("\n")
        found.append(
            Fence(
                index + 1,
                opening["info"].strip(),
                body,
                before,
                offsets[index],
                offsets[min(end + 1, len(lines))],
            )
        )
        index = end + 1
    return found


def included_path(fence: Fence) -> str | None:
    """The one file a block includes with ``--8<--``, if that is all the block holds."""
    lines = [line for line in fence.body.splitlines() if line.strip()]
    if len(lines) != 1 or not (match := INCLUDE.match(lines[0])):
        return None
    return match["path"]
