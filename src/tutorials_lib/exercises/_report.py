"""What the reader sees of their progress: a summary per track, and a way to start again."""

from __future__ import annotations

from pathlib import Path

from tutorials_lib.exercises._core import TRACKS, Text, by_track
from tutorials_lib.exercises._progress import load_solved, progress_path, save_solved


def progress(track: str | None = None, *, progress_file: str | Path | None = None) -> Text:
    """Summarise which exercises you have solved, per track (or for one track).

    Args:
        track: A track key such as ``"numpy"``; ``None`` for all tracks.
        progress_file: The progress file; by default ``$TUTORIALS_LIB_PROGRESS`` or
            ``~/.tutorials_lib/progress.json``.

    Returns:
        A text that a notebook shows as is.

    Raises:
        TypeError: If ``track`` is not a string or ``None``, or ``progress_file`` not a path.
        ValueError: If ``track`` is not a track key.

    Examples:
        >>> import pathlib
        >>> import tempfile
        >>> from tutorials_lib.exercises import progress
        >>> empty = pathlib.Path(tempfile.mkdtemp()) / "progress.json"
        >>> progress("numpy", progress_file=empty)
        NumPy: 0 of 5 solved.
    """
    tracks = [track] if track is not None else list(TRACKS)
    for key in tracks:
        by_track(key)  # an unknown track is reported before the file is read
    solved, note = load_solved(progress_file)
    lines = []
    for key in tracks:
        exercises = by_track(key)
        done = [exercise.id for exercise in exercises if exercise.id in solved]
        line = f"{TRACKS[key.strip().lower()]}: {len(done)} of {len(exercises)} solved"
        lines.append(line + (f" ({', '.join(done)})." if done else "."))
    if note:
        lines.append(f"Note: {note}.")
    return Text("\n".join(lines))


def reset_progress(track: str | None = None, *, progress_file: str | Path | None = None) -> Text:
    """Forget the solved exercises of one track, or of all tracks, to start again.

    Raises:
        TypeError: If ``track`` is not a string or ``None``, or ``progress_file`` not a path.
        ValueError: If ``track`` is not a track key.

    Examples:
        >>> import pathlib
        >>> import tempfile
        >>> from tutorials_lib.exercises import reset_progress
        >>> file = pathlib.Path(tempfile.mkdtemp()) / "progress.json"
        >>> reset_progress("numpy", progress_file=file)  # doctest: +ELLIPSIS
        Progress of the NumPy track cleared in .../progress.json.
    """
    if track is not None:
        by_track(track)  # an unknown track is reported before the file is touched
    solved, _ = load_solved(progress_file)
    if track is None:
        keep: list[str] = []
    else:
        ids = {exercise.id for exercise in by_track(track)}
        keep = [exercise_id for exercise_id in solved if exercise_id not in ids]
    note = save_solved(keep, progress_file)
    what = "all tracks" if track is None else f"the {TRACKS[track.strip().lower()]} track"
    return Text(note or f"Progress of {what} cleared in {progress_path(progress_file)}.")
