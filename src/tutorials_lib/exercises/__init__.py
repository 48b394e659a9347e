"""Exercises that check your answer, offline, in your own notebook.

Each exercise has an id such as ``"numpy-01"``. Get it, read it, try, and check::

    from tutorials_lib.exercises import get
    ex = get("numpy-01")
    print(ex.statement)
    ex.check(evens)      # "Correct! ..." or "Not yet: ..." with what is wrong
    ex.hint()            # a nudge
    ex.solution()        # the model solution's code

Examples:
    >>> from tutorials_lib.exercises import get
    >>> ex = get("numpy-01")
    >>> ex.check([0, 2, 4])
    Not yet: you returned a list, but `evens` should be a NumPy array. ...
    >>> ex.hint()
    np.arange(start, stop, step) stops just before `stop`.
"""

from tutorials_lib.exercises._core import (
    TRACKS,
    Exercise,
    Result,
    Solution,
    Text,
    all_exercises,
    by_track,
    get,
)
from tutorials_lib.exercises._notebook import notebook
from tutorials_lib.exercises._progress import PROGRESS_ENV, progress_path
from tutorials_lib.exercises._report import progress, reset_progress

__all__ = [
    "PROGRESS_ENV",
    "TRACKS",
    "Exercise",
    "Result",
    "Solution",
    "Text",
    "all_exercises",
    "by_track",
    "get",
    "notebook",
    "progress",
    "progress_path",
    "reset_progress",
]
