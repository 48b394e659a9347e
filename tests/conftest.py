"""Fixtures shared by the tests: the repository's paths and one strict build of the site."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest

from site_tools.hints import broken_links

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
TUTORIALS = sorted((DOCS / "tutorials").glob("*.py"))


def build_site(config: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run ``mkdocs build --strict`` as CI does: notebooks executed, no notebook cache."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("MPLBACKEND", None)  # tutorial figures need the notebook's inline backend
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The site, built once per test run into a temporary folder.

    Under pytest-xdist the workers share it: the first to ask builds it while holding a lock,
    and the others wait for it and reuse it.
    """
    if worker_id == "master":
        return _build_or_fail(_kept_site() or tmp_path_factory.mktemp("site"))
    shared = tmp_path_factory.getbasetemp().parent  # one folder per run, common to the workers
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        failure = shared / "site.failed"
        site = _kept_site() or shared / "site"
        if not (shared / "site.built").exists() and not failure.exists():
            try:
                _build_or_fail(site)
                (shared / "site.built").write_text(str(site), encoding="utf-8")
            except pytest.fail.Exception as error:
                failure.write_text(str(error), encoding="utf-8")
        if failure.exists():
            pytest.fail(failure.read_text(encoding="utf-8"), pytrace=False)
    return site


def _kept_site() -> Path | None:
    """``SITE_DIR=site uv run pytest`` keeps the tested build there (CI publishes it)."""
    return (ROOT / os.environ["SITE_DIR"]).resolve() if os.environ.get("SITE_DIR") else None


def _build_or_fail(site_dir: Path) -> Path:
    result = build_site(ROOT / "mkdocs.yml", site_dir)
    if result.returncode != 0:
        hints = broken_links(result.stderr, DOCS)
        output = f"{result.stdout}\n{result.stderr}\n{hints}"
        pytest.fail(f"mkdocs build --strict failed:\n{output}", pytrace=False)
    return site_dir
