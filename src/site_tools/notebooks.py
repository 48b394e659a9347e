"""Execute a percent-format tutorial the way the build does, and report errors by file and line."""

from __future__ import annotations

import re
import tempfile
import tomllib
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from site_tools.hints import tutorial_hint

CELL_MARKER = re.compile(r"^# %%(?!\s*\[markdown\])")

ANSI_CODE = re.compile(r"\x1b\[[0-9;]*m")
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def warning_filters_cell() -> str:
    """Code that applies pytest's ``filterwarnings`` from pyproject.toml inside the kernel.

    API drift must fail a tutorial as it fails the rest of the suite, with the same exceptions.
    """
    settings = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    lines = ["import warnings"]
    for entry in settings["tool"]["pytest"]["ini_options"]["filterwarnings"]:
        action, message, category = (entry.split(":") + ["", ""])[:3]
        category = category or "Warning"
        lines.append(f"warnings.filterwarnings({action!r}, message={message!r}, category={category})")
    return "\n".join(lines)


class TutorialError(AssertionError):
    """A tutorial cell raised; the message names the file, the line and the error."""


def code_cell_lines(path: Path) -> list[int]:
    """Line numbers (1-based) of the first line of code in each code cell of ``path``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [number + 2 for number, line in enumerate(lines) if CELL_MARKER.match(line)]


def execute_tutorial(path: Path, timeout: int = 300) -> nbformat.NotebookNode:
    """Run every cell of the tutorial at ``path`` in a fresh kernel and return the notebook.

    Raises:
        TutorialError: If a cell raises, naming ``path``, the line of the failing cell and the
            error, with the kernel's traceback below.
    """
    notebook = jupytext.read(path)
    notebook.cells.insert(0, nbformat.v4.new_code_cell(warning_filters_cell()))
    starts = code_cell_lines(path)
    with tempfile.TemporaryDirectory() as scratch:
        client = NotebookClient(
            notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": scratch}}
        )
        try:
            client.execute()
        except CellExecutionError as error:
            raise TutorialError(_describe(path, notebook, starts, error)) from None
    return notebook


def _describe(path: Path, notebook: nbformat.NotebookNode, starts: list[int], error: CellExecutionError) -> str:
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    failed = next(
        (index for index, cell in enumerate(code_cells)
         if any(output.get("output_type") == "error" for output in cell.get("outputs", []))),
        None,
    )
    if failed is None or failed == 0:
        where = f"{path}: the set-up cell failed"
    else:
        where = f"{path}, line {starts[failed - 1]}: cell {failed} raised {error.ename}: {error.evalue}"
    return f"{where}\n{tutorial_hint(path)}\n\n{ANSI_CODE.sub('', str(error))}"
