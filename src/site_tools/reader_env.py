"""The reader's environment: the one every snippet and tutorial runs in.

A reader installs the home page's line, the guide's wheel, and what a page or notebook tells
them to install. This module makes a virtual environment holding exactly that, outside the
repository, so that the runs the tests compare and the build publishes are runs of what a
reader has, not of this project's development environment:

- :data:`site_tools.reader.HOME_PAGE_LINE`'s requirements;
- the ``tutorials_lib`` wheel the site publishes (:func:`site_tools.wheel.build_wheel`);
- each module that a page or tutorial imports beyond those, as its install note names it;
- ``ipykernel``, the kernel a reader's Jupyter runs the notebooks with.

PyTorch and TensorFlow are optional: only the pages about them need them. They go into a second
environment, the first plus them (where this development environment has them), in which only
the snippets that declare ``# requires: torch`` or ``tensorflow`` run. Keeping them out of the
first matters: where TensorFlow is installed, ``import keras`` imports it too, whatever the
backend, which cost every Keras example 7 s and is not what a reader of those pages has.

Versions are pinned by ``uv.lock`` (as constraints), so the recorded outputs are reproducible.
The environment lives in ``~/.cache/ml-python-guide/reader-envs/<key>`` (``GUIDE_READER_ENVS``
moves it) and is made once per change of those inputs, in about 20 s from uv's cache.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from site_tools import reader
from site_tools.environment import LOCK_FILE, ROOT
from site_tools.wheel import build_wheel, wheel_key

KERNEL_NAME = "guide-reader"
OPTIONAL = frozenset(reader.SEPARATE_COMMANDS)  # PyTorch, TensorFlow: run where installed, as the pages say
TORCH_WHEELS = Path("/opt/wheels")  # a local wheel folder, where the machine has one
TORCH_INDEX = "https://download.pytorch.org/whl/cpu"
DONE = "ready.json"


class ReaderEnvironmentError(RuntimeError):
    """The reader's environment could not be made; the message shows the command and its output."""


# Read once, at import: tests that run a copy of the site in-process (pytester) point HOME at a
# scratch folder for a while, and a runner started then must still use the one environment.
DEFAULT_ENVS = Path.home() / ".cache" / "ml-python-guide" / "reader-envs"


def envs_folder() -> Path:
    return Path(os.environ.get("GUIDE_READER_ENVS", DEFAULT_ENVS))


def code_sources() -> list[Path]:
    """Every file whose code a reader copies: the pages (with their snippets) and the tutorials."""
    return sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "docs" / "tutorials").glob("*.py"))


def imported_beyond_home_line() -> list[str]:
    """The modules that pages and tutorials import beyond the home page's line and the wheel."""
    modules: set[str] = set()
    for path in code_sources():
        codes = (
            [code for _, _, code in reader.page_code(path, ROOT)]
            if path.suffix == ".md"
            else [path.read_text()]
        )
        for code in codes:
            modules.update(reader.needed_modules(reader.used_modules(code)))
    return sorted(modules - reader.HOME_PAGE_MODULES - {reader.LIBRARY})


@functools.cache
def requirements(optional: bool = False) -> tuple[str, ...]:
    """What the reader's environment installs, besides the wheel; with the optional libraries
    that are installed here if ``optional``."""
    wanted = [*reader.HOME_PAGE_REQUIREMENTS, "ipykernel"]
    for module in imported_beyond_home_line():
        if module not in OPTIONAL:
            wanted.append(reader.requirement_for(module))
        elif optional and importlib.util.find_spec(module) is not None:
            wanted.append(f"{reader.distribution(module)}=={reader.installed_version(module)}")
    return tuple(wanted)


def needs_optional(code: str) -> bool:
    """Whether ``code`` declares (``# requires: torch``) or imports an optional library."""
    return bool(reader.used_modules(code) & OPTIONAL)


def environment_key(optional: bool = False, exercises: bool = True) -> str:
    """What the reader's environment holds. Run keys pass ``exercises=False``: no run imports
    them, so an edited exercise makes a new environment but reruns no snippet or tutorial."""
    digest = hashlib.sha256()
    for part in (
        LOCK_FILE.read_bytes(),
        wheel_key(exercises).encode(),  # what the wheel is built from: the same in every clone
        repr(requirements(optional)).encode(),
        sys.version.encode(),
    ):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()[:16]


def reader_folder(optional: bool = False) -> Path:
    return envs_folder() / environment_key(optional)


def reader_python(optional: bool = False) -> Path:
    """The interpreter of the reader's environment (with the optional libraries if ``optional``),
    made first if it does not exist yet."""
    folder = reader_folder(optional)
    python = folder / "bin" / "python"
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # parallel test workers make it once
        if (folder / DONE).exists():
            return python
        shutil.rmtree(folder, ignore_errors=True)
        _make(folder, requirements(optional))
    prune_environments(keep=folder)
    return python


def prune_environments(keep: Path, unused_for: float = 3 * 24 * 3600) -> list[Path]:
    """Remove the reader's environments of earlier inputs that nothing has used for
    ``unused_for`` seconds (each is 0.7-2 GB); their ``.lock`` file, opened on every use, tells
    when one was last used. Returns what was removed."""
    removed = []
    for lock in keep.parent.glob("*.lock"):
        folder = lock.with_suffix("")
        if folder != keep and time.time() - lock.stat().st_mtime > unused_for:
            shutil.rmtree(folder, ignore_errors=True)
            lock.unlink(missing_ok=True)
            removed.append(folder)
    return removed


def kernel_path() -> Path:
    """A ``JUPYTER_PATH`` entry holding the kernel spec :data:`KERNEL_NAME` of the reader's environment."""
    return reader_folder() / "share" / "jupyter"


def _make(folder: Path, wanted: tuple[str, ...]) -> None:
    uv = shutil.which("uv")
    if uv is None:
        raise ReaderEnvironmentError("making the reader's environment needs uv: pip install uv")
    with tempfile.TemporaryDirectory() as scratch:
        constraints = Path(scratch) / "constraints.txt"
        _run(
            [uv, "export", "--project", str(ROOT), "--frozen", "--no-hashes", "--no-emit-project",
             "--all-groups", "--format", "requirements-txt", "--output-file", str(constraints)],
        )  # fmt: skip
        _run([uv, "venv", "--quiet", "--python", sys.executable, str(folder)])
        python = folder / "bin" / "python"
        sources = (
            ["--find-links", str(TORCH_WHEELS)]
            if TORCH_WHEELS.is_dir()
            else ["--extra-index-url", TORCH_INDEX]
        )
        wheel = f"tutorials-lib @ {build_wheel().as_uri()}"  # the file the site publishes
        _run(
            [uv, "pip", "install", "--quiet", "--python", str(python), "--constraints", str(constraints),
             *sources, "--index-strategy", "unsafe-best-match", *wanted, wheel],
        )  # fmt: skip
    kernel = folder / "share" / "jupyter" / "kernels" / KERNEL_NAME
    kernel.mkdir(parents=True)
    spec = {
        "argv": [str(python), "-P", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "The reader's environment",
        "language": "python",
    }
    (kernel / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    (folder / DONE).write_text(json.dumps({"requirements": wanted}, indent=1), encoding="utf-8")


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, cwd=tempfile.gettempdir())
    if result.returncode != 0:
        raise ReaderEnvironmentError(
            f"making the reader's environment failed: {' '.join(command)}\n"
            f"{result.stdout}{result.stderr}".rstrip()
        )


def reader_run_environment(optional: bool = False, **overrides: str) -> dict[str, str]:
    """The process environment for a run in the reader's environment: the pinned settings, and
    nothing that would let the run import this repository's code."""
    from site_tools.environment import run_environment

    environment = run_environment(**overrides)
    environment.pop("PYTHONPATH", None)
    environment.pop("VIRTUAL_ENV", None)
    bin_folder = str(reader_folder(optional) / "bin")
    environment["PATH"] = os.pathsep.join([bin_folder, *environment.get("PATH", "").split(os.pathsep)])
    return environment


if __name__ == "__main__":
    print(reader_python())
