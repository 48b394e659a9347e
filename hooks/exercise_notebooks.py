"""MkDocs hook: publish one exercises notebook per track, built from the exercise registry.

``practice/notebooks/<track>.ipynb`` holds, for each exercise of the track, its statement, a
cell to fill in and a cell that checks the answer. The practice pages link to these files; the
notebooks are generated at build time, so they cannot drift from ``tutorials_lib.exercises``.
Each starts with the cell that installs what its code imports where it is missing
(``site_tools.reader``), so it runs in Colab or a fresh environment.
"""

from __future__ import annotations

import json

import nbformat
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from site_tools import reader
from tutorials_lib.exercises import TRACKS, notebook

NOTEBOOKS = "practice/notebooks"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for track in TRACKS:
        exercises = nbformat.from_dict(notebook(track, solved=True))  # what the solutions import
        modules = reader.used_modules(reader.notebook_code(exercises))
        published = reader.with_install_cell(nbformat.from_dict(notebook(track)), modules, config.site_url)
        nbformat.validate(published)
        content = json.dumps(published, indent=1, ensure_ascii=False) + "\n"
        files.append(File.generated(config, f"{NOTEBOOKS}/{track}.ipynb", content=content))
    return files
