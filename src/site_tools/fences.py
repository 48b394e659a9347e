"""Find the fenced code blocks of a Markdown page, with their line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`\n]*)$")


@dataclass
class Fence:
    line: int  # 1-based line of the opening fence
    info: str  # everything after the backticks: language and attributes
    body: str
    before: str  # the nearest non-blank line above the block

    @property
    def language(self) -> str:
        return self.info.split()[0] if self.info.split() else ""


def fences(text: str) -> list[Fence]:
    """Return every fenced code block of ``text`` (nested fences are not expected on this site)."""
    lines = text.splitlines()
    found: list[Fence] = []
    index = 0
    while index < len(lines):
        opening = OPENING.match(lines[index])
        if not opening:
            index += 1
            continue
        fence, indent = opening["fence"], opening["indent"]
        closing = re.compile(rf"^{re.escape(indent)}{fence[0]}{{{len(fence)},}}\s*$")
        end = index + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        before = next((line.strip() for line in reversed(lines[:index]) if line.strip()), "")
        body = "\n".join(line[len(indent):] for line in lines[index + 1:end])
        found.append(Fence(index + 1, opening["info"].strip(), body, before))
        index = end + 1
    return found
