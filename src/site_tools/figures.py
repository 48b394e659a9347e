"""Draw the figures of one snippet into PNG files, in a cache shared by the build and the tests.

Run as ``python -m site_tools.figures SNIPPET OUTDIR``: the build hook calls it in a fresh
process for each snippet that calls ``plt.show()``, so snippets cannot disturb each other.
The first figure is saved as ``<name>.png``, later ones as ``<name>-2.png``, ``<name>-3.png``.

The cache folder of a snippet is named after a hash of the snippet and of ``tutorials_lib``.
The tests run every snippet anyway, so they save its figures there too (``save``), and a build
after them only draws what they did not.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
import tempfile
from pathlib import Path

from site_tools.snippets import run_snippet

DPI = 110
LIBRARY = Path(__file__).resolve().parents[1] / "tutorials_lib"
DONE = ".done"  # written last: a folder without it is incomplete


def figure_names(stem: str, count: int) -> list[str]:
    """Names of the PNG files for a snippet that draws ``count`` figures."""
    return [f"{stem}.png"] + [f"{stem}-{number}.png" for number in range(2, count + 1)]


@functools.cache
def _library_digest() -> bytes:
    digest = hashlib.sha256()
    for path in sorted(LIBRARY.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.digest()


def cache_folder(snippet: Path, cache_root: Path) -> Path:
    """Where the figures of ``snippet``, as it is now, are kept."""
    return cache_root / hashlib.sha256(snippet.read_bytes() + _library_digest()).hexdigest()[:20]


def is_drawn(folder: Path) -> bool:
    return (folder / DONE).exists()


def save(figures: list, snippet: Path, outdir: Path) -> list[Path]:
    """Save ``figures`` (what ``snippet`` showed) into ``outdir``, then mark it complete."""
    outdir.mkdir(parents=True, exist_ok=True)
    paths = [outdir / name for name in figure_names(snippet.stem, len(figures))]
    for figure, path in zip(figures, paths, strict=True):
        partial = path.with_suffix(f".{os.getpid()}.part")
        figure.savefig(partial, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
        os.replace(partial, path)  # a build reading the folder never sees half a file
    (outdir / DONE).touch()
    return paths


def draw(snippet: Path, outdir: Path) -> list[Path]:
    """Run ``snippet`` and save each figure it shows into ``outdir``."""
    snippet = snippet.resolve()
    outdir = outdir.resolve()
    # A scratch working directory: snippets that save files must not litter the repository.
    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(scratch)
        run = run_snippet(snippet)
    if not run.figures:
        raise SystemExit(f"{snippet}: calls plt.show() but showed no figure")
    return save(run.figures, snippet, outdir)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: python -m site_tools.figures SNIPPET OUTDIR")
    for saved in draw(Path(sys.argv[1]), Path(sys.argv[2])):
        print(saved)
