"""Measure the targets of issue 11 on the current machinery and write ``benchmarks/REPORT.md``
and ``benchmarks/report.json``.

    uv run python benchmarks/run.py                  # every measure but CI (about 15 min, 2 cores)
    uv run python benchmarks/run.py --ci             # ... and `CI=true bash .ci/run` (6-10 min more)
    uv run python benchmarks/run.py --only quick,build
    uv run python benchmarks/run.py --quick-only --site /tmp/site   # a few minutes, for development

Each measure works in its own fresh ``git clone`` of this repository's HEAD in a temporary
folder (uncommitted changes are not measured), with its own ``uv sync --locked`` into the
clone's ``.venv`` from the machine's uv cache and an empty ``.cache/``. Nothing here is a
test: the numbers depend on the machine and its load, so they are reported, not asserted.
A measure that cannot be taken says why in the report instead of stopping the others.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "benchmarks"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage"
)
QUICK_TIER = ["uv", "run", "pytest", "-q", "-m", "not slow and not browser"]
TEXT_PAGE = ("docs/concepts/ml-workflow.md", "concepts/ml-workflow/")
TUTORIAL_PAGE = ("docs/tutorials/digits.py", "tutorials/digits/")
# The pages Lighthouse loads: the tutorial page the target is about, and one of each other kind.
LIGHTHOUSE_PAGES = {
    "tutorial page": TUTORIAL_PAGE[1],
    "home": "",
    "text page": TEXT_PAGE[1],
    "API page": "reference/",
}
# Variables of the calling shell that would change what is measured: the clones get their own
# environment (uv), CI mode only where asked, and the tests' own build folder.
DROPPED_VARIABLES = {"VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT", "CI", "SITE_DIR", "MPLBACKEND", "PYTHONPATH"}


# ---------------------------------------------------------------- targets
@dataclass(frozen=True)
class Target:
    label: str
    target: str
    limit: float  # the measured number must be <= limit, or >= limit when at_least
    unit: str
    at_least: bool = False

    def met(self, value: float) -> bool:
        return value >= self.limit if self.at_least else value <= self.limit


# Each measure's rows in the summary table, in the order of the table.
TARGETS: dict[str, dict[str, Target]] = {
    "ci": {"ci": Target("`CI=true bash .ci/run` from a fresh clone, installs included", "≤ 6 min", 6, "min")},
    "tests": {
        "tests": Target(
            "full `uv run pytest`, browser tests included, fresh clone, empty `.cache`", "≤ 4 min", 4, "min"
        )
    },
    "runs": {},
    "quick": {
        "quiet": Target("quick tier, quiet machine (fresh clone, cold `.cache`)", "≤ 60 s", 60, "s"),
        "busy": Target("quick tier, machine busy with another job (cold `.cache`)", "≤ 90 s", 90, "s"),
    },
    "build": {
        "cold": Target("cold `mkdocs build --strict` (fresh clone, empty `.cache`)", "≤ 60 s", 60, "s")
    },
    "first-start": {
        "served": Target(
            "fresh clone, synced: `uv run mkdocs serve` until the first page is served", "≤ 15 s", 15, "s"
        )
    },
    "serve": {"text": Target("text-page edit-to-reload in `mkdocs serve` (median)", "≤ 2 s", 2, "s")},
    "pages": {
        "html": Target("tutorial page HTML size (largest tutorial, uncompressed)", "≤ 150 KB", 150, "KB"),
        "tutorial": Target(
            "Lighthouse performance, tutorial page (desktop, gzipped)", "≥ 98", 98, "", at_least=True
        ),
        "others": Target(
            "Lighthouse performance, home / text / API page (lowest)", "≥ 98", 98, "", at_least=True
        ),
    },
}
DEFAULT_MEASURES = ["tests", "runs", "quick", "build", "first-start", "serve", "pages"]
ALL_MEASURES = ["ci", *DEFAULT_MEASURES]


class NotMeasured(Exception):
    """A measure could not be taken; the message says why."""


@dataclass
class Result:
    """What one measure found: its rows in the summary table, and the details below it."""

    values: dict[str, float | None] = field(default_factory=dict)  # row key -> number
    shown: dict[str, str] = field(default_factory=dict)  # row key -> text, when not just the number
    sections: list[dict] = field(default_factory=list)  # {"title", "text", "columns", "rows"}
    notes: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # row keys whose command failed: target not met

    def fail(self, key: str, shown: str) -> None:
        self.failed.append(key)
        self.shown[key] = shown

    def section(self, title: str, text: str = "", columns=(), rows=()) -> None:
        self.sections.append({"title": title, "text": text, "columns": list(columns), "rows": list(rows)})


# ---------------------------------------------------------------- running commands
@dataclass
class Run:
    seconds: float
    returncode: int
    output: str

    def tail(self, lines: int = 15) -> str:
        return "\n".join(self.output.rstrip().splitlines()[-lines:])


def clean_environment(**extra: str) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k not in DROPPED_VARIABLES}
    return {**environment, "NO_MKDOCS_2_WARNING": "1", "UV_PYTHON_DOWNLOADS": "never", **extra}


def stop(process: subprocess.Popen) -> None:
    """Stop a process this script started, and its children (it leads its own process group)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def run(command: list[str], cwd: Path, log: Path, env: dict | None = None, timeout: float = 1800) -> Run:
    """Run ``command``, its output going to ``log``, and time it. Never raises on a failure exit."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env or clean_environment(),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            returncode = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            stop(process)
            raise NotMeasured(
                f"`{' '.join(command)}` ran longer than {timeout:.0f} s and was stopped"
            ) from None
        finally:
            stop(process)
        seconds = time.perf_counter() - start
    return Run(round(seconds, 1), returncode, log.read_text(encoding="utf-8", errors="replace"))


def must_succeed(result: Run, what: str) -> Run:
    if result.returncode != 0:
        raise NotMeasured(f"{what} failed (exit {result.returncode}):\n{result.tail()}")
    return result


def pytest_summary(output: str) -> str:
    """pytest's last line, e.g. ``412 passed, 3 skipped in 95.1s``."""
    lines = [line.strip("= ") for line in output.splitlines() if re.search(r"\b(passed|failed|error)", line)]
    return lines[-1] if lines else "no pytest summary line"


@contextmanager
def busy_machine() -> Iterator[None]:
    """Another job on the machine: one CPU-bound process, not pinned to any core."""
    load = subprocess.Popen([sys.executable, "-c", "while True: pass"], start_new_session=True)
    try:
        time.sleep(2)
        yield
    finally:
        stop(load)


# ---------------------------------------------------------------- fresh clones
class Workspace:
    """Fresh clones of the repository in a temporary folder, one per measure that needs one."""

    def __init__(self, work: Path, seed_cache: bool = False) -> None:
        self.work = work
        self.seed_cache = seed_cache  # --quick-only: start from this worktree's .cache
        self.clones: dict[str, Path] = {}
        self.setup: dict[str, dict[str, float]] = {}
        self.site: Path | None = None

    def log(self, name: str) -> Path:
        (self.work / "logs").mkdir(exist_ok=True)
        return self.work / "logs" / f"{name}.log"

    def clone(self, name: str, sync: bool = True, npm: bool = False) -> Path:
        """A new clone of HEAD; with ``sync``, its environment made as ``uv run`` would make it."""
        path = self.work / name
        must_succeed(
            run(["git", "clone", "--quiet", str(ROOT), str(path)], ROOT, self.log(f"{name}-clone")),
            "git clone",
        )
        self.clones[name] = path
        self.setup[name] = {}
        if self.seed_cache and (ROOT / ".cache").is_dir():
            shutil.copytree(ROOT / ".cache", path / ".cache", ignore=shutil.ignore_patterns("*.lock"))
        if sync:
            synced = must_succeed(
                run(["uv", "sync", "--locked"], path, self.log(f"{name}-sync")), "uv sync --locked"
            )
            self.setup[name]["uv sync --locked"] = synced.seconds
        if npm:
            installed = run(
                ["npm", "ci", "--omit=dev", "--no-audit", "--no-fund"], path, self.log(f"{name}-npm")
            )
            if installed.returncode == 0:
                self.setup[name]["npm ci --omit=dev (axe-core)"] = installed.seconds
        return path


# ---------------------------------------------------------------- 1. CI
def measure_ci(ws: Workspace, args: argparse.Namespace) -> Result:
    clone = ws.clone("ci", sync=False)  # .ci/run makes the environment itself
    result = Result()
    ci = run(["bash", ".ci/run"], clone, ws.log("ci"), env=clean_environment(CI="true"), timeout=3600)
    minutes = round(ci.seconds / 60, 2)
    result.values["ci"] = minutes
    result.shown["ci"] = f"{minutes} min ({ci.seconds} s)"
    if ci.returncode != 0:
        result.fail("ci", f"{minutes} min ({ci.seconds} s), failed (exit {ci.returncode})")
    result.section(
        "CI: `CI=true bash .ci/run` in a fresh clone",
        f"{ci.seconds} s in all; tests: {pytest_summary(ci.output)}.",
    )
    wheels = sorted(Path("/opt/wheels").glob("torch-*.whl"))
    result.notes += [
        f"Chromium was already installed ({CHROMIUM}), so `.ci/run` skipped its `apt-get install`, "
        "which takes about 35 s more on a machine without it."
        if CHROMIUM.exists()
        else "Chromium was not installed: the time includes `.ci/run`'s `apt-get install chromium`.",
        "The uv cache was warm: the locked packages came from the machine's uv cache, not the "
        "network; on a new CI machine their download comes on top.",
        f"PyTorch came from the machine's wheel folder ({wheels[0].name})."
        if wheels
        else "PyTorch came from PyTorch's CPU package index.",
    ]
    if ci.returncode != 0:
        result.notes.append(f"`.ci/run` failed; the end of its log:\n\n```text\n{ci.tail()}\n```")
    return result


# ---------------------------------------------------------------- 2. full tests
def measure_tests(ws: Workspace, args: argparse.Namespace) -> Result:
    clone = ws.clone("tests", npm=True)
    junit = ws.work / "tests-junit.xml"
    tests = run(["uv", "run", "pytest", "-q", f"--junitxml={junit}"], clone, ws.log("tests"))
    result = Result()
    minutes = round(tests.seconds / 60, 2)
    result.values["tests"] = minutes
    result.shown["tests"] = f"{minutes} min ({tests.seconds} s)"
    if tests.returncode != 0:
        result.fail("tests", f"{minutes} min ({tests.seconds} s), tests failed (exit {tests.returncode})")
    cases = junit_cases(junit) if junit.exists() else []
    browser = [
        case for case in cases if case["name"].startswith("tests.browser") or "/browser/" in case["name"]
    ]
    result.section(
        "Full test run: `uv run pytest` in a fresh clone",
        f"{tests.seconds} s; {pytest_summary(tests.output)}. Browser tests: {len(browser)} collected, "
        f"{sum(case['skipped'] for case in browser)} skipped (Chromium "
        f"{'present' if CHROMIUM.exists() else 'missing'}). Set-up before it, not included: "
        + ", ".join(f"`{step}` {seconds} s" for step, seconds in ws.setup["tests"].items())
        + ".",
    )
    slowest = sorted(cases, key=lambda case: case["seconds"], reverse=True)[:10]
    result.section(
        "The 10 slowest tests",
        "From pytest's JUnit XML: set-up, call and teardown of each test. The first test to ask for "
        "the built site carries the strict build (the workers share one build).",
        ["test", "seconds"],
        [[f"`{case['name']}`", case["seconds"]] for case in slowest],
    )
    if tests.returncode != 0:
        result.notes.append(
            f"The full test run failed; the end of its log:\n\n```text\n{tests.tail(30)}\n```"
        )
    return result


def junit_cases(path: Path) -> list[dict]:
    cases = []
    for case in ET.parse(path).getroot().iter("testcase"):
        classname, name = case.get("classname", ""), case.get("name", "")
        cases.append(
            {
                "name": f"{classname}::{name}" if classname else name,
                "seconds": round(float(case.get("time", 0) or 0), 2),
                "skipped": case.find("skipped") is not None,
            }
        )
    return cases


# ---------------------------------------------------------------- 7. run times
# Runs inside a clone's environment: which recorded run belongs to which snippet or tutorial.
RUN_TIMES = """
import json
from pathlib import Path
from site_tools.notebooks import run_seconds
from site_tools.runs import cached_run

runs = {p.as_posix(): cached_run(p) for p in sorted(Path("snippets").rglob("*.py"))}
print(json.dumps({
    "snippets": {name: run.seconds if run else None for name, run in runs.items()},
    "tutorials": {p.as_posix(): run_seconds(p) for p in sorted(Path("docs/tutorials").glob("*.py"))},
}))
"""


def listed(names: list[str], most: int = 8) -> str:
    shown = ", ".join(f"`{name}`" for name in names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")


def measure_runs(ws: Workspace, args: argparse.Namespace) -> Result:
    clone = ws.clones.get("tests")
    if clone is None:
        raise NotMeasured("the run times are read from the full test run's records: select `tests` too")
    found = must_succeed(
        run(["uv", "run", "--locked", "python", "-c", RUN_TIMES], clone, ws.log("run-times")),
        "reading the run records",
    )
    times = json.loads(found.output.strip().splitlines()[-1])
    result = Result()
    for kind, what in [("tutorials", "tutorial"), ("snippets", "snippet")]:
        ran = {name: seconds for name, seconds in times[kind].items() if seconds is not None}
        missing = sorted(set(times[kind]) - set(ran))
        rows = [[f"`{name}`", seconds] for name, seconds in sorted(ran.items(), key=lambda item: -item[1])]
        result.section(
            f"Run time of each {what}",
            f"Read from `.cache/{'tutorial-runs' if kind == 'tutorials' else 'runs'}/*/run.json` of the full "
            f"test run: one fresh process per {what}, one thread per numerical library, while the other "
            f"pytest worker ran too. {len(ran)} {kind}, {round(sum(ran.values()), 1)} s in all"
            + (f"; no run recorded for {len(missing)}: {listed(missing)}" if missing else "")
            + ".",
            [what, "seconds"],
            rows,
        )
    return result


# ---------------------------------------------------------------- 3. quick tier
def measure_quick(ws: Workspace, args: argparse.Namespace) -> Result:
    clone = ws.clone("quick")
    result = Result()
    rows = []
    for load in ["quiet", "busy"]:
        shutil.rmtree(clone / ".cache", ignore_errors=True)
        with busy_machine() if load == "busy" else nullcontext():
            for cache in ["cold", "warm"]:
                quick = run(QUICK_TIER, clone, ws.log(f"quick-{load}-{cache}"))
                rows.append([load, f"{cache} `.cache`", quick.seconds, pytest_summary(quick.output)])
                if cache == "cold":
                    result.values[load] = quick.seconds
                    if quick.returncode != 0:
                        result.fail(load, f"{quick.seconds} s, tests failed (exit {quick.returncode})")
    result.section(
        'Quick tier: `uv run pytest -m "not slow and not browser"`',
        "In one fresh clone: first with an empty `.cache` (every snippet of the tier runs), then again "
        "(every run read from the cache). The busy rows repeat this after emptying `.cache`, while "
        "another job, one Python process in a busy loop, competes for the cores. The targets are "
        "judged on the cold runs.",
        ["machine", "cache", "seconds", "pytest"],
        rows,
    )
    return result


# ---------------------------------------------------------------- 4. build
def build_command(site: Path) -> list[str]:
    return ["uv", "run", "mkdocs", "build", "--strict", "-q", "-d", str(site)]


def measure_build(ws: Workspace, args: argparse.Namespace) -> Result:
    clone = ws.clone("build")
    site = ws.work / "site"
    result = Result()
    cold = must_succeed(run(build_command(site), clone, ws.log("build-cold")), "the cold build")
    snippet_runs = len(list((clone / ".cache" / "runs").glob("*/run.json")))
    tutorial_runs = len(list((clone / ".cache" / "tutorial-runs").glob("*/run.json")))
    warm = must_succeed(run(build_command(site), clone, ws.log("build-warm")), "the warm build")
    ws.site = site
    result.values["cold"] = cold.seconds
    result.section(
        "Build: `uv run mkdocs build --strict` in a fresh clone",
        f"The cold build ran {snippet_runs} snippets (the ones that draw figures) and {tutorial_runs} "
        "tutorials; the warm build, the same command again, read them all from `.cache`. "
        f"`uv sync --locked` before them, not included: {ws.setup['build'].get('uv sync --locked')} s.",
        ["build", "seconds"],
        [["cold (empty `.cache`)", cold.seconds], ["warm (same clone, again)", warm.seconds]],
    )
    return result


def ensure_site(ws: Workspace, args: argparse.Namespace) -> Path:
    """A built site for the page measures: ``--site``, the build measure's, or a new build."""
    if args.site:
        if not (args.site / "index.html").exists():
            raise NotMeasured(f"--site {args.site} holds no built site")
        return args.site
    if ws.site is None:
        clone = ws.clones.get("build") or ws.clones.get("serve") or ws.clone("pages")
        site = ws.work / "site"
        must_succeed(run(build_command(site), clone, ws.log("build-for-pages")), "building the site")
        ws.site = site
    return ws.site


# ---------------------------------------------------------------- 5. mkdocs serve
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def served_path(clone: Path) -> str:
    """``mkdocs serve`` serves the site under the path of ``site_url`` (``/guide/``)."""
    for line in (clone / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return urlparse(line.split(":", 1)[1].strip()).path or "/"
    return "/"


def wait_for(condition: Callable[[], bool], timeout: float, what: str, interval: float = 0.05) -> float:
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > timeout:
            raise NotMeasured(f"{what} did not happen within {timeout:.0f} s")
        time.sleep(interval)
    return time.perf_counter() - start


def edit_and_wait(path: Path, url: str, addition: str, marker: str, timeout: float) -> float:
    """Append ``addition`` to ``path``; seconds until ``url`` shows ``marker``. Then undo it."""
    original = path.read_text(encoding="utf-8")
    start = time.perf_counter()
    path.write_text(original + addition, encoding="utf-8")
    try:
        wait_for(lambda: marker in (fetch(url) or ""), timeout, f"showing the edit of {path.name}")
        return round(time.perf_counter() - start, 2)
    finally:
        path.write_text(original, encoding="utf-8")
        wait_for(lambda: marker not in (fetch(url) or marker), timeout, "serving the undone edit", 0.2)
        time.sleep(1)  # let the watcher settle before the next edit


def serving(server: subprocess.Popen, url: str) -> bool:
    if server.poll() is not None:
        raise NotMeasured(f"mkdocs serve exited (code {server.returncode}); see its log")
    return fetch(url) is not None


def start_serve(clone: Path, port: int, log) -> subprocess.Popen:
    """`uv run mkdocs serve` in ``clone`` on ``port``, its output to ``log``, in its own group."""
    return subprocess.Popen(
        ["uv", "run", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=clone,
        env=clean_environment(),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def measure_serve(ws: Workspace, args: argparse.Namespace) -> Result:
    clone = ws.clones.get("build") or ws.clone("serve")
    warmed = ""
    if ws.seed_cache:
        warmed = " (a copy of this worktree's `.cache`)"
    if not any((clone / ".cache" / "tutorial-runs").glob("*/run.json")):
        warm = must_succeed(
            run(build_command(ws.work / "serve-site"), clone, ws.log("serve-warm-up")), "warm-up build"
        )
        warmed = f" (a build first filled `.cache`, {warm.seconds} s)"
    port = free_port()
    base = f"http://127.0.0.1:{port}{served_path(clone)}"
    log = open(ws.log("serve"), "w", encoding="utf-8")
    server = start_serve(clone, port, log)
    result = Result()
    try:
        started = wait_for(lambda: serving(server, base), 600, "mkdocs serve starting", 0.2)
        time.sleep(2)  # let the file watcher start
        text_times = []
        for _ in range(args.repeats):
            marker = f"benchmarkmarker{time.time_ns()}"
            text_times.append(
                edit_and_wait(clone / TEXT_PAGE[0], base + TEXT_PAGE[1], f"\n{marker}\n", marker, 120)
            )
        rows = [[f"text page (`{TEXT_PAGE[0]}`), edit {n + 1}", s] for n, s in enumerate(text_times)]
        if not args.quick_only:
            marker = f"benchmarkmarker{time.time_ns()}"
            addition = f"\n# %% [markdown]\n# {marker}\n"
            seconds = edit_and_wait(clone / TUTORIAL_PAGE[0], base + TUTORIAL_PAGE[1], addition, marker, 600)
            rows.append([f"tutorial (`{TUTORIAL_PAGE[0]}`, executed again), for comparison", seconds])
    finally:
        stop(server)
        log.close()
    builds = re.findall(
        r"Documentation built in ([\d.]+) seconds", ws.log("serve").read_text(encoding="utf-8")
    )
    result.values["text"] = round(statistics.median(text_times), 2)
    result.shown["text"] = f"{result.values['text']} s (median of {len(text_times)})"
    result.section(
        "Edit to reload in `mkdocs serve`",
        f"`uv run mkdocs serve` in a clone with a warm `.cache`{warmed}; it answered after "
        f"{round(started, 1)} s. Each edit appends a new word to the file; the time runs from saving "
        "it until the served page contains the word (polled every 50 ms), so it is the rebuild plus "
        "at most one poll, without the browser's own reload. MkDocs' own count of its builds, in "
        f"order (the start, then each edit and each undo): {', '.join(builds) or 'none logged'} s.",
        ["edit", "seconds"],
        rows,
    )
    return result


def measure_first_start(ws: Workspace, args: argparse.Namespace) -> Result:
    """A fresh clone, its environment synced, nothing run yet: how soon `mkdocs serve` serves
    the first page, and how long until every run has landed in the background."""
    clone = ws.clone("first-start")
    port = free_port()
    base = f"http://127.0.0.1:{port}{served_path(clone)}"
    log_path = ws.log("first-start")
    log = open(log_path, "w", encoding="utf-8")
    server = start_serve(clone, port, log)
    result = Result()
    try:
        served = wait_for(lambda: serving(server, base), 900, "mkdocs serve starting", 0.2)
        landed = wait_for(
            lambda: "0 run(s) to go" in log_path.read_text(encoding="utf-8"), 1800, "the runs", 1.0
        )
    finally:
        stop(server)
        log.close()
    result.values["served"] = round(served, 1)
    result.shown["served"] = f"{result.values['served']} s"
    result.section(
        "First start of `mkdocs serve`",
        "`uv run mkdocs serve` in a fresh clone whose environment is synced and whose `.cache` is "
        f"empty. The first page was served after {round(served, 1)} s; the snippets' figures and the "
        f"tutorials then ran in the background, and the last of them landed after {round(landed, 1)} s.",
        ["what", "seconds"],
        [["first page served", round(served, 1)], ["every run landed", round(landed, 1)]],
    )
    return result


# ---------------------------------------------------------------- 6. pages
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ipynb", ".py"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it, as GitHub Pages and most
    static hosts send them (``python -m http.server`` sends everything uncompressed)."""

    def send_head(self):  # noqa: ANN201 - http.server's own signature
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args) -> None:
        pass


def kilobytes(path: Path) -> float:
    return round(path.stat().st_size / 1024, 1)


def page_weights(site: Path, result: Result) -> None:
    tutorials = sorted(p.parent for p in (site / "tutorials").glob("*/index.html"))
    if not tutorials:
        raise NotMeasured(f"{site} has no tutorial pages")
    rows = []
    for page in tutorials:
        figures = list(page.glob("*.png"))
        rows.append(
            [
                f"`tutorials/{page.name}/`",
                kilobytes(page / "index.html"),
                len(figures),
                round(sum(p.stat().st_size for p in figures) / 1024, 1),
            ]
        )
    largest = max(rows, key=lambda row: row[1])
    result.values["html"] = largest[1]
    result.shown["html"] = f"{largest[1]} KB ({largest[0]})"
    stylesheet = site / "assets" / "stylesheets" / "jupyter.css"
    others = [
        [f"{kind} (`{page or '/'}`)", kilobytes(site / page / "index.html")]
        for kind, page in LIGHTHOUSE_PAGES.items()
        if kind != "tutorial page"
    ]
    result.section(
        "Tutorial pages: HTML size",
        "Each tutorial's `index.html`, uncompressed; its figures are separate PNG files loaded lazily, "
        "and the Jupyter styles one shared stylesheet, `assets/stylesheets/jupyter.css` "
        f"({kilobytes(stylesheet) if stylesheet.exists() else 'missing'} KB). For comparison, the HTML "
        "of other pages: " + "; ".join(f"{name} {kb} KB" for name, kb in others) + ".",
        ["page", "HTML KB", "figures", "figures KB"],
        rows,
    )


def lighthouse_once(url: str, output: Path) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        "--quiet",
        "--preset=desktop",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = clean_environment(CHROME_PATH=str(CHROMIUM))
    must_succeed(run(command, ROOT, output.with_suffix(".log"), env=env, timeout=300), f"Lighthouse on {url}")
    report = json.loads(output.read_text(encoding="utf-8"))
    requests = report["audits"]["network-requests"]["details"]["items"]
    return {
        **{key: round(category["score"] * 100) for key, category in report["categories"].items()},
        "transferred_kb": round(report["audits"]["total-byte-weight"]["numericValue"] / 1024, 1),
        "uncompressed_kb": round(sum(item.get("resourceSize") or 0 for item in requests) / 1024, 1),
        "below 90": sorted(
            ref["id"]
            for category in report["categories"].values()
            for ref in category["auditRefs"]
            if ref["weight"] > 0 and (report["audits"][ref["id"]].get("score") or 0) < 0.9
        ),
    }


def lighthouse(site: Path, work: Path, runs: int, result: Result) -> None:
    if not LIGHTHOUSE.exists():
        raise NotMeasured(
            "node_modules/.bin/lighthouse is missing: run `npm ci` (Lighthouse is a dev dependency)"
        )
    if not CHROMIUM.exists():
        raise NotMeasured(f"no Chromium at {CHROMIUM} (set CHROMIUM_PATH)")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rows, performance = [], {}
    try:
        for kind, page in LIGHTHOUSE_PAGES.items():
            url = f"http://127.0.0.1:{server.server_address[1]}/{page}"
            reports = [lighthouse_once(url, work / f"lighthouse-{len(rows)}-{n}.json") for n in range(runs)]
            median = sorted(reports, key=lambda report: report["performance"])[len(reports) // 2]
            performance[kind] = median["performance"]
            rows.append(
                [
                    f"{kind} (`/{page}`)",
                    ", ".join(str(r["performance"]) for r in reports),
                    median["accessibility"],
                    median["best-practices"],
                    median["seo"],
                    median["transferred_kb"],
                    median["uncompressed_kb"],
                    ", ".join(median["below 90"]) or "-",
                ]
            )
    finally:
        server.shutdown()
    result.values["tutorial"] = performance["tutorial page"]
    others = {kind: score for kind, score in performance.items() if kind != "tutorial page"}
    result.values["others"] = min(others.values())
    result.shown["others"] = " / ".join(str(score) for score in others.values())
    result.section(
        "Lighthouse (desktop preset, served gzipped)",
        f"Lighthouse {lighthouse_version()} with Chromium at {CHROMIUM}, {runs} run(s) a page; the site "
        "is served by a small server in this script that gzips text files, as GitHub Pages and most "
        "static hosts do. The other columns come from the run with the median performance score. "
        "KB transferred counts everything the page loads, compressed; KB uncompressed the same files "
        "before compression.",
        [
            "page",
            "performance (each run)",
            "accessibility",
            "best practices",
            "SEO",
            "KB transferred",
            "KB uncompressed",
            "audits below 90",
        ],
        rows,
    )


def lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"] if package.exists() else "?"


def measure_pages(ws: Workspace, args: argparse.Namespace) -> Result:
    site = ensure_site(ws, args)
    result = Result()
    page_weights(site, result)
    try:
        lighthouse(site, ws.work, args.repeats, result)
    except NotMeasured as why:
        result.shown["tutorial"] = result.shown["others"] = f"not measured: {why}"
    if args.site:
        result.notes.append(f"The pages were measured on an existing build, `{args.site}` (`--site`).")
    return result


MEASURES: dict[str, Callable[[Workspace, argparse.Namespace], Result]] = {
    "ci": measure_ci,
    "first-start": measure_first_start,
    "tests": measure_tests,
    "runs": measure_runs,
    "quick": measure_quick,
    "build": measure_build,
    "serve": measure_serve,
    "pages": measure_pages,
}


# ---------------------------------------------------------------- the machine
def command_output(command: list[str], cwd: Path = ROOT) -> str:
    try:
        return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=30).stdout.strip()
    except OSError:
        return "?"


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "?"


def machine() -> dict:
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": command_output(["git", "log", "-1", "--format=%H %s"]),
        "uncommitted changes": bool(command_output(["git", "status", "--porcelain", "--untracked-files=no"])),
        "cpu": f"{cpu_model()}, {os.cpu_count()} cores",
        "load average at start": " ".join(f"{load:.2f}" for load in os.getloadavg()),
        "system": f"{platform.system()} {platform.release()}, Python {platform.python_version()}",
        "tools": ", ".join(
            [
                command_output(["uv", "--version"]),
                command_output([str(CHROMIUM), "--version"]) if CHROMIUM.exists() else "no Chromium",
                "node " + command_output(["node", "--version"]) if shutil.which("node") else "no node",
            ]
        ),
    }


# ---------------------------------------------------------------- the report
def summary_rows(name: str, measured: dict) -> list[list[str]]:
    rows = []
    for key, target in TARGETS[name].items():
        value = measured.get("values", {}).get(key)
        if "error" in measured:
            shown, met = f"not measured: {measured['error'].splitlines()[0]}", "-"
        elif key in measured.get("shown", {}) and value is None:
            shown, met = measured["shown"][key], "-"
        elif value is None:
            shown, met = "not measured", "-"
        else:
            shown = measured.get("shown", {}).get(key, f"{value} {target.unit}".strip())
            met = (
                "**no** (failed)"
                if key in measured.get("failed", [])
                else "yes"
                if target.met(value)
                else "**no**"
            )
        rows.append([target.label, target.target, shown, met])
    return rows


def table(columns: list[str], rows: list[list]) -> list[str]:
    if not rows:
        return ["(none)"]
    numeric = [all(isinstance(row[i], int | float) for row in rows) for i in range(len(columns))]
    lines = [
        "| " + " | ".join(columns) + " |",
        "| " + " | ".join("---:" if n else "---" for n in numeric) + " |",
    ]
    return lines + ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |" for row in rows]


def write_report(data: dict, output: Path) -> None:
    output.mkdir(parents=True, exist_ok=True)
    (output / "report.json").write_text(
        json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    about = data["machine"]
    lines = [
        "# Performance against the targets of issue 11",
        "",
        f"Measured {about['date']} by `uv run python benchmarks/run.py {data['arguments']}` "
        f"on {about['cpu']} ({about['system']}; {about['tools']}). "
        f"Load average at the start: {about['load average at start']}. "
        f"Commit `{about['commit']}`"
        + (
            " (the worktree had uncommitted changes, which the fresh clones do not hold)"
            if about["uncommitted changes"]
            else ""
        )
        + ". The numbers depend on the machine and its load: they are reported, not asserted.",
        "",
    ]
    loads = [float(m["load at start"].split()[0]) for m in data["measures"].values() if "load at start" in m]
    busiest = max(loads, default=0.0)
    if busiest > 1.0:
        lines += [
            f"**The machine was not quiet** (1-minute load average up to {busiest} at the start of a "
            f"measure, on {os.cpu_count()} cores): the figures below are slower than a quiet machine's.",
            "",
        ]
    rows = [
        row
        for name in ALL_MEASURES
        for row in summary_rows(name, data["measures"].get(name, {"error": "not selected"}))
    ]
    lines += table(["measure", "target", "measured", "met?"], rows) + [""]
    for name in ALL_MEASURES:
        measured = data["measures"].get(name)
        if measured is None:
            continue
        if "error" in measured:
            lines += [f"## {name}: not measured", "", measured["error"], ""]
            continue
        for section in measured["sections"]:
            lines += [f"## {section['title']}", ""]
            lines += [section["text"], ""] if section["text"] else []
            lines += table(section["columns"], section["rows"]) + [""] if section["columns"] else []
        lines += [f"- {note}" for note in measured.get("notes", [])]
        lines += [f"- `{name}` started {measured['date']}, load average {measured['load at start']}.", ""]
    lines += NOTES.splitlines() + [""]
    (output / "REPORT.md").write_text("\n".join(lines), encoding="utf-8")


NOTES = """## How this was measured

- Every measure works in its own `git clone` of the commit above, in a temporary folder, with its
  own `uv sync --locked` from the machine's (warm) uv cache and an empty `.cache/`; the set-up is
  timed apart from the measure, except in the CI measure, where the installs are the point.
- Snippets and tutorials run once, each in a fresh process with one thread per numerical library,
  and are kept in `.cache/runs/` and `.cache/tutorial-runs/` under a key of their code, the
  guide's library, the data files and `uv.lock`; the build, `mkdocs serve` and the tests share
  those runs. So a "cold" measure runs every example it needs, and a "warm" one reads them.
- The quick tier deselects the slow (site build, tutorials, training) and browser tests.
- The browser tests run where Chromium and `node_modules/axe-core` are present (the full test
  measure runs `npm ci --omit=dev` in its clone first) and skip otherwise. The full test run uses
  the default environment, so the second-backend tests (TensorFlow, PyTorch) skip there; CI
  installs those backends and runs them.
- Run `uv run python benchmarks/run.py --help` for the flags; `--only` retakes some measures and
  `--merge` keeps the others from the last `report.json`."""


# ---------------------------------------------------------------- main
def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "measures (in this order):\n"
            "  ci      CI=true bash .ci/run in a fresh clone, installs included (only with --ci)\n"
            "  tests   full `uv run pytest` in a fresh clone, empty .cache; the 10 slowest tests\n"
            "  runs    each snippet's and tutorial's run time, from the run records of `tests`\n"
            "  quick   quick tier, cold and warm .cache, on a quiet and then a busy machine\n"
            "  build   cold and warm `mkdocs build --strict` in a fresh clone\n"
            "  first-start  fresh clone, empty .cache: `mkdocs serve` until the first page is served\n"
            "  serve   text-page edit-to-reload in `mkdocs serve` (warm .cache)\n"
            "  pages   tutorial pages' HTML size; Lighthouse (desktop, gzipped) on four pages\n"
        ),
    )
    parser.add_argument(
        "--ci", action="store_true", help="also time `CI=true bash .ci/run` (6-10 minutes more)"
    )
    parser.add_argument(
        "--only",
        type=lambda text: [m.strip() for m in text.split(",") if m.strip()],
        metavar="M1,M2",
        help="take only these measures, e.g. --only quick,build (names below)",
    )
    parser.add_argument(
        "--quick-only",
        action="store_true",
        help="development mode, a few minutes: serve and pages only (unless --only says otherwise), "
        "clones start from this worktree's .cache, one repetition, report written to "
        "benchmarks/results/tmp/ instead of benchmarks/",
    )
    parser.add_argument(
        "--repeats",
        type=int,
        help="edits timed in serve, Lighthouse runs a page (default 3; 1 with --quick-only)",
    )
    parser.add_argument(
        "--site", type=Path, help="measure pages on this existing build instead of building one"
    )
    parser.add_argument(
        "--merge", action="store_true", help="keep the last report.json's results of the measures not taken"
    )
    parser.add_argument(
        "--output", type=Path, help="folder for REPORT.md and report.json (default benchmarks/)"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary clones and logs, and say where"
    )
    args = parser.parse_args(argv)
    chosen = args.only or (
        ["serve", "pages"] if args.quick_only else (["ci"] if args.ci else []) + DEFAULT_MEASURES
    )
    unknown = set(chosen) - set(MEASURES)
    if unknown:
        parser.error(f"unknown measure(s) {', '.join(sorted(unknown))}; choose from {', '.join(MEASURES)}")
    args.measures = [name for name in ALL_MEASURES if name in chosen]
    args.repeats = args.repeats or (1 if args.quick_only else 3)
    args.output = args.output or (HERE / "results" / "tmp" if args.quick_only else HERE)
    args.site = args.site.resolve() if args.site else None
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_arguments(argv)
    data = {
        "machine": machine(),
        "arguments": " ".join(sys.argv[1:] if argv is None else argv),
        "measures": {},
    }
    if args.merge and (args.output / "report.json").exists():
        previous = json.loads((args.output / "report.json").read_text(encoding="utf-8"))
        data["measures"] = {k: v for k, v in previous["measures"].items() if k not in args.measures}
    work = Path(tempfile.mkdtemp(prefix="benchmark-"))
    ws = Workspace(work, seed_cache=args.quick_only)
    try:
        for name in args.measures:
            print(f"[{datetime.now(UTC):%H:%M:%S}] {name}...", flush=True)
            load = " ".join(f"{value:.2f}" for value in os.getloadavg())
            started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
            try:
                result = MEASURES[name](ws, args)
                measured = {
                    "values": result.values,
                    "shown": result.shown,
                    "failed": result.failed,
                    "sections": result.sections,
                    "notes": result.notes,
                }
            except NotMeasured as why:
                measured = {"error": str(why)}
            except Exception as error:  # a bug in one measure must not lose the others
                measured = {
                    "error": f"{type(error).__name__}: {error}\n\n```text\n{traceback.format_exc()}```"
                }
            measured["load at start"] = load
            measured["date"] = started
            data["measures"][name] = measured
            print(
                json.dumps({k: measured.get(k) for k in ("values", "shown", "error") if k in measured}),
                flush=True,
            )
            write_report(data, args.output)  # the report so far, in case of a stop
    finally:
        if args.keep:
            print(f"clones and logs kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"wrote {args.output / 'REPORT.md'}")


if __name__ == "__main__":
    main()
