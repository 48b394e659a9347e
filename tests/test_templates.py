"""CONTRIBUTING.md's steps, followed literally on a copy of the site, give a working page,
snippet and tutorial: the templates pass every check a contribution meets."""

from __future__ import annotations

import re

import pytest

from site_tools.tutorial_pages import first_paragraph
from tests.conftest import ROOT, build_site
from tests.test_code_blocks_are_run import problems
from tests.test_machinery_bites import make_project, run_pytest
from tests.test_page_descriptions import front_matter

TEMPLATES = ROOT / "templates"
PAGE = "concepts/my-topic.md"
SNIPPET = "my_topic/my_example.py"
TUTORIAL = "tutorials/my-tutorial.py"


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
def test_following_contributing_adds_a_working_page_snippet_and_tutorial(pytester):
    page = (
        (TEMPLATES / "page.md").read_text(encoding="utf-8").replace("TOPIC/NAME", SNIPPET.removesuffix(".py"))
    )
    project = make_project(
        pytester.path,
        {
            "index.md": "---\ndescription: The home page of a small copy of the site.\n---\n\n# Home\n",
            PAGE: page,
            TUTORIAL: (TEMPLATES / "tutorial.py").read_text(encoding="utf-8"),
        },
        {SNIPPET: (TEMPLATES / "snippet.py").read_text(encoding="utf-8")},
    )
    recorded = run_pytest(pytester, "--update-outputs", f"docs/{PAGE}")
    assert recorded.ret == 0, recorded.stdout.str()
    output = (project / "snippets" / SNIPPET).with_suffix(".out").read_text(encoding="utf-8")
    assert re.fullmatch(r"test accuracy: \d\.\d\d\n", output), output

    checked = run_pytest(pytester, f"docs/{PAGE}")
    assert checked.ret == 0, checked.stdout.str()
    assert re.search(r"\b[2-9] passed", checked.stdout.str()), checked.stdout.str()  # doctest and snippet

    built = build_site(project / "mkdocs.yml", project / "site")
    assert built.returncode == 0, built.stderr
    tutorial_page = (project / "site" / "tutorials" / "my-tutorial" / "index.html").read_text(
        encoding="utf-8"
    )
    assert 'alt="Horizontal bar chart' in tutorial_page
