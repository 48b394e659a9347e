"""Numbers in prose come from outputs: each result a sentence quotes is printed on its page.

The tests prove that the code prints what the page shows; this module holds the prose to the
same outputs. Every **decimal number** (``0.588``, ``2.15``) and **percentage** (``57%``,
``98.3 %``) in a page's prose must appear, after rounding to the precision the prose gives, in
an output the same page shows: a snippet's ``.out`` file, the expected output of a ``>>>``
session, or, in a tutorial, what a cell printed. A percentage matches an output printed as a
fraction too (``57%`` is ``0.5712``).

What is not a result is told apart by rule:

- Whole numbers are not checked: counts, years, epochs and sizes are too often settings.
- Code is not prose: fenced blocks, ``inline code`` (write a setting the code uses as
  ``learning_rate=3e-3``), math (``$...$``), link targets, HTML comments and front matter.
- An image's alt text describes its figure, read off the figure; the review checks it.
- Version numbers: a number with a second point (``1.6.1``), or one that follows the name of
  a package in ``uv.lock``, or ``Python``, ``version`` or ``release`` (``Python 3.11``,
  ``scikit-learn 1.8``, ``Keras 3.15``, ``version 2.4``); references to a book's parts
  (``Figure 1.4``, ``section 5.2``).
- Anything else that is not a result (a published figure with its source, a constant) is
  named in a marker on the page, which says why::

      <!-- not results: 2e-5 and 5e-5 are the learning rates of the BERT paper -->

  Every number in such a comment is exempt on that page. A marker whose number no longer
  appears in the prose is reported too, so that exemptions do not outlive their sentence.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from site_tools.environment import ROOT
from site_tools.fences import INCLUDE, fences

# A decimal or a percentage, not glued to a word (x1.5, v2.0) or to another number (1.6.1).
PROSE_NUMBER = re.compile(
    r"(?<![\w.,/+−-])(?P<sign>[-−])?(?P<number>\d+(?:,\d{3})*(?:\.\d+)?)(?P<percent>\s?%)?(?![\w]|\.\d)"
)
OUTPUT_NUMBER = re.compile(r"[-−]?\d+(?:,\d{3})*(?:\.\d+)?(?:[eE][-+]?\d+)?(?P<percent>\s?%)?")
# Words after which a number is a version or a reference, besides the names of the locked packages.
NAMES = {
    "python",
    "pytorch",
    "tensorflow",
    "pip",
    "version",
    "release",
    "v",
    "material",
    "debian",
    "chromium",
}
REFERENCES = {"figure", "fig", "section", "chapter", "table", "equation", "eq"}
LAST_WORD = re.compile(r"(?P<word>[A-Za-z][\w.+-]*?)[\s(]*v?$")
MARKER = re.compile(r"<!--\s*not results?:(?P<text>.*?)-->", re.DOTALL)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.DOTALL)
LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|\]\[[^\]]*\]|^\[[^\]]+\]:\s*\S+.*$", re.MULTILINE)
URL = re.compile(r"<?https?://\S+")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
ATTRIBUTES = re.compile(r"\{[:#.][^}\n]*\}")
HTML_TAG = re.compile(r"<[^>\n]+>")
IMAGE_ALT = re.compile(r"!\[[^\]]*\]")
MARKDOWN_CELL = re.compile(r"^# %% \[markdown\]")
CODE_CELL = re.compile(r"^# %%(?!\s*\[markdown\])")


@dataclass(frozen=True)
class ProseNumber:
    """A number as the prose writes it, and the line of the page it is on (1-based)."""

    line: int
    text: str
    value: float
    decimals: int
    percent: bool

    def matches(self, printed: Iterable[tuple[float, bool]]) -> bool:
        """True if a printed number, rounded to this number's precision, is this number."""
        half = 0.5 * 10**-self.decimals + 1e-9
        for value, was_percent in printed:
            candidates = [value]
            if self.percent and not was_percent:
                candidates.append(value * 100)
            if was_percent and not self.percent:
                candidates.append(value / 100)
            if any(math.isclose(abs(c), self.value, abs_tol=half) for c in candidates):
                return True
        return False


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` with each match of ``pattern`` replaced by spaces, keeping line breaks."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)


def prose_only(markdown: str) -> str:
    """``markdown`` with everything that is not prose blanked out, lines kept in place."""
    for fence in reversed(fences(markdown)):
        block = markdown[fence.start : fence.end]
        markdown = markdown[: fence.start] + re.sub(r"[^\n]", " ", block) + markdown[fence.end :]
    for pattern in (
        FRONT_MATTER,
        HTML_COMMENT,
        IMAGE_ALT,
        INLINE_CODE,
        MATH,
        LINK_TARGET,
        URL,
        ATTRIBUTES,
        HTML_TAG,
    ):
        markdown = _blank(markdown, pattern)
    return markdown


def exempt_numbers(markdown: str) -> set[str]:
    """The numbers that the page's ``<!-- not results: ... -->`` markers name."""
    return {
        match["number"].replace(",", "")
        for marker in MARKER.finditer(markdown)
        for match in PROSE_NUMBER.finditer(marker["text"])
    }


def numbers_in_prose(markdown: str) -> list[ProseNumber]:
    """Every decimal number and percentage in the prose of ``markdown``, versions left out."""
    prose = prose_only(markdown)
    found = []
    for match in PROSE_NUMBER.finditer(prose):
        number, percent = match["number"], bool(match["percent"])
        if "." not in number and not percent:
            continue  # a whole number: a count, a year, a setting
        if not percent and _is_version(prose[max(0, match.start() - 40) : match.start()]):
            continue  # Python 3.11, scikit-learn 1.8, version 2.4 (a name may end the line before)
        digits = number.replace(",", "")
        line = prose.count("\n", 0, match.start()) + 1
        found.append(
            ProseNumber(line, match[0].strip(), float(digits), len(digits.partition(".")[2]), percent)
        )
    return found


def _is_version(before: str) -> bool:
    """True if the text just before a number ends with a name that versions follow."""
    word = LAST_WORD.search(before)
    return bool(word) and word["word"].lower() in NAMES | REFERENCES | _package_names()


@functools.cache
def _package_names() -> frozenset[str]:
    lock = (ROOT / "uv.lock").read_text(encoding="utf-8")
    return frozenset(re.findall(r'^name = "([^"]+)"', lock, re.MULTILINE))


def tutorial_markdown(source: str) -> str:
    """The Markdown cells of a percent-format tutorial, on the lines they have in the ``.py``
    file (every other line left blank), so that a line number is the one the author edits."""
    lines, in_markdown = [], False
    for line in source.splitlines():
        if MARKDOWN_CELL.match(line):
            in_markdown = True
            lines.append("")
        elif CODE_CELL.match(line):
            in_markdown = False
            lines.append("")
        else:
            lines.append(line.removeprefix("#").removeprefix(" ") if in_markdown else "")
    return "\n".join(lines)


def notebook_outputs(notebook) -> str:
    """What an executed notebook's cells printed, as text."""
    shown = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                shown.append(output.get("text", ""))
            elif "text/plain" in output.get("data", {}):
                shown.append(output["data"]["text/plain"])
    return "\n".join(shown)


def printed_numbers(outputs: str) -> list[tuple[float, bool]]:
    """Every number in ``outputs``, and whether it was printed as a percentage."""
    numbers = []
    for match in OUTPUT_NUMBER.finditer(outputs):
        text = match[0].replace("−", "-").replace(",", "").replace("%", "").strip()
        try:
            numbers.append((float(text), bool(match["percent"])))
        except ValueError:
            continue
    return numbers


def page_outputs(markdown: str, root: Path) -> str:
    """What a Markdown page shows as output: its included ``.out`` files and the expected output
    of its ``>>>`` sessions (never a block typed by hand)."""
    shown = []
    for fence in fences(markdown):
        lines = [line for line in fence.body.splitlines() if line.strip()]
        if len(lines) == 1 and (match := INCLUDE.match(lines[0])) and match["path"].endswith(".out"):
            shown.append((root / match["path"]).read_text(encoding="utf-8"))
        elif any(line.lstrip().startswith(">>>") for line in lines):
            shown.extend(line for line in lines if not line.lstrip().startswith((">>>", "...")))
    return "\n".join(shown)


@dataclass(frozen=True)
class Unsourced:
    """A number in prose that no output on its page shows."""

    page: str
    line: int
    number: str

    def __str__(self) -> str:
        return f"{self.page}, line {self.line}: {self.number} is in the prose but in no output on the page"


def unsourced_numbers(page: str, markdown: str, outputs: str) -> list[Unsourced]:
    """The numbers in ``markdown``'s prose that ``outputs`` does not show and no marker exempts."""
    printed = printed_numbers(outputs)
    exempt = exempt_numbers(markdown)
    return [
        Unsourced(page, number.line, number.text)
        for number in numbers_in_prose(markdown)
        if number.text.replace(",", "").rstrip("% ").lstrip("-−") not in exempt
        and not number.matches(printed)
    ]


def stale_exemptions(page: str, markdown: str) -> list[str]:
    """Numbers a marker exempts that the prose no longer holds."""
    in_prose = {n.text.replace(",", "").rstrip("% ").lstrip("-−") for n in numbers_in_prose(markdown)}
    return [
        f"{page}: the marker exempts {number}, which is no longer in the prose; remove it from the marker"
        for number in sorted(exempt_numbers(markdown) - in_prose)
    ]
