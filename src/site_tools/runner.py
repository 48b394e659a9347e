"""Run snippets as a reader would, each in a clean process, without importing the stack each time.

This file runs on its own (``python -P runner.py serve``), in whatever environment runs the
examples, and imports nothing of this repository. The server imports NumPy, pandas, SciPy,
scikit-learn and Matplotlib once (about 5 s on a slow CPU), then reads one request per line on
stdin and forks a child per snippet. The child starts with the state a fresh interpreter has
after those imports: no figures, an empty namespace, freshly seeded random generators. It runs
the snippet as ``__main__`` in a scratch folder, writes what it printed to ``stdout.txt``, its
warnings and traceback to ``stderr.txt``, and each figure it shows to ``<name>.png``,
``<name>-2.png``, ... The server answers with the child's exit code.

The warning filters arrive in ``GUIDE_WARNING_FILTERS`` (Python code) and apply before the
imports too, so a DeprecationWarning raised while importing fails here as it would in a fresh
process. With ``GUIDE_PRELOAD_KERAS=1``, the first request marked ``"keras": true`` makes the
server import JAX and Keras too (about 9 s), once: with one thread per library and no
computation run, importing them starts no thread. A process with threads must not fork, so the
server counts its threads after imports and stops with an error if there is more than one.
PyTorch and TensorFlow are never preloaded.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import sys
import tempfile
import traceback
from pathlib import Path

DPI = 110
PRELOAD = (
    "numpy",
    "pandas",
    "scipy.stats",
    "matplotlib.pyplot",
    "sklearn.datasets",
    "sklearn.model_selection",
    "sklearn.linear_model",
    "sklearn.preprocessing",
    "sklearn.pipeline",
    "sklearn.metrics",
    "sklearn.ensemble",
    "sklearn.tree",
)
WARNING_FILTERS = "GUIDE_WARNING_FILTERS"
PRELOAD_KERAS = "GUIDE_PRELOAD_KERAS"


def figure_names(stem: str, count: int) -> list[str]:
    """Names of the PNG files for a snippet that draws ``count`` figures."""
    return [f"{stem}.png" if number == 1 else f"{stem}-{number}.png" for number in range(1, count + 1)]


def run_here(snippet: Path, outdir: Path) -> None:
    """Run ``snippet`` in this process as a reader would, saving its output into ``outdir``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    shown: list = []

    def collect_figures(*args, **kwargs) -> None:
        shown.extend(plt.figure(number) for number in plt.get_fignums())
        for figure in shown:
            plt.close(figure)

    plt.show = collect_figures
    source = snippet.read_text(encoding="utf-8")
    code = compile(source, str(snippet), "exec")
    printed = io.StringIO()
    sys.argv = [str(snippet)]
    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(scratch)  # snippets that save files must not litter the repository
        try:
            with contextlib.redirect_stdout(printed):
                exec(code, {"__name__": "__main__", "__file__": str(snippet)})
        finally:  # what it printed before failing helps to see why
            (outdir / "stdout.txt").write_text(printed.getvalue(), encoding="utf-8")
    if "plt.show()" in source and not shown:
        raise SystemExit(f"{snippet}: calls plt.show() but showed no figure")
    for figure, name in zip(shown, figure_names(snippet.stem, len(shown)), strict=True):
        figure.savefig(outdir / name, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})


def run_session(session: Path, outdir: Path) -> None:
    """Run the ``>>>`` examples in ``session`` as one doctest, as a reader typing them in order
    into one notebook would; write the report of what did not print as shown to ``stdout.txt``."""
    import doctest

    import matplotlib

    matplotlib.use("Agg")
    text = session.read_text(encoding="utf-8")
    test = doctest.DocTestParser().get_doctest(text, {"__name__": "__main__"}, session.stem, str(session), 0)
    report = io.StringIO()
    checker = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(scratch)
        checker.run(test, out=report.write)
    (outdir / "stdout.txt").write_text(report.getvalue(), encoding="utf-8")
    if checker.failures:
        raise SystemExit(f"{checker.failures} of {checker.tries} examples did not print what is shown")


def _child(request: dict) -> int:
    """In the forked child: run the request with stderr going to ``outdir/stderr.txt``."""
    outdir = Path(request["outdir"])
    errors = os.open(outdir / "stderr.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(errors, 2)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # the server's stdout carries its answers
    sys.stdin = open(os.devnull)
    import numpy

    numpy.random.seed()  # a fresh interpreter's global generator is seeded from the OS, not shared
    try:
        if "session" in request:
            run_session(Path(request["session"]), outdir)
        else:
            run_here(Path(request["snippet"]), outdir)
        return 0
    except SystemExit as stop:
        if isinstance(stop.code, str):
            print(stop.code, file=sys.stderr)
        return stop.code if isinstance(stop.code, int) else 1
    except BaseException:
        traceback.print_exc()
        return 1
    finally:
        sys.stderr.flush()


def _preload(modules: tuple[str, ...]) -> None:
    for module in modules:
        importlib.import_module(module)
    threads = len(os.listdir("/proc/self/task"))
    if threads > 1:
        raise SystemExit(f"the runner has {threads} threads after its imports: forking it would be unsafe")


def serve() -> None:
    """Preload the stack, then fork a child for each request line: ``{"snippet": ..., "outdir":
    ...}`` or ``{"session": ..., "outdir": ...}`` (:func:`run_session`)."""
    exec(os.environ.get(WARNING_FILTERS, ""), {})
    import matplotlib

    matplotlib.use("Agg")
    _preload(PRELOAD)
    answers = sys.stdout
    print(json.dumps({"ready": True}), file=answers, flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        if request.get("keras") and os.environ.get(PRELOAD_KERAS) == "1":
            _preload(("jax", "keras"))
        pid = os.fork()
        if pid == 0:
            os._exit(_child(request))
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}), file=answers, flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        serve()
    elif len(sys.argv) == 3:  # one snippet, in this process
        exec(os.environ.get(WARNING_FILTERS, ""), {})
        run_here(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())
    else:
        raise SystemExit("usage: python -P runner.py serve | python -P runner.py SNIPPET OUTDIR")
