"""The exercise type, its verdicts, and the registry of every exercise on the site."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tutorials_lib.exercises._checks import Mistake, describe
from tutorials_lib.exercises._progress import record_solved

TRACKS: dict[str, str] = {
    "numpy": "NumPy",
    "pandas": "pandas",
    "matplotlib": "Matplotlib",
    "workflow": "scikit-learn workflow",
    "algorithms": "classic algorithms",
    "features": "features and explanations",
    "recommender": "recommender",
    "networks": "neural networks",
    "training": "training toolkit",
    "digits": "digits project",
    "generative": "generative models",
    "language": "language models",
    "retrieval": "search with embeddings",
}
"""Track keys, in the order of the site, and the names the messages use."""


class Text(str):
    """A string that a notebook or the Python prompt shows as plain text, without quotes."""

    def __repr__(self) -> str:
        return str(self)


class Result:
    """The verdict of a check: ``correct`` is True or False, ``message`` says why.

    A notebook shows the message as the cell's output, and ``if ex.check(answer):`` works.
    """

    def __init__(self, exercise_id: str, correct: bool, message: str) -> None:
        self.exercise_id = exercise_id
        self.correct = correct
        self.message = message

    def __bool__(self) -> bool:
        return self.correct

    def __repr__(self) -> str:
        return self.message

    __str__ = __repr__


class Solution:
    """A model solution: ``code`` to read or copy, and ``answer``, the value that code produces."""

    def __init__(self, code: str, answer: Any) -> None:
        self.code = code
        self.answer = answer

    def __repr__(self) -> str:
        return self.code


@dataclass(frozen=True)
class Exercise:
    """One exercise: a statement, a check of the reader's answer, a hint and a solution.

    Attributes:
        id: Track key and number, such as ``"numpy-03"``.
        title: A short title.
        statement: What to do, in Markdown.
        hint_text: A nudge that does not give the answer away.
        given: Code that sets up the exercise (imports, data); the notebook cell starts with it.
        starter: The lines the reader completes, such as ``evens = ...``.
        solution_body: The lines that solve it; ``given`` followed by them runs on its own.
        answer_name: The name the solution binds to the answer (a variable or a function).
        checker: Raises ``Mistake`` with an explanation when the answer is wrong.
    """

    id: str
    title: str
    statement: str
    hint_text: str
    given: str
    starter: str
    solution_body: str
    answer_name: str
    checker: Callable[[Any], None] = field(repr=False)

    @property
    def track(self) -> str:
        """The track key: the id without its number (``"numpy"`` for ``"numpy-03"``)."""
        return self.id.rsplit("-", 1)[0]

    @property
    def starter_code(self) -> str:
        """The code of the notebook cell the reader fills in."""
        return _join(self.given, self.starter)

    @property
    def solution_code(self) -> str:
        """The code of the model solution, complete: it runs alone in a fresh notebook."""
        return _join(self.given, self.solution_body)

    def hint(self) -> Text:
        """Return the hint, shown as plain text in a notebook."""
        return Text(self.hint_text)

    def solution(self) -> Solution:
        """Run the model solution and return its code and the answer it produces."""
        namespace: dict[str, Any] = {"__name__": "__exercise__"}
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(self.solution_code, f"<solution of {self.id}>", "exec"), namespace)
        return Solution(self.solution_code, namespace[self.answer_name])

    def check(self, answer: Any, *, progress_file: str | Path | None = None) -> Result:
        """Check ``answer`` and return the verdict; never raises.

        A correct answer is recorded as solved in a small local JSON file (see ``progress``),
        and the verdict says how many exercises of the track are solved.

        Args:
            answer: The reader's answer: a value, an estimator or a function, as the
                statement asks.
            progress_file: Where progress is kept; by default the file named by the
                ``TUTORIALS_LIB_PROGRESS`` environment variable, else
                ``~/.tutorials_lib/progress.json``.

        Returns:
            A ``Result``: it shows as "Correct! ..." or "Not yet: ...", and is truthy when correct.
        """
        if answer is Ellipsis:
            return Result(
                self.id,
                False,
                "Not yet: there is no answer yet. Replace the `...` in the cell "
                "with your code, run the cell, then run the check again.",
            )
        try:
            self.checker(answer)
        except Mistake as mistake:
            return Result(self.id, False, f"Not yet: {mistake}")
        except Exception as error:  # a bug in a check must not look like the reader's fault
            return Result(
                self.id,
                False,
                (
                    f"Not yet: the check could not make sense of this answer ({describe(answer)}); it failed "
                    f"with {type(error).__name__}: {error}. Compare your answer with what the statement asks "
                    f"for, or look at ex.hint()."
                ),
            )
        try:
            solved, note = record_solved(self.id, progress_file)
        except (TypeError, ValueError) as error:  # progress_file was not a path
            solved, note = [self.id], f"progress not saved: {error}"
        same_track = [exercise_id for exercise_id in solved if exercise_id.rsplit("-", 1)[0] == self.track]
        total = len(by_track(self.track))
        name = TRACKS[self.track]
        count = len([e for e in by_track(self.track) if e.id in same_track])
        message = (
            f"Correct! You have solved all {total} {name} exercises."
            if count == total
            else f"Correct! You have solved {count} of {total} {name} exercises."
        )
        return Result(self.id, True, message + (f" ({note})" if note else ""))


def _join(*parts: str) -> str:
    return "\n\n".join(part.strip("\n") for part in parts if part.strip())


def _registry() -> dict[str, Exercise]:
    from tutorials_lib.exercises import (
        algorithms_track,
        digits_track,
        features_track,
        generative_track,
        language_track,
        matplotlib_track,
        networks_track,
        numpy_track,
        pandas_track,
        recommender_track,
        retrieval_track,
        training_track,
        workflow_track,
    )

    exercises: dict[str, Exercise] = {}
    for module in (
        numpy_track,
        pandas_track,
        matplotlib_track,
        workflow_track,
        algorithms_track,
        features_track,
        recommender_track,
        networks_track,
        training_track,
        digits_track,
        generative_track,
        language_track,
        retrieval_track,
    ):
        for exercise in module.EXERCISES:
            if exercise.id in exercises:
                raise RuntimeError(f"Two exercises have the id {exercise.id!r}")
            exercises[exercise.id] = exercise
    return exercises


_EXERCISES: dict[str, Exercise] = {}


def all_exercises() -> list[Exercise]:
    """Every exercise, track by track, in the order of the site.

    Examples:
        >>> from tutorials_lib.exercises import all_exercises
        >>> len(all_exercises()) >= 30
        True
    """
    if not _EXERCISES:
        _EXERCISES.update(_registry())
    return list(_EXERCISES.values())


def get(exercise_id: str) -> Exercise:
    """Return the exercise with this id, such as ``"numpy-01"``.

    Raises:
        TypeError: If ``exercise_id`` is not a string.
        ValueError: If there is no such exercise; the message lists the ids of the track.

    Examples:
        >>> from tutorials_lib.exercises import get
        >>> get("numpy-01").title
        'Even numbers up to 20'
        >>> get("numpy-99")
        Traceback (most recent call last):
        ...
        ValueError: exercise_id 'numpy-99' names no exercise: the numpy track has numpy-01 to numpy-...
    """
    if not isinstance(exercise_id, str):
        raise TypeError(
            f"exercise_id must be a string such as 'numpy-01', as in get('numpy-01'); got "
            f"{describe(exercise_id)}."
        )
    all_exercises()
    key = exercise_id.strip().lower()
    if key in _EXERCISES:
        return _EXERCISES[key]
    track = key.rsplit("-", 1)[0]
    if track in TRACKS:
        ids = [exercise.id for exercise in by_track(track)]
        raise ValueError(
            f"exercise_id {exercise_id!r} names no exercise: the {track} track has {ids[0]} to {ids[-1]}."
        )
    raise ValueError(
        f"exercise_id {exercise_id!r} names no exercise. Ids are a track and a number, such as "
        f"'numpy-01'; the tracks are: {', '.join(TRACKS)}."
    )


def by_track(track: str) -> list[Exercise]:
    """Return the exercises of a track (``"numpy"``, ``"pandas"``...), in order.

    Raises:
        TypeError: If ``track`` is not a string.
        ValueError: If there is no such track; the message lists the tracks.

    Examples:
        >>> from tutorials_lib.exercises import by_track
        >>> [exercise.id for exercise in by_track("numpy")][:2]
        ['numpy-01', 'numpy-02']
    """
    if not isinstance(track, str):
        raise TypeError(
            f"track must be a track key such as 'numpy'; got {describe(track)}. The tracks are: "
            f"{', '.join(TRACKS)}."
        )
    key = track.strip().lower()
    if key not in TRACKS:
        raise ValueError(f"There is no track {track!r}; the tracks are: {', '.join(TRACKS)}.")
    return [exercise for exercise in all_exercises() if exercise.track == key]
