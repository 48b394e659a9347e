"""MkDocs hook: build the resource tables of the learning pages from ``data/resources.yaml``.

A page asks for them with markers such as ``<!-- resources: by-step -->`` (see
``site_tools.resources``). The file is loaded and validated once per build; a broken entry
stops the build with a message naming the entry and the field. Nothing is fetched or written.
"""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site_tools.resources import DATA_FILE, Resource, ResourceError, load_resources, replace_markers

_resources: list[Resource] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _resources
    try:
        _resources = load_resources()
    except ResourceError as error:
        raise PluginError(str(error)) from error
    return config


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    """``mkdocs serve`` rebuilds when the data file changes."""
    server.watch(str(DATA_FILE))
    return server


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        return replace_markers(markdown, _resources)
    except ResourceError as error:
        raise PluginError(f"{page.file.src_path}: {error}") from error
