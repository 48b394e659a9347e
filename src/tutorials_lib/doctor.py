"""Check that your environment can run this guide: ``python -m tutorials_lib doctor``.

The check is split in three steps so that each can be tested on its own:

1. `gather_facts` looks at the machine (Python version, installed package versions,
   the Keras backend setting). It is the only part that reads the environment.
2. `check` turns those facts into findings: what is fine, what is missing and how to fix it.
   It is a pure function: give it made-up facts and it tells you what it would say.
3. `report` formats the findings as text, and `main` prints it and returns the exit code.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Literal

MIN_PYTHON: tuple[int, int] = (3, 11)
"""The oldest Python this guide supports."""

REQUIRED: dict[str, str] = {
    "numpy": "2.3",
    "scipy": "1.16",
    "pandas": "3.0",
    "matplotlib": "3.10",
    "scikit-learn": "1.8",
    "keras": "3.12",
    "jax": "0.8",
}
"""Packages every page needs, with the oldest version the guide is tested against."""

OPTIONAL: dict[str, str] = {
    "tensorflow": "pip install tensorflow-cpu",
    "torch": "pip install torch --index-url https://download.pytorch.org/whl/cpu",
}
"""Packages only the TensorFlow and PyTorch pages need, with their install command."""

INSTALL: dict[str, str] = {name: f"pip install {name}" for name in REQUIRED} | {
    "jax": 'pip install "jax[cpu]"',
}

KERAS_BACKENDS: dict[str, str] = {
    "jax": "jax",
    "tensorflow": "tensorflow",
    "torch": "torch",
    "numpy": "numpy",
    "openvino": "openvino",
}
"""Keras 3 backends and the package each one needs."""

KERAS_DEFAULT_BACKEND = "tensorflow"
"""What Keras uses when neither ``KERAS_BACKEND`` nor ``~/.keras/keras.json`` chooses."""

# Alternative distribution names under which a package can be installed.
_DISTRIBUTIONS: dict[str, tuple[str, ...]] = {"tensorflow": ("tensorflow", "tensorflow-cpu")}

Status = Literal["ok", "problem", "note"]


@dataclass(frozen=True)
class Facts:
    """What `gather_facts` found on the machine.

    Attributes:
        python: The Python version as ``(major, minor, micro)``.
        versions: Installed version of each package in `REQUIRED` and `OPTIONAL`,
            or ``None`` for a package that is not installed.
        keras_backend_env: The value of ``KERAS_BACKEND``, or ``None`` if it is not set.
        keras_backend_config: The ``backend`` in Keras' configuration file
            (``~/.keras/keras.json``), or ``None`` if there is no such file.
    """

    python: tuple[int, int, int]
    versions: Mapping[str, str | None]
    keras_backend_env: str | None = None
    keras_backend_config: str | None = None


@dataclass(frozen=True)
class Finding:
    """One line of the report.

    Attributes:
        status: ``"ok"``; ``"problem"`` for something the guide needs; ``"note"`` for something
            optional.
        message: What was found.
        advice: How to fix it (empty when there is nothing to do).
    """

    status: Status
    message: str
    advice: str = field(default="")


def installed_version(distribution: str) -> str | None:
    """Return the installed version of a package, or ``None`` if it is not installed.

    Examples:
        >>> installed_version("numpy") is not None
        True
        >>> installed_version("no-such-package-anywhere") is None
        True
    """
    for name in _DISTRIBUTIONS.get(distribution, (distribution,)):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def keras_config_backend(keras_home: Path | None = None) -> str | None:
    """Return the backend named in Keras' configuration file, or ``None`` if there is none.

    Keras reads ``$KERAS_HOME/keras.json`` (by default ``~/.keras/keras.json``).
    """
    if keras_home is None:
        keras_home = Path(os.environ.get("KERAS_HOME", Path.home() / ".keras"))
    try:
        config = json.loads((keras_home / "keras.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    backend = config.get("backend") if isinstance(config, dict) else None
    return backend if isinstance(backend, str) else None


def gather_facts(
    version_of: Callable[[str], str | None] = installed_version,
    environ: Mapping[str, str] | None = None,
    python: tuple[int, int, int] | None = None,
    read_config: Callable[[], str | None] = keras_config_backend,
) -> Facts:
    """Collect the facts that `check` judges.

    Args:
        version_of: Returns a package's installed version, or ``None``. Tests pass a fake one.
        environ: The environment variables (default: ``os.environ``).
        python: The Python version (default: the running interpreter's).
        read_config: Returns the backend named in Keras' configuration file, or ``None``.

    Returns:
        The facts, ready for `check`.

    Examples:
        >>> facts = gather_facts(version_of=lambda name: None, environ={}, python=(3, 12, 1),
        ...                      read_config=lambda: None)
        >>> facts.python, facts.versions["numpy"], facts.keras_backend_env
        ((3, 12, 1), None, None)
    """
    if not callable(version_of):
        raise TypeError("version_of must be a function that takes a package name and returns its version "
                        "or None")
    environ = os.environ if environ is None else environ
    if python is None:
        python = (sys.version_info.major, sys.version_info.minor, sys.version_info.micro)
    packages = list(REQUIRED) + list(OPTIONAL) + ["openvino"]
    return Facts(
        python=python,
        versions={name: version_of(name) for name in packages},
        keras_backend_env=environ.get("KERAS_BACKEND") or None,
        keras_backend_config=read_config(),
    )


def _release(version: str) -> tuple[int, ...]:
    """The leading numbers of a version string: ``"2.4.0rc1"`` gives ``(2, 4, 0)``."""
    numbers = []
    for part in version.split("."):
        match = re.match(r"\d+", part)
        if match is None:
            break
        numbers.append(int(match.group()))
        if match.end() < len(part):
            break
    return tuple(numbers)


def check(facts: Facts) -> list[Finding]:
    """Judge the facts: one finding for Python, one per package, one for the Keras backend.

    Args:
        facts: What `gather_facts` found, or made-up facts to see what the check says.

    Returns:
        The findings, in report order.

    Examples:
        Facts from a machine with Python 3.10 and no Keras:

        >>> versions = {"numpy": "2.4.0", "scipy": "1.16.2", "pandas": "3.1.1", "matplotlib": "3.11.2",
        ...             "scikit-learn": "1.9.1", "keras": None, "jax": "0.10.2"}
        >>> findings = check(Facts(python=(3, 10, 4), versions=versions))
        >>> [(f.status, f.message) for f in findings if f.status != "ok"]  # doctest: +NORMALIZE_WHITESPACE
        [('problem', 'Python 3.10.4 is too old: this guide needs 3.11 or newer'),
         ('problem', 'keras is not installed'),
         ('note', 'tensorflow is not installed (optional: only the TensorFlow page needs it)'),
         ('note', 'torch is not installed (optional: only the PyTorch page needs it)')]
    """
    if not isinstance(facts, Facts):
        raise TypeError(f"check() needs the Facts that gather_facts() returns, not {type(facts).__name__}")
    findings = [_check_python(facts.python)]
    for name, minimum in REQUIRED.items():
        findings.append(_check_required(name, facts.versions.get(name), minimum))
    for name, command in OPTIONAL.items():
        version = facts.versions.get(name)
        page = {"tensorflow": "TensorFlow", "torch": "PyTorch"}[name]
        if version is None:
            findings.append(Finding(
                "note", f"{name} is not installed (optional: only the {page} page needs it)",
                f"to run that page's examples: {command}",
            ))
        else:
            findings.append(Finding("ok", f"{name} {version} (optional)"))
    if facts.versions.get("keras") is not None:
        findings.append(_check_keras_backend(facts))
    return findings


def _check_python(python: tuple[int, int, int]) -> Finding:
    shown = ".".join(str(part) for part in python)
    needed = ".".join(str(part) for part in MIN_PYTHON)
    if tuple(python[:2]) < MIN_PYTHON:
        return Finding(
            "problem", f"Python {shown} is too old: this guide needs {needed} or newer",
            f"install Python {needed} or newer (https://www.python.org/downloads/), or let uv fetch one: "
            f"uv venv --python {needed}",
        )
    return Finding("ok", f"Python {shown}")


def _check_required(name: str, version: str | None, minimum: str) -> Finding:
    if version is None:
        return Finding("problem", f"{name} is not installed",
                       f"{INSTALL[name]}  (or, in a clone of this guide: uv sync)")
    if _release(version) < _release(minimum):
        return Finding("problem", f"{name} {version} is older than {minimum}, which this guide needs",
                       f'pip install --upgrade "{name}>={minimum}"')
    return Finding("ok", f"{name} {version}")


def _check_keras_backend(facts: Facts) -> Finding:
    if facts.keras_backend_env is not None:
        backend, source = facts.keras_backend_env, "from KERAS_BACKEND"
    elif facts.keras_backend_config is not None:
        backend, source = facts.keras_backend_config, "from ~/.keras/keras.json"
    else:
        backend, source = KERAS_DEFAULT_BACKEND, "Keras' default: KERAS_BACKEND is not set"
    if backend not in KERAS_BACKENDS:
        return Finding(
            "problem", f"Keras backend {backend!r} ({source}) is not one Keras knows",
            f"choose one of {', '.join(KERAS_BACKENDS)}; this guide uses: export KERAS_BACKEND=jax",
        )
    package = KERAS_BACKENDS[backend]
    if facts.versions.get(package) is None:
        if facts.keras_backend_env is None and facts.keras_backend_config is None:
            return Finding(
                "problem", f"keras is installed but KERAS_BACKEND is unset and {package} is missing, "
                "so `import keras` fails",
                "set KERAS_BACKEND=jax (export KERAS_BACKEND=jax in your shell, or "
                'os.environ["KERAS_BACKEND"] = "jax" before import keras); this guide\'s code sets it itself',
            )
        advice = OPTIONAL.get(package, INSTALL.get(package, f"pip install {package}"))
        if backend != "jax":
            advice += (", or switch to the backend this guide uses: "
                       "export KERAS_BACKEND=jax (it overrides keras.json)")
        message = f"Keras backend {backend} ({source}) is selected but {package} is not installed"
        return Finding("problem", message, advice)
    version = facts.versions[package]
    return Finding("ok", f"Keras backend {backend} ({source}); {package} {version} is installed")


def report(findings: list[Finding]) -> str:
    """Format the findings as the lines ``python -m tutorials_lib doctor`` prints.

    Examples:
        >>> print(report([Finding("ok", "numpy 2.4.0"),
        ...               Finding("problem", "keras is not installed", "pip install keras")]))
        ok       numpy 2.4.0
        PROBLEM  keras is not installed
                 fix: pip install keras
        <BLANKLINE>
        1 problem: fix it and run the check again.
    """
    labels = {"ok": "ok", "problem": "PROBLEM", "note": "note"}
    lines = []
    for finding in findings:
        lines.append(f"{labels[finding.status]:<8} {finding.message}")
        if finding.advice:
            lines.append(f"{'':<8} fix: {finding.advice}")
    problems = sum(finding.status == "problem" for finding in findings)
    lines.append("")
    if problems:
        plural = problems > 1
        lines.append(f"{problems} problem{'s' if plural else ''}: fix {'them' if plural else 'it'} "
                     "and run the check again.")
    else:
        lines.append("All required parts are ready.")
    return "\n".join(lines)


def exit_code(findings: list[Finding]) -> int:
    """0 when every required part is fine, 1 when there is a problem (notes do not count).

    Examples:
        >>> exit_code([Finding("ok", "numpy 2.4.0"), Finding("note", "torch is not installed")])
        0
    """
    return 1 if any(finding.status == "problem" for finding in findings) else 0


def main() -> int:
    """Print the report for this machine and return the exit code."""
    findings = check(gather_facts())
    print(report(findings))
    return exit_code(findings)
