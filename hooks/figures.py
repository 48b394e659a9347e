"""MkDocs hook: publish every figure that a snippet shows under ``figures/``.

``snippets/<topic>/<name>.py`` that calls ``plt.show()`` becomes ``figures/<topic>/<name>.png``
(and ``<name>-2.png``... for further figures). Pages link to those paths, so ``--strict`` fails
on a figure that no snippet draws. The figures come from the snippet's one recorded run
(``site_tools.runs``), which the tests share: whichever needs a run first makes it.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from site_tools.environment import inputs_digest
from site_tools.runs import SnippetError, SnippetRun, run_snippet


def figure_snippets(snippets_dir: Path) -> list[Path]:
    """Snippets that draw: the ones that call ``plt.show()``."""
    return [path for path in sorted(snippets_dir.rglob("*.py")) if "plt.show()" in path.read_text()]


def _run(snippet: Path) -> SnippetRun:
    try:
        return run_snippet(snippet)
    except SnippetError as error:
        raise PluginError(f"Drawing the figures of a snippet failed: {error}") from None


def on_pre_build(config: MkDocsConfig) -> None:
    # mkdocs serve: the library, data or lock file may have changed since the last build.
    inputs_digest.cache_clear()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    snippets_dir = Path(config.config_file_path).parent / "snippets"
    snippets = figure_snippets(snippets_dir)
    # Each run uses one thread (site_tools.environment): run as many as there are cores.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        runs = list(pool.map(_run, snippets))
    for snippet, run in zip(snippets, runs, strict=True):
        topic = snippet.parent.relative_to(snippets_dir).as_posix()
        for png in run.figures:
            files.append(File.generated(config, f"figures/{topic}/{png.name}", abs_src_path=str(png)))
    return files
