"""A Sybil parser for Markdown blocks that embed a snippet file.

A page shows a snippet like this (the ``title`` keeps Sybil's Python parser away from it)::

    ```python title="snippets/what_is_ml/rule_vs_model.py"
    --8<-- "snippets/what_is_ml/rule_vs_model.py"
    ```

    ```text title="Output"
    --8<-- "snippets/what_is_ml/rule_vs_model.out"
    ```

The test takes the snippet's run from :mod:`site_tools.runs` (a fresh process, cached and
shared with the build) and compares what it printed with the output block under it, under the
policy of :mod:`site_tools.outputs`: exactly, unless the output block's title declares a
tolerance. Run ``pytest --update-outputs`` to rewrite ``.out`` files after an intended change.
A snippet with a ``# requires: torch`` line is skipped, with the install command as the reason,
where that module is not installed.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from pathlib import Path

import pytest
from sybil import Document, Example, Region

from site_tools.fences import fences, included_path
from site_tools.outputs import Tolerance, mismatch, tolerance_in
from site_tools.runs import run_snippet
from site_tools.snippets import missing_requirements

# Set by ``pytest --update-outputs`` (the root conftest.py): rewrite .out files instead of comparing.
UPDATE_OUTPUTS = {"enabled": False}
# A snippet that trains a network belongs to the slow tier.
TRAINS_A_NETWORK = re.compile(r"^\s*(?:import|from)\s+(?:keras|torch|tensorflow|jax)\b", re.MULTILINE)


class SnippetBlock:
    """A snippet the page shows, and the output file shown under it, if any."""

    def __init__(self, root: Path, snippet: str, output: str | None, tolerance: Tolerance | None) -> None:
        self.root = root
        self.snippet = snippet
        self.output = output
        self.tolerance = tolerance

    @property
    def is_slow(self) -> bool:
        path = self.root / self.snippet
        return path.is_file() and TRAINS_A_NETWORK.search(path.read_text(encoding="utf-8")) is not None

    def __call__(self, example: Example) -> None:
        __tracebackhide__ = True
        snippet = self.root / self.snippet
        where = f"{example.path}, line {example.line}"
        if not snippet.is_file():
            raise FileNotFoundError(f"{where}: no snippet file {self.snippet}")
        if missing := missing_requirements(snippet):
            pytest.skip(f"{self.snippet} " + "; ".join(missing))
        run = run_snippet(snippet)
        if run.stderr.strip():
            warnings.warn(f"{self.snippet} wrote to stderr:\n{run.stderr}", stacklevel=1)
        if self.output is not None:
            self._check_output(where, run.stdout)

    def _check_output(self, where: str, printed: str) -> None:
        out_file = self.root / self.output
        if UPDATE_OUTPUTS["enabled"]:
            out_file.write_text(printed, encoding="utf-8")
            return
        if not out_file.exists():
            raise AssertionError(
                f"{where}: the page shows {self.output}, which does not exist. "
                f"Create it with: uv run pytest --update-outputs {where.split(',')[0]}"
            )
        problem = mismatch(out_file.read_text(encoding="utf-8"), printed, self.tolerance)
        if problem is not None:
            raise AssertionError(
                f"{where}: the output shown on the page ({self.output}) is not what the code prints.\n"
                f"{problem}\nIf the change is intended, rewrite the file with: "
                f"uv run pytest --update-outputs {where.split(',')[0]}"
            )


class SnippetBlockParser:
    """Find snippet blocks, and the output block under each, in a Markdown document."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def __call__(self, document: Document) -> Iterable[Region]:
        blocks = fences(document.text)
        for index, fence in enumerate(blocks):
            if not fence.info.startswith("python ") or not (path := included_path(fence)):
                continue
            output = blocks[index + 1] if index + 1 < len(blocks) else None
            if output is None or output.language != "text" or document.text[fence.end : output.start].strip():
                output = None
            shown = included_path(output) if output else None
            tolerance = tolerance_in(output.info) if shown else None
            block = SnippetBlock(self.root, path, shown, tolerance)
            yield Region(fence.start, output.end if shown else fence.end, parsed=block, evaluator=block)
