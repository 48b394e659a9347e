"""Numbers in prose come from outputs: every result a page's sentences quote is printed on it.

The rules (what counts as a result, what is exempt and how) are in ``site_tools.prose_numbers``.
Pages are checked against their recorded ``.out`` files and doctests; tutorials against their
executed notebook (slow tier: it may have to run first).
"""

from __future__ import annotations

import shutil

import nbformat
import pytest

from site_tools.fences import INCLUDE
from site_tools.notebooks import execute_tutorial
from site_tools.prose_numbers import (
    OUTPUT_NUMBER,
    notebook_outputs,
    numbers_in_prose,
    page_outputs,
    printed_numbers,
    stale_exemptions,
    tutorial_markdown,
    unsourced_numbers,
)
from tests.conftest import DOCS, ROOT, TUTORIALS

# The review log quotes the pages it reviews, old numbers included.
PAGES = sorted(page for page in DOCS.rglob("*.md") if page.name != "review-log.md")
HOW_TO_FIX = """
How to fix: a number that reports a result must be printed by the code on the same page.
Make the snippet (or the cell above) print it, rerun with `uv run pytest --update-outputs
<page>`, and quote what it prints. If the number is not a result (a setting, a published figure
with its source, a threshold), say so in a marker on the page, with the reason:
    <!-- not results: 0.5 is the threshold the code sets -->
See src/site_tools/prose_numbers.py for the rules."""


def problems_of_page(page, root=ROOT) -> list[str]:
    markdown = page.read_text(encoding="utf-8")
    shown = page.relative_to(root).as_posix()
    unsourced = unsourced_numbers(shown, markdown, page_outputs(markdown, root))
    return [str(number) for number in unsourced] + stale_exemptions(shown, markdown)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_result_in_a_pages_prose_is_printed_on_the_page(page):
    problems = problems_of_page(page)
    assert not problems, "\n".join(problems) + "\n" + HOW_TO_FIX


@pytest.mark.slow
@pytest.mark.parametrize("tutorial", TUTORIALS, ids=lambda p: p.name)
def test_every_result_in_a_tutorials_prose_is_printed_by_a_cell(tutorial):
    markdown = tutorial_markdown(tutorial.read_text(encoding="utf-8"))
    outputs = notebook_outputs(nbformat.read(execute_tutorial(tutorial), as_version=4))
    shown = tutorial.relative_to(ROOT).as_posix()
    problems = [str(n) for n in unsourced_numbers(shown, markdown, outputs)] + stale_exemptions(
        shown, markdown
    )
    assert not problems, "\n".join(problems) + "\n" + HOW_TO_FIX


def _a_page_that_quotes_an_output():
    """A real page, one number its prose quotes from a ``.out`` file, and that file."""
    for page in PAGES:
        markdown = page.read_text(encoding="utf-8")
        outs = [m["path"] for line in markdown.splitlines() if (m := INCLUDE.match(line))]
        for out in (path for path in outs if path.endswith(".out")):
            printed = printed_numbers((ROOT / out).read_text(encoding="utf-8"))
            for number in numbers_in_prose(markdown):
                if number.decimals >= 2 and not number.percent and number.matches(printed):
                    return page, number, out
    raise AssertionError("no page quotes a number from a .out file")


def test_a_changed_output_leaves_its_stale_number_in_the_prose_caught(tmp_path):
    page, number, _ = _a_page_that_quotes_an_output()
    copy = tmp_path / page.relative_to(ROOT)
    copy.parent.mkdir(parents=True)
    shutil.copy(page, copy)
    for line in page.read_text(encoding="utf-8").splitlines():
        if (match := INCLUDE.match(line)) and match["path"].endswith(".out"):
            out = tmp_path / match["path"]
            out.parent.mkdir(parents=True, exist_ok=True)
            # The code now prints 9.99 wherever it printed the number the prose quotes.
            text = (ROOT / match["path"]).read_text(encoding="utf-8")
            out.write_text(OUTPUT_NUMBER.sub(lambda m: _changed(m[0], number), text), encoding="utf-8")
    problems = problems_of_page(copy, tmp_path)
    shown = copy.relative_to(tmp_path).as_posix()
    assert (
        f"{shown}, line {number.line}: {number.text} is in the prose but in no output on the page" in problems
    )


def _changed(printed: str, number) -> str:
    return "9.99" if number.matches(printed_numbers(printed)) else printed


@pytest.mark.parametrize(
    ("prose", "numbers"),
    [
        ("The LSTM scores 0.599 and the average 0.588.", ["0.599", "0.588"]),
        ("It refuses 57% of good applicants, and 35 % at the other end.", ["57%", "35 %"]),
        ("Installed with Python 3.11 and scikit-learn 1.8, mkdocs 1.6.1.", []),
        ("We trained for 20 epochs in 2026 on 1,797 images.", []),
        ("A setting in code, `learning_rate=0.003`, and math $p = 0.5$.", []),
        ("See [the page](../a/b-1.5.md) and ![A curve at 0.75](x.png).", []),
        ("Its error is 0.97 ± 0.01 over five folds.", ["0.97", "0.01"]),
    ],
)
def test_what_the_check_reads_as_a_result(prose, numbers):
    assert [n.text for n in numbers_in_prose(prose)] == numbers


def test_a_marker_exempts_its_numbers_and_a_stale_marker_is_reported():
    page = "We train with a rate of 0.003.\n<!-- not results: 0.003 is set in the code; 0.42 -->\n"
    assert unsourced_numbers("p.md", page, "") == []
    assert stale_exemptions("p.md", page) == [
        "p.md: the marker exempts 0.42, which is no longer in the prose; remove it from the marker"
    ]


def test_a_tutorials_prose_keeps_its_lines_in_the_source_file():
    source = "# %% [markdown]\n# # Title\n#\n# The error is 2.15 °C.\n\n# %%\nx = 0.5  # 0.7\n"
    assert [(n.line, n.text) for n in numbers_in_prose(tutorial_markdown(source))] == [(4, "2.15")]
