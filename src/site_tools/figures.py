"""Draw the figures of one snippet into PNG files.

Run as ``python -m site_tools.figures SNIPPET OUTDIR``: the build hook calls it in a fresh
process for each snippet that calls ``plt.show()``, so snippets cannot disturb each other.
The first figure is saved as ``<name>.png``, later ones as ``<name>-2.png``, ``<name>-3.png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from site_tools.snippets import run_snippet

DPI = 110


def figure_names(stem: str, count: int) -> list[str]:
    """Names of the PNG files for a snippet that draws ``count`` figures."""
    return [f"{stem}.png"] + [f"{stem}-{number}.png" for number in range(2, count + 1)]


def draw(snippet: Path, outdir: Path) -> list[Path]:
    """Run ``snippet`` and save each figure it shows into ``outdir``."""
    snippet = snippet.resolve()
    outdir = outdir.resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    # A scratch working directory: snippets that save files must not litter the repository.
    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(scratch)
        run = run_snippet(snippet)
    if not run.figures:
        raise SystemExit(f"{snippet}: calls plt.show() but showed no figure")
    paths = [outdir / name for name in figure_names(snippet.stem, len(run.figures))]
    for figure, path in zip(run.figures, paths):
        figure.savefig(path, dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: python -m site_tools.figures SNIPPET OUTDIR")
    for saved in draw(Path(sys.argv[1]), Path(sys.argv[2])):
        print(saved)
