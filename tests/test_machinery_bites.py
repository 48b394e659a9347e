"""Negative tests: copies of the site with one fault each must fail, naming the place."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from site_tools.hints import broken_links
from site_tools.notebooks import TutorialError, execute_tutorial
from tests.conftest import ROOT, build_site

TUTORIAL_HEADER = "# %% [markdown]\n# # A tutorial\n\n"


def make_project(tmp_path: Path, pages: dict[str, str], snippets: dict[str, str] | None = None) -> Path:
    """A small copy of the site: the real configuration and machinery, with the given pages."""
    for shared in ("overrides", "hooks", "includes", "src"):
        (tmp_path / shared).symlink_to(ROOT / shared)
    shutil.copy(ROOT / "conftest.py", tmp_path / "conftest.py")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "snippets").mkdir()
    for name, text in {**pages}.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    for name, text in (snippets or {}).items():
        path = tmp_path / "snippets" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    nav = "".join(f"  - {name}\n" for name in pages if name.endswith((".md", ".py")))
    (tmp_path / "mkdocs.yml").write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\nnav:\n{nav}", encoding="utf-8")
    return tmp_path


def run_pytest(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "docs"],
        capture_output=True, text=True, cwd=project,
    )


def test_a_failing_doctest_names_the_page_and_line(tmp_path):
    project = make_project(tmp_path, {"index.md": """\
        # Arithmetic

        ```python
        >>> 2 + 2
        5

        ```
        """})
    result = run_pytest(project)
    assert result.returncode == 1, result.stdout
    assert "index.md, line 4" in result.stdout and "Expected:\n    5\nGot:\n    4" in result.stdout
    assert "How to fix" in result.stdout and "Never type an output you have not seen" in result.stdout


def test_a_failing_snippet_names_the_page_and_the_snippet_line(tmp_path):
    project = make_project(
        tmp_path,
        {"index.md": """\
            # A page

            Some text.

            ```python title="snippets/demo/broken.py"
            --8<-- "snippets/demo/broken.py"
            ```
            """},
        {"demo/broken.py": """\
            values = [1, 2, 3]
            print(values[3])
            """},
    )
    result = run_pytest(project)
    assert result.returncode == 1
    assert "index.md::sybil:pages,line:5" in result.stdout
    assert "snippets/demo/broken.py:2: IndexError" in result.stdout
    assert "How to fix" in result.stdout and "uv run python snippets/demo/broken.py" in result.stdout


def test_output_that_differs_from_the_page_is_shown_as_a_diff(tmp_path):
    project = make_project(
        tmp_path,
        {"index.md": """\
            # A page

            ```python title="snippets/demo/hello.py"
            --8<-- "snippets/demo/hello.py"
            ```

            ```text title="Output"
            --8<-- "snippets/demo/hello.out"
            ```
            """},
        {"demo/hello.py": 'print("accuracy: 0.95")\n', "demo/hello.out": "accuracy: 0.99\n"},
    )
    result = run_pytest(project)
    assert result.returncode == 1
    assert "index.md, line 3: the output shown on the page is not what the code prints" in result.stdout
    assert "-accuracy: 0.99" in result.stdout and "+accuracy: 0.95" in result.stdout
    assert "--update-outputs" in result.stdout


def test_an_unrun_python_block_is_caught_by_the_guard():
    from tests.test_code_blocks_are_run import problem
    from site_tools.fences import fences

    page = "# Page\n\n```py\nprint('never run')\n```\n"
    assert "no test runs" in problem(fences(page)[0])


def test_a_tutorial_that_raises_names_the_file_and_line(tmp_path):
    tutorial = tmp_path / "broken.py"
    tutorial.write_text(TUTORIAL_HEADER + "# %%\nx = 1\n\n# %%\nprint(x)\nundefined_name\n", encoding="utf-8")
    with pytest.raises(TutorialError, match=r"broken.py, line 8: cell 2 raised NameError.*\nReproduce it"):
        execute_tutorial(tutorial)


@pytest.mark.slow
def test_a_tutorial_that_raises_fails_the_build(tmp_path):
    project = make_project(tmp_path, {
        "index.md": "# Home\n",
        "tutorials/broken.py": TUTORIAL_HEADER + "# %%\nraise ValueError('this tutorial is broken')\n",
    })
    result = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "broken.py" in result.stderr and "this tutorial is broken" in result.stderr


@pytest.mark.slow
def test_a_broken_link_fails_the_build_and_names_the_page(tmp_path):
    project = make_project(tmp_path, {"index.md": "# Home\n\nSee [the next page](next-page.md).\n"})
    result = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 1
    assert "Doc file 'index.md' contains a link 'next-page.md'" in result.stderr
    assert "docs/index.md, line 3: the link 'next-page.md' points at no page" in broken_links(
        result.stderr, project / "docs"
    )


@pytest.mark.slow
def test_the_fault_free_copy_builds(tmp_path):
    """The control for the two tests above: the same small site without a fault builds."""
    project = make_project(tmp_path, {"index.md": "# Home\n\nSee [the next page](next.md).\n", "next.md": "# Next\n"})
    result = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
