"""Run a snippet once, in a fresh process, and keep what it printed and drew.

The tests compare the recorded output with the page; the build publishes the recorded figures.
Both call :func:`run_snippet`, which runs the file only when no run of the same code, library,
data and locked packages is cached (``.cache/runs/<key>/``). A lock per key makes a second
caller wait for the first instead of running the snippet again.

Run as ``python -m site_tools.runs SNIPPET OUTDIR`` (what :func:`run_snippet` does in the child
process): the snippet runs as ``__main__`` in a scratch folder; each figure it shows is saved as
``<name>.png``, ``<name>-2.png``, ...; what it prints goes to ``stdout.txt``.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from site_tools.environment import CACHE, run_environment, run_key, warning_filters_code

DPI = 110
DONE = "run.json"  # written last: a folder without it holds no complete run
TRACEBACK_FRAME = re.compile(r'^  File "(?P<file>[^"]+)", line (?P<line>\d+)', re.MULTILINE)


class SnippetError(AssertionError):
    """A snippet raised; the message names its file and line, then shows the traceback."""


@dataclass(frozen=True)
class SnippetRun:
    """What one run of a snippet printed, the figures it showed, and how long it took."""

    stdout: str
    figures: tuple[Path, ...]
    seconds: float
    stderr: str = ""  # warnings that are not errors, for the test report


def figure_names(stem: str, count: int) -> list[str]:
    """Names of the PNG files for a snippet that draws ``count`` figures."""
    return [f"{stem}.png" if number == 1 else f"{stem}-{number}.png" for number in range(1, count + 1)]


def run_folder(snippet: Path, cache: Path = CACHE) -> Path:
    """Where the run of ``snippet``, as it is now, is kept."""
    return cache / "runs" / run_key(snippet.read_bytes(), Path(__file__).read_bytes())


def cached_run(snippet: Path, cache: Path = CACHE) -> SnippetRun | None:
    """The recorded run of ``snippet`` as it is now, or None if it has not run."""
    return _read_run(run_folder(snippet, cache))


def _read_run(folder: Path) -> SnippetRun | None:
    if not (folder / DONE).exists():
        return None
    record = json.loads((folder / DONE).read_text(encoding="utf-8"))
    return SnippetRun(
        stdout=(folder / "stdout.txt").read_text(encoding="utf-8"),
        figures=tuple(folder / name for name in record["figures"]),
        seconds=record["seconds"],
        stderr=record["stderr"],
    )


def run_snippet(snippet: Path, cache: Path = CACHE) -> SnippetRun:
    """The run of ``snippet``: from the cache, or by running it now in a fresh process.

    Raises:
        SnippetError: If the snippet raises, naming its file and the line that failed.
    """
    __tracebackhide__ = True
    snippet = snippet.resolve()
    folder = run_folder(snippet, cache)
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a parallel caller waits here, then reads the cache
        if (recorded := _read_run(folder)) is not None:
            return recorded
        partial = Path(tempfile.mkdtemp(prefix=folder.name, dir=folder.parent))
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "site_tools.runs", str(snippet), str(partial)],
            capture_output=True,
            text=True,
            env=run_environment(MPLBACKEND="Agg"),
        )
        seconds = round(time.perf_counter() - started, 2)
        if result.returncode != 0:
            shutil.rmtree(partial, ignore_errors=True)
            raise SnippetError(_describe_failure(snippet, result.stderr))
        figures = sorted(path.name for path in partial.glob("*.png"))
        (partial / DONE).write_text(
            json.dumps({"figures": figures, "seconds": seconds, "stderr": result.stderr}), encoding="utf-8"
        )
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(partial, folder)
    return _read_run(folder)


def _describe_failure(snippet: Path, stderr: str) -> str:
    frames = [m for m in TRACEBACK_FRAME.finditer(stderr) if Path(m["file"]) == snippet]
    error = stderr.strip().splitlines()[-1] if stderr.strip() else "it exited with an error"
    where = f"{_shown(snippet)}, line {frames[-1]['line']}" if frames else _shown(snippet)
    return f"{where}: {error}\n\n{stderr.rstrip()}"


def _shown(path: Path) -> str:
    with contextlib.suppress(ValueError):
        return path.relative_to(Path.cwd()).as_posix()
    return str(path)


def _run_here(snippet: Path, outdir: Path) -> None:
    """Run ``snippet`` in this process as a reader would, saving its output into ``outdir``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    exec(warning_filters_code(), {})
    shown: list = []

    def collect_figures(*args, **kwargs) -> None:
        shown.extend(plt.figure(number) for number in plt.get_fignums())
        for figure in shown:
            plt.close(figure)

    plt.show = collect_figures
    code = compile(snippet.read_text(encoding="utf-8"), str(snippet), "exec")
    printed = io.StringIO()
    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(scratch)  # snippets that save files must not litter the repository
        sys.path.insert(0, str(snippet.parent))
        with contextlib.redirect_stdout(printed):
            exec(code, {"__name__": "__main__", "__file__": str(snippet)})
    (outdir / "stdout.txt").write_text(printed.getvalue(), encoding="utf-8")
    if "plt.show()" in snippet.read_text(encoding="utf-8") and not shown:
        raise SystemExit(f"{snippet}: calls plt.show() but showed no figure")
    for figure, name in zip(shown, figure_names(snippet.stem, len(shown)), strict=True):
        figure.savefig(outdir / name, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: python -m site_tools.runs SNIPPET OUTDIR")
    _run_here(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())
