"""Every snippet is embedded by a page (so Sybil runs it as the reader sees it), and every
recorded output belongs to a snippet that a page shows."""

from __future__ import annotations

import re

import pytest

from tests.conftest import DOCS, ROOT, SNIPPETS

INCLUDE = re.compile(r'--8<-- "(?P<path>[^":]+)(?::[\w-]+)?"')


def embedded_paths() -> set[str]:
    return {
        match["path"]
        for page in DOCS.rglob("*.md")
        for match in INCLUDE.finditer(page.read_text(encoding="utf-8"))
    }


@pytest.mark.parametrize("snippet", sorted(SNIPPETS.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_snippet_is_embedded_by_a_page(snippet):
    path = snippet.relative_to(ROOT).as_posix()
    assert path in embedded_paths(), (
        f"{path} is not embedded by any page, so no test runs it. Show it on a page with\n"
        f'```python title="{path}"\n--8<-- "{path}"\n```\nor delete it.'
    )


@pytest.mark.parametrize("output", sorted(SNIPPETS.rglob("*.out")), ids=lambda p: str(p.relative_to(ROOT)))
def test_recorded_output_is_shown_and_has_its_snippet(output):
    path = output.relative_to(ROOT).as_posix()
    assert output.with_suffix(".py").exists(), (
        f"{path} has no snippet {output.with_suffix('.py').name} beside it"
    )
    assert path in embedded_paths(), (
        f"{path} is not shown by any page; delete it or show it below its snippet"
    )
