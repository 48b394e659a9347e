"""Negative tests: copies of the site with one fault each must fail, naming the place.

The copies' tests run in this process (pytester); the copies' builds run ``mkdocs build
--strict`` as CI does, and are in the slow tier.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import matplotlib.pyplot  # noqa: F401  (loaded here once: pytester's in-process runs cannot load NumPy twice)
import pytest

from site_tools.hints import broken_links
from site_tools.notebooks import TutorialError, execute_tutorial
from tests.conftest import ROOT, build_site

TUTORIAL_HEADER = (
    "# %% [markdown]\n# # A tutorial\n#\n# A tutorial that shows one thing and explains it well.\n\n"
)
FIGURE_SNIPPET = {
    "what_is_ml/radius_by_diagnosis.py": (ROOT / "snippets/what_is_ml/radius_by_diagnosis.py").read_text()
}
HOME = "---\ndescription: The home page of a small copy of the site.\n---\n\n# Home\n"


def make_project(tmp_path: Path, pages: dict[str, str], snippets: dict[str, str] | None = None) -> Path:
    """A small copy of the site: the real configuration and machinery, with the given pages."""
    for shared in ("overrides", "hooks", "includes", "src", "data"):
        (tmp_path / shared).symlink_to(ROOT / shared)
    shutil.copy(ROOT / "conftest.py", tmp_path / "conftest.py")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "snippets").mkdir()
    for name, text in pages.items():
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


def run_pytest(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """The copy's own tests, in this process, on one worker."""
    return pytester.runpytest_inprocess(
        "-p", "no:cacheprovider", "-p", "no:playwright", "-n", "0", "-q", *(args or ("docs",))
    )


def test_a_failing_doctest_names_the_page_and_line(pytester):
    make_project(
        pytester.path,
        {
            "index.md": """\
        # Arithmetic

        ```python
        >>> 2 + 2
        5

        ```
        """
        },
    )
    result = run_pytest(pytester)
    output = result.stdout.str()
    assert result.ret == 1, output
    assert "index.md, line 4" in output and "Expected:\n    5\nGot:\n    4" in output
    assert "How to fix" in output and "Never type an output you have not seen" in output


def test_a_wrong_last_digit_in_a_deterministic_doctest_fails(pytester):
    """Rounding is deterministic: 2/3 to two places is 0.67, and a page showing 0.66 is wrong."""
    make_project(pytester.path, {"index.md": "# Thirds\n\n```python\n>>> round(2 / 3, 2)\n0.66\n\n```\n"})
    result = run_pytest(pytester)
    assert result.ret == 1, result.stdout.str()
    assert "Expected:\n    0.66\nGot:\n    0.67" in result.stdout.str()


def test_a_failing_snippet_names_the_page_and_the_snippet_line(pytester):
    make_project(
        pytester.path,
        {
            "index.md": """\
            # A page

            Some text.

            ```python title="snippets/demo/broken.py"
            --8<-- "snippets/demo/broken.py"
            ```
            """
        },
        {
            "demo/broken.py": """\
            values = [1, 2, 3]
            print(values[3])
            """
        },
    )
    output = run_pytest(pytester).stdout.str()
    assert "index.md::sybil:pages,line:5" in output
    assert "snippets/demo/broken.py, line 2: IndexError: list index out of range" in output
    assert "How to fix" in output and "uv run python snippets/demo/broken.py" in output


OUTPUT_PAGE = """\
    # A page

    ```python title="snippets/demo/score.py"
    --8<-- "snippets/demo/score.py"
    ```

    ```text title="{title}"
    --8<-- "snippets/demo/score.out"
    ```
    """


@pytest.mark.parametrize(
    ("title", "shown", "verdict"),
    [
        ("Output", "accuracy: 0.95\n", "passed"),
        ("Output", "accuracy: 0.96\n", "must match exactly"),
        ("Output (numbers vary by ±0.02 between machines)", "accuracy: 0.97\n", "passed"),
        (
            "Output (numbers vary by ±0.02 between machines)",
            "accuracy: 0.98\n",
            "0.95 is not within ±0.02 of 0.98",
        ),
        ("Output (numbers vary by ±0.02 between machines)", "precision: 0.95\n", "the text differs"),
    ],
    ids=["exact match", "exact mismatch", "within tolerance", "beyond tolerance", "text differs"],
)
def test_output_is_compared_exactly_unless_its_title_declares_a_tolerance(pytester, title, shown, verdict):
    make_project(
        pytester.path,
        {"index.md": OUTPUT_PAGE.format(title=title)},
        {"demo/score.py": 'print("accuracy: 0.95")\n', "demo/score.out": shown},
    )
    result = run_pytest(pytester)
    output = result.stdout.str()
    assert verdict in output, output
    if verdict != "passed":
        assert "index.md, line 3: the output shown on the page" in output and "--update-outputs" in output


def test_update_outputs_records_what_the_snippet_prints(pytester):
    project = make_project(
        pytester.path,
        {"index.md": OUTPUT_PAGE.format(title="Output")},
        {"demo/score.py": 'print("accuracy: 0.95")\n', "demo/score.out": "stale\n"},
    )
    assert run_pytest(pytester, "--update-outputs", "docs").ret == 0
    assert (project / "snippets" / "demo" / "score.out").read_text() == "accuracy: 0.95\n"
    assert run_pytest(pytester).ret == 0


def test_a_tutorial_that_raises_names_the_file_and_line(tmp_path):
    tutorial = tmp_path / "broken.py"
    tutorial.write_text(TUTORIAL_HEADER + "# %%\nx = 1\n\n# %%\nprint(x)\nundefined_name\n", encoding="utf-8")
    with pytest.raises(TutorialError, match=r"broken.py, line 10: cell 2 raised NameError.*\nReproduce it"):
        execute_tutorial(tutorial, cache=tmp_path / "cache")


def test_a_deprecation_warning_in_a_tutorial_is_an_error(tmp_path):
    tutorial = tmp_path / "dated.py"
    tutorial.write_text(
        TUTORIAL_HEADER + "# %%\nimport warnings\n\nwarnings.warn('old API', DeprecationWarning)\n",
        encoding="utf-8",
    )
    with pytest.raises(TutorialError, match=r"dated.py, line 7: cell 1 raised DeprecationWarning: old API"):
        execute_tutorial(tutorial, cache=tmp_path / "cache")


def strict_build(project: Path) -> str:
    """The strict build of ``project``: its error output, asserting that it failed."""
    result = build_site(project / "mkdocs.yml", project / "site")
    assert result.returncode != 0, "the build passed, but the copy has a fault"
    return result.stderr


@pytest.mark.slow
def test_a_tutorial_with_a_deprecation_warning_fails_the_strict_build(tmp_path):
    project = make_project(
        tmp_path,
        {
            "index.md": HOME,
            "tutorials/dated.py": TUTORIAL_HEADER
            + "# %%\nimport warnings\n\nwarnings.warn('old API', DeprecationWarning)\n",
        },
    )
    stderr = strict_build(project)
    assert "dated.py, line 7: cell 1 raised DeprecationWarning: old API" in stderr


@pytest.mark.slow
def test_a_broken_link_in_a_tutorial_fails_the_strict_build(tmp_path):
    project = make_project(
        tmp_path,
        {
            "index.md": HOME,
            "tutorials/linked.py": TUTORIAL_HEADER
            + "# %% [markdown]\n# Read [the workflow](../../concepts/no-such-page/) first.\n\n"
            + "# %%\nprint(1)\n",
        },
    )
    stderr = strict_build(project)
    assert (
        "docs/tutorials/linked.py, line 7: the link '../../concepts/no-such-page/' points at no page"
        in stderr
    )


@pytest.mark.slow
def test_an_image_without_alt_text_fails_the_strict_build(tmp_path):
    project = make_project(
        tmp_path,
        {
            "index.md": HOME + "\nA figure:\n\n![](figures/what_is_ml/radius_by_diagnosis.png)\n",
        },
        FIGURE_SNIPPET,
    )
    stderr = strict_build(project)
    assert (
        "docs/index.md, line 9: the image 'figures/what_is_ml/radius_by_diagnosis.png' has no alt text"
        in stderr
    )


@pytest.mark.slow
def test_a_broken_link_fails_the_build_and_names_the_page(tmp_path):
    project = make_project(tmp_path, {"index.md": HOME + "\nSee [the next page](next-page.md).\n"})
    stderr = strict_build(project)
    assert "Doc file 'index.md' contains a link 'next-page.md'" in stderr
    assert "docs/index.md, line 7: the link 'next-page.md' points at no page" in broken_links(
        stderr, project / "docs"
    )


@pytest.mark.slow
def test_the_fault_free_copy_builds(tmp_path):
    """The control for the builds above: a small site with a tutorial, a figure and links builds."""
    project = make_project(
        tmp_path,
        {
            "index.md": HOME
            + "\n![Radius by diagnosis](figures/what_is_ml/radius_by_diagnosis.png)\n\n[Next](next.md)\n",
            "next.md": (
                "---\ndescription: The second page of a small copy of the site.\n---\n\n# Next\n\n## Part\n"
            ),
            "tutorials/linked.py": TUTORIAL_HEADER
            + "# %% [markdown]\n# Read [the next page](../../next/#part) first.\n\n# %%\nprint(1)\n",
        },
        FIGURE_SNIPPET,
    )
    result = build_site(project / "mkdocs.yml", project / "site")
    assert result.returncode == 0, result.stderr
