"""MkDocs hook for the tutorials (percent-format notebooks in ``docs/tutorials/``).

- Executes each tutorial once (``site_tools.notebooks``: cached, warnings as errors, a failing
  cell fails the build naming the file and line) and hands the executed notebook to
  mkdocs-jupyter, which only renders it. Under ``mkdocs serve`` a tutorial that has not run yet
  is shown without outputs, with a note, while it runs in the background
  (``site_tools.background``); the page is built again when its run lands.
- Publishes each figure as a PNG file beside the page instead of inline base64, so the page
  stays light and the browser loads figures lazily.
- Publishes ``tutorials/<name>.ipynb`` for the download button that
  ``overrides/partials/content.html`` shows: the executed notebook, after a first cell that
  installs what it imports and the reader lacks (``site_tools.reader``).
- Removes the third-party and empty ``<script src>`` tags that mkdocs-jupyter's template emits,
  and moves the JupyterLab stylesheet it inlines into every tutorial (about 570 KB) into one
  shared file, ``assets/stylesheets/jupyter.css``, holding only the rules the tutorials use.
- Shows, under the title, how long the run took (``run.json`` of the run the page shows).
- Gives every figure the alt text written in its cell (``# alt: ...``, see
  ``site_tools.tutorial_pages``) and the page a meta description, its first paragraph.
"""

from __future__ import annotations

import base64
import functools
import re
from pathlib import Path

import jupytext
import nbformat
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from site_tools import background, reader
from site_tools.environment import CACHE
from site_tools.notebooks import (
    DONE,
    RUNS,
    TutorialError,
    cached_notebook,
    execute_tutorial,
    run_folder,
    run_record,
)
from site_tools.serve_plan import built_file
from site_tools.stylesheets import classes_in, purge
from site_tools.tutorial_pages import AltTextError, accessible_tutorial_html, first_paragraph, png_size

EXTERNAL_OR_EMPTY_SCRIPT = re.compile(
    r'<script[^>]*\bsrc="(?:https?:)?(?://[^"]*)?"[^>]*>\s*</script>', re.IGNORECASE
)
# mkdocs-jupyter's inline loader for Mermaid diagrams (none here): 11 KB that would import from a CDN.
MERMAID_LOADER = re.compile(
    r"<script[^>]*>(?:(?!</script>).)*jp-Mermaid(?:(?!</script>).)*</script>", re.DOTALL
)
INLINE_PNG = re.compile(r'src="data:image/png;base64,(?P<data>[^"]+)"')
# Page-wide styles; the scoped ones (a pandas table's) stay where they are.
PAGE_STYLE = re.compile(r"<style(?![^>]*scoped)[^>]*>(?P<css>.*?)</style>", re.DOTALL)
FIRST_HEADING_END = re.compile(r"</h1>")
TUTORIALS = "tutorials/"
STYLESHEET = "assets/stylesheets/jupyter.css"

# For each tutorial: its executed notebook, and its figures' base64 text -> the attributes of
# the published file.
_executed: dict[str, Path] = {}
_figures: dict[str, dict[str, str]] = {}
_styles: dict[str, str] = {}  # the notebook CSS, and the classes the tutorial pages use
# The classes each tutorial page uses; kept across mkdocs serve's rebuilds, which may render only
# one tutorial, so that the shared stylesheet still serves them all.
_classes: dict[str, set[str]] = {}
_placeholders: set[str] = set()  # mkdocs serve: tutorials shown without outputs until their run lands
RUNNING_NOTE = (
    '<div class="admonition info" role="status"><p class="admonition-title">Running</p><p>This '
    "tutorial has not run on this machine yet, so its outputs and figures are missing. It is "
    "running now; this page reloads with them when the run is done (the terminal running "
    "<code>mkdocs serve</code> shows the progress).</p></div>"
)


def is_tutorial(src_uri: str) -> bool:
    return src_uri.startswith(TUTORIALS) and src_uri.endswith(".py")


def _execute(file: File) -> Path:
    try:
        return execute_tutorial(Path(file.abs_src_path))
    except TutorialError as error:
        raise PluginError(f"A tutorial failed while building the site:\n{error}") from None


def _job(file: File) -> background.Job[Path]:
    source = Path(file.abs_src_path)
    return background.Job(
        key=str(run_folder(source)),
        label=f"the tutorial {file.src_uri}",
        cached=lambda: cached_notebook(source),
        run=lambda: _execute(file),
        estimate=lambda: _seconds_of_an_earlier_run(source.stem),
    )


def _seconds_of_an_earlier_run(stem: str) -> float | None:
    records = sorted((CACHE / RUNS).glob(f"*/{DONE}"), key=lambda path: path.stat().st_mtime)
    earlier = [record for record in records if (record.parent / f"{stem}.ipynb").exists()]
    return run_record(earlier[-1].parent / f"{stem}.ipynb")["seconds"] if earlier else None


def placeholder_notebook(source: Path) -> Path:
    """The tutorial without outputs, shown by ``mkdocs serve`` until its first run lands."""
    path = CACHE / RUNS / "not-run-yet" / f"{source.stem}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(jupytext.read(source), path)
    return path


def on_files(files: Files, config: MkDocsConfig) -> Files:
    tutorials = [file for file in files if is_tutorial(file.src_uri)]
    # In a build, every run (one thread each, as many at once as there are cores); under
    # mkdocs serve, the cached ones, and the others start in the background (site_tools.background).
    executed = background.results([_job(file) for file in tutorials])
    for file, notebook_path in zip(tutorials, executed, strict=True):
        if notebook_path is None:
            notebook_path = placeholder_notebook(Path(file.abs_src_path))
            _placeholders.add(file.src_uri)
        elif file.src_uri in _placeholders:  # its run has landed: the page must be built again
            _placeholders.discard(file.src_uri)
            built_file(f"docs/{file.src_uri}", Path(config.site_dir)).unlink(missing_ok=True)
        _executed[file.src_uri] = notebook_path
        stem = file.src_uri[len(TUTORIALS) : -len(".py")]
        source = Path(file.abs_src_path)
        download = _download(source, source.read_text(encoding="utf-8"), notebook_path, config.site_url)
        files.append(File.generated(config, f"{TUTORIALS}{stem}.ipynb", content=download))
        _figures[file.src_uri] = {}
        for number, data in enumerate(_inline_pngs(notebook_path), start=1):
            png = base64.b64decode(data)
            name = f"figure-{number}.png"
            files.append(File.generated(config, f"{TUTORIALS}{stem}/{name}", content=png))
            width, height = png_size(png)
            _figures[file.src_uri][data] = f'src="{name}" width="{width}" height="{height}" loading="lazy"'
    return files


@functools.lru_cache(maxsize=32)  # mkdocs serve: rebuilt only when the tutorial or its run changes
def _download(source: Path, source_text: str, notebook_path: Path, site_url: str | None) -> bytes:
    return reader.download_notebook(source, notebook_path, site_url)


@functools.lru_cache(maxsize=64)  # a run's path names its content: mkdocs serve reads it once
def _inline_pngs(notebook_path: Path) -> list[str]:
    notebook = nbformat.read(notebook_path, as_version=4)
    return [
        "".join(output["data"]["image/png"].split())
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    ]


@event_priority(50)  # before mkdocs-jupyter's, which renders the notebook at abs_src_path
def on_pre_page(page, config, files):
    if is_tutorial(page.file.src_uri):
        page.file.abs_src_path = str(_executed[page.file.src_uri])
    return page


def on_page_content(content: str, page, config, files) -> str:
    if not is_tutorial(page.file.src_uri):
        return content
    source = Path(config.docs_dir) / page.file.src_uri
    content = MERMAID_LOADER.sub("", EXTERNAL_OR_EMPTY_SCRIPT.sub("", content))
    _styles.setdefault("css", "".join(m["css"] for m in PAGE_STYLE.finditer(content)))
    stylesheet = get_relative_url(STYLESHEET, page.url)
    content = f'<link rel="stylesheet" href="{stylesheet}">' + PAGE_STYLE.sub("", content)
    if page.file.src_uri in _placeholders:
        return FIRST_HEADING_END.sub(lambda m: m[0] + RUNNING_NOTE, content, count=1)
    try:
        content = accessible_tutorial_html(content, source)
    except AltTextError as error:
        raise PluginError(str(error)) from None
    figures = _figures.get(page.file.src_uri, {})
    note = run_time_note(_executed[page.file.src_uri])
    content = FIRST_HEADING_END.sub(lambda m: m[0] + note, content, count=1)
    content = INLINE_PNG.sub(lambda m: figures.get("".join(m["data"].split()), m[0]), content)
    if page.meta is not None and not page.meta.get("description"):
        page.meta["description"] = first_paragraph(source)
    return content


def run_time_note(executed: Path) -> str:
    """The measured run time of a tutorial, from the record of the run this page shows."""
    record = run_record(executed)
    return (
        '<p class="tutorial-run-time"><strong>Run time:</strong> this notebook ran from top to bottom '
        f"in {record['seconds']:.0f} s on the {record['cores']}-core machine that built this page, "
        f"using {record['cpu_seconds']:.0f} s of processor time, one thread per numerical library "
        "(the wall time is longer when other work shares the machine). Yours may be faster or "
        "slower.</p>"
    )


@functools.lru_cache(maxsize=4)  # mkdocs serve rebuilds every page on each edit
def _purged(css: str, classes: frozenset[str]) -> str:
    return purge(css, set(classes))


def on_post_page(output: str, page, config) -> str:
    if is_tutorial(page.file.src_uri):
        _classes[page.file.src_uri] = classes_in(output)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    if "css" in _styles:
        path = Path(config.site_dir) / STYLESHEET
        path.parent.mkdir(parents=True, exist_ok=True)
        used = frozenset().union(*_classes.values())
        path.write_text(_purged(_styles.pop("css"), used), encoding="utf-8")
