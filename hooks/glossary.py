"""MkDocs hook: build the glossary page from ``data/glossary.yaml``.

The page holds a ``<!-- glossary -->`` marker that this hook replaces. Entries link to pages of
this repository's ``docs/``; ``mkdocs build --strict`` then checks every link and anchor. The same data file
generates ``includes/abbreviations.md``, the tooltips of every page (``python -m
site_tools.glossary``); the build stops if that file is out of date, or if an entry is broken.
"""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site_tools.glossary import (
    ABBREVIATIONS_FILE,
    DATA_FILE,
    GlossaryError,
    Term,
    load_glossary,
    render_abbreviations,
    replace_marker,
)

_terms: list[Term] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _terms
    try:
        _terms = load_glossary()
    except GlossaryError as error:
        raise PluginError(str(error)) from error
    if ABBREVIATIONS_FILE.read_text(encoding="utf-8") != render_abbreviations(_terms):
        raise PluginError(
            "includes/abbreviations.md does not match data/glossary.yaml; regenerate it with: "
            "uv run python -m site_tools.glossary"
        )
    return config


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    """``mkdocs serve`` rebuilds when the glossary changes."""
    server.watch(str(DATA_FILE))
    return server


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        return replace_marker(markdown, _terms, page.file.src_uri)
    except GlossaryError as error:
        raise PluginError(f"{page.file.src_path}: {error}") from error
