"""Collects the pages' code for pytest: doctests and snippet blocks in ``docs/**/*.md`` and the
docstring examples of ``src/tutorials_lib``. Everything else lives in ``tests/``."""

from __future__ import annotations

import os
import time
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from pathlib import Path

from site_tools.environment import ONE_THREAD  # imports nothing heavy: before NumPy loads

os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.setdefault("KERAS_BACKEND", "jax")
# Doctests run in the test process: one thread per library there too, as in every other run.
for _name, _value in ONE_THREAD.items():
    os.environ.setdefault(_name, _value)

import pytest  # noqa: E402
from sybil import Sybil  # noqa: E402
from sybil.parsers.markdown import ClearNamespaceParser, PythonCodeBlockParser, SkipParser  # noqa: E402
from sybil.parsers.rest import DocTestParser  # noqa: E402

from site_tools.hints import doctest_hint, snippet_hint  # noqa: E402
from site_tools.sybil_snippets import UPDATE_OUTPUTS, SnippetBlock, SnippetBlockParser  # noqa: E402

ROOT = Path(__file__).parent
# No NUMBER flag: a doctest's output is deterministic, so it must match exactly as shown.
FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE
_UPDATE_BEFORE = pytest.StashKey[bool]()


def _in_scratch_directory(namespace: dict) -> None:
    # Code on a page may save files (a model, a CSV): keep them out of the repository.
    import tempfile

    namespace["__scratch__"] = tempfile.TemporaryDirectory()
    namespace["__cwd__"] = os.getcwd()
    os.chdir(namespace["__scratch__"].name)


def _back_to_repository(namespace: dict) -> None:
    import matplotlib.pyplot as plt

    plt.close("all")
    os.chdir(namespace["__cwd__"])
    namespace["__scratch__"].cleanup()


PAGES = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=FLAGS),
        SnippetBlockParser(ROOT),
        SkipParser(),
        ClearNamespaceParser(),
    ],
    patterns=["*.md"],
    path="docs",
    setup=_in_scratch_directory,
    teardown=_back_to_repository,
    name="pages",
)
LIBRARY_DOCSTRINGS = Sybil(
    parsers=[DocTestParser(optionflags=FLAGS)],
    patterns=["*.py"],
    path="src/tutorials_lib",
    name="library-docstrings",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite the snippets' .out files with what the code prints now",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_UPDATE_BEFORE] = UPDATE_OUTPUTS["enabled"]
    UPDATE_OUTPUTS["enabled"] = config.getoption("--update-outputs")


_STARTED = pytest.StashKey[float]()


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_STARTED] = time.time()


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """Say how many examples this run executed and how many it read from the cache: a change to
    one page's prose should execute none."""
    from site_tools.environment import CACHE

    started = config.stash.get(_STARTED, None)
    if started is None or hasattr(config, "workerinput"):
        return
    counts = {}
    for kind, folder in {"snippet": "runs", "tutorial": "tutorial-runs"}.items():
        records = list((CACHE / folder).glob("*/run.json"))
        counts[kind] = (sum(r.stat().st_mtime >= started for r in records), len(records))
    terminalreporter.write_line(
        "runs: this session executed {} snippet and {} tutorial run(s); .cache holds {} and {}".format(
            counts["snippet"][0], counts["tutorial"][0], counts["snippet"][1], counts["tutorial"][1]
        )
    )


def pytest_unconfigure(config: pytest.Config) -> None:
    # A run nested in the tests' own process must leave the outer run's setting as it was.
    UPDATE_OUTPUTS["enabled"] = config.stash.get(_UPDATE_BEFORE, False)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Snippets that train a network run in the slow tier, with the build and the tutorials."""
    for item in items:
        parsed = getattr(getattr(item, "example", None), "parsed", None)
        if isinstance(parsed, SnippetBlock) and parsed.is_slow:
            item.add_marker(pytest.mark.slow)


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """The examples of a page share one namespace, so they run on one worker, in page order; every
    other test goes to whichever worker is free (one file's 56 browser tests no longer wait for one
    worker while the other idles)."""
    from xdist.scheduler import LoadScopeScheduling

    class PagesTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path, _, test = nodeid.partition("::")
            return path if test.startswith("sybil:") else nodeid

    return PagesTogether(config, log)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Under a failing example of a page, say how to fix it."""
    report = yield
    example = getattr(item, "example", None)
    if report.failed and call.when == "call" and example is not None and str(example.path).endswith(".md"):
        if isinstance(example.parsed, SnippetBlock):
            if "--update-outputs" not in str(report.longrepr):  # the output diff says it already
                report.sections.append(("How to fix", snippet_hint(example.parsed.snippet)))
        else:
            report.sections.append(("How to fix", doctest_hint()))
    return report


pytest_collect_file = (PAGES + LIBRARY_DOCSTRINGS).pytest()
