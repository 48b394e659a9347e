"""Runs that ``mkdocs serve`` does not wait for, so that a first start serves the site at once.

The build needs a run for each tutorial and each snippet that draws a figure. ``mkdocs build``
(and so the tests and CI) waits for every run, as before. Under ``mkdocs serve`` (after
:func:`enable`), :func:`results` returns at once: a run that is cached is returned, one that is
not starts in the background and is returned as ``None``, and the page shows a placeholder.
When a run lands, the trigger file is touched; ``mkdocs serve`` watches it, rebuilds, and the
browser reloads with the outputs. The terminal says what runs, how many are left, and about how
long they should take.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from site_tools.environment import CACHE

T = TypeVar("T")
TRIGGER = CACHE / "serve-runs-landed"  # mkdocs serve rebuilds when this file changes
log = logging.getLogger("mkdocs.background")


@dataclass(frozen=True)
class Job(Generic[T]):
    """One run: ``key`` names it (it changes with its inputs), ``cached`` returns it without
    running or ``None``, ``run`` makes it; ``estimate`` guesses its seconds, asked only when
    the run starts."""

    key: str
    label: str
    cached: Callable[[], T | None]
    run: Callable[[], T]
    estimate: Callable[[], float | None] | None = None

    @functools.cached_property
    def expected(self) -> float | None:
        return self.estimate() if self.estimate is not None else None


class _Background:
    def __init__(self) -> None:
        self.enabled = False
        self.pool: ThreadPoolExecutor | None = None
        self.running: dict[str, Future] = {}
        self.started: dict[str, float] = {}
        self.held: list[Job] = []  # runs asked for during a build, started when it ends
        self.holding = False

    def results(self, jobs: list[Job]) -> list:
        if not self.enabled:
            with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
                return list(pool.map(lambda job: job.run(), jobs))
        found = []
        for job in jobs:
            future = self.running.get(job.key)
            if future is not None and future.done():
                del self.running[job.key]
                future.result()  # a failed run raises here, once; the next save tries again
            found.append(job.cached() if future is None or future.done() else None)
            if found[-1] is None and job.key not in self.running:
                self._start(job)
        return found

    def _start(self, job: Job) -> None:
        if self.holding:
            if job.key not in {held.key for held in self.held}:
                self.held.append(job)
            return
        self._submit(job)

    def release(self) -> None:
        self.holding = False
        held, self.held = self.held, []
        if held:
            total = sum(job.expected or 0 for job in held) / (os.cpu_count() or 2)
            guess = f"; about {total:.0f} s if the earlier runs are a guide" if total else ""
            log.info(f"{len(held)} run(s) start in the background now{guess}")
        for job in held:
            self._submit(job)

    def _submit(self, job: Job) -> None:
        if self.pool is None:
            self.pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 2, thread_name_prefix="run")
        self.started[job.key] = time.monotonic()
        future = self.pool.submit(job.run)
        self.running[job.key] = future
        future.add_done_callback(lambda done, job=job: self._landed(job, done))
        expected = f", about {job.expected:.0f} s" if job.expected else ""
        log.info(f"Running {job.label} in the background{expected}; {len(self.running)} run(s) to go")

    def _landed(self, job: Job, future: Future) -> None:
        seconds = time.monotonic() - self.started.pop(job.key, time.monotonic())
        left = sum(not f.done() for f in self.running.values())
        outcome = "failed" if future.exception() else "is ready"
        log.info(f"{job.label} {outcome} after {seconds:.0f} s; {left} run(s) to go; reloading")
        TRIGGER.parent.mkdir(parents=True, exist_ok=True)
        TRIGGER.write_text(f"{job.key} {time.time()}\n", encoding="utf-8")


_background = _Background()


def enable() -> Path:
    """Stop waiting for runs (``mkdocs serve``); the file to watch for landed runs."""
    _background.enabled = True
    TRIGGER.parent.mkdir(parents=True, exist_ok=True)
    TRIGGER.touch()
    return TRIGGER


@contextlib.contextmanager
def holding() -> Iterator[None]:
    """Runs asked for inside start when the block ends: the build gets the cores first."""
    _background.holding = True
    try:
        yield
    finally:
        _background.release()


def results(jobs: list[Job[T]]) -> list[T | None]:
    """Each job's run: all of them, waited for, in a build; under ``mkdocs serve``, the cached
    ones, and ``None`` for those still running in the background."""
    return _background.results(jobs)
