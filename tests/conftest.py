"""Fixtures shared by the tests: the repository's paths and one strict build of the site."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from site_tools.environment import CACHE
from site_tools.hints import broken_links
from site_tools.serve_plan import page_url

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
TUTORIALS = sorted((DOCS / "tutorials").glob("*.py"))


def page_path(source: Path) -> str:
    """The URL path (below the site root) of the page built from ``source`` in docs/."""
    return page_url(source.relative_to(ROOT).as_posix())


def build_site(config: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run ``mkdocs build --strict`` as CI does: notebooks executed, no notebook cache."""
    return subprocess.run(
        _command(config, site_dir), capture_output=True, text=True, env=_environment(), cwd=config.parent
    )


def _command(config: Path, site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)]


def _environment() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("MPLBACKEND", None)  # tutorial figures need the notebook's inline backend
    return env


# ------------------------------------------------------------------ the one build of a test run
# The build runs every tutorial and figure snippet not yet cached: minutes on a cold cache. It
# starts in the background as soon as the tests are collected, and the tests that read the site
# run last, so that the other tests (which share its runs through the cache) fill the wait.
BUILD_JOB = """
import json, subprocess, sys
command, folder = json.loads(sys.argv[1]), sys.argv[2]
result = subprocess.run(command, capture_output=True, text=True)
with open(folder + "/site.result.json.partial", "w") as out:
    json.dump({"returncode": result.returncode, "stdout": result.stdout, "stderr": result.stderr}, out)
import os; os.replace(folder + "/site.result.json.partial", folder + "/site.result.json")
"""


def _shared_folder(factory: pytest.TempPathFactory, config: pytest.Config) -> Path:
    """One folder per test run, common to the pytest-xdist workers."""
    base = factory.getbasetemp()
    return base.parent if hasattr(config, "workerinput") else base


def _site_dir(shared: Path) -> Path:
    """``SITE_DIR=site uv run pytest`` keeps the tested build there (CI publishes it)."""
    return (ROOT / os.environ["SITE_DIR"]).resolve() if os.environ.get("SITE_DIR") else shared / "site"


def _start_build(shared: Path) -> None:
    """Start the build in the background, unless another worker of this run has."""
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (shared / "site.started").exists():
            return
        command = _command(ROOT / "mkdocs.yml", _site_dir(shared))
        job = subprocess.Popen(
            [sys.executable, "-c", BUILD_JOB, json.dumps(command), str(shared)],
            env=_environment(),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # the job outlives a worker that finishes its own tests first
        )
        (shared / "site.started").write_text(str(job.pid), encoding="utf-8")


def pytest_unconfigure(config: pytest.Config) -> None:
    """A run that stops before its build is done (Ctrl-C, ``-x``) stops the build too."""
    factory = getattr(config, "_tmp_path_factory", None)
    if hasattr(config, "workerinput") or factory is None or factory._basetemp is None:
        return
    shared = factory.getbasetemp()
    started, done = shared / "site.started", shared / "site.result.json"
    if started.exists() and started.read_text(encoding="utf-8") and not done.exists():
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.killpg(int(started.read_text(encoding="utf-8")), signal.SIGTERM)


@pytest.hookimpl(trylast=True)  # after -m and -k have deselected what will not run
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    def reads_site(item: pytest.Item) -> bool:
        return "built_site" in getattr(item, "fixturenames", ())

    if config.option.collectonly or not any(map(reads_site, items)):
        return
    items.sort(key=reads_site)  # stable: the others keep their order, then the site's readers
    _start_build(_shared_folder(config._tmp_path_factory, config))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The site, built once per test run with ``mkdocs build --strict`` (started at collection)."""
    shared = _shared_folder(tmp_path_factory, request.config)
    _start_build(shared)  # already started, unless this test was not collected as reading the site
    result_file = shared / "site.result.json"
    while not result_file.exists():
        time.sleep(0.5)
    result = json.loads(result_file.read_text(encoding="utf-8"))
    if result["returncode"] != 0:
        hints = broken_links(result["stderr"], DOCS)
        pytest.fail(
            f"mkdocs build --strict failed:\n{result['stdout']}\n{result['stderr']}\n{hints}", pytrace=False
        )
    return _site_dir(shared)


# ------------------------------------------------------------------ checks that passed before
# A slow check whose inputs have not changed since it passed need not run again: the record is
# keyed by a hash of everything the check reads (like the runs, so CI can restore it for a pull
# request), and a cold run, with no records, runs every check.
PASSED = CACHE / "passed"


def pass_key(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()[:24]


def passed_before(key: str) -> bool:
    """True if the check with this key passed in an earlier run."""
    return (PASSED / key).exists()


def record_pass(key: str) -> None:
    PASSED.mkdir(parents=True, exist_ok=True)
    (PASSED / key).write_text(time.strftime("%Y-%m-%d %H:%M:%S"), encoding="utf-8")
