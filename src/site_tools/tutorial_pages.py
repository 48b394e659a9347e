"""What a tutorial page needs besides its outputs: alt text for its figures, a description.

A figure drawn in a tutorial gets its alt text from a comment in the cell that draws it::

    # %%
    # alt: Ten handwritten digits, 0 to 9, each an 8 by 8 grid of grey pixels.
    plot_image_grid(pixels[:10], labels=labels[:10])
    plt.show()

One ``# alt:`` line per figure the cell shows, in the order they appear. A long text goes on
over the next comment lines when they are indented (``#     more words``).
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

import jupytext
from bs4 import BeautifulSoup

from site_tools.hints import shown
from site_tools.notebooks import code_cell_lines

ALT_LINE = re.compile(r"^\s*#\s*alt:\s*(?P<text>.*?)\s*$")
CONTINUATION = re.compile(r"^\s*#\s{2,}(?P<text>\S.*?)\s*$")
MINIMUM_ALT_LENGTH = 15
MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\([^)]*\)")
MARKDOWN_MARKS = re.compile(r"[*_`]")


class AltTextError(ValueError):
    """A tutorial figure has no alt text; the message names the file, the line and the fix."""


def alt_texts(code: str) -> list[str]:
    """The ``# alt:`` texts of one code cell, in order."""
    texts: list[str] = []
    continuing = False
    for line in code.splitlines():
        if match := ALT_LINE.match(line):
            texts.append(match["text"])
            continuing = True
        elif continuing and (more := CONTINUATION.match(line)):
            texts[-1] += " " + more["text"]
        else:
            continuing = False
    return texts


def _top_level_cells(soup: BeautifulSoup) -> list:
    return [cell for cell in soup.select("div.jp-Cell") if not cell.find_parent("div", class_="jp-Cell")]


def accessible_tutorial_html(content: str, source: Path) -> str:
    """Cached :func:`_accessible_tutorial_html`: ``mkdocs serve`` rebuilds every page on each
    change, and parsing a tutorial page takes most of a second."""
    return _accessible_tutorial_html(content, source.read_text(encoding="utf-8"), source)


@functools.lru_cache(maxsize=32)
def _accessible_tutorial_html(content: str, source_text: str, source: Path) -> str:
    """Set each figure's ``alt`` from its cell's comments; make scrolling code cells focusable.

    Raises:
        AltTextError: If a cell shows figures and has not exactly one ``# alt:`` line (of at
            least 15 characters) for each, naming ``source`` and the cell's line.
    """
    notebook = jupytext.reads(source_text, fmt="py:percent")
    soup = BeautifulSoup(content, "html.parser")
    html_cells = _top_level_cells(soup)
    if len(html_cells) != len(notebook.cells):
        raise AltTextError(
            f"{source}: the page shows {len(html_cells)} cells but the tutorial has "
            f"{len(notebook.cells)}; cannot match figures with their cells."
        )
    starts = iter(code_cell_lines(source))
    problems: list[str] = []
    for cell, html_cell in zip(notebook.cells, html_cells, strict=True):
        if cell.cell_type != "code":
            continue
        line = next(starts)
        images = html_cell.select(".jp-OutputArea img")
        texts = alt_texts(cell.source)
        short = [text for text in texts if len(text) < MINIMUM_ALT_LENGTH]
        if len(texts) != len(images) or short:
            problems.append(_problem(source, line, len(images), texts, short))
            continue
        for image, text in zip(images, texts, strict=True):
            image["alt"] = text
    if problems:
        raise AltTextError("\n".join(problems))
    # A code cell wider than the page scrolls sideways: keyboard users must be able to reach it
    # (axe: scrollable-region-focusable, WCAG 2.1.1).
    for scrolling in soup.select("div.highlight-ipynb, .jp-RenderedMarkdown div.highlight > pre"):
        scrolling["tabindex"] = "0"
    return str(soup)


def _problem(source: Path, line: int, figures: int, texts: list[str], short: list[str]) -> str:
    where = f"{shown(source)}, line {line}:"
    how = (
        "Describe each figure in a comment in the cell that draws it, one line per figure, in "
        "the order they are shown, e.g.\n"
        "    # alt: Learning curves: training accuracy climbs to 0.99 while validation levels off at 0.97.\n"
        "Say what the figure shows, not that it is a figure (CONTRIBUTING.md, 'Add a tutorial', step 3)."
    )
    if short:
        return f"{where} the alt text {short[0]!r} is too short to describe a figure. {how}"
    if not texts:
        return f"{where} this cell draws {figures} figure(s) with no '# alt:' comment. {how}"
    return f"{where} this cell draws {figures} figure(s) but has {len(texts)} '# alt:' comment(s). {how}"


def first_paragraph(source: Path) -> str:
    """The first paragraph of prose in the tutorial, as plain text: its meta description."""
    notebook = jupytext.read(source)
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for paragraph in re.split(r"\n\s*\n", cell.source):
            text = " ".join(paragraph.split())
            if text and not text.startswith(("#", "-", "1.", "|", "!", "<")):
                text = MARKDOWN_MARKS.sub("", MARKDOWN_LINK.sub(r"\g<text>", text))
                # "You will:" introduces a list; the description stops before it.
                sentences = [s for s in re.split(r"(?<=[.!?:])\s+", text) if not s.endswith(":")]
                return html.unescape(" ".join(sentences) or text)
    raise AltTextError(f"{source}: no paragraph of prose to describe the tutorial; start it with one.")


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels of a PNG image, read from its header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG image")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
