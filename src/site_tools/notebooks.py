"""Execute a percent-format tutorial once, and report errors by file and line.

:func:`execute_tutorial` returns the executed notebook from ``.cache/tutorial-runs/<key>/``, or
runs the tutorial first, in a fresh process and a fresh kernel, with the pinned settings of
:mod:`site_tools.environment` and pytest's warning filters (a DeprecationWarning is an error).
The key covers the tutorial, the guide's library, the data files and the lock file, so the
build, ``mkdocs serve`` and the tests share one run and never show stale outputs; the folder is
kept by :func:`site_tools.cache.filled_once`, as the snippets' runs are.

Run as ``python -m site_tools.notebooks TUTORIAL OUT.ipynb`` (what the cache does in the child).
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from site_tools.cache import filled_once
from site_tools.environment import CACHE, run_key, warning_filters_code
from site_tools.hints import tutorial_hint
from site_tools.reader_env import (
    KERNEL_NAME,
    environment_key,
    kernel_path,
    reader_python,
    reader_run_environment,
)

CELL_MARKER = re.compile(r"^# %%(?!\s*\[markdown\])")
ANSI_CODE = re.compile(r"\x1b\[[0-9;]*m")
RUNS = "tutorial-runs"  # mkdocs-jupyter renders the executed notebooks it finds in here
DONE = "run.json"


class TutorialError(AssertionError):
    """A tutorial cell raised; the message names the file, the line and the error."""


def code_cell_lines(path: Path) -> list[int]:
    """Line numbers (1-based) of the first line of code in each code cell of ``path``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [number + 2 for number, line in enumerate(lines) if CELL_MARKER.match(line)]


def run_folder(tutorial: Path, cache: Path = CACHE) -> Path:
    environment = environment_key(exercises=False).encode()
    return cache / RUNS / run_key(tutorial.read_bytes(), Path(__file__).read_bytes(), environment)


def cached_notebook(tutorial: Path, cache: Path = CACHE) -> Path | None:
    """The executed notebook of ``tutorial`` as it is now, or None if it has not run."""
    return _executed_in(run_folder(tutorial, cache), tutorial)


def _executed_in(folder: Path, tutorial: Path) -> Path | None:
    return folder / f"{tutorial.stem}.ipynb" if (folder / DONE).exists() else None


def execute_tutorial(tutorial: Path, cache: Path = CACHE) -> Path:
    """The executed notebook of ``tutorial``: from the cache, or by running it now.

    Raises:
        TutorialError: If a cell raises or writes to stderr, naming the tutorial, the line of
            the failing cell and the error, with the kernel's traceback below.
    """
    __tracebackhide__ = True
    tutorial = tutorial.resolve()

    def run(partial: Path) -> None:
        reader_python()  # the kernel runs in the reader's environment, made first if need be
        environment = reader_run_environment(JUPYTER_PATH=str(kernel_path()))
        environment.pop("MPLBACKEND", None)  # figures need the notebook's inline backend
        started = time.perf_counter()
        command = [
            sys.executable,
            "-m",
            "site_tools.notebooks",
            str(tutorial),
            str(partial / f"{tutorial.stem}.ipynb"),
        ]
        result = subprocess.run(command, capture_output=True, text=True, env=environment)
        if result.returncode != 0:
            raise TutorialError(result.stderr.strip() or f"{tutorial}: the kernel failed")
        seconds = round(time.perf_counter() - started, 2)
        # The processor time the run used, kernel included: unlike the wall time, it does not grow
        # when other work shares the cores.
        cpu = json.loads(result.stdout.strip().splitlines()[-1])["cpu_seconds"]
        record = {"seconds": seconds, "cpu_seconds": cpu, "cores": os.cpu_count()}
        (partial / DONE).write_text(json.dumps(record), encoding="utf-8")

    folder = filled_once(run_folder(tutorial, cache), DONE, run)
    return _executed_in(folder, tutorial)


def run_seconds(tutorial: Path, cache: Path = CACHE) -> float | None:
    """How long the recorded run of ``tutorial`` took, if it has run."""
    folder = run_folder(tutorial, cache)
    return run_record(folder / f"{tutorial.stem}.ipynb")["seconds"] if (folder / DONE).exists() else None


def run_record(executed: Path) -> dict:
    """What the run that wrote the notebook ``executed`` recorded: its wall-clock ``seconds``,
    its processor time ``cpu_seconds`` and the machine's ``cores``."""
    return json.loads((executed.parent / DONE).read_text(encoding="utf-8"))


def _execute_here(tutorial: Path, out: Path) -> None:
    """Run every cell of ``tutorial`` in a fresh kernel and write the executed notebook."""
    import jupytext
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = jupytext.read(tutorial)
    notebook.cells.insert(0, nbformat.v4.new_code_cell(warning_filters_code()))
    with tempfile.TemporaryDirectory() as scratch:
        client = NotebookClient(
            notebook, timeout=300, kernel_name=KERNEL_NAME, resources={"metadata": {"path": scratch}}
        )
        try:
            client.execute()
        except CellExecutionError as error:
            raise SystemExit(_describe(tutorial, notebook, error)) from None
    del notebook.cells[0]
    _renumber(notebook)  # the reader's first cell is In [1], not the hidden warnings cell
    if stderr := _stderr_output(tutorial, notebook):
        line, text = stderr
        raise SystemExit(
            f"{tutorial}, line {line}: the cell wrote to stderr (a warning?):\n{text}\n"
            + tutorial_hint(tutorial)
        )
    nbformat.write(notebook, out)
    print(json.dumps({"cpu_seconds": round(_processor_seconds(), 2)}))


def _processor_seconds() -> float:
    """User and system time of this process and of its finished children (the kernel)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _renumber(notebook: nbformat.NotebookNode) -> None:
    for cell in notebook.cells:
        if cell.cell_type == "code" and cell.get("execution_count"):
            cell.execution_count -= 1
            for output in cell.outputs:
                if output.get("execution_count"):
                    output.execution_count -= 1


def _stderr_output(tutorial: Path, notebook: nbformat.NotebookNode) -> tuple[int, str] | None:
    """The line of the first cell that wrote to stderr, and what it wrote."""
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    return next(
        (
            (line, "".join(output.get("text", "")))
            for line, cell in zip(code_cell_lines(tutorial), code_cells, strict=True)
            for output in cell.get("outputs", [])
            if output.get("output_type") == "stream" and output.get("name") == "stderr"
        ),
        None,
    )


def _describe(tutorial: Path, notebook: nbformat.NotebookNode, error) -> str:
    starts = code_cell_lines(tutorial)
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    failed = next(
        (
            index
            for index, cell in enumerate(code_cells)
            if any(output.get("output_type") == "error" for output in cell.get("outputs", []))
        ),
        None,
    )
    if failed is None or failed == 0:
        where = f"{tutorial}: the set-up cell failed"
    else:
        where = f"{tutorial}, line {starts[failed - 1]}: cell {failed} raised {error.ename}: {error.evalue}"
    return f"{where}\n{tutorial_hint(tutorial)}\n\n{ANSI_CODE.sub('', str(error))}"


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: python -m site_tools.notebooks TUTORIAL OUT.ipynb")
    _execute_here(Path(sys.argv[1]), Path(sys.argv[2]))
