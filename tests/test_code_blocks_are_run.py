"""The guard: every block that a page shows as Python is run by a test, or marked as not to be run.

"Run" means exactly what the root conftest.py's Sybil collects: the guard parses each page with
the same parsers and checks that every block the page highlights as Python, whatever its
spelling (```Python, ```{.python}, ~~~python, ```py), is one of Sybil's examples.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PAGES
from site_tools.fences import Fence, fences
from tests.conftest import DOCS, ROOT

SKIP_WITH_REASON = re.compile(r'^<!-- skip: next "[^"]{10,}" -->$')
PAGE_PATHS = sorted(DOCS.rglob("*.md"))


def problems(path: Path, root: Path = ROOT) -> list[str]:
    """Why each Python block of the page at ``path`` is not run, one line per block."""
    text = path.read_text(encoding="utf-8")
    run_starts = [region.start for _, region in PAGES.parse(path).regions]
    found = []
    for fence in fences(text):
        if not fence.renders_as_python:
            continue
        is_run = any(fence.start <= start < fence.end for start in run_starts)
        bare_include = fence.info == "python" and "--8<--" in fence.body  # Sybil would run it as Python
        why = unrun_reason(fence) if bare_include or not is_run else None
        if why is None and fence.before.startswith("<!-- skip") and not SKIP_WITH_REASON.match(fence.before):
            why = 'is skipped without a reason; write <!-- skip: next "why it must not run" -->'
        if why:
            found.append(f"{path.relative_to(root)}, line {fence.line}: the block {why}")
    return found


def unrun_reason(fence: Fence) -> str:
    if "--8<--" in fence.body:
        if fence.info == "python":
            return (
                "embeds a snippet in a bare ```python block, which Sybil would run as Python; "
                'write ```python title="snippets/<topic>/<name>.py" instead'
            )
        return (
            f"```{fence.info} embeds a snippet but is not run: write it as "
            '```python title="snippets/<topic>/<name>.py" holding one --8<-- "snippets/..." line'
        )
    return (
        f"```{fence.info} is shown as Python but no test runs it; write ```python (a doctest or code "
        "that runs), embed a snippet, or mark a deliberately wrong example with "
        '<!-- skip: next "why it must not run" --> above a ```python block'
    )


@pytest.mark.parametrize("page", PAGE_PATHS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_python_block_on_the_page_is_run(page):
    found = problems(page)
    assert not found, "\n".join(found)


RUN_BLOCKS = {
    "a doctest": "```python\n>>> 1 + 1\n2\n\n```\n",
    "a snippet block": '```python title="snippets/a/b.py"\n--8<-- "snippets/a/b.py"\n```\n',
    "a snippet block with a blank line before its closing fence": (
        '```python title="snippets/a/b.py"\n--8<-- "snippets/a/b.py"\n\n```\n'
    ),
    "a snippet block fenced with tildes": (
        '~~~python title="snippets/a/b.py"\n--8<-- "snippets/a/b.py"\n~~~\n'
    ),
    "a skipped block with a reason": (
        '<!-- skip: next "deliberately wrong: divides by zero" -->\n\n```python\n1/0\n```\n'
    ),
    "a shell command": "```bash\npip install numpy\n```\n",
}
UNRUN_BLOCKS = {
    "```Python": ("```Python\nprint(1)\n```\n", "no test runs it"),
    "```{.python}": ("```{.python}\nprint(1)\n```\n", "no test runs it"),
    "```{.python} with a snippet": (
        '```{.python title="snippets/a/b.py"}\n--8<-- "snippets/a/b.py"\n```\n',
        "not run",
    ),
    "```py": ("```py\nprint(1)\n```\n", "no test runs it"),
    "```pycon": ("```pycon\n>>> 1\n1\n```\n", "no test runs it"),
    "a titled python block": ('```python title="x.py"\nprint(1)\n```\n', "no test runs it"),
    "a bare snippet include": ('```python\n--8<-- "snippets/a/b.py"\n```\n', "bare ```python"),
    "a skip without a reason": ("<!-- skip: next -->\n\n```python\n1/0\n```\n", "without a reason"),
}


@pytest.mark.parametrize("block", RUN_BLOCKS.values(), ids=RUN_BLOCKS.keys())
def test_guard_accepts_blocks_that_run(block, tmp_path):
    page = tmp_path / "page.md"
    page.write_text(f"# Page\n\n{block}", encoding="utf-8")
    assert problems(page, root=tmp_path) == []


@pytest.mark.parametrize(("block", "verdict"), UNRUN_BLOCKS.values(), ids=UNRUN_BLOCKS.keys())
def test_guard_catches_every_spelling_of_an_unrun_python_block(block, verdict, tmp_path):
    page = tmp_path / "page.md"
    page.write_text(f"# Page\n\n{block}", encoding="utf-8")
    found = problems(page, root=tmp_path)
    assert len(found) == 1 and "page.md, line " in found[0] and verdict in found[0], found
