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
"""Packages every page needs, with the oldest version the guide accepts (the lower bounds in
pyproject.toml); the tests run the versions pinned in uv.lock."""

OPTIONAL: dict[str, str] = {
    "tensorflow": "pip install tensorflow-cpu (on Apple Silicon or Linux on ARM: pip install tensorflow)",
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

GUIDE_BACKEND = "jax"
"""The backend this guide's code selects itself, with ``os.environ["KERAS_BACKEND"] = "jax"``."""

KERAS_WRITTEN_CONFIG: dict[str, object] = {
    "floatx": "float32",
    "epsilon": 1e-07,
    "backend": KERAS_DEFAULT_BACKEND,
    "image_data_format": "channels_last",
}
"""What Keras writes into ``keras.json`` the first time it is imported, if there is no such file.

Keras writes its default backend there even when ``KERAS_BACKEND`` chose another one, so a
file with exactly this content records no choice of the reader's.
"""

# Alternative distribution names under which a package can be installed.
_DISTRIBUTIONS: dict[str, tuple[str, ...]] = {"tensorflow": ("tensorflow", "tensorflow-cpu")}

Status = Literal["ok", "problem", "note"]
STATUSES: tuple[str, ...] = ("ok", "problem", "note")


@dataclass(frozen=True)
class KerasConfig:
    """What `read_keras_config` found in Keras' configuration file.

    Attributes:
        path: Where the file is, as shown in messages (``~/.keras/keras.json`` by default).
        backend: The backend the file chooses; ``None`` when there is no file, when Keras
            wrote it itself (see `KERAS_WRITTEN_CONFIG`), or when it cannot be read.
        written_by_keras: Whether the file holds exactly what Keras writes on first import.
        error: What is wrong with the file, or ``None``.
        breaks_import: Whether the file makes ``import keras`` fail (a folder, a list
            instead of a mapping), rather than being ignored by Keras.
    """

    path: str = "~/.keras/keras.json"
    backend: str | None = None
    written_by_keras: bool = False
    error: str | None = None
    breaks_import: bool = False


@dataclass(frozen=True)
class Facts:
    """What `gather_facts` found on the machine.

    Attributes:
        python: The Python version as ``(major, minor, micro)``.
        versions: Installed version of each package in `REQUIRED` and `OPTIONAL`,
            or ``None`` for a package that is not installed.
        keras_backend_env: The value of ``KERAS_BACKEND``, or ``None`` if it is not set.
        keras_config: What Keras' configuration file says (by default: there is none).
    """

    python: tuple[int, int, int]
    versions: Mapping[str, str | None]
    keras_backend_env: str | None = None
    keras_config: KerasConfig = field(default_factory=KerasConfig)

    def __post_init__(self) -> None:
        python = self.python
        if not isinstance(python, tuple) or len(python) != 3 or not all(isinstance(p, int) for p in python):
            raise TypeError(f"python must be a version tuple such as (3, 12, 1); got {python!r}.")
        if not isinstance(self.versions, Mapping):
            raise TypeError(
                f"versions must be a dict from package name to version, such as {{'numpy': '2.4.0'}}; "
                f"got {type(self.versions).__name__}."
            )
        if self.keras_backend_env is not None and not isinstance(self.keras_backend_env, str):
            raise TypeError(
                f"keras_backend_env must be a backend name such as 'jax', or None; "
                f"got {self.keras_backend_env!r}."
            )
        if not isinstance(self.keras_config, KerasConfig):
            raise TypeError(f"keras_config must be a KerasConfig; got {type(self.keras_config).__name__}.")


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

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(map(repr, STATUSES))}; got {self.status!r}.")
        for name in ("message", "advice"):
            if not isinstance(getattr(self, name), str):
                raise TypeError(f"{name} must be a string; got {getattr(self, name)!r}.")


def installed_version(distribution: str) -> str | None:
    """Return the installed version of a package, or ``None`` if it is not installed.

    Examples:
        >>> from tutorials_lib.doctor import installed_version
        >>> installed_version("numpy") is not None
        True
        >>> installed_version("no-such-package-anywhere") is None
        True
    """
    if not isinstance(distribution, str) or not distribution.strip():
        raise TypeError(f"distribution must be a package name such as 'numpy'; got {distribution!r}.")
    for name in _DISTRIBUTIONS.get(distribution, (distribution,)):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def keras_home(environ: Mapping[str, str] | None = None) -> Path:
    """The folder where Keras keeps ``keras.json``, found as Keras finds it.

    ``$KERAS_HOME`` if the variable is set, else ``~/.keras``, or ``/tmp/.keras`` when the
    home folder cannot be written to.

    Examples:
        >>> from tutorials_lib.doctor import keras_home
        >>> keras_home({"KERAS_HOME": "/data/keras"}).as_posix()
        '/data/keras'
    """
    environ = _environment(environ)
    if "KERAS_HOME" in environ:
        return Path(environ["KERAS_HOME"]).expanduser()
    home = Path.home()
    return (home if os.access(home, os.W_OK) else Path("/tmp")) / ".keras"


def read_keras_config(folder: Path | str | None = None) -> KerasConfig:
    """Read ``keras.json`` in ``folder`` (by default `keras_home`) as Keras would.

    Examples:
        >>> import tempfile
        >>> from tutorials_lib.doctor import read_keras_config
        >>> read_keras_config(tempfile.mkdtemp()).backend is None  # no file yet
        True
    """
    if folder is not None and not isinstance(folder, (str, os.PathLike)):
        raise TypeError(f"folder must be a path such as '~/.keras', or None; got {folder!r}.")
    folder = keras_home() if folder is None else Path(folder).expanduser()
    path = folder / "keras.json"
    shown = _shown_path(path)
    if path.is_dir():
        return KerasConfig(shown, error="it is a folder, not a file", breaks_import=True)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return KerasConfig(shown)
    except UnicodeDecodeError:  # a ValueError: Keras ignores the file, as it ignores bad JSON
        return KerasConfig(shown, error="it is not valid UTF-8 text")
    except OSError as error:
        return KerasConfig(shown, error=f"it cannot be read ({type(error).__name__})", breaks_import=True)
    try:
        config = json.loads(text)
    except ValueError:  # Keras ignores a file that is not JSON, and uses its defaults
        return KerasConfig(shown, error="it is not valid JSON")
    if not isinstance(config, dict):
        return KerasConfig(
            shown, error=f"it holds a JSON {type(config).__name__}, not an object", breaks_import=True
        )
    backend = config.get("backend")
    if backend is not None and not isinstance(backend, str):
        return KerasConfig(shown, error=f'its "backend" is {backend!r}, not a name', breaks_import=True)
    if config == KERAS_WRITTEN_CONFIG:
        return KerasConfig(shown, written_by_keras=True)
    return KerasConfig(shown, backend=backend)


def _shown_path(path: Path) -> str:
    """``path`` with the home folder written ``~``, as a reader would type it."""
    try:
        return "~/" + path.relative_to(Path.home()).as_posix()
    except ValueError:
        return path.as_posix()


def gather_facts(
    version_of: Callable[[str], str | None] = installed_version,
    environ: Mapping[str, str] | None = None,
    python: tuple[int, int, int] | None = None,
    read_config: Callable[[], KerasConfig] | None = None,
) -> Facts:
    """Collect the facts that `check` judges.

    Args:
        version_of: Returns a package's installed version, or ``None``. Tests pass a fake one.
        environ: The environment variables (default: ``os.environ``).
        python: The Python version (default: the running interpreter's).
        read_config: Returns what Keras' configuration file says (default: `read_keras_config`
            of the `keras_home` that ``environ`` names).

    Returns:
        The facts, ready for `check`.

    Examples:
        >>> from tutorials_lib.doctor import KerasConfig, gather_facts
        >>> facts = gather_facts(version_of=lambda name: None, environ={}, python=(3, 12, 1),
        ...                      read_config=lambda: KerasConfig())
        >>> facts.python, facts.versions["numpy"], facts.keras_backend_env
        ((3, 12, 1), None, None)
    """
    if not callable(version_of):
        raise TypeError(
            "version_of must be a function that takes a package name and returns its version or None; "
            f"got {version_of!r}."
        )
    environ = _environment(environ)
    if python is not None and not (
        isinstance(python, tuple) and len(python) == 3 and all(isinstance(part, int) for part in python)
    ):
        raise TypeError(f"python must be a version tuple such as (3, 12, 1), or None; got {python!r}.")
    if read_config is None:
        folder = keras_home(environ)
        read_config = lambda: read_keras_config(folder)  # noqa: E731
    if not callable(read_config):
        raise TypeError(
            "read_config must be a function that takes nothing and returns a KerasConfig; got "
            f"{read_config!r}."
        )
    if python is None:
        python = (sys.version_info.major, sys.version_info.minor, sys.version_info.micro)
    packages = list(REQUIRED) + list(OPTIONAL) + ["openvino"]
    return Facts(
        python=python,
        versions={name: version_of(name) for name in packages},
        keras_backend_env=environ.get("KERAS_BACKEND") or None,
        keras_config=read_config(),
    )


def _environment(environ: Mapping[str, str] | None) -> Mapping[str, str]:
    """``environ``, or ``os.environ`` when it is ``None``."""
    if environ is None:
        return os.environ
    if not isinstance(environ, Mapping):
        raise TypeError(f"environ must be a dict of environment variables, or None; got {environ!r}.")
    return environ


def _check_findings(findings: object) -> list[Finding]:
    """``findings`` if it is a list of `Finding`, as `check` returns."""
    if not isinstance(findings, list) or not all(isinstance(finding, Finding) for finding in findings):
        raise TypeError(f"findings must be the list of Finding that check() returns; got {findings!r:.80}.")
    return findings


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
    """Judge the facts: one finding for Python, one per package and, when Keras is installed, one
    for its backend (preceded by one about ``keras.json`` if that file is corrupt; a file that
    stops ``import keras`` replaces the backend finding, since no backend loads).

    Args:
        facts: What `gather_facts` found, or made-up facts to see what the check says.

    Returns:
        The findings, in report order.

    Examples:
        Facts from a machine with Python 3.10 and no Keras:

        >>> from tutorials_lib.doctor import Facts, check
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
        raise TypeError(f"facts must be the Facts that gather_facts() returns; got {type(facts).__name__}.")
    findings = [_check_python(facts.python)]
    for name, minimum in REQUIRED.items():
        findings.append(_check_required(name, facts.versions.get(name), minimum))
    for name, command in OPTIONAL.items():
        version = facts.versions.get(name)
        page = {"tensorflow": "TensorFlow", "torch": "PyTorch"}[name]
        if version is None:
            findings.append(
                Finding(
                    "note",
                    f"{name} is not installed (optional: only the {page} page needs it)",
                    f"to run that page's examples: {command}",
                )
            )
        else:
            findings.append(Finding("ok", f"{name} {version} (optional)"))
    if facts.versions.get("keras") is not None:
        findings.extend(_check_keras(facts))
    return findings


def _check_python(python: tuple[int, int, int]) -> Finding:
    shown = ".".join(str(part) for part in python)
    needed = ".".join(str(part) for part in MIN_PYTHON)
    if tuple(python[:2]) < MIN_PYTHON:
        return Finding(
            "problem",
            f"Python {shown} is too old: this guide needs {needed} or newer",
            f"install Python {needed} or newer (https://www.python.org/downloads/), or let uv fetch one: "
            f"uv venv --python {needed}",
        )
    return Finding("ok", f"Python {shown}")


def _check_required(name: str, version: str | None, minimum: str) -> Finding:
    if version is None:
        return Finding(
            "problem", f"{name} is not installed", f"{INSTALL[name]}  (or, in a clone of this guide: uv sync)"
        )
    if _release(version) < _release(minimum):
        return Finding(
            "problem",
            f"{name} {version} is older than {minimum}, which this guide needs",
            f'pip install --upgrade "{name}>={minimum}"',
        )
    return Finding("ok", f"{name} {version}")


def _check_keras(facts: Facts) -> list[Finding]:
    """The findings about Keras' configuration file (if it is corrupt) and the backend."""
    config = facts.keras_config
    findings = []
    if config.error is not None:
        remove = f"rm -r {config.path}" if "folder" in config.error else f"rm {config.path}"
        advice = f"delete it, and Keras writes a fresh one the next time it is imported: {remove}"
        if config.breaks_import:
            message = f"{config.path} is corrupt: {config.error}, so `import keras` fails"
            findings.append(Finding("problem", message, advice))
            return findings  # no backend loads while the file is broken
        message = f"{config.path} is corrupt: {config.error}; Keras ignores it"
        findings.append(Finding("note", message, advice))
    findings.append(_check_keras_backend(facts))
    return findings


def _selected_backend(facts: Facts) -> tuple[str, str, bool]:
    """The backend Keras will use, why (for the message), and whether someone chose it."""
    config = facts.keras_config
    if facts.keras_backend_env is not None:
        return facts.keras_backend_env, "from KERAS_BACKEND", True
    if config.backend is not None:
        return config.backend, f"from {config.path}", True
    why = "Keras' default: KERAS_BACKEND is not set"
    if config.written_by_keras:
        why += f", and {config.path} holds the defaults Keras wrote there itself"
    elif config.error is not None:
        why += f", and {config.path} is ignored"
    return KERAS_DEFAULT_BACKEND, why, False


def _check_keras_backend(facts: Facts) -> Finding:
    backend, source, chosen = _selected_backend(facts)
    if backend not in KERAS_BACKENDS:
        return Finding(
            "problem",
            f"Keras backend {backend!r} ({source}) is not one Keras knows",
            f"choose one of {', '.join(KERAS_BACKENDS)}; this guide uses: export KERAS_BACKEND=jax",
        )
    package = KERAS_BACKENDS[backend]
    if facts.versions.get(package) is None:
        if not chosen and facts.versions.get(GUIDE_BACKEND) is not None:
            # The guide's code selects jax itself, so only a bare `import keras` elsewhere is affected.
            return Finding(
                "note",
                f"a plain `import keras` would use the backend {backend} ({source}), which is not "
                f"installed; this guide's code selects {GUIDE_BACKEND} itself, so its pages run",
                f"to make {GUIDE_BACKEND} your default too: export KERAS_BACKEND={GUIDE_BACKEND}",
            )
        if not chosen:
            return Finding(
                "problem",
                f"keras is installed but KERAS_BACKEND is unset and {package} is missing, "
                "so `import keras` fails",
                "set KERAS_BACKEND=jax (export KERAS_BACKEND=jax in your shell, or "
                'os.environ["KERAS_BACKEND"] = "jax" before import keras); this guide\'s code sets it itself',
            )
        advice = OPTIONAL.get(package, INSTALL.get(package, f"pip install {package}"))
        if backend != "jax":
            advice += (
                ", or switch to the backend this guide uses: "
                "export KERAS_BACKEND=jax (it overrides keras.json)"
            )
        message = f"Keras backend {backend} ({source}) is selected but {package} is not installed"
        return Finding("problem", message, advice)
    version = facts.versions[package]
    return Finding("ok", f"Keras backend {backend} ({source}); {package} {version} is installed")


def report(findings: list[Finding]) -> str:
    """Format the findings as the lines ``python -m tutorials_lib doctor`` prints.

    Examples:
        >>> from tutorials_lib.doctor import Finding, report
        >>> print(report([Finding("ok", "numpy 2.4.0"),
        ...               Finding("problem", "keras is not installed", "pip install keras")]))
        ok       numpy 2.4.0
        PROBLEM  keras is not installed
                 fix: pip install keras
        <BLANKLINE>
        1 problem: fix it and run the check again.
    """
    findings = _check_findings(findings)
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
        lines.append(
            f"{problems} problem{'s' if plural else ''}: fix {'them' if plural else 'it'} "
            "and run the check again."
        )
    else:
        lines.append("All required parts are ready.")
    return "\n".join(lines)


def exit_code(findings: list[Finding]) -> int:
    """0 when every required part is fine, 1 when there is a problem (notes do not count).

    Examples:
        >>> from tutorials_lib.doctor import Finding, exit_code
        >>> exit_code([Finding("ok", "numpy 2.4.0"), Finding("note", "torch is not installed")])
        0
    """
    findings = _check_findings(findings)
    return 1 if any(finding.status == "problem" for finding in findings) else 0


def main() -> int:
    """Print the report for this machine and return the exit code."""
    findings = check(gather_facts())
    print(report(findings))
    return exit_code(findings)
