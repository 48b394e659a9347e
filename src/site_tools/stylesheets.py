"""Keep only the CSS rules that a set of pages can use.

mkdocs-jupyter inlines JupyterLab's whole stylesheet (about 570 KB, most of it for widgets and
dialogs a static page never shows) into every tutorial. :func:`purge` keeps the rules whose
selectors name only classes the pages use, so the tutorials share one small stylesheet.
"""

from __future__ import annotations

import re

CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
NEGATION = re.compile(r":not\([^()]*\)")
KEEP_WHOLE = ("@font-face", "@keyframes", "@-webkit-keyframes", "@page", "@property", "@counter-style")
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')


def classes_in(html: str) -> set[str]:
    """Every class name that an element of ``html`` carries."""
    return {name for value in CLASS_ATTRIBUTE.findall(html) for name in value.split()}


def purge(css: str, used: set[str]) -> str:
    """The rules of ``css`` that can match an element whose classes are all in ``used``."""
    out: list[str] = []
    for prelude, body in _blocks(css):
        if body is None:  # @charset, @import: statements without a block
            out.append(prelude + ";")
        elif prelude.startswith(KEEP_WHOLE):
            out.append(f"{prelude}{{{body}}}")
        elif prelude.startswith("@"):  # @media, @supports, @layer: purge what they hold
            if inner := purge(body, used):
                out.append(f"{prelude}{{{inner}}}")
        elif selectors := [s for s in _split_selectors(prelude) if _can_match(s, used)]:
            out.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(out)


def _can_match(selector: str, used: set[str]) -> bool:
    return set(CLASS.findall(NEGATION.sub("", selector))) <= used


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, current = [], 0, []
    for char in prelude:
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        current.append(char)
    parts.append("".join(current).strip())
    return [part for part in parts if part]


def _blocks(css: str) -> list[tuple[str, str | None]]:
    """Top-level ``(prelude, body)`` pairs of ``css``; body is None for a statement."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    blocks, index, length = [], 0, len(css)
    while index < length:
        start = index
        while index < length and css[index] not in "{;":
            if css[index] in "\"'":
                index = css.index(css[index], index + 1)
            index += 1
        prelude = css[start:index].strip()
        if index >= length:
            break
        if css[index] == ";":
            if prelude:
                blocks.append((prelude, None))
            index += 1
            continue
        depth, body_start = 1, index + 1
        index += 1
        while index < length and depth:
            char = css[index]
            if char in "\"'":
                index = css.index(char, index + 1)
            elif char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
            index += 1
        blocks.append((prelude, css[body_start : index - 1]))
    return blocks
