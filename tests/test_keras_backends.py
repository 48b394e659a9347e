"""The Keras snippets also work on a second backend (TensorFlow, PyTorch), not only on JAX.

Each snippet sets ``os.environ["KERAS_BACKEND"] = "jax"`` before ``import keras``; here that line
is rewritten to the target backend (and the variable is set in the environment too), and the
snippet runs in a fresh process. Numbers differ slightly between backends, so the test checks
thresholds, not the exact output shown on the page. A backend that is not installed is skipped.
A check that passed runs again only when the snippet, the locked packages, the library or this
file change (the record is kept in ``.cache/passed/``, like the runs).
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from site_tools.environment import inputs_digest, run_environment
from tests.conftest import SNIPPETS, pass_key, passed_before, record_pass

pytestmark = pytest.mark.slow

JAX_LINE = 'os.environ["KERAS_BACKEND"] = "jax"'
BACKEND_MODULES = {"tensorflow": "tensorflow", "torch": "torch"}


def number(pattern: str, printed: str) -> float:
    match = re.search(pattern, printed)
    assert match, f"the snippet did not print a line matching {pattern!r}; it printed:\n{printed}"
    return float(match[1])


# Snippet, and what its output must satisfy on any backend: one with dense layers and one with
# recurrent layers. Each run costs 20-35 s, most of it importing the backend. The convolutional
# snippet (cnn/cnn_vs_mlp.py) is left out: on TensorFlow and PyTorch it cost 72 s and 84 s, more
# than the other four runs together, in a CI budget of 6 minutes.
CHECKS: dict[str, Callable[[str], None]] = {
    "keras_training/fit_and_evaluate.py": lambda out: number(r"test accuracy: ([\d.]+)", out) > 0.93,
    "rnn/forecasting.py": lambda out: (
        number(r"LSTM +mean absolute error ([\d.]+)", out)
        < number(r"naive \(last value\) +mean absolute error ([\d.]+)", out)
    ),
}


def run_on_backend(snippet: Path, backend: str, workdir: Path) -> str:
    source = snippet.read_text(encoding="utf-8")
    assert JAX_LINE in source, f"{snippet} does not set the backend with {JAX_LINE}"
    script = workdir / snippet.name
    rewritten = source.replace(JAX_LINE, f'os.environ["KERAS_BACKEND"] = "{backend}"')
    script.write_text(rewritten, encoding="utf-8")
    env = run_environment(KERAS_BACKEND=backend, MPLBACKEND="Agg")  # one thread, as every run
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, cwd=workdir, timeout=600
    )
    assert result.returncode == 0, f"{snippet.name} failed on {backend}:\n{result.stderr}"
    return result.stdout


def check_snippet_on(backend: str, name: str, workdir: Path) -> None:
    """Run snippet ``name`` on ``backend`` and check its results (skip if it is not installed)."""
    if importlib.util.find_spec(BACKEND_MODULES[backend]) is None:  # without importing it (5 s)
        pytest.skip(f"the {backend} backend is not installed; CI installs it to run the snippets on it")
    # Rerun only when the snippet, the environment or this check changed since it passed.
    key = pass_key(
        (SNIPPETS / name).read_bytes(), inputs_digest(), backend.encode(), Path(__file__).read_bytes()
    )
    if passed_before(key):
        return
    printed = run_on_backend(SNIPPETS / name, backend, workdir)
    assert CHECKS[name](printed), f"{name} on {backend} printed results below the threshold:\n{printed}"
    record_pass(key)


# The PyTorch runs live in test_keras_on_torch.py: a file of its own lets pytest-xdist run the
# two backends on different workers.
@pytest.mark.parametrize("name", sorted(CHECKS))
def test_keras_snippet_passes_on_tensorflow(name, tmp_path):
    check_snippet_on("tensorflow", name, tmp_path)


def test_every_checked_snippet_exists_and_sets_the_jax_backend():
    for name in CHECKS:
        assert JAX_LINE in (SNIPPETS / name).read_text(encoding="utf-8"), name
