"""MkDocs hook: publish one exercises notebook per track, built from the exercise registry.

``practice/notebooks/<track>.ipynb`` holds, for each exercise of the track, its statement, a
cell to fill in and a cell that checks the answer. The practice pages link to these files; the
notebooks are generated at build time, so they cannot drift from ``tutorials_lib.exercises``.
"""

from __future__ import annotations

import json

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from tutorials_lib.exercises import TRACKS, notebook

NOTEBOOKS = "practice/notebooks"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for track in TRACKS:
        content = json.dumps(notebook(track), indent=1, ensure_ascii=False) + "\n"
        files.append(File.generated(config, f"{NOTEBOOKS}/{track}.ipynb", content=content))
    return files
