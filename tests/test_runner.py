"""The snippet runner forks each run from a server that has imported the stack: each run must
still behave as a fresh interpreter would."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_tools.runs import SnippetError, run_snippet


def snippet(folder: Path, name: str, code: str) -> Path:
    path = folder / name
    path.write_text(code, encoding="utf-8")
    return path


def test_a_run_does_not_see_what_an_earlier_run_changed(tmp_path):
    first = snippet(tmp_path, "first.py", "import numpy\nnumpy.changed_by_first = True\nprint('done')\n")
    second = snippet(tmp_path, "second.py", "import numpy\nprint(hasattr(numpy, 'changed_by_first'))\n")
    assert run_snippet(first, cache=tmp_path / "cache").stdout == "done\n"
    assert run_snippet(second, cache=tmp_path / "cache").stdout == "False\n"


def test_unseeded_random_numbers_differ_between_runs_as_in_fresh_interpreters(tmp_path):
    code = "import random\nimport numpy as np\nprint(np.random.rand(), random.random())\n"
    first = run_snippet(snippet(tmp_path, "a.py", code), cache=tmp_path / "one").stdout
    second = run_snippet(snippet(tmp_path, "a.py", code), cache=tmp_path / "two").stdout
    assert first.split()[0] != second.split()[0] and first.split()[1] != second.split()[1]


def test_a_deprecation_warning_fails_the_run_naming_the_snippet_line(tmp_path):
    code = "import warnings\n\nwarnings.warn('old API', DeprecationWarning)\n"
    with pytest.raises(SnippetError, match=r"deprecated\.py, line 3: DeprecationWarning: old API"):
        run_snippet(snippet(tmp_path, "deprecated.py", code), cache=tmp_path / "cache")


def test_a_snippet_that_exits_with_a_message_fails_with_that_message(tmp_path):
    code = "raise SystemExit('no data file here')\n"
    with pytest.raises(SnippetError, match="no data file here"):
        run_snippet(snippet(tmp_path, "exits.py", code), cache=tmp_path / "cache")


def test_figures_are_saved_under_the_snippet_name(tmp_path):
    code = "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()\nplt.plot([2, 1])\nplt.show()\n"
    run = run_snippet(snippet(tmp_path, "lines.py", code), cache=tmp_path / "cache")
    assert [figure.name for figure in run.figures] == ["lines-2.png", "lines.png"]
