"""MkDocs hook: draw every figure that a snippet shows, and publish it under ``figures/``.

``snippets/<topic>/<name>.py`` that calls ``plt.show()`` becomes ``figures/<topic>/<name>.png``
(and ``<name>-2.png``... for further figures). Pages link to those paths, so ``--strict`` fails
on a figure that no snippet draws. Results are cached in ``.cache/figures`` under a hash of the
snippet and of ``tutorials_lib``, so ``mkdocs serve`` redraws only what changed; the tests save
the figures of the snippets they run into the same cache (``site_tools.figures``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from site_tools.figures import cache_folder, is_drawn


def _draw(snippet: Path, cache_root: Path) -> tuple[Path, list[Path]]:
    outdir = cache_folder(snippet, cache_root)
    if not is_drawn(outdir):
        # Snippets are drawn two at a time: one thread each avoids oversubscribing the cores,
        # which slows OpenMP code such as HistGradientBoosting by orders of magnitude.
        env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0", "OMP_NUM_THREADS": "1"}
        result = subprocess.run(
            [sys.executable, "-m", "site_tools.figures", str(snippet), str(outdir)],
            capture_output=True, text=True, env=env,
        )
        if result.returncode != 0:
            raise PluginError(
                f"Drawing the figures of {snippet} failed:\n{result.stderr}"
            )
    return snippet, sorted(outdir.glob("*.png"))


def figure_snippets(snippets_dir: Path) -> list[Path]:
    """Snippets that draw: the ones that call ``plt.show()``."""
    return [path for path in sorted(snippets_dir.rglob("*.py")) if "plt.show()" in path.read_text()]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    snippets_dir = Path(config.config_file_path).parent / "snippets"
    cache_root = Path(config.config_file_path).parent / ".cache" / "figures"
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        drawn = list(pool.map(lambda s: _draw(s, cache_root), figure_snippets(snippets_dir)))
    for snippet, pngs in drawn:
        topic = snippet.parent.relative_to(snippets_dir).as_posix()
        for png in pngs:
            files.append(File.generated(config, f"figures/{topic}/{png.name}", abs_src_path=str(png)))
    return files
