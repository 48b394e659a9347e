"""The code is linted and formatted as pyproject.toml configures ruff: the snippets and tutorials
are code that readers copy, and the machinery is code that contributors read."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", *args], capture_output=True, text=True, cwd=ROOT)


def test_ruff_check_finds_nothing():
    result = ruff("check", "--no-cache", ".")
    assert result.returncode == 0, f"{result.stdout}\nFix with: uv run ruff check --fix ."


def test_code_is_formatted():
    result = ruff("format", "--check", "--no-cache", ".")
    assert result.returncode == 0, f"{result.stdout}\nFormat with: uv run ruff format ."
