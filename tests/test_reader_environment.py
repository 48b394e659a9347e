"""The reader's side: the code runs in a fresh environment holding only what the pages say to install.

A virtual environment outside the repository gets the home page's line and the guide's wheel
(the file the build publishes under ``packages/``), at the versions of ``uv.lock`` so that the
results are the recorded ones. Then, each in a fresh interpreter:

- the digits tutorial's downloadable notebook, run as a script: its install cell must find
  everything present and install nothing;
- the doctests of every practice page, in page order.

Deliberately broken cases show that a module the reader was never told to install fails the
test, naming the page or notebook and the module.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from site_tools import reader
from site_tools.environment import ROOT, RUN_SETTINGS
from site_tools.notebooks import execute_tutorial
from site_tools.wheel import build_wheel

pytestmark = pytest.mark.slow

HOME_PAGE_REQUIREMENTS = ["numpy", "pandas", "matplotlib", "scikit-learn", "keras>=3", "jax[cpu]"]
PRACTICE_PAGES = sorted((ROOT / "docs" / "practice").glob("*.md"))
INSTALLING = "Installing:"  # what the install cell prints before it calls pip


class ReaderEnvironment:
    """A virtual environment outside the repository, and a way to run code in it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.python = folder / "venv" / "bin" / "python"

    def run(self, code: str, name: str) -> subprocess.CompletedProcess:
        """Run ``code`` in a fresh interpreter of the environment, in an empty folder."""
        scratch = self.folder / "scratch" / Path(name).stem
        scratch.mkdir(parents=True, exist_ok=True)
        script = scratch / "code.py"
        script.write_text(code, encoding="utf-8")
        environment = {
            "PATH": os.environ["PATH"],
            "HOME": str(self.folder / "home"),  # not the developer's (Keras settings, caches)
            "MPLBACKEND": "Agg",
            "TUTORIALS_LIB_PROGRESS": str(scratch / "progress.json"),
            **RUN_SETTINGS,
        }
        return subprocess.run(
            [str(self.python), str(script)], capture_output=True, text=True, cwd=scratch, env=environment
        )


def _check(command: list[str], what: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed: {' '.join(command)}\n{result.stdout}{result.stderr}")


@pytest.fixture(scope="module")
def reader_environment(tmp_path_factory) -> ReaderEnvironment:
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("the reader test makes its environment with uv: pip install uv")
    folder = tmp_path_factory.mktemp("reader")
    assert ROOT not in folder.parents, "the reader's environment must be outside the repository"
    started = time.perf_counter()
    constraints = folder / "constraints.txt"
    _check(
        [uv, "export", "--project", str(ROOT), "--frozen", "--no-hashes", "--no-emit-project",
         "--all-groups", "--format", "requirements-txt", "--output-file", str(constraints)],
        "exporting uv.lock as constraints",
    )  # fmt: skip
    _check([uv, "venv", "--quiet", "--python", sys.executable, str(folder / "venv")], "creating the venv")
    environment = ReaderEnvironment(folder)
    wheel = f"tutorials-lib @ {build_wheel().as_uri()}"  # the file the site publishes
    _check(
        [uv, "pip", "install", "--quiet", "--python", str(environment.python),
         "--constraints", str(constraints), *HOME_PAGE_REQUIREMENTS, wheel],
        "installing the home page's line and the wheel",
    )  # fmt: skip
    print(f"reader environment ready in {time.perf_counter() - started:.1f} s")
    return environment


def failure(name: str, result: subprocess.CompletedProcess) -> str | None:
    """Why running ``name`` in the reader's environment failed, or None if it did not."""
    if INSTALLING in result.stdout:
        wanted = result.stdout.split(INSTALLING, 1)[1].splitlines()[0].strip()
        return f"{name}: its install cell had to install {wanted}: the reader's environment lacks it"
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines()
        return f"{name}: {lines[-1] if lines else 'exited with an error'}\n\n{result.stderr}"
    return None


def notebook_script(notebook: bytes) -> str:
    """The code cells of a downloadable notebook, as one script."""
    return reader.notebook_code(nbformat.reads(notebook.decode("utf-8"), as_version=4))


def page_script(page: Path) -> str:
    """The code of ``page``'s doctests and snippets, in page order, as one script."""
    return "\n\n".join(code for _, _, code in reader.page_code(page, ROOT))


def test_the_home_page_line_makes_the_modules_it_promises_importable(reader_environment):
    code = "\n".join(f"import {module}" for module in sorted(reader.HOME_PAGE_MODULES))
    assert (problem := failure("the home page's line", reader_environment.run(code, "home"))) is None, problem


def test_the_reader_gets_tutorials_lib_from_the_wheel_and_nothing_of_the_repository(reader_environment):
    code = (
        "import importlib.util, tutorials_lib\n"
        "print(tutorials_lib.__file__)\n"
        "print(importlib.util.find_spec('site_tools'))\n"
    )
    result = reader_environment.run(code, "wheel")
    assert failure("wheel", result) is None
    location, site_tools = result.stdout.splitlines()
    assert "site-packages" in location and site_tools == "None"


def test_the_digits_notebook_runs_and_installs_nothing(reader_environment):
    tutorial = ROOT / "docs" / "tutorials" / "digits.py"
    download = reader.download_notebook(tutorial, execute_tutorial(tutorial))
    result = reader_environment.run(notebook_script(download), "digits.ipynb")
    assert (problem := failure("digits.ipynb", result)) is None, problem


@pytest.mark.parametrize("page", PRACTICE_PAGES, ids=lambda page: page.stem)
def test_the_practice_page_code_runs(reader_environment, page):
    name = page.relative_to(ROOT).as_posix()
    result = reader_environment.run(page_script(page), name)
    assert (problem := failure(name, result)) is None, problem


def test_a_page_importing_what_it_never_says_to_install_fails_naming_page_and_module(
    reader_environment, tmp_path
):
    page = tmp_path / "broken.md"
    page.write_text("```python\n>>> import palmerpenguins\n\n```\n", encoding="utf-8")
    problem = failure("broken.md", reader_environment.run(page_script(page), "broken.md"))
    assert problem is not None
    assert problem.startswith("broken.md: ModuleNotFoundError: No module named 'palmerpenguins'")


def test_a_notebook_whose_install_cell_must_install_fails_naming_notebook_and_module(
    reader_environment, tmp_path
):
    executed = tmp_path / "broken.ipynb"
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import palmerpenguins")])
    nbformat.write(notebook, executed)
    download = reader.download_notebook(executed, executed)
    problem = failure("broken.ipynb", reader_environment.run(notebook_script(download), "broken.ipynb"))
    assert (
        problem
        == "broken.ipynb: its install cell had to install palmerpenguins: the reader's environment lacks it"
    )
