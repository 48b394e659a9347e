"""What a reader is told to install: modules found in code, install lines, the notebooks' install cell."""

from __future__ import annotations

import doctest
import subprocess
import sys
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


def test_a_module_no_distribution_provides_is_a_clear_error():
    with pytest.raises(LookupError, match="no_such_module_here"):
        reader.requirement_for("no_such_module_here")
