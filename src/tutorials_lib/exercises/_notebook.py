"""One Jupyter notebook per track: statement, a cell to fill in, and a cell that checks it."""

from __future__ import annotations

from typing import Any

from tutorials_lib.exercises._core import TRACKS, by_track

KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}


def _markdown(text: str) -> dict[str, Any]:
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def _code(text: str) -> dict[str, Any]:
    return {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": text}


def notebook(track: str, *, solved: bool = False) -> dict[str, Any]:
    """Build the exercises notebook of a track, as a dictionary in the ``.ipynb`` (nbformat 4) layout.

    Save it with ``json.dump`` and open it in Jupyter. Each exercise gets its statement, a cell
    to fill in, and a cell that checks the answer.

    Args:
        track: A track key such as ``"numpy"``.
        solved: Fill the cells with the model solutions instead of ``...`` (used by the tests).

    Raises:
        TypeError: If ``track`` is not a string or ``solved`` not a boolean.
        ValueError: If ``track`` is not a track key.

    Examples:
        >>> from tutorials_lib.exercises import notebook
        >>> nb = notebook("numpy")
        >>> nb["nbformat"], nb["cells"][0]["source"].splitlines()[0]
        (4, '# NumPy exercises')
    """
    if not isinstance(solved, bool):
        raise TypeError(f"solved must be True or False; got {solved!r}.")
    exercises = by_track(track)
    name = TRACKS[exercises[0].track]
    cells = [
        _markdown(
            f"# {name} exercises\n\n"
            "For each exercise: read the statement, replace the `...` in the code cell with your answer, "
            "run the cell, then run the check below it. The check says `Correct!` or explains what is "
            'wrong. Stuck? Run `get("<id>").hint()`, or `get("<id>").solution()` to see a solution.\n\n'
            "Your progress is kept in a small file on your computer (`~/.tutorials_lib/progress.json`); "
            "nothing is sent anywhere. The checks come from the guide's package, `tutorials_lib`: the "
            "notebook you download from the site installs it in the cell below, where it is missing."
        ),
        _code("from tutorials_lib.exercises import get, progress"),
    ]
    for exercise in exercises:
        cells.append(_markdown(f"## {exercise.id}: {exercise.title}\n\n{exercise.statement}"))
        cells.append(_code(exercise.solution_code if solved else exercise.starter_code))
        cells.append(_code(f'get("{exercise.id}").check({exercise.answer_name})'))
    cells.append(_markdown("## Your progress"))
    cells.append(_code(f'progress("{exercises[0].track}")'))
    for index, cell in enumerate(cells):
        cell["id"] = f"cell-{index}"
    return {
        "cells": cells,
        "metadata": {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
