"""MkDocs hook for tutorial pages rendered by mkdocs-jupyter.

- Publishes each ``tutorials/<name>.py`` also as ``tutorials/<name>.ipynb``, for the download
  button that ``overrides/partials/content.html`` shows.
- Removes the third-party and empty ``<script src>`` tags that mkdocs-jupyter's template emits
  (mermaid from a CDN, MathJax with an empty URL): the site makes no request off the site.
- Gives every figure a tutorial draws the alt text written in its cell, one ``# alt: ...``
  comment per figure (see ``site_tools.tutorial_pages``); a figure without one fails the build.
- Gives the page a meta description: the tutorial's first paragraph.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import jupytext
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from site_tools.tutorial_pages import AltTextError, accessible_tutorial_html, first_paragraph

EXTERNAL_OR_EMPTY_SCRIPT = re.compile(
    r'<script[^>]*\bsrc="(?:https?:)?(?://[^"]*)?"[^>]*>\s*</script>', re.IGNORECASE
)
TUTORIALS = "tutorials/"
log = logging.getLogger("mkdocs.hooks.notebooks")


def is_tutorial(src_uri: str) -> bool:
    return src_uri.startswith(TUTORIALS) and src_uri.endswith(".py")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in list(files):
        if is_tutorial(file.src_uri):
            notebook = jupytext.writes(jupytext.read(file.abs_src_path), fmt="ipynb")
            files.append(File.generated(config, file.src_uri[:-3] + ".ipynb", content=notebook))
    return files


def on_page_content(content: str, page, config, files) -> str:
    if not is_tutorial(page.file.src_uri):
        return content
    source = Path(page.file.abs_src_path)
    content = EXTERNAL_OR_EMPTY_SCRIPT.sub("", content)
    try:
        content = accessible_tutorial_html(content, source)
    except AltTextError as error:
        raise PluginError(str(error)) from None
    if page.meta is not None and not page.meta.get("description"):
        page.meta["description"] = first_paragraph(source)
    return content


def on_build_error(error: Exception) -> None:
    """A tutorial cell raised while the site was built: say where to get its file and line."""
    from nbclient.exceptions import CellExecutionError

    if isinstance(error, CellExecutionError):
        log.error(
            "A tutorial cell raised while building the site (traceback above). "
            "`uv run pytest tests/test_tutorials.py` names the tutorial, its line and how to reproduce it."
        )
