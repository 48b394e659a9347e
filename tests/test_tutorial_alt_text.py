"""Tutorial figures get their alt text from ``# alt:`` comments, and a figure without one fails
the build with the tutorial's file and line."""

from __future__ import annotations

import pytest

from site_tools.tutorial_pages import AltTextError, accessible_tutorial_html, alt_texts, first_paragraph

HEADER = (
    "# %% [markdown]\n# # A tutorial\n#\n"
    "# In this tutorial you draw two figures and describe both of them.\n\n"
)
IMAGE = '<img src="data:image/png;base64,AAAA">'


def rendered(*cells: tuple[str, int]) -> str:
    """HTML shaped like mkdocs-jupyter's: one top-level ``div.jp-Cell`` per notebook cell."""
    parts = []
    for kind, images in cells:
        outputs = f'<div class="jp-OutputArea">{IMAGE * images}</div>' if kind == "code" else ""
        parts.append(
            f'<div class="jp-Cell jp-{kind.title()}Cell"><div class="jp-Cell">x</div>{outputs}</div>'
        )
    return "".join(parts)


def test_alt_lines_and_their_indented_continuations_are_read_in_order():
    code = (
        "# alt: A first figure that shows\n#      two lines of text.\nx = 1\n"
        "# alt: A second figure, short.\n# not alt"
    )
    assert alt_texts(code) == ["A first figure that shows two lines of text.", "A second figure, short."]


def test_each_figure_gets_the_alt_text_of_its_cell(tmp_path):
    tutorial = tmp_path / "t.py"
    tutorial.write_text(
        HEADER + "# %%\n# alt: A scatter plot of two clusters.\nplt.show()\n", encoding="utf-8"
    )
    html = accessible_tutorial_html(rendered(("markdown", 0), ("code", 1)), tutorial)
    assert 'alt="A scatter plot of two clusters."' in html


def test_a_figure_without_alt_text_names_the_file_and_the_cell_line(tmp_path):
    tutorial = tmp_path / "t.py"
    tutorial.write_text(HEADER + "# %%\nx = 1\n\n# %%\nplt.plot([1, 2])\nplt.show()\n", encoding="utf-8")
    with pytest.raises(
        AltTextError, match=r"t\.py, line 10: this cell draws 1 figure\(s\) with no '# alt:' comment"
    ):
        accessible_tutorial_html(rendered(("markdown", 0), ("code", 0), ("code", 1)), tutorial)


def test_a_cell_with_fewer_alt_lines_than_figures_fails(tmp_path):
    tutorial = tmp_path / "t.py"
    tutorial.write_text(
        HEADER + "# %%\n# alt: Only the first of two figures.\nplt.show()\n", encoding="utf-8"
    )
    with pytest.raises(AltTextError, match=r"draws 2 figure\(s\) but has 1 '# alt:' comment"):
        accessible_tutorial_html(rendered(("markdown", 0), ("code", 2)), tutorial)


def test_the_description_is_the_first_paragraph_without_the_list_it_introduces(tmp_path):
    tutorial = tmp_path / "t.py"
    tutorial.write_text(
        "# %% [markdown]\n# # Title\n#\n"
        "# You build a [model](https://example.org). You will:\n#\n# 1. a step\n",
        encoding="utf-8",
    )
    assert first_paragraph(tutorial) == "You build a model."
