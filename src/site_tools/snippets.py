"""Run a snippet file the way a reader would, capturing what it prints and draws."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib

SECTION_MARK = re.compile(r"^\s*# --8<-- \[(?P<kind>start|end):(?P<name>[\w-]+)\]\s*$")
REQUIRES = re.compile(r"^# requires: (?P<modules>[\w.]+(?:\s*,\s*[\w.]+)*)\s*$", re.MULTILINE)
# How to install the optional libraries that some snippets need (default: pip install <module>).
INSTALL = {
    "tensorflow": "pip install tensorflow-cpu",
    "torch": "pip install torch --index-url https://download.pytorch.org/whl/cpu",
}


def missing_requirements(path: Path) -> list[str]:
    """Skip messages for the modules that ``path`` declares with ``# requires: a, b`` and that
    are not installed. A snippet for an optional library (TensorFlow, PyTorch) carries that
    line so that the tests skip it, with a reason, where the library is absent."""
    declared = [
        module.strip()
        for match in REQUIRES.finditer(path.read_text(encoding="utf-8"))
        for module in match["modules"].split(",")
    ]
    return [
        f"needs {module}: install it with `{INSTALL.get(module, f'pip install {module}')}`"
        for module in declared
        if importlib.util.find_spec(module) is None
    ]


@dataclass
class SnippetRun:
    """What one run of a snippet printed, and the figures it showed."""

    stdout: str
    figures: list = field(default_factory=list)


def read_section(path: Path, section: str | None) -> tuple[str, int]:
    """Return the text a page includes from ``path`` and the file line it starts on.

    ``section`` names a ``# --8<-- [start:name]`` ... ``# --8<-- [end:name]`` block, as
    pymdownx.snippets understands it; ``None`` means the whole file.
    """
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    if section is None:
        return "".join(line for line in lines if not SECTION_MARK.match(line)), 1
    start = end = None
    for number, line in enumerate(lines):
        mark = SECTION_MARK.match(line)
        if mark and mark["name"] == section:
            if mark["kind"] == "start":
                start = number + 1
            else:
                end = number
    if start is None or end is None:
        raise ValueError(
            f"{path}: no section '{section}'. Mark it with '# --8<-- [start:{section}]' "
            f"and '# --8<-- [end:{section}]' lines."
        )
    body = "".join(line for line in lines[start:end] if not SECTION_MARK.match(line))
    return body, start + 1


def run_source(source: str, filename: str, first_line: int, namespace: dict) -> SnippetRun:
    """Execute ``source`` in ``namespace``; tracebacks point at ``filename``'s real lines."""
    __tracebackhide__ = True  # pytest shows the snippet's frames, not this machinery
    import matplotlib.pyplot as plt

    shown: list = []

    def collect_figures(*args, **kwargs) -> None:
        shown.extend(plt.figure(number) for number in plt.get_fignums())
        for figure in shown:
            plt.close(figure)

    # Blank lines in front keep the line numbers of a section equal to the file's.
    code = compile("\n" * (first_line - 1) + source, filename, "exec")
    buffer = io.StringIO()
    original_show = plt.show
    plt.show = collect_figures
    try:
        with contextlib.redirect_stdout(buffer):
            exec(code, namespace)
    finally:
        plt.show = original_show
        plt.close("all")
    return SnippetRun(stdout=buffer.getvalue(), figures=shown)


def run_snippet(path: Path, section: str | None = None, namespace: dict | None = None) -> SnippetRun:
    """Run a snippet file (or one named section of it) and return what it printed and drew."""
    __tracebackhide__ = True
    matplotlib.use("Agg")
    source, first_line = read_section(path, section)
    if namespace is None:
        namespace = {"__name__": "__main__", "__file__": str(path)}
    return run_source(source, str(path), first_line, namespace)
