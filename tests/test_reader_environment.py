"""The reader's side: the built pages' code runs in the reader's environment and prints what the
pages show.

Every snippet and tutorial already runs in the reader's environment (:mod:`site_tools.reader_env`:
a virtual environment outside the repository with the home page's line, the published wheel and
what the pages say to install). These tests start from the built site, as a reader does:

- each learner page's Python blocks, as its HTML shows them, in order: a block that is a snippet
  must be exactly the code that ran, and the output block under it must show what that run
  printed (under the page's tolerance); the ``>>>`` sessions run in order in one clean process,
  as one notebook would, and must print what is shown; any other block (an exercise's starting
  code or solution) runs on its own;
- each downloadable notebook: the executed notebook the page shows, after a first cell that
  installs nothing where the reader has installed what the pages say; the exercise notebooks run
  top to bottom.

Deliberately broken cases show that code importing what the reader was never told to install
fails, naming the page or notebook and the module.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import nbformat
import pytest

from site_tools import reader
from site_tools.notebooks import execute_tutorial
from site_tools.outputs import mismatch, tolerance_in
from site_tools.page_html import CodeBlock, code_blocks
from site_tools.reader_env import reader_python
from site_tools.runs import OnceRun, run_once, run_snippet
from site_tools.snippets import missing_requirements
from tests.conftest import DOCS, ROOT, SNIPPETS, TUTORIALS, page_path
from tutorials_lib.exercises import TRACKS

pytestmark = pytest.mark.slow

PYTHON = {"python", "py", "python3", "py3", "pycon"}
INSTALLING = "Installing:"  # what the install cell prints before it calls pip
SKIPPED = re.compile(r"<!-- skip: next[^>]*-->\s*\n```python[^\n]*\n(?P<code>.*?)\n```", re.DOTALL)
LEARNER_PAGES = [
    page
    for page in sorted(DOCS.rglob("*.md"))
    if reader.page_code(page, ROOT) and not page.is_relative_to(DOCS / "tutorials")
]
EXERCISE_NOTEBOOKS = "practice/notebooks"


@functools.cache
def snippets_by_code() -> dict[str, Path]:
    return {path.read_text(encoding="utf-8").rstrip("\n"): path for path in sorted(SNIPPETS.rglob("*.py"))}


def failure(name: str, run: OnceRun) -> str | None:
    """Why ``name`` failed in the reader's environment, or None if it did not."""
    if INSTALLING in run.stdout:
        wanted = run.stdout.split(INSTALLING, 1)[1].splitlines()[0].strip()
        return f"{name}: its install cell had to install {wanted}: the reader's environment lacks it"
    if run.returncode != 0:
        lines = run.stderr.strip().splitlines()
        return (
            f"{name}: {lines[-1] if lines else 'exited with an error'}\n{run.stdout}\n{run.stderr}".rstrip()
        )
    return None


def page_problems(name: str, blocks: list[CodeBlock], skipped: set[str]) -> list[str]:
    """What differs between the Python blocks of a built page and what runs print."""
    known = snippets_by_code()
    problems, sessions = [], []
    for index, block in enumerate(blocks):
        if block.language not in PYTHON:
            continue
        where = f"{name}, code block {index + 1}"
        if block.is_session:
            sessions.append(block.text)
            continue
        code = block.text.rstrip("\n")
        if code in skipped:
            continue
        if (snippet := known.get(code)) is None:  # an exercise's starting code or solution, say
            if problem := failure(f"{where} ({block.title or 'untitled'})", run_once(block.text, "block.py")):
                problems.append(problem)
            continue
        if missing := missing_requirements(snippet):
            pytest.skip(f"{snippet.relative_to(ROOT)} " + "; ".join(missing))
        shown = blocks[index + 1] if index + 1 < len(blocks) else None
        if shown and shown.language == "text" and shown.title.startswith("Output"):
            printed = run_snippet(snippet).stdout
            if problem := mismatch(shown.text, printed, tolerance_in(shown.title)):
                problems.append(
                    f"{where}: the output shown under {block.title} is not what it prints:\n{problem}"
                )
    if sessions:
        problem = failure(name, run_once("\n".join(sessions), name, kind="session"))
        if problem:
            problems.append(problem)
    return problems


def test_the_home_page_line_makes_the_modules_it_promises_importable():
    code = "\n".join(f"import {module}" for module in sorted(reader.HOME_PAGE_MODULES))
    assert (problem := failure("the home page's line", run_once(code, "home.py"))) is None, problem


def test_the_reader_gets_tutorials_lib_from_the_wheel_and_nothing_of_the_repository():
    code = (
        "import importlib.util, sys, tutorials_lib\n"
        "print(tutorials_lib.__file__)\n"
        "print(importlib.util.find_spec('site_tools'))\n"
        "print(sys.prefix)\n"
        "print(importlib.util.find_spec('pip'))\n"
    )
    run = run_once(code, "wheel.py")
    assert failure("wheel.py", run) is None
    location, site_tools, prefix, pip = run.stdout.splitlines()
    assert "site-packages" in location and site_tools == "None"
    # Without pip, an install cell that must install fails instead of changing the environment.
    assert pip == "None"
    assert Path(prefix) == reader_python().parent.parent and ROOT not in Path(prefix).parents


@pytest.mark.parametrize("page", LEARNER_PAGES, ids=lambda page: page.relative_to(DOCS).as_posix())
def test_the_page_as_built_runs_and_prints_what_it_shows(built_site, page):
    html = built_site / page_path(page) / "index.html"
    skipped = {match["code"].rstrip("\n") for match in SKIPPED.finditer(page.read_text(encoding="utf-8"))}
    name = page.relative_to(ROOT).as_posix()
    problems = page_problems(name, code_blocks(html.read_text(encoding="utf-8")), skipped)
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("tutorial", TUTORIALS, ids=lambda path: path.stem)
def test_the_downloadable_notebook_is_the_run_and_installs_nothing(built_site, tutorial):
    download = nbformat.read(built_site / "tutorials" / f"{tutorial.stem}.ipynb", as_version=4)
    executed = nbformat.read(execute_tutorial(tutorial), as_version=4)  # run by the reader's kernel
    cells = [cell for cell in download.cells if cell.get("id") not in ("install-note", "install")]
    assert [cell.source for cell in cells] == [cell.source for cell in executed.cells]
    assert [cell.get("outputs") for cell in cells] == [cell.get("outputs") for cell in executed.cells]
    install = next(cell for cell in download.cells if cell.get("id") == "install")
    name = f"tutorials/{tutorial.stem}.ipynb"
    assert (problem := failure(name, run_once(install.source, f"{tutorial.stem}.py"))) is None, problem


@pytest.mark.parametrize("track", TRACKS)
def test_the_exercise_notebook_runs_top_to_bottom_and_installs_nothing(built_site, track):
    name = f"{EXERCISE_NOTEBOOKS}/{track}.ipynb"
    code = reader.notebook_code(nbformat.read(built_site / name, as_version=4))
    assert (problem := failure(name, run_once(code, f"{track}.py"))) is None, problem


def test_a_page_importing_what_it_never_says_to_install_fails_naming_page_and_module():
    blocks = [CodeBlock("python", "", ">>> import palmerpenguins\n")]
    [problem] = page_problems("docs/broken.md", blocks, set())
    assert problem.startswith("docs/broken.md: ")
    assert "ModuleNotFoundError: No module named 'palmerpenguins'" in problem


def test_a_page_whose_output_differs_from_the_run_fails_naming_the_block():
    snippet = SNIPPETS / "pandas" / "quick_start.py"
    blocks = [
        CodeBlock("python", "snippets/pandas/quick_start.py", snippet.read_text(encoding="utf-8")),
        CodeBlock("text", "Output", "something else\n"),
    ]
    [problem] = page_problems("docs/broken.md", blocks, set())
    assert problem.startswith(
        "docs/broken.md, code block 1: the output shown under snippets/pandas/quick_start.py"
    )


def test_a_block_that_is_no_snippet_runs_on_its_own_and_fails_naming_the_block():
    assert (
        page_problems("docs/fine.md", [CodeBlock("python", "", "import numpy as np\nx = ...\n")], set()) == []
    )
    [problem] = page_problems("docs/broken.md", [CodeBlock("python", "", "import palmerpenguins\n")], set())
    assert problem.startswith("docs/broken.md, code block 1 (untitled): ModuleNotFoundError")


def test_a_notebook_whose_install_cell_must_install_fails_naming_notebook_and_module(tmp_path):
    executed = tmp_path / "broken.ipynb"
    nbformat.write(
        nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import palmerpenguins")]), executed
    )
    download = nbformat.reads(reader.download_notebook(executed, executed).decode(), as_version=4)
    install = next(cell for cell in download.cells if cell.get("id") == "install")
    problem = failure("broken.ipynb", run_once(install.source, "broken.py"))
    assert (
        problem
        == "broken.ipynb: its install cell had to install palmerpenguins: the reader's environment lacks it"
    )
