"""CONTRIBUTING.md's steps, followed literally on a copy of the site, give a working page,
snippet and tutorial: the templates pass every check a contribution meets."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from site_tools.tutorial_pages import first_paragraph
from tests.conftest import ROOT, build_site
from tests.test_code_blocks_are_run import problems
from tests.test_machinery_bites import make_project
from tests.test_page_descriptions import front_matter

TEMPLATES = ROOT / "templates"
PAGE = "concepts/my-topic.md"
SNIPPET = "my_topic/my_example.py"
TUTORIAL = "tutorials/my-tutorial.py"


def pytest_in(project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        capture_output=True,
        text=True,
        cwd=project,
    )


def test_contributing_names_the_files_the_steps_use():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for step in (
        f"cp templates/page.md docs/{PAGE}",
        f"cp templates/snippet.py snippets/{SNIPPET}",
        f"cp templates/tutorial.py docs/{TUTORIAL}",
        "replace `TOPIC/NAME` with `my_topic/my_example`",
    ):
        assert step in guide, f"CONTRIBUTING.md no longer says {step!r}: update this test with the steps"
    assert "--8<--" not in guide, (
        "CONTRIBUTING.md is included in the site: a snippet line in it would be expanded"
    )


def test_the_page_template_passes_the_guard_and_has_a_description():
    page = (TEMPLATES / "page.md").read_text(encoding="utf-8")
    assert not problems(TEMPLATES / "page.md", root=TEMPLATES)
    assert len(front_matter(page)["description"]) >= 40
    assert len(first_paragraph(TEMPLATES / "tutorial.py")) >= 40


@pytest.mark.slow
def test_following_contributing_adds_a_working_page_snippet_and_tutorial(tmp_path):
    page = (
        (TEMPLATES / "page.md").read_text(encoding="utf-8").replace("TOPIC/NAME", SNIPPET.removesuffix(".py"))
    )
    project = make_project(
        tmp_path,
        {
            "index.md": "---\ndescription: The home page of a small copy of the site.\n---\n\n# Home\n",
            PAGE: page,
            TUTORIAL: (TEMPLATES / "tutorial.py").read_text(encoding="utf-8"),
        },
        {SNIPPET: (TEMPLATES / "snippet.py").read_text(encoding="utf-8")},
    )
    recorded = pytest_in(project, "--update-outputs", f"docs/{PAGE}")
    assert recorded.returncode == 0, recorded.stdout
    output = (project / "snippets" / SNIPPET).with_suffix(".out").read_text(encoding="utf-8")
    assert re.fullmatch(r"test accuracy: \d\.\d\d\n", output), output

    checked = pytest_in(project, f"docs/{PAGE}")
    assert checked.returncode == 0, checked.stdout
    assert re.search(r"\b[2-9] passed", checked.stdout), checked.stdout  # the doctest and the snippet

    built = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert built.returncode == 0, built.stderr
    tutorial_page = (tmp_path / "site" / "tutorials" / "my-tutorial" / "index.html").read_text(
        encoding="utf-8"
    )
    assert 'alt="Horizontal bar chart' in tutorial_page
