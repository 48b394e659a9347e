"""Every docstring example of tutorials_lib can be pasted as it is: it imports what it uses.

The doctests themselves run in the library's own namespace (Sybil, see the root conftest.py),
where a missing import goes unnoticed. Here each example runs with empty globals, as in a
reader's fresh notebook.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import matplotlib.pyplot as plt
import pytest

import tutorials_lib

FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def docstring_examples() -> list[doctest.DocTest]:
    finder = doctest.DocTestFinder()
    tests = []
    for info in pkgutil.walk_packages(tutorials_lib.__path__, "tutorials_lib."):
        module = importlib.import_module(info.name)
        tests += [test for test in finder.find(module, globs={}) if test.examples]
    return tests


@pytest.mark.parametrize("example", docstring_examples(), ids=lambda test: test.name)
def test_docstring_example_runs_with_only_its_own_imports(example):
    example.globs = {}
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    failures = []
    runner.run(example, out=failures.append)
    plt.close("all")
    assert runner.failures == 0, (
        f"{example.name} fails when pasted alone; add the imports it needs:\n" + "".join(failures)
    )
