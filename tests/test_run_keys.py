"""A recorded run is found by a key of everything its output depends on: change any of those
inputs and the key changes, so a stale run can never be read (locally, or from a cache that CI
restored for a pull request).

Each test changes one input, in a copy, and checks that the snippet's and the tutorial's run
folders move. Nothing runs: the keys are computed, not the runs.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from site_tools import environment, notebooks, reader_env, runs, wheel
from tests.conftest import ROOT

SNIPPET = ROOT / "snippets" / "numpy" / "quick_start.py"
TUTORIAL = ROOT / "docs" / "tutorials" / "digits.py"


def keys(tmp_path: Path, snippet: Path = SNIPPET, tutorial: Path = TUTORIAL) -> tuple[str, str]:
    environment.inputs_digest.cache_clear()
    return runs.run_folder(snippet, tmp_path).name, notebooks.run_folder(tutorial, tmp_path).name


def changed_copy(tmp_path: Path, original: Path, addition: bytes = b"\n# changed\n") -> Path:
    """A copy of ``original`` (a file or a folder, whose first .py file gets ``addition``)."""
    copy = tmp_path / "copies" / original.name
    if original.is_dir():
        shutil.copytree(original, copy, ignore=shutil.ignore_patterns("__pycache__"))
        target = next(iter(sorted(copy.rglob("*.py"))), None) or next(
            p for p in copy.rglob("*") if p.is_file()
        )
    else:
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(original, copy)
        target = copy
    target.write_bytes(target.read_bytes() + addition)
    return copy


@pytest.fixture
def copied_inputs(tmp_path, monkeypatch) -> Path:
    """The library, the data and the lock file copied into another root, which the keys read."""
    root = tmp_path / "root"
    shutil.copytree(
        environment.LIBRARY, root / "src" / "tutorials_lib", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(environment.DATA, root / "data")
    shutil.copy(environment.LOCK_FILE, root / "uv.lock")
    shutil.copy(environment.PYPROJECT, root / "pyproject.toml")
    for name, path in {
        "ROOT": root,
        "LIBRARY": root / "src" / "tutorials_lib",
        "EXERCISES": root / "src" / "tutorials_lib" / "exercises",
        "DATA": root / "data",
    }.items():
        monkeypatch.setattr(environment, name, path)
    monkeypatch.setattr(environment, "LOCK_FILE", root / "uv.lock")
    monkeypatch.setattr(wheel, "LIBRARY", root / "src" / "tutorials_lib")
    monkeypatch.setattr(wheel, "EXERCISES", root / "src" / "tutorials_lib" / "exercises")
    monkeypatch.setattr(wheel, "ROOT", root)
    monkeypatch.setattr(wheel, "PYPROJECT", root / "pyproject.toml")
    monkeypatch.setattr(reader_env, "LOCK_FILE", root / "uv.lock")
    return root


def _append(path: Path, addition: bytes = b"\n# changed\n") -> None:
    path.write_bytes(path.read_bytes() + addition)


def _library(root, monkeypatch):
    _append(root / "src" / "tutorials_lib" / "plotting.py")


def _lock_file(root, monkeypatch):
    _append(root / "uv.lock", b"\n")


def _settings(root, monkeypatch):
    monkeypatch.setitem(environment.RUN_SETTINGS, "OMP_NUM_THREADS", "2")


def _warning_filters(root, monkeypatch):
    monkeypatch.setattr(environment, "warning_filters", lambda: ["error::DeprecationWarning"])


def _interpreter(root, monkeypatch):
    monkeypatch.setattr(environment.sys, "version", "3.99.0 (another interpreter)")


def _reader_requirements(root, monkeypatch):
    monkeypatch.setattr(reader_env, "requirements", lambda optional=False: ("numpy==0.0",))


def _guide_wheel(root, monkeypatch):
    monkeypatch.setattr(reader_env, "wheel_key", lambda exercises=True: "a wheel of other sources")


INPUTS: dict[str, Callable] = {
    "the guide's library (src/tutorials_lib)": _library,
    "the lock file (uv.lock)": _lock_file,
    "the pinned run settings (threads, seeds, backend)": _settings,
    "the warning filters (pyproject.toml)": _warning_filters,
    "the interpreter": _interpreter,
    "what the reader's environment installs": _reader_requirements,
    "the wheel the reader installs": _guide_wheel,
}


@pytest.mark.parametrize("change", INPUTS.values(), ids=INPUTS.keys())
def test_changing_a_shared_input_moves_every_run(change, copied_inputs, tmp_path, monkeypatch):
    before = keys(tmp_path)
    change(copied_inputs, monkeypatch)
    after = keys(tmp_path)
    assert after[0] != before[0], "the snippet's run would be read after the change"
    assert after[1] != before[1], "the tutorial's run would be read after the change"


def test_changing_a_snippet_moves_its_run_and_no_other(tmp_path):
    other = ROOT / "snippets" / "pandas" / "quick_start.py"
    before, other_before = keys(tmp_path)[0], runs.run_folder(other, tmp_path).name
    assert keys(tmp_path, snippet=changed_copy(tmp_path, SNIPPET))[0] != before
    assert runs.run_folder(other, tmp_path).name == other_before


def test_changing_a_tutorial_moves_its_run(tmp_path):
    before = keys(tmp_path)[1]
    assert keys(tmp_path, tutorial=changed_copy(tmp_path, TUTORIAL))[1] != before


def test_an_exercise_is_no_input_of_any_run(copied_inputs, tmp_path, monkeypatch):
    before = keys(tmp_path)
    _append(copied_inputs / "src" / "tutorials_lib" / "exercises" / "numpy_track.py")
    assert keys(tmp_path) == before


def test_the_glossary_is_no_input_of_any_run(copied_inputs, tmp_path):
    before = keys(tmp_path)
    _append(copied_inputs / "data" / "glossary.yaml", b"\n")
    assert keys(tmp_path) == before


def test_no_example_reads_the_data_folder():
    """data/ (the glossary, the resources) is left out of run keys: no example may read it."""
    examples = (
        sorted((ROOT / "snippets").rglob("*.py"))
        + sorted((ROOT / "docs" / "tutorials").glob("*.py"))
        + sorted(environment.LIBRARY.rglob("*.py"))
    )
    reading = [
        path.relative_to(ROOT).as_posix()
        for path in examples
        if re.search(r"glossary\.yaml|resources\.yaml|[\"']data/", path.read_text(encoding="utf-8"))
    ]
    assert not reading, f"{reading} read data/, which run keys leave out: add it to environment.inputs_digest"


def test_no_snippet_or_tutorial_imports_the_exercises():
    """Were one to, it would read code that its run key leaves out (environment.EXERCISES)."""
    examples = sorted((ROOT / "snippets").rglob("*.py")) + sorted((ROOT / "docs" / "tutorials").glob("*.py"))
    importing = [
        path.relative_to(ROOT).as_posix()
        for path in examples
        if re.search(r"tutorials_lib(\.exercises| import .*\bexercises\b)", path.read_text(encoding="utf-8"))
    ]
    assert not importing, (
        f"{importing} import tutorials_lib.exercises, which run keys leave out: drop the import, or "
        "add the exercises back to environment.inputs_digest"
    )


@pytest.mark.parametrize("module", [runs, notebooks], ids=["snippet runner", "tutorial runner"])
def test_changing_the_code_that_runs_an_example_moves_its_runs(module, tmp_path, monkeypatch):
    before = keys(tmp_path)
    monkeypatch.setattr(module, "__file__", str(changed_copy(tmp_path, Path(module.__file__))))
    after = keys(tmp_path)
    moved = after[0] != before[0] if module is runs else after[1] != before[1]
    assert moved, f"a change to {Path(module.__file__).name} would leave its old runs in use"


def test_changing_the_snippet_server_moves_the_snippets_runs(tmp_path, monkeypatch):
    before = keys(tmp_path)[0]
    monkeypatch.setattr(runs, "RUNNER", changed_copy(tmp_path, runs.RUNNER))
    assert keys(tmp_path)[0] != before


def test_the_same_inputs_give_the_same_key_in_another_clone(tmp_path):
    """Keys hash contents and paths relative to the root, never absolute paths, so CI's restored
    cache serves a clone in another folder."""
    copy = tmp_path / "clone" / SNIPPET.relative_to(ROOT)
    copy.parent.mkdir(parents=True)
    shutil.copy(SNIPPET, copy)
    assert runs.run_folder(copy, tmp_path).name == runs.run_folder(SNIPPET, tmp_path).name
