"""MkDocs hook: publish every figure that a snippet shows under ``figures/``.

``snippets/<topic>/<name>.py`` that calls ``plt.show()`` becomes ``figures/<topic>/<name>.png``
(and ``<name>-2.png``... for further figures). Pages link to those paths, so ``--strict`` fails
on a figure that no snippet draws. The figures come from the snippet's one recorded run
(``site_tools.runs``), which the tests share: whichever needs a run first makes it. Under
``mkdocs serve``, a figure that has not been drawn yet is drawn in the background.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from site_tools import background
from site_tools.environment import inputs_digest
from site_tools.runs import SnippetError, SnippetRun, cached_run, run_folder, run_snippet

_missing: set[str] = set()  # mkdocs serve: figures still being drawn, as figures/<topic>/<name>


class _NotDrawnYet(logging.Filter):
    """Under mkdocs serve, a link to a figure that is still being drawn is not a broken link."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not any(f"'{figure}" in message for figure in _missing)


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        logging.getLogger("mkdocs.structure.pages").addFilter(_NotDrawnYet())


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
    # In a build, every run (one thread each, as many at once as there are cores); under
    # mkdocs serve, a figure not drawn yet is drawn in the background (site_tools.background).
    jobs = [
        background.Job(
            key=str(run_folder(snippet)),
            label=f"the figure snippet {snippet.relative_to(snippets_dir.parent).as_posix()}",
            cached=lambda snippet=snippet: cached_run(snippet),
            run=lambda snippet=snippet: _run(snippet),
        )
        for snippet in snippets
    ]
    _missing.clear()
    for snippet, run in zip(snippets, background.results(jobs), strict=True):
        topic = snippet.parent.relative_to(snippets_dir).as_posix()
        if run is None:  # mkdocs serve: the page shows the figure's alt text until it is drawn
            _missing.add(f"figures/{topic}/{snippet.stem}")
            continue
        for png in run.figures:
            files.append(File.generated(config, f"figures/{topic}/{png.name}", abs_src_path=str(png)))
    return files
