"""Print a page as a reviewer reads it: its prose with every output it shows, in place.

A Markdown page is printed with each ``--8<--`` include replaced by the file it includes (the
snippet's code, its recorded ``.out``). A tutorial is printed from its executed notebook (run
first if it has not run): Markdown cells as they are, each code cell followed by what it
printed, and ``[figure N: alt text]`` for each figure.

Run it as ``uv run python -m site_tools.show docs/<page>.md`` (or ``docs/tutorials/<name>.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

from site_tools.environment import ROOT
from site_tools.fences import INCLUDE


def expanded_page(page: Path) -> str:
    """The Markdown of ``page`` with each whole-line include replaced by what it includes."""
    lines = []
    for line in page.read_text(encoding="utf-8").splitlines():
        match = INCLUDE.match(line)
        if match and not match["path"].startswith("includes/"):
            path, _, _section = match["path"].partition(":")
            lines.append((ROOT / path).read_text(encoding="utf-8").rstrip("\n"))
        else:
            lines.append(line)
    return "\n".join(lines)


def notebook_text(notebook: nbformat.NotebookNode) -> str:
    """Markdown cells as written; code cells fenced, each followed by its outputs as text."""
    parts: list[str] = []
    figure = 0
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
            continue
        parts.append(f"```python\n{cell.source}\n```")
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                parts.append(f'```text title="Output ({output.name})"\n{output.text.rstrip()}\n```')
            elif "image/png" in output.get("data", {}):
                figure += 1
                parts.append(f"[figure {figure}]")
            elif "text/plain" in output.get("data", {}):
                parts.append(f'```text title="Output"\n{output.data["text/plain"].rstrip()}\n```')
    return "\n\n".join(parts)


def show(path: Path) -> str:
    if path.suffix == ".py":
        from site_tools.notebooks import execute_tutorial

        return notebook_text(nbformat.read(execute_tutorial(path), as_version=4))
    return expanded_page(path)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m site_tools.show docs/<page>.md | docs/tutorials/<name>.py")
    print(show(Path(sys.argv[1]).resolve()))
