"""What a reader is told to install: modules found in code, install lines, the notebooks' install cell."""

from __future__ import annotations

import doctest
import importlib.util
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from site_tools import reader
from site_tools.wheel import wheel_name

ROOT = Path(__file__).resolve().parents[1]
URL = "https://example.org/guide/"


def test_imported_modules_are_top_level_names_of_absolute_imports_at_any_depth():
    code = (
        "import os, numpy.linalg as la\n"
        "from sklearn.datasets import load_iris\n"
        "from . import sibling\n"
        "def f():\n    import torch\n"
    )
    assert reader.imported_modules(code) == {"os", "numpy", "sklearn", "torch"}


def test_doctest_code_keeps_prompt_lines_and_drops_outputs():
    block = ">>> import numpy as np\n>>> for i in range(2):\n...     print(i)\n0\n1\n"
    assert reader.doctest_code(block) == "import numpy as np\nfor i in range(2):\n    print(i)"


def test_third_party_drops_the_standard_library():
    assert reader.third_party(["os", "__future__", "numpy", "json", "sklearn"]) == ["numpy", "sklearn"]


def test_keras_brings_its_jax_backend():
    assert reader.needed_modules(["keras"]) == ["jax", "keras"]


def test_the_docstring_examples_hold():
    results = doctest.testmod(reader)
    assert results.attempted >= 3 and results.failed == 0


def test_tutorials_lib_is_installed_from_the_wheel_on_the_site():
    line = reader.requirements_line(["tutorials_lib"], URL)
    assert line == f'pip install "tutorials-lib @ {URL}packages/{wheel_name()}"'


def test_the_tutorials_are_found_to_import_tutorials_lib_and_keras():
    modules = reader.imported_modules(reader.source_code(ROOT / "docs/tutorials/digits.py"))
    assert {"tutorials_lib", "keras", "sklearn"} <= set(reader.needed_modules(modules))


def run_install_cell(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_the_install_cell_installs_nothing_where_everything_is_installed():
    code = reader.install_cell(["numpy", "sklearn", "keras", "tutorials_lib"], URL)
    result = run_install_cell(code)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_the_install_cell_names_the_versions_it_ran_with():
    code = reader.install_cell(["numpy", "tutorials_lib"])
    import numpy

    assert f"numpy {numpy.__version__}" in code and "tutorials-lib 0." in code


def test_the_install_cell_pip_installs_only_what_is_missing(monkeypatch):
    calls = []
    monkeypatch.setattr(subprocess, "check_call", lambda command: calls.append(command))
    code = reader.install_cell(["numpy", "tutorials_lib"], URL)
    real_find_spec = __import__("importlib.util").util.find_spec
    monkeypatch.setattr(
        "importlib.util.find_spec", lambda name: None if name == "tutorials_lib" else real_find_spec(name)
    )
    exec(code, {})
    assert calls == [
        [sys.executable, "-m", "pip", "install", f"tutorials-lib @ {URL}packages/{wheel_name()}"]
    ]


def test_the_downloadable_notebook_starts_with_a_note_and_the_install_cell(tmp_path):
    executed = tmp_path / "executed.ipynb"
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("import pandas as pd\n%matplotlib inline")]
    )
    nbformat.write(notebook, executed)
    download = nbformat.reads(reader.download_notebook(executed, executed, URL).decode(), as_version=4)
    nbformat.validate(download)
    kinds = [cell.cell_type for cell in download.cells]
    assert kinds == ["markdown", "code", "code"]
    assert '"pandas": "pandas"' in download.cells[1].source
    assert download.cells[2].source.startswith("import pandas")


def test_the_install_cell_comes_after_the_notebook_title():
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# Digits\n\nText."), nbformat.v4.new_code_cell("import numpy")]
    )
    cells = reader.with_install_cell(notebook, ["numpy"], URL).cells
    assert [cell.get("id") for cell in cells[1:3]] == ["install-note", "install"]
    assert cells[0].source.startswith("# Digits") and len(notebook.cells) == 2


def test_a_module_no_distribution_provides_is_a_clear_error():
    with pytest.raises(LookupError, match="no_such_module_here"):
        reader.requirement_for("no_such_module_here")


def _run_hook(name: str, tmp_path: Path):
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    spec = importlib.util.spec_from_file_location(name, ROOT / "hooks" / f"{name}.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    config = MkDocsConfig()
    config.load_dict(
        {"site_name": "test", "site_url": URL, "docs_dir": str(ROOT / "docs"), "site_dir": str(tmp_path)}
    )
    config.validate()
    config.plugins._current_plugin = None  # set by MkDocs while it runs a plugin's event
    return {file.src_uri: file for file in hook.on_files(Files([]), config)}


def test_the_site_publishes_the_wheel_under_packages(tmp_path):
    published = _run_hook("package", tmp_path)
    assert list(published) == [f"packages/{wheel_name()}"]
    names = zipfile.ZipFile(io.BytesIO(published[f"packages/{wheel_name()}"].content_bytes)).namelist()
    assert any(name.startswith("tutorials_lib/exercises/") for name in names)
    assert not any(name.startswith("site_tools/") for name in names)


def test_each_exercises_notebook_starts_with_the_cell_that_installs_its_imports(tmp_path):
    published = _run_hook("exercise_notebooks", tmp_path)
    for uri, file in published.items():
        notebook = nbformat.reads(file.content_string, as_version=4)
        install = next(cell for cell in notebook.cells if cell.get("id") == "install")
        assert f"tutorials-lib @ {URL}packages/" in install.source, uri
    networks = nbformat.reads(published["practice/notebooks/networks.ipynb"].content_string, as_version=4)
    assert '"keras": "keras>=3"' in networks.cells[2].source


def test_reader_environments_unused_for_days_are_pruned_and_the_current_one_kept(tmp_path):
    import os
    import time

    from site_tools.reader_env import prune_environments

    for name, age_days in {"current": 9, "recent": 1, "old": 5}.items():
        (tmp_path / name / "bin").mkdir(parents=True)
        lock = tmp_path / f"{name}.lock"
        lock.write_text("")
        then = time.time() - age_days * 24 * 3600
        os.utime(lock, (then, then))
    removed = prune_environments(keep=tmp_path / "current")
    assert removed == [tmp_path / "old"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["current", "current.lock", "recent", "recent.lock"]
