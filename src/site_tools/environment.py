"""The one environment every example runs in, and the cache key of a run.

Snippets and tutorials run in fresh processes with the same settings wherever they run: in the
tests, in the build and in ``mkdocs serve``. One thread per numerical library keeps results
repeatable on one machine and stops parallel runs from fighting over the cores (a snippet took
77 s with default threads under load, 7 s with one).
"""

from __future__ import annotations

import functools
import hashlib
import os
import platform
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = ROOT / "src" / "tutorials_lib"
# The practice pages' exercises: no snippet or tutorial imports them (a test makes sure), so
# editing an exercise reruns only the practice pages' doctests, not every example.
EXERCISES = LIBRARY / "exercises"
DATA = ROOT / "data"  # the glossary and the resources: read by the hooks, by no example (a test checks)
LOCK_FILE = ROOT / "uv.lock"
PYPROJECT = ROOT / "pyproject.toml"
CACHE = ROOT / ".cache"

ONE_THREAD = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "VECLIB_MAXIMUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1",
    # XLA (JAX, and Keras on JAX) on the CPU: one Eigen thread, one operation at a time.
    "XLA_FLAGS": "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1",
    "TF_NUM_INTRAOP_THREADS": "1",
    "TF_NUM_INTEROP_THREADS": "1",
}
RUN_SETTINGS = {
    **ONE_THREAD,
    "PYTHONHASHSEED": "0",
    "KERAS_BACKEND": "jax",
    "TF_CPP_MIN_LOG_LEVEL": "2",  # TensorFlow's start-up messages are not lesson output
    "TF_ENABLE_ONEDNN_OPTS": "0",
    "PYTHONWARNINGS": "",
}


def run_environment(**overrides: str) -> dict[str, str]:
    """The process environment for running an example: this one, with the pinned settings."""
    environment = {**os.environ, **RUN_SETTINGS, **overrides}
    environment["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])
    )
    return environment


def warning_filters() -> list[str]:
    """pytest's ``filterwarnings`` entries from pyproject.toml, most important last."""
    settings = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    return list(settings["tool"]["pytest"]["ini_options"]["filterwarnings"])


def warning_filters_code() -> str:
    """Python that applies :func:`warning_filters` in a fresh interpreter or kernel.

    API drift must fail an example wherever it runs, with the same exceptions as the tests.
    """
    lines = ["import warnings"]
    for entry in warning_filters():
        action, message, category = (entry.split(":") + ["", ""])[:3]
        lines.append(
            f"warnings.filterwarnings({action!r}, message={message!r}, category={category or 'Warning'})"
        )
    return "\n".join(lines)


@functools.cache
def inputs_digest() -> bytes:
    """What every run depends on besides its own code: the guide's library (but its exercises),
    the locked versions of every package, the interpreter and the pinned settings."""
    digest = hashlib.sha256()
    library = sorted(p for p in LIBRARY.rglob("*.py") if EXERCISES not in p.parents)
    files = [*library, LOCK_FILE]
    for path in files:
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    digest.update(repr(sorted(RUN_SETTINGS.items())).encode())
    digest.update(f"{sys.version}|{platform.machine()}".encode())
    digest.update(warning_filters_code().encode())
    return digest.digest()


def run_key(*parts: bytes) -> str:
    """A short hash of ``parts`` (the example and the code that runs it) and of the shared inputs."""
    digest = hashlib.sha256(inputs_digest())
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()[:24]
