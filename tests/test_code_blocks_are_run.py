"""The guard: every Python block on a page is run by something, or marked as not to be run."""

from __future__ import annotations

import re

import pytest

from site_tools.fences import Fence, fences
from tests.conftest import DOCS, ROOT

PYTHON_LANGUAGES = {"python", "py", "python3", "pycon", "ipython", "ipython3"}
INCLUDE_ONLY = re.compile(r'^(\s*--8<-- "[^"]+"\s*\n?)+$')
SKIP_WITH_REASON = re.compile(r'^<!-- skip: next "[^"]{10,}" -->$')
PAGES = sorted(DOCS.rglob("*.md"))


def problem(fence: Fence) -> str | None:
    """Why Sybil would not run this block, or None if it is run (or correctly marked)."""
    if fence.language not in PYTHON_LANGUAGES:
        return None
    embeds_snippet = INCLUDE_ONLY.match(fence.body) is not None
    if fence.info == "python":
        if "--8<--" in fence.body:
            return ('embeds a snippet in a bare ```python block, which Sybil would run as Python; '
                    'write ```python title="snippets/<topic>/<name>.py" instead')
        if fence.before.startswith("<!-- skip") and not SKIP_WITH_REASON.match(fence.before):
            return 'is skipped without a reason; write <!-- skip: next "why it must not run" -->'
        return None
    if fence.language == "python" and embeds_snippet:
        return None
    return (f"is a ```{fence.info} block that no test runs; use ```python (a doctest or code "
            'that runs), embed a snippet, or mark a deliberately wrong example with '
            '<!-- skip: next "why it must not run" --> above a ```python block')


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_python_block_on_the_page_is_run(page):
    problems = [
        f"{page.relative_to(ROOT)}, line {fence.line}: the block {why}"
        for fence in fences(page.read_text(encoding="utf-8"))
        if (why := problem(fence))
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("info", "body", "before", "verdict"),
    [
        ("python", ">>> 1 + 1\n2", "", None),
        ('python title="snippets/a/b.py"', '--8<-- "snippets/a/b.py"', "", None),
        ("python", '--8<-- "snippets/a/b.py"', "", "bare ```python"),
        ("py", "print(1)", "", "no test runs"),
        ('python title="x.py"', "print(1)", "", "no test runs"),
        ("pycon", ">>> 1", "", "no test runs"),
        ("python", "1/0", '<!-- skip: next -->', "without a reason"),
        ("python", "1/0", '<!-- skip: next "deliberately wrong: divides by zero" -->', None),
        ("bash", "pip install numpy", "", None),
    ],
)
def test_guard_tells_run_blocks_from_unrun_ones(info, body, before, verdict):
    found = problem(Fence(line=1, info=info, body=body, before=before))
    if verdict is None:
        assert found is None
    else:
        assert verdict in found
