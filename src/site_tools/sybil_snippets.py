"""A Sybil parser for Markdown blocks that embed a snippet file.

A page shows a snippet like this (the ``title`` keeps Sybil's Python parser away from it)::

    ```python title="snippets/what_is_ml/rule_vs_model.py"
    --8<-- "snippets/what_is_ml/rule_vs_model.py"
    ```

    ```text title="Output"
    --8<-- "snippets/what_is_ml/rule_vs_model.out"
    ```

The parser runs the included code as the reader sees it, in page order, and compares what
it prints with the output block that follows. A block that includes named sections
(``"snippets/x.py:fit"``) shares one namespace with the page's other sections of that file;
a whole-file block runs in a fresh namespace, as it would in a new notebook.
Run ``pytest --update-outputs`` to rewrite ``.out`` files after an intended change.
A snippet with a ``# requires: torch`` line is skipped, with the install command as the reason,
where that module is not installed.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from sybil import Document, Example, Region

from site_tools.figures import cache_folder, is_drawn, save
from site_tools.snippets import missing_requirements, run_snippet

INCLUDE = r'[ \t]*--8<-- "(?P<path>[^"]+)"[ \t]*\n'
SNIPPET_BLOCK = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,})python\b[^\n]*\n"
    r"(?P<includes>(?:" + INCLUDE.replace("?P<path>", "") + r")+)"
    r"(?P=indent)(?P=fence)[ \t]*$"
    r"(?P<output>\n\s*^(?P=indent)`{3,}text[^\n]*\n" + INCLUDE.replace("path", "out") + r"(?P=indent)`{3,}[ \t]*$)?",
    re.MULTILINE,
)
INCLUDE_LINE = re.compile(INCLUDE)
UPDATE_ENV = "UPDATE_SNIPPET_OUTPUTS"


def _split_target(target: str) -> tuple[str, str | None]:
    path, _, section = target.partition(":")
    return path, section or None


class SnippetBlock:
    """The files a block includes, and the output file shown under it, if any."""

    def __init__(self, root: Path, targets: list[str], output: str | None) -> None:
        self.root = root
        self.targets = [_split_target(target) for target in targets]
        self.output = output

    def __call__(self, example: Example) -> None:
        __tracebackhide__ = True
        printed = ""
        for path, _ in self.targets:
            if not (self.root / path).is_file():
                raise FileNotFoundError(f"{example.path}, line {example.line}: no snippet file {path}")
            if missing := missing_requirements(self.root / path):
                pytest.skip(f"{path} " + "; ".join(missing))
        for path, section in self.targets:
            snippet = self.root / path
            run = run_snippet(snippet, section, self._namespace(example, path, section))
            printed += run.stdout
            if section is None and run.figures:
                # The build would draw these again: leave them in its cache.
                folder = cache_folder(snippet, self.root / ".cache" / "figures")
                if not is_drawn(folder):
                    save(run.figures, snippet, folder)
        if self.output is not None:
            self._check_output(example, printed)

    @staticmethod
    def _namespace(example: Example, path: str, section: str | None) -> dict | None:
        if section is None:
            return None
        shared = example.namespace.setdefault("__snippet_namespaces__", {})
        return shared.setdefault(path, {"__name__": "__main__"})

    def _check_output(self, example: Example, printed: str) -> None:
        out_file = self.root / self.output
        if os.environ.get(UPDATE_ENV):
            out_file.write_text(printed, encoding="utf-8")
            return
        shown = out_file.read_text(encoding="utf-8") if out_file.exists() else None
        if shown is None:
            raise AssertionError(
                f"{example.path}, line {example.line}: the page shows {self.output}, which does not "
                "exist. Create it with: uv run pytest --update-outputs " + str(example.path)
            )
        if _normalise(shown) != _normalise(printed):
            diff = "\n".join(
                difflib.unified_diff(
                    _normalise(shown).splitlines(), _normalise(printed).splitlines(),
                    fromfile=f"{self.output} (shown on the page)", tofile="printed by the code", lineterm="",
                )
            )
            raise AssertionError(
                f"{example.path}, line {example.line}: the output shown on the page is not what the "
                f"code prints.\n{diff}\nIf the change is intended, rewrite the file with: "
                f"uv run pytest --update-outputs {example.path}"
            )


def _normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


class SnippetBlockParser:
    """Find snippet blocks (and their output blocks) in a Markdown document."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def __call__(self, document: Document) -> Iterable[Region]:
        for match in SNIPPET_BLOCK.finditer(document.text):
            targets = [m["path"] for m in INCLUDE_LINE.finditer(match["includes"])]
            block = SnippetBlock(self.root, targets, match["out"])
            yield Region(match.start(), match.end(), parsed=block, evaluator=block)
