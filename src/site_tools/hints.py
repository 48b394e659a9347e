"""How to fix what a contributor broke: hints added under the failures that pytest and the
build report, each starting from the file and line the failure names."""

from __future__ import annotations

import re
from pathlib import Path

BROKEN_LINK = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<target>[^']+)', but the target")


def doctest_hint() -> str:
    return (
        "The lines under a `>>>` line are what Python must print. Run the example to see what it prints "
        "now (`uv run python`, then type the lines). Fix the code, or, if the new output is right (a new "
        "library version, say), paste it under the `>>>` line. Never type an output you have not seen; "
        "`...` in an expected output matches anything."
    )


def snippet_hint(snippet: str) -> str:
    return (
        f"Run the snippet alone, as a reader would: `uv run python {snippet}`. The traceback above "
        f"points at the line of {snippet} that failed. If it prints something new on purpose, record it "
        "with `uv run pytest --update-outputs <page>`."
    )


def shown(path: Path) -> str:
    """``path`` relative to the working directory (the repository) when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def tutorial_hint(tutorial: Path) -> str:
    return (
        f"Reproduce it outside the tests with `uv run python {shown(tutorial)}` (a tutorial is also a plain "
        "script), fix the cell at the line above, then run "
        f"`uv run pytest tests/test_tutorials.py -k {tutorial.stem}`."
    )


def broken_links(build_log: str, docs: Path) -> str:
    """For each broken link that MkDocs reports by page, the lines of the page that hold it."""
    lines = []
    for match in BROKEN_LINK.finditer(build_log):
        page, target = match["page"], match["target"]
        text = (docs / page).read_text(encoding="utf-8") if (docs / page).is_file() else ""
        numbers = [
            number
            for number, line in enumerate(text.splitlines(), 1)
            if f"]({target}" in line or f'"{target}"' in line
        ]
        where = ", ".join(f"docs/{page}, line {n}" for n in numbers) or f"docs/{page}"
        lines.append(
            f"{where}: the link '{target}' points at no page. Link the page's .md file by its path relative "
            "to this page (a tutorial: its .py file), fix the #anchor, or remove the link."
        )
    return "\n".join(lines)
