"""Build the wheel of ``tutorials_lib`` that the site publishes for readers.

A reader outside this repository installs the guide's helper package with one command, from the
site itself: ``pip install "tutorials-lib @ <site_url>packages/<wheel>"`` (see
:func:`wheel_url`). The wheel holds ``tutorials_lib`` only, and depends on what it imports
(``[project] dependencies`` in pyproject.toml).

:func:`build_wheel` builds it once per change of the library or of pyproject.toml, into
``.cache/wheel/<key>/``; the build, the tests and the reader test share that file.
"""

from __future__ import annotations

import fcntl
import hashlib
import shutil
import subprocess
import tempfile
import tomllib
from pathlib import Path

from site_tools.environment import CACHE, EXERCISES, LIBRARY, PYPROJECT, ROOT

PACKAGES = "packages"  # the site folder that holds the wheel
DISTRIBUTION = "tutorials-lib"


class WheelError(RuntimeError):
    """The wheel could not be built; the message says why and shows the builder's output."""


def version() -> str:
    """The version of ``tutorials_lib`` that pyproject.toml declares."""
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]


def wheel_name() -> str:
    """The file name of the wheel, as the build names it (pure Python, any platform)."""
    return f"{DISTRIBUTION.replace('-', '_')}-{version()}-py3-none-any.whl"


def wheel_url(site_url: str) -> str:
    """The address the published wheel has under ``site_url`` (``site_url`` from mkdocs.yml)."""
    return f"{site_url.rstrip('/')}/{PACKAGES}/{wheel_name()}"


def requirement(site_url: str) -> str:
    """The pip requirement that installs the published wheel: ``tutorials-lib @ <url>``."""
    return f"{DISTRIBUTION} @ {wheel_url(site_url)}"


def wheel_key(exercises: bool = True) -> str:
    """A short hash of what the wheel is built from: the library's files and pyproject.toml.

    With ``exercises=False``, of the files a snippet's or a tutorial's run can import: their
    run keys leave out the exercises (``environment.EXERCISES``)."""
    digest = hashlib.sha256()
    files = sorted(
        path
        for path in LIBRARY.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and (exercises or EXERCISES not in path.parents)
    )
    for path in [*files, PYPROJECT]:
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(len(path.read_bytes()).to_bytes(8, "little"))
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def build_wheel(cache: Path = CACHE) -> Path:
    """The wheel of ``tutorials_lib`` as it is now: from the cache, or built now with uv.

    Raises:
        WheelError: If uv is missing or the build fails, with the command and its output.
    """
    folder = cache / "wheel" / wheel_key()
    wheel = folder / wheel_name()
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # parallel test workers build it once
        if wheel.is_file():
            return wheel
        uv = shutil.which("uv")
        if uv is None:
            raise WheelError("building the tutorials_lib wheel needs uv: pip install uv")
        partial = Path(tempfile.mkdtemp(prefix=folder.name, dir=folder.parent))
        command = [uv, "build", "--wheel", "--no-create-gitignore", "--out-dir", str(partial), str(ROOT)]
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        built = partial / wheel_name()
        if result.returncode != 0 or not built.is_file():
            shutil.rmtree(partial, ignore_errors=True)
            raise WheelError(
                f"could not build the tutorials_lib wheel ({' '.join(command)}); expected {wheel_name()}:\n"
                f"{result.stdout}{result.stderr}".rstrip()
            )
        shutil.rmtree(folder, ignore_errors=True)
        partial.rename(folder)
    return wheel
