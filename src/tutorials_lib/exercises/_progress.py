"""Progress: which exercises the reader has solved, in a small JSON file on their own computer.

Nothing is ever sent anywhere. The file is ``~/.tutorials_lib/progress.json`` unless the
``TUTORIALS_LIB_PROGRESS`` environment variable or a ``progress_file`` argument names another.
A file that cannot be read (edited by hand, truncated) never breaks a check: the count starts
again and the message says so.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

PROGRESS_ENV = "TUTORIALS_LIB_PROGRESS"
DEFAULT_PROGRESS_FILE = Path("~/.tutorials_lib/progress.json")


def progress_path(progress_file: str | Path | None = None) -> Path:
    """The progress file in use: the argument, else ``$TUTORIALS_LIB_PROGRESS``, else the default.

    Raises:
        TypeError: If ``progress_file`` is not a path (a string or a ``pathlib.Path``) or ``None``.

    Examples:
        >>> from tutorials_lib.exercises import progress_path
        >>> progress_path("my-progress.json").name
        'my-progress.json'
    """
    if progress_file is not None and not isinstance(progress_file, (str, os.PathLike)):
        raise TypeError(
            f"progress_file must be a path such as 'progress.json', or None for the default; got "
            f"{progress_file!r}."
        )
    chosen = (
        progress_file if progress_file is not None else os.environ.get(PROGRESS_ENV) or DEFAULT_PROGRESS_FILE
    )
    return Path(chosen).expanduser()


def load_solved(progress_file: str | Path | None = None) -> tuple[list[str], str | None]:
    """Return the ids solved so far, and a note if the file could not be read."""
    path = progress_path(progress_file)
    if not path.exists():
        return [], None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        solved = data["solved"]
        if not isinstance(solved, list) or not all(isinstance(item, str) for item in solved):
            raise ValueError("'solved' is not a list of exercise ids")
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        return (
            [],
            f"the progress file {path} could not be read ({type(error).__name__}), so the count starts again",
        )
    return sorted(set(solved)), None


def save_solved(solved: list[str], progress_file: str | Path | None = None) -> str | None:
    """Write the solved ids; return a note instead of raising if the file cannot be written."""
    path = progress_path(progress_file)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps({"solved": sorted(set(solved))}, indent=1) + "\n", encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        return f"progress not saved: {path} could not be written ({error.strerror or error})"
    return None


def record_solved(exercise_id: str, progress_file: str | Path | None = None) -> tuple[list[str], str | None]:
    """Add ``exercise_id`` to the solved ids; return them all, and a note if something went wrong."""
    solved, read_note = load_solved(progress_file)
    if exercise_id not in solved:
        solved = sorted([*solved, exercise_id])
    write_note = save_solved(solved, progress_file)
    return solved, "; ".join(note for note in (read_note, write_note) if note) or None
