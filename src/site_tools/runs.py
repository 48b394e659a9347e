"""Run a snippet once, in a clean process, and keep what it printed and drew.

The tests compare the recorded output with the page; the build publishes the recorded figures.
Both call :func:`run_snippet`, which runs the file only when no run of the same code, library,
data and locked packages is cached (``.cache/runs/<key>/``, kept by
:func:`site_tools.cache.filled_once`, as the tutorials' runs are).

The snippet runs in a child forked from a server that has already imported the scientific stack
(:mod:`site_tools.runner`, one server per calling thread): it starts as a fresh interpreter
would after those imports, and costs its own work instead of 5 s of imports. The server runs in
the reader's environment (:mod:`site_tools.reader_env`): what a reader installs, and nothing of
this repository.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import re
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from site_tools import runner
from site_tools.cache import filled_once
from site_tools.environment import CACHE, run_key, warning_filters_code
from site_tools.reader import imported_modules
from site_tools.reader_env import environment_key, needs_optional, reader_python, reader_run_environment

RUNNER = Path(runner.__file__)
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


def run_folder(snippet: Path, cache: Path = CACHE) -> Path:
    """Where the run of ``snippet``, as it is now, is kept."""
    environment = environment_key(needs_optional(snippet.read_text(encoding="utf-8")), exercises=False)
    return (
        cache
        / "runs"
        / run_key(
            snippet.read_bytes(), Path(__file__).read_bytes(), RUNNER.read_bytes(), environment.encode()
        )
    )


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

    def run(partial: Path) -> None:
        started = time.perf_counter()
        code = snippet.read_text(encoding="utf-8")
        request = {
            "snippet": str(snippet),
            "outdir": str(partial),
            "keras": "keras" in imported_modules(code),
        }
        returncode = _server(needs_optional(code)).run(request)
        seconds = round(time.perf_counter() - started, 2)
        stderr = (partial / "stderr.txt").read_text(encoding="utf-8")
        if returncode != 0:
            raise SnippetError(_describe_failure(snippet, stderr))
        figures = sorted(path.name for path in partial.glob("*.png"))
        record = {"figures": figures, "seconds": seconds, "stderr": stderr}
        (partial / DONE).write_text(json.dumps(record), encoding="utf-8")

    folder = filled_once(run_folder(snippet, cache), DONE, run)
    return _read_run(folder)


@dataclass(frozen=True)
class OnceRun:
    """What a run that is not cached printed, wrote to stderr, and its exit code."""

    returncode: int
    stdout: str
    stderr: str


def run_once(code: str, name: str, kind: str = "snippet") -> OnceRun:
    """Run ``code`` once, not cached, in a clean process of the reader's environment: as a
    script (``kind="snippet"``) or as a ``>>>`` session run as one doctest (``kind="session"``,
    whose stdout is the report of the examples that did not print what is shown)."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "code" / Path(name).name
        path.parent.mkdir()
        path.write_text(code, encoding="utf-8")
        returncode = _server().run({kind: str(path), "outdir": scratch})
        printed = Path(scratch) / "stdout.txt"
        stdout = printed.read_text(encoding="utf-8") if printed.exists() else ""
        stderr = (Path(scratch) / "stderr.txt").read_text(encoding="utf-8")
    return OnceRun(returncode, stdout.replace(str(path), name), stderr.replace(str(path), name))


def _describe_failure(snippet: Path, stderr: str) -> str:
    frames = [m for m in TRACEBACK_FRAME.finditer(stderr) if Path(m["file"]) == snippet]
    error = stderr.strip().splitlines()[-1] if stderr.strip() else "it exited with an error"
    where = f"{_shown(snippet)}, line {frames[-1]['line']}" if frames else _shown(snippet)
    return f"{where}: {error}\n\n{stderr.rstrip()}"


def _shown(path: Path) -> str:
    with contextlib.suppress(ValueError):
        return path.relative_to(Path.cwd()).as_posix()
    return str(path)


class RunnerServer:
    """A :mod:`site_tools.runner` server process, and the way to ask it for one run."""

    def __init__(self, optional: bool) -> None:
        self.errors = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen(
            [str(reader_python(optional)), "-P", str(RUNNER), "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            text=True,
            env=reader_run_environment(
                optional,
                MPLBACKEND="Agg",
                **{
                    runner.WARNING_FILTERS: warning_filters_code(),
                    # Keras would import TensorFlow where it is installed, which starts threads.
                    runner.PRELOAD_KERAS: "0" if optional else "1",
                },
            ),
            cwd=tempfile.gettempdir(),
        )
        self._answer()  # {"ready": true} once the stack is imported

    def run(self, request: dict[str, str | bool]) -> int:
        """Run a snippet or a session (see :func:`site_tools.runner.serve`) in a forked child; its
        exit code."""
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return self._answer()["returncode"]

    def _answer(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            self.errors.seek(0)
            raise SnippetError(f"the snippet runner ({RUNNER}) stopped:\n{self.errors.read()}")
        return json.loads(line)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        self.process.wait()


_servers = threading.local()  # one server per thread: the build runs snippets from a thread pool


def _server(optional: bool = False) -> RunnerServer:
    """This thread's server in the reader's environment (with the optional libraries if ``optional``)."""
    if not hasattr(_servers, "by_environment"):
        _servers.by_environment = {}
    server = _servers.by_environment.get(optional)
    if server is None or server.process.poll() is not None:
        server = _servers.by_environment[optional] = RunnerServer(optional)
        atexit.register(server.close)
    return server
