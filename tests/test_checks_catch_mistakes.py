"""The checks that pages run on their own from-scratch code fail when that code is wrong.

The tiny GPT checks its NumPy causal attention against Keras and against a changed future
token; the generative-models tutorial checks its forward noise process against many steps of
noising; the training page checks its NumPy batch normalisation against Keras. A check that
passes whatever the code computes proves nothing, so each test here breaks the code on purpose,
in a copy, and expects the check to raise: the example runs as far as its check, in the
reader's environment, once as written (it must pass) and once broken (it must fail).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import jupytext
import pytest

from site_tools.reader_env import reader_python, reader_run_environment
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Mistake:
    example: str  # a tutorial or a snippet, from the repository's root
    line: str  # the from-scratch code that the mistake replaces (found once in the example)
    wrong: str
    what: str  # the mistake, in words
    check_cell: str | None = None  # in a tutorial: the first line of the cell that checks

    def __str__(self) -> str:
        return f"{self.example}: {self.what}"


MISTAKES = [
    Mistake(
        "docs/tutorials/tiny-gpt.py",
        line="return np.tril(np.ones((length, length), dtype=bool))",
        wrong="return np.ones((length, length), dtype=bool)",
        what="a mask that lets every position attend to the future",
        check_cell="# check: causal attention",
    ),
    Mistake(
        "docs/tutorials/tiny-gpt.py",
        line="return np.tril(np.ones((length, length), dtype=bool))",
        wrong="return np.tril(np.ones((length, length), dtype=bool), k=1)",
        what="a mask off by one diagonal: each position sees the next token",
        check_cell="# check: causal attention",
    ),
    Mistake(
        "docs/tutorials/generative-models.py",
        line="return np.sqrt(alpha_bar[t])[:, None] * x0 + np.sqrt(1 - alpha_bar[t])[:, None] * noise",
        wrong="return alpha_bar[t][:, None] * x0 + (1 - alpha_bar[t])[:, None] * noise",
        what="a forward process that scales by alpha-bar instead of its square root",
        check_cell="# check: forward process",
    ),
    Mistake(
        "snippets/training_toolkit/batch_norm_check.py",
        line="var = x.var(axis=0)\n    return gamma * (x - mean) / np.sqrt(var + eps) + beta",
        wrong="var = x.var(axis=0)\n    return gamma * (x - mean) / (var + eps) + beta",
        what="batch normalisation that divides by the variance, not the standard deviation",
    ),
]


def code_up_to_check(mistake: Mistake) -> str:
    """The example's code as far as its check: a snippet whole, a tutorial's code cells up to
    and including the cell that starts with ``mistake.check_cell``."""
    path = ROOT / mistake.example
    if mistake.check_cell is None:
        return path.read_text(encoding="utf-8")
    cells = [cell.source for cell in jupytext.read(path).cells if cell.cell_type == "code"]
    checks = [i for i, source in enumerate(cells) if source.lstrip().startswith(mistake.check_cell)]
    assert len(checks) == 1, (
        f"{mistake.example}: expected one code cell starting with {mistake.check_cell!r}, found "
        f"{len(checks)}; the test runs the tutorial as far as that cell"
    )
    return "\n\n".join(cells[: checks[0] + 1])


def run(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    script = tmp_path / "example.py"
    script.write_text(code, encoding="utf-8")
    return subprocess.run(
        [str(reader_python()), str(script)],
        cwd=tmp_path,
        env=reader_run_environment(MPLBACKEND="Agg"),
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("mistake", MISTAKES, ids=str)
def test_the_check_fails_on_the_mistake(mistake, tmp_path):
    code = code_up_to_check(mistake)
    assert code.count(mistake.line) == 1, (
        f"{mistake.example}: the line {mistake.line!r} should appear once in the code up to its check; "
        "if you rewrote it, update MISTAKES in this test so that it still breaks the code"
    )
    as_written = run(code, tmp_path)
    assert as_written.returncode == 0, f"{mistake.example} fails as written:\n{as_written.stderr[-3000:]}"
    broken = run(code.replace(mistake.line, mistake.wrong), tmp_path)
    assert broken.returncode != 0 and "AssertionError" in broken.stderr, (
        f"{mistake}: the example's check still passes with {mistake.wrong!r}\n{broken.stdout[-2000:]}"
    )
